//! The relay frame: an outlet passing on someone's words (نقلت ... عن X قوله, "quoted X as
//! saying"): X speaks, the outlet only relays.

use std::ops::Range;

use super::super::draft::{Draft, How};
use super::super::speaker;
use super::{Found, zone_after_cue};
use crate::rules::{LangRules, WordOrder};
use crate::text::Prepared;
use crate::text::lexicon::Clitics;

/// نقل (the outlet) عن X قوله: X speaks; عنه refers back to the last speaker; with no source
/// named, the outlet speaks.
pub(in super::super) fn speaker(
    p: &Prepared,
    rules: &LangRules,
    order: WordOrder,
    cue: &Range<usize>,
    end: usize,
    drafts: &[Draft],
) -> Option<Found> {
    let outlet = zone_after_cue(p, rules, order, cue.end, end);
    let after = outlet.as_ref().map_or(cue.end, |z| z.tokens.end);
    // a few words may describe the outlet before عن ("وسائل إعلام سورية رسمية عن")
    let from = |k: usize| {
        rules
            .relay_from
            .longest_at(&p.tokens, k, Clitics::None)
            .map(|h| h.end())
    };
    let at = (after..end.min(after + 4))
        .find(|&k| {
            from(k).is_some()
                || rules
                    .pronouns
                    .longest_at(&p.tokens, k, Clitics::None)
                    .is_some()
        })
        .unwrap_or(after);
    if at >= p.tokens.len() {
        return None;
    }
    if let Some(next) = from(at)
        && let Some(z) = speaker::zone_at(p, rules, next, end)
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
