//! Moodle GIFT: a `$CATEGORY:` line, then `::title::[plain]stem {=right ~wrong ####feedback}`,
//! with GIFT's special characters escaped.
//!
//! `[plain]` because without a marker Moodle renders the text as HTML (`<br>` vanishes,
//! `&amp;` shows as `&`); the answers and the feedback take the question's format. A line break
//! inside a text is GIFT's escaped newline `\n`, which Moodle's reader turns back into a line
//! break (and plain text shows it as one).

use super::moodle_xml::category_path;
use super::{Quiz, one_line};

fn esc(s: &str) -> String {
    super::with_breaks(
        s,
        |line| {
            let mut out = String::with_capacity(line.len());
            for c in line.chars() {
                if "~=#{}:\\".contains(c) {
                    out.push('\\');
                }
                out.push(c);
            }
            out
        },
        "\\n",
    )
}

pub(super) fn render(quiz: &Quiz) -> String {
    let mut s = format!(
        "// {}\n$CATEGORY: {}\n\n",
        one_line(&quiz.subject),
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
