//! Per-stage benchmarks on the seed articles: text preparation, claim extraction, meeting
//! mentions, the whole pipeline (the library's streaming `analyze`, as the command line runs it),
//! and assembling the report from per-document results (events + findings).
//! `cargo bench --bench stages`

use std::hint::black_box;

use claimdiff::corpus::{self, Input};
use claimdiff::rules::RuleSet;
use claimdiff::text::Prepared;
use claimdiff::{Collector, DocResult, Step};

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
fn analyze(b: divan::Bencher) {
    let (rules, inputs) = seeds();
    b.with_inputs(|| inputs.clone())
        .bench_values(|inputs| claimdiff::analyze(inputs, &rules, &mut |_| {}).claims.len());
}

#[divan::bench]
fn assemble_report(b: divan::Bencher) {
    let (rules, inputs) = seeds();
    b.with_inputs(|| per_document(&rules, &inputs))
        .bench_values(|results| {
            let mut collector = Collector::default();
            for r in results {
                collector.add(r);
            }
            collector.finish(&rules).findings.len()
        });
}

/// Every seed's per-document result, in order.
fn per_document(rules: &RuleSet, inputs: &[Input]) -> Vec<DocResult> {
    let mut out = Vec::new();
    let each = claimdiff::analyze_each(
        inputs.to_vec(),
        rules,
        claimdiff::Stages::All,
        &|r| r,
        &mut |step| {
            if let Step::Doc(r) = step {
                out.push(r);
            }
            Ok::<(), std::convert::Infallible>(())
        },
    );
    let Ok(()) = each;
    out
}
