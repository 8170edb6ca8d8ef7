//! Language of a text by script: Arabic letters against Latin letters. Metadata, when it names a
//! language that has rules, takes precedence over this for a document; each sentence is checked
//! again, so a sentence in the other script is read with its own language's rules.

/// `ar` when Arabic letters are at least as many as Latin ones, else `en`.
pub fn detect(text: &str) -> &'static str {
    detect_chars(text.chars())
}

/// [`detect`] over code points (a sentence of a prepared document, without copying it).
pub fn detect_chars(chars: impl Iterator<Item = char>) -> &'static str {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in chars.take(20_000) {
        if ('\u{0600}'..='\u{06FF}').contains(&c)
            || ('\u{0750}'..='\u{077F}').contains(&c)
            || ('\u{FB50}'..='\u{FEFF}').contains(&c)
        {
            arabic += 1;
        } else if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) {
            latin += 1;
        }
    }
    if arabic >= latin { "ar" } else { "en" }
}

#[cfg(test)]
mod tests {
    #[test]
    fn detects_by_script() {
        assert_eq!(super::detect("قال الوزير"), "ar");
        assert_eq!(super::detect("The minister said (قال)"), "en");
        assert_eq!(super::detect_chars("وقال لافروف (Lavrov)".chars()), "ar");
    }
}
