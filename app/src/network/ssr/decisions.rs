//! The decisions of a coordination meeting: what, who sees to it, by when; the owner
//! finds hers on "Il mio lavoro" and marks it done (or an organiser does).

use std::collections::HashMap;

use chrono::NaiveDate;

use super::*;
use crate::auth::model::OrganisationKind;
use crate::entity::{network_decisions, user_roles, users};
use crate::kernel::names::user_names;

/// Who may own a decision: those who keep "Il mio lavoro", where they find it.
pub use crate::auth::policy::MY_WORK_USERS as DECISION_OWNERS;

/// The members who may own a decision: active users of the implementing bodies and the
/// coordination with one of [`DECISION_OWNERS`]' roles, as "name (organisation)".
pub async fn decision_owners<C: ConnectionTrait>(conn: &C) -> Result<Vec<(i32, String)>, AppError> {
    let organisations: HashMap<i32, String> = crate::kernel::names::organisations_of_kinds(
        conn,
        &[
            OrganisationKind::ImplementingBody.code(),
            OrganisationKind::Coordination.code(),
        ],
        true,
    )
    .await?
    .into_iter()
    .collect();
    let with_role: Vec<i32> = user_roles::Entity::find()
        .filter(user_roles::Column::Role.is_in(DECISION_OWNERS.iter().map(|r| r.code())))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.user_id)
        .collect();
    Ok(users::Entity::find()
        .filter(users::Column::Active.eq(true))
        .filter(users::Column::Id.is_in(with_role))
        .filter(users::Column::OrganisationId.is_in(organisations.keys().copied()))
        .order_by_asc(users::Column::DisplayName)
        .all(conn)
        .await?
        .into_iter()
        .map(|u| {
            let organisation = organisations
                .get(&u.organisation_id)
                .cloned()
                .unwrap_or_default();
            (u.id, format!("{} ({organisation})", u.display_name))
        })
        .collect())
}

pub(super) async fn decisions_of<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    event: &network_events::Model,
) -> Result<Vec<DecisionRow>, AppError> {
    let rows = network_decisions::Entity::find()
        .filter(network_decisions::Column::EventId.eq(event.id))
        .order_by_asc(network_decisions::Column::DueOn)
        .order_by_asc(network_decisions::Column::Id)
        .all(conn)
        .await?;
    let names = user_names(conn, rows.iter().map(|d| d.owner_id)).await?;
    let organiser = may_organise(user, event.organisation_id);
    Ok(rows
        .into_iter()
        .map(|d| DecisionRow {
            id: d.id,
            owner: names.get(&d.owner_id).cloned().unwrap_or_default(),
            may_close: organiser || d.owner_id == user.id,
            body: d.body,
            due_on: d.due_on,
            done_on: d.done_on,
        })
        .collect())
}

/// Records a decision of meeting `id`, for its organisers; its owner must be one of
/// [`decision_owners`].
pub async fn add_decision(ctx: &Ctx, id: i32, form: ValidDecision) -> Result<(), AppError> {
    change_event(ctx, id, "network.decisions.add", move |txn, user, event| {
        Box::pin(async move {
            if stored_kind(&event) != EventKind::Meeting {
                return Err(AppError::NotFound);
            }
            if !decision_owners(txn)
                .await?
                .iter()
                .any(|(owner, _)| *owner == form.owner)
            {
                return Err(AppError::invalid(
                    "owner",
                    crate::kernel::error::Problem::UnknownChoice,
                ));
            }
            let row = network_decisions::ActiveModel {
                event_id: Set(id),
                body: Set(form.body),
                owner_id: Set(form.owner),
                due_on: Set(form.due_on),
                done_on: Set(None),
                created_by: Set(user.id),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            Ok(format!("decision={} owner={}", row.id, form.owner))
        })
    })
    .await
}

/// Marks a decision done (or not done again), for its owner or the meeting's organisers.
pub async fn close_decision(ctx: &Ctx, id: i32, decision: i32, done: bool) -> Result<(), AppError> {
    act_on_event(
        ctx,
        id,
        "network.decisions.done",
        move |txn, user, event| {
            Box::pin(async move {
                let row = network_decisions::Entity::find_by_id(decision)
                    .one(txn)
                    .await?
                    .filter(|d| d.event_id == id)
                    .ok_or(AppError::NotFound)?;
                if row.owner_id != user.id && !may_organise(user, event.organisation_id) {
                    return Err(AppError::Forbidden);
                }
                // Done again keeps the day it was first done.
                let done_on = if done {
                    row.done_on.or(Some(today()))
                } else {
                    None
                };
                let mut row = row.into_active_model();
                row.done_on = Set(done_on);
                row.save(txn).await?;
                Ok(format!("decision={decision} done={done}"))
            })
        },
    )
    .await
}

/// What of the network's work is due for `user` by `horizon`: her open decisions
/// (overdue ones too) and the events she registered for that are still to come.
pub async fn due_for<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    horizon: NaiveDate,
) -> Result<Vec<NetworkDue>, AppError> {
    let today = today();
    let decisions = network_decisions::Entity::find()
        .filter(network_decisions::Column::OwnerId.eq(user.id))
        .filter(network_decisions::Column::DoneOn.is_null())
        .filter(network_decisions::Column::DueOn.lte(horizon))
        .all(conn)
        .await?;
    let registered: Vec<i32> = network_participants::Entity::find()
        .filter(network_participants::Column::UserId.eq(user.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| p.event_id)
        .collect();
    let events: HashMap<i32, network_events::Model> = network_events::Entity::find()
        .filter(
            network_events::Column::Id.is_in(
                decisions
                    .iter()
                    .map(|d| d.event_id)
                    .chain(registered.iter().copied()),
            ),
        )
        .all(conn)
        .await?
        .into_iter()
        .map(|e| (e.id, e))
        .collect();
    let mut due: Vec<NetworkDue> = decisions
        .into_iter()
        .filter_map(|d| {
            let event = events.get(&d.event_id)?;
            Some(NetworkDue {
                decision: Some(d.body),
                title: event.title.clone(),
                kind: stored_kind(event),
                on: d.due_on,
                link: event_path(event.id),
            })
        })
        .collect();
    due.extend(registered.iter().filter_map(|id| {
        let event = events.get(id)?;
        (event.held_on >= today && event.held_on <= horizon).then(|| NetworkDue {
            decision: None,
            title: event.title.clone(),
            kind: stored_kind(event),
            on: event.held_on,
            link: event_path(event.id),
        })
    }));
    due.sort_by(|a, b| a.on.cmp(&b.on).then_with(|| a.title.cmp(&b.title)));
    Ok(due)
}
