//! `quizgen state check` and `quizgen state import`: where shared state lives, and moving a
//! single machine's data dir into a shared database.

use anyhow::Result;

use crate::cli::StateCommand;
use crate::db::{Component, Copy, Db, StateAt};
use crate::error::{QuizError, code};

use super::Context;

/// Every part of the state, with what `state import` copies of it.
const PARTS: [(&Component, &[Copy]); 3] = [
    (&crate::pool::store::COMPONENT, crate::pool::store::IMPORT),
    (&crate::bank::COMPONENT, crate::bank::IMPORT),
    (&crate::history::COMPONENT, crate::history::IMPORT),
];

pub(crate) fn run(ctx: &Context, command: StateCommand) -> Result<u8> {
    match command {
        StateCommand::Check => check(ctx),
        StateCommand::Import { from } => import(ctx, from.as_deref().unwrap_or(&ctx.data_dir)),
    }
}

/// Opens each part (creating its tables on first use) and prints its schema version.
fn check(ctx: &Context) -> Result<u8> {
    let mut shown = None;
    for (c, _) in PARTS {
        let db = Db::open(&ctx.state, c)?;
        if shown.is_none() {
            crate::outln!(
                "state: {}",
                if db.is_postgres() {
                    db.shown().to_owned()
                } else {
                    ctx.data_dir.display().to_string()
                }
            );
            shown = Some(());
        }
        let version = db.schema_version(c)?.unwrap_or(0);
        crate::outln!(
            "{:<18} schema version {version} of {} (ok)",
            c.what,
            c.newest()
        );
    }
    Ok(code::OK)
}

/// Copies the SQLite state of `from` into the shared database, part by part.
fn import(ctx: &Context, from: &std::path::Path) -> Result<u8> {
    if ctx.state.url.is_none() {
        return Err(QuizError::Usage(
            "state import: no database to import into: set QUIZGEN_DATABASE_URL (or --database-url, or [state] url in keys.toml)".into(),
        )
        .into());
    }
    if !from.is_dir() {
        return Err(QuizError::Usage(format!(
            "state import: --from {}: not a directory",
            from.display()
        ))
        .into());
    }
    let source = StateAt::local(from);
    let mut found = false;
    for (c, copies) in PARTS {
        if !from.join(c.file).exists() {
            ctx.info(&format!(
                "{}: no {} here, skipped",
                from.join(c.file).display(),
                c.what
            ));
            continue;
        }
        found = true;
        let src = Db::open(&source, c)?;
        let dst = Db::open(&ctx.state, c)?;
        for copy in copies {
            let (read, added) = crate::db::copy(&src, &dst, copy)?;
            crate::outln!(
                "{}: {added} of {read} {} copied ({} already there)",
                c.what,
                copy.what,
                read - added
            );
        }
    }
    if !found {
        return Err(QuizError::Usage(format!(
            "state import: {}: no quizgen state here (state.sqlite, bank.sqlite, history.sqlite)",
            from.display()
        ))
        .into());
    }
    Ok(code::OK)
}
