//! Whose a sentence is when it does not say: Spanish leaves a subject out ("En 1813 dirigió la
//! campaña"), French and German write a pronoun ("En 1822, il publie …", "Er ist 1.233
//! Kilometer lang"). When the sentence before has the text's main person (or, in a text about
//! one thing, the thing its title names) as its subject, by name or again left out, the name
//! is put in ("En 1813, Bolívar dirigió …", "Der Rhein ist 1.233 Kilometer lang"); in a life,
//! a Spanish sentence whose subject cannot be put in is not asked (`filters`).
//!
//! Where the text tells the main person's sex, a chain goes further: a pronoun of that sex (or
//! a subject left out) after sentences all about them, back to their name in this paragraph or
//! the one before, with no one else named between who could be the pronoun ("Jean commence
//! ses études. Mobilisé en 1918, il … . ¶ Il entre … . En 1925, il devient …"; English "he",
//! German "1907 promovierte sie", with the subject after the verb, only so).

use std::collections::BTreeMap;

use super::detect::{Found, Kind};
use super::lang::{Lang, capitalise, lower_first};
use super::read::Doc;
use super::refer::words_at;
use super::sex::Sex;

/// Whose a sentence may be: the main person's (by the last word of the name) or the text's
/// topic (the words of its title, as the text writes them: "The Mekong", "der Rhein"), and the
/// pronouns that stand for them.
#[derive(Clone, Copy)]
struct Who<'a> {
    name: &'a str,
    pronouns: &'a [String],
    /// The topic: a thing, named by a phrase whose article takes the sentence's case.
    thing: bool,
    /// The main person's given names, where a sentence names them by it alone ("Jean
    /// commence ses études" in a life of Jean Moulin): none for a thing.
    given: &'a [String],
    /// The main person's full name, where two of their family are named in full and the
    /// title names them so ("Frida Kahlo" beside "Guillermo Kahlo"): only it (or the given
    /// name alone) names them, and it is what is put in, never the surname alone.
    full: Option<&'a str>,
    /// The given names of the main person's relatives the text names once, in full ("Son
    /// père, Charles de Coubertin, est peintre"): that name is theirs, and the surname alone
    /// stays the main person's.
    kin: &'a [String],
}

/// What the text tells of its people, for a pronoun further from the name than the sentence
/// right before (`chained`): the main person's sex, and who else it names.
pub(super) struct People<'a> {
    /// The main person's sex, where the text tells it (`sex`).
    pub(super) sex: Option<Sex>,
    pub(super) found: &'a [Found],
    /// Each named person's sex, where the text tells it (`sex::sexes`).
    pub(super) sexes: &'a BTreeMap<String, Sex>,
}

/// What stands where a sentence's subject goes, after the phrases that open it.
#[derive(Debug, PartialEq, Eq)]
enum Subject {
    /// Nothing: a finite verb (after its clitics) at the word of this index ("En 1813 dirigió").
    Dropped(usize),
    /// A subject pronoun, the word of this index ("En 1822, il publie").
    Pronoun(usize),
    /// The main person, by name.
    Main,
    /// Someone or something else.
    Other,
}

/// Whether a word is a finite verb of the third person singular, by the language's endings
/// and forms ("dirigió", "regresaba", "fue"); none where the language always writes its
/// subject.
pub(super) fn finite(word: &str, lang: Lang) -> bool {
    let w = &lang.data().words;
    let lower = word.to_lowercase();
    w.finite_verbs.contains(&lower)
        || (lower.chars().count() > 3
            && w.finite_endings.iter().any(|e| lower.ends_with(e.as_str())))
}

/// Whether the words from `i` are a reflexive verb whose subject is left out ("Se casó con
/// Diego Rivera", "Se trasladó a la capital en 1920"), not a passive whose subject follows
/// ("Se publicó en 1928 el Romancero gitano", "se fundó una república"): the reflexive
/// pronoun, a verb, then prepositions and their objects only, up to a comma or the end. An
/// article not right after a preposition opens the passive's subject.
fn reflexive(text: &str, tokens: &[(usize, &str)], i: usize, lang: Lang) -> bool {
    let w = &lang.data().words;
    let lower = |k: usize| tokens[k].1.to_lowercase();
    if i + 2 >= tokens.len()
        || !w.reflexives.contains(&lower(i))
        || !w.reflexive_before.contains(&lower(i + 2))
    {
        return false;
    }
    let mut k = i + 3;
    while k < tokens.len() && !text[tokens[k - 1].0 + tokens[k - 1].1.len()..].starts_with(',') {
        let after_preposition = w.reflexive_before.contains(&lower(k - 1));
        // An article or a possessive ("su") opens a noun phrase; "del", "al" are prepositions
        // too ("la hija del gobernador").
        let opens_noun = (w.articles.contains(&lower(k)) || w.pronouns.contains(&lower(k)))
            && !w.reflexive_before.contains(&lower(k));
        if opens_noun && !after_preposition {
            return false;
        }
        k += 1;
    }
    true
}

/// Where a sentence's subject starts, after the phrases that open it (`subject_of`); none
/// where a phrase runs to the sentence's end.
fn subject_start(text: &str, tokens: &[(usize, &str)], who: Who<'_>, lang: Lang) -> Option<usize> {
    let w = &lang.data().words;
    let lower = |i: usize| tokens[i].1.to_lowercase();
    let comma_after = |i: usize| text[tokens[i].0 + tokens[i].1.len()..].starts_with(',');
    let opener = |i: usize| w.subject_openers.contains(&lower(i));
    // Not an article ("der", "die": German's relatives are its articles too).
    let relative = |i: usize| w.subordinate.contains(&lower(i)) && !w.articles.contains(&lower(i));
    let determiner = |i: usize| {
        let l = lower(i);
        w.articles.contains(&l) || w.pronouns.contains(&l)
    };
    // "Le 26 novembre 1974, …", "El 17 de septiembre de 1925, …": an article before a
    // number opens a date, a phrase like a preposition's.
    let dated = |i: usize| {
        w.articles.contains(&lower(i))
            && (tokens.get(i + 1)).is_some_and(|t| t.1.starts_with(|c: char| c.is_ascii_digit()))
    };
    let mut i = 0;
    for _ in 0..4 {
        if i >= tokens.len() || !(opener(i) || dated(i)) {
            break;
        }
        let comma = (i..tokens.len()).find(|&k| comma_after(k));
        let verb = (i + 1..tokens.len()).find(|&k| finite(tokens[k].1, lang));
        // The subject's pronoun or name before the comma ends the phrase before it ("In 1843
        // he entered the abbey, where …"), where no verb's ending tells (English).
        let subject = (i + 1..tokens.len())
            .find(|&k| who.pronouns.contains(&lower(k)) || (!who.thing && tokens[k].1 == who.name));
        if let Some(c) =
            comma.filter(|c| verb.is_none_or(|v| v > *c) && subject.is_none_or(|v| v > *c))
        {
            i = c + 1;
            // A relative clause of the phrase's noun, set off by commas, belongs to the phrase
            // ("Pendant le Blocus continental, qui prive la France du sucre, il étudie …").
            if i < tokens.len() && relative(i) {
                i = (i..tokens.len())
                    .find(|&k| comma_after(k))
                    .map_or(i, |k| k + 1);
            }
            continue;
        }
        // An adverb right before the verb ("Después fue recibido …"): no object to pass.
        if (tokens.get(i + 1)).is_some_and(|t| finite(t.1, lang) && !determiner(i + 1)) {
            i += 1;
            break;
        }
        // No comma: a preposition, its object (one word or a name of several), and more of
        // them joined by prepositions ("Con ayuda de Haití").
        let mut k = i + 1;
        loop {
            let number = |k: usize| tokens[k].1.starts_with(|c: char| c.is_ascii_digit());
            let from = k;
            while k < tokens.len() && determiner(k) && !number(k) && !comma_after(k) {
                k += 1;
            }
            if k >= tokens.len() {
                return None;
            }
            // "En 1805 juró", "En 1802 se casó", "En 1819 el ejército cruzó": a number is the
            // whole object.
            if number(k) {
                k += 1;
            } else if tokens[k].1.starts_with(char::is_uppercase) {
                while k < tokens.len() && tokens[k].1.starts_with(char::is_uppercase) {
                    k += 1;
                }
            } else {
                k += 1;
                // "In his last years he …", "En su último viaje murió …": after a
                // determiner, a phrase of up to three words, up to the subject or a verb.
                let mut more = 0;
                while k > from + 1
                    && more < 2
                    && k < tokens.len()
                    && tokens[k].1.starts_with(char::is_lowercase)
                    && !comma_after(k - 1)
                    && !who.pronouns.contains(&lower(k))
                    && !opener(k)
                    && !finite(tokens[k].1, lang)
                    && !w.clitics.contains(&lower(k))
                    && !determiner(k)
                {
                    k += 1;
                    more += 1;
                }
            }
            if k < tokens.len() && opener(k) {
                k += 1;
                continue;
            }
            break;
        }
        i = k;
        break;
    }
    // "Passionné de dessin, il publie …", "Révoqué en 1940, il s'installe …": a participle
    // opening the sentence tells of the subject after its comma, which is the sentence's.
    let participle = |word: &str| {
        let lower = word.to_lowercase();
        lower.chars().count() >= 2
            && !lang.is_stop(&lower)
            && !w.subordinate.contains(&lower)
            && w.participle_endings
                .iter()
                .any(|e| lower.ends_with(e.as_str()))
    };
    let comma = (0..tokens.len().min(12)).find(|&k| comma_after(k));
    if i == 0
        && tokens.first().is_some_and(|t| participle(t.1))
        && let Some(c) = comma
    {
        i = c + 1;
    }
    // "Très jeune, elle danse …": a short phrase with no verb, then the pronoun after its
    // comma; not a noun opened by its determiner, which may be the pronoun's own ("Sa sœur,
    // elle, entre au couvent", "Son frère aîné, il reste"; "Fille du directeur, elle" is
    // hers), nor a pronoun set off by commas.
    let determined = |k: usize| {
        let l = lower(k);
        w.articles.contains(&l) || w.possessives.contains(&l) || w.demonstratives.contains(&l)
    };
    let short = comma.filter(|&c| {
        let set_off = (tokens.get(c + 1)).is_some_and(|t| text[t.0 + t.1.len()..].starts_with(','));
        c < 5
            && (tokens.get(c + 1)).is_some_and(|t| who.pronouns.contains(&t.1.to_lowercase()))
            && !set_off
            && !determined(0)
            && !(0..=c).any(|k| finite(tokens[k].1, lang))
    });
    if i == 0
        && let Some(c) = short
    {
        i = c + 1;
    }
    Some(i)
}

/// The subject of a sentence, after the phrases that open it: up to a comma ("En 1805, en el
/// Monte Sacro de Roma, …"), or a preposition and its object ("Con ayuda de Haití regresó").
fn subject_of(text: &str, who: Who<'_>, lang: Lang) -> Subject {
    let w = &lang.data().words;
    let tokens: Vec<(usize, &str)> = words_at(text).collect();
    let Some(i) = subject_start(text, &tokens, who, lang) else {
        return Subject::Other;
    };
    if !who.thing
        && !w.fronted.is_empty()
        && i == 0
        && let Some(subject) = inverted(text, &tokens, who, lang)
    {
        return subject;
    }
    let Some(&(_, first)) = tokens.get(i) else {
        return Subject::Other;
    };
    let verb_at = if w.clitics.contains(&first.to_lowercase()) || reflexive(text, &tokens, i, lang)
    {
        i + 1
    } else {
        i
    };
    // "En 1830 murió Bolívar": a name right after the verb is its subject; a title in quotes
    // ("publicó «El voto femenino y yo»") or a thing's name with its article ("construyó El
    // Ajedrecista") is its object.
    let named_after = tokens.get(verb_at + 1).is_some_and(|t| {
        let quoted = text[..t.0].trim_end().ends_with(['«', '"', '“', '\'']);
        // "murió El Greco": a person's name may have one too.
        let articled = w.articles.contains(&t.1.to_lowercase())
            && tokens.get(verb_at + 2).is_some_and(|n| {
                n.1.starts_with(char::is_uppercase)
                    && n.1 != who.name
                    && !super::lexicon::may_be_given_name(n.1, lang)
            });
        // "presentó Noches en los jardines de España": after a verb that takes a thing, a
        // name is that thing, unless it may be someone's ("publicó Cervantes …").
        let object = (tokens.get(verb_at))
            .is_some_and(|v| w.object_verbs.contains(&v.1.to_lowercase()))
            && t.1 != who.name
            && !super::lexicon::may_be_given_name(t.1, lang);
        t.1.starts_with(char::is_uppercase) && !quoted && !articled && !object
    });
    if tokens.get(verb_at).is_some_and(|t| finite(t.1, lang)) {
        return if named_after {
            Subject::Other
        } else {
            Subject::Dropped(i)
        };
    }
    // "Il y a", "Es gibt", "It is thought that": the pronoun stands for no one.
    let impersonal =
        (tokens.iter().skip(i + 1).take(3)).any(|t| w.impersonal.contains(&t.1.to_lowercase()));
    // "Sie studierten": they.
    let plural = tokens.get(i + 1).is_some_and(|t| plural_verb(t.1, lang));
    if who.pronouns.contains(&first.to_lowercase()) {
        return if impersonal || plural {
            Subject::Other
        } else {
            Subject::Pronoun(i)
        };
    }
    if who.thing {
        // "The Mekong is …", "La Loire est …": the topic's words open the subject.
        let rest = text[tokens[i].0..].to_lowercase();
        let after = text[tokens[i].0..].get(who.name.len()..).unwrap_or("");
        let named = rest
            .strip_prefix(&who.name.to_lowercase())
            .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
            && !after.trim_start().starts_with(char::is_uppercase);
        return if named { Subject::Main } else { Subject::Other };
    }
    // A name of several words whose last is the main person's ("Simón Bolívar").
    let name = tokens[i..]
        .iter()
        .take_while(|t| t.1.starts_with(char::is_uppercase))
        .last();
    // "Jean commence ses études": the main person's given name alone.
    let alone = tokens
        .get(i + 1)
        .is_none_or(|t| !t.1.starts_with(char::is_uppercase));
    let by_given = alone && who.given.iter().any(|g| g == first);
    if let Some(full) = who.full {
        // "Frida Kahlo", "Magdalena Carmen Frida Kahlo Calderón": the full name, within a
        // name of several words; "Kahlo" alone may be her father.
        let run: Vec<&str> = (tokens[i..].iter())
            .take_while(|t| t.1.starts_with(char::is_uppercase))
            .map(|t| t.1)
            .collect();
        let full: Vec<&str> = full.split_whitespace().collect();
        let named = run.windows(full.len()).any(|w| w == full.as_slice());
        return if named || by_given {
            Subject::Main
        } else {
            Subject::Other
        };
    }
    // "Charles de Coubertin, son père": a relative named once, in full.
    let kin = who.kin.iter().any(|k| k == first);
    if !kin && (first == who.name || name.is_some_and(|t| t.1 == who.name) || by_given) {
        return Subject::Main;
    }
    Subject::Other
}

/// Whether a verb is plural by its ending ("prägten"), where the language tells.
fn plural_verb(word: &str, lang: Lang) -> bool {
    let lower = word.to_lowercase();
    (lang.data().words.plural_endings.iter()).any(|e| lower.ends_with(e.as_str()))
}

/// The subject after the verb, where the language puts it there after another opening
/// (German): "1907 promovierte sie bei …", "Am 22. Dezember 1895 machte er …", "Nachdem …,
/// schrieb sie sich …", "1895 entdeckte Röntgen …". The opening is a clause up to a comma
/// that a subordinating word opens, or names, numbers, months and the small words of
/// `fronted` only (a noun of its own may be the subject, "Luther heiratete sie"); the verb
/// is singular, and no article follows "sie" (then it is the object: "lobte sie der Lehrer").
fn inverted(text: &str, tokens: &[(usize, &str)], who: Who<'_>, lang: Lang) -> Option<Subject> {
    let w = &lang.data().words;
    let lower = |i: usize| tokens[i].1.to_lowercase();
    let found = (1..tokens.len()).find(|&i| {
        who.pronouns.contains(&lower(i))
            || (who.full.is_none() && tokens[i].1 == who.name)
            || who.given.contains(&tokens[i].1.to_owned())
    })?;
    let verb_at = found.checked_sub(1).filter(|i| *i > 0)?;
    let (at, verb) = tokens[verb_at];
    let joined = text[at + verb.len()..tokens[found].0] == *" ";
    if !joined || !verb.starts_with(char::is_lowercase) || plural_verb(verb, lang) {
        return None;
    }
    let clause = text[..at].trim_end().ends_with(',') && w.subordinate.contains(&lower(0));
    let small = (0..verb_at).all(|i| {
        let word = tokens[i].1;
        w.fronted.contains(&lower(i))
            || w.months.contains(&lower(i))
            || word.starts_with(|c: char| c.is_ascii_digit())
            || (i > 0 && word.starts_with(char::is_uppercase))
    }) && !text[..at].contains(',');
    if !clause && !small {
        return None;
    }
    let article = tokens
        .get(found + 1)
        .is_some_and(|t| w.articles.contains(&t.1.to_lowercase()))
        && w.female_subject_pronouns.contains(&lower(found));
    if who.pronouns.contains(&lower(found)) {
        (!article).then_some(Subject::Pronoun(found))
    } else {
        // The main person's name after the verb ("1895 entdeckte Röntgen …").
        Some(Subject::Main)
    }
}

/// Whether a sentence leaves its subject out ("En 1813 dirigió la campaña"), in a language
/// that may (Spanish): in a life, it is asked only with the main person's name put in.
pub(super) fn drops_subject(text: &str, lang: Lang) -> bool {
    !lang.data().words.finite_endings.is_empty()
        && matches!(
            subject_of(
                text,
                Who {
                    name: "",
                    pronouns: &[],
                    thing: false,
                    given: &[],
                    full: None,
                    kin: &[],
                },
                lang
            ),
            Subject::Dropped(_)
        )
}

/// Whether the sentences before this one, in its paragraph, have the main person (or the
/// topic) as their subject, by name, or left out or a pronoun again, back to the name (up to
/// four sentences back).
fn named_before(doc: &Doc, who: Who<'_>, sentence: usize, lang: Lang) -> bool {
    let s = &doc.sentences[sentence];
    let joins = &lang.data().words.clause_joins;
    let mut back = sentence;
    for _ in 0..4 {
        let Some(prev) = back.checked_sub(1) else {
            return false;
        };
        if doc.sentences[prev].paragraph != s.paragraph {
            return false;
        }
        let text = &doc.sentences[prev].text;
        // A thing's pronoun may be the other clause's subject's ("…, and the flood brings
        // silt. It …"): the sentences back to the name tell one event each.
        if who.thing && joins.iter().any(|j| text.contains(j.as_str())) {
            return false;
        }
        match subject_of(text, who, lang) {
            Subject::Main => return true,
            Subject::Dropped(_) | Subject::Pronoun(_) => back = prev,
            Subject::Other => return false,
        }
    }
    false
}

/// The other people a text names, by sentence and byte, and whether each may be of the main
/// person's sex.
type Others<'a> = &'a [(usize, usize, bool)];

/// Whether a person's pronoun (or subject left out) at byte `upto` of its sentence ends a chain
/// back to the main person's name: the sentences back to it (up to eight, in this section,
/// the name in this paragraph or the one before) all have the main person as subject, and no
/// one else who could be the pronoun is named from the name's sentence to it ("Jean commence
/// ses études. Mobilisé en 1918, il … . Il entre … . En 1925, il devient …"). `others` are the
/// other people named, by sentence and byte, and whether they may be of the main person's sex:
/// a subject left out tells no sex, so after one anyone else named breaks the chain.
fn chained(
    doc: &Doc,
    who: Who<'_>,
    (sentence, upto, dropped): (usize, usize, bool),
    (others, sex): (Others<'_>, Sex),
    lang: Lang,
) -> bool {
    let s = &doc.sentences[sentence];
    let mut prev = sentence;
    let mut dropped = dropped;
    for _ in 0..8 {
        let Some(p) = prev.checked_sub(1) else {
            return false;
        };
        prev = p;
        let t = &doc.sentences[p];
        // Back over a heading only to the paragraph right before it ("… il part pour Paris.
        // ¶ Prisonnier en Prusse ¶ En 1757, il entre …"): a life's chapters go on with it; not
        // over one that names someone ("Claude Bernard": the chapter is theirs).
        let over_heading = t.section + 1 == s.section
            && (doc.headings.get(s.section.wrapping_sub(1)))
                .is_some_and(|h| !names_someone(h, lang));
        if (t.section != s.section && !over_heading) || t.paragraph + 1 < s.paragraph {
            return false;
        }
        match subject_of(&t.text, who, lang) {
            Subject::Main => {
                return !others.iter().any(|&(i, at, same)| {
                    (same || dropped) && i >= p && (i < sentence || (i == sentence && at < upto))
                });
            }
            Subject::Dropped(_) => dropped = true,
            Subject::Pronoun(_) => {}
            Subject::Other if !dropped && other_gender(&t.text, who, sex, lang) => {}
            Subject::Other => return false,
        }
    }
    false
}

/// Whether a sentence whose subject is someone or something else leaves a chain of the main
/// person's pronoun whole: its subject opens with an article whose thing's pronoun is not
/// theirs, and every article in it is of the other gender or plural ("La novela tuvo mucho
/// éxito", "Die Idee erwies sich als falsch, doch das Buch machte ihn bekannt" before "er";
/// not "Le livre connaît …" before "il", which may be the book, nor "La ville plaît au jeune
/// homme", nor "… l'armée", nor "son premier roman"). Not English, whose things are "it" and
/// whose articles tell nothing; not for a subject left out, which tells no gender ("La novela
/// tuvo éxito. En 1612 fue traducida …").
fn other_gender(text: &str, who: Who<'_>, sex: Sex, lang: Lang) -> bool {
    let w = &lang.data().words;
    if lang == Lang::En {
        return false;
    }
    let own = |p: &String| match sex {
        Sex::Male => w.male_pronouns.contains(p),
        Sex::Female => w.female_pronouns.contains(p) || w.female_subject_pronouns.contains(p),
    };
    let tokens: Vec<(usize, &str)> = words_at(text).collect();
    let pronoun_of = |t: &(usize, &str)| w.thing_pronoun_of.get(&t.1.to_lowercase());
    // An article of a thing that is not "il": of the other gender or plural; a possessive or
    // a demonstrative may be of either ("son premier roman", "seinen Roman", "ce livre").
    let other = |t: &(usize, &str)| {
        let lower = t.1.to_lowercase();
        let either = w.possessives.contains(&lower) || w.demonstratives.contains(&lower);
        !either
            && (!w.articles.contains(&lower)
                || w.plural_articles.contains(&lower)
                || pronoun_of(t).is_some_and(|p| !own(p)))
    };
    let subject = subject_start(text, &tokens, who, lang).and_then(|i| tokens.get(i));
    subject.and_then(pronoun_of).is_some_and(|p| !own(p)) && tokens.iter().all(other)
}

/// Whether a heading names someone: a word of it may be a given name, or is a person WordNet
/// knows.
fn names_someone(heading: &str, lang: Lang) -> bool {
    words_at(heading).any(|(_, w)| {
        // Not a place that is a given name too ("Retour en France", "Years in Paris").
        w.starts_with(char::is_uppercase)
            && super::lexicon::place(w, lang).is_none()
            && (super::lexicon::may_be_given_name(w, lang)
                || super::lexicon::entry(w).is_some_and(|e| e.kinds.contains(&"person")))
    })
}

/// A sentence's subject left out or a subject pronoun, with the main person's name put in
/// ("En 1805, Bolívar juró …", "Bolívar dirigió …", "En 1822, Hugo publie …"), when the
/// sentence before, in its paragraph, has the main person as its subject (by name, or left out
/// or a pronoun again, back to the name), or the chain back to the name is one no one else
/// could break (`chained`, given `others`; that alone when `chain_only`): the byte span
/// replaced and what replaces it.
fn supplied(
    doc: &Doc,
    who: Who<'_>,
    (sentence, chain_only): (usize, bool),
    lang: Lang,
    others: Option<(Others<'_>, Sex)>,
) -> Option<(usize, usize, String)> {
    let s = &doc.sentences[sentence];
    let tokens: Vec<(usize, &str)> = words_at(&s.text).collect();
    let subject = subject_of(&s.text, who, lang);
    let (upto, dropped) = match subject {
        Subject::Pronoun(i) => (tokens[i].0, false),
        Subject::Dropped(i) => (tokens[i].0, true),
        Subject::Main | Subject::Other => return None,
    };
    let chain = others.is_some_and(|o| chained(doc, who, (sentence, upto, dropped), o, lang));
    if !chain && (chain_only || !named_before(doc, who, sentence, lang)) {
        return None;
    }
    // A thing's name opening the sentence takes a capital ("The Mekong"), and inside it its
    // article a small letter ("En 1900, la Loire …").
    let article = |n: &str| {
        let first = n.split_whitespace().next().unwrap_or("").to_lowercase();
        lang.data().words.articles.contains(&first)
    };
    let main = |at: usize| match (who.thing, at) {
        (true, 0) => capitalise(who.name),
        (true, _) if article(who.name) => lower_first(who.name),
        _ => who.full.unwrap_or(who.name).to_owned(),
    };
    match subject {
        Subject::Pronoun(i) => Some((tokens[i].0, tokens[i].1.len(), main(i))),
        Subject::Dropped(0) => {
            // "Dirigió …" → "Bolívar dirigió …"
            let (at, word) = tokens[0];
            let lowered = lower_first(word);
            Some((at, word.len(), format!("{} {lowered}", main(0))))
        }
        Subject::Dropped(i) => {
            let main = main(i);
            let (prev_at, prev) = tokens[i - 1];
            let end = prev_at + prev.len();
            if s.text[end..].starts_with(',') {
                Some((tokens[i].0, 0, format!("{main} ")))
            } else {
                // "En 1805 juró" → "En 1805, Bolívar juró"
                Some((end, 0, format!(", {main}")))
            }
        }
        Subject::Main | Subject::Other => None,
    }
}

/// The sentence around a gap with the main person's name (or the topic's) put in for its
/// subject left out or its subject pronoun (`supplied`): the new `before` and `after`.
/// A subject pronoun stands for the main person only when it is of their sex, where the text
/// tells it ("Elle" after a sentence about Dreyfus is the Affair, not him).
pub(super) fn supply_subject(
    doc: &Doc,
    main: Option<&str>,
    people: &People<'_>,
    at: &Found,
    lang: Lang,
) -> Option<(String, String)> {
    let w = &lang.data().words;
    let sex = people.sex;
    let of_sex: Vec<String> = (w.subject_pronouns.iter())
        .filter(|p| match sex {
            None => !w.female_subject_pronouns.contains(p),
            Some(Sex::Male) => w.male_pronouns.contains(p),
            Some(Sex::Female) => {
                w.female_pronouns.contains(p) || w.female_subject_pronouns.contains(p)
            }
        })
        .cloned()
        .collect();
    // A pronoun `refer` puts a name in for by its own rule ("he": `stand_ins`) is put in here
    // only by a chain, where the text tells the main person's sex.
    let by_refer = |p: &String| w.stand_ins.contains_key(p);
    let of_sex: Vec<String> = (of_sex.into_iter())
        .filter(|p| sex.is_some() || !by_refer(p))
        .collect();
    let chain_only = of_sex.iter().any(by_refer);
    // Two of one family named in full: no name is put in, unless the title names the main
    // person in full, and the text too ("Frida Kahlo" beside "Guillermo Kahlo"): then that
    // full name, or their given name where no one else's name opens with it.
    let (given, family, kin) = main.map_or((Vec::new(), false, Vec::new()), |m| {
        given_names(doc, people.found, m, lang)
    });
    let full = main
        .filter(|_| family)
        .and_then(|m| super::refer::titled_in_full(doc, m));
    let given = match full.as_deref() {
        Some(full) => own_given(doc, people.found, full, lang),
        None => given,
    };
    // Or a surname of two words the text names them by ("Torres Quevedo"), keeping their
    // given names.
    let full = full.or_else(|| main.and_then(|m| super::refer::compound_surname(doc, m)));
    let person = main.filter(|_| !family || full.is_some()).map(|name| Who {
        name,
        pronouns: &of_sex,
        thing: false,
        given: &given,
        full: full.as_deref(),
        kin: &kin,
    });
    // Where the text tells the main person's sex, a chain of their pronouns goes back further
    // than the sentence before, past no one else who could be the pronoun.
    let others: Option<Vec<(usize, usize, bool)>> = (main.filter(|_| sex.is_some())).map(|m| {
        (people.found.iter())
            .filter(|f| f.kind == Kind::Person)
            .filter_map(|f| {
                let name = &doc.sentences[f.sentence].text[f.start..f.end];
                let words: Vec<&str> = name.split_whitespace().collect();
                let theirs = match full.as_deref() {
                    Some(full) => {
                        let full: Vec<&str> = full.split_whitespace().collect();
                        words.windows(full.len()).any(|w| w == full.as_slice())
                    }
                    None => words.last() == Some(&m) && !kin.iter().any(|k| words[0] == k),
                } || given.iter().any(|g| g == name);
                let other_sex = people.sexes.get(name).is_some_and(|s| Some(*s) != sex);
                (!theirs).then_some((f.sentence, f.start, !other_sex))
            })
            .chain(unlisted(doc, m, &given, sex, lang))
            .collect()
    });
    let topic = topic(doc, lang);
    // The pronoun agrees with the topic's article ("der Rhein": "er"; "la Loire": "elle").
    let agreeing: Vec<String> = topic.as_deref().map_or(Vec::new(), |name| {
        let article = name.split_whitespace().next().unwrap_or("").to_lowercase();
        match w.thing_pronoun_of.get(&article) {
            Some(p) => vec![p.clone()],
            None => w.thing_pronouns.clone(),
        }
    });
    let thing = topic.as_deref().map(|name| Who {
        name,
        pronouns: &agreeing,
        thing: true,
        given: &[],
        full: None,
        kin: &[],
    });
    let (pos, cut, put) = (person.map(|who| (who, others.as_deref().zip(sex), chain_only)))
        .into_iter()
        .chain(thing.map(|who| (who, None, false)))
        .find_map(|(who, others, chain_only)| {
            supplied(doc, who, (at.sentence, chain_only), lang, others)
        })?;
    let text = &doc.sentences[at.sentence].text;
    if pos + cut <= at.start {
        let before = format!("{}{put}{}", &text[..pos], &text[pos + cut..at.start]);
        Some((before, text[at.end..].to_owned()))
    } else if pos >= at.end {
        let after = format!("{}{put}{}", &text[at.end..pos], &text[pos + cut..]);
        Some((text[..at.start].to_owned(), after))
    } else {
        None
    }
}

/// The sex the main person's pronouns tell (`refer::main_forms`: most of the text's person
/// pronouns are of one sex), for a life whose names do not tell it.
pub(super) fn sex_of(forms: &[String], lang: Lang) -> Option<Sex> {
    let w = &lang.data().words;
    let first = forms.first()?;
    if w.male_pronouns.contains(first) {
        Some(Sex::Male)
    } else if w.female_pronouns.contains(first) {
        Some(Sex::Female)
    } else {
        None
    }
}

/// Full names no lexicon lists as a person's but that open with a given name ("George
/// Hartley" where "hartley" is a word, or a surname no list knows), not a place's: someone
/// else a chain must not pass, by sentence and byte, and whether they may be of the main
/// person's sex (by the given name's usual sex).
fn unlisted<'a>(
    doc: &'a Doc,
    main: &'a str,
    given: &'a [String],
    sex: Option<Sex>,
    lang: Lang,
) -> impl Iterator<Item = (usize, usize, bool)> + 'a {
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    doc.sentences.iter().enumerate().flat_map(move |(i, s)| {
        let words: Vec<(usize, &str)> = words_at(&s.text).collect();
        (words.windows(2))
            .filter(|p| {
                let ((at, first), (_, last)) = (p[0], p[1]);
                let joined = s.text[at + first.len()..].starts_with(' ');
                joined
                    && capital(first)
                    && capital(last)
                    && last != main
                    && !given.iter().any(|g| g == first)
                    && !lang.is_stop(&first.to_lowercase())
                    && super::lexicon::may_be_given_name(first, lang)
                    && super::lexicon::place(first, lang).is_none()
            })
            .map(|p| {
                let other = super::sex::usual_sex(p[0].1, lang).is_some_and(|s| Some(s) != sex);
                (i, p[0].0, !other)
            })
            .collect::<Vec<_>>()
    })
}

/// The main person's given name, by which the text may name them alone ("Jean" of the title
/// "Jean Moulin (1899–1943)"), whether two of their family are named in full ("Max
/// Noether", "Emmy Noether"; "Rodrigo de Cervantes" in a life of Miguel de Cervantes): then
/// their surname alone, and their pronoun, may be either; and the relatives that are not so
/// because the text names them once only, in a life whose title gives the main person's given
/// name ("Son père, Charles de Coubertin, est peintre" in a life of Pierre de Coubertin): the
/// surname alone is the main person's, that full name the relative's.
fn given_names(
    doc: &Doc,
    found: &[Found],
    main: &str,
    lang: Lang,
) -> (Vec<String>, bool, Vec<String>) {
    let first = |n: &str| n.split_whitespace().next().unwrap_or("").to_owned();
    let names: Vec<&str> = (found.iter())
        .filter(|f| f.kind == Kind::Person)
        .map(|f| &doc.sentences[f.sentence].text[f.start..f.end])
        .filter(|n| n.contains(' '))
        .collect();
    let mut firsts: Vec<String> = (names.iter())
        .filter(|n| n.split_whitespace().last() == Some(main))
        .map(|n| first(n))
        .collect();
    firsts.sort_unstable();
    firsts.dedup();
    let title = (doc.title.as_deref())
        .and_then(|t| t.split([',', ':', '—', '(']).next())
        .map(|t| t.split_whitespace().collect::<Vec<_>>())
        .unwrap_or_default();
    let given = (title.len() >= 2 && title[1..].contains(&main))
        .then(|| title[0].to_owned())
        .filter(|g| super::lexicon::may_be_given_name(g, lang));
    let once = |name: &str| {
        (doc.sentences.iter())
            .filter(|s| words_at(&s.text).any(|(_, w)| w == name))
            .count()
            == 1
    };
    let (kin, firsts): (Vec<String>, Vec<String>) =
        (firsts.into_iter()).partition(|f| given.as_ref().is_some_and(|g| f != g) && once(f));
    let family = firsts.len() > 1
        || given
            .as_ref()
            .is_some_and(|g| firsts.iter().any(|f| f != g));
    // Not a given name of someone else's too ("Jean" of "Jean Jaurès").
    let given = given.filter(|g| {
        !family
            && !(names.iter()).any(|n| first(n) == *g && !n.split_whitespace().any(|w| w == main))
    });
    (given.into_iter().collect(), family, kin)
}

/// The first word of the main person's full name as their given name ("Frida" of "Frida
/// Kahlo"), where it may be one and no one else's name opens with it.
fn own_given(doc: &Doc, found: &[Found], full: &str, lang: Lang) -> Vec<String> {
    let first = full.split_whitespace().next().unwrap_or("");
    let others = (found.iter())
        .filter(|f| f.kind == Kind::Person)
        .map(|f| &doc.sentences[f.sentence].text[f.start..f.end])
        .filter(|n| n.contains(' ') && !n.contains(full))
        .any(|n| n.split_whitespace().next() == Some(first));
    (super::lexicon::may_be_given_name(first, lang) && !others)
        .then(|| first.to_owned())
        .into_iter()
        .collect()
}

/// The thing a text is about, by its title's words (before any comma or colon) as the text
/// writes them: the longest start of the title, with a capitalised word after its article,
/// that two sentences or more hold, not followed by another capitalised word ("The Mekong
/// River" → "The Mekong"; not "Die Weimarer" of "die Weimarer Verfassung").
fn topic(doc: &Doc, lang: Lang) -> Option<String> {
    let title = doc.title.as_deref()?.split([',', ':', '—', '(']).next()?;
    let words: Vec<&str> = title.split_whitespace().collect();
    let articles = &lang.data().words.articles;
    (1..=words.len().min(5)).rev().find_map(|n| {
        let named = words[..n]
            .iter()
            .any(|w| w.starts_with(char::is_uppercase) && !articles.contains(&w.to_lowercase()));
        let phrase = words[..n].join(" ").to_lowercase();
        let mut seen = doc.sentences.iter().filter_map(|s| {
            let lower = s.text.to_lowercase();
            let at = lower.find(&phrase)?;
            // Not the start of a longer name ("die Weimarer Verfassung" for "Die Weimarer").
            let next = s.text.get(at + phrase.len()..).unwrap_or("").trim_start();
            let ends = !lower[at + phrase.len()..].starts_with(char::is_alphanumeric)
                && !next.starts_with(char::is_uppercase);
            let starts = !lower[..at].ends_with(char::is_alphanumeric);
            // As written: the lower case of these letters is as long (a letter that grows and
            // one that shrinks may leave the lengths equal but the offsets not the text's).
            (ends && starts && super::lang::same_offsets(&s.text))
                .then(|| s.text.get(at..at + phrase.len()).map(str::to_owned))
                .flatten()
        });
        let first = seen.next()?;
        (named && seen.next().is_some()).then_some(first)
    })
}

#[cfg(test)]
#[path = "subject_tests.rs"]
mod tests;
