//! HTML pages to text (placeholder until the HTML reader lands): tags are dropped naively.

/// Text and metadata read from an HTML page.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The visible text, block elements as line breaks.
    pub text: String,
    /// The `<title>`.
    pub title: Option<String>,
    /// A publication date from `<meta>` or `<time>`.
    pub published: Option<String>,
}

/// Extracts the text of an HTML page.
pub fn extract(html: &str) -> Page {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    Page {
        text,
        title: None,
        published: None,
    }
}
