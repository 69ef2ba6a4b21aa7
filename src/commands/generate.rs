//! `quizgen generate`: checks the flags once into a `quiz::Plan`, then runs the pipeline.

use std::path::Path;

use anyhow::Result;

use super::Context;
use crate::cli::GenerateArgs;
use crate::config::Defaults;
use crate::error::QuizError;
use crate::export::{self, Guard, RenderOptions, Target};
use crate::plan::{Asked, Frame, Naming};
use crate::quiz::{self, Plan, Source};

pub(crate) async fn run(ctx: &Context, args: GenerateArgs) -> Result<u8> {
    let defaults = crate::config::defaults(args.run.keys.as_deref())?;
    let plan = plan(ctx, &args, &defaults)?;
    Ok(quiz::make(ctx, &plan).await?.exit)
}

/// Every flag checked, every input read and the output checked, before anything is bought.
pub(crate) fn plan(ctx: &Context, args: &GenerateArgs, defaults: &Defaults) -> Result<Plan> {
    let asked = Asked {
        count: args.count.map(|c| c as usize),
        format: args.format,
        ..args.run.asked()
    };
    let chosen = asked.choose(defaults, args.run.settings(), Naming::Flags)?;
    refuse_binary_on_terminal(chosen.format, args.output.as_deref())?;
    let subject = subject(args)?;
    let keys_file = crate::config::find_keys_file(args.run.keys.as_deref());
    let mut inputs: Vec<(&str, &Path)> = Vec::new();
    if let Some(f) = args.from.as_deref().filter(|f| !is_stdin(f)) {
        inputs.push(("--from text", f));
    }
    if let Some(k) = &keys_file {
        inputs.push(("keys file", k));
    }
    let guard = Guard {
        data_dir: &ctx.data_dir,
        inputs,
        force: args.force,
        no_clobber: args.no_clobber,
    };
    let target = Target::check(args.output.as_deref(), &guard)?;
    let source = args
        .from
        .as_deref()
        .map(|path| -> Result<Source> {
            let text = if is_stdin(path) {
                crate::offline::read_stdin_source(&source_name(args))?
            } else {
                crate::offline::read_source(path)?
            };
            let shown = match &args.source_name {
                Some(n) => n.into(),
                None if is_stdin(path) => "stdin".into(),
                None => path.to_owned(),
            };
            Ok(Source {
                path: shown,
                hash: crate::offline::source_hash(&text),
                text,
            })
        })
        .transpose()?;
    Ok(chosen.plan(Frame {
        subject,
        source,
        target,
        render: RenderOptions {
            csv_raw: args.csv_raw,
        },
        offline: args.offline,
        bank: args.bank,
        keys_file: args.run.keys.clone(),
    }))
}

fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// What a text on standard input is called: `--source-name`, else "stdin".
fn source_name(args: &GenerateArgs) -> String {
    args.source_name.clone().unwrap_or_else(|| "stdin".into())
}

/// `--subject`, else the name of the `--from` file (or `--source-name`).
fn subject(args: &GenerateArgs) -> Result<String> {
    let named = |f: &Path| {
        let name = match &args.source_name {
            Some(n) => Path::new(n).to_owned(),
            None if is_stdin(f) => Path::new("quiz").to_owned(),
            None => f.to_owned(),
        };
        name.file_stem().map_or("quiz".into(), |s| {
            s.to_string_lossy().replace(['_', '-'], " ")
        })
    };
    match (&args.subject, &args.from) {
        (Some(s), _) if !s.trim().is_empty() => Ok(s.trim().to_owned()),
        (Some(_), _) => Err(QuizError::Usage("--subject is empty".into()).into()),
        (None, Some(f)) => Ok(named(f)),
        (None, None) => Err(QuizError::Usage("give --subject TEXT or --from FILE".into()).into()),
    }
}

/// The name of a format as the user writes it.
/// A zip is not for a terminal: ask for `-o` before any work is done.
pub(crate) fn refuse_binary_on_terminal(
    format: export::Format,
    output: Option<&Path>,
) -> Result<()> {
    if format.is_binary() && export::to_terminal(output) {
        return Err(QuizError::Usage(format!(
            "--format {} writes a binary file: give -o FILE (or redirect stdout)",
            format.name()
        ))
        .into());
    }
    Ok(())
}
