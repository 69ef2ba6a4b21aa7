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

/// The quizzes of one process, by ticket (their arrival order).
#[derive(Debug, Default)]
pub(crate) struct Line {
    next: std::sync::atomic::AtomicU64,
    /// Quizzes waiting for capacity: ticket → when the pool said capacity returns.
    waiting: Mutex<BTreeMap<u64, Instant>>,
}

/// One quiz's place: its ticket, given when it arrived.
#[derive(Debug)]
pub(crate) struct Place {
    line: Arc<Line>,
    ticket: u64,
}

impl Line {
    /// A place for a quiz that arrives now, behind every quiz that came before it. It stands
    /// in the line at once: until it has asked the pool, a later quiz that reached the pool
    /// sooner (its bank lookup was quicker) must not take the capacity it would have had.
    pub(crate) fn join(self: &Arc<Line>) -> Place {
        let ticket = self.next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        self.waiting().insert(ticket, Instant::now());
        Place {
            line: self.clone(),
            ticket,
        }
    }

    fn waiting(&self) -> std::sync::MutexGuard<'_, BTreeMap<u64, Instant>> {
        // The map is always whole between two calls, so a poisoned lock can still be used.
        self.waiting.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Place {
    /// `None` when this quiz may ask the pool for capacity (no quiz that came before it is
    /// waiting); otherwise how long the first of them expects to wait.
    pub(crate) fn ahead(&self, now: Instant) -> Option<Duration> {
        let waiting = self.line.waiting();
        let (&first, &due) = waiting.iter().next()?;
        (first < self.ticket).then(|| due.saturating_duration_since(now))
    }

    /// Stands in the line (capacity returns at `due`, as far as this quiz knows), or leaves
    /// it (`None`: it was served, or wants nothing now).
    pub(crate) fn stand(&self, due: Option<Instant>) {
        let mut waiting = self.line.waiting();
        match due {
            Some(d) => waiting.insert(self.ticket, d),
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
        // Each stands from its arrival: only the first may ask.
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
}
