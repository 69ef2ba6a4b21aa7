//! `quizgen serve` as a process on 127.0.0.1, for the HTTP and browser tests.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use super::Fixture;

/// A running server: its process and its address.
pub(crate) struct Server {
    pub child: Child,
    pub url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts `quizgen serve --listen 127.0.0.1:0 --keys KEYS EXTRA` for `fx`'s mock and waits
/// until it says where it listens.
pub(crate) fn serve(fx: &Fixture, extra: &[&str]) -> Server {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("quizgen"));
    cmd.arg("serve").arg("--keys").arg(&fx.keys);
    start(fx, cmd, extra)
}

/// The same with no keys file anywhere it is looked for (offline only).
pub(crate) fn serve_without_keys(fx: &Fixture) -> Server {
    serve_without_keys_with(fx, &[])
}

/// The same with flags.
pub(crate) fn serve_without_keys_with(fx: &Fixture, extra: &[&str]) -> Server {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("quizgen"));
    cmd.arg("serve").env("HOME", fx.path());
    start(fx, cmd, extra)
}

fn start(fx: &Fixture, mut cmd: Command, extra: &[&str]) -> Server {
    let mut child = cmd
        .current_dir(fx.path())
        .env_remove("GROQ_API_KEY")
        .env_remove("QUIZGEN_KEYS")
        .env("QUIZGEN_DATA_DIR", fx.path().join("data"))
        .env("SERVE_TOKEN", "s3cret-token-for-tests")
        .args(["--listen", "127.0.0.1:0"])
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let url = loop {
        let line = lines
            .next()
            .expect("the server said where it listens")
            .unwrap();
        if let Some(u) = line.split("serving on ").nth(1) {
            break u.trim().to_owned();
        }
    };
    // Keep draining its log so that it never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    Server { child, url }
}
