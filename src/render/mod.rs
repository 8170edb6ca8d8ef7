//! Output formats: one renderer per format, all reading the same [`Report`] and writing to an
//! [`io::Write`]. Nothing in extraction or comparison knows about output.

pub mod html;
pub mod json;
pub mod jsonl;
pub mod markdown;
pub mod review;
pub mod table;

use std::io::{self, Write};

use crate::model::{Claim, Document, Report};

pub use review::{Review, Reviews};

pub use jsonl::write_jsonl;

/// An output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Tables for a terminal.
    Table,
    /// The whole `claimdiff/1` export.
    Json,
    /// One JSON object per line: a claim, an event or a finding (with its event and claims
    /// inline), by view.
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
    write_styled(out, report, format, view, width, false)
}

/// As [`write`], with terminal colours for the table's kinds and scores when `color` is set.
pub fn write_styled(
    out: &mut dyn Write,
    report: &Report,
    format: Format,
    view: View,
    width: u16,
    color: bool,
) -> io::Result<()> {
    write_reviewed(out, report, &Reviews::new(), format, view, width, color)
}

/// As [`write_styled`], showing each finding's review (from `claimdiff serve`'s store) in every
/// format; the JSON formats carry it as the finding's `review`.
pub fn write_reviewed(
    out: &mut dyn Write,
    report: &Report,
    reviews: &Reviews,
    format: Format,
    view: View,
    width: u16,
    color: bool,
) -> io::Result<()> {
    match format {
        Format::Json => write_json(out, report, reviews),
        Format::Jsonl => jsonl::write(out, report, view, reviews),
        Format::Table => table::write(out, report, view, width, color, reviews),
        Format::Markdown => markdown::write(out, report, view, reviews),
        Format::Html => html::write(out, report, reviews),
    }
}

/// The whole `claimdiff/1` export, serialized straight to `out` (it can be large).
fn write_json(out: &mut dyn Write, report: &Report, reviews: &Reviews) -> io::Result<()> {
    // a concrete buffer in front of the dyn writer: serde writes many small pieces
    let mut buf = io::BufWriter::with_capacity(1 << 20, out);
    if reviews.is_empty() {
        json::write_report(&mut buf, report)?;
    } else {
        serde_json::to_writer_pretty(&mut buf, &review::Reviewed::new(report, reviews))?;
    }
    buf.write_all(b"\n")?;
    buf.flush()
}

/// Where a claim was read, in words: outlet (or document id), title, date, and the document id
/// after an outlet, as "Outlet · “Title” · 2023-04-25 · doc-id". Never a local path.
pub fn source_line(doc: Option<&Document>, id: &str) -> String {
    let Some(d) = doc else {
        return strip_bidi(id);
    };
    let outlet = d.outlet.as_deref().filter(|o| !o.trim().is_empty());
    let mut parts = vec![strip_bidi(outlet.unwrap_or(&d.id))];
    if let Some(t) = d.title.as_deref().filter(|t| !t.trim().is_empty()) {
        parts.push(format!("“{}”", excerpt(t, 80)));
    }
    parts.push(d.published.as_deref().map_or("undated".into(), strip_bidi));
    if outlet.is_some() {
        parts.push(strip_bidi(&d.id));
    }
    parts.join(" · ")
}

/// An article address that is safe to make a link of: `http` or `https` only (a `javascript:`
/// address from metadata must never become clickable), with the characters that could end a
/// Markdown link or table cell percent-encoded.
pub fn safe_url(url: &str) -> Option<String> {
    let u = url.trim();
    let lower = u.to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return None;
    }
    let mut out = String::with_capacity(u.len());
    for c in strip_bidi(u).chars() {
        match c {
            ' ' | '(' | ')' | '<' | '>' | '|' | '"' | '\'' | '`' | '[' | ']' | '\\' => {
                out.push_str(&format!("%{:02X}", c as u32));
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    Some(out)
}

/// The document a claim comes from.
pub fn doc_of<'a>(r: &'a Report, c: &Claim) -> Option<&'a Document> {
    r.documents.iter().find(|d| d.id == c.doc)
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
