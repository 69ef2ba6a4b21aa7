//! `quizgen stats [--json]`: capacity and the state of every key and lane, from config and
//! pool state only (no network).

use anyhow::Result;

use super::Context;
use crate::cli::StatsArgs;
use crate::error::code;
use crate::pool::Pool;

pub(crate) fn run(ctx: &Context, args: StatsArgs) -> Result<u8> {
    let cfg = ctx.require_keys(args.keys.as_deref())?;
    let mut pool = Pool::open(&cfg, &ctx.state)?;
    let report = crate::stats::report(&mut pool, args.quiz_size.max(1))?;
    if args.json {
        crate::outln!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        crate::out!("{}", crate::stats::render_table(&report));
    }
    Ok(code::OK)
}
