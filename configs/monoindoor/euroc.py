# Short name: MonoIndoor++ on EuRoC MAV (monoindoorpp_r18_40e_euroc-512x256.py).
_base_ = './monoindoorpp_r18_40e_euroc-512x256.py'
