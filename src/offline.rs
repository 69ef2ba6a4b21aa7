//! Questions from a source text with no key and no network. Picks informative sentences and
//! the key terms in them (named things, numbers with their units, defined terms), blanks the
//! term out of the sentence, and draws distractors of the same kind from the same text.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use anyhow::Result;
use rand::Rng;
use rand::seq::SliceRandom;

use crate::error::QuizError;
use crate::mcq::{self, Deduper, Mcq};

/// Largest source text read.
pub const MAX_SOURCE_BYTES: u64 = 10 * 1024 * 1024;

/// Reads a `.txt` or `.md` source text, refusing empty, binary and oversized files.
pub fn read_source(path: &Path) -> Result<String> {
    let shown = path.display();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if !matches!(ext.as_str(), "txt" | "md" | "markdown" | "text") {
        return Err(QuizError::Config(format!(
            "{shown}: --from reads .txt and .md files, not .{ext}"
        ))
        .into());
    }
    let meta = std::fs::metadata(path).map_err(|e| QuizError::unreadable(path, &e))?;
    if meta.len() > MAX_SOURCE_BYTES {
        return Err(QuizError::Config(format!(
            "{shown}: too large ({} MB; the limit is 10 MB)",
            meta.len() / 1_048_576
        ))
        .into());
    }
    let bytes = std::fs::read(path).map_err(|e| QuizError::unreadable(path, &e))?;
    if bytes.contains(&0) {
        return Err(
            QuizError::Config(format!("{shown}: looks like a binary file, not text")).into(),
        );
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| QuizError::Config(format!("{shown}: is not UTF-8 text")))?;
    if text.trim().is_empty() {
        return Err(QuizError::Config(format!("{shown}: is empty")).into());
    }
    Ok(text)
}

/// A short hash of a source text, recorded as provenance.
pub fn source_hash(text: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(text.as_bytes())[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The kind of a key term; distractors are always of the answer's kind.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A number with its unit (the unit may be empty).
    Number(String),
    /// A year, 1000–2100.
    Year,
    /// A capitalised name: a person, place, body, event.
    Name,
    /// A defined or repeated term.
    Term,
}

#[derive(Debug, Clone)]
struct Term {
    text: String,
    kind: Kind,
}

/// Plain prose from Markdown: headings, bullets, emphasis, links and code removed.
pub fn plain_text(src: &str) -> String {
    let mut out = String::new();
    let mut in_code = false;
    for line in src.lines() {
        let t = line.trim();
        if t.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code || t.starts_with('|') || t.starts_with("---") || t.starts_with("===") {
            continue;
        }
        let t = t
            .trim_start_matches('#')
            .trim_start_matches(['-', '*', '+', '>'])
            .trim();
        if t.is_empty() {
            out.push('\n');
            continue;
        }
        // A heading or a bullet without a full stop is a unit of its own.
        let mut t = strip_links(t).replace(['*', '`'], "").replace("__", "");
        if line.trim_start().starts_with('#') && !t.ends_with(['.', '!', '?']) {
            t.push('.');
        }
        out.push_str(&t);
        out.push(if t.ends_with(['.', '!', '?', ':']) {
            '\n'
        } else {
            ' '
        });
    }
    out
}

fn strip_links(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let Some(mid) = rest[open..].find("](") else {
            break;
        };
        let Some(close) = rest[open + mid..].find(')') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..open + mid]);
        rest = &rest[open + mid + close + 1..];
    }
    out.push_str(rest);
    out
}

const ABBREVIATIONS: [&str; 12] = [
    "e.g", "i.e", "etc", "dr", "mr", "mrs", "ms", "st", "vs", "approx", "no", "ca",
];

/// Splits prose into sentences, keeping decimals and common abbreviations whole.
pub fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.split('\n') {
        let chars: Vec<char> = para.chars().collect();
        let mut cur = String::new();
        for (i, &c) in chars.iter().enumerate() {
            cur.push(c);
            if !matches!(c, '.' | '!' | '?') {
                continue;
            }
            let next = chars.get(i + 1);
            let after = chars.get(i + 2);
            let ends = match next {
                None => true,
                Some(n) if n.is_whitespace() => after.is_none_or(|a| {
                    a.is_uppercase() || a.is_ascii_digit() || *a == '"' || *a == '“'
                }),
                _ => false,
            };
            let last_word = cur
                .trim_end_matches(['.', '!', '?'])
                .rsplit(' ')
                .next()
                .unwrap_or("")
                .to_lowercase();
            if ends && !(c == '.' && ABBREVIATIONS.contains(&last_word.as_str())) {
                push_sentence(&mut out, &cur);
                cur.clear();
            }
        }
        push_sentence(&mut out, &cur);
    }
    out
}

fn push_sentence(out: &mut Vec<String>, s: &str) {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if !s.is_empty() {
        out.push(s);
    }
}

const UNITS: [&str; 40] = [
    "%",
    "percent",
    "per cent",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "m",
    "cm",
    "mm",
    "kg",
    "grams",
    "g",
    "tonnes",
    "tons",
    "litres",
    "liters",
    "°c",
    "°f",
    "degrees",
    "years",
    "year",
    "days",
    "day",
    "hours",
    "minutes",
    "seconds",
    "million",
    "billion",
    "thousand",
    "people",
    "species",
    "bones",
    "planets",
    "moons",
    "chromosomes",
    "teeth",
    "kilometres per second",
];

fn is_stop(w: &str) -> bool {
    const EXTRA: [&str; 30] = [
        "it", "they", "he", "she", "we", "you", "i", "there", "their", "its", "his", "her", "also",
        "but", "not", "has", "have", "had", "can", "may", "into", "than", "then", "so", "such",
        "some", "many", "each", "all", "about",
    ];
    let l = w.to_lowercase();
    mcq_stopword(&l) || EXTRA.contains(&l.as_str())
}

fn mcq_stopword(w: &str) -> bool {
    const S: [&str; 36] = [
        "a", "an", "the", "of", "in", "on", "to", "is", "are", "was", "were", "which", "what",
        "who", "when", "where", "why", "how", "does", "do", "did", "for", "by", "with", "and",
        "or", "that", "this", "these", "those", "as", "at", "be", "from", "most", "after",
    ];
    S.contains(&w)
}

fn clean_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '%' && c != '°' && c != '-' && c != '\'')
        .trim_end_matches("'s")
}

/// Numbers (with a unit after them, or as a year), found in one sentence.
fn numbers_in(sentence: &str) -> Vec<Term> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let core = w.trim_matches(|c: char| {
            !c.is_ascii_digit() && c != '.' && c != ',' && c != '%' && c != '°'
        });
        let digits = core.trim_end_matches(['%', '.', ',']).trim_end_matches('°');
        if digits.is_empty()
            || !digits.chars().next().is_some_and(|c| c.is_ascii_digit())
            || !digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        {
            continue;
        }
        if core.ends_with('%') {
            out.push(Term {
                text: format!("{digits}%"),
                kind: Kind::Number("%".into()),
            });
            continue;
        }
        let next = words
            .get(i + 1)
            .map(|n| clean_word(n).to_lowercase())
            .unwrap_or_default();
        let next2 = words
            .get(i + 2)
            .map(|n| clean_word(n).to_lowercase())
            .unwrap_or_default();
        let unit = if UNITS.contains(&format!("{next} {next2}").as_str()) && !next2.is_empty() {
            format!("{next} {next2}")
        } else if UNITS.contains(&next.as_str()) {
            next.clone()
        } else {
            String::new()
        };
        if matches!(next.as_str(), "bc" | "ad" | "bce" | "ce") && !digits.contains([',', '.']) {
            let era = clean_word(words[i + 1]);
            out.push(Term {
                text: format!("{digits} {era}"),
                kind: Kind::Number(next),
            });
            continue;
        }
        if unit.is_empty() {
            if digits.len() == 4
                && !digits.contains([',', '.'])
                && (1000..=2100).contains(&digits.parse::<u32>().unwrap_or(0))
            {
                out.push(Term {
                    text: digits.to_owned(),
                    kind: Kind::Year,
                });
            }
            continue;
        }
        let shown_unit = words[i + 1..i + 1 + unit.split(' ').count()]
            .iter()
            .map(|w| clean_word(w))
            .collect::<Vec<_>>()
            .join(" ");
        out.push(Term {
            text: format!("{digits} {shown_unit}"),
            kind: Kind::Number(unit),
        });
    }
    out
}

/// Capitalised names in one sentence (not the sentence's first word unless `known` has it).
fn names_in(sentence: &str, known_caps: &HashSet<String>) -> Vec<Term> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let mut out = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, out: &mut Vec<Term>| {
        while run.last().is_some_and(|w| is_stop(w)) {
            run.pop();
        }
        if !run.is_empty() {
            let text = run.join(" ");
            if text.chars().count() > 2 {
                out.push(Term {
                    text,
                    kind: Kind::Name,
                });
            }
        }
        run.clear();
    };
    for (i, raw) in words.iter().enumerate() {
        let w = clean_word(raw);
        let cap =
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase);
        let first = i == 0;
        let joiner = !run.is_empty() && matches!(w, "of" | "de" | "von" | "van" | "the");
        if (cap && (!first || known_caps.contains(w)) && !is_stop(w)) || joiner {
            run.push(w);
        } else {
            flush(&mut run, &mut out);
        }
        if raw.ends_with([',', ';', ':', ')']) || raw.starts_with('(') {
            flush(&mut run, &mut out);
        }
    }
    flush(&mut run, &mut out);
    out
}

/// A defined term: `X is/are a …`, `called X`, `known as X`.
fn definitions_in(sentence: &str) -> Vec<Term> {
    let mut out = Vec::new();
    let lower = sentence.to_lowercase();
    for marker in ["called ", "known as ", "named "] {
        if let Some(i) = lower.find(marker) {
            let tail = &sentence[i + marker.len()..];
            let phrase: Vec<&str> = tail
                .split_whitespace()
                .take(3)
                .take_while(|w| !is_stop(clean_word(w)))
                .collect();
            let mut words: Vec<&str> = Vec::new();
            for w in phrase {
                words.push(clean_word(w));
                if w.ends_with([',', '.', ';', ':']) {
                    break;
                }
            }
            if !words.is_empty() {
                out.push(Term {
                    text: words.join(" "),
                    kind: Kind::Term,
                });
            }
        }
    }
    if !out.is_empty() {
        // "This flow is called surface runoff": the defined term is the one named, not "flow".
        return out;
    }
    for verb in [" is a ", " is an ", " is the ", " are ", " is "] {
        if let Some(i) = lower.find(verb) {
            let subject: Vec<&str> = sentence[..i].split_whitespace().collect();
            let subject: Vec<&str> = subject.iter().copied().skip_while(|w| is_stop(w)).collect();
            if (1..=3).contains(&subject.len()) && subject.iter().all(|w| !is_stop(w)) {
                let text = subject
                    .iter()
                    .map(|w| clean_word(w))
                    .collect::<Vec<_>>()
                    .join(" ");
                if text.chars().any(char::is_alphabetic) {
                    out.push(Term {
                        text,
                        kind: Kind::Term,
                    });
                }
            }
            break;
        }
    }
    out
}

/// Nouns of five letters or more that the text repeats: its key vocabulary. A word counts as a
/// noun when it follows a determiner somewhere and has no verb or adjective ending.
fn key_words(sentences: &[String]) -> HashSet<String> {
    const DETERMINERS: [&str; 12] = [
        "the", "a", "an", "their", "its", "his", "her", "two", "three", "many", "these", "those",
    ];
    const NOT_NOUN: [&str; 9] = ["ed", "ing", "ly", "ful", "ous", "ive", "ic", "able", "ible"];
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut after_det: HashSet<String> = HashSet::new();
    for s in sentences {
        let mut prev = String::new();
        for w in s.split_whitespace() {
            let w = clean_word(w).to_lowercase();
            if w.chars().count() >= 5
                && w.chars().all(char::is_alphabetic)
                && !is_stop(&w)
                && !NOT_NOUN.iter().any(|e| w.ends_with(e))
            {
                *counts.entry(w.clone()).or_default() += 1;
                if DETERMINERS.contains(&prev.as_str()) {
                    after_det.insert(w.clone());
                }
            }
            prev = w;
        }
    }
    counts
        .into_iter()
        .filter(|(w, n)| *n >= 2 && after_det.contains(w))
        .map(|(w, _)| w)
        .collect()
}

/// One candidate question: a sentence and the term to blank out of it.
struct Candidate {
    sentence: usize,
    term: Term,
    score: i32,
}

/// Makes up to `count` questions from the text that pass the validator under `rules`.
pub fn generate<R: Rng>(
    source: &str,
    count: usize,
    rules: impl Into<mcq::Rules>,
    rng: &mut R,
    origin: &str,
) -> Vec<Mcq> {
    let rules = rules.into();
    let n_options = rules.options;
    let text = plain_text(source);
    let sents: Vec<String> = sentences(&text)
        .into_iter()
        .filter(|s| {
            let n = s.split_whitespace().count();
            (6..=45).contains(&n) && s.ends_with(['.', '!'])
        })
        .collect();
    let known_caps: HashSet<String> = sents
        .iter()
        .flat_map(|s| {
            s.split_whitespace()
                .skip(1)
                .map(|w| clean_word(w).to_owned())
                .collect::<Vec<_>>()
        })
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    let vocab = key_words(&sents);

    let mut pools: BTreeMap<Kind, Vec<String>> = BTreeMap::new();
    let mut candidates = Vec::new();
    for (i, s) in sents.iter().enumerate() {
        let definitions = definitions_in(s);
        let mut terms = definitions.clone();
        terms.extend(names_in(s, &known_caps));
        terms.extend(numbers_in(s));
        for w in s.split_whitespace() {
            let c = clean_word(w);
            if vocab.contains(&c.to_lowercase()) && c.chars().all(char::is_lowercase) {
                terms.push(Term {
                    text: c.to_owned(),
                    kind: Kind::Term,
                });
            }
        }
        for mut t in terms {
            if t.kind == Kind::Term && !known_caps.contains(&t.text) && s.starts_with(&t.text) {
                t.text = lower_first(&t.text);
            }
            let pool = pools.entry(t.kind.clone()).or_default();
            if !pool.iter().any(|p| p.eq_ignore_ascii_case(&t.text)) {
                pool.push(t.text.clone());
            }
            let defined = definitions
                .iter()
                .any(|d| d.text.eq_ignore_ascii_case(&t.text));
            let score = match t.kind {
                Kind::Number(ref u) if !u.is_empty() => 4,
                Kind::Year => 4,
                Kind::Name => 3,
                Kind::Term if defined => 5,
                Kind::Term => 1,
                Kind::Number(_) => 1,
            };
            candidates.push(Candidate {
                sentence: i,
                term: t,
                score,
            });
        }
    }

    // Best candidate per sentence, then spread over the text.
    let mut best: BTreeMap<usize, Vec<Candidate>> = BTreeMap::new();
    for c in candidates {
        best.entry(c.sentence).or_default().push(c);
    }
    let mut order: Vec<Vec<Candidate>> = best.into_values().collect();
    for cs in &mut order {
        cs.shuffle(rng);
        cs.sort_by_key(|c| -c.score);
    }
    let mut out = Vec::new();
    let mut dedupe = Deduper::new();
    let mut used_answers: HashSet<String> = HashSet::new();
    let picks = spread(order.len(), order.len());
    for idx in picks {
        if out.len() >= count {
            break;
        }
        for c in &order[idx] {
            if used_answers.contains(&c.term.text.to_lowercase()) {
                continue;
            }
            let Some(q) =
                make_question(&sents[c.sentence], &c.term, &pools, n_options, rng, origin)
            else {
                continue;
            };
            if mcq::validate(&q, rules).is_ok() && dedupe.admit(&q) {
                used_answers.insert(c.term.text.to_lowercase());
                out.push(q);
                break;
            }
        }
    }
    out
}

/// `Condensation` → `condensation`, for a term capitalised only because it starts a sentence.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Indexes 0..n in an order that covers the whole text early: 0, n/2, n/4, 3n/4, …
fn spread(n: usize, take: usize) -> Vec<usize> {
    let mut seen = vec![false; n];
    let mut out = Vec::new();
    let mut step = n.next_power_of_two();
    while step >= 1 && out.len() < take {
        let mut i = 0;
        while i < n {
            if !seen[i] {
                seen[i] = true;
                out.push(i);
            }
            i += step;
        }
        step /= 2;
    }
    out
}

fn make_question<R: Rng>(
    sentence: &str,
    term: &Term,
    pools: &BTreeMap<Kind, Vec<String>>,
    n_options: usize,
    rng: &mut R,
    origin: &str,
) -> Option<Mcq> {
    let pos = find_word(sentence, &term.text).or_else(|| {
        let upper: String = term
            .text
            .chars()
            .next()?
            .to_uppercase()
            .chain(term.text.chars().skip(1))
            .collect();
        find_word(sentence, &upper).filter(|&p| p == 0)
    })?;
    let stem_sentence = format!(
        "{}_____{}",
        &sentence[..pos],
        &sentence[pos + term.text.len()..]
    );
    let wanted = n_options - 1;
    let mut distractors: Vec<String> = pools
        .get(&term.kind)
        .into_iter()
        .flatten()
        .filter(|d| {
            !d.eq_ignore_ascii_case(&term.text)
                && find_word(sentence, d).is_none()
                && !overlaps(d, &term.text)
        })
        .cloned()
        .collect();
    distractors.shuffle(rng);
    // Prefer distractors shaped like the answer (same number of words).
    let words = term.text.split_whitespace().count();
    let plural = term.text.ends_with('s');
    distractors.sort_by_key(|d| {
        (
            d.split_whitespace().count().abs_diff(words),
            d.ends_with('s') != plural,
        )
    });
    let mut chosen: Vec<String> = Vec::new();
    for d in distractors {
        if chosen.len() == wanted {
            break;
        }
        if !chosen
            .iter()
            .any(|c| c.eq_ignore_ascii_case(&d) || overlaps(c, &d))
        {
            chosen.push(d);
        }
    }
    if chosen.len() < wanted {
        chosen.extend(numeric_variants(term, wanted - chosen.len(), &chosen, rng));
    }
    if chosen.len() < wanted {
        return None;
    }
    let mut options = chosen;
    let at = rng.random_range(0..=options.len());
    options.insert(at, term.text.clone());
    let lead = match term.kind {
        Kind::Number(_) => "Which value completes the sentence",
        Kind::Year => "Which year completes the sentence",
        Kind::Name => "Which name completes the sentence",
        Kind::Term => "Which term completes the sentence",
    };
    Some(Mcq {
        question: format!("{lead}? \"{stem_sentence}\""),
        options,
        answer_index: at,
        explanation: format!("From the text ({origin}): \"{sentence}\""),
        difficulty: None,
        source: Some(format!("offline:{origin}")),
        id: None,
    })
}

/// Where `needle` stands in `hay` as whole words.
fn find_word(hay: &str, needle: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = hay[from..].find(needle) {
        let at = from + i;
        let before = hay[..at].chars().next_back();
        let after = hay[at + needle.len()..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) {
            return Some(at);
        }
        from = at + needle.len().max(1);
    }
    None
}

/// Two terms where one contains the other ("Newton", "Isaac Newton").
fn overlaps(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    find_word(&a, &b).is_some() || find_word(&b, &a).is_some()
}

/// For numbers the text does not offer enough of: nearby values with the same unit.
fn numeric_variants<R: Rng>(term: &Term, n: usize, taken: &[String], rng: &mut R) -> Vec<String> {
    let (digits, unit) = match &term.kind {
        Kind::Year => (term.text.as_str(), ""),
        Kind::Number(_) => match term.text.split_once(' ') {
            Some((d, u)) => (d, u),
            None => (
                term.text.trim_end_matches('%'),
                if term.text.ends_with('%') { "%" } else { "" },
            ),
        },
        _ => return Vec::new(),
    };
    let Ok(value) = digits.replace(',', "").parse::<f64>() else {
        return Vec::new();
    };
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
    let additive = match &term.kind {
        Kind::Year => true,
        Kind::Number(u) => matches!(u.as_str(), "bc" | "ad" | "bce" | "ce"),
        _ => false,
    };
    let factors: Vec<f64> = if additive {
        vec![-50.0, -20.0, -10.0, 10.0, 20.0, 50.0, -100.0, 100.0]
    } else {
        vec![0.5, 2.0, 0.75, 1.5, 0.25, 3.0, 10.0, 0.1]
    };
    let mut out = Vec::new();
    let mut order = factors;
    order.shuffle(rng);
    for f in order {
        if out.len() == n {
            break;
        }
        let v = if additive { value + f } else { value * f };
        if v <= 0.0 || (unit == "%" && v > 100.0) {
            continue;
        }
        let num = if decimals > 0 {
            format!("{v:.decimals$}")
        } else {
            format!("{}", v.round() as i64)
        };
        let num = if digits.contains(',') {
            with_commas(&num)
        } else {
            num
        };
        let text = match unit {
            "" => num,
            "%" => format!("{num}%"),
            u => format!("{num} {u}"),
        };
        if text != term.text && !taken.contains(&text) && !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

fn with_commas(n: &str) -> String {
    let (int, frac) = n.split_once('.').map_or((n, None), |(i, f)| (i, Some(f)));
    let mut s = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            s.push(',');
        }
        s.push(c);
    }
    if let Some(f) = frac {
        s.push('.');
        s.push_str(f);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_decimals_and_abbreviations() {
        let s = sentences(
            "Water boils at 100 degrees. It covers 71.5 percent of Earth, e.g. oceans. Done!",
        );
        assert_eq!(s.len(), 3, "{s:?}");
    }

    #[test]
    fn numbers_names_and_definitions() {
        let n = numbers_in("The Nile is about 6,650 km long and was mapped in 1858.");
        assert_eq!(n[0].text, "6,650 km");
        assert_eq!(n[1].kind, Kind::Year);
        let caps = HashSet::new();
        let names = names_in(
            "The river flows through Egypt and reaches the Mediterranean Sea near Alexandria.",
            &caps,
        );
        let texts: Vec<&str> = names.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, vec!["Egypt", "Mediterranean Sea", "Alexandria"]);
        let d = definitions_in("Photosynthesis is the process by which plants make sugar.");
        assert_eq!(d[0].text, "Photosynthesis");
    }

    #[test]
    fn definitions_prefer_the_named_term() {
        let d = definitions_in("This flow is called surface runoff.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].text, "surface runoff");
        let text = "Condensation is the change of water vapour back into tiny liquid droplets. Evaporation is the process in which liquid water turns into water vapour. Precipitation is any water that falls from clouds to the ground. Infiltration is water that soaks into the soil and fills the ground.";
        let qs = generate(text, 4, 4, &mut crate::mcq::rng_from(Some(1)), "t");
        let answers: Vec<&str> = qs.iter().map(|q| q.answer()).collect();
        assert!(answers.contains(&"condensation"), "{answers:?}");
    }

    #[test]
    fn numeric_variants_keep_unit() {
        let t = Term {
            text: "6,650 km".into(),
            kind: Kind::Number("km".into()),
        };
        let v = numeric_variants(&t, 3, &[], &mut crate::mcq::rng_from(Some(1)));
        assert_eq!(v.len(), 3);
        assert!(
            v.iter().all(|x| x.ends_with(" km") && x != "6,650 km"),
            "{v:?}"
        );
    }
}
