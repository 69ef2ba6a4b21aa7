//! Offline questions checked by code against what a teacher would strike, on the development
//! corpus: texts written for the tests (`tests/fixtures/texts/`, short: history, science,
//! geography, a biography, Markdown, a glossary, French and Spanish), texts of the kinds teachers
//! hand out, written by a helper session before the generator was rebuilt (`tests/fixtures/dev/`,
//! 450–650 words: biology, history, geography, a biography, physics, a play, a device, a
//! Markdown lesson with a table and glossary, a pasted PDF, French, Spanish, German), and the
//! README's samples. The checker's rules are a teacher's, written apart from the generator's.

use std::path::{Path, PathBuf};

use serde_json::Value;

fn corpus() -> Vec<(PathBuf, &'static str)> {
    // The corpus written for the tests, and the README's sample texts.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = [
        "tests/fixtures/texts",
        "tests/fixtures/dev",
        "samples/texts",
    ]
    .iter()
    .flat_map(|d| std::fs::read_dir(root.join(d)).unwrap())
    .map(|e| e.unwrap().path())
    .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let lang = if name.starts_with("francais") || name.starts_with("fr-") {
                "French"
            } else if name.starts_with("espanol") || name.starts_with("es-") {
                "Spanish"
            } else if name.starts_with("de-") {
                "German"
            } else {
                "English"
            };
            (p, lang)
        })
        .collect()
}

fn quiz(dir: &Path, text: &Path, extra: &[&str]) -> (Vec<u8>, Vec<Value>) {
    let (out, qs) = quiz_or_none(dir, text, extra);
    assert!(!qs.is_empty(), "{}: no questions", text.display());
    (out, qs)
}

/// A quiz that may be empty: precision first, a text may yield nothing (no output, exit 3).
fn quiz_or_none(dir: &Path, text: &Path, extra: &[&str]) -> (Vec<u8>, Vec<Value>) {
    let out = crate::common::quizgen(dir)
        .args(["-q", "generate", "--count", "8", "--from"])
        .arg(text)
        .args(extra)
        .output()
        .unwrap();
    // 0, or 3 when the text yields fewer than asked.
    assert!(
        matches!(out.status.code(), Some(0 | 3)),
        "{}: {}",
        text.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let qs = if out.stdout.is_empty() {
        Vec::new()
    } else {
        crate::common::questions(&String::from_utf8_lossy(&out.stdout))
    };
    (out.stdout, qs)
}

/// Lower case, words only, plural `s` dropped: for "is this word in that text".
fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.to_lowercase();
            match w.strip_suffix('s') {
                Some(st) if st.chars().count() >= 3 => st.to_owned(),
                _ => w,
            }
        })
        .collect()
}

fn contains_words(hay: &str, needle: &str) -> bool {
    let (h, n) = (words(hay), words(needle));
    !n.is_empty() && h.windows(n.len()).any(|w| w == n.as_slice())
}

const GENERIC: [&str; 12] = [
    "other", "world", "front", "first", "third", "ancient", "fresh", "ground", "small", "thing",
    "part", "side",
];
const POINTERS: [&str; 16] = [
    "this", "these", "it", "they", "he", "she", "his", "its", "such", "their", "cette", "ce", "il",
    "elle", "este", "esta",
];

/// Every rule a teacher would strike a question for; the defects found, as text.
fn defects(q: &Value, source: &str) -> Vec<String> {
    let stem = q["question"].as_str().unwrap();
    let options: Vec<&str> = q["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_str().unwrap())
        .collect();
    let answer = options[q["answer_index"].as_u64().unwrap() as usize];
    let mut bad = Vec::new();
    let mut flag = |cond: bool, what: &str| {
        if cond {
            bad.push(format!(
                "{what}: {stem} [{}] (answer {answer})",
                options.join(" | ")
            ));
        }
    };
    flag(!contains_words(source, answer), "answer not in the text");
    flag(contains_words(stem, answer), "answer in the stem");
    flag(stem.split_whitespace().count() < 5, "stem under five words");
    // The sentence with the gap: if it points back, something must come before it.
    if let Some(gap) = stem.find("_____") {
        let start = stem[..gap].rfind(['.', '!', '?']).map_or(0, |i| i + 1);
        let first = stem[start..]
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        flag(
            start == 0 && POINTERS.contains(&first.as_str()),
            "a pronoun opens a sentence with no context",
        );
    }
    for o in &options {
        flag(
            GENERIC.contains(&o.to_lowercase().as_str()),
            "generic answer or distractor",
        );
        let num: Option<f64> = o
            .split_whitespace()
            .next()
            .and_then(|n| n.trim_end_matches('%').replace(',', "").parse().ok());
        if let Some(n) = num {
            let percent = o.contains('%') || o.contains("percent") || o.contains("ciento");
            flag(n <= 0.0 || (percent && n > 100.0), "impossible quantity");
        }
    }
    // A share the stem gives away: "_____ … salt water, and only 3 percent is fresh".
    let share = |s: &str| -> Option<f64> {
        let n = s.trim_end_matches(['.', ',']);
        let n = n.strip_suffix('%').or_else(|| n.strip_suffix(" percent"))?;
        n.parse().ok()
    };
    if let Some(a) = share(answer) {
        let words: Vec<&str> = stem.split_whitespace().collect();
        let given = words.windows(2).filter_map(|w| {
            let pair = format!("{} {}", w[0], w[1]);
            share(w[0]).or_else(|| share(&pair))
        });
        flag(
            given.into_iter().any(|p| (a + p - 100.0).abs() < 0.01),
            "the stem gives a share away (the two add to 100)",
        );
    }
    // "… than any other river": the only river among the options gives itself away.
    let class = answer.split_whitespace().last().unwrap_or("");
    if [
        "River",
        "Sea",
        "Ocean",
        "Desert",
        "Lake",
        "Mountains",
        "Island",
        "Valley",
    ]
    .contains(&class)
    {
        flag(
            contains_words(stem, &class.to_lowercase())
                && !options.iter().all(|o| o.ends_with(class)),
            "the stem names the kind of place, and only the answer is one",
        );
    }
    // "countries such as _____": any other country of the kind would be an example too.
    if let Some((before, _)) = stem.split_once("_____") {
        let before = before.trim_end().trim_end_matches(',').to_lowercase();
        flag(
            ["such as", "including", "for example", "like"]
                .iter()
                .any(|e| before.ends_with(&format!(" {e}"))),
            "a gap after an example's words has no one answer",
        );
    }
    // A bound keeps wrong answers wrong: "more than _____" is true of anything smaller.
    let value = |s: &str| -> Option<f64> {
        let first = s.split_whitespace().next()?;
        let words = [
            "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
            "twelve",
        ];
        words
            .iter()
            .position(|w| *w == first)
            .map(|i| i as f64 + 2.0)
            .or_else(|| first.trim_end_matches('%').replace(',', "").parse().ok())
    };
    if let (Some((before, _)), Some(a)) = (stem.split_once("_____"), value(answer)) {
        let before = before.trim_end().to_lowercase();
        let comparative = before
            .strip_suffix(" than")
            .and_then(|b| b.split_whitespace().last())
            .is_some_and(|w| {
                w.ends_with("er") && !["fewer", "smaller", "shorter", "lower"].contains(&w)
            });
        let above = ["more than", "at least", "over", "up to", "exceed"]
            .iter()
            .any(|b| before.ends_with(b))
            || comparative;
        let below = ["less than", "fewer than", "under", "at most", "within"]
            .iter()
            .any(|b| before.ends_with(b));
        for o in options.iter().filter(|o| **o != answer) {
            if let Some(v) = value(o) {
                flag(
                    above && v < a,
                    "a smaller value after 'more than' or 'up to' is true too",
                );
                flag(
                    below && v > a,
                    "a larger value after 'less than' is true too",
                );
            }
        }
    }
    // Months are no places or people; the text's title is no wrong answer.
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let title = source
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let title = title.trim_start_matches('#').trim();
    for o in options.iter().filter(|o| **o != answer) {
        flag(MONTHS.contains(o), "a month as an option");
        flag(*o == title, "the text's own topic as a wrong answer");
    }
    // A continent among continents: beside a country or a part of it, both may be right.
    const CONTINENTS: [&str; 7] = [
        "Africa",
        "Antarctica",
        "Asia",
        "Europe",
        "North America",
        "Oceania",
        "South America",
    ];
    if CONTINENTS.contains(&answer) {
        flag(
            !options.iter().all(|o| CONTINENTS.contains(o)),
            "a continent among places that are not continents",
        );
    }
    let digits = |s: &str| s.chars().any(|c| c.is_ascii_digit());
    // The words around the numbers: "18 038 pièces" (a French thousands space) has the unit
    // "pièces"; a range "1 to 1.5 litres" the words "to litres".
    let unit = |s: &str| {
        s.split_whitespace()
            .filter(|w| !w.chars().all(|c| c.is_ascii_digit() || ",.–-".contains(c)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    for o in &options {
        flag(
            digits(o) != digits(answer),
            "a number among words, or a word among numbers",
        );
        if digits(answer) {
            flag(unit(o) != unit(answer), "units differ");
        } else {
            flag(
                capital(o) != capital(answer),
                "a name among terms, or a term among names",
            );
        }
    }
    for (i, a) in options.iter().enumerate() {
        for b in &options[i + 1..] {
            flag(
                contains_words(a, b) || contains_words(b, a),
                "options overlap",
            );
        }
    }
    bad
}

/// Questions of one quiz that give another's answer away: a stem (gap filled in) that shows
/// the sentence another question's answer was taken from (quoted in its explanation).
fn given_away(qs: &[Value]) -> Vec<String> {
    let filled = |q: &Value| {
        let answer = q["options"][q["answer_index"].as_u64().unwrap() as usize]
            .as_str()
            .unwrap();
        q["question"].as_str().unwrap().replace("_____", answer)
    };
    let source = |q: &Value| {
        let e = q["explanation"].as_str().unwrap();
        e.split_once('"')
            .map(|(_, s)| s.trim_end_matches('"').to_owned())
            .unwrap_or_default()
    };
    let mut bad = Vec::new();
    for (i, a) in qs.iter().enumerate() {
        for (j, b) in qs.iter().enumerate() {
            let home = source(a);
            if i != j && !home.is_empty() && filled(b).contains(&home) {
                bad.push(format!(
                    "gives another's answer away: {} (shows {home})",
                    b["question"]
                ));
            }
        }
    }
    bad
}

#[test]
fn every_question_of_the_corpus_passes_a_teachers_rules() {
    let dir = tempfile::tempdir().unwrap();
    let mut total = 0;
    let mut empty = Vec::new();
    let mut all_bad = Vec::new();
    for (text, lang) in corpus() {
        let source = std::fs::read_to_string(&text).unwrap();
        let (_, qs) = quiz_or_none(dir.path(), &text, &["--language", lang]);
        if qs.is_empty() {
            empty.push(text.display().to_string());
        }
        total += qs.len();
        for q in &qs {
            all_bad.extend(defects(q, &source));
        }
        all_bad.extend(given_away(&qs));
    }
    // Precision first: fewer questions than asked on a short text, never doubtful ones. The
    // play summary (its characters are no kind the lexicon knows) yields nothing.
    assert!(total >= 120, "{total} questions from the corpus");
    assert!(empty.len() <= 1, "texts that yield nothing: {empty:?}");
    assert!(
        all_bad.is_empty(),
        "{} defects:\n{}",
        all_bad.len(),
        all_bad.join("\n")
    );
}

#[test]
fn the_same_text_gives_the_same_quiz_and_a_seed_another() {
    let dir = tempfile::tempdir().unwrap();
    let (text, _) = &corpus()[0];
    let (a, _) = quiz(dir.path(), text, &[]);
    let (b, _) = quiz(dir.path(), text, &[]);
    assert_eq!(a, b, "byte-identical");
    let (c, _) = quiz(dir.path(), text, &["--seed", "5"]);
    assert_ne!(a, c, "--seed gives another arrangement");
    // A spreadsheet too, a clock second apart (its properties hold a creation time).
    let sheet = |name: &str| {
        let out = dir.path().join(name);
        let run = crate::common::quizgen(dir.path())
            .args(["-q", "generate", "--format", "kahoot", "--from"])
            .arg(text)
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        assert!(run.status.code().is_some_and(|c| c == 0 || c == 3));
        std::fs::read(out).unwrap()
    };
    let first = sheet("a.xlsx");
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert!(
        first == sheet("b.xlsx"),
        "the Kahoot file is byte-identical"
    );
}

/// A long text is asked across all its sections: six development texts (about 3,500 words) as
/// the sections of one, thirty questions asked, every section asked.
#[test]
fn a_long_text_is_asked_across_all_its_sections() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dev");
    let names = [
        "bio-digestion.txt",
        "hist-printing.txt",
        "geo-andes.txt",
        "phys-sound.txt",
        "pdf-industrial.txt",
        "tech-solar-panel.md",
    ];
    let sections: Vec<String> = names
        .iter()
        .map(|n| std::fs::read_to_string(root.join(n)).unwrap())
        .collect();
    let long: String = names
        .iter()
        .zip(&sections)
        .map(|(n, t)| format!("# {n}\n\n{}\n\n", t.replace('#', "")))
        .collect();
    let path = dir.path().join("long.md");
    std::fs::write(&path, &long).unwrap();
    let out = crate::common::quizgen(dir.path())
        .args(["-q", "generate", "--count", "30", "--from"])
        .arg(&path)
        .output()
        .unwrap();
    let qs = crate::common::questions(&String::from_utf8_lossy(&out.stdout));
    assert!(qs.len() >= 24, "{} questions from the long text", qs.len());
    for (n, text) in names.iter().zip(&sections) {
        let asked = qs.iter().any(|q| {
            let why = q["explanation"].as_str().unwrap();
            let quoted = why.split('"').nth(1).unwrap_or("");
            !quoted.is_empty() && contains_words(&text.replace('\n', " "), quoted)
        });
        assert!(asked, "no question from the section {n}");
    }
}

#[test]
fn difficulty_and_language_change_what_they_promise() {
    let dir = tempfile::tempdir().unwrap();
    let texts = corpus();
    let (rivers, _) = texts
        .iter()
        .find(|(p, _)| p.to_string_lossy().contains("rivers"))
        .unwrap();
    let (_, hard) = quiz(dir.path(), rivers, &["--difficulty", "hard"]);
    assert!(hard.iter().all(|q| q["difficulty"] == "hard"));
    let (_, mixed) = quiz(dir.path(), rivers, &["--difficulty", "mixed"]);
    for level in ["easy", "medium", "hard"] {
        assert!(mixed.iter().any(|q| q["difficulty"] == level), "{level}");
    }
    let (french, _) = texts
        .iter()
        .find(|(p, _)| p.to_string_lossy().contains("francais"))
        .unwrap();
    let (_, fr) = quiz(dir.path(), french, &["--language", "French"]);
    assert!(
        fr.iter().all(|q| {
            let s = q["question"].as_str().unwrap();
            s.contains("complète la phrase")
                || s.contains("désigne")
                || s.contains("En quelle année cela s'est-il passé ?")
        }),
        "{fr:?}"
    );
    // Without --language the stems are English, whatever the text's language.
    let (_, en) = quiz(dir.path(), french, &[]);
    let french_words = [
        "complète la phrase",
        "désigne",
        "En quelle année",
        "Quel",
        "Qui ",
    ];
    for q in &en {
        let s = q["question"].as_str().unwrap();
        assert!(!french_words.iter().any(|w| s.contains(w)), "{s}");
    }
    assert!(
        en.iter()
            .any(|q| q["question"].as_str().unwrap().contains("Which ")),
        "{en:?}"
    );
}

/// The development corpus's quizzes, byte for byte (`tests/fixtures/golden/NAME.json`), so "the
/// same quizzes on every development text" can be checked by anyone and a change to the
/// generator shows as a diff to read. `QUIZGEN_BLESS=1 cargo test golden` writes them anew.
#[test]
fn the_development_corpus_gives_its_golden_quizzes() {
    let dir = tempfile::tempdir().unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/golden");
    let bless = std::env::var_os("QUIZGEN_BLESS").is_some();
    let mut differ = Vec::new();
    for (text, lang) in corpus() {
        let (got, _) = quiz_or_none(dir.path(), &text, &["--language", lang]);
        let name = text.file_name().unwrap().to_string_lossy().into_owned();
        let path = golden.join(format!("{name}.json"));
        if bless {
            std::fs::create_dir_all(&golden).unwrap();
            std::fs::write(&path, &got).unwrap();
        } else if std::fs::read(&path).ok().as_deref() != Some(got.as_slice()) {
            differ.push(name);
        }
    }
    assert!(
        differ.is_empty(),
        "quizzes differ from tests/fixtures/golden (QUIZGEN_BLESS=1 to accept): {differ:?}"
    );
}

const GRAND_TOUR: &str = "The Grand Tour\n\n\
In the eighteenth century, wealthy young Englishmen finished their education with a long journey \
through Europe called the Grand Tour. A typical tour lasted two or three years.\n\n\
Most travellers crossed the Channel from Dover to Calais and rode on to Paris, where they learned \
French and dancing. From Paris they travelled south to Lyon and then crossed the Alps by the Mont \
Cenis pass.\n\n\
Italy was the goal of the journey. Many tourists spent the winter in Rome, studying its ancient \
ruins and buying paintings. In 1740 the poet Thomas Gray visited Florence with his friend Horace \
Walpole. Some travellers continued south to Naples to see Vesuvius, which erupted several times \
during the century. On the way home they often stopped in Venice for the carnival.\n\n\
The return journey usually went north through Vienna and Munich. Some tourists visited Dresden, \
famous for its art collections, before reaching Amsterdam. From there a boat took them back to \
London.\n";

/// `--difficulty` changes the wrong answers of terms and places as it does years: the same
/// questions asked easy and hard differ in their options.
#[test]
fn difficulty_changes_terms_and_places_too() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dev");
    // A text of many cities: hard offers those named nearest the key, easy the furthest.
    let tour = dir.path().join("grand-tour.txt");
    std::fs::write(&tour, GRAND_TOUR).unwrap();
    let mut changed: Vec<&str> = Vec::new();
    for (text, kind) in [
        (root.join("lesson-cells.md"), "term means"),
        (root.join("geo-andes.txt"), "country gap"),
        (tour, "city gap"),
    ] {
        let (_, easy) = quiz(dir.path(), &text, &["--difficulty", "easy"]);
        let (_, hard) = quiz(dir.path(), &text, &["--difficulty", "hard"]);
        let wrong = |q: &Value| {
            let mut o: Vec<String> = q["options"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect();
            o.sort();
            o
        };
        let asks = |q: &Value| {
            let s = q["question"].as_str().unwrap();
            match kind {
                "term means" => s.starts_with("Which term means"),
                "country gap" => s.ends_with("Which country fills the gap?"),
                _ => s.ends_with("Which city fills the gap?"),
            }
        };
        let differs = easy.iter().filter(|q| asks(q)).any(|e| {
            hard.iter()
                .find(|h| h["question"] == e["question"])
                .is_some_and(|h| wrong(h) != wrong(e))
        });
        if differs {
            changed.push(kind);
        }
    }
    assert_eq!(changed, ["term means", "country gap", "city gap"]);
}

/// The README's first command (offline, no key) makes the whole quiz it asks for: exit 0.
#[test]
fn the_readmes_first_command_makes_its_whole_quiz() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let line = readme
        .lines()
        .find(|l| l.starts_with("cargo run -- generate"))
        .unwrap();
    let args: Vec<&str> = line
        .split('#')
        .next()
        .unwrap()
        .split_whitespace()
        .skip(3)
        .collect();
    let dir = tempfile::tempdir().unwrap();
    let out = crate::common::quizgen(dir.path())
        .current_dir(root)
        .args(["-q"])
        .args(&args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{line}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A text that yields fewer than asked ends with exit 3 and says how many, in good English.
#[test]
fn a_short_text_says_how_many_it_yields() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("tower.txt");
    std::fs::write(
        &text,
        "The Eiffel Tower\n\nThe Eiffel Tower in Paris was completed in 1889 for the World Fair, \
         after two years of building work by more than three hundred workers.\n",
    )
    .unwrap();
    let out = crate::common::quizgen(dir.path())
        .args(["generate", "--count", "5", "--from"])
        .arg(&text)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    let n = crate::common::questions(&String::from_utf8_lossy(&out.stdout)).len();
    let said = if n == 1 { "1 question;" } else { "questions;" };
    assert!(
        err.contains(&format!("the text yields only {n}")) && err.contains(said),
        "{n}: {err}"
    );
}
