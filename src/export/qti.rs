//! Canvas QTI 1.2: a zip holding `imsmanifest.xml`, one assessment of single-answer
//! `multiple_choice_question` items (the explanation as general feedback), and
//! `IDENT/assessment_meta.xml` with Canvas's quiz settings (title, points, no answer shuffling:
//! the positions were balanced, and the other formats of the quiz keep them): the layout
//! Canvas's own export writes and its "QTI .zip file" import reads.

use std::io::Write;

use anyhow::Result;
use zip::CompressionMethod;
use zip::write::SimpleFileOptions;

use super::Quiz;
use super::xml::{W, close, empty, leaf, open, writer};

/// A text as `mattext`: plain text, or, when it holds a line break, HTML (escaped, each break a
/// `<br>`), which Canvas shows as written with its line breaks.
fn material(w: &mut W, text: &str) -> Result<()> {
    open(w, "material", &[])?;
    if text.contains(['\n', '\r']) {
        leaf(
            w,
            "mattext",
            &[("texttype", "text/html")],
            &super::html_breaks(text),
        )?;
    } else {
        leaf(w, "mattext", &[("texttype", "text/plain")], text)?;
    }
    close(w, "material")
}

fn metadata_field(w: &mut W, label: &str, entry: &str) -> Result<()> {
    open(w, "qtimetadatafield", &[])?;
    leaf(w, "fieldlabel", &[], label)?;
    leaf(w, "fieldentry", &[], entry)?;
    close(w, "qtimetadatafield")
}

/// The assessment XML.
pub(super) fn assessment(quiz: &Quiz, ident: &str) -> Result<String> {
    let mut w = writer()?;
    open(
        &mut w,
        "questestinterop",
        &[("xmlns", "http://www.imsglobal.org/xsd/ims_qtiasiv1p2")],
    )?;
    open(
        &mut w,
        "assessment",
        &[("ident", ident), ("title", &quiz.subject)],
    )?;
    open(&mut w, "section", &[("ident", "root_section")])?;
    for (i, q) in quiz.questions.iter().enumerate() {
        let item = format!("{ident}_q{}", i + 1);
        open(
            &mut w,
            "item",
            &[("ident", &item), ("title", &format!("Question {}", i + 1))],
        )?;
        open(&mut w, "itemmetadata", &[])?;
        open(&mut w, "qtimetadata", &[])?;
        metadata_field(&mut w, "question_type", "multiple_choice_question")?;
        metadata_field(&mut w, "points_possible", "1")?;
        close(&mut w, "qtimetadata")?;
        close(&mut w, "itemmetadata")?;
        open(&mut w, "presentation", &[])?;
        material(&mut w, &q.question)?;
        open(
            &mut w,
            "response_lid",
            &[("ident", "response1"), ("rcardinality", "Single")],
        )?;
        open(&mut w, "render_choice", &[])?;
        for (j, o) in q.options.iter().enumerate() {
            open(
                &mut w,
                "response_label",
                &[("ident", &format!("{item}_a{j}"))],
            )?;
            material(&mut w, o)?;
            close(&mut w, "response_label")?;
        }
        close(&mut w, "render_choice")?;
        close(&mut w, "response_lid")?;
        close(&mut w, "presentation")?;
        open(&mut w, "resprocessing", &[])?;
        open(&mut w, "outcomes", &[])?;
        empty(
            &mut w,
            "decvar",
            &[
                ("maxvalue", "100"),
                ("minvalue", "0"),
                ("varname", "SCORE"),
                ("vartype", "Decimal"),
            ],
        )?;
        close(&mut w, "outcomes")?;
        if !q.explanation.is_empty() {
            open(&mut w, "respcondition", &[("continue", "Yes")])?;
            open(&mut w, "conditionvar", &[])?;
            empty(&mut w, "other", &[])?;
            close(&mut w, "conditionvar")?;
            empty(
                &mut w,
                "displayfeedback",
                &[("feedbacktype", "Response"), ("linkrefid", "general_fb")],
            )?;
            close(&mut w, "respcondition")?;
        }
        open(&mut w, "respcondition", &[("continue", "No")])?;
        open(&mut w, "conditionvar", &[])?;
        leaf(
            &mut w,
            "varequal",
            &[("respident", "response1")],
            &format!("{item}_a{}", q.answer_index),
        )?;
        close(&mut w, "conditionvar")?;
        leaf(
            &mut w,
            "setvar",
            &[("action", "Set"), ("varname", "SCORE")],
            "100",
        )?;
        close(&mut w, "respcondition")?;
        close(&mut w, "resprocessing")?;
        if !q.explanation.is_empty() {
            open(&mut w, "itemfeedback", &[("ident", "general_fb")])?;
            open(&mut w, "flow_mat", &[])?;
            material(&mut w, &q.explanation)?;
            close(&mut w, "flow_mat")?;
            close(&mut w, "itemfeedback")?;
        }
        close(&mut w, "item")?;
    }
    close(&mut w, "section")?;
    close(&mut w, "assessment")?;
    close(&mut w, "questestinterop")?;
    Ok(String::from_utf8(w.into_inner())?)
}

/// The package manifest naming the assessment.
fn manifest(ident: &str) -> Result<String> {
    let mut w = writer()?;
    open(
        &mut w,
        "manifest",
        &[
            ("identifier", &format!("{ident}_manifest")),
            ("xmlns", "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"),
        ],
    )?;
    open(&mut w, "metadata", &[])?;
    leaf(&mut w, "schema", &[], "IMS Content")?;
    leaf(&mut w, "schemaversion", &[], "1.1.3")?;
    close(&mut w, "metadata")?;
    empty(&mut w, "organizations", &[])?;
    open(&mut w, "resources", &[])?;
    let href = format!("{ident}/{ident}.xml");
    open(
        &mut w,
        "resource",
        &[("identifier", ident), ("type", "imsqti_xmlv1p2")],
    )?;
    empty(&mut w, "file", &[("href", &href)])?;
    empty(
        &mut w,
        "dependency",
        &[("identifierref", &format!("{ident}_meta"))],
    )?;
    close(&mut w, "resource")?;
    let meta = format!("{ident}/assessment_meta.xml");
    open(
        &mut w,
        "resource",
        &[
            ("identifier", &format!("{ident}_meta")),
            (
                "type",
                "associatedcontent/imscc_xmlv1p1/learning-application-resource",
            ),
            ("href", &meta),
        ],
    )?;
    empty(&mut w, "file", &[("href", &meta)])?;
    close(&mut w, "resource")?;
    close(&mut w, "resources")?;
    close(&mut w, "manifest")?;
    Ok(String::from_utf8(w.into_inner())?)
}

/// Canvas's quiz settings, as its own export writes them.
fn assessment_meta(quiz: &Quiz, ident: &str) -> Result<String> {
    let mut w = writer()?;
    open(
        &mut w,
        "quiz",
        &[
            ("identifier", ident),
            ("xmlns", "http://canvas.instructure.com/xsd/cccv1p0"),
        ],
    )?;
    let points = quiz.questions.len().to_string();
    for (tag, value) in [
        ("title", quiz.subject.as_str()),
        ("description", ""),
        ("shuffle_answers", "false"),
        ("scoring_policy", "keep_highest"),
        ("quiz_type", "assignment"),
        ("points_possible", points.as_str()),
        ("show_correct_answers", "true"),
        ("allowed_attempts", "1"),
        ("one_question_at_a_time", "false"),
        ("cant_go_back", "false"),
        ("available", "false"),
    ] {
        leaf(&mut w, tag, &[], value)?;
    }
    close(&mut w, "quiz")?;
    Ok(String::from_utf8(w.into_inner())?)
}

/// The zip package.
pub(super) fn render(quiz: &Quiz) -> Result<Vec<u8>> {
    let ident = super::xml::package_ident(quiz);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("imsmanifest.xml", options)?;
    zip.write_all(manifest(&ident)?.as_bytes())?;
    zip.start_file(format!("{ident}/{ident}.xml"), options)?;
    zip.write_all(assessment(quiz, &ident)?.as_bytes())?;
    zip.start_file(format!("{ident}/assessment_meta.xml"), options)?;
    zip.write_all(assessment_meta(quiz, &ident)?.as_bytes())?;
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::one_question_quiz;
    use std::io::Read;

    #[test]
    fn package_holds_manifest_and_assessment_with_the_right_answer() {
        let quiz = one_question_quiz(
            "Tides & moons",
            "What causes <tides>?",
            &["Wind", "The Moon", "Salt", "Fish"],
            1,
            "Gravity.",
        );
        let bytes = render(&quiz).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let names: Vec<String> = archive
            .file_names()
            .map(|n| n.unwrap().into_owned())
            .collect();
        assert!(names.contains(&"imsmanifest.xml".to_owned()), "{names:?}");
        let assessment_name = names
            .iter()
            .find(|n| n.ends_with(".xml") && n.contains('/') && !n.ends_with("_meta.xml"))
            .unwrap()
            .clone();
        let mut manifest = String::new();
        archive
            .by_name("imsmanifest.xml")
            .unwrap()
            .read_to_string(&mut manifest)
            .unwrap();
        assert!(manifest.contains(&format!("href=\"{assessment_name}\"")));
        let mut xml = String::new();
        archive
            .by_name(&assessment_name)
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        assert!(xml.contains("title=\"Tides &amp; moons\""));
        assert!(xml.contains("What causes &lt;tides&gt;?"));
        let item = assessment_name
            .trim_end_matches(".xml")
            .rsplit('/')
            .next()
            .unwrap()
            .to_owned()
            + "_q1";
        assert!(
            xml.contains(&format!(
                "<varequal respident=\"response1\">{item}_a1</varequal>"
            )),
            "{xml}"
        );
        assert!(xml.contains("multiple_choice_question"));
    }
}
