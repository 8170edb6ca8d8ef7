//! What each subcommand does, in terms of the library: load the rules, stream the input through
//! [`claimdiff::analyze`] (or [`claimdiff::analyze_each`]), write what the renderer makes of it,
//! and turn the outcome into an exit status. Problems with the input go to standard error as they
//! are met, under a progress bar when standard error is a terminal (`progress`).

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};

use claimdiff::corpus::{Options, Paths};
use claimdiff::model::Report;
use claimdiff::pairs::PairRules;
use claimdiff::pipeline::{examples, parts, records};
use claimdiff::render::{self, View};
use claimdiff::rules::RuleSet;
use claimdiff::rules::load::Mode;
use claimdiff::{DocResult, Stages, Step, eval};

use super::args::{
    ClaimsArgs, ColorChoice, EvalArgs, Format, InputArgs, ReportArgs, RunArgs, TextFormat,
};
use super::output;
use super::progress::Progress;

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
    if let Some(d) = &dir
        && let Ok((_, modes, _)) = claimdiff::rules::load::from_dir_with_modes(d)
    {
        for (file, mode) in modes {
            match mode {
                Mode::Replaced => println!("{file}: replaces the built-in file"),
                Mode::Overlaid { overridden, added } => println!(
                    "{file}: laid over the built-in file ({overridden} entr{} overridden, {added} added)",
                    if overridden == 1 { "y" } else { "ies" }
                ),
            }
        }
    }
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

/// Exit status when some input was skipped.
const SKIPPED: u8 = 1;
/// Exit status when `--fail-on-findings` is set and something was flagged.
const FLAGGED: u8 = 3;

/// `claims`: the claims view, or with `--records` (JSON Lines only) each document's records.
pub(super) fn claims(a: &ClaimsArgs) -> Result<ExitCode> {
    if !a.records {
        return run_view(&a.run, View::Claims, None);
    }
    if a.run.format != Format::Jsonl {
        return Err(anyhow!("--records writes JSON Lines: add --format jsonl"));
    }
    let rules = load_rules(&a.run.input.rules)?;
    stream_jsonl(&a.run, &rules, true)
}

/// `claims`, `events` and `report`: one view of the report, in the chosen format. When no input
/// could be read, nothing is written (an earlier good report stays) and the run is an error.
pub(super) fn run_view(
    args: &RunArgs,
    view: View,
    report: Option<&ReportArgs>,
) -> Result<ExitCode> {
    let rules = load_rules(&args.input.rules)?;
    if args.format == Format::Jsonl && view == View::Claims {
        return stream_jsonl(args, &rules, false);
    }
    let from_claims = report.and_then(|a| a.from_claims.as_deref());
    let from_parts = report.and_then(|a| a.from_parts.as_deref());
    if let Some(ra) = report.filter(|ra| {
        args.format == Format::Json
            && ra.from_claims.is_none()
            && ra.from_parts.is_none()
            && !has_review_db(ra)
    }) {
        let code = stream_json_report(args, ra, &rules);
        std::mem::forget(rules);
        return code;
    }
    let saved = from_claims.or(from_parts);
    let (mut rep, skipped) = match (from_claims, from_parts) {
        (Some(path), _) => (report_from_records(path, &rules)?, false),
        (None, Some(path)) => (report_from_parts(path, &rules)?, false),
        (None, None) => {
            let (rep, progress) = report_of(&args.input, &rules);
            if progress.nothing_read() {
                return Err(nothing_read(args));
            }
            (rep, progress.skipped)
        }
    };
    let inputs: Vec<PathBuf> = match saved {
        Some(path) => vec![path.to_path_buf()],
        None => args.input.inputs.clone(),
    };
    if let Some(ra) = report {
        filter_findings(&mut rep, ra);
    }
    let reviews = match report {
        Some(ra) => review_db(&mut rep, ra)?,
        None => Default::default(),
    };
    let format = render_format(args.format);
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let width = terminal_width(to_terminal);
    let color = use_color(args.color, to_terminal);
    output::emit(args.output.as_deref(), &inputs, &mut |w| {
        render::write_reviewed(w, &rep, &reviews, format, view, width, color)
    })?;
    let flagged = report.is_some_and(|a| a.fail_on_findings) && !rep.findings.is_empty();
    // the process ends after this command: freeing every claim, document and compiled rule one
    // by one took a third of a second at 8x the ANT corpus, on one thread, after the output was
    // written; the operating system takes the memory back at once
    std::mem::forget(rep);
    std::mem::forget(rules);
    Ok(outcome(flagged, skipped))
}

/// A file to read, or standard input for `-`.
fn open_input(path: &Path) -> Result<Box<dyn std::io::BufRead>> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(std::io::stdin().lock()));
    }
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(Box::new(std::io::BufReader::new(file)))
}

/// `report --from-parts`: the report merged from the parts of a keyed reduce; an error when
/// they do not fit together or hold no document.
fn report_from_parts(path: &Path, rules: &RuleSet) -> Result<Report> {
    let shown = path.display();
    let found =
        parts::read(open_input(path)?).map_err(|e| anyhow!("{shown}:{}: {}", e.line, e.message))?;
    if found.iter().all(|p| p.report.documents.is_empty()) {
        return Err(anyhow!(
            "{shown}: no document in the parts, nothing written"
        ));
    }
    parts::merge(found, rules).map_err(|e| anyhow!("{shown}: {e}"))
}

/// `report --from-claims`: the report built from the records of `claims --records` alone (a
/// file, or - for standard input); an error when they hold no document.
fn report_from_records(path: &Path, rules: &RuleSet) -> Result<Report> {
    let shown = path.display();
    let reader = open_input(path)?;
    let mut collector = claimdiff::Collector::default();
    let mut docs = 0;
    records::read(reader, &mut |r| {
        docs += 1;
        collector.add(r);
    })
    .map_err(|e| anyhow!("{shown}:{}: {}", e.line, e.message))?;
    if docs == 0 {
        return Err(anyhow!(
            "{shown}: no document record, nothing written (expected the output of claims --format jsonl --records)"
        ));
    }
    Ok(collector.finish(rules))
}

fn nothing_read(args: &RunArgs) -> anyhow::Error {
    let kept = args.output.as_ref().map_or(String::new(), |o| {
        format!("; {} left as it was", o.display())
    });
    anyhow!("no input could be read, nothing written{kept}")
}

/// `claims --format jsonl`: one claim per line, written as each batch of documents finishes;
/// with `--records`, each document's claim lines and then its document line.
/// Output to a file goes through a temporary file, so when nothing could be read the target is
/// left untouched.
fn stream_jsonl(args: &RunArgs, rules: &RuleSet, with_records: bool) -> Result<ExitCode> {
    let mut progress = Progress::new(&args.input.inputs, args.input.quiet);
    let lines = |r: DocResult| {
        let mut buf = Vec::new();
        if with_records {
            records::write(&mut buf, &r).expect("writing to memory");
            return buf;
        }
        for c in &r.claims {
            render::write_jsonl(&mut buf, c).expect("writing to memory");
        }
        buf
    };
    let result = output::emit(args.output.as_deref(), &args.input.inputs, &mut |w| {
        // a listing of claims prints no meeting or document line: those stages are skipped
        let stages = if with_records {
            Stages::All
        } else {
            Stages::Claims
        };
        claimdiff::analyze_each(source(&args.input), rules, stages, &lines, &mut |step| {
            match step {
                Step::Doc(bytes) => {
                    progress.docs += 1;
                    w.write_all(&bytes)?;
                }
                Step::Problem(p) => progress.problem(&p),
            }
            Ok::<(), std::io::Error>(())
        })?;
        if progress.nothing_read() {
            return Err(std::io::Error::other(NOTHING_READ));
        }
        Ok(())
    });
    progress.finish(None);
    if progress.nothing_read() {
        return Err(nothing_read(args));
    }
    result?;
    Ok(status(progress.skipped))
}

/// Whether the report is to show the review desk's decisions.
#[cfg(feature = "serve")]
fn has_review_db(a: &ReportArgs) -> bool {
    a.review_db.is_some()
}

/// Whether the report is to show the review desk's decisions (never without the desk).
#[cfg(not(feature = "serve"))]
fn has_review_db(_: &ReportArgs) -> bool {
    false
}

/// `report --format json` on documents: each document is written to the export as it is read,
/// and the report keeps of it only what meetings and the comparison read (its id and language),
/// so that memory is bounded by the claims kept, not by the documents' metadata. The bytes are
/// those of the whole report rendered at the end; a file target is written whole or not at all.
fn stream_json_report(args: &RunArgs, ra: &ReportArgs, rules: &RuleSet) -> Result<ExitCode> {
    let mut progress = Progress::new(&args.input.inputs, args.input.quiet);
    let rendered = |r: DocResult| {
        let json = render::json::document(&r.doc);
        (r, json)
    };
    let mut flagged = false;
    let result = output::emit(args.output.as_deref(), &args.input.inputs, &mut |w| {
        // a concrete buffer in front of the dyn writer: serde writes many small pieces
        let mut w = std::io::BufWriter::with_capacity(1 << 20, w);
        let mut export = render::json::Streamed::default();
        let mut collector = claimdiff::Collector::default();
        claimdiff::analyze_each(
            source(&args.input),
            rules,
            Stages::All,
            &rendered,
            &mut |step| {
                match step {
                    Step::Doc((r, json)) => {
                        progress.doc(&r.doc);
                        export.document(&mut w, &json?)?;
                        collector.add(kept_of(&r));
                    }
                    Step::Problem(p) => progress.problem(&p),
                }
                Ok::<(), std::io::Error>(())
            },
        )?;
        if progress.nothing_read() {
            return Err(std::io::Error::other(NOTHING_READ));
        }
        let mut rep = collector.finish_events(rules);
        // the conflicts are sought on the pool while this thread writes claims and events
        let found = std::thread::scope(|scope| {
            let finding =
                scope.spawn(|| claimdiff::compare::find(&rep.claims, &rep.documents, rules));
            let written = export.claims_and_events(&mut w, &rep);
            (written, finding.join())
        });
        found.0?;
        rep.findings = found
            .1
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        filter_findings(&mut rep, ra);
        progress.finish(Some(&rep));
        render::json::findings(&mut w, &rep.findings)?;
        w.write_all(b"\n")?;
        w.flush()?;
        flagged = ra.fail_on_findings && !rep.findings.is_empty();
        // as in run_view: the operating system takes the memory back at once
        std::mem::forget(rep);
        Ok(())
    });
    if progress.nothing_read() {
        return Err(nothing_read(args));
    }
    result?;
    Ok(outcome(flagged, progress.skipped))
}

/// Exit status 3 when `--fail-on-findings` flagged something, else that of [`status`].
fn outcome(flagged: bool, skipped: bool) -> ExitCode {
    if flagged {
        ExitCode::from(FLAGGED)
    } else {
        status(skipped)
    }
}

/// What a report keeps of a document's result once the document is written: its claims and
/// meetings, and of the document only its id and language. A copy, so that what lives until the
/// end is packed apart from the workers' short-lived allocations (see `claimdiff::analyze`).
fn kept_of(r: &DocResult) -> DocResult {
    DocResult {
        doc: claimdiff::model::Document {
            id: r.doc.id.clone(),
            language: r.doc.language.clone(),
            ..Default::default()
        },
        claims: r.claims.clone(),
        events: r.events.clone(),
    }
}

/// The marker error that aborts writing when no input could be read.
const NOTHING_READ: &str = "no input could be read";

/// Analyses the inputs into a report, with the progress that counted what was read.
fn report_of(input: &InputArgs, rules: &RuleSet) -> (Report, Progress) {
    let mut progress = Progress::new(&input.inputs, input.quiet);
    let report = claimdiff::analyze(source(input), rules, &mut |step| match step {
        Step::Doc(d) => progress.doc(d),
        Step::Problem(p) => progress.problem(&p),
    });
    progress.finish(Some(&report));
    (report, progress)
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

/// Exit status 1 when input was skipped, else 0.
fn status(skipped: bool) -> ExitCode {
    if skipped {
        ExitCode::from(SKIPPED)
    } else {
        ExitCode::SUCCESS
    }
}

/// The decisions of `--review-db` (none without it), with dismissed findings dropped unless
/// `--all`; says on standard error what was hidden and which decisions have no finding now.
#[cfg(feature = "serve")]
fn review_db(rep: &mut Report, a: &ReportArgs) -> Result<render::Reviews> {
    let Some(db) = &a.review_db else {
        return Ok(Default::default());
    };
    if !db.is_file() {
        return Err(anyhow!("{}: no such review database", db.display()));
    }
    let (reviews, orphaned) = claimdiff::serve::reviews_for(rep, db)
        .with_context(|| format!("cannot read {}", db.display()))?;
    let hidden = render::review::hide_dismissed(rep, &reviews, a.all);
    if !a.run.input.quiet {
        if hidden > 0 {
            eprintln!("claimdiff: {hidden} dismissed finding(s) hidden (--all shows them)");
        }
        if !orphaned.is_empty() {
            eprintln!(
                "claimdiff: {} decision(s) in {} are about findings this run does not have: {}",
                orphaned.len(),
                db.display(),
                orphaned.join(", ")
            );
        }
    }
    Ok(reviews)
}

#[cfg(not(feature = "serve"))]
fn review_db(_: &mut Report, _: &ReportArgs) -> Result<render::Reviews> {
    Ok(Default::default())
}

/// `serve`: analyses the inputs once, then serves the review desk until interrupted.
#[cfg(feature = "serve")]
pub(super) fn serve(a: &super::args::ServeArgs) -> Result<ExitCode> {
    let rules = load_rules(&a.input.rules)?;
    let (rep, progress) = report_of(&a.input, &rules);
    if progress.nothing_read() {
        return Err(anyhow!("no input could be read"));
    }
    if !a.bind.is_loopback() {
        eprintln!(
            "claimdiff: warning: {} is not a loopback address; the review desk has no login",
            a.bind
        );
    }
    let findings = rep.findings.len();
    let addr = std::net::SocketAddr::new(a.bind, a.port);
    claimdiff::serve::serve(rep, &a.db, addr, |bound| {
        // one line on standard output, which a script (or a test) can read the port from
        println!(
            "claimdiff: {findings} finding(s) to review at http://{bound}/ (decisions in {})",
            a.db.display()
        );
        let _ = std::io::stdout().flush();
    })
    .with_context(|| format!("cannot serve on {addr}"))?;
    Ok(status(progress.skipped))
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

/// The table width: the terminal's when writing to one, else `$COLUMNS`, else 100.
fn terminal_width(to_terminal: bool) -> u16 {
    let real = to_terminal
        .then(|| terminal_size::terminal_size_of(std::io::stdout()))
        .flatten()
        .map(|(w, _)| w.0);
    real.or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
        .filter(|&w| w >= 20)
        .unwrap_or(100)
}

/// Whether to colour the table: `auto` colours a terminal unless `NO_COLOR` is set.
fn use_color(choice: ColorChoice, to_terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// `eval`: scores a run against a claim-gold/1 annotation.
pub(super) fn eval(a: &EvalArgs) -> Result<ExitCode> {
    let rules = load_rules(&a.input.rules)?;
    let text = std::fs::read_to_string(&a.gold)
        .with_context(|| format!("cannot read {}", a.gold.display()))?;
    let gold: eval::Gold = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a claim-gold/1 file", a.gold.display()))?;
    let (report, progress) = report_of(&a.input, &rules);
    if progress.nothing_read() {
        return Err(anyhow!("no input could be read"));
    }
    let scores = eval::score(&gold, &report);
    if a.json || a.format == TextFormat::Json {
        println!("{}", serde_json::to_string(&scores)?);
    } else {
        print!("{}", scores.lines());
    }
    Ok(status(progress.skipped))
}

/// `pair`: labels one pair of statements.
pub(super) fn pair(
    s1: &str,
    s2: &str,
    rules: &Option<PathBuf>,
    format: TextFormat,
) -> Result<ExitCode> {
    let rules = PairRules::from_ruleset(&load_rules(rules)?).with_model_from(rules.as_deref())?;
    let v = claimdiff::pairs::compare(s1, s2, &rules);
    match format {
        TextFormat::Text => println!("{}\n{} ({})", v.label.as_str(), v.why, v.rule),
        TextFormat::Json => println!(
            "{}",
            serde_json::json!({
                "s1": s1, "s2": s2, "label": v.label, "why": v.why, "rule": v.rule,
                "confidence": v.confidence,
            })
        ),
    }
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
