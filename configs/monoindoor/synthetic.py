# Short name: MonoIndoor++ on the synthetic rooms (monoindoorpp_r18_1xb4-3e_synthetic-rooms-64x96).
_base_ = './monoindoorpp_r18_1xb4-3e_synthetic-rooms-64x96.py'
