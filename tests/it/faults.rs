//! Upstream faults, end to end: 5xx storms, gateways that only throttle, nonsense numbers,
//! silent and endless servers, answers that are no API at all, redirects. Whatever upstream
//! does, quizgen ends within `--max-wait`, keeps every question it paid for, and says why.

use std::collections::HashSet;
use std::time::{Duration, Instant};

use crate::common::mock::{Gateway, MockConfig};
use crate::common::{Fixture, questions};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const MODEL: &str = "openai/gpt-oss-20b";

fn fixture(cfg: MockConfig) -> Fixture {
    Fixture::new(cfg, &[MODEL, "openai/gpt-oss-120b"], &["k-one-1234567890"])
}

/// Stems the bank holds (`bank list` prints id, subject, served, stem, answer, verified).
fn banked_stems(fx: &Fixture) -> HashSet<String> {
    let out = crate::common::quizgen(fx.path())
        .args(["bank", "list"])
        .assert()
        .success();
    String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .filter_map(|l| l.split('\t').nth(3).map(str::to_owned))
        .collect()
}

#[test]
fn a_5xx_storm_under_auto_concurrency_delivers_every_quiz_and_banks_every_answer() {
    // Budgets large enough that the storm, not the limits, is what the runs meet.
    let fx = fixture(MockConfig {
        storm_5xx: 30,
        latency: Duration::from_millis(30),
        tpm: 400_000,
        rpm: 1000,
        ..MockConfig::default()
    });
    for run in 0..5 {
        let out = fx
            .run(&[
                "generate",
                "--subject",
                &format!("storm {run}"),
                "--count",
                "60",
                "--concurrency",
                "auto",
                "--bank",
                "fresh",
            ])
            .assert()
            .success();
        let qs = questions(&String::from_utf8_lossy(&out.get_output().stdout));
        assert_eq!(qs.len(), 60, "run {run}");
    }
    assert!(fx.mock.count_status(503) >= 5, "the storm happened");
    let handed_out: HashSet<String> = fx
        .mock
        .seen()
        .iter()
        .flat_map(|s| s.stems.clone())
        .collect();
    let banked = banked_stems(&fx);
    let lost: Vec<_> = handed_out.difference(&banked).collect();
    assert!(lost.is_empty(), "paid questions never banked: {lost:?}");
}

#[test]
fn a_gateway_that_only_throttles_ends_within_max_wait() {
    let fx = fixture(MockConfig {
        gateway: Some(Gateway::Bare429(0.2)),
        ..MockConfig::default()
    });
    let start = Instant::now();
    fx.run(&["generate", "--subject", "s", "--max-wait", "2s"])
        .assert()
        .code(3)
        .stderr(contains("429"));
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{:?}",
        start.elapsed()
    );
    assert!(
        fx.mock.seen().len() <= 12,
        "{} requests",
        fx.mock.seen().len()
    );
}

#[test]
fn a_lane_answering_429_again_and_again_is_closed_for_the_run() {
    let fx = fixture(MockConfig {
        gateway: Some(Gateway::Bare429(0.2)),
        ..MockConfig::default()
    });
    fx.run(&["generate", "--subject", "s", "--max-429", "2"])
        .assert()
        .code(3)
        .stderr(contains("closed for this run"));
    // Two lanes, two 429s each.
    assert_eq!(fx.mock.seen().len(), 4);
}

#[test]
fn nonsense_rate_limit_numbers_never_stop_this_run_or_a_later_one() {
    let fx = fixture(MockConfig {
        headers_override: vec![
            ("x-ratelimit-limit-tokens", "5"),
            ("x-ratelimit-remaining-tokens", "7000"),
            ("x-ratelimit-reset-tokens", "99999999999h"),
            ("x-ratelimit-limit-requests", "-1"),
            ("x-ratelimit-remaining-requests", "lots"),
            ("x-ratelimit-reset-requests", "1e999h"),
        ],
        ..MockConfig::default()
    });
    assert_eq!(fx.quiz(&["--subject", "s", "--count", "5"]).len(), 5);
    // A 429 asking for two days is clamped too.
    fx.mock.push_fault(crate::common::mock::Fault::Throttle(
        "tokens per minute (TPM)",
        172_800.0,
    ));
    assert_eq!(fx.quiz(&["--subject", "t", "--count", "5"]).len(), 5);
    // The same data dir, now with a healthy provider: a new run is not held back.
    let healthy = Fixture::new(
        MockConfig::default(),
        &[MODEL, "openai/gpt-oss-120b"],
        &["k-one-1234567890"],
    );
    let start = Instant::now();
    let mut c = crate::common::quizgen(fx.path());
    c.args(["generate", "--subject", "u", "--count", "5", "--keys"])
        .arg(&healthy.keys);
    let out = c.assert().success();
    assert_eq!(
        questions(&String::from_utf8_lossy(&out.get_output().stdout)).len(),
        5
    );
    assert!(start.elapsed() < Duration::from_secs(30));
}

#[test]
fn unreadable_state_rows_are_reset_with_a_warning() {
    let fx = fixture(MockConfig::default());
    assert_eq!(fx.quiz(&["--subject", "s", "--count", "3"]).len(), 3);
    let state = fx.path().join("data/state.sqlite");
    let db = rusqlite::Connection::open(&state).unwrap();
    db.execute_batch(
        "UPDATE lanes SET cooldown_until_ms = 'soon', learned_tpm = 0; UPDATE reports SET remaining = 'x';",
    )
    .unwrap();
    drop(db);
    fx.run(&["generate", "--subject", "t", "--count", "3"])
        .assert()
        .success()
        .stderr(contains("could not be read").and(contains("reset")));
    assert_eq!(fx.quiz(&["--subject", "v", "--count", "3"]).len(), 3);
}

#[test]
fn a_server_that_never_answers_is_bounded_by_the_request_timeout_and_max_wait() {
    let dir = tempfile::tempdir().unwrap();
    let keys = crate::common::keys_file(
        dir.path(),
        &crate::common::raw::silent_server(),
        &[MODEL],
        &["k-one-1234567890"],
        "",
    );
    let start = Instant::now();
    crate::common::quizgen(dir.path())
        .args([
            "generate",
            "--subject",
            "s",
            "--request-timeout",
            "1s",
            "--max-wait",
            "2s",
            "--keys",
        ])
        .arg(&keys)
        .assert()
        .code(3)
        .stderr(contains("timed out"));
    assert!(
        start.elapsed() < Duration::from_secs(15),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn an_endless_body_is_cut_off_and_memory_stays_small() {
    let dir = tempfile::tempdir().unwrap();
    let keys = crate::common::keys_file(
        dir.path(),
        &crate::common::raw::endless_server(),
        &[MODEL],
        &["k-one-1234567890"],
        "",
    );
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("quizgen"))
        .current_dir(dir.path())
        .env("QUIZGEN_DATA_DIR", dir.path().join("data"))
        .args(["generate", "--subject", "s", "--max-wait", "1s", "--keys"])
        .arg(&keys)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if let Ok(text) = std::fs::read_to_string(&status_file)
            && let Some(kb) = text
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<u64>().ok())
        {
            peak_kb = peak_kb.max(kb);
        }
        assert!(start.elapsed() < Duration::from_secs(60), "still running");
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(3), "{err}");
    assert!(err.contains("MB; cut off"), "{err}");
    assert!(peak_kb > 0 && peak_kb < 100 * 1024, "peak {peak_kb} kB");
}

#[test]
fn html_and_empty_answers_say_so_within_seconds() {
    for (gateway, says) in [
        (Gateway::Html, "an HTML page"),
        (Gateway::Empty, "an empty body"),
    ] {
        let fx = fixture(MockConfig {
            gateway: Some(gateway),
            ..MockConfig::default()
        });
        let start = Instant::now();
        fx.run(&["generate", "--subject", "s", "--count", "20"])
            .assert()
            .code(3)
            .stderr(contains(says).and(contains("base_url")));
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{:?}",
            start.elapsed()
        );
    }
}

#[test]
fn a_redirect_is_not_followed_and_names_its_target() {
    let fx = fixture(MockConfig {
        gateway: Some(Gateway::Redirect(
            "http://127.0.0.1:9/v1/chat/completions".into(),
        )),
        ..MockConfig::default()
    });
    fx.run(&["generate", "--subject", "s"])
        .assert()
        .code(1)
        .stderr(contains(
            "redirects to http://127.0.0.1:9/v1/chat/completions",
        ));
    // One request per lane at most: the body is never sent to the target.
    assert!(fx.mock.seen().len() <= 2);
}

/// Starts a 40-question run with two requests in flight, waits until `on_wire` requests have
/// reached the mock, and sends `signal`.
fn signal_with_requests_on_the_wire(
    fx: &Fixture,
    on_wire: usize,
    signal: &str,
) -> std::process::Child {
    let child = fx.spawn(&[
        "generate",
        "--subject",
        "s",
        "--count",
        "40",
        "--concurrency",
        "2",
    ]);
    crate::common::wait_until(&format!("{on_wire} requests on the wire"), || {
        fx.mock.seen().len() >= on_wire
    });
    std::process::Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    child
}

#[test]
fn ctrl_c_waits_for_answers_on_the_wire_and_banks_them() {
    let fx = fixture(MockConfig {
        latency: Duration::from_millis(600),
        ..MockConfig::default()
    });
    let child = signal_with_requests_on_the_wire(&fx, 1, "INT");
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130));
    let handed_out: HashSet<String> = fx
        .mock
        .seen()
        .iter()
        .filter(|s| s.status == 200)
        .flat_map(|s| s.stems.clone())
        .collect();
    assert!(!handed_out.is_empty());
    let banked = banked_stems(&fx);
    assert!(
        handed_out.is_subset(&banked),
        "answers on the wire were lost"
    );
}

#[test]
fn max_wait_is_the_total_waited_even_with_progress_between_waits() {
    let fx = fixture(MockConfig::default());
    // 100 questions take a handful of requests, each after a 429: their cooldowns add up to
    // more than --max-wait though questions arrive between them.
    for _ in 0..10 {
        fx.mock.push_fault(crate::common::mock::Fault::Throttle(
            "tokens per minute (TPM)",
            0.5,
        ));
        fx.mock.push_fault(crate::common::mock::Fault::Pass);
    }
    let start = Instant::now();
    let out = fx
        .run(&[
            "generate",
            "--subject",
            "s",
            "--count",
            "100",
            "--max-wait",
            "1s",
            "--max-429",
            "100",
        ])
        .assert()
        .code(3)
        .stderr(contains("--max-wait"));
    let had = questions(&String::from_utf8_lossy(&out.get_output().stdout)).len();
    assert!((10..100).contains(&had), "{had} questions");
    assert!(start.elapsed() < Duration::from_secs(20));
}

#[test]
fn a_spent_balance_is_not_waited_for() {
    // Beside a good key: the good key finishes, the spent one is tried once.
    let fx = Fixture::new(
        MockConfig::default(),
        &[MODEL],
        &["broke-1234567890", "k-good-1234567890"],
    );
    let start = Instant::now();
    fx.run(&["generate", "--subject", "s", "--count", "20"])
        .assert()
        .success()
        .stderr(contains("no credit left"));
    let spent = fx
        .mock
        .seen()
        .iter()
        .filter(|s| s.key.starts_with("broke-"))
        .count();
    assert!(
        (1..=2).contains(&spent),
        "the spent key was tried {spent} times"
    );
    // And it is remembered: a later run does not try it again.
    fx.run(&["generate", "--subject", "t", "--count", "5"])
        .assert()
        .success();
    let again = fx
        .mock
        .seen()
        .iter()
        .filter(|s| s.key.starts_with("broke-"))
        .count();
    assert_eq!(again, spent);
    // `keys check` cannot see a balance (the models answer alike): a valid key's mark is
    // lifted, and the line says it had run out of credit.
    fx.run(&["keys", "check"])
        .assert()
        .success()
        .stdout(contains("credit had run out: marked usable again"));
    assert_eq!(fx.stats()["keys"][0]["status"], "available");
    // Alone: a clear error within seconds.
    let alone = Fixture::new(MockConfig::default(), &[MODEL], &["broke-9999999999"]);
    alone
        .run(&["generate", "--subject", "s", "--max-wait", "10m"])
        .assert()
        .code(1)
        .stderr(contains("quota"));
    assert!(start.elapsed() < Duration::from_secs(20));
}

#[test]
fn a_configured_limit_is_a_ceiling_whatever_the_provider_reports() {
    let fx = Fixture::with_extra(
        MockConfig::default(),
        &[MODEL],
        &["k-one-1234567890"],
        "limits = { rpd = 2 }",
    );
    fx.run(&[
        "generate",
        "--subject",
        "s",
        "--count",
        "50",
        "--max-wait",
        "3s",
    ])
    .assert()
    .code(3);
    assert_eq!(fx.mock.seen().len(), 2, "rpd = 2 in keys.toml");
    let stats = fx.stats();
    let lane = &stats["lanes"][0];
    let used = lane["usedToday"]["requests"].as_u64().unwrap();
    let limit = lane["limits"]["rpd"].as_u64().unwrap();
    assert!(used <= limit, "stats shows {used}/{limit}");
}

#[test]
fn a_local_provider_gets_no_invented_limits() {
    // 40 requests in a row to a loopback server: Groq's free 30 RPM would make the run wait.
    let fx = Fixture::new(
        MockConfig {
            rpm: 1000,
            tpm: 1_000_000,
            ..MockConfig::default()
        },
        &[MODEL],
        &["k-one-1234567890"],
    );
    let start = Instant::now();
    let qs = fx.quiz(&["--subject", "s", "--count", "400", "--concurrency", "4"]);
    assert_eq!(qs.len(), 400);
    assert!(
        start.elapsed() < Duration::from_secs(40),
        "{:?}",
        start.elapsed()
    );
    let stats = fx.stats();
    assert_ne!(
        stats["lanes"][0]["limits"]["rpm"], 30,
        "{}",
        stats["lanes"][0]
    );
}

fn unsettled(fx: &Fixture) -> i64 {
    let db = rusqlite::Connection::open(fx.path().join("data/state.sqlite")).unwrap();
    db.query_row(
        "SELECT COUNT(*) FROM events WHERE settled_ms IS NULL",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

#[test]
fn reservations_given_up_on_are_settled_now_or_at_the_next_start() {
    // Interrupted with answers too slow to wait for: settled as sent on the way out.
    let fx = fixture(MockConfig {
        latency: Duration::from_secs(5),
        ..MockConfig::default()
    });
    let child = signal_with_requests_on_the_wire(&fx, 2, "TERM");
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(143));
    assert_eq!(unsettled(&fx), 0, "abandoned reservations were left open");
    // A run killed outright leaves them open; the next start settles the stale ones.
    let db = rusqlite::Connection::open(fx.path().join("data/state.sqlite")).unwrap();
    let old = quizgen::testing::now_ms() - 10 * 60_000;
    db.execute(
        "INSERT INTO events(lane, key_fp, at_ms, tokens) VALUES('mock/x/openai/gpt-oss-20b', 'fp', ?1, 500)",
        [old],
    )
    .unwrap();
    drop(db);
    assert_eq!(unsettled(&fx), 1);
    let healthy = fixture(MockConfig::default());
    let mut c = crate::common::quizgen(fx.path());
    c.args(["generate", "--subject", "t", "--count", "3", "--keys"])
        .arg(&healthy.keys);
    c.assert().success();
    assert_eq!(unsettled(&fx), 0);
}

#[test]
fn a_spent_daily_budget_ends_within_seconds_of_max_wait() {
    let fx = Fixture::new(
        MockConfig {
            rpd: 1,
            ..MockConfig::default()
        },
        &[MODEL],
        &["k-one-1234567890"],
    );
    let start = Instant::now();
    fx.run(&[
        "generate",
        "--subject",
        "s",
        "--count",
        "30",
        "--max-wait",
        "3s",
    ])
    .assert()
    .code(3)
    .stderr(contains("wrote 10 of 30"));
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "{:?}",
        start.elapsed()
    );
}
