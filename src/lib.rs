//! claimdiff reads news articles, extracts attributed claims (who said what, with which verb,
//! about what), groups them by the meeting they are about, and flags accounts that conflict.
//!
//! The pipeline runs one way, each stage a function from plain data to plain data:
//! [`corpus`] → [`text::prepare`] → [`extract::claims`] → [`events::group`] →
//! [`compare::find`] → [`model::Report`] → [`render`]. All linguistic knowledge is rule data
//! ([`rules::RuleSet`]), embedded by default and replaceable with a folder. [`analyze`] runs
//! the whole pipeline on a stream of documents in bounded memory:
//!
//! ```
//! use claimdiff::corpus::{Input, Paths};
//! use claimdiff::rules::RuleSet;
//!
//! let rules = RuleSet::embedded().expect("the built-in rules load");
//! let paths = ["seeds".into()];
//! let source = Paths { paths: &paths, options: Default::default() };
//! let report = claimdiff::analyze(source, &rules, &mut |_| {});
//! assert!(!report.claims.is_empty());
//! # let _: Vec<Input> = Vec::new();
//! ```
//!
//! The modules stand on floors, each importing only from those below it: [`model`]; [`lang`],
//! [`text`] (with the word lexicons); [`rules`] (loading and validation); [`corpus`] (input);
//! the stages [`extract`], [`events`], [`compare`], [`pairs`]; [`render`] and [`eval`], which
//! read a report; and [`pipeline`], which runs the stages.

pub mod compare;
pub mod corpus;
pub mod eval;
pub mod events;
pub mod extract;
pub mod lang;
pub mod model;
pub mod pairs;
pub mod pipeline;
pub mod render;
pub mod rules;
#[cfg(feature = "serve")]
pub mod serve;
pub mod text;

pub use pipeline::{
    Collector, DocResult, Stages, Step, analyze, analyze_document, analyze_each, analyze_stages,
};
