"""rcpchgrowth 4.6.5's constants.bone_age_constants, generated from that package by python/scripts/generate_constants.py
(rcpchgrowth: (c) RCPCH, AGPL-3.0). Do not edit."""

G_P = 'greulich-pyle'
TWII = 'tanner-whitehouse-ii'
TWIII = 'tanner-whitehouse-iii'
FELS = 'fels'
BONEXPERT = 'bonexpert'
BONE_AGE_REFERENCES = ['greulich-pyle', 'tanner-whitehouse-ii', 'tanner-whitehouse-iii', 'fels', 'bonexpert']
