//! Causes and effects: questions from the text's own causal statements ("Glass can crack,
//! because one part expands more than another"; "Warm air rises, so the pressure falls"). The
//! clause after the marker is asked as a gap, with whole clauses as options: the same text's
//! other clauses after a causal marker, of the same shape (German: verb last after "weil",
//! verb first after "deshalb"), so every option is a statement of the text, but only one
//! completes this one. The markers, what the clause after each is (cause or effect) and its
//! shape are each language's data (`[cause]` in `data/xx.toml`).
//!
//! A statement is asked only where it can be asked cleanly: one marker in its sentence, the
//! asked clause running to the sentence's end, of 3 to 14 words, with no comma, bracket,
//! quote or sum, and nothing (a pronoun, "this") pointing outside it; the sentence shown
//! pointing at nothing either, nor telling a belief or a denial ("many people think …",
//! "not because …"), nor in a worked example. No wrong answer shares a content word with the
//! stem or the key (a word in common would give the key away, or make an option about the same
//! thing, which could explain it too); two wrong answers may share one.

use std::collections::HashSet;

use rand::Rng;
use rand::seq::SliceRandom;
use serde::Deserialize;

use super::distract::Level;
use super::filters::{self, points_back};
use super::lang::{Lang, Say, holds_any, lower_first};
use super::read::Doc;
use super::reading::Reading;
use super::render::{GAP, without_connective};
use super::wrong_terms;
use super::{Ask, Made, finish, trace};

/// Each language's words for causal statements (`[cause]` in its data file).
#[derive(Deserialize, Default)]
pub(super) struct Words {
    /// The markers that join two clauses by cause, each with what its clause is.
    #[serde(default)]
    pub(super) markers: Vec<Marker>,
    /// Words right after a marker that make it no join of two clauses ("because of", "so
    /// that", "so many").
    #[serde(default)]
    pub(super) not_next: Vec<String>,
    /// Words that make a statement someone's belief or a denial ("many people think", "not
    /// because"): not the text's own cause.
    #[serde(default)]
    pub(super) doubt: Vec<String>,
    /// What joins a second clause or an addition to a clause after a comma (", but", ",
    /// which"): the clause asked ends there.
    #[serde(default)]
    pub(super) cuts: Vec<String>,
    /// Words that lean on the sentence before ("then", "to that wheel", "also"): a clause or
    /// a stem with one is not asked.
    #[serde(default)]
    pub(super) leans: Vec<String>,
    /// The possessives of a singular and of a plural subject ("its", "their"): in a clause
    /// opening with its subject noun and agreeing with it, they stand for it (`without_own`).
    #[serde(default)]
    pub(super) own_singular: Vec<String>,
    #[serde(default)]
    pub(super) own_plural: Vec<String>,
    /// Where the subject may be left out (Spanish): the words a clause must open with to name
    /// its own (articles and determiners); empty where a clause always names it.
    #[serde(default)]
    pub(super) openers: Vec<String>,
    /// Words a marker ends with that lose their vowel before one ("parce que" / "parce
    /// qu'"): after them, every option opens with a consonant.
    #[serde(default)]
    pub(super) elides: Vec<String>,
}

/// A marker of a causal statement: its words as written between the clauses (", so ",
/// " parce que "), whether the clause after it is the `cause` or the `effect`, and its shape
/// (`clause`; German `final`, the verb last, and `inverted`, the verb first).
#[derive(Deserialize, Clone)]
pub(super) struct Marker {
    pub(super) at: String,
    pub(super) after: String,
    pub(super) shape: String,
}

/// A causal statement that can be asked: its sentence, the part shown up to and with the
/// marker, the clause after it (asked) and the sentence's last mark.
pub(super) struct Causal {
    pub(super) sentence: usize,
    pub(super) shown: String,
    pub(super) clause: String,
    pub(super) end: String,
    pub(super) marker: Marker,
}

/// A clean clause of a causal statement, a wrong answer for another's: the clause after its
/// marker, or (not in German, whose main clause has a shape of its own) the one before it
/// when it opens with a small word that can be written in lower case ("The mountains block
/// the winds" → "the mountains block the winds").
///
/// Only such clauses: a plain sentence of the text ("Tasmania is an island state of
/// Australia") is no consequence of anything, and a grader struck it among them (round 14).
pub(super) struct Clause {
    pub(super) sentence: usize,
    pub(super) text: String,
    pub(super) shape: String,
}

/// The longest and shortest clause asked, in words: a longer one is no option.
const MOST_WORDS: usize = 14;
const FEWEST_WORDS: usize = 3;
/// The fewest words the shown part has besides its marker: it must say something.
const FEWEST_SHOWN: usize = 4;

/// The text's causal statements that can be asked, and the clean clauses of all of them (the
/// wrong answers), in its order.
pub(super) fn causals(doc: &Doc, lang: Lang) -> (Vec<Causal>, Vec<Clause>) {
    let mut asked = Vec::new();
    let mut clauses = Vec::new();
    // The words the text writes in lower case: a capitalised first word among them is a
    // common noun, which an option may write in lower case ("Water does …" → "water does …").
    let common: HashSet<&str> = (doc.sentences.iter())
        .flat_map(|s| s.text.split(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.starts_with(char::is_lowercase))
        .collect();
    // The words it writes with a capital inside a sentence and never in lower case: names,
    // which an option keeps ("Norway exports oil").
    let names: HashSet<&str> = (doc.sentences.iter())
        .flat_map(|s| s.text.split(|c: char| !c.is_alphanumeric()).skip(1))
        .filter(|w| {
            w.starts_with(char::is_uppercase) && !common.contains(w.to_lowercase().as_str())
        })
        .collect();
    let lower = Lower {
        lang,
        common: &common,
        names: &names,
    };
    for (i, s) in doc.sentences.iter().enumerate() {
        if filters::in_example(doc, i, lang) {
            continue;
        }
        let Some(found) = statement(&s.text, lower) else {
            continue;
        };
        let shape = &found.marker.shape;
        if let Some(text) = found.clause.clone() {
            clauses.push(Clause {
                sentence: i,
                text,
                shape: shape.clone(),
            });
        }
        if let Some(text) = found.before.clone().filter(|_| shape == "clause") {
            clauses.push(Clause {
                sentence: i,
                text,
                shape: shape.clone(),
            });
        }
        if let (Some(clause), Some(shown)) = (found.clause, found.shown) {
            let (end, marker) = (found.end, found.marker);
            asked.push(Causal {
                sentence: i,
                shown,
                clause,
                end,
                marker,
            });
        } else {
            trace(|| format!("cause-stem: {:?}", s.text));
        }
    }
    (asked, clauses)
}

/// A sentence's causal statement: its marker, the clause after it if clean, the part shown
/// (up to and with the marker) if it stands on its own, and the clause before the marker as
/// an option, if clean.
pub(super) struct Statement {
    pub(super) marker: Marker,
    pub(super) clause: Option<String>,
    pub(super) shown: Option<String>,
    pub(super) before: Option<String>,
    pub(super) end: String,
}

/// A language and the words its text writes in lower case.
#[derive(Clone, Copy)]
pub(super) struct Lower<'a> {
    pub(super) lang: Lang,
    pub(super) common: &'a HashSet<&'a str>,
    pub(super) names: &'a HashSet<&'a str>,
}

impl Lower<'_> {
    /// A sentence's first clause with its first word in lower case, where that word is a
    /// small one ("The", "Les") or one the text writes in lower case elsewhere (a common
    /// noun); as it is where it is a name the text writes with a capital inside its
    /// sentences (German: never, every noun has one); none for another word.
    fn first(self, clause: &str) -> Option<String> {
        let word = clause.split_whitespace().next()?;
        let low = word.to_lowercase();
        let small = self.lang.is_stop(&low) || self.common.contains(low.as_str());
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        if !small && self.lang != Lang::De && self.names.contains(bare) {
            return Some(clause.to_owned());
        }
        (small && word.starts_with(char::is_uppercase)).then(|| lower_first(clause))
    }
}

/// The causal statement of one sentence, if it has exactly one marker, ends with a full stop
/// and tells no belief or denial.
pub(super) fn statement(text: &str, lowering: Lower<'_>) -> Option<Statement> {
    let lang = lowering.lang;
    let words = &lang.data().cause;
    let lower = text.to_lowercase();
    // Byte offsets of the lower case are the sentence's only where they are as long.
    if !super::lang::same_offsets(text) {
        return None;
    }
    let hits: Vec<(usize, &Marker)> = (words.markers.iter())
        .flat_map(|m| {
            lower
                .match_indices(m.at.as_str())
                .map(move |(at, _)| (at, m))
        })
        .collect();
    let [(at, marker)] = hits.as_slice() else {
        return None;
    };
    if holds_any(&lower, &words.doubt) {
        trace(|| format!("cause-doubt: {text:?}"));
        return None;
    }
    let after = &text[at + marker.at.len()..];
    let next = after.split_whitespace().next().unwrap_or("").to_lowercase();
    if words.not_next.contains(&next) {
        return None;
    }
    let end = after.chars().last().filter(|c| *c == '.')?;
    let clause = after[..after.len() - end.len_utf8()].trim();
    // "…, because the ions cannot move, but they conduct when molten": the clause up to a
    // second clause or an addition joined after a comma.
    let lower_clause = clause.to_lowercase();
    let cut = (words.cuts.iter())
        .filter_map(|c| lower_clause.find(c.as_str()))
        .min()
        .filter(|at| clause.is_char_boundary(*at));
    let clause = cut.map_or(clause, |at| &clause[..at]);
    let clause = clean_clause(clause, marker, lang).then(|| clause.to_owned());
    let shown = text[..at + marker.at.len()].trim_end();
    let shown = without_connective(shown, lang).unwrap_or_else(|| shown.to_owned());
    let own = shown.split_whitespace().count() - marker.at.split_whitespace().count();
    let opens = shown.starts_with(char::is_uppercase) && names_subject(&shown, lang);
    let stands = own >= FEWEST_SHOWN && opens && !leans(&shown, lang) && !has_marks(&shown);
    // The clause before the marker, in lower case where its first word is a small one.
    let first = shown[..shown.len() - marker.at.trim_end().len()].trim_end_matches([' ', ',']);
    let before = (lowering.first(first)).filter(|b| stands && clean_clause(b, marker, lang));
    Some(Statement {
        marker: (*marker).clone(),
        clause,
        shown: stands.then_some(shown),
        before,
        end: end.to_string(),
    })
}

/// Whether a clause stands whole as an option: of 3 to 14 words, without marks that cut it
/// (a comma, a bracket, a quote, a sum) or a figure, pointing at nothing outside it, naming its subject,
/// and of its marker's shape (German: verb last or verb first, a verb in lower case).
fn clean_clause(clause: &str, marker: &Marker, lang: Lang) -> bool {
    let n = clause.split_whitespace().count();
    let words: Vec<&str> = clause.split_whitespace().collect();
    let shaped = match marker.shape.as_str() {
        "final" => words
            .last()
            .is_some_and(|w| w.starts_with(char::is_lowercase)),
        "inverted" => words
            .first()
            .is_some_and(|w| w.starts_with(char::is_lowercase)),
        _ => true,
    };
    (FEWEST_WORDS..=MOST_WORDS).contains(&n)
        && shaped
        && !has_marks(clause)
        && !clause.contains(',')
        // A figure makes an option stand out among clauses of words.
        && !clause.contains(|c: char| c.is_ascii_digit())
        && !leans(clause, lang)
        && (marker.shape == "inverted" || names_subject(clause, lang))
}

/// Whether a clause points outside itself: a pronoun or a reference (`points_back`) or one
/// of the language's `leans` words.
fn leans(clause: &str, lang: Lang) -> bool {
    let lower = format!(" {} ", clause.to_lowercase());
    let kept = without_own(clause, lang);
    points_back(kept.as_deref().unwrap_or(clause), lang)
        || holds_any(&lower, &lang.data().cause.leans)
}

/// A clause opening with its subject's article and noun, without the possessives that agree
/// with that noun ("The particles pass energy on to their neighbours": "their" is the
/// particles'), which point to nothing outside it; none where it opens otherwise, or the
/// noun's number is not known (`wrong_terms::plural`).
fn without_own(clause: &str, lang: Lang) -> Option<String> {
    let words: Vec<&str> = clause.split_whitespace().collect();
    let (first, noun) = (words.first()?, words.get(1)?);
    if !lang.data().words.articles.contains(&first.to_lowercase()) {
        return None;
    }
    let data = &lang.data().cause;
    let own = if wrong_terms::plural(noun, lang)? {
        &data.own_plural
    } else {
        &data.own_singular
    };
    let kept: Vec<&str> = (words.iter().copied())
        .filter(|w| !own.contains(&w.to_lowercase()))
        .collect();
    Some(kept.join(" "))
}

/// Brackets, quotes, colons and sums: a clause with them is no clean statement.
fn has_marks(s: &str) -> bool {
    s.contains([
        '(', ')', '[', ']', '"', '“', '”', '«', '»', ':', ';', '=', '×', '÷', '+',
    ])
}

/// Whether a clause names its subject, where the language may leave it out: it opens with
/// one of `openers` (Spanish "el", "la", "los"…) or a capitalised word inside a sentence.
fn names_subject(clause: &str, lang: Lang) -> bool {
    let openers = &lang.data().cause.openers;
    if openers.is_empty() {
        return true;
    }
    let first = clause.split_whitespace().next().unwrap_or("");
    openers.contains(&first.to_lowercase())
}

/// Whether two lists of stems share one.
fn share(a: &[String], b: &[String]) -> bool {
    a.iter().any(|w| b.contains(w))
}

/// Whether a clause may follow a marker as written: after an elided "qu'" a vowel, after a
/// "que" that elides, a consonant.
fn fits_after(marker: &str, clause: &str, lang: Lang) -> bool {
    let vowel = clause
        .chars()
        .next()
        .is_some_and(|c| "aeiouyhàâäéèêëîïôöùûüAEIOUYHÀÂÉÈÊÎÔÙÛ".contains(c));
    let m = marker.trim_end();
    if m.ends_with(['\'', '’']) {
        return vowel;
    }
    let last = m.split_whitespace().last().unwrap_or("");
    !(lang.data().cause.elides.iter().any(|e| e == last) && vowel)
}

/// "Glass can crack, because _____. Which explanation fills the gap?", the text's other
/// clauses of the same shape as wrong answers, none sharing a content word with the stem or
/// with another option.
pub(super) fn make<R: Rng>(
    reading: &Reading,
    c: &Causal,
    ask: &Ask<'_>,
    say: &Say,
    level: Level,
    rng: &mut R,
) -> Option<Made> {
    let lang = reading.text;
    let shown_stems = lang.content_stems(&c.shown);
    let answer_stems = lang.content_stems(&c.clause);
    if share(&answer_stems, &shown_stems) {
        trace(|| format!("cause-echo: {:?} after {:?}", c.clause, c.shown));
        return None;
    }
    if !fits_after(&c.marker.at, &c.clause, lang) {
        return None;
    }
    // None sharing a content word with the stem or the key; checked before the seed is
    // drawn on, so a statement not asked leaves the rest of the quiz as it was.
    let used = [shown_stems, answer_stems].concat();
    let mut pool: Vec<&Clause> = (reading.clauses.iter())
        .filter(|o| o.sentence != c.sentence && o.shape == c.marker.shape)
        .filter(|o| o.text != c.clause && fits_after(&c.marker.at, &o.text, lang))
        .filter(|o| !share(&lang.content_stems(&o.text), &used))
        .collect();
    let mut seen = HashSet::new();
    pool.retain(|o| seen.insert(o.text.as_str()));
    let want = ask.rules.options - 1;
    if pool.len() < want {
        trace(|| format!("cause-too-few: {:?} ({} wrong)", c.clause, pool.len()));
        return None;
    }
    pool.shuffle(rng);
    let taken = &pool[..want];
    let wrong: Vec<String> = taken.iter().map(|o| o.text.clone()).collect();
    let label = if c.marker.after == "effect" {
        &say.effect
    } else {
        &say.cause
    };
    let question = format!("{} {GAP}{} {label}", c.shown, c.end);
    let quoted = &reading.doc.sentences[c.sentence].text;
    let mut m = finish(
        ask,
        say,
        level,
        &c.clause,
        wrong,
        question,
        quoted,
        Some(c.sentence),
        None,
        rng,
    )?;
    // Its options print other sentences' clauses: no question on those sentences beside it.
    m.shows.extend(taken.iter().map(|o| o.sentence));
    m.prints = m.mcq.options.join(" ");
    Some(m)
}

#[cfg(test)]
#[path = "cause_tests.rs"]
mod tests;
