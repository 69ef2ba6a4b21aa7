//! Ordering questions' tests: the events a text's dated sentences give, and the options chosen.
use super::*;
use rand::SeedableRng;

/// A history whose dated sentences open or close with their date, or carry a day's date in the
/// middle.
const HARBOUR: &str = "The Harbour Railway\n\n\
    In 1831, engineers surveyed a route along the northern coast. \
    Coal trains ran from the mines to the port in 1840. \
    The railway opened a branch line on 3 May 1852 to serve the fishing villages. \
    In July 1866, a storm destroyed the wooden bridge over the estuary. \
    Passenger services along the whole coast ended in 1931.";

fn texts(events: &[Event]) -> Vec<(i64, &str)> {
    events.iter().map(|e| (e.year, e.text.as_str())).collect()
}

/// A history whose dated sentences open or close with their date, or carry a day's date in the
/// middle: each is an event without its date.
#[test]
fn dated_sentences_become_events_without_their_dates() {
    let text = HARBOUR;
    let reading = Reading::new(text, 4);
    let events = events(&reading);
    assert_eq!(
        texts(&events),
        [
            (1831, "Engineers surveyed a route along the northern coast"),
            (1840, "Coal trains ran from the mines to the port"),
            (
                1852,
                "The railway opened a branch line to serve the fishing villages"
            ),
            (1866, "A storm destroyed the wooden bridge over the estuary"),
            (1931, "Passenger services along the whole coast ended"),
        ]
    );
}

/// What does not stand on its own as an option is no event: a pronoun with nothing to point
/// to, a date after a participle ("built in 1850, …"), two dates, an approximate year, a word
/// that tells the order ("later", "died"), two statements.
#[test]
fn events_that_lean_or_give_their_place_away_are_left_out() {
    let text = "The Old Mill\n\n\
        Farmers grazed sheep on the hills above the valley. \
        In 1790 it was rebuilt in stone by the new owners. \
        The wheel, built in 1850, turned the stones for a century. \
        The mill ground wheat from 1860 to 1875 for the local bakers. \
        Around 1900 the owners sold the mill to a brewery in town. \
        In 1912 the last miller died in the house beside the river. \
        In 1920 the roof fell: the walls stood open to the rain.";
    let reading = Reading::new(text, 4);
    assert_eq!(texts(&events(&reading)), []);
}

/// A long sentence is cut before the relative clause that ends it, when what is left is whole;
/// a relative clause in the middle leaves no whole statement.
#[test]
fn a_long_event_is_cut_before_a_relative_clause_that_ends_it() {
    let cut = option_of(
        "The young chemist attended an international congress at Karlsruhe, where a \
         colleague argued for one consistent set of atomic weights.",
        Lang::En,
    );
    assert_eq!(
        cut.as_deref(),
        Some("The young chemist attended an international congress at Karlsruhe")
    );
    let apposition = option_of(
        "The new engine was designed by a small team of engineers at Harwick Works, a company \
         that belonged to a large railway group.",
        Lang::En,
    );
    assert_eq!(
        apposition.as_deref(),
        Some("The new engine was designed by a small team of engineers at Harwick Works")
    );
    let figures = option_of(
        "The surveyors of the northern district reached the summit of the high ridge, \
         which rises to about 1,220 metres.",
        Lang::En,
    );
    assert_eq!(
        figures.as_deref(),
        Some("The surveyors of the northern district reached the summit of the high ridge")
    );
    let open = option_of(
        "Le chimiste découvre qu'une culture vieillie du microbe des poules, inoculée aux \
         volailles, les protège de la maladie.",
        Lang::Fr,
    );
    assert_eq!(open, None);
    let middle = option_of(
        "The old stone bridge across the river, which the town had built with money from the \
         wool trade, was finally washed away by the floods.",
        Lang::En,
    );
    assert_eq!(middle, None);
    let de = option_of(
        "Die beiden Forscher gründeten in der Stadt eine kleine Werkstatt, die sie mit dem Geld \
         eines reichen Kaufmanns aus Mannheim ausstatteten.",
        Lang::De,
    );
    assert_eq!(
        de.as_deref(),
        Some("Die beiden Forscher gründeten in der Stadt eine kleine Werkstatt")
    );
}

/// The date's words go with it, in each language: "on 3 May", "le 24 octobre", "el 15 de
/// agosto de", "am 2. April", "im Jahr"; a year with no such word is no date taken out.
#[test]
fn a_dates_words_are_taken_out_with_it() {
    for (before, lang, kept) in [
        (
            "The line opened on 3 May ",
            Lang::En,
            Some("The line opened"),
        ),
        (
            "The line opened on May 3, ",
            Lang::En,
            Some("The line opened"),
        ),
        ("In July ", Lang::En, Some("")),
        ("The fort fell in ", Lang::En, Some("The fort fell")),
        ("the ", Lang::En, None),
        (
            "Le fort est repris le 24 octobre ",
            Lang::Fr,
            Some("Le fort est repris"),
        ),
        ("Le 1er juillet ", Lang::Fr, Some("")),
        (
            "El canal se inauguró el 15 de agosto de ",
            Lang::Es,
            Some("El canal se inauguró"),
        ),
        ("Sie starb am 13. Januar ", Lang::De, Some("Sie starb")),
        ("Im Jahr ", Lang::De, Some("")),
    ] {
        assert_eq!(date_opened(before, lang), kept, "{before}");
    }
    // A connective after the date goes too.
    assert_eq!(
        undated(
            "In ",
            ", however, the company failed to pay its workers.",
            Lang::En
        )
        .as_deref(),
        Some("The company failed to pay its workers.")
    );
    // German keeps a date that opens its sentence: without it the verb comes first.
    assert_eq!(
        undated(
            "Im Jahr ",
            " gründete Benz die Firma in Mannheim.",
            Lang::De
        ),
        None
    );
    assert_eq!(
        undated("Die Firma zog am 2. April ", " nach Mannheim um.", Lang::De).as_deref(),
        Some("Die Firma zog nach Mannheim um.")
    );
    // A date that is the sentence's point says something else without it.
    assert_eq!(
        undated(
            "France recognised Haitian independence only in ",
            ".",
            Lang::En
        ),
        None
    );
    assert_eq!(
        undated(
            "France formally recognised Haitian independence in ",
            ".",
            Lang::En
        )
        .as_deref(),
        Some("France formally recognised Haitian independence.")
    );
    // A date after a participle tells no event of the main clause.
    assert_eq!(
        undated(
            "The waves, predicted by a physicist in ",
            " make the ground roll.",
            Lang::En
        ),
        None
    );
}

#[test]
fn events_that_tell_much_the_same_overlap() {
    let main = Some("Curie");
    let a = "Marie Curie won the Nobel Prize in Physics";
    let b = "Marie Curie won the Nobel Prize in Chemistry";
    let c = "Marie Curie discovered polonium with her husband";
    assert!(overlap(a, b, main, Lang::En));
    assert!(!overlap(a, c, main, Lang::En));
}

fn ev(sentence: usize, year: i64, text: &str) -> Event {
    Event {
        sentence,
        year,
        text: text.to_owned(),
    }
}

/// The options' years are two apart or more, the key is the first (or the last) of them, and
/// never an event whose year another question prints beside it.
#[test]
fn options_are_two_years_apart_and_the_key_is_the_first_or_last() {
    let events = [
        ev(0, 1801, "The city built a harbour wall against the storms"),
        ev(1, 1802, "A merchant guild opened a bank near the market"),
        ev(2, 1810, "The first steamship reached the northern quay"),
        ev(3, 1825, "A railway linked the harbour with the capital"),
        ev(
            4,
            1840,
            "The town council paved the streets of the old quarter",
        ),
    ];
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    for _ in 0..20 {
        let picked = choose(&events, End::First, None, Lang::En, (&[], &[]), 4, &mut rng).unwrap();
        let years: Vec<i64> = picked.iter().map(|e| e.year).collect();
        assert_eq!(years.iter().min(), Some(&years[0]));
        assert!(
            !(years.contains(&1801) && years.contains(&1802)),
            "{years:?}"
        );
    }
    let last = choose(&events, End::Last, None, Lang::En, (&[], &[]), 4, &mut rng).unwrap();
    assert_eq!(last[0].year, 1840);
    // 1840's year printed elsewhere beside its event: no "last" question.
    assert!(choose(&events, End::Last, None, Lang::En, (&[], &[4]), 4, &mut rng).is_none());
    // The sentences of an earlier ordering question's options are not taken again.
    assert!(
        choose(
            &events,
            End::First,
            None,
            Lang::En,
            (&[0, 1], &[]),
            4,
            &mut rng
        )
        .is_none()
    );
}

/// In a life, the options are the main person's events when there are enough of them.
#[test]
fn in_a_life_the_options_are_the_main_persons_events() {
    let events = [
        ev(0, 1850, "Ada Brown opened a school for girls in the valley"),
        ev(1, 1853, "A flood destroyed the mill and the bridge"),
        ev(2, 1856, "Ada Brown published a book on local plants"),
        ev(3, 1860, "Ada Brown founded a society of naturalists"),
        ev(4, 1864, "Ada Brown travelled to the mountains of the south"),
    ];
    let mut rng = rand::rngs::StdRng::seed_from_u64(2);
    for _ in 0..10 {
        let picked = choose(
            &events,
            End::First,
            Some("Brown"),
            Lang::En,
            (&[], &[]),
            4,
            &mut rng,
        );
        let picked = picked.unwrap();
        assert!(picked.iter().all(|e| e.sentence != 1));
        assert_eq!(picked[0].year, 1850);
    }
}

/// A whole quiz from a history with dated events asks one ordering question, whose key is the
/// first event, and no other question prints the key's year beside its event.
#[test]
fn a_quiz_from_a_dated_history_asks_which_came_first() {
    let text = HARBOUR;
    let ask = Ask {
        count: 10,
        rules: crate::mcq::Rules::new(4),
        language: "English",
        difficulty: "medium",
        origin: "rail.txt",
    };
    let mut rng = rand::rngs::StdRng::seed_from_u64(5);
    let quiz = crate::offline::generate(text, &ask, &mut rng);
    let first: Vec<_> = (quiz.iter())
        .filter(|q| q.question == "According to the text, which of these happened first?")
        .collect();
    assert_eq!(first.len(), 1, "{quiz:#?}");
    let q = first[0];
    let key = &q.options[q.answer_index];
    let year = ["1831", "1840", "1852", "1866"]
        .into_iter()
        .find(|y| q.explanation.contains(y))
        .unwrap();
    assert!(
        q.options.iter().all(|o| !o.contains(char::is_numeric)),
        "{q:?}"
    );
    for other in quiz.iter().filter(|o| o.question != q.question) {
        assert!(
            !(other.question.contains(year) && other.question.contains(&key[5..20])),
            "{other:?}"
        );
    }
}

/// An option that leans on what it does not say is none: an object pronoun ("lo"), a subject
/// left out, an age, a time of day, a date in a cleft ("C'est en 1931 qu'il …").
#[test]
fn options_with_an_object_pronoun_an_age_or_a_time_are_none() {
    assert_eq!(
        option_of("Un tranvía lo atropelló cerca de la plaza mayor.", Lang::Es),
        None
    );
    assert_eq!(
        option_of(
            "Dirigió la campaña contra los realistas en el norte.",
            Lang::Es
        ),
        None
    );
    assert_eq!(
        option_of(
            "À l'âge de dix ans, Louis entre dans une école de Paris.",
            Lang::Fr
        ),
        None
    );
    assert_eq!(
        option_of(
            "Vers 7 h 15, les canons ouvrent le feu sur la ville.",
            Lang::Fr
        ),
        None
    );
    assert_eq!(
        option_of(
            "At 6:30 the first ships left the northern harbour.",
            Lang::En
        ),
        None
    );
    assert_eq!(
        undated(
            "C'est aussi en ",
            " qu'il épouse une artiste de la ville.",
            Lang::Fr
        ),
        None
    );
    assert_eq!(
        option_of(
            "El ingeniero abrió un taller mecánico en la ciudad.",
            Lang::Es
        )
        .as_deref(),
        Some("El ingeniero abrió un taller mecánico en la ciudad")
    );
    assert_eq!(
        option_of(
            "Nommé professeur à Lyon, il y épouse la fille du recteur.",
            Lang::Fr
        ),
        None
    );
}
