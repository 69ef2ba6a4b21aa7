//! The question bank (SQLite in the data dir): every validated question, stored the moment it
//! is validated with its provenance, served at most once per quiz until the subject runs dry.

use std::path::Path;

use crate::db::{Component, Db, Lock, Row, StateAt, vals};
use anyhow::{Context, Result};

use crate::mcq::{Deduper, Mcq};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS questions(
    id INTEGER PRIMARY KEY,
    qid TEXT NOT NULL,
    subject TEXT NOT NULL,
    subject_shown TEXT NOT NULL,
    difficulty TEXT NOT NULL,
    language TEXT NOT NULL,
    n_options INTEGER NOT NULL,
    stem TEXT NOT NULL,
    options TEXT NOT NULL,
    answer_index INTEGER NOT NULL,
    explanation TEXT NOT NULL,
    provider TEXT,
    model TEXT,
    lane TEXT,
    source_hash TEXT,
    chunk INTEGER,
    created_ms INTEGER NOT NULL,
    served INTEGER NOT NULL DEFAULT 0,
    last_served_ms INTEGER,
    UNIQUE(subject, qid)
);
CREATE INDEX IF NOT EXISTS questions_shelf ON questions(subject, language, n_options, served);
";

/// Schema changes after version 1, in order (see `db::open_sqlite`). Version 2: an
/// index for taking a shelf's unserved questions oldest first.
const MIGRATIONS: &[&str] = &[
    "CREATE INDEX IF NOT EXISTS questions_unserved ON questions(subject, served, created_ms);",
    // v3: the blind solve's verdict (`--verify`): who checked the key, when, and what they chose.
    "ALTER TABLE questions ADD COLUMN verified_by TEXT;
     ALTER TABLE questions ADD COLUMN verified_ms INTEGER;
     ALTER TABLE questions ADD COLUMN verdict TEXT;
     ALTER TABLE questions ADD COLUMN solver_choice INTEGER;",
    // v4: a question bought for a quiz under way is held for it (by host:pid, until a time), so
    // no other run serves it; a dead holder's holds lapse at once on its host.
    "ALTER TABLE questions ADD COLUMN held_by TEXT;
     ALTER TABLE questions ADD COLUMN held_until_ms INTEGER;",
];

/// The same table in PostgreSQL, at the newest version (see `db::Component`).
const PG_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS questions(
    id BIGSERIAL PRIMARY KEY,
    qid TEXT NOT NULL,
    subject TEXT NOT NULL,
    subject_shown TEXT NOT NULL,
    difficulty TEXT NOT NULL,
    language TEXT NOT NULL,
    n_options BIGINT NOT NULL,
    stem TEXT NOT NULL,
    options TEXT NOT NULL,
    answer_index BIGINT NOT NULL,
    explanation TEXT NOT NULL,
    provider TEXT,
    model TEXT,
    lane TEXT,
    source_hash TEXT,
    chunk BIGINT,
    created_ms BIGINT NOT NULL,
    served BIGINT NOT NULL DEFAULT 0,
    last_served_ms BIGINT,
    verified_by TEXT,
    verified_ms BIGINT,
    verdict TEXT,
    solver_choice BIGINT,
    held_by TEXT,
    held_until_ms BIGINT,
    UNIQUE(subject, qid)
);
CREATE INDEX IF NOT EXISTS questions_shelf ON questions(subject, language, n_options, served);
CREATE INDEX IF NOT EXISTS questions_unserved ON questions(subject, served, created_ms);
";

/// The bank as a storage component.
pub(crate) const COMPONENT: Component = Component {
    file: "bank.sqlite",
    what: "the question bank",
    sqlite_schema: SCHEMA,
    sqlite_migrations: MIGRATIONS,
    pg_schema: PG_SCHEMA,
    lock_id: 0x7175_697a_0002,
};

/// What `state import` copies: every question with its serving and verification record (holds
/// are not carried: they belong to runs on the old machine).
pub(crate) const IMPORT: &[crate::db::Copy] = &[crate::db::Copy {
    what: "questions",
    select: "SELECT qid, subject, subject_shown, difficulty, language, n_options, stem, options, answer_index,
             explanation, provider, model, lane, source_hash, chunk, created_ms, served, last_served_ms,
             verified_by, verified_ms, verdict, solver_choice FROM questions ORDER BY id",
    insert: "INSERT INTO questions(qid, subject, subject_shown, difficulty, language, n_options, stem, options,
             answer_index, explanation, provider, model, lane, source_hash, chunk, created_ms, served, last_served_ms,
             verified_by, verified_ms, verdict, solver_choice)
             VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)
             ON CONFLICT DO NOTHING",
}];

/// How long a hold lasts at most: longer than any quiz's purchase may take.
const HOLD_MS: i64 = 6 * 3600 * 1000;

/// This process, as a holder: `host:pid` (read once: every unserved row asks).
fn holder() -> &'static str {
    static HOLDER: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    HOLDER.get_or_init(|| {
        let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
            .ok()
            .or_else(|| std::env::var("HOSTNAME").ok())
            .unwrap_or_default();
        format!("{}:{}", host.trim(), std::process::id())
    })
}

/// Whether a hold still stands: not lapsed, and its holder alive when it is on this host.
fn hold_stands(held_by: Option<&str>, until_ms: Option<i64>, now: i64) -> bool {
    let (Some(by), Some(until)) = (held_by, until_ms) else {
        return false;
    };
    if until <= now {
        return false;
    }
    let me = holder();
    let (my_host, _) = me.rsplit_once(':').unwrap_or((me, ""));
    match by.rsplit_once(':') {
        Some((host, pid)) if host == my_host && cfg!(target_os = "linux") => {
            std::path::Path::new(&format!("/proc/{pid}")).exists()
        }
        _ => true,
    }
}

/// The columns `row_to_mcq` reads, in its order.
const MCQ_COLUMNS: &str = "qid, stem, options, answer_index, explanation, difficulty, provider, model, CASE WHEN verdict = 'agreed' THEN verified_by END";

/// Which questions a quiz may take: one subject (normalised), difficulty, language, size.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Shelf {
    pub subject: String,
    /// `mixed` takes any difficulty.
    pub difficulty: String,
    pub language: String,
    pub options: usize,
    /// Hash of the source text questions must come from (`--from`), if any.
    pub source_hash: Option<String>,
}

impl Shelf {
    pub fn new(subject: &str, difficulty: &str, language: &str, options: usize) -> Shelf {
        Shelf {
            subject: normalise_subject(subject),
            difficulty: difficulty.to_ascii_lowercase(),
            language: language.trim().to_lowercase(),
            options,
            source_hash: None,
        }
    }

    /// Only questions made from this source text.
    #[must_use]
    pub fn from_source(mut self, hash: Option<String>) -> Shelf {
        self.source_hash = hash;
        self
    }
}

/// Case and spacing do not matter in a subject.
pub(crate) fn normalise_subject(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Where a question came from.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct Provenance {
    pub provider: Option<String>,
    pub model: Option<String>,
    pub lane: Option<String>,
    pub source_hash: Option<String>,
    pub chunk: Option<usize>,
}

/// One subject's stock.
#[derive(Debug, Clone, serde::Serialize)]
pub struct SubjectStock {
    pub subject: String,
    pub total: u64,
    pub unserved: u64,
    /// Questions whose key a blind solve (`--verify`) confirmed.
    pub verified: u64,
    /// Questions whose key a blind solve did not confirm (never served).
    pub refused_by_verification: u64,
}

pub struct Bank {
    db: Db,
    /// On a shared database: the data dir's spool, where what cannot reach a lost database
    /// is kept until a later run pushes it.
    spool: Option<std::path::PathBuf>,
    /// Why the shared database was lost, once it was: later writes go to the spool at once.
    lost: std::sync::Mutex<Option<String>>,
    /// What opening the bank had to say (spooled questions pushed, a spool that could not be read).
    pub notes: Vec<String>,
}

/// What the spool keeps: a question to bank, or a written quiz's questions to mark served.
#[derive(serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Spooled {
    Question {
        shelf: Box<Shelf>,
        subject_shown: String,
        question: Box<Mcq>,
        from: Box<Provenance>,
    },
    Served {
        subject: String,
        qids: Vec<String>,
    },
}

impl Bank {
    /// Why the shared database was lost, once it was (then questions go to the spool).
    fn lost_why(&self) -> std::sync::MutexGuard<'_, Option<String>> {
        self.lost
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn open(data_dir: &Path) -> Result<Bank> {
        Bank::open_at(&StateAt::local(data_dir))
    }

    /// The bank where `at` says (the data dir, or a shared database).
    pub fn open_at(at: &StateAt) -> Result<Bank> {
        let db = Db::open(at, &COMPONENT)?;
        let spool = db.is_postgres().then(|| at.data_dir.join("spool"));
        let mut bank = Bank {
            db,
            spool,
            lost: std::sync::Mutex::new(None),
            notes: Vec::new(),
        };
        bank.push_spool()?;
        Ok(bank)
    }

    /// Takes up to `n` unserved questions of a shelf that `fits` accepts (say, the output
    /// format's length limits), least recent first, and marks them served in the same
    /// IMMEDIATE transaction: two processes taking at once never get the same question. A
    /// caller that then fails to write them gives them back with `give_back`.
    pub fn take_unserved(
        &mut self,
        shelf: &Shelf,
        n: usize,
        fits: impl Fn(&Mcq) -> bool,
    ) -> Result<Vec<Mcq>> {
        let shown = self.db.shown().to_owned();
        self.db
            .transaction(Lock::Exclusive, |db| {
                let out = unserved(db, shelf, n, fits)?;
                for q in &out {
                    db.execute(
                        "UPDATE questions SET served = served + 1, last_served_ms = ?3 WHERE subject = ?1 AND qid = ?2",
                        vals![&shelf.subject, q.id.clone(), db.now_ms()],
                    )?;
                }
                Ok(out)
            })
            .with_context(|| format!("{shown}: cannot take questions"))
    }

    /// Returns questions taken for a quiz that could not be written.
    pub fn give_back(&self, subject: &str, qids: &[String]) -> Result<()> {
        let subject = normalise_subject(subject);
        for id in qids {
            self.db.execute(
                "UPDATE questions SET served = CASE WHEN served > 0 THEN served - 1 ELSE 0 END, held_by = NULL, held_until_ms = NULL
                 WHERE subject = ?1 AND qid = ?2 AND (served > 0 OR held_by IS NOT NULL)",
                vals![&subject, id],
            )?;
        }
        Ok(())
    }

    /// Unserved questions on the shelf's subject (and source) that another difficulty,
    /// language or number of options would take: (difficulty, language, options, count).
    pub fn nearby(&self, shelf: &Shelf) -> Result<Vec<(String, String, usize, usize)>> {
        let all = self
            .db
            .query(
                "SELECT difficulty, language, n_options, COUNT(*) FROM questions
                 WHERE subject = ?1 AND served = 0 AND (CAST(?2 AS TEXT) IS NULL OR source_hash = ?2) AND verdict IS DISTINCT FROM 'refused'
                 GROUP BY difficulty, language, n_options ORDER BY COUNT(*) DESC",
                vals![&shelf.subject, shelf.source_hash.clone()],
            )?
            .iter()
            .map(|r| -> Result<_> {
                Ok((
                    r.text(0)?,
                    r.text(1)?,
                    r.int(2)?.max(0) as usize,
                    r.int(3)?.max(0) as usize,
                ))
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(all
            .into_iter()
            .filter(|(d, l, n, _)| {
                !((shelf.difficulty == "mixed" || *d == shelf.difficulty)
                    && *l == shelf.language
                    && *n == shelf.options)
            })
            .collect())
    }

    pub fn unserved_count(&self, shelf: &Shelf) -> Result<usize> {
        let row = self.db.query_row(
            "SELECT COUNT(*) FROM questions WHERE subject = ?1 AND language = ?2 AND n_options = ?3 AND served = 0
             AND (?4 = 'mixed' OR difficulty = ?4) AND (CAST(?5 AS TEXT) IS NULL OR source_hash = ?5) AND verdict IS DISTINCT FROM 'refused'",
            vals![&shelf.subject, &shelf.language, shelf.options, &shelf.difficulty, shelf.source_hash.clone()],
        )?;
        Ok(row.context("no count")?.int(0)?.max(0) as usize)
    }

    /// A duplicate checker that knows every question of the subject already banked.
    pub fn deduper_for(&self, subject: &str) -> Result<Deduper> {
        let mut d = Deduper::new();
        let rows = self.db.query(
            &format!("SELECT {MCQ_COLUMNS} FROM questions WHERE subject = ?1"),
            vals![normalise_subject(subject)],
        )?;
        for r in &rows {
            d.insert(&row_to_mcq(r)?);
        }
        Ok(d)
    }

    /// Runs `f` in one transaction (many inserts, one commit), committed if it succeeds.
    pub fn batch<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        let shown = self.db.shown().to_owned();
        self.db
            .transaction(Lock::Shared, |_| f())
            .with_context(|| format!("{shown}: cannot write the bank"))
    }

    /// Stores one validated question in its own transaction (or the `batch` it runs in). `false` if it was already there.
    pub fn insert(
        &self,
        shelf: &Shelf,
        subject_shown: &str,
        q: &Mcq,
        from: &Provenance,
    ) -> Result<bool> {
        self.insert_as(shelf, subject_shown, q, from, false)
    }

    /// `insert`, held for the quiz under way: a question bought for a quiz belongs to it from
    /// the moment it is banked, so no other run takes it; `mark_served` once written,
    /// `give_back` if not. A killed run's holds lapse (see `hold_stands`).
    pub fn insert_held(
        &self,
        shelf: &Shelf,
        subject_shown: &str,
        q: &Mcq,
        from: &Provenance,
    ) -> Result<bool> {
        self.insert_as(shelf, subject_shown, q, from, true)
    }

    fn insert_as(
        &self,
        shelf: &Shelf,
        subject_shown: &str,
        q: &Mcq,
        from: &Provenance,
        held: bool,
    ) -> Result<bool> {
        let difficulty = q
            .difficulty
            .clone()
            .unwrap_or_else(|| shelf.difficulty.clone())
            .to_ascii_lowercase();
        if self.lost_why().is_some() {
            return self.spool_question(shelf, subject_shown, q, from, None);
        }
        let inserted = self
            .db
            .execute(
                "INSERT INTO questions(qid, subject, subject_shown, difficulty, language, n_options, stem, options,
                 answer_index, explanation, provider, model, lane, source_hash, chunk, created_ms, held_by, held_until_ms)
                 VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)
                 ON CONFLICT DO NOTHING",
                vals![
                    q.stable_id(),
                    &shelf.subject,
                    subject_shown.trim(),
                    difficulty,
                    &shelf.language,
                    q.options.len(),
                    &q.question,
                    serde_json::to_string(&q.options)?,
                    q.answer_index,
                    &q.explanation,
                    from.provider.clone(),
                    from.model.clone(),
                    from.lane.clone(),
                    from.source_hash.clone(),
                    from.chunk,
                    self.db.now_ms(),
                    held.then(holder),
                    held.then(|| self.db.now_ms() + HOLD_MS),
                ],
            );
        match inserted {
            Ok(n) => Ok(n == 1),
            Err(e) if self.spool.is_some() && crate::db::is_lost(&e) => {
                self.spool_question(shelf, subject_shown, q, from, Some(e))
            }
            Err(e) => Err(e.context(format!("{}: cannot bank a question", self.db.shown()))),
        }
    }

    /// Keeps a question in the spool (the shared database is lost) and reports the loss, so
    /// the purchase stops: what was paid for is kept, and pushed by the next run.
    fn spool_question(
        &self,
        shelf: &Shelf,
        subject_shown: &str,
        q: &Mcq,
        from: &Provenance,
        lost: Option<anyhow::Error>,
    ) -> Result<bool> {
        if let Some(e) = &lost {
            let why =
                crate::db::lost_in(e).map_or_else(|| crate::error::one_line(e), |l| l.why.clone());
            *self.lost_why() = Some(why);
        }
        self.spool_write(&Spooled::Question {
            shelf: Box::new(shelf.clone()),
            subject_shown: subject_shown.to_owned(),
            question: Box::new(q.clone()),
            from: Box::new(from.clone()),
        })?;
        let lost = crate::db::Lost {
            shown: self.db.shown().to_owned(),
            why: self.lost_why().clone().unwrap_or_default(),
        };
        let dir = self.spool.as_deref().unwrap_or(Path::new("spool"));
        let said = format!(
            "{lost}: the questions had are kept in {} and go to the database on the next run",
            dir.display()
        );
        Err(anyhow::Error::from(lost).context(said))
    }

    /// Appends one record to this process's spool file, synced to disk.
    fn spool_write(&self, entry: &Spooled) -> Result<()> {
        use std::io::Write as _;
        let dir = self
            .spool
            .as_deref()
            .context("no spool without a shared database")?;
        crate::datadir::create(dir)?;
        let path = dir.join(format!("bank-{}.jsonl", holder().replace([':', '/'], "-")));
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .with_context(|| format!("{}: cannot keep a question", path.display()))?;
        writeln!(f, "{}", serde_json::to_string(entry)?)
            .and_then(|()| f.sync_data())
            .with_context(|| format!("{}: cannot keep a question", path.display()))?;
        Ok(())
    }

    /// Pushes what earlier runs spooled (the database was lost under them) into the database;
    /// each file is removed once all of it is in. One that cannot be read is left, with a note.
    fn push_spool(&mut self) -> Result<()> {
        let Some(dir) = self.spool.clone() else {
            return Ok(());
        };
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Ok(());
        };
        let mut files: Vec<_> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .collect();
        files.sort();
        let (mut questions, mut served) = (0, 0);
        for path in files {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("{}: cannot read the spool", path.display()))?;
            let mut records = Vec::new();
            for (i, line) in text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
            {
                match serde_json::from_str::<Spooled>(line) {
                    Ok(r) => records.push(r),
                    Err(e) => {
                        self.notes.push(format!(
                            "{}:{}: a spooled record cannot be read ({e}); the file is left as it is",
                            path.display(),
                            i + 1
                        ));
                        records.clear();
                        break;
                    }
                }
            }
            if records.is_empty() {
                continue;
            }
            self.db.transaction(Lock::Shared, |_| {
                for r in &records {
                    match r {
                        Spooled::Question {
                            shelf,
                            subject_shown,
                            question,
                            from,
                        } => {
                            self.insert(shelf, subject_shown, question, from)?;
                            questions += 1;
                        }
                        Spooled::Served { subject, qids } => {
                            self.mark_served_now(subject, qids)?;
                            served += qids.len();
                        }
                    }
                }
                Ok(())
            })?;
            std::fs::remove_file(&path)
                .with_context(|| format!("{}: cannot remove the pushed spool", path.display()))?;
        }
        if questions + served > 0 {
            self.notes.push(format!(
                "pushed to {} what earlier runs kept in {} while it was lost: {questions} question(s), {served} served mark(s)",
                self.db.shown(),
                dir.display()
            ));
        }
        Ok(())
    }

    /// Marks questions as served (they went into a quiz).
    /// On a shared database that is lost, the marks are spooled and pushed by the next run.
    pub fn mark_served(&mut self, subject: &str, qids: &[String]) -> Result<()> {
        let spooled = || {
            self.spool_write(&Spooled::Served {
                subject: subject.to_owned(),
                qids: qids.to_vec(),
            })
        };
        if self.lost_why().is_some() {
            return spooled();
        }
        let shown = self.db.shown().to_owned();
        match self
            .db
            .transaction(Lock::Shared, |_| self.mark_served_now(subject, qids))
        {
            Ok(()) => Ok(()),
            Err(e) if self.spool.is_some() && crate::db::is_lost(&e) => spooled(),
            Err(e) => Err(e.context(format!("{shown}: cannot mark questions served"))),
        }
    }

    fn mark_served_now(&self, subject: &str, qids: &[String]) -> Result<()> {
        let subject = normalise_subject(subject);
        for id in qids {
            self.db.execute(
                "UPDATE questions SET served = served + 1, last_served_ms = ?3, held_by = NULL, held_until_ms = NULL
                 WHERE subject = ?1 AND qid = ?2",
                vals![&subject, id, self.db.now_ms()],
            )?;
        }
        Ok(())
    }

    /// Records a blind solve's verdict on a banked question: `agreed` (its key confirmed by
    /// `by`, "provider/model") or refused, with the option the solver chose (`None`: it gave
    /// no usable answer twice). A refused question is never served.
    pub fn record_verdict(
        &self,
        subject: &str,
        qid: &str,
        by: &str,
        agreed: bool,
        choice: Option<usize>,
    ) -> Result<()> {
        self.db
            .execute(
                "UPDATE questions SET verified_by = ?3, verified_ms = ?4, verdict = ?5, solver_choice = ?6
                 WHERE subject = ?1 AND qid = ?2",
                vals![
                    normalise_subject(subject),
                    qid,
                    by,
                    self.db.now_ms(),
                    if agreed { "agreed" } else { "refused" },
                    choice,
                ],
            )
            .with_context(|| format!("{}: cannot record a verification", self.db.shown()))?;
        Ok(())
    }

    /// A teacher refused a banked question on review: it is never served again (as a refused
    /// blind solve is not), and stays as a known question so that it is not bought again.
    pub fn refuse_by_teacher(&self, subject: &str, qid: &str) -> Result<()> {
        self.record_verdict(subject, qid, "a teacher's review", false, None)
    }

    pub fn stock(&self) -> Result<Vec<SubjectStock>> {
        self.db
            .query(
                "SELECT MIN(subject_shown), COUNT(*), SUM(CASE WHEN served = 0 THEN 1 ELSE 0 END),
                 SUM(CASE WHEN verdict = 'agreed' THEN 1 ELSE 0 END), SUM(CASE WHEN verdict = 'refused' THEN 1 ELSE 0 END)
                 FROM questions GROUP BY subject ORDER BY subject",
                &[],
            )?
            .iter()
            .map(|r| {
                Ok(SubjectStock {
                    subject: r.text(0)?,
                    total: r.int(1)?.max(0) as u64,
                    unserved: r.int(2)?.max(0) as u64,
                    verified: r.int(3)?.max(0) as u64,
                    refused_by_verification: r.int(4)?.max(0) as u64,
                })
            })
            .collect()
    }

    /// Questions, optionally of one subject, oldest first; with `unserved_only`, only those.
    pub fn list(
        &self,
        subject: Option<&str>,
        unserved_only: bool,
    ) -> Result<Vec<(String, Mcq, u64)>> {
        self.db
            .query(
                &format!(
                    "SELECT {MCQ_COLUMNS}, subject_shown, served FROM questions
                     WHERE (CAST(?1 AS TEXT) IS NULL OR subject = ?1) AND (?2 = 0 OR served = 0) ORDER BY subject, created_ms, id"
                ),
                vals![subject.map(normalise_subject), unserved_only],
            )?
            .iter()
            .map(|r| Ok((r.text(9)?, row_to_mcq(r)?, r.int(10)?.max(0) as u64)))
            .collect()
    }

    /// Deletes questions: of one subject, served ones, or older than a moment. Returns how many.
    pub fn prune(
        &self,
        subject: Option<&str>,
        served_only: bool,
        older_than_ms: Option<i64>,
    ) -> Result<usize> {
        let n = self.db.execute(
            "DELETE FROM questions WHERE (CAST(?1 AS TEXT) IS NULL OR subject = ?1) AND (?2 = 0 OR served > 0)
             AND (CAST(?3 AS BIGINT) IS NULL OR created_ms < ?3)",
            vals![subject.map(normalise_subject), served_only, older_than_ms],
        )?;
        Ok(n as usize)
    }
}

/// The unserved questions of a shelf that `fits` accepts, oldest first, at most `n`.
fn unserved(db: &Db, shelf: &Shelf, n: usize, fits: impl Fn(&Mcq) -> bool) -> Result<Vec<Mcq>> {
    // A question whose key a blind solve refused is never served.
    let rows = db.query(
        &format!(
            "SELECT {MCQ_COLUMNS}, held_by, held_until_ms FROM questions
             WHERE subject = ?1 AND language = ?2 AND n_options = ?3 AND served = 0 AND (?4 = 'mixed' OR difficulty = ?4)
             AND (CAST(?5 AS TEXT) IS NULL OR source_hash = ?5) AND verdict IS DISTINCT FROM 'refused'
             ORDER BY created_ms, id"
        ),
        vals![
            &shelf.subject,
            &shelf.language,
            shelf.options,
            &shelf.difficulty,
            shelf.source_hash.clone()
        ],
    )?;
    let now = db.now_ms();
    let mut out = Vec::new();
    for r in &rows {
        let held = hold_stands(r.opt_text(9)?.as_deref(), r.opt_int(10)?, now);
        let q = row_to_mcq(r)?;
        if !held && fits(&q) {
            out.push(q);
            if out.len() == n {
                break;
            }
        }
    }
    for q in &mut out {
        let src = q.source.take().unwrap_or_default();
        q.source = Some(format!("bank ({src})"));
    }
    Ok(out)
}

fn row_to_mcq(r: &Row) -> Result<Mcq> {
    let options = r.text(2)?;
    let source = match (r.opt_text(6)?, r.opt_text(7)?) {
        (Some(p), Some(m)) => Some(format!("{p}/{m}")),
        (Some(p), None) => Some(p),
        _ => None,
    };
    Ok(Mcq {
        id: Some(r.text(0)?),
        question: r.text(1)?,
        options: serde_json::from_str(&options).unwrap_or_default(),
        answer_index: r.int(3)?.max(0) as usize,
        explanation: r.text(4)?,
        difficulty: Some(r.text(5)?),
        source,
        verified_by: r.opt_text(8)?,
    })
}

/// Ensures a question carries its stable id.
pub fn with_id(mut q: Mcq) -> Mcq {
    if q.id.is_none() {
        q.id = Some(q.stable_id());
    }
    q
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(stem: &str, right: &str) -> Mcq {
        Mcq {
            question: stem.into(),
            options: vec![right.into(), "w1".into(), "w2".into(), "w3".into()],
            answer_index: 0,
            explanation: String::new(),
            difficulty: None,
            source: None,
            id: None,
            verified_by: None,
        }
    }

    #[test]
    fn a_question_a_teacher_dropped_is_never_served_but_still_known() {
        let dir = tempfile::tempdir().unwrap();
        let mut bank = Bank::open(dir.path()).unwrap();
        let shelf = Shelf::new("Rivers", "medium", "English", 4);
        let kept = with_id(q("Longest river?", "Nile"));
        let dropped = with_id(q("Widest river?", "Amazon"));
        for x in [&kept, &dropped] {
            bank.insert(&shelf, "Rivers", x, &Provenance::default())
                .unwrap();
        }
        bank.refuse_by_teacher("Rivers", dropped.id.as_deref().unwrap())
            .unwrap();
        let served = bank.take_unserved(&shelf, 5, |_| true).unwrap();
        assert_eq!(served.len(), 1);
        assert_eq!(served[0].question, "Longest river?");
        // Still known: the de-duplicator refuses it if a provider offers it again.
        let dedupe = bank.deduper_for("Rivers").unwrap();
        assert!(dedupe.is_duplicate(&dropped));
    }

    #[test]
    fn a_question_held_for_a_live_quiz_is_not_served_and_a_dead_holders_hold_lapses() {
        let dir = tempfile::tempdir().unwrap();
        let mut bank = Bank::open(dir.path()).unwrap();
        let shelf = Shelf::new("Rivers", "medium", "English", 4);
        let held = with_id(q("Longest river?", "Nile"));
        bank.insert_held(&shelf, "Rivers", &held, &Provenance::default())
            .unwrap();
        // Held by this (live) process: another quiz does not get it.
        assert!(bank.take_unserved(&shelf, 5, |_| true).unwrap().is_empty());
        // The quiz was not written: given back, free again.
        bank.give_back("Rivers", &[held.id.clone().unwrap()])
            .unwrap();
        assert_eq!(bank.unserved_count(&shelf).unwrap(), 1);
        // A hold by a process of this host that is gone (a kill -9) lapses at once.
        let dead = format!("{}:{}", holder().rsplit_once(':').unwrap().0, u32::MAX);
        bank.db
            .execute(
                "UPDATE questions SET held_by = ?1, held_until_ms = ?2",
                vals![dead, crate::clock::now_ms() + 60_000],
            )
            .unwrap();
        if cfg!(target_os = "linux") {
            assert_eq!(bank.take_unserved(&shelf, 5, |_| true).unwrap().len(), 1);
        }
    }

    #[test]
    fn shelves_separate_sources_and_serving_empties_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut bank = Bank::open(dir.path()).unwrap();
        let shelf = Shelf::new("Rivers ", "medium", "English", 4);
        let from = |h: &str| Provenance {
            source_hash: Some(h.into()),
            ..Provenance::default()
        };
        assert!(
            bank.insert(
                &shelf,
                "Rivers",
                &with_id(q("Longest river?", "Nile")),
                &from("aaa")
            )
            .unwrap()
        );
        assert!(
            bank.insert(
                &shelf,
                "Rivers",
                &with_id(q("Widest river?", "Amazon")),
                &from("bbb")
            )
            .unwrap()
        );
        assert!(
            !bank
                .insert(
                    &shelf,
                    "Rivers",
                    &with_id(q("Longest river?", "Nile")),
                    &from("aaa")
                )
                .unwrap(),
            "stored once"
        );
        let only_a = shelf.clone().from_source(Some("aaa".into()));
        assert_eq!(bank.unserved_count(&only_a).unwrap(), 1);
        let any = Shelf::new("  rivers", "mixed", "english", 4);
        let got = bank.take_unserved(&any, 10, |_| true).unwrap();
        assert_eq!(
            got.len(),
            2,
            "case and spacing of the subject do not matter"
        );
        assert_eq!(bank.unserved_count(&any).unwrap(), 0, "taking serves them");
        assert!(bank.take_unserved(&any, 10, |_| true).unwrap().is_empty());
        bank.give_back("RIVERS", &[got[0].id.clone().unwrap()])
            .unwrap();
        assert_eq!(bank.unserved_count(&any).unwrap(), 1);
        assert_eq!(bank.stock().unwrap()[0].unserved, 1);
    }

    #[test]
    fn an_older_bank_upgrades_in_place_and_a_newer_one_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bank.sqlite");
        // A bank from before versioning: the first schema, one question, user_version 0.
        let db = rusqlite::Connection::open(&path).unwrap();
        db.execute_batch(SCHEMA).unwrap();
        db.execute(
            "INSERT INTO questions(qid, subject, subject_shown, difficulty, language, n_options, stem, options, answer_index, explanation, created_ms)
             VALUES('q1', 'rivers', 'Rivers', 'medium', 'english', 4, 'Longest river?', '[\"Nile\",\"b\",\"c\",\"d\"]', 0, '', 1)",
            [],
        )
        .unwrap();
        drop(db);
        let bank = Bank::open(dir.path()).unwrap();
        assert_eq!(bank.db.schema_version(&COMPONENT).unwrap(), Some(4));
        let stock = bank.stock().unwrap();
        assert_eq!(stock[0].total, 1, "the data is kept");
        assert_eq!(stock[0].verified, 0, "the verification columns are there");
        drop(bank);
        let db = rusqlite::Connection::open(&path).unwrap();
        db.pragma_update(None, "user_version", 99).unwrap();
        drop(db);
        let err = Bank::open(dir.path()).err().unwrap();
        assert!(format!("{err:#}").contains("newer quizgen"), "{err:#}");
    }
}
