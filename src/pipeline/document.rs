//! One document through the per-document stages: its language (metadata first, else the script),
//! text preparation, title and publication date when the metadata lacks them, claims, and the
//! meetings they are about. Documents are independent here, so this runs on every core.

use crate::corpus::Input;
use crate::events::{self, DocEvents};
use crate::model::{Claim, DateSource, Document};
use crate::rules::{LangRules, RuleSet};
use crate::text;
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

/// Which per-document stages a run needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stages {
    /// Language, text and claims: all that a listing of claims prints.
    Claims,
    /// Every stage: also the title and publication date, and the meetings.
    All,
}

/// Analyses one document: language, text preparation, claims, meetings.
pub fn analyze_document(input: &Input, rules: &RuleSet) -> DocResult {
    analyze_stages(input, rules, Stages::All)
}

/// Analyses one document through the stages `stages` asks for (the others leave their fields
/// as the input had them, and no meetings).
pub fn analyze_stages(input: &Input, rules: &RuleSet, stages: Stages) -> DocResult {
    analyze_text(input.doc.clone(), &input.text, rules, stages)
}

/// [`analyze_stages`] on an input it is given: the metadata are moved on, not copied, and the
/// text is freed as soon as it has been read.
pub fn analyze_owned(input: Input, rules: &RuleSet, stages: Stages) -> DocResult {
    let Input { doc, text } = input;
    analyze_text(doc, &text, rules, stages)
}

fn analyze_text(mut doc: Document, text: &str, rules: &RuleSet, stages: Stages) -> DocResult {
    let code = doc
        .language
        .clone()
        .filter(|l| rules.langs.iter().any(|r| &r.code == l))
        .unwrap_or_else(|| lang::detect(text).into());
    doc.language = Some(code.clone());
    let lr = rules.lang(&code);
    let prepared = text::prepare(text, lr);
    // the document's language first; a sentence in another script uses its own language's rules
    let langs: Vec<&LangRules> = std::iter::once(lr)
        .chain(rules.langs.iter().filter(|l| l.code != lr.code))
        .collect();
    if stages == Stages::Claims {
        let claims = extract::claims_in(&doc.id, &prepared, &langs);
        return DocResult {
            doc,
            claims,
            events: DocEvents::default(),
        };
    }
    if doc.title.is_none() {
        doc.title = prepared
            .sentences
            .iter()
            .find(|s| s.skip)
            .map(|s| prepared.slice(s.span).trim().to_string());
    }
    let published = events::published::publication(&doc, &prepared, &langs, None);
    if let Some((date, from)) = published {
        if from != DateSource::Metadata {
            doc.published = Some(date.to_string());
        }
        doc.published_from = Some(from);
    }
    let published = published.map(|(d, _)| d);
    let claims = extract::claims_in(&doc.id, &prepared, &langs);
    let events = events::local(&prepared, lr, &claims, published.as_ref());
    DocResult {
        doc,
        claims,
        events,
    }
}
