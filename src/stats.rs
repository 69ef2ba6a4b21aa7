//! The capacity and status report (`quizgen stats`): reads config and pool state only, never
//! the network. Capacity is counted over distinct lanes, from limits and measured costs.

use std::collections::BTreeMap;
use std::time::Duration;

use anyhow::Result;
use serde::Serialize;

use crate::config::{Limits, Price};
use crate::llm::headers::Window;
use crate::pool::{Pool, effective_limits};

/// Total tokens (prompt, reasoning, answer) a question costs before any is measured.
pub(crate) const DEFAULT_TOTAL_TOKENS_PER_QUESTION: u64 = 250;
/// Questions a request yields before any is measured.
pub(crate) const DEFAULT_QUESTIONS_PER_REQUEST: u64 = 10;

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Report {
    pub status: String,
    pub api_key_stats: KeyStats,
    pub capacity: Capacity,
    pub keys: Vec<KeyReport>,
    pub lanes: Vec<LaneReport>,
    pub notes: Vec<String>,
}

#[derive(Debug, Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub(crate) struct KeyStats {
    pub total_keys: usize,
    pub available_keys: usize,
    pub rate_limited_keys: usize,
    pub invalid_keys: usize,
    /// Keys whose balance or credit is spent (status `spent`).
    pub spent_keys: usize,
    pub exhausted_keys: usize,
    pub total_requests: u64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Capacity {
    pub total_daily_capacity: u64,
    pub quiz_size: u32,
    pub daily_quizzes: u64,
    pub remaining_today: u64,
    pub current_load: String,
    pub distinct_lanes: usize,
    /// USD spent so far over priced lanes; 0 on free tiers.
    pub spend_usd: f64,
    /// USD one quiz of `quizSize` costs at measured rates; 0 on free tiers.
    pub cost_per_quiz_usd: f64,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct KeyReport {
    pub provider: String,
    pub key: String,
    pub org: String,
    pub status: String,
    pub requests: u64,
    pub tokens: u64,
    pub rate_limited: u64,
    pub cooldown_seconds: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub invalid_reason: Option<String>,
}

#[derive(Debug, Serialize, Clone, Copy)]
pub(crate) struct Used {
    pub requests: u64,
    pub tokens: u64,
}

/// What is left of a day's budget; `null` where the limit is unknown.
#[derive(Debug, Serialize, Clone, Copy)]
pub(crate) struct Remaining {
    pub requests: Option<u64>,
    pub tokens: Option<u64>,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct LaneReport {
    pub provider: String,
    pub org: String,
    pub model: String,
    pub status: String,
    pub limits: Limits,
    pub used_today: Used,
    pub used_last_minute: Used,
    pub remaining_today: Remaining,
    /// `null` when neither daily limit is known (set them in keys.toml).
    pub questions_per_day: Option<u64>,
    pub tokens_per_question: u64,
    pub cooldown_seconds: u64,
}

struct LaneNumbers {
    per_day: Option<u64>,
    remaining: Option<u64>,
    spend: f64,
    quiz_cost: f64,
}

/// What the key statuses need to know of a lane.
#[derive(Debug, Clone, Copy)]
struct LaneFlags {
    dead: bool,
    spent: bool,
    cooling: bool,
    cooldown: u64,
}

/// Builds the report from the pool's config and state.
pub(crate) fn report(pool: &mut Pool, quiz_size: u32) -> Result<Report> {
    let now = pool.store().now_ms();
    let (mut lanes, mut numbers, mut flags) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..pool.lanes.len() {
        let (lane, n, f) = lane_report(pool, i, now, quiz_size)?;
        lanes.push(lane);
        numbers.push(n);
        flags.push(f);
    }
    let (keys, stats) = key_reports(pool, &flags, now)?;
    Ok(summary(pool, quiz_size, lanes, &numbers, keys, stats))
}

/// One lane: its limits, use, remaining capacity in questions, price and status.
fn lane_report(
    pool: &mut Pool,
    i: usize,
    now: i64,
    quiz_size: u32,
) -> Result<(LaneReport, LaneNumbers, LaneFlags)> {
    let lane = pool.lanes[i].clone();
    let dead = pool.is_lane_dead(i);
    let (row, day, minute) = pool.store().read(|tx| {
        Ok((
            tx.lane(&lane.id)?,
            tx.used_in(&lane.id, Window::Rpd.span())?,
            tx.used_in(&lane.id, Window::Rpm.span())?,
        ))
    })?;
    let limits = effective_limits(lane.configured, &row.learned, &lane.base_url);
    let qpr = if row.requests_total > 0 && row.questions_total > 0 {
        (row.questions_total / row.requests_total).max(1)
    } else {
        DEFAULT_QUESTIONS_PER_REQUEST
    };
    let tpq = row
        .tokens_total
        .checked_div(row.questions_total)
        .map_or(DEFAULT_TOTAL_TOKENS_PER_QUESTION, |t| t.max(1));
    // Questions a day: the smaller of what the request and the token budgets allow;
    // unknown when neither daily limit is known.
    let daily = |requests: Option<u64>, tokens: Option<u64>| -> Option<u64> {
        let by_requests = requests.map(|r| r.saturating_mul(qpr));
        let by_tokens = tokens.map(|t| t / tpq);
        match (by_requests, by_tokens) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    };
    let exhausted = row.exhausted_until_ms > now;
    let cooling = row.cooldown_until_ms > now;
    let remaining_req = limits.rpd.map(|r| r.saturating_sub(day.0));
    let remaining_tok = limits.tpd.map(|t| t.saturating_sub(day.1));
    let per_day = if dead {
        Some(0)
    } else {
        daily(limits.rpd, limits.tpd)
    };
    let remaining = if dead || exhausted {
        Some(0)
    } else {
        daily(remaining_req, remaining_tok)
    };
    let (spend, quiz_cost) = prices(lane.price, &row, tpq, quiz_size);
    let spent = exhausted || remaining == Some(0);
    let status = if dead {
        "model retired"
    } else if spent {
        "exhausted"
    } else if cooling {
        "rate_limited"
    } else {
        "available"
    };
    let cooldown =
        ((row.cooldown_until_ms.max(row.exhausted_until_ms) - now).max(0) as u64).div_ceil(1000);
    let report = LaneReport {
        provider: lane.provider.clone(),
        org: lane.org.clone(),
        model: lane.model.clone(),
        status: status.into(),
        limits,
        used_today: Used {
            requests: day.0,
            tokens: day.1,
        },
        used_last_minute: Used {
            requests: minute.0,
            tokens: minute.1,
        },
        remaining_today: Remaining {
            requests: remaining_req,
            tokens: remaining_tok,
        },
        questions_per_day: per_day,
        tokens_per_question: tpq,
        cooldown_seconds: cooldown,
    };
    let numbers = LaneNumbers {
        per_day,
        remaining,
        spend,
        quiz_cost,
    };
    let flags = LaneFlags {
        dead,
        spent,
        cooling,
        cooldown,
    };
    Ok((report, numbers, flags))
}

/// Every key with its status, which follows from its own state and its lanes'.
fn key_reports(
    pool: &mut Pool,
    flags: &[LaneFlags],
    now: i64,
) -> Result<(Vec<KeyReport>, KeyStats)> {
    let mut keys = Vec::new();
    let mut stats = KeyStats::default();
    for (ki, (provider, key)) in pool.keys.clone().iter().enumerate() {
        let row = pool.store().read(|tx| tx.key(&key.fingerprint))?;
        let my_lanes: Vec<LaneFlags> = (0..pool.lanes.len())
            .filter(|l| pool.lanes[*l].keys.contains(&ki) && !flags[*l].dead)
            .map(|l| flags[l])
            .collect();
        let key_cool = ((row.cooldown_until_ms - now).max(0) as u64).div_ceil(1000);
        let spent = row
            .invalid_reason
            .as_deref()
            .is_some_and(crate::pool::is_spent_mark);
        let status = if spent {
            stats.spent_keys += 1;
            "spent"
        } else if row.invalid_reason.is_some() {
            stats.invalid_keys += 1;
            "invalid"
        } else if !my_lanes.is_empty() && my_lanes.iter().all(|l| l.spent) {
            stats.exhausted_keys += 1;
            "exhausted"
        } else if key_cool > 0
            || (!my_lanes.is_empty() && my_lanes.iter().all(|l| l.cooling || l.spent))
        {
            stats.rate_limited_keys += 1;
            "rate_limited"
        } else {
            stats.available_keys += 1;
            "available"
        };
        let lane_cool = my_lanes.iter().map(|l| l.cooldown).min().unwrap_or(0);
        stats.total_requests += row.requests;
        keys.push(KeyReport {
            provider: provider.clone(),
            key: key.masked.clone(),
            org: key.org.clone(),
            status: status.into(),
            requests: row.requests,
            tokens: row.tokens,
            rate_limited: row.rate_limited,
            cooldown_seconds: key_cool.max(if status == "available" { 0 } else { lane_cool }),
            invalid_reason: row.invalid_reason.clone(),
        });
    }
    stats.total_keys = keys.len();
    Ok((keys, stats))
}

/// Capacity over the distinct usable lanes, the overall status and the notes.
fn summary(
    pool: &Pool,
    quiz_size: u32,
    lanes: Vec<LaneReport>,
    numbers: &[LaneNumbers],
    keys: Vec<KeyReport>,
    stats: KeyStats,
) -> Report {
    let usable: Vec<usize> = pool.usable_lanes();
    let total: u64 = usable.iter().filter_map(|&i| numbers[i].per_day).sum();
    let remaining: u64 = usable.iter().filter_map(|&i| numbers[i].remaining).sum();
    let unknown: Vec<String> = usable
        .iter()
        .filter(|&&i| numbers[i].per_day.is_none())
        .map(|&i| pool.lanes[i].id.clone())
        .collect();
    let spend: f64 = numbers.iter().map(|n| n.spend).sum();
    let priced: Vec<f64> = usable.iter().map(|&i| numbers[i].quiz_cost).collect();
    let cost_per_quiz = if priced.is_empty() {
        0.0
    } else {
        priced.iter().sum::<f64>() / priced.len() as f64
    };
    let status = if stats.available_keys > 0 {
        "active"
    } else if stats.rate_limited_keys > 0 {
        "rate_limited"
    } else if stats.exhausted_keys > 0 {
        "exhausted"
    } else {
        "down"
    };
    let mut notes = notes(pool, spend, cost_per_quiz);
    if !unknown.is_empty() {
        notes.push(format!(
            "capacity leaves out {} (no daily limit known): set limits = {{ rpd = ..., tpd = ... }} in the keys file",
            unknown.join(", ")
        ));
    }
    Report {
        status: status.into(),
        capacity: Capacity {
            total_daily_capacity: total,
            quiz_size,
            daily_quizzes: total / u64::from(quiz_size.max(1)),
            remaining_today: remaining,
            current_load: format!(
                "{}/{} keys rate limited",
                stats.rate_limited_keys, stats.total_keys
            ),
            distinct_lanes: usable.len(),
            spend_usd: spend,
            cost_per_quiz_usd: cost_per_quiz,
        },
        api_key_stats: stats,
        keys,
        lanes,
        notes,
    }
}

fn prices(
    price: Option<Price>,
    row: &crate::pool::store::LaneRow,
    tpq: u64,
    quiz_size: u32,
) -> (f64, f64) {
    let Some(p) = price else { return (0.0, 0.0) };
    let completion = row.tokens_total.saturating_sub(row.prompt_tokens_total);
    let spend = (row.prompt_tokens_total as f64 * p.input + completion as f64 * p.output) / 1e6;
    let share_prompt = if row.tokens_total > 0 {
        row.prompt_tokens_total as f64 / row.tokens_total as f64
    } else {
        0.3
    };
    let per_q = tpq as f64 * (share_prompt * p.input + (1.0 - share_prompt) * p.output) / 1e6;
    (spend, per_q * f64::from(quiz_size))
}

fn notes(pool: &Pool, spend: f64, cost_per_quiz: f64) -> Vec<String> {
    let mut out = Vec::new();
    let mut orgs: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for (p, k) in &pool.keys {
        orgs.entry((p.clone(), k.org.clone()))
            .or_default()
            .push(k.masked.clone());
    }
    for ((p, org), ks) in orgs {
        if ks.len() > 1 {
            out.push(format!(
                "{} keys of {p} share organization \"{org}\" ({}): one budget per model, so the extra keys add no capacity",
                ks.len(),
                ks.join(", ")
            ));
        }
    }
    let priced = pool
        .lanes
        .iter()
        .any(|l| l.price.is_some_and(|p| p.input > 0.0 || p.output > 0.0));
    if priced {
        out.push(format!(
            "spent so far: ${spend:.4}; one quiz costs about ${cost_per_quiz:.4}"
        ));
    } else {
        out.push("free tier: no price set, quizzes cost $0".into());
    }
    out
}

/// The report as a readable table.
pub(crate) fn render_table(r: &Report) -> String {
    let c = &r.capacity;
    let mut s = format!(
        "status: {}\ncapacity: {} questions/day over {} distinct lanes = {} quizzes of {}; {} left today; {}\n\n",
        r.status,
        c.total_daily_capacity,
        c.distinct_lanes,
        c.daily_quizzes,
        c.quiz_size,
        c.remaining_today,
        c.current_load
    );
    s.push_str(&format!(
        "{:<10} {:<14} {:<18} {:<13} {:>8} {:>10} {:>5} {:>9}\n",
        "provider", "key", "org", "status", "requests", "tokens", "429s", "cooldown"
    ));
    for k in &r.keys {
        s.push_str(&format!(
            "{:<10} {:<14} {:<18} {:<13} {:>8} {:>10} {:>5} {:>9}\n",
            k.provider,
            k.key,
            cut(&k.org, 18),
            k.status,
            k.requests,
            k.tokens,
            k.rate_limited,
            fmt_secs(k.cooldown_seconds)
        ));
    }
    s.push_str(&format!(
        "\n{:<10} {:<18} {:<22} {:<13} {:>14} {:>16} {:>9}\n",
        "provider", "org", "model", "status", "req today/rpd", "tokens today/tpd", "q/day"
    ));
    for l in &r.lanes {
        let rpd = l.limits.rpd.map_or("?".into(), |v| v.to_string());
        let tpd = l.limits.tpd.map_or("?".into(), |v| v.to_string());
        s.push_str(&format!(
            "{:<10} {:<18} {:<22} {:<13} {:>14} {:>16} {:>9}\n",
            l.provider,
            cut(&l.org, 18),
            cut(&l.model, 22),
            l.status,
            format!("{}/{rpd}", l.used_today.requests),
            format!("{}/{tpd}", l.used_today.tokens),
            l.questions_per_day.map_or("?".into(), |q| q.to_string())
        ));
    }
    for n in &r.notes {
        s.push_str(&format!("\nnote: {n}"));
    }
    s.push('\n');
    s
}

fn cut(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_owned()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

fn fmt_secs(s: u64) -> String {
    if s == 0 {
        "-".into()
    } else {
        crate::generate::short_duration(Duration::from_secs(s))
    }
}
