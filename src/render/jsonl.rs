//! JSON Lines: one object per line, by view. Claims are the export's claim objects; events are
//! the export's event objects; findings are the export's finding objects with what a reader of a
//! single line needs beside them: the event (`event_detail`) and each side's claims in full, each
//! with the source it was read from (`a_claims`, `b_claims`). The report's filters have already
//! been applied, so every line is one that the other formats would show.

use std::collections::HashMap;
use std::io::{self, Write};

use serde::Serialize;

use super::View;
use super::review::{self, Review, Reviews};
use crate::model::{Claim, Document, Event, Finding, Report};

/// One claim as a JSON line.
pub fn write_jsonl<W: Write + ?Sized>(out: &mut W, c: &Claim) -> io::Result<()> {
    line(out, c)
}

/// One value on a line. Generic over the writer: into a byte buffer (claims are rendered on the
/// workers), serde's many small writes then need no dynamic call.
fn line<W: Write + ?Sized>(out: &mut W, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Where a claim was read: the document's id and metadata, without its path or text.
#[derive(Serialize)]
pub struct SourceRef<'a> {
    /// The document's id.
    pub doc: &'a str,
    /// Outlet, when known.
    pub outlet: Option<&'a str>,
    /// Headline, when known.
    pub title: Option<&'a str>,
    /// Publication date, when known.
    pub published: Option<&'a str>,
    /// Article address, when known.
    pub url: Option<&'a str>,
}

impl<'a> SourceRef<'a> {
    /// The source of document `id` (only the id when the report lacks it).
    pub fn of(doc: Option<&'a Document>, id: &'a str) -> Self {
        SourceRef {
            doc: id,
            outlet: doc.and_then(|d| d.outlet.as_deref()),
            title: doc.and_then(|d| d.title.as_deref()),
            published: doc.and_then(|d| d.published.as_deref()),
            url: doc.and_then(|d| d.url.as_deref()),
        }
    }
}

#[derive(Serialize)]
struct SourcedClaim<'a> {
    #[serde(flatten)]
    claim: &'a Claim,
    source: SourceRef<'a>,
}

#[derive(Serialize)]
struct FindingLine<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    event_detail: Option<&'a Event>,
    a_claims: Vec<SourcedClaim<'a>>,
    b_claims: Vec<SourcedClaim<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    review: Option<&'a Review>,
}

/// Writes the view of the report as JSON Lines.
pub fn write(out: &mut dyn Write, r: &Report, view: View, reviews: &Reviews) -> io::Result<()> {
    match view {
        View::Claims => r.claims.iter().try_for_each(|c| line(out, c)),
        View::Events => r.events.iter().try_for_each(|e| line(out, e)),
        View::Findings => findings(out, r, reviews),
    }
}

fn findings(out: &mut dyn Write, r: &Report, reviews: &Reviews) -> io::Result<()> {
    let claims: HashMap<&str, &Claim> = r.claims.iter().map(|c| (c.id.as_str(), c)).collect();
    let docs: HashMap<&str, &Document> = r.documents.iter().map(|d| (d.id.as_str(), d)).collect();
    let events: HashMap<&str, &Event> = r.events.iter().map(|e| (e.id.as_str(), e)).collect();
    let inline = |ids: &[String]| -> Vec<SourcedClaim> {
        ids.iter()
            .filter_map(|id| claims.get(id.as_str()).copied())
            .map(|c| SourcedClaim {
                claim: c,
                source: SourceRef::of(docs.get(c.doc.as_str()).copied(), &c.doc),
            })
            .collect()
    };
    for f in &r.findings {
        let l = FindingLine {
            finding: f,
            event_detail: f.event.as_deref().and_then(|e| events.get(e).copied()),
            a_claims: inline(&f.a.claims),
            b_claims: inline(&f.b.claims),
            review: review::of(reviews, f),
        };
        line(out, &l)?;
    }
    Ok(())
}
