//! The review desk (`claimdiff serve`): a local web app where a newsroom works through the
//! findings of a report, confirms or dismisses each, notes why, and corrects a claim's speaker,
//! states or stance. It serves one page (`page/`), the JSON API the page uses (`api`) and keeps
//! the decisions in SQLite (`store`), keyed by finding id, so they survive restarts and a
//! re-analysis of a grown corpus.
//!
//! The report is analysed once, before the server starts (the caller runs
//! [`crate::analyze`]); the server reads it and writes only the store. Built with the `serve`
//! feature (on by default).

mod api;
pub mod store;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::{Arc, Mutex};

use crate::model::{Claim, Document, Event, Finding, Report};
pub use store::{Change, Store, StoreError};

/// What can stop the server.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The review database cannot be opened.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The address cannot be bound, or the server failed.
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// The report and the store, shared by the handlers.
pub(crate) struct Desk {
    report: Report,
    findings: HashMap<String, usize>,
    claims: HashMap<String, usize>,
    docs: HashMap<String, usize>,
    events: HashMap<String, usize>,
    store: Mutex<Store>,
}

impl Desk {
    fn new(report: Report, store: Store) -> Desk {
        let index = |ids: Vec<&String>| -> HashMap<String, usize> {
            ids.into_iter()
                .enumerate()
                .map(|(i, id)| (id.clone(), i))
                .collect()
        };
        Desk {
            findings: index(report.findings.iter().map(|f| &f.id).collect()),
            claims: index(report.claims.iter().map(|c| &c.id).collect()),
            docs: index(report.documents.iter().map(|d| &d.id).collect()),
            events: index(report.events.iter().map(|e| &e.id).collect()),
            report,
            store: Mutex::new(store),
        }
    }

    fn finding(&self, id: &str) -> Option<&Finding> {
        self.findings.get(id).map(|&i| &self.report.findings[i])
    }

    fn claim(&self, id: &str) -> Option<&Claim> {
        self.claims.get(id).map(|&i| &self.report.claims[i])
    }

    fn doc(&self, id: &str) -> Option<&Document> {
        self.docs.get(id).map(|&i| &self.report.documents[i])
    }

    fn event(&self, id: &str) -> Option<&Event> {
        self.events.get(id).map(|&i| &self.report.events[i])
    }

    /// The store, even after a handler panicked while holding it (SQLite's own transaction
    /// keeps the file whole; the connection is still usable).
    fn store(&self) -> std::sync::MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Serves `report` with the decisions of the database `db` on `addr` until interrupted
/// (Ctrl-C). `ready` is told the bound address (port 0 picks a free one) once requests are
/// accepted.
pub fn serve(
    report: Report,
    db: &Path,
    addr: SocketAddr,
    ready: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let store = Store::open(db)?;
    let desk = Arc::new(Desk::new(report, store));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(addr).await?;
        ready(listener.local_addr()?);
        axum::serve(listener, api::router(desk))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
    })?;
    Ok(())
}

/// The decisions of the database `db` (for `report --review-db`), and the ids among them of
/// findings that `report` no longer has.
pub fn reviews_for(
    report: &Report,
    db: &Path,
) -> Result<(crate::render::Reviews, Vec<String>), StoreError> {
    let reviews = Store::open_read_only(db)?.reviews()?;
    let present: std::collections::HashSet<&str> =
        report.findings.iter().map(|f| f.id.as_str()).collect();
    let orphaned = reviews
        .keys()
        .filter(|id| !present.contains(id.as_str()))
        .cloned()
        .collect();
    Ok((reviews, orphaned))
}
