//! The HTML report: one self-contained page (inline CSS and one inline script, no network
//! loads) built with maud, which escapes every interpolated string. A Content-Security-Policy
//! meta tag forbids every load and allows only the page's own script and style by their sha256,
//! so a payload that escaped escaping still could not run. Reads the [`Report`] only; the cards
//! are in `cards`, the lists at the end in `lists`, the speaker and cue marks in `highlight`.
//!
//! Every side of a finding names where each claim was read (outlet or document, title, date), with
//! a link to the article's address (http and https only) and one to the claim's place in the
//! documents section. The page never shows a local path. So that a run over thousands of articles
//! stays a page one can open, the documents section lists only the documents that findings cite,
//! and quiet events show their claims only while they are few. A table of contents, a text search
//! and filters by event, kind, state, speaker, outlet and score sit above the findings.

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

use crate::model::{Claim, ConflictKind, Document, Event, Finding, Report};
use crate::render::review::Reviews;
use crate::render::strip_bidi;

/// The reviews of a report rendered without a review store.
static NO_REVIEWS: Reviews = Reviews::new();

/// The page's style sheet (constant, ours: the only CSS the policy allows).
const STYLE: &str = include_str!("style.css");
/// The page's script: filters and self-checks (constant, ours: the only script the policy allows).
const SCRIPT: &str = include_str!("script.js");
/// The value of `data-event` for findings about no meeting.
const NO_EVENT: &str = "(none)";
/// Up to this many documents, those without findings are listed too (without their claims).
const LIST_ALL_DOCUMENTS: usize = 100;
/// Up to this many claims in events without findings, those claims are shown (collapsed).
const QUIET_CLAIMS_SHOWN: usize = 500;

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
    /// Documents by id.
    docs: HashMap<&'a str, &'a Document>,
    /// A claim's place in the report, for its anchor (`c-N`): ids may hold any character.
    claim_no: HashMap<&'a str, usize>,
    /// A document's place in the report, for its anchor (`d-N`).
    doc_no: HashMap<&'a str, usize>,
    /// The claims findings cite, per document id, in report order, with the findings citing each.
    cited: HashMap<&'a str, Vec<(&'a Claim, Vec<&'a Finding>)>>,
    /// The newsroom's decisions, by finding id (empty without `--review-db`).
    reviews: &'a Reviews,
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
        let claims: HashMap<&str, &Claim> =
            report.claims.iter().map(|c| (c.id.as_str(), c)).collect();
        Ctx {
            report,
            claims,
            docs: report
                .documents
                .iter()
                .map(|d| (d.id.as_str(), d))
                .collect(),
            claim_no: report
                .claims
                .iter()
                .enumerate()
                .map(|(i, c)| (c.id.as_str(), i))
                .collect(),
            doc_no: report
                .documents
                .iter()
                .enumerate()
                .map(|(i, d)| (d.id.as_str(), i))
                .collect(),
            cited: cited(report),
            langs: report
                .documents
                .iter()
                .filter_map(|d| Some((d.id.as_str(), d.language.as_deref()?)))
                .collect(),
            findings,
            loose,
            doc_claims,
            reviews: &NO_REVIEWS,
        }
    }

    /// The anchor of a claim in the documents section.
    fn claim_anchor(&self, id: &str) -> String {
        self.claim_no
            .get(id)
            .map_or_else(|| "c-none".to_string(), |n| format!("c-{n}"))
    }

    /// The anchor of a document in the documents section.
    fn doc_anchor(&self, id: &str) -> String {
        self.doc_no
            .get(id)
            .map_or_else(|| "d-none".to_string(), |n| format!("d-{n}"))
    }

    /// The anchor of an event's section.
    fn event_anchor(&self, e: &Event) -> String {
        let n = self.report.events.iter().position(|x| x.id == e.id);
        n.map_or_else(|| "e-none".to_string(), |n| format!("e-{n}"))
    }

    /// The events that have findings, in report order.
    fn events_with_findings(&self) -> Vec<&'a Event> {
        self.report
            .events
            .iter()
            .filter(|e| !self.findings_of(Some(&e.id)).is_empty())
            .collect()
    }

    /// The findings about an event (`None`: about no meeting).
    fn findings_of(&self, event: Option<&str>) -> &[&'a Finding] {
        match event {
            Some(e) => self.findings.get(e).map_or(&[], Vec::as_slice),
            None => &self.loose,
        }
    }
}

/// The claims findings cite, per document id, in report order, with the findings citing each.
fn cited(report: &Report) -> HashMap<&str, Vec<(&Claim, Vec<&Finding>)>> {
    let mut citing: HashMap<&str, Vec<&Finding>> = HashMap::new();
    for f in &report.findings {
        for id in f.a.claims.iter().chain(&f.b.claims) {
            citing.entry(id.as_str()).or_default().push(f);
        }
    }
    let mut cited: HashMap<&str, Vec<(&Claim, Vec<&Finding>)>> = HashMap::new();
    for c in &report.claims {
        if let Some(fs) = citing.remove(c.id.as_str()) {
            cited.entry(c.doc.as_str()).or_default().push((c, fs));
        }
    }
    cited
}

/// Renders the report as one self-contained HTML page.
pub fn write(out: &mut dyn Write, r: &Report, reviews: &Reviews) -> io::Result<()> {
    out.write_all(page_reviewed(r, reviews).as_bytes())
}

/// The page, as one string.
#[cfg(test)]
fn page(r: &Report) -> String {
    page_reviewed(r, &NO_REVIEWS)
}

/// The page with each reviewed finding's review, as one string.
fn page_reviewed(r: &Report, reviews: &Reviews) -> String {
    let mut ctx = Ctx::new(r);
    ctx.reviews = reviews;
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
                main {
                    (lists::contents(&ctx))
                    (lists::findings(&ctx))
                    (lists::quiet_events(&ctx))
                    (lists::documents(&ctx))
                }
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

/// What the filters offer to choose from: the events and kinds with findings, and the states,
/// speakers and outlets of the sides, each sorted once.
struct Choices<'a> {
    events: Vec<&'a Event>,
    /// Whether some finding is about no meeting.
    none: bool,
    kinds: Vec<ConflictKind>,
    states: Vec<&'a str>,
    speakers: Vec<String>,
    outlets: Vec<String>,
}

impl<'a> Choices<'a> {
    fn of(ctx: &Ctx<'a>) -> Self {
        let r = ctx.report;
        let sides = || r.findings.iter().flat_map(|f| [&f.a, &f.b]);
        Choices {
            events: r
                .events
                .iter()
                .filter(|e| !ctx.findings_of(Some(&e.id)).is_empty())
                .collect(),
            none: !ctx.findings_of(None).is_empty(),
            kinds: sorted(r.findings.iter().map(|f| f.kind).collect()),
            states: sorted(
                sides()
                    .flat_map(|s| &s.parties)
                    .map(String::as_str)
                    .collect(),
            ),
            speakers: sorted(
                sides()
                    .flat_map(|s| &s.claims)
                    .filter_map(|id| ctx.claims.get(id.as_str()))
                    .map(|c| clean(&c.speaker.name))
                    .collect(),
            ),
            outlets: sorted(
                ctx.cited
                    .keys()
                    .map(|d| outlet_of(ctx.docs.get(d).copied(), d))
                    .collect(),
            ),
        }
    }
}

/// Sorted, without repeats.
fn sorted<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort_unstable();
    v.dedup();
    v
}

fn filters(ctx: &Ctx) -> Markup {
    let c = Choices::of(ctx);
    html! {
        nav.filters aria-label="Filter findings" {
            label { "Search" input #f-search type="search" placeholder="words in a finding"; }
            label { "Event" select #f-event {
                option value="" { "all events" }
                @for e in c.events { option value=(clean(&e.id)) { (clean(&e.label)) } }
                @if c.none { option value=(NO_EVENT) { "about no meeting" } }
            } }
            label { "Kind" select #f-kind {
                option value="" { "all kinds" }
                @for k in c.kinds { option value=(k.name()) { (label(k)) } }
            } }
            label { "State" select #f-state {
                option value="" { "all states" }
                @for st in &c.states { option value=(clean(st)) { (clean(st)) } }
            } }
            label { "Speaker" select #f-speaker {
                option value="" { "all speakers" }
                @for sp in &c.speakers { option value=(sp) { (sp) } }
            } }
            label { "Outlet" select #f-outlet {
                option value="" { "all outlets" }
                @for o in &c.outlets { option value=(o) { (o) } }
            } }
            label { "Min score"
                input #f-score type="range" min="0" max="1" step="0.05" value="0";
                span #f-score-value { "0.00" }
            }
            button #f-reset type="button" { "Reset" }
            span.legend { mark.speaker { "speaker" } " " mark.cue { "cue" } }
            output #shown { (ctx.report.findings.len()) " findings" }
        }
    }
}

/// The outlet a document came from, or its id when the metadata names none.
fn outlet_of(d: Option<&Document>, id: &str) -> String {
    clean(
        d.and_then(|d| d.outlet.as_deref())
            .filter(|o| !o.trim().is_empty())
            .unwrap_or(id),
    )
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
