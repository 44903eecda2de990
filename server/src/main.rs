//! The `anello` binary: parse the command line and hand over to `server::run`.

use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let cli = server::config::Cli::parse();
    match server::run(cli).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("anello: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
