//! The request log: one line a request, written when it ends (a streamed quiz when its stream
//! does), with the time and its zone, the client, the route, the status, the duration, the
//! questions and the format.

use std::net::IpAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use axum::body::Body;
use axum::extract::Request;
use axum::response::Response;

/// The header a handler sets to the questions in its answer.
pub(super) const QUESTIONS: &str = "x-quizgen-questions";

/// Put on a response by its handler: the format it carries.
#[derive(Clone, Copy)]
pub(super) struct Format(pub crate::export::Format);

/// Put on a streamed response: the questions it has sent so far, known at its end.
#[derive(Clone, Default)]
pub(super) struct Streamed(pub Arc<AtomicUsize>);

impl Streamed {
    pub(super) fn set(&self, n: usize) {
        self.0.store(n, Ordering::SeqCst);
    }
}

/// A request's line, begun when it came.
pub(super) struct Line {
    started: Instant,
    client: IpAddr,
    route: String,
}

impl Line {
    pub(super) fn start(client: IpAddr, req: &Request) -> Line {
        Line {
            started: Instant::now(),
            client,
            route: format!("{} {}", req.method(), req.uri().path()),
        }
    }

    /// Writes the line now, or, for a streamed answer, when its body ends or is dropped.
    pub(super) fn finish(self, response: Response) -> Response {
        let status = response.status().as_u16();
        let format = response.extensions().get::<Format>().map(|f| f.0.name());
        let Some(streamed) = response.extensions().get::<Streamed>().cloned() else {
            let questions = response
                .headers()
                .get(QUESTIONS)
                .and_then(|v| v.to_str().ok())
                .and_then(|v| v.parse().ok());
            self.write(status, questions, format.as_deref());
            return response;
        };
        let on_end = OnEnd {
            line: Some(self),
            status,
            format,
            streamed,
        };
        let (parts, body) = response.into_parts();
        let body = tokio_stream::StreamExt::map(body.into_data_stream(), move |chunk| {
            let _kept_until_the_end = &on_end;
            chunk
        });
        Response::from_parts(parts, Body::from_stream(body))
    }

    fn write(&self, status: u16, questions: Option<usize>, format: Option<&str>) {
        let questions = questions.map_or_else(|| "-".to_owned(), |n| n.to_string());
        crate::progress::dated_line(&format!(
            "quizgen: {} {} {status} {}ms {questions} questions {}",
            self.client,
            self.route,
            self.started.elapsed().as_millis(),
            format.unwrap_or("-")
        ));
    }
}

/// Writes a streamed request's line when its body is done with.
struct OnEnd {
    line: Option<Line>,
    status: u16,
    format: Option<String>,
    streamed: Streamed,
}

impl Drop for OnEnd {
    fn drop(&mut self) {
        if let Some(line) = self.line.take() {
            let n = self.streamed.0.load(Ordering::SeqCst);
            line.write(self.status, Some(n), self.format.as_deref());
        }
    }
}
