//! The quiz's choices' tests.
use super::*;

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
