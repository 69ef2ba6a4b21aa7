//! What may be shown: every message bound for a terminal or a log passes through
//! `for_terminal`, which masks whatever could be an API key (the keys quizgen loaded, and
//! anything shaped like one) and escapes control characters, so a server's body or a model's
//! text can neither leak a secret nor drive the terminal.

use std::sync::{Mutex, OnceLock};

use sha2::{Digest, Sha256};

/// Prefixes of the API keys providers issue.
const KEY_PREFIXES: [&str; 12] = [
    "gsk_", "sk-", "sk_", "AIza", "xai-", "pplx-", "csk-", "nvapi-", "hf_", "r8_", "ghp_", "glpat-",
];

fn secrets() -> &'static Mutex<Vec<String>> {
    static SECRETS: OnceLock<Mutex<Vec<String>>> = OnceLock::new();
    SECRETS.get_or_init(|| Mutex::new(Vec::new()))
}

/// Remembers a key's value so that no message ever shows it, whatever shape it has.
pub(crate) fn register_secret(secret: &str) {
    let secret = secret.trim();
    if secret.chars().count() < 6 {
        return;
    }
    if let Ok(mut s) = secrets().lock()
        && !s.iter().any(|k| k == secret)
    {
        s.push(secret.to_owned());
        // Longest first, so a key that contains another is masked whole.
        s.sort_by_key(|k| std::cmp::Reverse(k.len()));
    }
}

/// Whether a value could be an API key: a provider's key prefix, or a long run of mixed
/// letters and digits such as no model name, URL or label has.
pub(crate) fn looks_like_key(s: &str) -> bool {
    let s = s.trim();
    if KEY_PREFIXES.iter().any(|p| s.starts_with(p)) && s.len() >= 12 {
        return true;
    }
    s.split(|c: char| !c.is_ascii_alphanumeric()).any(|run| {
        run.len() >= 24
            && run.chars().any(|c| c.is_ascii_digit())
            && run.chars().any(|c| c.is_ascii_alphabetic())
    })
}

/// Masks every loaded key and every token shaped like a key.
pub(crate) fn mask_secrets(msg: &str) -> String {
    let mut out = msg.to_owned();
    if let Ok(list) = secrets().lock() {
        for k in list.iter() {
            if out.contains(k.as_str()) {
                out = out.replace(k.as_str(), &mask(k));
            }
        }
    }
    let is_token = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let mut masked = String::with_capacity(out.len());
    let mut token = String::new();
    for c in out.chars().chain(std::iter::once('\u{0}')) {
        if is_token(c) {
            token.push(c);
            continue;
        }
        if looks_like_key(&token) {
            masked.push_str(&mask(&token));
        } else {
            masked.push_str(&token);
        }
        token.clear();
        if c != '\u{0}' {
            masked.push(c);
        }
    }
    masked
}

/// Control characters written as escapes (`\u{1b}`), so they cannot act on a terminal.
pub(crate) fn escape_controls(msg: &str) -> String {
    let mut out = String::with_capacity(msg.len());
    for c in msg.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// A message made safe to print: secrets masked, control characters escaped.
pub(crate) fn for_terminal(msg: &str) -> String {
    escape_controls(&mask_secrets(msg))
}

/// `gsk_abcdef…a1b2` → `gsk_…a1b2`; short keys show less.
pub(crate) fn mask(key: &str) -> String {
    let chars: Vec<char> = key.chars().collect();
    if chars.len() >= 12 {
        let head: String = chars[..4].iter().collect();
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("{head}…{tail}")
    } else if chars.len() >= 6 {
        let tail: String = chars[chars.len() - 2..].iter().collect();
        format!("…{tail}")
    } else {
        "…".to_owned()
    }
}

/// A short, stable hash of a secret (or any text): 16 hex digits of its SHA-256.
pub(crate) fn fingerprint(key: &str) -> String {
    let digest = Sha256::digest(key.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_masked_in_any_message() {
        let key = "gsk_SECRETabcdefghijklmnopqrstuvwxyz5678";
        let m = mask_secrets(&format!(
            "invalid type: string \"{key}\", expected a sequence"
        ));
        assert!(!m.contains("SECRET"), "{m}");
        assert!(m.contains("gsk_…5678"), "{m}");
        register_secret("plainsecretvalue");
        assert_eq!(mask_secrets("x plainsecretvalue y"), "x plai…alue y");
        // Ordinary words, model names and URLs stay as they are.
        let plain = "model openai/gpt-oss-20b at https://api.groq.com/openai/v1: HTTP 503";
        assert_eq!(mask_secrets(plain), plain);
        assert!(!looks_like_key("gemini-2.0-flash-lite-preview-02-05"));
        assert!(looks_like_key("AIzaSyA1234567890abcdefghijklmnopqrstu"));
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(escape_controls("a\u{1b}[31mb\u{7}"), "a\\u{1b}[31mb\\u{7}");
        assert_eq!(for_terminal("ok é 中文"), "ok é 中文");
    }
}
