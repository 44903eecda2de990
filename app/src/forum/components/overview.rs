//! The forum's first page: its categories.

use super::*;

#[component]
pub fn ForumPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| fetch_forum());
    view! {
        <Title text=page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "forum-title")
        }) />
        <h1>{move_tr!("forum-title")}</h1>
        <p class="lead">{move_tr!("forum-intro")}</p>
        <SearchBox />
        <p><a class="button secondary" href="/forum/materiali">{move_tr!("forum-library-title")}</a></p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(overview) => view! { <CategoryList overview /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub(super) fn CategoryList(overview: ForumOverview) -> impl IntoView {
    let queue = overview.queue;
    view! {
        {overview.moderates.then(|| view! {
            <p class="notice">
                <a href="/forum/moderazione">{move_tr!("forum-moderation-link", { "count" => queue })}</a>
            </p>
        })}
        <ul class="forum-categories">
            {overview.categories.into_iter().map(|category| {
                let level = category.level;
                let unread = category.unread;
                let threads = category.threads;
                view! {
                    <li class="forum-category">
                        <h2><a href=format!("/forum/categoria/{}", category.code)>{local(&category.name)}</a></h2>
                        <p>{local(&category.description)}</p>
                        <p class="hint">
                            {move_tr!("forum-thread-count", { "count" => threads })}
                            {(unread > 0).then(|| view! {
                                " · " <strong class="badge">{move_tr!("forum-unread-count", { "count" => unread })}</strong>
                            })}
                            " · " {move || level_name(level)}
                            {category.last_post_at.map(|at| view! { " · " {move_tr!("forum-last-activity")} " " {moment_day(at)} })}
                        </p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
