//! Years: four digits from 1000 to 2099 after a word that dates, or three after one that dates
//! nothing else, or any with an era; the years a stem shows.
use super::{Kind, era_at, number_re, value_after};
use crate::offline::lang::{Lang, ends_with_any};

/// The years a text writes (four digits from 1000 to 2099, a decade's "1950s" or "1980er"
/// by its first year), not the digits of a grouped number ("1,250", "1 200"): the dates a
/// stem shows, which its wrong years must not cross.
pub(in crate::offline) fn years_in(text: &str, lang: Lang) -> Vec<i64> {
    number_re()
        .find_iter(text)
        .filter(|m| {
            let before = text[..m.start()].chars().next_back();
            let rest = &text[m.end()..];
            let decade = ["s", "er"].iter().any(|e| {
                rest.strip_prefix(e)
                    .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
            });
            let four = m.as_str().len() == 4
                && (1000..=2099).contains(&m.as_str().parse::<i64>().unwrap_or(0));
            let three = three_digit_year(text, m.start(), m.end(), lang);
            m.as_str().chars().all(|c| c.is_ascii_digit())
                && (four || three)
                && !before.is_some_and(char::is_alphanumeric)
                && (decade || !rest.starts_with(char::is_alphanumeric))
        })
        .filter_map(|m| m.as_str().parse().ok())
        .collect()
}

/// A year of three digits with no era ("In 618 a general …", "until 649."): after a word that
/// dates in the language ("in", "until", "en", "im"), or a month, and before a mark, a small
/// word or a name, never a noun it would count ("in 300 steps").
fn three_digit_year(text: &str, start: usize, end: usize, lang: Lang) -> bool {
    let w = &lang.data().words;
    let digits = &text[start..end];
    if digits.len() != 3 || digits.starts_with('0') || !digits.chars().all(|c| c.is_ascii_digit()) {
        return false;
    }
    // Only after a word that dates nothing else ("in", "until", "en", "hacia", "im Jahr"; not
    // "of", "to", "de", "von": "an army of 500 Normans") or a month.
    let before = text[..start].to_lowercase();
    let before = before.trim_end();
    let dated = ends_with_any(before, &w.year_three_before)
        || w.months.iter().any(|m| before.ends_with(m.as_str()));
    let next = text[end..].trim_start();
    let word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    // A name after it ("In 618 Li Yuan"), not a unit's symbol ("300 N", "440 Hz") nor, in
    // German, a noun ("300 Quadratkilometern").
    let unit = value_after(&text[end..], 100.0, 0, false, lang).is_some();
    // Not one end of a range ("from 300 to 500 metres", "de 300 à 400 mètres", "300–400 m").
    let range = w.ranges.contains(&word.to_lowercase()) || w.span_to.contains(&word.to_lowercase());
    let after = next.is_empty()
        || next.starts_with([',', '.', ';', ':', ')'])
        || (!word.is_empty()
            && !unit
            && !range
            // A people in the plural is counted ("300 Spartans", "500 Normans").
            && ((word.starts_with(char::is_uppercase) && lang != Lang::De && !word.ends_with('s'))
                || lang.is_stop(&word.to_lowercase())
                || w.articles.contains(&word.to_lowercase())));
    // "the 300 Spartans", "sus 300 hombres": a count after a determiner.
    let counted = (text[..start].split_whitespace().next_back())
        .is_some_and(|x| w.articles.contains(&x.to_lowercase()));
    dated && after && !counted && !w.year_units.contains(&word.to_lowercase())
}

/// A year at `start..end`: four digits from 1000 to 2099 after a word that dates ("in",
/// "en", "im"), a month, or before an era; or three or four digits before an era.
pub(super) fn year_at(text: &str, start: usize, end: usize, lang: Lang) -> Option<Kind> {
    let w = &lang.data().words;
    let digits = &text[start..end];
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let rest = &text[end..];
    let era = era_at(rest, &w.eras).map(str::to_owned);
    let n: u32 = digits.parse().ok()?;
    if era.is_some() {
        return (1..=9999).contains(&n).then_some(Kind::Year { era });
    }
    if digits.len() == 3 && three_digit_year(text, start, end, lang) {
        return Some(Kind::Year { era: None });
    }
    if digits.len() != 4 || !(1000..=2099).contains(&n) {
        return None;
    }
    let before = text[..start].to_lowercase();
    let before = before.trim_end();
    let after_month = w.months.iter().any(|m| before.ends_with(m.as_str()));
    let dated = ends_with_any(before, &w.year_before) || after_month;
    // A year opening its sentence ("1989 fiel die Mauer") or after a comma is a date too.
    let opens = before.is_empty();
    let bare = lang == Lang::De && bare_year_de(rest, &w.articles);
    (dated || opens || bare).then_some(Kind::Year { era: None })
}

/// German: a year standing bare inside the verb's frame ("Sie wurde 1143 gegründet", "Hier
/// fand 1356 der erste Hansetag statt", "trat 1669 zusammen."). A count is followed by its
/// noun, which German capitalises ("1200 Einwohner"), or by an adjective before it ("1200 neue
/// Mitglieder"): the number is a year when an article follows, or a lower-case word that ends
/// the clause or is no inflected adjective before a noun. German only: English and Romance
/// nouns are lower-case, so a bare number before one may count it.
fn bare_year_de(rest: &str, articles: &[String]) -> bool {
    let mut words = rest.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    if !rest.starts_with(' ') {
        return false;
    }
    let word = first.trim_end_matches([',', '.', ';', ':', '!', '?', ')']);
    if word.is_empty() || !word.chars().all(char::is_alphabetic) {
        return false;
    }
    if articles.iter().any(|a| a == word) {
        return true;
    }
    if !word.starts_with(char::is_lowercase) {
        return false;
    }
    let ends_clause = word.len() < first.len();
    let adjective = ["e", "en", "er", "es", "em"]
        .iter()
        .any(|e| word.ends_with(e));
    let noun_next = words
        .next()
        .is_some_and(|n| n.starts_with(char::is_uppercase));
    ends_clause || !(adjective && noun_next)
}

/// The years of the centuries a text (in lower case) names, AD: "the early fourth century" is
/// 300–349, "le xixe siècle" 1800–1899, "siglo IV" 300–399, "Ende des 4. Jahrhunderts"
/// 350–399. Not one before Christ (its years count back), nor a number that is no century's.
pub(in crate::offline) fn centuries(lower: &str, lang: Lang) -> Vec<(i64, i64)> {
    let w = &lang.data().words;
    let words: Vec<&str> = (lower.split(|c: char| c.is_whitespace() || ",;:()".contains(c)))
        .filter(|t| !t.is_empty())
        .collect();
    let mut out = Vec::new();
    for (i, word) in words.iter().enumerate() {
        let word = word.trim_end_matches('.');
        if !w.century_words.iter().any(|c| c == word) {
            continue;
        }
        let at = if w.century_number_after {
            words.get(i + 1)
        } else {
            i.checked_sub(1).and_then(|j| words.get(j))
        };
        // Spanish writes the number after it in roman figures only ("siglo IV", not "un
        // siglo 12 familias").
        let number = at.filter(|t| !w.century_number_after || roman_value(t).is_some());
        let Some(n) = number.and_then(|t| century_number(t, lang)) else {
            continue;
        };
        // The era after it ("the fourth century BC", "b.c.", "avant J.-C.", "a. C.", "v. Chr.").
        let at_era = i + 1 + usize::from(w.century_number_after);
        let era = |k: usize| words.get(k).map(|e| e.replace('.', "")).unwrap_or_default();
        let (first, second) = (era(at_era), era(at_era + 1));
        let back = ["bc", "bce", "before", "avant", "av", "vchr"].contains(&first.as_str())
            || (first == "a" || first == "v") && (second.starts_with('c') || second == "chr");
        if back || !(1..=21).contains(&n) {
            continue;
        }
        let lo = (n - 1) * 100;
        let before = &words[i.saturating_sub(5)..i];
        let said = |list: &[String]| before.iter().any(|b| list.iter().any(|l| l == b));
        out.push(if said(&w.century_early) {
            (lo, lo + 49)
        } else if said(&w.century_late) {
            (lo + 50, lo + 99)
        } else {
            (lo, lo + 99)
        });
    }
    out
}

/// A century's number as written: "fourth", "4th", "4.", "ive", "xix", "4e".
fn century_number(token: &str, lang: Lang) -> Option<i64> {
    let w = &lang.data().words;
    if let Some(i) = w.ordinal_words.iter().position(|o| o == token) {
        return i64::try_from(i + 1).ok();
    }
    let digits: String = token.chars().take_while(char::is_ascii_digit).collect();
    let rest = &token[digits.len()..];
    if !digits.is_empty()
        && ["st", "nd", "rd", "th", "e", "er", "re", "ème", ".", ""].contains(&rest)
    {
        return digits.parse().ok();
    }
    // "ive", "xixe", "ier" ("premier"), "xviiième".
    let roman = (token
        .strip_suffix("ème")
        .or_else(|| token.strip_suffix("er")))
    .or_else(|| token.strip_suffix('e'))
    .unwrap_or(token);
    roman_value(roman)
}

/// The value of a roman numeral in lower case ("xix" is 19), up to "xxi".
fn roman_value(r: &str) -> Option<i64> {
    if r.is_empty() || !r.chars().all(|c| "ivx".contains(c)) {
        return None;
    }
    let value = |c: char| match c {
        'i' => 1,
        'v' => 5,
        _ => 10,
    };
    let digits: Vec<i64> = r.chars().map(value).collect();
    let mut total = 0;
    for (k, d) in digits.iter().enumerate() {
        if digits.get(k + 1).is_some_and(|n| n > d) {
            total -= d;
        } else {
            total += d;
        }
    }
    Some(total)
}
