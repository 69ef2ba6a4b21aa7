//! Where a quiz goes, checked before anything is bought, and the write itself. A regular file
//! is replaced atomically (temp file and rename, through a symlink to its target); a device, a
//! FIFO or a socket is written to directly, never replaced; read-only files and quizgen's own
//! files are refused.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::error::QuizError;

/// A checked output destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Target {
    Stdout,
    /// A character device or a FIFO: opened and written, never replaced.
    Stream(PathBuf),
    /// A Unix socket: connected to and written.
    Socket(PathBuf),
    /// A regular file (existing or new), symlinks already followed: replaced atomically.
    File(PathBuf),
    /// Memory (`serve` answers with the bytes).
    Memory(Buffer),
}

/// Bytes written to memory, shared with whoever reads them after.
#[derive(Debug, Clone, Default)]
pub(crate) struct Buffer(pub std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl PartialEq for Buffer {
    fn eq(&self, other: &Buffer) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for Buffer {}

impl Buffer {
    /// The bytes written so far.
    pub(crate) fn bytes(&self) -> Vec<u8> {
        self.0.lock().map(|b| b.clone()).unwrap_or_default()
    }
}

/// What `-o` may never touch: quizgen's data dir and the files it reads.
pub(crate) struct Guard<'a> {
    pub data_dir: &'a Path,
    /// Input files (the keys file, `--from`, a subjects file), named for the message.
    pub inputs: Vec<(&'a str, &'a Path)>,
    /// Replace a read-only file.
    pub force: bool,
    /// Never replace an existing file.
    pub no_clobber: bool,
}

impl Target {
    /// Checks `-o` (None or `-` is stdout) before any work is done.
    pub(crate) fn check(path: Option<&Path>, guard: &Guard<'_>) -> Result<Target> {
        let Some(path) = path.filter(|p| p.as_os_str() != "-") else {
            return Ok(Target::Stdout);
        };
        if let Some(t) = fd_alias(path) {
            return Ok(t);
        }
        let real = follow_links(path)?;
        if let Some(t) = fd_alias(&real) {
            return Ok(t);
        }
        let shown = path.display();
        match std::fs::metadata(&real) {
            Ok(meta) => {
                if let Some(t) = special(&real, &meta, path)? {
                    return Ok(t);
                }
                refuse_own_files(path, &real, guard)?;
                if guard.no_clobber {
                    return Err(QuizError::Config(format!(
                        "{shown}: the file exists and --no-clobber is set; nothing was written"
                    ))
                    .into());
                }
                if meta.permissions().readonly() && !guard.force {
                    return Err(QuizError::Config(format!(
                        "{shown}: the file is read-only; pass --force to replace it"
                    ))
                    .into());
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                refuse_own_files(path, &real, guard)?;
            }
            Err(e) => return Err(e).with_context(|| format!("{shown}: cannot write")),
        }
        check_folder(path, &real)?;
        Ok(Target::File(real))
    }

    /// Writes the quiz's bytes.
    pub(crate) fn write(&self, bytes: &[u8]) -> Result<()> {
        match self {
            Target::Stdout => super::write_stdout(bytes),
            Target::Stream(p) => std::fs::OpenOptions::new()
                .write(true)
                .open(p)
                .and_then(|mut f| f.write_all(bytes))
                .with_context(|| format!("{}: cannot write", p.display())),
            #[cfg(unix)]
            Target::Socket(p) => std::os::unix::net::UnixStream::connect(p)
                .and_then(|mut s| s.write_all(bytes))
                .with_context(|| format!("{}: cannot write to the socket", p.display())),
            #[cfg(not(unix))]
            Target::Socket(p) => Err(anyhow::anyhow!(
                "{}: sockets are not supported",
                p.display()
            )),
            Target::File(p) => super::write_atomic(p, bytes),
            Target::Memory(b) => {
                if let Ok(mut v) = b.0.lock() {
                    *v = bytes.to_vec();
                }
                Ok(())
            }
        }
    }

    /// The file written, for messages (`None` for stdout).
    pub(crate) fn path(&self) -> Option<&Path> {
        match self {
            Target::Stdout | Target::Memory(_) => None,
            Target::Stream(p) | Target::Socket(p) | Target::File(p) => Some(p),
        }
    }
}

/// `/dev/stdout` and friends are the process's own descriptors, not files to replace.
fn fd_alias(path: &Path) -> Option<Target> {
    let s = path.to_string_lossy();
    if matches!(s.as_ref(), "/dev/stdout" | "/dev/fd/1" | "/proc/self/fd/1") {
        return Some(Target::Stdout);
    }
    let fd_dir = s.starts_with("/dev/fd/") || s.starts_with("/proc/self/fd/");
    (fd_dir || s == "/dev/stderr").then(|| Target::Stream(path.to_owned()))
}

/// The file a chain of symlinks ends at (which may not exist yet).
fn follow_links(path: &Path) -> Result<PathBuf> {
    let mut p = path.to_owned();
    for _ in 0..40 {
        match std::fs::symlink_metadata(&p) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = std::fs::read_link(&p)
                    .with_context(|| format!("{}: cannot read the link", p.display()))?;
                p = match p.parent() {
                    Some(dir) if to.is_relative() => dir.join(to),
                    _ => to,
                };
            }
            _ => return Ok(p),
        }
    }
    Err(QuizError::Usage(format!(
        "{}: too many levels of symbolic links",
        path.display()
    ))
    .into())
}

/// Devices, FIFOs and sockets are written to in place; directories and block devices refused.
fn special(real: &Path, meta: &std::fs::Metadata, shown: &Path) -> Result<Option<Target>> {
    let ft = meta.file_type();
    if ft.is_dir() {
        return Err(
            QuizError::Usage(format!("{}: is a directory, not a file", shown.display())).into(),
        );
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_block_device() {
            return Err(QuizError::Usage(format!(
                "{}: is a block device; quizgen will not write a quiz over a disk",
                shown.display()
            ))
            .into());
        }
        if ft.is_char_device() || ft.is_fifo() {
            return Ok(Some(Target::Stream(real.to_owned())));
        }
        if ft.is_socket() {
            return Ok(Some(Target::Socket(real.to_owned())));
        }
    }
    Ok(None)
}

/// The data dir (the bank, the pool state) and the files quizgen reads are never outputs.
fn refuse_own_files(shown: &Path, real: &Path, guard: &Guard<'_>) -> Result<()> {
    let here = canonical_or_parent(real);
    for (what, input) in &guard.inputs {
        if std::fs::canonicalize(input).is_ok_and(|i| i == here) {
            return Err(QuizError::Usage(format!(
                "-o {}: that is the {what} quizgen reads; write the quiz elsewhere",
                shown.display()
            ))
            .into());
        }
    }
    if let Ok(data) = std::fs::canonicalize(guard.data_dir)
        && here.starts_with(&data)
    {
        return Err(QuizError::Usage(format!(
            "-o {}: that is inside quizgen's data dir ({}), which holds the bank; write the quiz elsewhere",
            shown.display(),
            guard.data_dir.display()
        ))
        .into());
    }
    Ok(())
}

/// A path made absolute and free of links as far as it exists: the file itself, else its
/// folder joined with its name.
fn canonical_or_parent(p: &Path) -> PathBuf {
    if let Ok(c) = std::fs::canonicalize(p) {
        return c;
    }
    let dir = match p.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    match (std::fs::canonicalize(dir), p.file_name()) {
        (Ok(d), Some(name)) => d.join(name),
        _ => p.to_owned(),
    }
}

/// The folder must exist and take a new file, before anything is bought.
fn check_folder(shown: &Path, real: &Path) -> Result<()> {
    let dir = match real.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !dir.is_dir() {
        return Err(QuizError::Usage(format!(
            "-o {}: the folder {} does not exist",
            shown.display(),
            dir.display()
        ))
        .into());
    }
    tempfile::Builder::new()
        .prefix(".quizgen-probe-")
        .tempfile_in(dir)
        .map(drop)
        .map_err(|e| {
            QuizError::Usage(format!(
                "-o {}: cannot create a file in {} ({})",
                shown.display(),
                dir.display(),
                crate::error::io_reason(&e)
            ))
            .into()
        })
}
