//! The serde shapes of the files that compare accounts: the conflict rules and negations of
//! `common/conflicts.toml`, and the sentence-pair comparator's `pairs.toml`.

use serde::Deserialize;
use toml::Spanned;

use crate::model::{ConflictKind, PairLabel, Stance};

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
    /// Whether both sides must judge one object: a shared topic, a third state both name, or
    /// shared content words (weak evidence).
    #[serde(default)]
    pub same_object: bool,
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
    /// Whether, when side b's claim speaks of an outcome (the file's `outcomes`: an agreement, a
    /// deal), side a's must speak of one too: denying an agreement answers only a claim of one.
    #[serde(default)]
    pub same_outcome: bool,
    /// A topic both claims must carry (`blame`: each speaks of the other's fault).
    #[serde(default)]
    pub both_about: Option<String>,
    /// Whether each side's content must name the other side's state (each blames the other).
    #[serde(default)]
    pub accuse_each_other: bool,
    /// Whether side b's content must name side a (its state, or the person who speaks for it):
    /// b answers a.
    #[serde(default)]
    pub b_names_a: bool,
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
    /// Words of an outcome (an agreement, a deal), for `same_outcome` rules.
    #[serde(default)]
    pub outcomes: Vec<String>,
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
    pub label: PairLabel,
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
