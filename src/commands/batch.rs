//! `quizgen batch SUBJECTS_FILE`: tops up the bank for every subject of a file, through the
//! pool, for cron. Prints a summary table; exits 3 when budgets ran out first.

use std::path::Path;

use anyhow::Result;

use super::Context;
use crate::bank::Shelf;
use crate::cli::BatchArgs;
use crate::error::{QuizError, code};
use crate::generate::{Ending, Order};

/// One line of a subjects file.
#[derive(Debug, Clone, PartialEq)]
pub struct SubjectLine {
    pub subject: String,
    pub count: usize,
    pub difficulty: String,
    pub language: String,
}

/// Reads `subject[, count[, difficulty[, language]]]` lines; `#` starts a comment.
pub fn parse_subjects(
    text: &str,
    shown: &str,
    default_count: usize,
    default_difficulty: &str,
    default_language: &str,
) -> Result<Vec<SubjectLine>> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let at = format!("{shown}:{}", i + 1);
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if fields.len() > 4 {
            return Err(QuizError::Config(format!("{at}: too many fields (subject, count, difficulty, language); a subject may not contain commas")).into());
        }
        let subject = fields[0];
        if subject.is_empty() {
            return Err(QuizError::Config(format!("{at}: the subject is empty")).into());
        }
        let count = match fields.get(1).filter(|f| !f.is_empty()) {
            Some(c) => c
                .parse::<usize>()
                .ok()
                .filter(|n| (1..=10000).contains(n))
                .ok_or_else(|| {
                    QuizError::Config(format!(
                        "{at}: count \"{c}\" is not a number from 1 to 10000"
                    ))
                })?,
            None => default_count,
        };
        let difficulty = match fields.get(2).filter(|f| !f.is_empty()) {
            Some(d) => {
                let d = d.to_ascii_lowercase();
                if !["easy", "medium", "hard", "mixed", "any"].contains(&d.as_str()) {
                    return Err(QuizError::Config(format!(
                        "{at}: difficulty \"{d}\" is not easy, medium, hard, mixed or any"
                    ))
                    .into());
                }
                if d == "any" { "mixed".to_owned() } else { d }
            }
            None => default_difficulty.to_owned(),
        };
        let language = fields
            .get(3)
            .filter(|f| !f.is_empty())
            .map_or(default_language.to_owned(), |l| (*l).to_owned());
        out.push(SubjectLine {
            subject: subject.to_owned(),
            count,
            difficulty,
            language,
        });
    }
    if out.is_empty() {
        return Err(QuizError::Config(format!("{shown}: no subjects in the file")).into());
    }
    Ok(out)
}

pub async fn run(ctx: &Context, mut args: BatchArgs) -> Result<u8> {
    args.run
        .apply(&crate::config::defaults(args.run.keys.as_deref())?);
    let path: &Path = &args.subjects_file;
    let shown = path.display().to_string();
    let text = crate::error::read_text(path, 4 * 1024 * 1024)?;
    // The same default as `generate` (medium), so what batch stocks, generate finds.
    let default_diff = args.run.difficulty().as_str();
    let lines = parse_subjects(
        &text,
        &shown,
        args.count as usize,
        default_diff,
        &args.run.language(),
    )?;
    let keys = ctx.require_keys(args.run.keys.as_deref())?;
    let bank = ctx.open_bank()?;
    let n_options = args.run.options as usize;
    let mut rows = Vec::new();
    let mut short = false;
    let mut interrupted: Option<u8> = None;
    let mut failed = false;
    let (mut refused, mut waited) = (0, std::time::Duration::ZERO);
    let mut verification_refused = 0;
    for line in &lines {
        let shelf = Shelf::new(&line.subject, &line.difficulty, &line.language, n_options);
        let before = bank.unserved_count(&shelf)?;
        let need = line.count.saturating_sub(before);
        let mut status = "full".to_owned();
        let mut added = 0;
        if need > 0 && interrupted.is_none() && !failed {
            let mut dedupe = bank.deduper_for(&line.subject)?;
            let order = Order {
                subject: &line.subject,
                count: need,
                rules: crate::mcq::Rules::new(n_options),
                difficulty: &line.difficulty,
                language: &line.language,
                chunks: &[],
                source_hash: None,
                for_quiz: false,
            };
            ctx.info(&format!(
                "{}: {before} unserved, buying {need}",
                line.subject
            ));
            let bought = crate::quiz::purchase(
                ctx,
                args.run.settings(),
                &keys,
                Some(&bank),
                &shelf,
                &mut dedupe,
                &order,
                0,
            )
            .await?;
            added = bought.got.len();
            refused += bought.refused;
            waited += bought.waited;
            let mut ending = bought.ending;
            if args.run.verify && !bought.got.is_empty() {
                let pending = bought
                    .got
                    .into_iter()
                    .zip(bought.lanes)
                    .map(|(q, lane)| {
                        let w = crate::verify::writer_of(&q, Some(&lane));
                        crate::verify::Pending::new(q, w)
                    })
                    .collect();
                let checked = crate::quiz::check(ctx, args.run.settings(), &keys, pending).await?;
                crate::quiz::record_verdicts(ctx, Some(&bank), &line.subject, &checked);
                added = checked.agreed.len();
                waited += checked.waited;
                verification_refused += checked.refused.len();
                if !checked.refused.is_empty() {
                    status = format!(
                        "{} refused by verification (the next run replaces them)",
                        checked.refused.len()
                    );
                }
                if ending == Ending::Done {
                    ending = checked.ending;
                }
            }
            match ending {
                Ending::Done => {}
                Ending::Short(why) | Ending::Closed(why) | Ending::Unreachable(why) => {
                    short = true;
                    status = format!("short: {why}");
                }
                Ending::Failed(why) => {
                    failed = true;
                    status = format!("failed: {why}");
                }
                Ending::Interrupted(code) => {
                    interrupted = Some(code);
                    status = "interrupted".into();
                }
            }
        } else if interrupted.is_some() || failed {
            status = "skipped".into();
        }
        rows.push((line.subject.clone(), line.count, before, added, status));
    }
    crate::outln!(
        "{:<32} {:>6} {:>7} {:>6}  status",
        "subject",
        "target",
        "before",
        "added"
    );
    for (s, target, before, added, status) in &rows {
        crate::outln!(
            "{:<32} {:>6} {:>7} {:>6}  {status}",
            crate::export::shortened(s, 32),
            target,
            before,
            added
        );
    }
    let exit = if let Some(code) = interrupted {
        code
    } else if failed {
        code::ERROR
    } else if short {
        code::PARTIAL
    } else {
        code::OK
    };
    let added: usize = rows.iter().map(|r| r.3).sum();
    let verification = if args.run.verify {
        format!(", {verification_refused} refused by verification")
    } else {
        String::new()
    };
    ctx.info(&format!(
        "summary: {} subjects, bought {added}, refused {refused}{verification}, waited {}, exit {exit}",
        rows.len(),
        crate::generate::short_duration(waited)
    ));
    Ok(exit)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_defaults_comments_and_errors() {
        let t =
            "# nightly\nPhotosynthesis, 30, easy\nWorld War II # popular\nFractions,,hard,French\n";
        let l = parse_subjects(t, "s.txt", 20, "medium", "English").unwrap();
        assert_eq!(l.len(), 3);
        assert_eq!(l[0].count, 30);
        assert_eq!(l[1].count, 20);
        assert_eq!(l[1].difficulty, "medium");
        assert_eq!(l[2].language, "French");
        let e = parse_subjects("a\nb, many\n", "s.txt", 20, "medium", "English").unwrap_err();
        assert!(e.to_string().starts_with("s.txt:2:"), "{e}");
    }
}
