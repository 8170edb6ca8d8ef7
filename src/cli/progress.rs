//! Progress on standard error, drawn only when it is a terminal (and not with `--quiet`): a bar
//! with bytes and percent when the inputs' sizes are known (files and folders; a JSON Lines
//! corpus advances by its mean line size), a spinner with a count for standard input; then one
//! summary line. Input problems are printed above the bar. Also counts what was read, so the
//! caller can tell "some input skipped" from "nothing could be read".

use std::collections::HashMap;
use std::io::{BufRead, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use indicatif::{HumanBytes, ProgressBar, ProgressDrawTarget, ProgressStyle};

use claimdiff::corpus::Problem;
use claimdiff::model::{Document, Report};

/// The bar's look when the total is known.
const BAR: &str = "{bar:30.cyan/blue} {bytes}/{total_bytes} {percent:>3}% · {pos} docs · {elapsed} (eta {eta}) {msg}";
/// The look for standard input, whose size is unknown.
const SPINNER: &str = "{spinner} {pos} documents · {elapsed} {msg}";

/// Progress of one run, and what it has seen.
pub(super) struct Progress {
    bar: ProgressBar,
    quiet: bool,
    drawn: bool,
    /// Bytes each document of a file stands for, by the path the documents carry.
    per_doc: HashMap<String, u64>,
    start: Instant,
    /// Documents read.
    pub(super) docs: usize,
    /// Whether any document was skipped.
    pub(super) skipped: bool,
}

impl Progress {
    /// Progress over these inputs (sized only when it will be drawn).
    pub(super) fn new(inputs: &[PathBuf], quiet: bool) -> Self {
        let drawn = !quiet && std::io::stderr().is_terminal();
        let mut p = Progress {
            bar: ProgressBar::hidden(),
            quiet,
            drawn,
            per_doc: HashMap::new(),
            start: Instant::now(),
            docs: 0,
            skipped: false,
        };
        if !drawn {
            return p;
        }
        let total = p.size_inputs(inputs);
        let (bar, template) = match total {
            Some(n) => (ProgressBar::new(n), BAR),
            None => (ProgressBar::new_spinner(), SPINNER),
        };
        bar.set_draw_target(ProgressDrawTarget::stderr());
        bar.set_style(ProgressStyle::with_template(template).expect("a valid template"));
        bar.enable_steady_tick(Duration::from_millis(120));
        p.bar = bar;
        p
    }

    /// The inputs' total size in bytes (`None` when standard input is among them), noting how
    /// many bytes each of a file's documents stands for.
    fn size_inputs(&mut self, inputs: &[PathBuf]) -> Option<u64> {
        let mut total = 0;
        for input in inputs {
            if input.as_os_str() == "-" {
                return None;
            }
            for file in claimdiff::corpus::expand(input).0 {
                let size = std::fs::metadata(&file).map_or(0, |m| m.len());
                total += size;
                let per = if is_jsonl(&file) {
                    size / lines(&file).max(1)
                } else {
                    size
                };
                self.per_doc.insert(file.display().to_string(), per);
            }
        }
        Some(total)
    }

    /// One document done.
    pub(super) fn doc(&mut self, d: &Document) {
        self.docs += 1;
        if self.drawn {
            let step = self.per_doc.get(&d.path).copied().unwrap_or(1);
            self.bar
                .inc(if self.bar.length().is_some() { step } else { 1 });
        }
    }

    /// Reports an input problem on standard error (notes only without `--quiet`).
    pub(super) fn problem(&mut self, p: &Problem) {
        if p.skipped || !self.quiet {
            self.bar.suspend(|| eprintln!("claimdiff: {p}"));
        }
        self.skipped |= p.skipped;
    }

    /// Whether input was named but none of it could be read.
    pub(super) fn nothing_read(&self) -> bool {
        self.docs == 0 && self.skipped
    }

    /// Clears the bar and, when it was drawn, prints the summary line.
    pub(super) fn finish(&self, report: Option<&Report>) {
        self.bar.finish_and_clear();
        if self.drawn {
            let bytes = self.bar.length().map(|_| self.bar.position());
            eprintln!(
                "claimdiff: {}",
                summary(self.docs, bytes, self.start.elapsed(), report)
            );
        }
    }
}

/// "5 documents (12.3 KiB) in 0.4s: 49 claims, 14 events, 7 findings".
pub(super) fn summary(
    docs: usize,
    bytes: Option<u64>,
    took: Duration,
    report: Option<&Report>,
) -> String {
    let size = bytes.map_or(String::new(), |b| format!(" ({})", HumanBytes(b)));
    let mut line = format!("{docs} document(s){size} in {:.1}s", took.as_secs_f64());
    if let Some(r) = report {
        line.push_str(&format!(
            ": {} claim(s), {} event(s), {} finding(s)",
            r.claims.len(),
            r.events.len(),
            r.findings.len()
        ));
    }
    line
}

fn is_jsonl(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"))
}

fn lines(p: &Path) -> u64 {
    std::fs::File::open(p).map_or(1, |f| {
        std::io::BufReader::new(f)
            .split(b'\n')
            .filter(|l| l.as_ref().is_ok_and(|l| !l.is_empty()))
            .count() as u64
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_templates_are_valid() {
        ProgressStyle::with_template(BAR).expect("bar");
        ProgressStyle::with_template(SPINNER).expect("spinner");
    }

    #[test]
    fn the_summary_names_size_time_and_counts() {
        let r = Report::default();
        let s = summary(5, Some(2048), Duration::from_millis(420), Some(&r));
        assert_eq!(
            s,
            "5 document(s) (2.00 KiB) in 0.4s: 0 claim(s), 0 event(s), 0 finding(s)"
        );
        assert_eq!(
            summary(1, None, Duration::ZERO, None),
            "1 document(s) in 0.0s"
        );
    }
}
