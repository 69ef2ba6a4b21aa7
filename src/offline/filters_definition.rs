//! A value fixed by definition (one unit said in another), by a worked sum in the stem, or
//! chosen for a worked example.
use super::Draft;
use crate::offline::detect::Kind;
use crate::offline::lang::Lang;
use crate::offline::read::Doc;

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

/// Whether a value is a worked example's figure ("Consider a trolley of mass 2 kg moving at 3
/// m/s"): chosen to make the sum easy, no fact a teacher tests (`in_example`).
pub(super) fn worked_example(d: &Draft<'_>) -> bool {
    d.example && matches!(d.kind, Kind::Value(_) | Kind::Span(_))
}

/// Whether sentence `at` of the text is in a worked example: it, or its paragraph's first
/// sentence, opens with an example's words ("For example", "Suppose", "Consider", "Angenommen"),
/// its paragraph works a sum out between figures ("1,200 × 15 = 18,000 kg m/s"), or its
/// section's heading names an example ("Worked example 2", "Exemple :").
pub(in crate::offline) fn in_example(doc: &Doc, at: usize, lang: Lang) -> bool {
    let words = &lang.data().words;
    let sentence = &doc.sentences[at];
    let opens = |text: &str| {
        let lower = text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        words.example_openers.iter().any(|o| {
            lower
                .strip_prefix(o.as_str())
                .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
        })
    };
    // A heading names an example by its first words alone or before a number or a colon
    // ("Example 1: a collision"), not "Examples of pollinators".
    let headed = sentence.section > 0
        && (doc.headings.get(sentence.section - 1)).is_some_and(|heading| {
            let lower = heading.trim().to_lowercase();
            // "A worked example": after an article too.
            let lower = (words.articles.iter())
                .find_map(|a| lower.strip_prefix(&format!("{a} ")))
                .map_or(lower.clone(), str::to_owned);
            words.example_headings.iter().any(|e| {
                lower.strip_prefix(e.as_str()).is_some_and(|r| {
                    let r = r.trim_start();
                    r.is_empty() || r.starts_with(|c: char| c.is_numeric() || ":—–-.".contains(c))
                })
            })
        });
    let paragraph: Vec<&str> = (doc.sentences.iter())
        .filter(|t| t.paragraph == sentence.paragraph)
        .map(|t| t.text.as_str())
        .collect();
    opens(&sentence.text)
        || headed
        || paragraph.first().is_some_and(|first| opens(first))
        || paragraph.iter().any(|t| works_a_sum(t))
}

/// Whether a sentence works a sum out between figures: "×" or "÷" between a figure (or a
/// figure's unit) and a figure ("2 × 3", "1,400 ÷ 0.02", "½ × 2 × 3²"), or "=" before a figure
/// after one ("100 °C − 20 °C = 80 °C"). A formula names no figures ("p = m × v"), and "1 kPa =
/// 1,000 Pa" states a unit (`by_definition`), not a sum.
fn works_a_sum(s: &str) -> bool {
    let t: Vec<&str> = s.split_whitespace().collect();
    let figure = |x: &str| {
        x.trim_end_matches(['²', '³', ')', ','])
            .ends_with(char::is_numeric)
    };
    let one = |x: &str| x == "1";
    (1..t.len().saturating_sub(1)).any(|k| {
        let next = t[k + 1]
            .trim_start_matches('(')
            .starts_with(char::is_numeric);
        // The figure before the sign, or before its unit ("2 kg ×").
        let before = if figure(t[k - 1]) {
            Some(t[k - 1])
        } else {
            (k >= 2 && figure(t[k - 2]) && t[k - 1].chars().count() <= 8).then(|| t[k - 2])
        };
        next && before.is_some_and(|b| match t[k] {
            "×" | "÷" => true,
            "=" => !one(b),
            _ => false,
        })
    })
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

    /// Whether each sentence of the text is in a worked example.
    fn examples(text: &str, lang: Lang) -> Vec<bool> {
        let doc = crate::offline::read::read(text, lang);
        (0..doc.sentences.len())
            .map(|i| in_example(&doc, i, lang))
            .collect()
    }

    #[test]
    fn a_worked_examples_figures_are_not_asked() {
        // A paragraph opened by an example's words: all its sentences.
        let text = "Sound travels through air at 340 m/s at room temperature.\n\n\
            Suppose a girl shouts at a cliff 170 m away. The echo returns after 1 s.\n";
        assert_eq!(examples(text, Lang::En), [false, true, true]);
        // A paragraph working a sum out: its figures are the example's.
        let text = "Heat flows from hot to cold. A kettle holds 2 kg of water. Heating it by \
            50 °C takes 2 × 4,200 × 50 = 420,000 J.\n\nWater boils at 100 °C at sea level.\n";
        assert_eq!(examples(text, Lang::En), [true, true, true, false]);
        // A formula names no figures; a unit said in another is no sum.
        let text = "Pressure is force over area, p = F ÷ A. The air presses with 101 kPa, \
            and 1 kPa = 1,000 Pa.\n";
        assert_eq!(examples(text, Lang::En), [false, false]);
        // A sentence opened by an example's words, in each language.
        for (text, lang) in [
            (
                "Le son est rapide. Par exemple, il parcourt 340 m en une seconde.",
                Lang::Fr,
            ),
            (
                "El sonido es rápido. Supongamos que un coche recorre 30 m en un segundo.",
                Lang::Es,
            ),
            (
                "Der Schall ist schnell. Angenommen, ein Auto fährt 30 m in einer Sekunde.",
                Lang::De,
            ),
            (
                "Sound travels fast through the air. Imagine a car that covers 30 m in one second.",
                Lang::En,
            ),
        ] {
            assert_eq!(examples(text, lang), [false, true], "{text}");
        }
        // A section headed as an example, and one headed by examples of a kind.
        let text = "# Forces\n\nA force is a push or a pull.\n\n## Worked example 1\n\n\
            A crate of 40 kg is pulled with 200 N.\n\n## Examples of forces\n\n\
            Friction slows a sliding box.\n";
        assert_eq!(examples(text, Lang::En), [false, true, false]);
        let text = "## Beispiel\n\nEin Wagen von 900 kg fährt mit 20 m/s.\n";
        assert_eq!(examples(text, Lang::De), [true]);
    }

    #[test]
    fn a_value_in_an_example_is_struck_and_a_year_is_not() {
        let kg = value("kg");
        let mut d = draft(
            &kg,
            "A skater of 60 kg pushes one of 40 kg.",
            "40 kg",
            Lang::En,
        );
        assert!(!worked_example(&d));
        d.example = true;
        assert!(worked_example(&d));
        let year = Kind::Year { era: None };
        let mut d = draft(
            &year,
            "For example, in 1850 the city grew.",
            "1850",
            Lang::En,
        );
        d.example = true;
        assert!(!worked_example(&d));
    }
}
