//! Questions from a source text with no key and no network (the README's first command), made
//! by a pipeline of typed stages, each a module with its own tests:
//!
//! 1. `read`: the text into sentences by section and paragraph, glossary lines, tables and
//!    lists (PDF artefacts repaired; headings, code and exercise sections left out; a list
//!    read as sentences only when its items are numbered steps or a story's people);
//! 2. `lang`: the text's language (detected) and each language's words (`data/xx.toml`);
//! 3. `detect`: candidate answers by kind (year, value with unit, person, place, defined
//!    term), kept only when the kind is certain (`lexicon`: WordNet, countries, given names);
//! 4. `filters`: named filters, each striking a draft for one reason;
//! 5. `distract`: wrong answers of the answer's own kind, per difficulty;
//! 6. `render`: the stem in `--language`'s words (`table` and `list`: questions from a
//!    table's rows and a list's items, whose other rows and items are the wrong answers);
//! 7. here, the choice: sections take turns (and paragraphs within each), so a long text is asked across all of it, and no
//!    question shows another's answer or the sentence it comes from.
//!
//! Precision first: a question is written only when every check passes. The same text and flags
//! give the same quiz (the seed comes from them).

mod cause;
mod characters;
mod define;
mod define_more;
mod detect;
mod distract;
mod filters;
mod lang;
mod lexicon;
mod list;
mod order;
mod read;
mod reading;
mod refer;
mod render;
mod sex;
mod span;
mod subject;
mod table;
mod term_question;
mod topic_noun;
mod wrong_terms;

use std::collections::{BTreeMap, VecDeque};
use std::path::Path;

use anyhow::Result;
use rand::Rng;
use rand::seq::SliceRandom;

use crate::error::QuizError;
use crate::mcq::{self, Deduper, Mcq};
use detect::{Found, Kind};
use distract::Level;
use filters::Draft;
use lang::{Lang, Say};
use lexicon::PlaceKind;
use reading::{Item, Reading};

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

/// A question made, with what the whole-quiz checks need.
struct Made {
    mcq: Mcq,
    answer: String,
    /// The sentence its answer comes from, and the sentences its stem shows.
    home: Option<usize>,
    shows: Vec<usize>,
    /// What it prints besides its stem that may give an answer away: a step's options.
    prints: String,
    /// An ordering question's key: its sentence and year, which no other question may print
    /// together (a year question on it prints no year, and so is asked).
    dated: Option<(usize, String)>,
}

/// The stop words of a quiz in `language` besides the English ones `mcq::Deduper` always
/// knows (none for English or a language offline generation does not know).
pub(crate) fn stop_words(language: &str) -> &'static [&'static str] {
    match Lang::named(language) {
        Some(Lang::En) | None => &[],
        Some(l) => l.stop_words(),
    }
}

/// Makes up to `ask.count` questions from the text that pass every check and the validator.
pub fn generate<R: Rng>(source: &str, ask: &Ask<'_>, rng: &mut R) -> Vec<Mcq> {
    let reading = Reading::new(source, ask.rules.options);
    let say = &Lang::named(ask.language).unwrap_or(Lang::En).data().say;
    let mut queues = by_section(&reading, rng);
    let mut made: Vec<Made> = Vec::new();
    let mut dedupe = Deduper::with_stop_words(stop_words(ask.language));
    let mut kinds: BTreeMap<&'static str, i32> = BTreeMap::new();
    // An ordering question belongs to the whole text, not a section: tried once when half the
    // quiz is made, again at the end if not made, and a second at the end when the sections
    // leave room (`order`).
    let events = order::events(&reading);
    let mut ordered = order::Asked::default();
    let mut tried = false;
    while made.len() < ask.count && queues.iter().any(|q| !q.is_empty()) {
        for q in &mut queues {
            if !tried && made.len() * 2 >= ask.count {
                tried = true;
                let quiz = (&mut made, &mut dedupe);
                order::ask(
                    &reading,
                    &events,
                    (ask, say),
                    quiz,
                    &mut ordered,
                    false,
                    rng,
                );
            }
            if made.len() >= ask.count {
                break;
            }
            // Kinds already asked count against a candidate, so a quiz is not all years.
            q.make_contiguous()
                .sort_by_key(|it| kinds.get(kind_name(&reading, *it)).copied().unwrap_or(0));
            while let Some(item) = q.pop_front() {
                // Values, list items and causes at most two in five of the quiz each, table
                // rows one in four: a quiz of altitudes is of little use, nor a list or a table
                // read back, nor all clauses.
                let kind = kind_name(&reading, item);
                let asked = kinds.get(kind).copied().unwrap_or(0);
                let cap = match kind {
                    "value" | "list" | "cause" => value_cap(ask.count),
                    "table" => table_cap(ask.count),
                    _ => i32::MAX,
                };
                if asked >= cap {
                    continue;
                }
                let level = level_of(ask.difficulty, made.len());
                let Some(mut m) = make(&reading, item, ask, say, level, rng) else {
                    continue;
                };
                mcq::tidy(&mut m.mcq);
                if clashes(&m, &made)
                    || mcq::validate(&m.mcq, ask.rules).is_err()
                    || !dedupe.admit(&m.mcq)
                {
                    continue;
                }
                *kinds.entry(kind).or_default() += 1;
                made.push(m);
                break;
            }
        }
    }
    let quiz = (&mut made, &mut dedupe);
    order::ask(&reading, &events, (ask, say), quiz, &mut ordered, true, rng);
    made.into_iter().map(|m| m.mcq).collect()
}

/// Named in this share of the sentences or more (in either number), a term is what the text is
/// about: no wrong terms are sought among its nouns for it.
const SUBJECT_SHARE: f64 = 0.25;

/// The most values a quiz of `count` takes: two in five, and at least three.
fn value_cap(count: usize) -> i32 {
    ((count * 2).div_ceil(5)).max(3) as i32
}

/// The other values of the sentence a gap is in (and of the one shown before it).
fn others_in(reading: &Reading, f: &Found) -> Vec<detect::Value> {
    reading
        .found
        .iter()
        .filter(|o| {
            (o.sentence == f.sentence || o.sentence + 1 == f.sentence)
                && (o.sentence, o.start) != (f.sentence, f.start)
        })
        .filter_map(|o| match &o.kind {
            Kind::Value(v) => Some(v.clone()),
            _ => None,
        })
        .collect()
}

/// Wrong values on the answer's side of every other value of the stem in the same unit: "of
/// its 10 100 tonnes, the frame weighs _____" rules out "10 200 tonnes".
fn same_side(
    wrong: Vec<String>,
    v: &detect::Value,
    others: &[detect::Value],
    lang: Lang,
) -> Vec<String> {
    let amount = |s: &str| {
        let digits: String = s
            .chars()
            .take_while(|c| {
                c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}')
            })
            .collect();
        let digits = digits.trim().trim_end_matches([',', '.']);
        detect::parse_number(digits, lang).map(|(n, _)| n)
    };
    let bounds: Vec<f64> = others
        .iter()
        .filter(|o| {
            o.unit.eq_ignore_ascii_case(&v.unit)
                && o.times == v.times
                && (o.amount - v.amount).abs() > f64::EPSILON
        })
        .map(|o| o.amount)
        .collect();
    if bounds.is_empty() {
        return wrong;
    }
    wrong
        .into_iter()
        .filter(|w| amount(w).is_some_and(|x| bounds.iter().all(|b| (x < *b) == (v.amount < *b))))
        .collect()
}

/// The most table rows a quiz of `count` asks: one in four, and at least two.
fn table_cap(count: usize) -> i32 {
    (count / 4).max(2) as i32
}

/// The candidates by section, in the text's order, each section's paragraphs taking turns
/// within it (shuffled within a paragraph: the seed decides). The sections take turns in the
/// quiz, so every section of a long text is asked, and within one every paragraph.
fn by_section<R: Rng>(reading: &Reading, rng: &mut R) -> Vec<VecDeque<Item>> {
    let items = (0..reading.found.len())
        .map(Item::Gap)
        .chain((0..reading.definitions.len()).map(Item::Define))
        .chain((0..reading.cells.len()).map(Item::Table))
        .chain((0..reading.listed.len()).map(Item::List))
        .chain((0..reading.causals.len()).map(Item::Cause));
    let mut sections: BTreeMap<usize, BTreeMap<usize, Vec<Item>>> = BTreeMap::new();
    for it in items {
        let (section, paragraph) = reading.place_of(it);
        sections
            .entry(section)
            .or_default()
            .entry(paragraph)
            .or_default()
            .push(it);
    }
    sections
        .into_values()
        .map(|paragraphs| {
            let mut lists: Vec<Vec<Item>> = paragraphs.into_values().collect();
            for l in &mut lists {
                l.shuffle(rng);
                l.sort_by_key(|it| !reading.of_subject(*it));
            }
            let longest = lists.iter().map(Vec::len).max().unwrap_or(0);
            (0..longest)
                .flat_map(|i| lists.iter().filter_map(move |l| l.get(i).copied()))
                .collect()
        })
        .collect()
}

fn kind_name(reading: &Reading, item: Item) -> &'static str {
    match item {
        Item::Define(_) => "term",
        Item::Table(_) => "table",
        Item::List(_) => "list",
        Item::Cause(_) => "cause",
        Item::Gap(i) => match &reading.found[i].kind {
            Kind::Year { .. } => "year",
            Kind::Value(_) => "value",
            Kind::Person => "person",
            Kind::Place(_) => "place",
            Kind::Term => "term",
            Kind::Span(s) if s.year => "year",
            Kind::Span(_) => "value",
        },
    }
}

/// Whether a question would give another's answer away, or the other way round: a stem
/// showing the sentence another answer comes from, or printing another's answer.
fn clashes(m: &Made, made: &[Made]) -> bool {
    let printed =
        |stem: &str, answer: &str| lang::holds(&stem.to_lowercase(), &answer.to_lowercase());
    made.iter().any(|o| {
        m.answer.eq_ignore_ascii_case(&o.answer)
            || m.home
                .is_some_and(|h| o.shows.contains(&h) || o.home == Some(h))
            || o.home.is_some_and(|h| m.shows.contains(&h))
            // An ordering question's key is an event, which a year question on it shows
            // without giving the order away: `dated` says what may not be shown.
            || (o.dated.is_none() && printed(&format!("{} {}", m.mcq.question, m.prints), &o.answer))
            || (m.dated.is_none() && printed(&format!("{} {}", o.mcq.question, o.prints), &m.answer))
            || o.dated.as_ref().is_some_and(|d| prints_date(m, d))
            || m.dated.as_ref().is_some_and(|d| prints_date(o, d))
    })
}

/// Whether a question shows a sentence with its year (`Made::dated`).
fn prints_date(m: &Made, (sentence, year): &(usize, String)) -> bool {
    let shows = m.home == Some(*sentence) || m.shows.contains(sentence);
    shows && lang::holds(&m.mcq.question, year)
}

/// With `QUIZGEN_OFFLINE_TRACE` set, why each candidate was not asked, on standard error: for
/// a maintainer reading what the filters do to a text.
fn trace(line: impl FnOnce() -> String) {
    static ON: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *ON.get_or_init(|| std::env::var_os("QUIZGEN_OFFLINE_TRACE").is_some()) {
        eprintln!("offline: {}", line());
    }
}

/// The difficulty of the `i`th question: `mixed` takes turns.
fn level_of(difficulty: &str, i: usize) -> Level {
    match difficulty {
        "easy" => Level::Easy,
        "hard" => Level::Hard,
        "mixed" => [Level::Easy, Level::Medium, Level::Hard][i % 3],
        _ => Level::Medium,
    }
}

fn make<R: Rng>(
    reading: &Reading,
    item: Item,
    ask: &Ask<'_>,
    say: &Say,
    level: Level,
    rng: &mut R,
) -> Option<Made> {
    match item {
        Item::Gap(i) => make_gap(reading, &reading.found[i], ask, say, level, rng),
        Item::Define(i) => {
            term_question::make_definition(reading, &reading.definitions[i], ask, say, level, rng)
        }
        Item::Table(i) => make_table(reading, reading.cells[i], ask, say, level, rng),
        Item::List(i) => make_list(reading, &reading.listed[i], ask, say, level, rng),
        Item::Cause(i) => cause::make(reading, &reading.causals[i], ask, say, level, rng),
    }
}

/// "According to the text, which fraction is used as fuel for aircraft?", the list's other
/// names as wrong answers; or "… what happens right after this step: “…”?", its other steps.
fn make_list<R: Rng>(
    reading: &Reading,
    q: &list::Listed,
    ask: &Ask<'_>,
    say: &Say,
    level: Level,
    rng: &mut R,
) -> Option<Made> {
    let question = match &q.shape {
        list::Shape::Named(Some(class)) => say.listed_class.replace("{class}", class),
        list::Shape::Named(None) => say.listed.clone(),
        list::Shape::Next => say.next_step.clone(),
        list::Shape::Valued(Some(quantity)) if !say.valued_quantity.is_empty() => {
            say.valued_quantity.replace("{quantity}", quantity)
        }
        list::Shape::Valued(_) => say.valued.clone(),
    }
    .replace("{}", &q.asked);
    if let list::Shape::Named(_) = q.shape {
        let draft = Draft {
            lang: reading.text,
            kind: &Kind::Term,
            before: &q.asked,
            answer: &q.answer,
            after: "",
            context: None,
            title: reading.doc.title.as_deref(),
            main: reading.subject(),
            sex: None,
            forms: &reading.forms,
            example: false,
        };
        // A short description is enough where every option is of one list ("used in ships"):
        // no `says-too-little`, which asks a sentence for words of its own.
        if let Some(f) = filters::strike_but(&draft, &["says-too-little"]) {
            trace(|| format!("{}: {} is {:?}", f.name, q.answer, q.asked));
            return None;
        }
    }
    // Of the answer's grammatical number where it is told.
    let number = wrong_terms::plural(&q.answer, reading.text);
    let mut wrong: Vec<String> = (q.wrong.iter())
        .filter(|w| {
            number.is_none_or(|n| wrong_terms::plural(w, reading.text).is_none_or(|m| m == n))
        })
        .cloned()
        .collect();
    wrong.shuffle(rng);
    wrong.truncate(ask.rules.options - 1);
    let mut m = finish(
        ask, say, level, &q.answer, wrong, question, &q.quoted, None, None, rng,
    )?;
    // A list read as sentences: no gap on one of them beside it (its options show them all),
    // nor an answer its steps print.
    m.shows = reading.list_sentences(q.list);
    if q.shape == list::Shape::Next {
        m.prints = m.mcq.options.join(" ");
    }
    Some(m)
}

/// "According to the table, which planet has “Length of year: 687 days”?", the other rows'
/// names as wrong answers.
fn make_table<R: Rng>(
    reading: &Reading,
    cell: table::Cell,
    ask: &Ask<'_>,
    say: &Say,
    level: Level,
    rng: &mut R,
) -> Option<Made> {
    let t = &reading.doc.tables[cell.table];
    let (question, answer) = table::stem(t, cell, &say.table, reading.text);
    let mut wrong = table::wrong_rows(t, cell.row, reading.text);
    wrong.shuffle(rng);
    wrong.truncate(ask.rules.options - 1);
    let quoted = table::quoted(t, cell.row);
    finish(
        ask, say, level, &answer, wrong, question, &quoted, None, None, rng,
    )
}

/// The people `subject` names a left-out subject or a pronoun from.
fn people_of(reading: &Reading) -> subject::People<'_> {
    subject::People {
        sex: (reading.main_sex()).or_else(|| subject::sex_of(&reading.forms, reading.text)),
        found: &reading.found,
        sexes: &reading.sexes,
    }
}

/// A candidate's sentence before and after its answer, its subject named where the sentence
/// leaves it as a pronoun, leaves it out or says "the canal", and without a connective that
/// opens it: what a gap's stem shows, and an ordering question's event (`order`).
fn named_parts(reading: &Reading, f: &Found) -> (String, String) {
    let s = &reading.doc.sentences[f.sentence];
    let people = people_of(reading);
    // "In 1575 he built …" → "In 1575 Akbar built …" when the text leaves no doubt.
    // "En 1813 dirigió …" → "En 1813, Bolívar dirigió …": a subject left out, likewise.
    let resolved = refer::resolve(
        &reading.doc,
        &reading.found,
        (reading.main.as_deref(), &reading.forms),
        f,
        reading.text,
    )
    .or_else(|| subject::supply_subject(&reading.doc, reading.subject(), &people, f, reading.text));
    let (before, after) = match &resolved {
        Some((b, a)) => (b.as_str(), a.as_str()),
        None => (&s.text[..f.start], &s.text[f.end..]),
    };
    // "The canal opened in …" → "The Panama Canal opened in …", in a text titled so.
    let topic = topic_noun::topic(&reading.doc, reading.text);
    let at = (&reading.doc, f.sentence);
    let renamed = topic
        .as_ref()
        .and_then(|t| {
            (topic_noun::named(before, t, at, reading.text).map(|b| (b, after.to_owned()))).or_else(
                || topic_noun::named(after, t, at, reading.text).map(|a| (before.to_owned(), a)),
            )
        })
        // "the Bill" → "the Reform Bill", as the text named it before.
        .or_else(|| {
            (topic_noun::named_earlier(before, at, reading.text).map(|b| (b, after.to_owned())))
                .or_else(|| {
                    topic_noun::named_earlier(after, at, reading.text)
                        .map(|a| (before.to_owned(), a))
                })
        });
    let (before, after) = match &renamed {
        Some((b, a)) => (b.as_str(), a.as_str()),
        None => (before, after),
    };
    // "Gogh decided" → "Van Gogh decided": the main person's name as the text writes it.
    let particled = (reading.main.as_deref()).zip(reading.particled.as_deref());
    let (before, after) = match particled {
        Some((m, form)) => (
            refer::with_particle(before, (m, form), true, reading.text),
            refer::with_particle(after, (m, form), false, reading.text),
        ),
        None => (before.to_owned(), after.to_owned()),
    };
    let (before, after) = (before.as_str(), after.as_str());
    // "However, the treaty …" → "The treaty …": the rest stands on its own, no lead needed.
    let unlinked = render::without_connective(before, reading.text);
    let before = unlinked.unwrap_or_else(|| before.to_owned());
    // "In _____, however, the chemist …" → "In _____ the chemist …", likewise.
    let before = render::without_aside(&before, None, reading.text).unwrap_or(before);
    let after = render::without_aside(after, Some(&before), reading.text)
        .unwrap_or_else(|| after.to_owned());
    let after = after.as_str();
    // "…, and he soon returned to Hungary": cut, where the rest stands on its own.
    let cut = filters::cut_leaning_tail(&before, after, reading.subject(), reading.text);
    let after = cut.unwrap_or_else(|| after.to_owned());
    // "In _____ Darwin began a notebook, and in 1838 he read Malthus": the other date goes.
    let dated = matches!(f.kind, Kind::Year { .. })
        .then(|| filters::cut_dated_tail(&before, &after, reading.text))
        .flatten();
    let after = dated.unwrap_or(after);
    // "… Cartago en el 146 a. C.": the answer's full stop is the sentence's too.
    let ends = s.text[f.start..f.end].ends_with('.') && after.trim().is_empty();
    (before, if ends { ".".to_owned() } else { after })
}

fn make_gap<R: Rng>(
    reading: &Reading,
    f: &Found,
    ask: &Ask<'_>,
    say: &Say,
    level: Level,
    rng: &mut R,
) -> Option<Made> {
    let sentences = &reading.doc.sentences;
    let s = &sentences[f.sentence];
    let answer = &s.text[f.start..f.end];
    let people = people_of(reading);
    let topic = topic_noun::topic(&reading.doc, reading.text);
    let (before, after) = named_parts(reading, f);
    let (before, after) = (before.as_str(), after.as_str());
    let subject = reading.subject();
    let mut draft = Draft {
        lang: reading.text,
        kind: &f.kind,
        before,
        answer,
        after,
        context: None,
        title: reading.doc.title.as_deref(),
        main: subject,
        sex: reading.sexes.get(answer).copied(),
        forms: &reading.forms,
        example: filters::in_example(&reading.doc, f.sentence, reading.text),
    };
    // The sentence before, when this one leans back, from the same paragraph, standing on its
    // own too (`refer::lead`).
    let main = (reading.main.as_deref(), reading.forms.as_slice());
    let lead = filters::gap_leans(&draft)
        .then(|| f.sentence.checked_sub(1))
        .flatten()
        .filter(|p| sentences[*p].paragraph == s.paragraph)
        .map(|p| {
            refer::lead(
                &reading.doc,
                &reading.found,
                main,
                &people,
                subject,
                p,
                reading.text,
            )
        });
    // A lead that says "the canal" gets the name too.
    // Its own connectives left out as the gap's sentence's are ("Die Ideen lebten dennoch
    // weiter.").
    let lead = lead.map(|l| {
        let at = (&reading.doc, f.sentence.saturating_sub(1));
        let l = (topic.as_ref())
            .and_then(|t| topic_noun::named(&l, t, at, reading.text))
            .unwrap_or(l);
        let l = render::without_connective(&l, reading.text).unwrap_or(l);
        render::without_aside(&l, None, reading.text).unwrap_or(l)
    });
    draft.context = lead.as_deref();
    let context = draft.context;
    if let Some(f) = filters::strike(&draft) {
        let after_lead = context.map(|c| format!(" after {c:?}")).unwrap_or_default();
        trace(|| format!("{}: {answer} in {:?}{after_lead}", f.name, s.text));
        return None;
    }
    let mut question = render::stem(&f.kind, before, after, context, reading.text, say);
    if ask
        .rules
        .question_max
        .is_some_and(|max| question.chars().count() > max)
    {
        question = render::short(before, after);
    }
    let want = ask.rules.options - 1;
    let approximate = lang::ends_with_any(
        &before.to_lowercase().replace('’', "'"),
        &reading.text.data().words.approximate,
    );
    let wrong = match &f.kind {
        Kind::Year { era } => {
            let digits: String = answer.chars().take_while(char::is_ascii_digit).collect();
            let year: i64 = digits.parse().ok()?;
            // The dates the stem shows, and the text's first and last year.
            let stem = format!("{} {before} {after}", context.unwrap_or(""));
            let own = format!("{before} {after}").to_lowercase().replace('’', "'");
            // And the centuries it names, or its lead where the key is in it ("In the early
            // fourth century CE, …"; not "founded in the 12th century. … rebuilt around 1210").
            let lead_centuries =
                detect::centuries(&context.unwrap_or("").to_lowercase(), reading.text);
            let periods = (reading.text.data().words.known_periods.iter())
                .filter(|p| p.names.iter().any(|n| lang::holds(&own, n)))
                .map(|p| (p.from, p.to))
                .chain(detect::centuries(&own, reading.text))
                .chain(
                    lead_centuries
                        .into_iter()
                        .filter(|(lo, hi)| (*lo..=*hi).contains(&year)),
                )
                .collect();
            let dates = distract::Dates {
                stem: detect::years_in(&stem, reading.text),
                text: reading.years_for(f.sentence, year),
                periods,
            };
            distract::years(year, era.as_deref(), level, approximate, &dates, want, rng)
        }
        Kind::Value(v) => {
            let words = &reading.text.data().words;
            let rest = format!("{before} {after}").to_lowercase();
            let age = words.year_units.contains(&v.unit.to_lowercase())
                && lang::holds_any(&rest, &words.ages);
            // "about _____ foggy days a year": no more than the year holds.
            let unit = v.unit.to_lowercase();
            let period = (words.period_caps.iter())
                .find(|c| {
                    c.units.iter().any(|u| unit.ends_with(u.as_str()))
                        && lang::holds_any(&rest, &c.within)
                })
                .map(|c| c.most);
            let near = distract::Near {
                approximate,
                at_most: if age { Some(100.0) } else { period },
            };
            let wrong = distract::values(v, answer, reading.text, level, near, want, rng);
            same_side(wrong, v, &others_in(reading, f), reading.text)
        }
        Kind::Person => {
            let stem = (context, before, after);
            distract::people_of(reading, answer, stem, want, rng)
        }
        Kind::Place(k) => {
            let places = distract::without_aliases(&reading.places, answer, &reading.aliases);
            let places = distract::same_article(places, answer, reading.text);
            let mut wrong =
                distract::places(answer, k, &places, s.paragraph, &s.text, level, want, rng);
            // Not in a text of antiquity: today's cities are no wrong answers for Nineveh.
            let ancient =
                (reading.found.iter()).any(|f| matches!(&f.kind, Kind::Year { era: Some(_) }));
            if let (PlaceKind::City(_), Lang::En, false) = (k, reading.text, ancient) {
                let stem = format!("{} {before} {after}", context.unwrap_or(""));
                let more = (want.saturating_sub(wrong.len()), level);
                let told = |name: &str| {
                    (reading.doc.sentences.iter()).any(|s| lang::names(&s.text, name, Lang::En))
                };
                wrong.extend(distract::gazetteer_cities(
                    answer, &told, &places, &stem, &wrong, more, rng,
                ));
            }
            wrong
        }
        Kind::Span(sp) => {
            let stem = format!("{} {before} {after}", context.unwrap_or(""));
            let dates = distract::Dates {
                stem: detect::years_in(&stem, reading.text),
                text: reading.years,
                periods: Vec::new(),
            };
            // A share in per cent ("50 to 65 percent"): no wrong range past a hundred.
            let words = &reading.text.data().words;
            let rest = after.trim_start().to_lowercase();
            let percent = (words.percent.iter()).any(|p| rest.starts_with(p.as_str()))
                || sp.form[2].contains('%');
            let at_most = percent.then_some(100.0);
            span::wrong(
                sp,
                reading.text,
                level,
                approximate,
                &dates,
                at_most,
                want,
                rng,
            )
        }
        Kind::Term => return None,
    };
    let context_at = context.map(|_| f.sentence - 1);
    finish(
        ask,
        say,
        level,
        answer,
        wrong,
        question,
        &s.text,
        Some(f.sentence),
        context_at,
        rng,
    )
}

#[allow(clippy::too_many_arguments)]
fn finish<R: Rng>(
    ask: &Ask<'_>,
    say: &Say,
    level: Level,
    answer: &str,
    wrong: Vec<String>,
    question: String,
    quoted: &str,
    home: Option<usize>,
    context: Option<usize>,
    rng: &mut R,
) -> Option<Made> {
    if wrong.len() < ask.rules.options - 1 {
        trace(|| format!("too few wrong answers: {answer} ({wrong:?})"));
        return None;
    }
    let mut options = wrong;
    let at = rng.random_range(0..=options.len());
    options.insert(at, answer.to_owned());
    let shows = home.into_iter().chain(context).collect();
    Some(Made {
        mcq: Mcq {
            question,
            options,
            answer_index: at,
            explanation: format!("{} ({}): \"{quoted}\"", say.from_text, ask.origin),
            difficulty: Some(level.name().to_owned()),
            source: Some(format!("offline:{}", ask.origin)),
            id: None,
            verified_by: None,
        },
        answer: answer.to_owned(),
        home,
        shows,
        prints: String::new(),
        dated: None,
    })
}

#[cfg(test)]
#[path = "mod_tests.rs"]
mod tests;
