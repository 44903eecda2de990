//! The forum's rules on the server. Only the network's administrators and coordinators
//! reach these functions (the policy table); every change is audited and applies to the
//! next request, pages and files alike, since the forum reads the rules each time.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use super::model::*;
use crate::audit::ssr::{record, AuditEvent};
use crate::auth::model::OrganisationKind;
use crate::auth::ssr::Ctx;
use crate::entity::{
    forum_categories as categories, forum_category_rules as rules, forum_moderators as moderators,
    organisations, users,
};
use crate::forum::lookups::{category_by_code, category_name};
use crate::forum::model::AccessLevel;
use crate::kernel::db::begin_write;
use crate::kernel::error::{AppError, Problem};

pub async fn rules_page(ctx: &Ctx) -> Result<RulesPage, AppError> {
    let all_categories = categories::Entity::find()
        .order_by_asc(categories::Column::Position)
        .all(&ctx.db)
        .await?;
    let all_rules = rules::Entity::find()
        .order_by_asc(rules::Column::Id)
        .all(&ctx.db)
        .await?;
    let named = moderators::Entity::find()
        .order_by_asc(moderators::Column::Id)
        .all(&ctx.db)
        .await?;
    let organisations: HashMap<i32, organisations::Model> = organisations::Entity::find()
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|organisation| (organisation.id, organisation))
        .collect();
    let members: HashMap<i32, users::Model> = users::Entity::find()
        .order_by_asc(users::Column::DisplayName)
        .all(&ctx.db)
        .await?
        .into_iter()
        .map(|user| (user.id, user))
        .collect();
    let organisation_of = |user: &users::Model| {
        organisations
            .get(&user.organisation_id)
            .map(|organisation| organisation.name.clone())
            .unwrap_or_default()
    };
    let categories = all_categories
        .iter()
        .map(|category| CategoryRules {
            code: category.code.clone(),
            name: category_name(category),
            rules: all_rules
                .iter()
                .filter(|rule| rule.category_id == category.id)
                .filter_map(|rule| {
                    Some(RuleRow {
                        audience: Audience::from_code(&rule.audience)?,
                        level: AccessLevel::from_code(&rule.level)?,
                    })
                })
                .collect(),
            moderators: named
                .iter()
                .filter(|row| row.category_id == category.id)
                .filter_map(|row| {
                    let user = members.get(&row.user_id)?;
                    Some(ModeratorRow {
                        user_id: user.id,
                        name: user.display_name.clone(),
                        organisation: organisation_of(user),
                    })
                })
                .collect(),
        })
        .collect();
    let mut candidates: Vec<(i32, String)> = members
        .values()
        .filter(|user| user.active && may_moderate(&organisations, user))
        .map(|user| {
            (
                user.id,
                format!("{} ({})", user.display_name, organisation_of(user)),
            )
        })
        .collect();
    candidates.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(RulesPage {
        categories,
        candidates,
    })
}

/// Only members of the network's own bodies moderate: a partner named moderator of a
/// category would read it even where partners may not (the minors' category).
fn may_moderate(organisations: &HashMap<i32, organisations::Model>, user: &users::Model) -> bool {
    organisations
        .get(&user.organisation_id)
        .and_then(|organisation| OrganisationKind::from_code(&organisation.kind))
        .is_some_and(|kind| kind != OrganisationKind::Partner)
}

/// Sets the level of an audience in a category, or removes its rule (`level` none).
pub async fn set_rule(ctx: &Ctx, code: &str, audience: &str, level: &str) -> Result<(), AppError> {
    let user = ctx.user()?;
    let audience = Audience::from_code(audience)
        .ok_or(AppError::invalid("audience", Problem::UnknownChoice))?;
    let level = match level {
        "" | "none" => None,
        code => Some(
            AccessLevel::from_code(code)
                .ok_or(AppError::invalid("level", Problem::UnknownChoice))?,
        ),
    };
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let category = category_by_code(&txn, code).await?;
        rules::Entity::delete_many()
            .filter(rules::Column::CategoryId.eq(category.id))
            .filter(rules::Column::Audience.eq(audience.code()))
            .exec(&txn)
            .await?;
        if let Some(level) = level {
            rules::ActiveModel {
                category_id: Set(category.id),
                audience: Set(audience.code()),
                level: Set(level.code().to_string()),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "forum.rule.set", "forum_category")
                .object(&category.code)
                .detail(format!(
                    "{} = {}",
                    audience.code(),
                    level.map_or("none", |level| level.code())
                )),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.rule.set", "forum_category").object(code),
    )
    .await
}

/// Names a member moderator of a category, or takes the role back.
pub async fn set_moderator(
    ctx: &Ctx,
    code: &str,
    member_id: i32,
    on: bool,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = begin_write(&ctx.db).await?;
    let result = async {
        let category = category_by_code(&txn, code).await?;
        let member = users::Entity::find_by_id(member_id)
            .one(&txn)
            .await?
            .ok_or(AppError::invalid("user", Problem::UnknownChoice))?;
        moderators::Entity::delete_many()
            .filter(moderators::Column::CategoryId.eq(category.id))
            .filter(moderators::Column::UserId.eq(member.id))
            .exec(&txn)
            .await?;
        if on {
            let organisations: HashMap<i32, organisations::Model> =
                organisations::Entity::find_by_id(member.organisation_id)
                    .all(&txn)
                    .await?
                    .into_iter()
                    .map(|organisation| (organisation.id, organisation))
                    .collect();
            if !member.active || !may_moderate(&organisations, &member) {
                return Err(AppError::invalid("user", Problem::RoleNotAllowed));
            }
            moderators::ActiveModel {
                category_id: Set(category.id),
                user_id: Set(member.id),
                added_by: Set(user.id),
                added_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        let action = if on {
            "forum.moderator.add"
        } else {
            "forum.moderator.remove"
        };
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), action, "forum_category")
                .object(&category.code)
                .detail(format!("user {}", member.id)),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("forum.moderator.set", "forum_category")
            .object(code),
    )
    .await
}
