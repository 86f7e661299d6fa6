//! The six growth references, and which LMS table serves a given age, method and sex.

use crate::engine::data::{table, Source, Table};
use crate::{Method, Reference, Sex};

/// Why a reference has no data for a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NoData {
    /// The age is below where the reference starts.
    TooYoung {
        /// The reference.
        reference: Reference,
        /// Its first age, in words.
        starts: &'static str,
    },
    /// The age is beyond where the reference ends.
    TooOld {
        /// The reference.
        reference: Reference,
        /// Its last age, in words.
        ends: &'static str,
    },
    /// The measurement is covered only over part of the reference's age range.
    MethodOutsideAges {
        /// The reference.
        reference: Reference,
        /// The measurement.
        method: Method,
        /// Its age range, in words.
        range: &'static str,
    },
    /// The reference has no table at all for this measurement or sex.
    NotCovered {
        /// The reference.
        reference: Reference,
        /// What it covers, in words.
        covers: &'static str,
    },
}

impl std::error::Error for NoData {}

/// A gestation expressed as a (negative or small) decimal age from term.
const fn weeks(w: f64) -> f64 {
    (w * 7.0 - 280.0) / 365.25
}
const WEEKS_22: f64 = weeks(22.0);
const WEEKS_23: f64 = weeks(23.0);
const WEEKS_25: f64 = weeks(25.0);
/// 42 weeks' gestation: where UK-WHO moves from UK90 preterm to WHO 2006.
pub(crate) const WEEKS_42: f64 = weeks(42.0);
/// Day 1856: the last day of WHO 2006.
pub(crate) const WHO_2006_END: f64 = 1856.0 / 365.25;
/// One month, as rcpchgrowth rounds it for the AAP lower limit.
const ONE_MONTH: f64 = 0.083333333;

fn lookup(
    source: Source,
    method: Method,
    sex: Sex,
    reference: Reference,
) -> Result<&'static Table, NoData> {
    table(source, method, sex).ok_or(NoData::NotCovered {
        reference,
        covers: "other measurements",
    })
}

/// Which of two tables an age exactly at their join reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtJoin {
    /// The older table, as rcpchgrowth reads a measurement.
    OlderTable,
    /// The younger table, as chart lines are drawn up to a join.
    YoungerTable,
}

/// The LMS table rcpchgrowth reads for this request, `at_join` deciding an age exactly where two tables meet.
#[inline(never)] // one copy for its callers (sds::lms_for on every call, sds::sds_each when the age leaves its span)
pub(crate) fn select(
    reference: Reference,
    age: f64,
    method: Method,
    sex: Sex,
    at_join: AtJoin,
) -> Result<&'static Table, NoData> {
    let younger_table = at_join == AtJoin::YoungerTable;
    use Reference as R;
    let too_young = |starts| Err(NoData::TooYoung { reference, starts });
    let too_old = |ends| Err(NoData::TooOld { reference, ends });
    let outside = |range| {
        Err(NoData::MethodOutsideAges {
            reference,
            method,
            range,
        })
    };
    let source = match reference {
        R::UkWho => {
            if age < WEEKS_23 {
                return too_young("23 weeks' gestation");
            }
            if age > 20.0 {
                return too_old("20 years");
            }
            if method == Method::Height && age < WEEKS_25 {
                return outside("25 weeks' gestation to 20 years");
            }
            if method == Method::Bmi && age < WEEKS_42 {
                return outside("2 weeks after term (42 weeks) to 20 years");
            }
            if method == Method::Ofc && sex == Sex::Male && age > 18.0 {
                return outside("boys up to 18 years");
            }
            if method == Method::Ofc && sex == Sex::Female && age > 17.0 {
                return outside("girls up to 17 years");
            }
            if age < WEEKS_42 || (age == WEEKS_42 && younger_table) {
                Source::Uk90Preterm
            } else if age < 2.0 || (age == 2.0 && younger_table) {
                Source::WhoInfants
            } else if age < 4.0 || (age == 4.0 && younger_table) {
                Source::WhoChildren
            } else {
                Source::Uk90Child
            }
        }
        R::Who => {
            if age < 0.0 {
                return too_young("term (40 weeks)");
            }
            if age > 19.0 {
                return too_old("19 years");
            }
            if method == Method::Weight && age > 10.0 {
                return outside("term to 10 years");
            }
            if method == Method::Ofc && age > WHO_2006_END {
                return outside("term to 5 years");
            }
            if age > WHO_2006_END {
                Source::Who2007
            } else if age < 2.0 || (age == 2.0 && younger_table) {
                Source::WhoInfants
            } else {
                Source::WhoChildren
            }
        }
        R::Cdc => {
            if age < WEEKS_22 || age < 0.0 {
                return too_young("term (40 weeks); it has no preterm data");
            }
            if age > 20.0 {
                return too_old("20 years");
            }
            if method == Method::Ofc && age > 3.0 {
                return outside("term to 3 years");
            }
            if method == Method::Bmi && age < 2.0 {
                return outside("2 to 20 years");
            }
            if method == Method::Ofc {
                Source::CdcInfants
            } else if age < 2.0 || (age == 2.0 && younger_table) {
                Source::WhoInfantsPre2025
            } else {
                Source::CdcChildren
            }
        }
        R::Trisomy21 => {
            if age < 0.0 {
                return too_young("term (40 weeks)");
            }
            if age > 20.0 {
                return too_old("20 years");
            }
            if method == Method::Bmi && age > 18.82 {
                return outside("term to 18.82 years");
            }
            if method == Method::Ofc && age > 18.0 {
                return outside("term to 18 years");
            }
            Source::Trisomy21
        }
        R::Trisomy21Aap => {
            if age < 0.0 {
                return too_young("term (40 weeks)");
            }
            if matches!(method, Method::Height | Method::Ofc) && age < ONE_MONTH {
                return outside("1 month to 20 years");
            }
            if method == Method::Bmi && age < 2.0 {
                return outside("2 to 20 years");
            }
            if age > 20.0 {
                return too_old("20 years");
            }
            let infant = age <= 3.0 && method != Method::Bmi;
            if infant && !(method == Method::Ofc && age == 3.0 && !younger_table) {
                Source::Trisomy21AapInfants
            } else {
                Source::Trisomy21AapChildren
            }
        }
        R::TurnersSyndrome => {
            if age < 1.0 {
                return too_young("1 year");
            }
            if age > 20.0 {
                return too_old("20 years");
            }
            if method != Method::Height || sex != Sex::Female {
                return Err(NoData::NotCovered {
                    reference,
                    covers: "girls' height",
                });
            }
            Source::Turner
        }
    };
    lookup(source, method, sex, reference)
}

/// The age used to read the table: at exactly 2.0 years UK-WHO and WHO read the nearest end row of the selected
/// daily table (day 731, or day 730 for the younger table).
#[inline]
pub(crate) fn lookup_age(reference: Reference, age: f64, table: &Table) -> f64 {
    if matches!(reference, Reference::UkWho | Reference::Who) && age == 2.0 {
        // Not `clamp`: its panic message would bring float formatting into the .wasm.
        age.max(table.age[0]).min(table.age[table.age.len() - 1])
    } else {
        age
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `sds::sds_for_measurements` relies on this: for one reference, method and sex, the ages `select` reads a
    /// table at form one interval, with no other table or refusal between any two of them.
    #[test]
    fn each_table_serves_one_interval_of_ages() {
        // Every tenth of a day from a year before term to 21 years; every row's age, every age where a rule
        // changes, and the floats either side of each.
        let mut ages: Vec<f64> = (-3653..=21 * 3653).map(|k| f64::from(k) / 3652.5).collect();
        let edges = [
            WEEKS_22,
            WEEKS_23,
            WEEKS_25,
            WEEKS_42,
            WHO_2006_END,
            ONE_MONTH,
            18.82,
        ];
        let rows = crate::engine::data::every_table().flat_map(|t| t.age.iter().copied());
        let whole = (0..=21).map(f64::from);
        for age in rows.chain(edges).chain(whole).collect::<Vec<_>>() {
            ages.extend([age.next_down(), age, age.next_up()]);
        }
        ages.sort_by(f64::total_cmp);
        ages.dedup();
        for reference in Reference::ALL {
            for method in Method::ALL {
                for sex in Sex::ALL {
                    for at_join in [AtJoin::OlderTable, AtJoin::YoungerTable] {
                        let mut done: Vec<*const Table> = Vec::new();
                        let mut last: Option<*const Table> = None;
                        for &age in &ages {
                            let now = select(reference, age, method, sex, at_join)
                                .ok()
                                .map(std::ptr::from_ref);
                            if now != last {
                                if let Some(t) = now {
                                    assert!(
                                        !done.contains(&t),
                                        "{reference:?} {method:?} {sex:?} {at_join:?}: a table again at {age}"
                                    );
                                }
                                done.extend(last);
                                last = now;
                            }
                        }
                    }
                }
            }
        }
    }
}
