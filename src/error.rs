//! Errors that end a command, and the exit code each one maps to (the contract in docs/exit-codes.md).

use std::process::ExitCode;

/// The documented exit codes.
pub(crate) mod code {
    pub(crate) const OK: u8 = 0;
    pub(crate) const ERROR: u8 = 1;
    pub(crate) const USAGE: u8 = 2;
    pub(crate) const PARTIAL: u8 = 3;
    /// SIGINT (Ctrl-C).
    pub(crate) const INTERRUPTED: u8 = 130;
    /// SIGTERM (`timeout`, systemd, `docker stop`).
    pub(crate) const TERMINATED: u8 = 143;
    /// SIGHUP (the terminal went away).
    pub(crate) const HUNG_UP: u8 = 129;
}

/// An error the user can act on. Its message is one line and names the culprit.
#[derive(Debug, thiserror::Error)]
pub(crate) enum QuizError {
    /// keys.toml, the data dir, a source file: anything the user configured.
    #[error("{0}")]
    Config(String),
    /// A flag or argument that makes no sense (exit 2).
    #[error("{0}")]
    Usage(String),
    /// No key could serve a request (all dead, none configured, every model retired).
    #[error("{0}")]
    NoUsableKey(String),
}

impl QuizError {
    /// `FILE: cannot read: no such file` (or another reason), for any file the user names.
    pub(crate) fn unreadable(path: &std::path::Path, e: &std::io::Error) -> QuizError {
        QuizError::Config(format!("{}: cannot read: {}", path.display(), io_reason(e)))
    }

    pub(crate) fn exit_code(&self) -> u8 {
        match self {
            QuizError::Usage(_) => code::USAGE,
            QuizError::Config(_) | QuizError::NoUsableKey(_) => code::ERROR,
        }
    }
}

/// An I/O error as a short reason: "no such file", "permission denied", "no space left".
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::StorageFull => "no space left on device".to_owned(),
        _ => e.to_string(),
    }
}

/// Reads at most `limit` bytes of a file (`Read::take`, so a device or an endless file cannot
/// exhaust memory). `Ok(None)` when the file is longer than that.
pub(crate) fn read_capped(
    path: &std::path::Path,
    limit: u64,
) -> Result<Option<Vec<u8>>, QuizError> {
    use std::io::Read;
    let f = std::fs::File::open(path).map_err(|e| QuizError::unreadable(path, &e))?;
    let mut bytes = Vec::new();
    f.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| QuizError::unreadable(path, &e))?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Reads a UTF-8 text file of at most `limit` bytes: the one home of "too large" and "is not
/// UTF-8 text" for every file the user names (keys file, subjects file, quiz to import).
pub(crate) fn read_text(path: &std::path::Path, limit: u64) -> Result<String, QuizError> {
    let shown = path.display();
    let Some(bytes) = read_capped(path, limit)? else {
        let size = if limit >= 1_048_576 {
            format!("{} MB", limit / 1_048_576)
        } else {
            format!("{} KB", limit / 1024)
        };
        return Err(QuizError::Config(format!(
            "{shown}: too large (the limit is {size})"
        )));
    };
    String::from_utf8(bytes).map_err(|_| QuizError::Config(format!("{shown}: is not UTF-8 text")))
}

/// Whether an error is stdout's reader going away (`quizgen bank list | head -1`).
pub(crate) fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Maps any error to its exit code: a `QuizError` knows its own, everything else is `1`.
pub(crate) fn exit_code_of(err: &anyhow::Error) -> ExitCode {
    let c = err
        .downcast_ref::<QuizError>()
        .map_or(code::ERROR, QuizError::exit_code);
    ExitCode::from(c)
}

/// An error as one line: the chain of contexts joined by ": ", with every secret masked and
/// every control character escaped (see `redact`).
pub fn one_line(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let s = cause.to_string();
        if !parts.iter().any(|p| p.contains(&s)) {
            parts.push(s);
        }
    }
    crate::redact::for_terminal(&parts.join(": ").replace('\n', " "))
}
