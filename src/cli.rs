//! The command line (clap definitions only). Parsed flags are turned into validated plans by
//! the subcommands that use them.

use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use crate::export::Format;
use crate::spec::Settings;
pub(crate) use crate::spec::{BankMode, Concurrency, Difficulty};

#[derive(Debug, Parser)]
#[command(
    name = "quizgen",
    version,
    about = "Batches of validated multiple-choice questions from a pool of LLM keys, a local bank, or a text offline",
    after_help = EXIT_CODES,
    after_long_help = concat!(
        "Examples:\n",
        "  quizgen generate --from notes.md --count 10          # offline, no key needed\n",
        "  quizgen generate --subject \"photosynthesis\" -o quiz.csv --format csv\n",
        "  quizgen batch subjects.txt                            # nightly: stock the bank\n",
        "  quizgen stats                                         # capacity and key states\n",
        "  quizgen completions bash > ~/.local/share/bash-completion/completions/quizgen\n",
        "\n",
        "Exit codes: 0 all asked questions written; 1 error (what was had is still written); 2 usage;\n",
        "3 partial (fewer questions than asked; what was had is written); 130 interrupted (SIGINT),\n",
        "143 terminated (SIGTERM), 129 hung up (SIGHUP): what was had is written. A closed stdout\n",
        "(| head) ends quietly with 0."
    )
)]
pub struct Cli {
    /// Where quizgen keeps its state and the question bank [default: ~/.local/share/quizgen]
    #[arg(
        long,
        global = true,
        env = "QUIZGEN_DATA_DIR",
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub data_dir: Option<PathBuf>,
    /// A PostgreSQL database that several machines share: pool state, bank and history live
    /// there instead of the data dir (prefer the variable or keys.toml's [state] url = "env:NAME":
    /// a password on the command line shows in ps)
    #[arg(
        long,
        global = true,
        env = "QUIZGEN_DATABASE_URL",
        hide_env_values = true,
        value_name = "URL",
        help_heading = "Global options"
    )]
    pub database_url: Option<String>,
    /// No progress, warnings or summary on stderr (errors, and how a short run ended, still show)
    #[arg(short, long, global = true, help_heading = "Global options")]
    pub quiet: bool,
    /// More detail on stderr: every request, wait and retry
    #[arg(short, long, global = true, help_heading = "Global options")]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

const EXIT_CODES: &str = "Exit codes: 0 done; 1 error; 2 usage; 3 partial; 130/143/129 interrupted by SIGINT/SIGTERM/SIGHUP (what was had is written). --help shows examples.";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Make one quiz: from the bank, from providers, or offline from a text
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  quizgen generate --from notes.md --offline --count 15 -o quiz.json\n",
        "  quizgen generate --subject \"the water cycle\" --count 20 --format csv -o quiz.csv\n",
        "  quizgen generate --subject fractions --difficulty any --bank only\n",
        "  cat chapter.md | quizgen generate --from - --source-name chapter3 --format gift\n",
        "  quizgen generate --subject \"World War II\" --format qti -o ww2.zip --concurrency auto"
    ))]
    Generate(GenerateArgs),
    /// Top up the bank for every subject of a file (for cron)
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  quizgen batch subjects.txt\n",
        "  quizgen batch subjects.txt --count 50 --max-wait 30m\n",
        "\n",
        "Each line: subject[, count[, difficulty[, language]]]; # starts a comment."
    ))]
    Batch(BatchArgs),
    /// Capacity and the state of every key and lane (reads state only, no network)
    #[command(
        after_long_help = "Examples:\n  quizgen stats\n  quizgen stats --json | jq .capacity"
    )]
    Stats(StatsArgs),
    /// Check keys with one cheap call each
    #[command(
        after_long_help = "Examples:\n  quizgen keys check\n  quizgen keys check --keys ~/.config/quizgen/keys.toml"
    )]
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// Shared state: check the database, or move a data dir's bank, history and key states into it
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  QUIZGEN_DATABASE_URL=postgresql://quizgen@db.example/quizgen quizgen state check\n",
        "  quizgen state import                       # this machine's data dir into the database\n",
        "  quizgen state import --from /srv/old-quizgen-data"
    ))]
    State {
        #[command(subcommand)]
        command: StateCommand,
    },
    /// The question bank: stats, list, export, import, prune
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  quizgen bank stats\n",
        "  quizgen bank list --subject photosynthesis --unserved | head\n",
        "  quizgen bank export --subject photosynthesis --format moodle-xml -o photo.xml\n",
        "  quizgen bank import old-quiz.json --subject \"cell biology\"\n",
        "  quizgen bank prune --served --older-than 90d"
    ))]
    Bank {
        #[command(subcommand)]
        command: BankCommand,
    },
    /// The web API and a page for teachers, on the same pool, bank and history
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  quizgen serve                                   # http://127.0.0.1:8080\n",
        "  quizgen serve --listen 0.0.0.0:8080 --per-ip 20/min   # needs [serve] tokens\n",
        "  curl -s localhost:8080/api/v1/status | jq .capacity\n",
        "  curl -s -H 'content-type: application/json' -d '{\"subject\":\"tides\",\"count\":5}' localhost:8080/api/v1/quizzes"
    ))]
    Serve(ServeArgs),
    /// Quizzes written so far, and writing one again in another format
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  quizgen history\n",
        "  quizgen history --json | jq '.quizzes[-1].id'\n",
        "  quizgen history export 12 --format kahoot -o tides.xlsx\n",
        "  quizgen history export 12 --format sheet -o tides-key.md"
    ))]
    History {
        /// A JSON object {"quizzes": [...]} instead of a table
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        command: Option<HistoryCommand>,
    },
    /// Shell completions on stdout
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  quizgen completions bash > ~/.local/share/bash-completion/completions/quizgen\n",
        "  quizgen completions zsh > ~/.zfunc/_quizgen\n",
        "  quizgen completions fish > ~/.config/fish/completions/quizgen.fish\n",
        "  quizgen completions powershell >> $PROFILE"
    ))]
    Completions {
        /// The shell: bash, zsh, fish, powershell or elvish
        shell: clap_complete::Shell,
    },
    /// The manual page (roff) on stdout
    #[command(after_long_help = concat!(
        "Examples:\n",
        "  quizgen man > ~/.local/share/man/man1/quizgen.1 && man quizgen\n",
        "  quizgen man | man -l -"
    ))]
    Man,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on (port 0: any free port)
    #[arg(long, default_value = "127.0.0.1:8080", value_name = "ADDR:PORT")]
    pub listen: std::net::SocketAddr,
    /// Quiz requests (and questions added on review) a minute from one client address; over
    /// it, 429 with Retry-After
    #[arg(long, default_value = "10/min", value_name = "N/min", value_parser = parse_per_minute)]
    pub per_ip: u32,
    /// The keys file (see generate --keys); its [serve] tokens guard the API
    #[arg(long, value_name = "PATH")]
    pub keys: Option<PathBuf>,
    /// Longest a quiz request waits for capacity; past it the answer is 503 with Retry-After
    /// and what was had
    #[arg(long, default_value = "2m", value_parser = parse_duration, value_name = "DURATION")]
    pub max_wait: Duration,
    /// Quizzes made at once; further requests wait their turn, first come first served
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u16).range(1..=256), value_name = "N")]
    pub max_quizzes: u16,
    /// At SIGTERM, how long the quizzes under way may wait for the answers already on the
    /// wire (they are paid for) before the server exits; nothing new is sent meanwhile
    #[arg(long, default_value = "2m", value_parser = parse_duration, value_name = "DURATION")]
    pub drain: Duration,
}

/// `10/min` (or a bare `10`) → 10.
fn parse_per_minute(s: &str) -> Result<u32, String> {
    let n = s.trim().trim_end_matches("/min").trim_end_matches("/m");
    match n.parse::<u32>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("{s:?}: give a rate as N/min, for example 10/min")),
    }
}

#[derive(Debug, Subcommand)]
pub enum HistoryCommand {
    /// Write a recorded quiz again: the same questions in the same order, in any format
    #[command(
        after_long_help = "Examples:\n  quizgen history export 12 --format moodle-xml -o tides.xml\n  quizgen history export 12 --format csv > tides.csv"
    )]
    Export {
        /// The quiz's id (see `quizgen history`)
        id: i64,
        #[command(flatten)]
        out: ExportArgs,
    },
}

/// Where and how `bank export` and `history export` write.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Output format
    #[arg(long, value_enum, default_value = "json")]
    pub format: Format,
    /// Output file, or - for stdout (the default)
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Replace an existing read-only output file
    #[arg(long, conflicts_with = "no_clobber")]
    pub force: bool,
    /// Never replace an existing output file
    #[arg(long)]
    pub no_clobber: bool,
    /// CSV: write cells starting with = + - @ as they are (see generate --csv-raw)
    #[arg(long)]
    pub csv_raw: bool,
}

fn parse_duration(s: &str) -> Result<Duration, String> {
    humantime::parse_duration(s).map_err(|e| format!("{e} (write it like 30s, 15m, 2h)"))
}

/// What every job that asks providers shares.
#[derive(Debug, Clone, Args)]
pub struct RunArgs {
    /// The keys file [default: $QUIZGEN_KEYS, ./keys.toml, ~/.config/quizgen/keys.toml, or $GROQ_API_KEY]
    #[allow(clippy::doc_markdown)] // --help text, not rustdoc
    #[arg(long, value_name = "PATH")]
    pub keys: Option<PathBuf>,
    /// easy, medium, hard, mixed, or any (take any difficulty from the bank) [default: medium,
    /// or [defaults] difficulty in keys.toml]
    #[arg(long, value_enum)]
    pub difficulty: Option<Difficulty>,
    /// Options per question (2 to 6)
    #[arg(long, default_value_t = crate::spec::DEFAULT_OPTIONS as u8, value_parser = clap::value_parser!(u8).range(2..=6))]
    pub options: u8,
    /// Language of the questions [default: English, or [defaults] language in keys.toml]
    #[arg(long)]
    pub language: Option<String>,
    /// Requests in flight at once: a number, or auto (two per usable lane) [default: 1, or
    /// [defaults] concurrency in keys.toml]
    #[arg(long)]
    pub concurrency: Option<Concurrency>,
    /// Total time a run may spend waiting (for capacity, backing off, on failed or slow
    /// answers) before it stops and writes what it has (30s, 15m, 2h)
    #[arg(long, default_value = "15m", value_parser = parse_duration)]
    pub max_wait: Duration,
    /// Failed connections in a row before the providers count as unreachable (5xx answers and
    /// timeouts are retried with backoff for as long as --max-wait allows)
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u32).range(1..=20))]
    pub retries: u32,
    /// Longest one request may take, connecting included (also bounded by --max-wait)
    #[arg(long, default_value = "120s", value_parser = parse_duration, value_name = "DURATION")]
    pub request_timeout: Duration,
    /// 429 answers in a row, without a question between them, that close a lane for the run
    #[arg(long = "max-429", default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=1000), value_name = "N")]
    pub max_throttles: u32,
    /// Seed for reproducible answer positions and offline choices
    #[arg(long)]
    pub seed: Option<u64>,
    /// Check every answer key: a second model (else another organization) answers each
    /// question blind, and only questions whose key it picks are written or served; the others
    /// are replaced [default: off, or [defaults] verify in keys.toml]
    #[arg(long)]
    pub verify: bool,
}

impl RunArgs {
    /// What these flags say for the plan builder (`None` where a flag was not given).
    pub(crate) fn asked(&self) -> crate::plan::Asked {
        crate::plan::Asked {
            difficulty: self.difficulty,
            language: self.language.clone(),
            options: Some(self.options as usize),
            verify: self.verify.then_some(true),
            concurrency: self.concurrency,
            ..crate::plan::Asked::default()
        }
    }

    /// How purchases are made, from these flags.
    pub fn settings(&self) -> Settings {
        Settings {
            concurrency: self.concurrency.unwrap_or(Settings::default().concurrency),
            max_wait: self.max_wait,
            retries: self.retries,
            request_timeout: self.request_timeout,
            max_throttles: self.max_throttles,
            seed: self.seed,
            ..Settings::default()
        }
    }
}

#[derive(Debug, Clone, Args)]
#[command(group(clap::ArgGroup::new("input").required(true).multiple(true).args(["subject", "from"])))]
pub struct GenerateArgs {
    /// What the questions are about
    #[arg(long)]
    pub subject: Option<String>,
    /// A source text (.txt or .md) the questions must come from; - reads standard input
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,
    /// The name of a text read from standard input, for messages, the subject and provenance
    #[arg(long, value_name = "NAME", requires = "from")]
    pub source_name: Option<String>,
    /// How many questions [default: 10, or [defaults] count in keys.toml]
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=10000))]
    pub count: Option<u32>,
    /// Output format [default: json, or [defaults] format in keys.toml]
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Output file, or - for stdout (the default). A regular file is replaced atomically
    /// (through a symlink, its target); a device or FIFO is written to in place
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
    /// Replace an existing read-only output file
    #[arg(long, conflicts_with = "no_clobber")]
    pub force: bool,
    /// Never replace an existing output file (checked before anything is bought)
    #[arg(long)]
    pub no_clobber: bool,
    /// CSV: write cells as they are, even those starting with = + - @ that a spreadsheet
    /// would run as formulas (by default they get a leading ')
    #[arg(long)]
    pub csv_raw: bool,
    /// Make questions from --from with no key and no network
    #[arg(long, requires = "from")]
    pub offline: bool,
    /// How to use the question bank
    #[arg(long, value_enum, default_value = "prefer")]
    pub bank: BankMode,
    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Clone, Args)]
pub struct BatchArgs {
    /// Lines of `subject[, count[, difficulty[, language]]]`; `#` starts a comment
    pub subjects_file: PathBuf,
    /// Unserved questions to keep per subject, when a line does not say
    #[arg(long, default_value_t = crate::spec::DEFAULT_BATCH_COUNT as u32, value_parser = clap::value_parser!(u32).range(1..=10000))]
    pub count: u32,
    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, Clone, Args)]
pub struct StatsArgs {
    /// The keys file (see generate --keys)
    #[arg(long, value_name = "PATH")]
    pub keys: Option<PathBuf>,
    /// Machine-readable output
    #[arg(long)]
    pub json: bool,
    /// Questions per quiz, for "quizzes per day"
    #[arg(long, default_value_t = 10)]
    pub quiz_size: u32,
}

#[derive(Debug, Subcommand)]
pub enum KeysCommand {
    /// One cheap call (GET /models) per key: valid, invalid or unreachable (exit 1 if any is
    /// not valid)
    #[command(
        after_long_help = "Examples:\n  quizgen keys check\n  quizgen keys check --keys ./keys.toml || echo 'fix a key'"
    )]
    Check {
        /// The keys file (see generate --keys)
        #[arg(long, value_name = "PATH")]
        keys: Option<PathBuf>,
    },
}

impl Command {
    /// The keys file this command was given with `--keys`, if any (its `[state] url` names the
    /// shared database when no flag or variable does).
    pub fn keys_flag(&self) -> Option<&std::path::Path> {
        match self {
            Command::Generate(a) => a.run.keys.as_deref(),
            Command::Batch(a) => a.run.keys.as_deref(),
            Command::Stats(a) => a.keys.as_deref(),
            Command::Serve(a) => a.keys.as_deref(),
            Command::Keys {
                command: KeysCommand::Check { keys },
            } => keys.as_deref(),
            _ => None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum StateCommand {
    /// Connects to where the state lives (the database of --database-url, else the data dir)
    /// and shows each part's schema version; exit 1 if it cannot be reached or read
    #[command(
        after_long_help = "Examples:\n  quizgen state check\n  QUIZGEN_DATABASE_URL=postgresql://quizgen@db.example/quizgen quizgen state check && echo ready"
    )]
    Check,
    /// Copies a data dir's SQLite state (bank, history, key states and today's requests) into
    /// the database of --database-url; what is there already is kept, so it can run again
    #[command(
        after_long_help = "Examples:\n  quizgen state import\n  quizgen state import --from /srv/old-quizgen-data"
    )]
    Import {
        /// The data dir to copy from [default: the data dir]
        #[arg(long, value_name = "DIR")]
        from: Option<PathBuf>,
    },
}

#[derive(Debug, Subcommand)]
pub enum BankCommand {
    /// Questions per subject, served and unserved
    #[command(after_long_help = "Examples:\n  quizgen bank stats\n  quizgen bank stats --json")]
    Stats {
        /// Machine-readable output
        #[arg(long)]
        json: bool,
    },
    /// One line per question: id, subject, served or unserved, stem, right answer (tab-separated)
    #[command(
        after_long_help = "Examples:\n  quizgen bank list --subject photosynthesis\n  quizgen bank list --unserved | cut -f2 | sort | uniq -c"
    )]
    List {
        /// Only questions of this subject
        #[arg(long)]
        subject: Option<String>,
        /// Only questions never served
        #[arg(long)]
        unserved: bool,
    },
    /// Write banked questions in any output format (does not mark them served)
    #[command(
        after_long_help = "Examples:\n  quizgen bank export --subject photosynthesis --format gift -o photo.gift\n  quizgen bank export --format csv > everything.csv"
    )]
    Export {
        /// Only questions of this subject
        #[arg(long)]
        subject: Option<String>,
        #[command(flatten)]
        out: ExportArgs,
    },
    /// Add questions from a quiz JSON file (validated on the way in)
    #[command(
        after_long_help = "Examples:\n  quizgen bank import quiz.json\n  quizgen bank import old.json --subject \"cell biology\" --difficulty hard"
    )]
    Import {
        /// A quiz JSON file as quizgen writes it ({"subject", "questions": [...]})
        file: PathBuf,
        /// Subject to file them under [default: the file's "subject"]
        #[arg(long)]
        subject: Option<String>,
        /// Difficulty to file them under
        #[arg(long, value_enum, default_value = "medium")]
        difficulty: Difficulty,
        /// Language to file them under
        #[arg(long, default_value = "English")]
        language: String,
    },
    /// Delete questions
    #[command(
        after_long_help = "Examples:\n  quizgen bank prune --served --older-than 90d\n  quizgen bank prune --subject \"old topic\"\n  quizgen bank prune --all"
    )]
    Prune {
        /// Only questions of this subject
        #[arg(long)]
        subject: Option<String>,
        /// Only questions already served
        #[arg(long)]
        served: bool,
        /// Only questions banked longer ago than this (e.g. 30d)
        #[arg(long, value_parser = parse_duration)]
        older_than: Option<Duration>,
        /// Needed to delete everything (no filter given)
        #[arg(long)]
        all: bool,
    },
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// Every flag and argument says what it is for, and every command's long help ends with
    /// examples.
    fn walk(cmd: &clap::Command, path: &str) {
        for a in cmd.get_arguments() {
            let id = a.get_id().as_str();
            if id == "help" || id == "version" {
                continue;
            }
            assert!(
                a.get_help().or(a.get_long_help()).is_some(),
                "{path} --{id} has no description"
            );
        }
        if !path.is_empty() {
            let after = cmd
                .get_after_long_help()
                .map(ToString::to_string)
                .unwrap_or_default();
            assert!(after.starts_with("Examples:"), "{path} has no examples");
        }
        for sub in cmd.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()));
        }
    }

    /// The flags' built-in values are the domain's (`spec`): one home for each default.
    #[test]
    fn flag_defaults_are_the_domains() {
        use clap::Parser;
        let cli = super::Cli::parse_from(["quizgen", "generate", "--subject", "tides"]);
        let super::Command::Generate(args) = cli.command else {
            panic!("not generate")
        };
        assert_eq!(args.run.settings(), crate::spec::Settings::default());
        assert_eq!(args.run.options as usize, crate::spec::DEFAULT_OPTIONS);
        let cli = super::Cli::parse_from(["quizgen", "batch", "subjects.txt"]);
        let super::Command::Batch(args) = cli.command else {
            panic!("not batch")
        };
        assert_eq!(args.count as usize, crate::spec::DEFAULT_BATCH_COUNT);
    }

    #[test]
    fn every_flag_is_described_and_every_command_has_examples() {
        let cmd = super::Cli::command();
        cmd.clone().debug_assert();
        walk(&cmd, "");
    }
}
