//! Broken rule folders through the real binary: every error in every file is reported as
//! `path:line:col: message` in one run, the exit status is 2, and nothing is analysed with
//! half-loaded rules. Fixtures are copies of rules/ with one mistake per file.

use std::path::PathBuf;

mod common;

use common::claimdiff;

/// A copy of the rule files in a temporary folder.
struct Rules {
    dir: tempfile::TempDir,
}

impl Rules {
    fn copy() -> Rules {
        let dir = tempfile::tempdir().expect("temp dir");
        // The files as built into the binary under test (the same as rules/ once committed).
        for (rel, text) in claimdiff::rules::load::FILES {
            let to = dir.path().join(rel);
            std::fs::create_dir_all(to.parent().expect("a folder")).expect("mkdir");
            std::fs::write(&to, text).expect("copy rule file");
        }
        Rules { dir }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Replaces the first `from` in a file by `to`; returns the 1-based line of the change.
    fn edit(&self, rel: &str, from: &str, to: &str) -> usize {
        let p = self.path(rel);
        let text = std::fs::read_to_string(&p).expect("rule file");
        let at = text
            .find(from)
            .unwrap_or_else(|| panic!("{rel} has no {from:?}"));
        std::fs::write(&p, text.replacen(from, to, 1)).expect("write");
        text[..at].matches('\n').count() + 1
    }

    fn append(&self, rel: &str, extra: &str) -> usize {
        let p = self.path(rel);
        let text = std::fs::read_to_string(&p).expect("rule file");
        std::fs::write(&p, format!("{text}{extra}")).expect("write");
        text.matches('\n').count() + 1
    }
}

/// Asserts that `stderr` has a line `path:line:COL: ...message...` for the file `rel`.
fn assert_error(stderr: &str, dir: &Rules, rel: &str, line: usize, message: &str) {
    let prefix = format!("{}:{line}:", dir.path(rel).display());
    let found = stderr.lines().any(|l| {
        l.strip_prefix(&prefix).is_some_and(|rest| {
            let (col, msg) = rest.split_once(": ").unwrap_or(("", ""));
            !col.is_empty() && col.chars().all(|c| c.is_ascii_digit()) && msg.contains(message)
        })
    });
    assert!(found, "no `{prefix}COL: ...{message}...` in:\n{stderr}");
}

/// A folder with five mistakes in five files.
fn broken() -> (Rules, Vec<(&'static str, usize, &'static str)>) {
    let r = Rules::copy();
    let mut want = Vec::new();
    let line = r.append("en/markers.toml", "\n[[marker]\nstance = \"deny\"\n");
    want.push(("en/markers.toml", line + 1, "expected"));
    let line = r.edit("en/cues.toml", "stance = \"assert\"", "stance = \"shout\"");
    want.push(("en/cues.toml", line, "unknown variant `shout`"));
    let line = r.edit(
        "common/conflicts.toml",
        "kind = \"denial\"",
        "kind = \"denail\"",
    );
    want.push(("common/conflicts.toml", line, "unknown variant `denail`"));
    let line = r.edit("common/states.toml", "party = \"DZ\"", "party = \"Dz\"");
    want.push((
        "common/states.toml",
        line,
        "party 'Dz' is not an ISO 3166-1 alpha-2 code",
    ));
    let line = r.edit(
        "common/states.toml",
        "names.en = [\"Bahrain\", \"Kingdom of Bahrain\"]",
        "names.en = [\"Bahrain\", \"Kingdom of Bahrain\", \"Algeria\"]",
    );
    want.push(("common/states.toml", line, "duplicate entry 'Algeria'"));
    let line = r.edit(
        "ar/cues.toml",
        "except = [\"أضافه\"]",
        "except = [\"إضافي\"]",
    );
    want.push((
        "ar/cues.toml",
        line,
        "except 'إضافي' is not a form of this cue",
    ));
    std::fs::write(r.path("en/cue.toml"), "[[cue]]\n").expect("write");
    want.push(("en/cue.toml", 1, "not a rule file"));
    (r, want)
}

#[test]
fn rules_check_reports_every_error_of_every_file_in_one_run() {
    let (r, want) = broken();
    let out = claimdiff()
        .args(["rules", "check"])
        .arg(r.dir.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    for (rel, line, message) in &want {
        assert_error(&stderr, &r, rel, *line, message);
    }
}

#[test]
fn analysis_with_a_broken_rules_folder_stops_before_reading_anything() {
    let (r, want) = broken();
    let out = claimdiff()
        .args(["claims", "seeds", "--format", "json", "--rules"])
        .arg(r.dir.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        out.stdout.is_empty(),
        "nothing analysed with half-loaded rules"
    );
    for (rel, line, message) in &want {
        assert_error(&stderr, &r, rel, *line, message);
    }
}

#[test]
fn an_intact_copy_of_the_rules_checks_clean() {
    let r = Rules::copy();
    claimdiff()
        .args(["rules", "check"])
        .arg(r.dir.path())
        .assert()
        .success();
}

#[test]
fn a_rules_path_that_is_not_a_folder_is_a_rules_error() {
    claimdiff()
        .args(["claims", "seeds", "--rules", "no-such-rules"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no-such-rules:1:1: not a folder"));
}

#[test]
fn an_example_that_fails_is_named_by_its_line() {
    let r = Rules::copy();
    // The first English cue example says "Egypt's foreign ministry said ..."; claim it denies.
    let line = r.edit(
        "en/cues.toml",
        "parties = [\"EG\"]\nstance = \"assert\"",
        "parties = [\"EG\"]\nstance = \"deny\"",
    );
    let out = claimdiff()
        .args(["rules", "check"])
        .arg(r.dir.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let example_line = line - 1;
    let origin = format!("{}:{example_line}: ", r.path("en/cues.toml").display());
    assert!(
        stderr
            .lines()
            .any(|l| l.starts_with(&origin) && l.contains("deny")),
        "no failure at {origin} in:\n{stderr}"
    );
    assert!(stderr.contains("1 example(s) failed"), "{stderr}");
}

#[test]
fn a_misspelt_format_status_or_place_kind_is_an_error_at_its_line() {
    let r = Rules::copy();
    let mut want = Vec::new();
    let line = r.edit(
        "en/meetings.toml",
        "id = \"postponed\"",
        "id = \"postpone\"",
    );
    want.push(("en/meetings.toml", line, "unknown variant `postpone`"));
    let line = r.edit(
        "ar/meetings.toml",
        "id = \"trilateral\"",
        "id = \"trilateal\"",
    );
    want.push(("ar/meetings.toml", line, "unknown variant `trilateal`"));
    let line = r.edit("common/places.toml", "kind = \"base\"", "kind = \"bases\"");
    want.push(("common/places.toml", line, "unknown variant `bases`"));
    let out = claimdiff()
        .args(["rules", "check"])
        .arg(r.dir.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    for (rel, line, message) in &want {
        assert_error(&stderr, &r, rel, *line, message);
    }
}
