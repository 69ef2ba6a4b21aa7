//! What quizgen asks a model: the messages, the JSON schema, and the token sizing of a request.

use serde_json::{Value, json};

use crate::dialect::{Dialect, JsonFormat, TokenField};

/// What one request asks for.
#[derive(Debug, Clone)]
pub(crate) struct Ask<'a> {
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
pub(crate) const DEFAULT_TOKENS_PER_QUESTION: u64 = 140;

/// Whether the model reasons before answering (its reasoning counts in completion tokens).
pub(crate) fn is_reasoning_model(model: &str) -> bool {
    let m = model.to_ascii_lowercase();
    m.contains("gpt-oss")
        || m.contains("qwen3")
        || m.contains("deepseek-r1")
        || m.starts_with("o1")
        || m.starts_with("o3")
        || m.starts_with("o4")
}

/// Strict `json_schema` works on the gpt-oss models only; others get `json_object`.
pub(crate) fn supports_strict_schema(model: &str) -> bool {
    model.to_ascii_lowercase().contains("gpt-oss")
}

/// How much room a model's answers need: content tokens per question and reasoning tokens per
/// answer. Starts from defaults (or the pool's history) and learns from every answer, so that
/// `max_completion_tokens` is enough (too little cuts the answer) and no more (the provider
/// reserves all of it against the per-minute budget).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sizing {
    pub per_question: u64,
    pub reasoning: u64,
    /// What the provider bills for a prompt, per thousand tokens of our estimate: its
    /// tokenizer is not ours, and reserving too much wastes the end of every minute.
    pub prompt_permille: u64,
}

impl Sizing {
    pub(crate) fn for_model(model: &str, per_question: Option<u64>) -> Sizing {
        Sizing {
            per_question: per_question.unwrap_or(DEFAULT_TOKENS_PER_QUESTION),
            reasoning: if is_reasoning_model(model) { 350 } else { 0 },
            prompt_permille: 1000,
        }
    }

    /// The prompt tokens a request whose prompt we estimate at `estimate` will be billed, as
    /// this model's answers have shown so far.
    pub(crate) fn prompt_cost(&self, estimate: u64) -> u64 {
        (estimate * self.prompt_permille).div_ceil(1000)
    }

    /// Learns from one answer whose prompt we estimated at `estimate` and the provider billed
    /// `billed`: a higher count is believed at once (with 2% to spare), a lower one half-way,
    /// so a prompt is never reserved for less than it was last billed.
    pub(crate) fn learn_prompt(&mut self, estimate: u64, billed: u64) {
        if estimate == 0 || billed == 0 {
            return;
        }
        let seen = (billed * 1020 / estimate).clamp(300, 4000);
        self.prompt_permille = seen.max(u64::midpoint(self.prompt_permille, seen));
    }

    /// `max_completion_tokens` for a batch of `count` questions: a quarter more than the
    /// content should take, plus the reasoning room.
    pub(crate) fn budget(&self, count: usize) -> u64 {
        self.per_question.max(40) * count as u64 * 5 / 4 + 40 + self.reasoning
    }

    /// Learns from one answer: `written` items came back in `content_tokens`, after
    /// `reasoning_tokens` of reasoning; `cut` when `max_completion_tokens` ran out.
    pub(crate) fn learn(
        &mut self,
        cut: bool,
        content_tokens: u64,
        reasoning_tokens: u64,
        written: usize,
    ) {
        if cut {
            self.per_question = self.per_question * 3 / 2;
            self.reasoning = self.reasoning * 3 / 2;
            return;
        }
        if written > 0 {
            let measured = content_tokens / written as u64;
            self.per_question = ((self.per_question + 3 * measured) / 4).max(40);
        }
        if self.reasoning > 0 {
            // Half-way towards one and a half times what was used: reasoning varies a lot. An
            // answer that used none (or did not say) brings the room down too: room reserved
            // and never used is a minute's budget lost where max_completion_tokens is counted
            // at admission (Groq); an answer cut short raises it again above.
            self.reasoning = u64::midpoint(self.reasoning, reasoning_tokens * 3 / 2).max(64);
        }
    }
}

/// A rough count of the tokens a text costs (about 3.5 characters a token, rounded up).
pub(crate) fn estimate_tokens(text: &str) -> u64 {
    (text.chars().count() as u64 * 2).div_ceil(7) + 4
}

pub(crate) fn system_message() -> &'static str {
    "You write multiple-choice questions for teachers. You answer with JSON only, no prose."
}

/// The user message for one batch to `model`.
pub(crate) fn user_message(ask: &Ask<'_>, model: &str) -> String {
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
pub(crate) fn response_format(model: &str) -> Value {
    if supports_strict_schema(model) {
        schema_format()
    } else {
        json!({"type": "json_object"})
    }
}

/// The quiz's JSON schema as a response format.
fn schema_format() -> Value {
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

/// The parameters a lane's requests carry, in the form its provider takes: from the dialect
/// and the model at first, then without what the provider refused (`without`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Shape {
    /// The completion cap's name; `None` once both names were refused.
    pub tokens: Option<TokenField>,
    pub temperature: bool,
    /// `None` once every response format was refused.
    pub json: Option<JsonFormat>,
    pub reasoning_effort: bool,
    /// The cap names already refused, so that a refusal never loops.
    refused_max_tokens: bool,
    refused_max_completion_tokens: bool,
}

impl Shape {
    pub(crate) fn for_lane(dialect: Dialect, model: &str) -> Shape {
        let c = dialect.conventions();
        Shape {
            tokens: Some(c.tokens),
            temperature: !crate::dialect::fixed_temperature(model),
            json: Some(c.json),
            reasoning_effort: supports_strict_schema(model),
            refused_max_tokens: false,
            refused_max_completion_tokens: false,
        }
    }

    /// The shape without `param` (or with it in the other form a provider may take), or `None`
    /// when it was already left out: then the lane cannot be served as it is.
    pub(crate) fn without(mut self, param: &str) -> Option<Shape> {
        match param {
            "temperature" if self.temperature => self.temperature = false,
            "reasoning_effort" if self.reasoning_effort => self.reasoning_effort = false,
            "max_tokens" if self.tokens == Some(TokenField::MaxTokens) => {
                self.refused_max_tokens = true;
                self.tokens = (!self.refused_max_completion_tokens)
                    .then_some(TokenField::MaxCompletionTokens);
            }
            "max_completion_tokens" if self.tokens == Some(TokenField::MaxCompletionTokens) => {
                self.refused_max_completion_tokens = true;
                self.tokens = (!self.refused_max_tokens).then_some(TokenField::MaxTokens);
            }
            "response_format" if self.json == Some(JsonFormat::Object) => {
                self.json = Some(JsonFormat::Schema);
            }
            "response_format" if self.json == Some(JsonFormat::Schema) => self.json = None,
            _ => return None,
        }
        Some(self)
    }

    /// Writes the shape's parameters into a request body; `object` and `schema` are the
    /// response formats of each kind for this request.
    fn apply(
        self,
        body: &mut Value,
        max_tokens: u64,
        temperature: f64,
        object: Value,
        schema: Value,
    ) {
        if let Some(t) = self.tokens {
            body[t.name()] = json!(max_tokens);
        }
        if self.temperature {
            body["temperature"] = json!(temperature);
        }
        match self.json {
            Some(JsonFormat::Object) => body["response_format"] = object,
            Some(JsonFormat::Schema) => body["response_format"] = schema,
            None => {}
        }
        if self.reasoning_effort {
            body["reasoning_effort"] = json!("low");
        }
    }
}

/// The whole request body.
pub(crate) fn request_body(model: &str, ask: &Ask<'_>, max_tokens: u64, shape: Shape) -> Value {
    let mut body = json!({
        "model": model,
        "messages": [
            {"role": "system", "content": system_message()},
            {"role": "user", "content": user_message(ask, model)}
        ],
    });
    shape.apply(
        &mut body,
        max_tokens,
        0.7,
        response_format(model),
        schema_format(),
    );
    body
}

/// The system message of a blind solve.
const SOLVER_SYSTEM: &str =
    "You are an expert examiner. You answer multiple-choice questions with JSON only, no prose.";

/// The user message of a blind solve: the questions numbered, their options lettered, no key
/// and no explanation (docs/verification.md).
pub(crate) fn solve_message(questions: &[&crate::mcq::Mcq]) -> String {
    let mut m = String::from(
        "Answer each multiple-choice question below: choose the one correct option.\n\
         Answer in JSON: {\"answers\": [{\"n\": 1, \"letter\": \"B\"}, ...]}, one item per question, in order.\n",
    );
    for (i, q) in questions.iter().enumerate() {
        m.push_str(&format!("\n{}. {}\n", i + 1, one_line(&q.question)));
        for (j, o) in q.options.iter().enumerate() {
            m.push_str(&format!("{}. {}\n", (b'A' + j as u8) as char, one_line(o)));
        }
    }
    m
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Completion room a blind solve of `n` questions needs (each answer is a few tokens).
pub(crate) fn solve_budget(model: &str, n: usize) -> u64 {
    let reasoning = if is_reasoning_model(model) { 600 } else { 0 };
    40 + 16 * n as u64 + reasoning
}

/// The whole request body of a blind solve.
pub(crate) fn solve_body(
    model: &str,
    questions: &[&crate::mcq::Mcq],
    max_tokens: u64,
    shape: Shape,
) -> Value {
    let mut body = json!({
        "model": model,
        "messages": [
            {"role": "system", "content": SOLVER_SYSTEM},
            {"role": "user", "content": solve_message(questions)}
        ],
    });
    let schema = json!({
        "type": "json_schema",
        "json_schema": {"name": "answers", "schema": {
            "type": "object",
            "properties": {"answers": {"type": "array", "items": {
                "type": "object",
                "properties": {"n": {"type": "integer"}, "letter": {"type": "string"}},
                "required": ["n", "letter"]
            }}},
            "required": ["answers"]
        }}
    });
    shape.apply(
        &mut body,
        max_tokens,
        0.0,
        json!({"type": "json_object"}),
        schema,
    );
    body
}

/// Prompt tokens of a blind solve, estimated before sending.
pub(crate) fn solve_prompt_tokens(questions: &[&crate::mcq::Mcq]) -> u64 {
    estimate_tokens(SOLVER_SYSTEM) + estimate_tokens(&solve_message(questions)) + 12
}

/// Prompt tokens of a request to `model`, estimated before sending.
pub(crate) fn prompt_tokens(ask: &Ask<'_>, model: &str) -> u64 {
    estimate_tokens(system_message()) + estimate_tokens(&user_message(ask, model)) + 12
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tides() -> Ask<'static> {
        Ask {
            subject: "tides",
            count: 5,
            options: 4,
            difficulty: "medium",
            language: "English",
            avoid: &[],
            source: None,
        }
    }

    #[test]
    fn strict_schema_only_on_gpt_oss_and_low_reasoning() {
        let ask = tides();
        let oss = Shape::for_lane(Dialect::Groq, "openai/gpt-oss-20b");
        let b = request_body("openai/gpt-oss-20b", &ask, 900, oss);
        assert_eq!(b["response_format"]["type"], "json_schema");
        assert_eq!(b["reasoning_effort"], "low");
        assert_eq!(b["max_completion_tokens"], 900);
        let plain = Shape::for_lane(Dialect::Groq, "mistral-small");
        let b = request_body("mistral-small", &ask, 900, plain);
        assert_eq!(b["response_format"]["type"], "json_object");
        assert!(b.get("reasoning_effort").is_none());
        assert!(user_message(&ask, "m").contains("JSON"));
        assert!(user_message(&ask, "m").len() > user_message(&ask, "openai/gpt-oss-20b").len());
    }

    #[test]
    fn each_provider_gets_the_parameters_it_takes() {
        let ask = tides();
        let body = |d, m| request_body(m, &ask, 500, Shape::for_lane(d, m));
        let mistral = body(Dialect::Mistral, "mistral-small-latest");
        assert_eq!(mistral["max_tokens"], 500);
        assert!(mistral.get("max_completion_tokens").is_none());
        let gpt5 = body(Dialect::Openai, "gpt-5-mini");
        assert!(gpt5.get("temperature").is_none());
        assert_eq!(gpt5["max_completion_tokens"], 500);
        assert_eq!(body(Dialect::Openai, "gpt-4.1-mini")["temperature"], 0.7);
        let lms = body(Dialect::Lmstudio, "qwen3-8b");
        assert_eq!(lms["response_format"]["type"], "json_schema");
        assert_eq!(body(Dialect::Ollama, "llama3.2")["max_tokens"], 500);
    }

    #[test]
    fn a_refused_parameter_is_left_out_or_changed_never_twice() {
        let s = Shape::for_lane(Dialect::Unknown, "gpt-4.1-mini");
        let s = s.without("max_tokens").unwrap();
        assert_eq!(s.tokens, Some(TokenField::MaxCompletionTokens));
        let s = s.without("max_completion_tokens").unwrap();
        assert_eq!(s.tokens, None);
        assert!(s.without("max_tokens").is_none());
        let s = s.without("temperature").unwrap();
        assert!(s.without("temperature").is_none());
        let s = s.without("response_format").unwrap();
        assert_eq!(s.json, Some(JsonFormat::Schema));
        let s = s.without("response_format").unwrap();
        assert_eq!(s.json, None);
        assert!(s.without("response_format").is_none());
        assert!(s.without("seed").is_none());
    }

    #[test]
    fn budget_grows_with_batch_and_reasoning_and_learns() {
        let oss = Sizing::for_model("openai/gpt-oss-20b", None);
        let plain = Sizing::for_model("mistral", None);
        assert!(oss.budget(10) > plain.budget(10));
        assert!(plain.budget(10) > plain.budget(2));
        let mut s = oss;
        for _ in 0..10 {
            s.learn(false, 800, 100, 10);
        }
        assert!(s.per_question < 90 && s.per_question >= 80, "{s:?}");
        assert!(s.reasoning < 200 && s.reasoning >= 150, "{s:?}");
        let before = s.budget(10);
        s.learn(true, 0, 0, 0);
        assert!(s.budget(10) > before);
    }

    #[test]
    fn prompt_cost_follows_what_the_provider_billed() {
        let mut s = Sizing::for_model("mistral", None);
        assert_eq!(s.prompt_cost(300), 300);
        // Billed less than estimated: the reservation comes down half-way each answer.
        for _ in 0..6 {
            s.learn_prompt(300, 255);
        }
        let low = s.prompt_cost(300);
        assert!((260..=264).contains(&low), "{low}");
        // Billed more: believed at once, so the next reservation covers it.
        s.learn_prompt(300, 330);
        assert!(s.prompt_cost(300) >= 330, "{}", s.prompt_cost(300));
        // No usage reported: nothing learned.
        s.learn_prompt(300, 0);
        assert!(s.prompt_cost(300) >= 330);
    }
}
