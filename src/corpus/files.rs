//! Files and folders: which files a path stands for (folders read recursively, sorted), and
//! each file read as one document (`.txt`, `.html`/`.htm`) or a JSON Lines corpus.

use std::path::{Path, PathBuf};

use super::item::{Input, Item, Options, Problem, decode, problem, read_bounded, skipped, too_big};
use super::{jsonl, page};
use crate::model::Document;

/// The files a path stands for: itself, or the article files below a folder, sorted. A subfolder
/// that cannot be read is reported in the second list and passed over; a folder is entered once,
/// so a symbolic link back up the tree is not a loop.
pub fn expand(path: &Path) -> (Vec<PathBuf>, Vec<Problem>) {
    if !path.is_dir() {
        return (vec![path.to_path_buf()], Vec::new());
    }
    let (mut out, mut problems) = (Vec::new(), Vec::new());
    let mut entered = std::collections::HashSet::new();
    let mut stack = vec![path.to_path_buf()];
    while let Some(dir) = stack.pop() {
        if !entered.insert(dir.canonicalize().unwrap_or_else(|_| dir.clone())) {
            continue;
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) => {
                problems.push(skipped(dir.display(), format!("cannot read folder: {e}")));
                continue;
            }
        };
        for entry in entries {
            match entry {
                Ok(e) if e.path().is_dir() => stack.push(e.path()),
                Ok(e) if is_article_file(&e.path()) => out.push(e.path()),
                Ok(_) => {}
                Err(e) => problems.push(skipped(dir.display(), format!("cannot read folder: {e}"))),
            }
        }
    }
    out.sort();
    (out, problems)
}

/// Whether a file name looks like an article or a JSON Lines corpus.
pub fn is_article_file(p: &Path) -> bool {
    let ext = p
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    matches!(
        ext.as_deref(),
        Some("txt" | "jsonl" | "ndjson" | "html" | "htm")
    )
}

pub(super) fn visit_path(path: &Path, opts: Options, sink: &mut dyn FnMut(Item)) {
    let shown = path.display().to_string();
    if shown == "-" {
        match read_bounded(std::io::stdin().lock(), opts.max_doc_bytes) {
            Ok(bytes) => sink(document("-", "stdin", bytes, opts)),
            Err(e) => sink(problem("-", format!("cannot read standard input: {e}"))),
        }
        return;
    }
    if !path.exists() {
        return sink(problem(&shown, "no such file or folder"));
    }
    let (files, problems) = expand(path);
    for p in problems {
        sink(Item::Problem(p));
    }
    if path.is_dir() && files.is_empty() {
        sink(problem(
            &shown,
            "folder has no article files (.txt, .jsonl, .ndjson, .html, .htm)",
        ));
    }
    for file in files {
        visit_file(&file, opts, sink);
    }
}

fn visit_file(file: &Path, opts: Options, sink: &mut dyn FnMut(Item)) {
    let shown = file.display().to_string();
    let ext = file
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("jsonl" | "ndjson")) {
        return match std::fs::File::open(file) {
            Ok(f) => jsonl::read(&shown, std::io::BufReader::new(f), opts, sink),
            Err(e) => sink(problem(&shown, format!("cannot read: {e}"))),
        };
    }
    match std::fs::metadata(file) {
        Ok(m) if m.len() > opts.max_doc_bytes as u64 => {
            return sink(problem(&shown, too_big(Some(m.len()), opts.max_doc_bytes)));
        }
        _ => {}
    }
    match std::fs::File::open(file).and_then(|f| read_bounded(f, opts.max_doc_bytes)) {
        Ok(bytes) => {
            let id = file
                .file_stem()
                .map_or_else(|| shown.clone(), |s| s.to_string_lossy().into_owned());
            sink(document(&shown, &id, bytes, opts));
        }
        Err(e) => sink(problem(&shown, format!("cannot read: {e}"))),
    }
}

/// Turns a file's bytes into a document, or says why not.
fn document(shown: &str, id: &str, bytes: Vec<u8>, opts: Options) -> Item {
    if bytes.len() > opts.max_doc_bytes {
        return problem(shown, too_big(None, opts.max_doc_bytes));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return problem(
            format!("{shown}:byte {at}"),
            "NUL byte: binary content, expected text",
        );
    }
    let text = match decode(shown, bytes, opts.lossy) {
        Ok(t) => t,
        Err(p) => return Item::Problem(p),
    };
    let is_html = Path::new(shown)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"));
    let mut doc = Document {
        id: id.to_string(),
        path: shown.to_string(),
        ..Default::default()
    };
    let text = if is_html {
        let page = match page::extract(&text) {
            Ok(page) => page,
            Err(message) => return problem(shown, message),
        };
        doc.title = page.title;
        doc.published = page.published;
        doc.text = Some(page.text.clone());
        page.text
    } else {
        text
    };
    Item::Doc(Input { doc, text })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documents_over_the_limit_or_with_nul_are_skipped() {
        let opts = Options {
            lossy: false,
            max_doc_bytes: 4,
        };
        let Item::Problem(p) = document("f.txt", "f", b"12345".to_vec(), opts) else {
            panic!("not skipped")
        };
        assert!(p.message.contains("--max-doc-bytes 4"), "{p}");
        let Item::Problem(p) = document("f.txt", "f", b"a\0b".to_vec(), opts) else {
            panic!("not skipped")
        };
        assert_eq!(p.location, "f.txt:byte 1");
    }
}
