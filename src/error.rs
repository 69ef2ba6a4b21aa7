//! Errors that end a command, and the exit code each one maps to (the contract in DESIGN.md).

use std::process::ExitCode;

/// The documented exit codes.
pub mod code {
    pub const OK: u8 = 0;
    pub const ERROR: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const PARTIAL: u8 = 3;
    pub const INTERRUPTED: u8 = 130;
}

/// An error the user can act on. Its message is one line and names the culprit.
#[derive(Debug, thiserror::Error)]
pub enum QuizError {
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
    pub fn unreadable(path: &std::path::Path, e: &std::io::Error) -> QuizError {
        let reason = match e.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_owned(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
            _ => e.to_string(),
        };
        QuizError::Config(format!("{}: cannot read: {reason}", path.display()))
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            QuizError::Usage(_) => code::USAGE,
            QuizError::Config(_) | QuizError::NoUsableKey(_) => code::ERROR,
        }
    }
}

/// Maps any error to its exit code: a `QuizError` knows its own, everything else is `1`.
pub fn exit_code_of(err: &anyhow::Error) -> ExitCode {
    let c = err
        .downcast_ref::<QuizError>()
        .map_or(code::ERROR, QuizError::exit_code);
    ExitCode::from(c)
}

/// Prints an error as one line: the chain of contexts joined by ": ".
pub fn one_line(err: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in err.chain() {
        let s = cause.to_string();
        if !parts.iter().any(|p| p.contains(&s)) {
            parts.push(s);
        }
    }
    parts.join(": ").replace('\n', " ")
}
