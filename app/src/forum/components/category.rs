//! A category's threads.

use super::*;
use crate::ui::submit::Submit;

#[component]
pub fn ForumCategoryPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default());
    let tag = Memo::new(move |_| query.read().get("tag").unwrap_or_default());
    let page = Memo::new(move |_| query.read().get("pagina").unwrap_or_default());
    let watch = ServerAction::<crate::forum::materials::api::WatchCategory>::new();
    let data = Resource::new(
        move || (code.get(), tag.get(), page.get(), watch.version().get()),
        |(code, tag, page, _)| fetch_category(code, tag, page),
    );
    let error = Signal::derive(move || watch.value().get().and_then(|r| r.err()));
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "forum-title")
        }) />
        <p><a href="/forum">{move_tr!("forum-back")}</a></p>
        <FormErrorSummary error />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(page) => view! { <CategoryView page watch /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub(super) fn CategoryView(
    page: CategoryPage,
    watch: ServerAction<crate::forum::materials::api::WatchCategory>,
) -> impl IntoView {
    let watching = page.watching;
    let code = page.code.clone();
    let may_post = page.level >= AccessLevel::Post;
    let current_tag = page.tag.clone().unwrap_or_default();
    let next_page = page.has_more.then(|| {
        let tag = current_tag.clone();
        format!("/forum/categoria/{code}?tag={tag}&pagina={}", page.page + 1)
    });
    let previous_page = (page.page > 0).then(|| {
        let tag = current_tag.clone();
        format!("/forum/categoria/{code}?tag={tag}&pagina={}", page.page - 1)
    });
    view! {
        <h1>{local(&page.name)}</h1>
        <p class="lead">{local(&page.description)}</p>
        <div class="button-row">
            {may_post.then(|| view! {
                <a class="button primary" href=format!("/forum/categoria/{code}/nuova")>{move_tr!("forum-new-thread")}</a>
            })}
            <a class="button secondary" href=format!("/forum/materiali?categoria={code}")>{move_tr!("forum-library-of-category")}</a>
            <WatchCategoryForm watch code=code.clone() watching />
        </div>
        <p class="hint">{move_tr!("forum-watch-category-hint")}</p>
        <form method="get" action=format!("/forum/categoria/{}", page.code) class="filter-form">
            <div class="field">
                <label for="forum-tag">{move_tr!("forum-filter-tag")}</label>
                <select id="forum-tag" name="tag">
                    <option value="" selected=current_tag.is_empty()>{move_tr!("forum-all-tags")}</option>
                    {all_tags().into_iter().map(|tag| {
                        let selected = tag == current_tag;
                        view! { <option value=tag selected=selected>{move || tag_name(tag)}</option> }
                    }).collect_view()}
                </select>
            </div>
            <Submit class="button secondary">{move_tr!("forum-filter")}</Submit>
        </form>
        {if page.threads.is_empty() {
            view! { <p>{move_tr!("forum-no-threads")}</p> }.into_any()
        } else {
            view! {
                <ul class="forum-threads">
                    {page.threads.into_iter().map(|thread| view! { <ThreadRow thread /> }).collect_view()}
                </ul>
            }.into_any()
        }}
        <nav class="pager" aria-label=move || tr!("forum-pages")>
            {previous_page.map(|href| view! { <a href=href>{move_tr!("forum-previous-page")}</a> })}
            " "
            {next_page.map(|href| view! { <a href=href>{move_tr!("forum-next-page")}</a> })}
        </nav>
    }
}

#[component]
pub(super) fn ThreadRow(thread: ThreadSummary) -> impl IntoView {
    let replies = thread.replies;
    view! {
        <li class="forum-thread" class:unread=thread.unread>
            <p class="forum-thread-title">
                {thread.unread.then(|| view! { <strong class="badge">{move_tr!("forum-new")}</strong> " " })}
                {thread.pinned.then(|| view! { <span class="badge">{move_tr!("forum-pinned")}</span> " " })}
                {thread.locked.then(|| view! { <span class="badge">{move_tr!("forum-locked")}</span> " " })}
                {thread.answered.then(|| view! { <span class="badge success">{move_tr!("forum-answered")}</span> " " })}
                {state_badge(thread.state)}
                <a href=format!("/forum/discussioni/{}", thread.id)>{thread.title.clone()}</a>
            </p>
            <p class="hint">
                {thread.author.name.clone()} " (" {thread.author.organisation.clone()} ") · "
                {moment_day(thread.created_at)} " · " {move_tr!("forum-reply-count", { "count" => replies })}
                " · " {move_tr!("forum-last-activity")} " " {moment_day(thread.last_post_at)}
            </p>
            {(!thread.tags.is_empty()).then(|| view! { <TagList tags=thread.tags.clone() /> })}
        </li>
    }
}

#[component]
pub(crate) fn TagList(tags: Vec<String>) -> impl IntoView {
    view! {
        <ul class="tag-list" aria-label=move || tr!("forum-tags")>
            {tags.into_iter().map(|tag| view! { <li class="tag">{move || tag_name(&tag)}</li> }).collect_view()}
        </ul>
    }
}
