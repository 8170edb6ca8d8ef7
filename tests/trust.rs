//! Issue 15, "a report a fact-checker can trust and trace": each case runs the binary as a new
//! user would and checks what used to mislead (JSON Lines without findings, a good report
//! replaced by an empty one, sides reordered by the bidi algorithm, tables too wide, findings that
//! name no source, a rules file that replaced the built-ins, help without examples).

use predicates::prelude::*;
use serde_json::Value;

mod common;

use common::claimdiff;

fn lines(args: &[&str]) -> Vec<Value> {
    let out = claimdiff().args(args).output().expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

#[test]
fn report_jsonl_is_one_line_per_finding_after_the_filters() {
    let all = lines(&["report", "seeds", "--format", "jsonl"]);
    assert!(!all.is_empty());
    for f in &all {
        assert!(f["kind"].is_string() && f["a"]["claims"].is_array(), "{f}");
        assert_eq!(f["event_detail"]["id"], f["event"]);
        for side in ["a", "b"] {
            let inline = f[format!("{side}_claims")]
                .as_array()
                .expect("claims inline");
            assert_eq!(inline.len(), f[side]["claims"].as_array().unwrap().len());
            assert!(inline.iter().all(|c| c["source"]["doc"] == c["doc"]));
        }
    }
    let denials = lines(&["report", "seeds", "--format", "jsonl", "--kind", "denial"]);
    assert!(!denials.is_empty() && denials.len() < all.len());
    assert!(denials.iter().all(|f| f["kind"] == "denial"));
    // claims and events keep their own lines
    let events = lines(&["events", "seeds", "--format", "jsonl"]);
    assert!(
        events
            .iter()
            .all(|e| e["mentions"].is_array() && e.get("cue").is_none())
    );
}

#[test]
fn when_no_input_can_be_read_nothing_is_written_and_the_status_is_2() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.html");
    std::fs::write(&good, "the earlier good report").unwrap();
    for format in ["html", "json", "jsonl"] {
        for cmd in ["report", "claims"] {
            claimdiff()
                .current_dir(dir.path())
                .args([
                    cmd,
                    "missing1.txt",
                    "missing2.txt",
                    "--format",
                    format,
                    "-o",
                    "good.html",
                ])
                .assert()
                .code(2)
                .stderr(predicate::str::contains("no input could be read"));
            assert_eq!(
                std::fs::read_to_string(&good).unwrap(),
                "the earlier good report"
            );
        }
    }
    // some input skipped is still 1, and findings with --fail-on-findings are 3
    claimdiff()
        .args(["report", "seeds", "missing.txt", "--format", "json"])
        .assert()
        .code(1);
    claimdiff()
        .args(["report", "seeds", "--fail-on-findings", "--format", "json"])
        .assert()
        .code(3);
}

#[test]
fn every_table_cell_is_isolated_so_arabic_sides_cannot_swap() {
    let out = claimdiff()
        .args(["report", "seeds", "--color", "never"])
        .env("COLUMNS", "120")
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text.lines().filter(|l| l.starts_with('│')).collect();
    assert!(!rows.is_empty());
    for row in rows {
        for cell in row
            .split(['│', '┆'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            assert!(
                cell.starts_with('\u{2068}') && cell.ends_with('\u{2069}'),
                "a cell without FSI … PDI: {cell:?}"
            );
        }
    }
}

#[test]
fn the_table_fits_the_width_and_defaults_to_100_off_a_terminal() {
    let width = |columns: Option<&str>| {
        let mut cmd = claimdiff();
        cmd.args(["report", "seeds", "--color", "never"])
            .env_remove("COLUMNS");
        if let Some(c) = columns {
            cmd.env("COLUMNS", c);
        }
        let text = String::from_utf8(cmd.output().unwrap().stdout).unwrap();
        text.lines()
            .filter(|l| l.starts_with(['┌', '└']))
            .map(|l| l.chars().count())
            .max()
            .unwrap()
    };
    assert_eq!(width(None), 100);
    assert!(width(Some("80")) <= 80);
}

#[test]
fn color_is_chosen_with_a_flag() {
    let run = |when: &str| {
        let out = claimdiff()
            .args(["report", "seeds", "--color", when])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(
        run("always").contains("\u{1b}["),
        "no colour with --color always"
    );
    assert!(!run("never").contains('\u{1b}'));
    assert!(!run("auto").contains('\u{1b}'), "a pipe is not a terminal");
}

#[test]
fn every_side_names_its_source_in_table_markdown_and_html() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let seeds = common::report_of_path("seeds").0;
    let mut jsonl = String::new();
    for d in &seeds.documents {
        let text = std::fs::read_to_string(&d.path).unwrap();
        jsonl.push_str(
            &serde_json::json!({
                "id": d.id, "text": text, "outlet": format!("Outlet {}", &d.id[..3]),
                "title": format!("Headline {}", &d.id[..3]), "published": "2023-05-10",
                "url": format!("https://news.example/{}", &d.id[..3]),
            })
            .to_string(),
        );
        jsonl.push('\n');
    }
    std::fs::write(&corpus, jsonl).unwrap();
    let run = |args: &[&str]| {
        let out = claimdiff()
            .arg("report")
            .arg(&corpus)
            .args(args)
            .env("COLUMNS", "200")
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let table = run(&["--color", "never"]);
    assert!(
        table.contains("Outlet 001")
            && table.contains("“Headline 001”")
            && table.contains("2023-05-10"),
        "{table}"
    );
    let md = run(&["--format", "md"]);
    assert!(
        md.contains("Outlet 001 · “Headline 001” · 2023-05-10"),
        "{md}"
    );
    assert!(md.contains("[article](https://news.example/001)"));
    let html = run(&["--format", "html"]);
    assert!(html.contains("href=\"https://news.example/001\""));
    assert!(html.contains("class=\"src-claim\" href=\"#c-"));
    assert!(html.contains("id=\"c-"));
    // the page never shows where the inputs lie on this machine
    let tmp = dir.path().display().to_string();
    assert!(!html.contains(&tmp), "a local path in the page");
    let from_folder = claimdiff()
        .args(["report", "seeds", "--format", "html"])
        .output()
        .unwrap();
    let page = String::from_utf8(from_folder.stdout).unwrap();
    assert!(
        !page.contains("seeds/") && !page.contains(".txt"),
        "a local path in the page"
    );
    assert!(
        page.contains("id=\"f-search\"")
            && page.contains("id=\"f-state\"")
            && page.contains("id=\"contents\"")
    );
}

#[test]
fn a_large_run_lists_only_the_documents_with_findings() {
    let dir = tempfile::tempdir().unwrap();
    let mut jsonl = String::new();
    for i in 0..300 {
        let text = format!("وقال وزير الخارجية المصري إن الطقس جميل رقم {i}.");
        jsonl.push_str(&serde_json::json!({"id": format!("quiet-{i}"), "text": text}).to_string());
        jsonl.push('\n');
    }
    let corpus = dir.path().join("quiet.jsonl");
    std::fs::write(&corpus, jsonl).unwrap();
    let out = claimdiff()
        .arg("report")
        .arg("seeds")
        .arg(&corpus)
        .args(["--format", "html"])
        .output()
        .unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        !page.contains(">quiet-17<"),
        "a document without findings is listed"
    );
    assert!(page.contains("other document(s) read, without findings (listed in the JSON export)"));
}

#[test]
fn a_rules_folder_with_one_new_verb_keeps_the_built_in_verbs() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("ar")).unwrap();
    let cue = "[[cue]]\nlemma = \"غرد\"\nstance = \"assert\"\npast = [\"غرد\"]\n";
    std::fs::write(dir.path().join("ar/cues.toml"), cue).unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(
        &article,
        "وقالت وزارة الخارجية الأردنية إن الوفد وصل. وغردت وزارة الخارجية المصرية بأن الوفد وصل.\n",
    )
    .unwrap();
    let claims = |rules: &std::path::Path| {
        let out = claimdiff()
            .arg("claims")
            .arg(&article)
            .arg("--rules")
            .arg(rules)
            .args(["--format", "jsonl"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap().lines().count()
    };
    assert_eq!(claims(dir.path()), 2, "both قالت and the new غردت");
    claimdiff()
        .args(["rules", "check"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "cues.toml: laid over the built-in file (0 entries overridden, 1 added)",
        ));
    std::fs::write(
        dir.path().join("ar/cues.toml"),
        format!("replace = true\n{cue}"),
    )
    .unwrap();
    assert_eq!(claims(dir.path()), 1, "only the new verb");
    claimdiff()
        .args(["rules", "check"])
        .arg(dir.path())
        .assert()
        .stdout(predicate::str::contains(
            "cues.toml: replaces the built-in file",
        ));
}

#[test]
fn every_subcommand_has_examples_in_its_help() {
    for cmd in [
        "claims", "events", "report", "eval", "pair", "pairs", "rules",
    ] {
        claimdiff()
            .args([cmd, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:\n  claimdiff "));
    }
    claimdiff()
        .arg("--help")
        .assert()
        .stdout(predicate::str::contains(
            "3 findings, with --fail-on-findings",
        ));
}

#[test]
fn eval_and_pair_take_format_json() {
    let out = claimdiff()
        .args([
            "eval",
            "--gold",
            "tests/data/seeds-gold.json",
            "seeds",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(v["claim_precision"].is_number());
    let out = claimdiff()
        .args(["pair", "Prices rose.", "Prices fell.", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["label"], "disagree");
    assert!(v["why"].is_string() && v["rule"].is_string());
}

#[test]
fn nothing_is_drawn_on_a_standard_error_that_is_not_a_terminal() {
    claimdiff()
        .args(["report", "seeds", "--format", "json"])
        .assert()
        .success()
        .stderr("");
}
