//! What each subcommand does, in terms of the library: load the rules, stream the input through
//! [`claimdiff::analyze`] (or [`claimdiff::analyze_each`]), write what the renderer makes of it,
//! and turn the outcome into an exit status. Problems with the input go to standard error as they
//! are met, under a progress bar when standard error is a terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use claimdiff::corpus::{Options, Paths};
use claimdiff::model::Report;
use claimdiff::pairs::PairRules;
use claimdiff::pipeline::examples;
use claimdiff::render::{self, View};
use claimdiff::rules::RuleSet;
use claimdiff::{DocResult, Step, eval};

use super::args::{EvalArgs, Format, InputArgs, ReportArgs, RunArgs};
use super::output;

/// Loads the rules of `dir`, or the built-in ones; every error in one message.
pub(super) fn load_rules(dir: &Option<PathBuf>) -> Result<RuleSet> {
    let result = match dir {
        Some(d) => RuleSet::from_dir(d),
        None => RuleSet::embedded(),
    };
    result.map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        anyhow!(
            "the rules have {} error(s):\n{}",
            errors.len(),
            lines.join("\n")
        )
    })
}

/// `rules check`: loads a rules folder and runs every example it carries.
pub(super) fn rules_check(dir: Option<PathBuf>) -> Result<ExitCode> {
    let shown = dir
        .as_ref()
        .map_or("built-in rules".to_string(), |d| d.display().to_string());
    let rules = load_rules(&dir)?;
    let failures = examples::run_all(&rules);
    for f in &failures {
        eprintln!("{f}");
    }
    if !failures.is_empty() {
        return Err(anyhow!("{shown}: {} example(s) failed", failures.len()));
    }
    let n: usize = rules
        .langs
        .iter()
        .map(|l| l.cues.len() + l.speakers.len())
        .sum();
    println!(
        "{shown}: ok ({} cue and speaker forms, {} examples, {} conflict rules)",
        n,
        rules.examples.len(),
        rules.conflicts.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// `claims`, `events` and `report`: one view of the report, in the chosen format.
pub(super) fn run_view(
    args: &RunArgs,
    view: View,
    report: Option<&ReportArgs>,
) -> Result<ExitCode> {
    let rules = load_rules(&args.input.rules)?;
    if args.format == Format::Jsonl && view == View::Claims {
        return stream_jsonl(args, &rules);
    }
    let (mut rep, skipped) = report_of(&args.input, &rules);
    if let Some(ra) = report {
        filter_findings(&mut rep, ra);
    }
    let format = render_format(args.format);
    let width = terminal_width();
    output::emit(args.output.as_deref(), &args.input.inputs, &mut |w| {
        render::write(w, &rep, format, view, width)
    })?;
    let flagged = report.is_some_and(|a| a.fail_on_findings) && !rep.findings.is_empty();
    Ok(status(skipped || flagged))
}

/// `claims --format jsonl`: one claim per line, written as each batch of documents finishes.
fn stream_jsonl(args: &RunArgs, rules: &RuleSet) -> Result<ExitCode> {
    let mut skipped = false;
    let bar = progress(args.input.quiet);
    let lines = |r: DocResult| {
        let mut buf = Vec::new();
        for c in &r.claims {
            render::write_jsonl(&mut buf, c).expect("writing to memory");
        }
        buf
    };
    output::emit(args.output.as_deref(), &args.input.inputs, &mut |w| {
        claimdiff::analyze_each(source(&args.input), rules, &lines, &mut |step| {
            match step {
                Step::Doc(bytes) => {
                    bar.inc(1);
                    w.write_all(&bytes)?;
                }
                Step::Problem(p) => skipped |= note(&bar, args.input.quiet, &p),
            }
            Ok(())
        })
    })?;
    bar.finish_and_clear();
    Ok(status(skipped))
}

/// Analyses the inputs into a report; also whether any document was skipped.
fn report_of(input: &InputArgs, rules: &RuleSet) -> (Report, bool) {
    let mut skipped = false;
    let bar = progress(input.quiet);
    let report = claimdiff::analyze(source(input), rules, &mut |step| match step {
        Step::Doc(_) => bar.inc(1),
        Step::Problem(p) => skipped |= note(&bar, input.quiet, &p),
    });
    bar.finish_and_clear();
    (report, skipped)
}

/// The documents the arguments name.
fn source(input: &InputArgs) -> Paths<'_> {
    Paths {
        paths: &input.inputs,
        options: Options {
            lossy: input.lossy,
            max_doc_bytes: input.max_doc_bytes,
        },
    }
}

/// Reports an input problem on standard error (notes only without `--quiet`); whether a
/// document was skipped.
fn note(bar: &ProgressBar, quiet: bool, p: &claimdiff::corpus::Problem) -> bool {
    if p.skipped || !quiet {
        bar.suspend(|| eprintln!("claimdiff: {p}"));
    }
    p.skipped
}

fn progress(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{spinner} {pos} documents, {per_sec} {msg}")
            .expect("a valid template"),
    );
    bar
}

/// Exit status 1 when input was skipped or findings fail the run, else 0.
fn status(failed: bool) -> ExitCode {
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn filter_findings(report: &mut Report, a: &ReportArgs) {
    let kinds = &a.kind;
    report.findings.retain(|f| {
        f.score >= a.min_score
            && (kinds.is_empty() || kinds.contains(&f.kind))
            && (a.event.is_empty() || f.event.as_ref().is_some_and(|e| a.event.contains(e)))
    });
}

fn render_format(f: Format) -> render::Format {
    match f {
        Format::Table => render::Format::Table,
        Format::Json => render::Format::Json,
        Format::Jsonl => render::Format::Jsonl,
        Format::Md => render::Format::Markdown,
        Format::Html => render::Format::Html,
    }
}

fn terminal_width() -> u16 {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(120)
}

/// `eval`: scores a run against a claim-gold/1 annotation.
pub(super) fn eval(a: &EvalArgs) -> Result<ExitCode> {
    let rules = load_rules(&a.input.rules)?;
    let text = std::fs::read_to_string(&a.gold)
        .with_context(|| format!("cannot read {}", a.gold.display()))?;
    let gold: eval::Gold = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a claim-gold/1 file", a.gold.display()))?;
    let (report, skipped) = report_of(&a.input, &rules);
    let scores = eval::score(&gold, &report);
    if a.json {
        println!("{}", serde_json::to_string(&scores)?);
    } else {
        print!("{}", scores.lines());
    }
    Ok(status(skipped))
}

/// `pair`: labels one pair of statements.
pub(super) fn pair(s1: &str, s2: &str, rules: &Option<PathBuf>) -> Result<ExitCode> {
    let rules = PairRules::from_ruleset(&load_rules(rules)?).with_model_from(rules.as_deref())?;
    let v = claimdiff::pairs::compare(s1, s2, &rules);
    println!("{}\n{} ({})", v.label.as_str(), v.why, v.rule);
    Ok(ExitCode::SUCCESS)
}

/// `pairs`: labels every row of a CSV.
pub(super) fn pairs(
    file: &Path,
    output: Option<&Path>,
    rules: &Option<PathBuf>,
) -> Result<ExitCode> {
    let rules = PairRules::from_ruleset(&load_rules(rules)?).with_model_from(rules.as_deref())?;
    let input: Box<dyn std::io::Read> = if file.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(
            std::fs::File::open(file).with_context(|| format!("cannot read {}", file.display()))?,
        )
    };
    let mut out = Vec::new();
    let rows = claimdiff::pairs::label_csv(input, &mut out, &rules)
        .with_context(|| format!("{}", file.display()))?;
    match output {
        Some(path) => output::write_atomic(path, &out, &[file.to_path_buf()])?,
        None => std::io::stdout().write_all(&out)?,
    }
    eprintln!("claimdiff: labelled {rows} row(s)");
    Ok(ExitCode::SUCCESS)
}
