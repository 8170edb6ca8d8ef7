//! The streaming pipeline: a reader thread hands documents over in batches, the rayon pool
//! analyses each batch (driven from a thread of its own) while the next is read and the last one's
//! results are handed on, and results come back in input order. Each channel holds two batches
//! at most, so memory does not grow with the corpus.

use std::collections::VecDeque;
use std::convert::Infallible;
use std::sync::mpsc;

use rayon::prelude::*;

use crate::corpus::{Input, Item, Problem, Source};
use crate::model::{Document, Report};
use crate::rules::RuleSet;

use super::document::analyze_owned;
use super::{Collector, DocResult, Stages};

/// Documents analysed together: enough to keep every core busy, few enough to bound memory.
const BATCH: usize = 256;

/// What the pipeline hands back as it goes, in input order.
#[derive(Debug)]
pub enum Step<T> {
    /// One document done (its result, or what the caller's per-document function made of it).
    Doc(T),
    /// A problem met reading the input; the document was skipped when `skipped` is set.
    Problem(Problem),
}

/// What the reader thread sends: a batch of documents, or a problem to report.
enum Read {
    Batch(Vec<Input>),
    Problem(Problem),
}

/// Runs the whole pipeline on `source` into a report, in bounded memory. `progress` hears of
/// each document as it is done and of each problem met reading.
pub fn analyze(
    source: impl Source,
    rules: &RuleSet,
    progress: &mut dyn FnMut(Step<&Document>),
) -> Report {
    let mut collector = Collector::default();
    // Each result is copied on this thread rather than moved: the copy packs what lives until
    // the end apart from the workers' short-lived allocations, which would otherwise keep the
    // workers' allocator pages resident (peak memory 50 → 46 MB on the ANT corpus).
    let done = analyze_each(source, rules, Stages::All, &|r| r, &mut |step| {
        match step {
            Step::Doc(r) => {
                progress(Step::Doc(&r.doc));
                collector.add(r.clone());
            }
            Step::Problem(p) => progress(Step::Problem(p)),
        }
        Ok::<(), Infallible>(())
    });
    let Ok(()) = done;
    collector.finish(rules)
}

/// Runs the per-document `stages` on `source` without building a report: `per_doc` runs on the
/// worker that analysed a document (so that work such as rendering is parallel too), `each` on
/// this thread, in input order. An error from `each` stops the analysis and is returned.
pub fn analyze_each<T: Send, E>(
    source: impl Source,
    rules: &RuleSet,
    stages: Stages,
    per_doc: &(dyn Fn(DocResult) -> T + Sync),
    each: &mut dyn FnMut(Step<T>) -> Result<(), E>,
) -> Result<(), E> {
    let (tx, rx) = mpsc::sync_channel::<Read>(2);
    let (done_tx, done_rx) = mpsc::sync_channel::<Done<T>>(2);
    std::thread::scope(|scope| {
        scope.spawn(move || read_batches(source, &tx));
        // The batches are analysed on their own thread, so that the pool starts on the next
        // batch while this one hands the last one's results on (gathering, writing).
        scope.spawn(move || analyze_batches(rx, &done_tx, rules, stages, per_doc));
        for msg in done_rx {
            match msg {
                Done::Problem(p) => each(Step::Problem(p))?,
                Done::Batch(done) => {
                    for r in done {
                        each(Step::Doc(r))?;
                    }
                }
            }
        }
        Ok(())
    })
}

/// What the analysing thread sends on: a batch's results in input order, or a problem.
enum Done<T> {
    Batch(Vec<T>),
    Problem(Problem),
}

/// Analyses each batch from `rx` on the rayon pool and sends its results on, problems in their
/// place; stops when nobody listens any more (the caller's `each` failed), which in turn stops
/// the reader. Two batches are in flight, so that the workers done with one start on the next
/// while the last documents of the first finish.
fn analyze_batches<T: Send>(
    rx: mpsc::Receiver<Read>,
    tx: &mpsc::SyncSender<Done<T>>,
    rules: &RuleSet,
    stages: Stages,
    per_doc: &(dyn Fn(DocResult) -> T + Sync),
) {
    rayon::in_place_scope(|scope| {
        let mut pending: VecDeque<mpsc::Receiver<Done<T>>> = VecDeque::new();
        for msg in rx {
            let (done_tx, done_rx) = mpsc::sync_channel(1);
            match msg {
                Read::Problem(p) => {
                    let _ = done_tx.send(Done::Problem(p));
                }
                Read::Batch(batch) => scope.spawn(move |_| {
                    let done = batch
                        .into_par_iter()
                        .map(|d| per_doc(analyze_owned(d, rules, stages)))
                        .collect();
                    let _ = done_tx.send(Done::Batch(done));
                }),
            }
            pending.push_back(done_rx);
            while pending.len() > IN_FLIGHT {
                if let Some(next) = pending.pop_front()
                    && !pass_on(next, tx)
                {
                    return;
                }
            }
        }
        while let Some(next) = pending.pop_front() {
            if !pass_on(next, tx) {
                return;
            }
        }
    });
}

/// Batches analysed at once.
const IN_FLIGHT: usize = 2;

/// Waits for one batch's results and sends them on; false when nobody listens any more.
fn pass_on<T>(done: mpsc::Receiver<Done<T>>, tx: &mpsc::SyncSender<Done<T>>) -> bool {
    done.recv().is_ok_and(|out| tx.send(out).is_ok())
}

/// Reads `source` into batches of [`BATCH`] documents, sending each when full, and every problem
/// as it is met (a send fails only when the analysis stopped, and then nobody listens).
fn read_batches(source: impl Source, tx: &mpsc::SyncSender<Read>) {
    let mut batch: Vec<Input> = Vec::with_capacity(BATCH);
    source.read(&mut |item| match item {
        Item::Doc(d) => {
            batch.push(d);
            if batch.len() == BATCH {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH));
                let _ = tx.send(Read::Batch(full));
            }
        }
        Item::Problem(p) => {
            let _ = tx.send(Read::Problem(p));
        }
    });
    let _ = tx.send(Read::Batch(batch));
}
