//! Thrive lines against rcpchgrowth 4.6.5's experimental create_thrive_line (tests/vectors/thrive_lines.json):
//! the same SDS and weights at every requested age. rcpchgrowth leaves its first age in months and appends a
//! duplicate last point read at the previous age; centile returns one point per age, in years (docs/differences.md).

use centile::dgc::api;
use centile::dgc::value::Value;
use serde_json::Value as Json;

mod common;
use common::{cases, Answer, ThriveCase, SDS_ABS};

#[test]
fn thrive_line_vectors() {
    let mut points = 0;
    for c in cases::<ThriveCase>("thrive_lines.json") {
        let request: Value = serde_json::from_value(serde_json::json!({
            "sex": c.sex, "start_sds": c.start_sds, "months": c.months, "target_centile": c.target_centile,
        }))
        .unwrap();
        let id = format!("{c:?}");
        let Answer::Value(want) = &c.line else {
            continue;
        };
        let line = api::thrive_line(&request).unwrap();
        let months = &c.months;
        assert_eq!(line.zs.len(), months.len(), "{id}");
        for i in 0..months.len() {
            assert!((line.zs[i] - want.zs[i]).abs() <= SDS_ABS, "{id} z[{i}]");
            assert_eq!(
                line.observation_values[i], want.observation_values[i],
                "{id} value[{i}]"
            );
            let age = if i == 0 {
                months[0] / 12.0
            } else {
                want.ages[i]
            };
            assert_eq!(line.ages[i], age, "{id} age[{i}]");
            points += 1;
        }
    }
    assert!(points > 500, "{points}");
}

/// rcpchgrowth fails at exactly 12 months (its interpolation reads a 13th month); centile uses the last cell.
#[test]
fn twelve_months_works_and_older_ages_are_refused() {
    let request = |months: Json| -> Value {
        serde_json::from_value(
            serde_json::json!({"sex": "male", "start_sds": 0.0, "months": months}),
        )
        .unwrap()
    };
    let line = api::thrive_line(&request(serde_json::json!([10, 11, 12]))).unwrap();
    assert_eq!(line.ages.len(), 3);
    assert!(line.observation_values.iter().all(Option::is_some));
    assert!(api::thrive_line(&request(serde_json::json!([11, 13]))).is_err());
}
