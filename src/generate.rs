//! The batch driver: buys questions through the pool, several per request, validating,
//! de-duplicating and banking each one the moment it arrives; retries, waits for capacity,
//! and stops honestly (budgets spent, `--max-wait` passed, interrupted).

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, Instant};

use anyhow::Result;
use rand::Rng;
use tokio::sync::Notify;
use tokio::task::JoinSet;

use crate::bank::{Bank, Provenance, Shelf};
use crate::llm::client::CONNECT_FAILED;
use crate::llm::client::{Answer, Client, Verdict};
use crate::llm::parse::parse_questions;
use crate::llm::prompt::{self, Ask};
use crate::mcq::{Deduper, Mcq, Rules};
use crate::pool::{Admission, Closure, Event, Lane, Pool, Reservation};
use crate::progress::Progress;
use crate::spec::Concurrency;
pub(crate) use crate::spec::{Ending, Settings};

/// Most questions asked for in one request.
pub(crate) const MAX_BATCH: usize = 20;
/// How soon to look again while every lane holds all the requests it takes at once (an
/// answer wakes the loop sooner).
const CAPPED_RECHECK: Duration = Duration::from_millis(250);
/// Questions a request asks for where no lane's per-minute token limit is known.
pub(crate) const DEFAULT_BATCH: usize = 10;

/// Requests in flight per usable lane with `--concurrency auto`. One per lane leaves a lane
/// idle for a round trip after each answer; the pool admits a second one only when the lane's
/// budget has room for both, so this never costs a 429 (see the benchmark in the README).
pub(crate) const AUTO_PER_LANE: usize = 2;

/// 429s in a row with no wait information at all that close a lane for the run.
const BLIND_429_LIMIT: u32 = 3;

/// Longest sleep before the pool is asked again during a wait.
const RECHECK: Duration = Duration::from_secs(1);

/// Set by SIGINT (Ctrl-C), SIGTERM (`timeout`, systemd, `docker stop`) or SIGHUP; every wait
/// in the driver also watches it. The first signal stops buying and lets the run write what it
/// had; a second one exits at once.
#[derive(Clone, Default)]
pub(crate) struct Interrupt {
    inner: Arc<(AtomicU8, Notify)>,
}

impl Interrupt {
    /// The process's one listener, started on first use.
    pub(crate) fn listen() -> Interrupt {
        static GLOBAL: std::sync::OnceLock<Interrupt> = std::sync::OnceLock::new();
        GLOBAL
            .get_or_init(|| {
                let i = Interrupt::default();
                let j = i.clone();
                tokio::spawn(async move { j.watch().await });
                i
            })
            .clone()
    }

    async fn watch(&self) {
        let Some(code) = next_signal().await else {
            return;
        };
        self.inner.0.store(code, Ordering::SeqCst);
        self.inner.1.notify_waiters();
        if let Some(again) = next_signal().await {
            crate::progress::line("quizgen: second signal: exiting at once");
            std::process::exit(i32::from(again));
        }
    }

    /// The exit code of the signal received: 130 (INT), 143 (TERM) or 129 (HUP).
    pub(crate) fn code(&self) -> Option<u8> {
        match self.inner.0.load(Ordering::SeqCst) {
            0 => None,
            c => Some(c),
        }
    }

    /// Returns once interrupted, with the signal's exit code.
    pub(crate) async fn wait(&self) -> u8 {
        loop {
            let notified = self.inner.1.notified();
            if let Some(c) = self.code() {
                return c;
            }
            notified.await;
        }
    }
}

/// Waits for the next SIGINT, SIGTERM or SIGHUP; its exit code, or `None` if none can be heard.
#[cfg(unix)]
async fn next_signal() -> Option<u8> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut term = signal(SignalKind::terminate()).ok()?;
    let mut hup = signal(SignalKind::hangup()).ok()?;
    tokio::select! {
        r = tokio::signal::ctrl_c() => r.ok().map(|()| crate::error::code::INTERRUPTED),
        _ = term.recv() => Some(crate::error::code::TERMINATED),
        _ = hup.recv() => Some(crate::error::code::HUNG_UP),
    }
}

#[cfg(not(unix))]
async fn next_signal() -> Option<u8> {
    tokio::signal::ctrl_c()
        .await
        .ok()
        .map(|()| crate::error::code::INTERRUPTED)
}

/// What a purchase brought: its questions, how it ended, and for the run's summary how many
/// questions were refused (invalid or duplicate) and how long it waited.
#[derive(Debug, Clone)]
pub(crate) struct Purchase {
    pub got: Vec<Mcq>,
    /// The lane that wrote each question of `got` (for choosing who checks it).
    pub lanes: Vec<String>,
    pub ending: Ending,
    pub refused: usize,
    pub waited: Duration,
}

/// A passage of the user's source text, for grounded questions.
#[derive(Debug, Clone)]
pub(crate) struct Chunk {
    pub index: usize,
    pub text: String,
}

/// What to buy.
pub(crate) struct Order<'a> {
    pub subject: &'a str,
    pub count: usize,
    /// What a good question must satisfy (options, and lengths for the output format).
    pub rules: Rules,
    pub difficulty: &'a str,
    pub language: &'a str,
    pub chunks: &'a [Chunk],
    pub source_hash: Option<String>,
    /// Bought for a quiz under way: banked held for it, so no other run takes them (`batch`
    /// stocks the bank: free).
    pub for_quiz: bool,
}

/// Everything a purchase works with.
pub(crate) struct Buyer<'a> {
    pub pool: &'a mut Pool,
    pub client: &'a Client,
    pub bank: Option<&'a Bank>,
    pub shelf: &'a Shelf,
    pub dedupe: &'a mut Deduper,
    pub progress: &'a Progress,
    pub interrupt: &'a Interrupt,
    /// The quiz's place among the quizzes of this process (`serve`): capacity goes to the
    /// first to arrive among those waiting.
    pub place: Option<&'a crate::line::Place>,
    /// Questions the job already had (from the bank), for the progress count.
    pub already: usize,
}

struct InFlight {
    reservation: Reservation,
    /// The prompt's tokens as `prompt::prompt_tokens` estimated them.
    prompt_estimate: u64,
    asked: usize,
    chunk: Option<usize>,
    answer: Answer,
}

struct State {
    /// The retry jitter's source, owned by the run (seeded by `--seed`, for reproducible runs).
    jitter: rand::rngs::StdRng,
    got: Vec<Mcq>,
    got_lanes: Vec<String>,
    asked: usize,
    batch_cap: usize,
    bad_budget: usize,
    /// Transient failures in a row (for the backoff), and connections refused in a row.
    transient_streak: u32,
    connect_streak: u32,
    /// 429s in a row per lane, without a question between them; and of those, the ones in a
    /// row that carried no wait information at all.
    throttle_streak: HashMap<usize, u32>,
    blind_streak: HashMap<usize, u32>,
    not_before: Instant,
    /// The last thing that went wrong, for the closing message.
    last_problem: String,
    /// Set when keeping questions failed (the bank's disk is full); the purchase stops.
    fault: Option<String>,
    /// The fault is the loss of the shared database: what was had is kept in the spool, so
    /// the run ends short (exit 3), not failed.
    fault_lost: bool,
    /// Questions refused (invalid or duplicate).
    refused: usize,
    /// Time spent waiting, of every kind: for capacity, backing off, and on answers that
    /// brought no new question (failures, timeouts, 429s). `--max-wait` bounds its total.
    waited: Duration,
    /// Reservations of the requests in flight, by event id, so that abandoned ones are settled.
    on_wire: HashMap<i64, Reservation>,
    /// Lanes found to take only so many requests at once (a concurrency limit), and how many.
    lane_cap: HashMap<usize, usize>,
    chunk_turn: usize,
    avoid: Vec<String>,
    sizing: HashMap<String, prompt::Sizing>,
    warned: Vec<String>,
}

impl State {
    fn new(order: &Order<'_>, seed: Option<u64>) -> State {
        State {
            jitter: crate::mcq::rng_from(seed),
            got: Vec::new(),
            got_lanes: Vec::new(),
            asked: 0,
            batch_cap: MAX_BATCH,
            bad_budget: 3 + order.count / 10,
            transient_streak: 0,
            connect_streak: 0,
            throttle_streak: HashMap::new(),
            blind_streak: HashMap::new(),
            not_before: Instant::now(),
            last_problem: String::new(),
            fault: None,
            fault_lost: false,
            refused: 0,
            waited: Duration::ZERO,
            on_wire: HashMap::new(),
            lane_cap: HashMap::new(),
            chunk_turn: 0,
            avoid: Vec::new(),
            sizing: HashMap::new(),
            warned: Vec::new(),
        }
    }

    /// What is left of `--max-wait` before the purchase gives up.
    fn patience(&self, settings: Settings) -> Duration {
        settings.max_wait.saturating_sub(self.waited)
    }

    fn out_of_patience(&self, settings: Settings) -> Ending {
        let why = if self.last_problem.is_empty() {
            String::new()
        } else {
            format!(" (last: {})", self.last_problem)
        };
        Ending::Short(format!(
            "waited {} in all, the whole of --max-wait{why}",
            short_duration(settings.max_wait)
        ))
    }
}

impl Buyer<'_> {
    /// Buys up to `order.count` new questions. Every one is banked as soon as it is validated.
    /// Never fails: whatever goes wrong ends the purchase with what it had, after the requests
    /// still in flight have been awaited (`settings.drain` at most when interrupted) and banked.
    pub(crate) async fn buy(&mut self, order: &Order<'_>, settings: Settings) -> Purchase {
        let mut st = State::new(order, settings.seed);
        self.pool.set_wait_cap(settings.max_wait);
        let mut set: JoinSet<InFlight> = JoinSet::new();
        let ending = match self.learn_sizing(&mut st) {
            Ok(()) => self.run(order, settings, &mut st, &mut set).await,
            Err(e) => Err(e),
        };
        let ending = ending.unwrap_or_else(|e| fault_ending(&e));
        if let Some(p) = self.place {
            p.stand(None);
        }
        let grace = if matches!(ending, Ending::Interrupted(_)) {
            settings.drain.min(settings.effective_timeout())
        } else {
            settings.effective_timeout()
        };
        self.drain(order, settings, &mut st, &mut set, grace).await;
        for w in self.pool.take_warnings() {
            self.progress.warn(&w);
        }
        let ending = match st.fault.take() {
            Some(f) if st.fault_lost && !matches!(ending, Ending::Interrupted(_)) => {
                Ending::Short(f)
            }
            Some(f) if !matches!(ending, Ending::Interrupted(_)) => Ending::Failed(f),
            _ => ending,
        };
        Purchase {
            got: st.got,
            lanes: st.got_lanes,
            ending,
            refused: st.refused,
            waited: st.waited,
        }
    }

    fn learn_sizing(&mut self, st: &mut State) -> Result<()> {
        for lane in self.pool.lanes.clone() {
            let measured = self.pool.tokens_per_question(&lane.model)?;
            st.sizing.insert(
                lane.model.clone(),
                prompt::Sizing::for_model(&lane.model, measured),
            );
        }
        Ok(())
    }

    /// The purchase loop: send while there is room, take answers as they come, wait for the
    /// soonest capacity, and stop when done, out of patience, closed or interrupted.
    async fn run(
        &mut self,
        order: &Order<'_>,
        settings: Settings,
        st: &mut State,
        set: &mut JoinSet<InFlight>,
    ) -> Result<Ending> {
        let conc = match settings.concurrency {
            Concurrency::Fixed(n) => n,
            Concurrency::Auto => self.pool.usable_lanes().len().max(1) * AUTO_PER_LANE,
        };
        loop {
            if st.got.len() >= order.count {
                return Ok(Ending::Done);
            }
            // A stop asked for before this round (a server's SIGTERM reaching a quiz that was
            // waiting its turn) sends nothing more.
            if let Some(code) = self.interrupt.code() {
                return Ok(Ending::Interrupted(code));
            }
            if st.fault.is_some() {
                return Ok(Ending::Done);
            }
            let patience = st.patience(settings);
            if patience.is_zero() {
                return Ok(st.out_of_patience(settings));
            }
            let mut wait_for = None;
            while set.len() < conc
                && st.got.len() + st.asked < order.count
                && Instant::now() >= st.not_before
            {
                match self.send_one(order, st, set)? {
                    Sent::Yes | Sent::Shrunk => {}
                    Sent::Wait(d) => {
                        wait_for = Some(d);
                        break;
                    }
                    Sent::Closed(why) if set.is_empty() => return Ok(Ending::Closed(why)),
                    Sent::Closed(_) => break,
                    Sent::Short(why) => return Ok(Ending::Short(why)),
                }
            }
            if let Some(p) = self.place {
                p.stand(wait_for.map(|d| Instant::now() + d));
            }
            if let Some(d) = wait_for.filter(|d| *d > patience)
                && set.is_empty()
            {
                return Ok(Ending::Short(format!(
                    "capacity returns in {} (at {}), beyond --max-wait {}",
                    short_duration(d),
                    clock_after(d),
                    short_duration(settings.max_wait)
                )));
            }
            if let Some(d) = wait_for
                && set.is_empty()
            {
                self.progress
                    .waiting(self.already + st.got.len(), d, "the soonest lane");
            }
            // Look again at least every second: another process's answer may bring a report
            // that frees capacity sooner than our own counting expects.
            let backoff = st.not_before.saturating_duration_since(Instant::now());
            let timer = match (wait_for, set.is_empty()) {
                (Some(d), _) => d.min(RECHECK),
                (None, true) => backoff.max(Duration::from_millis(10)),
                (None, false) => Duration::from_secs(3600),
            }
            .min(patience);
            // Time in this round counts as waiting unless it brought a new question.
            let (started, had) = (Instant::now(), st.got.len());
            tokio::select! {
                joined = set.join_next(), if !set.is_empty() => {
                    if let Some(Ok(done)) = joined
                        && let Some(end) = self.take_answer(order, settings, st, done)?
                    {
                        return Ok(end);
                    }
                    // Every answer already back is read before the next request goes: a 429
                    // that came with this 200 must stop the request the 200 would free.
                    while let Some(Ok(done)) = set.try_join_next() {
                        if let Some(end) = self.take_answer(order, settings, st, done)? {
                            return Ok(end);
                        }
                    }
                }
                () = tokio::time::sleep(timer) => {}
                code = self.interrupt.wait() => return Ok(Ending::Interrupted(code)),
            }
            if st.got.len() == had {
                st.waited += started.elapsed();
            }
        }
    }

    /// Awaits the requests still in flight (up to `grace`) and keeps what they bring: they
    /// are paid for. What has not come by then is given up.
    async fn drain(
        &mut self,
        order: &Order<'_>,
        settings: Settings,
        st: &mut State,
        set: &mut JoinSet<InFlight>,
        grace: Duration,
    ) {
        if set.is_empty() {
            return;
        }
        self.progress.detail(&format!(
            "waiting up to {} for {} answer(s) still on the wire",
            short_duration(grace),
            set.len()
        ));
        let deadline = tokio::time::Instant::now() + grace;
        while !set.is_empty() {
            match tokio::time::timeout_at(deadline, set.join_next()).await {
                Ok(Some(Ok(done))) => {
                    if let Err(e) = self.take_answer(order, settings, st, done) {
                        st.set_fault(&e);
                    }
                }
                Ok(Some(Err(_))) => {}
                Ok(None) | Err(_) => break,
            }
        }
        set.abort_all();
        // Given up on: counted as sent, since the provider may have charged them.
        let abandoned: Vec<Reservation> = st.on_wire.drain().map(|(_, r)| r).collect();
        for r in abandoned {
            if let Err(e) = self.pool.abandon(&r) {
                st.set_fault(&e);
            }
        }
    }

    /// The batch the next request asks for: the largest whose request (prompt plus completion
    /// room) takes at most a third of the smallest known per-minute token limit among the usable
    /// lanes, so that a minute still holds several requests and `--concurrency auto` keeps two
    /// in flight; larger batches spread the prompt over more questions. With no limit known,
    /// `DEFAULT_BATCH`. Where no lane has room for it now, it is made to fit the room a lane
    /// has left (`room_batch`).
    fn fitting_batch(&mut self, order: &Order<'_>, st: &State) -> Result<usize> {
        let limits = self.pool.token_limits()?;
        let mut best = MAX_BATCH;
        let mut known = false;
        for (model, tpm) in limits {
            let Some(tpm) = tpm else { continue };
            known = true;
            let cost = batch_cost(order, st, &model);
            let fits = (1..=MAX_BATCH)
                .rev()
                .find(|&n| 3 * cost(n) <= tpm)
                .unwrap_or(1);
            best = best.min(fits);
        }
        if !known {
            return Ok(DEFAULT_BATCH);
        }
        self.room_batch(order, st, best)
    }

    /// `full` if some lane has room for it now. Else the largest batch that fits the room an
    /// idle lane (nothing of ours on the wire, so its room is what the provider counts: the
    /// answers' real use, not their reservations) has left in its windows, when that is at
    /// least half of `full`: the end of a window that a full request's reservation no longer
    /// fits is used, not left empty. A bucket keeps what is not used, so its room is waited
    /// for. Else `full`, which waits for its room.
    fn room_batch(&mut self, order: &Order<'_>, st: &State, full: usize) -> Result<usize> {
        let mut best = 0;
        for lane in self.pool.usable_lanes() {
            let model = self.pool.lanes[lane].model.clone();
            let cost = batch_cost(order, st, &model);
            let room = self.pool.room(lane)?;
            if cost(full) <= room {
                return Ok(full);
            }
            if !st.on_wire.values().any(|r| r.lane == lane) && !self.pool.keeps_unused(lane)? {
                let fits = (1..full).rev().find(|&n| cost(n) <= room).unwrap_or(0);
                best = best.max(fits);
            }
        }
        Ok(if best >= full.div_ceil(2) { best } else { full })
    }

    /// Reserves capacity for the next batch and sends it.
    fn send_one(
        &mut self,
        order: &Order<'_>,
        st: &mut State,
        set: &mut JoinSet<InFlight>,
    ) -> Result<Sent> {
        // With a source text, each request asks about one chunk, and the questions are spread
        // evenly over the chunks.
        let per_chunk = order.count.div_ceil(order.chunks.len().max(1));
        let n = st
            .batch_cap
            .min(self.fitting_batch(order, st)?)
            .min(per_chunk)
            .min(order.count - st.got.len() - st.asked);
        let chunk = (!order.chunks.is_empty()).then(|| st.chunk_turn % order.chunks.len());
        let ask = ask_of(order, st, n, chunk.map(|c| order.chunks[c].text.as_str()));
        let size = |model: &str| st.size_of(model);
        let prompt_cost = |model: &str| size(model).prompt_cost(prompt::prompt_tokens(&ask, model));
        let cost = |model: &str| prompt_cost(model) + size(model).budget(n);
        let full = |l: usize| {
            st.lane_cap
                .get(&l)
                .is_some_and(|&cap| st.on_wire.values().filter(|r| r.lane == l).count() >= cap)
        };
        if self.pool.usable_lanes().into_iter().all(full) && !st.on_wire.is_empty() {
            // Every lane holds as many requests as it takes at once: the next answer frees one.
            return Ok(Sent::Wait(CAPPED_RECHECK));
        }
        // A quiz that came before this one waits for capacity: it goes first. Its wait is
        // not this quiz's (it may need more room), so look again soon, whatever it is.
        if let Some(d) = self.place.and_then(|p| p.ahead(Instant::now())) {
            return Ok(Sent::Wait(d.clamp(CAPPED_RECHECK, RECHECK)));
        }
        match self.pool.reserve_where(&cost, &|l| !full(l))? {
            Admission::Go(r) => {
                let lane = self.pool.lanes[r.lane].clone();
                let key = self.pool.keys[r.key].1.clone();
                let prompt_estimate = prompt::prompt_tokens(&ask, &lane.model);
                let max_tokens = r.tokens.saturating_sub(prompt_cost(&lane.model));
                let body =
                    prompt::request_body(&lane.model, &ask, max_tokens, self.pool.shape(r.lane));
                self.progress.update(
                    self.already + st.got.len(),
                    &format!("{} {} · key {}", lane.provider, lane.model, key.masked),
                );
                self.progress.detail(&format!(
                    "asking {n} on {} with key {} ({} tokens reserved)",
                    lane.id, key.masked, r.tokens
                ));
                let client = self.client.clone();
                st.on_wire.insert(r.event_id, r.clone());
                set.spawn(async move {
                    let answer = client.chat(&lane.base_url, &key, lane.dialect, &body).await;
                    InFlight {
                        reservation: r,
                        prompt_estimate,
                        asked: n,
                        chunk,
                        answer,
                    }
                });
                st.asked += n;
                st.chunk_turn += 1;
                Ok(Sent::Yes)
            }
            Admission::Wait(d) => Ok(Sent::Wait(d)),
            Admission::Closed(why) => Ok(Sent::Closed(why)),
            Admission::Spent(why) => Ok(Sent::Short(why)),
            Admission::TooLarge { max_tokens } => {
                if st.batch_cap > 1 {
                    st.batch_cap = (st.batch_cap / 2).max(1);
                    self.progress.detail(&format!(
                        "request too large for a {max_tokens}-token minute; batches of {} now",
                        st.batch_cap
                    ));
                    Ok(Sent::Shrunk)
                } else {
                    Ok(Sent::Short(format!(
                        "even one question does not fit the per-minute token limit of any lane ({max_tokens} tokens); \
                         raise limits.tpm in the keys file or use a smaller source text"
                    )))
                }
            }
        }
    }

    /// Deals with one answer. `Some(ending)` stops the purchase.
    fn take_answer(
        &mut self,
        order: &Order<'_>,
        settings: Settings,
        st: &mut State,
        done: InFlight,
    ) -> Result<Option<Ending>> {
        st.asked -= done.asked;
        st.on_wire.remove(&done.reservation.event_id);
        let lane_i = done.reservation.lane;
        let lane = self.pool.lanes[lane_i].clone();
        for note in &done.answer.notes {
            self.progress.detail(&format!("{}: {note}", lane.id));
        }
        if !matches!(done.answer.verdict, Verdict::Transient { .. }) {
            st.connect_streak = 0;
        }
        if !matches!(done.answer.verdict, Verdict::Throttled { .. }) {
            st.throttle_streak.remove(&lane_i);
            st.blind_streak.remove(&lane_i);
        }
        match &done.answer.verdict {
            Verdict::Ok {
                content,
                finish_reason,
                usage,
            } => {
                st.transient_streak = 0;
                return self.take_questions(
                    order,
                    st,
                    &done,
                    &lane,
                    content,
                    finish_reason,
                    *usage,
                );
            }
            Verdict::BadOutput { reason } | Verdict::NotApi { reason } => {
                self.pool.settle(&done.reservation, &done.answer, 0, 0)?;
                self.progress
                    .detail(&format!("{}: {reason}; asking again", lane.model));
                st.last_problem.clone_from(reason);
                return Ok(self.spend_bad_budget(st));
            }
            Verdict::Transient { reason } => {
                self.pool.settle(&done.reservation, &done.answer, 0, 0)?;
                return Ok(self.back_off(settings, st, &lane, reason));
            }
            Verdict::TooLarge { message, .. } => {
                self.pool.settle(&done.reservation, &done.answer, 0, 0)?;
                if st.batch_cap == 1 {
                    return Ok(Some(Ending::Short(format!(
                        "request too large even for one question: {message}"
                    ))));
                }
                st.batch_cap = (st.batch_cap / 2).max(1);
                self.progress.detail(&format!(
                    "413 from {}: batches of {} now",
                    lane.id, st.batch_cap
                ));
            }
            Verdict::Throttled { wait, .. } => {
                // A 429 with no word on when, while other requests of the lane are on the
                // wire, is a concurrency limit (DeepInfra's): the lane cools down and sends
                // again when those are back, and this is not counted as a blind throttle.
                let crowded = st.on_wire.values().any(|r| r.lane == lane_i);
                let unexplained = wait.is_none() && done.answer.reports.is_empty();
                let blind = unexplained && !crowded;
                if crowded && unexplained {
                    let cap = st.on_wire.values().filter(|r| r.lane == lane_i).count();
                    let cap = st.lane_cap.get(&lane_i).map_or(cap, |&c| c.min(cap)).max(1);
                    st.lane_cap.insert(lane_i, cap);
                    self.progress.detail(&format!(
                        "429 on {} with requests still on the wire: taken as a concurrency limit, at most {cap} at once now",
                        lane.id
                    ));
                }
                let event = self.pool.settle(&done.reservation, &done.answer, 0, 0)?;
                if let Some(e) = event {
                    self.report(st, &e);
                }
                self.count_throttle(settings, st, lane_i, blind);
            }
            Verdict::DeadKey { .. }
            | Verdict::QuotaSpent { .. }
            | Verdict::ParamRefused { .. }
            | Verdict::DeadModel { .. }
            | Verdict::Redirected { .. } => {
                let event = self.pool.settle(&done.reservation, &done.answer, 0, 0)?;
                if let Some(e) = event {
                    self.report(st, &e);
                }
            }
        }
        Ok(None)
    }

    /// A good answer: keep its questions, settle its cost, learn how large answers are.
    #[allow(clippy::too_many_arguments)]
    fn take_questions(
        &mut self,
        order: &Order<'_>,
        st: &mut State,
        done: &InFlight,
        lane: &Lane,
        content: &str,
        finish_reason: &str,
        usage: Option<crate::llm::client::Usage>,
    ) -> Result<Option<Ending>> {
        let parsed = parse_questions(content, order.rules);
        st.refused += parsed.rejected.len();
        let written = parsed.good.len() + parsed.rejected.len();
        let why = if parsed.unreadable {
            "no JSON in the answer".to_owned()
        } else {
            format!("{} refused by the validator", parsed.rejected.len())
        };
        let new = self.keep(order, st, lane, done.chunk, parsed.good);
        let content_tokens =
            usage.map_or_else(|| prompt::estimate_tokens(content), |u| u.content_tokens());
        self.pool
            .settle(&done.reservation, &done.answer, new, content_tokens)?;
        let reasoning = usage
            .and_then(|u| u.completion_tokens_details)
            .map_or(0, |d| d.reasoning_tokens);
        let size = st
            .sizing
            .entry(lane.model.clone())
            .or_insert_with(|| prompt::Sizing::for_model(&lane.model, None));
        size.learn(
            finish_reason == "length",
            content_tokens,
            reasoning,
            written,
        );
        if let Some(u) = usage {
            size.learn_prompt(done.prompt_estimate, u.prompt_tokens);
        }
        if finish_reason == "length" {
            self.progress.detail(&format!(
                "{} ran out of tokens; asking with more room",
                lane.model
            ));
        }
        if new == 0 {
            self.progress.detail(&format!(
                "{} gave no usable new question ({why})",
                lane.model
            ));
            st.last_problem = format!("{}: {why}", lane.model);
            return Ok(self.spend_bad_budget(st));
        }
        let fresh = st
            .got
            .len()
            .saturating_sub(usize::try_from(new).unwrap_or(usize::MAX));
        self.progress.arrived(&st.got[fresh..]);
        self.progress.update(
            self.already + st.got.len(),
            &format!("{} {}", lane.provider, lane.model),
        );
        Ok(None)
    }

    /// A 5xx, a timeout or a refused connection: try again after a growing, jittered pause.
    /// Only a network that cannot be reached at all, `--retries` times in a row, ends the
    /// purchase; any other transient failure is retried while `--max-wait` allows.
    fn back_off(
        &self,
        settings: Settings,
        st: &mut State,
        lane: &Lane,
        reason: &str,
    ) -> Option<Ending> {
        st.transient_streak += 1;
        st.last_problem = format!("{}: {reason}", lane.id);
        if reason == CONNECT_FAILED {
            st.connect_streak += 1;
            if st.connect_streak >= settings.retries {
                return Some(Ending::Unreachable(format!(
                    "the provider could not be reached ({reason}) after {} attempts",
                    settings.retries
                )));
            }
        }
        let cap = (0.5 * 2f64.powi(st.transient_streak.min(8) as i32)).min(8.0);
        let pause = Duration::from_secs_f64(st.jitter.random_range(0.0..cap));
        self.progress.detail(&format!(
            "{}: {reason}; retrying in {:.1}s",
            lane.id,
            pause.as_secs_f64()
        ));
        st.not_before = st.not_before.max(Instant::now() + pause);
        None
    }

    /// A lane that answers 429 again and again without a question is closed for the run:
    /// after `--max-429` of them, or after 3 that said nothing about when to come back.
    fn count_throttle(&mut self, settings: Settings, st: &mut State, lane: usize, blind: bool) {
        let n = st.throttle_streak.entry(lane).or_insert(0);
        *n += 1;
        let b = st.blind_streak.entry(lane).or_insert(0);
        *b = if blind { *b + 1 } else { 0 };
        let id = &self.pool.lanes[lane].id;
        st.last_problem = format!("{id}: 429 {} times in a row", *n);
        let why = if *n >= settings.max_throttles {
            Some(format!(
                "{id} answered 429 {} times in a row without a question; closed for this run",
                *n
            ))
        } else if *b >= BLIND_429_LIMIT {
            Some(format!(
                "{id} answered 429 {} times in a row with no word on when to come back (no retry-after, no rate-limit headers); closed for this run",
                *b
            ))
        } else {
            None
        };
        if let Some(why) = why {
            self.progress.warn(&why);
            self.pool.close_for_run(lane, Closure::Throttled(why));
        }
    }

    /// Keeps the new, non-duplicate questions of an answer: each is banked at once, even past
    /// the count (it was paid for; a later quiz takes it). A bank that cannot take more (a full
    /// disk) stops the purchase, but the questions in hand are kept. Returns how many were new.
    fn keep(
        &mut self,
        order: &Order<'_>,
        st: &mut State,
        lane: &Lane,
        chunk: Option<usize>,
        good: Vec<Mcq>,
    ) -> u64 {
        let mut new = 0;
        for mut q in good {
            q.source = Some(match chunk {
                Some(c) => format!(
                    "{}/{} (chunk {})",
                    lane.provider,
                    lane.model,
                    order.chunks[c].index + 1
                ),
                None => format!("{}/{}", lane.provider, lane.model),
            });
            if order.difficulty != "mixed" || q.difficulty.is_none() {
                q.difficulty = Some(order.difficulty.to_owned());
            }
            if !self.dedupe.admit(&q) {
                st.refused += 1;
                continue;
            }
            let q = crate::bank::with_id(q);
            // Once the shared database is lost, the bank keeps each question in the spool.
            if let Some(bank) = self.bank.filter(|_| st.fault.is_none() || st.fault_lost) {
                let from = Provenance {
                    provider: Some(lane.provider.clone()),
                    model: Some(lane.model.clone()),
                    lane: Some(lane.id.clone()),
                    source_hash: order.source_hash.clone(),
                    chunk: chunk.map(|c| order.chunks[c].index),
                };
                // Questions past the count are banked for later runs.
                let inserted = if order.for_quiz && st.got.len() < order.count {
                    bank.insert_held(self.shelf, order.subject, &q, &from)
                } else {
                    bank.insert(self.shelf, order.subject, &q, &from)
                };
                if let Err(e) = inserted {
                    st.set_fault(&e);
                }
            }
            new += 1;
            if st.got.len() < order.count {
                st.avoid.push(q.answer().to_owned());
                st.got.push(q);
                st.got_lanes.push(lane.id.clone());
            }
        }
        new
    }

    fn spend_bad_budget(&self, st: &mut State) -> Option<Ending> {
        st.bad_budget = st.bad_budget.saturating_sub(1);
        (st.bad_budget == 0).then(|| {
            Ending::Short(format!(
                "the models kept returning unusable or repeated questions (last: {})",
                st.last_problem
            ))
        })
    }

    fn report(&self, st: &mut State, e: &Event) {
        let msg = match e {
            Event::KeyDied {
                masked,
                provider,
                message,
            } => {
                format!(
                    "key {masked} of {provider} is invalid ({message}); it will not be used again"
                )
            }
            Event::QuotaSpent {
                masked,
                provider,
                message,
                credit_at,
            } => format!(
                "key {masked} of {provider} has no credit left ({message}); waiting will not help: add credit at {credit_at} or remove the key; it will not be used again"
            ),
            Event::ParamRefused {
                provider,
                model,
                param,
                message,
                adapted,
            } => {
                if *adapted {
                    self.progress.detail(&format!(
                        "{provider} {model} refuses `{param}` ({message}); asking again without it"
                    ));
                    return;
                }
                format!(
                    "{provider} {model} refuses the parameter `{param}` in every form quizgen can send ({message}); the model is not used for the rest of this run"
                )
            }
            Event::ModelDied {
                provider,
                model,
                message,
            } => format!(
                "model {model} of {provider} is retired or unknown ({message}); dropped: remove it from the keys file"
            ),
            Event::Redirected { provider, target } => format!(
                "{provider} redirects to {target}; quizgen does not follow redirects with your key: put the final address in base_url"
            ),
            Event::Throttled { lane, wait, daily } => {
                self.progress.detail(&format!(
                    "429 on {lane}: {} {}",
                    if *daily {
                        "daily budget spent, back in"
                    } else {
                        "cooling down for"
                    },
                    short_duration(*wait)
                ));
                return;
            }
        };
        if !st.warned.contains(&msg) {
            self.progress.warn(&msg);
            st.warned.push(msg);
        }
    }
}

enum Sent {
    Yes,
    /// Nothing sent: the batch was made smaller, try again.
    Shrunk,
    Wait(Duration),
    Closed(String),
    Short(String),
}

/// The message of a fault of ours, saying plainly when the disk is full.
fn fault_message(e: &anyhow::Error) -> String {
    let msg = crate::error::one_line(e);
    if crate::datadir::is_disk_full(e) && !msg.contains("no space left") {
        format!("{msg} (no space left on device)")
    } else {
        msg
    }
}

/// How a fault ends a purchase or a check: short (exit 3) when the shared database was lost,
/// since what was had is kept; failed (exit 1) otherwise.
pub(crate) fn fault_ending(e: &anyhow::Error) -> Ending {
    if crate::db::is_lost(e) {
        Ending::Short(fault_message(e))
    } else {
        Ending::Failed(fault_message(e))
    }
}

impl State {
    /// How requests to `model` are sized: as measured this run, else its defaults.
    fn size_of(&self, model: &str) -> prompt::Sizing {
        self.sizing
            .get(model)
            .copied()
            .unwrap_or_else(|| prompt::Sizing::for_model(model, None))
    }

    /// The first fault stops the purchase; a lost shared database is told apart.
    fn set_fault(&mut self, e: &anyhow::Error) {
        if self.fault.is_none() {
            self.fault = Some(fault_message(e));
            self.fault_lost = crate::db::is_lost(e);
        }
    }
}

/// `1h 2m`, `45s`: a wait as a person reads it.
pub(crate) fn short_duration(d: Duration) -> String {
    let secs = d.as_secs() + u64::from(d.subsec_millis() > 0);
    let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
    match (h, m, s) {
        (0, 0, s) => format!("{s}s"),
        (0, m, 0) => format!("{m}m"),
        (0, m, s) => format!("{m}m{s}s"),
        (h, 0, _) => format!("{h}h"),
        (h, m, _) => format!("{h}h{m}m"),
    }
}

/// The UTC clock time `d` from now, `14:05 UTC`.
pub(crate) fn clock_after(d: Duration) -> String {
    let Some(t) = std::time::SystemTime::now().checked_add(d) else {
        return "a distant time".into();
    };
    let s = humantime::format_rfc3339_seconds(t).to_string();
    format!("{} UTC", s.get(11..16).unwrap_or("?"))
}

/// The tokens a request of `n` questions to `model` reserves (prompt plus completion room), as
/// `Buyer::send_one` counts it, with the longest source chunk.
fn batch_cost<'a>(
    order: &'a Order<'_>,
    st: &'a State,
    model: &'a str,
) -> impl Fn(usize) -> u64 + 'a {
    let size = st.size_of(model);
    let longest = order
        .chunks
        .iter()
        .map(|c| c.text.as_str())
        .max_by_key(|t| t.len());
    move |n| {
        let ask = ask_of(order, st, n, longest);
        size.prompt_cost(prompt::prompt_tokens(&ask, model)) + size.budget(n)
    }
}

/// The request for `n` questions of `order`, about `source` when it has a text.
fn ask_of<'a>(order: &'a Order<'_>, st: &'a State, n: usize, source: Option<&'a str>) -> Ask<'a> {
    Ask {
        subject: order.subject,
        count: n,
        options: order.rules.options,
        difficulty: order.difficulty,
        language: order.language,
        avoid: &st.avoid,
        source,
    }
}
