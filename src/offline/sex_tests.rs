use super::*;
use crate::offline::{characters, detect, read};

fn sexes_of(text: &str, lang: Lang) -> BTreeMap<String, Sex> {
    let doc = read::read(text, lang);
    let mut found = detect::candidates(&doc, lang);
    let (_, spots) = characters::characters(&doc, &found, lang);
    found.extend(spots);
    sexes(&doc, &found, lang)
}

fn sex(map: &BTreeMap<String, Sex>, name: &str) -> Option<Sex> {
    map.get(name).copied()
}

#[test]
fn a_pronoun_in_a_sentence_naming_one_person_tells_their_sex() {
    let t = "Marta Oblonsky grew up in a small village. Marta Oblonsky studied physics \
        because she loved numbers. Yuri Petrak was a painter. Yuri Petrak sold his \
        first painting at twenty.";
    let m = sexes_of(t, Lang::En);
    assert_eq!(sex(&m, "Marta Oblonsky"), Some(Sex::Female));
    assert_eq!(sex(&m, "Yuri Petrak"), Some(Sex::Male));
}

#[test]
fn a_pronoun_beside_another_person_tells_nothing() {
    // Two names, a possessive, or another word for a person: "she" may be any of them.
    let t = "Yuri Petrak met Marta Oblonsky, and she smiled. \
        Yuri Petrak took Anna's hand and she laughed. \
        Yuri Petrak saw a girl in the street and she waved.";
    let m = sexes_of(t, Lang::En);
    assert_eq!(sex(&m, "Yuri Petrak"), None);
    // "him" and "her" stand for another than the subject.
    let t = "Yuri Petrak painted her. Yuri Petrak hid from him.";
    assert_eq!(sex(&sexes_of(t, Lang::En), "Yuri Petrak"), None);
    // What the name is said to be is no one else.
    let t = "Yuri Petrak, despite his fame, is a shy man.";
    assert_eq!(sex(&sexes_of(t, Lang::En), "Yuri Petrak"), Some(Sex::Male));
}

#[test]
fn titles_and_kin_words_by_a_name_tell_its_sex() {
    // Dana, Casey and Marion are either's names to the census.
    let t = "The story is told by his aunt Dana Novak. The farm belongs to a widow, Marion Marek. \
        Casey Novotny, the miller's son, works there. Marion Marek is the only woman there.";
    let m = sexes_of(t, Lang::En);
    assert_eq!(sex(&m, "Dana Novak"), Some(Sex::Female));
    assert_eq!(sex(&m, "Marion Marek"), Some(Sex::Female));
    assert_eq!(sex(&m, "Casey Novotny"), Some(Sex::Male));
    // What the name is said to be: "X is the only woman".
    let t = "Marion Marek is the only woman on the farm.";
    assert_eq!(
        sex(&sexes_of(t, Lang::En), "Marion Marek"),
        Some(Sex::Female)
    );
}

#[test]
fn the_text_outweighs_the_given_name_and_a_conflict_leaves_it_unknown() {
    // "Beverly" is a woman's name to the census; the text says "he".
    let t = "Beverly Horvath is an old ranch hand who fears that he will be thrown out.";
    assert_eq!(
        sex(&sexes_of(t, Lang::En), "Beverly Horvath"),
        Some(Sex::Male)
    );
    // With no word on it, the usual sex of the given name.
    let t = "The letter was written by Margaret Hollis in a small room.";
    assert_eq!(
        sex(&sexes_of(t, Lang::En), "Margaret Hollis"),
        Some(Sex::Female)
    );
    // Said to be both: unknown.
    let t = "Dana Ashdown lost his way. Dana Ashdown said that she was lost.";
    assert_eq!(sex(&sexes_of(t, Lang::En), "Dana Ashdown"), None);
}

#[test]
fn a_pronoun_opening_the_next_sentence_tells_the_subjects_sex() {
    let t = "Marie Curie arriva à Paris en 1891. Elle étudia la physique à la Sorbonne.";
    assert_eq!(
        sex(&sexes_of(t, Lang::Fr), "Marie Curie"),
        Some(Sex::Female)
    );
    // "Il y a" stands for no one; a name not the subject tells nothing either.
    let t = "Jacques Lemaire ouvrit un atelier à Lyon. Il y a encore des traces de ce lieu.";
    let m = sexes_of(t, Lang::Fr);
    // Jacques is a man's name in the language's list.
    assert_eq!(sex(&m, "Jacques Lemaire"), Some(Sex::Male));
    // Spanish "su" is either's; "Ella" opening tells a woman.
    let t = "En 1810 Manuela Sáenz vivía en Quito con su familia. Ella conoció a muchos patriotas.";
    assert_eq!(
        sex(&sexes_of(t, Lang::Es), "Manuela Sáenz"),
        Some(Sex::Female)
    );
    // Guadalupe is either's name to the census.
    let t = "Al final Guadalupe Sáenz regresó con su familia. Su casa era grande.";
    let m = sexes_of(t, Lang::Es);
    assert!(m.is_empty() || sex(&m, "Guadalupe Sáenz").is_none());
}

#[test]
fn a_stem_tells_a_sex_by_its_words() {
    assert!(tells(
        "_____, despite his surname, is huge.",
        Sex::Male,
        Lang::En
    ));
    assert!(!tells("_____ won the prize.", Sex::Male, Lang::En));
    assert!(tells("_____ et sa sœur", Sex::Female, Lang::Fr));
}

#[test]
fn a_sentence_opening_with_someone_of_the_pronouns_sex_has_them_to_point_to() {
    let opens = |s: &str, p: &str| opens_with_one_of(s, p, Lang::En);
    assert!(opens(
        "King Harold of Wessex declared war on Norway, but his army was beaten.",
        "his"
    ));
    assert!(opens("Mary Shelley wrote that she had dreamt it.", "she"));
    // Of the other sex, or unknown: the pronoun may be the main person's.
    assert!(!opens(
        "Queen Anne of Denmark sent his letters back.",
        "his"
    ));
    assert!(!opens("Watson and Crick saw her measurements.", "her"));
    // "him", "her" stand for another than the subject.
    assert!(!opens("King Harold of Wessex gave him a ship.", "him"));
}

#[test]
fn a_glossary_meaning_tells_its_person_sex_by_its_head_noun() {
    let en = Lang::En;
    assert_eq!(
        of_meaning("Okonkwo's father, a gentle man", en),
        Some(Sex::Male)
    );
    assert_eq!(of_meaning("Okonkwo's second wife.", en), Some(Sex::Female));
    assert_eq!(
        of_meaning("a boy handed over to Umuofia", en),
        Some(Sex::Male)
    );
    // The possessive is another's: "the king's mother" is a woman.
    assert_eq!(of_meaning("the king's mother", en), Some(Sex::Female));
    assert_eq!(
        of_meaning("the only child of Ekwefi, and her favourite", en),
        None
    );
    assert_eq!(of_meaning("la mère du roi", Lang::Fr), Some(Sex::Female));
    // Review: the head noun, not a word after "of", "du", "der", nor a title before a
    // possessive.
    assert_eq!(of_meaning("Mr Brown's housekeeper", en), None);
    assert_eq!(of_meaning("the nurse of the young prince", en), None);
    assert_eq!(of_meaning("la servante du roi", Lang::Fr), None);
    assert_eq!(of_meaning("el amigo de la reina", Lang::Es), None);
    assert_eq!(of_meaning("der Diener der Königin", Lang::De), None);
}
