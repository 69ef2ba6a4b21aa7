//! IMS QTI 2.1 content package, for LMSs other than Canvas: a zip of `imsmanifest.xml`, one
//! `assessmentItem` file per question (`choiceInteraction` of `simpleChoice`s, the right one in
//! `responseDeclaration/correctResponse`, scored by the standard `match_correct` template) and
//! an `assessmentTest` listing them in order. Manifest resources are `imsqti_item_xmlv2p1` and
//! `imsqti_test_xmlv2p1`.
//!
//! The explanation is the item's feedback, the way QTI 2.1 gives it: an outcome `FEEDBACK`
//! (identifier), response processing that scores as `match_correct` does and then sets
//! `FEEDBACK` to `EXPLANATION` whatever the answer, and a `modalFeedback` with
//! `outcomeIdentifier="FEEDBACK"`, `identifier="EXPLANATION"`, `showHide="show"` holding the text,
//! shown once the candidate has answered. An item without an explanation keeps the standard
//! `match_correct` template. A line break inside a text is a `<br/>` (QTI's XHTML-like content).

use std::io::Write;

use anyhow::Result;
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

use super::Quiz;
use super::xml::{W, close, empty, leaf, leaf_lines, open, writer};
use crate::mcq::Mcq;

const QTI_NS: &str = "http://www.imsglobal.org/xsd/imsqti_v2p1";
const QTI_XSD: &str = "http://www.imsglobal.org/xsd/imsqti_v2p1 http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd";
const XSI: &str = "http://www.w3.org/2001/XMLSchema-instance";

/// The `modalFeedback` identifier `FEEDBACK` is set to.
const FEEDBACK_ID: &str = "EXPLANATION";

/// `<setOutcomeValue identifier=ID><baseValue baseType=TYPE>VALUE</baseValue></setOutcomeValue>`.
fn set_outcome(w: &mut W, id: &str, base_type: &str, value: &str) -> Result<()> {
    open(w, "setOutcomeValue", &[("identifier", id)])?;
    leaf(w, "baseValue", &[("baseType", base_type)], value)?;
    close(w, "setOutcomeValue")
}

/// `match_correct`'s rules written out (SCORE 1 for the right choice, else 0), then `FEEDBACK`
/// set so the explanation shows whatever the answer.
fn scoring_with_feedback(w: &mut W) -> Result<()> {
    open(w, "responseProcessing", &[])?;
    open(w, "responseCondition", &[])?;
    open(w, "responseIf", &[])?;
    open(w, "match", &[])?;
    empty(w, "variable", &[("identifier", "RESPONSE")])?;
    empty(w, "correct", &[("identifier", "RESPONSE")])?;
    close(w, "match")?;
    set_outcome(w, "SCORE", "float", "1")?;
    close(w, "responseIf")?;
    open(w, "responseElse", &[])?;
    set_outcome(w, "SCORE", "float", "0")?;
    close(w, "responseElse")?;
    close(w, "responseCondition")?;
    set_outcome(w, "FEEDBACK", "identifier", FEEDBACK_ID)?;
    close(w, "responseProcessing")
}

/// One question as an `assessmentItem`.
fn item(q: &Mcq, ident: &str, title: &str) -> Result<String> {
    let mut w = writer()?;
    open(
        &mut w,
        "assessmentItem",
        &[
            ("xmlns", QTI_NS),
            ("xmlns:xsi", XSI),
            ("xsi:schemaLocation", QTI_XSD),
            ("identifier", ident),
            ("title", title),
            ("adaptive", "false"),
            ("timeDependent", "false"),
        ],
    )?;
    open(
        &mut w,
        "responseDeclaration",
        &[
            ("identifier", "RESPONSE"),
            ("cardinality", "single"),
            ("baseType", "identifier"),
        ],
    )?;
    open(&mut w, "correctResponse", &[])?;
    leaf(&mut w, "value", &[], &format!("C{}", q.answer_index + 1))?;
    close(&mut w, "correctResponse")?;
    close(&mut w, "responseDeclaration")?;
    open(
        &mut w,
        "outcomeDeclaration",
        &[
            ("identifier", "SCORE"),
            ("cardinality", "single"),
            ("baseType", "float"),
        ],
    )?;
    open(&mut w, "defaultValue", &[])?;
    leaf(&mut w, "value", &[], "0")?;
    close(&mut w, "defaultValue")?;
    close(&mut w, "outcomeDeclaration")?;
    let feedback = !q.explanation.is_empty();
    if feedback {
        empty(
            &mut w,
            "outcomeDeclaration",
            &[
                ("identifier", "FEEDBACK"),
                ("cardinality", "single"),
                ("baseType", "identifier"),
            ],
        )?;
    }
    open(&mut w, "itemBody", &[])?;
    open(
        &mut w,
        "choiceInteraction",
        &[
            ("responseIdentifier", "RESPONSE"),
            ("shuffle", "false"),
            ("maxChoices", "1"),
        ],
    )?;
    leaf_lines(&mut w, "prompt", &[], &q.question)?;
    for (j, o) in q.options.iter().enumerate() {
        leaf_lines(
            &mut w,
            "simpleChoice",
            &[("identifier", &format!("C{}", j + 1))],
            o,
        )?;
    }
    close(&mut w, "choiceInteraction")?;
    close(&mut w, "itemBody")?;
    if feedback {
        scoring_with_feedback(&mut w)?;
        leaf_lines(
            &mut w,
            "modalFeedback",
            &[
                ("outcomeIdentifier", "FEEDBACK"),
                ("identifier", FEEDBACK_ID),
                ("showHide", "show"),
            ],
            &q.explanation,
        )?;
    } else {
        empty(
            &mut w,
            "responseProcessing",
            &[(
                "template",
                "http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct",
            )],
        )?;
    }
    close(&mut w, "assessmentItem")?;
    Ok(String::from_utf8(w.into_inner())?)
}

/// The `assessmentTest` holding the items in order.
fn test(quiz: &Quiz, ident: &str, items: &[(String, String)]) -> Result<String> {
    let mut w = writer()?;
    open(
        &mut w,
        "assessmentTest",
        &[
            ("xmlns", QTI_NS),
            ("xmlns:xsi", XSI),
            ("xsi:schemaLocation", QTI_XSD),
            ("identifier", ident),
            ("title", &quiz.subject),
        ],
    )?;
    open(
        &mut w,
        "testPart",
        &[
            ("identifier", "part1"),
            ("navigationMode", "linear"),
            ("submissionMode", "individual"),
        ],
    )?;
    open(
        &mut w,
        "assessmentSection",
        &[
            ("identifier", "section1"),
            ("title", &quiz.subject),
            ("visible", "true"),
        ],
    )?;
    for (id, href) in items {
        // The test lives at the package root, beside `items/`.
        empty(
            &mut w,
            "assessmentItemRef",
            &[("identifier", id), ("href", href)],
        )?;
    }
    close(&mut w, "assessmentSection")?;
    close(&mut w, "testPart")?;
    close(&mut w, "assessmentTest")?;
    Ok(String::from_utf8(w.into_inner())?)
}

fn manifest(ident: &str, test_href: &str, items: &[(String, String)]) -> Result<String> {
    let mut w = writer()?;
    open(
        &mut w,
        "manifest",
        &[
            ("xmlns", "http://www.imsglobal.org/xsd/imscp_v1p1"),
            ("identifier", &format!("{ident}_manifest")),
        ],
    )?;
    open(&mut w, "metadata", &[])?;
    leaf(&mut w, "schema", &[], "QTIv2.1 Package")?;
    leaf(&mut w, "schemaversion", &[], "1.0.0")?;
    close(&mut w, "metadata")?;
    empty(&mut w, "organizations", &[])?;
    open(&mut w, "resources", &[])?;
    open(
        &mut w,
        "resource",
        &[
            ("identifier", ident),
            ("type", "imsqti_test_xmlv2p1"),
            ("href", test_href),
        ],
    )?;
    empty(&mut w, "file", &[("href", test_href)])?;
    for (id, _) in items {
        empty(&mut w, "dependency", &[("identifierref", id)])?;
    }
    close(&mut w, "resource")?;
    for (id, href) in items {
        open(
            &mut w,
            "resource",
            &[
                ("identifier", id),
                ("type", "imsqti_item_xmlv2p1"),
                ("href", href),
            ],
        )?;
        empty(&mut w, "file", &[("href", href)])?;
        close(&mut w, "resource")?;
    }
    close(&mut w, "resources")?;
    close(&mut w, "manifest")?;
    Ok(String::from_utf8(w.into_inner())?)
}

/// The zip package.
pub(super) fn render(quiz: &Quiz) -> Result<Vec<u8>> {
    let ident = super::xml::package_ident(quiz);
    let items: Vec<(String, String)> = (1..=quiz.questions.len())
        .map(|i| {
            let id = format!("{ident}_q{i}");
            let href = format!("items/{id}.xml");
            (id, href)
        })
        .collect();
    let test_href = format!("{ident}.xml");
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("imsmanifest.xml", options)?;
    zip.write_all(manifest(&ident, &test_href, &items)?.as_bytes())?;
    zip.start_file(test_href.as_str(), options)?;
    zip.write_all(test(quiz, &ident, &items)?.as_bytes())?;
    for (i, (q, (id, href))) in quiz.questions.iter().zip(&items).enumerate() {
        zip.start_file(href.as_str(), options)?;
        zip.write_all(item(q, id, &format!("Question {}", i + 1))?.as_bytes())?;
    }
    Ok(zip.finish()?.into_inner())
}
