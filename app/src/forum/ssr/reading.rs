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
    // Only moderators see what a post said before it was edited.
    let mut history = if moderator {
        revisions_by_post(&ctx.db, post_ids.clone()).await?
    } else {
        HashMap::new()
    };
    let flagged = flagged_by(&ctx.db, user.id, post_ids).await?;
    let people = post_authors(&ctx.db, &rows, &history).await?;
    let quote = quote_for_reply(&rows, &people, quote);
    let showing = PostShowing {
        thread: &thread,
        user_id: user.id,
        moderator,
        people: &people,
        flagged: &flagged,
    };
    let posts_shown = rows
        .into_iter()
        .map(|post| {
            let revisions = history.remove(&post.id).unwrap_or_default();
            showing.view(post, revisions)
        })
        .collect();
    let watching = watches_thread(&ctx.db, user.id, thread.id).await?;
    let move_targets = if moderator {
        move_targets(&ctx.db, &permissions, thread.category_id).await?
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

/// The earlier versions of these posts, newest first, by post.
async fn revisions_by_post<C: ConnectionTrait>(
    conn: &C,
    post_ids: Vec<i32>,
) -> Result<HashMap<i32, Vec<revisions::Model>>, AppError> {
    let mut history: HashMap<i32, Vec<revisions::Model>> = HashMap::new();
    for revision in revisions::Entity::find()
        .filter(revisions::Column::PostId.is_in(post_ids))
        .order_by_desc(revisions::Column::Id)
        .all(conn)
        .await?
    {
        history.entry(revision.post_id).or_default().push(revision);
    }
    Ok(history)
}

/// The authors of these posts and of their earlier versions.
async fn post_authors<C: ConnectionTrait>(
    conn: &C,
    rows: &[posts::Model],
    history: &HashMap<i32, Vec<revisions::Model>>,
) -> Result<HashMap<i32, Author>, AppError> {
    authors(
        conn,
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
    .await
}

/// The reply form's starting text: the `quoted` post, if it is on the page and not
/// hidden, quoted with its author's handle; empty otherwise.
fn quote_for_reply(
    rows: &[posts::Model],
    people: &HashMap<i32, Author>,
    quoted: Option<i32>,
) -> String {
    quoted
        .and_then(|quoted| rows.iter().find(|post| post.id == quoted && !post.hidden))
        .map(|post| {
            quote_of(
                &author_or_unknown(people, post.author_id).handle,
                &post.body,
            )
        })
        .unwrap_or_default()
}

/// Which of these posts the user has flagged, with the flag still open.
async fn flagged_by<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    post_ids: Vec<i32>,
) -> Result<HashSet<i32>, AppError> {
    Ok(flags::Entity::find()
        .select_only()
        .column(flags::Column::PostId)
        .filter(flags::Column::UserId.eq(user_id))
        .filter(flags::Column::PostId.is_in(post_ids))
        .filter(flags::Column::ResolvedAt.is_null())
        .into_tuple::<i32>()
        .all(conn)
        .await?
        .into_iter()
        .collect())
}

/// Whether the user watches the thread.
async fn watches_thread<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    thread_id: i32,
) -> Result<bool, AppError> {
    Ok(watches::Entity::find()
        .filter(watches::Column::UserId.eq(user_id))
        .filter(watches::Column::ThreadId.eq(thread_id))
        .count(conn)
        .await?
        > 0)
}

/// The categories a moderator may move a thread to: the others she moderates, in order.
async fn move_targets<C: ConnectionTrait>(
    conn: &C,
    permissions: &Permissions,
    current_category: i32,
) -> Result<Vec<(String, Bilingual)>, AppError> {
    let moderated = permissions.moderated();
    Ok(categories::Entity::find()
        .filter(categories::Column::Id.is_in(moderated))
        .filter(categories::Column::Id.ne(current_category))
        .order_by_asc(categories::Column::Position)
        .all(conn)
        .await?
        .into_iter()
        .map(|category| (category.code.clone(), category_name(&category)))
        .collect())
}

/// What decides how each post of a thread page is shown to its reader.
struct PostShowing<'a> {
    thread: &'a threads::Model,
    user_id: i32,
    moderator: bool,
    people: &'a HashMap<i32, Author>,
    flagged: &'a HashSet<i32>,
}

impl PostShowing<'_> {
    /// A post as its reader sees it: a hidden one's text only for moderators, the source
    /// for editing only to its author while the thread is open.
    fn view(&self, post: posts::Model, revisions: Vec<revisions::Model>) -> PostView {
        let mine = post.author_id == self.user_id;
        let revisions = revisions
            .into_iter()
            .map(|revision| Revision {
                body: revision.body,
                written_by: author_or_unknown(self.people, revision.written_by).name,
                written_at: revision.written_at,
            })
            .collect();
        PostView {
            id: post.id,
            author: author_or_unknown(self.people, post.author_id),
            opening: post.opening,
            state: state_of(&post.state),
            created_at: post.created_at,
            edited_at: post.edited_at,
            html: if post.hidden && !self.moderator {
                String::new()
            } else {
                post.body_html
            },
            hidden: post.hidden,
            accepted: self.thread.accepted_post_id == Some(post.id),
            source: (mine && !post.hidden && !self.thread.locked).then_some(post.body),
            revisions,
            flagged_by_me: self.flagged.contains(&post.id),
        }
    }
}

pub(super) async fn mark_read(
    db: &DatabaseConnection,
    user_id: i32,
    thread_id: i32,
) -> Result<(), AppError> {
    // One statement outside a transaction: it still waits for its turn to write.
    let _turn = crate::kernel::db::single_write_turn(db).await?;
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
