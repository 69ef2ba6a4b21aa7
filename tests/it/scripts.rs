//! quizgen as scripts, pipelines, cron and systemd use it: closed pipes, signals, protected
//! files, honest exit codes, bank misses that explain themselves, cron logs, completions, the
//! man page, a text on stdin, and `[defaults]` in keys.toml.

use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::mock::MockConfig;
use crate::common::{Fixture, questions, quizgen};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const MODEL: &str = "openai/gpt-oss-20b";
const WORDS: [&str; 20] = [
    "amber", "basalt", "cobalt", "delta", "ember", "fjord", "granite", "harbor", "iris", "jasper",
    "kelp", "lagoon", "marble", "nectar", "onyx", "prairie", "quartz", "reef", "savanna", "tundra",
];

fn bin() -> std::path::PathBuf {
    assert_cmd::cargo::cargo_bin("quizgen")
}

/// A quiz JSON of `n` distinct questions.
fn big_quiz(n: usize) -> String {
    let qs: Vec<_> = (0..n)
        .map(|c| {
            let (a, b, d) = (WORDS[c % 20], WORDS[(c / 20) % 20], WORDS[(c / 400 + c) % 20]);
            serde_json::json!({
                "question": format!("Which {a} joins the {b} to the {d} in case {c}?"),
                "options": [format!("{a} {b} {c}"), format!("{b} {d} x{c}"), format!("{d} {a} y{c}"), format!("z{c} {a}")],
                "answer_index": c % 4,
            })
        })
        .collect();
    serde_json::json!({"subject": "stones", "questions": qs}).to_string()
}

#[test]
fn a_closed_stdout_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.json");
    std::fs::write(&file, big_quiz(1500)).unwrap();
    quizgen(dir.path())
        .args(["bank", "import"])
        .arg(&file)
        .assert()
        .success();
    for cmd in [
        "bank list",
        "bank export --format csv",
        "bank stats",
        "completions bash",
        "man",
    ] {
        let out = std::process::Command::new("bash")
            .arg("-c")
            .arg(format!(
                "'{}' {cmd} 2>err.txt | head -c 1 >/dev/null; echo ${{PIPESTATUS[0]}}",
                bin().display()
            ))
            .current_dir(dir.path())
            .env("QUIZGEN_DATA_DIR", dir.path().join("data"))
            .output()
            .unwrap();
        let code = String::from_utf8_lossy(&out.stdout).trim().to_owned();
        let err = std::fs::read_to_string(dir.path().join("err.txt")).unwrap();
        assert!(code == "0" || code == "141", "{cmd}: exit {code}: {err}");
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{cmd}: {err}"
        );
    }
}

fn slow_fixture() -> Fixture {
    Fixture::new(
        MockConfig {
            latency: Duration::from_millis(300),
            ..MockConfig::default()
        },
        &[MODEL],
        &["k-one-1234567890"],
    )
}

/// Starts a run writing to `out`, waits for a first answer, sends `signal`, and returns the
/// exit code and stderr.
fn signalled(fx: &Fixture, out: &Path, signal: &str) -> (Option<i32>, String) {
    let o = format!("--output={}", out.display());
    let child = fx.spawn(&["generate", "--subject", "s", "--count", "60", &o]);
    fx.wait_for_answers(1);
    std::thread::sleep(Duration::from_millis(100));
    std::process::Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    let done = child.wait_with_output().unwrap();
    (
        done.status.code(),
        String::from_utf8_lossy(&done.stderr).into_owned(),
    )
}

#[test]
fn sigterm_and_sighup_write_what_was_had() {
    for (signal, code) in [("TERM", 143), ("HUP", 129)] {
        let fx = slow_fixture();
        let out = fx.path().join("quiz.json");
        let (exit, err) = signalled(&fx, &out, signal);
        assert_eq!(exit, Some(code), "{signal}: {err}");
        assert!(err.contains("interrupted: wrote"), "{err}");
        let had = questions(&std::fs::read_to_string(&out).unwrap()).len();
        assert!((1..60).contains(&had), "{signal}: {had} questions written");
    }
}

#[test]
fn no_clobber_keeps_an_existing_file_and_buys_nothing() {
    let fx = slow_fixture();
    let out = fx.path().join("quiz.json");
    std::fs::write(&out, "mine").unwrap();
    let o = format!("--output={}", out.display());
    fx.run(&["generate", "--subject", "s", "--no-clobber", &o])
        .assert()
        .code(1)
        .stderr(contains("--no-clobber").and(contains("quiz.json")));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "mine");
    assert!(fx.mock.seen().is_empty());
}

#[test]
fn keys_check_fails_when_a_provider_is_unreachable() {
    let dir = tempfile::tempdir().unwrap();
    let keys = crate::common::keys_file(
        dir.path(),
        "http://127.0.0.1:9",
        &[MODEL],
        &["k-one-1234567890"],
        "",
    );
    quizgen(dir.path())
        .args(["keys", "check", "--keys"])
        .arg(&keys)
        .assert()
        .code(1)
        .stdout(contains("unreachable"));
    let fx = slow_fixture();
    fx.run(&["keys", "check"])
        .assert()
        .success()
        .stdout(contains("valid"));
}

#[test]
fn a_bank_miss_says_which_flag_would_find_the_questions() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &["k-one-1234567890"]);
    std::fs::write(fx.path().join("subjects.txt"), "Photosynthesis, 30, easy\n").unwrap();
    fx.run(&["batch", "subjects.txt"]).assert().success();
    let bought = fx.mock.seen().len();
    fx.run(&["generate", "--subject", "photosynthesis", "--bank", "only"])
        .assert()
        .code(3)
        .stderr(contains(
            "30 unserved at easy; ask --difficulty easy or any",
        ));
    let qs = fx.quiz(&[
        "--subject",
        "photosynthesis",
        "--difficulty",
        "any",
        "--bank",
        "only",
    ]);
    assert_eq!(qs.len(), 10);
    assert_eq!(fx.mock.seen().len(), bought, "served from the bank");
}

#[test]
fn a_cron_run_logs_few_timestamped_lines_and_one_summary() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &["k-one-1234567890"]);
    // One wait, told by the provider: a 429 on the per-minute requests asking for 0.5 s.
    fx.mock.push_fault(crate::common::mock::Fault::Throttle(
        "requests per minute (RPM)",
        0.5,
    ));
    let err_file = fx.path().join("cron.log");
    let out = std::process::Command::new("env")
        .args([
            "-i",
            &format!("HOME={}", fx.path().display()),
            "PATH=/usr/bin:/bin",
        ])
        .arg(bin())
        .args([
            "generate",
            "--subject",
            "tides",
            "--count",
            "20",
            "--data-dir",
        ])
        .arg(fx.path().join("data"))
        .arg("--keys")
        .arg(&fx.keys)
        .arg(format!("--output={}", fx.path().join("q.json").display()))
        .current_dir(fx.path())
        .stderr(std::fs::File::create(&err_file).unwrap())
        .status()
        .unwrap();
    let log = std::fs::read_to_string(&err_file).unwrap();
    assert_eq!(out.code(), Some(0), "{log}");
    let stamped = |l: &str| {
        let b = l.as_bytes();
        b.len() > 9
            && b[2] == b':'
            && b[5] == b':'
            && b[8] == b' '
            && l[..8].replace(':', "").chars().all(|c| c.is_ascii_digit())
    };
    assert!(log.lines().all(stamped), "every line timestamped:\n{log}");
    let waits = log.lines().filter(|l| l.contains("waiting")).count();
    assert!((1..=3).contains(&waits), "{waits} wait lines:\n{log}");
    let summaries: Vec<_> = log.lines().filter(|l| l.contains("summary:")).collect();
    assert_eq!(summaries.len(), 1, "{log}");
    assert!(
        summaries[0].contains("wrote 20 of 20") && summaries[0].contains("exit 0"),
        "{log}"
    );
}

#[test]
fn completions_parse_and_the_man_page_is_roff() {
    let dir = tempfile::tempdir().unwrap();
    let out = quizgen(dir.path())
        .args(["completions", "bash"])
        .assert()
        .success();
    let script = dir.path().join("quizgen.bash");
    std::fs::write(&script, &out.get_output().stdout).unwrap();
    assert!(
        std::process::Command::new("bash")
            .arg("-n")
            .arg(&script)
            .status()
            .unwrap()
            .success()
    );
    for shell in ["zsh", "fish", "powershell"] {
        let out = quizgen(dir.path())
            .args(["completions", shell])
            .assert()
            .success();
        assert!(
            String::from_utf8_lossy(&out.get_output().stdout).contains("generate"),
            "{shell}"
        );
    }
    let man = quizgen(dir.path()).arg("man").assert().success();
    let text = String::from_utf8_lossy(&man.get_output().stdout).into_owned();
    assert!(
        text.starts_with(".ie") || text.starts_with(".TH"),
        "{}",
        &text[..40]
    );
    assert!(text.contains(".TH quizgen"), "{}", &text[..200]);
}

#[test]
fn a_text_on_standard_input_with_a_source_name() {
    let dir = tempfile::tempdir().unwrap();
    let text =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/texts/water-cycle.md"))
            .unwrap();
    let mut child = std::process::Command::new(bin())
        .args([
            "generate",
            "--from",
            "-",
            "--source-name",
            "chapter3.md",
            "--count",
            "4",
        ])
        .env("QUIZGEN_DATA_DIR", dir.path().join("data"))
        .current_dir(dir.path())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&text).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["subject"], "chapter3");
    let qs = v["questions"].as_array().unwrap();
    assert_eq!(qs.len(), 4);
    assert!(
        qs.iter().all(|q| q["source"] == "offline:chapter3.md"),
        "{v}"
    );
}

#[test]
fn defaults_in_keys_toml_shorten_the_command_and_flags_win() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &["k-one-1234567890"]);
    let text = std::fs::read_to_string(&fx.keys).unwrap();
    std::fs::write(
        &fx.keys,
        format!("[defaults]\ncount = 3\nformat = \"csv\"\n\n{text}"),
    )
    .unwrap();
    let out = fx.run(&["generate", "--subject", "s"]).assert().success();
    let csv = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(csv.starts_with("\u{FEFF}question,option_a"), "{csv}");
    assert_eq!(
        csv::Reader::from_reader(csv.as_bytes()).records().count(),
        3
    );
    let out = fx
        .run(&[
            "generate",
            "--subject",
            "t",
            "--count",
            "2",
            "--format",
            "json",
        ])
        .assert()
        .success();
    assert_eq!(
        questions(&String::from_utf8_lossy(&out.get_output().stdout)).len(),
        2
    );
    std::fs::write(&fx.keys, format!("[defaults]\ncount = \"many\"\n\n{text}")).unwrap();
    fx.run(&["generate", "--subject", "s"])
        .assert()
        .code(1)
        .stderr(contains("keys.toml:2: [defaults]").and(contains("count")));
}

#[test]
fn a_run_stops_within_its_wait_budget_even_with_a_slow_answer() {
    let fx = Fixture::new(
        MockConfig {
            latency: Duration::from_secs(30),
            ..MockConfig::default()
        },
        &[MODEL],
        &["k-one-1234567890"],
    );
    let start = Instant::now();
    fx.run(&["generate", "--subject", "s", "--max-wait", "1s"])
        .assert()
        .code(3)
        .stderr(contains("summary:"));
    assert!(
        start.elapsed() < Duration::from_secs(15),
        "{:?}",
        start.elapsed()
    );
}

#[test]
fn every_key_dead_is_exit_1_for_generate_and_batch_alike() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &["dead-key-123456789"]);
    fx.run(&["generate", "--subject", "tides", "--count", "3"])
        .assert()
        .code(1);
    std::fs::write(fx.path().join("subjects.txt"), "tides, 3\nvolcanoes, 3\n").unwrap();
    let out = fx
        .run(&["batch", "subjects.txt"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let table = String::from_utf8_lossy(&out);
    // The first subject fails; no later subject could escape it, so it is skipped.
    assert!(table.contains("failed:"), "{table}");
    assert!(
        table
            .lines()
            .any(|l| l.starts_with("volcanoes") && l.ends_with("skipped")),
        "{table}"
    );
}
