//! Terminal tables (comfy-table): claims per document, events with their claims, and findings per
//! event with a summary line. Cells are wrapped to the terminal width, and every cell's text on
//! every line is wrapped in Unicode isolates (FSI … PDI) after layout: in a terminal that applies
//! the bidirectional algorithm, a row whose cells are all Arabic would otherwise be one
//! right-to-left run across the column separators, and side B's quote would show under side A.

use comfy_table::{
    Attribute, Cell, Color, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED,
};

use std::io::{self, Write};

use super::review::{self, Reviews};
use super::{View, doc_of, excerpt, parties, source_line, strip_bidi};
use crate::model::{Claim, ConflictKind, Event, EventFormat, Finding, Report};

/// First strong isolate: the text up to PDI takes its own direction and cannot reorder its
/// neighbours.
const FSI: char = '\u{2068}';
/// Pop directional isolate.
const PDI: char = '\u{2069}';
/// The column separators of the table style; never let through from article text.
const SEPARATORS: [char; 2] = ['│', '┆'];

fn table(width: u16, header: &[&str], color: bool) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(width)
        .set_header(header.to_vec());
    if color {
        t.enforce_styling();
    } else {
        t.force_no_tty();
    }
    t
}

/// Writes a laid-out table with each cell's text isolated, line by line.
fn put(out: &mut dyn Write, t: &Table) -> io::Result<()> {
    writeln!(out, "{}", isolate_cells(&t.to_string()))
}

/// Wraps the text of every cell on every line of a rendered table in FSI … PDI.
pub fn isolate_cells(rendered: &str) -> String {
    let mut out = String::with_capacity(rendered.len() + rendered.len() / 8);
    for (i, line) in rendered.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if !line.starts_with(SEPARATORS[0]) {
            out.push_str(line);
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find(SEPARATORS) {
            let (cell, tail) = rest.split_at(at);
            isolate(&mut out, cell);
            let sep = tail.chars().next().expect("a separator");
            out.push(sep);
            rest = &tail[sep.len_utf8()..];
        }
        isolate(&mut out, rest);
    }
    out
}

fn isolate(out: &mut String, cell: &str) {
    let text = cell.trim();
    if text.is_empty() {
        out.push_str(cell);
        return;
    }
    let lead = cell.len() - cell.trim_start().len();
    let trail = cell.trim_end().len();
    out.push_str(&cell[..lead]);
    out.push(FSI);
    out.push_str(text);
    out.push(PDI);
    out.push_str(&cell[trail..]);
}

/// Article text made safe for a cell: no bidi controls, no column separators.
fn clean(s: &str) -> String {
    strip_bidi(s).replace(SEPARATORS, "|")
}

/// Renders a view of the report as tables (`color`: kinds and scores in colour); a reviewed
/// finding shows its review under its kind.
pub fn write(
    out: &mut dyn Write,
    r: &Report,
    view: View,
    width: u16,
    color: bool,
    reviews: &Reviews,
) -> io::Result<()> {
    match view {
        View::Claims => claims(out, r, width, color),
        View::Events => events(out, r, width, color),
        View::Findings => findings(out, r, width, color, reviews),
    }
}

fn claim_rows(t: &mut Table, claims: &[&Claim]) {
    for c in claims {
        t.add_row(vec![
            format!(
                "{}\n{}",
                clean(&c.speaker.name),
                parties(&c.speaker.parties)
            ),
            clean(&c.cue.text),
            c.stance.name().to_string(),
            clean(&excerpt(&c.content.text, 220)),
        ]);
    }
}

fn claims(out: &mut dyn Write, r: &Report, width: u16, color: bool) -> io::Result<()> {
    for d in &r.documents {
        let cs: Vec<&Claim> = r.claims.iter().filter(|c| c.doc == d.id).collect();
        writeln!(
            out,
            "{} — {} — {} claim(s)",
            clean(&d.id),
            source_line(Some(d), &d.id),
            cs.len()
        )?;
        if cs.is_empty() {
            continue;
        }
        let mut t = table(width, &["speaker", "cue", "stance", "content"], color);
        claim_rows(&mut t, &cs);
        put(out, &t)?;
        writeln!(out)?;
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
        e.format.map_or("—", EventFormat::name),
        e.status.name()
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

fn events(out: &mut dyn Write, r: &Report, width: u16, color: bool) -> io::Result<()> {
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
            let mut t = table(width, &["speaker", "cue", "stance", "content"], color);
            claim_rows(&mut t, &cs);
            put(out, &t)?;
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

/// A side of a finding: who, the first claim's words, where it was read (outlet or document,
/// title, date, document id), and how many claims and documents the side has.
fn side_cell(r: &Report, ids: &[String], speakers: &[String], p: &[String]) -> String {
    let claims: Vec<&Claim> = ids
        .iter()
        .filter_map(|id| r.claims.iter().find(|c| &c.id == id))
        .collect();
    let mut docs: Vec<&str> = claims.iter().map(|c| c.doc.as_str()).collect();
    docs.sort_unstable();
    docs.dedup();
    let (text, source) = claims.first().map_or((String::new(), String::new()), |c| {
        let mut source = format!("— {}", source_line(doc_of(r, c), &c.doc));
        if docs.len() > 1 {
            source.push_str(&format!(" +{} more document(s)", docs.len() - 1));
        }
        (excerpt(&c.content.text, 160), source)
    });
    clean(&format!(
        "{} — {}\n{}\n{}\n({} claim(s))",
        parties(p),
        speakers.join(", "),
        text,
        source,
        ids.len()
    ))
}

fn kind_cell(k: ConflictKind, color: bool) -> Cell {
    let cell = Cell::new(k.name());
    if !color {
        return cell;
    }
    let c = match k {
        ConflictKind::Denial | ConflictKind::FactualConflict => Color::Red,
        ConflictKind::Contradiction | ConflictKind::NumericConflict => Color::Magenta,
        ConflictKind::OpposingEvaluation => Color::Yellow,
        ConflictKind::DivergentAccount => Color::Cyan,
    };
    cell.fg(c).add_attribute(Attribute::Bold)
}

fn score_cell(score: f64, color: bool) -> Cell {
    let cell = Cell::new(format!("{score:.2}"));
    match (color, score) {
        (false, _) => cell,
        (true, s) if s >= 0.8 => cell.fg(Color::Red).add_attribute(Attribute::Bold),
        (true, s) if s >= 0.5 => cell.fg(Color::Yellow),
        (true, _) => cell.add_attribute(Attribute::Dim),
    }
}

fn findings(
    out: &mut dyn Write,
    r: &Report,
    width: u16,
    color: bool,
    reviews: &Reviews,
) -> io::Result<()> {
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
        let mut t = table(width, &["kind", "side A", "side B", "score"], color);
        for f in fs {
            let kind = match review::of(reviews, f) {
                Some(rv) => Cell::new(format!(
                    "{}\n\nreview: {}",
                    f.kind.name(),
                    clean(&review::line(rv))
                )),
                None => kind_cell(f.kind, color),
            };
            t.add_row(vec![
                kind,
                Cell::new(side_cell(r, &f.a.claims, &f.a.speakers, &f.a.parties)),
                Cell::new(side_cell(r, &f.b.claims, &f.b.speakers, &f.b.parties)),
                score_cell(f.score, color),
            ]);
        }
        put(out, &t)?;
        writeln!(out)?;
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
