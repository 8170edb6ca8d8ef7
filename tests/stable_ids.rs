//! Ids are derived from content (proptest): adding one document to a corpus, or removing one,
//! changes the id of no event and no finding that the document has no part in. The review desk
//! (`claimdiff serve`) keys its decisions by finding id, so a grown corpus must keep them.
//!
//! A corpus is some of the seed articles (which hold real meetings and conflicts) plus short
//! generated texts; the extra document is a seed or a generated text.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use claimdiff::corpus::Input;
use claimdiff::model::Report;
use proptest::prelude::*;

mod common;

/// The seed articles, as (id, text), in name order.
static SEEDS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let mut files: Vec<_> = std::fs::read_dir("seeds")
        .expect("seeds/ is there")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            (id, std::fs::read_to_string(p).expect("a seed reads"))
        })
        .collect()
});

/// Sentences that make claims and meetings of their own, to mix into generated documents.
const SENTENCES: &[&str] = &[
    "قال وزير الخارجية الروسي سيرغي لافروف إن المحادثات في موسكو كانت بناءة.",
    "ونفى مسؤول سوري أن تكون المحادثات قد تطرقت إلى التطبيع.",
    "أكد وزير الخارجية التركي هاكان فيدان أن الاجتماع في موسكو بحث التطبيع.",
    "Lavrov said the talks in Moscow on Wednesday were constructive.",
    "A Syrian official denied that normalization was discussed at the Moscow meeting.",
    "Turkey's foreign minister said the meeting in Moscow discussed normalization.",
    "The weather was mild.",
];

/// A document: a seed, or a few generated sentences.
#[derive(Debug, Clone)]
enum Doc {
    Seed(usize),
    Made(Vec<usize>),
}

fn doc() -> impl Strategy<Value = Doc> {
    prop_oneof![
        (0..SEEDS.len()).prop_map(Doc::Seed),
        prop::collection::vec(0..SENTENCES.len(), 1..5).prop_map(Doc::Made),
    ]
}

fn to_input(d: &Doc, n: usize) -> Input {
    match d {
        Doc::Seed(i) => common::input(&SEEDS[*i].0, &SEEDS[*i].1),
        Doc::Made(s) => {
            let text: Vec<&str> = s.iter().map(|&i| SENTENCES[i]).collect();
            common::input(&format!("made{n}"), &text.join(" "))
        }
    }
}

/// Documents without repeated seeds (a repeated id would be renamed `id~2`).
fn corpus(docs: &[Doc]) -> Vec<Input> {
    let mut seen = BTreeSet::new();
    docs.iter()
        .enumerate()
        .filter(|(_, d)| !matches!(d, Doc::Seed(i) if !seen.insert(*i)))
        .map(|(n, d)| to_input(d, n))
        .collect()
}

/// What an event or a finding is made of, and the documents it draws on.
#[derive(Debug, Clone, PartialEq)]
struct Item {
    content: String,
    docs: BTreeSet<String>,
}

/// Each event and finding of a report by id: its content (an event's mentions, claims and facts;
/// a finding's event, kind and claims) and the documents it draws on.
fn items(r: &Report) -> BTreeMap<String, Item> {
    let doc_of: BTreeMap<&str, &str> = r
        .claims
        .iter()
        .map(|c| (c.id.as_str(), c.doc.as_str()))
        .collect();
    let docs_of = |claims: &mut dyn Iterator<Item = &String>| -> BTreeSet<String> {
        claims
            .filter_map(|c| doc_of.get(c.as_str()).map(|d| d.to_string()))
            .collect()
    };
    let mut out = BTreeMap::new();
    for e in &r.events {
        let mut mentions: Vec<String> = e
            .mentions
            .iter()
            .map(|m| format!("{}@{}", m.doc, m.span.start))
            .collect();
        mentions.sort();
        let mut docs = docs_of(&mut e.claims.iter());
        docs.extend(e.mentions.iter().map(|m| m.doc.clone()));
        let facts = (
            &e.label,
            &e.location,
            &e.date,
            &e.parties,
            &e.level,
            &e.format,
        );
        let content = format!("{mentions:?} {:?} {facts:?}", e.claims);
        out.insert(format!("event {}", e.id), Item { content, docs });
    }
    for f in &r.findings {
        let mut claims: Vec<&String> = f.a.claims.iter().chain(&f.b.claims).collect();
        claims.sort();
        let content = format!("{:?} {} {claims:?}", f.event, f.kind.name());
        let mut docs = docs_of(&mut claims.iter().copied());
        // a finding takes part in its event: what changes the event may change it
        if let Some(e) = &f.event {
            docs.extend(out[&format!("event {e}")].docs.iter().cloned());
        }
        out.insert(format!("finding {}", f.id), Item { content, docs });
    }
    out
}

/// Adding `extra` to the corpus of `small` gave `big`. Checks that
/// - whatever `big` holds with the same content as something in `small` has its id;
/// - whatever `small` holds that draws on no document `extra` came to share an event or finding
///   with, nor on one it displaced, and that no displaced document joined, is in `big` under the
///   same id, with the same content.
///
/// (Removing a document is the same comparison read from `big` to `small`.)
fn same_ids(small: &Report, big: &Report, extra: &str) -> Result<(), TestCaseError> {
    let (before, after) = (items(small), items(big));
    let id_of: BTreeMap<&str, &str> = before
        .iter()
        .map(|(id, i)| (i.content.as_str(), id.as_str()))
        .collect();
    for (id, item) in &after {
        if let Some(old) = id_of.get(item.content.as_str()) {
            prop_assert_eq!(*old, id.as_str(), "same content, another id");
        }
    }
    let touched: BTreeSet<&String> = after
        .values()
        .filter(|i| i.docs.contains(extra))
        .flat_map(|i| &i.docs)
        .collect();
    // a document the extra one displaced: it shared an event with a touched document before,
    // and the touched one's event may now refuse it (every member must fit every other), so it
    // joins the next best event, which grows by it
    let displaced: BTreeSet<&String> = before
        .values()
        .filter(|i| i.docs.iter().any(|d| touched.contains(d)))
        .flat_map(|i| &i.docs)
        .filter(|d| !touched.contains(d))
        .collect();
    let grew_by_displaced = |item: &Item| {
        after
            .values()
            .any(|a| item.docs.is_subset(&a.docs) && a.docs.iter().any(|d| displaced.contains(d)))
    };
    for (id, item) in &before {
        if item
            .docs
            .iter()
            .any(|d| touched.contains(d) || displaced.contains(d))
            || grew_by_displaced(item)
        {
            continue;
        }
        prop_assert_eq!(
            after.get(id),
            Some(item),
            "{} (which {} has no part in) changed when it was added",
            id,
            extra
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn adding_or_removing_a_document_renames_nothing_it_has_no_part_in(
        docs in prop::collection::vec(doc(), 1..5),
        extra in doc(),
    ) {
        let small = corpus(&docs);
        let mut all = docs.clone();
        all.push(extra);
        let big = corpus(&all);
        // a repeated seed adds nothing
        prop_assume!(big.len() == small.len() + 1);
        let extra_id = big.last().unwrap().doc.id.clone();
        let r_small = common::report(small);
        let r_big = common::report(big);
        same_ids(&r_small, &r_big, &extra_id)?;
    }
}

/// The ids of findings in the seeds are of the form `{event}-{kind}-{8 hex digits}`.
#[test]
fn finding_ids_are_event_kind_and_a_hash_of_their_claims() {
    let (r, _, _) = common::report_of_path("seeds");
    assert!(!r.findings.is_empty());
    for f in &r.findings {
        let prefix = format!(
            "{}-{}-",
            f.event.as_deref().unwrap_or("none"),
            f.kind.name()
        );
        let hash = f.id.strip_prefix(&prefix).expect("event and kind lead");
        assert_eq!(hash.len(), 8, "{}", f.id);
        assert!(hash.chars().all(|c| c.is_ascii_hexdigit()), "{}", f.id);
    }
    let ids: BTreeSet<&str> = r.findings.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(ids.len(), r.findings.len(), "finding ids are unique");
}
