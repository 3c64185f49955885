# Short name: MonoIndoor++ on ScanNet (monoindoorpp_r18_40e_scannet-320x256.py).
_base_ = './monoindoorpp_r18_40e_scannet-320x256.py'
