//! Partial dates: what a sentence says of a day (a year, a month, a day, a weekday, "early May"),
//! read from month names in every series, Arabic-Indic or ASCII digits, weekdays and relative
//! expressions; resolved against a publication date when one is known, and never made more
//! precise than the text and that date allow.

use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use jiff::{Span as JSpan, ToSpan};
use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::rules::{LangRules, RelDate};
use crate::text::Prepared;
use crate::text::lexicon::Clitics;

/// A date known in part. In the per-document records, the fields not known are left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartialDate {
    /// Year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i16>,
    /// Month, 1–12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub month: Option<i8>,
    /// Day of month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<i8>,
    /// ISO weekday, 1 (Monday) – 7.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekday: Option<i8>,
}

impl PartialDate {
    /// Whether nothing is known.
    pub fn is_empty(&self) -> bool {
        *self == PartialDate::default()
    }

    /// Whether the two can be the same day.
    pub fn compatible(&self, o: &PartialDate) -> bool {
        fn same<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            a.is_none() || b.is_none() || a == b
        }
        if !(same(self.year, o.year)
            && same(self.month, o.month)
            && same(self.day, o.day)
            && same(self.weekday, o.weekday))
        {
            return false;
        }
        match (self.full(), o.full(), self.weekday.or(o.weekday)) {
            (Some(d), _, Some(w)) | (_, Some(d), Some(w)) => weekday_of(d) == w,
            _ => true,
        }
    }

    /// Whether the two share a month (or a finer field).
    pub fn shares_month(&self, o: &PartialDate) -> bool {
        self.month.is_some() && self.month == o.month && self.compatible(o)
    }

    /// The union of what both say (assumes they are compatible).
    pub fn merge(&self, o: &PartialDate) -> PartialDate {
        PartialDate {
            year: self.year.or(o.year),
            month: self.month.or(o.month),
            day: self.day.or(o.day),
            weekday: self.weekday.or(o.weekday),
        }
    }

    /// The whole date, when year, month and day are known.
    pub fn full(&self) -> Option<Date> {
        Date::new(self.year?, self.month?, self.day?).ok()
    }

    /// A full date.
    pub fn from_date(d: Date) -> PartialDate {
        PartialDate {
            year: Some(d.year()),
            month: Some(d.month()),
            day: Some(d.day()),
            weekday: Some(weekday_of(d)),
        }
    }

    /// Parses an ISO date or date-time prefix (`2023-05-10`, `2023-05`, `2017-01-20T21:43`).
    pub fn parse_iso(s: &str) -> Option<PartialDate> {
        static ISO: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?").expect("a valid pattern")
        });
        let caps = ISO.captures(s)?;
        let num = |i: usize| caps.get(i).and_then(|m| m.as_str().parse::<i16>().ok());
        let mut out = PartialDate {
            year: num(1),
            month: num(2).map(|m| m as i8),
            day: num(3).map(|d| d as i8),
            weekday: None,
        };
        if out.month.is_some_and(|m| !(1..=12).contains(&m))
            || out.day.is_some_and(|d| !(1..=31).contains(&d))
        {
            return None;
        }
        if let Some(d) = out.full() {
            out.weekday = Some(weekday_of(d));
        }
        Some(out)
    }
}

impl fmt::Display for PartialDate {
    /// ISO 8601 as far as known (`2023-04-25`, `2023-04`, `2023`, `--04`); a lone weekday by name.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.year, self.month, self.day) {
            (Some(y), Some(m), Some(d)) => write!(f, "{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None) => write!(f, "{y:04}-{m:02}"),
            (Some(y), None, _) => write!(f, "{y:04}"),
            (None, Some(m), Some(d)) => write!(f, "--{m:02}-{d:02}"),
            (None, Some(m), None) => write!(f, "--{m:02}"),
            _ => match self.weekday {
                Some(w) => write!(f, "{}", weekday_name(w)),
                None => Ok(()),
            },
        }
    }
}

/// The English name of an ISO weekday (1 = Monday).
pub fn weekday_name(w: i8) -> &'static str {
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .get((w - 1).clamp(0, 6) as usize)
    .copied()
    .unwrap_or("monday")
}

fn weekday_of(d: Date) -> i8 {
    d.weekday().to_monday_one_offset()
}

/// A date expression found in text, before resolution.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateExpr {
    /// What the words say by themselves.
    pub date: PartialDate,
    /// A relative offset from the publication date ("الأسبوع الماضي"), if any.
    pub relative: Option<RelDate>,
    /// Whether the expression names today ("اليوم الثلاثاء").
    pub today: bool,
    /// Whether a month word carries "past" (أيار الماضي): the latest such month before publication.
    pub past: bool,
}

/// Reads the date expressions of a token range, with the token where each starts.
pub fn read(p: &Prepared, rules: &LangRules, range: Range<usize>) -> Vec<(usize, DateExpr)> {
    let mut out: Vec<(usize, DateExpr)> = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let (expr, next) = read_at(p, rules, i, range.end);
        match expr {
            Some(e) => {
                out.push((i, e));
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// Reads one expression starting at `i`: [weekday] [day] month [year] | year | relative.
fn read_at(p: &Prepared, rules: &LangRules, i: usize, end: usize) -> (Option<DateExpr>, usize) {
    let mut e = DateExpr::default();
    let mut j = i;
    let mut any = false;
    if let Some(h) = rules
        .relative_dates
        .longest_at(&p.tokens, j, Clitics::ConjPrep)
    {
        if h.value.days == 0 && h.value.weeks == 0 && h.value.months == 0 && h.value.years == 0 {
            e.today = true;
        } else {
            e.relative = Some(*h.value);
        }
        j = h.end();
        any = true;
    }
    if let Some(h) = rules.weekdays.longest_at(
        &p.tokens,
        skip_day_word(p, rules, j, end),
        Clitics::ConjPrep,
    ) {
        e.date.weekday = Some(*h.value as i8);
        j = h.end();
        any = true;
    }
    j = skip_punct(p, j, end);
    let day = number_at(p, j).filter(|n| (1..=31).contains(n));
    let month_at = if day.is_some() {
        skip_punct(p, j + 1, end)
    } else {
        j
    };
    if let Some(h) = month_name(p, rules, month_at, end, day.is_some()) {
        e.date.day = day.map(|d| d as i8);
        e.date.month = Some(h.0);
        j = h.1;
        any = true;
        if day.is_none()
            && let Some((d, next)) = day_after_month(p, j, end)
        {
            e.date.day = Some(d);
            j = next;
        }
        let y = skip_punct(p, j, end);
        if let Some(year) = number_at(p, y).filter(|n| (1900..=2100).contains(n)) {
            e.date.year = Some(year as i16);
            j = y + 1;
        } else if let Some(h) = rules.date_past.longest_at(&p.tokens, j, Clitics::None) {
            e.past = true;
            j = h.end();
        }
    } else if !any {
        let k = rules
            .year_words
            .longest_at(&p.tokens, j, Clitics::None)
            .map_or(j, |h| h.end());
        if let Some(year) = number_at(p, k).filter(|n| (1900..=2100).contains(n)) {
            e.date.year = Some(year as i16);
            return (Some(e), k + 1);
        }
    }
    (any.then_some(e), j)
}

/// A day written after its month ("March 12, 2025", "Jan. 14."), with the token after it. The
/// number must end the phrase (a comma, a year, the sentence's end): in "March 25 people died"
/// it counts people, not days.
fn day_after_month(p: &Prepared, j: usize, end: usize) -> Option<(i8, usize)> {
    let k = if p.tokens.get(j).is_some_and(|t| t.is_punct(".")) && j + 1 < end {
        j + 1
    } else {
        j
    };
    let day = number_at(p, k).filter(|n| (1..=31).contains(n))?;
    let after = p.tokens.get(k + 1).filter(|_| k + 1 < end);
    if after.is_some_and(|t| t.kind == crate::text::TokenKind::Word) {
        return None;
    }
    Some((day as i8, k + 1))
}

/// Skips a word that stands before a weekday ("يوم", `weekday_words` in dates.toml).
fn skip_day_word(p: &Prepared, rules: &LangRules, j: usize, end: usize) -> usize {
    match rules.weekday_words.longest_at(&p.tokens, j, Clitics::Conj) {
        Some(h) if j < end => h.end(),
        _ => j,
    }
}

fn skip_punct(p: &Prepared, mut j: usize, end: usize) -> usize {
    while j < end
        && (p.tokens[j].is_punct("/") || p.tokens[j].is_punct(",") || p.tokens[j].is_punct("-"))
    {
        j += 1;
    }
    j
}

fn number_at(p: &Prepared, j: usize) -> Option<i64> {
    p.tokens
        .get(j)
        .filter(|t| t.kind == crate::text::TokenKind::Number)
        .and_then(|t| t.key.parse().ok())
}

/// A month name (both series: "حزيران /يونيو" counts once), with the token after it. A name that
/// is also a common word (May) counts only after a day or before a day or year.
fn month_name(
    p: &Prepared,
    rules: &LangRules,
    j: usize,
    end: usize,
    day_before: bool,
) -> Option<(i8, usize)> {
    let h = rules
        .months
        .longest_at(&p.tokens, j, Clitics::ConjPrep)
        .or_else(|| {
            let h = rules
                .months_with_number
                .longest_at(&p.tokens, j, Clitics::None)?;
            let next = number_at(p, skip_punct(p, h.end(), end));
            let numbered =
                next.is_some_and(|n| (1..=31).contains(&n) || (1900..=2100).contains(&n));
            (day_before || numbered).then_some(h)
        })?;
    let month = *h.value as i8;
    let mut next = h.end();
    let k = skip_punct(p, next, end);
    if let Some(h2) = rules.months.longest_at(&p.tokens, k, Clitics::ConjPrep)
        && *h2.value as i8 == month
    {
        next = h2.end();
    }
    Some((month, next))
}

/// How many months after publication a month without a year may lie (a planned meeting).
const UPCOMING_MONTHS: i32 = 3;

/// Resolves an expression against the publication date, when known.
pub fn resolve(e: &DateExpr, published: Option<&PartialDate>) -> PartialDate {
    let Some(pubd) = published.and_then(PartialDate::full) else {
        return e.date;
    };
    if e.today {
        return PartialDate::from_date(pubd);
    }
    if let Some(r) = e.relative {
        return relative(pubd, r);
    }
    let mut d = e.date;
    if let (Some(m), None) = (d.month, d.year) {
        // a month without a year is the latest such month not after publication, or one of the
        // next three months (a meeting planned for December in a November report); "past"
        // (أيار الماضي) always looks back
        let ahead = (i32::from(m) - i32::from(pubd.month())).rem_euclid(12);
        let y = if !e.past && (1..=UPCOMING_MONTHS).contains(&ahead) {
            if m > pubd.month() {
                pubd.year()
            } else {
                pubd.year() + 1
            }
        } else if m > pubd.month() || (e.past && m == pubd.month()) {
            pubd.year() - 1
        } else {
            pubd.year()
        };
        d.year = Some(y);
    }
    if let (Some(w), None, None) = (d.weekday, d.month, d.day) {
        // a bare weekday is the latest such day up to publication
        let back = (weekday_of(pubd) - w).rem_euclid(7) as i64;
        if let Ok(day) = pubd.checked_sub(back.days()) {
            return PartialDate::from_date(day);
        }
    }
    if let Some(full) = d.full() {
        d.weekday = d.weekday.or(Some(weekday_of(full)));
    }
    d
}

/// A relative offset from the publication date: days give a day, weeks a week's month, months a
/// month, years a year.
fn relative(pubd: Date, r: RelDate) -> PartialDate {
    let span: JSpan = r.days.days().weeks(r.weeks).months(r.months).years(r.years);
    let Ok(d) = pubd.checked_add(span) else {
        return PartialDate::default();
    };
    if r.days != 0 {
        PartialDate::from_date(d)
    } else if r.weeks != 0 || r.months != 0 {
        PartialDate {
            year: Some(d.year()),
            month: Some(d.month()),
            day: None,
            weekday: None,
        }
    } else {
        PartialDate {
            year: Some(d.year()),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compatibility_checks_weekday_of_full_dates() {
        let tuesday = PartialDate {
            weekday: Some(2),
            ..Default::default()
        };
        let apr25 = PartialDate::parse_iso("2023-04-25").unwrap();
        let apr26 = PartialDate::parse_iso("2023-04-26").unwrap();
        assert!(tuesday.compatible(&apr25));
        assert!(!tuesday.compatible(&apr26));
        assert!(
            !PartialDate::parse_iso("2018-12")
                .unwrap()
                .compatible(&PartialDate::parse_iso("2023-04").unwrap())
        );
    }

    #[test]
    fn iso_metadata_dates_parse_to_their_precision() {
        assert_eq!(
            PartialDate::parse_iso("2017-01-20T21:43:00+01:00").map(|d| d.to_string()),
            Some("2017-01-20".into())
        );
        assert_eq!(
            PartialDate::parse_iso("2023-05").map(|d| d.to_string()),
            Some("2023-05".into())
        );
        assert_eq!(PartialDate::parse_iso("2023-13-01"), None);
        assert_eq!(PartialDate::parse_iso("yesterday"), None);
    }

    #[test]
    fn relative_offsets_resolve_to_their_precision() {
        let pubd = Date::new(2023, 5, 10).unwrap();
        let last_week = relative(
            pubd,
            RelDate {
                weeks: -1,
                ..Default::default()
            },
        );
        assert_eq!(last_week.to_string(), "2023-05");
        let yesterday = relative(
            pubd,
            RelDate {
                days: -1,
                ..Default::default()
            },
        );
        assert_eq!(yesterday.to_string(), "2023-05-09");
    }

    #[test]
    fn unresolved_dates_stay_partial() {
        let e = DateExpr {
            date: PartialDate {
                month: Some(4),
                ..Default::default()
            },
            ..Default::default()
        };
        assert_eq!(resolve(&e, None).to_string(), "--04");
        let pubd = PartialDate::parse_iso("2023-05-10").unwrap();
        assert_eq!(resolve(&e, Some(&pubd)).to_string(), "2023-04");
        let dec = DateExpr {
            date: PartialDate {
                month: Some(12),
                ..Default::default()
            },
            ..Default::default()
        };
        assert_eq!(resolve(&dec, Some(&pubd)).to_string(), "2022-12");
    }

    #[test]
    fn a_month_without_year_is_past_or_in_the_next_three_months() {
        let month = |m: i8, past: bool| DateExpr {
            date: PartialDate {
                month: Some(m),
                ..Default::default()
            },
            past,
            ..Default::default()
        };
        let late_november = PartialDate::parse_iso("2022-11-25").unwrap();
        let at = |e: DateExpr| resolve(&e, Some(&late_november)).to_string();
        // a meeting planned for next month, one held in the spring, one next January
        assert_eq!(at(month(12, false)), "2022-12");
        assert_eq!(at(month(4, false)), "2022-04");
        assert_eq!(at(month(1, false)), "2023-01");
        // "last December", "last January"
        assert_eq!(at(month(12, true)), "2021-12");
        assert_eq!(at(month(1, true)), "2022-01");
    }
}
