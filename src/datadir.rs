//! The data dir holds every answer key quizgen has banked, so it is private: created 0700, its
//! databases 0600. Also the one place that recognises a full disk.

use std::path::Path;

use anyhow::{Context, Result};

/// Creates the data dir (and its parents) readable by its owner only.
pub(crate) fn create(dir: &Path) -> Result<()> {
    let mut b = std::fs::DirBuilder::new();
    b.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(dir)
        .with_context(|| format!("{}: cannot create data dir", dir.display()))
}

/// A warning when an existing data dir can be read by group or others.
pub(crate) fn warning(dir: &Path) -> Option<String> {
    open_to_others(dir, "data dir", "and holds every answer key", "700")
}

/// A warning, as ssh gives, when a private file or folder can be read by group or others:
/// `PATH: WHAT is readable by group or others (mode 755) WHY; run: chmod FIX PATH`.
pub(crate) fn open_to_others(path: &Path, what: &str, why: &str, fix: &str) -> Option<String> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).ok()?.permissions().mode();
        if mode & 0o077 != 0 {
            let why = if why.is_empty() {
                String::new()
            } else {
                format!(" {why}")
            };
            return Some(format!(
                "{}: {what} is readable by group or others (mode {:o}){why}; run: chmod {fix} {}",
                path.display(),
                mode & 0o777,
                path.display()
            ));
        }
    }
    let _ = (path, what, why, fix);
    None
}

/// Makes sure a database file exists and is readable by its owner only, before SQLite opens it
/// (SQLite gives its -wal and -shm files the same mode).
pub(crate) fn private_file(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        let f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(path)
            .with_context(|| format!("{}: cannot open", path.display()))?;
        let mode = f.metadata()?.permissions().mode();
        if mode & 0o077 != 0 {
            f.set_permissions(std::fs::Permissions::from_mode(mode & 0o700))?;
        }
    }
    let _ = path;
    Ok(())
}

/// Whether an error comes from a full disk (ENOSPC, or SQLite's "database or disk is full").
pub(crate) fn is_disk_full(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        if let Some(e) = c.downcast_ref::<rusqlite::Error>() {
            return e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull);
        }
        if let Some(e) = c.downcast_ref::<std::io::Error>() {
            return e.kind() == std::io::ErrorKind::StorageFull || e.raw_os_error() == Some(28);
        }
        false
    })
}
