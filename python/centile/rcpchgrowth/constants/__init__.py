"""rcpchgrowth 4.6.5's constants package: every constant of its modules."""

from .validation_constants import *  # noqa: F401,F403
from .age_constants import *  # noqa: F401,F403
from .reference_constants import *  # noqa: F401,F403
from .height_predictions_constants import *  # noqa: F401,F403
from .bone_age_constants import *  # noqa: F401,F403
