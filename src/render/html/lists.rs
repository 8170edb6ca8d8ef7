//! The sections of the HTML report: findings grouped by event, the events without findings
//! (collapsed), and the documents read.

use maud::{Markup, html};

use super::cards::{claim, event_meta, finding};
use super::{Ctx, NO_EVENT, clean};
use crate::model::{Document, Event};

/// A section per event with findings, then one for findings about no meeting.
pub fn findings(ctx: &Ctx) -> Markup {
    let events: Vec<&Event> = ctx
        .report
        .events
        .iter()
        .filter(|e| !ctx.findings_of(Some(&e.id)).is_empty())
        .collect();
    let loose = ctx.findings_of(None);
    html! {
        @if ctx.report.findings.is_empty() { p.empty { "No conflicting accounts found." } }
        @for e in events {
            section.event-findings data-event=(clean(&e.id)) {
                h2 dir="auto" { (clean(&e.label)) }
                (event_meta(ctx, e))
                @for f in ctx.findings_of(Some(&e.id)) { (finding(ctx, f)) }
            }
        }
        @if !loose.is_empty() {
            section.event-findings data-event=(NO_EVENT) {
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
    html! {
        section #quiet-events {
            h2 { "Events without findings (" (events.len()) ")" }
            @if events.is_empty() { p.empty { "Every event has findings." } }
            @for e in events {
                details.event {
                    summary dir="auto" { (clean(&e.label)) }
                    (event_meta(ctx, e))
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

/// The documents read: id, title, language, date, outlet, address, number of claims.
pub fn documents(ctx: &Ctx) -> Markup {
    let r = ctx.report;
    html! {
        section #documents {
            h2 { "Documents (" (r.documents.len()) ")" }
            table.docs {
                thead { tr { th { "Id" } th { "Title" } th { "Language" } th { "Published" } th { "Source" } th { "Claims" } } }
                tbody {
                    @for d in &r.documents {
                        tr {
                            td { (clean(&d.id)) }
                            td dir="auto" lang=[d.language.as_deref()] { (d.title.as_deref().map_or(String::new(), clean)) }
                            td { (d.language.as_deref().map_or("—".into(), clean)) }
                            td { (d.published.as_deref().map_or("—".into(), clean)) }
                            td { (source(d)) }
                            td { (ctx.doc_claims.get(d.id.as_str()).copied().unwrap_or(0)) }
                        }
                    }
                }
            }
        }
    }
}

/// Outlet, address and path, as text: a `javascript:` address from metadata must not become a
/// clickable link.
fn source(d: &Document) -> String {
    let parts: Vec<&str> = [d.outlet.as_deref(), d.url.as_deref(), Some(d.path.as_str())]
        .into_iter()
        .flatten()
        .filter(|s| !s.is_empty())
        .collect();
    clean(&parts.join(" · "))
}
