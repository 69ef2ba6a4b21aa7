//! The key pool: budget lanes (provider, organization, model) with RPM/RPD/TPM/TPD windows.
//! A request reserves its cost in a lane before it is sent and is settled with its real usage
//! after. The provider's own reports (headers, 429s) are the truth where they exist; our own
//! counting covers the rest. Dead keys and retired models are dropped after one request.
//!
//! Design: admission under any way of counting.
//! - While a report holds (before its reset), the window has `remaining − what was sent since`
//!   (this process and others, from the shared events), whatever its kind. Answers can come
//!   back out of order: a report for an earlier request never replaces a later one's.
//! - Providers count in three ways, and headers do not say which: a fixed window frees all at
//!   its reset; a token bucket refills continuously and its reset is the time until full; a
//!   sliding log frees each use one window after it was made, and its reset is when the oldest
//!   leaves. So past a reset, nothing is assumed: one request goes (a probe) and the others wait
//!   for its answer, whose fresh report says what is really left (a request sent since the
//!   last report and still on the wire counts as that probe). `room` sizes the probe to what a
//!   sliding log would still take (the limit less our own use over the whole window, each use
//!   counted a moment longer, as the provider stamps it on arrival), so that a window's end
//!   can be used. That costs one round trip per window.
//! - A sliding log is learned, for the run (`Slide`): a report for a request sent past the last
//!   report's reset that counts clearly more than all that was sent since that reset (a fixed
//!   window or a full bucket would count only those), or a 429 on such a request, marks the
//!   window a sliding log. From then on, past a reset, our own use over the log's length (the
//!   longest reset a report gave, at most the span) is what it holds, each use a margin longer
//!   (`arrival_margin`), not a window started afresh at the reset.
//! - A bucket is learned: its reset is (limit − remaining) ÷ rate in every report, so reports
//!   whose used part changed yet imply the same rate (within 5%, three in a row) mark the
//!   window a bucket; from then on a request waits only until enough has dripped back in
//!   (`report_wait`), and our own count of it (a keys.toml ceiling, or past its reset) is a
//!   bucket too (`own_bucket`), not a rolling window that would hold it to its limit a minute.
//!   A 429 forgets it. A sliding log in a steady state can imply a steady rate too, which is
//!   why only reports whose used part changed by a fifth count.
//! - Where no report holds, our own rolling count against the limits (keys.toml, else learned,
//!   else Groq's free tier on Groq's host) decides; a keys.toml limit is a ceiling checked by
//!   our own count even while a report holds.
//! - Requests given up on count as sent (the provider may have charged them) but stop counting
//!   as in flight; a dead run's are settled at the next start.

pub(crate) mod store;

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Duration;

use anyhow::Result;

use crate::config::{ApiKey, Dialect, KeysConfig, Limits, Price};
use crate::llm::client::{Answer, Verdict};
use crate::llm::headers::{self, Window};
use crate::llm::prompt::Shape;
use store::{BUCKET_AGREEMENT, Report, Store, Tx};

/// One budget: the keys of one organization on one model of one provider.
#[derive(Debug, Clone)]
pub struct Lane {
    /// `provider/org/model`: the name state knows it by.
    pub id: String,
    pub provider: String,
    pub base_url: String,
    pub dialect: Dialect,
    pub org: String,
    pub model: String,
    /// Indexes into `Pool::keys`.
    pub keys: Vec<usize>,
    /// Limits keys.toml gave.
    pub configured: Limits,
    pub price: Option<Price>,
}

/// Who wrote a question, for choosing the lane that checks it: `provider/model`, and the lane
/// when known (questions from the bank may not say which organization wrote them).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Writer {
    pub provider_model: String,
    pub lane: Option<String>,
}

/// A request's admission: its lane and key, and the event holding its reservation.
#[derive(Debug, Clone)]
pub struct Reservation {
    pub event_id: i64,
    pub lane: usize,
    pub key: usize,
    pub tokens: u64,
}

/// What the pool says to a request that wants to go.
#[derive(Debug)]
pub enum Admission {
    Go(Reservation),
    /// Nothing can take it now; the soonest lane frees up after this long.
    Wait(Duration),
    /// The request is larger than any usable lane's per-minute token limit: shrink it.
    TooLarge {
        max_tokens: u64,
    },
    /// No lane can ever take it: every key dead, every model retired, or every lane closed
    /// for this run because it is misconfigured (a redirect).
    Closed(String),
    /// Every lane left is closed for this run because it kept answering 429 without progress.
    Spent(String),
}

/// What settling an answer found, for the driver to report and act on.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    KeyDied {
        masked: String,
        provider: String,
        message: String,
    },
    /// The key's balance or quota is spent: recorded like a dead key.
    QuotaSpent {
        masked: String,
        provider: String,
        message: String,
        /// Where credit is added: the provider's name ("OpenRouter") where the dialect knows it.
        credit_at: String,
    },
    ModelDied {
        provider: String,
        model: String,
        message: String,
    },
    Throttled {
        lane: String,
        wait: Duration,
        daily: bool,
    },
    /// The provider's lanes were closed for this run: its address redirects elsewhere.
    Redirected { provider: String, target: String },
    /// The provider refused a parameter: the model's lanes go on without it (`adapted`), or
    /// are closed for the run when nothing is left to try.
    ParamRefused {
        provider: String,
        model: String,
        param: String,
        message: String,
        adapted: bool,
    },
}

/// Why a lane was closed for the rest of this run (nothing of it is stored).
#[derive(Debug, Clone, PartialEq)]
pub enum Closure {
    /// It kept answering 429 without progress: the budget may come back, later.
    Throttled(String),
    /// It cannot work as configured.
    Misconfigured(String),
}

/// How a spent balance is recorded in a key's invalid reason (shown as `spent` in stats).
pub(crate) const SPENT_MARK: &str = "credit spent: ";

/// Whether a key's stored mark says its balance ran out (this version's mark, or the one
/// older versions wrote).
pub(crate) fn is_spent_mark(reason: &str) -> bool {
    reason.starts_with(SPENT_MARK) || reason.starts_with("quota spent: ")
}

pub struct Pool {
    store: Store,
    pub lanes: Vec<Lane>,
    pub keys: Vec<(String, ApiKey)>,
    /// Lane order of last use, for fair turns among lanes that can go.
    turns: Vec<u64>,
    turn: u64,
    dead_keys: HashSet<usize>,
    dead_lanes: HashSet<usize>,
    /// Lanes closed for this run only.
    closed: HashMap<usize, Closure>,
    /// The parameters each lane's requests carry, less what its provider refused this run.
    shapes: Vec<Shape>,
    /// Longest wait stored for a 429 that names no window (the run's `--max-wait`).
    wait_cap: Duration,
    /// What this run has seen of how each lane's per-minute windows slide.
    slides: HashMap<(usize, Window), Slide>,
}

/// What a run has seen of one per-minute window of a lane: nothing of it is stored (a later
/// run learns it again, from its first report after a reset at the latest).
#[derive(Debug, Clone, Copy, Default)]
struct Slide {
    /// The longest reset a report gave, from its answer: at most the window's length, and
    /// that length where a use went into an empty window (a run's first request, usually).
    longest_ms: i64,
    /// The window was seen to count as a sliding log (see `slides`).
    sliding: bool,
}

impl Slide {
    /// The length of the window, once it is known to be a sliding log: the longest reset seen,
    /// else the span we count a window over.
    fn log_ms(self, w: Window) -> Option<i64> {
        let span = w.span().as_millis() as i64;
        self.sliding.then(|| {
            if self.longest_ms > 0 {
                self.longest_ms.min(span)
            } else {
                span
            }
        })
    }
}

/// The length of each window of a lane that is known to count as a sliding log.
type Logs = HashMap<Window, i64>;

/// What a lane is held to: its limits, the keys.toml ceilings among them, and which windows
/// are sliding logs.
type Bounds<'a> = (&'a Limits, &'a Limits, &'a Logs);

impl Pool {
    /// The pool, its state where `at` says (the data dir, or a shared database).
    pub fn open(cfg: &KeysConfig, at: &crate::db::StateAt) -> Result<Pool> {
        Pool::open_at_with_clock(cfg, at, at.clock.clone())
    }

    /// `open` on a given clock: the pool's windows, cooldowns and state then run on it.
    pub fn open_with_clock(
        cfg: &KeysConfig,
        data_dir: &Path,
        clock: std::sync::Arc<dyn crate::clock::Clock>,
    ) -> Result<Pool> {
        Pool::open_at_with_clock(cfg, &crate::db::StateAt::local(data_dir), clock)
    }

    fn open_at_with_clock(
        cfg: &KeysConfig,
        at: &crate::db::StateAt,
        clock: std::sync::Arc<dyn crate::clock::Clock>,
    ) -> Result<Pool> {
        let store = Store::open_at(at, clock)?;
        let mut keys = Vec::new();
        let mut lanes: Vec<Lane> = Vec::new();
        for p in &cfg.providers {
            for k in &p.keys {
                let ki = keys.len();
                keys.push((p.name.clone(), k.clone()));
                for m in &p.models {
                    let id = format!("{}/{}/{}", p.name, k.org, m);
                    if let Some(l) = lanes.iter_mut().find(|l| l.id == id) {
                        l.keys.push(ki);
                    } else {
                        lanes.push(Lane {
                            id,
                            provider: p.name.clone(),
                            base_url: p.base_url.clone(),
                            dialect: p.dialect,
                            org: k.org.clone(),
                            model: m.clone(),
                            keys: vec![ki],
                            configured: p.limits,
                            price: p.price_of(m),
                        });
                    }
                }
            }
        }
        let turns = vec![0; lanes.len()];
        let shapes = lanes
            .iter()
            .map(|l| Shape::for_lane(l.dialect, &l.model))
            .collect();
        let mut pool = Pool {
            store,
            shapes,
            lanes,
            keys,
            turns,
            turn: 0,
            dead_keys: HashSet::new(),
            dead_lanes: HashSet::new(),
            closed: HashMap::new(),
            wait_cap: Duration::from_secs(15 * 60),
            slides: HashMap::new(),
        };
        pool.load_dead()?;
        Ok(pool)
    }

    /// Dead keys and retired models recorded by earlier runs are skipped from the start.
    fn load_dead(&mut self) -> Result<()> {
        let keys = self.keys.clone();
        let lanes = self.lanes.clone();
        let (dead_keys, dead_lanes) = self.store.exclusive(|tx| {
            let mut dk = HashSet::new();
            for (i, (_, k)) in keys.iter().enumerate() {
                let Some(reason) = tx.key(&k.fingerprint)?.invalid_reason else {
                    continue;
                };
                // Versions before dialects read Gemini's per-minute 429 ("exceeded your current
                // quota") as a spent balance, marked "quota spent: ": such a mark is lifted.
                let gemini = lanes
                    .iter()
                    .any(|l| l.keys.contains(&i) && l.dialect == Dialect::Gemini);
                if gemini && reason.starts_with("quota spent: ") {
                    tx.mark_key_invalid(&k.fingerprint, None)?;
                } else {
                    dk.insert(i);
                }
            }
            let mut dl = HashSet::new();
            for (i, l) in lanes.iter().enumerate() {
                let row = tx.lane(&l.id)?;
                if row
                    .dead_model_ms
                    .is_some_and(|t| tx.now() - t < store::DEAD_MODEL_TTL.as_millis() as i64)
                {
                    dl.insert(i);
                }
            }
            Ok((dk, dl))
        })?;
        self.dead_keys = dead_keys;
        self.dead_lanes = dead_lanes;
        Ok(())
    }

    /// The longest wait a 429 that names no window may impose (the run's `--max-wait`).
    pub fn set_wait_cap(&mut self, cap: Duration) {
        self.wait_cap = cap;
    }

    /// The windows of `lane` known this run to count as a sliding log, with their length.
    fn logs(&self, lane: usize) -> Logs {
        self.slides
            .iter()
            .filter(|((l, _), _)| *l == lane)
            .filter_map(|(&(_, w), s)| Some((w, s.log_ms(w)?)))
            .collect()
    }

    /// The parameters a lane's next request carries.
    pub(crate) fn shape(&self, lane: usize) -> Shape {
        self.shapes[lane]
    }

    /// Closes a lane for the rest of this run; later runs try it again.
    pub fn close_for_run(&mut self, lane: usize, why: Closure) {
        self.closed.entry(lane).or_insert(why);
    }

    /// Warnings about stored state that could not be read and was reset.
    pub fn take_warnings(&mut self) -> Vec<String> {
        self.store.take_warnings()
    }

    /// The lanes that still have a live key and a live model, and are not closed for the run.
    pub fn usable_lanes(&self) -> Vec<usize> {
        (0..self.lanes.len())
            .filter(|i| {
                !self.dead_lanes.contains(i)
                    && !self.closed.contains_key(i)
                    && self.lanes[*i]
                        .keys
                        .iter()
                        .any(|k| !self.dead_keys.contains(k))
            })
            .collect()
    }

    /// Each usable lane's model and per-minute token limit (`None` where none is known): what
    /// one request must fit in, for the driver's choice of batch size.
    pub fn token_limits(&mut self) -> Result<Vec<(String, Option<u64>)>> {
        let lanes: Vec<Lane> = self
            .usable_lanes()
            .into_iter()
            .map(|i| self.lanes[i].clone())
            .collect();
        self.store.read(|tx| {
            lanes
                .iter()
                .map(|l| {
                    let row = tx.lane(&l.id)?;
                    let limits = effective_limits(l.configured, &row.learned, &l.base_url);
                    Ok((l.model.clone(), limits.tpm))
                })
                .collect()
        })
    }

    /// The most tokens a request could reserve on `lane` now, for sizing a request to the room
    /// a window has left (admission stays `reserve`'s): 0 when the lane cannot send now.
    pub fn room(&mut self, lane: usize) -> Result<u64> {
        let now = self.store.now_ms();
        self.room_at(now, lane)
    }

    /// `room` at a given moment, for simulations. Each token window gives what its report
    /// says is left (what the provider counts: the answers' real use, not their reservations),
    /// with a bucket's refill since; past the report's reset, the limit less our own use over
    /// the whole window, all a sliding log (the strictest kind) would take. Never more than
    /// `reserve` would admit.
    pub fn room_at(&mut self, now: i64, lane: usize) -> Result<u64> {
        let l = self.lanes[lane].clone();
        let logs = self.logs(lane);
        self.store.read(|tx| {
            let row = tx.lane(&l.id)?;
            let limits = effective_limits(l.configured, &row.learned, &l.base_url);
            let bounds = (&limits, &l.configured, &logs);
            if lane_wait(tx, &l.id, &row, bounds, 0, now)? > 0 {
                return Ok(0);
            }
            let mut room = u64::MAX;
            for w in Window::ALL.into_iter().filter(|w| w.counts_tokens()) {
                room = room.min(window_room(tx, &l.id, w, bounds, now)?);
            }
            Ok(room)
        })
    }

    /// Whether what `lane` leaves unused now is kept for later: its per-minute token window is
    /// a learned bucket (up to its size, it refills whether used or not), so a smaller request
    /// gains nothing over waiting for room for a whole one.
    pub fn keeps_unused(&mut self, lane: usize) -> Result<bool> {
        let id = self.lanes[lane].id.clone();
        self.store.read(|tx| {
            Ok(tx
                .report(&id, Window::Tpm)?
                .and_then(|r| r.bucket_rate())
                .is_some())
        })
    }

    /// Tries to admit a request in the fairest lane that can take it now. `cost` gives its
    /// tokens (prompt plus `max_completion_tokens`) on a model.
    pub fn reserve(&mut self, cost: &dyn Fn(&str) -> u64) -> Result<Admission> {
        let now = self.store.now_ms();
        self.reserve_at(now, cost)
    }

    /// `reserve` among the usable lanes `allowed` accepts (the others are busy enough).
    pub(crate) fn reserve_where(
        &mut self,
        cost: &dyn Fn(&str) -> u64,
        allowed: &dyn Fn(usize) -> bool,
    ) -> Result<Admission> {
        let now = self.store.now_ms();
        self.reserve_among(now, cost, allowed)
    }

    /// `reserve` at a given moment (milliseconds since the epoch), for simulations.
    pub fn reserve_at(&mut self, now: i64, cost: &dyn Fn(&str) -> u64) -> Result<Admission> {
        self.reserve_among(now, cost, &|_| true)
    }

    /// How good a check of a question written by `writer` a lane gives: 0 for another model
    /// (or provider), 1 for the same model in another organization, 2 for the writer's own
    /// lane (or one that cannot be told apart from it).
    pub fn check_rank(&self, lane: usize, writer: &Writer) -> u8 {
        let l = &self.lanes[lane];
        if format!("{}/{}", l.provider, l.model) != writer.provider_model {
            0
        } else if writer.lane.as_deref().is_some_and(|w| w != l.id) {
            1
        } else {
            2
        }
    }

    /// `reserve` for a blind solve of `writer`'s questions, among the usable lanes giving the
    /// best check there is (it waits for them rather than take a weaker one). Also says which
    /// rank that is.
    pub fn reserve_checking(
        &mut self,
        cost: &dyn Fn(&str) -> u64,
        writer: &Writer,
    ) -> Result<(Admission, u8)> {
        let best = self
            .usable_lanes()
            .into_iter()
            .map(|l| self.check_rank(l, writer))
            .min()
            .unwrap_or(2);
        let ranks: Vec<u8> = (0..self.lanes.len())
            .map(|l| self.check_rank(l, writer))
            .collect();
        let now = self.store.now_ms();
        let admission = self.reserve_among(now, cost, &|l| ranks[l] == best)?;
        Ok((admission, best))
    }

    /// `reserve` among the usable lanes that `allowed` accepts.
    fn reserve_among(
        &mut self,
        now: i64,
        cost: &dyn Fn(&str) -> u64,
        allowed: &dyn Fn(usize) -> bool,
    ) -> Result<Admission> {
        let usable: Vec<usize> = self
            .usable_lanes()
            .into_iter()
            .filter(|&l| allowed(l))
            .collect();
        if usable.is_empty() {
            return Ok(self.none_left());
        }
        let mut order = usable.clone();
        order.sort_by_key(|&i| self.turns[i]);
        let mut soonest: Option<Duration> = None;
        let mut max_fit = 0u64;
        let mut any_fits = false;
        for lane in order {
            let live_keys: Vec<usize> = self.lanes[lane]
                .keys
                .iter()
                .copied()
                .filter(|k| !self.dead_keys.contains(k))
                .collect();
            let l = &self.lanes[lane];
            let tokens = cost(&l.model);
            let keys = &self.keys;
            let logs = self.logs(lane);
            let decision = self.store.exclusive(|tx| {
                let row = tx.lane(&l.id)?;
                let limits = effective_limits(l.configured, &row.learned, &l.base_url);
                let tpm = limits.tpm.unwrap_or(u64::MAX);
                if tokens > tpm {
                    return Ok(Decision::TooLarge(tpm));
                }
                let bounds = (&limits, &l.configured, &logs);
                let wait = lane_wait(tx, &l.id, &row, bounds, tokens, now)?;
                if wait > 0 {
                    return Ok(Decision::Wait(wait));
                }
                // The keys of one organization take turns: least recently used first.
                let mut best: Option<(i64, usize)> = None;
                for &k in &live_keys {
                    let used = tx.key(&keys[k].1.fingerprint)?.last_used_ms;
                    if best.is_none_or(|(b, _)| used < b) {
                        best = Some((used, k));
                    }
                }
                let Some((_, key)) = best else {
                    return Ok(Decision::Wait(i64::MAX));
                };
                let fp = &keys[key].1.fingerprint;
                let id = tx.insert_event(&l.id, fp, now, tokens)?;
                tx.key_used(fp, now)?;
                Ok(Decision::Go(id, key, tokens))
            })?;
            match decision {
                Decision::Go(event_id, key, tokens) => {
                    self.turn += 1;
                    self.turns[lane] = self.turn;
                    return Ok(Admission::Go(Reservation {
                        event_id,
                        lane,
                        key,
                        tokens,
                    }));
                }
                Decision::Wait(ms) => {
                    any_fits = true;
                    let d = Duration::from_millis(ms.max(1) as u64);
                    soonest = Some(soonest.map_or(d, |s| s.min(d)));
                }
                Decision::TooLarge(tpm) => max_fit = max_fit.max(tpm),
            }
        }
        match soonest {
            Some(d) if any_fits => Ok(Admission::Wait(d)),
            _ => Ok(Admission::TooLarge {
                max_tokens: max_fit,
            }),
        }
    }

    /// What to say when no lane is usable: a throttled closure is a shortfall (exit 3), the
    /// rest is an error.
    fn none_left(&self) -> Admission {
        let mut closures: Vec<&Closure> = self.closed.values().collect();
        closures.sort_by_key(|c| matches!(c, Closure::Throttled(_)));
        match closures.first() {
            Some(Closure::Misconfigured(why)) => Admission::Closed(why.clone()),
            Some(Closure::Throttled(why)) => Admission::Spent(why.clone()),
            None => Admission::Closed(self.closed_reason()),
        }
    }

    fn closed_reason(&self) -> String {
        let all_keys_dead = self
            .keys
            .iter()
            .enumerate()
            .all(|(i, _)| self.dead_keys.contains(&i));
        if all_keys_dead {
            "every key is invalid (401/403) or has no quota left: check them with `quizgen keys check`, add credit or replace them in the keys file".into()
        } else {
            let models: Vec<String> = self
                .lanes
                .iter()
                .map(|l| format!("{}:{}", l.provider, l.model))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            format!(
                "no usable model left ({} retired or unknown): put a current model in the keys file, e.g. openai/gpt-oss-20b on Groq",
                models.join(", ")
            )
        }
    }

    /// Settles a request given up on while on the wire (interrupted, timed out, aborted). The
    /// provider may have charged it, so it counts as sent: its whole reservation stays in the
    /// windows; it only stops counting as "in flight" against the provider's later reports.
    pub fn abandon(&mut self, r: &Reservation) -> Result<()> {
        let now = self.store.now_ms();
        self.store
            .exclusive(|tx| tx.settle_event(r.event_id, r.tokens, 0, now))
    }

    /// Settles reservations left unsettled by a run that died (kill -9, a crash) more than
    /// `older_than` ago, as sent. Returns how many there were.
    pub fn release_stale(&mut self, older_than: Duration) -> Result<usize> {
        let now = self.store.now_ms();
        let before = now - i64::try_from(older_than.as_millis()).unwrap_or(i64::MAX / 2);
        self.store.exclusive(|tx| tx.settle_stale(before, now))
    }

    /// Settles a reservation with what the answer said; returns what the caller should report.
    /// `questions` and `content_tokens` are what the answer yielded (for the averages).
    pub fn settle(
        &mut self,
        r: &Reservation,
        answer: &Answer,
        questions: u64,
        content_tokens: u64,
    ) -> Result<Option<Event>> {
        let now = self.store.now_ms();
        self.settle_at(now, r, answer, questions, content_tokens)
    }

    /// `settle` at a given moment, for simulations.
    pub fn settle_at(
        &mut self,
        now: i64,
        r: &Reservation,
        answer: &Answer,
        questions: u64,
        content_tokens: u64,
    ) -> Result<Option<Event>> {
        let lane = self.lanes[r.lane].clone();
        let (provider, key) = self.keys[r.key].clone();
        self.learn_slides(r, answer)?;
        let event = self.store.exclusive(|tx| {
            record_reports(tx, &lane.id, r.event_id, &answer.reports, now)?;
            match &answer.verdict {
                Verdict::Ok { usage, .. } => {
                    let spent = usage.map_or(r.tokens, |u| u.total());
                    tx.settle_event(r.event_id, spent, questions, now)?;
                    tx.key_tokens(&key.fingerprint, spent)?;
                    let prompt = usage.map_or(0, |u| u.prompt_tokens);
                    tx.add_lane_totals(&lane.id, spent, prompt, content_tokens, questions)?;
                    Ok(None)
                }
                Verdict::BadOutput { .. } => {
                    tx.settle_event(r.event_id, r.tokens, 0, now)?;
                    tx.key_tokens(&key.fingerprint, r.tokens)?;
                    tx.add_lane_totals(&lane.id, r.tokens, 0, 0, 0)?;
                    Ok(None)
                }
                Verdict::Transient { .. } | Verdict::NotApi { .. } => {
                    tx.settle_event(r.event_id, 0, 0, now)?;
                    Ok(None)
                }
                Verdict::Redirected { target } => {
                    tx.delete_event(r.event_id)?;
                    Ok(Some(Event::Redirected {
                        provider: provider.clone(),
                        target: target.clone(),
                    }))
                }
                Verdict::Throttled {
                    window,
                    wait,
                    limit,
                } => {
                    tx.delete_event(r.event_id)?;
                    tx.forget_bucket(&lane.id)?;
                    let wait = headers::clamp_wait(
                        *window,
                        wait.unwrap_or(Duration::from_secs(2)),
                        self.wait_cap,
                    );
                    let until = now + wait.as_millis() as i64;
                    let daily = window.is_some_and(Window::is_daily);
                    tx.cool_lane(&lane.id, until, daily)?;
                    tx.key_throttled(&key.fingerprint, until)?;
                    if let (Some(w), Some(l)) = (window, limit) {
                        tx.learn_limit(&lane.id, *w, *l)?;
                    }
                    Ok(Some(Event::Throttled {
                        lane: lane.id.clone(),
                        wait,
                        daily,
                    }))
                }
                Verdict::DeadKey { message, .. } => {
                    tx.delete_event(r.event_id)?;
                    tx.mark_key_invalid(&key.fingerprint, Some(message))?;
                    Ok(Some(Event::KeyDied {
                        masked: key.masked.clone(),
                        provider: provider.clone(),
                        message: message.clone(),
                    }))
                }
                Verdict::QuotaSpent { message } => {
                    tx.delete_event(r.event_id)?;
                    tx.mark_key_invalid(&key.fingerprint, Some(&format!("{SPENT_MARK}{message}")))?;
                    Ok(Some(Event::QuotaSpent {
                        masked: key.masked.clone(),
                        provider: provider.clone(),
                        message: message.clone(),
                        credit_at: lane.dialect.conventions().label_or(provider.as_str()),
                    }))
                }
                Verdict::DeadModel { message } => {
                    tx.delete_event(r.event_id)?;
                    tx.mark_dead_model(&lane.id, message)?;
                    Ok(Some(Event::ModelDied {
                        provider: provider.clone(),
                        model: lane.model.clone(),
                        message: message.clone(),
                    }))
                }
                Verdict::ParamRefused { param, message } => {
                    tx.delete_event(r.event_id)?;
                    Ok(Some(Event::ParamRefused {
                        provider: provider.clone(),
                        model: lane.model.clone(),
                        param: param.clone(),
                        message: message.clone(),
                        adapted: self.shapes[r.lane].without(param).is_some(),
                    }))
                }
                Verdict::TooLarge { limit, .. } => {
                    tx.delete_event(r.event_id)?;
                    if let Some(l) = limit {
                        tx.learn_limit(&lane.id, Window::Tpm, *l)?;
                    }
                    Ok(None)
                }
            }
        })?;
        match &event {
            Some(Event::KeyDied { .. } | Event::QuotaSpent { .. }) => {
                self.dead_keys.insert(r.key);
            }
            Some(Event::Redirected { target, .. }) => {
                let why = format!(
                    "{}: {} redirects to {target}; API calls do not follow redirects: put the final address in base_url",
                    lane.provider, lane.base_url
                );
                for i in 0..self.lanes.len() {
                    if self.lanes[i].provider == lane.provider {
                        self.close_for_run(i, Closure::Misconfigured(why.clone()));
                    }
                }
            }
            Some(Event::ParamRefused { param, message, .. }) => {
                let next = self.shapes[r.lane].without(param);
                let why = format!(
                    "{}: {} refuses the parameter `{param}` in every form quizgen can send ({message})",
                    lane.provider, lane.model
                );
                for i in 0..self.lanes.len() {
                    let l = &self.lanes[i];
                    if l.provider == lane.provider && l.model == lane.model {
                        match next {
                            Some(s) => self.shapes[i] = s,
                            None => self.close_for_run(i, Closure::Misconfigured(why.clone())),
                        }
                    }
                }
            }
            Some(Event::ModelDied { .. }) => {
                // The model is gone for this provider: every lane of it on this provider.
                for (i, l) in self.lanes.iter().enumerate() {
                    if l.provider == lane.provider && l.model == lane.model {
                        self.dead_lanes.insert(i);
                    }
                }
            }
            _ => {}
        }
        Ok(event)
    }

    /// What an answer shows of how its lane's per-minute windows count, read before its reports
    /// replace the last ones: each report's reset (the longest tells a log's length), and
    /// whether the window is a sliding log (`slides_past_reset`, or a 429 on it).
    fn learn_slides(&mut self, r: &Reservation, answer: &Answer) -> Result<()> {
        let id = self.lanes[r.lane].id.clone();
        let seen = self.store.read(|tx| {
            let Some(sent_at) = tx.event_at(r.event_id)? else {
                return Ok(Vec::new());
            };
            let mut seen = Vec::new();
            for rep in answer.reports.iter().filter(|rep| !rep.window.is_daily()) {
                let previous = tx.report(&id, rep.window)?;
                let sliding = slides_past_reset(tx, &id, sent_at, rep, previous.as_ref())?;
                seen.push((rep.window, rep.reset.as_millis() as i64, sliding));
            }
            if let Verdict::Throttled {
                window: Some(w), ..
            } = &answer.verdict
                && !w.is_daily()
                && tx.report(&id, *w)?.is_some_and(|p| passed(&p, sent_at))
            {
                seen.push((*w, 0, true));
            }
            Ok(seen)
        })?;
        for (w, reset_ms, sliding) in seen {
            let slide = self.slides.entry((r.lane, w)).or_default();
            slide.longest_ms = slide.longest_ms.max(reset_ms);
            slide.sliding |= sliding;
        }
        Ok(())
    }

    /// Measured completion tokens per question over all lanes of a model, if any.
    pub fn tokens_per_question(&mut self, model: &str) -> Result<Option<u64>> {
        let ids: Vec<String> = self
            .lanes
            .iter()
            .filter(|l| l.model == model)
            .map(|l| l.id.clone())
            .collect();
        self.store.read(|tx| {
            let (mut c, mut q) = (0, 0);
            for id in &ids {
                let row = tx.lane(id)?;
                c += row.content_tokens_total;
                q += row.questions_total;
            }
            Ok((q >= 5).then(|| c / q))
        })
    }

    pub fn store(&mut self) -> &mut Store {
        &mut self.store
    }

    pub fn is_lane_dead(&self, l: usize) -> bool {
        self.dead_lanes.contains(&l)
    }
}

/// Stores what an answer's headers said of each window (and what that says of how the window
/// counts), and the limits they name.
fn record_reports(
    tx: &Tx<'_>,
    lane: &str,
    event_id: i64,
    reports: &[crate::llm::headers::WindowReport],
    now: i64,
) -> Result<()> {
    for rep in reports {
        let previous = tx.report(lane, rep.window)?;
        // Answers can come back out of order: a report made for an earlier request is older
        // than the one a later request already brought, and does not count what that request
        // (perhaps settled by now) used. It must not replace it while that one holds.
        if let Some(p) = &previous
            && p.event_id.is_some_and(|id| id > event_id)
            && p.reset_at_ms > now
        {
            if let Some(limit) = rep.limit {
                tx.learn_limit(lane, rep.window, limit)?;
            }
            continue;
        }
        let (rate_per_ms, agree) = match rep.limit {
            // A documented bucket refills at its limit per window: no evidence needed.
            Some(limit) if rep.bucket => (
                Some(limit as f64 / rep.window.span().as_millis() as f64),
                BUCKET_AGREEMENT,
            ),
            _ => bucket_evidence(rep, previous.as_ref()),
        };
        tx.put_report(
            lane,
            rep.window,
            &Report {
                observed_ms: now,
                remaining: rep.remaining,
                reset_at_ms: now + rep.reset.as_millis() as i64,
                event_id: Some(event_id),
                rate_per_ms,
                agree,
            },
        )?;
        if let Some(limit) = rep.limit {
            tx.learn_limit(lane, rep.window, limit)?;
        }
    }
    Ok(())
}

/// What a report says about how its window counts. Under a token bucket (OpenAI's documented
/// meaning) the reset is the time until full, so (limit − remaining) ÷ reset is the refill
/// rate, the same in every report. Under a fixed window or a sliding log it is not: the reset
/// runs down with the clock while the used part grows, so the implied rate climbs by at least
/// the share one more request adds (more than 5% while a window holds fewer than 20 uses).
/// A sliding log in a steady state can look like a bucket (one use leaves as one enters), so
/// only reports whose used part changed by a fifth or more count as evidence. Three such
/// reports in a row agreeing within 5% mark the window as a bucket (see `report_wait`); a 429
/// on the lane forgets it.
fn bucket_evidence(
    rep: &crate::llm::headers::WindowReport,
    previous: Option<&Report>,
) -> (Option<f64>, u32) {
    let (Some(limit), reset) = (rep.limit, rep.reset.as_millis() as f64) else {
        return (None, 0);
    };
    let missing = limit.saturating_sub(rep.remaining) as f64;
    if missing < 1.0 || reset < 1.0 {
        // A full bucket or an empty window says nothing about the rate: keep what was known.
        return previous.map_or((None, 0), |p| (p.rate_per_ms, p.agree));
    }
    let rate = missing / reset;
    let Some(prev) = previous else {
        return (Some(rate), 0);
    };
    // Only a report whose used part differs clearly from the last one's tells a bucket (whose
    // reset grows with it) from a sliding log in a steady state (whose reset does not).
    let prev_missing = limit.saturating_sub(prev.remaining) as f64;
    if prev_missing >= 1.0 && (missing / prev_missing - 1.0).abs() < 0.2 {
        return (prev.rate_per_ms.or(Some(rate)), prev.agree);
    }
    let agree = match prev.rate_per_ms {
        Some(p) if (rate / p - 1.0).abs() <= 0.05 => prev.agree + 1,
        _ => 0,
    };
    (Some(rate), agree)
}

/// Whether a request sent at `sent_at` went after `report`'s reset, on a window not known to be
/// a bucket: a fixed window was whole again then, and only a sliding log still counted older
/// uses.
fn passed(report: &Report, sent_at: i64) -> bool {
    report.bucket_rate().is_none() && report.reset_at_ms <= sent_at
}

/// Whether a report shows its window to be a sliding log: its request went after the last
/// report's reset, yet the provider counts clearly more (a twentieth of the limit) than all
/// that was sent since that reset. A fixed window counts only those, a bucket full at its reset
/// at most those; what a sliding log still counts is older, the uses it has not let go yet.
fn slides_past_reset(
    tx: &Tx<'_>,
    lane: &str,
    sent_at: i64,
    rep: &crate::llm::headers::WindowReport,
    previous: Option<&Report>,
) -> Result<bool> {
    let (Some(limit), Some(prev)) = (rep.limit, previous) else {
        return Ok(false);
    };
    if !passed(prev, sent_at) {
        return Ok(false);
    }
    let since = tx.events_since(lane, prev.reset_at_ms - ARRIVAL_MARGIN_MS)?;
    let ours: u64 = since
        .iter()
        .map(|e| if rep.window.counts_tokens() { e.1 } else { 1 })
        .sum();
    Ok(limit.saturating_sub(rep.remaining) > ours + limit / 20)
}

enum Decision {
    Go(i64, usize, u64),
    Wait(i64),
    TooLarge(u64),
}

/// The limits a lane is held to. keys.toml's are ceilings: a provider's report (learned) may
/// lower one, never raise it. Left unsaid by both: Groq's free-tier defaults on Groq's own host
/// only; any other host (a local Ollama, a gateway) gets no invented limit.
pub(crate) fn effective_limits(
    configured: Limits,
    learned: &[Option<u64>; 4],
    base_url: &str,
) -> Limits {
    let learned = Limits {
        rpm: learned[0],
        rpd: learned[1],
        tpm: learned[2],
        tpd: learned[3],
    };
    let ceiling = |c: Option<u64>, l: Option<u64>| match (c, l) {
        (Some(c), Some(l)) => Some(c.min(l)),
        (c, l) => c.or(l),
    };
    let known = Limits {
        rpm: ceiling(configured.rpm, learned.rpm),
        rpd: ceiling(configured.rpd, learned.rpd),
        tpm: ceiling(configured.tpm, learned.tpm),
        tpd: ceiling(configured.tpd, learned.tpd),
    };
    let defaults = if crate::config::has_groq_free_tier(base_url) {
        Limits::GROQ_FREE
    } else {
        Limits::default()
    };
    known.or(defaults)
}

fn limit_of(l: &Limits, w: Window) -> Option<u64> {
    match w {
        Window::Rpm => l.rpm,
        Window::Rpd => l.rpd,
        Window::Tpm => l.tpm,
        Window::Tpd => l.tpd,
    }
}

/// How soon to look again while a probe after a reset is on the wire (its answer wakes the
/// driver sooner).
const PROBE_RECHECK_MS: i64 = 250;

/// Milliseconds until a report's window can take `want` (what was spent since, plus this
/// request). A token bucket refills as time passes, so its wait is until enough has dripped
/// back in; any other window frees at its reset.
///
/// The refill is counted from the answer, not from when the request was sent, though a
/// provider that counts at arrival reports the bucket as of a round trip earlier: crediting
/// that round trip's refill is right for such a provider but over by as much for one that
/// reports as it answers, a 429 when nothing else is on the wire. Headers do not say which.
fn report_wait(rep: &Report, want: u64, now: i64) -> i64 {
    let until_reset = rep.reset_at_ms - now;
    let Some(rate) = rep.bucket_rate() else {
        return until_reset;
    };
    let short = want.saturating_sub(rep.remaining) as f64;
    let refilled_at = rep.observed_ms + (short / rate).ceil() as i64;
    (refilled_at - now).clamp(0, until_reset.max(0))
}

/// Tokens one window of a lane can take now (see `Pool::room_at`): the report's word while it
/// holds (a learned bucket's always, with what dripped back since), checked against a
/// keys.toml ceiling over the rolling window as `lane_wait` does; else the limit less our own
/// use over the rolling window.
fn window_room(
    tx: &Tx<'_>,
    lane: &str,
    w: Window,
    (limits, ceilings, logs): Bounds<'_>,
    now: i64,
) -> Result<u64> {
    let report = tx.report(lane, w)?;
    let rate = report.and_then(|r| r.bucket_rate());
    let holds = report.filter(|r| r.reset_at_ms > now || rate.is_some());
    let mut room = u64::MAX;
    if let Some(rep) = holds {
        let (_, spent) = tx.spent_after(lane, &rep)?;
        let dripped = rate.map_or(0.0, |r| r * (now - rep.observed_ms).max(0) as f64);
        let full = limit_of(limits, w).map_or(f64::MAX, |l| l as f64);
        let had = (rep.remaining as f64 + dripped).min(full) as u64;
        room = had.saturating_sub(spent);
    }
    let limit = match holds {
        Some(_) => limit_of(ceilings, w),
        None => limit_of(limits, w),
    };
    if let Some(limit) = limit {
        let used = if let Some(missing) = own_bucket(tx, lane, w, report, now)? {
            missing
        } else {
            let since = own_count_from(w, holds, report, logs.get(&w).copied(), now);
            tx.events_since(lane, since)?.iter().map(|e| e.1).sum()
        };
        room = room.min(limit.saturating_sub(used));
    }
    Ok(room)
}

/// How much longer than its window one of our uses may still count at the provider: it stamps a
/// request when it arrives, a moment after we reserved it.
const ARRIVAL_MARGIN_MS: i64 = 1_000;

/// Where our own count of a window starts for `window_room`. While a report holds, a ceiling is
/// counted over the whole rolling window. Past a bucket's reset, or a daily window's, the window
/// starts afresh then. Past a per-minute window's reset, what a sliding log would still take:
/// our own use over the whole window (the log's own length once known, `log_ms`), each use
/// counted until the provider surely let it go.
fn own_count_from(
    w: Window,
    holds: Option<Report>,
    report: Option<Report>,
    log_ms: Option<i64>,
    now: i64,
) -> i64 {
    let span_start = now - w.span().as_millis() as i64;
    match (holds, report) {
        (None, Some(r)) if r.bucket_rate().is_some() || w.is_daily() => {
            r.reset_at_ms.max(span_start)
        }
        (None, Some(r)) => match log_ms {
            Some(len) => log_count(len, r.reset_at_ms, now, w).0,
            None => span_start - ARRIVAL_MARGIN_MS,
        },
        _ => span_start,
    }
}

/// How much longer than a sliding log of `len` ms our use of it is counted (`ARRIVAL_MARGIN_MS`,
/// less on a log of a few seconds, which a second would hold a fifth longer).
fn arrival_margin(len: i64) -> i64 {
    ARRIVAL_MARGIN_MS.min(len / 20)
}

/// Past the reset (`reset_at`) of a window known to be a sliding log of `len` ms: where our own
/// count of it starts, and how long each use stays in it. Our use over the log's length and a
/// margin; or, if the reset came earlier still (a length learned short), all since the reset,
/// each use for the span, as before the log was known.
fn log_count(len: i64, reset_at: i64, now: i64, w: Window) -> (i64, i64) {
    let span = w.span().as_millis() as i64;
    let len = len + arrival_margin(len);
    let fresh = reset_at.max(now - span);
    if now - len <= fresh {
        (now - len, len)
    } else {
        (fresh, span)
    }
}

/// On a per-minute window learned to be a bucket, what our own use over the last window leaves
/// missing from a bucket refilling at the learned rate: our count of such a window
/// (a ceiling, or past its reset) is a bucket too, which lets more than the limit pass in a
/// rolling window. `None` on any other window.
fn own_bucket(
    tx: &Tx<'_>,
    lane: &str,
    w: Window,
    report: Option<Report>,
    now: i64,
) -> Result<Option<u64>> {
    let Some(rate) = report
        .and_then(|r| r.bucket_rate())
        .filter(|_| !w.is_daily())
    else {
        return Ok(None);
    };
    let span = w.span().as_millis() as i64;
    let (mut missing, mut at) = (0.0f64, now - span);
    for (t, tokens) in tx.events_since(lane, now - span)? {
        let cost = if w.counts_tokens() { tokens } else { 1 };
        missing = (missing - rate * (t - at) as f64).max(0.0) + cost as f64;
        at = t;
    }
    missing = (missing - rate * (now - at).max(0) as f64).max(0.0);
    Ok(Some(missing.ceil() as u64))
}

/// Milliseconds until a lane can take `tokens` (0: now). Cooldowns first; then each window:
/// the provider's report while it holds, our own rolling count otherwise; and whatever the
/// provider says, our own rolling count never passes a limit keys.toml sets (a ceiling).
fn lane_wait(
    tx: &Tx<'_>,
    lane: &str,
    row: &store::LaneRow,
    (limits, ceilings, logs): Bounds<'_>,
    tokens: u64,
    now: i64,
) -> Result<i64> {
    let mut wait = (row.cooldown_until_ms - now)
        .max(row.exhausted_until_ms - now)
        .max(0);
    for w in Window::ALL {
        let need = if w.counts_tokens() { tokens } else { 1 };
        let report = tx.report(lane, w)?;
        let holds = report.filter(|r| r.reset_at_ms > now);
        if let Some(rep) = holds {
            let (n, t) = tx.spent_after(lane, &rep)?;
            let spent = if w.counts_tokens() { t } else { n };
            if rep.remaining < spent + need {
                wait = wait.max(report_wait(&rep, spent + need, now));
            }
        }
        // Past a report's reset, a fixed window is whole again, a bucket full, but a sliding
        // log has freed only its oldest use: until a fresh report says which, one request (a
        // probe) goes, and the rest wait for its answer; so does a request sent since the
        // report (it may have gone just before the reset): its answer brings a fresher one.
        if let Some(rep) = report.filter(|r| r.reset_at_ms <= now && r.bucket_rate().is_none())
            && tx.unsettled_since(lane, rep.observed_ms)? > 0
        {
            wait = wait.max(PROBE_RECHECK_MS);
        }
        let limit = match holds {
            Some(_) => limit_of(ceilings, w),
            None => limit_of(limits, w),
        };
        let Some(limit) = limit else {
            continue;
        };
        if let Some(missing) = own_bucket(tx, lane, w, report, now)? {
            if missing + need > limit {
                let short = (missing + need - limit) as f64;
                let rate = report.and_then(|r| r.bucket_rate()).unwrap_or(f64::MAX);
                wait = wait.max((short / rate).ceil() as i64);
            }
            continue;
        }
        // After a reported reset the window starts afresh at that moment (for limits we only
        // count ourselves), unless it is known to be a sliding log: then our own use over the
        // log's length, each use leaving it a margin later than the provider lets it go. A
        // ceiling is counted over the whole rolling window.
        let span = w.span().as_millis() as i64;
        let (since, length) = match (holds, report, logs.get(&w)) {
            (Some(_), ..) => (now - span, span),
            (None, Some(r), Some(&len)) => log_count(len, r.reset_at_ms, now, w),
            (None, ..) => (
                report.map_or(i64::MIN, |r| r.reset_at_ms).max(now - span),
                span,
            ),
        };
        let events = tx.events_since(lane, since)?;
        let cost = |e: &(i64, u64)| if w.counts_tokens() { e.1 } else { 1 };
        let used: u64 = events.iter().map(cost).sum();
        if used + need <= limit {
            continue;
        }
        // Wait until enough of the oldest events leave the window.
        let mut freed = 0;
        let mut until = now + length;
        for e in &events {
            freed += cost(e);
            if used - freed + need <= limit {
                until = e.0 + length;
                break;
            }
        }
        wait = wait.max(until - now);
    }
    Ok(wait)
}
