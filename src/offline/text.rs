//! From a source text to the units questions are made from: prose sentences, grouped by
//! paragraph, and glossary definitions. Headings, list markers, captions, tables, code and front
//! matter never become question sentences; sentences are not split at initials, abbreviations
//! ("e.g.", "St.", "U.S."), decimals or ellipses.

/// A sentence of prose and the paragraph it stands in.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Sentence {
    pub text: String,
    pub paragraph: usize,
}

/// A glossary line, `Term: definition` (or `Term — definition`).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Gloss {
    pub term: String,
    pub definition: String,
    pub paragraph: usize,
}

/// What a text offers.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub sentences: Vec<Sentence>,
    pub glossary: Vec<Gloss>,
}

/// Reads prose and glossary lines out of plain text or Markdown.
pub(crate) fn parse(src: &str) -> Parsed {
    let mut out = Parsed::default();
    let mut paragraph = 0;
    let mut prose = String::new();
    let mut in_code = false;
    let lines: Vec<&str> = src.lines().collect();
    let mut i = front_matter_end(&lines);
    let flush = |prose: &mut String, out: &mut Parsed, paragraph: usize| {
        for s in sentences(prose) {
            out.sentences.push(Sentence { text: s, paragraph });
        }
        prose.clear();
    };
    while i < lines.len() {
        let line = lines[i];
        let next_blank = lines.get(i + 1).is_none_or(|l| l.trim().is_empty());
        i += 1;
        let t = line.trim();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if t.is_empty() {
            if !prose.is_empty() {
                flush(&mut prose, &mut out, paragraph);
                paragraph += 1;
            }
            continue;
        }
        if is_heading(t, next_blank) || is_caption(t) || t.starts_with('|') || is_rule(t) {
            if !prose.is_empty() {
                flush(&mut prose, &mut out, paragraph);
                paragraph += 1;
            }
            continue;
        }
        let (body, listed) = strip_list_marker(t);
        let body = strip_inline(body);
        if let Some(g) = gloss(&body, paragraph) {
            out.glossary.push(g);
            continue;
        }
        if listed {
            // A list item is a unit of its own: a sentence only if it is written as one.
            if !prose.is_empty() {
                flush(&mut prose, &mut out, paragraph);
            }
            if body.ends_with(['.', '!', '?']) && starts_upper(&body) {
                prose.push_str(&body);
                flush(&mut prose, &mut out, paragraph);
            }
            continue;
        }
        prose.push_str(&body);
        prose.push(' ');
    }
    flush(&mut prose, &mut out, paragraph);
    out
}

/// The index of the first line after a `---` front-matter block at the top (0 without one).
fn front_matter_end(lines: &[&str]) -> usize {
    if lines.first().map(|l| l.trim()) != Some("---") {
        return 0;
    }
    lines
        .iter()
        .skip(1)
        .position(|l| matches!(l.trim(), "---" | "..."))
        .map_or(0, |p| p + 2)
}

/// A Markdown heading, or a plain-text one: a short line standing alone with no full stop.
fn is_heading(t: &str, next_blank: bool) -> bool {
    if t.starts_with('#') {
        return true;
    }
    let words = t.split_whitespace().count();
    !t.ends_with(['.', '!', '?', ':', ',', ';']) && words <= 10 && next_blank
}

fn is_caption(t: &str) -> bool {
    let lower = t.to_lowercase();
    [
        "figure ", "fig. ", "table ", "image:", "photo:", "source:", "caption:", "![", "<img",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

fn is_rule(t: &str) -> bool {
    t.len() >= 3 && t.chars().all(|c| matches!(c, '-' | '=' | '*' | '_' | ' '))
}

/// A list item's text without its marker (`-`, `*`, `+`, `1.`, `a)`), and whether it was one.
fn strip_list_marker(t: &str) -> (&str, bool) {
    for m in ["- ", "* ", "+ ", "> "] {
        if let Some(rest) = t.strip_prefix(m) {
            return (rest.trim(), m != "> ");
        }
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits <= 3 {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return (r.trim(), true);
        }
    }
    (t, false)
}

fn strip_inline(t: &str) -> String {
    strip_links(t)
        .replace(['*', '`'], "")
        .replace("__", "")
        .trim()
        .to_owned()
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// `Term: definition` or `Term — definition`, the term short and the definition not a sentence
/// of its own kind ("Note: …" is not a gloss).
fn gloss(line: &str, paragraph: usize) -> Option<Gloss> {
    let (term, def) = line
        .split_once(": ")
        .or_else(|| line.split_once(" — "))
        .or_else(|| line.split_once(" - "))?;
    let term = term.trim().trim_matches('*');
    let def = def.trim();
    let words = term.split_whitespace().count();
    const NOT_TERMS: [&str; 8] = [
        "note", "example", "tip", "warning", "see", "source", "answer", "question",
    ];
    if words == 0
        || words > 4
        || NOT_TERMS.contains(&term.to_lowercase().as_str())
        || def.split_whitespace().count() < 3
        || term.chars().any(|c| c.is_ascii_digit())
    {
        return None;
    }
    Some(Gloss {
        term: term.to_owned(),
        definition: def.trim_end_matches('.').to_owned(),
        paragraph,
    })
}

pub(super) fn strip_links(s: &str) -> String {
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

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 30] = [
    "e.g", "i.e", "etc", "dr", "mr", "mrs", "ms", "st", "vs", "approx", "no", "ca", "u.s", "u.k",
    "u.n", "jr", "sr", "prof", "gen", "col", "capt", "lt", "mt", "ft", "fig", "vol", "p", "pp",
    "cf", "al",
];

/// Splits prose into sentences, keeping initials, abbreviations, decimals and ellipses whole.
pub(super) fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for para in text.split('\n') {
        let chars: Vec<char> = para.chars().collect();
        let mut cur = String::new();
        for (i, &c) in chars.iter().enumerate() {
            cur.push(c);
            if !matches!(c, '.' | '!' | '?' | '…') {
                continue;
            }
            let next = chars.get(i + 1);
            let after = chars.get(i + 2);
            if c == '.' && (chars.get(i + 1) == Some(&'.') || i > 0 && chars[i - 1] == '.') {
                // An ellipsis runs on.
                continue;
            }
            let ends = match next {
                None => true,
                Some(n) if n.is_whitespace() => after.is_none_or(|a| {
                    a.is_uppercase()
                        || a.is_ascii_digit()
                        || matches!(*a, '"' | '“' | '«' | '¿' | '¡')
                }),
                Some('"' | '”' | '»' | ')') => true,
                _ => false,
            };
            if !ends || c == '…' {
                continue;
            }
            let last_word = cur
                .trim_end_matches(['.', '!', '?'])
                .rsplit([' ', '('])
                .next()
                .unwrap_or("")
                .to_lowercase();
            let initial = last_word.chars().count() == 1
                && last_word.chars().all(char::is_alphabetic)
                && c == '.';
            if c == '.' && (initial || ABBREVIATIONS.contains(&last_word.as_str())) {
                continue;
            }
            push_sentence(&mut out, &cur);
            cur.clear();
        }
        push_sentence(&mut out, &cur);
    }
    out
}

pub(super) fn push_sentence(out: &mut Vec<String>, s: &str) {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if !s.is_empty() {
        out.push(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_keep_decimals_abbreviations_initials_and_ellipses() {
        let s = sentences(
            "Water boils at 100 degrees. It covers 71.5 percent of Earth, e.g. oceans. The American campaigner Susan B. Anthony spoke in the U.S. Senate. It went on... and on. Done!",
        );
        assert_eq!(s.len(), 5, "{s:?}");
        assert!(s[2].contains("Susan B. Anthony spoke in the U.S. Senate."));
    }

    #[test]
    fn headings_lists_captions_and_front_matter_are_not_sentences() {
        let p = parse(
            "---\ntitle: Bikes\n---\n# A Short History of the Bicycle\n\nThe first bicycle had no pedals at all. Riders pushed it with their feet.\n\n- wooden wheels\n- A later model had iron tyres.\n\nFigure 1: A draisine of 1817.\n\nVelocipede: an early bicycle driven by pedals on the front wheel.\n\nInventions\n\nThe chain drive came in 1885.\n",
        );
        let texts: Vec<&str> = p.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "The first bicycle had no pedals at all.",
                "Riders pushed it with their feet.",
                "A later model had iron tyres.",
                "The chain drive came in 1885."
            ]
        );
        assert_eq!(p.glossary.len(), 1);
        assert_eq!(p.glossary[0].term, "Velocipede");
        assert!(p.sentences[3].paragraph > p.sentences[0].paragraph);
    }
}
