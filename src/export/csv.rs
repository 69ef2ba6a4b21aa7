//! CSV: `question,option_a,…,answer,explanation`, the answer as a letter, RFC 4180 (quoting,
//! CRLF record ends), UTF-8 with a byte-order mark: without it Excel on Windows reads the file
//! as the local code page and mangles é and 中文. Readers that know UTF-8 skip the mark.

use anyhow::{Context, Result};

use super::{Quiz, letter};

pub(crate) fn csv_header(n_options: usize) -> Vec<String> {
    let mut h = vec!["question".to_owned()];
    h.extend((0..n_options).map(|i| format!("option_{}", letter(i).to_ascii_lowercase())));
    h.push("answer".into());
    h.push("explanation".into());
    h
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) gets a `'`
/// in front, as OWASP advises for files opened in spreadsheets (CWE-1236).
fn defused(cell: &str, defuse: bool) -> String {
    if defuse && cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_owned()
    }
}

/// CSV with every cell defused when `defuse` is set (the default; `--csv-raw` turns it off).
pub(super) fn render(quiz: &Quiz, defuse: bool) -> Result<String> {
    let n = quiz
        .questions
        .iter()
        .map(|q| q.options.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.as_bytes().to_vec());
    // `--verify`: who confirmed each key, in a last column.
    let verified = quiz.questions.iter().any(|q| q.verified_by.is_some());
    let mut header = csv_header(n);
    if verified {
        header.push("verified_by".into());
    }
    w.write_record(header)?;
    for q in &quiz.questions {
        let mut row = vec![defused(&q.question, defuse)];
        row.extend((0..n).map(|i| defused(q.options.get(i).map_or("", String::as_str), defuse)));
        row.push(letter(q.answer_index).to_string());
        row.push(defused(&q.explanation, defuse));
        if verified {
            row.push(q.verified_by.clone().unwrap_or_default());
        }
        w.write_record(&row)?;
    }
    let bytes = w.into_inner().context("cannot finish CSV")?;
    Ok(String::from_utf8(bytes)?)
}

/// The UTF-8 byte-order mark CSV files start with.
pub(super) const BOM: &str = "\u{FEFF}";
