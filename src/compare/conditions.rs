//! The conditions a conflict rule is made of, one small function each. A rule in
//! `rules/common/conflicts.toml` reads as its list of conditions (same topic, opposed topics,
//! shared words, a topic negated on one side, each side naming the other, different figures ...);
//! a pair of claims fits the rule when every condition the rule sets holds, and each condition
//! that holds says in a few words why.

use super::View;
use crate::model::{Claim, ConflictKind};
use crate::rules::ConflictRule;

/// What one condition says of a pair: not set by the rule, failed, or held for a reason.
enum Check {
    /// The rule does not set this condition.
    Unset,
    /// The condition fails: the rule does not fit.
    Fails,
    /// The condition holds, and why.
    Holds(String),
    /// The condition holds on weak evidence (shared words, no shared concept), and why.
    Weakly(String),
}

/// A pair that fits a rule: why, and whether some condition held only weakly.
pub struct Fit {
    /// The reasons, joined.
    pub why: String,
    /// Whether the evidence is weak: such a finding cannot score high.
    pub weak: bool,
}

/// A condition over a rule and a pair of claims (side a, side b).
type Condition = fn(&ConflictRule, &View, &View) -> Check;

/// Every condition, in the order their reasons are written.
const CONDITIONS: [Condition; 13] = [
    same_topic,
    same_outcome,
    same_object,
    opposed_topics,
    about_meeting,
    shared_words,
    negated_on_one_side,
    b_phrase,
    both_about,
    accuse_each_other,
    b_names_a,
    different_figures,
    cues,
];

/// Whether two claims meet a rule's conditions, and the words that show it.
pub fn fits(rule: &ConflictRule, x: &View, y: &View) -> Option<Fit> {
    let mut why = Vec::new();
    let mut weak = false;
    for condition in CONDITIONS {
        match condition(rule, x, y) {
            Check::Unset => {}
            Check::Fails => return None,
            Check::Holds(w) => why.push(w),
            Check::Weakly(w) => {
                weak = true;
                why.push(w);
            }
        }
    }
    Some(Fit {
        why: why.join("; "),
        weak,
    })
}

fn holds_if(ok: bool, why: impl FnOnce() -> String) -> Check {
    if ok {
        Check::Holds(why())
    } else {
        Check::Fails
    }
}

/// Both speak of one topic, or, where no topic concept names it, of the same thing in two
/// words of four letters or more (short shared words, "انت انه", are chance).
fn same_topic(rule: &ConflictRule, x: &View, y: &View) -> Check {
    if !rule.same_topic {
        return Check::Unset;
    }
    let (cx, cy) = (x.claim, y.claim);
    let shared: Vec<&String> = cx.topics.iter().filter(|t| cy.topics.contains(t)).collect();
    if !shared.is_empty() {
        return Check::Holds(format!("both about {}", join(&shared, ", ")));
    }
    shared_content_words(x, y)
}

/// Both judge one object: a topic they share, the meeting itself, or a state other than their
/// own that both name ("Moscow backed the Syrian army's move", "Ankara condemned the Syrian army"), or, weakly,
/// content words. Praise of the talks and blame of a third party judge different things.
fn same_object(rule: &ConflictRule, x: &View, y: &View) -> Check {
    if !rule.same_object {
        return Check::Unset;
    }
    let (cx, cy) = (x.claim, y.claim);
    if let Some(t) = cx
        .topics
        .iter()
        .find(|t| cy.topics.contains(t) && *t != "blame")
    {
        return Check::Holds(format!("both judge {t}"));
    }
    if x.features.about_meeting && y.features.about_meeting {
        return Check::Holds("both judge the meeting".into());
    }
    let own = |p: &String| cx.speaker.parties.contains(p) || cy.speaker.parties.contains(p);
    if let Some(p) = x
        .features
        .targets
        .intersection(&y.features.targets)
        .find(|p| !own(p))
    {
        return Check::Holds(format!("both speak of {p}"));
    }
    shared_content_words(x, y)
}

/// Weak evidence of one subject: two shared content words of four letters or more (short shared
/// words, "انت انه", are chance).
fn shared_content_words(x: &View, y: &View) -> Check {
    let words: Vec<&String> = x
        .features
        .content_words
        .intersection(&y.features.content_words)
        .filter(|w| w.chars().count() >= 4)
        .collect();
    if words.len() < 2 {
        return Check::Fails;
    }
    Check::Weakly(format!(
        "both about '{}' (shared words only)",
        join(&words[..words.len().min(3)], " ")
    ))
}

/// Side a speaks of one topic of a listed pair, side b of the other and not of the first.
fn opposed_topics(rule: &ConflictRule, x: &View, y: &View) -> Check {
    if rule.topics.is_empty() {
        return Check::Unset;
    }
    let (cx, cy) = (x.claim, y.claim);
    let pair = rule
        .topics
        .iter()
        .find(|[p, q]| cx.topics.contains(p) && cy.topics.contains(q) && !cy.topics.contains(p));
    match pair {
        Some([p, q]) => Check::Holds(format!("one side speaks of {p}, the other of {q}")),
        None => Check::Fails,
    }
}

/// Both describe what the meeting discussed.
fn about_meeting(rule: &ConflictRule, x: &View, y: &View) -> Check {
    if !rule.about_meeting {
        return Check::Unset;
    }
    holds_if(x.features.about_meeting && y.features.about_meeting, || {
        "both describe what the meeting discussed".into()
    })
}

/// The claims share at least the rule's number of words.
fn shared_words(rule: &ConflictRule, x: &View, y: &View) -> Check {
    if rule.shared_words == 0 {
        return Check::Unset;
    }
    let shared: Vec<&String> = x.features.words.intersection(&y.features.words).collect();
    holds_if(shared.len() >= rule.shared_words, || {
        format!(
            "shared words {}",
            join(&shared[..shared.len().min(4)], ", ")
        )
    })
}

/// A shared topic is negated on exactly one side.
fn negated_on_one_side(rule: &ConflictRule, x: &View, y: &View) -> Check {
    if !rule.negated {
        return Check::Unset;
    }
    let (cx, cy) = (x.claim, y.claim);
    let flipped: Vec<&String> = cx
        .topics
        .iter()
        .filter(|t| {
            cy.topics.contains(t)
                && x.features.negated.contains(*t) != y.features.negated.contains(*t)
        })
        .collect();
    holds_if(!flipped.is_empty(), || {
        format!("{} negated on one side only", join(&flipped, ", "))
    })
}

/// Side b's claim holds one of the rule's phrases.
fn b_phrase(rule: &ConflictRule, _: &View, y: &View) -> Check {
    if rule.b_phrases.is_empty() {
        return Check::Unset;
    }
    match rule
        .b_phrases
        .iter()
        .find(|p| y.features.folded.contains(p.as_str()))
    {
        Some(phrase) => Check::Holds(format!("'{phrase}'")),
        None => Check::Fails,
    }
}

/// When side b speaks of an outcome ("denied that the talks produced an agreement"), side a
/// speaks of one too: raising a question is no claim that it was settled.
fn same_outcome(rule: &ConflictRule, x: &View, y: &View) -> Check {
    let find = |v: &View| {
        rule.outcomes
            .iter()
            .find(|w| v.features.folded.contains(w.as_str()))
            .cloned()
    };
    let Some(b) = find(y) else {
        return Check::Unset;
    };
    match find(x) {
        Some(a) => Check::Holds(format!("both speak of an outcome ('{a}', '{b}')")),
        None => Check::Fails,
    }
}

/// Both claims carry the rule's topic.
fn both_about(rule: &ConflictRule, x: &View, y: &View) -> Check {
    let Some(t) = &rule.both_about else {
        return Check::Unset;
    };
    holds_if(
        x.claim.topics.contains(t) && y.claim.topics.contains(t),
        || format!("both speak of {t}"),
    )
}

/// Each side's content names the other side's state.
fn accuse_each_other(rule: &ConflictRule, x: &View, y: &View) -> Check {
    if !rule.accuse_each_other {
        return Check::Unset;
    }
    let names = |v: &View, o: &Claim| {
        v.features
            .targets
            .iter()
            .find(|t| o.speaker.parties.contains(t))
            .cloned()
    };
    match (names(x, y.claim), names(y, x.claim)) {
        (Some(p), Some(q)) => Check::Holds(format!("each side names the other ({p}; {q})")),
        _ => Check::Fails,
    }
}

/// Side b's content names side a: its state, or by surname the person who speaks for it
/// ("Tehran's claims", "Mr Khalilzad's assertion"). One speaker naming its own state is no answer.
fn b_names_a(rule: &ConflictRule, x: &View, y: &View) -> Check {
    if !rule.b_names_a {
        return Check::Unset;
    }
    let (cx, cy) = (x.claim, y.claim);
    if let Some(p) = y
        .features
        .targets
        .iter()
        .find(|t| cx.speaker.parties.contains(t) && !cy.speaker.parties.contains(t))
    {
        return Check::Holds(format!("the other side names {p}"));
    }
    holds_if(y.features.people.contains(cx.speaker.name.as_str()), || {
        format!("the other side names {}", cx.speaker.name)
    })
}

/// The two sides give different figures with the same unit.
fn different_figures(rule: &ConflictRule, x: &View, y: &View) -> Check {
    if !rule.numbers {
        return Check::Unset;
    }
    let clash = x.features.figures.iter().find_map(|(n, u)| {
        y.features
            .figures
            .iter()
            .find(|(m, v)| v == u && m != n)
            .map(|(m, _)| (n, m, u))
    });
    match clash {
        Some((n, m, u)) => Check::Holds(format!("{n} against {m} ({u})")),
        None => Check::Fails,
    }
}

/// A denial or an opposing evaluation names the two cues (a reason, never a requirement).
fn cues(rule: &ConflictRule, x: &View, y: &View) -> Check {
    if rule.kind == ConflictKind::Denial || rule.kind == ConflictKind::OpposingEvaluation {
        Check::Holds(format!(
            "'{}' against '{}'",
            x.claim.cue.text, y.claim.cue.text
        ))
    } else {
        Check::Unset
    }
}

fn join(items: &[&String], sep: &str) -> String {
    items
        .iter()
        .map(|s| s.as_str())
        .collect::<Vec<_>>()
        .join(sep)
}
