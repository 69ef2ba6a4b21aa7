//! The reference filter's tests, continued: what a pronoun or a bare noun stands for in the
//! sentence itself, and the nouns and pronouns of each language that point back.
use super::*;

#[test]
fn an_it_after_the_sentences_own_subject_stands_for_it() {
    // "A traditional incandescent bulb … until it glows": the subject is what "it" is.
    assert!(!points_back(
        "A traditional incandescent bulb makes light by heating a thin tungsten filament to about 2,500 °C until it glows.",
        Lang::En
    ));
    assert!(!points_back(
        "The whole aqueduct was about 50 kilometres long, yet it fell by only about 17 metres.",
        Lang::En
    ));
    // A time is no subject, a plural no "its", and "they" is not told so.
    assert!(points_back(
        "The following year it was destroyed by fire.",
        Lang::En
    ));
    assert!(points_back(
        "The mountains around its southern shore were steep.",
        Lang::En
    ));
    // An object "it" is another thing (review: "The queen opened it", "A fire destroyed it"),
    // and a person is no "it".
    assert!(points_back(
        "A fire destroyed it on 30 November 1936.",
        Lang::En
    ));
    assert!(points_back(
        "The queen opened it to the public on 1 May 1851.",
        Lang::En
    ));
    assert!(points_back(
        "The problem is that it overheats above 40 °C.",
        Lang::En
    ));
}

#[test]
fn a_document_a_building_or_a_fortress_by_its_common_noun_points_back() {
    // Graders, rounds 21–23: "Die Urkunde" (the Golden Bull), "die Festung" (Königstein),
    // "The building" (the Crystal Palace), "The bridge" (the Pont du Gard).
    assert!(points_back(
        "Die Urkunde ist in lateinischer Sprache verfasst und umfasst 31 Kapitel.",
        Lang::De
    ));
    assert!(points_back(
        "The building was 564 metres long and used almost 300,000 panes of glass.",
        Lang::En
    ));
    // Named after it, or by its complement, it points nowhere.
    assert!(!points_back(
        "The building of the Reichstag was finished in 1894.",
        Lang::En
    ));
    assert!(!points_back(
        "Die Festung Königstein wurde 1589 gebaut.",
        Lang::De
    ));
    // Review: a genitive or an elided "d'" says which (a dative "der" does not: "der König
    // der Stadt").
    assert!(!points_back(
        "Das Gebäude des Reichstags wurde 1894 fertiggestellt.",
        Lang::De
    ));
    assert!(!points_back(
        "Le château d'If est une forteresse construite en 1529.",
        Lang::Fr
    ));
}

#[test]
fn a_french_object_pronoun_after_a_subject_pronoun_points_back() {
    // Round 22: "on la marie" with nobody named: struck.
    assert!(points_back(
        "À dix-sept ans, on la marie à Louis-Yves Aubry, un traiteur bien plus âgé.",
        Lang::Fr
    ));
    // "on" is no one the older rules know: only this one catches it, past a negation.
    assert!(points_back("En 1770, on ne les revoit plus.", Lang::Fr));
    // A name opening the sentence is named before it (review).
    assert!(!points_back(
        "Pasteur étudie la rage pendant des années et il la combat avec un vaccin en 1885.",
        Lang::Fr
    ));
    // The words of a known period name no one: "il" after "la guerre de Sept Ans" points back.
    assert!(points_back(
        "Pendant la guerre de Sept Ans, il entre comme pharmacien dans l'armée en 1757.",
        Lang::Fr
    ));
    // Named before it in the sentence, it may stand for that name.
    assert!(!points_back(
        "En 1765, Marie Gouze rencontre Louis Aubry et il l'épouse.",
        Lang::Fr
    ));
    // "le" after a verb is an article.
    assert!(!points_back(
        "Marie Curie reçoit le prix Nobel en 1903.",
        Lang::Fr
    ));
}

#[test]
fn a_ruler_by_office_points_back_in_spanish() {
    assert!(points_back(
        "El monarca nunca logró suficientes apoyos en 1872.",
        Lang::Es
    ));
    // "El primero" opening a sentence points back ("El primero se creó en …", round 24); not
    // after its subject, which it says was first (review).
    assert!(points_back(
        "El primero se creó en el océano Pacífico en 1949.",
        Lang::Es
    ));
    assert!(!points_back(
        "Juan de la Cierva fue el primero en volar un autogiro en 1923.",
        Lang::Es
    ));
    assert!(!points_back(
        "El monarca Amadeo de Saboya abdicó en 1873.",
        Lang::Es
    ));
}

#[test]
fn a_first_word_that_is_no_name_names_no_one_a_french_pronoun_could_be() {
    // Review: "Condamnée pour hérésie, on la brûle", "Malheureusement, on le retrouve".
    assert!(points_back(
        "Condamnée pour hérésie, on la brûle à Rouen en 1431.",
        Lang::Fr
    ));
    assert!(points_back(
        "Malheureusement, on le retrouve mort en 1794.",
        Lang::Fr
    ));
}

#[test]
fn a_painting_by_its_common_noun_points_back() {
    // Round 25: "The painting is now in the Museum of Modern Art"; round 19: "El cuadro llegó".
    assert!(points_back(
        "The painting is now in the Museum of Modern Art in New York.",
        Lang::En
    ));
    assert!(points_back("El cuadro llegó a Madrid en 1981.", Lang::Es));
    assert!(!points_back(
        "The painting of the ceiling took Michelangelo four years.",
        Lang::En
    ));
}

#[test]
fn a_clause_opening_the_sentence_names_whom_the_pronoun_after_it_stands_for() {
    // Review: "After" opens a clause here, not a phrase; "he" is Newton.
    assert!(!points_back(
        "After Newton moved to London in 1696, he became Warden of the Royal Mint.",
        Lang::En
    ));
    assert!(points_back(
        "En France, elle découvre une liberté nouvelle en 1925.",
        Lang::Fr
    ));
}

#[test]
fn a_day_or_year_counted_from_the_sentences_own_date_points_back_to_nothing() {
    let es = "Cervantes murió en Madrid el 22 de abril de 1616 y fue enterrado al día siguiente.";
    assert!(!points_back(es, Lang::Es));
    let fr = "Lavoisier est guillotiné le 8 mai 1794, le même jour que son beau-père.";
    assert!(!points_back(fr, Lang::Fr));
    let en = "The war ended in 1815, and the following year the harvest failed.";
    assert!(!points_back(&en.replace("The war", "Peace"), Lang::En));
    // No date before: back ("la même année"); a month is no year ("octobre de la même
    // année").
    assert!(points_back(
        "Coubertin succède à Vikélas la même année.",
        Lang::Fr
    ));
    assert!(points_back(
        "Vaincu à Leipzig en octobre de la même année, il abdique.",
        Lang::Fr
    ));
}

#[test]
fn a_possessive_in_the_opening_phrases_is_the_main_persons_named_after_them() {
    let leans = |s: &str, lang| {
        let d = Draft {
            main: Some("Colón"),
            ..super::tests::draft(&Kind::Year { era: None }, s, "1506", lang)
        };
        gap_leans(&d)
    };
    assert!(!leans(
        "Hasta su muerte, en 1506, Colón creyó haber llegado a Asia.",
        Lang::Es
    ));
    // Not named after the phrases, or someone else is: "su" points back.
    assert!(leans(
        "Hasta su muerte, en 1506, creyó haber llegado a Asia.",
        Lang::Es
    ));
    assert!(leans(
        "Tras su muerte, Felipe heredó el trono en 1506 y Colón partió.",
        Lang::Es
    ));
}

#[test]
fn the_end_of_the_year_points_back_to_a_year_the_sentence_does_not_give() {
    // Round 28: "By the end of the year, around _____ had been imprisoned." (struck twice).
    assert!(points_back(
        "By the end of the year, around 60,000 people had been imprisoned.",
        Lang::En
    ));
    assert!(points_back(
        "À la fin de l'année, près de 60 000 personnes sont emprisonnées.",
        Lang::Fr
    ));
    assert!(points_back(
        "A finales de ese año, unas 60.000 personas estaban presas.",
        Lang::Es
    ));
    assert!(points_back(
        "Bis Ende des Jahres wurden etwa 60.000 Menschen verhaftet.",
        Lang::De
    ));
    // With its own date, before it or right after it, it points to that (a dated reference).
    assert!(!points_back(
        "Depuis la fin de l'année 1914, le front occidental est figé.",
        Lang::Fr
    ));
    assert!(!points_back(
        "Depuis la fin de l'année _, le front occidental est figé.",
        Lang::Fr
    ));
    assert!(!points_back(
        "In 1930 the march began, and by the end of the year 60,000 people were in prison.",
        Lang::En
    ));
}
