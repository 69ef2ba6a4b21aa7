//! Each provider's conventions, by name: the one place that says which rate-limit headers mean
//! which window, which parameters a provider takes, how a key is checked and where credit is
//! added. `llm::headers` and `llm::client` read answers by these facts; keys.toml names a
//! dialect or has it guessed from the base URL's host. Facts and sources: docs/providers.md.

use serde::Deserialize;

/// One of a lane's four budget windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Window {
    Rpm,
    Rpd,
    Tpm,
    Tpd,
}

impl Window {
    pub fn is_daily(self) -> bool {
        matches!(self, Window::Rpd | Window::Tpd)
    }

    pub fn counts_tokens(self) -> bool {
        matches!(self, Window::Tpm | Window::Tpd)
    }

    /// The length of the window when we count it ourselves.
    pub fn span(self) -> std::time::Duration {
        std::time::Duration::from_secs(if self.is_daily() { 86_400 } else { 60 })
    }

    pub fn name(self) -> &'static str {
        match self {
            Window::Rpm => "requests per minute",
            Window::Rpd => "requests per day",
            Window::Tpm => "tokens per minute",
            Window::Tpd => "tokens per day",
        }
    }

    /// The longest reset a provider may honestly report for this window: a minute window is
    /// whole again within 2 minutes, a day window within 25 hours.
    pub fn longest_reset(self) -> std::time::Duration {
        std::time::Duration::from_secs(if self.is_daily() { 25 * 3600 } else { 120 })
    }

    pub const ALL: [Window; 4] = [Window::Rpm, Window::Rpd, Window::Tpm, Window::Tpd];
}

/// Whose conventions a provider's answers follow (keys.toml `dialect`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Dialect {
    Openai,
    Groq,
    Openrouter,
    Gemini,
    Mistral,
    Together,
    Fireworks,
    Deepinfra,
    Cerebras,
    Anthropic,
    Ollama,
    Vllm,
    Llamacpp,
    Lmstudio,
    /// No rate-limit headers are read at all.
    None,
    /// A host no dialect knows: every header family is read by its names.
    #[serde(skip_deserializing)]
    Unknown,
}

/// One family of rate-limit headers: which names carry the limit, what remains and the reset,
/// and the window they describe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Family {
    pub limit: &'static str,
    pub remaining: &'static str,
    /// Absent where the provider sends none (Mistral): see `llm::headers` for what is assumed.
    pub reset: Option<&'static str>,
    pub window: Window,
    /// The numbers are per second (Together), counted here as a minute's worth.
    pub per_second: bool,
    /// The provider documents the window as a token bucket (OpenAI, Anthropic, Cerebras): it
    /// refills continuously at the limit per window, and the reset is the time until full.
    pub bucket: bool,
}

const fn fam(
    limit: &'static str,
    remaining: &'static str,
    reset: Option<&'static str>,
    window: Window,
) -> Family {
    Family {
        limit,
        remaining,
        reset,
        window,
        per_second: false,
        bucket: false,
    }
}

/// A family the provider documents as a token bucket.
const fn bucket(f: Family) -> Family {
    Family { bucket: true, ..f }
}

/// The same header names where nobody documents how the window counts.
const fn plain(f: Family) -> Family {
    Family { bucket: false, ..f }
}

/// `x-ratelimit-*-requests` and `-tokens`: per minute on OpenAI (and wherever the host is not
/// Groq), per day and per minute on Groq.
const OPENAI: &[Family] = &[
    bucket(fam(
        "x-ratelimit-limit-requests",
        "x-ratelimit-remaining-requests",
        Some("x-ratelimit-reset-requests"),
        Window::Rpm,
    )),
    bucket(fam(
        "x-ratelimit-limit-tokens",
        "x-ratelimit-remaining-tokens",
        Some("x-ratelimit-reset-tokens"),
        Window::Tpm,
    )),
];
const GROQ: &[Family] = &[
    fam(
        "x-ratelimit-limit-requests",
        "x-ratelimit-remaining-requests",
        Some("x-ratelimit-reset-requests"),
        Window::Rpd,
    ),
    plain(OPENAI[1]),
];
/// OpenRouter: requests, reset in epoch milliseconds.
const OPENROUTER: &[Family] = &[fam(
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    Some("x-ratelimit-reset"),
    Window::Rpm,
)];
const MISTRAL: &[Family] = &[
    fam(
        "x-ratelimit-limit-req-minute",
        "x-ratelimit-remaining-req-minute",
        None,
        Window::Rpm,
    ),
    fam(
        "x-ratelimit-limit-tokens-minute",
        "x-ratelimit-remaining-tokens-minute",
        None,
        Window::Tpm,
    ),
];
const TOGETHER: &[Family] = &[
    Family {
        per_second: true,
        ..OPENROUTER[0]
    },
    Family {
        limit: "x-tokenlimit-limit",
        remaining: "x-tokenlimit-remaining",
        reset: Some("x-ratelimit-reset"),
        window: Window::Tpm,
        per_second: true,
        bucket: false,
    },
];
const FIREWORKS: &[Family] = &[
    plain(OPENAI[0]),
    fam(
        "x-ratelimit-limit-tokens-prompt",
        "x-ratelimit-remaining-tokens-prompt",
        Some("x-ratelimit-reset-tokens-prompt"),
        Window::Tpm,
    ),
    fam(
        "x-ratelimit-limit-tokens-generated",
        "x-ratelimit-remaining-tokens-generated",
        Some("x-ratelimit-reset-tokens-generated"),
        Window::Tpm,
    ),
];
const CEREBRAS: &[Family] = &[
    fam(
        "x-ratelimit-limit-requests-day",
        "x-ratelimit-remaining-requests-day",
        Some("x-ratelimit-reset-requests-day"),
        Window::Rpd,
    ),
    bucket(fam(
        "x-ratelimit-limit-tokens-minute",
        "x-ratelimit-remaining-tokens-minute",
        Some("x-ratelimit-reset-tokens-minute"),
        Window::Tpm,
    )),
];
const ANTHROPIC: &[Family] = &[
    bucket(fam(
        "anthropic-ratelimit-requests-limit",
        "anthropic-ratelimit-requests-remaining",
        Some("anthropic-ratelimit-requests-reset"),
        Window::Rpm,
    )),
    bucket(fam(
        "anthropic-ratelimit-tokens-limit",
        "anthropic-ratelimit-tokens-remaining",
        Some("anthropic-ratelimit-tokens-reset"),
        Window::Tpm,
    )),
    bucket(fam(
        "anthropic-ratelimit-input-tokens-limit",
        "anthropic-ratelimit-input-tokens-remaining",
        Some("anthropic-ratelimit-input-tokens-reset"),
        Window::Tpm,
    )),
    bucket(fam(
        "anthropic-ratelimit-output-tokens-limit",
        "anthropic-ratelimit-output-tokens-remaining",
        Some("anthropic-ratelimit-output-tokens-reset"),
        Window::Tpm,
    )),
];

/// The name of the completion cap a provider takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenField {
    MaxTokens,
    MaxCompletionTokens,
}

impl TokenField {
    pub(crate) fn name(self) -> &'static str {
        match self {
            TokenField::MaxTokens => "max_tokens",
            TokenField::MaxCompletionTokens => "max_completion_tokens",
        }
    }
}

/// The JSON response format a provider accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JsonFormat {
    /// `{"type": "json_object"}` (a strict schema where the model takes one).
    Object,
    /// Only `json_schema` (LM Studio refuses `json_object`).
    Schema,
}

/// How a key is proven without spending a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyCheck {
    /// `GET /models` answers 401 to a bad key.
    Models,
    /// `GET /key` (OpenRouter: its `/models` is public).
    KeyEndpoint,
    /// `/models` ignores the key and nothing else proves it (llama.cpp).
    Unverifiable,
}

/// What one dialect says.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Conventions {
    /// The provider's name as people write it, for messages ("add credit at OpenRouter");
    /// none for a host no dialect knows (messages then use keys.toml's `name`).
    label: Option<&'static str>,
    /// Hosts (or host suffixes) of its real endpoints, for the guess.
    pub hosts: &'static [&'static str],
    pub headers: &'static [Family],
    pub tokens: TokenField,
    pub json: JsonFormat,
    pub key_check: KeyCheck,
}

impl Conventions {
    /// The provider's name for messages: the dialect's, else `name` from keys.toml.
    pub(crate) fn label_or(&self, name: &str) -> String {
        self.label.unwrap_or(name).to_owned()
    }
}

impl Dialect {
    /// Every dialect keys.toml can name, in the README's order.
    pub const NAMED: [Dialect; 15] = [
        Dialect::Openai,
        Dialect::Groq,
        Dialect::Openrouter,
        Dialect::Gemini,
        Dialect::Mistral,
        Dialect::Together,
        Dialect::Fireworks,
        Dialect::Deepinfra,
        Dialect::Cerebras,
        Dialect::Anthropic,
        Dialect::Ollama,
        Dialect::Vllm,
        Dialect::Llamacpp,
        Dialect::Lmstudio,
        Dialect::None,
    ];

    pub(crate) fn conventions(self) -> Conventions {
        use JsonFormat::{Object, Schema};
        use KeyCheck::{KeyEndpoint, Models, Unverifiable};
        use TokenField::{MaxCompletionTokens as Mct, MaxTokens as Mt};
        let c = |label: &'static str, hosts, headers, tokens, json, key_check| Conventions {
            label: Some(label).filter(|l| !l.is_empty()),
            hosts,
            headers,
            tokens,
            json,
            key_check,
        };
        match self {
            Dialect::Openai => c("OpenAI", &["api.openai.com"], OPENAI, Mct, Object, Models),
            Dialect::Groq => c("Groq", &["api.groq.com"], GROQ, Mct, Object, Models),
            Dialect::Openrouter => c(
                "OpenRouter",
                &["openrouter.ai"],
                OPENROUTER,
                Mct,
                Object,
                KeyEndpoint,
            ),
            Dialect::Gemini => c(
                "Gemini",
                &["generativelanguage.googleapis.com"],
                &[],
                Mt,
                Object,
                Models,
            ),
            Dialect::Mistral => c("Mistral", &["api.mistral.ai"], MISTRAL, Mt, Object, Models),
            Dialect::Together => c(
                "Together",
                &["api.together.xyz", "api.together.ai"],
                TOGETHER,
                Mt,
                Object,
                Models,
            ),
            Dialect::Fireworks => c(
                "Fireworks",
                &["api.fireworks.ai"],
                FIREWORKS,
                Mt,
                Object,
                Models,
            ),
            Dialect::Deepinfra => c("DeepInfra", &["api.deepinfra.com"], &[], Mt, Object, Models),
            Dialect::Cerebras => c(
                "Cerebras",
                &["api.cerebras.ai"],
                CEREBRAS,
                Mct,
                Object,
                Models,
            ),
            Dialect::Anthropic => c(
                "Anthropic",
                &["api.anthropic.com"],
                ANTHROPIC,
                Mct,
                Object,
                Models,
            ),
            Dialect::Ollama => c("Ollama", &[":11434"], &[], Mt, Object, Models),
            Dialect::Vllm => c("vLLM", &[], &[], Mt, Object, Models),
            Dialect::Llamacpp => c("llama.cpp", &[":8080"], &[], Mt, Object, Unverifiable),
            Dialect::Lmstudio => c("LM Studio", &[":1234"], &[], Mt, Schema, Models),
            Dialect::None => c("", &[], &[], Mt, Object, Models),
            Dialect::Unknown => c("", &[], UNKNOWN, Mt, Object, Models),
        }
    }

    /// The dialect a base URL implies when keys.toml does not say: a provider's real host, or a
    /// local server's usual port on a loopback host; otherwise `Unknown`.
    pub fn guess(base_url: &str) -> Dialect {
        let Ok(url) = url::Url::parse(base_url) else {
            return Dialect::Unknown;
        };
        let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
        let local = matches!(host.as_str(), "localhost" | "127.0.0.1" | "[::1]" | "::1");
        let port = url.port().map(|p| format!(":{p}")).unwrap_or_default();
        Dialect::NAMED
            .into_iter()
            .find(|d| {
                d.conventions().hosts.iter().any(|h| {
                    if h.starts_with(':') {
                        local && port == *h
                    } else {
                        host == *h || host.ends_with(&format!(".{h}"))
                    }
                })
            })
            .unwrap_or(Dialect::Unknown)
    }
}

/// For a host no dialect knows, every family by its names; bare `x-ratelimit-*-requests` read
/// as OpenAI means them (per minute), never as Groq's per day.
const UNKNOWN: &[Family] = &[
    plain(OPENAI[0]),
    plain(OPENAI[1]),
    OPENROUTER[0],
    TOGETHER[1],
    MISTRAL[0],
    MISTRAL[1],
    FIREWORKS[1],
    FIREWORKS[2],
    CEREBRAS[0],
    plain(CEREBRAS[1]),
    plain(ANTHROPIC[0]),
    plain(ANTHROPIC[1]),
    plain(ANTHROPIC[2]),
    plain(ANTHROPIC[3]),
];

/// Whether a model takes no `temperature` but its default (OpenAI's reasoning models: `o1`,
/// `o3`, `o4-*`, `gpt-5*`, also when served under a prefix such as `openai/`).
pub(crate) fn fixed_temperature(model: &str) -> bool {
    let base = model
        .rsplit('/')
        .next()
        .unwrap_or(model)
        .to_ascii_lowercase();
    ["o1", "o3", "o4-", "gpt-5"].iter().any(|p| {
        base.starts_with(p)
            && (p.ends_with('-') || !base[p.len()..].starts_with(char::is_alphabetic))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_real_host_is_guessed() {
        let cases = [
            ("https://api.openai.com/v1", Dialect::Openai),
            ("https://api.groq.com/openai/v1", Dialect::Groq),
            ("https://openrouter.ai/api/v1", Dialect::Openrouter),
            (
                "https://generativelanguage.googleapis.com/v1beta/openai",
                Dialect::Gemini,
            ),
            ("https://api.mistral.ai/v1", Dialect::Mistral),
            ("https://api.together.xyz/v1", Dialect::Together),
            ("https://api.fireworks.ai/inference/v1", Dialect::Fireworks),
            ("https://api.deepinfra.com/v1/openai", Dialect::Deepinfra),
            ("https://api.cerebras.ai/v1", Dialect::Cerebras),
            ("https://api.anthropic.com/v1", Dialect::Anthropic),
            ("http://localhost:11434/v1", Dialect::Ollama),
            ("http://127.0.0.1:1234/v1", Dialect::Lmstudio),
            ("http://localhost:8080/v1", Dialect::Llamacpp),
            ("https://my.openai.azure.com/openai/v1", Dialect::Unknown),
            ("http://127.0.0.1:9999/v1", Dialect::Unknown),
            ("not a url", Dialect::Unknown),
        ];
        for (url, d) in cases {
            assert_eq!(Dialect::guess(url), d, "{url}");
        }
    }

    #[test]
    fn reasoning_models_are_told_by_name() {
        for m in [
            "gpt-5",
            "gpt-5-mini",
            "o3",
            "o4-mini",
            "openai/gpt-5.1",
            "o1",
        ] {
            assert!(fixed_temperature(m), "{m}");
        }
        for m in [
            "gpt-4.1-mini",
            "openai/gpt-oss-20b",
            "o3ish",
            "llama-3.3-70b",
        ] {
            assert!(!fixed_temperature(m), "{m}");
        }
    }
}
