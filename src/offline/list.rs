//! Questions from the text's lists (`read::List`). The other items of one list are of the
//! answer's own kind by construction: the best wrong answers the text offers.
//!
//! - Named items with a description ("- kerosene (about 10–16 carbon atoms), used as fuel for
//!   aircraft;"): the description asked, the item's name the answer, the list's other names
//!   the wrong answers: "Which fraction is used as fuel for aircraft?". The class ("fraction")
//!   comes from the line that leads into the list ("The main fractions … are:") in English,
//!   where its plural is read for certain; otherwise "Which one is …?". Asked only when its
//!   description is told apart from the others (no other says as much and more) and holds no
//!   word of the item's name.
//! - Numbered steps, read as the text's sentences (`read`): "What happens right after this
//!   step: …?", the step after it the answer, the list's other steps the wrong answers. Only
//!   short steps: a long one is a paragraph to read, not an option.
//! - Value lists ("- water: 4,200 J/kg °C" after "Typical values are:"): "Which one has a
//!   value of 4,200 J/kg °C?", when no two items share a value.
//! - A glossary line of a person ("- Mr Collins: a pompous clergyman."): asked "Who is a
//!   pompous clergyman?", not "Which term means …?", with the glossary's other people of the
//!   same sex as wrong answers (`who`).

use super::lang::Lang;
use super::lexicon;
use super::read::{Doc, List};
use super::sex::Sex;

/// A question a list offers: its stem's part (a description or a step), its answer, and the
/// list's other items as wrong answers.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Listed {
    pub(super) list: usize,
    pub(super) shape: Shape,
    /// What is asked: the description, or the step before the answer.
    pub(super) asked: String,
    pub(super) answer: String,
    pub(super) wrong: Vec<String>,
    /// The item as the text gives it, for the explanation.
    pub(super) quoted: String,
}

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Shape {
    /// A named item by its description, with the list's class when the lead-in names it.
    Named(Option<String>),
    /// The step after another.
    Next,
    /// A named item by its value ("water: 4,200 J/kg °C"), with the quantity the lead-in
    /// names ("Some typical densities are:": "density").
    Valued(Option<String>),
}

/// Longest name of a named item, in words.
const MAX_NAME: usize = 4;
/// Longest step asked as an option, and in the stem, in words.
const MAX_STEP: usize = 14;
const MAX_ASKED_STEP: usize = 20;

/// Every question the lists offer, with at least `options - 1` wrong answers each.
pub(super) fn questions(lists: &[List], options: usize, lang: Lang) -> Vec<Listed> {
    let mut out = Vec::new();
    for (i, l) in lists.iter().enumerate() {
        if l.items.len() < options {
            continue;
        }
        if l.prose && l.numbered {
            out.extend(steps(i, l, options));
        } else if !l.prose {
            out.extend(named(i, l, options, lang));
            out.extend(valued(i, l, options, lang));
        }
    }
    out
}

/// An item's name and description: "kerosene (about 10–16 carbon atoms), used as fuel for
/// aircraft" or "kerosene, used as fuel for aircraft" (a glossary's "Term: meaning" is asked
/// as a definition, not here). Not a sentence of two clauses ("Water boils, and …").
pub(super) fn split_named(item: &str, lang: Lang) -> Option<(&str, &str)> {
    let item = item.trim().trim_end_matches(['.', ';', ',']).trim();
    let (name, rest) = match item.find(" (") {
        Some(open) => {
            let close = item[open..].find(')')? + open;
            (&item[..open], item[close + 1..].strip_prefix(", ")?)
        }
        None => item.split_once(", ")?,
    };
    let name = name.trim();
    let description = rest.trim();
    let ok = !name.is_empty()
        && name.split_whitespace().count() <= MAX_NAME
        && !name.contains([':', '–', '—'])
        && description.split_whitespace().count() >= 2
        && description.starts_with(char::is_lowercase)
        && !description.contains([':', ';', '('])
        && !lang.data().words.clause_links.iter().any(|l| {
            let lower = description.to_lowercase();
            lower.starts_with(&format!("{l} ")) || lower.contains(&format!(", {l} "))
        });
    ok.then_some((name, description))
}

fn named(at: usize, l: &List, options: usize, lang: Lang) -> Vec<Listed> {
    let Some(pairs) = l
        .items
        .iter()
        .map(|i| split_named(i, lang))
        .collect::<Option<Vec<(&str, &str)>>>()
    else {
        return Vec::new();
    };
    let names: Vec<String> = pairs.iter().map(|(n, _)| n.to_lowercase()).collect();
    let name_words: Vec<Vec<String>> = names.iter().map(|n| lang.content_stems(n)).collect();
    let descriptions: Vec<Vec<String>> = pairs.iter().map(|(_, d)| lang.content_stems(d)).collect();
    let unique = |v: &[String], x: &String| v.iter().filter(|y| *y == x).count() == 1;
    if names.iter().any(|n| !unique(&names, n)) {
        return Vec::new();
    }
    let class = l.lead.as_deref().and_then(|lead| class_of(lead, lang));
    let mut out = Vec::new();
    for (i, (name, description)) in pairs.iter().enumerate() {
        let own = &descriptions[i];
        // Told apart: no other description says as much as this one or more ("used as fuel"
        // beside "used as fuel for cars").
        let told = !own.is_empty()
            && descriptions
                .iter()
                .enumerate()
                .all(|(j, d)| j == i || !own.iter().all(|w| d.contains(w)));
        // No word of the answer's name in the stem (another's is a lure, not the answer).
        let clean = !own.iter().any(|w| name_words[i].contains(w));
        if !(told && clean) {
            continue;
        }
        let wrong: Vec<String> = pairs
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, (n, _))| (*n).to_owned())
            .collect();
        if wrong.len() < options - 1 {
            continue;
        }
        out.push(Listed {
            list: at,
            shape: Shape::Named(class.clone()),
            asked: (*description).to_owned(),
            answer: (*name).to_owned(),
            wrong,
            quoted: l.items[i].trim().trim_end_matches([';', ',']).to_owned(),
        });
    }
    out
}

/// Longest value of a value list, in words ("about 800 J/kg °C").
const MAX_VALUE: usize = 5;

/// A value list's item: "water: 4,200 J/kg °C", a short name and a short value with a digit.
fn split_valued(item: &str) -> Option<(&str, &str)> {
    let (name, value) = item.split_once(": ")?;
    let (name, value) = (name.trim(), value.trim().trim_end_matches([';', '.', ',']));
    let ok = !name.is_empty()
        && name.split_whitespace().count() <= MAX_NAME
        && !name.chars().any(|c| c.is_ascii_digit())
        && value.chars().any(|c| c.is_ascii_digit())
        && value.split_whitespace().count() <= MAX_VALUE;
    ok.then_some((name, value))
}

/// "Which one has a value of 900 J/kg °C?": every item a name and a value, each value the
/// list's only one of its kind (two items of one value would make two right answers).
fn valued(at: usize, l: &List, options: usize, lang: Lang) -> Vec<Listed> {
    let Some(pairs) = (l.items.iter())
        .map(|i| split_valued(i))
        .collect::<Option<Vec<(&str, &str)>>>()
    else {
        return Vec::new();
    };
    // Compared by their digits: "about 40%" and "40%" are one value.
    let digits = |v: &str| v.chars().filter(char::is_ascii_digit).collect::<String>();
    let values: Vec<String> = pairs.iter().map(|(_, v)| digits(v)).collect();
    let names: Vec<String> = pairs.iter().map(|(n, _)| n.to_lowercase()).collect();
    let once = |v: &[String], x: &String| v.iter().filter(|y| *y == x).count() == 1;
    if pairs.len() < options
        || (0..pairs.len()).any(|i| !once(&values, &values[i]) || !once(&names, &names[i]))
    {
        return Vec::new();
    }
    let quantity = l.lead.as_deref().and_then(|lead| quantity_of(lead, lang));
    (0..pairs.len())
        .map(|i| Listed {
            list: at,
            shape: Shape::Valued(quantity.clone()),
            asked: pairs[i].1.to_owned(),
            answer: pairs[i].0.to_owned(),
            wrong: (0..pairs.len())
                .filter(|j| *j != i)
                .map(|j| pairs[j].0.to_owned())
                .collect(),
            quoted: l.items[i].clone(),
        })
        .collect()
}

/// The quantity a value list's lead-in names, in English: a plural WordNet knows as an
/// attribute or a quantity, of one word or two ("Some typical densities at room temperature
/// are:" → "density"; "The boiling points of some liquids:" → "boiling point"); not a singular
/// ("at room temperature").
fn quantity_of(lead: &str, lang: Lang) -> Option<String> {
    if lang != Lang::En {
        return None;
    }
    let words: Vec<String> = (lead.to_lowercase().split(|c: char| !c.is_alphabetic()))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect();
    let singular = |w: &str| -> Option<String> {
        let s = (w.strip_suffix("ies").map(|s| format!("{s}y")))
            .or_else(|| w.strip_suffix('s').map(str::to_owned))?;
        (s.len() > 2).then_some(s)
    };
    let measure = |noun: &str| {
        lexicon::entry(noun).is_some_and(|e| {
            e.kinds
                .iter()
                .take(2)
                .any(|k| *k == "attribute" || *k == "quantity")
        })
    };
    (0..words.len()).find_map(|i| {
        let one = singular(&words[i])?;
        let two = (i > 0).then(|| format!("{} {one}", words[i - 1]));
        two.filter(|t| measure(t))
            .or_else(|| measure(&one).then_some(one))
    })
}

/// The class a list's lead-in names, in English: "The main fractions, from the top, are:" →
/// "fraction". Only a plural WordNet knows as a noun once its ending is taken off.
fn class_of(lead: &str, lang: Lang) -> Option<String> {
    if lang != Lang::En {
        return None;
    }
    let lower = lead.to_lowercase();
    let rest = lower.strip_prefix("the ")?;
    let rest = ["main ", "chief ", "most common ", "principal "]
        .iter()
        .find_map(|m| rest.strip_prefix(m))
        .unwrap_or(rest);
    let (plural, after) = rest.split_once(|c: char| !c.is_alphabetic())?;
    // The noun is the lead-in's subject: a comma or "are" right after it.
    let after = after.trim_start();
    if !(rest[plural.len()..].starts_with(',') || after.starts_with("are ") || after == "are:") {
        return None;
    }
    let singular = ["es", "s"]
        .iter()
        .filter_map(|e| plural.strip_suffix(e))
        .find(|s| s.len() > 2 && lexicon::noun(s).is_some())?;
    Some(singular.to_owned())
}

/// Numbered steps read as sentences: each short step asked as the one right after the step
/// before it.
fn steps(at: usize, l: &List, options: usize) -> Vec<Listed> {
    let len = |s: &str| s.split_whitespace().count();
    let mut out = Vec::new();
    for i in 1..l.items.len() {
        let (before, answer) = (&l.items[i - 1], &l.items[i]);
        if len(before) > MAX_ASKED_STEP || len(answer) > MAX_STEP {
            continue;
        }
        // The other steps, short ones only, not the one the stem shows.
        let wrong: Vec<String> = (0..l.items.len())
            .filter(|j| *j != i && *j != i - 1 && len(&l.items[*j]) <= MAX_STEP)
            .map(|j| l.items[j].clone())
            .collect();
        if wrong.len() < options - 1 {
            continue;
        }
        out.push(Listed {
            list: at,
            shape: Shape::Next,
            // Quoted in the stem without its full stop: "… this step: “The piston rises”?".
            asked: before.trim_end_matches('.').to_owned(),
            answer: answer.clone(),
            wrong,
            quoted: format!("{before} {answer}"),
        });
    }
    out
}

/// Whether a glossary line stands under a heading of the story's people, the whole heading one
/// of the language's (`cast_headings`: "Main characters", "Personnages", not "Special
/// characters"): section `n` is under the doc's heading `n - 1`.
pub(super) fn in_cast(doc: &Doc, section: usize, lang: Lang) -> bool {
    let heading = section.checked_sub(1).and_then(|i| doc.headings.get(i));
    let w = &lang.data().words;
    heading.is_some_and(|h| {
        let h = h.trim().trim_end_matches(':').trim().to_lowercase();
        // Or one before a complement ("Characters in Things Fall Apart").
        let complement = |rest: &str| {
            let next = rest.split_whitespace().next().unwrap_or("");
            (w.prepositions.iter())
                .chain(&w.place_prepositions)
                .chain(&w.reference_complements)
                .any(|p| p == next)
        };
        (w.cast_headings.iter()).any(|c| {
            h == *c
                || h.strip_prefix(c.as_str())
                    .and_then(|r| r.strip_prefix(' '))
                    .is_some_and(complement)
        })
    })
}

/// Whether a term is written as a name: capitalised words, save a short particle inside it
/// ("Lady Catherine de Bourgh").
pub(super) fn capitalised(term: &str) -> bool {
    let words: Vec<&str> = term.split_whitespace().collect();
    let particle = |w: &&str| w.chars().count() <= 3 && w.chars().all(char::is_lowercase);
    (words.first()).is_some_and(|w| w.starts_with(char::is_uppercase))
        && (words.iter()).all(|w| w.starts_with(char::is_uppercase) || particle(w))
}

/// Whether a glossary term is two people joined by "and" or "&" ("Portia and Calpurnia"):
/// two names, or under a heading of the story's people any two ("Mr Brown and the Reverend
/// James Smith").
pub(super) fn joined(term: &str, in_cast: bool, lang: Lang) -> bool {
    let words = &lang.data().words;
    let joins = (words.span_and.iter())
        .map(|a| format!(" {a} "))
        .chain([" & ".to_owned()]);
    joins.into_iter().any(|j| {
        let parts: Vec<&str> = term.split(j.as_str()).collect();
        parts.len() == 2 && (in_cast || parts.iter().all(|p| p.starts_with(char::is_uppercase)))
    })
}

/// Whether a glossary term is a person: a name WordNet or the given names know, a name after
/// a title ("Mr Collins", "Lady Catherine"), or one the text names as a person.
pub(super) fn is_person(term: &str, people: &[String], characters: &[String], lang: Lang) -> bool {
    let words: Vec<&str> = term.split_whitespace().collect();
    if !capitalised(term) {
        return false;
    }
    // A title before a name ("Lady Catherine"); a given name alone is no proof ("Julian
    // Calendar"): `lexicon::is_person` checks one with its surname.
    let w = &lang.data().words;
    let title = words[0].to_lowercase();
    let titled = w.male_titles.contains(&title) || w.female_titles.contains(&title);
    lexicon::is_person(&words, lang)
        || titled && words.len() >= 2
        || people.iter().any(|p| p == term)
        || characters.iter().any(|c| words.contains(&c.as_str()))
}

/// Whether a glossary line is a person's by what it says of them: a name of capitalised words
/// whose meaning names them by a noun whose commonest sense is a person ("Jay Gatsby: Nick's mysterious, very
/// rich neighbour, who …", "Nick Carraway: the narrator, …"), before any relative clause. For a
/// story's people whose given names are common nouns too (Jay, Daisy, Nick), which no name list
/// can vouch for. English (WordNet).
pub(super) fn described_as_person(term: &str, meaning: &str, lang: Lang) -> bool {
    let words: Vec<&str> = term.split_whitespace().collect();
    let named = words.len() >= 2 && words.iter().all(|w| w.starts_with(char::is_uppercase));
    if lang != Lang::En || !named {
        return false;
    }
    // The meaning's first phrase, up to a relative or a preposition ("a calendar introduced in
    // 46 BC, which a king reformed": "a calendar introduced"): what the line says the term is.
    const ENDS: [&str; 15] = [
        "who", "whom", "whose", "which", "that", "of", "from", "in", "at", "with", "by", "for",
        "to", "on", "where",
    ];
    let lower = meaning.to_lowercase();
    let words = lower.split(|c: char| !c.is_alphanumeric() && c != '\'');
    let head = words
        .filter(|w| !w.is_empty())
        .take_while(|w| !ENDS.contains(w));
    head.map(|w| super::lang::possessor(w).unwrap_or(w))
        .any(|w| lexicon::noun(w).is_some_and(|e| e.kinds.first() == Some(&"person")))
}

/// Whether a person's meaning gives them away by another of their family: "Daisy's husband"
/// for Tom Buchanan beside Daisy Buchanan (the stem names her by her given name).
pub(super) fn family_named(answer: &str, meaning: &str, people: &[String]) -> bool {
    let surname = |n: &str| n.split_whitespace().last().map(str::to_owned);
    let given = |n: &str| n.split_whitespace().next().map(str::to_owned);
    people.iter().filter(|p| *p != answer).any(|p| {
        surname(p) == surname(answer) && given(p).is_some_and(|g| super::lang::holds(meaning, &g))
    })
}

/// A meaning set inside a stem: "A pompous clergyman" → "a pompous clergyman", an opening
/// article lowered ("Elizabeth's sister" keeps its name's capital).
pub(super) fn lower_article(meaning: &str, lang: Lang) -> String {
    let first = meaning.split_whitespace().next().unwrap_or("");
    let article = lang
        .data()
        .words
        .articles
        .iter()
        .any(|a| *a == first.to_lowercase());
    match meaning.chars().next() {
        Some(c) if article => c
            .to_lowercase()
            .chain(meaning[c.len_utf8()..].chars())
            .collect(),
        _ => meaning.to_owned(),
    }
}

/// The wrong answers for a person asked "Who is …?": the others of `people`; of the answer's
/// sex, each known, when the stem `gendered` tells one ("a pompous clergyman", "her sister").
pub(super) fn who_wrong(
    answer: &str,
    people: &[String],
    gendered: bool,
    sex_of: impl Fn(&str) -> Option<Sex>,
) -> Vec<String> {
    let others = people.iter().filter(|p| !p.eq_ignore_ascii_case(answer));
    if !gendered {
        return others.cloned().collect();
    }
    let Some(sex) = sex_of(answer) else {
        return Vec::new();
    };
    others.filter(|p| sex_of(p) == Some(sex)).cloned().collect()
}

#[cfg(test)]
#[path = "list_tests.rs"]
mod tests;
