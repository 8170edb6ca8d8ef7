//! The learned pair model: a linear (softmax) model over hashed features of a pair, shipped as data
//! in `rules/ar/pairs-model.txt` and trained by `cargo run --release --example train_pairs`.
//!
//! The features of a pair ([`features`]) are the rules' own verdict (label and rule id), the
//! signals of every check whether or not it decided (negation on one side, opposed words, numbers,
//! swapped or new entities), the content overlap (as values and in bins), the words each statement
//! has that the other lacks, and character n-grams of both statements and of their difference.
//! Each feature name is hashed (FNV-1a) into `2^bits` slots; a slot holds one weight per label.
//!
//! The file is text: `#` comments, then `lang`, `bits`, `step` (the quantization step of the
//! weights), `bias` (three integers), and one line `slot agree disagree other` per slot whose
//! weights are not all zero, every weight an integer multiple of `step`.

use std::collections::BTreeSet;
use std::fmt;

use super::features::{Statement, overlap};
use super::{PairLabel, PairLang, PairVerdict, negation, numbers, opposition, parties};

/// Where the model lives in a rules folder.
pub const MODEL_FILE: &str = "ar/pairs-model.txt";

/// The embedded model.
const EMBEDDED: &str = include_str!("../../rules/ar/pairs-model.txt");

/// Character n-gram lengths taken from each word (padded with `<` and `>`).
const NGRAMS: std::ops::RangeInclusive<usize> = 2..=4;

/// A model file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    /// 1-based line (0: the file as a whole).
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", MODEL_FILE, self.line, self.message)
    }
}

impl std::error::Error for ModelError {}

/// A linear model over hashed pair features.
#[derive(Debug, Clone, PartialEq)]
pub struct PairModel {
    /// The language of the pairs it was trained on (`ar`); pairs in another language get the
    /// rules' verdict.
    pub lang: String,
    /// The feature space has `2^bits` slots.
    pub bits: u32,
    /// One bias per label.
    pub bias: [f32; 3],
    /// One weight per slot and label (`2^bits` slots).
    pub weights: Vec<[f32; 3]>,
}

impl PairModel {
    /// A model of zero weights.
    pub fn zeros(lang: &str, bits: u32) -> PairModel {
        PairModel {
            lang: lang.to_string(),
            bits,
            bias: [0.0; 3],
            weights: vec![[0.0; 3]; 1 << bits],
        }
    }

    /// The embedded model.
    pub fn embedded() -> PairModel {
        PairModel::parse(EMBEDDED).unwrap_or_else(|e| panic!("embedded pair model: {e}"))
    }

    /// Reads a model file.
    pub fn parse(text: &str) -> Result<PairModel, ModelError> {
        let err = |line: usize, message: String| ModelError { line, message };
        let (mut lang, mut bits, mut step, mut bias) = (None, None, None, None);
        let mut model: Option<PairModel> = None;
        for (n, line) in text.lines().enumerate() {
            let n = n + 1;
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split_ascii_whitespace();
            let head = parts.next().unwrap_or_default();
            let rest: Vec<&str> = parts.collect();
            let ints = |v: &[&str]| -> Result<[i64; 3], ModelError> {
                let nums: Vec<i64> = v
                    .iter()
                    .map(|x| x.parse::<i64>())
                    .collect::<Result<_, _>>()
                    .map_err(|e| err(n, format!("expected integers: {e}")))?;
                <[i64; 3]>::try_from(nums).map_err(|_| err(n, "expected three weights".into()))
            };
            match head {
                "lang" => lang = rest.first().map(|s| s.to_string()),
                "bits" => {
                    let b: u32 = rest
                        .first()
                        .and_then(|s| s.parse().ok())
                        .filter(|b| (1..=24).contains(b))
                        .ok_or_else(|| err(n, "expected bits between 1 and 24".into()))?;
                    bits = Some(b);
                }
                "step" => {
                    let s: f64 = rest
                        .first()
                        .and_then(|s| s.parse().ok())
                        .filter(|s: &f64| *s > 0.0)
                        .ok_or_else(|| err(n, "expected a positive step".into()))?;
                    step = Some(s);
                }
                "bias" => bias = Some(ints(&rest)?),
                slot => {
                    let (Some(l), Some(b), Some(s), Some(bi)) = (&lang, bits, step, bias) else {
                        return Err(err(n, "weights before lang, bits, step and bias".into()));
                    };
                    let m = model.get_or_insert_with(|| {
                        let mut m = PairModel::zeros(l, b);
                        m.bias = bi.map(|x| (x as f64 * s) as f32);
                        m
                    });
                    let i: usize = slot
                        .parse()
                        .ok()
                        .filter(|&i| i < m.weights.len())
                        .ok_or_else(|| err(n, format!("'{slot}' is not a slot below 2^{b}")))?;
                    m.weights[i] = ints(&rest)?.map(|x| (x as f64 * s) as f32);
                }
            }
        }
        match model {
            Some(m) => Ok(m),
            None => match (lang, bits, step, bias) {
                (Some(l), Some(b), Some(s), Some(bi)) => {
                    let mut m = PairModel::zeros(&l, b);
                    m.bias = bi.map(|x| (x as f64 * s) as f32);
                    Ok(m)
                }
                _ => Err(err(0, "expected lang, bits, step and bias lines".into())),
            },
        }
    }

    /// The model as a file: every weight rounded to a multiple of `step`, slots whose three
    /// weights round to zero left out. `header` is written as comments first.
    pub fn to_text(&self, header: &str, step: f64) -> String {
        use std::fmt::Write;
        let q = |w: f32| (w as f64 / step).round() as i64;
        let mut out = String::new();
        for line in header.lines() {
            let _ = writeln!(out, "# {line}");
        }
        let _ = writeln!(out, "lang {}", self.lang);
        let _ = writeln!(out, "bits {}", self.bits);
        let _ = writeln!(out, "step {step}");
        let b = self.bias.map(q);
        let _ = writeln!(out, "bias {} {} {}", b[0], b[1], b[2]);
        for (i, w) in self.weights.iter().enumerate() {
            let w = w.map(q);
            if w != [0, 0, 0] {
                let _ = writeln!(out, "{i} {} {} {}", w[0], w[1], w[2]);
            }
        }
        out
    }

    /// The probability of each label (in the order of [`PairLabel::ALL`]) for a feature vector.
    pub fn probabilities(&self, features: &[(u32, f32)]) -> [f64; 3] {
        let mut s = self.bias.map(f64::from);
        for &(i, x) in features {
            let w = &self.weights[i as usize & (self.weights.len() - 1)];
            for k in 0..3 {
                s[k] += f64::from(w[k]) * f64::from(x);
            }
        }
        softmax(s)
    }

    /// The model's verdict on a prepared pair, given the rules' own: the label of highest
    /// probability, with the rule that fired and the model's confidence in the reason.
    pub fn decide(
        &self,
        a: &Statement,
        b: &Statement,
        rules: &PairLang,
        ruled: PairVerdict,
    ) -> PairVerdict {
        let p = self.probabilities(&features(a, b, rules, &ruled, self.bits));
        let best = argmax(&p);
        let label = PairLabel::ALL[best];
        let why = if label == ruled.label {
            format!("{}; model agrees ({:.2})", ruled.why, p[best])
        } else {
            format!(
                "model: {} ({:.2}) over the rules' {}: {}",
                label.as_str(),
                p[best],
                ruled.label.as_str(),
                ruled.why
            )
        };
        PairVerdict {
            label,
            why,
            rule: ruled.rule,
            confidence: Some(p[best]),
        }
    }
}

/// The index of the largest value (the first of equal ones).
pub fn argmax(p: &[f64; 3]) -> usize {
    let mut best = 0;
    for k in 1..3 {
        if p[k] > p[best] {
            best = k;
        }
    }
    best
}

/// Probabilities from scores.
pub fn softmax(s: [f64; 3]) -> [f64; 3] {
    let m = s.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let e = s.map(|x| (x - m).exp());
    let z: f64 = e.iter().sum();
    e.map(|x| x / z)
}

/// FNV-1a over the bytes of some strings, each followed by a separator.
fn fnv(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for &byte in p.as_bytes().iter().chain(&[0x1f]) {
            h ^= u64::from(byte);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// A 64-bit hash folded into a slot of `2^bits`.
fn slot(h: u64, bits: u32) -> u32 {
    let h = h ^ (h >> 29) ^ (h >> 47);
    (h & ((1u64 << bits) - 1)) as u32
}

/// The hashed character n-grams of a statement's words (each padded with `<` and `>`).
fn char_ngrams(st: &Statement) -> BTreeSet<u64> {
    let mut out = BTreeSet::new();
    for w in &st.words {
        let chars: Vec<char> = std::iter::once('<')
            .chain(w.stem.chars())
            .chain(std::iter::once('>'))
            .collect();
        for n in NGRAMS {
            for g in chars.windows(n) {
                let s: String = g.iter().collect();
                out.insert(fnv(&[&s]));
            }
        }
    }
    out
}

/// The stems of `a` that `b` does not have (function words included: `لم` counts).
fn missing<'a>(a: &'a Statement, b: &Statement) -> Vec<&'a str> {
    let mut out: Vec<&str> = a
        .words
        .iter()
        .filter(|w| {
            !b.words
                .iter()
                .any(|v| a.stemmer.same_word(&w.stem, &v.stem))
        })
        .map(|w| w.stem.as_str())
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// One of the rules' checks.
type Check = fn(&Statement, &Statement, &PairLang) -> Option<PairVerdict>;

/// Collects weighted features.
struct Features {
    bits: u32,
    out: Vec<(u32, f32)>,
}

impl Features {
    fn add(&mut self, parts: &[&str], x: f32) {
        self.out.push((slot(fnv(parts), self.bits), x));
    }

    /// A group of binary features, scaled so that the group has unit length.
    fn group<'a>(&mut self, name: &str, items: impl IntoIterator<Item = &'a str>) {
        let items: Vec<&str> = items.into_iter().collect();
        let x = 1.0 / (items.len().max(1) as f32).sqrt();
        for it in items {
            self.add(&[name, it], x);
        }
    }

    /// A group of hashed n-grams, scaled so that the group has unit length.
    fn hashed(&mut self, name: &str, grams: &[u64]) {
        let x = 1.0 / (grams.len().max(1) as f32).sqrt();
        let tag = fnv(&[name]);
        for &g in grams {
            let h = (g ^ tag).wrapping_mul(0x9e37_79b9_7f4a_7c15);
            self.out.push((slot(h, self.bits), x));
        }
    }
}

/// The features of a pair, given the rules' verdict on it.
pub fn features(
    a: &Statement,
    b: &Statement,
    rules: &PairLang,
    ruled: &PairVerdict,
    bits: u32,
) -> Vec<(u32, f32)> {
    let mut f = Features {
        bits,
        out: Vec::with_capacity(256),
    };
    f.add(&["bias"], 1.0);
    let rule = ruled.rule.as_str();
    let family = rule.split('.').take(2).collect::<Vec<_>>().join(".");
    f.add(&["label", ruled.label.as_str()], 1.0);
    f.add(&["rule", rule], 1.0);
    f.add(&["family", &family], 1.0);
    overlap_features(&mut f, a, b, &family);
    signal_features(&mut f, a, b, rules);
    word_features(&mut f, a, b);
    gram_features(&mut f, a, b);
    f.out
}

/// How much of each statement's words the other shares: min, max and mean, as values and in
/// tenths, the mean also with the rule family.
fn overlap_features(f: &mut Features, a: &Statement, b: &Statement, family: &str) {
    let (o1, o2) = overlap(a, b);
    let (lo, hi) = (o1.min(o2), o1.max(o2));
    let mean = (o1 + o2) / 2.0;
    let bin = |x: f64| ((x * 10.0).floor() as i64).clamp(0, 10).to_string();
    f.add(&["overlap.min"], lo as f32);
    f.add(&["overlap.max"], hi as f32);
    f.add(&["overlap.mean"], mean as f32);
    f.add(&["bin.mean", &bin(mean)], 1.0);
    f.add(&["bin.min", &bin(lo)], 1.0);
    f.add(&["bin.max", &bin(hi)], 1.0);
    f.add(&["rule x bin", family, &bin(mean)], 1.0);
}

/// The rules' signals that fire on the pair (opposition, negation, numbers, parties), with the
/// rule of each and the side a negation is on.
fn signal_features(f: &mut Features, a: &Statement, b: &Statement, rules: &PairLang) {
    let checks: [(&str, Check); 4] = [
        ("opposition", opposition),
        ("negation", negation),
        ("numbers", numbers),
        ("parties", parties),
    ];
    for (name, check) in checks {
        if let Some(v) = check(a, b, rules) {
            f.add(&["signal", name], 1.0);
            f.add(&["signal rule", &v.rule], 1.0);
            if name == "negation" {
                let side = if v.why.contains(" in s1 only") {
                    "s1"
                } else {
                    "s2"
                };
                f.add(&["negation side", side], 1.0);
            }
        }
    }
}

/// Which statements have numbers, and the words one has that the other lacks.
fn word_features(f: &mut Features, a: &Statement, b: &Statement) {
    f.add(
        &[
            "numbers",
            if a.numbers.is_empty() { "-" } else { "n" },
            if b.numbers.is_empty() { "-" } else { "n" },
        ],
        1.0,
    );
    let (gone, new) = (missing(a, b), missing(b, a));
    let count = |n: usize| n.min(5).to_string();
    f.add(&["gone", &count(gone.len())], 1.0);
    f.add(&["new", &count(new.len())], 1.0);
    f.add(&["gone new", &count(gone.len()), &count(new.len())], 1.0);
    f.group("-w", gone.iter().copied());
    f.group("+w", new.iter().copied());
    f.group("±w", gone.iter().chain(&new).copied());
}

/// The character n-grams only one statement has, both have, and either has.
fn gram_features(f: &mut Features, a: &Statement, b: &Statement) {
    let (ga, gb) = (char_ngrams(a), char_ngrams(b));
    let only_a: Vec<u64> = ga.difference(&gb).copied().collect();
    let only_b: Vec<u64> = gb.difference(&ga).copied().collect();
    let both: Vec<u64> = ga.intersection(&gb).copied().collect();
    f.hashed("-g", &only_a);
    f.hashed("+g", &only_b);
    f.hashed("=g", &both);
    let all: Vec<u64> = ga.union(&gb).copied().collect();
    f.hashed("g", &all);
}
