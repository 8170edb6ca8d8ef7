//! Command-line parsing (clap derive) and dispatch to the library; nothing here analyses text.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};

use claimdiff::corpus::{self, Loaded};
use claimdiff::rules::RuleSet;

/// Extract attributed claims from news articles, group them by meeting, and flag conflicting accounts.
#[derive(Parser)]
#[command(name = "claimdiff", version, about, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

const EXAMPLES: &str = "Examples:
  claimdiff report seeds/                      conflicts per meeting, as tables
  claimdiff report seeds/ --format html -o report.html
  claimdiff claims article.txt --format json   every claim with speaker, cue, stance
  claimdiff events corpus.jsonl                meetings and the claims about them
  claimdiff eval --gold gold.json seeds/       score against a hand annotation
  claimdiff rules check my-rules/              validate a rules folder";

#[derive(Subcommand)]
enum Command {
    /// Extract the claims of each document.
    Claims(RunArgs),
}

#[derive(Args, Clone)]
struct RunArgs {
    /// Files (.txt, .html, .jsonl), folders, or - for standard input.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Write to this file (whole or not at all) instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Use the rules in this folder instead of the built-in ones.
    #[arg(long)]
    rules: Option<PathBuf>,
}

#[derive(ValueEnum, Clone, Copy, PartialEq, Eq)]
enum Format {
    Table,
    Json,
    Jsonl,
}

/// Parses the command line and runs it.
pub fn run() -> Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Claims(args) => claims(args),
    }
}

fn load_rules(dir: &Option<PathBuf>) -> Result<RuleSet> {
    let result = match dir {
        Some(d) => RuleSet::from_dir(d),
        None => RuleSet::embedded(),
    };
    result.map_err(|errors| {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        anyhow::anyhow!("the rules have {} error(s):\n{}", errors.len(), lines.join("\n"))
    })
}

fn claims(args: RunArgs) -> Result<ExitCode> {
    let rules = load_rules(&args.rules)?;
    let loaded: Loaded = corpus::load(&args.inputs, corpus::Options::default());
    for p in &loaded.problems {
        eprintln!("claimdiff: {p}");
    }
    let report = claimdiff::analyze(&loaded.inputs, &rules);
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&report)? + "\n",
        _ => bail!("format not supported yet"),
    };
    match &args.output {
        Some(path) => std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?,
        None => std::io::stdout().write_all(text.as_bytes())?,
    }
    Ok(if loaded.skipped_any() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
