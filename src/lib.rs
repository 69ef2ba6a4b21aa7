//! quizgen: batches of validated multiple-choice questions from a pool of LLM keys, a local
//! question bank, or a source text offline. `run` is the whole program; `main` only maps its
//! result to an exit code.

pub mod bank;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod config;
pub mod context;
pub mod datadir;
pub mod db;
pub mod error;
pub mod export;
pub mod generate;
pub mod history;
pub mod llm;
pub mod mcq;
pub mod offline;
pub mod pool;
pub mod progress;
pub mod quiz;
pub mod redact;
pub mod serve;
pub mod spec;
pub mod stats;
pub mod verify;

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

use cli::{Cli, Command, KeysCommand};
use commands::Context;

/// Runs a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> Result<u8> {
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
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
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
