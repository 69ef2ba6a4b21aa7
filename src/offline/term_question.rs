//! A question on a defined term: "This reaction is called _____." after the sentence that
//! describes it, or "Which term means …?", with wrong terms of the term's own sort
//! (`wrong_terms`).
use rand::Rng;
use rand::seq::SliceRandom;

use super::detect::{Definition, Kind};
use super::distract::Level;
use super::filters::{self, Draft};
use super::lang::{self, Say};
use super::reading::Reading;
use super::{
    Ask, Made, SUBJECT_SHARE, define, define_more, finish, lexicon, list, render, sex, trace,
    wrong_terms,
};

pub(super) fn make_definition<R: Rng>(
    reading: &Reading,
    d: &Definition,
    ask: &Ask<'_>,
    say: &Say,
    level: Level,
    rng: &mut R,
) -> Option<Made> {
    // "This reaction is called _____." after the sentence that describes it, or "Which term
    // means …?".
    let (before, after, context) = match &d.cloze {
        // "…, called _____; …": the sentence says what it names.
        Some((b, a)) if d.meaning.is_empty() => (b.as_str(), a.as_str(), None),
        Some((b, a)) => (b.as_str(), a.as_str(), Some(d.meaning.as_str())),
        None => (d.meaning.as_str(), "", None),
    };
    // "…, this is called _____.": the filters read the clause "this" stands for.
    let checked = match &d.cloze {
        Some(_) if d.meaning.is_empty() => define_more::clause_of(before, reading.text),
        _ => None,
    };
    let draft = Draft {
        lang: reading.text,
        kind: &Kind::Term,
        before: checked.unwrap_or(before),
        answer: &d.term,
        after,
        context,
        title: reading.doc.title.as_deref(),
        main: reading.subject(),
        sex: None,
        forms: &reading.forms,
        example: false,
    };
    if let Some(f) = filters::strike(&draft) {
        trace(|| format!("{}: {} means {:?}", f.name, d.term, d.meaning));
        return None;
    }
    // A glossary of a story's people: "Who is a pompous clergyman?", not "Which term means …?".
    if d.sentence.is_none() {
        match cast_of(reading, d) {
            Cast::Person => return who_is(reading, d, ask, say, level, rng),
            Cast::Other => {
                trace(|| format!("cast-not-one: {} means {:?}", d.term, d.meaning));
                return None;
            }
            Cast::Thing => {}
        }
    }
    let lang = reading.text;
    let question = match context {
        Some(c) => format!("{c} {} {}", render::short(before, after), say.term),
        None if d.cloze.is_some() => format!("{} {}", render::short(before, after), say.term),
        None => say.means.replace("{}", d.meaning.trim()),
    };
    let want = ask.rules.options - 1;
    // The text's other defined terms, and the things it lists with the answer or of its sort.
    let mut pool = reading.defined.clone();
    for (t, at) in wrong_terms::listed_with(&d.term, &reading.lists, reading.text) {
        if !pool.iter().any(|(o, _)| o.eq_ignore_ascii_case(&t)) {
            pool.push((t, at));
        }
    }
    let section = d.sentence.map_or(wrong_terms::GLOSSARY, |i| {
        reading.doc.sentences[i].paragraph
    });
    let mut wrong = wrong_terms::terms(
        &d.term,
        &d.meaning,
        &pool,
        &reading.lowered,
        section,
        &reading.said,
        d.cloze.is_none(),
        reading.text,
        level,
        usize::MAX,
        rng,
    );
    // Not a term the text defines in nearly the asked words ("a volcano is an opening … through
    // which molten rock, gas and ash escape" beside "vent": an opening through which lava, gas
    // and ash escape): it would be right too.
    let meaning_of = |t: &str| {
        (reading.definitions.iter())
            .find(|o| o.term.eq_ignore_ascii_case(t))
            .map(|o| o.meaning.as_str())
    };
    let meanings: Vec<&str> = reading
        .definitions
        .iter()
        .map(|o| o.meaning.as_str())
        .collect();
    wrong.retain(|w| {
        meaning_of(w).is_none_or(|m| !wrong_terms::alike(&d.meaning, m, &meanings, reading.text))
    });
    // A term defined in the asked sentence beside the answer (a list of parts, each said in an
    // apposition: `define_more::listed_appositions`) is another of its sort, never a right one.
    let sibling = |w: &String| {
        d.sentence.is_some()
            && (reading.definitions.iter())
                .any(|o| o.sentence == d.sentence && o.term.eq_ignore_ascii_case(w))
    };
    // Nor one defined in a sentence that names the answer too: another name for it, or a part.
    let named_with = |w: &String| {
        (reading.definitions.iter())
            .filter(|o| o.term.eq_ignore_ascii_case(w))
            .filter_map(|o| o.sentence)
            .any(|i| {
                let text = reading.doc.sentences[i].text.to_lowercase();
                lang::holds(&text, &d.term.to_lowercase())
            })
    };
    wrong.retain(|w| sibling(w) || !named_with(w));
    // A term of a list of parts: its wrong answers are the list's other terms and, in English,
    // the paragraph's nouns whose first WordNet sort is one the answer and all the list's terms
    // may have (a flower's parts for "stigma" beside "style"), never a term of another sort the
    // text defines ("cross-pollination" for "a sticky surface that …").
    let siblings: Vec<&str> = (reading.definitions.iter())
        .filter(|o| d.sentence.is_some() && o.sentence == d.sentence && o.term != d.term)
        .map(|o| o.term.as_str())
        .collect();
    let listed = !siblings.is_empty();
    let kinds = |t: &str| lexicon::noun(t.split_whitespace().last()?).map(|e| &e.kinds[..]);
    let shared: Vec<&str> = match kinds(&d.term) {
        Some(mine) if lang == lang::Lang::En => (mine.iter().copied())
            .filter(|k| {
                siblings
                    .iter()
                    .all(|o| kinds(o).is_some_and(|ks| ks.contains(k)))
            })
            .collect(),
        _ => Vec::new(),
    };
    let own_sort = |w: &str| {
        kinds(w)
            .and_then(|ks| ks.first())
            .is_some_and(|k| shared.contains(k))
    };
    if listed {
        wrong.retain(|w| sibling(w) || own_sort(w));
    }
    // Nor one the defining sentence names: an example of the term ("Components that obey Ohm's
    // law, such as fixed resistors, are called …"), a part of it, or what it is set against.
    if let Some(i) = d.sentence {
        let s = &reading.doc.sentences[i].text;
        wrong.retain(|w| sibling(w) || !wrong_terms::names(s, w, reading.text));
    }
    // Too few: the technical nouns the text uses of the answer's sort (in English), none the
    // question's words hold; for a meaning that says what sort of thing the term is ("a
    // substance that …"), not a statement ("reefs are built by …").
    // An article opens it. Not a class in the plural ("hydrocarbons: compounds made of
    // hydrogen and carbon only"): a noun of its sort may name a kind of it ("alkenes"), which
    // the meaning fits too.
    let first = d
        .meaning
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let says_sort = d.cloze.is_some() || reading.text.data().words.articles.contains(&first);
    // Nor for the text's subject, named in many sentences ("heart" in a text on the heart):
    // too easy, and its answer would be printed in the stems of the text's other questions.
    let sentences = &reading.doc.sentences;
    let named_in = (sentences.iter())
        .filter(|s| wrong_terms::names(&s.text, &d.term, reading.text))
        .count();
    let subject = named_in as f64 >= SUBJECT_SHARE * sentences.len() as f64;
    if wrong.len() < want && says_sort && !subject {
        // The noun the text says the term is ("a substance that …", "a material called …").
        let said = match &d.cloze {
            None => Some(d.meaning.as_str()),
            Some(_) => define::named_as(d, reading.text),
        };
        let head = said.and_then(|p| define::said_head(p, reading.text));
        let told = head
            .as_ref()
            .and_then(|h| lexicon::noun(h))
            .map_or(&[][..], |e| &e.kinds[..]);
        // A gap the text says no sort of ("The male part of a flower is the _____."): nouns of
        // the answer's own first WordNet sort in its paragraph.
        let first_sort = |w: &str| {
            let first = |t: &str| kinds(t).and_then(|ks| ks.first().copied());
            first(w).is_some_and(|k| Some(k) == first(&d.term))
        };
        let unsaid = d.cloze.is_some() && head.is_none() && lang == lang::Lang::En;
        let mut nouns = if listed || unsaid {
            // A listed part: nouns of the list's sort in its paragraph (the meaning's head,
            // "a sticky surface", says how it looks, not what it is one of).
            let number = wrong_terms::plural(&d.term, lang);
            (reading.nouns.iter())
                .filter(|(n, at)| {
                    *at == section && if listed { own_sort(n) } else { first_sort(n) }
                })
                .filter(|(n, _)| wrong_terms::plural(n, lang) == number)
                .cloned()
                .collect()
        } else {
            wrong_terms::of_sort(&d.term, told, &reading.nouns, reading.text)
        };
        // Not one a sentence names with the answer: a sort or a part of it ("these
        // hydrocarbons are alkanes"), or its like in a list.
        // Nor one the sentence before the defining one names: its example or its like ("a
        // current through a resistor. Components that obey Ohm's law are called …").
        // (A listed part's sentence before names the whole the list is of, "The female part is
        // the carpel.": no answer to "a sticky surface that receives pollen".)
        if let Some(p) = d
            .sentence
            .and_then(|i| i.checked_sub(1))
            .filter(|_| !listed)
        {
            let before = &reading.doc.sentences[p].text;
            nouns.retain(|(n, _)| !wrong_terms::names(before, n, reading.text));
        }
        nouns.retain(|(n, _)| {
            !(reading.doc.sentences.iter()).any(|s| {
                wrong_terms::names(&s.text, &d.term, reading.text)
                    && wrong_terms::names(&s.text, n, reading.text)
            })
        });
        let stem = format!("{} {before} {after}", d.meaning);
        let more = wrong_terms::terms(
            &d.term,
            &stem,
            &nouns,
            &reading.lowered,
            section,
            &reading.said,
            false,
            reading.text,
            level,
            usize::MAX,
            rng,
        );
        wrong_terms::add_fresh(&mut wrong, more, reading.text);
    }
    // Asked by its meaning ("a long molecule made of many repeating units"), not a term the
    // text names only as one of the class the meaning names ("a single-stranded molecule
    // called messenger RNA"): nothing the text says rules it out.
    if d.cloze.is_none()
        && let Some(head) = define::said_head(&d.meaning, reading.text)
    {
        wrong.retain(|w| !define::only_of_class(&reading.definitions, w, &head, reading.text));
    }
    wrong.truncate(want);
    if wrong_terms::odd_one_out(&d.term, &d.meaning, &wrong, reading.text) {
        trace(|| format!("odd one out: {} among {wrong:?}", d.term));
        return None;
    }
    let quoted = match d.sentence {
        Some(i) => reading.doc.sentences[i].text.clone(),
        None => format!("{}: {}", d.term, d.meaning),
    };
    let shown_before = d
        .cloze
        .as_ref()
        .filter(|_| !d.meaning.is_empty())
        .and(d.sentence)
        .and_then(|i| i.checked_sub(1));
    finish(
        ask,
        say,
        level,
        &d.term,
        wrong,
        question,
        &quoted,
        d.sentence,
        shown_before,
        rng,
    )
}

/// What a glossary line names, as the story's people go.
#[derive(PartialEq)]
enum Cast {
    /// One person: asked "Who is …?".
    Person,
    /// Two people ("Portia and Calpurnia: the wives of …"), or a line under a heading of the
    /// story's people that is no name: asked of no one, offered as no one.
    Other,
    /// A term.
    Thing,
}

/// Whether a glossary line is one person: a name the lexicon, the text or its meaning tells
/// to be a person's, or any capitalised name under a heading of the story's people ("Main
/// characters": "Obierika", which no list knows).
fn cast_of(reading: &Reading, o: &Definition) -> Cast {
    let lang = reading.text;
    let in_cast = list::in_cast(&reading.doc, o.section, lang);
    let (t, meaning) = (o.term.as_str(), o.meaning.as_str());
    let named = list::is_person(t, &reading.people, &reading.characters, lang)
        || list::described_as_person(t, meaning, lang)
        || in_cast && list::capitalised(t);
    match (named, list::joined(t, in_cast, lang)) {
        (true, false) => Cast::Person,
        (true, true) => Cast::Other,
        (false, _) if in_cast => Cast::Other,
        (false, _) => Cast::Thing,
    }
}

/// "Who is a pompous clergyman?": a glossary line of one person, the glossary's other people
/// (of the answer's sex where the meaning tells one) the wrong answers.
fn who_is<R: Rng>(
    reading: &Reading,
    d: &Definition,
    ask: &Ask<'_>,
    say: &Say,
    level: Level,
    rng: &mut R,
) -> Option<Made> {
    let lang = reading.text;
    let glossary = reading.definitions.iter().filter(|o| o.sentence.is_none());
    let people: Vec<String> = (glossary.clone())
        .filter(|o| cast_of(reading, o) == Cast::Person)
        .map(|o| o.term.clone())
        .collect();
    if list::family_named(&d.term, &d.meaning, &people) {
        trace(|| format!("family-named: {} means {:?}", d.term, d.meaning));
        return None;
    }
    // "Dr Livesey" for "a sensible local doctor", "Captain Smollett" for "the captain of
    // the ship": a title of office in the name tells the role the stem describes.
    let titled = (d.term.split_whitespace().next())
        .is_some_and(|t| lang.data().words.role_titles.iter().any(|r| r == t));
    if titled {
        trace(|| format!("role-title: {} means {:?}", d.term, d.meaning));
        return None;
    }
    // Nobody the meaning names by any of their names ("Daisy's friend" is not Daisy,
    // "Caesar's loyal friend" not Julius Caesar).
    let meaning = d.meaning.to_lowercase();
    let people: Vec<String> = (people.into_iter())
        .filter(|p| {
            let named = (p.split_whitespace())
                .filter(|w| w.chars().count() >= 3 && w.starts_with(char::is_uppercase))
                .any(|w| lang::holds(&meaning, &w.to_lowercase()));
            p == &d.term || !named
        })
        .collect();
    // The sex the text tells, else the person's own line ("Okonkwo's father"), else the name.
    let told = |n: &str| {
        (glossary.clone())
            .find(|o| o.term == n)
            .and_then(|o| sex::of_meaning(&o.meaning, lang))
    };
    let sex_of = |n: &str| {
        (reading.sexes.get(n).copied().or_else(|| told(n))).or_else(|| sex::of_name(n, lang))
    };
    let gendered = lang::holds_any(&d.meaning.to_lowercase(), &lang.data().words.gendered);
    let mut wrong = list::who_wrong(&d.term, &people, gendered, sex_of);
    wrong.shuffle(rng);
    wrong.truncate(ask.rules.options - 1);
    let question = say
        .who_is
        .replace("{}", &list::lower_article(d.meaning.trim(), lang));
    let quoted = format!("{}: {}", d.term, d.meaning);
    finish(
        ask, say, level, &d.term, wrong, question, &quoted, None, None, rng,
    )
}
