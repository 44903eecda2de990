//! The `anello` binary: parse the command line and hand over to `server::run`.

use clap::Parser;

/// mimalloc gives large blocks back to the system when they are freed. Under glibc's
/// malloc each password check (argon2id, 19 MiB of memory) raised the allocator's
/// threshold for mapping blocks of their own above that size, so the next check's 19 MiB
/// came from a thread's arena and stayed resident after it: seven sign-ins left a
/// replica 117 MB larger, for good.
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
