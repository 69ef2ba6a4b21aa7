//! Reading: a source text into the sentences questions may be made from, by section and
//! paragraph, its glossary lines, tables and lists (numbered steps and a story's people read as
//! sentences too). What a teacher's text carries besides prose is left out of the sentences:
//! front matter, headings, tables, code, other list items, captions, exercise and review sections,
//! and what a PDF leaves when pasted (running headers, page numbers, words hyphenated across a
//! line break, which are joined again).

use std::collections::{HashMap, HashSet};

use unicode_segmentation::UnicodeSegmentation;

use super::lang::{Data, Lang};

/// A prose sentence of the text.
pub(super) struct Sentence {
    pub(super) text: String,
    pub(super) paragraph: usize,
    pub(super) section: usize,
}

/// A glossary line: "Term: definition".
pub(super) struct Gloss {
    pub(super) term: String,
    pub(super) meaning: String,
    pub(super) section: usize,
}

/// A Markdown table: its header cells and rows (inline marks taken out).
pub(super) struct Table {
    pub(super) header: Vec<String>,
    pub(super) rows: Vec<Vec<String>>,
    pub(super) section: usize,
}

/// A list of the text ("- item" or "1. item"): its items (inline marks taken out) and the
/// line that leads into it, when that ends with a colon ("The main fractions are:").
pub(super) struct List {
    pub(super) lead: Option<String>,
    pub(super) items: Vec<String>,
    pub(super) section: usize,
    /// Read as the text's sentences too (numbered steps, a story's people).
    pub(super) prose: bool,
    pub(super) numbered: bool,
    /// The paragraph its sentences are, when read as prose.
    pub(super) paragraph: usize,
}

/// A text, read.
pub(super) struct Doc {
    /// The first heading, when the text opens with one.
    pub(super) title: Option<String>,
    pub(super) sentences: Vec<Sentence>,
    pub(super) glossary: Vec<Gloss>,
    pub(super) tables: Vec<Table>,
    /// The lists outside exercise sections, glossaries too.
    pub(super) lists: Vec<List>,
    /// The headings, in order: section `n` (from 1) is under `headings[n - 1]`.
    pub(super) headings: Vec<String>,
    /// The words the whole text writes, in lower case, hyphenated ones whole: what tells a
    /// PDF's hyphen at a line break from a word's own (`kept_hyphen`).
    words: std::collections::HashSet<String>,
}

/// One line, classified.
enum Line<'a> {
    Blank,
    Heading(&'a str),
    Prose(&'a str),
    /// Kept out: a table row, a list item, a caption, a page number, code.
    Other,
    Gloss(&'a str, &'a str),
}

pub(super) fn read(src: &str, lang: Lang) -> Doc {
    let data = lang.data();
    let lines: Vec<&str> = src.lines().map(str::trim).collect();
    let start = front_matter_end(&lines);
    let headers = running_headers(&lines[start..]);
    let mut doc = Doc {
        title: None,
        sentences: Vec::new(),
        glossary: Vec::new(),
        tables: Vec::new(),
        lists: Vec::new(),
        headings: Vec::new(),
        words: (src.split(|c: char| !c.is_alphanumeric() && c != '-'))
            .map(str::to_lowercase)
            .collect(),
    };
    // The list being read: its items, whether numbered, and the line before it.
    let mut list: Vec<(&str, bool)> = Vec::new();
    let mut lead: Option<&str> = None;
    let mut table: Vec<Vec<String>> = Vec::new();
    let (mut section, mut paragraph) = (0, 0);
    let mut prose: Vec<&str> = Vec::new();
    let mut skipping = false;
    let mut in_code = false;
    for (i, raw) in lines.iter().enumerate().skip(start) {
        if raw.starts_with("```") || raw.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code || headers.contains_key(raw) {
            continue;
        }
        let next_blank = lines.get(i + 1).is_none_or(|l| l.is_empty());
        // Before a heading: a blank line or the start; in a PDF's text, where nothing is
        // blank, a running header, a page number or the end of a sentence.
        let prev_blank = i == start || {
            let prev = lines[i - 1];
            prev.is_empty()
                || headers.contains_key(prev)
                || is_page_number(prev)
                || prev.ends_with(['.', '!', '?'])
        };
        // A heading stands alone, or opens a block with the paragraph right under it ("The
        // voyage of the Beagle" above its first sentence).
        let next_opens = lines
            .get(i + 1)
            .is_some_and(|l| l.starts_with(char::is_uppercase));
        // Only the text's first line may be a title with its subtitle ("X: The First Lady of
        // Physics"); further down, such a line is a glossary's ("Zellkern: Steuerzentrale der
        // Zelle").
        let first = doc.title.is_none() && doc.sentences.is_empty() && section == 0;
        let alone = prev_blank && (next_blank || next_opens);
        // The text's first line over a blank one may be a long title (`classify`).
        let line = classify(raw, alone, (first, first && next_blank), lang);
        if !matches!(line, Line::Prose(_)) && !prose.is_empty() {
            if !skipping {
                push_paragraph(&mut doc, &prose.join("\n"), section, paragraph, lang);
            }
            paragraph += 1;
            prose.clear();
        }
        let (item, listed) = strip_list_marker(raw);
        if listed && !skipping {
            if list.is_empty() {
                let before = lines[start..i].iter().rev().find(|l| !l.is_empty());
                lead = before.copied().filter(|l| l.ends_with(':'));
            }
            list.push((item, raw.starts_with(|c: char| c.is_ascii_digit())));
        } else if !list.is_empty() && !raw.is_empty() {
            // A list ends at the first line that is no item of it; a blank line between items
            // does not end it.
            finish_list(
                &mut doc,
                std::mem::take(&mut list),
                lead,
                section,
                &mut paragraph,
                lang,
            );
        }
        if raw.starts_with('|') && !skipping {
            table.push(cells(raw));
        } else if !table.is_empty() {
            finish_table(&mut doc, std::mem::take(&mut table), section);
        }
        match line {
            Line::Heading(h) => {
                if doc.title.is_none() && doc.sentences.is_empty() && section == 0 {
                    doc.title = Some(unnumbered(h, lang).to_owned());
                }
                section += 1;
                doc.headings.push(h.to_owned());
                skipping = is_exercise_heading(h, data);
            }
            Line::Prose(p) => prose.push(p),
            Line::Gloss(term, meaning) if !skipping => doc.glossary.push(Gloss {
                term: term.to_owned(),
                meaning: meaning.to_owned(),
                section,
            }),
            _ => {}
        }
    }
    if !prose.is_empty() && !skipping {
        push_paragraph(&mut doc, &prose.join("\n"), section, paragraph, lang);
        paragraph += 1;
    }
    finish_list(&mut doc, list, lead, section, &mut paragraph, lang);
    finish_table(&mut doc, table, section);
    doc
}

/// A table row's cells, trimmed and without inline marks.
fn cells(row: &str) -> Vec<String> {
    let inner = row.trim().trim_start_matches('|').trim_end_matches('|');
    inner.split('|').map(|c| strip_inline(c.trim())).collect()
}

/// Keeps a table whose rows are as wide as its header, without the `|---|` line.
fn finish_table(doc: &mut Doc, mut rows: Vec<Vec<String>>, section: usize) {
    let rule = |r: &Vec<String>| {
        r.iter()
            .all(|c| !c.is_empty() && c.chars().all(|x| matches!(x, '-' | ':' | ' ')))
    };
    rows.retain(|r| !rule(r));
    if rows.len() < 2 {
        return;
    }
    let header = rows.remove(0);
    if rows.iter().all(|r| r.len() == header.len()) && header.len() >= 2 {
        doc.tables.push(Table {
            header,
            rows,
            section,
        });
    }
}

/// Keeps a list, and reads it as a paragraph of the text's sentences when each item is a
/// statement of its own and the list is one a teacher asks like prose: numbered steps ("1. The
/// current flows through the coil."), or a story's people each opening their item ("- Ralph,
/// aged twelve, is elected leader."). A list of advice ("- Never share antibiotics.") or of
/// instructions ("1. Add a drop of iodine.") is no such list: its items open with a verb.
fn finish_list(
    doc: &mut Doc,
    items: Vec<(&str, bool)>,
    lead: Option<&str>,
    section: usize,
    paragraph: &mut usize,
    lang: Lang,
) {
    if items.is_empty() {
        return;
    }
    let plain: Vec<String> = items.iter().map(|(t, _)| strip_inline(t)).collect();
    let statement = |t: &str| {
        t.starts_with(char::is_uppercase)
            && t.ends_with('.')
            && t.split_whitespace().count() >= 5
            && gloss(t, lang).is_none()
    };
    let first_word = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_owned()
    };
    let verbs = &lang.data().read.instructions;
    let opens_with_verb = |t: &str| verbs.contains(&first_word(t).to_lowercase());
    let numbered = items.iter().all(|(_, n)| *n);
    // A story's people: each item opens with a capitalised name, half of them at least a given
    // name a list knows (a nickname such as "Piggy" is not).
    let given = (plain.iter())
        .filter(|t| super::lexicon::may_be_given_name(&first_word(t), lang))
        .count();
    let named = given * 2 >= plain.len()
        && (plain.iter()).all(|t| !lang.is_stop(&first_word(t).to_lowercase()));
    let prose = plain.len() >= 2
        && plain.iter().all(|t| statement(t) && !opens_with_verb(t))
        && (numbered || named);
    let at = *paragraph;
    if prose {
        push_paragraph(doc, &plain.join("\n"), section, at, lang);
        *paragraph += 1;
    }
    doc.lists.push(List {
        lead: lead.map(strip_inline),
        items: plain,
        section,
        prose,
        numbered,
        paragraph: at,
    });
}

fn classify(t: &str, alone: bool, (first, first_apart): (bool, bool), lang: Lang) -> Line<'_> {
    if t.is_empty() {
        return Line::Blank;
    }
    if let Some(h) = t.strip_prefix('#') {
        return Line::Heading(h.trim_start_matches('#').trim());
    }
    if is_page_number(t) || t.starts_with('|') || t.starts_with('<') || t.starts_with('>') {
        return Line::Other;
    }
    let (item, listed) = strip_list_marker(t);
    if let Some((term, meaning)) = gloss(item, lang) {
        // "Chien-Shiung Wu: The First Lady of Physics" standing alone is a title and its
        // subtitle, not a glossary line.
        if first && alone && !listed && title_cased(meaning) && !t.ends_with(['.', ';']) {
            return Line::Heading(t);
        }
        // "Part Two: exile in Mbanta", "Chapter 3: …": a part's number is no term.
        if !listed && numbered_part(term, lang) {
            return Line::Heading(t);
        }
        return Line::Gloss(term, meaning);
    }
    if listed || t.starts_with('!') || t.starts_with("---") || t.starts_with("***") {
        return Line::Other;
    }
    let words = t.split_whitespace().count();
    // The text's first line over a blank one is its title, with a subtitle after a comma too
    // ("Antoine Parmentier (1737-1813), le pharmacien de la pomme de terre"): not a sentence
    // (no stop inside it or at its end, no quote closing it), nor a byline ("By Sarah Jones").
    let opening = t.split_whitespace().next().unwrap_or("").to_lowercase();
    let sentence_end = [". ", "! ", "? "].iter().any(|e| t.contains(e));
    if first_apart
        && words <= 16
        && t.starts_with(char::is_uppercase)
        && !sentence_end
        && !t.ends_with(['.', '!', '?', ':', ',', ';', '"', '”', '»'])
        && !lang.data().words.bylines.contains(&opening)
    {
        return Line::Heading(t);
    }
    // A short line standing alone (or over its paragraph) without a full stop is a heading;
    // a PDF's wrapped line is longer.
    // A heading opens on a capital or a number; "and the centripetal force is" above a formula
    // goes on the sentence before it.
    if alone
        && words <= 8
        && t.chars().count() <= 60
        && !t.starts_with(char::is_lowercase)
        && !t.ends_with(['.', '!', '?', ':', ',', ';'])
    {
        return Line::Heading(t);
    }
    Line::Prose(t)
}

/// A title without the number of its chapter or unit before it ("Chapter 7: The Crimean War",
/// "Unit 3 – Photosynthesis", "2. Les volcans"): one of the language's `numbering` words and a
/// number (or a roman one), or a number alone, then a colon, a full stop or a dash.
pub(super) fn unnumbered(title: &str, lang: Lang) -> &str {
    let numbered = |w: &str| {
        let w = w.trim_end_matches([':', '.']);
        !w.is_empty()
            && (w.chars().all(|c| c.is_ascii_digit()) || w.chars().all(|c| "IVXLC".contains(c)))
    };
    let words: Vec<(usize, &str)> = super::refer::words_at(title).take(2).collect();
    let numbering = &lang.data().read.numbering;
    let number_end = match words.as_slice() {
        [(_, a), (at, b), ..] if numbering.contains(&a.to_lowercase()) && numbered(b) => {
            at + b.len()
        }
        // "2. Les volcans"; not "C. S. Lewis", nor "9. November 1989".
        [(at, a), (_, b), ..]
            if *at == 0
                && a.chars().all(|c| c.is_ascii_digit())
                && title[a.len()..].starts_with('.')
                && !lang.data().words.months.contains(&b.to_lowercase()) =>
        {
            a.len()
        }
        _ => return title,
    };
    let after = &title[number_end..];
    let rest = after.trim_start();
    let marked = rest.starts_with([':', '.', '–', '—', '-']);
    let rest = rest
        .trim_start_matches([':', '.', '–', '—', '-'])
        .trim_start();
    if marked && !rest.is_empty() {
        rest
    } else {
        title
    }
}

/// Whether a line's words before its colon number a part of the text ("Part Two", "Chapter 3",
/// "Teil II"): one of the language's `numbering` words and a number, in figures, in roman
/// figures or in words.
fn numbered_part(term: &str, lang: Lang) -> bool {
    let data = lang.data();
    let words: Vec<&str> = term.split_whitespace().collect();
    let number = |w: &str| {
        w.chars().all(|c| c.is_ascii_digit())
            || w.chars().all(|c| "IVXLC".contains(c))
            || data.words.numbers.contains_key(&w.to_lowercase())
    };
    matches!(words.as_slice(), [part, n]
        if data.read.numbering.contains(&part.to_lowercase()) && number(n))
}

/// Whether words read as a title's: two or more, most of them capitalised ("The First Lady
/// of Physics", "How the Moon and Sun Move the Oceans").
pub(super) fn title_cased(words: &str) -> bool {
    let words: Vec<&str> = words.split_whitespace().collect();
    let capitals = words
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    words.len() >= 2 && capitals * 2 > words.len()
}

/// The lines a PDF repeats on each page (a running header or footer): short, without a full
/// stop, seen more than once.
fn running_headers<'a>(lines: &[&'a str]) -> HashMap<&'a str, usize> {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for l in lines {
        if !l.is_empty()
            && l.len() < 80
            && !l.ends_with(['.', '!', '?', ':'])
            && !l.starts_with('#')
        {
            *seen.entry(l).or_default() += 1;
        }
    }
    seen.retain(|_, n| *n >= 2);
    seen
}

fn is_page_number(t: &str) -> bool {
    let t = t.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let t = ["page ", "p. ", "seite ", "página ", "pág. "]
        .iter()
        .find_map(|p| t.to_lowercase().strip_prefix(p).map(str::to_owned))
        .unwrap_or_else(|| t.to_owned());
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

fn is_exercise_heading(h: &str, data: &Data) -> bool {
    let h: String = h
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic() || *c == ' ' || *c == '\'')
        .collect();
    let h = h.trim();
    data.read
        .exercises
        .iter()
        .any(|e| h == e || h.starts_with(&format!("{e} ")))
        || h.ends_with("questions")
}

fn front_matter_end(lines: &[&str]) -> usize {
    if lines.first() == Some(&"---")
        && let Some(end) = lines.iter().skip(1).position(|l| *l == "---")
    {
        return end + 2;
    }
    0
}

fn strip_list_marker(t: &str) -> (&str, bool) {
    for m in ["- ", "* ", "+ ", "• "] {
        if let Some(rest) = t.strip_prefix(m) {
            return (rest.trim(), true);
        }
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits < 3 {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return (r.trim(), true);
        }
    }
    (t, false)
}

/// A glossary line: "**Term**: definition", "Term: definition", "Term — definition", with a
/// term of at most four words and a definition of at least three.
fn gloss(t: &str, lang: Lang) -> Option<(&str, &str)> {
    let (term, meaning) = t
        .split_once(": ")
        .or_else(|| t.split_once(" — "))
        .or_else(|| t.split_once(" – "))?;
    let term = term.trim().trim_matches('*').trim_matches('_').trim();
    // "Astronomical unit (AU)": the term without its abbreviation.
    let term = match term.find(" (") {
        Some(i) if term.ends_with(')') => term[..i].trim_end_matches('*').trim(),
        _ => term,
    };
    let meaning = meaning.trim().trim_end_matches('.').trim();
    // "Some typical values are: …" introduces a list; a term opens with a word of its own.
    let opens_with_a_word = term
        .split_whitespace()
        .next()
        .is_some_and(|w| !lang.is_stop(&w.to_lowercase()));
    let ok = !term.is_empty()
        && opens_with_a_word
        && term.split_whitespace().count() <= 4
        && !term.contains(['.', ',', '(', '"'])
        && meaning.split_whitespace().count() >= 3
        // One sentence: "… for photosynthesis. Root cells have none" says two things.
        && !meaning.contains(". ");
    ok.then_some((term, meaning))
}

/// A paragraph's lines joined into sentences: a word hyphenated at a line break made whole
/// ("manu-\nfacture"), and one a PDF copy left split in a line ("king- doms").
fn push_paragraph(doc: &mut Doc, text: &str, section: usize, paragraph: usize, lang: Lang) {
    let joined = join_lines(text, &doc.words, lang);
    let plain = strip_inline(&joined);
    for s in sentences(&plain, lang) {
        doc.sentences.push(Sentence {
            text: s,
            paragraph,
            section,
        });
    }
}

/// Whether a hyphen a PDF left between two parts of a word is the word's own ("first-⏎year",
/// "twenty-⏎five"; round 26 asked "firstyear"): the text writes the word so elsewhere, and not
/// whole; or, where it writes neither, the first part is a number or an ordinal of the
/// language's (`numbers`, `ordinal_words`) and the second a word of letters ("first-⏎year",
/// "two-⏎thirds"). WordNet's nouns tell nothing: "clock-⏎wise", "breath-⏎taking" (review).
fn kept_hyphen(before: &str, after: &str, words: &HashSet<String>, lang: Lang) -> bool {
    let left = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let right = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let whole = format!("{left}{right}").to_lowercase();
    if words.contains(&whole) {
        return false;
    }
    if words.contains(&format!("{left}-{right}").to_lowercase()) {
        return true;
    }
    let w = &lang.data().words;
    let first = left.to_lowercase();
    (w.numbers.contains_key(&first) || w.ordinal_words.contains(&first))
        && right.chars().count() >= 3
}

fn join_lines(text: &str, written: &HashSet<String>, lang: Lang) -> String {
    let joins = &lang.data().read.joins;
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let hyphen = out.ends_with('-') && out[..out.len() - 1].ends_with(char::is_alphabetic);
        let continues = hyphen && line.starts_with(char::is_lowercase);
        let kept = continues && kept_hyphen(&out[..out.len() - 1], line, written, lang);
        // "the Russo-Japanese War of 1904–\n1905": a range broken after its dash.
        let range = out
            .strip_suffix(['–', '-'])
            .is_some_and(|o| o.ends_with(|c: char| c.is_ascii_digit()))
            && line.starts_with(|c: char| c.is_ascii_digit());
        if continues && !kept {
            out.pop();
        } else if !out.is_empty() && !range && !kept {
            out.push(' ');
        }
        out.push_str(line);
    }
    // "king- doms": a hyphen and a space inside a word, unless a pair follows ("pre- and").
    let words: Vec<&str> = out.split(' ').collect();
    let mut fixed = String::with_capacity(out.len());
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        let next = words.get(i + 1).copied().unwrap_or("");
        let split = w.len() > 1
            && w.ends_with('-')
            && w[..w.len() - 1].ends_with(char::is_alphabetic)
            && next.starts_with(char::is_lowercase)
            && !joins.iter().any(|j| next.trim_end_matches([',', '.']) == j);
        if !fixed.is_empty() {
            fixed.push(' ');
        }
        if split && kept_hyphen(&w[..w.len() - 1], next, written, lang) {
            // "first- year": the hyphen is the word's.
            fixed.push_str(w);
            fixed.push_str(next);
            i += 2;
        } else if split {
            fixed.push_str(&w[..w.len() - 1]);
            fixed.push_str(next);
            i += 2;
        } else {
            fixed.push_str(w);
            i += 1;
        }
    }
    fixed
}

/// Markdown emphasis, code and links as plain words.
fn strip_inline(t: &str) -> String {
    let mut s = String::with_capacity(t.len());
    let mut rest = t;
    // [text](url) → text
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| c + open) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|e| e + close) else {
            break;
        };
        s.push_str(&rest[..open]);
        s.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    s.push_str(rest);
    let s = s.replace("**", "").replace("__", "").replace('`', "");
    // "*cut-in speed*": a star against a word on one side only is emphasis ("2 * 3" is no).
    let chars: Vec<char> = s.chars().collect();
    let word = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric());
    (0..chars.len())
        .filter(|&i| {
            let (p, n) = (
                i.checked_sub(1).and_then(|p| chars.get(p)),
                chars.get(i + 1),
            );
            chars[i] != '*' || word(p) == word(n)
        })
        .map(|i| chars[i])
        .collect()
}

/// The sentences of a paragraph (UAX #29), not split after an abbreviation, an initial, or a
/// German ordinal date ("9. November"); only statements are kept (not questions, not a
/// fragment without its full stop).
pub(super) fn sentences(text: &str, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for piece in text.unicode_sentences() {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        // A closing quote the splitter left at the start ("» Le 7 juin, …") ends the sentence
        // before.
        let (piece, closing) = match piece.strip_prefix(['»', '”']) {
            Some(rest) if !out.is_empty() => (rest.trim_start(), piece.chars().next()),
            _ => (piece, None),
        };
        if let (Some(c), Some(last)) = (closing, out.last_mut()) {
            last.push_str(&format!(" {c}"));
        }
        if piece.is_empty() {
            continue;
        }
        for piece in split_before_numbers(piece, lang) {
            match out.last_mut() {
                Some(last) if runs_on(last, piece, lang) => {
                    if !piece.starts_with([',', ')']) {
                        last.push(' ');
                    }
                    last.push_str(piece);
                }
                _ => out.push(piece.to_owned()),
            }
        }
    }
    out.retain(|s| {
        s.ends_with(['.', '!']) && !s.ends_with("...") && s.split_whitespace().count() >= 4
    });
    out
}

/// A piece cut before each sentence that starts with a number (". 1226 erhielt …", ". 1905 was
/// …"): UAX #29 (rule SB8) does not break there, since a digit is no upper-case letter. The cut
/// is not made where the full stop is a false break by `runs_on` (an abbreviation, an initial, an
/// ordinal or a day: "am 9. November", "im 17. Jahrhundert").
fn split_before_numbers(piece: &str, lang: Lang) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (dot, _) in piece.match_indices(". ") {
        let rest = piece[dot + 1..].trim_start();
        if dot < start || !rest.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let head = &piece[start..=dot];
        if runs_on(head, rest, lang) {
            continue;
        }
        out.push(head.trim());
        start = piece.len() - rest.len();
    }
    out.push(piece[start..].trim());
    out.retain(|p| !p.is_empty());
    out
}

/// Whether a sentence break after `last` is false: it ends with an abbreviation or an initial,
/// or a day's number before a month, or the next piece starts in lower case.
fn runs_on(last: &str, next: &str, lang: Lang) -> bool {
    let data = lang.data();
    // A sentence never starts with a comma ("« J'accuse… ! », choisi par Clemenceau, barre la
    // une": the "!" ends a title, not the sentence).
    if next.starts_with([',', ';', ':', ')']) {
        return true;
    }
    let Some(before) = last.strip_suffix('.') else {
        return false;
    };
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("")
        .to_lowercase();
    // A letter after a number is a unit's symbol ("a charge of 60 C. By convention …", "12 Ω."),
    // not an initial.
    let unit = before
        .trim_end_matches(|c: char| !c.is_whitespace())
        .split_whitespace()
        .next_back()
        .is_some_and(|n| {
            n.chars().any(|c| c.is_ascii_digit())
                && n.chars().all(|c| c.is_ascii_digit() || ".,".contains(c))
        });
    let initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic) && !unit;
    let first = next.split_whitespace().next().unwrap_or("").to_lowercase();
    let first = first.trim_matches(|c: char| !c.is_alphanumeric());
    // "21 n. Chr. von Verwandten …": an abbreviation of two parts ("n. chr"), its first a
    // letter after a number (which alone would be a unit's symbol).
    let abbreviation = data.read.abbreviations.contains(&word)
        || data
            .read
            .abbreviations
            .contains(&format!("{word}. {first}"));
    let digits =
        |n: usize| !word.is_empty() && word.len() <= n && word.chars().all(|c| c.is_ascii_digit());
    // "9. November", and in German any ordinal ("im 17. Jahrhundert", "zum 100. Jahrestag"; a
    // year of four digits may end a sentence).
    let day =
        digits(2) && data.words.months.iter().any(|m| m == first) || digits(3) && data.code == "de";
    let lower = next.starts_with(char::is_lowercase);
    // "Henri V. Le dauphin …": a letter before an article ends a king's name, not an initial
    // ("Susan B. Anthony").
    // "by E. A. Johnson": "A." is a second initial, not the article.
    let next_initial = next.split_whitespace().next().is_some_and(|w| {
        w.strip_suffix('.')
            .is_some_and(|l| l.chars().count() == 1 && l.chars().all(char::is_uppercase))
    });
    let article = data.words.articles.iter().any(|a| a == first) && !next_initial;
    // German writes a ruler's number with a full stop: "König Gustav II. Adolf landete …".
    let roman = !word.is_empty() && word.len() <= 4 && word.chars().all(|c| "ivxl".contains(c));
    let given = next
        .split_whitespace()
        .next()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .is_some_and(|w| data.words.given_names.iter().any(|n| n == w));
    // "Als Heinrich IV. 1075 einen Erzbischof …": after a given name, the number is a ruler's.
    let ruler = before.split_whitespace().rev().nth(1).is_some_and(|p| {
        data.words.given_names.iter().any(|n| n == p) || super::lexicon::in_census(p)
    });
    let regnal = data.code == "de" && roman && (given || ruler);
    // "… destruyó Cartago en el 146 a. C. Lo primero …": after an era that follows a year
    // ("146 a. C.", "43 av. J.-C.": two parts after a number, the first with its full stop;
    // not "p. ej. La Celestina"), a small word with a capital opens the next sentence (a name
    // may go on the same: "en el 133 a. C. Escipión tomó …").
    let tokens: Vec<&str> = before.split_whitespace().rev().take(3).collect();
    let era = matches!(tokens.as_slice(), [_, part, number, ..]
        if part.ends_with('.') && number.chars().all(|c| c.is_ascii_digit()));
    let opens = next.starts_with(char::is_uppercase) && lang.is_stop(first);
    if era && opens {
        return false;
    }
    (initial && !article) || abbreviation || day || lower || regnal
}

#[cfg(test)]
#[path = "read_tests.rs"]
mod tests;
