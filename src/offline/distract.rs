//! Distractor strategies, one per kind: every wrong answer is of the answer's own kind and
//! form. Years near the year, values with the same unit and precision, people with people of
//! the text (or of the same role), places of the same kind (terms: `wrong_terms`).
//! `--difficulty` sets how close they are; a kind that cannot find enough
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

#[path = "distract_years.rs"]
mod years;
use super::read::Doc;
pub(super) use years::{Dates, years};

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
    // A temperature of everyday scale differs by degrees: a factor offers a body at 22 °C
    // (below 20 degrees factors and degrees are alike, and a difference of 6.5 °C is one; water
    // boiling at 100 °C is not offered 200 °C).
    let unit = v.unit.to_lowercase();
    let temperature = !v.percent
        && (20.0..=100.0).contains(&v.amount.abs())
        && (unit.starts_with('°') || lang.data().words.temperature_units.contains(&unit));
    // A value the text gives to three or more significant digits, not as approximate
    // ("Mount Everest, at 8,849 metres"), is precise: its wrong values stay closer.
    let precise = !approximate && !v.word && significant_digits(v) >= 3;
    let small = v.amount.fract() == 0.0 && v.amount <= 20.0 && v.decimals == 0;
    let mut candidates: Vec<f64> = if small || temperature {
        let (lo, hi): (f64, f64) = match (level, temperature) {
            (Level::Hard, false) => (1.0, 2.0),
            (Level::Medium, false) => (2.0, 5.0),
            (Level::Easy, false) => (4.0, 10.0),
            (Level::Hard, true) => (1.0, 3.0),
            (Level::Medium, true) => (2.0, 6.0),
            (Level::Easy, true) => (5.0, 12.0),
        };
        // "at about 4 °C": "about" covers a degree or two, so 2 °C is as true as the key. An
        // approximate value's wrong ones lie three degrees away at least, and a small count's
        // beyond half of it ("about 11 cm" is not offered 9 cm).
        let least = match (approximate, temperature) {
            (false, _) => lo,
            (true, true) => lo.max(3.0),
            (true, false) => lo.max(3.0).max((v.amount.abs() / 2.0).floor() + 1.0),
        };
        // Two apart from each other, so that they spread ("about 16 per cent" is not offered 26
        // beside 27).
        // A temperature's are kept apart by the crowding rule below.
        let (lo, hi, by) = match (approximate, temperature) {
            (true, false) => (least, hi.max(least + 6.0), 2),
            (true, true) => (least, hi.max(least + 2.0), 1),
            (false, _) => (lo, hi, 1),
        };
        let mut c: Vec<f64> = (lo as i64..=hi as i64)
            .step_by(by)
            .flat_map(|d| [v.amount - d as f64, v.amount + d as f64])
            .collect();
        c.retain(|x| *x >= 1.0);
        c
    } else {
        let factors: &[f64] = match (level, precise) {
            (Level::Hard, false) => &[0.8, 0.9, 1.1, 1.2, 0.85, 1.15],
            (Level::Medium, false) => &[0.6, 0.75, 1.25, 1.4, 0.7, 1.3],
            (Level::Easy, false) => &[0.4, 0.5, 1.6, 2.0, 0.3, 1.8],
            (Level::Hard, true) => &[0.85, 0.9, 0.95, 1.05, 1.1, 1.15],
            (Level::Medium, true) => &[0.8, 0.85, 0.9, 1.1, 1.15, 1.2],
            (Level::Easy, true) => &[0.6, 0.7, 0.75, 1.25, 1.3, 1.4],
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
    if let Some(step) = round_step(v).filter(|_| !temperature) {
        let (lo, hi) = match level {
            Level::Hard => (1, 1),
            Level::Medium => (1, 3),
            Level::Easy => (3, 6),
        };
        // A share near the whole has room below it only ("about 80 per cent"): it reaches
        // further there.
        let hi = if v.percent && v.amount > 60.0 {
            hi + 2
        } else {
            hi
        };
        // An approximate one's wrong ones lie further off (below): so do the steps.
        let hi = if approximate { hi + 2 } else { hi };
        for k in lo..=hi {
            candidates.extend([
                v.amount - f64::from(k) * step,
                v.amount + f64::from(k) * step,
            ]);
        }
        candidates.retain(|x| *x > 0.0 && *x != v.amount && !(v.percent && *x >= 100.0));
    }
    // "about 800 atoms": "about" covers a tenth or so, so 700 is nearly as true as the key. An
    // approximate value's wrong ones lie a fifth of it away at least; a round one's more than
    // a step of its own, for "about 40 km" covers 50 km to a reader (rounds 25 and 27 struck
    // "50 km" beside it twice).
    if approximate && !(small || temperature) {
        // Not for a value opening on 1 or 2 ("about 200 km"): a step away is all there is
        // below it, and the fifth keeps "about" apart already.
        let step = round_step(v).filter(|s| v.amount / s >= 3.0).unwrap_or(0.0);
        candidates.retain(|x| {
            let off = (x - v.amount).abs();
            off >= 0.2 * v.amount.abs() - 1e-9 && off > step + 1e-9
        });
    }
    if let Some(max) = near.at_most {
        candidates.retain(|x| *x <= max);
    }
    // "800 million" is not offered "1100 million": a thousand of a multiplier is the next one;
    // nor "1.28 million" "0.90 million", which no one writes.
    if v.times.is_some() && v.amount < 1000.0 {
        candidates.retain(|x| *x < 1000.0);
    }
    if v.times.is_some() && v.amount >= 1.0 {
        candidates.retain(|x| *x >= 1.0);
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
        // Closer for a precise value's, whose factors lie five percent apart.
        let apart = if precise { 0.04 } else { 0.08 };
        // Degrees apart by two but on hard, where they are one to three from the key.
        let crowded = if temperature {
            let gap = if level == Level::Hard { 1.0 } else { 2.0 };
            chosen.iter().any(|c: &f64| (c - x).abs() < gap)
        } else {
            !small
                && chosen
                    .iter()
                    .any(|c: &f64| (c - x).abs() < apart * v.amount)
        };
        if crowded {
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

/// The significant digits of a value as written: 8,849 has four, 2,000 one, 1.25 three.
fn significant_digits(v: &Value) -> usize {
    let digits = format!("{:.*}", v.decimals, v.amount.abs()).replace('.', "");
    let digits = digits.trim_start_matches('0');
    if v.decimals > 0 {
        digits.len()
    } else {
        digits.trim_end_matches('0').len()
    }
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
pub(super) fn format_number(x: f64, decimals: usize, like: &str, lang: Lang) -> String {
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
    // A ruler's number is no part of a name to share: "Edward I" and "Richard I" are two
    // people, and so are "Henry II" and "Henry III".
    let numeral = |w: &str| !w.is_empty() && w.chars().all(|c| "IVXLC".contains(c));
    let regnal = |p: &str| p.split_whitespace().last().is_some_and(numeral);
    let words: Vec<&str> = answer.split_whitespace().collect();
    let named: Vec<&str> = words.iter().copied().filter(|w| !numeral(w)).collect();
    // Not one the stem names by any part of the name ("Ada was introduced to …": not Augusta
    // Ada Byron).
    // (The answer's own words aside: the stem as asked holds it, and a name sharing them is
    // ruled on below.)
    let named_in_stem = |p: &str| {
        super::lang::holds(stem, p)
            || p.split_whitespace().any(|w| {
                w.chars().count() > 2 && !named.contains(&w) && super::lang::holds(stem, w)
            })
    };
    let ok = |p: &str| {
        p != answer
            && (!p
                .split_whitespace()
                .any(|w| !numeral(w) && named.contains(&w))
                || (regnal(p) && regnal(answer)))
            && !named_in_stem(p)
            // A single name only among a story's characters, and a full name among full
            // names: a lone first name beside full names stands out.
            && (p.split_whitespace().count() >= 2 || characters)
            && (words.len() >= 2 || characters)
    };
    // Of another known role than the answer's: not a wrong answer a teacher would offer (the
    // playwright among his characters).
    // A role by its head: a King of France and a King of England are both kings (WordNet may
    // know another bearer of the name: "Henry III" is its King of France).
    let role_of = |p: &str| lexicon::role(p).map(|r| r.split(" of ").next().unwrap_or(r));
    let role = role_of(answer);
    let other_role = |p: &str| role.is_some_and(|r| role_of(p).is_some_and(|q| q != r));
    let mut out: Vec<String> = text_people
        .iter()
        .filter(|p| ok(p) && !other_role(p) && !other_era(p))
        .cloned()
        .collect();
    out.sort();
    out.dedup();
    out.sort_by_key(|p| role_of(p) != role);
    out.truncate(want);
    out.shuffle(rng);
    out
}

/// Wrong people for a person of the text, from the right pool: a character's are the story's
/// other characters; in a story an undated person's are its undated people; a stem that tells
/// the answer's sex ("his", "wife") gets people known to be of that sex only (the filter
/// `gendered-who` has checked the answer's is known). `stem` is the sentence shown before, if
/// any, and the gap sentence around the answer.
pub(super) fn people_of<R: Rng>(
    reading: &super::Reading,
    answer: &str,
    (context, before, after): (Option<&str>, &str, &str),
    want: usize,
    rng: &mut R,
) -> Vec<String> {
    // The stem as asked: a name put in for a pronoun rules its bearer out too, and so does one
    // the sentence shown before names.
    let stem = format!("{} {before}{answer}{after}", context.unwrap_or(""));
    let character = reading.characters.iter().any(|c| c == answer);
    // In a story, the dated people (the author, "Mary Godwin" in 1816) are no wrong answers
    // for an undated one.
    let undated: Vec<String>;
    let pool = if character {
        &reading.characters
    } else if !reading.characters.is_empty() && !reading.eras.contains_key(answer) {
        undated = (reading.people.iter())
            .filter(|p| !reading.eras.contains_key(*p))
            .cloned()
            .collect();
        &undated
    } else {
        &reading.people
    };
    let rest = format!("{} {before} _ {after}", context.unwrap_or("")).to_lowercase();
    let same_sex: Vec<String>;
    let pool = if super::lang::holds_any(&rest, &reading.text.data().words.gendered) {
        let sex = reading.sexes.get(answer);
        same_sex = (pool.iter())
            .filter(|p| sex.is_some() && reading.sexes.get(*p) == sex)
            .cloned()
            .collect();
        &same_sex
    } else {
        pool
    };
    // Two names of one person ("Henri de Navarre, futur Henri IV"): never both, nor the
    // answer's other.
    let pool = one_name_each(pool, answer, &reading.aliases);
    people(answer, &pool, &reading.eras, &stem, character, want, rng)
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
    // Nor another name of the answer's place ("the Convention of Peking": not Beijing).
    // A ruin of antiquity is no wrong answer for a living city, nor one for a ruin ("Troy"
    // for the Rome near Subiaco).
    let ruin = lexicon::ruin(answer);
    let ok = |p: &str| {
        p != answer
            && lexicon::ruin(p) == ruin
            && !lexicon::same_place(p, answer)
            && !p.contains(answer)
            && !answer.contains(p)
            && !super::lexicon::place_named_in(p, stem)
    };
    // "a small town near _____ in China": a city of another country is ruled out (the stem
    // without the answer: "Mexico City" names no country).
    let rest = stem.replacen(answer, " ", 1).to_lowercase();
    let country_named = |k: &PlaceKind| match k {
        PlaceKind::City(part) if !part.is_empty() => {
            super::lang::holds(&rest, &part.to_lowercase())
        }
        _ => false,
    };
    let same_country = |k: &PlaceKind| !country_named(kind) || k == kind;
    let mut own: Vec<(String, usize)> = text_places
        .iter()
        .filter(|(p, k, _)| k.same_class(kind) && same_country(k) && ok(p))
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
        if !out.iter().any(|o| *o == p || lexicon::same_place(o, &p)) {
            out.push(p);
        }
    }
    // Only the text's own: the region's countries at random read as absurd beside a text's
    // story (Croatia as "an island nation in the North Atlantic", Guatemala for Bell Labs).
    out.truncate(want);
    out
}

/// More wrong cities where the text names too few (`have`), from the gazetteer
/// (`lexicon::cities`, English names): the cities of the answer's part first ("Pisa": Florence,
/// Siena, in Tuscany), then of its country; on easy the other way round. Only where the text
/// tells that the answer is the gazetteer's city: it names (`told`) the city's part or country,
/// or another of the country's cities is among its places. A name is often more than one place
/// ("Richmond, near London" is no city of Virginia; the Edo people are not Tokyo). Not for a
/// name that is first an idea or a state as a common noun ("the Declaration of Independence",
/// "Reading"), and no such name among the wrong ones.
pub(super) fn gazetteer_cities<R: Rng>(
    answer: &str,
    told: &dyn Fn(&str) -> bool,
    text_places: &[(String, PlaceKind, usize)],
    stem: &str,
    have: &[String],
    (want, level): (usize, Level),
    rng: &mut R,
) -> Vec<String> {
    // A name that is first an idea or a state in lower case ("independence", "reading",
    // "concord"); not "chicago" (a card game) or "paris" (a plant).
    let common = |name: &str| {
        (lexicon::entry(&name.to_lowercase())).is_some_and(|e| {
            let abstract_kinds = ["state", "cognition", "attribute", "event", "communication"];
            e.kinds.first().is_some_and(|k| abstract_kinds.contains(k))
        })
    };
    let living = |c: &&lexicon::City| !c.ruin;
    let Some(home) = lexicon::city(answer).filter(|c| want > 0 && !common(answer) && living(c))
    else {
        return Vec::new();
    };
    let same = |c: &lexicon::City| std::ptr::eq(c, home);
    let fellow =
        |name: &str| lexicon::city(name).is_some_and(|c| !same(c) && c.country == home.country);
    let certain =
        told(home.part) || told(home.country) || text_places.iter().any(|(p, _, _)| fellow(p));
    if !certain {
        return Vec::new();
    }
    // None of the text's own or another name of one ("Aarhus", "Arhus").
    let ok = |c: &lexicon::City| {
        let p = c.names[0];
        !same(c)
            && !c.ruin
            && c.country == home.country
            && !common(p)
            && !lexicon::same_place(p, answer)
            && !p.contains(answer)
            && !answer.contains(p)
            && !lexicon::place_named_in(p, stem)
            && !(have.iter()).any(|h| c.names.contains(&h.as_str()) || lexicon::same_place(h, p))
            && !(text_places.iter()).any(|(t, _, _)| c.names.contains(&t.as_str()))
    };
    let (near, far): (Vec<&lexicon::City>, Vec<&lexicon::City>) = (lexicon::cities().iter())
        .filter(|c| ok(c))
        .partition(|c| c.part == home.part);
    let names = |cs: Vec<&lexicon::City>| -> Vec<&str> { cs.iter().map(|c| c.names[0]).collect() };
    let (mut near, mut far) = (names(near), names(far));
    near.shuffle(rng);
    far.shuffle(rng);
    let order = match level {
        Level::Easy => [far, near],
        Level::Medium | Level::Hard => [near, far],
    };
    // Nor two names of one place among them ("Thebes", "Luxor").
    let mut out: Vec<String> = Vec::new();
    for p in order.into_iter().flatten() {
        if out.len() < want && !out.iter().any(|o| lexicon::same_place(o, p)) {
            out.push(p.to_owned());
        }
    }
    out
}

/// The places named as the answer is, with an article or without: a country named with one
/// ("die Niederlande") is no wrong answer for a bare one, nor the other way round ("in _____":
/// Deutschland, not "in Niederlande").
pub(super) fn same_article(
    places: Vec<(String, PlaceKind, usize)>,
    answer: &str,
    lang: Lang,
) -> Vec<(String, PlaceKind, usize)> {
    let articled = &lang.data().words.article_countries;
    let has = |p: &str| articled.iter().any(|a| a == p);
    places
        .into_iter()
        .filter(|(p, _, _)| has(p) == has(answer))
        .collect()
}

/// The pairs of names the text gives one place ("Edo, which was renamed Tokyo", "Ragusa (now
/// Dubrovnik)", "Nueva Granada, la actual Colombia", "Mühlburg, heute Karlsruhe"): two places
/// found in one sentence, the second set off by a comma or a bracket after the first, with at
/// most three words between them, or five after an article ("Edo, the city that is now
/// Tokyo"), the last one of the language's `aliases`.
pub(super) fn aliases(doc: &Doc, found: &[Found], lang: Lang) -> Vec<(String, String)> {
    let words = &lang.data().words;
    let mut out = named_twice(
        doc,
        found,
        |k| matches!(k, Kind::Place(_)),
        (&words.aliases, lang),
        (3, 5),
    );
    // A person's second name may follow a longer apposition: "Henri de Navarre, chef du parti
    // protestant, qui devient Henri IV".
    out.extend(named_twice(
        doc,
        found,
        |k| matches!(k, Kind::Person),
        (&words.person_aliases, lang),
        (6, 6),
    ));
    out
}

/// Pairs of names of `kind` next in one sentence, set off after the first ("Edo, which was
/// renamed Tokyo", "Ragusa (now Dubrovnik)"), with at most `most.0` words between them (or
/// `most.1` when the first is an article: "Edo, the city that is now Tokyo") and the last of
/// them one of `words`; not "first in China and later in Laos", nor "the Niger River, covering
/// parts of present-day Mali".
fn named_twice(
    doc: &Doc,
    found: &[Found],
    kind: impl Fn(&Kind) -> bool,
    (words, lang): (&[String], Lang),
    most: (usize, usize),
) -> Vec<(String, String)> {
    let articles = &lang.data().words.articles;
    let mut out = Vec::new();
    let names: Vec<&Found> = found.iter().filter(|f| kind(&f.kind)).collect();
    for pair in names.windows(2) {
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
        let apposition = between.trim_start().starts_with([',', '(']);
        let last = between.trim_end();
        let first = between
            .split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
            .unwrap_or("");
        // After an article, more words, but none of place ("Timbuktu, a trading city in
        // present-day Mali" names two places).
        let placed = between
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| lang.data().words.place_prepositions.iter().any(|p| p == w));
        let most = if articles.iter().any(|a| a == first) && !placed {
            most.1
        } else {
            most.0
        };
        if apposition && count <= most && super::lang::ends_with_any(last, words) {
            let name = |f: &Found| text[f.start..f.end].to_owned();
            out.push((name(a), name(b)));
        }
    }
    out
}

/// `names` without `answer`'s other names, and with one name only of anyone else named twice.
pub(super) fn one_name_each(
    names: &[String],
    answer: &str,
    aliases: &[(String, String)],
) -> Vec<String> {
    let same = |x: &str, y: &str| {
        aliases
            .iter()
            .any(|(a, b)| (a == x && b == y) || (a == y && b == x))
    };
    let mut out: Vec<String> = Vec::new();
    for p in names {
        let taken = out.iter().any(|q| q != p && same(q, p));
        if !same(p, answer) && !taken {
            out.push(p.clone());
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

#[cfg(test)]
#[path = "distract_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "distract_places_tests.rs"]
mod places_tests;
