//! What the comparator reads from a claim's content besides stance and topics: whether it
//! describes what a meeting discussed, its figures with their units, and its content words.

use std::collections::BTreeSet;

use crate::model::Claim;
use crate::rules::{Atom, LangRules};
use crate::text::lexicon::Clitics;
use crate::text::token::{Token, TokenKind, tokenize};

/// Features of one claim's content.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Whether the content names a meeting or what it discussed.
    pub about_meeting: bool,
    /// (figure, unit word) pairs.
    pub figures: Vec<(String, String)>,
    /// Light stems of the claim's words, without state names and adjectives.
    pub words: BTreeSet<String>,
    /// Light stems of the content's words, without state names, adjectives and meeting words.
    pub content_words: BTreeSet<String>,
    /// Topics negated in the content (a negation word up to three words before the topic word).
    pub negated: BTreeSet<String>,
    /// The folded text of the whole claim.
    pub folded: String,
    /// States the content speaks of (by name, seat, adjective or a person who speaks for one):
    /// whom a claim blames or credits.
    pub targets: BTreeSet<String>,
    /// Canonical names of the known people the content names.
    pub people: BTreeSet<String>,
}

/// Reads the features of a claim; `negations` are folded negation words.
pub fn of(claim: &Claim, rules: &LangRules, negations: &[String]) -> Features {
    let tokens = tokens_of(&claim.content.text, rules);
    let about_meeting = (0..tokens.len()).any(|i| {
        rules.agenda.longest_at(&tokens, i, Clitics::Conj).is_some()
            || rules
                .meetings
                .longest_at(&tokens, i, Clitics::ConjPrep)
                .is_some()
    });
    let whole_tokens = tokens_of(&claim.text, rules);
    let (mut targets, mut people) = named(&tokens, rules);
    // the object of the cue before its content names whom it answers: "sought to minimise
    // Khalilzad's assertion that ...", "نفت ما روجته الجزائر من أن ..."
    let object = object_before_content(claim);
    if !object.is_empty() {
        let (t, p) = named(&tokens_of(&object, rules), rules);
        targets.extend(t);
        people.extend(p);
    }
    Features {
        about_meeting,
        figures: figures(&tokens, rules),
        words: words(&whole_tokens, rules),
        content_words: content_words(&tokens, rules),
        negated: negated_topics(&tokens, rules, negations),
        targets,
        people,
        folded: whole_tokens
            .iter()
            .map(|t| t.key.as_str())
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// A text's tokens, with the words the rules read only when written exactly so ("US").
fn tokens_of(text: &str, rules: &LangRules) -> Vec<Token> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = tokenize(&chars);
    crate::text::read_cased(&chars, &mut tokens, &rules.cased);
    tokens
}

/// The words between the cue (or a speaker after it) and the content, when the content follows.
fn object_before_content(claim: &Claim) -> String {
    let mut from = claim.cue.span.end;
    if let Some(sp) = claim
        .speaker
        .span
        .filter(|sp| sp.start >= claim.cue.span.end)
    {
        from = from.max(sp.end);
    }
    let to = claim.content.span.start;
    if to <= from || from < claim.span.start {
        return String::new();
    }
    claim
        .text
        .chars()
        .skip(from - claim.span.start)
        .take(to - from)
        .collect()
}

/// Topics whose word follows a negation within eight words ("لم يسفر عن أي وقف لإطلاق النار").
fn negated_topics(tokens: &[Token], rules: &LangRules, negations: &[String]) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut p: Option<crate::text::Prepared> = None;
    for (i, t) in tokens.iter().enumerate() {
        if !negations.iter().any(|n| *n == t.key) {
            continue;
        }
        let p = p.get_or_insert_with(|| crate::text::Prepared {
            chars: Vec::new(),
            tokens: tokens.to_vec(),
            in_quote: vec![false; tokens.len()],
            sentences: Vec::new(),
        });
        let end = (i + 9).min(tokens.len());
        out.extend(crate::extract::stance::topics(p, rules, i + 1..end));
    }
    out
}

/// The states a content names ("أديس أبابا تتحمل المسؤولية" names Ethiopia), and the known
/// people it names, whose state counts as named too.
fn named(tokens: &[Token], rules: &LangRules) -> (BTreeSet<String>, BTreeSet<String>) {
    let mut states = BTreeSet::new();
    let mut people = BTreeSet::new();
    for h in rules
        .speakers
        .scan(tokens, 0..tokens.len(), Clitics::ConjPrep)
    {
        match *h.value {
            Atom::Seat(_) if venue(tokens, &h, rules) => {}
            Atom::StateName(k) | Atom::Seat(k) | Atom::Adjective(k) => {
                states.insert(rules.states[k as usize].party.clone());
            }
            Atom::Person(k) => {
                let person = &rules.people[k as usize];
                states.extend(person.party.clone());
                people.insert(person.name.clone());
            }
            _ => {}
        }
    }
    (states, people)
}

/// Whether a capital stands as the place of a meeting ("the talks in Doha", "اجتماع الدوحة",
/// "بالدوحة"), not as the government it names.
fn venue(tokens: &[Token], h: &crate::text::lexicon::Hit<Atom>, rules: &LangRules) -> bool {
    let attached = h.prefix > 0 && tokens[h.start].key.starts_with('ب');
    let after = |j: usize| {
        rules
            .venue_in
            .longest_at(tokens, j, Clitics::Conj)
            .is_some()
            || rules
                .meetings
                .longest_at(tokens, j, Clitics::ConjPrep)
                .is_some_and(|m| m.end() == h.start)
    };
    attached || (h.start.saturating_sub(3)..h.start).any(after)
}

fn figures(tokens: &[Token], rules: &LangRules) -> Vec<(String, String)> {
    tokens
        .windows(2)
        .filter(|w| w[0].kind == TokenKind::Number && w[1].kind == TokenKind::Word)
        .filter(|w| {
            w[0].key
                .parse::<u32>()
                .is_ok_and(|n| !(1900..=2100).contains(&n))
        })
        .map(|w| (w[0].key.to_string(), rules.stemmer.stem(&w[1].key)))
        .collect()
}

/// Content stems that can name what is denied: no meeting or agenda words, which every account
/// of a meeting shares.
fn content_words(tokens: &[Token], rules: &LangRules) -> BTreeSet<String> {
    let generic: BTreeSet<String> = (0..tokens.len())
        .filter(|&i| {
            rules
                .meetings
                .longest_at(tokens, i, Clitics::ConjPrep)
                .is_some()
                || rules.agenda.longest_at(tokens, i, Clitics::Conj).is_some()
        })
        .map(|i| rules.stemmer.stem(&tokens[i].key))
        .collect();
    words(tokens, rules)
        .into_iter()
        .filter(|w| !generic.contains(w))
        .collect()
}

fn words(tokens: &[Token], rules: &LangRules) -> BTreeSet<String> {
    (0..tokens.len())
        .filter(|&i| tokens[i].kind == TokenKind::Word && tokens[i].key.chars().count() > 3)
        .filter(|&i| {
            rules
                .speakers
                .longest_at(tokens, i, Clitics::ConjPrep)
                .is_none()
        })
        .map(|i| rules.stemmer.stem(&tokens[i].key))
        .collect()
}
