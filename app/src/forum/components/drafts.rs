//! A draft held back by the personal-data guard, to be corrected or published anyway.

use super::*;
use crate::ui::submit::Submit;

#[component]
pub fn ForumDraftPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let forms = PageForms::staying_open();
    let publish = forms.action::<PublishDraft>();
    let discard = forms.action::<DiscardDraft>();
    let data = Resource::new(
        move || (id.get(), publish.version().get()),
        |(id, _)| fetch_draft(id),
    );
    let error = forms.error();
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "forum-draft-title")
        }) />
        <h1>{move_tr!("forum-draft-title")}</h1>
        <FormErrorSummary error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(draft) => view! { <DraftView draft publish discard /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub(super) fn DraftView(
    draft: DraftPage,
    publish: ServerAction<PublishDraft>,
    discard: ServerAction<DiscardDraft>,
) -> impl IntoView {
    let post = draft.post_id.to_string();
    let discarded_post = post.clone();
    let questioned = !draft.findings.is_empty();
    view! {
        <p class="hint">
            {local(&draft.category_name)} " · "
            <a href=format!("/forum/discussioni/{}", draft.thread_id)>{draft.thread_title.clone()}</a>
        </p>
        <GuardVerdict findings=draft.findings.clone() />
        <ActionForm action=publish attr:class="forum-form">
            <input type="hidden" name="post" value=post.clone() />
            <div class="field">
                <label for="draft-body">{move_tr!("forum-field-text")}</label>
                <MarkdownHint id="draft-body-hint" />
                <textarea id="draft-body" name="body" rows="10" required=true aria-describedby="draft-body-hint">{draft.body.clone()}</textarea>
            </div>
            {if questioned {
                view! { <GuardConfirm /> }.into_any()
            } else {
                view! { <input type="hidden" name="confirm" value="" /> }.into_any()
            }}
            <Submit action=publish class="button primary">{move_tr!("forum-publish")}</Submit>
        </ActionForm>
        <div class="button-row">
            <ActionForm action=discard attr:class="inline-form">
                <input type="hidden" name="post" value=discarded_post />
                <Submit action=discard class="button secondary">{move_tr!("forum-discard")}</Submit>
            </ActionForm>
        </div>
    }
}
