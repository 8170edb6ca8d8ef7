//! The rule set: every rule file parsed, validated and compiled into word lexicons, once per run.
//! `RuleSet::embedded()` loads the defaults built into the binary, `RuleSet::from_dir` a user's
//! folder through the same code; both report every problem at once as [`RuleError`]s.

mod compile;
mod lang;
pub mod load;
pub mod schema;

use std::collections::HashMap;
use std::path::Path;

pub use lang::{
    Atom, CueInfo, HeadInfo, LangRules, OutletInfo, PersonInfo, PlaceInfo, RelDate, StateInfo,
    WordOrder,
};
pub use load::RuleError;

use rayon::prelude::*;

use crate::model::{ConflictKind, Stance};
use schema::{ClaimExample, ConflictEntry, ConflictExample, ConflictsFile};

/// A compiled conflict rule.
#[derive(Debug, Clone)]
pub struct ConflictRule {
    /// Rule id.
    pub id: String,
    /// Kind it flags.
    pub kind: ConflictKind,
    /// Stances on one side.
    pub a: Vec<Stance>,
    /// Stances on the other.
    pub b: Vec<Stance>,
    /// Whether the sides must share a topic.
    pub same_topic: bool,
    /// Whether both sides must judge one object.
    pub same_object: bool,
    /// Opposed topic pairs.
    pub topics: Vec<[String; 2]>,
    /// Whether both sides must describe the meeting's agenda.
    pub about_meeting: bool,
    /// Content words the sides must share.
    pub shared_words: usize,
    /// Whether the sides must give different figures.
    pub numbers: bool,
    /// Whether a shared topic must be negated on exactly one side.
    pub negated: bool,
    /// Phrases (folded) one of which side b's claim must contain.
    pub b_phrases: Vec<String>,
    /// Words (folded) of an outcome that side a must speak of when side b does (none unless the
    /// rule sets `same_outcome`).
    pub outcomes: Vec<String>,
    /// Whether each side's content must name the other side's state.
    pub accuse_each_other: bool,
    /// Whether side b's content must name side a.
    pub b_names_a: bool,
    /// A topic both claims must carry.
    pub both_about: Option<String>,
    /// Base score.
    pub score: f64,
    /// Where the rule is written (`rules/common/conflicts.toml:12`).
    pub origin: String,
}

/// A claim example with the place it is written.
#[derive(Debug, Clone)]
pub struct LocatedExample {
    /// `path:line`.
    pub origin: String,
    /// Language folder.
    pub lang: String,
    /// The example.
    pub example: ClaimExample,
}

/// A conflict example with the rule it belongs to.
#[derive(Debug, Clone)]
pub struct LocatedConflictExample {
    /// `path:line`.
    pub origin: String,
    /// The rule id.
    pub rule: String,
    /// The example.
    pub example: ConflictExample,
}

/// All rules, compiled.
#[derive(Debug, Clone)]
pub struct RuleSet {
    /// One entry per language folder.
    pub langs: Vec<LangRules>,
    /// Conflict rules.
    pub conflicts: Vec<ConflictRule>,
    /// Negation words (folded).
    pub negations: Vec<String>,
    /// Every claim example in the rule files.
    pub examples: Vec<LocatedExample>,
    /// Every conflict example.
    pub conflict_examples: Vec<LocatedConflictExample>,
}

impl RuleSet {
    /// The rules built into the binary.
    pub fn embedded() -> Result<RuleSet, Vec<RuleError>> {
        RuleSet::compile(load::embedded())
    }

    /// The rules of a folder, files it lacks taken from the defaults.
    pub fn from_dir(dir: &Path) -> Result<RuleSet, Vec<RuleError>> {
        let (sources, mut errors) = load::from_dir(dir)?;
        match RuleSet::compile(sources) {
            Ok(set) if errors.is_empty() => Ok(set),
            Ok(_) => Err(errors),
            Err(more) => {
                errors.extend(more);
                Err(errors)
            }
        }
    }

    /// Compiles parsed sources, collecting every error.
    pub fn compile(sources: Vec<load::Source>) -> Result<RuleSet, Vec<RuleError>> {
        let mut errors = Vec::new();
        let by_rel: HashMap<&str, &load::Source> =
            sources.iter().map(|s| (s.rel.as_str(), s)).collect();
        // languages compile independently: one per core (the rules are a fixed cost of every run)
        let compiled: Vec<(LangRules, Vec<RuleError>)> = load::LANGUAGES
            .par_iter()
            .map(|code| {
                let mut errs = Vec::new();
                let lang = compile::compile_lang(code, &by_rel, &mut errs);
                (lang, errs)
            })
            .collect();
        let mut langs = Vec::new();
        let mut examples = Vec::new();
        for (lang, errs) in compiled {
            errors.extend(errs);
            examples.extend(lang.examples.iter().cloned());
            langs.push(lang);
        }
        let index = std::sync::Arc::new(crate::text::lexicon::HeadIndex::build(
            langs.iter_mut().map(LangRules::lexicons_mut),
        ));
        for lang in &mut langs {
            lang.head_index = index.clone();
        }
        let mut set = RuleSet {
            langs,
            conflicts: Vec::new(),
            negations: Vec::new(),
            examples,
            conflict_examples: Vec::new(),
        };
        if let Some(src) = by_rel.get("common/conflicts.toml") {
            match src.parse::<ConflictsFile>() {
                Ok(file) => set.add_conflicts(src, file, &mut errors),
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(set)
        } else {
            // every language compiles the shared registry: one error is reported once
            let mut seen = std::collections::HashSet::new();
            errors.retain(|e| seen.insert(e.to_string()));
            Err(errors)
        }
    }

    fn add_conflicts(
        &mut self,
        src: &load::Source,
        file: ConflictsFile,
        errors: &mut Vec<RuleError>,
    ) {
        let mut seen = HashMap::new();
        for mut r in file.rule {
            let line = check_conflict(src, &r, &mut seen, errors);
            for ex in std::mem::take(&mut r.example) {
                let (l, _) = src.line_col(ex.text.span().start);
                self.conflict_examples.push(LocatedConflictExample {
                    origin: format!("{}:{l}", src.shown),
                    rule: r.id.get_ref().clone(),
                    example: ex,
                });
            }
            let origin = format!("{}:{line}", src.shown);
            self.conflicts
                .push(ConflictRule::new(r, origin, &file.outcomes));
        }
        self.negations = file
            .negations
            .iter()
            .map(|n| crate::text::fold::key(n))
            .collect();
    }

    /// The rules of one language, falling back to Arabic.
    pub fn lang(&self, code: &str) -> &LangRules {
        self.langs
            .iter()
            .find(|l| l.code == code)
            .unwrap_or(&self.langs[0])
    }
}

/// Checks a conflict rule's id (unique in its file) and score (in [0, 1]); returns the line its
/// id stands at.
fn check_conflict(
    src: &load::Source,
    r: &ConflictEntry,
    seen: &mut HashMap<String, usize>,
    errors: &mut Vec<RuleError>,
) -> usize {
    let (line, _) = src.line_col(r.id.span().start);
    if let Some(first) = seen.insert(r.id.get_ref().clone(), line) {
        errors.push(src.error(
            r.id.span().start,
            format!(
                "duplicate rule id '{}' (first at line {first})",
                r.id.get_ref()
            ),
        ));
    }
    if !(0.0..=1.0).contains(&r.score) {
        errors.push(src.error(
            r.id.span().start,
            format!("score {} is outside [0, 1]", r.score),
        ));
    }
    line
}

impl ConflictRule {
    /// The compiled form of a rule file's entry (its phrases folded), written at `origin`;
    /// `outcomes` are the file's outcome words, which a `same_outcome` rule takes.
    fn new(r: ConflictEntry, origin: String, outcomes: &[String]) -> ConflictRule {
        ConflictRule {
            id: r.id.into_inner(),
            kind: r.kind,
            a: r.a,
            b: r.b,
            same_topic: r.same_topic,
            same_object: r.same_object,
            topics: r.topics,
            about_meeting: r.about_meeting,
            shared_words: r.shared_words,
            numbers: r.numbers,
            negated: r.negated,
            b_phrases: r
                .b_phrases
                .iter()
                .map(|x| crate::text::fold::key(x))
                .collect(),
            outcomes: if r.same_outcome {
                outcomes.iter().map(|x| crate::text::fold::key(x)).collect()
            } else {
                Vec::new()
            },
            accuse_each_other: r.accuse_each_other,
            b_names_a: r.b_names_a,
            both_about: r.both_about,
            score: r.score,
            origin,
        }
    }
}
