//! How the parts of a document's meetings that have no serde form of their own are written in
//! the per-document records: a day as ISO 8601 (`2023-04-25`), a meeting status by its
//! snake_case name (the name the rule files use, which `MeetingStatus` already reads).

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serializer};

use crate::rules::schema::MeetingStatus;

/// Writes a meeting status by its rule-file name.
pub fn status<S: Serializer>(s: &MeetingStatus, out: S) -> Result<S::Ok, S::Error> {
    out.serialize_str(match s {
        MeetingStatus::Held => "held",
        MeetingStatus::Planned => "planned",
        MeetingStatus::Postponed => "postponed",
        MeetingStatus::Next => "next",
    })
}

/// A day, as ISO 8601.
pub mod date {
    use super::*;

    /// Writes the day as `YYYY-MM-DD`.
    pub fn serialize<S: Serializer>(d: &Option<Date>, out: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => out.collect_str(d),
            None => out.serialize_none(),
        }
    }

    /// Reads a `YYYY-MM-DD` day.
    pub fn deserialize<'de, D: Deserializer<'de>>(de: D) -> Result<Option<Date>, D::Error> {
        let text: Option<String> = Option::deserialize(de)?;
        text.map(|t| t.parse::<Date>().map_err(serde::de::Error::custom))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use crate::events::LocalEvent;
    use crate::events::mention::Facts;
    use crate::model::Span;
    use crate::rules::schema::MeetingStatus;

    #[test]
    fn a_local_event_comes_back_as_it_was_written() {
        let mut facts = Facts {
            place: Some("moscow".into()),
            kind: "talks".into(),
            status: MeetingStatus::Next,
            ..Facts::default()
        };
        facts.parties.insert("TR".into());
        facts.date.month = Some(4);
        let e = LocalEvent {
            facts,
            mentions: vec![Span::new(3, 40)],
            main: true,
            why: vec!["same sentence".into()],
            published: Some(jiff::civil::date(2023, 4, 26)),
            lead_weekday: Some(3),
            published_month: None,
        };
        let text = serde_json::to_string(&e).expect("writes");
        assert!(text.contains(r#""published":"2023-04-26""#), "{text}");
        assert!(text.contains(r#""status":"next""#), "{text}");
        let back: LocalEvent = serde_json::from_str(&text).expect("reads");
        assert_eq!(back, e);
    }
}
