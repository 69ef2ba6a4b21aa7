//! Ordering questions: "According to the text, which of these happened first?" (or last),
//! whose options are the text's dated events with their dates taken out, the key by the years
//! the text gives.
//!
//! An event is a sentence with one year, read as a year question reads it: its subject named
//! (`named_parts`: `refer`, `subject`, `topic_noun`), every filter passed (a reference with
//! nothing to point to, a bound, another date), and its date taken out as "In which year did
//! this happen?" takes it out (`render::undated`, German word order kept). Only events that
//! stand on their own as an option are kept: short, with no word that gives their place in
//! time away ("later", "returned", "died"), no approximate year and no era (BC years run the
//! other way). The options' years are at least two apart, so the key is clear, and no two
//! options tell much the same.

use rand::Rng;
use rand::seq::SliceRandom;

use super::detect::{self, Found, Kind};
use super::filters::{self, Draft};
use super::lang::{self, Lang, Say};
use super::reading::Reading;
use super::{Ask, Made, named_parts, render, trace};
use crate::mcq::{self, Deduper};

/// The most words an event may have as an option: a longer one reads as a passage, not an
/// option.
const MAX_WORDS: usize = 16;

/// The least gap in years between two options: one year apart, the order is easily misread
/// (a year's end beside the next one's start).
const MIN_APART: i64 = 2;

/// A dated event of the text, standing on its own.
#[derive(Clone, Debug)]
pub(super) struct Event {
    pub(super) sentence: usize,
    pub(super) year: i64,
    /// The event without its date, as an option (no closing full stop).
    pub(super) text: String,
}

/// Which end of the order is asked.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum End {
    First,
    Last,
}

/// The text's dated events that stand on their own, in the text's order.
pub(super) fn events(reading: &Reading) -> Vec<Event> {
    (reading.found.iter())
        .filter_map(|f| event(reading, f))
        .collect()
}

fn event(reading: &Reading, f: &Found) -> Option<Event> {
    // A year of an era ("44 BC") is left out: the order of BC years runs the other way, and
    // two eras among the options would ask for arithmetic.
    if !matches!(f.kind, Kind::Year { era: None }) {
        return None;
    }
    let s = &reading.doc.sentences[f.sentence];
    // One date in the sentence: with two ("from 1914 to 1918", "born in 1867, she …") the
    // sentence's place in time is not one year.
    if detect::years_in(&s.text, reading.text).len() != 1 {
        return None;
    }
    let answer = &s.text[f.start..f.end];
    let year: i64 = answer.parse().ok()?;
    let (before, after) = named_parts(reading, f);
    let lower = before.to_lowercase();
    let words = &reading.text.data().words;
    // "around 1850": the order of two events a few years apart is then unknown.
    if lang::ends_with_any(&lower, &words.approximate) {
        trace(|| format!("order-approximate: {:?}", s.text));
        return None;
    }
    let draft = Draft {
        lang: reading.text,
        kind: &f.kind,
        before: &before,
        answer,
        after: &after,
        context: None,
        title: reading.doc.title.as_deref(),
        main: reading.subject(),
        sex: None,
        forms: &reading.forms,
        example: filters::in_example(&reading.doc, f.sentence, reading.text),
    };
    // An option is shown with no sentence before it: one that leans back is no option.
    if filters::gap_leans(&draft) {
        trace(|| format!("order-leans-back: {:?}", s.text));
        return None;
    }
    if let Some(x) = filters::strike(&draft) {
        trace(|| format!("order-{}: {:?}", x.name, s.text));
        return None;
    }
    let Some(clause) = undated(&before, &after, reading.text) else {
        trace(|| format!("order-not-one-event: {:?}", s.text));
        return None;
    };
    option_of(&clause, reading.text).map(|text| Event {
        sentence: f.sentence,
        year,
        text,
    })
}

/// The last word of `s` (trimmed) and what comes before it.
fn last_word(s: &str) -> Option<(&str, &str)> {
    let s = s.trim_end();
    match s.rsplit_once(' ') {
        Some((head, w)) => Some((head, w)),
        None if !s.is_empty() => Some(("", s)),
        None => None,
    }
}

/// The part of a sentence before its year without the date's other words: a month, a day and
/// the word that opens the date ("on 27 December", "le 24 octobre", "el 15 de agosto de", "am
/// 2. April", "in July", "im Jahr"); `None` when no such word opens it (a year alone, as in
/// "the 1990 election", is no date to take out).
pub(super) fn date_opened(before: &str, text: Lang) -> Option<&str> {
    let words = &text.data().words;
    let is = |w: &str, list: &[String]| list.iter().any(|x| x == &w.to_lowercase());
    let day = |w: &str| {
        let w = w.trim_end_matches(['.', ',']).trim_end_matches("er");
        w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
    };
    let mut head = before;
    let mut dated = false;
    let (h, mut w) = last_word(head)?;
    // Spanish "de agosto de 1914".
    if w == "de" && text == Lang::Es {
        (head, w) = last_word(h)?;
    } else {
        head = h;
    }
    // "December 27, 1831": a day after its month.
    if day(w) && w.ends_with(',') {
        let (h, m) = last_word(head)?;
        if !is(m, &words.months) {
            return None;
        }
        (head, dated) = (h, true);
        (head, w) = last_word(head)?;
    } else if is(w, &words.months) {
        dated = true;
        let (h, prev) = last_word(head)?;
        let (h, prev) = if prev == "de" && text == Lang::Es {
            last_word(h)?
        } else {
            (h, prev)
        };
        if day(prev) {
            (head, w) = last_word(h)?;
        } else {
            (head, w) = (h, prev);
            // "in July": the month alone.
            let opens = is(w, &words.date_in);
            return opens.then(|| head.trim_end());
        }
    }
    if dated {
        // A day: "on", "le", "el", "am".
        return is(w, &words.date_on).then(|| head.trim_end());
    }
    // "im Jahr 1926": a phrase of two words.
    if let Some((h2, w2)) = last_word(head)
        && is(&format!("{w2} {w}"), &words.date_in)
    {
        return Some(h2.trim_end());
    }
    is(w, &words.date_in).then(|| head.trim_end())
}

/// A dated sentence without its date, as one event: a date that opens it or closes it is taken
/// out as "In which year did this happen?" takes it out (`render::undated`); one in the middle
/// ("The Beagle left Plymouth on 27 December 1831 to chart the coast") too, when what comes
/// before it is the main clause (no subordinate word opening it, no participle after a comma:
/// "Rayleigh waves, predicted by Lord Rayleigh in 1885, make …" tells no event of 1885), and
/// no comma closes the date (it would end a phrase set before the main clause). German keeps
/// a date that opens the sentence (the verb would come first).
pub(super) fn undated(before: &str, after: &str, text: Lang) -> Option<String> {
    let words = &text.data().words;
    let head = date_opened(before, text)?;
    let opener = words.date_in.last()?;
    let clause = if head.is_empty() {
        render::undated(&format!("{opener} "), after, text)?
    } else if after == "." {
        render::undated(&format!("{head} {opener} "), after, text)?
    } else if after.starts_with(' ') && after[1..].starts_with(char::is_alphabetic) {
        let first = head.split_whitespace().next().unwrap_or("").to_lowercase();
        let opens = words.subordinate.contains(&first) && !words.articles.contains(&first);
        // "C'est en 1931 qu'il épouse …", "… in 1990 when …": the date is a clause's own.
        let rest = after.trim_start().to_lowercase();
        let then = (words.subordinate.iter())
            .filter(|s| !words.articles.contains(s))
            .any(|s| {
                rest.starts_with(&format!("{s} "))
                    || (s.ends_with('\'') && rest.starts_with(s.as_str()))
            });
        if opens || then || render::subordinate(head, text) {
            return None;
        }
        render::one_event(format!("{head}{after}"), text)?
    } else {
        return None;
    };
    // "In 1850, however, Mendel failed …" → "However, Mendel failed …" → "Mendel failed …".
    let clause = render::without_connective(&clause, text).unwrap_or(clause);
    // "… et le fort de Vaux le 2 novembre": a date is left.
    let lower = clause.to_lowercase();
    (!lang::holds_any(&lower, &words.months)).then_some(clause)
}

/// An undated clause as an option, when it reads as one: short (a long one cut before a
/// relative or subordinate clause that ends it: "…, where the chemist … argued for …"), and
/// with no word that gives its place in time away (`order_clues`).
pub(super) fn option_of(clause: &str, text: Lang) -> Option<String> {
    let clause = if clause.split_whitespace().count() > MAX_WORDS {
        let Some(head) = main_clause(clause, text) else {
            trace(|| format!("order-too-long: {clause:?}"));
            return None;
        };
        head
    } else {
        clause.to_owned()
    };
    if clause.split_whitespace().count() > MAX_WORDS {
        trace(|| format!("order-too-long: {clause:?}"));
        return None;
    }
    // "Abría la puerta …: Cataluña obtuvo su Estatuto": two statements, one option.
    if clause.contains([':', ';']) {
        trace(|| format!("order-two-statements: {clause:?}"));
        return None;
    }
    let lower = clause.to_lowercase();
    let words = &text.data().words;
    if lang::holds_any(&lower, &words.order_clues) {
        trace(|| format!("order-clue: {clause:?}"));
        return None;
    }
    // "Un tranvía lo atropelló", "il y épouse", "Dirigió la campaña", "Vers 7 h 15, …": a
    // pronoun with nothing to point to, a subject left out, a time of day.
    let leans = lang::holds_any(&lower, &words.order_points_back)
        || lang::holds_any(&lower, &words.subject_pronouns)
        || super::subject::drops_subject(&clause, text);
    if leans || clock(&lower) {
        trace(|| format!("order-leans-back: {clause:?}"));
        return None;
    }
    Some(clause.trim_end_matches('.').trim_end().to_owned())
}

/// Whether a clause tells a time of day ("7 h 15", "7h15", "7:15").
fn clock(lower: &str) -> bool {
    let tokens: Vec<&str> = lower.split_whitespace().collect();
    let hour = |t: &str| t.parse::<u32>().is_ok_and(|h| h < 24);
    tokens.windows(2).any(|w| hour(w[0]) && w[1] == "h")
        || tokens.iter().any(|t| {
            let t = t.trim_end_matches([',', '.']);
            t.split_once(['h', ':'])
                .is_some_and(|(a, b)| hour(a) && b.len() == 2 && b.parse::<u32>().is_ok())
        })
}

/// A sentence without the relative or subordinate clause, or the apposition, that ends it
/// ("…, where …", "…, die …", "…, qui …", "…, a Japanese company that …"), when it runs to the
/// end (after the last comma: one set in the middle would leave the main clause cut) and at
/// least five words are left.
pub(super) fn main_clause(clause: &str, text: Lang) -> Option<String> {
    let words = &text.data().words;
    // The last comma of a clause ("a radius of about 1,220 km" has none).
    let at = clause.rfind(", ")?;
    let rest = clause[at + 2..].to_lowercase();
    let opens = (words.subordinate.iter().chain(&words.articles)).any(|s| {
        rest.starts_with(&format!("{s} ")) || (s.ends_with('\'') && rest.starts_with(s.as_str()))
    });
    let head = &clause[..at];
    // A head that opens a clause of its own, or sets something off, may need what is cut
    // ("Pasteur découvre qu'une culture …, inoculée aux volailles, …").
    let lower = head.to_lowercase();
    let open = head.contains(", ")
        || (words.subordinate.iter())
            .filter(|s| !words.articles.contains(s))
            .any(|s| lang::holds(&lower, s) || (s.ends_with('\'') && lower.contains(s.as_str())));
    (opens && !open && head.split_whitespace().count() >= 5).then(|| format!("{head}."))
}

/// Whether two events tell much the same: half the content words of the shorter are the
/// other's too (the main person's name aside), as "Curie won the Nobel Prize in Physics" and
/// "… in Chemistry" do. Both among the options, two would read as one.
pub(super) fn overlap(a: &str, b: &str, main: Option<&str>, text: Lang) -> bool {
    let main: Vec<String> = main
        .map(|m| m.split_whitespace().map(str::to_lowercase).collect())
        .unwrap_or_default();
    let content = |s: &str| -> Vec<String> {
        let mut w: Vec<String> = s
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .map(str::to_lowercase)
            .filter(|w| w.chars().count() > 2 && !text.is_stop(w) && !main.contains(w))
            .map(|w| text.stem(&w))
            .collect();
        w.sort();
        w.dedup();
        w
    };
    let (a, b) = (content(a), content(b));
    let shared = a.iter().filter(|w| b.contains(w)).count();
    let least = a.len().min(b.len());
    least > 0 && shared * 2 >= least
}

/// The events an ordering question may take its options from: those of the main person's life
/// when there are enough of them (one thread), else all the text's.
fn thread<'a>(events: &'a [Event], main: Option<&str>, want: usize) -> Vec<&'a Event> {
    let all: Vec<&Event> = events.iter().collect();
    let Some(main) = main else { return all };
    let theirs: Vec<&Event> = (events.iter())
        .filter(|e| lang::holds(&e.text.to_lowercase(), &main.to_lowercase()))
        .collect();
    if theirs.len() >= want { theirs } else { all }
}

/// The options of an ordering question: `want` events, none of `avoid`'s sentences, years at
/// least `MIN_APART` apart, no two telling the same; the key (first or last) never one of
/// `taken`'s sentences (another question shows its date). The key first.
pub(super) fn choose<'a, R: Rng>(
    events: &'a [Event],
    end: End,
    main: Option<&str>,
    text: Lang,
    (avoid, taken): (&[usize], &[usize]),
    want: usize,
    rng: &mut R,
) -> Option<Vec<&'a Event>> {
    let free: Vec<Event> = (events.iter())
        .filter(|e| !avoid.contains(&e.sentence))
        .cloned()
        .collect();
    let pool: Vec<usize> = {
        let thread = thread(&free, main, want);
        (thread.iter())
            .filter_map(|t| events.iter().position(|e| e.sentence == t.sentence))
            .collect()
    };
    if pool.len() < want {
        return None;
    }
    // A few draws: the first that gives a key no other question shows.
    for _ in 0..8 {
        let mut order = pool.clone();
        order.shuffle(rng);
        let mut picked: Vec<&Event> = Vec::new();
        for i in order {
            let e = &events[i];
            let fits = picked.iter().all(|p| {
                (p.year - e.year).abs() >= MIN_APART && !overlap(&p.text, &e.text, main, text)
            });
            if fits {
                picked.push(e);
            }
            if picked.len() == want {
                break;
            }
        }
        if picked.len() < want {
            continue;
        }
        picked.sort_by_key(|e| e.year);
        if end == End::Last {
            picked.reverse();
        }
        if !taken.contains(&picked[0].sentence) {
            return Some(picked);
        }
    }
    None
}

/// The quiz's ordering questions so far: the sentences of their options, and the ends asked.
#[derive(Default)]
pub(super) struct Asked {
    sentences: Vec<usize>,
    ends: Vec<End>,
}

/// Asks "which came first?", or where that cannot be asked "which came last?", unless one is
/// asked already; with `second` (at the quiz's end), "which came last?" beside a "first", in a
/// quiz of eight or more with room left: one or two in all.
pub(super) fn ask<R: Rng>(
    reading: &Reading,
    events: &[Event],
    (ask, say): (&Ask<'_>, &Say),
    (made, dedupe): (&mut Vec<Made>, &mut Deduper),
    asked: &mut Asked,
    second: bool,
    rng: &mut R,
) {
    if asked.ends.is_empty() {
        for end in [End::First, End::Last] {
            if made.len() < ask.count
                && add(reading, events, end, ask, say, (made, dedupe), asked, rng)
            {
                break;
            }
        }
    }
    if second && ask.count >= 8 && asked.ends == [End::First] && made.len() < ask.count {
        add(
            reading,
            events,
            End::Last,
            ask,
            say,
            (made, dedupe),
            asked,
            rng,
        );
    }
}

/// Makes an ordering question and adds it to the quiz when it passes the whole-quiz checks;
/// `asked` holds the sentences of the options already asked, which a second one does not
/// take again. No other question may print the key's year beside its event (`Made::dated`;
/// a year question on an option shows one event's year, which does not settle the order), nor
/// ask what an option prints.
#[allow(clippy::too_many_arguments)]
fn add<R: Rng>(
    reading: &Reading,
    events: &[Event],
    end: End,
    ask: &Ask<'_>,
    say: &Say,
    (made, dedupe): (&mut Vec<Made>, &mut Deduper),
    asked: &mut Asked,
    rng: &mut R,
) -> bool {
    // The events whose year another question prints beside them: no key.
    let taken: Vec<usize> = (events.iter())
        .filter(|e| {
            let dated = (e.sentence, e.year.to_string());
            made.iter().any(|m| super::prints_date(m, &dated))
        })
        .map(|e| e.sentence)
        .collect();
    // No event that prints another question's answer ("Mazzini, an exile from Genoa" beside
    // "… an exile from _____").
    let printed = |e: &&Event| {
        let lower = e.text.to_lowercase();
        made.iter()
            .any(|m| lang::holds(&lower, &m.answer.to_lowercase()))
    };
    let events: Vec<Event> = events.iter().filter(|e| !printed(e)).cloned().collect();
    let want = ask.rules.options;
    let main = reading.subject();
    let Some(picked) = choose(
        &events,
        end,
        main,
        reading.text,
        (&asked.sentences, &taken),
        want,
        rng,
    ) else {
        let shown: Vec<String> = events
            .iter()
            .map(|e| format!("{} {}", e.year, e.text))
            .collect();
        trace(|| format!("order-{end:?}: too few events: {shown:?}"));
        return false;
    };
    let key = picked[0];
    let mut wrong: Vec<String> = picked[1..].iter().map(|e| e.text.clone()).collect();
    // Shuffled: in the order chosen, the options would tell the years' order.
    wrong.shuffle(rng);
    let question = match end {
        End::First => say.order_first.clone(),
        End::Last => say.order_last.clone(),
    };
    let quoted = &reading.doc.sentences[key.sentence].text;
    let level = super::level_of(ask.difficulty, made.len());
    let Some(mut m) = super::finish(
        ask, say, level, &key.text, wrong, question, quoted, None, None, rng,
    ) else {
        return false;
    };
    mcq::tidy(&mut m.mcq);
    m.prints = m.mcq.options.join(" ");
    m.dated = Some((key.sentence, key.year.to_string()));
    if super::clashes(&m, made)
        || mcq::validate(&m.mcq, ask.rules).is_err()
        || !dedupe.admit(&m.mcq)
    {
        trace(|| format!("order-{end:?}: clashes with the quiz: {:?}", m.mcq.options));
        return false;
    }
    asked.sentences.extend(picked.iter().map(|e| e.sentence));
    asked.ends.push(end);
    made.push(m);
    true
}

#[cfg(test)]
#[path = "order_tests.rs"]
mod tests;
