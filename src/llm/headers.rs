//! The one place that knows what a provider's rate-limit signals mean: `x-ratelimit-*` headers
//! per dialect, Go durations (`2m59.56s`), `retry-after`, and the window named in a 429 message.

use std::time::Duration;

use reqwest::header::HeaderMap;

use crate::config::Dialect;

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
    pub fn span(self) -> Duration {
        if self.is_daily() {
            Duration::from_secs(86_400)
        } else {
            Duration::from_secs(60)
        }
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
    /// whole again within 2 minutes, a day window within 25 hours. Longer values are clamped.
    pub fn longest_reset(self) -> Duration {
        if self.is_daily() {
            Duration::from_secs(25 * 3600)
        } else {
            Duration::from_secs(120)
        }
    }

    pub const ALL: [Window; 4] = [Window::Rpm, Window::Rpd, Window::Tpm, Window::Tpd];
}

/// A wait a provider asked for, made safe to use and store: clamped to what its window allows,
/// or to `unknown_cap` (the run's `--max-wait`) when the window is not named.
pub(crate) fn clamp_wait(
    window: Option<Window>,
    wait: Duration,
    unknown_cap: Duration,
) -> Duration {
    match window {
        Some(w) => wait.min(w.longest_reset()),
        None => wait.min(unknown_cap),
    }
}

/// The rate-limit headers of one answer, sanitised, and notes on what was ignored (for `-v`).
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Reading {
    pub reports: Vec<WindowReport>,
    pub notes: Vec<String>,
}

/// What the provider said about one window: its limit, what remains, and when it is full again.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WindowReport {
    pub window: Window,
    pub limit: Option<u64>,
    pub remaining: u64,
    /// Time until the window is whole again, from the moment of the answer.
    pub reset: Duration,
}

/// Reads the rate-limit headers of one answer. Empty when the provider sends none. Every number
/// is sanitised here, the one place that reads them: a limit below 1 is ignored, a reset is
/// clamped to what its window allows, and an unreadable value is ignored with a note.
pub(crate) fn read_headers(dialect: Dialect, headers: &HeaderMap) -> Reading {
    let notes = std::cell::RefCell::new(Vec::new());
    let get = |name: &str| {
        headers
            .get(name)
            .map(|v| v.to_str().map_or("(not text)", str::trim))
    };
    let num = |name: &str| {
        let v = get(name)?;
        match v.parse::<f64>() {
            Ok(f) if f.is_finite() && f >= 0.0 => Some(f.min(u64::MAX as f64) as u64),
            _ => {
                notes
                    .borrow_mut()
                    .push(format!("ignored header {name}: {}", shorten(v)));
                None
            }
        }
    };
    let mut out = Vec::new();
    match dialect {
        Dialect::Groq | Dialect::Openai => {
            let req_window = if dialect == Dialect::Groq {
                Window::Rpd
            } else {
                Window::Rpm
            };
            for (suffix, window) in [("requests", req_window), ("tokens", Window::Tpm)] {
                let remaining = num(&format!("x-ratelimit-remaining-{suffix}"));
                let limit = num(&format!("x-ratelimit-limit-{suffix}"));
                let reset_name = format!("x-ratelimit-reset-{suffix}");
                let reset = get(&reset_name).and_then(|v| {
                    let d = parse_go_duration(v);
                    if d.is_none() {
                        notes
                            .borrow_mut()
                            .push(format!("ignored header {reset_name}: {}", shorten(v)));
                    }
                    d
                });
                if let (Some(remaining), Some(reset)) = (remaining, reset) {
                    out.push(report(
                        window,
                        limit,
                        remaining,
                        reset,
                        &mut notes.borrow_mut(),
                    ));
                }
            }
        }
        Dialect::Openrouter => {
            let remaining = num("x-ratelimit-remaining");
            let limit = num("x-ratelimit-limit");
            let reset_ms = num("x-ratelimit-reset");
            if let (Some(remaining), Some(reset_ms)) = (remaining, reset_ms) {
                let now_ms = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .map_or(0, |d| d.as_millis() as u64);
                let reset = Duration::from_millis(reset_ms.saturating_sub(now_ms));
                out.push(report(
                    Window::Rpm,
                    limit,
                    remaining,
                    reset,
                    &mut notes.borrow_mut(),
                ));
            }
        }
        Dialect::None => {}
    }
    Reading {
        reports: out,
        notes: notes.into_inner(),
    }
}

/// One window's report with its numbers made safe.
fn report(
    window: Window,
    limit: Option<u64>,
    remaining: u64,
    reset: Duration,
    notes: &mut Vec<String>,
) -> WindowReport {
    if limit == Some(0) {
        notes.push(format!("ignored a limit of 0 {}", window.name()));
    }
    if reset > window.longest_reset() {
        notes.push(format!(
            "clamped a reset of {}s on {} to {}s",
            reset.as_secs(),
            window.name(),
            window.longest_reset().as_secs()
        ));
    }
    WindowReport {
        window,
        limit: limit.filter(|l| *l >= 1),
        remaining,
        reset: reset.min(window.longest_reset()),
    }
}

fn shorten(v: &str) -> String {
    let s: String = v.chars().take(40).collect();
    crate::redact::for_terminal(&s)
}

/// `retry-after` in seconds (a date form is not used by these providers and is ignored).
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let v = headers.get("retry-after")?.to_str().ok()?.trim();
    let secs: f64 = v.parse().ok()?;
    // Clamped to a day and an hour here; the caller clamps further by window or --max-wait.
    (secs.is_finite() && secs >= 0.0).then(|| Duration::from_secs_f64(secs.min(90_000.0)))
}

/// Go's duration syntax as Groq writes resets: `2m59.56s`, `7.66s`, `172ms`, `1h2m3s`, `0s`.
pub(crate) fn parse_go_duration(s: &str) -> Option<Duration> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if s == "0" {
        return Some(Duration::ZERO);
    }
    let mut total = 0f64;
    let mut rest = s;
    while !rest.is_empty() {
        let num_len = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        if num_len == 0 {
            return None;
        }
        let value: f64 = rest[..num_len].parse().ok()?;
        rest = &rest[num_len..];
        let unit_len = rest
            .find(|c: char| c.is_ascii_digit() || c == '.')
            .unwrap_or(rest.len());
        let unit = &rest[..unit_len];
        rest = &rest[unit_len..];
        let scale = match unit {
            "h" => 3600.0,
            "m" => 60.0,
            "s" => 1.0,
            "ms" => 1e-3,
            "us" | "µs" => 1e-6,
            "ns" => 1e-9,
            _ => return None,
        };
        total += value * scale;
    }
    // A nonsense value (`99999999999h`) is unreadable, not a panic.
    Duration::try_from_secs_f64(total).ok()
}

/// What a 429 (or 413) message says: the window, its limit, and "try again in".
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct LimitMessage {
    pub window: Option<Window>,
    pub limit: Option<u64>,
    pub wait: Option<Duration>,
}

/// Reads Groq's `... on tokens per minute (TPM): Limit 8000, Used 7900, Requested 900. Please
/// try again in 6.2s.` and Gemini's `"retryDelay": "7s"`.
pub(crate) fn read_limit_message(msg: &str) -> LimitMessage {
    let window = [
        ("(RPM)", Window::Rpm),
        ("(RPD)", Window::Rpd),
        ("(TPM)", Window::Tpm),
        ("(TPD)", Window::Tpd),
    ]
    .iter()
    .find(|(tag, _)| msg.contains(tag))
    .map(|(_, w)| *w);
    let limit = msg.find("Limit ").and_then(|i| {
        let digits: String = msg[i + 6..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == ',')
            .filter(char::is_ascii_digit)
            .collect();
        digits.parse().ok().filter(|l: &u64| *l >= 1)
    });
    let wait = ["try again in ", "retryDelay\": \"", "retryDelay\":\""]
        .iter()
        .find_map(|marker| {
            let i = msg.find(marker)?;
            let tail = &msg[i + marker.len()..];
            let end = tail
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == 'µ'))
                .unwrap_or(tail.len());
            parse_go_duration(tail[..end].trim_end_matches('.'))
        });
    LimitMessage {
        window,
        limit,
        wait,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_durations() {
        let ms = |s| parse_go_duration(s).map(|d| d.as_millis());
        assert_eq!(ms("2m59.56s"), Some(179_560));
        assert_eq!(ms("7.66s"), Some(7_660));
        assert_eq!(ms("172ms"), Some(172));
        assert_eq!(ms("1h2m3s"), Some(3_723_000));
        assert_eq!(ms("0s"), Some(0));
        assert_eq!(ms("9m38.016s"), Some(578_016));
        assert_eq!(ms("abc"), None);
        assert_eq!(ms("5x"), None);
        assert_eq!(ms(""), None);
    }

    #[test]
    fn groq_headers_mean_requests_per_day_and_tokens_per_minute() {
        let mut h = HeaderMap::new();
        h.insert("x-ratelimit-limit-requests", "1000".parse().unwrap());
        h.insert("x-ratelimit-remaining-requests", "987".parse().unwrap());
        h.insert("x-ratelimit-reset-requests", "18m43.2s".parse().unwrap());
        h.insert("x-ratelimit-limit-tokens", "8000".parse().unwrap());
        h.insert("x-ratelimit-remaining-tokens", "6412".parse().unwrap());
        h.insert("x-ratelimit-reset-tokens", "11.91s".parse().unwrap());
        let r = read_headers(Dialect::Groq, &h).reports;
        assert_eq!(r[0].window, Window::Rpd);
        assert_eq!(r[0].remaining, 987);
        assert_eq!(r[1].window, Window::Tpm);
        assert_eq!(r[1].limit, Some(8000));
        assert_eq!(r[1].reset.as_millis(), 11_910);
        assert_eq!(
            read_headers(Dialect::Openai, &h).reports[0].window,
            Window::Rpm
        );
    }

    #[test]
    fn nonsense_numbers_are_ignored_or_clamped_never_a_panic() {
        assert_eq!(parse_go_duration("99999999999999999999h"), None);
        assert_eq!(parse_go_duration("1e400s"), None);
        let mut h = HeaderMap::new();
        h.insert("x-ratelimit-limit-tokens", "0".parse().unwrap());
        h.insert("x-ratelimit-remaining-tokens", "10".parse().unwrap());
        h.insert("x-ratelimit-reset-tokens", "5000h".parse().unwrap());
        h.insert("x-ratelimit-limit-requests", "-3".parse().unwrap());
        h.insert("x-ratelimit-remaining-requests", "5".parse().unwrap());
        h.insert(
            "x-ratelimit-reset-requests",
            "99999999999h".parse().unwrap(),
        );
        let r = read_headers(Dialect::Groq, &h);
        assert_eq!(r.reports.len(), 2, "{r:?}");
        let (rpd, tpm) = (r.reports[0], r.reports[1]);
        assert_eq!((rpd.window, rpd.limit), (Window::Rpd, None));
        assert_eq!(rpd.reset, Duration::from_secs(25 * 3600));
        assert_eq!((tpm.window, tpm.limit), (Window::Tpm, None));
        assert_eq!(tpm.reset, Duration::from_secs(120));
        assert_eq!(r.notes.len(), 4, "{:?}", r.notes);
        h.insert("x-ratelimit-reset-tokens", "soon".parse().unwrap());
        assert_eq!(read_headers(Dialect::Groq, &h).reports.len(), 1);
        assert_eq!(read_limit_message("(TPM): Limit 0, Used 1").limit, None);
        let mut h = HeaderMap::new();
        h.insert("retry-after", "1e30".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_secs(90_000)));
        assert_eq!(
            clamp_wait(
                Some(Window::Tpm),
                Duration::from_secs(90_000),
                Duration::ZERO
            ),
            Duration::from_secs(120)
        );
        assert_eq!(
            clamp_wait(None, Duration::from_secs(90_000), Duration::from_secs(30)),
            Duration::from_secs(30)
        );
    }

    #[test]
    fn openrouter_resets_are_epoch_milliseconds() {
        let now_ms = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_millis() as u64;
        let mut h = HeaderMap::new();
        h.insert("X-RateLimit-Limit", "20".parse().unwrap());
        h.insert("X-RateLimit-Remaining", "3".parse().unwrap());
        h.insert(
            "X-RateLimit-Reset",
            (now_ms + 30_000).to_string().parse().unwrap(),
        );
        let r = read_headers(Dialect::Openrouter, &h).reports;
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].limit, r[0].remaining), (Some(20), 3));
        assert!(
            (29..=30).contains(&r[0].reset.as_secs()),
            "{:?}",
            r[0].reset
        );
        assert!(read_headers(Dialect::None, &h).reports.is_empty());
    }

    #[test]
    fn gemini_retry_delay_and_retry_after() {
        let body = r#"[{"error": {"code": 429, "message": "Resource has been exhausted", "details": [{"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "7s"}]}}]"#;
        assert_eq!(read_limit_message(body).wait, Some(Duration::from_secs(7)));
        let mut h = HeaderMap::new();
        h.insert("retry-after", "12".parse().unwrap());
        assert_eq!(retry_after(&h), Some(Duration::from_secs(12)));
        h.insert("retry-after", "soon".parse().unwrap());
        assert_eq!(retry_after(&h), None);
    }

    #[test]
    fn rate_limit_message() {
        let m = read_limit_message(
            "Rate limit reached for model `m` in organization `org_01hx` service tier `on_demand` on tokens per minute (TPM): Limit 8000, Used 7712, Requested 1180. Please try again in 6.66s. Need more tokens?",
        );
        assert_eq!(m.window, Some(Window::Tpm));
        assert_eq!(m.limit, Some(8000));
        assert_eq!(m.wait.map(|d| d.as_millis()), Some(6_660));
        let d = read_limit_message(
            "... on requests per day (RPD): Limit 1000, Used 1000, Requested 1. Please try again in 9m38.016s.",
        );
        assert_eq!(d.window, Some(Window::Rpd));
        assert_eq!(d.wait.map(|d| d.as_secs()), Some(578));
    }
}
