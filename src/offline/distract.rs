//! Distractor strategies, one per kind: every wrong answer is of the answer's own kind and
//! form. Years near the year, values with the same unit and precision, people with people of
//! the text (or of the same role), places of the same kind and region, terms with the text's
//! other defined terms. `--difficulty` sets how close they are; a kind that cannot find enough
//! gives none, and the question is not written.
#![allow(
    clippy::float_cmp,
    reason = "amounts are parsed from the text's digits and compared exactly on purpose"
)]

use rand::Rng;
use rand::seq::SliceRandom;

use super::detect::{Found, Kind, Value};
use super::lang::Lang;
use super::lexicon::{self, PlaceKind};
use super::read::Doc;

/// How close wrong answers are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Level {
    Easy,
    Medium,
    Hard,
}

impl Level {
    pub(super) fn name(self) -> &'static str {
        match self {
            Level::Easy => "easy",
            Level::Medium => "medium",
            Level::Hard => "hard",
        }
    }
}

/// The latest year a wrong answer may be: the texts are about the past.
const LAST_YEAR: i64 = 2025;

/// `want` wrong years for `year`, some before and some after, so the key is not always the
/// earliest or latest. `approximate` ("around 1450") keeps them further away.
pub(super) fn years<R: Rng>(
    year: i64,
    era: Option<&str>,
    level: Level,
    approximate: bool,
    want: usize,
    rng: &mut R,
) -> Vec<String> {
    // "vers 1850", "around 1450": a round year the text gives as approximate gets round ones.
    // An old date is approximate by more ("around 2560 BC" may be off by decades): its wrong
    // years are further apart, in steps of a fiftieth of its age.
    let step = approximate_step(year, era);
    if approximate && (year % 10 == 0 || step > 10) {
        // "vers 1900" may mean 1910 as well: the rounder the year, the wider the wrong ones.
        let tolerance = if year % 100 == 0 { 50 } else { 20 };
        return round_years(year, era, level, step.max(tolerance), want, rng);
    }
    let (lo, hi) = match (level, approximate) {
        // Close enough to stay within the period the text is about (a battle of 1916 is not
        // offered 1928).
        (Level::Hard, false) => (1, 4),
        (Level::Medium, false) | (Level::Hard, true) => (2, 9),
        (Level::Easy, _) | (Level::Medium, true) => (8, 25),
    };
    let mut offsets: Vec<i64> = (lo..=hi).collect();
    offsets.shuffle(rng);
    let below = rng.random_range(0..=want);
    let spacing = (hi / 4).max(1) as u64;
    let mut out = Vec::new();
    let mut taken = std::collections::HashSet::new();
    for (i, off) in offsets.into_iter().enumerate() {
        if out.len() == want {
            break;
        }
        let down = i < below || (era.is_none() && year + off > LAST_YEAR);
        let y = if down { year - off } else { year + off };
        // Spread out: three years in a row beside a lone key point at the key.
        let crowded = taken.iter().any(|t: &i64| t.abs_diff(y) < spacing);
        if y < 1 || (era.is_none() && y > LAST_YEAR) || crowded || !taken.insert(y) {
            continue;
        }
        out.push(match era {
            Some(e) => format!("{y} {e}"),
            None => y.to_string(),
        });
    }
    out
}

/// The step between wrong years for an approximate date: ten years, or a fiftieth of the
/// date's age in tens when that is more (a date "BC", "av. J.-C.", "v. Chr.", "a. C." counts
/// back from year one).
fn approximate_step(year: i64, era: Option<&str>) -> i64 {
    let bc = era.is_some_and(|e| {
        let e = e.to_lowercase();
        e.starts_with('b') || e.starts_with("av") || e.starts_with("v.") || e.starts_with("a.")
    });
    let age = if bc {
        LAST_YEAR + year
    } else {
        LAST_YEAR - year
    };
    ((age / 50) / 10 * 10).max(10)
}

/// Wrong years for an approximate round year: `step`s away (decades for a recent one), on
/// both sides.
fn round_years<R: Rng>(
    year: i64,
    era: Option<&str>,
    level: Level,
    step: i64,
    want: usize,
    rng: &mut R,
) -> Vec<String> {
    let steps: &[i64] = match level {
        Level::Hard => &[-2, -1, 1, 2],
        Level::Medium => &[-3, -2, -1, 1, 2, 3],
        Level::Easy => &[-5, -4, -3, 3, 4, 5],
    };
    let mut ys: Vec<i64> = steps
        .iter()
        .map(|s| year + s * step)
        .filter(|y| *y >= 1 && (era.is_some() || *y <= LAST_YEAR))
        .collect();
    ys.shuffle(rng);
    ys.truncate(want);
    ys.into_iter()
        .map(|y| match era {
            Some(e) => format!("{y} {e}"),
            None => y.to_string(),
        })
        .collect()
}

/// `want` wrong values of the answer's unit, precision and form (digits or words), on both
/// sides of it; never a share over 100 percent.
/// What the stem says of a value that bounds its wrong answers.
#[derive(Clone, Copy, Default)]
pub(super) struct Near {
    /// "about", "around": wrong values further off.
    pub(super) approximate: bool,
    /// An age: wrong ones under this.
    pub(super) at_most: Option<f64>,
}

pub(super) fn values<R: Rng>(
    v: &Value,
    shown: &str,
    lang: Lang,
    level: Level,
    near: Near,
    want: usize,
    rng: &mut R,
) -> Vec<String> {
    let approximate = near.approximate;
    let level = if approximate && level == Level::Hard {
        Level::Medium
    } else {
        level
    };
    let mut candidates: Vec<f64> = if v.amount.fract() == 0.0 && v.amount <= 20.0 && v.decimals == 0
    {
        let (lo, hi) = match level {
            Level::Hard => (1.0, 2.0),
            Level::Medium => (2.0, 5.0),
            Level::Easy => (4.0, 10.0),
        };
        let mut c: Vec<f64> = (lo as i64..=hi as i64)
            .flat_map(|d| [v.amount - d as f64, v.amount + d as f64])
            .collect();
        c.retain(|x| *x >= 1.0);
        c
    } else {
        let factors: &[f64] = match level {
            Level::Hard => &[0.8, 0.9, 1.1, 1.2, 0.85, 1.15],
            Level::Medium => &[0.6, 0.75, 1.25, 1.4, 0.7, 1.3],
            Level::Easy => &[0.4, 0.5, 1.6, 2.0, 0.3, 1.8],
        };
        factors
            .iter()
            .map(|f| round_like(v.amount * f, v))
            .collect()
    };
    // Never 1 beside a plural unit ("1 metres"), never a share over 100 percent.
    candidates.retain(|x| {
        *x != v.amount
            && *x > 0.0
            && (*x != 1.0 || v.percent)
            && !(v.percent && v.times.is_none() && *x >= 100.0)
    });
    // A round value (3,000; 200; 40) also gets its neighbours by its own step: rounding
    // factors alone leaves too few distinct ones.
    if let Some(step) = round_step(v) {
        let (lo, hi) = match level {
            Level::Hard => (1, 1),
            Level::Medium => (1, 3),
            Level::Easy => (3, 6),
        };
        for k in lo..=hi {
            candidates.extend([
                v.amount - f64::from(k) * step,
                v.amount + f64::from(k) * step,
            ]);
        }
        candidates.retain(|x| *x > 0.0 && *x != v.amount && !(v.percent && *x > 100.0));
    }
    if let Some(max) = near.at_most {
        candidates.retain(|x| *x <= max);
    }
    // "800 million" is not offered "1100 million": a thousand of a multiplier is the next one.
    if v.times.is_some() && v.amount < 1000.0 {
        candidates.retain(|x| *x < 1000.0);
    }
    candidates.sort_by(f64::total_cmp);
    candidates.dedup();
    candidates.shuffle(rng);
    // Both sides: the key is neither always the least nor the most.
    let below_wanted = rng.random_range(0..=want);
    let (below, above): (Vec<f64>, Vec<f64>) = candidates.into_iter().partition(|x| *x < v.amount);
    let take_below = below_wanted.min(below.len());
    let take_above = (want - take_below).min(above.len());
    let take_below = (want - take_above).min(below.len());
    let mut out: Vec<String> = Vec::new();
    let mut chosen: Vec<f64> = Vec::new();
    let (first_below, rest_below) = below.split_at(take_below);
    let (first_above, rest_above) = above.split_at(take_above);
    // The chosen sides first, then any left, should a chosen one render as another's twin.
    for &x in first_below
        .iter()
        .chain(first_above)
        .chain(rest_below)
        .chain(rest_above)
    {
        if out.len() == want {
            break;
        }
        // Spread out: "15 °C" beside "16 °C" points at neither, but bunches the options.
        let small = v.amount <= 20.0 && v.amount.fract() == 0.0;
        if !small && chosen.iter().any(|c: &f64| (c - x).abs() < 0.08 * v.amount) {
            continue;
        }
        if let Some(text) = render_value(x, v, shown, lang)
            && !out.contains(&text)
            && text != shown
        {
            chosen.push(x);
            out.push(text);
        }
    }
    out
}

/// The step of a round whole value: 1,000 for 3,000, 100 for 200, 10 for 40; none for 6,432.
fn round_step(v: &Value) -> Option<f64> {
    if v.decimals > 0 || v.amount.fract() != 0.0 || v.amount < 20.0 {
        return None;
    }
    let step = 10f64.powi(v.amount.log10().floor() as i32);
    ((v.amount / step).fract() == 0.0).then_some(step)
}

/// A value rounded to the answer's precision: its decimals, or its significant digits.
fn round_like(x: f64, v: &Value) -> f64 {
    if v.decimals > 0 {
        let p = 10f64.powi(v.decimals as i32);
        return (x * p).round() / p;
    }
    let a = v.amount.abs().max(1.0);
    let digits = a.log10().floor() as i32;
    // Significant digits of the answer: 6400 has two, 6432 four.
    let mut sig = 0;
    let mut n = v.amount as i64;
    while n != 0 && n % 10 == 0 {
        n /= 10;
        sig += 1;
    }
    let step = 10f64.powi(sig.min(digits));
    ((x / step).round() * step).max(step)
}

/// A wrong value written as the answer is: the same unit after it, the same separators, a word
/// when the answer is a word (none when the language has no word for it).
fn render_value(x: f64, v: &Value, shown: &str, lang: Lang) -> Option<String> {
    let w = &lang.data().words;
    let number_part_end = shown
        .find(|c: char| !(c.is_ascii_digit() || ",. \u{a0}\u{202f}".contains(c)))
        .unwrap_or(shown.len());
    let (number, rest) = if v.word {
        let end = shown.find(char::is_whitespace).unwrap_or(shown.len());
        (&shown[..end], &shown[end..])
    } else {
        let n = shown[..number_part_end].trim_end();
        (n, &shown[n.len()..])
    };
    let text = if v.word {
        let word = w
            .numbers
            .iter()
            .find(|(_, n)| **n as f64 == x)
            .map(|(k, _)| k.clone())?;
        if number.starts_with(char::is_uppercase) {
            let mut c = word.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect())?
        } else {
            word
        }
    } else {
        format_number(x, v.decimals, number, lang)
    };
    Some(format!("{text}{rest}"))
}

/// A number with the separators the answer uses ("6,400", "18 038", "1.500", "1,5").
fn format_number(x: f64, decimals: usize, like: &str, lang: Lang) -> String {
    let w = &lang.data().words;
    let int = x.trunc() as i64;
    let sep = like
        .chars()
        .find(|c| !c.is_ascii_digit() && c.to_string() != w.decimal);
    let grouped = match sep {
        Some(s) if int >= 1000 => {
            let digits = int.to_string();
            let mut out = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i).is_multiple_of(3) {
                    out.push(s);
                }
                out.push(c);
            }
            out
        }
        _ => int.to_string(),
    };
    if decimals == 0 {
        return grouped;
    }
    let frac = format!("{:.*}", decimals, x.fract().abs());
    format!("{grouped}{}{}", w.decimal, &frac[2..])
}

/// Wrong people: others of the text first (the same role first when WordNet knows it), then,
/// when the text has too few, people WordNet gives the same role.
/// `eras` gives, for the people the text dates, the middle year of the sentences naming them:
/// none more than 40 years from the answer's is offered (not a 15th-century printer as the
/// author of a 1979 study).
pub(super) fn people<R: Rng>(
    answer: &str,
    text_people: &[String],
    eras: &std::collections::BTreeMap<String, i64>,
    stem: &str,
    characters: bool,
    want: usize,
    rng: &mut R,
) -> Vec<String> {
    let era = eras.get(answer);
    let other_era = |p: &str| {
        era.zip(eras.get(p))
            .is_some_and(|(a, b)| a.abs_diff(*b) > 40)
    };
    let words: Vec<&str> = answer.split_whitespace().collect();
    // Not one the stem names by any part of the name ("Ada was introduced to …": not Augusta
    // Ada Byron).
    let named_in_stem = |p: &str| {
        p.split_whitespace()
            .any(|w| w.chars().count() > 2 && super::lang::holds(stem, w))
    };
    let ok = |p: &str| {
        p != answer
            && !p.split_whitespace().any(|w| words.contains(&w))
            && !named_in_stem(p)
            // A single name only among a story's characters, and a full name among full
            // names: a lone first name beside full names stands out.
            && (p.split_whitespace().count() >= 2 || characters)
            && (words.len() >= 2 || characters)
    };
    // Of another known role than the answer's: not a wrong answer a teacher would offer (the
    // playwright among his characters).
    let role = lexicon::role(answer);
    let other_role = |p: &str| role.is_some_and(|r| lexicon::role(p).is_some_and(|q| q != r));
    let mut out: Vec<String> = text_people
        .iter()
        .filter(|p| ok(p) && !other_role(p) && !other_era(p))
        .cloned()
        .collect();
    out.sort();
    out.dedup();
    out.sort_by_key(|p| lexicon::role(p) != role);
    out.truncate(want);
    out.shuffle(rng);
    out
}

/// Wrong places of the same kind: the text's own, nearest the answer in the text first on hard
/// and furthest first on easy (each place with its paragraph's number).
#[allow(clippy::too_many_arguments)]
pub(super) fn places<R: Rng>(
    answer: &str,
    kind: &PlaceKind,
    text_places: &[(String, PlaceKind, usize)],
    at: usize,
    stem: &str,
    level: Level,
    want: usize,
    rng: &mut R,
) -> Vec<String> {
    // Not a place the stem names, nor one whose people's adjective it uses ("ended Spanish
    // rule in …": not Spain).
    let ok = |p: &str| {
        p != answer
            && !p.contains(answer)
            && !answer.contains(p)
            && !super::lexicon::place_named_in(p, stem)
    };
    let mut own: Vec<(String, usize)> = text_places
        .iter()
        .filter(|(p, k, _)| k.same_class(kind) && ok(p))
        .map(|(p, _, n)| (p.clone(), n.abs_diff(at)))
        .collect();
    own.shuffle(rng);
    match level {
        Level::Hard => own.sort_by_key(|(_, d)| *d),
        Level::Easy => own.sort_by_key(|(_, d)| std::cmp::Reverse(*d)),
        Level::Medium => {}
    }
    let mut out: Vec<String> = Vec::new();
    for (p, _) in own {
        if !out.contains(&p) {
            out.push(p);
        }
    }
    // Only the text's own: the region's countries at random read as absurd beside a text's
    // story (Croatia as "an island nation in the North Atlantic", Guatemala for Bell Labs).
    out.truncate(want);
    out
}

/// The pairs of names the text gives one place ("Edo, which was renamed Tokyo", "Ragusa (now
/// Dubrovnik)", "Nueva Granada, la actual Colombia", "Mühlburg, heute Karlsruhe"): two places
/// found in one sentence, the second set off by a comma or a bracket after the first, with at
/// most three words between them, the last one of the language's `aliases`.
pub(super) fn aliases(doc: &Doc, found: &[Found], lang: Lang) -> Vec<(String, String)> {
    let words = &lang.data().words.aliases;
    let mut out = Vec::new();
    let places: Vec<&Found> = found
        .iter()
        .filter(|f| matches!(f.kind, Kind::Place(_)))
        .collect();
    for pair in places.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.sentence != b.sentence || b.start < a.end {
            continue;
        }
        let text = &doc.sentences[a.sentence].text;
        let between = text[a.end..b.start].to_lowercase();
        let count = between
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '-')
            .filter(|w| !w.is_empty())
            .count();
        // Set off after the first name, the word of another name right before the second:
        // "Edo, which was renamed Tokyo", "Ragusa (now Dubrovnik)"; not "first in China and
        // later in Laos", nor "the Niger River, covering parts of present-day Mali".
        let apposition = between.trim_start().starts_with([',', '(']);
        let last = between.trim_end();
        if apposition && count <= 3 && super::lang::ends_with_any(last, words) {
            let name = |f: &Found| text[f.start..f.end].to_owned();
            out.push((name(a), name(b)));
        }
    }
    out
}

/// The text's places without the answer and its other names, and with one name only of any other
/// place the text names twice: two names of one place as options are both right, or cancel
/// each other out.
pub(super) fn without_aliases(
    places: &[(String, PlaceKind, usize)],
    answer: &str,
    aliases: &[(String, String)],
) -> Vec<(String, PlaceKind, usize)> {
    let same = |x: &str, y: &str| {
        aliases
            .iter()
            .any(|(a, b)| (a == x && b == y) || (a == y && b == x))
    };
    let mut out: Vec<(String, PlaceKind, usize)> = Vec::new();
    for p in places {
        let taken = out.iter().any(|(q, _, _)| q != &p.0 && same(q, &p.0));
        if p.0 != answer && !same(&p.0, answer) && !taken {
            out.push(p.clone());
        }
    }
    out
}

/// Wrong terms: the text's other terms (each with where it is: a paragraph's number), the
/// nearest first on hard and the furthest on easy, none that shares a stem with the answer or
/// appears in the definition asked.
#[allow(clippy::too_many_arguments)]
pub(super) fn terms<R: Rng>(
    answer: &str,
    meaning: &str,
    defined: &[(String, usize)],
    lowered: &[String],
    section: usize,
    lang: Lang,
    level: Level,
    want: usize,
    rng: &mut R,
) -> Vec<String> {
    let stems = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(|w| lang.stem(w))
            .collect()
    };
    let key = stems(answer);
    let meaning_stems = stems(meaning);
    // Not one whose words are all the answer's or the answer's all its ("capillary" and
    // "capillaries", "blood" and "blood cell"), nor one the definition spells out; "cell wall"
    // beside "cell membrane" is a fair wrong answer.
    let within = |a: &[String], b: &[String]| a.iter().all(|w| b.contains(w));
    let mut out: Vec<(String, usize)> = defined
        .iter()
        .filter(|(t, _)| {
            let s = stems(t);
            !s.is_empty() && !within(&s, &key) && !within(&key, &s) && !within(&s, &meaning_stems)
        })
        .cloned()
        .collect();
    out.shuffle(rng);
    // Hard: the terms nearest the answer in the text (the same lesson's, most confusable);
    // easy: the furthest.
    let distance = |p: usize| p.abs_diff(section);
    match level {
        Level::Hard => out.sort_by_key(|(_, p)| distance(*p)),
        Level::Easy => out.sort_by_key(|(_, p)| std::cmp::Reverse(distance(*p))),
        Level::Medium => {}
    }
    // A name beside common words, or a capital beside lower case, would tell the answer: the
    // wrong terms are of the answer's sort and take its case.
    // A glossary capitalises its terms; a term the text also writes in lower case is no name.
    let is_name = |t: &str, lang: Lang| is_name(t, lang) && !lowered.contains(&t.to_lowercase());
    let name = is_name(answer, lang);
    let mut out: Vec<String> = out
        .into_iter()
        .map(|(t, _)| t)
        .filter(|t| is_name(t, lang) == name && same_sort(t, answer, lang))
        .map(|t| {
            if name || lang == Lang::De {
                t
            } else {
                same_case(&t, answer)
            }
        })
        .collect();
    // No two that are one term ("Electric circuit", "Electric Circuits").
    let mut seen: Vec<Vec<String>> = Vec::new();
    out.retain(|t| {
        let mut s = stems(t);
        s.sort();
        let fresh = !seen.contains(&s);
        seen.push(s);
        fresh
    });
    out.truncate(want);
    out
}

/// Whether an English term is of the answer's sort where WordNet knows both heads (or an
/// ending tells a process): a process among processes, not "lava" among them.
fn same_sort(term: &str, answer: &str, lang: Lang) -> bool {
    let head = |t: &str| t.split_whitespace().last().map(str::to_lowercase);
    // A head WordNet lacks but whose ending names a process ("weathering", "cementation").
    let process = |h: &str| {
        ["ing", "tion", "sion", "ment", "ism", "ysis", "osis"]
            .iter()
            .any(|e| h.ends_with(e) && h.len() > e.len() + 3)
    };
    let kinds = |t: &str| {
        head(t).and_then(|h| {
            lexicon::noun(&h)
                .map(|e| e.kinds.clone())
                .or_else(|| process(&h).then(|| vec!["process"]))
        })
    };
    // WordNet files an action, an event and a process apart ("compaction" is an event,
    // "metamorphism" a process); to a learner they are one sort, what happens.
    fn family(k: &str) -> &str {
        match k {
            "process" | "act" | "event" | "phenomenon" => "happening",
            other => other,
        }
    }
    match (lang, kinds(term), kinds(answer)) {
        (Lang::En, Some(a), Some(b)) => a.iter().any(|k| b.iter().any(|j| family(j) == family(k))),
        _ => true,
    }
}

/// Whether a term is a proper name: one WordNet knows as a place or person, or, in English, a
/// capitalised word that is no common noun ("Yangtze").
fn is_name(term: &str, lang: Lang) -> bool {
    lexicon::entry(term)
        .is_some_and(|e| matches!(e.kinds.as_slice(), ["location" | "person" | "object"]))
        || (lang == Lang::En
            && term.starts_with(char::is_uppercase)
            && lexicon::noun(&term.to_lowercase()).is_none()
            && !term.contains(' '))
}

/// A common term with the first letter's case of `like` ("Evaporation" beside "Condensation",
/// "transpiration" beside "evaporation").
fn same_case(term: &str, like: &str) -> String {
    // An acronym or a name inside ("DNA", "messenger RNA") keeps its capitals.
    if term.chars().skip(1).any(char::is_uppercase) {
        return term.to_owned();
    }
    let mut c = term.chars();
    let Some(first) = c.next() else {
        return String::new();
    };
    let rest: String = c.collect();
    if like.starts_with(char::is_uppercase) {
        first.to_uppercase().chain(rest.chars()).collect()
    } else {
        first.to_lowercase().chain(rest.chars()).collect()
    }
}

/// Whether two definitions say nearly the same: at least two of the first's content words
/// (by stem), and half of them, are in the second, leaving out the words of the text's subject
/// (in three or more of its definitions: "electric", "charge" in a lesson on circuits).
pub(super) fn alike(a: &str, b: &str, all: &[&str], lang: Lang) -> bool {
    let content = |s: &str| -> Vec<String> {
        let mut v: Vec<String> = s
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() > 2 && !lang.is_stop(w))
            .map(|w| lang.stem(w))
            .collect();
        v.sort();
        v.dedup();
        v
    };
    let every: Vec<Vec<String>> = all.iter().map(|m| content(m)).collect();
    let subject = |w: &String| every.iter().filter(|m| m.contains(w)).count() >= 3;
    let a: Vec<String> = content(a).into_iter().filter(|w| !subject(w)).collect();
    let b = content(b);
    let shared = a.iter().filter(|w| b.contains(w)).count();
    shared >= 2 && shared * 2 >= a.len()
}

#[cfg(test)]
#[path = "distract_tests.rs"]
mod tests;
