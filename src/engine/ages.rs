//! Calendar dates, decimal ages, gestational correction and calendar-age phrases.

use crate::engine::rounding::push_integer;
use std::fmt;

/// Days in a pregnancy at term (40+0 weeks).
pub(crate) const TERM_DAYS: i32 = 280;

/// A proleptic Gregorian calendar date between years 1 and 9999, as Python's `datetime.date`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Days since 1970-01-01.
    days: i32,
}

/// 0001-01-01 and 9999-12-31 as days since 1970-01-01.
const FIRST_DAY: i32 = -719_162;
const LAST_DAY: i32 = 2_932_896;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// The date for a year, month (1–12) and day, if it exists and lies in years 1–9999.
    #[inline]
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=9999).contains(&year)
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return None;
        }
        // Days from civil (H. Hinnant's algorithm).
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (month as i32 + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Date {
            days: era * 146_097 + doe - 719_468,
        })
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |n, &c| {
                c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
            })
        };
        Date::from_ymd(num(0..4)? as i32, num(5..7)?, num(8..10)?)
    }

    /// The date `days` after 1970-01-01, if within years 1–9999.
    pub fn from_epoch_days(days: i32) -> Option<Date> {
        Date { days: 0 }.add_days(days)
    }

    /// Days since 1970-01-01.
    pub fn epoch_days(self) -> i32 {
        self.days
    }

    /// Year, month and day.
    #[inline]
    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i32::from(month <= 2);
        (year, month, day)
    }

    /// The date `days` later (or earlier), if still within years 1–9999.
    pub fn add_days(self, days: i32) -> Option<Date> {
        let days = self.days.checked_add(days)?;
        (FIRST_DAY..=LAST_DAY)
            .contains(&days)
            .then_some(Date { days })
    }

    /// Whole days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Date) -> i32 {
        later.days - self.days
    }

    /// The same day `months` later, clipped to the end of a shorter month (dateutil's `relativedelta`).
    fn add_months(self, months: i32) -> Date {
        let (y, m, d) = self.ymd();
        let total = y * 12 + m as i32 - 1 + months;
        let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
        Date::from_ymd(year, month, d.min(days_in_month(year, month))).unwrap_or(self)
    }

    /// Written `YYYY-MM-DD`, as its [`Display`](fmt::Display) writes it.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        let mut text = String::with_capacity(10);
        push_integer(&mut text, i64::from(y), 4);
        text.push('-');
        push_integer(&mut text, i64::from(m), 2);
        text.push('-');
        push_integer(&mut text, i64::from(d), 2);
        text
    }

    /// Written as in the estimated-delivery-date string, e.g. "Sun 08 March, 2020".
    pub fn long_form(self) -> String {
        let (y, m, d) = self.ymd();
        let weekday = WEEKDAYS[(self.days + 3).rem_euclid(7) as usize];
        let mut text = String::from(weekday);
        text.push(' ');
        push_integer(&mut text, i64::from(d), 2);
        text.push(' ');
        text.push_str(MONTHS[m as usize - 1]);
        text.push_str(", ");
        push_integer(&mut text, i64::from(y), 1);
        text
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

/// Gestation at birth in completed weeks and extra days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Gestation {
    /// Completed weeks.
    pub weeks: i32,
    /// Extra days, 0–6.
    pub days: i32,
}

impl Gestation {
    /// Term, 40+0 weeks.
    pub const TERM: Gestation = Gestation { weeks: 40, days: 0 };

    fn total_days(self) -> i32 {
        self.weeks * 7 + self.days
    }
}

/// A number of whole days as decimal years (days / 365.25).
pub fn decimal_years(days: i32) -> f64 {
    f64::from(days) / 365.25
}

/// The estimated date of delivery: birth date plus the days short of 40 weeks (earlier for post-term births).
pub fn estimated_date_delivery(birth: Date, gestation: Gestation) -> Option<Date> {
    birth.add_days(TERM_DAYS - gestation.total_days())
}

/// Age in whole days, uncorrected.
pub fn chronological_days(birth: Date, observation: Date) -> i32 {
    birth.days_until(observation)
}

/// Age in whole days counted from the estimated date of delivery (negative before it).
pub fn corrected_days(birth: Date, observation: Date, gestation: Gestation) -> i32 {
    chronological_days(birth, observation) - (TERM_DAYS - gestation.total_days())
}

/// Post-menstrual age as (weeks, days) while it is below 42+1 weeks and the observation is before 2 weeks past
/// the due date; `None` after that.
pub fn corrected_gestational_age(
    birth: Date,
    observation: Date,
    gestation: Gestation,
) -> Option<(i32, i32)> {
    let days_after_edd = corrected_days(birth, observation, gestation);
    if days_after_edd >= 14 {
        return None;
    }
    let since_conception = chronological_days(birth, observation) + gestation.total_days();
    let (weeks, days) = (
        since_conception.div_euclid(7),
        since_conception.rem_euclid(7),
    );
    (weeks < 42 || (weeks == 42 && days == 0)).then_some((weeks, days))
}

/// Whole months and remaining days from `from` to `to`, counted as dateutil's `relativedelta` does (month ends
/// clip, so 31 January + 1 month is the end of February). `None` if `to` is before `from`.
pub(crate) fn calendar_parts(from: Date, to: Date) -> Option<(i32, i32)> {
    if to < from {
        return None;
    }
    let (fy, fm, fd) = from.ymd();
    let (ty, tm, td) = to.ymd();
    let mut months = (ty - fy) * 12 + tm as i32 - fm as i32;
    // The same day-of-month (clipped to the month's end) in `to`'s month falls after `to`: one month fewer.
    if fd.min(days_in_month(ty, tm)) > td {
        months -= 1;
    }
    Some((months, from.add_months(months).days_until(to)))
}

/// A calendar age in words, e.g. "2 years, 2 months, 1 week and 3 days"; "Birth date" for no time at all.
pub fn calendar_text(months: i32, days: i32) -> String {
    let plural = |n: i32, unit: &str| {
        let mut text = String::new();
        push_integer(&mut text, i64::from(n), 1);
        text.push(' ');
        text.push_str(unit);
        if n != 1 {
            text.push('s');
        }
        text
    };
    let mut parts = Vec::with_capacity(4);
    if months >= 12 {
        parts.push(plural(months / 12, "year"));
    }
    if months % 12 > 0 {
        parts.push(plural(months % 12, "month"));
    }
    if days >= 7 {
        parts.push(plural(days / 7, "week"));
    }
    if days % 7 > 0 {
        parts.push(plural(days % 7, "day"));
    }
    match parts.len() {
        0 => "Birth date".to_string(),
        1 => parts.remove(0),
        n => {
            let mut text = parts[..n - 1].join(", ");
            text.push_str(" and ");
            text.push_str(&parts[n - 1]);
            text
        }
    }
}

/// A post-menstrual age as written in plotted points, e.g. "30 + 3 weeks".
pub fn gestational_age_text(weeks: i32, days: i32) -> String {
    let mut text = String::new();
    push_integer(&mut text, i64::from(weeks), 1);
    text.push_str(" + ");
    push_integer(&mut text, i64::from(days), 1);
    text.push_str(" weeks");
    text
}

/// Calendar age from `from` to `to` in words; `None` if `to` is before `from`.
pub fn calendar_age(from: Date, to: Date) -> Option<String> {
    calendar_parts(from, to).map(|(months, days)| calendar_text(months, days))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    #[test]
    fn dates_round_trip() {
        for s in [
            "0001-01-01",
            "1759-04-11",
            "2020-02-29",
            "2024-12-31",
            "9999-12-31",
        ] {
            assert_eq!(d(s).to_string(), s);
        }
        assert_eq!(Date::parse("2021-02-29"), None);
        assert_eq!(Date::parse("2021-2-01"), None);
        assert_eq!(d("0001-01-01").epoch_days(), FIRST_DAY);
        assert_eq!(d("9999-12-31").epoch_days(), LAST_DAY);
        assert_eq!(d("9999-12-31").add_days(1), None);
        assert_eq!(d("2020-03-08").long_form(), "Sun 08 March, 2020");
    }

    #[test]
    fn calendar_ages() {
        let birth = d("2020-01-31");
        let at = |days| calendar_age(birth, birth.add_days(days).unwrap()).unwrap();
        assert_eq!(at(0), "Birth date");
        assert_eq!(at(8), "1 week and 1 day");
        assert_eq!(at(29), "1 month");
        assert_eq!(at(45), "1 month, 2 weeks and 2 days");
        assert_eq!(at(365), "11 months, 4 weeks and 2 days");
        assert_eq!(at(800), "2 years, 2 months, 1 week and 3 days");
        assert_eq!(
            calendar_age(d("2020-02-29"), d("2021-02-28")).unwrap(),
            "1 year"
        );
    }
}
