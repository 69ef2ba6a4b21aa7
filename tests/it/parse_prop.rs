//! Whatever the parser is fed, it never panics, and everything it returns passes the validator.

use proptest::prelude::*;
use quizgen::testing::parse_questions;
use quizgen::testing::validate;

/// JSON-ish fragments that steer random input towards the parser's interesting paths.
fn jsonish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "{",
        "}",
        "[",
        "]",
        ",",
        ":",
        "\"",
        "\\",
        "```json\n",
        "```",
        "\"questions\"",
        "\"mcqs\"",
        "\"options\"",
        "\"question\"",
        "\"answer\"",
        "\"answer_index\"",
        "\"correct_answer\"",
        "\"A\"",
        "\"b\"",
        "\"B) x\"",
        "0",
        "1",
        "3",
        "-1",
        "99999999999999999999",
        "\"A) \"",
        "\"x\"",
        "\"y\"",
        "\"z\"",
        "\"w\"",
        "null",
        "true",
        "1.5",
        " ",
        "\n",
        "é",
        "\"all of the above\"",
        "{\"text\":\"t\",\"correct\":true}",
    ]);
    prop::collection::vec(atoms, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(s in ".{0,400}", k in 2usize..=6) {
        for q in parse_questions(&s, k).good {
            prop_assert!(validate(&q, k).is_ok());
        }
    }

    #[test]
    fn jsonish_text_never_panics_and_returns_only_valid(s in jsonish(), k in 2usize..=6) {
        for q in parse_questions(&s, k).good {
            prop_assert!(validate(&q, k).is_ok(), "{:?}", q);
        }
    }

    #[test]
    fn well_formed_questions_survive_any_cut(n in 1usize..6, cut in 0usize..2000) {
        let qs: Vec<String> = (0..n).map(|i| format!(
            "{{\"question\":\"Question number {i}?\",\"options\":[\"a{i}x\",\"b{i}y\",\"c{i}z\",\"d{i}w\"],\"answer_index\":{}}}", i % 4)).collect();
        let full = format!("{{\"questions\":[{}]}}", qs.join(","));
        let cut = cut.min(full.len());
        let p = parse_questions(&full[..cut], 4);
        prop_assert!(p.good.len() <= n);
        if cut == full.len() {
            prop_assert_eq!(p.good.len(), n);
        }
        for q in p.good {
            prop_assert!(validate(&q, 4).is_ok());
        }
    }
}
