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
