//! The filters' tests, each from the kind of sentence that motivated its filter.
use super::*;
use crate::offline::detect::Value;

pub(super) fn draft<'a>(
    kind: &'a Kind,
    sentence: &'a str,
    answer: &'a str,
    lang: Lang,
) -> Draft<'a> {
    let at = sentence.find(answer).unwrap();
    Draft {
        lang,
        kind,
        before: &sentence[..at],
        answer,
        after: &sentence[at + answer.len()..],
        context: None,
        title: None,
        main: None,
        sex: None,
        forms: &[],
        example: false,
    }
}

/// Whether the named filter strikes the draft (others may as well).
pub(super) fn struck(d: &Draft<'_>, name: &str) -> bool {
    FILTERS.iter().any(|f| f.name == name && (f.strikes)(d))
}

pub(super) fn value(amount: f64) -> &'static Kind {
    Box::leak(Box::new(value_kind(amount)))
}

pub(super) fn value_kind(amount: f64) -> Kind {
    Kind::Value(Value {
        amount,
        decimals: 0,
        word: false,
        times: None,
        unit: String::new(),
        percent: false,
    })
}

#[test]
fn every_filter_has_a_unique_name_and_a_reason() {
    let mut names: Vec<&str> = FILTERS.iter().map(|f| f.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), FILTERS.len());
    assert!(
        FILTERS
            .iter()
            .all(|f| f.why.split_whitespace().count() >= 6)
    );
}

#[test]
fn the_answer_or_its_stem_in_the_stem_is_struck() {
    let term = Kind::Term;
    let d = draft(
        &term,
        "Liquid flows up a very narrow tube called a capillary tube.",
        "capillary tube",
        Lang::En,
    );
    assert!(struck(&d, "answer-in-stem"));
    // A hyphenated term's word ("Americium-241" for "an isotope of americium").
    let d = draft(
        &term,
        "The alarm holds a tiny amount of a radioactive isotope of americium, Americium-241.",
        "Americium-241",
        Lang::En,
    );
    assert!(struck(&d, "answer-in-stem"));
    let place = Kind::Place(crate::offline::lexicon::PlaceKind::Country("Asian".into()));
    let d = draft(
        &place,
        "The Chinese part of the river flows out of China into Laos.",
        "Laos",
        Lang::En,
    );
    assert!(!struck(&d, "answer-in-stem"));
    let d = draft(
        &place,
        "The Chinese part of the river is longer than any in China.",
        "China",
        Lang::En,
    );
    assert!(struck(&d, "answer-in-stem"));
    let three = value(3.0);
    let d = draft(
        three,
        "Divide the time by three and wait 3 seconds before counting again.",
        "3 seconds",
        Lang::En,
    );
    assert!(struck(&d, "answer-in-stem"));
}

#[test]
fn one_item_of_a_list_is_struck() {
    let place = Kind::Place(crate::offline::lexicon::PlaceKind::Country(
        "European".into(),
    ));
    let d = draft(
        &place,
        "Eight countries share the range: France, Monaco, Italy and others.",
        "France",
        Lang::En,
    );
    assert!(struck(&d, "one-of-a-list"));
    let d = draft(
        value(5.0),
        "Most families had four or 5 children at the time in the valley.",
        "5 children",
        Lang::En,
    );
    assert!(struck(&d, "one-of-a-list"));
}

#[test]
fn one_end_of_a_range_and_a_share_by_subtraction_are_struck() {
    let d = draft(
        value(1.5),
        "The glands produce about 1 to 1.5 litres of saliva a day.",
        "1.5 litres",
        Lang::En,
    );
    assert!(struck(&d, "range"));
    let d = draft(
        value(4.0),
        "After two to four hours of churning the food is liquid.",
        "four hours",
        Lang::En,
    );
    assert!(struck(&d, "range"));
    let mut share = value_kind(97.0);
    if let Kind::Value(v) = &mut share {
        v.percent = true;
    }
    let d = draft(
        &share,
        "About 97 percent of the water is salt, and only 3 percent is fresh.",
        "97 percent",
        Lang::En,
    );
    assert!(struck(&d, "answer-in-stem"));
}

#[test]
fn bounds_and_other_dates_and_listed_names_are_struck() {
    let d = draft(
        value(8848.0),
        "The peak rises higher than 8848 metres above the sea.",
        "8848 metres",
        Lang::En,
    );
    assert!(struck(&d, "bound"));
    let d = draft(
        value(1000.0),
        "The hot zone lies below about 1000 metres in the valleys.",
        "1000 metres",
        Lang::En,
    );
    assert!(struck(&d, "bound"));
    // A preposition that is a bound too ("under") is one only right before the value.
    let year = Kind::Year { era: None };
    let d = draft(
        &year,
        "A revised edition appeared under her name in 1831.",
        "1831",
        Lang::En,
    );
    assert!(!struck(&d, "bound"));
    // A plural comparative ("inferiores a").
    let d = draft(
        value(10.0),
        "Muchas zonas tienen densidades a veces inferiores a 10 habitantes por km².",
        "10 habitantes",
        Lang::Es,
    );
    assert!(struck(&d, "bound"));
    let d = draft(
        value(3.0),
        "The small intestine has 3 parts: the duodenum, the jejunum and the ileum.",
        "3 parts",
        Lang::En,
    );
    assert!(struck(&d, "count-of-names"));
    // Zero counts no names ("stays at 0 °C until all of the ice has gone").
    let d = draft(
        value(0.0),
        "The thermometer reading stays at 0 °C until all of the Ice has gone.",
        "0 °C",
        Lang::En,
    );
    assert!(!struck(&d, "count-of-names"));
    let d = draft(
        value(20000.0),
        "Human hearing ranges up to 20000 hertz (20 kHz) in the young.",
        "20000 hertz",
        Lang::En,
    );
    assert!(struck(&d, "restated"));
    let d = draft(
        value(6961.0),
        "The highest peak is Aconcagua, at 6961 metres, in Argentina.",
        "6961 metres",
        Lang::En,
    );
    assert!(struck(&d, "superlative"));
    let d = draft(
        value(2300.0),
        "The kettle has a power of 2300 watts, or 2.3 kW, at full heat.",
        "2300 watts",
        Lang::En,
    );
    assert!(struck(&d, "restated"));
    let d = draft(
        &Kind::Person,
        "In 1877 the German geographer Ferdinand von Richthofen named the route.",
        "Ferdinand von Richthofen",
        Lang::En,
    );
    assert!(struck(&d, "role-before"));
    // A verb before the name is no role.
    let d = draft(
        &Kind::Person,
        "After the storm the old farmer tells Lennie a story about the rabbits.",
        "Lennie",
        Lang::En,
    );
    assert!(!struck(&d, "role-before"));
    // A role in apposition after the gap narrows it too; a clause after a comma does not.
    for (sentence, answer, lang) in [
        (
            "The monks, led by Thomas Arundel, the archbishop of Canterbury, refused.",
            "Thomas Arundel",
            Lang::En,
        ),
        (
            "Les moines, menés par Thomas Arundel, l'archevêque de Cantorbéry, refusent.",
            "Thomas Arundel",
            Lang::Fr,
        ),
        (
            "La expedición la dirigía Diego Almagro, el socio de Pizarro, desde Panamá.",
            "Diego Almagro",
            Lang::Es,
        ),
        (
            "Die Mönche führte Thomas Arundel, der Erzbischof von Canterbury, an.",
            "Thomas Arundel",
            Lang::De,
        ),
    ] {
        let d = draft(&Kind::Person, sentence, answer, lang);
        assert!(struck(&d, "role-before"), "{sentence}");
    }
    for (sentence, lang) in [
        (
            "The monks were led by Thomas Arundel, and the king gave way.",
            Lang::En,
        ),
        // What the text teaches of someone is no title: "a servant of the family".
        (
            "Thomas Arundel, a servant of the family, is accused of the theft.",
            Lang::En,
        ),
        // A relative pronoun is no article: "der seit 1971 …".
        (
            "Im Oktober musste Thomas Arundel, der seit 1971 regierte, gehen.",
            Lang::De,
        ),
    ] {
        let d = draft(&Kind::Person, sentence, "Thomas Arundel", lang);
        assert!(!struck(&d, "role-before"), "{sentence}");
    }
    let mut age = value_kind(84.0);
    if let Kind::Value(v) = &mut age {
        v.unit = "Jahren".into();
    }
    let d = draft(
        &age,
        "Benz starb 1929 in Ladenburg im Alter von 84 Jahren.",
        "84 Jahren",
        Lang::De,
    );
    assert!(struck(&d, "worked-out"));
    let mut chromosomes = value_kind(46.0);
    if let Kind::Value(v) = &mut chromosomes {
        v.unit = "chromosomes".into();
    }
    let d = draft(
        &chromosomes,
        "A human body cell contains 46 chromosomes, arranged in 23 pairs of two each.",
        "46 chromosomes",
        Lang::En,
    );
    assert!(struck(&d, "worked-out"));
    let d = draft(
        value(2.0),
        "The 2 generals, Grant and Lee, met at Appomattox Court House.",
        "2 generals",
        Lang::En,
    );
    assert!(struck(&d, "count-of-names"));
}

#[test]
fn places_that_span_and_gendered_who_are_struck() {
    let place = Kind::Place(crate::offline::lexicon::PlaceKind::Country(
        "South American".into(),
    ));
    let d = draft(
        &place,
        "The mountains run through Peru from north to south for thousands of kilometres.",
        "Peru",
        Lang::En,
    );
    assert!(struck(&d, "place-with-many-answers"));
    let city = Kind::Place(crate::offline::lexicon::PlaceKind::City("Sudan".into()));
    let d = draft(
        &city,
        "The White Nile and the Blue Nile meet at Khartoum, the capital of Sudan, in a wide plain.",
        "Khartoum",
        Lang::En,
    );
    assert!(struck(&d, "apposition-after"));
    let d = draft(
        &city,
        "The two rivers meet at Khartoum after a long journey through the desert.",
        "Khartoum",
        Lang::En,
    );
    assert!(!struck(&d, "apposition-after"));
    let d = draft(
        &Kind::Person,
        "Marie Curie won her second Nobel Prize for chemistry.",
        "Marie Curie",
        Lang::En,
    );
    assert!(struck(&d, "gendered-who"));
    // A marriage tells the spouse's sex (round 9: men offered for Ochoa's wife).
    let (who, wife) = (
        "En 1931, Ochoa se casó con Carmen García Cobián.",
        "Carmen García Cobián",
    );
    assert!(struck(
        &draft(&Kind::Person, who, wife, Lang::Es),
        "gendered-who"
    ));
}

#[test]
fn a_gendered_who_stands_when_the_answer_is_known_of_the_sex_it_tells() {
    use crate::offline::sex::Sex;
    let mut d = draft(
        &Kind::Person,
        "Marie Curie won her second Nobel Prize for chemistry.",
        "Marie Curie",
        Lang::En,
    );
    // Known a woman: "her" fits, and her wrong answers are women (`make_gap`).
    d.sex = Some(Sex::Female);
    assert!(!struck(&d, "gendered-who"));
    // Known a man, but the stem says only "her": it is someone else's, or the sex is wrong.
    d.sex = Some(Sex::Male);
    assert!(struck(&d, "gendered-who"));
    let mut d = draft(
        &Kind::Person,
        "Curley, the boss's son, is a former boxer who picks fights.",
        "Curley",
        Lang::En,
    );
    d.sex = Some(Sex::Male);
    assert!(!struck(&d, "gendered-who"));
    // German "sie" is "they" too: it tells no woman.
    let mut d = draft(
        &Kind::Person,
        "Bertha Benz fuhr 1888 mit ihren Söhnen nach Pforzheim, wo sie Verwandte besuchte.",
        "Bertha Benz",
        Lang::De,
    );
    d.sex = Some(Sex::Female);
    assert!(struck(&d, "gendered-who"));
}

#[test]
fn broken_text_and_the_topic_are_struck() {
    let year = Kind::Year { era: None };
    let d = draft(
        &year,
        "The king- doms of the north were united in 1397 by a queen.",
        "1397",
        Lang::En,
    );
    assert!(struck(&d, "broken-text"));
    // A suspended compound is whole text.
    let d = draft(
        &year,
        "Um 1400 machten die Vitalienbrüder, eine Gruppe von Seeräubern, die Nord- und Ostsee unsicher.",
        "1400",
        Lang::De,
    );
    assert!(!struck(&d, "broken-text"));
    let mut d = draft(
        &Kind::Person,
        "Ada Lovelace wrote the first published program for a machine.",
        "Ada Lovelace",
        Lang::En,
    );
    d.title = Some("Ada Lovelace: a life");
    assert!(struck(&d, "topic"));
    // The main person of a biography, with no title.
    let mut d = draft(
        &Kind::Person,
        "Victor Hugo est l'un des écrivains les plus importants de la littérature française.",
        "Victor Hugo",
        Lang::Fr,
    );
    assert!(!struck(&d, "topic"));
    d.main = Some("Hugo");
    assert!(struck(&d, "topic"));
    let d = draft(value(20.0), "Prices rose 20 times.", "20 times", Lang::En);
    assert!(struck(&d, "says-too-little"));
    // A term named for the sentence shown before it says enough with it.
    let d = Draft {
        lang: Lang::En,
        kind: &Kind::Term,
        before: "This reaction is called ",
        answer: "neutralisation",
        after: ".",
        context: Some("When an acid reacts with a base, the products are a salt and water."),
        title: None,
        main: None,
        sex: None,
        forms: &[],
        example: false,
    };
    assert!(!struck(&d, "says-too-little"));
}

#[test]
fn another_date_is_struck_only_beside_a_count_of_years() {
    let year = Kind::Year { era: None };
    // A date alone rules nothing out: the wrong years keep to its side (`distract::years`).
    let d = draft(
        &year,
        "The First World War, which began in 1914, ended with an armistice in 1918.",
        "1918",
        Lang::En,
    );
    assert!(!struck(&d, "other-dates"));
    let d = draft(
        &year,
        "Darwin married his cousin in 1839, and in 1842 they moved to Kent.",
        "1839",
        Lang::En,
    );
    assert!(!struck(&d, "other-dates"));
    // The digits of a grouped number are no date.
    let d = draft(
        &year,
        "Im Jahr 1901 wurden rund 1.200 Exemplare gebaut.",
        "1901",
        Lang::De,
    );
    assert!(!struck(&d, "other-dates"));
    // A count of years and a date tell the answer by addition.
    let mut d = draft(
        &year,
        "Four years later, in 1948, the National Party won the election.",
        "1948",
        Lang::En,
    );
    d.context = Some("In 1944 Mandela joined the African National Congress.");
    assert!(struck(&d, "other-dates"));
    let d = draft(
        &year,
        "Les travaux commencent en 1887 et s'achèvent en 1889, soit en deux ans et deux mois.",
        "1889",
        Lang::Fr,
    );
    assert!(struck(&d, "other-dates"));
    let d = draft(
        &year,
        "Die Schule öffnete 1920, und ein Jahr danach kam 1921 die erste Klasse.",
        "1921",
        Lang::De,
    );
    assert!(struck(&d, "other-dates"));
    // A count that leads to no date of the stem tells nothing.
    let d = draft(
        &year,
        "In 1589 he taught at Pisa, and in 1592 he moved to Padua, where he taught for eighteen years.",
        "1589",
        Lang::En,
    );
    assert!(!struck(&d, "other-dates"));
}

#[test]
fn a_bound_after_the_value_is_struck() {
    let d = draft(
        value(30.0),
        "La nuit, le thermomètre peut perdre 30 degrés ou davantage.",
        "30 degrés",
        Lang::Fr,
    );
    assert!(struck(&d, "bound"));
    let d = draft(
        value(30.0),
        "Some camels drink 100 litres or more in ten minutes.",
        "100 litres",
        Lang::En,
    );
    assert!(struck(&d, "bound"));
    let d = draft(
        value(40.0),
        "En été, la température dépasse souvent 40 °C l'après-midi.",
        "40 °C",
        Lang::Fr,
    );
    assert!(struck(&d, "bound"));
    // An article between, or two words and an article.
    let d = draft(
        value(40.0),
        "Los huracanes nacen sobre mares cuya agua supera los 26 °C.",
        "26 °C",
        Lang::Es,
    );
    assert!(struck(&d, "bound"));
    let d = draft(
        value(40.0),
        "En verano, la temperatura supera a menudo los 40 °C por la tarde.",
        "40 °C",
        Lang::Es,
    );
    assert!(struck(&d, "bound"));
    // A value not reached: any larger one is as true.
    for (s, v, lang) in [
        (
            "En el interior, las lluvias no alcanzan los 300 mm al año.",
            "300 mm",
            Lang::Es,
        ),
        (
            "La densité n'atteint pas 4 habitants par km².",
            "4 habitants",
            Lang::Fr,
        ),
        (
            "In winter the sea ice does not reach 60 cm in the south.",
            "60 cm",
            Lang::En,
        ),
    ] {
        let d = draft(value(300.0), s, v, lang);
        assert!(struck(&d, "bound"), "{s}");
    }
    // A name between is no adverb: the bound is another phrase's.
    for (s, y, lang) in [
        ("Ney served under Napoleon in 1805.", "1805", Lang::En),
        ("Il s'installe près de Paris en 1890.", "1890", Lang::Fr),
        ("Viajó hasta Lima en 1821.", "1821", Lang::Es),
    ] {
        let d = draft(&Kind::Year { era: None }, s, y, lang);
        assert!(!struck(&d, "bound"), "{s}");
    }
    // A bound three words back is another phrase's ("under her name in 1838").
    let d = draft(
        &Kind::Year { era: None },
        "She published the poems under her name in 1838.",
        "1838",
        Lang::En,
    );
    assert!(!struck(&d, "bound"));
    let d = draft(
        value(30.0),
        "Some camels drink 100 litres of water in ten minutes.",
        "100 litres",
        Lang::En,
    );
    assert!(!struck(&d, "bound"));
}

#[test]
fn a_verb_of_exceeding_is_a_bound_in_every_language() {
    // A peak that can exceed 10 km exceeds 8 km as well: every smaller option is true.
    for (sentence, answer, lang) in [
        (
            "The tops of these clouds can exceed 12 kilometres in height.",
            "12 kilometres",
            Lang::En,
        ),
        (
            "By noon the temperature had surpassed 45 °C in the valley.",
            "45 °C",
            Lang::En,
        ),
        (
            "Le sommet de ces nuages peut dépasser 12 kilomètres d'altitude.",
            "12 kilomètres",
            Lang::Fr,
        ),
        (
            "La cima de estas nubes puede superar 12 kilómetros de altura.",
            "12 kilómetros",
            Lang::Es,
        ),
        (
            "En verano la temperatura sobrepasa 45 °C en el valle.",
            "45 °C",
            Lang::Es,
        ),
        (
            "Die Spitze dieser Wolken kann 12 Kilometer übersteigen.",
            "12 Kilometer",
            Lang::De,
        ),
        (
            "Die Temperatur überschreitet oft 45 °C im Tal.",
            "45 °C",
            Lang::De,
        ),
    ] {
        let d = draft(value(12.0), sentence, answer, lang);
        assert!(struck(&d, "bound"), "{sentence}");
    }
    // A height said without a verb of exceeding stays a fact.
    let d = draft(
        value(12.0),
        "Die Spitze dieser Wolken liegt 12 Kilometer hoch.",
        "12 Kilometer",
        Lang::De,
    );
    assert!(!struck(&d, "bound"));
}

#[test]
fn a_year_after_by_is_a_bound() {
    let year = Kind::Year { era: None };
    let d = draft(
        &year,
        "By 1215 many of the barons were in open revolt against the king.",
        "1215",
        Lang::En,
    );
    assert!(struck(&d, "bound"));
    let d = draft(
        &year,
        "Bis 1901 wurden rund 1.200 Exemplare des Wagens gebaut.",
        "1901",
        Lang::De,
    );
    assert!(struck(&d, "bound"));
    let d = draft(
        &year,
        "In 1215 many of the barons were in open revolt against the king.",
        "1215",
        Lang::En,
    );
    assert!(!struck(&d, "bound"));
}

#[test]
fn a_joining_word_lists_the_gap_only_after_one_of_its_kind() {
    let year = Kind::Year { era: None };
    // A joining word between clauses lists nothing.
    let d = draft(
        &year,
        "Stresemann erreichte 1925 eine Verständigung mit Frankreich, und 1926 wurde Deutschland aufgenommen.",
        "1926",
        Lang::De,
    );
    assert!(!struck(&d, "one-of-a-list"));
    let d = draft(
        &Kind::Person,
        "At the meeting Bishop Wilberforce attacked the theory and Thomas Huxley defended it.",
        "Thomas Huxley",
        Lang::En,
    );
    assert!(!struck(&d, "one-of-a-list"));
    // After one of its kind it lists the gap.
    let d = draft(
        &year,
        "The traveller Ibn Battuta visited the city in 1352 and 1353 with a caravan.",
        "1353",
        Lang::En,
    );
    assert!(struck(&d, "one-of-a-list"));
    let place = Kind::Place(crate::offline::lexicon::PlaceKind::City("Italy".into()));
    let d = draft(
        &place,
        "From Sicily the plague spread to Genoa, Venice and Marseille within a year.",
        "Marseille",
        Lang::En,
    );
    assert!(struck(&d, "one-of-a-list"));
    let d = draft(
        value(5.0),
        "Keep the main compartment between 0 °C and 5 °C at all times.",
        "5 °C",
        Lang::En,
    );
    assert!(struck(&d, "one-of-a-list"));
    let d = draft(
        value(2.3),
        "The kettle has a power of 2,300 W, or 2.3 kW, at full heat.",
        "2.3 kW",
        Lang::En,
    );
    assert!(struck(&d, "one-of-a-list"));
    // The first of a list of numbers.
    let d = draft(
        &year,
        "Les crues de 1846, 1856 et 1866 ont inondé de nombreuses villes.",
        "1846",
        Lang::Fr,
    );
    assert!(struck(&d, "one-of-a-list"));
}

#[test]
fn most_as_a_quantifier_is_no_superlative() {
    let mut t = value_kind(37.0);
    if let Kind::Value(v) = &mut t {
        v.unit = "°C".into();
    }
    let d = draft(
        &t,
        "Most human enzymes work best at about 37 °C, their optimum temperature.",
        "37 °C",
        Lang::En,
    );
    assert!(!struck(&d, "superlative"));
    let d = draft(
        value(513.0),
        "One of the most powerful engines in service produces about 513 kN of thrust.",
        "513 kN",
        Lang::En,
    );
    assert!(struck(&d, "superlative"));
}

#[test]
fn the_second_part_of_a_measure_in_two_units_is_struck() {
    let d = draft(
        value(56.0),
        "Its period is 23 hours 56 minutes, the time the Earth takes to turn.",
        "56 minutes",
        Lang::En,
    );
    assert!(struck(&d, "second-unit"));
    let d = draft(
        value(23.0),
        "Its period is 23 hours 56 minutes, the time the Earth takes to turn.",
        "23 hours",
        Lang::En,
    );
    assert!(!struck(&d, "second-unit"));
    let d = draft(
        value(400.0),
        "In 1969 about 400 people lived in the village.",
        "400 people",
        Lang::En,
    );
    assert!(!struck(&d, "second-unit"));
    let d = draft(
        value(108.0),
        "His flight in Vostok 1 lasted 108 minutes.",
        "108 minutes",
        Lang::En,
    );
    assert!(!struck(&d, "second-unit"));
}

#[test]
fn a_value_restated_in_words_after_the_gap_is_struck() {
    let d = draft(
        value(112.0),
        "At 3,000 W, this takes about 112 seconds, or just under two minutes.",
        "112 seconds",
        Lang::En,
    );
    assert!(struck(&d, "restated"));
    let d = draft(
        value(112.0),
        "At 3,000 W, this takes about 112 seconds, or less with a lid.",
        "112 seconds",
        Lang::En,
    );
    assert!(!struck(&d, "restated"));
}
