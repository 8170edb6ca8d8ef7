//! Reading rule files: the embedded defaults, a `--rules DIR` folder (each of its files laid
//! over the built-in file entry by entry, or replacing it with `replace = true`; see `overlay`),
//! and the `path:line:col: message` errors that `rules check` prints.

mod overlay;

pub use overlay::Mode;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

/// Every rule file, by its path under `rules/`, with its embedded default text.
pub const FILES: &[(&str, &str)] = &[
    (
        "common/conflicts.toml",
        include_str!("../../rules/common/conflicts.toml"),
    ),
    (
        "common/states.toml",
        include_str!("../../rules/common/states.toml"),
    ),
    (
        "common/people.toml",
        include_str!("../../rules/common/people.toml"),
    ),
    (
        "common/outlets.toml",
        include_str!("../../rules/common/outlets.toml"),
    ),
    (
        "common/places.toml",
        include_str!("../../rules/common/places.toml"),
    ),
    (
        "common/topics.toml",
        include_str!("../../rules/common/topics.toml"),
    ),
    ("ar/cues.toml", include_str!("../../rules/ar/cues.toml")),
    ("ar/heads.toml", include_str!("../../rules/ar/heads.toml")),
    (
        "ar/markers.toml",
        include_str!("../../rules/ar/markers.toml"),
    ),
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
    ("ar/dates.toml", include_str!("../../rules/ar/dates.toml")),
    ("ar/pairs.toml", include_str!("../../rules/ar/pairs.toml")),
    (
        "ar/morphology.toml",
        include_str!("../../rules/ar/morphology.toml"),
    ),
    ("en/cues.toml", include_str!("../../rules/en/cues.toml")),
    ("en/heads.toml", include_str!("../../rules/en/heads.toml")),
    (
        "en/markers.toml",
        include_str!("../../rules/en/markers.toml"),
    ),
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
    ("en/dates.toml", include_str!("../../rules/en/dates.toml")),
    ("en/pairs.toml", include_str!("../../rules/en/pairs.toml")),
    (
        "en/morphology.toml",
        include_str!("../../rules/en/morphology.toml"),
    ),
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
    /// File contents (for a user file laid over the built-in one, the merged text).
    pub text: String,
    /// For merged text, which file and line each part comes from (in order of `start`); empty
    /// when the text is one file's.
    pub regions: Vec<Region>,
}

/// A part of a merged rule text copied from one file.
#[derive(Debug, Clone)]
pub struct Region {
    /// Byte offset in the merged text where the part starts (at a line start).
    pub start: usize,
    /// The file it was copied from, as shown in messages.
    pub origin: String,
    /// The line of that file the part starts at.
    pub first_line: usize,
}

impl Source {
    /// The file, and 1-based line and column in it, of a byte offset.
    fn locate(&self, offset: usize) -> (&str, usize, usize) {
        let offset = self.text.floor_char_boundary(offset.min(self.text.len()));
        let region = self.regions.iter().rev().find(|r| r.start <= offset);
        let (start, origin, first) = region.map_or((0, self.shown.as_str(), 1), |r| {
            (r.start, r.origin.as_str(), r.first_line)
        });
        let before = &self.text[start..offset];
        let line = before.matches('\n').count() + first;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (origin, line, col)
    }

    /// 1-based line and column of a byte offset (in the file the offset's text came from).
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let (_, line, col) = self.locate(offset);
        (line, col)
    }

    /// An error at a byte offset, naming the file that text came from.
    pub fn error(&self, offset: usize, message: impl Into<String>) -> RuleError {
        let (path, line, col) = self.locate(offset);
        RuleError {
            path: path.to_string(),
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
            regions: Vec::new(),
        })
        .collect()
}

/// Sources from a folder; files it lacks come from the defaults, files it has are laid over the
/// defaults entry by entry (or replace them, with `replace = true`), files it has that are not
/// rule files are errors (a misspelt name would otherwise be ignored). The errors come back beside
/// the sources that could be read, so that a caller can report them with those of the files'
/// contents in one run; only a path that is not a folder is refused outright.
pub fn from_dir(dir: &Path) -> Result<(Vec<Source>, Vec<RuleError>), Vec<RuleError>> {
    let (sources, _, errors) = from_dir_with_modes(dir)?;
    Ok((sources, errors))
}

/// As [`from_dir`], also saying what each of the folder's files did to the built-in file.
#[allow(clippy::type_complexity)]
pub fn from_dir_with_modes(
    dir: &Path,
) -> Result<(Vec<Source>, Vec<(String, Mode)>, Vec<RuleError>), Vec<RuleError>> {
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
    let mut modes = Vec::new();
    for (rel, default) in FILES {
        let path = dir.join(rel);
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let shown = path.display().to_string();
                let (source, mode) = overlay::overlay(rel, default, &text, &shown);
                modes.push((shown, mode));
                out.push(source);
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => out.push(Source {
                rel: rel.to_string(),
                shown: format!("rules/{rel}"),
                text: default.to_string(),
                regions: Vec::new(),
            }),
            Err(e) => errors.push(RuleError {
                path: path.display().to_string(),
                line: 1,
                col: 1,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    Ok((out, modes, errors))
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
