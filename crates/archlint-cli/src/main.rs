//! The `archlint` command; everything but the exit lives in the library, which
//! the Python package's `archlint` command shares.

use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(archlint_cli::run(std::env::args_os()))
}
