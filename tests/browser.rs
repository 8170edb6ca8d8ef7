//! The HTML report as a browser sees it: the binary renders a report, headless Chromium loads
//! it (`--dump-dom`, with console messages logged to standard error) and the dumped DOM is parsed
//! with `scraper`. Checks that the filter script ran and counted every finding, that nothing tried
//! to load or failed, and that article text full of markup stays text.
//!
//! Without Chromium on PATH the tests print "skipped: no chromium installed" and pass, unless
//! the `CI` variable is set (to anything but `0` or `false`): CI installs Chromium, so there a missing browser is a failure.

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::{Duration, Instant};

use scraper::{Html, Selector};

mod common;

use common::claimdiff;

/// Payloads in the claims of `tests/data/xss/article.txt` (no `.`: it would end the sentence).
const SCRIPT_PAYLOAD: &str = "<script>document['title']='pwned'</script>";
const IMG_PAYLOAD: &str =
    "\"><img src=x onerror=\"document['body']['setAttribute']('data-pwned','1')\"";
/// Payloads in the article's headline and file name.
const HEADLINE_PAYLOAD: &str = "</style></textarea><script>";
const NAME_PAYLOAD: &str =
    "\"><img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">";

/// A file name that is itself an injection (no `/`, so no closing tags).
const HOSTILE_NAME: &str = "x\"><img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"><script>document.title='pwned'<script>.txt";

/// Chromium on PATH, or `None` after saying why the test is skipped (a failure under CI).
fn browser() -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        let ci = std::env::var("CI").is_ok_and(|v| !matches!(v.as_str(), "" | "0" | "false"));
        assert!(
            !ci,
            "CI is set but no chromium (or chromium-browser) is on PATH"
        );
        println!("skipped: no chromium installed");
    }
    found
}

/// Runs claimdiff and returns its standard output, failing on a non-zero exit.
fn run(args: &[&str]) -> Vec<u8> {
    let out = claimdiff().args(args).output().expect("claimdiff runs");
    assert!(
        out.status.success(),
        "claimdiff {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn json_report(input: &Path) -> serde_json::Value {
    let input = input.to_str().expect("a UTF-8 path");
    serde_json::from_slice(&run(&["report", input, "--format", "json", "--quiet"])).expect("JSON")
}

/// Renders the HTML report of `input` into `dir/report.html` and returns its path and text.
fn html_report(input: &Path, dir: &Path) -> (PathBuf, String) {
    let out = dir.join("report.html");
    let (input, target) = (input.to_str().unwrap(), out.to_str().unwrap());
    run(&["report", input, "--format", "html", "--quiet", "-o", target]);
    let text = std::fs::read_to_string(&out).expect("the report was written");
    (out, text)
}

/// What Chromium made of a page: the DOM after scripts ran, and its console messages.
struct Loaded {
    dom: Html,
    console: Vec<String>,
}

/// Loads `page` in headless Chromium and dumps the DOM once its scripts have run.
fn load(chromium: &Path, page: &Path) -> Loaded {
    load_fragment(chromium, page, "")
}

/// Loads `page#fragment` (the page reads filters from its fragment).
fn load_fragment(chromium: &Path, page: &Path, fragment: &str) -> Loaded {
    let work = tempfile::tempdir().expect("a temp dir");
    let (out, err) = (work.path().join("dom.html"), work.path().join("log.txt"));
    let mut url = format!(
        "file://{}",
        page.canonicalize().expect("page exists").display()
    );
    if !fragment.is_empty() {
        url.push('#');
        url.push_str(fragment);
    }
    let mut child = Process::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=2000",
            "--dump-dom",
        ])
        .arg(format!(
            "--user-data-dir={}",
            work.path().join("profile").display()
        ))
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out).unwrap())
        .stderr(std::fs::File::create(&err).unwrap())
        .spawn()
        .expect("chromium starts");
    wait(&mut child, Duration::from_secs(120));
    let dom = std::fs::read_to_string(&out).expect("a DOM dump");
    assert!(dom.contains("<html"), "chromium dumped no DOM");
    // Chromium logs each console message (errors, CSP refusals) as `...:CONSOLE:<line>] "..."`.
    let console = std::fs::read_to_string(&err)
        .unwrap_or_default()
        .lines()
        .filter(|l| l.contains(":CONSOLE"))
        .map(str::to_string)
        .collect();
    Loaded {
        dom: Html::parse_document(&dom),
        console,
    }
}

fn wait(child: &mut std::process::Child, limit: Duration) {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("chromium waits") {
            assert!(status.success(), "chromium failed: {status}");
            return;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("chromium took over {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn select<'a>(dom: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    dom.select(&Selector::parse(css).expect("a valid selector"))
        .collect()
}

/// An attribute of the first element matching `css`.
fn attr(dom: &Html, css: &str, name: &str) -> Option<String> {
    select(dom, css)
        .first()
        .and_then(|e| e.value().attr(name))
        .map(str::to_string)
}

/// Checks what every report page must satisfy: the policy, one script, nothing that loads, the
/// script ran without errors or policy violations, and the console stayed silent.
fn assert_clean(raw: &str, page: &Loaded) {
    assert!(
        raw.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"),
        "no CSP meta tag"
    );
    let dom = &page.dom;
    assert_eq!(select(dom, "script").len(), 1, "only our own script");
    assert!(select(dom, "script[src]").is_empty());
    let loaders = "img, link, iframe, frame, object, embed, video, audio, source, base, form, [src], [srcset]";
    assert!(select(dom, loaders).is_empty(), "an element that loads");
    for style in select(dom, "style") {
        let css: String = style.text().collect();
        assert!(
            !css.contains("url(") && !css.contains("@import"),
            "CSS that loads"
        );
    }
    assert_eq!(attr(dom, "html", "data-errors").as_deref(), Some("0"));
    assert_eq!(
        attr(dom, "html", "data-csp-violations").as_deref(),
        Some("0")
    );
    assert!(
        page.console.is_empty(),
        "console messages: {:#?}",
        page.console
    );
}

#[test]
fn seeds_report_shows_every_finding() {
    let Some(chromium) = browser() else { return };
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let findings = json_report(&seeds)["findings"]
        .as_array()
        .expect("findings")
        .len();
    assert!(findings > 0, "the seeds have findings");
    let dir = tempfile::tempdir().unwrap();
    let (path, raw) = html_report(&seeds, dir.path());
    let page = load(&chromium, &path);
    let dom = &page.dom;
    assert_clean(&raw, &page);
    assert_eq!(select(dom, ".finding").len(), findings);
    assert_eq!(select(dom, ".finding:not([hidden])").len(), findings);
    // Set by the filter script after it ran: every finding passes the default filters.
    let shown = attr(dom, "#shown", "data-shown");
    assert_eq!(shown, Some(findings.to_string()), "the filter script ran");
    assert_eq!(
        attr(dom, "#total-findings", "data-count"),
        Some(findings.to_string())
    );
    for card in select(dom, ".finding") {
        let v = card.value();
        assert!(v.attr("data-event").is_some() && v.attr("data-kind").is_some());
        let score: f64 = v.attr("data-score").unwrap().parse().expect("a score");
        assert!((0.0..=1.0).contains(&score));
        let sides = card.select(&Selector::parse(".side").unwrap()).count();
        assert_eq!(sides, 2, "side A and side B");
    }
    let excerpts = select(dom, "blockquote.excerpt");
    assert!(!excerpts.is_empty());
    for e in excerpts {
        assert!(matches!(
            e.value().attr("dir"),
            Some("rtl" | "ltr" | "auto")
        ));
    }
    assert!(!select(dom, "blockquote.excerpt[dir=rtl][lang=ar] mark.cue").is_empty());
    assert!(!select(dom, "mark.speaker").is_empty());
    // every claim of a side links to its place in the documents section, and the target exists
    let links = select(dom, ".finding .side a.src-claim");
    assert!(!links.is_empty(), "no link from a side to its claim");
    for a in links {
        let target = a.value().attr("href").unwrap().trim_start_matches('#');
        assert_eq!(
            select(dom, &format!("#documents [id=\"{target}\"]")).len(),
            1,
            "{target}"
        );
    }
    for a in select(dom, "#contents a") {
        let target = a.value().attr("href").unwrap().trim_start_matches('#');
        assert_eq!(
            select(dom, &format!("[id=\"{target}\"]")).len(),
            1,
            "{target}"
        );
    }
    assert!(
        !raw.contains(seeds.to_str().unwrap()),
        "a local path in the page"
    );
}

/// The state filter and the text search, applied from the page's address as a reader's link
/// would, hide exactly the findings that do not match.
#[test]
fn seeds_report_filters_by_state_and_searches_text() {
    let Some(chromium) = browser() else { return };
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let report = json_report(&seeds);
    let findings = report["findings"].as_array().expect("findings");
    let with = |state: &str| {
        findings
            .iter()
            .filter(|f| {
                ["a", "b"].iter().any(|s| {
                    f[*s]["parties"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|p| p == state)
                })
            })
            .count()
    };
    let dir = tempfile::tempdir().unwrap();
    let (path, raw) = html_report(&seeds, dir.path());
    let shown = |fragment: &str| {
        let page = load_fragment(&chromium, &path, fragment);
        assert_clean(&raw, &page);
        let n = select(&page.dom, ".finding:not([hidden])").len();
        assert_eq!(attr(&page.dom, "#shown", "data-shown"), Some(n.to_string()));
        n
    };
    let tr = with("TR");
    assert!(
        tr > 0 && tr < findings.len(),
        "TR is on some findings, not all"
    );
    assert_eq!(shown("state=TR"), tr);
    assert_eq!(shown("state=ZZ"), 0);
    // the search matches words anywhere in a finding's card, case-insensitively
    let kind = findings[0]["kind"].as_str().unwrap().replace('_', " ");
    let by_kind = findings
        .iter()
        .filter(|f| f["kind"] == findings[0]["kind"])
        .count();
    assert!(shown(&format!("q={}", kind.to_uppercase())) >= by_kind);
    assert_eq!(shown("q=no-such-word-anywhere"), 0);
}

#[test]
fn article_markup_stays_text() {
    let Some(chromium) = browser() else { return };
    let input = tempfile::tempdir().unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/xss/article.txt");
    std::fs::copy(&fixture, input.path().join(HOSTILE_NAME)).expect("copy the fixture");
    let report = json_report(input.path());
    let claims = report["claims"].as_array().expect("claims");
    for payload in [SCRIPT_PAYLOAD, IMG_PAYLOAD] {
        assert!(
            claims
                .iter()
                .any(|c| c["text"].as_str().unwrap().contains(payload)),
            "no claim carries {payload}: {claims:#?}"
        );
    }
    assert!(!report["findings"].as_array().unwrap().is_empty());
    let out = tempfile::tempdir().unwrap();
    let (path, raw) = html_report(input.path(), out.path());
    assert_eq!(raw.matches("<script").count(), 1);
    assert_eq!(raw.matches("</style").count(), 1);
    assert!(!raw.contains("<img") && !raw.contains("</textarea"));
    assert!(raw.contains("&lt;script&gt;document['title']='pwned'&lt;/script&gt;"));

    let page = load(&chromium, &path);
    let dom = &page.dom;
    assert_clean(&raw, &page);
    let title: String = select(dom, "title")[0].text().collect();
    assert_eq!(title, "claimdiff report");
    assert!(select(dom, "[data-pwned]").is_empty());
    assert!(select(dom, "textarea").is_empty());
    let body: String = select(dom, "body")[0].text().collect();
    for payload in [SCRIPT_PAYLOAD, IMG_PAYLOAD, HEADLINE_PAYLOAD, NAME_PAYLOAD] {
        assert!(body.contains(payload), "{payload} does not show as text");
    }
    assert_eq!(select(dom, ".finding").len(), 1);
}
