//! One meeting reported in two languages: an English article and an Arabic article (written for
//! this test, in tests/data/bilingual/) about the same invented talks of the Egyptian and
//! Ethiopian foreign ministers in Cairo on 12 March 2025. The English one carries Egypt's statement
//! that a dam agreement was discussed, the Arabic one an Ethiopian official's denial. Both must
//! land in one event, and the comparator must pair the two claims across languages as a denial.

use claimdiff::model::Report;

mod common;

fn run() -> Report {
    let (report, problems, docs) = common::report_of_path("tests/data/bilingual");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(docs, 2);
    report
}

fn lang_of<'a>(r: &'a Report, doc: &str) -> &'a str {
    r.documents
        .iter()
        .find(|d| d.id == doc)
        .and_then(|d| d.language.as_deref())
        .unwrap_or("")
}

#[test]
fn each_article_is_read_in_its_own_language() {
    let r = run();
    let mut langs: Vec<&str> = r
        .documents
        .iter()
        .filter_map(|d| d.language.as_deref())
        .collect();
    langs.sort();
    assert_eq!(langs, ["ar", "en"]);
}

#[test]
fn both_articles_make_one_event() {
    let r = run();
    let egypt = r
        .claims
        .iter()
        .find(|c| {
            lang_of(&r, &c.doc) == "en"
                && c.speaker.parties == ["EG"]
                && c.topics.iter().any(|t| t == "water")
        })
        .expect("the Egyptian statement on the dam");
    let ethiopia = r
        .claims
        .iter()
        .find(|c| lang_of(&r, &c.doc) == "ar" && c.speaker.parties == ["ET"])
        .expect("the Ethiopian denial");
    assert_eq!(ethiopia.stance.name(), "deny");
    assert!(egypt.event.is_some(), "{egypt:?}");
    assert_eq!(egypt.event, ethiopia.event, "events: {:?}", r.events);
    let event = r
        .events
        .iter()
        .find(|e| Some(&e.id) == egypt.event.as_ref())
        .expect("the event");
    let docs: std::collections::BTreeSet<&str> = r
        .claims
        .iter()
        .filter(|c| c.event.as_ref() == Some(&event.id))
        .map(|c| c.doc.as_str())
        .collect();
    assert_eq!(docs.len(), 2, "claims from both articles: {docs:?}");
}

#[test]
fn the_denial_is_found_across_languages() {
    let r = run();
    let lang = |id: &String| {
        let c = r
            .claims
            .iter()
            .find(|c| &c.id == id)
            .expect("finding claim");
        lang_of(&r, &c.doc)
    };
    let cross = r.findings.iter().find(|f| {
        f.kind.name() == "denial"
            && f.a
                .claims
                .iter()
                .chain(&f.b.claims)
                .any(|c| lang(c) == "en")
            && f.a
                .claims
                .iter()
                .chain(&f.b.claims)
                .any(|c| lang(c) == "ar")
    });
    let f = cross.unwrap_or_else(|| panic!("no cross-language denial: {:?}", r.findings));
    let mut parties: Vec<&str> =
        f.a.parties
            .iter()
            .chain(&f.b.parties)
            .map(String::as_str)
            .collect();
    parties.sort();
    assert_eq!(parties, ["EG", "ET"]);
}
