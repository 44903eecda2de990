//! Registrations and attendance: a member registers herself (or takes her registration
//! back while she has not attended); the organisers register people without an
//! account, take registrations off and mark who came, on the day or after it.

use super::*;
use crate::kernel::error::Conflict;

/// Registers the reader for event `id` (once), or takes her registration back.
pub async fn register_myself(ctx: &Ctx, id: i32, registering: bool) -> Result<(), AppError> {
    let action = if registering {
        "network.register"
    } else {
        "network.unregister"
    };
    act_on_event(ctx, id, action, move |txn, user, _| {
        Box::pin(async move {
            if registering {
                // Twice at once (a double click) is once: the unique index decides.
                network_participants::Entity::insert(network_participants::ActiveModel {
                    event_id: Set(id),
                    user_id: Set(Some(user.id)),
                    full_name: Set(user.display_name.clone()),
                    organisation_name: Set(user.organisation_name.clone()),
                    attended: Set(false),
                    registered_by: Set(user.id),
                    registered_at: Set(Utc::now()),
                    ..Default::default()
                })
                .on_conflict_do_nothing_on([
                    network_participants::Column::EventId,
                    network_participants::Column::UserId,
                ])
                .exec(txn)
                .await?;
            } else if let Some(row) = network_participants::Entity::find()
                .filter(network_participants::Column::EventId.eq(id))
                .filter(network_participants::Column::UserId.eq(user.id))
                .one(txn)
                .await?
            {
                take_off(txn, row).await?;
            }
            Ok(format!("user={}", user.id))
        })
    })
    .await
}

/// Registers someone without an account, for the organisers.
pub async fn add_participant(
    ctx: &Ctx,
    id: i32,
    (full_name, organisation): (String, String),
) -> Result<(), AppError> {
    change_event(ctx, id, "network.participants.add", move |txn, user, _| {
        Box::pin(async move {
            let row = network_participants::ActiveModel {
                event_id: Set(id),
                user_id: Set(None),
                full_name: Set(full_name),
                organisation_name: Set(organisation),
                attended: Set(false),
                registered_by: Set(user.id),
                registered_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            Ok(format!("participant={}", row.id))
        })
    })
    .await
}

/// The registration `participant` of event `id`: another event's is not found.
async fn participant_of<C: ConnectionTrait>(
    conn: &C,
    id: i32,
    participant: i32,
) -> Result<network_participants::Model, AppError> {
    network_participants::Entity::find_by_id(participant)
        .one(conn)
        .await?
        .filter(|p| p.event_id == id)
        .ok_or(AppError::NotFound)
}

/// Takes a registration off, unless she was present: attendance is the organisers'
/// record, and her certificate and the report's count rest on it.
async fn take_off<C: ConnectionTrait>(
    conn: &C,
    row: network_participants::Model,
) -> Result<(), AppError> {
    if row.attended {
        return Err(AppError::conflict(Conflict::AttendanceRecorded));
    }
    network_participants::Entity::delete_by_id(row.id)
        .exec(conn)
        .await?;
    Ok(())
}

/// Takes a registration off, for the organisers.
pub async fn remove_participant(ctx: &Ctx, id: i32, participant: i32) -> Result<(), AppError> {
    change_event(ctx, id, "network.participants.remove", move |txn, _, _| {
        Box::pin(async move {
            take_off(txn, participant_of(txn, id, participant).await?).await?;
            Ok(format!("participant={participant}"))
        })
    })
    .await
}

/// Marks whether `participant` came, from the event's day on.
pub async fn mark_attendance(
    ctx: &Ctx,
    id: i32,
    participant: i32,
    attended: bool,
) -> Result<(), AppError> {
    change_event(ctx, id, "network.attendance", move |txn, _, event| {
        Box::pin(async move {
            let row = participant_of(txn, id, participant).await?;
            if event.held_on > today() {
                return Err(AppError::conflict(Conflict::EventNotHeld));
            }
            let mut row = row.into_active_model();
            row.attended = Set(attended);
            row.save(txn).await?;
            Ok(format!("participant={participant} attended={attended}"))
        })
    })
    .await
}

/// What a certificate of attendance says, for its participant or the event's
/// organisers, once she attended a training or workshop held; audited.
pub async fn certificate_of(
    ctx: &Ctx,
    id: i32,
    participant: i32,
) -> Result<super::super::certificate::Certificate, AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let action = "network.certificate.download";
    let result = async {
        let event = visible_event(&txn, ctx, id, action).await?;
        let row = participant_of(&txn, id, participant).await?;
        let entitled = row.user_id == Some(user.id) || may_organise(user, event.organisation_id);
        if !entitled {
            let refused = ctx.event(action, "network_event").object(id);
            return Err(deny(&txn, ctx.request_id(), refused).await);
        }
        if !stored_kind(&event).certifies() || !row.attended {
            return Err(AppError::NotFound);
        }
        if event.held_on > today() {
            return Err(AppError::conflict(Conflict::EventNotHeld));
        }
        let organiser = organisation_name(&txn, event.organisation_id).await?;
        record(
            &txn,
            ctx.request_id(),
            ctx.event(action, "network_event")
                .object(id)
                .detail(format!("participant={participant}")),
        )
        .await?;
        let kind = stored_kind(&event);
        Ok(super::super::certificate::Certificate {
            participant: row.full_name,
            participant_organisation: row.organisation_name,
            title: event.title,
            kind,
            held_on: event.held_on,
            hours: event.hours,
            place: event.place,
            trainers: event.trainers,
            organiser,
            number: format!("{}-{}", event.id, row.id),
        })
    }
    .await;
    ctx.finish_write(txn, result, ctx.event(action, "network_event").object(id))
        .await
}
