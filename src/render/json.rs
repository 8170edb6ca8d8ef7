//! The `claimdiff/1` export as pretty JSON, with its long lists (documents, claims, events,
//! findings) serialized on every core: each element is rendered alone at its depth, a bounded
//! chunk at a time, and written in order. The bytes are those of
//! `serde_json::to_writer_pretty` on the whole report (a test and the `cmp` checks hold them
//! so); serializing on one thread after the analysis was a sixth of a report's wall time.

use std::io::{self, Write};
use std::sync::mpsc;

use rayon::prelude::*;
use serde::Serialize;

use crate::model::{Document, FORMAT, Finding, Report};

/// Elements rendered together: enough to keep every core busy, few enough (a few MB of JSON)
/// that the rendered text never approaches the size of the report.
const CHUNK: usize = 256;

/// Writes `report` as `serde_json::to_writer_pretty` would, list elements in parallel.
pub fn write_report(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    write_head(out, &report.format)?;
    write_list(out, &report.documents)?;
    write_rest(out, report)
}

/// The export's opening up to its documents' list.
fn write_head(out: &mut dyn Write, format: &str) -> io::Result<()> {
    out.write_all(b"{\n  \"format\": ")?;
    serde_json::to_writer(&mut *out, format)?;
    out.write_all(b",\n  \"documents\": ")
}

/// The export after its documents' list: claims, events and findings.
fn write_rest(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    claims_and_events(out, report)?;
    findings(out, &report.findings)
}

/// The claims' and events' lists, after the documents'.
fn claims_and_events(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    out.write_all(b",\n  \"claims\": ")?;
    write_list(out, &report.claims)?;
    out.write_all(b",\n  \"events\": ")?;
    write_list(out, &report.events)
}

/// The export written while its documents are still being read: the opening and each document
/// as it comes, then the claims and events, then [`findings`], so that a report need not keep
/// what it prints of its documents. The bytes are those of [`write_report`] on the whole report.
#[derive(Debug, Default)]
pub struct Streamed {
    documents: usize,
}

impl Streamed {
    /// Writes the next document, as rendered by [`document`].
    pub fn document(&mut self, out: &mut dyn Write, rendered: &[u8]) -> io::Result<()> {
        if self.documents == 0 {
            write_head(out, FORMAT)?;
            out.write_all(b"[\n")?;
        } else {
            out.write_all(b",\n")?;
        }
        self.documents += 1;
        out.write_all(rendered)
    }

    /// Closes the documents' list and writes the report's claims and events (not its documents,
    /// which were written one by one); [`findings`] ends the export.
    pub fn claims_and_events(self, out: &mut dyn Write, report: &Report) -> io::Result<()> {
        if self.documents == 0 {
            write_head(out, FORMAT)?;
            out.write_all(b"[]")?;
        } else {
            out.write_all(b"\n  ]")?;
        }
        claims_and_events(out, report)
    }
}

/// The end of an export after its events: the findings.
pub fn findings(out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
    out.write_all(b",\n  \"findings\": ")?;
    write_list(out, findings)?;
    out.write_all(b"\n}")
}

/// One document rendered as an element of the export's documents' list (for [`Streamed`]).
pub fn document(d: &Document) -> Result<Vec<u8>, serde_json::Error> {
    element(d)
}

/// A list that is the value of a top-level field: `[]`, or its elements one per block at
/// depth 2 and the closing bracket at depth 1.
fn write_list<T: Serialize + Sync>(out: &mut dyn Write, items: &[T]) -> io::Result<()> {
    if items.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let (tx, rx) = mpsc::sync_channel::<Result<Vec<Vec<u8>>, serde_json::Error>>(1);
    std::thread::scope(|scope| {
        // Chunks are rendered on the pool while this thread writes the one before: writing
        // (a copy into the kernel) takes about as long as rendering on both cores.
        scope.spawn(move || {
            for chunk in items.chunks(CHUNK) {
                let rendered = chunk.par_iter().map(element).collect();
                if tx.send(rendered).is_err() {
                    return;
                }
            }
        });
        let mut first = true;
        for rendered in rx {
            for r in &rendered? {
                out.write_all(if first { b"\n" } else { b",\n" })?;
                out.write_all(r)?;
                first = false;
            }
        }
        out.write_all(b"\n  ]")
    })
}

/// One element rendered pretty at depth 2, as `to_writer_pretty` renders it inside the report.
fn element<T: Serialize>(item: &T) -> Result<Vec<u8>, serde_json::Error> {
    let mut out = Vec::with_capacity(2048);
    out.extend_from_slice(b"    ");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, Indented::at(2));
    item.serialize(&mut ser)?;
    Ok(out)
}

/// serde_json's pretty layout (two spaces a level) starting at a given depth, so that an
/// element is rendered in place with no second pass to indent it.
struct Indented {
    depth: usize,
    has_value: bool,
}

impl Indented {
    fn at(depth: usize) -> Indented {
        Indented {
            depth,
            has_value: false,
        }
    }

    fn indent<W: ?Sized + Write>(&self, w: &mut W) -> io::Result<()> {
        for _ in 0..self.depth {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _w: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Paths;
    use crate::rules::RuleSet;

    fn same_as_one_thread(report: &Report) {
        let mut out = Vec::new();
        write_report(&mut out, report).unwrap();
        let expected = serde_json::to_string_pretty(report).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
        // the same bytes when the documents are written one by one before the rest
        let mut streamed = Streamed::default();
        let mut out = Vec::new();
        for d in &report.documents {
            streamed.document(&mut out, &document(d).unwrap()).unwrap();
        }
        let rest = Report {
            documents: Vec::new(),
            ..report.clone()
        };
        streamed.claims_and_events(&mut out, &rest).unwrap();
        findings(&mut out, &rest.findings).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn matches_the_one_thread_serializer() {
        same_as_one_thread(&Report::default());
        let rules = RuleSet::embedded().unwrap();
        let paths = ["seeds".into()];
        let source = Paths {
            paths: &paths,
            options: Default::default(),
        };
        let mut report = crate::analyze(source, &rules, &mut |_| {});
        assert!(!report.claims.is_empty() && !report.events.is_empty());
        same_as_one_thread(&report);
        // more documents than a chunk, with characters that JSON escapes
        report.documents = (0..CHUNK + 3)
            .map(|k| Document {
                id: format!("d{k}"),
                title: Some("a \"title\"\nwith a line end".to_string()),
                ..Document::default()
            })
            .collect();
        same_as_one_thread(&report);
    }
}
