"""rcpchgrowth 4.6.5's constants.height_predictions_constants, generated from that package by python/scripts/generate_constants.py
(rcpchgrowth: (c) RCPCH, AGPL-3.0). Do not edit."""

BAYLEY_PINNEAU = 'bayley-pinneau'
ROCHE_WAINER_THISSEN = 'roche-wainer-thissen'
HEIGHT_PREDICTION_REFERENCES = ['bayley-pinneau', 'roche-wainer-thissen']
