//! Wayground (formerly Quizizz): the .xlsx its spreadsheet import reads. Header row 1, one
//! question a row from row 2: text, type `Multiple Choice`, up to five options, the number of
//! the right one, a time, no image, the explanation.

use anyhow::Result;

use super::Quiz;

pub(super) const HEADER: [&str; 11] = [
    "Question Text",
    "Question Type",
    "Option 1",
    "Option 2",
    "Option 3",
    "Option 4",
    "Option 5",
    "Correct Answer",
    "Time in seconds",
    "Image Link",
    "Answer explanation",
];

/// Seconds a question stays on screen.
const TIME_LIMIT: f64 = 30.0;

pub(super) fn render(quiz: &Quiz) -> Result<Vec<u8>> {
    let mut book = super::workbook()?;
    let sheet = book.add_worksheet();
    for (col, title) in HEADER.iter().enumerate() {
        sheet.write_string(0, col as u16, *title)?;
    }
    for (i, q) in quiz.questions.iter().enumerate() {
        let row = 1 + i as u32;
        sheet.write_string(row, 0, &q.question)?;
        sheet.write_string(row, 1, "Multiple Choice")?;
        for (j, o) in q.options.iter().enumerate() {
            sheet.write_string(row, 2 + j as u16, o)?;
        }
        sheet.write_number(row, 7, (q.answer_index + 1) as f64)?;
        sheet.write_number(row, 8, TIME_LIMIT)?;
        sheet.write_string(row, 10, &q.explanation)?;
    }
    Ok(book.save_to_buffer()?)
}
