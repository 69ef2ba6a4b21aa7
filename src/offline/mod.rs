//! Questions from a source text with no key and no network (the README's first command).
//!
//! The text is read into prose sentences by paragraph and glossary lines (`text.rs`; headings,
//! lists, captions and front matter are never question sentences). In each sentence the key
//! terms are found with their kind (`terms.rs`: a year, a quantity with its unit, a place, a
//! person, another name, a defined or repeated term). A question either asks for a defined term
//! from its definition ("Which term means …?") or blanks a term out of its sentence, with the
//! previous sentence shown when this one points back ("It", "These", …). Distractors are of the
//! answer's kind and form, from the text first, then from nearby values for numbers; a question
//! without enough of them, whose answer is generic, or whose stem gives the answer away, is not
//! written. The same text and flags give the same quiz (the seed comes from the text).

mod lang;
mod terms;
mod text;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use anyhow::Result;
use rand::Rng;
use rand::seq::SliceRandom;

use crate::error::QuizError;
use crate::mcq::{self, Deduper, Mcq};
use lang::Phrases;
use terms::{Kind, Term, clean_word, definitions_in, key_words, names_in, numbers_in};
pub(crate) use text::parse;

/// Largest source text read.
pub(crate) const MAX_SOURCE_BYTES: u64 = 10 * 1024 * 1024;

/// Reads a `.txt` or `.md` source text, refusing empty, binary and oversized files.
pub(crate) fn read_source(path: &Path) -> Result<String> {
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
pub(crate) fn read_stdin_source(shown: &str) -> Result<String> {
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
pub(crate) fn source_hash(text: &str) -> String {
    crate::redact::fingerprint(text)
}

/// What to make.
pub struct Ask<'a> {
    pub count: usize,
    pub rules: mcq::Rules,
    pub language: &'a str,
    /// easy, medium, hard, mixed (any counts as medium).
    pub difficulty: &'a str,
    /// The text's name, cited in explanations.
    pub origin: &'a str,
}

/// A seed for a text: the same text and flags give the same quiz.
pub(crate) fn seed_for(source: &str, ask: &Ask<'_>) -> u64 {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(source.as_bytes());
    h.update(format!(
        "{}|{}|{}|{}",
        ask.count, ask.rules.options, ask.language, ask.difficulty
    ));
    let d = h.finalize();
    u64::from_le_bytes([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]])
}

/// One possible question.
struct Candidate {
    /// Index into the sentences (or, for a glossary line, `None`).
    sentence: Option<usize>,
    paragraph: usize,
    term: Term,
    /// For a definition question: what the term means.
    definition: Option<String>,
    score: i32,
}

/// Everything the text offers, read once.
struct Reading {
    /// The sentences questions are made from (a biography's "She" named: see
    /// `name_the_subject`).
    sentences: Vec<text::Sentence>,
    /// The same sentences as the text has them, quoted in explanations.
    said: Vec<String>,
    /// The sentences in lower case, for the searches made per question.
    lower: Vec<String>,
    /// What the text defines each term (lower case) as.
    definitions: HashMap<String, Vec<String>>,
    /// Terms by kind, with the paragraph each was seen in (for distractors).
    pools: BTreeMap<Kind, Vec<(String, usize)>>,
    /// Terms the text defines (normalised), for choosing distractors from the same lesson.
    defined: HashSet<String>,
    candidates: Vec<Candidate>,
    /// What the whole text is about (its title), normalised: never an answer, since every
    /// sentence is about it ("Trains are an important way to travel in _____": Japan).
    topic: Option<String>,
    /// Whether the text is English: only then may built-in (English) names join its options.
    english: bool,
    /// Sentences that leave their subject out (Spanish "Nace en los Andes"): they come with the
    /// sentence before.
    subjectless: HashSet<usize>,
}

/// Whether every word of `part` is a word of `whole` ("mandela" of "nelson mandela").
fn within(part: &str, whole: &str) -> bool {
    let words: HashSet<&str> = whole.split_whitespace().collect();
    !part.is_empty() && part.split_whitespace().all(|w| words.contains(w))
}

/// The text's title: its first line, when that is a heading (`# Japan`) or a short line
/// without a full stop.
fn topic_of(source: &str) -> Option<String> {
    let first = source.lines().map(str::trim).find(|l| !l.is_empty())?;
    let heading = first.trim_start_matches('#').trim();
    let short = heading.split_whitespace().count() <= 6 && !heading.ends_with(['.', '!', '?']);
    (first.starts_with('#') || short).then(|| without_article(&terms::norm(heading)))
}

/// A normalised name without its leading "the" ("the silk road" → "silk road").
fn without_article(n: &str) -> String {
    n.strip_prefix("the ").unwrap_or(n).to_owned()
}

/// Makes up to `ask.count` questions from the text that pass the validator under its rules.
pub fn generate<R: Rng>(source: &str, ask: &Ask<'_>, rng: &mut R) -> Vec<Mcq> {
    let phrases = lang::phrases(ask.language);
    let reading = read(source, phrases);
    let mut by_paragraph: BTreeMap<usize, Vec<&Candidate>> = BTreeMap::new();
    for c in &reading.candidates {
        by_paragraph.entry(c.paragraph).or_default().push(c);
    }
    for cs in by_paragraph.values_mut() {
        cs.shuffle(rng);
        cs.sort_by_key(|c| -c.score);
    }
    // Round-robin over the paragraphs: the quiz covers the whole text.
    let mut queues: Vec<std::collections::VecDeque<&Candidate>> =
        by_paragraph.into_values().map(Into::into).collect();
    let mut out = Vec::new();
    let mut dedupe = Deduper::new();
    let mut used: HashSet<String> = HashSet::new();
    // Sentences an answer was taken from, and sentences shown in a stem (the gap sentence and
    // its context): no question shows a sentence another's answer comes from, which would
    // give that answer away ("…murdered by a group of senators in 44 BC. His adopted heir …").
    let mut homes: HashSet<usize> = HashSet::new();
    let mut shown: HashSet<usize> = HashSet::new();
    let mut kinds: HashMap<std::mem::Discriminant<Kind>, i32> = HashMap::new();
    while out.len() < ask.count && queues.iter().any(|q| !q.is_empty()) {
        for q in &mut queues {
            if out.len() >= ask.count {
                break;
            }
            // The best left in this paragraph, kinds already asked about counting against
            // them, so a quiz is not all years.
            q.make_contiguous().sort_by_key(|c| {
                -(c.score
                    - 2 * kinds
                        .get(&std::mem::discriminant(&c.term.kind))
                        .copied()
                        .unwrap_or(0))
            });
            while let Some(c) = q.pop_front() {
                let key = terms::norm(&c.term.text);
                let shows = shown_by(&reading, c, phrases);
                let clash = c.sentence.is_some_and(|s| shown.contains(&s))
                    || shows.iter().any(|s| homes.contains(s));
                if used.contains(&key) || clash {
                    continue;
                }
                let level = level_of(ask.difficulty, out.len());
                let Some(mut m) = make_question(&reading, c, ask, level, phrases, rng) else {
                    continue;
                };
                mcq::tidy(&mut m);
                if mcq::validate(&m, ask.rules).is_ok() && dedupe.admit(&m) {
                    used.insert(key);
                    homes.extend(c.sentence);
                    shown.extend(shows);
                    *kinds
                        .entry(std::mem::discriminant(&c.term.kind))
                        .or_default() += 1;
                    out.push(m);
                    break;
                }
            }
        }
    }
    out
}

/// The sentences a candidate's stem shows: its own, and the one before when it points back.
fn shown_by(reading: &Reading, c: &Candidate, phrases: &Phrases) -> Vec<usize> {
    let Some(i) = c.sentence else {
        return Vec::new();
    };
    let context = (c.definition.is_none()
        && (reading.subjectless.contains(&i)
            || needs_context(phrases, &reading.sentences[i].text, &c.term.text)))
    .then(|| i.checked_sub(1))
    .flatten();
    std::iter::once(i).chain(context).collect()
}

/// The difficulty of the `i`th question: `mixed` takes turns.
fn level_of(difficulty: &str, i: usize) -> &'static str {
    match difficulty {
        "easy" => "easy",
        "hard" => "hard",
        "mixed" => ["easy", "medium", "hard"][i % 3],
        _ => "medium",
    }
}

fn read(source: &str, phrases: &Phrases) -> Reading {
    let parsed = parse(source);
    let mut sentences: Vec<text::Sentence> = parsed
        .sentences
        .into_iter()
        .filter(|s| {
            let n = s.text.split_whitespace().count();
            (5..=45).contains(&n) && s.text.ends_with(['.', '!'])
        })
        .collect();
    let said: Vec<String> = sentences.iter().map(|s| s.text.clone()).collect();
    if let Some(subject) = biography_subject(source, &said) {
        name_the_subject(&mut sentences, &subject);
    }
    let texts: Vec<String> = sentences.iter().map(|s| s.text.clone()).collect();
    let known_caps: HashSet<String> = texts
        .iter()
        .flat_map(|s| {
            s.split_whitespace()
                .skip(1)
                .map(|w| clean_word(w).to_owned())
                .collect::<Vec<_>>()
        })
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .collect();
    let subjectless: HashSet<usize> = if lang::looks_spanish(source) {
        (0..texts.len())
            .filter(|&i| lang::opens_with_a_verb(&texts[i], &known_caps))
            .collect()
    } else {
        HashSet::new()
    };
    let vocab = key_words(&texts);
    let units = terms::unit_words(&texts);
    let names_seen = terms::standalone_names(&texts, &known_caps);
    let people = terms::person_words(&texts, &known_caps);
    let places = terms::place_names(&texts, &known_caps);
    let mut pools: Pools = BTreeMap::new();
    let mut candidates = Vec::new();
    for g in parsed
        .glossary
        .iter()
        .filter(|g| !terms::is_generic(&g.term))
    {
        let t = Term {
            text: g.term.clone(),
            kind: Kind::Term,
        };
        add_pool(&mut pools, &t, g.paragraph);
        candidates.push(Candidate {
            sentence: None,
            paragraph: g.paragraph,
            term: t,
            definition: Some(g.definition.clone()),
            score: 6,
        });
    }
    for (i, s) in sentences.iter().enumerate() {
        let defined = definitions_in(&s.text);
        let mut found: Vec<(Term, Option<String>)> = defined
            .iter()
            .map(|(t, def)| (t.clone(), def.clone()))
            .collect();
        // A name the sentence gives something ("a language named Ada") is that thing's name,
        // not a person's or a place's.
        for t in terms::split_joined(names_in(&s.text, &known_caps), &names_seen) {
            if !defined.iter().any(|(d, _)| d.text == t.text) {
                found.push((t, None));
            }
        }
        found.extend(numbers_in(&s.text).into_iter().map(|t| (t, None)));
        for w in s.text.split_whitespace() {
            let c = clean_word(w);
            if vocab.contains(&c.to_lowercase()) && c.chars().all(char::is_lowercase) {
                found.push((
                    Term {
                        text: c.to_owned(),
                        kind: Kind::Term,
                    },
                    None,
                ));
            }
        }
        for (mut t, definition) in found {
            if matches!(t.kind, Kind::Name(_))
                && !t.text.contains(' ')
                && people.contains(&t.text)
                && !names_a_thing(&s.text, &t.text)
            {
                t.kind = Kind::Person;
            } else if matches!(t.kind, Kind::Name(_))
                && places.contains(&t.text)
                && !names_a_thing(&s.text, &t.text)
            {
                t.kind = Kind::Place;
            }
            if t.kind == Kind::Term && !known_caps.contains(&t.text) && s.text.starts_with(&t.text)
            {
                t.text = lower_first(&t.text);
            }
            let unit = t.kind == Kind::Term && units.contains(&terms::norm(&t.text));
            if terms::is_generic(&t.text) || t.text.chars().count() < 3 || unit {
                continue;
            }
            add_pool(&mut pools, &t, s.paragraph);
            let score = match t.kind {
                _ if definition.is_some() => 6,
                Kind::Number(ref u) if !u.is_empty() => 4,
                Kind::Year => 4,
                Kind::Place | Kind::Person => 3,
                Kind::Name(_) => 2,
                Kind::Term if defined.iter().any(|(d, _)| d.text == t.text) => 5,
                Kind::Term => 1,
                Kind::Number(_) => 1,
            };
            // A sentence that points back needs the one before it, which must not give the
            // answer away.
            let score = if phrases.points_back(&s.text) {
                score - 1
            } else {
                score
            };
            candidates.push(Candidate {
                sentence: Some(i),
                paragraph: s.paragraph,
                term: t,
                definition,
                score,
            });
        }
    }
    add_plain_nouns(&mut pools, &sentences, &texts, &units);
    let defined = candidates
        .iter()
        .filter(|c| c.definition.is_some() || c.score >= 5)
        .map(|c| terms::norm(&c.term.text))
        .collect();
    let mut definitions: HashMap<String, Vec<String>> = HashMap::new();
    for c in &candidates {
        if let Some(def) = &c.definition {
            definitions
                .entry(c.term.text.to_lowercase())
                .or_default()
                .push(def.clone());
        }
    }
    Reading {
        lower: texts.iter().map(|t| t.to_lowercase()).collect(),
        definitions,
        sentences,
        said,
        pools,
        defined,
        candidates,
        topic: topic_of(source),
        english: lang::looks_english(source),
        subjectless,
    }
}

/// The person a biography is about: its title, when every word of it is a word of a person
/// the text names ("Ada Lovelace").
fn biography_subject(source: &str, sentences: &[String]) -> Option<String> {
    let first = source.lines().map(str::trim).find(|l| !l.is_empty())?;
    let title = first.trim_start_matches('#').trim();
    let words: Vec<&str> = title.split_whitespace().collect();
    let caps = words.iter().map(|w| (*w).to_owned()).collect();
    let people = terms::person_words(sentences, &caps);
    ((2..=3).contains(&words.len()) && words.iter().all(|w| people.contains(*w)))
        .then(|| title.to_owned())
}

/// Names a biography's subject where a sentence opens with a pronoun for them ("She moved to
/// Paris" → "Marie Curie moved to Paris"): the sentence then stands alone, with no sentence
/// before it in the stem. Only the pronoun the text opens sentences with most is taken for
/// the subject ("He" in Ada Lovelace's life is Babbage).
fn name_the_subject(sentences: &mut [text::Sentence], subject: &str) {
    const SHE: [&str; 3] = ["She", "Her", "Elle"];
    const HE: [&str; 3] = ["He", "His", "Il"];
    let opens = |set: &[&str]| {
        sentences
            .iter()
            .filter(|s| {
                s.text
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| set.contains(&w))
            })
            .count()
    };
    let (she, he) = (opens(&SHE), opens(&HE));
    let set = match she.cmp(&he) {
        std::cmp::Ordering::Greater => SHE,
        std::cmp::Ordering::Less => HE,
        std::cmp::Ordering::Equal => return,
    };
    for s in sentences {
        let Some((first, rest)) = s.text.split_once(' ') else {
            continue;
        };
        if set.contains(&first) {
            let owner = matches!(first, "Her" | "His");
            s.text = format!("{subject}{} {rest}", if owner { "'s" } else { "" });
        }
    }
}

/// Whether a one-word name follows a common noun that it names ("the language Ada", "the ship
/// Victoria"): then it is that thing, even where a person of the text bears the same name.
fn names_a_thing(sentence: &str, name: &str) -> bool {
    let Some(at) = terms::find_word(sentence, name) else {
        return false;
    };
    let before = sentence[..at].split_whitespace().next_back().unwrap_or("");
    before.chars().count() > 2
        && before.chars().all(char::is_lowercase)
        && !terms::is_stop(before)
        && !terms::is_title(before)
}

type Pools = BTreeMap<Kind, Vec<(String, usize)>>;

/// Adds a term to the pool of its kind (once, whatever its case), with its paragraph.
fn add_pool(pools: &mut Pools, t: &Term, para: usize) {
    let pool = pools.entry(t.kind.clone()).or_default();
    if !pool.iter().any(|(p, _)| p.eq_ignore_ascii_case(&t.text)) {
        pool.push((t.text.clone(), para));
    }
}

/// Nouns the text uses once are no question of their own, but may be a wrong answer behind
/// the terms it repeats or defines (added last, so those come first).
fn add_plain_nouns(
    pools: &mut Pools,
    sentences: &[text::Sentence],
    texts: &[String],
    units: &HashSet<String>,
) {
    let plain = terms::plain_nouns(texts);
    for s in sentences {
        for w in s.text.split_whitespace() {
            let c = clean_word(w);
            if plain.contains(&c.to_lowercase())
                && c.chars().all(char::is_lowercase)
                && !terms::is_generic(c)
                && !units.contains(&terms::norm(c))
            {
                let t = Term {
                    text: c.to_owned(),
                    kind: Kind::Term,
                };
                add_pool(pools, &t, s.paragraph);
            }
        }
    }
}

/// `Condensation` → `condensation`, for a term capitalised only because it starts a sentence.
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn make_question<R: Rng>(
    reading: &Reading,
    c: &Candidate,
    ask: &Ask<'_>,
    level: &str,
    phrases: &Phrases,
    rng: &mut R,
) -> Option<Mcq> {
    let (stem, sentence_text) = match (&c.definition, c.sentence) {
        (Some(def), Some(i)) => (phrases.means(def), reading.said[i].clone()),
        (Some(def), None) => (phrases.means(def), format!("{}: {def}", c.term.text)),
        (None, Some(i)) => {
            let s = &reading.sentences[i].text;
            let blanked = blank(s, &c.term.text)?;
            if !stands_alone(&blanked, &c.term.kind)
                || part_of_a_term(reading, &blanked, &c.term.text)
                || !says_enough(&blanked)
                || (!numeric(&c.term.kind) && lang::gives_an_example(&blanked))
            {
                return None;
            }
            let context =
                if reading.subjectless.contains(&i) || needs_context(phrases, s, &c.term.text) {
                    let prev = i.checked_sub(1).map(|p| &reading.sentences[p])?;
                    if prev.paragraph != reading.sentences[i].paragraph {
                        return None;
                    }
                    Some(prev.text.clone())
                } else {
                    None
                };
            let mut stem = phrases
                .when(&c.term.kind, &blanked, context.as_deref())
                .unwrap_or_else(|| phrases.cloze(&c.term.kind, &blanked, context.as_deref()));
            // A format with a short limit (Kahoot: 120 characters) gets the gap sentence alone:
            // the gap asks the question.
            if ask
                .rules
                .question_max
                .is_some_and(|max| stem.chars().count() > max)
            {
                stem = match context.as_deref() {
                    Some(prev) => format!("{prev} {blanked}"),
                    None => blanked.clone(),
                };
            }
            (stem, reading.said[i].clone())
        }
        (None, None) => return None,
    };
    // What a teacher would strike: the answer in the stem, a stem too short to ask anything,
    // the text's own topic as a gap ("Trains are important in _____": Japan, in a text on
    // Japan; asking what the topic *means* is fine).
    // A biography's subject by any part of their name ("Lovelace" in Ada Lovelace's life).
    let name = without_article(&terms::norm(&c.term.text));
    let topic_gap = c.definition.is_none()
        && reading.topic.as_deref().is_some_and(|t| {
            t == name || (matches!(c.term.kind, Kind::Person | Kind::Name(_)) && within(&name, t))
        });
    if terms::mentions(&stem, &c.term.text)
        || topic_gap
        || terms::completes_a_share(&stem, &c.term.text)
        || stem.split_whitespace().count() < 5
    {
        return None;
    }
    // A name of no known class (not a place, not a person) has no distractors a teacher would
    // trust: "the United States" among rivers, "Paris" among institutions.
    if matches!(c.term.kind, Kind::Name(_)) {
        return None;
    }
    let wanted = ask.rules.options - 1;
    // A biography's subject is no wrong answer: they did what every sentence says.
    let subject = |d: &str| {
        c.term.kind == Kind::Person
            && reading
                .topic
                .as_deref()
                .is_some_and(|t| within(&terms::norm(d), t))
    };
    // What the text says the answer is, or says is the answer: right too.
    let linked = if c.term.kind == Kind::Term {
        linked_to(reading, &c.term.text)
    } else {
        Vec::new()
    };
    let pool: Vec<(String, usize)> = reading
        .pools
        .get(&c.term.kind)
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter(|(d, _)| !subject(d) && same_kind_named(reading, &stem, d))
        // The text's own topic is no wrong answer either ("shared with Uganda and _____":
        // Kenya, in a text on Kenya, whose lake it is).
        .filter(|(d, _)| {
            reading.topic.as_deref() != Some(without_article(&terms::norm(d)).as_str())
        })
        .filter(|(d, _)| c.definition.is_none() || !a_kind_of(reading, d, &c.term.text))
        .filter(|(d, _)| {
            !linked
                .iter()
                .any(|l| terms::find_word(l, &d.to_lowercase()).is_some())
        })
        .cloned()
        .collect();
    // A date or a value the text gives as approximate ("around _____", "about six weeks") is
    // not asked against near ones: "around 2560 BC" or 2570 BC, "about five weeks" would be
    // fair answers too.
    let approximate = numeric(&c.term.kind) && is_approximate(&stem);
    let gap = terms::Gap {
        stem: &stem,
        paragraph: c.paragraph,
        level: if approximate { "easy" } else { level },
        wanted,
        english: reading.english,
    };
    let distractors = terms::distractors(&c.term, &pool, &reading.defined, &gap, rng);
    if distractors.len() < wanted {
        return None;
    }
    let mut options = distractors;
    let at = rng.random_range(0..=options.len());
    options.insert(at, c.term.text.clone());
    Some(Mcq {
        question: stem,
        options,
        answer_index: at,
        explanation: phrases.explain(ask.origin, &sentence_text),
        difficulty: Some(level.to_owned()),
        source: Some(format!("offline:{}", ask.origin)),
        id: None,
        verified_by: None,
    })
}

fn numeric(kind: &Kind) -> bool {
    matches!(kind, Kind::Year | Kind::Number(_))
}

/// Whether a place may stand where the stem names the kind of place: "the province of _____"
/// takes only names the text puts after "province of" too (Quebec, Ontario), never a city.
fn same_kind_named(reading: &Reading, stem: &str, place: &str) -> bool {
    const KINDS: [&str; 8] = [
        "province", "state", "county", "city", "town", "village", "kingdom", "island",
    ];
    let Some((before, _)) = stem.split_once("_____") else {
        return true;
    };
    let mut back = before.split_whitespace().rev();
    let (Some(of), Some(kind)) = (back.next(), back.next()) else {
        return true;
    };
    let kind = kind.to_lowercase();
    if of != "of" || !KINDS.contains(&kind.as_str()) {
        return true;
    }
    let named = format!("{kind} of {place}");
    let named = named.to_lowercase();
    reading.lower.iter().any(|s| s.contains(&named))
}

/// Whether the gap is the last word of a term the text defines ("uses the metric _____":
/// system, of "metric system"): the term gives it away.
fn part_of_a_term(reading: &Reading, blanked: &str, answer: &str) -> bool {
    let before = blanked.split_once("_____").map_or("", |(b, _)| b);
    before.split_whitespace().next_back().is_some_and(|prev| {
        let whole = terms::norm(&format!("{prev} {answer}"));
        reading.defined.contains(&whole)
    })
}

/// The words the text links to the answer: what it says the answer is or names it ("His father,
/// Leopold, was a violinist and teacher": "toured with his _____" is right with "teacher" too;
/// "algae called zooxanthellae"), and what it says is the answer (the words before such a link
/// whose clause names the answer). In lower case; a wrong answer found there is right too.
fn linked_to(reading: &Reading, answer: &str) -> Vec<String> {
    const LINKS: [&str; 6] = [" is ", " was ", " are ", " were ", " called ", " known as "];
    let answer = answer.to_lowercase();
    let clause = |from: &str| from.split(['.', ';']).next().unwrap_or("").to_owned();
    let mut out = Vec::new();
    for text in &reading.lower {
        let Some(at) = terms::find_word(text, &answer) else {
            continue;
        };
        for link in LINKS {
            if let Some(v) = text[at..].find(link) {
                out.push(clause(&text[at + v + link.len()..]));
            }
            for (v, _) in text.match_indices(link) {
                if terms::find_word(&clause(&text[v + link.len()..]), &answer).is_some() {
                    out.push(text[..v].to_owned());
                }
            }
        }
    }
    out
}

/// Whether the text defines `term` as a kind of `answer` ("composting, a natural way to
/// recycle …" beside "recycling"; "an electromagnet … becomes a magnet"): then it fits the
/// answer's definition too, and is no wrong answer for it.
fn a_kind_of(reading: &Reading, term: &str, answer: &str) -> bool {
    let stem: String = terms::norm(answer).chars().take(6).collect();
    if stem.chars().count() < 5 {
        return false;
    }
    reading
        .definitions
        .get(&term.to_lowercase())
        .into_iter()
        .flatten()
        .any(|def| {
            def.split_whitespace()
                .any(|w| terms::norm(w).starts_with(&stem))
        })
}

/// Whether the gap's sentence gives its date or value as approximate ("around _____", "desde el año
/// 250 hasta el año _____" after "aproximadamente"): near dates would be fair answers too.
fn is_approximate(stem: &str) -> bool {
    let before = stem.split_once("_____").map_or("", |(b, _)| b);
    // The gap's own sentence, not the context before it.
    let sentence = before.rsplit(['.', '!', '?']).next().unwrap_or("");
    sentence.split_whitespace().any(|w| {
        matches!(
            w.trim_matches(|c: char| !c.is_alphabetic() && c != '.')
                .to_lowercase()
                .as_str(),
            "around"
                | "about"
                | "circa"
                | "c."
                | "approximately"
                | "roughly"
                | "nearly"
                | "almost"
                | "hacia"
                | "aproximadamente"
                | "alrededor"
                | "cerca"
                | "unos"
                | "unas"
                | "casi"
                | "presque"
                | "vers"
                | "environ"
                | "etwa"
                | "ungefähr"
                | "um"
        )
    })
}

/// Whether a sentence needs the one before it in the stem: its subject points back ("It
/// erupted"), the term to be asked is its subject and a word after it points back ("James
/// Watt improved it": improved what?), or it opens with a time after another ("Three years
/// later").
fn needs_context(phrases: &Phrases, sentence: &str, term: &str) -> bool {
    let subject_points_back = sentence.strip_prefix(term).is_some_and(|rest| {
        rest.split_whitespace().take(5).any(|w| {
            matches!(
                w.trim_matches(|c: char| !c.is_alphabetic())
                    .to_lowercase()
                    .as_str(),
                "it" | "them" | "this" | "these" | "those"
            )
        })
    });
    // "made him head of the Church", "Like all insects, they have": who?
    let words: Vec<String> = sentence
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
        .collect();
    // Not after a preposition, which points inside the sentence ("most of them", "the period
    // between them").
    let object = words.windows(2).any(|p| {
        matches!(p[1].as_str(), "him" | "them")
            && !matches!(
                p[0].as_str(),
                "of" | "between"
                    | "among"
                    | "with"
                    | "for"
                    | "to"
                    | "from"
                    | "by"
                    | "on"
                    | "in"
                    | "at"
                    | "about"
                    | "around"
                    | "than"
            )
    });
    let someone_before = object || words.iter().take(6).any(|w| w == "they");
    // "Three years later …", "arrived five weeks later", "During the next two years": a time
    // after what the sentence before says.
    let lower = format!(" {} ", sentence.to_lowercase());
    let relative = [
        " later",
        " earlier",
        " afterwards",
        " the next ",
        " the following ",
        " that day",
        " that year",
    ]
    .iter()
    .any(|w| lower.contains(w));
    // "The four largest were discovered by Galileo": the four largest what?
    let elliptic = words.len() > 3
        && words[0] == "the"
        && terms::is_count_word(&words[1])
        && words[2].ends_with("est");
    phrases.points_back(sentence) || subject_points_back || someone_before || relative || elliptic
}

/// Whether a gap sentence says enough to point at one answer: three words besides the gap
/// and the function words ("The _____ is released into the air" does not).
fn says_enough(blanked: &str) -> bool {
    blanked
        .split_whitespace()
        .map(clean_word)
        .filter(|w| !w.is_empty() && !w.contains("_____") && !terms::is_stop(&w.to_lowercase()))
        .count()
        >= 3
}

/// Whether the gap stands for the whole term: not part of a longer name ("Julius _____"), a
/// single word not used to qualify the noun after it ("_____ droplets"), a number not the
/// second of two offered ("four or _____").
fn stands_alone(blanked: &str, kind: &Kind) -> bool {
    let (before, after) = blanked.split_once("_____").unwrap_or((blanked, ""));
    let prev = before.split_whitespace().next_back().unwrap_or("");
    let next = after.split_whitespace().next().unwrap_or("");
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let next_word = clean_word(next);
    // A word right after the gap, with nothing between: part of the same phrase.
    let joined_next = after.starts_with(' ') && !next.is_empty();
    match kind {
        Kind::Place | Kind::Person | Kind::Name(_) => {
            // The sentence's first word is capitalised anyway: only a word that is not a
            // function word ("The", "In") there joins the name ("Julius _____").
            let first_word = before.trim() == prev;
            let name_before = capital(prev)
                && (!first_word || !terms::is_stop(clean_word(prev)))
                && !prev.ends_with([',', ';', ':']);
            let name_after = joined_next && capital(next_word);
            !name_before && !name_after
        }
        Kind::Term => {
            let qualifies_next = joined_next
                && next_word.chars().count() > 2
                && next_word.chars().all(char::is_lowercase)
                && !terms::is_stop(next_word);
            // "under the _____ Claudius": a title, which the name answers.
            let titles_a_name = joined_next && capital(next_word);
            !qualifies_next && !titles_a_name
        }
        // "They had _____: Susanna, Hamnet and Judith", "There are _____ that we can see:
        // solar eclipses and lunar eclipses": the list counts itself; "between the _____"
        // (two countries) counts what the sentence has named.
        Kind::Number(_) if after.contains(':') || prev.eq_ignore_ascii_case("the") => false,
        // "four or _____": the number before is a fair answer too.
        _ => {
            let mut back = before.split_whitespace().rev();
            let (or, number) = (back.next().unwrap_or(""), back.next().unwrap_or(""));
            !(matches!(or, "or" | "ou" | "o" | "oder")
                && (number.chars().any(|c| c.is_ascii_digit()) || terms::is_count_word(number)))
        }
    }
}

/// The sentence with the term blanked out (its first whole-word occurrence).
fn blank(sentence: &str, term: &str) -> Option<String> {
    // As written, or capitalised at the start of the sentence.
    let mut chars = term.chars();
    let upper: String = chars.next()?.to_uppercase().chain(chars).collect();
    let (pos, len) = match terms::find_word(sentence, term) {
        Some(p) => (p, term.len()),
        None => (
            terms::find_word(sentence, &upper).filter(|&p| p == 0)?,
            upper.len(),
        ),
    };
    Some(format!(
        "{}_____{}",
        &sentence[..pos],
        &sentence[pos + len..]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ask(count: usize) -> Ask<'static> {
        Ask {
            count,
            rules: mcq::Rules::new(4),
            language: "English",
            difficulty: "medium",
            origin: "t",
        }
    }

    #[test]
    fn a_number_after_another_offered_is_no_gap() {
        let count = Kind::Number("links".into());
        assert!(!stands_alone(
            "Food chains have no more than four or _____.",
            &count
        ));
        assert!(!stands_alone("It takes 3 or _____ days.", &count));
        assert!(stands_alone("It rose by about _____ in a year.", &count));
        assert!(!stands_alone(
            "They had _____: Susanna and the twins Hamnet and Judith.",
            &count
        ));
        assert!(!stands_alone(
            "There are _____ that we can see: solar eclipses and lunar eclipses.",
            &count
        ));
        assert!(!stands_alone(
            "A gift from France to the United States, for the friendship between the _____.",
            &count
        ));
        assert!(!stands_alone(
            "The conquest began under the _____ Claudius.",
            &Kind::Term
        ));
    }

    #[test]
    fn a_kind_of_the_answer_is_no_wrong_answer_for_its_definition() {
        let text = "Recycling is the process of turning waste into new materials and objects. Glass is crushed into small pieces called cullet. Composting is a natural way to recycle garden and kitchen waste. Bacteria and worms turn the waste into compost, a dark soil that is rich in nutrients. Landfill is a place where rubbish is buried in the ground. Incineration is the burning of waste at very high temperatures.";
        let qs = generate(text, &ask(6), &mut crate::mcq::rng_from(Some(1)));
        let q = qs
            .iter()
            .find(|q| q.answer() == "Recycling" || q.answer() == "recycling")
            .expect("a question on recycling");
        assert!(
            !q.options
                .iter()
                .any(|o| o.eq_ignore_ascii_case("composting")),
            "{q:?}"
        );
    }

    #[test]
    fn what_the_text_says_the_answer_is_is_no_wrong_answer() {
        let text = "Mozart\n\nHis father, Leopold, was a violinist and teacher. From the age of six he toured Europe with his father.";
        let reading = read(text, lang::phrases("English"));
        let said = |answer: &str, term: &str| {
            linked_to(&reading, answer)
                .iter()
                .any(|l| terms::find_word(l, &term.to_lowercase()).is_some())
        };
        assert!(said("father", "teacher"));
        assert!(said("father", "violinist"));
        assert!(said("violinist", "father"));
        assert!(!said("father", "Europe"));
        let reading = read(
            "Coral\n\nThey contain tiny algae called zooxanthellae, which make food.",
            lang::phrases("English"),
        );
        assert!(
            linked_to(&reading, "algae")
                .iter()
                .any(|l| l.contains("zooxanthellae"))
        );
    }

    #[test]
    fn the_topic_is_no_wrong_answer() {
        let text = "Kenya\n\nKenya is a country in East Africa with a coastline on the Indian Ocean. Lake Victoria, in the west, is shared with Uganda and Tanzania. Every year wildebeest cross from Tanzania into the Maasai Mara reserve in Kenya. Kenya became independent from Britain in 1963.";
        let qs = generate(text, &ask(4), &mut crate::mcq::rng_from(Some(1)));
        let places: Vec<&Mcq> = qs
            .iter()
            .filter(|q| q.question.contains("Which place"))
            .collect();
        assert!(!places.is_empty(), "{qs:?}");
        for q in places {
            assert!(!q.options.iter().any(|o| o == "Kenya"), "{q:?}");
        }
    }

    #[test]
    fn no_gap_in_a_term_the_text_defines() {
        let text = "Metric\n\nThe metric system is a system of measurement based on the number ten. Today almost every country uses the metric system in daily life.";
        let reading = read(text, lang::phrases("English"));
        assert!(part_of_a_term(
            &reading,
            "Today almost every country uses the metric _____ in daily life.",
            "system"
        ));
        assert!(!part_of_a_term(
            &reading,
            "Today almost every country uses the _____ in daily life.",
            "metric system"
        ));
    }

    #[test]
    fn a_gap_sentence_must_say_enough() {
        assert!(!says_enough("The _____ is released into the air."));
        assert!(says_enough("Rome finally destroyed Carthage in _____."));
    }

    #[test]
    fn a_biographys_pronoun_is_its_subject() {
        let text = "Ada Lovelace\n\nAda Lovelace was an English mathematician. She was born in London in 1815. Her mother insisted that she study mathematics. In 1833 Lovelace met Charles Babbage. He designed a mechanical calculator.\n";
        let said: Vec<String> = parse(text).sentences.into_iter().map(|s| s.text).collect();
        assert_eq!(
            biography_subject(text, &said).as_deref(),
            Some("Ada Lovelace")
        );
        let mut sentences = parse(text).sentences;
        name_the_subject(&mut sentences, "Ada Lovelace");
        let texts: Vec<&str> = sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts[1], "Ada Lovelace was born in London in 1815.");
        assert_eq!(
            texts[2],
            "Ada Lovelace's mother insisted that she study mathematics."
        );
        assert_eq!(texts[4], "He designed a mechanical calculator.");
        assert_eq!(
            biography_subject("The Vikings\n\nThe Vikings sailed.", &said),
            None
        );
    }

    #[test]
    fn a_subject_gap_with_a_word_pointing_back_gets_context() {
        let en = lang::phrases("English");
        let s = "James Watt improved it in the 1760s and 1770s.";
        assert!(needs_context(en, s, "James Watt"));
        assert!(!needs_context(en, s, "1760s"));
        assert!(!needs_context(
            en,
            "Richard Arkwright built mills, and his mill became a model.",
            "Richard Arkwright"
        ));
        assert!(needs_context(
            en,
            "Three years later the two men shared the prize.",
            "three years"
        ));
        assert!(needs_context(
            en,
            "The British explorer Scott arrived five weeks later, and he died.",
            "five weeks"
        ));
        assert!(needs_context(
            en,
            "Later that day Wilbur flew 260 metres.",
            "260 metres"
        ));
        assert!(needs_context(
            en,
            "In 1534 the Act of Supremacy made him head of the Church.",
            "1534"
        ));
        assert!(needs_context(
            en,
            "Like all insects, they have six legs.",
            "six legs"
        ));
        assert!(!needs_context(
            en,
            "The games were held every four years, and the period between them was an Olympiad.",
            "four years"
        ));
        assert!(needs_context(
            en,
            "The four largest were discovered by Galileo in 1610.",
            "1610"
        ));
    }

    #[test]
    fn an_approximate_date_is_seen_anywhere_before_its_gap() {
        assert!(is_approximate(
            "Su periodo clásico duró aproximadamente desde el año 250 hasta el año _____."
        ));
        assert!(is_approximate(
            "Around the year _____, Leif Erikson reached it."
        ));
        assert!(!is_approximate(
            "It was built around 2560 BC. The games ended in AD _____."
        ));
    }

    #[test]
    fn the_title_is_the_topic() {
        assert_eq!(
            topic_of("Japan\n\nJapan is an island country."),
            Some("japan".into())
        );
        assert_eq!(
            topic_of("# The Silk Road\n\nText."),
            Some("silk road".into())
        );
        assert_eq!(
            topic_of("Japan is an island country in East Asia.\nMore."),
            None
        );
    }

    #[test]
    fn a_name_given_to_a_thing_is_not_a_person() {
        let s =
            "In 1980 the Department of Defense named a new programming language Ada in her honour.";
        assert!(names_a_thing(s, "Ada"));
        assert!(!names_a_thing(
            "The Carthaginian general Hannibal crossed the Alps.",
            "Hannibal"
        ));
        assert!(!names_a_thing(
            "In 1833 Lovelace met Charles Babbage.",
            "Lovelace"
        ));
    }

    #[test]
    fn definitions_become_which_term_means_questions() {
        assert!(
            definitions_in("The smallest bone is the stapes, a tiny bone in the ear.").is_empty()
        );
        assert!(
            definitions_in("The emperor penguin is the largest penguin and breeds on ice.")
                .is_empty()
        );
        let d = definitions_in(
            "The knee is a hinge joint, which lets the leg bend, while the hip is a ball joint.",
        );
        assert_eq!(
            d[0].1.as_deref(),
            Some("a hinge joint, which lets the leg bend")
        );
        let d = definitions_in("Tough bands called ligaments hold the bones of a joint together.");
        assert_eq!(d[0].0.text, "ligaments");
        assert!(
            terms::overlaps("electromagnet", "magnet") && !terms::overlaps("magnet", "compass")
        );
        let d = definitions_in("They named the first polonium, and the second radium.");
        assert_eq!(d[0].0.text, "polonium");
        let d = definitions_in("This flow is called surface runoff.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].0.text, "surface runoff");
        let text = "Condensation is the change of water vapour back into tiny liquid droplets. Evaporation is the process in which liquid water turns into water vapour. Precipitation is the water that falls from clouds to the ground. Infiltration is the movement of water into the soil. Transpiration is the loss of water vapour from the leaves of plants.";
        let qs = generate(text, &ask(4), &mut crate::mcq::rng_from(Some(1)));
        let answers: Vec<&str> = qs.iter().map(super::super::mcq::Mcq::answer).collect();
        assert!(answers.contains(&"condensation"), "{answers:?}");
        assert!(
            qs.iter()
                .any(|q| q.question.starts_with("Which term means")),
            "{qs:?}"
        );
    }
}
