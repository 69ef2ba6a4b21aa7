//! Named filters: each strikes a draft question for one reason a teacher would strike it. A
//! question is written only when no filter strikes it. Each has its own tests, from the kind
//! of sentence that motivated it.
#![allow(
    clippy::float_cmp,
    reason = "amounts are parsed from the text's digits and compared exactly on purpose"
)]

use super::detect::Kind;
use super::lang::{Lang, holds, holds_any};

#[path = "filters_definition.rs"]
mod definition;
pub(super) use definition::in_example;
use definition::{by_definition, worked_example, worked_sum};
#[path = "filters_reference.rs"]
mod reference;
use reference::reference_unresolved;
pub(super) use reference::{cut_dated_tail, cut_leaning_tail, gap_leans, leans_back, points_back};

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
    /// The person the text is about, by the last word of the name (`refer`).
    pub(super) main: Option<&'a str>,
    /// The answer's sex, when it is a person the text tells it of (`sex`).
    pub(super) sex: Option<super::sex::Sex>,
    /// The pronouns that stand for the main person (`refer::main_forms`; empty when unknown).
    pub(super) forms: &'a [String],
    /// Whether the sentence is in a worked example (`in_example`).
    pub(super) example: bool,
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
        why: "the stem leans on a word that points back (it, they, that year, plus tard) or leaves its subject out, with nothing before it to point to",
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
        why: "a bound (more than, at least, bis zu, or more, by 1215) makes other values true as well",
        strikes: bound,
    },
    Filter {
        name: "range",
        why: "the answer is one end of a range (1 to 1.5 litres): the stem gives the other",
        strikes: range,
    },
    Filter {
        name: "second-unit",
        why: "the value is the second part of a measure in two units (23 hours _____): its wrong values may overflow the first (70 minutes)",
        strikes: second_unit,
    },
    Filter {
        name: "other-dates",
        why: "another date in the stem rules out wrong years or tells the answer",
        strikes: other_dates,
    },
    Filter {
        name: "worked-out",
        why: "a span of years or an age that the dates in the stem give by subtraction, or a count in pairs beside its double or half",
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
        why: "the answer is the text's own subject (its title, its main person), which every sentence is about",
        strikes: topic,
    },
    Filter {
        name: "place-with-many-answers",
        why: "the stem says where something runs, borders or is shared: several places are true",
        strikes: place_with_many_answers,
    },
    Filter {
        name: "role-before",
        why: "a role right before the person's gap (geographer, lugarteniente, l'écrivain) or in apposition after it (_____, the Archbishop of Canterbury) that the wrong people may not share",
        strikes: role_before,
    },
    Filter {
        name: "place-in-a-name",
        why: "the place's name is part of another name right after the gap (the _____ period, the _____ dynasty, the _____ Conference): no place is asked",
        strikes: place_in_a_name,
    },
    Filter {
        name: "apposition-after",
        why: "a place described right after its gap (_____, the capital of Sudan): general knowledge answers it",
        strikes: apposition_after,
    },
    Filter {
        name: "gendered-who",
        why: "the stem tells the person's sex (his, her, wife), which narrows the options, and the answer's sex is not known to be the one it tells (else its wrong answers are of that sex)",
        strikes: gendered_who,
    },
    Filter {
        name: "worked-sum",
        why: "the value is in a sum written out (100 °C − 20 °C = _____): given by the figures beside it, or an example's figure",
        strikes: worked_sum,
    },
    Filter {
        name: "worked-example",
        why: "the value is in a worked example (a sentence or paragraph opened by for example, suppose, consider, or one working a sum out, or a section headed as an example): an example's figure, no fact a teacher tests",
        strikes: worked_example,
    },
    Filter {
        name: "by-definition",
        why: "the value is one unit said in another (1 kPa = 1,000 Pa): fixed by definition, its wrong answers are absurd",
        strikes: by_definition,
    },
    Filter {
        name: "broken-text",
        why: "the sentence is not whole (starts in lower case, unbalanced brackets or quotes, a split word)",
        strikes: broken_text,
    },
];

/// The first filter that strikes the draft, if any.
pub(super) fn strike(d: &Draft<'_>) -> Option<&'static Filter> {
    strike_but(d, &[])
}

/// The first filter that strikes the draft, but those named `skip`.
pub(super) fn strike_but(d: &Draft<'_>, skip: &[&str]) -> Option<&'static Filter> {
    (FILTERS.iter()).find(|f| !skip.contains(&f.name) && (f.strikes)(d))
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
    if matches!(d.kind, Kind::Place(_))
        && d.answer.chars().count() >= 4
        && super::lexicon::place_named_in(d.answer, &rest)
    {
        return true;
    }
    if matches!(d.kind, Kind::Term) && spelled_out(d.answer, &rest, d.lang) {
        return true;
    }
    if matches!(d.kind, Kind::Term) {
        let head = answer.split_whitespace().last().unwrap_or("");
        // "Americium-241" is given away by "an isotope of americium".
        let parts = head
            .split('-')
            .filter(|p| p.chars().all(char::is_alphabetic) && p.chars().count() > 3);
        stems.contains(&d.lang.stem(head))
            || parts.into_iter().any(|p| stems.contains(&d.lang.stem(p)))
    } else {
        own.any(|w| stems.contains(&d.lang.stem(w)))
    }
}

/// Whether an abbreviation's words are in the stem ("COP" beside "coefficient of
/// performance"): the initials of words in a row, with or without the small words between.
fn spelled_out(answer: &str, rest: &str, lang: Lang) -> bool {
    let letters = answer.chars().count();
    if !(2..=6).contains(&letters) || !answer.chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let key = answer.to_lowercase();
    let all: Vec<&str> = words(rest).collect();
    let content: Vec<&str> = all.iter().copied().filter(|w| !lang.is_stop(w)).collect();
    let initials = |ws: &[&str]| -> String { ws.iter().filter_map(|w| w.chars().next()).collect() };
    // A run opens and ends on a word of content ("during nuclear assembly" spells no "DNA"),
    // and keeps its small words only for three letters or more ("and in" is no "AI").
    let spelled = |run: &[&str]| {
        initials(run) == key
            && run.first().is_some_and(|w| !lang.is_stop(w))
            && run.last().is_some_and(|w| !lang.is_stop(w))
    };
    (letters >= 3 && all.windows(letters).any(spelled)) || content.windows(letters).any(spelled)
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
    let numeric = matches!(d.kind, Kind::Year { .. } | Kind::Value(_) | Kind::Span(_));
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
    // A joining word ("and", "und", "et") lists the gap only after another of its kind: a
    // number just before ("in 1352 and _____", "0 °C and _____"), a name right before
    // ("Venice and _____"); "the theory and _____ defended it", "mit Frankreich, und _____
    // wurde" join clauses. A term is listed by any.
    let joined_to_kind = |b: &str| {
        let Some(join) = w.ranges.iter().find(|j| {
            b.strip_suffix(j.as_str())
                .is_some_and(|x| x.is_empty() || x.ends_with(' '))
        }) else {
            return true;
        };
        let head = b[..b.len() - join.len()].trim_end();
        // The same words in the text's case (a lower case may be longer: then as lowered).
        let shown = d.before.trim_end().get(..head.len()).unwrap_or(head);
        match d.kind {
            Kind::Year { .. } | Kind::Value(_) => {
                head.split_whitespace().rev().take(3).any(|t| {
                    t.starts_with(|c: char| c.is_ascii_digit()) || w.numbers.contains_key(t)
                })
            }
            Kind::Person | Kind::Place(_) => shown
                .split_whitespace()
                .next_back()
                .is_some_and(|t| t.starts_with(char::is_uppercase) && !t.ends_with(',')),
            Kind::Term | Kind::Span(_) => true,
        }
    };
    let example_before = |b: &str| super::lang::ends_with_any(b, &w.examples) && joined_to_kind(b);
    // "_____, 1856 et 1866": the first of a list of numbers.
    let numbers_after = numeric
        && d.after
            .strip_prefix(',')
            .is_some_and(|a| a.trim_start().starts_with(|c: char| c.is_ascii_digit()));
    let listed_before = example_before(&before)
        || example_before(bare)
        || numbers_after
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
    // "By _____ many barons were in revolt": a later year is true as well.
    let year_bound =
        matches!(d.kind, Kind::Year { .. }) && super::lang::ends_with_any(before, &w.year_bounds);
    // "_____ or more", "_____ ou davantage": the bound after the value.
    let after = d.after.trim_start().to_lowercase();
    let bound_after = matches!(d.kind, Kind::Value(_))
        && w.bounds_after.iter().any(|b| {
            after
                .strip_prefix(b.as_str())
                .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
        });
    // "dépasse souvent _____", "supera a menudo los _____": an adverb between the bound and
    // the value (a word, or two before a value), and an article before it, leave it a bound.
    // Not a name: "under Napoleon in 1805", "près de Paris en 1890" name no bound.
    let names = |b: &str, n: usize| {
        let original: Vec<&str> = d.before.split_whitespace().collect();
        let skipped = b.split_whitespace().count().min(original.len());
        (original[..skipped].iter().rev().take(n))
            .any(|x| x.starts_with(|c: char| !c.is_lowercase()))
    };
    let skip_one = |b: &str| {
        let b = (b.rsplit_once(' '))
            .filter(|(_, last)| w.articles.iter().any(|a| a == last))
            .map_or(b, |(head, _)| head.trim_end());
        let one = b.rsplit_once(' ').map(|(head, _)| head.trim_end());
        let two = (one.and_then(|h| h.rsplit_once(' ')))
            .map(|(head, _)| head.trim_end())
            .filter(|_| matches!(d.kind, Kind::Value(_)));
        [(Some(b), 0), (one, 1), (two, 2)]
            .into_iter()
            .filter_map(|(head, n)| head.map(|h| (h, n)))
            .any(|(head, n)| super::lang::ends_with_any(head, &w.bounds) && !names(b, n))
    };
    year_bound
        || bound_after
        || matches!(d.kind, Kind::Value(_) | Kind::Year { .. } | Kind::Span(_))
            && (super::lang::ends_with_any(before, &w.bounds)
                || super::lang::ends_with_any(bare, &w.bounds)
                || skip_one(before)
                || skip_one(bare))
}

/// "Its period is 23 hours _____": a number and a unit that a smaller one may follow
/// (`first_units`: hours, feet, Stunden) right before a value's gap ("Vostok 1 lasted _____"
/// is one value).
fn second_unit(d: &Draft<'_>) -> bool {
    let mut last = d.before.split_whitespace().rev();
    let (Some(unit), Some(number)) = (last.next(), last.next()) else {
        return false;
    };
    matches!(d.kind, Kind::Value(_))
        && d.before.ends_with(char::is_whitespace)
        && (d.lang.data().words.first_units.iter()).any(|u| *u == unit.to_lowercase())
        && number.chars().next().is_some_and(|c| c.is_ascii_digit())
        && number
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
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

/// Another date and a count of years that together give the answer ("In 1944 … Four years
/// later, in _____", "de 1887 à 1889, soit en deux ans") tell it by addition. A date alone
/// does not: the wrong years are chosen on the answer's side of every date the stem shows
/// (`distract::years`), so it rules none out; nor a count that leads elsewhere ("in 1592 he
/// moved to Padua, where he taught for eighteen years").
fn other_dates(d: &Draft<'_>) -> bool {
    if !matches!(d.kind, Kind::Year { era: None }) {
        return false;
    }
    let digits: String = d.answer.chars().take_while(char::is_ascii_digit).collect();
    let Ok(year) = digits.parse::<i64>() else {
        return false;
    };
    let rest = d.rest_lower();
    let w = &d.lang.data().words;
    let tokens: Vec<&str> = words(&rest).collect();
    let counts: Vec<i64> = tokens
        .windows(2)
        .filter(|p| w.year_units.iter().any(|u| u == p[1]))
        .filter_map(|p| {
            p[0].parse::<i64>()
                .ok()
                .or_else(|| w.numbers.get(p[0]).map(|n| *n as i64))
                .or_else(|| w.indefinite.iter().any(|a| a == p[0]).then_some(1))
        })
        .collect();
    super::detect::years_in(&rest, d.lang)
        .iter()
        .any(|y| counts.contains(&(year - y).abs()))
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
    let rest = d.rest_lower();
    // "46 chromosomes, arranged in _____" (23 pairs), or the other way round: a count in pairs
    // beside its double or half.
    let paired = holds_any(
        &format!("{rest} {}", v.unit.to_lowercase()),
        &d.lang.data().words.pairs,
    ) && words(&rest)
        .filter_map(|w| w.parse::<f64>().ok())
        .any(|n| n == v.amount * 2.0 || n * 2.0 == v.amount);
    paired || (years && words(&rest).any(|w| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit())))
}

fn superlative(d: &Draft<'_>) -> bool {
    matches!(d.kind, Kind::Value(_))
        && holds_any(&d.rest_lower(), &d.lang.data().words.superlatives)
}

fn restated(d: &Draft<'_>) -> bool {
    let after = d.after.trim_start();
    // A figure soon after: digits, or a number word within four words ("or just under two
    // minutes").
    let numbers = &d.lang.data().words.numbers;
    let digit_soon = |s: &str| {
        s.chars().take(4).any(|c| c.is_ascii_digit())
            || (s.split_whitespace().take(4)).any(|w| {
                numbers.contains_key(
                    &w.to_lowercase()
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .to_owned(),
                )
            })
    };
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
    // A count of names is one of two or more: "0 °C" counts none.
    v.amount.fract() == 0.0
        && (2.0..=12.0).contains(&v.amount)
        && (names as f64 >= v.amount || (listed > 1 && listed as f64 == v.amount))
}

fn says_too_little(d: &Draft<'_>) -> bool {
    // "This reaction is called _____." says what it names in the sentence shown before it.
    let shown = match (d.kind, d.context) {
        (Kind::Term, Some(c)) => c,
        _ => "",
    };
    let own = format!("{shown} {} {}", d.before, d.after).to_lowercase();
    let content = words(&own)
        .filter(|w| !d.lang.is_stop(w) && w.chars().count() > 2)
        .count();
    words(&own).count() < 6 || content < 3
}

fn topic(d: &Draft<'_>) -> bool {
    // "Who is one of the greatest French writers? Victor Hugo", in his biography: the text's
    // main person is what every sentence is about.
    let main = d
        .main
        .is_some_and(|m| d.answer.split_whitespace().last() == Some(m));
    if matches!(d.kind, Kind::Person) && main {
        return true;
    }
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
    let is_role = |w: &str| {
        d.lang != Lang::En || super::lexicon::noun(w).is_some_and(|e| e.kinds.contains(&"person"))
    };
    // "led by _____, the Archbishop of Canterbury": a role in apposition after the gap, a
    // definite article and its noun, narrows the answer as one before it does. "_____, a
    // servant of the family" tells what the text teaches of someone, not a title.
    let w = &d.lang.data().words;
    let role_after = (d.after.trim_start().strip_prefix(','))
        .and_then(|r| {
            let mut words = r.split_whitespace();
            let first = words.next()?.to_lowercase().replace('’', "'");
            // An elided article joins its noun: "l'archevêque".
            let (article, noun) = match first.split_once('\'') {
                Some((a, n)) if !n.is_empty() => (format!("{a}'"), n.to_owned()),
                _ => (first.clone(), words.next()?.to_owned()),
            };
            let noun = noun.trim_matches(|c: char| !c.is_alphanumeric());
            // German writes nouns with a capital: "der seit 1971 …" opens a clause.
            let noun_case = d.lang != Lang::De || noun.starts_with(char::is_uppercase);
            (w.articles.contains(&article) && !w.indefinite.contains(&article) && noun_case)
                .then(|| noun.to_lowercase())
        })
        .is_some_and(|noun| noun.chars().count() > 2 && !d.lang.is_stop(&noun) && is_role(&noun));
    matches!(d.kind, Kind::Person)
        && (role_after
            || bare.chars().count() > 2
                && bare.starts_with(char::is_lowercase)
                && !d.lang.is_stop(bare)
                && is_role(bare))
}

fn apposition_after(d: &Draft<'_>) -> bool {
    let rest = d.after.trim_start().to_lowercase();
    let Some(rest) = rest.strip_prefix(',') else {
        return false;
    };
    let first = rest.split_whitespace().next().unwrap_or("");
    matches!(d.kind, Kind::Place(_)) && d.lang.data().words.articles.iter().any(|a| a == first)
}

fn place_in_a_name(d: &Draft<'_>) -> bool {
    let next = d
        .after
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let joined = d
        .after
        .starts_with(|c: char| c.is_alphanumeric() || c == ' ');
    matches!(d.kind, Kind::Place(_))
        && joined
        && d.lang.data().words.place_name_heads.contains(&next)
}

fn gendered_who(d: &Draft<'_>) -> bool {
    let rest = d.rest_lower();
    matches!(d.kind, Kind::Person)
        && holds_any(&rest, &d.lang.data().words.gendered)
        && !d.sex.is_some_and(|s| super::sex::tells(&rest, s, d.lang))
}

fn broken_text(d: &Draft<'_>) -> bool {
    let s = format!("{}{}{}", d.before, d.answer, d.after);
    let count = |c: char| s.matches(c).count();
    let unbalanced = count('(') != count(')')
        || count('"') % 2 == 1
        || count('«') != count('»')
        || count('“') != count('”');
    // "king- doms" is split; "Nord- und Ostsee" is a suspended compound.
    let joins = &d.lang.data().words.suspended_joins;
    let words: Vec<&str> = s.split_whitespace().collect();
    let split_word = words.iter().enumerate().any(|(i, w)| {
        let next = words.get(i + 1).map(|n| n.to_lowercase());
        w.len() > 2
            && w.ends_with('-')
            && w[..w.len() - 1].ends_with(char::is_alphabetic)
            && !next.is_some_and(|n| joins.contains(&n))
    });
    // A definition starts in lower case ("the amount of water …"); a sentence does not.
    let lower_start = !matches!(d.kind, Kind::Term) && s.starts_with(char::is_lowercase);
    lower_start || unbalanced || split_word || s.contains('_')
}

#[cfg(test)]
#[path = "filters_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "filters_reference_tests.rs"]
mod reference_tests;

#[cfg(test)]
#[path = "filters_reference_lang_tests.rs"]
mod reference_lang_tests;

#[cfg(test)]
#[path = "filters_more_tests.rs"]
mod more_tests;
