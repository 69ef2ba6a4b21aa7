//! The sex of each person of the text, where the text leaves no doubt: a "Who" question whose
//! stem says "his" or "wife" is fair only when every option is of the sex it tells.
//!
//! Evidence, each a vote for one name (`data/xx.toml`'s lists):
//!
//! - a title or kin word right before the name ("Mrs Dubose", "her brother Jem", "a white
//!   woman, Mayella Ewell"), opening it ("Queen Victoria"), or heading its apposition
//!   ("Curley, the boss's son,"), or said to be what it is ("X is the only black man");
//! - in English, a pronoun only a man or a woman is (he, his, she) in a sentence whose only
//!   person is that name: no other name, no other capitalised word that may be someone, no
//!   possessive, and no other word for a person ("a girl") that the pronoun could stand for,
//!   save what the name is said to be ("X, despite his name, is a strong man"); object
//!   pronouns (him, her) stand for another than the subject and tell nothing;
//! - in every language, such a pronoun opening the sentence right after one whose subject is
//!   that name, in the same paragraph ("Marie Curie … . Elle …").
//!
//! One name's votes are shared with the other way the text writes it, when only one full name
//! opens or ends with that word ("George" and "George Milton"). Votes both ways leave the sex
//! unknown. With no vote, a given name's usual sex (the language's lists, then the census's in
//! `given-names-sex.tsv`) decides; otherwise it stays unknown.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::detect::{Found, Kind};
use super::lang::{Lang, holds_any};
use super::lexicon;
use super::read::Doc;

/// A person's sex, as the text tells it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Sex {
    Male,
    Female,
}

impl Sex {
    /// The language's words that tell this sex: its titles and its pronouns.
    fn words(self, lang: Lang) -> impl Iterator<Item = &'static String> {
        let w = &lang.data().words;
        let (titles, pronouns) = match self {
            Sex::Male => (&w.male_titles, &w.male_pronouns),
            Sex::Female => (&w.female_titles, &w.female_pronouns),
        };
        titles.iter().chain(pronouns)
    }

    fn of_title(word: &str, lang: Lang) -> Option<Sex> {
        let w = &lang.data().words;
        let lower = word.to_lowercase();
        if w.male_titles.contains(&lower) {
            Some(Sex::Male)
        } else if w.female_titles.contains(&lower) {
            Some(Sex::Female)
        } else {
            None
        }
    }

    /// The sex a pronoun tells of its sentence's subject (none for "him", "her").
    fn of_pronoun(word: &str, lang: Lang) -> Option<Sex> {
        let w = &lang.data().words;
        let lower = word.to_lowercase();
        if w.object_pronouns.contains(&lower) {
            None
        } else if w.male_pronouns.contains(&lower) {
            Some(Sex::Male)
        } else if w.female_pronouns.contains(&lower) {
            Some(Sex::Female)
        } else {
            None
        }
    }
}

/// Whether a sentence opens with someone whom a title or a given name tells to be of the sex
/// a pronoun of it tells ("King Harold of Wessex declared war, but his army …", "Mary Shelley
/// wrote that she …"): the pronoun is theirs more likely than someone's the sentence does not
/// name. Not for "him" or "her", which stand for another than the subject.
pub(super) fn opens_with_one_of(sentence: &str, pronoun: &str, lang: Lang) -> bool {
    let Some(sex) = Sex::of_pronoun(pronoun, lang) else {
        return false;
    };
    let mut words = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let named = |w: &str| w.starts_with(char::is_uppercase);
    let told = if Sex::of_title(first, lang).is_some() && named(second) {
        Sex::of_title(first, lang)
    } else if named(first) && named(second) && lexicon::may_be_given_name(first, lang) {
        usual_sex(first, lang)
    } else {
        None
    };
    told == Some(sex)
}

/// Whether a stem (in lower case) says a word of this sex: a stem's "his" fits a man.
pub(super) fn tells(lower: &str, sex: Sex, lang: Lang) -> bool {
    let words: Vec<String> = sex.words(lang).cloned().collect();
    holds_any(lower, &words)
}

/// The sex of each person the text names (by the name as written), where it is known.
pub(super) fn sexes(doc: &Doc, found: &[Found], lang: Lang) -> BTreeMap<String, Sex> {
    let w = &lang.data().words;
    let mut mentions: Vec<Vec<(usize, usize, &str)>> = vec![Vec::new(); doc.sentences.len()];
    for f in found.iter().filter(|f| f.kind == Kind::Person) {
        let text = &doc.sentences[f.sentence].text;
        mentions[f.sentence].push((f.start, f.end, &text[f.start..f.end]));
    }
    for m in &mut mentions {
        m.sort_unstable();
    }
    let mut votes: BTreeMap<&str, [usize; 2]> = BTreeMap::new();
    let mut vote = |name, sex: Sex| votes.entry(name).or_default()[sex as usize] += 1;
    for (i, s) in doc.sentences.iter().enumerate() {
        let text = s.text.as_str();
        for &(start, end, name) in &mentions[i] {
            for sex in titled(text, start, end, lang) {
                vote(name, sex);
            }
        }
        if lang == Lang::En
            && let Some(name) = only_person(text, &mentions[i], lang)
        {
            for (_, word) in words_at(text) {
                let Some(sex) = Sex::of_pronoun(word, lang) else {
                    continue;
                };
                if !someone_else(text, &mentions[i], sex, lang) {
                    vote(name, sex);
                }
            }
        }
        // A pronoun opening the sentence after one whose subject is the person.
        let Some(prev) = i.checked_sub(1) else {
            continue;
        };
        let Some(&(0, _, subject)) = mentions[prev].first() else {
            continue;
        };
        let same = doc.sentences[prev].paragraph == s.paragraph;
        let opening = words_at(text).next().map(|(_, x)| x);
        let lower = text.to_lowercase();
        let impersonal = w
            .impersonal_openings
            .iter()
            .any(|p| lower.starts_with(p.as_str()));
        if let Some(sex) = opening.and_then(|x| Sex::of_pronoun(x, lang))
            && same
            && !impersonal
        {
            vote(subject, sex);
        }
    }
    // One person written two ways: a single word and the one full name it opens or ends.
    let names: Vec<&str> = mentions.iter().flatten().map(|m| m.2).collect();
    let mut shared = votes.clone();
    for &single in names.iter().filter(|n| !n.contains(' ')) {
        let mut full: Vec<&str> = names
            .iter()
            .copied()
            .filter(|n| {
                n.contains(' ')
                    && (n.split_whitespace().next() == Some(single)
                        || n.split_whitespace().last() == Some(single))
            })
            .collect();
        full.sort_unstable();
        full.dedup();
        if let [one] = full.as_slice() {
            let count = |name: &str| votes.get(name).copied().unwrap_or_default();
            let (mine, theirs) = (count(single), count(one));
            let both = [mine[0] + theirs[0], mine[1] + theirs[1]];
            shared.insert(single, both);
            shared.insert(one, both);
        }
    }
    let mut out = BTreeMap::new();
    for &name in &names {
        let sex = match shared.get(name).copied().unwrap_or_default() {
            [0, 0] => usual_sex(name, lang),
            [_, 0] => Some(Sex::Male),
            [0, _] => Some(Sex::Female),
            _ => None,
        };
        if let Some(sex) = sex {
            out.insert(name.to_owned(), sex);
        }
    }
    out
}

/// The sexes the titles around a name tell: the word right before it, its own first word, the
/// last word of the phrase before ", Name", and the head of its apposition ("Name, the boss's
/// son,").
fn titled(text: &str, start: usize, end: usize, lang: Lang) -> Vec<Sex> {
    let mut out = Vec::new();
    let before = &text[..start];
    if let Some((_, word)) = words_at(before).last() {
        let close = before.trim_end().ends_with(word) || before.trim_end().ends_with(',');
        out.extend(Sex::of_title(word, lang).filter(|_| close));
    }
    if let Some((_, first)) = words_at(&text[start..end]).next() {
        out.extend(Sex::of_title(first, lang));
    }
    let after = &text[end..];
    // What the name is said to be: "X[, the stable hand,] is the only black man".
    let said = match after
        .strip_prefix(", ")
        .and_then(|r| r.find(", ").map(|e| &r[e + 1..]))
    {
        Some(r) if after.len() - r.len() < 60 => r,
        _ => after,
    };
    let copulas = &lang.data().words.copulas;
    let mut said_words = words_at(said).map(|(_, x)| x);
    if said.starts_with(' ')
        && said_words
            .next()
            .is_some_and(|x| copulas.iter().any(|c| c == x))
    {
        let phrase = said.split(['.', ';', '(']).next().unwrap_or("");
        let head = words_at(phrase)
            .skip(1)
            .take(6)
            .map(|(_, x)| x)
            .take_while(|x| !["who", "which", "that", "and", "but", "of"].contains(x))
            .find_map(|x| Sex::of_title(x, lang));
        out.extend(head);
    }
    if let Some(rest) = after.strip_prefix(", ") {
        let phrase = rest.split([',', '.', ';', ':']).next().unwrap_or("");
        let words: Vec<&str> = words_at(phrase).map(|(_, x)| x).collect();
        // Only a short noun phrase: "Curley, the boss's son, is …", not a clause.
        if words.len() <= 5
            && let Some(head) = words.last()
            && rest.len() > phrase.len()
        {
            out.extend(Sex::of_title(head, lang));
        }
    }
    out
}

/// The one person a sentence names, when nothing else in it may be someone: no second name,
/// no capitalised word that no list knows (the first word too), no possessive name.
fn only_person<'a>(
    text: &str,
    mentions: &[(usize, usize, &'a str)],
    lang: Lang,
) -> Option<&'a str> {
    let (_, _, name) = *mentions.first()?;
    if mentions.iter().any(|m| m.2 != name) {
        return None;
    }
    let inside = |at: usize| mentions.iter().any(|m| (m.0..m.1).contains(&at));
    let w = &lang.data().words;
    // The first word too: "Victor grows up … with Elizabeth Lavenza, … his parents".
    let someone = words_at(text).any(|(at, x)| {
        let lower = x.to_lowercase();
        x.starts_with(char::is_uppercase)
            && !inside(at)
            && !lang.is_stop(&lower)
            && !w.months.contains(&lower)
            && Sex::of_title(x, lang).is_none()
            && lexicon::place(x, lang).is_none()
            && lexicon::entry(x).is_none_or(|e| e.kinds.contains(&"person"))
            // A common noun capitalised may be a name ("Victor", "Candy"): past the first
            // word, or a given name.
            && (lexicon::noun(&lower).is_none() || at > 0 || lexicon::may_be_given_name(x, lang))
    });
    // Someone's possessive ("Curley's wife"), the person's own aside.
    let possessive = words_at(text).any(|(at, x)| {
        let end = at + x.len();
        x.starts_with(char::is_uppercase)
            && text[end..].starts_with(['\'', '’'])
            && !mentions.iter().any(|m| m.1 == end)
    });
    (!someone && !possessive).then_some(name)
}

/// Whether a word for a person of `sex` other than the named one stands in the sentence, which
/// the pronoun at `at` could stand for ("a girl … she"): a title, or a noun WordNet files
/// first as a person. What the name is said to be is no one else: its apposition ("X, the
/// boss's son"), or what follows "X is a …".
fn someone_else(text: &str, mentions: &[(usize, usize, &str)], sex: Sex, lang: Lang) -> bool {
    let w = &lang.data().words;
    let said_of = |i: usize| {
        mentions.iter().any(|m| {
            let between = text.get(m.1..i).unwrap_or("");
            let words: Vec<String> = words_at(between).map(|(_, x)| x.to_lowercase()).collect();
            let apposition = between.starts_with(", ") && !between[2..].contains(',');
            let said = words.iter().any(|x| w.copulas.contains(x))
                && !between.contains([';', '('])
                && !words
                    .iter()
                    .any(|x| ["who", "which", "that", "and"].contains(&x.as_str()));
            m.1 <= i && (apposition || said)
        })
    };
    // A title before the name or opening it is the name's own ("Mrs Dubose").
    let own = |i: usize, x: &str| {
        mentions.iter().any(|m| {
            (m.0..m.1).contains(&i) || text[i + x.len()..].trim_start().len() == text.len() - m.0
        })
    };
    words_at(text).any(|(i, x)| {
        let lower = x.to_lowercase();
        let person = Sex::of_title(x, lang).is_some_and(|s| s == sex && !own(i, x))
            || (lang == Lang::En
                && !x.starts_with(char::is_uppercase)
                && lexicon::noun(&lower).is_some_and(|e| e.kinds.first() == Some(&"person")));
        person && !said_of(i)
    })
}

/// The sex a glossary line's meaning tells of its person by its head noun: the title or kin
/// words before its first comma and before any preposition or later article, past a
/// possessive and a title before one ("Okonkwo's father, a gentle man" is a man's; "Mr
/// Brown's housekeeper", "the only surviving child of Ekwefi", "der Diener der Königin" tell
/// none). None where they disagree.
pub(super) fn of_meaning(meaning: &str, lang: Lang) -> Option<Sex> {
    let w = &lang.data().words;
    let head = meaning.split(',').next()?;
    let words: Vec<&str> = (head.split_whitespace())
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’'))
        .collect();
    let possessive = |t: &str| super::lang::possessor(t).is_some();
    let mut told = None;
    for (i, t) in words.iter().enumerate() {
        let lower = t.to_lowercase();
        let small = w.prepositions.contains(&lower) || w.place_prepositions.contains(&lower);
        if i > 0
            && (small || w.articles.contains(&lower) || w.reference_complements.contains(&lower))
        {
            break;
        }
        // "Mr Brown's": the title is the possessor's.
        if possessive(t) || words.get(i + 1).is_some_and(|n| possessive(n)) {
            continue;
        }
        match (told, Sex::of_title(t, lang)) {
            (_, None) => {}
            (None, Some(s)) => told = Some(s),
            (Some(a), Some(b)) if a != b => return None,
            _ => {}
        }
    }
    told
}

/// The sex a name tells by itself: its title ("Mr Collins", "Lady Catherine"), or its given
/// name's usual sex.
pub(super) fn of_name(name: &str, lang: Lang) -> Option<Sex> {
    let first = name.split_whitespace().next()?;
    Sex::of_title(first, lang).or_else(|| usual_sex(name, lang))
}

/// A given name's usual sex: the language's own lists, then the census's.
pub(super) fn usual_sex(name: &str, lang: Lang) -> Option<Sex> {
    let w = &lang.data().words;
    let first = name.split_whitespace().next()?.to_owned();
    if w.male_names.contains(&first) {
        return Some(Sex::Male);
    }
    if w.female_names.contains(&first) {
        return Some(Sex::Female);
    }
    static CENSUS: OnceLock<BTreeMap<&'static str, Sex>> = OnceLock::new();
    CENSUS
        .get_or_init(|| {
            include_str!("data/given-names-sex.tsv")
                .lines()
                .filter_map(|l| {
                    let (n, s) = l.split_once('\t')?;
                    Some((n, if s == "f" { Sex::Female } else { Sex::Male }))
                })
                .collect()
        })
        .get(first.as_str())
        .copied()
}

/// The words of a text with their byte offsets.
fn words_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let word = |c: char| c.is_alphanumeric() || c == '-';
    text.char_indices()
        .filter(move |&(i, c)| c.is_alphanumeric() && !text[..i].ends_with(word))
        .map(move |(i, _)| {
            let end = text[i..]
                .find(|c: char| !word(c))
                .map_or(text.len(), |e| i + e);
            (i, &text[i..end])
        })
}

#[cfg(test)]
#[path = "sex_tests.rs"]
mod tests;
