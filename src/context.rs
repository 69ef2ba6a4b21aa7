//! What every run knows: the global flags (data dir, where shared state lives, verbosity)
//! and where its messages go. Commands, the pipeline and `serve` all take one.

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::config::{self, KeysConfig};
use crate::error::QuizError;

/// What every command knows: the global flags.
#[derive(Debug, Clone)]
pub(crate) struct Context {
    pub data_dir: PathBuf,
    /// Where shared state lives: the data dir, or the database of `--database-url`.
    pub state: crate::db::StateAt,
    pub quiet: bool,
    pub verbose: bool,
    /// Where progress goes besides stderr (`serve` streams it to the browser).
    pub sink: Option<crate::progress::Sink>,
    /// The quiz's place in the line for the pool's capacity, when several quizzes share one
    /// process (`serve`); `None` for a command's one run.
    pub place: Option<std::sync::Arc<crate::line::Place>>,
}

impl Context {
    /// The global flags checked: the data dir (else the platform's), and the shared database
    /// of `--database-url` / `QUIZGEN_DATABASE_URL`, else the `[state] url` of the keys file
    /// (`keys`, else the usual lookup), if any.
    pub(crate) fn with_database(
        data_dir: Option<PathBuf>,
        database_url: Option<String>,
        keys: Option<&Path>,
        quiet: bool,
        verbose: bool,
    ) -> Result<Context> {
        let data_dir = match data_dir {
            Some(d) => d,
            None => directories::ProjectDirs::from("", "", "quizgen")
                .map(|p| p.data_dir().to_owned())
                .ok_or_else(|| QuizError::Config("cannot find a home directory for the data dir: pass --data-dir or set QUIZGEN_DATA_DIR".into()))?,
        };
        let url = match database_url.filter(|u| !u.trim().is_empty()) {
            Some(u) => Some(config::check_database_url(
                &u,
                "--database-url (or QUIZGEN_DATABASE_URL)",
            )?),
            None => config::state_url(keys)?,
        };
        let ctx = Context {
            state: crate::db::StateAt {
                url: url.map(secrecy::SecretString::from),
                ..crate::db::StateAt::local(&data_dir)
            },
            data_dir,
            quiet,
            verbose,
            sink: None,
            place: None,
        };
        if let Some(w) = crate::datadir::warning(&ctx.data_dir) {
            ctx.warn(&w);
        }
        Ok(ctx)
    }

    /// Every message goes out masked and escaped (`redact::for_terminal`).
    pub(crate) fn warn(&self, msg: &str) {
        if !self.quiet {
            crate::progress::line(&format!("quizgen: warning: {msg}"));
        }
    }

    pub(crate) fn info(&self, msg: &str) {
        if !self.quiet {
            crate::progress::line(&format!("quizgen: {msg}"));
        }
    }

    /// A message shown even with `-q`: how a run ended when it fell short.
    pub(crate) fn error(&self, msg: &str) {
        crate::progress::line(&format!("quizgen: {msg}"));
    }

    /// The bank where the state lives, with what opening it had to say (spooled questions
    /// pushed to the shared database) told.
    pub(crate) fn open_bank(&self) -> Result<crate::bank::Bank> {
        let mut bank = crate::bank::Bank::open_at(&self.state)?;
        for note in std::mem::take(&mut bank.notes) {
            self.info(&note);
        }
        Ok(bank)
    }

    /// The keys by the contract's lookup, warnings printed; `None` when there is none.
    pub(crate) fn keys(&self, flag: Option<&Path>) -> Result<Option<KeysConfig>> {
        let cfg = config::load(flag)?;
        if let Some(c) = &cfg {
            for w in &c.warnings {
                self.warn(w);
            }
        }
        Ok(cfg)
    }

    /// The keys, or the "how to add keys" error.
    pub(crate) fn require_keys(&self, flag: Option<&Path>) -> Result<KeysConfig> {
        self.keys(flag)?
            .ok_or_else(|| QuizError::NoUsableKey(config::no_keys_message()).into())
    }
}
