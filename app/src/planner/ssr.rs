//! Database work of the personalised project. Only the person's team (front-line users
//! of an organisation in charge, as for her record) reads or changes a plan; every read
//! and every change writes its audit row in the same transaction, and a refusal is
//! audited too. Case-diary notes are further filtered by their confidentiality level.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

use super::model::*;
use crate::audit::ssr::{record, AuditEvent};
use crate::auth::model::CurrentUser;
use crate::auth::ssr::Ctx;
use crate::entity::{
    people, permits, person_identities, person_organisations, plan_actions, plan_assessments,
    plan_diary, plan_goals, plan_phases, plan_reviews, plan_team, plan_versions, plans,
    reference_handovers, services, user_roles, users, work_placements,
};
use crate::kernel::clock::today;
use crate::kernel::error::{AppError, Conflict, Problem};
use crate::kernel::names::{organisation_names, user_names};
use crate::people::access::{
    may_manage, minor_from_record, person_event, person_for_change, refuse, TEAM_ROLES,
};
use crate::people::registry::model::{eighteenth_birthday, PathStatus, COMING_OF_AGE_ALERT_DAYS};

mod changes;
mod diary;
mod exit;
mod loading;
mod my_work;
mod permit_changes;
mod reviews;
mod service_catalogue;
mod work;
pub use changes::*;
pub use diary::*;
pub use exit::*;
pub use loading::*;
pub use my_work::*;
pub use permit_changes::*;
pub use reviews::*;
pub use service_catalogue::*;
pub use work::*;

// The team's check is one of the people's access rules; the plan's modules (agreement,
// family) take it from here.
pub(crate) use crate::people::access::team_person;

pub(crate) async fn plan_of<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
) -> Result<Option<plans::Model>, AppError> {
    Ok(plans::Entity::find()
        .filter(plans::Column::PersonId.eq(person.id))
        .one(conn)
        .await?)
}

pub(crate) async fn existing_plan<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
) -> Result<plans::Model, AppError> {
    plan_of(conn, person).await?.ok_or(AppError::NotFound)
}

pub(crate) async fn audit<C: ConnectionTrait>(
    conn: &C,
    ctx: &Ctx,
    action: &str,
    person: &people::Model,
    detail: Option<String>,
) -> Result<(), AppError> {
    let mut event = AuditEvent::new(ctx.user.as_ref(), action, "person").object(&person.code);
    if let Some(detail) = detail {
        event = event.detail(detail);
    }
    record(conn, ctx.request_id(), event).await?;
    Ok(())
}

/// Marks the plan as changed (its `updated_at`), for the page and later versions.
pub(crate) async fn touch<C: ConnectionTrait>(
    conn: &C,
    plan: plans::Model,
) -> Result<(), AppError> {
    let mut active = plan.into_active_model();
    active.updated_at = Set(Utc::now());
    active.update(conn).await?;
    Ok(())
}

/// Colleagues who may be on the team or responsible for an action: active users of an
/// organisation in charge of the person, with a front-line role.
async fn colleagues<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
) -> Result<Vec<(i32, String)>, AppError> {
    let organisations: Vec<i32> = person_organisations::Entity::find()
        .filter(person_organisations::Column::PersonId.eq(person.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|row| row.organisation_id)
        .collect();
    let team_role_codes: Vec<&str> = TEAM_ROLES.iter().map(|r| r.code()).collect();
    let with_role: HashSet<i32> = user_roles::Entity::find()
        .filter(user_roles::Column::Role.is_in(team_role_codes))
        .all(conn)
        .await?
        .into_iter()
        .map(|row| row.user_id)
        .collect();
    Ok(users::Entity::find()
        .filter(users::Column::OrganisationId.is_in(organisations))
        .filter(users::Column::Active.eq(true))
        .order_by_asc(users::Column::DisplayName)
        .all(conn)
        .await?
        .into_iter()
        .filter(|user| with_role.contains(&user.id))
        .map(|user| (user.id, user.display_name))
        .collect())
}

async fn ensure_colleague<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    user_id: i32,
    field: &str,
) -> Result<(), AppError> {
    if colleagues(conn, person)
        .await?
        .iter()
        .any(|(id, _)| *id == user_id)
    {
        Ok(())
    } else {
        Err(AppError::invalid(field, Problem::UnknownChoice))
    }
}

fn service_name(service: &services::Model) -> Bilingual {
    Bilingual {
        it: service.name_it.clone(),
        en: service.name_en.clone(),
    }
}

fn service_row(service: &services::Model) -> ServiceRow {
    ServiceRow {
        id: service.id,
        area: Area::from_stored(&service.area, Area::Legal),
        name: service_name(service),
        active: service.active,
    }
}

/// The phase a plan starts in, from where the person is on her path.
pub(crate) fn initial_phase(status: Option<PathStatus>) -> Phase {
    match status {
        Some(PathStatus::TakenInCharge) => Phase::Protection,
        Some(PathStatus::Placed) => Phase::Reception,
        Some(PathStatus::Inclusion) => Phase::Inclusion,
        Some(PathStatus::Exited) => Phase::Exit,
        _ => Phase::FirstContact,
    }
}
