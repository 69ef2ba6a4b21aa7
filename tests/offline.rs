//! Offline generation from the sample texts: no key, no network, and questions a teacher keeps.

mod common;

use std::collections::HashSet;

use common::{assert_well_formed, questions, quizgen};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

fn samples() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/texts");
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    v.sort();
    assert!(v.len() >= 2);
    v
}

fn kind(s: &str) -> &'static str {
    if s.chars().any(|c| c.is_ascii_digit()) {
        "number"
    } else if s.chars().next().is_some_and(char::is_uppercase) {
        "name"
    } else {
        "term"
    }
}

#[test]
fn every_sample_gives_sound_questions() {
    let dir = tempfile::tempdir().unwrap();
    for sample in samples() {
        let text = std::fs::read_to_string(&sample).unwrap();
        let out = quizgen(dir.path())
            .args(["generate", "--count", "10", "--seed", "5", "--from"])
            .arg(&sample)
            .assert()
            .success()
            .stderr(contains("offline"))
            .get_output()
            .stdout
            .clone();
        let qs = questions(std::str::from_utf8(&out).unwrap());
        assert_eq!(qs.len(), 10, "{}", sample.display());
        assert_well_formed(&qs, 4);
        let mut answers = HashSet::new();
        for q in &qs {
            let stem = q["question"].as_str().unwrap();
            let opts = common::options_of(q);
            let right = opts[q["answer_index"].as_u64().unwrap() as usize];
            assert!(
                text.to_lowercase().contains(&right.to_lowercase()),
                "answer {right:?} is a term of the text"
            );
            assert!(
                !stem
                    .to_lowercase()
                    .contains(&format!(" {} ", right.to_lowercase())),
                "answer {right:?} given away in {stem:?}"
            );
            assert!(stem.contains("_____"));
            for o in &opts {
                assert_eq!(
                    kind(o),
                    kind(right),
                    "distractor {o:?} is of the kind of {right:?} in {stem:?}"
                );
            }
            assert!(
                answers.insert(right.to_lowercase()),
                "each question tests a different term"
            );
            assert!(q["explanation"].as_str().unwrap().contains("From the text"));
        }
    }
}

#[test]
fn a_short_text_yields_what_it_can_and_exits_3() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("short.txt"), "The Nile is the longest river in Africa and flows north into the Mediterranean Sea. The Amazon carries the most water of any river in South America.\n").unwrap();
    let out = quizgen(dir.path())
        .args([
            "generate",
            "--from",
            "short.txt",
            "--count",
            "10",
            "--offline",
        ])
        .assert()
        .code(3)
        .stderr(contains("of 10 questions"))
        .get_output()
        .stdout
        .clone();
    let n = questions(std::str::from_utf8(&out).unwrap()).len();
    assert!((1..10).contains(&n), "{n}");
}

#[test]
fn offline_output_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let sample = &samples()[0];
    let run = |fmt: &str| -> Vec<u8> {
        let out = dir.path().join(format!("quiz.{fmt}"));
        quizgen(dir.path())
            .args([
                "generate", "--count", "5", "--seed", "1", "--format", fmt, "-o",
            ])
            .arg(&out)
            .arg("--from")
            .arg(sample)
            .assert()
            .success();
        std::fs::read(&out).unwrap()
    };
    let qs = questions(std::str::from_utf8(&run("json")).unwrap());
    let first = &qs[0];
    let answer = first["options"][first["answer_index"].as_u64().unwrap() as usize]
        .as_str()
        .unwrap();
    for fmt in ["csv", "gift", "aiken", "moodle-xml", "sheet"] {
        let text = String::from_utf8(run(fmt)).unwrap();
        assert!(text.contains(answer), "{fmt} holds the same questions");
    }
    for fmt in ["qti", "kahoot"] {
        assert!(run(fmt).starts_with(b"PK"), "{fmt} is a zip package");
    }
}

#[test]
fn output_files_are_private_and_keep_the_mode_the_user_chose() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("quiz.json");
    let mode = |p: &std::path::Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let write = || {
        quizgen(dir.path())
            .args(["generate", "--count", "3", "-o"])
            .arg(&out)
            .arg("--from")
            .arg(&samples()[0])
            .assert()
            .success();
    };
    write();
    assert_eq!(mode(&out), 0o600, "a quiz holds its answer key: owner only");
    common::set_mode(&out, 0o640);
    write();
    assert_eq!(mode(&out), 0o640, "a rewrite keeps the mode the user chose");
}

#[test]
fn an_unreachable_provider_falls_back_to_the_text() {
    let dir = tempfile::tempdir().unwrap();
    // Nothing listens on port 9 of this machine: every request fails to connect.
    let keys = common::keys_file(
        dir.path(),
        "http://127.0.0.1:9",
        &["openai/gpt-oss-20b"],
        &["k-good-1234567890"],
        "",
    );
    let out = quizgen(dir.path())
        .args(["generate", "--count", "5", "--retries", "2", "--keys"])
        .arg(&keys)
        .arg("--from")
        .arg(&samples()[0])
        .assert()
        .success()
        .stderr(contains("could not connect").and(contains("offline from the text")))
        .get_output()
        .stdout
        .clone();
    let qs = questions(std::str::from_utf8(&out).unwrap());
    assert_eq!(qs.len(), 5);
    assert!(
        qs.iter()
            .all(|q| q["source"].as_str().unwrap().starts_with("offline:"))
    );
}
