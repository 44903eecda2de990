//! The form that attaches a file to a draft. A plain multipart form first: without
//! JavaScript the browser posts it and the server answers with the draft page. Once the
//! page has hydrated, the file goes by `XMLHttpRequest` instead (the only browser API
//! that reports an upload's progress), the bar says how much has been sent, and the
//! draft page the server answers with is then opened, exactly as the plain post would
//! have. A slow phone is not cut off after 30 s: the server bounds uploads by a minimum
//! rate (`app::state::UploadPace`).

use leptos::prelude::*;
use leptos_fluent::{move_tr, tr};

use super::model::upload_path;
use crate::forum::components::field_problem;
use crate::ui::forms::FormError;
use crate::ui::submit::{Submission, Submit};

/// Bytes sent and bytes to send.
type Progress = RwSignal<Option<(f64, f64)>>;

#[component]
pub fn UploadForm(draft_id: i32, error: FormError) -> impl IntoView {
    let progress: Progress = RwSignal::new(None);
    let failed = RwSignal::new(false);
    let busy = Signal::derive(move || progress.get().is_some());
    view! {
        <form method="post" enctype="multipart/form-data" action=upload_path(draft_id) class="forum-form"
            on:submit=move |event| send_with_progress(&event, progress, failed)>
            <div class="field">
                <label for="draft-file">{move_tr!("forum-material-upload")}</label>
                <p class="hint" id="draft-file-hint">{move_tr!("forum-material-upload-hint")}</p>
                <input id="draft-file" name="file" type="file" required=true
                    accept=".pdf,.docx,.odt,.png,.jpg,.jpeg,.webp" aria-describedby="draft-file-hint" />
                {field_problem(error, "file")}
            </div>
            {move || progress.get().map(|(sent, total)| {
                let percent = if total > 0.0 { (sent / total * 100.0).round() as u32 } else { 0 };
                view! {
                    <div class="upload-progress">
                        <label for="draft-file-progress">
                            {move || tr!("forum-material-upload-progress", { "percent" => percent })}
                        </label>
                        <progress id="draft-file-progress" max="100" value=percent.to_string()>
                            {format!("{percent}%")}
                        </progress>
                    </div>
                }
            })}
            {move || failed.get().then(|| view! {
                <p class="field-error" role="alert">{move_tr!("forum-material-upload-failed")}</p>
            })}
            <Submit action=Submission::running(busy) class="button secondary">
                {move_tr!("forum-material-upload-send")}
            </Submit>
        </form>
    }
}

/// Sends the form's file with its progress shown, then opens the page the server answered
/// with (the draft, with the file or with the problem found). Where the browser cannot,
/// the form is left to post itself.
#[cfg(feature = "hydrate")]
fn send_with_progress(event: &leptos::ev::SubmitEvent, progress: Progress, failed: RwSignal<bool>) {
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
    // The server answers a page's post with a redirect to the draft page.
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
    let draft = action.trim_end_matches("/allegati").to_string();
    let on_load = Closure::<dyn FnMut()>::new(move || {
        let page = Some(answered.response_url()).filter(|url| !url.is_empty());
        if let Some(window) = web_sys::window() {
            let _ = window.location().assign(page.as_deref().unwrap_or(&draft));
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
fn send_with_progress(
    _event: &leptos::ev::SubmitEvent,
    _progress: Progress,
    _failed: RwSignal<bool>,
) {
}
