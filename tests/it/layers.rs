//! The layer order of `src/` (ARCHITECTURE.md), kept true: a top-level module may name only
//! modules below it, so no import runs upward and none closes a circle.

use std::collections::BTreeMap;
use std::path::Path;

/// From the bottom up. A module may use only the modules before it in this list.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "domain",
        &["mcq", "clock", "redact", "error", "spec", "datadir"],
    ),
    ("formats and keys", &["export", "dialect", "config"]),
    ("storage", &["db"]),
    ("providers, pool, bank", &["llm", "pool", "bank", "history"]),
    (
        "pipeline",
        &[
            "progress", "line", "offline", "generate", "verify", "stats", "context", "plan", "quiz",
        ],
    ),
    ("front", &["cli", "commands", "serve"]),
];

/// The top-level modules each file of `src/` names through `crate::`, by module.
fn uses() -> BTreeMap<String, Vec<(String, String)>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(&src).unwrap();
            let first = rel.components().next().unwrap().as_os_str();
            let module = Path::new(first)
                .file_stem()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            if module == "lib" || module == "main" {
                continue;
            }
            // `super::` that climbs out of the module names the crate root, as `crate::` does:
            // once from `src/x.rs` or `src/x/mod.rs`, twice from `src/x/y.rs`.
            let depth = rel.components().count() - usize::from(rel.ends_with("mod.rs"));
            let text = std::fs::read_to_string(&path)
                .unwrap()
                .replace(&"super::".repeat(depth), "crate::");
            let entry = out.entry(module).or_default();
            for used in crate_paths(&text) {
                entry.push((used, rel.display().to_string()));
            }
        }
    }
    out
}

/// The first segment of every `crate::…` path in a file, comments left out; `crate::{a, b::c}`
/// gives `a` and `b`.
fn crate_paths(text: &str) -> Vec<String> {
    let code: String = text
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].ends_with('$') {
            continue; // `$crate::` inside a macro names the crate, not a module
        }
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // Each path of the group: its first segment, up to `::`, `,` or the end.
            let (mut depth, mut word, mut past_first) = (0, String::new(), false);
            for c in group.chars() {
                if depth == 0 && !past_first && (c.is_alphanumeric() || c == '_') {
                    word.push(c);
                    continue;
                }
                if !word.is_empty() {
                    found.push(std::mem::take(&mut word));
                    past_first = true;
                }
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => past_first = false,
                    _ => {}
                }
            }
            if !word.is_empty() {
                found.push(word);
            }
        } else {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            found.push(word);
        }
    }
    found
}

#[test]
fn no_module_names_one_above_it() {
    let order: Vec<&str> = LAYERS.iter().flat_map(|(_, m)| m.iter().copied()).collect();
    let rank = |m: &str| order.iter().position(|x| *x == m);
    let mut wrong = Vec::new();
    let all = uses();
    for (module, used) in &all {
        let Some(mine) = rank(module) else {
            wrong.push(format!(
                "src/{module}: not in the layer list of tests/it/layers.rs"
            ));
            continue;
        };
        for (name, file) in used {
            match rank(name) {
                Some(theirs) if theirs >= mine && name != module => {
                    wrong.push(format!(
                        "src/{file}: {module} uses {name}, which is not below it"
                    ));
                }
                _ => {}
            }
        }
    }
    assert!(all.len() >= 20, "read only {} modules of src/", all.len());
    assert!(
        wrong.is_empty(),
        "imports against the layer order:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_reader_sees_grouped_and_plain_paths() {
    assert_eq!(
        crate_paths(&"use super::super::quiz::Plan;".replace("super::super::", "crate::")),
        ["quiz"]
    );
    let found = crate_paths(
        "use crate::{a::{x, y}, b, f::mcq};\nlet v = crate::c::f(); // crate::d\n$crate::e::V",
    );
    assert_eq!(found, ["a", "b", "f", "c"]);
}
