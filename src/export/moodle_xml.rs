//! Moodle XML: one `multichoice` question per item, single answer, right option at 100%,
//! the explanation as general feedback, laid out as Moodle's own export writes it.
//!
//! Text goes in CDATA, as Moodle's export writes it: Moodle's reader loses the space between an
//! entity and the non-ASCII text after it (`&quot;chat&quot; évoque`). The category path is
//! `$course$/quizgen/SUBJECT`, a `/` inside the subject doubled (Moodle's escape for a literal
//! slash in a category name). A line break inside a text stays a newline in its CDATA: Moodle
//! shows `plain_text` with its line breaks (`nl2br`).
//!
//! Moodle cleans category names, and question names, as `PARAM_TEXT` (`clean_param`: PHP's
//! `strip_tags`, no entity decoding afterwards), so `Vectors <basics>` would become `Vectors `
//! and `&lt;basics&gt;` would be stored as those eight characters, shown as `<basics>` in some
//! pages and as `&lt;basics&gt;` in others. A subject's `<` and `>` are therefore written as the
//! look-alikes `‹` and `›` (U+2039, U+203A) in those names, which no cleaning touches.

use anyhow::Result;
use quick_xml::Writer;
use quick_xml::events::{BytesCData, BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::Quiz;

type W = Writer<Vec<u8>>;

/// `<text>` holding `text` in CDATA (split where the text itself holds `]]>`).
fn text(w: &mut W, text: &str) -> Result<()> {
    w.write_event(Event::Start(BytesStart::new("text")))?;
    for part in BytesCData::escaped(text) {
        w.write_event(Event::CData(part))?;
    }
    w.write_event(Event::End(BytesEnd::new("text")))?;
    Ok(())
}

fn text_element(w: &mut W, tag: &str, format: Option<&str>, body: &str) -> Result<()> {
    let mut start = BytesStart::new(tag);
    if let Some(f) = format {
        start = start.with_attributes([("format", f)]);
    }
    w.write_event(Event::Start(start))?;
    text(w, body)?;
    w.write_event(Event::End(BytesEnd::new(tag)))?;
    Ok(())
}

fn simple(w: &mut W, tag: &str, value: &str) -> Result<()> {
    w.write_event(Event::Start(BytesStart::new(tag)))?;
    w.write_event(Event::Text(BytesText::new(value)))?;
    w.write_event(Event::End(BytesEnd::new(tag)))?;
    Ok(())
}

/// A subject as a name Moodle keeps whole through its tag stripping: on one line, `<` and `>`
/// as `‹` and `›`.
pub(super) fn moodle_name(subject: &str) -> String {
    super::one_line(subject).replace('<', "‹").replace('>', "›")
}

/// Moodle's category path for a subject: a literal `/` in a name is written `//`.
pub(super) fn category_path(subject: &str) -> String {
    format!(
        "$course$/quizgen/{}",
        moodle_name(subject).replace('/', "//")
    )
}

pub(super) fn render(quiz: &Quiz) -> Result<String> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.write_event(Event::Start(BytesStart::new("quiz")))?;
    w.write_event(Event::Start(
        BytesStart::new("question").with_attributes([("type", "category")]),
    ))?;
    text_element(&mut w, "category", None, &category_path(&quiz.subject))?;
    w.write_event(Event::End(BytesEnd::new("question")))?;
    for (i, q) in quiz.questions.iter().enumerate() {
        w.write_event(Event::Start(
            BytesStart::new("question").with_attributes([("type", "multichoice")]),
        ))?;
        let name = format!("{} {}", moodle_name(&quiz.subject), i + 1);
        text_element(&mut w, "name", None, &name)?;
        text_element(&mut w, "questiontext", Some("plain_text"), &q.question)?;
        text_element(
            &mut w,
            "generalfeedback",
            Some("plain_text"),
            &q.explanation,
        )?;
        simple(&mut w, "defaultgrade", "1.0000000")?;
        simple(&mut w, "penalty", "0.3333333")?;
        simple(&mut w, "hidden", "0")?;
        simple(&mut w, "single", "true")?;
        simple(&mut w, "shuffleanswers", "false")?;
        simple(&mut w, "answernumbering", "ABCD")?;
        for (j, o) in q.options.iter().enumerate() {
            let fraction = if j == q.answer_index { "100" } else { "0" };
            let start = BytesStart::new("answer")
                .with_attributes([("fraction", fraction), ("format", "plain_text")]);
            w.write_event(Event::Start(start))?;
            text(&mut w, o)?;
            text_element(&mut w, "feedback", Some("plain_text"), "")?;
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
    fn text_in_cdata_and_the_right_answer_marked() {
        let quiz = one_question_quiz(
            "maths/physics",
            "Is 1 < 2 & 3 > 2? ]]> stays",
            &["yes", "no <never>"],
            0,
            "Order of \"numbers\".",
        );
        let xml = render(&quiz).unwrap();
        assert!(
            xml.contains("<![CDATA[Is 1 < 2 & 3 > 2? ]]]]><![CDATA[> stays]]>"),
            "{xml}"
        );
        assert!(
            xml.contains("<answer fraction=\"100\" format=\"plain_text\">\n      <text><![CDATA[yes]]></text>"),
            "{xml}"
        );
        assert!(xml.contains("$course$/quizgen/maths//physics"), "{xml}");
        let quiz = one_question_quiz("Vectors <basics>", "Which?\nThis one.", &["a", "b"], 0, "");
        let xml = render(&quiz).unwrap();
        assert!(
            xml.contains("<![CDATA[$course$/quizgen/Vectors ‹basics›]]>"),
            "{xml}"
        );
        assert!(xml.contains("<![CDATA[Vectors ‹basics› 1]]>"), "{xml}");
        assert!(xml.contains("<![CDATA[Which?\nThis one.]]>"), "{xml}");
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    }
}
