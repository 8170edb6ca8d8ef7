//! The cross-document half of the pipeline: documents' results gathered as they finish, then
//! meetings merged across documents and accounts compared into the [`Report`].

use crate::compare;
use crate::events::{self, DocEvents};
use rustc_hash::FxHashSet;
use std::ops::Range;

use crate::model::{Claim, Document, Report, SharedText};
use crate::rules::RuleSet;

use super::DocResult;

/// The one copy of `t` in `words`.
fn intern(words: &mut FxHashSet<SharedText>, t: &SharedText) -> SharedText {
    if let Some(w) = words.get(t.as_str()) {
        return w.clone();
    }
    let w = t.packed();
    words.insert(w.clone());
    w
}

/// One document's meetings, and where its document and claims stand in the collector's lists.
#[derive(Debug)]
struct DocMeetings {
    doc: usize,
    events: DocEvents,
    claims: Range<usize>,
}

/// Gathers documents' results as they finish, keeping only what a report needs: metadata, one
/// flat list of claims and each document's meetings (no per-document lists to merge at the end).
#[derive(Debug, Default)]
pub struct Collector {
    documents: Vec<Document>,
    claims: Vec<Claim>,
    /// The meetings of the documents that describe any (most describe none).
    events: Vec<DocMeetings>,
    /// One copy of each word that many claims and documents repeat (rules, cues, speakers'
    /// names and words, explanations, languages, outlets).
    words: FxHashSet<SharedText>,
}

impl Collector {
    /// Adds one document's result.
    pub fn add(&mut self, mut r: DocResult) {
        if !r.events.events.is_empty() {
            let first = self.claims.len();
            self.events.push(DocMeetings {
                doc: self.documents.len(),
                events: r.events,
                claims: first..first + r.claims.len(),
            });
        }
        let doc = SharedText::from(r.doc.id.as_str());
        for c in &mut r.claims {
            c.doc = doc.clone();
            for t in [
                &mut c.rule,
                &mut c.cue.lemma,
                &mut c.cue.text,
                &mut c.speaker.name,
                &mut c.speaker.text,
                &mut c.why,
            ] {
                *t = intern(&mut self.words, t);
            }
        }
        for t in [&mut r.doc.language, &mut r.doc.outlet]
            .into_iter()
            .flatten()
        {
            *t = intern(&mut self.words, t);
        }
        self.documents.push(r.doc);
        self.claims.extend(r.claims);
    }

    /// Merges events across documents, then finds conflicts.
    pub fn finish(self, rules: &RuleSet) -> Report {
        let mut report = self.finish_events(rules);
        report.findings = compare::find(&report.claims, &report.documents, rules);
        report
    }

    /// Merges events across documents into a report with no findings yet (a caller may write
    /// its claims and events while [`compare::find`] reads them).
    pub fn finish_events(self, rules: &RuleSet) -> Report {
        let place_name = |id: &str| {
            rules
                .langs
                .iter()
                .flat_map(|l| l.place_info.iter())
                .find(|p| p.id == id)
                .map_or_else(|| id.to_string(), |p| p.name.clone())
        };
        let inputs: Vec<events::DocInput> = self
            .events
            .iter()
            .map(|m| events::DocInput {
                doc: &self.documents[m.doc].id,
                events: &m.events,
                claim_ids: self.claims[m.claims.clone()]
                    .iter()
                    .map(|c| c.id.as_str())
                    .collect(),
            })
            .collect();
        let (events, claim_event) = events::group(&inputs, &place_name);
        drop(inputs);
        drop(self.events);
        drop(self.words);
        let mut report = Report {
            events,
            documents: self.documents,
            claims: self.claims,
            ..Report::default()
        };
        for c in &mut report.claims {
            c.event = claim_event.get(&c.id).cloned();
        }
        report
    }
}
