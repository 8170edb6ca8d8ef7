//! JSON Lines input: one article per line, `id` and `text` (or `html`) required; `title`,
//! `published` or `date`, `url`, `outlet`, `language` optional; other fields ignored. A line that
//! is not JSON, or lacks a field, is reported as `path:line: what is wrong` and skipped.

use serde::Deserialize;
use serde_json::value::RawValue;

use std::io::BufRead;

use super::item::{Input, Item, Options, Problem, decode_slice, too_big};
use crate::model::Document;

/// Reads the lines of one JSON Lines file, one document or problem per non-blank line. Lines end
/// with `\n`, `\r\n` or a lone `\r` (JSON text has no raw CR, so this never splits a document).
/// A line over `--max-doc-bytes` is skipped without being held in memory.
pub fn read(shown: &str, mut reader: impl BufRead, opts: Options, sink: &mut dyn FnMut(Item)) {
    let mut line = Vec::new();
    let mut lineno = 0;
    loop {
        line.clear();
        let length = match read_line(&mut reader, &mut line, opts.max_doc_bytes) {
            Ok(None) => break,
            Ok(Some(n)) => n,
            Err(e) => {
                sink(Item::Problem(skip(
                    &format!("{shown}:{}", lineno + 1),
                    format!("cannot read: {e}"),
                )));
                break;
            }
        };
        lineno += 1;
        let at = format!("{shown}:{lineno}");
        if length > opts.max_doc_bytes {
            sink(Item::Problem(skip(
                &at,
                too_big(Some(length as u64), opts.max_doc_bytes),
            )));
            continue;
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        sink(match parse_line(&at, &line, opts) {
            Ok(input) => Item::Doc(input),
            Err(p) => Item::Problem(p),
        });
    }
}

/// Reads one line without its end into `line`, keeping at most `limit + 1` bytes of it; returns
/// the line's whole length, or `None` at the end of the input.
fn read_line(
    reader: &mut impl BufRead,
    line: &mut Vec<u8>,
    limit: usize,
) -> std::io::Result<Option<usize>> {
    let mut length = 0;
    let mut any = false;
    loop {
        let buf = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(any.then_some(length));
        }
        any = true;
        let end = memchr::memchr2(b'\n', b'\r', buf);
        let chunk = &buf[..end.unwrap_or(buf.len())];
        let room = limit.saturating_add(1).saturating_sub(line.len());
        line.extend_from_slice(&chunk[..chunk.len().min(room)]);
        length += chunk.len();
        let Some(end) = end else {
            let n = chunk.len();
            reader.consume(n);
            continue;
        };
        let cr = buf[end] == b'\r';
        reader.consume(end + 1);
        if cr && reader.fill_buf()?.first() == Some(&b'\n') {
            reader.consume(1);
        }
        return Ok(Some(length));
    }
}

fn skip(at: &str, message: impl Into<String>) -> Problem {
    Problem {
        location: at.to_string(),
        message: message.into(),
        skipped: true,
    }
}

/// The fields of a line that a document uses, each left as raw JSON until it is read: unknown
/// fields are skipped without being built, and the article text is decoded once.
#[derive(Deserialize)]
struct Line<'a> {
    #[serde(borrow)]
    id: Option<&'a RawValue>,
    #[serde(borrow)]
    text: Option<&'a RawValue>,
    #[serde(borrow)]
    html: Option<&'a RawValue>,
    #[serde(borrow)]
    title: Option<&'a RawValue>,
    #[serde(borrow)]
    language: Option<&'a RawValue>,
    #[serde(borrow)]
    published: Option<&'a RawValue>,
    #[serde(borrow)]
    date: Option<&'a RawValue>,
    #[serde(borrow)]
    outlet: Option<&'a RawValue>,
    #[serde(borrow)]
    url: Option<&'a RawValue>,
}

/// A raw JSON string's value, or `None` for any other JSON value.
fn string(raw: Option<&RawValue>) -> Option<String> {
    let body = raw?.get().strip_prefix('"')?.strip_suffix('"')?;
    unescape(body)
}

/// The value of a JSON string's body, which parsing the line has already checked (no raw
/// control character, escapes well formed): copied once, run by run between backslashes, where
/// `serde_json` would copy it twice. `None` for a surrogate escape that is not one of a pair, as
/// `serde_json` refuses those.
fn unescape(body: &str) -> Option<String> {
    let mut out = String::with_capacity(body.len());
    let mut rest = body;
    while let Some(k) = memchr::memchr(b'\\', rest.as_bytes()) {
        out.push_str(&rest[..k]);
        // an escape is one ASCII letter or sign (anything else is no JSON, and never sliced)
        let escape = *rest.as_bytes().get(k + 1).filter(|b| b.is_ascii())?;
        rest = &rest[k + 2..];
        out.push(match escape {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let unit = hex4(&mut rest)?;
                match unit {
                    0xD800..=0xDBFF => {
                        rest = rest.strip_prefix("\\u")?;
                        let low = hex4(&mut rest)?;
                        if !(0xDC00..=0xDFFF).contains(&low) {
                            return None;
                        }
                        char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))?
                    }
                    _ => char::from_u32(unit)?,
                }
            }
            _ => return None,
        });
    }
    out.push_str(rest);
    Some(out)
}

/// The four hex digits at the start of `rest`, consumed.
fn hex4(rest: &mut &str) -> Option<u32> {
    let digits = rest.as_bytes().get(..4)?;
    if !digits.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    let unit = u32::from_str_radix(&rest[..4], 16).ok()?;
    *rest = &rest[4..];
    Some(unit)
}

/// A raw JSON string's or number's text (numbers are accepted for ids).
fn string_or_number(raw: Option<&RawValue>) -> Option<String> {
    match raw?.get().as_bytes().first()? {
        b'-' | b'0'..=b'9' => Some(raw?.get().to_string()),
        _ => string(raw),
    }
}

/// Parses one line into a document.
pub fn parse_line(at: &str, line: &[u8], opts: Options) -> Result<Input, Problem> {
    if line.len() > opts.max_doc_bytes {
        return Err(skip(
            at,
            too_big(Some(line.len() as u64), opts.max_doc_bytes),
        ));
    }
    let line = decode_slice(at, line, opts.lossy)?;
    let fields = object(at, &line)?;
    let id = doc_id(fields.id).map_err(|m| skip(at, m))?;
    let mut doc = Document {
        id,
        path: at.to_string(),
        title: string(fields.title),
        language: string(fields.language).map(Into::into),
        published: string(fields.published).or_else(|| string(fields.date)),
        published_from: None,
        outlet: string(fields.outlet).map(Into::into),
        url: string(fields.url),
        text: None,
    };
    let text = text_of(at, &fields, &mut doc)?;
    if text.contains('\0') {
        return Err(skip(
            at,
            "NUL character in \"text\": binary content, expected text",
        ));
    }
    Ok(Input { doc, text })
}

/// The fields of a line that holds a JSON object.
fn object<'a>(at: &str, line: &'a str) -> Result<Line<'a>, Problem> {
    if !line.trim_start().starts_with('{') {
        // checked first, so that any other JSON value is named as what it is not
        return match serde_json::from_str::<serde::de::IgnoredAny>(line) {
            Ok(_) => Err(skip(at, "expected a JSON object with \"id\" and \"text\"")),
            Err(e) => Err(skip(at, format!("not valid JSON: {e}"))),
        };
    }
    serde_json::from_str(line).map_err(|e| skip(at, format!("not valid JSON: {e}")))
}

/// The document's id: a string that is not blank, or a number.
fn doc_id(raw: Option<&RawValue>) -> Result<String, &'static str> {
    match raw {
        None => Err("missing \"id\" (a string): expected {\"id\": ..., \"text\": ...}"),
        Some(_) => match string_or_number(raw) {
            Some(id) if id.trim().is_empty() => Err("\"id\" is empty: expected a name"),
            Some(id) => Ok(id),
            None => Err("\"id\" must be a string or a number"),
        },
    }
}

/// The document's text: `text`, or else the article read from `html` (whose title and date
/// fill in what the line lacks).
fn text_of(at: &str, fields: &Line, doc: &mut Document) -> Result<String, Problem> {
    match (fields.text, fields.html) {
        (Some(t), _) => string(Some(t)).ok_or_else(|| skip(at, "\"text\" must be a string")),
        (None, Some(h)) => {
            let h = string(Some(h)).ok_or_else(|| skip(at, "\"html\" must be a string"))?;
            let page = super::page::extract(&h).map_err(|m| skip(at, m))?;
            doc.title = doc.title.take().or(page.title);
            doc.published = doc.published.take().or(page.published);
            doc.text = Some(page.text.clone());
            Ok(page.text)
        }
        (None, None) => Err(skip(
            at,
            "missing \"text\" (a string): expected {\"id\": ..., \"text\": ...}",
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `serde_json` makes of a raw JSON string, as `string` read it before.
    fn by_serde(raw: &str) -> Option<String> {
        serde_json::from_str::<String>(raw).ok()
    }

    fn by_unescape(raw: &str) -> Option<String> {
        let value: Box<RawValue> = serde_json::from_str(raw).ok()?;
        string(Some(&value))
    }

    #[test]
    fn unescapes_as_serde_json_does() {
        for raw in [
            r#""""#,
            r#""plain""#,
            r#""a\"b\\c\/d\n\r\t\b\f""#,
            r#""\u0041\u00e9\u0627\u0000""#,
            r#""\ud83d\ude00 pair""#,
            r#""\ud83d lone lead""#,
            r#""\ude00 lone trail""#,
            r#""\ud83d\u0041 lead then letter""#,
            r#""\u0041\""#,
            "\"قال «نعم»\\n\"",
        ] {
            assert_eq!(by_unescape(raw), by_serde(raw), "{raw}");
        }
        // no JSON reaches it so, but a broken escape is refused, never sliced through
        assert_eq!(unescape("a\\"), None);
        assert_eq!(unescape("a\\é"), None);
        assert_eq!(unescape("\\u12"), None);
        assert_eq!(unescape("\\u12é4"), None);
    }

    proptest! {
        #[test]
        fn unescapes_any_string_as_serde_json_does(s in "\\PC*|[\\x00-\\x1f\"\\\\/a-z\u{600}-\u{6ff}\u{1F600}]*") {
            let raw = serde_json::to_string(&s).unwrap();
            prop_assert_eq!(by_unescape(&raw), Some(s.clone()));
            // and with every character escaped as \uXXXX, pairs for those beyond the BMP
            let mut escaped = String::from("\"");
            for unit in s.encode_utf16() {
                escaped.push_str(&format!("\\u{unit:04x}"));
            }
            escaped.push('"');
            prop_assert_eq!(by_unescape(&escaped), by_serde(&escaped));
        }
    }

    fn read_all(input: &[u8], max: usize) -> Vec<String> {
        let opts = Options {
            lossy: false,
            max_doc_bytes: max,
        };
        let mut out = Vec::new();
        read("c.jsonl", input, opts, &mut |item| {
            out.push(match item {
                Item::Doc(d) => format!("{} {} {:?}", d.doc.path, d.doc.id, d.text),
                Item::Problem(p) => p.to_string(),
            })
        });
        out
    }

    #[test]
    fn lines_may_end_with_lf_crlf_or_cr() {
        let input = b"{\"id\":\"a\",\"text\":\"x\"}\r\n{\"id\":\"b\",\"text\":\"y\"}\r{\"id\":\"c\",\"text\":\"z\"}\n\n{\"id\":\"d\",\"text\":\"w\"}";
        assert_eq!(
            read_all(input, 1000),
            [
                "c.jsonl:1 a \"x\"",
                "c.jsonl:2 b \"y\"",
                "c.jsonl:3 c \"z\"",
                "c.jsonl:5 d \"w\""
            ]
        );
    }

    #[test]
    fn a_long_line_is_skipped_and_the_next_read() {
        let long = format!("{{\"id\":\"a\",\"text\":\"{}\"}}\n", "x".repeat(100));
        let input = format!("{long}{{\"id\":\"b\",\"text\":\"y\"}}\n");
        assert_eq!(
            read_all(input.as_bytes(), 50),
            [
                "c.jsonl:1: 120 bytes is over --max-doc-bytes 50: skipped, not truncated",
                "c.jsonl:2 b \"y\""
            ]
        );
    }

    #[test]
    fn bad_lines_say_what_is_wrong() {
        let input = "not json\n[1]\n{\"text\":\"x\"}\n{\"id\":\"\",\"text\":\"x\"}\n{\"id\":[],\"text\":\"x\"}\n\
                     {\"id\":\"a\"}\n{\"id\":\"a\",\"text\":5}\n{\"id\":\"a\",\"html\":5}\n{\"id\":\"a\",\"text\":\"\\u0000\"}\n";
        let got = read_all(input.as_bytes(), 1000);
        let want = [
            "c.jsonl:1: not valid JSON",
            "c.jsonl:2: expected a JSON object",
            "c.jsonl:3: missing \"id\"",
            "c.jsonl:4: \"id\" is empty",
            "c.jsonl:5: \"id\" must be a string or a number",
            "c.jsonl:6: missing \"text\"",
            "c.jsonl:7: \"text\" must be a string",
            "c.jsonl:8: \"html\" must be a string",
            "c.jsonl:9: NUL character",
        ];
        assert_eq!(got.len(), want.len(), "{got:#?}");
        for (g, w) in got.iter().zip(want) {
            assert!(g.starts_with(w), "{g} does not start with {w}");
        }
    }

    #[test]
    fn an_html_field_is_read_as_a_page() {
        let input = br#"{"id":"h","html":"<title>T</title><p>Body &amp; more</p>"}"#;
        assert_eq!(
            read_all(input, 1000),
            ["c.jsonl:1 h \"T\\n\\nBody & more\""]
        );
    }
}
