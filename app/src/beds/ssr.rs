//! Database work of the bed board. Every change runs in one write transaction and is
//! audited in it; the partial unique indexes on `placements` make a second open
//! placement of a bed (or of a person) impossible even when two requests race.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait, QueryFilter,
    QueryOrder, Set,
};

use self::rules::{Plan, Request};
use self::undo::{remember, LastChange};
use super::live::{BoardChange, BoardNotice, Touched};
use super::model::*;
use crate::audit::ssr::{record, record_alone, AuditEvent};
use crate::auth::model::{CurrentUser, OrganisationKind, Role};
use crate::auth::ssr::Ctx;
use crate::entity::{beds, organisations, people, placements, rooms, structures, waiting_list};
use crate::kernel::clock::today;
use crate::kernel::error::{AppError, Conflict, Problem};
use crate::kernel::fields::parse_codes;
use crate::kernel::names::organisation_names;
use crate::people::access::{find_person, may_manage as on_team, person_codes};
use crate::people::registry::model::PathStatus;
use crate::people::waiting::model::TargetGroup;
use crate::people::waiting::ssr::{rows_of, STATUS_WAITING};

/// The rules a placement must respect: the facts, loaded in the write transaction.
pub mod rules;
/// A user's last change on the board, taken back within a minute.
pub mod undo;

/// Each open board's share of a change.
pub mod deltas;

mod addresses;
mod holds;
mod reading;
mod room_admin;
mod structure_admin;
mod timeline;

pub use addresses::*;
pub use holds::*;
pub use reading::*;
pub use room_admin::*;
pub use structure_admin::*;
pub use timeline::*;

mod placing;
pub use placing::*;

/// A waiting-list entry closed by a bed (the waiting list keeps its statuses).
pub use crate::people::waiting::ssr::STATUS_PLACED;

/// Reception managers manage their organisation's structures; the coordinator all.
pub(super) fn may_manage_structure(user: &CurrentUser, structure: &structures::Model) -> bool {
    user.is_network_wide()
        || (user.has_role(Role::ReceptionManager)
            && structure.organisation_id == user.organisation_id)
}

/// The bed and its structure, if the user may manage that structure (403 otherwise).
/// The structure, if the user manages it (404 for none, 403 audited for another's).
pub(super) async fn managed_structure(
    txn: &DatabaseTransaction,
    user: &CurrentUser,
    structure_id: i32,
) -> Result<structures::Model, AppError> {
    let structure = structures::Entity::find_by_id(structure_id)
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    if !may_manage_structure(user, &structure) {
        return Err(AppError::Forbidden);
    }
    Ok(structure)
}

async fn managed_bed(
    txn: &DatabaseTransaction,
    user: &CurrentUser,
    bed_id: i32,
) -> Result<(beds::Model, structures::Model), AppError> {
    let bed = beds::Entity::find_by_id(bed_id)
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let structure = structures::Entity::find_by_id(bed.structure_id)
        .one(txn)
        .await?
        .filter(|s| s.active)
        .ok_or_else(|| AppError::invalid("bed_id", Problem::UnknownChoice))?;
    if !may_manage_structure(user, &structure) {
        return Err(AppError::Forbidden);
    }
    Ok((bed, structure))
}

/// Whether the bed can take `person_id` now: in service, not held for someone else,
/// no open placement.
async fn check_bed_free(
    txn: &DatabaseTransaction,
    bed: &beds::Model,
    person_id: i32,
) -> Result<(), AppError> {
    if bed.out_of_service_reason.is_some() {
        return Err(AppError::Conflict {
            conflict: Conflict::BedOutOfService,
        });
    }
    if bed.held_until.is_some_and(|until| until > Utc::now())
        && bed.held_for_person_id != Some(person_id)
    {
        return Err(AppError::Conflict {
            conflict: Conflict::BedHeld,
        });
    }
    if bed_is_occupied(txn, bed.id).await? {
        return Err(AppError::Conflict {
            conflict: Conflict::BedTaken,
        });
    }
    Ok(())
}

/// Whether someone has an open placement in the bed.
async fn bed_is_occupied<C: ConnectionTrait>(conn: &C, bed_id: i32) -> Result<bool, AppError> {
    Ok(placements::Entity::find()
        .filter(placements::Column::BedId.eq(bed_id))
        .filter(placements::Column::EndedOn.is_null())
        .one(conn)
        .await?
        .is_some())
}

/// Inserts the open placement; a unique-index refusal (a race the checks could not see)
/// becomes the same conflict a check would have given.
async fn insert_placement(
    txn: &DatabaseTransaction,
    user: &CurrentUser,
    person_id: i32,
    bed: (i32, i32),
    planned_exit_on: Option<NaiveDate>,
) -> Result<placements::Model, AppError> {
    let (bed_id, structure_id) = bed;
    let inserted = placements::ActiveModel {
        person_id: Set(person_id),
        bed_id: Set(bed_id),
        structure_id: Set(structure_id),
        started_on: Set(today()),
        planned_exit_on: Set(planned_exit_on),
        ended_on: Set(None),
        end_reason: Set(None),
        created_by: Set(user.id),
        created_at: Set(Utc::now()),
        ended_by: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await;
    match inserted {
        Ok(created) => Ok(created),
        Err(error)
            if matches!(
                error.sql_err(),
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
            ) =>
        {
            Err(AppError::Conflict {
                conflict: Conflict::BedTaken,
            })
        }
        Err(error) => Err(error.into()),
    }
}

async fn open_placement_of<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<Option<placements::Model>, AppError> {
    Ok(placements::Entity::find()
        .filter(placements::Column::PersonId.eq(person_id))
        .filter(placements::Column::EndedOn.is_null())
        .one(conn)
        .await?)
}

/// The audit detail of rules set aside, with the reason given.
fn override_detail(plan: &Plan, reason: Option<&str>) -> String {
    if plan.overridden.is_empty() {
        return String::new();
    }
    let codes: Vec<&str> = plan.overridden.iter().map(|b| b.code()).collect();
    format!(
        " override={} reason: {}",
        codes.join(","),
        reason.unwrap_or("").trim()
    )
}

/// A bed used by a placement no longer holds anyone.
async fn release_hold(txn: &DatabaseTransaction, bed_id: i32) -> Result<(), AppError> {
    if let Some(bed) = beds::Entity::find_by_id(bed_id).one(txn).await? {
        if bed.held_until.is_some() {
            let mut update: beds::ActiveModel = bed.into();
            update.held_until = Set(None);
            update.held_for_person_id = Set(None);
            update.update(txn).await?;
        }
    }
    Ok(())
}

/// Ends a change of the board: a refusal (403, or the rules') is first written to the
/// audit trail, in the same transaction, naming what was refused (`object_type`,
/// `object_id`); the transaction then ends as every audited write does
/// (`Ctx::finish_write`: a conflict leaves its row too) and, once a success is committed,
/// the open boards are told what changed (`change`, see `live`), as the caller says,
/// not as the action's name spells it, and what it `touched`.
pub(super) async fn finish<T>(
    txn: crate::kernel::db::WriteTransaction,
    ctx: &Ctx,
    (change, touched): (BoardChange, Touched),
    action: &str,
    object: (&str, String),
    result: Result<T, AppError>,
) -> Result<T, AppError> {
    let refused = match &result {
        Err(AppError::Forbidden) => Some(String::new()),
        Err(AppError::Rules { breaches, .. }) => Some(format!(
            "breaches={}",
            breaches
                .iter()
                .map(|b| b.code())
                .collect::<Vec<_>>()
                .join(",")
        )),
        _ => None,
    };
    let (object_type, object_id) = object;
    if let Some(detail) = refused {
        let mut event = AuditEvent::new(ctx.user.as_ref(), action, object_type)
            .object(&object_id)
            .outcome(crate::audit::model::Outcome::Denied);
        if !detail.is_empty() {
            event = event.detail(detail);
        }
        record(&txn, ctx.request_id(), event).await?;
    }
    let notice = BoardNotice { change, touched };
    if result.is_ok() {
        ctx.events.announce_in(&txn, &notice).await?;
    }
    let conflicting = AuditEvent::new(ctx.user.as_ref(), action, object_type).object(object_id);
    let settled = ctx.finish_write(txn, result, conflicting).await;
    if settled.is_ok() {
        ctx.events.announce_committed(notice);
    }
    settled
}
