//! Whose a sentence is when it does not say: Spanish leaves a subject out ("En 1813 dirigió la
//! campaña"), French and German write a pronoun ("En 1822, il publie …", "Er ist 1.233
//! Kilometer lang"). When the sentence before has the text's main person (or, in a text about
//! one thing, the thing its title names) as its subject, by name or again left out, the name
//! is put in ("En 1813, Bolívar dirigió …", "Der Rhein ist 1.233 Kilometer lang"); in a life,
//! a Spanish sentence whose subject cannot be put in is not asked (`filters`).

use super::detect::Found;
use super::lang::Lang;
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
fn finite(word: &str, lang: Lang) -> bool {
    let w = &lang.data().words;
    let lower = word.to_lowercase();
    w.finite_verbs.contains(&lower)
        || (lower.chars().count() > 3
            && w.finite_endings.iter().any(|e| lower.ends_with(e.as_str())))
}

/// The subject of a sentence, after the phrases that open it: up to a comma ("En 1805, en el
/// Monte Sacro de Roma, …"), or a preposition and its object ("Con ayuda de Haití regresó").
fn subject_of(text: &str, who: Who<'_>, lang: Lang) -> Subject {
    let w = &lang.data().words;
    let tokens: Vec<(usize, &str)> = words_at(text).collect();
    let lower = |i: usize| tokens[i].1.to_lowercase();
    let comma_after = |i: usize| text[tokens[i].0 + tokens[i].1.len()..].starts_with(',');
    let opener = |i: usize| w.subject_openers.contains(&lower(i));
    let determiner = |i: usize| {
        let l = lower(i);
        w.articles.contains(&l) || w.pronouns.contains(&l)
    };
    let mut i = 0;
    for _ in 0..4 {
        if i >= tokens.len() || !opener(i) {
            break;
        }
        let comma = (i..tokens.len()).find(|&k| comma_after(k));
        let verb = (i + 1..tokens.len()).find(|&k| finite(tokens[k].1, lang));
        if let Some(c) = comma.filter(|c| verb.is_none_or(|v| v > *c)) {
            i = c + 1;
            continue;
        }
        // No comma: a preposition, its object (one word or a name of several), and more of
        // them joined by prepositions ("Con ayuda de Haití").
        let mut k = i + 1;
        loop {
            let number = |k: usize| tokens[k].1.starts_with(|c: char| c.is_ascii_digit());
            while k < tokens.len() && determiner(k) && !number(k) && !comma_after(k) {
                k += 1;
            }
            if k >= tokens.len() {
                return Subject::Other;
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
    let Some(&(_, first)) = tokens.get(i) else {
        return Subject::Other;
    };
    let verb_at = if w.clitics.contains(&first.to_lowercase()) {
        i + 1
    } else {
        i
    };
    // "En 1830 murió Bolívar": a name right after the verb is its subject; a title in quotes
    // ("publicó «El voto femenino y yo»") is its object.
    let named_after = tokens.get(verb_at + 1).is_some_and(|t| {
        let quoted = text[..t.0].trim_end().ends_with(['«', '"', '“', '\'']);
        t.1.starts_with(char::is_uppercase) && !quoted
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
    if who.pronouns.contains(&first.to_lowercase()) {
        return if impersonal {
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
    if first == who.name || name.is_some_and(|t| t.1 == who.name) {
        return Subject::Main;
    }
    Subject::Other
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
                    thing: false
                },
                lang
            ),
            Subject::Dropped(_)
        )
}

/// A sentence's subject left out or a subject pronoun, with the main person's name put in
/// ("En 1805, Bolívar juró …", "Bolívar dirigió …", "En 1822, Hugo publie …"), when the
/// sentence before, in its paragraph, has the main person as its subject (by name, or left out
/// or a pronoun again, back to the name): the byte span replaced and what replaces it.
fn supplied(
    doc: &Doc,
    who: Who<'_>,
    sentence: usize,
    lang: Lang,
) -> Option<(usize, usize, String)> {
    let s = &doc.sentences[sentence];
    let tokens: Vec<(usize, &str)> = words_at(&s.text).collect();
    let subject = subject_of(&s.text, who, lang);
    let joins = &lang.data().words.clause_joins;
    // The sentence before goes on with the main person as subject.
    let mut back = sentence;
    let mut named = false;
    for _ in 0..4 {
        let prev = back.checked_sub(1)?;
        if doc.sentences[prev].paragraph != s.paragraph {
            return None;
        }
        let text = &doc.sentences[prev].text;
        // A thing's pronoun may be the other clause's subject's ("…, and the flood brings
        // silt. It …"): the sentences back to the name tell one event each.
        if who.thing && joins.iter().any(|j| text.contains(j.as_str())) {
            return None;
        }
        match subject_of(text, who, lang) {
            Subject::Main => {
                named = true;
                break;
            }
            Subject::Dropped(_) | Subject::Pronoun(_) => back = prev,
            Subject::Other => return None,
        }
    }
    if !named {
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
        _ => who.name.to_owned(),
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

fn capitalise(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

fn lower_first(word: &str) -> String {
    let mut c = word.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// The sentence around a gap with the main person's name (or the topic's) put in for its
/// subject left out or its subject pronoun (`supplied`): the new `before` and `after`.
/// A subject pronoun stands for the main person only when it is of their sex, where the text
/// tells it ("Elle" after a sentence about Dreyfus is the Affair, not him).
pub(super) fn supply_subject(
    doc: &Doc,
    main: Option<&str>,
    sex: Option<Sex>,
    at: &Found,
    lang: Lang,
) -> Option<(String, String)> {
    let w = &lang.data().words;
    let of_sex: Vec<String> = (w.subject_pronouns.iter())
        .filter(|p| match sex {
            None => true,
            Some(Sex::Male) => w.male_pronouns.contains(p),
            Some(Sex::Female) => w.female_pronouns.contains(p),
        })
        .cloned()
        .collect();
    let person = main.map(|name| Who {
        name,
        pronouns: &of_sex,
        thing: false,
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
    });
    let (pos, cut, put) = [person, thing]
        .into_iter()
        .flatten()
        .find_map(|who| supplied(doc, who, at.sentence, lang))?;
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
            // As written: the lower case of these letters is as long.
            (ends && starts && s.text.len() == lower.len())
                .then(|| s.text[at..at + phrase.len()].to_owned())
        });
        let first = seen.next()?;
        (named && seen.next().is_some()).then_some(first)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offline::{detect, read, refer::main_person};

    #[test]
    fn a_subject_left_out_is_found_after_the_phrases_that_open_a_sentence() {
        let pronouns = &Lang::Es.data().words.subject_pronouns;
        let es = |t: &str| {
            let who = Who {
                name: "Bolívar",
                pronouns,
                thing: false,
            };
            subject_of(t, who, Lang::Es)
        };
        assert_eq!(
            es("Dirigió la campaña del oeste en 1813."),
            Subject::Dropped(0)
        );
        assert_eq!(es("En 1805 juró ante su maestro."), Subject::Dropped(2));
        assert_eq!(
            es("En 1805, en el Monte Sacro de Roma, juró ante su maestro."),
            Subject::Dropped(8)
        );
        assert_eq!(
            es("Con ayuda de Haití regresó al continente."),
            Subject::Dropped(4)
        );
        assert_eq!(es("En 1802 lo nombró presidente."), Subject::Dropped(2));
        // "se" with a verb is as often a passive, its subject after the verb; a name there is
        // the subject.
        assert_eq!(es("En 1825 se fundó una nueva república."), Subject::Other);
        assert_eq!(es("En 1830 murió Bolívar en Santa Marta."), Subject::Other);
        // A title in quotes after the verb is no subject.
        assert!(matches!(
            es("En 1936 publicó «El voto femenino y yo», un libro."),
            Subject::Dropped(_)
        ));
        assert_eq!(
            es("Tras nuevas derrotas, Bolívar se refugió en Jamaica."),
            Subject::Main
        );
        assert_eq!(es("Simón Bolívar nació en Caracas."), Subject::Main);
        assert_eq!(es("En 1819 el ejército cruzó los Andes."), Subject::Other);
        assert_eq!(es("En 1810 Miranda regresó a Caracas."), Subject::Other);
        assert!(drops_subject(
            "En 1813 dirigió la campaña del oeste.",
            Lang::Es
        ));
        assert!(!drops_subject(
            "La energía del sol llegaba a la tierra.",
            Lang::Es
        ));
        let pronouns = &Lang::Fr.data().words.subject_pronouns;
        let fr = |t: &str| {
            let who = Who {
                name: "Hugo",
                pronouns,
                thing: false,
            };
            subject_of(t, who, Lang::Fr)
        };
        assert_eq!(
            fr("En 1822, il publie son premier recueil."),
            Subject::Pronoun(2)
        );
        assert_eq!(fr("Il meurt à Paris le 22 mai 1885."), Subject::Pronoun(0));
        assert_eq!(fr("Il y a dans ce livre trois parties."), Subject::Other);
        // French always writes its subject: no verb is taken for one left out.
        assert!(!drops_subject(
            "En 1822 publie son premier recueil.",
            Lang::Fr
        ));
    }

    #[test]
    fn a_subject_left_out_gets_the_main_persons_name_after_a_sentence_about_them() {
        let t = "Simón Bolívar nació en Caracas en 1783. Bolívar estudió en Madrid con su tío. \
            Bolívar escribió una carta famosa a sus amigos. En 1805 juró ante su maestro liberar \
            su patria. Dirigió la campaña del oeste en 1813.\n\n\
            El general Miranda fue capturado por los españoles. Dirigió la defensa de la ciudad en 1812.";
        let doc = read::read(t, Lang::Es);
        let found = detect::candidates(&doc, Lang::Es);
        let main = main_person(&doc, &found, Lang::Es);
        assert_eq!(main.as_deref(), Some("Bolívar"));
        let year = |y: &str| {
            let at = found
                .iter()
                .find(|f| &doc.sentences[f.sentence].text[f.start..f.end] == y)
                .unwrap();
            supply_subject(&doc, main.as_deref(), None, at, Lang::Es)
                .map(|(b, a)| format!("{b}_{a}"))
        };
        assert_eq!(
            year("1805").as_deref(),
            Some("En _, Bolívar juró ante su maestro liberar su patria.")
        );
        // A chain of sentences with the subject left out goes back to the name.
        assert_eq!(
            year("1813").as_deref(),
            Some("Bolívar dirigió la campaña del oeste en _.")
        );
        // After a sentence about someone else: left (and struck by the filters).
        assert_eq!(year("1812"), None);
    }

    #[test]
    fn a_pronoun_of_the_other_sex_is_not_the_main_persons() {
        let t = "Alfred Dreyfus\n\nEn 1894, Dreyfus est accusé de trahison par l'armée. Elle \
            divise la France pendant douze ans, jusqu'en 1906.";
        let doc = read::read(t, Lang::Fr);
        let f = detect::candidates(&doc, Lang::Fr);
        let at = (f.iter())
            .find(|f| &doc.sentences[f.sentence].text[f.start..f.end] == "1906")
            .unwrap()
            .clone();
        let put = |sex| {
            supply_subject(&doc, Some("Dreyfus"), sex, &at, Lang::Fr)
                .map(|(b, a)| format!("{b}_{a}"))
        };
        // With his sex unknown, "Elle" could be anyone's; a man's is no "elle".
        assert!(put(None).is_some_and(|s| s.starts_with("Dreyfus divise")));
        assert_eq!(put(Some(Sex::Male)), None);
    }

    #[test]
    fn a_things_pronoun_is_the_titles_name_after_a_sentence_about_it() {
        let found = |doc: &Doc, lang: Lang, y: &str| {
            let f = detect::candidates(doc, lang);
            let at = f
                .iter()
                .find(|f| &doc.sentences[f.sentence].text[f.start..f.end] == y)
                .unwrap()
                .clone();
            supply_subject(doc, None, None, &at, lang).map(|(b, a)| format!("{b}_{a}"))
        };
        let t = "The Mekong River\n\nThe Mekong is the longest river in Southeast Asia. It is about \
            4,350 kilometres long and drains a large basin. In 1995, it was shared by a commission \
            of four countries.\n\nThe delta of the Mekong feeds millions. It was settled in 1700.";
        let doc = read::read(t, Lang::En);
        assert_eq!(topic(&doc, Lang::En).as_deref(), Some("The Mekong"));
        assert_eq!(
            found(&doc, Lang::En, "4,350 kilometres").as_deref(),
            Some("The Mekong is about _ long and drains a large basin.")
        );
        // After a phrase: the article in lower case; a chain of pronouns back to the name.
        assert_eq!(
            found(&doc, Lang::En, "1995").as_deref(),
            Some("In _, the Mekong was shared by a commission of four countries.")
        );
        // After a sentence about something else: left.
        assert_eq!(found(&doc, Lang::En, "1700"), None);
        let t = "Der Rhein\n\nDer Rhein ist einer der wichtigsten Flüsse Europas. Er ist 1.233 \
            Kilometer lang und fließt bis zur Nordsee. Heute ist der Rhein sauber.";
        let doc = read::read(t, Lang::De);
        // "Es gibt": no one; "sie" does not agree with "der Rhein".
        let t = "Der Rhein\n\nDer Rhein ist einer der wichtigsten Flüsse Europas. Es gibt dort \
            1.200 Brücken. Heute ist der Rhein sauber.";
        let doc2 = read::read(t, Lang::De);
        assert_eq!(found(&doc2, Lang::De, "1.200 Brücken"), None);
        let t = "Der Rhein\n\nDer Rhein ist einer der wichtigsten Flüsse Europas. Sie sind \
            1.200 Kilometer lang. Heute ist der Rhein sauber.";
        let doc2 = read::read(t, Lang::De);
        assert_eq!(found(&doc2, Lang::De, "1.200 Kilometer"), None);
        let weimar = "Die Weimarer Republik\n\nDie Weimarer Republik war die erste Demokratie. \
            Die Weimarer Verfassung galt ab 1919. Die Weimarer Zeit war kurz.";
        assert_eq!(topic(&read::read(weimar, Lang::De), Lang::De), None);
        assert_eq!(
            found(&doc, Lang::De, "1.233 Kilometer").as_deref(),
            Some("Der Rhein ist _ lang und fließt bis zur Nordsee.")
        );
    }
}
