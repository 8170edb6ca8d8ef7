//! Stance and topics of a claim's content. A cue's own stance wins when it says more than a plain
//! statement (نفى is deny, ندد negative); otherwise words in the content decide: a denial phrase
//! (لا صحة، لم يتطرق), a word at its start (أعرب عن أمله → hope), an evaluation anywhere
//! (وصفتها بالبناءة → positive).

use std::ops::Range;

use crate::model::Stance;
use crate::rules::LangRules;
use crate::rules::schema::MarkerPlace;
use crate::text::Prepared;
use crate::text::lexicon::{Clitics, variants};

/// How many content words count as its start.
const START_WORDS: usize = 2;

/// The stance of a claim and the word that decided it.
pub fn decide(
    p: &Prepared,
    rules: &LangRules,
    cue_stance: Stance,
    content: Range<usize>,
) -> (Stance, Option<String>) {
    if cue_stance.is_marked() {
        return (cue_stance, None);
    }
    let mut deny = None;
    let mut start = None;
    let mut anywhere = None;
    // the stance a negation turns the next evaluation into, and the word count after it
    let mut negation: Option<(Stance, usize)> = None;
    let mut words = 0;
    let mut i = content.start;
    while i < content.end {
        if !p.tokens[i].is_word() {
            i += 1;
            continue;
        }
        words += 1;
        let Some(h) = rules
            .markers
            .longest_at(&p.tokens, i, Clitics::ConjPrep)
            .filter(|h| h.end() <= content.end)
        else {
            i += 1;
            continue;
        };
        let (mut stance, place) = *h.value;
        let word = p.slice(p.token_span(i, h.end()));
        if let Some((turned, at)) = negation
            && stance == Stance::Positive
            && words <= at + NEGATION_REACH
        {
            // "was not successful", "لم تكن مثمرة": a negated praise is a criticism
            stance = turned;
        } else if negation.is_some() && stance == Stance::Positive && place == MarkerPlace::Anywhere
        {
            // praise further on under a negation is none: "ولا إلى أي نتيجة تسمح بالمضي خطوة
            // إلى الأمام", "no result that would allow a step forward"
            i = h.end();
            continue;
        }
        if place == MarkerPlace::Negation {
            negation = Some((stance, words));
        } else if stance == Stance::Deny {
            deny.get_or_insert((stance, word));
        } else if place == MarkerPlace::Start
            && (words <= START_WORDS || after_preposition(p, rules, i))
        {
            start.get_or_insert((stance, word));
        } else if place == MarkerPlace::Anywhere {
            anywhere.get_or_insert((stance, word));
        }
        i = h.end();
    }
    deny.or(start)
        .or(anywhere)
        .map_or((cue_stance, None), |(s, w)| (s, Some(w)))
}

/// How many words after a negation an evaluation is negated ("not very successful", "لم يسفر
/// عن أي تقدم", where prepositions and determiners stand between).
const NEGATION_REACH: usize = 5;

/// Whether token `i` follows a preposition ("عن أمله" after an adverbial: "كشف في أكتوبر عن تطلعه").
fn after_preposition(p: &Prepared, rules: &LangRules, i: usize) -> bool {
    i > 0
        && rules
            .prepositions
            .longest_at(&p.tokens, i - 1, Clitics::None)
            .is_some()
}

/// Whether a clause has an evaluation marker (for cues that need one, like وجد).
pub fn has_evaluation(p: &Prepared, rules: &LangRules, range: Range<usize>) -> bool {
    range.clone().any(|i| {
        rules
            .markers
            .longest_at(&p.tokens, i, Clitics::ConjPrep)
            .is_some_and(|h| matches!(h.value.0, Stance::Positive | Stance::Negative))
    })
}

/// Topic ids named in a token range, sorted and unique.
pub fn topics(p: &Prepared, rules: &LangRules, range: Range<usize>) -> Vec<String> {
    let mut found: Vec<u32> = Vec::new();
    for i in range.clone() {
        let t = &p.tokens[i];
        if !t.is_word() {
            continue;
        }
        if let Some(h) = rules
            .topic_phrases
            .longest_at(&p.tokens, i, Clitics::ConjPrep)
            .filter(|h| h.end() <= range.end)
        {
            found.push(*h.value);
        }
        for (form, _) in variants(&t.key, Clitics::ConjPrep) {
            let bare = Some(rules.article.as_str())
                .filter(|a| !a.is_empty())
                .and_then(|a| form.strip_prefix(a))
                .filter(|b| b.chars().count() >= 2)
                .unwrap_or(form);
            // the bare form is the form itself when it has no article: one search then
            let second = (bare.len() != form.len()).then_some(bare);
            for w in std::iter::once(form).chain(second) {
                if let Some(idx) = stem_topic(rules, w) {
                    found.push(idx);
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
        .into_iter()
        .map(|i| rules.topic_ids[i as usize].clone())
        .collect()
}

/// The topic whose stem starts `word`, longest stem first (one anchored automaton search).
fn stem_topic(rules: &LangRules, word: &str) -> Option<u32> {
    let ac = rules.topic_stems.as_ref()?;
    let hit = ac.find(aho_corasick::Input::new(word).anchored(aho_corasick::Anchored::Yes))?;
    rules.topic_of_stem.get(hit.pattern().as_usize()).copied()
}
