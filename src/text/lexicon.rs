//! A phrase lexicon over tokens: every entry is a sequence of folded words; a lookup at a token
//! tries the token as written and with its attached conjunctions and prepositions stripped
//! (وقالت → قالت, للنظام → النظام) or an English possessive ending ('s), and returns the longest
//! entries that match there.

use rustc_hash::FxHashMap as HashMap;
use smallvec::{SmallVec, smallvec};

use crate::text::fold::key;
use crate::text::token::Token;

/// Which proclitics a lookup may strip from the first word of a phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clitics {
    /// The word exactly as written.
    None,
    /// و and ف (and, so).
    Conj,
    /// و and ف, then ب ل ك (with, to/for, like).
    ConjPrep,
}

#[derive(Debug, Clone)]
struct Entry<V> {
    rest: Vec<String>,
    value: V,
}

/// A match of one entry at a token.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'a, V> {
    /// Index of the first token.
    pub start: usize,
    /// Number of tokens covered.
    pub len: usize,
    /// Code points of proclitics stripped from the first token.
    pub prefix: usize,
    /// The entry's value.
    pub value: &'a V,
}

impl<V> Hit<'_, V> {
    /// One past the last token covered.
    pub fn end(&self) -> usize {
        self.start + self.len
    }
}

/// Phrases of folded words mapped to values.
#[derive(Debug, Clone)]
pub struct Lexicon<V> {
    first: HashMap<String, Vec<Entry<V>>>,
    len: usize,
    /// This lexicon's bit in [`Token::lexicons`] once the rule set is indexed; 0 until then.
    role: u32,
}

impl<V> Default for Lexicon<V> {
    fn default() -> Self {
        Lexicon {
            first: HashMap::default(),
            len: 0,
            role: 0,
        }
    }
}

/// What the rule set's head index needs of a lexicon, whatever its values.
pub trait Indexed {
    /// The first words its phrases are stored under.
    fn head_words(&self) -> Vec<&str>;
    /// Gives the lexicon its bit in [`Token::lexicons`].
    fn set_role(&mut self, role: u32);
}

impl<V> Indexed for Lexicon<V> {
    fn head_words(&self) -> Vec<&str> {
        self.first.keys().map(String::as_str).collect()
    }

    fn set_role(&mut self, role: u32) {
        self.role = role;
    }
}

/// Every first word of every indexed lexicon (of all languages), with the bits of the lexicons
/// that store it: one lookup per token tells which lexicons can match there at all.
#[derive(Debug, Clone, Default)]
pub struct HeadIndex {
    roles: HashMap<String, u32>,
}

impl HeadIndex {
    /// Indexes lexicons: the `k`-th of each list gets bit `k`, the same role in every language.
    pub fn build<'a>(languages: impl IntoIterator<Item = Vec<&'a mut dyn Indexed>>) -> HeadIndex {
        let mut roles: HashMap<String, u32> = HashMap::default();
        for lexicons in languages {
            for (k, lx) in lexicons.into_iter().enumerate().take(32) {
                let bit = 1u32 << k;
                lx.set_role(bit);
                for w in lx.head_words() {
                    *roles.entry(w.to_string()).or_default() |= bit;
                }
            }
        }
        HeadIndex { roles }
    }

    /// The bits of the lexicons that can match at a word with this key, under any clitics.
    pub fn roles_of(&self, key: &str) -> u32 {
        variants(key, Clitics::ConjPrep)
            .iter()
            .filter_map(|(form, _)| self.roles.get(*form))
            .fold(0, |acc, r| acc | r)
    }

    /// Narrows each word token's [`Token::lexicons`] to the lexicons that can match there.
    pub fn mark(&self, tokens: &mut [Token]) {
        for t in tokens.iter_mut().filter(|t| t.is_word()) {
            t.lexicons = self.roles_of(&t.key);
        }
    }
}

impl<V: Clone> Lexicon<V> {
    /// Adds a phrase (folded here). A phrase starting with ال is also reachable after ل (للنظام).
    pub fn insert(&mut self, phrase: &str, value: V) {
        let words: Vec<String> = key(phrase)
            .split_whitespace()
            .flat_map(split_hyphen)
            .collect();
        let Some((head, rest)) = words.split_first() else {
            return;
        };
        if let Some(tail) = head.strip_prefix("ال").filter(|t| t.chars().count() >= 2) {
            self.push(format!("ل{tail}"), rest.to_vec(), value.clone());
        }
        self.push(head.clone(), rest.to_vec(), value);
    }

    fn push(&mut self, head: String, rest: Vec<String>, value: V) {
        self.first
            .entry(head)
            .or_default()
            .push(Entry { rest, value });
        self.len += 1;
    }
}

impl<V> Lexicon<V> {
    /// Number of phrase keys stored.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the lexicon is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// All entries matching at token `i`, longest first.
    pub fn hits_at<'a>(&'a self, tokens: &[Token], i: usize, clitics: Clitics) -> Vec<Hit<'a, V>> {
        let mut hits = Vec::new();
        self.each_hit(tokens, i, clitics, |h| hits.push(h));
        // the longest phrase wins; among equals, the least stripped reading (the sort is stable)
        hits.sort_by_key(|h| std::cmp::Reverse(h.len));
        hits
    }

    /// The longest entry matching at token `i` (among equals, the least stripped reading).
    pub fn longest_at<'a>(
        &'a self,
        tokens: &[Token],
        i: usize,
        clitics: Clitics,
    ) -> Option<Hit<'a, V>> {
        // the hot path of every scan: no allocation, keep the first of the longest
        let mut best: Option<Hit<'a, V>> = None;
        self.each_hit(tokens, i, clitics, |h| {
            if best.as_ref().is_none_or(|b| h.len > b.len) {
                best = Some(h);
            }
        });
        best
    }

    /// Whether a phrase of this lexicon may start at word token `tok`: the head index already
    /// knows whether any of its phrases starts there (an answer of true is only a maybe).
    #[inline]
    pub fn may_start_at(&self, tok: &Token) -> bool {
        tok.is_word() && !self.first.is_empty() && (self.role == 0 || tok.lexicons & self.role != 0)
    }

    /// Calls `f` with every entry matching at token `i`, least stripped reading first.
    fn each_hit<'a>(
        &'a self,
        tokens: &[Token],
        i: usize,
        clitics: Clitics,
        mut f: impl FnMut(Hit<'a, V>),
    ) {
        let Some(tok) = tokens.get(i).filter(|t| self.may_start_at(t)) else {
            return;
        };
        for (form, prefix) in variants(&tok.key, clitics) {
            let Some(entries) = self.first.get(form) else {
                continue;
            };
            for e in entries {
                if rest_matches(tokens, i + 1, &e.rest) {
                    f(Hit {
                        start: i,
                        len: 1 + e.rest.len(),
                        prefix,
                        value: &e.value,
                    });
                }
            }
        }
    }

    /// Every non-overlapping longest match in `tokens[range]`, left to right.
    pub fn scan<'a>(
        &'a self,
        tokens: &[Token],
        range: std::ops::Range<usize>,
        clitics: Clitics,
    ) -> Vec<Hit<'a, V>> {
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            match self
                .longest_at(tokens, i, clitics)
                .filter(|h| h.end() <= range.end)
            {
                Some(h) => {
                    i = h.end();
                    out.push(h);
                }
                None => i += 1,
            }
        }
        out
    }
}

/// A Latin word with hyphens as the tokenizer reads it: "al-sudani" is "al", "-", "sudani".
fn split_hyphen(w: &str) -> Vec<String> {
    if !w.contains('-') || w.len() < 2 || !w.is_ascii() {
        return vec![w.to_string()];
    }
    let mut out = Vec::new();
    for (k, part) in w.split('-').enumerate() {
        if k > 0 {
            out.push("-".to_string());
        }
        if !part.is_empty() {
            out.push(part.to_string());
        }
    }
    out
}

fn rest_matches(tokens: &[Token], from: usize, rest: &[String]) -> bool {
    rest.iter()
        .enumerate()
        .all(|(k, w)| tokens.get(from + k).is_some_and(|t| t.key == *w))
}

/// The readings of a word with its proclitics stripped, least stripped first.
pub fn variants(word: &str, clitics: Clitics) -> SmallVec<[(&str, usize); 4]> {
    // at most four readings; kept on the stack, since this runs for every word and lexicon
    let mut out: SmallVec<[(&str, usize); 4]> = smallvec![(word, 0)];
    // an English possessive ("turkey's") reads as its noun; Arabic words never hold an apostrophe
    if let Some(noun) = word.strip_suffix("'s").filter(|n| !n.is_empty()) {
        out.push((noun, 0));
    }
    if clitics == Clitics::None {
        return out;
    }
    let conj = strip_one(word, &['و', 'ف']);
    if let Some(c) = conj {
        out.push((c, 1));
    }
    if clitics == Clitics::ConjPrep {
        for (w, p) in [(word, 0), (conj.unwrap_or(""), 1)] {
            if let Some(s) = strip_one(w, &['ب', 'ل', 'ك']) {
                out.push((s, p + 1));
            }
        }
    }
    out
}

fn strip_one<'a>(word: &'a str, letters: &[char]) -> Option<&'a str> {
    let mut chars = word.chars();
    let first = chars.next()?;
    let rest = chars.as_str();
    (letters.contains(&first) && rest.chars().nth(1).is_some()).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn toks(s: &str) -> Vec<Token> {
        tokenize(&s.chars().collect::<Vec<_>>())
    }

    #[test]
    fn matches_with_clitics_and_longest_first() {
        let mut lx = Lexicon::default();
        lx.insert("وزير الخارجية", 1);
        lx.insert("وزير", 2);
        lx.insert("النظام", 3);
        let t = toks("ووزير الخارجية للنظام");
        let h = lx.longest_at(&t, 0, Clitics::Conj).unwrap();
        assert_eq!((h.len, *h.value, h.prefix), (2, 1, 1));
        assert_eq!(*lx.longest_at(&t, 2, Clitics::ConjPrep).unwrap().value, 3);
        assert!(lx.longest_at(&t, 2, Clitics::None).is_none());
    }

    #[test]
    fn a_longer_phrase_after_a_stripped_clitic_wins() {
        let mut lx = Lexicon::default();
        lx.insert("الوكالة", 1);
        lx.insert("وكالة الأنباء السعودية", 2);
        let t = toks("لوكالة الأنباء السعودية");
        assert_eq!(*lx.longest_at(&t, 0, Clitics::ConjPrep).unwrap().value, 2);
    }

    #[test]
    fn reads_possessives_and_hyphens() {
        let mut lx = Lexicon::default();
        lx.insert("Turkey", 1);
        lx.insert("al-Sudani", 2);
        let t = toks("Turkey's al-Sudani Türkiye’s");
        assert_eq!(*lx.longest_at(&t, 0, Clitics::None).unwrap().value, 1);
        assert_eq!(lx.longest_at(&t, 1, Clitics::Conj).unwrap().len, 3);
        assert!(lx.longest_at(&t, 4, Clitics::Conj).is_none());
    }

    #[test]
    fn does_not_strip_inside_a_word_that_is_itself_an_entry() {
        let mut lx = Lexicon::default();
        lx.insert("وصف", 1);
        lx.insert("صف", 2);
        let t = toks("وصف");
        assert_eq!(*lx.longest_at(&t, 0, Clitics::Conj).unwrap().value, 1);
    }
}
