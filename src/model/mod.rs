//! The plain data every pipeline stage passes on: documents, claims, events, findings and pair
//! labels, shaped exactly as the `claimdiff/1` JSON export so that serde writes the export directly.

use serde::{Deserialize, Serialize};

mod shared;

pub use shared::SharedText;

/// The export format's name, written in every JSON report.
pub const FORMAT: &str = "claimdiff/1";

/// A half-open range of Unicode code points into a document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (end exclusive).
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// Number of code points covered.
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// One article as read, with its metadata.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the file stem or the JSON Lines `id`.
    pub id: String,
    /// Where it came from (`-` for standard input).
    pub path: String,
    /// Headline, from metadata or the first heading line.
    pub title: Option<String>,
    /// ISO 639-1 language code.
    pub language: Option<SharedText>,
    /// Publication date (ISO 8601, possibly partial).
    pub published: Option<String>,
    /// Where the publication date came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_from: Option<DateSource>,
    /// Outlet name, when the metadata gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outlet: Option<SharedText>,
    /// Source address, when the metadata gives it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The text that spans refer to; exported only when it differs from the file (HTML input).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Where a document's publication date was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// The input's metadata (`published`/`date` in JSON Lines, `<meta>`/`<time>` in HTML).
    Metadata,
    /// A date line or dateline at the top of the text.
    Dateline,
    /// A date in the file name or document id.
    FileName,
    /// A date in the article's address.
    Url,
    /// The date given for the whole run (`--published`).
    Option,
}

/// The stance a claim takes (a closed set; see ANNOTATION.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// A plain statement.
    Assert,
    /// Denies a statement or that something happened.
    Deny,
    /// Approves or praises.
    Positive,
    /// Condemns or criticizes.
    Negative,
    /// Insists, demands, sets a condition.
    Demand,
    /// Expresses hope.
    Hope,
    /// Claims without proof.
    Allege,
    /// Proposes.
    Propose,
    /// Promises.
    Promise,
}

impl Stance {
    /// The JSON name of the stance.
    pub fn name(self) -> &'static str {
        match self {
            Stance::Assert => "assert",
            Stance::Deny => "deny",
            Stance::Positive => "positive",
            Stance::Negative => "negative",
            Stance::Demand => "demand",
            Stance::Hope => "hope",
            Stance::Allege => "allege",
            Stance::Propose => "propose",
            Stance::Promise => "promise",
        }
    }

    /// Every stance, in declaration order.
    pub const ALL: [Stance; 9] = [
        Stance::Assert,
        Stance::Deny,
        Stance::Positive,
        Stance::Negative,
        Stance::Demand,
        Stance::Hope,
        Stance::Allege,
        Stance::Propose,
        Stance::Promise,
    ];

    /// Parses a JSON name.
    pub fn parse(name: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|s| s.name() == name)
    }

    /// Whether a cue of this stance says more than a plain statement.
    pub fn is_marked(self) -> bool {
        self != Stance::Assert
    }
}

/// What kind of speaker makes a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A named or described person.
    Person,
    /// A ministry, army, government, statement or other body.
    Institution,
    /// A state, often named by its capital.
    State,
    /// A news outlet or its correspondent.
    Media,
    /// Unnamed officials or sources.
    Anonymous,
}

impl SpeakerKind {
    /// Every kind, in declaration order.
    pub const ALL: [SpeakerKind; 5] = [
        SpeakerKind::Person,
        SpeakerKind::Institution,
        SpeakerKind::State,
        SpeakerKind::Media,
        SpeakerKind::Anonymous,
    ];

    /// The JSON name of the kind.
    pub fn name(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Institution => "institution",
            SpeakerKind::State => "state",
            SpeakerKind::Media => "media",
            SpeakerKind::Anonymous => "anonymous",
        }
    }

    /// Parses a JSON name.
    pub fn parse(name: &str) -> Option<SpeakerKind> {
        SpeakerKind::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// Who a claim is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The words that name the speaker, or those it was resolved from.
    pub text: SharedText,
    /// Where those words stand, when the speaker is named in the claim's sentence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Canonical name (a lexicon name, or the words as written).
    pub name: SharedText,
    /// Person, institution, state, media or anonymous.
    pub kind: SpeakerKind,
    /// States spoken for, ISO 3166-1 alpha-2, sorted.
    pub parties: Vec<String>,
    /// The movement spoken for, when no state is (Hamas, the Taliban): a side of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
}

/// The attribution marker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    /// The cue words as written.
    pub text: SharedText,
    /// Where they stand.
    pub span: Span,
    /// The cue's lemma from the lexicon.
    pub lemma: SharedText,
}

/// What is claimed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Content {
    /// The content words as written.
    pub text: SharedText,
    /// Where they stand.
    pub span: Span,
    /// Whether the content is a direct quotation.
    pub quoted: bool,
}

/// One attributed claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// Stable id: document id and the claim's start offset.
    pub id: String,
    /// The document's id.
    pub doc: SharedText,
    /// Covers cue, speaker and content in one sentence.
    pub span: Span,
    /// The slice of the document at `span`.
    pub text: SharedText,
    /// Who says it.
    pub speaker: Speaker,
    /// The attribution marker.
    pub cue: Cue,
    /// What is said.
    pub content: Content,
    /// The position taken.
    pub stance: Stance,
    /// Topic concept ids found in the content, sorted.
    pub topics: Vec<String>,
    /// The event the claim is about, if any.
    pub event: Option<String>,
    /// The rule that made the claim.
    pub rule: SharedText,
    /// How speaker and stance were decided.
    pub why: SharedText,
}

/// A mention of a meeting in a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    /// The document's id.
    pub doc: String,
    /// The sentence that mentions the meeting, in the document's code points.
    pub span: Span,
}

/// A meeting, talks, summit or call, possibly reported by several documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Stable id derived from place, date and level.
    pub id: String,
    /// A short human label.
    pub label: String,
    /// Place id, if known.
    pub location: Option<String>,
    /// ISO 8601 date, possibly partial (`2023-04`, `2023`), or a weekday (`--W3`)
    pub date: Option<String>,
    /// Participating states, sorted.
    pub parties: Vec<String>,
    /// Level of the participants (`foreign_ministers`, `defence_ministers`, ...).
    pub level: Vec<String>,
    /// Format by number of parties (`bilateral`, `trilateral`, `quadrilateral`, ...).
    pub format: Option<EventFormat>,
    /// `held`, `planned` or `postponed`.
    pub status: EventStatus,
    /// Where the documents mention it.
    pub mentions: Vec<Mention>,
    /// Ids of the claims about it.
    pub claims: Vec<String>,
    /// Why its mentions were merged.
    pub why: Vec<String>,
}

/// Whether a meeting took place (a closed set).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventStatus {
    /// It took place.
    Held,
    /// It is announced or expected.
    Planned,
    /// It was put off or called off.
    Postponed,
}

impl EventStatus {
    /// The JSON name of the status.
    pub fn name(self) -> &'static str {
        match self {
            EventStatus::Held => "held",
            EventStatus::Planned => "planned",
            EventStatus::Postponed => "postponed",
        }
    }
}

/// A meeting's format by its number of parties (a closed set; the rule files give each its
/// words and number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventFormat {
    /// Two parties.
    Bilateral,
    /// Three parties.
    Trilateral,
    /// Four parties.
    Quadrilateral,
    /// Five parties.
    Quintet,
    /// Six parties.
    Sextet,
}

impl EventFormat {
    /// The JSON name of the format.
    pub fn name(self) -> &'static str {
        match self {
            EventFormat::Bilateral => "bilateral",
            EventFormat::Trilateral => "trilateral",
            EventFormat::Quadrilateral => "quadrilateral",
            EventFormat::Quintet => "quintet",
            EventFormat::Sextet => "sextet",
        }
    }
}

/// The kinds of conflict the comparator flags (a closed set).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// One side denies what the other stated.
    Denial,
    /// Same topic, opposite polarity.
    Contradiction,
    /// The same act judged in opposite ways.
    OpposingEvaluation,
    /// Happened against did not happen.
    FactualConflict,
    /// Different figures for the same quantity.
    NumericConflict,
    /// The meeting described in different terms.
    DivergentAccount,
}

impl ConflictKind {
    /// Every kind, in declaration order.
    pub const ALL: [ConflictKind; 6] = [
        ConflictKind::Denial,
        ConflictKind::Contradiction,
        ConflictKind::OpposingEvaluation,
        ConflictKind::FactualConflict,
        ConflictKind::NumericConflict,
        ConflictKind::DivergentAccount,
    ];

    /// The JSON name of the kind.
    pub fn name(self) -> &'static str {
        match self {
            ConflictKind::Denial => "denial",
            ConflictKind::Contradiction => "contradiction",
            ConflictKind::OpposingEvaluation => "opposing_evaluation",
            ConflictKind::FactualConflict => "factual_conflict",
            ConflictKind::NumericConflict => "numeric_conflict",
            ConflictKind::DivergentAccount => "divergent_account",
        }
    }

    /// Parses a JSON name.
    pub fn parse(name: &str) -> Option<ConflictKind> {
        ConflictKind::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// One side of a finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Side {
    /// States on this side, sorted.
    pub parties: Vec<String>,
    /// Speakers' names on this side.
    pub speakers: Vec<String>,
    /// Ids of the claims on this side.
    pub claims: Vec<String>,
}

/// A conflict between two sides' accounts of one event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable id from the event, kind and claims.
    pub id: String,
    /// What kind of conflict.
    pub kind: ConflictKind,
    /// The event it is about (null for claims about no meeting).
    pub event: Option<String>,
    /// Confidence in [0, 1].
    pub score: f64,
    /// First side.
    pub a: Side,
    /// Second side.
    pub b: Side,
    /// The conflict rule that fired.
    pub rule: String,
    /// A sentence naming the rule and the words that triggered it.
    pub why: String,
}

/// The whole result of a run: the `claimdiff/1` export.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    /// Always `claimdiff/1`.
    pub format: String,
    /// The documents read.
    pub documents: Vec<Document>,
    /// Every claim, in document order.
    pub claims: Vec<Claim>,
    /// Events, in order of first mention.
    pub events: Vec<Event>,
    /// Conflicts found.
    pub findings: Vec<Finding>,
}

impl Default for Report {
    fn default() -> Self {
        Report {
            format: FORMAT.to_string(),
            documents: Vec::new(),
            claims: Vec::new(),
            events: Vec::new(),
            findings: Vec::new(),
        }
    }
}

/// How the second statement stands to the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PairLabel {
    /// It says the same thing.
    Agree,
    /// It contradicts the first.
    Disagree,
    /// It is about something else, or neither follows nor contradicts.
    Other,
}

impl PairLabel {
    /// The three labels, in the order of the model's outputs.
    pub const ALL: [PairLabel; 3] = [PairLabel::Agree, PairLabel::Disagree, PairLabel::Other];

    /// The label of a snake_case name.
    pub fn parse(name: &str) -> Option<PairLabel> {
        PairLabel::ALL.into_iter().find(|l| l.as_str() == name)
    }

    /// The position in [`PairLabel::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The snake_case name (`agree`, `disagree`, `other`).
    pub fn as_str(self) -> &'static str {
        match self {
            PairLabel::Agree => "agree",
            PairLabel::Disagree => "disagree",
            PairLabel::Other => "other",
        }
    }
}
