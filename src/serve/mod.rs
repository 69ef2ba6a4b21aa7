//! `quizgen serve`: the web API and a page for teachers, on the same pool, bank and history as
//! the CLI (docs/serve-api.md). Each quiz runs the library's pipeline (`quiz::make`) with its
//! output in memory and its progress streamed; the pool's shared state keeps concurrent quizzes
//! within the lanes' limits, as it does for several CLI processes.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use clap::ValueEnum;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use serde::Deserialize;
use serde_json::{Value, json};

mod log;
mod review;

use crate::cli::ServeArgs;
use crate::context::Context;
use crate::error::{QuizError, code};
use crate::export::{Buffer, Format, RenderOptions, Target};
use crate::generate::Interrupt;
use crate::history::History;
use crate::plan::{Asked, Frame, Naming};
use crate::progress::Sink;
use crate::quiz::{self, Outcome, Plan, Source};
use crate::spec::{BankMode, Concurrency, Difficulty, Settings};

/// Largest request body.
const MAX_BODY: usize = 2 * 1024 * 1024;
/// Most questions one request may ask for.
const MAX_COUNT: u32 = 200;
/// What a client is told to wait after a 503.
const RETRY_AFTER_503: u64 = 60;
/// The response header carrying a written quiz's history id (and the count, for the log).
const QUIZ_ID: &str = "x-quizgen-quiz-id";
use log::QUESTIONS;
/// Longest subject a request may give (a longer text is pasted as `text`).
const MAX_SUBJECT: usize = 300;

struct App {
    ctx: Context,
    keys_file: Option<std::path::PathBuf>,
    tokens: Vec<String>,
    limiter: DefaultKeyedRateLimiter<IpAddr>,
    max_wait: Duration,
    /// `--drain`: at SIGTERM, the wait for answers on the wire.
    drain: Duration,
    /// Quizzes made at once; the others wait their turn, in arrival order.
    turns: Arc<Turns>,
    /// Quizzes under way take the pool's capacity in the order they got their turn.
    line: Arc<crate::line::Line>,
    /// How each quiz made since the server started was made, for questions added on review.
    reviews: Arc<review::Reviews>,
    /// keys.toml's `[defaults]`, read at start: a body's missing fields take them, as flags do.
    defaults: crate::config::Defaults,
}

type Shared = Arc<App>;

pub(crate) async fn run(ctx: Context, args: ServeArgs) -> Result<u8> {
    let tokens = crate::config::serve_tokens(args.keys.as_deref())?;
    if !args.listen.ip().is_loopback() && tokens.is_empty() {
        return Err(QuizError::Usage(format!(
            "--listen {}: other machines could use your keys with no token: add tokens = [\"env:NAME\"] under [serve] in the keys file, or listen on 127.0.0.1",
            args.listen
        ))
        .into());
    }
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| QuizError::Usage(format!("--listen {}: cannot listen: {e}", args.listen)))?;
    let addr = listener.local_addr()?;
    let per_minute = std::num::NonZeroU32::new(args.per_ip).unwrap_or(std::num::NonZeroU32::MIN);
    let app = Arc::new(App {
        ctx,
        keys_file: args.keys.clone(),
        tokens,
        limiter: RateLimiter::keyed(Quota::per_minute(per_minute)),
        max_wait: args.max_wait,
        drain: args.drain,
        defaults: crate::config::defaults(args.keys.as_deref())?,
        turns: Arc::new(Turns::new(usize::from(args.max_quizzes))),
        line: Arc::default(),
        reviews: Arc::default(),
    });
    // The per-IP limiter keeps a little state per client address: forget the idle ones.
    let pruned = app.clone();
    tokio::spawn(async move {
        loop {
            tokio::time::sleep(Duration::from_secs(300)).await;
            pruned.limiter.retain_recent();
            pruned.limiter.shrink_to_fit();
        }
    });
    // The process's signal listener: at SIGTERM a quiz sends nothing more, waits up to
    // `--drain` for the answers on the wire and keeps what it had (banked, answered), while the
    // server stops accepting and lets the requests finish.
    let interrupt = Interrupt::listen();
    let drain = crate::generate::short_duration(args.drain);
    crate::progress::line(&format!("quizgen: serving on http://{addr}"));
    axum::serve(
        listener,
        router(app).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async move {
        interrupt.wait().await;
        crate::progress::line(&format!(
            "quizgen: stopping: the quizzes under way keep the answers on the wire (up to {drain}), then end with what they have"
        ));
    })
    .await
    .context("the server stopped")?;
    Ok(code::OK)
}

fn router(app: Shared) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/api/v1/status", get(status))
        .route("/api/generate-mcq", get(status))
        .route("/api/v1/quizzes", get(list).post(create))
        .route("/api/v1/quizzes/{id}", get(export_one))
        .route(
            "/api/v1/quizzes/{id}/questions",
            axum::routing::post(review::add_question),
        )
        .route(
            "/api/v1/quizzes/{id}/questions/{n}",
            axum::routing::delete(review::drop_question),
        )
        .fallback(not_found)
        .method_not_allowed_fallback(not_allowed)
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(app)
}

async fn not_found(req: Request) -> Response {
    error(
        StatusCode::NOT_FOUND,
        &format!("no such address on this server: {}", req.uri().path()),
    )
}

async fn not_allowed(req: Request) -> Response {
    error(
        StatusCode::METHOD_NOT_ALLOWED,
        &format!("{} is not allowed on {}", req.method(), req.uri().path()),
    )
}

/// `{"error": "..."}` with a status.
fn error(status: StatusCode, msg: &str) -> Response {
    let msg = crate::redact::mask_secrets(msg);
    (status, axum::Json(json!({ "error": msg }))).into_response()
}

/// Tokens for `/api/`, and one log line per request, written when it ends: time with its zone,
/// client, route, status, duration, questions, format. A streamed quiz ends with its stream.
async fn guard(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    req: Request,
    next: Next,
) -> Response {
    let line = log::Line::start(peer.ip(), &req);
    let access = access(&app, req.headers());
    let response = if req.uri().path().starts_with("/api/") && access != Access::Granted {
        unauthorized(access)
    } else {
        next.run(req).await
    };
    line.finish(response)
}

/// What a request's `Authorization` header is worth.
#[derive(PartialEq, Eq, Clone, Copy)]
enum Access {
    Granted,
    Missing,
    Wrong,
}

/// `Bearer TOKEN`, the scheme in any case (RFC 9110 §11.1), against `[serve] tokens`.
fn access(app: &App, headers: &HeaderMap) -> Access {
    if app.tokens.is_empty() {
        return Access::Granted;
    }
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .map(|(_, token)| token.trim());
    match given {
        None | Some("") => Access::Missing,
        Some(t) if app.tokens.iter().any(|k| same(k.as_bytes(), t.as_bytes())) => Access::Granted,
        Some(_) => Access::Wrong,
    }
}

/// 401 with its `WWW-Authenticate` challenge (RFC 6750), saying which of the two it is.
fn unauthorized(access: Access) -> Response {
    let (msg, challenge) = match access {
        Access::Wrong => (
            "that access token is not one this server knows: check it with whoever runs the server",
            "Bearer realm=\"quizgen\", error=\"invalid_token\"",
        ),
        _ => (
            "this server asks for an access token: enter the one whoever runs the server gave you (Authorization: Bearer TOKEN)",
            "Bearer realm=\"quizgen\"",
        ),
    };
    let mut r = error(StatusCode::UNAUTHORIZED, msg);
    r.headers_mut().insert(
        header::WWW_AUTHENTICATE,
        HeaderValue::from_static(challenge),
    );
    r
}

/// Compares in time that does not depend on where the bytes differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn page() -> Html<&'static str> {
    Html(include_str!("page.html"))
}

/// The `stats --json` object with `"mode": "pool"`; with no keys, 200 all the same with
/// `"mode": "offline only"`: the server is up and makes quizzes from pasted texts.
async fn status(State(app): State<Shared>) -> Response {
    let app = app.clone();
    let report = blocking(move || -> Result<Value> {
        let Some(cfg) = app.ctx.keys(app.keys_file.as_deref())? else {
            return Ok(json!({
                "mode": "offline only",
                "status": "no API keys: quizzes are made from a pasted text only",
                "apiKeyStats": crate::stats::KeyStats::default(),
                "capacity": null,
                "keys": [],
                "lanes": [],
                "notes": [],
            }));
        };
        let mut pool = crate::pool::Pool::open(&cfg, &app.ctx.state)?;
        let mut report = serde_json::to_value(crate::stats::report(&mut pool, 10)?)?;
        report["mode"] = json!("pool");
        Ok(report)
    })
    .await;
    match report {
        Ok(v) => axum::Json(v).into_response(),
        Err(e) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            &crate::error::one_line(&e),
        ),
    }
}

/// Runs a storage call (SQLite or PostgreSQL, both blocking) off the runtime's workers, so a
/// slow disk or database never holds up the event streams of the quizzes under way.
async fn blocking<T: Send + 'static>(f: impl FnOnce() -> Result<T> + Send + 'static) -> Result<T> {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| Err(anyhow::anyhow!("a storage call failed: {e}")))
}

/// The history, newest last: `{"quizzes": [...]}`.
async fn list(State(app): State<Shared>) -> Response {
    let at = app.ctx.state.clone();
    let entries = blocking(move || History::open_at(&at)?.list()).await;
    match entries {
        Ok(e) => axum::Json(json!({ "quizzes": e })).into_response(),
        Err(e) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            &crate::error::one_line(&e),
        ),
    }
}

#[derive(Deserialize)]
struct ExportQuery {
    format: Option<String>,
}

/// A quiz from the history, in any format.
async fn export_one(
    State(app): State<Shared>,
    Path(id): Path<String>,
    query: std::result::Result<Query<ExportQuery>, QueryRejection>,
) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return error(
            StatusCode::BAD_REQUEST,
            &format!("id: {id:?} is not a quiz number (see GET /api/v1/quizzes)"),
        );
    };
    let q = match query {
        Ok(Query(q)) => q,
        Err(e) => return error(StatusCode::BAD_REQUEST, &e.body_text()),
    };
    let format = match format_named(q.format.as_deref()) {
        Ok(f) => f,
        Err(msg) => return error(StatusCode::BAD_REQUEST, &msg),
    };
    let at = app.ctx.state.clone();
    let found = blocking(move || History::open_at(&at)?.get(id)).await;
    let (subject, questions) = match found {
        Ok(Some(x)) => x,
        Ok(None) => {
            return error(
                StatusCode::NOT_FOUND,
                &format!("no quiz {id} in the history"),
            );
        }
        Err(e) => {
            return error(
                StatusCode::INTERNAL_SERVER_ERROR,
                &crate::error::one_line(&e),
            );
        }
    };
    let (questions, _) = format.fit(questions);
    let n = questions.len();
    let quiz = crate::export::Quiz { subject, questions };
    match format.render(&quiz) {
        Ok(bytes) => file_response(format, &quiz.subject, bytes, n, Some(id)),
        Err(e) => error(
            StatusCode::INTERNAL_SERVER_ERROR,
            &crate::error::one_line(&e),
        ),
    }
}

/// A format's name as a request gives it (JSON when absent); `Err` names the field and the
/// formats there are.
fn format_named(name: Option<&str>) -> std::result::Result<Format, String> {
    match name {
        None => Ok(Format::Json),
        Some(n) => Format::from_str(n, true).map_err(|_| {
            let all: Vec<String> = Format::value_variants().iter().map(|f| f.name()).collect();
            format!("format: unknown format {n:?}; one of {}", all.join(", "))
        }),
    }
}

/// A quiz request, the same fields and meanings as the CLI's flags.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizRequest {
    subject: Option<String>,
    text: Option<String>,
    count: Option<u32>,
    format: Option<String>,
    difficulty: Option<String>,
    options: Option<usize>,
    language: Option<String>,
    verify: Option<bool>,
}

/// A 429 with `Retry-After` when `ip` has asked for more quizzes (or questions on review) than
/// `--per-ip` allows.
fn over_limit(app: &App, ip: IpAddr) -> Option<Response> {
    let not_until = app.limiter.check_key(&ip).err()?;
    let wait = not_until
        .wait_time_from(governor::clock::Clock::now(
            &governor::clock::DefaultClock::default(),
        ))
        .as_secs()
        .max(1);
    let mut r = error(
        StatusCode::TOO_MANY_REQUESTS,
        &format!("too many quiz requests from {ip}: try again in {wait}s"),
    );
    r.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(wait));
    Some(r)
}

/// `POST /api/v1/quizzes`.
async fn create(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: std::result::Result<Bytes, BytesRejection>,
) -> Response {
    if let Some(r) = over_limit(&app, peer.ip()) {
        return r;
    }
    let body = match body {
        Ok(b) => b,
        Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
            return error(
                StatusCode::PAYLOAD_TOO_LARGE,
                "the request body is over 2 MB: send a shorter text",
            );
        }
        Err(e) => return error(e.status(), &e.body_text()),
    };
    let plan = match plan(&app, &body) {
        Ok(p) => p,
        Err(msg) => return error(StatusCode::BAD_REQUEST, &msg),
    };
    let stream = headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/event-stream"));
    if stream {
        streamed(&app, plan)
    } else {
        let (tx, rx) = tokio::sync::oneshot::channel();
        run_quiz(&app, plan.0.clone(), None, tx);
        match rx.await {
            Ok(result) => answer(&plan, result, &app.ctx.state),
            Err(_) => error(StatusCode::INTERNAL_SERVER_ERROR, "the quiz stopped"),
        }
    }
}

/// A plan and the buffer its file is written to.
type Planned = (Plan, Buffer);

/// Checks a request body into a plan; `Err` is the message of a 400, naming the field.
fn plan(app: &App, body: &[u8]) -> std::result::Result<Planned, String> {
    let r: QuizRequest =
        serde_json::from_slice(body).map_err(|e| format!("the body is not a quiz request: {e}"))?;
    let asked = Asked {
        count: r.count.map(|c| c as usize),
        format: r
            .format
            .as_deref()
            .map(|f| format_named(Some(f)))
            .transpose()?,
        difficulty: r
            .difficulty
            .as_deref()
            .map(|d| {
                Difficulty::named(d).ok_or_else(|| {
                    format!("difficulty: {d:?}; one of easy, medium, hard, mixed, any")
                })
            })
            .transpose()?,
        language: r.language,
        options: r.options,
        verify: r.verify,
        concurrency: None,
    };
    let base = Settings {
        concurrency: Concurrency::Auto,
        max_wait: app.max_wait,
        drain: app.drain,
        ..Settings::default()
    };
    let chosen = asked
        .choose(&app.defaults, base, Naming::Fields)
        .map_err(|e| e.to_string())?;
    if !(1..=MAX_COUNT as usize).contains(&chosen.count) {
        return Err(format!("count: {}; give 1 to {MAX_COUNT}", chosen.count));
    }
    let text = r.text.filter(|t| !t.trim().is_empty());
    let subject = match (r.subject.filter(|s| !s.trim().is_empty()), &text) {
        (Some(s), _) if s.chars().count() > MAX_SUBJECT => {
            return Err(format!(
                "subject: {} characters; give at most {MAX_SUBJECT} (a longer text goes in \"text\")",
                s.chars().count()
            ));
        }
        (Some(s), _) => s.split_whitespace().collect::<Vec<_>>().join(" "),
        (None, Some(t)) => title_of(t),
        (None, None) => {
            return Err(
                "subject: missing: give a subject, or paste a text the questions must come from"
                    .into(),
            );
        }
    };
    if text.is_none() && matches!(app.ctx.keys(app.keys_file.as_deref()), Ok(None)) {
        return Err("subject: this server has no API keys, so it makes questions only from a pasted text: paste the lesson as \"text\"".into());
    }
    let source = text.map(|t| Source {
        path: "pasted text".into(),
        hash: crate::offline::source_hash(&t),
        text: t,
    });
    let buffer = Buffer::default();
    let plan = chosen.plan(Frame {
        subject,
        source,
        target: Target::Memory(buffer.clone()),
        render: RenderOptions::default(),
        offline: false,
        bank: BankMode::Prefer,
        keys_file: app.keys_file.clone(),
    });
    Ok((plan, buffer))
}

/// A pasted text's title: its first line's first words (a Markdown heading's marks dropped).
fn title_of(text: &str) -> String {
    const WORDS: usize = 8;
    let first = text
        .lines()
        .map(|l| l.trim().trim_start_matches('#').trim())
        .find(|l| !l.is_empty())
        .unwrap_or("the text");
    let words: Vec<&str> = first.split_whitespace().collect();
    let mut title: String = words
        .iter()
        .take(WORDS)
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    if title.chars().count() > 80 {
        title = title.chars().take(79).collect();
        title.push('…');
    } else if words.len() > WORDS {
        title.push('…');
    }
    title
}

/// Runs one quiz as a task of the server's runtime once a slot is free (`--max-quizzes`), its
/// progress to `sink`, its outcome to `done`.
fn run_quiz(
    app: &App,
    plan: Plan,
    sink: Option<Sink>,
    done: tokio::sync::oneshot::Sender<Result<Outcome>>,
) {
    let told = sink.clone();
    let ctx = Context {
        quiet: true,
        sink,
        ..app.ctx.clone()
    };
    let (turns, line, reviews) = (app.turns.clone(), app.line.clone(), app.reviews.clone());
    tokio::spawn(async move {
        let total = plan.count;
        let _permit = turns
            .wait(|place| {
                if let Some(s) = &told {
                    (s.queued)(place, total);
                }
            })
            .await;
        // Its place in the line once it has its turn: a quiz still waiting for a turn must not
        // hold back those under way.
        let ctx = Context {
            place: Some(Arc::new(line.join())),
            ..ctx
        };
        let out = quiz::make(&ctx, &plan).await;
        if let Ok(Outcome {
            history_id: Some(id),
            ..
        }) = &out
        {
            reviews.remember(*id, plan);
        }
        let _ = done.send(out);
    });
}

/// Quizzes in arrival order: `--max-quizzes` are made at once (tokio's semaphore serves its
/// waiters first come, first served), and one waiting knows its place in the line.
struct Turns {
    slots: Arc<tokio::sync::Semaphore>,
    /// Tickets given (one a quiz, in arrival order) and quizzes started.
    given: std::sync::atomic::AtomicU64,
    started: std::sync::atomic::AtomicU64,
}

/// How often a waiting quiz is told its place again.
const PLACE_EVERY: Duration = Duration::from_secs(2);

impl Turns {
    fn new(at_once: usize) -> Turns {
        Turns {
            slots: Arc::new(tokio::sync::Semaphore::new(at_once)),
            given: 0.into(),
            started: 0.into(),
        }
    }

    /// Waits for a slot, telling `place` (1: next) when there is none free, and again every
    /// `PLACE_EVERY` while waiting.
    async fn wait(&self, place: impl Fn(u64)) -> tokio::sync::OwnedSemaphorePermit {
        use std::sync::atomic::Ordering::SeqCst;
        let ticket = self.given.fetch_add(1, SeqCst);
        let acquire = self.slots.clone().acquire_owned();
        tokio::pin!(acquire);
        let mut next_word = Duration::ZERO;
        loop {
            tokio::select! {
                biased;
                permit = &mut acquire => {
                    self.started.fetch_add(1, SeqCst);
                    return permit.expect("the semaphore is never closed");
                }
                () = tokio::time::sleep(next_word) => {
                    place(ticket.saturating_sub(self.started.load(SeqCst)) + 1);
                    next_word = PLACE_EVERY;
                }
            }
        }
    }
}

/// A quiz (or a question on review) that could not be made: 400 for a request that cannot be
/// served as asked, 503 when no key of the pool can serve now (all dead or spent), else 500.
fn failed(e: &anyhow::Error) -> Response {
    let status = match e.downcast_ref::<QuizError>() {
        Some(QuizError::Usage(_)) => StatusCode::BAD_REQUEST,
        Some(QuizError::NoUsableKey(_)) => StatusCode::SERVICE_UNAVAILABLE,
        _ => StatusCode::INTERNAL_SERVER_ERROR,
    };
    error(status, &crate::error::one_line(e))
}

/// The answer to a finished quiz: the file (200), or 503 with what was had.
fn answer(planned: &Planned, result: Result<Outcome>, state: &crate::db::StateAt) -> Response {
    let (plan, buffer) = planned;
    let outcome = match result {
        Ok(o) => o,
        Err(e) => return failed(&e),
    };
    if outcome.exit == code::OK {
        return file_response(
            plan.format,
            &plan.subject,
            buffer.bytes(),
            outcome.written,
            outcome.history_id,
        );
    }
    let msg = outcome
        .message
        .clone()
        .unwrap_or_else(|| format!("wrote {} of {} questions", outcome.written, outcome.asked));
    let partial = quiz_json(planned, outcome.history_id, state);
    let mut r = (
        StatusCode::SERVICE_UNAVAILABLE,
        axum::Json(json!({
            "error": crate::redact::mask_secrets(&msg),
            "written": outcome.written,
            "quiz_id": outcome.history_id,
            "quiz": partial,
        })),
    )
        .into_response();
    r.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_503));
    r.headers_mut()
        .insert(QUESTIONS, HeaderValue::from(outcome.written));
    r.extensions_mut().insert(log::Format(plan.format));
    r
}

/// A quiz file: JSON inline, other formats as a download named after the subject.
fn file_response(
    format: Format,
    subject: &str,
    bytes: Vec<u8>,
    questions: usize,
    id: Option<i64>,
) -> Response {
    let (mime, _) = content_type(format);
    let mut r = (StatusCode::OK, bytes).into_response();
    r.extensions_mut().insert(log::Format(format));
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    if let Ok(v) = HeaderValue::from_str(&disposition(subject, format)) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(QUESTIONS, HeaderValue::from(questions));
    if let Some(id) = id {
        h.insert(QUIZ_ID, HeaderValue::from(id));
    }
    r
}

/// `attachment` named `subject.platform.ext` (`tides.blooket.csv`; `tides.gift` where the
/// extension names the platform already): an ASCII `filename` and the subject as written in
/// `filename*` (RFC 6266).
fn disposition(subject: &str, format: Format) -> String {
    let (_, ext) = content_type(format);
    let platform = format.name();
    let tail = if platform == ext {
        ext.to_owned()
    } else {
        format!("{platform}.{ext}")
    };
    let stem = |keep: fn(char) -> bool| -> String {
        let dashed: String = subject
            .chars()
            .map(|c| {
                if keep(c) {
                    c.to_lowercase().next().unwrap_or(c)
                } else {
                    '-'
                }
            })
            .collect();
        let parts: Vec<&str> = dashed.split('-').filter(|p| !p.is_empty()).collect();
        let joined: String = parts.join("-").chars().take(80).collect();
        if joined.is_empty() {
            "quiz".into()
        } else {
            joined
        }
    };
    let ascii = stem(|c| c.is_ascii_alphanumeric());
    let full = stem(char::is_alphanumeric);
    // RFC 8187's attr-char: letters, digits and a few marks stay as they are.
    const ATTR: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_');
    let name = format!("{full}.{tail}");
    let encoded = percent_encoding::utf8_percent_encode(&name, ATTR);
    format!("attachment; filename=\"{ascii}.{tail}\"; filename*=UTF-8''{encoded}")
}

fn content_type(format: Format) -> (&'static str, &'static str) {
    match format {
        Format::Json => ("application/json", "json"),
        Format::Csv | Format::Blooket | Format::Gimkit | Format::Brightspace => {
            ("text/csv; charset=utf-8", "csv")
        }
        Format::Gift => ("text/plain; charset=utf-8", "gift"),
        Format::Aiken | Format::Blackboard | Format::Anki => ("text/plain; charset=utf-8", "txt"),
        Format::MoodleXml => ("application/xml", "xml"),
        Format::Qti | Format::Qti21 => ("application/zip", "zip"),
        Format::Kahoot | Format::Wayground => (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
        ),
        Format::Sheet => ("text/markdown; charset=utf-8", "md"),
        Format::Html => ("text/html; charset=utf-8", "html"),
    }
}

/// `Accept: text/event-stream`: `progress` events as questions arrive, then `quiz` (the JSON
/// quiz, with its history id) or `error`.
fn streamed(app: &App, planned: Planned) -> Response {
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel::<Event>();
    let (progress, arrived) = (tx.clone(), tx.clone());
    let sink = Sink {
        progress: Arc::new(move |done, total, waiting| {
            let mut data = json!({ "done": done, "total": total });
            if let Some(w) = waiting {
                data["waiting_s"] = json!(w);
            }
            let _ = progress.send(Event::default().event("progress").data(data.to_string()));
        }),
        queued: Arc::new({
            let queued = tx.clone();
            move |place, total| {
                let data = json!({ "done": 0, "total": total, "queued": place });
                let _ = queued.send(Event::default().event("progress").data(data.to_string()));
            }
        }),
        questions: Arc::new(move |qs| {
            for q in qs {
                let data = serde_json::to_string(q).unwrap_or_default();
                let _ = arrived.send(Event::default().event("question").data(data));
            }
        }),
    };
    let format = planned.0.format;
    let count = log::Streamed::default();
    let written = count.clone();
    let (done_tx, done_rx) = tokio::sync::oneshot::channel();
    run_quiz(app, planned.0.clone(), Some(sink), done_tx);
    let state = app.ctx.state.clone();
    tokio::spawn(async move {
        let last = match done_rx.await {
            Ok(result) => {
                if let Ok(o) = &result {
                    written.set(o.written);
                }
                final_event(&planned, result, &state)
            }
            Err(_) => error_event("the quiz stopped"),
        };
        let _ = tx.send(last);
    });
    let stream = tokio_stream::StreamExt::map(
        tokio_stream::wrappers::UnboundedReceiverStream::new(rx),
        Ok::<Event, std::convert::Infallible>,
    );
    let mut r = Sse::new(stream).into_response();
    r.extensions_mut().insert(count);
    r.extensions_mut().insert(log::Format(format));
    r
}

fn error_event(msg: &str) -> Event {
    Event::default()
        .event("error")
        .data(json!({ "error": crate::redact::mask_secrets(msg) }).to_string())
}

/// The JSON quiz whatever format was asked (the page fetches the file by the quiz's id).
fn quiz_json((plan, buffer): &Planned, id: Option<i64>, state: &crate::db::StateAt) -> Value {
    if plan.format == Format::Json {
        return serde_json::from_slice::<Value>(&buffer.bytes()).unwrap_or(Value::Null);
    }
    let recorded = id.and_then(|id| {
        History::open_at(state)
            .and_then(|h| h.get(id))
            .ok()
            .flatten()
    });
    match recorded {
        Some((subject, questions)) => json!({ "subject": subject, "questions": questions }),
        None => json!({ "subject": plan.subject, "questions": [] }),
    }
}

fn final_event(planned: &Planned, result: Result<Outcome>, state: &crate::db::StateAt) -> Event {
    let outcome = match result {
        Ok(o) => o,
        Err(e) => return error_event(&crate::error::one_line(&e)),
    };
    if outcome.exit != code::OK && outcome.written == 0 {
        return error_event(
            outcome
                .message
                .as_deref()
                .unwrap_or("no questions could be had"),
        );
    }
    let mut quiz = quiz_json(planned, outcome.history_id, state);
    quiz["quiz_id"] = json!(outcome.history_id);
    if let Some(m) = outcome.message {
        quiz["warning"] = json!(crate::redact::mask_secrets(&m));
    }
    Event::default().event("quiz").data(quiz.to_string())
}
