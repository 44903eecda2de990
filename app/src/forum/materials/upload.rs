//! The form that attaches a file to a draft: a plain multipart form, sent with its
//! progress shown once the page has hydrated (`ui::upload`).

use leptos::prelude::*;
use leptos_fluent::move_tr;

use super::model::{draft_path, upload_path};
use crate::forum::components::field_problem;
use crate::ui::forms::FormError;
use crate::ui::submit::{Submission, Submit};
use crate::ui::upload::{send_with_progress, Failure, Progress, UploadStatus};

#[component]
pub fn UploadForm(draft_id: i32, error: FormError) -> impl IntoView {
    let progress: Progress = RwSignal::new(None);
    let failed: Failure = RwSignal::new(None);
    let busy = Signal::derive(move || progress.get().is_some());
    view! {
        <form method="post" enctype="multipart/form-data" action=upload_path(draft_id) class="forum-form"
            on:submit=move |event| send_with_progress(&event, progress, failed, draft_path(draft_id))>
            <div class="field">
                <label for="draft-file">{move_tr!("forum-material-upload")}</label>
                <p class="hint" id="draft-file-hint">{move_tr!("forum-material-upload-hint")}</p>
                <input id="draft-file" name="file" type="file" required=true
                    accept=".pdf,.docx,.odt,.png,.jpg,.jpeg,.webp" aria-describedby="draft-file-hint" />
                {field_problem(error, "file")}
            </div>
            <UploadStatus id="draft-file-progress" progress failed
                failed_text=move_tr!("forum-material-upload-failed") />
            <Submit action=Submission::running(busy) class="button secondary">
                {move_tr!("forum-material-upload-send")}
            </Submit>
        </form>
    }
}
