# Short name: MonoIndoor++ on NYUv2 (monoindoorpp_r18_40e_nyuv2-320x256.py).
_base_ = './monoindoorpp_r18_40e_nyuv2-320x256.py'
