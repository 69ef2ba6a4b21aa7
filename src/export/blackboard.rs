//! Blackboard's "Upload Questions" file: tab-separated text, no header, one question a line:
//! `MC`, the question, then each answer followed by `correct` or `incorrect`. A field holds no
//! tab or line break (they become spaces); a file holds at most 500 questions (`carries_count`).

use super::{Quiz, one_line};

/// Most questions Blackboard's upload takes from one file.
pub(super) const MAX_QUESTIONS: usize = 500;

pub(super) fn render(quiz: &Quiz) -> String {
    let mut s = String::new();
    for q in &quiz.questions {
        s.push_str("MC\t");
        s.push_str(&one_line(&q.question));
        for (j, o) in q.options.iter().enumerate() {
            let mark = if j == q.answer_index {
                "correct"
            } else {
                "incorrect"
            };
            s.push_str(&format!("\t{}\t{mark}", one_line(o)));
        }
        s.push('\n');
    }
    s
}
