//! quizgen: batches of validated multiple-choice questions from a pool of LLM keys, a local
//! question bank, or a source text offline. `run` is the whole program; `main` only maps its
//! result to an exit code.

mod bank;
mod cli;
mod clock;
mod commands;
mod config;
mod context;
mod datadir;
mod db;
mod dialect;
mod error;
mod export;
mod generate;
mod history;
mod line;
mod llm;
mod mcq;
mod offline;
mod plan;
mod pool;
mod progress;
mod quiz;
mod redact;
mod serve;
mod spec;
mod stats;
mod verify;

use anyhow::Result;

/// A line of data on stdout. A closed stdout (`| head`) is an error carried up to `main`, which
/// ends quietly: the one place that knows what a broken pipe means.
#[macro_export]
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?;
    }};
}

/// Data on stdout, without a newline (see `outln!`).
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)?;
    }};
}

pub use cli::Cli;
use cli::{Command, KeysCommand};
use commands::Context;

/// What the integration tests and benches reach inside the crate, deliberately: not a stable
/// interface, only the parts that are tested on their own.
#[doc(hidden)]
pub mod testing {
    pub use crate::bank::{Bank, Provenance, Shelf, with_id};
    pub use crate::clock::{FakeClock, now_ms};
    pub use crate::commands::bank::import_text;
    pub use crate::config::{ApiKey, Dialect, KeysConfig, Limits, Provider, parse_keys};
    pub use crate::db::StateAt;
    pub use crate::error::one_line;
    pub use crate::export::Quiz;
    pub use crate::llm::client::{Answer, Usage, Verdict};
    pub use crate::llm::headers::{Window, WindowReport};
    pub use crate::llm::parse::parse_questions;
    pub use crate::mcq::{Deduper, Mcq, Rules, rng_from, validate};
    pub use crate::pool::{Admission, Pool};

    /// Offline generation on its own.
    pub mod offline {
        pub use crate::offline::{Ask, generate};
    }
}

/// Runs a parsed command line to its exit code: errors are printed as one line (masked), a
/// closed stdout (`| head`) ends quietly.
pub fn main(cli: Cli) -> std::process::ExitCode {
    use std::process::ExitCode;
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        // A reader that stopped reading (`| head`) is not an error.
        Err(err) if error::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            progress::line(&format!("quizgen: error: {}", error::one_line(&err)));
            error::exit_code_of(&err)
        }
    }
}

/// Runs a parsed command line; returns the exit code.
fn run(cli: Cli) -> Result<u8> {
    // These read no state: a mistake in keys.toml's [state] must not stop them.
    match cli.command {
        Command::Completions { shell } => return commands::completions(shell),
        Command::Man => return commands::man(),
        _ => {}
    }
    let ctx = Context::with_database(
        cli.data_dir,
        cli.database_url,
        cli.command.keys_flag(),
        cli.quiet,
        cli.verbose,
    )?;
    // The pool, bank and history are synchronous storage calls made from async code. A CLI
    // run is one pipeline; `serve` runs up to --max-quizzes of them as tasks, so it gets a
    // worker for each besides two for the HTTP side: a quiz blocked on a busy database then
    // leaves workers free for the other quizzes and for status requests.
    let workers = match &cli.command {
        Command::Serve(args) => usize::from(args.max_quizzes) + 2,
        _ => 2,
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(workers)
        .enable_all()
        .build()?;
    match cli.command {
        Command::Generate(args) => rt.block_on(commands::generate::run(&ctx, args)),
        Command::Batch(args) => rt.block_on(commands::batch::run(&ctx, args)),
        Command::Stats(args) => commands::stats::run(&ctx, args),
        Command::Keys {
            command: KeysCommand::Check { keys },
        } => rt.block_on(commands::keys::check(&ctx, keys.as_deref())),
        Command::Bank { command } => commands::bank::run(&ctx, command),
        Command::State { command } => commands::state::run(&ctx, command),
        Command::History { json, command } => commands::history::run(&ctx, json, command),
        Command::Serve(args) => rt.block_on(serve::run(ctx, args)),
        Command::Completions { shell } => commands::completions(shell),
        Command::Man => commands::man(),
    }
}
