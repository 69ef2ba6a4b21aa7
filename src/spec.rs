//! The domain's words for a quiz: its difficulty, how the bank is used, how purchases are made
//! (with the built-in defaults every caller starts from), and how a purchase ended together
//! with the exit code that ending maps to. Nothing here reads a flag, a file or the clock.

use std::time::Duration;

use clap::ValueEnum;

use crate::error::code;

/// Questions in a quiz when neither the request nor keys.toml's `[defaults]` says.
pub(crate) const DEFAULT_COUNT: usize = 10;
/// Unserved questions `batch` keeps per subject when neither its line nor `--count` says.
pub(crate) const DEFAULT_BATCH_COUNT: usize = 20;
/// Options per question.
pub(crate) const DEFAULT_OPTIONS: usize = 4;
/// The language of the questions.
pub(crate) const DEFAULT_LANGUAGE: &str = "English";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Difficulty {
    Easy,
    #[default]
    Medium,
    Hard,
    /// A mix of difficulties; from the bank, any
    Mixed,
    /// Any difficulty the bank holds (asks providers for a mix)
    Any,
}

impl Difficulty {
    /// The word the bank files questions under and prompts ask for.
    pub fn as_str(self) -> &'static str {
        match self {
            Difficulty::Easy => "easy",
            Difficulty::Medium => "medium",
            Difficulty::Hard => "hard",
            // Both take any difficulty from the bank and ask providers for a mix.
            Difficulty::Mixed | Difficulty::Any => "mixed",
        }
    }

    /// A difficulty as a person writes it (any case); `None` names none of the five.
    pub fn named(s: &str) -> Option<Difficulty> {
        Difficulty::from_str(s.trim(), true).ok()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum BankMode {
    /// Unserved banked questions first, generate the rest
    #[default]
    Prefer,
    /// Generate everything (and still bank it)
    Fresh,
    /// Never call a provider: the bank only
    Only,
    /// Neither read nor write the bank
    Off,
}

/// `--concurrency N|auto`
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Concurrency {
    Fixed(usize),
    /// Two requests in flight per usable lane.
    Auto,
}

impl std::str::FromStr for Concurrency {
    type Err = String;

    fn from_str(s: &str) -> Result<Concurrency, String> {
        if s.eq_ignore_ascii_case("auto") {
            return Ok(Concurrency::Auto);
        }
        match s.parse::<usize>() {
            Ok(n) if (1..=64).contains(&n) => Ok(Concurrency::Fixed(n)),
            _ => Err("expected a number from 1 to 64, or auto".into()),
        }
    }
}

/// How purchases are made. `Default` is the built-in value of every flag.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    pub concurrency: Concurrency,
    /// The longest the purchase goes without a new question (waits of every kind included).
    pub max_wait: Duration,
    /// Connection attempts in a row that may fail before the providers count as unreachable.
    pub retries: u32,
    /// Total time allowed to one request.
    pub request_timeout: Duration,
    /// 429 answers in a row, without a question between them, that close a lane for the run.
    pub max_throttles: u32,
    /// Seeds the retry jitter (`--seed`); `None` draws a seed from the system.
    pub seed: Option<u64>,
    /// How long a signal's stop waits for the answers already on the wire (they are paid for):
    /// a second at the command line, where a person is waiting; `serve --drain` for a server.
    pub drain: Duration,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            concurrency: Concurrency::Fixed(1),
            max_wait: Duration::from_secs(15 * 60),
            retries: 3,
            request_timeout: Duration::from_secs(120),
            max_throttles: 5,
            seed: None,
            drain: Duration::from_secs(1),
        }
    }
}

impl Settings {
    /// A request never outlives the run's patience.
    pub fn effective_timeout(&self) -> Duration {
        self.request_timeout
            .min(self.max_wait)
            .max(Duration::from_secs(1))
    }
}

/// How a purchase ended.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ending {
    /// Every question asked for was had.
    Done,
    /// Fewer could be had: budgets spent, `--max-wait` passed, or models kept failing.
    Short(String),
    /// No key or model can serve at all.
    Closed(String),
    /// The providers could not be reached (no connection after every retry).
    Unreachable(String),
    /// Something of ours failed (the disk is full): what was had is still written.
    Failed(String),
    /// Stopped by a signal; the exit code it maps to (130, 143, 129).
    Interrupted(u8),
}

impl Ending {
    /// The exit code of a run that ended so: the one mapping every command uses (the table in
    /// docs/exit-codes.md).
    pub(crate) fn exit_code(&self) -> u8 {
        match self {
            Ending::Done => code::OK,
            Ending::Short(_) | Ending::Unreachable(_) => code::PARTIAL,
            Ending::Closed(_) | Ending::Failed(_) => code::ERROR,
            Ending::Interrupted(c) => *c,
        }
    }

    /// Why it fell short, if it did.
    pub(crate) fn reason(&self) -> Option<&str> {
        match self {
            Ending::Done | Ending::Interrupted(_) => None,
            Ending::Short(why)
            | Ending::Closed(why)
            | Ending::Unreachable(why)
            | Ending::Failed(why) => Some(why),
        }
    }
}

/// The exit code of a run of several purchases (`batch`): a signal first, then an error, then
/// a shortfall.
pub(crate) fn worst_exit(codes: impl IntoIterator<Item = u8>) -> u8 {
    let rank = |c: u8| match c {
        code::OK => 0,
        code::PARTIAL => 1,
        code::ERROR => 2,
        _ => 3,
    };
    codes
        .into_iter()
        .max_by_key(|c| rank(*c))
        .unwrap_or(code::OK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_maps_an_ending_to_the_same_code() {
        assert_eq!(Ending::Done.exit_code(), 0);
        assert_eq!(Ending::Short("x".into()).exit_code(), 3);
        assert_eq!(Ending::Unreachable("x".into()).exit_code(), 3);
        assert_eq!(Ending::Closed("every key is dead".into()).exit_code(), 1);
        assert_eq!(Ending::Failed("disk full".into()).exit_code(), 1);
        assert_eq!(Ending::Interrupted(143).exit_code(), 143);
        assert_eq!(worst_exit([0, 3, 1, 3]), 1);
        assert_eq!(worst_exit([3, 130, 1]), 130);
        assert_eq!(worst_exit([]), 0);
    }

    #[test]
    fn difficulty_words() {
        assert_eq!(Difficulty::named(" Hard"), Some(Difficulty::Hard));
        assert_eq!(
            Difficulty::named("any").map(Difficulty::as_str),
            Some("mixed")
        );
        assert_eq!(Difficulty::named("tough"), None);
        assert_eq!("auto".parse(), Ok(Concurrency::Auto));
        assert!("65".parse::<Concurrency>().is_err());
    }
}
