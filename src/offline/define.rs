//! Terms defined inside running prose, beyond "X is a …" and "… is called X" sentences (those
//! are in `detect`):
//!
//! - an apposition that says what a common noun is: "He demanded scutage, a payment made by
//!   barons in place of military service, …" → scutage: "a payment made by barons …" (English,
//!   where WordNet tells a noun);
//! - a name given in passing: "The code is read in groups of three bases, called codons; …" →
//!   asked as the sentence with the term as its gap ("…, called _____.").
//!
//! Both are read only in their plainest form; anything else is left alone (precision first).

use super::filters::points_back;
use super::lang::Lang;
use super::lexicon;

/// "…, called codons; …": the term named in passing after a comma, and its byte offset.
pub(super) fn named_in_passing(sentence: &str, lang: Lang) -> Option<(&str, usize)> {
    let lower = sentence.to_lowercase();
    if !super::lang::same_offsets(sentence) {
        return None;
    }
    // After a comma; in English also right after a noun WordNet knows ("a process called
    // subduction", not "a ship called the Beagle", which is a name).
    let after_noun = |at: usize| {
        lang == Lang::En
            && sentence[..at]
                .split_whitespace()
                .last()
                .is_some_and(|w| w.chars().all(char::is_lowercase) && lexicon::noun(w).is_some())
    };
    let patterns = lang
        .data()
        .words
        .called_inline
        .iter()
        .flat_map(|c| [(format!(", {c} "), false), (format!(" {c} "), true)]);
    for (pat, bare) in patterns {
        let Some(at) = lower.find(&pat) else { continue };
        if bare && !after_noun(at) {
            continue;
        }
        let mut start = at + pat.len();
        // "a cycle of reactions called the Krebs cycle": an article before a term of two or
        // more words with a common word among them is kept out of the term; "a ship called the
        // Beagle" names one thing.
        let article = lang
            .data()
            .words
            .articles
            .iter()
            .find(|a| !a.ends_with('\'') && lower[start..].starts_with(&format!("{a} ")));
        if let Some(a) = article {
            start += a.len() + 1;
        }
        let rest = &sentence[start..];
        // The term runs to the next mark; a word after it would make it a longer phrase.
        let end = rest
            .find([',', ';', '.', ':', '(', ')'])
            .unwrap_or(rest.len());
        let term = rest[..end].trim_end();
        // "…called deoxyribonucleic acid, or DNA": a term with a second name has two answers.
        let tail = &rest[end..];
        if tail.starts_with(", or ") || tail.starts_with(" (") || tail.starts_with('(') {
            continue;
        }
        // Not a name ("a village called Kirina"): a term is written in lower case.
        let common = |w: &&str| w.chars().all(char::is_lowercase) && !lang.is_stop(w);
        let named = match article {
            None => term.starts_with(char::is_lowercase),
            Some(_) => {
                term.split_whitespace().count() >= 2 && term.split_whitespace().any(|w| common(&w))
            }
        };
        let ok = term_ok(term, lang)
            && named
            && !term.contains(['\'', '-'])
            // "…, called hexagons and pentagons": a list names several.
            && !term.split_whitespace().any(|w| lang.data().words.examples.iter().any(|e| e == w))
            // Before the comma, enough to say what is named.
            && sentence[..at].split_whitespace().count() >= 4;
        if ok {
            return Some((term, start));
        }
    }
    None
}

/// "Breathing, or ventilation" → ("Breathing", "ventilation"): a term and its second name,
/// each a term of its own, joined by the language's "or" between commas.
pub(super) fn second_name(s: &str, lang: Lang) -> Option<(&str, &str)> {
    let s = s.trim().trim_end_matches(',');
    lang.data().words.or_names.iter().find_map(|or| {
        let (first, second) = s.split_once(&format!(", {or} "))?;
        (term_ok(first, lang) && term_ok(second, lang)).then_some((first.trim(), second.trim()))
    })
}

/// The sort of thing a phrase says a term is, by its head noun's first WordNet kind: "a
/// process" → act, "a cycle of reactions" → time, "ridges" → object, "an instrument that
/// measures …" → artifact; past a word that names no sort ("a different type of anaerobic
/// respiration", `generic_heads`), the noun after "of". English only: the kinds are WordNet's.
pub(super) fn said_kind(phrase: &str, lang: Lang) -> Option<&'static str> {
    let head = said_head(phrase, lang)?;
    lexicon::noun(&head).and_then(|e| e.kinds.first().copied())
}

/// The head noun of what a phrase says a thing is ("a long molecule made of …" → "molecule"),
/// in lower case. English only.
pub(super) fn said_head(phrase: &str, lang: Lang) -> Option<String> {
    if lang != Lang::En {
        return None;
    }
    let generic = &lang.data().words.generic_heads;
    let words: Vec<String> = phrase
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let noun = |w: &str| lexicon::noun(w).filter(|_| !lang.is_stop(w));
    // The head: the last noun before "of" or a small word ("that", "which", "made").
    let head_of = |ws: &[String]| -> Option<String> {
        let chunk: Vec<&String> = ws.iter().take_while(|w| !lang.is_stop(w)).collect();
        chunk
            .iter()
            .rev()
            .find(|w| noun(w).is_some())
            .map(|w| (*w).clone())
    };
    // Past its opening small words ("the process …", "this extra oxygen").
    let mut at = words.iter().position(|w| !lang.is_stop(w))?;
    let mut head = head_of(&words[at..])?;
    while generic.contains(&head) {
        let of = words[at..].iter().position(|w| w == "of")? + at;
        at = of + 1;
        head = head_of(&words[at..])?;
    }
    Some(head)
}

/// The sort of thing a definition says its term is: for a name given in a sentence ("…in a
/// process called _____", "This extra oxygen is called _____"), the phrase before the naming
/// words; otherwise the meaning ("the process by which …").
pub(super) fn kind_of(d: &super::detect::Definition, lang: Lang) -> Option<&'static str> {
    match &d.cloze {
        None => said_kind(&d.meaning, lang),
        Some(_) => said_kind(named_as(d, lang)?, lang),
    }
}

/// Whether `wrong` is a term the text names only as one of a class (`named_as`) whose head is
/// `head` ("a single-stranded molecule called messenger RNA" for "molecule").
pub(super) fn only_of_class(
    defs: &[super::detect::Definition],
    wrong: &str,
    head: &str,
    lang: Lang,
) -> bool {
    defs.iter()
        .filter(|o| o.term.eq_ignore_ascii_case(wrong))
        .filter_map(|o| named_as(o, lang))
        .any(|p| said_head(p, lang).as_deref() == Some(head))
}

/// For a term named in a sentence ("…into a single-stranded molecule called messenger RNA"),
/// the phrase before the naming words ("single-stranded molecule"): all the text says it is.
pub(super) fn named_as(d: &super::detect::Definition, lang: Lang) -> Option<&str> {
    let w = &lang.data().words;
    let (before, _) = d.cloze.as_ref()?;
    let mut b = before.trim_end();
    for a in &w.articles {
        if let Some(x) = b.strip_suffix(a.as_str()).filter(|x| x.ends_with(' ')) {
            b = x.trim_end();
        }
    }
    let lower = b.to_lowercase();
    let naming = w.called.iter().chain(&w.called_inline);
    let cut = naming
        .filter(|c| lower.ends_with(&format!(" {c}")))
        .map(String::len)
        .max()?;
    Some(phrase_before(&b[..b.len() - cut], lang))
}

/// The phrase before a name given in passing ("…folded into ridges" → "ridges", "…broken down
/// in a cycle of reactions" → "cycle of reactions"): its last words back to a small word,
/// passing over "of".
pub(super) fn phrase_before(before: &str, lang: Lang) -> &str {
    let before = before.trim_end().trim_end_matches(',');
    let mut start = before.len();
    let words = before.split_whitespace().map(|w| {
        // Its byte offset: the words are slices of `before`.
        (w.as_ptr() as usize - before.as_ptr() as usize, w)
    });
    for (at, w) in words.collect::<Vec<_>>().into_iter().rev() {
        let lw = w.to_lowercase();
        if (lang.is_stop(&lw) && lw != "of") || (w.ends_with(',') && at + w.len() < before.len()) {
            break;
        }
        start = at;
    }
    &before[start..]
}

/// "a polymer, a long molecule made of …": a class and, after a comma, what the class is;
/// said of a term ("DNA is a polymer, …") it names what the term is one of, not what it
/// means, and a term of the same class would be right too.
pub(super) fn class_restated(meaning: &str, lang: Lang) -> bool {
    let w = &lang.data().words;
    meaning.split_once(", ").is_some_and(|(class, rest)| {
        let rest = rest.to_lowercase();
        class.split_whitespace().count() <= 3
            && w.articles
                .iter()
                .any(|a| rest.starts_with(&format!("{a} ")))
    })
}

/// A meaning up to where another clause starts: "a resistor whose resistance falls as its
/// temperature rises, and a light-dependent resistor has …" → "a resistor whose resistance
/// falls as its temperature rises" (a comma, a linking word of `clause_links`, an article).
pub(super) fn own_clause(meaning: &str, lang: Lang) -> &str {
    let w = &lang.data().words;
    let lower = meaning.to_lowercase();
    // "and" may join a list's items, so only before an article; "while", "but" always open
    // a clause ("the official seat of Parliament, while neighbouring Colombo …").
    let cut = w
        .clause_links
        .iter()
        .flat_map(|l| {
            let listing = w.list_joins.contains(l);
            let after: Vec<String> = if listing {
                w.articles.iter().map(|a| format!(" {a} ")).collect()
            } else {
                vec![" ".to_owned()]
            };
            after.into_iter().map(move |a| format!(", {l}{a}"))
        })
        .filter_map(|p| lower.find(&p))
        .min();
    match cut {
        Some(at) if meaning.is_char_boundary(at) => &meaning[..at],
        _ => meaning,
    }
}

/// "…; the inner one is folded into ridges called cristae": a sentence that leans on the one
/// before is asked after it (in the same paragraph, itself leaning on nothing); the sentence
/// before, or nothing (with nothing to lean on, the filters strike it).
pub(super) fn leaned_on(doc: &super::read::Doc, i: usize, lang: Lang) -> String {
    let s = &doc.sentences[i];
    let prev = i.checked_sub(1).map(|p| &doc.sentences[p]);
    prev.filter(|p| p.paragraph == s.paragraph)
        .filter(|p| !points_back(&p.text, lang))
        .filter(|_| points_back(&s.text, lang))
        .map_or(String::new(), |p| p.text.clone())
}

/// Words that open a phrase a comma closes ("In a day, …", "When it rains, …").
const OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "within",
    "over",
    "for",
    "by",
    "from",
    "with",
    "without",
    "under",
    "as",
    "when",
    "while",
    "once",
    "since",
    "although",
    "though",
    "because",
    "if",
    "unlike",
    "like",
    "until",
    "throughout",
    "despite",
    "besides",
];

/// "…scutage, a payment made by barons in place of military service, …" → ("scutage", "a
/// payment made by barons in place of military service"). English only: the term's words and
/// the meaning's head must be nouns WordNet knows (the term's last word may be one it does not,
/// "scutage"), so an adjective or verb is never taken for the term.
pub(super) fn apposition(sentence: &str, lang: Lang) -> Option<(String, String)> {
    if lang != Lang::En {
        return None;
    }
    let w = &lang.data().words;
    for (comma, _) in sentence.match_indices(", ") {
        let after = &sentence[comma + 2..];
        let mut words = after.split_whitespace();
        let Some(article) = words.next() else {
            continue;
        };
        if !matches!(article, "a" | "an") {
            continue;
        }
        // The meaning: up to the next comma, semicolon or the end; not a list's next item.
        let end = after.find([',', ';', '(', ':']).unwrap_or(after.len());
        let meaning = after[..end].trim().trim_end_matches(['.', '!']).trim();
        let next = after[end..].trim_start_matches([',', ';']).trim_start();
        let mw: Vec<&str> = meaning.split_whitespace().collect();
        // "thinner walls, a wider lumen and valves …": a list's items, not a meaning.
        let listed = ["and ", "or ", "a ", "an "]
            .iter()
            .any(|p| next.starts_with(p))
            || mw.iter().any(|x| ["and", "or"].contains(x));
        if mw.len() < 5 || mw.len() > 20 || listed || meaning.contains(char::is_numeric) {
            continue;
        }
        // The meaning names a kind: its noun comes within the first three words after the
        // article ("a story told …", "a long narrow boat …").
        let head_noun = mw[1..4.min(mw.len())]
            .iter()
            .any(|x| x.chars().all(char::is_lowercase) && lexicon::noun(x).is_some());
        if !head_noun {
            continue;
        }
        // The term: the word right before the comma, and the nouns before it (up to three).
        let before: Vec<&str> = sentence[..comma].split_whitespace().collect();
        // "In a day, a place on the coast passes …": a comma after an opening phrase ends it.
        let opening = before
            .first()
            .is_some_and(|f| OPENERS.contains(&f.to_lowercase().as_str()));
        if opening {
            continue;
        }
        let Some((last, earlier)) = before.split_last() else {
            continue;
        };
        let plain = |x: &str| x.chars().all(|c| c.is_lowercase() || c == '-') && x.len() > 2;
        if !plain(last) || lang.is_stop(last) {
            continue;
        }
        let mut term = vec![*last];
        for x in earlier.iter().rev() {
            if term.len() == 3
                || !plain(x)
                || lang.is_stop(x)
                || lexicon::noun(x).is_none()
                || w.references.iter().any(|r| r == x)
            {
                break;
            }
            term.insert(0, x);
        }
        // What comes right before the term: an article, a verb or a preposition, never a
        // number ("46 chromosomes, a set …" counts, it does not name).
        let prior = earlier.len().checked_sub(term.len());
        let prior = prior.and_then(|i| earlier.get(i)).map(|p| p.to_lowercase());
        let counted = prior
            .as_ref()
            .is_some_and(|p| p.chars().any(char::is_numeric) || w.numbers.contains_key(p));
        // "the king, a man of learning" describes one king; "demanded scutage, a payment …"
        // and "a frame narrative, a story …" say what a kind of thing is.
        let particular = prior.as_ref().is_some_and(|p| {
            [
                "the", "this", "that", "his", "her", "its", "their", "our", "my", "your",
            ]
            .contains(&p.as_str())
        });
        let person = lexicon::noun(last).is_some_and(|e| e.kinds.first() == Some(&"person"));
        // The term starts after a small word ("is a frame narrative") or a verb in the past
        // ("demanded scutage"); after anything else ("sinoatrial node") it may be cut short.
        let opens = prior
            .as_ref()
            .is_none_or(|p| lang.is_stop(p) || (p.ends_with("ed") && lexicon::noun(p).is_none()));
        let term = term.join(" ");
        if counted || particular || person || !opens || !term_ok(&term, lang) {
            continue;
        }
        return Some((term, meaning.to_owned()));
    }
    None
}

/// "Most of them are hydrocarbons: compounds made of hydrogen and carbon atoms only." →
/// ("hydrocarbons", "compounds made of hydrogen and carbon atoms only"): a term after "is" or
/// "are" and, after a colon, what kind of thing it is. The meaning opens with an indefinite
/// article (`kind_openers`), or in English with a noun WordNet knows of the term's number
/// ("hydrocarbons: compounds"), in German with a noun; the term is a noun (in English one
/// WordNet knows; in German capitalised). "The reason is clear: the water …" names no term.
pub(super) fn colon_meaning(sentence: &str, lang: Lang) -> Option<(String, String)> {
    let w = &lang.data().words;
    let body = sentence.trim().trim_end_matches(['.', '!']);
    let (before, meaning) = body.split_once(": ")?;
    let meaning = meaning.trim();
    if meaning.contains([':', ';', '(', ')']) || meaning.contains(char::is_numeric) {
        return None;
    }
    // After the last "is" or "are" (the first of them would take in a clause).
    let lower = before.to_lowercase();
    let at =
        w.is.iter()
            .filter_map(|v| lower.rfind(&format!(" {v} ")).map(|at| at + v.len() + 2))
            .max()?;
    // An offset of the lower case is the text's only where lowering kept every length.
    let term = before
        .get(at..)
        .filter(|_| super::lang::same_offsets(before))?
        .trim();
    let term = w
        .articles
        .iter()
        .find_map(|a| term.strip_prefix(&format!("{a} ")))
        .unwrap_or(term);
    let tw: Vec<&str> = term.split_whitespace().collect();
    let mw: Vec<&str> = meaning.split_whitespace().collect();
    if !term_ok(term, lang) || tw.len() > 2 || !(4..=20).contains(&mw.len()) {
        return None;
    }
    // "sand, clay and gravel": a list, not what a kind is.
    let joins = &w.list_joins;
    if meaning.contains(", ") && mw.iter().any(|x| joins.iter().any(|j| j == x)) {
        return None;
    }
    let first = mw[0];
    let opener = w.kind_openers.iter().any(|o| o == first);
    let term_noun = match lang {
        Lang::En => tw
            .iter()
            .all(|x| x.chars().all(char::is_lowercase) && lexicon::noun(x).is_some()),
        Lang::De => tw.last().is_some_and(|x| x.starts_with(char::is_uppercase)),
        _ => tw.iter().all(|x| x.chars().all(char::is_lowercase)),
    };
    let plural = super::wrong_terms::plural;
    let bare = match lang {
        // "hydrocarbons: compounds made of …": a noun of the term's number.
        Lang::En => {
            lexicon::noun(first).is_some()
                && first.chars().all(char::is_lowercase)
                && !lang.is_stop(first)
                && plural(first, lang).is_some()
                && plural(first, lang) == plural(term, lang)
        }
        Lang::De => first.starts_with(char::is_uppercase) && !lang.is_stop(&first.to_lowercase()),
        _ => false,
    };
    (term_noun && (opener || bare)).then(|| (term.to_owned(), meaning.to_owned()))
}

/// A term: one to three words, no stop word or pointer at its head, no digits or commas.
pub(super) fn term_ok(term: &str, lang: Lang) -> bool {
    let words: Vec<&str> = term.split_whitespace().collect();
    let w = &lang.data().words;
    !words.is_empty()
        && words.len() <= 3
        && term
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'')
        && !lang.is_stop(&words[0].to_lowercase())
        && !w.references.iter().any(|r| r == &words[0].to_lowercase())
        // "One astronomical unit is …": a quantity, not the term.
        && !w.numbers.contains_key(&words[0].to_lowercase())
}

/// Whether the words before "is" in "X is a …" are a term: not a phrase of place ("Inside
/// every seed is an embryo"), nor a name ("Sri Jayawardenepura Kotte is the seat of …": a
/// capital after the first word; German capitalises every noun), and in English ending on a
/// noun WordNet knows ("The longest is the Mahaweli").
pub(super) fn prose_term(term: &str, lang: Lang) -> bool {
    let words: Vec<&str> = term.split_whitespace().collect();
    let w = &lang.data().words;
    let Some((first, last)) = words.first().zip(words.last()) else {
        return false;
    };
    let lower = first.to_lowercase();
    let place = (w.place_prepositions.iter().chain(&w.prepositions)).any(|p| *p == lower);
    // A capital after a complement's word names the term's eponym ("el ciclo de Krebs", "la
    // loi de Coulomb"), and French and Spanish put it after the noun ("el efecto Doppler").
    let complement = |i: usize| w.noun_complements.contains(&words[i - 1].to_lowercase());
    let named = lang == Lang::En
        && (1..words.len()).any(|i| words[i].starts_with(char::is_uppercase) && !complement(i));
    // English plurals WordNet does not list ("mitochondria", "nuclei", "larvae").
    let lower = last.to_lowercase();
    let latin = ["a", "i", "ae"].iter().any(|e| lower.ends_with(e));
    let noun = lang != Lang::En || latin || lexicon::noun(&lower).is_some();
    // "Today the country is …": an article inside opens a phrase, no term.
    let phrase = words[1..].iter().any(|x| {
        w.articles.contains(&x.to_lowercase()) && !w.noun_complements.contains(&x.to_lowercase())
    });
    !place && !named && noun && !phrase
}

#[cfg(test)]
#[path = "define_tests.rs"]
mod tests;
