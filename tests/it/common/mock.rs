//! A mock Groq-style provider on 127.0.0.1 for tests and the benchmark. It enforces per
//! (organization, model) windows the way docs/providers.md describes Groq: admission reserves prompt
//! tokens plus `max_completion_tokens` against TPM (413 when that alone exceeds the limit,
//! 429 with a TPM message when the window is full), requests per day and per minute, and
//! sends `x-ratelimit-*` headers (requests = per day, tokens = per the TPM window). Keys
//! starting `dead-` get 401, keys starting `broke-` a 429 `insufficient_quota` (a spent
//! balance); retired models get 400/404; scripted faults come first.
#![allow(dead_code)]

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// How the mock behaves.
#[derive(Debug, Clone)]
pub(crate) struct MockConfig {
    pub tpm: u64,
    /// Length of the TPM window (60 s on Groq; a few seconds in the benchmark).
    pub tpm_window: Duration,
    pub rpm: u64,
    /// Length of the RPM window (60 s on Groq), counted the same way as the token window.
    pub rpm_window: Duration,
    pub rpd: u64,
    /// Share of right answers the model puts at B (index 1).
    pub bias_b: f64,
    /// Delay of every answer.
    pub latency: Duration,
    /// Reasoning tokens added to completion tokens (gpt-oss style).
    pub reasoning_tokens: u64,
    /// Organization of each key; keys not listed are their own organization.
    pub orgs: HashMap<String, String>,
    /// Percent of otherwise good requests answered 503 (a 5xx storm), spread evenly.
    pub storm_5xx: u64,
    /// Headers that replace the rate-limit headers of good answers (nonsense numbers).
    pub headers_override: Vec<(&'static str, &'static str)>,
    /// A gateway in front of the model that answers every request itself.
    pub gateway: Option<Gateway>,
    /// How the provider counts its per-minute token window (docs/providers.md: all three exist).
    pub counting: Counting,
    /// Blind solves (`--verify`): every nth question shown is answered with a wrong letter
    /// (0: never), and every nth is left out of the answer (0: never).
    pub solve_wrong_every: usize,
    pub solve_skip_every: usize,
}

/// How a provider counts a window, and what its reset header means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Counting {
    /// Everything frees at the reset, which is the end of the window.
    #[default]
    Fixed,
    /// Each use frees one window after it was made; the reset is when the oldest use leaves.
    Sliding,
    /// Capacity refills continuously at limit/window; the reset is the time until full.
    Bucket,
}

/// A token window counted one of the three ways.
#[derive(Debug, Default)]
struct TokenWindow {
    /// Fixed: when the window began, and what it used.
    start: Option<Instant>,
    used: u64,
    /// Sliding: every use still in the window.
    log: VecDeque<(Instant, u64)>,
    /// Bucket: tokens missing from a full bucket at `at`.
    missing: f64,
    at: Option<Instant>,
}

impl TokenWindow {
    fn used(&self, c: Counting, limit: u64, span: Duration, now: Instant) -> u64 {
        match c {
            Counting::Fixed => match self.start {
                Some(s) if now.duration_since(s) < span => self.used,
                _ => 0,
            },
            Counting::Sliding => self
                .log
                .iter()
                .filter(|(t, _)| now.duration_since(*t) < span)
                .map(|(_, n)| n)
                .sum(),
            Counting::Bucket => {
                let rate = limit as f64 / span.as_secs_f64();
                let since = self.at.map_or(0.0, |a| now.duration_since(a).as_secs_f64());
                (self.missing - rate * since).max(0.0).ceil() as u64
            }
        }
    }

    fn reset(&self, c: Counting, limit: u64, span: Duration, now: Instant) -> Duration {
        match c {
            Counting::Fixed => self.start.map_or(Duration::ZERO, |s| {
                span.saturating_sub(now.duration_since(s))
            }),
            Counting::Sliding => self
                .log
                .iter()
                .find(|(t, _)| now.duration_since(*t) < span)
                .map_or(Duration::ZERO, |(t, _)| {
                    span.saturating_sub(now.duration_since(*t))
                }),
            Counting::Bucket => {
                let used = self.used(c, limit, span, now) as f64;
                Duration::from_secs_f64(used * span.as_secs_f64() / limit.max(1) as f64)
            }
        }
    }

    fn charge(&mut self, c: Counting, limit: u64, span: Duration, now: Instant, tokens: u64) {
        match c {
            Counting::Fixed => {
                if self.start.is_none_or(|s| now.duration_since(s) >= span) {
                    self.start = Some(now);
                    self.used = 0;
                }
                self.used += tokens;
            }
            Counting::Sliding => {
                self.log.retain(|(t, _)| now.duration_since(*t) < span);
                self.log.push_back((now, tokens));
            }
            Counting::Bucket => {
                self.missing = self.used(c, limit, span, now) as f64 + tokens as f64;
                self.at = Some(now);
            }
        }
    }
}

/// What a misbehaving gateway answers to every request, whatever it asks.
#[derive(Debug, Clone)]
pub(crate) enum Gateway {
    /// A bare 429 with only `retry-after` (seconds), no rate-limit headers, no body.
    Bare429(f64),
    /// 200 with an HTML page.
    Html,
    /// 200 with an empty body.
    Empty,
    /// 307 to another address.
    Redirect(String),
}

impl Default for MockConfig {
    fn default() -> Self {
        MockConfig {
            tpm: 8000,
            tpm_window: Duration::from_secs(60),
            rpm: 30,
            rpm_window: Duration::from_secs(60),
            rpd: 1000,
            bias_b: 0.0,
            latency: Duration::ZERO,
            reasoning_tokens: 60,
            orgs: HashMap::new(),
            storm_5xx: 0,
            headers_override: Vec::new(),
            gateway: None,
            counting: Counting::Fixed,
            solve_wrong_every: 0,
            solve_skip_every: 0,
        }
    }
}

/// A canned answer that takes the place of the next normal one.
#[derive(Debug, Clone)]
pub(crate) enum Fault {
    /// No fault: answer normally (to interleave faults with good answers).
    Pass,
    Status503,
    /// 200 with this content verbatim.
    Content(String),
    /// 200, `finish_reason: length`, content cut after this many questions and a half.
    Truncated(usize),
    JsonValidateFailed,
    /// A 429 on the named window with this wait in seconds.
    Throttle(&'static str, f64),
}

/// What the mock received, for assertions.
#[derive(Debug, Clone)]
pub(crate) struct Seen {
    pub key: String,
    pub model: String,
    pub status: u16,
    pub max_completion_tokens: u64,
    pub asked: usize,
    pub body: Value,
    pub at: Instant,
    pub prompt_tokens: u64,
    pub completion_tokens: u64,
    pub content_tokens: u64,
    /// Stems of the questions this answer handed out.
    pub stems: Vec<String>,
    /// Questions shown in a blind solve request (0: a generation request).
    pub solved: usize,
}

#[derive(Default)]
struct Lane {
    tpm: TokenWindow,
    rpm: TokenWindow,
    day_start: Option<Instant>,
    day_used: u64,
}

struct State {
    cfg: MockConfig,
    lanes: HashMap<(String, String), Lane>,
    faults: VecDeque<Fault>,
    seen: Vec<Seen>,
    counter: u64,
    counter_5xx: u64,
    /// The right answer of every question handed out, by stem (what a solver knows).
    keys: HashMap<String, String>,
    solved: usize,
}

#[derive(Clone)]
pub(crate) struct MockProvider {
    state: Arc<Mutex<State>>,
}

pub(crate) const RETIRED: &str = "llama-3.1-8b-instant";
pub(crate) const UNKNOWN: &str = "llama-9";

impl MockProvider {
    /// Starts a mock server with this behaviour; returns it with its handle.
    pub(crate) async fn start(cfg: MockConfig) -> (MockServer, MockProvider) {
        let server = MockServer::start().await;
        let provider = MockProvider {
            state: Arc::new(Mutex::new(State {
                cfg,
                lanes: HashMap::new(),
                faults: VecDeque::new(),
                seen: Vec::new(),
                counter: 0,
                counter_5xx: 0,
                keys: HashMap::new(),
                solved: 0,
            })),
        };
        Mock::given(method("POST"))
            .and(path("/v1/chat/completions"))
            .respond_with(provider.clone())
            .mount(&server)
            .await;
        Mock::given(method("GET"))
            .and(path("/v1/models"))
            .respond_with(ModelsResponder)
            .mount(&server)
            .await;
        (server, provider)
    }

    pub(crate) fn push_fault(&self, f: Fault) {
        self.state.lock().unwrap().faults.push_back(f);
    }

    pub(crate) fn seen(&self) -> Vec<Seen> {
        self.state.lock().unwrap().seen.clone()
    }

    pub(crate) fn count_status(&self, status: u16) -> usize {
        self.seen().iter().filter(|s| s.status == status).count()
    }
}

struct ModelsResponder;

impl Respond for ModelsResponder {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let key = bearer(req);
        if key.starts_with("dead-") {
            return ResponseTemplate::new(401).set_body_json(json!({"error": {"message": format!("Invalid API Key {key}"), "type": "invalid_request_error", "code": "invalid_api_key"}}));
        }
        ResponseTemplate::new(200).set_body_json(json!({"object": "list", "data": [
            {"id": "openai/gpt-oss-20b", "object": "model", "owned_by": "OpenAI", "active": true, "context_window": 131072},
            {"id": "openai/gpt-oss-120b", "object": "model", "owned_by": "OpenAI", "active": true, "context_window": 131072}
        ]}))
    }
}

fn bearer(req: &Request) -> String {
    req.headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or("")
        .to_owned()
}

fn go_duration(d: Duration) -> String {
    let ms = d.as_millis() as u64 + u64::from(!d.subsec_nanos().is_multiple_of(1_000_000));
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let (m, rest) = (ms / 60_000, ms % 60_000);
    let secs = rest as f64 / 1000.0;
    if m > 0 {
        format!("{m}m{secs}s")
    } else {
        format!("{secs}s")
    }
}

fn err(status: u16, message: &str, code: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_json(
        json!({"error": {"message": message, "type": "invalid_request_error", "code": code}}),
    )
}

const WORDS: [&str; 50] = [
    "amber", "basalt", "cobalt", "delta", "ember", "fjord", "granite", "harbor", "iris", "jasper",
    "kelp", "lagoon", "marble", "nectar", "onyx", "prairie", "quartz", "reef", "savanna", "tundra",
    "umber", "valley", "willow", "xenon", "yarrow", "zephyr", "acorn", "birch", "canyon", "dune",
    "estuary", "fern", "glacier", "heath", "island", "jungle", "knoll", "lichen", "meadow",
    "nebula", "oasis", "pebble", "quarry", "ridge", "summit", "thicket", "upland", "volcano",
    "wetland", "yew",
];

/// The questions the mock "model" writes: distinct stems, the answer at B for `bias_b` of them.
pub(crate) fn questions(
    subject: &str,
    n: usize,
    k: usize,
    counter: &mut u64,
    bias_b: f64,
) -> Vec<Value> {
    (0..n)
        .map(|_| {
            *counter += 1;
            let c = *counter as usize;
            // Distinct stems and answers for thousands of questions: neighbours differ in two
            // of the three words, and no two share both of the first two.
            let (w1, w2, w3) = (
                WORDS[c % 50],
                WORDS[(c / 50) % 50],
                WORDS[(c * 7 + c / 50 * 13 + 3) % 50],
            );
            let stem = format!("In {subject}, which {w1} links the {w2} and the {w3} (case {c})?");
            let mut options: Vec<String> = (0..k)
                .map(|i| {
                    format!(
                        "{} {} {}",
                        WORDS[(c + i * 11) % 50],
                        WORDS[(c * 3 + i) % 50],
                        i
                    )
                })
                .collect();
            let right = format!("the {w1} {w2} link");
            // Deterministic bias: the first `bias_b` share of every ten questions answers B.
            let at = if ((c % 10) as f64) < bias_b * 10.0 {
                1
            } else {
                c % k
            };
            options[at] = right;
            json!({"question": stem, "options": options, "answer_index": at,
                   "explanation": format!("The {w1} connects the {w2} and the {w3} in {subject}; the other options name features that play no part in it.")})
        })
        .collect()
}

/// The questions a blind solve shows (docs/verification.md: numbered stems, lettered
/// options): (stem, options). Empty for a generation request, which shows no stems.
fn solve_questions(body: &Value) -> Vec<(String, Vec<String>)> {
    let user = body["messages"]
        .as_array()
        .and_then(|m| m.last())
        .and_then(|m| m["content"].as_str())
        .unwrap_or("");
    if user.starts_with("Write ") {
        // A generation request (its source text may hold numbered lines).
        return Vec::new();
    }
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in user.lines() {
        let numbered = line
            .split_once(". ")
            .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        let lettered = line
            .split_once(". ")
            .filter(|(l, _)| l.len() == 1 && l.chars().all(|c| c.is_ascii_uppercase()));
        if let Some((_, stem)) = numbered {
            out.push((stem.to_owned(), Vec::new()));
        } else if let (Some((_, opt)), Some(last)) = (lettered, out.last_mut()) {
            last.1.push(opt.to_owned());
        }
    }
    out
}

/// A solver's answer: the right letter for each question it knows the key of (every
/// `solve_wrong_every`th one wrong, every `solve_skip_every`th left out), else A.
fn solve(st: &mut State, shown: &[(String, Vec<String>)]) -> String {
    let mut answers = Vec::new();
    for (i, (stem, options)) in shown.iter().enumerate() {
        st.solved += 1;
        let n = st.solved;
        if st.cfg.solve_skip_every > 0 && n.is_multiple_of(st.cfg.solve_skip_every) {
            continue;
        }
        let right = st
            .keys
            .get(stem)
            .and_then(|r| options.iter().position(|o| o == r))
            .unwrap_or(0);
        let pick = if st.cfg.solve_wrong_every > 0 && n.is_multiple_of(st.cfg.solve_wrong_every) {
            (right + 1) % options.len().max(1)
        } else {
            right
        };
        let letter = (b'A' + pick as u8) as char;
        answers.push(json!({"n": i + 1, "letter": letter.to_string()}));
    }
    json!({ "answers": answers }).to_string()
}

pub(crate) fn parse_ask(body: &Value) -> (String, usize, usize) {
    let user = body["messages"]
        .as_array()
        .and_then(|m| m.last())
        .and_then(|m| m["content"].as_str())
        .unwrap_or("");
    let n = user
        .strip_prefix("Write ")
        .and_then(|s| s.split(' ').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let subject = user.split('"').nth(1).unwrap_or("things").to_owned();
    let k = user
        .split("exactly ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|s| s.parse().ok())
        .unwrap_or(4);
    (subject, n, k)
}

impl Respond for MockProvider {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let mut st = self.state.lock().unwrap();
        let body: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
        let key = bearer(&req.clone());
        let model = body["model"].as_str().unwrap_or("").to_owned();
        let max_tokens = body["max_completion_tokens"]
            .as_u64()
            .or_else(|| body["max_tokens"].as_u64())
            .unwrap_or(1024);
        let (subject, asked, k) = parse_ask(&body);
        let prompt_tokens = (body["messages"].to_string().len() as u64).div_ceil(4);
        let latency = st.cfg.latency;
        let record = |st: &mut State, status: u16, completion: u64, content: u64| {
            st.seen.push(Seen {
                key: key.clone(),
                model: model.clone(),
                status,
                max_completion_tokens: max_tokens,
                asked,
                body: body.clone(),
                at: Instant::now(),
                prompt_tokens,
                completion_tokens: completion,
                content_tokens: content,
                stems: Vec::new(),
                solved: 0,
            });
        };
        if let Some(g) = st.cfg.gateway.clone() {
            return gateway(&mut st, g, record);
        }
        if key.starts_with("dead-") {
            record(&mut st, 401, 0, 0);
            // Some gateways echo the key they refused: quizgen must never print it.
            return err(401, &format!("Invalid API Key {key}"), "invalid_api_key");
        }
        if key.starts_with("broke-") {
            // A spent prepaid balance (OpenAI style): a 429 that no wait clears.
            record(&mut st, 429, 0, 0);
            return err(
                429,
                "You exceeded your current quota, please check your plan and billing details.",
                "insufficient_quota",
            );
        }
        if model == RETIRED {
            record(&mut st, 400, 0, 0);
            return err(
                400,
                &format!("The model `{model}` has been decommissioned and is no longer supported."),
                "model_decommissioned",
            );
        }
        if model == UNKNOWN {
            record(&mut st, 404, 0, 0);
            return err(
                404,
                &format!("The model `{model}` does not exist or you do not have access to it."),
                "model_not_found",
            );
        }
        let org = st
            .cfg
            .orgs
            .get(&key)
            .cloned()
            .unwrap_or_else(|| format!("org_{key}"));
        let cfg = st.cfg.clone();
        let now = Instant::now();
        let reserve = prompt_tokens + max_tokens;
        if reserve > cfg.tpm {
            record(&mut st, 413, 0, 0);
            return err(
                413,
                &format!(
                    "Request too large for model `{model}` in organization `{org}` service tier `on_demand` on tokens per minute (TPM): Limit {}, Requested {reserve}, please reduce your message size and try again.",
                    cfg.tpm
                ),
                "rate_limit_exceeded",
            );
        }
        let lane = st.lanes.entry((org.clone(), model.clone())).or_default();
        let tpm_used = lane.tpm.used(cfg.counting, cfg.tpm, cfg.tpm_window, now);
        let rpm_used = lane.rpm.used(cfg.counting, cfg.rpm, cfg.rpm_window, now);
        roll(
            &mut lane.day_start,
            &mut lane.day_used,
            Duration::from_secs(86_400),
            now,
        );
        let tpm_reset = lane.tpm.reset(cfg.counting, cfg.tpm, cfg.tpm_window, now);
        let day_reset =
            Duration::from_secs(86_400).saturating_sub(now - lane.day_start.unwrap_or(now));
        let refusal = if lane.day_used >= cfg.rpd {
            Some((
                "requests per day (RPD)",
                day_reset,
                cfg.rpd,
                lane.day_used,
                1,
            ))
        } else if rpm_used >= cfg.rpm {
            Some((
                "requests per minute (RPM)",
                lane.rpm.reset(cfg.counting, cfg.rpm, cfg.rpm_window, now),
                cfg.rpm,
                rpm_used,
                1,
            ))
        } else if tpm_used + reserve > cfg.tpm {
            Some((
                "tokens per minute (TPM)",
                tpm_reset,
                cfg.tpm,
                tpm_used,
                reserve,
            ))
        } else {
            None
        };
        let headers = |lane: &Lane| {
            vec![
                ("x-ratelimit-limit-requests", cfg.rpd.to_string()),
                (
                    "x-ratelimit-remaining-requests",
                    cfg.rpd.saturating_sub(lane.day_used).to_string(),
                ),
                ("x-ratelimit-reset-requests", go_duration(day_reset)),
                ("x-ratelimit-limit-tokens", cfg.tpm.to_string()),
                (
                    "x-ratelimit-remaining-tokens",
                    cfg.tpm
                        .saturating_sub(lane.tpm.used(
                            cfg.counting,
                            cfg.tpm,
                            cfg.tpm_window,
                            Instant::now(),
                        ))
                        .to_string(),
                ),
                (
                    "x-ratelimit-reset-tokens",
                    go_duration(lane.tpm.reset(
                        cfg.counting,
                        cfg.tpm,
                        cfg.tpm_window,
                        Instant::now(),
                    )),
                ),
            ]
        };
        if let Some((window, wait, limit, used, requested)) = refusal {
            let h = headers(lane);
            record(&mut st, 429, 0, 0);
            return throttle(window, wait, limit, used, requested, &model, &org, h);
        }
        let mut fault = st.faults.pop_front();
        if fault.is_none() && cfg.storm_5xx > 0 {
            st.counter_5xx += 1;
            if (st.counter_5xx * cfg.storm_5xx) % 100 < cfg.storm_5xx {
                fault = Some(Fault::Status503);
            }
        }
        if let Some(Fault::Throttle(window, secs)) = &fault {
            let lane = st.lanes.get(&(org.clone(), model.clone())).unwrap();
            let h = headers(lane);
            let w = Duration::from_secs_f64(*secs);
            record(&mut st, 429, 0, 0);
            return throttle(window, w, cfg.tpm, cfg.tpm, reserve, &model, &org, h);
        }
        if let Some(Fault::Status503) = fault {
            record(&mut st, 503, 0, 0);
            return ResponseTemplate::new(503).set_body_json(json!({"error": {"message": "Service Unavailable", "type": "internal_server_error"}}));
        }
        if let Some(Fault::JsonValidateFailed) = fault {
            record(&mut st, 400, 0, 0);
            return ResponseTemplate::new(400).set_body_json(json!({"error": {"message": "Failed to generate JSON. Please adjust your prompt. See 'failed_generation' for more details.", "type": "invalid_request_error", "code": "json_validate_failed", "failed_generation": "{\"questions\": [{\"question\": \"What mainly"}}));
        }
        let mut counter = st.counter;
        let shown = solve_questions(&body);
        let (content, finish) = match fault {
            _ if !shown.is_empty() => (solve(&mut st, &shown), "stop"),
            Some(Fault::Content(c)) => (c, "stop"),
            Some(Fault::Truncated(whole)) => {
                let qs = questions(&subject, whole + 1, k, &mut counter, cfg.bias_b);
                let full = json!({"questions": qs}).to_string();
                let cut = full.len() - json!(qs[whole]).to_string().len() / 2 - 3;
                (full[..cut].to_owned(), "length")
            }
            _ => (
                json!({"questions": questions(&subject, asked, k, &mut counter, cfg.bias_b)})
                    .to_string(),
                "stop",
            ),
        };
        st.counter = counter;
        let content_tokens = (content.len() as u64).div_ceil(4);
        let completion = (content_tokens + cfg.reasoning_tokens).min(max_tokens);
        let lane = st.lanes.get_mut(&(org.clone(), model.clone())).unwrap();
        lane.tpm.charge(
            cfg.counting,
            cfg.tpm,
            cfg.tpm_window,
            Instant::now(),
            prompt_tokens + completion,
        );
        lane.rpm
            .charge(cfg.counting, cfg.rpm, cfg.rpm_window, Instant::now(), 1);
        lane.day_used += 1;
        let mut h = headers(lane);
        if !cfg.headers_override.is_empty() {
            h = cfg
                .headers_override
                .iter()
                .map(|(k, v)| (*k, (*v).to_owned()))
                .collect();
        }
        record(&mut st, 200, completion, content_tokens);
        let stems = serde_json::from_str::<Value>(&content)
            .ok()
            .and_then(|v| v["questions"].as_array().cloned())
            .unwrap_or_default()
            .iter()
            .filter_map(|q| q["question"].as_str().map(str::to_owned))
            .collect();
        let items = serde_json::from_str::<Value>(&content)
            .ok()
            .and_then(|v| v["questions"].as_array().cloned())
            .unwrap_or_default();
        for q in &items {
            let right = q["answer_index"]
                .as_u64()
                .and_then(|i| q["options"].get(i as usize))
                .and_then(Value::as_str);
            if let (Some(stem), Some(right)) = (q["question"].as_str(), right) {
                st.keys.insert(stem.to_owned(), right.to_owned());
            }
        }
        if let Some(last) = st.seen.last_mut() {
            last.stems = stems;
            last.solved = shown.len();
            if !shown.is_empty() {
                last.asked = 0;
            }
        }
        let body = json!({
            "id": "chatcmpl-mock", "object": "chat.completion", "created": 1795833330, "model": model,
            "choices": [{"index": 0, "finish_reason": finish, "logprobs": null,
                         "message": {"role": "assistant", "reasoning": "thinking", "content": content}}],
            "usage": {"prompt_tokens": prompt_tokens, "completion_tokens": completion, "total_tokens": prompt_tokens + completion,
                      "completion_tokens_details": {"reasoning_tokens": cfg.reasoning_tokens}},
            "x_groq": {"id": "req_mock"}, "service_tier": "on_demand"
        });
        let mut t = ResponseTemplate::new(200)
            .set_body_json(body)
            .set_delay(latency);
        for (k, v) in h {
            t = t.insert_header(k, v.as_str());
        }
        t
    }
}

fn gateway(
    st: &mut State,
    g: Gateway,
    record: impl Fn(&mut State, u16, u64, u64),
) -> ResponseTemplate {
    match g {
        Gateway::Bare429(secs) => {
            record(st, 429, 0, 0);
            ResponseTemplate::new(429).insert_header("retry-after", secs.to_string().as_str())
        }
        Gateway::Html => {
            record(st, 200, 0, 0);
            ResponseTemplate::new(200)
                .insert_header("content-type", "text/html")
                .set_body_string("<html><body><h1>Welcome to nginx!</h1></body></html>")
        }
        Gateway::Empty => {
            record(st, 200, 0, 0);
            ResponseTemplate::new(200)
        }
        Gateway::Redirect(to) => {
            record(st, 307, 0, 0);
            ResponseTemplate::new(307).insert_header("location", to.as_str())
        }
    }
}

fn roll(start: &mut Option<Instant>, used: &mut u64, window: Duration, now: Instant) {
    match start {
        Some(s) if now.duration_since(*s) < window => {}
        _ => {
            *start = Some(now);
            *used = 0;
        }
    }
}

/// `retry-after` as providers send it (whole seconds); a sub-second wait (tests only) is sent
/// as a fraction, which quizgen reads.
fn retry_after_value(wait: Duration) -> String {
    if wait < Duration::from_secs(1) {
        format!("{:.3}", wait.as_secs_f64())
    } else {
        wait.as_secs_f64().ceil().to_string()
    }
}

#[allow(clippy::too_many_arguments)]
fn throttle(
    window: &str,
    wait: Duration,
    limit: u64,
    used: u64,
    requested: u64,
    model: &str,
    org: &str,
    headers: Vec<(&str, String)>,
) -> ResponseTemplate {
    let msg = format!(
        "Rate limit reached for model `{model}` in organization `{org}` service tier `on_demand` on {window}: Limit {limit}, Used {used}, Requested {requested}. Please try again in {}. Need more tokens? Upgrade to Dev Tier today at https://console.groq.com/settings/billing",
        go_duration(wait)
    );
    let mut t = ResponseTemplate::new(429)
        .insert_header("retry-after", retry_after_value(wait).as_str())
        .set_body_json(
            json!({"error": {"message": msg, "type": "tokens", "code": "rate_limit_exceeded"}}),
        );
    for (k, v) in headers {
        t = t.insert_header(k, v.as_str());
    }
    t
}
