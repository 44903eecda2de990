//! Changes to the plan: phases, team, assessments, goals and actions, each audited with the plan's version.

use super::*;

/// Runs one audited change of a person's plan in a write transaction: `change` gets the
/// transaction, the person and her plan (None: no plan yet) and returns the audit detail.
pub(crate) async fn change_plan<F>(
    ctx: &Ctx,
    code: &str,
    action: &'static str,
    change: F,
) -> Result<(), AppError>
where
    F: for<'a> FnOnce(
        &'a sea_orm::DatabaseTransaction,
        &'a people::Model,
        Option<plans::Model>,
    ) -> std::pin::Pin<
        Box<dyn std::future::Future<Output = Result<String, AppError>> + Send + 'a>,
    >,
{
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let person = person_for_change(&txn, ctx, code, action).await?;
        let plan = plan_of(&txn, &person).await?;
        if plan.as_ref().is_some_and(|plan| plan.closed_on.is_some()) {
            return Err(AppError::Conflict {
                conflict: Conflict::PlanClosed,
            });
        }
        match change(&txn, &person, plan).await {
            Ok(detail) => audit(&txn, ctx, action, &person, Some(detail)).await,
            // A refusal decided by the change itself (a restricted team role).
            Err(AppError::Forbidden) => Err(refuse(&txn, ctx, action, &person).await?),
            Err(error) => Err(error),
        }
    }
    .await;
    let conflicting = crate::people::access::person_event(ctx, action, code);
    ctx.finish_write(txn, result, conflicting).await
}

pub async fn open_plan(ctx: &Ctx, code: &str, review_every_days: i32) -> Result<(), AppError> {
    let user_id = ctx.user()?.id;
    change_plan(ctx, code, "plan.open", move |txn, person, plan| {
        Box::pin(async move {
            if plan.is_some() {
                return Err(AppError::Conflict {
                    conflict: Conflict::PlanAlreadyOpen,
                });
            }
            let now = Utc::now();
            let today = today();
            let created = plans::ActiveModel {
                person_id: Set(person.id),
                opened_on: Set(today),
                opened_by: Set(user_id),
                review_every_days: Set(review_every_days),
                created_at: Set(now),
                updated_at: Set(now),
                closed_on: Set(None),
                exit_outcome: Set(None),
                closing_summary: Set(None),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            schedule_review_on(
                txn,
                created.id,
                today + Duration::days(i64::from(review_every_days)),
            )
            .await?;
            let phase = initial_phase(PathStatus::from_code(&person.status));
            plan_phases::ActiveModel {
                plan_id: Set(created.id),
                phase: Set(phase.code().to_string()),
                started_on: Set(today),
                note: Set(None),
                recorded_by: Set(user_id),
                recorded_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            Ok(format!("plan={} phase={}", created.id, phase.code()))
        })
    })
    .await
}

pub async fn record_phase(ctx: &Ctx, code: &str, phase: ValidPhase) -> Result<(), AppError> {
    let user_id = ctx.user()?.id;
    change_plan(ctx, code, "plan.phase", move |txn, _person, plan| {
        Box::pin(async move {
            let plan = plan.ok_or(AppError::NotFound)?;
            let last = plan_phases::Entity::find()
                .filter(plan_phases::Column::PlanId.eq(plan.id))
                .order_by_desc(plan_phases::Column::StartedOn)
                .one(txn)
                .await?;
            // Transitions are dated in order: a step cannot start before the current one.
            if last.is_some_and(|last| phase.started_on < last.started_on) {
                return Err(AppError::invalid("started_on", Problem::OutOfRange));
            }
            plan_phases::ActiveModel {
                plan_id: Set(plan.id),
                phase: Set(phase.phase.code().to_string()),
                started_on: Set(phase.started_on),
                note: Set(phase.note),
                recorded_by: Set(user_id),
                recorded_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            touch(txn, plan).await?;
            Ok(format!("phase={}", phase.phase.code()))
        })
    })
    .await
}

pub async fn add_team_member(
    ctx: &Ctx,
    code: &str,
    member: ValidTeamMember,
) -> Result<(), AppError> {
    let giver = ctx.user()?.clone();
    let user_id = giver.id;
    change_plan(ctx, code, "plan.team.add", move |txn, person, plan| {
        Box::pin(async move {
            let plan = plan.ok_or(AppError::NotFound)?;
            let restricted = member.role.opens_restricted_notes();
            let (colleague, external) = match member.member {
                TeamMember::Colleague(id) => {
                    ensure_colleague(txn, person, id, "user_id").await?;
                    if restricted
                        && !may_give_restricted_role(txn, &giver, person, &plan, member.role, id)
                            .await?
                    {
                        return Err(AppError::Forbidden);
                    }
                    let already = plan_team::Entity::find()
                        .filter(plan_team::Column::PlanId.eq(plan.id))
                        .filter(plan_team::Column::UserId.eq(id))
                        .filter(plan_team::Column::Role.eq(member.role.code()))
                        .filter(plan_team::Column::RemovedAt.is_null())
                        .one(txn)
                        .await?;
                    if already.is_some() {
                        return Err(AppError::Conflict {
                            conflict: Conflict::AlreadyOnTeam,
                        });
                    }
                    (Some(id), None)
                }
                TeamMember::External(name) => (None, Some(name)),
            };
            let created = plan_team::ActiveModel {
                plan_id: Set(plan.id),
                user_id: Set(colleague),
                external_name: Set(external),
                role: Set(member.role.code().to_string()),
                added_by: Set(user_id),
                added_at: Set(Utc::now()),
                removed_at: Set(None),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            if restricted {
                tell_restricted_role_holders(
                    txn,
                    person,
                    &plan,
                    member.role,
                    &[user_id, created.user_id.unwrap_or(0)],
                )
                .await?;
            }
            touch(txn, plan).await?;
            Ok(format!("member={} role={}", created.id, member.role.code()))
        })
    })
    .await
}

/// The holders of `role` on the plan now (users of the network, not external services).
pub(super) async fn role_holders<C: ConnectionTrait>(
    conn: &C,
    plan: &plans::Model,
    role: TeamRole,
) -> Result<Vec<i32>, AppError> {
    Ok(plan_team::Entity::find()
        .filter(plan_team::Column::PlanId.eq(plan.id))
        .filter(plan_team::Column::Role.eq(role.code()))
        .filter(plan_team::Column::RemovedAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|member| member.user_id)
        .collect())
}

/// A role that opens restricted diary notes is given by the person's reference operator
/// in the giver's organisation, or by someone who already holds that role on the plan;
/// never to oneself, so that no team member can open the notes on her own.
pub(super) async fn may_give_restricted_role<C: ConnectionTrait>(
    conn: &C,
    giver: &CurrentUser,
    person: &people::Model,
    plan: &plans::Model,
    role: TeamRole,
    receiver: i32,
) -> Result<bool, AppError> {
    Ok(receiver != giver.id && gives_restricted_role(conn, giver, person, plan, role).await?)
}

/// Whether `giver` may give `role` on this plan at all: she is the person's reference
/// operator in her organisation, or holds that role on the plan.
pub(super) async fn gives_restricted_role<C: ConnectionTrait>(
    conn: &C,
    giver: &CurrentUser,
    person: &people::Model,
    plan: &plans::Model,
    role: TeamRole,
) -> Result<bool, AppError> {
    let reference_operator = person_organisations::Entity::find()
        .filter(person_organisations::Column::PersonId.eq(person.id))
        .filter(person_organisations::Column::OrganisationId.eq(giver.organisation_id))
        .filter(person_organisations::Column::ReferenceUserId.eq(giver.id))
        .one(conn)
        .await?
        .is_some();
    Ok(reference_operator || role_holders(conn, plan, role).await?.contains(&giver.id))
}

/// Those who already held the role are told it was given to someone else.
pub(super) async fn tell_restricted_role_holders<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    plan: &plans::Model,
    role: TeamRole,
    not_to: &[i32],
) -> Result<(), AppError> {
    let link = format!("/persone/{}/progetto", person.code);
    for holder in role_holders(conn, plan, role).await? {
        if !not_to.contains(&holder) {
            crate::notifications::ssr::notify(
                conn,
                holder,
                crate::notifications::model::NotificationKind::RestrictedRoleGiven,
                &person.code,
                &link,
            )
            .await?;
        }
    }
    Ok(())
}

pub async fn remove_team_member(ctx: &Ctx, code: &str, member_id: i32) -> Result<(), AppError> {
    change_plan(ctx, code, "plan.team.remove", move |txn, _person, plan| {
        Box::pin(async move {
            let plan = plan.ok_or(AppError::NotFound)?;
            let member = plan_team::Entity::find_by_id(member_id)
                .one(txn)
                .await?
                .filter(|m| m.plan_id == plan.id && m.removed_at.is_none())
                .ok_or(AppError::NotFound)?;
            let mut active = member.into_active_model();
            active.removed_at = Set(Some(Utc::now()));
            active.update(txn).await?;
            touch(txn, plan).await?;
            Ok(format!("member={member_id}"))
        })
    })
    .await
}

pub async fn save_assessment(
    ctx: &Ctx,
    code: &str,
    assessment: ValidAssessment,
) -> Result<(), AppError> {
    let user_id = ctx.user()?.id;
    change_plan(
        ctx,
        code,
        "plan.assessment.save",
        move |txn, _person, plan| {
            Box::pin(async move {
                let plan = plan.ok_or(AppError::NotFound)?;
                let existing = plan_assessments::Entity::find()
                    .filter(plan_assessments::Column::PlanId.eq(plan.id))
                    .filter(plan_assessments::Column::Area.eq(assessment.area.code()))
                    .one(txn)
                    .await?;
                let now = Utc::now();
                match existing {
                    Some(row) => {
                        let mut active = row.into_active_model();
                        active.need = Set(assessment.need.code().to_string());
                        active.notes = Set(assessment.notes);
                        active.assessed_on = Set(today());
                        active.updated_by = Set(user_id);
                        active.updated_at = Set(now);
                        active.update(txn).await?;
                    }
                    None => {
                        plan_assessments::ActiveModel {
                            plan_id: Set(plan.id),
                            area: Set(assessment.area.code().to_string()),
                            need: Set(assessment.need.code().to_string()),
                            notes: Set(assessment.notes),
                            assessed_on: Set(today()),
                            updated_by: Set(user_id),
                            updated_at: Set(now),
                            ..Default::default()
                        }
                        .insert(txn)
                        .await?;
                    }
                }
                touch(txn, plan).await?;
                Ok(format!(
                    "area={} need={}",
                    assessment.area.code(),
                    assessment.need.code()
                ))
            })
        },
    )
    .await
}

pub async fn add_goal(ctx: &Ctx, code: &str, goal: ValidGoal) -> Result<(), AppError> {
    let user_id = ctx.user()?.id;
    change_plan(ctx, code, "plan.goal.add", move |txn, _person, plan| {
        Box::pin(async move {
            let plan = plan.ok_or(AppError::NotFound)?;
            let now = Utc::now();
            let created = plan_goals::ActiveModel {
                plan_id: Set(plan.id),
                area: Set(goal.area.code().to_string()),
                description: Set(goal.description),
                expected_on: Set(goal.expected_on),
                status: Set(GoalStatus::Open.code().to_string()),
                created_by: Set(user_id),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            touch(txn, plan).await?;
            Ok(format!("goal={} area={}", created.id, goal.area.code()))
        })
    })
    .await
}

pub async fn set_goal_status(
    ctx: &Ctx,
    code: &str,
    goal_id: i32,
    status: GoalStatus,
) -> Result<(), AppError> {
    change_plan(ctx, code, "plan.goal.status", move |txn, _person, plan| {
        Box::pin(async move {
            let plan = plan.ok_or(AppError::NotFound)?;
            let goal = plan_goals::Entity::find_by_id(goal_id)
                .one(txn)
                .await?
                .filter(|g| g.plan_id == plan.id)
                .ok_or(AppError::NotFound)?;
            let mut active = goal.into_active_model();
            active.status = Set(status.code().to_string());
            active.updated_at = Set(Utc::now());
            active.update(txn).await?;
            touch(txn, plan).await?;
            Ok(format!("goal={goal_id} status={}", status.code()))
        })
    })
    .await
}

pub async fn add_action(ctx: &Ctx, code: &str, action: ValidNewAction) -> Result<(), AppError> {
    let user_id = ctx.user()?.id;
    change_plan(ctx, code, "plan.action.add", move |txn, person, plan| {
        Box::pin(async move {
            let plan = plan.ok_or(AppError::NotFound)?;
            let goal_found = plan_goals::Entity::find_by_id(action.goal_id)
                .one(txn)
                .await?
                .is_some_and(|g| g.plan_id == plan.id);
            if !goal_found {
                return Err(AppError::invalid("goal_id", Problem::UnknownChoice));
            }
            let service_found = services::Entity::find_by_id(action.service_id)
                .one(txn)
                .await?
                .is_some_and(|s| s.active);
            if !service_found {
                return Err(AppError::invalid("service_id", Problem::UnknownChoice));
            }
            let (responsible_user, responsible_external) = match action.responsible {
                TeamMember::Colleague(id) => {
                    ensure_colleague(txn, person, id, "responsible_user_id").await?;
                    (Some(id), None)
                }
                TeamMember::External(name) => (None, Some(name)),
            };
            let now = Utc::now();
            let created = plan_actions::ActiveModel {
                plan_id: Set(plan.id),
                goal_id: Set(action.goal_id),
                service_id: Set(action.service_id),
                responsible_user_id: Set(responsible_user),
                responsible_external: Set(responsible_external),
                planned_start: Set(action.planned_start),
                planned_end: Set(action.planned_end),
                actual_start: Set(None),
                actual_end: Set(None),
                status: Set(ActionStatus::Planned.code().to_string()),
                outcome: Set(None),
                created_by: Set(user_id),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            touch(txn, plan).await?;
            Ok(format!(
                "action={} service={}",
                created.id, action.service_id
            ))
        })
    })
    .await
}

pub async fn update_action(
    ctx: &Ctx,
    code: &str,
    action_id: i32,
    progress: ValidProgress,
) -> Result<(), AppError> {
    change_plan(
        ctx,
        code,
        "plan.action.update",
        move |txn, _person, plan| {
            Box::pin(async move {
                let plan = plan.ok_or(AppError::NotFound)?;
                let action = plan_actions::Entity::find_by_id(action_id)
                    .one(txn)
                    .await?
                    .filter(|a| a.plan_id == plan.id)
                    .ok_or(AppError::NotFound)?;
                let mut changed = Vec::new();
                if action.planned_start != progress.planned_start
                    || action.planned_end != progress.planned_end
                {
                    changed.push("planned");
                }
                if action.status != progress.status.code() {
                    changed.push("status");
                }
                if action.actual_start != progress.actual_start
                    || action.actual_end != progress.actual_end
                {
                    changed.push("actual");
                }
                if action.outcome != progress.outcome {
                    changed.push("outcome");
                }
                let mut active = action.into_active_model();
                active.planned_start = Set(progress.planned_start);
                active.planned_end = Set(progress.planned_end);
                active.actual_start = Set(progress.actual_start);
                active.actual_end = Set(progress.actual_end);
                active.status = Set(progress.status.code().to_string());
                active.outcome = Set(progress.outcome);
                active.updated_at = Set(Utc::now());
                active.update(txn).await?;
                touch(txn, plan).await?;
                Ok(format!(
                    "action={action_id} status={} changed={}",
                    progress.status.code(),
                    changed.join(",")
                ))
            })
        },
    )
    .await
}
