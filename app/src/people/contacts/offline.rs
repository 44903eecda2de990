//! The contact log on a phone without signal (`style/assets/sw.js` does the work: it keeps
//! the form-only contact page and its files, the contacts waiting in IndexedDB, and sends
//! them when asked). This page registers it once hydrated, asks it to keep the page, tells
//! it when the connection is back, shows what waits ("In attesa di invio") and, when the
//! phone says it is offline, hands it the form instead of trying the network. It says on
//! the page what stays on the phone: the contact's own fields, until they are sent or she
//! signs out. Without JavaScript there is no service worker and the form posts as before.

use leptos::prelude::*;
use serde::Deserialize;

/// A contact waiting on the phone, as the service worker describes it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Waiting {
    pub client_id: String,
    #[serde(default)]
    pub occurred_on: String,
    #[serde(default)]
    pub channel: String,
    #[serde(default)]
    pub people_count: String,
    /// The server refused it (its message): it will not be sent again.
    #[serde(default)]
    pub refused: Option<String>,
}

/// What the service worker tells the page.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
struct Outbox {
    #[serde(default)]
    entries: Vec<Waiting>,
    /// The page and its files are kept: it opens without signal.
    #[serde(default)]
    ready: Option<bool>,
}

/// The phone's side of the contact log: shown once the page has hydrated.
#[derive(Clone, Copy)]
pub struct PhoneOutbox {
    pub waiting: RwSignal<Vec<Waiting>>,
    pub ready: RwSignal<bool>,
    pub hydrated: RwSignal<bool>,
}

impl PhoneOutbox {
    pub fn start() -> PhoneOutbox {
        let outbox = PhoneOutbox {
            waiting: RwSignal::new(Vec::new()),
            ready: RwSignal::new(false),
            hydrated: RwSignal::new(false),
        };
        Effect::new(move |_| {
            outbox.hydrated.set(true);
            connect(outbox);
        });
        outbox
    }
}

/// Without signal, the form goes to the phone: true when it was handed over (the caller
/// then keeps the page from posting it).
pub fn keep_if_offline(form: &leptos::web_sys::HtmlFormElement) -> bool {
    offline_keep(form)
}

#[cfg(feature = "hydrate")]
fn offline_keep(form: &web_sys::HtmlFormElement) -> bool {
    let offline = web_sys::window().is_some_and(|window| !window.navigator().on_line());
    if !offline || !has_worker() {
        return false;
    }
    let Ok(data) = web_sys::FormData::new_with_form(form) else {
        return false;
    };
    let Ok(fields) = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data) else {
        return false;
    };
    tell_worker(&serde_json::json!({ "type": "keep", "body": String::from(fields.to_string()) }));
    form.reset();
    true
}

#[cfg(not(feature = "hydrate"))]
fn offline_keep(_form: &leptos::web_sys::HtmlFormElement) -> bool {
    false
}

#[cfg(feature = "hydrate")]
thread_local! {
    /// The active worker, once registered (it controls the page only after claiming it).
    static WORKER: std::cell::RefCell<Option<web_sys::ServiceWorker>> =
        const { std::cell::RefCell::new(None) };
}

#[cfg(feature = "hydrate")]
fn worker() -> Option<web_sys::ServiceWorker> {
    web_sys::window()
        .and_then(|window| window.navigator().service_worker().controller())
        .or_else(|| WORKER.with(|worker| worker.borrow().clone()))
}

#[cfg(feature = "hydrate")]
fn has_worker() -> bool {
    worker().is_some()
}

/// A message to the service worker, as JSON.
#[cfg(feature = "hydrate")]
pub fn tell_worker(message: &serde_json::Value) {
    if let Some(worker) = worker() {
        let _ = worker.post_message(&wasm_bindgen::JsValue::from_str(&message.to_string()));
    }
}

#[cfg(not(feature = "hydrate"))]
pub fn tell_worker(_message: &serde_json::Value) {}

/// The files this page loaded from this site (the bundle's pieces, the stylesheet, the
/// typeface): the worker keeps them with the page.
#[cfg(feature = "hydrate")]
fn loaded_files() -> Vec<String> {
    use wasm_bindgen::JsCast;
    let Some(performance) = web_sys::window().and_then(|w| w.performance()) else {
        return Vec::new();
    };
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    performance
        .get_entries_by_type("resource")
        .iter()
        .filter_map(|entry| entry.dyn_into::<web_sys::PerformanceEntry>().ok())
        .map(|entry| entry.name())
        .filter(|name| name.starts_with(&origin))
        .map(|name| name[origin.len()..].to_string())
        .filter(|path| path.starts_with("/pkg/") || path.starts_with("/fonts/"))
        .collect()
}

/// Registers the worker, listens to it, and tells it when the connection is back.
#[cfg(feature = "hydrate")]
fn connect(outbox: PhoneOutbox) {
    use wasm_bindgen::JsCast;
    let Some(window) = web_sys::window() else {
        return;
    };
    let container = window.navigator().service_worker();
    let listening = gloo::events::EventListener::new(&container, "message", move |event| {
        let text = event
            .dyn_ref::<web_sys::MessageEvent>()
            .and_then(|message| message.data().as_string());
        if let Some(told) = text.and_then(|text| serde_json::from_str::<Outbox>(&text).ok()) {
            outbox.waiting.set(told.entries);
            if let Some(ready) = told.ready {
                outbox.ready.set(ready);
            }
        }
    });
    let back_online = gloo::events::EventListener::new(&window, "online", |_| {
        tell_worker(&serde_json::json!({ "type": "send" }));
    });
    // Listeners are not Send: kept in the page's arena, dropped with it.
    let listeners = StoredValue::new_local(Some((listening, back_online)));
    on_cleanup(move || listeners.update_value(|listeners| drop(listeners.take())));
    let registering = container.register("/sw.js");
    leptos::task::spawn_local(async move {
        let registered = wasm_bindgen_futures::JsFuture::from(registering).await;
        let Some(registration) = registered
            .ok()
            .and_then(|value| value.dyn_into::<web_sys::ServiceWorkerRegistration>().ok())
        else {
            return;
        };
        // Installing, then active: the ready promise says when.
        if let Ok(ready) = web_sys::window()
            .map(|w| w.navigator().service_worker())
            .ok_or(())
            .and_then(|container| container.ready().map_err(|_| ()))
        {
            let _ = wasm_bindgen_futures::JsFuture::from(ready).await;
        }
        let active = registration.active();
        WORKER.with(|worker| *worker.borrow_mut() = active);
        tell_worker(&serde_json::json!({ "type": "outbox" }));
        if web_sys::window().is_some_and(|w| w.navigator().on_line()) {
            tell_worker(&serde_json::json!({ "type": "send" }));
            tell_worker(&serde_json::json!({ "type": "prepare", "files": loaded_files() }));
        }
    });
}

#[cfg(not(feature = "hydrate"))]
fn connect(_outbox: PhoneOutbox) {}
