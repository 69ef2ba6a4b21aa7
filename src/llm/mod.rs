//! Talking to OpenAI-compatible providers: the client, the rate-limit headers, the prompt and
//! the tolerant parser of what comes back.

pub(crate) mod client;
pub(crate) mod headers;
pub(crate) mod parse;
pub(crate) mod prompt;
