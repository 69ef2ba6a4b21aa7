use rand::SeedableRng;
use rand::rngs::StdRng;

use super::*;

/// The ranges of a sentence: the gap's text and whether it is a range of years.
fn spans(text: &str, lang: Lang) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    spans_in(text, 0, lang, &mut out);
    out.iter()
        .map(|f| match &f.kind {
            Kind::Span(s) => (text[f.start..f.end].to_owned(), s.year),
            _ => unreachable!(),
        })
        .collect()
}

fn one(text: &str, lang: Lang) -> (String, bool) {
    let s = spans(text, lang);
    assert_eq!(s.len(), 1, "{text}: {s:?}");
    s[0].clone()
}

#[test]
fn ranges_are_read_in_each_language() {
    let year = |t: &str, l: Lang, g: &str| assert_eq!(one(t, l), (g.to_owned(), true), "{t}");
    let value = |t: &str, l: Lang, g: &str| assert_eq!(one(t, l), (g.to_owned(), false), "{t}");
    year(
        "The king reigned from about 1312 to 1337.",
        Lang::En,
        "1312 to 1337",
    );
    year("The war of 1904–1905 was short.", Lang::En, "1904–1905");
    value(
        "The fridge keeps its food between 0 °C and 5 °C.",
        Lang::En,
        "between 0 °C and 5 °C",
    );
    value(
        "The gas leaves at around 50 °C to 60 °C.",
        Lang::En,
        "50 °C to 60 °C",
    );
    value(
        "It yields about 30 to 32 molecules of sugar.",
        Lang::En,
        "30 to 32",
    );
    year("La trêve dura de 1337 à 1353.", Lang::Fr, "1337 à 1353");
    value("Le frigo reste entre 0 et 5 °C.", Lang::Fr, "entre 0 et 5");
    year(
        "La obra se hizo entre 1879 y 1884.",
        Lang::Es,
        "entre 1879 y 1884",
    );
    year("Gobernó de 1810 a 1830.", Lang::Es, "1810 a 1830");
    year(
        "Der Krieg dauerte von 1618 bis 1648.",
        Lang::De,
        "1618 bis 1648",
    );
    value(
        "Der Kühlschrank hält zwischen 0 und 5 °C.",
        Lang::De,
        "zwischen 0 und 5",
    );
}

#[test]
fn lists_chains_and_lone_numbers_are_no_range() {
    // "and" without "between" lists; a third number makes a chain; no unit, no range.
    assert!(spans("It happened in 1352 and 1356.", Lang::En).is_empty());
    assert!(spans("Es geschah 1352 und 1356.", Lang::De).is_empty());
    assert!(spans("Scores went from 3 to 7 to 9 points.", Lang::En).is_empty());
    assert!(spans("He counted 3 to 7.", Lang::En).is_empty());
    assert!(spans("It fell from 1500 to 1200.", Lang::En).is_empty());
    // A long war's century of years would get wrong spans centuries off.
    assert!(spans("La guerre dura de 1337 à 1453.", Lang::Fr).is_empty());
}

fn span(text: &str, lang: Lang) -> Span {
    let mut out = Vec::new();
    spans_in(text, 0, lang, &mut out);
    match out.remove(0).kind {
        Kind::Span(s) => s,
        _ => unreachable!(),
    }
}

/// The ends of a wrong range written in `form`'s words.
fn ends(s: &str) -> (f64, f64) {
    // "40.000" is forty thousand (a group of three after the dot), "2.5" a decimal.
    let n: Vec<f64> = s
        .split(|c: char| !c.is_ascii_digit() && c != '.')
        .map(|t| {
            let groups: Vec<&str> = t.split('.').collect();
            if groups.len() > 1 && groups[1..].iter().all(|g| g.len() == 3) {
                groups.concat()
            } else {
                t.to_string()
            }
        })
        .filter_map(|t| t.parse().ok())
        .collect();
    (n[0], n[1])
}

#[test]
fn wrong_ranges_keep_the_form_and_never_touch_the_key() {
    let none = Dates {
        stem: vec![],
        text: None,
        periods: vec![],
    };
    for (text, lang) in [
        ("The king reigned from about 1312 to 1337.", Lang::En),
        ("The pond stays between 20 °C and 25 °C.", Lang::En),
        ("The war of 1904–1905 was short.", Lang::En),
        ("L'étang reste entre 20 et 25 °C.", Lang::Fr),
        ("It takes 12.5 to 14.0 hours.", Lang::En),
        ("Ein Volk zählt 40.000 bis 60.000 Tiere.", Lang::De),
        ("Una colonia tiene entre 60.000 y 80.000 abejas.", Lang::Es),
        ("Le siège dure de 1627 à 1628.", Lang::Fr),
        ("The city grew from 1900 to 1910.", Lang::En),
    ] {
        let s = span(text, lang);
        let inclusive = if s.year { 1.0 } else { 0.0 };
        for level in [Level::Easy, Level::Medium, Level::Hard] {
            for seed in 0..5 {
                let w = wrong(
                    &s,
                    lang,
                    level,
                    false,
                    &none,
                    None,
                    3,
                    &mut StdRng::seed_from_u64(seed),
                );
                // An easy or medium one may find fewer on each side of a range near zero.
                assert!(
                    w.len() == 3 || level != Level::Hard && w.len() >= 2,
                    "{text}: {w:?}"
                );
                for o in &w {
                    assert!(o.starts_with(&s.form[0]) && o.ends_with(&s.form[2]), "{o}");
                    assert!(o.contains(&s.form[1]), "{o}");
                    let (lo, hi) = ends(o);
                    assert!((hi - lo - (s.high - s.low)).abs() < 1e-9, "{o}");
                    // No shared end, none inside the key's: past it, with a gap.
                    assert!(
                        lo - s.high > inclusive || s.low - hi > inclusive,
                        "{text}: {o}"
                    );
                    assert!(hi < s.low || lo > s.high, "{text}: {o}");
                    assert!(lo >= 0.0, "{o}");
                }
            }
        }
    }
    // Same precision: "2.5 to 4.0" is not offered "3 to 4.5".
    let s = span("It takes 12.5 to 14.0 hours.", Lang::En);
    let w = wrong(
        &s,
        Lang::En,
        Level::Hard,
        false,
        &none,
        None,
        3,
        &mut StdRng::seed_from_u64(1),
    );
    assert!(w.iter().all(|o| o.matches('.').count() == 2), "{w:?}");
    // The thousands separator of the longer end: "between 1,200 W and 1,700 W".
    let s = span("An oven draws between 700 W and 1,200 W.", Lang::En);
    let w = wrong(
        &s,
        Lang::En,
        Level::Medium,
        false,
        &none,
        None,
        3,
        &mut StdRng::seed_from_u64(2),
    );
    assert!(w.iter().any(|o| o.contains("1,")), "{w:?}");
    assert!(
        w.iter().all(|o| !o.contains("1200") && !o.contains("1700")),
        "{w:?}"
    );
    // "1 to 1.5 litres" is offered "2 to 2.5", not "2.0 to 2.5".
    let s = span("It holds 1 to 1.5 litres.", Lang::En);
    let w = wrong(
        &s,
        Lang::En,
        Level::Hard,
        false,
        &none,
        None,
        3,
        &mut StdRng::seed_from_u64(1),
    );
    assert!(w.iter().all(|o| o.matches('.').count() == 1), "{w:?}");
}

#[test]
fn a_share_in_per_cent_gets_no_wrong_range_past_a_hundred() {
    let none = Dates {
        stem: vec![],
        text: None,
        periods: vec![],
    };
    for (text, lang) in [
        (
            "An engine turns about 50 to 65 percent of its fuel into heat.",
            Lang::En,
        ),
        ("Un moteur perd de 50 à 65 % de son énergie.", Lang::Fr),
    ] {
        let s = span(text, lang);
        for seed in 0..5 {
            let w = wrong(
                &s,
                lang,
                Level::Easy,
                false,
                &none,
                Some(100.0),
                3,
                &mut StdRng::seed_from_u64(seed),
            );
            assert!(w.iter().all(|o| ends(o).1 <= 100.0), "{w:?}");
        }
    }
}

#[test]
fn hard_ranges_are_nearer_than_easy_ones() {
    let none = Dates {
        stem: vec![],
        text: None,
        periods: vec![],
    };
    let s = span("The king reigned from about 1312 to 1337.", Lang::En);
    let far = |level| {
        let w = wrong(
            &s,
            Lang::En,
            level,
            false,
            &none,
            None,
            3,
            &mut StdRng::seed_from_u64(3),
        );
        w.iter()
            .map(|o| (ends(o).0 - s.low).abs())
            .fold(0.0, f64::max)
    };
    assert!(far(Level::Hard) < far(Level::Medium));
    assert!(far(Level::Medium) < far(Level::Easy));
}

#[test]
fn wrong_year_ranges_keep_to_the_texts_dates() {
    let dates = Dates {
        stem: vec![],
        text: Some((1300, 1400)),
        periods: vec![],
    };
    let s = span("The king reigned from about 1312 to 1337.", Lang::En);
    for seed in 0..10 {
        let w = wrong(
            &s,
            Lang::En,
            Level::Easy,
            false,
            &dates,
            None,
            3,
            &mut StdRng::seed_from_u64(seed),
        );
        assert!(
            w.iter().all(|o| ends(o).0 >= 1300.0 && ends(o).1 <= 1400.0),
            "{w:?}"
        );
    }
}

#[test]
fn an_approximate_range_gets_wrong_ones_further_off_and_none_from_zero() {
    let none = Dates {
        stem: vec![],
        text: None,
        periods: vec![],
    };
    let s = span("It yields about 30 to 32 molecules of sugar.", Lang::En);
    for seed in 0..5 {
        let w = wrong(
            &s,
            Lang::En,
            Level::Medium,
            true,
            &none,
            None,
            3,
            &mut StdRng::seed_from_u64(seed),
        );
        // Not "28 to 30": sharing an end with an approximate range.
        assert!(
            w.iter().all(|o| ends(o).1 < 30.0 || ends(o).0 > 32.0),
            "{w:?}"
        );
    }
    let s = span("Microwaves go about 1 to 2 cm deep.", Lang::En);
    for seed in 0..5 {
        let w = wrong(
            &s,
            Lang::En,
            Level::Hard,
            false,
            &none,
            None,
            3,
            &mut StdRng::seed_from_u64(seed),
        );
        assert!(w.iter().all(|o| ends(o).0 > 0.0), "{w:?}");
    }
}

/// A made-up text: its ranges are asked whole, each with the label of a range, the key as
/// the text writes it, and wrong ranges of the same form; no end is asked alone.
#[test]
fn a_texts_ranges_are_asked_whole() {
    use crate::mcq;
    use crate::offline::{Ask, generate};
    use rand::SeedableRng;
    let text = "The Kingdom of Varn was a small state in the northern hills.\n\n\
        Queen Ilsa ruled Varn from about 1412 to 1437 and built its first stone bridge. \
        The old mill pond stays between 14 °C and 19 °C all winter. \
        The river carried 20 to 30 barges of grain each week to the coast. \
        In 1450 a long drought ended the trade, and the people moved south.";
    let ask = Ask {
        count: 10,
        rules: mcq::Rules::new(4),
        language: "English",
        difficulty: "medium",
        origin: "varn.txt",
    };
    let quiz = generate(text, &ask, &mut StdRng::seed_from_u64(5));
    let ranges: Vec<_> = quiz
        .iter()
        .filter(|q| {
            q.question.contains("Which years fill") || q.question.contains("Which values fill")
        })
        .collect();
    assert!(ranges.len() >= 2, "{quiz:#?}");
    for q in &ranges {
        let key = &q.options[q.answer_index];
        assert!(text.contains(key.as_str()), "{key}");
        let joiner = if key.contains(" and ") {
            " and "
        } else {
            " to "
        };
        assert!(
            q.options.iter().all(|o| o.contains(joiner)),
            "{:?}",
            q.options
        );
    }
    assert!(quiz.iter().all(|q| {
        !["1437", "1412", "19 °C", "14 °C"].contains(&q.options[q.answer_index].as_str())
    }));
}

#[test]
fn a_letter_that_grows_in_lower_case_after_a_range_is_no_panic() {
    // "Ⱥ" is two bytes, its lower case "ⱥ" three.
    let mut out = Vec::new();
    spans_in("from 3 to 7 Ⱥq_5.", 0, Lang::En, &mut out);
    spans_in("between 3 and 7 ȺȺȺȺ and 9", 0, Lang::En, &mut out);
}

#[test]
fn a_range_from_zero_is_not_asked_its_key_would_be_the_lowest() {
    let none = Dates::default();
    for (text, lang) in [
        ("The fridge keeps its food between 0 °C and 5 °C.", Lang::En),
        ("Le frigo reste entre 0 et 5 °C.", Lang::Fr),
    ] {
        let s = span(text, lang);
        for seed in 0..5 {
            let w = wrong(
                &s,
                lang,
                Level::Medium,
                false,
                &none,
                None,
                3,
                &mut StdRng::seed_from_u64(seed),
            );
            assert!(w.is_empty(), "{text}: {w:?}");
        }
    }
}
