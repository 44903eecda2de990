//! Writing in the forum: threads, replies, edits, drafts, accepted answers, watches.

use super::*;

// ---------------------------------------------------------------------------------------
// Writing

/// Where a post is read: its thread, at the post.
pub(super) fn post_link(thread_id: i32, post_id: i32) -> String {
    format!("/forum/discussioni/{thread_id}#messaggio-{post_id}")
}

pub(super) fn draft_link(post_id: i32) -> String {
    format!("/forum/bozze/{post_id}")
}

/// What the guard reads: the post, and the title too for the question that opened the
/// thread.
pub(super) fn guarded_text(opening: bool, title: &str, body: &str) -> String {
    if opening {
        format!("{title}\n{body}")
    } else {
        body.to_string()
    }
}
/// A new user's posts wait for a moderator until one of hers has been published.
pub(super) async fn needs_review<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    level: AccessLevel,
) -> Result<bool, AppError> {
    if level == AccessLevel::Moderate {
        return Ok(false);
    }
    let published = posts::Entity::find()
        .filter(posts::Column::AuthorId.eq(user_id))
        .filter(posts::Column::State.eq(PostState::Published.code()))
        .count(conn)
        .await?;
    Ok(published == 0)
}

pub(super) async fn set_post_state<C: ConnectionTrait>(
    conn: &C,
    post: &posts::Model,
    state: PostState,
) -> Result<(), AppError> {
    posts::ActiveModel {
        id: Set(post.id),
        state: Set(state.code().to_string()),
        ..Default::default()
    }
    .update(conn)
    .await?;
    if post.opening {
        threads::ActiveModel {
            id: Set(post.thread_id),
            state: Set(state.code().to_string()),
            ..Default::default()
        }
        .update(conn)
        .await?;
    }
    Ok(())
}

/// A post that passed the guard: published, or queued for review if its author is new.
/// Returns where to send the author.
pub(super) async fn release<C: ConnectionTrait>(
    conn: &C,
    post: &posts::Model,
    level: AccessLevel,
) -> Result<String, AppError> {
    if needs_review(conn, post.author_id, level).await? {
        set_post_state(conn, post, PostState::Pending).await?;
    } else {
        publish(conn, post).await?;
    }
    Ok(post_link(post.thread_id, post.id))
}

/// A new post, with `text` the guard reads: indexed, then held on its draft page if the
/// guard questions it, released otherwise. Returns where to send the author.
async fn submit<C: ConnectionTrait>(
    conn: &C,
    author: &CurrentUser,
    post: &posts::Model,
    text: &str,
    level: AccessLevel,
) -> Result<String, AppError> {
    index_post(conn, post.id, text).await?;
    if !findings(conn, author, text).await?.is_empty() {
        return Ok(draft_link(post.id));
    }
    release(conn, post, level).await
}

/// Makes a post public: the thread's counters move, its author follows the thread, and
/// the people mentioned and the thread's followers are told.
pub(super) async fn publish<C: ConnectionTrait>(
    conn: &C,
    post: &posts::Model,
) -> Result<(), AppError> {
    set_post_state(conn, post, PostState::Published).await?;
    let thread = find_thread(conn, post.thread_id).await?;
    let now = Utc::now();
    let mut change = threads::ActiveModel {
        id: Set(thread.id),
        last_post_at: Set(now),
        ..Default::default()
    };
    if !post.opening {
        change.reply_count = Set(thread.reply_count + 1);
    }
    change.update(conn).await?;
    watch_thread(conn, post.author_id, thread.id).await?;

    let mentioned = mentioned_users(conn, &post.body, thread.category_id).await?;
    let link = post_link(thread.id, post.id);
    for user_id in mentioned.iter().filter(|id| **id != post.author_id) {
        notify(
            conn,
            *user_id,
            NotificationKind::ForumMention,
            &thread.title,
            &link,
        )
        .await?;
    }
    // A new thread: those who follow its category are told; a reply: those who follow
    // the thread. Mentioned people were told already.
    let (followers, kind): (Vec<i32>, _) = if post.opening {
        let ids = category_watches::Entity::find()
            .select_only()
            .column(category_watches::Column::UserId)
            .filter(category_watches::Column::CategoryId.eq(thread.category_id))
            .into_tuple()
            .all(conn)
            .await?;
        (ids, NotificationKind::ForumCategoryThread)
    } else {
        let ids = watches::Entity::find()
            .select_only()
            .column(watches::Column::UserId)
            .filter(watches::Column::ThreadId.eq(thread.id))
            .into_tuple()
            .all(conn)
            .await?;
        (ids, NotificationKind::ForumReply)
    };
    let followers: Vec<i32> = followers
        .into_iter()
        .filter(|id| *id != post.author_id && !mentioned.contains(id))
        .collect();
    for user_id in readers_among(conn, followers, thread.category_id).await? {
        notify(conn, user_id, kind, &thread.title, &link).await?;
    }
    Ok(())
}

/// The active users mentioned by handle who may read the category: nobody learns of a
/// thread they could not open.
pub(super) async fn mentioned_users<C: ConnectionTrait>(
    conn: &C,
    body: &str,
    category: i32,
) -> Result<Vec<i32>, AppError> {
    let handles = mentioned_handles(body);
    if handles.is_empty() {
        return Ok(Vec::new());
    }
    let named = users::Entity::find()
        .filter(users::Column::Active.eq(true))
        .all(conn)
        .await?
        .into_iter()
        .filter(|user| handles.contains(&handle_of(&user.display_name)))
        .map(|user| user.id);
    readers_among(conn, named.collect::<Vec<_>>(), category).await
}

pub(super) async fn watch_thread<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    thread_id: i32,
) -> Result<(), AppError> {
    watches::Entity::insert(watches::ActiveModel {
        user_id: Set(user_id),
        thread_id: Set(thread_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([watches::Column::UserId, watches::Column::ThreadId])
    .exec(conn)
    .await?;
    Ok(())
}

pub(super) fn new_post(
    thread_id: i32,
    author_id: i32,
    opening: bool,
    body: &str,
) -> posts::ActiveModel {
    posts::ActiveModel {
        thread_id: Set(thread_id),
        author_id: Set(author_id),
        opening: Set(opening),
        body: Set(body.to_string()),
        body_html: Set(render(body)),
        pending_body: Set(None),
        state: Set(PostState::Draft.code().to_string()),
        hidden: Set(false),
        hidden_by: Set(None),
        created_at: Set(Utc::now()),
        edited_at: Set(None),
        edited_by: Set(None),
        ..Default::default()
    }
}

/// Opens a thread. Returns where to send the author: the thread, or the draft page when
/// the guard found something to confirm.
pub async fn create_thread(ctx: &Ctx, form: ValidThread) -> Result<String, AppError> {
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let category = category_by_code(&txn, &form.category)
            .await
            .map_err(|_| AppError::invalid("category", Problem::UnknownChoice))?;
        let permissions = Permissions::load(&txn, user).await?;
        let level = require(&txn, ctx, &permissions, category.id, AccessLevel::Post).await?;
        let now = Utc::now();
        let thread = threads::ActiveModel {
            category_id: Set(category.id),
            author_id: Set(user.id),
            title: Set(form.title.clone()),
            state: Set(PostState::Draft.code().to_string()),
            pinned: Set(false),
            locked: Set(false),
            accepted_post_id: Set(None),
            reply_count: Set(0),
            created_at: Set(now),
            last_post_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        for tag in &form.tags {
            thread_tags::ActiveModel {
                thread_id: Set(thread.id),
                tag: Set(tag.clone()),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        let post = new_post(thread.id, user.id, true, &form.body)
            .insert(&txn)
            .await?;
        let text = guarded_text(true, &form.title, &form.body);
        submit(&txn, user, &post, &text, level).await
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.thread.create", "forum_thread"),
    )
    .await
}

pub async fn reply(ctx: &Ctx, thread_id: i32, body: String) -> Result<String, AppError> {
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let Reach { thread, level, .. } =
            reach(&txn, ctx, user, thread_id, AccessLevel::Post).await?;
        if state_of(&thread.state) != PostState::Published {
            return Err(AppError::NotFound);
        }
        if thread.locked {
            return Err(AppError::conflict(Conflict::ThreadLocked));
        }
        let post = new_post(thread.id, user.id, false, &body)
            .insert(&txn)
            .await?;
        submit(&txn, user, &post, &body, level).await
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.reply", "forum_thread").object(thread_id),
    )
    .await
}

/// The author changes her post. The earlier text is kept for the moderators; a text the
/// guard questions is held on the draft page until she confirms it.
pub async fn edit_post(ctx: &Ctx, post_id: i32, body: String) -> Result<String, AppError> {
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let post = find_post(&txn, post_id).await?;
        let Reach { thread, .. } =
            reach(&txn, ctx, user, post.thread_id, AccessLevel::Read).await?;
        if post.author_id != user.id || state_of(&post.state) == PostState::Draft {
            return Err(refuse(&txn, ctx, "forum_post", post.id).await);
        }
        if thread.locked || post.hidden {
            return Err(AppError::conflict(Conflict::ThreadLocked));
        }
        let text = guarded_text(post.opening, &thread.title, &body);
        if !findings(&txn, user, &text).await?.is_empty() {
            return hold_edit(&txn, post.id, body).await;
        }
        apply_edit(&txn, &post, &thread.title, &body, user.id).await?;
        Ok(post_link(thread.id, post.id))
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.post.edit", "forum_post").object(post_id),
    )
    .await
}

/// Keeps an edit the guard questions beside the published text, which stays as it was
/// until the author confirms or changes it on her draft page (the link returned).
pub(super) async fn hold_edit<C: ConnectionTrait>(
    conn: &C,
    post_id: i32,
    body: String,
) -> Result<String, AppError> {
    posts::ActiveModel {
        id: Set(post_id),
        pending_body: Set(Some(body)),
        ..Default::default()
    }
    .update(conn)
    .await?;
    Ok(draft_link(post_id))
}

pub(super) async fn apply_edit<C: ConnectionTrait>(
    conn: &C,
    post: &posts::Model,
    thread_title: &str,
    body: &str,
    editor: i32,
) -> Result<(), AppError> {
    index_post(
        conn,
        post.id,
        &guarded_text(post.opening, thread_title, body),
    )
    .await?;
    let now = Utc::now();
    revisions::ActiveModel {
        post_id: Set(post.id),
        body: Set(post.body.clone()),
        written_by: Set(post.edited_by.unwrap_or(post.author_id)),
        written_at: Set(post.edited_at.unwrap_or(post.created_at)),
        replaced_by: Set(editor),
        replaced_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    posts::ActiveModel {
        id: Set(post.id),
        body: Set(body.to_string()),
        body_html: Set(render(body)),
        pending_body: Set(None),
        edited_at: Set(Some(now)),
        edited_by: Set(Some(editor)),
        ..Default::default()
    }
    .update(conn)
    .await?;
    Ok(())
}

/// The asker, or a moderator, marks the answer that solved the question (`None`: none).
pub async fn accept(ctx: &Ctx, thread_id: i32, post_id: Option<i32>) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let Reach { thread, level, .. } =
            reach(&txn, ctx, user, thread_id, AccessLevel::Read).await?;
        if !thread_visible(&thread, user, level) {
            return Err(AppError::NotFound);
        }
        if thread.author_id != user.id && level != AccessLevel::Moderate {
            return Err(refuse(&txn, ctx, "forum_thread", thread.id).await);
        }
        if let Some(post_id) = post_id {
            let post = find_post(&txn, post_id).await?;
            let answer = post.thread_id == thread.id
                && !post.opening
                && !post.hidden
                && state_of(&post.state) == PostState::Published;
            if !answer {
                return Err(AppError::invalid("post", Problem::UnknownChoice));
            }
        }
        threads::ActiveModel {
            id: Set(thread.id),
            accepted_post_id: Set(post_id),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.answer.accept", "forum_thread")
            .object(thread_id),
    )
    .await
}

pub async fn set_watch(ctx: &Ctx, thread_id: i32, on: bool) -> Result<(), AppError> {
    let user = ctx.user()?;
    let Reach { thread, level, .. } =
        reach(&ctx.db, ctx, user, thread_id, AccessLevel::Read).await?;
    if !thread_visible(&thread, user, level) {
        return Err(AppError::NotFound);
    }
    // One statement outside a transaction: it still waits for its turn to write.
    let _turn = crate::kernel::db::single_write_turn(&ctx.db).await?;
    if on {
        watch_thread(&ctx.db, user.id, thread.id).await
    } else {
        watches::Entity::delete_many()
            .filter(watches::Column::UserId.eq(user.id))
            .filter(watches::Column::ThreadId.eq(thread.id))
            .exec(&ctx.db)
            .await?;
        Ok(())
    }
}

/// A reader reports a post to the moderators, with her reason.
pub async fn flag(ctx: &Ctx, post_id: i32, reason: String) -> Result<i32, AppError> {
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let post = find_post(&txn, post_id).await?;
        let Reach { thread, level, .. } =
            reach(&txn, ctx, user, post.thread_id, AccessLevel::Read).await?;
        if !thread_visible(&thread, user, level) || !post_visible(&post, user, level) {
            return Err(AppError::NotFound);
        }
        let open = flags::Entity::find()
            .filter(flags::Column::PostId.eq(post.id))
            .filter(flags::Column::UserId.eq(user.id))
            .filter(flags::Column::ResolvedAt.is_null())
            .count(&txn)
            .await?;
        if open == 0 {
            flags::ActiveModel {
                post_id: Set(post.id),
                user_id: Set(user.id),
                reason: Set(reason),
                created_at: Set(Utc::now()),
                resolved_at: Set(None),
                resolved_by: Set(None),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        Ok(thread.id)
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.post.flag", "forum_post").object(post_id),
    )
    .await
}
