//! Small helpers over quick-xml's writer, shared by the XML formats (QTI 1.2 and 2.1).

use anyhow::Result;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

pub(super) type W = Writer<Vec<u8>>;

/// A writer with the XML declaration written, indenting by two spaces.
pub(super) fn writer() -> Result<W> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    Ok(w)
}

pub(super) fn open(w: &mut W, tag: &str, attrs: &[(&str, &str)]) -> Result<()> {
    w.write_event(Event::Start(
        BytesStart::new(tag).with_attributes(attrs.iter().copied()),
    ))?;
    Ok(())
}

pub(super) fn close(w: &mut W, tag: &str) -> Result<()> {
    w.write_event(Event::End(BytesEnd::new(tag)))?;
    Ok(())
}

/// `<tag attrs>text</tag>`, the text escaped.
pub(super) fn leaf(w: &mut W, tag: &str, attrs: &[(&str, &str)], text: &str) -> Result<()> {
    open(w, tag, attrs)?;
    w.write_event(Event::Text(BytesText::new(text)))?;
    close(w, tag)
}

/// `<tag attrs>text</tag>`, the text escaped and each line break an empty `<br/>` element in
/// the document's namespace (QTI 2.1's XHTML-like content has one).
pub(super) fn leaf_lines(w: &mut W, tag: &str, attrs: &[(&str, &str)], text: &str) -> Result<()> {
    let body = super::with_breaks(text, |l| quick_xml::escape::escape(l).into_owned(), "<br/>");
    open(w, tag, attrs)?;
    w.write_event(Event::Text(BytesText::from_escaped(body)))?;
    close(w, tag)
}

pub(super) fn empty(w: &mut W, tag: &str, attrs: &[(&str, &str)]) -> Result<()> {
    w.write_event(Event::Empty(
        BytesStart::new(tag).with_attributes(attrs.iter().copied()),
    ))?;
    Ok(())
}

/// A package's identifier from its subject and its questions' ids: the same quiz gives the same
/// package.
pub(super) fn package_ident(quiz: &super::Quiz) -> String {
    let ids: String = quiz
        .questions
        .iter()
        .filter_map(|q| q.id.as_deref())
        .collect();
    format!(
        "quizgen_{}",
        crate::redact::fingerprint(&format!("{}{ids}", quiz.subject))
    )
}
