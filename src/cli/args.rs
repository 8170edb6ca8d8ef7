//! The command line's shape, declared with clap derive: subcommands, their arguments and help.
//! Nothing here runs anything; `commands` does.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use claimdiff::model::ConflictKind;

/// Extract attributed claims from news articles, group them by meeting, and flag conflicting accounts.
#[derive(Parser)]
#[command(name = "claimdiff", version, about, after_help = EXAMPLES)]
pub(super) struct Cli {
    #[command(subcommand)]
    pub(super) command: Command,
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
pub(super) enum Command {
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
pub(super) enum RulesCommand {
    /// Validate a rules folder (default: the built-in rules); every error as path:line:col: message.
    Check {
        /// The folder to check.
        dir: Option<PathBuf>,
    },
}

#[derive(Args, Clone)]
pub(super) struct InputArgs {
    /// Files (.txt, .html, .jsonl, .ndjson), folders (read recursively, sorted), or - for standard input.
    #[arg(required = true)]
    pub(super) inputs: Vec<PathBuf>,
    /// Use the rules in this folder (files it lacks come from the built-in rules).
    #[arg(long, value_name = "DIR")]
    pub(super) rules: Option<PathBuf>,
    /// Replace invalid UTF-8 instead of skipping the document.
    #[arg(long)]
    pub(super) lossy: bool,
    /// Skip documents larger than this many bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024, value_name = "BYTES")]
    pub(super) max_doc_bytes: usize,
    /// No progress bar and no notes on standard error (problems are still reported).
    #[arg(long, short)]
    pub(super) quiet: bool,
}

#[derive(Args, Clone)]
pub(super) struct RunArgs {
    #[command(flatten)]
    pub(super) input: InputArgs,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    pub(super) format: Format,
    /// Write to this file (whole or not at all) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub(super) output: Option<PathBuf>,
}

#[derive(Args, Clone)]
pub(super) struct ReportArgs {
    #[command(flatten)]
    pub(super) run: RunArgs,
    /// Only findings scoring at least this much.
    #[arg(long, default_value_t = 0.0, value_name = "SCORE")]
    pub(super) min_score: f64,
    /// Only findings of these kinds.
    #[arg(long, value_delimiter = ',', value_parser = parse_kind, value_name = "KIND")]
    pub(super) kind: Vec<ConflictKind>,
    /// Only findings about these events (ids).
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    pub(super) event: Vec<String>,
    /// Exit with status 1 when anything is flagged (for pipelines).
    #[arg(long)]
    pub(super) fail_on_findings: bool,
}

#[derive(Args, Clone)]
pub(super) struct EvalArgs {
    /// The claim-gold/1 annotation.
    #[arg(long, value_name = "FILE")]
    pub(super) gold: PathBuf,
    #[command(flatten)]
    pub(super) input: InputArgs,
    /// Print the figures as one JSON object.
    #[arg(long)]
    pub(super) json: bool,
}

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
    Table,
    Json,
    Jsonl,
    #[value(alias = "markdown")]
    Md,
    Html,
}

/// Parses a conflict kind by its JSON name.
pub(super) fn parse_kind(name: &str) -> Result<ConflictKind, String> {
    ConflictKind::parse(name).ok_or_else(|| {
        let names: Vec<&str> = ConflictKind::ALL.iter().map(|k| k.name()).collect();
        format!("expected one of {}", names.join(", "))
    })
}
