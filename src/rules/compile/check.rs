//! Validation of the written forms of one rule file while it compiles: empty entries, diacritics
//! or tatweel in Arabic, duplicates after folding, malformed party codes; each error with its
//! position.

use std::collections::HashMap;

use toml::Spanned;

use super::morph::Inflection;
use crate::rules::load::{LANGUAGES, RuleError, Source};
use crate::rules::schema::{ByLanguage, Missing};
use crate::text::fold::{is_arabic_mark, key};

/// Tracks written forms of one file to report duplicates and unclean entries.
pub(super) struct Checker<'a> {
    pub(super) src: &'a Source,
    seen: HashMap<String, usize>,
    /// Whether entries must be written without diacritics or tatweel (morphology.toml).
    pub(super) bare: bool,
    /// The language's inflection tables, for files that list stems.
    pub(super) morph: &'a Inflection,
    pub(super) errors: &'a mut Vec<RuleError>,
}

impl<'a> Checker<'a> {
    pub(super) fn new(
        src: &'a Source,
        bare: bool,
        morph: &'a Inflection,
        errors: &'a mut Vec<RuleError>,
    ) -> Self {
        Checker {
            src,
            seen: HashMap::new(),
            bare,
            morph,
            errors,
        }
    }

    /// Validates a written form and returns it; `scope` separates lists that may share forms.
    pub(super) fn form(&mut self, f: &Spanned<String>, scope: &str) -> String {
        let at = f.span().start;
        let s = f.get_ref();
        if s.trim().is_empty() {
            self.errors
                .push(self.src.error(at, "empty entry: expected a word or phrase"));
        }
        if self.bare && s.chars().any(is_arabic_mark) {
            self.errors.push(self.src.error(
                at,
                format!("'{s}' has diacritics or tatweel: write entries without them"),
            ));
        }
        let k = format!("{scope}\u{1}{}", key(s));
        // remember the byte offset; a line number is worked out only for an error (cheap loads)
        if let Some(first) = self.seen.insert(k, at) {
            let (line, col) = self.src.line_col(first);
            self.errors.push(self.src.error(
                at,
                format!("duplicate entry '{s}' (first at line {line}, column {col}; entries are compared after folding)"),
            ));
        }
        s.clone()
    }

    pub(super) fn party(&mut self, p: &Spanned<String>) -> String {
        let s = p.get_ref();
        if s.len() != 2 || !s.chars().all(|c| c.is_ascii_uppercase()) {
            self.errors.push(self.src.error(
                p.span().start,
                format!("party '{s}' is not an ISO 3166-1 alpha-2 code (two capital letters)"),
            ));
        }
        s.clone()
    }

    /// Checks a registry entry's forms by language (`at` is the entry's position): every key is a
    /// language of the rule set, and language `code` has a form or a reason in `missing`, not both.
    pub(super) fn languages(
        &mut self,
        code: &str,
        at: usize,
        lists: &[&ByLanguage],
        missing: &Missing,
    ) {
        let keys = lists.iter().flat_map(|l| l.keys()).chain(missing.keys());
        for k in keys {
            if !LANGUAGES.contains(&k.as_str()) {
                self.errors.push(self.src.error(
                    at,
                    format!(
                        "unknown language '{k}': expected one of {}",
                        LANGUAGES.join(", ")
                    ),
                ));
            }
        }
        let has = lists
            .iter()
            .any(|l| l.get(code).is_some_and(|v| !v.is_empty()));
        match (has, missing.get(code)) {
            (false, None) => self.errors.push(self.src.error(
                at,
                format!("no form in '{code}': add its forms, or say why in missing.{code}"),
            )),
            (true, Some(why)) => self.errors.push(self.src.error(
                why.span().start,
                format!("missing.{code} is given but the entry has forms in '{code}'"),
            )),
            (false, Some(why)) if why.get_ref().trim().is_empty() => {
                self.errors.push(self.src.error(
                    why.span().start,
                    "empty reason: say why the form is missing",
                ))
            }
            _ => {}
        }
    }

    pub(super) fn line(&self, at: usize) -> String {
        format!("{}:{}", self.src.shown, self.src.line_col(at).0)
    }
}

pub(super) fn parse<T: serde::de::DeserializeOwned + Default>(
    src: Option<&&Source>,
    errors: &mut Vec<RuleError>,
) -> T {
    match src.map(|s| s.parse::<T>()) {
        Some(Ok(v)) => v,
        Some(Err(e)) => {
            errors.push(e);
            T::default()
        }
        None => T::default(),
    }
}
