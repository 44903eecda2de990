//! A structure's rooms, as its reception managers keep them: add or rename a room (name
//! and floor), remove an empty one, put a bed in a room. Every change is audited and
//! reaches the open boards, which group beds by room.

use super::*;
use crate::beds::rooms::ValidRoom;
use sea_orm::PaginatorTrait;

/// A room of a structure the user manages.
async fn managed_room(
    txn: &DatabaseTransaction,
    user: &CurrentUser,
    room_id: i32,
) -> Result<rooms::Model, AppError> {
    let room = rooms::Entity::find_by_id(room_id)
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    managed_structure(txn, user, room.structure_id).await?;
    Ok(room)
}

/// A room named twice in one structure is a field error, not a server error.
fn name_taken(error: sea_orm::DbErr) -> AppError {
    match error.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            AppError::invalid("name", Problem::AlreadyTaken)
        }
        _ => error.into(),
    }
}

/// Adds a room to a structure, or renames one (`form.id`).
pub async fn save_room(ctx: &Ctx, form: ValidRoom) -> Result<(), AppError> {
    let user = ctx.user()?;
    let action = if form.id.is_some() {
        "room.update"
    } else {
        "room.create"
    };
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let id = match form.id {
            Some(id) => {
                let room = managed_room(&txn, user, id).await?;
                if room.structure_id != form.structure_id {
                    return Err(AppError::invalid("structure_id", Problem::UnknownChoice));
                }
                let mut update: rooms::ActiveModel = room.into();
                update.name = Set(form.name.clone());
                update.floor = Set(form.floor);
                update.update(&txn).await.map_err(name_taken)?.id
            }
            None => {
                let structure = managed_structure(&txn, user, form.structure_id).await?;
                let position = rooms::Entity::find()
                    .filter(rooms::Column::StructureId.eq(structure.id))
                    .all(&txn)
                    .await?
                    .iter()
                    .map(|room| room.position)
                    .max()
                    .unwrap_or(0)
                    + 1;
                rooms::ActiveModel {
                    structure_id: Set(structure.id),
                    name: Set(form.name.clone()),
                    floor: Set(form.floor),
                    position: Set(position),
                    ..Default::default()
                }
                .insert(&txn)
                .await
                .map_err(name_taken)?
                .id
            }
        };
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), action, "room").object(id),
        )
        .await?;
        Ok(())
    }
    .await;
    // A rename names its room (the form's structure is only what the caller sent).
    let object = match form.id {
        Some(id) => ("room", id.to_string()),
        None => ("structure", form.structure_id.to_string()),
    };
    finish(
        txn,
        ctx,
        (BoardChange::Structures, Touched::default()),
        action,
        object,
        result,
    )
    .await
}

/// Removes a room without beds (its beds go to another room, or to none, first).
pub async fn remove_room(ctx: &Ctx, room_id: i32) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let room = managed_room(&txn, user, room_id).await?;
        let beds_in = beds::Entity::find()
            .filter(beds::Column::RoomId.eq(room.id))
            .count(&txn)
            .await?;
        if beds_in > 0 {
            return Err(AppError::Conflict {
                conflict: Conflict::RoomHasBeds,
            });
        }
        // A bed put in it meanwhile (another replica): the foreign key refuses.
        rooms::Entity::delete_by_id(room.id)
            .exec(&txn)
            .await
            .map_err(|error| match error.sql_err() {
                Some(sea_orm::SqlErr::ForeignKeyConstraintViolation(_)) => AppError::Conflict {
                    conflict: Conflict::RoomHasBeds,
                },
                _ => error.into(),
            })?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "room.delete", "room").object(room.id),
        )
        .await?;
        Ok(())
    }
    .await;
    finish(
        txn,
        ctx,
        (BoardChange::Structures, Touched::default()),
        "room.delete",
        ("room", room_id.to_string()),
        result,
    )
    .await
}

/// The room a bed goes in: one of its own structure's, or none.
pub(super) async fn room_for_bed(
    txn: &DatabaseTransaction,
    structure_id: i32,
    room_id: Option<i32>,
) -> Result<Option<i32>, AppError> {
    let Some(room_id) = room_id else {
        return Ok(None);
    };
    rooms::Entity::find_by_id(room_id)
        .one(txn)
        .await?
        .filter(|room| room.structure_id == structure_id)
        .map(|room| Some(room.id))
        .ok_or_else(|| AppError::invalid("room", Problem::UnknownChoice))
}

/// Puts a bed in one of its structure's rooms, or in none.
pub async fn set_bed_room(ctx: &Ctx, bed_id: i32, room_id: Option<i32>) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let (bed, structure) = managed_bed(&txn, user, bed_id).await?;
        let room = room_for_bed(&txn, structure.id, room_id).await?;
        let mut update: beds::ActiveModel = bed.into();
        update.room_id = Set(room);
        update.update(&txn).await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "bed.room", "bed")
                .object(bed_id)
                .detail(format!(
                    "room={}",
                    room.map_or("none".into(), |id| id.to_string())
                )),
        )
        .await?;
        Ok(())
    }
    .await;
    finish(
        txn,
        ctx,
        (BoardChange::Structures, Touched::default()),
        "bed.room",
        ("bed", bed_id.to_string()),
        result,
    )
    .await
}
