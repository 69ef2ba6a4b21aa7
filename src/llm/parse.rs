//! A tolerant reader of what real models return: JSON in code fences or prose, bare arrays,
//! wrappers, letter-keyed or labelled options, answers given as index, letter or text, trailing
//! commas, and output cut off mid-way (every complete question is salvaged). Everything it
//! returns has passed `mcq::validate`.

use serde_json::{Map, Value};

use crate::mcq::{self, Defect, Mcq, Rules};

/// What one model answer yielded.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Questions that passed the validator.
    pub good: Vec<Mcq>,
    /// Items that looked like questions but were refused, with why.
    pub rejected: Vec<Defect>,
    /// No JSON could be found at all.
    pub unreadable: bool,
}

/// Parses a model's content into questions that pass the validator under `rules`.
pub fn parse_questions(content: &str, rules: impl Into<Rules>) -> Parsed {
    let rules = rules.into();
    let Some(value) = find_json(content) else {
        return Parsed {
            unreadable: true,
            ..Parsed::default()
        };
    };
    let mut out = Parsed::default();
    for item in question_items(&value) {
        let Some(mut q) = mcq_from_value(item) else {
            out.rejected.push(Defect::AnswerNotAnOption);
            continue;
        };
        mcq::tidy(&mut q);
        match mcq::validate(&q, rules) {
            Ok(()) => out.good.push(q),
            Err(d) => out.rejected.push(d),
        }
    }
    out
}

/// Reads a blind solve's answer: for each question shown (their options in `options`), the
/// option the solver chose, `None` where it gave none that can be read. Tolerant as the
/// question reader is: `{"answers": [...]}` or a bare array, items with `n` (1-based) or in
/// the order shown, the choice as `letter`, `answer_index`, or `answer` (a letter or the
/// option's text).
pub(crate) fn parse_solution(content: &str, options: &[&[String]]) -> Vec<Option<usize>> {
    let mut out = vec![None; options.len()];
    let Some(value) = find_json(content) else {
        return out;
    };
    let items: Vec<&Value> = match &value {
        Value::Array(a) => a.iter().collect(),
        Value::Object(m) => first_of(m, &["answers", "solutions", "results", "choices"])
            .and_then(Value::as_array)
            .map(|a| a.iter().collect())
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    for (pos, item) in items.into_iter().enumerate() {
        let (at, choice) = match item {
            Value::Object(m) => {
                let at = first_of(m, &["n", "number", "question", "index", "id"])
                    .and_then(Value::as_u64)
                    .and_then(|n| usize::try_from(n).ok())
                    .and_then(|n| n.checked_sub(1))
                    .unwrap_or(pos);
                (at, Some(m))
            }
            _ => (pos, None),
        };
        let Some(opts) = options.get(at) else {
            continue;
        };
        let chosen = match (choice, item) {
            (Some(m), _) => first_of(m, &["letter", "choice", "option"])
                .and_then(Value::as_str)
                .and_then(|s| answer_from_text(s, opts))
                .or_else(|| {
                    first_of(m, &["answer_index", "answerIndex"])
                        .and_then(Value::as_u64)
                        .and_then(|n| usize::try_from(n).ok())
                })
                .or_else(|| read_answer(m, opts, false)),
            (None, Value::String(s)) => answer_from_text(s, opts),
            _ => None,
        };
        if let Some(c) = chosen.filter(|&c| c < opts.len())
            && out[at].is_none()
        {
            out[at] = Some(c);
        }
    }
    out
}

/// Finds the first JSON value in the text, repairing trailing commas and truncation.
fn find_json(content: &str) -> Option<Value> {
    let body = strip_fences(content);
    let start = body.find(['{', '['])?;
    let body = &body[start..];
    let cleaned = remove_trailing_commas(body);
    let mut stream = serde_json::Deserializer::from_str(&cleaned).into_iter::<Value>();
    if let Some(Ok(v)) = stream.next() {
        return Some(v);
    }
    let salvaged = salvage_truncated(&cleaned)?;
    serde_json::from_str(&salvaged).ok()
}

/// The inside of the first ```fence``` if there is one with JSON in it.
fn strip_fences(s: &str) -> &str {
    let Some(open) = s.find("```") else {
        return s;
    };
    let after = &s[open + 3..];
    let after = after.find('\n').map_or(after, |nl| &after[nl + 1..]);
    let inner = after.find("```").map_or(after, |close| &after[..close]);
    if inner.contains(['{', '[']) { inner } else { s }
}

/// Tells, character by character, whether JSON text is inside a string literal.
#[derive(Default)]
struct StringState {
    in_str: bool,
    escaped: bool,
}

impl StringState {
    /// Takes the next character; `true` when it is JSON structure (outside any string; an
    /// opening quote counts as structure, a closing one does not).
    fn structural(&mut self, c: char) -> bool {
        if self.in_str {
            if self.escaped {
                self.escaped = false;
            } else if c == '\\' {
                self.escaped = true;
            } else if c == '"' {
                self.in_str = false;
            }
            return false;
        }
        if c == '"' {
            self.in_str = true;
        }
        true
    }
}

/// Drops commas that stand right before `}` or `]` outside strings.
fn remove_trailing_commas(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut state = StringState::default();
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if state.structural(c) && c == ',' {
            let next = chars[i + 1..].iter().find(|c| !c.is_whitespace());
            if matches!(next, Some('}' | ']')) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// For output cut off mid-way: keeps everything up to the last complete value inside a
/// container and closes the containers still open there.
fn salvage_truncated(s: &str) -> Option<String> {
    let mut stack: Vec<char> = Vec::new();
    let mut state = StringState::default();
    let mut best: Option<(usize, Vec<char>)> = None;
    for (i, c) in s.char_indices() {
        if !state.structural(c) {
            continue;
        }
        match c {
            '{' => stack.push('}'),
            '[' => stack.push(']'),
            '}' | ']' => {
                if stack.pop() != Some(c) {
                    return None;
                }
                if stack.is_empty() {
                    return Some(s[..=i].to_owned());
                }
                best = Some((i + 1, stack.clone()));
            }
            _ => {}
        }
    }
    let (cut, open) = best?;
    let mut repaired = s[..cut].to_owned();
    repaired.extend(open.iter().rev());
    Some(repaired)
}

/// The list of question-like items in a parsed answer, wherever the model put it.
fn question_items(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(items) => items.iter().collect(),
        Value::Object(map) => {
            for key in ["questions", "mcqs", "items", "quiz", "data", "results"] {
                if let Some(inner) = get_ci(map, key) {
                    let found = question_items(inner);
                    if !found.is_empty() {
                        return found;
                    }
                }
            }
            if get_ci(map, "question").is_some() {
                return vec![v];
            }
            let arrays: Vec<&Value> = map.values().filter(|x| x.is_array()).collect();
            if arrays.len() == 1 {
                return question_items(arrays[0]);
            }
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn get_ci<'a>(map: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    map.get(key).or_else(|| {
        map.iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(key))
            .map(|(_, v)| v)
    })
}

fn first_of<'a>(map: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|k| get_ci(map, k))
}

fn text_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Object(m) => first_of(m, &["text", "option", "value", "content"]).and_then(text_of),
        _ => None,
    }
}

/// Reads one question from whatever shape the model chose. `None` when there is no stem,
/// no options or no readable answer.
fn mcq_from_value(v: &Value) -> Option<Mcq> {
    let map = v.as_object()?;
    let question = first_of(map, &["question", "stem", "prompt", "q", "text"]).and_then(text_of)?;
    let raw_options = first_of(map, &["options", "choices", "answers", "alternatives"])?;
    let (mut options, keyed_answer) = read_options(raw_options)?;
    let labelled = strip_labels(&mut options);
    let answer_index = keyed_answer
        .or_else(|| read_answer(map, &options, labelled))
        .filter(|&i| i < options.len())?;
    let explanation = first_of(map, &["explanation", "rationale", "reason", "why"])
        .and_then(text_of)
        .unwrap_or_default();
    let difficulty = first_of(map, &["difficulty", "level"]).and_then(text_of);
    Some(Mcq {
        question,
        options,
        answer_index,
        explanation,
        difficulty,
        source: None,
        id: None,
        verified_by: None,
    })
}

/// Options as an array (of strings or `{text, correct}` objects) or a letter-keyed object.
/// The second value is the answer when the options themselves mark it.
fn read_options(v: &Value) -> Option<(Vec<String>, Option<usize>)> {
    match v {
        Value::Array(items) => {
            let mut opts = Vec::new();
            let mut marked = None;
            for (i, item) in items.iter().enumerate() {
                opts.push(text_of(item)?);
                if let Some(m) = item.as_object()
                    && first_of(m, &["correct", "is_correct", "isCorrect"]).and_then(Value::as_bool)
                        == Some(true)
                {
                    marked = Some(i);
                }
            }
            Some((opts, marked))
        }
        Value::Object(map) => {
            let mut pairs: Vec<(String, String)> = map
                .iter()
                .filter_map(|(k, v)| Some((k.trim().to_ascii_uppercase(), text_of(v)?)))
                .collect();
            pairs.sort_by(|a, b| a.0.cmp(&b.0));
            Some((pairs.into_iter().map(|(_, t)| t).collect(), None))
        }
        _ => None,
    }
}

/// `A) x`, `a. x`, `(B) x`, `C: x`: a label when the letters run A, B, C… in order.
fn label_of(s: &str, i: usize) -> Option<usize> {
    let t = s.trim_start();
    let t = t.strip_prefix('(').unwrap_or(t);
    let mut chars = t.chars();
    let letter = chars.next()?.to_ascii_uppercase();
    let sep = chars.next()?;
    if letter as usize != 'A' as usize + i || !matches!(sep, ')' | '.' | ':' | ']') {
        return None;
    }
    let rest = chars.as_str();
    (rest.is_empty() || rest.starts_with(' '))
        .then_some(1 + usize::from(s.trim_start().starts_with('(')) + 1)
}

/// Strips option labels when every option carries its own letter in order. Says if it did.
fn strip_labels(options: &mut [String]) -> bool {
    let all = !options.is_empty()
        && options
            .iter()
            .enumerate()
            .all(|(i, o)| label_of(o, i).is_some());
    if all {
        for (i, o) in options.iter_mut().enumerate() {
            let cut = label_of(o, i).unwrap_or(0);
            let trimmed = o.trim_start();
            *o = trimmed.get(cut..).unwrap_or("").trim().to_owned();
        }
    }
    all
}

fn read_answer(map: &Map<String, Value>, options: &[String], labelled: bool) -> Option<usize> {
    let _ = labelled;
    let v = first_of(
        map,
        &[
            "answer_index",
            "answerIndex",
            "correct_index",
            "correct_answer",
            "correctAnswer",
            "answer",
            "correct",
            "correct_option",
            "solution",
        ],
    )?;
    match v {
        Value::Number(n) => n.as_u64().and_then(|n| usize::try_from(n).ok()),
        Value::String(s) => answer_from_text(s, options),
        Value::Object(m) => first_of(m, &["index", "letter", "text"]).and_then(|x| match x {
            Value::Number(n) => n.as_u64().and_then(|n| usize::try_from(n).ok()),
            Value::String(s) => answer_from_text(s, options),
            _ => None,
        }),
        _ => None,
    }
}

/// `"b"`, `"B"`, `"B) text"`, `"(B)"`, `"2"`, or the option's own text.
fn answer_from_text(s: &str, options: &[String]) -> Option<usize> {
    let t = s.trim();
    let norm = mcq::normalise(t);
    if let Some(i) = options.iter().position(|o| mcq::normalise(o) == norm) {
        return Some(i);
    }
    if let Ok(i) = t.parse::<usize>() {
        return Some(i);
    }
    let bare = t.trim_start_matches('(');
    let mut chars = bare.chars();
    let letter = chars.next()?;
    let rest = chars.as_str();
    let is_label = rest.is_empty() || rest.starts_with([')', '.', ':', ']', ' ']);
    if letter.is_ascii_alphabetic() && is_label {
        let i = (letter.to_ascii_uppercase() as usize).checked_sub('A' as usize)?;
        if i < options.len() {
            return Some(i);
        }
    }
    let after_label = rest.trim_start_matches([')', '.', ':', ']']).trim();
    let norm = mcq::normalise(after_label);
    options.iter().position(|o| mcq::normalise(o) == norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn solutions_in_any_shape_and_order() {
        let a: Vec<String> = ["red", "green", "blue"].map(String::from).to_vec();
        let opts: Vec<&[String]> = vec![&a, &a, &a];
        let read = |s: &str| parse_solution(s, &opts);
        assert_eq!(
            read(
                r#"{"answers": [{"n": 1, "letter": "B"}, {"n": 2, "letter": "c"}, {"n": 3, "letter": "A"}]}"#
            ),
            vec![Some(1), Some(2), Some(0)]
        );
        assert_eq!(
            read(
                r#"```json
[{"n": 3, "answer_index": 2}, {"n": 1, "answer": "green"}]
```"#
            ),
            vec![Some(1), None, Some(2)]
        );
        assert_eq!(
            read(r#"{"answers": ["A", "B) green", "blue"]}"#),
            vec![Some(0), Some(1), Some(2)]
        );
        assert_eq!(
            read(r#"{"answers": [{"n": 1, "letter": "Z"}, {"n": 9, "letter": "A"}]}"#),
            vec![None; 3]
        );
        assert_eq!(read("I think B."), vec![None; 3]);
    }

    const ONE: &str = r#"{"questions":[{"question":"What mainly causes ocean tides?","options":["The Moon's gravity","Wind over the sea","Earth's magnetic field","Ocean currents"],"answer_index":0,"explanation":"The Moon pulls the water."}]}"#;

    fn first(content: &str) -> Mcq {
        let p = parse_questions(content, 4);
        assert_eq!(p.good.len(), 1, "{p:?}");
        p.good[0].clone()
    }

    #[test]
    fn plain_wrapper() {
        assert_eq!(first(ONE).answer(), "The Moon's gravity");
    }

    #[test]
    fn code_fence_with_prose() {
        let s = format!("Sure! Here you go:\n```json\n{ONE}\n```\nHope it helps.");
        assert_eq!(first(&s).answer_index, 0);
    }

    #[test]
    fn prose_around_bare_json() {
        let s = format!("Here is the quiz: {ONE} Enjoy.");
        assert_eq!(first(&s).answer_index, 0);
    }

    #[test]
    fn bare_array() {
        let s = r#"[{"question":"2+2?","options":["3","4","5","6"],"answer_index":1}]"#;
        assert_eq!(first(s).answer(), "4");
    }

    #[test]
    fn mcqs_and_items_wrappers() {
        for w in ["mcqs", "items"] {
            let s = format!(
                r#"{{"{w}":[{{"question":"2+2?","options":["3","4","5","6"],"answer":"B"}}]}}"#
            );
            assert_eq!(first(&s).answer(), "4");
        }
    }

    #[test]
    fn letter_keyed_options() {
        let s = r#"{"question":"2+2?","options":{"A":"3","B":"4","C":"5","D":"6"},"answer":"b"}"#;
        assert_eq!(first(s).answer(), "4");
    }

    #[test]
    fn labelled_options_are_stripped() {
        let s = r#"[{"question":"2+2?","options":["A) 3","B) 4","C) 5","D) 6"],"answer":"B) 4"}]"#;
        let q = first(s);
        assert_eq!(q.options, vec!["3", "4", "5", "6"]);
        assert_eq!(q.answer_index, 1);
    }

    #[test]
    fn answer_as_lowercase_letter_text_and_correct_answer() {
        let base = r#"[{"question":"2+2?","options":["3","4","5","6"],FIELD}]"#;
        for field in [
            r#""answer":"b""#,
            r#""answer":"4""#,
            r#""correct_answer":"B""#,
            r#""answer":"(B)""#,
            r#""answer_index":1"#,
        ] {
            assert_eq!(
                first(&base.replace("FIELD", field)).answer_index,
                1,
                "{field}"
            );
        }
    }

    #[test]
    fn extra_fields_and_trailing_commas() {
        let s = r#"{"questions":[{"question":"2+2?","topic":"sums","options":["3","4","5","6",],"answer_index":1,"difficulty":"easy",},]}"#;
        let q = first(s);
        assert_eq!(q.difficulty.as_deref(), Some("easy"));
    }

    #[test]
    fn truncated_output_keeps_whole_questions() {
        let s = r#"{"questions":[{"question":"2+2?","options":["3","4","5","6"],"answer_index":1},{"question":"3+3?","options":["6","7","8","9"],"answer_index":0},{"question":"4+4?","options":["8","9"#;
        let p = parse_questions(s, 4);
        assert_eq!(p.good.len(), 2);
    }

    #[test]
    fn broken_items_are_refused_not_written() {
        let s = r#"[{"question":"a?","options":["x","x","y","z"],"answer_index":0},
                    {"question":"b?","options":["x","y","z","w"],"answer":"Q"},
                    {"question":"c?","options":["x","y","z"],"answer_index":0},
                    {"question":"","options":["x","y","z","w"],"answer_index":0},
                    {"question":"d?","options":["p","q","r","s"],"answer_index":3}]"#;
        let p = parse_questions(s, 4);
        assert_eq!(p.good.len(), 1);
        assert_eq!(p.rejected.len(), 4);
    }

    #[test]
    fn prose_only_is_unreadable() {
        assert!(parse_questions("I cannot help with that.", 4).unreadable);
    }
}
