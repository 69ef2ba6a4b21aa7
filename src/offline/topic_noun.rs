//! What "the canal" is: in a text titled "The Panama Canal" or "Le canal du Midi", a sentence
//! says "The canal opened in 1914" or "Le canal est achevé en 1681", meaning the title's thing.
//! Asked alone, "the canal" points at nothing (graders: "the canal", "la tour", "the river").
//! Where the phrase is a definite article and the head noun of the title's name (its last word
//! in English and German, the first after the article in French and Spanish; or the noun an
//! opening sentence says it is, "an island"; or its kind of place, "the country" under
//! "Greece"), the text names
//! the thing so too, and no other thing of that noun is named up to the sentence ("the Suez
//! Canal", "le canal de Suez"), the first such phrase of a stem gets the title's name ("The
//! Panama Canal opened in 1914", "La tour Eiffel est ouverte …"). Otherwise nothing changes.

use super::lang::{Lang, capitalise, lower_first};
use super::read::Doc;
use super::refer::words_at;

/// The title's thing: its name as the text writes it ("the Panama Canal"), and the articles
/// and head nouns, in lower case, that may stand for it ("the", "canal").
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Topic {
    name: String,
    nouns: Vec<(String, String)>,
    /// Where the name is plural ("The Galápagos Islands"), the nouns from this index on are
    /// singular ("the archipelago") and get the name as a complement ("of the Galápagos
    /// Islands"), not in place.
    plural: Option<(usize, String)>,
}

/// The title's thing, where the text writes its name at least once, and its nouns: the head
/// noun of a name that opens with a definite article (`topic_articles`, `head_last`) and has
/// a capitalised word besides ("El canal de Panamá"), and the noun one of the text's first
/// three sentences says it is ("Iceland is an island …", "La Corse est une île …"), after any
/// of the language's definite articles.
pub(super) fn topic(doc: &Doc, lang: Lang) -> Option<Topic> {
    let w = &lang.data().words;
    let title = (doc.title.as_deref()?)
        .split([',', ':', '—', '('])
        .next()?
        .trim();
    // "An Inspector Calls by J. B. Priestley": the work, without its author.
    let title = (w.bylines.iter())
        .find_map(|b| {
            let (work, author) = title.split_once(&format!(" {b} "))?;
            author
                .starts_with(char::is_uppercase)
                .then_some(work.trim())
        })
        .unwrap_or(title);
    // As the text writes it: the whole title, or the thing after its complement ("The
    // Building of the Erie Canal" is about "the Erie Canal").
    let written = |lower: &str| {
        doc.sentences.iter().find_map(|s| {
            // Offsets of the lower case are the sentence's only where lowering keeps lengths
            // ("İstanbul" grows).
            let lowered = s.text.to_lowercase();
            if !super::lang::same_offsets(&s.text) {
                return None;
            }
            let at = lowered.find(lower)?;
            let end = at + lower.len();
            let whole = !s.text[..at].ends_with(char::is_alphanumeric)
                && !s.text[end..].starts_with(char::is_alphanumeric);
            whole.then(|| s.text[at..end].to_owned())
        })
    };
    let after_complement = title
        .split_whitespace()
        .position(|x| joins(x, lang))
        .map(|i| {
            title
                .split_whitespace()
                .skip(i + 1)
                .collect::<Vec<_>>()
                .join(" ")
        });
    let (title, name) = if let Some(name) = written(&title.to_lowercase()) {
        (title.to_owned(), name)
    } else {
        let after = after_complement?;
        let name = written(&after.to_lowercase())?;
        (after, name)
    };
    let lower = title.to_lowercase();
    let mut nouns = Vec::new();
    let article = (w.topic_articles.iter()).find(|a| {
        lower
            .strip_prefix(a.as_str())
            .is_some_and(|r| a.ends_with('\'') || r.starts_with(' '))
    });
    if let Some(article) = article {
        let rest: Vec<&str> = title[article.len()..].split_whitespace().collect();
        // "The Wars of the Roses": the head is before the complement, not "Roses".
        let before_complement = rest
            .iter()
            .position(|x| joins(x, lang))
            .unwrap_or(rest.len());
        let head = if w.head_last {
            rest[..before_complement].last()
        } else {
            rest.first()
        };
        // French and Spanish write the head in lower case, English and German name it with a
        // capital; the name has a capitalised word of its own ("Eiffel", "Panamá").
        if let Some(head) = head.filter(|h| h.chars().count() >= 3)
            && rest.len() >= 2
            && rest.iter().all(|r| r.chars().all(char::is_alphabetic))
            && rest
                .iter()
                .any(|r| r != head && r.starts_with(char::is_uppercase))
        {
            nouns.push((article.clone(), head.to_lowercase()));
        }
    }
    // "Iceland is an island in the North Atlantic": "the island"; "Tasmania is an island state
    // of Australia": "the state" (the head of the words before the next small word); "Oliver
    // Twist was Charles Dickens's second novel": "the novel".
    let said = (doc.sentences.iter().take(3)).find_map(|s| {
        let text = s.text.to_lowercase();
        let rest = text.strip_prefix(&lower)?;
        let words: Vec<&str> = rest.split_whitespace().collect();
        let [copula, one, ..] = words.as_slice() else {
            return None;
        };
        let plural = w.plural_copulas.contains(&(*copula).to_owned());
        // Or after a possessive ("Oliver Twist was Charles Dickens's second novel"): the
        // words after it are the phrase, as after "a".
        let possessive = !w.indefinite.contains(&(*one).to_owned());
        let from = if possessive {
            (1..words.len().min(5)).find(|&k| super::lang::possessor(words[k]).is_some())? + 1
        } else {
            2
        };
        // Its last word without the full stop ("… second novel."); after a possessive, an
        // ordinal first ("second").
        let ordinal = |x: &&str| possessive && w.ordinal_words.iter().any(|o| o == x);
        let phrase: Vec<&str> = (words[from.min(words.len())..].iter())
            .map(|x| x.trim_end_matches(['.', ',', ';']))
            .skip_while(ordinal)
            .take_while(|x| x.chars().all(char::is_alphabetic) && !lang.is_stop(x))
            .take(3)
            .collect();
        // English: the last word WordNet knows as a noun ("a protein hormone made by …" is
        // "the hormone", not "the made").
        let english_noun = |x: &&&str| lang != Lang::En || super::lexicon::noun(x).is_some();
        let head = if w.head_last {
            phrase.iter().rev().find(english_noun)
        } else {
            phrase.first()
        }?;
        // After a possessive, only a work's noun ("Dickens's second novel"; not "Japan's
        // capital", a thing of which the text names others).
        let work = || {
            super::lexicon::noun(head).is_some_and(|e| e.kinds.first() == Some(&"communication"))
        };
        if possessive && !work() {
            return None;
        }
        // Only the head: "a chemical process" is no chemical (nor, so, "an island state" an
        // island).
        let said = vec![(*head).to_owned()];
        ((w.copulas.contains(&(*copula).to_owned()) || plural) && head.chars().count() >= 3)
            .then_some((said, plural))
    });
    // A plural name ("The Galápagos Islands are …", "Las islas Galápagos") is put after a
    // singular noun as its complement ("the archipelago of the Galápagos Islands"), where the
    // language says how; else the singular nouns are not the topic's.
    // "Los Ángeles es una ciudad": a singular verb says an articled name is one.
    let (said, copula) = match said {
        Some((said, plural)) => (said, Some(plural)),
        None => (Vec::new(), None),
    };
    let first = name.split_whitespace().next().unwrap_or("").to_lowercase();
    let plural = copula.unwrap_or_else(|| w.plural_articles.contains(&first));
    let of = (w.plural_complements.get(&first)).map(|c| {
        let rest = name
            .split_whitespace()
            .skip(1)
            .collect::<Vec<_>>()
            .join(" ");
        format!("{c} {rest}")
    });
    let own = nouns.len();
    // "Greece lies in …": a country, city or river the lexicon knows is "the country".
    let place = super::lexicon::place(&name, lang).and_then(|k| w.place_nouns.get(k.label()));
    let singular = said.into_iter().chain(place.cloned());
    for noun in singular.filter(|_| !plural || of.is_some()) {
        let new = (w.topic_articles.iter()).map(|a| (a.clone(), noun.clone()));
        let new: Vec<_> = new.filter(|n| !nouns.contains(n)).collect();
        nouns.extend(new);
    }
    let plural = of.filter(|_| plural).map(|of| (own, of));
    (!nouns.is_empty()).then_some(Topic {
        name,
        nouns,
        plural,
    })
}

/// Whether the text names a thing of the topic's noun that is not the topic, up to this
/// sentence (a later one is named after "the canal" was written): the noun with a capitalised
/// word right before it ("the Suez Canal") or after it, or a complement ("le canal de Suez",
/// "the canal of Corinth").
fn other_named(doc: &Doc, topic: &Topic, upto: usize, lang: Lang) -> bool {
    let name = topic.name.to_lowercase();
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    doc.sentences.iter().take(upto + 1).any(|s| {
        let lower = s.text.to_lowercase();
        if !super::lang::same_offsets(&s.text) {
            return false;
        }
        // The topic's own name, blanked out.
        let blanked = lower.replace(&name, &" ".repeat(name.len()));
        let words: Vec<(usize, &str)> = words_at(&s.text).collect();
        (0..words.len()).any(|i| {
            let (at, word) = words[i];
            // "l'édit": the noun after an elided article.
            let word = word
                .rsplit(['\'', '’'])
                .next()
                .unwrap_or(word)
                .to_lowercase();
            let is_head = (topic.nouns.iter())
                .any(|(_, head)| word == *head || word.strip_suffix('s') == Some(head.as_str()));
            // "une île de la Méditerranée", "an island state of Australia": after an indefinite
            // article (a word or two back), no one thing named.
            let one = (i.saturating_sub(2)..i).any(|k| {
                (lang.data().words.indefinite.iter()).any(|a| *a == words[k].1.to_lowercase())
            });
            if !is_head || one || blanked[at..].starts_with(' ') {
                return false;
            }
            let before =
                i > 0 && capital(words[i - 1].1) && !lang.is_stop(&words[i - 1].1.to_lowercase());
            let next = words.get(i + 1).map(|t| t.1);
            // "declared war in March": a noun with no article names no one thing, and a month
            // is no name.
            let w = &lang.data().words;
            // An article or a possessive up to three words before ("the long war in
            // Afghanistan", "its war with Persia").
            let elided = words[i].1.contains(['\'', '’']);
            let articled = elided
                || (i.saturating_sub(3)..i).any(|k| {
                    let before = words[k].1.to_lowercase();
                    w.articles.contains(&before)
                        || w.topic_articles.contains(&before)
                        || w.pronouns.contains(&before)
                });
            let month =
                |k: usize| (words.get(k)).is_some_and(|t| w.months.contains(&t.1.to_lowercase()));
            let after = articled
                && !month(i + 1)
                && !month(i + 2)
                && (next.is_some_and(capital)
                    || next.is_some_and(|n| joins(n, lang))
                    || (next.is_some_and(|n| n.chars().count() <= 3 && !capital(n))
                        && words.get(i + 2).is_some_and(|t| capital(t.1))));
            before || after
        })
    })
}

/// Whether, in a text about a place, the stem's sentence or the one before names another of
/// its kind ("Germany invaded France in 1940. … and the country was divided": not France).
fn other_place(doc: &Doc, topic: &Topic, sentence: usize, lang: Lang) -> bool {
    let Some(kind) = super::lexicon::place(&topic.name, lang) else {
        return false;
    };
    let own: Vec<&str> = topic.name.split_whitespace().collect();
    (sentence.saturating_sub(1)..=sentence).any(|i| {
        words_at(&doc.sentences[i].text).any(|(_, w)| {
            w.starts_with(char::is_uppercase)
                && !own.contains(&w)
                && super::lexicon::place(w, lang).is_some_and(|k| k.same_class(&kind))
        })
    })
}

/// Whether, in a language that writes its adjectives after the noun, the phrase is a
/// description, not a name's stand-in: after a copula ("es el lago más grande de
/// Sudamérica") or before a degree word ("el lago navegable más alto del mundo"), the name put
/// in would break it ("el lago Titicaca más grande", round 26).
fn described(before: &str, rest: &[&str], lang: Lang) -> bool {
    let w = &lang.data().words;
    let previous = before
        .split_whitespace()
        .last()
        .unwrap_or("")
        .to_lowercase();
    !w.head_last
        && (w.copulas.contains(&previous)
            || rest
                .iter()
                .any(|r| w.degree_words.contains(&r.to_lowercase())))
}

/// Whether a word joins a complement to the noun before it ("of", "de": `noun_complements`).
fn joins(word: &str, lang: Lang) -> bool {
    let lower = word.to_lowercase();
    (lang.data().words.noun_complements.iter())
        .any(|c| *c == lower || c.strip_suffix('\'') == Some(lower.as_str()))
}

/// A stem's first phrase of the topic's article and noun, not part of a name ("the canal",
/// "La tour est …"; not "the canal of Corinth"), replaced by the topic's name, with a capital
/// where the phrase had one: none where there is no such phrase, or where the text has named
/// another of its kind up to the stem's sentence (`other_named`).
pub(super) fn named(
    text: &str,
    topic: &Topic,
    (doc, sentence): (&Doc, usize),
    lang: Lang,
) -> Option<String> {
    if other_named(doc, topic, sentence, lang) || other_place(doc, topic, sentence, lang) {
        return None;
    }
    put_name(text, topic, lang)
}

/// The stem's first phrase of the topic's article and noun replaced by its name (`named`,
/// without its checks of other things of the noun).
fn put_name(text: &str, topic: &Topic, lang: Lang) -> Option<String> {
    let lower = text.to_lowercase();
    if !super::lang::same_offsets(text) {
        return None;
    }
    let name = topic.name.to_lowercase();
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    for (i, (article, head)) in topic.nouns.iter().enumerate() {
        let joint = if article.ends_with('\'') { "" } else { " " };
        let phrase = format!("{article}{joint}{head}");
        let mut from = 0;
        while let Some(found) = lower[from..].find(&phrase) {
            let at = from + found;
            let end = at + phrase.len();
            from = end;
            let whole = !lower[..at].ends_with(char::is_alphanumeric)
                && !lower[end..].starts_with(char::is_alphanumeric);
            // Already the name, or another's ("the canal of Corinth", "la tour Montparnasse").
            let rest: Vec<&str> = words_at(&text[end..]).map(|(_, w)| w).take(2).collect();
            let names = lower[at..].starts_with(&name)
                || rest.first().is_some_and(|w| capital(w) || joins(w, lang))
                || (rest.first().is_some_and(|w| w.chars().count() <= 3)
                    && rest.get(1).is_some_and(|w| capital(w)));
            if !whole || names || described(&text[..at], &rest, lang) {
                continue;
            }
            // "The archipelago of the Galápagos Islands was …"; not "the archipelago's birds".
            if let Some((_, of)) = topic.plural.as_ref().filter(|(from, _)| i >= *from) {
                if text[end..].starts_with(['\'', '’']) {
                    continue;
                }
                return Some(format!("{} {of}{}", &text[..end], &text[end..]));
            }
            // "The Kiel Canal" inside a sentence is "the Kiel Canal"; "Iceland" stays.
            let first = name.split_whitespace().next().unwrap_or("");
            let put = if capital(&text[at..]) {
                capitalise(&topic.name)
            } else if (lang.data().words.topic_articles.iter())
                .any(|a| a == first || (a.ends_with('\'') && first.starts_with(a.as_str())))
            {
                lower_first(&topic.name)
            } else {
                topic.name.clone()
            };
            return Some(format!("{}{put}{}", &text[..at], &text[end..]));
        }
    }
    None
}

/// "The Bill", "the estuary" named as the text named it before: where an earlier sentence
/// wrote "the Reform Bill", "the Tay estuary" (the article, one to three capitalised words or
/// a year, and the noun), and no other name of that noun, the stem's first such phrase gets that
/// name ("In May _____ the Lords blocked the Reform Bill again"). English only: its names come
/// before their noun. The same checks as the title's (`named`: not part of a name already, no
/// other of the noun named up to the stem's sentence).
/// Development texts: "the shogunate" → "the Tokugawa shogunate", "the prize" → "the Nobel
/// Prize", "the system" → "the Global Positioning System".
pub(super) fn named_earlier(
    text: &str,
    (doc, sentence): (&Doc, usize),
    lang: Lang,
) -> Option<String> {
    if lang != Lang::En {
        return None;
    }
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let w = &lang.data().words;
    // Not a reference the filters know ("the city", "the war": the sentence before, shown,
    // says which), nor a plural ("the ruins" may be all of them, not "the Valley Ruins").
    let reference = |n: &str| {
        let phrase = format!("the {n}");
        w.references.contains(&phrase) || w.kin_references.contains(&phrase)
    };
    let nouns = (words.windows(2))
        .filter(|w| w[0] == "the")
        .map(|w| w[1].trim_matches(|c: char| !c.is_alphanumeric()))
        // "The dam's power station": the dam.
        .map(|n| super::lang::possessor(n).unwrap_or(n))
        .filter(|n| n.chars().count() >= 3 && n.chars().all(char::is_alphabetic))
        .filter(|n| !n.ends_with('s') && !reference(n));
    // "a new school of art and design": a thing of the noun brought in unnamed (or by another
    // name) may be the one "the school" is.
    let introduced = |noun: &str| {
        doc.sentences[..=sentence].iter().any(|s| {
            let words: Vec<String> = (s.text.split_whitespace())
                .map(|t| {
                    t.trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                })
                .collect();
            (0..words.len()).any(|i| {
                w.indefinite.contains(&words[i]) && words[i + 1..].iter().take(3).any(|x| x == noun)
            })
        })
    };
    for noun in nouns {
        if introduced(noun) {
            continue;
        }
        let mut names: Vec<String> = Vec::new();
        for s in &doc.sentences[..sentence] {
            for name in earlier_names(&s.text, noun) {
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        // Several named: the one the sentence right before opens on, alone, in the paragraph
        // ("The Equal Franchise Act of 1928 lowered … . … weeks before the Act became law"; not
        // one it names in passing, "harsher than the Vagrancy Act", nor one the stem names).
        let before = (sentence.checked_sub(1).map(|p| &doc.sentences[p]))
            .filter(|p| p.paragraph == doc.sentences[sentence].paragraph)
            .map(|p| earlier_names(&p.text, noun))
            .unwrap_or_default();
        let opens = |name: &str| {
            (sentence.checked_sub(1)).is_some_and(|p| {
                doc.sentences[p]
                    .text
                    .to_lowercase()
                    .starts_with(&name.to_lowercase())
            }) && !lower.contains(&name.to_lowercase())
        };
        let last = names.len() > 1 && before.len() == 1 && opens(&before[0]);
        if last {
            names = before;
        }
        if let [name] = names.as_slice() {
            let topic = Topic {
                name: name.clone(),
                nouns: vec![("the".to_owned(), noun.to_owned())],
                plural: None,
            };
            let put = if last {
                put_name(text, &topic, lang)
            } else {
                named(text, &topic, (doc, sentence), lang)
            };
            if put.is_some() {
                return put;
            }
        }
    }
    None
}

/// The names a sentence writes as "the", one to three capitalised words or a year, and `noun`
/// ("the Tay estuary", "the Great Reform Act", "the 1832 Act").
fn earlier_names(text: &str, noun: &str) -> Vec<String> {
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let bare = |t: &str| t.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    let mut out = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        if !t.eq_ignore_ascii_case("the") {
            continue;
        }
        let mut k = i + 1;
        while k < tokens.len()
            && k - i <= 3
            && !tokens[k - 1].ends_with(|c: char| !c.is_alphanumeric())
            && (tokens[k].starts_with(char::is_uppercase)
                || (tokens[k].len() == 4 && tokens[k].chars().all(|c| c.is_ascii_digit())))
            && !bare(tokens[k]).eq_ignore_ascii_case(noun)
        {
            k += 1;
        }
        let named = k > i + 1
            && tokens
                .get(k)
                .is_some_and(|n| bare(n).eq_ignore_ascii_case(noun))
            && !tokens[k - 1].ends_with(|c: char| !c.is_alphanumeric());
        if named {
            let words: Vec<String> = tokens[i..=k].iter().map(|t| bare(t)).collect();
            out.push(lower_first(&words.join(" ")));
        }
    }
    out
}

#[cfg(test)]
#[path = "topic_noun_tests.rs"]
mod tests;
