//! The quiz pipeline, one for every caller (`generate`, `batch`, and `serve` to come): a plan
//! checked once from the flags, worked through bank → providers → offline fallback → balance
//! → write → record. Faults are handled here: whatever goes wrong, what was had is written.

use std::time::Duration;

use anyhow::Result;
use rand::rngs::StdRng;

use crate::bank::{self, Bank, Shelf};
use crate::config::KeysConfig;
use crate::context::Context;
use crate::error::{QuizError, code};
use crate::export::Quiz;
use crate::generate::{Buyer, Chunk, Ending, Interrupt, Order, Purchase, Settings};
use crate::llm::client::Client;
use crate::mcq::{self, Deduper, Mcq};
use crate::offline;
pub(crate) use crate::plan::{Plan, Source};
use crate::pool::Pool;
use crate::progress::Progress;
use crate::spec::BankMode;
use crate::verify;

/// Characters of source text sent per request when questions must come from a file.
const CHUNK_CHARS: usize = 3000;

/// How a quiz came out: what the run's summary line reports.
#[derive(Debug, Clone, Default)]
pub(crate) struct Outcome {
    pub asked: usize,
    pub written: usize,
    pub from_bank: usize,
    pub bought: usize,
    pub refused: usize,
    /// Questions whose key a blind solve did not confirm (`--verify`; `None` without it).
    pub refused_by_verification: Option<usize>,
    pub waited: std::time::Duration,
    pub exit: u8,
    /// The quiz's id in the history, once written and recorded.
    pub history_id: Option<i64>,
    /// Why it came out short or failed, as the closing message said.
    pub message: Option<String>,
}

impl Outcome {
    /// One line for logs: written, from bank, bought, refused, waited, exit code.
    pub(crate) fn summary(&self) -> String {
        let verification = self
            .refused_by_verification
            .map_or_else(String::new, |n| format!(", {n} refused by verification"));
        format!(
            "summary: wrote {} of {}, from bank {}, bought {}, refused {}{verification}, waited {}, exit {}",
            self.written,
            self.asked,
            self.from_bank,
            self.bought,
            self.refused,
            crate::generate::short_duration(self.waited),
            self.exit
        )
    }
}

/// Makes the quiz a plan describes, writes it, records its questions as served, and ends with
/// the summary line.
pub(crate) async fn make(ctx: &Context, plan: &Plan) -> Result<Outcome> {
    let outcome = make_quiet(ctx, plan).await?;
    ctx.info(&outcome.summary());
    Ok(outcome)
}

/// One more question for a quiz a teacher is reviewing, made the way `plan` made the quiz
/// (from the bank and the pool, or offline from its text) and none of `have` (the quiz's
/// questions and those dropped from it). Neither written nor recorded: the caller adds it to
/// the quiz.
pub(crate) async fn one_more(ctx: &Context, plan: &Plan, have: &[Mcq]) -> Result<More> {
    let offline = plan.source.is_some() && keys_for_text(ctx, plan)?.is_none();
    if !offline {
        if let Some(q) = bought_one(ctx, plan).await?
            && !have.iter().any(|h| same_question(h, &q))
        {
            return Ok(More::One(q));
        }
        // Bought questions are new to the bank; one the quiz has came from the text, when no
        // provider could be reached: the text is asked below instead.
        if plan.source.is_none() {
            return Ok(More::NoneNow);
        }
    }
    let Some(source) = &plan.source else {
        return Ok(More::NoneNow);
    };
    // A text's question may come back worded another way: one whose right answer the quiz
    // already asks about (or a teacher dropped) is the same question.
    let known: std::collections::HashSet<String> =
        have.iter().map(|q| mcq::normalise(q.answer())).collect();
    let mut rng = mcq::rng_from(seed_of(plan));
    let qs = offline_questions(source, plan, have.len() + 10, &mut rng);
    Ok(qs
        .into_iter()
        .find(|q| !known.contains(&mcq::normalise(q.answer())))
        .map_or(More::TextExhausted, More::One))
}

/// The same question, whatever its id: the same stem, or the same stem and answer.
fn same_question(a: &Mcq, b: &Mcq) -> bool {
    a.stable_id() == b.stable_id() || mcq::normalise(&a.question) == mcq::normalise(&b.question)
}

/// One question through the quiz's own pipeline (bank, then pool), neither written nor
/// recorded.
async fn bought_one(ctx: &Context, plan: &Plan) -> Result<Option<Mcq>> {
    let buffer = crate::export::Buffer::default();
    let one = Plan {
        count: 1,
        format: crate::export::Format::Json,
        target: crate::export::Target::Memory(buffer.clone()),
        record: false,
        ..plan.clone()
    };
    if make_quiet(ctx, &one).await?.written == 0 {
        return Ok(None);
    }
    let quiz: Quiz = serde_json::from_slice(&buffer.bytes())?;
    Ok(quiz.questions.into_iter().next())
}

/// What asking for one more question gave.
#[derive(Debug)]
pub(crate) enum More {
    One(Mcq),
    /// Made offline, and the text holds no other question that passes every check.
    TextExhausted,
    /// None could be bought now (no room within `--max-wait`, a provider failing, a stop).
    NoneNow,
}

/// The same text and flags give the same quiz: without --seed, the seed comes from them.
fn seed_of(plan: &Plan) -> Option<u64> {
    plan.settings.seed.or_else(|| {
        plan.source.as_ref().map(|s| {
            let origin = s.origin();
            offline::seed_for(&s.text, &offline_ask(plan, plan.count, &origin))
        })
    })
}

/// For a quiz with a text, the keys that may buy its questions; `None` when it is made
/// offline from the text (`--offline`, or no key configured).
fn keys_for_text(ctx: &Context, plan: &Plan) -> Result<Option<KeysConfig>> {
    if plan.offline {
        return Ok(None);
    }
    ctx.keys(plan.keys_file.as_deref())
}

async fn make_quiet(ctx: &Context, plan: &Plan) -> Result<Outcome> {
    let mut rng = mcq::rng_from(seed_of(plan));
    // Keys are looked up once, and only when they may be needed: with a text and none, the
    // quiz is made offline; without a text, only when the bank cannot give it all.
    let mut keys = None;
    if let Some(source) = &plan.source {
        keys = keys_for_text(ctx, plan)?;
        if keys.is_none() {
            if !plan.offline {
                ctx.info("no API key configured: making questions offline from the text");
            }
            return offline_quiz(ctx, plan, source, &mut rng);
        }
    }
    let shelf = Shelf::new(
        &plan.subject,
        plan.difficulty.as_str(),
        &plan.language,
        plan.rules.options,
    )
    .from_source(plan.source.as_ref().map(|s| s.hash.clone()));
    let mut bank = match plan.bank {
        BankMode::Off => None,
        _ => Some(ctx.open_bank()?),
    };
    let (mut got, hint) = from_bank(ctx, plan, bank.as_mut(), &shelf)?;
    let taken: Vec<String> = got.iter().filter_map(|q| q.id.clone()).collect();
    if let Some(sink) = &ctx.sink
        && !got.is_empty()
    {
        (sink.questions)(&got);
    }
    let mut tally = Outcome {
        from_bank: got.len(),
        ..Outcome::default()
    };
    let gathered: Result<Ending> = async {
        Ok(if plan.verify {
            let keys = match keys {
                Some(k) => Some(k),
                None => ctx.keys(plan.keys_file.as_deref())?,
            };
            let mut v = Verifying {
                ctx,
                plan,
                keys: keys.as_ref(),
                bank: bank.as_ref(),
                shelf: &shelf,
            };
            v.run(&mut got, &mut tally, hint).await?
        } else if got.len() >= plan.count {
            Ending::Done
        } else if plan.bank == BankMode::Only {
            bank_only_short(plan, got.len(), hint)
        } else {
            if let Some(h) = hint {
                ctx.info(&format!(
                    "more questions on \"{}\" are banked: {h}",
                    plan.subject
                ));
            }
            let keys = match keys {
                Some(k) => k,
                None => ctx.require_keys(plan.keys_file.as_deref())?,
            };
            let bought = buy_rest(ctx, plan, &keys, bank.as_ref(), &shelf, &got).await?;
            got.extend(bought.got.iter().cloned());
            (tally.bought, tally.refused, tally.waited) =
                (bought.got.len(), bought.refused, bought.waited);
            offline_fallback(ctx, plan, bought.ending, &mut got, &mut rng)
        })
    }
    .await;
    let ending = match gathered {
        Ok(e) => e,
        Err(e) => {
            // Nothing is written (no key to buy the rest with, a pool that cannot open): the
            // banked questions taken for this quiz go back on the shelf, not lost as served.
            if let Some(b) = &bank
                && let Err(back) = b.give_back(&plan.subject, &taken)
            {
                ctx.warn(&crate::error::one_line(&back));
            }
            return Err(e);
        }
    };
    // Under --verify some banked questions may have been refused: count those written.
    tally.from_bank = got
        .iter()
        .filter(|q| q.id.as_ref().is_some_and(|id| taken.contains(id)))
        .count();
    let outcome = match finish(ctx, plan, got.clone(), ending, &mut rng) {
        Ok(o) => o,
        Err(e) => {
            // Not written: its questions (taken from the bank, or bought and banked as
            // served) go back on the shelf.
            if let Some(b) = &mut bank {
                let ids: Vec<String> = got.iter().filter_map(|q| q.id.clone()).collect();
                let _ = b.give_back(&plan.subject, &ids);
            }
            return Err(e);
        }
    };
    let mut outcome = Outcome {
        written: outcome.written,
        asked: outcome.asked,
        exit: outcome.exit,
        history_id: outcome.history_id,
        message: outcome.message,
        ..tally
    };
    if let Some(b) = &mut bank
        && outcome.written > 0
        && !record_bought(ctx, b, plan, &got, &taken)
    {
        outcome.exit = crate::spec::worst_exit([outcome.exit, code::ERROR]);
    }
    Ok(outcome)
}

/// Marks the bought questions of a written quiz served, ending their hold (the banked ones
/// were marked as they were taken). `false`, with a warning, when that fails.
fn record_bought(
    ctx: &Context,
    bank: &mut Bank,
    plan: &Plan,
    got: &[Mcq],
    taken: &[String],
) -> bool {
    let ids: Vec<String> = got
        .iter()
        .filter_map(|q| q.id.clone())
        .filter(|id| !taken.contains(id))
        .collect();
    match bank.mark_served(&plan.subject, &ids) {
        Ok(()) => true,
        Err(e) => {
            ctx.warn(&format!(
                "the quiz is written, but its questions could not be marked served: {}",
                crate::error::one_line(&e)
            ));
            false
        }
    }
}

/// `--bank only` fell short: say what the shelf holds, and what else the bank has.
fn bank_only_short(plan: &Plan, had: usize, hint: Option<String>) -> Ending {
    let next = hint.map_or_else(
        || "run `quizgen batch` or drop --bank only".to_owned(),
        |h| format!("{h}; or run `quizgen batch`"),
    );
    Ending::Short(format!(
        "the bank holds only {had} unserved questions on \"{}\" at {} in {} with {} options; {next}",
        plan.subject,
        plan.difficulty.as_str(),
        plan.language,
        plan.rules.options
    ))
}

/// Unserved banked questions that fit the plan; when they are too few, a hint naming the
/// banked questions another difficulty, language or option count would take.
fn from_bank(
    ctx: &Context,
    plan: &Plan,
    bank: Option<&mut Bank>,
    shelf: &Shelf,
) -> Result<(Vec<Mcq>, Option<String>)> {
    let (Some(b), BankMode::Prefer | BankMode::Only) = (bank, plan.bank) else {
        return Ok((Vec::new(), None));
    };
    let rules = plan.rules;
    let got = b.take_unserved(shelf, plan.count, |q| mcq::validate(q, rules).is_ok())?;
    if !got.is_empty() {
        ctx.info(&format!(
            "{} of {} questions from the bank",
            got.len(),
            plan.count
        ));
    }
    let hint = if got.len() < plan.count {
        miss_hint(&b.nearby(shelf)?, shelf)
    } else {
        None
    };
    Ok((got, hint))
}

/// "30 unserved at easy; ask --difficulty easy or any", for the largest stocks the plan missed.
fn miss_hint(nearby: &[(String, String, usize, usize)], shelf: &Shelf) -> Option<String> {
    let hints: Vec<String> = nearby
        .iter()
        .take(3)
        .map(|(d, l, k, n)| {
            let mut at = Vec::new();
            let mut ask = Vec::new();
            if shelf.difficulty != "mixed" && *d != shelf.difficulty {
                at.push(format!("at {d}"));
                ask.push(format!("--difficulty {d} or any"));
            }
            if *l != shelf.language {
                at.push(format!("in {l}"));
                ask.push(format!("--language {l}"));
            }
            if *k != shelf.options {
                at.push(format!("with {k} options"));
                ask.push(format!("--options {k}"));
            }
            format!("{n} unserved {}; ask {}", at.join(" "), ask.join(" "))
        })
        .collect();
    (!hints.is_empty()).then(|| hints.join("; "))
}

/// Buys what `have` lacks of the plan's count.
async fn buy_rest(
    ctx: &Context,
    plan: &Plan,
    keys: &KeysConfig,
    bank: Option<&Bank>,
    shelf: &Shelf,
    have: &[Mcq],
) -> Result<Purchase> {
    let mut dedupe = match bank {
        Some(b) => b.deduper_for(&plan.subject)?,
        None => Deduper::new(),
    };
    for q in have {
        dedupe.insert(q);
    }
    let chunks = plan
        .source
        .as_ref()
        .map(|s| chunk_text(&s.text))
        .unwrap_or_default();
    let order = Order {
        subject: &plan.subject,
        count: plan.count - have.len(),
        rules: plan.rules,
        difficulty: plan.difficulty.as_str(),
        language: &plan.language,
        chunks: &chunks,
        source_hash: shelf.source_hash.clone(),
        for_quiz: true,
    };
    let bought = purchase(
        ctx,
        plan.settings,
        keys,
        bank,
        shelf,
        &mut dedupe,
        &order,
        have.len(),
    )
    .await?;
    Ok(bought)
}

/// Rounds of buying and checking before a quiz whose keys keep being refused ends short.
const VERIFY_ROUNDS: usize = 5;

/// A quiz made under `--verify`: banked questions already verified are served; the others, and
/// every question bought, are written only once a blind solve agrees with their key. Refused
/// ones are recorded in the bank and replaced by new ones, round after round.
struct Verifying<'a> {
    ctx: &'a Context,
    plan: &'a Plan,
    keys: Option<&'a KeysConfig>,
    bank: Option<&'a Bank>,
    shelf: &'a Shelf,
}

impl Verifying<'_> {
    async fn run(
        &mut self,
        got: &mut Vec<Mcq>,
        tally: &mut Outcome,
        hint: Option<String>,
    ) -> Result<Ending> {
        let (ready, unverified): (Vec<Mcq>, Vec<Mcq>) = std::mem::take(got)
            .into_iter()
            .partition(|q| q.verified_by.is_some());
        *got = ready;
        tally.refused_by_verification = Some(0);
        let mut pending: Vec<verify::Pending> = unverified
            .into_iter()
            .map(|q| {
                let w = verify::writer_of(&q, None);
                verify::Pending::new(q, w)
            })
            .collect();
        let Some(keys) = self.keys else {
            self.give_back(pending.iter().map(|p| &p.q));
            return Ok(Ending::Short(format!(
                "--verify needs a key to check answer keys: {} verified of {} asked",
                got.len(),
                self.plan.count
            )));
        };
        let mut after = Ending::Done;
        for _ in 0..VERIFY_ROUNDS {
            if !pending.is_empty() {
                let checked = check(
                    self.ctx,
                    self.plan.settings,
                    keys,
                    std::mem::take(&mut pending),
                )
                .await?;
                self.record(&checked, tally);
                self.give_back(checked.unchecked.iter());
                let room = self.plan.count.saturating_sub(got.len());
                let mut agreed = checked.agreed;
                let spare = agreed.split_off(room.min(agreed.len()));
                self.give_back(spare.iter());
                got.extend(agreed);
                if checked.ending != Ending::Done {
                    return Ok(checked.ending);
                }
            }
            if got.len() >= self.plan.count || after != Ending::Done {
                return Ok(after);
            }
            if self.plan.bank == BankMode::Only {
                return Ok(bank_only_short(self.plan, got.len(), hint));
            }
            let bought = buy_rest(self.ctx, self.plan, keys, self.bank, self.shelf, got).await?;
            tally.bought += bought.got.len();
            tally.refused += bought.refused;
            tally.waited += bought.waited;
            pending = bought
                .got
                .into_iter()
                .zip(bought.lanes)
                .map(|(q, lane)| {
                    let w = verify::writer_of(&q, Some(&lane));
                    verify::Pending::new(q, w)
                })
                .collect();
            if pending.is_empty() {
                return Ok(bought.ending);
            }
            after = bought.ending;
        }
        Ok(Ending::Short(format!(
            "after {VERIFY_ROUNDS} rounds the blind solves still refused keys: {} verified of {}",
            got.len(),
            self.plan.count
        )))
    }

    /// Counts the refusals and stores each verdict with its question in the bank.
    fn record(&self, checked: &verify::Checked, tally: &mut Outcome) {
        let refused = checked.refused.len();
        tally.refused_by_verification = Some(tally.refused_by_verification.unwrap_or(0) + refused);
        tally.waited += checked.waited;
        if refused > 0 {
            self.ctx.info(&format!(
                "{refused} question(s) refused by verification (the solver chose another option); asking for new ones"
            ));
        }
        record_verdicts(self.ctx, self.bank, &self.plan.subject, checked);
    }

    /// Questions held for this quiz (taken from the bank, or bought and banked as served) that
    /// it will not write go back on the shelf.
    fn give_back<'q>(&self, qs: impl Iterator<Item = &'q Mcq>) {
        let ids: Vec<String> = qs.filter_map(|q| q.id.clone()).collect();
        if let (Some(bank), false) = (self.bank, ids.is_empty())
            && let Err(e) = bank.give_back(&self.plan.subject, &ids)
        {
            self.ctx.warn(&crate::error::one_line(&e));
        }
    }
}

/// Stores each verdict of a checking with its question in the bank (a failure is a warning:
/// the questions stay unverified there).
pub(crate) fn record_verdicts(
    ctx: &Context,
    bank: Option<&Bank>,
    subject: &str,
    checked: &verify::Checked,
) {
    let Some(bank) = bank else {
        return;
    };
    let verdicts = checked
        .agreed
        .iter()
        .map(|q| (q, q.verified_by.clone().unwrap_or_default(), true, None))
        .chain(
            checked
                .refused
                .iter()
                .map(|r| (&r.q, r.by.clone(), false, r.choice)),
        );
    for (q, by, agreed, choice) in verdicts {
        let Some(id) = &q.id else { continue };
        if let Err(e) = bank.record_verdict(subject, id, &by, agreed, choice) {
            ctx.warn(&crate::error::one_line(&e));
            return;
        }
    }
}

/// Checks questions' keys with blind solves through the pool.
pub(crate) async fn check(
    ctx: &Context,
    settings: Settings,
    keys: &KeysConfig,
    pending: Vec<verify::Pending>,
) -> Result<verify::Checked> {
    let mut pool = Pool::open(keys, &ctx.state)?;
    let client = Client::new(settings.effective_timeout())?;
    let progress = Progress::new(pending.len(), ctx.quiet, ctx.verbose);
    let interrupt = Interrupt::listen();
    ctx.info(&format!(
        "checking {} answer key(s) with blind solves",
        pending.len()
    ));
    let mut solver = verify::Solver {
        pool: &mut pool,
        client: &client,
        progress: &progress,
        interrupt: &interrupt,
        settings,
    };
    let checked = solver.check(pending).await;
    progress.finish();
    Ok(checked)
}

/// With no network or no usable key but a text to work from, the rest is made offline rather
/// than leaving the teacher short.
fn offline_fallback(
    ctx: &Context,
    plan: &Plan,
    ending: Ending,
    got: &mut Vec<Mcq>,
    rng: &mut StdRng,
) -> Ending {
    let (Some(source), Ending::Unreachable(why) | Ending::Closed(why)) = (&plan.source, &ending)
    else {
        return ending;
    };
    let missing = plan.count - got.len().min(plan.count);
    ctx.warn(&format!(
        "{why}; making the remaining {missing} questions offline from the text"
    ));
    let mut seen = Deduper::with_stop_words(offline::stop_words(&plan.language));
    for q in got.iter() {
        seen.insert(q);
    }
    let made = offline_questions(source, plan, missing, rng);
    got.extend(made.into_iter().filter(|q| seen.admit(q)));
    if got.len() >= plan.count {
        Ending::Done
    } else {
        Ending::Short(format!(
            "{why}; the text yields too few questions for the rest"
        ))
    }
}

/// Runs one purchase through the pool with a progress display: `generate` and `batch` both
/// buy through here. Only a pool that cannot be opened is an error; everything after that
/// ends the purchase with what it had.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn purchase(
    ctx: &Context,
    settings: Settings,
    keys: &KeysConfig,
    bank: Option<&Bank>,
    shelf: &Shelf,
    dedupe: &mut Deduper,
    order: &Order<'_>,
    already: usize,
) -> Result<Purchase> {
    let mut pool = Pool::open(keys, &ctx.state)?;
    // Reservations a dead run left on the wire: no request outlives its timeout (120 s unless
    // a run asked for longer), so older ones are settled, as sent.
    let stale = pool.release_stale(settings.request_timeout.max(Duration::from_secs(120)))?;
    if stale > 0 {
        ctx.info(&format!(
            "settled {stale} request(s) a stopped run left unanswered (counted as sent)"
        ));
    }
    let client = Client::new(settings.effective_timeout())?;
    let progress =
        Progress::new(already + order.count, ctx.quiet, ctx.verbose).with_sink(ctx.sink.clone());
    progress.update(already, "");
    let interrupt = Interrupt::listen();
    let mut buyer = Buyer {
        pool: &mut pool,
        client: &client,
        bank,
        shelf,
        dedupe,
        progress: &progress,
        interrupt: &interrupt,
        place: ctx.place.as_deref(),
        already,
    };
    let out = buyer.buy(order, settings).await;
    progress.finish();
    Ok(out)
}

/// Up to `count` questions made from the text alone, with their ids.
fn offline_questions(source: &Source, plan: &Plan, count: usize, rng: &mut StdRng) -> Vec<Mcq> {
    let origin = source.origin();
    let ask = offline_ask(plan, count, &origin);
    offline::generate(&source.text, &ask, rng)
        .into_iter()
        .map(bank::with_id)
        .collect()
}

fn offline_ask<'a>(plan: &'a Plan, count: usize, origin: &'a str) -> offline::Ask<'a> {
    offline::Ask {
        count,
        rules: plan.rules,
        language: &plan.language,
        difficulty: plan.difficulty.as_str(),
        origin,
    }
}

/// A quiz made from the text alone: no key, no network, no bank.
fn offline_quiz(ctx: &Context, plan: &Plan, source: &Source, rng: &mut StdRng) -> Result<Outcome> {
    let qs = offline_questions(source, plan, plan.count, rng);
    let ending = if qs.len() < plan.count {
        let n = qs.len();
        let questions = if n == 1 { "question" } else { "questions" };
        Ending::Short(format!(
            "the text yields only {n} {questions}; give a longer text or ask for fewer"
        ))
    } else {
        Ending::Done
    };
    finish(ctx, plan, qs, ending, rng)
}

/// The exit code (the one mapping, `Ending::exit_code`) and closing message of an ending,
/// given how many questions were had. Nothing had because no key can serve is an error.
fn verdict(ending: &Ending, had: usize, asked: usize) -> Result<(u8, Option<String>)> {
    if let (Ending::Closed(why), 0) = (ending, had) {
        return Err(QuizError::NoUsableKey(why.clone()).into());
    }
    let message = match ending {
        Ending::Done => None,
        Ending::Interrupted(_) => Some(format!("interrupted: wrote {had} of {asked} questions")),
        _ => ending
            .reason()
            .map(|why| format!("wrote {had} of {asked} questions: {why}")),
    };
    Ok((ending.exit_code(), message))
}

/// Balances, writes and reports.
fn finish(
    ctx: &Context,
    plan: &Plan,
    questions: Vec<Mcq>,
    ending: Ending,
    rng: &mut StdRng,
) -> Result<Outcome> {
    let (mut questions, left_out) = plan.format.fit(questions);
    for note in &left_out {
        ctx.warn(note);
    }
    questions.truncate(plan.count);
    mcq::balance(&mut questions, rng);
    let had = questions.len();
    let (exit, message) = verdict(&ending, had, plan.count)?;
    let outcome = Outcome {
        asked: plan.count,
        exit,
        message: message.clone(),
        ..Outcome::default()
    };
    if had == 0 && exit != code::OK {
        let m = message.unwrap_or_default();
        ctx.error(&m.replace("wrote 0 of", "no output written: 0 of"));
        return Ok(outcome);
    }
    let longest = mcq::longest_answer_count(&questions);
    if had >= 5 && longest * 2 > had {
        ctx.warn(&format!(
            "{longest} of {had} right answers are the longest option; students may guess them: review the quiz"
        ));
    }
    let quiz = Quiz {
        subject: plan.subject.clone(),
        questions,
    };
    plan.target
        .write(&plan.format.render_with(&quiz, plan.render)?)?;
    let recorded = plan.record.then(|| {
        crate::history::History::open_at(&ctx.state).and_then(|h| {
            h.record(
                &quiz.subject,
                &plan.format.name(),
                plan.target.path(),
                &quiz.questions,
            )
        })
    });
    let history_id = match recorded {
        None => None,
        Some(Ok(id)) => Some(id),
        Some(Err(e)) => {
            ctx.warn(&format!(
                "the quiz was written but not recorded in the history: {e:#}"
            ));
            None
        }
    };
    match (message, plan.target.path()) {
        (Some(m), _) => ctx.error(&m),
        (None, Some(p)) => ctx.info(&format!("wrote {had} questions to {}", p.display())),
        (None, None) => {}
    }
    Ok(Outcome {
        written: had,
        history_id,
        ..outcome
    })
}

/// Cuts a long text into passages at paragraph boundaries.
pub(crate) fn chunk_text(text: &str) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut cur = String::new();
    for para in text.split("\n\n") {
        if !cur.is_empty() && cur.len() + para.len() > CHUNK_CHARS {
            chunks.push(std::mem::take(&mut cur));
        }
        if para.len() > CHUNK_CHARS {
            let mut piece = String::new();
            for word in para.split_whitespace() {
                if piece.len() + word.len() > CHUNK_CHARS {
                    chunks.push(std::mem::take(&mut piece));
                }
                piece.push_str(word);
                piece.push(' ');
            }
            cur = piece;
            continue;
        }
        cur.push_str(para);
        cur.push_str("\n\n");
    }
    if !cur.trim().is_empty() {
        chunks.push(cur);
    }
    chunks
        .into_iter()
        .enumerate()
        .map(|(index, text)| Chunk {
            index,
            text: text.trim().to_owned(),
        })
        .collect()
}
