//! A file form's upload, shared by the forum's library and a person's documents. A plain
//! multipart form first: without JavaScript the browser posts it and the server answers
//! with the form's page. Once the page has hydrated, the file goes by `XMLHttpRequest`
//! instead (the only browser API that reports an upload's progress), the bar says how
//! much has been sent, and the page the server answers with is then opened, exactly as
//! the plain post would have. A slow phone is not cut off after 30 s: the server bounds
//! uploads by a minimum rate (`app::state::UploadPace`).

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};

/// Bytes sent and bytes to send.
pub type Progress = RwSignal<Option<(f64, f64)>>;

/// An upload that failed: `Some("")` when the connection dropped, or the server's own
/// words for a refusal that is not a field's (the form's page shows those).
pub type Failure = RwSignal<Option<String>>;

/// The header by which a page's upload asks for its answer as JSON (`{"location"}` of the
/// page to open, or the error with its translated `message`) rather than as a redirect:
/// following the redirect inside the request would load the page twice.
pub const PROGRESS_HEADER: &str = "x-anello-upload";

/// The bar of an upload on its way, and the message of one the connection dropped.
#[component]
pub fn UploadStatus(
    /// The id of the progress element.
    id: &'static str,
    progress: Progress,
    failed: Failure,
    /// What the message of a dropped connection adds (what is kept, what to do).
    failed_text: Signal<String>,
) -> impl IntoView {
    view! {
        {move || progress.get().map(|(sent, total)| {
            let percent = if total > 0.0 { (sent / total * 100.0).round() as u32 } else { 0 };
            view! {
                <div class="upload-progress">
                    <label for=id>
                        {move || tr!("upload-progress", { "percent" => percent })}
                    </label>
                    <progress id=id max="100" value=percent.to_string()>
                        {format!("{percent}%")}
                    </progress>
                </div>
            }
        })}
        {move || failed.get().map(|said| view! {
            <p class="field-error" role="alert">
                {if said.is_empty() {
                    view! { {move_tr!("upload-failed")} " " {failed_text} }.into_any()
                } else {
                    said.into_any()
                }}
            </p>
        })}
    }
}

/// Sends the form's file with its progress shown, then opens the page the server answered
/// with (the form's page, with the file or with the problem found; `fallback` if the
/// answer names none). Where the browser cannot, the form is left to post itself.
#[cfg(feature = "hydrate")]
pub fn send_with_progress(
    event: &leptos::ev::SubmitEvent,
    progress: Progress,
    failed: Failure,
    fallback: String,
) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let Some(form) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlFormElement>().ok())
    else {
        return;
    };
    let Ok(data) = web_sys::FormData::new_with_form(&form) else {
        return;
    };
    let Ok(request) = web_sys::XmlHttpRequest::new() else {
        return;
    };
    let action = form.action();
    if request.open("POST", &action).is_err() {
        return;
    }
    event.prevent_default();
    // The server answers with the page to open (the form's, with the file or with the
    // problems found), as JSON: a redirect would be followed inside the request.
    let _ = request.set_request_header("Accept", "text/html");
    let _ = request.set_request_header(PROGRESS_HEADER, "1");
    if let Ok(upload) = request.upload() {
        let on_progress = Closure::<dyn FnMut(web_sys::ProgressEvent)>::new(
            move |sent: web_sys::ProgressEvent| {
                if sent.length_computable() {
                    progress.set(Some((sent.loaded(), sent.total())));
                }
            },
        );
        upload.set_onprogress(Some(on_progress.as_ref().unchecked_ref()));
        on_progress.forget();
    }
    let answered = request.clone();
    let on_load = Closure::<dyn FnMut()>::new(move || {
        let answer: serde_json::Value = answered
            .response_text()
            .ok()
            .flatten()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default();
        let page = answer["location"].as_str().map(str::to_string);
        match (page, answer["message"].as_str()) {
            (None, Some(message)) => {
                progress.set(None);
                failed.set(Some(message.to_string()));
            }
            (page, _) => {
                if let Some(window) = web_sys::window() {
                    let _ = window
                        .location()
                        .assign(page.as_deref().unwrap_or(&fallback));
                }
            }
        }
    });
    request.set_onload(Some(on_load.as_ref().unchecked_ref()));
    on_load.forget();
    let on_failure = Closure::<dyn FnMut()>::new(move || {
        progress.set(None);
        failed.set(Some(String::new()));
    });
    request.set_onerror(Some(on_failure.as_ref().unchecked_ref()));
    request.set_onabort(Some(on_failure.as_ref().unchecked_ref()));
    on_failure.forget();
    failed.set(None);
    progress.set(Some((0.0, 1.0)));
    if request.send_with_opt_form_data(Some(&data)).is_err() {
        progress.set(None);
        failed.set(Some(String::new()));
    }
}

#[cfg(not(feature = "hydrate"))]
pub fn send_with_progress(
    _event: &leptos::ev::SubmitEvent,
    _progress: Progress,
    _failed: Failure,
    _fallback: String,
) {
}
