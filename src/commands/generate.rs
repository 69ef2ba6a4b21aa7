//! `quizgen generate`: one quiz, from the bank first, then providers (or offline from a text),
//! balanced, written atomically, and the questions marked served.

use std::path::Path;
use std::time::Duration;

use anyhow::Result;

use super::Context;
use crate::bank::{self, Bank, Shelf};
use crate::cli::{BankMode, GenerateArgs, RunArgs};
use crate::error::{QuizError, code};
use crate::export::{self, Quiz};
use crate::generate::{Buyer, Chunk, Ending, Interrupt, Order, Settings};
use crate::llm::client::Client;
use crate::mcq::{self, Deduper, Mcq, Rules};
use crate::offline;
use crate::pool::Pool;
use crate::progress::Progress;

/// Characters of source text sent per request when questions must come from a file.
const CHUNK_CHARS: usize = 3000;

pub async fn run(ctx: &Context, args: GenerateArgs) -> Result<u8> {
    refuse_binary_on_terminal(args.format, args.output.as_deref())?;
    let source = args.from.as_deref().map(offline::read_source).transpose()?;
    let subject = match (&args.subject, &args.from) {
        (Some(s), _) if !s.trim().is_empty() => s.trim().to_owned(),
        (Some(_), _) => return Err(QuizError::Usage("--subject is empty".into()).into()),
        (None, Some(f)) => f.file_stem().map_or("quiz".into(), |s| {
            s.to_string_lossy().replace(['_', '-'], " ")
        }),
        (None, None) => {
            return Err(QuizError::Usage("give --subject TEXT or --from FILE".into()).into());
        }
    };
    let count = args.count as usize;
    let n_options = args.run.options as usize;
    if n_options > args.format.max_options() {
        return Err(QuizError::Usage(format!(
            "--format {} takes at most {} options, not --options {n_options}",
            format_name(args.format),
            args.format.max_options()
        ))
        .into());
    }
    let rules = args.format.rules(n_options);
    let mut rng = mcq::rng_from(args.run.seed);

    // Keys are looked up once, and only when they may be needed.
    let mut keys = None;
    if let (Some(text), Some(path)) = (&source, &args.from) {
        if !args.offline {
            keys = ctx.keys(args.run.keys.as_deref())?;
        }
        if keys.is_none() {
            if !args.offline {
                ctx.info("no API key configured: making questions offline from the text");
            }
            return offline_quiz(ctx, &args, &subject, text, path, &mut rng);
        }
    }

    let shelf = Shelf::new(
        &subject,
        args.run.difficulty.as_str(),
        &args.run.language,
        n_options,
    )
    .from_source(source.as_deref().map(offline::source_hash));
    let mut bank = match args.bank {
        BankMode::Off => None,
        _ => Some(Bank::open(&ctx.data_dir)?),
    };
    let mut got: Vec<Mcq> = match (&bank, args.bank) {
        (Some(b), BankMode::Prefer | BankMode::Only) => {
            b.take_unserved(&shelf, count, |q| mcq::validate(q, rules).is_ok())?
        }
        _ => Vec::new(),
    };
    if !got.is_empty() {
        ctx.info(&format!("{} of {count} questions from the bank", got.len()));
    }
    let mut ending = Ending::Done;
    if got.len() < count && args.bank == BankMode::Only {
        ending = Ending::Short(format!(
            "the bank holds only {} unserved questions on \"{subject}\"; run `quizgen batch` or drop --bank only",
            got.len()
        ));
    } else if got.len() < count {
        let keys = match keys {
            Some(k) => k,
            None => ctx.require_keys(args.run.keys.as_deref())?,
        };
        let mut dedupe = match &bank {
            Some(b) => b.deduper_for(&subject)?,
            None => Deduper::new(),
        };
        for q in &got {
            dedupe.insert(q);
        }
        let chunks = source.as_deref().map(chunk_text).unwrap_or_default();
        let order = Order {
            subject: &subject,
            count: count - got.len(),
            rules,
            difficulty: args.run.difficulty.as_str(),
            language: &args.run.language,
            chunks: &chunks,
            source_hash: shelf.source_hash.clone(),
        };
        let (bought, end) = buy(
            ctx,
            &args.run,
            &keys,
            bank.as_ref(),
            &shelf,
            &mut dedupe,
            &order,
            got.len(),
            count,
        )
        .await?;
        got.extend(bought);
        ending = end;
        // No network or no usable key, but a text to work from: the rest is made offline
        // rather than leaving the teacher short.
        if let (Some(text), Some(path), Ending::Unreachable(why) | Ending::Closed(why)) =
            (&source, &args.from, &ending)
        {
            ctx.warn(&format!(
                "{why}; making the remaining {} questions offline from the text",
                count - got.len()
            ));
            let offline = offline_questions(text, path, count - got.len(), rules, &mut rng);
            let mut seen = Deduper::new();
            got.iter().for_each(|q| seen.insert(q));
            got.extend(offline.into_iter().filter(|q| seen.admit(q)));
            ending = if got.len() >= count {
                Ending::Done
            } else {
                Ending::Short(format!(
                    "{why}; the text yields too few questions for the rest"
                ))
            };
        }
    }
    // `finish` returns only once the quiz is written (or there was nothing to write): only
    // then do its questions count as served.
    let exit = finish(ctx, &args, &subject, got.clone(), ending, &mut rng)?;
    if let Some(b) = &mut bank {
        let ids: Vec<String> = got.iter().filter_map(|q| q.id.clone()).collect();
        b.mark_served(&subject, &ids)?;
    }
    Ok(exit)
}

/// The name of a format as the user writes it.
fn format_name(f: export::Format) -> String {
    use clap::ValueEnum;
    f.to_possible_value()
        .map_or_else(|| format!("{f:?}"), |v| v.get_name().to_owned())
}

/// A zip is not for a terminal: ask for `-o` before any work is done.
pub fn refuse_binary_on_terminal(format: export::Format, output: Option<&Path>) -> Result<()> {
    if format.is_binary() && export::to_terminal(output) {
        return Err(QuizError::Usage(format!(
            "--format {} writes a binary file: give -o FILE (or redirect stdout)",
            format_name(format)
        ))
        .into());
    }
    Ok(())
}

/// Up to `count` questions made from the text alone, with their ids.
fn offline_questions(
    text: &str,
    path: &Path,
    count: usize,
    rules: Rules,
    rng: &mut rand::rngs::StdRng,
) -> Vec<Mcq> {
    let origin = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    offline::generate(text, count, rules, rng, &origin)
        .into_iter()
        .map(bank::with_id)
        .collect()
}

/// A quiz made from the text alone: no key, no network, no bank.
fn offline_quiz(
    ctx: &Context,
    args: &GenerateArgs,
    subject: &str,
    text: &str,
    path: &Path,
    rng: &mut rand::rngs::StdRng,
) -> Result<u8> {
    let count = args.count as usize;
    let rules = args.format.rules(args.run.options as usize);
    let qs = offline_questions(text, path, count, rules, rng);
    let ending = if qs.len() < count {
        Ending::Short(format!(
            "the text yields only {} questions; give a longer text or ask for fewer",
            qs.len()
        ))
    } else {
        Ending::Done
    };
    finish(ctx, args, subject, qs, ending, rng)
}

/// Runs one purchase through the pool with a progress display.
#[allow(clippy::too_many_arguments)]
pub async fn buy(
    ctx: &Context,
    run: &RunArgs,
    keys: &crate::config::KeysConfig,
    bank: Option<&Bank>,
    shelf: &Shelf,
    dedupe: &mut Deduper,
    order: &Order<'_>,
    already: usize,
    total: usize,
) -> Result<(Vec<Mcq>, Ending)> {
    let mut pool = Pool::open(keys, &ctx.data_dir)?;
    let client = Client::new(Duration::from_secs(120))?;
    let progress = Progress::new(total, ctx.quiet, ctx.verbose);
    progress.update(already, "");
    let interrupt = Interrupt::listen();
    let mut buyer = Buyer {
        pool: &mut pool,
        client: &client,
        bank,
        shelf,
        dedupe,
        progress: &progress,
        interrupt: &interrupt,
        already,
    };
    let settings = Settings {
        concurrency: run.concurrency,
        max_wait: run.max_wait,
        retries: run.retries,
    };
    let out = buyer.buy(order, settings).await;
    progress.finish();
    out
}

/// Balances, writes and reports; returns the exit code.
fn finish(
    ctx: &Context,
    args: &GenerateArgs,
    subject: &str,
    mut questions: Vec<Mcq>,
    ending: Ending,
    rng: &mut rand::rngs::StdRng,
) -> Result<u8> {
    let asked = args.count as usize;
    questions.truncate(asked);
    mcq::balance(&mut questions, rng);
    let had = questions.len();
    let quiz = Quiz {
        subject: subject.to_owned(),
        questions,
    };
    let (exit, message) = match &ending {
        Ending::Done => (code::OK, None),
        Ending::Short(why) => (
            code::PARTIAL,
            Some(format!("wrote {had} of {asked} questions: {why}")),
        ),
        Ending::Closed(why) if had == 0 => return Err(QuizError::NoUsableKey(why.clone()).into()),
        Ending::Closed(why) => (
            code::ERROR,
            Some(format!("wrote {had} of {asked} questions: {why}")),
        ),
        Ending::Unreachable(why) => (
            code::PARTIAL,
            Some(format!("wrote {had} of {asked} questions: {why}")),
        ),
        Ending::Interrupted => (
            code::INTERRUPTED,
            Some(format!("interrupted: wrote {had} of {asked} questions")),
        ),
    };
    if had == 0 && exit != code::OK {
        eprintln!(
            "quizgen: {}",
            message
                .unwrap_or_default()
                .replace("wrote 0 of", "no output written: 0 of")
        );
        return Ok(exit);
    }
    let longest = mcq::longest_answer_count(&quiz.questions);
    if had >= 5 && longest * 2 > had {
        ctx.warn(&format!(
            "{longest} of {had} right answers are the longest option; students may guess them: review the quiz"
        ));
    }
    let text = args.format.render(&quiz)?;
    export::write_output(args.output.as_deref(), &text)?;
    match message {
        Some(m) => eprintln!("quizgen: {m}"),
        None => {
            if let Some(p) = args.output.as_deref().filter(|p| *p != Path::new("-")) {
                ctx.info(&format!("wrote {had} questions to {}", p.display()));
            }
        }
    }
    Ok(exit)
}

/// Cuts a long text into passages at paragraph boundaries.
pub fn chunk_text(text: &str) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut cur = String::new();
    for para in text.split("\n\n") {
        if !cur.is_empty() && cur.len() + para.len() > CHUNK_CHARS {
            chunks.push(std::mem::take(&mut cur));
        }
        if para.len() > CHUNK_CHARS {
            let mut piece = String::new();
            for word in para.split_whitespace() {
                if piece.len() + word.len() > CHUNK_CHARS {
                    chunks.push(std::mem::take(&mut piece));
                }
                piece.push_str(word);
                piece.push(' ');
            }
            cur = piece;
            continue;
        }
        cur.push_str(para);
        cur.push_str("\n\n");
    }
    if !cur.trim().is_empty() {
        chunks.push(cur);
    }
    chunks
        .into_iter()
        .enumerate()
        .map(|(index, text)| Chunk {
            index,
            text: text.trim().to_owned(),
        })
        .collect()
}
