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

#[test]
fn a_list_of_one_word_items_is_read_whatever_its_brackets() {
    assert_eq!(
        lists(
            "The simplest ones are methane (CH4), ethane (C2H6), propane and butane.",
            Lang::En
        ),
        [["methane", "ethane", "propane", "butane"]]
    );
    assert_eq!(
        lists(
            "Le sang contient du plasma, des plaquettes et des globules.",
            Lang::Fr
        ),
        Vec::<Vec<String>>::new(),
        "items of more than one word"
    );
    assert_eq!(
        lists(
            "Die Niere filtert Wasser, Glukose, Salze und Harnstoff.",
            Lang::De
        ),
        [["Wasser", "Glukose", "Salze", "Harnstoff"]]
    );
    assert_eq!(
        lists("El viento arrastra arena, limo y arcilla.", Lang::Es),
        [["arena", "limo", "arcilla"]]
    );
    for s in [
        // Two items are no list.
        "Rivers carry sand and gravel to the sea.",
        // Names, not terms.
        "He sailed past Crete, Rhodes and Cyprus.",
        // Clauses, not items.
        "The gas cools, it condenses and it falls as rain.",
    ] {
        assert!(lists(s, Lang::En).is_empty(), "{s}");
    }
}

#[test]
fn a_term_takes_the_items_listed_with_it_or_a_list_of_its_sort() {
    let lists = vec![
        (
            vec![
                "methane".to_owned(),
                "ethane".to_owned(),
                "propane".to_owned(),
            ],
            1,
        ),
        (
            vec![
                "lorries".to_owned(),
                "buses".to_owned(),
                "trains".to_owned(),
            ],
            2,
        ),
    ];
    let names = |v: Vec<(String, usize)>| v.into_iter().map(|(t, _)| t).collect::<Vec<_>>();
    assert_eq!(
        names(listed_with("ethane", &lists, Lang::En)),
        ["methane", "propane"]
    );
    // A substance takes substances, not vehicles.
    assert_eq!(
        names(listed_with("butane", &lists, Lang::En)),
        ["methane", "ethane", "propane"]
    );
    // Elsewhere only the items listed with the term.
    assert_eq!(
        names(listed_with("butano", &lists, Lang::Es)),
        Vec::<String>::new()
    );
}

#[test]
fn a_texts_technical_nouns_are_those_it_uses_as_nouns() {
    let sentences = [
        ("Blood enters the kidney through the renal artery.", 0),
        ("Each kidney holds many tiny nephrons.", 0),
        (
            "The blood is filtered in tiny tubules, and urea leaves with the water.",
            1,
        ),
        ("In the large intestine, water is taken back.", 1),
        ("It flows into the ureter, then into the bladder.", 1),
    ];
    let got: Vec<String> = technical_nouns(&sentences, Lang::En)
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    for n in ["nephrons", "tubules", "ureter"] {
        assert!(got.contains(&n.to_owned()), "{n} in {got:?}");
    }
    // Generic words ("water", "blood"), a word before a noun ("renal artery", "large
    // intestine"), and a verb.
    for n in ["water", "blood", "renal", "large", "flows", "filtered"] {
        assert!(!got.contains(&n.to_owned()), "{n} in {got:?}");
    }
    assert!(technical_nouns(&[("Chaque rein contient des néphrons.", 0)], Lang::Fr).is_empty());
}

#[test]
fn a_technical_noun_is_a_wrong_term_where_the_text_and_wordnet_agree_on_the_sort() {
    let nouns: Vec<(String, usize)> = ["glucose", "nephrons", "silt", "tubules"]
        .iter()
        .map(|t| (t.to_string(), 0))
        .collect();
    let names = |v: Vec<(String, usize)>| v.into_iter().map(|(t, _)| t).collect::<Vec<_>>();
    let substance = lexicon::noun("substance").unwrap().kinds.as_slice();
    assert_eq!(
        names(of_sort("urea", substance, &nouns, Lang::En)),
        ["glucose", "silt"]
    );
    // "compound" is a substance by a later sense: the answer's sort it has.
    let compound = lexicon::noun("compound").unwrap().kinds.as_slice();
    assert_eq!(
        names(of_sort("urea", compound, &nouns, Lang::En)),
        ["glucose", "silt"]
    );
    // Said to be a body part, WordNet knows urea as none: no wrong terms.
    let organ = lexicon::noun("organ").unwrap().kinds.as_slice();
    assert!(of_sort("urea", organ, &nouns, Lang::En).is_empty());
    // Nothing said: none.
    assert!(of_sort("urea", &[], &nouns, Lang::En).is_empty());
    let mut wrong = vec!["glucose".to_owned()];
    add_fresh(
        &mut wrong,
        vec!["Glucose".to_owned(), "silt".to_owned()],
        Lang::En,
    );
    assert_eq!(wrong, ["glucose", "silt"]);
}

#[test]
fn a_noun_takes_the_answers_number_where_its_form_is_regular() {
    assert_eq!(with_number("ureter", true).as_deref(), Some("ureters"));
    assert_eq!(with_number("artery", true).as_deref(), Some("arteries"));
    assert_eq!(with_number("arteries", false).as_deref(), Some("artery"));
    assert_eq!(with_number("kidneys", true).as_deref(), Some("kidneys"));
    // Irregular: left out.
    assert_eq!(with_number("glomerulus", true), None);
    assert_eq!(with_number("nuclei", false), None);
    // "nephrons" for the answer "nephrons": the plural of a singular noun the text uses.
    let nouns = vec![("ureter".to_owned(), 0), ("bladder".to_owned(), 0)];
    let body = lexicon::noun("tubule").unwrap().kinds.as_slice();
    let got: Vec<String> = of_sort("nephrons", body, &nouns, Lang::En)
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert_eq!(got, ["ureters", "bladders"]);
}

#[test]
fn a_sentence_names_a_term_in_either_number() {
    assert!(names(
        "Enzymes are biological catalysts.",
        "catalyst",
        Lang::En
    ));
    assert!(names(
        "Enzymes are biological catalysts.",
        "enzyme",
        Lang::En
    ));
    assert!(!names(
        "Enzymes are biological catalysts.",
        "reactant",
        Lang::En
    ));
    assert!(names(
        "Les enzymes sont des catalyseurs.",
        "catalyseurs",
        Lang::Fr
    ));
}

#[test]
fn on_medium_the_answers_own_block_comes_first() {
    // Round 26: "Envelope", from the prose, among a list's stages.
    let defined: Vec<(String, usize)> = [
        ("Envelope", 3),
        ("Capsid", 3),
        ("Attachment", GLOSSARY),
        ("Entry", GLOSSARY),
        ("Assembly", GLOSSARY),
        ("Release", GLOSSARY),
    ]
    .iter()
    .map(|(t, p)| (t.to_string(), *p))
    .collect();
    for seed in 0..20 {
        let mut rng = StdRng::seed_from_u64(seed);
        let got = terms(
            "Release",
            "the new viruses leave the cell",
            &defined,
            &[],
            GLOSSARY,
            &Said::new(),
            true,
            Lang::En,
            Level::Medium,
            3,
            &mut rng,
        );
        assert_eq!(got.len(), 3);
        assert!(
            !got.iter().any(|t| t == "Envelope" || t == "Capsid"),
            "{got:?}"
        );
    }
}
