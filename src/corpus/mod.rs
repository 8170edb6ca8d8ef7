//! The input wing: reading articles from `.txt` files, folders (recursive, sorted), JSON Lines
//! (`.jsonl`/`.ndjson`), HTML pages and standard input. Bad input never stops a run: each
//! problem is reported with its file and line or byte offset, the document is skipped, and the
//! rest is read. A [`Source`] hands documents over one at a time, so a corpus is read in
//! bounded memory.

mod files;
mod item;
pub mod jsonl;
pub mod page;

use std::collections::HashMap;
use std::path::PathBuf;

pub use files::{expand, is_article_file};
pub use item::{Input, Item, Options, Problem, decode, decode_slice, too_big};

/// Anything that hands documents, and the problems met reading them, to a sink in input order.
pub trait Source: Send {
    /// Reads everything, handing over each item as soon as it is read.
    fn read(self, sink: &mut dyn FnMut(Item));
}

/// Documents already in memory.
impl Source for Vec<Input> {
    fn read(self, sink: &mut dyn FnMut(Item)) {
        for d in self {
            sink(Item::Doc(d));
        }
    }
}

/// Files, folders and standard input (`-`), read in order with duplicate ids renamed.
#[derive(Debug, Clone, Copy)]
pub struct Paths<'a> {
    /// What to read.
    pub paths: &'a [PathBuf],
    /// How to read it.
    pub options: Options,
}

impl Source for Paths<'_> {
    fn read(self, sink: &mut dyn FnMut(Item)) {
        visit(self.paths, self.options, sink);
    }
}

/// What a load produced.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Documents, in input order.
    pub inputs: Vec<Input>,
    /// Problems, in the order met.
    pub problems: Vec<Problem>,
}

impl Loaded {
    /// Whether anything was skipped.
    pub fn skipped_any(&self) -> bool {
        self.problems.iter().any(|p| p.skipped)
    }
}

/// Reads every input path (`-` is standard input) into memory, renaming duplicate ids.
pub fn load(paths: &[PathBuf], opts: Options) -> Loaded {
    let mut out = Loaded::default();
    visit(paths, opts, &mut |item| match item {
        Item::Doc(d) => out.inputs.push(d),
        Item::Problem(p) => out.problems.push(p),
    });
    out
}

/// Reads every input path in order, handing each document or problem to `sink` as soon as it is
/// read, so that a caller can process a corpus in bounded memory. Duplicate ids are renamed.
pub fn visit(paths: &[PathBuf], opts: Options, sink: &mut dyn FnMut(Item)) {
    let mut ids = Ids::default();
    let mut renaming = |item: Item, sink: &mut dyn FnMut(Item)| match item {
        Item::Doc(mut d) => {
            if let Some(new) = ids.claim(&d.doc.id) {
                sink(Item::Problem(Problem {
                    location: d.doc.path.clone(),
                    message: format!(
                        "duplicate document id '{}': renamed to '{new}' (not an error)",
                        d.doc.id
                    ),
                    skipped: false,
                }));
                d.doc.id = new;
            }
            sink(Item::Doc(d));
        }
        other => sink(other),
    };
    for path in paths {
        files::visit_path(path, opts, &mut |item| renaming(item, sink));
    }
}

#[derive(Default)]
struct Ids {
    /// Every id in use, with the last suffix tried for it.
    used: HashMap<String, usize>,
}

impl Ids {
    /// Takes `id`, or returns the new id (`id~2`, `id~3`, ...) when it is taken. A new id is never
    /// one already given out, even when the input itself has ids like `a~2`.
    fn claim(&mut self, id: &str) -> Option<String> {
        let Some(n) = self.used.get(id).copied() else {
            self.used.insert(id.to_string(), 1);
            return None;
        };
        let mut k = n + 1;
        while self.used.contains_key(&format!("{id}~{k}")) {
            k += 1;
        }
        self.used.insert(id.to_string(), k);
        let new = format!("{id}~{k}");
        self.used.insert(new.clone(), 1);
        Some(new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renamed_ids_never_collide() {
        let mut ids = Ids::default();
        let got: Vec<Option<String>> = ["a", "a~2", "a", "a", "b"]
            .iter()
            .map(|id| ids.claim(id))
            .collect();
        assert_eq!(
            got,
            [None, None, Some("a~3".into()), Some("a~4".into()), None]
        );
    }
}
