//! Command-line parsing (clap derive) and dispatch to the library; nothing here analyses text.
//! Exit status: 0 success, 1 when input was skipped (or findings with --fail-on-findings),
//! 2 for a usage error, a rules error or an output that could not be written.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use clap::{Args, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use claimdiff::corpus::{self, Input, Item};
use claimdiff::model::{ConflictKind, Report};
use claimdiff::pairs::PairRules;
use claimdiff::render::{self, View};
use claimdiff::rules::RuleSet;
use claimdiff::{DocResult, eval, output};

/// Extract attributed claims from news articles, group them by meeting, and flag conflicting accounts.
#[derive(Parser)]
#[command(name = "claimdiff", version, about, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "Examples:
  claimdiff report seeds/                          conflicts per meeting, as tables
  claimdiff report seeds/ --format html -o report.html
  claimdiff claims article.txt --format json       every claim: speaker, cue, stance, content
  claimdiff claims corpus.jsonl --format jsonl     stream one claim per line
  claimdiff events seeds/                          meetings and the claims about them
  claimdiff eval --gold gold.json seeds/           score against a hand annotation
  claimdiff rules check my-rules/                  validate a rules folder

Exit status: 0 ok; 1 input skipped (or findings, with --fail-on-findings); 2 usage, rules or output error.";

#[derive(Subcommand)]
enum Command {
    /// Extract the claims of each document (who said what, with which cue and stance).
    Claims(RunArgs),
    /// Group claims by the meeting they are about.
    Events(RunArgs),
    /// Flag conflicting accounts, meeting by meeting (the main job).
    Report(ReportArgs),
    /// Score a run against a claim-gold/1 annotation, as score.py does.
    Eval(EvalArgs),
    /// Does the second statement agree with the first, contradict it (disagree), or neither (other)?
    Pair {
        /// The first statement.
        s1: String,
        /// The second statement.
        s2: String,
        /// Use the rules in this folder.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
    /// Label every row of a CSV with columns s1,s2 (others kept); adds `predicted` and `why`.
    Pairs {
        /// The CSV file (- for standard input).
        file: PathBuf,
        /// Write to this file instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Use the rules in this folder.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
    /// Work with rule folders.
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Subcommand)]
enum RulesCommand {
    /// Validate a rules folder (default: the built-in rules); every error as path:line:col: message.
    Check {
        /// The folder to check.
        dir: Option<PathBuf>,
    },
}

#[derive(Args, Clone)]
struct InputArgs {
    /// Files (.txt, .html, .jsonl, .ndjson), folders (read recursively, sorted), or - for standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Use the rules in this folder (files it lacks come from the built-in rules).
    #[arg(long, value_name = "DIR")]
    rules: Option<PathBuf>,
    /// Replace invalid UTF-8 instead of skipping the document.
    #[arg(long)]
    lossy: bool,
    /// Skip documents larger than this many bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024, value_name = "BYTES")]
    max_doc_bytes: usize,
    /// No progress bar and no notes on standard error (problems are still reported).
    #[arg(long, short)]
    quiet: bool,
}

#[derive(Args, Clone)]
struct RunArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Write to this file (whole or not at all) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

#[derive(Args, Clone)]
struct ReportArgs {
    #[command(flatten)]
    run: RunArgs,
    /// Only findings scoring at least this much.
    #[arg(long, default_value_t = 0.0, value_name = "SCORE")]
    min_score: f64,
    /// Only findings of these kinds.
    #[arg(long, value_delimiter = ',', value_parser = parse_kind, value_name = "KIND")]
    kind: Vec<ConflictKind>,
    /// Only findings about these events (ids).
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    event: Vec<String>,
    /// Exit with status 1 when anything is flagged (for pipelines).
    #[arg(long)]
    fail_on_findings: bool,
}

#[derive(Args, Clone)]
struct EvalArgs {
    /// The claim-gold/1 annotation.
    #[arg(long, value_name = "FILE")]
    gold: PathBuf,
    #[command(flatten)]
    input: InputArgs,
    /// Print the figures as one JSON object.
    #[arg(long)]
    json: bool,
}

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq)]
enum Format {
    Table,
    Json,
    Jsonl,
    #[value(alias = "markdown")]
    Md,
    Html,
}

/// Parses a conflict kind by its JSON name.
fn parse_kind(name: &str) -> Result<ConflictKind, String> {
    ConflictKind::parse(name).ok_or_else(|| {
        let names: Vec<&str> = ConflictKind::ALL.iter().map(|k| k.name()).collect();
        format!("expected one of {}", names.join(", "))
    })
}

/// Parses the command line and runs it.
pub fn run() -> Result<ExitCode> {
    match Cli::parse().command {
        Command::Claims(a) => run_view(a, View::Claims, None),
        Command::Events(a) => run_view(a, View::Events, None),
        Command::Report(a) => {
            let run = a.run.clone();
            run_view(run, View::Findings, Some(a))
        }
        Command::Eval(a) => eval_cmd(a),
        Command::Rules {
            command: RulesCommand::Check { dir },
        } => rules_check(dir),
        Command::Pair { s1, s2, rules } => {
            let rules =
                PairRules::from_ruleset(&load_rules(&rules)?).with_model_from(rules.as_deref())?;
            let v = claimdiff::pairs::compare(&s1, &s2, &rules);
            println!("{}\n{} ({})", v.label.as_str(), v.why, v.rule);
            Ok(ExitCode::SUCCESS)
        }
        Command::Pairs {
            file,
            output,
            rules,
        } => pairs_cmd(&file, output.as_deref(), &rules),
    }
}

fn load_rules(dir: &Option<PathBuf>) -> Result<RuleSet> {
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

fn rules_check(dir: Option<PathBuf>) -> Result<ExitCode> {
    let shown = dir
        .as_ref()
        .map_or("built-in rules".to_string(), |d| d.display().to_string());
    let rules = load_rules(&dir)?;
    let failures = claimdiff::rules::examples::run_all(&rules);
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

/// What the reader thread hands to the analysis: a batch of documents, or a problem to report.
enum Read {
    Batch(Vec<Input>),
    Problem(corpus::Problem),
}

/// Reads and analyses the input in batches, handing each finished document to `each` in order.
/// A reader thread parses files and JSON Lines while the rayon pool analyses the previous batch;
/// the channel holds two batches at most, so memory does not grow with the corpus.
/// Reads the inputs on one thread and analyses them in batches on every core; `per_doc` runs on
/// the worker that analysed a document (so that work such as rendering is parallel too), `each`
/// on this thread, in input order.
fn analyse<T: Send>(
    input: &InputArgs,
    rules: &RuleSet,
    per_doc: &(dyn Fn(DocResult) -> T + Sync),
    each: &mut dyn FnMut(T) -> Result<()>,
) -> Result<bool> {
    const BATCH: usize = 256;
    let opts = corpus::Options {
        lossy: input.lossy,
        max_doc_bytes: input.max_doc_bytes,
    };
    let bar = progress(input.quiet);
    let mut skipped = false;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Read>(2);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut batch: Vec<Input> = Vec::with_capacity(BATCH);
            corpus::visit(&input.inputs, opts, &mut |item| match item {
                Item::Doc(d) => {
                    batch.push(d);
                    if batch.len() == BATCH {
                        let _ = tx.send(Read::Batch(std::mem::replace(
                            &mut batch,
                            Vec::with_capacity(BATCH),
                        )));
                    }
                }
                Item::Problem(p) => {
                    let _ = tx.send(Read::Problem(p));
                }
            });
            let _ = tx.send(Read::Batch(batch));
        });
        for msg in rx {
            match msg {
                Read::Problem(p) => {
                    skipped |= p.skipped;
                    if p.skipped || !input.quiet {
                        bar.suspend(|| eprintln!("claimdiff: {p}"));
                    }
                }
                Read::Batch(batch) => {
                    let done: Vec<T> = batch
                        .par_iter()
                        .map(|d| per_doc(claimdiff::analyze_document(d, rules)))
                        .collect();
                    for r in done {
                        each(r)?;
                    }
                    bar.inc(batch.len() as u64);
                }
            }
        }
        bar.finish_and_clear();
        Ok(skipped)
    })
}

/// Analyses the inputs into a report; also whether any document was skipped. Each document's
/// result is copied on this thread rather than moved: the copy packs what lives until the end
/// apart from the worker threads' short-lived allocations, which would otherwise keep the
/// workers' allocator pages resident (peak memory 50 → 46 MB on the ANT corpus).
fn report_of(input: &InputArgs, rules: &RuleSet) -> Result<(Report, bool)> {
    let mut collector = claimdiff::Collector::default();
    let skipped = analyse(input, rules, &|r| r, &mut |r| {
        collector.add(r.clone());
        Ok(())
    })?;
    Ok((collector.finish(rules), skipped))
}

fn run_view(args: RunArgs, view: View, report_args: Option<ReportArgs>) -> Result<ExitCode> {
    let rules = load_rules(&args.input.rules)?;
    if args.format == Format::Jsonl && view == View::Claims {
        return stream_jsonl(&args, &rules);
    }
    let (mut report, skipped) = report_of(&args.input, &rules)?;
    if let Some(ra) = &report_args {
        filter_findings(&mut report, ra);
    }
    let format = render_format(args.format);
    if format == render::Format::Json {
        // the export can be large: serialize straight to its destination
        emit_with(&args, &mut |w| {
            // a concrete buffer in front of the dyn writer: serde writes many small pieces
            let mut buf = std::io::BufWriter::with_capacity(1 << 20, w);
            serde_json::to_writer_pretty(&mut buf, &report).map_err(std::io::Error::from)?;
            buf.write_all(b"\n")?;
            buf.flush()
        })?;
    } else {
        let text = render::render(&report, format, view, terminal_width());
        emit(&args, text.as_bytes())?;
    }
    let flagged =
        report_args.as_ref().is_some_and(|a| a.fail_on_findings) && !report.findings.is_empty();
    Ok(if skipped || flagged {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `claims --format jsonl`: one claim per line, written as each batch of documents finishes.
fn stream_jsonl(args: &RunArgs, rules: &RuleSet) -> Result<ExitCode> {
    let mut skipped = false;
    emit_with(args, &mut |w| {
        let lines = |r: DocResult| r.claims.iter().map(render::jsonl_line).collect::<String>();
        let result = analyse(&args.input, rules, &lines, &mut |text| {
            w.write_all(text.as_bytes())?;
            Ok(())
        });
        skipped = result.map_err(std::io::Error::other)?;
        Ok(())
    })?;
    Ok(if skipped {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
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

fn emit(args: &RunArgs, bytes: &[u8]) -> Result<()> {
    emit_with(args, &mut |w| w.write_all(bytes))
}

/// Writes output through `write`: to a temporary file renamed over `-o FILE` once complete (never
/// over an input), or to standard output (a closed pipe is not an error).
fn emit_with(
    args: &RunArgs,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<()> {
    match &args.output {
        Some(path) => output::write_with(path, &args.input.inputs, write)?,
        None => {
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            if let Err(e) = write(&mut out).and_then(|_| out.flush())
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return Err(e.into());
            }
        }
    }
    Ok(())
}

fn eval_cmd(a: EvalArgs) -> Result<ExitCode> {
    let rules = load_rules(&a.input.rules)?;
    let text = std::fs::read_to_string(&a.gold)
        .with_context(|| format!("cannot read {}", a.gold.display()))?;
    let gold: eval::Gold = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a claim-gold/1 file", a.gold.display()))?;
    let (report, skipped) = report_of(&a.input, &rules)?;
    let scores = eval::score(&gold, &report);
    if a.json {
        println!("{}", serde_json::to_string(&scores)?);
    } else {
        print!("{}", scores.lines());
    }
    Ok(if skipped {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn pairs_cmd(
    file: &std::path::Path,
    output: Option<&std::path::Path>,
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
