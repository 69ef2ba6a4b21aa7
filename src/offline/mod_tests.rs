//! The quiz's choices' tests.
use super::*;

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
fn wrong_values_stay_on_the_answers_side_of_the_stems_total() {
    let tonnes = |amount: f64| detect::Value {
        amount,
        decimals: 0,
        word: false,
        times: None,
        unit: "tonnes".into(),
        percent: false,
    };
    let wrong = vec![
        "5 500 tonnes".to_owned(),
        "10 200 tonnes".to_owned(),
        "9 500 tonnes".to_owned(),
    ];
    // "La charpente pèse 7 300 tonnes et le poids total atteint 10 100 tonnes."
    let kept = same_side(wrong.clone(), &tonnes(7300.0), &[tonnes(10100.0)], Lang::Fr);
    assert_eq!(kept, ["5 500 tonnes", "9 500 tonnes"]);
    // Another unit bounds nothing.
    let mut metres = tonnes(10100.0);
    metres.unit = "mètres".into();
    assert_eq!(
        same_side(wrong.clone(), &tonnes(7300.0), &[metres], Lang::Fr),
        wrong
    );
}
