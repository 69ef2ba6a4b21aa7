//! Who "he" is: a sentence about the text's main person often names them only by a pronoun
//! ("In 1575 he built the Ibadat Khana …"). Asked alone, the pronoun points at nothing; the
//! sentence before, shown with it, often points back too. When the text leaves no doubt, the
//! pronoun is replaced by the name ("In 1575 Akbar built …").
//!
//! No doubt means: the text has a main person (named more often than anyone else, at least
//! three times), the last person named before the pronoun is that person, in the same
//! paragraph or the one before, with no other capitalised word between them that could be
//! someone no lexicon knows (only small words, months, places and things WordNet knows; not
//! checked in German, which capitalises every noun), and the pronoun is one the language's `stand_ins` lists:
//! English "he", "she", "his" stand only for people; German "er" stands for masculine things
//! too, so it is replaced only when the sentence right before names the person and no one
//! else; French "il" and "elle" are never replaced here (the tower is "elle"; `subject` puts a
//! name in for one that follows a sentence about its bearer, or ends a chain of sentences about
//! them where the text tells their sex). English "her" is "Curie's" or
//! "Curie" by the word after it. A sentence shown before a gap is resolved in the same way
//! (`resolve_lead`). The main person's sex is that of most of the text's English person
//! pronouns (`main_forms`), and a pronoun of that sex after only others' names stands for the
//! main person (`filters::unnamed_main`).

use std::collections::BTreeMap;

use super::detect::{Found, Kind};
use super::filters::leans_back;
use super::lang::{Lang, capitalise, possessor};
use super::read::Doc;
use super::sex::Sex;
use super::subject::People;

/// Every mention of a person: each name found, and each later use of a found name's last word
/// alone ("Luther" after "Martin Luther"), as (sentence, byte offset, name as written).
fn mentions<'a>(doc: &'a Doc, found: &[Found]) -> Vec<(usize, usize, &'a str)> {
    let mut out: Vec<(usize, usize, &str)> = found
        .iter()
        .filter(|f| f.kind == Kind::Person)
        .map(|f| {
            (
                f.sentence,
                f.start,
                &doc.sentences[f.sentence].text[f.start..f.end],
            )
        })
        .collect();
    let surnames: Vec<&str> = out
        .iter()
        .map(|(_, _, n)| *n)
        .filter(|n| n.contains(' '))
        .map(last_word)
        .collect();
    for (i, s) in doc.sentences.iter().enumerate() {
        for (at, w) in words_at(&s.text) {
            let alone = !out
                .iter()
                .any(|(j, start, n)| *j == i && (*start..start + n.len()).contains(&at));
            if alone && surnames.contains(&w) {
                out.push((i, at, w));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The text's main person, by the word the text names them by ("Galileo", "Luther"): the
/// person the title names, where the text names them so at least three times
/// (`title_person`: "Merian", not "Maria", in a life of Maria Sibylla Merian); else the person
/// named more often than anyone else, at least three times (`named_most`).
pub(super) fn main_person(doc: &Doc, found: &[Found], lang: Lang) -> Option<String> {
    title_person(doc, found, lang).or_else(|| named_most(doc, found))
}

/// The person a life's title names ("Chien-Shiung Wu: The First Lady of Physics", "Francisco
/// de Goya (1746-1828)", "Lise Meitner"), by the word of that name the text names them by
/// more often, at least three times: the last ("Wu", "Goya"), or the first ("Hildegard" of
/// "Hildegard von Bingen", "Ada" of "Ada Lovelace"); where the title opens on no given name,
/// only uses outside the title's whole name count ("Wuthering Heights" names no one). A
/// title's name is two to five words, capitalised or the language's `name_particles`, the
/// first a given name the lexicon knows or the first words of the text ("Ignaz Semmelweis was
/// a Hungarian doctor …"), the last no place and no ruler's number. It wins
/// over someone the text names more ("Ochoa" in a life of Margarita Salas, who worked with
/// him; "Hahn" as often as Meitner), but not where two of one family share the word
/// (`shared`: "Robert Darwin" beside "Charles Darwin"), where `named_most` decides.
fn title_person(doc: &Doc, found: &[Found], lang: Lang) -> Option<String> {
    let title = title_name(doc)?;
    let words: Vec<&str> = title.split_whitespace().collect();
    let particles = &lang.data().words.name_particles;
    let capitalised = |w: &&str| {
        w.starts_with(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && !w.ends_with('-')
    };
    let names: Vec<&str> = words.iter().copied().filter(capitalised).collect();
    let name_like = (2..=5).contains(&words.len())
        && names.len() >= 2
        && words
            .iter()
            .all(|w| capitalised(w) || particles.iter().any(|p| p == w))
        && capitalised(&words[0])
        && !lang.is_stop(&words[0].to_lowercase());
    let opens = || {
        (doc.sentences.first()).is_some_and(|s| {
            s.text.starts_with(title) && !s.text[title.len()..].starts_with(char::is_alphanumeric)
        })
    };
    let last = *names.last()?;
    // "François Ier", "Carlos V": a ruler is named by name and number, never the number alone.
    if super::detect::roman_numeral(last) {
        return None;
    }
    if !name_like
        || super::lexicon::place(last, lang).is_some()
        || !(super::lexicon::may_be_given_name(words[0], lang) || opens())
    {
        return None;
    }
    // Named alone; inside the title's whole name only where it opens on a given name
    // ("Margarita Salas", not "Wuthering Heights").
    let given = super::lexicon::may_be_given_name(words[0], lang);
    let alone = |name: &str| {
        (doc.sentences.iter())
            .map(|s| {
                let rest = if given {
                    s.text.clone()
                } else {
                    s.text.replace(title, " ")
                };
                words_at(&rest)
                    .filter(|(_, w)| *w == name || possessor(w) == Some(name))
                    .count()
            })
            .sum::<usize>()
    };
    let name = if alone(names[0]) > alone(last) {
        names[0]
    } else {
        last
    };
    (alone(name) >= 3 && !shared(doc, found, name)).then(|| name.to_owned())
}

/// The title's words before any comma, colon, dash or bracket: "Simón Bolívar, el Libertador",
/// "Marie Curie: a life", "Frida Kahlo (1907-1954)" name their person there.
fn title_name(doc: &Doc) -> Option<&str> {
    Some(
        doc.title
            .as_deref()?
            .split([',', ':', '—', '('])
            .next()?
            .trim(),
    )
}

/// The person named most often, at least three times (`main_person`).
fn named_most(doc: &Doc, found: &[Found]) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, _, name) in mentions(doc, found) {
        *counts.entry(last_word(name)).or_default() += 1;
    }
    let mut by_count: Vec<(usize, &str)> = counts.into_iter().map(|(k, n)| (n, k)).collect();
    by_count.sort_by_key(|b| std::cmp::Reverse(b.0));
    // The name named most is shared ("Darwin" beside "Robert Darwin", his father): the text
    // has no one main person, not the one named next most; unless the title names one of
    // them in full and the text does too ("Frida Kahlo" beside "Guillermo Kahlo", her
    // father): then it is theirs, and `subject` puts in their full name, never the surname.
    // A ruler's number ("Ier", "VIII") names no one alone: kings of one name differ by it.
    let ok = |name: &str| {
        !super::detect::roman_numeral(name)
            && (!shared(doc, found, name) || titled_in_full(doc, name).is_some())
    };
    match by_count.as_slice() {
        [(_, name), ..] if !ok(name) => None,
        [(n, name)] if *n >= 3 => Some((*name).to_owned()),
        [(n, name), (m, _), ..] if *n >= 3 && n > m => Some((*name).to_owned()),
        _ => None,
    }
}

/// Whether two people of one family are named in full by this last word ("Marie Curie",
/// "Pierre Curie"): then the surname alone may be either. "Rosalind Franklin" and "Rosalind
/// Elsie Franklin" are one person: two of one family differ in their first names.
pub(super) fn shared(doc: &Doc, found: &[Found], name: &str) -> bool {
    let mut first: Vec<&str> = (found.iter())
        .filter(|f| f.kind == Kind::Person)
        .map(|f| &doc.sentences[f.sentence].text[f.start..f.end])
        .filter(|n| n.contains(' ') && last_word(n) == name)
        .filter_map(|n| n.split_whitespace().next())
        .collect();
    first.sort_unstable();
    first.dedup();
    first.len() > 1
}

/// The person's full name as the title gives it ("Frida Kahlo" of "Frida Kahlo
/// (1907-1954)": two to four capitalised words before any comma, colon or bracket, the last
/// this surname), where a sentence of the text names them so too.
pub(super) fn titled_in_full(doc: &Doc, surname: &str) -> Option<String> {
    let title = title_name(doc)?;
    let words: Vec<&str> = title.split_whitespace().collect();
    let name_like = (2..=4).contains(&words.len())
        && words.last() == Some(&surname)
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic));
    let full = words.join(" ");
    let named = doc.sentences.iter().any(|s| {
        s.text.match_indices(full.as_str()).any(|(at, _)| {
            let after = s.text[at + full.len()..].chars().next();
            !s.text[..at].ends_with(char::is_alphanumeric)
                && after.is_none_or(|c| !c.is_alphanumeric())
        })
    });
    (name_like && named).then_some(full)
}

/// The main person's surname of two words as the title and the text write it ("Torres
/// Quevedo" of "Leonardo Torres Quevedo", by which a Spanish text names him; "Quevedo" alone is
/// another writer): the title's word before `surname` (not its first, the given name) and the
/// surname, where the text writes the two together at least twice.
pub(super) fn compound_surname(doc: &Doc, surname: &str) -> Option<String> {
    let words: Vec<&str> = title_name(doc)?.split_whitespace().collect();
    let at = words.iter().position(|w| *w == surname)?;
    let before = *words.get(at.checked_sub(1).filter(|i| *i > 0)?)?;
    if !before.starts_with(char::is_uppercase) {
        return None;
    }
    // Written without the given name ("Torres Quevedo", not only inside "Leonardo Torres
    // Quevedo"; "Wolfgang Amadeus Mozart" twice makes no "Amadeus Mozart").
    let both = format!("{before} {surname}");
    let given = format!("{} {both}", words[0]);
    let count = (doc.sentences.iter())
        .map(|s| s.text.replace(&given, " ").matches(both.as_str()).count())
        .sum::<usize>();
    (count >= 2).then_some(both)
}

/// The pronouns that stand for the main person, where the language tells a pronoun's sex
/// (`masculine`, `feminine`: English): those of the sex the text's person pronouns mostly are
/// (`pronoun_forms`), or, where a life names a brother as often ("Caroline Herschel" and
/// William), those of the sex the title's given name tells (`sex::of_name`).
pub(super) fn main_forms(doc: &Doc, main: Option<&str>, lang: Lang) -> Vec<String> {
    let forms = pronoun_forms(doc, lang);
    let w = &lang.data().words;
    let titled =
        (title_name(doc)).filter(|t| main.is_some_and(|m| t.split_whitespace().any(|x| x == m)));
    match titled.and_then(|t| super::sex::of_name(t, lang)) {
        _ if !forms.is_empty() => forms,
        Some(Sex::Male) => w.masculine.clone(),
        Some(Sex::Female) => w.feminine.clone(),
        None => forms,
    }
}

/// Those of the sex the text's person pronouns mostly are: three times as many as of the
/// other, and at least three.
fn pronoun_forms(doc: &Doc, lang: Lang) -> Vec<String> {
    let w = &lang.data().words;
    let (mut he, mut she) = (0, 0);
    for s in &doc.sentences {
        for (_, word) in words_at(&s.text) {
            let lower = word.to_lowercase();
            he += usize::from(w.masculine.contains(&lower));
            she += usize::from(w.feminine.contains(&lower));
        }
    }
    if he >= 3 && he >= 3 * she {
        w.masculine.clone()
    } else if she >= 3 && she >= 3 * he {
        w.feminine.clone()
    } else {
        Vec::new()
    }
}

/// The sentence shown before a gap (its lead) with its pronoun replaced by the main person's
/// name, when the text leaves no doubt who it is, as `resolve` does for the gap's own sentence
/// ("Working with her student Raymond Gosling, …" → "Working with Franklin's student …").
pub(super) fn resolve_lead(
    doc: &Doc,
    found: &[Found],
    main: (Option<&str>, &[String]),
    people: &People<'_>,
    sentence: usize,
    lang: Lang,
) -> Option<String> {
    let end = doc.sentences.get(sentence)?.text.len();
    let whole = Found {
        sentence,
        start: end,
        end,
        kind: Kind::Term,
    };
    resolve(doc, found, main, &whole, lang)
        .or_else(|| super::subject::supply_subject(doc, main.0, people, &whole, lang))
        .map(|(before, _)| before)
}

/// The sentence shown before a gap (its lead), standing on its own: its pronoun or subject
/// replaced by the name where `resolve_lead` can, as written otherwise (then it is struck if it
/// leans back).
pub(super) fn lead(
    doc: &Doc,
    found: &[Found],
    main: (Option<&str>, &[String]),
    people: &People<'_>,
    subject: Option<&str>,
    sentence: usize,
    lang: Lang,
) -> String {
    let text = &doc.sentences[sentence].text;
    let leans = |t: &str| leans_back(t, lang, subject, main.1);
    (leans(text).then(|| resolve_lead(doc, found, main, people, sentence, lang)))
        .flatten()
        .filter(|r| !leans(r))
        .unwrap_or_else(|| text.clone())
}

fn last_word(name: &str) -> &str {
    name.split_whitespace().last().unwrap_or(name)
}

/// The sentence around a gap with its pronoun replaced by the main person's name, when the
/// text leaves no doubt who it is and nothing else in it points back: the new `before` and
/// `after`. In an English text with no main person, a "he" or "she" is the one person named in
/// the sentence before, or the one before that, in the paragraph, of the sex its given name
/// tells (`local_person`: "Meanwhile, the English captain Walter Raleigh wanted the gold trade.
/// In 1590 he sent an army …").
pub(super) fn resolve(
    doc: &Doc,
    found: &[Found],
    (main, forms): (Option<&str>, &[String]),
    at: &Found,
    lang: Lang,
) -> Option<(String, String)> {
    // Two of one family named in full ("Frida Kahlo", "Guillermo Kahlo"): the surname alone,
    // and so the pronoun, may be either (`subject` may put in the title's full name).
    if main.is_some_and(|m| shared(doc, found, m)) {
        return None;
    }
    let s = &doc.sentences[at.sentence];
    let (before, after) = (&s.text[..at.start], &s.text[at.end..]);
    let gap = format!("{before} _ {after}");
    let leans = |t: &str| leans_back(t, lang, main, forms);
    if !leans(&gap) {
        return None;
    }
    // The last person named before this sentence, in its paragraph or the one before (the
    // main person by their name alone too, which `detect` may not know as one).
    let mut all = mentions(doc, found);
    for (i, s) in doc.sentences.iter().enumerate() {
        for (at, w) in words_at(&s.text) {
            let w = possessor(w).unwrap_or(w);
            let inside = |(j, start, n): &(usize, usize, &str)| {
                *j == i && (*start..start + n.len()).contains(&at)
            };
            if main == Some(w) && !all.iter().any(inside) {
                all.push((i, at, &s.text[at..at + w.len()]));
            }
        }
    }
    all.sort_unstable();
    let &(last, last_at, name) = all.iter().rfind(|(i, _, _)| {
        let p = doc.sentences[*i].paragraph;
        *i < at.sentence && (p == s.paragraph || p + 1 == s.paragraph)
    })?;
    match main {
        Some(main) if last_word(name) != main => return None,
        Some(_) => {}
        None if !local_person(doc, &all, (last, last_at, name), at.sentence, lang) => return None,
        None => {}
    }
    let own = last_word(name);
    // Where a pronoun stands for things too, the person is named right before, alone.
    if lang != Lang::En {
        let others = all
            .iter()
            .any(|(i, _, n)| *i == last && last_word(n) != own);
        let same = doc.sentences[last].paragraph == s.paragraph;
        if last + 1 != at.sentence || !same || others {
            return None;
        }
    }
    let stand_ins = &lang.data().words.stand_ins;
    let pronouns = &lang.data().words.pronouns;
    // The first pronoun of the sentence must be one that stands for a person.
    let (part, word_at, word) = [(0, before), (1, after)]
        .into_iter()
        .find_map(|(i, text)| {
            words_at(text)
                .find(|(_, w)| pronouns.iter().any(|p| p == &w.to_lowercase()))
                .map(|(at, w)| (i, at, w))
        })?;
    let form = stand_ins.get(&word.to_lowercase())?;
    // Of the main person's sex where the text tells it: "Ada never knew her father. He died
    // in Greece …" is not Ada; of the local person's where their given name tells it.
    if main.is_some() && !forms.is_empty() && !forms.contains(&word.to_lowercase()) {
        return None;
    }
    if main.is_none() && !of_sex(name, &word.to_lowercase(), lang) {
        return None;
    }
    // Nobody else between the name and the pronoun: a capitalised word there may be a person
    // no lexicon knows ("Victor", after "Walton"), whom "his" could be.
    let pronoun_at = if part == 0 { word_at } else { at.end + word_at };
    let (mention_at, mention) = (last_at, name.len());
    let between = (last..=at.sentence).flat_map(|i| {
        let text = &doc.sentences[i].text;
        let from = if i == last { mention_at + mention } else { 0 };
        let to = if i == at.sentence {
            pronoun_at
        } else {
            text.len()
        };
        // Whether each word opens its sentence: there a common word has a capital too.
        words_at(&text[from..to.max(from)]).map(move |(at, w)| (from == 0 && at == 0, w))
    });
    let thing = |w: &str| {
        super::lexicon::entry(w).is_some_and(|e| !e.kinds.contains(&"person"))
            || super::lexicon::place(w, lang).is_some()
    };
    // "Working with her student …": a word that opens its sentence is a thing WordNet knows
    // in lower case, unless it may be a given name.
    let common = |w: &str| {
        !super::lexicon::may_be_given_name(w, lang)
            && super::lexicon::entry(&w.to_lowercase()).is_some()
    };
    let between: Vec<(bool, &str)> = between.collect();
    let other = (0..between.len()).any(|k| {
        let (opens, w) = between[k];
        let lower = w.to_lowercase();
        w.starts_with(char::is_uppercase)
            && last_word(w) != own
            && !name.split_whitespace().any(|n| n == w)
            && !lang.is_stop(&lower)
            && !lang.data().words.months.contains(&lower)
            && !thing(w)
            && (!opens || !common(w))
            && !named_thing(&between, k, lang)
    });
    // German capitalises every noun: there the sentence right before names the person alone.
    if other && lang != Lang::De {
        return None;
    }
    // "her" is either "Curie's" ("her measurements") or "Curie" ("met her", "gave her a
    // prize"): told by the word after it, or not replaced when that does not tell.
    let text_of = if part == 0 { before } else { after };
    let form = match form.split_once('|') {
        None => form.as_str(),
        Some((possessive, object)) => {
            let rest = text_of[word_at + word.len()..].trim_start();
            let next = rest
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let lower = next.to_lowercase();
            if next.is_empty() || lang.data().words.articles.contains(&lower) {
                object
            } else if next.starts_with(char::is_lowercase) && !lang.is_stop(&lower) {
                possessive
            } else {
                return None;
            }
        }
    };
    let put = form.replace("{}", name);
    let swap = |t: &str| format!("{}{put}{}", &t[..word_at], &t[word_at + word.len()..]);
    let (b, a) = if part == 0 {
        (swap(before), after.to_owned())
    } else {
        (before.to_owned(), swap(after))
    };
    (!leans(&format!("{b} _ {a}"))).then_some((b, a))
}

/// Whether, with no main person, `name` (named in sentence `last`) is the one a "he" or "she"
/// in sentence `at` stands for: English, the same paragraph, one or two sentences back, no one
/// else named from that sentence on.
fn local_person(
    doc: &Doc,
    all: &[(usize, usize, &str)],
    (last, last_at, name): (usize, usize, &str),
    at: usize,
    lang: Lang,
) -> bool {
    let same = doc.sentences[last].paragraph == doc.sentences[at].paragraph;
    let alone = (all.iter())
        .filter(|(i, _, _)| (last..=at).contains(i))
        .all(|(_, _, n)| last_word(n) == last_word(name));
    // "Born into slavery, …": a sentence's first word alone may be a common one read as a name.
    let common = !name.contains(' ')
        && (last_at == 0 || super::lexicon::entry(&name.to_lowercase()).is_some())
        && !super::lexicon::may_be_given_name(name, lang);
    // "His friend Isaac Newton …": a pronoun before the name is someone else's, who may be
    // the later one's too.
    let w = &lang.data().words;
    let pronoun_before = words_at(&doc.sentences[last].text[..last_at]).any(|(_, x)| {
        let x = x.to_lowercase();
        w.male_pronouns.contains(&x) || w.female_pronouns.contains(&x)
    });
    lang == Lang::En && same && last + 2 >= at && alone && !common && !pronoun_before
}

/// Whether a pronoun may stand for `name`: the given name tells the sex, and it is the
/// pronoun's (a name it does not tell, "Ahmad al-Mansur", may be followed by a "she" who is
/// his daughter).
fn of_sex(name: &str, pronoun: &str, lang: Lang) -> bool {
    let w = &lang.data().words;
    match super::sex::of_name(name, lang) {
        Some(super::sex::Sex::Male) => w.male_pronouns.iter().any(|p| p == pronoun),
        Some(super::sex::Sex::Female) => w.female_pronouns.iter().any(|p| p == pronoun),
        None => false,
    }
}

/// Whether the capitalised word at `k` is in a name of a thing or a place, not a person's: a
/// run of capitalised words ending in a common noun WordNet knows as no person ("the Catholic
/// Church", "the Rivonia Trial") with no given name in it, or one right after a preposition
/// that takes only places ("at Arcetri", "in Pisa").
fn named_thing(words: &[(bool, &str)], k: usize, lang: Lang) -> bool {
    let cap = |j: usize| words[j].1.starts_with(char::is_uppercase);
    let mut start = k;
    while start > 0 && cap(start - 1) && !words[start].0 {
        start -= 1;
    }
    let mut end = k;
    while end + 1 < words.len() && cap(end + 1) && !words[end + 1].0 {
        end += 1;
    }
    let run = &words[start..=end];
    if run
        .iter()
        .any(|(_, w)| super::lexicon::may_be_given_name(w, lang) || possessor(w).is_some())
    {
        return false;
    }
    let last = run[run.len() - 1].1.to_lowercase();
    let common = super::lexicon::entry(&last).is_some_and(|e| !e.kinds.contains(&"person"));
    let place_only = &lang.data().words.place_only_prepositions;
    let after_place =
        start > 0 && !words[start].0 && place_only.contains(&words[start - 1].1.to_lowercase());
    common || after_place
}

/// The words of a text with their byte offsets, without the marks around them.
pub(super) fn words_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let word = |c: char| c.is_alphanumeric() || c == '\'';
    // A hyphen before a capital joins a name's parts into one word ("Saint-Exupéry",
    // "Mendès-France"); "dit-il", "lui-même" stay two words, a pronoun among them.
    let inner = move |at: usize| {
        text[at..].starts_with('-')
            && text[..at].ends_with(char::is_alphanumeric)
            && text[at + 1..].starts_with(char::is_uppercase)
    };
    text.char_indices()
        .filter(move |&(i, c)| {
            word(c) && !text[..i].ends_with(word) && !(text[..i].ends_with('-') && inner(i - 1))
        })
        .map(move |(i, _)| {
            let mut end = i;
            while let Some(c) = text[end..].chars().next() {
                if word(c) || inner(end) {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            (i, &text[i..end])
        })
}

#[cfg(test)]
#[path = "refer_tests.rs"]
mod tests;

/// The main person's name with the particle the text always writes before it ("van Gogh",
/// "de Gaulle", "von Braun"), where it does: never alone but after a given name ("Vincent
/// van Gogh"), at least twice with the particle. None where the name stands alone.
pub(super) fn particle_form(doc: &Doc, main: &str, lang: Lang) -> Option<String> {
    let particles = &lang.data().words.name_particles;
    let (mut with, mut alone) = (0, 0);
    for s in &doc.sentences {
        let words: Vec<(usize, &str)> = words_at(&s.text).collect();
        for (k, &(_, w)) in words.iter().enumerate() {
            if w != main && possessor(w) != Some(main) {
                continue;
            }
            let before = k.checked_sub(1).map(|j| words[j].1);
            match before {
                Some(p) if particles.iter().any(|x| x.eq_ignore_ascii_case(p)) => with += 1,
                // "Vincent van Gogh" counts with its particle above; a given name alone
                // before it ("Theo Gogh") would be another's name.
                Some(p) if p.starts_with(char::is_uppercase) && k > 1 => {}
                _ => alone += 1,
            }
        }
    }
    // All the particles before it, as written ("de la Cruz").
    let particle = doc.sentences.iter().find_map(|s| {
        let words: Vec<&str> = words_at(&s.text).map(|(_, w)| w).collect();
        let at = words.iter().position(|w| *w == main)?;
        let from = (0..at)
            .rev()
            .take_while(|&j| particles.iter().any(|x| x == words[j]))
            .last()?;
        Some(words[from..at].join(" "))
    })?;
    (with >= 2 && alone == 0).then(|| format!("{particle} {main}"))
}

/// A stem's part with the main person's bare name put in the form the text writes it ("Gogh
/// decided" → "Van Gogh decided", "and Gogh" → "and van Gogh"), where the name stands without
/// its particle.
pub(super) fn with_particle(
    part: &str,
    (main, form): (&str, &str),
    at_start: bool,
    lang: Lang,
) -> String {
    let mut out = String::new();
    let mut last = 0;
    for (at, w) in words_at(part) {
        if w != main && possessor(w) != Some(main) {
            continue;
        }
        let before = part[..at].trim_end();
        let particle = form.rsplit_once(' ').map_or("", |(p, _)| p);
        let previous = before.rsplit(' ').next().unwrap_or("");
        // As written already, or inside another name ("Fernández de Santa Cruz"; not after a
        // capitalised small word, "When Gogh arrived").
        let named =
            previous.starts_with(char::is_uppercase) && !lang.is_stop(&previous.to_lowercase());
        // "La Cierva" of "de la Cierva": part of the particle is there already.
        let partly =
            (particle.rsplit(' ').next()).is_some_and(|p| previous.eq_ignore_ascii_case(p));
        if before.to_lowercase().ends_with(&particle.to_lowercase()) || named || partly {
            continue;
        }
        out.push_str(&part[last..at]);
        let first = at_start && part[..at].trim().is_empty();
        let put = if first {
            capitalise(form)
        } else {
            form.to_owned()
        };
        out.push_str(&put[..put.len() - main.len()]);
        last = at;
    }
    out.push_str(&part[last..]);
    out
}
