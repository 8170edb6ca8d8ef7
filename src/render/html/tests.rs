//! Unit tests of the HTML report on a hand-built report (no browser): escaping, the policy,
//! text direction, bidi controls, and the speaker and cue marks.

use super::highlight::Mark;
use super::*;
use crate::model::{Content, Cue, Document, EventStatus, Side, Span, Speaker, SpeakerKind, Stance};

/// An Arabic sentence whose speaker name carries markup, quotes, an ampersand and U+202E.
fn report() -> Report {
    let text = "وقال وزير الخارجية إن الاجتماع كان بناء.";
    let cue = Span::new(1, 4);
    let speaker = Span::new(5, 18);
    let claim = Claim {
        id: "d1:0".into(),
        doc: "d1".into(),
        span: Span::new(0, text.chars().count()),
        text: text.into(),
        speaker: Speaker {
            text: "وزير الخارجية".into(),
            span: Some(speaker),
            name: "<b>Ali</b> & \"Omar\" 'x' \u{202E}evil".into(),
            kind: SpeakerKind::Person,
            parties: vec!["EG".into()],
            affiliation: None,
        },
        cue: Cue {
            text: "قال".into(),
            span: cue,
            lemma: "قال".into(),
        },
        content: Content {
            text: "الاجتماع كان بناء".into(),
            span: Span::new(23, 40),
            quoted: false,
        },
        stance: Stance::Positive,
        topics: vec![],
        event: Some("e1".into()),
        rule: "r".into(),
        why: "w".into(),
    };
    let mut other = claim.clone();
    other.id = "d2:0".into();
    other.doc = "d2".into();
    let side = |id: &str| Side {
        parties: vec!["EG".into()],
        speakers: vec![],
        claims: vec![id.into()],
    };
    Report {
        documents: vec![doc("d1", "ar"), doc("d2", "en")],
        events: vec![Event {
            id: "e1".into(),
            label: "Cairo talks \u{202E}x".into(),
            location: Some("cairo".into()),
            date: None,
            parties: vec!["EG".into(), "SY".into()],
            level: vec![],
            format: None,
            status: EventStatus::Held,
            mentions: vec![],
            claims: vec!["d1:0".into(), "d2:0".into()],
            why: vec![],
        }],
        findings: vec![Finding {
            id: "f1".into(),
            kind: ConflictKind::Denial,
            event: Some("e1".into()),
            score: 0.8,
            a: side("d1:0"),
            b: side("d2:0"),
            rule: "denial".into(),
            why: "a < b & c".into(),
        }],
        claims: vec![claim, other],
        ..Report::default()
    }
}

fn doc(id: &str, lang: &str) -> Document {
    Document {
        id: id.into(),
        path: format!("{id}.txt"),
        language: Some(lang.into()),
        ..Document::default()
    }
}

#[test]
fn escapes_names_and_strips_bidi_controls() {
    let page = page(&report());
    assert!(page.contains("&lt;b&gt;Ali&lt;/b&gt; &amp; &quot;Omar&quot; 'x' evil"));
    assert!(!page.contains("<b>Ali"));
    assert!(page.contains("a &lt; b &amp; c"));
    assert!(!page.contains('\u{202E}'), "bidi override survived");
}

#[test]
fn policy_allows_only_our_script_and_style() {
    let page = page(&report());
    let policy = csp();
    assert!(page.contains(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">"
    )));
    assert!(policy.contains("default-src 'none'"));
    assert!(policy.contains(&format!("script-src '{}'", hash(SCRIPT))));
    assert!(!policy.contains("unsafe"));
    assert_eq!(page.matches("<script").count(), 1);
    assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
}

#[test]
fn known_hash_of_empty_content() {
    assert_eq!(
        hash(""),
        "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
    );
}

#[test]
fn excerpts_follow_document_direction() {
    let page = page(&report());
    assert!(page.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(page.contains("<blockquote class=\"excerpt\" dir=\"rtl\" lang=\"ar\">"));
    assert!(page.contains("<blockquote class=\"excerpt\" dir=\"ltr\" lang=\"en\">"));
}

#[test]
fn marks_speaker_and_cue() {
    let page = page(&report());
    assert!(page.contains(
        "و<mark class=\"cue\">قال</mark> <mark class=\"speaker\">وزير الخارجية</mark> إن"
    ));
    assert_eq!(page.matches("class=\"finding ").count(), 1);
    assert!(page.contains("data-kind=\"denial\" data-score=\"0.80\""));
}

#[test]
fn mismatched_spans_give_no_marks() {
    let mut c = report().claims.remove(0);
    c.span = Span::new(0, 3);
    let runs = highlight::runs(&c);
    assert_eq!(runs, vec![(Mark::Plain, c.text.to_string())]);
}
