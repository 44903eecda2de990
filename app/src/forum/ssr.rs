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

use super::access::*;
use super::guard::*;
use super::lookups::*;
use super::markdown::render;
use super::model::*;
use super::search::index_post;
use crate::auth::model::CurrentUser;
use crate::auth::ssr::Ctx;
use crate::entity::{
    forum_categories as categories, forum_category_watches as category_watches,
    forum_flags as flags, forum_moderation_log as moderation_log,
    forum_post_revisions as revisions, forum_posts as posts, forum_reads as reads,
    forum_thread_tags as thread_tags, forum_threads as threads, forum_watches as watches, users,
};
use crate::kernel::db::begin_write;
use crate::kernel::error::{AppError, Conflict, Problem};
use crate::notifications::model::NotificationKind;
use crate::notifications::ssr::notify;

/// Log rows shown on the moderation page.
const SHOWN_LOG_ROWS: u64 = 100;

/// These threads by id (for the posts of the moderation queue and of a search).
async fn find_threads<C: ConnectionTrait>(
    conn: &C,
    ids: Vec<i32>,
) -> Result<HashMap<i32, threads::Model>, AppError> {
    Ok(threads::Entity::find()
        .filter(threads::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|thread| (thread.id, thread))
        .collect())
}

mod drafts;
mod moderation;
mod reading;
mod searching;
mod writing;

pub use drafts::*;
pub use moderation::*;
pub use reading::*;
pub use searching::*;
pub use writing::*;
