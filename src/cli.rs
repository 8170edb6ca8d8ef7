//! Command-line parsing (clap derive) and dispatch to the library; nothing here analyses text.
//! Exit status: 0 success, 1 when some input was skipped, 2 for an error (usage, rules, an output
//! that could not be written, or no input that could be read), 3 for findings with
//! `--fail-on-findings`. The arguments are
//! declared in `args`, each command's run in `commands`, where output goes in `output`.

mod args;
mod commands;
mod output;
mod progress;

use std::process::ExitCode;

use anyhow::Result;
use clap::{CommandFactory, FromArgMatches};

use args::{Cli, Command, RulesCommand};
use claimdiff::render::View;

/// Parses the command line and runs it.
pub fn run() -> Result<ExitCode> {
    match parse().command {
        Command::Claims(a) => commands::claims(&a),
        Command::Events(a) => commands::run_view(&a, View::Events, None),
        Command::Report(a) => commands::run_view(&a.run, View::Findings, Some(&a)),
        Command::Eval(a) => commands::eval(&a),
        #[cfg(feature = "serve")]
        Command::Serve(a) => commands::serve(&a),
        Command::Rules {
            command: RulesCommand::Check { dir },
        } => commands::rules_check(dir),
        Command::Pair {
            s1,
            s2,
            rules,
            format,
        } => commands::pair(&s1, &s2, &rules, format),
        Command::Pairs {
            file,
            output,
            rules,
        } => commands::pairs(&file, output.as_deref(), &rules),
    }
}

/// The command line, parsed. `report` needs inputs unless it reads `--from-claims` or
/// `--from-parts`; the
/// inputs are declared once for every command, so that one exception is made here.
fn parse() -> Cli {
    let command = Cli::command().mut_subcommand("report", |c| {
        c.mut_arg("inputs", |a| {
            a.required(false)
                .required_unless_present_any(["from_claims", "from_parts"])
        })
    });
    let matches = command.get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}
