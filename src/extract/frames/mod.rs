//! Where each frame of cue finds its speaker and content, one file per frame: a verb
//! ([`verb`]: speaker after it, before it, a pronoun, or the one it refers back to), a source
//! phrase ([`source`]: بحسب X، according to X), a relay ([`relay`]: نقلت ... عن X قوله, "quoted X
//! as saying") and a trailing attribution ([`trailing`]: ", a spokesperson said."). The
//! language's word order is read once, in [`speaker`], and handed to the frame. What a cue
//! requires around it (`requires` in cues.toml) is checked here too.

pub(super) mod relay;
pub(super) mod source;
pub(super) mod trailing;
pub(super) mod verb;

use std::ops::Range;

use super::antecedent::Mentions;
use super::draft::{Draft, How, opens_content, resolve_anaphor};
use super::speaker::{self, Zone};
use super::{stance, subject};
use crate::model::SpeakerKind;
use crate::rules::schema::{Frame, Requirement};
use crate::rules::{CueInfo, LangRules, WordOrder};
use crate::text::lexicon::Clitics;
use crate::text::{Prepared, Sentence};

/// A speaker a frame found: who, how, and the token where the content may start.
pub(super) type Found = (Zone, How, usize);

/// The speaker of a cue by its frame, read in the language's word order.
#[allow(clippy::too_many_arguments)]
pub(super) fn speaker(
    p: &Prepared,
    rules: &LangRules,
    order: WordOrder,
    cue: &Range<usize>,
    info: &CueInfo,
    seg: Range<usize>,
    sentence: &Sentence,
    drafts: &[Draft],
    mentions: &Mentions,
) -> Option<Found> {
    match (info.frame, order) {
        (Frame::Verb, WordOrder::SubjectFirst) => {
            verb::subject_before(p, rules, cue, seg, sentence, drafts, mentions)
        }
        (Frame::Verb, WordOrder::VerbFirst) => verb::subject_after(p, rules, cue, seg, mentions),
        (Frame::Source, _) => source::speaker_after(p, rules, order, cue, seg.end),
        (Frame::Relay, _) => relay::speaker(p, rules, order, cue, seg.end, drafts),
    }
}

/// Whether what an ambiguous cue needs around it is there (`requires` in cues.toml).
pub(super) fn requirement_met(
    r: Requirement,
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    seg: Range<usize>,
    found: Option<&Found>,
) -> bool {
    match r {
        Requirement::Evaluation => stance::has_evaluation(p, rules, seg),
        // "تابع" is also "followed": such cues need reported content right after the speaker, or
        // right after the cue when it names none and refers back ("وتابع أن"، "ولفت إلى")
        Requirement::Content => match found {
            Some((_, _, from)) => content_within(p, rules, *from, seg.end),
            None => opens_content(p, rules, cue.end, seg.end),
        },
        Requirement::NamedSpeaker => found.is_some(),
        Requirement::MediaSource => found.is_some_and(|(zone, how, _)| {
            *how == How::Source && matches!(zone.kind, SpeakerKind::Media | SpeakerKind::Anonymous)
        }),
    }
}

/// The speaker phrase that follows a source word or a relay verb at `at`, read in the language's
/// word order.
fn zone_after_cue(
    p: &Prepared,
    rules: &LangRules,
    order: WordOrder,
    at: usize,
    end: usize,
) -> Option<Zone> {
    match order {
        WordOrder::SubjectFirst => subject::zone_after(p, rules, at, end),
        WordOrder::VerbFirst => speaker::zone_at(p, rules, at, end),
    }
}

/// Whether reported content follows a source phrase (بحسب X، content) rather than preceding it.
pub(super) fn content_follows(p: &Prepared, from: usize, end: usize) -> bool {
    (from..end).any(|k| p.tokens[k].is_word())
}

/// The speaker of a cue that names none: the last speaker when the cue opens its clause
/// ("وأضاف أن"), else the sentence's subject ("استضافت موسكو ... محادثات قالت إنها").
pub(super) fn implicit_speaker(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    seg: Range<usize>,
    sentence: &Sentence,
    drafts: &[Draft],
    mentions: &Mentions,
) -> Option<(Zone, How)> {
    let last = || drafts.last().map(|d| d.speaker.clone());
    if leads(p, rules, seg.start, cue.start) {
        return last().map(|z| (z, How::Antecedent));
    }
    let before = cue.start.checked_sub(1)?;
    if rules
        .relative
        .longest_at(&p.tokens, before, Clitics::Conj)
        .is_some()
        || !opens_content(p, rules, cue.end, seg.end)
    {
        return None;
    }
    match speaker::first_zone(p, rules, sentence.tokens.start..cue.start) {
        Some(z) => Some((resolve_anaphor(z, drafts, mentions), How::Subject)),
        None => last().map(|z| (z, How::Antecedent)),
    }
}

/// Whether only discourse words (و، كما، لكنه، من جهته) stand between the clause start and the cue.
pub(super) fn leads(p: &Prepared, rules: &LangRules, from: usize, to: usize) -> bool {
    let mut i = from;
    while i < to {
        let t = &p.tokens[i];
        if !t.is_word() {
            i += 1;
            continue;
        }
        let hit = [&rules.contrast, &rules.aux, &rules.discourse]
            .iter()
            .filter_map(|lx| lx.longest_at(&p.tokens, i, Clitics::Conj))
            .map(|h| h.end())
            .max();
        match hit {
            Some(e) => i = e,
            None => return false,
        }
    }
    true
}

/// Whether reported content opens within a few words of token `i` (after an adverbial:
/// "وذكر لافروف في حديث لصحيفة حرييت: ...").
pub(super) fn content_within(p: &Prepared, rules: &LangRules, i: usize, end: usize) -> bool {
    (i..end.min(i + 8)).any(|k| opens_content(p, rules, k, end))
}
