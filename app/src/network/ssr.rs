//! Database work of the network's events: the calendar, an event's page, its changes by
//! its organisers, registrations and attendance (`ssr/participants`), decisions and
//! what is due on "Il mio lavoro" (`ssr/decisions`). Every change is audited in its
//! transaction; a refusal on a record is audited as denied.

use std::future::Future;
use std::pin::Pin;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder, Set, TryIntoModel,
};

use super::model::*;
use crate::audit::ssr::{deny, record};
use crate::auth::model::CurrentUser;
use crate::auth::ssr::Ctx;
use crate::entity::{network_event_materials, network_events, network_participants};
use crate::kernel::clock::today;
use crate::kernel::error::{AppError, Problem};
use crate::kernel::names::{organisation_name, organisation_names};

mod decisions;
mod participants;

pub use decisions::*;
pub use participants::*;

/// What the closures of [`change_event`] return: the audit detail.
pub type EventWork<'a> = Pin<Box<dyn Future<Output = Result<String, AppError>> + Send + 'a>>;

pub(crate) fn stored_kind(row: &network_events::Model) -> EventKind {
    EventKind::from_stored(&row.kind, EventKind::Training)
}

/// The event `id` as `user` may see it: none is 404; a meeting, to a partner, a refusal
/// (403, audited by the caller's transaction).
async fn visible_event<C: ConnectionTrait>(
    conn: &C,
    ctx: &Ctx,
    id: i32,
    action: &str,
) -> Result<network_events::Model, AppError> {
    let user = ctx.user()?;
    let event = network_events::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    if stored_kind(&event) == EventKind::Meeting && !sees_meetings(user) {
        let refused = ctx.event(action, "network_event").object(id);
        return Err(deny(conn, ctx.request_id(), refused).await);
    }
    Ok(event)
}

/// Changes event `id` for one of its organisers, audited as `action` with the detail
/// `change` returns; anyone else is refused, audited.
pub async fn change_event<F>(
    ctx: &Ctx,
    id: i32,
    action: &'static str,
    change: F,
) -> Result<(), AppError>
where
    F: for<'a> FnOnce(
            &'a DatabaseTransaction,
            &'a CurrentUser,
            network_events::Model,
        ) -> EventWork<'a>
        + Send,
{
    act_on_event(ctx, id, action, move |txn, user, event| {
        if may_organise(user, event.organisation_id) {
            change(txn, user, event)
        } else {
            Box::pin(async { Err(AppError::Forbidden) })
        }
    })
    .await
}

/// Runs `work` on event `id` for anyone who sees it (registering herself, closing a
/// decision of hers), audited as `action`.
pub async fn act_on_event<F>(
    ctx: &Ctx,
    id: i32,
    action: &'static str,
    work: F,
) -> Result<(), AppError>
where
    F: for<'a> FnOnce(
        &'a DatabaseTransaction,
        &'a CurrentUser,
        network_events::Model,
    ) -> EventWork<'a>,
{
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let event = visible_event(&txn, ctx, id, action).await?;
        match work(&txn, user, event).await {
            Ok(detail) => {
                record(
                    &txn,
                    ctx.request_id(),
                    ctx.event(action, "network_event").object(id).detail(detail),
                )
                .await?;
                Ok(())
            }
            Err(AppError::Forbidden) => {
                let refused = ctx.event(action, "network_event").object(id);
                Err(deny(&txn, ctx.request_id(), refused).await)
            }
            Err(error) => Err(error),
        }
    }
    .await;
    ctx.finish_write(txn, result, ctx.event(action, "network_event").object(id))
        .await
}

async fn summaries<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    events: Vec<network_events::Model>,
) -> Result<Vec<EventSummary>, AppError> {
    let ids: Vec<i32> = events.iter().map(|e| e.id).collect();
    let participants = network_participants::Entity::find()
        .filter(network_participants::Column::EventId.is_in(ids))
        .all(conn)
        .await?;
    let organisers = organisation_names(conn, events.iter().map(|e| e.organisation_id)).await?;
    Ok(events
        .into_iter()
        .map(|event| {
            let own: Vec<&network_participants::Model> = participants
                .iter()
                .filter(|p| p.event_id == event.id)
                .collect();
            EventSummary {
                id: event.id,
                kind: stored_kind(&event),
                title: event.title,
                audience: Audience::from_stored(&event.audience, Audience::Mixed),
                held_on: event.held_on,
                place: event.place,
                organiser: organisers
                    .get(&event.organisation_id)
                    .cloned()
                    .unwrap_or_default(),
                registered: own.len(),
                attended: own.iter().filter(|p| p.attended).count(),
                i_am_registered: own.iter().any(|p| p.user_id == Some(user.id)),
            }
        })
        .collect())
}

/// The calendar: coming events soonest first, past ones newest first (the last 200),
/// meetings left out for partners.
pub async fn events_page(ctx: &Ctx) -> Result<EventsPage, AppError> {
    const PAST_SHOWN: u64 = 200;
    let user = ctx.user()?;
    let today = today();
    let mut kinds: Vec<&str> = vec![EventKind::Training.code(), EventKind::Workshop.code()];
    if sees_meetings(user) {
        kinds.push(EventKind::Meeting.code());
    }
    let coming = network_events::Entity::find()
        .filter(network_events::Column::Kind.is_in(kinds.clone()))
        .filter(network_events::Column::HeldOn.gte(today))
        .order_by_asc(network_events::Column::HeldOn)
        .order_by_asc(network_events::Column::Id)
        .all(&ctx.db)
        .await?;
    let past = sea_orm::QuerySelect::limit(
        network_events::Entity::find()
            .filter(network_events::Column::Kind.is_in(kinds))
            .filter(network_events::Column::HeldOn.lt(today))
            .order_by_desc(network_events::Column::HeldOn)
            .order_by_desc(network_events::Column::Id),
        PAST_SHOWN,
    )
    .all(&ctx.db)
    .await?;
    Ok(EventsPage {
        today,
        coming: summaries(&ctx.db, user, coming).await?,
        past: summaries(&ctx.db, user, past).await?,
        may_organise: user.has_any_role(ORGANISERS),
        sees_meetings: sees_meetings(user),
    })
}

/// The library materials of event `id` the reader may open, and for its organisers
/// those she may still add: (linked, choices), each (id, title).
async fn materials_of<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    id: i32,
    may_edit: bool,
) -> Result<(Vec<(i32, String)>, Vec<(i32, String)>), AppError> {
    let linked: Vec<i32> = network_event_materials::Entity::find()
        .filter(network_event_materials::Column::EventId.eq(id))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| m.material_id)
        .collect();
    let readable = crate::forum::materials::ssr::readable_titles(conn, user).await?;
    let materials = readable
        .iter()
        .filter(|(m, _)| linked.contains(m))
        .cloned()
        .collect();
    let material_choices = if may_edit {
        readable
            .into_iter()
            .filter(|(m, _)| !linked.contains(m))
            .collect()
    } else {
        Vec::new()
    };
    Ok((materials, material_choices))
}

/// An event's page. Its organisers see who registered; everyone else her own
/// registration and the counts. Reading the list of participants (names of staff of
/// the network, not of the people it shelters) is audited.
pub async fn event_page(ctx: &Ctx, id: i32) -> Result<EventPage, AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let event = visible_event(&txn, ctx, id, "network.event.view").await?;
        let may_edit = may_organise(user, event.organisation_id);
        let rows = network_participants::Entity::find()
            .filter(network_participants::Column::EventId.eq(id))
            .order_by_asc(network_participants::Column::FullName)
            .order_by_asc(network_participants::Column::Id)
            .all(&txn)
            .await?;
        let row_of = |p: &network_participants::Model| ParticipantRow {
            id: p.id,
            full_name: p.full_name.clone(),
            organisation: p.organisation_name.clone(),
            attended: p.attended,
        };
        let mine = rows.iter().find(|p| p.user_id == Some(user.id)).map(row_of);
        let participants = if may_edit {
            rows.iter().map(row_of).collect()
        } else {
            Vec::new()
        };
        let organiser = organisation_name(&txn, event.organisation_id).await?;
        let (materials, material_choices) = materials_of(&txn, user, id, may_edit).await?;
        let kind = stored_kind(&event);
        let decisions = if kind == EventKind::Meeting {
            decisions_of(&txn, user, &event).await?
        } else {
            Vec::new()
        };
        let owners = if may_edit && kind == EventKind::Meeting {
            decision_owners(&txn).await?
        } else {
            Vec::new()
        };
        if may_edit {
            record(
                &txn,
                ctx.request_id(),
                ctx.event("network.participants.view", "network_event")
                    .object(id)
                    .detail(format!("participants={}", participants.len())),
            )
            .await?;
        }
        Ok(EventPage {
            today: today(),
            registered: rows.len(),
            attended: rows.iter().filter(|p| p.attended).count(),
            event: EventDetail {
                id,
                kind,
                title: event.title,
                audience: Audience::from_stored(&event.audience, Audience::Mixed),
                held_on: event.held_on,
                hours: event.hours,
                place: event.place,
                trainers: event.trainers,
                agenda: event.agenda,
                minutes: event.minutes.filter(|_| kind == EventKind::Meeting),
                organiser,
            },
            may_edit,
            mine,
            participants,
            materials,
            material_choices,
            decisions,
            owners,
        })
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("network.event.view", "network_event").object(id),
    )
    .await
}

/// Creates an event of the organiser's organisation, or changes one she organises.
/// Answers its id.
pub async fn save_event(ctx: &Ctx, form: ValidEvent) -> Result<i32, AppError> {
    let user = ctx.user()?;
    if let Some(id) = form.record {
        change_event(ctx, id, "network.event.save", move |txn, _, event| {
            Box::pin(async move {
                // A meeting stays a meeting: its minutes and decisions are never a
                // partner's, and a training turned into one would have none.
                let was_meeting = stored_kind(&event) == EventKind::Meeting;
                if was_meeting != (form.kind == EventKind::Meeting) {
                    return Err(AppError::invalid("kind", Problem::Contradiction));
                }
                let mut row = event.into_active_model();
                fill(&mut row, &form);
                row.save(txn).await?;
                Ok(format!("kind={}", form.kind.code()))
            })
        })
        .await?;
        return Ok(id);
    }
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let now = Utc::now();
        let mut row = network_events::ActiveModel {
            organisation_id: Set(user.organisation_id),
            created_by: Set(user.id),
            created_at: Set(now),
            minutes: Set(None),
            ..Default::default()
        };
        fill(&mut row, &form);
        let id = row.save(&txn).await?.try_into_model()?.id;
        record(
            &txn,
            ctx.request_id(),
            ctx.event("network.event.save", "network_event")
                .object(id)
                .detail(format!("kind={} new", form.kind.code())),
        )
        .await?;
        Ok(id)
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("network.event.save", "network_event"),
    )
    .await
}

fn fill(row: &mut network_events::ActiveModel, form: &ValidEvent) {
    row.kind = Set(form.kind.code().to_string());
    row.title = Set(form.title.clone());
    row.audience = Set(form.audience.code().to_string());
    row.held_on = Set(form.held_on);
    row.hours = Set(form.hours);
    row.place = Set(form.place.clone());
    row.trainers = Set(form.trainers.clone());
    row.agenda = Set(form.agenda.clone());
    row.updated_at = Set(Utc::now());
}

/// A meeting's minutes, written by its organisers.
pub async fn save_minutes(ctx: &Ctx, id: i32, minutes: Option<String>) -> Result<(), AppError> {
    change_event(ctx, id, "network.minutes.save", move |txn, _, event| {
        Box::pin(async move {
            if stored_kind(&event) != EventKind::Meeting {
                return Err(AppError::NotFound);
            }
            let length = minutes.as_ref().map_or(0, |m| m.chars().count());
            let mut row = event.into_active_model();
            row.minutes = Set(minutes);
            row.updated_at = Set(Utc::now());
            row.save(txn).await?;
            Ok(format!("characters={length}"))
        })
    })
    .await
}

/// Adds a material of the library to the event, or takes it off: only one the
/// organiser may read herself.
pub async fn link_material(
    ctx: &Ctx,
    id: i32,
    material: i32,
    linked: bool,
) -> Result<(), AppError> {
    let action = if linked {
        "network.materials.link"
    } else {
        "network.materials.unlink"
    };
    change_event(ctx, id, action, move |txn, user, _| {
        Box::pin(async move {
            let existing = network_event_materials::Entity::find()
                .filter(network_event_materials::Column::EventId.eq(id))
                .filter(network_event_materials::Column::MaterialId.eq(material))
                .one(txn)
                .await?;
            match (linked, existing) {
                (true, None) => {
                    let readable = crate::forum::materials::ssr::readable_titles(txn, user).await?;
                    if !readable.iter().any(|(m, _)| *m == material) {
                        return Err(AppError::NotFound);
                    }
                    network_event_materials::Entity::insert(network_event_materials::ActiveModel {
                        event_id: Set(id),
                        material_id: Set(material),
                        ..Default::default()
                    })
                    .on_conflict_do_nothing_on([
                        network_event_materials::Column::EventId,
                        network_event_materials::Column::MaterialId,
                    ])
                    .exec(txn)
                    .await?;
                }
                (false, Some(row)) => {
                    network_event_materials::Entity::delete_by_id(row.id)
                        .exec(txn)
                        .await?;
                }
                _ => {}
            }
            Ok(format!("material={material}"))
        })
    })
    .await
}
