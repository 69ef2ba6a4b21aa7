//! A fresh `PostgreSQL` database per test, on the server `QUIZGEN_TEST_DATABASE_URL` names
//! (`.ci/run` starts a throwaway cluster and sets it). Outside CI, with the variable unset, the
//! shared-state tests say they are skipped; in CI (`CI` set) a missing server fails them.
#![allow(dead_code)]

use std::sync::atomic::{AtomicUsize, Ordering};

/// The URL of a new, empty database, or `None` (with a message) when there is no server.
pub(crate) fn fresh_database(test: &str) -> Option<String> {
    let Some(base) = std::env::var("QUIZGEN_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
    else {
        assert!(
            std::env::var_os("CI").is_none(),
            "{test}: QUIZGEN_TEST_DATABASE_URL is not set, and CI must run the PostgreSQL tests"
        );
        eprintln!(
            "{test}: skipped: set QUIZGEN_TEST_DATABASE_URL to a PostgreSQL server's URL (see .ci/run) to run it"
        );
        return None;
    };
    static N: AtomicUsize = AtomicUsize::new(0);
    let name = format!(
        "qg_{}_{}_{}",
        test.chars()
            .filter(char::is_ascii_alphanumeric)
            .take(20)
            .collect::<String>()
            .to_lowercase(),
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    );
    let mut admin = postgres::Client::connect(&base, postgres::NoTls)
        .unwrap_or_else(|e| panic!("QUIZGEN_TEST_DATABASE_URL: cannot connect: {e}"));
    admin
        .batch_execute(&format!("DROP DATABASE IF EXISTS {name}"))
        .unwrap();
    admin
        .batch_execute(&format!("CREATE DATABASE {name}"))
        .unwrap();
    let mut url = url::Url::parse(&base).unwrap();
    url.set_path(&format!("/{name}"));
    Some(url.to_string())
}

/// Ends every session on the database `url` names, as a crash or a restart of the server
/// would: the clients' next statements fail with their connection gone.
pub(crate) fn end_sessions(url: &str) {
    let base = std::env::var("QUIZGEN_TEST_DATABASE_URL").unwrap();
    let name = url::Url::parse(url)
        .unwrap()
        .path()
        .trim_start_matches('/')
        .to_owned();
    let mut admin = postgres::Client::connect(&base, postgres::NoTls).unwrap();
    admin
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
            &[&name],
        )
        .unwrap();
}

/// The authority of the test server's TLS certificate (`.ci/postgres` makes it), if known.
pub(crate) fn test_ca() -> Option<std::path::PathBuf> {
    if let Some(p) = std::env::var_os("QUIZGEN_TEST_DATABASE_CA").filter(|v| !v.is_empty()) {
        Some(p.into())
    } else {
        assert!(
            std::env::var_os("CI").is_none(),
            "QUIZGEN_TEST_DATABASE_CA is not set, and CI must run the TLS test"
        );
        eprintln!("skipped: set QUIZGEN_TEST_DATABASE_CA (see .ci/postgres) to test TLS");
        None
    }
}
