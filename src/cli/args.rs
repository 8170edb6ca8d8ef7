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

Exit status: 0 ok; 1 some input skipped; 2 error (usage, rules, output, or no input readable);
3 findings, with --fail-on-findings.";

const CLAIMS_EXAMPLES: &str = "Examples:
  claimdiff claims article.txt                     a table of the claims
  claimdiff claims seeds/ --format json            the claimdiff/1 export
  claimdiff claims corpus.jsonl --format jsonl     one claim per line, written as it goes
  claimdiff claims corpus.jsonl --format jsonl --records > records.jsonl
                                                   also a document line after each document's
                                                   claims: the input of report --from-claims
  cat article.txt | claimdiff claims -             read standard input";

const EVENTS_EXAMPLES: &str = "Examples:
  claimdiff events seeds/                          meetings with their claims, as tables
  claimdiff events seeds/ --format jsonl           one event per line
  claimdiff events seeds/ --format md -o events.md";

const REPORT_EXAMPLES: &str = "Examples:
  claimdiff report seeds/                          conflicts per meeting, as tables
  claimdiff report seeds/ --format html -o report.html
  claimdiff report seeds/ --format jsonl --kind denial
                                                   one finding per line, its claims inline
  claimdiff report corpus.jsonl --min-score 0.8 --fail-on-findings
                                                   exit 3 when anything is flagged
  claimdiff report --from-claims records.jsonl --format json
                                                   from the records of claims --records alone
  claimdiff report seeds/ --color always | less -R
  claimdiff report seeds/ --review-db review.sqlite --format md
                                                   with the review desk's decisions; dismissed
                                                   findings hidden (--all shows them)";

#[cfg(feature = "serve")]
const SERVE_EXAMPLES: &str = "Examples:
  claimdiff serve seeds/ --db review.sqlite        the review desk on http://127.0.0.1:8734/
  claimdiff serve corpus.jsonl --db review.sqlite --port 0
                                                   on a free port (printed on standard output)

Keys in the page: j/k next and previous finding, c confirm, d dismiss, n needs check, o reopen,
e edit the note, / search, ? help.";

const EVAL_EXAMPLES: &str = "Examples:
  claimdiff eval --gold tests/data/seeds-gold.json seeds/
  claimdiff eval --gold gold.json seeds/ --format json";

const PAIR_EXAMPLES: &str = "Examples:
  claimdiff pair 'ارتفعت الأسعار' 'انخفضت الأسعار'
  claimdiff pair 'Prices rose.' 'Prices fell.' --format json";

const PAIRS_EXAMPLES: &str = "Examples:
  claimdiff pairs stance-dev.csv -o labelled.csv
  cat pairs.csv | claimdiff pairs - > labelled.csv";

const RULES_EXAMPLES: &str = "Examples:
  claimdiff rules check                            the built-in rules
  claimdiff rules check my-rules/                  a folder: what it overlays or replaces, and its examples";

#[derive(Subcommand)]
pub(super) enum Command {
    /// Extract the claims of each document (who said what, with which cue and stance).
    #[command(after_help = CLAIMS_EXAMPLES)]
    Claims(ClaimsArgs),
    /// Group claims by the meeting they are about.
    #[command(after_help = EVENTS_EXAMPLES)]
    Events(RunArgs),
    /// Flag conflicting accounts, meeting by meeting (the main job).
    #[command(after_help = REPORT_EXAMPLES)]
    Report(ReportArgs),
    /// Score a run against a claim-gold/1 annotation, as score.py does.
    #[command(after_help = EVAL_EXAMPLES)]
    Eval(EvalArgs),
    /// Open the review desk: a local web page to confirm or dismiss each finding, with notes and
    /// corrections kept in a SQLite file across runs.
    #[cfg(feature = "serve")]
    #[command(after_help = SERVE_EXAMPLES)]
    Serve(ServeArgs),
    /// Does the second statement agree with the first, contradict it (disagree), or neither (other)?
    #[command(after_help = PAIR_EXAMPLES)]
    Pair {
        /// The first statement.
        s1: String,
        /// The second statement.
        s2: String,
        /// Use the rules in this folder.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
        /// Output format: the label and reason as text, or one JSON object.
        #[arg(long, short, value_enum, default_value_t = TextFormat::Text)]
        format: TextFormat,
    },
    /// Label every row of a CSV with columns s1,s2 (others kept); adds `predicted` and `why`.
    #[command(after_help = PAIRS_EXAMPLES)]
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
    #[command(after_help = RULES_EXAMPLES)]
    Rules {
        #[command(subcommand)]
        command: RulesCommand,
    },
}

#[derive(Subcommand)]
pub(super) enum RulesCommand {
    /// Validate a rules folder (default: the built-in rules); every error as path:line:col: message.
    #[command(after_help = RULES_EXAMPLES)]
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
    /// Use the rules in this folder: each file adds to and overrides the built-in file's
    /// entries (by id, lemma or name), or replaces it with `replace = true`.
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
    /// Write to this file (whole or not at all) instead of standard output; nothing is written
    /// when no input could be read.
    #[arg(long, short, value_name = "FILE")]
    pub(super) output: Option<PathBuf>,
    /// Colour the table's kinds and scores: auto (when standard output is a terminal and
    /// NO_COLOR is unset), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub(super) color: ColorChoice,
}

#[derive(Args, Clone)]
pub(super) struct ClaimsArgs {
    #[command(flatten)]
    pub(super) run: RunArgs,
    /// With --format jsonl: after each document's claim lines, one line
    /// {"record":"document",...} with its metadata, meetings and which claim is about which
    /// meeting; what `report --from-claims` needs to finish the run without the articles.
    #[arg(long)]
    pub(super) records: bool,
}

#[derive(Args, Clone)]
pub(super) struct ReportArgs {
    #[command(flatten)]
    pub(super) run: RunArgs,
    /// Build the report from the records of `claims --format jsonl --records` (- for standard
    /// input) instead of reading articles; the output is the direct run's, byte for byte, when
    /// the records are in input order and --rules is the same.
    #[arg(long, value_name = "FILE", conflicts_with = "inputs")]
    pub(super) from_claims: Option<PathBuf>,
    /// Merge the parts of a keyed reduce (- for standard input): JSON values
    /// {"positions":[...],"report":{...}}, each the JSON export of a group of documents reduced
    /// apart with each document's position in the corpus (what spark/claimdiff_spark.py sends
    /// its driver); the output is the direct run's when no two groups could share an event.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["inputs", "from_claims"])]
    pub(super) from_parts: Option<PathBuf>,
    /// Only findings scoring at least this much. The default is the threshold with the most
    /// findings confirmed by hand per finding shown on the development set (README,
    /// "Calibration"); 0 shows every finding.
    #[arg(long, default_value_t = 0.65, value_name = "SCORE")]
    pub(super) min_score: f64,
    /// Only findings of these kinds.
    #[arg(long, value_delimiter = ',', value_parser = parse_kind, value_name = "KIND")]
    pub(super) kind: Vec<ConflictKind>,
    /// Only findings about these events (ids).
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    pub(super) event: Vec<String>,
    /// Exit with status 3 when anything is flagged (for pipelines).
    #[arg(long)]
    pub(super) fail_on_findings: bool,
    /// Show each finding's review from this review desk database (`claimdiff serve --db`);
    /// dismissed findings are hidden unless --all.
    #[cfg(feature = "serve")]
    #[arg(long, value_name = "FILE")]
    pub(super) review_db: Option<PathBuf>,
    /// With --review-db: show dismissed findings too.
    #[cfg(feature = "serve")]
    #[arg(long, requires = "review_db")]
    pub(super) all: bool,
}

#[cfg(feature = "serve")]
#[derive(Args, Clone)]
pub(super) struct ServeArgs {
    #[command(flatten)]
    pub(super) input: InputArgs,
    /// The review database (SQLite; created when missing). Decisions are kept by finding id.
    #[arg(long, value_name = "FILE")]
    pub(super) db: PathBuf,
    /// Port to listen on (0: any free port).
    #[arg(long, default_value_t = 8734)]
    pub(super) port: u16,
    /// Address to listen on. The desk has no login: keep it on a loopback address.
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub(super) bind: std::net::IpAddr,
}

#[derive(Args, Clone)]
pub(super) struct EvalArgs {
    /// The claim-gold/1 annotation.
    #[arg(long, value_name = "FILE")]
    pub(super) gold: PathBuf,
    #[command(flatten)]
    pub(super) input: InputArgs,
    /// Output format: the figures as lines of text, or one JSON object.
    #[arg(long, short, value_enum, default_value_t = TextFormat::Text)]
    pub(super) format: TextFormat,
    /// The same as `--format json` (kept for scripts written before it).
    #[arg(long, hide = true)]
    pub(super) json: bool,
}

/// The output of the commands that print a verdict or figures rather than a report.
#[derive(ValueEnum, Clone, Copy, PartialEq, Eq)]
pub(super) enum TextFormat {
    Text,
    Json,
}

/// When to colour terminal output.
#[derive(ValueEnum, Clone, Copy, PartialEq, Eq)]
pub(super) enum ColorChoice {
    Auto,
    Always,
    Never,
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
