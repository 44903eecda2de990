//! Posts the guard held because they looked personal: the author's draft page, and
//! publishing or discarding what was held.

use super::writing::{apply_edit, draft_link, guarded_text, hold_edit, post_link, release};
use super::*;

/// A post held by the guard, as its author sees it; nobody else does.
pub(super) async fn held_post<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    post_id: i32,
) -> Result<(posts::Model, threads::Model), AppError> {
    let post = find_post(conn, post_id).await?;
    let held = state_of(&post.state) == PostState::Draft || post.pending_body.is_some();
    if post.author_id != user.id || !held {
        return Err(AppError::NotFound);
    }
    let thread = find_thread(conn, post.thread_id).await?;
    Ok((post, thread))
}

pub(super) fn held_text(post: &posts::Model) -> String {
    post.pending_body
        .clone()
        .unwrap_or_else(|| post.body.clone())
}

pub async fn draft_page(ctx: &Ctx, post_id: i32) -> Result<DraftPage, AppError> {
    let user = ctx.user()?;
    let (post, thread) = held_post(&ctx.db, user, post_id).await?;
    let category = category_by_id(&ctx.db, thread.category_id).await?;
    let body = held_text(&post);
    let text = guarded_text(post.opening, &thread.title, &body);
    // The guard counts its run (a row written): it waits for its turn to write.
    let found = {
        let _turn = crate::kernel::db::single_write_turn(&ctx.db).await?;
        findings(&ctx.db, user, &text).await?
    };
    Ok(DraftPage {
        post_id: post.id,
        thread_id: thread.id,
        thread_title: thread.title,
        category_name: category_name(&category),
        editing: post.pending_body.is_some(),
        findings: found,
        body,
    })
}

/// The author publishes what the guard held: confirmed as it is, or changed. A changed
/// text that still looks personal stays a draft, saved, with the new findings.
pub async fn publish_draft(
    ctx: &Ctx,
    post_id: i32,
    body: String,
    confirmed: bool,
) -> Result<String, AppError> {
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let (post, thread) = held_post(&txn, user, post_id).await?;
        let permissions = Permissions::load(&txn, user).await?;
        let needed = if post.pending_body.is_some() {
            AccessLevel::Read
        } else {
            AccessLevel::Post
        };
        let level = require(&txn, ctx, &permissions, thread.category_id, needed).await?;
        let text = guarded_text(post.opening, &thread.title, &body);
        let questioned = !findings(&txn, user, &text).await?.is_empty();
        if post.pending_body.is_some() {
            if questioned && !confirmed {
                return hold_edit(&txn, post.id, body).await;
            }
            if thread.locked || post.hidden {
                return Err(AppError::conflict(Conflict::ThreadLocked));
            }
            apply_edit(&txn, &post, &thread.title, &body, user.id).await?;
            return Ok(post_link(thread.id, post.id));
        }
        let post = posts::ActiveModel {
            id: Set(post.id),
            body: Set(body.clone()),
            body_html: Set(render(&body)),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        index_post(&txn, post.id, &text).await?;
        if questioned && !confirmed {
            return Ok(draft_link(post.id));
        }
        if !post.opening && thread.locked {
            return Err(AppError::conflict(Conflict::ThreadLocked));
        }
        release(&txn, &post, level).await
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.draft.publish", "forum_post")
            .object(post_id),
    )
    .await
}

/// The author drops what the guard held: a new post (and its thread, if it opened one)
/// is deleted, a held edit forgotten.
pub async fn discard_draft(ctx: &Ctx, post_id: i32) -> Result<String, AppError> {
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let (post, thread) = held_post(&txn, user, post_id).await?;
        if post.pending_body.is_some() {
            posts::ActiveModel {
                id: Set(post.id),
                pending_body: Set(None),
                ..Default::default()
            }
            .update(&txn)
            .await?;
            return Ok(post_link(thread.id, post.id));
        }
        posts::Entity::delete_by_id(post.id).exec(&txn).await?;
        if post.opening {
            thread_tags::Entity::delete_many()
                .filter(thread_tags::Column::ThreadId.eq(thread.id))
                .exec(&txn)
                .await?;
            threads::Entity::delete_by_id(thread.id).exec(&txn).await?;
            let category = category_by_id(&txn, thread.category_id).await?;
            return Ok(format!("/forum/categoria/{}", category.code));
        }
        Ok(format!("/forum/discussioni/{}", thread.id))
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.draft.discard", "forum_post")
            .object(post_id),
    )
    .await
}
