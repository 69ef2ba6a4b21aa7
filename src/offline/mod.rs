//! Questions from a source text with no key and no network. Picks informative sentences and
//! the key terms in them (named things, numbers with their units, defined terms), blanks the
//! term out of the sentence, and draws distractors of the same kind from the same text.

mod terms;
mod text;

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use anyhow::Result;
use rand::Rng;
use rand::seq::SliceRandom;

use crate::error::QuizError;
use crate::mcq::{self, Deduper, Mcq};
use terms::{
    Kind, Term, clean_word, definitions_in, key_words, names_in, numbers_in, numeric_variants,
};
pub use text::{plain_text, sentences};

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
    // Read with a byte limit, not a size check: a link to /dev/zero has no size.
    let bytes = crate::error::read_capped(path, MAX_SOURCE_BYTES)?;
    check_text(bytes, &shown.to_string())
}

/// Reads a source text from standard input (`--from -`), with the same limits and checks;
/// `shown` names it in messages.
pub fn read_stdin_source(shown: &str) -> Result<String> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_SOURCE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| QuizError::Config(format!("{shown}: cannot read standard input: {e}")))?;
    let fits = bytes.len() as u64 <= MAX_SOURCE_BYTES;
    check_text(fits.then_some(bytes), shown)
}

/// Refuses oversized (`None`), binary, non-UTF-8 and empty texts.
fn check_text(bytes: Option<Vec<u8>>, shown: &str) -> Result<String> {
    let Some(bytes) = bytes else {
        return Err(QuizError::Config(format!("{shown}: too large (the limit is 10 MB)")).into());
    };
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
            let Some(mut q) =
                make_question(&sents[c.sentence], &c.term, &pools, n_options, rng, origin)
            else {
                continue;
            };
            mcq::tidy(&mut q);
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
        verified_by: None,
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
