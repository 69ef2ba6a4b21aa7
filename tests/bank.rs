//! The question bank: cron top-ups, reuse at no cost, no question served twice, `--bank only`,
//! import validation, and crash safety (kill -9 loses nothing paid for).

mod common;

use std::collections::HashSet;
use std::time::{Duration, Instant};

use common::mock::{MockConfig, MockProvider};
use common::{keys_file, questions, quizgen, rt};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const MODEL: &str = "openai/gpt-oss-20b";

fn stems(json: &[u8]) -> HashSet<String> {
    questions(std::str::from_utf8(json).unwrap())
        .iter()
        .map(|q| q["question"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn batch_fills_the_bank_and_generate_then_costs_nothing() {
    let rt = rt();
    let (server, mock) = rt.block_on(MockProvider::start(MockConfig::default()));
    let dir = tempfile::tempdir().unwrap();
    let keys = keys_file(
        dir.path(),
        &server.uri(),
        &[MODEL],
        &["k-good-1234567890"],
        "",
    );
    std::fs::write(
        dir.path().join("subjects.txt"),
        "# nightly\nOcean Tides, 20\nvolcanoes, 5, easy\n",
    )
    .unwrap();
    quizgen(dir.path())
        .args(["batch", "subjects.txt", "--keys"])
        .arg(&keys)
        .assert()
        .success()
        .stdout(contains("Ocean Tides").and(contains("volcanoes")));
    let bought = mock.seen().len();
    assert_eq!(bought, 3, "20 + 5 questions in batches of 10");
    // Topping up again buys nothing: both subjects are full.
    quizgen(dir.path())
        .args(["batch", "subjects.txt", "--keys"])
        .arg(&keys)
        .assert()
        .success();
    assert_eq!(mock.seen().len(), bought);

    // Case and spacing of the subject do not matter; the bank serves, the provider is not asked.
    let first = quizgen(dir.path())
        .args([
            "generate",
            "--subject",
            "ocean  tides",
            "--count",
            "10",
            "--keys",
        ])
        .arg(&keys)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let second = quizgen(dir.path())
        .args([
            "generate",
            "--subject",
            "OCEAN TIDES",
            "--count",
            "10",
            "--keys",
        ])
        .arg(&keys)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(
        mock.seen().len(),
        bought,
        "no provider request while the bank has unserved questions"
    );
    let (a, b) = (stems(&first), stems(&second));
    assert_eq!(a.len(), 10);
    assert!(a.is_disjoint(&b), "two quizzes share no question");

    // The bank is now dry for this subject: --bank only writes nothing new and exits 3.
    quizgen(dir.path())
        .args([
            "generate",
            "--subject",
            "ocean tides",
            "--count",
            "5",
            "--bank",
            "only",
            "--keys",
        ])
        .arg(&keys)
        .assert()
        .code(3)
        .stderr(contains("only 0 unserved"));
    let easy = quizgen(dir.path())
        .args([
            "generate",
            "--subject",
            "Volcanoes",
            "--count",
            "8",
            "--difficulty",
            "easy",
            "--bank",
            "only",
        ])
        .assert()
        .code(3)
        .get_output()
        .stdout
        .clone();
    assert_eq!(stems(&easy).len(), 5, "what the bank had is written");

    let stock = quizgen(dir.path())
        .args(["bank", "stats", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&stock).unwrap();
    assert_eq!(v[0]["subject"], "Ocean Tides");
    assert_eq!(v[0]["total"], 20);
    assert_eq!(v[0]["unserved"], 0);
}

#[test]
fn fresh_generates_and_off_leaves_no_trace() {
    let rt = rt();
    let (server, mock) = rt.block_on(MockProvider::start(MockConfig::default()));
    let dir = tempfile::tempdir().unwrap();
    let keys = keys_file(
        dir.path(),
        &server.uri(),
        &[MODEL],
        &["k-good-1234567890"],
        "",
    );
    quizgen(dir.path())
        .args([
            "generate",
            "--subject",
            "s",
            "--count",
            "4",
            "--bank",
            "off",
            "--keys",
        ])
        .arg(&keys)
        .assert()
        .success();
    assert!(!dir.path().join("data/bank.sqlite").exists());
    quizgen(dir.path())
        .args([
            "generate",
            "--subject",
            "s",
            "--count",
            "4",
            "--bank",
            "fresh",
            "--keys",
        ])
        .arg(&keys)
        .assert()
        .success();
    assert_eq!(mock.seen().len(), 2);
    let list = quizgen(dir.path())
        .args(["bank", "list", "--subject", "S"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(String::from_utf8(list).unwrap().lines().count(), 4);
}

#[test]
fn import_validates_and_export_writes_any_format() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = r#"{"subject": "Fractions", "questions": [
        {"question": "What is 1/2 + 1/4?", "options": ["3/4", "2/6", "1/8", "2/4"], "answer_index": 0, "explanation": "Common denominator 4."},
        {"question": "Broken?", "options": ["a1", "a1", "b2", "c3"], "answer_index": 0},
        {"question": "Which is largest?", "options": ["1/3", "1/2", "2/5", "None of the above"], "answer_index": 1},
        {"question": "What is 1/2 of 10?", "options": ["5", "2", "20", "10"], "answer_index": 0}]}"#;
    std::fs::write(dir.path().join("quiz.json"), quiz).unwrap();
    quizgen(dir.path())
        .args(["bank", "import", "quiz.json"])
        .assert()
        .success()
        .stderr(
            contains("imported 2")
                .and(contains("question 2: refused: two options are the same"))
                .and(contains("question 3: refused")),
        );
    quizgen(dir.path())
        .args(["bank", "import", "quiz.json"])
        .assert()
        .code(1)
        .stderr(contains("duplicate"));
    let gift = quizgen(dir.path())
        .args([
            "bank",
            "export",
            "--subject",
            "fractions",
            "--format",
            "gift",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let gift = String::from_utf8(gift).unwrap();
    assert!(gift.contains("=3/4") && gift.contains("~2/6"), "{gift}");
    std::fs::write(dir.path().join("bad.json"), "{\"subject\": 3}").unwrap();
    quizgen(dir.path())
        .args(["bank", "import", "bad.json"])
        .assert()
        .code(1)
        .stderr(contains("bad.json:1"));
    quizgen(dir.path()).args(["bank", "prune"]).assert().code(2);
    quizgen(dir.path())
        .args(["bank", "prune", "--subject", "Fractions"])
        .assert()
        .success()
        .stderr(contains("deleted 2"));
}

#[test]
fn kill_9_mid_run_loses_nothing_paid_for() {
    let rt = rt();
    let cfg = MockConfig {
        latency: Duration::from_millis(700),
        tpm: 100_000,
        ..MockConfig::default()
    };
    let (server, mock) = rt.block_on(MockProvider::start(cfg));
    let dir = tempfile::tempdir().unwrap();
    let keys = keys_file(
        dir.path(),
        &server.uri(),
        &[MODEL],
        &["k-good-1234567890"],
        "",
    );
    let out_path = dir.path().join("quiz.json");
    let bin = assert_cmd::cargo::cargo_bin("quizgen");
    let mut child = std::process::Command::new(bin)
        .current_dir(dir.path())
        .env_remove("GROQ_API_KEY")
        .env("QUIZGEN_DATA_DIR", dir.path().join("data"))
        .args(["generate", "--subject", "s", "--count", "40", "-q", "-o"])
        .arg(&out_path)
        .arg("--keys")
        .arg(&keys)
        .spawn()
        .unwrap();
    let start = Instant::now();
    while mock.count_status(200) < 2 && start.elapsed() < Duration::from_secs(30) {
        std::thread::sleep(Duration::from_millis(20));
    }
    // Give the second answer time to arrive and be banked, then kill without warning.
    std::thread::sleep(Duration::from_millis(900));
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!out_path.exists(), "no half-written output");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".quizgen-"))
        .collect();
    assert!(
        leftovers.is_empty() || leftovers.iter().all(|e| e.metadata().unwrap().len() == 0),
        "no partial quiz file"
    );
    // What reached quizgen before the kill is in the bank (an answer still on the wire is lost
    // with the process, as with any client).
    let stock = quizgen(dir.path())
        .args(["bank", "stats", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&stock).unwrap();
    let paid = v[0]["unserved"].as_u64().unwrap() as usize;
    assert!(paid >= 20, "the two answers received were banked: {paid}");

    let before = mock.seen().len();
    quizgen(dir.path())
        .args(["generate", "--subject", "s", "--count", "40", "-o"])
        .arg(&out_path)
        .arg("--keys")
        .arg(&keys)
        .assert()
        .success();
    assert_eq!(
        questions(&std::fs::read_to_string(&out_path).unwrap()).len(),
        40,
        "the output is whole"
    );
    let rebought: usize = mock.seen()[before..].iter().map(|s| s.asked).sum();
    assert_eq!(
        rebought,
        40 - paid,
        "the rerun buys only what the killed run had not paid for"
    );
}
