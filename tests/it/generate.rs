//! `quizgen generate` end to end against the mock provider: formats, validation, balancing,
//! and every kind of provider answer.

use std::time::Duration;

use crate::common::mock::{Fault, MockConfig, RETIRED, UNKNOWN};
use crate::common::{Fixture, assert_well_formed, questions};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const MODEL: &str = "openai/gpt-oss-20b";
const KEY: &str = "k-good-1234567890";

fn fixture() -> Fixture {
    Fixture::new(MockConfig::default(), &[MODEL], &[KEY])
}

#[test]
fn json_happy_path_batches_requests() {
    let fx = fixture();
    let out = fx
        .run(&["generate", "--subject", "ocean tides", "--count", "12"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let qs = questions(&text);
    assert_eq!(qs.len(), 12);
    assert_well_formed(&qs, 4);
    assert!(text.contains("\"subject\": \"ocean tides\""));
    let seen = fx.mock.seen();
    let asked: Vec<usize> = seen.iter().map(|s| s.asked).collect();
    assert_eq!(asked, vec![10, 2], "several questions per request");
    assert_eq!(seen[0].body["response_format"]["type"], "json_schema");
    assert_eq!(seen[0].body["reasoning_effort"], "low");
    assert!(
        seen[0].max_completion_tokens > seen[1].max_completion_tokens,
        "max tokens sized from the batch"
    );
}

#[test]
fn csv_with_hard_characters_survives_a_real_reader() {
    let fx = fixture();
    let tricky = r#"{"questions":[{"question":"Which city, \"the Big Apple\", is\nin New York?","options":["New York City","Zürich, CH","São \"Paulo\"","Kraków\nPL"],"answer_index":0,"explanation":"It's NYC, naïvely."}]}"#;
    fx.mock.push_fault(Fault::Content(tricky.into()));
    let out_path = fx.path().join("quiz.csv");
    fx.run(&[
        "generate",
        "--subject",
        "cities",
        "--count",
        "1",
        "--format",
        "csv",
        "-o",
        out_path.to_str().unwrap(),
    ])
    .assert()
    .success();
    let text = std::fs::read_to_string(&out_path).unwrap();
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(
        header,
        [
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
    // A line break in the text is kept: a quoted newline in the cell.
    assert_eq!(&rec[0], "Which city, \"the Big Apple\", is\nin New York?");
    let idx = (rec[5].as_bytes()[0] - b'A') as usize;
    assert_eq!(&rec[1 + idx], "New York City");
    let opts: Vec<&str> = (1..=4).map(|i| &rec[i]).collect();
    assert!(
        opts.contains(&"Zürich, CH")
            && opts.contains(&"São \"Paulo\"")
            && opts.contains(&"Kraków\nPL"),
        "{opts:?}"
    );
    assert_eq!(&rec[6], "It's NYC, naïvely.");
}

#[test]
fn broken_questions_are_dropped_and_asked_again() {
    let fx = fixture();
    let broken = r#"{"questions":[
        {"question":"Dup options?","options":["x","x","y","z"],"answer_index":0},
        {"question":"Answer missing?","options":["p","q","r","s"],"answer":"nowhere"},
        {"question":"Three options?","options":["p","q","r"],"answer_index":0},
        {"question":"","options":["p","q","r","s"],"answer_index":0},
        {"question":"Only good one here?","options":["good","bad","ugly","odd"],"answer_index":0}]}"#;
    fx.mock.push_fault(Fault::Content(broken.into()));
    let qs = fx.quiz(&["--subject", "s", "--count", "5"]);
    assert_eq!(qs.len(), 5);
    assert_well_formed(&qs, 4);
    assert!(qs.iter().any(|q| q["question"] == "Only good one here?"));
    let asked: Vec<usize> = fx.mock.seen().iter().map(|s| s.asked).collect();
    assert_eq!(
        asked,
        vec![5, 4],
        "the four broken ones are asked for again"
    );
}

#[test]
fn answers_piled_on_b_come_out_balanced() {
    let fx = Fixture::new(
        MockConfig {
            bias_b: 0.6,
            ..MockConfig::default()
        },
        &[MODEL],
        &[KEY],
    );
    let qs = fx.quiz(&["--subject", "s", "--count", "20", "--seed", "3"]);
    let mut counts = [0; 4];
    for q in &qs {
        let at = q["answer_index"].as_u64().unwrap() as usize;
        counts[at] += 1;
        // The right answer is still the right one after moving.
        assert!(q["options"][at].as_str().unwrap().ends_with(" link"), "{q}");
    }
    assert_eq!(counts, [5, 5, 5, 5]);
}

#[test]
fn seed_makes_positions_reproducible() {
    let positions = || {
        let fx = fixture();
        let qs = fx.quiz(&[
            "--subject",
            "s",
            "--count",
            "8",
            "--seed",
            "42",
            "--bank",
            "off",
        ]);
        qs.iter()
            .map(|q| q["answer_index"].as_u64().unwrap())
            .collect::<Vec<_>>()
    };
    assert_eq!(positions(), positions());
}

#[test]
fn dead_key_listed_first_costs_one_request() {
    let fx = Fixture::new(
        MockConfig::default(),
        &[MODEL],
        &["dead-key-123456789", KEY],
    );
    fx.run(&["generate", "--subject", "s", "--count", "25"])
        .assert()
        .success()
        .stderr(contains("dead…6789").and(contains("invalid")));
    assert_eq!(fx.mock.count_status(401), 1);
    // A second run remembers it: no request with the dead key at all.
    fx.run(&["generate", "--subject", "t", "--count", "3"])
        .assert()
        .success();
    assert_eq!(fx.mock.count_status(401), 1);
    let v = fx.stats();
    assert_eq!(v["apiKeyStats"]["invalidKeys"], 1);
    assert_eq!(v["apiKeyStats"]["availableKeys"], 1);
    assert_eq!(v["keys"][0]["status"], "invalid");
    assert_eq!(v["keys"][0]["key"], "dead…6789");
}

#[test]
fn retired_and_unknown_models_are_dropped_after_one_request() {
    let fx = Fixture::new(MockConfig::default(), &[RETIRED, UNKNOWN, MODEL], &[KEY]);
    fx.run(&["generate", "--subject", "s", "--count", "30"])
        .assert()
        .success()
        .stderr(contains(RETIRED).and(contains("retired")));
    assert_eq!(fx.mock.count_status(400), 1);
    assert_eq!(fx.mock.count_status(404), 1);
    assert_eq!(fx.mock.count_status(200), 3);
    let v = fx.stats();
    assert_eq!(v["lanes"][0]["status"], "model retired");
    assert_eq!(v["capacity"]["distinctLanes"], 1);
}

#[test]
fn only_retired_models_is_a_clear_error() {
    let fx = Fixture::new(MockConfig::default(), &[RETIRED], &[KEY]);
    fx.run(&["generate", "--subject", "s"])
        .assert()
        .code(1)
        .stderr(contains("no usable model left").and(contains(RETIRED)));
}

#[test]
fn throttled_lane_cools_down_and_the_run_completes() {
    let fx = fixture();
    fx.mock
        .push_fault(Fault::Throttle("tokens per minute (TPM)", 0.3));
    fx.quiz(&["--subject", "s", "--count", "10"]);
    let seen = fx.mock.seen();
    assert_eq!(fx.mock.count_status(429), 1);
    let gap = seen[1].at - seen[0].at;
    assert!(
        gap >= Duration::from_millis(280),
        "waited for retry-after, not {gap:?}"
    );
    let v = fx.stats();
    assert_eq!(v["keys"][0]["rateLimited"], 1);
    // The 429 and the answers after it (batches sized to the TPM the 429's headers told).
    assert_eq!(v["keys"][0]["requests"], seen.len());
}

#[test]
fn a_daily_429_marks_the_lane_exhausted() {
    let fx = fixture();
    fx.mock
        .push_fault(Fault::Throttle("requests per day (RPD)", 3600.0));
    fx.run(&[
        "generate",
        "--subject",
        "s",
        "--count",
        "5",
        "--max-wait",
        "1m",
    ])
    .assert()
    .code(3)
    .stderr(contains("0 of 5 questions").and(contains("capacity returns in")));
    let v = fx.stats();
    assert_eq!(v["keys"][0]["status"], "exhausted");
    assert_eq!(v["lanes"][0]["status"], "exhausted");
    assert_eq!(v["capacity"]["remainingToday"], 0);
    assert!(v["keys"][0]["cooldownSeconds"].as_u64().unwrap() > 3500);
}

#[test]
fn too_large_requests_shrink_and_are_never_resent_unchanged() {
    let cfg = MockConfig {
        tpm: 1500,
        tpm_window: Duration::from_millis(300),
        ..MockConfig::default()
    };
    let fx = Fixture::new(cfg, &[MODEL], &[KEY]);
    fx.quiz(&["--subject", "s", "--count", "6", "--max-wait", "5m"]);
    let seen = fx.mock.seen();
    assert_eq!(
        fx.mock.count_status(413),
        1,
        "one 413, then smaller requests"
    );
    assert_eq!(seen[0].status, 413);
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
    let fx = fixture();
    fx.mock.push_fault(Fault::Status503);
    fx.mock.push_fault(Fault::Status503);
    fx.quiz(&["--subject", "s", "--count", "4"]);
    assert_eq!(fx.mock.count_status(503), 2);
    assert_eq!(fx.mock.count_status(200), 1);
}

#[test]
fn transient_errors_are_retried_until_the_quiz_is_whole() {
    let fx = fixture();
    for _ in 0..5 {
        fx.mock.push_fault(Fault::Status503);
    }
    let qs = fx.quiz(&["--subject", "s", "--count", "4", "--retries", "2"]);
    assert_eq!(qs.len(), 4);
    assert_eq!(fx.mock.count_status(503), 5);
}

#[test]
fn persistent_transient_errors_end_at_max_wait_with_the_cause() {
    let fx = fixture();
    for _ in 0..1000 {
        fx.mock.push_fault(Fault::Status503);
    }
    let start = std::time::Instant::now();
    fx.run(&[
        "generate",
        "--subject",
        "s",
        "--count",
        "4",
        "--max-wait",
        "1s",
    ])
    .assert()
    .code(3)
    .stderr(contains("HTTP 503").and(contains("--max-wait")));
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
}

#[test]
fn json_failures_and_prose_are_asked_again() {
    let fx = fixture();
    fx.mock.push_fault(Fault::JsonValidateFailed);
    fx.mock
        .push_fault(Fault::Content("Sorry, I can only chat.".into()));
    assert_eq!(fx.quiz(&["--subject", "s", "--count", "3"]).len(), 3);
    assert_eq!(fx.mock.seen().len(), 3);
    // Bad output does not count against the key.
    assert_eq!(fx.stats()["keys"][0]["status"], "available");
}

#[test]
fn truncated_output_is_salvaged() {
    let fx = fixture();
    fx.mock.push_fault(Fault::Truncated(3));
    assert_eq!(fx.quiz(&["--subject", "s", "--count", "5"]).len(), 5);
    let seen = fx.mock.seen();
    assert_eq!(seen.len(), 2);
    assert_eq!(
        seen[1].asked, 2,
        "3 whole questions salvaged from the cut answer"
    );
}

#[test]
fn max_wait_passed_writes_what_was_had_and_exits_3() {
    let fx = Fixture::new(
        MockConfig {
            rpd: 1,
            ..MockConfig::default()
        },
        &[MODEL],
        &[KEY],
    );
    let out_path = fx.path().join("q.json");
    fx.run(&[
        "generate",
        "--subject",
        "s",
        "--count",
        "15",
        "--max-wait",
        "30s",
        "-o",
        out_path.to_str().unwrap(),
    ])
    .assert()
    .code(3)
    .stderr(contains("wrote 10 of 15").and(contains("capacity returns in")));
    assert_eq!(
        questions(&std::fs::read_to_string(&out_path).unwrap()).len(),
        10
    );
    assert_eq!(
        fx.mock.count_status(429),
        0,
        "the spent daily budget was known from headers"
    );
}

#[test]
fn six_options_and_a_language_reach_the_prompt() {
    let fx = Fixture::new(MockConfig::default(), &["mistral-small"], &[KEY]);
    let args = [
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
    ];
    let out = fx.run(&args).assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with(
        "\u{FEFF}question,option_a,option_b,option_c,option_d,option_e,option_f,answer,explanation\r\n"
    ));
    let body = &fx.mock.seen()[0].body;
    let user = body["messages"][1]["content"].as_str().unwrap();
    assert!(user.contains("French") && user.contains("hard") && user.contains("exactly 6 options"));
    assert_eq!(body["response_format"]["type"], "json_object");
}

#[test]
fn ctrl_c_writes_what_was_had_and_exits_130() {
    let cfg = MockConfig {
        latency: Duration::from_millis(200),
        tpm: 100_000,
        ..MockConfig::default()
    };
    let fx = Fixture::new(cfg, &[MODEL], &[KEY]);
    let out_path = fx.path().join("quiz.json");
    let child = fx.spawn(&[
        "generate",
        "--subject",
        "s",
        "--count",
        "200",
        "-o",
        out_path.to_str().unwrap(),
    ]);
    fx.wait_for_answers(2);
    std::thread::sleep(Duration::from_millis(300));
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
    assert!(qs.len() >= 20 && qs.len() < 200, "{}", qs.len());
    assert_well_formed(&qs, 4);
}

#[test]
fn from_a_text_with_keys_asks_for_grounded_questions_chunk_by_chunk() {
    let fx = fixture();
    let para = |topic: &str| format!("{topic} ").repeat(100);
    let text = format!(
        "{}\n\n{}\n\n{}\n",
        para("Glaciers carve valleys."),
        para("Rivers deposit silt."),
        para("Winds shape dunes.")
    );
    std::fs::write(fx.path().join("notes.md"), text).unwrap();
    let qs = fx.quiz(&["--from", "notes.md", "--count", "6"]);
    assert_eq!(qs.len(), 6);
    let seen = fx.mock.seen();
    assert!(seen.len() >= 3, "the questions are spread over the chunks");
    let prompts: Vec<&str> = seen
        .iter()
        .map(|s| s.body["messages"][1]["content"].as_str().unwrap())
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
    let sources: Vec<&str> = qs.iter().map(|q| q["source"].as_str().unwrap()).collect();
    assert!(
        sources.iter().any(|s| s.ends_with("(chunk 1)"))
            && sources.iter().any(|s| s.ends_with("(chunk 3)")),
        "{sources:?}"
    );
}

#[test]
fn kahoot_refuses_long_questions_and_more_than_four_options() {
    let fx = fixture();
    fx.run(&[
        "generate",
        "--subject",
        "s",
        "--format",
        "kahoot",
        "--options",
        "5",
        "-o",
        "k.xlsx",
    ])
    .assert()
    .code(2)
    .stderr(contains("at most 4 options"));
    let long = "Why ".repeat(40);
    let batch = format!(
        r#"{{"questions":[{{"question":"{long}?","options":["a1","b2","c3","d4"],"answer_index":0}},
        {{"question":"Short and fine?","options":["yes","no","maybe","never mind"],"answer_index":2}}]}}"#
    );
    fx.mock.push_fault(Fault::Content(batch));
    let out = fx.path().join("quiz.xlsx");
    fx.run(&[
        "generate",
        "--subject",
        "s",
        "--count",
        "2",
        "--format",
        "kahoot",
        "-o",
        out.to_str().unwrap(),
    ])
    .assert()
    .success();
    assert_eq!(
        fx.mock.seen().iter().map(|s| s.asked).collect::<Vec<_>>(),
        vec![2, 1],
        "the long one is asked again"
    );
    let mut book = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut strings = String::new();
    std::io::Read::read_to_string(
        &mut book.by_name("xl/sharedStrings.xml").unwrap(),
        &mut strings,
    )
    .unwrap();
    assert!(
        strings.contains("Short and fine?") && !strings.contains("Why Why"),
        "{strings}"
    );
}

#[test]
fn batches_grow_with_the_per_minute_budget_and_shrink_with_it() {
    let asked = |tpm: u64| {
        let cfg = MockConfig {
            tpm: 1_000_000,
            ..MockConfig::default()
        };
        let fx = Fixture::with_extra(
            cfg,
            &[MODEL],
            &[KEY],
            &format!("limits = {{ tpm = {tpm} }}"),
        );
        fx.run(&["generate", "--subject", "ocean tides", "--count", "40"])
            .assert()
            .success();
        fx.mock.seen().iter().map(|s| s.asked).collect::<Vec<_>>()
    };
    // A large budget: 20 questions a request, the prompt spread over more of them.
    assert_eq!(asked(200_000), vec![20, 20]);
    // A small one: a request takes at most a third of the minute, so fewer than 10 at first
    // (more later, once answers show the model writes questions in fewer tokens).
    let small = asked(6_000);
    assert!(small[0] < 10 && small.iter().all(|&n| n < 20), "{small:?}");
    assert!(small.iter().max() > Some(&small[0]), "{small:?}");
    assert_eq!(small.iter().sum::<usize>(), 40);
}

#[test]
fn a_question_the_format_cannot_hold_is_asked_for_again() {
    let fx = fixture();
    let answer = r#"{"questions":[
        {"question":"E. coli is which kind of organism?","options":["A bacterium","A virus","A fungus","A protist"],"answer_index":0},
        {"question":"Which gas do plants take in?","options":["Carbon dioxide","Helium","Neon","Argon"],"answer_index":0}]}"#;
    fx.mock.push_fault(Fault::Content(answer.into()));
    let out = fx
        .run(&[
            "generate",
            "--subject",
            "s",
            "--count",
            "2",
            "--format",
            "aiken",
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(!text.contains("E. coli"), "{text}");
    assert!(text.contains("Which gas do plants take in?"));
    assert_eq!(text.matches("ANSWER: ").count(), 2);
    let asked: Vec<usize> = fx.mock.seen().iter().map(|s| s.asked).collect();
    assert_eq!(
        asked,
        vec![2, 1],
        "the Aiken-breaking one is asked for again"
    );
}
