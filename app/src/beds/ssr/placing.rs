//! Placing a person in a bed, moving her to another, and her discharge: each checked against the structure's rules and audited.

use super::*;

/// Places a person (from the waiting list, or one of the user's own organisation) in a
/// free bed; her children without a bed take the adjacent ones. The rules may refuse it,
/// or a reception manager may set some aside with `override_reason`.
pub async fn place(
    ctx: &Ctx,
    code: &str,
    bed_id: i32,
    planned_exit_on: Option<NaiveDate>,
    override_reason: Option<&str>,
) -> Result<Vec<i32>, AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let mut touched = Touched::default();
    let result = async {
        let person = find_person(&txn, code).await?;
        let (bed, structure) = managed_bed(&txn, user, bed_id).await?;
        check_placeable(&txn, user, &person).await?;
        check_bed_free(&txn, &bed, person.id).await?;
        let plan = rules::plan(
            &txn,
            &Request {
                user,
                person: &person,
                bed: &bed,
                structure: &structure,
                current: None,
                override_reason,
            },
        )
        .await?;
        let overridden = override_detail(&plan, override_reason);
        let mut beds_taken = Vec::new();
        let mut change = LastChange::new(UndoAction::Place, &person.code);
        change.rules_set_aside.clone_from(&plan.set_aside_rows);
        for (member, member_bed) in &plan.moves {
            let created = insert_placement(
                &txn,
                user,
                member.id,
                (*member_bed, structure.id),
                planned_exit_on,
            )
            .await?;
            beds_taken.push(*member_bed);
            touched.bed(*member_bed);
            change.opened.push(created.id);
            if let Some(entry_id) = close_waiting_entry(&txn, member.id).await? {
                change.waiting_closed.push(entry_id);
                touched.entry(entry_id);
            }
            release_hold(&txn, *member_bed).await?;
            if let Some(previous) =
                advance_to_placed(&txn, user, member, created.started_on).await?
            {
                change.statuses.push((member.id, previous));
            }
            let family = if member.id == person.id {
                String::new()
            } else {
                format!(" with_family_of={}", person.code)
            };
            record(
                &txn,
                ctx.request_id(),
                AuditEvent::new(Some(user), "bed.place", "person")
                    .object(&member.code)
                    .detail(format!(
                        "placement={} bed={} structure={}{family}{overridden}",
                        created.id, member_bed, structure.id
                    )),
            )
            .await?;
        }
        remember(&txn, user, &change).await?;
        Ok(beds_taken)
    }
    .await;
    finish(
        txn,
        ctx,
        (BoardChange::Placements, touched),
        "bed.place",
        ("person", code.trim().to_uppercase()),
        result,
    )
    .await
}

/// The person's entry on the waiting list, if she is waiting.
async fn waiting_entry(
    txn: &DatabaseTransaction,
    person_id: i32,
) -> Result<Option<waiting_list::Model>, AppError> {
    Ok(waiting_list::Entity::find()
        .filter(waiting_list::Column::PersonId.eq(person_id))
        .filter(waiting_list::Column::Status.eq(STATUS_WAITING))
        .one(txn)
        .await?)
}

/// Refuses to place someone already in a bed or anonymised (409), or neither on the
/// waiting list nor one of the user's own people (403).
async fn check_placeable(
    txn: &DatabaseTransaction,
    user: &CurrentUser,
    person: &people::Model,
) -> Result<(), AppError> {
    let waiting = waiting_entry(txn, person.id).await?;
    // The board shows who has a bed (by code): saying so is no news to its users.
    if open_placement_of(txn, person.id).await?.is_some() {
        return Err(AppError::Conflict {
            conflict: Conflict::AlreadyPlaced,
        });
    }
    if waiting.is_none() && !on_team(txn, user, person).await? {
        // Neither proposed for shelter nor one of the user's own people.
        return Err(AppError::Forbidden);
    }
    if person.anonymised_at.is_some() {
        return Err(AppError::Conflict {
            conflict: Conflict::Anonymised,
        });
    }
    Ok(())
}

/// Closes the person's waiting-list entry as placed; answers its id, if she had one.
async fn close_waiting_entry(
    txn: &DatabaseTransaction,
    person_id: i32,
) -> Result<Option<i32>, AppError> {
    let Some(entry) = waiting_entry(txn, person_id).await? else {
        return Ok(None);
    };
    let id = entry.id;
    let mut update: waiting_list::ActiveModel = entry.into();
    update.status = Set(STATUS_PLACED.to_string());
    update.closed_at = Set(Some(Utc::now()));
    update.update(txn).await?;
    Ok(Some(id))
}

/// Moves the member's path on to "placed" (with its dated step) if she was not there
/// yet; answers the status she had, for the undo.
async fn advance_to_placed(
    txn: &DatabaseTransaction,
    user: &CurrentUser,
    member: &people::Model,
    started_on: NaiveDate,
) -> Result<Option<String>, AppError> {
    let status = PathStatus::from_stored(&member.status, PathStatus::Contact);
    if status >= PathStatus::Placed {
        return Ok(None);
    }
    let mut update: people::ActiveModel = member.clone().into();
    update.status = Set(PathStatus::Placed.code().to_string());
    update.updated_at = Set(Utc::now());
    update.update(txn).await?;
    crate::people::access::record_path_step(
        txn,
        member.id,
        PathStatus::Placed,
        None,
        started_on,
        Some(user),
    )
    .await?;
    Ok(Some(member.status.clone()))
}

/// The person's open stay; 409 when she has none (a move or a discharge of someone not
/// in a bed).
async fn placed_stay(
    txn: &DatabaseTransaction,
    person_id: i32,
) -> Result<placements::Model, AppError> {
    open_placement_of(txn, person_id)
        .await?
        .ok_or(AppError::Conflict {
            conflict: Conflict::NotPlaced,
        })
}

/// Ends an open stay on `ended_on` for `reason`, recorded as ended by `user`.
async fn end_stay(
    txn: &DatabaseTransaction,
    user: &CurrentUser,
    stay: placements::Model,
    ended_on: NaiveDate,
    reason: &str,
) -> Result<(), AppError> {
    let mut ended: placements::ActiveModel = stay.into();
    ended.ended_on = Set(Some(ended_on));
    ended.end_reason = Set(Some(reason.to_string()));
    ended.ended_by = Set(Some(user.id));
    ended.update(txn).await?;
    Ok(())
}

/// Moves a guest to another bed (same or another structure) in one transaction, her
/// children with her: each old stay ends as a transfer, the new ones start today.
pub async fn move_guest(
    ctx: &Ctx,
    code: &str,
    to_bed_id: i32,
    override_reason: Option<&str>,
) -> Result<Vec<i32>, AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let mut touched = Touched::default();
    let result = async {
        let person = find_person(&txn, code).await?;
        let current = placed_stay(&txn, person.id).await?;
        let (from_bed, _) = managed_bed(&txn, user, current.bed_id).await?;
        let (to_bed, to_structure) = managed_bed(&txn, user, to_bed_id).await?;
        let mut change = LastChange::new(UndoAction::Move, &person.code);
        if from_bed.id == to_bed.id {
            return Ok(vec![to_bed.id]);
        }
        check_bed_free(&txn, &to_bed, person.id).await?;
        let plan = rules::plan(
            &txn,
            &Request {
                user,
                person: &person,
                bed: &to_bed,
                structure: &to_structure,
                current: Some(&current),
                override_reason,
            },
        )
        .await?;
        let overridden = override_detail(&plan, override_reason);
        change.rules_set_aside.clone_from(&plan.set_aside_rows);
        // Every old stay ends before a new one opens: a family moving within one
        // structure may take each other's beds.
        let mut ended_stays = Vec::new();
        for (member, _) in &plan.moves {
            let stay = placed_stay(&txn, member.id).await?;
            touched.bed(stay.bed_id);
            let (planned, id) = (stay.planned_exit_on, stay.id);
            end_stay(&txn, user, stay, today(), MOVED_TO_ANOTHER_BED).await?;
            change.ended.push(id);
            ended_stays.push((id, planned));
        }
        let mut beds_taken = Vec::new();
        for ((member, member_bed), (from_id, planned)) in plan.moves.iter().zip(ended_stays) {
            let created = insert_placement(
                &txn,
                user,
                member.id,
                (*member_bed, to_structure.id),
                planned,
            )
            .await?;
            release_hold(&txn, *member_bed).await?;
            beds_taken.push(*member_bed);
            touched.bed(*member_bed);
            change.opened.push(created.id);
            record(
                &txn,
                ctx.request_id(),
                AuditEvent::new(Some(user), "bed.move", "person")
                    .object(&member.code)
                    .detail(format!(
                        "from_placement={from_id} to_placement={} bed={} structure={}{overridden}",
                        created.id, member_bed, to_structure.id
                    )),
            )
            .await?;
        }
        remember(&txn, user, &change).await?;
        Ok(beds_taken)
    }
    .await;
    finish(
        txn,
        ctx,
        (BoardChange::Placements, touched),
        "bed.move",
        ("person", code.trim().to_uppercase()),
        result,
    )
    .await
}

/// Ends a guest's stay with a reason and a date (today or earlier). A mother leaves with
/// her children who share her structure.
pub async fn discharge(
    ctx: &Ctx,
    code: &str,
    reason: StayEnd,
    ended_on: NaiveDate,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let mut touched = Touched::default();
    let result = async {
        let person = find_person(&txn, code).await?;
        let current = placed_stay(&txn, person.id).await?;
        managed_bed(&txn, user, current.bed_id).await?;
        if ended_on < current.started_on {
            return Err(AppError::invalid("ended_on", Problem::OutOfRange));
        }
        let mut leaving = vec![(person.code.clone(), current.clone())];
        if person.family_head_id.is_none() {
            for member in rules::family_unit(&txn, &person).await? {
                if member.id == person.id {
                    continue;
                }
                if let Some(stay) = open_placement_of(&txn, member.id).await? {
                    if stay.structure_id == current.structure_id && stay.started_on <= ended_on {
                        leaving.push((member.code.clone(), stay));
                    }
                }
            }
        }
        let mut change = LastChange::new(UndoAction::Exit, &person.code);
        for (member_code, stay) in leaving {
            let id = stay.id;
            touched.bed(stay.bed_id);
            change.ended.push(id);
            end_stay(&txn, user, stay, ended_on, reason.code()).await?;
            record(
                &txn,
                ctx.request_id(),
                AuditEvent::new(Some(user), "bed.discharge", "person")
                    .object(&member_code)
                    .detail(format!("placement={id} reason={}", reason.code())),
            )
            .await?;
        }
        remember(&txn, user, &change).await?;
        Ok(())
    }
    .await;
    finish(
        txn,
        ctx,
        (BoardChange::Placements, touched),
        "bed.discharge",
        ("person", code.trim().to_uppercase()),
        result,
    )
    .await
}
