//! The source frame: a phrase naming where the words come from (بحسب X، وفقاً لـ X, "according
//! to X"), before or after the content.

use std::ops::Range;

use super::super::draft::How;
use super::super::speaker;
use super::{Found, zone_after_cue};
use crate::rules::{LangRules, WordOrder};
use crate::text::Prepared;
use crate::text::lexicon::Clitics;

/// The speaker named after a source phrase, past a verb of saying it reads through ("بحسب ما
/// أكده الوزير").
pub(in super::super) fn speaker_after(
    p: &Prepared,
    rules: &LangRules,
    order: WordOrder,
    cue: &Range<usize>,
    end: usize,
) -> Option<Found> {
    let mut at = cue.end;
    if p.tokens
        .get(at)
        .is_some_and(|t| rules.source_joiners.iter().any(|j| *j == t.key))
    {
        at += 1;
    }
    // "بحسب ما أكده الوزير": a verb of saying may stand between the phrase and its speaker
    let through = |w: &str| rules.source_through.iter().any(|e| w.ends_with(e.as_str()));
    if let Some(h) = rules.cues.longest_at(&p.tokens, at, Clitics::None)
        && through(&p.tokens[at - 1].key)
    {
        at = h.end();
    }
    zone_after_cue(p, rules, order, at, end).map(|z| {
        let z = speaker::with_allegiance(p, rules, z, end);
        let e = z.tokens.end;
        (z, How::Source, e)
    })
}
