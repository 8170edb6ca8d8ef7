//! Arabic sentences that are not in the seeds — other states, other verbs, other word orders —
//! each with the speaker's states, the stance and the cue it must yield. They keep the rules
//! general: a rule that only fits the five sample articles fails here.

mod common;

use common::analyze_text as analyze;

/// (sentence, speaker parties, stance, cue lemma)
const CASES: &[(&str, &[&str], &str, &str)] = &[
    // verb first, office + nationality adjective
    (
        "قال وزير الخارجية العراقي إن بغداد مستعدة لاستضافة جولة جديدة من المحادثات.",
        &["IQ"],
        "assert",
        "قال",
    ),
    (
        "وأكدت وزارة الخارجية المصرية أن القاهرة تدعم كل جهود التهدئة.",
        &["EG"],
        "assert",
        "أكد",
    ),
    // a government's name between the head and its state, inside an outlet's relay
    (
        "أفادت وكالة الأنباء بأن رئيس حكومة الإنقاذ اليمنية تعهد باحترام الهدنة.",
        &["YE"],
        "promise",
        "تعهد",
    ),
    // أما ... فـ: the topic speaks, an apposition between it and the verb
    (
        "أما وزير الخارجية الأردني، رئيس وفد بلاده، فشدد في ردود على أسئلة الصحافيين على وجوب وقف القتال.",
        &["JO"],
        "demand",
        "شدد",
    ),
    // a movement speaks for no state
    (
        "ونفت حركة حماس أن تكون المحادثات قد أسفرت عن اتفاق.",
        &[],
        "deny",
        "نفى",
    ),
    // a portfolio between the head and its state
    (
        "وقالت وزارة الصحة الأردنية إن المستشفيات الميدانية جاهزة لاستقبال الجرحى.",
        &["JO"],
        "assert",
        "قال",
    ),
    (
        "وأكد وزير المالية الكويتي أن الميزانية الجديدة لن تتضمن ضرائب إضافية.",
        &["KW"],
        "assert",
        "أكد",
    ),
    (
        "وأعلنت الرئاسة الجزائرية أن الرئيس سيزور تونس الأسبوع المقبل.",
        &["DZ"],
        "assert",
        "أعلن",
    ),
    (
        "وأوضح مصدر دبلوماسي أردني أن الاتصالات مستمرة.",
        &["JO"],
        "assert",
        "أوضح",
    ),
    (
        "ورحبت وزارة الخارجية القطرية بالاتفاق بين الطرفين.",
        &["QA"],
        "positive",
        "رحب",
    ),
    (
        "وأدانت المملكة العربية السعودية الهجوم على المنشآت النفطية.",
        &["SA"],
        "negative",
        "أدان",
    ),
    (
        "ونددت الحكومة اللبنانية بالغارات الإسرائيلية على الجنوب.",
        &["LB"],
        "negative",
        "ندد",
    ),
    (
        "ونفت وزارة الدفاع الإسرائيلية أن تكون قواتها قد دخلت المدينة.",
        &["IL"],
        "deny",
        "نفى",
    ),
    (
        "وطالبت الحكومة الليبية بانسحاب جميع القوات الأجنبية.",
        &["LY"],
        "demand",
        "طالب",
    ),
    (
        "وزعم المتحدث باسم الجيش الإسرائيلي أن المبنى كان يستخدم لأغراض عسكرية.",
        &["IL"],
        "allege",
        "زعم",
    ),
    (
        "واقترحت سلطنة عمان استضافة الجولة المقبلة من المفاوضات.",
        &["OM"],
        "propose",
        "اقترح",
    ),
    (
        "وتعهدت الصين بتقديم مساعدات إنسانية عاجلة.",
        &["CN"],
        "promise",
        "تعهد",
    ),
    (
        "وأشاد الرئيس الفرنسي بدور الوساطة المصرية.",
        &["FR"],
        "positive",
        "أشاد",
    ),
    (
        "وانتقدت الخارجية الأمريكية القرار الإيراني.",
        &["US"],
        "negative",
        "انتقد",
    ),
    (
        "وأعربت وزارة الخارجية الكويتية عن أملها في نجاح المساعي.",
        &["KW"],
        "hope",
        "أعرب",
    ),
    (
        "وأعرب الكرملين عن قلقه من التصعيد في المنطقة.",
        &["RU"],
        "negative",
        "أعرب",
    ),
    // subject first
    (
        "وزير الخارجية البحريني قال إن المنامة تتابع التطورات عن كثب.",
        &["BH"],
        "assert",
        "قال",
    ),
    (
        "وكانت طهران أكدت في وقت سابق أنها لن تشارك في الاجتماع.",
        &["IR"],
        "assert",
        "أكد",
    ),
    (
        "في حين أن لندن انتقدت الخطوة بشدة.",
        &["GB"],
        "negative",
        "انتقد",
    ),
    // capitals and seats of power
    (
        "وقال البيت الأبيض إن الرئيس سيلتقي نظيره المصري.",
        &["US"],
        "assert",
        "قال",
    ),
    (
        "وأكدت كييف أن الهجوم استهدف منشآت مدنية.",
        &["UA"],
        "assert",
        "أكد",
    ),
    // named people
    (
        "وقال سامح شكري إن مصر لن تقبل بأي حلول منفردة.",
        &["EG"],
        "assert",
        "قال",
    ),
    (
        "وصرح هاكان فيدان بأن أنقرة مستعدة للحوار مع دمشق.",
        &["TR"],
        "assert",
        "صرح",
    ),
    // unnamed sources with and without a state
    (
        "وقال مسؤول سوداني إن المحادثات ستستأنف في جدة.",
        &["SD"],
        "assert",
        "قال",
    ),
    (
        "وذكرت مصادر مطلعة أن الوفد غادر العاصمة.",
        &[],
        "assert",
        "ذكر",
    ),
    // source phrases
    (
        "وبحسب وزارة الخارجية التونسية، فإن الوزير سيشارك في القمة.",
        &["TN"],
        "assert",
        "بحسب",
    ),
    (
        "ووفقا لوكالة الأنباء السعودية، وصل الوفد إلى الرياض.",
        &["SA"],
        "assert",
        "بحسب",
    ),
    // joint speakers
    (
        "وأعلنت مصر والأردن في بيان مشترك رفضهما لأي تهجير.",
        &["EG", "JO"],
        "assert",
        "أعلن",
    ),
    (
        "وقالت وزارتا الخارجية الإماراتية والبحرينية إن التنسيق سيستمر.",
        &["AE", "BH"],
        "assert",
        "قال",
    ),
    // state media relaying a minister: the minister speaks
    (
        "ونقلت وكالة الأنباء القطرية عن رئيس الوزراء الفلسطيني قوله إن الوضع خطير.",
        &["PS"],
        "assert",
        "نقل",
    ),
    // content evaluation decides a plain cue's stance
    (
        "ووصفت الخارجية الموريتانية المباحثات بأنها مثمرة.",
        &["MR"],
        "positive",
        "وصف",
    ),
    (
        "وقال مسؤول يمني إنه لا صحة للأنباء عن لقاء في مسقط.",
        &["YE"],
        "deny",
        "قال",
    ), // stance from the content of a plain statement
    (
        "وقال وزير الخارجية التونسي إن الجولة لم تكن مثمرة.",
        &["TN"],
        "negative",
        "قال",
    ),
    // a cue that needs content and names no speaker refers back
    (
        "قالت وزارة الخارجية العمانية إن الاجتماع انتهى، ولفتت إلى أن الجولة المقبلة ستعقد في مسقط.",
        &["OM"],
        "assert",
        "قال",
    ),
];

#[test]
fn sentences_beyond_the_seeds_yield_the_right_claim() {
    let mut failures = Vec::new();
    for (text, parties, stance, cue) in CASES {
        let r = analyze(text);
        let Some(c) = r.claims.first() else {
            failures.push(format!("no claim: {text}"));
            continue;
        };
        let got: Vec<&str> = c.speaker.parties.iter().map(String::as_str).collect();
        if got != *parties || c.stance.name() != *stance || c.cue.lemma != *cue {
            failures.push(format!(
                "{text}\n   want {parties:?} {stance} {cue}\n   got  {got:?} {} {} ({})",
                c.stance.name(),
                c.cue.lemma,
                c.why
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn narration_and_furniture_yield_no_claims() {
    for text in [
        "استضافت الدوحة جولة جديدة من المحادثات بين الطرفين يوم الأحد.",
        "اقرأ أيضاً: وزير الخارجية يقول إن الاجتماع كان بناء",
        "وافقت جامعة الدول العربية على إعادة سوريا إلى مقعدها.",
        "الثورة التي طالبت بالحرية بدأت عام 2011 في درعا.",
        "النشرة الإخبارية",
    ] {
        let r = analyze(text);
        assert!(
            r.claims.is_empty(),
            "{text} gave {:?}",
            r.claims.iter().map(|c| &c.why).collect::<Vec<_>>()
        );
    }
}

#[test]
fn an_implicit_speaker_is_the_last_one_named() {
    let r = analyze(
        "قال وزير الخارجية اللبناني إن بيروت ترحب بالمبادرة. وأضاف أن الحكومة ستدرسها. ونقل عنه قوله إن القرار سيصدر قريبا.",
    );
    assert_eq!(r.claims.len(), 3);
    for c in &r.claims {
        assert_eq!(c.speaker.parties, vec!["LB"], "{}", c.why);
    }
}

#[test]
fn a_description_refers_back_to_its_antecedent() {
    let r = analyze(
        "قال وزير الخارجية الروسي سيرغي لافروف إن موسكو مستعدة للوساطة. وصرح الوزير الروسي بأن الحوار هو الحل.",
    );
    assert_eq!(r.claims.len(), 2);
    assert_eq!(r.claims[1].speaker.name, r.claims[0].speaker.name);
}

#[test]
fn contrast_words_split_two_accounts_in_one_sentence() {
    let r = analyze("ووصفت القاهرة الاجتماع بأنه إيجابي، بينما انتقدت أديس أبابا نتائجه.");
    let parties: Vec<&Vec<String>> = r.claims.iter().map(|c| &c.speaker.parties).collect();
    assert_eq!(
        parties,
        vec![&vec!["EG".to_string()], &vec!["ET".to_string()]],
        "{:?}",
        r.claims.iter().map(|c| &c.why).collect::<Vec<_>>()
    );
    assert_eq!(r.claims[0].stance.name(), "positive");
    assert_eq!(r.claims[1].stance.name(), "negative");
}

#[test]
fn a_second_coordinated_cue_starts_a_claim_of_the_same_speaker() {
    let r = analyze(
        "قالت وزارة الخارجية العمانية إن الاجتماع انتهى، ولفتت إلى أن الجولة المقبلة ستعقد في مسقط.",
    );
    assert_eq!(
        r.claims.len(),
        2,
        "{:?}",
        r.claims.iter().map(|c| &c.why).collect::<Vec<_>>()
    );
    assert_eq!(r.claims[1].cue.lemma, "لفت");
    assert_eq!(
        r.claims[1].speaker.parties,
        vec!["OM"],
        "{}",
        r.claims[1].why
    );
}

#[test]
fn a_sentence_opening_with_ala_anna_goes_on_with_the_statement_before_it() {
    let r = analyze(
        "وأفاد مصدر أمني أردني بأن الوفدين سيلتقيان في قاعة واحدة. على أن التفاوض بين الجانبين سيتم عبر وسيط.",
    );
    assert_eq!(r.claims.len(), 2, "{:#?}", r.claims);
    let c = &r.claims[1];
    assert_eq!(c.speaker.parties, ["JO"]);
    assert!(c.content.text.contains("عبر وسيط"), "{}", c.content.text);
    // not after narration: the opener alone makes no claim
    let r = analyze("وصل الوفدان إلى القاعة صباحا. على أن التفاوض بين الجانبين سيتم عبر وسيط.");
    assert!(r.claims.is_empty(), "{:#?}", r.claims);
}

#[test]
fn two_nationality_adjectives_side_by_side_speak_jointly() {
    let r = analyze("وقالت مصادر كويتية بريطانية إن المحادثات ستستأنف الأسبوع المقبل.");
    assert_eq!(r.claims.len(), 1, "{:#?}", r.claims);
    let mut parties = r.claims[0].speaker.parties.clone();
    parties.sort();
    assert_eq!(parties, ["GB", "KW"], "{}", r.claims[0].why);
    assert!(r.claims[0].content.text.starts_with("المحادثات"));
}

#[test]
fn a_name_after_an_office_and_its_state_is_the_office_holder() {
    let r = analyze("وقال رئيس وزراء العراق محمد شياع السوداني إن الحكومة لن تتراجع عن قرارها.");
    assert_eq!(r.claims.len(), 1, "{:#?}", r.claims);
    let c = &r.claims[0];
    assert_eq!(c.speaker.parties, ["IQ"]);
    assert_eq!(c.speaker.name, "Mohammed Shia al-Sudani", "{}", c.why);
    assert!(c.content.text.starts_with("الحكومة"), "{}", c.content.text);
    // a definite head takes no state after it: the minister asks Addis Ababa
    let r = analyze("وطالبت الوزيرة أديس أبابا بالعودة إلى طاولة التفاوض.");
    assert!(
        r.claims.iter().all(|c| c.speaker.parties.is_empty()),
        "{:#?}",
        r.claims
    );
}

#[test]
fn another_speakers_act_inside_the_content_does_not_set_the_stance() {
    let r = analyze(
        "وقالت وزارة الخارجية القطرية إن الجولة انتهت دون نتيجة، إذ رفضت إيران مقترحاً تقدمت به الدوحة.",
    );
    assert_eq!(r.claims.len(), 1, "{:#?}", r.claims);
    let c = &r.claims[0];
    assert_eq!(c.speaker.parties, ["QA"]);
    assert_eq!(c.stance.name(), "assert", "{}", c.why);
    assert!(c.content.text.contains("رفضت إيران"), "{}", c.content.text);
    assert!(c.why.contains("by Iran"), "{}", c.why);
}

#[test]
fn a_new_name_after_an_office_is_part_of_the_speaker_not_the_content() {
    let r = analyze("وقال المحلل السياسي رامي خليل إن الجولة فشلت.");
    assert_eq!(r.claims.len(), 1, "{:#?}", r.claims);
    assert_eq!(r.claims[0].speaker.text, "المحلل السياسي رامي خليل");
    assert_eq!(r.claims[0].content.text, "الجولة فشلت");
    // asides set off by commas may stand between the name and the content
    let r = analyze(
        "أفاد الإعلامي رامي خليل، الأحد، في منشور عبر منصة \"إكس\"، بأن الاجتماع الأول انتهى للتو.",
    );
    assert_eq!(r.claims.len(), 1, "{:#?}", r.claims);
    assert_eq!(r.claims[0].speaker.text, "الإعلامي رامي خليل");
    assert!(
        r.claims[0].content.text.starts_with("الاجتماع"),
        "{}",
        r.claims[0].content.text
    );
    // a named holder is no description of an earlier minister
    let r =
        analyze("قال وزير الخارجية الإيطالي إن الحوار ضروري. وأكد الوزير رامي خليل أن الجولة فشلت.");
    assert_eq!(r.claims.len(), 2, "{:#?}", r.claims);
    assert!(
        r.claims[1].speaker.parties.is_empty(),
        "{}",
        r.claims[1].why
    );
}

#[test]
fn adjectives_after_a_head_are_no_name() {
    let r = analyze("وقالت تقارير إخبارية متطابقة إن الحادث وقع صباحا.");
    assert_eq!(r.claims.len(), 1, "{:#?}", r.claims);
    assert!(!r.claims[0].why.contains("held by"), "{}", r.claims[0].why);
}

#[test]
fn a_source_from_a_state_body_speaks_for_its_state_and_its_addressee_is_no_content() {
    let r =
        analyze("وأبلغ مسؤولان من وزارة الدفاع التونسية وكالة رويترز بأن الوحدات انسحبت من الحدود.");
    assert_eq!(r.claims.len(), 1, "{:#?}", r.claims);
    let c = &r.claims[0];
    assert_eq!(c.speaker.parties, ["TN"], "{}", c.why);
    assert_eq!(c.content.text, "الوحدات انسحبت من الحدود");
}

#[test]
fn an_outlet_loyal_to_a_movement_speaks_for_the_movement() {
    let r =
        analyze("وذكرت قناة المسيرة اليمنية (الفضائية)، الموالية للحوثيين، أن الوفد غادر صنعاء.");
    assert_eq!(r.claims.len(), 1, "{:#?}", r.claims);
    let c = &r.claims[0];
    assert!(c.speaker.parties.is_empty(), "{}", c.why);
    assert_eq!(
        c.speaker.affiliation.as_deref(),
        Some("Houthis"),
        "{}",
        c.why
    );
    assert_eq!(c.content.text, "الوفد غادر صنعاء");
}

#[test]
fn a_state_body_without_its_state_in_a_state_agency_report_is_that_states() {
    let r = analyze("دمشق-سانا\n\nقالت وزارة الخارجية إن الاجتماع كان مثمرا.");
    assert_eq!(r.claims.len(), 1, "{:#?}", r.claims);
    assert_eq!(r.claims[0].speaker.parties, ["SY"], "{}", r.claims[0].why);
}

#[test]
fn an_outlets_cited_sources_speak_through_it() {
    let r = analyze(
        "وبحسب صحيفة \"وول ستريت جورنال\"، التي استندت إلى مسؤولين كويتيين وبريطانيين، فإن الاتفاق وشيك.",
    );
    assert_eq!(r.claims.len(), 1, "{:#?}", r.claims);
    let mut parties = r.claims[0].speaker.parties.clone();
    parties.sort();
    assert_eq!(parties, ["GB", "KW"], "{}", r.claims[0].why);
    assert_eq!(r.claims[0].content.text, "الاتفاق وشيك");
}

#[test]
fn a_named_office_in_apposition_gives_the_speaker_its_state_across_a_date() {
    let r = analyze(
        "وأوضح رئيس الوفد، وزير الخارجية أيمن الصفدي، يوم الأحد أن الزيارة تهدف إلى تثبيت الهدنة.",
    );
    assert_eq!(r.claims.len(), 1, "{:#?}", r.claims);
    assert_eq!(r.claims[0].speaker.parties, ["JO"], "{}", r.claims[0].why);
    assert!(
        r.claims[0].content.text.starts_with("الزيارة"),
        "{}",
        r.claims[0].content.text
    );
}

#[test]
fn a_cue_ending_in_a_colon_reports_the_quotation_on_the_next_line() {
    let r = analyze(
        "وفي المطار، قال الوزير الروسي للصحافيين:\n«كان الاجتماع مفيدا جدا»، غير أن الحوار لم ينطلق بعد.",
    );
    assert_eq!(r.claims.len(), 1, "{:#?}", r.claims);
    let c = &r.claims[0];
    assert!(c.content.text.contains("مفيدا جدا"), "{}", c.content.text);
    assert_eq!(c.stance.name(), "positive", "{}", c.why);
}
