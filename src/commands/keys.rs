//! `quizgen keys check`: one `GET /models` per key (OpenRouter: `GET /key`; llama.cpp: none); valid, invalid or unreachable, and the
//! configured models each key can use. Records dead keys in state (and revives fixed ones).
//! Exits 1 when any key is invalid or any provider unreachable.

use std::time::Duration;

use anyhow::Result;

use super::Context;
use crate::error::code;
use crate::llm::client::{Client, KeyCheck};
use crate::pool::store::Store;

pub(crate) async fn check(ctx: &Context, keys_flag: Option<&std::path::Path>) -> Result<u8> {
    let cfg = ctx.require_keys(keys_flag)?;
    let client = Client::new(Duration::from_secs(20))?;
    let mut store = Store::open_at(&ctx.state, ctx.state.clock.clone())?;
    let (mut invalid, mut unreachable) = (0, 0);
    for p in &cfg.providers {
        for k in &p.keys {
            let result = client.check_key(&p.base_url, k, p.dialect).await;
            let line = match &result {
                KeyCheck::Valid(models) => {
                    let (usable, missing): (Vec<&String>, Vec<&String>) = p
                        .models
                        .iter()
                        .partition(|m| models.is_empty() || offered(models, m));
                    let mut s = format!(
                        "valid        models: {}",
                        usable
                            .iter()
                            .map(|m| m.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    );
                    if !missing.is_empty() {
                        s.push_str(&format!(
                            "; not offered: {}",
                            missing
                                .iter()
                                .map(|m| m.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        ));
                    }
                    s
                }
                KeyCheck::Invalid(msg) => {
                    invalid += 1;
                    format!("invalid      {msg}")
                }
                KeyCheck::Unreachable(msg) => {
                    unreachable += 1;
                    format!("unreachable  {msg}")
                }
                KeyCheck::Unverifiable(msg) => format!("unverified   {msg}"),
            };
            let was = store.exclusive(|tx| {
                let was = tx.key(&k.fingerprint)?.invalid_reason;
                match &result {
                    KeyCheck::Valid(_) => tx.mark_key_invalid(&k.fingerprint, None)?,
                    KeyCheck::Invalid(m) => tx.mark_key_invalid(&k.fingerprint, Some(m))?,
                    KeyCheck::Unreachable(_) | KeyCheck::Unverifiable(_) => {}
                }
                Ok(was)
            })?;
            // A key's models answer whatever its balance, so a valid check cannot tell credit
            // was added: the mark is lifted (the next run costs one request to find out) and
            // the teacher is told.
            let line = match was {
                Some(r)
                    if matches!(result, KeyCheck::Valid(_)) && crate::pool::is_spent_mark(&r) =>
                {
                    format!(
                        "{line}; its credit had run out: marked usable again (if none was added, the next run stops at its first request)"
                    )
                }
                _ => line,
            };
            let row = format!("{:<10} {:<14} {:<16} {line}", p.name, k.masked, k.org);
            crate::outln!("{}", crate::redact::for_terminal(&row));
        }
    }
    // Any key invalid or any provider unreachable: the check did not pass.
    Ok(if invalid + unreachable > 0 {
        code::ERROR
    } else {
        code::OK
    })
}

/// Whether `/models` lists `model` in the provider's own spelling: Gemini writes
/// `models/gemini-2.5-flash`, Ollama `llama3.2:latest` for `llama3.2`.
fn offered(listed: &[String], model: &str) -> bool {
    listed.iter().any(|id| {
        let id = id.strip_prefix("models/").unwrap_or(id);
        id == model || id.strip_suffix(":latest") == Some(model)
    })
}

#[cfg(test)]
mod tests {
    use super::offered;

    #[test]
    fn models_are_found_in_each_providers_spelling() {
        let listed = |ids: &[&str]| ids.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert!(offered(
            &listed(&["models/gemini-2.5-flash"]),
            "gemini-2.5-flash"
        ));
        assert!(offered(&listed(&["llama3.2:latest"]), "llama3.2"));
        assert!(offered(&listed(&["llama3.2:1b"]), "llama3.2:1b"));
        assert!(!offered(&listed(&["llama3.2:1b"]), "llama3.2"));
        assert!(!offered(&listed(&["gpt-4.1"]), "gpt-4.1-mini"));
    }
}
