//! Terminal tables (comfy-table): claims per document, events with their claims, and findings per
//! event with a summary line. Cells are wrapped to the terminal width.

use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use std::io::{self, Write};

use super::{View, excerpt, parties, strip_bidi};
use crate::model::{Claim, Event, Finding, Report};

fn table(width: u16, header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(header.to_vec());
    t
}

/// Renders a view of the report as tables.
pub fn write(out: &mut dyn Write, r: &Report, view: View, width: u16) -> io::Result<()> {
    match view {
        View::Claims => claims(out, r, width),
        View::Events => events(out, r, width),
        View::Findings => findings(out, r, width),
    }
}

fn claim_rows(t: &mut Table, claims: &[&Claim]) {
    for c in claims {
        t.add_row(vec![
            format!(
                "{}\n{}",
                strip_bidi(&c.speaker.name),
                parties(&c.speaker.parties)
            ),
            strip_bidi(&c.cue.text),
            c.stance.name().to_string(),
            excerpt(&c.content.text, 220),
        ]);
    }
}

fn claims(out: &mut dyn Write, r: &Report, width: u16) -> io::Result<()> {
    for d in &r.documents {
        let cs: Vec<&Claim> = r.claims.iter().filter(|c| c.doc == d.id).collect();
        writeln!(out, "{} — {} claim(s)", strip_bidi(&d.id), cs.len())?;
        if cs.is_empty() {
            continue;
        }
        let mut t = table(width, &["speaker", "cue", "stance", "content"]);
        claim_rows(&mut t, &cs);
        writeln!(out, "{t}\n")?;
    }
    writeln!(
        out,
        "{} claim(s) in {} document(s)",
        r.claims.len(),
        r.documents.len()
    )?;
    Ok(())
}

/// A one-line description of an event: where, when, who, level, format, status.
pub fn event_header(e: &Event) -> String {
    format!(
        "{} — {} | {} | {} | level: {} | format: {} | {}",
        e.id,
        e.location.as_deref().unwrap_or("place unknown"),
        e.date.as_deref().unwrap_or("date unknown"),
        parties(&e.parties),
        if e.level.is_empty() {
            "—".to_string()
        } else {
            e.level.join(", ")
        },
        e.format.as_deref().unwrap_or("—"),
        e.status
    )
}

fn docs_of(r: &Report, e: &Event) -> usize {
    let mut d: Vec<&str> = e.mentions.iter().map(|m| m.doc.as_str()).collect();
    d.extend(
        r.claims
            .iter()
            .filter(|c| c.event.as_deref() == Some(&e.id))
            .map(|c| c.doc.as_str()),
    );
    d.sort();
    d.dedup();
    d.len()
}

fn events(out: &mut dyn Write, r: &Report, width: u16) -> io::Result<()> {
    for e in &r.events {
        let cs: Vec<&Claim> = r
            .claims
            .iter()
            .filter(|c| c.event.as_deref() == Some(&e.id))
            .collect();
        writeln!(
            out,
            "{}\n  {} claim(s) from {} document(s)",
            event_header(e),
            cs.len(),
            docs_of(r, e)
        )?;
        if !cs.is_empty() {
            let mut t = table(width, &["speaker", "cue", "stance", "content"]);
            claim_rows(&mut t, &cs);
            writeln!(out, "{t}")?;
        }
        writeln!(out)?;
    }
    let none = r.claims.iter().filter(|c| c.event.is_none()).count();
    writeln!(
        out,
        "{} event(s); {} claim(s) about no meeting",
        r.events.len(),
        none
    )?;
    Ok(())
}

fn side_cell(r: &Report, ids: &[String], speakers: &[String], p: &[String]) -> String {
    let first = ids
        .first()
        .and_then(|id| r.claims.iter().find(|c| &c.id == id));
    let text = first.map_or(String::new(), |c| excerpt(&c.content.text, 160));
    format!(
        "{} — {}\n{}\n({} claim(s))",
        parties(p),
        strip_bidi(&speakers.join(", ")),
        text,
        ids.len()
    )
}

fn findings(out: &mut dyn Write, r: &Report, width: u16) -> io::Result<()> {
    let mut keys: Vec<Option<&str>> = r.findings.iter().map(|f| f.event.as_deref()).collect();
    keys.dedup();
    for key in keys {
        let fs: Vec<&Finding> = r
            .findings
            .iter()
            .filter(|f| f.event.as_deref() == key)
            .collect();
        match key.and_then(|k| r.events.iter().find(|e| e.id == k)) {
            Some(e) => writeln!(out, "{}", event_header(e))?,
            None => out.write_all("claims about no meeting\n".as_bytes())?,
        }
        let mut t = table(width, &["kind", "side A", "side B", "score"]);
        for f in fs {
            t.add_row(vec![
                f.kind.name().to_string(),
                side_cell(r, &f.a.claims, &f.a.speakers, &f.a.parties),
                side_cell(r, &f.b.claims, &f.b.speakers, &f.b.parties),
                format!("{:.2}", f.score),
            ]);
        }
        writeln!(out, "{t}\n")?;
    }
    out.write_all(summary(r).as_bytes())?;
    Ok(())
}

/// The summary line of a report.
pub fn summary(r: &Report) -> String {
    format!(
        "{} finding(s) in {} event(s); {} claim(s) from {} document(s)\n",
        r.findings.len(),
        r.events.len(),
        r.claims.len(),
        r.documents.len()
    )
}
