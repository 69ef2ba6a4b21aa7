//! One file per subcommand: each turns its flags into a plan, runs it, and returns the exit
//! code. Shared here: the context every command gets (data dir, verbosity).

pub(crate) mod bank;
pub(crate) mod batch;
pub(crate) mod generate;
pub(crate) mod history;
pub(crate) mod keys;
pub(crate) mod state;
pub(crate) mod stats;

use anyhow::Result;

pub(crate) use crate::context::Context;

/// `quizgen completions SHELL`: the completion script on stdout (rendered first, so a closed
/// pipe is an error `main` ends quietly, not a panic inside the generator).
pub(crate) fn completions(shell: clap_complete::Shell) -> Result<u8> {
    use clap::CommandFactory;
    let mut buf = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::Cli::command(), "quizgen", &mut buf);
    std::io::Write::write_all(&mut std::io::stdout().lock(), &buf)?;
    Ok(crate::error::code::OK)
}

/// `quizgen man`: the manual page, roff, on stdout.
pub(crate) fn man() -> Result<u8> {
    use clap::CommandFactory;
    let mut buf = Vec::new();
    clap_mangen::Man::new(crate::cli::Cli::command()).render(&mut buf)?;
    std::io::Write::write_all(&mut std::io::stdout().lock(), &buf)?;
    Ok(crate::error::code::OK)
}

/// The output of `bank export` and `history export`, checked (a binary format not to a
/// terminal; the path as `generate -o` checks it).
pub(crate) fn export_target(
    ctx: &Context,
    out: &crate::cli::ExportArgs,
) -> Result<crate::export::Target> {
    generate::refuse_binary_on_terminal(out.format, out.output.as_deref())?;
    let guard = crate::export::Guard {
        data_dir: &ctx.data_dir,
        inputs: Vec::new(),
        force: out.force,
        no_clobber: out.no_clobber,
    };
    crate::export::Target::check(out.output.as_deref(), &guard)
}
