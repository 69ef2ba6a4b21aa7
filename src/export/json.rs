//! JSON: the output contract, pretty-printed.

use anyhow::Result;

use super::Quiz;

pub(super) fn render(quiz: &Quiz) -> Result<String> {
    let mut s = serde_json::to_string_pretty(quiz)?;
    s.push('\n');
    Ok(s)
}
