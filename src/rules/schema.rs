//! The serde shapes of the rule files, one struct per file. Closed sets (stances, speaker kinds,
//! conflict kinds) are typed enums, so an unknown name is a load error with its position.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::model::{ConflictKind, SpeakerKind, Stance};

/// An example sentence a rule must (or must not) yield a claim for.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimExample {
    /// The sentence or short text.
    pub text: Spanned<String>,
    /// Expected speaker parties.
    pub parties: Option<Vec<String>>,
    /// Expected stance.
    pub stance: Option<Stance>,
    /// Expected speaker kind.
    pub kind: Option<SpeakerKind>,
    /// Expected number of claims (default: at least one).
    pub claims: Option<usize>,
    /// Expected topic ids (each must be present).
    pub topics: Option<Vec<String>>,
}

/// How a cue introduces its speaker.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frame {
    /// A verb of saying: speaker after it or before it.
    #[default]
    Verb,
    /// A source phrase (بحسب، according to): the speaker follows, the content is around it.
    Source,
    /// نقل ... عن X قوله: the speaker after عن speaks.
    Relay,
}

/// What a cue needs around it to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// An evaluation marker in its clause.
    Evaluation,
    /// Reported content (أن، إن، a quotation, a colon) right after the speaker.
    Content,
    /// A news outlet or unnamed sources right after the cue: بالنسبة لمصادر الصحيفة is
    /// "according to the paper's sources", بالنسبة لتونس only "as for Tunisia".
    MediaSource,
    /// A speaker named at the cue, not one carried over from before: تبين أن is also "it turned
    /// out that", with no speaker at all.
    NamedSpeaker,
}

/// One cue entry of cues.toml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CueEntry {
    /// Dictionary form; names the rule.
    pub lemma: Spanned<String>,
    /// Default stance.
    pub stance: Stance,
    /// How the speaker is introduced.
    #[serde(default)]
    pub frame: Frame,
    /// Arabic past stems (3ms).
    #[serde(default)]
    pub past: Vec<Spanned<String>>,
    /// Arabic present stems (3ms, with ي).
    #[serde(default)]
    pub present: Vec<Spanned<String>>,
    /// Arabic active participles.
    #[serde(default)]
    pub participle: Vec<Spanned<String>>,
    /// Surface forms taken as written.
    #[serde(default)]
    pub forms: Vec<Spanned<String>>,
    /// Generated forms to leave out: a conjugation that folds into a common word (أضافه "he
    /// added it" reads as إضافة "addition", as in إضافة إلى أن "besides").
    #[serde(default)]
    pub except: Vec<Spanned<String>>,
    /// Extra condition.
    pub requires: Option<Requirement>,
    /// Examples run by the tests.
    #[serde(default)]
    pub example: Vec<ClaimExample>,
}

/// cues.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuesFile {
    /// The cues.
    #[serde(default)]
    pub cue: Vec<CueEntry>,
}

/// One state of states.toml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateEntry {
    /// ISO 3166-1 alpha-2 code.
    pub party: Spanned<String>,
    /// English name.
    pub name: String,
    /// The state's names.
    #[serde(default)]
    pub names: Vec<Spanned<String>>,
    /// Capitals and seats of power.
    #[serde(default)]
    pub seats: Vec<Spanned<String>>,
    /// Nationality adjectives (base forms).
    #[serde(default)]
    pub adjectives: Vec<Spanned<String>>,
    /// Further adjective forms, as written.
    #[serde(default)]
    pub forms: Vec<Spanned<String>>,
}

/// states.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatesFile {
    /// The states.
    #[serde(default)]
    pub state: Vec<StateEntry>,
}

/// One person of people.toml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonEntry {
    /// Canonical name.
    pub name: String,
    /// The state the person speaks for.
    pub party: Option<Spanned<String>>,
    /// Office, free text.
    #[serde(default)]
    pub office: String,
    /// Meeting level.
    pub level: Option<String>,
    /// Ways the name is written.
    pub forms: Vec<Spanned<String>>,
}

/// people.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeopleFile {
    /// The people.
    #[serde(default)]
    pub person: Vec<PersonEntry>,
}

/// One speaker head of heads.toml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadEntry {
    /// Canonical label.
    pub name: String,
    /// Kind of speaker.
    pub kind: SpeakerKind,
    /// Meeting level.
    pub level: Option<String>,
    /// Whether it refers back to an earlier speaker.
    #[serde(default)]
    pub anaphoric: bool,
    /// Whether a portfolio may stand between it and its state (وزارة الصحة المصرية، وزير
    /// المالية التركي): one definite word that is no speaker word of its own.
    #[serde(default)]
    pub portfolio: bool,
    /// Forms as written.
    pub forms: Vec<Spanned<String>>,
}

/// heads.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeadsFile {
    /// The heads.
    #[serde(default)]
    pub head: Vec<HeadEntry>,
}

/// One outlet of outlets.toml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutletEntry {
    /// Canonical name.
    pub name: String,
    /// State, for state media and national papers.
    pub party: Option<Spanned<String>>,
    /// Forms as written.
    pub forms: Vec<Spanned<String>>,
}

/// outlets.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutletsFile {
    /// The outlets.
    #[serde(default)]
    pub outlet: Vec<OutletEntry>,
}

/// Where a marker must stand in the content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkerPlace {
    /// Among the first words.
    Start,
    /// Anywhere.
    #[default]
    Anywhere,
}

/// One marker group of markers.toml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkerEntry {
    /// The stance it sets.
    pub stance: Stance,
    /// Where it must stand.
    #[serde(default)]
    pub at: MarkerPlace,
    /// Single words (pronoun suffixes added for Arabic).
    #[serde(default)]
    pub words: Vec<Spanned<String>>,
    /// Phrases as written.
    #[serde(default)]
    pub phrases: Vec<Spanned<String>>,
}

/// markers.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkersFile {
    /// The markers.
    #[serde(default)]
    pub marker: Vec<MarkerEntry>,
}

/// One topic of topics.toml.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicEntry {
    /// Concept id.
    pub id: Spanned<String>,
    /// Word stems (prefix match).
    #[serde(default)]
    pub stems: Vec<Spanned<String>>,
    /// Phrases as written.
    #[serde(default)]
    pub phrases: Vec<Spanned<String>>,
}

/// topics.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicsFile {
    /// The topics.
    #[serde(default)]
    pub topic: Vec<TopicEntry>,
}

/// segment.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentFile {
    /// Whether the language puts the subject before the verb (English): a speaker before a cue
    /// is read first, one after it only in inversion.
    #[serde(default)]
    pub subject_first: bool,
    /// Words that join two speakers into one ("and"), for languages that write them apart.
    #[serde(default)]
    pub conjunctions: Vec<Spanned<String>>,
    /// Words that start a new clause.
    #[serde(default)]
    pub contrast: Vec<Spanned<String>>,
    /// Words that open reported content.
    #[serde(default)]
    pub openers: Vec<Spanned<String>>,
    /// Prepositions that open content after some cues.
    #[serde(default)]
    pub prepositions: Vec<Spanned<String>>,
    /// Relative pronouns.
    #[serde(default)]
    pub relative: Vec<Spanned<String>>,
    /// Pronouns that refer back to the last speaker.
    #[serde(default)]
    pub pronouns: Vec<Spanned<String>>,
    /// Auxiliaries that may stand before a subject-first speaker.
    #[serde(default)]
    pub verbs_before_subject: Vec<Spanned<String>>,
    /// Words that attach a head to a state or institution (التابعة لـ، في، باسم).
    #[serde(default)]
    pub joiners: Vec<Spanned<String>>,
    /// Words that add a second speaker further on (إلى جانب).
    #[serde(default)]
    pub alongside: Vec<Spanned<String>>,
    /// Discourse words that may stand before a cue that opens its clause (كما، من جهته).
    #[serde(default)]
    pub discourse: Vec<Spanned<String>>,
}

/// furniture.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FurnitureFile {
    /// Line starts that mark furniture.
    #[serde(default)]
    pub lines: Vec<Spanned<String>>,
    /// Phrases that mark furniture anywhere in a short line.
    #[serde(default)]
    pub phrases: Vec<Spanned<String>>,
}

/// A meeting word group.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingEntry {
    /// Kind of meeting.
    pub kind: String,
    /// Forms.
    pub forms: Vec<Spanned<String>>,
}

/// A level, format or status group.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaggedForms {
    /// The id it sets.
    pub id: String,
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
    pub level: Vec<TaggedForms>,
    /// Formats.
    #[serde(default)]
    pub format: Vec<TaggedForms>,
    /// Statuses.
    #[serde(default)]
    pub status: Vec<TaggedForms>,
    /// Verbs of hosting: a city next to one is where the meeting is ("موسكو تستضيف").
    #[serde(default)]
    pub hosts: Vec<Spanned<String>>,
    /// Words that say what a meeting discussed (بحث، ناقش، تناول، ركز).
    #[serde(default)]
    pub agenda: Vec<Spanned<String>>,
}

/// One place.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceEntry {
    /// Place id.
    pub id: Spanned<String>,
    /// English name.
    pub name: String,
    /// State it lies in.
    pub state: Option<String>,
    /// City, base, region or country.
    #[serde(default)]
    pub kind: String,
    /// Forms.
    pub forms: Vec<Spanned<String>>,
}

/// places.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    /// The places.
    #[serde(default)]
    pub place: Vec<PlaceEntry>,
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
}

/// An example pair for a conflict rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictExample {
    /// A short document with both accounts.
    pub text: Spanned<String>,
    /// Whether the rule must flag it.
    pub flags: bool,
}

/// One conflict rule.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictEntry {
    /// Rule id.
    pub id: Spanned<String>,
    /// Kind of conflict it flags.
    pub kind: ConflictKind,
    /// Stances on one side.
    pub a: Vec<Stance>,
    /// Stances on the other side.
    pub b: Vec<Stance>,
    /// Whether both sides must share a topic.
    #[serde(default)]
    pub same_topic: bool,
    /// Topic pairs, one per side, that oppose each other (`["normalization", "withdrawal"]`).
    #[serde(default)]
    pub topics: Vec<[String; 2]>,
    /// Whether both sides must describe what the meeting discussed (agenda words or meeting words).
    #[serde(default)]
    pub about_meeting: bool,
    /// How many content words (beyond stop words) the two sides must share.
    #[serde(default)]
    pub shared_words: usize,
    /// Whether the sides must give different figures for the same unit.
    #[serde(default)]
    pub numbers: bool,
    /// Whether a shared topic must be negated on exactly one side.
    #[serde(default)]
    pub negated: bool,
    /// Phrases one of which side b's claim must contain.
    #[serde(default)]
    pub b_phrases: Vec<String>,
    /// Base score.
    pub score: f64,
    /// Examples.
    #[serde(default)]
    pub example: Vec<ConflictExample>,
}

/// conflicts.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConflictsFile {
    /// The rules.
    #[serde(default)]
    pub rule: Vec<ConflictEntry>,
    /// Negation words.
    #[serde(default)]
    pub negations: Vec<String>,
}

/// Two lists of words that contradict each other when one sentence has one side and the other
/// sentence the other (ارتفاع / انخفاض).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OppositionEntry {
    /// Rule id, shown in the verdict (`rise-fall`).
    pub id: Spanned<String>,
    /// Words and phrases of one side.
    pub a: Vec<Spanned<String>>,
    /// Words and phrases of the other side.
    pub b: Vec<Spanned<String>>,
}

/// An example pair of pairs.toml that `cargo test` runs.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairExample {
    /// The first statement.
    pub s1: Spanned<String>,
    /// The second statement.
    pub s2: Spanned<String>,
    /// The label the comparator must give.
    pub label: crate::model::PairLabel,
}

/// Decision thresholds of the sentence-pair comparator.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairThresholds {
    /// Below this content overlap the pair is unrelated (`other`).
    pub related: f64,
    /// At or above this overlap a pair with no contradiction signal agrees.
    pub agree: f64,
}

impl Default for PairThresholds {
    fn default() -> Self {
        PairThresholds {
            related: 0.15,
            agree: 0.5,
        }
    }
}

/// pairs.toml: knowledge for the sentence-pair comparator.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PairsFile {
    /// Words that negate or deny what follows (لا، لم، ينفي، فشل).
    #[serde(default)]
    pub negations: Vec<Spanned<String>>,
    /// Function words left out of the overlap.
    #[serde(default)]
    pub stopwords: Vec<Spanned<String>>,
    /// Opposed word lists.
    #[serde(default)]
    pub opposition: Vec<OppositionEntry>,
    /// Decision thresholds.
    #[serde(default)]
    pub thresholds: PairThresholds,
    /// Examples run by the tests.
    #[serde(default)]
    pub example: Vec<PairExample>,
}
