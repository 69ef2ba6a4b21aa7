//! Kahoot!: the .xlsx layout of Kahoot's "import spreadsheet" template — notes on top, the
//! header row at row 8, one question a row from row 9 with up to four answers, a time limit and
//! the number of the correct answer. Kahoot's own limits (120 characters a question, 75 an
//! answer, four answers) are enforced by the validator before anything is written.

use anyhow::Result;

use super::Quiz;

/// Seconds each question stays on screen.
const TIME_LIMIT: u32 = 20;

pub(super) const HEADER: [&str; 8] = [
    "",
    "Question - max 120 characters",
    "Answer 1 - max 75 characters",
    "Answer 2 - max 75 characters",
    "Answer 3 - max 75 characters",
    "Answer 4 - max 75 characters",
    "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",
    "Correct answer(s) - choose at least one",
];

/// Row (0-based) of the header in Kahoot's template.
const HEADER_ROW: u32 = 7;

pub(super) fn render(quiz: &Quiz) -> Result<Vec<u8>> {
    let mut book = super::workbook()?;
    let sheet = book.add_worksheet();
    sheet.set_name("Sheet1")?;
    sheet.write_string(0, 1, "Quiz template")?;
    sheet.write_string(1, 1, format!("{} — made by quizgen", quiz.subject))?;
    sheet.write_string(
        2,
        1,
        "Add questions, at least two answer alternatives, time limit and choose correct answers (at least one).",
    )?;
    for (col, title) in HEADER.iter().enumerate() {
        sheet.write_string(HEADER_ROW, col as u16, *title)?;
    }
    for (i, q) in quiz.questions.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        sheet.write_number(row, 0, (i + 1) as f64)?;
        sheet.write_string(row, 1, &q.question)?;
        for (j, o) in q.options.iter().enumerate() {
            sheet.write_string(row, 2 + j as u16, o)?;
        }
        sheet.write_number(row, 6, f64::from(TIME_LIMIT))?;
        sheet.write_number(row, 7, (q.answer_index + 1) as f64)?;
    }
    Ok(book.save_to_buffer()?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::one_question_quiz;
    use std::io::Read;

    #[test]
    fn writes_an_xlsx_with_the_template_header_and_one_based_answers() {
        let quiz = one_question_quiz(
            "Tides",
            "What causes tides?",
            &["Wind", "The Moon", "Salt", "Fish"],
            1,
            "",
        );
        let bytes = render(&quiz).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut strings = String::new();
        archive
            .by_name("xl/sharedStrings.xml")
            .unwrap()
            .read_to_string(&mut strings)
            .unwrap();
        assert!(strings.contains("Question - max 120 characters") && strings.contains("The Moon"));
        let mut sheet = String::new();
        archive
            .by_name("xl/worksheets/sheet1.xml")
            .unwrap()
            .read_to_string(&mut sheet)
            .unwrap();
        // Row 9, column H holds the 1-based number of the right answer.
        assert!(sheet.contains("<c r=\"H9\"><v>2</v></c>"), "{sheet}");
    }
}
