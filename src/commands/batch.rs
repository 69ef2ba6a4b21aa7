//! `quizgen batch SUBJECTS_FILE`: tops up the bank for every subject of a file, through the
//! pool, for cron. Prints a summary table; exits 3 when budgets ran out first.

use std::path::Path;

use anyhow::Result;

use super::Context;
use crate::bank::Shelf;
use crate::cli::BatchArgs;
use crate::error::{QuizError, code};
use crate::generate::{Ending, Order};
use crate::plan::{Asked, Naming};
use crate::spec::Difficulty;

/// One line of a subjects file.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SubjectLine {
    pub subject: String,
    pub count: usize,
    pub(crate) difficulty: Difficulty,
    pub language: String,
}

/// Reads `subject[, count[, difficulty[, language]]]` lines; `#` starts a comment.
pub(crate) fn parse_subjects(
    text: &str,
    shown: &str,
    default_count: usize,
    default_difficulty: Difficulty,
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
            Some(d) => Difficulty::named(d).ok_or_else(|| {
                QuizError::Config(format!(
                    "{at}: difficulty \"{d}\" is not easy, medium, hard, mixed or any"
                ))
            })?,
            None => default_difficulty,
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

pub(crate) async fn run(ctx: &Context, args: BatchArgs) -> Result<u8> {
    let defaults = crate::config::defaults(args.run.keys.as_deref())?;
    // A line's count is what the bank keeps for its subject, not a quiz's size: `--count`
    // (20 unless given) stands for it, never `[defaults] count`.
    let asked = Asked {
        count: Some(args.count as usize),
        ..args.run.asked()
    };
    let chosen = asked.choose(&defaults, args.run.settings(), Naming::Flags)?;
    let settings = chosen.settings;
    let path: &Path = &args.subjects_file;
    let shown = path.display().to_string();
    let text = crate::error::read_text(path, 4 * 1024 * 1024)?;
    // The same defaults as `generate` (medium, English), so what batch stocks, generate finds.
    let lines = parse_subjects(
        &text,
        &shown,
        chosen.count,
        chosen.difficulty,
        &chosen.language,
    )?;
    let keys = ctx.require_keys(args.run.keys.as_deref())?;
    let bank = ctx.open_bank()?;
    let n_options = chosen.options;
    let mut rows = Vec::new();
    let mut codes = Vec::new();
    // After a signal, or an ending no later subject would escape (every key dead, the disk
    // full), the rest are skipped.
    let mut stopped = false;
    let (mut refused, mut waited) = (0, std::time::Duration::ZERO);
    let mut verification_refused = 0;
    for line in &lines {
        let shelf = Shelf::new(
            &line.subject,
            line.difficulty.as_str(),
            &line.language,
            n_options,
        );
        let before = bank.unserved_count(&shelf)?;
        let need = line.count.saturating_sub(before);
        let mut status = "full".to_owned();
        let mut added = 0;
        if need > 0 && !stopped {
            let mut dedupe = bank.deduper_for(&line.subject)?;
            let order = Order {
                subject: &line.subject,
                count: need,
                rules: crate::mcq::Rules::new(n_options),
                difficulty: line.difficulty.as_str(),
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
                settings,
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
            if chosen.verify && !bought.got.is_empty() {
                let pending = bought
                    .got
                    .into_iter()
                    .zip(bought.lanes)
                    .map(|(q, lane)| {
                        let w = crate::verify::writer_of(&q, Some(&lane));
                        crate::verify::Pending::new(q, w)
                    })
                    .collect();
                let checked = crate::quiz::check(ctx, settings, &keys, pending).await?;
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
            let exit = ending.exit_code();
            codes.push(exit);
            stopped = exit != code::OK && exit != code::PARTIAL;
            match (&ending, ending.reason()) {
                (Ending::Interrupted(_), _) => status = "interrupted".into(),
                (_, Some(why)) if exit == code::PARTIAL => status = format!("short: {why}"),
                (_, Some(why)) => status = format!("failed: {why}"),
                (_, None) => {}
            }
        } else if stopped {
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
    let exit = crate::spec::worst_exit(codes);
    let added: usize = rows.iter().map(|r| r.3).sum();
    let verification = if chosen.verify {
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
        let l = parse_subjects(t, "s.txt", 20, Difficulty::Medium, "English").unwrap();
        assert_eq!(l.len(), 3);
        assert_eq!(l[0].count, 30);
        assert_eq!(l[1].count, 20);
        assert_eq!(l[1].difficulty, Difficulty::Medium);
        assert_eq!(l[2].language, "French");
        let e =
            parse_subjects("a\nb, many\n", "s.txt", 20, Difficulty::Medium, "English").unwrap_err();
        assert!(e.to_string().starts_with("s.txt:2:"), "{e}");
    }
}
