//! `quizgen bank`: stats, list, export, import and prune of the question bank.

use anyhow::Result;

use super::Context;
use crate::bank::{Bank, Provenance, Shelf};
use crate::cli::BankCommand;
use crate::error::{QuizError, code};
use crate::export::{self, Quiz};
use crate::mcq::{self, Deduper, Mcq};

/// Largest quiz file `bank import` reads.
const MAX_IMPORT_BYTES: u64 = 64 * 1024 * 1024;

pub(crate) fn run(ctx: &Context, cmd: BankCommand) -> Result<u8> {
    let bank = ctx.open_bank()?;
    match cmd {
        BankCommand::Stats { json } => {
            let stock = bank.stock()?;
            if json {
                crate::outln!("{}", serde_json::to_string_pretty(&stock)?);
            } else if stock.is_empty() {
                crate::outln!(
                    "the bank is empty ({})",
                    ctx.data_dir.join("bank.sqlite").display()
                );
            } else {
                crate::outln!(
                    "{:<40} {:>7} {:>9} {:>7} {:>9}",
                    "subject",
                    "total",
                    "unserved",
                    "served",
                    "verified"
                );
                for s in &stock {
                    crate::outln!(
                        "{:<40} {:>7} {:>9} {:>7} {:>8}%",
                        s.subject,
                        s.total,
                        s.unserved,
                        s.total - s.unserved,
                        s.verified * 100 / s.total.max(1)
                    );
                }
            }
        }
        BankCommand::List { subject, unserved } => {
            for (subj, q, served) in bank.list(subject.as_deref(), unserved)? {
                crate::outln!(
                    "{}\t{subj}\t{}\t{}\t{}\t{}",
                    q.id.clone().unwrap_or_default(),
                    if served > 0 { "served" } else { "unserved" },
                    q.question,
                    q.answer(),
                    q.verified_by
                        .as_deref()
                        .map_or_else(|| "unverified".to_owned(), |b| format!("verified by {b}"))
                );
            }
        }
        BankCommand::Export { subject, out } => {
            let (format, csv_raw) = (out.format, out.csv_raw);
            let target = super::export_target(ctx, &out)?;
            let rows = bank.list(subject.as_deref(), false)?;
            let title = subject.clone().unwrap_or_else(|| "question bank".into());
            let (questions, left_out) = format.fit(rows.into_iter().map(|(_, q, _)| q).collect());
            for note in &left_out {
                ctx.warn(note);
            }
            let quiz = Quiz {
                subject: title,
                questions,
            };
            target.write(&format.render_with(&quiz, export::RenderOptions { csv_raw })?)?;
            if !left_out.is_empty() {
                ctx.error(&format!(
                    "{} banked questions could not be written as {} (named above); wrote {}",
                    left_out.len(),
                    format.name(),
                    quiz.questions.len()
                ));
                return Ok(code::PARTIAL);
            }
        }
        BankCommand::Import {
            file,
            subject,
            difficulty,
            language,
        } => {
            return import_file(ctx, &bank, &file, subject, difficulty.as_str(), &language);
        }
        BankCommand::Prune {
            subject,
            served,
            older_than,
            all,
        } => {
            if subject.is_none() && !served && older_than.is_none() && !all {
                return Err(QuizError::Usage("bank prune needs --subject, --served, --older-than, or --all to delete everything".into()).into());
            }
            let cutoff = older_than.map(|d| {
                ctx.state
                    .clock
                    .now_ms()
                    .saturating_sub(i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
            });
            let n = bank.prune(subject.as_deref(), served, cutoff)?;
            ctx.info(&format!("deleted {n} questions"));
        }
    }
    Ok(code::OK)
}

/// `bank import FILE`: reads the file with a byte limit, then `import_text`.
fn import_file(
    ctx: &Context,
    bank: &Bank,
    file: &std::path::Path,
    subject: Option<String>,
    difficulty: &str,
    language: &str,
) -> Result<u8> {
    let shown = file.display().to_string();
    let text = crate::error::read_text(file, MAX_IMPORT_BYTES)?;
    let (subject, added, refused) =
        import_text(bank, &text, &shown, subject, difficulty, language)?;
    ctx.info(&format!(
        "imported {added} questions on \"{subject}\"; refused {refused}"
    ));
    Ok(if added == 0 && refused > 0 {
        code::ERROR
    } else {
        code::OK
    })
}

/// Parses a quiz JSON and banks its questions, each validated; returns the subject used,
/// and how many were added and refused. Never panics, whatever the text holds.
pub fn import_text(
    bank: &Bank,
    text: &str,
    shown: &str,
    subject: Option<String>,
    difficulty: &str,
    language: &str,
) -> Result<(String, usize, usize)> {
    let quiz: Quiz = serde_json::from_str(text).map_err(|e| {
        QuizError::Config(format!(
            "{shown}:{}: not a quiz JSON ({{\"subject\", \"questions\": [...]}}): {e}",
            e.line()
        ))
    })?;
    let subject = subject.unwrap_or(quiz.subject.clone());
    if subject.trim().is_empty() {
        return Err(
            QuizError::Config(format!("{shown}: the quiz has no subject: give --subject")).into(),
        );
    }
    let (added, refused) = import(bank, &subject, difficulty, language, quiz.questions, shown)?;
    Ok((subject, added, refused))
}

/// Validates and banks imported questions; returns (added, refused). Each refusal is named.
/// Questions are committed 500 at a time: one commit per question would cost more than the
/// checks, and an interrupted import keeps every batch committed before it.
fn import(
    bank: &Bank,
    subject: &str,
    difficulty: &str,
    language: &str,
    questions: Vec<Mcq>,
    shown: &str,
) -> Result<(usize, usize)> {
    const BATCH: usize = 500;
    let mut dedupe = bank.deduper_for(subject)?;
    let (mut added, mut refused) = (0, 0);
    let mut questions = questions.into_iter().enumerate().peekable();
    while questions.peek().is_some() {
        let chunk: Vec<_> = questions.by_ref().take(BATCH).collect();
        bank.batch(|| {
            for (i, q) in chunk {
                match admit(bank, &mut dedupe, (subject, difficulty, language), q)? {
                    Ok(true) => added += 1,
                    Ok(false) => {}
                    Err(why) => {
                        crate::progress::line(&format!(
                            "quizgen: {shown}: question {}: refused: {why}",
                            i + 1
                        ));
                        refused += 1;
                    }
                }
            }
            Ok(())
        })?;
    }
    Ok((added, refused))
}

/// One imported question: tidied, validated, checked against the bank, and banked.
/// `Ok(Err(why))` is a refusal; `Ok(Ok(false))` a question already banked word for word.
fn admit(
    bank: &Bank,
    dedupe: &mut Deduper,
    (subject, difficulty, language): (&str, &str, &str),
    mut q: Mcq,
) -> Result<std::result::Result<bool, String>> {
    mcq::tidy(&mut q);
    let n = q.options.len();
    if let Err(d) = mcq::validate(&q, n) {
        return Ok(Err(d.to_string()));
    }
    if !(2..=6).contains(&n) {
        return Ok(Err(format!("{n} options (2 to 6 allowed)")));
    }
    if !dedupe.admit(&q) {
        return Ok(Err("duplicate of a banked question".into()));
    }
    let shelf = Shelf::new(subject, difficulty, language, n);
    let from = Provenance {
        provider: Some("import".into()),
        ..Provenance::default()
    };
    Ok(Ok(bank.insert(&shelf, subject, &q, &from)?))
}
