//! `--verify`: every answer key checked by a second model answering the question blind, on
//! another lane (docs/verification.md). A solve request shows numbered questions with
//! lettered options and no key; a question is kept only when the solver picks its key.
//!
//! The solver is chosen by `pool::Pool::reserve_checking`: another model first, else another
//! organization on the same model, else (with a warning: a weaker check) the writer's own lane.
//! A question the solver left unanswered is solved once more, then refused.

use std::collections::VecDeque;
use std::time::Duration;

use anyhow::Result;

use crate::generate::{Ending, Interrupt, Settings};
use crate::llm::client::{Client, Verdict};
use crate::llm::parse::parse_solution;
use crate::llm::prompt;
use crate::mcq::Mcq;
use crate::pool::{Admission, Pool, Writer};
use crate::progress::Progress;

/// Questions one solve request shows.
const SOLVE_BATCH: usize = 20;
/// Failed solve requests in a row (5xx, timeouts, unreadable answers) that end the checking.
const MAX_FAILURES: u32 = 8;

/// A question waiting for its blind solve.
#[derive(Debug, Clone)]
pub(crate) struct Pending {
    pub q: Mcq,
    pub writer: Writer,
    tries: u8,
}

impl Pending {
    pub(crate) fn new(q: Mcq, writer: Writer) -> Pending {
        Pending {
            q,
            writer,
            tries: 0,
        }
    }
}

/// Who wrote a question: its lane when the run bought it, else what its `source` says
/// (`provider/model`, `bank (provider/model)`, with ` (chunk N)` for a text's chunk).
pub(crate) fn writer_of(q: &Mcq, lane: Option<&str>) -> Writer {
    let source = q.source.as_deref().unwrap_or_default();
    let inner = source
        .strip_prefix("bank (")
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(source);
    let provider_model = inner.split(" (chunk").next().unwrap_or(inner).to_owned();
    Writer {
        provider_model,
        lane: lane.map(str::to_owned),
    }
}

/// A key the solver did not confirm.
#[derive(Debug, Clone)]
pub(crate) struct Refusal {
    pub q: Mcq,
    /// `provider/model` of the solver.
    pub by: String,
    /// The option it chose; `None` when it gave no usable answer twice.
    pub choice: Option<usize>,
}

/// What the checking found.
#[derive(Debug)]
pub(crate) struct Checked {
    /// Confirmed, each with `verified_by` set.
    pub agreed: Vec<Mcq>,
    pub refused: Vec<Refusal>,
    /// Not checked: the run ended first (they are not written).
    pub unchecked: Vec<Mcq>,
    pub ending: Ending,
    pub waited: Duration,
}

/// Sends the blind solves through the pool.
pub(crate) struct Solver<'a> {
    pub pool: &'a mut Pool,
    pub client: &'a Client,
    pub progress: &'a Progress,
    pub interrupt: &'a Interrupt,
    pub settings: Settings,
}

impl Solver<'_> {
    /// Checks every pending question; never fails (an error ends the checking with what it had).
    pub(crate) async fn check(&mut self, pending: Vec<Pending>) -> Checked {
        let mut out = Checked {
            agreed: Vec::new(),
            refused: Vec::new(),
            unchecked: Vec::new(),
            ending: Ending::Done,
            waited: Duration::ZERO,
        };
        let mut queue: VecDeque<Pending> = pending.into();
        if let Err(e) = self.run(&mut queue, &mut out).await {
            out.ending = crate::generate::fault_ending(&e);
        }
        out.unchecked = queue.into_iter().map(|p| p.q).collect();
        out
    }

    async fn run(&mut self, queue: &mut VecDeque<Pending>, out: &mut Checked) -> Result<()> {
        let mut failures = 0u32;
        let mut warned_weak = false;
        while !queue.is_empty() {
            if let Some(code) = self.interrupt.code() {
                out.ending = Ending::Interrupted(code);
                return Ok(());
            }
            let batch = take_batch(queue);
            let shown: Vec<&Mcq> = batch.iter().map(|p| &p.q).collect();
            let prompt_tokens = prompt::solve_prompt_tokens(&shown);
            let cost = |model: &str| prompt_tokens + prompt::solve_budget(model, shown.len());
            let (admission, rank) = self.pool.reserve_checking(&cost, &batch[0].writer)?;
            let r = match admission {
                Admission::Go(r) => r,
                Admission::Wait(d) => {
                    requeue(queue, batch);
                    if out.waited + d > self.settings.max_wait {
                        out.ending = Ending::Short(
                            "no lane could check the answer keys within --max-wait".into(),
                        );
                        return Ok(());
                    }
                    self.progress.waiting(0, d, "a lane to check answer keys");
                    out.waited += d;
                    tokio::select! {
                        () = tokio::time::sleep(d) => {}
                        code = self.interrupt.wait() => {
                            out.ending = Ending::Interrupted(code);
                            return Ok(());
                        }
                    }
                    continue;
                }
                Admission::TooLarge { .. } if batch.len() > 1 => {
                    let (a, b) = batch.split_at(batch.len() / 2);
                    requeue(queue, b.to_vec());
                    requeue(queue, a.to_vec());
                    continue;
                }
                Admission::TooLarge { max_tokens } => {
                    requeue(queue, batch);
                    out.ending = Ending::Short(format!(
                        "a blind solve does not fit any lane's per-minute limit ({max_tokens} tokens)"
                    ));
                    return Ok(());
                }
                Admission::Closed(why) | Admission::Spent(why) => {
                    requeue(queue, batch);
                    out.ending = Ending::Short(format!("the answer keys cannot be checked: {why}"));
                    return Ok(());
                }
            };
            let lane = self.pool.lanes[r.lane].clone();
            let key = self.pool.keys[r.key].1.clone();
            let solver = format!("{}/{}", lane.provider, lane.model);
            if rank == 2 && !warned_weak {
                warned_weak = true;
                self.progress.warn(&format!(
                    "no other model or organization to check the answer keys: {solver} checks its own questions (a weaker check); add a key of another model or organization"
                ));
            }
            let room = r.tokens.saturating_sub(prompt_tokens);
            let body = prompt::solve_body(&lane.model, &shown, room, self.pool.shape(r.lane));
            let answer = self
                .client
                .chat(&lane.base_url, &key, lane.dialect, &body)
                .await;
            let Verdict::Ok { content, usage, .. } = &answer.verdict else {
                self.pool.settle(&r, &answer, 0, 0)?;
                requeue(queue, batch);
                failures += 1;
                if failures >= MAX_FAILURES {
                    out.ending = Ending::Short(format!(
                        "the answer keys could not be checked: {failures} solve requests in a row failed"
                    ));
                    return Ok(());
                }
                tokio::time::sleep(Duration::from_millis(200 * u64::from(failures))).await;
                continue;
            };
            failures = 0;
            let content_tokens =
                usage.map_or_else(|| prompt::estimate_tokens(content), |u| u.content_tokens());
            let options: Vec<&[String]> = batch.iter().map(|p| p.q.options.as_slice()).collect();
            let choices = parse_solution(content, &options);
            self.pool.settle(&r, &answer, 0, content_tokens)?;
            for (mut p, choice) in batch.into_iter().zip(choices) {
                match choice {
                    Some(c) if c == p.q.answer_index => {
                        p.q.verified_by = Some(solver.clone());
                        out.agreed.push(p.q);
                    }
                    None if p.tries == 0 => {
                        p.tries += 1;
                        queue.push_back(p);
                    }
                    choice => {
                        self.progress.detail(&format!(
                            "refused by verification ({solver} chose {}): {}",
                            choice.map_or("nothing".to_owned(), |c| {
                                crate::export::letter(c).to_string()
                            }),
                            crate::export::shortened(&p.q.question, 60)
                        ));
                        out.refused.push(Refusal {
                            q: p.q,
                            by: solver.clone(),
                            choice,
                        });
                    }
                }
            }
        }
        Ok(())
    }
}

/// Up to `SOLVE_BATCH` questions of the first one's writer (one solver lane suits them all).
fn take_batch(queue: &mut VecDeque<Pending>) -> Vec<Pending> {
    let writer = queue[0].writer.clone();
    let mut batch = Vec::new();
    let mut rest = VecDeque::new();
    while let Some(p) = queue.pop_front() {
        if batch.len() < SOLVE_BATCH && p.writer == writer {
            batch.push(p);
        } else {
            rest.push_back(p);
        }
    }
    *queue = rest;
    batch
}

/// Puts questions back at the front, in their order.
fn requeue(queue: &mut VecDeque<Pending>, batch: Vec<Pending>) {
    for p in batch.into_iter().rev() {
        queue.push_front(p);
    }
}
