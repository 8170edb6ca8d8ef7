//! The test kit every test binary shares: the built-in rules, compiled once per test binary, and
//! the library's one pipeline ([`claimdiff::analyze`]) run on a text, on documents in memory or on
//! a folder, with the report rendered to a string. Not every binary uses every helper.
#![allow(dead_code)]

use std::sync::LazyLock;

use claimdiff::corpus::{Input, Paths, Problem};
use claimdiff::model::{Document, Report};
use claimdiff::render::{self, Format, View};
use claimdiff::rules::RuleSet;
use claimdiff::{Step, analyze};

/// The built-in rules.
pub static RULES: LazyLock<RuleSet> =
    LazyLock::new(|| RuleSet::embedded().expect("built-in rules load"));

/// A document `id` with `text` (language detected).
pub fn input(id: &str, text: &str) -> Input {
    Input {
        doc: Document {
            id: id.into(),
            path: id.into(),
            ..Default::default()
        },
        text: text.into(),
    }
}

/// Analyses `text` as document `t`, in `language` when given (else detected).
pub fn analyze_in(text: &str, language: Option<&str>) -> Report {
    let mut doc = input("t", text);
    doc.doc.language = language.map(Into::into);
    report(vec![doc])
}

/// Analyses `text` as document `t`, its language detected.
pub fn analyze_text(text: &str) -> Report {
    analyze_in(text, None)
}

/// Analyses `text` as an English document `t`.
pub fn analyze_en(text: &str) -> Report {
    analyze_in(text, Some("en"))
}

/// The report of documents in memory, with the built-in rules.
pub fn report(inputs: Vec<Input>) -> Report {
    report_with(inputs, &RULES)
}

/// The report of documents in memory, with `rules`.
pub fn report_with(inputs: Vec<Input>, rules: &RuleSet) -> Report {
    analyze(inputs, rules, &mut |_| {})
}

/// The report of a file or folder, with the problems met reading it and the number of documents.
pub fn report_of_path(path: &str) -> (Report, Vec<Problem>, usize) {
    let paths = [path.into()];
    let source = Paths {
        paths: &paths,
        options: Default::default(),
    };
    let (mut problems, mut docs) = (Vec::new(), 0);
    let report = analyze(source, &RULES, &mut |step| match step {
        Step::Doc(_) => docs += 1,
        Step::Problem(p) => problems.push(p),
    });
    (report, problems, docs)
}

/// A report rendered as the command line would write it.
pub fn rendered(report: &Report, format: Format, view: View, width: u16) -> String {
    let mut out = Vec::new();
    render::write(&mut out, report, format, view, width).expect("writing to memory");
    String::from_utf8(out).expect("renderers write UTF-8")
}

/// The `claimdiff` binary, ready to run.
pub fn claimdiff() -> assert_cmd::Command {
    assert_cmd::Command::cargo_bin("claimdiff").expect("the binary builds")
}
