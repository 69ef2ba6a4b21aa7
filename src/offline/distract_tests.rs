//! The wrong answers' tests.
use super::*;
use rand::SeedableRng;
use rand::rngs::StdRng;

fn value(amount: f64, decimals: usize, word: bool, percent: bool) -> Value {
    Value {
        amount,
        decimals,
        word,
        times: None,
        unit: String::new(),
        percent,
    }
}

#[test]
fn wrong_years_are_near_on_hard_far_on_easy_and_on_both_sides() {
    let mut rng = StdRng::seed_from_u64(1);
    let mut below_seen = false;
    let mut above_seen = false;
    for _ in 0..20 {
        let hard = years(1850, None, Level::Hard, false, 3, &mut rng);
        assert_eq!(hard.len(), 3);
        for y in &hard {
            let y: i64 = y.parse().unwrap();
            assert!((1..=4).contains(&(y - 1850).abs()));
            below_seen |= y < 1850;
            above_seen |= y > 1850;
        }
        let easy = years(1850, None, Level::Easy, false, 3, &mut rng);
        assert!(
            easy.iter()
                .all(|y| (y.parse::<i64>().unwrap() - 1850).abs() >= 8)
        );
    }
    assert!(below_seen && above_seen);
    // Never a year still to come.
    let recent = years(2019, None, Level::Easy, false, 3, &mut rng);
    assert!(
        recent
            .iter()
            .all(|y| y.parse::<i64>().unwrap() <= LAST_YEAR),
        "{recent:?}"
    );
}

#[test]
fn wrong_values_keep_unit_form_and_separators() {
    let mut rng = StdRng::seed_from_u64(2);
    let fr = values(
        &value(18038.0, 0, false, false),
        "18 038 lettres",
        Lang::Fr,
        Level::Medium,
        Near::default(),
        3,
        &mut rng,
    );
    assert_eq!(fr.len(), 3, "{fr:?}");
    assert!(
        fr.iter()
            .all(|o| o.ends_with(" lettres") && o.contains(' ')),
        "{fr:?}"
    );
    let words = values(
        &value(3.0, 0, true, false),
        "three seconds",
        Lang::En,
        Level::Hard,
        Near::default(),
        3,
        &mut rng,
    );
    assert!(
        words
            .iter()
            .all(|o| o.ends_with(" seconds") && !o.starts_with(|c: char| c.is_ascii_digit())),
        "{words:?}"
    );
    let share = values(
        &value(80.0, 0, false, true),
        "80 %",
        Lang::En,
        Level::Easy,
        Near::default(),
        3,
        &mut rng,
    );
    assert!(
        share
            .iter()
            .all(|o| o.trim_end_matches(" %").parse::<f64>().unwrap() <= 100.0),
        "{share:?}"
    );
    let de = values(
        &value(1.5, 1, false, false),
        "1,5 Meter",
        Lang::De,
        Level::Hard,
        Near::default(),
        3,
        &mut rng,
    );
    assert!(
        de.iter().all(|o| o.contains(',') && o.ends_with(" Meter")),
        "{de:?}"
    );
}

#[test]
fn wrong_ages_stay_under_a_hundred() {
    let mut rng = StdRng::seed_from_u64(5);
    let near = Near {
        approximate: false,
        at_most: Some(100.0),
    };
    for _ in 0..20 {
        let got = values(
            &value(72.0, 0, false, false),
            "72 ans",
            Lang::Fr,
            Level::Easy,
            near,
            3,
            &mut rng,
        );
        assert!(
            got.iter()
                .all(|o| o.trim_end_matches(" ans").parse::<f64>().unwrap() <= 100.0),
            "{got:?}"
        );
    }
}

#[test]
fn wrong_places_are_the_texts_own_of_the_same_kind() {
    let mut rng = StdRng::seed_from_u64(3);
    let country = PlaceKind::Country("European".into());
    let city = PlaceKind::City("France".into());
    let text = [
        ("Austria".to_owned(), country.clone(), 2),
        ("Italy".to_owned(), country.clone(), 3),
        ("Paris".to_owned(), city.clone(), 3),
        ("Slovenia".to_owned(), country.clone(), 9),
        ("Germany".to_owned(), country.clone(), 1),
    ];
    let stem = "The Alps cover much of _____.";
    let got = places(
        "Switzerland",
        &country,
        &text,
        0,
        stem,
        Level::Medium,
        3,
        &mut rng,
    );
    assert_eq!(got.len(), 3);
    assert!(!got.contains(&"Paris".to_owned()), "{got:?}");
    // Hard takes the nearest in the text, easy the furthest.
    let hard = places(
        "Switzerland",
        &country,
        &text,
        0,
        stem,
        Level::Hard,
        3,
        &mut rng,
    );
    assert!(!hard.contains(&"Slovenia".to_owned()), "{hard:?}");
    let easy = places(
        "Switzerland",
        &country,
        &text,
        0,
        stem,
        Level::Easy,
        3,
        &mut rng,
    );
    assert!(easy.contains(&"Slovenia".to_owned()), "{easy:?}");
    // None of the text's own: no question, rather than the region's at random.
    assert!(
        places(
            "Switzerland",
            &country,
            &[],
            0,
            stem,
            Level::Medium,
            3,
            &mut rng
        )
        .is_empty()
    );
}

#[test]
fn wrong_terms_share_no_stem_with_the_answer() {
    let mut rng = StdRng::seed_from_u64(4);
    let defined: Vec<(String, usize)> = ["capillary", "capillaries", "artery", "vein", "atrium"]
        .iter()
        .map(|t| (t.to_string(), 1))
        .collect();
    let got = terms(
        "capillary",
        "a very small blood vessel",
        &defined,
        &[],
        1,
        Lang::En,
        Level::Hard,
        3,
        &mut rng,
    );
    assert!(!got.iter().any(|t| t.starts_with("capillar")), "{got:?}");
    assert_eq!(got.len(), 3);
}

#[test]
fn acts_events_and_processes_are_one_sort_substances_another() {
    assert!(same_sort("Compaction", "Metamorphism", Lang::En));
    assert!(same_sort("lava", "magma", Lang::En));
    assert!(!same_sort("lava", "metamorphism", Lang::En));
    // Unknown to WordNet, a process by its ending.
    assert!(!same_sort("Weathering", "Magma", Lang::En));
    assert!(same_sort("Weathering", "Erosion", Lang::En));
}

#[test]
fn a_glossary_term_the_prose_writes_in_lower_case_is_no_name() {
    let mut rng = StdRng::seed_from_u64(4);
    let defined: Vec<(String, usize)> = ["Weathering", "Erosion", "Compaction", "Cementation"]
        .iter()
        .map(|t| (t.to_string(), 1))
        .collect();
    let lowered = ["weathering".to_owned(), "cementation".to_owned()];
    let got = terms(
        "Erosion",
        "the wearing away of rock",
        &defined,
        &lowered,
        1,
        Lang::En,
        Level::Medium,
        3,
        &mut rng,
    );
    assert_eq!(got.len(), 3, "{got:?}");
}

#[test]
fn an_old_approximate_date_gets_wrong_years_further_off() {
    let mut rng = StdRng::seed_from_u64(1);
    let got = years(2560, Some("BC"), Level::Hard, true, 3, &mut rng);
    let ys: Vec<i64> = got
        .iter()
        .map(|y| y.trim_end_matches(" BC").parse().unwrap())
        .collect();
    assert_eq!(ys.len(), 3);
    assert!(ys.iter().all(|y| y.abs_diff(2560) >= 90), "{got:?}");
    // A recent one keeps round decades, far enough that "around 1850" does not also cover
    // them; "vers 1900", rounder, is wider still (round 4: 1910 offered beside "vers 1900").
    let got = years(1850, None, Level::Hard, true, 3, &mut rng);
    assert!(got.iter().all(|y| {
        let d = y.parse::<i64>().unwrap().abs_diff(1850);
        (20..=40).contains(&d) && d % 10 == 0
    }));
    let got = years(1900, None, Level::Hard, true, 3, &mut rng);
    assert!(
        got.iter()
            .all(|y| y.parse::<i64>().unwrap().abs_diff(1900) >= 50),
        "{got:?}"
    );
}

#[test]
fn a_value_in_millions_stays_under_a_thousand_of_them() {
    let mut v = value(800.0, 0, false, false);
    v.times = Some("million".into());
    v.unit = "people".into();
    for seed in 0..20 {
        let mut rng = StdRng::seed_from_u64(seed);
        let near = Near::default();
        for w in values(
            &v,
            "800 million people",
            Lang::En,
            Level::Easy,
            near,
            3,
            &mut rng,
        ) {
            let n: f64 = w
                .split_whitespace()
                .next()
                .unwrap()
                .replace(',', "")
                .parse()
                .unwrap();
            assert!(n < 1000.0, "{w}");
        }
    }
}

#[test]
fn an_acronym_keeps_its_capitals() {
    assert_eq!(same_case("DNA", "codons"), "DNA");
    assert_eq!(same_case("messenger RNA", "Codons"), "messenger RNA");
    assert_eq!(same_case("codons", "Gene"), "Codons");
}

#[test]
fn two_definitions_in_nearly_the_same_words_are_alike() {
    let vent = "an opening through which lava, gas and ash escape";
    let volcano = "an opening in the Earth's crust through which molten rock, gas and ash escape";
    let crater = "a bowl-shaped hollow at the top of a volcano";
    assert!(alike(vent, volcano, &[vent, volcano, crater], Lang::En));
    assert!(!alike(crater, vent, &[vent, volcano, crater], Lang::En));
    // Words of the subject, in three definitions or more, tell nothing apart.
    let current = "the rate of flow of electric charge";
    let circuit = "a closed path around which electric charge can flow";
    let power = "the rate at which electric charge transfers energy";
    let all = [current, circuit, power, "electric charge stored on a plate"];
    assert!(!alike(current, circuit, &all, Lang::En));
}

#[test]
fn two_names_of_one_place_are_never_both_options() {
    use crate::offline::{detect, read};
    let found_aliases = |text: &str, lang: Lang| {
        let doc = read::read(text, lang);
        let found = detect::candidates(&doc, lang);
        aliases(&doc, &found, lang)
    };
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    let en = "The court moved to Kyoto in 1600. Later the court moved to Edo, which was renamed \
        Tokyo, in 1868. Trade grew in Osaka and Nagasaki.";
    let got = found_aliases(en, Lang::En);
    assert_eq!(got, vec![pair("Edo", "Tokyo")]);
    let es = "La batalla aseguró la independencia de Perú, la actual Bolivia, en 1825. \
        Luego viajó a Venezuela y a Ecuador.";
    assert_eq!(found_aliases(es, Lang::Es), vec![pair("Perú", "Bolivia")]);
    // Two places of one sentence with no word of another name between them are two places.
    let got = found_aliases("The railway linked Tokyo and Yokohama in 1872.", Lang::En);
    assert!(got.is_empty(), "{got:?}");
    let got = found_aliases(
        "Dams were built first in China and later in Laos. The empire grew along the Niger, \
        covering parts of present-day Mali and Guinea.",
        Lang::En,
    );
    assert!(got.is_empty(), "{got:?}");
    let de = "Das Dorf gehörte 1900 zu Österreich, heute Italien, und lag nahe der Schweiz.";
    assert_eq!(
        found_aliases(de, Lang::De),
        vec![pair("Österreich", "Italien")]
    );

    let city = PlaceKind::City("Japan".into());
    let text: Vec<(String, PlaceKind, usize)> = ["Edo", "Tokyo", "Kyoto", "Osaka", "Tokyo"]
        .iter()
        .map(|p| ((*p).to_owned(), city.clone(), 1))
        .collect();
    let aliases = vec![pair("Edo", "Tokyo")];
    let names = |v: Vec<(String, PlaceKind, usize)>| -> Vec<String> {
        v.into_iter().map(|(p, _, _)| p).collect()
    };
    // The answer's other name is no wrong answer.
    assert_eq!(
        names(without_aliases(&text, "Edo", &aliases)),
        ["Kyoto", "Osaka"]
    );
    // Asked about another place, only one of the two names is left.
    assert_eq!(
        names(without_aliases(&text, "Kyoto", &aliases)),
        ["Edo", "Osaka"]
    );
}
