//! Grouping claims by the meeting they are about. Each document has a main event (its headline
//! and lead); a sentence that names another, distinguishable meeting moves its claims there
//! ("في أبريل، استضافت موسكو وزراء دفاع ..." in an article about a foreign ministers' meeting).
//! Events of different documents merge when their attributes fit (see `merge`), each event
//! recording why.

pub mod cluster;
pub mod date;
pub mod mention;
pub mod merge;
pub mod published;
mod wire;

use std::collections::BTreeMap;

use jiff::civil::Date;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::model::{Claim, Event, Mention, Span};
use crate::rules::LangRules;
use crate::rules::schema::MeetingStatus;
use crate::text::Prepared;
use date::PartialDate;
use mention::{Facts, MeetingMention};
use merge::Fit;

/// A meeting as one document describes it. It travels in the per-document records
/// (`claims --records`), where what is not known is left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalEvent {
    /// What the document says of it.
    pub facts: Facts,
    /// Where the document mentions it: sentence spans.
    pub mentions: Vec<Span>,
    /// Whether it is the document's main event.
    pub main: bool,
    /// Why mentions were put together.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub why: Vec<String>,
    /// The document's publication date, which anchors an undated meeting in time.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "wire::date")]
    pub published: Option<Date>,
    /// The weekday the headline and lead give the main event ("اليوم السبت"): without a
    /// publication date to resolve it, still the day that tells it from another meeting.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead_weekday: Option<i8>,
    /// The publication's year and month when no day is known ("lb-2020-10-..."): two undated
    /// reports of one month stand close in time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_month: Option<(i16, i8)>,
}

/// A document's meetings, and which one each of its claims is about.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
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
    let day = published.and_then(PartialDate::full);
    let mut out = DocEvents::default();
    let lead = lead_sentences(p);
    let mut by_sentence: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut main: Option<usize> = None;
    let mut later: Vec<&MeetingMention> = Vec::new();
    for m in lead_order(
        mentions
            .iter()
            .filter(|m| lead.contains(&m.sentence))
            .collect(),
    ) {
        let idx = match main {
            Some(i) if fits_within(&out.events[i].facts, &m.facts, day) => i,
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
    if let Some(i) = main {
        out.events[i].lead_weekday = out.events[i].facts.date.weekday;
    }
    later.extend(mentions.iter().filter(|m| !lead.contains(&m.sentence)));
    for m in later {
        let idx = place_mention(p, &mut out.events, main, m, day);
        by_sentence.entry(m.sentence).or_default().push(idx);
    }
    out.events.retain(|e| e.main || e.facts.is_concrete());
    if let Some(e) = out.events.iter_mut().find(|e| e.main) {
        // the main event is what the whole article is about: every place it names describes it
        e.facts.named_places.extend(mention::places_named(p, rules));
    }
    let month = published
        .filter(|d| d.full().is_none())
        .and_then(|d| d.year.zip(d.month));
    for e in &mut out.events {
        e.published = day;
        e.published_month = month;
    }
    out.claim_event = claims
        .iter()
        .map(|c| claim_event(p, &out, &by_sentence, main, c))
        .collect();
    out
}

/// The lead's mentions with the one that founds the main event first: the first with its own
/// place, date, level or size that is not announced as a further meeting ("will not take part in
/// another round of negotiations ... as the Stockholm talks came to an end" is about Stockholm),
/// else the first that is not a further meeting, else the first.
fn lead_order(mut lead: Vec<&MeetingMention>) -> Vec<&MeetingMention> {
    let further = |m: &MeetingMention| m.facts.status == MeetingStatus::Next;
    let founder = lead
        .iter()
        .position(|m| m.facts.is_concrete() && !further(m))
        .or_else(|| lead.iter().position(|m| !further(m)));
    if let Some(i) = founder {
        let m = lead.remove(i);
        lead.insert(0, m);
    }
    lead
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
        published: None,
        lead_weekday: None,
        published_month: None,
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
fn fits_within(e: &Facts, m: &Facts, published: Option<Date>) -> bool {
    let agree = match merge::fit(e, m) {
        _ if m.status == MeetingStatus::Next => return false,
        Fit::Conflict(_) => return false,
        Fit::Agree(why) => why,
    };
    // a day of the publication's week ("Saturday's session" in Saturday's report) is today's
    // meeting, not an aside about an earlier one
    let this_week = m.date.full().zip(published).is_some_and(|(d, p)| {
        let back = (p - d).get_days();
        d <= p && back <= 6
    });
    let new_date = !this_week
        && ((m.date.month.is_some() && e.date.month.is_none())
            || (m.date.year.is_some() && e.date.year.is_none()));
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
    published: Option<Date>,
) -> usize {
    if let Some(i) = main {
        if !m.facts.is_concrete() {
            // a passing reference ("المحادثات") joins the main event without widening it
            note_mention(p, &mut events[i], m);
            return i;
        }
        if fits_within(&events[i].facts, &m.facts, published) {
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
                && d.events[i].facts.status != MeetingStatus::Next
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

/// Merges the documents' events into corpus events and names them (see `cluster`); returns
/// the events and each claim's event id.
pub fn group(
    docs: &[DocInput],
    place_names: &dyn Fn(&str) -> String,
) -> (Vec<Event>, FxHashMap<String, String>) {
    let mut nodes = Vec::new();
    let mut first_node = Vec::with_capacity(docs.len());
    for d in docs {
        first_node.push(nodes.len());
        nodes.extend(
            d.events
                .events
                .iter()
                .map(|event| cluster::Node { doc: d.doc, event }),
        );
    }
    let clusters = cluster::cluster(&nodes, merge::THRESHOLD);
    let mut cluster_of = vec![0; nodes.len()];
    for (ci, c) in clusters.iter().enumerate() {
        for &m in &c.members {
            cluster_of[m] = ci;
        }
    }
    // claim ids are unique in a corpus; sorted, so that each event lists them in id order
    let mut claim_cluster: Vec<(&str, usize)> = Vec::new();
    for (d, &first) in docs.iter().zip(&first_node) {
        for (ci, ev) in d.events.claim_event.iter().enumerate() {
            if let (Some(ev), Some(id)) = (ev, d.claim_ids.get(ci)) {
                claim_cluster.push((id, cluster_of[first + ev]));
            }
        }
    }
    claim_cluster.sort_unstable();
    let mut groups: Vec<Group> = clusters.into_iter().map(|c| gather(&nodes, c)).collect();
    for (claim, g) in &claim_cluster {
        groups[*g].claims.push(claim.to_string());
    }
    let events = name_events(groups, place_names);
    let ids = claim_cluster
        .into_iter()
        .map(|(c, g)| (c.to_string(), events[g].id.clone()))
        .collect();
    (events, ids)
}

/// A cluster's description, mentions, claims and reasons, before it is named.
struct Group {
    facts: Facts,
    mentions: Vec<Mention>,
    claims: Vec<String>,
    why: Vec<String>,
}

/// The union of a cluster's descriptions, with all their mentions.
fn gather(nodes: &[cluster::Node], c: cluster::Cluster) -> Group {
    let (first, rest) = c.members.split_first().expect("a cluster has a member");
    let mut facts = nodes[*first].event.facts.clone();
    for &m in rest {
        facts = merge::combine(&facts, &nodes[m].event.facts);
    }
    let mentions = c
        .members
        .iter()
        .flat_map(|&m| {
            let n = &nodes[m];
            n.event.mentions.iter().map(|span| Mention {
                doc: n.doc.to_string(),
                span: *span,
            })
        })
        .collect();
    Group {
        facts,
        mentions,
        claims: Vec::new(),
        why: c.why,
    }
}

fn name_events(groups: Vec<Group>, place_names: &dyn Fn(&str) -> String) -> Vec<Event> {
    groups
        .into_iter()
        .map(
            |Group {
                 facts: f,
                 mentions,
                 claims,
                 why,
             }| {
                let location = f.place.as_deref().map(place_names);
                let label = label(&f, location.as_deref());
                Event {
                    id: event_id(&f, &mentions),
                    label,
                    location,
                    date: (!f.date.is_empty()).then(|| f.date.to_string()),
                    parties: f.parties.iter().cloned().collect(),
                    level: f.levels.iter().cloned().collect(),
                    format: f.format,
                    status: f.status.exported(),
                    mentions,
                    claims,
                    why,
                }
            },
        )
        .collect()
}

/// An id made of the event's own evidence (place, date, level) and a short hash of its first
/// mention, so that documents that have no part in it never rename it.
fn event_id(f: &Facts, mentions: &[Mention]) -> String {
    use sha2::Digest;
    let place = f.place.as_deref().unwrap_or("unknown");
    let level = f
        .levels
        .iter()
        .next()
        .map_or(f.kind.replace('_', "-"), |l| l.replace('_', "-"));
    let date = if f.date.year.is_some() {
        f.date.to_string()
    } else {
        "undated".to_string()
    };
    let mut hash = sha2::Sha256::new();
    if let Some(m) = mentions
        .iter()
        .min_by(|a, b| (&a.doc, a.span).cmp(&(&b.doc, b.span)))
    {
        hash.update(m.doc.as_bytes());
        hash.update(m.span.start.to_le_bytes());
    }
    let digest = hash.finalize();
    format!("{place}-{date}-{level}-{:02x}{:02x}", digest[0], digest[1])
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
