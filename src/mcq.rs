//! The quiz domain: what a multiple-choice question is, the single definition of a good one
//! (`validate`), the duplicate check (`Deduper`) and answer-position balancing (`balance`).

use std::collections::HashSet;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};

/// One multiple-choice question, as written to JSON (the output contract).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mcq {
    pub question: String,
    pub options: Vec<String>,
    /// 0-based index of the one right option.
    pub answer_index: usize,
    #[serde(default)]
    pub explanation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub difficulty: Option<String>,
    /// Where the question came from: `provider/model`, `offline:FILE`, with `bank` when reused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Stable id: a hash of the normalised stem and right answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// `provider/model` whose blind solve agreed with the key (`--verify`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verified_by: Option<String>,
}

impl Mcq {
    pub fn answer(&self) -> &str {
        self.options
            .get(self.answer_index)
            .map_or("", String::as_str)
    }

    /// A stable id from the normalised stem and answer.
    pub fn stable_id(&self) -> String {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        h.update(normalise(&self.question).as_bytes());
        h.update(b"\x1f");
        h.update(normalise(self.answer()).as_bytes());
        h.finalize()[..6]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// What a good question must satisfy: its number of options, the lengths a target tool
/// accepts (Kahoot: 120 characters a question, 75 an answer), and whatever else the output
/// format needs to carry it intact (`carries`, set by `export::Format::rules`).
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    pub options: usize,
    pub question_max: Option<usize>,
    pub option_max: Option<usize>,
    /// The output format's own check: why it cannot carry a question as it is, if it cannot.
    pub carries: Option<FormatCheck>,
}

/// A format's check of one question: `Err(why)` when the format cannot carry it intact.
pub(crate) type FormatCheck = fn(&Mcq) -> Result<(), String>;

impl Rules {
    pub fn new(options: usize) -> Rules {
        Rules {
            options,
            question_max: None,
            option_max: None,
            carries: None,
        }
    }
}

impl From<usize> for Rules {
    fn from(options: usize) -> Rules {
        Rules::new(options)
    }
}

/// Why a question was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Defect {
    #[error("empty question stem")]
    EmptyStem,
    #[error("{got} options where {want} were asked for")]
    OptionCount { got: usize, want: usize },
    #[error("an option is empty")]
    EmptyOption,
    #[error("an option is only a letter label")]
    LabelOnlyOption,
    #[error("two options are the same")]
    DuplicateOptions,
    #[error("the answer is not among the options")]
    AnswerNotAnOption,
    #[error("\"all/none of the above\" style option")]
    AboveOption,
    #[error("longer than the output format accepts")]
    TooLong,
    #[error("{0}")]
    Format(String),
}

/// Options that break when the options are shuffled, or that teachers reject.
const ABOVE_PATTERNS: [&str; 8] = [
    "all of the above",
    "none of the above",
    "all the above",
    "none of these",
    "all of these",
    "both a and b",
    "both b and c",
    "neither a nor b",
];

/// The single definition of a well-formed question under `rules`.
pub fn validate(q: &Mcq, rules: impl Into<Rules>) -> Result<(), Defect> {
    let rules = rules.into();
    validate_shape(q, rules.options)?;
    let too_long = |s: &str, max: Option<usize>| max.is_some_and(|m| s.chars().count() > m);
    if too_long(&q.question, rules.question_max)
        || q.options.iter().any(|o| too_long(o, rules.option_max))
    {
        return Err(Defect::TooLong);
    }
    if let Some(check) = rules.carries {
        check(q).map_err(Defect::Format)?;
    }
    Ok(())
}

fn validate_shape(q: &Mcq, n_options: usize) -> Result<(), Defect> {
    if normalise(&q.question).is_empty() {
        return Err(Defect::EmptyStem);
    }
    if q.options.len() != n_options {
        return Err(Defect::OptionCount {
            got: q.options.len(),
            want: n_options,
        });
    }
    if q.answer_index >= q.options.len() {
        return Err(Defect::AnswerNotAnOption);
    }
    let mut seen = HashSet::new();
    for o in &q.options {
        let n = normalise(o);
        if n.is_empty() {
            return Err(Defect::EmptyOption);
        }
        let label_letter = n.len() == 1 && ('a'..='f').contains(&n.chars().next().unwrap_or(' '));
        if label_letter
            && o.trim()
                .chars()
                .all(|c| c.is_ascii_alphabetic() || "().:".contains(c))
        {
            return Err(Defect::LabelOnlyOption);
        }
        let lower = o.to_lowercase();
        if ABOVE_PATTERNS.iter().any(|p| lower.contains(p)) {
            return Err(Defect::AboveOption);
        }
        if !seen.insert(n) {
            return Err(Defect::DuplicateOptions);
        }
    }
    Ok(())
}

/// Tidies a question's text in place, keeping its line breaks: `\r\n`, `\r` and Unicode's line
/// and paragraph separators become `\n`; within a line, control characters become spaces, runs
/// of spaces collapse and ends are trimmed; blank lines at either end go, and a run of them
/// becomes one (a paragraph break). Duplicates are compared on `normalise`d text, where a line
/// break counts as a space.
pub(crate) fn tidy(q: &mut Mcq) {
    q.question = tidy_text(&q.question);
    for o in &mut q.options {
        *o = tidy_text(o);
    }
    q.explanation = tidy_text(&q.explanation);
}

/// One text tidied as `tidy` says.
pub(crate) fn tidy_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = false;
    for line in s
        .replace("\r\n", "\n")
        .split(['\n', '\r', '\u{2028}', '\u{2029}', '\u{85}'])
    {
        let line = collapse(line);
        if line.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        out.push_str(&line);
        blank = false;
    }
    out
}

fn collapse(s: &str) -> String {
    s.split(|c: char| c.is_whitespace() || c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lower case, letters and digits only, single spaces: the form compared for duplicates.
pub(crate) fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

const STOPWORDS: [&str; 40] = [
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "to",
    "is",
    "are",
    "was",
    "were",
    "which",
    "what",
    "who",
    "whom",
    "whose",
    "when",
    "where",
    "why",
    "how",
    "does",
    "do",
    "did",
    "for",
    "by",
    "with",
    "and",
    "or",
    "that",
    "this",
    "these",
    "those",
    "it",
    "its",
    "as",
    "at",
    "be",
    "from",
    "most",
    "following",
];

fn content_words(s: &str, stop: &[&str]) -> HashSet<String> {
    normalise(s)
        .split(' ')
        .filter(|w| !w.is_empty() && !STOPWORDS.contains(w) && !stop.contains(w))
        .map(|w| w.trim_end_matches('s').to_owned())
        .collect()
}

/// Jaccard similarity of two word sets: the rule the index (`Words::jaccard`) implements.
#[cfg(test)]
fn jaccard(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let inter = a.intersection(b).count() as f64;
    let union = a.union(b).count() as f64;
    inter / union
}

/// Remembers the questions of a run (and of the bank) and spots exact and near duplicates:
/// the same stem after normalisation, stems sharing most content words (Jaccard ≥ 0.8), or
/// stems sharing many words (≥ 0.5) that test the same right answer.
///
/// Candidates come from indexes, not a scan, so a check costs about the same with 100 or
/// 100,000 questions remembered: the same-answer rule looks only at questions with that
/// answer; the 0.8 rule uses prefix filtering: if J(x, y) ≥ 0.8 then x and y share at least
/// ⌊0.8·|x|⌋ words, so any |x| − ⌊0.8·|x|⌋ + 1 words of x include one of y's. Those are taken
/// from x's rarest words, whose lists of questions are short. The result is exact: the same
/// answer a scan of every question gives.
#[derive(Debug, Default, Clone)]
pub struct Deduper {
    stems: HashSet<String>,
    /// Each remembered question's content words, as sorted ids into `vocabulary`.
    seen: Vec<Vec<u32>>,
    vocabulary: std::collections::HashMap<String, u32>,
    /// For each word id, the questions that have it.
    by_word: Vec<Vec<usize>>,
    by_answer: std::collections::HashMap<String, Vec<usize>>,
    /// Questions with no content word at all (their Jaccard with each other is 1).
    wordless: Vec<usize>,
    /// The quiz language's stop words, besides the English ones every stem is read with: "de",
    /// "la", "der" are no content words, or French stems that share only them look alike.
    stop: &'static [&'static str],
}

/// A stem's content words as the index knows them: the ids of the words it has seen (sorted),
/// and how many words it has never seen (they meet nothing, but count in the union).
struct Words {
    known: Vec<u32>,
    unknown: usize,
}

impl Words {
    fn len(&self) -> usize {
        self.known.len() + self.unknown
    }

    /// Jaccard similarity with a remembered question's sorted word ids.
    fn jaccard(&self, other: &[u32]) -> f64 {
        if self.len() == 0 && other.is_empty() {
            return 1.0;
        }
        let (mut i, mut j, mut inter) = (0, 0, 0usize);
        while i < self.known.len() && j < other.len() {
            match self.known[i].cmp(&other[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    inter += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        inter as f64 / (self.len() + other.len() - inter) as f64
    }
}

impl Deduper {
    pub fn new() -> Self {
        Self::default()
    }

    /// A checker that also reads `stop` (the quiz language's stop words) as no content words.
    pub fn with_stop_words(stop: &'static [&'static str]) -> Self {
        Self {
            stop,
            ..Self::default()
        }
    }

    fn words(&self, stem: &str) -> Words {
        let mut known = Vec::new();
        let mut unknown = 0;
        for w in content_words(stem, self.stop) {
            match self.vocabulary.get(&w) {
                Some(&id) => known.push(id),
                None => unknown += 1,
            }
        }
        known.sort_unstable();
        Words { known, unknown }
    }

    pub fn is_duplicate(&self, q: &Mcq) -> bool {
        if self.stems.contains(&normalise(&q.question)) {
            return true;
        }
        let words = self.words(&q.question);
        let answer = normalise(q.answer());
        let same_answer = self.by_answer.get(&answer).map_or(&[][..], Vec::as_slice);
        if same_answer
            .iter()
            .any(|&i| words.jaccard(&self.seen[i]) >= 0.5)
        {
            return true;
        }
        self.candidates(&words)
            .into_iter()
            .any(|i| words.jaccard(&self.seen[i]) >= 0.8)
    }

    /// Every remembered question that could share 80% of its words with `words`.
    fn candidates(&self, words: &Words) -> Vec<usize> {
        if words.len() == 0 {
            return self.wordless.clone();
        }
        let need = words.len() * 4 / 5;
        let k = words.len() - need + 1;
        // A word no remembered question has is the rarest of all: it meets nothing.
        if words.unknown >= k {
            return Vec::new();
        }
        let mut lists: Vec<&Vec<usize>> = words
            .known
            .iter()
            .map(|&w| &self.by_word[w as usize])
            .collect();
        lists.sort_by_key(|l| l.len());
        lists.truncate(k - words.unknown);
        let mut ids: Vec<usize> = lists.into_iter().flatten().copied().collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    pub fn insert(&mut self, q: &Mcq) {
        let i = self.seen.len();
        let mut ids: Vec<u32> = content_words(&q.question, self.stop)
            .into_iter()
            .map(|w| {
                let next = self.vocabulary.len() as u32;
                let id = *self.vocabulary.entry(w).or_insert(next);
                if id == next {
                    self.by_word.push(Vec::new());
                }
                self.by_word[id as usize].push(i);
                id
            })
            .collect();
        ids.sort_unstable();
        if ids.is_empty() {
            self.wordless.push(i);
        }
        self.stems.insert(normalise(&q.question));
        self.by_answer
            .entry(normalise(q.answer()))
            .or_default()
            .push(i);
        self.seen.push(ids);
    }

    /// Inserts `q` unless it duplicates one already seen; says whether it was new.
    pub fn admit(&mut self, q: &Mcq) -> bool {
        if self.is_duplicate(q) {
            return false;
        }
        self.insert(q);
        true
    }

    /// How many remembered questions the last check of `q` would compare it with: the size of
    /// the candidate sets the indexes give (for tests that the index, not a scan, is used).
    pub fn candidates_for(&self, q: &Mcq) -> usize {
        let words = self.words(&q.question);
        let answer = normalise(q.answer());
        self.by_answer.get(&answer).map_or(0, Vec::len) + self.candidates(&words).len()
    }
}

/// A reproducible random source: `--seed` when given, else fresh entropy.
pub fn rng_from(seed: Option<u64>) -> rand::rngs::StdRng {
    match seed {
        Some(s) => rand::rngs::StdRng::seed_from_u64(s),
        None => rand::rngs::StdRng::from_os_rng(),
    }
}

/// Spreads right answers evenly over the positions: every position gets ⌊n/k⌋ or ⌈n/k⌉ of
/// them, in a shuffled order. Each question's distractors keep their relative order; only the
/// right answer moves.
pub(crate) fn balance<R: Rng>(questions: &mut [Mcq], rng: &mut R) {
    let Some(k) = questions.first().map(|q| q.options.len()) else {
        return;
    };
    if k < 2 || questions.iter().any(|q| q.options.len() != k) {
        return;
    }
    let mut targets: Vec<usize> = (0..questions.len()).map(|i| i % k).collect();
    // The remainder positions are drawn at random so that A is not always favoured.
    let mut order: Vec<usize> = (0..k).collect();
    order.shuffle(rng);
    for t in &mut targets {
        *t = order[*t];
    }
    targets.shuffle(rng);
    for (q, target) in questions.iter_mut().zip(targets) {
        move_answer(q, target);
    }
}

/// How many right answers are strictly the longest option of their question: a cue students
/// learn to guess from. Chance alone gives about one in `options`.
pub(crate) fn longest_answer_count(questions: &[Mcq]) -> usize {
    questions
        .iter()
        .filter(|q| {
            let len = |s: &str| s.chars().count();
            let right = len(q.answer());
            q.options
                .iter()
                .enumerate()
                .all(|(i, o)| i == q.answer_index || len(o) < right)
        })
        .count()
}

/// Moves the right option to `target`, keeping the others in order.
pub(crate) fn move_answer(q: &mut Mcq, target: usize) {
    if q.answer_index >= q.options.len() || target >= q.options.len() {
        return;
    }
    let right = q.options.remove(q.answer_index);
    q.options.insert(target, right);
    q.answer_index = target;
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn q(stem: &str, opts: &[&str], a: usize) -> Mcq {
        Mcq {
            question: stem.into(),
            options: opts.iter().map(|s| (*s).to_owned()).collect(),
            answer_index: a,
            explanation: String::new(),
            difficulty: None,
            source: None,
            id: None,
            verified_by: None,
        }
    }

    #[test]
    fn tidy_keeps_line_breaks_and_dedupe_reads_them_as_spaces() {
        assert_eq!(
            tidy_text("  First\t\tline  \r\n second\u{7}line \r\r\n\n\n  third \n \n"),
            "First line\nsecond line\n\nthird"
        );
        assert_eq!(tidy_text("a\u{2028}b\rc"), "a\nb\nc");
        assert_eq!(tidy_text(" \n\n "), "");
        let mut broken = q("Which gas\ndo plants take in?", &["CO2", "O2"], 0);
        tidy(&mut broken);
        assert_eq!(broken.question, "Which gas\ndo plants take in?");
        let flat = q("Which gas do plants take in?", &["CO2", "O2"], 0);
        assert_eq!(broken.stable_id(), flat.stable_id());
        let mut d = Deduper::new();
        assert!(d.admit(&flat));
        assert!(d.is_duplicate(&broken));
    }

    /// The rule as a scan of every remembered question, to check the index against.
    fn duplicate_by_scan(seen: &[Mcq], q: &Mcq) -> bool {
        seen.iter().any(|s| {
            let j = jaccard(
                &content_words(&q.question, &[]),
                &content_words(&s.question, &[]),
            );
            normalise(&q.question) == normalise(&s.question)
                || j >= 0.8
                || (j >= 0.5 && normalise(q.answer()) == normalise(s.answer()))
        })
    }

    proptest::proptest! {
        #[test]
        fn the_index_finds_exactly_what_a_scan_finds(
            stems in proptest::collection::vec(proptest::collection::vec(0usize..14, 0..8), 1..60),
            answers in proptest::collection::vec(0usize..4, 60),
        ) {
            const W: [&str; 14] = ["river", "delta", "ocean", "tide", "salt", "wave", "moon", "lake",
                "rain", "cloud", "ice", "sea", "bay", "reef"];
            let mut d = Deduper::new();
            let mut kept: Vec<Mcq> = Vec::new();
            for (i, words) in stems.iter().enumerate() {
                let stem: Vec<&str> = words.iter().map(|&w| W[w]).collect();
                let opts = ["north", "south", "east", "west"];
                let m = q(&stem.join(" "), &opts, answers[i]);
                let by_scan = duplicate_by_scan(&kept, &m);
                proptest::prop_assert_eq!(d.is_duplicate(&m), by_scan, "{}", m.question);
                if d.admit(&m) {
                    kept.push(m);
                }
            }
        }
    }

    #[test]
    fn the_index_compares_with_few_questions_in_a_large_bank() {
        let mut d = Deduper::new();
        for i in 0..5000 {
            let stem = format!(
                "In tides, which force number {i} moves water w{} and w{}?",
                i % 97,
                i % 89
            );
            d.insert(&q(&stem, &["a1", "b2", &format!("c{i}"), "d4"], 2));
        }
        let probe = q(
            "In tides, which force number 77777 moves water w5 and w6?",
            &["x", "y", "zz", "w"],
            2,
        );
        // Its rarest words are in about 4% of the 5,000: a scan would compare with all of them.
        assert!(
            d.candidates_for(&probe) < 500,
            "{}",
            d.candidates_for(&probe)
        );
        let dup = q(
            "In tides, which force number 10 moves water w10 and w10?",
            &["x", "y", "c10", "w"],
            2,
        );
        assert!(d.is_duplicate(&dup));
    }

    #[test]
    fn validator_names_each_defect() {
        let ok = q("What is 2+2?", &["3", "4", "5", "6"], 1);
        assert_eq!(validate(&ok, 4), Ok(()));
        assert_eq!(
            validate(&q(" ", &["3", "4", "5", "6"], 1), 4),
            Err(Defect::EmptyStem)
        );
        assert_eq!(
            validate(&q("Q?", &["3", "4", "5"], 1), 4),
            Err(Defect::OptionCount { got: 3, want: 4 })
        );
        assert_eq!(
            validate(&q("Q?", &["3", "4", "4 ", "6"], 1), 4),
            Err(Defect::DuplicateOptions)
        );
        assert_eq!(
            validate(&q("Q?", &["3", "4", "5", "6"], 4), 4),
            Err(Defect::AnswerNotAnOption)
        );
        assert_eq!(
            validate(&q("Q?", &["3", "", "5", "6"], 0), 4),
            Err(Defect::EmptyOption)
        );
        assert_eq!(
            validate(&q("Q?", &["3", "4", "5", "All of the above"], 0), 4),
            Err(Defect::AboveOption)
        );
        assert_eq!(
            validate(&q("Q?", &["a", "b", "c", "d"], 0), 4),
            Err(Defect::LabelOnlyOption)
        );
    }

    #[test]
    fn dedupe_reads_the_quiz_language_s_stop_words() {
        // Two events of 1789: they share only "quelle est la date de la", French stop words
        // and the stem's frame, so with French stop words they are different questions.
        let bastille = q(
            "Quelle est la date de la prise de la Bastille ?",
            &["1789", "1790", "1791", "1792"],
            0,
        );
        let estates = q(
            "Quelle est la date de la réunion des états généraux ?",
            &["1791", "1789", "1790", "1792"],
            1,
        );
        let mut english = Deduper::new();
        assert!(english.admit(&bastille));
        assert!(
            !english.admit(&estates),
            "read with English stop words only"
        );
        let mut french = Deduper::with_stop_words(stop_words::get("fr"));
        assert!(french.admit(&bastille));
        assert!(french.admit(&estates));
        assert!(!french.admit(&q(
            "Quelle est la date de la prise de la Bastille à Paris ?",
            &["1789", "1790", "1791", "1792"],
            0
        )));
    }

    #[test]
    fn dedupe_catches_rewording_but_not_different_questions() {
        let mut d = Deduper::new();
        assert!(d.admit(&q(
            "What causes ocean tides?",
            &["Moon", "Wind", "Sun", "Salt"],
            0
        )));
        assert!(!d.admit(&q(
            "what causes the ocean tides",
            &["Wind", "Moon", "Sun", "Salt"],
            1
        )));
        assert!(!d.admit(&q(
            "Which body mainly causes ocean tides?",
            &["Moon", "Mars", "Sun", "Salt"],
            0
        )));
        assert!(d.admit(&q(
            "What is the capital of France?",
            &["Paris", "Rome", "Oslo", "Bern"],
            0
        )));
    }

    #[test]
    fn longest_answers_are_counted() {
        let qs = vec![
            q(
                "A?",
                &["a much longer right answer", "short", "tiny", "wee"],
                0,
            ),
            q("B?", &["right", "a much longer wrong one", "x1", "x2"], 0),
        ];
        assert_eq!(longest_answer_count(&qs), 1);
    }

    #[test]
    fn balance_spreads_answers_and_keeps_right_answer() {
        let mut qs: Vec<Mcq> = (0..10)
            .map(|i| q(&format!("Q{i}?"), &["w1", "right", "w2", "w3"], 1))
            .collect();
        let mut rng = rng_from(Some(7));
        balance(&mut qs, &mut rng);
        let mut counts = [0; 4];
        for x in &qs {
            assert_eq!(x.answer(), "right");
            counts[x.answer_index] += 1;
        }
        assert!(counts.iter().all(|&c| c == 2 || c == 3), "{counts:?}");
    }
}
