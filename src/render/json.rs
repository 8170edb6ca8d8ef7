//! The `claimdiff/1` export as pretty JSON, with its long lists (documents, claims, events,
//! findings) serialized on every core: each element is rendered alone and indented to its depth,
//! a bounded chunk at a time, and written in order. The bytes are those of
//! `serde_json::to_writer_pretty` on the whole report (a test and the `cmp` checks hold them
//! so); serializing on one thread after the analysis was a sixth of a report's wall time.

use std::io::{self, Write};
use std::sync::mpsc;

use rayon::prelude::*;
use serde::Serialize;

use crate::model::Report;

/// Elements rendered together: enough to keep every core busy, few enough (a few MB of JSON)
/// that the rendered text never approaches the size of the report.
const CHUNK: usize = 1024;

/// Writes `report` as `serde_json::to_writer_pretty` would, list elements in parallel.
pub fn write_report(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    out.write_all(b"{\n  \"format\": ")?;
    serde_json::to_writer(&mut *out, &report.format)?;
    out.write_all(b",\n  \"documents\": ")?;
    write_list(out, &report.documents)?;
    out.write_all(b",\n  \"claims\": ")?;
    write_list(out, &report.claims)?;
    out.write_all(b",\n  \"events\": ")?;
    write_list(out, &report.events)?;
    out.write_all(b",\n  \"findings\": ")?;
    write_list(out, &report.findings)?;
    out.write_all(b"\n}")
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

/// One element rendered pretty at depth 2: every line indented by four more spaces. A raw line
/// end only ever stands between tokens (a string's own line ends are escaped), so indenting
/// after each one is exact.
fn element<T: Serialize>(item: &T) -> Result<Vec<u8>, serde_json::Error> {
    let mut alone = Vec::with_capacity(2048);
    serde_json::to_writer_pretty(&mut alone, item)?;
    let lines = alone.iter().filter(|&&b| b == b'\n').count();
    let mut out = Vec::with_capacity(alone.len() + 4 * (lines + 1));
    out.extend_from_slice(b"    ");
    for line in alone.split_inclusive(|&b| b == b'\n') {
        out.extend_from_slice(line);
        if line.ends_with(b"\n") {
            out.extend_from_slice(b"    ");
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Paths;
    use crate::model::Document;
    use crate::rules::RuleSet;

    fn same_as_one_thread(report: &Report) {
        let mut out = Vec::new();
        write_report(&mut out, report).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            serde_json::to_string_pretty(report).unwrap()
        );
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
