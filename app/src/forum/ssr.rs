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

mod guard;
mod moderation;
mod reading;
mod searching;
mod writing;

pub use guard::*;
pub use moderation::*;
pub use reading::*;
pub use searching::*;
pub use writing::*;

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
