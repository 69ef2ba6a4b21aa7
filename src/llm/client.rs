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
        Answer {
            verdict,
            reports: reading.reports,
            notes: reading.notes,
        }
    }

    /// `GET /models` with one key: the cheapest call that proves a key.
    pub(crate) async fn list_models(&self, base_url: &str, key: &ApiKey) -> KeyCheck {
        let sent = self
            .http
            .get(format!("{base_url}/models"))
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

/// `error.message` of an error body, else the raw body (cut short); any key a server echoes
/// back is masked here, before the message can be shown or stored.
pub(crate) fn error_message(text: &str) -> String {
    let v: Option<Value> = serde_json::from_str(text).ok();
    let err = v.as_ref().and_then(|v| v.get("error"));
    let msg = err
        .and_then(|e| e.get("message").and_then(Value::as_str).map(str::to_owned))
        .or_else(|| err.and_then(Value::as_str).map(str::to_owned))
        .unwrap_or_else(|| text.chars().take(200).collect());
    crate::redact::mask_secrets(&msg.replace('\n', " "))
}

fn error_code(text: &str) -> String {
    let v: Option<Value> = serde_json::from_str(text).ok();
    let err = v.as_ref().and_then(|v| v.get("error"));
    let field = |name: &str| {
        err.and_then(|e| e.get(name)).and_then(|c| {
            c.as_str()
                .map(str::to_owned)
                .or_else(|| Some(c.to_string()))
        })
    };
    let mut code = field("code").unwrap_or_default();
    if text.contains("API_KEY_INVALID") {
        code = "invalid_api_key".into();
    }
    code
}

/// Whether a 429 says the balance or quota is spent for good (no wait clears it), as OpenAI's
/// `insufficient_quota` and `billing_hard_limit_reached` do.
fn quota_spent(code: &str, body: &str) -> bool {
    let lower = body.to_ascii_lowercase();
    matches!(code, "insufficient_quota" | "billing_hard_limit_reached")
        || lower.contains("insufficient_quota")
        || lower.contains("billing_hard_limit")
        || lower.contains("exceeded your current quota")
        || lower.contains("credit balance is too low")
        || lower.contains("insufficient balance")
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

/// The heart of error handling: what an HTTP answer means.
pub(crate) fn classify(
    status: StatusCode,
    text: &str,
    retry_after: Option<Duration>,
    reports: &[WindowReport],
) -> Verdict {
    let code = error_code(text);
    let message = error_message(text);
    match status.as_u16() {
        200..=299 => match serde_json::from_str::<ChatResponse>(text) {
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
        },
        300..=399 => Verdict::Redirected {
            target: "(unknown)".into(),
        },
        429 if quota_spent(&code, text) => Verdict::QuotaSpent { message },
        429 => {
            // The whole body: Gemini wraps its error in an array, with retryDelay deep inside.
            let m = headers::read_limit_message(text);
            let window = m.window;
            let header_wait = window
                .and_then(|w| reports.iter().find(|r| r.window == w))
                .map(|r| r.reset);
            Verdict::Throttled {
                window,
                wait: retry_after.or(m.wait).or(header_wait),
                limit: m.limit,
            }
        }
        413 => Verdict::TooLarge {
            limit: headers::read_limit_message(&message).limit,
            message,
        },
        401 | 403 => Verdict::DeadKey {
            status: status.as_u16(),
            message,
        },
        400 | 404 if code == "model_decommissioned" || code == "model_not_found" => {
            Verdict::DeadModel { message }
        }
        404 if message.contains("model") => Verdict::DeadModel { message },
        400 if code == "invalid_api_key" => Verdict::DeadKey {
            status: 400,
            message,
        },
        400 if code == "json_validate_failed" => Verdict::BadOutput {
            reason: "the model failed to produce JSON".into(),
        },
        500..=599 => Verdict::Transient {
            reason: format!("HTTP {}", status.as_u16()),
        },
        408 => Verdict::Transient {
            reason: "HTTP 408".into(),
        },
        s => Verdict::BadOutput {
            reason: format!("HTTP {s}: {message}"),
        },
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
}
