//! The per-document records: what the cross-document stages need of one document, as JSON Lines,
//! so that the per-document half of the pipeline can run on other machines (the map step of a
//! cluster job) and the rest from the records alone (`claimdiff report --from-claims`).
//!
//! A document's records are its claim lines, exactly the lines of `claims --format jsonl`, then
//! one line `{"record":"document","document":{...},"events":[...],"claim_event":[...],
//! "keys":[...]}`: its metadata as the analysis completed it, its meetings (facts, mentions,
//! evidence, publication date), for each of its claims in order the index of its meeting, and
//! its meetings' blocking keys (`events::cluster::document_keys`; documents that are not
//! connected through shared keys never share an event, so a cluster job can reduce them apart).
//! A claim line has no `record` field. Reading the records of documents in input order and
//! handing them to a [`Collector`](super::Collector) gives the report that the direct run gives,
//! byte for byte.

use std::collections::HashSet;
use std::io::{self, BufRead, Write};

use serde::{Deserialize, Serialize};

use super::DocResult;
use crate::events::{DocEvents, LocalEvent};
use crate::model::{Claim, Document};

/// The `record` value of a document line.
pub const DOCUMENT: &str = "document";

#[derive(Serialize)]
struct DocLine<'a> {
    record: &'static str,
    document: &'a Document,
    events: &'a [LocalEvent],
    claim_event: &'a [Option<usize>],
    /// Written for a cluster job to group documents by (the reader recomputes nothing from it).
    keys: Vec<String>,
}

#[derive(Deserialize)]
struct DocLineIn {
    record: String,
    document: Document,
    events: Vec<LocalEvent>,
    claim_event: Vec<Option<usize>>,
}

/// Only the field that tells a document line from a claim line.
#[derive(Deserialize)]
struct Probe {
    record: Option<String>,
}

/// Writes one document's records: its claim lines, then its document line.
pub fn write(out: &mut dyn Write, r: &DocResult) -> io::Result<()> {
    for c in &r.claims {
        crate::render::write_jsonl(out, c)?;
    }
    let line = DocLine {
        record: DOCUMENT,
        document: &r.doc,
        events: &r.events.events,
        claim_event: &r.events.claim_event,
        keys: crate::events::cluster::document_keys(&r.events.events),
    };
    serde_json::to_writer(&mut *out, &line)?;
    out.write_all(b"\n")
}

/// Why records could not be read: the line (1-based; 0 for a read error before any line) and
/// what is wrong with it.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct RecordError {
    /// The line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Reads records in order, handing each document's result to `sink` as its document line is
/// read. Blank lines are skipped. Stops at the first line that is not a record, a claim that is
/// not the next document's, a meeting index out of range, a document id seen before (records
/// of separate runs must not share ids: one run would have renamed the second), or claims left
/// with no document line after them (a truncated file).
pub fn read(reader: impl BufRead, sink: &mut dyn FnMut(DocResult)) -> Result<(), RecordError> {
    let mut claims: Vec<Claim> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    let mut lineno = 0;
    for line in reader.lines() {
        lineno += 1;
        let fail = |message: String| RecordError {
            line: lineno,
            message,
        };
        let line = line.map_err(|e| fail(format!("cannot read: {e}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let probe: Probe =
            serde_json::from_str(&line).map_err(|e| fail(format!("not a record: {e}")))?;
        match probe.record.as_deref() {
            None => claims
                .push(serde_json::from_str(&line).map_err(|e| fail(format!("not a claim: {e}")))?),
            Some(DOCUMENT) => {
                let d: DocLineIn = serde_json::from_str(&line)
                    .map_err(|e| fail(format!("not a document record: {e}")))?;
                let r = document(d, std::mem::take(&mut claims)).map_err(fail)?;
                if !ids.insert(r.doc.id.clone()) {
                    return Err(fail(format!(
                        "document id '{}' appears twice: ids must be unique across the records",
                        r.doc.id
                    )));
                }
                sink(r);
            }
            Some(other) => return Err(fail(format!("unknown record kind '{other}'"))),
        }
    }
    match claims.first() {
        Some(c) => Err(RecordError {
            line: lineno,
            message: format!(
                "{} claim(s) of document '{}' with no document record after them (truncated?)",
                claims.len(),
                c.doc
            ),
        }),
        None => Ok(()),
    }
}

/// Checks that a document line fits the claims before it, and makes the document's result.
fn document(d: DocLineIn, claims: Vec<Claim>) -> Result<DocResult, String> {
    debug_assert_eq!(d.record, DOCUMENT);
    if let Some(c) = claims.iter().find(|c| c.doc != d.document.id) {
        return Err(format!(
            "claim {} of document '{}' stands before the record of document '{}'",
            c.id, c.doc, d.document.id
        ));
    }
    if d.claim_event.len() != claims.len() {
        return Err(format!(
            "document '{}' has {} claim(s) but claim_event lists {}",
            d.document.id,
            claims.len(),
            d.claim_event.len()
        ));
    }
    if let Some(i) = d
        .claim_event
        .iter()
        .flatten()
        .find(|&&i| i >= d.events.len())
    {
        return Err(format!(
            "document '{}': meeting {i} does not exist ({} meeting(s))",
            d.document.id,
            d.events.len()
        ));
    }
    // the merge of a cluster job's parts orders events by their first mention's document
    if let Some(i) = d.events.iter().position(|e| e.mentions.is_empty()) {
        return Err(format!(
            "document '{}': meeting {i} has no mention",
            d.document.id
        ));
    }
    Ok(DocResult {
        doc: d.document,
        claims,
        events: DocEvents {
            events: d.events,
            claim_event: d.claim_event,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Input, Paths};
    use crate::rules::RuleSet;
    use crate::{Collector, analyze};

    fn seeds(rules: &RuleSet) -> Vec<DocResult> {
        let paths = ["seeds".into()];
        let loaded = crate::corpus::load(&paths, Default::default());
        loaded
            .inputs
            .iter()
            .map(|d: &Input| crate::analyze_document(d, rules))
            .collect()
    }

    #[test]
    fn the_records_give_the_report_of_the_direct_run() {
        let rules = RuleSet::embedded().expect("rules");
        let mut bytes = Vec::new();
        for r in seeds(&rules) {
            write(&mut bytes, &r).expect("writes");
        }
        let mut collector = Collector::default();
        read(bytes.as_slice(), &mut |r| collector.add(r)).expect("reads");
        let from_records = collector.finish(&rules);
        let paths = ["seeds".into()];
        let direct = analyze(
            Paths {
                paths: &paths,
                options: Default::default(),
            },
            &rules,
            &mut |_| {},
        );
        let json = |r: &crate::model::Report| serde_json::to_string(r).expect("JSON");
        assert!(!direct.findings.is_empty());
        assert_eq!(json(&from_records), json(&direct));
    }

    #[test]
    fn broken_records_are_refused_with_their_line() {
        let rules = RuleSet::embedded().expect("rules");
        let docs = seeds(&rules);
        let with_claims = docs.iter().find(|r| !r.claims.is_empty()).expect("claims");
        let mut bytes = Vec::new();
        write(&mut bytes, with_claims).expect("writes");
        let text = String::from_utf8(bytes).expect("UTF-8");
        let lines: Vec<&str> = text.lines().collect();
        let err = |input: String| {
            read(input.as_bytes(), &mut |_| {})
                .expect_err("refused")
                .to_string()
        };
        // truncated: the document line is missing
        let truncated = lines[..lines.len() - 1].join("\n");
        assert!(err(truncated).contains("no document record"));
        // the same document twice
        let twice = format!("{text}{text}");
        assert!(err(twice).contains("appears twice"));
        // not JSON
        assert_eq!(err("{oops\n".into()).split(':').next(), Some("line 1"));
    }
}
