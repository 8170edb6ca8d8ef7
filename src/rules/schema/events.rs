//! The serde shapes of the files meetings are read with: meeting words, places and dates.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::model::{EventFormat, EventStatus};

/// A meeting word group.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingEntry {
    /// Kind of meeting.
    pub kind: String,
    /// Forms.
    pub forms: Vec<Spanned<String>>,
}

/// A level, format or status group; `T` is the type of its id (a level's is open: any name).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaggedForms<T> {
    /// The id it sets.
    pub id: T,
    /// Number of parties (formats only).
    pub parties: Option<usize>,
    /// Forms.
    pub forms: Vec<Spanned<String>>,
}

/// meetings.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingsFile {
    /// Meeting words.
    #[serde(default)]
    pub meeting: Vec<MeetingEntry>,
    /// Levels.
    #[serde(default)]
    pub level: Vec<TaggedForms<String>>,
    /// Formats.
    #[serde(default)]
    pub format: Vec<TaggedForms<EventFormat>>,
    /// Statuses.
    #[serde(default)]
    pub status: Vec<TaggedForms<MeetingStatus>>,
    /// Verbs of hosting: a city next to one is where the meeting is ("موسكو تستضيف").
    #[serde(default)]
    pub hosts: Vec<Spanned<String>>,
    /// Prepositions that make a country the venue ("محادثات في السويد", "talks in Sweden").
    #[serde(default)]
    pub venue_in: Vec<Spanned<String>>,
    /// Words that say what a meeting discussed (بحث، ناقش، تناول، ركز).
    #[serde(default)]
    pub agenda: Vec<Spanned<String>>,
    /// Words of comparison: a place after one names an earlier meeting, not this one's venue
    /// ("talks held indirectly, as they had been in Muscat").
    #[serde(default)]
    pub comparison: Vec<Spanned<String>>,
    /// Words after a meeting word that introduce who meets ("a meeting of defence ministers"),
    /// for languages that put a noun's modifiers before it.
    #[serde(default)]
    pub participants_after: Vec<Spanned<String>>,
    /// Prepositions that make a city the place where something is ("في موسكو", "in Moscow").
    #[serde(default)]
    pub locatives: Vec<Spanned<String>>,
    /// A preposition written onto a city with the same sense (بموسكو).
    #[serde(default)]
    pub locative_prefixes: Vec<Spanned<String>>,
}

/// What a sentence says of a meeting's status, as read from status words (a closed set, in
/// rising order of precedence: a later status word of the sentence overrides an earlier one of
/// a lower rank).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingStatus {
    /// It took place (the default).
    #[default]
    Held,
    /// It is announced or expected.
    Planned,
    /// It was put off or called off.
    Postponed,
    /// A further meeting is announced ("لقاء ثان", "another round"): planned, and never the
    /// meeting mentioned before it. Never exported: an event says `planned`.
    Next,
}

impl MeetingStatus {
    /// The status an event exports.
    pub fn exported(self) -> EventStatus {
        match self {
            MeetingStatus::Held => EventStatus::Held,
            MeetingStatus::Planned | MeetingStatus::Next => EventStatus::Planned,
            MeetingStatus::Postponed => EventStatus::Postponed,
        }
    }
}

/// What kind of place a gazetteer entry is (a closed set).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A city or town.
    City,
    /// A military base.
    Base,
    /// A region, province or area.
    Region,
    /// A country (never a meeting's place: its state is read from the states' names).
    Country,
}

/// A relative date expression.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RelativeEntry {
    /// Forms.
    pub forms: Vec<Spanned<String>>,
    /// Day offset.
    pub days: Option<i64>,
    /// Week offset.
    pub weeks: Option<i64>,
    /// Month offset.
    pub months: Option<i64>,
    /// Year offset.
    pub years: Option<i64>,
}

/// dates.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatesFile {
    /// Month number → names.
    #[serde(default)]
    pub months: BTreeMap<String, Vec<Spanned<String>>>,
    /// Month number → names read as a month only beside a day or a year ("May 16, 2025"): they
    /// are also common words (May, the modal verb).
    #[serde(default)]
    pub months_with_number: BTreeMap<String, Vec<Spanned<String>>>,
    /// ISO weekday number → names.
    #[serde(default)]
    pub weekdays: BTreeMap<String, Vec<Spanned<String>>>,
    /// Relative expressions.
    #[serde(default)]
    pub relative: Vec<RelativeEntry>,
    /// Words for "early", "mid", "late" in a month (أوائل، منتصف، أواخر).
    #[serde(default)]
    pub parts: Vec<Spanned<String>>,
    /// Nouns of speech ("announcement", "بيان"): a day right after one dates a statement, not a
    /// meeting.
    #[serde(default)]
    pub statement_nouns: Vec<Spanned<String>>,
    /// Words after a month that put it in the year before ("مارس الماضي").
    #[serde(default)]
    pub past_marks: Vec<Spanned<String>>,
    /// Words that may stand before a year ("عام 2023").
    #[serde(default)]
    pub year_words: Vec<Spanned<String>>,
    /// Words that may stand before a weekday ("يوم الخميس").
    #[serde(default)]
    pub weekday_words: Vec<Spanned<String>>,
}
