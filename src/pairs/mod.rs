//! The sentence-pair comparator: given two statements (news headlines) `s1` and `s2`, says whether
//! `s2` agrees with `s1`, contradicts it, or neither, naming the rule and the words that decided.
//!
//! The checks run in order, the first that fires decides: statements that share little content are
//! `other`; an opposed word pair (ارتفاع / انخفاض), a negation on one side only (لم، ينفي، فشل),
//! differing numbers, a swapped state, person or place, or a new state where a word went missing
//! make `disagree`; otherwise a close paraphrase `agree`s and a looser one, which changes what it
//! reports, `disagree`s (in headline pairs, changed content is mostly a changed fact). The knowledge is data in
//! `rules/ar/pairs.toml` and `rules/en/pairs.toml` ([`PairRules`]), read by the language of the pair.
//!
//! For Arabic pairs a learned model ([`model`], weights in `rules/ar/pairs-model.txt`) then takes
//! the rules' verdict and signals with the words and character n-grams of both statements and
//! gives the label; the reason keeps the rule that fired and adds the model's confidence.
//! [`label_csv`] labels a CSV of pairs.

mod csvio;
pub mod features;
pub mod metrics;
pub mod model;
pub mod rules;

use serde::Serialize;

pub use crate::model::PairLabel;
pub use csvio::{PairsError, label_csv};
pub use model::PairModel;
pub use rules::{PairLang, PairRules};

use features::{EntityKind, Statement, overlap, unmatched};
use rules::find;

/// A label with the rule that gave it and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairVerdict {
    /// The label.
    pub label: PairLabel,
    /// A short human-readable reason naming the words that decided.
    pub why: String,
    /// The rule id (`pairs.opposition.rise-fall`, `pairs.negation`, `pairs.paraphrase`...): the
    /// rule that fired, also when the model overruled its label.
    pub rule: String,
    /// The model's probability for the label, when the model decided (pairs in the language it
    /// was trained on); `None` for a label of the rules alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
}

impl PairVerdict {
    fn new(label: PairLabel, rule: impl Into<String>, why: impl Into<String>) -> PairVerdict {
        PairVerdict {
            label,
            why: why.into(),
            rule: rule.into(),
            confidence: None,
        }
    }
}

/// Compares two statements: does `s2` agree with `s1`, contradict it, or neither? The language is
/// read off the script of both; the rules of that language give a verdict, and where the model was
/// trained on that language it decides, from the rules' signals and the words of both.
pub fn compare(s1: &str, s2: &str, rules: &PairRules) -> PairVerdict {
    let code = crate::lang::detect_chars(s1.chars().chain(s2.chars()));
    let lr = rules.lang(code);
    let (a, b) = prepare(s1, s2, lr);
    let ruled = by_rules(&a, &b, lr);
    match &rules.model {
        Some(m) if m.lang == code => m.decide(&a, &b, lr, ruled),
        _ => ruled,
    }
}

/// Both statements prepared with the rules of their language.
pub fn prepare(s1: &str, s2: &str, lr: &PairLang) -> (Statement, Statement) {
    let stop = |s: &str| lr.is_stop(s);
    (
        Statement::new(s1, stop, Some(&lr.lang)),
        Statement::new(s2, stop, Some(&lr.lang)),
    )
}

/// The verdict of the rules alone: the first check that fires decides.
pub fn by_rules(a: &Statement, b: &Statement, rules: &PairLang) -> PairVerdict {
    let (o1, o2) = overlap(a, b);
    let mean = (o1 + o2) / 2.0;
    let t = rules.thresholds;
    if mean < t.related {
        return PairVerdict::new(
            PairLabel::Other,
            "pairs.unrelated",
            format!("little shared content (overlap {mean:.2})"),
        );
    }
    let checks = [opposition, negation, numbers, parties];
    if let Some(v) = checks.iter().find_map(|check| check(a, b, rules)) {
        return v;
    }
    if mean >= t.agree {
        return PairVerdict::new(
            PairLabel::Agree,
            "pairs.paraphrase",
            format!("paraphrase, no contradiction (overlap {mean:.2})"),
        );
    }
    let (gone, new) = (unmatched(a, b), unmatched(b, a));
    let why = format!(
        "changed content (overlap {mean:.2}): s2 drops '{}', adds '{}'",
        gone.join(" "),
        new.join(" ")
    );
    PairVerdict::new(PairLabel::Disagree, "pairs.changed", why)
}

/// The words of `st` that a match covers.
fn words(st: &Statement, (i, n): (usize, usize)) -> String {
    st.words[i..i + n]
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// One side of an opposition in s1 and the other in s2 (a side both share does not count).
fn opposition(a: &Statement, b: &Statement, rules: &PairLang) -> Option<PairVerdict> {
    let (sa, sb) = (a.stems(), b.stems());
    for o in &rules.oppositions {
        let (a1, b1) = (find(&o.a, &sa), find(&o.b, &sa));
        let (a2, b2) = (find(&o.a, &sb), find(&o.b, &sb));
        let hit = if !a1.is_empty() && !b2.is_empty() && b1.is_empty() && a2.is_empty() {
            Some((a1[0], b2[0]))
        } else if !b1.is_empty() && !a2.is_empty() && a1.is_empty() && b2.is_empty() {
            Some((b1[0], a2[0]))
        } else {
            None
        };
        if let Some(((i, n, _), (j, m, _))) = hit {
            let why = format!(
                "{}: '{}' in s1, '{}' in s2",
                o.id,
                words(a, (i, n)),
                words(b, (j, m))
            );
            return Some(PairVerdict::new(
                PairLabel::Disagree,
                format!("pairs.opposition.{}", o.id),
                why,
            ));
        }
    }
    None
}

/// The negations of a statement, each word counted once (`denies` and `denied` are both entries
/// of the stem `deny`); one right before a number is a bound, not a negation ("النفط دون 74
/// دولارا": below 74 dollars).
fn negations<'a>(st: &Statement, rules: &'a PairLang) -> Vec<(usize, usize, &'a rules::Phrase)> {
    let mut hits = find(&rules.negations, &st.stems());
    hits.retain(|&(i, n, _)| !st.words.get(i + n).is_some_and(|w| w.number));
    hits.sort_by_key(|&(i, n, _)| (i, std::cmp::Reverse(n)));
    let mut end = 0;
    hits.retain(|&(i, n, _)| {
        let keep = i >= end;
        end = end.max(i + n);
        keep
    });
    hits
}

/// A negation (لم، ليس، ينفي، فشل...) more often in one statement than in the other.
fn negation(a: &Statement, b: &Statement, rules: &PairLang) -> Option<PairVerdict> {
    let (na, nb) = (negations(a, rules), negations(b, rules));
    if na.len() == nb.len() {
        return None;
    }
    let (side, st, hits) = if nb.len() > na.len() {
        ("s2", b, nb)
    } else {
        ("s1", a, na)
    };
    let shown: Vec<String> = hits.iter().map(|&(i, n, _)| words(st, (i, n))).collect();
    let why = format!("negation '{}' in {side} only", shown.join("', '"));
    Some(PairVerdict::new(PairLabel::Disagree, "pairs.negation", why))
}

/// Both statements give numbers, and each has one the other lacks.
fn numbers(a: &Statement, b: &Statement, _: &PairLang) -> Option<PairVerdict> {
    let only_a: Vec<&String> = a.numbers.difference(&b.numbers).collect();
    let only_b: Vec<&String> = b.numbers.difference(&a.numbers).collect();
    if only_a.is_empty() || only_b.is_empty() {
        return None;
    }
    let why = format!(
        "different numbers: {} in s1, {} in s2",
        only_a[0], only_b[0]
    );
    Some(PairVerdict::new(PairLabel::Disagree, "pairs.number", why))
}

/// Each statement names an entity of one kind (state, person, outlet, place) that the other does
/// not: a swapped place or party ("تونس تستضيف" / "المغرب يستضيف"). Failing that, s2 brings in a
/// state s1 does not involve while a word of s1 went missing ("متحف باريسي" / "متحف ألماني").
fn parties(a: &Statement, b: &Statement, _: &PairLang) -> Option<PairVerdict> {
    for kind in [
        EntityKind::State,
        EntityKind::Person,
        EntityKind::Outlet,
        EntityKind::Place,
    ] {
        let (only_a, only_b) = (
            a.entities_missing_from(b, kind),
            b.entities_missing_from(a, kind),
        );
        if let (Some(x), Some(y)) = (only_a.first(), only_b.first()) {
            let why = format!(
                "different {}: '{}' ({}) in s1, '{}' ({}) in s2",
                kind.name(),
                x.text,
                x.id,
                y.text,
                y.id
            );
            return Some(PairVerdict::new(
                PairLabel::Disagree,
                format!("pairs.{}", kind.name()),
                why,
            ));
        }
    }
    let known = a.parties();
    let new = b
        .entities
        .iter()
        .find(|e| e.party.as_deref().is_some_and(|p| !known.contains(p)) && !a.names(e))?;
    let gone = unmatched(a, b);
    if gone.is_empty() {
        return None;
    }
    let why = format!(
        "new {}: '{}' in s2 where s1 has '{}'",
        new.kind.name(),
        new.text,
        gone.join(" ")
    );
    Some(PairVerdict::new(
        PairLabel::Disagree,
        "pairs.new_entity",
        why,
    ))
}

#[cfg(test)]
mod tests;
