//! Every format, read back by a reader that is not quizgen's: the csv crate, roxmltree for the
//! XML, calamine for the xlsx, pulldown-cmark for the Markdown sheet, and small readers written
//! here from the platforms' documented rules for Aiken (Moodle's) and GIFT. A quiz of hard cases
//! goes through each format by `bank export` (the same format rules as `generate`): every
//! question arrives with its own text and its own right answer, or it is named on stderr as
//! left out, and the export exits 3.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use serde_json::{Value, json};

const SUBJECT: &str = "Biology/Chemistry mix <basics>";
/// The subject as Moodle keeps it in a category name: it strips tags (`clean_param(PARAM_TEXT)`),
/// so `<` and `>` are written as the look-alikes ‹ ›.
const SUBJECT_IN_MOODLE: &str = "Biology/Chemistry mix ‹basics›";

/// A question as a reader got it back: stem, options, the right option's text.
#[derive(Debug, Clone, PartialEq)]
struct Got {
    stem: String,
    options: Vec<String>,
    right: String,
}

fn hard_cases() -> Vec<Value> {
    let long_stem = format!(
        "Which of these {} is the one a long stem asks about?",
        "very ".repeat(50).trim_end()
    );
    vec![
        json!({"question": "In GIFT, what do ~ = # { } : and \\ mark?",
               "options": ["~ marks a wrong answer", "= marks the right answer", "{ opens the answers }", "\\ escapes: the next one"],
               "answer_index": 1, "explanation": "= is right; ~ is wrong: #### starts feedback."}),
        json!({"question": "What does the tag <br> do in HTML & XML's \"quotes\" 'too'?",
               "options": ["&amp; is an entity", "<b>bold</b> text", "Inserts a line break", "Nothing > all"],
               "answer_index": 2, "explanation": "It breaks the line; <p> starts a paragraph."}),
        json!({"question": "What is $x^2$ when x = 3, and \\frac{a}{b} when a = b?",
               "options": ["$9$ and 1", "6 and 0", "9 and 0", "3 and 1"],
               "answer_index": 0, "explanation": "$3^2 = 9$ and \\frac{a}{a} = 1."}),
        json!({"question": "Le mot \"chat\" évoque quel animal, et Straße, 中文, 🌏?",
               "options": ["Un félin", "Größe", "中文的狗", "🐟 fish"],
               "answer_index": 0, "explanation": "Le « chat » est un félin."}),
        json!({"question": "E. coli is which kind of organism?",
               "options": ["A bacterium", "A virus", "A fungus", "A protist"],
               "answer_index": 0, "explanation": "Escherichia coli is a bacterium."}),
        json!({"question": "Who issued the Emancipation Proclamation?",
               "options": ["A. Lincoln", "1) Washington", "G. W. Carver", "J. Adams"],
               "answer_index": 0, "explanation": "Lincoln, in 1863."}),
        json!({"question": "Which of 007, 1e3 and 3/4 is a fraction?",
               "options": ["007", "1e3", "3/4", "0.5e1"],
               "answer_index": 2, "explanation": "3/4 is three quarters."}),
        json!({"question": long_stem,
               "options": ["This one", "That one", "Another one", "No one"],
               "answer_index": 0, "explanation": "A 300-character stem."}),
        json!({"question": "Which option comes sixth in a six-option question?",
               "options": ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"],
               "answer_index": 5, "explanation": "The sixth is keyed."}),
    ]
}

fn expected() -> Vec<Got> {
    hard_cases()
        .iter()
        .map(|q| {
            let options: Vec<String> = q["options"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o.as_str().unwrap().to_owned())
                .collect();
            Got {
                stem: q["question"].as_str().unwrap().to_owned(),
                right: options[q["answer_index"].as_u64().unwrap() as usize].clone(),
                options,
            }
        })
        .collect()
}

/// Imports the hard cases into a fresh bank and exports them as `format`.
fn export(dir: &Path, format: &str) -> (std::path::PathBuf, i32, String) {
    let fixture = dir.join("hard.json");
    if !fixture.exists() {
        std::fs::write(
            &fixture,
            json!({"subject": SUBJECT, "questions": hard_cases()}).to_string(),
        )
        .unwrap();
        crate::common::quizgen(dir)
            .args(["bank", "import", "hard.json"])
            .assert()
            .success();
    }
    let out = dir.join(format!("quiz.{format}"));
    let run = crate::common::quizgen(dir)
        .args([
            "bank",
            "export",
            "--subject",
            SUBJECT,
            "--format",
            format,
            "-o",
        ])
        .arg(&out)
        .output()
        .unwrap();
    (
        out,
        run.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&run.stderr).into_owned(),
    )
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every expected question is either read back whole (stem, options, right answer) or named on
/// stderr as left out; the names left out are exactly `left_out`, and then the exit is 3.
fn check(format: &str, got: &[Got], code: i32, stderr: &str, left_out: &[&str]) {
    let by_stem: HashMap<String, &Got> = got.iter().map(|g| (one_line(&g.stem), g)).collect();
    for want in expected() {
        let key = one_line(&want.stem);
        let short: String = key.chars().take(30).collect();
        let is_left_out = left_out.iter().any(|l| key.starts_with(l));
        if let Some(g) = by_stem.get(&key) {
            assert!(!is_left_out, "{format}: should have been left out: {key}");
            assert_eq!(one_line(&g.right), one_line(&want.right), "{format}: {key}");
            let opts: Vec<String> = g.options.iter().map(|o| one_line(o)).collect();
            let want_opts: Vec<String> = want.options.iter().map(|o| one_line(o)).collect();
            let mut a = opts.clone();
            let mut b = want_opts.clone();
            a.sort();
            b.sort();
            assert_eq!(a, b, "{format}: options of {key}");
        } else {
            assert!(
                is_left_out,
                "{format}: lost without a word: {key}\n{stderr}"
            );
            assert!(
                stderr.contains("left out") && stderr.contains(&short),
                "{format}: not named on stderr: {key}\n{stderr}"
            );
        }
    }
    assert_eq!(got.len(), expected().len() - left_out.len(), "{format}");
    assert_eq!(
        code,
        if left_out.is_empty() { 0 } else { 3 },
        "{format}: {stderr}"
    );
}

#[test]
fn json_and_csv_carry_every_question() {
    let dir = tempfile::tempdir().unwrap();
    let (path, code, err) = export(dir.path(), "json");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let got: Vec<Got> = v["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let options: Vec<String> = q["options"]
                .as_array()
                .unwrap()
                .iter()
                .map(|o| o.as_str().unwrap().to_owned())
                .collect();
            Got {
                stem: q["question"].as_str().unwrap().to_owned(),
                right: options[q["answer_index"].as_u64().unwrap() as usize].clone(),
                options,
            }
        })
        .collect();
    check("json", &got, code, &err, &[]);

    let (path, code, err) = export(dir.path(), "csv");
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with("\u{FEFF}".as_bytes()), "a BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    // RFC 4180: every record ends in CRLF (line breaks inside quoted cells are data).
    assert!(text.ends_with("\r\n"));
    let mut r = csv::Reader::from_reader(text.as_bytes());
    // A cell a spreadsheet would run as a formula is written with a leading apostrophe, which
    // a spreadsheet takes as "text" and does not show (`--csv-raw` writes cells bare).
    let cell = |c: &str| match c.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest.to_owned(),
        _ => c.to_owned(),
    };
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let n = header.iter().filter(|h| h.starts_with("option_")).count();
    assert_eq!(n, 6, "{header:?}");
    let got: Vec<Got> = r
        .records()
        .map(|rec| {
            let rec = rec.unwrap();
            let options: Vec<String> = (1..=n)
                .map(|i| cell(&rec[i]))
                .filter(|o| !o.is_empty())
                .collect();
            let letter = rec[n + 1].chars().next().unwrap();
            Got {
                stem: cell(&rec[0]),
                right: options[(letter as u8 - b'A') as usize].clone(),
                options,
            }
        })
        .collect();
    check("csv", &got, code, &err, &[]);
}

/// Moodle's Aiken reader (question/format/aiken/format.php), as documented: a line matching
/// `^[A-Z][).][ \t]?` is an option, `ANSWER:` closes the question, anything else starts one.
/// An option before any question makes Moodle refuse the whole file.
fn read_aiken(text: &str) -> Result<Vec<Got>, String> {
    let mut out = Vec::new();
    let mut cur: Option<(String, Vec<String>)> = None;
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let b = line.as_bytes();
        if b.len() >= 2 && b[0].is_ascii_uppercase() && matches!(b[1], b'.' | b')') {
            let Some((_, opts)) = cur.as_mut() else {
                return Err(format!("Question not started: {line}"));
            };
            opts.push(line[2..].trim().to_owned());
        } else if let Some(rest) = line.strip_prefix("ANSWER:") {
            let (stem, options) = cur.take().ok_or("ANSWER before a question")?;
            let k = (rest.trim().as_bytes()[0] - b'A') as usize;
            out.push(Got {
                stem,
                right: options.get(k).cloned().ok_or("answer out of range")?,
                options,
            });
        } else {
            if cur.is_some() {
                return Err(format!("a question with no ANSWER before: {line}"));
            }
            cur = Some((line.to_owned(), Vec::new()));
        }
    }
    Ok(out)
}

#[test]
fn aiken_imports_in_moodle_and_leaves_out_a_stem_it_would_misread() {
    let dir = tempfile::tempdir().unwrap();
    let (path, code, err) = export(dir.path(), "aiken");
    let got = read_aiken(&std::fs::read_to_string(path).unwrap()).expect("Moodle refuses the file");
    check("aiken", &got, code, &err, &["E. coli"]);
}

/// A GIFT reader from the format's documentation: blocks separated by blank lines, `//`
/// comments, `$CATEGORY:`, `::title::`, `[format]`, the text up to an unescaped `{`, answers
/// starting at unescaped `=` (right) or `~` (wrong), `####` general feedback, `\` escapes.
/// Returns the category and, per question, its text format and what it holds.
fn read_gift(text: &str) -> (Option<String>, Vec<(String, Got)>) {
    let mut category = None;
    let mut out = Vec::new();
    let body: Vec<&str> = text
        .lines()
        .filter(|l| {
            if let Some(c) = l.strip_prefix("$CATEGORY:") {
                category = Some(c.trim().to_owned());
                return false;
            }
            !l.trim_start().starts_with("//")
        })
        .collect();
    for block in body.join("\n").split("\n\n") {
        let block = block.trim();
        if block.is_empty() {
            continue;
        }
        // Tokenise: (escaped?, char).
        let chars: Vec<(bool, char)> = {
            let mut v = Vec::new();
            let mut it = block.chars();
            while let Some(c) = it.next() {
                if c == '\\' {
                    // GIFT's `\n` is a line break (Moodle's gift format); any other escaped
                    // character stands for itself.
                    let e = it.next().unwrap();
                    v.push((true, if e == 'n' { '\n' } else { e }));
                } else {
                    v.push((false, c));
                }
            }
            v
        };
        let mut i = 0;
        let s = |v: &[(bool, char)]| v.iter().map(|&(_, c)| c).collect::<String>();
        if chars.starts_with(&[(false, ':'), (false, ':')]) {
            i = 2
                + chars[2..]
                    .windows(2)
                    .position(|w| w == [(false, ':'), (false, ':')])
                    .unwrap()
                + 2;
        }
        let mut format = "moodle".to_owned();
        if chars.get(i) == Some(&(false, '[')) {
            let end = i + chars[i..].iter().position(|&c| c == (false, ']')).unwrap();
            format = s(&chars[i + 1..end]);
            i = end + 1;
        }
        let open = i + chars[i..].iter().position(|&c| c == (false, '{')).unwrap();
        let close = open
            + chars[open..]
                .iter()
                .position(|&c| c == (false, '}'))
                .unwrap();
        let stem = s(&chars[i..open]).trim().to_owned();
        let mut answers: Vec<(bool, String)> = Vec::new();
        let inner = &chars[open + 1..close];
        let mut j = 0;
        while j < inner.len() {
            let (esc, c) = inner[j];
            if !esc && (c == '=' || c == '~') {
                answers.push((c == '=', String::new()));
            } else if !esc && inner[j..].starts_with(&[(false, '#'); 4]) {
                break;
            } else if let Some(a) = answers.last_mut() {
                a.1.push(c);
            }
            j += 1;
        }
        let options: Vec<String> = answers.iter().map(|a| a.1.trim().to_owned()).collect();
        let right = answers
            .iter()
            .filter(|a| a.0)
            .map(|a| a.1.trim().to_owned())
            .collect::<Vec<_>>();
        assert_eq!(right.len(), 1, "one right answer: {block}");
        out.push((
            format,
            Got {
                stem,
                options,
                right: right[0].clone(),
            },
        ));
    }
    (category, out)
}

#[test]
fn gift_is_plain_text_in_the_subjects_category() {
    let dir = tempfile::tempdir().unwrap();
    let (path, code, err) = export(dir.path(), "gift");
    let (category, got) = read_gift(&std::fs::read_to_string(path).unwrap());
    let category = category.unwrap();
    assert_eq!(
        category, "$course$/quizgen/Biology//Chemistry mix ‹basics›",
        "a literal / is doubled"
    );
    let names = split_category(&category);
    assert_eq!(names.last().unwrap(), SUBJECT_IN_MOODLE, "{names:?}");
    assert!(got.iter().all(|(f, _)| f == "plain"), "{got:?}");
    let got: Vec<Got> = got.into_iter().map(|(_, g)| g).collect();
    check("gift", &got, code, &err, &[]);
}

/// Moodle's category path: `/` separates names, `//` is a literal slash, and each name is
/// cleaned as `clean_param(PARAM_TEXT)` does: tags (`<` up to `>`) are stripped.
fn split_category(path: &str) -> Vec<String> {
    let tag = regex::Regex::new("<[^>]*>?").unwrap();
    path.replace("//", "\u{0}")
        .split('/')
        .map(|p| tag.replace_all(&p.replace('\u{0}', "/"), "").into_owned())
        .collect()
}

#[test]
fn moodle_xml_reads_back_with_cdata_and_the_category_whole() {
    let dir = tempfile::tempdir().unwrap();
    let (path, code, err) = export(dir.path(), "moodle-xml");
    let text = std::fs::read_to_string(path).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let child_text = |n: roxmltree::Node, tag: &str| -> String {
        let el = n.children().find(|c| c.has_tag_name(tag)).unwrap();
        let t = el.children().find(|c| c.has_tag_name("text")).unwrap_or(el);
        t.text().unwrap_or("").to_owned()
    };
    let mut got = Vec::new();
    for q in doc.descendants().filter(|n| n.has_tag_name("question")) {
        match q.attribute("type") {
            Some("category") => {
                let names = split_category(&child_text(q, "category"));
                assert_eq!(names.last().unwrap(), SUBJECT_IN_MOODLE, "{names:?}");
            }
            Some("multichoice") => {
                let answers: Vec<_> = q.children().filter(|c| c.has_tag_name("answer")).collect();
                let options: Vec<String> = answers.iter().map(|a| child_text(*a, "text")).collect();
                let right: Vec<String> = answers
                    .iter()
                    .filter(|a| a.attribute("fraction") == Some("100"))
                    .map(|a| child_text(*a, "text"))
                    .collect();
                assert_eq!(right.len(), 1);
                got.push(Got {
                    stem: child_text(q, "questiontext"),
                    options,
                    right: right[0].clone(),
                });
            }
            other => panic!("unexpected question type {other:?}"),
        }
    }
    // CDATA, not entities: Moodle's reader drops the space after an entity before non-ASCII.
    assert!(text.contains("<![CDATA[Le mot \"chat\" évoque"), "{text}");
    check("moodle-xml", &got, code, &err, &[]);
}

#[test]
fn canvas_qti_package_reads_back_with_its_quiz_settings() {
    let dir = tempfile::tempdir().unwrap();
    let (path, code, err) = export(dir.path(), "qti");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let read = |zip: &mut zip::ZipArchive<std::fs::File>, name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let manifest = read(&mut zip, "imsmanifest.xml");
    let m = roxmltree::Document::parse(&manifest).unwrap();
    let hrefs: Vec<String> = m
        .descendants()
        .filter(|n| n.has_tag_name("file"))
        .map(|n| n.attribute("href").unwrap().to_owned())
        .collect();
    let meta_name = hrefs
        .iter()
        .find(|h| h.ends_with("/assessment_meta.xml"))
        .expect("assessment_meta.xml in the manifest");
    let items_name = hrefs.iter().find(|h| *h != meta_name).unwrap();
    let meta = read(&mut zip, meta_name);
    let meta = roxmltree::Document::parse(&meta).unwrap();
    let field = |tag: &str| {
        meta.descendants()
            .find(|n| n.has_tag_name(tag))
            .and_then(|n| n.text())
            .map(str::to_owned)
    };
    assert_eq!(field("title").as_deref(), Some(SUBJECT));
    assert_eq!(field("shuffle_answers").as_deref(), Some("false"));
    assert_eq!(field("points_possible"), Some(expected().len().to_string()));
    let xml = read(&mut zip, items_name);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let mut got = Vec::new();
    for item in doc.descendants().filter(|n| n.has_tag_name("item")) {
        let pres = item
            .children()
            .find(|c| c.has_tag_name("presentation"))
            .unwrap();
        let mattext = |n: roxmltree::Node| {
            n.descendants()
                .find(|c| c.has_tag_name("mattext"))
                .and_then(|c| c.text())
                .unwrap_or("")
                .to_owned()
        };
        let stem = mattext(
            pres.children()
                .find(|c| c.has_tag_name("material"))
                .unwrap(),
        );
        let labels: Vec<(String, String)> = pres
            .descendants()
            .filter(|n| n.has_tag_name("response_label"))
            .map(|n| (n.attribute("ident").unwrap().to_owned(), mattext(n)))
            .collect();
        let right_id = item
            .descendants()
            .find(|n| n.has_tag_name("varequal"))
            .and_then(|n| n.text())
            .unwrap();
        let right = labels.iter().find(|l| l.0 == right_id).unwrap().1.clone();
        got.push(Got {
            stem,
            options: labels.into_iter().map(|l| l.1).collect(),
            right,
        });
    }
    check("qti", &got, code, &err, &[]);
}

#[test]
fn kahoot_sheet_keeps_its_limits_by_leaving_questions_out() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let (path, code, err) = export(dir.path(), "kahoot");
    let mut book: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let cell = |r: u32, c: u32| match range.get_value((r, c)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Int(i)) => i.to_string(),
        _ => String::new(),
    };
    // Row 8 (index 7) is the template's header; questions from row 9.
    assert!(
        cell(7, 1).starts_with("Question - max 120 characters"),
        "{}",
        cell(7, 1)
    );
    let mut got = Vec::new();
    let mut row = 8;
    while !cell(row, 1).is_empty() {
        let options: Vec<String> = (2..6)
            .map(|c| cell(row, c))
            .filter(|o| !o.is_empty())
            .collect();
        assert!(cell(row, 1).chars().count() <= 120);
        assert!(options.iter().all(|o| o.chars().count() <= 75));
        let k: usize = cell(row, 7).parse().unwrap();
        got.push(Got {
            stem: cell(row, 1),
            right: options[k - 1].clone(),
            options,
        });
        row += 1;
    }
    check(
        "kahoot",
        &got,
        code,
        &err,
        &["Which of these very", "Which option comes sixth"],
    );
}

#[test]
fn the_printable_sheet_shows_text_as_written() {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let dir = tempfile::tempdir().unwrap();
    let (path, code, err) = export(dir.path(), "sheet");
    let md = std::fs::read_to_string(path).unwrap();
    // What a Markdown viewer shows: the text of each paragraph, one line per line break.
    let mut shown = String::new();
    for ev in Parser::new(&md) {
        match ev {
            Event::Text(t) | Event::Code(t) => shown.push_str(&t),
            Event::SoftBreak | Event::HardBreak => shown.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_)) => shown.push('\n'),
            Event::Start(Tag::Item) => shown.push_str("* "),
            Event::Html(h) | Event::InlineHtml(h) => panic!("rendered as HTML: {h}"),
            _ => {}
        }
    }
    let lines: Vec<&str> = shown.lines().collect();
    let (questions, key) = lines.split_at(lines.iter().position(|l| *l == "Answer key").unwrap());
    let mut got = Vec::new();
    let mut i = 0;
    while i < questions.len() {
        let Some(stem) = questions[i].strip_prefix("* ") else {
            i += 1;
            continue;
        };
        let mut options = Vec::new();
        i += 1;
        while i < questions.len() && questions[i].len() > 3 && questions[i].as_bytes()[1] == b')' {
            options.push(questions[i][3..].to_owned());
            i += 1;
        }
        let n = got.len();
        let key_line = key.iter().filter(|l| l.starts_with("* ")).nth(n).unwrap();
        let letter = key_line.as_bytes()[2];
        got.push(Got {
            stem: stem.to_owned(),
            right: options[(letter - b'A') as usize].clone(),
            options,
        });
    }
    check("sheet", &got, code, &err, &[]);
}

#[test]
fn history_lists_a_written_quiz_and_writes_it_again_in_the_same_order() {
    let dir = tempfile::tempdir().unwrap();
    let text = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/texts/printing-press.txt");
    crate::common::quizgen(dir.path())
        .args([
            "generate",
            "--count",
            "6",
            "--seed",
            "7",
            "-o",
            "first.json",
            "--from",
        ])
        .arg(&text)
        .assert()
        .success();
    let listed = crate::common::quizgen(dir.path())
        .args(["history", "--json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&listed.stdout).unwrap();
    let quizzes = v["quizzes"].as_array().unwrap();
    assert_eq!(quizzes.len(), 1, "{v}");
    let q = &quizzes[0];
    assert_eq!(q["count"], 6);
    assert_eq!(q["format"], "json");
    assert!(q["path"].as_str().unwrap().ends_with("first.json"));
    assert!(q["time"].as_str().unwrap().ends_with('Z'));
    let id = q["id"].to_string();

    let first: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("first.json")).unwrap())
            .unwrap();
    let again = crate::common::quizgen(dir.path())
        .args(["history", "export", &id, "--format", "csv"])
        .output()
        .unwrap();
    assert!(again.status.success());
    let text = String::from_utf8(again.stdout).unwrap();
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let stems: Vec<String> = r.records().map(|rec| rec.unwrap()[0].to_owned()).collect();
    let want: Vec<String> = first["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["question"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(stems, want, "the same questions in the same order");
    // The re-export is a written quiz too; an unknown id is a usage error naming the command.
    let listed = crate::common::quizgen(dir.path())
        .args(["history"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&listed.stdout).lines().count(), 2);
    crate::common::quizgen(dir.path())
        .args(["history", "export", "99"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("quizgen history"));
}

/// The text a browser shows for an HTML fragment, a `<br>` as a line break.
fn shown_text(fragment: &str) -> String {
    let doc = scraper::Html::parse_fragment(fragment);
    let mut out = String::new();
    for node in doc.root_element().descendants() {
        match node.value() {
            scraper::Node::Text(t) => out.push_str(t),
            scraper::Node::Element(e) if e.name() == "br" => out.push('\n'),
            _ => {}
        }
    }
    out
}

#[test]
fn the_printable_page_is_self_contained_and_keys_on_its_own_page() {
    use scraper::{Html, Selector};
    let dir = tempfile::tempdir().unwrap();
    let (path, code, err) = export(dir.path(), "html");
    let page = std::fs::read_to_string(path).unwrap();
    let doc = Html::parse_document(&page);
    let sel = |s: &str| Selector::parse(s).unwrap();
    // No external assets: nothing fetched from anywhere, no script.
    assert!(
        doc.select(&sel("script, link, img, [src]"))
            .next()
            .is_none()
    );
    let style: String = doc.select(&sel("style")).map(|s| s.inner_html()).collect();
    assert!(
        style.contains(".key{break-before:page;page-break-before:always}"),
        "{style}"
    );
    let text = |e: scraper::ElementRef| e.text().collect::<String>();
    let keys: Vec<String> = doc
        .select(&sel("section.key li b.letter"))
        .map(text)
        .collect();
    let mut got = Vec::new();
    for (i, q) in doc.select(&sel("ol.questions > li")).enumerate() {
        let options: Vec<String> = q.select(&sel("ol.options > li")).map(text).collect();
        let k = (keys[i].as_bytes()[0] - b'A') as usize;
        got.push(Got {
            stem: q.select(&sel("p.stem")).map(text).collect(),
            right: options[k].clone(),
            options,
        });
    }
    check("html", &got, code, &err, &[]);
}

/// A platform CSV's rows, as a CSV reader sees them (rows of differing lengths allowed).
fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.ends_with(b"\r\n"), "CRLF record ends");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes.as_slice())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[test]
fn blooket_and_gimkit_templates_read_back_and_leave_out_a_six_option_question() {
    let dir = tempfile::tempdir().unwrap();
    let (path, code, err) = export(dir.path(), "blooket");
    let rows = csv_rows(&path);
    assert_eq!(rows[0][0], "Blooket Import Template");
    assert_eq!(rows[1][1], "Question Text");
    let got: Vec<Got> = rows[2..]
        .iter()
        .map(|r| {
            let options: Vec<String> = r[2..6].iter().filter(|o| !o.is_empty()).cloned().collect();
            let k: usize = r[7].parse().unwrap();
            Got {
                stem: r[1].clone(),
                right: options[k - 1].clone(),
                options,
            }
        })
        .collect();
    check("blooket", &got, code, &err, &["Which option comes sixth"]);

    let (path, code, err) = export(dir.path(), "gimkit");
    let rows = csv_rows(&path);
    assert_eq!(rows[0][0], "Gimkit Spreadsheet Import Template");
    assert_eq!(rows[1][..2], ["Question", "Correct Answer"]);
    let got: Vec<Got> = rows[2..]
        .iter()
        .map(|r| Got {
            stem: r[0].clone(),
            right: r[1].clone(),
            options: r[1..].iter().filter(|o| !o.is_empty()).cloned().collect(),
        })
        .collect();
    check("gimkit", &got, code, &err, &["Which option comes sixth"]);
}

#[test]
fn wayground_sheet_reads_back_with_up_to_five_options() {
    use calamine::{Data, Reader, Xlsx};
    let dir = tempfile::tempdir().unwrap();
    let (path, code, err) = export(dir.path(), "wayground");
    let mut book: Xlsx<_> = calamine::open_workbook(path).unwrap();
    let name = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&name).unwrap();
    let cell = |r: u32, c: u32| match range.get_value((r, c)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Int(i)) => i.to_string(),
        _ => String::new(),
    };
    assert_eq!(cell(0, 0), "Question Text");
    assert_eq!(cell(0, 7), "Correct Answer");
    let mut got = Vec::new();
    let mut row = 1;
    while !cell(row, 0).is_empty() {
        assert_eq!(cell(row, 1), "Multiple Choice");
        let options: Vec<String> = (2..7)
            .map(|c| cell(row, c))
            .filter(|o| !o.is_empty())
            .collect();
        let k: usize = cell(row, 7).parse().unwrap();
        got.push(Got {
            stem: cell(row, 0),
            right: options[k - 1].clone(),
            options,
        });
        row += 1;
    }
    check("wayground", &got, code, &err, &["Which option comes sixth"]);
}

#[test]
fn blackboard_upload_has_one_question_a_line_and_one_correct_answer() {
    let dir = tempfile::tempdir().unwrap();
    let (path, code, err) = export(dir.path(), "blackboard");
    let text = std::fs::read_to_string(path).unwrap();
    let got: Vec<Got> = text
        .lines()
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f[0], "MC");
            assert!(
                f.len().is_multiple_of(2),
                "answer/correctness pairs: {line}"
            );
            let pairs: Vec<(&str, &str)> = f[2..].chunks(2).map(|c| (c[0], c[1])).collect();
            assert!(pairs.iter().all(|p| p.1 == "correct" || p.1 == "incorrect"));
            let right: Vec<&str> = pairs
                .iter()
                .filter(|p| p.1 == "correct")
                .map(|p| p.0)
                .collect();
            assert_eq!(right.len(), 1, "{line}");
            Got {
                stem: f[1].to_owned(),
                right: right[0].to_owned(),
                options: pairs.iter().map(|p| p.0.to_owned()).collect(),
            }
        })
        .collect();
    check("blackboard", &got, code, &err, &[]);
}

#[test]
fn brightspace_csv_reads_back_question_by_question() {
    let dir = tempfile::tempdir().unwrap();
    let (path, code, err) = export(dir.path(), "brightspace");
    let mut got: Vec<(Got, Vec<String>)> = Vec::new();
    for r in csv_rows(&path) {
        match r[0].as_str() {
            "NewQuestion" => {
                assert_eq!(r[1], "MC");
                got.push((
                    Got {
                        stem: String::new(),
                        options: Vec::new(),
                        right: String::new(),
                    },
                    Vec::new(),
                ));
            }
            "QuestionText" => got.last_mut().unwrap().0.stem = r[1].clone(),
            "Option" => {
                let (g, _) = got.last_mut().unwrap();
                g.options.push(r[2].clone());
                if r[1] == "100" {
                    assert!(g.right.is_empty(), "two right answers");
                    g.right = r[2].clone();
                } else {
                    assert_eq!(r[1], "0");
                }
            }
            "ID" | "Title" | "Points" | "Difficulty" | "Feedback" => {
                got.last_mut().unwrap().1.push(r[0].clone());
            }
            other => panic!("unknown row kind {other}"),
        }
    }
    assert!(
        got.iter()
            .all(|(_, kinds)| kinds.contains(&"Points".to_owned()))
    );
    let got: Vec<Got> = got.into_iter().map(|(g, _)| g).collect();
    check("brightspace", &got, code, &err, &[]);
}

#[test]
fn anki_notes_show_the_question_and_the_answer_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let (path, code, err) = export(dir.path(), "anki");
    let text = std::fs::read_to_string(path).unwrap();
    let headers: Vec<&str> = text.lines().take_while(|l| l.starts_with('#')).collect();
    assert_eq!(headers[..2], ["#separator:tab", "#html:true"]);
    assert_eq!(headers[2], format!("#deck:{SUBJECT}"));
    let got: Vec<Got> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 2, "front and back: {line}");
            let front = shown_text(f[0]);
            let mut lines = front.lines();
            let stem = lines.next().unwrap().to_owned();
            let options: Vec<String> = lines.map(|l| l[3..].to_owned()).collect();
            let back = shown_text(f[1]);
            let first = back.lines().next().unwrap();
            let k = (first.as_bytes()[0] - b'A') as usize;
            assert_eq!(first[3..], options[k], "the back names the right option");
            Got {
                stem,
                right: options[k].clone(),
                options,
            }
        })
        .collect();
    check("anki", &got, code, &err, &[]);
}

#[test]
fn qti21_package_holds_one_item_per_question_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let (path, code, err) = export(dir.path(), "qti21");
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let read = |zip: &mut zip::ZipArchive<std::fs::File>, name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let manifest = read(&mut zip, "imsmanifest.xml");
    let m = roxmltree::Document::parse(&manifest).unwrap();
    let resources: Vec<(String, String)> = m
        .descendants()
        .filter(|n| n.has_tag_name("resource"))
        .map(|n| {
            (
                n.attribute("type").unwrap().to_owned(),
                n.attribute("href").unwrap().to_owned(),
            )
        })
        .collect();
    let test_href = &resources
        .iter()
        .find(|r| r.0 == "imsqti_test_xmlv2p1")
        .expect("an assessmentTest")
        .1;
    let test = read(&mut zip, test_href);
    let t = roxmltree::Document::parse(&test).unwrap();
    let order: Vec<String> = t
        .descendants()
        .filter(|n| n.has_tag_name("assessmentItemRef"))
        .map(|n| n.attribute("href").unwrap().to_owned())
        .collect();
    let items: Vec<&String> = resources
        .iter()
        .filter(|r| r.0 == "imsqti_item_xmlv2p1")
        .map(|r| &r.1)
        .collect();
    assert_eq!(order.iter().collect::<Vec<_>>(), items);
    let mut got = Vec::new();
    let mut feedback = Vec::new();
    for href in order {
        let xml = read(&mut zip, &href);
        let d = roxmltree::Document::parse(&xml).unwrap();
        let root = d.root_element();
        assert!(root.has_tag_name(("http://www.imsglobal.org/xsd/imsqti_v2p1", "assessmentItem")));
        let find = |tag: &str| d.descendants().find(|n| n.has_tag_name(tag)).unwrap();
        let right_id = find("correctResponse")
            .descendants()
            .find(|n| n.has_tag_name("value"))
            .and_then(|n| n.text())
            .unwrap()
            .to_owned();
        let choices: Vec<(String, String)> = d
            .descendants()
            .filter(|n| n.has_tag_name("simpleChoice"))
            .map(|n| {
                (
                    n.attribute("identifier").unwrap().to_owned(),
                    n.text().unwrap_or("").to_owned(),
                )
            })
            .collect();
        // What an importer shows after answering: the modalFeedback whose identifier response
        // processing sets the FEEDBACK outcome to (showHide="show").
        let set_to = d
            .descendants()
            .find(|n| {
                n.has_tag_name("setOutcomeValue") && n.attribute("identifier") == Some("FEEDBACK")
            })
            .and_then(|n| n.descendants().find(|c| c.has_tag_name("baseValue")))
            .and_then(|n| n.text())
            .expect("response processing sets FEEDBACK");
        let shown = d
            .descendants()
            .find(|n| {
                n.has_tag_name("modalFeedback")
                    && n.attribute("outcomeIdentifier") == Some("FEEDBACK")
                    && n.attribute("showHide") == Some("show")
                    && n.attribute("identifier") == Some(set_to)
            })
            .and_then(|n| n.text())
            .expect("a modalFeedback shown");
        feedback.push(shown.to_owned());
        got.push(Got {
            stem: find("prompt").text().unwrap_or("").to_owned(),
            right: choices.iter().find(|c| c.0 == right_id).unwrap().1.clone(),
            options: choices.into_iter().map(|c| c.1).collect(),
        });
    }
    let want: Vec<String> = hard_cases()
        .iter()
        .map(|q| q["explanation"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(feedback, want, "every explanation arrives as feedback");
    check("qti21", &got, code, &err, &[]);
}

/// A line break in a question goes through `bank import` and `bank export` and reaches the
/// platform's reader as a line break, where the format holds one: GIFT, Moodle XML, CSV.
#[test]
fn a_line_break_survives_import_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let stem =
        "Read the two lines:\nRoses are red,\nviolets are blue.\nWhich colour are the roses?";
    let q = json!({"question": stem, "options": ["Red", "Blue", "Green", "White"],
                   "answer_index": 0, "explanation": "The first line says so.\nThe second is about violets."});
    std::fs::write(
        dir.path().join("poem.json"),
        json!({"subject": "poems", "questions": [q]}).to_string(),
    )
    .unwrap();
    crate::common::quizgen(dir.path())
        .args(["bank", "import", "poem.json"])
        .assert()
        .success();
    let export = |format: &str| {
        let out = dir.path().join(format!("poem.{format}"));
        crate::common::quizgen(dir.path())
            .args([
                "bank",
                "export",
                "--subject",
                "poems",
                "--format",
                format,
                "-o",
            ])
            .arg(&out)
            .assert()
            .success();
        out
    };
    let (_, gift) = read_gift(&std::fs::read_to_string(export("gift")).unwrap());
    assert_eq!(gift[0].1.stem, stem, "GIFT");

    let xml = std::fs::read_to_string(export("moodle-xml")).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let text_of = |tag: &str| -> String {
        let el = doc.descendants().find(|n| n.has_tag_name(tag)).unwrap();
        let t = el.children().find(|c| c.has_tag_name("text")).unwrap();
        t.text().unwrap().to_owned()
    };
    assert_eq!(text_of("questiontext"), stem, "Moodle XML");
    assert_eq!(
        text_of("generalfeedback"),
        "The first line says so.\nThe second is about violets.",
        "Moodle XML feedback"
    );

    let bytes = std::fs::read(export("csv")).unwrap();
    let mut r = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rec = r.records().next().unwrap().unwrap();
    assert_eq!(&rec[0], stem, "CSV");
    let expl = header.iter().position(|h| h == "explanation").unwrap();
    assert_eq!(
        &rec[expl], "The first line says so.\nThe second is about violets.",
        "CSV explanation"
    );
}
