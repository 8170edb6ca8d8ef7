//! Surface forms generated from the stems rule authors write, by the tables of the language's
//! morphology.toml: verb conjugations with object pronouns, participles, nisba adjectives and
//! nouns with possessive pronouns. Every output is a folded match key; the generation is
//! deliberately generous (a form that never occurs costs nothing). A language without tables
//! (English) gets its forms back as written.

use crate::rules::schema::{MorphologyFile, NounTable, VerbTable};
use crate::text::fold::key;

/// A language's inflection tables, folded.
#[derive(Debug, Clone, Default)]
pub struct Inflection {
    verb: VerbTable,
    noun: NounTable,
    pronouns: Vec<String>,
}

impl Inflection {
    /// The tables of a morphology.toml, folded as text is.
    pub fn new(f: &MorphologyFile) -> Inflection {
        let fold = |v: &[String]| v.iter().map(|s| key(s)).collect::<Vec<_>>();
        let pairs = |v: &[[String; 2]]| v.iter().map(|[a, b]| [key(a), key(b)]).collect::<Vec<_>>();
        Inflection {
            verb: VerbTable {
                past: fold(&f.verb.past),
                present_mark: key(&f.verb.present_mark),
                present_prefixes: fold(&f.verb.present_prefixes),
                present_endings: fold(&f.verb.present_endings),
                future: key(&f.verb.future),
                participle: fold(&f.verb.participle),
                objects: fold(&f.verb.objects),
                before_object: pairs(&f.verb.before_object),
            },
            noun: NounTable {
                article: key(&f.noun.article),
                definite: fold(&f.noun.definite),
                adjective: fold(&f.noun.adjective),
                possessives: fold(&f.noun.possessives),
                before_possessive: pairs(&f.noun.before_possessive),
            },
            pronouns: fold(&f.pronoun_suffixes),
        }
    }

    /// Whether a verb written so is a present stem (يقول), not a past one.
    pub fn is_present(&self, stem: &str) -> bool {
        !self.verb.present_mark.is_empty() && key(stem).starts_with(&self.verb.present_mark)
    }

    /// Conjugations of a past stem (قال → قالت، قالوا، وصفتها); none without a table.
    pub fn past(&self, stem: &str) -> Vec<String> {
        let s = key(stem);
        let mut out = Vec::new();
        for end in &self.verb.past {
            self.with_objects(format!("{s}{end}"), &mut out);
        }
        out
    }

    /// Conjugations of a present stem (يقول → تقول، يقولون، سيقول); none without a table.
    pub fn present(&self, stem: &str) -> Vec<String> {
        let s = key(stem);
        let base = s
            .strip_prefix(self.verb.present_mark.as_str())
            .unwrap_or(&s);
        let mut out = Vec::new();
        for pre in &self.verb.present_prefixes {
            for end in &self.verb.present_endings {
                self.with_objects(format!("{pre}{base}{end}"), &mut out);
            }
            if !self.verb.future.is_empty() {
                out.push(format!("{}{pre}{base}", self.verb.future));
            }
        }
        out
    }

    /// Forms of an active participle (مضيف → مضيفا، مضيفة), or the form as written.
    pub fn participle(&self, stem: &str) -> Vec<String> {
        let s = key(stem);
        if self.verb.participle.is_empty() {
            return vec![s];
        }
        self.verb
            .participle
            .iter()
            .map(|e| format!("{s}{e}"))
            .collect()
    }

    /// A verb written as a past or a present stem, conjugated; the form as written without a
    /// table.
    pub fn verb(&self, stem: &str) -> Vec<String> {
        let forms = if self.is_present(stem) {
            self.present(stem)
        } else {
            self.past(stem)
        };
        if forms.is_empty() {
            vec![key(stem)]
        } else {
            forms
        }
    }

    /// Forms of a nisba adjective, with and without the article (تركي → التركية، تركيين), or
    /// the form as written.
    pub fn adjective(&self, base: &str) -> Vec<String> {
        let s = key(base);
        if self.noun.adjective.is_empty() {
            return vec![s];
        }
        let mut out = Vec::new();
        for e in &self.noun.adjective {
            out.push(format!("{s}{e}"));
            out.push(format!("{}{s}{e}", self.noun.article));
        }
        out
    }

    /// A noun with the article and possessive pronouns (أمل → أمله، الأمل؛ رغبة → رغبتها), or
    /// the form as written.
    pub fn noun(&self, word: &str) -> Vec<String> {
        let s = key(word);
        if self.noun.possessives.is_empty() {
            return vec![s];
        }
        let stem = replace_ending(&s, &self.noun.before_possessive);
        let mut out = vec![s.clone(), format!("{}{s}", self.noun.article)];
        for p in &self.noun.possessives {
            out.push(format!("{stem}{p}"));
        }
        out
    }

    /// A one-word opener or contrast word with each pronoun suffix (أن → أنه، أنها).
    pub fn with_pronouns(&self, word: &str) -> Vec<String> {
        if word.contains(' ') {
            return Vec::new();
        }
        self.pronouns.iter().map(|p| format!("{word}{p}")).collect()
    }

    fn with_objects(&self, form: String, out: &mut Vec<String>) {
        let base = replace_ending(&form, &self.verb.before_object);
        for o in &self.verb.objects {
            out.push(format!("{base}{o}"));
        }
        out.push(form);
    }
}

/// `word` with the first of `endings` it ends in written as its replacement.
fn replace_ending(word: &str, endings: &[[String; 2]]) -> String {
    endings
        .iter()
        .find_map(|[from, to]| word.strip_suffix(from.as_str()).map(|b| format!("{b}{to}")))
        .unwrap_or_else(|| word.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arabic() -> Inflection {
        let text = include_str!("../../../rules/ar/morphology.toml");
        Inflection::new(&toml::from_str(text).expect("morphology.toml parses"))
    }

    #[test]
    fn past_covers_gender_number_and_objects() {
        let f = arabic().past("وصف");
        for w in ["وصفت", "وصفتها", "وصفوا", "وصفوه", "وصفا"] {
            assert!(f.contains(&w.to_string()), "{w}");
        }
    }

    #[test]
    fn present_participle_and_adjectives() {
        let a = arabic();
        assert!(a.present("يقول").contains(&"تقول".to_string()));
        assert!(a.present("يقول").contains(&"يقولون".to_string()));
        assert!(a.present("يقول").contains(&"سيقول".to_string()));
        assert!(a.participle("مضيف").contains(&"مضيفا".to_string()));
        assert!(a.participle("مشير").contains(&"مشيره".to_string()));
        assert!(a.adjective("تركي").contains(&"التركيه".to_string()));
        assert!(a.noun("رغبة").contains(&"رغبتها".to_string()));
        assert!(a.noun("أمل").contains(&"امله".to_string()));
        assert!(a.is_present("يعلن") && !a.is_present("أعلن"));
    }

    #[test]
    fn without_tables_forms_pass_through() {
        let none = Inflection::default();
        assert_eq!(none.verb("Said"), vec!["said".to_string()]);
        assert_eq!(none.adjective("Turkish"), vec!["turkish".to_string()]);
        assert!(none.past("say").is_empty());
        assert!(none.with_pronouns("that").is_empty());
    }
}
