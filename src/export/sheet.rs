//! A printable sheet in Markdown: numbered questions, then the answer key with explanations.
//!
//! Text is shown as written, never interpreted: Markdown's and HTML's active characters are
//! backslash-escaped (CommonMark lets any ASCII punctuation be), so "the tag <br>" prints as
//! itself, and line breaks inside a field become spaces (a new line could start a list).

use super::{Quiz, letter, one_line};

/// `s` as Markdown that displays exactly `s` (on one line).
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in one_line(s).chars() {
        if "\\`*_[]<>&#|~{}!".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub(super) fn render(quiz: &Quiz) -> String {
    let mut s = format!(
        "# {}\n\nName: ______________________   Date: __________\n\n",
        md(&quiz.subject)
    );
    for (i, q) in quiz.questions.iter().enumerate() {
        s.push_str(&format!("{}. {}\n\n", i + 1, md(&q.question)));
        for (j, o) in q.options.iter().enumerate() {
            // Two trailing spaces: a hard line break, one option a line when rendered.
            s.push_str(&format!("   {}) {}  \n", letter(j), md(o)));
        }
        s.push('\n');
    }
    s.push_str("\n---\n\n## Answer key\n\n");
    for (i, q) in quiz.questions.iter().enumerate() {
        s.push_str(&format!(
            "{}. **{}** {}",
            i + 1,
            letter(q.answer_index),
            md(q.answer())
        ));
        if !q.explanation.is_empty() {
            s.push_str(&format!(" — {}", md(&q.explanation)));
        }
        s.push('\n');
    }
    s
}
