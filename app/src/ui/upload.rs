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

/// The bar of an upload on its way, and the message of one the connection dropped.
#[component]
pub fn UploadStatus(
    /// The id of the progress element.
    id: &'static str,
    progress: Progress,
    failed: RwSignal<bool>,
    /// What the failure message says (what is kept, what to do).
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
        {move || failed.get().then(|| view! {
            <p class="field-error" role="alert">{move_tr!("upload-failed")} " " {failed_text}</p>
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
    failed: RwSignal<bool>,
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
    // The server answers a page's post with a redirect to the form's page.
    let _ = request.set_request_header("Accept", "text/html");
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
        let page = Some(answered.response_url()).filter(|url| !url.is_empty());
        if let Some(window) = web_sys::window() {
            let _ = window
                .location()
                .assign(page.as_deref().unwrap_or(&fallback));
        }
    });
    request.set_onload(Some(on_load.as_ref().unchecked_ref()));
    on_load.forget();
    let on_failure = Closure::<dyn FnMut()>::new(move || {
        progress.set(None);
        failed.set(true);
    });
    request.set_onerror(Some(on_failure.as_ref().unchecked_ref()));
    request.set_onabort(Some(on_failure.as_ref().unchecked_ref()));
    on_failure.forget();
    failed.set(false);
    progress.set(Some((0.0, 1.0)));
    if request.send_with_opt_form_data(Some(&data)).is_err() {
        progress.set(None);
        failed.set(true);
    }
}

#[cfg(not(feature = "hydrate"))]
pub fn send_with_progress(
    _event: &leptos::ev::SubmitEvent,
    _progress: Progress,
    _failed: RwSignal<bool>,
    _fallback: String,
) {
}
