//! Where each frame of cue finds its speaker and content: a verb (speaker after it, before it,
//! a pronoun, or the one it refers back to), a source phrase (بحسب X، according to X), a relay
//! (نقلت ... عن X قوله, "quoted X as saying") and a trailing attribution (", a spokesperson
//! said."). What a cue requires around it (`requires` in cues.toml) is checked here too.

use std::ops::Range;

use super::draft::{Draft, How, opens_content, resolve_anaphor, trim_end};
use super::speaker::{self, Zone};
use super::{alias, stance, subject};
use crate::model::SpeakerKind;
use crate::rules::LangRules;
use crate::rules::schema::Requirement;
use crate::text::lexicon::Clitics;
use crate::text::{Prepared, Sentence, TokenKind};

/// Whether what an ambiguous cue needs around it is there (`requires` in cues.toml).
pub(super) fn requirement_met(
    r: Requirement,
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    seg: Range<usize>,
    found: Option<&(Zone, How, usize)>,
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

/// The speaker of a verb cue in a subject-first language: before the cue, a pronoun for the last
/// speaker of its kind, or after the cue in inversion.
pub(super) fn subject_speaker(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    seg: Range<usize>,
    sentence: &Sentence,
    drafts: &[Draft],
    mentions: &[Zone],
) -> Option<(Zone, How, usize)> {
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

/// The comma before a trailing attribution (", a spokesperson said in a statement."): the speaker
/// starts right after a comma that follows words of the clause, and after the cue come only a
/// few words that open no content (no "that", colon or quotation).
pub(super) fn trailing_attribution(
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

/// How many words may follow the cue of a trailing attribution ("in a statement on Monday").
pub(super) const TRAILING_WORDS: usize = 6;

/// A quotation right before the speaker is the claim's content (`"We discussed X," Lavrov
/// said.`), or its first part when the content after the cue is a quotation too (`"..., " he
/// said, "..."`); words after the cue that are no quotation then only place the statement
/// ("Erdogan told reporters in Ankara").
pub(super) fn attach_quote_before(p: &Prepared, d: &mut Draft, seg: Range<usize>) {
    let Some(q) = subject::quote_before(p, seg, d.start.min(d.cue.start)) else {
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

pub(super) fn speaker_of_verb(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    seg: Range<usize>,
    mentions: &[Zone],
) -> Option<(Zone, How, usize)> {
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

pub(super) fn source_speaker(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    end: usize,
) -> Option<(Zone, How, usize)> {
    let mut at = cue.end;
    if p.tokens.get(at).is_some_and(|t| t.key == "ل") {
        at += 1;
    }
    // "بحسب ما أكده الوزير": a verb of saying may stand between the phrase and its speaker
    if let Some(h) = rules.cues.longest_at(&p.tokens, at, Clitics::None)
        && p.tokens[at - 1].key.ends_with("ما")
    {
        at = h.end();
    }
    zone_after_cue(p, rules, at, end).map(|z| {
        let z = speaker::with_allegiance(p, rules, z, end);
        let e = z.tokens.end;
        (z, How::Source, e)
    })
}

/// The speaker phrase that follows a source word or a relay verb at `at`, read in the language's
/// word order.
fn zone_after_cue(p: &Prepared, rules: &LangRules, at: usize, end: usize) -> Option<Zone> {
    if rules.subject_first {
        subject::zone_after(p, rules, at, end)
    } else {
        speaker::zone_at(p, rules, at, end)
    }
}

/// نقل (the outlet) عن X قوله: X speaks; عنه refers back to the last speaker.
pub(super) fn relay_speaker(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    end: usize,
    drafts: &[Draft],
) -> Option<(Zone, How, usize)> {
    let outlet = zone_after_cue(p, rules, cue.end, end);
    let after = outlet.as_ref().map_or(cue.end, |z| z.tokens.end);
    // a few words may describe the outlet before عن ("وسائل إعلام سورية رسمية عن")
    let at = (after..end.min(after + 4))
        .find(|&k| {
            p.tokens[k].key == "عن"
                || rules
                    .pronouns
                    .longest_at(&p.tokens, k, Clitics::None)
                    .is_some()
        })
        .unwrap_or(after);
    let tok = p.tokens.get(at)?;
    if tok.key == "عن"
        && let Some(z) = speaker::zone_at(p, rules, at + 1, end)
    {
        let e = z.tokens.end;
        return Some((z, How::Relay, e));
    }
    if rules
        .pronouns
        .longest_at(&p.tokens, at, Clitics::None)
        .is_some()
        && let Some(prev) = drafts.last()
    {
        return Some((prev.speaker.clone(), How::Antecedent, at + 1));
    }
    outlet.map(|z| {
        let e = z.tokens.end;
        (z, How::After, e)
    })
}

/// Whether a source phrase or a verb after a trailing word (كما) stands after a comma that ends
/// words of its clause ("..., according to the ministry"; "...، كما أكد الوزير"): it reports
/// what came before it. Gives the comma.
pub(super) fn trailing_comma(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    seg: Range<usize>,
    frame: crate::rules::schema::Frame,
) -> Option<usize> {
    let mut k = cue.start;
    if frame == crate::rules::schema::Frame::Verb {
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

/// How many words must stand before a trailing attribution's comma.
const TRAILING_MIN_WORDS: usize = 3;

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
    mentions: &[Zone],
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
