//! The filter `reference-unresolved` and what it asks of a sentence: whether it points back
//! (it, they, that year, plus tard), leans on the main person unnamed, or leaves its subject out.
use super::{Draft, words};
use crate::offline::detect::Kind;
use crate::offline::lang::{Lang, possessor};

/// Whether a sentence points back: an opener as its first words ("Later"), a reference
/// anywhere ("this argument", "that year"), or a personal pronoun before any name of the
/// sentence's own ("When Ada was 17 she met …" names who "she" is; "In 1835 she married …"
/// does not).
pub(in crate::offline) fn points_back(sentence: &str, lang: Lang) -> bool {
    points_back_by(sentence, lang, true, None)
}

/// Whether a sentence shown leans on something it does not show: it points back
/// (`points_back`), or it has a pronoun of the main person's sex before any mention of the main
/// person (`unnamed_main`).
pub(in crate::offline) fn leans_back(
    sentence: &str,
    lang: Lang,
    main: Option<&str>,
    forms: &[String],
) -> bool {
    points_back(sentence, lang)
        || unnamed_main(sentence, main, forms, lang)
        || (main.is_some() && crate::offline::subject::drops_subject(sentence, lang))
}

/// Whether a gap's sentence leans on something it does not show, so a lead is shown before
/// it: `before` and `after` without the answer (a pronoun is not resolved by a name that is
/// the gap), and the whole sentence for a subject left out.
pub(in crate::offline) fn gap_leans(d: &Draft<'_>) -> bool {
    let sentence = format!("{} {}", d.before, d.after);
    let whole = format!("{}{}{}", d.before, d.answer, d.after);
    points_back_by(&sentence, d.lang, true, d.main)
        || unnamed_main(&sentence, d.main, d.forms, d.lang)
        || (d.main.is_some() && crate::offline::subject::drops_subject(&whole, d.lang))
}

/// The part of a gap's sentence after it, cut before a clause of its own that leans back
/// (", and he soon returned to Hungary", ", and around four-fifths of this area is
/// mountainous"), where what is left stands on its own: the sentence asked without the
/// sentence before it. None where the sentence does not lean back, or still does so cut.
pub(in crate::offline) fn cut_leaning_tail(
    before: &str,
    after: &str,
    main: Option<&str>,
    lang: Lang,
) -> Option<String> {
    let w = &lang.data().words;
    let leans = |a: &str| points_back_by(&format!("{before} _ {a}"), lang, true, main);
    // Not where the rest may lean on what the cut clause or the sentence before says: a
    // sentence opening on a definite noun ("The lake's area …", "Le jeune homme …"); a gap in
    // a relative clause ("Wars with Ayutthaya, which attacked Angkor around _____, and the
    // failure … are"); a list after a colon; a subject left out ("Con unas …, es el mayor").
    let first = before
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let second = before.split_whitespace().nth(1).unwrap_or("");
    let definite = w.articles.contains(&first)
        && !w.indefinite.contains(&first)
        && !second.starts_with(|c: char| c.is_ascii_digit());
    let whole = |a: &str| format!("{before}_{a}");
    if definite || crate::offline::render::subordinate(before, lang) || !leans(after) {
        return None;
    }
    // The last join after which the rest stands ("of mountains, islands, and plains in the
    // south, and around four-fifths of this area …" is cut before "and around", keeping the
    // list whole).
    let (at, len) = clause_joins(after, lang)?
        .into_iter()
        .rev()
        .find(|(at, _)| !leans(&after[..*at]))?;
    let (head, tail) = after.split_at(at);
    let clause = tail[len..].split_whitespace().count() >= 3;
    let cut = format!("{}.", head.trim_end());
    let listed = before.contains(':') || head.contains(':');
    let dropped = crate::offline::subject::drops_subject(&whole(&cut), lang);
    // Outside English a pronoun does not tell whose it is ("une gourmette portant son nom"):
    // none may be left. In a life, the rest names its person ("À 45 ans, une attaque le
    // laisse paralysé" is Pasteur's, which nothing left says).
    let pronoun = lang != Lang::En
        && words(&whole(&cut)).any(|x| w.pronouns.iter().any(|p| *p == x.to_lowercase()));
    let unnamed = main.is_some_and(|m| !words(&whole(&cut)).any(|x| x == m));
    (clause && !listed && !dropped && !pronoun && !unnamed).then_some(cut)
}

/// The part of a year's gap sentence after it, cut before a clause of its own with another
/// date (", and in 1838 he read Malthus", ", and Hobart was established in 1804"): a year
/// beside the key in the stem would make it the option nearest that year, and none could lie
/// between them. The first such join, after which the rest has a year and before which none,
/// leaving a whole clause (not a list, nor one that leans back).
pub(in crate::offline) fn cut_dated_tail(before: &str, after: &str, lang: Lang) -> Option<String> {
    if crate::offline::detect::years_in(after, lang).is_empty()
        || before.contains(':')
        || crate::offline::render::subordinate(before, lang)
    {
        return None;
    }
    let (at, len) = clause_joins(after, lang)?.into_iter().next()?;
    let (head, tail) = after.split_at(at);
    let dated = !crate::offline::detect::years_in(&tail[len..], lang).is_empty();
    let clause = tail[len..].split_whitespace().count() >= 3;
    let cut = format!("{}.", head.trim_end());
    // "Paris, London, and in 1842 Berlin": a list's last item, no clause.
    let listed = head.trim_start_matches([',', ' ']).contains(',');
    let alone = crate::offline::detect::years_in(head, lang).is_empty()
        && !listed
        && !head.contains(':')
        && !points_back(&format!("{before} _ {cut}"), lang);
    (dated && clause && alone).then_some(cut)
}

/// Where a clause of its own is joined in `after` (", and ", ", but ", "; ": the language's
/// `clause_links`), in order, as (byte, length); none where lowering shifts offsets ("İ").
fn clause_joins(after: &str, lang: Lang) -> Option<Vec<(usize, usize)>> {
    if !crate::offline::lang::same_offsets(after) {
        return None;
    }
    let lower = after.to_lowercase();
    let joins: Vec<String> = (lang.data().words.clause_links.iter())
        .map(|l| format!(", {l} "))
        .chain(["; ".to_owned()])
        .collect();
    let mut cuts: Vec<(usize, usize)> = (joins.iter())
        .flat_map(|j| lower.match_indices(j.as_str()).map(|(at, m)| (at, m.len())))
        .filter(|(at, len)| after.is_char_boundary(*at) && after.is_char_boundary(at + len))
        .collect();
    cuts.sort_unstable();
    Some(cuts)
}

/// Whether a pronoun of the main person's sex comes before the sentence names the main person
/// ("Watson and Crick saw a report that contained her measurements", "Walter Sisulu brought
/// him into the ANC" in a life of Franklin or of Mandela): names of others before it do not
/// tell who it is, and it is most likely the main person, whom the sentence does not name.
/// A sentence opening with someone of the pronoun's sex has them to point to (`sex`).
pub(in crate::offline) fn unnamed_main(
    sentence: &str,
    main: Option<&str>,
    forms: &[String],
    lang: Lang,
) -> bool {
    let Some(main) = main else { return false };
    // Cut at every mark: "Franklin's" is "Franklin".
    for word in words(sentence) {
        if word == main {
            return false;
        }
        if forms.iter().any(|f| f.eq_ignore_ascii_case(word)) {
            return !crate::offline::sex::opens_with_one_of(sentence, &word.to_lowercase(), lang);
        }
    }
    false
}

/// `points_back`, with the pronouns or without them: in a definition ("the squeezing of
/// sediment layers by the weight of material above them") a pronoun stands for a noun of the
/// definition itself.
fn points_back_by(sentence: &str, lang: Lang, pronouns: bool, main: Option<&str>) -> bool {
    let w = &lang.data().words;
    let lower = sentence.to_lowercase();
    let start: String = lower
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    let opens = w.openers.iter().any(|o| {
        start.starts_with(o.as_str())
            && start[o.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
    }) && !w.not_openers.iter().any(|o| start.starts_with(o.as_str()));
    if opens || presents_back(&lower, lang) || (pronouns && clitic_back(sentence, lang)) {
        return true;
    }
    // Named before the pronoun: anyone or anything (for "it", "they"), and a person (for
    // "he", "she": a place or a thing's name is no one they could be).
    // A place or a thing named (for "it", "there": a person is nothing they could be).
    let (mut named, mut person_named) = (false, false);
    let (mut thing_named, mut place_named) = (false, false);
    let second_is_article = sentence.split_whitespace().nth(1).is_some_and(|x| {
        let x = x.to_lowercase();
        w.articles
            .iter()
            .any(|a| *a == x || (a.ends_with('\'') && x.starts_with(a.as_str())))
            || w.pronouns.contains(&x)
            // "Fille de paysans, elle …": a name's particle is followed by its capital, which
            // names on its own ("Charles de Gaulle").
            || w.name_particles.contains(&x)
    });
    let opening_phrase = opens_with_a_phrase(sentence, lang);
    let subject_first = opens_on_a_thing(sentence, lang);
    // "Fils de Louis VII, il devient roi", "Son of a weaver, he …": the parent named before the
    // comma is not whom the pronoun after it stands for.
    let kin_end = (w.kin_openers.iter())
        .any(|k| lower.starts_with(&format!("{k} ")))
        .then(|| sentence.find(','))
        .flatten();
    let tokens: Vec<(usize, &str)> = sentence
        .split_whitespace()
        .scan(0, |pos, t| {
            let at = sentence[*pos..].find(t).map_or(*pos, |f| *pos + f);
            *pos = at + t.len();
            Some((at, t))
        })
        .collect();
    let bare_of = |t: &str| t.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    // "Hasta su muerte, en 1506, Colón creyó …": a possessive in the phrases that open the
    // sentence is that of the main person named right after their comma.
    let main_after = (tokens.iter().position(|(_, t)| {
        let bare = bare_of(t);
        main.is_some_and(|m| bare == m || possessor(&bare) == Some(m))
    }))
    .filter(|&k| {
        k > 0
            && tokens[k - 1].1.ends_with(',')
            && (tokens[1..k].iter()).all(|(_, t)| !t.starts_with(char::is_uppercase))
    });
    // "En France, elle découvre …": a name inside an opening phrase of a preposition, before
    // the comma and the subject pronoun after it, is not whom the pronoun stands for (a
    // possessive may be its: "Tras la muerte de Almanzor, sus hijos …").
    let phrase_end = (tokens.first())
        .is_some_and(|(_, t)| {
            // Not a clause's conjunction ("After Newton moved to London, he …": he is Newton).
            let first = bare_of(t).to_lowercase();
            (w.prepositions.contains(&first)
                || w.place_prepositions.contains(&first)
                || w.subject_openers.contains(&first))
                && !w.subordinate.contains(&first)
        })
        .then(|| tokens.iter().position(|(_, t)| t.ends_with(',')))
        .flatten()
        // Not where the sentence names someone after the pronoun ("À la mort de Louis XII, il
        // devient roi sous le nom de François Ier"): it may say who.
        .filter(|&c| {
            !(tokens[c + 1..].iter()).any(|(_, t)| {
                let b = bare_of(t);
                crate::offline::lexicon::may_be_given_name(&b, lang)
                    && crate::offline::lexicon::place(&b, lang).is_none()
                    || main.is_some_and(|m| b == m)
            })
        })
        .filter(|c| {
            (tokens.get(c + 1))
                .is_some_and(|(_, t)| w.subject_pronouns.contains(&bare_of(t).to_lowercase()))
        });
    // The words of a known period the sentence names ("la guerre de Sept Ans"): no one's name.
    let period_words: Vec<&str> = (w.known_periods.iter())
        .flat_map(|p| &p.names)
        .filter(|n| super::super::lang::holds(&lower, n))
        .flat_map(|n| n.split_whitespace())
        .collect();
    for (i, &(at, word)) in tokens.iter().enumerate() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let next = tokens.get(i + 1).map(|t| bare_of(t.1));
        // A capital names something, but at the start only when the word is no stop word
        // ("Lovelace described her …", not "She" or "The").
        // At the start, a word before an article or a pronoun opens a phrase ("Grâce aux
        // antennes, elle mesure …", "Selon ses mémoires, il …"), it names no one.
        let opener = i == 0 && (second_is_article || opening_phrase);
        let of_kin = kin_end.is_some_and(|e| at < e);
        // A preposition opens its sentence with a capital ("Seit _ gehört es …").
        let small = |x: &str| small_word(x, lang);
        // "Part of it, …", "Most of them …": an English sentence's first word, a common noun
        // WordNet knows in lower case before "of", is what the pronoun is a part of, never the
        // pronoun itself (unless it may be someone's or a place's name).
        let common_first = i == 0
            && lang == Lang::En
            && next.as_deref() == Some("of")
            && crate::offline::lexicon::noun(&bare.to_lowercase()).is_some()
            && !crate::offline::lexicon::may_be_given_name(bare, lang)
            && crate::offline::lexicon::place(bare, lang).is_none()
            && main.is_none_or(|m| bare != m && possessor(bare) != Some(m));
        if bare.starts_with(char::is_uppercase)
            && !of_kin
            && phrase_end.is_none_or(|c| i > c)
            && !common_first
            && !period_words.contains(&bare.to_lowercase().as_str())
            && (i > 0 || !small(bare))
            && !opener
            && !w.months.contains(&bare.to_lowercase())
        {
            named = true;
            // "back in Mainz": a name after a preposition of place is a place.
            let after_place_word = i > 0
                && w.place_prepositions
                    .contains(&bare_of(tokens[i - 1].1).to_lowercase());
            // The main person's name names someone, though a lexicon may know it as a word
            // ("Wu").
            let mains = |m: &str| bare == m || possessor(bare) == Some(m);
            let someone = main.is_some_and(mains)
                || (!after_place_word && may_be_someone(bare, next.as_deref(), lang));
            person_named |= someone;
            // "the Krebs cycle": a name before a common noun is a thing's (English: WordNet).
            let before_noun = lang == Lang::En
                && next.as_deref().is_some_and(|n| {
                    n.starts_with(char::is_lowercase) && crate::offline::lexicon::entry(n).is_some()
                });
            thing_named |= !someone || before_noun;
            place_named |= after_place_word || crate::offline::lexicon::place(bare, lang).is_some();
        }
        // Lowered from the sentence at this word: a lower case may be longer ("İ").
        let tail = sentence[at..].to_lowercase();
        let at_word = |r: &String| {
            tail.trim_start_matches(|c: char| !c.is_alphanumeric())
                .strip_prefix(r.as_str())
                .is_some_and(|rest| {
                    rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric())
                })
        };
        // "the war" points back; "the Battle of Stamford Bridge" names its battle.
        let definite = |r: &String, apposition: bool| {
            // A reference of several words is a noun's ("the difference"), of one an adverb's.
            let noun = r.contains(' ');
            at_word(r) && {
                let after_ref = sentence[at..].trim_start_matches(|c: char| !c.is_alphanumeric());
                let rest = after_ref.get(r.len()..).unwrap_or("").trim_start();
                // German capitalises every noun: "dieses Ereignis" points back all the same.
                let demonstrative =
                    lang == Lang::De && (r.starts_with("dies") || r.starts_with("jen"));
                // "the dictator, Primo de Rivera, …": named in an apposition (not "La même
                // année, Cousteau …", whose comma ends a phrase of time).
                let rest = (rest.strip_prefix(", ").filter(|_| apposition)).unwrap_or(rest);
                // "the war" may open a name ("the War of 1812"); "that moment" may not ("At
                // that moment California …").
                let article = (r.split_whitespace().next())
                    .is_some_and(|f| w.articles.iter().any(|a| a == f));
                demonstrative
                    || (!article && noun)
                    || !(rest.starts_with(char::is_uppercase) || says_which(rest, noun, lang))
            }
        };
        // "murió … el 22 de abril de 1616 y fue enterrado al día siguiente": a day or a year
        // counted from a date the sentence gives before it points back to nothing outside.
        let dated_before = |r: &String, at: usize| {
            let head = sentence[..at].to_lowercase();
            let year =
                (head.split(|c: char| !c.is_ascii_digit())).any(|d| (3..=4).contains(&d.len()));
            // A day ("le même jour") is told by a day and month too ("le 8 mai _____"); a year
            // is not by a month ("en octobre de la même année").
            let day = w.day_references.contains(r)
                && (head.split(|c: char| !c.is_alphanumeric()))
                    .any(|x| w.months.iter().any(|m| m == x));
            // "à la fin de l'année 1914", "la fin de l'année _____": the year follows it.
            let after = (tail.trim_start_matches(|c: char| !c.is_alphanumeric()))
                .get(r.len()..)
                .unwrap_or("")
                .trim_start();
            let year_after = after.starts_with(|c: char| c.is_ascii_digit() || c == '_');
            w.dated_references.contains(r) && (year || day || year_after)
        };
        // "there" after the first word ("digging a well there"; the first word is an opener),
        // unless it only says that something is ("in 1974 there were …").
        let place_word = pronouns
            && i > 0
            && w.place_pronouns.iter().any(at_word)
            && !w.not_openers.iter().any(|o| tail.starts_with(o.as_str()))
            && !place_named;
        // An "it" right after a word of content (a verb: "Hodgkin solved it", "Orwell called
        // it") is an object, which the sentence's subject before it is not; after a stop word
        // ("and it became") it may be the subject named before.
        let after_verb = i > 0 && {
            let prev = bare_of(tokens[i - 1].1).to_lowercase();
            !prev.is_empty()
                && prev.chars().all(char::is_alphabetic)
                && !tokens[i - 1].1.ends_with(|c: char| !c.is_alphanumeric())
                && !lang.is_stop(&prev)
                && !w.place_prepositions.contains(&prev)
        };
        // "yet it fell": before a word that is no small word, "it" is a subject ("opened it to
        // the public" is an object).
        let verb_next = (next.as_deref())
            .is_some_and(|n| n.starts_with(char::is_lowercase) && !small_word(n, lang));
        // "The problem is that it overheats": after "that", "it" is another clause's subject.
        let after_that = i > 0 && bare_of(tokens[i - 1].1).eq_ignore_ascii_case("that");
        // "this argument", "that year": always back; "she": back unless named before.
        if place_word
            || w.references
                .iter()
                .any(|r| definite(r, false) && !dated_before(r, at))
            || (!person_named && w.kin_references.iter().any(|r| definite(r, true)))
            || (pronouns
                && w.pronouns.iter().any(|p| {
                    let cataphora = w.possessives.contains(p) && main_after.is_some_and(|k| i < k);
                    at_word(p)
                        && !cataphora
                        && !(if w.person_pronouns.contains(p) {
                            person_named
                        } else if w.impersonal_pronouns.contains(p)
                            && subject_first
                            && (!after_verb || verb_next)
                            && !after_that
                        {
                            true
                        } else if w.impersonal_pronouns.contains(p) && after_verb {
                            thing_named
                        } else {
                            named
                        })
                }))
        {
            return true;
        }
    }
    false
}

/// Whether an English sentence opens on its subject, an article and a singular common noun
/// that is no time and no person ("A traditional bulb makes light by heating a filament until
/// it glows", "The wire heats up because it resists the current"): what a later subject "it"
/// or "its" stands for, in the sentence itself (not an object: "The queen opened it"). Not
/// "The following year it …" (a time, not the subject), "The mountains around its shore" (a
/// plural), nor a phrase before a comma.
fn opens_on_a_thing(sentence: &str, lang: Lang) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().take(5).collect();
    let article = words.first().map(|w| w.to_lowercase());
    if lang != Lang::En || !matches!(article.as_deref(), Some("a" | "an" | "the")) {
        return false;
    }
    // The noun phrase: lower-case words, among which a noun the lexicon knows and no time.
    let mut noun = false;
    for w in words.iter().skip(1).take(3) {
        let bare = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        if bare.len() != w.len() || !bare.chars().all(|c| c.is_lowercase() || c == '-') {
            return noun;
        }
        let plural = bare.ends_with('s') && !["ss", "us", "is"].iter().any(|e| bare.ends_with(e));
        match crate::offline::lexicon::noun(bare) {
            Some(e) if e.kinds.contains(&"time") || e.kinds.contains(&"person") || plural => {
                return false;
            }
            Some(_) => noun = true,
            None => {}
        }
    }
    noun
}

/// Whether a sentence's first clause has an object pronoun before its verb ("Ecuador lo
/// incorporó a su territorio", "La UNESCO lo declaró Reserva de la Biosfera"): what it stands
/// for was named before the sentence (Spanish: `object_clitics` before a verb the language's
/// endings tell, `subject::finite`). After a comma, "y" or a relative word it may be named in
/// the sentence ("compró el castillo y lo reformó").
fn clitic_back(sentence: &str, lang: Lang) -> bool {
    let w = &lang.data().words;
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    if after_subject_back(&tokens, lang) {
        return true;
    }
    for (i, pair) in tokens.windows(2).enumerate() {
        let word = pair[0].to_lowercase();
        if pair[0].ends_with(',') || word == "y" || word == "e" || w.subordinate.contains(&word) {
            return false;
        }
        // Not "la era Meiji" (a copula's form is a noun too), nor "en la alcazaba" (after a
        // preposition, an article).
        let verb = pair[1].to_lowercase();
        let after_preposition = i > 0
            && (w.prepositions.iter().chain(&w.place_prepositions))
                .chain(&w.reflexive_before)
                .any(|p| *p == tokens[i - 1].to_lowercase());
        if i > 0
            && w.object_clitics.contains(&word)
            && crate::offline::subject::finite(pair[1], lang)
            && !w.copulas.contains(&verb)
            && !after_preposition
        {
            return true;
        }
    }
    false
}

/// Whether an object pronoun follows a subject pronoun ("En 1765, on la marie à Louis Aubry",
/// "il l'épouse", "elle ne les revoit"), with no name before it in the sentence past its first
/// word: it stands for something named before the sentence. French: a subject pronoun tells
/// the pronoun from the article, which French verbs' endings cannot.
fn after_subject_back(tokens: &[&str], lang: Lang) -> bool {
    let w = &lang.data().words;
    let lower: Vec<String> = (tokens.iter())
        .map(|t| t.to_lowercase().replace('’', "'"))
        .collect();
    let clitic = |t: &str| {
        (w.subject_clitics.iter())
            .any(|c| t == c || (c.ends_with('\'') && t.starts_with(c.as_str())))
    };
    // A name before it, the first word too where it may be a name with no comma after it
    // ("Pasteur étudie la rage et il la combat"; not "En 1765, on la marie", "Malheureusement,
    // on le retrouve", "Condamnée pour hérésie, on la brûle").
    let name_first = |t: &str| {
        let bare = t.trim_end_matches(|c: char| !c.is_alphanumeric());
        bare.len() == t.len()
            && !small_word(t, lang)
            && (crate::offline::lexicon::may_be_given_name(bare, lang)
                || crate::offline::lexicon::entry(bare).is_some_and(|e| e.kinds == ["person"]))
    };
    for (i, t) in lower.iter().enumerate() {
        if !w.clitic_subjects.contains(t) {
            continue;
        }
        let next = i + 1 + usize::from(lower.get(i + 1).is_some_and(|n| w.negations.contains(n)));
        let object = lower.get(next).is_some_and(|n| clitic(n));
        let named_before = (tokens[..i].iter().enumerate())
            .any(|(k, t)| t.starts_with(char::is_uppercase) && (k > 0 || name_first(t)));
        if object && !named_before {
            return true;
        }
    }
    false
}

/// Whether a word is a small one: a stop word or a preposition of the language.
fn small_word(word: &str, lang: Lang) -> bool {
    let w = &lang.data().words;
    let word = word.to_lowercase();
    lang.is_stop(&word) || w.prepositions.contains(&word) || w.place_prepositions.contains(&word)
}

/// Whether the words after a reference say which it is: a complement ("the Battle of …", "la
/// guerre de …", "the difference between …", `reference_complements`), but not a measure ("the
/// difference of about 33 degrees": after a noun, an approximate word names nothing; "después
/// de casi cuarenta años" is an adverb's, not a noun's).
fn says_which(rest: &str, noun: bool, lang: Lang) -> bool {
    let w = &lang.data().words;
    let measure = |r: &str| {
        (w.approximate.iter()).any(|a| {
            r.strip_prefix(a.as_str())
                .is_some_and(|x| x.starts_with(' '))
        })
    };
    (w.reference_complements.iter()).any(|p| {
        rest.strip_prefix(p.as_str())
            .and_then(|r| r.strip_prefix(' ').or(p.ends_with('\'').then_some(r)))
            .is_some_and(|r| !(noun && measure(r)))
    })
}

/// Whether a sentence (lower case) opens on "c'est" without being a cleft ("C'est le principe
/// de superposition", "C'est peu pour un territoire aussi vaste": "ce" is what came before),
/// or is a cleft that adds to what came before ("C'est aussi en 1931 qu'il …"). A cleft
/// ("C'est en 1669 que Sténon …") stands on its own.
fn presents_back(lower: &str, lang: Lang) -> bool {
    let w = &lang.data().words;
    let lower = lower.replace('’', "'");
    let Some(rest) = (w.presentatives.iter()).find_map(|p| {
        lower
            .strip_prefix(p.as_str())
            .filter(|r| r.starts_with(' '))
    }) else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let cleft = words.iter().any(|x| {
        (w.cleft_joins.iter()).any(|j| *x == j || (j.ends_with('\'') && x.starts_with(j.as_str())))
    });
    let adds = words
        .first()
        .is_some_and(|x| w.cleft_adds.iter().any(|a| a == x));
    !cleft || adds
}

/// Whether a sentence names anything: a capitalised word after its first that is no small
/// word, or a first word that is none.
fn names_anything(sentence: &str, lang: Lang) -> bool {
    (sentence.split_whitespace().enumerate()).any(|(i, t)| {
        let bare = t.trim_matches(|c: char| !c.is_alphanumeric());
        let lower = bare.to_lowercase();
        bare.starts_with(char::is_uppercase)
            && !lang.is_stop(&lower)
            && !lang.data().words.months.contains(&lower)
            && (i > 0 || !opens_with_a_phrase(sentence, lang))
    })
}

/// Whether a sentence opens with a phrase before a comma and its pronoun subject ("Battu en
/// 1889, il retourne …", "Élève brillant, il obtient …", "Born in Leeds, she …"): its first
/// word, capitalised as every first word is, is a participle or a noun of that phrase, not a
/// name the pronoun could stand for (a name there would be a subject, and the pronoun a second
/// one). Only where nothing else before the comma is capitalised.
fn opens_with_a_phrase(sentence: &str, lang: Lang) -> bool {
    let bare = |t: &str| {
        t.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    };
    let tokens: Vec<&str> = sentence.split_whitespace().collect();
    let Some(comma) = tokens.iter().position(|t| t.ends_with(',')) else {
        return false;
    };
    let lower_between = (tokens[1..=comma].iter()).all(|t| {
        !t.trim_start_matches(|c: char| !c.is_alphanumeric())
            .starts_with(char::is_uppercase)
    });
    let pronoun_after =
        (tokens.get(comma + 1)).is_some_and(|t| lang.data().words.pronouns.contains(&bare(t)));
    comma > 0 && lower_between && pronoun_after
}

/// Whether a capitalised word (not a month: "In January 1610 he …", "Im Juli 1505 geriet er
/// …") may name the person a "he" or "she" after it stands for: not a place ("Working in
/// Mexico …, he bred …"; "Florence" may be either) nor a common noun written with a capital
/// ("A devout Muslim, he …") or a word before one ("the Rockefeller Foundation").
fn may_be_someone(word: &str, next: Option<&str>, lang: Lang) -> bool {
    let thing = |x: &str| {
        x.starts_with(char::is_uppercase)
            && !crate::offline::lexicon::may_be_given_name(x, lang)
            && crate::offline::lexicon::entry(&x.to_lowercase()).is_some()
    };
    // German writes every noun with a capital ("Besonders prägten sie die Vorlesungen …"), and
    // Spanish an institution's every word ("la Academia Sueca le concedió …"): a word names
    // someone only as a given name or a person WordNet knows ("Meitner").
    if lang == Lang::De || lang == Lang::Es {
        let known = crate::offline::lexicon::entry(word).is_some_and(|e| e.kinds == ["person"]);
        return crate::offline::lexicon::may_be_given_name(word, lang) || known;
    }
    let place = crate::offline::lexicon::place(word, lang).is_some()
        && !crate::offline::lexicon::may_be_given_name(word, lang);
    !place && !thing(word) && !next.is_some_and(thing)
}

pub(super) fn reference_unresolved(d: &Draft<'_>) -> bool {
    let sentence = format!("{} _ {}", d.before, d.after);
    // A definition asked "Which term means …?" (all before the gap): its pronouns are its own.
    let meaning = matches!(d.kind, Kind::Term) && d.after.is_empty() && d.context.is_none();
    // A sentence with its subject left out ("En 1813 dirigió …", "crearon en 1476 …") that
    // `refer` could not give its main person: whose act it is, the stem does not say.
    let whole = format!("{}{}{}", d.before, d.answer, d.after);
    let dropped = crate::offline::subject::drops_subject(&whole, d.lang);
    match d.context {
        // The lead must stand, and name the main person if the gap's pronoun is theirs.
        Some(c) => {
            let named = d.main.is_some_and(|m| words(c).any(|w| w == m));
            // In a life where a pronoun's sex is not told (French "son" is his, her or its), a
            // pronoun of the gap's sentence ("ses admirateurs … en son honneur") needs a name in
            // the lead: "La reconnaissance vient tard." gives it none.
            let by_pronoun = d.main.is_some()
                && d.forms.is_empty()
                && points_back_by(&sentence, d.lang, true, d.main)
                && !points_back_by(&sentence, d.lang, false, d.main);
            leans_back(c, d.lang, d.main, d.forms)
                || (unnamed_main(&sentence, d.main, d.forms, d.lang) && !named)
                || (by_pronoun && !names_anything(c, d.lang))
                || dropped
        }
        None => {
            points_back_by(&sentence, d.lang, !meaning, d.main)
                || (!meaning && unnamed_main(&sentence, d.main, d.forms, d.lang))
                || dropped
        }
    }
}
