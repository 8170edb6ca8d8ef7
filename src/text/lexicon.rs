//! A phrase lexicon over tokens: every entry is a sequence of folded words; a lookup at a token
//! tries the token as written and with its attached conjunctions and prepositions stripped
//! (وقالت → قالت, للنظام → النظام) or an English possessive ending ('s), and returns the longest
//! entries that match there.

use rustc_hash::FxHashMap as HashMap;
use smallvec::{SmallVec, smallvec};

use crate::text::fold::key;
use crate::text::token::Token;
pub use crate::text::token::{NO_WORD, READINGS, UNREAD};

/// Which proclitics a lookup may strip from the first word of a phrase (each level allows the
/// readings of the levels before it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
    /// The words of `rest` as vocabulary ids, once the rule set is indexed.
    rest_ids: Vec<u32>,
    value: V,
}

/// Code points stripped by each reading.
const READING_PREFIX: [usize; READINGS] = [0, 0, 1, 1, 2];
/// The least clitic level that allows each reading.
const READING_LEVEL: [Clitics; READINGS] = [
    Clitics::None,
    Clitics::None,
    Clitics::Conj,
    Clitics::ConjPrep,
    Clitics::ConjPrep,
];

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
    /// The entries, grouped by their first word.
    groups: Vec<Vec<Entry<V>>>,
    /// Each first word's group.
    first: HashMap<String, usize>,
    /// Each first word's group under its vocabulary id, once the rule set is indexed: a lookup
    /// at a read token then hashes integers, not strings.
    by_id: HashMap<u32, usize>,
    len: usize,
    /// This lexicon's bit in [`Token::lexicons`] once the rule set is indexed; 0 until then.
    role: u32,
}

impl<V> Default for Lexicon<V> {
    fn default() -> Self {
        Lexicon {
            groups: Vec::new(),
            first: HashMap::default(),
            by_id: HashMap::default(),
            len: 0,
            role: 0,
        }
    }
}

/// What the rule set's head index needs of a lexicon, whatever its values.
pub trait Indexed {
    /// Every word its phrases hold, first words marked `true`.
    fn words(&self) -> Vec<(&str, bool)>;
    /// Gives the lexicon its bit in [`Token::lexicons`] and its entries their vocabulary ids.
    fn index(&mut self, role: u32, vocabulary: &Vocabulary);
}

impl<V> Indexed for Lexicon<V> {
    fn words(&self) -> Vec<(&str, bool)> {
        let heads = self.first.keys().map(|w| (w.as_str(), true));
        let rest = self.groups.iter().flatten().flat_map(|e| &e.rest);
        heads.chain(rest.map(|w| (w.as_str(), false))).collect()
    }

    fn index(&mut self, role: u32, vocabulary: &Vocabulary) {
        self.role = role;
        for e in self.groups.iter_mut().flatten() {
            e.rest_ids = e.rest.iter().map(|w| vocabulary.id_of(w)).collect();
        }
        self.by_id = (self.first.iter())
            .map(|(head, &g)| (vocabulary.id_of(head), g))
            .collect();
    }
}

/// Every word of every indexed lexicon (of all languages), each with an id and the bits of the
/// lexicons that have a phrase starting with it.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    words: HashMap<String, (u32, u32)>,
}

impl Vocabulary {
    /// The id of a word, or [`NO_WORD`].
    pub fn id_of(&self, word: &str) -> u32 {
        self.words.get(word).map_or(NO_WORD, |&(id, _)| id)
    }
}

/// The rule set's vocabulary, read once per token: one lookup per reading tells which lexicons
/// can match there at all, and gives the ids every later lookup uses.
#[derive(Debug, Clone, Default)]
pub struct HeadIndex {
    vocabulary: Vocabulary,
}

impl HeadIndex {
    /// Indexes lexicons: the `k`-th of each list gets bit `k`, the same role in every language.
    pub fn build<'a>(languages: impl IntoIterator<Item = Vec<&'a mut dyn Indexed>>) -> HeadIndex {
        let languages: Vec<Vec<&'a mut dyn Indexed>> = languages.into_iter().collect();
        let mut words: HashMap<String, (u32, u32)> = HashMap::default();
        for lexicons in &languages {
            for (k, lx) in lexicons.iter().enumerate().take(32) {
                for (w, head) in lx.words() {
                    let next = words.len() as u32;
                    let entry = words.entry(w.to_string()).or_insert((next, 0));
                    if head {
                        entry.1 |= 1u32 << k;
                    }
                }
            }
        }
        let vocabulary = Vocabulary { words };
        for lexicons in languages {
            for (k, lx) in lexicons.into_iter().enumerate().take(32) {
                lx.index(1u32 << k, &vocabulary);
            }
        }
        HeadIndex { vocabulary }
    }

    /// Reads every token: its readings' ids, and for a word the lexicons that can match there.
    pub fn mark(&self, tokens: &mut [Token]) {
        for t in tokens.iter_mut() {
            if !t.is_word() {
                t.readings = [NO_WORD; READINGS];
                t.readings[0] = self.vocabulary.id_of(&t.key);
                continue;
            }
            let mut roles = 0;
            let forms = readings(&t.key);
            for (slot, form) in forms.iter().enumerate() {
                let (id, r) = form
                    .and_then(|f| self.vocabulary.words.get(f))
                    .map_or((NO_WORD, 0), |&(id, r)| (id, r));
                t.readings[slot] = id;
                roles |= r;
            }
            t.lexicons = roles;
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
        let groups = &mut self.groups;
        let g = *self.first.entry(head).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(Entry {
            rest,
            rest_ids: Vec::new(),
            value,
        });
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
    #[inline]
    pub fn hits_at<'a>(&'a self, tokens: &[Token], i: usize, clitics: Clitics) -> Vec<Hit<'a, V>> {
        // most tokens start no phrase: that answer costs no call
        if !tokens.get(i).is_some_and(|t| self.may_start_at(t)) {
            return Vec::new();
        }
        self.all_hits_at(tokens, i, clitics)
    }

    fn all_hits_at<'a>(&'a self, tokens: &[Token], i: usize, clitics: Clitics) -> Vec<Hit<'a, V>> {
        let mut hits = Vec::new();
        self.each_hit(tokens, i, clitics, |h| hits.push(h));
        // the longest phrase wins; among equals, the least stripped reading (the sort is stable)
        hits.sort_by_key(|h| std::cmp::Reverse(h.len));
        hits
    }

    /// The longest entry matching at token `i` (among equals, the least stripped reading).
    #[inline]
    pub fn longest_at<'a>(
        &'a self,
        tokens: &[Token],
        i: usize,
        clitics: Clitics,
    ) -> Option<Hit<'a, V>> {
        // most tokens start no phrase: that answer costs no call
        if !tokens.get(i).is_some_and(|t| self.may_start_at(t)) {
            return None;
        }
        self.longest_hit_at(tokens, i, clitics)
    }

    fn longest_hit_at<'a>(
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
        // a token the head index has read is looked up by its readings' ids, any other (a test's,
        // or a lexicon outside the index) by the readings themselves, in the same order
        let by_id = self.role != 0 && tok.readings[0] != UNREAD;
        let forms = if by_id {
            [None; READINGS]
        } else {
            readings(&tok.key)
        };
        for slot in 0..READINGS {
            if READING_LEVEL[slot] > clitics {
                continue;
            }
            let group = if by_id {
                let id = tok.readings[slot];
                if id == NO_WORD {
                    continue;
                }
                self.by_id.get(&id)
            } else {
                forms[slot].and_then(|w| self.first.get(w))
            };
            let Some(&g) = group else {
                continue;
            };
            for e in &self.groups[g] {
                let rest_found = if by_id {
                    rest_ids_match(tokens, i + 1, &e.rest_ids)
                } else {
                    rest_matches(tokens, i + 1, &e.rest)
                };
                if rest_found {
                    f(Hit {
                        start: i,
                        len: 1 + e.rest.len(),
                        prefix: READING_PREFIX[slot],
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

fn rest_ids_match(tokens: &[Token], from: usize, rest: &[u32]) -> bool {
    rest.iter()
        .enumerate()
        .all(|(k, &w)| tokens.get(from + k).is_some_and(|t| t.readings[0] == w))
}

/// Every reading of a word, in the order of [`READINGS`] (`None` where it has none).
fn readings(word: &str) -> [Option<&str>; READINGS] {
    // an English possessive ("turkey's") reads as its noun; Arabic words never hold an apostrophe
    let noun = word.strip_suffix("'s").filter(|n| !n.is_empty());
    let conj = strip_one(word, &['و', 'ف']);
    let prep = strip_one(word, &['ب', 'ل', 'ك']);
    let both = conj.and_then(|c| strip_one(c, &['ب', 'ل', 'ك']));
    [Some(word), noun, conj, prep, both]
}

/// The readings of a word with its proclitics stripped, least stripped first.
pub fn variants(word: &str, clitics: Clitics) -> SmallVec<[(&str, usize); 4]> {
    // at most four readings in practice; kept on the stack, since this runs for many words
    let mut out: SmallVec<[(&str, usize); 4]> = smallvec![];
    for (slot, form) in readings(word).into_iter().enumerate() {
        if let Some(form) = form.filter(|_| READING_LEVEL[slot] <= clitics) {
            out.push((form, READING_PREFIX[slot]));
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
    fn lookups_by_id_find_what_lookups_by_string_find() {
        let mut a = Lexicon::default();
        for (k, phrase) in ["وزير الخارجية", "وزير", "النظام", "al-Sudani", "Turkey"]
            .iter()
            .enumerate()
        {
            a.insert(phrase, k);
        }
        let mut b = Lexicon::default();
        b.insert("الخارجية", 9);
        b.insert("كتاب", 8);
        let index = HeadIndex::build([vec![&mut a as &mut dyn Indexed, &mut b]]);
        let plain = toks("ووزير الخارجية للنظام وبالكتاب Turkey's al-Sudani فوزير");
        let mut read = plain.clone();
        index.mark(&mut read);
        assert!(plain.iter().all(|t| t.readings[0] == UNREAD));
        assert!(read.iter().all(|t| t.readings[0] != UNREAD));
        let seen = |lx: &Lexicon<usize>, t: &[Token], i, c| -> Vec<(usize, usize, usize)> {
            lx.hits_at(t, i, c)
                .iter()
                .map(|h| (h.len, h.prefix, *h.value))
                .collect()
        };
        let mut found = 0;
        for i in 0..plain.len() {
            for c in [Clitics::None, Clitics::Conj, Clitics::ConjPrep] {
                for lx in [&a, &b] {
                    let by_id = seen(lx, &read, i, c);
                    assert_eq!(by_id, seen(lx, &plain, i, c), "token {i}, {c:?}");
                    found += by_id.len();
                }
            }
        }
        assert!(found >= 8, "{found}");
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
