//! Reading rule files: the embedded defaults, a `--rules DIR` folder (files it lacks fall back to
//! the defaults), and the `path:line:col: message` errors that `rules check` prints.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

/// Every rule file, by its path under `rules/`, with its embedded default text.
pub const FILES: &[(&str, &str)] = &[
    (
        "common/conflicts.toml",
        include_str!("../../rules/common/conflicts.toml"),
    ),
    ("ar/cues.toml", include_str!("../../rules/ar/cues.toml")),
    ("ar/states.toml", include_str!("../../rules/ar/states.toml")),
    ("ar/people.toml", include_str!("../../rules/ar/people.toml")),
    ("ar/heads.toml", include_str!("../../rules/ar/heads.toml")),
    (
        "ar/outlets.toml",
        include_str!("../../rules/ar/outlets.toml"),
    ),
    (
        "ar/markers.toml",
        include_str!("../../rules/ar/markers.toml"),
    ),
    ("ar/topics.toml", include_str!("../../rules/ar/topics.toml")),
    (
        "ar/segment.toml",
        include_str!("../../rules/ar/segment.toml"),
    ),
    (
        "ar/furniture.toml",
        include_str!("../../rules/ar/furniture.toml"),
    ),
    (
        "ar/meetings.toml",
        include_str!("../../rules/ar/meetings.toml"),
    ),
    ("ar/places.toml", include_str!("../../rules/ar/places.toml")),
    ("ar/dates.toml", include_str!("../../rules/ar/dates.toml")),
    ("ar/pairs.toml", include_str!("../../rules/ar/pairs.toml")),
    ("en/cues.toml", include_str!("../../rules/en/cues.toml")),
    ("en/states.toml", include_str!("../../rules/en/states.toml")),
    ("en/people.toml", include_str!("../../rules/en/people.toml")),
    ("en/heads.toml", include_str!("../../rules/en/heads.toml")),
    (
        "en/outlets.toml",
        include_str!("../../rules/en/outlets.toml"),
    ),
    (
        "en/markers.toml",
        include_str!("../../rules/en/markers.toml"),
    ),
    ("en/topics.toml", include_str!("../../rules/en/topics.toml")),
    (
        "en/segment.toml",
        include_str!("../../rules/en/segment.toml"),
    ),
    (
        "en/furniture.toml",
        include_str!("../../rules/en/furniture.toml"),
    ),
    (
        "en/meetings.toml",
        include_str!("../../rules/en/meetings.toml"),
    ),
    ("en/places.toml", include_str!("../../rules/en/places.toml")),
    ("en/dates.toml", include_str!("../../rules/en/dates.toml")),
    ("en/pairs.toml", include_str!("../../rules/en/pairs.toml")),
];

/// The languages that have a rules folder.
pub const LANGUAGES: &[&str] = &["ar", "en"];

/// One problem in a rule file, with its position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// The file, as shown to the user.
    pub path: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (code points).
    pub col: usize,
    /// What is wrong and what was expected.
    pub message: String,
}

impl fmt::Display for RuleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path, self.line, self.col, self.message
        )
    }
}

/// The text of one rule file and where it was read from.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path under `rules/` (`ar/cues.toml`).
    pub rel: String,
    /// Path shown in messages.
    pub shown: String,
    /// File contents.
    pub text: String,
}

impl Source {
    /// 1-based line and column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..self.text.floor_char_boundary(offset)];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line, col)
    }

    /// An error at a byte offset.
    pub fn error(&self, offset: usize, message: impl Into<String>) -> RuleError {
        let (line, col) = self.line_col(offset);
        RuleError {
            path: self.shown.clone(),
            line,
            col,
            message: message.into(),
        }
    }

    /// Parses the file into its typed shape.
    pub fn parse<T: DeserializeOwned + Default>(&self) -> Result<T, RuleError> {
        if self.text.trim().is_empty() {
            return Ok(T::default());
        }
        toml::from_str(&self.text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            self.error(at, e.message().trim().to_string())
        })
    }
}

/// The embedded default sources.
pub fn embedded() -> Vec<Source> {
    FILES
        .iter()
        .map(|(rel, text)| Source {
            rel: rel.to_string(),
            shown: format!("rules/{rel}"),
            text: text.to_string(),
        })
        .collect()
}

/// Sources from a folder; files it lacks come from the defaults, files it has that are not rule
/// files are errors (a misspelt name would otherwise be ignored). The errors come back beside the
/// sources that could be read, so that a caller can report them with those of the files' contents
/// in one run; only a path that is not a folder is refused outright.
pub fn from_dir(dir: &Path) -> Result<(Vec<Source>, Vec<RuleError>), Vec<RuleError>> {
    if !dir.is_dir() {
        return Err(vec![RuleError {
            path: dir.display().to_string(),
            line: 1,
            col: 1,
            message: "not a folder: expected a rules folder with common/, ar/ and en/".into(),
        }]);
    }
    let mut errors = unknown_files(dir);
    let mut out = Vec::new();
    for (rel, default) in FILES {
        let path = dir.join(rel);
        match std::fs::read_to_string(&path) {
            Ok(text) => out.push(Source {
                rel: rel.to_string(),
                shown: path.display().to_string(),
                text,
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => out.push(Source {
                rel: rel.to_string(),
                shown: format!("rules/{rel}"),
                text: default.to_string(),
            }),
            Err(e) => errors.push(RuleError {
                path: path.display().to_string(),
                line: 1,
                col: 1,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    Ok((out, errors))
}

fn unknown_files(dir: &Path) -> Vec<RuleError> {
    let mut errors = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            if p.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let rel = p
                .strip_prefix(dir)
                .unwrap_or(&p)
                .to_string_lossy()
                .replace('\\', "/");
            if !FILES.iter().any(|(r, _)| *r == rel) {
                errors.push(RuleError {
                    path: p.display().to_string(),
                    line: 1,
                    col: 1,
                    message: format!(
                        "not a rule file: expected one of {}",
                        FILES.iter().map(|(r, _)| *r).collect::<Vec<_>>().join(", ")
                    ),
                });
            }
        }
    }
    errors
}
