//! A document's publication date, which resolves its weekdays and "yesterday"s and anchors its
//! main meeting in time. Sources in order of trust: the metadata, a date line at the top of the
//! text ("Published: 12 April 2025", "القاهرة - 12 نيسان/أبريل 2025", "2025-04-12 10:31",
//! "[13/12/2018 05:53]"), a date in the file name or the article's address, a date given for the
//! whole run. Without one, relative dates stay unresolved.

use std::sync::LazyLock;

use regex::Regex;

use super::date::{self, PartialDate};
use crate::model::{DateSource, Document};
use crate::rules::LangRules;
use crate::text::Prepared;

/// How many lines (paragraphs) at the top of a page may hold its date.
const HEADER_PARAGRAPHS: usize = 4;
/// How many sentences of those lines are looked at.
const HEADER_SENTENCES: usize = 8;
/// The longest line, in tokens, read as a date line.
const DATE_LINE_TOKENS: usize = 14;
/// How many tokens at the start of the first full sentence may hold a dateline.
const DATELINE_TOKENS: usize = 10;

/// The publication date and where it came from; `run_default` is the date given for the run.
pub fn publication(
    doc: &Document,
    p: &Prepared,
    langs: &[&LangRules],
    run_default: Option<PartialDate>,
) -> Option<(PartialDate, DateSource)> {
    let meta = doc
        .published
        .as_deref()
        .and_then(PartialDate::parse_iso)
        .filter(|d| d.month.is_some());
    meta.map(|d| (d, DateSource::Metadata))
        .or_else(|| dateline(p, langs).map(|d| (d, DateSource::Dateline)))
        .or_else(|| in_name(&doc.id).map(|d| (d, DateSource::FileName)))
        .or_else(|| file_name(&doc.path).map(|d| (d, DateSource::FileName)))
        .or_else(|| {
            doc.url
                .as_deref()
                .and_then(in_url)
                .map(|d| (d, DateSource::Url))
        })
        .or_else(|| run_default.map(|d| (d, DateSource::Option)))
}

/// A full date on a short line at the top of the page (a date line), or among the first words
/// of the first full sentence (a dateline: "القاهرة - 12 نيسان/أبريل 2025 - ...").
fn dateline(p: &Prepared, langs: &[&LangRules]) -> Option<PartialDate> {
    let top = p
        .sentences
        .iter()
        .take_while(|s| s.paragraph < HEADER_PARAGRAPHS)
        .take(HEADER_SENTENCES);
    let mut lead_seen = false;
    let lines = top.filter_map(|s| {
        let (start, end) = (s.tokens.start, s.tokens.end.min(p.tokens.len()));
        if end - start <= DATE_LINE_TOKENS {
            Some(start..end)
        } else if !lead_seen {
            lead_seen = true;
            Some(start..end.min(start + DATELINE_TOKENS))
        } else {
            None
        }
    });
    lines.into_iter().find_map(|range| {
        let text = p.slice(p.token_span(range.start, range.end));
        numeric(&text).or_else(|| {
            langs
                .iter()
                .flat_map(|l| date::read(p, l, range.clone()))
                .map(|(_, e)| e.date)
                .find(|d| d.full().is_some())
        })
    })
}

/// A numeric date: ISO (`2025-04-12`, `2022-11-26T00:00:06`) or day first (`13/12/2018`,
/// `20-01-2020`, `06.04.2021`), in either digit series.
pub fn numeric(text: &str) -> Option<PartialDate> {
    static ISO: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})-([0-9]{1,2})-([0-9]{1,2})(?:[^0-9]|$)")
            .expect("a valid pattern")
    });
    static DMY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^|[^0-9])([0-9]{1,2})([./-])([0-9]{1,2})[./-]((?:19|20)[0-9]{2})(?:[^0-9]|$)",
        )
        .expect("a valid pattern")
    });
    let ascii: String = text.chars().map(ascii_digit).collect();
    if let Some(c) = ISO.captures(&ascii) {
        return full(&c[1], &c[2], &c[3]);
    }
    let c = DMY.captures(&ascii)?;
    let (a, b): (u32, u32) = (c[1].parse().ok()?, c[3].parse().ok()?);
    // day first, as Arabic and European pages write it, unless only month-first can be valid
    if a <= 12 && b > 12 {
        full(&c[4], &c[1], &c[3])
    } else {
        full(&c[4], &c[3], &c[1])
    }
}

fn full(y: &str, m: &str, d: &str) -> Option<PartialDate> {
    PartialDate::parse_iso(&format!("{y}-{m:0>2}-{d:0>2}")).filter(|d| d.full().is_some())
}

fn ascii_digit(c: char) -> char {
    match c {
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        _ => c,
    }
}

/// A date in a name: `2025-04-12`, `2025_04_12` or `20250412` between non-digits, else a
/// year and month (`2025-04`).
fn in_name(name: &str) -> Option<PartialDate> {
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})[-_]?([01][0-9])[-_]?([0-3][0-9])(?:[^0-9]|$)")
            .expect("a valid pattern")
    });
    static MONTH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])((?:19|20)[0-9]{2})[-_](0[1-9]|1[0-2])(?:[^0-9]|$)")
            .expect("a valid pattern")
    });
    if let Some(c) = NAME.captures(name) {
        return full(&c[1], &c[2], &c[3]);
    }
    // a year and month alone ("ly-2020-01-berlin"): the month the article appeared in
    let c = MONTH.captures(name)?;
    PartialDate::parse_iso(&format!("{}-{}", &c[1], &c[2])).filter(|d| d.month.is_some())
}

/// The date in the last component of a path.
fn file_name(path: &str) -> Option<PartialDate> {
    in_name(path.rsplit(['/', '\\']).next().unwrap_or(path))
}

/// A date in an article's address: `/2021/04/06/`, or one in its last component.
fn in_url(url: &str) -> Option<PartialDate> {
    static PATH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/((?:19|20)[0-9]{2})/([01]?[0-9])/([0-3]?[0-9])(?:/|$)")
            .expect("a valid pattern")
    });
    PATH.captures(url)
        .and_then(|c| full(&c[1], &c[2], &c[3]))
        .or_else(|| file_name(url.split(['?', '#']).next().unwrap_or(url)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(d: Option<PartialDate>) -> Option<String> {
        d.map(|d| d.to_string())
    }

    #[test]
    fn numeric_dates_in_both_orders_and_digit_series() {
        assert_eq!(iso(numeric("2024-03-09 10:31")), Some("2024-03-09".into()));
        assert_eq!(
            iso(numeric("2019-07-02T08:00:06+03:00")),
            Some("2019-07-02".into())
        );
        assert_eq!(
            iso(numeric("[21/11/2017 07:15]")),
            Some("2017-11-21".into())
        );
        assert_eq!(
            iso(numeric("دمشق – سوريا – 05-02-2016")),
            Some("2016-02-05".into())
        );
        assert_eq!(iso(numeric("٠٣/٠٨/٢٠٢٢")), Some("2022-08-03".into()));
        assert_eq!(iso(numeric("12/25/2020")), Some("2020-12-25".into()));
        assert_eq!(numeric("call 2024-13-40 now"), None);
        assert_eq!(numeric("1500 people"), None);
    }

    #[test]
    fn dates_in_file_names_and_addresses() {
        assert_eq!(
            iso(in_name("talks-2023-05-10-agency")),
            Some("2023-05-10".into())
        );
        assert_eq!(iso(in_name("report_20161201")), Some("2016-12-01".into()));
        assert_eq!(in_name("article-12345678901"), None);
        // a year and month alone, not a number that merely starts like one
        assert_eq!(
            iso(in_name("kw-2021-04-kuwait-talks")),
            Some("2021-04".into())
        );
        assert_eq!(in_name("item-2021-13-x"), None);
        assert_eq!(
            iso(file_name("a/2016-01-01/b-2017-02-03.txt")),
            Some("2017-02-03".into())
        );
        assert_eq!(
            iso(in_url("https://example.org/world/2019/3/7/some-title")),
            Some("2019-03-07".into())
        );
        assert_eq!(in_url("https://example.org/news/42"), None);
    }
}
