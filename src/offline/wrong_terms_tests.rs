//! The wrong terms' tests.
use super::*;
use rand::SeedableRng;
use rand::rngs::StdRng;

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
        &Said::new(),
        false,
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
    assert!(same_sort(
        "Compaction",
        "Metamorphism",
        &Said::new(),
        Lang::En
    ));
    assert!(same_sort("lava", "magma", &Said::new(), Lang::En));
    assert!(!same_sort("lava", "metamorphism", &Said::new(), Lang::En));
    // Unknown to WordNet, a process by its ending.
    assert!(!same_sort("Weathering", "Magma", &Said::new(), Lang::En));
    assert!(same_sort("Weathering", "Erosion", &Said::new(), Lang::En));
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
        &Said::new(),
        false,
        Lang::En,
        Level::Medium,
        3,
        &mut rng,
    );
    assert_eq!(got.len(), 3, "{got:?}");
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
fn a_plural_term_gets_no_singular_wrong_terms() {
    assert_eq!(plural("ohmic conductors", Lang::En), Some(true));
    assert_eq!(plural("thermistor", Lang::En), Some(false));
    assert_eq!(plural("electric circuit", Lang::En), Some(false));
    assert_eq!(plural("cristae", Lang::En), Some(true));
    assert_eq!(plural("condensation nuclei", Lang::En), Some(true));
    assert_eq!(plural("process", Lang::En), Some(false));
    assert_eq!(plural("plaques tectoniques", Lang::Fr), Some(true));
    assert_eq!(plural("placa", Lang::Es), Some(false));
    assert_eq!(plural("Platten", Lang::De), None);
    let mut rng = StdRng::seed_from_u64(2);
    let defined: Vec<(String, usize)> = [
        "resistors",
        "thermistor",
        "electric circuit",
        "capacitors",
        "diodes",
    ]
    .iter()
    .map(|t| (t.to_string(), 1))
    .collect();
    let got = terms(
        "ohmic conductors",
        "components that obey the law",
        &defined,
        &[],
        1,
        &Said::new(),
        false,
        Lang::En,
        Level::Medium,
        3,
        &mut rng,
    );
    let mut got = got;
    got.sort();
    assert_eq!(got, ["capacitors", "diodes", "resistors"]);
}

#[test]
fn a_term_asked_by_its_meaning_takes_the_texts_other_terms_whatever_their_sort() {
    let mut rng = StdRng::seed_from_u64(3);
    let glossary: Vec<(String, usize)> = ["Lithosphere", "Magma", "Subduction", "Earthquake"]
        .iter()
        .map(|t| (t.to_string(), GLOSSARY))
        .collect();
    let got = terms(
        "Magma",
        "molten rock beneath the surface",
        &glossary,
        &[],
        GLOSSARY,
        &Said::new(),
        true,
        Lang::En,
        Level::Medium,
        3,
        &mut rng,
    );
    assert_eq!(got.len(), 3, "{got:?}");
    // In a gap, a substance takes no process for a wrong answer.
    let prose: Vec<(String, usize)> = glossary.iter().map(|(t, _)| (t.clone(), 1)).collect();
    let got = terms(
        "Magma",
        "molten rock beneath the surface",
        &prose,
        &[],
        1,
        &Said::new(),
        false,
        Lang::En,
        Level::Medium,
        3,
        &mut rng,
    );
    assert!(!got.contains(&"Subduction".to_owned()), "{got:?}");
    // Those of the answer's sort come first: a material only when processes run short.
    let glossary: Vec<(String, usize)> = ["Lava", "Weathering", "Compaction", "Cementation"]
        .iter()
        .map(|t| (t.to_string(), GLOSSARY))
        .collect();
    // (The prose writes them in lower case: common words, no names.)
    let lowered = ["weathering".to_owned(), "cementation".to_owned()];
    let got = terms(
        "Erosion",
        "the wearing away of rock",
        &glossary,
        &lowered,
        GLOSSARY,
        &Said::new(),
        true,
        Lang::En,
        Level::Medium,
        3,
        &mut rng,
    );
    assert!(
        got.len() == 3 && !got.contains(&"Lava".to_owned()),
        "{got:?}"
    );
}

#[test]
fn no_two_wrong_terms_overlap() {
    let mut rng = StdRng::seed_from_u64(5);
    let defined: Vec<(String, usize)> = [
        "respiration",
        "cellular respiration",
        "fermentation",
        "digestion",
    ]
    .iter()
    .map(|t| (t.to_string(), 1))
    .collect();
    let got = terms(
        "photosynthesis",
        "the making of sugar from light",
        &defined,
        &[],
        1,
        &Said::new(),
        false,
        Lang::En,
        Level::Medium,
        3,
        &mut rng,
    );
    let both =
        got.contains(&"respiration".to_owned()) && got.contains(&"cellular respiration".to_owned());
    assert!(!both && got.len() == 3, "{got:?}");
}

#[test]
fn an_answer_of_a_sort_none_of_its_wrong_terms_share_stands_out() {
    let w = |v: &[&str]| v.iter().map(ToString::to_string).collect::<Vec<_>>();
    assert!(odd_one_out(
        "Magma",
        "molten rock",
        &w(&["Weathering", "Erosion", "Cementation"]),
        Lang::En
    ));
    // Mixed sorts: nothing tells the answer.
    assert!(!odd_one_out(
        "Magma",
        "molten rock",
        &w(&["Subduction", "Lithosphere", "Erosion"]),
        Lang::En
    ));
    assert!(!odd_one_out(
        "Erosion",
        "the wearing away of rock",
        &w(&["Weathering", "Compaction", "Cementation"]),
        Lang::En
    ));
    assert!(!odd_one_out(
        "Magma",
        "molten rock",
        &w(&["Erosion"]),
        Lang::De
    ));
    // "the rising of warm air": a happening, and "Condensation" is one too.
    assert!(!odd_one_out(
        "Convection",
        "the rising of warm air that has been heated from below",
        &w(&["Condensation", "Cumulonimbus", "Dew point"]),
        Lang::En
    ));
    // The meaning names an instrument; only the answer is one.
    assert!(odd_one_out(
        "Barometer",
        "an instrument that measures the pressure of the air",
        &w(&["Monsoon", "Humidity", "Isobar"]),
        Lang::En
    ));
    assert!(odd_one_out(
        "Barometer",
        "an instrument that measures the pressure of the air",
        &w(&["Cold front", "Monsoon", "Humidity"]),
        Lang::En
    ));
    assert!(!odd_one_out(
        "Barometer",
        "an instrument that measures the pressure of the air",
        &w(&["Monsoon", "Humidity", "Anemometer"]),
        Lang::En
    ));
}

#[test]
fn a_term_wordnet_does_not_know_takes_the_sort_the_text_says() {
    let mut said = Said::new();
    said.insert("cristae".to_owned(), "object");
    said.insert("infiltration".to_owned(), "substance");
    // "ridges called cristae": an object, no process.
    assert!(!same_sort("cristae", "subduction", &said, Lang::En));
    assert!(same_sort("cristae", "ridges", &said, Lang::En));
    // WordNet knows "infiltration" for a process: the text's loose "water … is called" is not
    // taken.
    assert!(same_sort("infiltration", "evaporation", &said, Lang::En));
    // "an invisible gas called water vapour": of WordNet's senses of "vapour", the one the
    // text says.
    said.insert("water vapour".to_owned(), "substance");
    assert!(!same_sort("condensation", "water vapour", &said, Lang::En));
}

#[test]
fn an_acronym_keeps_its_capitals() {
    assert_eq!(same_case("DNA", "codons"), "DNA");
    assert_eq!(same_case("messenger RNA", "Codons"), "messenger RNA");
    assert_eq!(same_case("codons", "Gene"), "Codons");
}
