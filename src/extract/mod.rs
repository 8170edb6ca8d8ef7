//! Claim extraction: finds cues in each clause, reads the speaker after the cue (verb first),
//! before it (subject first) or from what came before (implicit: "وأضاف أن"), the content after
//! it, and decides stance and topics. Nested attribution hands the claim to the innermost
//! identified speaker ("ذكر تقرير صحفي، وزير الخارجية الروسي ... قال" is the minister's claim).
//! Subject-first languages (English) read speakers and content through [`subject`]. A document may
//! mix languages: each sentence uses the rules of the script it is written in.

pub mod antecedent;
pub mod speaker;
pub mod stance;
pub mod subject;

use std::ops::Range;

use crate::model::{Claim, Content, Cue, Speaker, SpeakerKind, Stance};
use crate::rules::schema::{Frame, Requirement};
use crate::rules::{CueInfo, LangRules};
use crate::text::lexicon::Clitics;
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
    Pronoun,
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
            How::Pronoun => "pronoun",
        }
    }
}

/// A claim being built.
#[derive(Debug, Clone)]
struct Draft<'r> {
    /// The rules of the sentence's language.
    rules: &'r LangRules,
    cue: Range<usize>,
    info: &'r CueInfo,
    speaker: Zone,
    /// Whether `speaker.tokens` are the words of this claim's sentence.
    named_here: bool,
    how: How,
    start: usize,
    content: Range<usize>,
    /// A quotation before the speaker that the content continues (`"X," Lavrov said, "and Y."`).
    before: Option<Range<usize>>,
    stances: Vec<Stance>,
    /// Where a later cue of the same speaker continues the content (", مضيفاً أن ...").
    continued: Option<usize>,
    notes: Vec<String>,
}

/// Extracts every claim of a prepared document written in one language.
pub fn claims(doc_id: &str, p: &Prepared, rules: &LangRules) -> Vec<Claim> {
    claims_in(doc_id, p, &[rules])
}

/// Extracts every claim of a document whose sentences may be in several languages: `langs[0]` is
/// the document's language (its rules cut the sentences); a sentence written mostly in the script
/// of another language in `langs` is read with that language's rules (an Arabic article quoting
/// an English sentence). Antecedents carry across languages.
pub fn claims_in(doc_id: &str, p: &Prepared, langs: &[&LangRules]) -> Vec<Claim> {
    let mut drafts: Vec<Draft> = Vec::new();
    let Some(&main) = langs.first() else {
        return Vec::new();
    };
    let mentions = antecedent::mentions(p, |s| sentence_rules(p, s, langs).unwrap_or(main));
    for sentence in p.sentences.iter().filter(|s| !s.skip) {
        let rules = sentence_rules(p, sentence, langs).unwrap_or(main);
        if std::ptr::eq(rules, main) {
            for seg in &sentence.segments {
                segment_claims(p, rules, sentence, seg.clone(), &mut drafts, &mentions);
            }
        } else {
            let tokens = sentence.tokens.clone();
            for seg in crate::text::segment::segments(&p.tokens, &p.in_quote, tokens, rules) {
                segment_claims(p, rules, sentence, seg, &mut drafts, &mentions);
            }
        }
    }
    let mut claims: Vec<Claim> = drafts.iter().filter_map(|d| finish(doc_id, p, d)).collect();
    unique_ids(&mut claims);
    // a report keeps every document's claims: no spare capacity per document
    claims.shrink_to_fit();
    claims
}

/// Claim ids name where a claim starts; two claims of one sentence can start at the same place
/// (a second cue reaching back to the sentence's subject), so later ones get `-2`, `-3`, ...
fn unique_ids(claims: &mut [Claim]) {
    // an id is made of its claim's start: counting starts counts ids
    let mut seen: rustc_hash::FxHashMap<usize, usize> = rustc_hash::FxHashMap::default();
    for c in claims.iter_mut() {
        let n = seen.entry(c.span.start).or_insert(0);
        *n += 1;
        if *n > 1 {
            c.id = format!("{}-{n}", c.id);
        }
    }
}

/// The rules of the language a sentence is written in, when another than the document's.
fn sentence_rules<'r>(
    p: &Prepared,
    s: &Sentence,
    langs: &[&'r LangRules],
) -> Option<&'r LangRules> {
    if langs.len() < 2 {
        return None;
    }
    let end = s.span.end.min(p.chars.len());
    let code = crate::lang::detect_chars(p.chars[s.span.start.min(end)..end].iter().copied());
    langs.iter().copied().find(|l| l.code == code)
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
    mentions: &[Zone],
) {
    let first_here = drafts.len();
    for (cue, info) in cues_in(p, rules, seg.clone()) {
        let quoted = p.in_quote[cue.start];
        let found = match info.frame {
            Frame::Verb if rules.subject_first => {
                subject_speaker(p, rules, &cue, seg.clone(), sentence, drafts)
            }
            Frame::Verb => speaker_of_verb(p, rules, &cue, seg.clone()),
            Frame::Source => source_speaker(p, rules, &cue, seg.end),
            Frame::Relay => relay_speaker(p, rules, &cue, seg.end, drafts),
        };
        if let Some(r) = info.requires
            && !requirement_met(r, p, rules, &cue, seg.clone(), found.as_ref())
        {
            continue;
        }
        let prev_here = drafts.len() > first_here;
        if rules.subject_first
            && info.frame == Frame::Verb
            && let Some((zone, how, from)) = &found
            && let Some(comma) =
                trailing_attribution(p, rules, zone.tokens.start, &cue, seg.clone())
        {
            // "X denied that ..., a spokesperson said in a statement": the attribution names who
            // said the clause before it; a claim already made there ends at the comma
            if prev_here {
                let prev = drafts.last_mut().expect("a draft in this clause");
                prev.content.end = prev.content.end.min(comma).max(prev.content.start);
            } else {
                let zone = resolve_anaphor(zone.clone(), drafts, mentions);
                let mut d = new_draft(p, rules, cue, info, zone, *how, *from, seg.end);
                d.content = seg.start..comma;
                d.start = seg.start;
                push(drafts, d, first_here);
            }
            continue;
        }
        let draft = match found {
            Some((zone, how, from)) => {
                let zone = resolve_anaphor(zone, drafts, mentions);
                if prev_here {
                    let prev = drafts.last().expect("a draft in this clause");
                    let relay = zone.identified()
                        && is_relay(&prev.speaker)
                        && zone.name != prev.speaker.name;
                    if relay {
                        let outer = drafts.pop().expect("checked");
                        let mut d = new_draft(p, rules, cue, info, zone, How::Relay, from, seg.end);
                        d.notes.push(format!("relayed by {}", outer.speaker.name));
                        push(drafts, d, first_here);
                        continue;
                    }
                    if quoted
                        || zone.name == prev.speaker.name
                        || owns_position(p, prev, info, cue.start)
                    {
                        merge_into_last(p, drafts, info, cue.start, seg.end);
                        continue;
                    }
                } else if quoted {
                    continue;
                }
                // a source phrase at the end of its clause reports what came before it
                let from = if info.frame == Frame::Source && !content_follows(p, from, seg.end) {
                    seg.start
                } else {
                    from
                };
                let mut d = new_draft(p, rules, cue.clone(), info, zone, how, from, seg.end);
                if info.frame == Frame::Source && d.content.start == seg.start {
                    d.content = seg.start..cue.start;
                    d.start = seg.start;
                }
                if rules.subject_first && info.frame == Frame::Verb {
                    attach_quote_before(p, &mut d, seg.clone());
                }
                d
            }
            None => {
                if quoted {
                    continue;
                }
                if prev_here {
                    let prev = drafts.last().expect("checked");
                    if coordinated(p, rules, &cue, info) && opened(p, prev) {
                        // "قالت الوزارة إن ...، ولفتت إلى أن ...": a second statement of its own
                        let zone = prev.speaker.clone();
                        let mut d = new_draft(
                            p,
                            rules,
                            cue.clone(),
                            info,
                            zone,
                            How::Antecedent,
                            cue.end,
                            seg.end,
                        );
                        d.notes
                            .push("a second coordinated cue of the same speaker".into());
                        push(drafts, d, first_here);
                    } else {
                        merge_into_last(p, drafts, info, cue.start, seg.end);
                    }
                    continue;
                }
                let Some((zone, how)) =
                    implicit_speaker(p, rules, &cue, seg.clone(), sentence, drafts, mentions)
                else {
                    continue;
                };
                let mut d = new_draft(p, rules, cue.clone(), info, zone, how, cue.end, seg.end);
                d.named_here = false;
                d
            }
        };
        push(drafts, draft, first_here);
    }
}

/// Whether what an ambiguous cue needs around it is there (`requires` in cues.toml).
fn requirement_met(
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
fn subject_speaker(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    seg: Range<usize>,
    sentence: &Sentence,
    drafts: &[Draft],
) -> Option<(Zone, How, usize)> {
    match subject::speaker(p, rules, cue, seg.clone())? {
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
fn trailing_attribution(
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
    let words = rest.filter(|&k| p.tokens[k].is_word()).count();
    (!opens && words <= TRAILING_WORDS).then_some(comma)
}

/// How many words may follow the cue of a trailing attribution ("in a statement on Monday").
const TRAILING_WORDS: usize = 6;

/// A quotation right before the speaker is the claim's content (`"We discussed X," Lavrov
/// said.`), or its first part when the content after the cue is a quotation too (`"..., " he
/// said, "..."`); words after the cue that are no quotation then only place the statement
/// ("Erdogan told reporters in Ankara").
fn attach_quote_before(p: &Prepared, d: &mut Draft, seg: Range<usize>) {
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
/// A cue after a comma continues with a statement of its own (", مضيفاً أن"); one inside the
/// content ("أن هذا الموقف يكشف") is part of it.
fn merge_into_last(p: &Prepared, drafts: &mut [Draft], info: &CueInfo, at: usize, seg_end: usize) {
    if let Some(prev) = drafts.last_mut() {
        if at > 0 && p.tokens[at - 1].is_punct(",") {
            prev.continued.get_or_insert(at);
        }
        prev.content.end = prev.content.end.max(seg_end);
        prev.stances.push(info.stance);
        prev.notes.push(format!("continued by {}", info.lemma));
    }
}

/// Whether a finite cue is joined to the clause by و and opens content of its own ("...،
/// ولفتت إلى أن"، "وأكد أن"): it starts a new claim of the same speaker, where a participle
/// (مضيفاً) continues the one before.
fn coordinated(p: &Prepared, rules: &LangRules, cue: &Range<usize>, info: &CueInfo) -> bool {
    let t = &p.tokens[cue.start];
    !rules.subject_first
        && !info.participle
        && info.frame == Frame::Verb
        && t.key.starts_with('و')
        && rules
            .cues
            .longest_at(&p.tokens, cue.start, Clitics::None)
            .is_none()
        && cue.start > 0
        && p.tokens[cue.start - 1].is_punct(",")
        && opens_content(p, rules, cue.end, p.tokens.len())
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

/// Whether a claim's content was opened by إن/أن, a quotation or a colon (not an object: "نفى
/// ما جاء في البيان").
fn opened(p: &Prepared, d: &Draft) -> bool {
    let from = d.cue.end.max(d.speaker.tokens.end);
    (from..d.content.start).any(|k| {
        p.tokens[k].is_punct(":")
            || d.rules
                .openers
                .longest_at(&p.tokens, k, Clitics::Conj)
                .is_some()
    }) || p
        .tokens
        .get(d.content.start)
        .is_some_and(|t| t.kind == TokenKind::Quote)
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
    let zone = if rules.subject_first {
        subject::zone_after(p, rules, at, end)
    } else {
        speaker::zone_at(p, rules, at, end)
    };
    zone.map(|z| {
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
    let outlet = if rules.subject_first {
        subject::zone_after(p, rules, cue.end, end)
    } else {
        speaker::zone_at(p, rules, cue.end, end)
    };
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

/// A description that refers back, resolved against the claims so far and the document's
/// mentions (see [`antecedent`]).
fn resolve_anaphor(z: Zone, drafts: &[Draft], mentions: &[Zone]) -> Zone {
    antecedent::resolve(z, drafts.iter().map(|d| &d.speaker), mentions)
}

#[allow(clippy::too_many_arguments)]
fn new_draft<'r>(
    p: &Prepared,
    rules: &'r LangRules,
    cue: Range<usize>,
    info: &'r CueInfo,
    zone: Zone,
    how: How,
    from: usize,
    end: usize,
) -> Draft<'r> {
    let start = if how == How::Before || (zone.tokens.start < cue.start && how != How::Antecedent) {
        zone.tokens.start.min(cue.start)
    } else {
        cue.start
    };
    let from = if rules.subject_first && info.frame == Frame::Verb {
        subject::content_start(p, rules, from, end)
    } else {
        from
    };
    let content_start = skip_openers(p, rules, from, end);
    Draft {
        rules,
        cue,
        info,
        named_here: how != How::Antecedent,
        speaker: zone,
        how,
        start,
        content: content_start..end.max(content_start),
        before: None,
        stances: vec![info.stance],
        continued: None,
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

/// A claim's stance: its cue's, else what its content says before a continuing cue ("...,
/// مضيفاً أن ..."), else the continuing cues', else the rest of its content. The first statement
/// of a claim decides it: "said the round ended without progress, adding that the other side was
/// intransigent" asserts.
fn decide_stance(p: &Prepared, d: &Draft, parts: &[Range<usize>]) -> (Stance, Option<String>) {
    let first = d.stances.first().copied().unwrap_or(Stance::Assert);
    let cut = |r: &Range<usize>, lo: bool| match d.continued {
        Some(c) if c > r.start && c < r.end => {
            if lo {
                r.start..c
            } else {
                c..r.end
            }
        }
        Some(c) if c <= r.start => {
            if lo {
                r.start..r.start
            } else {
                r.clone()
            }
        }
        _ => {
            if lo {
                r.clone()
            } else {
                r.end..r.end
            }
        }
    };
    let read = |lo: bool, base: Stance| {
        parts
            .iter()
            .map(|r| stance::decide(p, d.rules, base, cut(r, lo)))
            .find(|(_, m)| m.is_some())
    };
    if first.is_marked() {
        return (first, None);
    }
    if let Some(found) = read(true, first) {
        return found;
    }
    // the continuing statement's own words belong to it ("مضيفاً أن ... تعنتها"), not the cues
    // that continue it: those set the stance only when its first part says nothing
    let continuing = d.stances.iter().copied().find(|s| s.is_marked());
    continuing.map_or((first, None), |s| (s, None))
}

/// Trims trailing punctuation (but not a closing quotation mark) from a token range.
fn trim_end(p: &Prepared, r: Range<usize>) -> Range<usize> {
    let mut end = r.end;
    while end > r.start && p.tokens[end - 1].kind == TokenKind::Punct {
        end -= 1;
    }
    r.start..end
}

fn finish(doc_id: &str, p: &Prepared, d: &Draft) -> Option<Claim> {
    let rules = d.rules;
    let content = trim_end(p, d.content.clone());
    if !(content.clone()).any(|k| p.tokens[k].is_word()) {
        return None;
    }
    // a quotation split around its attribution is one content: both parts, read together
    let parts: Vec<Range<usize>> = d.before.iter().cloned().chain([content.clone()]).collect();
    let (stance, marker) = decide_stance(p, d, &parts);
    // English content may stand before its cue and speaker (`"...," said Lavrov`): the span
    // covers all three
    let mut end = content.end;
    if rules.subject_first {
        end = end.max(d.cue.end);
        if d.named_here {
            end = end.max(d.speaker.tokens.end);
        }
    }
    let span = p.token_span(d.start.min(d.cue.start), end);
    // the content's text is its span's slice, as every span's is: a split quotation's text keeps
    // the attribution between its parts (stance and topics are read from the parts alone)
    let content_span = p.token_span(parts[0].start, content.end);
    let content_text = p.slice(content_span);
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
            text: content_text,
            span: content_span,
            quoted: p.tokens[parts[0].start].kind == TokenKind::Quote || p.in_quote[parts[0].start],
        },
        stance,
        topics: {
            let mut t: Vec<String> = Vec::new();
            for id in parts
                .iter()
                .flat_map(|r| stance::topics(p, rules, r.clone()))
            {
                if !t.contains(&id) {
                    t.push(id);
                }
            }
            t
        },
        event: None,
        rule: format!("{}/{}", d.info.rule, d.how.name()),
        why,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claims_starting_at_the_same_place_get_distinct_ids() {
        let rules = crate::rules::RuleSet::embedded().expect("built-in rules");
        let lr = rules.lang("ar");
        let p = crate::text::prepare("قال مسؤول عراقي إن الحدود آمنة.", lr);
        let mut found = claims("d", &p, lr);
        assert_eq!(found.len(), 1);
        found.push(found[0].clone());
        found.push(found[0].clone());
        unique_ids(&mut found);
        let ids: Vec<&str> = found.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["d-c0", "d-c0-2", "d-c0-3"]);
    }
}
