//! Causes and effects' tests: which sentences are causal statements, which of their parts
//! can be shown or offered, and the questions made from a text of them.
use super::*;
use crate::mcq;
use crate::offline::{Ask, generate};
use rand::SeedableRng;

/// A sentence's statement, with no other words of the text known.
fn read(text: &str, lang: Lang) -> Option<Statement> {
    let (common, names) = (HashSet::new(), HashSet::new());
    let lower = Lower {
        lang,
        common: &common,
        names: &names,
    };
    statement(text, lower)
}

#[test]
fn a_because_clause_is_the_cause_and_the_part_before_is_shown() {
    let s = read(
        "Glass can crack when heated, because one part expands more than another.",
        Lang::En,
    )
    .unwrap();
    assert_eq!(
        s.clause.as_deref(),
        Some("one part expands more than another")
    );
    assert_eq!(
        s.shown.as_deref(),
        Some("Glass can crack when heated, because")
    );
    assert_eq!(s.marker.after, "cause");
    assert_eq!(s.end, ".");
}

#[test]
fn a_so_clause_is_the_effect_and_a_small_first_word_is_written_in_lower_case() {
    let s = read(
        "The mountains block the moist winds, so the southern plains stay dry.",
        Lang::En,
    )
    .unwrap();
    assert_eq!(s.marker.after, "effect");
    assert_eq!(s.clause.as_deref(), Some("the southern plains stay dry"));
    // The clause before the marker is an option for another question.
    assert_eq!(
        s.before.as_deref(),
        Some("the mountains block the moist winds")
    );
}

#[test]
fn no_join_of_two_clauses_is_no_statement() {
    // "because of" takes a noun; "so that" is a purpose.
    assert!(read("The match was stopped because of heavy rain.", Lang::En).is_none());
    assert!(
        read(
            "The rails are stretched, so that they never buckle.",
            Lang::En
        )
        .is_none()
    );
    // Two markers: which cause goes with which effect is not one clause's.
    let two = "Ice floats because water expands as it freezes, so lakes freeze from the top.";
    assert!(read(two, Lang::En).is_none());
}

#[test]
fn a_belief_or_a_denial_is_not_the_texts_cause() {
    let belief = "Many people think that summer is hot because the Earth is nearer the Sun.";
    assert!(read(belief, Lang::En).is_none());
    let es = "Mucha gente cree que en verano hace calor porque la Tierra está más cerca del Sol.";
    assert!(read(es, Lang::Es).is_none());
    let de = "Das Eis schmilzt im Frühling nicht, weil die Sonne scheint.";
    assert!(read(de, Lang::De).is_none());
}

#[test]
fn a_clause_that_points_outside_itself_is_neither_asked_nor_offered() {
    // "their": whose molecules?
    let s = read(
        "Sugar solutions do not conduct electricity, because their molecules have no charge.",
        Lang::En,
    )
    .unwrap();
    assert!(s.clause.is_none());
    // "They" in the part shown, "then" and "that wheel" lean on the sentence before.
    let s = read(
        "They do not conduct electricity, because the electrons cannot move.",
        Lang::En,
    )
    .unwrap();
    assert!(s.shown.is_none());
    let s = read(
        "A control unit then releases the pressure on that wheel, so the tyre keeps gripping.",
        Lang::En,
    )
    .unwrap();
    assert!(s.shown.is_none());
}

#[test]
fn a_clause_too_long_or_cut_by_a_comma_is_no_option() {
    let long = "Bergen is very wet, because moist westerly winds from the open Atlantic Ocean are \
        forced to rise steeply over the high coastal mountains.";
    assert!(read(long, Lang::En).unwrap().clause.is_none());
    let cut = "Cables are hung loosely, because in winter they contract, and could snap.";
    assert!(read(cut, Lang::En).unwrap().clause.is_none());
}

#[test]
fn a_spanish_clause_must_name_its_subject() {
    // "es menos denso": the subject is left out.
    let s = read(
        "El hielo flota porque es menos denso que el agua.",
        Lang::Es,
    )
    .unwrap();
    assert!(s.clause.is_none());
    let s = read(
        "El hielo flota en los lagos porque el agua líquida es más densa.",
        Lang::Es,
    )
    .unwrap();
    assert_eq!(s.clause.as_deref(), Some("el agua líquida es más densa"));
}

#[test]
fn a_german_clause_has_its_markers_shape() {
    // Verb last after "weil", verb first after "deshalb".
    let s = read(
        "Der Druck am Boden sinkt, weil die warme Luft nach oben steigt.",
        Lang::De,
    )
    .unwrap();
    assert_eq!(s.clause.as_deref(), Some("die warme Luft nach oben steigt"));
    assert_eq!(s.marker.shape, "final");
    let s = read(
        "Der Golfstrom bringt warmes Wasser an die Küste, deshalb bleiben die Häfen eisfrei.",
        Lang::De,
    )
    .unwrap();
    assert_eq!(s.clause.as_deref(), Some("bleiben die Häfen eisfrei"));
    assert_eq!(s.marker.shape, "inverted");
    // No verb last: no clause of the shape "weil" takes.
    let s = read(
        "Die Häfen im Norden bleiben offen, weil der Golfstrom fließt bis zum Nordkap.",
        Lang::De,
    )
    .unwrap();
    assert!(s.clause.is_none());
}

#[test]
fn a_french_option_fits_the_markers_elision() {
    assert!(fits_after(" parce qu'", "il fait chaud", Lang::Fr));
    assert!(!fits_after(" parce qu'", "la Terre tourne", Lang::Fr));
    assert!(!fits_after(" parce que ", "elle se déplace vite", Lang::Fr));
    assert!(fits_after(" parce que ", "la Terre tourne", Lang::Fr));
    assert!(fits_after(", car ", "elle se déplace vite", Lang::Fr));
}

#[test]
fn a_first_word_is_lowered_only_when_small_or_common_and_a_name_kept() {
    let common: HashSet<&str> = ["water"].into_iter().collect();
    let names: HashSet<&str> = ["Norway"].into_iter().collect();
    let lower = Lower {
        lang: Lang::En,
        common: &common,
        names: &names,
    };
    assert_eq!(
        lower.first("The tide rises").as_deref(),
        Some("the tide rises")
    );
    assert_eq!(
        lower.first("Water expands").as_deref(),
        Some("water expands")
    );
    assert_eq!(
        lower.first("Norway exports oil").as_deref(),
        Some("Norway exports oil")
    );
    // A capital the text never explains: no option.
    assert_eq!(lower.first("Glass can crack"), None);
}

/// A text of causal statements on different things: a question asks one clause, its wrong
/// answers are the others, none sharing a content word with the stem.
#[test]
fn a_causal_statement_is_asked_with_the_texts_other_clauses() {
    let text = "Weather and rock\n\n\
        The desert stays dry, because the mountains block the moist winds.\n\n\
        Limestone dissolves slowly, because rainwater contains a weak acid.\n\n\
        The lake freezes from the top, because ice floats on water.\n\n\
        Copper wires carry current well, so electricians use them in houses.\n\n\
        The harbour stays open in winter, because a warm current reaches the coast.\n\n\
        Bats hunt at night, because moths fly after sunset.";
    let ask = Ask {
        count: 10,
        rules: mcq::Rules::new(4),
        language: "English",
        difficulty: "medium",
        origin: "causes.txt",
    };
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    let quiz = generate(text, &ask, &mut rng);
    let asked: Vec<_> = (quiz.iter())
        .filter(|q| q.question.ends_with("Which explanation fills the gap?"))
        .collect();
    assert!(!asked.is_empty(), "{quiz:#?}");
    for q in asked {
        let stems = |s: &str| Lang::En.content_stems(s);
        let stem = stems(&q.question);
        let key = &q.options[q.answer_index];
        assert!(text.contains(&format!("because {key}.")), "{q:#?}");
        for o in &q.options {
            assert!(!share(&stems(o), &stem), "{o} in {q:#?}");
        }
    }
}

#[test]
fn a_clause_ends_where_a_second_one_joins_after_a_comma() {
    let s = read(
        "Salt crystals do not conduct when solid, because the ions cannot move, but they \
         conduct when molten.",
        Lang::En,
    )
    .unwrap();
    assert_eq!(s.clause.as_deref(), Some("the ions cannot move"));
    let s = read(
        "Le granite résiste bien au gel, car la roche est très compacte, ce qui limite l'érosion.",
        Lang::Fr,
    )
    .unwrap();
    assert_eq!(s.clause.as_deref(), Some("la roche est très compacte"));
    // German: the clause before the cut keeps its verb last.
    let s = read(
        "Der See friert selten zu, weil das Wasser sehr tief ist, aber im Winter gibt es Nebel.",
        Lang::De,
    )
    .unwrap();
    assert_eq!(s.clause.as_deref(), Some("das Wasser sehr tief ist"));
}

#[test]
fn a_possessive_of_the_clauses_own_subject_points_nowhere_else() {
    // "their" is the particles': the part shown stands on its own.
    let s = read(
        "The particles pass energy on to their neighbours, so sound cannot cross a vacuum.",
        Lang::En,
    )
    .unwrap();
    assert!(s.shown.is_some());
    // "their" after a singular subject is someone else's.
    let s = read(
        "The land on their eastern side gets little rain, so farmers grow dates.",
        Lang::En,
    )
    .unwrap();
    assert!(s.shown.is_none());
    // A subject pronoun still points back.
    let s = read(
        "The river floods because they cut down the forests upstream.",
        Lang::En,
    )
    .unwrap();
    assert!(s.clause.is_none());
}
