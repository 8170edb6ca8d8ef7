//! Speakers and content in languages that put the subject before the verb (English; the rules say
//! so with `subject_first` in segment.toml). A speaker is read before the cue first ("Lavrov
//! said"), then a pronoun standing for an earlier speaker ("he said"), and only then after the
//! cue, in inversion (`"...," said Lavrov.`). Content opens at "that", a colon or a quotation a few
//! words after the cue ("told reporters in Moscow that"), and a quotation before the speaker is
//! content too (`"We discussed the border," Lavrov said.`), alone or with its continuation after the
//! cue (`"We discussed X," Lavrov said, "and Y."`).

use std::ops::Range;

use super::antecedent::Mentions;
use super::speaker::{self, Zone};
use crate::model::SpeakerKind;
use crate::rules::LangRules;
use crate::text::lexicon::Clitics;
use crate::text::{Prepared, Sentence, TokenKind};

/// How many words after the cue reported content may open ("said in a statement on Monday that").
const OPENER_REACH: usize = 8;

/// Where a subject-first speaker was found.
pub enum Found {
    /// A speaker phrase before the cue.
    Before(Zone),
    /// A pronoun before the cue ("he", "they"), at this token.
    Pronoun(usize),
    /// A speaker phrase after the cue (inversion), ending where content may follow.
    After(Zone),
}

/// Reads the speaker of a verb cue in a subject-first language.
pub fn speaker(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    seg: Range<usize>,
    mentions: &Mentions,
) -> Option<Found> {
    let end = before_adverbs(p, rules, seg.start, cue.start);
    if let Some(z) = speaker::zone_ending_at(p, rules, seg.start, end) {
        return Some(Found::Before(z));
    }
    // an apposition closed by a comma: "The Turkish foreign minister, Mevlut Cavusoglu, said";
    // not before a participle, which continues the sentence's subject ("..., adding that")
    if end > seg.start + 1
        && p.tokens[end - 1].is_punct(",")
        && !p.tokens[cue.start].key.ends_with("ing")
        && let Some(z) = speaker::zone_ending_at(p, rules, seg.start, end - 1)
            .filter(|z| z.kind == SpeakerKind::Person)
            // after a comma ("..., Mevlut Cavusoglu, said"), or an office with its name in
            // apposition ("The Turkish foreign minister, Mevlut Cavusoglu, said")
            .filter(|z| {
                (z.tokens.start > seg.start && p.tokens[z.tokens.start - 1].is_punct(","))
                    || z.tokens.clone().any(|k| p.tokens[k].is_punct(","))
            })
    {
        return Some(Found::Before(z));
    }
    if end > seg.start
        && rules
            .pronouns
            .longest_at(&p.tokens, end - 1, Clitics::None)
            .is_some()
    {
        // "took issue with what he had told reporters": a cue in a relative clause names what
        // the speaker before it speaks about, it states nothing of its own
        let relative = end - 1 > seg.start
            && rules
                .relative
                .longest_at(&p.tokens, end - 2, Clitics::None)
                .is_some();
        return (!relative).then_some(Found::Pronoun(end - 1));
    }
    if let Some(z) = open_class(p, rules, seg.start, end, mentions) {
        return Some(Found::Before(z));
    }
    inverted(p, rules, cue, seg).map(Found::After)
}

/// Where the subject before a cue at `cue` ends: auxiliaries and adverbs between them are
/// skipped ("has also said"), and so is one between commas ("The ministry, however, said").
fn before_adverbs(p: &Prepared, rules: &LangRules, floor: usize, cue: usize) -> usize {
    // where an auxiliary or adverb of one or more words ending at `end` starts ("in turn")
    let aux = |end: usize| {
        (1..=3.min(end - floor)).map(|n| end - n).find(|&k| {
            rules
                .aux
                .longest_at(&p.tokens, k, Clitics::None)
                .is_some_and(|h| h.end() == end)
        })
    };
    let mut end = cue;
    while end > floor
        && let Some(k) = aux(end)
    {
        end = k;
    }
    if end > floor + 2 && p.tokens[end - 1].is_punct(",") {
        let mut k = end - 1;
        while k > floor
            && let Some(j) = aux(k)
        {
            k = j;
        }
        if k < end - 1 && k > floor + 1 && p.tokens[k - 1].is_punct(",") {
            end = k - 1;
        }
    }
    end
}

/// How many capitalised words a name that no lexicon knows may have ("Esmaeil Baqaei").
const NAME_WORDS: usize = 3;

/// How many tokens an apposition or relative clause between commas may have.
const APPOSITION_TOKENS: usize = 16;

/// A speaker recognised by its shape, not by a lexicon entry, ending at `end`:
/// - a title before a new name: "Foreign Ministry spokesperson Esmaeil Baqaei said";
/// - a new name with its office in apposition: "Vahan Hunanyan, spokesman for Armenia's foreign
///   ministry, told";
/// - an office with a new name in apposition: "Ethiopia's ambassador to the UAE, Suleiman
///   Dedefo, blamed";
/// - any speaker before a relative clause: "Ambassador Khalilzad, who headed the delegation,
///   said".
///
/// The office gives the party; the speaker's tokens cover the name too.
fn open_class(
    p: &Prepared,
    rules: &LangRules,
    floor: usize,
    end: usize,
    mentions: &Mentions,
) -> Option<Zone> {
    let name = name_start(p, rules, floor, end);
    if name < end {
        let Some(z) = speaker::zone_ending_at(p, rules, floor, name) else {
            // a name met before with its office: "Vahan Hunanyan, spokesman for ... Hunanyan said"
            return super::alias::earlier(p, rules, name..end, mentions);
        };
        return (z.kind == SpeakerKind::Person).then(|| widen(p, z, end));
    }
    let close = end
        .checked_sub(1)
        .filter(|&k| k > floor && p.tokens[k].is_punct(","))?;
    let open = (close.saturating_sub(APPOSITION_TOKENS).max(floor)..close)
        .rev()
        .find(|&k| p.tokens[k].is_punct(","))?;
    let inner = open + 1..close;
    if rules
        .relative
        .longest_at(&p.tokens, inner.start, Clitics::None)
        .is_some()
    {
        return speaker::zone_ending_at(p, rules, floor, open)
            .or_else(|| open_class(p, rules, floor, open, mentions));
    }
    // a known person before any apposition: "Zalmay Khalilzad, the US envoy for peace, said"
    // (the name alone: "talks between Kabul and the Taliban, Zalmay Khalilzad, ..." is content)
    let name_floor = (floor..open)
        .rev()
        .find(|&k| !p.tokens[k].is_word())
        .map_or(floor, |k| k + 1);
    if let Some(z) = speaker::zone_ending_at(p, rules, name_floor, open)
        .filter(|z| z.named && z.kind == SpeakerKind::Person && !z.parties.is_empty())
    {
        return Some(z);
    }
    // "Name, <office>,": the office is the speaker, named by the name before it
    let before_name = name_start(p, rules, floor, open);
    if before_name < open
        && let Some(z) = zone_after(p, rules, inner.start, close)
            .filter(|z| z.tokens.end == close && !z.parties.is_empty())
            .or_else(|| {
                speaker::first_zone(p, rules, inner.clone()).filter(|z| !z.parties.is_empty())
            })
    {
        let mut z = widen(p, z, close);
        let name = p.slice(p.token_span(before_name, open));
        z.how = format!("{}; office of {name} (no lexicon entry)", z.how);
        z.tokens.start = before_name;
        return Some(z);
    }
    // "<office> (to the UAE), Name,": the office before the name
    if name_start(p, rules, inner.start, close) == inner.start {
        let z = (open.saturating_sub(5).max(floor)..=open)
            .rev()
            .filter(|&e| e == open || p.tokens[e].key == "to" || p.tokens[e].key == "for")
            .find_map(|e| {
                speaker::zone_ending_at(p, rules, floor, e)
                    .filter(|z| z.kind == SpeakerKind::Person && !z.parties.is_empty())
            })?;
        return Some(widen(p, z, close));
    }
    None
}

/// The first token of a run of capitalised words no lexicon knows that ends at `end` (`end`
/// itself when there is none): a name, not a pronoun, article or auxiliary.
fn name_start(p: &Prepared, rules: &LangRules, floor: usize, end: usize) -> usize {
    let mut k = end;
    while k > floor && end - k < NAME_WORDS {
        let t = &p.tokens[k - 1];
        let text = p.slice(t.span);
        let capital = text.chars().next().is_some_and(char::is_uppercase);
        let known = rules.is_article(&t.key)
            || rules
                .pronouns
                .longest_at(&p.tokens, k - 1, Clitics::None)
                .is_some()
            || rules
                .aux
                .longest_at(&p.tokens, k - 1, Clitics::None)
                .is_some()
            || !rules
                .speakers
                .hits_at(&p.tokens, k - 1, Clitics::None)
                .is_empty();
        if t.kind != TokenKind::Word || !capital || known {
            break;
        }
        k -= 1;
    }
    k
}

/// A speaker phrase widened over the new name that goes with it.
fn widen(p: &Prepared, mut z: Zone, end: usize) -> Zone {
    if z.tokens.end < end {
        let name = p.slice(p.token_span(z.tokens.end, end));
        z.how = format!("{}; named {name} (no lexicon entry)", z.how);
        z.tokens.end = end;
    }
    z
}

/// A speaker right after the cue in inversion: the cue follows a quotation, a comma or opens the
/// clause, and the speaker phrase ends the clause or is followed by punctuation ("said Lavrov,").
fn inverted(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    seg: Range<usize>,
) -> Option<Zone> {
    let before_ok = cue.start == seg.start
        || matches!(
            p.tokens[cue.start - 1].kind,
            TokenKind::Quote | TokenKind::Punct
        );
    if !before_ok || p.tokens[cue.start].key.ends_with("ing") {
        return None;
    }
    let z = zone_after(p, rules, cue.end, seg.end)?;
    let closes = z.tokens.end >= seg.end || !p.tokens[z.tokens.end].is_word();
    closes.then_some(z)
}

/// A speaker phrase starting at `at`, or after an article there ("the ministry" is itself a
/// phrase; "the Turkish defence ministry" starts after "the").
pub fn zone_after(p: &Prepared, rules: &LangRules, at: usize, end: usize) -> Option<Zone> {
    speaker::zone_at(p, rules, at, end).or_else(|| {
        let mut k = at;
        while k < end && rules.is_article(&p.tokens[k].key) {
            k += 1;
        }
        if k == at {
            return None;
        }
        speaker::zone_at(p, rules, k, end).or_else(|| {
            // an article, a word or two no lexicon knows, then an unnamed source or official:
            // "a diplomatic source", "a senior Western official"
            (k + 1..(k + 3).min(end))
                .take_while(|&j| p.tokens[j - 1].is_word())
                .find_map(|j| {
                    speaker::zone_at(p, rules, j, end)
                        .filter(|z| z.kind == SpeakerKind::Anonymous && z.parties.is_empty())
                })
        })
    })
}

/// The last speaker that a pronoun can stand for: he/she/him/her a person, it an institution,
/// state or outlet, they/them anyone.
pub fn antecedent<'a>(
    p: &Prepared,
    pronoun: usize,
    last: impl Iterator<Item = &'a Zone>,
) -> Option<Zone> {
    let word = p.tokens[pronoun].key.as_str();
    let fits = |z: &&Zone| match word {
        "he" | "she" | "him" | "her" => z.kind == SpeakerKind::Person,
        "it" => z.kind != SpeakerKind::Person,
        _ => true,
    };
    let mut last = last;
    last.find(fits).cloned()
}

/// How many sentences back a pronoun may find its speaker phrase when no claim has one.
const PRONOUN_REACH: usize = 3;

/// The first speaker phrase of the nearest sentence before `s` that has one a pronoun can stand
/// for, a few sentences back at most, when no earlier claim has one ("Çavuşoğlu met his
/// counterpart in Ankara. He had the pledge in mind. \"...,\" he said.").
pub fn previous_subject(
    p: &Prepared,
    rules: &LangRules,
    s: &Sentence,
    pronoun: usize,
) -> Option<Zone> {
    p.sentences
        .iter()
        .rev()
        .filter(|x| x.tokens.end <= s.tokens.start)
        .take(PRONOUN_REACH)
        .find_map(|prev| first_fitting(p, rules, prev, pronoun))
}

/// The first speaker phrase of sentence `s` that the pronoun at `pronoun` can stand for.
fn first_fitting(p: &Prepared, rules: &LangRules, s: &Sentence, pronoun: usize) -> Option<Zone> {
    let mut k = s.tokens.start;
    while k < s.tokens.end {
        match speaker::zone_at(p, rules, k, s.tokens.end) {
            Some(z) => {
                if antecedent(p, pronoun, std::iter::once(&z)).is_some() {
                    return Some(z);
                }
                k = z.tokens.end;
            }
            None => k += 1,
        }
    }
    None
}

/// Where reported content opens after a cue: after "that" or a colon, or at a quotation, within
/// a few words ("told reporters in Moscow that ..."), else right at `from`.
pub fn content_start(p: &Prepared, rules: &LangRules, from: usize, end: usize) -> usize {
    let limit = end.min(from + OPENER_REACH);
    for k in from..limit {
        let t = &p.tokens[k];
        if t.is_punct(":") {
            return k + 1;
        }
        if t.kind == TokenKind::Quote {
            return k;
        }
        if let Some(h) = rules.openers.longest_at(&p.tokens, k, Clitics::None) {
            return h.end();
        }
        if t.is_punct(",") || t.is_punct(";") {
            break;
        }
    }
    from
}

/// The quotation that closes right before token `at` (a comma may stand between): its tokens,
/// from the opening mark to the closing one, inside `seg`.
pub fn quote_before(
    p: &Prepared,
    rules: &LangRules,
    seg: Range<usize>,
    at: usize,
) -> Option<Range<usize>> {
    let mut k = at;
    while k > seg.start
        && (p.tokens[k - 1].kind == TokenKind::Punct || rules.is_article(&p.tokens[k - 1].key))
    {
        k -= 1;
    }
    let close = k.checked_sub(1).filter(|&c| c >= seg.start)?;
    if p.tokens[close].kind != TokenKind::Quote {
        return None;
    }
    let open = (seg.start..close)
        .rev()
        .find(|&i| p.tokens[i].kind == TokenKind::Quote)?;
    ((open + 1..close).any(|i| p.tokens[i].is_word())).then_some(open..close + 1)
}
