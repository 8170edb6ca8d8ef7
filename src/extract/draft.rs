//! A claim being built: its cue, speaker and content as token ranges, how later cues of the
//! clause join or end it, and how it becomes a [`Claim`] with its stance, spans and `why`.

use std::ops::Range;

use super::antecedent::Mentions;
use super::speaker::Zone;
use super::{antecedent, stance, subject};
use crate::model::{Claim, Content, Cue, SharedText, Speaker, SpeakerKind, Stance};
use crate::rules::schema::Frame;
use crate::rules::{CueInfo, LangRules};
use crate::text::lexicon::Clitics;
use crate::text::{Prepared, TokenKind};

/// How a claim's speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum How {
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
pub(super) struct Draft<'r> {
    /// The rules of the sentence's language.
    pub(super) rules: &'r LangRules,
    pub(super) cue: Range<usize>,
    pub(super) info: &'r CueInfo,
    pub(super) speaker: Zone,
    /// Whether `speaker.tokens` are the words of this claim's sentence.
    pub(super) named_here: bool,
    pub(super) how: How,
    pub(super) start: usize,
    pub(super) content: Range<usize>,
    /// A quotation before the speaker that the content continues (`"X," Lavrov said, "and Y."`).
    pub(super) before: Option<Range<usize>>,
    pub(super) stances: Vec<Stance>,
    /// Where a later cue of the same speaker continues the content (", مضيفاً أن ...").
    pub(super) continued: Option<usize>,
    pub(super) notes: Vec<String>,
}

/// Appends a draft, ending the previous claim of the clause where this one starts.
pub(super) fn push<'r>(drafts: &mut Vec<Draft<'r>>, d: Draft<'r>, first_here: usize) {
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
pub(super) fn merge_into_last(
    p: &Prepared,
    drafts: &mut [Draft],
    info: &CueInfo,
    at: usize,
    seg_end: usize,
) {
    if let Some(prev) = drafts.last_mut() {
        if at > 0 && p.tokens[at - 1].is_punct(",") {
            prev.continued.get_or_insert(at);
        }
        prev.content.end = prev.content.end.max(seg_end);
        prev.stances.push(info.stance);
        prev.notes.push(format!("continued by {}", info.lemma));
    }
}

/// A cue with a speaker of its own inside what the claim before it reports ("said the talks
/// failed, as Ethiopia rejected the proposal"): part of that content, and its stance is the
/// other speaker's act, not the claim's.
pub(super) fn report_inside_last(
    drafts: &mut [Draft],
    info: &CueInfo,
    other: &str,
    seg_end: usize,
) {
    if let Some(prev) = drafts.last_mut() {
        prev.content.end = prev.content.end.max(seg_end);
        prev.notes
            .push(format!("reports {} by {other}", info.lemma));
    }
}

/// Whether a finite cue is joined to the clause by و and opens content of its own ("...،
/// ولفتت إلى أن"، "وأكد أن"): it starts a new claim of the same speaker, where a participle
/// (مضيفاً) continues the one before.
pub(super) fn coordinated(
    p: &Prepared,
    rules: &LangRules,
    cue: &Range<usize>,
    info: &CueInfo,
) -> bool {
    let t = &p.tokens[cue.start];
    !rules.order.subject_first()
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
pub(super) fn owns_position(p: &Prepared, prev: &Draft, info: &CueInfo, at: usize) -> bool {
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
pub(super) fn opened(p: &Prepared, d: &Draft) -> bool {
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
pub(super) fn is_relay(z: &Zone) -> bool {
    z.kind == SpeakerKind::Media || (z.parties.is_empty() && z.kind != SpeakerKind::Person)
}

/// A description that refers back, resolved against the claims so far and the document's
/// mentions (see [`antecedent`]).
pub(super) fn resolve_anaphor(z: Zone, drafts: &[Draft], mentions: &Mentions) -> Zone {
    antecedent::resolve(z, drafts.iter().map(|d| &d.speaker), mentions)
}

#[allow(clippy::too_many_arguments)]
pub(super) fn new_draft<'r>(
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
    let from = if rules.order.subject_first() && info.frame == Frame::Verb {
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
pub(super) fn skip_openers(p: &Prepared, rules: &LangRules, mut i: usize, end: usize) -> usize {
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
pub(super) fn decide_stance(
    p: &Prepared,
    d: &Draft,
    parts: &[Range<usize>],
) -> (Stance, Option<String>) {
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
    // that continue it: those set the stance only when its first part says nothing and they
    // stand inside it, not after a comma as a statement of their own (", thanking Italy")
    let continuing = d
        .continued
        .is_none()
        .then(|| d.stances.iter().copied().find(|s| s.is_marked()))
        .flatten();
    continuing.map_or((first, None), |s| (s, None))
}

/// Trims trailing punctuation (but not a closing quotation mark) from a token range.
pub(super) fn trim_end(p: &Prepared, r: Range<usize>) -> Range<usize> {
    let mut end = r.end;
    while end > r.start && p.tokens[end - 1].kind == TokenKind::Punct {
        end -= 1;
    }
    r.start..end
}

pub(super) fn finish(doc_id: &str, p: &Prepared, d: &Draft) -> Option<Claim> {
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
    if rules.order.subject_first() {
        end = end.max(d.cue.end);
        if d.named_here {
            end = end.max(d.speaker.tokens.end);
        }
    }
    let span = p.token_span(d.start.min(d.cue.start), end);
    // the content's text is its span's slice, as every span's is: a split quotation's text keeps
    // the attribution between its parts (stance and topics are read from the parts alone)
    let content_span = p.token_span(parts[0].start, content.end);
    let text = SharedText::from(p.slice(span));
    // the content lies within the claim's span: its text is a slice of the claim's, kept once
    let content_text = if span.start <= content_span.start && content_span.end <= span.end {
        text.slice_chars(
            content_span.start - span.start,
            content_span.end - span.start,
        )
    } else {
        SharedText::from(p.slice(content_span))
    };
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
        doc: doc_id.into(),
        span,
        text,
        speaker: Speaker {
            text: speaker_text.into(),
            span: speaker_span,
            name: d.speaker.name.as_str().into(),
            kind: d.speaker.kind,
            parties: d.speaker.parties.clone(),
            affiliation: d.speaker.affiliation.clone(),
        },
        cue: Cue {
            text: p.slice(cue_span).into(),
            span: cue_span,
            lemma: d.info.lemma.as_str().into(),
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
        rule: format!("{}/{}", d.info.rule, d.how.name()).into(),
        why: why.into(),
    })
}

/// Whether reported content opens at token `i` (إن، أن، a quotation, a colon, على، عن).
pub(super) fn opens_content(p: &Prepared, rules: &LangRules, mut i: usize, end: usize) -> bool {
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
