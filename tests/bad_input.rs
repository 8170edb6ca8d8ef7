//! Real-world, bad and hostile input through the real binary: each problem is reported once with
//! its file and line or byte offset, the other documents lose no claim, and the exit status is 1
//! when something was skipped (0 for notes such as a renamed id, 2 for output errors).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use assert_cmd::Command;
use serde_json::Value;

mod common;

use common::claimdiff;

const SEEDS: [&str; 2] = ["000_444ce1a7760c7eb9", "001_afeb6c59fd7f36b2"];

fn seed_text(stem: &str) -> Vec<u8> {
    std::fs::read(format!("seeds/{stem}.txt")).expect("seed article")
}

/// A temporary folder holding the two seed articles, to put a bad file next to.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        for stem in SEEDS {
            std::fs::write(dir.path().join(format!("{stem}.txt")), seed_text(stem)).expect("copy");
        }
        Fixture { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, bytes).expect("write fixture");
        p
    }

    /// Runs `claims --format json` on the folder plus `args`.
    fn run(&self, args: &[&str]) -> Run {
        let mut cmd = claimdiff();
        cmd.current_dir(self.dir.path())
            .args(["claims", "--format", "json"])
            .args(args);
        Run::of(&mut cmd)
    }
}

struct Run {
    code: i32,
    report: Value,
    stderr: String,
}

impl Run {
    fn of(cmd: &mut Command) -> Run {
        let out = cmd.output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        let report = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("JSON output ({e}); stderr: {stderr}"));
        Run {
            code: out.status.code().expect("an exit status"),
            report,
            stderr,
        }
    }

    /// Claims per document id.
    fn counts(&self) -> BTreeMap<String, usize> {
        let mut out = BTreeMap::new();
        for c in self.report["claims"].as_array().expect("claims") {
            *out.entry(c["doc"].as_str().expect("doc").to_string())
                .or_insert(0) += 1;
        }
        out
    }

    fn assert_seeds_intact(&self) {
        let counts = self.counts();
        for (stem, n) in baseline() {
            assert_eq!(
                counts.get(stem),
                Some(n),
                "claims of {stem}; {}",
                self.stderr
            );
        }
    }

    fn assert_stderr(&self, want: &str) {
        assert!(
            self.stderr.contains(want),
            "stderr lacks {want:?}:\n{}",
            self.stderr
        );
    }

    fn document(&self, id: &str) -> &Value {
        self.report["documents"]
            .as_array()
            .expect("documents")
            .iter()
            .find(|d| d["id"] == id)
            .unwrap_or_else(|| panic!("no document {id}"))
    }
}

/// Claims per seed when the seeds are read alone.
fn baseline() -> &'static BTreeMap<String, usize> {
    static COUNTS: OnceLock<BTreeMap<String, usize>> = OnceLock::new();
    COUNTS.get_or_init(|| {
        let run = Fixture::new().run(&["."]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let counts = run.counts();
        for stem in SEEDS {
            assert!(
                counts.get(stem).is_some_and(|&n| n > 0),
                "{stem} has claims"
            );
        }
        counts
    })
}

/// Every span of every claim of `doc` slices `text` (in code points) to the claim's text.
fn assert_spans_slice(run: &Run, doc: &str, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    let slice = |v: &Value| -> String {
        let (s, e) = (v["start"].as_u64().unwrap(), v["end"].as_u64().unwrap());
        chars[s as usize..e as usize].iter().collect()
    };
    let mut n = 0;
    for c in run.report["claims"].as_array().unwrap() {
        if c["doc"] != doc {
            continue;
        }
        n += 1;
        assert_eq!(slice(&c["span"]), c["text"].as_str().unwrap());
        assert_eq!(slice(&c["cue"]["span"]), c["cue"]["text"].as_str().unwrap());
        assert_eq!(
            slice(&c["content"]["span"]),
            c["content"]["text"].as_str().unwrap()
        );
        if !c["speaker"]["span"].is_null() {
            assert_eq!(
                slice(&c["speaker"]["span"]),
                c["speaker"]["text"].as_str().unwrap()
            );
        }
    }
    assert!(n > 0, "{doc} has claims");
}

#[test]
fn invalid_utf8_is_located_and_skipped_or_replaced_with_lossy() {
    let f = Fixture::new();
    f.write("bad.txt", b"abc\xFF\xFEdef");
    let run = f.run(&["."]);
    assert_eq!(run.code, 1);
    run.assert_stderr("bad.txt:byte 3: invalid UTF-8");
    run.assert_stderr("--lossy");
    run.assert_seeds_intact();

    let lossy = f.run(&[".", "--lossy"]);
    assert_eq!(lossy.code, 0, "{}", lossy.stderr);
    assert!(lossy.stderr.is_empty(), "{}", lossy.stderr);
    lossy.document("bad");
    lossy.assert_seeds_intact();
}

#[test]
fn a_byte_order_mark_is_accepted_and_offsets_count_after_it() {
    let f = Fixture::new();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(seed_text(SEEDS[0]));
    f.write("bom.txt", &bytes);
    let run = f.run(&["."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    run.assert_seeds_intact();
    assert_eq!(run.counts()["bom"], baseline()[SEEDS[0]]);
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert_spans_slice(&run, "bom", &text);
}

#[test]
fn crlf_and_lone_cr_line_ends_keep_offsets_true() {
    let f = Fixture::new();
    let seed = String::from_utf8(seed_text(SEEDS[1])).unwrap();
    let crlf = seed.replace('\n', "\r\n");
    let cr = seed.replace('\n', "\r");
    f.write("crlf.txt", &crlf);
    f.write("cr.txt", &cr);
    let run = f.run(&["."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.assert_seeds_intact();
    assert_eq!(run.counts()["crlf"], baseline()[SEEDS[1]]);
    assert_eq!(run.counts()["cr"], baseline()[SEEDS[1]]);
    assert_spans_slice(&run, "crlf", &crlf);
    assert_spans_slice(&run, "cr", &cr);
}

#[test]
fn binary_content_is_skipped() {
    let f = Fixture::new();
    f.write("nul.txt", b"text\0\x01\x02binary");
    let run = f.run(&["."]);
    assert_eq!(run.code, 1);
    run.assert_stderr("nul.txt:byte 4: NUL byte: binary content, expected text");
    run.assert_seeds_intact();
}

#[test]
fn an_empty_file_has_no_claims_and_is_no_error() {
    let f = Fixture::new();
    f.write("empty.txt", b"");
    let run = f.run(&["."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    run.document("empty");
    assert!(!run.counts().contains_key("empty"));
    run.assert_seeds_intact();
}

#[test]
fn bad_json_lines_are_named_by_line_and_the_good_ones_read() {
    let f = Fixture::new();
    let good =
        serde_json::json!({"id": "good", "text": String::from_utf8(seed_text(SEEDS[0])).unwrap()});
    f.write(
        "corpus.jsonl",
        format!(
            "{good}\nnot json\n{{\"id\": \"x\"}}\n{{\"id\": \"y\", \"text\": 7}}\n\n[1, 2]\n{{\"id\": \"z\", \"text\": \"a\\u0000b\"}}\n"
        ),
    );
    let run = f.run(&["."]);
    assert_eq!(run.code, 1);
    run.assert_stderr("corpus.jsonl:2: not valid JSON");
    run.assert_stderr("corpus.jsonl:3: missing \"text\"");
    run.assert_stderr("corpus.jsonl:4: \"text\" must be a string");
    run.assert_stderr("corpus.jsonl:6: expected a JSON object");
    run.assert_stderr("corpus.jsonl:7: NUL character");
    assert_eq!(run.stderr.lines().count(), 5, "{}", run.stderr);
    assert_eq!(run.counts()["good"], baseline()[SEEDS[0]]);
    run.assert_seeds_intact();
}

#[test]
fn a_duplicate_id_is_renamed_and_said_but_is_no_failure() {
    let f = Fixture::new();
    let dup = serde_json::json!({"id": SEEDS[0], "text": String::from_utf8(seed_text(SEEDS[0])).unwrap()});
    f.write("more.jsonl", format!("{dup}\n"));
    let run = f.run(&["."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let renamed = format!("{}~2", SEEDS[0]);
    run.assert_stderr(&format!(
        "more.jsonl:1: duplicate document id '{}': renamed to '{renamed}'",
        SEEDS[0]
    ));
    run.assert_seeds_intact();
    assert_eq!(run.counts()[&renamed], baseline()[SEEDS[0]]);
}

#[test]
fn a_missing_path_is_reported_and_the_rest_read() {
    let f = Fixture::new();
    let run = f.run(&[".", "no-such-file.txt"]);
    assert_eq!(run.code, 1);
    run.assert_stderr("no-such-file.txt: no such file or folder");
    run.assert_seeds_intact();
}

#[cfg(unix)]
#[test]
fn an_unreadable_file_is_reported_and_the_rest_read() {
    use std::os::unix::fs::PermissionsExt;
    let f = Fixture::new();
    let p = f.write("locked.txt", "وقال الوزير إن المحادثات بناءة.");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    let run = f.run(&["."]);
    run.assert_seeds_intact();
    // root reads the file anyway: then there is nothing to report.
    if std::fs::read(&p).is_err() {
        assert_eq!(run.code, 1);
        run.assert_stderr("locked.txt: cannot read: Permission denied");
    } else {
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
}

#[test]
fn a_folder_without_articles_is_reported() {
    let f = Fixture::new();
    std::fs::create_dir(f.path("empty")).unwrap();
    std::fs::write(f.path("empty/notes.md"), "not an article").unwrap();
    let seed = format!("{}.txt", SEEDS[0]);
    let run = f.run(&[&seed, "empty"]);
    assert_eq!(run.code, 1);
    run.assert_stderr("empty: folder has no article files");
    assert_eq!(run.counts()[SEEDS[0]], baseline()[SEEDS[0]]);
}

#[test]
fn documents_over_max_doc_bytes_are_skipped_not_truncated() {
    let f = Fixture::new();
    let big = String::from_utf8(seed_text(SEEDS[0])).unwrap().repeat(4);
    f.write("big.txt", &big);
    let line = serde_json::json!({"id": "bigline", "text": big});
    f.write("big.jsonl", format!("{line}\n"));
    let limit = (big.len() - 1).to_string();
    let run = f.run(&[".", "--max-doc-bytes", &limit]);
    assert_eq!(run.code, 1);
    run.assert_stderr(&format!(
        "big.txt: {} bytes is over --max-doc-bytes {limit}: skipped, not truncated",
        big.len()
    ));
    run.assert_stderr(&format!(
        "big.jsonl:1: {} bytes is over --max-doc-bytes {limit}",
        line.to_string().len()
    ));
    assert!(!run.counts().contains_key("big"));
    run.assert_seeds_intact();
}

#[test]
fn standard_input_over_max_doc_bytes_is_skipped() {
    // the only input skipped: nothing could be read, so nothing is written (exit 2, issue 15);
    // the JSON report, written as documents are read, writes not even its opening
    for cmd in ["claims", "report"] {
        claimdiff()
            .args([cmd, "--format", "json", "--max-doc-bytes", "10", "-"])
            .write_stdin("وقال الوزير إن المحادثات كانت بناءة.")
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains(
                "-: more than --max-doc-bytes 10 bytes: skipped, not truncated",
            ))
            .stderr(predicates::str::contains("no input could be read"));
    }
}

#[test]
fn a_json_report_goes_on_past_a_skipped_document() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "قال الوزير إن المحادثات كانت بناءة.",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), [0xff, 0xfe, 0x00]).unwrap();
    let out = claimdiff()
        .current_dir(dir.path())
        .args(["report", ".", "--format", "json", "--quiet"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the whole export");
    let docs = v["documents"].as_array().expect("documents");
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["id"], "a");
    assert_eq!(v["claims"].as_array().map(Vec::len), Some(1));
}

#[test]
fn html_pages_are_read_as_text_with_title_and_date() {
    let f = Fixture::new();
    let body = String::from_utf8(seed_text(SEEDS[1])).unwrap();
    let (headline, rest) = body.split_once("\n\n").expect("a headline line");
    let paragraphs: String = rest
        .split("\n\n")
        .map(|p| format!("<p>{}</p>\n", p.replace('&', "&amp;").replace('<', "&lt;")))
        .collect();
    let page = format!(
        "<!doctype html><html><head><title>{headline} | Outlet</title>\
         <meta property=\"article:published_time\" content=\"2025-01-22T09:30:00Z\">\
         <script>var said = \"قال\";</script><style>p {{}}</style></head>\
         <body><nav><a href=\"/\">الرئيسية</a></nav><!-- ad -->\n<article><h1>{headline}</h1>\n{paragraphs}</article>\
         <footer>© Outlet</footer></body></html>"
    );
    f.write("page.html", &page);
    let run = f.run(&["."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.assert_seeds_intact();
    let doc = run.document("page");
    assert_eq!(doc["published"], "2025-01-22");
    assert_eq!(doc["title"], headline);
    let text = doc["text"]
        .as_str()
        .expect("documents[].text for HTML input");
    assert!(!text.contains("var said") && !text.contains("الرئيسية") && !text.contains("Outlet"));
    assert!(text.starts_with(&format!("{headline}\n\n")));
    assert_spans_slice(&run, "page", text);
    assert_eq!(run.counts()["page"], baseline()[SEEDS[1]]);
}

#[test]
fn hostile_html_nesting_is_skipped() {
    let f = Fixture::new();
    f.write("deep.html", "<div>".repeat(200_000));
    let run = f.run(&["."]);
    assert_eq!(run.code, 1);
    run.assert_stderr("deep.html: HTML nests elements more than 1000 levels deep");
    run.assert_seeds_intact();
}

#[test]
fn output_refuses_to_overwrite_an_input() {
    let f = Fixture::new();
    let target = f.path(&format!("{}.txt", SEEDS[0]));
    for format in ["json", "jsonl"] {
        claimdiff()
            .current_dir(f.dir.path())
            .args(["claims", ".", "--format", format, "-o"])
            .arg(&target)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(
                "refusing to overwrite input file",
            ));
        assert_eq!(std::fs::read(&target).unwrap(), seed_text(SEEDS[0]));
    }
}

#[test]
fn output_is_written_whole_or_not_at_all() {
    let f = Fixture::new();
    let out_dir = tempfile::tempdir().unwrap();
    let target = out_dir.path().join("report.json");
    let stdout = claimdiff()
        .current_dir(f.dir.path())
        .args(["claims", ".", "--format", "json"])
        .output()
        .unwrap()
        .stdout;
    claimdiff()
        .current_dir(f.dir.path())
        .args(["claims", ".", "--format", "json", "-o"])
        .arg(&target)
        .assert()
        .success();
    assert_eq!(std::fs::read(&target).unwrap(), stdout);
    assert_eq!(
        files_in(out_dir.path()),
        ["report.json"],
        "no temporary file left"
    );

    let missing = out_dir.path().join("no-such-folder/report.json");
    claimdiff()
        .current_dir(f.dir.path())
        .args(["claims", ".", "--format", "json", "-o"])
        .arg(&missing)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot write"));
    assert!(!missing.exists());
    assert_eq!(files_in(out_dir.path()), ["report.json"]);
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
