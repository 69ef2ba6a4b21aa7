//! What the user sees on stderr while a job runs: an indicatif bar on a terminal, plain log
//! lines elsewhere (cron, pipes), nothing with `-q`. Warnings and errors always go to stderr.
//! Every stderr line leaves through `line`: masked, escaped, and off a terminal stamped with the
//! local time, as cron logs need.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Writes one message line to stderr: secrets masked, control characters escaped, and, when
/// stderr is not a terminal, `HH:MM:SS ` in front.
pub(crate) fn line(msg: &str) {
    eprintln!("{}", stamped(&crate::redact::for_terminal(msg)));
}

/// Writes one line stamped with the local date, time and zone whatever stderr is: a server's
/// request log, read beside other machines' logs.
pub(crate) fn dated_line(msg: &str) {
    eprintln!(
        "{} {}",
        chrono::Local::now().format("%Y-%m-%dT%H:%M:%S%:z"),
        crate::redact::for_terminal(msg)
    );
}

fn stamped(msg: &str) -> String {
    if std::io::stderr().is_terminal() {
        msg.to_owned()
    } else {
        format!("{} {msg}", chrono::Local::now().format("%H:%M:%S"))
    }
}

/// How often a long wait is logged again off a terminal.
const WAIT_LOG_EVERY: Duration = Duration::from_secs(60);

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A receiver of progress: (questions had, questions asked, seconds of the current wait), and
/// the questions as they are had (before the quiz's final order and answer positions).
#[derive(Clone)]
pub(crate) struct Sink {
    pub progress: std::sync::Arc<dyn Fn(usize, usize, Option<u64>) + Send + Sync>,
    pub questions: std::sync::Arc<QuestionsSink>,
    /// (place in the line, questions asked) while a server's quiz waits its turn.
    pub queued: std::sync::Arc<dyn Fn(u64, usize) + Send + Sync>,
}

/// Receives questions as they are had.
pub(crate) type QuestionsSink = dyn Fn(&[crate::mcq::Mcq]) + Send + Sync;

impl std::fmt::Debug for Sink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Sink")
    }
}

pub(crate) struct Progress {
    sink: Option<Sink>,
    bar: Option<ProgressBar>,
    quiet: bool,
    verbose: bool,
    total: usize,
    /// When the current wait was last logged (off a terminal), if one is going on.
    wait_logged: Mutex<Option<Instant>>,
}

impl Progress {
    /// A reporter for a job of `total` questions.
    pub(crate) fn new(total: usize, quiet: bool, verbose: bool) -> Progress {
        let terminal = std::io::stderr().is_terminal();
        let bar = (terminal && !quiet).then(|| {
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            let style = ProgressStyle::with_template(
                "{spinner} [{bar:30}] {pos}/{len} questions {wide_msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ");
            bar.set_style(style);
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress {
            sink: None,
            bar,
            quiet,
            verbose,
            total,
            wait_logged: Mutex::new(None),
        }
    }

    /// When the current wait was last logged (a poisoned lock only means a message was lost).
    fn logged(&self) -> std::sync::MutexGuard<'_, Option<Instant>> {
        self.wait_logged
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Also sends progress to `sink`.
    pub(crate) fn with_sink(mut self, sink: Option<Sink>) -> Progress {
        self.sink = sink;
        self
    }

    /// Questions had so far, and what is going on (current key, model).
    pub(crate) fn update(&self, done: usize, what: &str) {
        *self.logged() = None;
        if let Some(s) = &self.sink {
            (s.progress)(done, self.total, None);
        }
        self.show(done, what);
    }

    /// Questions just had, for the sink (a page showing them as they come).
    pub(crate) fn arrived(&self, questions: &[crate::mcq::Mcq]) {
        if let Some(s) = &self.sink
            && !questions.is_empty()
        {
            (s.questions)(questions);
        }
    }

    fn show(&self, done: usize, what: &str) {
        match &self.bar {
            Some(b) => {
                b.set_position(done as u64);
                b.set_message(crate::redact::for_terminal(what));
            }
            None if !self.quiet => line(&format!(
                "quizgen: {done}/{} questions{}{what}",
                self.total,
                if what.is_empty() { "" } else { " · " },
            )),
            None => {}
        }
    }

    /// A wait for capacity: shown live in the bar; in a log, when it starts and at most once a
    /// minute after that.
    pub(crate) fn waiting(&self, done: usize, wait: Duration, why: &str) {
        let secs = wait.as_secs_f64().ceil() as u64;
        if let Some(s) = &self.sink {
            (s.progress)(done, self.total, Some(secs));
        }
        let what = format!(
            "waiting {} for {why}",
            humantime::format_duration(Duration::from_secs(secs))
        );
        if self.bar.is_some() {
            return self.show(done, &what);
        }
        let due = {
            let mut logged = self.logged();
            let due = logged.is_none_or(|t| t.elapsed() >= WAIT_LOG_EVERY);
            if due {
                *logged = Some(Instant::now());
            }
            due
        };
        if due {
            self.show(done, &what);
        }
    }

    /// A detail shown only with `-v`.
    pub(crate) fn detail(&self, msg: &str) {
        if self.verbose && !self.quiet {
            self.line(&format!("quizgen: {msg}"));
        }
    }

    /// A warning: shown unless `-q`.
    pub(crate) fn warn(&self, msg: &str) {
        if !self.quiet {
            self.line(&format!("quizgen: warning: {msg}"));
        }
    }

    fn line(&self, msg: &str) {
        match &self.bar {
            Some(b) => b.println(crate::redact::for_terminal(msg)),
            None => line(msg),
        }
    }

    pub(crate) fn finish(&self) {
        if let Some(b) = &self.bar {
            b.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}
