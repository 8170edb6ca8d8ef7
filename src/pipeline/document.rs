//! claimdiff reads news articles, extracts attributed claims (who said what, with which verb,
//! about what), groups them by the meeting they are about, and flags accounts that conflict.
//!
//! The pipeline runs one way, each stage a function from plain data to plain data:
//! [`corpus::load`] → [`text::prepare`] → [`extract::claims`] → [`events::group`] →
//! [`compare::find`] → [`model::Report`] → [`render`]. All linguistic knowledge is rule data
//! ([`rules::RuleSet`]), embedded by default and replaceable with a folder.

pub mod compare;
pub mod corpus;
pub mod eval;
pub mod events;
pub mod extract;
pub mod html;
pub mod jsonl;
pub mod lang;
pub mod model;
pub mod output;
pub mod pairs;
pub mod render;
pub mod rules;
pub mod text;

use rayon::prelude::*;

use corpus::Input;
use events::DocEvents;
use events::date::PartialDate;
use model::{Claim, Document, Report};
use rules::{LangRules, RuleSet};
use text::Prepared;

/// What one document yields: its metadata, claims and meetings. Holds no article text.
#[derive(Debug, Clone)]
pub struct DocResult {
    /// Metadata, completed with language, title and publication date.
    pub doc: Document,
    /// Claims, in text order.
    pub claims: Vec<Claim>,
    /// Meetings and the claims about them.
    pub events: DocEvents,
}

/// Analyses one document: language, text preparation, claims, meetings.
pub fn analyze_document(input: &Input, rules: &RuleSet) -> DocResult {
    let mut doc = input.doc.clone();
    let code = doc
        .language
        .clone()
        .filter(|l| rules.langs.iter().any(|r| &r.code == l))
        .unwrap_or_else(|| lang::detect(&input.text).to_string());
    doc.language = Some(code.clone());
    let lr = rules.lang(&code);
    let prepared = text::prepare(&input.text, lr);
    if doc.title.is_none() {
        doc.title = prepared
            .sentences
            .iter()
            .find(|s| s.skip)
            .map(|s| prepared.slice(s.span).trim().to_string());
    }
    let published = doc
        .published
        .as_deref()
        .and_then(PartialDate::parse_iso)
        .or_else(|| header_date(&prepared, lr));
    if doc.published.is_none() {
        doc.published = published.and_then(|d| d.full()).map(|d| d.to_string());
    }
    // the document's language first; a sentence in another script uses its own language's rules
    let langs: Vec<&LangRules> = std::iter::once(lr)
        .chain(rules.langs.iter().filter(|l| l.code != lr.code))
        .collect();
    let claims = extract::claims_in(&doc.id, &prepared, &langs);
    let events = events::local(&prepared, lr, &claims, published.as_ref());
    DocResult {
        doc,
        claims,
        events,
    }
}

/// A full date standing alone in the page header ("الأربعاء ٢٢ / يناير / ٢٠٢٥").
fn header_date(p: &Prepared, rules: &LangRules) -> Option<PartialDate> {
    let body = p
        .sentences
        .iter()
        .position(|s| !s.skip)
        .unwrap_or(p.sentences.len());
    p.sentences[..body.min(6)]
        .iter()
        .flat_map(|s| events::date::read(p, rules, s.tokens.clone()))
        .map(|(_, e)| e.date)
        .find(|d| d.full().is_some())
}

/// Analyses every document in parallel, keeping input order.
pub fn analyze_documents(inputs: &[Input], rules: &RuleSet) -> Vec<DocResult> {
    inputs
        .par_iter()
        .map(|i| analyze_document(i, rules))
        .collect()
}

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

/// Merges per-document results into the report: events across documents, then findings.
pub fn assemble(results: Vec<DocResult>, rules: &RuleSet) -> Report {
    let mut collector = Collector::default();
    for r in results {
        collector.add(r);
    }
    collector.finish(rules)
}

/// Runs the whole pipeline on loaded documents.
pub fn analyze(inputs: &[Input], rules: &RuleSet) -> Report {
    assemble(analyze_documents(inputs, rules), rules)
}
