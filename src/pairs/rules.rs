//! The comparator's knowledge, compiled from `rules/ar/pairs.toml` and `rules/en/pairs.toml`
//! (negations, stopwords, opposed word lists, thresholds, examples) plus the state, person and
//! place lexicons of each language, and the learned model of `rules/ar/pairs-model.txt`.

use std::collections::HashSet;

use super::PairLabel;
use super::model::PairModel;
use crate::rules::schema::PairThresholds;
use crate::rules::{LangRules, RuleSet};
use crate::text::fold::key;
use crate::text::stem::Stemmer;

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

/// Everything the comparator knows, compiled once: the rules of each language and the model.
#[derive(Debug, Clone)]
pub struct PairRules {
    /// The Arabic rules.
    pub ar: PairLang,
    /// The English rules.
    pub en: PairLang,
    /// The learned model, used for pairs in the language it was trained on.
    pub model: Option<PairModel>,
}

/// The rules of one language.
#[derive(Debug, Clone)]
pub struct PairLang {
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

/// A phrase as written, folded and stemmed word by word by its language's stemmer.
pub fn phrase(written: &str, stemmer: &Stemmer) -> Phrase {
    key(written)
        .split_whitespace()
        .map(|w| stemmer.stem(w))
        .collect()
}

impl PairRules {
    /// Compiles the comparator's rules of both languages from a rule set, with the embedded model.
    pub fn from_ruleset(rules: &RuleSet) -> PairRules {
        PairRules {
            ar: PairLang::from_ruleset(rules, "ar"),
            en: PairLang::from_ruleset(rules, "en"),
            model: Some(PairModel::embedded()),
        }
    }

    /// The embedded default rules.
    pub fn embedded() -> PairRules {
        let set =
            RuleSet::embedded().unwrap_or_else(|e| panic!("embedded rules are invalid: {}", e[0]));
        PairRules::from_ruleset(&set)
    }

    /// Replaces the model with the one of a rules folder (`DIR/ar/pairs-model.txt`), when the
    /// folder has one; without a folder, or when it has none, the embedded model stays.
    pub fn with_model_from(
        mut self,
        dir: Option<&std::path::Path>,
    ) -> Result<PairRules, super::model::ModelError> {
        if let Some(path) = dir.map(|d| d.join(super::model::MODEL_FILE))
            && path.is_file()
        {
            let text = std::fs::read_to_string(&path).map_err(|e| super::model::ModelError {
                line: 0,
                message: format!("{}: {e}", path.display()),
            })?;
            self.model = Some(PairModel::parse(&text)?);
        }
        Ok(self)
    }

    /// The rules for a language code (`en`, else Arabic).
    pub fn lang(&self, code: &str) -> &PairLang {
        if code == "en" { &self.en } else { &self.ar }
    }

    /// The examples of both rule files.
    pub fn examples(&self) -> impl Iterator<Item = &PairCase> {
        self.ar.examples.iter().chain(&self.en.examples)
    }
}

impl PairLang {
    /// Compiles the rules of language `code` of a rule set.
    pub fn from_ruleset(rules: &RuleSet, code: &str) -> PairLang {
        let lang = rules.lang(code).clone();
        let stemmer = lang.stemmer.clone();
        let (file, origins) = &lang.pairs;
        let list = |v: &[toml::Spanned<String>]| {
            v.iter()
                .map(|w| phrase(w.get_ref(), &stemmer))
                .collect::<Vec<_>>()
        };
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
        PairLang {
            negations: list(&file.negations),
            stopwords: file
                .stopwords
                .iter()
                .flat_map(|w| phrase(w.get_ref(), &stemmer))
                .collect(),
            oppositions,
            thresholds: file.thresholds,
            examples,
            lang,
        }
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
