//! The `anello` binary: parse the command line and hand over to `server::run`.

use clap::Parser;

/// mimalloc returns freed memory to the system and keeps no arena per thread: under
/// glibc's malloc, the arenas of the worker and blocking threads held most of a
/// replica's resident memory (`cargo bench -p server --bench memory`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
