//! Reading the forum: overview, categories, threads, drafts, as the reader may.

use super::*;

// ---------------------------------------------------------------------------------------
// Reading

pub(super) fn state_of(code: &str) -> PostState {
    PostState::from_stored(code, PostState::Draft)
}

pub(super) async fn find_thread<C: ConnectionTrait>(
    conn: &C,
    id: i32,
) -> Result<threads::Model, AppError> {
    threads::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// A thread with the user's rights in its category.
pub(super) struct Reach {
    pub(super) thread: threads::Model,
    pub(super) permissions: Permissions,
    pub(super) level: AccessLevel,
}

/// Loads a thread (404 if there is none) and refuses, audited, a user whose level in its
/// category is below `needed`. Every function about one thread starts here.
pub(super) async fn reach<C: ConnectionTrait>(
    conn: &C,
    ctx: &Ctx,
    user: &CurrentUser,
    thread_id: i32,
    needed: AccessLevel,
) -> Result<Reach, AppError> {
    let thread = find_thread(conn, thread_id).await?;
    let permissions = Permissions::load(conn, user).await?;
    let level = require(conn, ctx, &permissions, thread.category_id, needed).await?;
    Ok(Reach {
        thread,
        permissions,
        level,
    })
}

pub(super) async fn find_post<C: ConnectionTrait>(
    conn: &C,
    id: i32,
) -> Result<posts::Model, AppError> {
    posts::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// Whether this reader sees the thread in lists and on its page: published ones; her own
/// while they wait or were refused; waiting ones if she moderates the category. Drafts
/// only ever appear on their author's draft page.
pub(super) fn thread_visible(
    thread: &threads::Model,
    user: &CurrentUser,
    level: AccessLevel,
) -> bool {
    match state_of(&thread.state) {
        PostState::Published => true,
        PostState::Pending => thread.author_id == user.id || level == AccessLevel::Moderate,
        PostState::Rejected => thread.author_id == user.id,
        PostState::Draft => false,
    }
}

pub(super) fn post_visible(post: &posts::Model, user: &CurrentUser, level: AccessLevel) -> bool {
    match state_of(&post.state) {
        PostState::Published => true,
        PostState::Pending => post.author_id == user.id || level == AccessLevel::Moderate,
        PostState::Rejected => post.author_id == user.id,
        PostState::Draft => false,
    }
}

/// When the user last opened each of these threads.
pub(super) async fn read_markers<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    thread_ids: Vec<i32>,
) -> Result<HashMap<i32, DateTime<Utc>>, AppError> {
    Ok(reads::Entity::find()
        .filter(reads::Column::UserId.eq(user_id))
        .filter(reads::Column::ThreadId.is_in(thread_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|read| (read.thread_id, read.read_at))
        .collect())
}

pub(super) async fn tags_of<C: ConnectionTrait>(
    conn: &C,
    thread_ids: Vec<i32>,
) -> Result<HashMap<i32, Vec<String>>, AppError> {
    let mut tags: HashMap<i32, Vec<String>> = HashMap::new();
    for row in thread_tags::Entity::find()
        .filter(thread_tags::Column::ThreadId.is_in(thread_ids))
        .order_by_asc(thread_tags::Column::Tag)
        .all(conn)
        .await?
    {
        tags.entry(row.thread_id).or_default().push(row.tag);
    }
    Ok(tags)
}

pub async fn overview(ctx: &Ctx) -> Result<ForumOverview, AppError> {
    let user = ctx.user()?;
    let permissions = Permissions::load(&ctx.db, user).await?;
    let readable = permissions.readable();
    let published: Vec<(i32, i32, DateTime<Utc>)> = threads::Entity::find()
        .select_only()
        .column(threads::Column::Id)
        .column(threads::Column::CategoryId)
        .column(threads::Column::LastPostAt)
        .filter(threads::Column::CategoryId.is_in(readable.clone()))
        .filter(threads::Column::State.eq(PostState::Published.code()))
        .into_tuple()
        .all(&ctx.db)
        .await?;
    let markers: HashMap<i32, DateTime<Utc>> = reads::Entity::find()
        .filter(reads::Column::UserId.eq(user.id))
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|read| (read.thread_id, read.read_at))
        .collect();
    let mut categories_shown = Vec::new();
    for category in categories::Entity::find()
        .filter(categories::Column::Id.is_in(readable))
        .order_by_asc(categories::Column::Position)
        .all(&ctx.db)
        .await?
    {
        let Some(level) = permissions.level(category.id) else {
            continue;
        };
        let mut summary = CategorySummary {
            code: category.code.clone(),
            name: category_name(&category),
            description: Bilingual::new(&category.description_it, &category.description_en),
            level,
            threads: 0,
            unread: 0,
            last_post_at: None,
        };
        for (thread, _, last_post_at) in published.iter().filter(|row| row.1 == category.id) {
            summary.threads += 1;
            if markers.get(thread).is_none_or(|read| read < last_post_at) {
                summary.unread += 1;
            }
            summary.last_post_at = Ord::max(summary.last_post_at, Some(*last_post_at));
        }
        categories_shown.push(summary);
    }
    let moderated = permissions.moderated();
    let queue = if moderated.is_empty() {
        0
    } else {
        queue_posts(&ctx.db, &moderated).await?.len() as u64
    };
    Ok(ForumOverview {
        categories: categories_shown,
        moderates: !moderated.is_empty(),
        queue,
    })
}

pub async fn category_page(
    ctx: &Ctx,
    code: &str,
    tag: Option<String>,
    page: u64,
) -> Result<CategoryPage, AppError> {
    let user = ctx.user()?;
    let category = category_by_code(&ctx.db, code).await?;
    let permissions = Permissions::load(&ctx.db, user).await?;
    let level = require(&ctx.db, ctx, &permissions, category.id, AccessLevel::Read).await?;
    let mut query = threads::Entity::find().filter(threads::Column::CategoryId.eq(category.id));
    query = if level == AccessLevel::Moderate {
        query.filter(
            threads::Column::State
                .is_in([PostState::Published.code(), PostState::Pending.code()])
                .or(threads::Column::AuthorId
                    .eq(user.id)
                    .and(threads::Column::State.eq(PostState::Rejected.code()))),
        )
    } else {
        query.filter(
            threads::Column::State
                .eq(PostState::Published.code())
                .or(threads::Column::AuthorId.eq(user.id).and(
                    threads::Column::State
                        .is_in([PostState::Pending.code(), PostState::Rejected.code()]),
                )),
        )
    };
    if let Some(tag) = &tag {
        let tagged: Vec<i32> = thread_tags::Entity::find()
            .select_only()
            .column(thread_tags::Column::ThreadId)
            .filter(thread_tags::Column::Tag.eq(tag.as_str()))
            .into_tuple()
            .all(&ctx.db)
            .await?;
        query = query.filter(threads::Column::Id.is_in(tagged));
    }
    let mut rows = query
        .order_by_desc(threads::Column::Pinned)
        .order_by_desc(threads::Column::LastPostAt)
        .order_by_desc(threads::Column::Id)
        .offset(page * THREADS_PER_PAGE)
        .limit(THREADS_PER_PAGE + 1)
        .all(&ctx.db)
        .await?;
    let has_more = rows.len() as u64 > THREADS_PER_PAGE;
    rows.truncate(THREADS_PER_PAGE as usize);
    let threads = thread_summaries(&ctx.db, user.id, rows).await?;
    let watching =
        crate::forum::materials::ssr::watches_category(&ctx.db, user.id, category.id).await?;
    Ok(CategoryPage {
        watching,
        code: category.code.clone(),
        name: category_name(&category),
        description: Bilingual::new(&category.description_it, &category.description_en),
        level,
        tag,
        threads,
        page,
        has_more,
    })
}

pub(super) async fn thread_summaries<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    rows: Vec<threads::Model>,
) -> Result<Vec<ThreadSummary>, AppError> {
    let ids: Vec<i32> = rows.iter().map(|thread| thread.id).collect();
    let authors = authors(conn, rows.iter().map(|thread| thread.author_id)).await?;
    let markers = read_markers(conn, user_id, ids.clone()).await?;
    let mut tags = tags_of(conn, ids).await?;
    Ok(rows
        .into_iter()
        .map(|thread| ThreadSummary {
            id: thread.id,
            author: author_or_unknown(&authors, thread.author_id),
            state: state_of(&thread.state),
            created_at: thread.created_at,
            last_post_at: thread.last_post_at,
            replies: thread.reply_count,
            pinned: thread.pinned,
            locked: thread.locked,
            answered: thread.accepted_post_id.is_some(),
            unread: markers
                .get(&thread.id)
                .is_none_or(|read| *read < thread.last_post_at),
            tags: tags.remove(&thread.id).unwrap_or_default(),
            title: thread.title,
        })
        .collect())
}

pub async fn thread_page(ctx: &Ctx, id: i32, quote: Option<i32>) -> Result<ThreadPage, AppError> {
    let user = ctx.user()?;
    let Reach {
        thread,
        level,
        permissions,
    } = reach(&ctx.db, ctx, user, id, AccessLevel::Read).await?;
    if !thread_visible(&thread, user, level) {
        return Err(AppError::NotFound);
    }
    let category = category_by_id(&ctx.db, thread.category_id).await?;
    let moderator = level == AccessLevel::Moderate;
    let rows: Vec<posts::Model> = posts::Entity::find()
        .filter(posts::Column::ThreadId.eq(thread.id))
        .order_by_asc(posts::Column::Id)
        .all(&ctx.db)
        .await?
        .into_iter()
        .filter(|post| post_visible(post, user, level))
        .collect();
    let post_ids: Vec<i32> = rows.iter().map(|post| post.id).collect();
    let mut history: HashMap<i32, Vec<revisions::Model>> = HashMap::new();
    if moderator {
        for revision in revisions::Entity::find()
            .filter(revisions::Column::PostId.is_in(post_ids.clone()))
            .order_by_desc(revisions::Column::Id)
            .all(&ctx.db)
            .await?
        {
            history.entry(revision.post_id).or_default().push(revision);
        }
    }
    let flagged: HashSet<i32> = flags::Entity::find()
        .select_only()
        .column(flags::Column::PostId)
        .filter(flags::Column::UserId.eq(user.id))
        .filter(flags::Column::PostId.is_in(post_ids))
        .filter(flags::Column::ResolvedAt.is_null())
        .into_tuple::<i32>()
        .all(&ctx.db)
        .await?
        .into_iter()
        .collect();
    let people = authors(
        &ctx.db,
        rows.iter()
            .map(|post| post.author_id)
            .chain(
                history
                    .values()
                    .flatten()
                    .map(|revision| revision.written_by),
            )
            .collect::<Vec<_>>(),
    )
    .await?;
    let quote = quote
        .and_then(|quoted| rows.iter().find(|post| post.id == quoted && !post.hidden))
        .map(|post| {
            quote_of(
                &author_or_unknown(&people, post.author_id).handle,
                &post.body,
            )
        })
        .unwrap_or_default();
    let posts_shown = rows
        .into_iter()
        .map(|post| {
            let mine = post.author_id == user.id;
            let revisions = history
                .remove(&post.id)
                .unwrap_or_default()
                .into_iter()
                .map(|revision| Revision {
                    body: revision.body,
                    written_by: author_or_unknown(&people, revision.written_by).name,
                    written_at: revision.written_at,
                })
                .collect();
            PostView {
                id: post.id,
                author: author_or_unknown(&people, post.author_id),
                opening: post.opening,
                state: state_of(&post.state),
                created_at: post.created_at,
                edited_at: post.edited_at,
                html: if post.hidden && !moderator {
                    String::new()
                } else {
                    post.body_html
                },
                hidden: post.hidden,
                accepted: thread.accepted_post_id == Some(post.id),
                source: (mine && !post.hidden && !thread.locked).then_some(post.body),
                revisions,
                flagged_by_me: flagged.contains(&post.id),
            }
        })
        .collect();
    let watching = watches::Entity::find()
        .filter(watches::Column::UserId.eq(user.id))
        .filter(watches::Column::ThreadId.eq(thread.id))
        .count(&ctx.db)
        .await?
        > 0;
    let move_targets = if moderator {
        let moderated = permissions.moderated();
        categories::Entity::find()
            .filter(categories::Column::Id.is_in(moderated))
            .filter(categories::Column::Id.ne(thread.category_id))
            .order_by_asc(categories::Column::Position)
            .all(&ctx.db)
            .await?
            .into_iter()
            .map(|category| (category.code.clone(), category_name(&category)))
            .collect()
    } else {
        Vec::new()
    };
    mark_read(&ctx.db, user.id, thread.id).await?;
    let published = state_of(&thread.state) == PostState::Published;
    Ok(ThreadPage {
        id: thread.id,
        category_code: category.code.clone(),
        category_name: category_name(&category),
        tags: tags_of(&ctx.db, vec![thread.id])
            .await?
            .remove(&thread.id)
            .unwrap_or_default(),
        state: state_of(&thread.state),
        pinned: thread.pinned,
        locked: thread.locked,
        accepted_post_id: thread.accepted_post_id,
        watching,
        may_reply: published && !thread.locked && level >= AccessLevel::Post,
        may_moderate: moderator,
        may_accept: published && (thread.author_id == user.id || moderator),
        posts: posts_shown,
        quote,
        move_targets,
        title: thread.title,
    })
}

pub(super) async fn mark_read(
    db: &DatabaseConnection,
    user_id: i32,
    thread_id: i32,
) -> Result<(), AppError> {
    reads::Entity::insert(reads::ActiveModel {
        user_id: Set(user_id),
        thread_id: Set(thread_id),
        read_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([reads::Column::UserId, reads::Column::ThreadId])
            .update_column(reads::Column::ReadAt)
            .to_owned(),
    )
    .exec(db)
    .await?;
    Ok(())
}
