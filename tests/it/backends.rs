//! The two storage backends agree: the same sequence of reserve / settle / take / serve /
//! give-back operations gets the same answers from `SQLite` (the data dir) and from `PostgreSQL`.

use proptest::prelude::*;
use quizgen::testing::Mcq;
use quizgen::testing::StateAt;
use quizgen::testing::{Admission, Pool};
use quizgen::testing::{ApiKey, Dialect, KeysConfig, Limits, Provider};
use quizgen::testing::{Bank, Provenance, Shelf};

use crate::common::pg;

fn config() -> KeysConfig {
    KeysConfig {
        providers: vec![Provider {
            name: "p".into(),
            base_url: "http://127.0.0.1:9/v1".into(),
            models: vec!["m".into(), "n".into()],
            keys: vec![
                ApiKey::new("k-aaaaaaaaaaaa1".into(), Some("org".into())),
                ApiKey::new("k-bbbbbbbbbbbb2".into(), Some("other".into())),
            ],
            limits: Limits {
                rpm: Some(4),
                rpd: Some(30),
                tpm: Some(5_000),
                tpd: Some(40_000),
            },
            price: None,
            model_prices: std::collections::BTreeMap::default(),
            dialect: Dialect::Groq,
        }],
        origin: "test".into(),
        warnings: Vec::new(),
    }
}

fn question(k: u8) -> Mcq {
    quizgen::testing::with_id(Mcq {
        question: format!("Which river is number {k} on the list of the longest rivers?"),
        options: vec![
            format!("River {k}"),
            "Nile".into(),
            "Amazon".into(),
            "Volga".into(),
        ],
        answer_index: 0,
        explanation: String::new(),
        difficulty: None,
        source: None,
        id: None,
        verified_by: None,
    })
}

#[derive(Debug, Clone)]
enum Op {
    /// A request of this many tokens, this many ms after the last operation; if admitted,
    /// settled at once having used this share of it.
    Request {
        dt: u64,
        tokens: u64,
        used_pct: u64,
    },
    Bank(u8),
    /// Take up to n questions, then give the first of them back and mark the rest served.
    Take(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0u64..20_000, 100u64..2_500, 0u64..100).prop_map(|(dt, tokens, used_pct)| Op::Request {
            dt,
            tokens,
            used_pct
        }),
        (0u8..12).prop_map(Op::Bank),
        (1usize..5).prop_map(Op::Take),
    ]
}

/// What the state answered to each operation, as text.
fn replay(at: &StateAt, ops: &[Op], t0: i64) -> Vec<String> {
    let mut pool = Pool::open(&config(), at).unwrap();
    let mut bank = Bank::open_at(at).unwrap();
    let shelf = Shelf::new("Rivers", "medium", "English", 4);
    let mut t = t0;
    let mut said = Vec::new();
    for op in ops {
        let line = match op {
            Op::Request {
                dt,
                tokens,
                used_pct,
            } => {
                t += *dt as i64;
                match pool.reserve_at(t, &|_| *tokens).unwrap() {
                    Admission::Go(r) => {
                        let used = tokens * used_pct / 100;
                        pool.settle_at(
                            t + 300,
                            &r,
                            &crate::common::ok_answer(used / 2, used - used / 2),
                            1,
                            10,
                        )
                        .unwrap();
                        format!("go lane {} key {} tokens {}", r.lane, r.key, r.tokens)
                    }
                    Admission::Wait(d) => format!("wait {}", d.as_millis()),
                    other => format!("{other:?}"),
                }
            }
            Op::Bank(k) => {
                let stored = bank
                    .insert(&shelf, "Rivers", &question(*k), &Provenance::default())
                    .unwrap();
                format!("banked {k}: {stored}")
            }
            Op::Take(n) => {
                let got = bank.take_unserved(&shelf, *n, |_| true).unwrap();
                let ids: Vec<String> = got.iter().filter_map(|q| q.id.clone()).collect();
                if let Some((first, rest)) = ids.split_first() {
                    bank.give_back("Rivers", std::slice::from_ref(first))
                        .unwrap();
                    bank.mark_served("Rivers", rest).unwrap();
                }
                let stems: Vec<&str> = got.iter().map(|q| q.question.as_str()).collect();
                format!(
                    "took {stems:?}, {} left",
                    bank.unserved_count(&shelf).unwrap()
                )
            }
        };
        said.push(line);
    }
    let stock = bank.stock().unwrap();
    said.push(format!(
        "stock {:?}",
        stock
            .iter()
            .map(|s| (s.total, s.unserved))
            .collect::<Vec<_>>()
    ));
    said
}

/// The transcripts of `ops` on a fresh `SQLite` data dir and on the database `url`.
fn both(url: String, ops: &[Op]) -> (Vec<String>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let t0 = quizgen::testing::now_ms();
    let local = replay(&StateAt::local(dir.path()), ops, t0);
    let shared = StateAt {
        url: Some(url.into()),
        ..StateAt::local(&dir.path().join("shared"))
    };
    (local, replay(&shared, ops, t0))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, .. ProptestConfig::default() })]

    #[test]
    fn sqlite_and_postgresql_answer_alike(ops in prop::collection::vec(op(), 1..50)) {
        let Some(url) = pg::fresh_database("backends_alike") else {
            return Ok(());
        };
        let (local, remote) = both(url, &ops);
        prop_assert_eq!(local, remote);
    }
}

#[test]
fn a_wait_is_the_same_on_both_backends() {
    // A deterministic case the property covers too: a lane full for the minute says how long.
    let Some(url) = pg::fresh_database("backends_wait") else {
        return;
    };
    // Four lanes (two models, two organizations), two requests of 2,400 tokens each a minute.
    let ops: Vec<Op> = (0..10)
        .map(|_| Op::Request {
            dt: 10,
            tokens: 2_400,
            used_pct: 100,
        })
        .collect();
    let (local, remote) = both(url, &ops);
    assert_eq!(local, remote);
    assert!(local.iter().any(|l| l.starts_with("wait")), "{local:?}");
}
