//! The browser entry point: hydrate the server-rendered page and nothing else.

use leptos::prelude::*;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Pages are lazy routes (app/src/pages.rs): hydration waits for the files of the page's
    // group, which the server already asked the browser to preload, so it is asynchronous.
    _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async {
        leptos::mount::hydrate_from_async(document().body().expect("a page has a body"), app::App)
            .await
            .forget();
        // The page is interactive from here: `html[data-hydrated]` tells the first-load
        // benchmark and the browser tests (and anyone debugging a page) that hydration
        // has finished.
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
    });
}
