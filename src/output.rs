//! Writing output files whole or not at all: a temporary file beside the target, renamed into
//! place once complete; an input file is never overwritten.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Why output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The target is one of the inputs.
    #[error("refusing to overwrite input file {0}")]
    IsInput(PathBuf),
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The target.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// Whether `target` is (or would replace) one of the input files.
pub fn is_input(target: &Path, inputs: &[PathBuf]) -> bool {
    let Ok(t) = target.canonicalize() else {
        return false;
    };
    inputs
        .iter()
        .filter_map(|i| i.canonicalize().ok())
        .any(|i| i == t || (i.is_dir() && t.starts_with(&i) && crate::corpus::is_article_file(&t)))
}

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<(), OutputError> {
    if is_input(path, inputs) {
        return Err(OutputError::IsInput(path.to_path_buf()));
    }
    let io = |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
