//! Markdown for a newsroom wiki or an issue: a section per event with its findings (or claims),
//! every cell escaped so that article text cannot break the table.

use std::io::{self, Write};

use super::review::{self, Reviews};
use super::{
    View, doc_of, excerpt, parties, safe_url, source_line, table::event_header, table::summary,
};
use crate::model::{Claim, Event, Finding, Report};

/// Escapes text for a Markdown table cell.
pub fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in excerpt(s, 400).chars() {
        match c {
            '|' | '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The header of a table of claims.
const CLAIMS_HEADER: &[u8] =
    b"| document | speaker | parties | cue | stance | content |\n|---|---|---|---|---|---|\n";

/// Renders a view of the report as Markdown.
/// A reviewed finding's review follows its reason in the `why` cell.
pub fn write(out: &mut dyn Write, r: &Report, view: View, reviews: &Reviews) -> io::Result<()> {
    out.write_all(b"# claimdiff report\n\n")?;
    if view == View::Claims {
        out.write_all(CLAIMS_HEADER)?;
        for c in &r.claims {
            out.write_all(claim_row(c, true).as_bytes())?;
        }
    } else {
        for e in &r.events {
            write_event(out, r, e, view, reviews)?;
        }
    }
    write!(out, "\n{}", summary(r))?;
    Ok(())
}

/// One event's section: its findings, or its claims (an event without findings has no section
/// in the findings view).
fn write_event(
    out: &mut dyn Write,
    r: &Report,
    e: &Event,
    view: View,
    reviews: &Reviews,
) -> io::Result<()> {
    let fs: Vec<&Finding> = r
        .findings
        .iter()
        .filter(|f| f.event.as_deref() == Some(&e.id))
        .collect();
    if view == View::Findings && fs.is_empty() {
        return Ok(());
    }
    writeln!(out, "## {}\n", cell(&event_header(e)))?;
    if view == View::Findings {
        out.write_all(b"| kind | side A | side B | score | why |\n|---|---|---|---|---|\n")?;
        for f in fs {
            writeln!(
                out,
                "| {} | {} | {} | {:.2} | {} |",
                f.kind.name(),
                side_cell(r, &f.a.claims, &f.a.parties),
                side_cell(r, &f.b.claims, &f.b.parties),
                f.score,
                why_cell(f, reviews)
            )?;
        }
    } else {
        out.write_all(CLAIMS_HEADER)?;
        for c in r
            .claims
            .iter()
            .filter(|c| c.event.as_deref() == Some(&e.id))
        {
            out.write_all(claim_row(c, true).as_bytes())?;
        }
    }
    writeln!(out)
}

/// A finding's reason, and its review when it has one.
fn why_cell(f: &Finding, reviews: &Reviews) -> String {
    match review::of(reviews, f) {
        Some(rv) => format!(
            "{}<br>**review: {}**",
            cell(&f.why),
            cell(&review::line(rv))
        ),
        None => cell(&f.why),
    }
}

/// One side of a finding: its parties, and its first claim's speaker and content with the
/// article it comes from.
fn side_cell(r: &Report, ids: &[String], p: &[String]) -> String {
    let first = ids
        .first()
        .and_then(|id| r.claims.iter().find(|c| &c.id == id));
    let Some(c) = first else {
        return format!("{}: —", parties(p));
    };
    let doc = doc_of(r, c);
    let source = cell(&source_line(doc, &c.doc));
    let link = doc
        .and_then(|d| d.url.as_deref())
        .and_then(safe_url)
        .map_or(String::new(), |u| format!(" ([article]({u}))"));
    format!(
        "{}: {}<br>— {source}{link}",
        parties(p),
        cell(&format!(
            "{} — {}",
            c.speaker.name,
            excerpt(&c.content.text, 160)
        ))
    )
}

fn claim_row(c: &Claim, with_doc: bool) -> String {
    format!(
        "| {} | {} | {} | {} | {} | {} |\n",
        if with_doc {
            cell(&c.doc)
        } else {
            String::new()
        },
        cell(&c.speaker.name),
        parties(&c.speaker.parties),
        cell(&c.cue.text),
        c.stance.name(),
        cell(&c.content.text)
    )
}
