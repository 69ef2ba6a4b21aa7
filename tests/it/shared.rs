//! Several machines, one `PostgreSQL` database: one budget, one bank, one history. Each
//! "machine" is a quizgen process with a data dir of its own and the same database URL.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use crate::common::mock::MockConfig;
use crate::common::{Fixture, pg, questions};

/// `quizgen ARGS` as machine `name`: its own data dir, the shared database.
fn machine(fx: &Fixture, name: &str, url: &str, args: &[&str]) -> Command {
    let mut c = Command::new(assert_cmd::cargo::cargo_bin("quizgen"));
    c.current_dir(fx.path())
        .env_remove("GROQ_API_KEY")
        .env_remove("QUIZGEN_KEYS")
        .env("QUIZGEN_DATA_DIR", data_dir(fx, name))
        .env("QUIZGEN_DATABASE_URL", url)
        .env("HOME", fx.path())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// `machine`, with the keys.
fn keyed(fx: &Fixture, name: &str, url: &str, args: &[&str]) -> Command {
    let mut c = machine(fx, name, url, args);
    c.arg("--keys").arg(&fx.keys);
    c
}

fn data_dir(fx: &Fixture, name: &str) -> PathBuf {
    fx.path().join(format!("machine-{name}"))
}

fn finish(child: Child) -> (i32, Vec<serde_json::Value>, String) {
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let qs = questions(&String::from_utf8_lossy(&out.stdout));
    (out.status.code().unwrap_or(-1), qs, stderr)
}

/// Runs `args` on each of `machines` at once; each must write `each` questions, and no
/// question may appear twice across them.
fn all_at_once(fx: &Fixture, url: &str, machines: &[&str], args: &[&str], each: usize) {
    let children: Vec<Child> = machines
        .iter()
        .map(|m| keyed(fx, m, url, args).spawn().unwrap())
        .collect();
    let mut seen = HashSet::new();
    for child in children {
        let (code, qs, stderr) = finish(child);
        assert_eq!(code, 0, "{stderr}");
        assert_eq!(qs.len(), each, "{stderr}");
        for stem in stems(&qs) {
            assert!(seen.insert(stem.clone()), "served twice: {stem}");
        }
    }
}

fn stems(qs: &[serde_json::Value]) -> Vec<String> {
    qs.iter()
        .map(|q| q["question"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn three_machines_share_one_lanes_budget_and_a_fourth_counts_them_all() {
    let Some(url) = pg::fresh_database("three_machines") else {
        return;
    };
    let tight = MockConfig {
        tpm: 6_000,
        tpm_window: Duration::from_secs(1),
        ..MockConfig::default()
    };
    let fx = Fixture::with_extra(
        tight,
        &["openai/gpt-oss-20b"],
        &["k-shared-1234567890"],
        "limits = { tpm = 6000 }",
    );
    all_at_once(
        &fx,
        &url,
        &["a", "b", "c"],
        &["generate", "--subject", "rivers", "--count", "60", "-q"],
        60,
    );
    // 180 questions (over 18,000 tokens with their prompts) through one 6,000-token window:
    // the machines waited for each other instead of each spending the whole budget.
    let requests = fx.mock.seen();
    let span = requests.last().unwrap().at - requests[0].at;
    assert!(span >= Duration::from_secs(2), "{span:?}");
    assert!(
        fx.mock.count_status(429) <= 2,
        "{} 429s reached the provider",
        fx.mock.count_status(429)
    );
    // A fourth machine, which sent nothing, sees every machine's requests.
    let out = keyed(&fx, "d", &url, &["stats", "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        stats["apiKeyStats"]["totalRequests"],
        requests.len(),
        "{stats}"
    );
    // And one history: three quizzes, whichever machine wrote them.
    let out = machine(&fx, "d", &url, &["history", "--json"])
        .output()
        .unwrap();
    let history: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(history["quizzes"].as_array().unwrap().len(), 3, "{history}");
}

#[test]
fn a_bank_stocked_on_one_machine_serves_two_others_at_once_without_overlap() {
    let Some(url) = pg::fresh_database("bank_two_machines") else {
        return;
    };
    let roomy = MockConfig {
        tpm: 1_000_000,
        rpm: 1000,
        ..MockConfig::default()
    };
    let fx = Fixture::new(roomy, &["openai/gpt-oss-20b"], &["k-shared-1234567890"]);
    std::fs::write(fx.path().join("subjects.txt"), "Rivers, 40\n").unwrap();
    let out = keyed(&fx, "a", &url, &["batch", "subjects.txt"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bought = fx.mock.seen().len();
    all_at_once(
        &fx,
        &url,
        &["b", "c"],
        &[
            "generate",
            "--subject",
            "rivers",
            "--count",
            "20",
            "--bank",
            "only",
        ],
        20,
    );
    assert_eq!(fx.mock.seen().len(), bought, "no provider request");
    // Nothing was written to the machines' own data dirs' banks.
    assert!(!data_dir(&fx, "b").join("bank.sqlite").exists());
}

#[test]
fn an_unreachable_database_is_exit_1_naming_it_but_not_its_password() {
    let fx = Fixture::new(
        MockConfig::default(),
        &["openai/gpt-oss-20b"],
        &["k-shared-1234567890"],
    );
    let url = "postgresql://quiz:hunter2secret@127.0.0.1:1/quizgen";
    let out = machine(
        &fx,
        "a",
        url,
        &["generate", "--subject", "rivers", "--count", "3"],
    )
    .output()
    .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("127.0.0.1:1/quizgen"), "{stderr}");
    assert!(!stderr.contains("hunter2secret"), "{stderr}");
    assert_eq!(fx.mock.seen().len(), 0, "nothing bought without the state");
}

#[test]
fn a_database_lost_mid_run_ends_short_and_the_next_run_pushes_what_was_kept() {
    let Some(url) = pg::fresh_database("lost_mid_run") else {
        return;
    };
    let slow = MockConfig {
        tpm: 1_000_000,
        rpm: 1000,
        latency: Duration::from_millis(400),
        ..MockConfig::default()
    };
    let fx = Fixture::new(slow, &["openai/gpt-oss-20b"], &["k-shared-1234567890"]);
    let child = keyed(
        &fx,
        "a",
        &url,
        &[
            "generate",
            "--subject",
            "rivers",
            "--count",
            "60",
            "--concurrency",
            "3",
        ],
    )
    .spawn()
    .unwrap();
    fx.wait_for_answers(2);
    // Requests are on the wire when the database goes away.
    pg::end_sessions(&url);
    let (code, had, stderr) = finish(child);
    assert_eq!(code, 3, "{stderr}");
    assert!(
        !had.is_empty() && had.len() < 60,
        "{} had: {stderr}",
        had.len()
    );
    assert!(stderr.contains("lost"), "{stderr}");
    let spool = data_dir(&fx, "a").join("spool");
    let kept: usize = std::fs::read_dir(&spool)
        .unwrap_or_else(|e| panic!("{}: {e}; {stderr}", spool.display()))
        .map(|f| {
            std::fs::read_to_string(f.unwrap().path())
                .unwrap()
                .lines()
                .count()
        })
        .sum();
    assert!(
        kept > 0,
        "the answers that came back after the loss were kept"
    );
    // The next run on that machine pushes them; another machine then sees every question had.
    let out = machine(&fx, "a", &url, &["bank", "stats"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(said.contains("pushed"), "{said}");
    assert_eq!(
        std::fs::read_dir(&spool).unwrap().count(),
        0,
        "the spool is emptied"
    );
    let out = machine(&fx, "b", &url, &["bank", "list", "--subject", "rivers"])
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    for stem in stems(&had) {
        assert!(
            listed.contains(&stem),
            "{stem} is not in the database's bank"
        );
    }
}

#[test]
fn tls_is_used_and_the_servers_certificate_verified_when_the_url_asks() {
    let Some(url) = pg::fresh_database("tls") else {
        return;
    };
    let Some(ca) = pg::test_ca() else {
        return;
    };
    let fx = Fixture::new(
        MockConfig::default(),
        &["openai/gpt-oss-20b"],
        &["k-shared-1234567890"],
    );
    let trusted = format!("{url}?sslmode=require&sslrootcert={}", ca.display());
    let out = machine(&fx, "a", &trusted, &["state", "check"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("schema version 4 of 4"));
    // (With sslmode=require the driver refuses a session it cannot encrypt, so this one was.)
    // Without the test authority, the web's roots do not vouch for this server: refused.
    let out = machine(
        &fx,
        "a",
        &format!("{url}?sslmode=verify-full"),
        &["state", "check"],
    )
    .output()
    .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("not trusted") && stderr.contains("sslrootcert"),
        "{stderr}"
    );
}

#[test]
fn keys_toml_can_name_the_database_and_the_flag_wins_over_it() {
    let Some(url) = pg::fresh_database("state_url") else {
        return;
    };
    let fx = Fixture::with_extra(
        MockConfig::default(),
        &["openai/gpt-oss-20b"],
        &["k-shared-1234567890"],
        "\n[state]\nurl = \"env:QG_TEST_DB\"",
    );
    let run = |args: &[&str]| {
        Command::new(assert_cmd::cargo::cargo_bin("quizgen"))
            .current_dir(fx.path())
            .env_remove("QUIZGEN_DATABASE_URL")
            .env_remove("QUIZGEN_KEYS")
            .env("QUIZGEN_DATA_DIR", data_dir(&fx, "a"))
            .env("QG_TEST_DB", &url)
            .args(args)
            .output()
            .unwrap()
    };
    // Not where the usual lookup looks (./keys.toml): only --keys finds it.
    let moved = fx.path().join("conf").join("school.toml");
    std::fs::create_dir_all(moved.parent().unwrap()).unwrap();
    std::fs::rename(&fx.keys, &moved).unwrap();
    let keys = moved.to_str().unwrap();
    // A quiz made with --keys FILE: its [state] url puts the history in the database.
    let out = run(&[
        "generate",
        "--subject",
        "rivers",
        "--count",
        "3",
        "--keys",
        keys,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!data_dir(&fx, "a").join("history.sqlite").exists());
    let out = Command::new(assert_cmd::cargo::cargo_bin("quizgen"))
        .env("QUIZGEN_DATABASE_URL", &url)
        .env("QUIZGEN_DATA_DIR", data_dir(&fx, "b"))
        .args(["history", "--json"])
        .output()
        .unwrap();
    let history: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(history["quizzes"].as_array().unwrap().len(), 1, "{history}");
    // Found by the usual lookup too (QUIZGEN_KEYS), for commands without --keys.
    let out = Command::new(assert_cmd::cargo::cargo_bin("quizgen"))
        .env_remove("QUIZGEN_DATABASE_URL")
        .env("QUIZGEN_KEYS", keys)
        .env("QG_TEST_DB", &url)
        .env("QUIZGEN_DATA_DIR", data_dir(&fx, "c"))
        .args(["state", "check"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("state: postgresql://"), "{stdout}");
    // The flag names another place: it is used, not keys.toml's.
    let other = "postgresql://quizgen@127.0.0.1:1/elsewhere";
    let out = run(&["--database-url", other, "stats", "--keys", keys]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("127.0.0.1:1/elsewhere"));
}
