//! Loads what the placement rules look at, inside the write transaction of a placement,
//! a move or an exit, and turns the rules' verdict into a plan of who takes which bed.
//! A mother and her children are one unit: they are placed, moved and leave together,
//! in adjacent beds of one structure.

use std::collections::{HashMap, HashSet};

use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::auth::model::{CurrentUser, Role};
use crate::beds::rules::*;
use crate::entity::waiting_list;
use crate::entity::{
    beds, kept_apart, minor_authorisations, people, placements, structures, users,
};
use crate::kernel::clock::today;
use crate::kernel::error::{AppError, Problem};
use crate::kernel::fields::parse_codes;
use crate::people::access::minor_from_record;
use crate::people::model::Gender;
use crate::people::registry::model::PathStatus;
use crate::people::waiting::model::TargetGroup;
use crate::people::waiting::ssr::STATUS_WAITING;

/// What the rules said, kept for the dashboards.
mod checks;
/// The reads behind `assess`.
mod loading;
use loading::*;

/// Reception managers (and the network coordinator) may set overridable rules aside.
pub fn may_override(user: &CurrentUser) -> bool {
    user.has_role(Role::ReceptionManager) || user.is_network_wide()
}

/// The people of a person's family unit still in the network's care (her included):
/// the head of the family and everyone whose `family_head_id` points to her.
pub async fn family_unit<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
) -> Result<Vec<people::Model>, AppError> {
    let head = person.family_head_id.unwrap_or(person.id);
    let mut unit = people::Entity::find()
        .filter(
            Condition::any()
                .add(people::Column::Id.eq(head))
                .add(people::Column::FamilyHeadId.eq(head)),
        )
        .filter(people::Column::AnonymisedAt.is_null())
        .filter(people::Column::Status.ne(PathStatus::Exited.code()))
        .order_by_asc(people::Column::Id)
        .all(conn)
        .await?;
    if !unit.iter().any(|p| p.id == person.id) {
        unit.push(person.clone());
    }
    Ok(unit)
}

/// Who takes which bed, and the rules set aside to get there.
#[derive(Debug)]
pub struct Plan {
    /// The person dragged first, then her family in board order.
    pub moves: Vec<(people::Model, i32)>,
    pub overridden: Vec<Breach>,
    /// The rows kept of the rules set aside, for the undo to take back.
    pub set_aside_rows: Vec<i32>,
}

/// What is asked: the person, the bed chosen for her, and, for a move, her current stay.
pub struct Request<'a> {
    pub user: &'a CurrentUser,
    pub person: &'a people::Model,
    pub bed: &'a beds::Model,
    pub structure: &'a structures::Model,
    pub current: Option<&'a placements::Model>,
    pub override_reason: Option<&'a str>,
}

/// Checks the rules and plans the beds. A breach the user may not set aside (or a
/// missing reason) is refused with every broken rule named. The rules that refused, or
/// were set aside, are kept for the dashboards (`checks`), in the caller's transaction.
pub async fn plan<C: ConnectionTrait>(conn: &C, request: &Request<'_>) -> Result<Plan, AppError> {
    let mut verdict = verdict(conn, request).await;
    match &mut verdict {
        Ok(plan) => {
            plan.set_aside_rows = checks::keep(conn, request, &plan.overridden, true).await?;
        }
        Err(AppError::Rules { breaches, .. }) => {
            checks::keep(conn, request, breaches, false).await?;
        }
        Err(_) => {}
    }
    verdict
}

async fn verdict<C: ConnectionTrait>(conn: &C, request: &Request<'_>) -> Result<Plan, AppError> {
    let reason = request
        .override_reason
        .map(str::trim)
        .filter(|r| !r.is_empty());
    if let Some(reason) = reason {
        if reason.chars().count() < MIN_OVERRIDE_REASON {
            return Err(AppError::invalid("override_reason", Problem::TooShort));
        }
        if reason.chars().count() > crate::beds::model::MAX_REASON_LENGTH {
            return Err(AppError::invalid("override_reason", Problem::TooLong));
        }
    }
    let unit = family_unit(conn, request.person).await?;
    let (moves, found) = assess(conn, request, &unit, false).await?;
    if found.is_empty() {
        return Ok(Plan {
            moves,
            overridden: Vec::new(),
            set_aside_rows: Vec::new(),
        });
    }
    let allowed = may_override(request.user) && found.iter().all(|b| b.overridable());
    if !allowed || reason.is_none() {
        return Err(AppError::Rules {
            breaches: found,
            may_override: allowed,
        });
    }
    if !found.contains(&Breach::NoRoomForFamily) {
        return Ok(Plan {
            moves,
            overridden: found,
            set_aside_rows: Vec::new(),
        });
    }
    // No room for the whole family: the override places the person alone, which splits
    // the family; that too must be a rule the user may set aside.
    let (moves, alone) = assess(conn, request, &unit, true).await?;
    let mut overridden = found;
    for breach in alone {
        if !breach.overridable() {
            return Err(AppError::Rules {
                breaches: vec![breach],
                may_override: false,
            });
        }
        if !overridden.contains(&breach) {
            overridden.push(breach);
        }
    }
    Ok(Plan {
        moves,
        overridden,
        set_aside_rows: Vec::new(),
    })
}

/// Checks the rules for the person (with the family members who move with her, unless
/// `alone`) and the chosen bed: answers who would take which bed, and the rules broken.
async fn assess<C: ConnectionTrait>(
    conn: &C,
    request: &Request<'_>,
    unit: &[people::Model],
    alone: bool,
) -> Result<(Vec<(people::Model, i32)>, Vec<Breach>), AppError> {
    let person = request.person;
    let target = request.structure.id;
    let head_id = person.family_head_id.unwrap_or(person.id);
    let open = open_stays(conn, unit).await?;
    // Who moves: for a placement, everyone of the family without a bed; for a move,
    // everyone sharing her current structure.
    let moving_together = |member: &people::Model| -> bool {
        match (request.current, open.get(&member.id)) {
            (None, None) => true,
            (None, Some(_)) => false,
            (Some(current), Some(stay)) => stay.structure_id == current.structure_id,
            (Some(_), None) => false,
        }
    };
    let mut movers: Vec<&people::Model> = vec![person];
    if !alone {
        movers.extend(
            unit.iter()
                .filter(|m| m.id != person.id && moving_together(m)),
        );
    }
    let mover_ids: HashSet<i32> = movers.iter().map(|m| m.id).collect();
    // Left behind: family members who keep (or would be without) a place elsewhere.
    let family_elsewhere = unit.iter().any(|m| {
        !mover_ids.contains(&m.id)
            && match open.get(&m.id) {
                Some(stay) => stay.structure_id != target,
                None => request.current.is_none(),
            }
    });

    // The structure's beds in board order, and whether the family may use each.
    let (usable, rooms, in_structure) = usable_beds(conn, target, &mover_ids).await?;
    // Taken meanwhile by a request that committed first: the same conflict as a check.
    if !usable.iter().any(|(id, ok)| *id == request.bed.id && *ok) {
        return Err(AppError::Conflict {
            conflict: crate::kernel::error::Conflict::BedTaken,
        });
    }
    let room_of = |bed: i32| rooms.get(&bed).copied();
    let run = family_beds(&usable, room_of, request.bed.id, movers.len());

    // The group is the family's when the parent moves with her children.
    let today = today();
    let head_moves = mover_ids.contains(&head_id);
    let principal = movers
        .iter()
        .find(|m| head_moves && m.id == head_id)
        .copied()
        .unwrap_or(person);
    // A mother is placed as a mother with children even when they join her later.
    let with_children = head_moves && unit.len() > 1;
    let needed_group = group_needed(conn, principal, with_children, today).await?;
    let authorised = authorised_movers(conn, &mover_ids).await?;
    let facts_movers = movers
        .iter()
        .map(|m| Mover {
            person_id: m.id,
            minor: minor_from_record(m, today),
            with_parent: head_moves && m.id != head_id,
            with_children: with_children && m.id == head_id,
            authorised: authorised.contains(&m.id),
            age: m
                .birth_month
                .map(|month| crate::people::registry::model::age_on(month, today)),
        })
        .collect();

    // Someone to be kept apart from, with a bed in the structure.
    let kept_apart_present = kept_apart_in_structure(conn, &mover_ids, &in_structure).await?;

    let facts = Facts {
        structure_groups: parse_codes(&request.structure.target_groups, TargetGroup::from_code),
        needed_group,
        movers: facts_movers,
        room_for_all: run.is_some(),
        family_elsewhere,
        kept_apart_present,
    };
    let found = breaches(&facts);
    let moves = match run {
        Some(beds) => movers
            .iter()
            .zip(beds)
            .map(|(m, bed)| ((*m).clone(), bed))
            .collect(),
        None => vec![(person.clone(), request.bed.id)],
    };
    Ok((moves, found))
}

// ---------------------------------------------------------------- what the team records

use chrono::{NaiveDate, Utc};
use sea_orm::{ActiveModelTrait, Set};

use crate::audit::ssr::{record, AuditEvent};
use crate::auth::ssr::Ctx;
use crate::people::access::{
    find_person, may_manage as on_team, person_codes, person_event, person_for_change, refuse,
    team_person,
};

pub async fn safeguards(ctx: &Ctx, code: &str) -> Result<Safeguards, AppError> {
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let person = team_person(&txn, ctx, code, "person.safeguards.view").await?;
        let authorisations = minor_authorisations::Entity::find()
            .filter(minor_authorisations::Column::PersonId.eq(person.id))
            .order_by_desc(minor_authorisations::Column::GrantedOn)
            .all(&txn)
            .await?
            .into_iter()
            .map(|a| AuthorisationRow {
                id: a.id,
                kind: AuthorisationKind::from_stored(&a.kind, AuthorisationKind::Guardian),
                reference: a.reference,
                granted_on: a.granted_on,
                withdrawn: a.withdrawn_at.is_some(),
            })
            .collect();
        let pairs = kept_apart::Entity::find()
            .filter(
                Condition::any()
                    .add(kept_apart::Column::PersonId.eq(person.id))
                    .add(kept_apart::Column::OtherPersonId.eq(person.id)),
            )
            .order_by_asc(kept_apart::Column::Id)
            .all(&txn)
            .await?;
        let other = |pair: &kept_apart::Model| {
            if pair.person_id == person.id {
                pair.other_person_id
            } else {
                pair.person_id
            }
        };
        let user = ctx.user()?;
        let others: HashMap<i32, people::Model> = people::Entity::find()
            .filter(people::Column::Id.is_in(pairs.iter().map(other)))
            .all(&txn)
            .await?
            .into_iter()
            .map(|person| (person.id, person))
            .collect();
        let recorders = recording_organisations(&txn, &pairs).await?;
        let mut kept_apart = Vec::with_capacity(pairs.len());
        for pair in &pairs {
            let other_code = match others.get(&other(pair)) {
                Some(other) if on_team(&txn, user, other).await? => Some(other.code.clone()),
                _ => None,
            };
            kept_apart.push(KeptApartRow {
                id: pair.id,
                other_code,
                reason: KeptApartReason::from_stored(&pair.reason, KeptApartReason::Other),
                removable: recorders.get(&pair.created_by) == Some(&user.organisation_id),
            });
        }
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(ctx.user.as_ref(), "person.safeguards.view", "person")
                .object(&person.code),
        )
        .await?;
        Ok(Safeguards {
            code: person.code.clone(),
            minor: minor_from_record(&person, today()),
            authorisations,
            kept_apart,
        })
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        person_event(ctx, "person.safeguards.view", code),
    )
    .await
}

/// Records the guardian's or the juvenile court's authorisation of a minor's placement.
pub async fn record_authorisation(
    ctx: &Ctx,
    code: &str,
    kind: AuthorisationKind,
    reference: &str,
    granted_on: NaiveDate,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let person = person_for_change(&txn, ctx, code, "person.authorisation.record").await?;
        let created = minor_authorisations::ActiveModel {
            person_id: Set(person.id),
            kind: Set(kind.code().to_string()),
            reference: Set(reference.to_string()),
            granted_on: Set(granted_on),
            recorded_by: Set(user.id),
            recorded_at: Set(Utc::now()),
            withdrawn_at: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.authorisation.record", "person")
                .object(&person.code)
                .detail(format!("authorisation={} kind={}", created.id, kind.code())),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        person_event(ctx, "person.authorisation.record", code),
    )
    .await
}

pub async fn withdraw_authorisation(ctx: &Ctx, code: &str, id: i32) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let person = team_person(&txn, ctx, code, "person.authorisation.withdraw").await?;
        let found = minor_authorisations::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .filter(|a| a.person_id == person.id && a.withdrawn_at.is_none())
            .ok_or(AppError::NotFound)?;
        let mut update: minor_authorisations::ActiveModel = found.into();
        update.withdrawn_at = Set(Some(Utc::now()));
        update.update(&txn).await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.authorisation.withdraw", "person")
                .object(&person.code)
                .detail(format!("authorisation={id}")),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        person_event(ctx, "person.authorisation.withdraw", code),
    )
    .await
}

/// Records that two people must never share a structure. The other person is named by
/// code; the pair is written in the audit trail of both.
pub async fn add_kept_apart(
    ctx: &Ctx,
    code: &str,
    other_code: &str,
    reason: KeptApartReason,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let person = team_person(&txn, ctx, code, "person.kept_apart.add").await?;
        let other = find_person(&txn, other_code)
            .await
            .map_err(|_| AppError::invalid("other_code", Problem::UnknownChoice))?;
        if other.id == person.id {
            return Err(AppError::invalid("other_code", Problem::Contradiction));
        }
        let (low, high) = (person.id.min(other.id), person.id.max(other.id));
        let exists = kept_apart::Entity::find()
            .filter(kept_apart::Column::PersonId.eq(low))
            .filter(kept_apart::Column::OtherPersonId.eq(high))
            .one(&txn)
            .await?
            .is_some();
        if !exists {
            kept_apart::ActiveModel {
                person_id: Set(low),
                other_person_id: Set(high),
                reason: Set(reason.code().to_string()),
                created_by: Set(user.id),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        for (subject, counterpart) in [(&person, &other), (&other, &person)] {
            record(
                &txn,
                ctx.request_id(),
                AuditEvent::new(Some(user), "person.kept_apart.add", "person")
                    .object(&subject.code)
                    .detail(format!(
                        "other={} reason={}",
                        counterpart.code,
                        reason.code()
                    )),
            )
            .await?;
        }
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        person_event(ctx, "person.kept_apart.add", code),
    )
    .await
}

/// The organisation of each user who recorded one of `pairs`.
async fn recording_organisations<C: ConnectionTrait>(
    conn: &C,
    pairs: &[kept_apart::Model],
) -> Result<HashMap<i32, i32>, AppError> {
    Ok(users::Entity::find()
        .filter(users::Column::Id.is_in(pairs.iter().map(|pair| pair.created_by)))
        .all(conn)
        .await?
        .into_iter()
        .map(|user| (user.id, user.organisation_id))
        .collect())
}

/// Removes a pair: the team that recorded it (its organisation) or the coordinator.
pub async fn remove_kept_apart(ctx: &Ctx, code: &str, id: i32) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let action = "person.kept_apart.remove";
        let person = if user.is_network_wide() {
            find_person(&txn, code).await?
        } else {
            team_person(&txn, ctx, code, action).await?
        };
        let pair = kept_apart::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .filter(|p| p.person_id == person.id || p.other_person_id == person.id)
            .ok_or(AppError::NotFound)?;
        let recorded_here = recording_organisations(&txn, std::slice::from_ref(&pair))
            .await?
            .get(&pair.created_by)
            == Some(&user.organisation_id);
        if !recorded_here && !user.is_network_wide() {
            return Err(refuse(&txn, ctx, action, &person).await?);
        }
        let other_id = if pair.person_id == person.id {
            pair.other_person_id
        } else {
            pair.person_id
        };
        kept_apart::Entity::delete_by_id(pair.id).exec(&txn).await?;
        let codes = person_codes(&txn, [person.id, other_id]).await?;
        for (subject, counterpart) in [(person.id, other_id), (other_id, person.id)] {
            record(
                &txn,
                ctx.request_id(),
                AuditEvent::new(Some(user), "person.kept_apart.remove", "person")
                    .object(codes.get(&subject).cloned().unwrap_or_default())
                    .detail(format!(
                        "other={}",
                        codes.get(&counterpart).cloned().unwrap_or_default()
                    )),
            )
            .await?;
        }
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        person_event(ctx, "person.kept_apart.remove", code),
    )
    .await
}
