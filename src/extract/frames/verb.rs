//! The verb frame: a verb of saying whose speaker is its subject, read after the verb in a
//! verb-first language ("قال الوزير إن") and before it in a subject-first one ("the minister
//! said"), or a pronoun for an earlier speaker.

use std::ops::Range;

use super::super::antecedent::Mentions;
use super::super::draft::{Draft, How, trim_end};
use super::super::speaker::{self, Zone};
use super::super::{alias, subject};
use super::Found;
use crate::rules::LangRules;
use crate::text::lexicon::Clitics;
use crate::text::{Prepared, Sentence, TokenKind};

/// The speaker of a verb cue in a subject-first language: before the cue, a pronoun for the last
/// speaker of its kind, or after the cue in inversion.
pub(in super::super) fn subject_before(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    seg: Range<usize>,
    sentence: &Sentence,
    drafts: &[Draft],
    mentions: &Mentions,
) -> Option<Found> {
    match subject::speaker(p, rules, cue, seg.clone(), mentions)? {
        subject::Found::Before(z) => Some((z, How::Before, cue.end)),
        subject::Found::After(z) => {
            let z = speaker::add_alongside(p, rules, z, seg.end);
            let end = z.tokens.end;
            Some((z, How::After, end))
        }
        subject::Found::Pronoun(k) => {
            let z = subject::antecedent(p, k, drafts.iter().rev().map(|d| &d.speaker))
                .or_else(|| subject::previous_subject(p, rules, sentence, k))?;
            let how = format!("'{}' refers back to {}", p.tokens[k].key, z.name);
            Some((
                Zone {
                    tokens: k..k + 1,
                    how,
                    anaphoric: false,
                    ..z
                },
                How::Pronoun,
                cue.end,
            ))
        }
    }
}

/// The speaker of a verb cue in a verb-first language: after the cue (past a resumptive pronoun,
/// "أعلن فيه الجيش"), a name it links to, a topic put first (أما), the subject of a clause that
/// issued a statement, or a subject before the cue.
pub(in super::super) fn subject_after(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    seg: Range<usize>,
    mentions: &Mentions,
) -> Option<Found> {
    let resumptive = |k: usize| {
        rules
            .resumptive
            .longest_at(&p.tokens, k, Clitics::None)
            .map(|h| h.end())
    };
    // "في وقت أعلن فيه الجيش أن": the speaker follows the pronoun
    let back = resumptive(cue.end).or_else(|| resumptive(cue.end - 1));
    let at = back.unwrap_or(cue.end).max(cue.end);
    if let Some(z) = speaker::zone_at(p, rules, at, seg.end) {
        let (z, from) = alias::holder(p, rules, z, seg.end);
        let z = speaker::with_allegiance(p, rules, z, seg.end);
        let z = speaker::add_alongside(p, rules, z, seg.end);
        let end = from.max(z.tokens.end);
        return Some((
            z,
            How::After,
            addressee(p, rules, end, seg.end).unwrap_or(end),
        ));
    }
    if let Some(z) = alias::named(p, rules, at, seg.end, mentions) {
        let end = z.tokens.end;
        return Some((z, How::After, end));
    }
    // "أما الوزير، رئيس الوفد، فشدد": the topic after أما speaks
    if let Some(z) = topic_first(p, rules, cue, seg.start) {
        let end = cue.end;
        return Some((z, How::Before, end));
    }
    // "أصدرت الخارجية القطرية بيانا قالت فيه إن": the clause's subject issued it
    if back.is_some()
        && let Some(z) = speaker::first_zone(p, rules, seg.start..cue.start)
    {
        return Some((z, How::Subject, at));
    }
    let mut end = cue.start;
    while end > seg.start
        && rules
            .aux
            .longest_at(&p.tokens, end - 1, Clitics::Conj)
            .is_some()
    {
        end -= 1;
    }
    speaker::zone_ending_at(p, rules, seg.start, end).map(|z| (z, How::Before, cue.end))
}

/// Where the content opens after the one a speaker told it to ("أبلغ مصدران وكالة رويترز
/// بأن"): at the opener that follows an addressee's phrase.
fn addressee(p: &Prepared, rules: &LangRules, at: usize, end: usize) -> Option<usize> {
    let z = speaker::zone_at(p, rules, at, end)?;
    rules
        .openers
        .longest_at(&p.tokens, z.tokens.end, Clitics::Conj)
        .map(|_| z.tokens.end)
}

/// The speaker put first by a topic word (أما) when the cue carries the linking فـ.
fn topic_first(p: &Prepared, rules: &LangRules, cue: &Range<usize>, floor: usize) -> Option<Zone> {
    if !p.tokens[cue.start].key.starts_with('ف') {
        return None;
    }
    let start = (floor..cue.start).find(|&k| {
        rules
            .topic_first
            .longest_at(&p.tokens, k, Clitics::None)
            .is_some()
    })?;
    speaker::zone_at(p, rules, start + 1, cue.start)
}

/// A quotation right before the speaker is the claim's content (`"We discussed X," Lavrov
/// said.`), or its first part when the content after the cue is a quotation too (`"..., " he
/// said, "..."`); words after the cue that are no quotation then only place the statement
/// ("Erdogan told reporters in Ankara").
pub(in super::super) fn attach_quote_before(p: &Prepared, d: &mut Draft, seg: Range<usize>) {
    let Some(q) = subject::quote_before(p, d.rules, seg, d.start.min(d.cue.start)) else {
        return;
    };
    let after = trim_end(p, d.content.clone());
    let after_quoted = p
        .tokens
        .get(after.start)
        .is_some_and(|t| t.kind == TokenKind::Quote)
        && after.clone().any(|k| p.tokens[k].is_word());
    if after_quoted {
        d.before = Some(q.clone());
    } else {
        d.content = q.clone();
    }
    d.start = q.start;
}
