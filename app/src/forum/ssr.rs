//! The forum on the server: who may read, post in and moderate each category, threads
//! and posts on their way from draft to publication, read markers, watches, flags and
//! the moderators' work. Every decision about a category is taken here, per request,
//! from the rules in the database: a changed rule applies at once.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use sea_orm::sea_query::{Expr, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ExprTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::markdown::render;
use super::model::*;
use super::personal_data::scan;
use super::search::index_post;
use crate::audit::model::Outcome;
use crate::audit::ssr::{record, AuditEvent};
use crate::auth::model::{CurrentUser, OrganisationKind, Role};
use crate::auth::ssr::Ctx;
use crate::db::{begin_write, settle};
use crate::entity::{
    forum_categories as categories, forum_category_rules as rules,
    forum_category_watches as category_watches, forum_flags as flags,
    forum_guard_checks as guard_checks, forum_moderation_log as moderation_log,
    forum_moderators as moderators, forum_post_revisions as revisions, forum_posts as posts,
    forum_reads as reads, forum_thread_tags as thread_tags, forum_threads as threads,
    forum_watches as watches, organisations, structures, users,
};
use crate::error::{AppError, Conflict, Problem};
use crate::notifications::model::NotificationKind;
use crate::notifications::ssr::notify;

/// Log rows shown on the moderation page.
const SHOWN_LOG_ROWS: u64 = 100;

// ---------------------------------------------------------------------------------------
// Permissions

/// One user's level in each category she may read.
pub(crate) struct Permissions {
    levels: HashMap<i32, AccessLevel>,
}

impl Permissions {
    pub(crate) async fn load<C: ConnectionTrait>(
        conn: &C,
        user: &CurrentUser,
    ) -> Result<Self, AppError> {
        Self::for_member(conn, user.id, &user.roles, user.organisation_kind).await
    }

    async fn for_member<C: ConnectionTrait>(
        conn: &C,
        user_id: i32,
        roles: &[Role],
        kind: OrganisationKind,
    ) -> Result<Self, AppError> {
        let mut levels: HashMap<i32, AccessLevel> = HashMap::new();
        let mut raise = |category: i32, level: AccessLevel| {
            let entry = levels.entry(category).or_insert(level);
            *entry = (*entry).max(level);
        };
        for rule in rules::Entity::find().all(conn).await? {
            if let Some(level) = AccessLevel::from_code(&rule.level) {
                if audience_includes(&rule.audience, roles, kind) {
                    raise(rule.category_id, level);
                }
            }
        }
        // A partner never moderates, whatever rows say (admin::account_changes removes
        // them when a member moves into a partner organisation).
        let named = if kind == OrganisationKind::Partner {
            Vec::new()
        } else {
            moderators::Entity::find()
                .filter(moderators::Column::UserId.eq(user_id))
                .all(conn)
                .await?
        };
        for named in named {
            raise(named.category_id, AccessLevel::Moderate);
        }
        Ok(Permissions { levels })
    }

    pub(crate) fn level(&self, category: i32) -> Option<AccessLevel> {
        self.levels.get(&category).copied()
    }

    pub(crate) fn readable(&self) -> Vec<i32> {
        self.levels.keys().copied().collect()
    }

    fn moderated(&self) -> Vec<i32> {
        self.levels
            .iter()
            .filter(|(_, level)| **level == AccessLevel::Moderate)
            .map(|(category, _)| *category)
            .collect()
    }
}

/// Whether a rule's audience (`all`, `role:<role>`, `kind:<organisation kind>`) covers
/// a member with these roles in this kind of organisation.
fn audience_includes(audience: &str, roles: &[Role], kind: OrganisationKind) -> bool {
    match audience.split_once(':') {
        None => audience == "all",
        Some(("role", code)) => Role::from_code(code).is_some_and(|role| roles.contains(&role)),
        Some(("kind", code)) => kind.code() == code,
        Some(_) => false,
    }
}

/// A refusal in the forum: audited like every other, then 403.
pub(crate) async fn refuse<C: ConnectionTrait>(
    conn: &C,
    ctx: &Ctx,
    object_type: &str,
    id: impl ToString,
) -> AppError {
    let event = AuditEvent::new(ctx.user.as_ref(), "forum.denied", object_type)
        .object(id)
        .outcome(Outcome::Denied);
    match record(conn, ctx.request_id(), event).await {
        Ok(()) => AppError::Forbidden,
        Err(error) => error.into(),
    }
}

pub(crate) async fn require<C: ConnectionTrait>(
    conn: &C,
    ctx: &Ctx,
    permissions: &Permissions,
    category: i32,
    needed: AccessLevel,
) -> Result<AccessLevel, AppError> {
    match permissions.level(category) {
        Some(level) if level >= needed => Ok(level),
        _ => Err(refuse(conn, ctx, "forum_category", category).await),
    }
}

// ---------------------------------------------------------------------------------------
// Reading

pub(crate) fn bilingual(it: &str, en: &str) -> Bilingual {
    Bilingual {
        it: it.to_string(),
        en: en.to_string(),
    }
}

pub(crate) fn category_name(category: &categories::Model) -> Bilingual {
    bilingual(&category.name_it, &category.name_en)
}

fn state_of(code: &str) -> PostState {
    PostState::from_code(code).unwrap_or(PostState::Draft)
}

pub(crate) async fn authors<C: ConnectionTrait>(
    conn: &C,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, Author>, AppError> {
    let ids: Vec<i32> = ids
        .into_iter()
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    let found = users::Entity::find()
        .filter(users::Column::Id.is_in(ids))
        .all(conn)
        .await?;
    let organisation_ids: Vec<i32> = found.iter().map(|user| user.organisation_id).collect();
    let organisation_names: HashMap<i32, String> = organisations::Entity::find()
        .filter(organisations::Column::Id.is_in(organisation_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|organisation| (organisation.id, organisation.name))
        .collect();
    Ok(found
        .into_iter()
        .map(|user| {
            let author = Author {
                handle: handle_of(&user.display_name),
                organisation: organisation_names
                    .get(&user.organisation_id)
                    .cloned()
                    .unwrap_or_default(),
                name: user.display_name,
            };
            (user.id, author)
        })
        .collect())
}

pub(crate) fn author_or_unknown(authors: &HashMap<i32, Author>, id: i32) -> Author {
    authors.get(&id).cloned().unwrap_or(Author {
        name: "—".to_string(),
        handle: String::new(),
        organisation: String::new(),
    })
}

pub(crate) async fn category_by_code<C: ConnectionTrait>(
    conn: &C,
    code: &str,
) -> Result<categories::Model, AppError> {
    categories::Entity::find()
        .filter(categories::Column::Code.eq(code.trim()))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

pub(crate) async fn category_by_id<C: ConnectionTrait>(
    conn: &C,
    id: i32,
) -> Result<categories::Model, AppError> {
    categories::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

async fn find_thread<C: ConnectionTrait>(conn: &C, id: i32) -> Result<threads::Model, AppError> {
    threads::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// A thread with the user's rights in its category.
struct Reach {
    thread: threads::Model,
    permissions: Permissions,
    level: AccessLevel,
}

/// Loads a thread (404 if there is none) and refuses, audited, a user whose level in its
/// category is below `needed`. Every function about one thread starts here.
async fn reach<C: ConnectionTrait>(
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

async fn find_post<C: ConnectionTrait>(conn: &C, id: i32) -> Result<posts::Model, AppError> {
    posts::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

/// Whether this reader sees the thread in lists and on its page: published ones; her own
/// while they wait or were refused; waiting ones if she moderates the category. Drafts
/// only ever appear on their author's draft page.
fn thread_visible(thread: &threads::Model, user: &CurrentUser, level: AccessLevel) -> bool {
    match state_of(&thread.state) {
        PostState::Published => true,
        PostState::Pending => thread.author_id == user.id || level == AccessLevel::Moderate,
        PostState::Rejected => thread.author_id == user.id,
        PostState::Draft => false,
    }
}

fn post_visible(post: &posts::Model, user: &CurrentUser, level: AccessLevel) -> bool {
    match state_of(&post.state) {
        PostState::Published => true,
        PostState::Pending => post.author_id == user.id || level == AccessLevel::Moderate,
        PostState::Rejected => post.author_id == user.id,
        PostState::Draft => false,
    }
}

/// When the user last opened each of these threads.
async fn read_markers<C: ConnectionTrait>(
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

async fn tags_of<C: ConnectionTrait>(
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
            description: bilingual(&category.description_it, &category.description_en),
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
    let watching = super::materials::ssr::watches_category(&ctx.db, user.id, category.id).await?;
    Ok(CategoryPage {
        watching,
        code: category.code.clone(),
        name: category_name(&category),
        description: bilingual(&category.description_it, &category.description_en),
        level,
        tag,
        threads,
        page,
        has_more,
    })
}

async fn thread_summaries<C: ConnectionTrait>(
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

async fn mark_read(db: &DatabaseConnection, user_id: i32, thread_id: i32) -> Result<(), AppError> {
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

// ---------------------------------------------------------------------------------------
// Writing

/// Where a post is read: its thread, at the post.
fn post_link(thread_id: i32, post_id: i32) -> String {
    format!("/forum/discussioni/{thread_id}#messaggio-{post_id}")
}

fn draft_link(post_id: i32) -> String {
    format!("/forum/bozze/{post_id}")
}

/// What the guard reads: the post, and the title too for the question that opened the
/// thread.
fn guarded_text(opening: bool, title: &str, body: &str) -> String {
    if opening {
        format!("{title}\n{body}")
    } else {
        body.to_string()
    }
}

/// How often one user may run the personal-data guard: it answers whether a text names a
/// place of the network, so it must not become a way to test guesses one after another.
pub const GUARD_CHECKS_PER_WINDOW: u64 = 60;
pub const GUARD_WINDOW_SECS: i64 = 600;

/// What the personal-data guard finds in a text written by `author`. Structure names are
/// those she may know: every open structure, and the secret ones of her own organisation
/// (the coordinator knows them all). A secret name someone else guessed is not matched,
/// so the guard never confirms it; a name it finds is not quoted back either.
pub(crate) async fn findings<C: ConnectionTrait>(
    conn: &C,
    author: &CurrentUser,
    text: &str,
) -> Result<Vec<Finding>, AppError> {
    guard_check(conn, author).await?;
    let names: Vec<String> = structures::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .filter(|structure| {
            !structure.secret
                || structure.organisation_id == author.organisation_id
                || author.is_network_wide()
        })
        .map(|structure| structure.name)
        .collect();
    Ok(scan(text, &names)
        .into_iter()
        .map(|finding| match finding.kind {
            FindingKind::Structure => Finding {
                kind: FindingKind::Structure,
                text: String::new(),
            },
            _ => finding,
        })
        .collect())
}

/// Counts one run of the guard; past the limit the author waits (429).
async fn guard_check<C: ConnectionTrait>(conn: &C, author: &CurrentUser) -> Result<(), AppError> {
    let since = Utc::now() - chrono::Duration::seconds(GUARD_WINDOW_SECS);
    let recent = guard_checks::Entity::find()
        .filter(guard_checks::Column::UserId.eq(author.id))
        .filter(guard_checks::Column::CheckedAt.gt(since))
        .count(conn)
        .await?;
    if recent >= GUARD_CHECKS_PER_WINDOW {
        return Err(AppError::TooManyRequests {
            retry_after_secs: GUARD_WINDOW_SECS as u64,
        });
    }
    guard_checks::ActiveModel {
        user_id: Set(author.id),
        checked_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Deletes guard runs older than a day (the server's periodic sweep).
pub async fn purge_guard_checks(db: &sea_orm::DatabaseConnection) -> Result<(), sea_orm::DbErr> {
    guard_checks::Entity::delete_many()
        .filter(guard_checks::Column::CheckedAt.lt(Utc::now() - chrono::Duration::days(1)))
        .exec(db)
        .await?;
    Ok(())
}

/// A new user's posts wait for a moderator until one of hers has been published.
async fn needs_review<C: ConnectionTrait>(
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

async fn set_post_state<C: ConnectionTrait>(
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
async fn release<C: ConnectionTrait>(
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

/// Makes a post public: the thread's counters move, its author follows the thread, and
/// the people mentioned and the thread's followers are told.
async fn publish<C: ConnectionTrait>(conn: &C, post: &posts::Model) -> Result<(), AppError> {
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

/// Those of these users who are active and may read the category now: nobody learns of
/// something they could not open (rules may have changed since they followed it).
pub(crate) async fn readers_among<C: ConnectionTrait>(
    conn: &C,
    user_ids: impl IntoIterator<Item = i32>,
    category: i32,
) -> Result<Vec<i32>, AppError> {
    let mut readers = Vec::new();
    let mut seen = HashSet::new();
    for user_id in user_ids {
        if !seen.insert(user_id) {
            continue;
        }
        // The member as the sign-in loads her: only the roles her organisation allows.
        let Some(member) = crate::auth::ssr::current_user_by_id(conn, user_id).await? else {
            continue;
        };
        let permissions =
            Permissions::for_member(conn, user_id, &member.roles, member.organisation_kind).await?;
        if permissions.level(category).is_some() {
            readers.push(user_id);
        }
    }
    Ok(readers)
}

/// The active users mentioned by handle who may read the category: nobody learns of a
/// thread they could not open.
async fn mentioned_users<C: ConnectionTrait>(
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

async fn watch_thread<C: ConnectionTrait>(
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

fn new_post(thread_id: i32, author_id: i32, opening: bool, body: &str) -> posts::ActiveModel {
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
        index_post(&txn, post.id, &text).await?;
        if !findings(&txn, user, &text).await?.is_empty() {
            return Ok(draft_link(post.id));
        }
        release(&txn, &post, level).await
    }
    .await;
    settle(txn, result).await
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
        index_post(&txn, post.id, &body).await?;
        if !findings(&txn, user, &body).await?.is_empty() {
            return Ok(draft_link(post.id));
        }
        release(&txn, &post, level).await
    }
    .await;
    settle(txn, result).await
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
            posts::ActiveModel {
                id: Set(post.id),
                pending_body: Set(Some(body)),
                ..Default::default()
            }
            .update(&txn)
            .await?;
            return Ok(draft_link(post.id));
        }
        apply_edit(&txn, &post, &thread.title, &body, user.id).await?;
        Ok(post_link(thread.id, post.id))
    }
    .await;
    settle(txn, result).await
}

async fn apply_edit<C: ConnectionTrait>(
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

/// A post held by the guard, as its author sees it; nobody else does.
async fn held_post<C: ConnectionTrait>(
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

fn held_text(post: &posts::Model) -> String {
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
    Ok(DraftPage {
        post_id: post.id,
        thread_id: thread.id,
        thread_title: thread.title,
        category_name: category_name(&category),
        editing: post.pending_body.is_some(),
        findings: findings(&ctx.db, user, &text).await?,
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
                posts::ActiveModel {
                    id: Set(post.id),
                    pending_body: Set(Some(body)),
                    ..Default::default()
                }
                .update(&txn)
                .await?;
                return Ok(draft_link(post.id));
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
    settle(txn, result).await
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
    settle(txn, result).await
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
    settle(txn, result).await
}

pub async fn set_watch(ctx: &Ctx, thread_id: i32, on: bool) -> Result<(), AppError> {
    let user = ctx.user()?;
    let Reach { thread, level, .. } =
        reach(&ctx.db, ctx, user, thread_id, AccessLevel::Read).await?;
    if !thread_visible(&thread, user, level) {
        return Err(AppError::NotFound);
    }
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
    settle(txn, result).await
}

// ---------------------------------------------------------------------------------------
// Moderation

/// Posts waiting for review, then posts with open flags, in these categories.
async fn queue_posts<C: ConnectionTrait>(
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
    let threads_by_id: HashMap<i32, threads::Model> = threads::Entity::find()
        .filter(threads::Column::Id.is_in(thread_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|thread| (thread.id, thread))
        .collect();
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
    let names: HashMap<i32, Bilingual> = categories::Entity::find()
        .all(&ctx.db)
        .await?
        .iter()
        .map(|category| (category.id, category_name(category)))
        .collect();
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
async fn log_action<C: ConnectionTrait>(
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

async fn resolve_flags<C: ConnectionTrait>(
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
    settle(txn, result).await
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
    settle(txn, result).await
}

// ---------------------------------------------------------------------------------------
// Search

/// Searches what this reader may read. Bad filters are field errors (422); a category she
/// may not read is as unknown as one that does not exist.
pub async fn search_page(ctx: &Ctx, form: SearchForm) -> Result<SearchPage, AppError> {
    use super::search::{matching_posts, snippet, Filters};

    let user = ctx.user()?;
    let permissions = Permissions::load(&ctx.db, user).await?;
    let readable = categories::Entity::find()
        .filter(categories::Column::Id.is_in(permissions.readable()))
        .order_by_asc(categories::Column::Position)
        .all(&ctx.db)
        .await?;
    let choices: Vec<(String, Bilingual)> = readable
        .iter()
        .map(|category| (category.code.clone(), category_name(category)))
        .collect();

    let mut checks = crate::error::Validation::default();
    let query = form.q.split_whitespace().collect::<Vec<_>>().join(" ");
    if query.chars().count() > MAX_QUERY {
        checks.add("q", Problem::TooLong);
    }
    let categories_searched: Vec<i32> = match form.category.trim() {
        "" => readable.iter().map(|category| category.id).collect(),
        code => match readable.iter().find(|category| category.code == code) {
            Some(category) => vec![category.id],
            None => {
                checks.add("category", Problem::UnknownChoice);
                Vec::new()
            }
        },
    };
    let tag = match form.tag.trim() {
        "" => None,
        tag if is_tag(tag) => Some(tag.to_string()),
        _ => {
            checks.add("tag", Problem::UnknownChoice);
            None
        }
    };
    let from = crate::dates::optional_day("from", &form.from, &mut checks);
    let to = crate::dates::optional_day("to", &form.to, &mut checks);
    checks.finish()?;
    if query.is_empty() {
        return Ok(SearchPage {
            searched: false,
            hits: Vec::new(),
            materials: Vec::new(),
            categories: choices,
        });
    }

    let written_by = match form.author.trim().trim_start_matches('@') {
        "" => None,
        wanted => {
            let wanted = wanted.to_lowercase();
            let handle = handle_of(&wanted.replace('.', " "));
            Some(
                users::Entity::find()
                    .all(&ctx.db)
                    .await?
                    .into_iter()
                    .filter(|author| {
                        handle_of(&author.display_name) == handle
                            || author.display_name.to_lowercase().contains(&wanted)
                    })
                    .map(|author| author.id)
                    .collect(),
            )
        }
    };
    let filters = Filters {
        categories: categories_searched,
        tag,
        authors: written_by,
        from,
        to,
        with_attachments: !form.attachments.trim().is_empty(),
    };
    let materials =
        super::materials::ssr::search_hits(&ctx.db, &query, &filters, &readable).await?;
    let ids = matching_posts(&ctx.db, &query, &filters, SEARCH_RESULTS).await?;
    let found: HashMap<i32, posts::Model> = posts::Entity::find()
        .filter(posts::Column::Id.is_in(ids.clone()))
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|post| (post.id, post))
        .collect();
    let thread_ids: Vec<i32> = found.values().map(|post| post.thread_id).collect();
    let threads_by_id: HashMap<i32, threads::Model> = threads::Entity::find()
        .filter(threads::Column::Id.is_in(thread_ids))
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|thread| (thread.id, thread))
        .collect();
    let people = authors(
        &ctx.db,
        found
            .values()
            .map(|post| post.author_id)
            .collect::<Vec<_>>(),
    )
    .await?;
    let names: HashMap<i32, Bilingual> = readable
        .iter()
        .map(|category| (category.id, category_name(category)))
        .collect();
    let hits = ids
        .iter()
        .filter_map(|id| {
            let post = found.get(id)?;
            let thread = threads_by_id.get(&post.thread_id)?;
            let text = guarded_text(post.opening, &thread.title, &post.body);
            Some(SearchHit {
                thread_id: thread.id,
                post_id: post.id,
                thread_title: thread.title.clone(),
                category_name: names.get(&thread.category_id).cloned().unwrap_or_default(),
                author: author_or_unknown(&people, post.author_id),
                created_at: post.created_at,
                snippet: snippet(&text, &query, 30),
            })
        })
        .collect();
    Ok(SearchPage {
        searched: true,
        hits,
        materials,
        categories: choices,
    })
}
