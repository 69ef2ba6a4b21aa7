//! A teacher's review of a quiz on the page: drop a question (the bank never serves it again),
//! and ask for one more in its place, made the way the quiz was.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::Result;
use axum::extract::rejection::QueryRejection;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::{RETRY_AFTER_503, Shared, blocking, error, failed, over_limit};
use crate::context::Context;
use crate::export::{Buffer, Target};
use crate::history::History;
use crate::mcq::Mcq;
use crate::quiz::{self, More, Plan};

/// How many recent quizzes keep their plan (a pasted text can be 2 MB).
const KEEP: usize = 30;
/// How many dropped questions a quiz remembers (a replacement is never one of them).
const KEEP_DROPPED: usize = 200;

/// How each recent quiz of this server was made, and what a teacher dropped from it: kept in
/// memory, so a quiz made before the server last started cannot be added to.
#[derive(Default)]
pub(super) struct Reviews {
    quizzes: Mutex<BTreeMap<i64, Review>>,
    /// Held while a quiz in the history is read and written back, so that a drop and an
    /// addition at once (two clicks) do not undo each other.
    edits: Mutex<()>,
}

struct Review {
    plan: Plan,
    dropped: Vec<Mcq>,
}

impl Reviews {
    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<i64, Review>> {
        // Each change is one insert or push: a poisoned map is still whole.
        self.quizzes.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn editing(&self) -> std::sync::MutexGuard<'_, ()> {
        self.edits.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Quiz `id` was made by `plan` (kept without the file it wrote); the oldest beyond
    /// `KEEP` are forgotten.
    pub(super) fn remember(&self, id: i64, plan: Plan) {
        let plan = Plan {
            target: Target::Memory(Buffer::default()),
            ..plan
        };
        let mut quizzes = self.lock();
        quizzes.insert(
            id,
            Review {
                plan,
                dropped: Vec::new(),
            },
        );
        while quizzes.len() > KEEP {
            quizzes.pop_first();
        }
    }

    fn dropped(&self, id: i64, q: Mcq) {
        if let Some(r) = self.lock().get_mut(&id) {
            if r.dropped.len() >= KEEP_DROPPED {
                r.dropped.remove(0);
            }
            r.dropped.push(q);
        }
    }

    /// The plan of quiz `id` and the questions dropped from it.
    fn get(&self, id: i64) -> Option<(Plan, Vec<Mcq>)> {
        self.lock()
            .get(&id)
            .map(|r| (r.plan.clone(), r.dropped.clone()))
    }
}

/// `{"subject", "questions", "quiz_id"}`: a quiz as it is now.
fn quiz_now(id: i64, subject: &str, questions: &[Mcq]) -> Response {
    axum::Json(json!({ "subject": subject, "questions": questions, "quiz_id": id })).into_response()
}

fn internal(e: &anyhow::Error) -> Response {
    error(
        StatusCode::INTERNAL_SERVER_ERROR,
        &crate::error::one_line(e),
    )
}

/// `DELETE /api/v1/quizzes/ID/questions/N` (N from 1): a teacher drops a question on review.
/// The quiz is kept without it and a banked question is marked refused, never served again.
/// Answers the quiz as it now is.
pub(super) async fn drop_question(
    State(app): State<Shared>,
    Path((id, n)): Path<(String, String)>,
) -> Response {
    let (Ok(id), Ok(n)) = (id.parse::<i64>(), n.parse::<usize>()) else {
        return error(
            StatusCode::BAD_REQUEST,
            &format!(
                "id {id:?}, question {n:?}: give the quiz's number and the question's (from 1)"
            ),
        );
    };
    let (at, reviews) = (app.ctx.state.clone(), app.reviews.clone());
    let done = blocking(move || -> Result<Option<(Mcq, String, Vec<Mcq>)>> {
        let _editing = reviews.editing();
        let history = History::open_at(&at)?;
        let Some((subject, dropped)) = history.drop_question(id, n.wrapping_sub(1))? else {
            return Ok(None);
        };
        if let Some(qid) = &dropped.id {
            crate::bank::Bank::open_at(&at)?.refuse_by_teacher(&subject, qid)?;
        }
        let (subject, questions) = history.get(id)?.unwrap_or_default();
        Ok(Some((dropped, subject, questions)))
    })
    .await;
    match done {
        Ok(Some((dropped, subject, questions))) => {
            app.reviews.dropped(id, dropped);
            quiz_now(id, &subject, &questions)
        }
        Ok(None) => error(
            StatusCode::NOT_FOUND,
            &format!("quiz {id} has no question {n}"),
        ),
        Err(e) => internal(&e),
    }
}

/// Where an added question goes: `?at=N`, its place from 1 (the end when absent).
#[derive(serde::Deserialize)]
pub(super) struct Placing {
    at: Option<usize>,
}

/// `POST /api/v1/quizzes/ID/questions[?at=N]`: one more question in a quiz made by this server
/// since it started, at place N or the end, made the way the quiz was (from its pasted text, or
/// from the bank and the pool, waiting its turn as a quiz does), none it holds or a teacher
/// dropped from it. Counts against `--per-ip` as a quiz does. Answers the quiz as it now is.
pub(super) async fn add_question(
    State(app): State<Shared>,
    ConnectInfo(peer): ConnectInfo<std::net::SocketAddr>,
    Path(id): Path<String>,
    placing: std::result::Result<Query<Placing>, QueryRejection>,
) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return error(
            StatusCode::BAD_REQUEST,
            &format!("id: {id:?} is not a quiz number (see GET /api/v1/quizzes)"),
        );
    };
    let place = match placing {
        Ok(Query(Placing { at: Some(0) })) | Err(_) => {
            return error(
                StatusCode::BAD_REQUEST,
                "at: give the new question's place as a number from 1",
            );
        }
        Ok(Query(p)) => p.at.map(|n| n - 1),
    };
    if let Some(r) = over_limit(&app, peer.ip()) {
        return r;
    }
    let at = app.ctx.state.clone();
    let have = match blocking(move || History::open_at(&at)?.get(id)).await {
        Ok(Some((_, questions))) => questions,
        Ok(None) => {
            return error(
                StatusCode::NOT_FOUND,
                &format!("no quiz {id} in the history"),
            );
        }
        Err(e) => return internal(&e),
    };
    let Some((plan, dropped)) = app.reviews.get(id) else {
        return error(
            StatusCode::CONFLICT,
            &format!(
                "quiz {id} was not made by this server since it last started, so it cannot say how to make more like it: make a new quiz"
            ),
        );
    };
    let known: Vec<Mcq> = have.into_iter().chain(dropped).collect();
    // A task of its own: a client that goes away must not cut a purchase short (what is on the
    // wire is paid for, and banked questions taken for it are marked served).
    let (tx, rx) = tokio::sync::oneshot::channel();
    let task = app.clone();
    tokio::spawn(async move {
        let _turn = task.turns.wait(|_| {}).await;
        let ctx = Context {
            quiet: true,
            sink: None,
            place: Some(Arc::new(task.line.join())),
            ..task.ctx.clone()
        };
        let _ = tx.send(quiz::one_more(&ctx, &plan, &known).await);
    });
    let more = match rx.await {
        Ok(Ok(More::One(q))) => q,
        Ok(Ok(More::TextExhausted)) => {
            return error(
                StatusCode::CONFLICT,
                "the text holds no other question that passes every check: paste a longer text for more",
            );
        }
        Ok(Ok(More::NoneNow)) => return none_now(),
        Ok(Err(e)) => return failed(&e),
        Err(_) => return error(StatusCode::INTERNAL_SERVER_ERROR, "the question stopped"),
    };
    let (at, reviews) = (app.ctx.state.clone(), app.reviews.clone());
    let added = blocking(move || {
        let _editing = reviews.editing();
        History::open_at(&at)?.add_question(id, more, place)
    })
    .await;
    match added {
        Ok(Some((subject, questions))) => quiz_now(id, &subject, &questions),
        Ok(None) => error(
            StatusCode::NOT_FOUND,
            &format!("no quiz {id} in the history"),
        ),
        Err(e) => internal(&e),
    }
}

/// No new question could be had from the providers now.
fn none_now() -> Response {
    let mut r = error(
        StatusCode::SERVICE_UNAVAILABLE,
        "no new question could be had now (no provider had room in time, or the server is stopping): try again in a minute",
    );
    r.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_503));
    r
}
