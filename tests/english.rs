//! English sentences written for these tests (not taken from articles), one per quotation shape:
//! quote first with the cue after it, a quote split around its attribution, "X said that",
//! "X said", "according to X" before and after its content, a colon before a quotation, a relay
//! ("quoted X as saying") and speakers named in an earlier sentence (pronouns, "the minister").
//! Each case checks the speaker's states, the cue, the stance and a phrase of the content.

use claimdiff::corpus::Input;
use claimdiff::model::{Claim, Document, Report};

mod common;

use common::analyze_en as analyze;

/// One expected claim: which claim of the text (0 = first), speaker parties, cue lemma, stance,
/// a phrase the content must contain.
struct Case {
    text: &'static str,
    nth: usize,
    parties: &'static [&'static str],
    lemma: &'static str,
    stance: &'static str,
    content: &'static str,
}

const fn case(
    text: &'static str,
    parties: &'static [&'static str],
    lemma: &'static str,
    stance: &'static str,
    content: &'static str,
) -> Case {
    Case {
        text,
        nth: 0,
        parties,
        lemma,
        stance,
        content,
    }
}

const fn second(
    text: &'static str,
    parties: &'static [&'static str],
    lemma: &'static str,
    stance: &'static str,
    content: &'static str,
) -> Case {
    Case {
        nth: 1,
        ..case(text, parties, lemma, stance, content)
    }
}

const CASES: &[Case] = &[
    // quote first, cue after
    case(
        "\"We discussed the return of refugees in detail,\" Lavrov said.",
        &["RU"],
        "say",
        "assert",
        "return of refugees",
    ),
    case(
        "\"The meeting was constructive and useful,\" the Turkish defence minister said.",
        &["TR"],
        "say",
        "positive",
        "constructive and useful",
    ),
    case(
        "\"Our troops will stay until the threat is gone,\" said Erdogan.",
        &["TR"],
        "say",
        "assert",
        "troops will stay",
    ),
    case(
        "\"No agreement was reached on the border,\" an Iraqi official told Reuters.",
        &["IQ"],
        "tell",
        "assert",
        "No agreement was reached",
    ),
    // a quote split around its attribution
    case(
        "\"We discussed security in the north,\" Lavrov said, \"and we agreed to meet again in Moscow.\"",
        &["RU"],
        "say",
        "assert",
        "agreed to meet again",
    ),
    case(
        "\"The talks were positive,\" Cavusoglu said, \"but a lot of work remains.\"",
        &["TR"],
        "say",
        "positive",
        "a lot of work remains",
    ),
    // X said that ...
    case(
        "Egypt's foreign minister said that the talks had focused on water security.",
        &["EG"],
        "say",
        "assert",
        "the talks had focused on water security",
    ),
    case(
        "Turkey's defence ministry said on Tuesday that the four ministers discussed normalisation.",
        &["TR"],
        "say",
        "assert",
        "the four ministers discussed normalisation",
    ),
    case(
        "Russian Foreign Minister Sergei Lavrov told reporters in Moscow that the meeting would take place soon.",
        &["RU"],
        "tell",
        "assert",
        "the meeting would take place soon",
    ),
    case(
        "Iran and Turkey said that the ceasefire must hold.",
        &["IR", "TR"],
        "say",
        "assert",
        "the ceasefire must hold",
    ),
    case(
        "The Turkish and Russian defence ministries announced that joint patrols would resume.",
        &["RU", "TR"],
        "announce",
        "assert",
        "joint patrols would resume",
    ),
    // X said ... (no "that")
    case(
        "Damascus says the Turkish presence in the north is an occupation.",
        &["SY"],
        "say",
        "assert",
        "the Turkish presence in the north is an occupation",
    ),
    case(
        "The Kremlin said Putin and Erdogan would speak by phone next week.",
        &["RU"],
        "say",
        "assert",
        "Putin and Erdogan would speak by phone",
    ),
    case(
        "U.S. officials said the strikes hit weapons depots.",
        &["US"],
        "say",
        "assert",
        "the strikes hit weapons depots",
    ),
    // according to X, before and after the content
    case(
        "According to Anadolu, the ministers discussed the fight against terrorism.",
        &["TR"],
        "according to",
        "assert",
        "the fight against terrorism",
    ),
    case(
        "The talks touched on the withdrawal of foreign forces, according to a Syrian official.",
        &["SY"],
        "according to",
        "assert",
        "withdrawal of foreign forces",
    ),
    // a colon before a quotation
    case(
        "The ministry of foreign affairs of Egypt said in a statement: \"The two sides agreed to continue dialogue.\"",
        &["EG"],
        "say",
        "assert",
        "agreed to continue dialogue",
    ),
    case(
        "The Saudi foreign minister wrote on X: \"We welcome every step toward peace.\"",
        &["SA"],
        "state",
        "positive",
        "every step toward peace",
    ),
    // relay: an outlet quotes a speaker
    case(
        "State news agency SANA quoted Mekdad as saying that Turkey must withdraw its forces.",
        &["SY"],
        "quote",
        "assert",
        "Turkey must withdraw its forces",
    ),
    // stance from the cue
    case(
        "A Syrian official denied that normalisation was on the agenda.",
        &["SY"],
        "deny",
        "deny",
        "normalisation was on the agenda",
    ),
    case(
        "Moscow welcomed the decision to reopen the border crossing.",
        &["RU"],
        "welcome",
        "positive",
        "reopen the border crossing",
    ),
    case(
        "Ankara condemned the attack on its observation post.",
        &["TR"],
        "condemn",
        "negative",
        "the attack on its observation post",
    ),
    case(
        "Iran's foreign ministry spokesman criticised the new sanctions.",
        &["IR"],
        "condemn",
        "negative",
        "the new sanctions",
    ),
    case(
        "Syria's foreign minister called for the withdrawal of all Turkish troops.",
        &["SY"],
        "demand",
        "demand",
        "withdrawal of all Turkish troops",
    ),
    case(
        "The Iraqi prime minister expressed hope that the dialogue would continue.",
        &["IQ"],
        "hope",
        "hope",
        "the dialogue would continue",
    ),
    case(
        "Israel claimed that the convoy carried weapons to Lebanon.",
        &["IL"],
        "allege",
        "allege",
        "the convoy carried weapons",
    ),
    case(
        "Russia proposed holding the next round of talks in Astana.",
        &["RU"],
        "propose",
        "propose",
        "the next round of talks",
    ),
    case(
        "Turkish President Recep Tayyip Erdoğan promised to protect the border towns.",
        &["TR"],
        "promise",
        "promise",
        "protect the border towns",
    ),
    case(
        "Qatar's emir warned that escalation would hurt the whole region.",
        &["QA"],
        "warn",
        "assert",
        "escalation would hurt the whole region",
    ),
    case(
        "The Jordanian foreign minister described the summit as fruitful.",
        &["JO"],
        "describe",
        "positive",
        "the summit as fruitful",
    ),
    case(
        "The Egyptian foreign ministry stressed the need for a binding agreement on the dam.",
        &["EG"],
        "stress",
        "demand",
        "a binding agreement on the dam",
    ),
    case(
        "Beijing rejected the accusations as baseless.",
        &["CN"],
        "deny",
        "deny",
        "the accusations as baseless",
    ),
    // a speaker named in the sentence before
    second(
        "Lavrov said the talks had been useful. He added that a new round would follow.",
        &["RU"],
        "add",
        "assert",
        "a new round would follow",
    ),
    case(
        "Mevlüt Çavuşoğlu met his counterpart in Ankara. \"We have no plan to leave,\" he said.",
        &["TR"],
        "say",
        "assert",
        "no plan to leave",
    ),
    second(
        "Turkey's defence ministry said the meeting was constructive. The ministry added that it would continue talks.",
        &["TR"],
        "add",
        "assert",
        "it would continue talks",
    ),
    second(
        "Syrian Foreign Minister Faisal Mekdad said Damascus wanted guarantees. The minister also said the border must be secured.",
        &["SY"],
        "say",
        "assert",
        "the border must be secured",
    ),
    second(
        "Iranian officials said the nuclear file was not discussed. They insisted on the lifting of sanctions.",
        &["IR"],
        "insist",
        "demand",
        "the lifting of sanctions",
    ),
    // open-class speakers: a name no lexicon knows, beside the office that gives its state
    case(
        "Jordan's foreign ministry spokesperson Rami Nassar said the crossing would reopen on Sunday.",
        &["JO"],
        "say",
        "assert",
        "the crossing would reopen",
    ),
    case(
        "Bahrain's ambassador to Egypt, Khalil Nouri, blamed the other side for the delay.",
        &["BH"],
        "accuse",
        "negative",
        "the other side",
    ),
    case(
        "The Algerian ambassador, who arrived in the capital on Sunday, said the visit would last two days.",
        &["DZ"],
        "say",
        "assert",
        "the visit would last",
    ),
    // a description takes the state of its earlier full mention, in narration too
    case(
        "Kuwait's special envoy met both delegations on Monday. The envoy said the ceasefire would hold.",
        &["KW"],
        "say",
        "assert",
        "the ceasefire would hold",
    ),
    // stance from the content of a plain statement
    case(
        "A Qatari official said the round of talks was not successful.",
        &["QA"],
        "say",
        "negative",
        "not successful",
    ),
    case(
        "The Iraqi foreign ministry said there were no direct talks with the other side.",
        &["IQ"],
        "say",
        "deny",
        "no direct talks",
    ),
    // a trailing attribution ends at the comma after its cue
    case(
        "The talks will resume next week, an Omani official said, with both delegations in Muscat.",
        &["OM"],
        "say",
        "assert",
        "The talks will resume",
    ), // a leader's name before a body says whose body it is; a phrase ends with its head
    case(
        "The Erdogan government said the border crossing would reopen.",
        &["TR"],
        "say",
        "assert",
        "the border crossing would reopen",
    ),
    case(
        "A senior Biden administration official said the sanctions would stay.",
        &["US"],
        "say",
        "assert",
        "the sanctions would stay",
    ),
    // an attachment with its article: "an official in the ... administration"
    case(
        "The round ended without a deal, an official in the Biden administration told reporters.",
        &["US"],
        "tell",
        "assert",
        "The round ended without a deal",
    ),
    case(
        "The call was brief, a source from the Jordanian foreign ministry said.",
        &["JO"],
        "say",
        "assert",
        "The call was brief",
    ),
    // a clause after "whereas" has its own speaker: a leader and his aides
    Case {
        text: "Qatar had said all along that the talks would be indirect, whereas Biden and his aides had pushed for direct talks.",
        nth: 1,
        parties: &["US"],
        lemma: "demand",
        stance: "demand",
        content: "direct talks",
    },
    // an article and an unknown adjective before an unnamed source, after a relay verb
    case(
        "Iraqi media quoted a diplomatic source as saying the meeting had been postponed.",
        &[],
        "quote",
        "assert",
        "the meeting had been postponed",
    ),
    // a cue form before its agent is a participle: no second statement, no praise
    case(
        "The Omani foreign minister said Iraq had turned down a plan supported by Kuwait.",
        &["OM"],
        "say",
        "assert",
        "turned down a plan",
    ),
    // "US" written so is the United States
    case(
        "The talks ended without a date for the next round, US media reported.",
        &["US"],
        "state",
        "assert",
        "The talks ended",
    ),
    // a contrast word between commas is an aside, not the start of a new clause
    case(
        "The Kuwaiti foreign ministry, however, said the proposal was unacceptable.",
        &["KW"],
        "say",
        "negative",
        "the proposal was unacceptable",
    ),
    // "the office of the Jordanian king" is an office, of Jordan
    case(
        "The office of the Jordanian king, however, sought to minimise the envoy's claim of progress.",
        &["JO"],
        "deny",
        "deny",
        "the envoy's claim",
    ),
    // "the statement" is the one the narration had a body issue since the last claim
    Case {
        text: "A Qatari official said the talks were long. The Kuwaiti foreign ministry issued a statement on Sunday. According to the statement, the delegations agreed on a second round.",
        nth: 1,
        parties: &["KW"],
        lemma: "according to",
        stance: "assert",
        content: "a second round",
    },
];

fn show(r: &Report) -> String {
    r.claims
        .iter()
        .map(|c: &Claim| {
            format!(
                "[{} {:?} {} {} '{}']",
                c.speaker.name,
                c.speaker.parties,
                c.cue.lemma,
                c.stance.name(),
                c.content.text
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn english_sentences_yield_their_claims() {
    assert!(CASES.len() >= 30, "the battery has {} cases", CASES.len());
    let mut failures = Vec::new();
    for c in CASES {
        let r = analyze(c.text);
        let Some(claim) = r.claims.get(c.nth) else {
            failures.push(format!("{}\n  no claim #{}: {}", c.text, c.nth, show(&r)));
            continue;
        };
        let mut bad = Vec::new();
        if claim.speaker.parties != c.parties {
            bad.push(format!("parties {:?}", claim.speaker.parties));
        }
        if claim.cue.lemma != c.lemma {
            bad.push(format!("cue {}", claim.cue.lemma));
        }
        if claim.stance.name() != c.stance {
            bad.push(format!("stance {}", claim.stance.name()));
        }
        if !claim.content.text.contains(c.content) {
            bad.push(format!("content '{}'", claim.content.text));
        }
        if !bad.is_empty() {
            failures.push(format!(
                "{}\n  {}\n  all: {}",
                c.text,
                bad.join(", "),
                show(&r)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn quote_before_the_cue_is_the_content_and_the_span_covers_all() {
    let text = "\"We discussed the border,\" Lavrov said.";
    let r = analyze(text);
    assert_eq!(r.claims.len(), 1, "{}", show(&r));
    let c = &r.claims[0];
    assert_eq!(c.content.text, "\"We discussed the border,\"");
    assert!(c.content.quoted);
    assert_eq!(c.speaker.name, "Sergey Lavrov");
    let chars: Vec<char> = text.chars().collect();
    let span: String = chars[c.span.start..c.span.end].iter().collect();
    assert_eq!(span, "\"We discussed the border,\" Lavrov said");
}

#[test]
fn narration_and_quoted_cues_make_no_claims() {
    for text in [
        "The foreign ministers met in Cairo on Tuesday.",
        "The summit was called by Moscow last month.",
        "Exit mobile version",
    ] {
        let r = analyze(text);
        assert!(r.claims.is_empty(), "{text}: {}", show(&r));
    }
    // the cue inside the quotation is not a claim of its own
    let r = analyze("\"Russia said it would help,\" Cavusoglu said.");
    assert_eq!(r.claims.len(), 1, "{}", show(&r));
    assert_eq!(r.claims[0].speaker.parties, ["TR"]);
}

#[test]
fn pronouns_take_the_last_speaker_of_their_kind() {
    let r = analyze(
        "Lavrov said the talks went well. The Turkish foreign ministry said the talks failed. \
         He added that Moscow was ready. It added that Ankara was ready.",
    );
    let names: Vec<&str> = r.claims.iter().map(|c| c.speaker.name.as_str()).collect();
    assert_eq!(names.len(), 4, "{}", show(&r));
    assert_eq!(names[2], "Sergey Lavrov");
    assert_eq!(r.claims[3].speaker.parties, ["TR"]);
}

#[test]
fn english_names_resolve_to_the_arabic_canonical_names() {
    let r = analyze("Sergei Lavrov said the talks went well. Çavuşoğlu said the talks failed.");
    let names: Vec<&str> = r.claims.iter().map(|c| c.speaker.name.as_str()).collect();
    assert_eq!(names, ["Sergey Lavrov", "Mevlut Cavusoglu"]);
}

#[test]
fn metadata_language_or_script_picks_english() {
    let input = Input {
        doc: Document {
            id: "d".into(),
            path: "d".into(),
            ..Default::default()
        },
        text: "Egypt's foreign minister said the talks were positive.".into(),
    };
    let r = claimdiff::analyze_document(&input, &common::RULES);
    assert_eq!(r.doc.language.as_deref(), Some("en"));
    assert_eq!(r.claims.len(), 1);
}

#[test]
fn an_english_sentence_in_an_arabic_article_uses_english_rules() {
    let text = "قال وزير الخارجية المصري إن المحادثات كانت بناءة.\nThe Ethiopian foreign ministry denied that the dam was discussed.";
    let input = Input {
        doc: Document {
            id: "m".into(),
            path: "m".into(),
            language: Some("ar".into()),
            ..Default::default()
        },
        text: text.into(),
    };
    let r = claimdiff::analyze_document(&input, &common::RULES);
    assert_eq!(r.claims.len(), 2, "{:?}", r.claims);
    assert_eq!(r.claims[0].speaker.parties, ["EG"]);
    assert_eq!(r.claims[1].speaker.parties, ["ET"]);
    assert_eq!(r.claims[1].stance.name(), "deny");
}

#[test]
fn a_trailing_attribution_names_who_said_the_clause_before_it() {
    // no claim before it: the clause is the attribution's content
    let r = analyze("Israeli jets struck targets near Damascus overnight, the Syrian army said.");
    assert_eq!(r.claims.len(), 1, "{}", show(&r));
    assert_eq!(r.claims[0].speaker.parties, ["SY"]);
    assert_eq!(
        r.claims[0].content.text,
        "Israeli jets struck targets near Damascus overnight"
    );
    // a claim already made in the clause ends at the comma, and no second claim is made
    let r = analyze(
        "The U.S. State Department denied reports that a deal had been reached, a spokesperson said.",
    );
    assert_eq!(r.claims.len(), 1, "{}", show(&r));
    assert_eq!(r.claims[0].content.text, "a deal had been reached");
    let r = analyze(
        "Saudi Arabia welcomed the ceasefire announcement, the kingdom's foreign ministry said in a statement.",
    );
    assert_eq!(r.claims.len(), 1, "{}", show(&r));
    assert_eq!(r.claims[0].content.text, "the ceasefire announcement");
    // an attribution that opens content of its own is a claim of its own
    let r = analyze(
        "Talks resumed in Doha, the Qatari foreign ministry said, adding that both delegations attended.",
    );
    assert!(
        r.claims.iter().any(|c| c.speaker.parties == ["QA"]),
        "{}",
        show(&r)
    );
}

#[test]
fn a_description_refers_back_to_a_speaker_of_its_level() {
    let r = analyze(
        "Russian President Vladimir Putin said the talks were useful. Foreign Minister Sergei Lavrov said a new round was possible. The president added that sanctions must end.",
    );
    let names: Vec<&str> = r.claims.iter().map(|c| c.speaker.name.as_str()).collect();
    assert_eq!(names, ["Vladimir Putin", "Sergey Lavrov", "Vladimir Putin"]);
}

#[test]
fn the_same_officials_refer_back_to_the_whole_earlier_phrase() {
    let r = analyze(
        "Oman will host the next round, according to Kuwaiti and British officials. Should the militia withdraw, aid could resume within weeks, the same officials said.",
    );
    assert_eq!(r.claims.len(), 2, "{}", show(&r));
    let mut parties = r.claims[1].speaker.parties.clone();
    parties.sort();
    assert_eq!(parties, ["GB", "KW"], "{}", r.claims[1].why);
}

#[test]
fn a_state_body_without_its_state_in_a_state_agency_report_is_that_states() {
    let r = analyze(
        "Talks end without a deal\n\nTehran, IRNA – The foreign ministry said the talks had been useful. The government's team will not attend another round, a spokesman said.",
    );
    assert!(!r.claims.is_empty(), "{}", show(&r));
    for c in &r.claims {
        assert_eq!(c.speaker.parties, ["IR"], "{}", c.why);
    }
    // an agency that speaks for no state gives none
    let r = analyze(
        "Talks end without a deal\n\nTehran (Reuters) - The foreign ministry said the talks had been useful.",
    );
    assert!(
        r.claims.iter().all(|c| c.speaker.parties.is_empty()),
        "{}",
        show(&r)
    );
}

#[test]
fn the_statement_speaks_for_the_body_that_issued_it() {
    let r = analyze(
        "In a statement released after the talks, the Kremlin thanked the Sultanate of Oman for its help. According to the statement, both sides agreed to meet again.",
    );
    let last = r.claims.last().expect("a claim");
    assert!(
        last.content.text.contains("agreed to meet again"),
        "{}",
        show(&r)
    );
    assert_eq!(last.speaker.parties, ["RU"], "{}", last.why);
}

#[test]
fn adverbs_of_several_words_may_stand_between_the_subject_and_its_cue() {
    let r = analyze(
        "Kuwait in turn welcomed the deal. Jordan for its part said the talks had stalled.",
    );
    let parties: Vec<&[String]> = r
        .claims
        .iter()
        .map(|c| c.speaker.parties.as_slice())
        .collect();
    assert_eq!(
        parties,
        [["KW".to_string()], ["JO".to_string()]],
        "{}",
        show(&r)
    );
    assert_eq!(r.claims[0].stance.name(), "positive");
}

#[test]
fn a_pronoun_finds_its_speaker_a_few_sentences_back() {
    let r = analyze(
        "The Kuwaiti minister addressed reporters after the talks. He had the pledge of the militia in mind. \"We will not attend another round\" until the prisoners are freed, he stressed.",
    );
    assert_eq!(r.claims.len(), 1, "{}", show(&r));
    assert_eq!(r.claims[0].speaker.parties, ["KW"], "{}", r.claims[0].why);
}

#[test]
fn an_outlets_cited_sources_speak_through_it() {
    let r = analyze(
        "According to the Wall Street Journal, citing Kuwaiti officials, the deal is close.",
    );
    assert_eq!(r.claims.len(), 1, "{}", show(&r));
    assert_eq!(r.claims[0].speaker.parties, ["KW"], "{}", r.claims[0].why);
    assert_eq!(r.claims[0].content.text, "the deal is close");
}

#[test]
fn a_pronoun_after_a_comma_opens_a_second_statement_of_the_same_speaker() {
    let r = analyze(
        "The Kuwaiti foreign ministry issued a statement. While the statement confirmed that the envoy had visited Doha, it rejected much of what he had said to the press.",
    );
    assert_eq!(r.claims.len(), 2, "{}", show(&r));
    assert_eq!(r.claims[0].stance.name(), "assert", "{}", r.claims[0].why);
    assert_eq!(r.claims[0].content.text, "the envoy had visited Doha");
    // the cue in "what he had said" names what is rejected: no claim of the envoy's
    assert_eq!(r.claims[1].speaker.parties, ["KW"], "{}", r.claims[1].why);
    assert_eq!(r.claims[1].stance.name(), "deny");
    let r = analyze(
        "The Omani minister said the round was long, and he added that a date for the next one had been set.",
    );
    assert_eq!(r.claims.len(), 2, "{}", show(&r));
    assert_eq!(r.claims[0].content.text, "the round was long");
}

#[test]
fn a_pronoun_for_whom_a_source_reports_on_goes_on_with_the_sources_report() {
    let r = analyze(
        "A Qatari official said the talks were long. The Kuwaiti foreign ministry issued a statement on Sunday. According to the statement, Lavrov brought up the water dispute, but he also admitted that the file had stalled.",
    );
    assert_eq!(r.claims.len(), 3, "{}", show(&r));
    // "the statement, Lavrov brought" is no apposition: the statement speaks
    assert_eq!(r.claims[1].speaker.parties, ["KW"], "{}", r.claims[1].why);
    assert_eq!(r.claims[2].speaker.parties, ["KW"], "{}", r.claims[2].why);
    assert!(
        r.claims[2].content.text.contains("the file had stalled"),
        "{}",
        show(&r)
    );
    // a pronoun for the source itself, or for an earlier speaker, keeps its own claim
    let r = analyze(
        "Lavrov said the talks had been useful. According to the Omani foreign ministry, the talks ended late, but he said that a date had been set.",
    );
    assert_eq!(r.claims.len(), 3, "{}", show(&r));
    assert_eq!(r.claims[2].speaker.parties, ["RU"], "{}", r.claims[2].why);
}

#[test]
fn an_office_with_its_holders_name_in_apposition_is_the_speaker() {
    for text in [
        // a name the lexicon knows, and one it does not
        "The Turkish foreign minister, Mevlut Cavusoglu, said the border talks would resume.",
        "Russia's foreign minister, Sergei Lavrov, said the border talks would resume.",
        "The Kuwaiti foreign minister, Salem Abdullah, said the border talks would resume.",
        "The border talks would resume, Oman's foreign minister, Salem Abdullah, said.",
    ] {
        let r = analyze(text);
        assert_eq!(r.claims.len(), 1, "{}", show(&r));
        assert!(
            !r.claims[0].speaker.parties.is_empty(),
            "{}",
            r.claims[0].why
        );
    }
}

#[test]
fn a_trailing_attribution_of_another_side_reports_what_the_clause_says_that_side_did() {
    // a person the lexicon knows by the full name, met again by the surname alone
    let r = analyze(
        "Spokesman Tamim Khallaf told reporters the round had ended. At the table, Kuwait dismissed the plan that Bahrain put forward, Khallaf added.",
    );
    assert_eq!(r.claims.len(), 2, "{}", show(&r));
    assert_eq!(r.claims[1].speaker.parties, ["EG"], "{}", r.claims[1].why);
    assert_eq!(r.claims[1].stance.name(), "assert", "{}", r.claims[1].why);
    let r = analyze(
        "Kuwait dismissed the plan that Bahrain put forward, the Jordanian foreign minister added.",
    );
    assert_eq!(r.claims.len(), 1, "{}", show(&r));
    assert_eq!(r.claims[0].speaker.parties, ["JO"], "{}", r.claims[0].why);
}

#[test]
fn a_leader_of_a_state_is_a_speaker() {
    let r = analyze("The Kuwaiti leader said the proposal amounted to a provocation.");
    assert_eq!(r.claims.len(), 1, "{}", show(&r));
    assert_eq!(r.claims[0].speaker.parties, ["KW"], "{}", r.claims[0].why);
}
