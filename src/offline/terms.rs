//! The key terms of a sentence and their kinds — numbers with units, years, names, defined
//! terms, repeated nouns — and, for numbers the text lacks, nearby values of the same kind.

use std::collections::{BTreeMap, HashSet};

use rand::Rng;
use rand::seq::SliceRandom;

/// The kind of a key term; distractors are always of the answer's kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A number with its unit (the unit may be empty).
    Number(String),
    /// A year, 1000–2100.
    Year,
    /// A capitalised name: a person, place, body, event.
    Name,
    /// A defined or repeated term.
    Term,
}

#[derive(Debug, Clone)]
pub(super) struct Term {
    pub(super) text: String,
    pub(super) kind: Kind,
}

const UNITS: [&str; 40] = [
    "%",
    "percent",
    "per cent",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "m",
    "cm",
    "mm",
    "kg",
    "grams",
    "g",
    "tonnes",
    "tons",
    "litres",
    "liters",
    "°c",
    "°f",
    "degrees",
    "years",
    "year",
    "days",
    "day",
    "hours",
    "minutes",
    "seconds",
    "million",
    "billion",
    "thousand",
    "people",
    "species",
    "bones",
    "planets",
    "moons",
    "chromosomes",
    "teeth",
    "kilometres per second",
];

pub(super) fn is_stop(w: &str) -> bool {
    const EXTRA: [&str; 31] = [
        "after", "it", "they", "he", "she", "we", "you", "i", "there", "their", "its", "his",
        "her", "also", "but", "not", "has", "have", "had", "can", "may", "into", "than", "then",
        "so", "such", "some", "many", "each", "all", "about",
    ];
    let l = w.to_lowercase();
    crate::mcq::is_stopword(&l) || EXTRA.contains(&l.as_str())
}

pub(super) fn clean_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '°' && c != '-' && c != '\'')
        .trim_end_matches("'s")
}

/// Numbers (with a unit after them, or as a year), found in one sentence.
pub(super) fn numbers_in(sentence: &str) -> Vec<Term> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let core = w.trim_matches(|c: char| {
            !c.is_ascii_digit() && c != '.' && c != ',' && c != '%' && c != '°'
        });
        let digits = core.trim_end_matches(['%', '.', ',']).trim_end_matches('°');
        if digits.is_empty()
            || !digits.chars().next().is_some_and(|c| c.is_ascii_digit())
            || !digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            continue;
        }
        if core.ends_with('%') {
            out.push(Term {
                text: format!("{digits}%"),
                kind: Kind::Number("%".into()),
            });
            continue;
        }
        let next = words
            .get(i + 1)
            .map(|n| clean_word(n).to_lowercase())
            .unwrap_or_default();
        let next2 = words
            .get(i + 2)
            .map(|n| clean_word(n).to_lowercase())
            .unwrap_or_default();
        let unit = if UNITS.contains(&format!("{next} {next2}").as_str()) && !next2.is_empty() {
            format!("{next} {next2}")
        } else if UNITS.contains(&next.as_str()) {
            next.clone()
        } else {
            String::new()
        };
        if matches!(next.as_str(), "bc" | "ad" | "bce" | "ce") && !digits.contains([',', '.']) {
            let era = clean_word(words[i + 1]);
            out.push(Term {
                text: format!("{digits} {era}"),
                kind: Kind::Number(next),
            });
            continue;
        }
        if unit.is_empty() {
            if digits.len() == 4
                && !digits.contains([',', '.'])
                && (1000..=2100).contains(&digits.parse::<u32>().unwrap_or(0))
            {
                out.push(Term {
                    text: digits.to_owned(),
                    kind: Kind::Year,
                });
            }
            continue;
        }
        let shown_unit = words[i + 1..i + 1 + unit.split(' ').count()]
            .iter()
            .map(|w| clean_word(w))
            .collect::<Vec<_>>()
            .join(" ");
        out.push(Term {
            text: format!("{digits} {shown_unit}"),
            kind: Kind::Number(unit),
        });
    }
    out
}

/// Capitalised names in one sentence (not the sentence's first word unless `known` has it).
pub(super) fn names_in(sentence: &str, known_caps: &HashSet<String>) -> Vec<Term> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<Term>| {
        while run.last().is_some_and(|w| is_stop(w)) {
            run.pop();
        }
        if !run.is_empty() {
            let text = run.join(" ");
            if text.chars().count() > 2 {
                out.push(Term {
                    text,
                    kind: Kind::Name,
                });
            }
        }
        run.clear();
    };
    for (i, raw) in words.iter().enumerate() {
        let w = clean_word(raw);
        let cap =
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase);
        let first = i == 0;
        let joiner = !run.is_empty() && matches!(w, "of" | "de" | "von" | "van" | "the");
        if (cap && (!first || known_caps.contains(w)) && !is_stop(w)) || joiner {
            run.push(w);
        } else {
            flush(&mut run, &mut out);
        }
        if raw.ends_with([',', ';', ':', ')']) || raw.starts_with('(') {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// A defined term: `X is/are a …`, `called X`, `known as X`.
pub(super) fn definitions_in(sentence: &str) -> Vec<Term> {
    let mut out = Vec::new();
    let lower = sentence.to_lowercase();
    for marker in ["called ", "known as ", "named "] {
        if let Some(i) = lower.find(marker) {
            let tail = &sentence[i + marker.len()..];
            let phrase: Vec<&str> = tail
                .split_whitespace()
                .take(3)
                .take_while(|w| !is_stop(clean_word(w)))
                .collect();
            let mut words: Vec<&str> = Vec::new();
            for w in phrase {
                words.push(clean_word(w));
                if w.ends_with([',', '.', ';', ':']) {
                    break;
                }
            }
            if !words.is_empty() {
                out.push(Term {
                    text: words.join(" "),
                    kind: Kind::Term,
                });
            }
        }
    }
    if !out.is_empty() {
        // "This flow is called surface runoff": the defined term is the one named, not "flow".
        return out;
    }
    for verb in [" is a ", " is an ", " is the ", " are ", " is "] {
        if let Some(i) = lower.find(verb) {
            let subject: Vec<&str> = sentence[..i].split_whitespace().collect();
            let subject: Vec<&str> = subject.iter().copied().skip_while(|w| is_stop(w)).collect();
            if (1..=3).contains(&subject.len()) && subject.iter().all(|w| !is_stop(w)) {
                let text = subject
                    .iter()
                    .map(|w| clean_word(w))
                    .collect::<Vec<_>>()
                    .join(" ");
                if text.chars().any(char::is_alphabetic) {
                    out.push(Term {
                        text,
                        kind: Kind::Term,
                    });
                }
            }
            break;
        }
    }
    out
}

/// Nouns of five letters or more that the text repeats: its key vocabulary. A word counts as a
/// noun when it follows a determiner somewhere and has no verb or adjective ending.
pub(super) fn key_words(sentences: &[String]) -> HashSet<String> {
    const DETERMINERS: [&str; 12] = [
        "the", "a", "an", "their", "its", "his", "her", "two", "three", "many", "these", "those",
    ];
    const NOT_NOUN: [&str; 9] = ["ed", "ing", "ly", "ful", "ous", "ive", "ic", "able", "ible"];
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut after_det: HashSet<String> = HashSet::new();
    for s in sentences {
        let mut prev = String::new();
        for w in s.split_whitespace() {
            let w = clean_word(w).to_lowercase();
            if w.chars().count() >= 5
                && w.chars().all(char::is_alphabetic)
                && !is_stop(&w)
                && !NOT_NOUN.iter().any(|e| w.ends_with(e))
            {
                *counts.entry(w.clone()).or_default() += 1;
                if DETERMINERS.contains(&prev.as_str()) {
                    after_det.insert(w.clone());
                }
            }
            prev = w;
        }
    }
    counts
        .into_iter()
        .filter(|(w, n)| *n >= 2 && after_det.contains(w))
        .map(|(w, _)| w)
        .collect()
}

/// For numbers the text does not offer enough of: nearby values with the same unit.
pub(super) fn numeric_variants<R: Rng>(
    term: &Term,
    n: usize,
    taken: &[String],
    rng: &mut R,
) -> Vec<String> {
    let (digits, unit) = match &term.kind {
        Kind::Year => (term.text.as_str(), ""),
        Kind::Number(_) => match term.text.split_once(' ') {
            Some((d, u)) => (d, u),
            None => (
                term.text.trim_end_matches('%'),
                if term.text.ends_with('%') { "%" } else { "" },
            ),
        },
        _ => return Vec::new(),
    };
    let Ok(value) = digits.replace(',', "").parse::<f64>() else {
        return Vec::new();
    };
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
    let additive = match &term.kind {
        Kind::Year => true,
        Kind::Number(u) => matches!(u.as_str(), "bc" | "ad" | "bce" | "ce"),
        _ => false,
    };
    let factors: Vec<f64> = if additive {
        vec![-50.0, -20.0, -10.0, 10.0, 20.0, 50.0, -100.0, 100.0]
    } else {
        vec![0.5, 2.0, 0.75, 1.5, 0.25, 3.0, 10.0, 0.1]
    };
    let mut out = Vec::new();
    let mut order = factors;
    order.shuffle(rng);
    for f in order {
        if out.len() == n {
            break;
        }
        let v = if additive { value + f } else { value * f };
        if v <= 0.0 || (unit == "%" && v > 100.0) {
            continue;
        }
        let num = if decimals > 0 {
            format!("{v:.decimals$}")
        } else {
            format!("{}", v.round() as i64)
        };
        let num = if digits.contains(',') {
            with_commas(&num)
        } else {
            num
        };
        let text = match unit {
            "" => num,
            "%" => format!("{num}%"),
            u => format!("{num} {u}"),
        };
        if text != term.text && !taken.contains(&text) && !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

pub(super) fn with_commas(n: &str) -> String {
    let (int, frac) = n.split_once('.').map_or((n, None), |(i, f)| (i, Some(f)));
    let mut s = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            s.push(',');
        }
        s.push(c);
    }
    if let Some(f) = frac {
        s.push('.');
        s.push_str(f);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_names_and_definitions() {
        let n = numbers_in("The Nile is about 6,650 km long and was mapped in 1858.");
        assert_eq!(n[0].text, "6,650 km");
        assert_eq!(n[1].kind, Kind::Year);
        let caps = HashSet::new();
        let names = names_in(
            "The river flows through Egypt and reaches the Mediterranean Sea near Alexandria.",
            &caps,
        );
        let texts: Vec<&str> = names.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, vec!["Egypt", "Mediterranean Sea", "Alexandria"]);
        let d = definitions_in("Photosynthesis is the process by which plants make sugar.");
        assert_eq!(d[0].text, "Photosynthesis");
    }

    #[test]
    fn numeric_variants_keep_unit() {
        let t = Term {
            text: "6,650 km".into(),
            kind: Kind::Number("km".into()),
        };
        let v = numeric_variants(&t, 3, &[], &mut crate::mcq::rng_from(Some(1)));
        assert_eq!(v.len(), 3);
        assert!(
            v.iter().all(|x| x.ends_with(" km") && x != "6,650 km"),
            "{v:?}"
        );
    }
}
