//! Splits a claim's source sentence into plain and highlighted runs (speaker, cue), from the
//! claim's code-point spans; the HTML card renders each run, escaped, as text or `<mark>`.

use crate::model::{Claim, Span};
use crate::render::strip_bidi;

/// What a run of the sentence is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Ordinary text.
    Plain,
    /// The words naming the speaker.
    Speaker,
    /// The attribution cue.
    Cue,
}

impl Mark {
    /// The CSS class of a highlighted run.
    pub fn class(self) -> &'static str {
        match self {
            Mark::Plain => "",
            Mark::Speaker => "speaker",
            Mark::Cue => "cue",
        }
    }
}

/// Runs of `claim.text` with the speaker and cue marked, bidi controls stripped from each.
pub fn runs(claim: &Claim) -> Vec<(Mark, String)> {
    let chars: Vec<char> = claim.text.chars().collect();
    let marks = marks_within(claim, chars.len());
    let mut out = Vec::new();
    let mut at = 0;
    for (mark, r) in marks {
        push(&mut out, Mark::Plain, &chars[at..r.start]);
        push(&mut out, mark, &chars[r.start..r.end]);
        at = r.end;
    }
    push(&mut out, Mark::Plain, &chars[at..]);
    out
}

fn push(out: &mut Vec<(Mark, String)>, mark: Mark, chars: &[char]) {
    let text = strip_bidi(&chars.iter().collect::<String>());
    if !text.is_empty() {
        out.push((mark, text));
    }
}

/// The speaker and cue spans as ranges inside `claim.text`, sorted, without overlaps.
///
/// A span outside the claim (a speaker resolved from an earlier sentence) or a claim whose text
/// does not match its span's length (offsets would land on the wrong words) gives no mark.
fn marks_within(claim: &Claim, len: usize) -> Vec<(Mark, std::ops::Range<usize>)> {
    if claim.span.len() != len {
        return Vec::new();
    }
    let mut found: Vec<(Mark, std::ops::Range<usize>)> = [
        (Mark::Speaker, claim.speaker.span),
        (Mark::Cue, Some(claim.cue.span)),
    ]
    .into_iter()
    .filter_map(|(m, s)| relative(claim.span, s?).map(|r| (m, r)))
    .collect();
    found.sort_by_key(|(_, r)| r.start);
    let mut end = 0;
    found.retain(|(_, r)| {
        let keep = r.start >= end;
        if keep {
            end = r.end;
        }
        keep
    });
    found
}

fn relative(outer: Span, inner: Span) -> Option<std::ops::Range<usize>> {
    (outer.contains(inner) && !inner.is_empty())
        .then(|| inner.start - outer.start..inner.end - outer.start)
}
