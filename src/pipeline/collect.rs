//! The cross-document half of the pipeline: documents' results gathered as they finish, then
//! meetings merged across documents and accounts compared into the [`Report`].

use crate::compare;
use crate::events::{self, DocEvents};
use crate::model::{Claim, Document, Report};
use crate::rules::RuleSet;

use super::DocResult;

/// Gathers documents' results as they finish, keeping only what a report needs: metadata, one
/// flat list of claims and each document's meetings (no per-document lists to merge at the end).
#[derive(Debug, Default)]
pub struct Collector {
    documents: Vec<Document>,
    claims: Vec<Claim>,
    /// Each document's meetings, with the number of its claims.
    events: Vec<(DocEvents, usize)>,
}

impl Collector {
    /// Adds one document's result.
    pub fn add(&mut self, r: DocResult) {
        self.events.push((r.events, r.claims.len()));
        self.documents.push(r.doc);
        self.claims.extend(r.claims);
    }

    /// Merges events across documents, then finds conflicts.
    pub fn finish(self, rules: &RuleSet) -> Report {
        let place_name = |id: &str| {
            rules
                .langs
                .iter()
                .flat_map(|l| l.place_info.iter())
                .find(|p| p.id == id)
                .map_or_else(|| id.to_string(), |p| p.name.clone())
        };
        let mut claims = self.claims.iter();
        let inputs: Vec<events::DocInput> = self
            .documents
            .iter()
            .zip(&self.events)
            .map(|(doc, (events, n))| events::DocInput {
                doc: &doc.id,
                events,
                claim_ids: claims.by_ref().take(*n).map(|c| c.id.as_str()).collect(),
            })
            .collect();
        let (events, claim_event) = events::group(&inputs, &place_name);
        drop(inputs);
        let mut report = Report {
            events,
            documents: self.documents,
            claims: self.claims,
            ..Report::default()
        };
        for c in &mut report.claims {
            c.event = claim_event.get(&c.id).cloned();
        }
        report.findings = compare::find(&report.claims, &report.documents, rules);
        report
    }
}
