//! Language of a text by script: Arabic letters against Latin letters. Metadata, when it names a
//! language that has rules, takes precedence over this for a document; each sentence is checked
//! again, so a sentence in the other script is read with its own language's rules.

/// Code points read to decide a text's language.
const READ: usize = 20_000;

/// `ar` when Arabic letters are at least as many as Latin ones, else `en` (over the first
/// [`READ`] code points).
pub fn detect(text: &str) -> &'static str {
    let end = if text.len() <= READ {
        text.len()
    } else {
        text.char_indices().nth(READ).map_or(text.len(), |(i, _)| i)
    };
    let (arabic, latin) = letters_in_utf8(&text.as_bytes()[..end]);
    verdict(arabic, latin)
}

/// Arabic and Latin letters of UTF-8 text, counted off its bytes: the letters of the main
/// Arabic block are two-byte sequences whose lead byte is D8-DB, ASCII letters are single
/// bytes, so simple counts (which the compiler vectorizes) cover nearly every letter, and the
/// rarer blocks are found through their lead bytes. As [`detect_chars`], several times faster
/// than decoding every code point (language detection was 4 % of a run).
fn letters_in_utf8(b: &[u8]) -> (usize, usize) {
    let (main_arabic, ascii) = count_runs(b, |x: u8| {
        (
            u8::from(x.wrapping_sub(0xD8) < 4),
            u8::from((x | 0x20).wrapping_sub(b'a') < 26) + u8::from(x.wrapping_sub(0xC3) < 6),
        )
    });
    let (mut arabic, mut latin) = (main_arabic, ascii);
    // U+0750-077F (DD 90-BF), U+FB50-FEFF (EF AD 90 - EF BB BF), U+00C0-024F (C3 80 - C9 8F)
    for i in memchr::memchr3_iter(0xDD, 0xEF, 0xC9, b) {
        let next = |k: usize| b.get(i + k).copied().unwrap_or(0);
        match b[i] {
            0xDD => arabic += usize::from(next(1) >= 0x90),
            0xEF => {
                arabic +=
                    usize::from((0xAD90..=0xBBBF).contains(&u16::from_be_bytes([next(1), next(2)])))
            }
            _ => latin += usize::from(next(1) <= 0x8F),
        }
    }
    (arabic, latin)
}

/// Two sums of per-item counts, added up in `u8`s over runs short enough not to overflow (so
/// that the loop runs on vector registers).
fn count_runs<T: Copy>(items: &[T], f: impl Fn(T) -> (u8, u8)) -> (usize, usize) {
    items.chunks(255).fold((0, 0), |(x, y), run| {
        let (a, l) = run.iter().fold((0u8, 0u8), |(a, l), &v| {
            let (da, dl) = f(v);
            (a + da, l + dl)
        });
        (x + usize::from(a), y + usize::from(l))
    })
}

/// [`detect`] over a slice of code points (a sentence of a prepared document, without copying
/// it), counted in runs the compiler vectorizes: this is asked of every sentence.
pub fn detect_slice(chars: &[char]) -> &'static str {
    let read = &chars[..chars.len().min(READ)];
    let (arabic, latin) = count_runs(read, |c| (u8::from(is_arabic(c)), u8::from(is_latin(c))));
    verdict(arabic, latin)
}

/// [`detect`] over code points.
pub fn detect_chars(chars: impl Iterator<Item = char>) -> &'static str {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in chars.take(READ) {
        if is_arabic(c) {
            arabic += 1;
        } else if is_latin(c) {
            latin += 1;
        }
    }
    verdict(arabic, latin)
}

/// `ar` when Arabic letters are at least as many as Latin ones, else `en`.
fn verdict(arabic: usize, latin: usize) -> &'static str {
    if arabic >= latin { "ar" } else { "en" }
}

/// Whether `c` is a letter of the Arabic blocks counted for the language.
fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
        || ('\u{0750}'..='\u{077F}').contains(&c)
        || ('\u{FB50}'..='\u{FEFF}').contains(&c)
}

/// Whether `c` is a Latin letter counted for the language.
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn bytes_count_the_letters_code_points_do(s in "[\\PC\\u{0600}-\\u{06FF}\\u{0740}-\\u{077F}\\u{00B0}-\\u{0260}\\u{FB40}-\\u{FFFF}a-zA-Z ]{0,60}") {
            let by_chars = s.chars().fold((0, 0), |(a, l), c| {
                (a + usize::from(super::is_arabic(c)), l + usize::from(super::is_latin(c) && !super::is_arabic(c)))
            });
            prop_assert_eq!(super::letters_in_utf8(s.as_bytes()), by_chars);
            prop_assert_eq!(super::detect(&s), super::detect_chars(s.chars()));
            let chars: Vec<char> = s.chars().collect();
            prop_assert_eq!(super::detect_slice(&chars), super::detect_chars(s.chars()));
        }
    }

    #[test]
    fn only_the_first_code_points_decide() {
        let text = format!("{}{}", "a".repeat(super::READ), "ب".repeat(super::READ));
        assert_eq!(super::detect(&text), "en");
        assert_eq!(super::detect_chars(text.chars()), "en");
        let text = format!("{}{}", "ب".repeat(super::READ / 2), "a".repeat(super::READ));
        assert_eq!(super::detect(&text), "ar");
    }

    #[test]
    fn detects_by_script() {
        assert_eq!(super::detect("قال الوزير"), "ar");
        assert_eq!(super::detect("The minister said (قال)"), "en");
        assert_eq!(super::detect_chars("وقال لافروف (Lavrov)".chars()), "ar");
    }
}
