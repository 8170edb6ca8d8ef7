//! What reading the input yields, one item at a time: a document with its text, or a problem
//! said once and skipped past; and turning a document's bytes into text (UTF-8, a byte order
//! mark dropped, bad bytes located or replaced, a size limit).

use std::borrow::Cow;
use std::fmt;
use std::io::Read;

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

#[derive(Debug)]
pub enum Item {
    /// A document.
    Doc(Input),
    /// Something skipped or noted.
    Problem(Problem),
}

pub(super) fn skipped(location: impl fmt::Display, message: impl Into<String>) -> Problem {
    Problem {
        location: location.to_string(),
        message: message.into(),
        skipped: true,
    }
}

pub(super) fn problem(location: impl fmt::Display, message: impl Into<String>) -> Item {
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
pub(super) fn read_bounded(reader: impl Read, max: usize) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(max.saturating_add(1) as u64)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
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
    // the SIMD check is several times faster on Arabic text; the standard one, run only on
    // bad input, says where the bad sequence is
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok(Cow::Borrowed(s));
    }
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
}
