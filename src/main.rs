//! The binary: parse, run, map errors to exit codes — nothing else.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = quizgen::cli::Cli::parse();
    match quizgen::run(cli) {
        Ok(code) => ExitCode::from(code),
        // A reader that stopped reading (`| head`) is not an error.
        Err(err) if quizgen::error::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            quizgen::progress::line(&format!(
                "quizgen: error: {}",
                quizgen::error::one_line(&err)
            ));
            quizgen::error::exit_code_of(&err)
        }
    }
}
