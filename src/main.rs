use std::process::ExitCode;

fn main() -> ExitCode {
    whosaid_cli::main()
}

#[path = "cli.rs"]
mod whosaid_cli;
