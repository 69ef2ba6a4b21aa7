//! What quizgen asks a model: the messages, the JSON schema, and the token sizing of a request.

use serde_json::{Value, json};

/// What one request asks for.
#[derive(Debug, Clone)]
pub struct Ask<'a> {
    pub subject: &'a str,
    pub count: usize,
    pub options: usize,
    pub difficulty: &'a str,
    pub language: &'a str,
    /// Right answers already tested, so the model moves on to other concepts.
    pub avoid: &'a [String],
    /// A passage of the user's source text, when questions must come from it.
    pub source: Option<&'a str>,
}

/// Completion tokens a question takes when nothing has been measured yet.
pub const DEFAULT_TOKENS_PER_QUESTION: u64 = 140;

/// Whether the model reasons before answering (its reasoning counts in completion tokens).
pub fn is_reasoning_model(model: &str) -> bool {
    let m = model.to_ascii_lowercase();
    m.contains("gpt-oss")
        || m.contains("qwen3")
        || m.contains("deepseek-r1")
        || m.starts_with("o1")
        || m.starts_with("o3")
        || m.starts_with("o4")
}

/// Strict `json_schema` works on the gpt-oss models only; others get `json_object`.
pub fn supports_strict_schema(model: &str) -> bool {
    model.to_ascii_lowercase().contains("gpt-oss")
}

/// `max_completion_tokens` for a batch: enough for the questions plus reasoning room, and no
/// more, since the provider reserves all of it against the per-minute budget.
pub fn completion_budget(count: usize, model: &str, tokens_per_question: u64) -> u64 {
    let per_q = tokens_per_question.max(60);
    let content = per_q * count as u64 * 5 / 4 + 40;
    let reasoning = if is_reasoning_model(model) { 350 } else { 0 };
    content + reasoning
}

/// A rough count of the tokens a text costs (about 3.5 characters a token, rounded up).
pub fn estimate_tokens(text: &str) -> u64 {
    (text.chars().count() as u64 * 2).div_ceil(7) + 4
}

pub fn system_message() -> &'static str {
    "You write multiple-choice questions for teachers. You answer with JSON only, no prose."
}

/// The user message for one batch to `model`.
pub fn user_message(ask: &Ask<'_>, model: &str) -> String {
    let mut m = format!(
        "Write {n} multiple-choice questions about \"{subject}\" in {lang}, difficulty {diff}.\n\
         - Each question has exactly {k} options and exactly one correct; no letter labels, no \"all/none of the above\" or \"both A and B\".\n\
         - Options alike in length and kind; the correct one not the longest; no \"always\"/\"never\" distractors.\n\
         - Each question tests a different sub-topic; every distractor is clearly wrong to an expert.\n\
         - Question under 120 characters, options under 75; explanation: one sentence on why the answer is right.\n",
        n = ask.count,
        subject = ask.subject,
        lang = ask.language,
        diff = ask.difficulty,
        k = ask.options,
    );
    if let Some(src) = ask.source {
        m.push_str("- Use only facts from this source text:\n\"\"\"\n");
        m.push_str(src);
        m.push_str("\n\"\"\"\n");
    }
    if !ask.avoid.is_empty() {
        // Right answers are short: naming the concepts already tested steers the model to new
        // ones for a fraction of the prompt tokens whole stems would cost.
        m.push_str("Concepts already tested (do not test again): ");
        let shown: Vec<String> = ask
            .avoid
            .iter()
            .rev()
            .take(AVOID_SHOWN)
            .map(|s| s.chars().take(40).collect())
            .collect();
        m.push_str(&shown.join("; "));
        m.push('\n');
    }
    if supports_strict_schema(model) {
        // The schema fixes the shape; the prompt only has to say JSON.
        m.push_str("Answer in JSON; answer_index is the 0-based position of the correct option.");
    } else {
        m.push_str(
            "Answer in JSON: {\"questions\": [{\"question\": \"...\", \"options\": [\"...\"], \
             \"answer_index\": 0, \"explanation\": \"...\"}]}; answer_index is the 0-based position of the correct option.",
        );
    }
    m
}

/// Answers of earlier questions shown to the model in later requests.
const AVOID_SHOWN: usize = 8;

/// The `response_format` for a model.
pub fn response_format(model: &str) -> Value {
    if !supports_strict_schema(model) {
        return json!({"type": "json_object"});
    }
    json!({
        "type": "json_schema",
        "json_schema": {
            "name": "quiz",
            "strict": true,
            "schema": {
                "type": "object",
                "properties": {
                    "questions": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": {
                                "question": {"type": "string"},
                                "options": {"type": "array", "items": {"type": "string"}},
                                "answer_index": {"type": "integer"},
                                "explanation": {"type": "string"}
                            },
                            "required": ["question", "options", "answer_index", "explanation"],
                            "additionalProperties": false
                        }
                    }
                },
                "required": ["questions"],
                "additionalProperties": false
            }
        }
    })
}

/// The whole request body.
pub fn request_body(model: &str, ask: &Ask<'_>, max_completion_tokens: u64) -> Value {
    let mut body = json!({
        "model": model,
        "messages": [
            {"role": "system", "content": system_message()},
            {"role": "user", "content": user_message(ask, model)}
        ],
        "response_format": response_format(model),
        "max_completion_tokens": max_completion_tokens,
        "temperature": 0.7
    });
    if supports_strict_schema(model) {
        body["reasoning_effort"] = json!("low");
    }
    body
}

/// Prompt tokens of a request to `model`, estimated before sending.
pub fn prompt_tokens(ask: &Ask<'_>, model: &str) -> u64 {
    estimate_tokens(system_message()) + estimate_tokens(&user_message(ask, model)) + 12
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strict_schema_only_on_gpt_oss_and_low_reasoning() {
        let ask = Ask {
            subject: "tides",
            count: 5,
            options: 4,
            difficulty: "medium",
            language: "English",
            avoid: &[],
            source: None,
        };
        let b = request_body("openai/gpt-oss-20b", &ask, 900);
        assert_eq!(b["response_format"]["type"], "json_schema");
        assert_eq!(b["reasoning_effort"], "low");
        let b = request_body("mistral-small", &ask, 900);
        assert_eq!(b["response_format"]["type"], "json_object");
        assert!(b.get("reasoning_effort").is_none());
        assert!(user_message(&ask, "m").contains("JSON"));
        assert!(user_message(&ask, "m").len() > user_message(&ask, "openai/gpt-oss-20b").len());
    }

    #[test]
    fn budget_grows_with_batch_and_reasoning() {
        assert!(
            completion_budget(10, "openai/gpt-oss-20b", 140)
                > completion_budget(10, "mistral", 140)
        );
        assert!(completion_budget(10, "m", 140) > completion_budget(2, "m", 140));
    }
}
