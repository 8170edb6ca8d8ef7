//! claimdiff reads news articles, extracts attributed claims (who said what, with which verb,
//! about what), groups them by the meeting they are about, and flags accounts that conflict.
//!
//! The pipeline runs one way, each stage a function from plain data to plain data:
//! [`corpus::load`] → [`text::prepare`] → [`extract::claims`] → [`events::group`] →
//! [`compare::find`] → [`model::Report`] → [`render`]. All linguistic knowledge is rule data
//! ([`rules::RuleSet`]), embedded by default and replaceable with a folder.

pub mod corpus;
pub mod extract;
pub mod html;
pub mod jsonl;
pub mod lang;
pub mod model;
pub mod rules;
pub mod text;

use rayon::prelude::*;

use corpus::Input;
use model::{Claim, Document, Report};
use rules::RuleSet;

/// The claims of one document, with its metadata completed (language, title).
pub fn document_claims(input: &Input, rules: &RuleSet) -> (Document, Vec<Claim>) {
    let mut doc = input.doc.clone();
    let code = doc.language.clone().filter(|l| rules.langs.iter().any(|r| &r.code == l)).unwrap_or_else(|| lang::detect(&input.text).to_string());
    doc.language = Some(code.clone());
    let lr = rules.lang(&code);
    let prepared = text::prepare(&input.text, lr);
    if doc.title.is_none() {
        doc.title = prepared.sentences.iter().find(|s| s.skip).map(|s| prepared.slice(s.span));
    }
    let claims = extract::claims(&doc.id, &prepared, lr);
    (doc, claims)
}

/// Extracts claims from every document, in parallel, keeping input order.
pub fn extract_all(inputs: &[Input], rules: &RuleSet) -> (Vec<Document>, Vec<Claim>) {
    let per_doc: Vec<(Document, Vec<Claim>)> = inputs.par_iter().map(|i| document_claims(i, rules)).collect();
    let mut docs = Vec::with_capacity(per_doc.len());
    let mut claims = Vec::new();
    for (d, c) in per_doc {
        docs.push(d);
        claims.extend(c);
    }
    (docs, claims)
}

/// Runs the whole pipeline on loaded documents.
pub fn analyze(inputs: &[Input], rules: &RuleSet) -> Report {
    let (documents, claims) = extract_all(inputs, rules);
    Report { documents, claims, ..Report::default() }
}
