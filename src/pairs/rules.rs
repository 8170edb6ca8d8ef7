//! The comparator's knowledge, compiled from `rules/ar/pairs.toml` (negations, stopwords, opposed
//! word lists, thresholds, examples) plus the state lexicon of the Arabic rules.

use std::collections::HashSet;

use super::PairLabel;
use super::features::stem;
use crate::rules::schema::PairThresholds;
use crate::rules::{LangRules, RuleSet};
use crate::text::fold::key;

/// A word or phrase as a sequence of light stems.
pub type Phrase = Vec<String>;

/// Two opposed lists of words (ارتفاع / انخفاض).
#[derive(Debug, Clone)]
pub struct Opposition {
    /// Rule id (`rise-fall`).
    pub id: String,
    /// One side.
    pub a: Vec<Phrase>,
    /// The other side.
    pub b: Vec<Phrase>,
}

/// An example pair with where it is written.
#[derive(Debug, Clone)]
pub struct PairCase {
    /// `rules/ar/pairs.toml:12`.
    pub origin: String,
    /// First statement.
    pub s1: String,
    /// Second statement.
    pub s2: String,
    /// Expected label.
    pub label: PairLabel,
}

/// Everything the comparator knows, compiled once.
#[derive(Debug, Clone)]
pub struct PairRules {
    /// Negating words and phrases.
    pub negations: Vec<Phrase>,
    /// Stems of function words.
    pub stopwords: HashSet<String>,
    /// Opposed word lists.
    pub oppositions: Vec<Opposition>,
    /// Decision thresholds.
    pub thresholds: PairThresholds,
    /// The language rules whose state lexicon names parties.
    pub lang: LangRules,
    /// The examples of the rule file.
    pub examples: Vec<PairCase>,
}

/// A phrase as written, folded and stemmed word by word.
pub fn phrase(written: &str) -> Phrase {
    key(written).split_whitespace().map(stem).collect()
}

impl PairRules {
    /// Compiles the comparator's rules from the Arabic rules of a rule set.
    pub fn from_ruleset(rules: &RuleSet) -> PairRules {
        let lang = rules.lang("ar").clone();
        let (file, origins) = &lang.pairs;
        let list =
            |v: &[toml::Spanned<String>]| v.iter().map(|w| phrase(w.get_ref())).collect::<Vec<_>>();
        let oppositions = file
            .opposition
            .iter()
            .map(|o| Opposition {
                id: o.id.get_ref().clone(),
                a: list(&o.a),
                b: list(&o.b),
            })
            .collect();
        let examples = file
            .example
            .iter()
            .zip(origins)
            .map(|(e, origin)| PairCase {
                origin: origin.clone(),
                s1: e.s1.get_ref().clone(),
                s2: e.s2.get_ref().clone(),
                label: e.label,
            })
            .collect();
        PairRules {
            negations: list(&file.negations),
            stopwords: file
                .stopwords
                .iter()
                .flat_map(|w| phrase(w.get_ref()))
                .collect(),
            oppositions,
            thresholds: file.thresholds,
            examples,
            lang,
        }
    }

    /// The embedded default rules.
    pub fn embedded() -> PairRules {
        let set =
            RuleSet::embedded().unwrap_or_else(|e| panic!("embedded rules are invalid: {}", e[0]));
        PairRules::from_ruleset(&set)
    }

    /// Whether a stem is a function word.
    pub fn is_stop(&self, stem: &str) -> bool {
        self.stopwords.contains(stem)
    }
}

/// Where `phrases` occur in a stem sequence: each match as the written words it covers.
pub fn find<'a>(phrases: &'a [Phrase], stems: &[&str]) -> Vec<(usize, usize, &'a Phrase)> {
    let mut out = Vec::new();
    for p in phrases {
        let n = p.len();
        if n == 0 || n > stems.len() {
            continue;
        }
        for i in 0..=stems.len() - n {
            if p.iter()
                .zip(&stems[i..i + n])
                .all(|(e, s)| word_matches(e, s))
            {
                out.push((i, n, p));
            }
        }
    }
    out
}

/// Whether a text stem matches an entry stem: equal, or the entry (four letters or more) followed
/// by at most two letters of inflection (`ارتفع` matches `ارتفعت`, `انخفاض` matches `انخفاضا`).
fn word_matches(entry: &str, stem: &str) -> bool {
    if entry == stem {
        return true;
    }
    entry.chars().count() >= 4
        && stem
            .strip_prefix(entry)
            .is_some_and(|rest| rest.chars().count() <= 2)
}
