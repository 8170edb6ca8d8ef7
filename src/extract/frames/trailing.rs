//! The trailing attribution: a speaker and cue after the words they report ("..., a
//! spokesperson said in a statement."; "...، كما أكد الوزير"; "..., according to the
//! ministry"). The clause before the comma is the content.

use std::ops::Range;

use super::super::antecedent::Mentions;
use super::super::draft::{Draft, How, merge_into_last, new_draft, push, resolve_anaphor};
use super::super::speaker::Zone;
use super::super::subject;
use super::{Found, content_follows};
use crate::rules::schema::Frame;
use crate::rules::{CueInfo, LangRules, WordOrder};
use crate::text::lexicon::Clitics;
use crate::text::{Prepared, TokenKind};

/// How many words may follow the cue of a trailing attribution ("in a statement on Monday").
const TRAILING_WORDS: usize = 6;

/// How many words must stand before a trailing attribution's comma.
const TRAILING_MIN_WORDS: usize = 3;

/// A cue whose speaker was looked for, in the clause where it stands.
pub(in super::super) struct Trailing<'a, 'r> {
    /// The cue's tokens.
    pub cue: &'a Range<usize>,
    /// What the cue stands for.
    pub info: &'r CueInfo,
    /// The clause's tokens.
    pub seg: Range<usize>,
    /// The speaker its frame found, with how and where its content may start.
    pub found: Option<&'a Found>,
    /// The index of the clause's first draft.
    pub first_here: usize,
}

/// Reads a cue as a trailing attribution when it is one: makes the claim of the words before
/// its comma, or hands them to the clause's claim already made. Whether it did.
pub(in super::super) fn read<'r>(
    p: &Prepared,
    rules: &'r LangRules,
    order: WordOrder,
    t: Trailing<'_, 'r>,
    drafts: &mut Vec<Draft<'r>>,
    mentions: &Mentions,
) -> bool {
    let prev_here = drafts.len() > t.first_here;
    match (order, t.info.frame) {
        (WordOrder::SubjectFirst, Frame::Verb) => {
            let Some((zone, how, from)) = t.found else {
                return false;
            };
            let Some(comma) = attribution_comma(p, rules, zone.tokens.start, t.cue, t.seg.clone())
            else {
                return false;
            };
            // "X denied that ..., a spokesperson said in a statement": the attribution names
            // who said the clause before it; a claim already made there ends at the comma
            let zone_here = resolve_anaphor(zone.clone(), drafts, mentions);
            let other_side = prev_here
                && drafts.last().is_some_and(|prev| {
                    zone_here.identified()
                        && !prev.speaker.parties.is_empty()
                        && prev.speaker.parties != zone_here.parties
                });
            if other_side {
                // "Addis Ababa rejected every proposal, the Egyptian spokesman added": one side
                // reports what the other did; the clause is the attribution's content
                let prev = drafts.pop().expect("a draft in this clause");
                let mut d = clause_claim(p, rules, &t, zone_here, *how, *from, comma);
                d.notes.push(format!(
                    "reports {} by {}",
                    prev.info.lemma, prev.speaker.name
                ));
                push(drafts, d, t.first_here);
            } else if prev_here {
                let prev = drafts.last_mut().expect("a draft in this clause");
                prev.content.end = prev.content.end.min(comma).max(prev.content.start);
            } else {
                let d = clause_claim(p, rules, &t, zone_here, *how, *from, comma);
                push(drafts, d, t.first_here);
            }
            true
        }
        // a relay names its source after the cue in a subject-first language ("quoted X as
        // saying"): never a trailing attribution
        (WordOrder::SubjectFirst, Frame::Relay) => false,
        _ => {
            let Some(comma) = trailing_comma(p, rules, t.cue, t.seg.clone(), t.info.frame) else {
                return false;
            };
            // "ولن يعود إلى الحوار، كما أكد الوزير"; "...، بحسب ما أكده المصدر"; "...,
            // according to the ministry": the attribution names who said the words before it
            if prev_here {
                merge_into_last(p, drafts, t.info, t.cue.start, t.seg.end);
                return true;
            }
            let zone = match t.found {
                Some((z, how, _)) => Some((resolve_anaphor(z.clone(), drafts, mentions), *how)),
                None if t.info.frame == Frame::Verb => {
                    drafts.last().map(|d| (d.speaker.clone(), How::Antecedent))
                }
                None => None,
            };
            let Some((zone, how)) = zone else {
                return false;
            };
            let d = clause_claim(p, rules, &t, zone, how, t.seg.start, comma);
            push(drafts, d, t.first_here);
            true
        }
    }
}

/// The claim of a trailing attribution: its speaker's, reporting the clause before the comma.
fn clause_claim<'r>(
    p: &Prepared,
    rules: &'r LangRules,
    t: &Trailing<'_, 'r>,
    zone: Zone,
    how: How,
    from: usize,
    comma: usize,
) -> Draft<'r> {
    let mut d = new_draft(p, rules, t.cue.clone(), t.info, zone, how, from, t.seg.end);
    d.content = t.seg.start..comma;
    d.start = t.seg.start;
    d
}

/// The comma before a trailing attribution in a subject-first language (", a spokesperson said
/// in a statement."): the speaker starts right after a comma that follows words of the clause,
/// and after the cue come only a few words that open no content (no "that", colon or
/// quotation).
fn attribution_comma(
    p: &Prepared,
    rules: &LangRules,
    speaker_start: usize,
    cue: &Range<usize>,
    seg: Range<usize>,
) -> Option<usize> {
    if speaker_start > cue.start || p.in_quote[cue.start] {
        return None;
    }
    // the comma may stand a few words before the speaker's head ("the kingdom's foreign ministry")
    let comma = (seg.start + 1..speaker_start)
        .rev()
        .take(4)
        .find(|&k| !p.tokens[k].is_word())
        .filter(|&k| p.tokens[k].is_punct(","))?;
    if !content_follows(p, seg.start, comma) {
        return None;
    }
    let rest = cue.end..seg.end;
    let opens = subject::content_start(p, rules, cue.end, seg.end) != cue.end
        || rest.clone().any(|k| p.tokens[k].kind == TokenKind::Quote);
    // a comma after the cue ends the attribution (", the spokesman said, with the mediator ...")
    let words = rest
        .take_while(|&k| !p.tokens[k].is_punct(","))
        .filter(|&k| p.tokens[k].is_word())
        .count();
    (!opens && words <= TRAILING_WORDS).then_some(comma)
}

/// Whether a source phrase or a verb after a trailing word (كما) stands after a comma that ends
/// words of its clause ("..., according to the ministry"; "...، كما أكد الوزير"): it reports
/// what came before it. Gives the comma.
fn trailing_comma(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    seg: Range<usize>,
    frame: Frame,
) -> Option<usize> {
    let mut k = cue.start;
    if frame == Frame::Verb {
        let h = (seg.start..k).rev().take(2).find(|&i| {
            rules
                .trailing
                .longest_at(&p.tokens, i, Clitics::Conj)
                .is_some_and(|h| h.end() == cue.start)
        })?;
        k = h;
    }
    let comma = k.checked_sub(1).filter(|&c| p.tokens[c].is_punct(","))?;
    let words = (seg.start..comma)
        .filter(|&i| p.tokens[i].is_word())
        .count();
    (words >= TRAILING_MIN_WORDS).then_some(comma)
}
