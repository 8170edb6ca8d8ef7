//! Dates read from text and resolved, and meetings merged (or kept apart) across articles, on
//! sentences written for these tests.

use claimdiff::corpus::Input;
use claimdiff::events::date::{self, PartialDate};
use claimdiff::model::{Document, Report};
use claimdiff::rules::RuleSet;

mod common;

fn rules() -> &'static RuleSet {
    &common::RULES
}

/// The first date expression of a text, resolved against `published`.
fn first_date(text: &str, published: Option<&str>) -> String {
    let rules = rules();
    let ar = rules.lang("ar");
    let p = claimdiff::text::prepare(text, ar);
    let pubd = published.and_then(PartialDate::parse_iso);
    let (_, e) = date::read(&p, ar, 0..p.tokens.len())
        .into_iter()
        .next()
        .expect("a date expression");
    date::resolve(&e, pubd.as_ref()).to_string()
}

#[test]
fn both_month_series_and_arabic_indic_digits() {
    assert_eq!(
        first_date("عقد الاجتماع في 11 حزيران /يونيو 2024 في بغداد.", None),
        "2024-06-11"
    );
    assert_eq!(
        first_date("عقد الاجتماع في ١١ يونيو ٢٠٢٤.", None),
        "2024-06-11"
    );
    assert_eq!(first_date("الأربعاء ٢٢ / يناير / ٢٠٢٥", None), "2025-01-22");
    assert_eq!(
        first_date("في كانون الأول/ ديسمبر 2022 التقى الوزيران.", None),
        "2022-12"
    );
    assert_eq!(first_date("وفي أيلول/سبتمبر التقى الوزيران.", None), "--09");
    assert_eq!(
        first_date("التقى الوزيران في 3 جانفي 2017 بتونس.", None),
        "2017-01-03"
    );
}

#[test]
fn relative_expressions_resolve_only_with_a_publication_date() {
    assert_eq!(
        first_date("وقال الوزير أمس إن الاجتماع كان مثمرا.", Some("2023-05-10")),
        "2023-05-09"
    );
    assert_eq!(
        first_date("وقال الوزير أمس إن الاجتماع كان مثمرا.", None),
        ""
    );
    assert_eq!(
        first_date("التقى الوفدان الأسبوع الماضي.", Some("2024-06-18")),
        "2024-06"
    );
    assert_eq!(
        first_date(
            "في أبريل / نيسان استضافت موسكو الوزراء.",
            Some("2023-05-10")
        ),
        "2023-04"
    );
    assert_eq!(
        first_date("في أيلول/سبتمبر الماضي عقدت القمة.", Some("2018-12-29")),
        "2018-09"
    );
    // a weekday alone is the latest such day up to publication, and stays a weekday without one
    assert_eq!(
        first_date("اجتمع الوزراء يوم الثلاثاء في موسكو.", Some("2023-04-27")),
        "2023-04-25"
    );
    assert_eq!(
        first_date("اجتمع الوزراء يوم الثلاثاء في موسكو.", None),
        "tuesday"
    );
}

fn analyze(docs: &[(&str, &str, Option<&str>)]) -> Report {
    let inputs: Vec<Input> = docs
        .iter()
        .map(|(id, text, published)| Input {
            doc: Document {
                id: id.to_string(),
                path: id.to_string(),
                published: published.map(str::to_string),
                ..Default::default()
            },
            text: text.to_string(),
        })
        .collect();
    common::report(inputs)
}

fn events_of(r: &Report) -> Vec<Option<String>> {
    let mut ids: Vec<Option<String>> = r
        .documents
        .iter()
        .map(|d| {
            r.claims
                .iter()
                .find(|c| c.doc == d.id)
                .and_then(|c| c.event.clone())
        })
        .collect();
    ids.dedup();
    ids
}

#[test]
fn two_outlets_reporting_one_meeting_in_different_words_make_one_event() {
    let r = analyze(&[
        (
            "a",
            "محادثات مصرية إثيوبية في الدوحة\nاستضافت الدوحة يوم الأحد محادثات بين وزيري الخارجية المصري والإثيوبي حول سد النهضة. وقال وزير الخارجية المصري إن المحادثات كانت بناءة.",
            Some("2024-03-10"),
        ),
        (
            "b",
            "لقاء في العاصمة القطرية\nاجتمع وزيرا خارجية مصر وإثيوبيا في الدوحة الأحد 10 آذار/مارس 2024. ونفى مسؤول إثيوبي أن يكون الاجتماع قد بحث أي اتفاق حول سد النهضة.",
            None,
        ),
    ]);
    let ids = events_of(&r);
    assert_eq!(
        ids.len(),
        1,
        "{ids:?} {:#?}",
        r.events.iter().map(|e| (&e.id, &e.why)).collect::<Vec<_>>()
    );
    assert!(ids[0].is_some());
}

#[test]
fn the_same_city_in_other_years_or_at_other_levels_stays_apart() {
    let r = analyze(&[
        (
            "a",
            "قمة في القاهرة\nاستضافت القاهرة في 5 آذار/مارس 2019 قمة ثلاثية لرؤساء مصر والأردن والعراق. وقال الرئيس المصري إن القمة ناجحة.",
            None,
        ),
        (
            "b",
            "اجتماع في القاهرة\nاستضافت القاهرة في 5 آذار/مارس 2023 اجتماعا لوزراء خارجية مصر والأردن والعراق. وقال وزير الخارجية الأردني إن الاجتماع مهم.",
            None,
        ),
        (
            "c",
            "لقاء عسكري في القاهرة\nاستضافت القاهرة في 5 آذار/مارس 2023 اجتماعا لوزراء دفاع مصر والأردن والعراق. وقال وزير الدفاع العراقي إن الاجتماع ركز على الحدود.",
            None,
        ),
    ]);
    let ids = events_of(&r);
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert!(ids.iter().all(Option::is_some));
}

#[test]
fn a_sentence_about_another_meeting_moves_its_claim_there() {
    let r = analyze(&[(
        "a",
        "محادثات في عمان\nاستضافت عمان يوم الخميس اجتماعا لوزراء خارجية الأردن ومصر. وقال وزير الخارجية المصري إن الاجتماع بحث الوضع في غزة. وفي كانون الثاني/يناير، استضافت القاهرة اجتماعا لوزراء الدفاع قالت إنه ركز على أمن الحدود.",
        None,
    )]);
    assert_eq!(
        r.claims.len(),
        2,
        "{:?}",
        r.claims.iter().map(|c| &c.why).collect::<Vec<_>>()
    );
    assert!(r.claims[0].event.is_some() && r.claims[1].event.is_some());
    assert_ne!(r.claims[0].event, r.claims[1].event);
}

/// The meetings of a one-document text: (id, date).
fn meetings_of(text: &str, language: &str) -> Vec<(String, Option<String>)> {
    let r = common::analyze_in(text, Some(language));
    r.events.into_iter().map(|e| (e.id, e.date)).collect()
}

#[test]
fn english_dates_with_the_month_first_keep_their_day() {
    let m = meetings_of(
        "The Russian and Turkish foreign ministers met in Moscow on March 12, 2025. Lavrov said the talks were constructive.",
        "en",
    );
    assert_eq!(m[0].1.as_deref(), Some("2025-03-12"), "{m:?}");
    // "Jan." ends no sentence, and the day after it is read
    let m = meetings_of(
        "The foreign ministers met in Ankara on Tuesday, Jan. 14. Fidan said the meeting was positive.",
        "en",
    );
    assert_eq!(m[0].1.as_deref(), Some("--01-14"), "{m:?}");
    // a number followed by a noun counts something else
    let m = meetings_of(
        "In March 25 people were hurt. The foreign ministers met in Ankara. Fidan said the meeting was positive.",
        "en",
    );
    assert!(
        m.iter().all(|(_, d)| d.as_deref() != Some("--03-25")),
        "{m:?}"
    );
}

#[test]
fn an_arabic_verb_of_meeting_describes_the_meeting() {
    let m = meetings_of(
        "اجتمع وزراء الخارجية الروسي والتركي في موسكو يوم 12 مارس 2025. وقال لافروف إن المحادثات بناءة.",
        "ar",
    );
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].0.starts_with("moscow-2025-03-12-foreign-ministers-"),
        "{m:?}"
    );
    let m = meetings_of(
        "التقى الرئيسان في أنقرة الثلاثاء 4 حزيران/يونيو 2024. وقال أردوغان إن اللقاء كان إيجابيا.",
        "ar",
    );
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].0.starts_with("ankara-2024-06-04"), "{m:?}");
}

#[test]
fn may_is_a_month_only_beside_a_number() {
    let m = meetings_of(
        "Russian and Ukrainian delegations met in Istanbul on May 16, 2025. Peskov said the talks were useful.",
        "en",
    );
    assert_eq!(m[0].1.as_deref(), Some("2025-05-16"), "{m:?}");
    let m = meetings_of(
        "The two presidents met in Ankara on 16 May 2025. Erdogan said the meeting was positive.",
        "en",
    );
    assert_eq!(m[0].1.as_deref(), Some("2025-05-16"), "{m:?}");
    // the modal verb, even before a number of something
    let m = meetings_of(
        "The foreign ministers met in Ankara. Fidan said Turkey may withdraw 300 soldiers after the meeting.",
        "en",
    );
    assert!(m.iter().all(|(_, d)| d.is_none()), "{m:?}");
}

#[test]
fn publication_dates_come_from_the_metadata_a_date_line_or_the_file_name() {
    use claimdiff::model::DateSource;
    let r = analyze(&[
        (
            "meta",
            "محادثات في الرباط\nقال وزير الخارجية المغربي إن المحادثات بناءة.",
            Some("2024-02-03"),
        ),
        (
            "line",
            "القاهرة - 12 نيسان/أبريل 2025\n\nقال وزير الخارجية المصري إن المحادثات بناءة.",
            None,
        ),
        (
            "en-line",
            "Published: 7 March 2022\n\nThe foreign minister said the talks were useful.",
            None,
        ),
        (
            "numeric",
            "[21/11/2017 07:15]\nقال وزير الخارجية الأردني إن الاجتماع مهم.",
            None,
        ),
        (
            "talks-2019-05-06-agency",
            "قال وزير الخارجية التونسي إن الاجتماع مهم.",
            None,
        ),
        ("none", "قال وزير الخارجية التونسي إن الاجتماع مهم.", None),
    ]);
    let got: Vec<(Option<&str>, Option<DateSource>)> = r
        .documents
        .iter()
        .map(|d| (d.published.as_deref(), d.published_from))
        .collect();
    assert_eq!(
        got,
        vec![
            (Some("2024-02-03"), Some(DateSource::Metadata)),
            (Some("2025-04-12"), Some(DateSource::Dateline)),
            (Some("2022-03-07"), Some(DateSource::Dateline)),
            (Some("2017-11-21"), Some(DateSource::Dateline)),
            (Some("2019-05-06"), Some(DateSource::FileName)),
            (None, None),
        ]
    );
}

#[test]
fn undated_reports_of_talks_in_one_city_that_name_the_same_other_place_merge() {
    let r = analyze(&[
        (
            "a",
            "محادثات فيينا حول ليبيا\nانطلقت في فيينا محادثات بين وفدي طرابلس والشرق الليبي. وقال المبعوث الأممي إن الوضع في بنغازي يتصدر جدول الأعمال.",
            None,
        ),
        (
            "b",
            "Vienna talks open\nThe Vienna talks on Libya opened with a discussion of Benghazi. The UN envoy said the talks would be difficult.",
            None,
        ),
    ]);
    let ids = events_of(&r);
    assert_eq!(
        ids.len(),
        1,
        "{ids:?} {:#?}",
        r.events.iter().map(|e| (&e.id, &e.why)).collect::<Vec<_>>()
    );
    assert!(ids[0].is_some());
}

#[test]
fn a_weekday_of_the_publication_week_is_the_main_meeting_not_an_aside() {
    let r = analyze(&[(
        "a",
        "Talks end in Doha\nQatari and Turkish delegations held talks in Doha. Tuesday's session with the foreign minister of Oman was constructive, the Qatari delegation said.",
        Some("2024-05-07"),
    )]);
    assert_eq!(
        r.events.len(),
        1,
        "{:?}",
        r.events.iter().map(|e| &e.id).collect::<Vec<_>>()
    );
}

#[test]
fn the_lead_meeting_is_the_one_with_a_place_not_a_further_round() {
    let r = analyze(&[(
        "a",
        "The delegation will not join another round of negotiations until the pledges made at the Vienna talks are kept, its head said.\nThe foreign minister said the talks had produced a pledge.",
        None,
    )]);
    let claim_events: Vec<&str> = r.claims.iter().filter_map(|c| c.event.as_deref()).collect();
    assert!(
        !claim_events.is_empty(),
        "{:?}",
        r.claims.iter().map(|c| &c.why).collect::<Vec<_>>()
    );
    assert!(
        claim_events.iter().all(|e| e.starts_with("vienna-")),
        "{claim_events:?}"
    );
}

#[test]
fn reports_of_talks_in_one_city_two_days_apart_are_one_meeting() {
    // one report dates the talks by their first day, the other by the day they closed
    let r = analyze(&[
        (
            "a",
            "Kuwait and Oman hold talks in Muscat\nKuwaiti and Omani negotiators held talks in Muscat on Monday, March 4, 2024. A Kuwaiti official said the talks were useful.",
            Some("2024-03-04"),
        ),
        (
            "b",
            "Talks in Muscat end\nThe talks between Kuwait and Oman in Muscat ended on Wednesday, March 6, 2024. An Omani official denied that the talks had been useful.",
            Some("2024-03-06"),
        ),
    ]);
    let ids = events_of(&r);
    assert_eq!(ids.len(), 1, "{ids:?}");
}

#[test]
fn a_day_right_after_the_cue_dates_the_statement_not_the_meeting() {
    let said = meetings_of(
        "Tunisia and Algeria agreed on talks\nA framework for talks between Tunisia and Algeria has been agreed, the Tunisian foreign minister said on Friday.",
        "en",
    );
    assert_eq!(said.len(), 1, "{said:?}");
    assert_eq!(said[0].1, None, "{said:?}");
    let held = meetings_of(
        "Tunisia and Algeria to hold talks\nThe Tunisian foreign minister said the talks between Tunisia and Algeria would open on Friday.",
        "en",
    );
    assert_eq!(held[0].1.as_deref(), Some("friday"), "{held:?}");
}

#[test]
fn a_place_named_in_a_comparison_does_not_move_the_claim() {
    for text in [
        "Jordan-Syria talks in Amman\nTalks between Jordan and Syria took place in Amman on Sunday. The talks were held behind closed doors, as they had been in Damascus, a Jordanian official said.",
        "محادثات سعودية مصرية في الرياض\nجرت في الرياض يوم الأحد محادثات بين السعودية ومصر. وقال مسؤول سعودي إن المحادثات جرت بعيدا عن الإعلام كما في القاهرة.",
    ] {
        let r = analyze(&[("a", text, Some("2024-03-10"))]);
        let claim = r.claims.last().expect("a claim");
        let event = r
            .events
            .iter()
            .find(|e| Some(&e.id) == claim.event.as_ref());
        assert_eq!(
            event.and_then(|e| e.location.clone()).as_deref(),
            Some(if text.is_ascii() { "Amman" } else { "Riyadh" }),
            "{:#?}",
            r.events
                .iter()
                .map(|e| (&e.id, &e.label))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_city_placed_in_its_region_is_the_venue_and_an_undated_report_naming_it_joins() {
    // one report gives the venue as "the town in its region"; the other, of the same month, has
    // no place in its lead but names the town further on
    let r = analyze(&[
        (
            "a-2024-03-tell",
            "محادثات بين العراق والكويت\nتنطلق اليوم الأحد في أربيل بإقليم كردستان العراق، داخل مقر حكومي، محادثات بين العراق والكويت. وقال مسؤول عراقي إن المحادثات ستكون مباشرة.",
            None,
        ),
        (
            "b-2024-03-wire",
            "Iraq and Kuwait to hold talks\nA framework for talks between Iraq and Kuwait has been agreed, a Kuwaiti official said.\n\nThe talks will take place under a government roof in the city of Erbil, the official said, and they will be indirect.",
            None,
        ),
    ]);
    let places: Vec<Option<String>> = r.events.iter().map(|e| e.location.clone()).collect();
    let ids = events_of(&r);
    assert_eq!(
        ids.len(),
        1,
        "{places:?} {:#?}",
        r.events.iter().map(|e| (&e.id, &e.why)).collect::<Vec<_>>()
    );
}
