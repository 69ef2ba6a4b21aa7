//! The people of a story: a summary of a novel or a play names its characters by one name
//! ("George", "Curley", "Justine"), which no lexicon knows. A single capitalised word is taken
//! for a character only when the text itself leaves no doubt:
//!
//! - it stands alone (no capitalised word beside it: not "Salinas River", "Nobel Prize") at
//!   least three times, at least twice inside a sentence (not only at its start);
//! - it is never written in lower case, never after an article ("the Beagle"), never a
//!   possessive before a capital ("Carlson's Luger"); a possessive ("Lennie's death") is no
//!   occurrence to ask;
//! - it is no common noun WordNet knows (unless a given name), no place, no month, no stop word;
//!   in German, where every noun is capitalised, it is a given name or a person WordNet knows;
//! - no sentence naming it holds a year: the people a text dates are real people (the author,
//!   "Steinbeck received the Nobel Prize in 1962"), not characters; save where it opens a
//!   full name ("a film starring Gregory Peck as Atticus Finch").
//!
//! In English, once a story has two characters by these rules (or one, and two more words
//! that are subjects as below), a word is a character too when
//! it is the subject of two clauses ("Slim, the mule driver, is …", "Only Slim understands …":
//! followed by a verb, past an apposition or an adverb), named at least once inside a sentence,
//! and no named thing WordNet knows; there a common noun the text never writes in lower case may be
//! a name ("Candy later says …"). English only: the verb is told by its ending ("-s", "-ed")
//! and the language's `copulas` and `auxiliaries`, which fits no other language's verbs.
//!
//! A character is asked as a person, and its wrong answers are the text's other characters
//! only (never the author, never a historical person).

use std::collections::BTreeMap;

use super::detect::{Found, Kind};
use super::lang::Lang;
use super::lexicon;
use super::read::Doc;

/// Per word: its standing occurrences (sentence, offset), how many are inside a sentence,
/// whether it was ever ruled out, and how many are the subject of a clause (inside a sentence,
/// and in all).
type Seen = (Vec<(usize, usize)>, usize, bool, (usize, usize));

/// The text's characters, and each standing occurrence as a person candidate.
pub(super) fn characters(doc: &Doc, found: &[Found], lang: Lang) -> (Vec<String>, Vec<Found>) {
    let w = &lang.data().words;
    let dated: Vec<bool> = (0..doc.sentences.len())
        .map(|i| {
            found
                .iter()
                .any(|f| f.sentence == i && matches!(f.kind, Kind::Year { .. }))
        })
        .collect();
    let mut seen: BTreeMap<&str, Seen> = BTreeMap::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        let words: Vec<(usize, &str)> = words_of(&s.text).collect();
        for (k, &(at, word)) in words.iter().enumerate() {
            let lower = word.to_lowercase();
            if !word.starts_with(char::is_uppercase) {
                // Written in lower case somewhere: a common word.
                if let Some(e) = seen.iter_mut().find(|(k, _)| k.to_lowercase() == lower) {
                    e.1.2 = true;
                }
                continue;
            }
            // A capitalised stop word or opener ("Only Slim …", "Later Curley …") is no part of
            // a name.
            let cap = |j: Option<&(usize, &str)>| {
                j.is_some_and(|(_, x)| {
                    let lower = x.to_lowercase();
                    x.starts_with(char::is_uppercase)
                        && !lang.is_stop(&lower)
                        && !w.openers.contains(&lower)
                })
            };
            let beside = (k > 0 && cap(words.get(k - 1))) || cap(words.get(k + 1));
            let prev = k
                .checked_sub(1)
                .and_then(|j| words.get(j))
                .map(|(_, x)| x.to_lowercase());
            let after_article = prev.as_ref().is_some_and(|p| w.articles.contains(p));
            let possessive = s.text[at + word.len()..].starts_with(['\'', '’']);
            // Part of a compound ("1970er-Jahre", "DDR-Bürger"): no name of its own to ask.
            if s.text[..at].ends_with('-') || s.text[at + word.len()..].starts_with('-') {
                continue;
            }
            let entry = seen.entry(word).or_default();
            // A dated sentence rules out a name alone or a full name's last word (the author,
            // "John Steinbeck"), not the given name opening one ("… as Atticus Finch").
            let opens_name = cap(words.get(k + 1)) && !(k > 0 && cap(words.get(k - 1)));
            if after_article || (dated[i] && !opens_name) || (possessive && beside) {
                entry.2 = true;
            } else if !beside && !possessive {
                entry.0.push((i, at));
                if k > 0 {
                    entry.1 += 1;
                }
                if lang == Lang::En && subject(&s.text[at + word.len()..], lang) {
                    entry.3.1 += 1;
                    if k > 0 {
                        entry.3.0 += 1;
                    }
                }
            }
        }
    }
    // A name is no month, no place, no stop word, no thing WordNet names.
    let named_thing = |word: &str| {
        let lower = word.to_lowercase();
        word.chars().count() <= 2
            || !word.chars().all(char::is_alphabetic)
            || lang.is_stop(&lower)
            || w.months.contains(&lower)
            || lexicon::place(word, lang).is_some()
            || lexicon::countries().iter().any(|c| c.name(lang) == word)
    };
    let strict: Vec<&str> = seen
        .iter()
        .filter(|(word, (spots, inside, ruled_out, _))| {
            let common = lexicon::noun(word).is_some() && !lexicon::is_given_name(word, lang);
            // German capitalises every noun ("Jahrhundert", "Kaufleute"): there a character
            // needs more than a capital, a given name or a person WordNet knows.
            let german_noun = lang == Lang::De
                && !lexicon::may_be_given_name(word, lang)
                && !lexicon::entry(word).is_some_and(|e| e.kinds.contains(&"person"));
            !ruled_out
                && spots.len() >= 3
                && *inside >= 2
                && !common
                && !german_noun
                && !named_thing(word)
        })
        .map(|(word, _)| *word)
        .collect();
    // A story's other people, by the clauses they are the subject of.
    // A story: two characters by the strict rule, or one and two more subjects of clauses.
    let subjects = seen
        .iter()
        .filter(|(word, e)| !strict.contains(word) && !e.2 && e.3.1 >= 2 && e.1 >= 1)
        .count();
    let story = strict.len() >= 2 || (strict.len() == 1 && subjects >= 2);
    // Not the title's word (the novel "Frankenstein"), nor the surname after another
    // character's name ("Victor Frankenstein" is Victor).
    let in_title = |word: &str| {
        doc.title
            .as_deref()
            .is_some_and(|t| words_of(t).any(|(_, x)| x == word))
    };
    let likely: Vec<&str> = seen
        .iter()
        .filter(|(w, e)| strict.contains(w) || e.3.1 >= 2)
        .map(|(w, _)| *w)
        .collect();
    let surname = |word: &str| {
        doc.sentences.iter().any(|s| {
            let ws: Vec<&str> = words_of(&s.text).map(|(_, x)| x).collect();
            ws.windows(2)
                .any(|p| p[1] == word && p[0] != word && likely.contains(&p[0]))
        })
    };
    let subject_of = |word: &str, inside: usize, all: usize| {
        let thing = lexicon::entry(word).is_some_and(|e| !e.kinds.contains(&"person"));
        story
            && all >= 2
            && inside >= 1
            && !thing
            && !named_thing(word)
            && !in_title(word)
            && !surname(word)
    };
    let mut names = Vec::new();
    let mut out = Vec::new();
    for (word, (spots, inside, ruled_out, subjects)) in seen {
        if ruled_out || !(strict.contains(&word) || subject_of(word, inside, subjects.1)) {
            continue;
        }
        names.push(word.to_owned());
        for (sentence, start) in spots {
            // Not where another candidate already is.
            let taken = found
                .iter()
                .any(|f| f.sentence == sentence && f.start <= start && start < f.end);
            if !taken {
                out.push(Found {
                    sentence,
                    start,
                    end: start + word.len(),
                    kind: Kind::Person,
                });
            }
        }
    }
    (names, out)
}

/// People the text names after a title or role, whom the detectors leave out as part of a
/// longer capitalised run ("Außenminister Gustav Stresemann", "Reichspräsident Paul von
/// Hindenburg"): a given name, then particles and capitalised words, that the lexicon takes
/// for a person. Only wrong answers for the text's other people, never asked themselves (the
/// role before them would tell them apart).
pub(super) fn titled(doc: &Doc, found: &[Found], lang: Lang) -> Vec<Found> {
    let particles = &lang.data().words.name_particles;
    let mut out = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        let words: Vec<(usize, &str)> = words_of(&s.text).collect();
        let cap = |x: &str| x.starts_with(char::is_uppercase);
        for k in 1..words.len() {
            let (at, first) = words[k];
            let taken = |a: usize| {
                found
                    .iter()
                    .any(|f| f.sentence == i && f.start <= a && a < f.end)
            };
            if !cap(words[k - 1].1) || !lexicon::is_given_name(first, lang) || taken(at) {
                continue;
            }
            // The name runs on over particles and capitalised words, joined by spaces only.
            let mut end = k;
            while let Some(&(next_at, next)) = words.get(end + 1) {
                let (_, prev) = words[end];
                let joined = s.text[words[end].0 + prev.len()..next_at].trim().is_empty();
                // Another name starts: "ernannte Paul von Hindenburg Adolf Hitler".
                let another = taken(next_at) || lexicon::is_given_name(next, lang);
                if joined && !another && (cap(next) || particles.iter().any(|p| p == next)) {
                    end += 1;
                } else {
                    break;
                }
            }
            while end > k && !cap(words[end].1) {
                end -= 1;
            }
            let name: Vec<&str> = words[k..=end].iter().map(|w| w.1).collect();
            let (last_at, last) = words[end];
            // Part of a compound ("Carl August von Sachsen-Weimar-Eisenach"): cut at its hyphen,
            // the name is broken.
            let compound = s.text[last_at + last.len()..].starts_with('-');
            if end > k && !compound && lexicon::is_person(&name, lang) {
                out.push(Found {
                    sentence: i,
                    start: at,
                    end: last_at + last.len(),
                    kind: Kind::Person,
                });
            }
        }
    }
    out
}

/// Whether what follows a word makes it a clause's subject (English): a verb next ("is",
/// "understands", "attacked"), past an apposition of a few words ("Slim, the mule driver, is")
/// or one adverb ("Candy later says").
/// Or an apposition says it is a person ("Slim, a skilled mule driver whom …": a noun WordNet
/// files first as a person, within its first words).
fn subject(rest: &str, lang: Lang) -> bool {
    let copulas = &lang.data().words.copulas;
    if let Some(r) = rest.strip_prefix(", ") {
        let phrase = r.split([',', ';', '.']).next().unwrap_or("");
        let mut words = phrase.split_whitespace().take(5);
        let article = words
            .next()
            .is_some_and(|a| lang.data().words.articles.iter().any(|x| x == a) || a == "another");
        let person = words.any(|x| {
            x.chars().all(char::is_lowercase)
                && lexicon::noun(x).is_some_and(|e| e.kinds.first() == Some(&"person"))
        });
        if article && person {
            return true;
        }
    }
    let mut rest = rest;
    if let Some(r) = rest.strip_prefix(", ")
        && let Some(end) = r.find(", ")
        && r[..end].split_whitespace().count() <= 5
        && !r[..end].contains(['.', ';'])
    {
        rest = &r[end + 1..];
    }
    if rest.starts_with(|c: char| !c.is_whitespace()) {
        return false;
    }
    let auxiliaries = &lang.data().words.auxiliaries;
    // The words as written, without a mark after them ("overhears,").
    let words: Vec<&str> = rest
        .split_whitespace()
        .take(2)
        .map(|x| x.trim_end_matches(|c: char| !c.is_alphabetic()))
        .collect();
    let verb = |x: &str| {
        let ending = (x.len() > 3 && x.ends_with('s') && !x.ends_with("ss") && !x.ends_with("us"))
            || (x.len() > 4 && x.ends_with("ed"));
        copulas.iter().chain(auxiliaries).any(|c| c == x)
            || (ending && x.chars().all(char::is_lowercase) && !lang.is_stop(x))
    };
    match words.as_slice() {
        [first, ..] if verb(first) => true,
        [first, second] => {
            first.starts_with(char::is_lowercase)
                && first.chars().all(char::is_alphabetic)
                && lexicon::noun(first).is_none()
                && verb(second)
        }
        _ => false,
    }
}

/// The words of a sentence with their byte offsets (letters, and an apostrophe inside).
fn words_of(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let letter = |c: char| c.is_alphanumeric();
    text.char_indices()
        .filter(move |&(i, c)| letter(c) && !text[..i].ends_with(letter))
        .map(move |(i, _)| {
            let end = text[i..]
                .find(|c: char| !letter(c))
                .map_or(text.len(), |e| i + e);
            (i, &text[i..end])
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offline::{detect, read};

    #[test]
    fn the_subjects_of_a_storys_clauses_are_its_characters_too() {
        // Two characters by the strict rule; "Slim" and "Candy" (a common noun the story
        // never writes in lower case) are the subjects of two clauses each, one inside a
        // sentence; "Carlson" is named twice, never a subject.
        let t = format!(
            "{STORY} Slim, the mule driver, is calm. Only Slim understands George. \
             Candy is an old hand; Candy later says so. Lennie meets another worker, \
             Carlson, at dawn. The gun is Carlson's. Later George Milton sleeps. Milton \
             wakes; then Milton eats."
        );
        let n = names(&t);
        // The surname after a character's name is that character.
        assert!(!n.iter().any(|x| x == "Milton"), "{n:?}");
        assert!(n.iter().any(|x| x == "Slim"), "{n:?}");
        assert!(n.iter().any(|x| x == "Candy"), "{n:?}");
        assert!(!n.iter().any(|x| x == "Carlson"), "{n:?}");
        // Not in a text that is no story: no two characters by the strict rule.
        let t = "Jupiter is the largest planet. Only Jupiter has such storms. \
            Saturn is smaller; Saturn also has rings. Mars is red.";
        assert!(names(t).is_empty());
    }

    #[test]
    fn a_german_noun_is_no_character_by_its_capital() {
        let de = |t: &str| {
            let doc = read::read(t, Lang::De);
            let found = detect::candidates(&doc, Lang::De);
            characters(&doc, &found, Lang::De).0
        };
        let t = "Seit dem 12. Jahrhundert wuchs der Handel. Viele Kaufleute reisten weit. \
            Im 14. Jahrhundert waren Kaufleute reich. Dann verloren Kaufleute im 16. \
            Jahrhundert an Macht. So endete ihr Jahrhundert bald.";
        assert!(de(t).is_empty(), "{:?}", de(t));
        // A noun that is a name as well, after an article fused with its preposition ("im").
        let t = "Die Bienen fliegen im Sommer weit. Viele Tiere sterben im Sommer früh. \
            Die Königin legt im Sommer Eier. Der Stock wächst im Sommer schnell.";
        assert!(de(t).is_empty(), "{:?}", de(t));
        // A given name still makes a character.
        let t = "Am Morgen weckt Hans die Familie. Dann ruft Otto den Vater. Später isst \
            Hans allein. Abends spielt Otto Geige. Nachts schläft Hans kaum. Oft weint \
            Otto leise. Mittags lacht Otto laut.";
        assert_eq!(de(t), ["Hans", "Otto"]);
    }

    #[test]
    fn people_after_a_title_are_found_for_wrong_answers() {
        let t = "Außenminister Gustav Stresemann erreichte 1925 eine Verständigung. \
            Am 30. Januar ernannte Reichspräsident Paul von Hindenburg Adolf Hitler zum Kanzler.";
        let doc = read::read(t, Lang::De);
        let found = detect::candidates(&doc, Lang::De);
        let names: Vec<&str> = titled(&doc, &found, Lang::De)
            .iter()
            .map(|f| &doc.sentences[f.sentence].text[f.start..f.end])
            .collect();
        assert_eq!(
            names,
            ["Gustav Stresemann", "Paul von Hindenburg", "Adolf Hitler"]
        );
        // Never cut at a hyphen (round 25: "Carl August von Sachsen" was offered).
        let t = "Der Landesherr, Großherzog Carl August von Sachsen-Weimar-Eisenach, erlaubte \
            das Treffen.";
        let doc = read::read(t, Lang::De);
        let found = detect::candidates(&doc, Lang::De);
        assert!(titled(&doc, &found, Lang::De).is_empty());
    }

    const STORY: &str = "Of Mice and Men is a short novel by John Steinbeck, published in 1937. \
        Steinbeck received the Nobel Prize in 1962.\n\n\
        The novel opens beside the Salinas River, where George and Lennie camp. \
        George is small and quick; Lennie is huge. At the ranch they meet Curley, the boss's son. \
        Curley picks fights with Lennie, and George warns him. Later Curley attacks Lennie. \
        The workers at the ranch fear Curley, and George says so. The Salinas River is calm.";

    fn names(text: &str) -> Vec<String> {
        let doc = read::read(text, Lang::En);
        let found = detect::candidates(&doc, Lang::En);
        characters(&doc, &found, Lang::En).0
    }

    #[test]
    fn recurring_single_names_are_characters() {
        assert_eq!(names(STORY), ["Curley", "George", "Lennie"]);
    }

    #[test]
    fn the_author_places_and_things_are_not() {
        let n = names(STORY);
        // Dated: the author. Beside a capital: a river. Common nouns, stop words: no.
        for not in [
            "Steinbeck",
            "Salinas",
            "River",
            "Nobel",
            "The",
            "Later",
            "At",
        ] {
            assert!(!n.iter().any(|x| x == not), "{not}");
        }
        // After an article: a ship, not a character.
        let t = "The Beagle sailed west. Darwin joined the Beagle early. Later the Beagle \
            reached Chile. Soon the Beagle turned home. The crew loved the Beagle dearly.";
        assert!(names(t).is_empty());
    }
}
