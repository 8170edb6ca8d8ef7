//! The review desk as a reviewer uses it, in headless Chromium driven over WebDriver
//! (chromedriver, spoken to with the same small HTTP client as the API tests): type a name,
//! confirm the first open finding with `c`, dismiss the next with `d`, then restart the server on
//! the corpus plus one more article and see both decisions in the page.
//!
//! Without chromium and chromedriver on PATH the test prints "skipped: ..." and passes, unless
//! `CI` is set (to anything but `0` or `false`): CI installs both, so there it fails.
#![cfg(feature = "serve")]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

#[path = "common/desk.rs"]
mod desk;

use desk::{Server, request, seeds_into};

/// The first of `names` on PATH.
fn on_path(names: &[&str]) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// Chromium and chromedriver, or `None` after saying why the test is skipped (a failure in CI).
fn browser() -> Option<(PathBuf, PathBuf)> {
    let found = on_path(&["chromium", "chromium-browser"]).zip(on_path(&["chromedriver"]));
    if found.is_none() {
        let ci = std::env::var("CI").is_ok_and(|v| !matches!(v.as_str(), "" | "0" | "false"));
        assert!(
            !ci,
            "CI is set but chromium or chromedriver is not on PATH (apt-get install chromium-driver)"
        );
        println!("skipped: no chromium and chromedriver installed");
    }
    found
}

/// A WebDriver session on a chromedriver of our own, ended when dropped.
struct Driver {
    child: Child,
    addr: String,
    session: String,
    _profile: tempfile::TempDir,
}

impl Driver {
    fn start(chromium: &Path, chromedriver: &Path) -> Driver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let addr = format!("127.0.0.1:{port}");
        let start = Instant::now();
        loop {
            let up = std::net::TcpStream::connect(&addr).is_ok()
                && std::panic::catch_unwind(|| request(&addr, "GET", "/status", None, &[]))
                    .is_ok_and(|(s, b)| s == 200 && b.contains("\"ready\":true"));
            if up {
                break;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "chromedriver did not come up"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().expect("a profile folder");
        let caps = json!({"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
            "binary": chromium,
            "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                     "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--window-size=1400,900",
                     format!("--user-data-dir={}", profile.path().display())],
        }}}});
        let mut d = Driver {
            child,
            addr,
            session: String::new(),
            _profile: profile,
        };
        let v = d.call("POST", "/session", Some(caps));
        d.session = v["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"))
            .to_string();
        d
    }

    /// One WebDriver command; its `value`.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let body = body.map(|b| b.to_string());
        let (status, text) = request(&self.addr, method, path, body.as_deref(), &[]);
        let v: Value = serde_json::from_str(&text).expect("WebDriver answers JSON");
        assert_eq!(status, 200, "{method} {path}: {v}");
        v["value"].clone()
    }

    fn session(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.call(method, &format!("/session/{}{path}", self.session), body)
    }

    fn goto(&self, url: &str) {
        self.session("POST", "/url", Some(json!({ "url": url })));
    }

    /// Runs `script` (a function body) in the page and returns its result.
    fn eval(&self, script: &str) -> Value {
        self.session(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": []})),
        )
    }

    /// Waits (at most 20 s) until `script` returns true.
    fn wait(&self, script: &str, what: &str) {
        let start = Instant::now();
        while self.eval(script) != json!(true) {
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "waited 20 s for {what}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Presses keys, as a person at the keyboard would (to whatever has the focus).
    fn press(&self, keys: &str) {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|c| {
                let k = c.to_string();
                [
                    json!({"type": "keyDown", "value": k}),
                    json!({"type": "keyUp", "value": k}),
                ]
            })
            .collect();
        self.session(
            "POST",
            "/actions",
            Some(json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]})),
        );
    }

    /// Types into the element `css`.
    fn type_into(&self, css: &str, text: &str) {
        let el = self.session(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        let id = el
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .expect("an element id")
            .to_string();
        self.session("POST", &format!("/element/{id}/click"), Some(json!({})));
        self.session(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        );
    }

    fn selected(&self) -> String {
        self.eval("return document.querySelector('#queue .selected')?.dataset.id ?? null")
            .as_str()
            .expect("a finding is selected")
            .to_string()
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let path = format!("/session/{}", self.session);
            let _ = std::panic::catch_unwind(|| request(&self.addr, "DELETE", &path, None, &[]));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const READY: &str = "return document.body.dataset.ready === '1'";

/// An article about another meeting, that no finding of the seeds draws on.
const EXTRA: &str = "قال وزير الخارجية المصري إن المحادثات في القاهرة يوم الأحد كانت مفيدة.\n";

#[test]
fn a_reviewer_confirms_and_dismisses_with_the_keyboard_and_the_decisions_survive_a_restart() {
    let Some((chromium, chromedriver)) = browser() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (corpus, db) = (dir.path().join("corpus"), dir.path().join("review.sqlite"));
    std::fs::create_dir_all(&corpus).unwrap();
    seeds_into(&corpus, &[0, 1, 2, 3, 4]);
    let server = Server::start(&[&corpus], &db);
    let driver = Driver::start(&chromium, &chromedriver);

    driver.goto(&server.url());
    driver.wait(READY, "the page to load its queue");
    driver.type_into("#reviewer", "Mona");
    // Escape leaves the name field (saving the name), then the keys act on the queue
    driver.press("\u{E00C}");
    let first = driver.selected();
    driver.press("c");
    driver.wait(
        &format!("return document.querySelector('#queue .selected')?.dataset.id !== {first:?}"),
        "the next finding after confirming",
    );
    let second = driver.selected();
    driver.press("d");
    driver.wait(
        &format!("return document.querySelector('#queue .selected')?.dataset.id !== {second:?}"),
        "the next finding after dismissing",
    );
    // the open queue no longer lists them
    let open: Value =
        driver.eval("return [...document.querySelectorAll('#queue .item')].map(e => e.dataset.id)");
    assert!(
        !open
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i == &first || i == &second)
    );
    let status = |s: &Server, id: &str| {
        let (_, f) = s.get(&format!("/api/findings/{id}"));
        (
            f["review"]["status"].clone(),
            f["review"]["reviewer"].clone(),
        )
    };
    assert_eq!(status(&server, &first), (json!("confirmed"), json!("Mona")));
    assert_eq!(
        status(&server, &second),
        (json!("dismissed"), json!("Mona"))
    );
    server.kill();

    // the corpus grows by one article; the decisions are still on their findings
    std::fs::write(corpus.join("900_extra.txt"), EXTRA).unwrap();
    let server = Server::start(&[&corpus], &db);
    driver.goto(&format!("{}#f={first}", server.url()));
    driver.wait(READY, "the page after the restart");
    driver.wait(
        "return document.getElementById('status')?.dataset.status === 'confirmed'",
        "the confirmed finding shown as confirmed",
    );
    let reviewed = driver.eval("return document.getElementById('reviewed').textContent");
    assert!(reviewed.as_str().unwrap().contains("Mona"), "{reviewed}");
    driver.press("5");
    let class_of = |id: &str| {
        driver.eval(&format!(
            "return document.querySelector('#queue [data-id=\"' + CSS.escape({id:?}) + '\"]')?.className ?? ''"
        ))
    };
    assert!(class_of(&first).as_str().unwrap().contains("st-confirmed"));
    assert!(class_of(&second).as_str().unwrap().contains("st-dismissed"));
    let counts = driver.eval(
        "return ['confirmed', 'dismissed'].map(s => document.querySelector(`#tabs [data-status=${s}] .count`).textContent)",
    );
    assert_eq!(counts, json!(["1", "1"]));
}
