//! The `whosaid` binary: the command line ([`cli`]), the scheduler of a check ([`run`]) and the
//! writing of report files ([`write`]). Everything else is the library.

use std::process::ExitCode;

mod cli;
mod gather;
mod registry_cmd;
mod report_cmd;
mod run;
mod write;

fn main() -> ExitCode {
    cli::main()
}

/// mimalloc: the pipeline allocates a small string per token and per report field, which the
/// system allocator serves at about twice the cost (and with contention across threads).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
