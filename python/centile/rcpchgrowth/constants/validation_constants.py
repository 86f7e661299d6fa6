"""rcpchgrowth 4.6.5's constants.validation_constants, generated from that package by python/scripts/generate_constants.py
(rcpchgrowth: (c) RCPCH, AGPL-3.0). Do not edit."""

MINIMUM_GESTATION_WEEKS = 22
MINIMUM_GESTATION_WEEKS_ERROR = 'It is very unlikely that a gestational age of less than 22 weeks is correct'
MAXIMUM_GESTATION_WEEKS = 44
MAXIMUM_GESTATION_WEEKS_ERROR = 'It is very unlikely that a gestational age of more than 44 weeks is correct'
MINIMUM_PARENTAL_HEIGHT_CM = 50
MINIMUM_HEIGHT_WEIGHT_OFC_ADVISORY_SDS = -4
MAXIMUM_HEIGHT_WEIGHT_OFC_ADVISORY_SDS = 4
MINIMUM_BMI_ADVISORY_SDS = -4
MAXIMUM_BMI_ADVISORY_SDS = 4
MINIMUM_HEIGHT_WEIGHT_OFC_ERROR_SDS = -8
MAXIMUM_HEIGHT_WEIGHT_OFC_ERROR_SDS = 8
MINIMUM_BMI_ERROR_SDS = -15
MAXIMUM_BMI_ERROR_SDS = 15
