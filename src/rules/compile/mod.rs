//! Compiles one language folder's parsed files into lexicons, validating as it goes: duplicate
//! written forms, diacritics or tatweel in Arabic entries, malformed party codes. Each file has
//! its own function; `compile_lang` runs them in a fixed order, which is the order of the
//! lexicons' entries and of the errors reported.

mod check;
mod events;
mod morph;
mod speakers;

use std::collections::HashMap;

use toml::Spanned;

use super::lang::{LangRules, WordOrder};
use super::load::{RuleError, Source};
use super::schema::{AffixEntry, FurnitureFile, MorphologyFile, PairsFile, SegmentFile, StemTable};
use crate::text::fold::key;
use crate::text::lexicon::Lexicon;
use crate::text::stem::{Affixes, Stemmer};
use check::{Checker, parse};
use morph::Inflection;

/// The parsed sources of a rule set, by path relative to the rules folder (`ar/cues.toml`).
type Files<'a> = HashMap<&'a str, &'a Source>;

/// Compiles the files of language `code`.
pub fn compile_lang(code: &str, files: &Files, errors: &mut Vec<RuleError>) -> LangRules {
    let mut l = LangRules {
        code: code.to_string(),
        ..Default::default()
    };
    // the morphology comes first: the other files' stems are inflected by its tables
    let path = format!("{code}/morphology.toml");
    let morphology: MorphologyFile = parse(files.get(path.as_str()), errors);
    let inflection = Inflection::new(&morphology);
    l.stemmer = std::sync::Arc::new(stemmer(&morphology.stem));
    let bare = morphology.bare_entries;
    l.article = key(&morphology.noun.article);
    l.definite = morphology.noun.definite.iter().map(|d| key(d)).collect();
    let mut file = File {
        files,
        errors,
        bare,
        morph: &inflection,
    };
    file.add(&mut l, "cues.toml", speakers::add_cues);
    file.add(&mut l, "pairs.toml", add_pairs);
    file.add(&mut l, "common/states.toml", speakers::add_states);
    file.add(&mut l, "common/people.toml", speakers::add_people);
    file.add(&mut l, "heads.toml", speakers::add_heads);
    file.add(&mut l, "common/outlets.toml", speakers::add_outlets);
    file.add(&mut l, "markers.toml", speakers::add_markers);
    file.add(&mut l, "common/topics.toml", speakers::add_topics);
    file.add(&mut l, "segment.toml", add_segment);
    // furniture lines are matched as folded text: their marks are not checked
    file.bare = false;
    file.add(&mut l, "furniture.toml", add_furniture);
    file.bare = bare;
    file.add(&mut l, "meetings.toml", events::add_meetings);
    file.add(&mut l, "common/places.toml", events::add_places);
    file.add(&mut l, "dates.toml", events::add_dates);
    l
}

/// Where `compile_lang` finds a language's files and reports their errors.
struct File<'a, 'e> {
    files: &'a Files<'a>,
    errors: &'e mut Vec<RuleError>,
    /// Whether entries must be written without marks (not furniture, matched as folded text).
    bare: bool,
    morph: &'a Inflection,
}

impl File<'_, '_> {
    /// Parses the language's file `name` (or the registry's `common/name`), when the rule set
    /// has it, and compiles it with `add`
    /// (with the file's defaults when it does not parse, so that its errors are all reported).
    fn add<T: serde::de::DeserializeOwned + Default>(
        &mut self,
        l: &mut LangRules,
        name: &str,
        add: fn(&mut LangRules, T, &mut Checker),
    ) {
        // a registry file (`common/people.toml`) is shared by every language
        let path = match name.strip_prefix("common/") {
            Some(_) => name.to_string(),
            None => format!("{}/{name}", l.code),
        };
        let Some(src) = self.files.get(path.as_str()).copied() else {
            return;
        };
        let f: T = parse(Some(&src), self.errors);
        add(
            l,
            f,
            &mut Checker::new(src, self.bare, self.morph, self.errors),
        );
    }
}

fn add_segment(l: &mut LangRules, f: SegmentFile, c: &mut Checker) {
    let mut fill = |lx: &mut Lexicon<()>, list: &[Spanned<String>], scope: &str, pronouns: bool| {
        for w in list {
            let w = c.form(w, scope);
            lx.insert(&w, ());
            if pronouns {
                for form in c.morph.with_pronouns(&key(&w)) {
                    lx.insert(&form, ());
                }
            }
        }
    };
    fill(&mut l.contrast, &f.contrast, "contrast", true);
    fill(&mut l.openers, &f.openers, "openers", true);
    fill(&mut l.prepositions, &f.prepositions, "prepositions", false);
    fill(&mut l.relative, &f.relative, "relative", false);
    fill(&mut l.pronouns, &f.pronouns, "pronouns", false);
    fill(&mut l.aux, &f.verbs_before_subject, "aux", false);
    fill(&mut l.joiners, &f.joiners, "joiners", false);
    fill(&mut l.alongside, &f.alongside, "alongside", false);
    fill(&mut l.discourse, &f.discourse, "discourse", false);
    fill(&mut l.trailing, &f.trailing, "trailing", false);
    fill(&mut l.resumptive, &f.resumptive, "resumptive", false);
    fill(&mut l.continues, &f.continues, "continues", false);
    fill(&mut l.passive, &f.passive, "passive", false);
    fill(&mut l.allegiance, &f.allegiance, "allegiance", false);
    fill(&mut l.citing, &f.citing, "citing", false);
    fill(&mut l.topic_first, &f.topic_first, "topic_first", false);
    fill(&mut l.conjunctions, &f.conjunctions, "conjunctions", false);
    fill(&mut l.relay_from, &f.relay_from, "relay_from", false);
    l.order = if f.subject_first {
        WordOrder::SubjectFirst
    } else {
        WordOrder::VerbFirst
    };
    let mut words = |list: &[Spanned<String>], scope: &str| -> Vec<String> {
        list.iter().map(|w| key(&c.form(w, scope))).collect()
    };
    l.articles = words(&f.articles, "articles");
    l.source_joiners = words(&f.source_joiners, "source_joiners");
    l.source_through = words(&f.source_through, "source_through");
    l.abbreviations = words(&f.abbreviations, "abbreviations");
    l.cased = f
        .cased
        .iter()
        .map(|(written, read)| (written.clone(), crate::text::fold::key(read)))
        .collect();
}

/// The light stemmer of a `[stem]` table, its affixes folded.
fn stemmer(t: &StemTable) -> Stemmer {
    let affixes = |a: &AffixEntry| Affixes {
        strip: a.strip.iter().map(|s| key(s)).collect(),
        keep: a.keep,
    };
    Stemmer {
        method: t.method,
        prefixes: t
            .prefixes
            .iter()
            .map(|g| g.iter().map(affixes).collect())
            .collect(),
        suffixes: t.suffixes.iter().map(affixes).collect(),
        proclitics: affixes(&t.proclitics),
        vowels: t
            .vowels
            .iter()
            .flat_map(|v| key(v).chars().collect::<Vec<_>>())
            .collect(),
        pattern_prefixes: affixes(&t.pattern_prefixes),
    }
}

fn add_furniture(l: &mut LangRules, f: FurnitureFile, c: &mut Checker) {
    l.furniture_lines = f.lines.iter().map(|x| key(&c.form(x, "l"))).collect();
    l.furniture_phrases = f.phrases.iter().map(|x| key(&c.form(x, "p"))).collect();
}

fn add_pairs(l: &mut LangRules, f: PairsFile, c: &mut Checker) {
    l.pairs = check_pairs(f, c);
}

/// Validates the entries of pairs.toml and locates its examples.
fn check_pairs(f: PairsFile, c: &mut Checker) -> (PairsFile, Vec<String>) {
    for w in &f.negations {
        c.form(w, "negations");
    }
    for w in &f.stopwords {
        c.form(w, "stopwords");
    }
    for o in &f.opposition {
        let scope = format!("opposition {}", o.id.get_ref());
        for w in o.a.iter().chain(&o.b) {
            c.form(w, &scope);
        }
    }
    let origins = f
        .example
        .iter()
        .map(|e| c.line(e.s1.span().start))
        .collect();
    (f, origins)
}
