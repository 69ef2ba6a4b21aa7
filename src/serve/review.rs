//! A teacher's review of a quiz on the page: drop a question (the bank never serves it again),
//! and ask for one more in its place, made the way the quiz was.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use anyhow::Result;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use super::{RETRY_AFTER_503, Shared, blocking, error};
use crate::context::Context;
use crate::history::History;
use crate::mcq::Mcq;
use crate::quiz::{self, More, Plan};

/// How many recent quizzes keep their plan (a pasted text can be 2 MB).
const KEEP: usize = 50;

/// How each recent quiz of this server was made, and what a teacher dropped from it: kept in
/// memory, so a quiz made before the server last started cannot be added to.
#[derive(Default)]
pub(super) struct Reviews {
    quizzes: Mutex<BTreeMap<i64, Review>>,
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

    /// Quiz `id` was made by `plan`; the oldest beyond `KEEP` are forgotten.
    pub(super) fn remember(&self, id: i64, plan: Plan) {
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
    let at = app.ctx.state.clone();
    let done = blocking(move || -> Result<Option<(Mcq, String, Vec<Mcq>)>> {
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

/// `POST /api/v1/quizzes/ID/questions`: one more question at the end of a quiz made by this
/// server since it started, made the way the quiz was (from its pasted text, or from the bank
/// and the pool, waiting its turn as a quiz does), none it holds or a teacher dropped from it.
/// Answers the quiz as it now is.
pub(super) async fn add_question(State(app): State<Shared>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return error(
            StatusCode::BAD_REQUEST,
            &format!("id: {id:?} is not a quiz number (see GET /api/v1/quizzes)"),
        );
    };
    let Some((plan, dropped)) = app.reviews.get(id) else {
        return error(
            StatusCode::CONFLICT,
            &format!(
                "quiz {id} was not made by this server since it last started, so it cannot say how to make more like it: make a new quiz"
            ),
        );
    };
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
    let ctx = Context {
        quiet: true,
        sink: None,
        place: Some(Arc::new(app.line.join())),
        ..app.ctx.clone()
    };
    let _turn = app.turns.wait(|_| {}).await;
    let known: Vec<Mcq> = have.into_iter().chain(dropped).collect();
    let more = match quiz::one_more(&ctx, &plan, &known).await {
        Ok(More::One(q)) => q,
        Ok(More::TextExhausted) => {
            return error(
                StatusCode::CONFLICT,
                "the text holds no other question that passes every check: paste a longer text for more",
            );
        }
        Ok(More::NoneNow) => return none_now(),
        Err(e) => return internal(&e),
    };
    let at = app.ctx.state.clone();
    match blocking(move || History::open_at(&at)?.add_question(id, more)).await {
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
        "no new question could be had now (no provider had room in time): try again in a minute",
    );
    r.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from(RETRY_AFTER_503));
    r
}
