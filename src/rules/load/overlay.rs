//! A user's rule file laid over the built-in one, entry by entry. An entry is one `[[name]]`
//! table with its sub-tables (a cue, a state, a conflict rule), known by its `id`, `lemma` or
//! `name` (one without is known by its whole content); a plain `[table]` (such as `[thresholds]`) and a top-level key (such as `openers`) are
//! entries known by their name. A user entry replaces the built-in entry of the same name and id,
//! and a user entry with a new id is added; built-in entries the user does not name stay.
//! `replace = true` at the top of the user file replaces the built-in file instead.
//!
//! The merged text is built so that every position still points into a file the user can open:
//! the built-in file's top-level keys (before its first table), then the user's file verbatim,
//! then the rest of the built-in file; replaced built-in entries are blanked byte for byte (every
//! line kept), and [`Region`]s map each part back to its file and line.

use std::collections::HashSet;

use super::{Region, Source};

/// What a user file did to the built-in file of the same name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The user file replaces the built-in one (`replace = true`).
    Replaced,
    /// The user file's entries were laid over the built-in ones.
    Overlaid {
        /// User entries that replaced a built-in entry.
        overridden: usize,
        /// User entries that are new.
        added: usize,
    },
}

/// A line range of a TOML file that holds one entry, with the entry's identity.
#[derive(Debug)]
struct Entry {
    /// Byte range in the file.
    start: usize,
    end: usize,
    /// `kind:name` or `kind:name:id` (`array:cue:قال`, `table:thresholds`, `key:openers`).
    id: Option<String>,
}

/// Lays `user` (read from `shown`) over the built-in `default` text of the file `rel`.
pub fn overlay(rel: &str, default: &str, user: &str, shown: &str) -> (Source, Mode) {
    let builtin = format!("rules/{rel}");
    let Ok(parsed) = user.parse::<toml::Table>() else {
        // a syntax error: the user's file alone, so the error points at its own line
        return (plain(rel, shown, user.to_string()), Mode::Replaced);
    };
    let user_entries = entries(user);
    let mut user_text = user.to_string();
    for e in &user_entries {
        if e.id.as_deref() == Some("key:replace") {
            blank(&mut user_text, e.start, e.end);
        }
    }
    if parsed.get("replace").and_then(toml::Value::as_bool) == Some(true) {
        return (plain(rel, shown, user_text), Mode::Replaced);
    }
    let named: HashSet<&str> = user_entries
        .iter()
        .filter_map(|e| e.id.as_deref())
        .collect();
    let mut base = default.to_string();
    let mut overridden = 0;
    for e in entries(default) {
        if e.id.as_deref().is_some_and(|id| named.contains(id)) {
            blank(&mut base, e.start, e.end);
            overridden += 1;
        }
    }
    let counted = user_entries
        .iter()
        .filter(|e| e.id.as_deref() != Some("key:replace"))
        .count();
    let split = first_header(&base).unwrap_or(base.len());
    let (head, rest) = base.split_at(split);
    let mut text = String::with_capacity(head.len() + user_text.len() + rest.len() + 2);
    let mut regions = Vec::new();
    let mut push = |text: &mut String, part: &str, origin: &str, first_line: usize| {
        regions.push(Region {
            start: text.len(),
            origin: origin.to_string(),
            first_line,
        });
        text.push_str(part);
        if !part.ends_with('\n') {
            text.push('\n');
        }
    };
    push(&mut text, head, &builtin, 1);
    push(&mut text, &user_text, shown, 1);
    push(&mut text, rest, &builtin, head.matches('\n').count() + 1);
    let source = Source {
        rel: rel.to_string(),
        shown: shown.to_string(),
        text,
        regions,
    };
    let mode = Mode::Overlaid {
        overridden,
        added: counted.saturating_sub(overridden),
    };
    (source, mode)
}

fn plain(rel: &str, shown: &str, text: String) -> Source {
    Source {
        rel: rel.to_string(),
        shown: shown.to_string(),
        text,
        regions: Vec::new(),
    }
}

/// Replaces every byte of `text[start..end]` but line ends with a space, so that lengths, byte
/// offsets and line numbers stay as they were.
fn blank(text: &mut String, start: usize, end: usize) {
    let blanked: String = text[start..end]
        .bytes()
        .map(|b| if b == b'\n' { '\n' } else { ' ' })
        .collect();
    text.replace_range(start..end, &blanked);
}

/// Byte offsets of the start of each line, with the line's text (line end excluded).
fn lines(text: &str) -> Vec<(usize, &str)> {
    let mut at = 0;
    text.split_inclusive('\n')
        .map(|l| {
            let start = at;
            at += l.len();
            (start, l.trim_end_matches(['\n', '\r']))
        })
        .collect()
}

/// The table header a line opens: `(true, "cue")` for `[[cue]]`, `(false, "thresholds")` for
/// `[thresholds]`.
fn header(line: &str) -> Option<(bool, &str)> {
    let l = line.trim();
    let l = l.split_once('#').map_or(l, |(h, _)| h.trim_end());
    if let Some(name) = l.strip_prefix("[[").and_then(|r| r.strip_suffix("]]")) {
        return Some((true, name.trim()));
    }
    let name = l.strip_prefix('[').and_then(|r| r.strip_suffix(']'))?;
    Some((false, name.trim()))
}

/// The key a top-level line sets (`openers = [`), when it starts one.
fn key(line: &str) -> Option<&str> {
    if line.starts_with([' ', '\t', '#', '"', '\'', ']']) {
        return None;
    }
    let (k, _) = line.split_once('=')?;
    let k = k.trim();
    (!k.is_empty()
        && k.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-'))
    .then_some(k)
}

fn first_header(text: &str) -> Option<usize> {
    lines(text)
        .into_iter()
        .find(|(_, l)| header(l).is_some())
        .map(|(at, _)| at)
}

/// The entries of a rule file, each with its byte range and identity.
fn entries(text: &str) -> Vec<Entry> {
    let ls = lines(text);
    let mut out: Vec<Entry> = Vec::new();
    let mut open: Option<(usize, bool, String)> = None;
    let close = |out: &mut Vec<Entry>, open: &Option<(usize, bool, String)>, end: usize| {
        if let Some((start, array, name)) = open {
            out.push(Entry {
                start: *start,
                end,
                id: identity(&text[*start..end], *array, name),
            });
        }
    };
    for (i, (at, line)) in ls.iter().enumerate() {
        if let Some((array, name)) = header(line) {
            let nested = open
                .as_ref()
                .is_some_and(|(_, _, top)| name.starts_with(&format!("{top}.")));
            if !nested {
                close(&mut out, &open, *at);
                open = Some((*at, array, name.to_string()));
            }
            continue;
        }
        if open.is_none()
            && let Some(k) = key(line)
        {
            // a top-level key runs to the next key, header or the end
            let end = ls[i + 1..]
                .iter()
                .find(|(_, l)| key(l).is_some() || header(l).is_some())
                .map_or(text.len(), |(a, _)| *a);
            out.push(Entry {
                start: *at,
                end,
                id: Some(format!("key:{k}")),
            });
        }
    }
    close(&mut out, &open, text.len());
    out
}

/// `array:NAME:ID` for an array entry with an `id`, `lemma` or `name`; `table:NAME` for a table.
fn identity(chunk: &str, array: bool, name: &str) -> Option<String> {
    if !array {
        return Some(format!("table:{name}"));
    }
    let parsed: toml::Table = chunk.parse().ok()?;
    let entry = parsed.get(name)?.as_array()?.first()?.as_table()?;
    let id = ["id", "lemma", "name"]
        .iter()
        .find_map(|k| entry.get(*k)?.as_str());
    // an entry with no id (a stance marker) is known by its whole content: a user file that
    // copies it does not list it twice
    Some(match id {
        Some(id) => format!("array:{name}:{id}"),
        None => format!("array:{name}:={}", toml::Value::Table(entry.clone())),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEFAULT: &str = "# built in\nnegations = [\"لا\",\n  \"لم\"]\n\n[[rule]]\nid = \"a\"\nscore = 0.5\n[[rule.example]]\ntext = \"x\"\n\n[[rule]]\nid = \"b\"\nscore = 0.6\n";

    #[test]
    fn a_user_entry_replaces_the_entry_of_its_id_and_a_new_one_is_added() {
        let user = "[[rule]]\nid = \"b\"\nscore = 0.9\n\n[[rule]]\nid = \"c\"\nscore = 0.1\n";
        let (src, mode) = overlay("common/conflicts.toml", DEFAULT, user, "my/x.toml");
        assert_eq!(
            mode,
            Mode::Overlaid {
                overridden: 1,
                added: 1
            }
        );
        let t: toml::Table = src.text.parse().expect("merged text parses");
        let ids: Vec<&str> = t["rule"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["b", "c", "a"]);
        assert!(t.contains_key("negations"));
        // an error in the user's entry points at the user's file and line
        let at = src.text.find("score = 0.1").unwrap();
        assert_eq!(src.error(at, "x").to_string(), "my/x.toml:7:1: x");
        // and one in a built-in entry at the built-in file's line
        let at = src.text.find("id = \"a\"").unwrap();
        assert_eq!(
            src.error(at, "x").to_string(),
            "rules/common/conflicts.toml:6:1: x"
        );
    }

    #[test]
    fn replace_true_replaces_the_file() {
        let user = "replace = true\n[[rule]]\nid = \"z\"\nscore = 0.1\n";
        let (src, mode) = overlay("common/conflicts.toml", DEFAULT, user, "u.toml");
        assert_eq!(mode, Mode::Replaced);
        let t: toml::Table = src.text.parse().expect("parses");
        assert!(!t.contains_key("replace") && !t.contains_key("negations"));
        assert_eq!(t["rule"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn a_user_key_replaces_the_built_in_key() {
        let user = "negations = [\"never\"]\n";
        let (src, _) = overlay("common/conflicts.toml", DEFAULT, user, "u.toml");
        let t: toml::Table = src.text.parse().expect("parses");
        assert_eq!(t["negations"].as_array().unwrap().len(), 1);
        assert_eq!(t["rule"].as_array().unwrap().len(), 2);
    }
}
