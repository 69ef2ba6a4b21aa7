use super::*;
use crate::offline::{detect, read};

#[test]
fn an_apposition_defines_a_common_noun() {
    let s = "He demanded scutage, a payment made by barons in place of military service, far more often than before.";
    assert_eq!(
        apposition(s, Lang::En),
        Some((
            "scutage".to_owned(),
            "a payment made by barons in place of military service".to_owned()
        ))
    );
    let s = "The novel is a frame narrative, a story told within a story.";
    assert_eq!(
        apposition(s, Lang::En).map(|(t, _)| t),
        Some("frame narrative".to_owned())
    );
}

#[test]
fn names_lists_counts_and_short_appositions_define_nothing() {
    for s in [
        // A person's role, not a term.
        "It opens with letters from Robert Walton, an English explorer sailing towards the North Pole.",
        // Too short to say what it is.
        "Acids react with metals, a base and water.",
        "Veins have thinner walls, a wider lumen and valves that prevent backflow.",
        // A list of things, not a meaning.
        "The mixture holds sand, a few pebbles of quartz and clay, or gravel.",
        // An adjective before the noun: the term would be cut short.
        "Each beat starts at the sinoatrial node, a small group of specialised cells in the wall.",
        // A count.
        "A cell holds 46 chromosomes, a number fixed for the whole species of humans.",
        // A comma that closes an opening phrase.
        "In a day, a place on the coast passes through both of the bulges of water.",
        // One thing described, not a kind defined.
        "He met the king, a man of great learning and quick temper.",
        "Her father was a farmer, a man who worked the land near the river.",
        // Not English.
        "Il exigeait la taille, un impôt payé par les paysans au seigneur.",
    ] {
        let lang = if s.starts_with("Il") {
            Lang::Fr
        } else {
            Lang::En
        };
        assert_eq!(apposition(s, lang), None, "{s}");
    }
}

#[test]
fn a_term_named_in_passing_is_found_in_lower_case_only() {
    let s = "The code is read in groups of three bases, called codons; each codon stands for one amino acid.";
    let (term, at) = named_in_passing(s, Lang::En).unwrap();
    assert_eq!(term, "codons");
    assert_eq!(&s[at..at + term.len()], "codons");
    let s = "Les navires traversaient une zone de calme, appelée pot au noir, près de l'équateur.";
    assert_eq!(
        named_in_passing(s, Lang::Fr).map(|(t, _)| t),
        Some("pot au noir")
    );
    let s = "Where one plate sinks beneath another, a process called subduction, the rock melts.";
    assert_eq!(
        named_in_passing(s, Lang::En).map(|(t, _)| t),
        Some("subduction")
    );
    for s in [
        "These instructions are stored in a molecule called deoxyribonucleic acid, or DNA.",
        "The crew sailed on a ship called the Beagle for five long years.",
        "Sundiata was born in a small village, called Niani by the old chroniclers.",
        "They lived in a small village, called Kirina.",
        "The cells form shapes, called hexagons and pentagons.",
    ] {
        assert_eq!(named_in_passing(s, Lang::En), None, "{s}");
    }
}

#[test]
fn an_article_before_a_term_of_common_words_is_left_out() {
    let s = "The pyruvate is broken down in a cycle of reactions called the Krebs cycle, in the matrix.";
    assert_eq!(
        named_in_passing(s, Lang::En).map(|(t, _)| t),
        Some("Krebs cycle")
    );
    let s = "Electrons pass along a chain of proteins, known as the electron transport chain, to oxygen.";
    assert_eq!(
        named_in_passing(s, Lang::En).map(|(t, _)| t),
        Some("electron transport chain")
    );
    let s = "Le pyruvate est dégradé dans une suite de réactions, appelée le cycle de Krebs, dans la matrice.";
    assert_eq!(
        named_in_passing(s, Lang::Fr).map(|(t, _)| t),
        Some("cycle de Krebs")
    );
    // One thing's name, all in capitals.
    for s in [
        "The crew sailed round the world on a ship called the Beagle.",
        "The crew sailed round the world on a ship, called the Golden Hind, in 1577.",
    ] {
        assert_eq!(named_in_passing(s, Lang::En), None, "{s}");
    }
}
#[test]
fn a_term_with_a_second_name_is_defined_by_its_first() {
    assert_eq!(
        detect::defined_in(
            "Breathing, or ventilation, is the movement of air into and out of the lungs.",
            Lang::En
        )
        .map(|(t, _)| t),
        Some("Breathing".into())
    );
    assert_eq!(
        second_name("respiration, ou ventilation,", Lang::Fr),
        Some(("respiration", "ventilation"))
    );
    assert_eq!(
        second_name("Atmung, oder Ventilation", Lang::De),
        Some(("Atmung", "Ventilation"))
    );
    assert_eq!(
        second_name("respiración, o ventilación", Lang::Es),
        Some(("respiración", "ventilación"))
    );
    // A list is no second name.
    assert_eq!(
        second_name("Sand, clay, or gravel of any size", Lang::En),
        None
    );
}

#[test]
fn a_named_thing_that_points_back_is_named_after_the_sentence_before() {
    for s in [
        "This extra oxygen is called the oxygen debt.",
        "A device that does this is called a heat pump.",
    ] {
        assert_eq!(detect::defined_in(s, Lang::En), None, "{s}");
        assert!(detect::named_after(s, Lang::En).is_some(), "{s}");
    }
    let doc = read::read(
        "After a race, a runner keeps breathing deeply to take in more oxygen. This extra oxygen is called the oxygen debt.\n",
        Lang::En,
    );
    let d = &detect::definitions(&doc, Lang::En)[0];
    assert_eq!(d.term, "oxygen debt");
    assert!(d.meaning.starts_with("After a race"));
}

#[test]
fn a_term_named_in_a_leaning_sentence_is_asked_after_the_one_before() {
    let doc = read::read(
        "Each leaf holds many small green bodies inside the cells. They trap light in a pigment called chlorophyll, which gives the leaf its colour.\n",
        Lang::En,
    );
    let d = &detect::definitions(&doc, Lang::En)[0];
    assert_eq!(d.term, "chlorophyll");
    assert!(d.meaning.starts_with("Each leaf"), "{d:?}");
    // A sentence that leans on nothing gets no context.
    let doc = read::read(
        "Green plants trap light in a pigment called chlorophyll, which gives leaves their colour.\n",
        Lang::En,
    );
    assert_eq!(detect::definitions(&doc, Lang::En)[0].meaning, "");
}

#[test]
fn the_head_noun_of_what_a_term_is_said_to_be_gives_its_sort() {
    assert_eq!(said_kind("a process", Lang::En), Some("act"));
    assert_eq!(said_kind("a molecule", Lang::En), Some("substance"));
    assert_eq!(
        said_kind("the rigid outer layer of the Earth", Lang::En),
        Some("artifact")
    );
    assert_eq!(
        said_kind(
            "an instrument that measures the speed of the wind",
            Lang::En
        ),
        Some("artifact")
    );
    // Past a word that names no sort, the noun after "of".
    assert_eq!(
        said_kind("a different type of anaerobic respiration", Lang::En),
        said_kind("respiration", Lang::En)
    );
    assert_eq!(said_kind("un processus", Lang::Fr), None);
    assert_eq!(
        phrase_before("the inner one is folded into ridges", Lang::En),
        "ridges"
    );
    assert_eq!(
        phrase_before(
            "the pyruvate is broken down in a cycle of reactions",
            Lang::En
        ),
        "cycle of reactions"
    );
    assert_eq!(
        phrase_before(
            "electrons are passed along a chain of carrier proteins,",
            Lang::En
        ),
        "chain of carrier proteins"
    );
}

#[test]
fn a_name_given_in_a_sentence_takes_the_sort_of_the_phrase_before_it() {
    let kinds = |t: &str| {
        let doc = read::read(t, Lang::En);
        detect::definitions(&doc, Lang::En)
            .iter()
            .map(|d| (d.term.clone(), kind_of(d, Lang::En)))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        kinds("Cells release the energy of food step by step in a process called respiration.\n"),
        [("respiration".to_owned(), Some("act"))]
    );
    assert_eq!(
        kinds(
            "Plants lose water through tiny pores. This loss of water is called transpiration.\n"
        ),
        [("transpiration".to_owned(), said_kind("loss", Lang::En))]
    );
    assert_eq!(
        kinds("Magma: molten rock beneath the surface of the Earth.\n"),
        [("Magma".to_owned(), said_kind("rock", Lang::En))]
    );
}

#[test]
fn a_class_restated_after_a_comma_is_no_meaning() {
    assert!(class_restated(
        "a polymer, a long molecule made of many repeating units",
        Lang::En
    ));
    assert!(class_restated("un polymère, une longue molécule", Lang::Fr));
    assert!(!class_restated(
        "the process by which plants make sugar, using light",
        Lang::En
    ));
    assert_eq!(
        detect::defined_in(
            "DNA is a polymer, a long molecule made of many repeating units.",
            Lang::En
        ),
        None
    );
}

#[test]
fn a_term_named_in_passing_is_said_to_be_the_phrase_before() {
    let doc = read::read(
        "The gene is copied into a single-stranded molecule called messenger RNA, in the nucleus.\n",
        Lang::En,
    );
    let d = &detect::definitions(&doc, Lang::En)[0];
    assert_eq!(named_as(d, Lang::En), Some("single-stranded molecule"));
    assert_eq!(
        said_head("a long molecule made of many repeating units", Lang::En).as_deref(),
        Some("molecule")
    );
}

#[test]
fn a_meaning_ends_where_another_clause_starts() {
    assert_eq!(
        own_clause(
            "a resistor whose resistance falls as it warms, and a diode lets current pass one way",
            Lang::En
        ),
        "a resistor whose resistance falls as it warms"
    );
    assert_eq!(
        own_clause("une roche fondue, et la lave sort du volcan", Lang::Fr),
        "une roche fondue"
    );
    assert_eq!(
        own_clause("eine Zelle ohne Kern, und die Hefe ist ein Pilz", Lang::De),
        "eine Zelle ohne Kern"
    );
    assert_eq!(
        own_clause("the rock under the crust, hot and soft", Lang::En),
        "the rock under the crust, hot and soft"
    );
}
#[test]
fn a_term_before_a_colon_is_defined_by_what_follows() {
    for (s, lang, term, meaning) in [
        (
            "Most of these substances are polymers: molecules built from many small repeating units.",
            Lang::En,
            "polymers",
            "molecules built from many small repeating units",
        ),
        (
            "The tiny grains in the soil are silt: a fine sediment carried by rivers.",
            Lang::En,
            "silt",
            "a fine sediment carried by rivers",
        ),
        (
            "La plupart de ces corps sont des alliages : des mélanges de plusieurs métaux fondus.",
            Lang::Fr,
            "alliages",
            "des mélanges de plusieurs métaux fondus",
        ),
        (
            "Casi todas estas sustancias son polímeros: unas moléculas largas hechas de unidades pequeñas.",
            Lang::Es,
            "polímeros",
            "unas moléculas largas hechas de unidades pequeñas",
        ),
        (
            "Die meisten dieser Stoffe sind Legierungen: Gemische aus mehreren Metallen.",
            Lang::De,
            "Legierungen",
            "Gemische aus mehreren Metallen",
        ),
    ] {
        assert_eq!(
            colon_meaning(s, lang),
            Some((term.to_owned(), meaning.to_owned())),
            "{s}"
        );
    }
    for s in [
        // An adjective, then a clause: no term.
        "The reason for this is clear: the water evaporates quickly in the heat.",
        // A list of examples.
        "The main gases in the air are these: nitrogen, oxygen, argon and carbon dioxide.",
        // A number of things, not a kind.
        "The products are two: a gas and a solid that settles at the bottom.",
        // A singular term with a plural meaning.
        "The answer is salt: crystals of sodium chloride left behind by the sea.",
    ] {
        assert_eq!(colon_meaning(s, Lang::En), None, "{s}");
    }
    // Read with the text's other definitions.
    let doc = read::read(
        "Crude oil holds many compounds. Most of them are hydrocarbons: compounds made of hydrogen and carbon atoms only.\n",
        Lang::En,
    );
    let d = &detect::definitions(&doc, Lang::En)[0];
    assert_eq!(d.term, "hydrocarbons");
    assert_eq!(
        d.meaning,
        "compounds made of hydrogen and carbon atoms only"
    );
}
