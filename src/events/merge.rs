//! When two meeting descriptions can be one meeting: no attribute may conflict (another place,
//! a date that cannot be the same day, disjoint levels, a closed list of parties that leaves one
//! out), and across documents at least two attributes must agree positively.

use std::collections::BTreeSet;

use jiff::ToSpan;
use jiff::civil::Date;

use super::LocalEvent;
use super::mention::Facts;
use crate::rules::schema::MeetingStatus;

/// Evidence that two documents' descriptions are one meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The weight of the agreeing evidence.
    pub score: f64,
    /// The evidence, one phrase each.
    pub why: Vec<String>,
}

/// The evidence two documents' descriptions need to be linked.
pub const THRESHOLD: f64 = 2.5;
/// Weight of a shared place.
const SAME_PLACE: f64 = 2.0;
/// Weight of a shared country of venue, when no city is shared.
const SAME_COUNTRY: f64 = 1.0;
/// Weight of the same day (or days within a meeting's length).
const SAME_DAY: f64 = 1.5;
/// Weight of the same month.
const SAME_MONTH: f64 = 1.0;
/// Weight of publication dates that both fit the meeting's time (no date in the text).
const NEAR_PUBLICATION: f64 = 0.5;
/// Weight of two or more shared participating states (three or more: half as much again).
const SHARED_PARTIES: f64 = 1.0;
/// Weight of a place both accounts name besides the venue (twice that for two or more).
const SHARED_NAMED_PLACE: f64 = 0.5;
/// Weight of a shared level.
const SAME_LEVEL: f64 = 0.5;
/// Days two dated accounts of one meeting may lie apart (talks last several days).
const DAY_SLACK: i64 = 3;
/// Days they may lie apart when they also name the same place.
const DAY_SLACK_SAME_PLACE: i64 = 8;

/// Whether a description says enough to be linked to another document's: a place, a date with
/// its month, or two participating states.
pub fn linkable(f: &Facts) -> bool {
    f.place.is_some() || f.venue_state.is_some() || f.date.month.is_some() || f.parties.len() >= 2
}

/// The evidence that two documents' descriptions are one meeting, or `None` when they conflict:
/// another place, another kind of contact (a call is not talks), dates too far apart, disjoint
/// levels, a closed list of parties that leaves one out. A weekday that no publication date
/// resolved says nothing either way.
pub fn link(a: &LocalEvent, b: &LocalEvent) -> Option<Link> {
    // an unresolved weekday can still tell two meetings apart, but never links them: only
    // full dates count as the same day below
    let (fa, fb) = (&a.facts, &b.facts);
    let other_day = a
        .lead_weekday
        .zip(b.lead_weekday)
        .is_some_and(|(x, y)| x != y)
        && (fa.date.full().is_none() || fb.date.full().is_none());
    if other_day
        || conflict(fa, fb, Scope::Corpus).is_some()
        || (fa.kind == "call") != (fb.kind == "call")
    {
        return None;
    }
    let same_place = fa.place.is_some() && fa.place == fb.place;
    let mut link = Link {
        score: 0.0,
        why: Vec::new(),
    };
    let mut add = |w: f64, why: String| {
        link.score += w;
        link.why.push(why);
    };
    if same_place {
        add(
            SAME_PLACE,
            format!("same place ({})", fa.place.as_deref().unwrap_or_default()),
        );
    } else if fa.venue_state.is_some() && fa.venue_state == fb.venue_state {
        let state = fa.venue_state.as_deref().unwrap_or_default();
        add(SAME_COUNTRY, format!("same country ({state})"));
    }
    match time(a, b, same_place)? {
        Time::SameDay => add(SAME_DAY, format!("same date ({} ~ {})", fa.date, fb.date)),
        Time::SameMonth => add(
            SAME_MONTH,
            format!("same month ({} ~ {})", fa.date, fb.date),
        ),
        Time::Near => add(NEAR_PUBLICATION, "published close together".into()),
        Time::Unknown => {}
    }
    let shared = fa.parties.intersection(&fb.parties).count();
    if shared >= 2 {
        let w = if shared >= 3 { 1.5 } else { 1.0 } * SHARED_PARTIES;
        add(w, format!("{shared} parties in common"));
    }
    let venues = [&fa.place, &fb.place];
    let named: Vec<&str> = fa
        .named_places
        .intersection(&fb.named_places)
        .filter(|p| !venues.iter().any(|v| v.as_deref() == Some(p.as_str())))
        .map(|s| s.as_str())
        .collect();
    if !named.is_empty() {
        let w = if named.len() >= 2 { 2.0 } else { 1.0 } * SHARED_NAMED_PLACE;
        add(w, format!("both name {}", named.join(", ")));
    }
    // one gives the venue, the other names that place without giving any venue
    let venue_named = |x: &Facts, y: &Facts| {
        x.place
            .as_ref()
            .filter(|v| y.place.is_none() && y.named_places.contains(*v))
            .cloned()
    };
    if let Some(v) = venue_named(fa, fb).or_else(|| venue_named(fb, fa)) {
        add(
            2.0 * SHARED_NAMED_PLACE,
            format!("one's venue ({v}) named by the other"),
        );
    }
    let levels: Vec<&str> = fa
        .levels
        .intersection(&fb.levels)
        .map(|s| s.as_str())
        .collect();
    if !levels.is_empty() {
        add(SAME_LEVEL, format!("same level ({})", levels.join(", ")));
    }
    Some(link)
}

/// How two descriptions' times compare.
enum Time {
    /// Both dated to days that lie close enough.
    SameDay,
    /// Both dated to the same month.
    SameMonth,
    /// Dates come from publication only, and fit.
    Near,
    /// Nothing to compare.
    Unknown,
}

/// Compares the times of two descriptions; `None` when they cannot be one meeting.
fn time(a: &LocalEvent, b: &LocalEvent, same_place: bool) -> Option<Time> {
    let slack = if same_place {
        DAY_SLACK_SAME_PLACE
    } else {
        DAY_SLACK
    };
    let (ra, rb) = (window(a), window(b));
    let (Some((a0, a1, ea)), Some((b0, b1, eb))) = (ra, rb) else {
        // a month named on both sides without a year ("في أيار") still agrees
        let (x, y) = (&a.facts.date, &b.facts.date);
        // (an unresolved weekday dates nothing)
        let undated = [x, y].iter().all(|d| d.year.is_none() && d.month.is_none());
        return Some(if x.month.is_some() && x.month == y.month {
            Time::SameMonth
        } else if undated && a.published_month.is_some() && a.published_month == b.published_month {
            // two undated reports published in the same month
            Time::Near
        } else {
            Time::Unknown
        });
    };
    let gap = if a1 < b0 {
        (b0 - a1).get_days() as i64
    } else if b1 < a0 {
        (a0 - b1).get_days() as i64
    } else {
        0
    };
    if gap > slack {
        return None;
    }
    Some(match (ea, eb) {
        (Precision::Day, Precision::Day) => Time::SameDay,
        (Precision::Month | Precision::Day, Precision::Month | Precision::Day) => Time::SameMonth,
        _ => Time::Near,
    })
}

/// How a description's time is known.
#[derive(Clone, Copy)]
enum Precision {
    Day,
    Month,
    Publication,
}

/// The days a meeting may have taken place on: its date in the text, else a window around its
/// document's publication date (a meeting held shortly before, or planned after, publication).
fn window(e: &LocalEvent) -> Option<(Date, Date, Precision)> {
    let d = &e.facts.date;
    if let Some(full) = d.full() {
        return Some((full, full, Precision::Day));
    }
    if let (Some(y), Some(m)) = (d.year, d.month) {
        let first = Date::new(y, m, 1).ok()?;
        return Some((first, first.last_of_month(), Precision::Month));
    }
    let p = e.published?;
    let (before, after) = match e.facts.status {
        MeetingStatus::Held => (10, 1),
        _ => (2, 60),
    };
    let from = p.checked_sub(before.days()).ok()?;
    let to = p.checked_add(after.days()).ok()?;
    Some((from, to, Precision::Publication))
}

/// The verdict on two descriptions.
#[derive(Debug, Clone, PartialEq)]
pub enum Fit {
    /// They cannot be the same meeting, and why (a fixed phrase: most candidate pairs conflict,
    /// and no report shows why two meetings were kept apart, so nothing is formatted for them).
    Conflict(&'static str),
    /// They can; the attributes that agree.
    Agree(Vec<String>),
}

/// Compares two descriptions.
pub fn fit(a: &Facts, b: &Facts) -> Fit {
    if let Some(why) = conflict(a, b, Scope::Document) {
        return Fit::Conflict(why);
    }
    let mut agree = Vec::new();
    if a.place.is_some() && a.place == b.place {
        agree.push(format!(
            "same place ({})",
            a.place.as_deref().unwrap_or_default()
        ));
    }
    if a.date.shares_month(&b.date)
        || (a.date.weekday.is_some() && a.date.weekday == b.date.weekday)
    {
        agree.push(format!("same date ({} ~ {})", a.date, b.date));
    }
    let levels: Vec<&String> = a.levels.intersection(&b.levels).collect();
    if !levels.is_empty() {
        agree.push(format!(
            "same level ({})",
            levels
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if a.size.is_some() && a.size == b.size {
        agree.push(format!("same format ({} parties)", a.size.unwrap_or(0)));
    }
    let shared = a.parties.intersection(&b.parties).count();
    if shared >= 2 {
        agree.push(format!("{shared} parties in common"));
    }
    Fit::Agree(agree)
}

/// Where two descriptions are compared: one document's own mentions are held to more of their
/// words than two documents' accounts are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// Mentions in one document: a different weekday or level is another meeting.
    Document,
    /// Accounts in two documents: an unresolved weekday (a talks' first or last day) is soft,
    /// and so is a level named away from the meeting word (one report quotes the ministers,
    /// another the presidents who phoned them); a level named at it is not.
    Corpus,
}

fn conflict(a: &Facts, b: &Facts, scope: Scope) -> Option<&'static str> {
    if let (Some(x), Some(y)) = (&a.place, &b.place)
        && x != y
    {
        return Some("different places");
    }
    if let (Some(x), Some(y)) = (&a.venue_state, &b.venue_state)
        && x != y
    {
        return Some("different countries");
    }
    let resolved = |f: &Facts| {
        let mut d = f.date;
        if scope == Scope::Corpus && d.full().is_none() {
            d.weekday = None;
        }
        d
    };
    // two reports dated a few days apart may give one talks' first and last day: `time` holds
    // them to the slack
    let slack = scope == Scope::Corpus && a.date.full().is_some() && b.date.full().is_some();
    if !slack && !resolved(a).compatible(&resolved(b)) {
        return Some("dates cannot be the same day");
    }
    let disjoint = |x: &BTreeSet<String>, y: &BTreeSet<String>| {
        !x.is_empty() && !y.is_empty() && x.is_disjoint(y)
    };
    let levels_differ = match scope {
        Scope::Document => disjoint(&a.levels, &b.levels),
        Scope::Corpus => disjoint(&a.own_levels, &b.own_levels),
    };
    if levels_differ {
        return Some("different levels");
    }
    for (x, y) in [(a, b), (b, a)] {
        if let Some(n) = x.size {
            if y.parties.len() > n || y.size.is_some_and(|m| m != n) {
                return Some("a different number of parties");
            }
            if x.parties.len() == n && y.parties.iter().any(|p| !x.parties.contains(p)) {
                return Some("different parties");
            }
        }
    }
    None
}

/// The union of two compatible descriptions.
pub fn combine(a: &Facts, b: &Facts) -> Facts {
    let mut out = a.clone();
    out.place = a.place.clone().or_else(|| b.place.clone());
    out.venue_state = a.venue_state.clone().or_else(|| b.venue_state.clone());
    out.date = a.date.merge(&b.date);
    out.parties.extend(b.parties.iter().cloned());
    out.levels.extend(b.levels.iter().cloned());
    out.own_levels.extend(b.own_levels.iter().cloned());
    out.named_places.extend(b.named_places.iter().cloned());
    out.size = a.size.or(b.size);
    out.format = a.format.or(b.format);
    if out.status == MeetingStatus::Held && b.status != MeetingStatus::Held && a.date.is_empty() {
        out.status = b.status;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::date::PartialDate;

    fn facts(
        place: Option<&str>,
        date: &str,
        levels: &[&str],
        parties: &[&str],
        size: Option<usize>,
    ) -> Facts {
        Facts {
            place: place.map(str::to_string),
            date: PartialDate::parse_iso(date).unwrap_or_default(),
            levels: levels.iter().map(|s| s.to_string()).collect(),
            parties: parties.iter().map(|s| s.to_string()).collect(),
            size,
            ..Default::default()
        }
    }

    #[test]
    fn same_city_different_years_never_merge() {
        let a = facts(
            Some("moscow"),
            "2018-12",
            &["foreign_ministers"],
            &["RU", "TR"],
            Some(2),
        );
        let b = facts(
            Some("moscow"),
            "2023-04",
            &["defence_ministers"],
            &["RU", "TR", "SY", "IR"],
            Some(4),
        );
        assert!(matches!(fit(&a, &b), Fit::Conflict(_)));
    }

    #[test]
    fn defence_and_foreign_ministers_are_different_meetings() {
        let a = facts(
            Some("moscow"),
            "2023",
            &["defence_ministers"],
            &["RU", "TR"],
            None,
        );
        let b = facts(
            Some("moscow"),
            "2023",
            &["foreign_ministers"],
            &["RU", "TR"],
            None,
        );
        assert!(matches!(fit(&a, &b), Fit::Conflict(_)));
    }

    #[test]
    fn a_bilateral_meeting_does_not_absorb_a_third_party() {
        let a = facts(Some("cairo"), "", &[], &["EG", "IL"], Some(2));
        let b = facts(Some("cairo"), "", &[], &["EG", "PS"], None);
        assert!(matches!(fit(&a, &b), Fit::Conflict(_)));
    }

    #[test]
    fn compatible_accounts_agree_on_several_attributes() {
        let a = facts(
            Some("doha"),
            "2024-01-10",
            &["foreign_ministers"],
            &["QA", "US"],
            None,
        );
        let b = facts(
            Some("doha"),
            "2024-01",
            &["foreign_ministers"],
            &["QA", "US", "EG"],
            None,
        );
        match fit(&a, &b) {
            Fit::Agree(why) => assert!(why.len() >= 3, "{why:?}"),
            Fit::Conflict(c) => panic!("{c}"),
        }
    }
}
