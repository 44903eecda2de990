//! Server functions of the forum. Every signed-in user reaches them (the policy table
//! says `SignedIn`); what she may read, write or moderate is decided per category in
//! `forum::ssr`, from the rules in the database.

use leptos::prelude::*;

use super::model::*;
use crate::kernel::error::AppError;

/// An id from a link or a form; anything else is a page that does not exist. The
/// library's server functions read theirs the same way.
#[cfg(feature = "ssr")]
pub(super) fn id_of(value: &str) -> Result<i32, AppError> {
    value
        .trim()
        .parse::<i32>()
        .ok()
        .filter(|id| *id > 0)
        .ok_or(AppError::NotFound)
}

#[cfg(feature = "ssr")]
fn optional_note(value: &str) -> Result<Option<String>, AppError> {
    let mut checks = crate::kernel::error::Validation::default();
    let note = crate::kernel::fields::optional_text("note", value, MAX_FLAG_REASON, &mut checks);
    checks.finish()?;
    Ok(note)
}

#[server(endpoint = "forum/overview")]
pub async fn fetch_forum() -> Result<ForumOverview, AppError> {
    use crate::auth::ssr::guard;
    guard("forum/overview", |ctx| async move {
        super::ssr::overview(&ctx).await
    })
    .await
}

/// `tag` empty: every thread; `page` counts from 0.
#[server(endpoint = "forum/category")]
pub async fn fetch_category(
    code: String,
    tag: String,
    page: String,
) -> Result<CategoryPage, AppError> {
    use crate::auth::ssr::guard;
    guard("forum/category", |ctx| async move {
        let tag = Some(tag.trim().to_string()).filter(|tag| is_tag(tag));
        let page = page.trim().parse::<u64>().unwrap_or(0).min(10_000);
        super::ssr::category_page(&ctx, &code, tag, page).await
    })
    .await
}

/// `quote`: a post of the thread to quote in the reply box, or empty.
#[server(endpoint = "forum/thread")]
pub async fn fetch_thread(id: String, quote: String) -> Result<ThreadPage, AppError> {
    use crate::auth::ssr::guard;
    guard("forum/thread", |ctx| async move {
        let id = id_of(&id)?;
        let quote = quote.trim().parse::<i32>().ok();
        super::ssr::thread_page(&ctx, id, quote).await
    })
    .await
}

#[server(endpoint = "forum/threads/new")]
pub async fn create_thread(form: NewThreadForm) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/threads/new", |ctx| async move {
        let valid = form.validate()?;
        let next = super::ssr::create_thread(&ctx, valid).await?;
        leptos_axum::redirect(&next);
        Ok(())
    })
    .await
}

#[server(endpoint = "forum/replies/new")]
pub async fn reply(thread: String, body: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/replies/new", |ctx| async move {
        let thread = id_of(&thread)?;
        let body = validate_body(&body)?;
        let next = super::ssr::reply(&ctx, thread, body).await?;
        leptos_axum::redirect(&next);
        Ok(())
    })
    .await
}

#[server(endpoint = "forum/posts/edit")]
pub async fn edit_post(post: String, body: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/posts/edit", |ctx| async move {
        let post = id_of(&post)?;
        let body = validate_body(&body)?;
        let next = super::ssr::edit_post(&ctx, post, body).await?;
        leptos_axum::redirect(&next);
        Ok(())
    })
    .await
}

#[server(endpoint = "forum/drafts")]
pub async fn fetch_draft(post: String) -> Result<DraftPage, AppError> {
    use crate::auth::ssr::guard;
    guard("forum/drafts", |ctx| async move {
        super::ssr::draft_page(&ctx, id_of(&post)?).await
    })
    .await
}

/// `confirm` is the author's tick: "this is not personal data". An unticked checkbox
/// sends nothing, hence the `Option`.
#[server(endpoint = "forum/drafts/publish")]
pub async fn publish_draft(
    post: String,
    body: String,
    confirm: Option<String>,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/drafts/publish", |ctx| async move {
        let post = id_of(&post)?;
        let body = validate_body(&body)?;
        let confirmed = confirm.is_some_and(|tick| !tick.trim().is_empty());
        let next = super::ssr::publish_draft(&ctx, post, body, confirmed).await?;
        leptos_axum::redirect(&next);
        Ok(())
    })
    .await
}

#[server(endpoint = "forum/drafts/discard")]
pub async fn discard_draft(post: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/drafts/discard", |ctx| async move {
        let next = super::ssr::discard_draft(&ctx, id_of(&post)?).await?;
        leptos_axum::redirect(&next);
        Ok(())
    })
    .await
}

/// `post` empty: the thread no longer has an accepted answer.
#[server(endpoint = "forum/accept")]
pub async fn accept_answer(thread: String, post: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/accept", |ctx| async move {
        let thread = id_of(&thread)?;
        let post = match post.trim() {
            "" => None,
            value => Some(id_of(value)?),
        };
        super::ssr::accept(&ctx, thread, post).await?;
        leptos_axum::redirect(&format!("/forum/discussioni/{thread}"));
        Ok(())
    })
    .await
}

/// `watch`: "on" to follow the thread, anything else to stop.
#[server(endpoint = "forum/watch")]
pub async fn watch_thread(thread: String, watch: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/watch", |ctx| async move {
        let thread = id_of(&thread)?;
        super::ssr::set_watch(&ctx, thread, watch.trim() == "on").await?;
        leptos_axum::redirect(&format!("/forum/discussioni/{thread}"));
        Ok(())
    })
    .await
}

#[server(endpoint = "forum/flag")]
pub async fn flag_post(post: String, reason: String) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/flag", |ctx| async move {
        let post = id_of(&post)?;
        let mut checks = crate::kernel::error::Validation::default();
        let reason =
            crate::kernel::fields::required_text("reason", &reason, MAX_FLAG_REASON, &mut checks);
        checks.finish()?;
        let thread = super::ssr::flag(&ctx, post, reason).await?;
        leptos_axum::redirect(&format!("/forum/discussioni/{thread}#messaggio-{post}"));
        Ok(())
    })
    .await
}

#[server(endpoint = "forum/moderation")]
pub async fn fetch_moderation() -> Result<ModerationPage, AppError> {
    use crate::auth::ssr::guard;
    guard("forum/moderation", |ctx| async move {
        super::ssr::moderation_page(&ctx).await
    })
    .await
}

/// `back`: "coda" to return to the moderation queue, otherwise the thread.
#[server(endpoint = "forum/moderate/post")]
pub async fn moderate_post(
    post: String,
    action: String,
    note: String,
    back: String,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/moderate/post", |ctx| async move {
        let post = id_of(&post)?;
        let action = ModerationAction::from_code(action.trim())
            .filter(|action| ModerationAction::ON_POSTS.contains(action))
            .ok_or_else(|| {
                AppError::invalid("action", crate::kernel::error::Problem::UnknownChoice)
            })?;
        let note = optional_note(&note)?;
        let thread = super::ssr::moderate_post(&ctx, post, action, note).await?;
        if back.trim() == "coda" {
            leptos_axum::redirect("/forum/moderazione");
        } else {
            leptos_axum::redirect(&format!("/forum/discussioni/{thread}#messaggio-{post}"));
        }
        Ok(())
    })
    .await
}

/// `category`: where to move the thread (only for the move action; empty otherwise).
#[server(endpoint = "forum/moderate/thread")]
pub async fn moderate_thread(
    thread: String,
    action: String,
    category: String,
    note: String,
) -> Result<(), AppError> {
    use crate::auth::ssr::guard;
    guard("forum/moderate/thread", |ctx| async move {
        let thread = id_of(&thread)?;
        let action = ModerationAction::from_code(action.trim())
            .filter(|action| ModerationAction::ON_THREADS.contains(action))
            .ok_or_else(|| {
                AppError::invalid("action", crate::kernel::error::Problem::UnknownChoice)
            })?;
        let note = optional_note(&note)?;
        let target = Some(category.trim().to_string()).filter(|code| !code.is_empty());
        super::ssr::moderate_thread(&ctx, thread, action, target, note).await?;
        leptos_axum::redirect(&format!("/forum/discussioni/{thread}"));
        Ok(())
    })
    .await
}

#[server(endpoint = "forum/search")]
pub async fn search_forum(form: SearchForm) -> Result<SearchPage, AppError> {
    use crate::auth::ssr::guard;
    guard("forum/search", |ctx| async move {
        super::ssr::search_page(&ctx, form).await
    })
    .await
}
