//! Opening a new thread.

use super::*;
use crate::ui::submit::Submit;

#[component]
pub fn NewThreadPage() -> impl IntoView {
    let params = use_params_map();
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default());
    let create = ServerAction::<CreateThread>::new();
    let error: Signal<Option<crate::kernel::error::AppError>> =
        Signal::derive(move || create.value().get().and_then(|result| result.err()));
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "forum-new-thread")
        }) />
        <p><a href=move || format!("/forum/categoria/{}", code.get())>{move_tr!("forum-back-to-category")}</a></p>
        <h1>{move_tr!("forum-new-thread")}</h1>
        <p class="notice">{move_tr!("forum-no-case-data")}</p>
        <ActionForm action=create attr:class="forum-form">
            <FormErrorSummary error />
            <input type="hidden" name="form[category]" value=move || code.get() />
            <div class="field">
                <label for="thread-title">{move_tr!("forum-field-title")} <span class="required" aria-hidden="true">" *"</span></label>
                <input id="thread-title" name="form[title]" type="text" required=true maxlength=MAX_TITLE.to_string() />
                {field_problem(error, "title")}
            </div>
            <div class="field">
                <label for="thread-body">{move_tr!("forum-field-question")} <span class="required" aria-hidden="true">" *"</span></label>
                <MarkdownHint id="thread-body-hint" />
                <textarea id="thread-body" name="form[body]" rows="10" required=true aria-describedby="thread-body-hint"></textarea>
                {field_problem(error, "body")}
            </div>
            <TagChoices error />
            <p class="hint">{move_tr!("forum-tags-hint")}</p>
            <Submit action=create class="button primary">{move_tr!("forum-publish")}</Submit>
        </ActionForm>
    }
}
