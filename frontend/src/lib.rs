//! The browser entry point: hydrate the server-rendered page and nothing else.

use leptos::prelude::*;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    // Pages are lazy routes (app/src/pages.rs): hydration waits for the files of the page's
    // group, which the server already asked the browser to preload, so it is asynchronous.
    _ = any_spawner::Executor::init_wasm_bindgen();
    let guard = FollowLinksUntilHydrated::install();
    leptos::task::spawn_local(async move {
        leptos::mount::hydrate_from_async(document().body().expect("a page has a body"), app::App)
            .await
            .forget();
        drop(guard);
        // The page is interactive from here: `html[data-hydrated]` tells the first-load
        // benchmark and the browser tests (and anyone debugging a page) that hydration
        // has finished.
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "");
        }
    });
}

/// Until the page has hydrated, a link followed or a form sent is the browser's to handle,
/// as on a page without JavaScript. The router starts listening before the lazy parts of
/// the page have hydrated; a client-side navigation begun then changed the page under the
/// hydration, which found other elements than the ones it expected and stopped: the page
/// no longer answered (seen in the browser tests when a link was clicked as the page
/// appeared). A listener on the window, in the capture phase, keeps those events from the
/// page's handlers (the browser's own action still happens) and is removed once hydrated.
struct FollowLinksUntilHydrated {
    listener: Option<wasm_bindgen::closure::Closure<dyn FnMut(web_sys::Event)>>,
}

const GUARDED_EVENTS: [&str; 2] = ["click", "submit"];

impl FollowLinksUntilHydrated {
    fn install() -> Self {
        use wasm_bindgen::JsCast;
        let listener = wasm_bindgen::closure::Closure::<dyn FnMut(web_sys::Event)>::new(
            |event: web_sys::Event| {
                let on_link = event
                    .target()
                    .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
                    .and_then(|element| element.closest("a[href]").ok().flatten())
                    .is_some();
                if on_link || event.type_() == "submit" {
                    event.stop_propagation();
                }
            },
        );
        for kind in GUARDED_EVENTS {
            let _ = window().add_event_listener_with_callback_and_bool(
                kind,
                listener.as_ref().unchecked_ref(),
                true,
            );
        }
        FollowLinksUntilHydrated {
            listener: Some(listener),
        }
    }
}

impl Drop for FollowLinksUntilHydrated {
    fn drop(&mut self) {
        use wasm_bindgen::JsCast;
        if let Some(listener) = self.listener.take() {
            for kind in GUARDED_EVENTS {
                let _ = window().remove_event_listener_with_callback_and_bool(
                    kind,
                    listener.as_ref().unchecked_ref(),
                    true,
                );
            }
        }
    }
}
