//! What the comparator reads from a claim's content besides stance and topics: whether it
//! describes what a meeting discussed, its figures with their units, and its content words.

use std::collections::BTreeSet;

use crate::model::Claim;
use crate::rules::LangRules;
use crate::rules::lexicon::{Clitics, variants};
use crate::text::token::{Token, TokenKind, tokenize};

/// Features of one claim's content.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Whether the content names a meeting or what it discussed.
    pub about_meeting: bool,
    /// (figure, unit word) pairs.
    pub figures: Vec<(String, String)>,
    /// Light stems of the content words.
    pub words: BTreeSet<String>,
}

/// Reads the features of a claim's content.
pub fn of(claim: &Claim, rules: &LangRules) -> Features {
    let chars: Vec<char> = claim.content.text.chars().collect();
    let tokens = tokenize(&chars);
    let about_meeting = (0..tokens.len()).any(|i| {
        rules.agenda.longest_at(&tokens, i, Clitics::Conj).is_some() || rules.meetings.longest_at(&tokens, i, Clitics::ConjPrep).is_some()
    });
    Features { about_meeting, figures: figures(&tokens), words: words(&tokens) }
}

fn figures(tokens: &[Token]) -> Vec<(String, String)> {
    tokens
        .windows(2)
        .filter(|w| w[0].kind == TokenKind::Number && w[1].kind == TokenKind::Word)
        .filter(|w| w[0].key.parse::<u32>().is_ok_and(|n| !(1900..=2100).contains(&n)))
        .map(|w| (w[0].key.clone(), stem(&w[1].key)))
        .collect()
}

fn words(tokens: &[Token]) -> BTreeSet<String> {
    tokens.iter().filter(|t| t.kind == TokenKind::Word && t.key.chars().count() > 3).map(|t| stem(&t.key)).collect()
}

/// A light stem: clitics, the article and common suffixes off (السوري، سوريين → سوري).
pub fn stem(word: &str) -> String {
    let (w, _) = *variants(word, Clitics::ConjPrep).last().unwrap_or(&(word, 0));
    let w = w.strip_prefix("ال").filter(|r| r.chars().count() >= 3).unwrap_or(w);
    for suffix in ["يين", "ين", "ون", "ات", "يه", "ه", "ي", "ا"] {
        if let Some(r) = w.strip_suffix(suffix).filter(|r| r.chars().count() >= 3) {
            return r.to_string();
        }
    }
    w.to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn stems_fold_number_and_article() {
        assert_eq!(super::stem("السوريين"), super::stem("سوري"));
        assert_eq!(super::stem("والقوات"), "قو");
    }
}
