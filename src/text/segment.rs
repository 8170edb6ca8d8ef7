//! Sentences and clauses over tokens. A sentence ends at . ! ? ؟ or a line end, but not inside a
//! quotation that closes later in the same paragraph; a clause ("segment") starts at a contrast
//! word outside quotations (فيما، في حين، بينما، بالمقابل، لكن). Short lines with no final
//! punctuation are headings, and lines that start with a furniture phrase are furniture: neither
//! yields claims.

use std::ops::Range;

use super::TextRules;
use super::lexicon::Clitics;
use crate::model::Span;
use crate::text::token::{Token, TokenKind};

/// A sentence: a token range with its place in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Tokens of the sentence.
    pub tokens: Range<usize>,
    /// From its first to its last token, in code points.
    pub span: Span,
    /// Index of its paragraph (line).
    pub paragraph: usize,
    /// Whether it is the first sentence of its paragraph.
    pub starts_paragraph: bool,
    /// Whether it is a heading, furniture or caption line (never yields claims).
    pub skip: bool,
    /// Whether it is page furniture (never describes a meeting either).
    pub furniture: bool,
    /// Clause boundaries: token ranges inside `tokens`.
    pub segments: Vec<Range<usize>>,
}

/// Marks which tokens stand inside a quotation (between a pair of quote marks in one paragraph).
pub fn quote_mask(tokens: &[Token]) -> Vec<bool> {
    let mut mask = vec![false; tokens.len()];
    let mut para_start = 0;
    for i in 0..=tokens.len() {
        if i == tokens.len() || tokens[i].kind == TokenKind::Break {
            let quotes: Vec<usize> = (para_start..i)
                .filter(|&k| tokens[k].kind == TokenKind::Quote)
                .collect();
            for pair in quotes.chunks_exact(2) {
                for m in &mut mask[pair[0] + 1..pair[1]] {
                    *m = true;
                }
            }
            para_start = i + 1;
        }
    }
    mask
}

fn is_terminal(t: &Token) -> bool {
    t.kind == TokenKind::Punct && matches!(t.key.as_str(), "." | "!" | "?" | "…")
}

/// Splits tokens into sentences, marks headings and furniture, and cuts clauses.
pub fn sentences(tokens: &[Token], in_quote: &[bool], rules: &dyn TextRules) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut paragraph = 0;
    let mut line_start = 0;
    let mut start = 0;
    for i in 0..=tokens.len() {
        let at_break = i == tokens.len() || tokens[i].kind == TokenKind::Break;
        let terminal = !at_break
            && is_terminal(&tokens[i])
            && !in_quote[i]
            && !followed_by_terminal(tokens, i)
            && !after_title(tokens, i, rules);
        if !(at_break || terminal) {
            continue;
        }
        let end = if terminal { i + 1 } else { i };
        if end > start && tokens[start..end].iter().any(Token::is_word) {
            out.push(Sentence {
                tokens: start..end,
                span: Span::new(tokens[start].span.start, tokens[end - 1].span.end),
                paragraph,
                starts_paragraph: start == line_start,
                skip: false,
                furniture: false,
                segments: Vec::new(),
            });
        }
        start = end;
        if at_break {
            mark_line(&mut out, tokens, line_start..i, paragraph, rules);
            paragraph += 1;
            start = i + 1;
            line_start = i + 1;
        }
    }
    for s in &mut out {
        s.segments = segments(tokens, in_quote, s.tokens.clone(), rules);
    }
    out
}

/// Whether the dot at `i` closes a title or short abbreviation written right before it ("Mr.",
/// "Gen.", `abbreviations` in segment.toml, or a month's such as "Jan."): "Gen. Gerasimov said"
/// is one sentence.
fn after_title(tokens: &[Token], i: usize, rules: &dyn TextRules) -> bool {
    let word = |t: &Token| {
        rules.abbreviations().iter().any(|a| *a == t.key)
            || rules.month_abbreviations().iter().any(|m| *m == t.key)
    };
    i > 0
        && tokens[i].key == "."
        && tokens[i - 1].span.end == tokens[i].span.start
        && word(&tokens[i - 1])
}

fn followed_by_terminal(tokens: &[Token], i: usize) -> bool {
    tokens.get(i + 1).is_some_and(is_terminal)
}

/// Marks the sentences of one line as skipped when the line is a heading or furniture.
fn mark_line(
    out: &mut [Sentence],
    tokens: &[Token],
    line: Range<usize>,
    paragraph: usize,
    rules: &dyn TextRules,
) {
    let words = tokens[line.clone()].iter().filter(|t| t.is_word());
    let count = words.clone().count();
    let ends_sentence = tokens[line.clone()]
        .iter()
        .rev()
        .find(|t| t.kind != TokenKind::Quote)
        .is_some_and(|t| is_terminal(t) || t.is_punct(":"));
    let heading = count < 12 && !ends_sentence;
    // a long line is matched only at its start: its first words are all that is joined
    let limit = (count >= 20).then(|| {
        let longest = rules.furniture_lines().iter().map(String::len).max();
        longest.unwrap_or(0)
    });
    let joined = join_keys(words, limit);
    let furniture = rules
        .furniture_lines()
        .iter()
        .any(|f| joined.starts_with(f.as_str()) && boundary_after(&joined, f.len()))
        || (count < 20
            && rules
                .furniture_phrases()
                .iter()
                .any(|f| joined.contains(f.as_str())));
    if heading || furniture {
        for s in out.iter_mut().filter(|s| s.paragraph == paragraph) {
            s.skip = true;
            s.furniture = furniture;
        }
    }
}

/// The keys of `words` joined by spaces, stopping once past `limit` bytes (whole words only, so
/// that the character after any shorter prefix is there to test).
fn join_keys<'a>(words: impl Iterator<Item = &'a Token>, limit: Option<usize>) -> String {
    let mut joined = String::new();
    for (k, w) in words.enumerate() {
        if limit.is_some_and(|l| joined.len() > l) {
            break;
        }
        if k > 0 {
            joined.push(' ');
        }
        joined.push_str(&w.key);
    }
    joined
}

fn boundary_after(s: &str, at: usize) -> bool {
    s[at..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// Cuts a sentence into clauses at contrast words outside quotations (also used to re-cut a
/// sentence written in another language than its document, with that language's rules).
pub fn segments(
    tokens: &[Token],
    in_quote: &[bool],
    range: Range<usize>,
    rules: &dyn TextRules,
) -> Vec<Range<usize>> {
    let mut cuts = vec![range.start];
    let mut i = range.start;
    while i < range.end {
        if !in_quote[i]
            && tokens[i].is_word()
            && let Some(h) = rules.contrast().longest_at(tokens, i, Clitics::Conj)
        {
            // between commas it is a parenthesis: "The ministry, however, said"
            let comma = |k: usize| tokens.get(k).is_some_and(|t| t.is_punct(","));
            let aside = i > range.start && comma(i - 1) && comma(h.end());
            if i > range.start && h.end() <= range.end && !aside {
                cuts.push(i);
            }
            i = h.end();
            continue;
        }
        i += 1;
    }
    cuts.push(range.end);
    cuts.dedup();
    cuts.windows(2)
        .map(|w| w[0]..w[1])
        .filter(|r| !r.is_empty())
        .collect()
}
