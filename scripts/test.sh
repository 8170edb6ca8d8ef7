#!/usr/bin/env bash
# Runs every test: formatting, lints, the test suite (unit, rule examples, snapshots, CLI, browser,
# the cluster job in Spark's local mode).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo test --all-targets
cargo test --doc
