//! A whole range as the answer: "who reigned from about _____." with "1312 to 1337", or
//! "keeping it _____." with "between 0 °C and 5 °C". One end alone is not asked (the stem
//! would give the other: filter `range`); the two together are, with wrong ranges of the same
//! form shifted far enough that no two overlap by more than half.

use rand::Rng;

use super::detect::{Found, Kind, number_re, parse_number, value_after};
use super::distract::{Dates, Level, format_number};
use super::lang::{Lang, ends_with_any};

/// A range as the text writes it.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Span {
    pub(super) low: f64,
    pub(super) high: f64,
    /// Digits after the decimal mark of each end ("1 to 1.5": 0 and 1), kept by wrong ones.
    pub(super) decimals: (usize, usize),
    /// Two years ("1904–1905"), not two values.
    pub(super) year: bool,
    /// The answer around its two numbers: before the first ("between "), between them
    /// (" °C and "), after the second (" °C"). Wrong ranges keep them.
    pub(super) form: [String; 3],
    /// The longer end as written, for its thousands separator ("700 W and 1,200 W").
    pub(super) like: String,
}

/// The ranges of a sentence: two numbers joined by a dash, "to" ("à", "a", "bis"), or
/// "between … and" ("entre … et/y", "zwischen … und"); two years, or two values whose unit
/// follows the second (and the first too, "50 °C to 60 °C", kept whole in the gap).
pub(super) fn spans_in(text: &str, sentence: usize, lang: Lang, out: &mut Vec<Found>) {
    let w = &lang.data().words;
    let nums: Vec<_> = number_re().find_iter(text).collect();
    for pair in nums.windows(2) {
        let (first, second) = (pair[0], pair[1]);
        let before = text[..first.start()].chars().next_back();
        let after = text[second.end()..].chars().next();
        // Part of a word or a code, a negative end, or one link of a longer chain.
        if before.is_some_and(|c| c.is_alphanumeric() || "-–−‒/:.,".contains(c))
            || after.is_some_and(|c| c.is_alphanumeric() || "-–/:".contains(c))
        {
            continue;
        }
        // "from 3 to 7 to 9": one link of a chain of steps, no range.
        let linked = |t: &str| {
            let t = t.trim();
            let first = t.split(' ').next().unwrap_or("");
            let next = t[first.len()..].trim_start();
            let word = first.to_lowercase();
            (["-", "–"].contains(&word.as_str()) || w.span_to.contains(&word))
                && next.starts_with(|c: char| c.is_ascii_digit())
        };
        let back: String = text[..first.start()].chars().rev().take(12).collect();
        let back: String = back.chars().rev().collect();
        let before_link = back.trim_end().rsplit_once(' ').is_some_and(|(h, last)| {
            w.span_to.contains(&last.to_lowercase()) && h.ends_with(|c: char| c.is_ascii_digit())
        });
        if before_link || linked(&text[second.end()..]) {
            continue;
        }
        let mid = &text[first.end()..second.start()];
        let rest = &text[second.end()..];
        let lower_before = text[..first.start()].to_lowercase();
        let head = lower_before.trim_end();
        // The joining word, and the unit written after the first end too ("°C" of "0 °C and").
        let (unit1, opener) = if ["-", "–"].contains(&mid) {
            ("", None)
        } else {
            let m = mid.trim();
            let word = m.rsplit(' ').next().unwrap_or("");
            let unit1 = m[..m.len() - word.len()].trim();
            let lw = word.to_lowercase();
            if mid.len() - mid.trim_start().len() > 1 || !mid.ends_with(' ') {
                continue;
            }
            if w.span_to.contains(&lw) {
                (unit1, None)
            } else if w.span_and.contains(&lw) {
                // "and" joins a range only after "between": "in 1352 and 1356" is a list.
                let Some(o) = w.span_open.iter().find(|o| {
                    head.strip_suffix(o.as_str())
                        .is_some_and(|x| x.is_empty() || x.ends_with(' '))
                }) else {
                    continue;
                };
                (unit1, Some(o.len()))
            } else {
                continue;
            }
        };
        let (Some((low, d1)), Some((high, d2))) = (
            parse_number(first.as_str(), lang),
            parse_number(second.as_str(), lang),
        ) else {
            continue;
        };
        if low >= high {
            continue;
        }
        let digits = |s: &str| s.len() == 4 && s.chars().all(|c| c.is_ascii_digit());
        let unit2 = value_after(rest, high, d2, false, lang);
        let year = unit1.is_empty()
            && digits(first.as_str())
            && digits(second.as_str())
            && (1000.0..=2099.0).contains(&low)
            && (1000.0..=2099.0).contains(&high)
            && high - low <= 40.0
            && (unit2.is_none() || ends_with_any(head, &w.year_before));
        let end = if year {
            second.end()
        } else {
            let Some((v, len)) = unit2 else {
                continue;
            };
            if unit1.is_empty() {
                second.end()
            } else if unit1 == v.unit.trim() && !v.percent || v.percent && unit1 == v.unit {
                second.end() + len
            } else {
                continue;
            }
        };
        // "between" belongs to the gap: "0 °C and 5 °C" alone reads as two values.
        let shown = text[..first.start()].trim_end();
        let start = match opener {
            Some(n) => match shown.len().checked_sub(n) {
                Some(i)
                    if shown.is_char_boundary(i)
                        && shown[i..].to_lowercase() == head[head.len() - n..] =>
                {
                    i
                }
                _ => continue,
            },
            None => first.start(),
        };
        let span = Span {
            low,
            high,
            decimals: (d1, d2),
            year,
            form: [
                text[start..first.start()].to_owned(),
                mid.to_owned(),
                text[second.end()..end].to_owned(),
            ],
            like: [first.as_str(), second.as_str()]
                .into_iter()
                .max_by_key(|n| n.len())
                .unwrap_or_default()
                .to_owned(),
        };
        out.push(Found {
            sentence,
            start,
            end,
            kind: Kind::Span(span),
        });
    }
}

/// `want` wrong ranges for `s`, its width kept, shifted whole past the key's own (a year
/// range counts its years inclusive: 1904–1905 is two) and a gap more, so no wrong range
/// touches the key's: "20,000 to 40,000" beside "40,000 to 60,000" shares an end and both
/// are defensible. The gap is a quarter of the width on hard, half on medium, the whole on
/// easy, and twice that when the text gives the range as approximate. Some go below and some
/// above, within the text's dates for years; a value range from zero stays at or above it,
/// one of positive ends keeps them positive and within three times its own ("0 to 1 cm" or
/// "36 to 43 years" of school are absurd beside "6 to 13").
#[allow(
    clippy::too_many_arguments,
    reason = "the answer's facts, each needed once"
)]
pub(super) fn wrong<R: Rng>(
    s: &Span,
    lang: Lang,
    level: Level,
    approximate: bool,
    dates: &Dates,
    at_most: Option<f64>,
    want: usize,
    rng: &mut R,
) -> Vec<String> {
    let factor = match level {
        Level::Hard => 0.25,
        Level::Medium => 0.5,
        Level::Easy => 1.0,
    } * if approximate { 2.0 } else { 1.0 };
    // The level's shift first; when the text's dates or zero leave too few, the smallest
    // gap (a year, a unit of the last digit) rather than too few options.
    // The level's gap first; when the text's dates or the key's size leave too few, a quarter
    // of it. Not for a value range nearer zero than its width: stacked above it, it soon
    // reads absurd ("30 to 37 years" of school beside "6 to 13").
    // A key every wrong range lies above (or below) is the lowest (highest) option: told
    // apart by its place alone ("1 to 1.5 litres" beside 2 to 2.5, 3 to 3.5, 4 to 4.5).
    let both_sides = |ks: &[i64]| ks.iter().any(|k| *k < 0) && ks.iter().any(|k| *k > 0);
    let mut step = shift(s, factor);
    let mut ks = shifts(s, step, dates, at_most, want, rng);
    if (ks.len() < want || !both_sides(&ks)) && (s.year || s.low >= s.high - s.low) {
        step = shift(s, factor / 4.0);
        ks = shifts(s, step, dates, at_most, want, rng);
    }
    if !both_sides(&ks) {
        return Vec::new();
    }
    ks.into_iter()
        .map(|k| {
            let (lo, hi) = (s.low + k as f64 * step, s.high + k as f64 * step);
            let n = |x: f64, decimals: usize| {
                if s.year {
                    format!("{}", x as i64)
                } else {
                    format_number(x, decimals, &s.like, lang)
                }
            };
            format!(
                "{}{}{}{}{}",
                s.form[0],
                n(lo, s.decimals.0),
                s.form[1],
                n(hi, s.decimals.1),
                s.form[2]
            )
        })
        .collect()
}

/// How far a wrong range moves: the key's width (a year range counts its years inclusive)
/// and a gap of `factor` times it, at least one year or one unit of the last digit.
fn shift(s: &Span, factor: f64) -> f64 {
    if s.year {
        let width = s.high - s.low + 1.0;
        let mut step = width + (width * factor).ceil().max(1.0);
        // Round ends get round shifts ("1900 to 1950" is not offered "1913 to 1963"), still
        // past the key's own ends ("1900 to 1910" is not offered "1910 to 1920").
        for r in [10.0, 5.0] {
            if s.low % r == 0.0 && s.high % r == 0.0 {
                step = ((s.high - s.low + 1.0).max(step) / r).ceil() * r;
                break;
            }
        }
        step
    } else {
        // A round gap in the finer end's digits, the whole shift a multiple of the coarser
        // end's last digit: "1 to 1.5" moves by whole units ("2 to 2.5", not "2.0 to 2.5").
        let width = s.high - s.low;
        let gap = nice_step(width * factor, s.decimals.0.max(s.decimals.1));
        let unit = 10f64.powi(-(s.decimals.0.min(s.decimals.1) as i32));
        ((width + gap) / unit - 1e-9).ceil() * unit
    }
}

/// Up to `want` multiples of `step` to shift the key by, some below and some above, each a
/// range the text's dates (years) or the key's sign and size (values) allow, and none past
/// `at_most` (a share in per cent: "120 to 135 percent" of the power is absurd).
fn shifts<R: Rng>(
    s: &Span,
    step: f64,
    dates: &Dates,
    at_most: Option<f64>,
    want: usize,
    rng: &mut R,
) -> Vec<i64> {
    let ok = |k: i64| {
        let (lo, hi) = (s.low + k as f64 * step, s.high + k as f64 * step);
        if at_most.is_some_and(|m| hi > m) {
            return false;
        }
        if s.year {
            dates.allow(s.low as i64, lo as i64) && dates.allow(s.high as i64, hi as i64)
        } else {
            s.low < 0.0 || s.low == 0.0 && lo >= 0.0 || lo > 0.0 && hi <= 3.0 * s.high
        }
    };
    // Some on each side: a key with every wrong range above it is the lowest option.
    let below = rng.random_range(1..want.max(2)) as i64;
    let mut ks: Vec<i64> = (1..=below).map(|k| -k).collect();
    ks.extend(1..=want as i64 - below);
    ks.retain(|k| ok(*k));
    // Filled from either side when one is closed (a text's first year, zero).
    let mut k = 1;
    while ks.len() < want && k <= 2 * want as i64 + 2 {
        for c in [k, -k] {
            if ks.len() < want && !ks.contains(&c) && ok(c) {
                ks.push(c);
            }
        }
        k += 1;
    }
    ks
}

/// The smallest of 1, 2, 5 times a power of ten at least `x`, and at least one unit of the
/// last digit written.
fn nice_step(x: f64, decimals: usize) -> f64 {
    let unit = 10f64.powi(-(decimals as i32));
    let mut p = unit;
    loop {
        for m in [1.0, 2.0, 5.0] {
            if m * p >= x - 1e-9 {
                return m * p;
            }
        }
        p *= 10.0;
    }
}

#[cfg(test)]
#[path = "span_tests.rs"]
mod tests;
