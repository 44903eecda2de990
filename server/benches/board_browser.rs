//! The bed board at 1000 beds in Chromium: generates the board benchmark's network
//! (100 structures, 1000 beds, 800 current and 20 000 past placements) into a SQLite file,
//! then `.ci/bench-board-browser.sh` serves it with the release build and measures, in two
//! browsers, the first render and hydration of the whole board and the time from a drop
//! in one to the change shown in the other (`end2end/bench/board-drop.mjs`).
//!
//! `cargo bench -p server --bench board_browser` (part of `make bench`), after `make
//! build`: the page loads the release build's hashed assets.

#[path = "common/mod.rs"]
mod common;
#[path = "board/generate.rs"]
mod generate;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let (db, file) = common::demo_database("board_browser").await;
    generate::generate(&db, true).await;
    db.close().await.expect("the generated database closed");
    let workspace = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let status = std::process::Command::new(format!("{workspace}/.ci/bench-board-browser.sh"))
        .arg(&file.0)
        .current_dir(workspace)
        .status()
        .expect("the browser benchmark's script");
    assert!(status.success(), "the browser benchmark failed: {status}");
}
