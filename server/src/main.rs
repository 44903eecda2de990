//! The `anello` binary: parse the command line and hand over to `server::run`.

use clap::Parser;

/// mimalloc gives large blocks back to the system when they are freed. Under glibc's
/// malloc each password check (argon2id, 19 MiB of memory) raised the allocator's
/// threshold for mapping blocks of their own above that size, so the next check's 19 MiB
/// came from a thread's arena and stayed resident after it: seven sign-ins left a
/// replica 117 MB larger, for good.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // Before the runtime's threads exist and allocate (`keep_small_pages`).
    keep_small_pages();
    let cli = server::config::Cli::parse();
    let outcome = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(anyhow::Error::from)
        .and_then(|runtime| runtime.block_on(server::run(cli)));
    match outcome {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("anello: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// Where the kernel hands out transparent huge pages to every process
/// (`/sys/kernel/mm/transparent_hugepage/enabled` set to `always`, as on some
/// distributions), a 2 MiB page the allocator has used once stays resident as a whole
/// even when most of it is freed, and mimalloc cannot give back part of it: a replica on
/// such a machine measured 49 MB against 65 MB at start, 84 MB against 100 MB after a few
/// hundred pages (see the README's memory figures). A web server of small requests gains
/// nothing from huge pages, so it asks for none. The flag belongs to the process, set
/// before the runtime starts; failing to set it costs only memory.
fn keep_small_pages() {
    #[cfg(target_os = "linux")]
    if let Err(error) = nix::sys::prctl::set_thp_disable(true) {
        eprintln!("anello: transparent huge pages stay on ({error})");
    }
}
