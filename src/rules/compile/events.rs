//! Compiling the files a meeting is read with: meeting, level, format and status words, hosting
//! and agenda verbs (conjugated), places, and dates (months, weekdays, relative dates).

use std::collections::BTreeMap;

use toml::Spanned;

use super::check::Checker;
use crate::rules::lang::{LangRules, PlaceInfo, RelDate};
use crate::rules::schema::{DatesFile, MeetingsFile, PlacesFile, in_language};
use crate::text::fold::key;
use crate::text::lexicon::Lexicon;

pub(super) fn add_meetings(l: &mut LangRules, f: MeetingsFile, c: &mut Checker) {
    for m in f.meeting {
        for w in &m.forms {
            let w = c.form(w, "meeting");
            l.meetings.insert(&w, m.kind.clone());
        }
    }
    for t in f.level {
        for w in &t.forms {
            let w = c.form(w, "level");
            l.levels.insert(&w, t.id.clone());
        }
    }
    for t in f.format {
        for w in &t.forms {
            let w = c.form(w, "format");
            l.formats.insert(&w, (t.id, t.parties.unwrap_or(0)));
        }
    }
    for t in f.status {
        for w in &t.forms {
            let w = c.form(w, "status");
            l.statuses.insert(&w, t.id);
        }
    }
    add_verbs(&mut l.agenda, &f.agenda, "agenda", c);
    add_verbs(&mut l.hosts, &f.hosts, "hosts", c);
    add_words(&mut l.comparison, &f.comparison, "comparison", c);
    add_words(&mut l.venue_in, &f.venue_in, "venue_in", c);
    add_words(
        &mut l.participants_after,
        &f.participants_after,
        "participants_after",
        c,
    );
    add_words(&mut l.locatives, &f.locatives, "locatives", c);
    l.locative_prefixes = f
        .locative_prefixes
        .iter()
        .map(|w| key(&c.form(w, "locative_prefixes")))
        .collect();
}

/// Verbs listed in their past or present form (Arabic: the loader inflects them).
fn add_verbs(lexicon: &mut Lexicon<()>, words: &[Spanned<String>], field: &str, c: &mut Checker) {
    for w in words {
        let w = c.form(w, field);
        let forms = c.morph.verb(&w);
        for form in forms {
            lexicon.insert(&form, ());
        }
    }
}

pub(super) fn add_dates(l: &mut LangRules, f: DatesFile, c: &mut Checker) {
    add_months(&mut l.months, &f.months, c);
    l.month_abbreviations = abbreviations(&f.months);
    add_months(&mut l.months_with_number, &f.months_with_number, c);
    for (num, names) in &f.weekdays {
        let n: u8 = num.parse().unwrap_or(0);
        for w in names {
            if !(1..=7).contains(&n) {
                c.errors.push(c.src.error(
                    w.span().start,
                    format!("weekday '{num}' is not a number from 1 (Monday) to 7"),
                ));
            }
            let w = c.form(w, "weekday");
            l.weekdays.insert(&w, n);
        }
    }
    for r in &f.relative {
        let rel = RelDate {
            days: r.days.unwrap_or(0),
            weeks: r.weeks.unwrap_or(0),
            months: r.months.unwrap_or(0),
            years: r.years.unwrap_or(0),
        };
        for w in &r.forms {
            let w = c.form(w, "relative");
            l.relative_dates.insert(&w, rel);
        }
    }
    add_words(&mut l.date_parts, &f.parts, "parts", c);
    add_words(&mut l.date_past, &f.past_marks, "past_marks", c);
    add_words(&mut l.year_words, &f.year_words, "year_words", c);
    add_words(&mut l.weekday_words, &f.weekday_words, "weekday_words", c);
    add_words(
        &mut l.statement_nouns,
        &f.statement_nouns,
        "statement noun",
        c,
    );
}

/// Adds each word of a plain list, checked and taken as written.
fn add_words(lx: &mut Lexicon<()>, words: &[Spanned<String>], scope: &str, c: &mut Checker) {
    for w in words {
        let w = c.form(w, scope);
        lx.insert(&w, ());
    }
}

fn add_months(
    lexicon: &mut Lexicon<u8>,
    months: &BTreeMap<String, Vec<Spanned<String>>>,
    c: &mut Checker,
) {
    for (num, names) in months {
        let n: u8 = num.parse().unwrap_or(0);
        for w in names {
            if !(1..=12).contains(&n) {
                c.errors.push(c.src.error(
                    w.span().start,
                    format!("month '{num}' is not a number from 1 to 12"),
                ));
            }
            let w = c.form(w, "month");
            lexicon.insert(&w, n);
        }
    }
}

/// The Latin names of a month that begin another, longer name of it ("Jan" of "January"),
/// folded. Arabic writes no month with a dot: its short forms (ماي of مايو) are names of their own.
fn abbreviations(months: &BTreeMap<String, Vec<Spanned<String>>>) -> Vec<String> {
    let mut out = Vec::new();
    for names in months.values() {
        let keys: Vec<String> = names.iter().map(|n| key(n.get_ref())).collect();
        for k in keys.iter().filter(|k| k.is_ascii()) {
            if keys
                .iter()
                .any(|longer| longer.len() > k.len() && longer.starts_with(k.as_str()))
            {
                out.push(k.clone());
            }
        }
    }
    out
}

pub(super) fn add_places(l: &mut LangRules, f: PlacesFile, c: &mut Checker) {
    let code = l.code.clone();
    for p in f.place {
        c.languages(&code, p.id.span().start, &[&p.forms], &p.missing);
        let idx = l.place_info.len() as u32;
        let id = c.form(&p.id, "id");
        l.place_info.push(PlaceInfo {
            id,
            name: p.name,
            state: p.state,
            kind: p.kind,
        });
        for form in in_language(&p.forms, &code) {
            let w = c.form(form, "");
            l.places.insert(&w, idx);
        }
    }
}
