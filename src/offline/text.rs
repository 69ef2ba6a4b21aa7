//! From a source text to sentences: Markdown stripped to prose, prose split into sentences
//! (decimals and common abbreviations kept whole).

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
    fn sentences_keep_decimals_and_abbreviations() {
        let s = sentences(
            "Water boils at 100 degrees. It covers 71.5 percent of Earth, e.g. oceans. Done!",
        );
        assert_eq!(s.len(), 3, "{s:?}");
    }
}
