use super::*;
use crate::offline::read;
use crate::offline::sex;

const FRACTIONS: &str = "# Distillation\n\nThe oil is heated and its vapour rises.\n\n\
    The main products, from the top of the tower to the bottom, are:\n\
    - light gas (1–3 carbon atoms), used for camping stoves;\n\
    - naphtha (about 6–9 carbon atoms), made into plastics;\n\
    - paraffin (about 10–15 carbon atoms), burned in lamps and jet engines;\n\
    - lubricating oil (about 20–30 carbon atoms), used to keep engines running smoothly;\n\
    - tar (over 50 carbon atoms), spread on roads.\n\nThe rest is waste.\n";

#[test]
fn a_named_item_is_asked_by_its_description_among_the_lists_names() {
    let doc = read::read(FRACTIONS, Lang::En);
    let qs = questions(&doc.lists, 4, Lang::En);
    let tar = qs.iter().find(|q| q.answer == "tar").unwrap();
    assert_eq!(tar.asked, "spread on roads");
    assert_eq!(tar.shape, Shape::Named(Some("product".to_owned())));
    assert_eq!(
        tar.wrong,
        ["light gas", "naphtha", "paraffin", "lubricating oil"]
    );
    assert_eq!(qs.len(), 5);
}

#[test]
fn a_description_another_tells_or_holding_a_name_is_not_asked() {
    let t = "Uses:\n\n- coal, used as fuel\n- coke, used as fuel for furnaces\n\
        - peat, cut for fuel in peat bogs\n- wood, burned on open fires\n";
    let doc = read::read(t, Lang::En);
    let asked: Vec<String> = questions(&doc.lists, 4, Lang::En)
        .into_iter()
        .map(|q| q.answer)
        .collect();
    // "used as fuel" is coke's words too; peat's description names peat ("fuel" of coal's is a
    // lure in coke's stem, not its answer).
    assert_eq!(asked, ["coke", "wood"]);
}

#[test]
fn split_named_takes_a_name_and_a_lower_case_description() {
    assert_eq!(
        split_named(
            "kerosene (about 10–16 carbon atoms), used in jets;",
            Lang::En
        ),
        Some(("kerosene", "used in jets"))
    );
    assert_eq!(
        split_named("granite, a hard igneous rock.", Lang::En),
        Some(("granite", "a hard igneous rock"))
    );
    // A sentence, a glossary line, a long name: not a named item.
    assert_eq!(
        split_named("Water boils, and the steam rises.", Lang::En),
        None
    );
    assert_eq!(
        split_named("Keyway: the slot the key goes in.", Lang::En),
        None
    );
    assert_eq!(
        split_named(
            "the rock that forms when lava cools quickly, basalt",
            Lang::En
        ),
        None
    );
}

#[test]
fn the_class_comes_from_an_english_lead_in_only() {
    assert_eq!(
        class_of("The main gases, by volume, are:", Lang::En),
        Some("gas".to_owned())
    );
    assert_eq!(
        class_of("The planets, in order, are:", Lang::En),
        Some("planet".to_owned())
    );
    assert_eq!(class_of("Typical values are:", Lang::En), None);
    assert_eq!(class_of("The engine has three parts:", Lang::En), None);
    assert_eq!(class_of("Les principaux gaz sont :", Lang::Fr), None);
}

#[test]
fn a_short_step_is_asked_after_the_step_before_it() {
    let t = "The pump works in steps:\n\n1. The piston moves up inside the cylinder.\n\
        2. Water is drawn in through the lower valve.\n3. The piston moves down again.\n\
        4. The lower valve closes under the pressure.\n5. Water is pushed out through the upper valve.\n";
    let doc = read::read(t, Lang::En);
    assert!(doc.lists[0].prose);
    let qs = questions(&doc.lists, 4, Lang::En);
    let q = qs
        .iter()
        .find(|q| q.asked == "The piston moves down again")
        .unwrap();
    assert_eq!(q.shape, Shape::Next);
    assert_eq!(q.answer, "The lower valve closes under the pressure.");
    assert!(!q.wrong.iter().any(|w| w.starts_with(&q.asked)));
    assert_eq!(q.wrong.len(), 3);
}

#[test]
fn a_glossarys_people_are_asked_who_among_their_own_sex() {
    assert!(is_person("Mr Hartley", &[], &[], Lang::En));
    assert!(is_person("Emily Hartley", &[], &[], Lang::En));
    assert!(is_person("Lady Anne de Vere", &[], &[], Lang::En));
    assert!(!is_person("the Hartleys", &[], &[], Lang::En));
    assert!(!is_person("Julian Calendar", &[], &[], Lang::En));
    assert!(!is_person("Atomic clock", &[], &[], Lang::En));
    let people: Vec<String> = [
        "Mr Hartley",
        "Emily Hartley",
        "John Price",
        "Lord Ashby",
        "Mrs Price",
    ]
    .map(str::to_owned)
    .to_vec();
    let sex_of = |n: &str| sex::of_name(n, Lang::En);
    assert_eq!(
        who_wrong("Mr Hartley", &people, true, sex_of),
        ["John Price", "Lord Ashby"]
    );
    assert_eq!(
        who_wrong("Mrs Price", &people, true, sex_of),
        ["Emily Hartley"]
    );
    // A stem that tells no sex ("the family's lawyer") takes every other person.
    assert_eq!(who_wrong("Mrs Price", &people, false, sex_of).len(), 4);
}

#[test]
fn a_value_list_asks_which_item_has_a_value() {
    let t = "Typical boiling points are:\n\n- water: 100 °C\n- ethanol: 78 °C\n\
        - acetone: about 56 °C\n- mercury: 357 °C\n- olive oil: 300 °C\n";
    let doc = read::read(t, Lang::En);
    let qs = questions(&doc.lists, 4, Lang::En);
    assert_eq!(qs.len(), 5);
    let q = qs.iter().find(|q| q.answer == "acetone").unwrap();
    // The lead-in names the quantity (round 28: "which one has a value of 920 kg/m³?" should
    // name density).
    assert_eq!(q.shape, Shape::Valued(Some("boiling point".into())));
    assert_eq!(q.asked, "about 56 °C");
    assert_eq!(q.wrong, ["water", "ethanol", "mercury", "olive oil"]);
    let t = "Some typical densities at room temperature are:\n\n- air: about 1.2 kg/m³\n\
        - ice: 920 kg/m³\n- water: 1000 kg/m³\n- iron: 7900 kg/m³\n";
    let doc = read::read(t, Lang::En);
    let qs = questions(&doc.lists, 4, Lang::En);
    assert_eq!(qs[0].shape, Shape::Valued(Some("density".into())));
    // No plural of a quantity: none named ("at room temperature" is singular).
    let t = t.replace("Some typical densities", "Some examples");
    let doc = read::read(&t, Lang::En);
    let qs = questions(&doc.lists, 4, Lang::En);
    assert_eq!(qs[0].shape, Shape::Valued(None));
    // Two items of one value, or a value that is a sentence: nothing asked.
    let t = "Figures:\n\n- gas hob: about 40%\n- coal stove: about 40%\n- oven: 30%\n- kettle: 80%\n\
        - grill: about 20% of the heat reaches the food\n";
    let doc = read::read(t, Lang::En);
    assert!(questions(&doc.lists, 4, Lang::En).is_empty());
}

#[test]
fn a_meaning_in_a_who_stem_lowers_its_article_only() {
    assert_eq!(
        lower_article("A retired sea captain", Lang::En),
        "a retired sea captain"
    );
    assert_eq!(
        lower_article("Emma's younger brother", Lang::En),
        "Emma's younger brother"
    );
    assert_eq!(
        lower_article("La tante de Julien", Lang::Fr),
        "la tante de Julien"
    );
}

/// A story's people whose given names are common nouns (Jay, Daisy, Nick) are people by what
/// the glossary says of them; a thing's name is not, whatever its meaning.
#[test]
fn a_glossary_line_is_a_persons_by_a_noun_of_a_person() {
    let en = Lang::En;
    assert!(described_as_person(
        "Jay Gatsby",
        "Nick's mysterious, very rich neighbour, who throws enormous parties",
        en
    ));
    assert!(described_as_person(
        "Nick Carraway",
        "the narrator, a young man from the Midwest",
        en
    ));
    assert!(!described_as_person(
        "Julian Calendar",
        "a calendar introduced in 46 BC, which a king later reformed",
        en
    ));
    assert!(!described_as_person(
        "Eddy currents",
        "loops of current a man measures",
        en
    ));
    assert!(!described_as_person(
        "Royal Navy",
        "the navy of the kingdom",
        en
    ));
    // Not in a language WordNet does not cover.
    assert!(!described_as_person(
        "Jean Valjean",
        "un ancien forçat",
        Lang::Fr
    ));
}

/// "Daisy's husband" names the answer's wife by her given name: with one other Buchanan among
/// the people, the surname gives Tom Buchanan away.
#[test]
fn a_meaning_naming_one_of_the_answers_family_gives_it_away() {
    let people: Vec<String> = ["Tom Buchanan", "Daisy Buchanan", "Jay Gatsby"]
        .map(String::from)
        .to_vec();
    assert!(family_named(
        "Tom Buchanan",
        "Daisy's husband, a former football star",
        &people
    ));
    assert!(!family_named(
        "Jay Gatsby",
        "Nick's rich neighbour",
        &people
    ));
    assert!(!family_named(
        "Tom Buchanan",
        "a former football star",
        &people
    ));
}

#[test]
fn two_people_on_one_line_are_told_apart_from_one_name() {
    assert!(joined("Portia and Calpurnia", false, Lang::En));
    assert!(!joined("Mr Brown and the Reverend Smith", false, Lang::En));
    assert!(joined("Mr Brown and the Reverend Smith", true, Lang::En));
    assert!(!joined("Obierika", true, Lang::En));
    assert!(capitalised("Lady Catherine de Bourgh"));
    assert!(!capitalised("the Hartleys"));
}
