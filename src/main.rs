//! The `claimdiff` binary: a thin shell over the library (see `cli`).

mod cli;

/// jemalloc: a run makes and frees many small strings and vectors on several threads at once,
/// which the system allocator serves about a sixth slower (BENCHMARKS.md, issue 19); its one
/// arena is set in `.cargo/config.toml`.
#[cfg(not(target_env = "msvc"))]
#[global_allocator]
static ALLOC: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

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
