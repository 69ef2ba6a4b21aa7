//! The filters' tests for this session's classes: abbreviations spelled out, places inside
//! another name, sections headed as examples.
use super::tests::{draft, struck};
use super::*;
use crate::offline::lexicon::PlaceKind;

/// Whether "Which term means “{meaning}”?" keyed to `answer` is struck as given away.
fn definition_gives_away(answer: &str, meaning: &str) -> bool {
    let d = Draft {
        before: meaning,
        after: "",
        ..draft(&Kind::Term, answer, answer, Lang::En)
    };
    struck(&d, "answer-in-stem")
}

#[test]
fn an_abbreviation_spelled_out_in_the_stem_is_given_away() {
    let asked = definition_gives_away;
    assert!(asked(
        "COP",
        "coefficient of performance, the heat delivered divided by the energy used"
    ));
    // Without the small word between too.
    assert!(asked("USSR", "the Union of Soviet Socialist Republics"));
    assert!(!asked(
        "COP",
        "the heat delivered divided by the electrical energy used"
    ));
}

#[test]
fn a_section_headed_as_an_example_is_one_with_or_without_its_article() {
    let doc = crate::offline::read::read(
        "Circular motion\n\nA car needs a force to turn a corner on any road.\n\nA worked example\n\n\
         A car of mass 1200 kg drives round a bend of radius 50 m at a speed of 15 m/s.\n\n\
         Examples of forces\n\nFriction holds the car on the road in most bends.\n",
        Lang::En,
    );
    let at = |start: &str| {
        (doc.sentences.iter())
            .position(|s| s.text.starts_with(start))
            .unwrap()
    };
    assert!(in_example(&doc, at("A car of mass"), Lang::En));
    assert!(!in_example(&doc, at("A car needs"), Lang::En));
    assert!(!in_example(&doc, at("Friction holds"), Lang::En));
}

#[test]
fn a_place_named_before_a_noun_of_another_name_is_not_asked() {
    let city = Kind::Place(PlaceKind::City("Japan".into()));
    let d = draft(
        &city,
        "Their period is often called the Edo period, and it brought peace.",
        "Edo",
        Lang::En,
    );
    assert!(struck(&d, "place-in-a-name"));
    let d = draft(
        &city,
        "Ieyasu made Edo the centre of his government in 1603.",
        "Edo",
        Lang::En,
    );
    assert!(!struck(&d, "place-in-a-name"));
}

#[test]
fn small_words_in_a_row_spell_no_abbreviation() {
    let asked = definition_gives_away;
    assert!(!asked("AI", "a machine that learns, and in time improves"));
    assert!(!asked(
        "DNA",
        "the molecule copied during nuclear assembly of cells"
    ));
}

#[test]
fn a_bound_fused_with_its_article_is_a_bound() {
    // Round 26: "Más del _____ se pierde por evaporación": every smaller share is true too.
    let value = Kind::Value(crate::offline::detect::Value {
        amount: 90.0,
        decimals: 0,
        word: false,
        times: None,
        unit: "%".to_owned(),
        percent: true,
    });
    let es = "Más del 90 % se pierde por evaporación debido al viento del Altiplano.";
    assert!(struck(&draft(&value, es, "90 %", Lang::Es), "bound"));
    let fr = "Plus du 90 % du lac se perd par évaporation sous le vent de l'Altiplano.";
    assert!(struck(&draft(&value, fr, "90 %", Lang::Fr), "bound"));
}
