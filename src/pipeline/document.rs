//! One document through the per-document stages: its language (metadata first, else the script),
//! text preparation, title and publication date when the metadata lacks them, claims, and the
//! meetings they are about. Documents are independent here, so this runs on every core.

use crate::corpus::Input;
use crate::events::date::PartialDate;
use crate::events::{self, DocEvents};
use crate::model::{Claim, Document};
use crate::rules::{LangRules, RuleSet};
use crate::text::{self, Prepared};
use crate::{extract, lang};

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
