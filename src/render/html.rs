//! The HTML report (placeholder: a minimal escaped page until the full report lands).

use crate::model::Report;

/// Renders the report as one self-contained HTML page.
pub fn render(r: &Report) -> String {
    maud::html! {
        (maud::DOCTYPE)
        html { body { p { (r.findings.len()) " findings" } } }
    }
    .into_string()
}
