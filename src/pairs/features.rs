//! What the comparator sees in one statement: its words reduced to light stems (clitics and common
//! suffixes stripped, so `وللارتفاع` and `الارتفاعات` meet `ارتفاع`), its numbers, the states it
//! names (through the speaker lexicon of `rules/common/states.toml`), and the overlap of two statements.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::rules::schema::PlaceKind;
use crate::rules::{Atom, LangRules};
use crate::text::lexicon::Clitics;
use crate::text::stem::Stemmer;
use crate::text::token::{Token, TokenKind, tokenize};

/// One word of a statement.
#[derive(Debug, Clone)]
pub struct Word {
    /// The word as written (for messages).
    pub text: String,
    /// Its light stem.
    pub stem: String,
    /// Whether it carries content (not a stopword, not punctuation).
    pub content: bool,
    /// Whether it is a number.
    pub number: bool,
}

/// What a named entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    /// A state, named by its name, capital, seat or nationality adjective.
    State,
    /// A named person.
    Person,
    /// A news outlet.
    Outlet,
    /// A city, base or region.
    Place,
}

impl EntityKind {
    /// The kind's name in rule ids and messages.
    pub fn name(self) -> &'static str {
        match self {
            EntityKind::State => "party",
            EntityKind::Person => "person",
            EntityKind::Outlet => "outlet",
            EntityKind::Place => "place",
        }
    }
}

/// A named entity of a statement.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Its kind.
    pub kind: EntityKind,
    /// Its identity (ISO code, canonical name, place id).
    pub id: String,
    /// The state it belongs to, when known.
    pub party: Option<String>,
    /// How it is written here.
    pub text: String,
}

/// A statement prepared for comparison.
#[derive(Debug, Clone, Default)]
pub struct Statement {
    /// Word and number tokens, in order.
    pub words: Vec<Word>,
    /// Numbers as written, folded (`١٢` → `12`).
    pub numbers: BTreeSet<String>,
    /// The named entities: states (by name, seat or adjective), people, outlets and places.
    pub entities: Vec<Entity>,
    /// The stemmer its words were stemmed with (the language's; none without rules).
    pub stemmer: Arc<Stemmer>,
}

impl Statement {
    /// Tokenizes and stems `text`; `is_stop` says which stems are function words.
    pub fn new(text: &str, is_stop: impl Fn(&str) -> bool, lang: Option<&LangRules>) -> Statement {
        let chars: Vec<char> = text.chars().collect();
        let tokens: Vec<Token> = tokenize(&chars)
            .into_iter()
            .filter(Token::is_word)
            .collect();
        let mut st = Statement {
            stemmer: lang.map(|l| l.stemmer.clone()).unwrap_or_default(),
            ..Statement::default()
        };
        for t in &tokens {
            let text: String = chars[t.span.start..t.span.end].iter().collect();
            if t.kind == TokenKind::Number {
                let digits: String = t
                    .key
                    .chars()
                    .take_while(|c| c.is_ascii_digit() || *c == '.')
                    .collect();
                st.numbers.insert(digits.trim_end_matches('.').to_string());
            }
            let stem = st.stemmer.stem(&t.key);
            let content = !is_stop(&stem) && t.key.chars().count() > 1;
            st.words.push(Word {
                text,
                stem,
                content,
                number: t.kind == TokenKind::Number,
            });
        }
        if let Some(l) = lang {
            st.find_entities(&tokens, &chars, l);
        }
        st
    }

    fn find_entities(&mut self, tokens: &[Token], chars: &[char], lang: &LangRules) {
        // clitics are Arabic letters: an English word has none to strip
        let clitics = Clitics::ConjPrep;
        let written = |start: usize, end: usize| -> String {
            chars[tokens[start].span.start..tokens[end - 1].span.end]
                .iter()
                .collect()
        };
        for hit in lang.speakers.scan(tokens, 0..tokens.len(), clitics) {
            let (kind, id, party) = match *hit.value {
                Atom::StateName(i) | Atom::Seat(i) | Atom::Adjective(i) => {
                    match lang.states.get(i as usize) {
                        Some(s) => (EntityKind::State, s.party.clone(), Some(s.party.clone())),
                        None => continue,
                    }
                }
                Atom::Person(i) => match lang.people.get(i as usize) {
                    Some(p) => (EntityKind::Person, p.name.clone(), p.party.clone()),
                    None => continue,
                },
                Atom::Outlet(i) => match lang.outlets.get(i as usize) {
                    Some(o) => (EntityKind::Outlet, o.name.clone(), o.party.clone()),
                    None => continue,
                },
                Atom::Head(_) => continue,
            };
            self.add(Entity {
                kind,
                id,
                party,
                text: written(hit.start, hit.end()),
            });
        }
        for hit in lang.places.scan(tokens, 0..tokens.len(), clitics) {
            let Some(p) = lang.place_info.get(*hit.value as usize) else {
                continue;
            };
            let (kind, id) = match p.kind {
                Some(PlaceKind::Country) => (
                    EntityKind::State,
                    p.state.clone().unwrap_or_else(|| p.id.clone()),
                ),
                _ => (EntityKind::Place, p.id.clone()),
            };
            self.add(Entity {
                kind,
                id,
                party: p.state.clone(),
                text: written(hit.start, hit.end()),
            });
        }
    }

    fn add(&mut self, e: Entity) {
        if !e.id.is_empty()
            && !self
                .entities
                .iter()
                .any(|x| x.kind == e.kind && x.id == e.id)
        {
            self.entities.push(e);
        }
    }

    /// The entities of one kind that `other` does not name, by identity or by any of their words
    /// (`غزة` is in `قطاع غزة`, `السودان` in `جنوب السودان`).
    pub fn entities_missing_from<'a>(
        &'a self,
        other: &Statement,
        kind: EntityKind,
    ) -> Vec<&'a Entity> {
        self.entities
            .iter()
            .filter(|e| e.kind == kind && !other.names(e))
            .collect()
    }

    /// Whether this statement names `e`: the same entity, or one of its words.
    pub fn names(&self, e: &Entity) -> bool {
        self.entities
            .iter()
            .any(|o| o.kind == e.kind && o.id == e.id)
            || e.text.split_whitespace().any(|w| {
                let s = self.stemmer.stem(&crate::text::fold::key(w));
                self.content().any(|v| self.stemmer.same_word(&s, &v.stem))
            })
    }

    /// The states this statement involves: named, or the state of a person, outlet or place named.
    pub fn parties(&self) -> BTreeSet<&str> {
        self.entities
            .iter()
            .filter_map(|e| e.party.as_deref())
            .collect()
    }

    /// The stems in order (all words).
    pub fn stems(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.stem.as_str()).collect()
    }

    /// The content words.
    pub fn content(&self) -> impl Iterator<Item = &Word> {
        self.words.iter().filter(|w| w.content)
    }
}

/// The share of each statement's content words that the other statement has: `(s1, s2)`.
pub fn overlap(s1: &Statement, s2: &Statement) -> (f64, f64) {
    let share = |a: &Statement, b: &Statement| {
        let words: Vec<&Word> = a.content().collect();
        if words.is_empty() {
            return 0.0;
        }
        let hit = words
            .iter()
            .filter(|w| b.content().any(|v| a.stemmer.same_word(&w.stem, &v.stem)))
            .count();
        hit as f64 / words.len() as f64
    };
    (share(s1, s2), share(s2, s1))
}

/// The content words of `a` that `b` lacks, as written.
pub fn unmatched<'a>(a: &'a Statement, b: &Statement) -> Vec<&'a str> {
    a.content()
        .filter(|w| !b.content().any(|v| a.stemmer.same_word(&w.stem, &v.stem)))
        .map(|w| w.text.as_str())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold::key;

    fn stem(w: &str) -> String {
        let rules = crate::rules::RuleSet::embedded().expect("built-in rules");
        rules.lang("ar").stemmer.stem(w)
    }

    fn same_word(a: &str, b: &str) -> bool {
        let rules = crate::rules::RuleSet::embedded().expect("built-in rules");
        rules.lang("ar").stemmer.same_word(a, b)
    }

    #[test]
    fn stems_meet_across_clitics_and_suffixes() {
        assert_eq!(stem(&key("وللارتفاع")), "ارتفاع");
        assert_eq!(stem(&key("الارتفاعات")), "ارتفاع");
        assert!(same_word(&stem(&key("المصرية")), &stem(&key("مصري"))));
        assert!(same_word(&stem(&key("يعتذر")), &stem(&key("اعتذار"))));
        assert!(!same_word(&stem(&key("ارتفاع")), &stem(&key("انخفاض"))));
        assert_eq!(stem(&key("بالقاهرة")), stem(&key("القاهرة")));
    }

    #[test]
    fn overlap_counts_content_words_only() {
        let stop = |s: &str| s == "في";
        let rules = crate::rules::RuleSet::embedded().expect("built-in rules");
        let ar = Some(rules.lang("ar"));
        let a = Statement::new("ارتفاع الذهب في لندن", stop, ar);
        let b = Statement::new("الذهب يرتفع في باريس", stop, ar);
        let (o1, o2) = overlap(&a, &b);
        assert!(
            (o1 - 2.0 / 3.0).abs() < 1e-9 && (o2 - 2.0 / 3.0).abs() < 1e-9,
            "{o1} {o2}"
        );
    }
}
