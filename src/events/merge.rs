//! When two meeting descriptions can be one meeting: no attribute may conflict (another place,
//! a date that cannot be the same day, disjoint levels, a closed list of parties that leaves one
//! out), and across documents at least two attributes must agree positively.

use super::mention::Facts;

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
    if let Some(why) = conflict(a, b) {
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

fn conflict(a: &Facts, b: &Facts) -> Option<&'static str> {
    if let (Some(x), Some(y)) = (&a.place, &b.place)
        && x != y
    {
        return Some("different places");
    }
    if !a.date.compatible(&b.date) {
        return Some("dates cannot be the same day");
    }
    if !a.levels.is_empty() && !b.levels.is_empty() && a.levels.is_disjoint(&b.levels) {
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
    out.date = a.date.merge(&b.date);
    out.parties.extend(b.parties.iter().cloned());
    out.levels.extend(b.levels.iter().cloned());
    out.size = a.size.or(b.size);
    out.format = a.format.clone().or_else(|| b.format.clone());
    if out.status == "held" && b.status != "held" && a.date.is_empty() {
        out.status = b.status.clone();
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
