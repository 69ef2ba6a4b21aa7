//! D2L Brightspace's question CSV: per question the rows `NewQuestion,MC`, `ID`, `Title`,
//! `QuestionText`, `Points`, `Difficulty`, one `Option` row per answer (weight 100 for the right
//! one, 0 for the others), and `Feedback` with the explanation. Five columns a row, CRLF ends.

use anyhow::{Context, Result};

use super::Quiz;

pub(super) fn render(quiz: &Quiz) -> Result<String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut row = |cells: &[&str]| -> Result<()> {
        let mut r: Vec<&str> = cells.to_vec();
        r.resize(5, "");
        w.write_record(&r)?;
        Ok(())
    };
    for (i, q) in quiz.questions.iter().enumerate() {
        let id = q.id.clone().unwrap_or_else(|| q.stable_id());
        let title = format!("{} {}", quiz.subject, i + 1);
        row(&["NewQuestion", "MC"])?;
        row(&["ID", &format!("quizgen-{id}")])?;
        row(&["Title", &title])?;
        row(&["QuestionText", &q.question])?;
        row(&["Points", "1"])?;
        row(&["Difficulty", "1"])?;
        for (j, o) in q.options.iter().enumerate() {
            let weight = if j == q.answer_index { "100" } else { "0" };
            row(&["Option", weight, o])?;
        }
        if !q.explanation.is_empty() {
            row(&["Feedback", &q.explanation])?;
        }
    }
    let bytes = w
        .into_inner()
        .context("cannot finish the Brightspace CSV")?;
    Ok(String::from_utf8(bytes)?)
}
