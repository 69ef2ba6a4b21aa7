//! The question bank: cron top-ups, reuse at no cost, no question served twice, `--bank only`,
//! import validation, and crash safety (kill -9 loses nothing paid for).

use std::collections::HashSet;
use std::time::Duration;

use crate::common::mock::MockConfig;
use crate::common::{Fixture, json_stdout, questions, quizgen};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const MODEL: &str = "openai/gpt-oss-20b";
const KEY: &str = "k-good-1234567890";

fn stems(qs: &[serde_json::Value]) -> HashSet<String> {
    qs.iter()
        .map(|q| q["question"].as_str().unwrap().to_owned())
        .collect()
}

fn bank_stats(dir: &std::path::Path) -> serde_json::Value {
    json_stdout(quizgen(dir).args(["bank", "stats", "--json"]))
}

#[test]
fn batch_fills_the_bank_and_generate_then_costs_nothing() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &[KEY]);
    std::fs::write(
        fx.path().join("subjects.txt"),
        "# nightly\nOcean Tides, 20\nvolcanoes, 5, easy\n",
    )
    .unwrap();
    fx.run(&["batch", "subjects.txt"])
        .assert()
        .success()
        .stdout(contains("Ocean Tides").and(contains("volcanoes")));
    let bought = fx.mock.seen().len();
    assert_eq!(bought, 3, "20 + 5 questions in batches of 10");
    // Topping up again buys nothing: both subjects are full.
    fx.run(&["batch", "subjects.txt"]).assert().success();
    assert_eq!(fx.mock.seen().len(), bought);

    // Case and spacing of the subject do not matter; the bank serves, the provider is not asked.
    let first = stems(&fx.quiz(&["--subject", "ocean  tides", "--count", "10"]));
    let second = stems(&fx.quiz(&["--subject", "OCEAN TIDES", "--count", "10"]));
    assert_eq!(
        fx.mock.seen().len(),
        bought,
        "no provider request while the bank has unserved questions"
    );
    assert_eq!(first.len(), 10);
    assert!(first.is_disjoint(&second), "two quizzes share no question");

    // The bank is now dry for this subject: --bank only writes nothing new and exits 3.
    fx.run(&[
        "generate",
        "--subject",
        "ocean tides",
        "--count",
        "5",
        "--bank",
        "only",
    ])
    .assert()
    .code(3)
    .stderr(contains("only 0 unserved"));
    let easy = quizgen(fx.path())
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
    assert_eq!(
        questions(std::str::from_utf8(&easy).unwrap()).len(),
        5,
        "what the bank had is written"
    );

    let v = bank_stats(fx.path());
    assert_eq!(v[0]["subject"], "Ocean Tides");
    assert_eq!(v[0]["total"], 20);
    assert_eq!(v[0]["unserved"], 0);
}

#[test]
fn fresh_generates_and_off_leaves_no_trace() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &[KEY]);
    fx.quiz(&["--subject", "s", "--count", "4", "--bank", "off"]);
    assert!(!fx.path().join("data/bank.sqlite").exists());
    fx.quiz(&["--subject", "s", "--count", "4", "--bank", "fresh"]);
    assert_eq!(fx.mock.seen().len(), 2);
    let list = quizgen(fx.path())
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
    let cfg = MockConfig {
        latency: Duration::from_millis(700),
        tpm: 100_000,
        ..MockConfig::default()
    };
    let fx = Fixture::new(cfg, &[MODEL], &[KEY]);
    let out_path = fx.path().join("quiz.json");
    let out = out_path.to_str().unwrap();
    let mut child = fx.spawn(&[
        "generate",
        "--subject",
        "s",
        "--count",
        "40",
        "-q",
        "-o",
        out,
    ]);
    fx.wait_for_answers(2);
    // Give the second answer time to arrive and be banked, then kill without warning.
    std::thread::sleep(Duration::from_millis(1200));
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(!out_path.exists(), "no half-written output");
    // What reached quizgen before the kill is in the bank (an answer still on the wire is lost
    // with the process, as with any client).
    let paid = bank_stats(fx.path())[0]["unserved"].as_u64().unwrap() as usize;
    assert!(paid >= 20, "the two answers received were banked: {paid}");

    let before = fx.mock.seen().len();
    fx.run(&["generate", "--subject", "s", "--count", "40", "-o", out])
        .assert()
        .success();
    assert_eq!(
        questions(&std::fs::read_to_string(&out_path).unwrap()).len(),
        40,
        "the output is whole"
    );
    let rebought: usize = fx.mock.seen()[before..].iter().map(|s| s.asked).sum();
    assert_eq!(
        rebought,
        40 - paid,
        "the rerun buys only what the killed run had not paid for"
    );
}

#[test]
fn two_processes_taking_from_the_bank_at_once_never_serve_one_question_twice() {
    let roomy = MockConfig {
        tpm: 1_000_000,
        rpm: 1000,
        ..MockConfig::default()
    };
    let fx = Fixture::new(roomy, &[MODEL], &[KEY]);
    std::fs::write(fx.path().join("subjects.txt"), "Rivers, 120\n").unwrap();
    fx.run(&["batch", "subjects.txt"]).assert().success();
    let mut seen = HashSet::new();
    let mut served = 0;
    for _ in 0..5 {
        let pair: Vec<_> = (0..2)
            .map(|_| {
                fx.spawn(&[
                    "generate",
                    "--subject",
                    "rivers",
                    "--count",
                    "10",
                    "--bank",
                    "only",
                ])
            })
            .collect();
        for child in pair {
            let out = child.wait_with_output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            for stem in stems(&questions(&String::from_utf8_lossy(&out.stdout))) {
                served += 1;
                assert!(seen.insert(stem.clone()), "served twice: {stem}");
            }
        }
    }
    assert_eq!(served, 100);
}

#[test]
fn bank_only_needs_no_key() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = serde_json::json!({"subject": "rivers", "questions": [
        {"question": "Which river is the longest in Africa?", "options": ["Nile", "Congo", "Niger", "Zambezi"], "answer_index": 0},
        {"question": "Which river flows through Baghdad?", "options": ["Tigris", "Jordan", "Indus", "Volga"], "answer_index": 0}
    ]});
    std::fs::write(dir.path().join("q.json"), quiz.to_string()).unwrap();
    quizgen(dir.path())
        .args(["bank", "import", "q.json"])
        .assert()
        .success();
    let out = quizgen(dir.path())
        .args([
            "generate",
            "--subject",
            "rivers",
            "--count",
            "2",
            "--bank",
            "only",
        ])
        .assert()
        .success();
    assert_eq!(
        questions(&String::from_utf8_lossy(&out.get_output().stdout)).len(),
        2
    );
    // Short of questions and with no key: exit 3 with the bank's message, not a key error.
    quizgen(dir.path())
        .args([
            "generate",
            "--subject",
            "rivers",
            "--count",
            "2",
            "--bank",
            "only",
        ])
        .assert()
        .code(3)
        .stderr(contains("the bank holds only 0"));
}

#[test]
fn banked_questions_taken_for_a_quiz_that_cannot_be_made_go_back_on_the_shelf() {
    let dir = tempfile::tempdir().unwrap();
    let quiz = serde_json::json!({"subject": "rivers", "questions": [
        {"question": "Which river is the longest in Africa?", "options": ["Nile", "Congo", "Niger", "Zambezi"], "answer_index": 0},
        {"question": "Which river flows through Baghdad?", "options": ["Tigris", "Jordan", "Indus", "Volga"], "answer_index": 0}
    ]});
    std::fs::write(dir.path().join("q.json"), quiz.to_string()).unwrap();
    quizgen(dir.path())
        .args(["bank", "import", "q.json"])
        .assert()
        .success();
    // Two banked, five asked, no key to buy the rest: an error, and nothing written ...
    quizgen(dir.path())
        .args(["generate", "--subject", "rivers", "--count", "5"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains("no API key"));
    // ... so the two are still unserved, for the next quiz.
    let out = quizgen(dir.path())
        .args(["bank", "list", "--subject", "rivers", "--unserved"])
        .assert()
        .success();
    assert_eq!(
        String::from_utf8_lossy(&out.get_output().stdout)
            .lines()
            .count(),
        2
    );
}
