//! HTML pages to text, with a real HTML parser (`scraper`, which is html5ever): what a reader
//! sees of the article, block elements as line breaks, and the page's headline and publication
//! date as metadata. The file reader calls it for `.html`/`.htm` files and `jsonl` for an `html`
//! field; spans of the claims then index the text returned here, which the export carries as
//! `documents[].text`. (Not to be confused with `render::html`, which writes the HTML report.)

use std::collections::HashMap;

use ego_tree::iter::Edge;
use scraper::{ElementRef, Html, Node, Selector};

/// Text and metadata read from an HTML page.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The visible text: paragraphs separated by a blank line, `<br>` as a line break, whitespace
    /// collapsed within lines. Starts with the headline when the body does not contain it.
    pub text: String,
    /// The headline: `og:title`, else the first `<h1>`, else `<title>`.
    pub title: Option<String>,
    /// A publication date (`YYYY-MM-DD`) from `<meta>`, `itemprop=datePublished` or `<time>`.
    pub published: Option<String>,
}

/// Elements whose content a reader does not see as the article: code, page furniture, navigation.
const DROPPED: &[&str] = &[
    "aside", "button", "canvas", "embed", "footer", "form", "head", "header", "iframe", "nav",
    "noscript", "object", "script", "select", "style", "svg", "template", "textarea",
];

/// Elements that start and end a paragraph of their own.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "td",
    "th",
    "tr",
    "ul",
];

/// How deep a page may nest elements. The HTML tree builder scans its stack of open elements for
/// most tags, so a page of a million nested `<div>`s takes hours; real pages stay under a few
/// hundred levels (browsers flatten beyond 512).
pub const MAX_DEPTH: usize = 1000;

/// Extracts the text of an HTML page, or says why not (only a page nested deeper than
/// [`MAX_DEPTH`] is refused).
pub fn extract(html: &str) -> Result<Page, String> {
    let depth = nesting(html);
    if depth > MAX_DEPTH {
        return Err(format!(
            "HTML nests elements more than {MAX_DEPTH} levels deep: broken or hostile page, skipped"
        ));
    }
    let doc = Html::parse_document(html);
    let body = lines(&visible_text(&doc));
    let title = headline(&doc);
    let text = match &title {
        Some(t) if !body.contains(t.as_str()) => {
            if body.is_empty() {
                t.clone()
            } else {
                format!("{t}\n\n{body}")
            }
        }
        _ => body,
    };
    Ok(Page {
        text,
        title,
        published: published(&doc),
    })
}

/// The text of the page outside dropped elements, with `\n` for `<br>` and `\n\n` around blocks.
/// Walks the tree without recursion, so that deeply nested pages cannot exhaust the stack.
fn visible_text(doc: &Html) -> String {
    let mut out = String::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    let mut pre = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => {
                if skipping.is_some() {
                    continue;
                }
                match node.value() {
                    // A line break in the source is a space to a reader, except inside <pre>.
                    Node::Text(t) if pre > 0 => out.push_str(t),
                    Node::Text(t) => out.extend(t.chars().map(|c| match c {
                        '\n' | '\r' => ' ',
                        c => c,
                    })),
                    Node::Element(e) => {
                        let name = e.name();
                        if DROPPED.contains(&name) {
                            skipping = Some(node.id());
                        } else if name == "br" {
                            out.push('\n');
                        } else if name == "pre" {
                            pre += 1;
                            out.push_str("\n\n");
                        } else if BLOCKS.contains(&name) {
                            out.push_str("\n\n");
                        }
                    }
                    _ => {}
                }
            }
            Edge::Close(node) => {
                if skipping == Some(node.id()) {
                    skipping = None;
                } else if skipping.is_none()
                    && let Node::Element(e) = node.value()
                    && (BLOCKS.contains(&e.name()) || e.name() == "pre")
                {
                    pre = pre.saturating_sub(usize::from(e.name() == "pre"));
                    out.push_str("\n\n");
                }
            }
        }
    }
    out
}

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose content is read as raw text up to their end tag.
const RAW: &[&str] = &[
    "iframe", "noembed", "noframes", "script", "style", "textarea", "title", "xmp",
];

/// Roughly how deep a page nests elements, from its tags alone, in one pass: a start tag opens an
/// element (a `<p>` or `<li>` right after another closes it first), an end tag closes the nearest
/// open element of its name, void and (in SVG or MathML) self-closing tags open nothing. Stops
/// counting, and returns more than [`MAX_DEPTH`], once past it.
fn nesting(html: &str) -> usize {
    let b = html.as_bytes();
    let find = |from: usize, pat: &[u8]| {
        b.get(from..)
            .and_then(|rest| {
                rest.windows(pat.len())
                    .position(|w| w.eq_ignore_ascii_case(pat))
            })
            .map(|at| from + at)
    };
    let mut open: Vec<String> = Vec::new();
    // How many of each name are open, so that a stray end tag costs no search of `open`.
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut i = 0;
    while open.len() <= MAX_DEPTH {
        let Some(lt) = find(i, b"<") else { break };
        let start = lt + 1;
        let next = b.get(start).copied().unwrap_or(b' ');
        if !next.is_ascii_alphabetic() && !matches!(next, b'!' | b'/' | b'?') {
            i = start;
            continue;
        }
        if b[start..].starts_with(b"!--") {
            i = find(start, b"-->").map_or(b.len(), |at| at + 3);
            continue;
        }
        // Every other tag, bogus comment or doctype runs to the next '>'.
        let Some(gt) = find(start, b">") else { break };
        i = gt + 1;
        let name = tag_name(&b[start + usize::from(next == b'/')..]);
        if next == b'/' {
            if counts.get(&name).is_some_and(|&n| n > 0)
                && let Some(at) = open.iter().rposition(|n| *n == name)
            {
                for closed in open.drain(at..) {
                    counts.entry(closed).and_modify(|n| *n -= 1);
                }
            }
        } else if next.is_ascii_alphabetic() {
            let self_closing = b[gt - 1] == b'/';
            let foreign = ["svg", "math"]
                .iter()
                .any(|f| counts.get(*f).is_some_and(|&n| n > 0));
            let implied = ["p", "li", "dt", "dd", "tr", "td", "th", "option"];
            if RAW.contains(&name.as_str()) {
                i = find(i, format!("</{name}").as_bytes()).unwrap_or(b.len());
            } else if implied.contains(&name.as_str()) && open.last() == Some(&name) {
                // `<li>one<li>two`: the second closes the first.
            } else if !VOID.contains(&name.as_str()) && (!foreign || !self_closing) {
                *counts.entry(name.clone()).or_insert(0) += 1;
                open.push(name);
            }
        }
    }
    open.len()
}

/// The lower-case tag name at the start of `b` (after `</`).
fn tag_name(b: &[u8]) -> String {
    let end = b
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .unwrap_or(b.len());
    String::from_utf8_lossy(&b[..end]).to_ascii_lowercase()
}

/// Collapses whitespace within lines, drops blank-line runs to one blank line, trims the ends.
fn lines(raw: &str) -> String {
    let mut out = String::new();
    let mut blank = false;
    for line in raw.split(['\n', '\r']) {
        let line = collapse(line);
        if line.is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank = false;
    }
    out
}

/// Runs of whitespace (including no-break spaces) as one space, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid built-in selector")
}

/// The text of an element, whitespace collapsed.
fn element_text(e: ElementRef) -> String {
    collapse(&e.text().collect::<String>())
}

/// `og:title` and `<h1>` first: `<title>` often ends with the outlet's name ("… | Outlet").
fn headline(doc: &Html) -> Option<String> {
    let mut found: Vec<String> = attrs(doc, r#"meta[property="og:title"]"#, &["content"]);
    found.extend(doc.select(&selector("body h1")).map(element_text));
    found.extend(doc.select(&selector("title")).map(element_text));
    found
        .into_iter()
        .map(|t| collapse(&t))
        .find(|t| !t.is_empty())
}

/// The first of `names` that each element matching `css` has, in document order.
fn attrs(doc: &Html, css: &str, names: &[&str]) -> Vec<String> {
    doc.select(&selector(css))
        .filter_map(|e| names.iter().find_map(|n| e.value().attr(n)))
        .map(str::to_string)
        .collect()
}

/// The first ISO date found in the usual places, most specific first.
fn published(doc: &Html) -> Option<String> {
    const META: &[&str] = &[
        r#"meta[property="article:published_time"]"#,
        r#"meta[name="article:published_time"]"#,
        r#"meta[name="date"]"#,
        r#"meta[name="pubdate"]"#,
        r#"meta[property="pubdate"]"#,
    ];
    let mut found: Vec<String> = META
        .iter()
        .flat_map(|css| attrs(doc, css, &["content"]))
        .collect();
    for e in doc.select(&selector(r#"[itemprop="datePublished"]"#)) {
        let v = e.value();
        found.push(
            v.attr("datetime")
                .or(v.attr("content"))
                .map_or_else(|| element_text(e), str::to_string),
        );
    }
    found.extend(attrs(doc, "time[datetime]", &["datetime"]));
    found.iter().find_map(|s| iso_date(s))
}

/// The `YYYY-MM-DD` a timestamp starts with ("2025-01-22T10:00:00Z" → "2025-01-22").
fn iso_date(s: &str) -> Option<String> {
    let s = s.trim();
    let head = s.get(..10)?;
    let b = head.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10);
    if !ok {
        // only after this check are bytes 5..7 and 8..10 known to be ASCII, i.e. char boundaries
        return None;
    }
    let month: u8 = head[5..7].parse().ok()?;
    let day: u8 = head[8..10].parse().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then(|| head.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(html: &str) -> Page {
        extract(html).expect("a page")
    }

    #[test]
    fn a_date_attribute_with_letters_inside_is_no_date() {
        // found by fuzzing: a multi-byte letter where the month digits should be
        assert_eq!(iso_date("20يبدو-01-01"), None);
        assert_eq!(iso_date("2024-1ب-01"), None);
        assert_eq!(iso_date("2024-06-11T10:00"), Some("2024-06-11".into()));
    }

    #[test]
    fn drops_scripts_navigation_and_comments_and_keeps_paragraphs() {
        let page = page(
            "<html><head><title>Talks in Moscow | Outlet</title><style>p{}</style></head>\
             <body><nav><a>Home</a> <a>World</a></nav><header>Site header</header>\
             <script>var x = '<p>not text</p>';</script><!-- a comment -->\
             <article><h1>Talks in Moscow</h1><p>The minister   said\n the talks \
             went well.</p><p>Ankara &amp; Damascus&nbsp;met.<br>Second line.</p></article>\
             <aside>Most read</aside><footer>© Outlet</footer><noscript>enable JS</noscript>\
             <template><p>hidden</p></template></body></html>",
        );
        assert_eq!(
            page.text,
            "Talks in Moscow\n\nThe minister said the talks went well.\n\n\
             Ankara & Damascus met.\nSecond line."
        );
        assert_eq!(page.title.as_deref(), Some("Talks in Moscow"));
    }

    #[test]
    fn headline_is_put_first_when_the_body_lacks_it() {
        let page = page(
            "<html><head><meta property=\"og:title\" content=\"وزير الخارجية: المحادثات بناءة\">\
             </head><body><div>قال الوزير إن المحادثات كانت بناءة.</div></body></html>",
        );
        assert_eq!(
            page.text,
            "وزير الخارجية: المحادثات بناءة\n\nقال الوزير إن المحادثات كانت بناءة."
        );
        assert_eq!(
            page.title.as_deref(),
            Some("وزير الخارجية: المحادثات بناءة")
        );
    }

    #[test]
    fn title_tag_is_the_fallback_headline() {
        let page = page("<title> A  headline </title><p>Body.</p>");
        assert_eq!(page.title.as_deref(), Some("A headline"));
        assert_eq!(page.text, "A headline\n\nBody.");
    }

    #[test]
    fn published_date_from_meta_itemprop_or_time() {
        let meta = page(
            "<meta property=\"article:published_time\" content=\"2025-01-22T10:00:00+03:00\">",
        );
        assert_eq!(meta.published.as_deref(), Some("2025-01-22"));
        let name = page("<meta name=\"date\" content=\"2024-12-01\"><p>x</p>");
        assert_eq!(name.published.as_deref(), Some("2024-12-01"));
        let item = page("<p><span itemprop=\"datePublished\">2023-05-06</span> text</p>");
        assert_eq!(item.published.as_deref(), Some("2023-05-06"));
        let time = page("<p>On <time datetime=\"2022-02-03T08:00\">Thursday</time></p>");
        assert_eq!(time.published.as_deref(), Some("2022-02-03"));
        let bad = page(
            "<time datetime=\"yesterday\">x</time><meta name=\"date\" content=\"2024-13-40\">",
        );
        assert_eq!(bad.published, None);
    }

    #[test]
    fn block_elements_become_line_breaks() {
        let page = page(
            "<ul><li>one</li><li>two</li></ul><table><tr><td>a</td><td>b</td></tr></table>\
             <blockquote>quote</blockquote><figure><img><figcaption>cap</figcaption></figure>\
             <h2>Sub</h2><section>end</section>",
        );
        assert_eq!(
            page.text,
            "one\n\ntwo\n\na\n\nb\n\nquote\n\ncap\n\nSub\n\nend"
        );
    }

    #[test]
    fn broken_and_hostile_markup_does_not_panic() {
        for html in [
            "",
            "<",
            "<<<>>>",
            "<p>unclosed <b>bold <i>italic",
            "</p></div></body>",
            "<script>never closed",
            "<!-- never closed",
            "&#xD800; &#0; &bogus; &amp",
            "<time datetime=\"٢٠٢٥-٠١-٢٢\">x</time>",
        ] {
            let _ = extract(html);
        }
        let deep = "<div>".repeat(MAX_DEPTH) + "deep" + &"</div>".repeat(MAX_DEPTH);
        assert_eq!(page(&deep).text, "deep");
        let hostile = "<div><b>".repeat(1_000_000);
        assert!(extract(&hostile).unwrap_err().contains("levels deep"));
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            page("<p>&laquo;x&raquo; &#1575; &quot;y&quot;</p>").text,
            "«x» ا \"y\""
        );
    }
}
