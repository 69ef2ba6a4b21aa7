//! Named filters: each strikes a draft question for one reason a teacher would strike it. A
//! question is written only when no filter strikes it. Each has its own tests, from the kind
//! of sentence that motivated it.
#![allow(
    clippy::float_cmp,
    reason = "amounts are parsed from the text's digits and compared exactly on purpose"
)]

use super::detect::Kind;
use super::lang::{Lang, holds, holds_any};

/// A question in the making: the sentence its gap is in, split around the answer.
pub(super) struct Draft<'a> {
    pub(super) lang: Lang,
    pub(super) kind: &'a Kind,
    pub(super) before: &'a str,
    pub(super) answer: &'a str,
    pub(super) after: &'a str,
    /// The sentence before, shown first when this one points back.
    pub(super) context: Option<&'a str>,
    /// The text's title, if any.
    pub(super) title: Option<&'a str>,
}

impl Draft<'_> {
    /// The stem's words besides the answer, in lower case.
    fn rest_lower(&self) -> String {
        format!(
            "{} {} _ {}",
            self.context.unwrap_or(""),
            self.before,
            self.after
        )
        .to_lowercase()
    }
}

/// A filter: its name (in `QUIZGEN_OFFLINE_TRACE`'s lines), why it strikes (listed in
/// `docs/offline.md`), and the test.
pub(super) struct Filter {
    pub(super) name: &'static str,
    #[cfg_attr(
        not(test),
        allow(dead_code, reason = "the filter's documentation, checked by a test")
    )]
    pub(super) why: &'static str,
    strikes: fn(&Draft<'_>) -> bool,
}

pub(super) const FILTERS: &[Filter] = &[
    Filter {
        name: "reference-unresolved",
        why: "the stem leans on a word that points back (it, they, that year, plus tard) with nothing before it to point to",
        strikes: reference_unresolved,
    },
    Filter {
        name: "answer-in-stem",
        why: "the answer, a word sharing its stem, or its value is printed in the stem",
        strikes: answer_in_stem,
    },
    Filter {
        name: "one-of-a-list",
        why: "the gap is one item of a list or an example (such as, and, or): others of its kind fit as well",
        strikes: one_of_a_list,
    },
    Filter {
        name: "bound",
        why: "a bound (more than, at least, bis zu) makes other values true as well",
        strikes: bound,
    },
    Filter {
        name: "range",
        why: "the answer is one end of a range (1 to 1.5 litres): the stem gives the other",
        strikes: range,
    },
    Filter {
        name: "other-dates",
        why: "another date in the stem rules out wrong years or tells the answer",
        strikes: other_dates,
    },
    Filter {
        name: "worked-out",
        why: "a span of years or an age that the dates in the stem give by subtraction",
        strikes: worked_out,
    },
    Filter {
        name: "superlative",
        why: "a value in a sentence of records (the highest, le plus): wrong values beyond it are absurd",
        strikes: superlative,
    },
    Filter {
        name: "restated",
        why: "the value is given again right after the gap, in other units or words (20 kHz)",
        strikes: restated,
    },
    Filter {
        name: "article",
        why: "an English article before the gap (a, an) tells the answer's first sound",
        strikes: article,
    },
    Filter {
        name: "count-of-names",
        why: "the stem lists the names the count counts",
        strikes: count_of_names,
    },
    Filter {
        name: "says-too-little",
        why: "without the answer the sentence has too few words of its own to ask anything",
        strikes: says_too_little,
    },
    Filter {
        name: "topic",
        why: "the answer is the text's own subject, which every sentence is about",
        strikes: topic,
    },
    Filter {
        name: "place-with-many-answers",
        why: "the stem says where something runs, borders or is shared: several places are true",
        strikes: place_with_many_answers,
    },
    Filter {
        name: "role-before",
        why: "a role right before the person's gap (geographer, lugarteniente, l'écrivain) that the wrong people may not share",
        strikes: role_before,
    },
    Filter {
        name: "gendered-who",
        why: "the stem tells the person's sex (his, her, wife), which narrows the options",
        strikes: gendered_who,
    },
    Filter {
        name: "broken-text",
        why: "the sentence is not whole (starts in lower case, unbalanced brackets or quotes, a split word)",
        strikes: broken_text,
    },
];

/// The first filter that strikes the draft, if any.
pub(super) fn strike(d: &Draft<'_>) -> Option<&'static Filter> {
    FILTERS.iter().find(|f| (f.strikes)(d))
}

/// Whether a sentence points back: an opener as its first words ("Later"), a reference
/// anywhere ("this argument", "that year"), or a personal pronoun before any name of the
/// sentence's own ("When Ada was 17 she met …" names who "she" is; "In 1835 she married …"
/// does not).
pub(super) fn points_back(sentence: &str, lang: Lang) -> bool {
    let w = &lang.data().words;
    let lower = sentence.to_lowercase();
    let start: String = lower
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ");
    let opens = w.openers.iter().any(|o| {
        start.starts_with(o.as_str())
            && start[o.len()..].starts_with(|c: char| !c.is_alphanumeric())
    }) && !w.not_openers.iter().any(|o| start.starts_with(o.as_str()));
    if opens {
        return true;
    }
    let mut named = false;
    for (i, (at, word)) in sentence
        .split_whitespace()
        .scan(0, |pos, t| {
            let at = sentence[*pos..].find(t).map_or(*pos, |f| *pos + f);
            *pos = at + t.len();
            Some((at, t))
        })
        .enumerate()
    {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        // A capital names something, but at the start only when the word is no stop word
        // ("Lovelace described her …", not "She" or "The").
        if bare.starts_with(char::is_uppercase)
            && (i > 0 || !lang.is_stop(&bare.to_lowercase()))
            && names_someone(bare, lang)
        {
            named = true;
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
        let definite = |r: &String| {
            at_word(r) && {
                let after_ref = sentence[at..].trim_start_matches(|c: char| !c.is_alphanumeric());
                let rest = after_ref.get(r.len()..).unwrap_or("").trim_start();
                !(rest.starts_with(char::is_uppercase)
                    || ["of ", "de ", "du ", "del ", "von ", "des "]
                        .iter()
                        .any(|p| rest.starts_with(p)))
            }
        };
        // "this argument", "that year": always back; "she": back unless named before.
        if w.references.iter().any(definite) || (!named && w.pronouns.iter().any(at_word)) {
            return true;
        }
    }
    false
}

/// Whether a capitalised word may name whom a pronoun after it stands for: not a month ("In
/// January 1610 he …", "Im Juli 1505 geriet er …" name no one).
fn names_someone(word: &str, lang: Lang) -> bool {
    !lang.data().words.months.contains(&word.to_lowercase())
}

fn reference_unresolved(d: &Draft<'_>) -> bool {
    let sentence = format!("{} _ {}", d.before, d.after);
    match d.context {
        Some(c) => points_back(c, d.lang),
        None => points_back(&sentence, d.lang),
    }
}

fn answer_in_stem(d: &Draft<'_>) -> bool {
    let rest = d.rest_lower();
    if let Kind::Value(v) = d.kind {
        let words = &d.lang.data().words.numbers;
        let same_word = words
            .iter()
            .any(|(w, n)| *n as f64 == v.amount && holds(&rest, w));
        let digits = format_plain(v.amount);
        // "About _____ of the water is salt; only 3 percent is fresh": 97 by subtraction.
        let complement = v.percent && holds(&rest, &format_plain(100.0 - v.amount));
        return same_word || holds(&rest, &digits) || complement;
    }
    let stems: Vec<String> = words(&rest).map(|w| d.lang.stem(w)).collect();
    let answer = d.answer.to_lowercase();
    let mut own = words(&answer).filter(|w| !d.lang.is_stop(w) && w.chars().count() > 2);
    // A defined term of several words is given away by its head word ("a narrow tube called
    // a capillary tube"), not by a modifier ("cell" in the definition of "cell membrane").
    // A place's or people's adjective: "the Chinese part" beside China, "German" beside Germany.
    if matches!(d.kind, Kind::Place(_)) {
        let a: Vec<char> = d.answer.to_lowercase().chars().collect();
        if a.len() >= 4 {
            let prefix: String = a[..(a.len() - 1).min(5)].iter().collect();
            if words(&rest).any(|w| w.starts_with(&prefix)) {
                return true;
            }
        }
    }
    if matches!(d.kind, Kind::Term) {
        let head = answer.split_whitespace().last().unwrap_or("");
        stems.contains(&d.lang.stem(head))
    } else {
        own.any(|w| stems.contains(&d.lang.stem(w)))
    }
}

fn format_plain(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn one_of_a_list(d: &Draft<'_>) -> bool {
    let w = &d.lang.data().words;
    let before = d.before.trim_end().to_lowercase();
    let after = d.after.trim_start().to_lowercase();
    let numeric = matches!(d.kind, Kind::Year { .. } | Kind::Value(_));
    // "the colon and the _____": the article after the list's word.
    let bare = w
        .articles
        .iter()
        .find_map(|a| before.strip_suffix(a.as_str()).filter(|b| b.ends_with(' ')))
        .map_or(before.as_str(), str::trim_end);
    // A comma after a name: "France, _____, Italy"; not "Second, _____ saw".
    let name_comma = d
        .before
        .trim_end()
        .strip_suffix(',')
        .and_then(|b| b.split_whitespace().last())
        .is_some_and(|w| w.starts_with(char::is_uppercase));
    let listed_before = super::lang::ends_with_any(&before, &w.examples)
        || super::lang::ends_with_any(bare, &w.examples)
        || (!numeric && name_comma);
    let mut next = after.split_whitespace();
    let first_after = next.next().unwrap_or("");
    // "four or five", "France and Italy": a joining word, then another of the kind (a number,
    // a name); "200 kilograms and walk" joins a verb.
    let second = next
        .find(|t| !w.articles.iter().any(|a| a == t))
        .unwrap_or("");
    let second_orig = d
        .after
        .split_whitespace()
        .nth(
            1 + usize::from(
                w.articles
                    .iter()
                    .any(|a| after.split_whitespace().nth(1) == Some(a)),
            ),
        )
        .unwrap_or("");
    let of_kind = if numeric {
        second.starts_with(|c: char| c.is_ascii_digit()) || w.numbers.contains_key(second)
    } else {
        second_orig.starts_with(char::is_uppercase)
            || !matches!(d.kind, Kind::Person | Kind::Place(_))
    };
    let listed_after = w
        .examples
        .iter()
        .any(|e| first_after == e && !e.contains(' ') && e.chars().count() <= 4 && of_kind)
        || (!numeric
            && d.after.starts_with(',')
            && d.after[1..].trim_start().starts_with(char::is_uppercase));
    listed_before || listed_after
}

fn bound(d: &Draft<'_>) -> bool {
    let w = &d.lang.data().words;
    let before = d.before.to_lowercase();
    let before = before.trim_end();
    // "below about _____", "up to some _____": the bound before the approximation.
    let bare = w
        .approximate
        .iter()
        .find_map(|a| {
            before
                .strip_suffix(a.as_str())
                .filter(|b| b.is_empty() || b.ends_with(' '))
        })
        .unwrap_or(before);
    matches!(d.kind, Kind::Value(_) | Kind::Year { .. })
        && (super::lang::ends_with_any(before, &w.bounds)
            || super::lang::ends_with_any(bare, &w.bounds))
}

fn range(d: &Draft<'_>) -> bool {
    let w = &d.lang.data().words;
    let numeric = matches!(d.kind, Kind::Year { .. } | Kind::Value(_));
    let last: Vec<String> = d
        .before
        .to_lowercase()
        .split_whitespace()
        .rev()
        .take(2)
        .map(str::to_owned)
        .collect();
    let number =
        |t: &str| t.chars().next().is_some_and(|c| c.is_ascii_digit()) || w.numbers.contains_key(t);
    let before_range = last.len() == 2 && w.ranges.contains(&last[0]) && number(&last[1]);
    let after = d.after.trim_start().to_lowercase();
    let mut next = after.split_whitespace();
    let after_range = next.next().is_some_and(|j| w.ranges.iter().any(|r| r == j))
        && next.next().is_some_and(number);
    numeric && (before_range || after_range || d.before.ends_with(['-', '–']))
}

fn other_dates(d: &Draft<'_>) -> bool {
    matches!(d.kind, Kind::Year { .. })
        && words(&d.rest_lower())
            .any(|w| w.len() >= 3 && w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit()))
}

fn worked_out(d: &Draft<'_>) -> bool {
    let Kind::Value(v) = d.kind else {
        return false;
    };
    let years = d
        .lang
        .data()
        .words
        .year_units
        .contains(&v.unit.to_lowercase());
    years && words(&d.rest_lower()).any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
}

fn superlative(d: &Draft<'_>) -> bool {
    matches!(d.kind, Kind::Value(_))
        && holds_any(&d.rest_lower(), &d.lang.data().words.superlatives)
}

fn restated(d: &Draft<'_>) -> bool {
    let after = d.after.trim_start();
    let digit_soon = |s: &str| s.chars().take(4).any(|c| c.is_ascii_digit());
    // "_____ (20 kHz)", "_____, or 2.3 kW", "(_____)" beside another figure.
    let bracketed = after.strip_prefix('(').is_some_and(digit_soon);
    let or_else = [", or ", " or ", ", i.e. ", ", soit ", ", o sea ", ", also "]
        .iter()
        .any(|p| {
            after
                .strip_prefix(p.trim_start())
                .or_else(|| d.after.strip_prefix(p))
                .is_some_and(digit_soon)
        });
    let inside = d.before.trim_end().ends_with('(');
    matches!(d.kind, Kind::Value(_)) && (bracketed || or_else || inside)
}

fn article(d: &Draft<'_>) -> bool {
    let before = d.before.to_lowercase();
    d.lang == Lang::En
        && (before.ends_with(" a ")
            || before.ends_with(" an ")
            || before == "a "
            || before == "an ")
}

fn count_of_names(d: &Draft<'_>) -> bool {
    let Kind::Value(v) = d.kind else {
        return false;
    };
    let names = d
        .after
        .split_whitespace()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    // "has _____: the duodenum, the jejunum and the ileum": the items after a colon.
    let after = d.after.trim_start();
    let listed = after.strip_prefix(':').map_or(0, |l| {
        let l = l.split(['.', ';']).next().unwrap_or("");
        let joins = d
            .lang
            .data()
            .words
            .ranges
            .iter()
            .filter(|j| holds(&l.to_lowercase(), j))
            .count();
        l.matches(',').count() + joins.min(1) + 1
    });
    v.amount.fract() == 0.0
        && v.amount <= 12.0
        && (names as f64 >= v.amount || (listed > 1 && listed as f64 == v.amount))
}

fn says_too_little(d: &Draft<'_>) -> bool {
    let own = format!("{} {}", d.before, d.after).to_lowercase();
    let content = words(&own)
        .filter(|w| !d.lang.is_stop(w) && w.chars().count() > 2)
        .count();
    words(&own).count() < 6 || content < 3
}

fn topic(d: &Draft<'_>) -> bool {
    let Some(title) = d.title else { return false };
    let t = title.to_lowercase();
    let a = d.answer.to_lowercase();
    match d.kind {
        Kind::Person | Kind::Place(_) => {
            holds(&t, &a) || words(&a).any(|w| w.chars().count() > 2 && holds(&t, w))
        }
        Kind::Term => holds(&t, &a),
        _ => false,
    }
}

fn place_with_many_answers(d: &Draft<'_>) -> bool {
    matches!(d.kind, Kind::Place(_)) && holds_any(&d.rest_lower(), &d.lang.data().words.spans)
}

fn role_before(d: &Draft<'_>) -> bool {
    let last = d.before.split_whitespace().last().unwrap_or("");
    let bare = last.trim_matches(|c: char| !c.is_alphanumeric());
    // In English WordNet tells a role ("geographer") from a verb ("tells", "reaches").
    let role = d.lang != Lang::En
        || super::lexicon::noun(bare).is_some_and(|e| e.kinds.contains(&"person"));
    matches!(d.kind, Kind::Person)
        && bare.chars().count() > 2
        && bare.starts_with(char::is_lowercase)
        && !d.lang.is_stop(bare)
        && role
}

fn gendered_who(d: &Draft<'_>) -> bool {
    matches!(d.kind, Kind::Person) && holds_any(&d.rest_lower(), &d.lang.data().words.gendered)
}

fn broken_text(d: &Draft<'_>) -> bool {
    let s = format!("{}{}{}", d.before, d.answer, d.after);
    let count = |c: char| s.matches(c).count();
    let unbalanced = count('(') != count(')')
        || count('"') % 2 == 1
        || count('«') != count('»')
        || count('“') != count('”');
    let split_word = s.split_whitespace().any(|w| {
        w.len() > 2 && w.ends_with('-') && w[..w.len() - 1].ends_with(char::is_alphabetic)
    });
    // A definition starts in lower case ("the amount of water …"); a sentence does not.
    let lower_start = !matches!(d.kind, Kind::Term) && s.starts_with(char::is_lowercase);
    lower_start || unbalanced || split_word || s.contains('_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::offline::detect::Value;

    fn draft<'a>(kind: &'a Kind, sentence: &'a str, answer: &'a str, lang: Lang) -> Draft<'a> {
        let at = sentence.find(answer).unwrap();
        Draft {
            lang,
            kind,
            before: &sentence[..at],
            answer,
            after: &sentence[at + answer.len()..],
            context: None,
            title: None,
        }
    }

    /// Whether the named filter strikes the draft (others may as well).
    fn struck(d: &Draft<'_>, name: &str) -> bool {
        FILTERS.iter().any(|f| f.name == name && (f.strikes)(d))
    }

    fn value(amount: f64) -> &'static Kind {
        Box::leak(Box::new(value_kind(amount)))
    }

    fn value_kind(amount: f64) -> Kind {
        Kind::Value(Value {
            amount,
            decimals: 0,
            word: false,
            times: None,
            unit: String::new(),
            percent: false,
        })
    }

    #[test]
    fn letters_that_grow_in_lower_case_do_not_break_the_reading() {
        // "İ" is two bytes, its lower case three: offsets must come from one string.
        assert!(!points_back(
            "İstanbul grew and it became the capital.",
            Lang::En
        ));
        assert!(points_back(
            "In 1920 it rained in İzmir for many days.",
            Lang::En
        ));
        assert!(points_back("The caİro of it: this one.", Lang::En));
    }

    #[test]
    fn every_filter_has_a_unique_name_and_a_reason() {
        let mut names: Vec<&str> = FILTERS.iter().map(|f| f.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), FILTERS.len());
        assert!(
            FILTERS
                .iter()
                .all(|f| f.why.split_whitespace().count() >= 6)
        );
    }

    #[test]
    fn a_reference_with_nothing_before_is_struck() {
        let year = Kind::Year { era: None };
        let d = draft(
            &year,
            "It defeated China in 1895 after a short war at sea.",
            "1895",
            Lang::En,
        );
        assert!(struck(&d, "reference-unresolved"));
        let d = draft(
            &year,
            "Plus tard, en 1885, il soigne un garçon mordu par un chien.",
            "1885",
            Lang::Fr,
        );
        assert!(struck(&d, "reference-unresolved"));
        let d = draft(
            &year,
            "Japan defeated China in 1895 after a short war at sea.",
            "1895",
            Lang::En,
        );
        assert!(strike(&d).is_none());
    }

    #[test]
    fn a_month_or_a_german_noun_names_no_one_a_pronoun_could_be() {
        assert!(points_back(
            "In January 1610 he discovered four moons.",
            Lang::En
        ));
        assert!(points_back(
            "Im Juli 1505 geriet er in ein Gewitter.",
            Lang::De
        ));
        assert!(!points_back(
            "Im Juli 1505 geriet Johann in ein Gewitter, und er betete.",
            Lang::De
        ));
        assert!(!points_back("When Ada was 17 she met Babbage.", Lang::En));
        assert!(!points_back(
            "Jeder Landesherr bestimmte die Konfession seiner Untertanen.",
            Lang::De
        ));
    }

    #[test]
    fn the_answer_or_its_stem_in_the_stem_is_struck() {
        let term = Kind::Term;
        let d = draft(
            &term,
            "Liquid flows up a very narrow tube called a capillary tube.",
            "capillary tube",
            Lang::En,
        );
        assert!(struck(&d, "answer-in-stem"));
        let place = Kind::Place(crate::offline::lexicon::PlaceKind::Country("Asian".into()));
        let d = draft(
            &place,
            "The Chinese part of the river flows out of China into Laos.",
            "Laos",
            Lang::En,
        );
        assert!(!struck(&d, "answer-in-stem"));
        let d = draft(
            &place,
            "The Chinese part of the river is longer than any in China.",
            "China",
            Lang::En,
        );
        assert!(struck(&d, "answer-in-stem"));
        let three = value(3.0);
        let d = draft(
            three,
            "Divide the time by three and wait 3 seconds before counting again.",
            "3 seconds",
            Lang::En,
        );
        assert!(struck(&d, "answer-in-stem"));
    }

    #[test]
    fn one_item_of_a_list_is_struck() {
        let place = Kind::Place(crate::offline::lexicon::PlaceKind::Country(
            "European".into(),
        ));
        let d = draft(
            &place,
            "Eight countries share the range: France, Monaco, Italy and others.",
            "France",
            Lang::En,
        );
        assert!(struck(&d, "one-of-a-list"));
        let d = draft(
            value(5.0),
            "Most families had four or 5 children at the time in the valley.",
            "5 children",
            Lang::En,
        );
        assert!(struck(&d, "one-of-a-list"));
    }

    #[test]
    fn a_join_to_another_kind_is_no_list_and_a_named_battle_no_reference() {
        let d = draft(
            value(200.0),
            "A camel can carry a load of about 200 kilograms and walk far in a day.",
            "200 kilograms",
            Lang::En,
        );
        assert!(!struck(&d, "one-of-a-list"));
        let year = Kind::Year { era: None };
        let d = draft(
            &year,
            "Harald Hardrada was killed at the Battle of Stamford Bridge in 1066.",
            "1066",
            Lang::En,
        );
        assert!(!struck(&d, "reference-unresolved"));
        let d = draft(
            &year,
            "The war finally ended in 1453 with a treaty.",
            "1453",
            Lang::En,
        );
        assert!(struck(&d, "reference-unresolved"));
    }

    #[test]
    fn one_end_of_a_range_and_a_share_by_subtraction_are_struck() {
        let d = draft(
            value(1.5),
            "The glands produce about 1 to 1.5 litres of saliva a day.",
            "1.5 litres",
            Lang::En,
        );
        assert!(struck(&d, "range"));
        let d = draft(
            value(4.0),
            "After two to four hours of churning the food is liquid.",
            "four hours",
            Lang::En,
        );
        assert!(struck(&d, "range"));
        let mut share = value_kind(97.0);
        if let Kind::Value(v) = &mut share {
            v.percent = true;
        }
        let d = draft(
            &share,
            "About 97 percent of the water is salt, and only 3 percent is fresh.",
            "97 percent",
            Lang::En,
        );
        assert!(struck(&d, "answer-in-stem"));
    }

    #[test]
    fn bounds_and_other_dates_and_listed_names_are_struck() {
        let d = draft(
            value(8848.0),
            "The peak rises higher than 8848 metres above the sea.",
            "8848 metres",
            Lang::En,
        );
        assert!(struck(&d, "bound"));
        let d = draft(
            value(1000.0),
            "The hot zone lies below about 1000 metres in the valleys.",
            "1000 metres",
            Lang::En,
        );
        assert!(struck(&d, "bound"));
        let year = Kind::Year { era: None };
        let d = draft(
            &year,
            "The war that began in 1914 ended with an armistice in 1918.",
            "1918",
            Lang::En,
        );
        assert!(struck(&d, "other-dates"));
        let d = draft(
            value(3.0),
            "The small intestine has 3 parts: the duodenum, the jejunum and the ileum.",
            "3 parts",
            Lang::En,
        );
        assert!(struck(&d, "count-of-names"));
        let d = draft(
            value(20000.0),
            "Human hearing ranges up to 20000 hertz (20 kHz) in the young.",
            "20000 hertz",
            Lang::En,
        );
        assert!(struck(&d, "restated"));
        let d = draft(
            value(6961.0),
            "The highest peak is Aconcagua, at 6961 metres, in Argentina.",
            "6961 metres",
            Lang::En,
        );
        assert!(struck(&d, "superlative"));
        let d = draft(
            value(2300.0),
            "The kettle has a power of 2300 watts, or 2.3 kW, at full heat.",
            "2300 watts",
            Lang::En,
        );
        assert!(struck(&d, "restated"));
        let d = draft(
            &Kind::Person,
            "In 1877 the German geographer Ferdinand von Richthofen named the route.",
            "Ferdinand von Richthofen",
            Lang::En,
        );
        assert!(struck(&d, "role-before"));
        // A verb before the name is no role.
        let d = draft(
            &Kind::Person,
            "After the storm the old farmer tells Lennie a story about the rabbits.",
            "Lennie",
            Lang::En,
        );
        assert!(!struck(&d, "role-before"));
        let mut age = value_kind(84.0);
        if let Kind::Value(v) = &mut age {
            v.unit = "Jahren".into();
        }
        let d = draft(
            &age,
            "Benz starb 1929 in Ladenburg im Alter von 84 Jahren.",
            "84 Jahren",
            Lang::De,
        );
        assert!(struck(&d, "worked-out"));
        let d = draft(
            value(2.0),
            "The 2 generals, Grant and Lee, met at Appomattox Court House.",
            "2 generals",
            Lang::En,
        );
        assert!(struck(&d, "count-of-names"));
    }

    #[test]
    fn places_that_span_and_gendered_who_are_struck() {
        let place = Kind::Place(crate::offline::lexicon::PlaceKind::Country(
            "South American".into(),
        ));
        let d = draft(
            &place,
            "The mountains run through Peru from north to south for thousands of kilometres.",
            "Peru",
            Lang::En,
        );
        assert!(struck(&d, "place-with-many-answers"));
        let d = draft(
            &Kind::Person,
            "Marie Curie won her second Nobel Prize for chemistry.",
            "Marie Curie",
            Lang::En,
        );
        assert!(struck(&d, "gendered-who"));
    }

    #[test]
    fn broken_text_and_the_topic_are_struck() {
        let year = Kind::Year { era: None };
        let d = draft(
            &year,
            "The king- doms of the north were united in 1397 by a queen.",
            "1397",
            Lang::En,
        );
        assert!(struck(&d, "broken-text"));
        let mut d = draft(
            &Kind::Person,
            "Ada Lovelace wrote the first published program for a machine.",
            "Ada Lovelace",
            Lang::En,
        );
        d.title = Some("Ada Lovelace: a life");
        assert!(struck(&d, "topic"));
        let d = draft(value(20.0), "Prices rose 20 times.", "20 times", Lang::En);
        assert!(struck(&d, "says-too-little"));
    }
}
