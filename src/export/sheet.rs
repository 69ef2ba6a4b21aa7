//! A printable sheet in Markdown: numbered questions, then the answer key with explanations.

use super::{Quiz, letter};

pub fn render(quiz: &Quiz) -> String {
    let mut s = format!(
        "# {}\n\nName: ______________________   Date: __________\n\n",
        quiz.subject
    );
    for (i, q) in quiz.questions.iter().enumerate() {
        s.push_str(&format!("{}. {}\n\n", i + 1, q.question));
        for (j, o) in q.options.iter().enumerate() {
            s.push_str(&format!("   {}) {}\n", letter(j), o));
        }
        s.push('\n');
    }
    s.push_str("\n---\n\n## Answer key\n\n");
    for (i, q) in quiz.questions.iter().enumerate() {
        s.push_str(&format!(
            "{}. **{}** {}",
            i + 1,
            letter(q.answer_index),
            q.answer()
        ));
        if !q.explanation.is_empty() {
            s.push_str(&format!(" — {}", q.explanation));
        }
        s.push('\n');
    }
    s
}
