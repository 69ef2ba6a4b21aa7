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
        let ok = super::detect::term_ok(term, lang)
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
        (super::detect::term_ok(first, lang) && super::detect::term_ok(second, lang))
            .then_some((first.trim(), second.trim()))
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
        if counted || particular || person || !opens || !super::detect::term_ok(&term, lang) {
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
    if !super::detect::term_ok(term, lang) || tw.len() > 2 || !(4..=20).contains(&mw.len()) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offline::{detect, read};

    #[test]
    fn an_apposition_defines_a_common_noun() {
        let s = "He demanded scutage, a payment made by barons in place of military service, far more often than before.";
        assert_eq!(
            apposition(s, Lang::En),
            Some((
                "scutage".to_owned(),
                "a payment made by barons in place of military service".to_owned()
            ))
        );
        let s = "The novel is a frame narrative, a story told within a story.";
        assert_eq!(
            apposition(s, Lang::En).map(|(t, _)| t),
            Some("frame narrative".to_owned())
        );
    }

    #[test]
    fn names_lists_counts_and_short_appositions_define_nothing() {
        for s in [
            // A person's role, not a term.
            "It opens with letters from Robert Walton, an English explorer sailing towards the North Pole.",
            // Too short to say what it is.
            "Acids react with metals, a base and water.",
            "Veins have thinner walls, a wider lumen and valves that prevent backflow.",
            // A list of things, not a meaning.
            "The mixture holds sand, a few pebbles of quartz and clay, or gravel.",
            // An adjective before the noun: the term would be cut short.
            "Each beat starts at the sinoatrial node, a small group of specialised cells in the wall.",
            // A count.
            "A cell holds 46 chromosomes, a number fixed for the whole species of humans.",
            // A comma that closes an opening phrase.
            "In a day, a place on the coast passes through both of the bulges of water.",
            // One thing described, not a kind defined.
            "He met the king, a man of great learning and quick temper.",
            "Her father was a farmer, a man who worked the land near the river.",
            // Not English.
            "Il exigeait la taille, un impôt payé par les paysans au seigneur.",
        ] {
            let lang = if s.starts_with("Il") {
                Lang::Fr
            } else {
                Lang::En
            };
            assert_eq!(apposition(s, lang), None, "{s}");
        }
    }

    #[test]
    fn a_term_named_in_passing_is_found_in_lower_case_only() {
        let s = "The code is read in groups of three bases, called codons; each codon stands for one amino acid.";
        let (term, at) = named_in_passing(s, Lang::En).unwrap();
        assert_eq!(term, "codons");
        assert_eq!(&s[at..at + term.len()], "codons");
        let s =
            "Les navires traversaient une zone de calme, appelée pot au noir, près de l'équateur.";
        assert_eq!(
            named_in_passing(s, Lang::Fr).map(|(t, _)| t),
            Some("pot au noir")
        );
        let s =
            "Where one plate sinks beneath another, a process called subduction, the rock melts.";
        assert_eq!(
            named_in_passing(s, Lang::En).map(|(t, _)| t),
            Some("subduction")
        );
        for s in [
            "These instructions are stored in a molecule called deoxyribonucleic acid, or DNA.",
            "The crew sailed on a ship called the Beagle for five long years.",
            "Sundiata was born in a small village, called Niani by the old chroniclers.",
            "They lived in a small village, called Kirina.",
            "The cells form shapes, called hexagons and pentagons.",
        ] {
            assert_eq!(named_in_passing(s, Lang::En), None, "{s}");
        }
    }

    #[test]
    fn an_article_before_a_term_of_common_words_is_left_out() {
        let s = "The pyruvate is broken down in a cycle of reactions called the Krebs cycle, in the matrix.";
        assert_eq!(
            named_in_passing(s, Lang::En).map(|(t, _)| t),
            Some("Krebs cycle")
        );
        let s = "Electrons pass along a chain of proteins, known as the electron transport chain, to oxygen.";
        assert_eq!(
            named_in_passing(s, Lang::En).map(|(t, _)| t),
            Some("electron transport chain")
        );
        let s = "Le pyruvate est dégradé dans une suite de réactions, appelée le cycle de Krebs, dans la matrice.";
        assert_eq!(
            named_in_passing(s, Lang::Fr).map(|(t, _)| t),
            Some("cycle de Krebs")
        );
        // One thing's name, all in capitals.
        for s in [
            "The crew sailed round the world on a ship called the Beagle.",
            "The crew sailed round the world on a ship, called the Golden Hind, in 1577.",
        ] {
            assert_eq!(named_in_passing(s, Lang::En), None, "{s}");
        }
    }
    #[test]
    fn a_term_with_a_second_name_is_defined_by_its_first() {
        assert_eq!(
            detect::defined_in(
                "Breathing, or ventilation, is the movement of air into and out of the lungs.",
                Lang::En
            )
            .map(|(t, _)| t),
            Some("Breathing".into())
        );
        assert_eq!(
            second_name("respiration, ou ventilation,", Lang::Fr),
            Some(("respiration", "ventilation"))
        );
        assert_eq!(
            second_name("Atmung, oder Ventilation", Lang::De),
            Some(("Atmung", "Ventilation"))
        );
        assert_eq!(
            second_name("respiración, o ventilación", Lang::Es),
            Some(("respiración", "ventilación"))
        );
        // A list is no second name.
        assert_eq!(
            second_name("Sand, clay, or gravel of any size", Lang::En),
            None
        );
    }

    #[test]
    fn a_named_thing_that_points_back_is_named_after_the_sentence_before() {
        for s in [
            "This extra oxygen is called the oxygen debt.",
            "A device that does this is called a heat pump.",
        ] {
            assert_eq!(detect::defined_in(s, Lang::En), None, "{s}");
            assert!(detect::named_after(s, Lang::En).is_some(), "{s}");
        }
        let doc = read::read(
            "After a race, a runner keeps breathing deeply to take in more oxygen. This extra oxygen is called the oxygen debt.\n",
            Lang::En,
        );
        let d = &detect::definitions(&doc, Lang::En)[0];
        assert_eq!(d.term, "oxygen debt");
        assert!(d.meaning.starts_with("After a race"));
    }

    #[test]
    fn a_term_named_in_a_leaning_sentence_is_asked_after_the_one_before() {
        let doc = read::read(
            "Each leaf holds many small green bodies inside the cells. They trap light in a pigment called chlorophyll, which gives the leaf its colour.\n",
            Lang::En,
        );
        let d = &detect::definitions(&doc, Lang::En)[0];
        assert_eq!(d.term, "chlorophyll");
        assert!(d.meaning.starts_with("Each leaf"), "{d:?}");
        // A sentence that leans on nothing gets no context.
        let doc = read::read(
            "Green plants trap light in a pigment called chlorophyll, which gives leaves their colour.\n",
            Lang::En,
        );
        assert_eq!(detect::definitions(&doc, Lang::En)[0].meaning, "");
    }

    #[test]
    fn the_head_noun_of_what_a_term_is_said_to_be_gives_its_sort() {
        assert_eq!(said_kind("a process", Lang::En), Some("act"));
        assert_eq!(said_kind("a molecule", Lang::En), Some("substance"));
        assert_eq!(
            said_kind("the rigid outer layer of the Earth", Lang::En),
            Some("artifact")
        );
        assert_eq!(
            said_kind(
                "an instrument that measures the speed of the wind",
                Lang::En
            ),
            Some("artifact")
        );
        // Past a word that names no sort, the noun after "of".
        assert_eq!(
            said_kind("a different type of anaerobic respiration", Lang::En),
            said_kind("respiration", Lang::En)
        );
        assert_eq!(said_kind("un processus", Lang::Fr), None);
        assert_eq!(
            phrase_before("the inner one is folded into ridges", Lang::En),
            "ridges"
        );
        assert_eq!(
            phrase_before(
                "the pyruvate is broken down in a cycle of reactions",
                Lang::En
            ),
            "cycle of reactions"
        );
        assert_eq!(
            phrase_before(
                "electrons are passed along a chain of carrier proteins,",
                Lang::En
            ),
            "chain of carrier proteins"
        );
    }

    #[test]
    fn a_name_given_in_a_sentence_takes_the_sort_of_the_phrase_before_it() {
        let kinds = |t: &str| {
            let doc = read::read(t, Lang::En);
            detect::definitions(&doc, Lang::En)
                .iter()
                .map(|d| (d.term.clone(), kind_of(d, Lang::En)))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            kinds(
                "Cells release the energy of food step by step in a process called respiration.\n"
            ),
            [("respiration".to_owned(), Some("act"))]
        );
        assert_eq!(
            kinds(
                "Plants lose water through tiny pores. This loss of water is called transpiration.\n"
            ),
            [("transpiration".to_owned(), said_kind("loss", Lang::En))]
        );
        assert_eq!(
            kinds("Magma: molten rock beneath the surface of the Earth.\n"),
            [("Magma".to_owned(), said_kind("rock", Lang::En))]
        );
    }

    #[test]
    fn a_class_restated_after_a_comma_is_no_meaning() {
        assert!(class_restated(
            "a polymer, a long molecule made of many repeating units",
            Lang::En
        ));
        assert!(class_restated("un polymère, une longue molécule", Lang::Fr));
        assert!(!class_restated(
            "the process by which plants make sugar, using light",
            Lang::En
        ));
        assert_eq!(
            detect::defined_in(
                "DNA is a polymer, a long molecule made of many repeating units.",
                Lang::En
            ),
            None
        );
    }

    #[test]
    fn a_term_named_in_passing_is_said_to_be_the_phrase_before() {
        let doc = read::read(
            "The gene is copied into a single-stranded molecule called messenger RNA, in the nucleus.\n",
            Lang::En,
        );
        let d = &detect::definitions(&doc, Lang::En)[0];
        assert_eq!(named_as(d, Lang::En), Some("single-stranded molecule"));
        assert_eq!(
            said_head("a long molecule made of many repeating units", Lang::En).as_deref(),
            Some("molecule")
        );
    }

    #[test]
    fn a_meaning_ends_where_another_clause_starts() {
        assert_eq!(
            own_clause(
                "a resistor whose resistance falls as it warms, and a diode lets current pass one way",
                Lang::En
            ),
            "a resistor whose resistance falls as it warms"
        );
        assert_eq!(
            own_clause("une roche fondue, et la lave sort du volcan", Lang::Fr),
            "une roche fondue"
        );
        assert_eq!(
            own_clause("eine Zelle ohne Kern, und die Hefe ist ein Pilz", Lang::De),
            "eine Zelle ohne Kern"
        );
        assert_eq!(
            own_clause("the rock under the crust, hot and soft", Lang::En),
            "the rock under the crust, hot and soft"
        );
    }
    #[test]
    fn a_term_before_a_colon_is_defined_by_what_follows() {
        for (s, lang, term, meaning) in [
            (
                "Most of these substances are polymers: molecules built from many small repeating units.",
                Lang::En,
                "polymers",
                "molecules built from many small repeating units",
            ),
            (
                "The tiny grains in the soil are silt: a fine sediment carried by rivers.",
                Lang::En,
                "silt",
                "a fine sediment carried by rivers",
            ),
            (
                "La plupart de ces corps sont des alliages : des mélanges de plusieurs métaux fondus.",
                Lang::Fr,
                "alliages",
                "des mélanges de plusieurs métaux fondus",
            ),
            (
                "Casi todas estas sustancias son polímeros: unas moléculas largas hechas de unidades pequeñas.",
                Lang::Es,
                "polímeros",
                "unas moléculas largas hechas de unidades pequeñas",
            ),
            (
                "Die meisten dieser Stoffe sind Legierungen: Gemische aus mehreren Metallen.",
                Lang::De,
                "Legierungen",
                "Gemische aus mehreren Metallen",
            ),
        ] {
            assert_eq!(
                colon_meaning(s, lang),
                Some((term.to_owned(), meaning.to_owned())),
                "{s}"
            );
        }
        for s in [
            // An adjective, then a clause: no term.
            "The reason for this is clear: the water evaporates quickly in the heat.",
            // A list of examples.
            "The main gases in the air are these: nitrogen, oxygen, argon and carbon dioxide.",
            // A number of things, not a kind.
            "The products are two: a gas and a solid that settles at the bottom.",
            // A singular term with a plural meaning.
            "The answer is salt: crystals of sodium chloride left behind by the sea.",
        ] {
            assert_eq!(colon_meaning(s, Lang::En), None, "{s}");
        }
        // Read with the text's other definitions.
        let doc = read::read(
            "Crude oil holds many compounds. Most of them are hydrocarbons: compounds made of hydrogen and carbon atoms only.\n",
            Lang::En,
        );
        let d = &detect::definitions(&doc, Lang::En)[0];
        assert_eq!(d.term, "hydrocarbons");
        assert_eq!(
            d.meaning,
            "compounds made of hydrogen and carbon atoms only"
        );
    }
}
