//! Aiken: stem, `A. option` lines, `ANSWER: X`, a blank line. One line per field, so line
//! breaks inside a field become spaces.

use super::{Quiz, letter};

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub fn render(quiz: &Quiz) -> String {
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
