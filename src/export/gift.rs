//! Moodle GIFT: a `$CATEGORY:` line, then `::title::[plain]stem {=right ~wrong ####feedback}`,
//! with GIFT's special characters escaped.
//!
//! `[plain]` because without a marker Moodle renders the text as HTML (`<br>` vanishes,
//! `&amp;` shows as `&`); the answers and the feedback take the question's format.

use super::Quiz;
use super::moodle_xml::category_path;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "~=#{}:\\".contains(c) {
            out.push('\\');
        }
        if c == '\n' || c == '\r' {
            out.push(' ');
            continue;
        }
        out.push(c);
    }
    out
}

pub(super) fn render(quiz: &Quiz) -> String {
    let mut s = format!(
        "// {}\n$CATEGORY: {}\n\n",
        quiz.subject.replace(['\n', '\r'], " "),
        category_path(&quiz.subject)
    );
    for (i, q) in quiz.questions.iter().enumerate() {
        s.push_str(&format!("::Q{}::[plain]{} {{\n", i + 1, esc(&q.question)));
        for (j, o) in q.options.iter().enumerate() {
            let mark = if j == q.answer_index { '=' } else { '~' };
            s.push_str(&format!("  {mark}{}\n", esc(o)));
        }
        if !q.explanation.is_empty() {
            s.push_str(&format!("  ####{}\n", esc(&q.explanation)));
        }
        s.push_str("}\n\n");
    }
    s
}
