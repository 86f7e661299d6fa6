# Types of the compiled module (python/src); `mypy.stubtest centile._centile` checks them against it.
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy
import numpy.typing
from centile.responses import ErrorDetail

__all__ = [
    "CentileError",
    "__version__",
    "calculation",
    "bulk_calculation",
    "chart_coordinates",
    "mid_parental_height",
    "fictional_child_data",
    "sds_for_measurement",
    "measurement_from_sds",
    "percentage_median_bmi",
    "centile_for_sds",
    "sds_for_centile",
    "bmi_from_height_weight",
    "velocity",
    "acceleration",
    "column",
    "score",
    "band_texts",
    "epoch_days",
    "NO_BAND",
    "ages_between",
    "ordinal",
    "measurement",
    "fictional_child",
    "age_comments",
    "centile_band_sentence",
]

__version__: str
NO_BAND: int

class CentileError(ValueError):
    status: int
    detail: List[ErrorDetail]

def calculation(reference: str, body: Any) -> Any: ...
def bulk_calculation(reference: str, body: Any) -> Any: ...
def chart_coordinates(reference: str, body: Any) -> Any: ...
def mid_parental_height(body: Any) -> Any: ...
def fictional_child_data(reference: str, body: Any) -> Any: ...
def sds_for_measurement(args: Any) -> float: ...
def measurement_from_sds(args: Any) -> float: ...
def percentage_median_bmi(args: Any) -> float: ...
def centile_for_sds(sds: Any) -> float: ...
def sds_for_centile(centile: Any) -> float: ...
def bmi_from_height_weight(height: Any, weight: Any) -> float: ...
def velocity(method: str, measurements: Any) -> float: ...
def acceleration(method: str, measurements: Any) -> float: ...
def column(
    kind: str,
    reference: Sequence[str],
    reference_codes: Optional[numpy.typing.NDArray[numpy.int64]],
    method: Sequence[str],
    method_codes: Optional[numpy.typing.NDArray[numpy.int64]],
    sex: Sequence[str],
    sex_codes: Optional[numpy.typing.NDArray[numpy.int64]],
    ages: numpy.typing.NDArray[numpy.float64],
    values: numpy.typing.NDArray[numpy.float64],
) -> numpy.typing.NDArray[numpy.float64]: ...
def score(
    reference: Sequence[str],
    reference_codes: Optional[numpy.typing.NDArray[numpy.int64]],
    birth_date: numpy.typing.NDArray[numpy.int64],
    observation_date: numpy.typing.NDArray[numpy.int64],
    observation_value: numpy.typing.NDArray[numpy.float64],
    sex: Sequence[str],
    sex_codes: Optional[numpy.typing.NDArray[numpy.int64]],
    method: Sequence[str],
    method_codes: Optional[numpy.typing.NDArray[numpy.int64]],
    gestation_weeks: numpy.typing.NDArray[numpy.float64],
    gestation_days: numpy.typing.NDArray[numpy.float64],
) -> Tuple[Dict[str, Any], List[int], List[Tuple[int, str]]]: ...
def band_texts(codes: Sequence[int]) -> List[Optional[str]]: ...
def epoch_days(texts: Sequence[str]) -> List[int]: ...
def ages_between(
    birth_date: str, observation_date: str, weeks: int, days: int
) -> Tuple[float, float, str, Optional[str], Optional[Tuple[int, int]]]: ...
def ordinal(centile: float) -> str: ...
def measurement(
    reference: Any,
    birth_date: Any,
    observation_date: Any,
    observed: Any,
    measurement_method: Any,
    observation_value: Any,
    sex: Any,
    gestation_weeks: Any,
    gestation_days: Any,
    events_text: Any,
    bone_age: Any,
    bone_age_type: Any,
    bone_age_sds: Any,
    bone_age_centile: Any,
    bone_age_text: Any,
) -> Dict[str, Any]: ...
def fictional_child(reference: str, body: Any) -> List[Dict[str, Any]]: ...
def age_comments(case: str, born: str) -> List[str]: ...
def centile_band_sentence(sds: float, measurement_method: str, centile_format: str) -> Optional[str]: ...
