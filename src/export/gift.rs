//! Moodle GIFT: `::title:: stem {=right ~wrong ...}`, with GIFT's special characters escaped.

use super::Quiz;

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "~=#{}:\\".contains(c) {
            out.push('\\');
        }
        if c == '\n' {
            out.push(' ');
            continue;
        }
        out.push(c);
    }
    out
}

pub fn render(quiz: &Quiz) -> String {
    let mut s = format!("// {}\n\n", quiz.subject.replace('\n', " "));
    for (i, q) in quiz.questions.iter().enumerate() {
        s.push_str(&format!("::Q{}:: {} {{\n", i + 1, esc(&q.question)));
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
