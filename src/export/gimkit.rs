//! Gimkit's CSV import template: row 1 the template's title, row 2 its header, one question a
//! row from row 3: the question, the right answer, then up to three wrong ones (Gimkit shuffles
//! them). Written as it is (the file is for Gimkit's importer), CRLF record ends.

use anyhow::{Context, Result};

use super::Quiz;

const HEADER: [&str; 5] = [
    "Question",
    "Correct Answer",
    "Incorrect Answer 1",
    "Incorrect Answer 2 (Optional)",
    "Incorrect Answer 3 (Optional)",
];

pub(super) fn render(quiz: &Quiz) -> Result<String> {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut title = vec![""; HEADER.len()];
    title[0] = "Gimkit Spreadsheet Import Template";
    w.write_record(&title)?;
    w.write_record(HEADER)?;
    for q in &quiz.questions {
        let mut row = vec![q.question.clone(), q.answer().to_owned()];
        let wrong = q
            .options
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != q.answer_index)
            .map(|(_, o)| o.clone());
        row.extend(wrong.chain(std::iter::repeat(String::new())).take(3));
        w.write_record(&row)?;
    }
    let bytes = w.into_inner().context("cannot finish the Gimkit CSV")?;
    Ok(String::from_utf8(bytes)?)
}
