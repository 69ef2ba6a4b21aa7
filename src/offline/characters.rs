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
//! - no sentence naming it holds a year: the people a text dates are real people (the author,
//!   "Steinbeck received the Nobel Prize in 1962"), not characters.
//!
//! A character is asked as a person, and its wrong answers are the text's other characters
//! only (never the author, never a historical person).

use std::collections::BTreeMap;

use super::detect::{Found, Kind};
use super::lang::Lang;
use super::lexicon;
use super::read::Doc;

/// Per word: its standing occurrences (sentence, offset), how many are inside a sentence, and
/// whether it was ever ruled out.
type Seen = (Vec<(usize, usize)>, usize, bool);

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
            let cap = |j: Option<&(usize, &str)>| {
                j.is_some_and(|(_, x)| x.starts_with(char::is_uppercase))
            };
            let beside = (k > 0 && cap(words.get(k - 1))) || cap(words.get(k + 1));
            let prev = k
                .checked_sub(1)
                .and_then(|j| words.get(j))
                .map(|(_, x)| x.to_lowercase());
            let after_article = prev.as_ref().is_some_and(|p| w.articles.contains(p));
            let possessive = s.text[at + word.len()..].starts_with(['\'', '’']);
            let entry = seen.entry(word).or_default();
            if after_article || dated[i] || (possessive && beside) {
                entry.2 = true;
            } else if !beside && !possessive {
                entry.0.push((i, at));
                if k > 0 {
                    entry.1 += 1;
                }
            }
        }
    }
    let mut names = Vec::new();
    let mut out = Vec::new();
    for (word, (spots, inside, ruled_out)) in seen {
        let lower = word.to_lowercase();
        let common = lexicon::noun(&lower).is_some() && !lexicon::is_given_name(word, lang);
        let ok = !ruled_out
            && spots.len() >= 3
            && inside >= 2
            && word.chars().count() > 2
            && word.chars().all(char::is_alphabetic)
            && !common
            && !lang.is_stop(&lower)
            && !w.months.contains(&lower)
            && lexicon::place(word, lang).is_none()
            && lexicon::countries().iter().all(|c| c.name(lang) != word);
        if !ok {
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
