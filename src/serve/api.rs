//! The routes of the review desk: the page and its script and style, and the JSON API.
//!
//! | route | answer |
//! |---|---|
//! | `GET /api/findings` | every finding with id, kind, event, score, review (`?status=`, `?kind=`, `?event=`, `?q=` filter) |
//! | `GET /api/findings/{id}` | one finding with its event and both sides' claims and sources |
//! | `POST /api/findings/{id}/review` | `{"status", "note", "reviewer", "corrections", "version"}`, each optional |
//! | `GET /api/orphans` | decisions whose finding the current corpus no longer has |
//! | `GET /api/meta` | statuses, kinds, stances and the events with findings, for the page |
//! | `GET /api/export` | the `claimdiff/1` export with each reviewed finding's `review` |
//!
//! Every error is a 4xx or 5xx with `{"error": "..."}`; a stale `version` is a 409 that carries
//! the review as it now stands. Bodies are limited to 64 KiB. A request whose `Origin` is not the
//! server's own is refused (another site open in the browser must not write decisions).

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::Desk;
use super::store::{About, Change, StoreError};
use crate::model::{Claim, ConflictKind, Finding, Stance};
use crate::render::parties;
use crate::render::review::{Review, Reviewed, Reviews, Status};

/// The largest request body taken.
const BODY_LIMIT: usize = 64 * 1024;
/// The longest note, reviewer name and corrected speaker taken, in characters.
const NOTE_MAX: usize = 10_000;
const NAME_MAX: usize = 200;

const PAGE: &str = include_str!("page/index.html");
const SCRIPT: &str = include_str!("page/app.js");
const STYLE: &str = include_str!("page/app.css");

/// The page may load only its own script and style, and talk only to this server.
const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; \
                   img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

type Shared = State<Arc<Desk>>;

/// The desk's routes.
pub(super) fn router(desk: Arc<Desk>) -> Router {
    Router::new()
        .route(
            "/",
            get(|| async { asset(PAGE, "text/html; charset=utf-8") }),
        )
        .route(
            "/app.js",
            get(|| async { asset(SCRIPT, "text/javascript") }),
        )
        .route("/app.css", get(|| async { asset(STYLE, "text/css") }))
        .route("/api/findings", get(list))
        .route("/api/findings/{id}", get(detail))
        .route("/api/findings/{id}/review", post(review))
        .route("/api/orphans", get(orphans))
        .route("/api/meta", get(meta))
        .route("/api/export", get(export))
        .fallback(|| async { error(StatusCode::NOT_FOUND, "no such route") })
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(desk)
}

fn asset(body: &'static str, kind: &'static str) -> Response {
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// A JSON answer.
fn ok(status: StatusCode, value: Value) -> Response {
    (status, axum::Json(value)).into_response()
}

/// A JSON error.
fn error(status: StatusCode, message: impl Into<String>) -> Response {
    ok(status, json!({ "error": message.into() }))
}

fn store_error(e: StoreError) -> Response {
    match e {
        StoreError::Conflict { ref current, .. } => ok(
            StatusCode::CONFLICT,
            json!({ "error": e.to_string(), "review": current }),
        ),
        other => error(StatusCode::INTERNAL_SERVER_ERROR, other.to_string()),
    }
}

/// The filters of `GET /api/findings`.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Filter {
    status: Option<String>,
    kind: Option<String>,
    event: Option<String>,
    q: Option<String>,
}

async fn list(State(desk): Shared, query: Result<Query<Filter>, QueryRejection>) -> Response {
    let Ok(Query(filter)) = query else {
        return error(
            StatusCode::BAD_REQUEST,
            "unknown filter: use status, kind, event or q",
        );
    };
    let status = match filter
        .status
        .as_deref()
        .filter(|s| !s.is_empty() && *s != "all")
    {
        Some(s) => match Status::parse(s) {
            Some(st) => Some(st),
            None => return error(StatusCode::BAD_REQUEST, format!("unknown status {s:?}")),
        },
        None => None,
    };
    let reviews = match desk.store().reviews() {
        Ok(r) => r,
        Err(e) => return store_error(e),
    };
    let q = filter.q.as_deref().unwrap_or("").trim().to_lowercase();
    let items: Vec<Value> = desk
        .report
        .findings
        .iter()
        .filter(|f| filter.kind.as_deref().is_none_or(|k| k == f.kind.name()))
        .filter(|f| {
            filter
                .event
                .as_deref()
                .is_none_or(|e| f.event.as_deref() == Some(e))
        })
        .map(|f| (f, reviews.get(&f.id).cloned().unwrap_or_default()))
        .filter(|(_, r)| status.is_none_or(|s| r.status == s))
        .filter(|(f, r)| q.is_empty() || search_text(&desk, f, r).contains(&q))
        .map(|(f, r)| item(&desk, f, &r))
        .collect();
    ok(StatusCode::OK, Value::Array(items))
}

async fn detail(State(desk): Shared, Path(id): Path<String>) -> Response {
    let Some(f) = desk.finding(&id) else {
        return error(StatusCode::NOT_FOUND, format!("no finding {id:?}"));
    };
    let review = match desk.store().reviews() {
        Ok(r) => r.get(&id).cloned().unwrap_or_default(),
        Err(e) => return store_error(e),
    };
    let mut v = item(&desk, f, &review);
    let claims = |ids: &[String]| -> Vec<Value> {
        ids.iter()
            .filter_map(|c| desk.claim(c))
            .map(|c| claim(&desk, c))
            .collect()
    };
    v["a_claims"] = Value::Array(claims(&f.a.claims));
    v["b_claims"] = Value::Array(claims(&f.b.claims));
    v["event_detail"] = json!(f.event.as_deref().and_then(|e| desk.event(e)));
    ok(StatusCode::OK, v)
}

async fn review(
    State(desk): Shared,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    if !same_origin(&headers) {
        return error(StatusCode::FORBIDDEN, "a request from another site");
    }
    let body = match body {
        Ok(b) => b,
        Err(e) => return error(e.status(), e.body_text()),
    };
    let Some(f) = desk.finding(&id) else {
        return error(StatusCode::NOT_FOUND, format!("no finding {id:?}"));
    };
    let change: Change = match serde_json::from_slice(&body) {
        Ok(c) => c,
        Err(e) => return error(StatusCode::BAD_REQUEST, format!("bad review: {e}")),
    };
    if let Err(why) = check(&change, f) {
        return error(StatusCode::UNPROCESSABLE_ENTITY, why);
    }
    let summary = summary(f);
    let about = About {
        kind: f.kind.name(),
        event: f.event.as_deref(),
        summary: &summary,
    };
    let now = jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    let stored = desk.store().apply(&id, &change, &about, &now);
    match stored {
        Ok(r) => ok(StatusCode::OK, json!(r)),
        Err(e) => store_error(e),
    }
}

async fn orphans(State(desk): Shared) -> Response {
    let all = match desk.store().all() {
        Ok(a) => a,
        Err(e) => return store_error(e),
    };
    let gone: Vec<_> = all
        .into_iter()
        .filter(|s| desk.finding(&s.id).is_none())
        .collect();
    ok(StatusCode::OK, json!(gone))
}

async fn export(State(desk): Shared) -> Response {
    let reviews: Reviews = match desk.store().reviews() {
        Ok(r) => r,
        Err(e) => return store_error(e),
    };
    ok(StatusCode::OK, json!(Reviewed::new(&desk.report, &reviews)))
}

/// Whether a request comes from the page itself: no `Origin` (not a browser, or a same-origin
/// GET), or an `Origin` naming this server's `Host`.
fn same_origin(headers: &HeaderMap) -> bool {
    let Some(origin) = headers.get(header::ORIGIN) else {
        return true;
    };
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    match (origin.to_str().ok(), host) {
        (Some(o), Some(h)) => o == format!("http://{h}"),
        _ => false,
    }
}

/// What a change may hold: something to change, a note and names of bounded size, and
/// corrections of the finding's own claims only.
fn check(c: &Change, f: &Finding) -> Result<(), String> {
    if c.status.is_none() && c.note.is_none() && c.reviewer.is_none() && c.corrections.is_none() {
        return Err("nothing to change: give status, note, reviewer or corrections".into());
    }
    if c.note
        .as_ref()
        .is_some_and(|n| n.chars().count() > NOTE_MAX)
    {
        return Err(format!("the note is longer than {NOTE_MAX} characters"));
    }
    if c.reviewer
        .as_ref()
        .is_some_and(|n| n.chars().count() > NAME_MAX)
    {
        return Err(format!(
            "the reviewer's name is longer than {NAME_MAX} characters"
        ));
    }
    for k in c.corrections.iter().flatten() {
        if !f.a.claims.contains(&k.claim) && !f.b.claims.contains(&k.claim) {
            return Err(format!("claim {:?} is not one of this finding's", k.claim));
        }
        if k.speaker.is_none() && k.parties.is_none() && k.stance.is_none() {
            return Err(format!("the correction of {:?} corrects nothing", k.claim));
        }
        if k.speaker
            .as_ref()
            .is_some_and(|s| s.chars().count() > NAME_MAX)
        {
            return Err("a corrected speaker is too long".into());
        }
        if let Some(p) = &k.parties
            && (p.len() > 20 || p.iter().any(|s| s.is_empty() || s.len() > 16))
        {
            return Err("corrected states are short codes such as SY, at most 20".into());
        }
    }
    Ok(())
}

/// A finding as the queue lists it.
fn item(desk: &Desk, f: &Finding, review: &Review) -> Value {
    let event = f.event.as_deref().and_then(|e| desk.event(e));
    let first = |ids: &[String]| -> Value {
        ids.first()
            .and_then(|c| desk.claim(c))
            .map_or(Value::Null, |c| {
                json!(crate::render::excerpt(&c.content.text, 140))
            })
    };
    json!({
        "id": f.id,
        "kind": f.kind,
        "event": f.event,
        "event_label": event.map(|e| &e.label),
        "score": f.score,
        "rule": f.rule,
        "why": f.why,
        "a": f.a,
        "b": f.b,
        "a_excerpt": first(&f.a.claims),
        "b_excerpt": first(&f.b.claims),
        "review": review,
    })
}

/// A claim with where it was read.
fn claim(desk: &Desk, c: &Claim) -> Value {
    let doc = desk.doc(&c.doc);
    json!({
        "id": c.id,
        "doc": c.doc,
        "text": c.text,
        "content": c.content.text,
        "cue": c.cue.text,
        "speaker": c.speaker.name,
        "speaker_kind": c.speaker.kind,
        "parties": c.speaker.parties,
        "stance": c.stance,
        "topics": c.topics,
        "language": doc.and_then(|d| d.language.as_deref()),
        "source": crate::render::source_line(doc, &c.doc),
        "url": doc.and_then(|d| d.url.as_deref()).and_then(crate::render::safe_url),
    })
}

/// The two accounts of a finding in a line, kept beside its decision.
fn summary(f: &Finding) -> String {
    format!(
        "{}: {} ({}) against {} ({})",
        f.kind.name(),
        f.a.speakers.join(", "),
        parties(&f.a.parties),
        f.b.speakers.join(", "),
        parties(&f.b.parties)
    )
}

/// What the search box looks in: ids, kind, event, speakers, states, claims and the note.
fn search_text(desk: &Desk, f: &Finding, r: &Review) -> String {
    let mut s = format!(
        "{} {} {} {} {}",
        f.id,
        f.kind.name(),
        f.event.as_deref().unwrap_or(""),
        summary(f),
        r.note
    );
    for c in f.a.claims.iter().chain(&f.b.claims) {
        if let Some(c) = desk.claim(c) {
            s.push(' ');
            s.push_str(&c.text);
        }
    }
    s.to_lowercase()
}

/// The names the page offers: statuses, kinds, and stances for a correction.
async fn meta(State(desk): Shared) -> Response {
    let mut events: Vec<(&str, &str)> = desk
        .report
        .findings
        .iter()
        .filter_map(|f| f.event.as_deref())
        .filter_map(|e| desk.event(e).map(|ev| (e, ev.label.as_str())))
        .collect();
    events.sort_unstable();
    events.dedup();
    ok(
        StatusCode::OK,
        json!({
            "statuses": Status::ALL.map(Status::name),
            "kinds": ConflictKind::ALL.map(ConflictKind::name),
            "stances": Stance::ALL.map(Stance::name),
            "events": events.iter().map(|(id, label)| json!({"id": id, "label": label})).collect::<Vec<_>>(),
            "documents": desk.report.documents.len(),
            "claims": desk.report.claims.len(),
        }),
    )
}
