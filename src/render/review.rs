//! A newsroom's decision on a finding, as the renderers show it and the JSON export carries it
//! (`findings[].review`): a status, a note, who decided and when, and corrections of the claims
//! the finding cites. Decisions are kept by finding id (ids are derived from content, so they
//! survive a grown corpus); the store that keeps them is `claimdiff serve`'s, this is plain data.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Finding, Report, Stance};

/// Where a finding stands in review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not yet decided.
    #[default]
    Open,
    /// The accounts do conflict.
    Confirmed,
    /// Not a conflict (a misreading, or not worth reporting).
    Dismissed,
    /// Someone must check a source first.
    NeedsCheck,
}

impl Status {
    /// Every status, in queue order.
    pub const ALL: [Status; 4] = [
        Status::Open,
        Status::NeedsCheck,
        Status::Confirmed,
        Status::Dismissed,
    ];

    /// The snake_case name of the export.
    pub fn name(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Confirmed => "confirmed",
            Status::Dismissed => "dismissed",
            Status::NeedsCheck => "needs_check",
        }
    }

    /// The status of a name, if it is one.
    pub fn parse(name: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// A reviewer's correction of one claim the finding cites: who really spoke, for which states,
/// with which stance. Only the fields set are corrections; the claim itself stays as extracted
/// (`claims[]` of the export is what the extractor read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// The claim's id.
    pub claim: String,
    /// The speaker's name, corrected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The states the speaker speaks for, corrected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parties: Option<Vec<String>>,
    /// The stance, corrected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stance: Option<Stance>,
}

/// The decision on one finding.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Review {
    /// Where it stands.
    pub status: Status,
    /// The reviewer's note.
    pub note: String,
    /// Who made the last change (as typed in the review page).
    pub reviewer: Option<String>,
    /// When the last change was made (RFC 3339, UTC); null while never reviewed.
    pub updated_at: Option<String>,
    /// Number of changes so far: a client sends the version it saw, and a change made meanwhile
    /// in another tab is refused rather than overwritten.
    pub version: u64,
    /// Corrections of the finding's claims.
    pub corrections: Vec<Correction>,
}

/// Decisions by finding id.
pub type Reviews = BTreeMap<String, Review>;

/// The review of `f`, if one was made.
pub fn of<'a>(reviews: &'a Reviews, f: &Finding) -> Option<&'a Review> {
    reviews.get(&f.id)
}

/// A review in one line: "confirmed by Mona, 2025-01-22T10:00:00Z: note (1 correction)".
pub fn line(r: &Review) -> String {
    let mut s = r.status.name().to_string();
    if let Some(who) = r.reviewer.as_deref().filter(|w| !w.is_empty()) {
        s.push_str(&format!(" by {}", super::strip_bidi(who)));
    }
    if let Some(at) = &r.updated_at {
        s.push_str(&format!(", {at}"));
    }
    if !r.note.trim().is_empty() {
        s.push_str(&format!(": {}", super::excerpt(&r.note, 200)));
    }
    if !r.corrections.is_empty() {
        s.push_str(&format!(" ({} correction(s))", r.corrections.len()));
    }
    s
}

/// Hides dismissed findings (unless `all`); returns how many were hidden.
pub fn hide_dismissed(report: &mut Report, reviews: &Reviews, all: bool) -> usize {
    if all {
        return 0;
    }
    let before = report.findings.len();
    report
        .findings
        .retain(|f| of(reviews, f).is_none_or(|r| r.status != Status::Dismissed));
    before - report.findings.len()
}

/// The export with each reviewed finding's `review`: the `claimdiff/1` shape, one optional field
/// more on a finding.
#[derive(Serialize)]
pub struct Reviewed<'a> {
    format: &'a str,
    documents: &'a [crate::model::Document],
    claims: &'a [crate::model::Claim],
    events: &'a [crate::model::Event],
    findings: Vec<ReviewedFinding<'a>>,
}

/// A finding of the export with its review.
#[derive(Serialize)]
pub struct ReviewedFinding<'a> {
    #[serde(flatten)]
    finding: &'a Finding,
    #[serde(skip_serializing_if = "Option::is_none")]
    review: Option<&'a Review>,
}

impl<'a> Reviewed<'a> {
    /// The export of `r` with the reviews of `reviews`.
    pub fn new(r: &'a Report, reviews: &'a Reviews) -> Self {
        Reviewed {
            format: &r.format,
            documents: &r.documents,
            claims: &r.claims,
            events: &r.events,
            findings: r
                .findings
                .iter()
                .map(|f| ReviewedFinding {
                    finding: f,
                    review: of(reviews, f),
                })
                .collect(),
        }
    }
}
