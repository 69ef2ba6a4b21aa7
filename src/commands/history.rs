//! `quizgen history`: the quizzes written so far, and `history export` to write one again.

use anyhow::Result;

use super::Context;
use crate::cli::HistoryCommand;
use crate::error::{QuizError, code};
use crate::export::{self, Format, Quiz};
use crate::history::History;

pub(crate) fn run(ctx: &Context, json: bool, cmd: Option<HistoryCommand>) -> Result<u8> {
    let history = History::open_at(&ctx.state)?;
    match cmd {
        None => list(&history, json),
        Some(HistoryCommand::Export { id, out }) => {
            let (format, csv_raw) = (out.format, out.csv_raw);
            let target = super::export_target(ctx, &out)?;
            let Some((subject, questions)) = history.get(id)? else {
                return Err(QuizError::Usage(format!(
                    "no quiz {id} in the history: `quizgen history` lists them"
                ))
                .into());
            };
            let had = questions.len();
            let quiz = write(ctx, format, &target, subject, questions, csv_raw)?;
            let recorded = history.record(
                &quiz.subject,
                &format.name(),
                target.path(),
                &quiz.questions,
            );
            if let Err(e) = recorded {
                ctx.warn(&format!(
                    "the quiz was written but not recorded in the history: {e:#}"
                ));
            }
            if quiz.questions.len() < had {
                ctx.error(&format!(
                    "wrote {} of quiz {id}'s {had} questions: {} cannot hold the rest (named above)",
                    quiz.questions.len(),
                    format.name()
                ));
                return Ok(code::PARTIAL);
            }
            Ok(code::OK)
        }
    }
}

fn list(history: &History, json: bool) -> Result<u8> {
    let entries = history.list()?;
    if json {
        let v = serde_json::json!({ "quizzes": entries });
        crate::outln!("{}", serde_json::to_string_pretty(&v)?);
        return Ok(code::OK);
    }
    for e in entries {
        crate::outln!(
            "{}\t{}\t{}\t{} questions\t{}\t{}",
            e.id,
            e.time,
            e.subject,
            e.count,
            e.format,
            e.path.as_deref().unwrap_or("-")
        );
    }
    Ok(code::OK)
}

/// Writes the questions `format` can carry (the rest named on stderr); returns what was written.
fn write(
    ctx: &Context,
    format: Format,
    target: &export::Target,
    subject: String,
    questions: Vec<crate::mcq::Mcq>,
    csv_raw: bool,
) -> Result<Quiz> {
    let (questions, left_out) = format.fit(questions);
    for note in &left_out {
        ctx.warn(note);
    }
    let quiz = Quiz { subject, questions };
    target.write(&format.render_with(&quiz, export::RenderOptions { csv_raw })?)?;
    Ok(quiz)
}
