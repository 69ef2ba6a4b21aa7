//! `quizgen serve`, run as a process on 127.0.0.1 and driven by a real HTTP client (reqwest),
//! with the mock provider behind it.

use std::process::Command;
use std::time::Duration;

use crate::common::mock::MockConfig;
use crate::common::{Fixture, serve};
use serde_json::{Value, json};

const MODEL: &str = "openai/gpt-oss-20b";

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap()
}

#[test]
fn status_on_both_urls_and_a_json_quiz() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &["gsk_one_1234567890"]);
    let s = serve(&fx, &[]);
    fx.rt.block_on(async {
        let c = client();
        for path in ["/api/v1/status", "/api/generate-mcq"] {
            let r = c.get(format!("{}{path}", s.url)).send().await.unwrap();
            assert_eq!(r.status(), 200, "{path}");
            let v: Value = r.json().await.unwrap();
            assert!(
                v["capacity"].is_object() && v["apiKeyStats"].is_object(),
                "{v}"
            );
        }
        let r = c
            .post(format!("{}/api/v1/quizzes", s.url))
            .json(&json!({"subject": "tides", "count": 5}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let id = r.headers()["x-quizgen-quiz-id"]
            .to_str()
            .unwrap()
            .to_owned();
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["questions"].as_array().unwrap().len(), 5);
        // The same quiz again from history, as a Moodle file to download.
        let r = c
            .get(format!("{}/api/v1/quizzes/{id}?format=moodle-xml", s.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        assert!(
            r.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .contains("filename=\"tides.moodle-xml.xml\"")
        );
        let xml = r.text().await.unwrap();
        assert_eq!(xml.matches("<question type=\"multichoice\">").count(), 5);
        // The page for teachers.
        let page = c.get(&s.url).send().await.unwrap().text().await.unwrap();
        assert!(page.contains("<form") && page.contains("/api/v1/quizzes"));
        assert!(
            !page.contains("http://") && !page.contains("https://"),
            "no external assets"
        );
    });
}

#[test]
fn an_event_stream_shows_progress_then_the_quiz() {
    let cfg = MockConfig {
        latency: Duration::from_millis(50),
        ..MockConfig::default()
    };
    let fx = Fixture::new(cfg, &[MODEL], &["gsk_one_1234567890"]);
    let s = serve(&fx, &[]);
    let text = fx.rt.block_on(async {
        client()
            .post(format!("{}/api/v1/quizzes", s.url))
            .header("accept", "text/event-stream")
            .json(&json!({"subject": "volcanoes", "count": 25, "format": "kahoot"}))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap()
    });
    let events = events(&text);
    let progress = events.iter().filter(|e| e.0 == "progress").count();
    assert!(progress >= 2, "{text}");
    let (last, quiz) = events.last().unwrap();
    assert_eq!(*last, "quiz", "{text}");
    assert_eq!(quiz["questions"].as_array().unwrap().len(), 25);
    assert!(quiz["quiz_id"].is_number());
    // Each question was shown as it arrived, before the final quiz.
    let arrived: Vec<&str> = events
        .iter()
        .filter(|e| e.0 == "question")
        .map(|e| e.1["question"].as_str().unwrap())
        .collect();
    for q in quiz["questions"].as_array().unwrap() {
        assert!(arrived.contains(&q["question"].as_str().unwrap()), "{q}");
    }
}

/// A server-sent event stream's (event, data) pairs.
fn events(text: &str) -> Vec<(&str, Value)> {
    text.split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .map(|b| {
            let name = b
                .lines()
                .find_map(|l| l.strip_prefix("event:"))
                .unwrap()
                .trim();
            let data = b.lines().find_map(|l| l.strip_prefix("data:")).unwrap();
            (name, serde_json::from_str(data.trim()).unwrap())
        })
        .collect()
}

/// With one quiz at a time, the second waits its turn and is told its place in the line.
#[test]
fn a_quiz_waiting_its_turn_is_told_its_place() {
    let cfg = MockConfig {
        latency: Duration::from_millis(400),
        ..MockConfig::default()
    };
    let fx = Fixture::new(cfg, &[MODEL], &["gsk_one_1234567890"]);
    let s = serve(&fx, &["--max-quizzes", "1"]);
    let url = format!("{}/api/v1/quizzes", s.url);
    let texts = fx.rt.block_on(async {
        let ask = |subject: &'static str| {
            let url = url.clone();
            async move {
                client()
                    .post(url)
                    .header("accept", "text/event-stream")
                    .json(&json!({"subject": subject, "count": 5}))
                    .send()
                    .await
                    .unwrap()
                    .text()
                    .await
                    .unwrap()
            }
        };
        let first = tokio::spawn(ask("tides"));
        // The second comes once the first holds the only slot (its request is on the wire).
        let mock = fx.mock.clone();
        tokio::task::spawn_blocking(move || {
            crate::common::wait_until("the first quiz's request", || !mock.seen().is_empty());
        })
        .await
        .unwrap();
        let second = ask("deserts").await;
        (first.await.unwrap(), second)
    });
    let (first, second) = (events(&texts.0), events(&texts.1));
    assert!(
        first.iter().all(|e| e.1.get("queued").is_none()),
        "{first:?}"
    );
    assert!(
        second
            .iter()
            .any(|e| e.0 == "progress" && e.1["queued"] == 1),
        "{second:?}"
    );
    for evs in [&first, &second] {
        assert_eq!(evs.last().unwrap().0, "quiz", "{evs:?}");
    }
}

/// Quizzes that find the budget spent take it in the order they arrived: with room for four
/// requests a window (a quiz of 10 is one), each quiz finishes before every quiz that arrived
/// four or more places after it.
#[test]
fn quizzes_waiting_for_capacity_are_served_in_arrival_order() {
    let cfg = MockConfig {
        tpm: 8_000,
        tpm_window: Duration::from_millis(1500),
        latency: Duration::from_millis(100),
        ..MockConfig::default()
    };
    let fx = Fixture::new(cfg, &[MODEL], &["gsk_one_1234567890"]);
    let s = serve(&fx, &["--per-ip", "100/min"]);
    let url = format!("{}/api/v1/quizzes", s.url);
    let finished: Vec<usize> = fx.rt.block_on(async {
        let c = client();
        let ask = |subject: String| {
            c.post(&url)
                .header("accept", "text/event-stream")
                .json(&json!({"subject": subject, "count": 10}))
                .send()
        };
        // A first quiz teaches the pool the provider's window.
        let first = ask("a first subject".into())
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        assert_eq!(events(&first).last().unwrap().0, "quiz");
        let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
        for n in 0..8 {
            // Each is under way (its place taken) before the next is sent.
            let r = ask(format!("subject number {n}")).await.unwrap();
            let tx = tx.clone();
            tokio::spawn(async move {
                let text = r.text().await.unwrap();
                assert_eq!(events(&text).last().unwrap().0, "quiz", "{text}");
                tx.send(n).unwrap();
            });
        }
        drop(tx);
        let mut order = Vec::new();
        while let Some(n) = rx.recv().await {
            order.push(n);
        }
        order
    });
    assert_eq!(finished.len(), 8);
    let place = |n: usize| finished.iter().position(|&m| m == n).unwrap();
    for early in 0..4 {
        for late in early + 4..8 {
            assert!(
                place(early) < place(late),
                "finished in the order {finished:?}"
            );
        }
    }
}

#[test]
fn five_clients_at_once_share_a_tight_budget() {
    let cfg = MockConfig {
        tpm: 12_000,
        tpm_window: Duration::from_secs(3),
        latency: Duration::from_millis(50),
        ..MockConfig::default()
    };
    let fx = Fixture::new(cfg, &[MODEL], &["gsk_one_1234567890"]);
    let s = serve(&fx, &["--per-ip", "100/min"]);
    let quizzes: Vec<Value> = fx.rt.block_on(async {
        let c = client();
        let asks = (0..5).map(|_| {
            let c = c.clone();
            let url = format!("{}/api/v1/quizzes", s.url);
            async move {
                let r = c
                    .post(url)
                    .json(&json!({"subject": "one shared subject", "count": 20}))
                    .send()
                    .await
                    .unwrap();
                assert_eq!(r.status(), 200);
                r.json::<Value>().await.unwrap()
            }
        });
        futures_join(asks).await
    });
    let mut stems = std::collections::HashSet::new();
    for q in &quizzes {
        let qs = q["questions"].as_array().unwrap();
        assert_eq!(qs.len(), 20);
        for x in qs {
            assert!(
                stems.insert(x["question"].as_str().unwrap().to_owned()),
                "served twice"
            );
        }
    }
    assert!(
        fx.mock.count_status(429) <= 2,
        "{} 429s",
        fx.mock.count_status(429)
    );
}

/// Runs futures together on the current runtime.
async fn futures_join<F: std::future::Future<Output = T> + Send + 'static, T: Send + 'static>(
    fs: impl Iterator<Item = F>,
) -> Vec<T> {
    let handles: Vec<_> = fs.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}

#[test]
fn per_ip_limit_answers_429_with_retry_after() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &["gsk_one_1234567890"]);
    let s = serve(&fx, &["--per-ip", "3/min"]);
    fx.rt.block_on(async {
        let c = client();
        let mut statuses = Vec::new();
        for _ in 0..5 {
            let r = c
                .post(format!("{}/api/v1/quizzes", s.url))
                .json(&json!({"subject": "maps", "count": 1}))
                .send()
                .await
                .unwrap();
            if r.status() == 429 {
                let wait: u64 = r.headers()["retry-after"]
                    .to_str()
                    .unwrap()
                    .parse()
                    .unwrap();
                assert!((1..=60).contains(&wait));
            }
            statuses.push(r.status().as_u16());
        }
        assert_eq!(statuses, [200, 200, 200, 429, 429]);
    });
}

#[test]
fn tokens_guard_the_api_and_bad_requests_name_the_field() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &["gsk_one_1234567890"]);
    let text = std::fs::read_to_string(&fx.keys).unwrap();
    std::fs::write(
        &fx.keys,
        format!("[serve]\ntokens = [\"env:SERVE_TOKEN\"]\n\n{text}"),
    )
    .unwrap();
    let s = serve(&fx, &[]);
    fx.rt.block_on(async {
        let c = client();
        let url = format!("{}/api/v1/status", s.url);
        let missing = c.get(&url).send().await.unwrap();
        assert_eq!(missing.status(), 401);
        assert_eq!(
            missing.headers()["www-authenticate"],
            "Bearer realm=\"quizgen\""
        );
        let said: Value = missing.json().await.unwrap();
        assert!(
            said["error"]
                .as_str()
                .unwrap()
                .contains("asks for an access token")
        );
        let wrong = c.get(&url).bearer_auth("nope").send().await.unwrap();
        assert_eq!(wrong.status(), 401);
        assert!(
            wrong.headers()["www-authenticate"]
                .to_str()
                .unwrap()
                .contains("invalid_token")
        );
        let said: Value = wrong.json().await.unwrap();
        assert!(
            said["error"]
                .as_str()
                .unwrap()
                .contains("not one this server knows")
        );
        // The scheme's case does not matter (RFC 9110).
        let ok = c
            .get(&url)
            .header("authorization", "bearer s3cret-token-for-tests")
            .send()
            .await
            .unwrap();
        assert_eq!(ok.status(), 200);
        // Every route answers JSON errors, a bad id and an unknown address included.
        for (path, status, says) in [
            ("/api/v1/quizzes/abc", 400, "not a quiz number"),
            ("/api/v1/nothing", 404, "no such address"),
        ] {
            let r = c
                .get(format!("{}{path}", s.url))
                .bearer_auth("s3cret-token-for-tests")
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), status, "{path}");
            let v: Value = r.json().await.unwrap();
            assert!(v["error"].as_str().unwrap().contains(says), "{path}: {v}");
        }
        let post = |body: Vec<u8>| {
            c.post(format!("{}/api/v1/quizzes", s.url))
                .bearer_auth("s3cret-token-for-tests")
                .header("content-type", "application/json")
                .body(body)
                .send()
        };
        for (body, field) in [
            (b"{not json".to_vec(), "not a quiz request"),
            (br#"{"subject": "x", "count": 0}"#.to_vec(), "count"),
            (br#"{"count": 3}"#.to_vec(), "subject"),
            (
                format!("{{\"subject\": \"{}\"}}", "x".repeat(5000)).into_bytes(),
                "subject: 5000 characters",
            ),
            (br#"{"subject": "x", "format": "pdf"}"#.to_vec(), "format"),
        ] {
            let r = post(body).await.unwrap();
            assert_eq!(r.status(), 400);
            let v: Value = r.json().await.unwrap();
            assert!(v["error"].as_str().unwrap().contains(field), "{v}");
        }
        let big = vec![b'a'; 3 * 1024 * 1024];
        let r = post(big).await.unwrap();
        assert_eq!(r.status(), 413);
    });
}

/// Downloads name their platform (`tides.blooket.csv`, not a `tides.csv` for four platforms),
/// the JSON one included, with the subject as written in `filename*`.
#[test]
fn every_download_is_named_for_its_platform() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &["gsk_one_1234567890"]);
    let s = serve(&fx, &[]);
    fx.rt.block_on(async {
        let c = client();
        let r = c
            .post(format!("{}/api/v1/quizzes", s.url))
            .json(&json!({"subject": "Révolution française", "count": 3}))
            .send()
            .await
            .unwrap();
        let id = r.headers()["x-quizgen-quiz-id"]
            .to_str()
            .unwrap()
            .to_owned();
        for (format, name) in [
            ("json", "r-volution-fran-aise.json"),
            ("blooket", "r-volution-fran-aise.blooket.csv"),
            ("gimkit", "r-volution-fran-aise.gimkit.csv"),
            ("csv", "r-volution-fran-aise.csv"),
            ("kahoot", "r-volution-fran-aise.kahoot.xlsx"),
            ("gift", "r-volution-fran-aise.gift"),
        ] {
            let r = c
                .get(format!("{}/api/v1/quizzes/{id}?format={format}", s.url))
                .send()
                .await
                .unwrap();
            let d = r.headers()["content-disposition"]
                .to_str()
                .unwrap()
                .to_owned();
            assert!(d.contains(&format!("filename=\"{name}\"")), "{format}: {d}");
            assert!(
                d.contains("filename*=UTF-8''r%C3%A9volution-fran%C3%A7aise."),
                "{d}"
            );
        }
    });
}

/// With no key the server is up for pasted texts: status says so with 200, and a subject alone
/// is a 400 that says what to do.
#[test]
fn with_no_keys_status_is_200_offline_only() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &["gsk_one_1234567890"]);
    std::fs::remove_file(&fx.keys).unwrap();
    let s = crate::common::serve_without_keys(&fx);
    fx.rt.block_on(async {
        let c = client();
        let r = c
            .get(format!("{}/api/v1/status", s.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["mode"], "offline only", "{v}");
        let r = c
            .post(format!("{}/api/v1/quizzes", s.url))
            .json(&json!({"subject": "tides"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        let v: Value = r.json().await.unwrap();
        assert!(v["error"].as_str().unwrap().contains("pasted text"), "{v}");
        let text = std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("samples/texts/printing-press.txt"),
        )
        .unwrap();
        let r = c
            .post(format!("{}/api/v1/quizzes", s.url))
            .json(&json!({"text": text, "count": 3}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let v: Value = r.json().await.unwrap();
        assert_ne!(
            v["subject"], "the text",
            "a pasted text's quiz is titled by its first words"
        );
    });
}

#[test]
fn another_address_with_no_token_is_refused() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &["gsk_one_1234567890"]);
    crate::common::quizgen(fx.path())
        .args(["serve", "--listen", "0.0.0.0:0", "--keys"])
        .arg(&fx.keys)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("[serve]"));
}

#[test]
fn sigterm_stops_the_server_with_exit_0() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &["gsk_one_1234567890"]);
    let mut s = serve(&fx, &[]);
    let kill = Command::new("kill")
        .args(["-TERM", &s.child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = s.child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

/// Three quizzes against a provider taking 1.5 s an answer, SIGTERM while every request is on
/// the wire: the server sends nothing more, waits for those answers, banks every question the
/// provider handed out, answers each client with what it had, and exits 0.
#[test]
fn sigterm_keeps_every_answer_already_on_the_wire() {
    let cfg = MockConfig {
        latency: Duration::from_millis(1500),
        ..MockConfig::default()
    };
    let fx = Fixture::new(cfg, &[MODEL], &["gsk_one_1234567890"]);
    let mut s = serve(&fx, &["--drain", "30s"]);
    let url = format!("{}/api/v1/quizzes", s.url);
    let answers = fx.rt.block_on(async {
        let quizzes = ["tides", "volcanoes", "deserts"].map(|subject| {
            let (c, url) = (client(), url.clone());
            async move {
                let r = c
                    .post(url)
                    .json(&json!({"subject": subject, "count": 30}))
                    .send()
                    .await
                    .unwrap();
                (r.status().as_u16(), r.json::<Value>().await.unwrap())
            }
        });
        let running = quizzes.map(tokio::spawn);
        // Every quiz has its requests out (two a quiz), none answered yet.
        let on_wire = tokio::task::spawn_blocking({
            let mock = fx.mock.clone();
            move || crate::common::wait_until("six requests", || mock.seen().len() >= 6)
        });
        on_wire.await.unwrap();
        let kill = Command::new("kill")
            .args(["-TERM", &s.child.id().to_string()])
            .status()
            .unwrap();
        assert!(kill.success());
        let mut answers = Vec::new();
        for r in running {
            answers.push(r.await.unwrap());
        }
        answers
    });
    assert_eq!(s.child.wait().unwrap().code(), Some(0));
    let handed: Vec<String> = fx
        .mock
        .seen()
        .iter()
        .filter(|r| r.status == 200)
        .flat_map(|r| r.stems.clone())
        .collect();
    assert_eq!(fx.mock.seen().len(), 6, "nothing sent after the signal");
    assert_eq!(handed.len(), 60, "the six answers came back");
    let listed = crate::common::quizgen(fx.path())
        .args(["bank", "list"])
        .assert()
        .success();
    let banked = String::from_utf8_lossy(&listed.get_output().stdout).into_owned();
    let banked: std::collections::HashSet<&str> = banked
        .lines()
        .filter_map(|l| l.split('\t').nth(3))
        .collect();
    let lost: Vec<&String> = handed
        .iter()
        .filter(|q| !banked.contains(q.as_str()))
        .collect();
    assert!(lost.is_empty(), "not in the bank: {lost:?}");
    let mut answered = 0;
    for (status, body) in &answers {
        let had = body["questions"]
            .as_array()
            .or_else(|| body["quiz"]["questions"].as_array())
            .map_or(0, Vec::len);
        assert_eq!(*status, 503, "{body}");
        assert!(
            body["error"].as_str().unwrap().contains("interrupted"),
            "{body}"
        );
        assert_eq!(body["written"].as_u64(), Some(had as u64), "{body}");
        answered += had;
    }
    assert_eq!(
        answered,
        handed.len(),
        "each client got what was bought for it"
    );
}

#[test]
fn no_capacity_within_the_wait_budget_is_503_with_retry_after_not_a_hang() {
    let cfg = MockConfig {
        gateway: Some(crate::common::mock::Gateway::Bare429(1.0)),
        ..MockConfig::default()
    };
    let fx = Fixture::new(cfg, &[MODEL], &["gsk_one_1234567890"]);
    let s = serve(&fx, &["--max-wait", "5s"]);
    fx.rt.block_on(async {
        let r = client()
            .post(format!("{}/api/v1/quizzes", s.url))
            .json(&json!({"subject": "deserts", "count": 5}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 503);
        assert!(r.headers().contains_key("retry-after"));
        let v: Value = r.json().await.unwrap();
        assert!(v["error"].as_str().unwrap().contains("429"), "{v}");
        assert_eq!(v["written"], 0);
    });
}

#[test]
fn a_body_without_count_or_format_takes_the_keys_files_defaults() {
    let fx = Fixture::with_extra(
        MockConfig::default(),
        &[MODEL],
        &["gsk_one_1234567890"],
        "[defaults]\ncount = 3\nformat = \"gift\"",
    );
    let s = serve(&fx, &[]);
    fx.rt.block_on(async {
        let r = client()
            .post(format!("{}/api/v1/quizzes", s.url))
            .json(&json!({"subject": "tides"}))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let disposition = r.headers()["content-disposition"].to_str().unwrap();
        assert!(disposition.contains("tides.gift"), "{disposition}");
        let gift = r.text().await.unwrap();
        // GIFT: one `::title::` and one right answer `=` per question.
        assert_eq!(
            gift.matches("\n::").count() + usize::from(gift.starts_with("::")),
            3,
            "{gift}"
        );
        // A body that says wins over [defaults], as a flag does.
        let r = client()
            .post(format!("{}/api/v1/quizzes", s.url))
            .json(&json!({"subject": "tides", "count": 2, "format": "json"}))
            .send()
            .await
            .unwrap();
        let v: Value = r.json().await.unwrap();
        assert_eq!(v["questions"].as_array().unwrap().len(), 2);
    });
}

/// The history id a written quiz's answer names in its header.
fn quiz_id(r: &reqwest::Response) -> i64 {
    r.headers()["x-quizgen-quiz-id"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

/// The right answers of a quiz JSON's questions.
fn answers(quiz: &Value) -> Vec<String> {
    quiz["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            let i = q["answer_index"].as_u64().unwrap() as usize;
            q["options"][i].as_str().unwrap().to_owned()
        })
        .collect()
}

/// A teacher drops a question of a quiz made from the pool and asks for one in its place: a new
/// question, bought or banked, none the quiz had, is added at the end.
#[test]
fn a_dropped_question_is_replaced_by_a_new_one() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &["gsk_one_1234567890"]);
    let s = serve(&fx, &[]);
    let id = fx.rt.block_on(async {
        let c = client();
        let r = c
            .post(format!("{}/api/v1/quizzes", s.url))
            .json(&json!({"subject": "volcanoes", "count": 3}))
            .send()
            .await
            .unwrap();
        let id = quiz_id(&r);
        let quiz: Value = r.json().await.unwrap();
        let stems = |q: &Value| -> Vec<String> {
            q["questions"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["question"].as_str().unwrap().to_owned())
                .collect()
        };
        let before = stems(&quiz);
        let url = format!("{}/api/v1/quizzes/{id}/questions", s.url);
        let r = c.delete(format!("{url}/2")).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let r = c.post(&url).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let after = stems(&r.json::<Value>().await.unwrap());
        assert_eq!(after.len(), 3, "{after:?}");
        assert_eq!(after[..2], [before[0].clone(), before[2].clone()]);
        assert!(!before.contains(&after[2]), "a new question: {after:?}");
        // One more at place 1 (where a replaced question was); place 0 is no place.
        let r = c.post(format!("{url}?at=0")).send().await.unwrap();
        assert_eq!(r.status(), 400);
        let r = c.post(format!("{url}?at=1")).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let placed = stems(&r.json::<Value>().await.unwrap());
        assert_eq!(placed.len(), 4, "{placed:?}");
        assert_eq!(placed[1..], after[..]);
        assert!(!after.contains(&placed[0]) && !before.contains(&placed[0]));
        let after = placed;
        // The download is the reviewed quiz.
        let file: Value = c
            .get(format!("{}/api/v1/quizzes/{id}?format=json", s.url))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(stems(&file), after);
        let r = c
            .post(format!("{}/api/v1/quizzes/999/questions", s.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 404, "no such quiz");
        id
    });
    // A server started since does not know how the quiz was made: 409, saying so.
    drop(s);
    let s = serve(&fx, &[]);
    fx.rt.block_on(async {
        let r = client()
            .post(format!("{}/api/v1/quizzes/{id}/questions", s.url))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 409);
        let v: Value = r.json().await.unwrap();
        assert!(
            v["error"].as_str().unwrap().contains("make a new quiz"),
            "{v}"
        );
    });
}

/// From a pasted text with no keys, each replacement is another question of the text, never
/// one about an answer the quiz holds or a teacher dropped, until the text holds no more (409).
#[test]
fn replacements_from_a_pasted_text_never_bring_back_a_dropped_answer() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &["gsk_one_1234567890"]);
    std::fs::remove_file(&fx.keys).unwrap();
    let s = crate::common::serve_without_keys_with(&fx, &["--per-ip", "100/min"]);
    fx.rt.block_on(replace_until_the_text_runs_out(&s.url));
    assert!(fx.mock.seen().is_empty());
}

/// The same with keys whose provider cannot be reached: the text is asked instead, and what
/// it gives is still never a question the quiz had.
#[test]
fn replacements_with_an_unreachable_provider_never_bring_back_a_dropped_answer() {
    let fx = Fixture::new(MockConfig::default(), &[MODEL], &["gsk_one_1234567890"]);
    let keys = std::fs::read_to_string(&fx.keys).unwrap();
    std::fs::write(
        &fx.keys,
        keys.replace(&fx.server.uri(), "http://127.0.0.1:9"),
    )
    .unwrap();
    let s = serve(&fx, &["--per-ip", "100/min"]);
    fx.rt.block_on(replace_until_the_text_runs_out(&s.url));
}

/// A quiz of 3 from a sample text; then question 1 dropped and one more asked for, again and
/// again: each new answer is new, until the text holds no more (409).
async fn replace_until_the_text_runs_out(server: &str) {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/texts/printing-press.txt"),
    )
    .unwrap();
    let c = client();
    let r = c
        .post(format!("{server}/api/v1/quizzes"))
        .json(&json!({"text": text, "count": 3}))
        .send()
        .await
        .unwrap();
    let id = quiz_id(&r);
    let quiz: Value = r.json().await.unwrap();
    let url = format!("{server}/api/v1/quizzes/{id}/questions");
    let mut seen = answers(&quiz);
    let mut last = 0;
    for _ in 0..40 {
        let r = c.delete(format!("{url}/1")).send().await.unwrap();
        assert_eq!(r.status(), 200);
        let r = c.post(&url).send().await.unwrap();
        last = r.status().as_u16();
        if last != 200 {
            break;
        }
        let now = answers(&r.json::<Value>().await.unwrap());
        assert_eq!(now.len(), 3);
        let new = now.last().unwrap().clone();
        assert!(!seen.contains(&new), "{new:?} came back: {seen:?}");
        seen.push(new);
    }
    assert_eq!(last, 409, "the text ran out of questions: {seen:?}");
    assert!(seen.len() > 3, "at least one replacement: {seen:?}");
}
