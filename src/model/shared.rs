//! Text that may be a piece of a longer text kept once: a claim's content is a slice of its
//! sentence, and holding both as separate strings kept most of a report's text twice.

use std::fmt;
use std::ops::{Deref, Range};
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A string, or a slice of a shared one; reads, compares and serializes as a plain string.
#[derive(Clone)]
pub struct SharedText {
    whole: Arc<str>,
    bytes: Range<u32>,
}

impl SharedText {
    /// The slice of this text from code point `start` to `end` (clamped to the text), sharing
    /// its memory.
    pub fn slice_chars(&self, start: usize, end: usize) -> SharedText {
        let s = self.as_str();
        // one walk over the text: the start's byte offset, then on to the end's
        let mut bytes = s.char_indices().map(|(b, _)| b).chain([s.len()]);
        let from = bytes.nth(start).unwrap_or(s.len());
        let to = match end.checked_sub(start + 1) {
            Some(more) => bytes.nth(more).unwrap_or(s.len()),
            None => from,
        };
        SharedText {
            whole: Arc::clone(&self.whole),
            bytes: self.bytes.start + from as u32..self.bytes.start + to as u32,
        }
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.whole[self.bytes.start as usize..self.bytes.end as usize]
    }

    /// A copy whose memory is its own, holding only this text: a slice no longer keeps the
    /// whole alive, and memory allocated on another thread can be given back.
    pub fn packed(&self) -> SharedText {
        SharedText::from(self.as_str())
    }
}

impl Default for SharedText {
    fn default() -> Self {
        SharedText::from("")
    }
}

impl From<&str> for SharedText {
    fn from(s: &str) -> Self {
        // a text over 4 GiB is cut there rather than wrapping around
        let len = s.len().min(u32::MAX as usize);
        SharedText {
            whole: Arc::from(&s[..s.floor_char_boundary(len)]),
            bytes: 0..s.floor_char_boundary(len) as u32,
        }
    }
}

impl From<String> for SharedText {
    fn from(s: String) -> Self {
        SharedText::from(s.as_str())
    }
}

impl Deref for SharedText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for SharedText {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedText {}

impl PartialOrd for SharedText {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SharedText {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::borrow::Borrow<str> for SharedText {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl std::hash::Hash for SharedText {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        self.as_str().hash(h);
    }
}

impl PartialEq<str> for SharedText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedText {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<SharedText> for String {
    fn eq(&self, other: &SharedText) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<SharedText> for &str {
    fn eq(&self, other: &SharedText) -> bool {
        *self == other.as_str()
    }
}

impl fmt::Debug for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for SharedText {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for SharedText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(SharedText::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slice_reads_its_code_points_and_shares_the_whole() {
        let whole = SharedText::from("قال الوزير إن المحادثات بناءة");
        let content = whole.slice_chars(14, 24);
        assert_eq!(content, "المحادثات ");
        assert!(Arc::ptr_eq(&whole.whole, &content.whole));
        assert_eq!(
            whole.slice_chars(4, 99).as_str(),
            "الوزير إن المحادثات بناءة"
        );
        assert_eq!(content.packed(), content);
        assert!(!Arc::ptr_eq(&content.packed().whole, &whole.whole));
    }

    #[test]
    fn a_slice_is_the_code_points_in_range_clamped_to_the_text() {
        let text = "قال a الوزير «b» إن";
        let chars: Vec<char> = text.chars().collect();
        let whole = SharedText::from(text);
        for start in 0..chars.len() + 3 {
            for end in 0..chars.len() + 3 {
                let (a, b) = (start.min(chars.len()), end.max(start).min(chars.len()));
                let expected: String = chars[a..b].iter().collect();
                assert_eq!(
                    whole.slice_chars(start, end).as_str(),
                    expected,
                    "{start}..{end}"
                );
            }
        }
    }

    #[test]
    fn serializes_as_a_string() {
        let t = SharedText::from("a \"b\"").slice_chars(2, 5);
        let json = serde_json::to_string(&t).unwrap();
        assert_eq!(json, r#""\"b\"""#);
        let back: SharedText = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t);
    }
}
