//! Runs the examples that rule files carry: each claim example through extraction, each conflict
//! example through the whole pipeline. `cargo test` and `claimdiff rules check` both call this.
//! It stands beside the pipeline, not in `rules`: loading rules never runs the pipeline.

use std::fmt;

use super::analyze;
use crate::corpus::Input;
use crate::model::{Claim, Document, Report};
use crate::rules::schema::ClaimExample;
use crate::rules::{LocatedConflictExample, LocatedExample, RuleSet};

/// An example that did not give what its rule file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// `path:line` of the example.
    pub origin: String,
    /// What was expected and what came out.
    pub message: String,
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.origin, self.message)
    }
}

fn input(id: &str, text: &str, lang: &str) -> Input {
    Input {
        doc: Document {
            id: id.into(),
            path: id.into(),
            language: Some(lang.into()),
            ..Default::default()
        },
        text: text.into(),
    }
}

/// Runs every example; returns the failures.
pub fn run_all(rules: &RuleSet) -> Vec<Failure> {
    let mut out = Vec::new();
    for ex in &rules.examples {
        claim_example(ex, rules, &mut out);
    }
    for ex in &rules.conflict_examples {
        conflict_example(ex, rules, &mut out);
    }
    out
}

/// Runs one claim example: the claims it must (or must not) yield, and the first claim's
/// parties, stance, speaker kind and topics.
fn claim_example(ex: &LocatedExample, rules: &RuleSet, out: &mut Vec<Failure>) {
    let e = &ex.example;
    let report = analyze(
        vec![input("example", e.text.get_ref(), &ex.lang)],
        rules,
        &mut |_| {},
    );
    let fail = |m: String| Failure {
        origin: ex.origin.clone(),
        message: m,
    };
    if let Some(m) = count_mismatch(e, &report) {
        out.push(fail(m));
        return;
    }
    if let Some(c) = report.claims.first() {
        out.extend(first_claim_mismatches(e, c).into_iter().map(fail));
    }
}

/// What is wrong with the number of claims an example yields: not the number it says, or none
/// when it says nothing.
fn count_mismatch(e: &ClaimExample, report: &Report) -> Option<String> {
    let n = report.claims.len();
    match e.claims {
        Some(want) if want != n => Some(format!(
            "expected {want} claim(s), got {n}: {}",
            describe(report)
        )),
        None if n == 0 => Some("expected a claim, got none".into()),
        _ => None,
    }
}

/// Where the first claim differs from the parties, stance, speaker kind and topics an example
/// expects.
fn first_claim_mismatches(e: &ClaimExample, c: &Claim) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(p) = &e.parties
        && &c.speaker.parties != p
    {
        out.push(format!(
            "expected parties {p:?}, got {:?} ({})",
            c.speaker.parties, c.why
        ));
    }
    if let Some(s) = e.stance
        && c.stance != s
    {
        out.push(format!(
            "expected stance {}, got {} ({})",
            s.name(),
            c.stance.name(),
            c.why
        ));
    }
    if let Some(k) = e.kind
        && c.speaker.kind != k
    {
        out.push(format!(
            "expected speaker kind {}, got {}",
            k.name(),
            c.speaker.kind.name()
        ));
    }
    for t in e.topics.iter().flatten() {
        if !c.topics.contains(t) {
            out.push(format!("expected topic {t}, got {:?}", c.topics));
        }
    }
    out
}

/// Runs one conflict example: its rule must flag the text, or must not.
fn conflict_example(ex: &LocatedConflictExample, rules: &RuleSet, out: &mut Vec<Failure>) {
    let text = ex.example.text.get_ref();
    // an example is in the language of its script, so English pairs test the English rules
    let report = analyze(
        vec![input("example", text, crate::lang::detect(text))],
        rules,
        &mut |_| {},
    );
    let fired = report.findings.iter().any(|f| f.rule == ex.rule);
    if fired != ex.example.flags {
        let want = if ex.example.flags {
            "to flag"
        } else {
            "not to flag"
        };
        out.push(Failure {
            origin: ex.origin.clone(),
            message: format!(
                "expected rule {} {want} this text: {}",
                ex.rule,
                describe(&report)
            ),
        });
    }
}

fn describe(r: &Report) -> String {
    let claims: Vec<String> = r
        .claims
        .iter()
        .map(|c| {
            format!(
                "{} {:?} {} '{}'",
                c.speaker.name,
                c.speaker.parties,
                c.stance.name(),
                c.cue.text
            )
        })
        .collect();
    let findings: Vec<String> = r
        .findings
        .iter()
        .map(|f| format!("{} {}", f.kind.name(), f.rule))
        .collect();
    format!(
        "claims [{}], events {}, findings [{}]",
        claims.join("; "),
        r.events.len(),
        findings.join("; ")
    )
}
