# Short name: MonoIndoor++ on the synthetic rooms (see monoindoorpp_r18_1xb4-8e_synthetic-...).
_base_ = './monoindoorpp_r18_1xb4-8e_synthetic-rooms-64x96.py'
