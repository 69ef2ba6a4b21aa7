//! Fuzzing with proptest: keys.toml loading, `bank import` and offline generation never panic,
//! whatever they are fed, and keys.toml never shows a key whole in an error.

use proptest::prelude::*;
use quizgen::testing::Bank;
use quizgen::testing::import_text;
use quizgen::testing::parse_keys;

const VALID_KEYS: &str = "[[providers]]\nname = \"groq\"\nbase_url = \"https://api.groq.com/openai/v1\"\nmodels = [\"openai/gpt-oss-20b\", \"qwen/qwen3.6-27b\"]\nkeys = [\"gsk_SECRETzyxwvu9876543210abcdefghij5678\", { key = \"env:NOPE\", org = \"o\" }]\nlimits = { rpm = 30, tpm = 8000 }\nprice = { input = 0.1, output = 0.2 }\n";

const VALID_QUIZ: &str = r#"{"subject": "Water", "questions": [{"question": "What falls as rain?", "options": ["Water", "Sand", "Salt", "Ash"], "answer_index": 0, "explanation": "Rain is water."}, {"question": "What is ice?", "options": ["Frozen water", "Steam", "Rock", "Air"], "answer_index": 0}]}"#;

/// Fragments that steer mutations towards the parsers' interesting paths.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "\"",
            "'",
            "[",
            "]",
            "{",
            "}",
            "=",
            ",",
            "\n",
            "[[providers]]\n",
            "keys = ",
            "models = ",
            "org = ",
            "\"env:X\"",
            "99999999999999999999",
            "-1",
            "1e999",
            "\u{0}",
            "\u{1b}",
            "é",
            "\"answer_index\": ",
            "\"options\": [",
            "null",
            "true",
            "\"questions\": [",
        ])
        .prop_map(str::to_owned),
        "[ -~]{0,12}",
    ]
}

/// A valid document with fragments inserted and bytes cut at random places.
fn mutated(base: &'static str) -> impl Strategy<Value = String> {
    mutated_by(base, fragment())
}

/// Fragments for texts: what changes length in lower case ("İ", "ẞ"), separators, dates, PDF
/// breaks, Markdown.
fn text_fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "İstanbul",
            "ẞ",
            "ǅ",
            "ﬁ",
            "\u{202f}",
            "\u{a0}",
            "18 038",
            "1.500",
            "1,5",
            "9. ",
            "November ",
            "in 1989",
            " BC",
            "-\n",
            "- ",
            "\n\n",
            "# ",
            "**",
            ": ",
            "(",
            "\"",
            "«",
            "It ",
            "Elle la ",
            ". Il l'",
            ", on les ",
            "Ecuador lo ",
            "Marie Curie ",
            "Paris",
            "about 3 km",
            "100 %",
            " is called a ",
            " is a ",
            "Review questions\n",
            "| a | b |\n",
            "```\n",
        ])
        .prop_map(str::to_owned),
        "\\PC{0,8}",
    ]
}

const TEXT: &str = "# Rivers\n\nThe Nile flows north through Egypt. In 1902, engineers built a dam at Aswan, about 900 km south of Cairo.\nMarie Curie was born in Warsaw in 1867. A delta is a landform made where a river meets the sea.\n\nAm 9. November 1989 öffnete die DDR die Grenze; rund 1.500 Menschen kamen. Pasteur reçut 18 038 lettres en 1885.\n\nGlossary: a list of terms with their meanings\n";

/// French and Spanish, whose rules run on text the reading takes for theirs.
const TEXT_FR_ES: &str = "# Olympe de Gouges\n\nMarie Gouze naît à Montauban le 7 mai 1748. Elle la marie en 1765 à Louis Aubry. Il l'épouse à Paris, à environ 600 km de Montauban.\n\nEn 1791, elle publie la Déclaration des droits de la femme ; on les lit encore. Le canal mesure 18 038 mètres.\n\n# Galápagos\n\nEcuador lo incorporó a su territorio en 1832. La isla mayor mide 4.588 km².\n";

fn mutated_by(
    base: &'static str,
    frags: impl Strategy<Value = String>,
) -> impl Strategy<Value = String> {
    prop::collection::vec((any::<prop::sample::Index>(), frags, any::<bool>()), 0..6).prop_map(
        move |edits| {
            let mut s = base.to_owned();
            for (at, frag, cut) in edits {
                let mut i = at.index(s.len() + 1);
                while !s.is_char_boundary(i) {
                    i -= 1;
                }
                if cut {
                    let mut end = (i + frag.len()).min(s.len());
                    while !s.is_char_boundary(end) {
                        end -= 1;
                    }
                    s.replace_range(i..end, "");
                } else {
                    s.insert_str(i, &frag);
                }
            }
            s
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn keys_files_never_panic_nor_show_a_key(text in prop_oneof![mutated(VALID_KEYS), ".{0,300}"]) {
        if let Err(e) = parse_keys(&text, "keys.toml") {
            let msg = quizgen::testing::one_line(&e);
            prop_assert!(!msg.contains("SECRETzyxwvu9876543210"), "{}", msg);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn bank_import_never_panics(text in prop_oneof![mutated(VALID_QUIZ), ".{0,200}"]) {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::open(dir.path()).unwrap();
        if let Ok((_, added, refused)) = import_text(&bank, &text, "quiz.json", None, "medium", "English") {
            prop_assert!(added + refused <= 2 + text.matches("question").count());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn offline_generation_never_panics(text in prop_oneof![
        mutated_by(TEXT, text_fragment()),
        mutated_by(TEXT_FR_ES, text_fragment()),
        "\\PC{0,400}",
    ]) {
        use quizgen::testing::offline::{Ask, generate};
        use rand::SeedableRng;
        for language in ["English", "German", "French", "Spanish"] {
            let ask = Ask {
                count: 10,
                rules: quizgen::testing::Rules::new(4),
                language,
                difficulty: "mixed",
                origin: "fuzz",
            };
            let qs = generate(&text, &ask, &mut rand::rngs::StdRng::seed_from_u64(1));
            prop_assert!(qs.len() <= 10);
        }
    }
}
