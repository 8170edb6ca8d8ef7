//! Output formats: one renderer per format, all reading the same [`Report`]. Nothing in
//! extraction or comparison knows about output.

pub mod html;
pub mod markdown;
pub mod table;

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

/// Renders a report in a format; `width` is the terminal width for tables.
pub fn render(report: &Report, format: Format, view: View, width: u16) -> String {
    match format {
        Format::Json => serde_json::to_string_pretty(report).expect("a report serializes") + "\n",
        Format::Jsonl => report.claims.iter().map(jsonl_line).collect(),
        Format::Table => table::render(report, view, width),
        Format::Markdown => markdown::render(report, view),
        Format::Html => html::render(report),
    }
}

/// One claim as a JSON line.
pub fn jsonl_line(c: &Claim) -> String {
    serde_json::to_string(c).expect("a claim serializes") + "\n"
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
