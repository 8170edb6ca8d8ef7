//! Speakers that refer back. A description that names no state ("the minister", "the envoy",
//! "the statement", الوزير، المصدر) speaks for the state of the speaker it refers to: the nearest
//! earlier mention of the same office in the document (a claim's speaker or a phrase of the
//! narration: "Ethiopia's ambassador to the UAE met ... The ambassador said"), else, for a word
//! that refers back by itself, the last speaker of its kind.

use std::ops::Range;

use super::speaker::{self, Zone};
use crate::model::SpeakerKind;
use crate::text::Prepared;
use crate::text::lexicon::Clitics;

/// Every speaker phrase of the document that names a state, in text order: what a later
/// description may refer back to. `rules_of` gives the rules of each sentence's language.
pub fn mentions<'r>(
    p: &Prepared,
    rules_of: impl Fn(&crate::text::Sentence) -> &'r crate::rules::LangRules,
) -> Vec<Zone> {
    let mut out = Vec::new();
    for s in &p.sentences {
        let rules = rules_of(s);
        let mut k = s.tokens.start;
        // "In a statement released after the meeting, the White House said": a statement named
        // at the sentence's start is its first mention's (mentions inside it count as first)
        let opens = (s.tokens.start..(s.tokens.start + 3).min(s.tokens.end)).any(|k| {
            rules
                .statement_nouns
                .longest_at(&p.tokens, k, Clitics::ConjPrep)
                .is_some()
        });
        let mut first: Option<Range<usize>> = None;
        while k < s.tokens.end {
            let z = p.tokens[k]
                .is_word()
                .then(|| speaker::zone_at(p, rules, k, s.tokens.end))
                .flatten();
            match z {
                Some(z) => {
                    // a phrase inside a longer one is a mention too: "the ministry" may refer to
                    // the ministry in "spokesman for Armenia's foreign ministry"
                    k += 1;
                    // an office without a state may still name a new person ("الإعلامي
                    // سامي كليب"): [`super::alias`] reads those too
                    let office = z.kind == SpeakerKind::Person && z.head.is_some();
                    if (!z.parties.is_empty() || office) && !z.anaphoric {
                        let after =
                            z.tokens.end..(z.tokens.end + STATEMENT_REACH).min(s.tokens.end);
                        let first = first.get_or_insert(z.tokens.clone());
                        let opened = opens && z.tokens.end <= first.end;
                        let issues_statement = opened
                            || after.into_iter().any(|k| {
                                rules
                                    .statement_nouns
                                    .longest_at(&p.tokens, k, Clitics::ConjPrep)
                                    .is_some()
                            });
                        out.push(Zone {
                            issues_statement,
                            ..z
                        });
                    }
                }
                None => k += 1,
            }
        }
    }
    out
}

/// How many tokens after a mention a noun of speech makes it a statement's author ("The
/// ministry issued a statement", "the ministry said in a statement").
const STATEMENT_REACH: usize = 5;

/// Whether the office of `earlier` is the one `head` names ("foreign ministry spokesperson" is
/// a "spokesperson", "foreign minister" a "minister").
fn same_office(earlier: &Zone, head: &str) -> bool {
    let words: Vec<&str> = head.split(' ').collect();
    earlier.head.as_deref().is_some_and(|h| {
        let office: Vec<&str> = h.split(' ').collect();
        // a named person's office: "special envoy for Afghanistan" is an "envoy"
        office.windows(words.len()).any(|w| w == words.as_slice())
    })
}

/// Whether `earlier` can be what `z` refers to: same kind, its states among the earlier ones,
/// known levels agreeing ("the president" is no foreign minister).
fn fits(z: &Zone, earlier: &Zone) -> bool {
    earlier.kind == z.kind
        && z.parties.iter().all(|x| earlier.parties.contains(x))
        && (z.level.is_none() || earlier.level.is_none() || earlier.level == z.level)
}

/// Resolves a description that refers back (see the module comment); `speakers` are the
/// speakers of the claims so far, `mentions` those of [`mentions`].
pub fn resolve<'a>(
    z: Zone,
    speakers: impl DoubleEndedIterator<Item = &'a Zone> + Clone,
    mentions: &'a [Zone],
) -> Zone {
    if !z.open() {
        return z;
    }
    let before = |m: &&Zone| m.tokens.start < z.tokens.start;
    let nearest = |ok: &dyn Fn(&Zone) -> bool| {
        speakers
            .clone()
            .filter(before)
            .chain(mentions.iter().filter(before))
            .filter(|m| ok(m) && !m.parties.is_empty())
            // the nearest ends last; of two ending there, the longer (a phrase, not its tail)
            .max_by_key(|m| (m.tokens.end, std::cmp::Reverse(m.tokens.start)))
            .cloned()
    };
    // "In a statement ..., the White House said ... According to the statement": the body
    // that issued it, of whatever kind (a statement that refers back: "في بيان مشترك" is new)
    let issuer = z
        .statement
        .then(|| nearest(&|m| m.issues_statement))
        .flatten();
    let office = || {
        z.head
            .as_deref()
            .and_then(|h| nearest(&|m| fits(&z, m) && same_office(m, h)))
    };
    let found = issuer
        .map(|m| (m, "the body that issued it"))
        .or_else(|| office().map(|m| (m, "the same office")))
        .or_else(|| {
            // a word that refers back by itself takes the last speaker of its kind
            // (unless the narration has one of its kind issue a statement since: "The ministry issued a
            // statement. According to the statement, ...")
            let last = z
                .anaphoric
                .then(|| {
                    speakers
                        .clone()
                        .rev()
                        .find(|d| fits(&z, d) && !d.parties.is_empty())
                        .cloned()
                })
                .flatten()
                .filter(|d| {
                    nearest(&|m| m.issues_statement && fits(&z, m))
                        .is_none_or(|m| m.tokens.start <= d.tokens.start)
                });
            last.map(|m| (m, "the last speaker of its kind"))
        })
        .or_else(|| {
            // unnamed sources are not the officials named before them: "المصادر" after a
            // Syrian official may be a newspaper's
            let described = matches!(z.kind, SpeakerKind::Person | SpeakerKind::Institution);
            let any = (z.anaphoric && described)
                .then(|| nearest(&|m| fits(&z, m)))
                .flatten();
            any.map(|m| (m, "the last mention of its kind"))
        });
    match found {
        // "البيان التركي" after a joint Turkish-Russian statement is the Turkish one alone
        Some((d, _)) if !z.parties.is_empty() && d.parties != z.parties => Zone {
            anaphoric: false,
            ..z
        },
        Some((d, why)) => Zone {
            tokens: z.tokens.clone(),
            how: format!("'{}' refers back to {} ({why})", z.name, d.name),
            anaphoric: false,
            ..d
        },
        None => Zone {
            anaphoric: false,
            ..z
        },
    }
}
