//! Grouping claims by the meeting they are about. Each document has a main event (its headline
//! and lead); a sentence that names another, distinguishable meeting moves its claims there
//! ("في أبريل، استضافت موسكو وزراء دفاع ..." in an article about a foreign ministers' meeting).
//! Events of different documents merge when their attributes fit (see `merge`), each event
//! recording why.

pub mod date;
pub mod mention;
pub mod merge;

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::{Claim, Event, Mention, Span};
use crate::rules::LangRules;
use crate::text::Prepared;
use date::PartialDate;
use mention::{Facts, MeetingMention};
use merge::Fit;

/// A meeting as one document describes it.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalEvent {
    /// What the document says of it.
    pub facts: Facts,
    /// Where the document mentions it: sentence spans.
    pub mentions: Vec<Span>,
    /// Whether it is the document's main event.
    pub main: bool,
    /// Why mentions were put together.
    pub why: Vec<String>,
}

/// A document's meetings, and which one each of its claims is about.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocEvents {
    /// The meetings.
    pub events: Vec<LocalEvent>,
    /// For each claim of the document (in order), the index of its meeting.
    pub claim_event: Vec<Option<usize>>,
}

/// Reads a document's meetings and assigns its claims to them.
pub fn local(
    p: &Prepared,
    rules: &LangRules,
    claims: &[Claim],
    published: Option<&PartialDate>,
) -> DocEvents {
    let mentions = mention::mentions(p, rules, published);
    let mut out = DocEvents::default();
    let lead = lead_sentences(p);
    let mut by_sentence: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut main: Option<usize> = None;
    let mut later: Vec<&MeetingMention> = Vec::new();
    for m in mentions.iter().filter(|m| lead.contains(&m.sentence)) {
        let idx = match main {
            Some(i) if fits_within(&out.events[i].facts, &m.facts) => i,
            Some(_) => {
                later.push(m);
                continue;
            }
            None => {
                out.events.push(new_local(p, m, true));
                main = Some(out.events.len() - 1);
                by_sentence
                    .entry(m.sentence)
                    .or_default()
                    .push(out.events.len() - 1);
                continue;
            }
        };
        absorb(p, &mut out.events[idx], m);
        by_sentence.entry(m.sentence).or_default().push(idx);
    }
    later.extend(mentions.iter().filter(|m| !lead.contains(&m.sentence)));
    for m in later {
        let idx = place_mention(p, &mut out.events, main, m);
        by_sentence.entry(m.sentence).or_default().push(idx);
    }
    out.events.retain(|e| e.main || e.facts.is_concrete());
    out.claim_event = claims
        .iter()
        .map(|c| claim_event(p, &out, &by_sentence, main, c))
        .collect();
    out
}

/// The headline (heading lines before the body) and the first body paragraph: the first that
/// ends a sentence, so that a photo caption under the headline is not taken for the lead.
fn lead_sentences(p: &Prepared) -> Vec<usize> {
    let mut out = Vec::new();
    let ends = |s: &crate::text::Sentence| {
        p.tokens[s.tokens.clone()]
            .iter()
            .rev()
            .find(|t| t.kind != crate::text::TokenKind::Quote)
            .is_some_and(|t| matches!(t.key.as_str(), "." | "!" | "?"))
    };
    let first_body = p
        .sentences
        .iter()
        .find(|s| !s.skip && ends(s))
        .map(|s| s.paragraph);
    for (i, s) in p.sentences.iter().enumerate() {
        let heading = s.skip && Some(s.paragraph) < first_body;
        if heading || Some(s.paragraph) == first_body {
            out.push(i);
        }
    }
    out
}

fn new_local(p: &Prepared, m: &MeetingMention, main: bool) -> LocalEvent {
    let s = &p.sentences[m.sentence];
    LocalEvent {
        facts: m.facts.clone(),
        mentions: vec![s.span],
        main,
        why: Vec::new(),
    }
}

fn absorb(p: &Prepared, e: &mut LocalEvent, m: &MeetingMention) {
    e.facts = merge::combine(&e.facts, &m.facts);
    note_mention(p, e, m);
}

fn note_mention(p: &Prepared, e: &mut LocalEvent, m: &MeetingMention) {
    let s = &p.sentences[m.sentence];
    if !e.mentions.contains(&s.span) {
        e.mentions.push(s.span);
    }
}

/// Whether a mention later in the same document is the same meeting as `e`: nothing conflicts,
/// it is not announced as another one ("لقاء ثان"، "اجتماع جديد"), and if it brings a month or
/// year that `e` lacks, it shares its level or place (a dated aside is usually an earlier
/// meeting: "قبل ذلك في موسكو في كانون الأول/ ديسمبر").
fn fits_within(e: &Facts, m: &Facts) -> bool {
    let agree = match merge::fit(e, m) {
        _ if m.status == "next" => return false,
        Fit::Conflict(_) => return false,
        Fit::Agree(why) => why,
    };
    let new_date = (m.date.month.is_some() && e.date.month.is_none())
        || (m.date.year.is_some() && e.date.year.is_none());
    // a dated aside is the same meeting only if it shares the level or the place
    !new_date
        || agree
            .iter()
            .any(|w| w.starts_with("same level") || w.starts_with("same place"))
}

/// Puts a non-lead mention with the main event, with another local event it fits, or alone.
fn place_mention(
    p: &Prepared,
    events: &mut Vec<LocalEvent>,
    main: Option<usize>,
    m: &MeetingMention,
) -> usize {
    if let Some(i) = main {
        if !m.facts.is_concrete() {
            // a passing reference ("المحادثات") joins the main event without widening it
            note_mention(p, &mut events[i], m);
            return i;
        }
        if fits_within(&events[i].facts, &m.facts) {
            absorb(p, &mut events[i], m);
            return i;
        }
    }
    if !m.facts.is_concrete() {
        events.push(new_local(p, m, false));
        return events.len() - 1;
    }
    for (i, e) in events
        .iter_mut()
        .enumerate()
        .filter(|(i, _)| Some(*i) != main)
    {
        if let Fit::Agree(why) = merge::fit(&e.facts, &m.facts)
            && !why.is_empty()
        {
            e.why.push(format!("mentions merged: {}", why.join(", ")));
            absorb(p, e, m);
            return i;
        }
    }
    events.push(new_local(p, m, false));
    events.len() - 1
}

/// The meeting a claim is about: another meeting its sentence names, else the main event.
fn claim_event(
    p: &Prepared,
    d: &DocEvents,
    by_sentence: &BTreeMap<usize, Vec<usize>>,
    main: Option<usize>,
    c: &Claim,
) -> Option<usize> {
    let sentence = p
        .sentences
        .iter()
        .position(|s| s.span.start <= c.cue.span.start && c.cue.span.end <= s.span.end)?;
    let own = by_sentence
        .get(&sentence)
        .into_iter()
        .flatten()
        .copied()
        .find(|&i| {
            Some(i) != main
                && i < d.events.len()
                && d.events[i].facts.is_concrete()
                && d.events[i].facts.status != "next"
        });
    own.or(main).filter(|&i| i < d.events.len())
}

/// One document's events, ready to merge across documents.
#[derive(Debug, Clone)]
pub struct DocInput<'a> {
    /// Document id.
    pub doc: &'a str,
    /// Its events.
    pub events: &'a DocEvents,
    /// Its claims' ids, in order.
    pub claim_ids: Vec<&'a str>,
}

/// Merges the documents' events into corpus events and names them. Candidates are found through
/// blocking keys (place, month, level), so the cost grows with the events that share a key, not
/// with the square of the corpus; a second pass merges groups that only fit once both grew.
pub fn group(
    docs: &[DocInput],
    place_names: &dyn Fn(&str) -> String,
) -> (Vec<Event>, FxHashMap<String, String>) {
    let mut groups: Vec<Group> = Vec::new();
    let mut index = Index::default();
    // claim ids are unique in a corpus; sorted below, so that each event lists them in id order
    let mut claim_group: Vec<(String, usize)> = Vec::new();
    for d in docs {
        let mut local_to_global = Vec::new();
        for e in &d.events.events {
            let gi = match candidate(&groups, &index, &e.facts, usize::MAX) {
                Some((gi, why)) => {
                    groups[gi]
                        .3
                        .push(format!("{} joined: {}", d.doc, why.join(", ")));
                    groups[gi].0 = merge::combine(&groups[gi].0, &e.facts);
                    gi
                }
                None => {
                    groups.push((e.facts.clone(), Vec::new(), Vec::new(), e.why.clone()));
                    groups.len() - 1
                }
            };
            add_keys(&mut index, &groups[gi].0, gi);
            for span in &e.mentions {
                groups[gi].1.push(Mention {
                    doc: d.doc.to_string(),
                    span: *span,
                });
            }
            local_to_global.push(gi);
        }
        for (ci, ev) in d.events.claim_event.iter().enumerate() {
            if let (Some(ev), Some(id)) = (ev, d.claim_ids.get(ci)) {
                claim_group.push((id.to_string(), local_to_global[*ev]));
            }
        }
    }
    let target = second_pass(&mut groups, &mut index);
    claim_group.sort_unstable();
    for (claim, g) in &claim_group {
        groups[target[*g]].2.push(claim.clone());
    }
    let kept: Vec<usize> = (0..groups.len()).filter(|&g| target[g] == g).collect();
    let events = name_events(
        kept.iter()
            .map(|&g| std::mem::take(&mut groups[g]))
            .collect(),
        place_names,
    );
    let id_of: FxHashMap<usize, String> = kept
        .iter()
        .zip(&events)
        .map(|(g, e)| (*g, e.id.clone()))
        .collect();
    let ids = claim_group
        .into_iter()
        .map(|(c, g)| (c, id_of[&target[g]].clone()))
        .collect();
    (events, ids)
}

/// Blocking keys of a description: pairs of its place, month, weekday, levels, size and parties.
fn keys(f: &Facts) -> Vec<String> {
    // a merge needs two agreeing attributes, so groups are indexed by pairs of attributes:
    // buckets stay small even when a level or a month is common in the corpus
    let mut single: Vec<String> = f.levels.iter().map(|l| format!("level:{l}")).collect();
    single.extend(f.place.iter().map(|p| format!("place:{p}")));
    single.extend(f.date.month.map(|m| format!("month:{m}")));
    single.extend(f.date.weekday.map(|w| format!("weekday:{w}")));
    single.extend(f.size.map(|n| format!("size:{n}")));
    single.extend(f.parties.iter().map(|p| format!("party:{p}")));
    let mut out = Vec::new();
    for (i, a) in single.iter().enumerate() {
        // shared parties count as one agreement, so two parties alone never make a merge
        for b in single[i + 1..]
            .iter()
            .filter(|b| !(a.starts_with("party:") && b.starts_with("party:")))
        {
            out.push(format!("{a}|{b}"));
        }
    }
    out
}

/// Groups by blocking key, each key's groups in the order they took it, with the same groups as
/// a set: a popular key's bucket is long, and scanning it before each insert made merging
/// quadratic in the corpus.
#[derive(Default)]
struct Index {
    buckets: FxHashMap<String, (Vec<usize>, FxHashSet<usize>)>,
}

impl Index {
    fn get(&self, key: &str) -> Option<&Vec<usize>> {
        self.buckets.get(key).map(|(order, _)| order)
    }
}

fn add_keys(index: &mut Index, f: &Facts, g: usize) {
    for k in keys(f) {
        let (order, taken) = index.buckets.entry(k).or_default();
        if taken.insert(g) {
            order.push(g);
        }
    }
}

/// The earliest group before `limit` sharing a key with `f` that fits it on two attributes.
/// How many groups per blocking key a description is compared with.
const RECENT: usize = 64;

fn candidate(
    groups: &[Group],
    index: &Index,
    f: &Facts,
    limit: usize,
) -> Option<(usize, Vec<String>)> {
    // each key offers its most recent groups only: reports of one meeting stand close together
    // in a news archive, and the bound keeps merging linear in the corpus
    let mut seen: Vec<usize> = keys(f)
        .iter()
        .filter_map(|k| index.get(k))
        .flat_map(|bucket| bucket.iter().rev().filter(|&&g| g < limit).take(RECENT))
        .copied()
        .collect();
    seen.sort();
    seen.dedup();
    seen.into_iter()
        .find_map(|g| match merge::fit(&groups[g].0, f) {
            Fit::Agree(why) if why.len() >= 2 => Some((g, why)),
            _ => None,
        })
}

/// Merges later groups into earlier ones they now fit; returns each group's final group.
fn second_pass(groups: &mut [Group], index: &mut Index) -> Vec<usize> {
    let mut target: Vec<usize> = (0..groups.len()).collect();
    for g in 1..groups.len() {
        let facts = groups[g].0.clone();
        let found = candidate(groups, index, &facts, g).filter(|(h, _)| target[*h] == *h);
        if let Some((h, why)) = found {
            groups[h].0 = merge::combine(&groups[h].0, &facts);
            let moved = std::mem::take(&mut groups[g].1);
            groups[h].1.extend(moved);
            let later = std::mem::take(&mut groups[g].3);
            groups[h].3.push(format!(
                "merged once both accounts grew: {}",
                why.join(", ")
            ));
            groups[h].3.extend(later);
            add_keys(index, &groups[h].0.clone(), h);
            for t in target.iter_mut().filter(|t| **t == g) {
                *t = h;
            }
        }
    }
    target
}

type Group = (Facts, Vec<Mention>, Vec<String>, Vec<String>);

fn name_events(groups: Vec<Group>, place_names: &dyn Fn(&str) -> String) -> Vec<Event> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    groups
        .into_iter()
        .map(|(f, mentions, claims, why)| {
            let place = f.place.as_deref().unwrap_or("unknown");
            let level = f
                .levels
                .iter()
                .next()
                .map_or("meeting".to_string(), |l| l.replace('_', "-"));
            let date = if f.date.is_empty() {
                "undated".to_string()
            } else {
                f.date.to_string()
            };
            let base = format!("{place}-{}-{level}", date.trim_start_matches('-'));
            let n = seen.entry(base.clone()).or_insert(0);
            *n += 1;
            let id = if *n == 1 { base } else { format!("{base}-{n}") };
            let location = f.place.as_deref().map(place_names);
            let label = label(&f, location.as_deref());
            Event {
                id,
                label,
                location,
                date: (!f.date.is_empty()).then(|| f.date.to_string()),
                parties: f.parties.iter().cloned().collect(),
                level: f.levels.iter().cloned().collect(),
                format: f.format.clone(),
                status: f.status.replace("next", "planned"),
                mentions,
                claims,
                why,
            }
        })
        .collect()
}

fn label(f: &Facts, place: Option<&str>) -> String {
    let who = if f.levels.is_empty() {
        String::new()
    } else {
        format!(
            "{} ",
            f.levels
                .iter()
                .map(|l| l.replace('_', " "))
                .collect::<Vec<_>>()
                .join(" and ")
        )
    };
    let mut s = format!("{who}{}", f.kind);
    if let Some(pl) = place {
        s.push_str(&format!(" in {pl}"));
    }
    if !f.date.is_empty() {
        s.push_str(&format!(", {}", f.date));
    }
    if !f.parties.is_empty() {
        s.push_str(&format!(
            " ({})",
            f.parties.iter().cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    s
}
