//! Output formats, one file each, and the atomic write that puts a quiz on disk or stdout.

mod aiken;
mod anki;
mod blackboard;
mod blooket;
mod brightspace;
mod csv;
mod gift;
mod gimkit;
mod html;
mod json;
mod kahoot;
mod moodle_xml;
mod qti;
mod qti21;
mod sheet;
mod target;
mod wayground;
mod xml;

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::mcq::{Mcq, Rules};

pub(crate) use self::target::{Buffer, Guard, Target};

/// Choices about how a quiz is written that are not the format itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RenderOptions {
    /// Write CSV cells exactly as they are, even those a spreadsheet would run as formulas.
    pub csv_raw: bool,
}

/// A quiz as written: the JSON output contract.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Quiz {
    pub subject: String,
    pub questions: Vec<Mcq>,
}

/// Every format quizgen writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// {"subject", "questions": [...]} (the default)
    Json,
    /// `question,option_a..,answer,explanation` (RFC 4180)
    Csv,
    /// Moodle GIFT
    Gift,
    /// Aiken (Moodle import; letters A.., ANSWER: X)
    Aiken,
    /// Moodle XML (multichoice questions in a category named after the subject)
    MoodleXml,
    /// Canvas QTI 1.2 package (a .zip for Canvas's "QTI .zip file" import)
    Qti,
    /// Kahoot! import spreadsheet (.xlsx; at most 4 options, 120/75-character limits)
    Kahoot,
    /// A printable sheet in Markdown, with the answer key at the end
    Sheet,
    /// A printable page (one self-contained HTML file), the answer key on its own page
    Html,
    /// Blooket CSV import template (at most 4 answers)
    Blooket,
    /// Gimkit CSV import template (at most 4 answers)
    Gimkit,
    /// Wayground (formerly Quizizz) spreadsheet import (.xlsx; at most 5 options)
    Wayground,
    /// Blackboard "Upload Questions" tab-separated text (at most 500 questions a file)
    Blackboard,
    /// D2L Brightspace question CSV
    Brightspace,
    /// Anki text import (front: stem and options; back: answer and explanation)
    Anki,
    /// IMS QTI 2.1 content package (a .zip for LMSs other than Canvas)
    Qti21,
}

impl Format {
    pub fn render(self, quiz: &Quiz) -> Result<Vec<u8>> {
        self.render_with(quiz, RenderOptions::default())
    }

    /// Renders a quiz. Characters no file format may hold (C0 controls other than tab and
    /// newline, and XML's forbidden code points) are removed first, so every XML, QTI and
    /// XLSX file is valid whatever the text held.
    pub fn render_with(self, quiz: &Quiz, opts: RenderOptions) -> Result<Vec<u8>> {
        let quiz = &writable(quiz);
        let text = match self {
            Format::Json => json::render(quiz)?,
            Format::Csv => csv::render(quiz, !opts.csv_raw)?,
            Format::Gift => gift::render(quiz),
            Format::Aiken => aiken::render(quiz),
            Format::MoodleXml => moodle_xml::render(quiz)?,
            Format::Sheet => sheet::render(quiz),
            Format::Html => html::render(quiz),
            Format::Blooket => blooket::render(quiz)?,
            Format::Gimkit => gimkit::render(quiz)?,
            Format::Blackboard => blackboard::render(quiz),
            Format::Brightspace => brightspace::render(quiz)?,
            Format::Anki => anki::render(quiz),
            Format::Qti => return qti::render(quiz),
            Format::Qti21 => return qti21::render(quiz),
            Format::Kahoot => return kahoot::render(quiz),
            Format::Wayground => return wayground::render(quiz),
        };
        Ok(text.into_bytes())
    }

    /// A binary format, which is not written to a terminal.
    pub fn is_binary(self) -> bool {
        matches!(
            self,
            Format::Qti | Format::Kahoot | Format::Wayground | Format::Qti21
        )
    }

    /// Most options a question may have in this format.
    pub fn max_options(self) -> usize {
        match self {
            Format::Kahoot | Format::Blooket | Format::Gimkit => 4,
            Format::Wayground => 5,
            _ => 6,
        }
    }

    /// Most questions one file of this format may hold.
    pub fn max_questions(self) -> Option<usize> {
        (self == Format::Blackboard).then_some(blackboard::MAX_QUESTIONS)
    }

    /// What a question must satisfy to be written in this format.
    pub fn rules(self, options: usize) -> Rules {
        let mut rules = Rules::new(options);
        match self {
            Format::Kahoot => {
                rules.question_max = Some(120);
                rules.option_max = Some(75);
                rules.carries = Some(at_most_4_options);
            }
            Format::Blooket | Format::Gimkit => rules.carries = Some(at_most_4_options),
            Format::Wayground => rules.carries = Some(at_most_5_options),
            Format::Aiken => rules.carries = Some(aiken::carries),
            _ => {}
        }
        rules
    }

    /// The name users give it (`--format NAME`).
    pub fn name(self) -> String {
        use clap::ValueEnum;
        self.to_possible_value()
            .map_or_else(String::new, |v| v.get_name().to_owned())
    }

    /// The questions this format carries intact, in order, and a message for each it cannot
    /// (left out, never trimmed into another question). Every writer goes through it.
    pub fn fit(self, questions: Vec<Mcq>) -> (Vec<Mcq>, Vec<String>) {
        let mut kept = Vec::with_capacity(questions.len());
        let mut notes = Vec::new();
        let room = self.max_questions().unwrap_or(usize::MAX);
        for (i, q) in questions.into_iter().enumerate() {
            let verdict = crate::mcq::validate(&q, self.rules(q.options.len()))
                .map_err(|d| d.to_string())
                .and_then(|()| {
                    if kept.len() < room {
                        Ok(())
                    } else {
                        Err(format!("a file holds at most {room} questions"))
                    }
                });
            match verdict {
                Ok(()) => kept.push(q),
                Err(why) => notes.push(format!(
                    "question {} (\"{}\") left out of the {} file: {why}",
                    i + 1,
                    shortened(&q.question, 60),
                    self.name()
                )),
            }
        }
        (kept, notes)
    }
}

fn at_most_options(q: &Mcq, n: usize) -> Result<(), String> {
    if q.options.len() > n {
        return Err(format!(
            "at most {n} options, this question has {}",
            q.options.len()
        ));
    }
    Ok(())
}

fn at_most_4_options(q: &Mcq) -> Result<(), String> {
    at_most_options(q, 4)
}

fn at_most_5_options(q: &Mcq) -> Result<(), String> {
    at_most_options(q, 5)
}

/// A text on one line in at most `max` characters, ending in "…" when cut (for messages and
/// table columns).
pub(crate) fn shortened(s: &str, max: usize) -> String {
    let line = one_line(s);
    if line.chars().count() <= max {
        line
    } else {
        let kept: String = line.chars().take(max.saturating_sub(1)).collect();
        format!("{kept}…")
    }
}

/// A text on one line, for a format that holds no line break in a field: line breaks and runs
/// of whitespace become single spaces.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lines of a text (`\n`, `\r\n` or a lone `\r` ending each).
fn lines(s: &str) -> impl Iterator<Item = &str> {
    s.split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
}

/// A text's lines, each escaped by `escape`, joined by `br`: how HTML and the XML formats with
/// an HTML-like body write a line break.
pub(crate) fn with_breaks(s: &str, escape: impl Fn(&str) -> String, br: &str) -> String {
    lines(s).map(escape).collect::<Vec<_>>().join(br)
}

/// HTML-escaped text, each line break a `<br>` (tabs become spaces).
pub(crate) fn html_breaks(s: &str) -> String {
    with_breaks(
        s,
        |l| quick_xml::escape::escape(l.replace('\t', " ").as_str()).into_owned(),
        "<br>",
    )
}

/// Whether output goes to stdout and stdout is a terminal.
pub(crate) fn to_terminal(path: Option<&Path>) -> bool {
    use std::io::IsTerminal;
    path.is_none_or(|p| p.as_os_str() == "-") && std::io::stdout().is_terminal()
}

/// A copy of the quiz with only characters every format can hold.
fn writable(quiz: &Quiz) -> Quiz {
    let mut q = quiz.clone();
    q.subject = xml_safe(&q.subject);
    for m in &mut q.questions {
        m.question = xml_safe(&m.question);
        m.explanation = xml_safe(&m.explanation);
        for o in &mut m.options {
            *o = xml_safe(o);
        }
    }
    q
}

/// Removes what XML 1.0 forbids (and a terminal would act on): C0 controls but tab, newline
/// and carriage return; DEL and C1 controls; U+FFFE and U+FFFF.
pub(crate) fn xml_safe(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            (!c.is_control() || matches!(c, '\t' | '\n' | '\r'))
                && !matches!(c, '\u{FFFE}' | '\u{FFFF}')
        })
        .collect()
}

/// A new spreadsheet whose properties carry a fixed creation time, not the clock's: the same
/// quiz gives the same bytes (as the zip packages' fixed entry times do).
pub(crate) fn workbook() -> Result<rust_xlsxwriter::Workbook> {
    let created = rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1)?;
    let mut book = rust_xlsxwriter::Workbook::new();
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&created));
    Ok(book)
}

pub(crate) fn write_stdout(bytes: &[u8]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`| head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(e).context("cannot write to stdout"),
    }
}

pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let shown = path.display();
    // A quiz holds its answer key: keep the mode of the file it replaces, else rw------- (the
    // umask may make it stricter, never looser).
    let mut builder = tempfile::Builder::new();
    builder.prefix(".quizgen-");
    if let Some(p) = std::fs::metadata(path)
        .map(|m| m.permissions())
        .ok()
        .or_else(default_permissions)
    {
        builder.permissions(p);
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("{shown}: cannot create a file in {}", dir.display()))?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| format!("{shown}: cannot write"))?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("{shown}: cannot write"))?;
    Ok(())
}

#[cfg(unix)]
#[allow(clippy::unnecessary_wraps)] // `None` elsewhere
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

/// A, B, C… for option positions.
pub(crate) fn letter(i: usize) -> char {
    (b'A' + (i % 26) as u8) as char
}

/// A one-question quiz for the exporters' tests.
#[cfg(test)]
pub(crate) fn one_question_quiz(
    subject: &str,
    question: &str,
    options: &[&str],
    answer_index: usize,
    explanation: &str,
) -> Quiz {
    Quiz {
        subject: subject.into(),
        questions: vec![Mcq {
            question: question.into(),
            options: options.iter().map(|o| (*o).to_owned()).collect(),
            answer_index,
            explanation: explanation.into(),
            difficulty: None,
            source: None,
            id: Some("abc".into()),
            verified_by: None,
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_names_what_a_format_cannot_hold_and_keeps_the_rest_in_order() {
        let q = |i: usize, n: usize| Mcq {
            question: format!("Question number {i}?"),
            options: (0..n).map(|j| format!("option {j}")).collect(),
            answer_index: n - 1,
            explanation: String::new(),
            difficulty: None,
            source: None,
            id: None,
            verified_by: None,
        };
        let qs: Vec<Mcq> = (0..502).map(|i| q(i, if i == 3 { 6 } else { 4 })).collect();
        let (kept, notes) = Format::Blackboard.fit(qs.clone());
        assert_eq!(kept.len(), 500);
        assert_eq!(notes.len(), 2, "{notes:?}");
        assert!(notes[0].contains("question 501") && notes[0].contains("at most 500"));
        let (kept, notes) = Format::Gimkit.fit(qs);
        assert_eq!(kept.len(), 501);
        assert_eq!(kept[3].question, "Question number 4?", "order kept");
        assert!(
            notes[0].contains("question 4")
                && notes[0].contains("at most 4 options, this question has 6")
        );
        assert!(notes[0].contains("left out of the gimkit file"));
    }
}
