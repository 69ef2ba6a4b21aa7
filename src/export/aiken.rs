//! Aiken: stem, `A. option` lines, `ANSWER: X`, a blank line. One line per field, so line
//! breaks inside a field become spaces.
//!
//! Moodle's reader takes any line matching `^[A-Z][).][ \t]?` as an option, and a line starting
//! `ANSWER:` as the key, wherever it stands: a stem starting so ("E. coli …", "U.S. …") would
//! make Moodle refuse the whole file. Such a question cannot be written as it is; it is left out
//! (`carries`), never reworded.

use super::{Quiz, letter, one_line};
use crate::mcq::Mcq;

/// Whether a line reads as an option line or an answer line to Moodle's Aiken reader.
fn reads_as_option_or_key(line: &str) -> bool {
    let b = line.trim_start().as_bytes();
    (b.len() >= 2 && b[0].is_ascii_uppercase() && matches!(b[1], b'.' | b')'))
        || line.trim_start().starts_with("ANSWER:")
}

/// Aiken cannot carry a stem that Moodle would read as an option or an answer line, nor more
/// options than letters.
pub(super) fn carries(q: &Mcq) -> Result<(), String> {
    if reads_as_option_or_key(&one_line(&q.question)) {
        return Err(
            "Aiken: the stem starts like an option line (a capital and \".\" or \")\"), which Moodle would misread; use gift or moodle-xml".into(),
        );
    }
    if q.options.len() > 26 {
        return Err("Aiken: more than 26 options".into());
    }
    Ok(())
}

pub(super) fn render(quiz: &Quiz) -> String {
    let mut s = String::new();
    for q in &quiz.questions {
        s.push_str(&one_line(&q.question));
        s.push('\n');
        for (j, o) in q.options.iter().enumerate() {
            s.push_str(&format!("{}. {}\n", letter(j), one_line(o)));
        }
        s.push_str(&format!("ANSWER: {}\n\n", letter(q.answer_index)));
    }
    s
}
