//! Helpers shared by the end-to-end tests: the binary with a clean environment, keys files,
//! and a runtime for the mock provider.

pub(crate) mod mock;
pub(crate) mod pg;
pub(crate) mod providers;
pub(crate) mod raw;
mod server;

pub(crate) use server::{Server, serve, serve_without_keys, serve_without_keys_with};

use std::path::{Path, PathBuf};

use serde_json::Value;

/// The quizgen binary, run in `dir` with no key or data dir from the caller's environment.
pub(crate) fn quizgen(dir: &Path) -> assert_cmd::Command {
    let mut c = assert_cmd::Command::cargo_bin("quizgen").unwrap();
    c.current_dir(dir)
        .env_remove("GROQ_API_KEY")
        .env_remove("QUIZGEN_KEYS")
        .env("QUIZGEN_DATA_DIR", dir.join("data"))
        .env("HOME", dir)
        .env("NO_COLOR", "1")
        .timeout(std::time::Duration::from_secs(120));
    c
}

pub(crate) fn rt() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// Writes a keys file for the mock at `uri`, mode 600.
pub(crate) fn keys_file(
    dir: &Path,
    uri: &str,
    models: &[&str],
    keys: &[&str],
    extra: &str,
) -> PathBuf {
    let models = models
        .iter()
        .map(|m| format!("\"{m}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let keys = keys
        .iter()
        .map(|k| {
            if k.starts_with('{') {
                (*k).to_owned()
            } else {
                format!("\"{k}\"")
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    // The mock imitates Groq: its answers follow Groq's conventions unless a test says.
    let dialect = if extra.contains("dialect") {
        ""
    } else {
        "dialect = \"groq\"\n"
    };
    let text = format!(
        "[[providers]]\nname = \"mock\"\nbase_url = \"{uri}/v1\"\nmodels = [{models}]\nkeys = [{keys}]\n{dialect}{extra}\n"
    );
    let path = dir.join("keys.toml");
    std::fs::write(&path, text).unwrap();
    set_mode(&path, 0o600);
    path
}

pub(crate) fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// The questions of a JSON quiz.
pub(crate) fn questions(json: &str) -> Vec<Value> {
    let v: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("not JSON ({e}): {json}"));
    v["questions"].as_array().cloned().unwrap_or_default()
}

/// The options of a question as written to JSON.
pub(crate) fn options_of(q: &Value) -> Vec<&str> {
    q["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_str().unwrap())
        .collect()
}

/// Runs a command that must succeed and parses its stdout as JSON.
pub(crate) fn json_stdout(cmd: &mut assert_cmd::Command) -> Value {
    let out = cmd.assert().success().get_output().stdout.clone();
    serde_json::from_slice(&out).unwrap()
}

/// Asserts every question is well formed with `k` options.
pub(crate) fn assert_well_formed(qs: &[Value], k: usize) {
    let mut stems = std::collections::HashSet::new();
    for q in qs {
        let stem = q["question"].as_str().unwrap();
        assert!(!stem.trim().is_empty());
        assert!(stems.insert(stem.to_owned()), "duplicate stem {stem}");
        let opts = options_of(q);
        assert_eq!(opts.len(), k, "{q}");
        let distinct: std::collections::HashSet<_> = opts.iter().collect();
        assert_eq!(distinct.len(), k, "{q}");
        assert!((q["answer_index"].as_u64().unwrap() as usize) < k);
    }
}

/// A mock provider, a temp dir and a keys file for it: what most end-to-end tests start from.
pub(crate) struct Fixture {
    pub rt: tokio::runtime::Runtime,
    pub server: wiremock::MockServer,
    pub mock: mock::MockProvider,
    pub dir: tempfile::TempDir,
    pub keys: PathBuf,
}

impl Fixture {
    pub(crate) fn new(cfg: mock::MockConfig, models: &[&str], keys: &[&str]) -> Fixture {
        Fixture::with_extra(cfg, models, keys, "")
    }

    /// `extra` is appended to the provider's table (e.g. `limits = { tpm = 4000 }`).
    pub(crate) fn with_extra(
        cfg: mock::MockConfig,
        models: &[&str],
        keys: &[&str],
        extra: &str,
    ) -> Fixture {
        let rt = rt();
        let (server, mock) = rt.block_on(mock::MockProvider::start(cfg));
        let dir = tempfile::tempdir().unwrap();
        let keys = keys_file(dir.path(), &server.uri(), models, keys, extra);
        Fixture {
            rt,
            server,
            mock,
            dir,
            keys,
        }
    }

    pub(crate) fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `quizgen ARGS --keys KEYS`, not yet run.
    pub(crate) fn run(&self, args: &[&str]) -> assert_cmd::Command {
        let mut c = quizgen(self.dir.path());
        c.args(args).arg("--keys").arg(&self.keys);
        c
    }

    /// Runs `generate ARGS`, expects success, returns the questions written to stdout.
    pub(crate) fn quiz(&self, args: &[&str]) -> Vec<Value> {
        let mut full = vec!["generate"];
        full.extend_from_slice(args);
        let out = self
            .run(&full)
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        questions(std::str::from_utf8(&out).unwrap())
    }

    /// `stats --json`.
    pub(crate) fn stats(&self) -> Value {
        json_stdout(&mut self.run(&["stats", "--json"]))
    }
}

impl Fixture {
    /// Starts `quizgen ARGS --keys KEYS` in the background (for kill and concurrency tests),
    /// stdout and stderr piped.
    pub(crate) fn spawn(&self, args: &[&str]) -> std::process::Child {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("quizgen"))
            .current_dir(self.path())
            .env_remove("GROQ_API_KEY")
            .env_remove("QUIZGEN_KEYS")
            .env("QUIZGEN_DATA_DIR", self.path().join("data"))
            .args(args)
            .arg("--keys")
            .arg(&self.keys)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    }

    /// Waits until the mock has answered `n` requests with 200; fails the test after 30 s.
    pub(crate) fn wait_for_answers(&self, n: usize) {
        wait_until(&format!("{n} answers with 200"), || {
            self.mock.count_status(200) >= n
        });
    }
}

/// A provider's good answer that used `prompt` + `completion` tokens (for pool tests that
/// settle reservations without HTTP).
pub(crate) fn ok_answer(prompt: u64, completion: u64) -> quizgen::testing::Answer {
    use quizgen::testing::{Answer, Usage, Verdict};
    Answer {
        verdict: Verdict::Ok {
            content: String::new(),
            finish_reason: "stop".into(),
            usage: Some(Usage {
                prompt_tokens: prompt,
                completion_tokens: completion,
                completion_tokens_details: None,
            }),
        },
        reports: Vec::new(),
        notes: Vec::new(),
    }
}

/// Polls `done` until it holds; fails the test, naming `what`, when it has not within 30 s
/// (a helper that gave up silently would let the assertions after it test nothing).
pub(crate) fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = std::time::Instant::now();
    while !done() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(30),
            "gave up after 30 s waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}
