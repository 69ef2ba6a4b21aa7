//! Detectors: the candidate answers of each sentence, by kind. A year, a value with its unit,
//! a person, a place of a known kind, and a defined term; anything whose kind cannot be told
//! for certain is not a candidate.
#![allow(
    clippy::float_cmp,
    reason = "amounts are parsed from the text's digits and compared exactly on purpose"
)]

use std::sync::OnceLock;

use regex::Regex;

use super::filters;
use super::lang::{Lang, ends_with_any};
use super::lexicon::{self, PlaceKind};
use super::read::{Doc, Gloss};
use super::{define, define_more};
#[path = "detect_units.rs"]
mod units;
#[path = "detect_years.rs"]
mod years;
use units::compound_unit;
use years::year_at;
pub(super) use years::{centuries, years_in};

/// The kind of an answer: what its wrong answers must be.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Kind {
    /// A year, with its era when the text gives one ("44 BC").
    Year {
        era: Option<String>,
    },
    /// A number and what it counts or measures ("6,400 kilometres", "three seconds").
    Value(Value),
    Person,
    Place(PlaceKind),
    /// A term the text defines.
    Term,
    /// A range of years or values asked whole (`span`).
    Span(super::span::Span),
}

/// A number as the text writes it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Value {
    pub(super) amount: f64,
    /// Digits after the decimal mark.
    pub(super) decimals: usize,
    /// Written as a word ("three").
    pub(super) word: bool,
    /// The multiplier after it, as written ("million").
    pub(super) times: Option<String>,
    pub(super) unit: String,
    pub(super) percent: bool,
}

/// A candidate answer in a sentence: its byte span and kind.
#[derive(Clone, Debug)]
pub(super) struct Found {
    pub(super) sentence: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
}

/// A term and what the text says it means.
#[derive(Clone, Debug)]
pub(super) struct Definition {
    pub(super) term: String,
    pub(super) meaning: String,
    /// The sentence it was read from (none for a glossary line).
    pub(super) sentence: Option<usize>,
    pub(super) section: usize,
    /// For "This reaction is called neutralisation.", whose meaning is the sentence before: the
    /// naming sentence around the term, asked as a gap after that sentence.
    pub(super) cloze: Option<(String, String)>,
}

pub(super) fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    // Groups of three after a first group of one to three digits (1,500; 18 038; 1.500), or a
    // plain run of digits, then decimals.
    RE.get_or_init(|| {
        Regex::new(r"\d{1,3}(?:[,.\u{a0}\u{202f} ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?")
            .expect("number pattern")
    })
}

/// Reads a number as written in `lang` ("18 038", "1.500", "1,5", "6,400").
pub(super) fn parse_number(s: &str, lang: Lang) -> Option<(f64, usize)> {
    let w = &lang.data().words;
    let mut digits = String::new();
    let mut decimals = None;
    for c in s.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            if let Some(d) = decimals.as_mut() {
                *d += 1;
            }
        } else if c.to_string() == w.decimal && decimals.is_none() {
            // A mark followed by exactly three digits in a thousands language is a separator.
            decimals = Some(0);
            digits.push('.');
        } else if !w.thousands.iter().any(|t| t.starts_with(c)) {
            return None;
        }
    }
    // "1,500" in a language whose decimal mark is "," but read as a group of three: a
    // separator too, when the language groups with "." or a space as well.
    let amount: f64 = digits.parse().ok()?;
    Some((amount, decimals.unwrap_or(0)))
}

/// Every candidate of the text.
pub(super) fn candidates(doc: &Doc, lang: Lang) -> Vec<Found> {
    let mut out = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        numbers_in(&s.text, i, lang, &mut out);
        super::span::spans_in(&s.text, i, lang, &mut out);
        names_in(&s.text, i, lang, &mut out);
    }
    out
}

fn numbers_in(text: &str, sentence: usize, lang: Lang, out: &mut Vec<Found>) {
    let w = &lang.data().words;
    for m in number_re().find_iter(text) {
        let (start, end) = (m.start(), m.end());
        // Part of a word, a range ("1914-1918"), a time, a code, or a negative value whose
        // sign would stay outside the gap ("−18 °C"): not a number to ask.
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_some_and(|c| c.is_alphanumeric() || "-–−‒/:".contains(c))
            || after.is_some_and(|c| c.is_alphanumeric() || "-–/:".contains(c))
        {
            continue;
        }
        let rest = &text[end..];
        let next = rest.split_whitespace().next().unwrap_or("");
        let next_word = next
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        // "9. November", "9 novembre": a day, not a number.
        if w.months.contains(&next_word)
            || rest.starts_with(". ")
                && w.months
                    .iter()
                    .any(|m| rest[2..].to_lowercase().starts_with(m.as_str()))
        {
            continue;
        }
        if let Some(kind) = year_at(text, start, end, lang) {
            let end = end + era_len(rest, &w.eras);
            out.push(Found {
                sentence,
                start,
                end,
                kind,
            });
            continue;
        }
        let Some((amount, decimals)) = parse_number(m.as_str(), lang) else {
            continue;
        };
        // "1 millimetre": its wrong answers would need a plural the text does not give; "£100,000
        // worth": a sum of money would leave its sign in the stem and take the next word.
        if amount == 1.0 || text[..start].ends_with(['£', '$', '€', '¥']) {
            continue;
        }
        // "the 1215 charter", "die 1989er Ereignisse": a year before a noun names a thing by
        // its date; it counts nothing. So after a possessive ("its 1929 value", "Steinbeck's
        // 1939 novel": round 27 offered "1736 value").
        let article_before = text[..start]
            .split_whitespace()
            .next_back()
            .is_some_and(|a| {
                let a = a.to_lowercase();
                w.articles.contains(&a)
                    || w.possessives.contains(&a)
                    || super::lang::possessor(&a).is_some()
            });
        if article_before && m.as_str().len() == 4 && (1000.0..=2099.0).contains(&amount) {
            continue;
        }
        // German: a year-shaped number before a noun no data counts is a year beside the
        // sentence's noun ("wurde Koch 1872 Kreisphysikus"); a year is no value.
        let year_shaped = m.as_str().len() == 4
            && m.as_str().chars().all(|c| c.is_ascii_digit())
            && (1000.0..=2099.0).contains(&amount);
        if let Some((v, len)) = value_after(rest, amount, decimals, false, lang) {
            if lang == Lang::De
                && year_shaped
                && v.times.is_none()
                && !v.percent
                && !w.year_shaped_counts.contains(&v.unit.to_lowercase())
            {
                continue;
            }
            out.push(Found {
                sentence,
                start,
                end: end + len,
                kind: Kind::Value(v),
            });
        }
    }
    // Numbers written as words ("trois quarts", "seven countries") are left out: mostly
    // small counts inside fixed phrases, whose wrong answers read as absurd.
}

/// The words of a text with their byte offsets.
fn words_of(text: &str) -> impl Iterator<Item = (usize, &str)> {
    use unicode_segmentation::UnicodeSegmentation;
    text.split_word_bound_indices()
        .filter(|(_, w)| w.chars().next().is_some_and(char::is_alphanumeric))
}

/// The era right after a year, whole ("BCE", not "BC" of it), the longest that fits.
fn era_at<'a>(rest: &str, eras: &'a [String]) -> Option<&'a str> {
    let t = rest.trim_start();
    if rest.len() - t.len() > 1 {
        return None;
    }
    eras.iter()
        .filter(|e| {
            t.strip_prefix(e.as_str())
                .is_some_and(|after| !after.starts_with(char::is_alphanumeric))
        })
        .max_by_key(|e| e.len())
        .map(String::as_str)
}

fn era_len(rest: &str, eras: &[String]) -> usize {
    let t = rest.trim_start();
    era_at(rest, eras).map_or(0, |e| rest.len() - t.len() + e.len())
}

/// The unit after a number: a percent sign or word, or a word that is no stop word, month or
/// name ("kilometres", "people"), with a multiplier before it ("million people"). Returns the
/// value and the bytes of `rest` it takes.
pub(super) fn value_after(
    rest: &str,
    amount: f64,
    decimals: usize,
    word: bool,
    lang: Lang,
) -> Option<(Value, usize)> {
    let w = &lang.data().words;
    let lower = rest.to_lowercase();
    let mut taken = 0;
    let mut times = None;
    let mut amount_scaled = amount;
    let skip_space = |s: &str| s.len() - s.trim_start().len();
    // A multiplier: "million", "Millionen".
    let t = &lower[skip_space(&lower)..];
    let first = t
        .split(|c: char| c.is_whitespace() || ",;:)".contains(c))
        .next()
        .unwrap_or("");
    if let Some(&m) = w.multipliers.get(first) {
        taken = skip_space(&lower) + first.len();
        times = Some(rest[skip_space(rest)..skip_space(rest) + first.len()].to_owned());
        amount_scaled *= m as f64;
    }
    let after = &lower[taken..];
    let gap = skip_space(after);
    let t = &after[gap..];
    if let Some(p) = w.percent.iter().find(|p| t.starts_with(p.as_str())) {
        let unit = rest[taken + gap..taken + gap + p.len()].to_owned();
        let v = Value {
            amount,
            decimals,
            word,
            times,
            unit,
            percent: true,
        };
        return (amount_scaled <= 100.0 || v.times.is_some()).then_some((v, taken + gap + p.len()));
    }
    if gap > 1 {
        return None;
    }
    let unit = unit_word(&rest[taken + gap..]);
    let lu = unit.to_lowercase();
    let symbol = unit.chars().count() <= 3 && unit.chars().any(char::is_alphabetic);
    // German nouns are capitalised: a lower-case word after a number is a verb or adjective
    // ("1989 schien"); elsewhere a capitalised one is a name.
    let noun_case = if lang == Lang::De {
        unit.starts_with(char::is_uppercase)
    } else {
        unit.starts_with(char::is_lowercase)
    };
    // A noun, not a verb ("cinq enfants ; trois meurent"): English asks WordNet; French and
    // Spanish count nouns after a number take the plural's -s or -x.
    let noun = match lang {
        Lang::En => lexicon::noun(&lu).is_some(),
        Lang::Fr | Lang::Es => amount < 2.0 || lu.ends_with(['s', 'x']),
        Lang::De => true,
    };
    let ok = !unit.is_empty()
        && (symbol || (unit.chars().count() >= 3 && noun_case && noun))
        && !lang.is_stop(&lu)
        && !w.months.contains(&lu)
        && !w.numbers.contains_key(&lu);
    // "7.15 p.m.": a letter, a stop and another letter is an abbreviation (a time of day), no
    // unit; the gap would leave "_____.m." behind.
    let abbreviated = rest[taken + gap + unit.len()..]
        .strip_prefix('.')
        .is_some_and(|r| r.starts_with(char::is_alphabetic));
    if !ok || abbreviated {
        return None;
    }
    let mut len = taken + gap + unit.len();
    // "117 000 kilomètres carrés": the word that makes a length an area or a volume belongs to
    // the unit, or the gap's options would be lengths in a sentence about an area.
    let unit = match unit_word(rest[len..].strip_prefix(' ').unwrap_or("")) {
        q if rest[len..].starts_with(' ') && w.unit_qualifiers.contains(&q.to_lowercase()) => {
            len += 1 + q.len();
            format!("{unit} {q}")
        }
        _ => unit,
    };
    // "1,400 kg m/s", "50 N m", "4,200 J/(kg °C)": a unit of several symbols is read whole,
    // or the gap would take its first symbol and leave the rest in the stem.
    let unit = match compound_unit(&unit, &rest[len..]) {
        Some(more) => {
            len += more.len();
            format!("{unit}{more}")
        }
        None => unit,
    };
    // "two accessory organs": the noun after an adjective belongs to the unit; a measure's
    // adjective after it ("25 centimetres long") does not.
    let tail = &rest[len..];
    let next = unit_word(tail.strip_prefix(' ').unwrap_or(""));
    let next_lower = next.to_lowercase();
    let unit = if lang == Lang::En
        && !unit.ends_with('s')
        && lexicon::noun(&next).is_some()
        && tail.starts_with(' ')
        && next.chars().count() >= 3
        && next.starts_with(char::is_lowercase)
        && !lang.is_stop(&next_lower)
        && !w.measures.contains(&next_lower)
        // "500 war elephants": a short common noun is no unit's symbol.
        && (!symbol || lexicon::noun(&lu).is_some_and(|e| !e.kinds.contains(&"quantity")))
    {
        len += 1 + next.len();
        format!("{unit} {next}")
    } else if matches!(lang, Lang::Fr | Lang::Es)
        && !symbol
        && tail.starts_with(' ')
        && next.starts_with(char::is_lowercase)
        && next.chars().count() >= 4
        && next_lower.ends_with(['s', 'x'])
        && unit.to_lowercase().ends_with(['s', 'x'])
        && !lang.is_stop(&next_lower)
        && !w.measures.contains(&next_lower)
        && !super::subject::finite(&next, lang)
        // Not a participle ("30 000 hommes tués, blessés ou disparus") nor an adverb of place
        // ("120 mètres au-dessous").
        && !next_lower.contains('-')
        && !["és", "ées", "ados", "idos", "adas", "idas"]
            .iter()
            .any(|e| next_lower.ends_with(e))
    {
        // "46 novelas históricas": an adjective after a plural noun agrees with it and
        // belongs to the unit, or the gap leaves "_____ históricas" (round 27).
        len += 1 + next.len();
        format!("{unit} {next}")
    } else {
        unit
    };
    Some((
        Value {
            amount,
            decimals,
            word,
            times,
            unit,
            percent: false,
        },
        len,
    ))
}

/// The word a unit is: letters, hyphens inside it, and the signs of units ("km/h", "m²", "N·m").
fn unit_word(s: &str) -> String {
    let w: String = s
        .chars()
        .take_while(|c| c.is_alphabetic() || "°/²³-·".contains(*c))
        .collect();
    w.trim_end_matches(['-', '/', '·']).to_owned()
}

/// A ruler's number: "II", "XIV", French "Ier".
pub(super) fn roman_numeral(word: &str) -> bool {
    let word = word.trim_end_matches('.');
    word == "Ier"
        || word == "Ire"
        || (!word.is_empty() && word.len() <= 5 && word.chars().all(|c| "IVXL".contains(c)))
}

/// People and places: runs of capitalised words (joined by particles: "Leonardo da Vinci"),
/// kept when the lexicon knows their kind for certain.
fn names_in(text: &str, sentence: usize, lang: Lang, out: &mut Vec<Found>) {
    let particles = &lang.data().words.name_particles;
    let mut words: Vec<(usize, &str)> = words_of(text).collect();
    // "Antoine de Saint-Exupéry", "Pierre Mendès-France": a hyphenated name is one word (German
    // joins nouns so: "West-Berlin" stays a compound, below).
    let mut at = 1;
    while lang != Lang::De && at < words.len() {
        let ((a, first), (b, second)) = (words[at - 1], words[at]);
        let hyphen = &text[a + first.len()..b] == "-";
        if hyphen && first.starts_with(char::is_uppercase) && second.starts_with(char::is_uppercase)
        {
            words[at - 1] = (a, &text[a..b + second.len()]);
            words.remove(at);
        } else {
            at += 1;
        }
    }
    let mut i = 0;
    while i < words.len() {
        if !words[i].1.starts_with(char::is_uppercase) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len() {
            let (at, w) = words[j];
            let joined = text[words[j - 1].0 + words[j - 1].1.len()..at]
                .trim()
                .is_empty();
            if !joined {
                break;
            }
            // A ruler's number ends the name: "Dejó a su hijo Felipe II los Países Bajos".
            let numbered = roman_numeral(words[j - 1].1);
            if w.starts_with(char::is_uppercase) && !numbered {
                j += 1;
            } else if particles.iter().any(|p| p == w)
                && !numbered
                && words
                    .get(j + 1)
                    .is_some_and(|(_, n)| n.starts_with(char::is_uppercase))
            {
                j += 2;
            } else {
                break;
            }
        }
        let mut run: Vec<&str> = words[i..j].iter().map(|(_, w)| *w).collect();
        // German writes nouns with a capital: "bei Max Planck Vorlesungen" is Max Planck.
        while lang == Lang::De && run.len() >= 3 && known_person(&run[..run.len() - 1]) {
            run.pop();
            j -= 1;
        }
        let start = words[i].0;
        let end = words[j - 1].0 + words[j - 1].1.len();
        // Part of a compound ("West-Berlin", "DDR-Bürger"): not a name of its own.
        let compound = text[..start].ends_with('-') || text[end..].starts_with('-');
        // A possessive ("John Kay's flying shuttle") or an eponym ("the Bernoulli numbers")
        // is not the person as an answer.
        let possessive = run
            .last()
            .is_some_and(|w| super::lang::possessor(w).is_some());
        let before = text[..start].trim_end().to_lowercase();
        let after_article = lang
            .data()
            .words
            .articles
            .iter()
            .any(|a| before.ends_with(&format!(" {a}")) || before == *a);
        // "el cabo de Buena Esperanza", "Lake Victoria", "le mont Saint-Michel": a name after
        // or opened by a noun of a place's kind names the place, never a person, though its
        // words are given names.
        let heads = &lang.data().words.place_heads;
        let place_head = ends_with_any(&before, heads)
            || (run.len() > 1 && heads.contains(&run[0].to_lowercase()));
        // "the Marquis of _____", "le duc de _____": the place is part of a title, and the
        // text's other places are absurd there (the Marquis of Plymouth).
        let titled = ends_with_any(&before, &lang.data().words.noble_titles);
        // "en Alta Gracia" (round 28: offered as a person): after a preposition that takes no
        // person, a name is a place's, whatever given names it holds.
        let place_only = (before.rsplit(|c: char| !c.is_alphanumeric()).next()).is_some_and(|p| {
            lang.data()
                .words
                .place_only_prepositions
                .iter()
                .any(|x| x == p)
        });
        let compound = compound
            || possessive
            || (titled && matches!(name_kind(&run, lang), Some(Kind::Place(_))))
            || ((after_article || place_head || place_only)
                && name_kind(&run, lang) == Some(Kind::Person));
        if let Some(kind) = name_kind(&run, lang).filter(|_| !compound) {
            out.push(Found {
                sentence,
                start,
                end,
                kind,
            });
        }
        i = j;
    }
}

/// A person WordNet knows by these words.
fn known_person(run: &[&str]) -> bool {
    lexicon::entry(&run.join(" ")).is_some_and(|e| e.kinds == ["person"])
}

fn name_kind(run: &[&str], lang: Lang) -> Option<Kind> {
    let whole = run.join(" ");
    if lexicon::is_person(run, lang) {
        return Some(Kind::Person);
    }
    lexicon::place(&whole, lang).map(Kind::Place)
}

/// The terms the text defines: glossary lines, "X is a …" and "… is called X" sentences.
pub(super) fn definitions(doc: &Doc, lang: Lang) -> Vec<Definition> {
    // "Tides: How the Moon and Sun Move the Oceans" is a title and its subtitle, not a term.
    let titled = super::read::title_cased;
    let mut out: Vec<Definition> = doc
        .glossary
        .iter()
        .filter(|g| !titled(&g.meaning) && !define_more::statement(&g.meaning, lang))
        .map(
            |Gloss {
                 term,
                 meaning,
                 section,
             }| Definition {
                term: term.clone(),
                meaning: meaning.clone(),
                sentence: None,
                section: *section,
                cloze: None,
            },
        )
        .collect();
    for (i, s) in doc.sentences.iter().enumerate() {
        // A definition in this sentence; `cloze` asks the sentence itself, the term its gap.
        let prose = |term: &str, meaning: String, cloze: Option<(String, String)>| Definition {
            term: term.to_owned(),
            meaning,
            sentence: Some(i),
            section: s.section,
            cloze,
        };
        // The sentence around the term at `at`.
        let around = |term: &str, at: usize| {
            Some((
                s.text[..at].to_owned(),
                s.text[at + term.len()..].to_owned(),
            ))
        };
        // "The second is a protein coat …" after "The first is …": no term.
        let before = i.checked_sub(1).map(|p| &doc.sentences[p]);
        let before = before
            .filter(|b| b.paragraph == s.paragraph)
            .map(|b| b.text.as_str());
        if let Some((term, meaning)) = defined_in(&s.text, lang) {
            if !define_more::counted(&term, before, lang) {
                out.push(prose(&term, meaning, None));
            }
        } else if let Some((term, at)) = define_more::called_back(&s.text, lang) {
            // "…, this is called _____.": the sentence itself says what is named.
            out.push(prose(term, String::new(), around(term, at)));
        } else if let Some((term, at)) = named_after(&s.text, lang) {
            // The sentence before says what "this" is, in the same paragraph.
            let prev = i.checked_sub(1).map(|p| &doc.sentences[p]);
            if let Some(prev) = prev.filter(|p| p.paragraph == s.paragraph) {
                out.push(prose(term, prev.text.clone(), around(term, at)));
            }
        } else if let listed @ [_, _, ..] = &define_more::listed_appositions(&s.text, lang)[..] {
            // Several terms in one sentence: the only sentence more than one definition holds.
            for (term, meaning) in listed {
                out.push(prose(term, meaning.clone(), None));
            }
        } else if let Some((term, meaning)) = define::apposition(&s.text, lang) {
            out.push(prose(&term, meaning, None));
        } else if let Some((term, meaning)) = define::colon_meaning(&s.text, lang) {
            out.push(prose(&term, meaning, None));
        } else if let Some((term, at)) =
            define_more::is_the(&s.text, lang).or_else(|| define_more::called_at_end(&s.text, lang))
        {
            // "The male part of a flower is the _____.": up to the mark after the term.
            out.push(prose(
                term,
                String::new(),
                Some((s.text[..at].to_owned(), ".".to_owned())),
            ));
        } else if let Some((term, at)) = define::named_in_passing(&s.text, lang)
            .or_else(|| define_more::called_the(&s.text, lang))
        {
            // Asked as the sentence itself with the term as its gap (`meaning` is empty), up to
            // a semicolon: what follows is another statement.
            let after = &s.text[at + term.len()..];
            let after = match after.split_once(';') {
                Some((head, _)) => format!("{}.", head.trim_end_matches(',')),
                None => after.to_owned(),
            };
            let meaning = define::leaned_on(doc, i, lang);
            out.push(prose(term, meaning, Some((s.text[..at].to_owned(), after))));
        }
    }
    // One definition a term: the first; and no English adverb WordNet knows as no noun ("…
    // and, more importantly, a greater proportion …" is no second name of anything), nor a
    // "term" that points back ("Beneath it is a layer of hard bone"), nor a sentence of the
    // prose that goes on to explain ("Limescale is a poor conductor of heat, so …"; a
    // glossary's meaning may say why: "two metals that bend because they expand …").
    let mut seen = std::collections::HashSet::new();
    out.retain(|d| {
        seen.insert(d.term.to_lowercase())
            && !define_more::no_noun(&d.term, lang)
            && !define_more::points_back(&d.term, lang)
            && !explained(d, lang)
    });
    out
}

/// A prose definition asked "Which term means …?" whose meaning goes on to explain
/// (`define_more::explains`).
fn explained(d: &Definition, lang: Lang) -> bool {
    d.sentence.is_some() && d.cloze.is_none() && define_more::explains(&d.meaning, lang)
}

/// "Photosynthesis is the process by which …" → ("Photosynthesis", "the process by which …");
/// "A group of cells that work together is called a tissue." → ("tissue", "a group of …").
pub(super) fn defined_in(sentence: &str, lang: Lang) -> Option<(String, String)> {
    let w = &lang.data().words;
    let body = sentence.trim_end_matches(['.', '!']);
    let lower = body.to_lowercase();
    // The patterns are found in the lower case and cut from the sentence: only where the two
    // are alike in length (a letter such as "İ" grows when lowered).
    if !super::lang::same_offsets(body) {
        return None;
    }
    for called in &w.called {
        let pat = format!(" {called} ");
        if let Some(at) = lower.find(&pat) {
            let meaning = &body[..at];
            let term = strip_article(&body[at + pat.len()..], &w.articles);
            // "This extra oxygen is called the oxygen debt": the meaning points back, and the
            // sentence before says what it is (`named_after`).
            if define::term_ok(term, lang)
                && !filters::points_back(meaning, lang)
                && meaning.split_whitespace().count() >= 3
                && !meaning.contains(',')
            {
                return Some((
                    term.to_owned(),
                    lower_first(strip_article(meaning, &w.articles), lang),
                ));
            }
        }
    }
    for is in &w.is {
        let pat = format!(" {is} ");
        let Some(at) = lower.find(&pat) else { continue };
        let term = strip_article(&body[..at], &w.articles);
        // "Breathing, or ventilation, is …": the first of two names (the second is no wrong
        // answer, being in no definition of its own).
        let term = define::second_name(term, lang).map_or(term, |(first, _)| first);
        let meaning = define::own_clause(&body[at + pat.len()..], lang);
        let lm = meaning.to_lowercase();
        let starts_article = w.articles.iter().any(|a| {
            lm.starts_with(&format!("{a} ")) || (a.ends_with('\'') && lm.starts_with(a.as_str()))
        });
        if define::term_ok(term, lang)
            && define::prose_term(term, lang)
            && starts_article
            && meaning.split_whitespace().count() >= 5
            && !define::class_restated(meaning, lang)
        {
            return Some((term.to_owned(), meaning.to_owned()));
        }
    }
    None
}

/// "This reaction is called neutralisation.", "A device that does this is called a heat
/// pump.": a term named for what the sentence before described. The term and its byte offset.
pub(super) fn named_after(sentence: &str, lang: Lang) -> Option<(&str, usize)> {
    let w = &lang.data().words;
    let lower = sentence.to_lowercase();
    if !super::lang::same_offsets(sentence) {
        return None;
    }
    let body = sentence.trim_end_matches('.');
    for called in &w.called {
        let pat = format!(" {called} ");
        let Some(at) = lower.find(&pat) else { continue };
        // What is named points back ("This reaction", "A device that does this").
        if !filters::points_back(&sentence[..at], lang) {
            continue;
        }
        let rest = &body[at + pat.len()..];
        let term = strip_article(rest, &w.articles);
        let start = body.len() - term.len();
        if define::term_ok(term, lang) && sentence[at..].ends_with(&format!("{term}.")) {
            return Some((term, start));
        }
    }
    None
}

fn strip_article<'a>(s: &'a str, articles: &[String]) -> &'a str {
    let s = s.trim();
    for a in articles {
        let l = s.to_lowercase();
        if l.starts_with(&format!("{a} ")) {
            return s[a.len() + 1..].trim();
        }
        if a.ends_with('\'') && l.starts_with(a.as_str()) {
            return s[a.len()..].trim();
        }
    }
    s
}

fn lower_first(s: &str, lang: Lang) -> String {
    // German nouns keep their capital.
    if lang == Lang::De {
        return s.to_owned();
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) if !c.clone().next().is_some_and(char::is_uppercase) => {
            f.to_lowercase().chain(c).collect()
        }
        Some(f) => std::iter::once(f).chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
#[path = "detect_tests.rs"]
mod tests;
