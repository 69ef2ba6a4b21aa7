//! The wrong years' tests.
use super::*;
use rand::SeedableRng;
use rand::rngs::StdRng;

#[test]
fn wrong_years_are_near_on_hard_far_on_easy_and_on_both_sides() {
    let mut rng = StdRng::seed_from_u64(1);
    let mut below_seen = false;
    let mut above_seen = false;
    for _ in 0..20 {
        let hard = years(
            1850,
            None,
            Level::Hard,
            false,
            &Dates::default(),
            3,
            &mut rng,
        );
        assert_eq!(hard.len(), 3);
        for y in &hard {
            let y: i64 = y.parse().unwrap();
            assert!((1..=4).contains(&(y - 1850).abs()));
            below_seen |= y < 1850;
            above_seen |= y > 1850;
        }
        let easy = years(
            1850,
            None,
            Level::Easy,
            false,
            &Dates::default(),
            3,
            &mut rng,
        );
        assert!(
            easy.iter()
                .all(|y| (y.parse::<i64>().unwrap() - 1850).abs() >= 8)
        );
    }
    assert!(below_seen && above_seen);
    // Never a year still to come.
    let recent = years(
        2019,
        None,
        Level::Easy,
        false,
        &Dates::default(),
        3,
        &mut rng,
    );
    assert!(
        recent
            .iter()
            .all(|y| y.parse::<i64>().unwrap() <= LAST_YEAR),
        "{recent:?}"
    );
}

#[test]
fn an_old_approximate_date_gets_wrong_years_further_off() {
    let mut rng = StdRng::seed_from_u64(1);
    let got = years(
        2560,
        Some("BC"),
        Level::Hard,
        true,
        &Dates::default(),
        3,
        &mut rng,
    );
    let ys: Vec<i64> = got
        .iter()
        .map(|y| y.trim_end_matches(" BC").parse().unwrap())
        .collect();
    assert_eq!(ys.len(), 3);
    assert!(ys.iter().all(|y| y.abs_diff(2560) >= 90), "{got:?}");
    // A recent one keeps round decades, far enough that "around 1850" does not also cover
    // them; "vers 1900", rounder, is wider still (round 4: 1910 offered beside "vers 1900").
    let got = years(
        1850,
        None,
        Level::Hard,
        true,
        &Dates::default(),
        3,
        &mut rng,
    );
    assert!(got.iter().all(|y| {
        let d = y.parse::<i64>().unwrap().abs_diff(1850);
        (20..=40).contains(&d) && d % 10 == 0
    }));
    // One before Christ, as round as it (round 22: 2590 BCE beside "about 2500 BCE"), on both
    // sides of it; one after Christ is not taken into the future.
    for (year, era) in [(500, "BC"), (500, "AD"), (1000, "AD")] {
        let got = years(
            year,
            Some(era),
            Level::Easy,
            true,
            &Dates::default(),
            3,
            &mut rng,
        );
        let ys: Vec<i64> = (got.iter())
            .map(|y| y.split_whitespace().next().unwrap().parse().unwrap())
            .collect();
        assert!(ys.iter().all(|y| *y <= 2025 || era == "BC"), "{got:?}");
        if era == "BC" {
            assert!(
                ys.iter().any(|y| *y < year) && ys.iter().any(|y| *y > year),
                "{got:?}"
            );
        }
    }
    let got = years(
        2500,
        Some("BCE"),
        Level::Medium,
        true,
        &Dates::default(),
        3,
        &mut rng,
    );
    assert!(
        got.iter().all(|y| {
            let y: i64 = y.trim_end_matches(" BCE").parse().unwrap();
            y % 500 == 0 && y != 2500
        }),
        "{got:?}"
    );
    let got = years(
        1900,
        None,
        Level::Hard,
        true,
        &Dates::default(),
        3,
        &mut rng,
    );
    assert!(
        got.iter()
            .all(|y| y.parse::<i64>().unwrap().abs_diff(1900) >= 50),
        "{got:?}"
    );
}

#[test]
fn wrong_years_keep_to_the_side_of_the_stems_dates_and_within_the_text() {
    for seed in 0..30 {
        let mut rng = StdRng::seed_from_u64(seed);
        let all = |got: &[String]| -> Vec<i64> { got.iter().map(|y| y.parse().unwrap()).collect() };
        // "The war that began in 1914 ended in _____": none before 1914 or on it.
        let dates = Dates {
            stem: vec![1914],
            text: None,
            periods: vec![],
        };
        let got = all(&years(
            1918,
            None,
            Level::Medium,
            false,
            &dates,
            3,
            &mut rng,
        ));
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got.iter().all(|y| *y > 1914), "{got:?}");
        // A text that ends in 1990: a year of 1989 is not offered 1992.
        let dates = Dates {
            stem: vec![],
            text: Some((1949, 1990)),
            periods: vec![],
        };
        let got = all(&years(
            1989,
            None,
            Level::Medium,
            false,
            &dates,
            3,
            &mut rng,
        ));
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got.iter().all(|y| *y <= 1990), "{got:?}");
        // The text's first year itself may be offered earlier ones.
        let got = all(&years(1949, None, Level::Hard, false, &dates, 3, &mut rng));
        assert_eq!(got.len(), 3, "{got:?}");
        // The key is not always the option nearest the stem's date: one wrong year lies
        // between them ("in 1839, and in 1842 they moved").
        let dates = Dates {
            stem: vec![1842],
            text: None,
            periods: vec![],
        };
        let got = all(&years(1839, None, Level::Hard, false, &dates, 3, &mut rng));
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got.iter().any(|y| *y == 1840 || *y == 1841), "{got:?}");
        assert!(got.iter().all(|y| *y < 1842), "{got:?}");
        // A date further off as well ("published in 1818 …, and a revised edition in _____").
        let dates = Dates {
            stem: vec![1818],
            text: None,
            periods: vec![],
        };
        let got = all(&years(
            1831,
            None,
            Level::Medium,
            false,
            &dates,
            3,
            &mut rng,
        ));
        assert!(got.iter().any(|y| (1818..1831).contains(y)), "{got:?}");
        // No nearer than the level allows: "vers 1412" is not offered 1413, nor 1420.
        let dates = Dates {
            stem: vec![1453],
            text: None,
            periods: vec![],
        };
        let got = all(&years(1412, None, Level::Medium, true, &dates, 3, &mut rng));
        assert!(got.iter().all(|y| y.abs_diff(1412) >= 12), "{got:?}");
        let got = all(&years(
            1327,
            None,
            Level::Hard,
            true,
            &Dates::default(),
            3,
            &mut rng,
        ));
        assert!(got.iter().all(|y| y.abs_diff(1327) >= 8), "{got:?}");
        // With none between ("in 1563 …, and in _____"), no question.
        let dates = Dates {
            stem: vec![1563],
            text: None,
            periods: vec![],
        };
        assert!(years(1564, None, Level::Medium, false, &dates, 3, &mut rng).is_empty());
        // No room between two dates: too few, and the question is not written.
        let dates = Dates {
            stem: vec![1837, 1839],
            text: None,
            periods: vec![],
        };
        assert!(years(1838, None, Level::Medium, false, &dates, 3, &mut rng).len() < 3);
    }
}

/// Medium wrong years stay within six years of the key (a date of 1944 is not offered 1938 or
/// 1949: the period the stem tells rules them out), and are not all one year apart.
#[test]
fn medium_wrong_years_stay_within_six_years() {
    let mut rng = StdRng::seed_from_u64(4);
    for _ in 0..50 {
        let got = years(
            1944,
            None,
            Level::Medium,
            false,
            &Dates::default(),
            3,
            &mut rng,
        );
        assert_eq!(got.len(), 3, "{got:?}");
        let ys: Vec<i64> = got.iter().map(|y| y.parse().unwrap()).collect();
        assert!(
            ys.iter().all(|y| (1..=6).contains(&(y - 1944).abs())),
            "{ys:?}"
        );
    }
}

#[test]
fn a_wrong_year_stays_inside_a_known_period_the_sentence_names() {
    for seed in 0..20 {
        let mut rng = StdRng::seed_from_u64(seed);
        let all = |got: &[String]| -> Vec<i64> { got.iter().map(|y| y.parse().unwrap()).collect() };
        // "Pendant la Première Guerre mondiale, en _____": within 1914 to 1918.
        let war = Dates {
            stem: vec![],
            text: None,
            periods: vec![(1914, 1918)],
        };
        let got = all(&years(1915, None, Level::Medium, false, &war, 3, &mut rng));
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got.iter().all(|y| (1914..=1918).contains(y)), "{got:?}");
        // After it, after it: "After the First World War, in _____".
        let got = all(&years(1921, None, Level::Medium, false, &war, 3, &mut rng));
        assert!(got.iter().all(|y| *y > 1918), "{got:?}");
        // Its own last year ("The war ended in _____") is asked like any other.
        let got = all(&years(1918, None, Level::Medium, false, &war, 3, &mut rng));
        assert!(got.iter().any(|y| *y > 1918 || *y < 1914), "{got:?}");
    }
}

#[test]
fn a_year_with_an_era_keeps_to_the_century_the_stem_names() {
    let d = Dates {
        periods: vec![(300, 399)],
        ..Dates::default()
    };
    // A key near the century's start: unbounded, wrong years fall before it (review).
    for seed in 0..20 {
        let mut rng = StdRng::seed_from_u64(seed);
        let wrong = years(303, Some("CE"), Level::Easy, false, &d, 3, &mut rng);
        assert!(!wrong.is_empty());
        for y in wrong {
            let n: i64 = y.trim_end_matches(" CE").parse().unwrap();
            assert!((300..=399).contains(&n), "{y}");
        }
    }
}
