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
    reference_handovers, services, work_placements,
};
use crate::kernel::clock::today;
use crate::kernel::error::{AppError, Conflict, Problem};
use crate::kernel::names::{organisation_names, user_names};
use crate::people::access::{
    may_manage, minor_from_record, person_event, person_for_change, refuse, team_colleagues,
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
    crate::people::access::audit_person(conn, ctx, action, person, detail).await
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

async fn ensure_colleague<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    user_id: i32,
    field: &str,
) -> Result<(), AppError> {
    if team_colleagues(conn, person)
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
