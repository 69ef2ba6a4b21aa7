//! Black-box acceptance tests: the quizgen binary against independent imitations of fourteen
//! providers (tests/it/common/providers.rs), each answering in its own conventions.

use std::path::PathBuf;
use std::process::Output;
use std::time::Duration;

use serde_json::Value;

use crate::common::providers::{Imitation, Kind, Setup, check_accepted, until_utc_midnight};
use crate::common::{assert_well_formed, questions, quizgen, rt, set_mode};

/// Imitations, a temp dir and the keys file naming them.
struct Lab {
    rt: tokio::runtime::Runtime,
    servers: Vec<wiremock::MockServer>,
    dir: tempfile::TempDir,
    toml: String,
}

impl Lab {
    fn new() -> Lab {
        Lab {
            rt: rt(),
            servers: Vec::new(),
            dir: tempfile::tempdir().unwrap(),
            toml: String::new(),
        }
    }

    /// Starts an imitation of `kind` and lists it in the keys file.
    fn add(&mut self, kind: Kind, setup: Setup, models: &[&str], keys: &[&str]) -> Imitation {
        let (server, imitation) = self.rt.block_on(Imitation::start(kind, setup));
        let q = |v: &[&str]| {
            v.iter()
                .map(|m| format!("\"{m}\""))
                .collect::<Vec<_>>()
                .join(", ")
        };
        self.toml.push_str(&format!(
            "[[providers]]\nname = \"{}{}\"\nbase_url = \"{}{}\"\ndialect = \"{}\"\nmodels = [{}]\nkeys = [{}]\n\n",
            kind.dialect(),
            self.servers.len(),
            server.uri(),
            kind.base_path(),
            kind.dialect(),
            q(models),
            q(keys)
        ));
        self.servers.push(server);
        imitation
    }

    fn keys(&self) -> PathBuf {
        let path = self.dir.path().join("keys.toml");
        std::fs::write(&path, &self.toml).unwrap();
        set_mode(&path, 0o600);
        path
    }

    fn run(&self, args: &[&str]) -> Output {
        let keys = self.keys();
        quizgen(self.dir.path())
            .args(args)
            .arg("--keys")
            .arg(keys)
            .output()
            .unwrap()
    }

    fn generate(&self, subject: &str, count: usize, extra: &[&str]) -> Output {
        let n = count.to_string();
        let mut args = vec![
            "generate",
            "--subject",
            subject,
            "--count",
            &n,
            "--format",
            "json",
            "--max-wait",
            "40s",
        ];
        args.extend_from_slice(extra);
        self.run(&args)
    }

    fn stats(&self) -> Value {
        let o = self.run(&["stats", "--json"]);
        assert!(o.status.success(), "stats: {}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts the run wrote `n` well-formed questions and exited 0.
fn assert_whole(o: &Output, n: usize, what: &str) {
    let err = stderr(o);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{what}: exit {:?}\n{err}",
        o.status.code()
    );
    let qs = questions(std::str::from_utf8(&o.stdout).unwrap());
    assert_eq!(qs.len(), n, "{what}: {err}");
    assert_well_formed(&qs, 4);
}

/// Every chat request the imitation accepted used only what the provider takes.
fn assert_accepted_bodies(im: &Imitation) {
    let kind = im.kind();
    let chats = im.chats();
    for s in chats.iter().filter(|s| s.status == 200) {
        if let Err(why) = check_accepted(kind, &s.model, &s.body) {
            panic!("{kind:?} accepted a request it does not take as sent: {why}");
        }
    }
    let refused: Vec<String> = chats
        .iter()
        .filter(|s| s.status == 400 || s.status == 422)
        .map(|s| format!("{} {}", s.status, s.body))
        .collect();
    if !refused.is_empty() {
        eprintln!(
            "{kind:?}: {} refused request(s) before the accepted ones: {refused:?}",
            refused.len()
        );
    }
}

fn good_key(kind: Kind) -> String {
    format!("k-good-{}-1111", kind.dialect())
}

fn dead_key(kind: Kind) -> String {
    format!("dead-{}-0000-9876", kind.dialect())
}

fn spent_key(kind: Kind) -> String {
    format!("spent-{}-0000-5432", kind.dialect())
}

fn quiz_of_20(kind: Kind) {
    let mut lab = Lab::new();
    let im = lab.add(kind, Setup::default(), &[kind.model()], &[&good_key(kind)]);
    let o = lab.generate("Ocean tides", 20, &[]);
    assert_whole(&o, 20, &format!("{kind:?}"));
    assert_accepted_bodies(&im);
}

fn throttled_40(kind: Kind) {
    let mut lab = Lab::new();
    let setup = Setup {
        throttled: true,
        ..Setup::default()
    };
    let im = lab.add(kind, setup, &[kind.model()], &[&good_key(kind)]);
    let extra: &[&str] = match kind {
        // A concurrency limit only shows with requests in flight together.
        Kind::DeepInfra => &["--concurrency", "2"],
        k if k.is_local() => &["--concurrency", "3"],
        _ => &[],
    };
    let started = std::time::Instant::now();
    let o = lab.generate("Volcanoes", 40, extra);
    let statuses: Vec<u16> = im.chats().iter().map(|s| s.status).collect();
    assert_whole(
        &o,
        40,
        &format!("{kind:?} throttled (statuses {statuses:?})"),
    );
    assert!(
        im.count_status(429) <= 1,
        "{kind:?}: {} 429s in one run (statuses {statuses:?})\n{}",
        im.count_status(429),
        stderr(&o)
    );
    assert_accepted_bodies(&im);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "{kind:?}: took {:?}",
        started.elapsed()
    );
}

fn spent(kind: Kind) {
    // Alone, the spent key ends the run within two requests, naming the balance.
    let mut lab = Lab::new();
    let im = lab.add(kind, Setup::default(), &[kind.model()], &[&spent_key(kind)]);
    let o = lab.generate("Glaciers", 20, &[]);
    let err = stderr(&o);
    assert_ne!(o.status.code(), Some(0), "{kind:?}: {err}");
    assert!(
        im.chats().len() <= 2,
        "{kind:?}: {} requests with a spent key\n{err}",
        im.chats().len()
    );
    let low = err.to_lowercase();
    assert!(
        low.contains("credit") || low.contains("balance"),
        "{kind:?}: the message names neither credit nor balance:\n{err}"
    );
    // Beside a healthy key the quiz completes.
    let mut lab = Lab::new();
    let im = lab.add(
        kind,
        Setup::default(),
        &[kind.model()],
        &[&spent_key(kind), &good_key(kind)],
    );
    let o = lab.generate("Glaciers", 20, &[]);
    assert_whole(&o, 20, &format!("{kind:?} spent + healthy"));
    let spent_requests = im
        .chats()
        .iter()
        .filter(|s| s.key == spent_key(kind))
        .count();
    assert!(
        spent_requests <= 2,
        "{kind:?}: {spent_requests} requests with a spent key"
    );
}

fn unknown_model(kind: Kind) {
    let mut lab = Lab::new();
    let im = lab.add(
        kind,
        Setup::default(),
        &[kind.unknown_model(), kind.model()],
        &[&good_key(kind)],
    );
    let o = lab.generate("Rivers", 20, &[]);
    assert_whole(&o, 20, &format!("{kind:?} unknown model beside a good one"));
    if kind != Kind::LlamaCpp {
        let tries = im
            .chats()
            .iter()
            .filter(|s| s.model == kind.unknown_model())
            .count();
        assert_eq!(
            tries, 1,
            "{kind:?}: the unknown model was tried {tries} times"
        );
    }
}

/// The `keys check` line of a key, found by its masked last four characters.
fn line_of<'a>(out: &'a str, last4: &str) -> &'a str {
    out.lines()
        .find(|l| l.contains(&format!("…{last4}")))
        .unwrap_or_else(|| panic!("no line for …{last4}:\n{out}"))
}

/// The status `keys check` gives on a line: the first status word (the provider's reason after
/// it may say anything, "API key not valid" included).
fn status_of(line: &str) -> &str {
    line.split_whitespace()
        .find(|w| ["valid", "invalid", "unverified", "unreachable"].contains(w))
        .unwrap_or("")
}

fn dead_key_check(kind: Kind) {
    let mut lab = Lab::new();
    lab.add(
        kind,
        Setup::default(),
        &[kind.model()],
        &[&good_key(kind), &dead_key(kind)],
    );
    let o = lab.run(&["keys", "check"]);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    let all = format!("{out}\n{}", stderr(&o));
    let good = line_of(&all, "1111");
    assert!(
        !good.contains("not offered"),
        "{kind:?}: the key's own model called not offered: {good}"
    );
    let line = line_of(&all, "9876");
    if kind.ignores_key() {
        // The server takes any key: this one is not dead, and must not be called so.
        assert!(!line.contains("invalid"), "{kind:?}: {all}");
        return;
    }
    assert_ne!(
        status_of(line),
        "valid",
        "{kind:?}: a dead key reported valid: {line}\n{all}"
    );
    if kind == Kind::LlamaCpp {
        // Its /models ignores the key: keys check cannot tell, and must not say valid.
        return;
    }
    assert_ne!(
        o.status.code(),
        Some(0),
        "{kind:?}: keys check passed with a dead key\n{all}"
    );
    let s = lab.stats();
    let k = s["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["key"].as_str().unwrap_or("").ends_with("9876"))
        .cloned()
        .unwrap_or_default();
    assert_ne!(
        k["status"], "available",
        "{kind:?}: the dead key is available after keys check: {k}"
    );
}

macro_rules! provider {
    ($m:ident, $kind:expr) => {
        mod $m {
            use super::*;

            #[test]
            fn a_quiz_of_20_comes_out_whole_with_accepted_parameters() {
                quiz_of_20($kind);
            }

            #[test]
            fn throttled_its_own_way_a_quiz_of_40_comes_out_whole() {
                throttled_40($kind);
            }

            #[test]
            fn an_unknown_model_is_dropped_after_one_request() {
                unknown_model($kind);
            }

            #[test]
            fn keys_check_never_reports_a_dead_key_valid() {
                dead_key_check($kind);
            }
        }
    };
}

provider!(openai, Kind::OpenAi);
provider!(groq, Kind::Groq);
provider!(openrouter, Kind::OpenRouter);
provider!(gemini, Kind::Gemini);
provider!(mistral, Kind::Mistral);
provider!(together, Kind::Together);
provider!(fireworks, Kind::Fireworks);
provider!(deepinfra, Kind::DeepInfra);
provider!(cerebras, Kind::Cerebras);
provider!(anthropic, Kind::Anthropic);
provider!(ollama, Kind::Ollama);
provider!(vllm, Kind::Vllm);
provider!(llamacpp, Kind::LlamaCpp);
provider!(lmstudio, Kind::LmStudio);

mod spent_balance {
    use super::*;

    #[test]
    fn openai_429_insufficient_quota() {
        spent(Kind::OpenAi);
    }

    #[test]
    fn groq_429_insufficient_quota() {
        spent(Kind::Groq);
    }

    #[test]
    fn openrouter_402_requires_more_credits() {
        spent(Kind::OpenRouter);
    }

    #[test]
    fn together_402_credit_limit() {
        spent(Kind::Together);
    }

    #[test]
    fn anthropic_400_credit_balance_too_low() {
        spent(Kind::Anthropic);
    }
}

#[test]
fn gemini_per_minute_429_leaves_the_key_usable() {
    let mut lab = Lab::new();
    let setup = Setup {
        throttled: true,
        ..Setup::default()
    };
    let key = good_key(Kind::Gemini);
    let im = lab.add(Kind::Gemini, setup, &[Kind::Gemini.model()], &[&key]);
    let o = lab.generate("Deserts", 20, &[]);
    assert_whole(&o, 20, "Gemini per-minute 429");
    let first = im.chats().len();
    let s = lab.stats();
    assert_ne!(s["keys"][0]["status"], "invalid", "{s}");
    assert_ne!(s["keys"][0]["status"], "exhausted", "{s}");
    let o = lab.generate("Forests", 20, &[]);
    assert_whole(&o, 20, "Gemini second run on the same data dir");
    let later: Vec<_> = im.chats().into_iter().skip(first).collect();
    assert!(
        later.iter().any(|s| s.key == key && s.status == 200),
        "the second run did not use the key: {:?}\n{}",
        later.iter().map(|s| s.status).collect::<Vec<_>>(),
        stderr(&o)
    );
}

/// Durations (`42s`, `5m`, `1m30s`) in `text`.
fn durations(text: &str) -> Vec<Duration> {
    text.split(|c: char| c.is_whitespace() || "(),;".contains(c))
        .map(|w| w.trim_end_matches(['.', ':']))
        .filter(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .filter_map(|w| humantime::parse_duration(w).ok())
        .collect()
}

#[test]
fn openrouter_free_models_per_day_is_a_daily_limit() {
    let mut lab = Lab::new();
    let setup = Setup {
        free_day_spent: true,
        ..Setup::default()
    };
    let free = Kind::OpenRouter.model();
    let paid = Kind::OpenRouter.second_model();
    let im = lab.add(
        Kind::OpenRouter,
        setup,
        &[free, paid],
        &[&good_key(Kind::OpenRouter)],
    );
    let o = lab.generate("Comets", 20, &[]);
    assert_whole(&o, 20, "OpenRouter free-models-per-day beside a paid model");
    let free_tries = im.chats().iter().filter(|s| s.model == free).count();
    assert!(
        free_tries <= 1,
        "the spent free lane was tried {free_tries} times"
    );
    let midnight = until_utc_midnight();
    let err = stderr(&o);
    if midnight > Duration::from_secs(45 * 60) {
        for line in err.lines().filter(|l| !l.contains("summary:")) {
            for d in durations(line) {
                assert!(
                    d > Duration::from_secs(30 * 60),
                    "a message says capacity returns in {d:?}, not at the next UTC midnight: {line}"
                );
            }
        }
    }
    let s = lab.stats();
    let lane = s["lanes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["model"] == free)
        .cloned()
        .unwrap();
    assert_eq!(
        lane["limits"]["rpd"], 50,
        "not stored as a per-day limit: {lane}"
    );
    let cooldown = lane["cooldownSeconds"].as_u64().unwrap_or(0);
    assert!(
        lane["status"] == "exhausted" || cooldown + 300 >= midnight.as_secs(),
        "the lane comes back before the next UTC midnight ({}s away): {lane}",
        midnight.as_secs()
    );
}

#[test]
fn a_throttled_groq_and_a_mistral_that_refuses_a_parameter_complete_the_quiz() {
    let mut lab = Lab::new();
    let throttled = Setup {
        throttled: true,
        ..Setup::default()
    };
    let groq = lab.add(
        Kind::Groq,
        throttled,
        &[Kind::Groq.model()],
        &[&good_key(Kind::Groq)],
    );
    let mistral = lab.add(
        Kind::Mistral,
        Setup::default(),
        &[Kind::Mistral.model()],
        &[&good_key(Kind::Mistral)],
    );
    let o = lab.generate("Earthquakes", 40, &[]);
    assert_whole(&o, 40, "Groq throttled + Mistral");
    assert!(
        groq.count_status(429) <= 1,
        "{} 429s from Groq",
        groq.count_status(429)
    );
    assert_accepted_bodies(&groq);
    assert_accepted_bodies(&mistral);
    let refused = mistral.count_status(422);
    assert!(
        refused <= 1,
        "Mistral refused {refused} requests: the parameter was sent again"
    );
}

#[test]
fn an_unknown_model_beside_a_throttled_lane_does_not_end_the_quiz() {
    let mut lab = Lab::new();
    let setup = Setup {
        throttled: true,
        ..Setup::default()
    };
    let im = lab.add(
        Kind::Groq,
        setup,
        &[Kind::Groq.unknown_model(), Kind::Groq.model()],
        &[&good_key(Kind::Groq)],
    );
    let o = lab.generate("Moons", 40, &[]);
    assert_whole(&o, 40, "unknown model beside a throttled lane");
    let tries = im
        .chats()
        .iter()
        .filter(|s| s.model == Kind::Groq.unknown_model())
        .count();
    assert_eq!(tries, 1, "the unknown model was tried {tries} times");
}

#[test]
fn llamacpp_a_dead_key_found_by_a_request_stays_dead_after_keys_check() {
    // llama.cpp's /models is public: only a real request shows a key is dead, and keys check
    // (which cannot verify) must not clear that mark.
    let kind = Kind::LlamaCpp;
    let mut lab = Lab::new();
    let im = lab.add(
        kind,
        Setup::default(),
        &[kind.model()],
        &[&dead_key(kind), &good_key(kind)],
    );
    let o = lab.generate("Caves", 20, &[]);
    assert_whole(&o, 20, "llama.cpp dead + good key");
    let dead_tries = im
        .chats()
        .iter()
        .filter(|s| s.key == dead_key(kind))
        .count();
    assert!(
        dead_tries <= 1,
        "the dead key was sent {dead_tries} requests"
    );
    let o = lab.run(&["keys", "check"]);
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert_ne!(status_of(line_of(&out, "9876")), "valid", "{out}");
    let s = lab.stats();
    let k = s["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["key"].as_str().unwrap_or("").ends_with("9876"))
        .cloned()
        .unwrap_or_default();
    assert_eq!(
        k["status"], "invalid",
        "keys check cleared the dead mark: {k}"
    );
}
