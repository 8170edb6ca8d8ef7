//! One language's compiled rules ([`LangRules`]): the lexicons every stage looks words up in,
//! and what each entry stands for. `compile` fills them from the language's folder.

use crate::model::{EventFormat, SpeakerKind, Stance};
use crate::text::TextRules;
use crate::text::lexicon::{HeadIndex, Indexed, Lexicon};

use super::LocatedExample;
use super::schema::{Frame, MarkerPlace, MeetingStatus, PairsFile, PlaceKind, Requirement};

/// What a cue lexicon entry stands for.
#[derive(Debug, Clone)]
pub struct CueInfo {
    /// Dictionary form.
    pub lemma: String,
    /// Default stance.
    pub stance: Stance,
    /// How it introduces its speaker.
    pub frame: Frame,
    /// Extra condition.
    pub requires: Option<Requirement>,
    /// Rule id (`ar.cue.قال`).
    pub rule: String,
    /// Whether this surface form is a participle (continues a statement).
    pub participle: bool,
}

/// A state.
#[derive(Debug, Clone)]
pub struct StateInfo {
    /// ISO code.
    pub party: String,
    /// English name.
    pub name: String,
}

/// A named person.
#[derive(Debug, Clone)]
pub struct PersonInfo {
    /// Canonical name.
    pub name: String,
    /// State spoken for.
    pub party: Option<String>,
    /// Office.
    pub office: String,
    /// Meeting level.
    pub level: Option<String>,
    /// The movement spoken for, for people of no state (a Taliban spokesman).
    pub affiliation: Option<String>,
}

/// A speaker head noun.
#[derive(Debug, Clone)]
pub struct HeadInfo {
    /// Canonical label.
    pub name: String,
    /// Kind.
    pub kind: SpeakerKind,
    /// Meeting level.
    pub level: Option<String>,
    /// Whether it refers back.
    pub anaphoric: bool,
    /// Whether a portfolio may stand between it and its state.
    pub portfolio: bool,
    /// Whether it names a movement by itself (Hamas, the Taliban).
    pub movement: bool,
}

/// A news outlet.
#[derive(Debug, Clone)]
pub struct OutletInfo {
    /// Canonical name.
    pub name: String,
    /// State, for state media.
    pub party: Option<String>,
}

/// A place of the gazetteer.
#[derive(Debug, Clone)]
pub struct PlaceInfo {
    /// Place id.
    pub id: String,
    /// English name.
    pub name: String,
    /// State.
    pub state: Option<String>,
    /// Kind.
    pub kind: Option<PlaceKind>,
}

/// A relative date offset.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RelDate {
    /// Days.
    pub days: i64,
    /// Weeks.
    pub weeks: i64,
    /// Months.
    pub months: i64,
    /// Years.
    pub years: i64,
}

/// Where a language puts the speaker of a verb of saying: before the verb ("Lavrov said") or
/// after it ("قال لافروف"). Set by `subject_first` in segment.toml.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum WordOrder {
    /// The verb comes first and its subject after it (Arabic).
    #[default]
    VerbFirst,
    /// The subject comes before the verb, after it only in inversion (English).
    SubjectFirst,
}

impl WordOrder {
    /// Whether the subject comes first (and a noun phrase's modifiers before its head).
    pub fn subject_first(self) -> bool {
        self == WordOrder::SubjectFirst
    }
}

/// One word of a speaker phrase, as the speaker lexicon knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Atom {
    /// A named person (index into `people`).
    Person(u32),
    /// A head noun (index into `heads`).
    Head(u32),
    /// A named outlet (index into `outlets`).
    Outlet(u32),
    /// A state's name (index into `states`).
    StateName(u32),
    /// A capital or seat of power.
    Seat(u32),
    /// A nationality adjective.
    Adjective(u32),
}

/// One language's compiled rules.
#[derive(Debug, Clone, Default)]
pub struct LangRules {
    /// Language code.
    pub code: String,
    /// Cue surface forms.
    pub cues: Lexicon<u32>,
    /// What each cue is.
    pub cue_info: Vec<CueInfo>,
    /// Speaker words.
    pub speakers: Lexicon<Atom>,
    /// States.
    pub states: Vec<StateInfo>,
    /// People.
    pub people: Vec<PersonInfo>,
    /// Heads.
    pub heads: Vec<HeadInfo>,
    /// Outlets.
    pub outlets: Vec<OutletInfo>,
    /// Stance markers.
    pub markers: Lexicon<(Stance, MarkerPlace)>,
    /// Topic stems (folded), matched as word prefixes by one anchored automaton.
    pub topic_stems: Option<aho_corasick::AhoCorasick>,
    /// The topic index of each stem pattern.
    pub topic_of_stem: Vec<u32>,
    /// Topic phrases.
    pub topic_phrases: Lexicon<u32>,
    /// Topic ids.
    pub topic_ids: Vec<String>,
    /// Contrast words.
    pub contrast: Lexicon<()>,
    /// Content openers.
    pub openers: Lexicon<()>,
    /// Content prepositions.
    pub prepositions: Lexicon<()>,
    /// Relative pronouns.
    pub relative: Lexicon<()>,
    /// Back-referring pronouns.
    pub pronouns: Lexicon<()>,
    /// Auxiliaries before a subject.
    pub aux: Lexicon<()>,
    /// Words attaching a head to a state or institution.
    pub joiners: Lexicon<()>,
    /// Words adding a second speaker further on.
    pub alongside: Lexicon<()>,
    /// Discourse words before a clause-opening cue.
    pub discourse: Lexicon<()>,
    /// Words before a cue after a comma that attribute what came before (كما).
    pub trailing: Lexicon<()>,
    /// Resumptive pronouns after a relative clause's cue (فيه).
    pub resumptive: Lexicon<()>,
    /// Openers of a sentence that continues the statement before it (على أن). Not in the head
    /// index (its 32 bits are taken): it is read once per sentence, at its first word.
    pub continues: Lexicon<()>,
    /// Words after which a cue form is a passive participle ("supported by"); not indexed either.
    pub passive: Lexicon<()>,
    /// Words after a speaker phrase that name whom it is loyal to (الموالية لـ); not indexed.
    pub allegiance: Lexicon<()>,
    /// Words after an outlet that name the sources it cites ("citing", مستندة إلى); not indexed.
    pub citing: Lexicon<()>,
    /// Words that put the speaker first, its verb after a linking فـ (أما); not indexed.
    pub topic_first: Lexicon<()>,
    /// Where the speaker of a verb stands: before it (English) or after it.
    pub order: WordOrder,
    /// Words read as another (folded) word only when written exactly so ("US" → "usa").
    pub cased: Vec<(String, String)>,
    /// Words joining two speakers ("and").
    pub conjunctions: Lexicon<()>,
    /// Words after an outlet that introduce whom it relays (عن).
    pub relay_from: Lexicon<()>,
    /// Prepositions written apart after a source phrase (ل), folded.
    pub source_joiners: Vec<String>,
    /// Endings of a source phrase that read through a verb of saying (ما), folded.
    pub source_through: Vec<String>,
    /// Titles and abbreviations whose dot ends no sentence (folded).
    pub abbreviations: Vec<String>,
    /// Articles written apart before a noun ("the", "a"), folded.
    pub articles: Vec<String>,
    /// Prefixes that make a word definite (ال، لل), folded.
    pub definite: Vec<String>,
    /// The article written onto a word (ال), folded; empty when none is.
    pub article: String,
    /// Furniture line starts (folded).
    pub furniture_lines: Vec<String>,
    /// Furniture phrases (folded).
    pub furniture_phrases: Vec<String>,
    /// Meeting words → kind.
    pub meetings: Lexicon<String>,
    /// Level words → level id.
    pub levels: Lexicon<String>,
    /// Format words → (format, parties).
    pub formats: Lexicon<(EventFormat, usize)>,
    /// Status words → status.
    pub statuses: Lexicon<MeetingStatus>,
    /// Verbs of hosting.
    pub hosts: Lexicon<()>,
    /// Prepositions that make a country the venue.
    pub venue_in: Lexicon<()>,
    /// Agenda words (discussed, focused on).
    pub agenda: Lexicon<()>,
    /// Words of comparison, after which a place is no venue.
    pub comparison: Lexicon<()>,
    /// Places.
    pub places: Lexicon<u32>,
    /// Place details.
    pub place_info: Vec<PlaceInfo>,
    /// Month names → month number.
    pub months: Lexicon<u8>,
    /// Month names read only beside a day or a year number → month number.
    pub months_with_number: Lexicon<u8>,
    /// Month names that shorten a longer name of the same month ("jan", "sept"; folded): a dot
    /// after one ends no sentence.
    pub month_abbreviations: Vec<String>,
    /// Weekday names → ISO weekday.
    pub weekdays: Lexicon<u8>,
    /// Relative date expressions.
    pub relative_dates: Lexicon<RelDate>,
    /// Month parts (early, mid, late).
    pub date_parts: Lexicon<()>,
    /// Words after a month that put it in the year before (الماضي).
    pub date_past: Lexicon<()>,
    /// Words that may stand before a year (عام).
    pub year_words: Lexicon<()>,
    /// Words that may stand before a weekday (يوم).
    pub weekday_words: Lexicon<()>,
    /// Words after a meeting word that introduce who meets ("of", "between").
    pub participants_after: Lexicon<()>,
    /// Prepositions that make a city a location (في، in).
    pub locatives: Lexicon<()>,
    /// Prepositions written onto a city with that sense (ب), folded.
    pub locative_prefixes: Vec<String>,
    /// Nouns of speech, after which a day dates a statement.
    pub statement_nouns: Lexicon<()>,
    /// Claim examples.
    pub examples: Vec<LocatedExample>,
    /// Which lexicons can match at a word, shared by all languages of the rule set.
    pub head_index: std::sync::Arc<HeadIndex>,
    /// The sentence-pair comparator's file (compiled by `pairs::PairRules`), and where each of its
    /// examples is written (`rules/ar/pairs.toml:12`).
    pub pairs: (PairsFile, Vec<String>),
    /// The light stemmer of morphology.toml (shared: comparison statements hold it).
    pub stemmer: std::sync::Arc<crate::text::stem::Stemmer>,
}

impl LangRules {
    /// Whether a folded word is an article written apart ("the").
    pub fn is_article(&self, key: &str) -> bool {
        self.articles.iter().any(|a| a == key)
    }

    /// Whether a folded word starts with a definite prefix (الوزير، للوزير).
    pub fn is_definite(&self, key: &str) -> bool {
        self.definite.iter().any(|d| key.starts_with(d.as_str()))
    }

    /// Every lexicon, in an order that is the same for every language (bits of the head index).
    pub fn lexicons_mut(&mut self) -> Vec<&mut dyn Indexed> {
        vec![
            &mut self.cues,
            &mut self.speakers,
            &mut self.markers,
            &mut self.topic_phrases,
            &mut self.contrast,
            &mut self.openers,
            &mut self.prepositions,
            &mut self.relative,
            &mut self.pronouns,
            &mut self.aux,
            &mut self.joiners,
            &mut self.alongside,
            &mut self.discourse,
            &mut self.trailing,
            &mut self.resumptive,
            &mut self.conjunctions,
            &mut self.meetings,
            &mut self.levels,
            &mut self.formats,
            &mut self.statuses,
            &mut self.hosts,
            &mut self.venue_in,
            &mut self.agenda,
            &mut self.comparison,
            &mut self.places,
            &mut self.months,
            &mut self.months_with_number,
            &mut self.weekdays,
            &mut self.relative_dates,
            &mut self.date_parts,
            &mut self.statement_nouns,
        ]
    }
}

impl TextRules for LangRules {
    fn head_index(&self) -> &HeadIndex {
        &self.head_index
    }

    fn contrast(&self) -> &Lexicon<()> {
        &self.contrast
    }

    fn month_abbreviations(&self) -> &[String] {
        &self.month_abbreviations
    }

    fn furniture_lines(&self) -> &[String] {
        &self.furniture_lines
    }

    fn abbreviations(&self) -> &[String] {
        &self.abbreviations
    }

    fn furniture_phrases(&self) -> &[String] {
        &self.furniture_phrases
    }

    fn cased(&self) -> &[(String, String)] {
        &self.cased
    }
}
