//! Text preparation: folding for matching, tokens with original offsets, sentences and clauses.
//! The original text is never changed; everything downstream refers to it by code point spans.

pub mod fold;
pub mod lexicon;
pub mod segment;
pub mod stem;
pub mod token;

use crate::model::Span;
use lexicon::{HeadIndex, Lexicon};
pub use segment::Sentence;
pub use token::{Token, TokenKind};

/// A document's text ready for extraction.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The original code points.
    pub chars: Vec<char>,
    /// Tokens in order.
    pub tokens: Vec<Token>,
    /// For each token, whether it stands inside a quotation.
    pub in_quote: Vec<bool>,
    /// Sentences in order.
    pub sentences: Vec<Sentence>,
}

impl Prepared {
    /// The original text of a span (clamped to the text).
    pub fn slice(&self, span: Span) -> String {
        let end = span.end.min(self.chars.len());
        let start = span.start.min(end);
        let chars = &self.chars[start..end];
        // sized first: most of the text is two-byte Arabic letters, which would grow it twice
        let mut out = String::with_capacity(chars.iter().map(|c| c.len_utf8()).sum());
        out.extend(chars);
        out
    }

    /// The span from the start of token `a` to the end of token `b - 1`.
    pub fn token_span(&self, a: usize, b: usize) -> Span {
        if a >= b || b > self.tokens.len() {
            let at = self
                .tokens
                .get(a)
                .map_or(self.chars.len(), |t| t.span.start);
            return Span::new(at, at);
        }
        Span::new(self.tokens[a].span.start, self.tokens[b - 1].span.end)
    }
}

/// What preparing a text needs of a language's rules. The rule set implements it, so that text
/// preparation sits below the rules and knows nothing of how they are loaded.
pub trait TextRules {
    /// The heads of every lexicon, to mark tokens that can start an entry.
    fn head_index(&self) -> &HeadIndex;
    /// Contrast words that cut a sentence into clauses ("but", "بينما").
    fn contrast(&self) -> &Lexicon<()>;
    /// Folded month abbreviations whose dot ends no sentence ("Jan.").
    fn month_abbreviations(&self) -> &[String];
    /// Folded titles and abbreviations whose dot ends no sentence ("Gen.", "Mr.").
    fn abbreviations(&self) -> &[String] {
        &[]
    }
    /// Folded beginnings of page-furniture lines.
    fn furniture_lines(&self) -> &[String];
    /// Folded phrases that mark a short line as page furniture.
    fn furniture_phrases(&self) -> &[String];
    /// Words read as another (folded) word only when written exactly so ("US" → "usa").
    fn cased(&self) -> &[(String, String)] {
        &[]
    }
}

/// Gives the words written exactly as a `cased` entry ("US") the key it is read as ("usa").
pub fn read_cased(chars: &[char], tokens: &mut [Token], cased: &[(String, String)]) {
    if cased.is_empty() {
        return;
    }
    for t in tokens.iter_mut().filter(|t| t.is_word()) {
        let written = &chars[t.span.start..t.span.end];
        if let Some((_, read)) = cased
            .iter()
            .find(|(w, _)| w.chars().eq(written.iter().copied()))
        {
            t.key = read.as_str().into();
        }
    }
}

/// Tokenizes and segments `text` with a language's rules.
pub fn prepare(text: &str, rules: &dyn TextRules) -> Prepared {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = token::tokenize(&chars);
    read_cased(&chars, &mut tokens, rules.cased());
    rules.head_index().mark(&mut tokens);
    let in_quote = segment::quote_mask(&tokens);
    let sentences = segment::sentences(&tokens, &in_quote, rules);
    Prepared {
        chars,
        tokens,
        in_quote,
        sentences,
    }
}
