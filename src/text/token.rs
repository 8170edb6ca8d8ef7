//! Splits a text into word, number, punctuation, quote and line-break tokens, each carrying
//! its span in original code points and its folded match key.

use compact_str::CompactString;

use crate::model::Span;
use crate::text::fold::{fold_key_into, is_arabic_mark, is_quote};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (with marks and inner apostrophes).
    Word,
    /// Digits, possibly with inner separators.
    Number,
    /// Any other visible character.
    Punct,
    /// A quotation mark.
    Quote,
    /// One or more line ends.
    Break,
}

/// A token's reading that is no word of any indexed lexicon (or that the token does not have).
pub const NO_WORD: u32 = u32::MAX - 1;
/// The readings of a token the head index has not read (only tokens made outside `prepare`).
pub const UNREAD: u32 = u32::MAX;

/// The readings of a word, in the order a lexicon lookup tries them: as written, an English
/// possessive read as its noun, without و/ف, without ب/ل/ك, without both.
pub const READINGS: usize = 5;

/// One token of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Where it stands, in original code points.
    pub span: Span,
    /// Its folded match key.
    pub key: CompactString,
    /// Its kind.
    pub kind: TokenKind,
    /// Bits of the rule lexicons that may have a phrase starting here: all set, until the rule
    /// set's head index narrows them (`HeadIndex::mark`).
    pub lexicons: u32,
    /// Vocabulary ids of its readings ([`READINGS`]): [`UNREAD`] until the head index reads
    /// the token (`HeadIndex::mark`).
    pub readings: [u32; READINGS],
}

impl Token {
    /// Whether the token is a word or number.
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }

    /// Whether the token is this punctuation character (folded).
    pub fn is_punct(&self, p: &str) -> bool {
        self.kind == TokenKind::Punct && self.key == p
    }
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    // Arabic letters, digits and marks without a Unicode table lookup
    if ('\u{0621}'..='\u{065F}').contains(&c)
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || c == '\u{0640}'
    {
        return true;
    }
    if c == '\u{200C}' || c == '\u{200D}' {
        return true;
    }
    // the commonest punctuation of Arabic news text, answered without a table lookup too
    if matches!(
        c,
        '\u{00A0}' | '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{2010}'..='\u{2027}'
    ) {
        return false;
    }
    c.is_alphanumeric() || is_arabic_mark(c)
}

/// [`is_word_char`] as the tables alone answer it.
#[cfg(test)]
fn is_word_char_by_table(c: char) -> bool {
    c.is_alphanumeric() || is_arabic_mark(c) || c == '\u{200C}' || c == '\u{200D}'
}

/// `char::is_numeric` with the common digits answered without a table lookup.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || ('\u{0660}'..='\u{0669}').contains(&c)
        || (!c.is_ascii() && !('\u{0621}'..='\u{065F}').contains(&c) && c.is_numeric())
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '-' | '.' | ',' | '٫' | '٬')
}

/// Tokenizes `text` (given as code points) into tokens with original spans.
pub fn tokenize(chars: &[char]) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(chars.len() / 4);
    let mut buf = String::with_capacity(64);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
            let start = i;
            while i < chars.len() && (chars[i].is_whitespace()) {
                i += 1;
            }
            if tokens
                .last()
                .is_some_and(|t: &Token| t.kind == TokenKind::Break)
            {
                continue;
            }
            tokens.push(Token {
                span: Span::new(start, i),
                key: "\n".into(),
                kind: TokenKind::Break,
                lexicons: u32::MAX,
                readings: [UNREAD; READINGS],
            });
            continue;
        }
        if c.is_whitespace()
            || c.is_control()
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
        {
            i += 1;
            continue;
        }
        if let Some(end) = initialism_end(chars, i) {
            push(&mut tokens, &mut buf, chars, i, end);
            i = end;
            continue;
        }
        if is_word_char(c) {
            let start = i;
            i = word_end(chars, i);
            push(&mut tokens, &mut buf, chars, start, i);
            continue;
        }
        push(&mut tokens, &mut buf, chars, i, i + 1);
        i += 1;
    }
    tokens
}

/// Where an initialism with dots starting at `i` ends ("U.S.", "U.N.", "U.K."): two or more
/// capital letters each followed by a dot, kept as one word so that its dots end no sentence.
fn initialism_end(chars: &[char], i: usize) -> Option<usize> {
    if i > 0 && is_word_char(chars[i - 1]) {
        return None;
    }
    let mut j = i;
    while chars.get(j).is_some_and(char::is_ascii_uppercase) && chars.get(j + 1) == Some(&'.') {
        j += 2;
    }
    let letters = (j - i) / 2;
    (letters >= 2 && !chars.get(j).is_some_and(|&c| is_word_char(c))).then_some(j)
}

/// Finds where a word starting at `i` ends: letters, marks, and joiners between two word characters
/// (apostrophes inside English words, separators inside numbers).
fn word_end(chars: &[char], mut i: usize) -> usize {
    let numeric = is_digit(chars[i]);
    while i < chars.len() {
        let c = chars[i];
        if is_word_char(c) {
            i += 1;
            continue;
        }
        let joins = match c {
            '.' | ',' | '٫' | '٬' => numeric,
            _ => !numeric && is_joiner(c) && c != '-',
        };
        // asked only of a joiner: most words end at a space, and the look-ahead costs a table lookup
        let next_ok = || {
            chars
                .get(i + 1)
                .is_some_and(|&n| is_word_char(n) && n.is_numeric() == numeric)
        };
        if joins && next_ok() && i > 0 && is_word_char(chars[i - 1]) {
            i += 1;
            continue;
        }
        break;
    }
    i
}

fn push(tokens: &mut Vec<Token>, buf: &mut String, chars: &[char], start: usize, end: usize) {
    let first = chars[start];
    let kind = if is_quote(first) && end == start + 1 {
        TokenKind::Quote
    } else if is_digit(first) {
        TokenKind::Number
    } else if is_word_char(first) {
        TokenKind::Word
    } else {
        TokenKind::Punct
    };
    // folded into one reused buffer: a key of up to 24 bytes (twelve Arabic letters) is then
    // stored inline, with no allocation of its own
    buf.clear();
    fold_key_into(
        chars[start..end]
            .iter()
            .map(|&c| if c == '\u{2019}' { '\'' } else { c }),
        buf,
    );
    let mut key = CompactString::from(buf.as_str());
    if kind == TokenKind::Punct {
        key = match key.as_str() {
            "،" | "٬" => ",".into(),
            "؛" => ";".into(),
            "؟" => "?".into(),
            "۔" => ".".into(),
            _ => key,
        };
    }
    if key.is_empty() {
        // a lone tatweel or mark: nothing to match, but keep it out of words
        return;
    }
    tokens.push(Token {
        span: Span::new(start, end),
        key,
        kind,
        lexicons: u32::MAX,
        readings: [UNREAD; READINGS],
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        tokenize(&chars)
            .into_iter()
            .map(|t| t.key.into_string())
            .collect()
    }

    #[test]
    fn the_fast_paths_answer_as_the_tables_do() {
        for c in (0..0x3000).filter_map(char::from_u32) {
            assert_eq!(is_word_char(c), is_word_char_by_table(c), "{c:?}");
            let digit_by_table = c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric());
            assert_eq!(is_digit(c), digit_by_table, "{c:?}");
        }
    }

    #[test]
    fn splits_arabic_punctuation_and_quotes() {
        assert_eq!(
            keys("وقالت، «نعم»؟"),
            vec!["وقالت", ",", "\"", "نعم", "\"", "?"]
        );
    }

    #[test]
    fn keeps_numbers_and_apostrophes_whole() {
        assert_eq!(
            keys("2.5 Turkey's ٢٠٢٣."),
            vec!["2.5", "turkey's", "2023", "."]
        );
    }

    #[test]
    fn keeps_initialisms_whole() {
        assert_eq!(keys("U.S. officials."), vec!["u.s.", "officials", "."]);
        assert_eq!(keys("A.B"), vec!["a", ".", "b"]);
    }

    #[test]
    fn spans_are_code_points() {
        let chars: Vec<char> = "أَ بـ\"x\"".chars().collect();
        let t = tokenize(&chars);
        assert_eq!(t[0].span, Span::new(0, 2));
        assert_eq!(t[1].key, "ب");
        assert_eq!(t[2].kind, TokenKind::Quote);
    }
}
