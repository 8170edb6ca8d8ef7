//! Claim extraction: finds cues in each clause, reads the speaker after the cue (verb first),
//! before it (subject first) or from what came before (implicit: "وأضاف أن"), the content after
//! it, and decides stance and topics. Nested attribution hands the claim to the innermost
//! identified speaker ("ذكر تقرير صحفي، وزير الخارجية الروسي ... قال" is the minister's claim).

pub mod speaker;
pub mod stance;

use std::ops::Range;

use crate::model::{Claim, Content, Cue, Speaker, SpeakerKind, Stance};
use crate::rules::lexicon::Clitics;
use crate::rules::schema::{Frame, Requirement};
use crate::rules::{CueInfo, LangRules};
use crate::text::{Prepared, Sentence, TokenKind};
use speaker::Zone;

/// How a claim's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum How {
    After,
    Before,
    Antecedent,
    Subject,
    Relay,
    Source,
}

impl How {
    fn name(self) -> &'static str {
        match self {
            How::After => "speaker_after",
            How::Before => "speaker_before",
            How::Antecedent => "antecedent",
            How::Subject => "sentence_subject",
            How::Relay => "relayed",
            How::Source => "source_phrase",
        }
    }
}

/// A claim being built.
#[derive(Debug, Clone)]
struct Draft<'r> {
    cue: Range<usize>,
    info: &'r CueInfo,
    speaker: Zone,
    /// Whether `speaker.tokens` are the words of this claim's sentence.
    named_here: bool,
    how: How,
    start: usize,
    content: Range<usize>,
    stances: Vec<Stance>,
    notes: Vec<String>,
}

/// Extracts every claim of a prepared document.
pub fn claims(doc_id: &str, p: &Prepared, rules: &LangRules) -> Vec<Claim> {
    let mut drafts: Vec<Draft> = Vec::new();
    for sentence in p.sentences.iter().filter(|s| !s.skip) {
        for seg in &sentence.segments {
            segment_claims(p, rules, sentence, seg.clone(), &mut drafts);
        }
    }
    drafts
        .iter()
        .filter_map(|d| finish(doc_id, p, rules, d))
        .collect()
}

/// The cues of a clause, in order.
fn cues_in<'r>(
    p: &Prepared,
    rules: &'r LangRules,
    seg: Range<usize>,
) -> Vec<(Range<usize>, &'r CueInfo)> {
    rules
        .cues
        .scan(&p.tokens, seg, Clitics::Conj)
        .into_iter()
        .map(|h| (h.start..h.end(), &rules.cue_info[*h.value as usize]))
        .collect()
}

fn segment_claims<'r>(
    p: &Prepared,
    rules: &'r LangRules,
    sentence: &Sentence,
    seg: Range<usize>,
    drafts: &mut Vec<Draft<'r>>,
) {
    let first_here = drafts.len();
    for (cue, info) in cues_in(p, rules, seg.clone()) {
        if info.requires == Some(Requirement::Evaluation)
            && !stance::has_evaluation(p, rules, seg.clone())
        {
            continue;
        }
        let quoted = p.in_quote[cue.start];
        let found = match info.frame {
            Frame::Verb => speaker_of_verb(p, rules, &cue, seg.clone()),
            Frame::Source => source_speaker(p, rules, &cue, seg.end),
            Frame::Relay => relay_speaker(p, rules, &cue, seg.end, drafts),
        };
        // "تابع" is also "followed": such cues need reported content right after the speaker
        if info.requires == Some(Requirement::Content)
            && !found
                .as_ref()
                .is_some_and(|(_, _, from)| content_within(p, rules, *from, seg.end))
        {
            continue;
        }
        let prev_here = drafts.len() > first_here;
        let draft = match found {
            Some((zone, how, from)) => {
                let zone = resolve_anaphor(zone, drafts);
                if prev_here {
                    let prev = drafts.last().expect("a draft in this clause");
                    let relay = zone.identified()
                        && is_relay(&prev.speaker)
                        && zone.name != prev.speaker.name;
                    if relay {
                        let outer = drafts.pop().expect("checked");
                        let mut d = new_draft(
                            p,
                            rules,
                            cue,
                            info,
                            zone,
                            How::Relay,
                            from,
                            seg.end,
                            sentence,
                        );
                        d.notes
                            .push(format!("relayed by {}", outer.speaker.text_or_name()));
                        push(drafts, d, first_here);
                        continue;
                    }
                    if quoted
                        || zone.name == prev.speaker.name
                        || owns_position(p, prev, info, cue.start)
                    {
                        merge_into_last(drafts, info, seg.end);
                        continue;
                    }
                } else if quoted {
                    continue;
                }
                let (from, how) =
                    if info.frame == Frame::Source && !content_follows(p, from, seg.end) {
                        (seg.start, how)
                    } else {
                        (from, how)
                    };
                let mut d = new_draft(
                    p,
                    rules,
                    cue.clone(),
                    info,
                    zone,
                    how,
                    from,
                    seg.end,
                    sentence,
                );
                if info.frame == Frame::Source && d.content.start == seg.start {
                    d.content = seg.start..cue.start;
                    d.start = seg.start;
                }
                d
            }
            None => {
                if quoted {
                    continue;
                }
                if prev_here {
                    merge_into_last(drafts, info, seg.end);
                    continue;
                }
                let Some((zone, how)) =
                    implicit_speaker(p, rules, &cue, seg.clone(), sentence, drafts)
                else {
                    continue;
                };
                let mut d = new_draft(
                    p,
                    rules,
                    cue.clone(),
                    info,
                    zone,
                    how,
                    cue.end,
                    seg.end,
                    sentence,
                );
                d.named_here = false;
                d
            }
        };
        push(drafts, draft, first_here);
    }
}

impl Zone {
    fn text_or_name(&self) -> String {
        self.name.clone()
    }
}

/// Appends a draft, ending the previous claim of the clause where this one starts.
fn push<'r>(drafts: &mut Vec<Draft<'r>>, d: Draft<'r>, first_here: usize) {
    if drafts.len() > first_here
        && let Some(prev) = drafts.last_mut()
    {
        prev.content.end = prev.content.end.min(d.start).max(prev.content.start);
    }
    drafts.push(d);
}

/// A later cue of the same speaker in the same clause continues the claim before it.
fn merge_into_last(drafts: &mut [Draft], info: &CueInfo, seg_end: usize) {
    if let Some(prev) = drafts.last_mut() {
        prev.content.end = prev.content.end.max(seg_end);
        prev.stances.push(info.stance);
        prev.notes.push(format!("continued by {}", info.lemma));
    }
}

/// Whether a cue at `at` stands inside what the previous claim of the clause reports: its
/// content was opened by إن/أن, a quotation or a colon, or it is a source phrase's clause
/// ("وبحسب البيان التركي، شدد المجتمعون على ..."), or the cue is a source phrase right after the
/// previous speaker ("وقالت صحيفة ... التركية نقلا عن مصادر").
fn owns_position(p: &Prepared, prev: &Draft, info: &CueInfo, at: usize) -> bool {
    let opened = prev.content.start > prev.cue.end.max(prev.speaker.tokens.end)
        || p.tokens
            .get(prev.content.start)
            .is_some_and(|t| t.kind == TokenKind::Quote);
    let chained =
        info.frame != Frame::Verb && !(prev.content.start..at).any(|k| p.tokens[k].is_word());
    (opened && at >= prev.content.start) || prev.info.frame == Frame::Source || chained
}

/// A speaker who passes on someone else's words (a report, an outlet, unnamed sources).
fn is_relay(z: &Zone) -> bool {
    z.kind == SpeakerKind::Media || (z.parties.is_empty() && z.kind != SpeakerKind::Person)
}

fn speaker_of_verb(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    seg: Range<usize>,
) -> Option<(Zone, How, usize)> {
    if let Some(z) = speaker::zone_at(p, rules, cue.end, seg.end) {
        let z = speaker::add_alongside(p, rules, z, seg.end);
        let end = z.tokens.end;
        return Some((z, How::After, end));
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

fn source_speaker(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    end: usize,
) -> Option<(Zone, How, usize)> {
    let mut at = cue.end;
    if p.tokens.get(at).is_some_and(|t| t.key == "ل") {
        at += 1;
    }
    speaker::zone_at(p, rules, at, end).map(|z| {
        let e = z.tokens.end;
        (z, How::Source, e)
    })
}

/// نقل (the outlet) عن X قوله: X speaks; عنه refers back to the last speaker.
fn relay_speaker(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    end: usize,
    drafts: &[Draft],
) -> Option<(Zone, How, usize)> {
    let outlet = speaker::zone_at(p, rules, cue.end, end);
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

/// Whether reported content follows a source phrase (بحسب X، content) rather than preceding it.
fn content_follows(p: &Prepared, from: usize, end: usize) -> bool {
    (from..end).any(|k| p.tokens[k].is_word())
}

/// The speaker of a cue that names none: the last speaker when the cue opens its clause
/// ("وأضاف أن"), else the sentence's subject ("استضافت موسكو ... محادثات قالت إنها").
fn implicit_speaker(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    seg: Range<usize>,
    sentence: &Sentence,
    drafts: &[Draft],
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
        Some(z) => Some((resolve_anaphor(z, drafts), How::Subject)),
        None => last().map(|z| (z, How::Antecedent)),
    }
}

/// Whether only discourse words (و، كما، لكنه، من جهته) stand between the clause start and the cue.
fn leads(p: &Prepared, rules: &LangRules, from: usize, to: usize) -> bool {
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
fn content_within(p: &Prepared, rules: &LangRules, i: usize, end: usize) -> bool {
    (i..end.min(i + 8)).any(|k| opens_content(p, rules, k, end))
}

/// Whether reported content opens at token `i` (إن، أن، a quotation, a colon, على، عن).
fn opens_content(p: &Prepared, rules: &LangRules, mut i: usize, end: usize) -> bool {
    while i < end && p.tokens[i].is_punct(",") {
        i += 1;
    }
    let Some(t) = p.tokens.get(i).filter(|_| i < end) else {
        return false;
    };
    t.kind == TokenKind::Quote
        || t.is_punct(":")
        || rules
            .openers
            .longest_at(&p.tokens, i, Clitics::Conj)
            .is_some()
        || rules
            .prepositions
            .longest_at(&p.tokens, i, Clitics::None)
            .is_some()
}

/// A description that refers back (الوزير الروسي، المصدر، البيانان) takes the last speaker of
/// its kind and states.
fn resolve_anaphor(z: Zone, drafts: &[Draft]) -> Zone {
    if !z.anaphoric {
        return z;
    }
    let fits = |d: &&Draft| {
        d.speaker.kind == z.kind && z.parties.iter().all(|x| d.speaker.parties.contains(x))
    };
    match drafts.iter().rev().find(fits) {
        // "البيان التركي" after a joint Turkish-Russian statement is the Turkish one alone
        Some(d) if !z.parties.is_empty() && d.speaker.parties != z.parties => Zone {
            anaphoric: false,
            ..z
        },
        Some(d) => Zone {
            tokens: z.tokens.clone(),
            how: format!("'{}' refers back to {}", z.name, d.speaker.name),
            anaphoric: false,
            ..d.speaker.clone()
        },
        None => Zone {
            anaphoric: false,
            ..z
        },
    }
}

#[allow(clippy::too_many_arguments)]
fn new_draft<'r>(
    p: &Prepared,
    rules: &LangRules,
    cue: Range<usize>,
    info: &'r CueInfo,
    zone: Zone,
    how: How,
    from: usize,
    end: usize,
    _s: &Sentence,
) -> Draft<'r> {
    let start = if how == How::Before || (zone.tokens.start < cue.start && how != How::Antecedent) {
        zone.tokens.start.min(cue.start)
    } else {
        cue.start
    };
    let content_start = skip_openers(p, rules, from, end);
    Draft {
        cue,
        info,
        named_here: how != How::Antecedent,
        speaker: zone,
        how,
        start,
        content: content_start..end.max(content_start),
        stances: vec![info.stance],
        notes: Vec::new(),
    }
}

/// Skips commas, colons, إن/أن, قوله and one preposition before the content proper.
fn skip_openers(p: &Prepared, rules: &LangRules, mut i: usize, end: usize) -> usize {
    let mut preposition = false;
    while i < end {
        let t = &p.tokens[i];
        if t.is_punct(",") || t.is_punct(":") || t.is_punct("-") {
            i += 1;
        } else if let Some(h) = rules.openers.longest_at(&p.tokens, i, Clitics::Conj) {
            i = h.end();
        } else if !preposition
            && rules
                .prepositions
                .longest_at(&p.tokens, i, Clitics::None)
                .is_some()
        {
            preposition = true;
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// Trims trailing punctuation (but not a closing quotation mark) from a token range.
fn trim_end(p: &Prepared, r: Range<usize>) -> Range<usize> {
    let mut end = r.end;
    while end > r.start && p.tokens[end - 1].kind == TokenKind::Punct {
        end -= 1;
    }
    r.start..end
}

fn finish(doc_id: &str, p: &Prepared, rules: &LangRules, d: &Draft) -> Option<Claim> {
    let content = trim_end(p, d.content.clone());
    if !(content.clone()).any(|k| p.tokens[k].is_word()) {
        return None;
    }
    let base = d
        .stances
        .iter()
        .copied()
        .find(|s| s.is_marked())
        .unwrap_or(Stance::Assert);
    let (stance, marker) = stance::decide(p, rules, base, content.clone());
    let span = p.token_span(d.start.min(d.cue.start), content.end);
    let content_span = p.token_span(content.start, content.end);
    let cue_span = p.token_span(d.cue.start, d.cue.end);
    let speaker_span = d
        .named_here
        .then(|| p.token_span(d.speaker.tokens.start, d.speaker.tokens.end));
    let speaker_text = speaker_span.map_or_else(|| d.speaker.name.clone(), |s| p.slice(s));
    let mut why = format!(
        "cue {} ({}); speaker {} by {}: {}",
        d.info.lemma,
        d.info.stance.name(),
        d.speaker.name,
        d.how.name(),
        d.speaker.how
    );
    if let Some(m) = marker {
        why.push_str(&format!("; stance {} from '{}'", stance.name(), m));
    }
    for n in &d.notes {
        why.push_str("; ");
        why.push_str(n);
    }
    Some(Claim {
        id: format!("{doc_id}-c{}", span.start),
        doc: doc_id.to_string(),
        span,
        text: p.slice(span),
        speaker: Speaker {
            text: speaker_text,
            span: speaker_span,
            name: d.speaker.name.clone(),
            kind: d.speaker.kind,
            parties: d.speaker.parties.clone(),
        },
        cue: Cue {
            text: p.slice(cue_span),
            span: cue_span,
            lemma: d.info.lemma.clone(),
        },
        content: Content {
            text: p.slice(content_span),
            span: content_span,
            quoted: p.tokens[content.start].kind == TokenKind::Quote || p.in_quote[content.start],
        },
        stance,
        topics: stance::topics(p, rules, content),
        event: None,
        rule: format!("{}/{}", d.info.rule, d.how.name()),
        why,
    })
}
