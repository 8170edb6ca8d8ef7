//! Speaker phrases: a run of lexicon words (person, head noun, outlet, state name or seat,
//! nationality adjective) read as one speaker, with the states it speaks for. The grammar is
//! small and explicit: a head takes adjectives, names, genitive heads and attachments
//! ("وزارة الدفاع التابعة للنظام السوري"); names and seats join with و ("أنقرة وموسكو").

use std::ops::Range;

use crate::model::SpeakerKind;
use crate::rules::{Atom, LangRules};
use crate::text::lexicon::Clitics;
use crate::text::{Prepared, TokenKind};

/// A speaker phrase found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Zone {
    /// Tokens of the phrase.
    pub tokens: Range<usize>,
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: SpeakerKind,
    /// States, sorted and unique.
    pub parties: Vec<String>,
    /// Whether the head is a description that refers back (الوزير، المصدر، البيانان).
    pub anaphoric: bool,
    /// Meeting level of the speaker, if known.
    pub level: Option<String>,
    /// How the parties were read, for the claim's `why`.
    pub how: String,
    /// The office or body its head names, without an article ("minister", "envoy", "statement"),
    /// to find an earlier mention of the same office.
    pub head: Option<String>,
    /// Whether a lexicon person is named in it.
    pub named: bool,
    /// The movement it speaks for, when it speaks for no state (Hamas, a Taliban spokesman).
    pub affiliation: Option<String>,
    /// Whether the narration has it issue a statement right after ("The ministry issued a
    /// statement"): what a later "the statement" refers to.
    pub issues_statement: bool,
    /// Whether the phrase is a statement that refers back ("the statement", البيان): it speaks
    /// for the body that issued it.
    pub statement: bool,
}

impl Zone {
    /// Whether the phrase only describes its speaker, naming no state and no person ("the
    /// ambassador", "the envoy", "the statement"): its state is that of an earlier mention.
    pub fn open(&self) -> bool {
        self.anaphoric
            || (self.parties.is_empty()
                && !self.named
                && self.affiliation.is_none()
                && self.head.is_some()
                && matches!(self.kind, SpeakerKind::Person | SpeakerKind::Institution))
    }

    /// Whether the speaker is identified well enough to take over a relayed statement.
    pub fn identified(&self) -> bool {
        (!self.parties.is_empty() || self.affiliation.is_some())
            && !self.anaphoric
            && self.kind != SpeakerKind::Media
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Person,
    Head,
    Outlet,
    State,
    Adjective,
}

fn class(a: Atom) -> Class {
    match a {
        Atom::Person(_) => Class::Person,
        Atom::Head(_) => Class::Head,
        Atom::Outlet(_) => Class::Outlet,
        Atom::StateName(_) | Atom::Seat(_) => Class::State,
        Atom::Adjective(_) => Class::Adjective,
    }
}

/// What may follow an atom of class `prev` (`joined`: the next word carries و, or stands after
/// "and"). `subject_first` languages (English) put modifiers before the head.
fn may_follow(prev: Class, next: Class, joined: bool, subject_first: bool) -> bool {
    use Class::*;
    if subject_first {
        // "Turkish Foreign Minister Mevlut Cavusoglu", "Turkey's defence ministry", "state news
        // agency SANA", "Turkey and Russia", "the Turkish and Russian defence ministries"
        return match (prev, next) {
            (Adjective | State, Head | Outlet | Person) => true,
            (Adjective, Adjective) | (State, State) | (Person, Person | State) => joined,
            (State, Adjective) | (Head, State) => joined,
            (Head, Head | Person | Outlet) => true,
            // "the Trump administration", "Erdogan adviser Ibrahim Kalin": a name before a head
            // says whose body or aide it is
            (Person, Head) => true,
            // after an attachment word: "a source in the Jordanian foreign ministry"
            (Head, Adjective) => joined,
            (Outlet, Head) => true,
            _ => false,
        };
    }
    match (prev, next) {
        (Head, _) => !joined || next != Adjective,
        (Outlet, Adjective | Person) => true,
        // "مصادر سعودية أميركية": two nationalities side by side speak jointly
        (Adjective, Adjective) => true,
        (Adjective, Person) => true,
        (Adjective, Head) => joined,
        (Person | State, Person | State) => joined,
        _ => false,
    }
}

/// The atoms at token `i`, longest first.
fn atoms_at(p: &Prepared, rules: &LangRules, i: usize) -> Vec<(Atom, usize, bool)> {
    rules
        .speakers
        .hits_at(&p.tokens, i, Clitics::ConjPrep)
        .into_iter()
        .map(|h| {
            let joined = h.prefix > 0 && p.tokens[i].key.starts_with('و');
            (*h.value, h.len, joined)
        })
        .collect()
}

/// Chooses an atom reading that may follow `prev` (or start a phrase when `prev` is None).
fn pick(
    cands: &[(Atom, usize, bool)],
    prev: Option<Class>,
    and: bool,
    subject_first: bool,
) -> Option<(Atom, usize, bool)> {
    cands.iter().copied().find(|&(a, _, joined)| match prev {
        None => subject_first || class(a) != Class::Adjective,
        Some(pc) => may_follow(pc, class(a), joined || and, subject_first),
    })
}

/// Skips a quoted outlet name or a parenthesis right after a media head ("صحيفة "آيدن ليك" (Aydınlık)").
fn skip_name(p: &Prepared, i: usize, end: usize) -> Option<usize> {
    let t = p.tokens.get(i)?;
    let close = match (t.kind, t.key.as_str()) {
        (TokenKind::Quote, _) => TokenKind::Quote,
        (TokenKind::Punct, "(") => TokenKind::Punct,
        _ => return None,
    };
    (i + 1..end.min(i + 8))
        .find(|&k| {
            p.tokens[k].kind == close && (close == TokenKind::Quote || p.tokens[k].key == ")")
        })
        .map(|k| k + 1)
}

/// Reads a speaker phrase starting exactly at token `i`, not past `end`.
#[inline]
pub fn zone_at(p: &Prepared, rules: &LangRules, i: usize, end: usize) -> Option<Zone> {
    // a phrase opens with a speaker word or a quoted outlet's name: most tokens open none, and
    // this is asked at nearly every word (the head index answers, inline, without a lookup)
    let opens = p
        .tokens
        .get(i)
        .is_some_and(|t| t.kind == TokenKind::Quote || rules.speakers.may_start_at(t));
    if opens {
        read_zone(p, rules, i, end)
    } else {
        None
    }
}

/// [`zone_at`] at a token where a phrase may open.
fn read_zone(p: &Prepared, rules: &LangRules, i: usize, end: usize) -> Option<Zone> {
    let mut atoms: Vec<(Atom, Range<usize>)> = Vec::new();
    // an outlet's name in quotation marks is read, not skipped (صحيفة "واشنطن بوست")
    let mut quoted_outlet = quoted_outlet_at(p, rules, i, end);
    let mut j = if quoted_outlet { i + 1 } else { i };
    let mut closed = None;
    let mut prev: Option<Class> = None;
    let mut and = false;
    while j < end {
        if quoted_outlet && prev == Some(Class::Outlet) && p.tokens[j].kind == TokenKind::Quote {
            quoted_outlet = false;
            j += 1;
            closed = Some(j);
            continue;
        }
        if let Some(c) = prev
            && matches!(c, Class::Head | Class::Outlet)
            && quoted_outlet_at(p, rules, j, end)
        {
            quoted_outlet = true;
            j += 1;
            continue;
        }
        if let Some(c) = prev
            && let Some(k) = continuation(p, rules, j, end, c)
                .or_else(|| portfolio(p, rules, j, end, atoms.last().map(|a| a.0)))
        {
            // "spokesman for Jordan's foreign ministry": an attachment word lets a state follow
            // the head in English as "and" would
            and |= rules.order.subject_first()
                && rules
                    .joiners
                    .longest_at(&p.tokens, j, Clitics::Conj)
                    .is_some();
            j = k;
            continue;
        }
        // "and" as a word of its own joins the next atom ("Turkey and Russia")
        if prev.is_some()
            && !and
            && let Some(h) = rules.conjunctions.longest_at(&p.tokens, j, Clitics::None)
            && h.end() < end
        {
            and = true;
            j = h.end();
            continue;
        }
        let mut cands = atoms_at(p, rules, j);
        // (an attachment word between them still lets it: "النظام في دمشق")
        if !rules.order.subject_first()
            && atoms.last().is_some_and(|a| a.1.end == j)
            && definite_head(p, rules, atoms.last())
        {
            // a definite head takes no state after it: "وطالبت الوزيرة أديس أبابا" is the
            // minister asking Addis Ababa, not Ethiopia's minister ("وزير خارجية مصر" is)
            cands.retain(|&(a, _, joined)| joined || class(a) != Class::State);
        }
        let Some((atom, len, _)) = pick(&cands, prev, and, rules.order.subject_first())
            .or_else(|| titled_name(&cands, &atoms, rules))
        else {
            break;
        };
        and = false;
        if j + len > end {
            break;
        }
        atoms.push((atom, j..j + len));
        prev = Some(class(atom));
        j += len;
    }
    let last = atoms.last()?.1.end;
    let last = closed.filter(|&c| c == last + 1).unwrap_or(last);
    Some(describe(p, rules, &atoms, i..last))
}

/// A person's name right after an office and its state ("رئيس وزراء العراق محمد ..."): the
/// holder of that office, in a language that puts the head first.
fn titled_name(
    cands: &[(Atom, usize, bool)],
    atoms: &[(Atom, Range<usize>)],
    rules: &LangRules,
) -> Option<(Atom, usize, bool)> {
    let n = atoms.len();
    let titled = !rules.order.subject_first()
        && n >= 2
        && class(atoms[n - 1].0) == Class::State
        && class(atoms[n - 2].0) == Class::Head
        && atoms[n - 2].1.end == atoms[n - 1].1.start;
    if !titled {
        return None;
    }
    cands
        .iter()
        .copied()
        .find(|&(a, _, _)| class(a) == Class::Person)
}

/// Whether a quotation mark at `i` opens an outlet's name.
fn quoted_outlet_at(p: &Prepared, rules: &LangRules, i: usize, end: usize) -> bool {
    i + 1 < end
        && p.tokens[i].kind == TokenKind::Quote
        && atoms_at(p, rules, i + 1)
            .iter()
            .any(|&(a, _, _)| class(a) == Class::Outlet)
}

/// Whether the last atom read is a head whose last word is definite (الوزيرة، وزير الخارجية).
fn definite_head(p: &Prepared, rules: &LangRules, last: Option<&(Atom, Range<usize>)>) -> bool {
    let Some((Atom::Head(_), r)) = last else {
        return false;
    };
    let key = p.tokens[r.end - 1].key.as_str();
    let key = key.strip_prefix(['و', 'ف']).unwrap_or(key);
    rules.is_definite(key)
}

/// The token after a portfolio word that stands between a head and its state (وزارة الصحة
/// المصرية): a definite word, no speaker word itself, followed by a state or its adjective.
fn portfolio(
    p: &Prepared,
    rules: &LangRules,
    j: usize,
    end: usize,
    last: Option<Atom>,
) -> Option<usize> {
    let Some(Atom::Head(h)) = last else {
        return None;
    };
    let t = &p.tokens[j];
    let takes = rules.heads.get(h as usize).is_some_and(|h| h.portfolio);
    let article = !rules.article.is_empty() && t.key.starts_with(rules.article.as_str());
    if !takes || j + 1 >= end || t.kind != TokenKind::Word || !article {
        return None;
    }
    if !atoms_at(p, rules, j).is_empty() {
        return None;
    }
    let state_next = atoms_at(p, rules, j + 1)
        .iter()
        .any(|&(a, _, _)| matches!(class(a), Class::Adjective | Class::State));
    state_next.then_some(j + 1)
}

/// Tokens that may stand inside a phrase without being atoms: an outlet's quoted name, an
/// apposition comma before a name, an attachment word (التابعة، في) before a head or state.
fn continuation(
    p: &Prepared,
    rules: &LangRules,
    j: usize,
    end: usize,
    prev: Class,
) -> Option<usize> {
    let t = &p.tokens[j];
    if matches!(prev, Class::Head | Class::Outlet)
        && let Some(k) = skip_name(p, j, end)
    {
        return Some(k);
    }
    let next_is = |k: usize, ok: &dyn Fn(Class) -> bool| {
        atoms_at(p, rules, k).iter().any(|&(a, _, _)| ok(class(a)))
    };
    // English closes an apposition with a second comma: "the statement, Lavrov did raise"
    // names no one by the statement
    let closed = |k: usize| {
        !rules.order.subject_first()
            || atoms_at(p, rules, k)
                .iter()
                .filter(|&&(a, _, _)| class(a) == Class::Person)
                .any(|&(_, len, _)| k + len >= end || !p.tokens[k + len].is_word())
    };
    if t.is_punct(",")
        && matches!(prev, Class::Head | Class::Adjective)
        && next_is(j + 1, &|c| c == Class::Person)
        && closed(j + 1)
    {
        return Some(j + 1);
    }
    if let Some(h) = rules.joiners.longest_at(&p.tokens, j, Clitics::Conj)
        && prev != Class::Person
    {
        // "an official in the Biden administration": English puts an article after the joiner
        let mut k = h.end();
        while rules.order.subject_first() && k + 1 < end && rules.is_article(&p.tokens[k].key) {
            k += 1;
        }
        let person_before_head = |k: usize| {
            next_is(k, &|c| c == Class::Person)
                && atoms_at(p, rules, k)
                    .first()
                    .is_some_and(|&(_, len, _)| next_is(k + len, &|c| c == Class::Head))
        };
        let adjective = rules.order.subject_first() && next_is(k, &|c| c == Class::Adjective);
        if next_is(k, &|c| matches!(c, Class::Head | Class::State))
            || adjective
            || (rules.order.subject_first() && person_before_head(k))
        {
            return Some(k);
        }
    }
    None
}

/// The side a speaker phrase is loyal to, or an outlet's cited sources, when named right after it
/// (past an aside in brackets and a comma): "وكالة الأنباء اليمنية (سبأ)، الموالية للحوثيين"
/// speaks for the Houthis, not for Yemen; "the Journal, citing Saudi officials" for Saudi
/// Arabia. The phrase takes in the words that name it.
pub fn with_allegiance(p: &Prepared, rules: &LangRules, z: Zone, end: usize) -> Zone {
    let mut k = z.tokens.end;
    if p.tokens.get(k).is_some_and(|t| t.is_punct("("))
        && let Some(close) = (k + 1..end.min(k + 8)).find(|&j| p.tokens[j].is_punct(")"))
    {
        k = close + 1;
    }
    if p.tokens.get(k).is_some_and(|t| t.is_punct(",")) {
        k += 1;
    }
    // an outlet's cited sources speak through it as a side it is loyal to does
    let cites = || {
        (z.kind == SpeakerKind::Media)
            .then(|| rules.citing.longest_at(&p.tokens, k, Clitics::Conj))
            .flatten()
    };
    let Some(word) = rules
        .allegiance
        .longest_at(&p.tokens, k, Clitics::Conj)
        .or_else(cites)
    else {
        return z;
    };
    let Some(side) = zone_at(p, rules, word.end(), end) else {
        return z;
    };
    if side.parties.is_empty() && side.affiliation.is_none() {
        return z;
    }
    Zone {
        tokens: z.tokens.start..side.tokens.end,
        how: format!("{}; speaking for {}", z.how, side.name),
        parties: side.parties,
        affiliation: side.affiliation,
        ..z
    }
}

fn describe(
    p: &Prepared,
    rules: &LangRules,
    atoms: &[(Atom, Range<usize>)],
    tokens: Range<usize>,
) -> Zone {
    let mut persons = Vec::new();
    let mut others = Vec::new();
    let mut head: Option<(SpeakerKind, String, bool, Option<String>)> = None;
    let mut media_after_anonymous = false;
    let mut movement = None;
    // no attachment word so far: "of" in "the office of the Jordanian king" ends it
    let mut adjacent = true;
    for (i, (a, r)) in atoms.iter().enumerate() {
        adjacent &= i == 0 || atoms[i - 1].1.end == r.start;
        match *a {
            // English "the Trump administration": the name says whose body speaks
            Atom::Person(k)
                if rules.order.subject_first()
                    && atoms
                        .get(i + 1)
                        .is_some_and(|(n, _)| matches!(n, Atom::Head(_))) =>
            {
                others.extend(rules.people[k as usize].party.clone());
            }
            Atom::Person(k) => persons.push(&rules.people[k as usize]),
            Atom::Head(k) => {
                let h = &rules.heads[k as usize];
                if h.movement {
                    movement.get_or_insert_with(|| h.name.clone());
                }
                match &head {
                    None => head = Some((h.kind, h.name.clone(), h.anaphoric, h.level.clone())),
                    // English puts the state first: "Turkey's defence ministry" is a ministry
                    Some((SpeakerKind::State, n, ..))
                        if rules.order.subject_first() && n.is_empty() =>
                    {
                        head = Some((h.kind, h.name.clone(), h.anaphoric, h.level.clone()))
                    }
                    Some((SpeakerKind::Anonymous, ..)) if h.kind == SpeakerKind::Media => {
                        media_after_anonymous = true
                    }
                    // "an administration official": an English phrase ends with its head
                    // ("the office of the Jordanian king" is an office)
                    Some((SpeakerKind::Institution, ..))
                        if rules.order.subject_first()
                            && adjacent
                            && matches!(h.kind, SpeakerKind::Person | SpeakerKind::Anonymous) =>
                    {
                        head = Some((h.kind, h.name.clone(), h.anaphoric, h.level.clone()))
                    }
                    _ => {}
                }
            }
            Atom::Outlet(k) => {
                let o = &rules.outlets[k as usize];
                if head.is_none() {
                    head = Some((SpeakerKind::Media, o.name.clone(), false, None));
                }
                others.extend(o.party.clone());
            }
            Atom::StateName(k) | Atom::Seat(k) => {
                if head.is_none() {
                    head = Some((SpeakerKind::State, String::new(), false, None));
                }
                others.push(rules.states[k as usize].party.clone());
            }
            Atom::Adjective(k) => others.push(rules.states[k as usize].party.clone()),
        }
    }
    let text = p.slice(p.token_span(tokens.start, tokens.end));
    let (mut kind, head_name, anaphoric, mut level) =
        head.unwrap_or((SpeakerKind::Person, String::new(), false, None));
    // only a statement that refers back is resolved to its issuer: the others need no lookup
    let statement = anaphoric
        && persons.is_empty()
        && tokens.clone().any(|k| {
            rules
                .statement_nouns
                .longest_at(&p.tokens, k, Clitics::ConjPrep)
                .is_some()
        });
    let mut parties: Vec<String>;
    let how;
    if !persons.is_empty() {
        parties = persons.iter().filter_map(|x| x.party.clone()).collect();
        if parties.is_empty() {
            parties = others.clone();
        }
        kind = SpeakerKind::Person;
        level = level.or_else(|| persons[0].level.clone());
        how = format!(
            "named person {}",
            persons
                .iter()
                .map(|x| x.name.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    } else if media_after_anonymous {
        parties = Vec::new();
        how = "sources of a news outlet speak for no state".to_string();
    } else {
        parties = others;
        how = if parties.is_empty() {
            "no state named".to_string()
        } else {
            "state words in the phrase".to_string()
        };
    }
    parties.sort();
    parties.dedup();
    let affiliation = if parties.is_empty() {
        persons
            .iter()
            .find_map(|x| x.affiliation.clone())
            .or(movement)
    } else {
        None
    };
    let name = if !persons.is_empty() {
        persons
            .iter()
            .map(|x| x.name.as_str())
            .collect::<Vec<_>>()
            .join(" and ")
    } else {
        canonical(rules, kind, &head_name, &parties, &text)
    };
    Zone {
        tokens,
        name,
        kind,
        parties,
        anaphoric: anaphoric && persons.is_empty(),
        level,
        how,
        // a named person's office stands for the head they were named without ("Khalilzad
        // said ... According to the envoy")
        head: if head_name.is_empty() {
            persons
                .first()
                .map(|x| x.office.clone())
                .filter(|o| !o.is_empty())
        } else {
            Some(
                head_name
                    .strip_prefix("the ")
                    .unwrap_or(&head_name)
                    .to_string(),
            )
        },
        named: !persons.is_empty(),
        affiliation,
        issues_statement: false,
        statement,
    }
}

/// An English name for a speaker: "Turkey", "defence ministry of Turkey and Russia".
fn canonical(
    rules: &LangRules,
    kind: SpeakerKind,
    head: &str,
    parties: &[String],
    text: &str,
) -> String {
    let states: Vec<&str> = parties
        .iter()
        .map(|c| {
            rules
                .states
                .iter()
                .find(|s| &s.party == c)
                .map_or(c.as_str(), |s| s.name.as_str())
        })
        .collect();
    match (kind, head.is_empty(), states.is_empty()) {
        (SpeakerKind::State, _, false) => states.join(" and "),
        (_, false, false) => format!("{head} of {}", states.join(" and ")),
        (_, false, true) => head.to_string(),
        _ => text.to_string(),
    }
}

/// The longest speaker phrase that ends exactly at token `end`, starting no earlier than `floor`.
pub fn zone_ending_at(p: &Prepared, rules: &LangRules, floor: usize, end: usize) -> Option<Zone> {
    let from = floor.max(end.saturating_sub(12));
    (from..end)
        .filter_map(|k| zone_at(p, rules, k, end))
        .find(|z| z.tokens.end == end)
}

/// The first speaker phrase in `range` (a sentence's main subject, for relative clauses).
pub fn first_zone(p: &Prepared, rules: &LangRules, range: Range<usize>) -> Option<Zone> {
    range
        .clone()
        .filter(|&k| p.tokens[k].is_word())
        .find_map(|k| zone_at(p, rules, k, range.end))
}

/// Adds a second speaker named further on in the clause, before the content opens
/// ("أعلنت السعودية، القوة الغنية بالنفط، إلى جانب سوريا أن ...").
pub fn add_alongside(p: &Prepared, rules: &LangRules, mut z: Zone, end: usize) -> Zone {
    let limit = end.min(z.tokens.end + 20);
    for k in z.tokens.end..limit {
        if p.tokens[k].kind == TokenKind::Quote || p.in_quote[k] {
            break;
        }
        let Some(h) = rules.alongside.longest_at(&p.tokens, k, Clitics::Conj) else {
            continue;
        };
        if let Some(other) = zone_at(p, rules, h.end(), end).filter(|o| !o.parties.is_empty()) {
            z.parties.extend(other.parties.iter().cloned());
            z.parties.sort();
            z.parties.dedup();
            z.how = format!("{}; joined by {}", z.how, other.name);
            z.name = format!("{} and {}", z.name, other.name);
            z.tokens.end = other.tokens.end;
        }
        break;
    }
    z
}
