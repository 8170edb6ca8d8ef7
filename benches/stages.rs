//! Per-stage benchmarks on the seed articles: text preparation, claim extraction, meeting
//! mentions, the whole per-document analysis, and assembling the report (events + findings).
//! `cargo bench --bench stages`

use std::hint::black_box;

use claimdiff::corpus::{self, Input};
use claimdiff::rules::RuleSet;
use claimdiff::text::Prepared;

fn main() {
    divan::main();
}

fn seeds() -> (RuleSet, Vec<Input>) {
    let rules = RuleSet::embedded().expect("built-in rules load");
    let loaded = corpus::load(&["seeds".into()], Default::default());
    (rules, loaded.inputs)
}

/// The seeds prepared with the Arabic rules, for the stages that come after preparation.
fn prepared_seeds() -> (RuleSet, Vec<Prepared>) {
    let (rules, inputs) = seeds();
    let prepared = inputs
        .iter()
        .map(|i| claimdiff::text::prepare(&i.text, rules.lang("ar")))
        .collect();
    (rules, prepared)
}

#[divan::bench]
fn load_rules() -> RuleSet {
    RuleSet::embedded().expect("built-in rules load")
}

#[divan::bench]
fn prepare(b: divan::Bencher) {
    let (rules, inputs) = seeds();
    let ar = rules.lang("ar");
    b.bench(|| {
        inputs
            .iter()
            .map(|i| {
                claimdiff::text::prepare(black_box(&i.text), ar)
                    .tokens
                    .len()
            })
            .sum::<usize>()
    });
}

#[divan::bench]
fn extract(b: divan::Bencher) {
    let (rules, prepared) = prepared_seeds();
    let ar = rules.lang("ar");
    b.bench(|| {
        prepared
            .iter()
            .map(|p| claimdiff::extract::claims("d", black_box(p), ar).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn mentions(b: divan::Bencher) {
    let (rules, prepared) = prepared_seeds();
    let ar = rules.lang("ar");
    b.bench(|| {
        prepared
            .iter()
            .map(|p| claimdiff::events::mention::mentions(black_box(p), ar, None).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn analyze_documents(b: divan::Bencher) {
    let (rules, inputs) = seeds();
    b.bench(|| claimdiff::analyze_documents(black_box(&inputs), &rules).len());
}

#[divan::bench]
fn assemble_report(b: divan::Bencher) {
    let (rules, inputs) = seeds();
    b.with_inputs(|| claimdiff::analyze_documents(&inputs, &rules))
        .bench_values(|results| claimdiff::assemble(results, &rules).findings.len());
}
