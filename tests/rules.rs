//! The rule files: they load, every example they carry gives what it says, every file under
//! rules/ is registered, and errors in a broken folder are reported with their position.

use claimdiff::pipeline::examples;
use claimdiff::rules::{RuleSet, load};

mod common;

#[test]
fn built_in_rules_load_and_every_example_passes() {
    let rules = RuleSet::embedded().unwrap_or_else(|e| {
        panic!(
            "{}",
            e.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert!(
        rules.examples.len() >= 25,
        "only {} claim examples",
        rules.examples.len()
    );
    assert!(!rules.conflict_examples.is_empty());
    let failures = examples::run_all(&rules);
    assert!(
        failures.is_empty(),
        "{}",
        failures
            .iter()
            .map(|f| f.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn every_rule_file_is_registered() {
    let mut found = Vec::new();
    let mut stack = vec![std::path::PathBuf::from("rules")];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("rules folder") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "toml") {
                found.push(
                    p.strip_prefix("rules")
                        .expect("under rules")
                        .to_string_lossy()
                        .replace('\\', "/"),
                );
            }
        }
    }
    for f in &found {
        assert!(
            load::FILES.iter().any(|(r, _)| r == f),
            "{f} is not in rules::load::FILES"
        );
    }
    assert_eq!(found.len(), load::FILES.len());
}

#[test]
fn the_embedded_files_are_the_files_on_disk() {
    for (rel, text) in load::FILES {
        let disk = std::fs::read_to_string(format!("rules/{rel}")).expect("rule file");
        assert_eq!(&disk, text, "{rel}");
    }
}

#[test]
fn a_broken_folder_reports_every_error_with_its_position() {
    let dir = tempfile::tempdir().expect("temp dir");
    let ar = dir.path().join("ar");
    std::fs::create_dir_all(&ar).expect("mkdir");
    std::fs::write(
        ar.join("cues.toml"),
        "[[cue]]\nlemma = \"قال\"\nstance = \"shout\"\n",
    )
    .expect("write");
    let registry = dir.path().join("common");
    std::fs::create_dir_all(&registry).expect("mkdir");
    std::fs::write(
        registry.join("states.toml"),
        "[[state]]\nparty = \"tr\"\nname = \"Turkey\"\nnames.ar = [\"تركيا\", \"تركيا\"]\n",
    )
    .expect("write");
    std::fs::write(registry.join("people.toml"), "[[person]\nname = 1\n").expect("write");
    let errors = RuleSet::from_dir(dir.path()).expect_err("broken rules are refused");
    let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    let has = |file: &str, line: usize, what: &str| {
        text.iter()
            .any(|t| t.contains(&format!("{file}:{line}:")) && t.contains(what))
    };
    assert!(has("cues.toml", 3, "shout"), "{text:#?}");
    assert!(has("states.toml", 2, "ISO 3166"), "{text:#?}");
    assert!(has("states.toml", 4, "duplicate"), "{text:#?}");
    assert!(
        text.iter().any(|t| t.contains("people.toml:1:")),
        "{text:#?}"
    );
}

#[test]
fn a_user_folder_adds_a_verb_without_touching_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("ar")).expect("mkdir");
    let base = std::fs::read_to_string("rules/ar/cues.toml").expect("cues");
    let extra = "\n[[cue]]\nlemma = \"غرد\"\nstance = \"assert\"\npast = [\"غرد\"]\n[[cue.example]]\ntext = \"وغردت وزارة الخارجية الأردنية بأن الوفد وصل.\"\nparties = [\"JO\"]\n";
    std::fs::write(dir.path().join("ar/cues.toml"), base + extra).expect("write");
    let rules = RuleSet::from_dir(dir.path()).expect("rules load");
    let failures = examples::run_all(&rules);
    assert!(failures.is_empty(), "{failures:?}");
    let doc = claimdiff::corpus::Input {
        doc: Default::default(),
        text: "وغردت وزارة الخارجية الأردنية بأن الوفد وصل.".into(),
    };
    let with = common::report_with(vec![doc.clone()], &rules);
    assert_eq!(with.claims.len(), 1);
    assert_eq!(common::report(vec![doc]).claims.len(), 0);
}

#[test]
fn month_abbreviations_are_read_off_the_month_names() {
    let rules = &common::RULES;
    let en = &rules.lang("en").month_abbreviations;
    for m in [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ] {
        assert!(en.iter().any(|a| a == m), "{m} in {en:?}");
    }
    assert!(!en.iter().any(|a| a == "june" || a == "march"), "{en:?}");
    assert!(
        rules.lang("ar").month_abbreviations.is_empty(),
        "{:?}",
        rules.lang("ar").month_abbreviations
    );
}

/// The registry files and the fields of an entry that hold its forms per language.
const REGISTRY: &[(&str, &str, &[&str])] = &[
    (
        "states",
        "state",
        &["names", "seats", "adjectives", "forms"],
    ),
    ("people", "person", &["forms"]),
    ("outlets", "outlet", &["forms"]),
    ("places", "place", &["forms"]),
    ("topics", "topic", &["stems", "phrases"]),
];

#[test]
fn every_registry_entry_has_forms_in_every_language_or_says_why() {
    for (file, table, fields) in REGISTRY {
        let path = format!("rules/common/{file}.toml");
        let text = std::fs::read_to_string(&path).expect("registry file");
        let doc: toml::Table = text.parse().expect("registry parses");
        let entries = doc[*table].as_array().expect("entries");
        assert!(entries.len() > 10, "{path}");
        for e in entries {
            for lang in ["ar", "en"] {
                let has = fields.iter().any(|f| {
                    e.get(*f)
                        .and_then(|m| m.get(lang))
                        .and_then(|v| v.as_array())
                        .is_some_and(|v| !v.is_empty())
                });
                let why = e
                    .get("missing")
                    .and_then(|m| m.get(lang))
                    .and_then(|v| v.as_str())
                    .is_some_and(|w| !w.trim().is_empty());
                assert!(
                    has != why,
                    "{path}: {e:?} in {lang}: forms {has}, reason {why}"
                );
            }
        }
    }
}

/// The rule set of a folder holding one registry file.
fn with_people(text: &str) -> Result<RuleSet, Vec<claimdiff::rules::RuleError>> {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("common")).expect("mkdir");
    std::fs::write(dir.path().join("common/people.toml"), text).expect("write");
    RuleSet::from_dir(dir.path())
}

#[test]
fn a_registry_entry_without_a_language_is_refused_unless_it_says_why() {
    let entry =
        "[[person]]\nname = \"Invented Name\"\nparty = \"JO\"\nforms.ar = [\"فلان الفلاني\"]\n";
    let errors = with_people(entry).expect_err("no English form and no reason");
    let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert!(
        text.iter()
            .any(|t| t.contains("common/people.toml:2:") && t.contains("no form in 'en'")),
        "{text:#?}"
    );
    let said = format!("{entry}missing.en = \"not reported in English\"\n");
    let rules = with_people(&said).expect("a reason is enough");
    let ar = rules.lang("ar");
    assert!(ar.people.iter().any(|p| p.name == "Invented Name"));
    let unknown = format!("{entry}forms.en = [\"Invented Name\"]\nforms.fr = [\"Nom Inventé\"]\n");
    let errors = with_people(&unknown).expect_err("no French rules");
    assert!(
        errors
            .iter()
            .any(|e| e.message.contains("unknown language 'fr'")),
        "{errors:#?}"
    );
}

#[test]
fn the_language_folder_decides_how_stems_are_inflected() {
    // the same cue stem, with the built-in tables and with a folder whose morphology.toml
    // conjugates past stems for the masculine singular only
    let rules = with_line_replaced(
        "ar/morphology.toml",
        "past = [\"\", \"ت\", \"ا\", \"تا\", \"وا\", \"ن\", \"نا\"]",
        "past = [\"\"]",
    );
    let doc = |text: &str| claimdiff::corpus::Input {
        doc: Default::default(),
        text: text.into(),
    };
    let feminine = "وأعلنت الحكومة العمانية أن الجولة انتهت.";
    let masculine = "وأعلن الوزير العماني أن الجولة انتهت.";
    assert_eq!(common::report(vec![doc(feminine)]).claims.len(), 1);
    assert_eq!(
        common::report_with(vec![doc(feminine)], &rules)
            .claims
            .len(),
        0
    );
    assert_eq!(
        common::report_with(vec![doc(masculine)], &rules)
            .claims
            .len(),
        1
    );
}

#[test]
fn a_user_folder_adds_a_title_whose_dot_ends_no_sentence() {
    // "Amb." is no built-in title: its dot ends the sentence and the claim loses its speaker's
    // name; listed in segment.toml's abbreviations, the sentence holds together
    let rules = with_line_replaced(
        "en/segment.toml",
        "abbreviations = [\"mr\",",
        "abbreviations = [\"amb\", \"mr\",",
    );
    let prepared = |r: &RuleSet| {
        claimdiff::text::prepare("Amb. Lena Okafor said the envoys met twice.", r.lang("en"))
            .sentences
            .len()
    };
    let built_in = RuleSet::embedded().expect("built-in rules");
    assert_eq!(prepared(&built_in), 2);
    assert_eq!(prepared(&rules), 1);
}

/// The built-in rules with one built-in file replaced by a copy in which `from` reads `to`
/// (the copy is checked to differ, so the test fails when the line moves).
fn with_line_replaced(rel: &str, from: &str, to: &str) -> RuleSet {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(rel);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    let base = std::fs::read_to_string(format!("rules/{rel}")).expect("built-in file");
    let changed = base.replace(from, to);
    assert_ne!(changed, base, "'{from}' is not in rules/{rel}");
    std::fs::write(&path, format!("replace = true\n{changed}")).expect("write");
    RuleSet::from_dir(dir.path()).expect("rules load")
}
