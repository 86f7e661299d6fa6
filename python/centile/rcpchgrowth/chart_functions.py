"""rcpchgrowth's chart_functions.create_chart: the centile lines of a chart, from the engine."""

from __future__ import annotations

from typing import Any, List, Union

from centile import _centile
from .constants.reference_constants import COLE_TWO_THIRDS_SDS_NINE_CENTILES, FEMALE, HEIGHT


def create_chart(reference: str, centile_format: Union[str, List[float]] = COLE_TWO_THIRDS_SDS_NINE_CENTILES,
                 measurement_method: str = HEIGHT, sex: str = FEMALE, is_sds: bool = False) -> List[Any]:
    """The chart's segments, each ``{segment: {sex: {method: [lines]}}}``. ValueError for an invalid request."""
    chart = _centile.chart_coordinates(reference, {"centile_format": centile_format, "is_sds": is_sds,
                                                   "measurement_method": measurement_method, "sex": sex})
    # The API's chart names every sex and method, those not drawn as null; rcpchgrowth's only the drawn ones.
    return [{segment: {sex: {method: lines for method, lines in methods.items() if lines is not None}
                       for sex, methods in sexes.items() if methods is not None}
             for segment, sexes in part.items()}
            for part in chart["centile_data"]]
