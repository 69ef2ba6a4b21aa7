//! Talking to OpenAI-compatible providers: the client, the rate-limit headers, the prompt and
//! the tolerant parser of what comes back.

pub mod client;
pub mod headers;
pub mod parse;
pub mod prompt;
