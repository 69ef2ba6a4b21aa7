//! What the user sees on stderr while a job runs: an indicatif bar on a terminal, plain log
//! lines elsewhere (cron, pipes), nothing with `-q`. Warnings and errors always go to stderr.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

pub struct Progress {
    bar: Option<ProgressBar>,
    quiet: bool,
    verbose: bool,
    total: usize,
}

impl Progress {
    /// A reporter for a job of `total` questions.
    pub fn new(total: usize, quiet: bool, verbose: bool) -> Progress {
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
            bar,
            quiet,
            verbose,
            total,
        }
    }

    pub fn set_total(&mut self, total: usize) {
        self.total = total;
        if let Some(b) = &self.bar {
            b.set_length(total as u64);
        }
    }

    /// Questions had so far, and what is going on (current key, model).
    pub fn update(&self, done: usize, what: &str) {
        match &self.bar {
            Some(b) => {
                b.set_position(done as u64);
                b.set_message(crate::redact::for_terminal(what));
            }
            None if !self.quiet => eprintln!(
                "quizgen: {done}/{} questions{}{}",
                self.total,
                if what.is_empty() { "" } else { " · " },
                crate::redact::for_terminal(what)
            ),
            None => {}
        }
    }

    /// A wait for capacity, shown in the bar or logged once.
    pub fn waiting(&self, done: usize, wait: Duration, why: &str) {
        let secs = wait.as_secs_f64().ceil() as u64;
        self.update(
            done,
            &format!(
                "waiting {} for {why}",
                humantime::format_duration(Duration::from_secs(secs))
            ),
        );
    }

    /// A detail shown only with `-v`.
    pub fn detail(&self, msg: &str) {
        if self.verbose && !self.quiet {
            self.line(&format!("quizgen: {msg}"));
        }
    }

    /// A warning: shown unless `-q`.
    pub fn warn(&self, msg: &str) {
        if !self.quiet {
            self.line(&format!("quizgen: warning: {msg}"));
        }
    }

    fn line(&self, msg: &str) {
        let msg = &crate::redact::for_terminal(msg);
        match &self.bar {
            Some(b) => b.println(msg),
            None => eprintln!("{msg}"),
        }
    }

    pub fn finish(&self) {
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
