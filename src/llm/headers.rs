//! The one place that knows what a provider's rate-limit signals mean: `x-ratelimit-*` headers
//! per dialect, Go durations (`2m59.56s`), `retry-after`, and the window named in a 429 message.

use std::time::Duration;

use reqwest::header::HeaderMap;

use crate::config::Dialect;
use crate::dialect::Family;

pub use crate::dialect::Window;

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
    /// The dialect says this window is a token bucket (refilling at the limit per window).
    pub bucket: bool,
}

/// Reads the rate-limit headers of one answer by the dialect's families (docs/providers.md).
/// Empty when the provider sends none. Every number is sanitised here, the one place that reads
/// them: a limit below 1 is ignored, a reset is clamped to what its window allows, and an
/// unreadable value is ignored with a note. A rate-limit header no family reads is noted too.
/// Several families of one window (Anthropic's input and output tokens) give the tightest.
pub(crate) fn read_headers(dialect: Dialect, headers: &HeaderMap) -> Reading {
    read_headers_at(dialect, headers, crate::clock::now_ms())
}

pub(crate) fn read_headers_at(dialect: Dialect, headers: &HeaderMap, now_ms: i64) -> Reading {
    read_headers_for(dialect, headers, now_ms, None)
}

/// `read_headers_at`, every family taken as reporting on `window` when one is given
/// (OpenRouter's one family serves its minute and its day alike: a 429 names which, and a
/// day's reset must be judged against the day).
pub(crate) fn read_headers_for(
    dialect: Dialect,
    headers: &HeaderMap,
    now_ms: i64,
    window: Option<Window>,
) -> Reading {
    let mut notes = Vec::new();
    let families = dialect.conventions().headers;
    let mut out: Vec<WindowReport> = Vec::new();
    for f in families {
        let f = &Family {
            window: window.unwrap_or(f.window),
            ..*f
        };
        let Some(r) = read_family(f, headers, now_ms, &mut notes) else {
            continue;
        };
        match out.iter_mut().find(|o| o.window == r.window) {
            Some(o) if r.remaining < o.remaining => *o = r,
            Some(_) => {}
            None => out.push(r),
        }
    }
    if dialect != Dialect::None {
        for name in headers.keys().map(reqwest::header::HeaderName::as_str) {
            let rate = name.contains("ratelimit") || name.contains("tokenlimit");
            let read = families
                .iter()
                .any(|f| [Some(f.limit), Some(f.remaining), f.reset].contains(&Some(name)));
            if rate && !read && name != "x-ratelimit-over-limit" {
                notes.push(format!("header {name} seen, not understood"));
            }
        }
    }
    if headers
        .get("x-ratelimit-over-limit")
        .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"yes"))
    {
        notes.push("served at lower priority (x-ratelimit-over-limit: yes)".into());
    }
    Reading {
        reports: out,
        notes,
    }
}

/// How long a report that names no reset is believed.
const UNKNOWN_RESET_HOLD: Duration = Duration::from_secs(5);

/// One family's report, if its remaining count is there.
fn read_family(
    f: &Family,
    headers: &HeaderMap,
    now_ms: i64,
    notes: &mut Vec<String>,
) -> Option<WindowReport> {
    let get = |name: &str| {
        headers
            .get(name)
            .map(|v| v.to_str().map_or("(not text)", str::trim))
    };
    let mut num = |name: &str| {
        let v = get(name)?;
        match v.parse::<f64>() {
            Ok(x) if x.is_finite() && x >= 0.0 => Some(x.min(u64::MAX as f64 / 120.0) as u64),
            _ => {
                notes.push(format!("ignored header {name}: {}", shorten(v)));
                None
            }
        }
    };
    let remaining = num(f.remaining)?;
    let limit = num(f.limit);
    // No reset sent (Mistral never sends one, Fireworks not always): the count holds only
    // briefly, then our own rolling count against the limit learned here takes over, and a
    // window that looked spent is probed by one request (a 429 then names the real wait).
    let reset = match f.reset.and_then(|name| get(name).map(|v| (name, v))) {
        None => Some(UNKNOWN_RESET_HOLD),
        Some((name, v)) => {
            let d = parse_reset(v, now_ms);
            if d.is_none() {
                notes.push(format!("ignored header {name}: {}", shorten(v)));
            }
            d
        }
    }?;
    // Per second (Together): a minute holds sixty of them.
    let scale = if f.per_second { 60 } else { 1 };
    let r = report(
        f.window,
        limit.map(|l| l * scale),
        remaining * scale,
        reset,
        notes,
    )?;
    Some(WindowReport {
        bucket: f.bucket,
        ..r
    })
}

/// A reset as providers write them: a Go duration (`6m0s`, `12ms`), seconds (`10`, `0.5`), an
/// epoch time in seconds or milliseconds (OpenRouter), or an RFC 3339 time (Anthropic).
pub(crate) fn parse_reset(v: &str, now_ms: i64) -> Option<Duration> {
    let v = v.trim();
    let until = |at_ms: i64| Duration::from_millis(u64::try_from(at_ms - now_ms).unwrap_or(0));
    if let Ok(x) = v.parse::<f64>() {
        if !x.is_finite() || x < 0.0 {
            return None;
        }
        return Some(if x > 1e11 {
            until(x as i64)
        } else if x > 1e9 {
            until((x * 1000.0) as i64)
        } else {
            Duration::try_from_secs_f64(x).ok()?
        });
    }
    if v.contains('T') {
        let at = chrono::DateTime::parse_from_rfc3339(v).ok()?;
        return Some(until(at.timestamp_millis()));
    }
    parse_go_duration(v)
}

/// One window's report with its numbers made safe.
/// A reset somewhat longer than its window (OpenAI's `6m0s` on a per-minute bucket) is
/// clamped to what the window allows; one that contradicts its window (a per-minute window
/// whole again in hours) makes the whole report nonsense: it is ignored, never obeyed.
fn report(
    window: Window,
    limit: Option<u64>,
    remaining: u64,
    reset: Duration,
    notes: &mut Vec<String>,
) -> Option<WindowReport> {
    if limit == Some(0) {
        notes.push(format!("ignored a limit of 0 {}", window.name()));
    }
    if reset > window.span() * 10 {
        notes.push(format!(
            "ignored a report on {}: its reset of {}s contradicts the window",
            window.name(),
            reset.as_secs(),
        ));
        return None;
    }
    if reset > window.longest_reset() {
        notes.push(format!(
            "clamped a reset of {}s on {} to {}s",
            reset.as_secs(),
            window.name(),
            window.longest_reset().as_secs()
        ));
    }
    Some(WindowReport {
        window,
        limit: limit.filter(|l| *l >= 1),
        remaining,
        reset: reset.min(window.longest_reset()),
        bucket: false,
    })
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

/// The window a 429 names: Groq's `(TPM)`, Gemini's `quotaId` (`…PerMinute…`, `…PerDay…`),
/// OpenRouter's `free-models-per-day`, or words ("Tokens per minute limit exceeded").
fn window_named(msg: &str) -> Option<Window> {
    let tagged = [
        ("(RPM)", Window::Rpm),
        ("(RPD)", Window::Rpd),
        ("(TPM)", Window::Tpm),
        ("(TPD)", Window::Tpd),
        ("free-models-per-day", Window::Rpd),
        ("free-models-per-min", Window::Rpm),
    ]
    .iter()
    .find(|(tag, _)| msg.contains(tag))
    .map(|(_, w)| *w);
    if tagged.is_some() {
        return tagged;
    }
    let lower = msg.to_ascii_lowercase();
    let quota = lower
        .find("quotaid")
        .map(|i| lower[i..].chars().take(120).collect::<String>());
    let (scope, tokens) = match &quota {
        Some(q) => (q.as_str(), q.contains("token")),
        None => (lower.as_str(), lower.contains("tokens per")),
    };
    let minute = scope.contains("perminute") || scope.contains("per minute");
    let day = scope.contains("perday") || scope.contains("per day");
    match (minute, day, tokens) {
        (true, _, false) => Some(Window::Rpm),
        (true, _, true) => Some(Window::Tpm),
        (false, true, false) => Some(Window::Rpd),
        (false, true, true) => Some(Window::Tpd),
        _ => None,
    }
}

/// The time left until the next UTC midnight, when daily windows such as OpenRouter's reset.
pub(crate) fn until_utc_midnight() -> Duration {
    let ms = crate::clock::now_ms().rem_euclid(86_400_000);
    Duration::from_millis(u64::try_from(86_400_000 - ms).unwrap_or(0))
}

/// Reads Groq's `... on tokens per minute (TPM): Limit 8000, Used 7900, Requested 900. Please
/// try again in 6.2s.` and Gemini's `"retryDelay": "7s"`.
pub(crate) fn read_limit_message(msg: &str) -> LimitMessage {
    let window = window_named(msg);
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
        // On OpenAI the same names are per minute: 18 minutes contradicts that window.
        assert_eq!(
            read_headers(Dialect::Openai, &h).reports[0].window,
            Window::Tpm
        );
        h.insert("x-ratelimit-reset-requests", "6m0s".parse().unwrap());
        let r = read_headers(Dialect::Openai, &h).reports;
        assert_eq!((r[0].window, r[0].reset.as_secs()), (Window::Rpm, 120));
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
        // A reset that contradicts its window: the whole report is ignored, not clamped.
        let r = read_headers(Dialect::Groq, &h);
        assert!(r.reports.is_empty(), "{r:?}");
        assert_eq!(r.notes.len(), 4, "{:?}", r.notes);
        h.insert("x-ratelimit-reset-tokens", "5s".parse().unwrap());
        let r = read_headers(Dialect::Groq, &h).reports;
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].window, r[0].limit), (Window::Tpm, None));
        h.insert("x-ratelimit-reset-tokens", "soon".parse().unwrap());
        assert!(read_headers(Dialect::Groq, &h).reports.is_empty());
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

    fn map(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, v.parse().unwrap());
        }
        h
    }

    #[test]
    fn each_dialect_reads_its_own_families() {
        let now = 1_800_000_000_000;
        let together = map(&[
            ("x-ratelimit-limit", "10"),
            ("x-ratelimit-remaining", "0"),
            ("x-ratelimit-reset", "1"),
        ]);
        let r = read_headers_at(Dialect::Together, &together, now).reports;
        assert_eq!(
            (r[0].window, r[0].limit, r[0].remaining),
            (Window::Rpm, Some(600), 0)
        );
        assert_eq!(r[0].reset, Duration::from_secs(1));
        let cerebras = map(&[
            ("x-ratelimit-limit-requests-day", "14400"),
            ("x-ratelimit-remaining-requests-day", "14399"),
            ("x-ratelimit-reset-requests-day", "33011.38"),
            ("x-ratelimit-limit-tokens-minute", "60000"),
            ("x-ratelimit-remaining-tokens-minute", "59000"),
            ("x-ratelimit-reset-tokens-minute", "11.38"),
        ]);
        let r = read_headers_at(Dialect::Cerebras, &cerebras, now).reports;
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].window, r[0].limit), (Window::Rpd, Some(14_400)));
        assert_eq!((r[1].window, r[1].reset.as_millis()), (Window::Tpm, 11_380));
        let anthropic = map(&[
            ("anthropic-ratelimit-requests-limit", "50"),
            ("anthropic-ratelimit-requests-remaining", "49"),
            ("anthropic-ratelimit-requests-reset", "2027-01-15T08:00:06Z"),
        ]);
        let at = chrono::DateTime::parse_from_rfc3339("2027-01-15T08:00:00Z").unwrap();
        let r = read_headers_at(Dialect::Anthropic, &anthropic, at.timestamp_millis()).reports;
        assert_eq!(
            (r[0].window, r[0].reset),
            (Window::Rpm, Duration::from_secs(6))
        );
        let mistral = map(&[
            ("x-ratelimit-limit-req-minute", "60"),
            ("x-ratelimit-remaining-req-minute", "59"),
        ]);
        let r = read_headers_at(Dialect::Mistral, &mistral, now).reports;
        assert_eq!((r[0].window, r[0].limit), (Window::Rpm, Some(60)));
        assert!(
            read_headers_at(Dialect::Gemini, &mistral, now)
                .reports
                .is_empty()
        );
    }

    #[test]
    fn an_unknown_host_is_read_by_names_never_as_groq() {
        let azure = map(&[
            ("x-ratelimit-limit-requests", "45"),
            ("x-ratelimit-remaining-requests", "44"),
            ("x-ratelimit-reset-requests", "1s"),
            ("x-ratelimit-limit-widgets", "3"),
        ]);
        let r = read_headers(Dialect::Unknown, &azure);
        assert_eq!(r.reports[0].window, Window::Rpm);
        assert!(
            r.notes
                .iter()
                .any(|n| n.contains("x-ratelimit-limit-widgets")),
            "{:?}",
            r.notes
        );
    }
}
