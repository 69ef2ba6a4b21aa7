//! The binary: parse the command line and run it; `quizgen::main` maps the result to an exit
//! code.

use clap::Parser;

fn main() -> std::process::ExitCode {
    quizgen::main(quizgen::Cli::parse())
}
