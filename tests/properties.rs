//! Invariants over arbitrary input (proptest): the pipeline never panics, every span of every
//! claim lies within the text and slices it to the claim's strings, the JSON export round-trips,
//! and the JSON Lines and HTML readers take any bytes without panicking.

use claimdiff::corpus::{Input, Options, jsonl, page};
use claimdiff::model::{Document, Report, Span};
use proptest::prelude::*;

mod common;

use common::RULES;

/// Pieces of news text and of trouble: cue words, names, quotes, Arabic punctuation, line ends,
/// bidi controls, emoji, diacritics and combining marks.
const PIECES: &[&str] = &[
    "قال",
    "وقال",
    "أكد",
    "نفى",
    "أعرب عن",
    "إن",
    "أن",
    "وزير الخارجية",
    "الروسي",
    "التركي",
    "سيرغي لافروف",
    "هاكان فيدان",
    "المحادثات",
    "بناءة",
    "اجتماع",
    "في موسكو",
    "يوم الأربعاء",
    "٢٢ يناير ٢٠٢٥",
    "said",
    "denied",
    "told reporters",
    "the minister",
    "Lavrov",
    "that",
    "talks in Moscow",
    "on Wednesday",
    "meeting",
    "2025-01-22",
    "“",
    "”",
    "«",
    "»",
    "\"",
    "'",
    "،",
    "؛",
    "؟",
    ".",
    ":",
    "!",
    "(",
    ")",
    "-",
    "\n",
    "\n\n",
    "\r",
    "\r\n",
    " ",
    "\t",
    "\u{a0}",
    "\u{200f}",
    "\u{200e}",
    "\u{202b}",
    "\u{202e}",
    "\u{2066}",
    "\u{2069}",
    "\u{feff}",
    "\u{200d}",
    "😀",
    "👍🏽",
    "🇷🇺",
    "\u{64e}",
    "\u{651}",
    "\u{652}",
    "\u{640}",
    "e\u{301}",
    "\u{301}",
    "ﻻ",
    "١٢",
    "3",
    "%",
    "\u{2028}",
    "\u{85}",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..120).prop_map(|v| v.join(" ").replace("  ", " "))
}

fn input(id: &str, text: &str) -> Input {
    Input {
        doc: Document {
            id: id.into(),
            path: format!("{id}.txt"),
            ..Default::default()
        },
        text: text.to_string(),
    }
}

fn slice(chars: &[char], s: Span) -> String {
    assert!(
        s.start <= s.end && s.end <= chars.len(),
        "span {s:?} outside a text of {} code points",
        chars.len()
    );
    chars[s.start..s.end].iter().collect()
}

fn check(text: &str) {
    let inputs = [input("a", text), input("b", text)];
    let report = common::report(inputs.to_vec());
    let chars: Vec<char> = text.chars().collect();
    for c in &report.claims {
        assert_eq!(slice(&chars, c.span), c.text, "claim {}", c.id);
        assert_eq!(slice(&chars, c.cue.span), c.cue.text, "cue of {}", c.id);
        assert_eq!(
            slice(&chars, c.content.span),
            c.content.text,
            "content of {}",
            c.id
        );
        if let Some(s) = c.speaker.span {
            slice(&chars, s);
        }
    }
    let ids: std::collections::BTreeSet<&str> =
        report.claims.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids.len(), report.claims.len(), "claim ids are unique");
    let json = serde_json::to_string(&report).expect("the report serializes");
    let back: Report = serde_json::from_str(&json).expect("the export reads back as a Report");
    assert_eq!(
        serde_json::to_string(&back).expect("serializes again"),
        json
    );
}

/// Claims and meetings of `text` with the head index's narrowing of tokens and its readings'
/// ids, and without either (every lookup then tried, by string).
fn with_and_without_head_index(text: &str) -> (String, String) {
    use claimdiff::text::lexicon::{READINGS, UNREAD};
    let mut out = Vec::new();
    for narrowed in [true, false] {
        let lr = RULES.lang("ar");
        let mut p = claimdiff::text::prepare(text, lr);
        if !narrowed {
            p.tokens.iter_mut().for_each(|t| {
                t.lexicons = u32::MAX;
                t.readings = [UNREAD; READINGS];
            });
        }
        let langs: Vec<_> = RULES.langs.iter().collect();
        let claims = claimdiff::extract::claims_in("d", &p, &langs);
        let events = claimdiff::events::local(&p, lr, &claims, None);
        out.push(format!("{claims:?}\n{events:?}"));
    }
    (out.remove(0), out.remove(0))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_head_index_only_skips_lookups_that_cannot_match(text in text()) {
        let (narrowed, full) = with_and_without_head_index(&text);
        prop_assert_eq!(narrowed, full);
    }

    #[test]
    fn a_claims_only_run_finds_the_claims_of_a_full_one(text in text()) {
        let doc = input("a", &text);
        let full = claimdiff::analyze_document(&doc, &RULES);
        let claims = claimdiff::analyze_stages(&doc, &RULES, claimdiff::Stages::Claims);
        prop_assert_eq!(claims.claims, full.claims);
        prop_assert!(claims.events.events.is_empty());
    }

    #[test]
    fn analysis_of_news_like_text_never_panics_and_spans_slice_the_text(text in text()) {
        check(&text);
    }

    #[test]
    fn analysis_of_any_string_never_panics(text in any::<String>()) {
        check(&text);
    }

    #[test]
    fn a_json_lines_line_of_any_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let opts = Options { lossy: bytes.first().is_some_and(|b| b & 1 == 1), max_doc_bytes: 200 };
        let _ = jsonl::parse_line("t.jsonl:1", &bytes, opts);
        jsonl::read("t.jsonl", bytes.as_slice(), opts, &mut |_| {});
    }

    #[test]
    fn a_json_lines_line_of_json_like_text_never_panics(
        line in r#"\{("(id|text|html|title|date)"|[0-9]+|"[^"]*"|[:,\[\]{} ]|\\u0000|null|true)*\}?"#
    ) {
        let _ = jsonl::parse_line("t.jsonl:1", line.as_bytes(), Options::default());
    }

    #[test]
    fn html_of_any_markup_never_panics(
        html in r#"(<(/?)(p|div|script|style|br|h1|title|meta|time|li|svg|!--|template)( [a-z]+="[^"]*")?/?>|&[a-z#0-9]*;?|[^<&]{0,8})*"#
    ) {
        let _ = page::extract(&html);
    }
}

/// Replays every input that once crashed a fuzz target (tests/data/fuzz-regressions/TARGET/).
/// A missing or empty folder fails: it would replay nothing and pass.
#[test]
fn fuzz_regressions_do_not_crash() {
    let root = std::path::Path::new("tests/data/fuzz-regressions");
    assert!(root.is_dir(), "{} is missing", root.display());
    let mut replayed = 0;
    for target in ["prepare", "analyze", "jsonl", "html"] {
        let Ok(entries) = std::fs::read_dir(root.join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("entry").path();
            let bytes = std::fs::read(&path).expect("regression input");
            let text = std::str::from_utf8(&bytes).ok();
            replayed += 1;
            match (target, text) {
                ("prepare", Some(t)) => {
                    for lang in &RULES.langs {
                        claimdiff::text::prepare(t, lang);
                    }
                }
                ("analyze", Some(t)) => check(t),
                ("html", Some(t)) => {
                    let _ = page::extract(t);
                }
                ("jsonl", _) => {
                    let opts = Options {
                        lossy: bytes.first().is_some_and(|b| b & 1 == 1),
                        max_doc_bytes: 4096,
                    };
                    let _ = jsonl::parse_line("r.jsonl:1", &bytes, opts);
                    jsonl::read("r.jsonl", bytes.as_slice(), opts, &mut |_| {});
                }
                _ => {}
            }
        }
    }
    assert!(replayed > 0, "{} holds no regression input", root.display());
}
