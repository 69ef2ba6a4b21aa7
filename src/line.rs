//! The line in which the quizzes of one process take the pool's capacity: in arrival order.
//!
//! `serve` runs several quizzes at once over one pool. Without a line, each quiz that finds
//! every lane busy sleeps until the soonest capacity and whichever wakes first takes it, so one
//! quiz can lose the race again and again while later ones finish. Here a quiz that wants
//! capacity and does not get it stands in the line, and only the one that came first among
//! those standing may reserve; the others wait for it.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How long a quiz holds its place from arrival before it has asked the pool: long enough for
/// a bank lookup and the pool's opening, so that a later quiz that got there sooner does not
/// take the capacity the first would have had; short, so that one that never asks (served
/// from the bank, made offline, checking banked questions first) holds no one back for long.
pub(crate) const ARRIVAL_HOLD: Duration = Duration::from_secs(1);

/// The quizzes of one process, by ticket (their arrival order).
#[derive(Debug, Default)]
pub(crate) struct Line {
    next: std::sync::atomic::AtomicU64,
    /// Quizzes standing in the line, by ticket.
    waiting: Mutex<BTreeMap<u64, Standing>>,
}

#[derive(Debug, Clone, Copy)]
struct Standing {
    /// When capacity returns, as far as the quiz knows.
    due: Instant,
    /// For a quiz that has not asked the pool yet: when its hold from arrival ends.
    held_until: Option<Instant>,
}

/// One quiz's place: its ticket, given when it arrived.
#[derive(Debug)]
pub(crate) struct Place {
    line: Arc<Line>,
    ticket: u64,
}

impl Line {
    /// A place for a quiz that arrives now, behind every quiz that came before it, held for
    /// `ARRIVAL_HOLD` until it asks the pool.
    pub(crate) fn join(self: &Arc<Line>) -> Place {
        let ticket = self.next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let now = Instant::now();
        let standing = Standing {
            due: now,
            held_until: Some(now + ARRIVAL_HOLD),
        };
        self.waiting().insert(ticket, standing);
        Place {
            line: self.clone(),
            ticket,
        }
    }

    fn waiting(&self) -> std::sync::MutexGuard<'_, BTreeMap<u64, Standing>> {
        // The map is always whole between two calls, so a poisoned lock can still be used.
        self.waiting.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Place {
    /// `None` when this quiz may ask the pool for capacity (no quiz that came before it is
    /// waiting); otherwise how long the first of them expects to wait.
    pub(crate) fn ahead(&self, now: Instant) -> Option<Duration> {
        let waiting = self.line.waiting();
        let first = waiting
            .range(..self.ticket)
            .map(|(_, s)| s)
            .find(|s| s.held_until.is_none_or(|h| now < h))?;
        Some(first.due.saturating_duration_since(now))
    }

    /// Stands in the line (capacity returns at `due`, as far as this quiz knows), or leaves
    /// it (`None`: it was served, or wants nothing now).
    pub(crate) fn stand(&self, due: Option<Instant>) {
        let mut waiting = self.line.waiting();
        match due {
            Some(due) => waiting.insert(
                self.ticket,
                Standing {
                    due,
                    held_until: None,
                },
            ),
            None => waiting.remove(&self.ticket),
        };
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        self.stand(None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_to_arrive_among_those_waiting_goes_first() {
        let line = Arc::new(Line::default());
        let (a, b, c) = (line.join(), line.join(), line.join());
        let now = Instant::now();
        // Each is held from its arrival: only the first may ask.
        assert_eq!(a.ahead(now), None);
        assert!(b.ahead(now).is_some() && c.ahead(now).is_some());
        // Served, they leave the line: anyone may ask.
        for p in [&a, &b, &c] {
            p.stand(None);
        }
        assert_eq!(c.ahead(now), None);
        // b and c both wait: b came first, so c stands behind it, and b may ask.
        b.stand(Some(now + Duration::from_secs(3)));
        c.stand(Some(now + Duration::from_secs(1)));
        assert_eq!(b.ahead(now), None);
        assert_eq!(c.ahead(now), Some(Duration::from_secs(3)));
        // a came before both and never waited: it is not held back by them.
        assert_eq!(a.ahead(now), None);
        // b is served: c is first now.
        b.stand(None);
        assert_eq!(c.ahead(now), None);
    }

    #[test]
    fn a_quiz_that_ends_leaves_the_line() {
        let line = Arc::new(Line::default());
        let (a, b) = (line.join(), line.join());
        assert!(b.ahead(Instant::now()).is_some());
        drop(a);
        assert_eq!(b.ahead(Instant::now()), None);
    }

    /// A quiz that never asks the pool (a bank lookup, checking banked questions) holds the
    /// later ones back for its arrival hold only; once it waits for capacity, for good.
    #[test]
    fn the_hold_from_arrival_ends() {
        let line = Arc::new(Line::default());
        let (a, b) = (line.join(), line.join());
        let now = Instant::now();
        let later = now + ARRIVAL_HOLD;
        assert!(b.ahead(now).is_some());
        assert_eq!(b.ahead(later), None);
        a.stand(Some(later + Duration::from_secs(5)));
        assert_eq!(b.ahead(later), Some(Duration::from_secs(5)));
    }
}
