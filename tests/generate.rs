//! `quizgen generate` end to end against the mock provider: formats, validation, balancing,
//! and every kind of provider answer.

mod common;

use common::mock::{Fault, MockConfig, MockProvider, RETIRED, UNKNOWN};
use common::{assert_well_formed, keys_file, questions, quizgen, rt};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const MODEL: &str = "openai/gpt-oss-20b";

#[test]
fn json_happy_path_batches_requests() {
    let rt = rt();
    let (server, mock) = rt.block_on(MockProvider::start(MockConfig::default()));
    let dir = tempfile::tempdir().unwrap();
    let keys = keys_file(
        dir.path(),
        &server.uri(),
        &[MODEL],
        &["k-one-1234567890"],
        "",
    );
    let out = quizgen(dir.path())
        .args([
            "generate",
            "--subject",
            "ocean tides",
            "--count",
            "12",
            "--keys",
        ])
        .arg(&keys)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let qs = questions(&text);
    assert_eq!(qs.len(), 12);
    assert_well_formed(&qs, 4);
    let seen = mock.seen();
    let asked: Vec<usize> = seen.iter().map(|s| s.asked).collect();
    assert_eq!(asked, vec![10, 2], "several questions per request");
    let body = &seen[0].body;
    assert_eq!(body["response_format"]["type"], "json_schema");
    assert_eq!(body["reasoning_effort"], "low");
    assert!(
        seen[0].max_completion_tokens > seen[1].max_completion_tokens,
        "max tokens sized from the batch"
    );
    assert!(text.contains("\"subject\": \"ocean tides\""));
}

#[test]
fn csv_with_hard_characters_survives_a_real_reader() {
    let rt = rt();
    let (server, mock) = rt.block_on(MockProvider::start(MockConfig::default()));
    let tricky = r#"{"questions":[{"question":"Which city, \"the Big Apple\", is\nin New York?","options":["New York City","Zürich, CH","São \"Paulo\"","Kraków\nPL"],"answer_index":0,"explanation":"It's NYC, naïvely."}]}"#;
    mock.push_fault(Fault::Content(tricky.into()));
    let dir = tempfile::tempdir().unwrap();
    let keys = keys_file(
        dir.path(),
        &server.uri(),
        &[MODEL],
        &["k-one-1234567890"],
        "",
    );
    let out_path = dir.path().join("quiz.csv");
    quizgen(dir.path())
        .args([
            "generate",
            "--subject",
            "cities",
            "--count",
            "1",
            "--format",
            "csv",
            "-o",
        ])
        .arg(&out_path)
        .arg("--keys")
        .arg(&keys)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out_path).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        r.headers().unwrap().iter().collect::<Vec<_>>(),
        vec![
            "question",
            "option_a",
            "option_b",
            "option_c",
            "option_d",
            "answer",
            "explanation"
        ]
    );
    let rec = r.records().next().unwrap().unwrap();
    assert_eq!(&rec[0], "Which city, \"the Big Apple\", is in New York?");
    let letter = rec[5].chars().next().unwrap();
    let idx = (letter as u8 - b'A') as usize;
    assert_eq!(&rec[1 + idx], "New York City");
    let opts: Vec<&str> = (1..=4).map(|i| &rec[i]).collect();
    assert!(
        opts.contains(&"Zürich, CH")
            && opts.contains(&"São \"Paulo\"")
            && opts.contains(&"Kraków PL"),
        "{opts:?}"
    );
    assert_eq!(&rec[6], "It's NYC, naïvely.");
}

#[test]
fn broken_questions_are_dropped_and_asked_again() {
    let rt = rt();
    let (server, mock) = rt.block_on(MockProvider::start(MockConfig::default()));
    let broken = r#"{"questions":[
        {"question":"Dup options?","options":["x","x","y","z"],"answer_index":0},
        {"question":"Answer missing?","options":["p","q","r","s"],"answer":"nowhere"},
        {"question":"Three options?","options":["p","q","r"],"answer_index":0},
        {"question":"","options":["p","q","r","s"],"answer_index":0},
        {"question":"Only good one here?","options":["good","bad","ugly","odd"],"answer_index":0}]}"#;
    mock.push_fault(Fault::Content(broken.into()));
    let dir = tempfile::tempdir().unwrap();
    let keys = keys_file(
        dir.path(),
        &server.uri(),
        &[MODEL],
        &["k-one-1234567890"],
        "",
    );
    let out = quizgen(dir.path())
        .args(["generate", "--subject", "s", "--count", "5", "--keys"])
        .arg(&keys)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let qs = questions(&String::from_utf8(out).unwrap());
    assert_eq!(qs.len(), 5);
    assert_well_formed(&qs, 4);
    assert!(qs.iter().any(|q| q["question"] == "Only good one here?"));
    let asked: Vec<usize> = mock.seen().iter().map(|s| s.asked).collect();
    assert_eq!(
        asked,
        vec![5, 4],
        "the four broken ones are asked for again"
    );
}

#[test]
fn answers_piled_on_b_come_out_balanced() {
    let rt = rt();
    let cfg = MockConfig {
        bias_b: 0.6,
        ..MockConfig::default()
    };
    let (server, _mock) = rt.block_on(MockProvider::start(cfg));
    let dir = tempfile::tempdir().unwrap();
    let keys = keys_file(
        dir.path(),
        &server.uri(),
        &[MODEL],
        &["k-one-1234567890"],
        "",
    );
    let out = quizgen(dir.path())
        .args([
            "generate",
            "--subject",
            "s",
            "--count",
            "20",
            "--seed",
            "3",
            "--keys",
        ])
        .arg(&keys)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let qs = questions(&String::from_utf8(out).unwrap());
    let mut counts = [0; 4];
    for q in &qs {
        counts[q["answer_index"].as_u64().unwrap() as usize] += 1;
        // The right answer is still the right one after moving.
        let right = &q["options"][q["answer_index"].as_u64().unwrap() as usize];
        assert!(right.as_str().unwrap().ends_with(" link"), "{q}");
    }
    assert_eq!(counts, [5, 5, 5, 5]);
}

#[test]
fn seed_makes_positions_reproducible() {
    let rt = rt();
    let dir = tempfile::tempdir().unwrap();
    let mut runs = Vec::new();
    for _ in 0..2 {
        let (server, _mock) = rt.block_on(MockProvider::start(MockConfig::default()));
        let keys = keys_file(
            dir.path(),
            &server.uri(),
            &[MODEL],
            &["k-one-1234567890"],
            "",
        );
        let out = quizgen(dir.path())
            .args([
                "generate",
                "--subject",
                "s",
                "--count",
                "8",
                "--seed",
                "42",
                "--bank",
                "off",
                "--keys",
            ])
            .arg(&keys)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        let qs = questions(&String::from_utf8(out).unwrap());
        runs.push(
            qs.iter()
                .map(|q| q["answer_index"].as_u64().unwrap())
                .collect::<Vec<_>>(),
        );
    }
    assert_eq!(runs[0], runs[1]);
}

#[test]
fn dead_key_listed_first_costs_one_request() {
    let rt = rt();
    let (server, mock) = rt.block_on(MockProvider::start(MockConfig::default()));
    let dir = tempfile::tempdir().unwrap();
    let keys = keys_file(
        dir.path(),
        &server.uri(),
        &[MODEL],
        &["dead-key-123456789", "k-good-1234567890"],
        "",
    );
    quizgen(dir.path())
        .args(["generate", "--subject", "s", "--count", "25", "--keys"])
        .arg(&keys)
        .assert()
        .success()
        .stderr(contains("dead…6789").and(contains("invalid")));
    assert_eq!(mock.count_status(401), 1);
    // A second run remembers it: no request with the dead key at all.
    quizgen(dir.path())
        .args(["generate", "--subject", "t", "--count", "3", "--keys"])
        .arg(&keys)
        .assert()
        .success();
    assert_eq!(mock.count_status(401), 1);
    let stats = quizgen(dir.path())
        .args(["stats", "--json", "--keys"])
        .arg(&keys)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&stats).unwrap();
    assert_eq!(v["apiKeyStats"]["invalidKeys"], 1);
    assert_eq!(v["apiKeyStats"]["availableKeys"], 1);
    assert_eq!(v["keys"][0]["status"], "invalid");
    assert_eq!(v["keys"][0]["key"], "dead…6789");
}

#[test]
fn retired_and_unknown_models_are_dropped_after_one_request() {
    let rt = rt();
    let (server, mock) = rt.block_on(MockProvider::start(MockConfig::default()));
    let dir = tempfile::tempdir().unwrap();
    let keys = keys_file(
        dir.path(),
        &server.uri(),
        &[RETIRED, UNKNOWN, MODEL],
        &["k-good-1234567890"],
        "",
    );
    quizgen(dir.path())
        .args(["generate", "--subject", "s", "--count", "30", "--keys"])
        .arg(&keys)
        .assert()
        .success()
        .stderr(contains(RETIRED).and(contains("retired")));
    assert_eq!(mock.count_status(400), 1);
    assert_eq!(mock.count_status(404), 1);
    assert_eq!(mock.count_status(200), 3);
}

#[test]
fn only_retired_models_is_a_clear_error() {
    let rt = rt();
    let (server, _mock) = rt.block_on(MockProvider::start(MockConfig::default()));
    let dir = tempfile::tempdir().unwrap();
    let keys = keys_file(
        dir.path(),
        &server.uri(),
        &[RETIRED],
        &["k-good-1234567890"],
        "",
    );
    quizgen(dir.path())
        .args(["generate", "--subject", "s", "--keys"])
        .arg(&keys)
        .assert()
        .code(1)
        .stderr(contains("no usable model left").and(contains(RETIRED)));
}

#[test]
fn throttled_lane_cools_down_and_the_run_completes() {
    let rt = rt();
    let (server, mock) = rt.block_on(MockProvider::start(MockConfig::default()));
    mock.push_fault(Fault::Throttle("tokens per minute (TPM)", 1.0));
    let dir = tempfile::tempdir().unwrap();
    let keys = keys_file(
        dir.path(),
        &server.uri(),
        &[MODEL],
        &["k-good-1234567890"],
        "",
    );
    quizgen(dir.path())
        .args(["generate", "--subject", "s", "--count", "10", "--keys"])
        .arg(&keys)
        .assert()
        .success();
    let seen = mock.seen();
    assert_eq!(seen.iter().filter(|s| s.status == 429).count(), 1);
    let gap = seen[1].at - seen[0].at;
    assert!(
        gap.as_millis() >= 900,
        "waited for retry-after, not {gap:?}"
    );
    let stats = quizgen(dir.path())
        .args(["stats", "--json", "--keys"])
        .arg(&keys)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&stats).unwrap();
    assert_eq!(v["keys"][0]["rateLimited"], 1);
    assert_eq!(v["keys"][0]["requests"], 2);
}

#[test]
fn too_large_requests_shrink_and_are_never_resent_unchanged() {
    let rt = rt();
    let cfg = MockConfig {
        tpm: 1500,
        tpm_window: std::time::Duration::from_secs(2),
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
    quizgen(dir.path())
        .args([
            "generate",
            "--subject",
            "s",
            "--count",
            "6",
            "--max-wait",
            "5m",
            "--keys",
        ])
        .arg(&keys)
        .assert()
        .success();
    let seen = mock.seen();
    assert_eq!(
        seen.iter().filter(|s| s.status == 413).count(),
        1,
        "one 413, then smaller requests"
    );
    let first = &seen[0];
    assert_eq!(first.status, 413);
    for s in &seen[1..] {
        assert!(
            s.prompt_tokens + s.max_completion_tokens <= 1500,
            "resent too large: {}",
            s.max_completion_tokens
        );
    }
}

#[test]
fn transient_errors_are_retried() {
    let rt = rt();
    let (server, mock) = rt.block_on(MockProvider::start(MockConfig::default()));
    mock.push_fault(Fault::Status503);
    mock.push_fault(Fault::Status503);
    let dir = tempfile::tempdir().unwrap();
    let keys = keys_file(
        dir.path(),
        &server.uri(),
        &[MODEL],
        &["k-good-1234567890"],
        "",
    );
    quizgen(dir.path())
        .args(["generate", "--subject", "s", "--count", "4", "--keys"])
        .arg(&keys)
        .assert()
        .success();
    assert_eq!(mock.count_status(503), 2);
    assert_eq!(mock.count_status(200), 1);
}

#[test]
fn persistent_transient_errors_end_after_retries() {
    let rt = rt();
    let (server, mock) = rt.block_on(MockProvider::start(MockConfig::default()));
    for _ in 0..5 {
        mock.push_fault(Fault::Status503);
    }
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
            "--retries",
            "2",
            "--keys",
        ])
        .arg(&keys)
        .assert()
        .code(3)
        .stderr(contains("HTTP 503"));
    assert_eq!(mock.count_status(503), 2);
}

#[test]
fn json_failures_and_prose_are_asked_again() {
    let rt = rt();
    let (server, mock) = rt.block_on(MockProvider::start(MockConfig::default()));
    mock.push_fault(Fault::JsonValidateFailed);
    mock.push_fault(Fault::Content("Sorry, I can only chat.".into()));
    let dir = tempfile::tempdir().unwrap();
    let keys = keys_file(
        dir.path(),
        &server.uri(),
        &[MODEL],
        &["k-good-1234567890"],
        "",
    );
    let out = quizgen(dir.path())
        .args(["generate", "--subject", "s", "--count", "3", "--keys"])
        .arg(&keys)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(questions(&String::from_utf8(out).unwrap()).len(), 3);
    assert_eq!(mock.seen().len(), 3);
}

#[test]
fn truncated_output_is_salvaged() {
    let rt = rt();
    let (server, mock) = rt.block_on(MockProvider::start(MockConfig::default()));
    mock.push_fault(Fault::Truncated(3));
    let dir = tempfile::tempdir().unwrap();
    let keys = keys_file(
        dir.path(),
        &server.uri(),
        &[MODEL],
        &["k-good-1234567890"],
        "",
    );
    let out = quizgen(dir.path())
        .args(["generate", "--subject", "s", "--count", "5", "--keys"])
        .arg(&keys)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(questions(&String::from_utf8(out).unwrap()).len(), 5);
    let seen = mock.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(
        seen[1].asked, 2,
        "3 whole questions salvaged from the cut answer"
    );
    assert!(seen[1].max_completion_tokens > 0);
}

#[test]
fn max_wait_passed_writes_what_was_had_and_exits_3() {
    let rt = rt();
    let cfg = MockConfig {
        rpd: 1,
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
    let out_path = dir.path().join("q.json");
    quizgen(dir.path())
        .args([
            "generate",
            "--subject",
            "s",
            "--count",
            "15",
            "--max-wait",
            "30s",
            "-o",
        ])
        .arg(&out_path)
        .arg("--keys")
        .arg(&keys)
        .assert()
        .code(3)
        .stderr(contains("wrote 10 of 15").and(contains("capacity returns in")));
    assert_eq!(
        questions(&std::fs::read_to_string(&out_path).unwrap()).len(),
        10
    );
    assert_eq!(
        mock.count_status(429),
        0,
        "the spent daily budget was known from headers"
    );
}

#[test]
fn six_options_and_a_language_reach_the_prompt() {
    let rt = rt();
    let (server, mock) = rt.block_on(MockProvider::start(MockConfig::default()));
    let dir = tempfile::tempdir().unwrap();
    let keys = keys_file(
        dir.path(),
        &server.uri(),
        &["mistral-small"],
        &["k-good-1234567890"],
        "",
    );
    let out = quizgen(dir.path())
        .args([
            "generate",
            "--subject",
            "s",
            "--count",
            "3",
            "--options",
            "6",
            "--language",
            "French",
            "--difficulty",
            "hard",
            "--format",
            "csv",
            "--keys",
        ])
        .arg(&keys)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with(
        "question,option_a,option_b,option_c,option_d,option_e,option_f,answer,explanation"
    ));
    let body = &mock.seen()[0].body;
    let user = body["messages"][1]["content"].as_str().unwrap();
    assert!(user.contains("French") && user.contains("hard") && user.contains("exactly 6 options"));
    assert_eq!(body["response_format"]["type"], "json_object");
}

#[test]
fn ctrl_c_writes_what_was_had_and_exits_130() {
    let rt = rt();
    let cfg = MockConfig {
        latency: std::time::Duration::from_millis(700),
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
    let child = std::process::Command::new(assert_cmd::cargo::cargo_bin("quizgen"))
        .current_dir(dir.path())
        .env_remove("GROQ_API_KEY")
        .env("QUIZGEN_DATA_DIR", dir.path().join("data"))
        .args(["generate", "--subject", "s", "--count", "50", "-o"])
        .arg(&out_path)
        .arg("--keys")
        .arg(&keys)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while mock.count_status(200) < 2 && start.elapsed() < std::time::Duration::from_secs(30) {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    std::thread::sleep(std::time::Duration::from_millis(900));
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("interrupted: wrote"), "{err}");
    let qs = questions(&std::fs::read_to_string(&out_path).unwrap());
    assert!(qs.len() >= 20 && qs.len() < 50, "{}", qs.len());
    assert_well_formed(&qs, 4);
}

#[test]
fn from_a_text_with_keys_asks_for_grounded_questions_chunk_by_chunk() {
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
    let para = |topic: &str| format!("{topic} ").repeat(100);
    let text = format!(
        "{}\n\n{}\n\n{}\n",
        para("Glaciers carve valleys."),
        para("Rivers deposit silt."),
        para("Winds shape dunes.")
    );
    std::fs::write(dir.path().join("notes.md"), text).unwrap();
    let out = quizgen(dir.path())
        .args([
            "generate",
            "--from",
            "notes.md",
            "--count",
            "6",
            "--concurrency",
            "1",
            "--keys",
        ])
        .arg(&keys)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let qs = questions(&String::from_utf8(out).unwrap());
    assert_eq!(qs.len(), 6);
    let seen = mock.seen();
    assert!(seen.len() >= 3, "the questions are spread over the chunks");
    let prompts: Vec<String> = seen
        .iter()
        .map(|s| {
            s.body["messages"][1]["content"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert!(
        prompts[0].contains("Glaciers carve valleys.")
            && !prompts[0].contains("Winds shape dunes.")
    );
    assert!(prompts[1].contains("Rivers deposit silt."));
    assert!(
        prompts
            .iter()
            .all(|p| p.contains("Use only facts from this source text"))
    );
    let sources: std::collections::HashSet<&str> =
        qs.iter().map(|q| q["source"].as_str().unwrap()).collect();
    assert!(
        sources.iter().any(|s| s.ends_with("(chunk 1)"))
            && sources.iter().any(|s| s.ends_with("(chunk 3)")),
        "{sources:?}"
    );
}
