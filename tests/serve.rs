//! The review desk's JSON API against a real `claimdiff serve` on a free loopback port: the
//! queue and one finding, decisions with version checks, every bad request a 4xx with a JSON
//! error, decisions kept across restarts and a grown corpus (and kept, as orphaned, when their
//! finding is gone), a server killed in the middle of writes leaving a whole database, and
//! `report --review-db` in every format.
#![cfg(feature = "serve")]

use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

mod common;
#[path = "common/desk.rs"]
mod desk;

use desk::{Server, request, seeds_into};

/// The first finding the desk lists whose id names `event`.
fn finding_of(s: &Server, event: &str) -> Value {
    s.findings()
        .into_iter()
        .find(|f| f["event"].as_str().is_some_and(|e| e.contains(event)))
        .unwrap_or_else(|| panic!("no finding of {event}"))
}

#[test]
fn the_api_lists_reviews_and_refuses_bad_requests_with_json_errors() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("review.sqlite");
    let s = Server::start(&[Path::new("seeds")], &db);
    let all = s.findings();
    assert!(all.len() >= 2);
    for f in &all {
        for key in ["id", "kind", "event", "score", "review"] {
            assert!(f.get(key).is_some(), "{key} missing in {f}");
        }
        assert_eq!(f["review"]["status"], "open");
        assert_eq!(f["review"]["version"], 0);
    }
    let id = all[0]["id"].as_str().unwrap().to_string();
    let (status, one) = s.get(&format!("/api/findings/{id}"));
    assert_eq!(status, 200);
    assert!(!one["a_claims"].as_array().unwrap().is_empty());
    assert!(one["b_claims"][0]["text"].is_string());
    assert!(one["b_claims"][0]["source"].is_string());

    let (status, r) = s.review(
        &id,
        json!({"status": "confirmed", "note": "both sources checked", "reviewer": "Mona", "version": 0}),
    );
    assert_eq!(status, 200, "{r}");
    assert_eq!(
        (r["status"].as_str(), r["version"].as_u64()),
        (Some("confirmed"), Some(1))
    );
    assert!(r["updated_at"].as_str().unwrap().ends_with('Z'));
    // a second tab that still saw version 0 is told, and shown the decision it would overwrite
    let (status, r) = s.review(&id, json!({"status": "dismissed", "version": 0}));
    assert_eq!(status, 409, "{r}");
    assert_eq!(r["review"]["status"], "confirmed");
    assert!(r["error"].is_string());
    // without a version: last write wins, field by field (the note stays)
    let (status, r) = s.review(&id, json!({"status": "needs_check", "reviewer": "Sami"}));
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["note"], "both sources checked");
    assert_eq!(r["version"], 2);
    let (_, listed) = s.get("/api/findings?status=needs_check");
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(listed[0]["id"], id.as_str());

    // a correction of one of the finding's own claims
    let claim = one["a"]["claims"][0].as_str().unwrap();
    let (status, r) = s.review(
        &id,
        json!({"corrections": [{"claim": claim, "parties": ["RU"], "stance": "deny"}]}),
    );
    assert_eq!(status, 200, "{r}");
    assert_eq!(r["corrections"][0]["stance"], "deny");

    let bad: &[(&str, String, u16)] = &[
        (
            "unknown status",
            json!({"status": "maybe"}).to_string(),
            400,
        ),
        ("not JSON", "{status:".into(), 400),
        ("unknown field", json!({"stauts": "open"}).to_string(), 400),
        ("nothing to change", "{}".into(), 422),
        (
            "a claim of another finding",
            json!({"corrections": [{"claim": "nope-c1", "stance": "deny"}]}).to_string(),
            422,
        ),
        (
            "a huge note",
            json!({"note": "x".repeat(100_000)}).to_string(),
            413,
        ),
    ];
    for (what, body, want) in bad {
        let (status, r) = s.post(&format!("/api/findings/{id}/review"), body);
        assert_eq!(status, *want, "{what}: {r}");
        assert!(r["error"].is_string(), "{what}: {r}");
    }
    let (status, r) = s.review("no-such-finding", json!({"status": "open"}));
    assert_eq!((status, r["error"].is_string()), (404, true));
    let (status, r) = s.get("/api/findings/no-such-finding");
    assert_eq!((status, r["error"].is_string()), (404, true));
    let (status, r) = s.get("/api/findings?colour=red");
    assert_eq!((status, r["error"].is_string()), (400, true));
    let (status, r) = s.get("/api/nothing-here");
    assert_eq!((status, r["error"].is_string()), (404, true));
    // another site open in the same browser cannot write decisions
    let (status, _) = request(
        &s.addr,
        "POST",
        &format!("/api/findings/{id}/review"),
        Some(r#"{"status":"dismissed"}"#),
        &[("Origin", "http://elsewhere.example")],
    );
    assert_eq!(status, 403);

    // the export carries the review on the reviewed finding only
    let (status, export) = s.get("/api/export");
    assert_eq!(status, 200);
    assert_eq!(export["format"], "claimdiff/1");
    let fs = export["findings"].as_array().unwrap();
    let reviewed: Vec<&Value> = fs.iter().filter(|f| f.get("review").is_some()).collect();
    assert_eq!(reviewed.len(), 1);
    assert_eq!(reviewed[0]["id"], id.as_str());
    assert_eq!(reviewed[0]["review"]["status"], "needs_check");
    // the page itself, with a policy that lets it load nothing from elsewhere
    let (status, page) = request(&s.addr, "GET", "/", None, &[]);
    assert_eq!(status, 200);
    assert!(page.contains("claimdiff review desk"));
}

#[test]
fn decisions_survive_a_restart_on_a_grown_corpus_and_orphans_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("review.sqlite");
    let (small, full) = (dir.path().join("small"), dir.path().join("full"));
    std::fs::create_dir_all(&small).unwrap();
    std::fs::create_dir_all(&full).unwrap();
    // seed 003 has no part in any finding of the others; seed 004 holds its own event
    seeds_into(&small, &[0, 1, 2, 4]);
    seeds_into(&full, &[0, 1, 2, 3, 4]);
    let s = Server::start(&[&small], &db);
    let a = finding_of(&s, "ba58")["id"].as_str().unwrap().to_string();
    let b = finding_of(&s, "ddbc")["id"].as_str().unwrap().to_string();
    assert_eq!(
        s.review(&a, json!({"status": "confirmed", "reviewer": "Mona"}))
            .0,
        200
    );
    assert_eq!(
        s.review(
            &b,
            json!({"status": "dismissed", "note": "one speaker, two outlets"})
        )
        .0,
        200
    );
    s.kill();

    let s = Server::start(&[&full], &db);
    let listed = s.findings();
    let status_of = |id: &str| -> Value {
        listed
            .iter()
            .find(|f| f["id"] == id)
            .map(|f| f["review"]["status"].clone())
            .unwrap_or_else(|| panic!("{id} is gone from the grown corpus"))
    };
    assert_eq!(status_of(&a), "confirmed");
    assert_eq!(status_of(&b), "dismissed");
    assert_eq!(s.get("/api/orphans").1, json!([]));
    s.kill();

    // without seed 004, its finding is gone: its decision is listed as orphaned, not lost
    std::fs::remove_file(
        small.join(
            std::fs::read_dir(&small)
                .unwrap()
                .map(|e| e.unwrap().file_name())
                .find(|n| n.to_string_lossy().starts_with("004"))
                .unwrap(),
        ),
    )
    .unwrap();
    let s = Server::start(&[&small], &db);
    assert!(s.findings().iter().all(|f| f["id"] != b.as_str()));
    let (_, orphans) = s.get("/api/orphans");
    assert_eq!(orphans.as_array().unwrap().len(), 1, "{orphans}");
    assert_eq!(orphans[0]["id"], b.as_str());
    assert_eq!(orphans[0]["review"]["note"], "one speaker, two outlets");
    s.kill();
    let s = Server::start(&[&full], &db);
    let back = s
        .findings()
        .into_iter()
        .find(|f| f["id"] == b.as_str())
        .unwrap();
    assert_eq!(back["review"]["status"], "dismissed");
}

#[test]
fn a_server_killed_mid_write_leaves_a_whole_database_with_every_acknowledged_decision() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("review.sqlite");
    let s = Server::start(&[Path::new("seeds")], &db);
    let ids: Vec<String> = s
        .findings()
        .iter()
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect();
    let addr = s.addr.clone();
    // a writer that goes on until the server is gone (at most 2000 requests or 60 s)
    let writer = std::thread::spawn(move || {
        let mut acked: Vec<(String, u64)> = Vec::new();
        let start = Instant::now();
        for n in 0..2000 {
            if start.elapsed() > Duration::from_secs(60) {
                break;
            }
            let id = &ids[n % ids.len()];
            let status = ["confirmed", "dismissed", "needs_check"][n % 3];
            let body = json!({"status": status,
                              "note": format!("write {n}"), "reviewer": "load"});
            let Ok(answer) = std::panic::catch_unwind(|| {
                request(
                    &addr,
                    "POST",
                    &format!("/api/findings/{id}/review"),
                    Some(&body.to_string()),
                    &[],
                )
            }) else {
                break;
            };
            if answer.0 == 200 {
                let v: Value = serde_json::from_str(&answer.1).unwrap();
                acked.push((id.clone(), v["version"].as_u64().unwrap()));
            }
        }
        acked
    });
    // let some writes land, then kill the server without warning
    let wait = Instant::now();
    while rusqlite_count(&db) < 30 && wait.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(20));
    }
    s.kill();
    let acked = writer.join().expect("the writer stops by itself");
    assert!(acked.len() >= 30, "only {} writes landed", acked.len());

    let conn = rusqlite::Connection::open(&db).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    // every change the server acknowledged is there (durable), none half-written
    for (id, version) in &acked {
        let stored: i64 = conn
            .query_row("SELECT version FROM review WHERE finding = ?1", [id], |r| {
                r.get(0)
            })
            .unwrap();
        assert!(
            stored as u64 >= *version,
            "{id}: {stored} < acknowledged {version}"
        );
    }
    let logged: i64 = conn
        .query_row("SELECT count(*) FROM review_log", [], |r| r.get(0))
        .unwrap();
    let versions: i64 = conn
        .query_row("SELECT sum(version) FROM review", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        logged, versions,
        "a change logged without its row, or the other way"
    );
    drop(conn);
    // and the desk starts again on it
    let s = Server::start(&[Path::new("seeds")], &db);
    assert!(
        s.findings()
            .iter()
            .any(|f| f["review"]["version"].as_u64() > Some(0))
    );
}

/// Rows in the log so far (0 while the database is not there yet).
fn rusqlite_count(db: &Path) -> i64 {
    let Ok(conn) =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
    else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM review_log", [], |r| r.get(0))
        .unwrap_or(0)
}

#[test]
fn report_with_a_review_db_shows_reviews_in_every_format_and_hides_dismissed() {
    use claimdiff::render::review::Status;
    use claimdiff::serve::{Change, Store, store::About};

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("review.sqlite");
    let (report, _, _) = common::report_of_path("seeds");
    let (kept, gone) = (&report.findings[0], &report.findings[1]);
    let mut store = Store::open(&db).unwrap();
    let about = About {
        kind: "denial",
        event: None,
        summary: "",
    };
    let change = |status, note: &str| Change {
        status: Some(status),
        note: Some(note.into()),
        reviewer: Some("Mona".into()),
        ..Default::default()
    };
    store
        .apply(
            &kept.id,
            &change(Status::Confirmed, "checked with both outlets"),
            &about,
            "2025-01-22T10:00:00Z",
        )
        .unwrap();
    store
        .apply(
            &gone.id,
            &change(Status::Dismissed, "same speaker"),
            &about,
            "2025-01-22T10:01:00Z",
        )
        .unwrap();
    store
        .apply(
            "an-old-finding",
            &change(Status::Confirmed, "from an earlier corpus"),
            &about,
            "2025-01-01T00:00:00Z",
        )
        .unwrap();
    drop(store);
    let db = db.to_str().unwrap();
    for format in ["table", "md", "html", "json", "jsonl"] {
        let out = common::claimdiff()
            .args(["report", "seeds", "--review-db", db, "--format", format])
            .env("COLUMNS", "400")
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            text.contains("checked with both outlets"),
            "{format} shows no review"
        );
        assert!(text.contains("Mona"), "{format} shows no reviewer");
        assert!(
            !text.contains(&gone.id),
            "{format} shows a dismissed finding"
        );
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("1 dismissed finding(s) hidden"), "{err}");
        assert!(err.contains("an-old-finding"), "orphans are named: {err}");
        let all = common::claimdiff()
            .args([
                "report",
                "seeds",
                "--review-db",
                db,
                "--all",
                "--format",
                format,
            ])
            .env("COLUMNS", "400")
            .output()
            .unwrap();
        let text = String::from_utf8(all.stdout).unwrap();
        assert!(
            text.contains("same speaker"),
            "{format} --all hides a dismissed finding"
        );
    }
    let missing = common::claimdiff()
        .args(["report", "seeds", "--review-db", "no-such.sqlite"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
}
