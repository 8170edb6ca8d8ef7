//! Output formats: one renderer per format, all reading the same [`Report`] and writing to an
//! [`io::Write`]. Nothing in extraction or comparison knows about output.

pub mod html;
pub mod markdown;
pub mod table;

use std::io::{self, Write};

use crate::model::{Claim, Report};

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for a terminal.
    Table,
    /// The whole `claimdiff/1` export.
    Json,
    /// One claim per line.
    Jsonl,
    /// Markdown.
    Markdown,
    /// One self-contained HTML page.
    Html,
}

/// What a report view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// Claims per document.
    Claims,
    /// Events with their claims.
    Events,
    /// Findings per event.
    Findings,
}

/// Writes a report in a format to `out`; `width` is the terminal width for tables.
pub fn write(
    out: &mut dyn Write,
    report: &Report,
    format: Format,
    view: View,
    width: u16,
) -> io::Result<()> {
    match format {
        Format::Json => write_json(out, report),
        Format::Jsonl => report.claims.iter().try_for_each(|c| write_jsonl(out, c)),
        Format::Table => table::write(out, report, view, width),
        Format::Markdown => markdown::write(out, report, view),
        Format::Html => html::write(out, report),
    }
}

/// The whole `claimdiff/1` export, serialized straight to `out` (it can be large).
fn write_json(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    // a concrete buffer in front of the dyn writer: serde writes many small pieces
    let mut buf = io::BufWriter::with_capacity(1 << 20, out);
    serde_json::to_writer_pretty(&mut buf, report)?;
    buf.write_all(b"\n")?;
    buf.flush()
}

/// One claim as a JSON line.
pub fn write_jsonl(out: &mut dyn Write, c: &Claim) -> io::Result<()> {
    serde_json::to_writer(&mut *out, c)?;
    out.write_all(b"\n")
}

/// Removes bidirectional control characters, so that article text cannot reorder a table or page.
pub fn strip_bidi(s: &str) -> String {
    s.chars().filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')).collect()
}

/// A short excerpt of at most `n` characters, on one line.
pub fn excerpt(s: &str, n: usize) -> String {
    let flat: String = strip_bidi(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if flat.chars().count() <= n {
        return flat;
    }
    let cut: String = flat.chars().take(n.saturating_sub(1)).collect();
    format!("{cut}…")
}

/// Parties as "RU, TR" (or "—" for none).
pub fn parties(p: &[String]) -> String {
    if p.is_empty() {
        "—".to_string()
    } else {
        p.join(", ")
    }
}
