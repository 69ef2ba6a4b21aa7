//! Hostile and unlucky input, end to end: a key in the wrong place, outputs aimed at devices,
//! links, read-only files and quizgen's own files, a full disk, control characters in a
//! model's answer, spreadsheet formulas in CSV cells.

use std::path::Path;

use crate::common::mock::{Fault, MockConfig};
use crate::common::{Fixture, questions, quizgen};
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;

const MODEL: &str = "openai/gpt-oss-20b";
const SECRET: &str = "SECRETzyxwvu9876543210abcdefghij5678";

fn fixture() -> Fixture {
    Fixture::new(MockConfig::default(), &[MODEL], &["k-one-1234567890"])
}

/// Every file under `dir`, read as bytes, must not hold `needle`.
fn assert_not_in_dir(dir: &Path, needle: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            assert_not_in_dir(&p, needle);
        } else if let Ok(bytes) = std::fs::read(&p) {
            let found = bytes.windows(needle.len()).any(|w| w == needle.as_bytes());
            assert!(!found, "{} holds the key", p.display());
        }
    }
}

#[test]
fn a_key_in_any_field_or_error_path_is_never_printed_or_stored() {
    let fx = fixture();
    let uri = fx.server.uri();
    let key = format!("gsk_{SECRET}");
    let dead = format!("dead-{SECRET}");
    let good = format!(
        "[[providers]]\nname = \"g\"\nbase_url = \"{uri}/v1\"\nmodels = [\"{MODEL}\"]\nkeys = [\"k-one-1234567890\"]\n"
    );
    let mut variants: Vec<String> = [
        "name",
        "base_url",
        "models",
        "model",
        "keys",
        "limits",
        "price",
        "dialect",
        "model_prices",
    ]
    .iter()
    .map(|field| {
        let mut lines: Vec<String> = good
            .lines()
            .filter(|l| !l.starts_with(&format!("{field} =")))
            .map(str::to_owned)
            .collect();
        lines.push(format!("{field} = \"{key}\""));
        lines.join("\n")
    })
    .collect();
    variants.push(good.replace("models = [\"", &format!("models = [\"{key}\", \"")));
    variants.push(good.replace(
        "keys = [\"k-one-1234567890\"]",
        &format!("keys = [{{ key = \"k-one-1234567890\", org = \"{key}\" }}]"),
    ));
    variants.push(good.replace(
        "keys = [\"k-one-1234567890\"]",
        &format!("keys = [\"{key}\", 7]"),
    ));
    variants.push(format!("{good}{key} = 1\n"));
    variants.push(format!("{good}limits = {{ tpm = \"{key}\" }}\n"));
    // A valid file whose key the provider refuses, and echoes back in its message.
    variants.push(good.replace("k-one-1234567890", &dead));
    let keys = fx.path().join("keys.toml");
    for v in &variants {
        std::fs::write(&keys, v).unwrap();
        crate::common::set_mode(&keys, 0o600);
        for args in [
            vec!["-v", "generate", "--subject", "s", "--count", "2"],
            vec!["stats"],
            vec!["stats", "--json"],
            vec!["keys", "check"],
            vec!["-v", "batch", "subjects.txt"],
        ] {
            std::fs::write(fx.path().join("subjects.txt"), "Photosynthesis, 2\n").unwrap();
            let out = quizgen(fx.path())
                .args(&args)
                .arg("--keys")
                .arg(&keys)
                .output()
                .unwrap();
            for (name, stream) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
                let text = String::from_utf8_lossy(stream);
                assert!(
                    !text.contains(SECRET),
                    "{args:?} printed the key on {name} for\n{v}\n---\n{text}"
                );
            }
            assert_ne!(out.status.code(), Some(101), "{args:?} panicked");
        }
    }
    assert!(fx.mock.count_status(401) >= 1, "the dead key was tried");
    assert_not_in_dir(&fx.path().join("data"), SECRET.split_at(SECRET.len() - 8).0);
}

fn offline(dir: &Path, out: &Path) -> assert_cmd::Command {
    let text = dir.join("notes.md");
    if !text.exists() {
        std::fs::copy(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/texts/water-cycle.md"),
            &text,
        )
        .unwrap();
    }
    let mut c = quizgen(dir);
    c.args(["generate", "--count", "3", "--from"])
        .arg(&text)
        .arg("-o")
        .arg(out);
    c
}

#[test]
fn output_onto_a_device_or_a_fifo_writes_into_it_and_keeps_it() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let dev = dir.path().join("null");
    let made = std::process::Command::new("mknod")
        .arg(&dev)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success());
    if made {
        offline(dir.path(), &dev).assert().success();
        let ft = std::fs::symlink_metadata(&dev).unwrap().file_type();
        assert!(ft.is_char_device(), "the device node was replaced");
    } else {
        eprintln!("skipped the device node: mknod is not permitted here");
    }
    let fifo = dir.path().join("pipe");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    offline(dir.path(), &fifo).assert().success();
    assert_eq!(questions(&reader.join().unwrap()).len(), 3);
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    // /dev/stdout is the process's own stdout, never a file to replace.
    let out = offline(dir.path(), Path::new("/dev/stdout"))
        .assert()
        .success();
    assert_eq!(
        questions(&String::from_utf8_lossy(&out.get_output().stdout)).len(),
        3
    );
}

#[test]
fn output_through_a_symlink_writes_its_target_and_keeps_the_link() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/quiz.json");
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.json");
    std::os::unix::fs::symlink("real/quiz.json", &link).unwrap();
    offline(dir.path(), &link).assert().success();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        questions(&std::fs::read_to_string(&target).unwrap()).len(),
        3
    );
    // A dangling link gets its target made.
    std::fs::remove_file(&target).unwrap();
    offline(dir.path(), &link).assert().success();
    assert!(target.is_file());
}

#[test]
fn a_read_only_output_is_refused_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("quiz.json");
    std::fs::write(&out, "keep me").unwrap();
    crate::common::set_mode(&out, 0o444);
    offline(dir.path(), &out)
        .assert()
        .code(1)
        .stderr(contains("read-only").and(contains("--force")));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep me");
    offline(dir.path(), &out).arg("--force").assert().success();
    assert_eq!(questions(&std::fs::read_to_string(&out).unwrap()).len(), 3);
}

#[test]
fn quizgens_own_files_and_inputs_are_never_outputs() {
    let fx = fixture();
    assert_eq!(fx.quiz(&["--subject", "s", "--count", "2"]).len(), 2);
    let bank = fx.path().join("data/bank.sqlite");
    let before = std::fs::read(&bank).unwrap();
    let requests = fx.mock.seen().len();
    for out in [
        bank.clone(),
        fx.path().join("data/new.json"),
        fx.keys.clone(),
    ] {
        let o = format!("--output={}", out.display());
        fx.run(&["generate", "--subject", "s", &o])
            .assert()
            .code(2)
            .stderr(contains("-o"));
    }
    assert_eq!(std::fs::read(&bank).unwrap(), before);
    // The --from text itself, named another way.
    let text = fx.path().join("notes.md");
    std::fs::write(
        &text,
        "The Nile is the longest river in Africa. Rivers carry water.",
    )
    .unwrap();
    fx.run(&["generate", "--from", "notes.md", "-o", "./notes.md"])
        .assert()
        .code(2);
    assert!(
        std::fs::read_to_string(&text)
            .unwrap()
            .starts_with("The Nile")
    );
    // A folder that does not exist: refused before anything is bought.
    fx.run(&["generate", "--subject", "s", "-o", "no/such/dir/quiz.json"])
        .assert()
        .code(2)
        .stderr(contains("does not exist"));
    assert_eq!(fx.mock.seen().len(), requests, "nothing was bought");
}

#[test]
fn the_data_dir_and_what_it_holds_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let fx = fixture();
    let out = fx.path().join("quiz.json");
    let o = format!("--output={}", out.display());
    fx.run(&["generate", "--subject", "s", "--count", "2", &o])
        .assert()
        .success();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let data = fx.path().join("data");
    assert_eq!(mode(&data), 0o700);
    for f in ["bank.sqlite", "state.sqlite"] {
        assert_eq!(mode(&data.join(f)), 0o600, "{f}");
    }
    assert_eq!(mode(&out), 0o600);
    crate::common::set_mode(&data, 0o755);
    fx.run(&["stats"])
        .assert()
        .success()
        .stderr(contains("data dir is readable"));
}

/// A tmpfs mounted for one test, unmounted when dropped.
struct Tmpfs(std::path::PathBuf);

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_still_writes_the_questions_received() {
    let fx = Fixture::new(
        MockConfig {
            tpm: 1_000_000,
            rpm: 10_000,
            ..MockConfig::default()
        },
        &[MODEL],
        &["k-one-1234567890"],
    );
    let small = fx.path().join("small");
    std::fs::create_dir(&small).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=360k", "tmpfs"])
        .arg(&small)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: mounting a tmpfs is not permitted here");
        return;
    }
    let _guard = Tmpfs(small.clone());
    let out = fx.path().join("quiz.json");
    let o = format!("--output={}", out.display());
    let run = fx
        .run(&[
            "generate",
            "--subject",
            "s",
            "--count",
            "400",
            "--format",
            "json",
            &o,
        ])
        .env("QUIZGEN_DATA_DIR", &small)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    eprintln!("{err}");
    assert_eq!(run.status.code(), Some(1), "{err}");
    assert!(err.contains("no space left"), "{err}");
    assert!(
        err.contains(&small.display().to_string()),
        "names the path: {err}"
    );
    let written = questions(&std::fs::read_to_string(&out).unwrap());
    let received: usize = fx.mock.seen().iter().map(|s| s.stems.len()).sum();
    assert!(!written.is_empty());
    assert_eq!(
        written.len(),
        received.min(400),
        "every question received is written"
    );
}

/// A model answer with control characters in every field.
fn nasty_answer() -> String {
    serde_json::json!({"questions": [{
        "question": "Which\u{1b}[31m gas do plants\u{7} take in\u{0}?",
        "options": ["Carbon\u{1} dioxide", "Oxy\u{8}gen", "Nitro\u{b}gen", "Hel\u{c}ium\u{fffe}"],
        "answer_index": 0,
        "explanation": "Plants\u{1f} fix carbon\u{7f} dioxide.\u{85}"
    }]})
    .to_string()
}

fn assert_clean(text: &str, what: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|c| (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || *c == '\u{fffe}')
        .collect();
    assert!(bad.is_empty(), "{what} holds control characters {bad:?}");
}

/// No character XML forbids (checked directly: quick-xml does not), and every event parses.
fn assert_xml(bytes: &[u8], what: &str) {
    let text = std::str::from_utf8(bytes).unwrap();
    assert_clean(text, what);
    let mut r = quick_xml::Reader::from_str(text);
    loop {
        match r.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("{what} is not XML: {e}"),
        }
    }
}

fn assert_zip_of_xml(bytes: &[u8], what: &str) {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let name = f.name().unwrap().into_owned();
        if name.ends_with(".xml") || name.ends_with(".rels") {
            let mut s = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut s).unwrap();
            assert_xml(&s, &format!("{what}:{name}"));
        }
    }
}

#[test]
fn control_characters_never_reach_a_file_the_bank_or_the_terminal() {
    let fx = fixture();
    for fmt in [
        "json",
        "csv",
        "gift",
        "aiken",
        "moodle-xml",
        "qti",
        "kahoot",
        "sheet",
    ] {
        fx.mock.push_fault(Fault::Content(nasty_answer()));
        let out = fx.path().join(format!("quiz.{fmt}"));
        let o = format!("--output={}", out.display());
        fx.run(&[
            "generate",
            "--subject",
            "gases\u{1}",
            "--count",
            "1",
            "--bank",
            "off",
            "--format",
            fmt,
            &o,
        ])
        .assert()
        .success();
        let bytes = std::fs::read(&out).unwrap();
        match fmt {
            "moodle-xml" => assert_xml(&bytes, fmt),
            "qti" | "kahoot" => assert_zip_of_xml(&bytes, fmt),
            "json" => {
                let text = String::from_utf8(bytes).unwrap();
                let q = &questions(&text)[0];
                assert_clean(&q.to_string().replace("\\n", ""), fmt);
                assert!(
                    !text.contains("\\u0007") && !text.contains("\\u001b"),
                    "{text}"
                );
                assert_eq!(
                    q["options"][q["answer_index"].as_u64().unwrap() as usize],
                    "Carbon dioxide"
                );
            }
            _ => assert_clean(&String::from_utf8(bytes).unwrap(), fmt),
        }
    }
    fx.mock.push_fault(Fault::Content(nasty_answer()));
    fx.quiz(&["--subject", "gases", "--count", "1", "--bank", "fresh"]);
    let list = quizgen(fx.path()).args(["bank", "list"]).output().unwrap();
    assert_clean(&String::from_utf8_lossy(&list.stdout), "the bank");
    // A subject with an escape sequence is shown escaped, not obeyed.
    fx.run(&[
        "generate",
        "--subject",
        "red\u{1b}[31malert",
        "--bank",
        "only",
    ])
    .assert()
    .code(3)
    .stderr(contains("\u{1b}").not().and(contains("\\u{1b}")));
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_defused_unless_raw() {
    let fx = fixture();
    let answer = serde_json::json!({"questions": [{
        "question": "=HYPERLINK(\"http://evil.example\",\"Click\") is what?",
        "options": ["+1 more", "-2 less", "@SUM(A1)", "plain"],
        "answer_index": 3,
        "explanation": "\tTab first"
    }]})
    .to_string();
    let read = |extra: &[&str]| {
        fx.mock.push_fault(Fault::Content(answer.clone()));
        let mut args = vec![
            "generate",
            "--subject",
            "f",
            "--count",
            "1",
            "--bank",
            "off",
            "--format",
            "csv",
        ];
        args.extend_from_slice(extra);
        let out = fx.run(&args).assert().success();
        let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
        let mut r = csv::Reader::from_reader(text.as_bytes());
        r.records()
            .next()
            .unwrap()
            .unwrap()
            .iter()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let row = read(&[]);
    let question = row.iter().find(|c| c.contains("HYPERLINK")).unwrap();
    assert!(question.starts_with("'="), "{row:?}");
    for cell in ["'+1 more", "'-2 less", "'@SUM(A1)", "plain"] {
        assert!(row.iter().any(|c| c == cell), "{cell} in {row:?}");
    }
    let raw = read(&["--csv-raw"]);
    assert!(raw.iter().any(|c| c.starts_with("=HYPERLINK")), "{raw:?}");
    assert!(raw.iter().any(|c| c == "+1 more"), "{raw:?}");
}

#[test]
fn oversized_and_endless_inputs_are_read_with_a_limit() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("zero.md");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    quizgen(dir.path())
        .args(["generate", "--from"])
        .arg(&link)
        .assert()
        .code(1)
        .stderr(contains("too large"));
    let keys = dir.path().join("keys.toml");
    std::os::unix::fs::symlink("/dev/zero", &keys).unwrap();
    quizgen(dir.path())
        .args(["stats", "--keys"])
        .arg(&keys)
        .assert()
        .code(1)
        .stderr(contains("too large"));
    quizgen(dir.path())
        .args(["bank", "import"])
        .arg(&link)
        .assert()
        .code(1)
        .stderr(contains("too large"));
}
