//! The one storage interface for shared state (pool state, the bank, history): SQLite files in
//! the data dir (the embedded default) or one PostgreSQL database that several machines share
//! (`QUIZGEN_DATABASE_URL`). Callers write their queries once, in the SQL both dialects accept
//! (`?1` placeholders, `ON CONFLICT`, `RETURNING`, `CAST(? AS …)` where a type must be said);
//! each backend keeps its own DDL. Values cross as [`Value`], rows come back as [`Row`] whose
//! typed getters fail with [`Unreadable`] (so a caller can reset a damaged row, not crash).

use std::collections::HashMap;
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::{Context as _, Result};
use secrecy::{ExposeSecret, SecretString};

/// A value bound to a query or read from a row.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(v)
    }
}
impl From<u64> for Value {
    fn from(v: u64) -> Value {
        Value::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<usize> for Value {
    fn from(v: usize) -> Value {
        Value::Int(i64::try_from(v).unwrap_or(i64::MAX))
    }
}
impl From<u32> for Value {
    fn from(v: u32) -> Value {
        Value::Int(v.into())
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Int(v.into())
    }
}
impl From<f64> for Value {
    fn from(v: f64) -> Value {
        Value::Real(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Text(v.to_owned())
    }
}
impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Text(v)
    }
}
impl From<&String> for Value {
    fn from(v: &String) -> Value {
        Value::Text(v.clone())
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

/// Query parameters: `vals![a, b, c]`.
#[macro_export]
#[doc(hidden)]
macro_rules! vals {
    ($($v:expr),* $(,)?) => { &[$($crate::db::Value::from($v)),*][..] };
}
pub(crate) use vals;

/// A stored value that is not of the type its column should hold.
#[derive(Debug, thiserror::Error)]
#[error("column {column} holds {found}, not {wanted}")]
pub(crate) struct Unreadable {
    column: usize,
    found: &'static str,
    wanted: &'static str,
}

/// The shared database went away mid-run (closed, killed, unreachable, not answering): not a
/// fault of the data, and what was had must be kept locally until it is back.
#[derive(Debug, thiserror::Error)]
#[error("{shown}: the connection to the database was lost ({why})")]
pub(crate) struct Lost {
    pub shown: String,
    pub why: String,
}

/// Whether an error is (or was caused by) the loss of the shared database.
pub(crate) fn is_lost(e: &anyhow::Error) -> bool {
    lost_in(e).is_some()
}

/// The loss of the shared database in an error's chain, if it is there.
pub(crate) fn lost_in(e: &anyhow::Error) -> Option<&Lost> {
    e.chain().find_map(|c| c.downcast_ref::<Lost>())
}

/// One row of a query's answer.
#[derive(Debug, Clone)]
pub(crate) struct Row(Vec<Value>);

impl Row {
    fn at(&self, i: usize) -> &Value {
        self.0.get(i).unwrap_or(&Value::Null)
    }

    fn unreadable(&self, i: usize, wanted: &'static str) -> Unreadable {
        let found = match self.at(i) {
            Value::Null => "NULL",
            Value::Int(_) => "an integer",
            Value::Real(_) => "a real",
            Value::Text(_) => "text",
        };
        Unreadable {
            column: i,
            found,
            wanted,
        }
    }

    pub(crate) fn opt_int(&self, i: usize) -> Result<Option<i64>, Unreadable> {
        match self.at(i) {
            Value::Null => Ok(None),
            Value::Int(v) => Ok(Some(*v)),
            _ => Err(self.unreadable(i, "an integer")),
        }
    }

    pub(crate) fn int(&self, i: usize) -> Result<i64, Unreadable> {
        self.opt_int(i)?
            .ok_or_else(|| self.unreadable(i, "an integer"))
    }

    pub(crate) fn opt_real(&self, i: usize) -> Result<Option<f64>, Unreadable> {
        match self.at(i) {
            Value::Null => Ok(None),
            Value::Real(v) => Ok(Some(*v)),
            Value::Int(v) => Ok(Some(*v as f64)),
            Value::Text(_) => Err(self.unreadable(i, "a number")),
        }
    }

    pub(crate) fn opt_text(&self, i: usize) -> Result<Option<String>, Unreadable> {
        match self.at(i) {
            Value::Null => Ok(None),
            Value::Text(v) => Ok(Some(v.clone())),
            _ => Err(self.unreadable(i, "text")),
        }
    }

    pub(crate) fn text(&self, i: usize) -> Result<String, Unreadable> {
        self.opt_text(i)?.ok_or_else(|| self.unreadable(i, "text"))
    }
}

/// How a transaction meets other writers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lock {
    /// Reads, and writes no one else races for.
    Shared,
    /// No other process or machine writes this component's state meanwhile (SQLite: BEGIN
    /// IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock on the component).
    Exclusive,
}

/// Where shared state lives: the data dir's SQLite files, or a PostgreSQL database.
#[derive(Clone, Debug)]
pub struct StateAt {
    pub data_dir: std::path::PathBuf,
    pub url: Option<SecretString>,
    /// The clock every time stored there is read from (a `FakeClock` in tests): the pool's
    /// windows, the bank's holds and served times, the history's dates.
    pub clock: std::sync::Arc<dyn crate::clock::Clock>,
}

impl StateAt {
    /// The data dir's SQLite files, on the wall clock.
    pub fn local(data_dir: &Path) -> StateAt {
        StateAt {
            data_dir: data_dir.to_owned(),
            url: None,
            clock: crate::clock::system(),
        }
    }

    /// The same place, on another clock.
    #[must_use]
    pub fn with_clock(self, clock: std::sync::Arc<dyn crate::clock::Clock>) -> StateAt {
        StateAt { clock, ..self }
    }
}

/// The advisory lock under which a part's tables are set up on PostgreSQL.
const SETUP_LOCK: i64 = 0x7175_697a_0000;

/// One component's tables (the pool state, the bank, history) in either backend.
pub(crate) struct Component {
    /// Its SQLite file in the data dir, and what it is, for messages.
    pub file: &'static str,
    pub what: &'static str,
    /// SQLite: version 1's DDL and the steps after it (see `open_sqlite`).
    pub sqlite_schema: &'static str,
    pub sqlite_migrations: &'static [&'static str],
    /// PostgreSQL: the newest schema's DDL (version `1 + sqlite_migrations.len()`).
    pub pg_schema: &'static str,
    /// Its advisory lock's number (one per component).
    pub lock_id: i64,
}

impl Component {
    /// The schema version this quizgen writes.
    pub(crate) fn newest(&self) -> i64 {
        1 + self.sqlite_migrations.len() as i64
    }
}

/// One table's rows, as `state import` copies them from one backend to another: `select` on
/// the source gives rows whose values are `insert`'s parameters, in order; `insert` keeps
/// what the destination has (so an import can run again).
pub(crate) struct Copy {
    pub what: &'static str,
    pub select: &'static str,
    pub insert: &'static str,
}

/// Copies a table's rows from `src` to `dst` in one transaction; returns (read, added).
pub(crate) fn copy(src: &Db, dst: &Db, c: &Copy) -> Result<(u64, u64)> {
    let rows = src.query(c.select, &[])?;
    dst.transaction(Lock::Exclusive, |dst| {
        let mut added = 0;
        for r in &rows {
            added += dst.execute(c.insert, &r.0)?;
        }
        Ok((rows.len() as u64, added))
    })
}

enum Backend {
    /// Behind a mutex so that a `Db` (and the bank, history and store that hold one) may be
    /// shared by the tasks of a multi-threaded runtime; only one caller uses it at a time.
    Sqlite(std::sync::Mutex<rusqlite::Connection>),
    Pg(pg::Handle),
}

/// The SQLite connection, for one call (a panic elsewhere leaves it usable: SQLite rolls an
/// unfinished statement back itself).
fn locked(
    c: &std::sync::Mutex<rusqlite::Connection>,
) -> std::sync::MutexGuard<'_, rusqlite::Connection> {
    c.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A connection to one component's state.
pub(crate) struct Db {
    backend: Backend,
    clock: std::sync::Arc<dyn crate::clock::Clock>,
    /// The file or the database, for messages (never a password).
    shown: String,
    lock_id: i64,
}

impl Db {
    /// Opens a component where `at` says, creating or migrating its schema.
    pub(crate) fn open(at: &StateAt, c: &Component) -> Result<Db> {
        match &at.url {
            None => {
                crate::datadir::create(&at.data_dir)?;
                let path = at.data_dir.join(c.file);
                let conn = open_sqlite(&path, c.sqlite_schema, c.sqlite_migrations)
                    .with_context(|| format!("{}: cannot open {}", path.display(), c.what))?;
                Ok(Db {
                    clock: at.clock.clone(),
                    backend: Backend::Sqlite(std::sync::Mutex::new(conn)),
                    shown: path.display().to_string(),
                    lock_id: c.lock_id,
                })
            }
            Some(url) => {
                let handle = pg::Handle::connect(url.expose_secret())?;
                let shown = handle.shown.clone();
                let db = Db {
                    clock: at.clock.clone(),
                    backend: Backend::Pg(handle),
                    shown,
                    lock_id: c.lock_id,
                };
                db.pg_migrate(c)
                    .with_context(|| format!("{}: cannot set up {}", db.shown, c.what))?;
                Ok(db)
            }
        }
    }

    /// Now, in milliseconds since the epoch, on the clock of where the state lives.
    pub(crate) fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// The file or database, for messages.
    pub(crate) fn shown(&self) -> &str {
        &self.shown
    }

    pub(crate) fn is_postgres(&self) -> bool {
        matches!(self.backend, Backend::Pg(_))
    }

    /// Creates the component's tables on first use and records their version; a database
    /// written by a newer quizgen is refused, not changed.
    fn pg_migrate(&self, c: &Component) -> Result<()> {
        // One lock for every part's setup: two machines setting up two parts of a new database
        // at once would otherwise race to create the version table.
        self.pg_begin_locked(SETUP_LOCK)?;
        let out = (|| {
            self.execute_batch(
                "CREATE TABLE IF NOT EXISTS quizgen_schema(component TEXT PRIMARY KEY, version BIGINT NOT NULL)",
            )?;
            let version = self
                .query_row(
                    "SELECT version FROM quizgen_schema WHERE component = ?1",
                    vals![c.file],
                )?
                .map(|r| r.int(0))
                .transpose()?;
            match version {
                Some(v) if v > c.newest() => anyhow::bail!(
                    "written by a newer quizgen (schema version {v}, this one knows {}): upgrade quizgen",
                    c.newest()
                ),
                Some(v) if v < c.newest() => anyhow::bail!(
                    "schema version {v} is older than this quizgen's {}, and it has no step to upgrade it on PostgreSQL",
                    c.newest()
                ),
                Some(_) => Ok(()),
                None => {
                    self.execute_batch(c.pg_schema)?;
                    self.execute(
                        "INSERT INTO quizgen_schema(component, version) VALUES(?1, ?2)",
                        vals![c.file, c.newest()],
                    )?;
                    Ok(())
                }
            }
        })();
        self.end(out)
    }

    /// The schema version of a component, if it has one.
    pub(crate) fn schema_version(&self, c: &Component) -> Result<Option<i64>> {
        match &self.backend {
            Backend::Sqlite(conn) => Ok(Some(locked(conn).pragma_query_value(
                None,
                "user_version",
                |r| r.get::<_, i64>(0),
            )?)),
            Backend::Pg(_) => Ok(self
                .query_row(
                    "SELECT version FROM quizgen_schema WHERE component = ?1",
                    vals![c.file],
                )?
                .map(|r| r.int(0))
                .transpose()?),
        }
    }

    pub(crate) fn begin(&self, lock: Lock) -> Result<()> {
        match (&self.backend, lock) {
            (Backend::Sqlite(c), Lock::Shared) => locked(c).execute_batch("BEGIN")?,
            (Backend::Sqlite(c), Lock::Exclusive) => {
                locked(c).execute_batch("BEGIN IMMEDIATE")?;
            }
            (Backend::Pg(_), Lock::Shared) => self.execute_batch("BEGIN")?,
            (Backend::Pg(_), Lock::Exclusive) => self.pg_begin_locked(self.lock_id)?,
        }
        Ok(())
    }

    /// BEGIN, then wait for the advisory lock `id` (released at COMMIT or ROLLBACK).
    fn pg_begin_locked(&self, id: i64) -> Result<()> {
        self.execute_batch("BEGIN")?;
        let locked = self.query("SELECT CAST(pg_advisory_xact_lock(?1) AS TEXT)", vals![id]);
        if locked.is_err() {
            let _ = self.rollback();
        }
        locked.map(drop)
    }

    pub(crate) fn commit(&self) -> Result<()> {
        self.execute_batch("COMMIT")
    }

    pub(crate) fn rollback(&self) -> Result<()> {
        self.execute_batch("ROLLBACK")
    }

    /// Commits if `out` is a success, rolls back if not; returns `out`.
    pub(crate) fn end<T>(&self, out: Result<T>) -> Result<T> {
        match out {
            Ok(v) => {
                self.commit()?;
                Ok(v)
            }
            Err(e) => {
                let _ = self.rollback();
                Err(e)
            }
        }
    }

    /// Runs `f` in a transaction, committed if it succeeds.
    pub(crate) fn transaction<T>(&self, lock: Lock, f: impl FnOnce(&Db) -> Result<T>) -> Result<T> {
        self.begin(lock)?;
        let out = f(self);
        self.end(out)
    }

    pub(crate) fn execute_batch(&self, sql: &str) -> Result<()> {
        match &self.backend {
            Backend::Sqlite(c) => Ok(locked(c).execute_batch(sql)?),
            Backend::Pg(h) => {
                let sql = sql.to_owned();
                h.call(move |w| {
                    let out = w.client.batch_execute(&sql);
                    out.map_err(|e| w.fail(&e))
                })
            }
        }
    }

    /// Runs a statement; returns how many rows it changed.
    pub(crate) fn execute(&self, sql: &str, params: &[Value]) -> Result<u64> {
        match &self.backend {
            Backend::Sqlite(c) => {
                let c = locked(c);
                let mut st = c.prepare_cached(sql)?;
                Ok(st.execute(rusqlite::params_from_iter(params.iter()))? as u64)
            }
            Backend::Pg(h) => {
                let (sql, params) = (pg::dialect(sql), params.to_vec());
                h.call(move |w| w.execute(&sql, &params))
            }
        }
    }

    /// Runs a query; returns its rows.
    pub(crate) fn query(&self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
        match &self.backend {
            Backend::Sqlite(c) => {
                let c = locked(c);
                let mut st = c.prepare_cached(sql)?;
                let n = st.column_count();
                let rows = st.query_map(rusqlite::params_from_iter(params.iter()), |r| {
                    (0..n)
                        .map(|i| Ok(Value::from_sqlite(r.get_ref(i)?)))
                        .collect::<rusqlite::Result<Vec<Value>>>()
                        .map(Row)
                })?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            }
            Backend::Pg(h) => {
                let (sql, params) = (pg::dialect(sql), params.to_vec());
                h.call(move |w| w.query(&sql, &params))
            }
        }
    }

    /// The first row of a query, if any.
    pub(crate) fn query_row(&self, sql: &str, params: &[Value]) -> Result<Option<Row>> {
        Ok(self.query(sql, params)?.into_iter().next())
    }
}

impl Value {
    fn from_sqlite(v: rusqlite::types::ValueRef<'_>) -> Value {
        use rusqlite::types::ValueRef;
        match v {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(i) => Value::Int(i),
            ValueRef::Real(f) => Value::Real(f),
            ValueRef::Text(t) | ValueRef::Blob(t) => {
                Value::Text(String::from_utf8_lossy(t).into_owned())
            }
        }
    }
}

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(i) => ValueRef::Integer(*i),
            Value::Real(f) => ValueRef::Real(*f),
            Value::Text(t) => ValueRef::Text(t.as_bytes()),
        }))
    }
}

/// PostgreSQL, through the synchronous `postgres` client on a thread of its own: that client
/// runs its own runtime, which must not block a thread that drives async tasks, and quizgen's
/// callers are such threads. Each call is one job on the connection's thread.
mod pg {
    use super::*;
    use postgres::types::{IsNull, ToSql, Type, to_sql_checked};

    /// How long connecting may take, and any statement (a lock wait included).
    const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
    const STATEMENT_TIMEOUT: Duration = Duration::from_secs(30);

    type Job = Box<dyn FnOnce(&mut Worker) + Send>;

    pub(super) struct Worker {
        pub client: postgres::Client,
        statements: HashMap<String, postgres::Statement>,
        shown: String,
    }

    pub(super) struct Handle {
        jobs: mpsc::Sender<Job>,
        pub shown: String,
    }

    /// `host:port/db` of a URL (the password is never shown).
    pub(super) fn describe(url: &str) -> String {
        if let Ok(u) = url::Url::parse(url)
            && let Some(host) = u.host_str().filter(|h| !h.is_empty())
        {
            let port = u.port().unwrap_or(5432);
            let db = u.path().trim_start_matches('/');
            return format!("postgresql://{host}:{port}/{db}");
        }
        let Ok(config) = url.parse::<postgres::Config>() else {
            return "the database named by QUIZGEN_DATABASE_URL".into();
        };
        let host = match config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(h)) => h.clone(),
            Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
            None => "localhost".into(),
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let db = config.get_dbname().unwrap_or("(default)");
        format!("postgresql://{host}:{port}/{db}")
    }

    /// TLS as the URL asks for it: `sslmode=require` (or libpq's `verify-ca`, `verify-full`)
    /// encrypts and verifies the server's certificate, against `sslrootcert=FILE` if given,
    /// else the web's root authorities; `disable`, `prefer` or nothing connects in the clear.
    /// Returns the URL without what the driver does not read, and the roots when TLS is on.
    fn tls_of(url: &str, shown: &str) -> Result<(String, Option<rustls::RootCertStore>)> {
        let Ok(mut parsed) = url::Url::parse(url) else {
            return Ok((url.to_owned(), None));
        };
        let mut mode = None;
        let mut root = None;
        let kept: Vec<(String, String)> = parsed
            .query_pairs()
            .filter_map(|(k, v)| match k.as_ref() {
                "sslmode" => {
                    mode = Some(v.into_owned());
                    None
                }
                "sslrootcert" => {
                    root = Some(std::path::PathBuf::from(v.as_ref()));
                    None
                }
                _ => Some((k.into_owned(), v.into_owned())),
            })
            .collect();
        let tls = match mode.as_deref() {
            None | Some("disable" | "allow" | "prefer") => false,
            Some("require" | "verify-ca" | "verify-full") => true,
            Some(other) => anyhow::bail!(
                "{shown}: sslmode={other} is not one quizgen knows (disable, prefer, require, verify-ca, verify-full)"
            ),
        };
        if kept.is_empty() {
            parsed.set_query(None);
        } else {
            parsed.query_pairs_mut().clear().extend_pairs(&kept);
        }
        if !tls {
            return Ok((parsed.to_string(), None));
        }
        let mut roots = rustls::RootCertStore::empty();
        match &root {
            Some(path) => {
                use rustls::pki_types::{CertificateDer, pem::PemObject};
                let certs = CertificateDer::pem_file_iter(path)
                    .and_then(std::iter::Iterator::collect::<std::result::Result<Vec<_>, _>>)
                    .map_err(|e| anyhow::anyhow!("{shown}: sslrootcert={}: {e}", path.display()))?;
                for c in certs {
                    roots.add(c).map_err(|e| {
                        anyhow::anyhow!("{shown}: sslrootcert={}: {e}", path.display())
                    })?;
                }
            }
            None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
        }
        Ok((parsed.to_string(), Some(roots)))
    }

    /// A TLS connector that verifies the server against `roots`.
    fn rustls_connector(
        roots: rustls::RootCertStore,
    ) -> Result<tokio_postgres_rustls::MakeRustlsConnect> {
        let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
        let config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()?
            .with_root_certificates(roots)
            .with_no_client_auth();
        Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
    }

    impl Handle {
        pub(super) fn connect(url: &str) -> Result<Handle> {
            let shown = describe(url);
            let (url, roots) = tls_of(url, &shown)?;
            let mut config: postgres::Config = url.parse().map_err(|e| {
                anyhow::anyhow!("the database URL cannot be read ({e}): expected postgresql://user:password@host:port/database")
            })?;
            let tls = roots.map(rustls_connector).transpose()?;
            if tls.is_none() {
                config.ssl_mode(postgres::config::SslMode::Disable);
            }
            config
                .connect_timeout(CONNECT_TIMEOUT)
                .tcp_user_timeout(STATEMENT_TIMEOUT)
                .keepalives_idle(Duration::from_secs(30))
                .application_name("quizgen");
            let (jobs, rx) = mpsc::channel::<Job>();
            let thread_shown = shown.clone();
            let (ready, ready_rx) = mpsc::channel();
            std::thread::Builder::new()
                .name("quizgen-postgres".into())
                .spawn(move || {
                    let client = match tls {
                        Some(tls) => config.connect(tls),
                        None => config.connect(postgres::NoTls),
                    };
                    let client = client.and_then(|mut c| {
                        c.batch_execute(&format!(
                            "SET statement_timeout = {0}; SET lock_timeout = {0}",
                            STATEMENT_TIMEOUT.as_millis()
                        ))
                        .map(|()| c)
                    });
                    let mut worker = match client {
                        Ok(client) => {
                            let _ = ready.send(Ok(()));
                            Worker {
                                client,
                                statements: HashMap::new(),
                                shown: thread_shown,
                            }
                        }
                        Err(e) => {
                            let _ = ready.send(Err(e));
                            return;
                        }
                    };
                    for job in rx {
                        job(&mut worker);
                    }
                })?;
            match ready_rx.recv_timeout(CONNECT_TIMEOUT + Duration::from_secs(5)) {
                Ok(Ok(())) => Ok(Handle { jobs, shown }),
                Ok(Err(e)) if reason(&e).contains("certificate") => Err(anyhow::anyhow!(
                    "{shown}: the database's TLS certificate is not trusted ({}): give its authority with sslrootcert=FILE in the URL",
                    reason(&e)
                )),
                Ok(Err(e)) => Err(anyhow::anyhow!(
                    "{shown}: cannot connect to the database ({}): check that it runs and is reachable from here, and the URL's user, password and database name",
                    reason(&e)
                )),
                Err(_) => Err(anyhow::anyhow!(
                    "{shown}: no answer from the database in {}s: check the host and port, and any firewall between",
                    CONNECT_TIMEOUT.as_secs()
                )),
            }
        }

        /// Runs `f` on the connection's thread and waits for its answer.
        pub(super) fn call<T: Send + 'static>(
            &self,
            f: impl FnOnce(&mut Worker) -> Result<T> + Send + 'static,
        ) -> Result<T> {
            let (tx, rx) = mpsc::channel();
            let lost = |why: String| Lost {
                shown: self.shown.clone(),
                why,
            };
            self.jobs
                .send(Box::new(move |w| {
                    let _ = tx.send(f(w));
                }))
                .map_err(|_| lost("its connection is closed".into()))?;
            match rx.recv_timeout(STATEMENT_TIMEOUT + Duration::from_secs(10)) {
                Ok(Err(e)) if is_lost(&e) => Err(e),
                Ok(out) => out.with_context(|| format!("{}: the database failed", self.shown)),
                Err(_) => {
                    Err(lost(format!("no answer in {}s", STATEMENT_TIMEOUT.as_secs())).into())
                }
            }
        }
    }

    /// A driver error in one line: the server's message, or what failed on the way.
    fn reason(e: &postgres::Error) -> String {
        if let Some(db) = e.as_db_error() {
            db.message().to_owned()
        } else {
            let mut s = e.to_string();
            let mut src = std::error::Error::source(e);
            while let Some(inner) = src {
                s = format!("{s}: {inner}");
                src = inner.source();
            }
            s
        }
    }

    /// Whether a driver error means the connection is gone (closed, I/O, the server shutting
    /// down or ending the session), not that a statement was wrong.
    fn connection_gone(e: &postgres::Error) -> bool {
        let class = e.code().map(|c| &c.code()[..2]);
        e.is_closed()
            || matches!(class, Some("08" | "57"))
            || (e.as_db_error().is_none()
                && std::error::Error::source(e)
                    .is_some_and(<dyn std::error::Error + 'static>::is::<std::io::Error>))
    }

    impl Worker {
        /// A driver error as quizgen reports it: `Lost` when the connection is gone.
        pub(super) fn fail(&self, e: &postgres::Error) -> anyhow::Error {
            if connection_gone(e) || self.client.is_closed() {
                Lost {
                    shown: self.shown.clone(),
                    why: reason(e),
                }
                .into()
            } else {
                anyhow::anyhow!("{}", reason(e))
            }
        }

        fn statement(&mut self, sql: &str) -> Result<postgres::Statement> {
            if let Some(st) = self.statements.get(sql) {
                return Ok(st.clone());
            }
            let st = self.client.prepare(sql).map_err(|e| self.fail(&e))?;
            self.statements.insert(sql.to_owned(), st.clone());
            Ok(st)
        }

        pub(super) fn execute(&mut self, sql: &str, params: &[Value]) -> Result<u64> {
            let st = self.statement(sql)?;
            let refs: Vec<&(dyn ToSql + Sync)> =
                params.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
            let out = self.client.execute(&st, &refs);
            out.map_err(|e| self.fail(&e))
        }

        pub(super) fn query(&mut self, sql: &str, params: &[Value]) -> Result<Vec<Row>> {
            let st = self.statement(sql)?;
            let refs: Vec<&(dyn ToSql + Sync)> =
                params.iter().map(|p| p as &(dyn ToSql + Sync)).collect();
            let rows = self.client.query(&st, &refs);
            let rows = rows.map_err(|e| self.fail(&e))?;
            rows.iter().map(row).collect()
        }
    }

    fn row(r: &postgres::Row) -> Result<Row> {
        let mut out = Vec::with_capacity(r.len());
        for (i, col) in r.columns().iter().enumerate() {
            let v = match *col.type_() {
                Type::INT8 => r.get::<_, Option<i64>>(i).map(Value::Int),
                Type::INT4 => r.get::<_, Option<i32>>(i).map(|v| Value::Int(v.into())),
                Type::INT2 => r.get::<_, Option<i16>>(i).map(|v| Value::Int(v.into())),
                Type::BOOL => r.get::<_, Option<bool>>(i).map(|v| Value::Int(v.into())),
                Type::FLOAT8 => r.get::<_, Option<f64>>(i).map(Value::Real),
                Type::FLOAT4 => r.get::<_, Option<f32>>(i).map(|v| Value::Real(v.into())),
                Type::TEXT | Type::VARCHAR | Type::NAME | Type::BPCHAR => {
                    r.get::<_, Option<String>>(i).map(Value::Text)
                }
                ref t => anyhow::bail!(
                    "column {} has type {t}, which quizgen does not read",
                    col.name()
                ),
            };
            out.push(v.unwrap_or(Value::Null));
        }
        Ok(Row(out))
    }

    impl ToSql for Value {
        fn to_sql(
            &self,
            ty: &Type,
            out: &mut bytes::BytesMut,
        ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
            match (self, ty) {
                (Value::Null, _) => Ok(IsNull::Yes),
                (Value::Int(v), &Type::INT8) => v.to_sql(ty, out),
                (Value::Int(v), &Type::INT4) => i32::try_from(*v)?.to_sql(ty, out),
                (Value::Int(v), &Type::INT2) => i16::try_from(*v)?.to_sql(ty, out),
                (Value::Int(v), &Type::BOOL) => (*v != 0).to_sql(ty, out),
                (Value::Int(v), &Type::FLOAT8) => (*v as f64).to_sql(ty, out),
                (Value::Real(v), &Type::FLOAT8) => v.to_sql(ty, out),
                (Value::Text(v), _) => v.as_str().to_sql(ty, out),
                (v, t) => Err(format!("{v:?} cannot be sent as {t}").into()),
            }
        }

        fn accepts(_: &Type) -> bool {
            true
        }

        to_sql_checked!();
    }

    /// The shared SQL in PostgreSQL's spelling: `?N` placeholders become `$N` (outside quotes).
    pub(super) fn dialect(sql: &str) -> String {
        let mut out = String::with_capacity(sql.len());
        let mut quoted = false;
        for c in sql.chars() {
            match c {
                '\'' => {
                    quoted = !quoted;
                    out.push(c);
                }
                '?' if !quoted => out.push('$'),
                _ => out.push(c),
            }
        }
        out
    }
}

/// Opens a database that several quizgen processes share: WAL, a generous busy timeout, and
/// the schema. Setting WAL up can meet a lock that the busy handler does not wait for (another
/// process doing the same), so that step is retried for a while.
///
/// The schema is versioned with `PRAGMA user_version`: `schema` is version 1 (tables created if
/// missing, so data dirs from before versioning are version 1 too), and `migrations[i]` takes
/// a file from version i + 1 to i + 2. Each runs once, in an IMMEDIATE transaction, so existing
/// data dirs upgrade in place; a file from a newer quizgen is refused, not damaged.
pub(crate) fn open_sqlite(
    path: &Path,
    schema: &str,
    migrations: &[&str],
) -> Result<rusqlite::Connection> {
    crate::datadir::private_file(path)?;
    let mut conn = rusqlite::Connection::open(path)?;
    conn.busy_timeout(Duration::from_secs(30))?;
    let mut tries = 0;
    loop {
        let setup = conn
            .pragma_update(None, "journal_mode", "WAL")
            .and_then(|()| conn.pragma_update(None, "synchronous", "NORMAL"))
            .and_then(|()| conn.execute_batch(schema));
        match setup {
            Ok(()) => {
                migrate(&mut conn, path, migrations)?;
                return Ok(conn);
            }
            Err(rusqlite::Error::SqliteFailure(e, _))
                if e.code == rusqlite::ErrorCode::DatabaseBusy && tries < 300 =>
            {
                tries += 1;
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Brings a database to the newest schema version (see `open_sqlite`).
fn migrate(conn: &mut rusqlite::Connection, path: &Path, migrations: &[&str]) -> Result<()> {
    let newest = 1 + migrations.len() as i64;
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if version > newest {
        anyhow::bail!(
            "{}: written by a newer quizgen (schema version {version}, this one knows {newest}): upgrade quizgen",
            path.display()
        );
    }
    for (i, step) in migrations.iter().enumerate() {
        if version < i as i64 + 2 {
            tx.execute_batch(step)?;
        }
    }
    if version < newest {
        tx.pragma_update(None, "user_version", newest)?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_postgres_ones_outside_quotes() {
        assert_eq!(
            pg::dialect("SELECT a FROM t WHERE b = ?1 AND c = '?' AND d = ?12"),
            "SELECT a FROM t WHERE b = $1 AND c = '?' AND d = $12"
        );
    }

    #[test]
    fn a_url_is_shown_without_its_password() {
        let shown = pg::describe("postgresql://quiz:s3cret@db.school.example:6543/quizgen");
        assert_eq!(shown, "postgresql://db.school.example:6543/quizgen");
        assert!(!pg::describe("postgres://u:pw@h/d").contains("pw"));
    }
}
