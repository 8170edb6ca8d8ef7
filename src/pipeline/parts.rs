//! The merge step of a keyed reduce (`claimdiff report --from-parts`): a cluster job groups the
//! documents' records so that documents that could share an event (connected through shared
//! blocking keys, see `events::cluster::document_keys`) land in one group, reduces each group
//! apart into an ordinary `claimdiff/1` export, and this module puts the exports back together
//! into the report that one run over the whole corpus gives.
//!
//! Each part is `{"positions":[...],"report":{...}}`: a group's export and each of its
//! documents' position in the corpus (any increasing numbers). Documents come back in position
//! order and claims in their documents' order. Events are in order of first mention, and a
//! part's events already are among themselves, so they are sorted (stably) by the position of
//! their first mention's document, which no two parts share. Findings are grouped by event id
//! as the comparator groups them; in the rare case that two parts hold events of one id (the id
//! hashes only two bytes of the first mention), one run would have compared their claims
//! together, so those events' findings are computed again from the merged claims.

use std::collections::{BTreeSet, HashMap};
use std::io::Read;

use serde::Deserialize;

use super::records::RecordError;
use crate::compare;
use crate::model::{Claim, Document, Event, Finding, Report};
use crate::rules::RuleSet;

/// One group's result: its export and where its documents stand in the corpus.
#[derive(Debug, Deserialize)]
pub struct Part {
    /// Each document's position in the corpus, in the order of `report.documents` (increasing).
    pub positions: Vec<u64>,
    /// The group's report, as `report --from-claims --format json` writes it.
    pub report: Report,
}

/// Reads parts: JSON values one after another (a part per line, or pretty-printed exports),
/// naming the line of the first that cannot be read.
pub fn read(reader: impl Read) -> Result<Vec<Part>, RecordError> {
    serde_json::Deserializer::from_reader(reader)
        .into_iter::<Part>()
        .map(|p| {
            p.map_err(|e| RecordError {
                line: e.line(),
                message: format!("not a part: {e}"),
            })
        })
        .collect()
}

/// The report of the whole corpus from its parts; an error (naming the part, 1-based) when
/// the parts do not fit together: positions that do not match the documents or do not
/// increase, a document in two parts, a claim or event of no document in its part.
pub fn merge(parts: Vec<Part>, rules: &RuleSet) -> Result<Report, String> {
    let pos_of = positions(&parts)?;
    let shared = shared_event_ids(&parts);
    let mut documents: Vec<(u64, Document)> = Vec::new();
    let mut claims: Vec<Claim> = Vec::new();
    let mut events: Vec<(u64, Event)> = Vec::new();
    let mut findings: Vec<Finding> = Vec::new();
    for (n, part) in parts.into_iter().enumerate() {
        let r = part.report;
        documents.extend(part.positions.into_iter().zip(r.documents));
        if let Some(c) = r
            .claims
            .iter()
            .find(|c| !pos_of.contains_key(c.doc.as_str()))
        {
            return Err(format!("part {}: claim {} of no document", n + 1, c.id));
        }
        claims.extend(r.claims);
        for e in r.events {
            let first = e.mentions.first().and_then(|m| pos_of.get(&m.doc));
            let Some(&pos) = first else {
                return Err(format!("part {}: event {} of no document", n + 1, e.id));
            };
            events.push((pos, e));
        }
        findings.extend(
            r.findings
                .into_iter()
                .filter(|f| !f.event.as_ref().is_some_and(|e| shared.contains(e))),
        );
    }
    // stable sorts: a document's claims, and a part's events of one first document, keep
    // their order
    documents.sort_by_key(|(p, _)| *p);
    claims.sort_by_cached_key(|c| pos_of[c.doc.as_str()]);
    events.sort_by_key(|(p, _)| *p);
    let mut report = Report {
        documents: documents.into_iter().map(|(_, d)| d).collect(),
        claims,
        events: events.into_iter().map(|(_, e)| e).collect(),
        ..Report::default()
    };
    findings.extend(recompare(&report, &shared, rules));
    findings.sort_by(|a, b| a.event.cmp(&b.event));
    report.findings = findings;
    Ok(report)
}

/// Each document's position, checked: one per document, increasing within a part, each
/// document in one part only.
fn positions(parts: &[Part]) -> Result<HashMap<String, u64>, String> {
    let mut pos_of = HashMap::new();
    let mut seen = BTreeSet::new();
    for (n, part) in parts.iter().enumerate() {
        let fail = |what: String| Err(format!("part {}: {what}", n + 1));
        let (pos, docs) = (&part.positions, &part.report.documents);
        if pos.len() != docs.len() {
            return fail(format!(
                "{} position(s) for {} document(s)",
                pos.len(),
                docs.len()
            ));
        }
        if pos.windows(2).any(|w| w[0] >= w[1]) {
            return fail("positions must increase (documents in corpus order)".into());
        }
        for (p, d) in pos.iter().zip(docs) {
            if !seen.insert(*p) || pos_of.insert(d.id.clone(), *p).is_some() {
                return fail(format!(
                    "document '{}' or its position {p} seen before",
                    d.id
                ));
            }
        }
    }
    Ok(pos_of)
}

/// Event ids that more than one part holds.
fn shared_event_ids(parts: &[Part]) -> BTreeSet<String> {
    let mut part_of: HashMap<&str, usize> = HashMap::new();
    let mut shared = BTreeSet::new();
    for (n, part) in parts.iter().enumerate() {
        for e in &part.report.events {
            if *part_of.entry(&e.id).or_insert(n) != n {
                shared.insert(e.id.clone());
            }
        }
    }
    shared
}

/// The findings of events whose id more than one part holds, from the merged claims, as one
/// run would have compared them.
fn recompare(report: &Report, shared: &BTreeSet<String>, rules: &RuleSet) -> Vec<Finding> {
    if shared.is_empty() {
        return Vec::new();
    }
    let claims: Vec<Claim> = report
        .claims
        .iter()
        .filter(|c| c.event.as_ref().is_some_and(|e| shared.contains(e)))
        .cloned()
        .collect();
    compare::find(&claims, &report.documents, rules)
}
