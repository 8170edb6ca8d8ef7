//! The HTML report: one self-contained page (inline CSS and one inline script, no network
//! loads) built with maud, which escapes every interpolated string. A Content-Security-Policy
//! meta tag forbids every load and allows only the page's own script and style by their sha256,
//! so a payload that escaped escaping still could not run. Reads the [`Report`] only; the cards
//! are in `cards`, the lists at the end in `lists`, the speaker and cue marks in `highlight`.

mod cards;
mod highlight;
mod lists;
#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::io::{self, Write};

use base64::Engine;
use maud::{DOCTYPE, Markup, PreEscaped, html};
use sha2::{Digest, Sha256};

use crate::model::{Claim, ConflictKind, Event, Finding, Report};
use crate::render::strip_bidi;

/// The page's style sheet (constant, ours: the only CSS the policy allows).
const STYLE: &str = include_str!("style.css");
/// The page's script: filters and self-checks (constant, ours: the only script the policy allows).
const SCRIPT: &str = include_str!("script.js");
/// The value of `data-event` for findings about no meeting.
const NO_EVENT: &str = "(none)";

/// Lookups shared by the parts of the page, built once so that a large report stays linear.
struct Ctx<'a> {
    report: &'a Report,
    claims: HashMap<&'a str, &'a Claim>,
    langs: HashMap<&'a str, &'a str>,
    /// Findings per event id, in report order.
    findings: HashMap<&'a str, Vec<&'a Finding>>,
    /// Findings about no meeting.
    loose: Vec<&'a Finding>,
    /// Number of claims per document id.
    doc_claims: HashMap<&'a str, usize>,
}

impl<'a> Ctx<'a> {
    fn new(report: &'a Report) -> Self {
        let mut findings: HashMap<&str, Vec<&Finding>> = HashMap::new();
        let mut loose = Vec::new();
        for f in &report.findings {
            match f.event.as_deref() {
                Some(e) => findings.entry(e).or_default().push(f),
                None => loose.push(f),
            }
        }
        let mut doc_claims: HashMap<&str, usize> = HashMap::new();
        for c in &report.claims {
            *doc_claims.entry(c.doc.as_str()).or_default() += 1;
        }
        Ctx {
            report,
            claims: report.claims.iter().map(|c| (c.id.as_str(), c)).collect(),
            langs: report
                .documents
                .iter()
                .filter_map(|d| Some((d.id.as_str(), d.language.as_deref()?)))
                .collect(),
            findings,
            loose,
            doc_claims,
        }
    }

    /// The findings about an event (`None`: about no meeting).
    fn findings_of(&self, event: Option<&str>) -> &[&'a Finding] {
        match event {
            Some(e) => self.findings.get(e).map_or(&[], Vec::as_slice),
            None => &self.loose,
        }
    }
}

/// Renders the report as one self-contained HTML page.
pub fn write(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    out.write_all(page(r).as_bytes())
}

/// The page, as one string.
fn page(r: &Report) -> String {
    let ctx = Ctx::new(r);
    html! {
        (DOCTYPE)
        html lang="en" dir="ltr" {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(csp());
                meta name="referrer" content="no-referrer";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { "claimdiff report" }
                style { (PreEscaped(STYLE)) }
                script { (PreEscaped(SCRIPT)) }
            }
            body {
                (top(r))
                (filters(&ctx))
                main { (lists::findings(&ctx)) (lists::quiet_events(&ctx)) (lists::documents(&ctx)) }
            }
        }
    }
    .into_string()
}

/// The policy: nothing may load; only our own style and script (by hash) may apply or run.
fn csp() -> String {
    format!(
        "default-src 'none'; style-src '{}'; script-src '{}'; img-src 'none'; font-src 'none'; \
         connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; \
         worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'",
        hash(STYLE),
        hash(SCRIPT)
    )
}

/// A CSP source expression for an inline element with exactly this content.
fn hash(content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn top(r: &Report) -> Markup {
    let totals = [
        ("documents", r.documents.len()),
        ("claims", r.claims.len()),
        ("events", r.events.len()),
        ("findings", r.findings.len()),
    ];
    html! {
        header.top {
            h1 { "claimdiff report" }
            p { "Attributed claims grouped by meeting, and the accounts that conflict. Format " (r.format) "." }
            div.totals {
                @for (name, n) in totals {
                    div.total id={ "total-" (name) } data-count=(n) { b { (n) } span { (name) } }
                }
            }
        }
    }
}

fn filters(ctx: &Ctx) -> Markup {
    let r = ctx.report;
    let mut kinds: Vec<ConflictKind> = r.findings.iter().map(|f| f.kind).collect();
    kinds.sort();
    kinds.dedup();
    let events: Vec<&Event> = r
        .events
        .iter()
        .filter(|e| !ctx.findings_of(Some(&e.id)).is_empty())
        .collect();
    let none = !ctx.findings_of(None).is_empty();
    html! {
        nav.filters aria-label="Filter findings" {
            label { "Event" select #f-event {
                option value="" { "all events" }
                @for e in events { option value=(clean(&e.id)) { (clean(&e.label)) } }
                @if none { option value=(NO_EVENT) { "about no meeting" } }
            } }
            label { "Kind" select #f-kind {
                option value="" { "all kinds" }
                @for k in kinds { option value=(k.name()) { (label(k)) } }
            } }
            label { "Min score"
                input #f-score type="range" min="0" max="1" step="0.05" value="0";
                span #f-score-value { "0.00" }
            }
            button #f-reset type="button" { "Reset" }
            span.legend { mark.speaker { "speaker" } " " mark.cue { "cue" } }
            output #shown { (r.findings.len()) " findings" }
        }
    }
}

/// A conflict kind as words ("opposing evaluation").
fn label(k: ConflictKind) -> String {
    k.name().replace('_', " ")
}

/// Document text made safe to show: bidi controls removed (maud escapes the rest).
fn clean(s: &str) -> String {
    strip_bidi(s)
}

/// A list as "a, b" (or "—" for none), cleaned.
fn list(items: &[String]) -> String {
    if items.is_empty() {
        "—".to_string()
    } else {
        clean(&items.join(", "))
    }
}
