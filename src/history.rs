//! Quiz history: every quiz written (by `generate` and `history export`) with its questions in
//! order, so a teacher can write the same quiz again in another format (the Moodle file, then
//! the Kahoot sheet, then the printed answer key). The questions are kept whole with the record,
//! offline ones too (they are not banked). `history.sqlite` in the data dir.

use std::path::Path;

use anyhow::{Context as _, Result};
use serde::Serialize;

use crate::db::{Component, Db, StateAt, vals};
use crate::mcq::Mcq;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS quizzes(
    id INTEGER PRIMARY KEY,
    time_ms INTEGER NOT NULL,
    subject TEXT NOT NULL,
    format TEXT NOT NULL,
    path TEXT,
    count INTEGER NOT NULL,
    questions TEXT NOT NULL
);";

/// The same table in PostgreSQL (see `db::Component`).
const PG_SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS quizzes(
    id BIGSERIAL PRIMARY KEY,
    time_ms BIGINT NOT NULL,
    subject TEXT NOT NULL,
    format TEXT NOT NULL,
    path TEXT,
    count BIGINT NOT NULL,
    questions TEXT NOT NULL
);";

/// History as a storage component.
pub(crate) const COMPONENT: Component = Component {
    file: "history.sqlite",
    what: "the quiz history",
    sqlite_schema: SCHEMA,
    sqlite_migrations: &[],
    pg_schema: PG_SCHEMA,
    lock_id: 0x7175_697a_0003,
};

/// One written quiz, as `history --json` shows it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub(crate) struct Entry {
    pub id: i64,
    /// When it was written, RFC 3339 (UTC).
    pub time: String,
    pub subject: String,
    pub count: usize,
    pub format: String,
    /// The file written; `null` for stdout.
    pub path: Option<String>,
    /// The questions' ids, in order.
    pub question_ids: Vec<String>,
}

/// What `state import` copies: every quiz (a new id in the destination; one already there,
/// same time, subject and questions, is not copied again).
pub(crate) const IMPORT: &[crate::db::Copy] = &[crate::db::Copy {
    what: "quizzes",
    select: "SELECT time_ms, subject, format, path, count, questions FROM quizzes ORDER BY id",
    insert: "INSERT INTO quizzes(time_ms, subject, format, path, count, questions)
             SELECT CAST(?1 AS BIGINT), CAST(?2 AS TEXT), CAST(?3 AS TEXT), CAST(?4 AS TEXT), CAST(?5 AS BIGINT), CAST(?6 AS TEXT)
             WHERE NOT EXISTS (SELECT 1 FROM quizzes WHERE time_ms = ?1 AND subject = ?2 AND questions = ?6)",
}];

pub(crate) struct History {
    db: Db,
}

impl History {
    /// The history where `at` says (the data dir, or a shared database).
    pub(crate) fn open_at(at: &StateAt) -> Result<History> {
        Ok(History {
            db: Db::open(at, &COMPONENT)?,
        })
    }

    /// Records a written quiz; returns its id.
    pub(crate) fn record(
        &self,
        subject: &str,
        format: &str,
        written_to: Option<&Path>,
        questions: &[Mcq],
    ) -> Result<i64> {
        let path = written_to.map(|p| {
            std::path::absolute(p)
                .unwrap_or_else(|_| p.to_owned())
                .display()
                .to_string()
        });
        let row = self
            .db
            .query_row(
                "INSERT INTO quizzes(time_ms, subject, format, path, count, questions) VALUES(?1, ?2, ?3, ?4, ?5, ?6) RETURNING id",
                vals![
                    self.db.now_ms(),
                    subject,
                    format,
                    path,
                    questions.len(),
                    serde_json::to_string(questions)?,
                ],
            )
            .with_context(|| format!("{}: cannot record the quiz", self.db.shown()))?;
        Ok(row.context("no id")?.int(0)?)
    }

    /// Every recorded quiz, oldest first.
    pub(crate) fn list(&self) -> Result<Vec<Entry>> {
        let rows = self.db.query(
            "SELECT id, time_ms, subject, format, path, questions FROM quizzes ORDER BY id",
            &[],
        )?;
        let mut out = Vec::new();
        for r in &rows {
            let (id, time_ms, subject, format, path, questions) = (
                r.int(0)?,
                r.int(1)?,
                r.text(2)?,
                r.text(3)?,
                r.opt_text(4)?,
                r.text(5)?,
            );
            let qs = self.questions_of(id, &questions)?;
            out.push(Entry {
                id,
                time: rfc3339(time_ms),
                subject,
                count: qs.len(),
                format,
                path,
                question_ids: qs.iter().map(Mcq::stable_id).collect(),
            });
        }
        Ok(out)
    }

    /// A recorded quiz's subject and questions, in their order.
    pub(crate) fn get(&self, id: i64) -> Result<Option<(String, Vec<Mcq>)>> {
        let row = self.db.query_row(
            "SELECT subject, questions FROM quizzes WHERE id = ?1",
            vals![id],
        )?;
        row.map(|r| Ok((r.text(0)?, self.questions_of(id, &r.text(1)?)?)))
            .transpose()
    }

    /// Drops question `index` (from 0) of quiz `id` (a teacher's review): the quiz is kept
    /// without it. The dropped question, or `None` when the quiz or the question is not there.
    pub(crate) fn drop_question(&self, id: i64, index: usize) -> Result<Option<(String, Mcq)>> {
        let Some((subject, mut questions)) = self.get(id)? else {
            return Ok(None);
        };
        if index >= questions.len() {
            return Ok(None);
        }
        let dropped = questions.remove(index);
        self.rewrite(id, &questions)?;
        Ok(Some((subject, dropped)))
    }

    /// Adds `q` to quiz `id` (a teacher's review asked for one more) at `place` (from 0; the
    /// end when `None` or past it); the quiz as it is now, or `None` when there is no such
    /// quiz.
    pub(crate) fn add_question(
        &self,
        id: i64,
        q: Mcq,
        place: Option<usize>,
    ) -> Result<Option<(String, Vec<Mcq>)>> {
        let Some((subject, mut questions)) = self.get(id)? else {
            return Ok(None);
        };
        let place = place.unwrap_or(usize::MAX).min(questions.len());
        questions.insert(place, q);
        self.rewrite(id, &questions)?;
        Ok(Some((subject, questions)))
    }

    /// Quiz `id` holds `questions` now.
    fn rewrite(&self, id: i64, questions: &[Mcq]) -> Result<()> {
        self.db
            .execute(
                "UPDATE quizzes SET questions = ?2, count = ?3 WHERE id = ?1",
                vals![id, serde_json::to_string(questions)?, questions.len()],
            )
            .with_context(|| format!("{}: cannot change quiz {id}", self.db.shown()))?;
        Ok(())
    }

    fn questions_of(&self, id: i64, text: &str) -> Result<Vec<Mcq>> {
        serde_json::from_str(text).with_context(|| {
            format!(
                "{}: quiz {id}: its questions cannot be read",
                self.db.shown()
            )
        })
    }
}

/// Milliseconds since the epoch as `YYYY-MM-DDTHH:MM:SSZ`.
fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms).map_or_else(String::new, |t| {
        t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    })
}

#[cfg(test)]
mod tests {
    use super::rfc3339;

    #[test]
    fn times_are_rfc3339() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_833_330_000), "2026-11-28T02:35:30Z");
        assert_eq!(rfc3339(951_782_400_000), "2000-02-29T00:00:00Z");
    }
}
