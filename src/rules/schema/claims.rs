//! The serde shapes of the language files a claim is read with: cues (with their examples),
//! heads, stance markers, clause segmentation and page furniture.

use serde::Deserialize;
use toml::Spanned;

use crate::model::{SpeakerKind, Stance};

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
    /// Whether it names a movement by itself (Hamas, the Taliban): a side of its own that
    /// speaks for no state, and the affiliation of the people who speak for it.
    #[serde(default)]
    pub movement: bool,
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

/// Where a marker must stand in the content.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkerPlace {
    /// Among the first words.
    Start,
    /// Anywhere.
    #[default]
    Anywhere,
    /// A negation ("not", لم، غير): a positive evaluation right after it is negative ("was not
    /// successful", "غير مثمرة"); its stance names what the evaluation turns into.
    Negation,
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
    /// Examples run by the tests: a sentence whose claim takes this stance.
    #[serde(default)]
    pub example: Vec<ClaimExample>,
}

/// markers.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkersFile {
    /// The markers.
    #[serde(default)]
    pub marker: Vec<MarkerEntry>,
}

/// segment.toml.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SegmentFile {
    /// Whether the language puts the subject before the verb (English): a speaker before a cue
    /// is read first, one after it only in inversion.
    #[serde(default)]
    pub subject_first: bool,
    /// Words read as another word only when written exactly so: "US" (the United States, not
    /// the pronoun "us") is read as "USA".
    #[serde(default)]
    pub cased: std::collections::BTreeMap<String, String>,
    /// Words that join two speakers into one ("and"), for languages that write them apart.
    #[serde(default)]
    pub conjunctions: Vec<Spanned<String>>,
    /// Words after an outlet that introduce whom it relays ("نقلت الوكالة عن الوزير").
    #[serde(default)]
    pub relay_from: Vec<Spanned<String>>,
    /// A preposition written apart after a source phrase, skipped to its speaker ("وفقا ل").
    #[serde(default)]
    pub source_joiners: Vec<Spanned<String>>,
    /// Endings of a source phrase that read through a verb of saying to its speaker ("بحسب ما
    /// أكده الوزير"، "حسبما قال").
    #[serde(default)]
    pub source_through: Vec<Spanned<String>>,
    /// Articles written apart before a noun ("the", "a", "an").
    #[serde(default)]
    pub articles: Vec<Spanned<String>>,
    /// Titles and abbreviations whose dot ends no sentence ("Gen.", "Mr.").
    #[serde(default)]
    pub abbreviations: Vec<Spanned<String>>,
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
    /// Words that, after a comma and before a cue, make it attribute the words before them
    /// ("...، كما أكد الوزير").
    #[serde(default)]
    pub trailing: Vec<Spanned<String>>,
    /// Pronouns that take a relative clause's cue back to its noun ("بيانا قالت فيه").
    #[serde(default)]
    pub resumptive: Vec<Spanned<String>>,
    /// Words that open a sentence continuing the statement before it, with no cue of its own
    /// ("على أن التفاوض سيتم عبر وسيط").
    #[serde(default)]
    pub continues: Vec<Spanned<String>>,
    /// Words after which a cue form is a passive participle, no statement ("a proposal
    /// supported by Egypt").
    #[serde(default)]
    pub passive: Vec<Spanned<String>>,
    /// Words after a speaker phrase that say whom it is loyal to: the side that follows speaks
    /// through it ("وكالة سبأ الموالية للحوثيين" speaks for the Houthis, not for Yemen).
    #[serde(default)]
    pub allegiance: Vec<Spanned<String>>,
    /// Words after an outlet that name the sources it cites: they speak through it ("The Wall
    /// Street Journal, citing Saudi officials").
    #[serde(default)]
    pub citing: Vec<Spanned<String>>,
    /// Words that put a clause's topic first, its verb after a linking فـ ("أما الوزير
    /// فأكد"): the topic is the speaker of that verb.
    #[serde(default)]
    pub topic_first: Vec<Spanned<String>>,
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

/// morphology.toml: how the loader inflects the stems rule authors write (cue and meeting verbs,
/// nationality adjectives, marker nouns), and how a word's light stem is read for comparison.
/// A language without inflection tables has its forms listed as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MorphologyFile {
    /// Whether entries must be written without diacritics or tatweel (the loader refuses them).
    #[serde(default)]
    pub bare_entries: bool,
    /// Pronoun suffixes the loader adds to openers and contrast words (أنه، لكنها).
    #[serde(default)]
    pub pronoun_suffixes: Vec<String>,
    /// Verb conjugation, when the language's cues are written as stems.
    #[serde(default)]
    pub verb: VerbTable,
    /// Noun and adjective inflection.
    #[serde(default)]
    pub noun: NounTable,
    /// The light stemmer.
    #[serde(default)]
    pub stem: StemTable,
}

/// How a verb stem is conjugated.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerbTable {
    /// Endings of a past stem (قال → قالت، قالوا).
    #[serde(default)]
    pub past: Vec<String>,
    /// The letter a present stem is written with (يقول); a verb listed with it is a present stem.
    #[serde(default)]
    pub present_mark: String,
    /// Person prefixes of the present (يقول، تقول).
    #[serde(default)]
    pub present_prefixes: Vec<String>,
    /// Endings of the present (يقولون).
    #[serde(default)]
    pub present_endings: Vec<String>,
    /// The future prefix (سيقول).
    #[serde(default)]
    pub future: String,
    /// Endings of an active participle (مضيفا، مضيفة).
    #[serde(default)]
    pub participle: Vec<String>,
    /// Object pronouns a conjugated verb may carry (وصفها).
    #[serde(default)]
    pub objects: Vec<String>,
    /// An ending written otherwise before an object pronoun: `[ending, replacement]` (قالوا →
    /// قالوه).
    #[serde(default)]
    pub before_object: Vec<[String; 2]>,
}

/// How a noun or a nisba adjective is inflected.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NounTable {
    /// The definite article written onto the word (ال).
    #[serde(default)]
    pub article: String,
    /// Prefixes that make a word definite: the article, and a preposition fused with it (لل).
    #[serde(default)]
    pub definite: Vec<String>,
    /// Endings of a nisba adjective (تركي → تركية، تركيين).
    #[serde(default)]
    pub adjective: Vec<String>,
    /// Possessive pronouns a noun may carry (أمله).
    #[serde(default)]
    pub possessives: Vec<String>,
    /// An ending written otherwise before a possessive: `[ending, replacement]` (رغبة → رغبتها).
    #[serde(default)]
    pub before_possessive: Vec<[String; 2]>,
}

/// How the light stemmer reads a word: which method, and for affix stripping the prefix groups
/// (at most one prefix of each group, in order) and the suffixes (at most one).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StemTable {
    /// The method.
    #[serde(default)]
    pub method: crate::text::stem::StemMethod,
    /// Prefix groups, stripped in order: of each group, the first alternative whose prefix
    /// leaves enough letters.
    #[serde(default)]
    pub prefixes: Vec<Vec<AffixEntry>>,
    /// Suffixes: the first that leaves enough letters.
    #[serde(default)]
    pub suffixes: Vec<AffixEntry>,
    /// Proclitics two stems may differ by and still be one word.
    #[serde(default)]
    pub proclitics: AffixEntry,
    /// Long vowels dropped to compare consonant skeletons (none: skeletons are not compared).
    #[serde(default)]
    pub vowels: Vec<String>,
    /// Pattern prefixes dropped from a skeleton.
    #[serde(default)]
    pub pattern_prefixes: AffixEntry,
}

/// Affixes of one kind and how many letters must remain once one is stripped.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AffixEntry {
    /// The affixes, tried in order.
    #[serde(default)]
    pub strip: Vec<String>,
    /// Letters that must remain.
    #[serde(default)]
    pub keep: usize,
}
