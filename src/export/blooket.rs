//! Blooket's CSV import template: row 1 the template's title, row 2 its header, one question a
//! row from row 3, up to four answers and the number of the right one. Written as it is (no
//! formula guard: the file is for Blooket's importer), CRLF record ends.

use anyhow::{Context, Result};

use super::Quiz;

const HEADER: [&str; 8] = [
    "Question #",
    "Question Text",
    "Answer 1",
    "Answer 2",
    "Answer 3 (Optional)",
    "Answer 4 (Optional)",
    "Time Limit (sec) (Max: 300 seconds)",
    "Correct Answer(s) (Only include Answer #)",
];

/// Seconds a question stays on screen.
const TIME_LIMIT: &str = "20";

pub(super) fn render(quiz: &Quiz) -> Result<String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut title = vec![""; HEADER.len()];
    title[0] = "Blooket Import Template";
    w.write_record(&title)?;
    w.write_record(HEADER)?;
    for (i, q) in quiz.questions.iter().enumerate() {
        let mut row = vec![(i + 1).to_string(), q.question.clone()];
        row.extend((0..4).map(|j| q.options.get(j).cloned().unwrap_or_default()));
        row.push(TIME_LIMIT.into());
        row.push((q.answer_index + 1).to_string());
        w.write_record(&row)?;
    }
    let bytes = w.into_inner().context("cannot finish the Blooket CSV")?;
    Ok(String::from_utf8(bytes)?)
}
