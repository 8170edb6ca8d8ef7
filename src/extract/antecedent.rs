//! Speakers that refer back. A description that names no state ("the minister", "the envoy",
//! "the statement", الوزير، المصدر) speaks for the state of the speaker it refers to: the nearest
//! earlier mention of the same office in the document (a claim's speaker or a phrase of the
//! narration: "Ethiopia's ambassador to the UAE met ... The ambassador said"), else, for a word
//! that refers back by itself, the last speaker of its kind.

use std::cell::{Ref, RefCell};
use std::ops::Range;

use super::speaker::{self, Zone};
use crate::model::SpeakerKind;
use crate::rules::LangRules;
use crate::text::lexicon::Clitics;
use crate::text::{Prepared, Sentence};

/// The mentions of one sentence, pushed onto `out` in text order.
fn sentence_mentions(p: &Prepared, rules: &LangRules, s: &Sentence, out: &mut Vec<Zone>) {
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
                    let after = z.tokens.end..(z.tokens.end + STATEMENT_REACH).min(s.tokens.end);
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

/// Every speaker phrase of a document that names a state (or an office), in text order: what a
/// later description may refer back to. Sentences are read only as far as a description asks
/// (every mention it may refer to stands before it), since reading every phrase is costly and
/// most sentences of most documents are never asked about.
pub struct Mentions<'a> {
    p: Option<&'a Prepared>,
    rules_of: Box<dyn Fn(usize) -> &'a LangRules + 'a>,
    read: RefCell<Read>,
}

/// The sentences read so far, and their mentions.
#[derive(Default)]
struct Read {
    sentences: usize,
    zones: Vec<Zone>,
}

impl<'a> Mentions<'a> {
    /// The mentions of `p`, each sentence read with the rules `rules_of` gives its index.
    pub fn new(p: &'a Prepared, rules_of: impl Fn(usize) -> &'a LangRules + 'a) -> Self {
        Mentions {
            p: Some(p),
            rules_of: Box::new(rules_of),
            read: RefCell::default(),
        }
    }

    /// No mentions at all.
    pub fn none() -> Self {
        Mentions {
            p: None,
            rules_of: Box::new(|_| unreachable!("no sentence is read without a text")),
            read: RefCell::default(),
        }
    }

    /// The mentions of every sentence that starts before token `upto`, in text order (and
    /// perhaps those of a few sentences after it, read for an earlier question).
    pub fn before(&self, upto: usize) -> Ref<'_, [Zone]> {
        if let Some(p) = self.p {
            let mut read = self.read.borrow_mut();
            while let Some(s) = p.sentences.get(read.sentences)
                && s.tokens.start < upto
            {
                sentence_mentions(p, (self.rules_of)(read.sentences), s, &mut read.zones);
                read.sentences += 1;
            }
        }
        Ref::map(self.read.borrow(), |r| r.zones.as_slice())
    }
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
/// speakers of the claims so far, `mentions` the document's (read only if `z` is open).
pub fn resolve<'a>(
    z: Zone,
    speakers: impl DoubleEndedIterator<Item = &'a Zone> + Clone,
    mentions: &'a Mentions<'_>,
) -> Zone {
    if !z.open() {
        return z;
    }
    let before = |m: &&Zone| m.tokens.start < z.tokens.start;
    // the nearest ends last; of two ending there, the longer (a phrase, not its tail); of a
    // speaker and a mention alike, the mention
    let near = |m: &&Zone| (m.tokens.end, std::cmp::Reverse(m.tokens.start));
    let nearest = |ok: &dyn Fn(&Zone) -> bool| {
        let fit = |m: &&Zone| before(m) && ok(m) && !m.parties.is_empty();
        let speaker = speakers.clone().filter(fit).max_by_key(near);
        let known = mentions.before(z.tokens.start);
        let mention = known.iter().filter(fit).max_by_key(near);
        match (speaker, mention) {
            (Some(s), Some(m)) if near(&s) > near(&m) => Some(s.clone()),
            (s, m) => m.or(s).cloned(),
        }
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
