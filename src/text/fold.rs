//! Arabic (and Latin) folding for matching only: diacritics and tatweel dropped, alef and
//! hamza forms, alef maqsura, ta marbuta and Persian letters unified, Arabic-Indic digits made
//! ASCII, every quotation mark made `"`, Latin lower-cased. The displayed text is never changed:
//! [`fold`] returns a map from each folded byte back to the original code point.

use unicode_normalization::UnicodeNormalization;

/// A folded string with, for each of its bytes, the index of the original code point it came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    /// The folded text (match keys only, never shown).
    pub text: String,
    /// `map[i]` is the original code point index of folded byte `i`.
    pub map: Vec<usize>,
}

/// Whether `c` is an Arabic diacritic, Quranic mark or tatweel, all dropped by folding.
pub fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
        | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}' | '\u{0640}')
}

/// Whether `c` is one of the many quotation marks news text uses.
pub fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2033}'
            | '\u{301D}'
            | '\u{301E}'
            | '\u{FF02}'
    )
}

/// Folds one code point (already NFKC-decomposed) into zero or one match character.
#[inline]
fn fold_one(c: char) -> Option<char> {
    // fast paths: most text is ASCII or plain Arabic letters, which need no table lookup
    if c.is_ascii() {
        return Some(if c == '"' { c } else { c.to_ascii_lowercase() });
    }
    if ('\u{0621}'..='\u{063A}').contains(&c) || ('\u{0641}'..='\u{064A}').contains(&c) {
        return Some(arabic_letter(c));
    }
    if is_arabic_mark(c) || c == '\u{200C}' || c == '\u{200D}' || c == '\u{200F}' || c == '\u{200E}'
    {
        return None;
    }
    if is_quote(c) {
        return Some('"');
    }
    Some(match c {
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        'ى' | 'ی' | 'ې' => 'ي',
        'ة' => 'ه',
        'ک' => 'ك',
        'ؤ' => 'و',
        'ئ' => 'ي',
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
        _ => return c.to_lowercase().next().or(Some(c)),
    })
}

/// Whether `c` needs compatibility normalization before folding (presentation forms, ligatures).
fn needs_nfkc(c: char) -> bool {
    matches!(c, '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{FB00}'..='\u{FB4F}' | '\u{FF00}'..='\u{FFEF}')
}

/// Folds `s`, keeping for every folded byte the index of the code point it came from.
pub fn fold(s: &str) -> Folded {
    let mut out = Folded::default();
    for (i, c) in s.chars().enumerate() {
        if needs_nfkc(c) {
            for d in std::iter::once(c).nfkc() {
                push_folded(&mut out, d, i);
            }
        } else {
            push_folded(&mut out, c, i);
        }
    }
    out
}

fn push_folded(out: &mut Folded, c: char, origin: usize) {
    if let Some(f) = fold_one(c) {
        let before = out.text.len();
        out.text.push(f);
        out.map
            .extend(std::iter::repeat_n(origin, out.text.len() - before));
    }
}

/// Folds `s` into a plain match key (no map), as rule entries are folded when loaded.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_key_into(s.chars(), &mut out);
    out
}

/// Folds code points into a match key without building an offset map (the tokenizer's path),
/// appending to `out` so that one buffer serves every token.
pub fn fold_key_into(chars: impl Iterator<Item = char>, out: &mut String) {
    // a local string: its length stays in a register, not reloaded from `out` for every char
    let mut folded = std::mem::take(out);
    for c in chars {
        // the commonest cases first, inline: none needs compatibility normalization
        if c.is_ascii() {
            folded.push(if c == '"' { c } else { c.to_ascii_lowercase() });
        } else if ('\u{0621}'..='\u{063A}').contains(&c) || ('\u{0641}'..='\u{064A}').contains(&c) {
            folded.push(arabic_letter(c));
        } else if needs_nfkc(c) {
            folded.extend(std::iter::once(c).nfkc().filter_map(fold_one));
        } else if let Some(f) = fold_one(c) {
            folded.push(f);
        }
    }
    *out = folded;
}

/// [`fold_one`] on the basic Arabic letters (U+0621–063A, U+0641–064A), all of which it keeps.
#[inline]
fn arabic_letter(c: char) -> char {
    match c {
        'أ' | 'إ' | 'آ' => 'ا',
        'ى' => 'ي',
        'ة' => 'ه',
        'ؤ' => 'و',
        'ئ' => 'ي',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_hamza_diacritics_and_tatweel() {
        assert_eq!(key("أَكّدَ"), "اكد");
        assert_eq!(key("إنـــه"), "انه");
        assert_eq!(key("مضيفاً"), "مضيفا");
        assert_eq!(key("البناءة"), "البناءه");
        assert_eq!(key("على"), "علي");
    }

    #[test]
    fn the_inline_cases_fold_as_the_table_does() {
        for c in (0..0x80).chain(0x600..0x700).filter_map(char::from_u32) {
            let mut out = String::new();
            fold_key_into(std::iter::once(c), &mut out);
            assert_eq!(
                out,
                fold_one(c).map(String::from).unwrap_or_default(),
                "{c:?}"
            );
        }
    }

    #[test]
    fn folds_digits_and_quotes() {
        assert_eq!(key("٢٠٢٣"), "2023");
        assert_eq!(key("«قال»"), "\"قال\"");
        assert_eq!(key("“x”"), "\"x\"");
    }

    #[test]
    fn map_points_back_to_original_code_points() {
        let f = fold("قَالَ ﻻ");
        assert_eq!(f.text, "قال لا");
        // the ligature ﻻ at code point 6 expands to two letters, both mapped to 6
        let last = *f.map.last().unwrap();
        assert_eq!(last, 6);
        assert_eq!(f.map.len(), f.text.len());
    }
}
