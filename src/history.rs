//! Quiz history: every quiz written (by `generate` and `history export`) with its questions in
//! order, so a teacher can write the same quiz again in another format (the Moodle file, then
//! the Kahoot sheet, then the printed answer key). The questions are kept whole with the record,
//! offline ones too (they are not banked). `history.sqlite` in the data dir.

use std::path::Path;

use anyhow::{Context as _, Result};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

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

/// One written quiz, as `history --json` shows it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Entry {
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

pub struct History {
    conn: Connection,
    path: std::path::PathBuf,
}

impl History {
    pub fn open(data_dir: &Path) -> Result<History> {
        crate::datadir::create(data_dir)?;
        let path = data_dir.join("history.sqlite");
        let conn = crate::pool::store::open_shared(&path, SCHEMA, &[])
            .with_context(|| format!("{}: cannot open the quiz history", path.display()))?;
        Ok(History { conn, path })
    }

    /// Records a written quiz; returns its id.
    pub fn record(
        &self,
        subject: &str,
        format: &str,
        written_to: Option<&Path>,
        questions: &[Mcq],
    ) -> Result<i64> {
        self.conn
            .execute(
                "INSERT INTO quizzes(time_ms, subject, format, path, count, questions) VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    crate::pool::store::now_ms(),
                    subject,
                    format,
                    written_to.map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_owned()).display().to_string()),
                    questions.len() as i64,
                    serde_json::to_string(questions)?,
                ],
            )
            .with_context(|| format!("{}: cannot record the quiz", self.path.display()))?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Every recorded quiz, oldest first.
    pub fn list(&self) -> Result<Vec<Entry>> {
        let mut st = self.conn.prepare(
            "SELECT id, time_ms, subject, format, path, questions FROM quizzes ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, Option<String>>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, time_ms, subject, format, path, questions) = row?;
            let qs = self.questions_of(id, &questions)?;
            out.push(Entry {
                id,
                time: rfc3339(time_ms),
                subject,
                count: qs.len(),
                format,
                path,
                question_ids: qs.iter().map(|q| q.stable_id()).collect(),
            });
        }
        Ok(out)
    }

    /// A recorded quiz's subject and questions, in their order.
    pub fn get(&self, id: i64) -> Result<Option<(String, Vec<Mcq>)>> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT subject, questions FROM quizzes WHERE id = ?1",
                params![id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(subject, qs)| Ok((subject, self.questions_of(id, &qs)?)))
            .transpose()
    }

    fn questions_of(&self, id: i64, text: &str) -> Result<Vec<Mcq>> {
        serde_json::from_str(text).with_context(|| {
            format!(
                "{}: quiz {id}: its questions cannot be read",
                self.path.display()
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
