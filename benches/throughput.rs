//! Throughput of the key pool against the mock provider (not a timed test: run `cargo bench`).
//!
//! Three organizations, one model, a per-minute token window shortened to a few seconds and
//! revealed only through headers, 300 questions, `--concurrency auto`. Prints wall time against
//! the best any client could do with the same requests, the share of requests refused with 429,
//! and tokens per question against the content the model returned. A second run with one
//! request in flight per lane (`--concurrency 3`) shows what `auto`'s second request buys.
//!
//! Then Groq's free tier on its real minute (30 RPM and 8,000 TPM per organization, both
//! counted each of the three ways), 1,000 questions: about three minutes a counting kind. The
//! targets there: at most one 429 a lane, within 1.05x the best possible, at most 100 tokens a
//! question.

#[path = "../tests/it/common/mock.rs"]
mod mock;
#[path = "../tests/it/common/pg.rs"]
mod pg;

use std::collections::HashMap;
use std::time::{Duration, Instant};

use mock::{Counting, MockConfig, MockProvider};

const QUESTIONS: usize = 300;
const WINDOW: Duration = Duration::from_secs(5);
const TPM: u64 = 8_000;
const LATENCY: Duration = Duration::from_millis(300);

fn main() {
    // `cargo bench` passes --bench; a filter argument that is not ours means "not this bench".
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with('-') && !"throughput".contains(a.as_str()))
    {
        return;
    }
    // QUIZGEN_BENCH_ONLY=sliding (fixed, bucket, c3, groq-fixed, groq-sliding, groq-bucket,
    // groq, machines) runs one scenario or family; QUIZGEN_BENCH_TRACE=1 prints every request
    // the mock saw.
    let only = std::env::var("QUIZGEN_BENCH_ONLY").unwrap_or_default();
    let wanted =
        |name: &str| only.is_empty() || only == name || name.starts_with(&format!("{only}-"));
    let kinds = [
        ("fixed", Counting::Fixed),
        ("sliding", Counting::Sliding),
        ("bucket", Counting::Bucket),
    ];
    for (name, counting) in kinds {
        if wanted(name) {
            run(&Scenario::short(counting, "auto"));
        }
    }
    if wanted("c3") {
        run(&Scenario::short(Counting::Fixed, "3"));
    }
    for (name, counting) in kinds {
        if wanted(&format!("groq-{name}")) {
            run(&Scenario::groq(counting));
        }
    }
    if wanted("machines") {
        machines();
    }
}

/// What one run asks of what provider.
struct Scenario {
    questions: usize,
    counting: Counting,
    concurrency: &'static str,
    /// The token window and the request window (the mock counts both `counting`'s way).
    tpm_window: Duration,
    rpm_window: Duration,
    tpm: u64,
    rpm: u64,
    /// What keys.toml says of the limits (quizgen's Groq defaults, for the real-minute runs).
    limits: &'static str,
    /// What the scenario is, printed before its figures, and its wall-time target.
    about: &'static str,
    ratio_target: f64,
}

impl Scenario {
    /// The quick scenario: a token window of a few seconds, revealed only through headers.
    fn short(counting: Counting, concurrency: &'static str) -> Scenario {
        Scenario {
            questions: QUESTIONS,
            counting,
            concurrency,
            tpm_window: WINDOW,
            rpm_window: Duration::from_secs(60),
            tpm: TPM,
            rpm: 30,
            limits: "",
            about: "8000 TPM per 5 s window, headers only,",
            ratio_target: 1.15,
        }
    }

    /// Groq's free tier as it is: 30 requests and 8,000 tokens a real minute per organization,
    /// 1,000 questions. Groq sends no RPM header: quizgen knows the 30 from its Groq defaults,
    /// written here as `limits` because the mock is not on api.groq.com.
    fn groq(counting: Counting) -> Scenario {
        Scenario {
            questions: 1000,
            counting,
            concurrency: "auto",
            tpm_window: Duration::from_secs(60),
            rpm_window: Duration::from_secs(60),
            tpm: 8000,
            rpm: 30,
            limits: "limits = { rpm = 30, rpd = 1000, tpm = 8000, tpd = 200000 }\n",
            about: "real minute: 30 RPM, 8000 TPM",
            ratio_target: 1.05,
        }
    }
}

/// Three machines on one key's lane, 60 questions each: with their own `SQLite` state each
/// believes it holds the whole budget; on one `PostgreSQL` database (`QUIZGEN_TEST_DATABASE_URL`,
/// as `.ci/run` sets it) they share it. Prints the 429s that reached the provider each way.
fn machines() {
    let shared = pg::fresh_database("bench");
    println!("three machines, one lane (TPM {TPM} per {WINDOW:?}), 60 questions each:");
    for url in std::iter::once(None).chain(shared.clone().map(Some)) {
        let label = if url.is_some() {
            "one PostgreSQL database"
        } else {
            "separate SQLite data dirs"
        };
        let Bench {
            mock, dir, keys, ..
        } = bench_mock(
            &Scenario::short(Counting::Fixed, "auto"),
            &["org-a-key-000001"],
        );
        let start = Instant::now();
        let children: Vec<_> = ["a", "b", "c"]
            .iter()
            .map(|m| {
                let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_quizgen"));
                c.args([
                    "-q",
                    "generate",
                    "--subject",
                    "rivers",
                    "--count",
                    "60",
                    "--keys",
                ])
                .arg(&keys)
                .env("QUIZGEN_DATA_DIR", dir.path().join(m))
                .env_remove("GROQ_API_KEY")
                .env_remove("QUIZGEN_DATABASE_URL")
                .stdout(std::process::Stdio::null());
                if let Some(u) = &url {
                    c.env("QUIZGEN_DATABASE_URL", u);
                }
                c.spawn().unwrap()
            })
            .collect();
        let ok = children
            .into_iter()
            .map(|c| c.wait_with_output().unwrap().status.success())
            .filter(|s| *s)
            .count();
        let seen = mock.seen();
        println!(
            "  {label}: {ok}/3 finished in {:.1}s, {} requests, {} refused with 429",
            start.elapsed().as_secs_f64(),
            seen.len(),
            seen.iter().filter(|s| s.status == 429).count()
        );
    }
}

/// The mock provider every scenario runs against (the bench's window, latency and limits,
/// counted `counting`'s way) and a keys file for it, one organization per key. The runtime and
/// server live as long as this does.
struct Bench {
    _rt: tokio::runtime::Runtime,
    _server: wiremock::MockServer,
    mock: MockProvider,
    dir: tempfile::TempDir,
    keys: std::path::PathBuf,
}

fn bench_mock(sc: &Scenario, keys: &[&str]) -> Bench {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let cfg = MockConfig {
        tpm: sc.tpm,
        tpm_window: sc.tpm_window,
        rpm: sc.rpm,
        rpm_window: sc.rpm_window,
        rpd: 1000,
        latency: LATENCY,
        counting: sc.counting,
        ..MockConfig::default()
    };
    let (server, mock) = rt.block_on(MockProvider::start(cfg));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keys.toml");
    let keys: Vec<String> = keys.iter().map(|k| format!("\"{k}\"")).collect();
    std::fs::write(
        &path,
        format!(
            "[[providers]]\nname = \"mock\"\nbase_url = \"{}/v1\"\ndialect = \"groq\"\nmodel = \"openai/gpt-oss-20b\"\nkeys = [{}]\n{}",
            server.uri(),
            keys.join(", "),
            sc.limits
        ),
    )
    .unwrap();
    Bench {
        _rt: rt,
        _server: server,
        mock,
        dir,
        keys: path,
    }
}

fn run(sc: &Scenario) {
    let Bench {
        mock, dir, keys, ..
    } = bench_mock(
        sc,
        &["org-a-key-000001", "org-b-key-000002", "org-c-key-000003"],
    );
    let start = Instant::now();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_quizgen"))
        .args([
            "-q",
            "generate",
            "--subject",
            "benchmarks",
            "--count",
            &sc.questions.to_string(),
            "--concurrency",
            sc.concurrency,
            "--bank",
            "off",
            "--keys",
        ])
        .arg(&keys)
        .env("QUIZGEN_DATA_DIR", dir.path().join("data"))
        .env_remove("GROQ_API_KEY")
        .output()
        .unwrap();
    let wall = start.elapsed();
    assert!(
        out.status.success(),
        "quizgen failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let quiz: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let got = quiz["questions"].as_array().map_or(0, Vec::len);
    let seen = mock.seen();
    if std::env::var_os("QUIZGEN_BENCH_TRACE").is_some() {
        trace(&seen, start);
    }
    println!(
        "{:?} window ({} per organization; 3 organizations x 1 model, latency {LATENCY:?}), --concurrency {}: {got}/{} questions",
        sc.counting, sc.about, sc.concurrency, sc.questions
    );
    report_requests(&seen);
    report_time(sc, &seen, wall);
    report_tokens(&seen, got);
}

fn trace(seen: &[mock::Seen], start: Instant) {
    for s in seen {
        println!(
            "    {:>6} ms  {}  {}  {} tokens (max {})",
            s.at.duration_since(start).as_millis(),
            &s.key[..5],
            s.status,
            s.prompt_tokens + s.completion_tokens,
            s.max_completion_tokens
        );
    }
}

/// Requests sent, and the 429s: in all, after a lane's first answer (its limits were known by
/// then), and the most on one lane.
fn report_requests(seen: &[mock::Seen]) {
    let refused = seen.iter().filter(|s| s.status == 429).count();
    let mut first_ok: HashMap<&str, Instant> = HashMap::new();
    for s in seen.iter().filter(|s| s.status == 200) {
        first_ok.entry(s.key.as_str()).or_insert(s.at);
    }
    let late_429 = seen
        .iter()
        .filter(|s| s.status == 429 && first_ok.get(s.key.as_str()).is_some_and(|t| s.at > *t))
        .count();
    let mut lane_429: HashMap<&str, usize> = HashMap::new();
    for s in seen.iter().filter(|s| s.status == 429) {
        *lane_429.entry(s.key.as_str()).or_default() += 1;
    }
    let most_429 = lane_429.values().max().copied().unwrap_or(0);
    println!(
        "  requests: {} ({} answered, {refused} refused with 429, {late_429} of them after a lane's first answer; at most {most_429} on one lane, target <= 1)",
        seen.len(),
        seen.iter().filter(|s| s.status == 200).count(),
    );
    println!(
        "  429 share: {:.1}% (target: none after each lane's first answer)",
        100.0 * refused as f64 / seen.len().max(1) as f64
    );
}

/// Windows a lane needs for `used` of a window's `limit`, beyond the one it starts in: under a
/// fixed window or a sliding log what is used at the start frees one window later, so
/// ceil(used / limit) - 1; under a bucket what passes the limit waits for the refill.
fn windows_needed(counting: Counting, used: f64, limit: f64) -> f64 {
    match counting {
        Counting::Bucket => (used / limit - 1.0).max(0.0),
        _ => ((used / limit).ceil() - 1.0).max(0.0),
    }
}

/// Wall time against the best any client could do with the same requests: the lane that needs
/// the most windows, by tokens or by requests, plus the last request's round trip.
fn report_time(sc: &Scenario, seen: &[mock::Seen], wall: Duration) {
    let ok: Vec<_> = seen.iter().filter(|s| s.status == 200).collect();
    let mut lanes: HashMap<&str, (u64, u64)> = HashMap::new();
    for s in &ok {
        let e = lanes.entry(s.key.as_str()).or_default();
        e.0 += s.prompt_tokens + s.completion_tokens;
        e.1 += 1;
    }
    let need = |tokens_used: &dyn Fn(&str, u64) -> u64| {
        lanes
            .iter()
            .map(|(k, &(tokens, requests))| {
                let t = windows_needed(sc.counting, tokens_used(k, tokens) as f64, sc.tpm as f64);
                let r = windows_needed(sc.counting, requests as f64, sc.rpm as f64);
                sc.tpm_window.mul_f64(t).max(sc.rpm_window.mul_f64(r)) + LATENCY
            })
            .max()
            .unwrap_or(LATENCY)
    };
    let best = need(&|_, t| t);
    println!(
        "  wall time {:.2}s vs best possible {:.2}s: ratio {:.2} (target <= {:.2})",
        wall.as_secs_f64(),
        best.as_secs_f64(),
        wall.as_secs_f64() / best.as_secs_f64(),
        sc.ratio_target
    );
    if sc.counting == Counting::Bucket {
        // A bucket admits a request only when its prompt plus max_completion_tokens fits, though
        // it charges only what was used: the last request of a lane waits for its whole
        // reservation. With that rule counted in, the bound is tighter.
        let mut last: HashMap<&str, (Instant, u64, u64)> = HashMap::new();
        for s in &ok {
            let e = last.entry(s.key.as_str()).or_insert((s.at, 0, 0));
            if s.at >= e.0 {
                *e = (
                    s.at,
                    s.prompt_tokens + s.completion_tokens,
                    s.prompt_tokens + s.max_completion_tokens,
                );
            }
        }
        let reserved_best = need(&|k, t| {
            let (_, used, reserved) = last[k];
            t - used + reserved
        });
        println!(
            "  with the provider's reservation rule (the last request waits for prompt + max tokens): best {:.2}s, ratio {:.2}",
            reserved_best.as_secs_f64(),
            wall.as_secs_f64() / reserved_best.as_secs_f64()
        );
    }
}

fn report_tokens(seen: &[mock::Seen], got: usize) {
    let ok: Vec<_> = seen.iter().filter(|s| s.status == 200).collect();
    let billed: u64 = ok
        .iter()
        .map(|s| s.prompt_tokens + s.completion_tokens)
        .sum();
    let completion: u64 = ok.iter().map(|s| s.completion_tokens).sum();
    let content: u64 = ok.iter().map(|s| s.content_tokens).sum();
    let q = got.max(1) as f64;
    println!(
        "  tokens per question: {:.0} billed (prompt + completion; target <= 100), {:.0} completion, {:.0} content: completion/content {:.2}, billed/content {:.2} (target <= 1.3)",
        billed as f64 / q,
        completion as f64 / q,
        content as f64 / q,
        completion as f64 / content.max(1) as f64,
        billed as f64 / content.max(1) as f64
    );
}
