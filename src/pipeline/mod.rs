//! The pipeline, which the library owns: documents stream from a [`Source`](crate::corpus::Source)
//! through the per-document stages ([`analyze_document`]: text, claims, meetings) on every
//! core, then the cross-document stages ([`Collector`]: events merged, accounts compared) build
//! the [`Report`](crate::model::Report). [`analyze`] is the one entry the command line, the
//! benches, the fuzz targets and library users call; [`examples`] runs the rule files' examples
//! through it. [`records`] writes each document's result as JSON Lines and reads it back, so
//! the two halves can run apart (a cluster's map step, then `report --from-claims`); [`parts`]
//! merges the reports of groups of documents reduced apart (`report --from-parts`).

mod collect;
mod document;
pub mod examples;
pub mod parts;
pub mod records;
mod stream;

pub use collect::Collector;
pub use document::{DocResult, Stages, analyze_document, analyze_stages};
pub use stream::{Step, analyze, analyze_each};
