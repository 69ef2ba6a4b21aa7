//! The key terms of a sentence and their kinds — numbers with units, years, names, defined
//! terms, repeated nouns — and, for numbers the text lacks, nearby values of the same kind.

use std::collections::{BTreeMap, HashSet};

use rand::Rng;
use rand::seq::SliceRandom;

/// The kind of a key term; distractors are always of the answer's kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Kind {
    /// A number with its unit (the unit may be empty).
    Number(String),
    /// A year, 1000–2100.
    Year,
    /// A place: a capitalised name after "in", "at", "from", "to"…
    Place,
    /// A person: a name of two or three words before a verb, or with an initial.
    Person,
    /// Another capitalised name: a body, an event, a work; `true` when written after "the"
    /// ("the Senate", "the Alps"), which only such names may stand in for.
    Name(bool),
    /// A defined or repeated term.
    Term,
}

#[derive(Debug, Clone)]
pub(super) struct Term {
    pub(super) text: String,
    pub(super) kind: Kind,
}

const UNITS: [&str; 43] = [
    "%",
    "percent",
    "por ciento",
    "pour cent",
    "prozent",
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

/// Words that make a place a region: a region holds countries and cities, so beside one of
/// them it may be right too ("came from _____": China, or East Asia?).
const REGION_WORDS: [&str; 22] = [
    "Asia",
    "Europe",
    "Africa",
    "America",
    "Americas",
    "Oceania",
    "Antarctica",
    "Mediterranean",
    "Caribbean",
    "Scandinavia",
    "Balkans",
    "Arctic",
    "Asie",
    "Afrique",
    "Amérique",
    "Europa",
    "África",
    "América",
    "Afrika",
    "Amerika",
    "Asien",
    "Middle",
];

/// Countries (English names): a country may contain the city or island a question asks
/// for, so it is never offered as a wrong answer for one ("a law firm in _____": Johannesburg,
/// and South Africa would be right too).
const COUNTRIES: [&str; 195] = [
    "Afghanistan",
    "Albania",
    "Algeria",
    "Andorra",
    "Angola",
    "Argentina",
    "Armenia",
    "Australia",
    "Austria",
    "Azerbaijan",
    "Bahamas",
    "Bahrain",
    "Bangladesh",
    "Barbados",
    "Belarus",
    "Belgium",
    "Belize",
    "Benin",
    "Bhutan",
    "Bolivia",
    "Bosnia and Herzegovina",
    "Botswana",
    "Brazil",
    "Britain",
    "Brunei",
    "Bulgaria",
    "Burkina Faso",
    "Burundi",
    "Cambodia",
    "Cameroon",
    "Canada",
    "Cape Verde",
    "Central African Republic",
    "Chad",
    "Chile",
    "China",
    "Colombia",
    "Comoros",
    "Congo",
    "Costa Rica",
    "Croatia",
    "Cuba",
    "Cyprus",
    "Czech Republic",
    "Czechia",
    "Denmark",
    "Djibouti",
    "Dominica",
    "Dominican Republic",
    "East Timor",
    "Ecuador",
    "Egypt",
    "El Salvador",
    "England",
    "Equatorial Guinea",
    "Eritrea",
    "Estonia",
    "Eswatini",
    "Ethiopia",
    "Fiji",
    "Finland",
    "France",
    "Gabon",
    "Gambia",
    "Georgia",
    "Germany",
    "Ghana",
    "Great Britain",
    "Greece",
    "Grenada",
    "Guatemala",
    "Guinea",
    "Guyana",
    "Haiti",
    "Honduras",
    "Hungary",
    "Iceland",
    "India",
    "Indonesia",
    "Iran",
    "Iraq",
    "Ireland",
    "Israel",
    "Italy",
    "Ivory Coast",
    "Jamaica",
    "Japan",
    "Jordan",
    "Kazakhstan",
    "Kenya",
    "Kiribati",
    "Kosovo",
    "Kuwait",
    "Kyrgyzstan",
    "Laos",
    "Latvia",
    "Lebanon",
    "Lesotho",
    "Liberia",
    "Libya",
    "Liechtenstein",
    "Lithuania",
    "Luxembourg",
    "Madagascar",
    "Malawi",
    "Malaysia",
    "Maldives",
    "Mali",
    "Malta",
    "Mauritania",
    "Mauritius",
    "Mexico",
    "Micronesia",
    "Moldova",
    "Monaco",
    "Mongolia",
    "Montenegro",
    "Morocco",
    "Mozambique",
    "Myanmar",
    "Namibia",
    "Nauru",
    "Nepal",
    "Netherlands",
    "New Zealand",
    "Nicaragua",
    "Niger",
    "Nigeria",
    "North Korea",
    "North Macedonia",
    "Norway",
    "Oman",
    "Pakistan",
    "Palau",
    "Palestine",
    "Panama",
    "Papua New Guinea",
    "Paraguay",
    "Peru",
    "Philippines",
    "Poland",
    "Portugal",
    "Qatar",
    "Romania",
    "Russia",
    "Rwanda",
    "Samoa",
    "San Marino",
    "Saudi Arabia",
    "Scotland",
    "Senegal",
    "Serbia",
    "Seychelles",
    "Sierra Leone",
    "Singapore",
    "Slovakia",
    "Slovenia",
    "Somalia",
    "South Africa",
    "South Korea",
    "South Sudan",
    "Soviet Union",
    "Spain",
    "Sri Lanka",
    "Sudan",
    "Suriname",
    "Sweden",
    "Switzerland",
    "Syria",
    "Taiwan",
    "Tajikistan",
    "Tanzania",
    "Thailand",
    "Togo",
    "Tonga",
    "Trinidad and Tobago",
    "Tunisia",
    "Turkey",
    "Turkmenistan",
    "Tuvalu",
    "Uganda",
    "Ukraine",
    "United Arab Emirates",
    "United Kingdom",
    "United States",
    "Uruguay",
    "Uzbekistan",
    "Vanuatu",
    "Vatican City",
    "Venezuela",
    "Vietnam",
    "Wales",
    "Yemen",
    "Zambia",
    "Zimbabwe",
];

/// Countries by neighbourhood, for a country answer the text offers too few others for: the
/// wrong answers come from the other neighbourhoods.
/// No group holds a country and a part of it (no Britain beside England), nor a name that
/// wants "the" ("off the coast of Netherlands").
const NEIGHBOURS: [&[&str]; 7] = [
    &[
        "England",
        "Scotland",
        "Wales",
        "Ireland",
        "France",
        "Spain",
        "Portugal",
        "Belgium",
        "Germany",
        "Italy",
        "Norway",
        "Sweden",
        "Denmark",
        "Iceland",
        "Switzerland",
        "Austria",
        "Poland",
        "Greece",
        "Finland",
    ],
    &[
        "China",
        "Japan",
        "India",
        "South Korea",
        "Vietnam",
        "Thailand",
        "Indonesia",
        "Mongolia",
        "Nepal",
        "Malaysia",
        "Pakistan",
    ],
    &[
        "Egypt",
        "Iraq",
        "Iran",
        "Turkey",
        "Syria",
        "Saudi Arabia",
        "Morocco",
        "Libya",
        "Jordan",
        "Israel",
        "Tunisia",
        "Algeria",
    ],
    &[
        "Nigeria",
        "Kenya",
        "Ghana",
        "Ethiopia",
        "South Africa",
        "Tanzania",
        "Zimbabwe",
        "Uganda",
        "Senegal",
        "Botswana",
        "Namibia",
        "Zambia",
        "Mozambique",
        "Mali",
    ],
    &["Canada", "Mexico", "Cuba", "Guatemala", "Jamaica", "Panama"],
    &[
        "Brazil",
        "Argentina",
        "Peru",
        "Chile",
        "Colombia",
        "Bolivia",
        "Venezuela",
        "Ecuador",
        "Uruguay",
        "Paraguay",
    ],
    &[
        "Australia",
        "New Zealand",
        "Fiji",
        "Papua New Guinea",
        "Samoa",
        "Tonga",
    ],
];

/// Continents (the Americas as a whole hold two, so they are a region, not one).
const CONTINENTS: [&str; 17] = [
    "Europe",
    "Asia",
    "Africa",
    "North America",
    "South America",
    "Antarctica",
    "Oceania",
    "Asie",
    "Afrique",
    "Amérique du Nord",
    "Amérique du Sud",
    "Europa",
    "África",
    "América del Norte",
    "América del Sur",
    "Afrika",
    "Asien",
];

/// Whether a place is a continent, not a part of one (Scandinavia, East Asia) nor the
/// Americas.
fn is_continent(place: &str) -> bool {
    CONTINENTS.contains(&place)
}

/// Built-in wrong answers for a country (English names): countries far from it. Not its
/// neighbours, which may share what the sentence says (the Atacama Desert reaches beyond
/// Chile), and nothing for other places: another continent may be right too ("books in
/// _____ were copied by hand": Europe, and Asia).
pub(super) fn built_in_places(answer: &str) -> Vec<&'static str> {
    let Some(home) = NEIGHBOURS.iter().position(|g| g.contains(&answer)) else {
        return Vec::new();
    };
    NEIGHBOURS
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != home)
        .flat_map(|(_, g)| g.iter().copied())
        .collect()
}

/// Built-in places to make up the wrong answers for a place `answer` (see `built_in_places`):
/// none the stem names, none overlapping the answer or those already chosen.
fn more_places<R: Rng>(
    answer: &str,
    stem: &str,
    chosen: &[String],
    wanted: usize,
    rng: &mut R,
) -> Vec<String> {
    let mut spare: Vec<&str> = built_in_places(answer)
        .into_iter()
        .filter(|p| !mentions(stem, p) && !overlaps(p, answer))
        .filter(|p| !chosen.iter().any(|c| overlaps(c, p)))
        .collect();
    spare.shuffle(rng);
    spare
        .into_iter()
        .take(wanted.saturating_sub(chosen.len()))
        .map(str::to_owned)
        .collect()
}

/// Whether a place is a country.
fn is_country(place: &str) -> bool {
    COUNTRIES.contains(&place)
}

/// Whether a place is a region (a continent or part of one), not a sea or a river named
/// after one ("Mediterranean Sea").
fn is_region(place: &str) -> bool {
    let feature = place
        .split_whitespace()
        .last()
        .is_some_and(|w| PLACE_WORDS.contains(&w));
    // Countries named after their part of a continent.
    let country = matches!(place, "South Africa" | "Central African Republic");
    !feature && !country && place.split_whitespace().any(|w| REGION_WORDS.contains(&w))
}

/// Last words that make a name a place, and say which kind of place.
const PLACE_WORDS: [&str; 21] = [
    "Lane",
    "Street",
    "Road",
    "Avenue",
    "Square",
    "Bridge",
    "Reef",
    "River",
    "Sea",
    "Ocean",
    "Mountains",
    "Desert",
    "Lake",
    "Islands",
    "Island",
    "Valley",
    "Bay",
    "Gulf",
    "Alps",
    "Plain",
    "Coast",
];

pub(super) fn is_stop(w: &str) -> bool {
    const EXTRA: [&str; 37] = [
        "after", "it", "they", "he", "she", "we", "you", "i", "there", "their", "its", "his",
        "her", "also", "but", "not", "has", "have", "had", "can", "may", "into", "than", "then",
        "so", "such", "some", "many", "each", "all", "about", "could", "would", "should", "might",
        "must", "will",
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
        // "every four years", "wait for forty days": a count in words.
        let word = clean_word(w).to_lowercase();
        if word_value(&word).is_some() && !w.ends_with([',', '.', ';', ':']) {
            if let Some(noun) = words.get(i + 1).and_then(|n| counted_noun(n)) {
                out.push(Term {
                    text: format!("{word} {noun}"),
                    kind: Kind::Number(norm(noun)),
                });
            }
            continue;
        }
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
            let prev = i
                .checked_sub(1)
                .map(|p| clean_word(words[p]).to_lowercase())
                .unwrap_or_default();
            let ends = w.ends_with([',', '.', ';', ':', ')']);
            if is_year(digits, &prev, ends || is_stop(&next)) {
                out.push(Term {
                    text: digits.to_owned(),
                    kind: Kind::Year,
                });
            } else if let Some(noun) = words
                .get(i + 1)
                .and_then(|n| counted_noun(n))
                .filter(|_| !ends && is_count(digits))
            {
                // "about 60 warriors", "37 elephants": a count of things.
                out.push(Term {
                    text: format!("{digits} {noun}"),
                    kind: Kind::Number(norm(noun)),
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

/// Counts written as words, with their values (not "one": "one of the", "no one").
const WORD_VALUES: [(&str, u32); 19] = [
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("fifteen", 15),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("eighty", 80),
    ("hundred", 100),
];

/// Whether a word is a count in words ("four", "Four,").
pub(super) fn is_count_word(word: &str) -> bool {
    word_value(&clean_word(word).to_lowercase()).is_some()
}

fn word_value(word: &str) -> Option<u32> {
    WORD_VALUES
        .iter()
        .find(|(w, _)| *w == word && word != "hundred")
        .map(|(_, v)| *v)
}

fn word_for(value: u32) -> Option<&'static str> {
    WORD_VALUES
        .iter()
        .find(|(_, v)| *v == value && value != 100)
        .map(|(w, _)| *w)
}

/// The plural noun a count counts ("warriors", "people"), as written.
fn counted_noun(raw: &str) -> Option<&str> {
    const IRREGULAR: [&str; 9] = [
        "people", "children", "men", "women", "teeth", "feet", "mice", "sheep", "fish",
    ];
    let w = clean_word(raw);
    let plural = w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
    (w.chars().count() >= 3
        && w.chars().all(char::is_lowercase)
        && !is_stop(w)
        && (plural || IRREGULAR.contains(&w)))
    .then_some(w)
}

/// Whether digits are a count, not a year ("1788 convicts" is a year before a noun).
fn is_count(digits: &str) -> bool {
    let value = digits.replace(',', "").parse::<f64>().unwrap_or(0.0);
    let year_like = digits.len() == 4 && (1000.0..=2100.0).contains(&value);
    value >= 2.0 && !year_like
}

/// Whether a bare number is a year: four digits from 1000 to 2100, or three digits where
/// the words around say so ("in 793.", "the year 800", "AD 793"), not "in 300 pieces".
fn is_year(digits: &str, prev: &str, ends_phrase: bool) -> bool {
    const BEFORE: [&str; 11] = [
        "in", "year", "around", "until", "since", "circa", "ad", "en", "año", "jahr", "an",
    ];
    if digits.contains([',', '.']) {
        return false;
    }
    let value = digits.parse::<u32>().unwrap_or(0);
    match digits.len() {
        4 => (1000..=2100).contains(&value),
        3 => value >= 100 && ends_phrase && BEFORE.contains(&prev),
        _ => false,
    }
}

/// The name a run of capitalised words (`run`, the words from `start` to `end` of the
/// sentence) makes, with its kind from the words around it; none for an adjective ("the Roman
/// army"), a lettered word ("X-ray") or two letters.
fn name_term(words: &[&str], run: &[&str], start: usize, end: usize) -> Option<Term> {
    let text = run.join(" ");
    let after_word = words.get(end).map_or("", |a| clean_word(a));
    // "the Roman army", "a Carthaginian general": an adjective, not a name (but "his
    // heir Octavian defeated": a name after a role).
    let after_role = start
        .checked_sub(1)
        .is_some_and(|b| is_title(&clean_word(words[b]).to_lowercase()));
    // "a South African lawyer": a direction and an adjective.
    let directed =
        run.len() == 2 && matches!(run[0], "South" | "North" | "East" | "West" | "Central");
    let adjective = (run.len() == 1 || directed)
        && !after_role
        && after_word.chars().next().is_some_and(char::is_lowercase)
        && ["an", "ian", "ese", "ish", "ic", "ch", "sh"]
            .iter()
            .any(|e| text.ends_with(e));
    // "X-ray": a letter and a hyphen make a word, not a name.
    let lettered = text.chars().nth(1) == Some('-');
    if text.chars().count() > 2 && !adjective && !lettered {
        // A word that ends a clause ("a king, Rome …") says nothing of the name.
        let before = start
            .checked_sub(1)
            .filter(|&b| !words[b].ends_with([',', ';', ':', '.', ')']))
            .map(|b| clean_word(words[b]).to_lowercase())
            .unwrap_or_default();
        // "the Nobel Prize in Physics": a title goes on, no place follows.
        let title = start.checked_sub(2).is_some_and(|b| {
            matches!(
                clean_word(words[b]),
                "Prize" | "Award" | "Medal" | "Cup" | "Championship"
            )
        });
        let after = words
            .get(end)
            .map(|a| clean_word(a).to_lowercase())
            .unwrap_or_default();
        // "the coast of England", "the city of Baghdad": a place.
        // Not "a centre of Buddhist art": the name ends its phrase.
        let ends_phrase = end
            .checked_sub(1)
            .is_some_and(|e| words[e].ends_with([',', '.', ';', ':', ')']))
            || !after_word.chars().next().is_some_and(char::is_lowercase);
        let of_a_place = before == "of"
            && ends_phrase
            && start.checked_sub(2).is_some_and(|b| {
                PLACE_NOUNS.contains(&clean_word(words[b]).to_lowercase().as_str())
            });
        let kind = if of_a_place || is_country(&text) {
            Kind::Place
        } else {
            name_kind(run, &before, &after, title)
        };
        return Some(Term { text, kind });
    }
    None
}

/// Capitalised names in one sentence (not the sentence's first word unless `known` has it).
pub(super) fn names_in(sentence: &str, known_caps: &HashSet<String>) -> Vec<Term> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut start = 0;
    let flush = |run: &mut Vec<&str>, out: &mut Vec<Term>, start: usize, end: usize| {
        while run.last().is_some_and(|w| is_stop(w) || is_joiner(w)) {
            run.pop();
        }
        if !run.is_empty() {
            out.extend(name_term(&words, run, start, end));
        }
        run.clear();
    };
    let mut owned = false;
    for (i, raw) in words.iter().enumerate() {
        let w = clean_word(raw);
        if run.is_empty() {
            start = i;
        }
        let cap =
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase);
        // The sentence's first word starts a name only when the text capitalises it elsewhere
        // too, or a capitalised word follows it ("Mauna Loa erupted").
        let next_cap = words
            .get(i + 1)
            .is_some_and(|n| clean_word(n).chars().next().is_some_and(char::is_uppercase));
        let article = matches!(
            w,
            "La" | "Le"
                | "Les"
                | "L"
                | "El"
                | "Los"
                | "Las"
                | "Die"
                | "Der"
                | "Das"
                | "Un"
                | "Une"
                | "Una"
                | "Uno"
                | "Ein"
                | "Eine"
        );
        let first = i == 0 && (!next_cap || article);
        let joiner = !run.is_empty() && is_joiner(w);
        // "President John F. Kennedy": the title is no part of the name (it says who follows).
        let title = run.is_empty() && next_cap && TITLES.contains(&w);
        // The rest of a name an owner opens ("Women's Suffrage Societies") is no name itself.
        if owned {
            if cap || is_joiner(w) || matches!(w, "and" | "&") {
                continue;
            }
            owned = false;
        }
        let name_word = cap && (!first || known_caps.contains(w)) && !is_stop(w);
        // An initial inside a name ("John F. Kennedy") does not end it.
        let initial = !run.is_empty()
            && next_cap
            && w.chars().count() == 1
            && w.chars().all(char::is_uppercase)
            && *raw == format!("{w}.");
        if initial {
            run.push(raw);
        } else if (name_word && !is_calendar(w) && !title) || joiner {
            run.push(w);
        } else {
            flush(&mut run, &mut out, start, i);
        }
        // "Hadrian's Wall", "Sutter's Mill": the owner is part of a longer name, which is no
        // name to ask for by itself.
        let owner = raw.ends_with("'s") || raw.ends_with("’s");
        if owner && next_cap {
            run.clear();
            owned = true;
        } else if (raw.ends_with([',', ';', ':', ')', '.']) && !initial)
            || raw.starts_with('(')
            || owner
        {
            flush(&mut run, &mut out, start, i + 1);
        }
    }
    flush(&mut run, &mut out, start, words.len());
    out
}

/// Common nouns that put a place's name after "of": "the coast of England".
const PLACE_NOUNS: [&str; 22] = [
    "city",
    "town",
    "village",
    "coast",
    "island",
    "islands",
    "kingdom",
    "shores",
    "port",
    "region",
    "province",
    "county",
    "capital",
    "north",
    "south",
    "east",
    "west",
    "centre",
    "center",
    "banks",
    "monastery",
    "valley",
];

/// Titles before a name: "President John F. Kennedy", "King Francis I".
const TITLES: [&str; 18] = [
    "President",
    "King",
    "Queen",
    "Emperor",
    "Empress",
    "Pope",
    "Sir",
    "Captain",
    "General",
    "Doctor",
    "Dr",
    "Lord",
    "Lady",
    "Prince",
    "Princess",
    "Archduke",
    "Duke",
    "Admiral",
];

/// Months and days of the week: capitalised, never a name to ask for ("In April 1961").
fn is_calendar(w: &str) -> bool {
    matches!(
        w,
        "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
    )
}

/// A small word inside a name: "Gulf of Mexico", "Comité de salut public", "América del Sur".
fn is_joiner(w: &str) -> bool {
    matches!(
        w,
        "of" | "the"
            | "a"
            | "an"
            | "de"
            | "du"
            | "des"
            | "del"
            | "la"
            | "di"
            | "da"
            | "von"
            | "van"
            | "der"
    )
}

/// Words that put a person's name after them: "general Hannibal", "the poet Lord Byron".
const PERSON_BEFORE: [&str; 38] = [
    "by",
    "king",
    "queen",
    "emperor",
    "general",
    "scientist",
    "president",
    "leader",
    "inventor",
    "author",
    "dr",
    "sir",
    "poet",
    "engineer",
    "envoy",
    "professor",
    "mathematician",
    "physicist",
    "chemist",
    "biologist",
    "explorer",
    "painter",
    "composer",
    "writer",
    "philosopher",
    "consul",
    "senator",
    "pope",
    "captain",
    "admiral",
    "geographer",
    "heir",
    "son",
    "daughter",
    "wife",
    "husband",
    "brother",
    "sister",
];

/// Whether a lowercase word is a role or title a person's name follows.
pub(super) fn is_title(w: &str) -> bool {
    PERSON_BEFORE.contains(&w)
}

/// Words that put a place's name after them: "in Rome", "desde Cuzco".
const PLACE_BEFORE: [&str; 22] = [
    "in", "at", "from", "to", "near", "across", "through", "into", "towards", "toward", "around",
    "en", "à", "dans", "vers", "desde", "hacia", "hasta", "nach", "aus", "bei", "im",
];

/// Verbs that follow a person's name: "Curie discovered".
const PERSON_AFTER: [&str; 16] = [
    "said",
    "wrote",
    "was",
    "became",
    "invented",
    "discovered",
    "founded",
    "led",
    "built",
    "published",
    "proposed",
    "showed",
    "died",
    "married",
    "won",
    "developed",
];

/// Words that make a name a thing, not a person or a place: "Nobel Prize", "Three Gorges
/// Dam", "Battle of Stamford Bridge".
const THING_WORDS: [&str; 46] = [
    "Battle",
    "Siege",
    "Treaty",
    "Railway",
    "Company",
    "Act",
    "Trials",
    "Station",
    "Canal",
    "Church",
    "Abbey",
    "Cathedral",
    "Museum",
    "Castle",
    "Palace",
    "Party",
    "Congress",
    "Games",
    "Fleet",
    "Age",
    "Prize",
    "War",
    "Wars",
    "Dam",
    "Organization",
    "Republic",
    "Empire",
    "Assembly",
    "Revolution",
    "Society",
    "Societies",
    "Union",
    "University",
    "Council",
    "Committee",
    "Declaration",
    "Day",
    "Summer",
    "République",
    "Révolution",
    "Terreur",
    "Guerre",
    "República",
    "Revolución",
    "Guerra",
    "Krieg",
];

/// First words of places' names: "Mount Fuji", "St Albans".
const PLACE_FIRST: [&str; 12] = [
    "Mount", "Lake", "Cape", "Saint", "Fort", "St", "Sainte", "San", "Santa", "Sankt", "Port",
    "Puerto",
];

/// What kind of name a run of capitalised words is, from the words around it.
fn name_kind(run: &[&str], before: &str, after: &str, title: bool) -> Kind {
    let person_after = PERSON_AFTER.contains(&after) || matches!(after, "who" | "whose" | "whom");
    let initial = run
        .iter()
        .any(|w| w.chars().count() == 2 && w.ends_with('.'));
    let thing = run.iter().any(|w| THING_WORDS.contains(w));
    if (PLACE_BEFORE.contains(&before) && run.len() <= 3 && !title && !thing)
        || (!thing && run.last().is_some_and(|w| PLACE_WORDS.contains(w)))
        || (!thing && run.iter().any(|w| REGION_WORDS.contains(w)))
        || run.first().is_some_and(|w| PLACE_FIRST.contains(w))
    {
        Kind::Place
    } else if before == "the" {
        Kind::Name(true)
    } else if (2..=4).contains(&run.len())
        && !thing
        && (!run.iter().any(|w| is_joiner(w))
            // "Leonardo da Vinci was": a particle of a person's name.
            || (person_after
                && run.iter().filter(|w| is_joiner(w)).all(|w| {
                    matches!(*w, "da" | "de" | "di" | "van" | "von" | "der" | "du" | "del")
                })))
        && (initial
            || person_after
            || PERSON_BEFORE.contains(&before)
            || (run.len() == 2 && !run.iter().any(|w| is_joiner(w))))
    {
        Kind::Person
    } else if run.len() == 1
        && !thing
        && ((before != "by" && PERSON_BEFORE.contains(&before))
            || matches!(after, "who" | "whose" | "whom"))
    {
        // One word after a role ("the general Hannibal", "his heir Octavian").
        Kind::Person
    } else {
        Kind::Name(false)
    }
}

/// Every name run of the text, for telling a joined pair ("Punic Wars Rome") from one name.
pub(super) fn standalone_names(
    sentences: &[String],
    known_caps: &HashSet<String>,
) -> HashSet<String> {
    sentences
        .iter()
        .flat_map(|s| names_in(s, known_caps))
        .map(|t| t.text)
        .collect()
}

/// The words of the people the text names ("Pierre", "Curie" of "Pierre Curie"): a single
/// word of them is a person too.
pub(super) fn person_words(sentences: &[String], known_caps: &HashSet<String>) -> HashSet<String> {
    sentences
        .iter()
        .flat_map(|s| names_in(s, known_caps))
        .filter(|t| t.kind == Kind::Person)
        .flat_map(|t| t.text.split(' ').map(str::to_owned).collect::<Vec<_>>())
        .collect()
}

/// The names the text uses as places somewhere ("travelled to Baghdad"): a place wherever
/// else they stand ("as far as Baghdad").
pub(super) fn place_names(sentences: &[String], known_caps: &HashSet<String>) -> HashSet<String> {
    sentences
        .iter()
        .flat_map(|s| names_in(s, known_caps))
        .filter(|t| t.kind == Kind::Place)
        .map(|t| t.text)
        .collect()
}

/// Splits a name run made of two names the text also uses apart ("Punic Wars" + "Rome").
pub(super) fn split_joined(names: Vec<Term>, seen: &HashSet<String>) -> Vec<Term> {
    let mut out = Vec::new();
    for t in names {
        if t.kind == Kind::Person {
            // "Pierre Curie" is one person, though "Pierre" and "Curie" also stand alone.
            out.push(t);
            continue;
        }
        let words: Vec<&str> = t.text.split(' ').collect();
        let split = (1..words.len()).find(|&k| {
            seen.contains(&words[..k].join(" ")) && seen.contains(&words[k..].join(" "))
        });
        match split {
            Some(k) => {
                out.push(Term {
                    text: words[..k].join(" "),
                    kind: t.kind.clone(),
                });
                out.push(Term {
                    text: words[k..].join(" "),
                    kind: Kind::Name(false),
                });
            }
            None => out.push(t),
        }
    }
    out
}

/// A defined term: `called X`, `known as X` (a gap to fill), or `X is a …` (with what it is).
/// A phrase after "called" that does not end the clause within three words runs on into the
/// rest of the sentence, and is not taken.
/// The name right after "called" (or another naming word), from the words that follow it: up
/// to three, ended by punctuation or a function word.
fn named_after(tail: &str) -> Option<Term> {
    let mut words: Vec<&str> = Vec::new();
    let mut closed = false;
    for w in tail.split_whitespace().take(3) {
        if is_stop(clean_word(w)) && !words.is_empty() {
            closed = true;
            break;
        }
        words.push(clean_word(w));
        if w.ends_with([',', '.', ';', ':', ')']) {
            closed = true;
            break;
        }
    }
    // "named the first polonium": neither the article nor an ordinal is the name.
    let mut words: Vec<&str> = words
        .into_iter()
        .skip_while(|w| is_stop(w) || matches!(*w, "first" | "second" | "third" | "last" | "next"))
        .collect();
    // "bands called ligaments hold the bones": a plural noun ends the name, and what follows
    // it is its verb.
    if let Some(p) = words[..words.len().saturating_sub(1)].iter().position(|w| {
        w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && w.chars().all(char::is_lowercase)
    }) {
        words.truncate(p + 1);
    }
    (closed && !words.is_empty()).then(|| Term {
        text: words.join(" "),
        kind: Kind::Term,
    })
}

pub(super) fn definitions_in(sentence: &str) -> Vec<(Term, Option<String>)> {
    let mut out = Vec::new();
    let lower = sentence.to_lowercase();
    for marker in [
        "called ",
        "known as ",
        "named ",
        "se llama ",
        "se llaman ",
        "s'appelle ",
        "appelé ",
        "appelée ",
        "llamado ",
        "llamada ",
        "heißt ",
        "genannt ",
    ] {
        // Every one: "are called carnivores, and … are called omnivores".
        for (i, _) in lower.match_indices(marker) {
            if let Some(term) = sentence.get(i + marker.len()..).and_then(named_after) {
                out.push((term, None));
            }
        }
    }
    if !out.is_empty() {
        // "This flow is called surface runoff": the defined term is the one named, not "flow".
        return out;
    }
    if let Some(found) = appositive(sentence) {
        out.push(found);
        return out;
    }
    for verb in [
        " is a ",
        " is an ",
        " is the ",
        " are the ",
        " es un ",
        " es una ",
        " est un ",
        " est une ",
        " ist ein ",
        " ist eine ",
    ] {
        let Some(i) = lower.find(verb) else {
            continue;
        };
        let subject: Vec<&str> = sentence[..i].split_whitespace().collect();
        let starts_with_article = subject.first().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "the"
                    | "a"
                    | "an"
                    | "la"
                    | "le"
                    | "les"
                    | "el"
                    | "los"
                    | "las"
                    | "un"
                    | "una"
                    | "une"
                    | "die"
                    | "der"
                    | "das"
                    | "ein"
                    | "eine"
            )
        });
        let subject: Vec<&str> = subject
            .iter()
            .copied()
            .skip(usize::from(starts_with_article))
            .collect();
        if !(1..=3).contains(&subject.len()) || subject.iter().any(|w| is_stop(w)) {
            break;
        }
        // "The smallest bone is the stapes", "The emperor penguin is the largest penguin":
        // which one is first or most, not what a thing is.
        let rest = &sentence[i + verb.len()..];
        if subject
            .iter()
            .chain(rest.split_whitespace().take(2).collect::<Vec<_>>().iter())
            .any(|w| ranks(w))
        {
            break;
        }
        let text = subject
            .iter()
            .map(|w| clean_word(w))
            .collect::<Vec<_>>()
            .join(" ");
        let definition = sentence[i + 1..].trim_end_matches(['.', '!']).trim();
        // One definition, not the next clause ("a hinge joint, which lets the leg bend, while
        // the shoulder is …").
        let definition = [
            ", while ",
            ", whereas ",
            ", but ",
            "; ",
            ", and the ",
            ", and its ",
        ]
        .iter()
        .filter_map(|cut| definition.find(cut))
        .min()
        .map_or(definition, |end| &definition[..end]);
        let definition = definition
            .split_once(' ')
            .map_or(definition, |(_, rest)| rest)
            .trim();
        if text.chars().any(char::is_alphabetic) && definition.split_whitespace().count() >= 4 {
            out.push((
                Term {
                    text,
                    kind: Kind::Term,
                },
                Some(definition.to_owned()),
            ));
        }
        break;
    }
    out
}

/// Whether a word ranks a thing among others: a superlative ("largest", "most") or "first",
/// "only".
fn ranks(word: &str) -> bool {
    let w = clean_word(word).to_lowercase();
    matches!(
        w.as_str(),
        "first" | "last" | "only" | "most" | "least" | "best" | "worst"
    ) || (w.ends_with("est")
        && w.chars().count() > 5
        && !matches!(
            w.as_str(),
            "forest" | "interest" | "harvest" | "protest" | "request" | "contest" | "conquest"
        ))
}

/// A definition set beside its term after a comma: "pumped from aquifers, layers of rock
/// that hold groundwater" (the definition names what the term is, then says which one).
fn appositive(sentence: &str) -> Option<(Term, Option<String>)> {
    sentence
        .match_indices(", ")
        .find_map(|(i, _)| appositive_at(&sentence[..i], &sentence[i + 2..]))
}

/// The appositive definition whose term ends `head`, if `tail` opens with its definition.
fn appositive_at(head: &str, tail: &str) -> Option<(Term, Option<String>)> {
    const RELATIVE: [&str; 9] = [
        "that", "which", "who", "where", "que", "qui", "die", "der", "das",
    ];
    // "Before a transfusion, doctors check that …": the comma ends an opening clause.
    const OPENERS: [&str; 13] = [
        "before", "after", "when", "while", "if", "because", "although", "since", "until", "as",
        "once", "during", "in",
    ];
    let opens = head
        .split_whitespace()
        .next()
        .is_some_and(|w| OPENERS.contains(&w.to_lowercase().as_str()));
    if opens && !head.contains(',') {
        return None;
    }
    let def: &str = tail.split([',', ';', '.']).next()?.trim();
    let def_words: Vec<&str> = def.split_whitespace().collect();
    let relative = def_words
        .iter()
        .take(8)
        .position(|w| RELATIVE.contains(w))?;
    // What the term is, then which one: a noun before the relative word, four words or more;
    // not the rest of a list ("interest in art, science and learning that began …").
    if relative == 0
        || def_words.len() < 4
        || is_stop(def_words[relative - 1])
        || def_words[..relative.min(2)]
            .iter()
            .any(|w| matches!(*w, "and" | "or"))
    {
        return None;
    }
    let mut term: Vec<&str> = head
        .split_whitespace()
        .rev()
        .take_while(|w| {
            let c = clean_word(w);
            c.chars().count() >= 3 && c.chars().all(char::is_lowercase) && !is_stop(c)
        })
        .take(3)
        .collect();
    term.reverse();
    // A bare term after a word that ends a phrase before it ("from aquifers"): not the end of
    // a clause that runs on ("the water evaporates, a process that …").
    let before = head.split_whitespace().rev().nth(term.len())?;
    if term.is_empty() || !is_stop(&before.to_lowercase()) {
        return None;
    }
    let text = term.join(" ");
    if mentions(def, &text) {
        return None;
    }
    let def = def
        .trim_start_matches("the ")
        .trim_start_matches("a ")
        .trim_start_matches("an ");
    // What the term is opens the definition: "with bakeries that …", "usually laid on a plant
    // that …" or "(a huge,) spinning storm that …" says nothing of what it is.
    if def.split_whitespace().next().is_none_or(|w| {
        is_stop(w)
            || OPENERS.contains(&w.to_lowercase().as_str())
            || ["ly", "ed", "ing"].iter().any(|e| w.ends_with(e))
    }) {
        return None;
    }
    Some((
        Term {
            text,
            kind: Kind::Term,
        },
        Some(def.to_owned()),
    ))
}

/// Words too general to be an answer or a distractor a teacher would keep.
const GENERIC: [&str; 83] = [
    "difference",
    "situation",
    "country",
    "countries",
    "because",
    "although",
    "quarter",
    "half",
    "minute",
    "idea",
    "ideas",
    "other",
    "others",
    "first",
    "second",
    "third",
    "last",
    "world",
    "thing",
    "things",
    "part",
    "parts",
    "side",
    "sides",
    "small",
    "large",
    "big",
    "great",
    "front",
    "back",
    "ancient",
    "fresh",
    "ground",
    "way",
    "ways",
    "kind",
    "kinds",
    "type",
    "types",
    "number",
    "numbers",
    "lot",
    "group",
    "groups",
    "time",
    "times",
    "place",
    "places",
    "area",
    "areas",
    "people",
    "person",
    "man",
    "men",
    "woman",
    "women",
    "day",
    "days",
    "year",
    "years",
    "new",
    "old",
    "same",
    "different",
    "many",
    "most",
    "whole",
    "half",
    "end",
    "form",
    "forms",
    "example",
    "order",
    "point",
    "result",
    "process",
    "surface",
    "amount",
    "level",
    "use",
    "case",
    "water",
    "river",
];

/// Whether a term is too general to ask about or to offer.
pub(super) fn is_generic(text: &str) -> bool {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| clean_word(w).to_lowercase())
        .collect();
    words.is_empty()
        || words
            .iter()
            .all(|w| GENERIC.contains(&w.as_str()) || is_stop(w))
}

/// A term's words, lower case, plural `s` dropped: "Antigens" and "antigen" are one.
pub(super) fn norm(text: &str) -> String {
    text.split_whitespace()
        .map(|w| {
            let w = clean_word(w).to_lowercase();
            // Singulars in -s: "peristalsis", "osmosis", "virus", "gas".
            let singular = ["sis", "us", "is", "as", "ss"]
                .iter()
                .any(|e| w.ends_with(e));
            match w.strip_suffix('s') {
                Some(stem) if stem.chars().count() >= 3 && !singular => stem.to_owned(),
                _ => w,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Two terms where one's words hold the other's ("Rome", "Punic Wars Rome"; "antigen",
/// "antigens").
pub(super) fn overlaps(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    // A compound holds its head: an electromagnet is a magnet, a rainforest a forest.
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    let compound = short.chars().count() >= 4 && long.ends_with(short.as_str());
    a == b || compound || find_word(&a, &b).is_some() || find_word(&b, &a).is_some()
}

/// Whether a stem names a term (whole words, any case, singular or plural).
pub(super) fn mentions(stem: &str, term: &str) -> bool {
    let n = norm(term);
    !n.is_empty() && find_word(&norm(stem), &n).is_some()
}

/// Whether a percentage answer follows from another share in the stem: "About _____ of the
/// water is salt water, and only about 3 percent is fresh water" gives 97 percent away.
pub(super) fn completes_a_share(stem: &str, answer: &str) -> bool {
    let percent = |s: &str| -> Option<f64> {
        let s = s.trim();
        let digits = s.strip_suffix('%').or_else(|| {
            s.split_once(' ').and_then(|(d, u)| {
                matches!(
                    u.to_lowercase().as_str(),
                    "percent" | "per cent" | "por ciento" | "pour cent" | "prozent"
                )
                .then_some(d)
            })
        })?;
        digits.replace(',', ".").parse().ok()
    };
    let Some(a) = percent(answer) else {
        return false;
    };
    numbers_in(stem)
        .iter()
        .filter_map(|t| percent(&t.text))
        .any(|p| (a + p - 100.0).abs() < 0.01)
}

/// Where `needle` stands in `hay` as whole words.
pub(super) fn find_word(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let at = from + i;
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) {
            return Some(at);
        }
        from = at + needle.len().max(1);
    }
    None
}

/// What the wrong answers of one gap must fit.
pub(super) struct Gap<'a> {
    /// The question's stem, which no wrong answer may name and whose bounds they keep.
    pub stem: &'a str,
    /// The paragraph the answer comes from (hard takes near ones, easy far ones).
    pub paragraph: usize,
    pub level: &'a str,
    /// How many wrong answers the question needs.
    pub wanted: usize,
    /// Whether built-in (English) place names may make up the number.
    pub english: bool,
}

/// Up to `gap.wanted` distractors for `term`: of its kind and form, from the text's `pool` first
/// (close to its paragraph when hard, far when easy), then, for numbers, nearby values, and for
/// a country in an English text, countries far from it.
pub(super) fn distractors<R: Rng>(
    term: &Term,
    pool: &[(String, usize)],
    defined: &HashSet<String>,
    gap: &Gap<'_>,
    rng: &mut R,
) -> Vec<String> {
    let Gap {
        stem,
        paragraph,
        level,
        wanted,
        ..
    } = *gap;
    let capital = term.text.chars().next().is_some_and(char::is_uppercase);
    let plural = norm(&term.text) != term.text.to_lowercase();
    let words = term.text.split_whitespace().count();
    let numeric = matches!(term.kind, Kind::Year | Kind::Number(_));
    let mut cands: Vec<&(String, usize)> = pool
        .iter()
        .filter(|(d, _)| {
            !overlaps(d, &term.text)
                && !mentions(stem, d)
                && !is_generic(d)
                && (numeric
                    || (d.chars().next().is_some_and(char::is_uppercase) == capital
                        && (term.kind != Kind::Term || (norm(d) != d.to_lowercase()) == plural)
                        && d.split_whitespace().count().abs_diff(words) <= 1))
                && (!numeric || plausible_near(&term.text, d, level))
                && fits(stem, &term.text, d)
        })
        .collect();
    cands.shuffle(rng);
    match level {
        "hard" => cands.sort_by_key(|(_, p)| p.abs_diff(paragraph)),
        "easy" => cands.sort_by_key(|(_, p)| std::cmp::Reverse(p.abs_diff(paragraph))),
        _ => {}
    }
    if term.kind == Kind::Place {
        keep_places(&term.text, stem, &mut cands);
    }
    // A term the text defines ("tubes called xylem") is best set beside other defined terms
    // (stomata, chlorophyll), which belong to the same lesson, before words it only repeats.
    if defined.contains(&norm(&term.text)) {
        cands.sort_by_key(|(d, _)| !defined.contains(&norm(d)));
    }
    // Two parts of one person's name ("Pierre", "Curie" of "Pierre Curie") may name the same
    // person: neither is offered as a wrong answer for the other, nor both together.
    let person = term.kind == Kind::Person;
    let mut chosen: Vec<String> = Vec::new();
    for (d, _) in cands {
        if chosen.len() == wanted {
            break;
        }
        let clash = |c: &str| overlaps(c, d) || (person && same_person(pool, c, d));
        let same_as_answer = person && same_person(pool, &term.text, d);
        if !same_as_answer && !chosen.iter().any(|c| clash(c)) {
            chosen.push(d.clone());
        }
    }
    if chosen.len() < wanted && numeric {
        // Ask for spare values: some may fall outside a range the sentence sets. A made-up
        // year is never later than the text's latest ("redefined in 2039").
        let latest = (term.kind == Kind::Year).then(|| {
            pool.iter()
                .chain(std::iter::once(&(term.text.clone(), 0)))
                .filter_map(|(y, _)| y.parse::<u32>().ok())
                .max()
        });
        let more = numeric_variants(term, 3 * wanted, &chosen, level, rng);
        let room = wanted - chosen.len();
        chosen.extend(
            more.into_iter()
                .filter(|m| fits(stem, &term.text, m))
                .filter(|m| {
                    latest
                        .flatten()
                        .is_none_or(|l| m.parse::<u32>().is_ok_and(|y| y <= l))
                })
                .take(room),
        );
    }
    if chosen.len() < wanted && term.kind == Kind::Place && gap.english {
        let more = more_places(&term.text, stem, &chosen, wanted, rng);
        chosen.extend(more);
    }
    chosen
}

/// The word of a place that says what kind of place it is ("Amazon River", "Lake Tana").
fn feature(p: &str) -> Option<&str> {
    p.split_whitespace()
        .last()
        .filter(|w| PLACE_WORDS.contains(w))
        .or_else(|| {
            p.split_whitespace()
                .next()
                .filter(|w| matches!(*w, "Lake" | "Mount" | "Cape"))
        })
}

/// Keeps the places that are fair wrong answers for the place `answer`, those of its own kind
/// first.
fn keep_places(answer: &str, stem: &str, cands: &mut Vec<&(String, usize)>) {
    // Never a region as a wrong answer for a place it may contain ("Kanji came from _____":
    // China, and East Asia would be right too), nor a country for a city or an island in it.
    if is_region(answer) {
        // A region among regions only: a country or a city inside it would be right too
        // ("traded across _____": Europe, and England); a continent among continents, a part
        // of one among parts (Europe holds Scandinavia).
        let continent = is_continent(answer);
        cands.retain(|(d, _)| is_region(d) && is_continent(d) == continent);
    } else if is_country(answer) {
        // A country among countries ("the Atacama Desert in _____": Chile, never the Amazon
        // River).
        cands.retain(|(d, _)| is_country(d));
    } else {
        cands.retain(|(d, _)| !is_region(d) && !is_country(d));
    }
    let own = feature(answer);
    // A named feature among named features ("the Ferghana Valley", "the Silk Road"), a plain
    // name among plain names ("the province of _____": Ontario, never the Beaufort Sea).
    cands.retain(|(d, _)| feature(d).is_some() == own.is_some());
    // A sea, bay or gulf is part of an ocean: no ocean beside it.
    if matches!(own, Some("Sea" | "Bay" | "Gulf")) {
        cands.retain(|(d, _)| feature(d) != Some("Ocean"));
    }
    // Only rivers when the stem says "river" (else the stem gives it away); rivers first
    // anyway.
    if own.is_some_and(|f| mentions(stem, &f.to_lowercase())) {
        cands.retain(|(d, _)| feature(d) == own);
    }
    cands.sort_by_key(|(d, _)| feature(d) != own);
}

/// Whether a value can stand as a wrong answer in the stem's gap: inside a range the sentence
/// sets, and never one the sentence's bound makes true as well ("at least _____": 50,000
/// years, and "at least 37,500 years" would be right too).
fn fits(stem: &str, answer: &str, value: &str) -> bool {
    fits_range(stem, value) && fits_bound(stem, answer, value)
}

/// See `fits`: after "at least", "more than", "over" or "up to" (the most it reaches) a wrong
/// answer is above the answer; after "less than", "under" or "at most", below it.
fn fits_bound(stem: &str, answer: &str, value: &str) -> bool {
    let number = |s: &str| s.split_whitespace().next().and_then(value_of);
    let (Some(a), Some(v)) = (number(answer), number(value)) else {
        return true;
    };
    // "A law banned work by children under _____": under 8 bans under 6 too, so a bound after a
    // ban points the other way. No wrong answer is safe there.
    let lower = stem.to_lowercase();
    let banned = [
        "ban",
        "forbid",
        "prohibit",
        "interdit",
        "prohíbe",
        "prohibió",
        "verbiet",
        "verbot",
    ]
    .iter()
    .any(|b| lower.split_whitespace().any(|w| w.starts_with(b)));
    let before = stem
        .split_once("_____")
        .map_or("", |(b, _)| b)
        .to_lowercase();
    let words: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    let last = |n: usize| {
        words[..n.min(words.len())]
            .iter()
            .rev()
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let said = |phrases: &[&str]| {
        (1..=3).any(|n| {
            let tail = last(n);
            phrases
                .iter()
                .any(|p| tail == *p || tail.starts_with(&format!("{p} ")))
        })
    };
    // "by 1849 thousands were on their way": by 1850 too; "after 1850": after 1840 too.
    let year = |s: &str| s.len() == 4 && s.chars().all(|c| c.is_ascii_digit());
    let years = year(answer) && year(value);
    if years && said(&["by", "before", "antes de", "avant", "vor"]) {
        return v < a;
    }
    // "have lost ice since 1850": since 1845 too.
    if years
        && said(&[
            "after",
            "since",
            "después de",
            "desde",
            "après",
            "depuis",
            "nach",
            "seit",
        ])
    {
        return v > a;
    }
    // "deeper than _____", "older than": a comparative is a bound too ("shorter than": below);
    // "warmer than about _____" as well.
    let words: Vec<&str> = words
        .iter()
        .copied()
        .skip_while(|w| matches!(*w, "about" | "around" | "roughly" | "nearly" | "some"))
        .collect();
    let comparative = words.len() >= 2 && words[0] == "than" && words[1].ends_with("er");
    let falling = comparative
        && matches!(
            words[1],
            "fewer"
                | "lower"
                | "smaller"
                | "shorter"
                | "younger"
                | "slower"
                | "lighter"
                | "cheaper"
                | "closer"
                | "nearer"
                | "thinner"
                | "narrower"
                | "shallower"
        );
    let exceeds = words
        .first()
        .is_some_and(|w| matches!(*w, "exceed" | "exceeds" | "exceeded" | "beyond" | "surpass"));
    if (comparative && !falling) || exceeds {
        return v > a && !banned;
    }
    if falling {
        return v < a && !banned;
    }
    if said(&[
        "at least",
        "more than",
        "over",
        "over about",
        "over around",
        "above",
        "más de",
        "al menos",
        "plus de",
        "au moins",
        "mehr als",
        "mindestens",
        "über",
        // "can walk up to 40 kilometres a day": it can walk 10 too, not 80.
        "up to",
        "bis zu",
        "jusqu'à",
    ]) {
        v > a && !banned
    } else if said(&[
        "less than",
        "fewer than",
        "under",
        "at most",
        // "cancelled within ten weeks": within fifteen too.
        "within",
        "below",
        "menos de",
        "moins de",
        "weniger als",
    ]) {
        v < a && !banned
    } else {
        true
    }
}

/// The value of a number as written: digits ("6,650", "45%") or a count in words ("five").
fn value_of(word: &str) -> Option<f64> {
    word_value(&clean_word(word).to_lowercase())
        .map(f64::from)
        .or_else(|| {
            word.trim_matches(|c: char| !c.is_ascii_digit() && c != '.')
                .replace(',', "")
                .parse()
                .ok()
        })
}

/// Whether a value can stand in a gap that a range in the sentence bounds: "between _____ and
/// 1972" needs a value below 1972, "from 1969 to _____" one above 1969.
fn fits_range(stem: &str, value: &str) -> bool {
    let number = value_of;
    let Some(v) = value.split_whitespace().next().and_then(number) else {
        return true;
    };
    let (before, after) = stem.split_once("_____").unwrap_or((stem, ""));
    let next: Vec<&str> = after.split_whitespace().take(2).collect();
    let prev: Vec<&str> = before.split_whitespace().rev().take(2).collect();
    let joins = |w: &str| {
        matches!(
            w,
            "and" | "to" | "until" | "et" | "à" | "y" | "hasta" | "bis" | "und"
        )
    };
    let upper = (next.len() == 2 && joins(next[0]))
        .then(|| number(next[1]))
        .flatten();
    let lower = (prev.len() == 2 && joins(prev[0]))
        .then(|| number(prev[1]))
        .flatten();
    upper.is_none_or(|u| v < u) && lower.is_none_or(|l| v > l)
}

/// Whether two names are parts of one full name in the pool ("Pierre" and "Curie").
fn same_person(pool: &[(String, usize)], a: &str, b: &str) -> bool {
    pool.iter().any(|(full, _)| {
        full.contains(' ') && find_word(full, a).is_some() && find_word(full, b).is_some()
    })
}

/// Whether a number from the text is a plausible distractor for `answer` at this level: the
/// same era for years, and within the level's spread.
fn plausible_near(answer: &str, d: &str, level: &str) -> bool {
    let value = |s: &str| s.split_whitespace().next().and_then(value_of);
    let (Some(a), Some(b)) = (value(answer), value(d)) else {
        return false;
    };
    let ratio = if a > b {
        a / b.max(1e-9)
    } else {
        b / a.max(1e-9)
    };
    match level {
        "hard" => ratio <= 1.5 || (a - b).abs() <= 10.0,
        "easy" => true,
        _ => ratio <= 4.0,
    }
}

/// Nouns of five letters or more that the text repeats: its key vocabulary. A word counts as a
/// noun when it follows a determiner somewhere and has no verb or adjective ending.
pub(super) fn key_words(sentences: &[String]) -> HashSet<String> {
    nouns(sentences, 2, false)
}

/// Nouns the text uses once or more, by the strictest reading: each time followed by nothing,
/// punctuation or a function word ("the young Earth" makes "young" no noun). Wrong answers
/// only.
pub(super) fn plain_nouns(sentences: &[String]) -> HashSet<String> {
    nouns(sentences, 1, true)
}

/// Words the text puts right after a number: units ("344,000 square kilometres" gives
/// "square" and, through it, "kilometres"), never a term to ask or offer.
pub(super) fn unit_words(sentences: &[String]) -> HashSet<String> {
    let mut out = HashSet::new();
    for s in sentences {
        let words: Vec<String> = s
            .split_whitespace()
            .map(|w| clean_word(w).to_lowercase())
            .collect();
        for (i, w) in words.iter().enumerate() {
            let counted = NUMBER_WORDS.contains(&w.as_str()) || word_value(w).is_some();
            if w.chars().any(|c| c.is_ascii_digit()) || counted {
                let mut j = i + 1;
                // "square kilometres", "cubic metres": the unit is the word after.
                while let Some(u) = words.get(j) {
                    out.insert(norm(u));
                    if !matches!(u.as_str(), "square" | "cubic" | "million" | "billion") {
                        break;
                    }
                    j += 1;
                }
            }
        }
    }
    out
}

/// Multipliers written as words: what follows them is a unit too ("a hundred ships"); so is
/// what follows a count in words (`WORD_VALUES`: "two litres").
const NUMBER_WORDS: [&str; 4] = ["hundred", "thousand", "million", "dozen"];

/// Nouns of five letters or more the text uses at least `times` times (see `key_words`);
/// `strict`: every use ends its phrase before a function word or punctuation.
fn nouns(sentences: &[String], times: usize, strict: bool) -> HashSet<String> {
    const DETERMINERS: [&str; 12] = [
        "the", "a", "an", "their", "its", "his", "her", "two", "three", "many", "these", "those",
    ];
    const NOT_NOUN: [&str; 10] = [
        "ed", "ing", "ly", "ful", "ous", "ive", "ic", "able", "ible", "est",
    ];
    // A bare noun after these ends its phrase as a noun does ("made from nectar.").
    const PREPOSITIONS: [&str; 5] = ["of", "from", "with", "into", "for"];
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    // Words listed beside another ("rivers, lakes or reservoirs"): each with the one before.
    let mut listed: Vec<(String, String)> = Vec::new();
    // Used at least once in a way a noun is not.
    let mut not_head: HashSet<String> = HashSet::new();
    let mut after_det: HashSet<String> = HashSet::new();
    // Seen at least once not qualifying the next word ("the immune system" only: a modifier).
    let mut alone: HashSet<String> = HashSet::new();
    for s in sentences {
        let raw: Vec<&str> = s.split_whitespace().collect();
        let mut prev = String::new();
        for (i, r) in raw.iter().enumerate() {
            let w = clean_word(r).to_lowercase();
            if w.chars().count() >= 5
                && w.chars().all(char::is_alphabetic)
                && !is_stop(&w)
                && !NOT_NOUN.iter().any(|e| w.ends_with(e))
            {
                *counts.entry(w.clone()).or_default() += 1;
                let next = raw.get(i + 1).map_or("", |n| clean_word(n));
                // "the sharp, flat teeth": adjectives in a row before their noun.
                let next2 = raw.get(i + 2).map_or("", |n| clean_word(n));
                let adjectives = r.ends_with(',')
                    && !raw.get(i + 1).is_some_and(|n| n.ends_with([',', '.', ';']))
                    && next.chars().all(char::is_lowercase)
                    && !is_stop(next)
                    && !next2.is_empty()
                    && next2.chars().all(char::is_lowercase)
                    && !is_stop(next2);
                let ends = r.ends_with([',', '.', ';', ':', '!', '?', ')']) && !adjectives;
                // "the flowers compared with": a verb after it, not a noun it qualifies.
                let ends_phrase = ends
                    || next.is_empty()
                    || is_stop(next)
                    || !next.chars().all(char::is_lowercase)
                    || NOT_NOUN[..2].iter().any(|e| next.ends_with(e));
                if ends_phrase {
                    alone.insert(w.clone());
                }
                if !(ends || next.is_empty() || is_stop(next)) {
                    not_head.insert(w.clone());
                }
                // A noun heads its phrase: "the white sand" makes "white" a modifier there.
                if ends_phrase
                    && (DETERMINERS.contains(&prev.as_str())
                        || (ends && PREPOSITIONS.contains(&prev.as_str())))
                {
                    after_det.insert(w.clone());
                }
                if let Some(item) = list_item_before(&raw, i).filter(|_| ends_phrase) {
                    listed.push((w.clone(), item));
                }
            }
            prev = w;
        }
    }
    // A word listed beside a noun is a noun too: repeat until nothing more is learnt.
    while let Some(more) = listed
        .iter()
        .filter(|(w, item)| after_det.contains(item) != after_det.contains(w))
        .map(|(w, item)| {
            if after_det.contains(w) {
                item.clone()
            } else {
                w.clone()
            }
        })
        .next()
    {
        after_det.insert(more);
    }
    counts
        .into_iter()
        .filter(|(w, n)| *n >= times && after_det.contains(w) && alone.contains(w))
        .filter(|(w, _)| !strict || !not_head.contains(w))
        .map(|(w, _)| w)
        .collect()
}

/// The item before word `i` of a list it ends or continues: "lakes" in "rivers, lakes or
/// reservoirs." has "rivers", "reservoirs" has "lakes". One word each side, nothing else
/// between them, and the list ends its clause.
fn list_item_before(raw: &[&str], i: usize) -> Option<String> {
    let prev = raw.get(i.checked_sub(1)?)?;
    // After a comma, only where the list goes on ("lakes or"): ", because the …" is a clause.
    let goes_on = raw
        .get(i + 1)
        .is_some_and(|n| matches!(*n, "and" | "or") || raw[i].ends_with(','));
    // The last item ends its clause: "… lakes or reservoirs." ("the organs and works with the
    // muscles": a verb).
    let last = raw[i].ends_with([',', '.', ';', ':', '!', '?']) || i + 1 == raw.len();
    let item = if prev.ends_with(',') && goes_on {
        prev
    } else if matches!(*prev, "and" | "or") && last {
        raw.get(i.checked_sub(2)?)?
    } else {
        return None;
    };
    let item = clean_word(item).to_lowercase();
    (item.chars().count() >= 3 && item.chars().all(char::is_alphabetic) && !is_stop(&item))
        .then_some(item)
}

/// For numbers the text does not offer enough of: values of the same unit and a sensible
/// magnitude, nearer the answer the harder the level (never a percentage of 100 or more, never a
/// value that rounds to 0, never "1 kilometres").
pub(super) fn numeric_variants<R: Rng>(
    term: &Term,
    n: usize,
    taken: &[String],
    level: &str,
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
    let spelt = word_value(digits);
    let Some(value) = spelt
        .map(f64::from)
        .or_else(|| digits.replace(',', "").parse::<f64>().ok())
    else {
        return Vec::new();
    };
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
    let additive = match &term.kind {
        Kind::Year => true,
        Kind::Number(u) => matches!(u.as_str(), "bc" | "ad" | "bce" | "ce"),
        _ => false,
    };
    let percent = matches!(
        unit.to_lowercase().as_str(),
        "%" | "percent" | "per cent" | "por ciento" | "pour cent" | "prozent"
    );
    let steps: Vec<f64> = match (additive, level) {
        (true, "hard") => vec![-1.0, 1.0, -2.0, 2.0, -3.0, 3.0, -5.0, 5.0, -7.0, 7.0],
        (true, "easy") => vec![-50.0, 50.0, -100.0, 100.0, -150.0, 150.0, -200.0, 200.0],
        (true, _) => vec![-10.0, 10.0, -20.0, 20.0, -5.0, 5.0, -40.0, 40.0],
        (false, "hard") => vec![0.8, 1.25, 0.9, 1.1, 1.5, 0.67, 1.2],
        (false, "easy") => vec![0.1, 10.0, 0.25, 4.0, 5.0, 0.2],
        (false, _) => vec![0.5, 2.0, 0.75, 1.5, 3.0, 0.25],
    };
    let mut order: Vec<(bool, f64)> = steps.into_iter().map(|f| (additive, f)).collect();
    order.shuffle(rng);
    // A small count ("1 percent", "3 moons") has few neighbours by ratio: near counts after
    // (not when easy, which wants far ones).
    if !additive && decimals == 0 && value < 10.0 && level != "easy" {
        order.extend([1.0, 2.0, -1.0, 3.0, 4.0, -2.0].map(|d| (true, d)));
    }
    let mut out = Vec::new();
    for (add, f) in order {
        if out.len() == n {
            break;
        }
        let v = if add { value + f } else { value * f };
        let rounded = if decimals > 0 {
            let p = 10f64.powi(decimals as i32);
            (v * p).round() / p
        } else {
            v.round()
        };
        if rounded <= 0.0
            || (percent && rounded >= 100.0)
            || ((rounded - 1.0).abs() < f64::EPSILON && unit.ends_with('s'))
        {
            continue;
        }
        let num = if decimals > 0 {
            format!("{rounded:.decimals$}")
        } else {
            format!("{}", rounded as i64)
        };
        let num = if digits.contains(',') {
            with_commas(&num)
        } else {
            num
        };
        // A count in words gets counts in words ("four years": "five years").
        let num = match spelt {
            Some(_) => match word_for(rounded as u32) {
                Some(w) => w.to_owned(),
                None => continue,
            },
            None => num,
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
    fn counts_in_digits_and_in_words() {
        let texts =
            |s: &str| -> Vec<String> { numbers_in(s).into_iter().map(|t| t.text).collect() };
        assert_eq!(
            texts("A longship carried about 60 warriors."),
            ["60 warriors"]
        );
        assert_eq!(
            texts("The games were held every four years."),
            ["four years"]
        );
        assert_eq!(texts("Sailors had to wait for forty days."), ["forty days"]);
        // A year before a noun stays a year.
        assert_eq!(texts("In 1788 convicts arrived at Sydney Cove."), ["1788"]);
        assert!(texts("It is one of the two longest rivers.").is_empty());
        let term = &numbers_in("The games were held every four years.")[0];
        let mut rng = crate::mcq::rng_from(Some(2));
        let more = numeric_variants(term, 3, &[], "medium", &mut rng);
        assert_eq!(more.len(), 3, "{more:?}");
        assert!(
            more.iter().all(
                |m| m.ends_with(" years") && word_value(m.split(' ').next().unwrap()).is_some()
            ),
            "{more:?}"
        );
    }

    #[test]
    fn three_digit_years_only_where_the_words_say_so() {
        let years = |s: &str| -> Vec<String> {
            numbers_in(s)
                .into_iter()
                .filter(|t| t.kind == Kind::Year)
                .map(|t| t.text)
                .collect()
        };
        assert_eq!(
            years("The first raid came in 793, on Lindisfarne."),
            ["793"]
        );
        assert_eq!(
            years("Charlemagne was crowned in the year 800 by the pope."),
            ["800"]
        );
        assert!(years("The pot broke in 300 pieces.").is_empty());
        assert!(years("About 600 people lived there.").is_empty());
        assert!(years("The wall is 120 km long.").is_empty());
    }

    /// Three wrong answers at medium difficulty, from a pool of one paragraph.
    fn medium(
        term: &Term,
        pool: &[(String, usize)],
        stem: &str,
        rng: &mut impl Rng,
    ) -> Vec<String> {
        let gap = Gap {
            stem,
            paragraph: 0,
            level: "medium",
            wanted: 3,
            english: false,
        };
        distractors(term, pool, &HashSet::new(), &gap, rng)
    }

    /// The names of a sentence with their kinds, no name known beforehand.
    fn names_and_kinds(s: &str) -> Vec<(String, Kind)> {
        names_in(s, &HashSet::new())
            .into_iter()
            .map(|t| (t.text, t.kind))
            .collect()
    }

    #[test]
    fn titles_months_initials_and_particles() {
        let got = names_and_kinds(
            "A few weeks later President John F. Kennedy promised to land on the Moon.",
        );
        assert!(
            got.contains(&("John F. Kennedy".into(), Kind::Person)),
            "{got:?}"
        );
        let got = names_and_kinds("In April 1961 the cosmonaut Yuri Gagarin flew into space.");
        assert!(!got.iter().any(|(t, _)| t == "April"), "{got:?}");
        let got = names_and_kinds("As a boy, Leonardo da Vinci was taught in Florence.");
        assert!(
            got.contains(&("Leonardo da Vinci".into(), Kind::Person)),
            "{got:?}"
        );
        let got = names_and_kinds(
            "In 1897 Millicent Fawcett founded the National Union of Women's Suffrage Societies.",
        );
        assert!(!got.iter().any(|(t, _)| t.contains("Suffrage")), "{got:?}");
        let got = names_and_kinds("In 1903 she founded the Women's Social and Political Union.");
        assert!(!got.iter().any(|(t, _)| t.contains("Union")), "{got:?}");
        let got = names_and_kinds("James Marshall found gold at Sutter's Mill in California.");
        assert!(!got.iter().any(|(t, _)| t.starts_with("Sutter")), "{got:?}");
    }

    #[test]
    fn owners_and_saints_name_places_not_people() {
        let got = names_and_kinds("Boudica burned the towns of Colchester, London and St Albans.");
        assert!(got.contains(&("St Albans".into(), Kind::Place)), "{got:?}");
        let got = names_and_kinds("The soldiers built Hadrian's Wall across the north.");
        assert!(!got.iter().any(|(t, _)| t == "Hadrian Wall"), "{got:?}");
        assert!(
            appositive("Before a transfusion, doctors check that the blood matches.").is_none()
        );
        assert!(
            appositive("Water is pumped from aquifers, layers of rock that hold water.").is_some()
        );
        assert!(
            appositive("The knee bends in one direction, while the hip is a joint that turns.")
                .is_none()
        );
        let d = appositive(
            "Below the floor was the hypogeum, a network of tunnels and cages where animals waited.",
        );
        assert_eq!(d.map(|(t, _)| t.text).as_deref(), Some("hypogeum"));
        let d = definitions_in(
            "A huge canvas awning called the velarium could be pulled over the seats.",
        );
        assert_eq!(d[0].0.text, "velarium");
    }

    #[test]
    fn adjectives_in_a_row_are_no_nouns() {
        let texts = [
            "Incisors are the sharp, flat teeth at the front of the mouth.".to_owned(),
            "Molars are the large, flat teeth at the back of the sharp mouth.".to_owned(),
        ];
        let nouns = plain_nouns(&texts);
        assert!(
            !nouns.contains("sharp") && !nouns.contains("large"),
            "{nouns:?}"
        );
        assert!(nouns.contains("mouth"), "{nouns:?}");
    }

    #[test]
    fn a_bound_in_the_stem_keeps_wrong_answers_wrong() {
        let stem = "They have lived there for at least _____. Which value fills the gap?";
        assert!(fits(stem, "50,000 years", "75,000 years"));
        assert!(!fits(stem, "50,000 years", "37,500 years"));
        let under = "The rope holds less than _____ of weight.";
        assert!(fits(under, "20 kilograms", "10 kilograms"));
        assert!(!fits(under, "20 kilograms", "40 kilograms"));
        assert!(fits("It is about _____ long.", "20 km", "10 km"));
        let deeper = "Some penguins can dive deeper than _____ for food.";
        assert!(
            !fits(deeper, "500 metres", "250 metres") && fits(deeper, "500 metres", "750 metres")
        );
        let warmer = "Hurricanes form when the sea is warmer than about _____ Celsius.";
        assert!(!fits(warmer, "26 degrees", "5 degrees"));
        assert!(
            appositive("A hurricane is a huge, spinning storm that forms over warm seas.")
                .is_none()
        );
        let exceed = "Tornado winds can exceed _____ per hour.";
        assert!(!fits(exceed, "400 kilometres", "200 kilometres"));
        let shorter = "Most tornadoes are shorter than _____ across.";
        assert!(
            !fits(shorter, "100 metres", "200 metres") && fits(shorter, "100 metres", "50 metres")
        );
        let up = "A camel can walk up to _____ a day.";
        assert!(
            !fits(up, "40 kilometres", "10 kilometres")
                && fits(up, "40 kilometres", "80 kilometres")
        );
        let within = "The pope cancelled the charter within _____.";
        assert!(
            !fits(within, "ten weeks", "fifteen weeks") && fits(within, "ten weeks", "three weeks")
        );
        let since = "The glaciers have lost much of their ice since _____.";
        assert!(!fits(since, "1850", "1845") && fits(since, "1850", "1870"));
        let by = "By _____ thousands of people were on their way.";
        assert!(fits(by, "1849", "1845") && !fits(by, "1849", "1850"));
        let law = "In 1841 a law banned the work of children under _____.";
        assert!(!fits(law, "8 years", "6 years") && !fits(law, "8 years", "10 years"));
        let months = "The battle lasted more than _____ and cost a million lives.";
        assert!(!fits(months, "four months", "three months"));
        assert!(fits(months, "four months", "eight months"));
        assert!(!fits(
            "Paper can be recycled five to _____.",
            "seven times",
            "four times"
        ));
        let mas = "El agua puede subir más de _____ en la época de lluvias.";
        assert!(!fits(mas, "10 metros", "3 metros") && fits(mas, "10 metros", "20 metros"));
    }

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
        assert_eq!(d[0].0.text, "Photosynthesis");
        assert_eq!(
            d[0].1.as_deref(),
            Some("the process by which plants make sugar")
        );
    }

    #[test]
    fn a_stem_that_names_the_kind_of_place_gets_places_of_that_kind_only() {
        use rand::SeedableRng;
        let amazon = Term {
            text: "Amazon River".into(),
            kind: Kind::Place,
        };
        let pool = |names: &[&str]| -> Vec<(String, usize)> {
            names.iter().map(|n| ((*n).to_owned(), 0)).collect()
        };
        let stem = "The _____ carries more water to the sea than any other river.";
        let mut rng = rand::rngs::StdRng::seed_from_u64(1);
        let rivers = pool(&[
            "Amazon River",
            "Nile River",
            "Chile",
            "Congo River",
            "Volga River",
        ]);
        let got = medium(&amazon, &rivers, stem, &mut rng);
        assert_eq!(got.len(), 3);
        assert!(got.iter().all(|d| d.ends_with("River")), "{got:?}");
        let few = pool(&["Amazon River", "Atacama Desert", "Chile", "India"]);
        let got = medium(&amazon, &few, stem, &mut rng);
        assert!(got.is_empty(), "the stem says river: {got:?}");
        let plain = "The _____ carries more water to the sea than any other.";
        let other = pool(&[
            "Amazon River",
            "Atacama Desert",
            "Lake Tana",
            "Andes Mountains",
        ]);
        let got = medium(&amazon, &other, plain, &mut rng);
        assert_eq!(got.len(), 3);
        // A sea is part of an ocean: no ocean beside it.
        let beaufort = Term {
            text: "Beaufort Sea".into(),
            kind: Kind::Place,
        };
        let waters = pool(&[
            "Beaufort Sea",
            "Arctic Ocean",
            "Caspian Sea",
            "Red Sea",
            "Aral Sea",
        ]);
        let got = medium(&beaufort, &waters, plain, &mut rng);
        assert!(got.iter().all(|d| d.ends_with("Sea")), "{got:?}");
        // A country may hold the river: never a wrong answer for it.
        let got = medium(&amazon, &few, plain, &mut rng);
        assert_eq!(got, vec!["Atacama Desert".to_owned()]);
    }

    #[test]
    fn no_region_or_country_for_a_place_it_may_contain() {
        use rand::SeedableRng;
        let mut rng = rand::rngs::StdRng::seed_from_u64(3);
        let places = |names: &[&str]| -> Vec<(String, usize)> {
            names.iter().map(|n| ((*n).to_owned(), 0)).collect()
        };
        let pool = places(&["China", "East Asia", "Tokyo", "Osaka", "Kyoto", "Nara"]);
        let city = Term {
            text: "Tokyo".into(),
            kind: Kind::Place,
        };
        let stem = "Kanji were first taught in _____ schools.";
        let got = medium(&city, &pool, stem, &mut rng);
        assert_eq!(got.len(), 3);
        assert!(
            !got.iter().any(|d| d == "China" || d == "East Asia"),
            "{got:?}"
        );
        // A region answer has regions beside it, of its own scale: a continent holds the
        // parts of itself, and a part holds countries and cities.
        let pool = places(&[
            "China",
            "Tokyo",
            "Europe",
            "Scandinavia",
            "West Africa",
            "Central Asia",
            "Asia",
        ]);
        let region = |text: &str| Term {
            text: text.into(),
            kind: Kind::Place,
        };
        let got = medium(&region("East Asia"), &pool, stem, &mut rng);
        let mut got_sorted = got.clone();
        got_sorted.sort();
        assert_eq!(got_sorted, ["Central Asia", "Scandinavia", "West Africa"]);
        let got = medium(&region("Africa"), &pool, stem, &mut rng);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|d| is_continent(d)), "{got:?}");
        // No continent is made up: another may be right too.
        assert!(more_places("Africa", stem, &got, 3, &mut rng).is_empty());
        // A country gets countries far from it; never a name that wants "the".
        let coast = "Lindisfarne lies off the coast of _____.";
        let far = more_places("England", coast, &[], 3, &mut rng);
        assert_eq!(far.len(), 3);
        assert!(
            far.iter()
                .all(|d| is_country(d) && !NEIGHBOURS[0].contains(&d.as_str())),
            "{far:?}"
        );
        assert!(more_places("Lindisfarne", stem, &[], 3, &mut rng).is_empty());
        assert!(is_country("South Africa") && !is_region("South Africa"));
        assert!(is_region("North Africa") && !is_region("Mediterranean Sea"));
        // "a South African lawyer": no name at all.
        let names = names_in(
            "Mandela was a South African lawyer and leader.",
            &HashSet::new(),
        );
        assert!(
            !names.iter().any(|t| t.text == "South African"),
            "{names:?}"
        );
    }

    #[test]
    fn singulars_in_s_stay_singular() {
        assert_eq!(norm("peristalsis"), "peristalsis");
        assert_eq!(norm("virus"), "virus");
        assert_eq!(norm("antigens"), "antigen");
        assert_eq!(norm("Punic Wars"), "punic war");
    }

    #[test]
    fn a_street_is_a_place_not_a_person() {
        let names = names_in(
            "It began in a bakery on Pudding Lane owned by Thomas Farriner.",
            &HashSet::new(),
        );
        let kind = |n: &str| names.iter().find(|t| t.text == n).map(|t| t.kind.clone());
        assert_eq!(kind("Pudding Lane"), Some(Kind::Place));
        assert_eq!(kind("Thomas Farriner"), Some(Kind::Person));
    }

    #[test]
    fn one_word_names_after_a_role_are_people_and_a_clause_break_is_no_role() {
        let kind_of = |sentence: &str, name: &str| {
            names_in(sentence, &HashSet::new())
                .into_iter()
                .find(|t| t.text == name)
                .map(|t| t.kind)
        };
        assert_eq!(
            kind_of(
                "The Carthaginian general Hannibal crossed the Alps.",
                "Hannibal"
            ),
            Some(Kind::Person)
        );
        assert_eq!(
            kind_of(
                "His adopted heir Octavian defeated Mark Antony.",
                "Octavian"
            ),
            Some(Kind::Person)
        );
        assert_ne!(
            kind_of("Instead of a king, Rome was led by two consuls.", "Rome"),
            Some(Kind::Person)
        );
        assert_ne!(
            kind_of("The city was conquered by Rome in the end.", "Rome"),
            Some(Kind::Person)
        );
    }

    #[test]
    fn a_share_that_completes_another_gives_the_answer_away() {
        let stem = "About _____ of the water on Earth is salt water, and only about 3 percent is fresh water.";
        assert!(completes_a_share(stem, "97 percent"));
        assert!(!completes_a_share(stem, "73 percent"));
        assert!(!completes_a_share("Only _____ of it is fresh.", "3%"));
    }

    #[test]
    fn a_range_in_the_sentence_bounds_the_values() {
        let stem = "Twelve astronauts walked on the Moon between _____ and 1972.";
        assert!(fits_range(stem, "1969") && !fits_range(stem, "1974"));
        let stem = "It grew from 1969 to _____ in all.";
        assert!(fits_range(stem, "1975") && !fits_range(stem, "1960"));
        assert!(fits_range("In _____ the Senate met.", "44 BC"));
    }

    #[test]
    fn numeric_variants_keep_unit() {
        let t = Term {
            text: "6,650 km".into(),
            kind: Kind::Number("km".into()),
        };
        let v = numeric_variants(&t, 3, &[], "medium", &mut crate::mcq::rng_from(Some(1)));
        assert_eq!(v.len(), 3);
        assert!(
            v.iter().all(|x| x.ends_with(" km") && x != "6,650 km"),
            "{v:?}"
        );
    }
}
