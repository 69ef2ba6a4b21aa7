//! The one HTTP client: sends a chat request with a key and classifies every answer into what
//! the pool must do about it (ok, throttled, dead key, dead model, too large, transient, bad
//! output). Keeps the raw body of errors it cannot read.

use std::time::Duration;

use anyhow::Result;
use reqwest::StatusCode;
use serde::Deserialize;
use serde_json::Value;

use super::headers::{self, Window, WindowReport};
use crate::config::{ApiKey, Dialect};

/// Token usage the provider reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct Usage {
    #[serde(default)]
    pub prompt_tokens: u64,
    #[serde(default)]
    pub completion_tokens: u64,
    #[serde(default)]
    pub completion_tokens_details: Option<CompletionDetails>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct CompletionDetails {
    #[serde(default)]
    pub reasoning_tokens: u64,
}

impl Usage {
    pub fn total(&self) -> u64 {
        self.prompt_tokens + self.completion_tokens
    }

    /// Completion tokens that became the answer itself (reasoning excluded).
    pub fn content_tokens(&self) -> u64 {
        let reasoning = self
            .completion_tokens_details
            .map_or(0, |d| d.reasoning_tokens);
        self.completion_tokens.saturating_sub(reasoning)
    }
}

/// What an answer means for the pool.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Ok {
        content: String,
        /// `length` means `max_completion_tokens` ran out.
        finish_reason: String,
        usage: Option<Usage>,
    },
    /// 429: the lane must cool down.
    Throttled {
        window: Option<Window>,
        wait: Option<Duration>,
        limit: Option<u64>,
    },
    /// 401/403 or an invalid-key 400: never use this key again.
    DeadKey { status: u16, message: String },
    /// A 429 that waiting never clears: the prepaid balance or quota is spent
    /// (`insufficient_quota`, `billing_hard_limit_reached`). Treated like a dead key.
    QuotaSpent { message: String },
    /// Decommissioned or unknown model: drop it for this provider.
    DeadModel { message: String },
    /// A 400/422 refusing a request parameter (`temperature` on a reasoning model, Mistral's
    /// `max_completion_tokens`, LM Studio's `json_object`): a fact about the lane, not output.
    ParamRefused { param: String, message: String },
    /// 413: the request can never pass as it is; shrink it.
    TooLarge { limit: Option<u64>, message: String },
    /// 5xx, timeouts, connection errors: back off and retry elsewhere.
    Transient { reason: String },
    /// The model failed to produce usable JSON (or the request was refused as malformed).
    BadOutput { reason: String },
    /// A 200 that is no chat completion at all (an HTML page, an empty body): the address is
    /// wrong or a proxy is in the way. Nothing was generated, so nothing is charged.
    NotApi { reason: String },
    /// A redirect: API calls do not follow them (the body would be sent again elsewhere).
    Redirected { target: String },
}

/// One classified answer with the rate-limit reports its headers carried.
#[derive(Debug, Clone)]
pub struct Answer {
    pub verdict: Verdict,
    pub reports: Vec<WindowReport>,
    /// What was ignored or clamped in the provider's numbers, for `-v`.
    pub notes: Vec<String>,
}

impl Answer {
    fn failed(verdict: Verdict) -> Answer {
        Answer {
            verdict,
            reports: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// Largest answer body read; a longer one is a transient failure, never a memory blow-up.
pub(crate) const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, Clone)]
pub(crate) struct Client {
    http: reqwest::Client,
}

#[derive(Deserialize)]
struct ChatResponse {
    #[serde(default)]
    choices: Vec<Choice>,
    usage: Option<Usage>,
}

#[derive(Deserialize)]
struct Choice {
    #[serde(default)]
    finish_reason: Option<String>,
    message: Option<Message>,
}

#[derive(Deserialize)]
struct Message {
    #[serde(default)]
    content: Option<String>,
}

/// What `GET /models` says of a key.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum KeyCheck {
    Valid(Vec<String>),
    Invalid(String),
    Unreachable(String),
    /// The provider's endpoints ignore the key (llama.cpp's public `/models`): nothing proves it.
    Unverifiable(String),
}

impl Client {
    /// A client whose requests each end after `timeout` (connecting included). Redirects are
    /// never followed: a redirected API call is reported, not sent again elsewhere.
    pub(crate) fn new(timeout: Duration) -> Result<Client> {
        let http = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("quizgen/", env!("CARGO_PKG_VERSION")))
            .build()?;
        Ok(Client { http })
    }

    /// Sends one chat completion request and classifies the answer. Never fails: a network
    /// error is a `Transient` verdict.
    pub(crate) async fn chat(
        &self,
        base_url: &str,
        key: &ApiKey,
        dialect: Dialect,
        body: &Value,
    ) -> Answer {
        let url = format!("{base_url}/chat/completions");
        let sent = self
            .http
            .post(url)
            .bearer_auth(key.expose())
            .json(body)
            .send()
            .await;
        let resp = match sent {
            Ok(r) => r,
            Err(e) => {
                return Answer::failed(Verdict::Transient {
                    reason: transport_reason(&e),
                });
            }
        };
        let status = resp.status();
        let headers = resp.headers().clone();
        let reading = headers::read_headers(dialect, &headers);
        let retry_after = headers::retry_after(&headers);
        if status.is_redirection() {
            return Answer::failed(Verdict::Redirected {
                target: location(&headers),
            });
        }
        let text = match read_body_capped(resp).await {
            Ok(t) => t,
            Err(reason) => {
                return Answer {
                    verdict: Verdict::Transient { reason },
                    reports: reading.reports,
                    notes: reading.notes,
                };
            }
        };
        let verdict = classify(status, &text, retry_after, &reading.reports);
        // OpenRouter's one header family serves its minute and its day alike: a 429 that names
        // its window ("free-models-per-day") says which one the numbers were about.
        let reading = match (dialect, &verdict) {
            (
                Dialect::Openrouter,
                Verdict::Throttled {
                    window: Some(w), ..
                },
            ) => headers::read_headers_for(dialect, &headers, crate::clock::now_ms(), Some(*w)),
            _ => reading,
        };
        Answer {
            verdict,
            reports: reading.reports,
            notes: reading.notes,
        }
    }

    /// The cheapest call that proves a key, as the dialect says: `GET /models`, or OpenRouter's
    /// `GET /key` (its `/models` is public); none where every endpoint ignores the key.
    pub(crate) async fn check_key(
        &self,
        base_url: &str,
        key: &ApiKey,
        dialect: Dialect,
    ) -> KeyCheck {
        let path = match dialect.conventions().key_check {
            crate::dialect::KeyCheck::Models => "models",
            crate::dialect::KeyCheck::KeyEndpoint => "key",
            crate::dialect::KeyCheck::Unverifiable => {
                return KeyCheck::Unverifiable(format!(
                    "{} answers every key alike: it cannot be checked without a request",
                    dialect.conventions().label_or("this server")
                ));
            }
        };
        let sent = self
            .http
            .get(format!("{base_url}/{path}"))
            .bearer_auth(key.expose())
            .send()
            .await;
        let resp = match sent {
            Ok(r) => r,
            Err(e) => return KeyCheck::Unreachable(transport_reason(&e)),
        };
        let status = resp.status();
        if status.is_redirection() {
            return KeyCheck::Unreachable(format!(
                "redirected to {}: point base_url at the final address",
                location(resp.headers())
            ));
        }
        let text = read_body_capped(resp).await.unwrap_or_default();
        if status.is_success() {
            let models = serde_json::from_str::<Value>(&text)
                .ok()
                .and_then(|v| v.get("data").and_then(Value::as_array).cloned())
                .unwrap_or_default()
                .iter()
                .filter_map(|m| m.get("id").and_then(Value::as_str).map(str::to_owned))
                .collect();
            return KeyCheck::Valid(models);
        }
        match classify(status, &text, None, &[]) {
            Verdict::DeadKey { message, .. } => KeyCheck::Invalid(message),
            _ => KeyCheck::Unreachable(format!(
                "HTTP {}: {}",
                status.as_u16(),
                error_message(&text)
            )),
        }
    }
}

/// The body, read up to `MAX_BODY_BYTES`; longer or broken bodies are a reason to retry.
async fn read_body_capped(mut resp: reqwest::Response) -> std::result::Result<String, String> {
    let mut body: Vec<u8> = Vec::new();
    loop {
        match resp.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > MAX_BODY_BYTES {
                    return Err(format!(
                        "the answer body passed {} MB; cut off",
                        MAX_BODY_BYTES / 1_048_576
                    ));
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(String::from_utf8_lossy(&body).into_owned()),
            Err(e) => return Err(transport_reason(&e)),
        }
    }
}

/// Where a redirect points, as a person reads it.
fn location(headers: &reqwest::header::HeaderMap) -> String {
    headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .map_or_else(|| "(no Location header)".to_owned(), str::to_owned)
}

/// The reason given when no connection could be made at all (the network or host is down).
pub(crate) const CONNECT_FAILED: &str = "could not connect";

fn transport_reason(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "timed out".into()
    } else if e.is_connect() {
        CONNECT_FAILED.into()
    } else {
        "connection error".into()
    }
}

/// The error object of a body in any of the shapes providers send: `{"error": {...}}`,
/// Gemini's array `[{"error": {...}}]`, or the object itself at the top (Mistral, Cerebras,
/// FastAPI's `{"detail": ...}`).
fn error_object(text: &str) -> Option<Value> {
    let v: Value = serde_json::from_str(text).ok()?;
    let v = match v {
        Value::Array(mut items) if !items.is_empty() => items.swap_remove(0),
        v => v,
    };
    match v.get("error") {
        Some(e) if e.is_object() => Some(e.clone()),
        Some(Value::String(m)) => Some(serde_json::json!({ "message": m })),
        _ => v.is_object().then_some(v),
    }
}

/// A message out of a value: a string, or FastAPI's `[{"msg": ..., "loc": [...]}]` list.
fn message_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(items) => {
            let parts: Vec<String> = items
                .iter()
                .filter_map(|i| {
                    let msg = i.get("msg").and_then(Value::as_str)?;
                    let loc = i.get("loc").and_then(Value::as_array).map(|l| {
                        l.iter()
                            .map(|p| p.as_str().map_or_else(|| p.to_string(), str::to_owned))
                            .collect::<Vec<_>>()
                            .join(".")
                    });
                    Some(loc.map_or_else(|| msg.to_owned(), |l| format!("{l}: {msg}")))
                })
                .collect();
            (!parts.is_empty()).then(|| parts.join("; "))
        }
        Value::Object(o) => o.get("detail").and_then(message_of),
        _ => None,
    }
}

/// The message of an error body, whatever its shape, else the raw body (cut short); any key a
/// server echoes back is masked here, before the message can be shown or stored.
pub(crate) fn error_message(text: &str) -> String {
    let msg = error_object(text)
        .and_then(|e| {
            ["message", "detail"]
                .iter()
                .find_map(|k| e.get(*k).and_then(message_of))
        })
        .unwrap_or_else(|| text.chars().take(200).collect());
    crate::redact::mask_secrets(&msg.replace('\n', " "))
}

/// `code`, `type` and `status` of an error body, lower case, and Gemini's reason.
fn error_codes(text: &str) -> Vec<String> {
    let e = error_object(text);
    let mut codes: Vec<String> = ["code", "type", "status"]
        .iter()
        .filter_map(|k| e.as_ref()?.get(*k))
        .map(|c| c.as_str().map_or_else(|| c.to_string(), str::to_owned))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if text.contains("API_KEY_INVALID") {
        codes.push("invalid_api_key".into());
    }
    codes
}

/// Whether an answer says the balance or credit is spent for good, whatever its status:
/// OpenAI's and Groq's 429 `insufficient_quota`, OpenRouter's and Together's 402, Anthropic's
/// 400 "credit balance is too low". Gemini's per-minute 429 says "exceeded your current quota"
/// too, but with `RESOURCE_EXHAUSTED` and a `retryDelay`: a throttle.
fn balance_spent(status: u16, codes: &[String], body: &str) -> bool {
    let lower = body.to_ascii_lowercase();
    let throttle = lower.contains("resource_exhausted") || lower.contains("retrydelay");
    let coded = codes.iter().any(|c| {
        matches!(
            c.as_str(),
            "insufficient_quota" | "billing_hard_limit_reached" | "credit_limit"
        )
    });
    status == 402
        || coded
        || lower.contains("credit balance is too low")
        || lower.contains("insufficient balance")
        || lower.contains("billing_hard_limit")
        || (status == 429 && !throttle && lower.contains("exceeded your current quota"))
}

/// Whether an answer says the model is unknown or retired, in any provider's words.
fn model_gone(status: u16, codes: &[String], message: &str) -> bool {
    let m = message.to_ascii_lowercase();
    let coded = codes.iter().any(|c| {
        matches!(
            c.as_str(),
            "model_not_found" | "model_decommissioned" | "invalid_model" | "1500"
        )
    });
    let worded = m.contains("model")
        && [
            "not found",
            "does not exist",
            "not a valid model",
            "decommissioned",
            "invalid model",
            "no longer supported",
        ]
        .iter()
        .any(|w| m.contains(w));
    matches!(status, 400 | 404) && (coded || worded) || status == 404 && m.contains("model")
}

/// The request parameters quizgen sends that a provider may refuse.
pub(crate) const PARAMETERS: [&str; 5] = [
    "temperature",
    "max_completion_tokens",
    "max_tokens",
    "response_format",
    "reasoning_effort",
];

/// The parameter a 400 or 422 refuses, if it names one quizgen sends: OpenAI's
/// `unsupported_value`/`unsupported_parameter` (with `param`), Mistral's 422 `extra_forbidden`,
/// LM Studio's response format, Gemini's "Unknown name", "Unrecognized request argument".
fn refused_parameter(status: u16, text: &str, message: &str) -> Option<String> {
    if !matches!(status, 400 | 422) {
        return None;
    }
    let param =
        error_object(text).and_then(|e| e.get("param").and_then(Value::as_str).map(str::to_owned));
    let lower = message.to_ascii_lowercase();
    let refusing = [
        "unsupported",
        "not supported",
        "unknown name",
        "unrecognized",
        "extra inputs",
        "must be",
        "not permitted",
        "invalid value",
    ]
    .iter()
    .any(|w| lower.contains(w))
        || text.contains("extra_forbidden");
    if !refusing {
        return None;
    }
    let named = |s: &str| {
        PARAMETERS
            .iter()
            .filter(|p| s.contains(*p))
            .max_by_key(|p| p.len())
            .map(|p| (*p).to_owned())
    };
    param
        .as_deref()
        .and_then(named)
        .or_else(|| named(&lower))
        .or_else(|| named(text))
}

/// What a 200 that is no chat completion looked like.
fn not_api_reason(text: &str) -> String {
    let t = text.trim_start();
    let what = if t.is_empty() {
        "an empty body".to_owned()
    } else if t.starts_with('<') {
        "an HTML page".to_owned()
    } else {
        format!(
            "text that is not a chat completion (\"{}\")",
            crate::redact::mask_secrets(&t.chars().take(60).collect::<String>())
        )
    };
    format!("the provider answered HTTP 200 with {what}: check base_url in the keys file")
}

/// The heart of error handling: what an HTTP answer means, in every provider's words
/// (docs/providers.md).
pub(crate) fn classify(
    status: StatusCode,
    text: &str,
    retry_after: Option<Duration>,
    reports: &[WindowReport],
) -> Verdict {
    let codes = error_codes(text);
    let message = error_message(text);
    let s = status.as_u16();
    let has = |c: &str| codes.iter().any(|x| x == c);
    let refused = refused_parameter(s, text, &message);
    match s {
        200..=299 => ok_verdict(text),
        300..=399 => Verdict::Redirected {
            target: "(unknown)".into(),
        },
        _ if balance_spent(s, &codes, text) => Verdict::QuotaSpent { message },
        429 => throttled(text, retry_after, reports),
        413 => Verdict::TooLarge {
            limit: headers::read_limit_message(&message).limit,
            message,
        },
        401 | 403 => Verdict::DeadKey { status: s, message },
        400 if has("invalid_api_key") => Verdict::DeadKey {
            status: 400,
            message,
        },
        _ if model_gone(s, &codes, &message) => Verdict::DeadModel { message },
        400 if has("json_validate_failed") => Verdict::BadOutput {
            reason: "the model failed to produce JSON".into(),
        },
        _ if refused.is_some() => Verdict::ParamRefused {
            param: refused.unwrap_or_default(),
            message,
        },
        500..=599 => Verdict::Transient {
            reason: format!("HTTP {s}"),
        },
        408 => Verdict::Transient {
            reason: "HTTP 408".into(),
        },
        _ => Verdict::BadOutput {
            reason: format!("HTTP {s}: {message}"),
        },
    }
}

fn ok_verdict(text: &str) -> Verdict {
    match serde_json::from_str::<ChatResponse>(text) {
        Ok(r) => {
            let choice = r.choices.into_iter().next();
            let finish_reason = choice
                .as_ref()
                .and_then(|c| c.finish_reason.clone())
                .unwrap_or_default();
            let content = choice
                .and_then(|c| c.message)
                .and_then(|m| m.content)
                .unwrap_or_default();
            Verdict::Ok {
                content,
                finish_reason,
                usage: r.usage,
            }
        }
        Err(_) => Verdict::NotApi {
            reason: not_api_reason(text),
        },
    }
}

/// A 429 that waiting clears: the window and wait from its message (Groq's "(TPM) … try again
/// in", Gemini's `quotaId` and `retryDelay`, OpenRouter's "free-models-per-day" whose day ends
/// at the next UTC midnight), else from `retry-after` or the window's reset header.
fn throttled(text: &str, retry_after: Option<Duration>, reports: &[WindowReport]) -> Verdict {
    // The whole body: Gemini wraps its error in an array, with retryDelay deep inside.
    let m = headers::read_limit_message(text);
    let window = m.window;
    let header_wait = window
        .and_then(|w| reports.iter().find(|r| r.window == w))
        .map(|r| r.reset);
    let midnight = (window == Some(Window::Rpd) && text.contains("free-models-per-day"))
        .then(headers::until_utc_midnight);
    Verdict::Throttled {
        window,
        wait: midnight.or(retry_after).or(m.wait).or(header_wait),
        limit: m.limit,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(status: u16, body: &str) -> Verdict {
        classify(StatusCode::from_u16(status).unwrap(), body, None, &[])
    }

    #[test]
    fn every_kind_of_answer() {
        assert!(matches!(
            v(
                200,
                r#"{"choices":[{"finish_reason":"stop","message":{"content":"{}"}}],"usage":{"prompt_tokens":1,"completion_tokens":2}}"#
            ),
            Verdict::Ok { .. }
        ));
        assert!(matches!(
            v(
                429,
                r#"{"error":{"message":"Rate limit reached ... (TPM): Limit 8000, Used 1, Requested 2. Please try again in 6.2s.","code":"rate_limit_exceeded"}}"#
            ),
            Verdict::Throttled {
                window: Some(Window::Tpm),
                limit: Some(8000),
                ..
            }
        ));
        assert!(matches!(
            v(
                401,
                r#"{"error":{"message":"Invalid API Key","code":"invalid_api_key"}}"#
            ),
            Verdict::DeadKey { .. }
        ));
        assert!(matches!(
            v(
                400,
                r#"{"error":{"message":"API key not valid. [reason: API_KEY_INVALID]"}}"#
            ),
            Verdict::DeadKey { .. }
        ));
        assert!(matches!(
            v(
                400,
                r#"{"error":{"message":"The model `llama` has been decommissioned","code":"model_decommissioned"}}"#
            ),
            Verdict::DeadModel { .. }
        ));
        assert!(matches!(
            v(
                404,
                r#"{"error":{"message":"The model `x` does not exist","code":"model_not_found"}}"#
            ),
            Verdict::DeadModel { .. }
        ));
        assert!(matches!(
            v(
                413,
                r#"{"error":{"message":"Request too large ... (TPM): Limit 8000, Requested 9120","code":"rate_limit_exceeded"}}"#
            ),
            Verdict::TooLarge {
                limit: Some(8000),
                ..
            }
        ));
        assert!(matches!(
            v(503, r#"{"error":{"message":"Service Unavailable"}}"#),
            Verdict::Transient { .. }
        ));
        assert!(matches!(
            v(
                400,
                r#"{"error":{"message":"Failed","code":"json_validate_failed","failed_generation":"{"}}"#
            ),
            Verdict::BadOutput { .. }
        ));
        assert!(matches!(v(200, "not json"), Verdict::NotApi { .. }));
        assert!(matches!(v(200, ""), Verdict::NotApi { .. }));
        assert!(matches!(v(302, ""), Verdict::Redirected { .. }));
        let quota = r#"{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","code":"insufficient_quota"}}"#;
        assert!(matches!(v(429, quota), Verdict::QuotaSpent { .. }));
        let gemini = r#"[{"error": {"code": 429, "message": "Resource has been exhausted (e.g. check quota).", "status": "RESOURCE_EXHAUSTED", "details": [{"@type": "type.googleapis.com/google.rpc.QuotaFailure"}, {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "31s"}]}}]"#;
        assert_eq!(
            v(429, gemini),
            Verdict::Throttled {
                window: None,
                wait: Some(Duration::from_secs(31)),
                limit: None
            }
        );
    }

    #[test]
    fn every_providers_errors_read_by_their_own_words() {
        // Gemini's per-minute 429 says "exceeded your current quota" but is a throttle.
        let gemini = r#"[{"error": {"code": 429, "message": "You exceeded your current quota, please check your plan and billing details.", "status": "RESOURCE_EXHAUSTED", "details": [{"@type": "type.googleapis.com/google.rpc.QuotaFailure", "violations": [{"quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests", "quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier"}]}, {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "7s"}]}}]"#;
        assert_eq!(
            v(429, gemini),
            Verdict::Throttled {
                window: Some(Window::Rpm),
                wait: Some(Duration::from_secs(7)),
                limit: None
            }
        );
        let spent = [
            (
                429,
                r#"{"error":{"message":"You exceeded your current quota, please check your plan and billing details.","type":"insufficient_quota","code":"insufficient_quota"}}"#,
            ),
            (
                402,
                r#"{"error":{"message":"This request requires more credits, or fewer max_tokens. You requested up to 4000 tokens, but can only afford 120.","code":402}}"#,
            ),
            (
                402,
                r#"{"error":{"message":"Credit limit exceeded","type":"credit_limit","code":"credit_limit"}}"#,
            ),
            (
                400,
                r#"{"type":"error","error":{"type":"invalid_request_error","message":"Your credit balance is too low to access the Anthropic API. Please go to Plans & Billing to upgrade or purchase credits."}}"#,
            ),
        ];
        for (status, body) in spent {
            assert!(
                matches!(v(status, body), Verdict::QuotaSpent { .. }),
                "{body}"
            );
        }
        let gone = [
            (
                400,
                r#"{"object":"error","message":"Invalid model: gone-small","type":"invalid_model","param":null,"code":"1500"}"#,
            ),
            (
                400,
                r#"{"error":{"message":"gone-x is not a valid model ID","code":400}}"#,
            ),
            (
                404,
                r#"{"error":{"message":"Model not found, inaccessible, and/or not deployed","code":"NOT_FOUND"}}"#,
            ),
            (
                404,
                r#"[{"error":{"code":404,"message":"models/gone-x is not found for API version v1main","status":"NOT_FOUND"}}]"#,
            ),
            (
                404,
                r#"{"error":{"message":"model \"gone\" not found, try pulling it first","type":"api_error"}}"#,
            ),
            (
                404,
                r#"{"object":"error","message":"The model `gone` does not exist.","type":"NotFoundError","code":404}"#,
            ),
        ];
        for (status, body) in gone {
            assert!(
                matches!(v(status, body), Verdict::DeadModel { .. }),
                "{body}"
            );
        }
        let refused = [
            (
                400,
                r#"{"error":{"message":"Unsupported value: 'temperature' does not support 0.7 with this model. Only the default (1) value is supported.","type":"invalid_request_error","param":"temperature","code":"unsupported_value"}}"#,
                "temperature",
            ),
            (
                400,
                r#"{"error":{"message":"Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.","type":"invalid_request_error","param":"max_tokens","code":"unsupported_parameter"}}"#,
                "max_tokens",
            ),
            (
                422,
                r#"{"object":"error","message":{"detail":[{"type":"extra_forbidden","loc":["body","max_completion_tokens"],"msg":"Extra inputs are not permitted","input":900}]},"type":"invalid_request_message_error","param":null,"code":null}"#,
                "max_completion_tokens",
            ),
            (
                400,
                r#"{"error":"'response_format.type' must be 'json_schema' or 'text'"}"#,
                "response_format",
            ),
            (
                400,
                r#"[{"error":{"code":400,"message":"Invalid JSON payload received. Unknown name \"reasoning_effort\": Cannot find field.","status":"INVALID_ARGUMENT"}}]"#,
                "reasoning_effort",
            ),
        ];
        for (status, body, param) in refused {
            match v(status, body) {
                Verdict::ParamRefused { param: p, .. } => assert_eq!(p, param, "{body}"),
                other => panic!("{body}: {other:?}"),
            }
        }
        // Bodies of every shape come down to their message.
        assert_eq!(
            error_message(r#"{"detail": "Unauthorized"}"#),
            "Unauthorized"
        );
        assert_eq!(
            error_message(r#"{"message": "Wrong API Key", "type": "invalid_request_error"}"#),
            "Wrong API Key"
        );
        assert!(matches!(
            v(401, r#"{"detail": "Unauthorized"}"#),
            Verdict::DeadKey { .. }
        ));
        let cerebras = r#"{"message": "Tokens per minute limit exceeded - too many tokens processed.", "type": "too_many_requests_error", "param": "quota", "code": "request_quota_exceeded"}"#;
        assert!(matches!(
            v(429, cerebras),
            Verdict::Throttled {
                window: Some(Window::Tpm),
                ..
            }
        ));
        let day = r#"{"error":{"message":"Rate limit exceeded: free-models-per-day. Add 10 credits to unlock 1000 free model requests per day","code":429}}"#;
        match v(429, day) {
            Verdict::Throttled { window, wait, .. } => {
                assert_eq!(window, Some(Window::Rpd));
                assert!(wait.is_some_and(|w| w <= Duration::from_secs(86_400)));
            }
            other => panic!("{other:?}"),
        }
    }
}
