//! `--verify`: answer keys checked by a blind solve on another lane (the mock answers solve
//! requests with the keys it handed out, some of them wrong when told to).

use crate::common::mock::MockConfig;
use crate::common::{Fixture, questions};
use serde_json::Value;

const WRITER: &str = "openai/gpt-oss-20b";
const CHECKER: &str = "llama-3.3-70b-versatile";

#[test]
fn every_key_is_checked_on_another_model_and_refusals_are_replaced() {
    let cfg = MockConfig {
        solve_wrong_every: 5,
        ..MockConfig::default()
    };
    let fx = Fixture::new(cfg, &[WRITER, CHECKER], &["gsk_one_1234567890"]);
    let out = fx
        .run(&[
            "generate",
            "--subject",
            "tides",
            "--count",
            "20",
            "--verify",
        ])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let qs = questions(&String::from_utf8_lossy(&out.get_output().stdout));
    assert_eq!(qs.len(), 20, "full size: refusals are replaced\n{stderr}");
    let seen = fx.mock.seen();
    let solves: Vec<_> = seen.iter().filter(|s| s.solved > 0).collect();
    assert!(!solves.is_empty());
    // Each question's checker is the other model than the one that wrote it.
    let writer_of: std::collections::HashMap<&str, &str> = seen
        .iter()
        .flat_map(|s| {
            s.stems
                .iter()
                .map(move |st| (st.as_str(), s.model.as_str()))
        })
        .collect();
    for q in &qs {
        let stem = q["question"].as_str().unwrap();
        let by = q["verified_by"]
            .as_str()
            .expect("verified_by on every question");
        let wrote = writer_of[stem];
        assert!(
            !by.ends_with(wrote),
            "{stem}: written by {wrote}, checked by {by}"
        );
    }
    // The solve shows no key: no answer_index, no explanation in the prompt.
    let prompt = solves[0].body["messages"][1]["content"].as_str().unwrap();
    assert!(!prompt.contains("answer_index\": 0") && !prompt.contains("explanation"));
    // Every 5th solved question was answered wrong: refused, counted, and replaced.
    assert!(stderr.contains("refused by verification"), "{stderr}");
    let summary = stderr.lines().find(|l| l.contains("summary:")).unwrap();
    assert!(summary.contains("wrote 20 of 20"), "{summary}");
    let refused: usize = summary
        .split(", ")
        .find(|p| p.ends_with("refused by verification"))
        .and_then(|p| p.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("the summary counts refusals");
    assert!(refused >= 4, "{summary}");
    // The bank remembers: refused ones are never served, verified ones carry their checker.
    let stats = crate::common::quizgen(fx.path())
        .args(["bank", "stats", "--json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(v[0]["refused_by_verification"], refused);
    assert!(v[0]["verified"].as_u64().unwrap() >= 20);
}

#[test]
fn banked_unverified_questions_are_checked_before_they_are_served() {
    let fx = Fixture::new(
        MockConfig::default(),
        &[WRITER, CHECKER],
        &["gsk_one_1234567890"],
    );
    // Stock the bank without verification, then serve it with.
    std::fs::write(fx.path().join("subjects.txt"), "moons, 12\n").unwrap();
    fx.run(&["batch", "subjects.txt"]).assert().success();
    let mid = fx.mock.seen().len();
    assert!(fx.mock.seen().iter().all(|s| s.solved == 0));
    let out = fx
        .run(&[
            "generate",
            "--subject",
            "moons",
            "--count",
            "5",
            "--bank",
            "only",
            "--verify",
        ])
        .assert()
        .success();
    let qs = questions(&String::from_utf8_lossy(&out.get_output().stdout));
    assert_eq!(qs.len(), 5);
    assert!(qs.iter().all(|q| q["verified_by"].is_string()));
    let after: Vec<_> = fx.mock.seen()[mid..].to_vec();
    assert!(
        !after.is_empty() && after.iter().all(|s| s.solved > 0),
        "only solves: nothing bought"
    );
    let list = crate::common::quizgen(fx.path())
        .args(["bank", "list", "--subject", "moons"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&list.stdout);
    assert_eq!(text.matches("\tverified by mock/").count(), 5, "{text}");
    assert_eq!(text.matches("\tunverified").count(), 7, "{text}");
}

#[test]
fn one_lane_checks_itself_with_a_warning_and_csv_names_the_checker() {
    let fx = Fixture::new(MockConfig::default(), &[WRITER], &["gsk_one_1234567890"]);
    let out = fx
        .run(&[
            "generate",
            "--subject",
            "rivers",
            "--count",
            "4",
            "--verify",
            "--format",
            "csv",
        ])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(stderr.contains("a weaker check"), "{stderr}");
    let text = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    let mut r = csv::Reader::from_reader(text.trim_start_matches('\u{FEFF}').as_bytes());
    let header = r.headers().unwrap().clone();
    assert_eq!(header.iter().next_back(), Some("verified_by"));
    for rec in r.records() {
        assert_eq!(
            rec.unwrap().iter().next_back(),
            Some(format!("mock/{WRITER}").as_str())
        );
    }
}

#[test]
fn an_unanswered_question_is_solved_again_once_then_refused() {
    let cfg = MockConfig {
        solve_skip_every: 1,
        ..MockConfig::default()
    };
    let fx = Fixture::new(cfg, &[WRITER, CHECKER], &["gsk_one_1234567890"]);
    let out = fx
        .run(&[
            "generate",
            "--subject",
            "lakes",
            "--count",
            "2",
            "--verify",
            "--max-wait",
            "20s",
        ])
        .assert()
        .code(3);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr);
    assert!(stderr.contains("refused by verification"), "{stderr}");
    // The first two are shown twice (solved again once), then refused and replaced, for five
    // rounds at most: the run ends short rather than loop.
    let solves: Vec<usize> = fx
        .mock
        .seen()
        .iter()
        .map(|s| s.solved)
        .filter(|&n| n > 0)
        .collect();
    assert_eq!(solves[..2], [2, 2], "{solves:?}");
}

#[test]
fn verify_can_be_a_default_in_keys_toml() {
    let fx = Fixture::new(
        MockConfig::default(),
        &[WRITER, CHECKER],
        &["gsk_one_1234567890"],
    );
    let text = std::fs::read_to_string(&fx.keys).unwrap();
    std::fs::write(&fx.keys, format!("[defaults]\nverify = true\n\n{text}")).unwrap();
    let qs = fx.quiz(&["--subject", "clouds", "--count", "3"]);
    assert!(qs.iter().all(|q| q["verified_by"].is_string()));
}
