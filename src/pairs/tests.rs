//! Unit tests of the comparator, on sentences written for them, and the examples of
//! `rules/ar/pairs.toml`.

use std::sync::OnceLock;

use super::*;

fn rules() -> &'static PairRules {
    static RULES: OnceLock<PairRules> = OnceLock::new();
    RULES.get_or_init(PairRules::embedded)
}

fn verdict(s1: &str, s2: &str) -> PairVerdict {
    compare(s1, s2, rules())
}

#[test]
fn negation_on_one_side_disagrees() {
    let v = verdict(
        "الوزير يزور المدينة المنكوبة",
        "الوزير لم يزر المدينة المنكوبة",
    );
    assert_eq!(v.label, PairLabel::Disagree, "{v:?}");
    assert_eq!(v.rule, "pairs.negation");
    assert!(v.why.contains("لم"), "{}", v.why);
}

#[test]
fn antonyms_disagree() {
    let v = verdict(
        "ارتفاع أسعار القمح في الأسواق العالمية",
        "أسعار القمح تنخفض في الأسواق العالمية",
    );
    assert_eq!(v.label, PairLabel::Disagree, "{v:?}");
    assert_eq!(v.rule, "pairs.opposition.rise-fall");
    let v = verdict("المحكمة تقرر إغلاق المصنع", "المحكمة تقرر فتح المصنع");
    assert_eq!(v.rule, "pairs.opposition.open-close", "{v:?}");
}

#[test]
fn a_side_both_statements_share_is_no_opposition() {
    let v = verdict(
        "الدولار يرتفع بعد انخفاض مفاجئ",
        "ارتفاع الدولار بعد انخفاض مفاجئ",
    );
    assert_eq!(v.label, PairLabel::Agree, "{v:?}");
}

#[test]
fn different_numbers_disagree() {
    let v = verdict(
        "الشركة تبيع 40 طائرة لشركة الطيران الوطنية",
        "الشركة تبيع ٦٠ طائرة لشركة الطيران الوطنية",
    );
    assert_eq!(
        (v.label, v.rule.as_str()),
        (PairLabel::Disagree, "pairs.number"),
        "{v:?}"
    );
}

#[test]
fn swapped_party_disagrees() {
    let v = verdict(
        "تونس تستضيف مؤتمر الطاقة المتجددة",
        "المغرب يستضيف مؤتمر الطاقة المتجددة",
    );
    assert_eq!(
        (v.label, v.rule.as_str()),
        (PairLabel::Disagree, "pairs.party"),
        "{v:?}"
    );
    assert!(v.why.contains("TN") && v.why.contains("MA"), "{}", v.why);
}

#[test]
fn paraphrase_agrees() {
    let v = verdict(
        "وزير الخارجية يلتقي نظيره الفرنسي في جنيف",
        "لقاء بين وزير الخارجية ونظيره الفرنسي في جنيف",
    );
    assert_eq!(
        (v.label, v.rule.as_str()),
        (PairLabel::Agree, "pairs.paraphrase"),
        "{v:?}"
    );
}

#[test]
fn unrelated_statements_are_other() {
    let v = verdict(
        "فريق الكرة يستعد لمباراة الكأس",
        "البنك المركزي يطرح سندات حكومية",
    );
    assert_eq!(
        (v.label, v.rule.as_str()),
        (PairLabel::Other, "pairs.unrelated"),
        "{v:?}"
    );
}

/// The examples document the rule files, so the rules alone must give their labels; the model is
/// measured on the ANS dev split instead (below).
#[test]
fn every_rule_file_example_holds() {
    let mut r = rules().clone();
    r.model = None;
    let r = &r;
    assert!(r.examples().next().is_some());
    let failures: Vec<String> = r
        .examples()
        .filter_map(|e| {
            let v = compare(&e.s1, &e.s2, r);
            (v.label != e.label).then(|| {
                format!(
                    "{}: expected {}, got {} ({}: {})",
                    e.origin,
                    e.label.as_str(),
                    v.label.as_str(),
                    v.rule,
                    v.why
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn label_csv_keeps_columns_and_adds_two() {
    let input = "id,s1,s2\n7,المدينة تفتح الحدائق العامة,المدينة تغلق الحدائق العامة\n";
    let mut out = Vec::new();
    assert_eq!(label_csv(input.as_bytes(), &mut out, rules()).unwrap(), 1);
    let text = String::from_utf8(out).unwrap();
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("id,s1,s2,predicted,why"));
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("7,المدينة تفتح الحدائق العامة,المدينة تغلق الحدائق العامة,disagree,")
    );
}

#[test]
fn label_csv_names_the_line_of_a_missing_field() {
    let input = "s1,s2\nأ ب,ج د\nهـ و,\n";
    let err = label_csv(input.as_bytes(), Vec::new(), rules()).unwrap_err();
    assert_eq!(err.to_string(), "line 3: no value for column 's2'");
    let err = label_csv("a,b\nx,y\n".as_bytes(), Vec::new(), rules()).unwrap_err();
    assert!(err.to_string().contains("'s1'"), "{err}");
}

/// The ANS dev split, copied so that the tests need nothing outside the repository.
const ANS_DEV: &str = include_str!("../../tests/data/pairs/ans-stance-dev.csv");

fn scores_on_dev(rules: &PairRules) -> metrics::Scores {
    let mut rd = csv::Reader::from_reader(ANS_DEV.as_bytes());
    metrics::Scores::of(rd.records().map(|r| {
        let r = r.expect("row");
        let gold = PairLabel::parse(&r[2]).expect("label");
        (gold, compare(&r[0], &r[1], rules).label)
    }))
}

#[test]
fn the_embedded_model_reproduces_its_dev_figures() {
    // the figures train_pairs printed when it wrote rules/ar/pairs-model.txt (README, BENCHMARKS)
    let s = scores_on_dev(rules());
    assert_eq!(s.rows(), 755);
    assert_eq!(
        s.confusion,
        [[204, 64, 0], [61, 404, 6], [2, 1, 13]],
        "\n{s}"
    );
    assert_eq!(format!("{:.4}", s.accuracy()), "0.8225");
    assert_eq!(format!("{:.4}", s.macro_f1()), "0.7883");
}

#[test]
fn the_rules_alone_keep_their_dev_figures() {
    let mut r = rules().clone();
    r.model = None;
    let s = scores_on_dev(&r);
    assert_eq!(format!("{:.4}", s.accuracy()), "0.7444", "\n{s}");
    assert_eq!(format!("{:.4}", s.macro_f1()), "0.7040", "\n{s}");
}

#[test]
fn the_model_keeps_the_rule_and_gives_its_confidence() {
    let v = verdict(
        "الوزير يزور المدينة المنكوبة",
        "الوزير لم يزر المدينة المنكوبة",
    );
    assert_eq!(
        (v.label, v.rule.as_str()),
        (PairLabel::Disagree, "pairs.negation"),
        "{v:?}"
    );
    let p = v.confidence.expect("the model decides Arabic pairs");
    assert!((0.5..=1.0).contains(&p), "{p}");
    assert!(
        v.why.contains("negation 'لم' in s2 only") && v.why.contains("model"),
        "{}",
        v.why
    );
}

#[test]
fn english_pairs_get_the_english_rules_and_no_model() {
    let v = verdict(
        "The talks were constructive",
        "The talks were not constructive",
    );
    assert_eq!(
        (v.label, v.rule.as_str(), v.confidence),
        (PairLabel::Disagree, "pairs.negation", None),
        "{v:?}"
    );
    let v = verdict(
        "Iran said it had enriched uranium to 60 percent",
        "Iran denied it had enriched uranium to 60 percent",
    );
    assert_eq!(v.label, PairLabel::Disagree, "{v:?}");
    assert!(v.why.contains("denied"), "{}", v.why);
    let v = verdict(
        "Iran denies it has enriched uranium",
        "Iran has not enriched uranium, officials say",
    );
    assert_ne!(v.rule, "pairs.negation", "one negation on each side: {v:?}");
    let v = verdict("Gold prices rise in London", "Gold prices drop in London");
    assert_eq!(v.rule, "pairs.opposition.rise-fall", "{v:?}");
}

#[test]
fn english_stems_meet_across_inflections() {
    let rules = crate::rules::RuleSet::embedded().expect("built-in rules");
    let stem_en = |w: &str| rules.lang("en").stemmer.stem(w);
    for (a, b) in [
        ("denied", "deny"),
        ("denies", "deny"),
        ("talks", "talk"),
        ("rising", "rise"),
        ("stopped", "stop"),
        ("closes", "close"),
        ("attended", "attend"),
    ] {
        assert_eq!(stem_en(a), stem_en(b), "{a} / {b}");
    }
    assert_ne!(stem_en("constructive"), stem_en("destructive"));
}

#[test]
fn a_model_file_reads_back_as_written() {
    let mut m = PairModel::zeros("ar", 4);
    m.bias = [0.5, -0.25, 0.0];
    m.weights[3] = [1.0, 0.0, -2.5];
    m.weights[9] = [0.0004, 0.0, 0.0]; // below the step: left out
    let text = m.to_text("a test model", 0.001);
    assert!(text.starts_with("# a test model\nlang ar\nbits 4\nstep 0.001\nbias 500 -250 0\n"));
    assert!(text.ends_with("\n3 1000 0 -2500\n"), "{text}");
    let back = PairModel::parse(&text).expect("parses");
    assert_eq!(back.weights[3], [1.0, 0.0, -2.5]);
    assert_eq!(back.weights[9], [0.0; 3]);
    assert_eq!(back.bias, [0.5, -0.25, 0.0]);
}

#[test]
fn a_bad_model_file_names_its_line() {
    let err = PairModel::parse("lang ar\nbits 4\nstep 0.001\nbias 0 0 0\n99 1 2 3\n").unwrap_err();
    assert_eq!(err.line, 5, "{err}");
    let err = PairModel::parse("lang ar\nbits 4\nstep 0.001\nbias 0 0 0\n1 1 2\n").unwrap_err();
    assert!(err.message.contains("three"), "{err}");
    let err = PairModel::parse("3 1 2 3\n").unwrap_err();
    assert_eq!(err.line, 1, "{err}");
    assert!(PairModel::parse("").is_err());
}

#[test]
fn a_rules_folder_can_bring_its_own_model() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("ar")).expect("mkdir");
    // no weights, a bias for `other`: every Arabic pair is other
    std::fs::write(
        dir.path().join(model::MODEL_FILE),
        "lang ar\nbits 4\nstep 0.001\nbias 0 0 1000\n",
    )
    .expect("write");
    let r = rules()
        .clone()
        .with_model_from(Some(dir.path()))
        .expect("loads");
    let v = compare("المدينة تفتح الحدائق", "المدينة تغلق الحدائق", &r);
    assert_eq!(v.label, PairLabel::Other, "{v:?}");
    assert_eq!(v.rule, "pairs.opposition.open-close");
    // a folder without a model keeps the embedded one
    let empty = tempfile::tempdir().expect("temp dir");
    let r = rules()
        .clone()
        .with_model_from(Some(empty.path()))
        .expect("loads");
    assert_eq!(r.model, rules().model);
}
