//! Every mistake in keys.toml or the flags gets one clear line naming the culprit, the
//! documented exit code, and never a panic.

use crate::common::{quizgen, set_mode};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

fn run_with_keys(text: &str, expect: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keys.toml");
    std::fs::write(&path, text).unwrap();
    set_mode(&path, 0o600);
    let out = quizgen(dir.path())
        .env_remove("UNSET_VAR_FOR_TEST")
        .args(["generate", "--subject", "s", "--keys", "keys.toml"])
        .assert()
        .code(1)
        .stderr(contains("panicked").not())
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert_eq!(err.trim().lines().count(), 1, "one line: {err}");
    for e in expect {
        assert!(err.contains(e), "expected {e:?} in: {err}");
    }
}

const HEAD: &str = "[[providers]]\nname = \"g\"\nbase_url = \"https://api.groq.com/openai/v1\"\nmodel = \"openai/gpt-oss-20b\"\n";

#[test]
fn missing_keys_file() {
    let dir = tempfile::tempdir().unwrap();
    quizgen(dir.path())
        .args(["generate", "--subject", "s", "--keys", "nope.toml"])
        .assert()
        .code(1)
        .stderr(contains("nope.toml").and(contains("no such file")));
}

#[test]
fn broken_toml_names_the_line() {
    run_with_keys(&format!("{HEAD}keys = [\"abc\"\n"), &["keys.toml:5"]);
}

#[test]
fn unknown_field_names_line_and_field() {
    run_with_keys(
        &format!("{HEAD}keys = [\"gsk_1234567890abcd\"]\nmodle = \"x\"\n"),
        &["keys.toml:6", "modle"],
    );
}

#[test]
fn empty_key_list() {
    run_with_keys(
        &format!("{HEAD}keys = []\n"),
        &["keys.toml:5", "keys", "empty"],
    );
}

#[test]
fn unknown_field_in_a_key_table() {
    run_with_keys(
        &format!("{HEAD}keys = [{{ key = \"gsk_1234567890abcd\", orgg = \"x\" }}]\n"),
        &["keys.toml:5", "orgg"],
    );
}

#[test]
fn unset_env_variable_names_it_and_the_line() {
    run_with_keys(
        &format!("{HEAD}keys = [\n  \"env:UNSET_VAR_FOR_TEST\",\n]\n"),
        &["keys.toml:6", "UNSET_VAR_FOR_TEST", "not set"],
    );
}

#[test]
fn plain_http_to_another_machine_is_refused() {
    let text = "[[providers]]\nname = \"g\"\nbase_url = \"http://api.groq.com/openai/v1\"\nmodel = \"m\"\nkeys = [\"gsk_1234567890abcd\"]\n";
    run_with_keys(text, &["keys.toml:3", "base_url", "https"]);
}

#[test]
fn bad_url() {
    let text = "[[providers]]\nname = \"g\"\nbase_url = \"not a url\"\nmodel = \"m\"\nkeys = [\"gsk_1234567890abcd\"]\n";
    run_with_keys(text, &["keys.toml:3", "not a URL"]);
}

#[test]
fn no_model() {
    run_with_keys(
        "[[providers]]\nname = \"g\"\nbase_url = \"https://x.example/v1\"\nkeys = [\"gsk_1234567890abcd\"]\n",
        &["keys.toml:1", "no model"],
    );
}

#[test]
fn readable_keys_file_gets_a_warning_and_never_shows_the_key() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keys.toml");
    std::fs::write(&path, "[[providers]]\nname = \"g\"\nbase_url = \"https://x.invalid/v1\"\nmodel = \"m\"\nkeys = [\"gsk_secretsecretsecret9876\"]\n").unwrap();
    set_mode(&path, 0o644);
    quizgen(dir.path())
        .args(["stats", "--keys", "keys.toml"])
        .assert()
        .success()
        .stderr(contains("readable by group or others").and(contains("chmod 600")))
        .stdout(contains("gsk_…9876").and(contains("secretsecret").not()));
}

#[test]
fn no_key_anywhere_says_how_to_add_one() {
    let dir = tempfile::tempdir().unwrap();
    quizgen(dir.path())
        .args(["generate", "--subject", "s"])
        .assert()
        .code(1)
        .stderr(
            contains("no API key found")
                .and(contains("keys.example.toml"))
                .and(contains("GROQ_API_KEY")),
        );
}

#[test]
fn usage_mistakes_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        vec!["generate", "--subject", "s", "--options", "7"],
        vec!["generate", "--subject", "s", "--count", "0"],
        vec!["generate", "--count", "3"],
        vec!["generate", "--subject", "s", "--format", "docx"],
        vec!["generate", "--subject", "s", "--max-wait", "soon"],
        vec!["generate", "--subject", "s", "--concurrency", "many"],
        vec!["generate", "--subject", "s", "--difficulty", "brutal"],
        vec!["generate", "--subject", "s", "--offline"],
    ] {
        quizgen(dir.path())
            .args(&args)
            .assert()
            .code(2)
            .stderr(contains("panicked").not());
    }
}

#[test]
fn lone_groq_api_key_is_used_when_there_is_no_file() {
    let dir = tempfile::tempdir().unwrap();
    quizgen(dir.path())
        .env("GROQ_API_KEY", "gsk_envkeyenvkeyenvkey4321")
        .args(["stats", "--json"])
        .assert()
        .success()
        .stdout(contains("gsk_…4321").and(contains("api.groq.com").not()));
}

#[test]
fn bad_source_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "  \n").unwrap();
    std::fs::write(dir.path().join("bin.txt"), b"abc\0def").unwrap();
    std::fs::write(dir.path().join("notes.pdf"), "x").unwrap();
    let big = vec![b'a'; 10 * 1024 * 1024 + 1];
    std::fs::write(dir.path().join("big.txt"), big).unwrap();
    for (file, msg) in [
        ("empty.txt", "is empty"),
        ("bin.txt", "binary"),
        ("notes.pdf", ".txt and .md"),
        ("big.txt", "too large"),
        ("missing.md", "no such file"),
    ] {
        quizgen(dir.path())
            .args(["generate", "--offline", "--from", file])
            .assert()
            .code(1)
            .stderr(
                contains(file)
                    .and(contains(msg))
                    .and(contains("panicked").not()),
            );
    }
}

#[test]
fn bad_subjects_file_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("subjects.txt"),
        "# list\nTides, 10\nVolcanoes, lots\n",
    )
    .unwrap();
    quizgen(dir.path())
        .args(["batch", "subjects.txt"])
        .assert()
        .code(1)
        .stderr(contains("subjects.txt:3").and(contains("lots")));
}

#[test]
fn a_bad_state_url_stops_what_uses_the_state_not_completions() {
    let dir = tempfile::tempdir().unwrap();
    let keys = dir.path().join("keys.toml");
    std::fs::write(&keys, "[state]\nurl = \"env:QG_UNSET_DB_VAR\"\n").unwrap();
    crate::common::set_mode(&keys, 0o600);
    crate::common::quizgen(dir.path())
        .env("QUIZGEN_KEYS", &keys)
        .env_remove("QG_UNSET_DB_VAR")
        .args(["completions", "bash"])
        .assert()
        .success();
    let out = crate::common::quizgen(dir.path())
        .env("QUIZGEN_KEYS", &keys)
        .env_remove("QG_UNSET_DB_VAR")
        .args(["bank", "stats"])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(
        err.contains("[state] url") && err.contains("QG_UNSET_DB_VAR is not set"),
        "{err}"
    );
}
