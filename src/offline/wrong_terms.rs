//! Wrong terms: the text's other defined terms of the answer's sort (what WordNet or the text
//! says it is) and grammatical number, none the asked meaning names or defines in nearly the
//! same words, and no question whose key is the odd one out.

use rand::Rng;
use rand::seq::SliceRandom;

use super::distract::Level;
use super::lang::Lang;
use super::lexicon;

/// Where a glossary line stands among the paragraphs (apart from the prose, so that for one
/// of them the nearest terms are the glossary's own).
pub(super) const GLOSSARY: usize = usize::MAX / 2;

/// Wrong terms: the text's other terms (each with where it is: a paragraph's number), the
/// nearest first on hard and the furthest on easy, none that shares a stem with the answer or
/// appears in the definition asked.
#[allow(clippy::too_many_arguments)]
pub(super) fn terms<R: Rng>(
    answer: &str,
    meaning: &str,
    defined: &[(String, usize)],
    lowered: &[String],
    section: usize,
    said: &Said,
    any_term: bool,
    lang: Lang,
    level: Level,
    want: usize,
    rng: &mut R,
) -> Vec<String> {
    let stems = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| lang.stem(w))
            .collect()
    };
    let key = stems(answer);
    let meaning_stems = stems(meaning);
    // Not one whose words are all the answer's or the answer's all its ("capillary" and
    // "capillaries", "blood" and "blood cell"), nor one the definition spells out; "cell wall"
    // beside "cell membrane" is a fair wrong answer.
    let within = |a: &[String], b: &[String]| a.iter().all(|w| b.contains(w));
    let mut out: Vec<(String, usize)> = defined
        .iter()
        .filter(|(t, _)| {
            let s = stems(t);
            !s.is_empty() && !within(&s, &key) && !within(&key, &s) && !within(&s, &meaning_stems)
        })
        .cloned()
        .collect();
    out.shuffle(rng);
    // Hard: the terms nearest the answer in the text (the same lesson's, most confusable);
    // easy: the furthest; medium: those of the answer's own block first (a list's other
    // stages for a stage, round 26: "Envelope", a structure, among "Entry" and "Release").
    let distance = |p: usize| p.abs_diff(section);
    match level {
        Level::Hard => out.sort_by_key(|(_, p)| distance(*p)),
        Level::Easy => out.sort_by_key(|(_, p)| std::cmp::Reverse(distance(*p))),
        Level::Medium => out.sort_by_key(|(_, p)| distance(*p) != 0),
    }
    // A name beside common words, or a capital beside lower case, would tell the answer: the
    // wrong terms are of the answer's sort and take its case.
    // A glossary capitalises its terms; a term the text also writes in lower case is no name.
    let is_name = |t: &str, lang: Lang| is_name(t, lang) && !lowered.contains(&t.to_lowercase());
    let name = is_name(answer, lang);
    // A text's defined terms are one lesson's vocabulary: asked "Which term means …?"
    // (`any_term`), the others are fair wrong answers when too few are of the answer's sort;
    // they come after those of its sort ("Weathering" before "Lava" for "Erosion"). In a gap,
    // every wrong term must be of the answer's sort.
    // A plural among singulars (or the reverse) would tell the answer.
    let number = plural(answer, lang);
    let mut out: Vec<(String, usize)> = out
        .into_iter()
        .filter(|(t, _)| {
            is_name(t, lang) == name
                && number.is_none_or(|n| plural(t, lang).is_none_or(|m| m == n))
                && (any_term || same_sort(t, answer, said, lang))
        })
        .collect();
    out.sort_by_key(|(t, _)| !same_sort(t, answer, said, lang));
    let mut out: Vec<String> = out
        .into_iter()
        .map(|(t, _)| t)
        .map(|t| {
            if name || lang == Lang::De {
                t
            } else {
                same_case(&t, answer)
            }
        })
        .collect();
    // No two that are one term ("Electric circuit", "Electric Circuits"), nor one within
    // another ("Respiration", "Cellular respiration"): options that overlap.
    let mut seen: Vec<Vec<String>> = Vec::new();
    out.retain(|t| {
        let s = stems(t);
        let fresh = !seen.iter().any(|o| within(&s, o) || within(o, &s));
        if fresh {
            seen.push(s);
        }
        fresh
    });
    out.truncate(want);
    out
}

/// Whether a term is plural, where its head word tells: in English by WordNet (a plural form
/// of a noun it knows, "conductors"; a Latin or Greek one, "cristae", "nuclei"), in French and Spanish by the
/// first word's ending ("plaques", "placas"; not "-us", "-is", which are often singular).
/// German: not told.
pub(super) fn plural(term: &str, lang: Lang) -> Option<bool> {
    let words: Vec<String> = term.split_whitespace().map(str::to_lowercase).collect();
    match lang {
        Lang::En => {
            let h = words.last()?;
            if ["ss", "us", "is", "ics"].iter().any(|e| h.ends_with(e)) {
                return lexicon::entry(h).map(|_| false);
            }
            let singular = [
                h.strip_suffix("ies").map(|s| format!("{s}y")),
                h.strip_suffix("es").map(str::to_owned),
                h.strip_suffix('s').map(str::to_owned),
            ];
            if singular
                .iter()
                .flatten()
                .any(|s| lexicon::entry(s).is_some())
            {
                Some(true)
            } else if lexicon::entry(h).is_some() {
                Some(false)
            } else if (h.ends_with("ae") && h.len() > 4)
                || [("i", "us"), ("a", "um"), ("a", "on")]
                    .iter()
                    .any(|(p, s)| {
                        h.strip_suffix(p)
                            .is_some_and(|b| lexicon::entry(&format!("{b}{s}")).is_some())
                    })
            {
                // Latin and Greek plurals: "cristae", "nuclei", "bacteria", "phenomena".
                Some(true)
            } else {
                None
            }
        }
        Lang::Fr | Lang::Es => {
            let h = words.first()?;
            if h.ends_with("us") || h.ends_with("is") {
                None
            } else {
                Some(h.ends_with('s') || (lang == Lang::Fr && h.ends_with('x')))
            }
        }
        Lang::De => None,
    }
}

/// Whether the answer is the odd one out of its options: the wrong terms all of one sort the
/// answer is not of ("Magma" among three processes), or the meaning asked names a sort ("an
/// instrument that measures …") that the answer's head is first of and no wrong term's is of
/// ("Barometer" among "Monsoon", "Humidity", "Isobar"). English, where WordNet or an ending
/// tells the sorts.
pub(super) fn odd_one_out(answer: &str, meaning: &str, wrong: &[String], lang: Lang) -> bool {
    if lang != Lang::En || wrong.is_empty() {
        return false;
    }
    let Some(mine) = sorts(answer) else {
        return false;
    };
    // The meaning's head: its first noun within three words ("the rigid outer layer").
    let named = meaning
        .split_whitespace()
        .map(str::to_lowercase)
        .skip_while(|w| ["a", "an", "the"].contains(&w.as_str()))
        .take(3)
        .find_map(|w| sorts(&w))
        .map(|k| k[0]);
    // No wrong term of the sort named in its two main senses ("condensation" is a happening
    // by its second, a "front" no instrument by its first two).
    // One wrong term WordNet does not know ("DNA") may stand among them.
    let unknown = wrong.iter().filter(|w| sorts(w).is_none()).count();
    if let Some(k) = named
        && mine[0] == k
        && unknown <= 1
        && wrong.len() > unknown
        && wrong
            .iter()
            .all(|w| sorts(w).is_none_or(|j| !j.iter().take(2).any(|x| *x == k)))
    {
        return true;
    }
    let mut shared: Option<Vec<&str>> = None;
    for w in wrong {
        let Some(theirs) = sorts(w) else {
            return false;
        };
        shared = Some(match shared {
            None => theirs,
            Some(s) => s.into_iter().filter(|k| theirs.contains(k)).collect(),
        });
    }
    shared.is_some_and(|s| !s.is_empty() && !s.iter().any(|k| mine.contains(k)))
}

/// The sorts of a term's head word (WordNet's kinds, an action, an event and a process being
/// one sort, what happens), or none where neither WordNet nor an ending tells.
fn sorts(term: &str) -> Option<Vec<&'static str>> {
    let h = term.split_whitespace().last()?.to_lowercase();
    // A head WordNet lacks but whose ending names a process ("weathering", "cementation").
    let process = ["ing", "tion", "sion", "ment", "ism", "ysis", "osis"]
        .iter()
        .any(|e| h.ends_with(e) && h.len() > e.len() + 3);
    // The whole term where WordNet has it ("dew point", "water vapour"), else its head.
    let whole = term.trim().to_lowercase();
    let kinds = (whole
        .contains(' ')
        .then(|| lexicon::entry(&whole))
        .flatten())
    .or_else(|| lexicon::noun(&h))
    .map(|e| e.kinds.clone())
    .or_else(|| process.then(|| vec!["process"]))?;
    Some(kinds.into_iter().map(family).collect())
}

/// WordNet files an action, an event and a process apart ("compaction" is an event,
/// "metamorphism" a process); to a learner they are one sort, what happens.
fn family(kind: &'static str) -> &'static str {
    match kind {
        "process" | "act" | "event" | "phenomenon" => "happening",
        other => other,
    }
}

/// What sort of thing each term is, where the text says it ("a process called subduction",
/// "ridges called cristae"): the lower-case term and the WordNet kind of the noun it is said
/// to be (`define::said_kind`).
pub(super) type Said = std::collections::HashMap<String, &'static str>;

/// A term's sorts: the one the text says ("an invisible gas called water vapour") where it is
/// one of its head's (`sorts`), which it then narrows; its head's where the text's words are
/// loose ("Water that soaks into the soil is called infiltration"); the text's for a head
/// WordNet does not know ("ridges called cristae").
fn sorts_said(term: &str, said: &Said) -> Option<Vec<&'static str>> {
    let told = said.get(&term.to_lowercase()).map(|k| family(k));
    match (sorts(term), told) {
        (Some(known), Some(k)) if known.contains(&k) => Some(vec![k]),
        (Some(known), _) => Some(known),
        (None, k) => k.map(|k| vec![k]),
    }
}

/// Whether an English term is of the answer's sort where WordNet knows both heads (or an
/// ending tells a process): a process among processes, not "lava" among them.
fn same_sort(term: &str, answer: &str, said: &Said, lang: Lang) -> bool {
    match (lang, sorts_said(term, said), sorts_said(answer, said)) {
        (Lang::En, Some(a), Some(b)) => a.iter().any(|k| b.contains(k)),
        _ => true,
    }
}

/// Whether a term is a proper name: one WordNet knows as a place or person, or, in English, a
/// capitalised word that is no common noun ("Yangtze").
fn is_name(term: &str, lang: Lang) -> bool {
    lexicon::entry(term)
        .is_some_and(|e| matches!(e.kinds.as_slice(), ["location" | "person" | "object"]))
        || (lang == Lang::En
            && term.starts_with(char::is_uppercase)
            && lexicon::noun(&term.to_lowercase()).is_none()
            && !term.contains(' '))
}

/// A common term with the first letter's case of `like` ("Evaporation" beside "Condensation",
/// "transpiration" beside "evaporation").
fn same_case(term: &str, like: &str) -> String {
    // An acronym or a name inside ("DNA", "messenger RNA") keeps its capitals.
    if term.chars().skip(1).any(char::is_uppercase) {
        return term.to_owned();
    }
    let mut c = term.chars();
    let Some(first) = c.next() else {
        return String::new();
    };
    let rest: String = c.collect();
    if like.starts_with(char::is_uppercase) {
        first.to_uppercase().chain(rest.chars()).collect()
    } else {
        first.to_lowercase().chain(rest.chars()).collect()
    }
}

/// Whether two definitions say nearly the same: at least two of the first's content words
/// (by stem), and half of them, are in the second, leaving out the words of the text's subject
/// (in three or more of its definitions: "electric", "charge" in a lesson on circuits).
pub(super) fn alike(a: &str, b: &str, all: &[&str], lang: Lang) -> bool {
    let content = |s: &str| -> Vec<String> {
        let mut v = lang.content_stems(s);
        v.sort();
        v.dedup();
        v
    };
    let every: Vec<Vec<String>> = all.iter().map(|m| content(m)).collect();
    let subject = |w: &String| every.iter().filter(|m| m.contains(w)).count() >= 3;
    let a: Vec<String> = content(a).into_iter().filter(|w| !subject(w)).collect();
    let b = content(b);
    let shared = a.iter().filter(|w| b.contains(w)).count();
    shared >= 2 && shared * 2 >= a.len()
}

/// The lists of one-word items a sentence names ("methane (CH4), ethane (C2H6), propane and
/// butane": methane, ethane, propane, butane): three or more, in lower case (German
/// nouns capitalised), joined by commas and the language's "and" or "or" (`list_joins`), none
/// a small word. Things a text lists together are of one sort: wrong terms for one another.
pub(super) fn lists(sentence: &str, lang: Lang) -> Vec<Vec<String>> {
    let w = &lang.data().words;
    // Without what brackets hold ("(CH4)").
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in sentence.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let plain = plain.replace(" ,", ",");
    let word_ok = |x: &str| {
        let lx = x.to_lowercase();
        super::define::term_ok(x, lang)
            && !x.contains(' ')
            && x.chars().count() > 2
            && !lang.is_stop(&lx)
            && (lang == Lang::De || x.chars().all(char::is_lowercase))
    };
    let mut out = Vec::new();
    // Each clause between other marks, then its items between commas.
    for clause in plain.split([';', ':', '.', '!', '?']) {
        let parts: Vec<&str> = clause.split(", ").collect();
        if parts.len() < 2 {
            continue;
        }
        // The last part: "propane and butane" (or ", and butane"), its last word ending it.
        let last = parts[parts.len() - 1].trim();
        let lw: Vec<&str> = last.split_whitespace().collect();
        let (items_last, rest_ok) = match lw.as_slice() {
            [a, j, b] if w.list_joins.iter().any(|x| x == j) => (vec![*a, *b], true),
            [j, b] if w.list_joins.iter().any(|x| x == j) => (vec![*b], true),
            _ => (vec![], false),
        };
        if !rest_ok {
            continue;
        }
        // The first item: the last word before the first comma; those between, one word each.
        let Some(first) = parts[0].split_whitespace().last() else {
            continue;
        };
        let middle = &parts[1..parts.len() - 1];
        if middle.iter().any(|m| m.split_whitespace().count() != 1) {
            continue;
        }
        let items: Vec<&str> = std::iter::once(first)
            .chain(middle.iter().map(|m| m.trim()))
            .chain(items_last)
            .collect();
        if items.len() >= 3 && items.iter().all(|x| word_ok(x)) {
            out.push(items.into_iter().map(str::to_owned).collect());
        }
    }
    out
}

/// Wrong terms from the text's lists for `answer`: the other items of a list that holds it,
/// and in English the items of a list all of whose heads WordNet files under one sort the
/// answer's head is first of (a substance among substances).
pub(super) fn listed_with(
    answer: &str,
    lists: &[(Vec<String>, usize)],
    lang: Lang,
) -> Vec<(String, usize)> {
    let key = answer.to_lowercase();
    let first_sort = |t: &str| sorts(t).map(|k| k[0]);
    let mine = (lang == Lang::En).then(|| first_sort(answer)).flatten();
    let mut out: Vec<(String, usize)> = Vec::new();
    for (items, at) in lists {
        let holds = items.iter().any(|i| i.to_lowercase() == key);
        let of_sort = mine.is_some_and(|k| items.iter().all(|i| first_sort(i) == Some(k)));
        if holds || of_sort {
            for i in items {
                if i.to_lowercase() != key && !out.iter().any(|(o, _)| o == i) {
                    out.push((i.clone(), *at));
                }
            }
        }
    }
    out
}

/// The technical nouns a text uses, each with its paragraph: English words WordNet knows as
/// nouns whose tagged texts use one sense at most ("nephrons", "alkanes", "glucose"; not
/// "parts", "material", "water"; one never tagged only if all its senses are of one sort), in
/// lower case as written, used as a noun: heading its phrase (a mark or a small word after it:
/// "the reactant.", not "the active site"), after a word that comes before a noun
/// (`noun_markers`: "the", "of", "into") or, a plural, after an adjective, a verb or "and"
/// ("long molecules", "make polymers", "and alkenes"; not "the liquid flows"); no "-ing" or "-ed" form. Wrong terms
/// of the answer's sort where the text defines too few (`of_sort`). English only: the sorts
/// are WordNet's.
pub(super) fn technical_nouns(sentences: &[(&str, usize)], lang: Lang) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    if lang != Lang::En {
        return out;
    }
    let markers = &lang.data().words.noun_markers;

    let lowered = |x: &str| !x.is_empty() && x.chars().all(char::is_lowercase);
    for (text, at) in sentences {
        let words = words_of(text);
        for (i, w) in words.iter().enumerate() {
            let prev = i.checked_sub(1).map(|p| words[p]);
            let marked = prev.is_some_and(|p| markers.iter().any(|m| m.eq_ignore_ascii_case(p)));
            // An adjective or a verb before a plural: a word WordNet knows as no noun, or as
            // a quality only ("large").
            let joins = &lang.data().words.list_joins;
            let qualified = prev.is_some_and(|p| {
                (lowered(p)
                    && !lang.is_stop(p)
                    && lexicon::noun(p).is_none_or(|e| e.kinds.as_slice() == ["attribute"]))
                    || joins.iter().any(|j| j == p)
            }) && w.ends_with('s')
                && plural(w, lang) == Some(true);
            // Heading its phrase: a mark or a small word after it ("the bicuspid (mitral)
            // valve" heads nothing).
            let closes = text[w.as_ptr() as usize - text.as_ptr() as usize + w.len()..]
                .starts_with([',', '.', ';', ':', '!', '?']);
            let heads = closes || words.get(i + 1).is_none_or(|n| lang.is_stop(n));
            let technical = (marked || qualified)
                && heads
                && w.chars().count() > 3
                && lowered(w)
                && !w.ends_with("ing")
                && !w.ends_with("ed")
                && !lang.is_stop(w)
                // Where no sense is tagged, WordNet's first is no likelier: one sort only.
                && lexicon::noun(w).is_some_and(|e| {
                    e.tagged == Some(1) || (e.tagged == Some(0) && e.kinds.len() == 1)
                })
                && plural(w, lang).is_some();
            if technical && !out.iter().any(|(o, _)| o == w) {
                out.push(((*w).to_owned(), *at));
            }
        }
    }
    out
}

/// A sentence's words (with their hyphens and apostrophes).
fn words_of(text: &str) -> Vec<&str> {
    text.split(|c: char| !c.is_alphabetic() && c != '-' && c != '\'')
        .filter(|w| !w.is_empty())
        .collect()
}

/// The nouns of `nouns` whose first WordNet sort is the answer's, where the text says what
/// sort of thing the answer is (`told`: the kinds of the noun it is said to be, all its
/// senses) and WordNet agrees, or knows nothing of the answer: "a less harmful substance" for
/// "urea" takes "glucose", not "kidneys"; "compounds made of …" (a substance by a second
/// sense) for "hydrocarbons" takes "alkanes". English only.
pub(super) fn of_sort(
    answer: &str,
    told: &[&'static str],
    nouns: &[(String, usize)],
    lang: Lang,
) -> Vec<(String, usize)> {
    let told: Vec<&str> = told.iter().map(|k| family(k)).collect();
    let mine = match sorts(answer) {
        Some(known) => known.into_iter().find(|k| told.contains(k)),
        None => told.first().copied(),
    };
    let Some(mine) = mine.filter(|_| lang == Lang::En) else {
        return Vec::new();
    };
    // Each in the answer's number ("ureter" → "ureters" for "nephrons"), where it is regular.
    let number = plural(answer, lang);
    let mut out: Vec<(String, usize)> = Vec::new();
    for (n, at) in nouns
        .iter()
        .filter(|(n, _)| sorts(n).is_some_and(|k| k[0] == mine))
    {
        let Some(n) = number.map_or(Some(n.clone()), |p| with_number(n, p)) else {
            continue;
        };
        if !out.iter().any(|(o, _)| *o == n) {
            out.push((n, *at));
        }
    }
    out
}

/// Whether a sentence names a term, in either number in English ("Enzymes are biological
/// catalysts" names "catalyst").
pub(super) fn names(sentence: &str, term: &str, lang: Lang) -> bool {
    let s = sentence.to_lowercase();
    let t = term.to_lowercase();
    let forms = match lang {
        Lang::En => vec![with_number(&t, true), with_number(&t, false)],
        _ => vec![],
    };
    super::lang::holds(&s, &t)
        || forms
            .into_iter()
            .flatten()
            .any(|f| super::lang::holds(&s, &f))
}

/// An English noun in the plural or the singular, where its form is regular and WordNet knows
/// the singular ("ureter" → "ureters", "arteries" → "artery"); none for "glomerulus",
/// "bacteria" or "glass".
fn with_number(noun: &str, want: bool) -> Option<String> {
    let lang = Lang::En;
    let has = plural(noun, lang)?;
    if has == want {
        return Some(noun.to_owned());
    }
    if want {
        let irregular = ["s", "x", "z", "ch", "sh", "o", "a", "um", "on"];
        if irregular.iter().any(|e| noun.ends_with(e)) {
            return None;
        }
        let consonant_y =
            noun.ends_with('y') && !noun[..noun.len() - 1].ends_with(['a', 'e', 'i', 'o', 'u']);
        let p = if consonant_y {
            format!("{}ies", &noun[..noun.len() - 1])
        } else {
            format!("{noun}s")
        };
        (plural(&p, lang) == Some(true)).then_some(p)
    } else {
        let s = match noun.strip_suffix("ies") {
            Some(b) => format!("{b}y"),
            None => noun.strip_suffix('s')?.to_owned(),
        };
        (lexicon::entry(&s).is_some() && !s.ends_with('s')).then_some(s)
    }
}

/// `more` after `wrong`, each that overlaps none before it (the same words by stem, or one's
/// words all the other's).
pub(super) fn add_fresh(wrong: &mut Vec<String>, more: Vec<String>, lang: Lang) {
    let stems = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| lang.stem(w))
            .collect()
    };
    let within = |a: &[String], b: &[String]| a.iter().all(|w| b.contains(w));
    for m in more {
        let s = stems(&m);
        let fresh = wrong.iter().all(|w| {
            let o = stems(w);
            !within(&s, &o) && !within(&o, &s)
        });
        if fresh {
            wrong.push(m);
        }
    }
}

#[cfg(test)]
#[path = "wrong_terms_tests.rs"]
mod tests;
