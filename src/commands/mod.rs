//! One file per subcommand: each turns its flags into a plan, runs it, and returns the exit
//! code. Shared here: the context every command gets (data dir, verbosity).

pub mod bank;
pub mod batch;
pub mod generate;
pub mod history;
pub mod keys;
pub mod state;
pub mod stats;

use std::path::{Path, PathBuf};

use anyhow::Result;

use crate::config::{self, KeysConfig};
use crate::error::QuizError;

/// `quizgen completions SHELL`: the completion script on stdout (rendered first, so a closed
/// pipe is an error `main` ends quietly, not a panic inside the generator).
pub fn completions(shell: clap_complete::Shell) -> Result<u8> {
    use clap::CommandFactory;
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::Cli::command(), "quizgen", &mut buf);
    std::io::Write::write_all(&mut std::io::stdout().lock(), &buf)?;
    Ok(crate::error::code::OK)
}

/// `quizgen man`: the manual page, roff, on stdout.
pub fn man() -> Result<u8> {
    use clap::CommandFactory;
    let mut buf = Vec::new();
    clap_mangen::Man::new(crate::cli::Cli::command()).render(&mut buf)?;
    std::io::Write::write_all(&mut std::io::stdout().lock(), &buf)?;
    Ok(crate::error::code::OK)
}

/// The output of `bank export` and `history export`, checked (a binary format not to a
/// terminal; the path as `generate -o` checks it).
pub fn export_target(ctx: &Context, out: &crate::cli::ExportArgs) -> Result<crate::export::Target> {
    generate::refuse_binary_on_terminal(out.format, out.output.as_deref())?;
    let guard = crate::export::Guard {
        data_dir: &ctx.data_dir,
        inputs: Vec::new(),
        force: out.force,
        no_clobber: out.no_clobber,
    };
    crate::export::Target::check(out.output.as_deref(), &guard)
}

/// What every command knows: the global flags.
#[derive(Debug, Clone)]
pub struct Context {
    pub data_dir: PathBuf,
    /// Where shared state lives: the data dir, or the database of `--database-url`.
    pub state: crate::db::StateAt,
    pub quiet: bool,
    pub verbose: bool,
    /// Where progress goes besides stderr (`serve` streams it to the browser).
    pub sink: Option<crate::progress::Sink>,
}

impl Context {
    pub fn new(data_dir: Option<PathBuf>, quiet: bool, verbose: bool) -> Result<Context> {
        Context::with_database(data_dir, None, None, quiet, verbose)
    }

    /// `new`, with the shared database of `--database-url` / `QUIZGEN_DATABASE_URL`, else
    /// the `[state] url` of the keys file (`keys`, else the usual lookup), if any.
    pub fn with_database(
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
                data_dir: data_dir.clone(),
                url: url.map(secrecy::SecretString::from),
            },
            data_dir,
            quiet,
            verbose,
            sink: None,
        };
        if let Some(w) = crate::datadir::warning(&ctx.data_dir) {
            ctx.warn(&w);
        }
        Ok(ctx)
    }

    /// Every message goes out masked and escaped (`redact::for_terminal`).
    pub fn warn(&self, msg: &str) {
        if !self.quiet {
            crate::progress::line(&format!("quizgen: warning: {msg}"));
        }
    }

    pub fn info(&self, msg: &str) {
        if !self.quiet {
            crate::progress::line(&format!("quizgen: {msg}"));
        }
    }

    /// A message shown even with `-q`: how a run ended when it fell short.
    pub fn error(&self, msg: &str) {
        crate::progress::line(&format!("quizgen: {msg}"));
    }

    /// The bank where the state lives, with what opening it had to say (spooled questions
    /// pushed to the shared database) told.
    pub fn open_bank(&self) -> Result<crate::bank::Bank> {
        let mut bank = crate::bank::Bank::open_at(&self.state)?;
        for note in std::mem::take(&mut bank.notes) {
            self.info(&note);
        }
        Ok(bank)
    }

    /// The keys by the contract's lookup, warnings printed; `None` when there is none.
    pub fn keys(&self, flag: Option<&Path>) -> Result<Option<KeysConfig>> {
        let cfg = config::load(flag)?;
        if let Some(c) = &cfg {
            for w in &c.warnings {
                self.warn(w);
            }
        }
        Ok(cfg)
    }

    /// The keys, or the "how to add keys" error.
    pub fn require_keys(&self, flag: Option<&Path>) -> Result<KeysConfig> {
        self.keys(flag)?
            .ok_or_else(|| QuizError::NoUsableKey(config::no_keys_message()).into())
    }
}
