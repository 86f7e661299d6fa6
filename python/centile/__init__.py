"""centile: children's growth centiles and SDS for the UK-WHO, WHO, CDC, Turner and trisomy-21 references,
computed by the same Rust engine as the npm package ``centile``, with the numbers of rcpchgrowth 4.6.5.

- The RCPCH Digital Growth Charts API as functions on dicts: :func:`calculation`, :func:`bulk_calculation`,
  :func:`chart_coordinates`, :func:`mid_parental_height`, :func:`fictional_child_data`. Requests and answers
  have the API's JSON shapes; a rejected request raises :class:`CentileError` with the API's 422 ``detail``.
- Columns: :func:`sds`, :func:`centile`, :func:`measurement_from_sds` over NumPy or Arrow arrays, and
  :func:`score` for whole pandas or Polars frames (the columns of ``centile calculate``).
- ``centile.rcpchgrowth``: rcpchgrowth 4.6.5's public API, for scripts that change only their import.
"""

from __future__ import annotations

from typing import Any, List, Mapping, cast

from . import _centile
from ._centile import CentileError
from .responses import BulkResponse, ChartCoordinates, MeasurementObject, MidParentalHeightResponse
from .columns import centile, measurement_from_sds, output_schema, score, score_batches, sds

__all__ = [
    "CentileError",
    "calculation",
    "bulk_calculation",
    "chart_coordinates",
    "mid_parental_height",
    "fictional_child_data",
    "sds",
    "centile",
    "measurement_from_sds",
    "score",
    "score_batches",
    "output_schema",
]

__version__: str = _centile.__version__

CentileError.__doc__ = _centile.CentileError.__doc__


def calculation(reference: str, body: Mapping[str, Any]) -> MeasurementObject:
    """The measurement object of one observation: ``POST /{reference}/calculation``.

    ``reference`` is ``uk-who``, ``who``, ``cdc``, ``turners-syndrome``, ``trisomy-21`` or ``trisomy-21-aap``.
    ``body`` holds ``birth_date``, ``observation_date`` (ISO text or ``datetime.date``), ``observation_value``,
    ``sex``, ``measurement_method`` and optionally ``gestation_weeks``, ``gestation_days`` and the bone-age and
    events fields. Raises :class:`CentileError` (422) naming each invalid field.

    Example: ``calculation("uk-who", {"birth_date": "2020-01-01", "observation_date": "2021-01-01",
    "observation_value": 9.5, "sex": "female", "measurement_method": "weight"})["measurement_calculated_values"]``.
    """
    return cast(MeasurementObject, _centile.calculation(reference, body))


def bulk_calculation(reference: str, body: Mapping[str, Any]) -> BulkResponse:
    """One child, many observations: ``POST /{reference}/bulk-calculation``.

    ``body`` holds the birth details and ``observations`` (a list of ``{observation_date, observation_value}``
    and optional notes). Returns ``{"results": [...]}``: a measurement object per observation, or the 422 item of
    an observation that failed in its place. Raises :class:`CentileError` for invalid birth details.
    """
    return cast(BulkResponse, _centile.bulk_calculation(reference, body))


def chart_coordinates(reference: str, body: Mapping[str, Any]) -> ChartCoordinates:
    """Centile lines to draw a chart: ``POST /{reference}/chart-coordinates``.

    ``body``: ``sex``, ``measurement_method``, ``centile_format`` (a format name, default
    ``cole-nine-centiles``, or a list of 1-15 centiles, or SDS values with ``is_sds``). Beyond the dGC API
    (docs/nutrition.md), a method beyond it on ``who`` or ``cdc``, or ``bmi`` on ``iotf``, draws that table:
    weight-for-length/height against length or height in cm.
    """
    return cast(ChartCoordinates, _centile.chart_coordinates(reference, body))


def mid_parental_height(body: Mapping[str, Any]) -> MidParentalHeightResponse:
    """``POST /utilities/mid-parental-height``: ``{height_maternal, height_paternal, sex, reference}``.

    Returns the mid-parental height, its SDS and centile, and the child's expected adult range.
    """
    return cast(MidParentalHeightResponse, _centile.mid_parental_height(body))


def fictional_child_data(reference: str, body: Mapping[str, Any]) -> List[MeasurementObject]:
    """A fictional child's measurement objects: ``POST /{reference}/fictional-child-data``.

    ``body``: ``measurement_method``, ``sex``, ``start_chronological_age``, ``end_age``, ``gestation_weeks``,
    ``gestation_days``, ``measurement_interval_type``, ``measurement_interval_number``, ``start_sds``,
    ``drift``, ``drift_range``, ``noise``, ``noise_range`` (the API's defaults), and ``seed`` for reproducible
    noise.
    """
    return cast(List[MeasurementObject], _centile.fictional_child_data(reference, body))
