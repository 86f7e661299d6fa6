"""rcpchgrowth 4.6.5's public API computed by centile: a script that changes only its import
(``from centile import rcpchgrowth`` or ``import centile.rcpchgrowth as rcpchgrowth``) gets the same numbers,
more than a hundred times faster and without SciPy.

The modules scripts import directly are here under rcpchgrowth's names: ``global_functions``,
``date_calculations``, ``centile_bands``, ``age_advice_strings``, ``bmi_functions``, ``dynamic_growth``,
``mid_parental_height``, ``fictional_child``, ``chart_functions``, ``measurement`` and
``constants.reference_constants``. Where centile departs from rcpchgrowth (docs/python.md lists each case),
it is where the engine departs from it; invalid input raises a ``ValueError`` naming the field (rcpchgrowth
often returns Python's own error text in the measurement dict instead).
"""

from centile._centile import __version__ as _engine_version
from .age_advice_strings import comment_prematurity_correction
from .bmi_functions import bmi_from_height_weight, weight_for_bmi_height
from .centile_bands import centile_band_for_centile
from .chart_functions import create_chart
from .constants import *  # noqa: F401,F403
from .date_calculations import (
    chronological_calendar_age,
    chronological_decimal_age,
    corrected_decimal_age,
    corrected_gestational_age,
    estimated_date_delivery,
)
from .dynamic_growth import acceleration, velocity
from .fictional_child import generate_fictional_child_data
from .global_functions import centile, measurement_from_sds, percentage_median_bmi, sds_for_measurement
from .measurement import Measurement
from .mid_parental_height import (
    expected_height_z_from_mid_parental_height_z,
    lower_and_upper_limits_of_expected_height_z,
    mid_parental_height,
    mid_parental_height_z,
)

#: The rcpchgrowth version whose API this package offers.
__version__ = "4.6.5"
