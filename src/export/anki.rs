//! Anki's text import: header lines `#separator:tab`, `#html:true` and `#deck:SUBJECT`, then one
//! note a line, `front<TAB>back`. The front shows the stem and the lettered options, the back
//! the right answer and the explanation. Text is HTML-escaped (the fields are HTML), line breaks
//! become `<br>`, tabs spaces.

use super::{Quiz, html_breaks as html, letter, one_line};

pub(super) fn render(quiz: &Quiz) -> String {
    // `::` nests decks in Anki: a subject holding it stays one deck.
    let deck = one_line(&quiz.subject).replace("::", ":");
    let mut s = format!("#separator:tab\n#html:true\n#deck:{deck}\n");
    for q in &quiz.questions {
        let mut front = html(&q.question);
        for (j, o) in q.options.iter().enumerate() {
            front.push_str(&format!("<br>{}. {}", letter(j), html(o)));
        }
        let mut back = format!("{}. {}", letter(q.answer_index), html(q.answer()));
        if !q.explanation.is_empty() {
            back.push_str(&format!("<br><br>{}", html(&q.explanation)));
        }
        s.push_str(&format!("{front}\t{back}\n"));
    }
    s
}
