//! Units of several symbols ("kg m/s", "N m", "J/(kg °C)"), read whole after a value.
use super::unit_word;

/// The symbols of SI units and their common multiples, which join into compound units.
const SYMBOLS: &[&str] = &[
    "m", "s", "g", "kg", "mg", "km", "cm", "mm", "N", "J", "kJ", "W", "kW", "Pa", "kPa", "K", "°C",
    "C", "A", "V", "Ω", "Hz", "mol", "h", "min", "L", "l", "ml", "mL", "kWh", "cd",
];

/// Whether a unit word is of SI symbols only, joined by "/" or "·" ("m/s²", "kg", "N·m").
fn of_symbols(word: &str) -> bool {
    !word.is_empty()
        && word.split(['/', '·']).all(|p| {
            let p = p.trim_end_matches(['²', '³']);
            SYMBOLS.contains(&p)
        })
}

/// What continues a unit of symbols (`unit`) in `tail`: more symbols after a space ("kg" then
/// " m/s"), or a bracketed divisor ("J" then "/(kg °C)"). None when the unit is no symbol or
/// nothing continues it.
pub(super) fn compound_unit(unit: &str, tail: &str) -> Option<String> {
    if !of_symbols(unit) {
        return None;
    }
    if let Some(inner) = tail.strip_prefix("/(") {
        let close = inner.find(')')?;
        let within = &inner[..close];
        return (within.split_whitespace().all(of_symbols) && close <= 12)
            .then(|| format!("/({within})"));
    }
    let mut more = String::new();
    let mut rest = tail;
    while let Some(after) = rest.strip_prefix(' ') {
        let word = unit_word(after);
        // The word must end where the text's next word or punctuation starts ("m/s." ends).
        let ends = after[word.len()..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        if !ends || !of_symbols(&word) {
            break;
        }
        more.push(' ');
        more.push_str(&word);
        rest = &after[word.len()..];
    }
    (!more.is_empty()).then_some(more)
}
