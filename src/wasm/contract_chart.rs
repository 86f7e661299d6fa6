//! The JavaScript-facing contract of chart coordinates and mid-parental height: their requests and responses in
//! `pkg-template/index.d.ts`, generated with the measurement object's (`contract.rs`, `make protocol`). The keys
//! are those `dgc::chart_response` writes and `pkg-template/api.js` rebuilds from the flat encoding
//! (`tests/types/drift.test.mjs` checks real results against them).

use super::contract::{interface, key, opt, union, Interface, Ty, DECIMAL_AGE};
use crate::engine::mid_parental;
use crate::Reference;
use std::fmt::Write;

static CHART_COORDINATE_REQUEST: Interface = Interface {
    name: "ChartCoordinateRequest",
    doc: "The body of a dGC `POST /{reference}/chart-coordinates` request.",
    extends: &[],
    fields: &[
        key("sex", Ty::Ts("Sex"), ""),
        key("measurement_method", Ty::Ts("MeasurementMethod"), ""),
        opt(
            "centile_format",
            &Ty::Ts("CentileFormat | readonly number[]"),
            "A named format (default `cole-nine-centiles`) or 1–15 centiles strictly between 0 and 100 (SDS values \
             with `is_sds`).",
        ),
        opt(
            "is_sds",
            &Ty::Ts("boolean"),
            "Read a custom `centile_format` list as SDS values. Default false.",
        ),
    ],
};

static MID_PARENTAL_HEIGHT_REQUEST: Interface = Interface {
    name: "MidParentalHeightRequest",
    doc: "The body of a dGC `POST /utilities/mid-parental-height` request. Heights in cm.",
    extends: &[],
    fields: &[
        key("height_maternal", Ty::Number, ""),
        key("height_paternal", Ty::Number, ""),
        key("sex", Ty::Ts("Sex"), ""),
        opt(
            "reference",
            &Ty::Ts("MidParentalHeightReference"),
            "Default `uk-who`.",
        ),
    ],
};

static CHART_POINT: Interface = Interface {
    name: "ChartPoint",
    doc: "",
    extends: &[],
    fields: &[
        key(
            "l",
            Ty::Number,
            "The line's label (its centile, or its SDS to 3 dp).",
        ),
        key("x", Ty::Number, DECIMAL_AGE),
        key(
            "y",
            Ty::Nullable(&Ty::Number),
            "The measurement; null where the line has no value.",
        ),
    ],
};

static CENTILE_LINE: Interface = Interface {
    name: "CentileLine",
    doc: "",
    extends: &[],
    fields: &[
        key("sds", Ty::Number, ""),
        key("centile", Ty::Number, ""),
        key(
            "data",
            Ty::Ts("ChartPoint[]"),
            "Empty for a line without points in this segment.",
        ),
    ],
};

static CHART_COORDINATES: Interface = Interface {
    name: "ChartCoordinates",
    doc: "What `POST /{reference}/chart-coordinates` returns: the segments, youngest first.",
    extends: &[],
    fields: &[key("centile_data", Ty::Ts("ChartSegment[]"), "")],
};

static MID_PARENTAL_HEIGHT_RESPONSE: Interface = Interface {
    name: "MidParentalHeightResponse",
    doc: "What `POST /utilities/mid-parental-height` returns. Heights in cm.",
    extends: &[],
    fields: &[
        key(
            "mid_parental_height",
            Ty::Nullable(&Ty::Number),
            "Null where the reference has no height at this SDS.",
        ),
        key("mid_parental_height_sds", Ty::Number, ""),
        key(
            "mid_parental_height_centile",
            Ty::Number,
            "Rounded to 3 dp.",
        ),
        key(
            "mid_parental_height_centile_data",
            Ty::Ts("ChartSegment[]"),
            "The chart line at the mid-parental SDS.",
        ),
        key(
            "mid_parental_height_lower_centile_data",
            Ty::Ts("ChartSegment[]"),
            "The line 1.4 SDS below.",
        ),
        key(
            "mid_parental_height_upper_centile_data",
            Ty::Ts("ChartSegment[]"),
            "The line 1.4 SDS above.",
        ),
        key(
            "mid_parental_height_lower_value",
            Ty::Nullable(&Ty::Number),
            "",
        ),
        key(
            "mid_parental_height_upper_value",
            Ty::Nullable(&Ty::Number),
            "",
        ),
    ],
};

/// The chart-coordinate and mid-parental types, appended to `out`.
pub(super) fn typescript(out: &mut String) {
    out.push_str("\n// ---- chart coordinates and mid-parental height\n\n");
    union(
        out,
        "The references mid-parental height is available for.",
        "MidParentalHeightReference",
        &mid_parental::REFERENCES.map(Reference::name),
    );
    for i in [
        &CHART_COORDINATE_REQUEST,
        &MID_PARENTAL_HEIGHT_REQUEST,
        &CHART_POINT,
        &CENTILE_LINE,
    ] {
        interface(out, i);
    }
    let _ = writeln!(
        out,
        "\n/** The lines of one chart segment by method: the method drawn has its lines, the other three are null. */\n\
         export type ChartMethodLines = {{ [M in MeasurementMethod]: CentileLine[] | null }};\n\
         /** The lines of one chart segment by sex and method: the sex drawn has its methods, the other is null. */\n\
         export type ChartSexLines = {{ [S in Sex]: ChartMethodLines | null }};\n\
         /** One item of `centile_data`: a single segment key, e.g. `{{uk_who_child: {{male: {{height: [...]}}}}}}`. */\n\
         export type ChartSegment = {{ [K in ChartSegmentName]?: ChartSexLines }};"
    );
    for i in [&CHART_COORDINATES, &MID_PARENTAL_HEIGHT_RESPONSE] {
        interface(out, i);
    }
}
