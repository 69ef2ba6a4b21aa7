//! Wrong years: near the year on both sides, within the text's span and the stem's dates'
//! sides, round ones for an approximate date.
use rand::Rng;
use rand::seq::{IndexedRandom, SliceRandom};

use super::Level;

/// The latest year a wrong answer may be: the texts are about the past.
const LAST_YEAR: i64 = 2025;

/// What the text tells of the years around a date, which its wrong years keep to.
#[derive(Clone, Debug, Default)]
pub(in crate::offline) struct Dates {
    /// The other dates the stem shows: a wrong year stays on the answer's side of each ("the
    /// war that began in 1914 ended in _____" is not offered 1912).
    pub(in crate::offline) stem: Vec<i64>,
    /// The text's earliest and latest year: no wrong year falls outside them, unless the answer
    /// is itself the first or last (a state the text ends in 1990 is not offered 1995).
    pub(in crate::offline) text: Option<(i64, i64)>,
    /// The first and last years of the known periods the sentence names (`Words::
    /// known_periods`): a wrong year is inside each, or before or after it, as the answer is;
    /// none where the answer is the period's first or last year ("The war ended in _____").
    pub(in crate::offline) periods: Vec<(i64, i64)>,
}

impl Dates {
    /// Whether `y` may be offered for `year`.
    pub(in crate::offline) fn allow(&self, year: i64, y: i64) -> bool {
        let sides = self
            .stem
            .iter()
            .all(|s| *s == year || (y != *s && (y < *s) == (year < *s)));
        let within = self
            .text
            .is_none_or(|(lo, hi)| (y >= lo || year <= lo) && (y <= hi || year >= hi));
        sides && within && self.in_periods(year, y)
    }

    /// Whether `y` is inside each period, or before or after it, as `year` is.
    pub(in crate::offline) fn in_periods(&self, year: i64, y: i64) -> bool {
        let side = |y: i64, (lo, hi): (i64, i64)| u8::from(y >= lo) + u8::from(y > hi);
        (self.periods.iter())
            .all(|&(lo, hi)| year == lo || year == hi || side(y, (lo, hi)) == side(year, (lo, hi)))
    }
}

/// `want` wrong years for `year`, some before and some after, so the key is not always the
/// earliest or latest, within what `dates` allows (a date with an era is not bounded).
/// `approximate` ("around 1450") keeps them further away.
pub(in crate::offline) fn years<R: Rng>(
    year: i64,
    era: Option<&str>,
    level: Level,
    approximate: bool,
    dates: &Dates,
    want: usize,
    rng: &mut R,
) -> Vec<String> {
    // A date with an era is bounded by no other date, but by a period (a century) when it
    // counts forward.
    let allow = |y: i64| match era {
        Some(_) => before_christ(era) || dates.in_periods(year, y),
        None => dates.allow(year, y),
    };
    // "vers 1850", "around 1450": a round year the text gives as approximate gets round ones.
    // An old date is approximate by more ("around 2560 BC" may be off by decades): its wrong
    // years are further apart, in steps of a fiftieth of its age.
    let step = approximate_step(year, era);
    if approximate && (year % 10 == 0 || step > 10) {
        // "vers 1900" may mean 1910 as well: the rounder the year, the wider the wrong ones.
        let tolerance = if year % 100 == 0 { 50 } else { 20 };
        // A date before Christ, as round as the key: "about 2500 BCE" is not offered 2590
        // BCE, which the key's roundness would give away (and "about" covers), but 2000 and
        // 3000 BCE; a unit the key is four of at least, so wrong years fall on both sides
        // ("about 500 BC": 400, 600 BC). (One after Christ keeps its decades: the text's own
        // span bounds them.)
        let unit = [500, 100, 50, 10]
            .into_iter()
            .find(|u| year % u == 0 && year >= 4 * u && before_christ(era))
            .unwrap_or(1);
        let step = (step.max(tolerance) + unit - 1) / unit * unit;
        let mut out = round_years(year, era, level, step, usize::MAX, rng);
        out.retain(|y| {
            y.split_whitespace()
                .next()
                .and_then(|d| d.parse().ok())
                .is_some_and(allow)
        });
        out.truncate(want);
        return out;
    }
    let (lo, hi) = match (level, approximate) {
        // Close enough to stay within the period the text is about (a battle of 1916 is not
        // offered 1928).
        (Level::Hard, false) => (1, 4),
        // Within six years: graders of rounds 9 and 10 struck a wartime date offered 1938, 1946
        // and 1949 (the stem's occupation rules them out), which reach up to nine allowed.
        (Level::Medium, false) => (1, 6),
        (Level::Easy, false) => (8, 25),
        // "vers 1412", "built around 1327": a year within the text's own approximation would
        // be right too (1420, 1336), so none nearer than eight years, twelve on medium.
        (Level::Hard, true) => (8, 15),
        (Level::Medium, true) => (12, 25),
        (Level::Easy, true) => (20, 40),
    };
    let mut offsets: Vec<i64> = (lo..=hi).collect();
    offsets.shuffle(rng);
    let below = rng.random_range(0..=want);
    let spacing = (hi / 4).max(1) as u64;
    let mut out = Vec::new();
    let mut taken = std::collections::HashSet::new();
    // The stem's nearest date: were the key always the option closest to it ("in 1563 he
    // abolished …, and in _____ he ended …"; "Tambora erupted in _____ …, so 1816 became
    // …"), it would stand out; one wrong year lies between them (within the level's reach),
    // and with none between, no question.
    let nearest = (dates.stem.iter())
        .filter(|s| **s != year && era.is_none())
        .min_by_key(|s| s.abs_diff(year));
    // An exact year may have one a year off between; "vers 1412" none nearer than its level.
    let nearest_off = if approximate { lo as u64 } else { 1 };
    if let Some(&s) = nearest {
        let between: Vec<i64> = (s.min(year) + 1..s.max(year))
            .filter(|y| (nearest_off..=hi as u64).contains(&y.abs_diff(year)) && allow(*y))
            .collect();
        let Some(&y) = between.choose(rng) else {
            return Vec::new();
        };
        taken.insert(y);
        out.push(y.to_string());
    }
    // A second pass takes both sides of each offset, where the first (one side each) left too
    // few: a narrow span ("The Crimean War, 1853–1856") has few years to offer.
    for (i, off) in offsets
        .iter()
        .copied()
        .enumerate()
        .chain(offsets.iter().copied().enumerate())
    {
        if out.len() == want {
            break;
        }
        let down = i < below || (era.is_none() && year + off > LAST_YEAR);
        // The side asked for, else the other when the text rules the first out.
        let sides = if down {
            [year - off, year + off]
        } else {
            [year + off, year - off]
        };
        for y in sides {
            // Spread out: three years in a row beside a lone key point at the key.
            let crowded = taken.iter().any(|t: &i64| t.abs_diff(y) < spacing);
            if y < 1
                || (era.is_none() && y > LAST_YEAR)
                || crowded
                || taken.contains(&y)
                || !allow(y)
            {
                continue;
            }
            taken.insert(y);
            out.push(match era {
                Some(e) => format!("{y} {e}"),
                None => y.to_string(),
            });
            break;
        }
    }
    out
}

/// The step between wrong years for an approximate date: ten years, or a fiftieth of the
/// date's age in tens when that is more (a date "BC", "av. J.-C.", "v. Chr.", "a. C." counts
/// back from year one).
fn approximate_step(year: i64, era: Option<&str>) -> i64 {
    let age = if before_christ(era) {
        LAST_YEAR + year
    } else {
        LAST_YEAR - year
    };
    ((age / 50) / 10 * 10).max(10)
}

/// Whether an era counts back from year one ("BC", "BCE", "av. J.-C.", "v. Chr.", "a. C.").
fn before_christ(era: Option<&str>) -> bool {
    era.is_some_and(|e| {
        let e = e.to_lowercase();
        e.starts_with('b') || e.starts_with("av") || e.starts_with("v.") || e.starts_with("a.")
    })
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

#[cfg(test)]
#[path = "distract_years_tests.rs"]
mod tests;
