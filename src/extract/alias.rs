//! Names that no lexicon knows, read by the office they come with. A new name stands in
//! apposition with its office ("انتقدت سلمى العبيدي، وزيرة الخارجية التونسية، القرار") or right
//! after it ("وزير الخارجية الإيطالي أنطونيو تاجاني", "Italian Foreign Minister Antonio Tajani");
//! met again later, whole or by its surname alone ("ورأى تاجاني أن", "Tajani said"), it is the same
//! speaker and speaks for the office's state. The offices are the document's mentions
//! ([`super::antecedent::Mentions`]).

use std::ops::Range;

use super::antecedent::Mentions;
use super::speaker::{self, Zone};
use crate::model::SpeakerKind;
use crate::rules::LangRules;
use crate::text::lexicon::Clitics;
use crate::text::{Prepared, TokenKind};

/// How many words a name no lexicon knows may have ("مريم الصادق المهدي").
const NAME_WORDS: usize = 4;

/// The speaker named by a new name at `at` in a verb-first clause: the office in apposition
/// after it, or the office an earlier mention of the name came with.
pub(super) fn named(
    p: &Prepared,
    rules: &LangRules,
    at: usize,
    end: usize,
    mentions: &Mentions,
) -> Option<Zone> {
    let run = name_run(p, rules, at, end);
    if run.is_empty() {
        return None;
    }
    if let Some(z) = apposition(p, rules, run.clone(), end) {
        return Some(z);
    }
    earlier(p, rules, run, mentions)
}

/// The name of the office holder right after an office in a head-first language, up to the
/// words that open the content ("قال المحلل السياسي رامي خليل إن", "أوضح رئيس الوفد، السفير
/// رامي خليل، أن"): the speaker phrase takes it in, with the state of an office in apposition.
/// Returns the phrase and where its content may start.
pub(super) fn holder(p: &Prepared, rules: &LangRules, z: Zone, end: usize) -> (Zone, usize) {
    let from = z.tokens.end;
    if rules.order.subject_first() || z.kind != SpeakerKind::Person || z.head.is_none() || z.named {
        return (z, from);
    }
    let mut at = from;
    let mut office: Option<Zone> = None;
    if at + 1 < end && p.tokens[at].is_punct(",") {
        // an office in apposition: "رئيس الوفد، السفير ..."
        office = speaker::zone_at(p, rules, at + 1, end)
            .filter(|o| o.kind == SpeakerKind::Person && o.head.is_some());
        match &office {
            Some(o) => at = o.tokens.end,
            None => return (z, from),
        }
    }
    let named_office = office.as_ref().is_some_and(|o| o.named);
    let run = if named_office {
        at..at
    } else {
        name_run(p, rules, at, end)
    };
    let first_ok = p
        .tokens
        .get(run.start)
        .is_some_and(|t| !rules.is_definite(&t.key));
    // "دراسة دولية حديثة", "تقارير إخبارية متطابقة": feminine adjectives after the first word
    // describe the head; a name's later words do not end in ة
    let adjective = |k: usize| k > run.start && p.slice(p.tokens[k].span).ends_with('ة');
    let long_enough = run.len() >= 2
        && first_ok
        && !run
            .clone()
            .any(|k| meeting_word(p, rules, k) || adjective(k));
    if !named_office && !long_enough {
        return (z, from);
    }
    let Some(content) = opener_after(p, rules, run.end, end) else {
        return (z, from);
    };
    let mut parties = z.parties.clone();
    if let Some(o) = &office {
        parties.extend(o.parties.iter().cloned());
        parties.sort();
        parties.dedup();
    }
    let name = p.slice(p.token_span(run.start.min(at), run.end.max(at)));
    let taken = match &office {
        Some(o) if z.parties.is_empty() && !o.parties.is_empty() => Zone {
            tokens: z.tokens.start..run.end.max(o.tokens.end),
            how: format!("{}; in apposition with {}", o.how, z.name),
            ..o.clone()
        },
        _ => Zone {
            tokens: z.tokens.start..run.end.max(at),
            how: format!("{}; held by {name} (no lexicon entry)", z.how),
            parties,
            named: true,
            // a new name is no description of an earlier speaker: "الوزير فلان" is not "the minister"
            anaphoric: false,
            ..z
        },
    };
    (taken, content)
}

/// Whether token `k` is a meeting word ("عقب اللقاء"): no word of a name.
fn meeting_word(p: &Prepared, rules: &LangRules, k: usize) -> bool {
    rules
        .meetings
        .longest_at(&p.tokens, k, Clitics::ConjPrep)
        .is_some()
}

/// Where the content opens after a speaker phrase ending at `at`: right after an opener (إن،
/// أن، بأن) that follows it directly, or after asides set off by commas ("، الأحد، في منشور
/// عبر منصة إكس، بأن"), each of a few words and none a cue.
fn opener_after(p: &Prepared, rules: &LangRules, at: usize, end: usize) -> Option<usize> {
    const ASIDE_WORDS: usize = 7;
    let mut k = at;
    let mut aside = None;
    // whether the open aside holds only words of a date ("، يوم الإثنين أن" needs no comma)
    let mut dated = true;
    while k < end && k - at <= 3 * ASIDE_WORDS {
        if let Some(h) = rules.openers.longest_at(&p.tokens, k, Clitics::Conj) {
            let closed = aside.is_none() || p.tokens[k - 1].is_punct(",") || dated;
            return closed.then_some(h.end());
        }
        let t = &p.tokens[k];
        if t.is_punct(",") {
            aside = Some(k);
            dated = true;
        } else if let Some(e) = date_words(p, rules, k) {
            k = e;
            continue;
        } else {
            dated = false;
            let cue = rules.cues.longest_at(&p.tokens, k, Clitics::Conj).is_some();
            if cue || aside.is_none_or(|a| k - a > ASIDE_WORDS) {
                return None;
            }
        }
        k += 1;
    }
    None
}

/// Where the words of a date starting at `k` end (a weekday, "اليوم", "يوم"), when some do.
fn date_words(p: &Prepared, rules: &LangRules, k: usize) -> Option<usize> {
    let c = Clitics::ConjPrep;
    let weekday = || rules.weekdays.longest_at(&p.tokens, k, c).map(|h| h.end());
    let relative = || {
        rules
            .relative_dates
            .longest_at(&p.tokens, k, c)
            .map(|h| h.end())
    };
    let part = || {
        rules
            .date_parts
            .longest_at(&p.tokens, k, c)
            .map(|h| h.end())
    };
    weekday().or_else(relative).or_else(part)
}

/// "Name، office،": the office after a comma names the state of the name before it.
fn apposition(p: &Prepared, rules: &LangRules, run: Range<usize>, end: usize) -> Option<Zone> {
    if run.end + 1 >= end || !p.tokens[run.end].is_punct(",") {
        return None;
    }
    let z = speaker::zone_at(p, rules, run.end + 1, end)
        .filter(|z| z.kind == SpeakerKind::Person && !z.parties.is_empty() && !z.anaphoric)?;
    let name = p.slice(p.token_span(run.start, run.end));
    Some(Zone {
        tokens: run.start..z.tokens.end,
        how: format!("{}; office of {name} (no lexicon entry)", z.how),
        named: true,
        ..z
    })
}

/// The office that an earlier mention of one of the words of `run` (a surname) came with.
pub(super) fn earlier(
    p: &Prepared,
    rules: &LangRules,
    run: Range<usize>,
    mentions: &Mentions,
) -> Option<Zone> {
    // a person the lexicon knows by the full name only ("Ahmed Hafez", later "Hafez added"):
    // the last word of the name as written
    let surname = |m: &Zone| {
        (m.named && m.tokens.len() > 1)
            .then(|| m.tokens.clone().rev().find(|&k| p.tokens[k].is_word()))
            .flatten()
    };
    let known = mentions.before(run.start);
    let m = known
        .iter()
        .filter(|m| m.tokens.end <= run.start && m.kind == SpeakerKind::Person)
        .rev()
        .find(|m| {
            let words = if m.named {
                surname(m).into_iter().collect()
            } else {
                beside(p, rules, m)
            };
            words.into_iter().any(|k| {
                run.clone()
                    .any(|r| same_word(&p.tokens[k].key, &p.tokens[r].key))
            })
        })?;
    let name = p.slice(p.token_span(run.start, run.end));
    Some(Zone {
        tokens: run,
        how: format!("{name} was named earlier as {}; {}", m.name, m.how),
        named: true,
        anaphoric: false,
        ..m.clone()
    })
}

/// The words of the new name that stands beside an office: right after it ("الوزير الإيطالي
/// أنطونيو تاجاني") or before it across a comma ("Vahan Hunanyan, spokesman for ...").
fn beside(p: &Prepared, rules: &LangRules, m: &Zone) -> Vec<usize> {
    let end = p.tokens.len();
    let mut out: Vec<usize> = name_run(p, rules, m.tokens.end, end).collect();
    if m.tokens.start >= 2 && p.tokens[m.tokens.start - 1].is_punct(",") {
        let close = m.tokens.start - 1;
        let mut k = close;
        while k > 0 && close - k < NAME_WORDS && plain(p, rules, k - 1) {
            k -= 1;
        }
        out.extend(k..close);
    }
    out
}

/// Whether two words are one name, one of them with و before it.
fn same_word(a: &str, b: &str) -> bool {
    a == b || bare(a) == Some(b) || bare(b) == Some(a)
}

/// A word without a و before it, when what is left is still a name.
fn bare(w: &str) -> Option<&str> {
    w.strip_prefix('و').filter(|r| r.chars().count() >= 3)
}

/// The run of words no lexicon knows that starts at `at` (empty when none does).
fn name_run(p: &Prepared, rules: &LangRules, at: usize, end: usize) -> Range<usize> {
    let mut k = at;
    while k < end && k - at < NAME_WORDS && plain(p, rules, k) {
        k += 1;
    }
    at..k
}

/// Whether token `k` may be a word of a name: a word that no lexicon of speakers, cues,
/// clause words, dates or places knows (and, where names are capitalised, capitalised).
fn plain(p: &Prepared, rules: &LangRules, k: usize) -> bool {
    let t = &p.tokens[k];
    if t.kind != TokenKind::Word || t.key.chars().count() < 3 {
        return false;
    }
    if rules.order.subject_first()
        && !p
            .slice(t.span)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    {
        return false;
    }
    let known = |lx: &crate::text::lexicon::Lexicon<()>| {
        lx.longest_at(&p.tokens, k, Clitics::Conj).is_some()
    };
    let words = [
        &rules.openers,
        &rules.prepositions,
        &rules.discourse,
        &rules.aux,
        &rules.contrast,
        &rules.relative,
        &rules.pronouns,
        &rules.joiners,
    ];
    !words.into_iter().any(known)
        && rules.cues.longest_at(&p.tokens, k, Clitics::Conj).is_none()
        && rules
            .speakers
            .hits_at(&p.tokens, k, Clitics::ConjPrep)
            .is_empty()
        && rules
            .places
            .longest_at(&p.tokens, k, Clitics::ConjPrep)
            .is_none()
        && rules
            .months
            .longest_at(&p.tokens, k, Clitics::ConjPrep)
            .is_none()
        && date_words(p, rules, k).is_none()
}
