//! More terms defined in a science text's running prose (beside `define`):
//!
//! - a name given at the end of the sentence that says what it names: "If pollen lands on the
//!   stigma of the same flower, this is called self-pollination." → asked as the sentence with
//!   the term as its gap (the clause before the comma is its meaning, in the same sentence);
//! - a name given in passing with an article: "…a thin stalk called the filament and an anther
//!   at its tip" → asked as the sentence with the term as its gap;
//! - a list of parts, each said in an apposition: "It is made up of the stigma, a sticky
//!   surface that receives pollen; the style, a stalk that connects …; and the ovary, which …"
//!   → stigma: "a sticky surface that receives pollen", style: "a stalk that connects …".
//!
//! Each is read only in its plainest form (precision first).

use super::define::term_ok;
use super::lang::Lang;
use super::lexicon;

/// "…, this is called self-pollination.": a term named at the sentence's end for what its
/// first clause says (the language's `called_back`, after a comma), and the term's byte
/// offset. The clause before the comma holds at least five words; the term runs to the end.
pub(super) fn called_back(sentence: &str, lang: Lang) -> Option<(&str, usize)> {
    let lower = sentence.to_lowercase();
    if !super::lang::same_offsets(sentence) {
        return None;
    }
    let w = &lang.data().words;
    let body = sentence.trim_end_matches(['.', '!']);
    for link in &w.called_back {
        let pat = format!(", {link} ");
        let Some(at) = lower.find(&pat) else { continue };
        if sentence[..at].split_whitespace().count() < 5 {
            continue;
        }
        let start = at + pat.len();
        if start >= body.len() {
            continue;
        }
        // An article before the gap would tell the answer's gender or first sound ("la _____",
        // "l'_____", "an _____"): only the English "the" is passed over.
        let term = skip_article(&body[start..], lang);
        let article = &body[start..body.len() - term.len()];
        if !article.is_empty() && article.trim() != "the" {
            continue;
        }
        let start = body.len() - term.len();
        if term_ok(term, lang) && plain_term(term, lang) && body.len() + 1 >= sentence.len() {
            return Some((&sentence[start..start + term.len()], start));
        }
    }
    None
}

/// "Den Raum um einen Magneten, in dem magnetische Kräfte wirken, nennt man Magnetfeld.": a
/// term named at the sentence's end for what the sentence opens with, when that holds a comma
/// (`detect::defined_in` reads the plain form), asked as a gap; the term's byte offset. The
/// language's `called_end` (German, where the object comes first); the term is one capitalised
/// word, the opening at least five words that point back to nothing.
pub(super) fn called_at_end(sentence: &str, lang: Lang) -> Option<(&str, usize)> {
    let lower = sentence.to_lowercase();
    if !super::lang::same_offsets(sentence) || !sentence.ends_with('.') {
        return None;
    }
    let body = &sentence[..sentence.len() - 1];
    lang.data().words.called_end.iter().find_map(|link| {
        let pat = format!(" {link} ");
        let at = lower.find(&pat)?;
        let start = at + pat.len();
        let term = &body[start..];
        let opening = &sentence[..at];
        let ok = opening.contains(',')
            && opening.split_whitespace().count() >= 5
            && !super::filters::points_back(opening, lang)
            // "Eine solche Maschine, die …": nor a word that points back anywhere in it.
            && !(opening.to_lowercase().split_whitespace())
                .any(|x| lang.data().words.references.iter().any(|r| r == x))
            && !term.contains(' ')
            && plain_term(term, lang)
            && term_ok(term, lang);
        ok.then_some((term, start))
    })
}

/// The first clause of a `called_back` sentence from the text before its gap ("If pollen lands
/// on the stigma, this is called " → "If pollen lands on the stigma"): what the filters read,
/// since its "this" points to that clause, not back to another sentence.
pub(super) fn clause_of(before: &str, lang: Lang) -> Option<&str> {
    let lower = before.to_lowercase();
    if !super::lang::same_offsets(before) {
        return None;
    }
    let lower = skip_article_back(lower.trim_end(), lang);
    lang.data().words.called_back.iter().find_map(|link| {
        lower
            .strip_suffix(link.as_str())
            .and_then(|b| b.strip_suffix(", "))
            .map(|b| &before[..b.len()])
    })
}

/// A phrase without its closing article ("this is called the" → "this is called").
fn skip_article_back(s: &str, lang: Lang) -> &str {
    for a in &lang.data().words.articles {
        if let Some(b) = s.strip_suffix(a.as_str())
            && (a.ends_with('\'') || b.ends_with(' '))
        {
            return b.trim_end();
        }
    }
    s
}

/// "…a short stalk called the petiole, which …", "the front of the glacier, called the snout,
/// advances": a one-word term named in passing with an article, right after a common noun (the
/// thing it names), and its byte offset. English
/// only, where WordNet tells that both words are nouns ("a ship called the Beagle" is a name).
pub(super) fn called_the(sentence: &str, lang: Lang) -> Option<(&str, usize)> {
    if lang != Lang::En {
        return None;
    }
    let lower = sentence.to_lowercase();
    if !super::lang::same_offsets(sentence) {
        return None;
    }
    let noun = |x: &str| {
        x.len() > 2
            && x.chars().all(|c| c.is_lowercase() || c == '-')
            && !lang.is_stop(x)
            && lexicon::noun(x).is_some()
    };
    for called in &lang.data().words.called_inline {
        // Only "the": after "a" or "an" the article would tell the answer's first sound.
        let article = "the ";
        let pat = format!(" {called} {article}");
        let Some(at) = lower.find(&pat) else { continue };
        let before: Vec<&str> = sentence[..at].split_whitespace().collect();
        // Right after the noun or its comma ("a small heavy mass, called the bob, …").
        let last = before.last().map(|x| x.strip_suffix(',').unwrap_or(x));
        if before.len() < 4 || !last.is_some_and(noun) {
            continue;
        }
        let start = at + pat.len();
        let rest = &sentence[start..];
        let end = rest.find(|c: char| !c.is_alphabetic() && c != '-');
        let term = &rest[..end.unwrap_or(rest.len())];
        // The term ends the phrase at a mark, never another word of a longer name, nor
        // "and" (a list's first item, which its others would fit as well).
        let tail = &rest[term.len()..];
        let ends = tail.is_empty() || tail.starts_with([',', ';', '.', ':']);
        if ends && noun(term) && term_ok(term, lang) {
            return Some((term, start));
        }
    }
    None
}

/// "The male part of a flower is the stamen, which …", "The time taken for one full swing is
/// the period, T, …": a sentence that says what its subject is with a term after "is the"
/// (`is_the`), asked as a gap up to the mark after the term (what follows is another
/// statement). The term's byte offset and its end. English only: the term must be a technical
/// noun WordNet knows (few tagged senses), not a common word ("The main reason for the change
/// is the cost."); the subject holds at least four words, no comma and nothing pointing back.
pub(super) fn is_the(sentence: &str, lang: Lang) -> Option<(&str, usize)> {
    if lang != Lang::En || !sentence.starts_with("The ") {
        return None;
    }
    let w = &lang.data().words;
    let lower = sentence.to_lowercase();
    if !super::lang::same_offsets(sentence) {
        return None;
    }
    let (at, link) = (w.is_the.iter())
        .filter_map(|l| lower.find(&format!(" {l} ")).map(|at| (at, l)))
        .min()?;
    let subject = &lower[..at];
    let refers = |x: &str| w.references.iter().any(|r| r == x);
    if subject.split_whitespace().count() < 4
        || subject.contains([',', ';', ':', '('])
        || subject.split_whitespace().any(refers)
    {
        return None;
    }
    let start = at + link.len() + 2;
    let rest = &sentence[start..];
    let end = rest.find(|c: char| !c.is_alphabetic() && c != '-')?;
    let term = &rest[..end];
    let technical = lexicon::noun(term).is_some_and(|e| e.tagged.is_none_or(|n| n <= 2));
    let plain = term.len() > 3 && term.chars().all(|c| c.is_lowercase() || c == '-');
    (rest[end..].starts_with([',', ';', '.']) && plain && technical && term_ok(term, lang))
        .then_some((term, start))
}

/// "It is made up of the stigma, a sticky surface that receives pollen; the style, a stalk
/// that connects the stigma to the ovary; and the ovary, which …": each item of a list split by
/// semicolons that names a term with its article and says, after a comma and an indefinite
/// article (`kind_openers`), what it is. At least two items must be of this form (a list of
/// the parts of one thing, each defined); an item of another form defines nothing.
pub(super) fn listed_appositions(sentence: &str, lang: Lang) -> Vec<(String, String)> {
    if !sentence.contains(';') {
        return Vec::new();
    }
    let out: Vec<(String, String)> = sentence
        .trim_end_matches(['.', '!'])
        .split(';')
        .filter_map(|item| item_apposition(item, lang))
        .collect();
    let mut seen = std::collections::HashSet::new();
    if out.len() >= 2 && out.iter().all(|(t, _)| seen.insert(t.to_lowercase())) {
        out
    } else {
        Vec::new()
    }
}

/// One item of `listed_appositions`: "… the stigma, a sticky surface that receives pollen".
fn item_apposition(item: &str, lang: Lang) -> Option<(String, String)> {
    let w = &lang.data().words;
    let (head, meaning) = item.split_once(", ")?;
    let meaning = meaning.trim();
    let opener = meaning.split_whitespace().next()?.to_lowercase();
    let words = meaning.split_whitespace().count();
    if !w.kind_openers.contains(&opener)
        || !(4..=20).contains(&words)
        || meaning.contains([',', ':', '(', '"'])
        || meaning.contains(char::is_numeric)
    {
        return None;
    }
    // The term: the item's last word (two where the first is no stop word, "egg cell"), right
    // after a definite article.
    let before: Vec<&str> = head.split_whitespace().collect();
    let definite = |x: &str| {
        let x = x.to_lowercase();
        w.articles.contains(&x) && !w.kind_openers.contains(&x)
    };
    let at = before.iter().rposition(|x| definite(x))?;
    let term = before[at + 1..].join(" ");
    if !(1..=2).contains(&(before.len() - at - 1)) || !term_ok(&term, lang) {
        return None;
    }
    if !plain_term(&term, lang) || before[at + 1..].iter().any(|x| lang.is_stop(x)) {
        return None;
    }
    Some((term, meaning.to_owned()))
}

/// A term of common words: in lower case (in German a capital noun), no name or figure.
fn plain_term(term: &str, lang: Lang) -> bool {
    term.split_whitespace().all(|x| {
        let mut c = x.chars();
        let first = c.next().is_some_and(|f| match lang {
            Lang::De => f.is_uppercase(),
            _ => f.is_lowercase(),
        });
        first && c.all(|c| c.is_lowercase() || c == '-')
    })
}

/// A phrase without its opening article ("the filament" → "filament").
fn skip_article(s: &str, lang: Lang) -> &str {
    let lower = s.to_lowercase();
    for a in &lang.data().words.articles {
        if a.ends_with('\'') && lower.starts_with(a.as_str()) {
            return &s[a.len()..];
        }
        if lower.starts_with(&format!("{a} ")) {
            return &s[a.len() + 1..];
        }
    }
    s
}

#[cfg(test)]
#[path = "define_more_tests.rs"]
mod tests;

/// Whether a glossary line's meaning says something of its term instead of what it is: it opens
/// with a pronoun ("Support: it holds the body upright"), with a preposition ("Humidity: in
/// damp air the gradient is smaller"), or a noun and a copula ("Movement: muscles are attached
/// to bones"). "Which term means …?" would ask a statement, not a definition.
pub(super) fn statement(meaning: &str, lang: Lang) -> bool {
    let w = &lang.data().words;
    let words: Vec<String> = meaning
        .split_whitespace()
        .take(3)
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    let relative = ["that", "which", "who", "que", "qui", "der", "die", "das"];
    w.pronouns.contains(first)
        || w.place_prepositions.contains(first)
        || (words.iter().enumerate().skip(1))
            .any(|(i, x)| w.copulas.contains(x) && !relative.contains(&words[i - 1].as_str()))
}

/// Whether a "term" has a word that points back ("Beneath it", "Their role"): no name of
/// anything.
pub(super) fn points_back(term: &str, lang: Lang) -> bool {
    let pronouns = &lang.data().words.pronouns;
    term.split_whitespace()
        .any(|w| pronouns.contains(&w.to_lowercase()))
}

/// Whether a sentence's "term" stands for one of the things the sentence before counts
/// ("Every virus has two basic parts. The first is … The second is a protein coat …", round
/// 26 keyed "second"): a stand-in word (`stand_in_terms`) after a sentence opening on another.
/// "The second is the base unit of time" after anything else defines the second.
pub(super) fn counted(term: &str, before: Option<&str>, lang: Lang) -> bool {
    let w = &lang.data().words;
    let stand_in = |x: &str| w.stand_in_terms.contains(&x.to_lowercase());
    let opens_on_one = |s: &str| {
        (s.split_whitespace().take(2))
            .any(|x| stand_in(x.trim_matches(|c: char| !c.is_alphabetic())))
    };
    stand_in(term) && before.is_some_and(opens_on_one)
}

/// A single English word in "-ly" or "-ed" that is no noun: an adverb or a participle ("the
/// cross-bridges cannot be released, a condition called rigor mortis").
pub(super) fn no_noun(term: &str, lang: Lang) -> bool {
    let t = term.to_lowercase();
    lang == Lang::En
        && !t.contains(' ')
        && (t.ends_with("ly") || t.ends_with("ed"))
        && super::lexicon::noun(&t).is_none()
}

/// Whether a meaning goes on to explain something after a comma (", so it makes the kettle
/// slower", the language's causal markers that open on a comma, `[cause]`): "Limescale is a
/// poor conductor of heat, so …" says what limescale does, and "Which term means “a poor
/// conductor of heat, so it makes …”?" asks no definition. A "because" inside the meaning's
/// own clause ("two metals that bend because they expand …") still defines.
pub(super) fn explains(meaning: &str, lang: Lang) -> bool {
    let lower = meaning.to_lowercase();
    (lang.data().cause.markers.iter())
        .any(|m| m.at.starts_with(',') && lower.contains(m.at.as_str()))
}
