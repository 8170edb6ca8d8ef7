//! Labels a CSV of statement pairs (columns `s1,s2,stance`) and prints accuracy, per-class
//! precision, recall and F1, and macro-F1 against the gold `stance` column.
//!
//! `cargo run --example pairs_eval -- FILE.csv [OUT.csv] [--rules-only]`
//!
//! With `--rules-only` the learned model is left out: the figures of the rules alone.

use claimdiff::pairs::metrics::Scores;
use claimdiff::pairs::{PairLabel, PairRules, label_csv};

fn main() -> anyhow::Result<()> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let rules_only = args.iter().any(|a| a == "--rules-only");
    args.retain(|a| a != "--rules-only");
    let path = args
        .first()
        .ok_or_else(|| anyhow::anyhow!("usage: pairs_eval FILE.csv [OUT.csv] [--rules-only]"))?;
    let mut rules = PairRules::embedded();
    if rules_only {
        rules.model = None;
    }
    let mut labelled = Vec::new();
    label_csv(std::fs::File::open(path)?, &mut labelled, &rules)?;
    if let Some(out) = args.get(1) {
        std::fs::write(out, &labelled)?;
    }
    print!("{}", Scores::of(gold_and_predicted(&labelled)?));
    Ok(())
}

/// The (gold, predicted) labels of every row of a labelled CSV.
fn gold_and_predicted(labelled: &[u8]) -> anyhow::Result<Vec<(PairLabel, PairLabel)>> {
    let mut rd = csv::Reader::from_reader(labelled);
    let header = rd.headers()?.clone();
    let col = |n: &str| {
        header
            .iter()
            .position(|h| h == n)
            .ok_or_else(|| anyhow::anyhow!("no '{n}' column"))
    };
    let (g, p) = (col("stance")?, col("predicted")?);
    let label =
        |s: &str| PairLabel::parse(s.trim()).ok_or_else(|| anyhow::anyhow!("unknown label '{s}'"));
    let mut out = Vec::new();
    for rec in rd.records() {
        let rec = rec?;
        out.push((label(&rec[g])?, label(&rec[p])?));
    }
    Ok(out)
}
