//! Wrong places: a city in the country the stem names.
use super::*;
use rand::SeedableRng;
use rand::rngs::StdRng;

#[test]
fn a_city_in_the_country_the_stem_names_gets_cities_of_that_country() {
    let mut rng = StdRng::seed_from_u64(3);
    let china = PlaceKind::City("China".into());
    let us = PlaceKind::City("United States".into());
    let text = [
        ("Nanjing".to_owned(), china.clone(), 2),
        ("Suzhou".to_owned(), china.clone(), 2),
        ("Beijing".to_owned(), china.clone(), 2),
        ("Washington".to_owned(), us.clone(), 3),
        ("Chicago".to_owned(), us.clone(), 3),
    ];
    let near = |stem: &str, rng: &mut StdRng| {
        places("Shanghai", &china, &text, 0, stem, Level::Medium, 3, rng)
    };
    let got = near("Liuhe, a small town near _____ in China.", &mut rng);
    assert_eq!(got.len(), 3, "{got:?}");
    for seed in 0..20 {
        let mut rng = StdRng::seed_from_u64(seed);
        let got = near("Liuhe, a small town near _____ in China.", &mut rng);
        assert!(
            !got.iter().any(|c| c == "Washington" || c == "Chicago"),
            "{got:?}"
        );
    }
    // The answer's own name names no country ("Mexico City", "New York").
    let ny = PlaceKind::City("New York".into());
    let text_ny = [
        ("Paris".to_owned(), PlaceKind::City("France".into()), 2),
        ("Chicago".to_owned(), us.clone(), 2),
        ("San Francisco".to_owned(), us.clone(), 2),
    ];
    let got = places(
        "New York",
        &ny,
        &text_ny,
        0,
        "Her first show was held in New York in 1938.",
        Level::Medium,
        3,
        &mut rng,
    );
    assert_eq!(got.len(), 3, "{got:?}");
    // Without the country in the stem, any of the text's cities.
    let mut seen = std::collections::HashSet::new();
    for seed in 0..20 {
        let mut rng = StdRng::seed_from_u64(seed);
        seen.extend(near("She was born near _____.", &mut rng));
    }
    assert!(seen.contains("Washington"), "{seen:?}");
}

#[test]
fn two_names_of_one_place_are_never_both_options() {
    let city = |n: &str| (n.to_owned(), PlaceKind::City(String::new()), 1);
    let places = vec![
        city("Beijing"),
        city("Shanghai"),
        city("Canton"),
        city("Guangzhou"),
        city("Nanjing"),
    ];
    for seed in 0..20 {
        let mut rng = StdRng::seed_from_u64(seed);
        let got = super::places(
            "Peking",
            &PlaceKind::City(String::new()),
            &places,
            1,
            "The Convention of _____ gave Britain Kowloon.",
            Level::Medium,
            3,
            &mut rng,
        );
        assert!(!got.contains(&"Beijing".to_owned()), "{got:?}");
        assert!(
            !(got.contains(&"Canton".to_owned()) && got.contains(&"Guangzhou".to_owned())),
            "{got:?}"
        );
        assert_eq!(got.len(), 3, "{got:?}");
    }
}

/// `gazetteer_cities` with a text that names `told` and the cities `text`.
fn from_gazetteer(
    answer: &str,
    told: &[&str],
    text: &[&str],
    level: Level,
    seed: u64,
) -> Vec<String> {
    let mut rng = StdRng::seed_from_u64(seed);
    let told = |n: &str| told.contains(&n);
    let places: Vec<(String, PlaceKind, usize)> = (text.iter())
        .map(|p| (p.to_string(), PlaceKind::City(String::new()), 1))
        .collect();
    let have: Vec<String> = text.iter().map(ToString::to_string).collect();
    let stem = "He was born in _____.";
    super::gazetteer_cities(answer, &told, &places, stem, &have, (3, level), &mut rng)
}

#[test]
fn the_gazetteer_gives_a_city_the_cities_of_its_part_first_and_of_its_country() {
    let tuscan = [
        "Florence", "Siena", "Livorno", "Lucca", "Pisa", "Arezzo", "Prato",
    ];
    let cities = lexicon::cities();
    let in_italy = |n: &String| {
        cities
            .iter()
            .any(|c| c.names[0] == n && c.country == "Italy")
    };
    for seed in 0..10 {
        let got = from_gazetteer("Pisa", &["Italy"], &[], Level::Medium, seed);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got.iter().all(in_italy), "{got:?}");
        let near = got.iter().filter(|c| tuscan.contains(&c.as_str())).count();
        assert!(near >= 1, "{got:?}");
        // Easy: the country's other parts first.
        let easy = from_gazetteer("Pisa", &["Italy"], &[], Level::Easy, seed);
        assert!(
            easy.iter().all(|c| !tuscan.contains(&c.as_str())),
            "{easy:?}"
        );
        assert!(easy.iter().all(in_italy), "{easy:?}");
    }
}

#[test]
fn the_gazetteer_is_used_only_where_the_text_tells_the_city_is_its_own() {
    // "a house in Richmond, near London": the gazetteer's Richmond is in Virginia.
    assert!(from_gazetteer("Richmond", &["London"], &["London"], Level::Medium, 1).is_empty());
    // Told by the country, or by another of its cities among the text's places.
    assert_eq!(
        from_gazetteer("Richmond", &["United States"], &[], Level::Medium, 1).len(),
        3
    );
    let got = from_gazetteer("Richmond", &[], &["Boston"], Level::Medium, 1);
    assert_eq!(got.len(), 3, "{got:?}");
    assert!(!got.contains(&"Boston".to_owned()), "{got:?}");
}

#[test]
fn the_gazetteer_adds_no_other_name_of_a_text_city_and_no_name_that_is_a_word() {
    for seed in 0..20 {
        // The text writes "Arhus": not "Aarhus" beside it.
        let got = from_gazetteer("Copenhagen", &["Denmark"], &["Arhus"], Level::Medium, seed);
        assert!(
            !got.iter().any(|c| c == "Arhus" || c == "Aarhus"),
            "{got:?}"
        );
        // Nor a city named as an idea ("Reading", "Concord").
        let got = from_gazetteer("Chicago", &["United States"], &[], Level::Easy, seed);
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(
            !got.iter().any(|c| c == "Reading" || c == "Concord"),
            "{got:?}"
        );
    }
    // No ruin is a wrong answer for a living city (review: Sodom and Gomorrah for Haifa,
    // Babylon and Nineveh for Baghdad).
    for seed in 0..30 {
        let got = from_gazetteer("Haifa", &["Israel"], &[], Level::Medium, seed);
        assert!(
            !got.iter().any(|c| c == "Sodom" || c == "Gomorrah"),
            "{got:?}"
        );
        let got = from_gazetteer("Baghdad", &["Iraq"], &[], Level::Easy, seed);
        let ruins = ["Babylon", "Nineveh", "Assur", "Ur"];
        assert!(!got.iter().any(|c| ruins.contains(&c.as_str())), "{got:?}");
    }
    // "the Declaration of Independence" (review): no city asked.
    assert!(from_gazetteer("Independence", &["United States"], &[], Level::Medium, 1).is_empty());
}

#[test]
fn a_ruin_of_antiquity_is_no_wrong_answer_for_a_living_city() {
    // The README's first command offered Troy (from "a history of Troy") for Rome.
    let city = |n: &str| (n.to_owned(), PlaceKind::City(String::new()), 1);
    let places = vec![
        city("Paris"),
        city("Strasbourg"),
        city("Troy"),
        city("Venice"),
    ];
    for seed in 0..20 {
        let mut rng = StdRng::seed_from_u64(seed);
        let stem = "They set up a press at Subiaco near _____ in 1465.";
        let kind = PlaceKind::City(String::new());
        let got = super::places("Rome", &kind, &places, 1, stem, Level::Medium, 3, &mut rng);
        assert!(!got.contains(&"Troy".to_owned()), "{got:?}");
        assert_eq!(got.len(), 3, "{got:?}");
    }
    assert!(lexicon::ruin("Troy") && !lexicon::ruin("Memphis") && !lexicon::ruin("Rome"));
}
