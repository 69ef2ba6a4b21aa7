//! Lexical knowledge the text alone cannot give, shipped as data (`data/`, embedded at build
//! time, each made by a script in `tools/`): the kind of an English noun and the type of a named
//! place or person, from WordNet 3.0's lexicographer files (`wordnet-en.tsv`); the countries in
//! the four languages with their region (`countries.tsv`); English cities with their part and
//! country (`cities-en.tsv`); given names (`given-names.txt`, and each language's own in its
//! data file).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::lang::Lang;

/// What WordNet says of a lemma.
pub(super) struct Entry {
    /// The lexicographer files of its senses, most frequent first ("body", "artifact", …); for
    /// a named instance, one ("location", "object", "person").
    pub(super) kinds: Vec<&'static str>,
    /// For a named instance, what it is an instance of ("national capital", "physicist").
    pub(super) of: &'static str,
    /// For a named place, what it is part of ("Poland" for Warsaw).
    pub(super) part: &'static str,
    /// For a common noun, how many of its senses WordNet's tagged texts use: many for a
    /// generic word ("part", "thing"), none or one for a technical one ("nephron", "alkane").
    pub(super) tagged: Option<u32>,
}

fn wordnet() -> &'static HashMap<&'static str, Entry> {
    static WORDNET: OnceLock<HashMap<&'static str, Entry>> = OnceLock::new();
    WORDNET.get_or_init(|| {
        include_str!("data/wordnet-en.tsv")
            .lines()
            .filter_map(|line| {
                let mut f = line.split('\t');
                let lemma = f.next()?;
                let kinds = f.next()?.split(',').collect();
                let of = f.next().unwrap_or("");
                let part = f.next().unwrap_or("");
                let tagged = f.next().and_then(|n| n.parse().ok());
                Some((
                    lemma,
                    Entry {
                        kinds,
                        of,
                        part,
                        tagged,
                    },
                ))
            })
            .collect()
    })
}

/// WordNet's entry for a name as written ("Warsaw") or a common noun in lower case.
pub(super) fn entry(lemma: &str) -> Option<&'static Entry> {
    wordnet().get(lemma)
}

/// WordNet's entry for an English common noun, singular or plural ("centimetres", "cities").
pub(super) fn noun(word: &str) -> Option<&'static Entry> {
    let w = word.to_lowercase();
    let singular = [
        w.strip_suffix("ies").map(|s| format!("{s}y")),
        w.strip_suffix("es").map(str::to_owned),
        w.strip_suffix('s').map(str::to_owned),
    ];
    entry(&w).or_else(|| singular.into_iter().flatten().find_map(|s| entry(&s)))
}

/// The kind of a place, which decides its wrong answers.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) enum PlaceKind {
    /// A country, with its region ("European", "South American").
    Country(String),
    /// A city, with the country it is in.
    City(String),
    River,
    Range,
}

impl PlaceKind {
    /// The word the stem's label uses ("Which country …").
    pub(super) fn label(&self) -> &'static str {
        match self {
            PlaceKind::Country(_) => "country",
            PlaceKind::City(_) => "city",
            PlaceKind::River => "river",
            PlaceKind::Range => "range",
        }
    }

    /// Whether two places are of one class (countries with countries of any region, rivers
    /// with rivers).
    pub(super) fn same_class(&self, other: &PlaceKind) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

/// A country in the four languages.
pub(super) struct Country {
    names: [&'static str; 4],
    pub(super) region: &'static str,
}

impl Country {
    pub(super) fn name(&self, lang: Lang) -> &'static str {
        self.names[lang as usize]
    }
}

/// Whether two names are one place's, an older and today's or two languages' ("Peking" and
/// "Beijing", "Edo" and "Tokyo"; `data/place-renamed.txt`).
pub(super) fn same_place(a: &str, b: &str) -> bool {
    static RENAMED: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    let all = RENAMED.get_or_init(|| {
        (include_str!("data/place-renamed.txt").lines())
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| l.split('|').map(str::trim).collect())
            .collect()
    });
    a != b
        && all
            .iter()
            .any(|names| names.contains(&a) && names.contains(&b))
}

pub(super) fn countries() -> &'static [Country] {
    static COUNTRIES: OnceLock<Vec<Country>> = OnceLock::new();
    COUNTRIES.get_or_init(|| {
        include_str!("data/countries.tsv")
            .lines()
            .filter_map(|line| {
                let f: Vec<&str> = line.split('\t').collect();
                (f.len() == 5).then(|| Country {
                    names: [f[0], f[1], f[2], f[3]],
                    region: f[4],
                })
            })
            .collect()
    })
}

/// A city of the gazetteer (`data/cities-en.tsv`, from WordNet): its English names, WordNet's
/// own first ("Tokyo", then "Edo"), what it is part of ("Honshu"), its country ("Japan"), and
/// whether it is a ruin of antiquity ("Troy", "Babylon").
pub(super) struct City {
    pub(super) names: Vec<&'static str>,
    pub(super) part: &'static str,
    pub(super) country: &'static str,
    pub(super) ruin: bool,
}

pub(super) fn cities() -> &'static [City] {
    static CITIES: OnceLock<Vec<City>> = OnceLock::new();
    CITIES.get_or_init(|| {
        include_str!("data/cities-en.tsv")
            .lines()
            .filter_map(|line| {
                let f: Vec<&str> = line.split('\t').collect();
                (f.len() == 4).then(|| City {
                    names: f[0].split('|').collect(),
                    part: f[1],
                    country: f[2],
                    ruin: f[3] == "ruin",
                })
            })
            .collect()
    })
}

/// Whether every city of that name is a ruin of antiquity ("Troy"; not "Memphis", a living
/// city too).
pub(super) fn ruin(name: &str) -> bool {
    let mut named = cities()
        .iter()
        .filter(|c| c.names.contains(&name))
        .peekable();
    named.peek().is_some() && named.all(|c| c.ruin)
}

/// The gazetteer's city of that name, when only one of its cities has it.
pub(super) fn city(name: &str) -> Option<&'static City> {
    let mut named = cities().iter().filter(|c| c.names.contains(&name));
    let one = named.next()?;
    named.next().is_none().then_some(one)
}

/// The kind of a place named in a text of `lang`, when the data knows it for certain.
pub(super) fn place(name: &str, lang: Lang) -> Option<PlaceKind> {
    if let Some(c) = countries().iter().find(|c| c.name(lang) == name) {
        return Some(PlaceKind::Country(c.region.to_owned()));
    }
    let e = entry(name)?;
    let kind = *e.kinds.first()?;
    if !matches!(kind, "location" | "object") || e.of.is_empty() {
        return None;
    }
    // A city keeps its name across languages often enough ("Berlin", "Lima"); rivers and
    // ranges mostly do not, so outside English only a city is trusted.
    let of = e.of;
    // German capitalises every noun: "an steilen Bergen" is hills, not the city.
    if lang == Lang::De {
        return None;
    }
    if of.contains("capital") || of.ends_with("city") || of == "port" || of == "town" {
        return Some(PlaceKind::City(e.part.to_owned()));
    }
    if lang != Lang::En {
        return None;
    }
    match of {
        "river" => Some(PlaceKind::River),
        "range" | "mountain range" => Some(PlaceKind::Range),
        _ => None,
    }
}

/// Whether `text` names `place` or its people's adjective ("the Chinese part" for China,
/// "el dominio español" for España): a word opening with the name's first letters.
pub(super) fn place_named_in(place: &str, text: &str) -> bool {
    let a: Vec<char> = place.to_lowercase().chars().collect();
    if a.len() < 4 {
        return text.contains(place);
    }
    let prefix: String = a[..(a.len() - 1).min(5)].iter().collect();
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| w.starts_with(&prefix))
}

/// Whether a name as written is a person's, for certain: a person WordNet knows ("Isaac
/// Newton", "Pasteur"), or a given name of the census or the language followed by a surname.
///
/// A single word is a person only when it is no common word as well ("French", "Land" are
/// sculptor and inventor to WordNet), and a given name only when it is no stop word ("In").
pub(super) fn is_person(words: &[&str], lang: Lang) -> bool {
    let whole = words.join(" ");
    // "Santa Marta", "San Pedro", "Saint-Denis", "Sankt Gallen": a place named after a saint.
    if words.len() >= 2 && SAINTS.contains(&words[0]) {
        return false;
    }
    // "Santiago y La Coruña": two places joined; a surname after "y" opens on no article
    // ("Ramón y Cajal", "Ortega y Gasset").
    let w = &lang.data().words;
    let joined_place = words
        .windows(2)
        .any(|p| w.span_and.iter().any(|a| a == p[0]) && w.articles.contains(&p[1].to_lowercase()));
    if joined_place {
        return false;
    }
    let common = |w: &str| entry(&w.to_lowercase()).is_some() || lang.is_stop(&w.to_lowercase());
    // A single name only in English: elsewhere a capitalised word may be any noun or an
    // adverb at the sentence's start (German "Lange glaubte man …").
    let single_ok = words.len() > 1 || (lang == Lang::En && !common(&whole));
    if entry(&whole).is_some_and(|e| e.kinds == ["person"]) && single_ok {
        return true;
    }
    // "Ada Lovelace Day": a name ending in a common word names a thing.
    let last = words.last().map_or(String::new(), |w| w.to_lowercase());
    words.len() >= 2
        && is_given_name(words[0], lang)
        && !(lang == Lang::En && noun(&last).is_some() && entry(&whole).is_none())
        && !lang.is_stop(&words[0].to_lowercase())
        && place(&whole, lang).is_none()
}

/// The words for a saint that open a place's name in the four languages.
const SAINTS: &[&str] = &[
    "San", "Santa", "Santo", "São", "Saint", "Sainte", "St.", "St", "Sankt",
];

/// A person WordNet knows, with what they were ("physicist", "dramatist").
pub(super) fn role(name: &str) -> Option<&'static str> {
    entry(name)
        .filter(|e| e.kinds == ["person"] && !e.of.is_empty())
        .map(|e| e.of)
}

/// A given name: the language's own list, or the census's when it is no English common word
/// as well ("Fort", "Rose", "Sol" name things too often).
pub(super) fn is_given_name(word: &str, lang: Lang) -> bool {
    each_part(word, |w| {
        lang.data().words.given_names.iter().any(|n| n == w)
            || (in_census(w) && noun(&w.to_lowercase()).is_none())
    })
}

/// Whether a name is one by `one`, or is hyphenated with each part one ("Jean-Henri",
/// "Marie-Louise").
fn each_part(word: &str, one: impl Fn(&str) -> bool) -> bool {
    one(word) || (word.contains('-') && word.split('-').all(|p| !p.is_empty() && one(p)))
}

/// Whether a word may be a given name, though a common word as well ("Ada", "Rose").
pub(super) fn may_be_given_name(word: &str, lang: Lang) -> bool {
    each_part(word, |w| {
        lang.data().words.given_names.iter().any(|n| n == w) || in_census(w)
    })
}

pub(super) fn in_census(word: &str) -> bool {
    static NAMES: OnceLock<HashSet<&'static str>> = OnceLock::new();
    NAMES
        .get_or_init(|| include_str!("data/given-names.txt").lines().collect())
        .contains(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hyphenated_given_name_is_one_when_each_part_is() {
        assert!(may_be_given_name("Jean-Henri", Lang::Fr));
        assert!(is_given_name("Jean-Henri", Lang::Fr));
        assert!(may_be_given_name("Marie-Louise", Lang::Fr));
        assert!(!may_be_given_name("Saint-Léons", Lang::Fr));
        assert!(!may_be_given_name("Jean-", Lang::Fr));
    }

    #[test]
    fn a_place_is_named_by_its_peoples_adjective_too() {
        assert!(place_named_in(
            "España",
            "Bolívar puso fin al dominio español"
        ));
        assert!(place_named_in("China", "the Chinese part of the range"));
        assert!(!place_named_in("Peru", "in Bolivia and Chile"));
    }

    #[test]
    fn knows_places_by_kind_and_region() {
        assert_eq!(
            place("Kenya", Lang::En),
            Some(PlaceKind::Country("African".into()))
        );
        assert_eq!(
            place("Allemagne", Lang::Fr),
            Some(PlaceKind::Country("European".into()))
        );
        assert_eq!(
            place("Warsaw", Lang::En),
            Some(PlaceKind::City("Poland".into()))
        );
        assert_eq!(place("Nile", Lang::En), Some(PlaceKind::River));
        // A word that is no place, and a river outside English: not trusted.
        assert_eq!(place("Wirklichkeit", Lang::De), None);
        assert_eq!(place("Nile", Lang::Fr), None);
    }

    #[test]
    fn knows_people_by_name() {
        assert!(is_person(&["Isaac", "Newton"], Lang::En));
        assert!(is_person(&["Johann", "Gutenberg"], Lang::De));
        assert!(!is_person(&["Birnam", "Wood"], Lang::En));
        assert!(!is_person(&["Only", "Macbeth"], Lang::En));
        assert!(!is_person(&["In", "China"], Lang::En));
        assert!(!is_person(&["French"], Lang::En));
        assert!(is_person(&["Hannibal"], Lang::En));
        assert_eq!(role("Shakespeare"), Some("dramatist"));
    }

    #[test]
    fn a_saints_name_is_a_place() {
        assert!(!is_person(&["Santa", "Marta"], Lang::Es));
        assert!(!is_person(&["San", "Martín"], Lang::Es));
        assert!(is_person(&["Manuela", "Sáenz"], Lang::Es));
        // Round 25: two places joined by "y", the second with its article.
        assert!(!is_person(&["Santiago", "y", "La", "Coruña"], Lang::Es));
        assert!(is_person(&["Santiago", "Ramón", "y", "Cajal"], Lang::Es));
    }
}
