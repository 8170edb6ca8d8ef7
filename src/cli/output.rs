//! Where the command line's output goes: standard output (a closed pipe is not an error), or a
//! file written whole or not at all, through a temporary file beside the target renamed into
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

/// Writes output through `write`: to `target` whole or not at all (never over one of `inputs`),
/// or to standard output when there is no target.
pub fn emit(
    target: Option<&Path>,
    inputs: &[PathBuf],
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    if let Some(path) = target {
        return Ok(write_with(path, inputs, write)?);
    }
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match write(&mut out).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Whether `target` is (or would replace) one of the input files.
pub fn is_input(target: &Path, inputs: &[PathBuf]) -> bool {
    let Ok(t) = target.canonicalize() else {
        return false;
    };
    inputs
        .iter()
        .filter_map(|i| i.canonicalize().ok())
        .any(|i| {
            i == t || (i.is_dir() && t.starts_with(&i) && claimdiff::corpus::is_article_file(&t))
        })
}

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8], inputs: &[PathBuf]) -> Result<(), OutputError> {
    write_with(path, inputs, &mut |w| w.write_all(bytes))
}

/// Writes to `path` through `write`. A regular file (or a new one) is written whole or not at
/// all: a temporary file beside it, renamed into place once complete (through a symbolic link,
/// the file it points to is replaced). A device or pipe (`/dev/null`, a FIFO) cannot be replaced
/// by a rename, so it is written directly.
pub fn write_with(
    path: &Path,
    inputs: &[PathBuf],
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), OutputError> {
    if is_input(path, inputs) {
        return Err(OutputError::IsInput(path.to_path_buf()));
    }
    let existing = std::fs::metadata(path).ok();
    let written = match existing {
        Some(m) if !m.is_file() && !m.is_dir() => write_in_place(path, write),
        _ => write_whole(path, existing, write),
    };
    written.map_err(|source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Writes to a device or pipe as it is.
fn write_in_place(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut w = std::io::BufWriter::new(std::fs::OpenOptions::new().write(true).open(path)?);
    write(&mut w).and_then(|_| w.flush())
}

/// Writes a temporary file beside the target (the file a link points to, if `path` exists),
/// with the permissions of the file it replaces, and renames it into place once complete.
fn write_whole(
    path: &Path,
    existing: Option<std::fs::Metadata>,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let target = match &existing {
        Some(_) => path.canonicalize()?,
        None => path.to_path_buf(),
    };
    let dir = target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    // a temporary file is private (0600); the output is an ordinary file: 0666 less the umask,
    // or the permissions of the file it replaces
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let tmp = builder.tempfile_in(dir)?;
    if let Some(m) = existing {
        tmp.as_file().set_permissions(m.permissions())?;
    }
    let mut w = std::io::BufWriter::new(tmp.reopen()?);
    write(&mut w).and_then(|_| w.flush())?;
    drop(w);
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_written_in_place_not_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("out.fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            return; // no mkfifo here: nothing to check
        }
        let reader = {
            let fifo = fifo.clone();
            std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read the pipe"))
        };
        write_atomic(&fifo, b"through the pipe", &[]).expect("writes to the pipe");
        // checked before waiting for the reader, which a replaced pipe would leave blocked
        let kind = std::fs::symlink_metadata(&fifo)
            .expect("still there")
            .file_type();
        assert!(!kind.is_file(), "the pipe was replaced by a regular file");
        assert_eq!(reader.join().expect("reader"), "through the pipe");
    }

    #[cfg(unix)]
    #[test]
    fn an_output_file_is_as_readable_as_the_file_it_replaces() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let new = dir.path().join("new.json");
        write_atomic(&new, b"x", &[]).expect("writes");
        let mode = std::fs::metadata(&new).expect("meta").permissions().mode() & 0o777;
        assert_ne!(mode, 0o600, "a new output file is not private to its owner");
        let old = dir.path().join("old.json");
        std::fs::write(&old, "old").expect("write");
        std::fs::set_permissions(&old, std::fs::Permissions::from_mode(0o640)).expect("chmod");
        write_atomic(&old, b"new", &[]).expect("writes");
        let mode = std::fs::metadata(&old).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_keeps_pointing_at_the_file_it_names() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("out.json");
        std::fs::write(&file, "old").expect("write");
        let link = dir.path().join("link.json");
        std::os::unix::fs::symlink(&file, &link).expect("symlink");
        write_atomic(&link, b"new", &[]).expect("writes through the link");
        assert!(
            std::fs::symlink_metadata(&link)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::read_to_string(&file).expect("read"), "new");
    }
}
