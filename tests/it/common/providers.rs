//! Independent imitations of fourteen LLM providers on 127.0.0.1, written from
//! `/work/shared/providers.md` (the providers' own documentation, SDKs and issue threads), not
//! from what quizgen expects. Each imitation sends its provider's own rate-limit headers (with
//! their real meaning and reset format, or none), throttles its own way (429 body shape,
//! `retry-after`, `retryDelay`, reset headers; per-second, per-minute, per-day windows,
//! counted as a fixed window or a token bucket), refuses the parameters that provider refuses
//! with its real status and body, and answers spent keys (`spent-…`), dead keys (`dead-…`) and
//! unknown models in its own words. Windows keep their real length: a throttled imitation
//! starts with little left (its window near its end, or its bucket nearly empty), so waits
//! stay short while every header tells the truth. Every request is recorded.
#![allow(dead_code)]

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use serde_json::{Value, json};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// The fourteen providers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    OpenAi,
    Groq,
    OpenRouter,
    Gemini,
    Mistral,
    Together,
    Fireworks,
    DeepInfra,
    Cerebras,
    Anthropic,
    Ollama,
    Vllm,
    LlamaCpp,
    LmStudio,
}

impl Kind {
    /// The `dialect` name in keys.toml.
    pub(crate) fn dialect(self) -> &'static str {
        match self {
            Kind::OpenAi => "openai",
            Kind::Groq => "groq",
            Kind::OpenRouter => "openrouter",
            Kind::Gemini => "gemini",
            Kind::Mistral => "mistral",
            Kind::Together => "together",
            Kind::Fireworks => "fireworks",
            Kind::DeepInfra => "deepinfra",
            Kind::Cerebras => "cerebras",
            Kind::Anthropic => "anthropic",
            Kind::Ollama => "ollama",
            Kind::Vllm => "vllm",
            Kind::LlamaCpp => "llamacpp",
            Kind::LmStudio => "lmstudio",
        }
    }

    /// The API root's path, as on the real host.
    pub(crate) fn base_path(self) -> &'static str {
        match self {
            Kind::Groq => "/openai/v1",
            Kind::OpenRouter => "/api/v1",
            Kind::Gemini => "/v1beta/openai",
            Kind::Fireworks => "/inference/v1",
            Kind::DeepInfra => "/v1/openai",
            _ => "/v1",
        }
    }

    /// A model the provider serves.
    pub(crate) fn model(self) -> &'static str {
        match self {
            Kind::OpenAi => "gpt-5-mini",
            Kind::Groq => "openai/gpt-oss-20b",
            Kind::OpenRouter => "meta-llama/llama-3.3-70b-instruct:free",
            Kind::Gemini => "gemini-2.5-flash",
            Kind::Mistral => "mistral-small-latest",
            Kind::Together => "meta-llama/Llama-3.3-70B-Instruct-Turbo",
            Kind::Fireworks => "accounts/fireworks/models/llama-v3p1-8b-instruct",
            Kind::DeepInfra => "meta-llama/Meta-Llama-3.1-8B-Instruct",
            Kind::Cerebras => "llama3.1-8b",
            Kind::Anthropic => "claude-sonnet-4-5",
            Kind::Ollama => "llama3.2",
            Kind::Vllm => "Qwen/Qwen2.5-7B-Instruct",
            Kind::LlamaCpp => "local-gguf",
            Kind::LmStudio => "qwen2.5-7b-instruct",
        }
    }

    /// A second model it serves (OpenRouter: a paid one, outside the free-model limits).
    pub(crate) fn second_model(self) -> &'static str {
        match self {
            Kind::OpenAi => "gpt-4.1-mini",
            Kind::Groq => "openai/gpt-oss-120b",
            Kind::OpenRouter => "openai/gpt-4o-mini",
            Kind::Gemini => "gemini-2.5-flash-lite",
            Kind::Mistral => "open-mistral-nemo",
            Kind::Together => "Qwen/Qwen2.5-7B-Instruct-Turbo",
            Kind::Fireworks => "accounts/fireworks/models/qwen3-8b",
            Kind::DeepInfra => "Qwen/Qwen2.5-72B-Instruct",
            Kind::Cerebras => "qwen-3-32b",
            Kind::Anthropic => "claude-haiku-4-5",
            Kind::Ollama => "qwen2.5",
            Kind::Vllm => "Qwen/Qwen2.5-14B-Instruct",
            Kind::LlamaCpp => "other-gguf",
            Kind::LmStudio => "llama-3.2-3b-instruct",
        }
    }

    /// A model id the provider does not know.
    pub(crate) fn unknown_model(self) -> &'static str {
        match self {
            Kind::OpenAi => "gpt-9-turbo",
            Kind::Groq => "llama-9",
            Kind::OpenRouter => "acme/no-such-model",
            Kind::Gemini => "gemini-0.5-nano",
            Kind::Mistral => "mistral-colossal-9",
            Kind::Together => "acme/No-Such-Model",
            Kind::Fireworks => "accounts/fireworks/models/no-such-model",
            Kind::DeepInfra => "acme/No-Such-Model",
            Kind::Cerebras => "llama-9-400b",
            Kind::Anthropic => "claude-nonexistent-1",
            Kind::Ollama => "no-such-model",
            Kind::Vllm => "acme/no-such-model",
            Kind::LlamaCpp => "no-such-gguf",
            Kind::LmStudio => "no-such-model",
        }
    }

    /// Whether the provider has a prepaid balance with a documented "spent" answer.
    pub(crate) fn has_balance(self) -> bool {
        matches!(
            self,
            Kind::OpenAi | Kind::Groq | Kind::OpenRouter | Kind::Together | Kind::Anthropic
        )
    }

    /// Local servers that ignore the key altogether.
    pub(crate) fn ignores_key(self) -> bool {
        matches!(self, Kind::Ollama | Kind::LmStudio)
    }

    pub(crate) fn is_local(self) -> bool {
        matches!(
            self,
            Kind::Ollama | Kind::Vllm | Kind::LlamaCpp | Kind::LmStudio
        )
    }
}

/// How an imitation is set up.
#[derive(Debug, Clone, Default)]
pub(crate) struct Setup {
    /// Small limits, the provider's own way (see `Windows::throttled`).
    pub throttled: bool,
    /// OpenRouter: the account has used its free-model requests for the day.
    pub free_day_spent: bool,
    /// Delay of every good answer.
    pub latency: Duration,
}

/// One request the imitation received.
#[derive(Debug, Clone)]
pub(crate) struct Seen {
    pub method: String,
    pub path: String,
    pub key: String,
    pub model: String,
    pub body: Value,
    pub status: u16,
    pub at: Instant,
}

/// A window counted as a fixed window or a token bucket, in its real length.
#[derive(Debug, Clone)]
struct Window {
    limit: f64,
    span: Duration,
    bucket: bool,
    used: f64,
    /// Fixed: when the current window began. Bucket: when `used` was last brought up to date.
    at: Instant,
    /// Token windows are sized on the first request: (limit, remaining) in multiples of its cost.
    calibrate: Option<(f64, f64)>,
}

impl Window {
    /// A fixed window of `limit` with `used` spent and `left` of it still to run.
    fn fixed(limit: f64, span: Duration, used: f64, left: Duration) -> Window {
        Window {
            limit,
            span,
            bucket: false,
            used,
            at: Instant::now()
                .checked_sub(span.saturating_sub(left))
                .unwrap(),
            calibrate: None,
        }
    }

    fn bucket(limit: f64, span: Duration, remaining: f64) -> Window {
        Window {
            limit,
            span,
            bucket: true,
            used: limit - remaining,
            at: Instant::now(),
            calibrate: None,
        }
    }

    /// A token window sized from the first request's cost.
    fn tokens(
        bucket: bool,
        span: Duration,
        left: Duration,
        limit_x: f64,
        remaining_x: f64,
    ) -> Window {
        let mut w = if bucket {
            Window::bucket(1.0, span, 1.0)
        } else {
            Window::fixed(1.0, span, 0.0, left)
        };
        w.calibrate = Some((limit_x, remaining_x));
        w
    }

    fn rate(&self) -> f64 {
        self.limit / self.span.as_secs_f64()
    }

    fn update(&mut self, now: Instant, cost: f64) {
        if let Some((l, r)) = self.calibrate.take() {
            self.limit = (l * cost).ceil();
            self.used = self.limit - (r * cost).ceil();
        }
        if self.bucket {
            let dt = now.duration_since(self.at).as_secs_f64();
            self.used = (self.used - self.rate() * dt).max(0.0);
            self.at = now;
        } else {
            while now.duration_since(self.at) >= self.span {
                self.at += self.span;
                self.used = 0.0;
            }
        }
    }

    fn remaining(&self) -> u64 {
        (self.limit - self.used).max(0.0).floor() as u64
    }

    /// Fixed: until the window ends. Bucket: until the bucket is full again (OpenAI's,
    /// Anthropic's and Cerebras's documented meaning).
    fn reset(&self, now: Instant) -> Duration {
        if self.bucket {
            Duration::from_secs_f64(self.used / self.rate())
        } else {
            self.span.saturating_sub(now.duration_since(self.at))
        }
    }

    /// How long until `cost` fits; zero if it does now.
    fn wait_for(&self, cost: f64, now: Instant) -> Duration {
        if self.used + cost <= self.limit {
            Duration::ZERO
        } else if self.bucket {
            Duration::from_secs_f64((self.used + cost - self.limit) / self.rate())
        } else {
            self.reset(now)
        }
    }

    fn charge(&mut self, cost: f64) {
        self.used += cost;
    }
}

const MINUTE: Duration = Duration::from_secs(60);
const DAY: Duration = Duration::from_secs(86_400);

/// The windows of one imitation (one organization and model is all the tests need: they are
/// kept per model).
#[derive(Debug, Clone)]
struct Windows {
    requests: Option<Window>,
    tokens: Option<Window>,
    /// Cerebras, Groq: the per-day request window the `*-requests` headers report.
    day: Option<Window>,
}

impl Windows {
    fn new(kind: Kind, throttled: bool) -> Windows {
        let t = throttled;
        let near_end = Duration::from_millis(2_500);
        let none = Windows {
            requests: None,
            tokens: None,
            day: None,
        };
        match kind {
            // Token bucket per minute: full capacity of 30 requests' worth, 1.5 of them left.
            Kind::OpenAi => Windows {
                requests: Some(Window::bucket(500.0, MINUTE, if t { 499.0 } else { 500.0 })),
                tokens: Some(if t {
                    Window::tokens(true, MINUTE, near_end, 30.0, 1.5)
                } else {
                    Window::bucket(2_000_000.0, MINUTE, 2_000_000.0)
                }),
                day: None,
            },
            // Requests per day in the headers, tokens per minute (fixed, 2.5 s of it left).
            Kind::Groq => Windows {
                requests: None,
                tokens: Some(if t {
                    Window::tokens(false, MINUTE, near_end, 10.0, 1.3)
                } else {
                    Window::fixed(250_000.0, MINUTE, 0.0, MINUTE)
                }),
                day: Some(Window::fixed(
                    1_000.0,
                    DAY,
                    12.0,
                    DAY.checked_sub(Duration::from_secs(3_600)).unwrap(),
                )),
            },
            // Free models: 20 requests a minute (19 used, 2 s of the minute left).
            Kind::OpenRouter => Windows {
                requests: Some(if t {
                    Window::fixed(20.0, MINUTE, 19.0, Duration::from_secs(2))
                } else {
                    Window::fixed(20.0, MINUTE, 0.0, MINUTE)
                }),
                ..none
            },
            // 10 requests a minute per model (free tier), no headers.
            Kind::Gemini => Windows {
                requests: Some(if t {
                    Window::fixed(10.0, MINUTE, 9.0, Duration::from_secs(2))
                } else {
                    Window::fixed(1_000.0, MINUTE, 0.0, MINUTE)
                }),
                ..none
            },
            Kind::Mistral => Windows {
                requests: Some(if t {
                    Window::fixed(5.0, MINUTE, 4.0, Duration::from_secs(2))
                } else {
                    Window::fixed(300.0, MINUTE, 0.0, MINUTE)
                }),
                tokens: Some(Window::fixed(500_000.0, MINUTE, 0.0, MINUTE)),
                day: None,
            },
            // Requests per second.
            Kind::Together => Windows {
                requests: Some(Window::fixed(
                    if t { 1.0 } else { 60.0 },
                    Duration::from_secs(1),
                    0.0,
                    Duration::from_secs(1),
                )),
                tokens: Some(Window::fixed(
                    1_000_000.0,
                    Duration::from_secs(1),
                    0.0,
                    Duration::from_secs(1),
                )),
                day: None,
            },
            // Requests per minute; over the limit is served at lower priority.
            Kind::Fireworks => Windows {
                requests: Some(if t {
                    Window::fixed(2.0, MINUTE, 1.0, near_end)
                } else {
                    Window::fixed(600.0, MINUTE, 0.0, MINUTE)
                }),
                ..none
            },
            Kind::Cerebras => Windows {
                requests: None,
                tokens: Some(if t {
                    Window::tokens(true, MINUTE, near_end, 30.0, 1.5)
                } else {
                    Window::bucket(1_000_000.0, MINUTE, 1_000_000.0)
                }),
                day: Some(Window::fixed(
                    14_400.0,
                    DAY,
                    20.0,
                    DAY.checked_sub(Duration::from_secs(3_600)).unwrap(),
                )),
            },
            // Requests per minute as a bucket: 50 a minute, one left.
            Kind::Anthropic => Windows {
                requests: Some(Window::bucket(50.0, MINUTE, if t { 1.0 } else { 50.0 })),
                tokens: Some(Window::bucket(400_000.0, MINUTE, 400_000.0)),
                day: None,
            },
            _ => none,
        }
    }
}

struct State {
    kind: Kind,
    setup: Setup,
    windows: std::collections::HashMap<String, Windows>,
    seen: Vec<Seen>,
    counter: u64,
    /// When answers now on the wire will have been sent (concurrency, for DeepInfra and Ollama).
    busy_until: Vec<Instant>,
    started: Option<Instant>,
}

/// One provider's imitation; clone it freely (the state is shared).
#[derive(Clone)]
pub(crate) struct Imitation {
    state: Arc<Mutex<State>>,
}

/// What to send back.
struct Out {
    status: u16,
    body: Value,
    headers: Vec<(String, String)>,
    delay: Duration,
}

fn out(status: u16, body: Value) -> Out {
    Out {
        status,
        body,
        headers: Vec::new(),
        delay: Duration::ZERO,
    }
}

impl Out {
    fn header(mut self, k: &str, v: impl ToString) -> Out {
        self.headers.push((k.to_owned(), v.to_string()));
        self
    }
}

/// OpenAI's error shape, which most providers copy.
fn oai(status: u16, message: &str, typ: &str, param: Value, code: Value) -> Out {
    out(
        status,
        json!({"error": {"message": message, "type": typ, "param": param, "code": code}}),
    )
}

/// Gemini's error shape: a JSON array of one error.
fn gemini(status: u16, message: &str, st: &str, details: Value) -> Out {
    out(
        status,
        json!([{"error": {"code": status, "message": message, "status": st, "details": details}}]),
    )
}

fn anthropic(status: u16, typ: &str, message: &str) -> Out {
    out(
        status,
        json!({"type": "error", "error": {"type": typ, "message": message}}),
    )
}

fn openrouter(status: u16, message: &str, metadata: Value) -> Out {
    let mut e = json!({"error": {"message": message, "code": status}});
    if !metadata.is_null() {
        e["error"]["metadata"] = metadata;
    }
    out(status, e)
}

/// A Go duration as OpenAI and Groq write resets: `1s`, `6m0s`, `12ms`, `2m59.56s`.
pub(crate) fn go_duration(d: Duration) -> String {
    let ms = d.as_millis() as u64;
    if ms < 1000 {
        return format!("{ms}ms");
    }
    let (m, rest) = (ms / 60_000, ms % 60_000);
    let s = rest as f64 / 1000.0;
    let s = format!("{s}").trim_end_matches(".0").to_owned();
    if m >= 60 {
        format!("{}h{}m{s}s", m / 60, m % 60)
    } else if m > 0 {
        format!("{m}m{s}s")
    } else {
        format!("{s}s")
    }
}

fn epoch_ms(after: Duration) -> u128 {
    (SystemTime::now() + after)
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_millis()
}

fn rfc3339(after: Duration) -> String {
    let t = chrono::Utc::now() + chrono::Duration::milliseconds(after.as_millis() as i64);
    t.format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// Milliseconds from now to the next UTC midnight (OpenRouter's daily reset).
pub(crate) fn until_utc_midnight() -> Duration {
    let now = SystemTime::now().duration_since(UNIX_EPOCH).unwrap();
    let day = 86_400_000u128;
    let ms = now.as_millis();
    Duration::from_millis(((ms / day + 1) * day - ms) as u64)
}

fn secs_up(d: Duration) -> u64 {
    d.as_secs_f64().ceil().max(1.0) as u64
}

fn bearer(req: &Request) -> String {
    let h = |n: &str| {
        req.headers
            .get(n)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    h("authorization")
        .and_then(|v| v.strip_prefix("Bearer ").map(str::to_owned))
        .or_else(|| h("x-api-key"))
        .or_else(|| h("x-goog-api-key"))
        .unwrap_or_default()
}

/// OpenAI's chat-completion fields (what it does not refuse as "Unrecognized request argument").
const OPENAI_FIELDS: &[&str] = &[
    "model",
    "messages",
    "temperature",
    "top_p",
    "n",
    "stream",
    "stream_options",
    "stop",
    "max_tokens",
    "max_completion_tokens",
    "presence_penalty",
    "frequency_penalty",
    "logit_bias",
    "logprobs",
    "top_logprobs",
    "user",
    "response_format",
    "seed",
    "tools",
    "tool_choice",
    "parallel_tool_calls",
    "reasoning_effort",
    "service_tier",
    "store",
    "metadata",
    "modalities",
    "audio",
    "prediction",
    "verbosity",
    "web_search_options",
    "prompt_cache_key",
    "safety_identifier",
];

/// Mistral's chat-completion fields; any other is 422 `extra_forbidden`.
const MISTRAL_FIELDS: &[&str] = &[
    "model",
    "messages",
    "temperature",
    "top_p",
    "max_tokens",
    "stream",
    "stop",
    "random_seed",
    "response_format",
    "tools",
    "tool_choice",
    "presence_penalty",
    "frequency_penalty",
    "n",
    "prediction",
    "parallel_tool_calls",
    "prompt_mode",
    "safe_prompt",
];

/// Gemini's OpenAI-compatible fields; any other is 400 "Unknown name".
const GEMINI_FIELDS: &[&str] = &[
    "model",
    "messages",
    "temperature",
    "top_p",
    "n",
    "stream",
    "stream_options",
    "stop",
    "max_tokens",
    "max_completion_tokens",
    "response_format",
    "seed",
    "tools",
    "tool_choice",
    "reasoning_effort",
    "presence_penalty",
    "frequency_penalty",
    "extra_body",
];

fn is_openai_reasoning(model: &str) -> bool {
    model.starts_with("o1")
        || model.starts_with("o3")
        || model.starts_with("o4-")
        || model.starts_with("gpt-5")
}

impl Imitation {
    /// Starts one provider's imitation on its own server.
    pub(crate) async fn start(kind: Kind, setup: Setup) -> (MockServer, Imitation) {
        let server = MockServer::start().await;
        let imitation = Imitation {
            state: Arc::new(Mutex::new(State {
                kind,
                setup,
                windows: std::collections::HashMap::new(),
                seen: Vec::new(),
                counter: 0,
                busy_until: Vec::new(),
                started: None,
            })),
        };
        Mock::given(wiremock::matchers::any())
            .respond_with(imitation.clone())
            .mount(&server)
            .await;
        (server, imitation)
    }

    pub(crate) fn kind(&self) -> Kind {
        self.state.lock().unwrap().kind
    }

    pub(crate) fn seen(&self) -> Vec<Seen> {
        self.state.lock().unwrap().seen.clone()
    }

    /// Generation requests only (POST …/chat/completions).
    pub(crate) fn chats(&self) -> Vec<Seen> {
        self.seen()
            .into_iter()
            .filter(|s| s.method == "POST" && s.path.ends_with("/chat/completions"))
            .collect()
    }

    pub(crate) fn count_status(&self, status: u16) -> usize {
        self.chats().iter().filter(|s| s.status == status).count()
    }
}

impl Respond for Imitation {
    fn respond(&self, req: &Request) -> ResponseTemplate {
        let mut st = self.state.lock().unwrap();
        let body: Value = serde_json::from_slice(&req.body).unwrap_or(Value::Null);
        let key = bearer(req);
        let model = body["model"].as_str().unwrap_or("").to_owned();
        let path = req.url.path().to_owned();
        let m = req.method.to_string();
        let base = st.kind.base_path();
        let o = if m == "POST" && path == format!("{base}/chat/completions") {
            chat(&mut st, &key, &model, &body)
        } else if m == "GET" && (path == format!("{base}/models") || path == "/models") {
            models(&st, &key)
        } else if m == "GET" && st.kind == Kind::OpenRouter && path == "/api/v1/key" {
            openrouter_key(&key)
        } else {
            out(
                404,
                json!({"error": {"message": format!("no route {m} {path}")}}),
            )
        };
        st.seen.push(Seen {
            method: m,
            path,
            key,
            model,
            body,
            status: o.status,
            at: Instant::now(),
        });
        let mut t = ResponseTemplate::new(o.status)
            .set_body_json(o.body)
            .set_delay(o.delay);
        for (k, v) in o.headers {
            t = t.insert_header(k.as_str(), v.as_str());
        }
        t
    }
}

fn dead_key(kind: Kind, key: &str) -> Out {
    match kind {
        Kind::OpenAi => oai(
            401,
            &format!(
                "Incorrect API key provided: {key}. You can find your API key at https://platform.openai.com/account/api-keys."
            ),
            "invalid_request_error",
            Value::Null,
            json!("invalid_api_key"),
        ),
        Kind::Groq => oai(
            401,
            "Invalid API Key",
            "invalid_request_error",
            Value::Null,
            json!("invalid_api_key"),
        ),
        Kind::OpenRouter => openrouter(401, "User not found.", Value::Null),
        Kind::Gemini => gemini(
            400,
            "API key not valid. Please pass a valid API key.",
            "INVALID_ARGUMENT",
            json!([{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "API_KEY_INVALID",
                    "domain": "googleapis.com", "metadata": {"service": "generativelanguage.googleapis.com"}}]),
        ),
        Kind::Mistral => out(401, json!({"detail": "Unauthorized"})),
        Kind::Together => oai(
            401,
            "Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.",
            "invalid_request_error",
            Value::Null,
            json!("invalid_api_key"),
        ),
        Kind::Fireworks => out(
            401,
            json!({"error": {"object": "error", "type": "invalid_request_error", "message": "The API key you provided is invalid."}}),
        ),
        Kind::DeepInfra => out(401, json!({"detail": {"error": "Invalid API key"}})),
        Kind::Cerebras => out(
            401,
            json!({"message": "Wrong API Key", "type": "invalid_request_error", "param": "api_key", "code": "wrong_api_key"}),
        ),
        Kind::Anthropic => anthropic(401, "authentication_error", "invalid x-api-key"),
        Kind::Vllm => out(401, json!({"error": "Unauthorized"})),
        Kind::LlamaCpp => out(
            401,
            json!({"error": {"code": 401, "message": "Invalid API Key", "type": "authentication_error"}}),
        ),
        Kind::Ollama | Kind::LmStudio => unreachable!("these servers ignore the key"),
    }
}

fn spent_key(kind: Kind) -> Out {
    match kind {
        Kind::OpenAi | Kind::Groq => oai(
            429,
            "You exceeded your current quota, please check your plan and billing details. For more information on this error, read the docs: https://platform.openai.com/docs/guides/error-codes/api-errors.",
            "insufficient_quota",
            Value::Null,
            json!("insufficient_quota"),
        ),
        Kind::OpenRouter => openrouter(
            402,
            "This request requires more credits, or fewer max_tokens. You requested up to 4096 tokens, but can only afford 0. To increase, visit https://openrouter.ai/settings/credits and upgrade to a paid account",
            Value::Null,
        ),
        Kind::Together => oai(
            402,
            "Credit limit exceeded. Please add a payment method or purchase credits at https://api.together.ai/settings/billing.",
            "credit_limit",
            Value::Null,
            json!("credit_limit"),
        ),
        Kind::Anthropic => anthropic(
            400,
            "invalid_request_error",
            "Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits.",
        ),
        _ => unreachable!("no documented spent balance"),
    }
}

fn unknown_model(kind: Kind, model: &str) -> Out {
    let not_exist = format!("The model `{model}` does not exist or you do not have access to it.");
    match kind {
        Kind::OpenAi | Kind::Groq => oai(
            404,
            &not_exist,
            "invalid_request_error",
            Value::Null,
            json!("model_not_found"),
        ),
        Kind::OpenRouter => openrouter(
            400,
            &format!("{model} is not a valid model ID"),
            Value::Null,
        ),
        Kind::Gemini => gemini(
            404,
            &format!(
                "models/{model} is not found for API version v1main, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods."
            ),
            "NOT_FOUND",
            json!([]),
        ),
        Kind::Mistral => out(
            400,
            json!({"object": "error", "message": format!("Invalid model: {model}"), "type": "invalid_model", "param": null, "code": "1500"}),
        ),
        Kind::Together => oai(
            404,
            &format!(
                "Unable to access model {model}. Please visit https://api.together.ai/models to view the list of supported models."
            ),
            "invalid_request_error",
            Value::Null,
            json!("model_not_available"),
        ),
        Kind::Fireworks => out(
            404,
            json!({"error": {"object": "error", "type": "invalid_request_error", "message": "Model not found, inaccessible, and/or not deployed"}}),
        ),
        Kind::DeepInfra => oai(
            404,
            &format!("The model `{model}` does not exist"),
            "invalid_request_error",
            Value::Null,
            json!("model_not_found"),
        ),
        Kind::Cerebras => out(
            404,
            json!({"message": format!("Model {model} does not exist or you do not have access to it."), "type": "not_found_error", "param": "model", "code": "model_not_found"}),
        ),
        Kind::Anthropic => anthropic(404, "not_found_error", &format!("model: {model}")),
        Kind::Ollama => oai(
            404,
            &format!("model \"{model}\" not found, try pulling it first"),
            "api_error",
            Value::Null,
            Value::Null,
        ),
        Kind::Vllm => oai(
            404,
            &format!("The model `{model}` does not exist."),
            "NotFoundError",
            Value::Null,
            json!(404),
        ),
        Kind::LmStudio => oai(
            404,
            &format!("Model \"{model}\" not found. Please specify a valid model."),
            "invalid_request_error",
            json!("model"),
            json!("model_not_found"),
        ),
        Kind::LlamaCpp => unreachable!("a single-model server answers whatever model is named"),
    }
}

/// The parameter the provider refuses in `body`, as its answer; `None` if it takes them all.
fn refuse_parameter(kind: Kind, model: &str, body: &Value) -> Option<Out> {
    let fields: Vec<&str> = body
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default();
    match kind {
        Kind::OpenAi => {
            if let Some(f) = fields.iter().find(|f| !OPENAI_FIELDS.contains(f)) {
                return Some(oai(
                    400,
                    &format!("Unrecognized request argument supplied: {f}"),
                    "invalid_request_error",
                    Value::Null,
                    Value::Null,
                ));
            }
            if is_openai_reasoning(model) {
                if body.get("max_tokens").is_some() {
                    return Some(oai(
                        400,
                        "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
                        "invalid_request_error",
                        json!("max_tokens"),
                        json!("unsupported_parameter"),
                    ));
                }
                if let Some(t) = body.get("temperature").and_then(Value::as_f64)
                    && (t - 1.0).abs() > f64::EPSILON
                {
                    return Some(oai(
                        400,
                        &format!("Unsupported value: 'temperature' does not support {t} with this model. Only the default (1) value is supported."),
                        "invalid_request_error",
                        json!("temperature"),
                        json!("unsupported_value"),
                    ));
                }
            } else if body.get("reasoning_effort").is_some() {
                return Some(oai(
                    400,
                    "Unrecognized request argument supplied: reasoning_effort",
                    "invalid_request_error",
                    json!("reasoning_effort"),
                    json!("unsupported_parameter"),
                ));
            }
            None
        }
        Kind::Groq => {
            let schema = body["response_format"]["type"] == "json_schema";
            (schema && !model.starts_with("openai/gpt-oss")).then(|| {
                oai(
                    400,
                    "This model does not support response format `json_schema`. See supported models at https://console.groq.com/docs/structured-outputs#supported-models",
                    "invalid_request_error",
                    Value::Null,
                    Value::Null,
                )
            })
        }
        Kind::Mistral => fields.iter().find(|f| !MISTRAL_FIELDS.contains(f)).map(|f| {
            out(
                422,
                json!({"object": "error", "message": {"detail": [{"type": "extra_forbidden", "loc": ["body", f],
                        "msg": "Extra inputs are not permitted", "input": body[*f]}]},
                       "type": "invalid_request_error", "param": null, "code": null}),
            )
        }),
        Kind::Gemini => fields.iter().find(|f| !GEMINI_FIELDS.contains(f)).map(|f| {
            gemini(
                400,
                &format!("Invalid JSON payload received. Unknown name \"{f}\": Cannot find field."),
                "INVALID_ARGUMENT",
                json!([{"@type": "type.googleapis.com/google.rpc.BadRequest",
                        "fieldViolations": [{"description": format!("Invalid JSON payload received. Unknown name \"{f}\": Cannot find field.")}]}]),
            )
        }),
        Kind::Cerebras => ["frequency_penalty", "logit_bias", "presence_penalty", "parallel_tool_calls", "service_tier"]
            .iter()
            .find(|f| fields.contains(f))
            .map(|f| {
                out(
                    400,
                    json!({"message": format!("Unsupported parameter: {f} is not supported by this model."),
                           "type": "invalid_request_error", "param": f, "code": "wrong_api_parameter"}),
                )
            }),
        Kind::LmStudio => {
            let t = body["response_format"]["type"].as_str();
            (t.is_some() && t != Some("json_schema") && t != Some("text"))
                .then(|| out(400, json!({"error": "'response_format.type' must be 'json_schema' or 'text'"})))
        }
        // Anthropic ignores response_format, seed and reasoning_effort and caps temperature at 1;
        // OpenRouter, Ollama, vLLM and llama.cpp ignore what they do not know; Together,
        // Fireworks and DeepInfra: unconfirmed, taken as accepting.
        _ => None,
    }
}

/// The tokens a request is counted at admission: its prompt plus what it may generate.
fn cost_of(body: &Value) -> (u64, u64) {
    let prompt = (body["messages"].to_string().len() as u64).div_ceil(4);
    let max = body["max_completion_tokens"]
        .as_u64()
        .or_else(|| body["max_tokens"].as_u64())
        .unwrap_or(1024);
    (prompt, max)
}

fn chat(st: &mut State, key: &str, model: &str, body: &Value) -> Out {
    let kind = st.kind;
    let now = Instant::now();
    let setup = st.setup.clone();
    if kind == Kind::LlamaCpp && setup.throttled {
        // The server answers 503 "Loading model" for its first 1.5 s.
        let started = *st.started.get_or_insert(now);
        if now.duration_since(started) < Duration::from_millis(1_500) {
            return out(
                503,
                json!({"error": {"code": 503, "message": "Loading model", "type": "unavailable_error"}}),
            );
        }
    }
    if !kind.ignores_key() && (key.starts_with("dead-") || key.is_empty()) {
        return dead_key(kind, key);
    }
    if kind.has_balance() && key.starts_with("spent-") {
        return spent_key(kind);
    }
    let known = [kind.model(), kind.second_model()];
    if kind != Kind::LlamaCpp && !known.contains(&model) {
        return unknown_model(kind, model);
    }
    if let Some(refusal) = refuse_parameter(kind, model, body) {
        return refusal;
    }
    if kind == Kind::OpenRouter && setup.free_day_spent && model.ends_with(":free") {
        let reset = until_utc_midnight();
        let h = json!({"X-RateLimit-Limit": "50", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": epoch_ms(reset).to_string()});
        return openrouter(
            429,
            "Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free model requests per day",
            json!({"headers": h, "provider_name": null}),
        )
        .header("X-RateLimit-Limit", 50)
        .header("X-RateLimit-Remaining", 0)
        .header("X-RateLimit-Reset", epoch_ms(reset));
    }
    // Concurrency: DeepInfra refuses beyond its limit; Ollama queues, then is busy.
    st.busy_until.retain(|t| *t > now);
    let in_flight = st.busy_until.len();
    if kind == Kind::DeepInfra && setup.throttled && in_flight >= 1 {
        return oai(429, "Rate limited", "rate_limit", Value::Null, Value::Null);
    }
    if kind == Kind::Ollama && setup.throttled && in_flight >= 2 {
        return out(
            503,
            json!({"error": {"message": "server busy, please try again.  maximum pending requests exceeded", "type": "api_error", "param": null, "code": null}}),
        );
    }
    let (prompt, max) = cost_of(body);
    let cost = (prompt + max) as f64;
    let w = st
        .windows
        .entry(model.to_owned())
        .or_insert_with(|| Windows::new(kind, setup.throttled));
    for win in [&mut w.requests, &mut w.day].into_iter().flatten() {
        win.update(now, 1.0);
    }
    if let Some(t) = w.tokens.as_mut() {
        t.update(now, cost);
    }
    let w = w.clone();
    let req_wait = w
        .requests
        .as_ref()
        .map_or(Duration::ZERO, |r| r.wait_for(1.0, now));
    let tok_wait = w
        .tokens
        .as_ref()
        .map_or(Duration::ZERO, |t| t.wait_for(cost, now));
    let day_wait = w
        .day
        .as_ref()
        .map_or(Duration::ZERO, |d| d.wait_for(1.0, now));
    let over_limit =
        kind == Kind::Fireworks && w.requests.as_ref().is_some_and(|r| r.used + 1.0 > r.limit);
    let far_over = kind == Kind::Fireworks
        && w.requests
            .as_ref()
            .is_some_and(|r| r.used + 1.0 > r.limit + 2.0);
    let throttled = if kind == Kind::Fireworks {
        far_over
    } else {
        !req_wait.is_zero() || !tok_wait.is_zero() || !day_wait.is_zero()
    };
    if throttled {
        return throttle(kind, model, &w, now, req_wait, tok_wait, day_wait, cost);
    }
    // Admitted: charge the windows.
    let ws = st.windows.get_mut(model).unwrap();
    for win in [&mut ws.requests, &mut ws.day].into_iter().flatten() {
        win.charge(1.0);
    }
    if let Some(t) = ws.tokens.as_mut() {
        t.charge(cost);
    }
    let w = ws.clone();
    let latency = match kind {
        Kind::DeepInfra | Kind::Ollama if setup.throttled => Duration::from_millis(300),
        _ => setup.latency,
    };
    st.busy_until.push(now + latency);
    let (subject, n, k) = crate::common::mock::parse_ask(body);
    let qs = crate::common::mock::questions(&subject, n, k, &mut st.counter, 0.0);
    let mut content = json!({ "questions": qs }).to_string();
    if kind == Kind::Anthropic {
        content = format!("```json\n{content}\n```");
    }
    let completion = (content.len() as u64).div_ceil(4);
    let answer = json!({
        "id": "chatcmpl-imitation", "object": "chat.completion", "created": 1_795_833_330, "model": model,
        "choices": [{"index": 0, "finish_reason": "stop", "logprobs": null,
                     "message": {"role": "assistant", "content": content}}],
        "usage": {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}
    });
    let mut o = out(200, answer);
    o.delay = latency;
    o.headers = headers(kind, &w, now, cost, over_limit);
    o
}

/// The rate-limit headers a provider sends with an answer.
fn headers(
    kind: Kind,
    w: &Windows,
    now: Instant,
    cost: f64,
    over_limit: bool,
) -> Vec<(String, String)> {
    let mut h: Vec<(String, String)> = Vec::new();
    let mut put = |k: &str, v: String| h.push((k.to_owned(), v));
    match kind {
        Kind::OpenAi => {
            let (r, t) = (w.requests.as_ref().unwrap(), w.tokens.as_ref().unwrap());
            put("x-ratelimit-limit-requests", (r.limit as u64).to_string());
            put("x-ratelimit-remaining-requests", r.remaining().to_string());
            put("x-ratelimit-reset-requests", go_duration(r.reset(now)));
            put("x-ratelimit-limit-tokens", (t.limit as u64).to_string());
            put("x-ratelimit-remaining-tokens", t.remaining().to_string());
            put("x-ratelimit-reset-tokens", go_duration(t.reset(now)));
        }
        Kind::Groq => {
            let (d, t) = (w.day.as_ref().unwrap(), w.tokens.as_ref().unwrap());
            put("x-ratelimit-limit-requests", (d.limit as u64).to_string());
            put("x-ratelimit-remaining-requests", d.remaining().to_string());
            put("x-ratelimit-reset-requests", go_duration(d.reset(now)));
            put("x-ratelimit-limit-tokens", (t.limit as u64).to_string());
            put("x-ratelimit-remaining-tokens", t.remaining().to_string());
            put("x-ratelimit-reset-tokens", go_duration(t.reset(now)));
        }
        Kind::Mistral => {
            let (r, t) = (w.requests.as_ref().unwrap(), w.tokens.as_ref().unwrap());
            put("x-ratelimit-limit-req-minute", (r.limit as u64).to_string());
            put(
                "x-ratelimit-remaining-req-minute",
                r.remaining().to_string(),
            );
            put(
                "x-ratelimit-limit-tokens-minute",
                (t.limit as u64).to_string(),
            );
            put(
                "x-ratelimit-remaining-tokens-minute",
                t.remaining().to_string(),
            );
            put("x-ratelimit-tokens-query-cost", (cost as u64).to_string());
        }
        Kind::Together => {
            let (r, t) = (w.requests.as_ref().unwrap(), w.tokens.as_ref().unwrap());
            put("x-ratelimit-limit", (r.limit as u64).to_string());
            put("x-ratelimit-remaining", r.remaining().to_string());
            put("x-ratelimit-reset", secs_up(r.reset(now)).to_string());
            put("x-tokenlimit-limit", (t.limit as u64).to_string());
            put("x-tokenlimit-remaining", t.remaining().to_string());
        }
        Kind::Fireworks => {
            let r = w.requests.as_ref().unwrap();
            put("x-ratelimit-limit-requests", (r.limit as u64).to_string());
            put("x-ratelimit-remaining-requests", r.remaining().to_string());
            put("x-ratelimit-limit-tokens-prompt", "60000".into());
            put("x-ratelimit-remaining-tokens-prompt", "59000".into());
            put("x-ratelimit-limit-tokens-generated", "12000".into());
            put("x-ratelimit-remaining-tokens-generated", "11000".into());
            if over_limit {
                put("x-ratelimit-over-limit", "yes".into());
            }
        }
        Kind::Cerebras => {
            let (d, t) = (w.day.as_ref().unwrap(), w.tokens.as_ref().unwrap());
            put(
                "x-ratelimit-limit-requests-day",
                (d.limit as u64).to_string(),
            );
            put(
                "x-ratelimit-remaining-requests-day",
                d.remaining().to_string(),
            );
            put(
                "x-ratelimit-reset-requests-day",
                format!("{:.2}", d.reset(now).as_secs_f64()),
            );
            put(
                "x-ratelimit-limit-tokens-minute",
                (t.limit as u64).to_string(),
            );
            put(
                "x-ratelimit-remaining-tokens-minute",
                t.remaining().to_string(),
            );
            put(
                "x-ratelimit-reset-tokens-minute",
                format!("{:.2}", t.reset(now).as_secs_f64()),
            );
        }
        Kind::Anthropic => {
            let (r, t) = (w.requests.as_ref().unwrap(), w.tokens.as_ref().unwrap());
            put(
                "anthropic-ratelimit-requests-limit",
                (r.limit as u64).to_string(),
            );
            put(
                "anthropic-ratelimit-requests-remaining",
                r.remaining().to_string(),
            );
            put("anthropic-ratelimit-requests-reset", rfc3339(r.reset(now)));
            for family in ["tokens", "input-tokens", "output-tokens"] {
                put(
                    &format!("anthropic-ratelimit-{family}-limit"),
                    (t.limit as u64).to_string(),
                );
                put(
                    &format!("anthropic-ratelimit-{family}-remaining"),
                    t.remaining().to_string(),
                );
                put(
                    &format!("anthropic-ratelimit-{family}-reset"),
                    rfc3339(t.reset(now)),
                );
            }
        }
        // OpenRouter sends its headers on 429s only; Gemini, DeepInfra and the local servers none.
        _ => {}
    }
    h
}

#[allow(clippy::too_many_arguments)]
fn throttle(
    kind: Kind,
    model: &str,
    w: &Windows,
    now: Instant,
    req_wait: Duration,
    tok_wait: Duration,
    day_wait: Duration,
    cost: f64,
) -> Out {
    let wait = req_wait.max(tok_wait).max(day_wait);
    let hs = headers(kind, w, now, cost, false);
    let with = |mut o: Out| {
        o.headers.extend(hs.iter().cloned());
        o
    };
    match kind {
        Kind::OpenAi => {
            let t = w.tokens.as_ref().unwrap();
            with(oai(
                429,
                &format!("Rate limit reached for {model} in organization org-imitation on tokens per min (TPM): Limit {}, Used {}, Requested {}. Please try again in {}. Visit https://platform.openai.com/account/rate-limits to learn more.",
                    t.limit as u64, t.used.ceil() as u64, cost as u64, go_duration(tok_wait)),
                "tokens",
                Value::Null,
                json!("rate_limit_exceeded"),
            ))
        }
        Kind::Groq => {
            let t = w.tokens.as_ref().unwrap();
            with(oai(
                429,
                &format!("Rate limit reached for model `{model}` in organization `org_imitation` service tier `on_demand` on tokens per minute (TPM): Limit {}, Used {}, Requested {}. Please try again in {}. Need more tokens? Upgrade to Dev Tier today at https://console.groq.com/settings/billing",
                    t.limit as u64, t.used.ceil() as u64, cost as u64, go_duration(wait)),
                "tokens",
                Value::Null,
                json!("rate_limit_exceeded"),
            ))
            .header("retry-after", secs_up(wait))
        }
        Kind::OpenRouter => {
            let r = w.requests.as_ref().unwrap();
            let reset = epoch_ms(r.reset(now));
            let h = json!({"X-RateLimit-Limit": (r.limit as u64).to_string(), "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset.to_string()});
            openrouter(
                429,
                "Rate limit exceeded: free-models-per-min. ",
                json!({"headers": h, "provider_name": null}),
            )
            .header("X-RateLimit-Limit", r.limit as u64)
            .header("X-RateLimit-Remaining", 0)
            .header("X-RateLimit-Reset", reset)
        }
        Kind::Gemini => {
            let r = w.requests.as_ref().unwrap();
            let secs = secs_up(wait);
            gemini(
                429,
                &format!("You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: {}, model: {model}\nPlease retry in {:.3}s.", r.limit as u64, wait.as_secs_f64()),
                "RESOURCE_EXHAUSTED",
                json!([
                    {"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [{
                        "quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests",
                        "quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
                        "quotaDimensions": {"location": "global", "model": model},
                        "quotaValue": (r.limit as u64).to_string()}]},
                    {"@type": "type.googleapis.com/google.rpc.Help", "links": [{"description": "Learn more about Gemini API quotas", "url": "https://ai.google.dev/gemini-api/docs/rate-limits"}]},
                    {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": format!("{secs}s")}
                ]),
            )
        }
        Kind::Mistral => with(out(
            429,
            json!({"object": "error", "message": "Requests rate limit exceeded", "type": "rate_limited", "param": null, "code": "1300"}),
        ))
        .header("Retry-After", secs_up(wait)),
        Kind::Together => with(oai(
            429,
            &format!("You have exceeded the rate limit for model {model}. Please slow down your request rate."),
            "rate_limit",
            Value::Null,
            json!("dynamic_request_limited"),
        )),
        Kind::Fireworks => out(
            429,
            json!({"error": {"object": "error", "type": "invalid_request_error", "code": "rate_limit_exceeded", "message": "Request rate limit exceeded, please try again later"}}),
        ),
        Kind::Cerebras => with(out(
            429,
            json!({"message": "Tokens per minute limit exceeded - too many tokens processed.", "type": "too_many_requests_error", "param": "quota", "code": "request_quota_exceeded"}),
        )),
        Kind::Anthropic => with(anthropic(
            429,
            "rate_limit_error",
            "This request would exceed your organization's rate limit of 50 requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later.",
        ))
        .header("retry-after", secs_up(wait)),
        _ => unreachable!("no rate limit"),
    }
}

fn models(st: &State, key: &str) -> Out {
    let kind = st.kind;
    let public = matches!(kind, Kind::OpenRouter | Kind::LlamaCpp) || kind.ignores_key();
    if !public && (key.starts_with("dead-") || key.is_empty()) {
        return dead_key(kind, key);
    }
    let ids = [kind.model(), kind.second_model()];
    let entry = |id: &str| json!({"id": id, "object": "model", "created": 1_735_689_600, "owned_by": "imitation"});
    match kind {
        Kind::Together => out(200, json!(ids.iter().map(|i| entry(i)).collect::<Vec<_>>())),
        Kind::Gemini => out(
            200,
            json!({"object": "list", "data": ids.iter().map(|i| entry(&format!("models/{i}"))).collect::<Vec<_>>()}),
        ),
        Kind::Anthropic => out(
            200,
            json!({"data": ids.iter().map(|i| json!({"type": "model", "id": i, "display_name": i, "created_at": "2025-09-29T00:00:00Z"})).collect::<Vec<_>>(),
                   "has_more": false, "first_id": ids[0], "last_id": ids[1]}),
        ),
        Kind::Ollama => out(
            200,
            json!({"object": "list", "data": ids.iter().map(|i| entry(&format!("{i}:latest"))).collect::<Vec<_>>()}),
        ),
        Kind::OpenRouter => out(
            200,
            json!({"data": ids.iter().map(|i| json!({"id": i, "name": i, "context_length": 131072,
                     "pricing": {"prompt": "0", "completion": "0"}})).collect::<Vec<_>>()}),
        ),
        _ => out(
            200,
            json!({"object": "list", "data": ids.iter().map(|i| entry(i)).collect::<Vec<_>>()}),
        ),
    }
}

fn openrouter_key(key: &str) -> Out {
    if key.starts_with("dead-") || key.is_empty() {
        return openrouter(401, "User not found.", Value::Null);
    }
    out(
        200,
        json!({"data": {"label": "sk-or-v1-imi...", "limit": null, "usage": 0, "limit_remaining": null,
                        "is_free_tier": true, "rate_limit": {"requests": 20, "interval": "10s"}}}),
    )
}

/// Why `body`, which the provider accepted, still used a parameter it does not take as sent
/// (refused, or silently ignored so that it has no effect); `Ok` if it used only what it takes.
pub(crate) fn check_accepted(kind: Kind, model: &str, body: &Value) -> Result<(), String> {
    if let Some(o) = refuse_parameter(kind, model, body) {
        return Err(format!("refused with {}: {}", o.status, o.body));
    }
    match kind {
        // Ollama ignores max_completion_tokens: without max_tokens the answer has no bound.
        Kind::Ollama if body.get("max_tokens").is_none() => Err(format!(
            "no max_tokens (Ollama ignores max_completion_tokens): {body}"
        )),
        Kind::Anthropic
            if body
                .get("temperature")
                .and_then(Value::as_f64)
                .is_some_and(|t| t > 1.0) =>
        {
            Err(format!("temperature above 1 (capped by Anthropic): {body}"))
        }
        _ => Ok(()),
    }
}
