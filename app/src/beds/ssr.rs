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
use super::live::{BoardChange, BoardEvent};
use super::model::*;
use crate::audit::ssr::{record, AuditEvent};
use crate::auth::model::{CurrentUser, OrganisationKind, Role};
use crate::auth::ssr::Ctx;
use crate::entity::{beds, organisations, people, placements, structures, waiting_list};
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

mod addresses;
mod holds;
mod structure_admin;
mod timeline;

pub use addresses::*;
pub use holds::*;
pub use structure_admin::*;
pub use timeline::*;

mod placing;
pub use placing::*;

pub const STATUS_PLACED: &str = "placed";

/// Reception managers manage their organisation's structures; the coordinator all.
pub(super) fn may_manage_structure(user: &CurrentUser, structure: &structures::Model) -> bool {
    user.is_network_wide()
        || (user.has_role(Role::ReceptionManager)
            && structure.organisation_id == user.organisation_id)
}

pub async fn board(ctx: &Ctx, filter: &BoardFilter) -> Result<Board, AppError> {
    let user = ctx.user()?;
    let db = &ctx.db;
    let today = today();
    let now = Utc::now();
    let mut query = structures::Entity::find().filter(structures::Column::Active.eq(true));
    if !filter.province.trim().is_empty() {
        query =
            query.filter(structures::Column::Province.eq(filter.province.trim().to_uppercase()));
    }
    if let Ok(organisation) = filter.organisation.trim().parse::<i32>() {
        query = query.filter(structures::Column::OrganisationId.eq(organisation));
    }
    if let Some(kind) = StructureKind::from_code(filter.kind.trim()) {
        query = query.filter(structures::Column::Kind.eq(kind.code()));
    }
    let mut found = query
        .order_by_asc(structures::Column::Province)
        .order_by_asc(structures::Column::Name)
        .all(db)
        .await?;
    if let Some(target) = TargetGroup::from_code(filter.target.trim()) {
        found.retain(|s| parse_codes(&s.target_groups, TargetGroup::from_code).contains(&target));
    }
    let structure_ids: Vec<i32> = found.iter().map(|s| s.id).collect();
    let all_beds = beds::Entity::find()
        .filter(beds::Column::StructureId.is_in(structure_ids.clone()))
        .order_by_asc(beds::Column::Position)
        .all(db)
        .await?;
    let open = placements::Entity::find()
        .filter(placements::Column::StructureId.is_in(structure_ids))
        .filter(placements::Column::EndedOn.is_null())
        .all(db)
        .await?;
    let codes = person_codes(db, open.iter().map(|p| p.person_id)).await?;
    let by_bed: HashMap<i32, &placements::Model> = open.iter().map(|p| (p.bed_id, p)).collect();
    let names = organisation_names(db, found.iter().map(|s| s.organisation_id)).await?;
    let free_only = !filter.free_only.trim().is_empty();
    let reveals = running_reveals(ctx).await?;
    let mut structures_out = Vec::new();
    let mut free_choices = Vec::new();
    let (mut free_total, mut beds_total) = (0, 0);
    for structure in &found {
        let may_manage = may_manage_structure(user, structure);
        // The address goes out only to this user, while her reveal runs.
        let revealed = reveals
            .iter()
            .find(|(id, _)| *id == structure.id)
            .map(|(_, until)| *until)
            .filter(|_| may_reveal_address(user, structure));
        let kind = StructureKind::from_stored(&structure.kind, StructureKind::SecondReception);
        let slots: Vec<BedSlot> = all_beds
            .iter()
            .filter(|b| b.structure_id == structure.id)
            .map(|bed| bed_slot(bed, by_bed.get(&bed.id).copied(), &codes, kind, today, now))
            .collect();
        let free = slots.iter().filter(|s| s.state == BedState::Free).count();
        if may_manage {
            for slot in slots.iter().filter(|s| s.state == BedState::Free) {
                free_choices.push(BedChoice {
                    bed_id: slot.id,
                    label: format!("{} — {}", structure.name, slot.label),
                });
            }
        }
        free_total += free;
        beds_total += slots.len();
        if free_only && free == 0 {
            continue;
        }
        structures_out.push(StructureCard {
            id: structure.id,
            name: structure.name.clone(),
            kind,
            province: structure.province.clone(),
            organisation: names
                .get(&structure.organisation_id)
                .cloned()
                .unwrap_or_default(),
            target_groups: parse_codes(&structure.target_groups, TargetGroup::from_code),
            beds: slots,
            free_beds: free,
            may_manage,
            may_reveal_address: may_reveal_address(user, structure),
            address: revealed.and(structure.address.clone()),
            address_visible_until: revealed,
        });
    }
    let waiting_entries = waiting_list::Entity::find()
        .filter(waiting_list::Column::Status.eq(STATUS_WAITING))
        .all(db)
        .await?;
    let waiting = rows_of(db, waiting_entries).await?;
    let organisations = crate::kernel::names::organisations_of_kinds(
        db,
        &[OrganisationKind::ImplementingBody.code()],
        false,
    )
    .await?;
    record(
        db,
        ctx.request_id(),
        AuditEvent::new(Some(user), "board.view", "board").detail(format!(
            "structures={} occupied={}",
            structures_out.len(),
            open.len()
        )),
    )
    .await?;
    Ok(Board {
        structures: structures_out,
        waiting,
        free_beds: free_total,
        total_beds: beds_total,
        organisations,
        free_choices,
        today,
        undo: undo::offer(ctx).await?,
    })
}

fn bed_slot(
    bed: &beds::Model,
    placement: Option<&placements::Model>,
    codes: &HashMap<i32, String>,
    kind: StructureKind,
    today: NaiveDate,
    now: chrono::DateTime<Utc>,
) -> BedSlot {
    let held = bed.held_until.filter(|until| *until > now);
    let state = match (placement, &bed.out_of_service_reason, held) {
        (Some(_), _, _) => BedState::Occupied,
        (None, Some(_), _) => BedState::OutOfService,
        (None, None, Some(_)) => BedState::Held,
        (None, None, None) => BedState::Free,
    };
    let planned_exit = placement.and_then(|p| {
        p.planned_exit_on.or_else(|| {
            matches!(kind, StructureKind::Emergency | StructureKind::SafeHouse)
                .then(|| p.started_on + Duration::days(EMERGENCY_STAY_DAYS))
        })
    });
    BedSlot {
        id: bed.id,
        label: bed.label.clone(),
        room: bed.room.clone(),
        state,
        person_code: placement.and_then(|p| codes.get(&p.person_id).cloned()),
        arrived_on: placement.map(|p| p.started_on),
        days_since_arrival: placement.map(|p| (today - p.started_on).num_days()),
        planned_exit_on: planned_exit,
        exit_overdue: planned_exit.is_some_and(|d| d < today),
        held_until: held,
        out_of_service_reason: bed.out_of_service_reason.clone(),
    }
}

/// The bed and its structure, if the user may manage that structure (403 otherwise).
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

/// Settles a board change: a refusal (403) is first written to the audit trail, in the
/// same transaction, naming what was refused (`object_type`, `object_id`); a conflict
/// (409) leaves its row too (`audit::ssr::settle_change`).
pub(super) async fn finish<T>(
    txn: crate::kernel::db::WriteTransaction,
    ctx: &Ctx,
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
    let change = if action.starts_with("structure") {
        BoardChange::Structures
    } else if matches!(
        action,
        "bed.place" | "bed.move" | "bed.discharge" | "bed.undo"
    ) {
        BoardChange::Placements
    } else {
        BoardChange::Beds
    };
    let event = BoardEvent { change };
    if result.is_ok() {
        ctx.events.announce_in(&txn, event).await?;
    }
    let conflicting = AuditEvent::new(ctx.user.as_ref(), action, object_type).object(object_id);
    let settled =
        crate::audit::ssr::settle_change(&ctx.db, txn, result, ctx.request_id(), conflicting).await;
    if settled.is_ok() {
        ctx.events.announce_committed(event);
    }
    settled
}

/// Commits a change of the board and tells the open boards (see `live`).
async fn commit_announcing(
    txn: crate::kernel::db::WriteTransaction,
    ctx: &Ctx,
    change: BoardChange,
) -> Result<(), AppError> {
    let event = BoardEvent { change };
    ctx.events.announce_in(&txn, event).await?;
    txn.commit().await?;
    ctx.events.announce_committed(event);
    Ok(())
}
