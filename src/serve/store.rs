//! The review store: one SQLite file holding each decision by finding id, and a log of every
//! change. Finding ids are derived from content, so a decision made on one run finds its finding
//! again when the corpus grows; a decision whose finding is gone stays in the file (the server
//! lists it as orphaned) and is never deleted.
//!
//! Every change is one `BEGIN IMMEDIATE` transaction (read the current row, check the version the
//! client saw, write the row and a log line), in WAL mode with `synchronous = FULL`: a server
//! killed mid-write leaves the file as it was before or after that change, never between.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use crate::render::review::{Correction, Review, Reviews, Status};

/// What can go wrong with the store.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite refused (a file that is no database, a full disk, ...).
    #[error("review database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored corrections list that is not JSON (the file was edited by hand).
    #[error("review database: corrections of {0} are not valid JSON")]
    Corrupt(String),
    /// The client saw an older version than the stored one: someone changed it meanwhile.
    #[error("finding {id} was changed meanwhile (now version {})", current.version)]
    Conflict {
        /// The finding's id.
        id: String,
        /// The review as it now stands.
        current: Box<Review>,
    },
}

/// A change to a review: the fields given replace the stored ones, the others stay.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// New status.
    pub status: Option<Status>,
    /// New note.
    pub note: Option<String>,
    /// Who makes the change.
    pub reviewer: Option<String>,
    /// The whole list of corrections (replaces the stored list).
    pub corrections: Option<Vec<Correction>>,
    /// The version the client last saw; when given and no longer current, the change is refused
    /// (409). Without it the change is applied over whatever is stored (last write wins, field by
    /// field).
    pub version: Option<u64>,
}

/// A stored decision with what the finding was when it was last changed, so that an orphaned
/// decision can still be read.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Stored {
    /// The finding's id.
    pub id: String,
    /// Its kind, event and a one-line summary, at the last change.
    pub kind: String,
    /// Its event.
    pub event: Option<String>,
    /// Its two accounts in a line.
    pub summary: String,
    /// The decision.
    pub review: Review,
}

/// The finding a change is about, as the store records it beside the decision.
pub struct About<'a> {
    /// Kind name.
    pub kind: &'a str,
    /// Event id.
    pub event: Option<&'a str>,
    /// Its two accounts in a line.
    pub summary: &'a str,
}

/// An open review database.
pub struct Store {
    conn: Connection,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS review (
    finding     TEXT PRIMARY KEY,
    status      TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    reviewer    TEXT,
    updated_at  TEXT NOT NULL,
    version     INTEGER NOT NULL,
    corrections TEXT NOT NULL DEFAULT '[]',
    kind        TEXT NOT NULL DEFAULT '',
    event       TEXT,
    summary     TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS review_log (
    seq         INTEGER PRIMARY KEY AUTOINCREMENT,
    finding     TEXT NOT NULL,
    version     INTEGER NOT NULL,
    status      TEXT NOT NULL,
    note        TEXT NOT NULL,
    reviewer    TEXT,
    corrections TEXT NOT NULL,
    at          TEXT NOT NULL
);
";

impl Store {
    /// Opens (creating when missing) the database at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.execute_batch(SCHEMA)?;
        Ok(Store { conn })
    }

    /// Opens an existing database for reading only (`report --review-db`).
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(Store { conn })
    }

    /// Every stored decision, in id order.
    pub fn all(&self) -> Result<Vec<Stored>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT finding, status, note, reviewer, updated_at, version, corrections, kind, event,
                    summary FROM review ORDER BY finding",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok((
                row.get::<_, String>(0)?,
                Row {
                    status: row.get(1)?,
                    note: row.get(2)?,
                    reviewer: row.get(3)?,
                    updated_at: row.get(4)?,
                    version: row.get(5)?,
                    corrections: row.get(6)?,
                },
                row.get::<_, String>(7)?,
                row.get::<_, Option<String>>(8)?,
                row.get::<_, String>(9)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, r, kind, event, summary) = row?;
            let review = r.review(&id)?;
            out.push(Stored {
                id,
                kind,
                event,
                summary,
                review,
            });
        }
        Ok(out)
    }

    /// Every stored decision by finding id.
    pub fn reviews(&self) -> Result<Reviews, StoreError> {
        Ok(self.all()?.into_iter().map(|s| (s.id, s.review)).collect())
    }

    /// Applies a change to finding `id` in one transaction and returns the review as stored.
    pub fn apply(
        &mut self,
        id: &str,
        change: &Change,
        about: &About,
        now: &str,
    ) -> Result<Review, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let current = tx
            .query_row(
                "SELECT status, note, reviewer, updated_at, version, corrections
                 FROM review WHERE finding = ?1",
                [id],
                |row| {
                    Ok(Row {
                        status: row.get(0)?,
                        note: row.get(1)?,
                        reviewer: row.get(2)?,
                        updated_at: row.get(3)?,
                        version: row.get(4)?,
                        corrections: row.get(5)?,
                    })
                },
            )
            .optional()?
            .map(|r| r.review(id))
            .transpose()?
            .unwrap_or_default();
        if change.version.is_some_and(|v| v != current.version) {
            return Err(StoreError::Conflict {
                id: id.to_string(),
                current: Box::new(current),
            });
        }
        let next = Review {
            status: change.status.unwrap_or(current.status),
            note: change.note.clone().unwrap_or(current.note),
            reviewer: change.reviewer.clone().or(current.reviewer),
            updated_at: Some(now.to_string()),
            version: current.version + 1,
            corrections: change.corrections.clone().unwrap_or(current.corrections),
        };
        let corrections = serde_json::to_string(&next.corrections).expect("plain data");
        tx.execute(
            "INSERT INTO review (finding, status, note, reviewer, updated_at, version, corrections,
                                 kind, event, summary)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
             ON CONFLICT(finding) DO UPDATE SET status = ?2, note = ?3, reviewer = ?4,
                 updated_at = ?5, version = ?6, corrections = ?7, kind = ?8, event = ?9,
                 summary = ?10",
            params![
                id,
                next.status.name(),
                next.note,
                next.reviewer,
                now,
                next.version as i64,
                corrections,
                about.kind,
                about.event,
                about.summary
            ],
        )?;
        tx.execute(
            "INSERT INTO review_log (finding, version, status, note, reviewer, corrections, at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                id,
                next.version as i64,
                next.status.name(),
                next.note,
                next.reviewer,
                corrections,
                now
            ],
        )?;
        tx.commit()?;
        Ok(next)
    }
}

/// A row as SQLite holds it.
struct Row {
    status: String,
    note: String,
    reviewer: Option<String>,
    updated_at: String,
    version: i64,
    corrections: String,
}

impl Row {
    fn review(self, id: &str) -> Result<Review, StoreError> {
        let corrections: Vec<Correction> = serde_json::from_str(&self.corrections)
            .map_err(|_| StoreError::Corrupt(id.to_string()))?;
        Ok(Review {
            // a status written by a later version reads as still to be checked
            status: Status::parse(&self.status).unwrap_or(Status::NeedsCheck),
            note: self.note,
            reviewer: self.reviewer,
            updated_at: Some(self.updated_at),
            version: self.version.max(0) as u64,
            corrections,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn about() -> About<'static> {
        About {
            kind: "denial",
            event: Some("e"),
            summary: "a against b",
        }
    }

    #[test]
    fn a_change_is_kept_across_reopening_and_a_stale_version_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.sqlite");
        let mut s = Store::open(&path).unwrap();
        let first = Change {
            status: Some(Status::Confirmed),
            note: Some("checked".into()),
            version: Some(0),
            ..Default::default()
        };
        let r = s
            .apply("f1", &first, &about(), "2025-01-01T00:00:00Z")
            .unwrap();
        assert_eq!((r.status, r.version), (Status::Confirmed, 1));
        // a second tab that still saw version 0
        let stale = Change {
            status: Some(Status::Dismissed),
            version: Some(0),
            ..Default::default()
        };
        let err = s.apply("f1", &stale, &about(), "2025-01-01T00:00:01Z");
        assert!(matches!(err, Err(StoreError::Conflict { .. })));
        // a note alone keeps the status
        let note = Change {
            note: Some("second look".into()),
            ..Default::default()
        };
        s.apply("f1", &note, &about(), "2025-01-01T00:00:02Z")
            .unwrap();
        drop(s);
        let s = Store::open_read_only(&path).unwrap();
        let all = s.reviews().unwrap();
        assert_eq!(all["f1"].status, Status::Confirmed);
        assert_eq!(all["f1"].note, "second look");
        assert_eq!(all["f1"].version, 2);
    }
}
