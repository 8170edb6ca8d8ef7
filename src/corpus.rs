//! Reading articles: `.txt` files, folders (recursive, sorted), JSON Lines (`.jsonl`/`.ndjson`),
//! HTML pages and standard input. Bad input never stops a run: each problem is reported with its
//! file and line or byte offset, the document is skipped, and the rest is read.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::Document;

/// A document with the text its spans refer to.
#[derive(Debug, Clone)]
pub struct Input {
    /// Metadata.
    pub doc: Document,
    /// The text as read (after HTML extraction for HTML input).
    pub text: String,
}

/// Something wrong with the input, said once and skipped past.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// `path`, `path:line` or `path:byte N`.
    pub location: String,
    /// What is wrong and what was expected.
    pub message: String,
    /// Whether a document (or line) was skipped; notes (a renamed id) are not failures.
    pub skipped: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// How to read.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Replace invalid UTF-8 instead of skipping the document.
    pub lossy: bool,
    /// Documents larger than this are skipped.
    pub max_doc_bytes: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            lossy: false,
            max_doc_bytes: 16 * 1024 * 1024,
        }
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

/// One item read from the input: a document or a problem.
#[derive(Debug)]
pub enum Item {
    /// A document.
    Doc(Input),
    /// Something skipped or noted.
    Problem(Problem),
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
        visit_path(path, opts, &mut |item| renaming(item, sink));
    }
}

/// The document ids given out so far.
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

fn skipped(location: impl fmt::Display, message: impl Into<String>) -> Problem {
    Problem {
        location: location.to_string(),
        message: message.into(),
        skipped: true,
    }
}

fn problem(location: impl fmt::Display, message: impl Into<String>) -> Item {
    Item::Problem(skipped(location, message))
}

/// Why a document over `--max-doc-bytes` is skipped; `size` when it is known (not when reading
/// stopped at the limit).
pub fn too_big(size: Option<u64>, max: usize) -> String {
    match size {
        Some(n) => format!("{n} bytes is over --max-doc-bytes {max}: skipped, not truncated"),
        None => format!("more than --max-doc-bytes {max} bytes: skipped, not truncated"),
    }
}

/// Reads at most `max + 1` bytes, so that an endless or huge input costs bounded memory.
fn read_bounded(reader: impl Read, max: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(max.saturating_add(1) as u64)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn visit_path(path: &Path, opts: Options, sink: &mut dyn FnMut(Item)) {
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
            Ok(f) => crate::jsonl::read(&shown, std::io::BufReader::new(f), opts, sink),
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
        let page = match crate::html::extract(&text) {
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

/// Decodes UTF-8, reporting the byte offset of the first bad sequence (or replacing with `lossy`).
/// A UTF-8 byte order mark is dropped: offsets count from the character after it.
pub fn decode(shown: &str, bytes: Vec<u8>, lossy: bool) -> Result<String, Problem> {
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) if lossy => Ok(String::from_utf8_lossy(e.as_bytes()).into_owned()),
        Err(e) => Err(bad_utf8(shown, e.utf8_error())),
    }
}

/// [`decode`] of borrowed bytes, copying only what `lossy` has to repair.
pub fn decode_slice<'a>(
    shown: &str,
    bytes: &'a [u8],
    lossy: bool,
) -> Result<Cow<'a, str>, Problem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Cow::Borrowed(s)),
        Err(_) if lossy => Ok(String::from_utf8_lossy(bytes)),
        Err(e) => Err(bad_utf8(shown, e)),
    }
}

fn bad_utf8(shown: &str, e: std::str::Utf8Error) -> Problem {
    Problem {
        location: format!("{shown}:byte {}", e.valid_up_to()),
        message: "invalid UTF-8 (expected UTF-8 text; --lossy replaces bad bytes)".into(),
        skipped: true,
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

    #[test]
    fn a_bom_is_dropped_and_bad_utf8_located() {
        assert_eq!(
            decode("f", b"\xEF\xBB\xBFabc".to_vec(), false).unwrap(),
            "abc"
        );
        let e = decode("f", b"ab\xFFc".to_vec(), false).unwrap_err();
        assert_eq!(e.location, "f:byte 2");
        assert_eq!(
            decode("f", b"ab\xFFc".to_vec(), true).unwrap(),
            "ab\u{FFFD}c"
        );
    }

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
