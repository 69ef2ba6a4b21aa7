//! CSV: `question,option_a,…,answer,explanation`, the answer as a letter, RFC 4180 (quoting,
//! CRLF record ends), UTF-8 with a byte-order mark: without it Excel on Windows reads the file
//! as the local code page and mangles é and 中文. Readers that know UTF-8 skip the mark.

use anyhow::{Context, Result};

use super::{Quiz, letter};
use crate::mcq::Mcq;

pub fn csv_header(n_options: usize) -> Vec<String> {
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
pub fn render(quiz: &Quiz, defuse: bool) -> Result<String> {
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
pub const BOM: &str = "\u{FEFF}";

/// Reads a quiz CSV written by `render` (used by tests and `bank import`).
pub fn read_csv(text: &str) -> Result<Vec<Mcq>> {
    let text = text.strip_prefix(BOM).unwrap_or(text);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let headers = r.headers()?.clone();
    let n = headers.iter().filter(|h| h.starts_with("option_")).count();
    let mut out = Vec::new();
    for rec in r.records() {
        let rec = rec?;
        let options: Vec<String> = (0..n)
            .map(|i| rec.get(1 + i).unwrap_or("").to_owned())
            .filter(|o| !o.is_empty())
            .collect();
        let ans = rec.get(1 + n).unwrap_or("A").chars().next().unwrap_or('A');
        out.push(Mcq {
            question: rec.get(0).unwrap_or("").to_owned(),
            options,
            answer_index: (ans.to_ascii_uppercase() as usize).saturating_sub('A' as usize),
            explanation: rec.get(2 + n).unwrap_or("").to_owned(),
            difficulty: None,
            source: None,
            id: None,
            verified_by: None,
        });
    }
    Ok(out)
}
