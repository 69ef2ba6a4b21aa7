//! Moodle XML: one `multichoice` question per item, single answer, right option at 100%,
//! the explanation as general feedback. Text is escaped by quick-xml.

use anyhow::Result;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::Quiz;

type W = Writer<Vec<u8>>;

fn text_element(w: &mut W, tag: &str, format: Option<&str>, text: &str) -> Result<()> {
    let mut start = BytesStart::new(tag);
    if let Some(f) = format {
        start = start.with_attributes([("format", f)]);
    }
    w.write_event(Event::Start(start))?;
    w.write_event(Event::Start(BytesStart::new("text")))?;
    w.write_event(Event::Text(BytesText::new(text)))?;
    w.write_event(Event::End(BytesEnd::new("text")))?;
    w.write_event(Event::End(BytesEnd::new(tag)))?;
    Ok(())
}

fn simple(w: &mut W, tag: &str, value: &str) -> Result<()> {
    w.write_event(Event::Start(BytesStart::new(tag)))?;
    w.write_event(Event::Text(BytesText::new(value)))?;
    w.write_event(Event::End(BytesEnd::new(tag)))?;
    Ok(())
}

pub fn render(quiz: &Quiz) -> Result<String> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(BytesStart::new("quiz")))?;
    w.write_event(Event::Start(
        BytesStart::new("question").with_attributes([("type", "category")]),
    ))?;
    text_element(
        &mut w,
        "category",
        None,
        &format!("$course$/quizgen/{}", quiz.subject),
    )?;
    w.write_event(Event::End(BytesEnd::new("question")))?;
    for (i, q) in quiz.questions.iter().enumerate() {
        w.write_event(Event::Start(
            BytesStart::new("question").with_attributes([("type", "multichoice")]),
        ))?;
        text_element(&mut w, "name", None, &format!("{} {}", quiz.subject, i + 1))?;
        text_element(&mut w, "questiontext", Some("plain_text"), &q.question)?;
        text_element(
            &mut w,
            "generalfeedback",
            Some("plain_text"),
            &q.explanation,
        )?;
        simple(&mut w, "single", "true")?;
        simple(&mut w, "shuffleanswers", "false")?;
        simple(&mut w, "answernumbering", "ABCD")?;
        for (j, o) in q.options.iter().enumerate() {
            let fraction = if j == q.answer_index { "100" } else { "0" };
            let start = BytesStart::new("answer")
                .with_attributes([("fraction", fraction), ("format", "plain_text")]);
            w.write_event(Event::Start(start))?;
            simple(&mut w, "text", o)?;
            w.write_event(Event::End(BytesEnd::new("answer")))?;
        }
        w.write_event(Event::End(BytesEnd::new("question")))?;
    }
    w.write_event(Event::End(BytesEnd::new("quiz")))?;
    let mut s = String::from_utf8(w.into_inner())?;
    s.push('\n');
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::one_question_quiz;

    #[test]
    fn escapes_and_marks_the_right_answer() {
        let quiz = one_question_quiz(
            "maths",
            "Is 1 < 2 & 3 > 2?",
            &["yes", "no <never>"],
            0,
            "Order of \"numbers\".",
        );
        let xml = render(&quiz).unwrap();
        assert!(xml.contains("Is 1 &lt; 2 &amp; 3 &gt; 2?"), "{xml}");
        assert!(
            xml.contains("<answer fraction=\"100\" format=\"plain_text\">\n      <text>yes</text>"),
            "{xml}"
        );
        assert!(xml.contains("no &lt;never&gt;"));
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    }
}
