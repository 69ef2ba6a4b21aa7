//! Pool state in SQLite (WAL) in the data dir, shared by every quizgen process on it: request
//! events per lane (the windows are counted from them), the provider's latest reports, cooldowns,
//! dead keys and models, and per-key counters. Keys are stored by fingerprint only.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, Result};

use crate::db::{Component, Db, Lock, StateAt, Unreadable, Value, vals};

use crate::llm::headers::Window;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS events(
    id INTEGER PRIMARY KEY,
    lane TEXT NOT NULL,
    key_fp TEXT NOT NULL,
    at_ms INTEGER NOT NULL,
    tokens INTEGER NOT NULL,
    settled_ms INTEGER,
    questions INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS events_lane_at ON events(lane, at_ms);
CREATE TABLE IF NOT EXISTS lanes(
    lane TEXT PRIMARY KEY,
    cooldown_until_ms INTEGER NOT NULL DEFAULT 0,
    exhausted_until_ms INTEGER NOT NULL DEFAULT 0,
    dead_model_ms INTEGER,
    dead_model_reason TEXT,
    learned_rpm INTEGER, learned_rpd INTEGER, learned_tpm INTEGER, learned_tpd INTEGER,
    tokens_total INTEGER NOT NULL DEFAULT 0,
    prompt_tokens_total INTEGER NOT NULL DEFAULT 0,
    content_tokens_total INTEGER NOT NULL DEFAULT 0,
    questions_total INTEGER NOT NULL DEFAULT 0,
    requests_total INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS reports(
    lane TEXT NOT NULL,
    win TEXT NOT NULL,
    observed_ms INTEGER NOT NULL,
    remaining INTEGER NOT NULL,
    reset_at_ms INTEGER NOT NULL,
    event_id INTEGER,
    PRIMARY KEY(lane, win)
);
CREATE TABLE IF NOT EXISTS keys(
    fp TEXT PRIMARY KEY,
    invalid_ms INTEGER,
    invalid_reason TEXT,
    requests INTEGER NOT NULL DEFAULT 0,
    tokens INTEGER NOT NULL DEFAULT 0,
    rate_limited INTEGER NOT NULL DEFAULT 0,
    last_used_ms INTEGER NOT NULL DEFAULT 0,
    cooldown_until_ms INTEGER NOT NULL DEFAULT 0
);
";

/// State schema changes after version 1 (see `db::open_sqlite`). Version 2: what each report
/// implies about a token bucket's refill, to learn how the lane counts.
const MIGRATIONS: &[&str] = &["ALTER TABLE reports ADD COLUMN rate_per_ms REAL;
     ALTER TABLE reports ADD COLUMN agree INTEGER NOT NULL DEFAULT 0;"];

/// The same tables in PostgreSQL, at the newest version (see `db::Component`).
const PG_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS events(
    id BIGSERIAL PRIMARY KEY,
    lane TEXT NOT NULL,
    key_fp TEXT NOT NULL,
    at_ms BIGINT NOT NULL,
    tokens BIGINT NOT NULL,
    settled_ms BIGINT,
    questions BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS events_lane_at ON events(lane, at_ms);
CREATE TABLE IF NOT EXISTS lanes(
    lane TEXT PRIMARY KEY,
    cooldown_until_ms BIGINT NOT NULL DEFAULT 0,
    exhausted_until_ms BIGINT NOT NULL DEFAULT 0,
    dead_model_ms BIGINT,
    dead_model_reason TEXT,
    learned_rpm BIGINT, learned_rpd BIGINT, learned_tpm BIGINT, learned_tpd BIGINT,
    tokens_total BIGINT NOT NULL DEFAULT 0,
    prompt_tokens_total BIGINT NOT NULL DEFAULT 0,
    content_tokens_total BIGINT NOT NULL DEFAULT 0,
    questions_total BIGINT NOT NULL DEFAULT 0,
    requests_total BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS reports(
    lane TEXT NOT NULL,
    win TEXT NOT NULL,
    observed_ms BIGINT NOT NULL,
    remaining BIGINT NOT NULL,
    reset_at_ms BIGINT NOT NULL,
    event_id BIGINT,
    rate_per_ms DOUBLE PRECISION,
    agree BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY(lane, win)
);
CREATE TABLE IF NOT EXISTS keys(
    fp TEXT PRIMARY KEY,
    invalid_ms BIGINT,
    invalid_reason TEXT,
    requests BIGINT NOT NULL DEFAULT 0,
    tokens BIGINT NOT NULL DEFAULT 0,
    rate_limited BIGINT NOT NULL DEFAULT 0,
    last_used_ms BIGINT NOT NULL DEFAULT 0,
    cooldown_until_ms BIGINT NOT NULL DEFAULT 0
);
";

/// The pool state as a storage component.
pub(crate) const COMPONENT: Component = Component {
    file: "state.sqlite",
    what: "pool state",
    sqlite_schema: SCHEMA,
    sqlite_migrations: MIGRATIONS,
    pg_schema: PG_SCHEMA,
    lock_id: 0x7175_697a_0001,
};

/// What `state import` copies: key states (dead keys, counters), lanes (learned limits, dead
/// models, cooldowns, averages) and the last day's requests, which still count against the
/// budget. Reports are not copied: the next answer brings a fresh one.
pub(crate) const IMPORT: &[crate::db::Copy] = &[
    crate::db::Copy {
        what: "key states",
        select: "SELECT fp, invalid_ms, invalid_reason, requests, tokens, rate_limited, last_used_ms, cooldown_until_ms FROM keys",
        insert: "INSERT INTO keys(fp, invalid_ms, invalid_reason, requests, tokens, rate_limited, last_used_ms, cooldown_until_ms)
                 VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING",
    },
    crate::db::Copy {
        what: "lanes",
        select: "SELECT lane, cooldown_until_ms, exhausted_until_ms, dead_model_ms, dead_model_reason, learned_rpm, learned_rpd,
                 learned_tpm, learned_tpd, tokens_total, prompt_tokens_total, content_tokens_total, questions_total, requests_total FROM lanes",
        insert: "INSERT INTO lanes(lane, cooldown_until_ms, exhausted_until_ms, dead_model_ms, dead_model_reason, learned_rpm, learned_rpd,
                 learned_tpm, learned_tpd, tokens_total, prompt_tokens_total, content_tokens_total, questions_total, requests_total)
                 VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) ON CONFLICT DO NOTHING",
    },
    crate::db::Copy {
        what: "requests of the last day",
        select: "SELECT lane, key_fp, at_ms, tokens, settled_ms, questions FROM events ORDER BY id",
        insert: "INSERT INTO events(lane, key_fp, at_ms, tokens, settled_ms, questions)
                 SELECT CAST(?1 AS TEXT), CAST(?2 AS TEXT), CAST(?3 AS BIGINT), CAST(?4 AS BIGINT), CAST(?5 AS BIGINT), CAST(?6 AS BIGINT)
                 WHERE NOT EXISTS (SELECT 1 FROM events WHERE lane = ?1 AND key_fp = ?2 AND at_ms = ?3)",
    },
];

/// How long a retired model is remembered as dead (then tried once more).
pub(crate) const DEAD_MODEL_TTL: Duration = Duration::from_secs(86_400);

pub(crate) fn win_name(w: Window) -> &'static str {
    match w {
        Window::Rpm => "rpm",
        Window::Rpd => "rpd",
        Window::Tpm => "tpm",
        Window::Tpd => "tpd",
    }
}

/// The provider's latest word on one window.
#[derive(Debug, Clone, Copy)]
pub struct Report {
    pub observed_ms: i64,
    pub remaining: u64,
    pub reset_at_ms: i64,
    pub event_id: Option<i64>,
    /// What this report implies if the window is a token bucket: the refill rate,
    /// (limit − remaining) ÷ reset, in units per millisecond.
    pub rate_per_ms: Option<f64>,
    /// How many reports in a row implied the same rate (within 5%): from 2, the lane is
    /// taken to count with a bucket and its refill is used as it happens.
    pub agree: u32,
}

/// Successive reports that must agree on a refill rate before a window is taken for a bucket.
pub(crate) const BUCKET_AGREEMENT: u32 = 2;

impl Report {
    /// The refill rate, once successive reports agree that the window is a token bucket.
    pub fn bucket_rate(&self) -> Option<f64> {
        self.rate_per_ms.filter(|_| self.agree >= BUCKET_AGREEMENT)
    }
}

/// A lane's persisted state.
#[derive(Debug, Clone, Default)]
pub struct LaneRow {
    pub cooldown_until_ms: i64,
    pub exhausted_until_ms: i64,
    pub dead_model_ms: Option<i64>,
    pub dead_model_reason: Option<String>,
    pub learned: [Option<u64>; 4],
    pub tokens_total: u64,
    pub prompt_tokens_total: u64,
    pub content_tokens_total: u64,
    pub questions_total: u64,
    pub requests_total: u64,
}

/// A key's persisted state.
#[derive(Debug, Clone, Default)]
pub struct KeyRow {
    pub invalid_reason: Option<String>,
    pub requests: u64,
    pub tokens: u64,
    pub rate_limited: u64,
    pub last_used_ms: i64,
    pub cooldown_until_ms: i64,
}

pub struct Store {
    db: Db,
    clock: std::sync::Arc<dyn crate::clock::Clock>,
    /// Rows that could not be read and were reset, to be told to the user.
    warnings: Vec<String>,
}

impl Store {
    pub fn open(data_dir: &Path) -> Result<Store> {
        Store::open_at(&StateAt::local(data_dir), crate::clock::system())
    }

    /// `open` on a given clock (simulated time in tests).
    pub fn open_with_clock(
        data_dir: &Path,
        clock: std::sync::Arc<dyn crate::clock::Clock>,
    ) -> Result<Store> {
        Store::open_at(&StateAt::local(data_dir), clock)
    }

    /// The pool state where `at` says (the data dir, or a shared database).
    pub fn open_at(at: &StateAt, clock: std::sync::Arc<dyn crate::clock::Clock>) -> Result<Store> {
        let db = Db::open(at, &COMPONENT)?;
        // Events older than the longest window (a day) count for nothing.
        db.execute(
            "DELETE FROM events WHERE at_ms < ?1",
            vals![clock.now_ms() - 25 * 3_600_000],
        )
        .with_context(|| format!("{}: cannot open pool state", db.shown()))?;
        Ok(Store {
            db,
            clock,
            warnings: Vec::new(),
        })
    }

    /// Runs `f` in an exclusive transaction: no other process (or machine, on a shared
    /// database) changes the state meanwhile.
    pub fn exclusive<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let shown = self.db.shown().to_owned();
        self.run(Lock::Exclusive, f)
            .with_context(|| format!("{shown}: cannot save the pool state"))
    }

    /// Runs `f` in a transaction and commits it (a read commits the resets of unreadable rows).
    fn run<T>(&mut self, lock: Lock, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        let now = self.clock.now_ms();
        let t = Tx {
            db: &self.db,
            warnings: std::cell::RefCell::new(Vec::new()),
            now,
        };
        let out = self.db.transaction(lock, |_| f(&t))?;
        self.warnings.extend(t.warnings.into_inner());
        Ok(out)
    }

    /// The store's clock.
    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    pub fn read<T>(&mut self, f: impl FnOnce(&Tx<'_>) -> Result<T>) -> Result<T> {
        self.run(Lock::Shared, f)
    }

    pub fn take_warnings(&mut self) -> Vec<String> {
        let mut w = std::mem::take(&mut self.warnings);
        w.dedup();
        w
    }
}

/// Queries and updates inside one transaction.
pub struct Tx<'a> {
    db: &'a Db,
    warnings: std::cell::RefCell<Vec<String>>,
    /// The store's clock when the transaction began.
    now: i64,
}

/// The smallest limit a provider's report may teach: 1 request, and 1,000 tokens (less cannot
/// hold one question's request, so a smaller token limit is nonsense that would stop every
/// later run; a real one shows again as a 413 and shrinks the batch instead).
fn min_learned(w: Window) -> u64 {
    if w.counts_tokens() { 1000 } else { 1 }
}

/// A stored count: never negative.
fn count(v: i64) -> u64 {
    v.max(0) as u64
}

/// Stored state is read defensively: a value no provider could have meant is dropped, and a
/// row that cannot be read at all is reset with a warning, never a panic or a failed run.
impl Tx<'_> {
    fn read_row<T: Default>(
        &self,
        what: &str,
        reset: &str,
        key: &[Value],
        read: Result<Option<T>>,
    ) -> Result<T> {
        match read {
            Ok(v) => Ok(v.unwrap_or_default()),
            Err(e) if e.downcast_ref::<Unreadable>().is_some() => {
                self.db.execute(reset, key)?;
                self.warnings.borrow_mut().push(format!(
                    "pool state: {what} could not be read ({e}); it was reset"
                ));
                Ok(T::default())
            }
            Err(e) => Err(e),
        }
    }
}

impl Tx<'_> {
    /// (event time, tokens) of a lane since `since_ms`, oldest first.
    pub fn events_since(&self, lane: &str, since_ms: i64) -> Result<Vec<(i64, u64)>> {
        self.db
            .query(
                "SELECT at_ms, tokens FROM events WHERE lane = ?1 AND at_ms > ?2 ORDER BY at_ms",
                vals![lane, since_ms],
            )?
            .iter()
            .map(|r| Ok((r.int(0)?, count(r.int(1)?))))
            .collect()
    }

    /// Requests and tokens spent in a lane that the provider had not yet counted when it sent
    /// `report`: reserved after it, or still unsettled then (other than its own request).
    pub fn spent_after(&self, lane: &str, report: &Report) -> Result<(u64, u64)> {
        let row = self.db.query_row(
            "SELECT COUNT(*), CAST(COALESCE(SUM(tokens), 0) AS BIGINT) FROM events WHERE lane = ?1 AND (at_ms > ?2
             OR ((settled_ms IS NULL OR settled_ms > ?2) AND id IS DISTINCT FROM ?3 AND at_ms > ?4))",
            vals![lane, report.observed_ms, report.event_id, report.observed_ms - 600_000],
        )?;
        let row = row.context("no count")?;
        Ok((count(row.int(0)?), count(row.int(1)?)))
    }

    /// The provider's latest report on a window; one with a reset no window allows (more than
    /// 25 hours after it was made) is ignored.
    pub fn report(&self, lane: &str, w: Window) -> Result<Option<Report>> {
        let got = self
            .db
            .query_row(
                "SELECT observed_ms, remaining, reset_at_ms, event_id, rate_per_ms, agree FROM reports WHERE lane = ?1 AND win = ?2",
                vals![lane, win_name(w)],
            )
            .and_then(|row| {
                row.map(|r| -> Result<Report> {
                    Ok(Report {
                        observed_ms: r.int(0)?,
                        remaining: count(r.int(1)?),
                        reset_at_ms: r.int(2)?,
                        event_id: r.opt_int(3)?,
                        rate_per_ms: r.opt_real(4)?.filter(|x| x.is_finite() && *x > 0.0),
                        agree: count(r.int(5)?).min(1000) as u32,
                    })
                })
                .transpose()
            });
        let rep: Option<Report> = self.read_row(
            &format!("the report on {lane}"),
            "DELETE FROM reports WHERE lane = ?1 AND win = ?2",
            vals![lane, win_name(w)],
            got.map(Some),
        )?;
        let longest = w.longest_reset().as_millis() as i64;
        Ok(rep.filter(|r| r.reset_at_ms.saturating_sub(r.observed_ms) <= longest))
    }

    pub fn put_report(&self, lane: &str, w: Window, rep: &Report) -> Result<()> {
        // An older answer arriving late never overwrites a newer report.
        self.db.execute(
            "INSERT INTO reports(lane, win, observed_ms, remaining, reset_at_ms, event_id, rate_per_ms, agree) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT(lane, win) DO UPDATE SET observed_ms = excluded.observed_ms, remaining = excluded.remaining,
             reset_at_ms = excluded.reset_at_ms, event_id = excluded.event_id, rate_per_ms = excluded.rate_per_ms,
             agree = excluded.agree WHERE excluded.observed_ms >= reports.observed_ms",
            vals![lane, win_name(w), rep.observed_ms, rep.remaining, rep.reset_at_ms, rep.event_id,
                  rep.rate_per_ms, rep.agree],
        )?;
        Ok(())
    }

    /// The store's clock when this transaction began.
    pub fn now(&self) -> i64 {
        self.now
    }

    /// Requests of a lane sent at or after `since_ms` whose answers have not come yet.
    pub fn unsettled_since(&self, lane: &str, since_ms: i64) -> Result<u64> {
        let row = self.db.query_row(
            "SELECT COUNT(*) FROM events WHERE lane = ?1 AND at_ms >= ?2 AND settled_ms IS NULL",
            vals![lane, since_ms],
        )?;
        Ok(count(row.context("no count")?.int(0)?))
    }

    /// Drops what the lane's reports said about a token bucket (after a 429: it was wrong).
    pub fn forget_bucket(&self, lane: &str) -> Result<()> {
        self.db
            .execute("UPDATE reports SET agree = 0 WHERE lane = ?1", vals![lane])?;
        Ok(())
    }

    /// A lane's state. Learned limits below 1 are dropped; cooldowns reach at most 25 hours
    /// ahead, whatever was stored.
    pub fn lane(&self, lane: &str) -> Result<LaneRow> {
        let got = self
            .db
            .query_row(
                "SELECT cooldown_until_ms, exhausted_until_ms, dead_model_ms, dead_model_reason, learned_rpm, learned_rpd,
                 learned_tpm, learned_tpd, tokens_total, content_tokens_total, questions_total, requests_total, prompt_tokens_total FROM lanes WHERE lane = ?1",
                vals![lane],
            )
            .and_then(|row| row.map(|r| lane_row(&r)).transpose());
        let mut row: LaneRow = self.read_row(
            &format!("lane {lane}"),
            "DELETE FROM lanes WHERE lane = ?1",
            vals![lane],
            got,
        )?;
        let latest = self.now + 25 * 3_600_000;
        row.cooldown_until_ms = row.cooldown_until_ms.min(latest);
        row.exhausted_until_ms = row.exhausted_until_ms.min(latest);
        Ok(row)
    }

    fn ensure_lane(&self, lane: &str) -> Result<()> {
        self.db.execute(
            "INSERT INTO lanes(lane) VALUES(?1) ON CONFLICT DO NOTHING",
            vals![lane],
        )?;
        Ok(())
    }

    pub fn cool_lane(&self, lane: &str, until_ms: i64, daily: bool) -> Result<()> {
        self.ensure_lane(lane)?;
        let col = if daily {
            "exhausted_until_ms"
        } else {
            "cooldown_until_ms"
        };
        self.db.execute(
            &format!("UPDATE lanes SET {col} = CASE WHEN {col} > ?2 THEN {col} ELSE ?2 END WHERE lane = ?1"),
            vals![lane, until_ms],
        )?;
        Ok(())
    }

    pub fn learn_limit(&self, lane: &str, w: Window, limit: u64) -> Result<()> {
        if limit < min_learned(w) {
            return Ok(());
        }
        self.ensure_lane(lane)?;
        let col = format!("learned_{}", win_name(w));
        self.db.execute(
            &format!("UPDATE lanes SET {col} = ?2 WHERE lane = ?1"),
            vals![lane, limit],
        )?;
        Ok(())
    }

    pub fn mark_dead_model(&self, lane: &str, reason: &str) -> Result<()> {
        self.ensure_lane(lane)?;
        self.db.execute(
            "UPDATE lanes SET dead_model_ms = ?2, dead_model_reason = ?3 WHERE lane = ?1",
            vals![lane, self.now, reason],
        )?;
        Ok(())
    }

    /// Adds a finished request's real cost to the lane's running averages.
    pub fn add_lane_totals(
        &self,
        lane: &str,
        tokens: u64,
        prompt_tokens: u64,
        content_tokens: u64,
        questions: u64,
    ) -> Result<()> {
        self.ensure_lane(lane)?;
        self.db.execute(
            "UPDATE lanes SET tokens_total = tokens_total + ?2, content_tokens_total = content_tokens_total + ?3,
             questions_total = questions_total + ?4, requests_total = requests_total + 1,
             prompt_tokens_total = prompt_tokens_total + ?5 WHERE lane = ?1",
            vals![lane, tokens, content_tokens, questions, prompt_tokens],
        )?;
        Ok(())
    }

    pub fn key(&self, fp: &str) -> Result<KeyRow> {
        let got = self
            .db
            .query_row(
                "SELECT invalid_reason, requests, tokens, rate_limited, last_used_ms, cooldown_until_ms FROM keys WHERE fp = ?1",
                vals![fp],
            )
            .and_then(|row| {
                row.map(|r| -> Result<KeyRow> {
                    Ok(KeyRow {
                        invalid_reason: r.opt_text(0)?,
                        requests: count(r.int(1)?),
                        tokens: count(r.int(2)?),
                        rate_limited: count(r.int(3)?),
                        last_used_ms: r.int(4)?,
                        cooldown_until_ms: r.int(5)?,
                    })
                })
                .transpose()
            });
        self.read_row(
            "a key's counters",
            "DELETE FROM keys WHERE fp = ?1",
            vals![fp],
            got,
        )
    }

    fn ensure_key(&self, fp: &str) -> Result<()> {
        self.db.execute(
            "INSERT INTO keys(fp) VALUES(?1) ON CONFLICT DO NOTHING",
            vals![fp],
        )?;
        Ok(())
    }

    pub fn mark_key_invalid(&self, fp: &str, reason: Option<&str>) -> Result<()> {
        self.ensure_key(fp)?;
        self.db.execute(
            "UPDATE keys SET invalid_ms = ?2, invalid_reason = ?3 WHERE fp = ?1",
            vals![fp, reason.map(|_| self.now), reason],
        )?;
        Ok(())
    }

    pub fn key_used(&self, fp: &str, at_ms: i64) -> Result<()> {
        self.ensure_key(fp)?;
        self.db.execute(
            "UPDATE keys SET requests = requests + 1, last_used_ms = ?2 WHERE fp = ?1",
            vals![fp, at_ms],
        )?;
        Ok(())
    }

    pub fn key_tokens(&self, fp: &str, tokens: u64) -> Result<()> {
        self.ensure_key(fp)?;
        self.db.execute(
            "UPDATE keys SET tokens = tokens + ?2 WHERE fp = ?1",
            vals![fp, tokens],
        )?;
        Ok(())
    }

    pub fn key_throttled(&self, fp: &str, until_ms: i64) -> Result<()> {
        self.ensure_key(fp)?;
        self.db.execute(
            "UPDATE keys SET rate_limited = rate_limited + 1,
             cooldown_until_ms = CASE WHEN cooldown_until_ms > ?2 THEN cooldown_until_ms ELSE ?2 END WHERE fp = ?1",
            vals![fp, until_ms],
        )?;
        Ok(())
    }

    pub fn insert_event(&self, lane: &str, fp: &str, at_ms: i64, tokens: u64) -> Result<i64> {
        let row = self.db.query_row(
            "INSERT INTO events(lane, key_fp, at_ms, tokens) VALUES(?1, ?2, ?3, ?4) RETURNING id",
            vals![lane, fp, at_ms, tokens],
        )?;
        Ok(row.context("no id")?.int(0)?)
    }

    /// When an event was reserved (`None` once it is gone).
    pub fn event_at(&self, id: i64) -> Result<Option<i64>> {
        let row = self
            .db
            .query_row("SELECT at_ms FROM events WHERE id = ?1", vals![id])?;
        row.map(|r| r.int(0).map_err(Into::into)).transpose()
    }

    pub fn settle_event(&self, id: i64, tokens: u64, questions: u64, at_ms: i64) -> Result<()> {
        self.db.execute(
            "UPDATE events SET tokens = ?2, questions = ?3, settled_ms = ?4 WHERE id = ?1",
            vals![id, tokens, questions, at_ms],
        )?;
        Ok(())
    }

    /// Settles, as reserved, every event still unsettled that was sent before `before_ms`.
    pub fn settle_stale(&self, before_ms: i64, now_ms: i64) -> Result<usize> {
        Ok(self.db.execute(
            "UPDATE events SET settled_ms = ?2 WHERE settled_ms IS NULL AND at_ms < ?1",
            vals![before_ms, now_ms],
        )? as usize)
    }

    pub fn delete_event(&self, id: i64) -> Result<()> {
        self.db
            .execute("DELETE FROM events WHERE id = ?1", vals![id])?;
        Ok(())
    }

    /// Requests and tokens of a lane in the last `span` (for stats).
    pub fn used_in(&self, lane: &str, span: Duration) -> Result<(u64, u64)> {
        let since = self.now - span.as_millis() as i64;
        let ev = self.events_since(lane, since)?;
        Ok((ev.len() as u64, ev.iter().map(|e| e.1).sum()))
    }
}

/// A `lanes` row; learned limits below the floor are dropped.
fn lane_row(r: &crate::db::Row) -> Result<LaneRow> {
    let l = |i: usize| -> Result<Option<u64>> {
        let floor = min_learned(Window::ALL[i - 4]) as i64;
        Ok(r.opt_int(i)?.filter(|v| *v >= floor).map(|v| v as u64))
    };
    Ok(LaneRow {
        cooldown_until_ms: r.int(0)?,
        exhausted_until_ms: r.int(1)?,
        dead_model_ms: r.opt_int(2)?,
        dead_model_reason: r.opt_text(3)?,
        learned: [l(4)?, l(5)?, l(6)?, l(7)?],
        tokens_total: count(r.int(8)?),
        content_tokens_total: count(r.int(9)?),
        questions_total: count(r.int(10)?),
        requests_total: count(r.int(11)?),
        prompt_tokens_total: count(r.int(12)?),
    })
}
