//! The sections of the HTML report: a table of contents, findings grouped by event, the events
//! without findings (collapsed), and the documents that findings cite, each with the cited claims
//! where the findings link to them.

use maud::{Markup, html};

use super::cards::{claim, event_meta, finding};
use super::{Ctx, LIST_ALL_DOCUMENTS, NO_EVENT, QUIET_CLAIMS_SHOWN, clean, label};
use crate::model::{Document, Event};
use crate::render::safe_url;

/// The table of contents: each event with findings (and its number of findings), then the
/// other sections.
pub fn contents(ctx: &Ctx) -> Markup {
    let events = ctx.events_with_findings();
    let loose = ctx.findings_of(None).len();
    html! {
        nav #contents aria-label="Contents" {
            h2 { "Contents" }
            ol {
                @for e in &events {
                    li { a href={ "#" (ctx.event_anchor(e)) } dir="auto" { (clean(&e.label)) }
                        " (" (ctx.findings_of(Some(&e.id)).len()) ")" }
                }
                @if loose > 0 { li { a href="#e-loose" { "Claims about no meeting" } " (" (loose) ")" } }
                li { a href="#quiet-events" { "Events without findings" } }
                li { a href="#documents" { "Documents cited" } }
            }
        }
    }
}

/// A section per event with findings, then one for findings about no meeting.
pub fn findings(ctx: &Ctx) -> Markup {
    let events = ctx.events_with_findings();
    let loose = ctx.findings_of(None);
    html! {
        @if ctx.report.findings.is_empty() { p.empty { "No conflicting accounts found." } }
        @for e in events {
            section.event-findings id=(ctx.event_anchor(e)) data-event=(clean(&e.id)) {
                h2 dir="auto" { (clean(&e.label)) }
                (event_meta(ctx, e))
                @for f in ctx.findings_of(Some(&e.id)) { (finding(ctx, f)) }
            }
        }
        @if !loose.is_empty() {
            section.event-findings #e-loose data-event=(NO_EVENT) {
                h2 { "Claims about no meeting" }
                @for f in loose { (finding(ctx, f)) }
            }
        }
    }
}

/// The events without findings, each collapsed with its facts and claims.
pub fn quiet_events(ctx: &Ctx) -> Markup {
    let events: Vec<&Event> = ctx
        .report
        .events
        .iter()
        .filter(|e| ctx.findings_of(Some(&e.id)).is_empty())
        .collect();
    // a large run has thousands of quiet events: their facts stay, their claims would not fit
    let with_claims = events.iter().map(|e| e.claims.len()).sum::<usize>() <= QUIET_CLAIMS_SHOWN;
    html! {
        section #quiet-events {
            h2 { "Events without findings (" (events.len()) ")" }
            @if events.is_empty() { p.empty { "Every event has findings." } }
            @if !with_claims { p.note { "Too many to show their claims here; see the JSON export." } }
            @for e in events {
                details.event {
                    summary dir="auto" { (clean(&e.label)) " (" (e.claims.len()) " claims)" }
                    (event_meta(ctx, e))
                    @if with_claims {
                        ol.claims {
                            @for c in e.claims.iter().filter_map(|id| ctx.claims.get(id.as_str())) {
                                li { (claim(ctx, c)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The documents that findings cite, each with its metadata, a link to its address and the
/// cited claims (the targets of the findings' links); then, for a small run, the other documents
/// read, in one line each.
pub fn documents(ctx: &Ctx) -> Markup {
    let r = ctx.report;
    let cited: Vec<&Document> = r
        .documents
        .iter()
        .filter(|d| ctx.cited.contains_key(d.id.as_str()))
        .collect();
    let others: Vec<&Document> = r
        .documents
        .iter()
        .filter(|d| !ctx.cited.contains_key(d.id.as_str()))
        .collect();
    html! {
        section #documents {
            h2 { "Documents cited (" (cited.len()) " of " (r.documents.len()) " read)" }
            @for d in &cited { (document(ctx, d)) }
            @if !others.is_empty() {
                @if r.documents.len() <= LIST_ALL_DOCUMENTS {
                    details.others {
                        summary { (others.len()) " other document(s) read, without findings" }
                        ul { @for d in &others { li { (doc_line(ctx, d)) } } }
                    }
                } @else {
                    p.note { (others.len()) " other document(s) read, without findings (listed in the JSON export)." }
                }
            }
        }
    }
}

fn document(ctx: &Ctx, d: &Document) -> Markup {
    let cited = ctx.cited.get(d.id.as_str()).map_or(&[][..], Vec::as_slice);
    html! {
        article.doc id=(ctx.doc_anchor(&d.id)) {
            h3 dir="auto" lang=[d.language.as_deref()] {
                (d.title.as_deref().filter(|t| !t.trim().is_empty()).map_or_else(|| clean(&d.id), clean))
            }
            (doc_line(ctx, d))
            ol.cited {
                @for (c, fs) in cited {
                    li.cited-claim id=(ctx.claim_anchor(&c.id)) {
                        (claim(ctx, c))
                        p.cited-by { "cited by "
                            @for (i, f) in fs.iter().enumerate() {
                                @if i > 0 { ", " }
                                a href={ "#finding-" (clean(&f.id)) } { (label(f.kind)) }
                            }
                            " · characters " (c.span.start) "–" (c.span.end)
                        }
                    }
                }
            }
        }
    }
}

/// A document in one line: id, outlet, date, language, number of claims, link to its address.
fn doc_line(ctx: &Ctx, d: &Document) -> Markup {
    let url = d.url.as_deref().and_then(safe_url);
    html! {
        span.doc-line {
            span.doc-id { (clean(&d.id)) }
            @if let Some(o) = d.outlet.as_deref().filter(|o| !o.trim().is_empty()) { " · " (clean(o)) }
            " · " (d.published.as_deref().map_or("undated".into(), clean))
            " · " (d.language.as_deref().map_or("—".into(), clean))
            " · " (ctx.doc_claims.get(d.id.as_str()).copied().unwrap_or(0)) " claim(s)"
            @if let Some(u) = &url { " · " a href=(u) rel="noopener noreferrer external" { "article" } }
        }
    }
}
