//! Meeting mentions: each meeting word of a sentence (اجتماع، محادثات، قمة، لقاء ...) with the
//! attributes the sentence gives it — place, date, participating states, level, format, status,
//! host. An attribute belongs to the nearest meeting word of its sentence, so "اجتماع أمني ...
//! الأسبوع الماضي، مشيرة إلى مساع لعقد لقاء ثان ... في بغداد" yields two meetings.

use std::collections::BTreeSet;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::date::{self, PartialDate};
use crate::model::EventFormat;
use crate::rules::schema::{MeetingStatus, PlaceKind};
use crate::rules::{Atom, LangRules};
use crate::text::Prepared;
use crate::text::lexicon::{Clitics, variants};

/// What is known of a meeting. In the per-document records, what is not known is left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facts {
    /// Place id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Every place the meeting's sentences name, venue or not (the port the talks were about).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub named_places: BTreeSet<String>,
    /// The state the meeting takes place in: the place's, or a country named as the venue
    /// ("talks in Sweden").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub venue_state: Option<String>,
    /// Date, as far as known.
    #[serde(default, skip_serializing_if = "PartialDate::is_empty")]
    pub date: PartialDate,
    /// Participating states.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub parties: BTreeSet<String>,
    /// Levels (foreign_ministers, defence_ministers...).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub levels: BTreeSet<String>,
    /// The levels named right at the meeting word ("اجتماع وزراء الدفاع", "the foreign
    /// ministers' talks"): those of its participants, not of an official quoted nearby.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub own_levels: BTreeSet<String>,
    /// Number of parties, from a format word (رباعي) or "the two countries".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<usize>,
    /// Format.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<EventFormat>,
    /// Meeting kind (talks, summit, call...).
    pub kind: String,
    /// held, planned, postponed or next.
    #[serde(default, serialize_with = "super::wire::status")]
    pub status: MeetingStatus,
}

impl Facts {
    /// Whether the mention says anything that could tell it from another meeting.
    pub fn is_concrete(&self) -> bool {
        self.place.is_some()
            || !self.date.is_empty()
            || !self.levels.is_empty()
            || self.size.is_some()
    }
}

/// One mention of a meeting in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct MeetingMention {
    /// Index of the sentence in the prepared document.
    pub sentence: usize,
    /// Token of the meeting word.
    pub token: usize,
    /// What the sentence says of it.
    pub facts: Facts,
}

/// An attribute found in a sentence, waiting to be attached to a meeting word.
enum Attr {
    /// A place, its state, and whether it stands as a location (after في/in, or hosting).
    Place(String, Option<String>, bool),
    /// A country named as a location ("في السويد", "in Oman").
    Country(String),
    Date(PartialDate),
    Party(String),
    Level(String),
    Format(EventFormat, usize),
    Status(MeetingStatus),
}

/// Every place a document names anywhere (skipping furniture): what the article is about, which
/// tells two undated reports of talks in one city apart or together.
pub fn places_named(p: &Prepared, rules: &LangRules) -> BTreeSet<String> {
    p.sentences
        .iter()
        .filter(|s| !s.furniture)
        .flat_map(|s| {
            rules
                .places
                .scan(&p.tokens, s.tokens.clone(), Clitics::ConjPrep)
        })
        .map(|h| rules.place_info[*h.value as usize].id.clone())
        .collect()
}

/// Reads every meeting mention of a document; `published` resolves relative dates.
pub fn mentions(
    p: &Prepared,
    rules: &LangRules,
    published: Option<&PartialDate>,
) -> Vec<MeetingMention> {
    let mut out = Vec::new();
    for (si, s) in p.sentences.iter().enumerate() {
        if s.furniture {
            continue;
        }
        let words: Vec<(usize, String)> = meeting_words(p, rules, s.tokens.clone());
        if words.is_empty() {
            continue;
        }
        let attrs = attributes(p, rules, s.tokens.clone(), published);
        let mut facts: Vec<Facts> = words
            .iter()
            .map(|(_, k)| Facts {
                kind: k.clone(),
                ..Default::default()
            })
            .collect();
        let named: BTreeSet<String> = attrs
            .iter()
            .filter_map(|(_, a)| match a {
                Attr::Place(id, ..) => Some(id.clone()),
                _ => None,
            })
            .collect();
        for f in &mut facts {
            f.named_places.clone_from(&named);
        }
        for (at, attr) in attrs {
            // a place that names a meeting word ("the Stockholm talks") belongs to that word
            let named = matches!(attr, Attr::Place(..))
                .then(|| words.iter().position(|(w, _)| names_meeting(p, *w, at)))
                .flatten();
            let k = named.unwrap_or_else(|| nearest(&words, at));
            let word = words[k].0;
            let not_venue = match &attr {
                Attr::Place(_, _, locative) => {
                    !(*locative || names_meeting(p, word, at)) || !venue(p, rules, word, at)
                }
                Attr::Country(_) => !venue(p, rules, word, at),
                _ => false,
            };
            if let Attr::Level(l) = &attr
                && at_meeting_word(p, rules, word, at)
            {
                facts[k].own_levels.insert(l.clone());
            }
            if within_reach(&attr, word, at) && !not_venue {
                apply(&mut facts[k], attr);
            }
        }
        for ((token, _), f) in words.into_iter().zip(facts) {
            out.push(MeetingMention {
                sentence: si,
                token,
                facts: f,
            });
        }
    }
    out
}

fn meeting_words(p: &Prepared, rules: &LangRules, range: Range<usize>) -> Vec<(usize, String)> {
    rules
        .meetings
        .scan(&p.tokens, range, Clitics::ConjPrep)
        .into_iter()
        .map(|h| (h.start, h.value.clone()))
        .collect()
}

/// The meeting word an attribute at token `at` belongs to: the nearest one before it (Arabic puts
/// place and date after the meeting word: "اجتماع ... في أوائل أيار، للبناء على محادثات كانون
/// الأول"), else the first one after it.
fn nearest(words: &[(usize, String)], at: usize) -> usize {
    words.iter().rposition(|(w, _)| *w <= at).unwrap_or(0)
}

/// Whether an attribute stands close enough to its meeting word to describe it: a format right
/// after it ("محادثات رباعية"), a place, date, level or status within a few words; states
/// anywhere in the sentence.
fn within_reach(attr: &Attr, word: usize, at: usize) -> bool {
    let after = at as isize - word as isize;
    match attr {
        Attr::Format(..) => (1..=3).contains(&after),
        Attr::Place(..) | Attr::Country(_) => (-8..=16).contains(&after),
        Attr::Date(_) => (-14..=12).contains(&after),
        Attr::Level(_) => (-14..=10).contains(&after),
        Attr::Status(_) => (-6..=4).contains(&after),
        Attr::Party(_) => true,
    }
}

/// Whether a level stands at its meeting word as its participants: right after it in Arabic
/// ("اجتماع وزراء الدفاع"، "لقاء لوزيري الخارجية"), before it in English ("the foreign
/// ministers' meeting") or after "of"/"between" ("a meeting of defence ministers").
fn at_meeting_word(p: &Prepared, rules: &LangRules, word: usize, at: usize) -> bool {
    let after = at as isize - word as isize;
    if !rules.order.subject_first() {
        return (1..=2).contains(&after);
    }
    let linked = rules
        .participants_after
        .longest_at(&p.tokens, word + 1, Clitics::None)
        .is_some();
    let unbroken = (at.min(word) + 1..at.max(word))
        .all(|k| p.tokens[k].kind != crate::text::TokenKind::Punct || p.tokens[k].key == "'");
    unbroken && ((-3..=-1).contains(&after) || (linked && (2..=4).contains(&after)))
}

/// Whether a place names the meeting it stands next to: after the meeting word in Arabic
/// ("جولة الدوحة"، "مؤتمر باريس"), before it in English ("the Geneva talks", "Paris summit").
fn names_meeting(p: &Prepared, word: usize, at: usize) -> bool {
    let english = p.tokens[word].key.is_ascii();
    if english {
        at + 1 == word
    } else {
        at == word + 1
    }
}

/// Whether a place can be the venue of the meeting word at `word`: not across a quotation
/// boundary, not after an agenda word ("تركزت المحادثات على التطورات في إدلب" is a topic), and
/// not after a comparison ("held indirectly, as they had been in Muscat" names another round).
fn venue(p: &Prepared, rules: &LangRules, word: usize, at: usize) -> bool {
    if p.in_quote[word] != p.in_quote[at] {
        return false;
    }
    !(word.min(at) + 1..word.max(at)).any(|k| {
        [&rules.agenda, &rules.comparison]
            .iter()
            .any(|l| l.longest_at(&p.tokens, k, Clitics::Conj).is_some())
    })
}

fn apply(f: &mut Facts, attr: Attr) {
    match attr {
        Attr::Place(pl, state, _) => {
            if f.place.is_none() {
                f.venue_state = state.or(f.venue_state.take());
            }
            f.place.get_or_insert(pl);
        }
        Attr::Country(c) => {
            f.venue_state.get_or_insert(c);
        }
        Attr::Date(d) if f.date.compatible(&d) => f.date = f.date.merge(&d),
        Attr::Date(_) => {}
        Attr::Party(x) => {
            f.parties.insert(x);
        }
        Attr::Level(l) => {
            f.levels.insert(l);
        }
        Attr::Format(id, n) => {
            f.format.get_or_insert(id);
            if n > 0 {
                f.size.get_or_insert(n);
            }
        }
        // "لقاء ثان" stays a further meeting whatever else the sentence says of plans
        Attr::Status(s) => {
            if s > f.status {
                f.status = s;
            }
        }
    }
}

/// Every attribute of a sentence with the token it stands at.
fn attributes(
    p: &Prepared,
    rules: &LangRules,
    range: Range<usize>,
    published: Option<&PartialDate>,
) -> Vec<(usize, Attr)> {
    let mut out = Vec::new();
    // a place inside (or spelled as) a state's name is the state: عمان in "سلطنة عمان" and in
    // "انتهى في عمان لقاء" is read as Oman, not Amman
    let state_names: Vec<(usize, usize)> = rules
        .speakers
        .scan(&p.tokens, range.clone(), Clitics::ConjPrep)
        .into_iter()
        .filter(|h| matches!(h.value, Atom::StateName(_)))
        .map(|h| (h.start, h.end()))
        .collect();
    // the last city read, and the token after it
    let mut city: Option<(usize, &crate::rules::PlaceInfo)> = None;
    for h in rules
        .places
        .scan(&p.tokens, range.clone(), Clitics::ConjPrep)
    {
        if state_names
            .iter()
            .any(|&(a, b)| a <= h.start && h.end() <= b)
        {
            continue;
        }
        let place = &rules.place_info[*h.value as usize];
        if place.kind != Some(PlaceKind::Country) {
            let locative = locative(p, rules, h.start, h.prefix);
            let state = place.state.clone();
            // "في الناقورة بجنوب لبنان", "Naqoura in southern Lebanon": the region places the
            // city, and the city is the venue wherever the region is read
            let id = match (place.kind, city) {
                (Some(PlaceKind::Region), Some((end, c)))
                    if h.start >= end && h.start - end <= 1 && c.state == place.state =>
                {
                    c.id.clone()
                }
                _ => place.id.clone(),
            };
            out.push((h.start, Attr::Place(id, state, locative)));
            if place.kind == Some(PlaceKind::City) {
                city = Some((h.end(), place));
            }
        }
    }
    // where cues and nouns of speech end, read only for a sentence with a day and no month
    let mut cue_ends: Option<Vec<usize>> = None;
    for (at, e) in date::read(p, rules, range.clone()) {
        if e.date.month.is_none() && e.relative.is_none() {
            let ends = cue_ends.get_or_insert_with(|| speech_ends(p, rules, range.clone()));
            if statement_day(p, rules, ends, at) {
                continue;
            }
        }
        out.push((at, Attr::Date(date::resolve(&e, published))));
    }
    for h in rules
        .speakers
        .scan(&p.tokens, range.clone(), Clitics::ConjPrep)
    {
        // a word that is both a surname and an adjective (السوداني) is read as the person
        let atom = rules
            .speakers
            .hits_at(&p.tokens, h.start, Clitics::ConjPrep)
            .into_iter()
            .filter(|x| x.len == h.len)
            .map(|x| *x.value)
            .find(|a| !matches!(a, Atom::Adjective(_)))
            .unwrap_or(*h.value);
        let party = match atom {
            Atom::StateName(k) | Atom::Seat(k) | Atom::Adjective(k) => {
                Some(rules.states[k as usize].party.clone())
            }
            Atom::Person(k) => rules.people[k as usize].party.clone(),
            _ => None,
        };
        // levels come from offices (وزير الخارجية), not from names: "نظام الأسد" is no summit
        let level = match atom {
            Atom::Head(k) => rules.heads[k as usize].level.as_ref(),
            _ => None,
        };
        if let Some(l) = level {
            out.push((h.start, Attr::Level(l.clone())));
        }
        // a country is a venue only after a venue preposition (في, in): "نظراءه من تركيا" names
        // where the guests come from
        let inside = |i: usize| {
            rules
                .venue_in
                .longest_at(&p.tokens, i, Clitics::Conj)
                .is_some()
        };
        if let Atom::StateName(k) = atom
            && h.start.checked_sub(1).is_some_and(inside)
        {
            out.push((
                h.start,
                Attr::Country(rules.states[k as usize].party.clone()),
            ));
        }
        if let Some(x) = party.filter(|_| !matches!(atom, Atom::Head(_) | Atom::Outlet(_))) {
            out.push((h.start, Attr::Party(x)));
        }
    }
    for h in rules
        .levels
        .scan(&p.tokens, range.clone(), Clitics::ConjPrep)
    {
        out.push((h.start, Attr::Level(h.value.clone())));
    }
    for h in rules
        .formats
        .scan(&p.tokens, range.clone(), Clitics::ConjPrep)
    {
        out.push((h.start, Attr::Format(h.value.0, h.value.1)));
    }
    for h in rules.statuses.scan(&p.tokens, range, Clitics::ConjPrep) {
        out.push((h.start, Attr::Status(*h.value)));
    }
    out
}

/// Tokens a statement's day may stand after its cue: "confirmed on Thursday", "أعلن رئيس
/// أذربيجان إلهام علييف الجمعة".
const STATEMENT_DAY_REACH: usize = 6;

/// The tokens right after each cue and noun of speech of a range.
fn speech_ends(p: &Prepared, rules: &LangRules, range: Range<usize>) -> Vec<usize> {
    let mut ends: Vec<usize> = rules
        .cues
        .scan(&p.tokens, range.clone(), Clitics::ConjPrep)
        .iter()
        .map(|h| h.end())
        .collect();
    let nouns = rules
        .statement_nouns
        .scan(&p.tokens, range, Clitics::ConjPrep);
    ends.extend(nouns.iter().map(|h| h.end()));
    ends
}

/// Whether a day without a month at `at` dates the statement, not the meeting: it follows a cue
/// within a few words and no meeting word stands between ("said on Thursday the talks were
/// useful"; "said the talks would open on Thursday" dates the talks).
fn statement_day(p: &Prepared, rules: &LangRules, cue_ends: &[usize], at: usize) -> bool {
    cue_ends.iter().any(|&end| {
        end <= at
            && at - end <= STATEMENT_DAY_REACH
            && (end..at).all(|k| {
                rules
                    .meetings
                    .longest_at(&p.tokens, k, Clitics::ConjPrep)
                    .is_none()
            })
    })
}

/// Whether a place name stands as a location: after في/ب (attached or not), or a city that hosts
/// ("موسكو تستضيف", "استضافت موسكو").
fn locative(p: &Prepared, rules: &LangRules, at: usize, prefix: usize) -> bool {
    let key = &p.tokens[at].key;
    // the place's reading stripped `prefix` letters: a locative preposition among them (بموسكو،
    // وبموسكو)
    if prefix > 0
        && variants(key, Clitics::Conj).iter().any(|(w, _)| {
            rules
                .locative_prefixes
                .iter()
                .any(|l| w.starts_with(l.as_str()))
        })
    {
        return true;
    }
    let locative_at = |i: Option<usize>| {
        i.is_some_and(|i| {
            rules
                .locatives
                .longest_at(&p.tokens, i, Clitics::Conj)
                .is_some_and(|h| h.end() == i + 1)
        })
    };
    // "في موسكو"، "in Moscow"; "في العاصمة موسكو": a definite word may stand between
    let prev_in = locative_at(at.checked_sub(1))
        || (locative_at(at.checked_sub(2))
            && at
                .checked_sub(1)
                .is_some_and(|b| rules.is_definite(&p.tokens[b].key)));
    let hosts = |i: Option<usize>| {
        i.filter(|&i| i < p.tokens.len()).is_some_and(|i| {
            rules
                .hosts
                .longest_at(&p.tokens, i, Clitics::Conj)
                .is_some()
        })
    };
    prev_in || hosts(at.checked_sub(1)) || hosts(Some(at + 1))
}
