//! The cards of the HTML report: an event's facts, a finding with its two accounts side by
//! side, and a claim with its source sentence (speaker and cue marked, in the document's
//! language and direction).

use maud::{Markup, html};

use super::highlight::{self, Mark};
use super::{Ctx, NO_EVENT, clean, label, list, outlet_of};
use crate::model::{Claim, Event, Finding, Side};
use crate::render::review;
use crate::render::{excerpt, safe_url};

/// The facts of an event: place, date, parties, level, format, status, claims and documents.
pub fn event_meta(ctx: &Ctx, e: &Event) -> Markup {
    let facts = [
        (
            "Location",
            e.location.as_deref().map_or("unknown".into(), clean),
        ),
        ("Date", e.date.as_deref().map_or("unknown".into(), clean)),
        ("Parties", list(&e.parties)),
        ("Level", list(&e.level)),
        ("Format", e.format.map_or("—".into(), |f| clean(f.name()))),
        ("Status", clean(e.status.name())),
        ("Claims", e.claims.len().to_string()),
        ("Documents", documents_of(ctx, e).to_string()),
    ];
    html! {
        dl.meta {
            @for (name, value) in facts { div { dt { (name) } dd { (value) } } }
        }
    }
}

/// How many documents mention the event or carry a claim about it.
fn documents_of(ctx: &Ctx, e: &Event) -> usize {
    let mut docs: Vec<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
    docs.extend(
        e.claims
            .iter()
            .filter_map(|id| ctx.claims.get(id.as_str()))
            .map(|c| c.doc.as_str()),
    );
    docs.sort_unstable();
    docs.dedup();
    docs.len()
}

/// One finding: kind, score, why, and side A beside side B.
pub fn finding(ctx: &Ctx, f: &Finding) -> Markup {
    let kind = f.kind.name();
    let mut states: Vec<&str> =
        f.a.parties
            .iter()
            .chain(&f.b.parties)
            .map(String::as_str)
            .collect();
    states.sort_unstable();
    states.dedup();
    html! {
        article class={ "finding k-" (kind) } id={ "finding-" (clean(&f.id)) }
            data-event=(f.event.as_deref().map_or(NO_EVENT.into(), clean))
            data-states=(clean(&states.join(" ")))
            data-kind=(kind) data-score=(format!("{:.2}", f.score)) {
            header {
                span.kind { (label(f.kind)) }
                span.score { "score " (format!("{:.2}", f.score)) }
                span.rule { (clean(&f.rule)) }
            }
            p.why { (clean(&f.why)) }
            @if let Some(rv) = review::of(ctx.reviews, f) {
                p class={ "review r-" (rv.status.name()) } { "Review: " (review::line(rv)) }
            }
            div.sides {
                (side(ctx, "Side A", &f.a))
                (side(ctx, "Side B", &f.b))
            }
        }
    }
}

fn side(ctx: &Ctx, name: &str, s: &Side) -> Markup {
    let claims: Vec<&Claim> = s
        .claims
        .iter()
        .filter_map(|id| ctx.claims.get(id.as_str()).copied())
        .collect();
    html! {
        section.side {
            h3 { (name) " · " span.who { (list(&s.parties)) } }
            ol.claims {
                @for c in &claims { li { (claim(ctx, c)) (source(ctx, c)) } }
            }
            @if claims.is_empty() { p.empty { "no claims" } }
        }
    }
}

/// Where a claim was read: outlet (or document id), title and date, a link to the article's
/// address when it is http(s), and one to the claim in the documents section.
pub fn source(ctx: &Ctx, c: &Claim) -> Markup {
    let d = ctx.docs.get(c.doc.as_str()).copied();
    let lang = d.and_then(|d| d.language.as_deref());
    let title = d
        .and_then(|d| d.title.as_deref())
        .filter(|t| !t.trim().is_empty())
        .map(|t| excerpt(t, 120));
    let date = d
        .and_then(|d| d.published.as_deref())
        .map_or("undated".into(), clean);
    let url = d.and_then(|d| d.url.as_deref()).and_then(safe_url);
    html! {
        p.source {
            span.src-outlet { (outlet_of(d, &c.doc)) }
            @if let Some(t) = &title { " · " cite dir="auto" lang=[lang] { (t) } }
            " · " time.src-date { (date) }
            " · "
            @if let Some(u) = &url {
                a.src-url href=(u) rel="noopener noreferrer external" { "article" } " · "
            }
            a.src-claim href={ "#" (ctx.claim_anchor(&c.id)) } { "in " (clean(&c.doc)) }
        }
    }
}

/// A claim: speaker and parties, stance, cue, and the marked source sentence.
pub fn claim(ctx: &Ctx, c: &Claim) -> Markup {
    let lang = ctx.langs.get(c.doc.as_str()).copied();
    let dir = match lang {
        Some("ar") => "rtl",
        Some("en") => "ltr",
        _ => "auto",
    };
    html! {
        div.claim-meta {
            span.speaker-name dir="auto" lang=[lang] { (clean(&c.speaker.name)) }
            span.parties { "(" (list(&c.speaker.parties)) ")" }
            span.stance title="stance" { (c.stance.name()) }
            span.cue-text { "cue: " bdi lang=[lang] { (clean(&c.cue.text)) } }
            span.doc { (clean(&c.doc)) }
        }
        blockquote.excerpt dir=(dir) lang=[lang] {
            @for (mark, text) in highlight::runs(c) {
                @match mark {
                    Mark::Plain => (text),
                    _ => mark class=(mark.class()) { (text) },
                }
            }
        }
    }
}
