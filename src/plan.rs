//! The one plan builder (as ripgrep's `HiArgs`): what a caller asked for — flags, a JSON body,
//! a line of a subjects file — plus keys.toml's `[defaults]`, plus the built-in defaults,
//! checked once into a typed `quiz::Plan`. `generate`, `batch` and `serve` all build here, so a
//! default is decided in one place and `[defaults]` means the same everywhere.

use std::path::PathBuf;

use crate::config::Defaults;
use crate::error::QuizError;
use crate::export::{Format, RenderOptions, Target};
use crate::mcq::Rules;
use crate::spec::{self, BankMode, Concurrency, Difficulty, Settings};

/// A source text the questions must come from.
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub path: PathBuf,
    pub text: String,
    pub hash: String,
}

impl Source {
    /// The file's name, as offline questions cite it.
    pub(crate) fn origin(&self) -> String {
        self.path.file_name().map_or_else(
            || self.path.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    }
}

/// One quiz to make, every flag already checked.
#[derive(Debug, Clone)]
pub(crate) struct Plan {
    pub subject: String,
    pub count: usize,
    pub format: Format,
    pub render: RenderOptions,
    pub target: Target,
    pub rules: Rules,
    pub difficulty: crate::spec::Difficulty,
    pub language: String,
    pub source: Option<Source>,
    /// Never ask a provider: offline from the source text.
    pub offline: bool,
    pub bank: BankMode,
    pub keys_file: Option<PathBuf>,
    /// How it is bought; its `seed` (`--seed`) also seeds the offline choices and positions.
    pub settings: Settings,
    /// Write only questions whose key a blind solve on another lane confirmed.
    pub verify: bool,
    /// Record the written quiz in the history (not for a question added to a quiz already
    /// recorded, in a teacher's review).
    pub record: bool,
}

/// What a caller said; `None` is "not said" and falls to `[defaults]`, then the built-in.
#[derive(Debug, Clone, Default)]
pub(crate) struct Asked {
    pub(crate) count: Option<usize>,
    pub(crate) format: Option<Format>,
    pub(crate) difficulty: Option<Difficulty>,
    pub(crate) language: Option<String>,
    pub(crate) options: Option<usize>,
    pub(crate) verify: Option<bool>,
    pub(crate) concurrency: Option<Concurrency>,
}

/// How the caller names its fields in messages: `--options` on the command line, `options`
/// in a JSON body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Naming {
    Flags,
    Fields,
}

/// `Asked` with every gap filled: flags (or the body) first, then `[defaults]`, then the
/// built-in defaults of `spec`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Chosen {
    pub(crate) count: usize,
    pub(crate) format: Format,
    pub(crate) difficulty: Difficulty,
    pub(crate) language: String,
    pub(crate) options: usize,
    pub(crate) verify: bool,
    /// The caller's settings, with the concurrency chosen like the fields above.
    pub(crate) settings: Settings,
}

impl Asked {
    /// Fills the gaps and checks what depends on more than one field (the options a format
    /// takes); the error names the field as the caller does. `base` is how the caller buys
    /// (its flags, or `serve`'s); its concurrency is the last resort (`serve` runs several
    /// quizzes at once and defaults to `auto`, the command line to one request).
    pub(crate) fn choose(
        self,
        d: &Defaults,
        base: Settings,
        naming: Naming,
    ) -> Result<Chosen, QuizError> {
        let format = self.format.or(d.format).unwrap_or(Format::Json);
        let options = self.options.unwrap_or(spec::DEFAULT_OPTIONS);
        if !(2..=format.max_options()).contains(&options) {
            let (most, name) = (format.max_options(), format.name());
            return Err(QuizError::Usage(match naming {
                Naming::Flags => {
                    format!("--format {name} takes at most {most} options, not --options {options}")
                }
                Naming::Fields => format!("options: {options}; {name} takes 2 to {most}"),
            }));
        }
        Ok(Chosen {
            count: self
                .count
                .or(d.count.map(|c| c as usize))
                .unwrap_or(spec::DEFAULT_COUNT),
            format,
            difficulty: self.difficulty.or(d.difficulty).unwrap_or_default(),
            language: self
                .language
                .or_else(|| d.language.clone())
                .unwrap_or_else(|| spec::DEFAULT_LANGUAGE.to_owned()),
            options,
            verify: self.verify.or(d.verify).unwrap_or(false),
            settings: Settings {
                concurrency: self
                    .concurrency
                    .or(d.concurrency)
                    .unwrap_or(base.concurrency),
                ..base
            },
        })
    }
}

/// What a plan needs besides the chosen fields: where it goes and what it comes from.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub(crate) subject: String,
    pub(crate) source: Option<Source>,
    pub(crate) target: Target,
    pub(crate) render: RenderOptions,
    pub(crate) offline: bool,
    pub(crate) bank: BankMode,
    pub(crate) keys_file: Option<PathBuf>,
}

impl Chosen {
    /// The typed plan `quiz::make` works through.
    pub(crate) fn plan(self, frame: Frame) -> Plan {
        Plan {
            subject: frame.subject,
            count: self.count,
            format: self.format,
            render: frame.render,
            target: frame.target,
            rules: self.format.rules(self.options),
            difficulty: self.difficulty,
            language: self.language,
            source: frame.source,
            offline: frame.offline,
            bank: frame.bank,
            keys_file: frame.keys_file,
            settings: self.settings,
            verify: self.verify,
            record: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `serve`'s base: concurrency auto unless asked or `[defaults]` says.
    fn auto() -> Settings {
        Settings {
            concurrency: Concurrency::Auto,
            ..Settings::default()
        }
    }

    fn defaults() -> Defaults {
        Defaults {
            count: Some(25),
            format: Some(Format::Gift),
            difficulty: Some(Difficulty::Hard),
            language: Some("French".into()),
            concurrency: Some(Concurrency::Fixed(3)),
            verify: Some(true),
        }
    }

    #[test]
    fn what_is_said_wins_then_defaults_then_built_ins() {
        let c = Asked::default()
            .choose(&Defaults::default(), auto(), Naming::Fields)
            .unwrap();
        assert_eq!(
            (c.count, c.format, c.difficulty, c.language.as_str()),
            (10, Format::Json, Difficulty::Medium, "English")
        );
        assert_eq!(
            (c.options, c.verify, c.settings.concurrency),
            (4, false, Concurrency::Auto)
        );
        let c = Asked::default()
            .choose(&defaults(), auto(), Naming::Fields)
            .unwrap();
        assert_eq!(
            (c.count, c.format, c.difficulty, c.language.as_str()),
            (25, Format::Gift, Difficulty::Hard, "French")
        );
        assert_eq!(
            (c.verify, c.settings.concurrency),
            (true, Concurrency::Fixed(3))
        );
        let asked = Asked {
            count: Some(5),
            format: Some(Format::Csv),
            difficulty: Some(Difficulty::Easy),
            language: Some("Spanish".into()),
            verify: Some(false),
            concurrency: Some(Concurrency::Fixed(1)),
            options: Some(3),
        };
        let c = asked.choose(&defaults(), auto(), Naming::Flags).unwrap();
        assert_eq!(
            (c.count, c.format, c.difficulty, c.language.as_str()),
            (5, Format::Csv, Difficulty::Easy, "Spanish")
        );
        assert_eq!(
            (c.options, c.verify, c.settings.concurrency),
            (3, false, Concurrency::Fixed(1))
        );
    }

    #[test]
    fn options_a_format_cannot_carry_are_named_as_the_caller_names_them() {
        let asked = || Asked {
            format: Some(Format::Kahoot),
            options: Some(Format::Kahoot.max_options() + 1),
            ..Asked::default()
        };
        let flags = asked()
            .choose(&Defaults::default(), auto(), Naming::Flags)
            .unwrap_err();
        assert_eq!(
            flags.to_string(),
            "--format kahoot takes at most 4 options, not --options 5"
        );
        let fields = asked()
            .choose(&Defaults::default(), auto(), Naming::Fields)
            .unwrap_err();
        assert_eq!(fields.to_string(), "options: 5; kahoot takes 2 to 4");
    }
}
