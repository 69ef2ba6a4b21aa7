//! The pool: reservations never let a window exceed its limit (proptest, simulated time), and
//! two processes on one data dir share one lane's budget without a 429.

use std::collections::HashSet;
use std::time::Duration;

use proptest::prelude::*;
use quizgen::testing::Answer;
use quizgen::testing::{Admission, Pool};
use quizgen::testing::{ApiKey, Dialect, KeysConfig, Limits, Provider};

use crate::common::mock::MockConfig;
use crate::common::{Fixture, questions};

fn config(limits: Limits) -> KeysConfig {
    KeysConfig {
        providers: vec![Provider {
            name: "p".into(),
            base_url: "http://127.0.0.1:9/v1".into(),
            models: vec!["m".into()],
            keys: vec![
                ApiKey::new("k-aaaaaaaaaaaa1".into(), Some("org".into())),
                ApiKey::new("k-bbbbbbbbbbbb2".into(), Some("org".into())),
            ],
            limits,
            price: None,
            model_prices: std::collections::BTreeMap::default(),
            dialect: Dialect::Groq,
        }],
        origin: "test".into(),
        warnings: Vec::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn reservations_never_exceed_a_window(ops in prop::collection::vec((0u64..9_000, 50u64..3_000, 0u64..100), 1..60)) {
        let dir = tempfile::tempdir().unwrap();
        let limits = Limits { rpm: Some(5), rpd: Some(40), tpm: Some(6_000), tpd: Some(50_000) };
        let mut pool = Pool::open(&config(limits), &quizgen::testing::StateAt::local(dir.path())).unwrap();
        let t0 = quizgen::testing::now_ms();
        let mut t = t0;
        // (time, tokens as finally counted)
        let mut admitted: Vec<(i64, u64)> = Vec::new();
        let mut turns = HashSet::new();
        for (dt, tokens, used_pct) in ops {
            t += dt as i64;
            let room = pool.room_at(t, 0).unwrap();
            match pool.reserve_at(t, &|_| tokens).unwrap() {
                Admission::Go(r) => {
                    turns.insert(r.key);
                    let real = tokens * used_pct / 100;
                    pool.settle_at(t + 1, &r, &crate::common::ok_answer(real / 2, real - real / 2), 1, real).unwrap();
                    admitted.push((t, real));
                    // Counted over what the pool knew at admission: the reservation itself.
                    let minute: Vec<_> = admitted.iter().filter(|(a, _)| *a > t - 60_000).collect();
                    let day: Vec<_> = admitted.iter().filter(|(a, _)| *a > t - 86_400_000).collect();
                    let minute_tokens: u64 = minute.iter().map(|(_, k)| *k).sum::<u64>() - real + tokens;
                    prop_assert!(minute.len() <= 5, "rpm exceeded");
                    prop_assert!(day.len() <= 40, "rpd exceeded");
                    prop_assert!(minute_tokens <= 6_000, "tpm exceeded: {}", minute_tokens);
                    prop_assert!(day.iter().map(|(_, k)| *k).sum::<u64>() - real + tokens <= 50_000, "tpd exceeded");
                }
                Admission::Wait(d) => {
                    prop_assert!(d > Duration::ZERO);
                    prop_assert!(tokens > room, "room for {} said, {} waits", room, tokens);
                }
                Admission::TooLarge { max_tokens } => prop_assert!(tokens > max_tokens),
                Admission::Closed(why) | Admission::Spent(why) => prop_assert!(false, "closed: {}", why),
            }
        }
        if admitted.len() >= 2 {
            prop_assert_eq!(turns.len(), 2, "the keys of one organization take turns");
        }
    }
}

#[test]
fn the_room_left_is_what_answers_really_used() {
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits {
        tpm: Some(8_000),
        ..Limits::default()
    };
    let mut pool = Pool::open(
        &config(limits),
        &quizgen::testing::StateAt::local(dir.path()),
    )
    .unwrap();
    let t0 = quizgen::testing::now_ms();
    assert_eq!(pool.room_at(t0, 0).unwrap(), 8_000);
    // Four requests reserve 2,000 each and use 1,600: a fifth of 2,000 waits, but 1,600 is left.
    for i in 0..4 {
        let Admission::Go(r) = pool.reserve_at(t0 + 10 * i, &|_| 2_000).unwrap() else {
            panic!("request {i} not admitted");
        };
        let used = crate::common::ok_answer(300, 1_300);
        pool.settle_at(t0 + 10 * i + 300, &r, &used, 15, 1_200)
            .unwrap();
    }
    let t = t0 + 1_000;
    assert_eq!(pool.room_at(t, 0).unwrap(), 1_600);
    assert!(matches!(
        pool.reserve_at(t, &|_| 2_000).unwrap(),
        Admission::Wait(_)
    ));
    assert!(matches!(
        pool.reserve_at(t, &|_| 1_600).unwrap(),
        Admission::Go(_)
    ));
    assert_eq!(pool.room_at(t + 1, 0).unwrap(), 0);
    // A minute after the first request, its use is free again.
    assert_eq!(pool.room_at(t0 + 60_005, 0).unwrap(), 1_600);
}

#[test]
fn the_room_left_follows_the_providers_report_while_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let mut pool = Pool::open(
        &config(Limits::default()),
        &quizgen::testing::StateAt::local(dir.path()),
    )
    .unwrap();
    let t0 = quizgen::testing::now_ms();
    let Admission::Go(r) = pool.reserve_at(t0, &|_| 2_000).unwrap() else {
        panic!("not admitted");
    };
    // The provider says 3,000 are left until its reset in 20 s (others use the lane too).
    pool.settle_at(
        t0 + 300,
        &r,
        &reporting(3_000, Duration::from_secs(20)),
        5,
        500,
    )
    .unwrap();
    assert_eq!(pool.room_at(t0 + 400, 0).unwrap(), 3_000);
    let Admission::Go(r) = pool.reserve_at(t0 + 500, &|_| 1_200).unwrap() else {
        panic!("not admitted");
    };
    assert_eq!(pool.room_at(t0 + 600, 0).unwrap(), 1_800);
    // Past the reset, while that request is on the wire, nothing: its answer says more.
    assert_eq!(pool.room_at(t0 + 21_000, 0).unwrap(), 0);
    // Once it is back (with no report), what a sliding log would still take: the limit less
    // our own use.
    let used = crate::common::ok_answer(600, 600);
    pool.settle_at(t0 + 21_100, &r, &used, 5, 500).unwrap();
    assert_eq!(
        pool.room_at(t0 + 21_200, 0).unwrap(),
        10_000 - 1_000 - 1_200
    );
}

#[test]
fn a_request_sent_just_before_a_reset_is_the_probe_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut pool = Pool::open(
        &config(Limits::default()),
        &quizgen::testing::StateAt::local(dir.path()),
    )
    .unwrap();
    let t0 = quizgen::testing::now_ms();
    let Admission::Go(r) = pool.reserve_at(t0, &|_| 2_000).unwrap() else {
        panic!("not admitted");
    };
    let report = reporting(3_000, Duration::from_secs(20));
    pool.settle_at(t0 + 300, &r, &report, 5, 500).unwrap();
    // Sent while the report holds, answered after its reset: a sliding log may have counted
    // it beside all it still holds, so the next request waits for its answer.
    let Admission::Go(r) = pool.reserve_at(t0 + 20_250, &|_| 2_000).unwrap() else {
        panic!("not admitted");
    };
    assert!(matches!(
        pool.reserve_at(t0 + 20_400, &|_| 2_000).unwrap(),
        Admission::Wait(_)
    ));
    let fresh = reporting(8_000, Duration::from_secs(30));
    pool.settle_at(t0 + 20_600, &r, &fresh, 5, 500).unwrap();
    assert!(matches!(
        pool.reserve_at(t0 + 20_700, &|_| 2_000).unwrap(),
        Admission::Go(_)
    ));
}

#[test]
fn a_bucket_under_a_keys_toml_ceiling_is_counted_as_a_bucket() {
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits {
        tpm: Some(6_000),
        ..Limits::default()
    };
    let mut pool = Pool::open(
        &config(limits),
        &quizgen::testing::StateAt::local(dir.path()),
    )
    .unwrap();
    let t0 = quizgen::testing::now_ms();
    // A bucket of 6,000 a minute (100 a second), emptied by three requests of 2,000.
    for i in 0..3u64 {
        let Admission::Go(r) = pool.reserve_at(t0 + i as i64, &|_| 2_000).unwrap() else {
            panic!("request {i} not admitted");
        };
        let mut a = crate::common::ok_answer(1_000, 1_000);
        a.reports = vec![quizgen::testing::WindowReport {
            window: quizgen::testing::Window::Tpm,
            limit: Some(6_000),
            remaining: 6_000 - 2_000 * (i + 1),
            reset: Duration::from_secs(20 * (i + 1)),
            bucket: true,
        }];
        pool.settle_at(t0 + i as i64 + 100, &r, &a, 10, 1_000)
            .unwrap();
    }
    assert!(matches!(
        pool.reserve_at(t0 + 10_000, &|_| 2_000).unwrap(),
        Admission::Wait(_)
    ));
    // 20 s later 2,000 have dripped back in: the keys.toml ceiling, counted as the bucket it
    // is, does not hold the request until the first ones are a minute old.
    assert!(pool.room_at(t0 + 20_200, 0).unwrap() >= 2_000);
    assert!(matches!(
        pool.reserve_at(t0 + 20_200, &|_| 2_000).unwrap(),
        Admission::Go(_)
    ));
}

#[test]
fn waits_name_the_soonest_moment() {
    let dir = tempfile::tempdir().unwrap();
    let limits = Limits {
        rpm: Some(2),
        rpd: None,
        tpm: None,
        tpd: None,
    };
    let mut pool = Pool::open(
        &config(limits),
        &quizgen::testing::StateAt::local(dir.path()),
    )
    .unwrap();
    let t0 = quizgen::testing::now_ms();
    for i in 0..2 {
        assert!(matches!(
            pool.reserve_at(t0 + i * 1000, &|_| 100).unwrap(),
            Admission::Go(_)
        ));
    }
    match pool.reserve_at(t0 + 5_000, &|_| 100).unwrap() {
        Admission::Wait(d) => assert_eq!(d.as_millis(), 55_000),
        other => panic!("expected a wait, got {other:?}"),
    }
    assert!(matches!(
        pool.reserve_at(t0 + 60_001, &|_| 100).unwrap(),
        Admission::Go(_)
    ));
}

#[test]
fn two_processes_share_one_lane_without_a_429() {
    let cfg = MockConfig {
        tpm: 4_000,
        tpm_window: Duration::from_secs(1),
        ..MockConfig::default()
    };
    let org_keys = [
        "{ key = \"k-one-1234567890\", org = \"o\" }",
        "{ key = \"k-two-1234567890\", org = \"o\" }",
    ];
    let fx = Fixture::with_extra(
        cfg,
        &["openai/gpt-oss-20b"],
        &org_keys,
        "limits = { tpm = 4000 }",
    );
    let spawn = |name: &str| {
        fx.spawn(&[
            "generate",
            "--subject",
            name,
            "--count",
            "30",
            "-q",
            "--bank",
            "off",
        ])
    };
    let (a, b) = (spawn("alpha"), spawn("beta"));
    for out in [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()] {
        assert!(out.status.success());
        assert_eq!(
            questions(std::str::from_utf8(&out.stdout).unwrap()).len(),
            30
        );
    }
    // Sixty questions (over 6,000 tokens with their prompts) cannot fit one 4,000-token
    // window: the two processes had to wait for each other.
    let seen = fx.mock.seen();
    let span = seen.last().unwrap().at - seen[0].at;
    assert!(span >= Duration::from_secs(1), "{span:?}");
    assert_eq!(
        fx.mock.count_status(429),
        0,
        "together they stayed within the lane's budget"
    );
    let keys_used: HashSet<&str> = seen.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys_used.len(), 2, "the org's keys take turns");
    let v = fx.stats();
    assert_eq!(
        v["capacity"]["distinctLanes"], 1,
        "two keys of one org are one lane"
    );
    assert_eq!(v["apiKeyStats"]["totalRequests"], seen.len());
    assert!(v["notes"][0].as_str().unwrap().contains("add no capacity"));
}

#[test]
fn keys_check_reports_each_key() {
    let models = ["openai/gpt-oss-20b", "qwen/qwen3.6-27b"];
    let fx = Fixture::new(
        MockConfig::default(),
        &models,
        &["k-good-1234567890", "dead-key-123456789"],
    );
    let out = fx
        .run(&["keys", "check"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].contains("k-go…7890")
            && lines[0].contains("valid")
            && lines[0].contains("not offered: qwen/qwen3.6-27b"),
        "{out}"
    );
    assert!(
        lines[1].contains("dead…6789") && lines[1].contains("invalid"),
        "{out}"
    );
    assert_eq!(fx.stats()["keys"][1]["status"], "invalid");
}

#[test]
fn stats_show_spend_and_cost_per_quiz_when_priced() {
    let models = ["openai/gpt-oss-20b", "openai/gpt-oss-120b"];
    let extra = "price = { input = 1.0, output = 2.0 }\nmodel_prices = { \"openai/gpt-oss-120b\" = { input = 0.0, output = 0.0 } }";
    let fx = Fixture::with_extra(
        MockConfig::default(),
        &models,
        &["k-good-1234567890"],
        extra,
    );
    fx.quiz(&["--subject", "s", "--count", "20", "--concurrency", "auto"]);
    let v = fx.stats();
    let seen = fx.mock.seen();
    let paid: Vec<_> = seen
        .iter()
        .filter(|s| s.model == "openai/gpt-oss-20b")
        .collect();
    let expected: f64 = paid
        .iter()
        .map(|s| s.prompt_tokens as f64 * 1.0 + s.completion_tokens as f64 * 2.0)
        .sum::<f64>()
        / 1e6;
    let spend = v["capacity"]["spendUsd"].as_f64().unwrap();
    assert!((spend - expected).abs() < 1e-9, "{spend} vs {expected}");
    assert!(v["capacity"]["costPerQuizUsd"].as_f64().unwrap() > 0.0);
    assert!(
        v["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.as_str().unwrap().starts_with("spent so far"))
    );

    let free = Fixture::new(MockConfig::default(), &models, &["k-good-1234567890"]);
    let v = free.stats();
    assert_eq!(v["capacity"]["spendUsd"], 0.0);
    assert!(
        v["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.as_str().unwrap().contains("cost $0"))
    );
}

#[test]
fn providers_without_known_limits_are_not_throttled_or_counted() {
    let fx = Fixture::with_extra(
        MockConfig::default(),
        &["local-model"],
        &["unused-key-123456"],
        "dialect = \"none\"",
    );
    // No header is read and no free-tier default applies: 60 questions go at once in 6 requests.
    fx.quiz(&["--subject", "s", "--count", "60", "--concurrency", "6"]);
    let seen = fx.mock.seen();
    assert_eq!(seen.len(), 6);
    // With Groq's default 8,000 TPM the sixth request would have waited a minute.
    assert!(seen[5].at - seen[0].at < Duration::from_secs(30));
    let v = fx.stats();
    assert!(v["lanes"][0]["questionsPerDay"].is_null());
    assert!(v["lanes"][0]["limits"]["tpm"].is_null());
    assert!(
        v["notes"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n.as_str().unwrap().contains("no daily limit known"))
    );
}

/// The scenario of the benchmark, smaller: three organizations on a short token window that
/// only headers reveal. Whatever way the provider counts, at most one 429 per lane.
fn at_most_one_429_per_lane(counting: crate::common::mock::Counting) {
    let fx = crate::common::Fixture::new(
        crate::common::mock::MockConfig {
            tpm: 8000,
            tpm_window: Duration::from_secs(3),
            latency: Duration::from_millis(100),
            counting,
            ..crate::common::mock::MockConfig::default()
        },
        &["openai/gpt-oss-20b"],
        &["org-a-key-000001", "org-b-key-000002", "org-c-key-000003"],
    );
    let qs = fx.quiz(&[
        "--subject",
        "s",
        "--count",
        "200",
        "--concurrency",
        "auto",
        "--bank",
        "off",
    ]);
    assert_eq!(qs.len(), 200);
    let mut per_lane: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for s in fx.mock.seen().iter().filter(|s| s.status == 429) {
        *per_lane.entry(s.key.clone()).or_default() += 1;
    }
    assert!(
        per_lane.values().all(|n| *n <= 1),
        "{counting:?}: {per_lane:?}"
    );
}

#[test]
fn a_fixed_window_gets_at_most_one_429_per_lane() {
    at_most_one_429_per_lane(crate::common::mock::Counting::Fixed);
}

#[test]
fn a_sliding_log_gets_at_most_one_429_per_lane() {
    at_most_one_429_per_lane(crate::common::mock::Counting::Sliding);
}

#[test]
fn a_token_bucket_gets_at_most_one_429_per_lane() {
    at_most_one_429_per_lane(crate::common::mock::Counting::Bucket);
}

#[test]
fn windows_and_cooldowns_run_on_a_simulated_clock() {
    use quizgen::testing::FakeClock;
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::new(1_800_000_000_000);
    let limits = Limits {
        rpm: Some(2),
        ..Limits::default()
    };
    let mut pool = Pool::open_with_clock(
        &config(limits),
        dir.path(),
        std::sync::Arc::new(clock.clone()),
    )
    .unwrap();
    let go = |pool: &mut Pool| match pool.reserve(&|_| 100).unwrap() {
        Admission::Go(r) => {
            pool.settle(&r, &crate::common::ok_answer(50, 50), 1, 50)
                .unwrap();
            None
        }
        Admission::Wait(d) => Some(d),
        other => panic!("{other:?}"),
    };
    assert_eq!(go(&mut pool), None);
    clock.advance(Duration::from_secs(10));
    assert_eq!(go(&mut pool), None);
    // The third request of the minute waits until the first leaves the window: 50 s later.
    assert_eq!(go(&mut pool), Some(Duration::from_secs(50)));
    clock.advance(Duration::from_secs(49));
    assert_eq!(go(&mut pool), Some(Duration::from_secs(1)));
    clock.advance(Duration::from_secs(1));
    assert_eq!(go(&mut pool), None, "no sleep: the clock moved");
}

/// An answer carrying a per-minute token report.
fn reporting(remaining: u64, reset: Duration) -> Answer {
    let mut a = crate::common::ok_answer(500, 500);
    a.reports = vec![quizgen::testing::WindowReport {
        window: quizgen::testing::Window::Tpm,
        limit: Some(10_000),
        remaining,
        reset,
        bucket: false,
    }];
    a
}

#[test]
fn an_answer_that_comes_back_late_does_not_undo_a_newer_report() {
    use quizgen::testing::FakeClock;
    let dir = tempfile::tempdir().unwrap();
    let clock = FakeClock::new(1_800_000_000_000);
    let mut pool = Pool::open_with_clock(
        &config(Limits::default()),
        dir.path(),
        std::sync::Arc::new(clock.clone()),
    )
    .unwrap();
    let go = |pool: &mut Pool| match pool.reserve(&|_| 1_000).unwrap() {
        Admission::Go(r) => r,
        other => panic!("{other:?}"),
    };
    let (first, second) = (go(&mut pool), go(&mut pool));
    // The provider counted both: the second's report (made last) says 8,000 are left, and
    // it comes back first. The first's report, made before the second arrived, says 9,000.
    clock.advance(Duration::from_millis(300));
    pool.settle(&second, &reporting(8_000, Duration::from_secs(50)), 1, 500)
        .unwrap();
    pool.settle(&first, &reporting(9_000, Duration::from_secs(50)), 1, 500)
        .unwrap();
    // 8,000 left: eight more requests of 1,000 fit, and the ninth waits for the reset.
    for i in 0..8 {
        let r = go(&mut pool);
        assert!(r.tokens == 1_000, "request {i}");
    }
    match pool.reserve(&|_| 1_000).unwrap() {
        Admission::Wait(d) => assert!(d > Duration::from_secs(40), "{d:?}"),
        other => panic!("the stale report let a ninth request through: {other:?}"),
    }
}

/// An answer that used `used` tokens, with a per-minute token report of a limit of 10,000.
fn used_reporting(used: u64, remaining: u64, reset: Duration) -> Answer {
    let mut a = reporting(remaining, reset);
    a.verdict = crate::common::ok_answer(used / 2, used - used / 2).verdict;
    a
}

/// A lane whose provider counts a sliding log of `log` (limit 10,000): requests of `tokens` at
/// `t0`, then `log / 6` later, each reported as such a log reports it; then a probe of 2,000
/// just past the first report's reset, when only the first use has left, and its report.
/// Returns the moment the probe's report says the second use leaves.
fn slide_past_a_reset(pool: &mut Pool, t0: i64, log: i64, tokens: u64) -> i64 {
    let go = |pool: &mut Pool, at: i64, tokens: u64| match pool.reserve_at(at, &|_| tokens) {
        Ok(Admission::Go(r)) => r,
        other => panic!("at {}: {other:?}", at - t0),
    };
    let d = |ms: i64| Duration::from_millis(ms as u64);
    let second = t0 + log / 6;
    let r = go(pool, t0, tokens);
    let a = used_reporting(tokens, 10_000 - tokens, d(log));
    pool.settle_at(t0 + 100, &r, &a, 5, 500).unwrap();
    let r = go(pool, second, tokens);
    let a = used_reporting(tokens, 10_000 - 2 * tokens, d(log - log / 6));
    pool.settle_at(second + 100, &r, &a, 5, 500).unwrap();
    // Past the reset the first use has left; the second is still counted beside the probe.
    let probe_at = t0 + 100 + log + 10;
    let r = go(pool, probe_at, 2_000);
    let leaves = second + log;
    let a = used_reporting(2_000, 10_000 - tokens - 2_000, d(leaves - probe_at - 100));
    pool.settle_at(probe_at + 100, &r, &a, 5, 500).unwrap();
    leaves
}

#[test]
fn a_sliding_log_is_learned_after_a_reset_and_counted_as_one() {
    let dir = tempfile::tempdir().unwrap();
    let at = quizgen::testing::StateAt::local(dir.path());
    let mut pool = Pool::open(&config(Limits::default()), &at).unwrap();
    let t0 = quizgen::testing::now_ms();
    let leaves = slide_past_a_reset(&mut pool, t0, 60_000, 4_000);
    // The provider still counts the second use (4,000) and the probe (2,000) until `leaves`:
    // past the probe's reset, a request of 7,000 would meet a 429 before the second use is
    // gone, though nothing was sent since that reset. The pool knows the log now.
    let just_after = leaves + 150;
    assert_eq!(pool.room_at(just_after, 0).unwrap(), 4_000);
    match pool.reserve_at(just_after, &|_| 7_000).unwrap() {
        Admission::Wait(w) => assert!(w <= Duration::from_secs(1), "{w:?}"),
        other => panic!("the log's second use is still counted: {other:?}"),
    }
    assert!(matches!(
        pool.reserve_at(leaves + 1_000, &|_| 7_000).unwrap(),
        Admission::Go(_)
    ));
}

#[test]
fn a_sliding_log_of_seconds_is_counted_over_its_own_length() {
    let dir = tempfile::tempdir().unwrap();
    let at = quizgen::testing::StateAt::local(dir.path());
    let mut pool = Pool::open(&config(Limits::default()), &at).unwrap();
    let t0 = quizgen::testing::now_ms();
    let leaves = slide_past_a_reset(&mut pool, t0, 6_000, 4_000);
    // A log of 6 s, as its first report's reset said: our use leaves it 6.3 s after it was
    // sent, not a minute after.
    assert!(matches!(
        pool.reserve_at(leaves + 200, &|_| 7_000).unwrap(),
        Admission::Wait(_)
    ));
    assert!(matches!(
        pool.reserve_at(leaves + 400, &|_| 7_000).unwrap(),
        Admission::Go(_)
    ));
}

#[test]
fn a_fixed_window_is_not_taken_for_a_sliding_log() {
    let dir = tempfile::tempdir().unwrap();
    let at = quizgen::testing::StateAt::local(dir.path());
    let mut pool = Pool::open(&config(Limits::default()), &at).unwrap();
    let t0 = quizgen::testing::now_ms();
    let go = |pool: &mut Pool, at: i64, tokens: u64| match pool.reserve_at(at, &|_| tokens) {
        Ok(Admission::Go(r)) => r,
        other => panic!("at {}: {other:?}", at - t0),
    };
    let r = go(&mut pool, t0, 4_000);
    let a = used_reporting(4_000, 6_000, Duration::from_secs(60));
    pool.settle_at(t0 + 100, &r, &a, 5, 500).unwrap();
    let r = go(&mut pool, t0 + 10_000, 4_000);
    let a = used_reporting(4_000, 2_000, Duration::from_secs(50));
    pool.settle_at(t0 + 10_100, &r, &a, 5, 500).unwrap();
    // Past the reset the window is whole again: the probe's report counts only the probe.
    let r = go(&mut pool, t0 + 60_200, 2_000);
    let a = used_reporting(2_000, 8_000, Duration::from_millis(59_800));
    pool.settle_at(t0 + 60_300, &r, &a, 5, 500).unwrap();
    // The next window's reset passed: a request of 8,500 goes at once, as the probe of it
    // (a sliding log would still count the probe for 2 s).
    assert!(matches!(
        pool.reserve_at(t0 + 120_200, &|_| 8_500).unwrap(),
        Admission::Go(_)
    ));
}
