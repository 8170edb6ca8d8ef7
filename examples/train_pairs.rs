//! Trains the pair model on a CSV of labelled pairs (columns `s1,s2,stance`) and writes it to
//! `rules/ar/pairs-model.txt`; then scores the written file, through the same code as `claimdiff
//! pairs`, on the training CSV and on a development CSV.
//!
//! `cargo run --release --example train_pairs -- TRAIN.csv DEV.csv [--out FILE]`
//!
//! The model is a softmax regression over the hashed features of `claimdiff::pairs::model`,
//! trained by averaged stochastic gradient descent: a fixed number of passes over the rows in an
//! order shuffled by a fixed seed, each label weighted by the inverse square root of its
//! frequency. The same data gives the same file, byte for byte.

use claimdiff::pairs::metrics::Scores;
use claimdiff::pairs::model::{PairModel, argmax, features, softmax};
use claimdiff::pairs::{PairLabel, PairRules, by_rules, compare, prepare};

/// Feature slots: `2^BITS`.
const BITS: u32 = 18;
/// Passes over the training rows.
const EPOCHS: usize = 12;
/// Learning rate.
const RATE: f64 = 0.2;
/// The exponent of the label weights (0: none, 1: inverse frequency).
const BALANCE: f64 = 0.5;
/// Weights are written as multiples of this.
const STEP: f64 = 0.001;
/// The seed of the shuffles.
const SEED: u64 = 14;

struct Row {
    s1: String,
    s2: String,
    gold: PairLabel,
}

fn read(path: &str) -> anyhow::Result<Vec<Row>> {
    let mut rd = csv::Reader::from_path(path)?;
    let header = rd.headers()?.clone();
    let col = |n: &str| {
        header
            .iter()
            .position(|h| h.trim() == n)
            .ok_or_else(|| anyhow::anyhow!("{path}: no '{n}' column"))
    };
    let (c1, c2, cs) = (col("s1")?, col("s2")?, col("stance")?);
    let mut rows = Vec::new();
    for rec in rd.records() {
        let rec = rec?;
        let gold = PairLabel::parse(rec[cs].trim())
            .ok_or_else(|| anyhow::anyhow!("{path}: unknown stance '{}'", &rec[cs]))?;
        rows.push(Row {
            s1: rec[c1].to_string(),
            s2: rec[c2].to_string(),
            gold,
        });
    }
    Ok(rows)
}

/// A small deterministic generator (xorshift64*).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n as u64) as usize
    }
}

fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: train_pairs TRAIN.csv DEV.csv [--out FILE]";
    let (train_path, dev_path) = match (args.first(), args.get(1)) {
        (Some(t), Some(d)) => (t.as_str(), d.as_str()),
        _ => anyhow::bail!(usage),
    };
    let out = match args.get(2).map(String::as_str) {
        Some("--out") => args.get(3).cloned().ok_or_else(|| anyhow::anyhow!(usage))?,
        Some(_) => anyhow::bail!(usage),
        None => "rules/ar/pairs-model.txt".to_string(),
    };
    let (train, dev) = (read(train_path)?, read(dev_path)?);
    let mut rules = PairRules::embedded();
    rules.model = None;
    let lr = rules.lang("ar");
    let xs: Vec<Vec<(u32, f32)>> = train
        .iter()
        .map(|r| {
            let (a, b) = prepare(&r.s1, &r.s2, lr);
            let ruled = by_rules(&a, &b, lr);
            features(&a, &b, lr, &ruled, BITS)
        })
        .collect();
    let mut counts = [0usize; 3];
    for r in &train {
        counts[r.gold.index()] += 1;
    }
    let class_weight = counts.map(|c| (train.len() as f64 / (3.0 * c.max(1) as f64)).powf(BALANCE));

    // averaged SGD: w is the current model, u sums each update times the step it was made at,
    // and the average of all models visited is w - u / t
    let slots = 1usize << BITS;
    let mut w = vec![[0f64; 3]; slots];
    let mut u = vec![[0f64; 3]; slots];
    let (mut bw, mut bu) = ([0f64; 3], [0f64; 3]);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = Rng(SEED);
    let mut t = 1.0f64;
    for _ in 0..EPOCHS {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        for &i in &order {
            let x = &xs[i];
            let mut s = bw;
            for &(j, v) in x {
                for k in 0..3 {
                    s[k] += w[j as usize][k] * f64::from(v);
                }
            }
            let p = softmax(s);
            let y = train[i].gold.index();
            let g: [f64; 3] = std::array::from_fn(|k| {
                RATE * class_weight[y] * (f64::from(u8::from(k == y)) - p[k])
            });
            for k in 0..3 {
                bw[k] += g[k];
                bu[k] += t * g[k];
            }
            for &(j, v) in x {
                for k in 0..3 {
                    let d = g[k] * f64::from(v);
                    w[j as usize][k] += d;
                    u[j as usize][k] += t * d;
                }
            }
            t += 1.0;
        }
    }
    let mut model = PairModel::zeros("ar", BITS);
    model.bias = std::array::from_fn(|k| (bw[k] - bu[k] / t) as f32);
    for (m, (w, u)) in model.weights.iter_mut().zip(w.iter().zip(&u)) {
        *m = std::array::from_fn(|k| (w[k] - u[k] / t) as f32);
    }
    let header = format!(
        "The learned sentence-pair model of `claimdiff pair`/`pairs`, for Arabic pairs.\n\
         Written by `cargo run --release --example train_pairs -- TRAIN.csv DEV.csv` on the\n\
         ANS stance training split ({} rows); do not edit by hand.\n\
         bits {BITS}, epochs {EPOCHS}, rate {RATE}, balance {BALANCE}, seed {SEED}",
        train.len()
    );
    let text = model.to_text(&header, STEP);
    std::fs::write(&out, &text)?;
    let slots_used = text.lines().filter(|l| !l.starts_with('#')).count() - 4;
    println!(
        "wrote {out}: {} bytes, {slots_used} slots of {slots}",
        text.len()
    );

    // score the file as written, through compare() as `claimdiff pairs` does
    rules.model = Some(PairModel::parse(&text)?);
    let fit: usize = xs
        .iter()
        .zip(&train)
        .filter(|(x, r)| {
            let m = rules.model.as_ref().expect("model");
            argmax(&m.probabilities(x)) == r.gold.index()
        })
        .count();
    let scores = |rows: &[Row]| {
        Scores::of(
            rows.iter()
                .map(|r| (r.gold, compare(&r.s1, &r.s2, &rules).label)),
        )
    };
    println!(
        "train ({train_path}): accuracy {:.4}",
        fit as f64 / train.len() as f64
    );
    println!("dev ({dev_path}):\n{}", scores(&dev));
    Ok(())
}
