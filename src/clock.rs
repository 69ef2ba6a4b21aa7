//! Time for the pool, its state and `stats`: the system clock in use, a simulated one in
//! tests (in the style of governor's `FakeRelativeClock`), so that windows are tested on
//! simulated time rather than sleeps.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

/// Milliseconds since the Unix epoch.
pub trait Clock: Send + Sync + std::fmt::Debug {
    fn now_ms(&self) -> i64;
}

/// The wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> i64 {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64)
    }
}

/// A clock that moves only when told to; clones share one time.
#[derive(Debug, Clone, Default)]
pub struct FakeClock(Arc<AtomicI64>);

impl FakeClock {
    /// Starts at `start_ms` (milliseconds since the epoch).
    pub fn new(start_ms: i64) -> FakeClock {
        FakeClock(Arc::new(AtomicI64::new(start_ms)))
    }

    pub fn advance(&self, d: Duration) {
        let ms = i64::try_from(d.as_millis()).unwrap_or(i64::MAX / 4);
        self.0.fetch_add(ms, Ordering::SeqCst);
    }
}

impl Clock for FakeClock {
    fn now_ms(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}

/// The wall clock's time now, in milliseconds since the epoch.
pub fn now_ms() -> i64 {
    SystemClock.now_ms()
}

/// The clock quizgen runs on.
pub(crate) fn system() -> Arc<dyn Clock> {
    Arc::new(SystemClock)
}
