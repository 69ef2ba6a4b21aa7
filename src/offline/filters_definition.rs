//! A value fixed by definition (one unit said in another) or by a worked sum in the stem.
use super::Draft;
use crate::offline::detect::Kind;

/// Whether a value is one unit said in another: "1 kPa = _____", "one kilometre is _____",
/// "_____ make one kilometre". A conversion is fixed by its definition (kilo- is a thousand),
/// so wrong answers beside it (2,000 Pa) are absurd rather than wrong. "One mole contains
/// 6.02 × 10²³ particles" is a measured count, not a conversion: "contains" is no link.
pub(super) fn by_definition(d: &Draft<'_>) -> bool {
    if !matches!(d.kind, Kind::Value(v) if !v.unit.is_empty()) {
        return false;
    }
    let w = &d.lang.data().words;
    let one = |t: &str| t == "1" || w.numbers.get(t) == Some(&1);
    let tokens = |s: &str| -> Vec<String> {
        s.split_whitespace()
            .map(|t| {
                t.trim_matches(|c: char| !c.is_alphanumeric() && c != '=')
                    .to_lowercase()
            })
            .filter(|t| !t.is_empty())
            .collect()
    };
    let links: Vec<Vec<String>> = w.unit_links.iter().map(|l| tokens(l)).collect();
    // Before: "… 1 kPa =" (one, a unit of one or two words, a link).
    let before = tokens(d.before);
    let states = links.iter().any(|l| {
        before.ends_with(l) && {
            let rest = &before[..before.len() - l.len()];
            (1..=2).any(|n| rest.len() > n && one(&rest[rest.len() - n - 1]))
        }
    });
    // After: "_____ make one kilometre" (a link, one, a unit).
    let after = tokens(d.after);
    states
        || links.iter().any(|l| {
            after.starts_with(l)
                && after.get(l.len()).is_some_and(|t| one(t))
                && after.len() > l.len() + 1
        })
}

/// Whether a value sits in a worked example written out as a sum ("Q = m × c × ΔT = 2 kg × 4,200
/// J/kg °C × 80 °C", "100 °C − 20 °C = _____"): the result is given by the figures beside it,
/// and a figure put in is an example's, no fact a teacher tests.
pub(super) fn worked_sum(d: &Draft<'_>) -> bool {
    if !matches!(d.kind, Kind::Value(_) | Kind::Span(_)) {
        return false;
    }
    let s = format!("{} _ {}", d.before, d.after);
    s.contains(" = ") || s.contains(" × ") || s.contains(" ÷ ") || {
        // A minus sign between two figures: "100 °C − 20 °C" (a dash joins a range).
        let b: Vec<&str> = s.split_whitespace().collect();
        b.windows(3).any(|w| {
            w[1] == "−"
                && w[0].ends_with(|c: char| c.is_ascii_digit() || c == 'C')
                && w[2].starts_with(|c: char| c.is_ascii_digit())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::draft;
    use super::*;
    use crate::offline::detect::Value;
    use crate::offline::lang::Lang;

    fn value(unit: &str) -> Kind {
        Kind::Value(Value {
            amount: 1000.0,
            decimals: 0,
            word: false,
            times: None,
            unit: unit.into(),
            percent: false,
        })
    }

    fn struck(sentence: &str, answer: &str, unit: &str, lang: Lang) -> bool {
        let kind = value(unit);
        by_definition(&draft(&kind, sentence, answer, lang))
    }

    #[test]
    fn a_unit_said_in_another_is_fixed_by_definition() {
        let en = Lang::En;
        assert!(struck(
            "Large forces are given in kilonewtons: 1 kN = 1,000 N.",
            "1,000 N",
            "N",
            en
        ));
        assert!(struck(
            "One kilometre is 1,000 metres.",
            "1,000 metres",
            "metres",
            en
        ));
        assert!(struck(
            "On the map, one square kilometre equals 100 hectares.",
            "100 hectares",
            "hectares",
            en
        ));
        assert!(struck(
            "Exactly 1,000 grams make one kilogram.",
            "1,000 grams",
            "grams",
            en
        ));
        assert!(struck(
            "Ein Kilometer sind 1.000 Meter.",
            "1.000 Meter",
            "Meter",
            Lang::De
        ));
        assert!(struck(
            "Un kilomètre vaut 1 000 mètres.",
            "1 000 mètres",
            "mètres",
            Lang::Fr
        ));
        // A measured count or a quantity of a thing is a fact, not a definition.
        assert!(!struck(
            "One mole of any substance contains 602,000 billion billion particles.",
            "602,000 billion billion particles",
            "particles",
            en
        ));
        assert!(!struck(
            "An adult kidney is about 11 cm long.",
            "11 cm",
            "cm",
            en
        ));
        assert!(!struck(
            "The tower is 330 metres high.",
            "330 metres",
            "metres",
            en
        ));
        assert!(!struck(
            "In one day the kidneys filter 180 litres of blood.",
            "180 litres",
            "litres",
            en
        ));
    }

    #[test]
    fn a_figure_of_a_sum_written_out_is_not_asked() {
        let kind = value("°C");
        let sum = |s| worked_sum(&draft(&kind, s, "80 °C", Lang::En));
        assert!(sum("The rise in temperature is 100 °C − 20 °C = 80 °C."));
        assert!(sum("Q = 2 kg × 4,200 J/kg °C × 80 °C = 672,000 J."));
        // A range's dash and a negative value are no sums.
        assert!(!sum("The water warms by 80 °C, from 20 °C to 100 °C."));
        assert!(!sum("Keep the freezer at −18 °C and the oven at 80 °C."));
    }
}
