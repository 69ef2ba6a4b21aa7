//! Rendering: a checked question's stem in the words of `--language`. A gap-fill names the
//! kind it asks for ("Which country fills the gap?"); a person who opens the sentence is asked
//! "Who …?"; a date that opens or closes its sentence is asked "In which year did this
//! happen?" (not in German when the date opens it: the verb would be left first).

use super::detect::Kind;
use super::lang::{Lang, Say, capitalise};

pub(super) const GAP: &str = "_____";

/// The stem of a question whose answer sits between `before` and `after` in its sentence.
pub(super) fn stem(
    kind: &Kind,
    before: &str,
    after: &str,
    context: Option<&str>,
    text: Lang,
    say: &Say,
) -> String {
    let asked = match kind {
        Kind::Person => who(before, after, say),
        // With the sentence before shown, "this" could be either sentence's event.
        Kind::Year { .. } if context.is_none() => when(before, after, text, say),
        _ => None,
    };
    let body = asked.unwrap_or_else(|| format!("{before}{GAP}{after} {}", label(kind, say)));
    match context {
        Some(c) => format!("{c} {body}"),
        None => body,
    }
}

/// The gap sentence alone, for a format with a short limit (the gap asks the question).
pub(super) fn short(before: &str, after: &str) -> String {
    format!("{before}{GAP}{after}")
}

fn label<'a>(kind: &Kind, say: &'a Say) -> &'a str {
    match kind {
        Kind::Year { .. } => &say.year,
        Kind::Value(_) => &say.value,
        Kind::Person => &say.person,
        Kind::Place(p) => say.place.get(p.label()).unwrap_or(&say.place["place"]),
        Kind::Term => &say.term,
        Kind::Span(s) if s.year => &say.years,
        Kind::Span(_) => &say.values,
    }
}

/// "Marie Curie discovered polonium." → "Who discovered polonium?"
fn who(before: &str, after: &str, say: &Say) -> Option<String> {
    let rest = after.strip_prefix(' ')?;
    let verb = rest.split_whitespace().next()?;
    let ok = before.is_empty()
        && verb.starts_with(char::is_lowercase)
        && rest.ends_with('.')
        && !rest.contains(['"', '“', '«']);
    ok.then(|| {
        let body = rest.trim_end_matches('.');
        format!("{} {body}{}", say.who, say.who_end)
    })
}

/// "In 1799, French soldiers found the stone." / "… found the stone in 1799." → "French
/// soldiers found the stone. In which year did this happen?"
fn when(before: &str, after: &str, text: Lang, say: &Say) -> Option<String> {
    undated(before, after, text).map(|clause| format!("{clause} {}", say.when))
}

/// A dated sentence without its date, when what is left tells one event on its own: "In
/// 1799, French soldiers found the stone." → "French soldiers found the stone." (German keeps
/// a date that opens the sentence: without it, the verb would come first).
pub(super) fn undated(before: &str, after: &str, text: Lang) -> Option<String> {
    let words = &text.data().words;
    let lower = before.trim_end().to_lowercase();
    let opener = words.date_in.iter().find(|d| lower == d.as_str());
    let clause = if opener.is_some() && text != Lang::De {
        let rest = after.trim_start_matches(',').trim_start();
        capitalise(rest)
    } else if after == "." {
        // Cut from `before` itself: its lower case may be longer ("İ").
        let trimmed = before.trim_end();
        let cut = words.date_in.iter().find_map(|d| {
            let at = trimmed.len().checked_sub(d.len())?;
            let ends = trimmed.is_char_boundary(at) && trimmed[at..].to_lowercase() == *d;
            (ends && trimmed[..at].ends_with(' ')).then(|| trimmed[..at].trim_end().to_owned())
        })?;
        // "… the Monitor Top, introduced in 1927.", "…, which retired in 2003.": without its
        // date the clause dangles.
        let dangles = cut
            .rsplit_once(',')
            .is_some_and(|(_, tail)| tail.split_whitespace().count() <= 2);
        // "France recognised Haitian independence only in 1825": the date is the point.
        let lower_cut = cut.to_lowercase();
        let focus = (words.date_focus.iter()).any(|f| {
            lower_cut.ends_with(&format!(" {f}"))
                || (f.ends_with('\'') && lower_cut.ends_with(f.as_str()))
        });
        // "…, named after Hans Krebs, who described it in 1937.": the date is the relative
        // clause's, and "this" would read as the main clause's event.
        if dangles || focus || subordinate(&cut, text) {
            return None;
        }
        format!("{cut}.")
    } else {
        return None;
    };
    one_event(clause, text)
}

/// A clause when it tells one event, whole: no two clauses, no state or two acts, no other
/// date, five words or more (`undated`, and an ordering question's options).
pub(super) fn one_event(clause: String, text: Lang) -> Option<String> {
    let words = &text.data().words;
    // "Provinces broke away, and raiders took Timbuktu": "this" would cover two events, and
    // only one is dated.
    let lower = clause.to_lowercase();
    if words
        .clause_joins
        .iter()
        .any(|j| lower.contains(j.as_str()))
    {
        return None;
    }
    // "Las tropas ocupaban el país", "Les Anglais occupaient la ville": a state lasting years,
    // not an event; "estudió Medicina y se licenció": two acts, "this" could be either.
    if state_or_two_acts(&lower, text) {
        return None;
    }
    // "…, qui a conduit à la destruction du barrage en 1998": "this" could be the other
    // date's event.
    if !super::detect::years_in(&clause, text).is_empty() {
        return None;
    }
    let whole = clause.split_whitespace().count() >= 5 && clause.ends_with('.');
    whole.then_some(clause)
}

/// Whether a clause (in lower case) tells a state (a word with an imperfect's ending,
/// `state_endings`) or two acts joined with no comma (`verb_joins`; where the language lists
/// finite verbs, the word after the join, past a clitic, must be one: "y se licenció", not
/// "Medicina y Cirugía").
fn state_or_two_acts(lower: &str, text: Lang) -> bool {
    let words = &text.data().words;
    let tokens: Vec<&str> = lower
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|t| !t.is_empty())
        .collect();
    let state = tokens.iter().any(|t| {
        t.chars().count() > 4 && words.state_endings.iter().any(|e| t.ends_with(e.as_str()))
    });
    let finite = |w: &str| {
        words.finite_endings.iter().any(|e| w.ends_with(e.as_str()))
            || words.finite_verbs.iter().any(|v| v == w)
    };
    let lists_finite = !words.finite_endings.is_empty() || !words.finite_verbs.is_empty();
    let two = words.verb_joins.iter().any(|j| {
        let pattern = format!(" {j}");
        lower.match_indices(&pattern).any(|(at, _)| {
            let rest = &lower[at + pattern.len()..];
            // A whole word ("et s'" ends on its apostrophe).
            if !(j.ends_with('\'') || rest.starts_with(' ')) {
                return false;
            }
            if !lists_finite {
                return true;
            }
            let mut next = rest
                .split_whitespace()
                .map(|w| w.trim_end_matches([',', '.']));
            let w = next.next().unwrap_or("");
            let w = if words.clitics.iter().any(|c| c == w) || w == "se" {
                next.next().unwrap_or("")
            } else {
                w
            };
            w.chars().count() > 2 && finite(w)
        })
    });
    state || two
}

/// Whether the last part of a clause (after its last comma) is a relative or subordinate
/// clause, or opens with a participle: "…, who described it", "… the law that required".
pub(super) fn subordinate(clause: &str, text: Lang) -> bool {
    let words = &text.data().words;
    let tail = clause.rsplit_once(',').map_or(clause, |(_, t)| t).trim();
    let lower = tail.to_lowercase();
    let starts_participle = tail.split_whitespace().take(2).any(|w| {
        let w = w.to_lowercase();
        w.chars().count() > 4
            && words
                .participle_endings
                .iter()
                .any(|e| w.ends_with(e.as_str()))
    }) && clause.contains(',');
    // Anywhere in the last part but its first word ("the law that required …"), when the
    // word is no article too (German "die" is both; there a comma sets the clause off).
    let relative = lower.split_once(' ').is_some_and(|(_, rest)| {
        (words.subordinate.iter())
            .filter(|s| !words.articles.contains(s))
            .any(|s| super::lang::holds(rest, s))
    });
    let first = lower.split_whitespace().next().unwrap_or("");
    let opens = clause.contains(',') && words.subordinate.iter().any(|s| s == first);
    starts_participle || relative || opens
}

/// The part of a sentence before its gap without a connective that opens it before a comma
/// ("However, the treaty of _____" → "The treaty of _____"), when one does: the rest stands on
/// its own, and shown without it, the sentence needs no lead. German keeps its connective
/// (see its data: left out, the verb would come first).
pub(super) fn without_connective(before: &str, text: Lang) -> Option<String> {
    let lower = before.to_lowercase();
    let words = &text.data().words;
    let set_off = (words.connectives.iter())
        .find(|c| lower.starts_with(c.as_str()) && lower[c.len()..].starts_with(", "))
        .map(|c| c.len() + 2);
    // "Doch der Wiener Kongress schuf …", "But the king refused …": a conjunction before an
    // article, whose subject follows (an adverb would take the verb next in German).
    let joined = || {
        (words.opening_conjunctions.iter()).find_map(|c| {
            let rest = lower.strip_prefix(c.as_str())?.strip_prefix(' ')?;
            let next = rest.split_whitespace().next()?;
            words
                .articles
                .iter()
                .any(|a| a == next)
                .then_some(c.len() + 1)
        })
    };
    let at = set_off.or_else(joined)?;
    // Cut from `before` itself, where its lower case is as long.
    (before.is_char_boundary(at) && before[..at].to_lowercase() == lower[..at])
        .then(|| capitalise(&before[at..]))
}

/// A part of a sentence without a connective set off by commas inside it ("In _____,
/// however, the chemist …" → "In _____ the chemist …"), where it holds one: shown alone, the
/// sentence has nothing for it to lean on (graders: "the 'however' hangs on the unquoted
/// previous sentence").
pub(super) fn without_aside(part: &str, preceding: Option<&str>, text: Lang) -> Option<String> {
    let lower = part.to_lowercase();
    if !super::lang::same_offsets(part) {
        return None;
    }
    let words = &text.data().words;
    // The words before the part (the sentence's part before the gap, and the gap), and whether
    // the sentence opens on a preposition: a phrase of time or place, not a clause ("In 1962,
    // however," but not "Prices rose, however, wages fell").
    let words_before = preceding.map_or(0, |p| p.split_whitespace().count() + 1);
    let first = preceding
        .unwrap_or(part)
        .split_whitespace()
        .next()
        .unwrap_or("");
    let first = first.to_lowercase();
    let adverbial =
        words.prepositions.contains(&first) || words.place_prepositions.contains(&first);
    // Only after a sentence's opening phrase ("In _____, however,", "Most generators,
    // however,"): after a clause it joins two ("Titanium is light, however, it costs more"),
    // and an example's is no aside ("Light metals, for example aluminium, are").
    // Or before the clause's verb, when the language's lists know it ("About _____ of the
    // ozone in the atmosphere, however, is found").
    let opening = |at: usize, next: &str| {
        let head = &part[..at];
        // After the gap, right after it only ("In _____, however,"): a clause may come between.
        let head_words = head.split_whitespace().count();
        let short = words_before + head_words <= 4 && (preceding.is_none() || head_words == 0);
        let verb = words
            .copulas
            .iter()
            .chain(&words.auxiliaries)
            .any(|v| v == next)
            || super::subject::finite(next, text);
        // Never before a new subject's pronoun ("El hierro se oxida, por eso, se cubre",
        // "L'acier est lourd, cependant, il …"), nor after a verb the language's endings tell.
        let subject = (words.pronouns.iter())
            .chain(&words.clitic_subjects)
            .chain(&words.clitics)
            .any(|p| p == next)
            || next == "se";
        let finite = (head.split_whitespace()).any(|t| super::subject::finite(t, text));
        !head.contains(',') && !subject && !finite && ((short && adverbial) || verb)
    };
    let set_off = (words.connectives.iter())
        .filter(|c| !words.example_openers.contains(c))
        .find_map(|c| {
            let aside = format!(", {c}, ");
            let at = lower.find(&aside)?;
            let rest = &part[at + aside.len()..];
            let next = rest.split_whitespace().next().unwrap_or("").to_lowercase();
            opening(at, &next).then(|| format!("{} {rest}", &part[..at]))
        });
    // "traversent donc la Belgique" → "traversent la Belgique": inside a clause, never its
    // first word (after a comma or "und", German puts its verb after it: "und deshalb zog er").
    let clause_start = |at: usize| {
        let before = lower[..at].trim_end();
        let last = before.rsplit(' ').next().unwrap_or("");
        let join = |j: &String| j.trim_matches(|c: char| !c.is_alphanumeric()) == last;
        before.is_empty()
            || before.ends_with([',', ';', ':'])
            || words.span_and.iter().chain(&words.clause_joins).any(join)
    };
    set_off.or_else(|| {
        (words.asides.iter()).find_map(|c| {
            let aside = format!(" {c} ");
            let at = lower.find(&aside)?;
            (!clause_start(at)).then(|| format!("{} {}", &part[..at], &part[at + aside.len()..]))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offline::lexicon::PlaceKind;

    #[test]
    fn a_conjunction_opening_the_sentence_before_its_subject_is_left_out() {
        // Round 25: "Doch der Wiener Kongress schuf _____ nur den Deutschen Bund".
        assert_eq!(
            without_connective("Doch der Wiener Kongress schuf ", Lang::De).as_deref(),
            Some("Der Wiener Kongress schuf ")
        );
        assert_eq!(
            without_connective("But the king refused in ", Lang::En).as_deref(),
            Some("The king refused in ")
        );
        // An adverb before its verb stays: German would be left verb-first.
        assert_eq!(without_connective("Doch kam er erst ", Lang::De), None);
    }

    #[test]
    fn a_connective_set_off_by_commas_is_left_out() {
        assert_eq!(
            without_aside(
                ", however, the chemist Neil Bartlett made",
                Some("In"),
                Lang::En
            )
            .as_deref(),
            Some(" the chemist Neil Bartlett made")
        );
        assert_eq!(
            without_aside(
                "Dans la ville, cependant, la révolte dura jusqu'en ",
                None,
                Lang::Fr
            )
            .as_deref(),
            Some("Dans la ville la révolte dura jusqu'en ")
        );
        assert_eq!(
            without_aside(", and the chemist made", Some("In"), Lang::En),
            None
        );
        // Between two clauses, or before an example, it stays (review: "Titanium is strong
        // and light it costs", "Light metals aluminium, are used").
        let splice = "Titanium is strong and light, however, it costs about ";
        assert_eq!(without_aside(splice, None, Lang::En), None);
        let splice = "Prices rose, however, wages fell in ";
        assert_eq!(without_aside(splice, None, Lang::En), None);
        let splice = " prices rose, however, wages fell";
        assert_eq!(without_aside(splice, Some("In"), Lang::En), None);
        let example = "Light metals, for example, aluminium, are used in about ";
        assert_eq!(without_aside(example, None, Lang::En), None);
        let splice = "El hierro se oxida, por eso, se cubre con zinc desde ";
        assert_eq!(without_aside(splice, None, Lang::Es), None);
        let splice = "L'aluminium est léger, cependant, il est utilisé dans ";
        assert_eq!(without_aside(splice, None, Lang::Fr), None);
        // Before the clause's verb, however long its subject.
        assert_eq!(
            without_aside(
                " of the ozone in the atmosphere, however, is found",
                Some("About"),
                Lang::En
            )
            .as_deref(),
            Some(" of the ozone in the atmosphere is found")
        );
        // Round 24: "donc", "dagegen", "por su parte" were left over from the sentence before.
        assert_eq!(
            without_aside(
                "Les troupes allemandes traversent donc la Belgique en ",
                None,
                Lang::Fr
            )
            .as_deref(),
            Some("Les troupes allemandes traversent la Belgique en ")
        );
        assert_eq!(
            without_aside("braucht der Mond jedoch nur ", None, Lang::De).as_deref(),
            Some("braucht der Mond nur ")
        );
        assert_eq!(
            without_aside("Salmerón, por su parte, dimitió en ", None, Lang::Es).as_deref(),
            Some("Salmerón dimitió en ")
        );
        // A first word is no aside: German puts its verb after it.
        assert_eq!(without_aside("Deshalb zog er nach ", None, Lang::De), None);
        // "dagegen" is "against it" as often (review: "Das Volk stimmte dagegen").
        assert_eq!(
            without_aside("Das Volk stimmte dagegen im Jahr ", None, Lang::De),
            None
        );
        assert_eq!(
            without_aside("Er verlor, und deshalb zog er nach ", None, Lang::De),
            None
        );
    }

    fn say(l: Lang) -> &'static Say {
        &l.data().say
    }

    #[test]
    fn a_person_who_opens_the_sentence_is_asked_who() {
        let s = stem(
            &Kind::Person,
            "",
            " discovered polonium in 1898.",
            None,
            Lang::En,
            say(Lang::En),
        );
        assert_eq!(s, "Who discovered polonium in 1898?");
        let s = stem(
            &Kind::Person,
            "",
            " entdeckte 1898 das Polonium.",
            None,
            Lang::De,
            say(Lang::De),
        );
        assert_eq!(s, "Wer entdeckte 1898 das Polonium?");
        let s = stem(
            &Kind::Person,
            "",
            ", a chemist, worked in Paris.",
            None,
            Lang::En,
            say(Lang::En),
        );
        assert_eq!(s, "_____, a chemist, worked in Paris. Who fills the gap?");
    }

    #[test]
    fn a_sentence_with_another_date_keeps_its_gap() {
        let year = Kind::Year { era: None };
        let s = stem(
            &year,
            "En ",
            ", l'État a lancé un plan qui a conduit à la destruction du barrage en 1998.",
            None,
            Lang::Fr,
            say(Lang::Fr),
        );
        assert!(s.starts_with("En _____, l'État"), "{s}");
    }

    #[test]
    fn a_date_that_opens_or_closes_is_asked_in_which_year() {
        let year = Kind::Year { era: None };
        let s = stem(
            &year,
            "In ",
            ", French soldiers found the Rosetta Stone.",
            None,
            Lang::En,
            say(Lang::En),
        );
        assert_eq!(
            s,
            "French soldiers found the Rosetta Stone. In which year did this happen?"
        );
        let s = stem(
            &year,
            "Die Mauer fiel im Jahr ",
            ".",
            None,
            Lang::De,
            say(Lang::De),
        );
        // Too short once the date has gone: asked as a gap.
        assert_eq!(
            s,
            "Die Mauer fiel im Jahr _____. Welches Jahr ergänzt den Satz?"
        );
        let s = stem(
            &year,
            "Die Berliner Mauer fiel nach 28 Jahren im Jahr ",
            ".",
            None,
            Lang::De,
            say(Lang::De),
        );
        assert_eq!(
            s,
            "Die Berliner Mauer fiel nach 28 Jahren. In welchem Jahr geschah das?"
        );
        // German: the date opening the sentence stays, as a gap; the verb is not left first.
        let s = stem(
            &year,
            "Im Jahr ",
            " fiel in Berlin die Mauer zwischen Ost und West.",
            None,
            Lang::De,
            say(Lang::De),
        );
        assert!(s.starts_with("Im Jahr _____ fiel"), "{s}");
    }

    #[test]
    fn two_events_or_a_sentence_shown_before_keep_the_date_as_a_gap() {
        let year = Kind::Year { era: None };
        let s = stem(
            &year,
            "In ",
            ", provinces broke away, and Tuareg raiders took Timbuktu.",
            None,
            Lang::En,
            say(Lang::En),
        );
        assert!(s.contains("_____") && !s.contains("this happen"), "{s}");
        let s = stem(
            &year,
            "In ",
            " the city was sacked by its rivals.",
            Some("The craft stayed in Mainz for years."),
            Lang::En,
            say(Lang::En),
        );
        assert!(
            s.contains("In _____ the city") && !s.contains("this happen"),
            "{s}"
        );
    }

    #[test]
    fn a_state_or_two_acts_keep_the_date_as_a_gap_a_completed_event_is_asked_when() {
        let year = Kind::Year { era: None };
        let asked = |before: &str, after: &str, lang: Lang| {
            let s = stem(&year, before, after, None, lang, say(lang));
            !s.contains("_____")
        };
        // A state in the imperfect: it lasted years.
        assert!(!asked(
            "En ",
            ", los ejércitos del emperador ocupaban casi todo el reino.",
            Lang::Es
        ));
        assert!(!asked(
            "En ",
            ", les marchands vénitiens contrôlaient le commerce du sel.",
            Lang::Fr
        ));
        // Two acts joined with no comma: "this" could be either.
        assert!(!asked(
            "El joven médico estudió Derecho en Salamanca y se graduó en ",
            ".",
            Lang::Es
        ));
        assert!(!asked(
            "En ",
            ", le jeune savant quitte Grenoble et s'installe à Paris.",
            Lang::Fr
        ));
        assert!(!asked(
            "In ",
            ", the young duke sailed to Calais and was crowned in the cathedral.",
            Lang::En
        ));
        // A completed event is asked "in which year": preterite, passé composé, simple past.
        assert!(asked(
            "En ",
            ", los ejércitos del emperador ocuparon la capital del reino.",
            Lang::Es
        ));
        assert!(asked(
            "El joven médico obtuvo el título de Medicina y Cirugía en ",
            ".",
            Lang::Es
        ));
        assert!(asked(
            "En ",
            ", les marchands vénitiens ont fondé un comptoir à Alexandrie.",
            Lang::Fr
        ));
        assert!(asked(
            "In ",
            ", the young duke sailed to Calais with his whole army.",
            Lang::En
        ));
    }

    #[test]
    fn a_connective_opening_the_sentence_is_left_out() {
        for (before, lang, want) in [
            ("However, the treaty of ", Lang::En, Some("The treaty of ")),
            ("For example, in ", Lang::En, Some("In ")),
            (
                "Cependant, le roi signe en ",
                Lang::Fr,
                Some("Le roi signe en "),
            ),
            ("Par exemple, les ", Lang::Fr, Some("Les ")),
            (
                "Sin embargo, el rey firmó en ",
                Lang::Es,
                Some("El rey firmó en "),
            ),
            ("Además, ", Lang::Es, Some("")),
            // German keeps it: "Deshalb zog er …" without it would start with the verb.
            ("Deshalb zog der Kaiser ", Lang::De, None),
            // Not a connective, or none before a comma.
            ("Then the king signed in ", Lang::En, None),
            ("However the king ", Lang::En, None),
            ("Howeverish, the ", Lang::En, None),
        ] {
            assert_eq!(
                without_connective(before, lang).as_deref(),
                want,
                "{before}"
            );
        }
    }

    #[test]
    fn a_date_whose_removal_leaves_a_word_dangling_stays_a_gap() {
        let year = Kind::Year { era: None };
        let s = stem(
            &year,
            "The first popular electric fridge was the Monitor Top, introduced in ",
            ".",
            None,
            Lang::En,
            say(Lang::En),
        );
        assert!(s.contains("introduced in _____."), "{s}");
    }

    #[test]
    fn a_date_of_a_relative_or_participial_clause_stays_a_gap() {
        let year = Kind::Year { era: None };
        let gap = |before: &str, lang: Lang| stem(&year, before, ".", None, lang, say(lang));
        let s = gap(
            "The pyruvate is broken down in the Krebs cycle, named after the chemist who described it in ",
            Lang::En,
        );
        assert!(s.contains("described it in _____."), "{s}");
        let s = gap(
            "The cycle is named after the chemist Hans Krebs, who described it in ",
            Lang::En,
        );
        assert!(s.contains("described it in _____."), "{s}");
        let s = gap(
            "Le cycle porte le nom du chimiste Hans Krebs, qui l'a décrit en ",
            Lang::Fr,
        );
        assert!(s.contains("décrit en _____."), "{s}");
        let s = gap(
            "El ciclo lleva el nombre del químico Hans Krebs, que lo describió en ",
            Lang::Es,
        );
        assert!(s.contains("describió en _____."), "{s}");
        let s = gap(
            "Der Zyklus ist nach dem Chemiker Hans Krebs benannt, der ihn beschrieb im Jahr ",
            Lang::De,
        );
        assert!(s.contains("im Jahr _____."), "{s}");
        // The main clause's own date is still asked "in which year".
        let s = gap(
            "The German chemist Hans Krebs described the cycle in ",
            Lang::En,
        );
        assert!(s.ends_with("did this happen?"), "{s}");
        let s = gap("Die Berliner Mauer fiel nach 28 Jahren im Jahr ", Lang::De);
        assert!(s.ends_with("geschah das?"), "{s}");
    }

    #[test]
    fn letters_that_grow_in_lower_case_do_not_break_a_date_question() {
        let year = Kind::Year { era: None };
        let s = stem(
            &year,
            "The İzmir harbour was rebuilt with new piers in ",
            ".",
            None,
            Lang::En,
            say(Lang::En),
        );
        assert_eq!(
            s,
            "The İzmir harbour was rebuilt with new piers. In which year did this happen?"
        );
    }

    #[test]
    fn a_gap_names_the_kind_it_asks_for() {
        let k = Kind::Place(PlaceKind::City("Poland".into()));
        let s = stem(
            &k,
            "Marie Curie was born in ",
            " in 1867.",
            None,
            Lang::En,
            say(Lang::Fr),
        );
        assert!(s.ends_with("Quelle ville complète la phrase ?"), "{s}");
    }
}
