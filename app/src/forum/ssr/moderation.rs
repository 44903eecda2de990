//! Moderation: flags, hiding, locking, the moderators' queue and history.

use super::*;

// ---------------------------------------------------------------------------------------
// Moderation

/// Posts waiting for review, then posts with open flags, in these categories.
pub(super) async fn queue_posts<C: ConnectionTrait>(
    conn: &C,
    categories: &[i32],
) -> Result<Vec<(posts::Model, threads::Model)>, AppError> {
    let in_categories: Vec<i32> = threads::Entity::find()
        .select_only()
        .column(threads::Column::Id)
        .filter(threads::Column::CategoryId.is_in(categories.to_vec()))
        .into_tuple()
        .all(conn)
        .await?;
    let flagged: Vec<i32> = flags::Entity::find()
        .select_only()
        .column(flags::Column::PostId)
        .filter(flags::Column::ResolvedAt.is_null())
        .distinct()
        .into_tuple()
        .all(conn)
        .await?;
    let rows = posts::Entity::find()
        .filter(posts::Column::ThreadId.is_in(in_categories))
        .filter(
            posts::Column::State
                .eq(PostState::Pending.code())
                .or(posts::Column::Id.is_in(flagged)),
        )
        .order_by_asc(posts::Column::Id)
        .all(conn)
        .await?;
    let thread_ids: Vec<i32> = rows.iter().map(|post| post.thread_id).collect();
    let threads_by_id = find_threads(conn, thread_ids).await?;
    Ok(rows
        .into_iter()
        .filter_map(|post| {
            let thread = threads_by_id.get(&post.thread_id)?.clone();
            Some((post, thread))
        })
        .collect())
}

pub async fn moderation_page(ctx: &Ctx) -> Result<ModerationPage, AppError> {
    let user = ctx.user()?;
    let permissions = Permissions::load(&ctx.db, user).await?;
    let moderated = permissions.moderated();
    if moderated.is_empty() {
        // Nothing to moderate is an empty queue, not an error.
        return Ok(ModerationPage {
            pending: Vec::new(),
            flagged: Vec::new(),
            log: Vec::new(),
        });
    }
    let names = category_names(&categories::Entity::find().all(&ctx.db).await?);
    let queue = queue_posts(&ctx.db, &moderated).await?;
    let post_ids: Vec<i32> = queue.iter().map(|(post, _)| post.id).collect();
    let open_flags = flags::Entity::find()
        .filter(flags::Column::PostId.is_in(post_ids))
        .filter(flags::Column::ResolvedAt.is_null())
        .order_by_asc(flags::Column::Id)
        .all(&ctx.db)
        .await?;
    let log_rows = moderation_log::Entity::find()
        .filter(moderation_log::Column::CategoryId.is_in(moderated))
        .order_by_desc(moderation_log::Column::Id)
        .limit(SHOWN_LOG_ROWS)
        .all(&ctx.db)
        .await?;
    let log_thread_ids: Vec<i32> = log_rows.iter().filter_map(|row| row.thread_id).collect();
    let log_titles: HashMap<i32, String> = threads::Entity::find()
        .filter(threads::Column::Id.is_in(log_thread_ids))
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|thread| (thread.id, thread.title))
        .collect();
    let people = authors(
        &ctx.db,
        queue
            .iter()
            .map(|(post, _)| post.author_id)
            .chain(open_flags.iter().map(|flag| flag.user_id))
            .chain(log_rows.iter().map(|row| row.moderator_id))
            .collect::<Vec<_>>(),
    )
    .await?;
    let mut pending = Vec::new();
    let mut flagged = Vec::new();
    for (post, thread) in queue {
        let reasons: Vec<(String, String)> = open_flags
            .iter()
            .filter(|flag| flag.post_id == post.id)
            .map(|flag| {
                (
                    author_or_unknown(&people, flag.user_id).name,
                    flag.reason.clone(),
                )
            })
            .collect();
        let item = QueueItem {
            post_id: post.id,
            thread_id: thread.id,
            thread_title: thread.title.clone(),
            category_name: names.get(&thread.category_id).cloned().unwrap_or_default(),
            author: author_or_unknown(&people, post.author_id),
            created_at: post.created_at,
            html: post.body_html,
            state: state_of(&post.state),
            hidden: post.hidden,
            flags: reasons,
        };
        if item.state == PostState::Pending {
            pending.push(item);
        } else {
            flagged.push(item);
        }
    }
    let log = log_rows
        .into_iter()
        .filter_map(|row| {
            Some(ModerationLogRow {
                at: row.created_at,
                moderator: author_or_unknown(&people, row.moderator_id).name,
                action: ModerationAction::from_code(&row.action)?,
                category_name: names.get(&row.category_id).cloned().unwrap_or_default(),
                thread_title: row.thread_id.and_then(|id| log_titles.get(&id).cloned()),
                thread_id: row.thread_id,
                note: row.note,
            })
        })
        .collect();
    Ok(ModerationPage {
        pending,
        flagged,
        log,
    })
}

#[allow(clippy::too_many_arguments)]
pub(super) async fn log_action<C: ConnectionTrait>(
    conn: &C,
    moderator: i32,
    action: ModerationAction,
    category: i32,
    thread: Option<i32>,
    post: Option<i32>,
    note: Option<String>,
) -> Result<(), AppError> {
    moderation_log::ActiveModel {
        moderator_id: Set(moderator),
        action: Set(action.code().to_string()),
        category_id: Set(category),
        thread_id: Set(thread),
        post_id: Set(post),
        note: Set(note),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

pub(super) async fn resolve_flags<C: ConnectionTrait>(
    conn: &C,
    post_id: i32,
    moderator: i32,
) -> Result<(), AppError> {
    flags::Entity::update_many()
        .col_expr(flags::Column::ResolvedAt, Expr::value(Utc::now()))
        .col_expr(flags::Column::ResolvedBy, Expr::value(moderator))
        .filter(flags::Column::PostId.eq(post_id))
        .filter(flags::Column::ResolvedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

/// A moderator acts on one post: approves or refuses a waiting one, hides or shows it
/// again, or dismisses the flags on it.
pub async fn moderate_post(
    ctx: &Ctx,
    post_id: i32,
    action: ModerationAction,
    note: Option<String>,
) -> Result<i32, AppError> {
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let post = find_post(&txn, post_id).await?;
        let Reach { thread, .. } =
            reach(&txn, ctx, user, post.thread_id, AccessLevel::Moderate).await?;
        let state = state_of(&post.state);
        match action {
            ModerationAction::Approve | ModerationAction::Reject if state != PostState::Pending => {
                return Err(AppError::conflict(Conflict::Stale));
            }
            ModerationAction::Approve => {
                if !post.opening && state_of(&thread.state) != PostState::Published {
                    return Err(AppError::conflict(Conflict::Stale));
                }
                publish(&txn, &post).await?;
            }
            ModerationAction::Reject => {
                set_post_state(&txn, &post, PostState::Rejected).await?;
            }
            ModerationAction::Hide | ModerationAction::Unhide => {
                let hide = action == ModerationAction::Hide;
                posts::ActiveModel {
                    id: Set(post.id),
                    hidden: Set(hide),
                    hidden_by: Set(hide.then_some(user.id)),
                    ..Default::default()
                }
                .update(&txn)
                .await?;
                if hide && thread.accepted_post_id == Some(post.id) {
                    threads::ActiveModel {
                        id: Set(thread.id),
                        accepted_post_id: Set(None),
                        ..Default::default()
                    }
                    .update(&txn)
                    .await?;
                }
                resolve_flags(&txn, post.id, user.id).await?;
            }
            ModerationAction::DismissFlags => resolve_flags(&txn, post.id, user.id).await?,
            _ => return Err(AppError::invalid("action", Problem::UnknownChoice)),
        }
        log_action(
            &txn,
            user.id,
            action,
            thread.category_id,
            Some(thread.id),
            Some(post.id),
            note,
        )
        .await?;
        Ok(thread.id)
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.post.moderate", "forum_post")
            .object(post_id),
    )
    .await
}

/// A moderator pins, locks or moves a thread. Moving needs moderation rights in both
/// categories.
pub async fn moderate_thread(
    ctx: &Ctx,
    thread_id: i32,
    action: ModerationAction,
    target: Option<String>,
    note: Option<String>,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let Reach {
            thread,
            permissions,
            ..
        } = reach(&txn, ctx, user, thread_id, AccessLevel::Moderate).await?;
        let mut change = threads::ActiveModel {
            id: Set(thread.id),
            ..Default::default()
        };
        let mut logged_category = thread.category_id;
        match action {
            ModerationAction::Pin | ModerationAction::Unpin => {
                change.pinned = Set(action == ModerationAction::Pin);
            }
            ModerationAction::Lock | ModerationAction::Unlock => {
                change.locked = Set(action == ModerationAction::Lock);
            }
            ModerationAction::Move => {
                let target = category_by_code(&txn, target.as_deref().unwrap_or_default())
                    .await
                    .map_err(|_| AppError::invalid("category", Problem::UnknownChoice))?;
                require(&txn, ctx, &permissions, target.id, AccessLevel::Moderate).await?;
                change.category_id = Set(target.id);
                logged_category = target.id;
            }
            _ => return Err(AppError::invalid("action", Problem::UnknownChoice)),
        }
        change.update(&txn).await?;
        log_action(
            &txn,
            user.id,
            action,
            logged_category,
            Some(thread.id),
            None,
            note,
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.thread.moderate", "forum_thread")
            .object(thread_id),
    )
    .await
}
