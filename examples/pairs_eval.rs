//! Labels a CSV of statement pairs (columns `s1,s2,stance`) and prints accuracy, per-class
//! precision, recall and F1, and macro-F1 against the gold `stance` column.
//!
//! `cargo run --example pairs_eval -- FILE.csv [OUT.csv]`

use std::collections::HashMap;

use claimdiff::pairs::{PairRules, label_csv};

const LABELS: [&str; 3] = ["agree", "disagree", "other"];

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .ok_or_else(|| anyhow::anyhow!("usage: pairs_eval FILE.csv [OUT.csv]"))?;
    let rules = PairRules::embedded();
    let mut labelled = Vec::new();
    label_csv(std::fs::File::open(path)?, &mut labelled, &rules)?;
    if let Some(out) = args.get(1) {
        std::fs::write(out, &labelled)?;
    }
    let pairs = gold_and_predicted(&labelled)?;
    report(&pairs);
    Ok(())
}

/// The (gold, predicted) labels of every row of a labelled CSV.
fn gold_and_predicted(labelled: &[u8]) -> anyhow::Result<Vec<(String, String)>> {
    let mut rd = csv::Reader::from_reader(labelled);
    let header = rd.headers()?.clone();
    let col = |n: &str| {
        header
            .iter()
            .position(|h| h == n)
            .ok_or_else(|| anyhow::anyhow!("no '{n}' column"))
    };
    let (g, p) = (col("stance")?, col("predicted")?);
    let mut out = Vec::new();
    for rec in rd.records() {
        let rec = rec?;
        out.push((rec[g].trim().to_string(), rec[p].to_string()));
    }
    Ok(out)
}

/// Prints accuracy, per-class P/R/F1, macro-F1 and the confusion counts.
fn report(pairs: &[(String, String)]) {
    let n = pairs.len().max(1) as f64;
    let correct = pairs.iter().filter(|(g, p)| g == p).count();
    println!("rows {}  accuracy {:.4}", pairs.len(), correct as f64 / n);
    let mut confusion: HashMap<(&str, &str), usize> = HashMap::new();
    for (g, p) in pairs {
        *confusion.entry((g.as_str(), p.as_str())).or_default() += 1;
    }
    let mut f1s = Vec::new();
    for l in LABELS {
        let tp = confusion.get(&(l, l)).copied().unwrap_or(0) as f64;
        let pred = pairs.iter().filter(|(_, p)| p == l).count() as f64;
        let gold = pairs.iter().filter(|(g, _)| g == l).count() as f64;
        let (pr, rc) = (
            if pred > 0.0 { tp / pred } else { 0.0 },
            if gold > 0.0 { tp / gold } else { 0.0 },
        );
        let f1 = if pr + rc > 0.0 {
            2.0 * pr * rc / (pr + rc)
        } else {
            0.0
        };
        f1s.push(f1);
        let row: Vec<String> = LABELS
            .iter()
            .map(|q| confusion.get(&(l, *q)).copied().unwrap_or(0).to_string())
            .collect();
        println!(
            "{l:9} P {pr:.3} R {rc:.3} F1 {f1:.3}  gold {gold:4}  predicted as {}: {}",
            LABELS.join("/"),
            row.join("/")
        );
    }
    println!("macro-F1 {:.4}", f1s.iter().sum::<f64>() / f1s.len() as f64);
}
