//! Offline benchmark: the time to make ten questions from a text of 100 KB, 1 MB and 4 MB (the
//! corpus texts repeated), per megabyte, with the ratio to the 100 KB case. The reading is
//! linear in the text and the checks per question look at each sentence once, so the time per
//! megabyte should stay flat; a check that compares every candidate with every sentence shows
//! here as a ratio that grows with the size.

use std::time::Instant;

use quizgen::testing::offline::{Ask, generate};

fn corpus() -> String {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<_> = ["tests/fixtures/texts", "samples/texts"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            !name.starts_with("francais") && !name.starts_with("espanol")
        })
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn main() {
    let one = corpus();
    let ask = Ask {
        count: 10,
        rules: quizgen::testing::Rules::new(4),
        language: "English",
        difficulty: "medium",
        origin: "bench",
    };
    println!("quizgen offline: ten questions from an English text of growing size");
    let mut base = None;
    for kb in [100usize, 1_000, 4_000] {
        let mut text = String::new();
        while text.len() < kb * 1000 {
            text.push_str(&one);
            text.push_str("\n\n");
        }
        let start = Instant::now();
        let qs = generate(&text, &ask, &mut quizgen::testing::rng_from(Some(1)));
        let secs = start.elapsed().as_secs_f64();
        let per_mb = secs / (text.len() as f64 / 1e6);
        let ratio = per_mb / *base.get_or_insert(per_mb);
        println!(
            "  {:>5} KB: {:>3} questions in {:>6.2} s, {:>6.2} s per MB, ratio {:.2}",
            kb,
            qs.len(),
            secs,
            per_mb,
            ratio
        );
    }
}
