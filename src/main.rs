//! The `claimdiff` binary: a thin shell over the library (see `cli`).

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("claimdiff: {e:#}");
            ExitCode::from(2)
        }
    }
}
