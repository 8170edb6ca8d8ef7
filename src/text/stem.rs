//! The light stemmer: one algorithm for every language, driven by the `[stem]` table of the
//! language's morphology.toml. Affix stripping takes at most one prefix of each group, in order,
//! then at most one suffix, each only when enough letters remain (والقوات → قوات، السوريين →
//! سوري); the English method first drops plural, -ing, -ed and possessive endings.

use serde::Deserialize;

/// How a language's light stems are read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum StemMethod {
    /// Strip the affixes listed in the table.
    #[default]
    Affixes,
    /// English suffix rules (plural, -ing, -ed, possessive), then the listed affixes.
    English,
}

/// Affixes of one kind and how many letters must remain once one is stripped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Affixes {
    /// The affixes (folded), tried in order.
    pub strip: Vec<String>,
    /// Letters that must remain.
    pub keep: usize,
}

/// A compiled light stemmer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stemmer {
    /// The method.
    pub method: StemMethod,
    /// Prefix groups: of each, the first alternative that leaves enough letters.
    pub prefixes: Vec<Vec<Affixes>>,
    /// Suffix alternatives: the first that leaves enough letters.
    pub suffixes: Vec<Affixes>,
    /// Proclitics a stem may keep when the stemmer cannot tell them from a root letter
    /// (`بتكوين` / `تكوين`): two stems one such letter apart are one word.
    pub proclitics: Affixes,
    /// Long vowels dropped to compare two stems' consonants (`يعتذر` / `اعتذار`).
    pub vowels: Vec<char>,
    /// Verb or participle prefixes dropped from a consonant skeleton (`تتراجع` / `تراجع`).
    pub pattern_prefixes: Affixes,
}

impl Stemmer {
    /// The light stem of a folded word.
    pub fn stem(&self, word: &str) -> String {
        if self.method == StemMethod::English {
            return english(word);
        }
        let mut w = word;
        for group in &self.prefixes {
            if let Some(rest) = strip_first(w, group, |w, a| w.strip_prefix(a)) {
                w = rest;
            }
        }
        if let Some(rest) = strip_first(w, &self.suffixes, |w, a| w.strip_suffix(a)) {
            w = rest;
        }
        w.to_string()
    }
}

impl Stemmer {
    /// Whether two stems are the same word: equal, long and nearly equal (spelling variants and
    /// typos), one with a proclitic the other lacks, or of one consonant skeleton once long
    /// vowels and a pattern prefix are dropped.
    pub fn same_word(&self, a: &str, b: &str) -> bool {
        if a == b {
            return true;
        }
        let (la, lb) = (a.chars().count(), b.chars().count());
        if la >= 4 && lb >= 4 && strsim::jaro_winkler(a, b) >= 0.9 {
            return true;
        }
        if self.clitic_of(a, b) || self.clitic_of(b, a) {
            return true;
        }
        if self.vowels.is_empty() {
            return false;
        }
        let (ka, kb) = (self.skeleton(a), self.skeleton(b));
        let long = |k: &str| k.chars().count() >= 3;
        long(&ka)
            && long(&kb)
            && (ka == kb || self.unprefixed(&ka) == kb || self.unprefixed(&kb) == ka)
    }

    /// Whether `long` is `short` with one of the proclitics before it.
    fn clitic_of(&self, long: &str, short: &str) -> bool {
        short.chars().count() >= self.proclitics.keep
            && long
                .strip_suffix(short)
                .is_some_and(|p| self.proclitics.strip.iter().any(|c| c == p))
    }

    /// The consonants of a stem: its long vowels dropped.
    fn skeleton(&self, stem: &str) -> String {
        stem.chars().filter(|c| !self.vowels.contains(c)).collect()
    }

    /// A skeleton without a leading pattern prefix, when enough letters remain.
    fn unprefixed<'a>(&self, k: &'a str) -> &'a str {
        strip_first(k, std::slice::from_ref(&self.pattern_prefixes), |w, a| {
            w.strip_prefix(a)
        })
        .unwrap_or(k)
    }
}

/// `w` without the first affix of `alternatives` that leaves enough letters.
fn strip_first<'a>(
    w: &'a str,
    alternatives: &[Affixes],
    strip: impl Fn(&'a str, &str) -> Option<&'a str>,
) -> Option<&'a str> {
    alternatives.iter().find_map(|alt| {
        alt.strip
            .iter()
            .find_map(|a| strip(w, a).filter(|r| r.chars().count() >= alt.keep))
    })
}

/// An English light stem: possessive, plural, -ing and -ed off, a doubled final consonant and a
/// final e dropped (`stopped` → `stop`, `talks` → `talk`, `policies` → `policy`).
fn english(word: &str) -> String {
    let w = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    let long = |r: &str| r.chars().count() >= 3;
    if let Some(r) = w.strip_suffix("ies").filter(|r| long(r)) {
        return format!("{r}y");
    }
    if let Some(r) = w.strip_suffix("ied").filter(|r| long(r)) {
        return format!("{r}y");
    }
    for suffix in ["ing", "ed"] {
        if let Some(r) = w.strip_suffix(suffix).filter(|r| long(r)) {
            return undouble(r);
        }
    }
    if let Some(r) = w.strip_suffix("es").filter(|r| {
        long(r) && (r.ends_with('s') || r.ends_with('x') || r.ends_with("ch") || r.ends_with("sh"))
    }) {
        return r.to_string();
    }
    if let Some(r) = w
        .strip_suffix('s')
        .filter(|r| long(r) && !r.ends_with('s') && !r.ends_with('u') && !r.ends_with('i'))
    {
        return r
            .strip_suffix('e')
            .filter(|r| long(r))
            .unwrap_or(r)
            .to_string();
    }
    w.strip_suffix('e')
        .filter(|r| long(r))
        .unwrap_or(w)
        .to_string()
}

/// A stem without a doubled final consonant (`stopp` of `stopped` to `stop`).
fn undouble(r: &str) -> String {
    let mut cs: Vec<char> = r.chars().collect();
    let n = cs.len();
    if n >= 4 && cs[n - 1] == cs[n - 2] && !matches!(cs[n - 1], 'l' | 's' | 'z' | 'e' | 'o') {
        cs.pop();
    }
    let out: String = cs.into_iter().collect();
    out.strip_suffix('e')
        .filter(|r| r.chars().count() >= 3)
        .map_or(out.clone(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_strip_one_of_each_group_keeping_enough_letters() {
        let s = Stemmer {
            method: StemMethod::Affixes,
            prefixes: vec![vec![Affixes {
                strip: vec!["un".into()],
                keep: 3,
            }]],
            suffixes: vec![Affixes {
                strip: vec!["ness".into(), "s".into()],
                keep: 3,
            }],
            ..Stemmer::default()
        };
        assert_eq!(s.stem("unkindness"), "kind");
        assert_eq!(s.stem("unit"), "unit");
        assert_eq!(s.stem("gas"), "gas");
        // without vowels or proclitics, two stems are one word only when (nearly) equal
        assert!(s.same_word("kind", "kind") && !s.same_word("kind", "mind"));
    }

    #[test]
    fn skeletons_meet_without_vowels_and_pattern_prefixes() {
        let s = Stemmer {
            vowels: vec!['a', 'e'],
            pattern_prefixes: Affixes {
                strip: vec!["t".into()],
                keep: 3,
            },
            proclitics: Affixes {
                strip: vec!["b".into()],
                keep: 4,
            },
            ..Stemmer::default()
        };
        assert!(s.same_word("trgm", "ragam"));
        assert!(s.same_word("bkorn", "korn"));
        assert!(!s.same_word("rgm", "lgm"));
    }

    #[test]
    fn english_endings() {
        let s = Stemmer {
            method: StemMethod::English,
            ..Stemmer::default()
        };
        assert_eq!(s.stem("policies"), "policy");
        assert_eq!(s.stem("stopped"), "stop");
        assert_eq!(s.stem("talks"), "talk");
        assert_eq!(s.stem("turkey's"), "turkey");
    }
}
