//! JSON Lines input: one article per line, `id` and `text` (or `html`) required; `title`,
//! `published` or `date`, `url`, `outlet`, `language` optional; other fields ignored. A line that
//! is not JSON, or lacks a field, is reported as `path:line: what is wrong` and skipped.

use serde_json::Value;

use std::io::BufRead;

use crate::corpus::{Input, Item, Options, Problem, decode, field_str};
use crate::model::Document;

/// Reads the lines of one JSON Lines file, one document or problem per non-blank line.
pub fn read(shown: &str, mut reader: impl BufRead, opts: Options, sink: &mut dyn FnMut(Item)) {
    let mut line = Vec::new();
    let mut lineno = 0;
    loop {
        line.clear();
        match reader.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                sink(Item::Problem(skip(
                    &format!("{shown}:{}", lineno + 1),
                    format!("cannot read: {e}"),
                )));
                break;
            }
        }
        lineno += 1;
        let bytes = line.strip_suffix(b"\n").unwrap_or(&line);
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        if bytes.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let at = format!("{shown}:{lineno}");
        sink(match parse_line(&at, bytes, opts) {
            Ok(input) => Item::Doc(input),
            Err(p) => Item::Problem(p),
        });
    }
}

fn skip(at: &str, message: impl Into<String>) -> Problem {
    Problem {
        location: at.to_string(),
        message: message.into(),
        skipped: true,
    }
}

/// Parses one line into a document.
pub fn parse_line(at: &str, line: &[u8], opts: Options) -> Result<Input, Problem> {
    if line.len() > opts.max_doc_bytes {
        return Err(skip(
            at,
            format!(
                "{} bytes is over --max-doc-bytes {}: skipped",
                line.len(),
                opts.max_doc_bytes
            ),
        ));
    }
    let line = decode(at, line.to_vec(), opts.lossy)?;
    let value: Value =
        serde_json::from_str(&line).map_err(|e| skip(at, format!("not valid JSON: {e}")))?;
    let Value::Object(obj) = value else {
        return Err(skip(at, "expected a JSON object with \"id\" and \"text\""));
    };
    let id = field_str(&obj, "id").ok_or_else(|| {
        skip(
            at,
            "missing \"id\" (a string): expected {\"id\": ..., \"text\": ...}",
        )
    })?;
    let mut doc = Document {
        id,
        path: at.to_string(),
        title: field_str(&obj, "title"),
        language: field_str(&obj, "language"),
        published: field_str(&obj, "published").or_else(|| field_str(&obj, "date")),
        outlet: field_str(&obj, "outlet"),
        url: field_str(&obj, "url"),
        text: None,
    };
    let text = match (obj.get("text"), obj.get("html")) {
        (Some(Value::String(t)), _) => t.clone(),
        (Some(_), _) => return Err(skip(at, "\"text\" must be a string")),
        (None, Some(Value::String(h))) => {
            let page = crate::html::extract(h);
            doc.title = doc.title.or(page.title);
            doc.published = doc.published.or(page.published);
            doc.text = Some(page.text.clone());
            page.text
        }
        (None, Some(_)) => return Err(skip(at, "\"html\" must be a string")),
        (None, None) => {
            return Err(skip(
                at,
                "missing \"text\" (a string): expected {\"id\": ..., \"text\": ...}",
            ));
        }
    };
    if text.contains('\0') {
        return Err(skip(
            at,
            "NUL character in \"text\": binary content, expected text",
        ));
    }
    Ok(Input { doc, text })
}
