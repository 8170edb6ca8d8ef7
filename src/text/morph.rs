//! Arabic surface forms generated from the stems rule authors write: verb conjugations with
//! object pronouns, participles, nisba adjectives and nouns with possessive pronouns. Every
//! output is a folded match key; the generation is deliberately generous (a form that never
//! occurs costs nothing), and English forms pass through unchanged.

use crate::text::fold::key;

const OBJECT: [&str; 6] = ["ه", "ها", "هم", "هما", "هن", "نا"];

fn with_objects(form: String, out: &mut Vec<String>) {
    let base = form
        .strip_suffix("وا")
        .map(|b| format!("{b}و"))
        .unwrap_or_else(|| form.clone());
    for o in OBJECT {
        out.push(format!("{base}{o}"));
    }
    out.push(form);
}

/// Conjugations of a 3rd person masculine singular past stem (قال → قالت، قالوا، وصفتها).
pub fn past(stem: &str) -> Vec<String> {
    let s = key(stem);
    let mut out = Vec::new();
    for end in ["", "ت", "ا", "تا", "وا", "ن", "نا"] {
        with_objects(format!("{s}{end}"), &mut out);
    }
    out
}

/// Conjugations of a 3rd person masculine singular present stem (يقول → تقول، يقولون).
pub fn present(stem: &str) -> Vec<String> {
    let s = key(stem);
    let base = s.strip_prefix('ي').unwrap_or(&s);
    let mut out = Vec::new();
    // first person forms (نقول، أقول) are left out: they collide with nouns (نصف "half") and
    // claims in the first person sit inside quotations, which never start claims
    for pre in ["ي", "ت"] {
        for end in ["", "ون", "ان", "ن", "وا"] {
            with_objects(format!("{pre}{base}{end}"), &mut out);
        }
        out.push(format!("س{pre}{base}"));
    }
    out
}

/// Forms of an active participle (مضيف → مضيفا، مضيفة، مضيفين).
pub fn participle(stem: &str) -> Vec<String> {
    let s = key(stem);
    ["", "ا", "ه", "ين", "ون", "ات", "تين", "تان", "ان"]
        .iter()
        .map(|e| format!("{s}{e}"))
        .collect()
}

/// Forms of a nisba adjective, with and without the article (تركي → التركية، تركيين).
pub fn adjective(base: &str) -> Vec<String> {
    let s = key(base);
    let mut out = Vec::new();
    for e in ["", "ه", "ان", "تان", "ين", "ون", "ات", "تين"] {
        out.push(format!("{s}{e}"));
        out.push(format!("ال{s}{e}"));
    }
    out
}

/// A noun or adjective with the article and possessive pronouns (أمل → أمله، الأمل؛ رغبة → رغبتها).
pub fn noun(word: &str) -> Vec<String> {
    let s = key(word);
    let stem = s
        .strip_suffix('ه')
        .map(|b| format!("{b}ت"))
        .unwrap_or_else(|| s.clone());
    let mut out = vec![s.clone(), format!("ال{s}")];
    for p in ["ه", "ها", "هم", "هما", "نا", "ي", "كم"] {
        out.push(format!("{stem}{p}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_covers_gender_number_and_objects() {
        let f = past("وصف");
        for w in ["وصفت", "وصفتها", "وصفوا", "وصفوه", "وصفا"] {
            assert!(f.contains(&w.to_string()), "{w}");
        }
    }

    #[test]
    fn present_participle_and_adjectives() {
        assert!(present("يقول").contains(&"تقول".to_string()));
        assert!(present("يقول").contains(&"يقولون".to_string()));
        assert!(participle("مضيف").contains(&"مضيفا".to_string()));
        assert!(participle("مشير").contains(&"مشيره".to_string()));
        assert!(adjective("تركي").contains(&"التركيه".to_string()));
        assert!(noun("رغبة").contains(&"رغبتها".to_string()));
        assert!(noun("أمل").contains(&"امله".to_string()));
    }
}
