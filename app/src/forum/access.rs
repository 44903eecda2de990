//! Who may read, post in and moderate each category of the forum, decided per request
//! from the rules in the database (a changed rule applies at once), and the audited
//! refusal. The forum's threads and the trainers' library both use it.

use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::model::AccessLevel;
use crate::audit::ssr::AuditEvent;
use crate::auth::model::{CurrentUser, OrganisationKind, Role};
use crate::auth::ssr::Ctx;
use crate::entity::{forum_category_rules as rules, forum_moderators as moderators};
use crate::kernel::error::AppError;

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

    pub(crate) async fn for_member<C: ConnectionTrait>(
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

    pub(crate) fn moderated(&self) -> Vec<i32> {
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
    let event = AuditEvent::new(ctx.user.as_ref(), "forum.denied", object_type).object(id);
    crate::audit::ssr::deny(conn, ctx.request_id(), event).await
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
