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

#[test]
fn every_rule_file_example_holds() {
    let r = rules();
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
