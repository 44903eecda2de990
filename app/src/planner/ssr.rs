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
use crate::admin::ssr::{organisation_names, user_names};
use crate::audit::ssr::{record, AuditEvent};
use crate::auth::model::CurrentUser;
use crate::auth::ssr::Ctx;
use crate::entity::{
    people, permits, person_identities, person_organisations, plan_actions, plan_assessments,
    plan_diary, plan_goals, plan_phases, plan_reviews, plan_team, plan_versions, plans,
    reference_handovers, services, user_roles, users, work_placements,
};
use crate::error::{AppError, Conflict, Problem};
use crate::people::registry::model::{eighteenth_birthday, PathStatus, COMING_OF_AGE_ALERT_DAYS};
use crate::people::registry::ssr::{
    find_person, may_manage, minor_from_record, person_for_change, refuse, TEAM_ROLES,
};
use crate::people::ssr::today;

/// The person behind `code`, if the caller is on her team; otherwise the refusal is
/// audited under `action` and answered 403.
pub(crate) async fn team_person<C: ConnectionTrait>(
    conn: &C,
    ctx: &Ctx,
    code: &str,
    action: &str,
) -> Result<people::Model, AppError> {
    let user = ctx.user()?;
    let person = find_person(conn, code).await?;
    if !may_manage(conn, user, &person).await? {
        return Err(refuse(conn, ctx, action, &person).await?);
    }
    Ok(person)
}

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
    let mut event = AuditEvent::new(ctx.user.as_ref(), action, "person").object(&person.code);
    if let Some(detail) = detail {
        event = event.detail(detail);
    }
    record(conn, ctx.request_id(), event).await?;
    Ok(())
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

/// Colleagues who may be on the team or responsible for an action: active users of an
/// organisation in charge of the person, with a front-line role.
async fn colleagues<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
) -> Result<Vec<(i32, String)>, AppError> {
    let organisations: Vec<i32> = person_organisations::Entity::find()
        .filter(person_organisations::Column::PersonId.eq(person.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|row| row.organisation_id)
        .collect();
    let team_role_codes: Vec<&str> = TEAM_ROLES.iter().map(|r| r.code()).collect();
    let with_role: HashSet<i32> = user_roles::Entity::find()
        .filter(user_roles::Column::Role.is_in(team_role_codes))
        .all(conn)
        .await?
        .into_iter()
        .map(|row| row.user_id)
        .collect();
    Ok(users::Entity::find()
        .filter(users::Column::OrganisationId.is_in(organisations))
        .filter(users::Column::Active.eq(true))
        .order_by_asc(users::Column::DisplayName)
        .all(conn)
        .await?
        .into_iter()
        .filter(|user| with_role.contains(&user.id))
        .map(|user| (user.id, user.display_name))
        .collect())
}

async fn ensure_colleague<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    user_id: i32,
    field: &str,
) -> Result<(), AppError> {
    if colleagues(conn, person)
        .await?
        .iter()
        .any(|(id, _)| *id == user_id)
    {
        Ok(())
    } else {
        Err(AppError::invalid(field, Problem::UnknownChoice))
    }
}

fn service_name(service: &services::Model) -> ServiceName {
    ServiceName {
        it: service.name_it.clone(),
        en: service.name_en.clone(),
    }
}

fn service_row(service: &services::Model) -> ServiceRow {
    ServiceRow {
        id: service.id,
        area: Area::from_code(&service.area).unwrap_or(Area::Legal),
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

// ---------------------------------------------------------------- the plan page

pub async fn plan_page(ctx: &Ctx, code: &str) -> Result<PlanPage, AppError> {
    let txn = crate::db::begin_write(&ctx.db).await?;
    let result = async {
        let person = team_person(&txn, ctx, code, "plan.view").await?;
        let today = today();
        let plan = match plan_of(&txn, &person).await? {
            None => None,
            Some(plan) => {
                let mut loaded = load_plan(&txn, &person, &plan, today).await?;
                let user = ctx.user()?;
                for role in TeamRole::ALL.iter().copied() {
                    if !role.opens_restricted_notes()
                        || gives_restricted_role(&txn, user, &person, &plan, role).await?
                    {
                        loaded.giveable_roles.push(role);
                    }
                }
                Some(loaded)
            }
        };
        audit(&txn, ctx, "plan.view", &person, None).await?;
        Ok(PlanPage {
            code: person.code.clone(),
            minor: minor_from_record(&person, today),
            today,
            plan,
        })
    }
    .await;
    crate::db::settle(txn, result).await
}

pub(crate) async fn load_plan<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    plan: &plans::Model,
    today: chrono::NaiveDate,
) -> Result<Plan, AppError> {
    let phases = plan_phases::Entity::find()
        .filter(plan_phases::Column::PlanId.eq(plan.id))
        .order_by_asc(plan_phases::Column::StartedOn)
        .order_by_asc(plan_phases::Column::Id)
        .all(conn)
        .await?;
    let team = plan_team::Entity::find()
        .filter(plan_team::Column::PlanId.eq(plan.id))
        .filter(plan_team::Column::RemovedAt.is_null())
        .order_by_asc(plan_team::Column::Id)
        .all(conn)
        .await?;
    let in_charge = person_organisations::Entity::find()
        .filter(person_organisations::Column::PersonId.eq(person.id))
        .order_by_asc(person_organisations::Column::Id)
        .all(conn)
        .await?;
    let assessments = plan_assessments::Entity::find()
        .filter(plan_assessments::Column::PlanId.eq(plan.id))
        .all(conn)
        .await?;
    let goals = plan_goals::Entity::find()
        .filter(plan_goals::Column::PlanId.eq(plan.id))
        .order_by_asc(plan_goals::Column::Id)
        .all(conn)
        .await?;
    let actions = plan_actions::Entity::find()
        .filter(plan_actions::Column::PlanId.eq(plan.id))
        .order_by_asc(plan_actions::Column::PlannedStart)
        .order_by_asc(plan_actions::Column::Id)
        .all(conn)
        .await?;
    let catalogue = services::Entity::find()
        .order_by_asc(services::Column::Area)
        .order_by_asc(services::Column::NameIt)
        .all(conn)
        .await?;
    let handovers = reference_handovers::Entity::find()
        .filter(reference_handovers::Column::PersonId.eq(person.id))
        .order_by_desc(reference_handovers::Column::CreatedAt)
        .order_by_desc(reference_handovers::Column::Id)
        .all(conn)
        .await?;
    let latest_version = plan_versions::Entity::find()
        .filter(plan_versions::Column::PlanId.eq(plan.id))
        .order_by_desc(plan_versions::Column::Number)
        .one(conn)
        .await?;
    let children = people::Entity::find()
        .filter(people::Column::FamilyHeadId.eq(person.id))
        .count(conn)
        .await?;
    // Collected first: a closure borrowing the rows inside the chain below would make
    // the future's lifetimes too specific to be Send.
    let handover_users: Vec<i32> = handovers
        .iter()
        .flat_map(|h| [h.from_user_id, Some(h.to_user_id)])
        .flatten()
        .collect();
    let names = user_names(
        conn,
        phases
            .iter()
            .map(|p| p.recorded_by)
            .chain(handover_users.iter().copied())
            .chain(team.iter().filter_map(|m| m.user_id))
            .chain(in_charge.iter().filter_map(|o| o.reference_user_id))
            .chain(actions.iter().filter_map(|a| a.responsible_user_id)),
    )
    .await?;
    let organisations = organisation_names(
        conn,
        in_charge
            .iter()
            .map(|o| o.organisation_id)
            .chain(handovers.iter().map(|h| h.organisation_id)),
    )
    .await?;
    let services_by_id: HashMap<i32, &services::Model> =
        catalogue.iter().map(|s| (s.id, s)).collect();
    let name_of = |id: i32| names.get(&id).cloned().unwrap_or_default();

    let action_row = |action: &plan_actions::Model| {
        let status = ActionStatus::from_code(&action.status).unwrap_or(ActionStatus::Planned);
        let service = services_by_id.get(&action.service_id);
        ActionRow {
            id: action.id,
            area: service
                .and_then(|s| Area::from_code(&s.area))
                .unwrap_or(Area::Legal),
            service: service.map(|s| service_name(s)).unwrap_or(ServiceName {
                it: String::new(),
                en: String::new(),
            }),
            responsible: action
                .responsible_user_id
                .map(name_of)
                .or_else(|| action.responsible_external.clone())
                .unwrap_or_default(),
            planned_start: action.planned_start,
            planned_end: action.planned_end,
            actual_start: action.actual_start,
            actual_end: action.actual_end,
            status,
            outcome: action.outcome.clone(),
            overdue: is_overdue(status, action.planned_end, today),
        }
    };
    let areas = Area::ALL
        .iter()
        .map(|&area| AreaPlan {
            area,
            assessment: assessments
                .iter()
                .find(|a| a.area == area.code())
                .map(|a| AssessmentRow {
                    need: NeedLevel::from_code(&a.need).unwrap_or(NeedLevel::NoNeed),
                    notes: a.notes.clone(),
                    assessed_on: a.assessed_on,
                }),
            goals: goals
                .iter()
                .filter(|g| g.area == area.code())
                .map(|goal| GoalRow {
                    id: goal.id,
                    description: goal.description.clone(),
                    expected_on: goal.expected_on,
                    status: GoalStatus::from_code(&goal.status).unwrap_or(GoalStatus::Open),
                    actions: actions
                        .iter()
                        .filter(|a| a.goal_id == goal.id)
                        .map(action_row)
                        .collect(),
                })
                .collect(),
        })
        .collect::<Vec<_>>();
    let overdue_actions = areas
        .iter()
        .flat_map(|a| a.goals.iter())
        .flat_map(|g| g.actions.iter())
        .filter(|a| a.overdue)
        .count();
    let reviews = plan_reviews::Entity::find()
        .filter(plan_reviews::Column::PlanId.eq(plan.id))
        .all(conn)
        .await?;
    let permit_rows = permits::Entity::find()
        .filter(permits::Column::PlanId.eq(plan.id))
        .order_by_asc(permits::Column::Id)
        .all(conn)
        .await?;
    let work = work_placements::Entity::find()
        .filter(work_placements::Column::PlanId.eq(plan.id))
        .order_by_asc(work_placements::Column::StartsOn)
        .all(conn)
        .await?;
    let reviewers = user_names(conn, reviews.iter().filter_map(|r| r.recorded_by)).await?;
    let mut review_rows: Vec<ReviewRow> = reviews
        .iter()
        .map(|r| ReviewRow {
            id: r.id,
            scheduled_on: r.scheduled_on,
            held_on: r.held_on,
            minutes: r.minutes.clone(),
            decisions: r.decisions.clone(),
            recorded_by: r.recorded_by.and_then(|id| reviewers.get(&id).cloned()),
            due: plan.closed_on.is_none() && review_due(r.scheduled_on, r.held_on.is_some(), today),
        })
        .collect();
    // The next meeting first, then the minutes of those held, newest first.
    review_rows.sort_by_key(|r| match r.held_on {
        None => (0, r.scheduled_on.num_days_from_ce()),
        Some(held) => (1, -held.num_days_from_ce()),
    });
    let renewed: HashSet<i32> = permit_rows.iter().filter_map(|p| p.renewal_of).collect();
    let permit_view = permit_rows
        .iter()
        .map(|p| PermitRow {
            id: p.id,
            kind: PermitKind::from_code(&p.kind).unwrap_or(PermitKind::Other),
            applied_on: p.applied_on,
            opinion_on: p.opinion_on,
            questura_on: p.questura_on,
            issued_on: p.issued_on,
            expires_on: p.expires_on,
            renewal_of: p.renewal_of,
            renewed: renewed.contains(&p.id),
            converted_to: p.converted_to.as_deref().and_then(Conversion::from_code),
            converted_on: p.converted_on,
            expiry_alert: permit_expiry_alert(
                p.expires_on,
                renewed.contains(&p.id),
                p.converted_to.is_some(),
                today,
            ),
        })
        .collect();
    let closing = match (plan.closed_on, plan.exit_outcome.as_deref()) {
        (Some(closed_on), Some(outcome)) => Some(PlanClosing {
            closed_on,
            outcome: PlanExit::from_code(outcome).unwrap_or(PlanExit::Autonomy),
            summary: plan.closing_summary.clone().unwrap_or_default(),
        }),
        _ => None,
    };
    Ok(Plan {
        reviews: review_rows,
        permits: permit_view,
        work: work
            .into_iter()
            .map(|w| WorkPlacementRow {
                id: w.id,
                kind: WorkKind::from_code(&w.kind).unwrap_or(WorkKind::Internship),
                host_company: w.host_company,
                starts_on: w.starts_on,
                ends_on: w.ends_on,
                hours_per_week: w.hours_per_week,
                grant_cents: w.grant_cents,
                tutor: w.tutor,
                attendance_percent: w.attendance_percent,
                outcome: w.outcome.as_deref().and_then(WorkOutcome::from_code),
            })
            .collect(),
        closing,
        opened_on: plan.opened_on,
        review_every_days: plan.review_every_days,
        phases: phases
            .iter()
            .map(|p| PhaseRow {
                phase: Phase::from_code(&p.phase).unwrap_or(Phase::FirstContact),
                started_on: p.started_on,
                note: p.note.clone(),
                recorded_by: name_of(p.recorded_by),
            })
            .collect(),
        reference_operators: in_charge
            .iter()
            .filter_map(|o| {
                o.reference_user_id.map(|user| {
                    (
                        organisations
                            .get(&o.organisation_id)
                            .cloned()
                            .unwrap_or_default(),
                        name_of(user),
                    )
                })
            })
            .collect(),
        team: team
            .iter()
            .map(|m| TeamMemberRow {
                id: m.id,
                name: m
                    .user_id
                    .map(name_of)
                    .or_else(|| m.external_name.clone())
                    .unwrap_or_default(),
                external: m.user_id.is_none(),
                role: TeamRole::from_code(&m.role).unwrap_or(TeamRole::SocialWorker),
            })
            .collect(),
        colleagues: colleagues(conn, person).await?,
        giveable_roles: Vec::new(),
        areas,
        services: catalogue
            .iter()
            .filter(|s| s.active)
            .map(service_row)
            .collect(),
        overdue_actions,
        handovers: handovers
            .iter()
            .map(|h| HandoverRow {
                on: h.created_at.date_naive(),
                organisation: organisations
                    .get(&h.organisation_id)
                    .cloned()
                    .unwrap_or_default(),
                from: h.from_user_id.map(name_of),
                to: name_of(h.to_user_id),
                note: h.note.clone(),
            })
            .collect(),
        latest_version: latest_version.map(|v| AgreedVersionSummary {
            number: v.number,
            agreed_on: v.agreed_on,
            approved: v.approved_by.is_some(),
        }),
        children: children as usize,
    })
}

// ---------------------------------------------------------------- changes

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
    let txn = crate::db::begin_write(&ctx.db).await?;
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
    let conflicting =
        AuditEvent::new(ctx.user.as_ref(), action, "person").object(code.trim().to_uppercase());
    crate::audit::ssr::settle_change(&ctx.db, txn, result, ctx.request_id(), conflicting).await
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
async fn role_holders<C: ConnectionTrait>(
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
async fn may_give_restricted_role<C: ConnectionTrait>(
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
async fn gives_restricted_role<C: ConnectionTrait>(
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
async fn tell_restricted_role_holders<C: ConnectionTrait>(
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

// ---------------------------------------------------------------- reviews

async fn schedule_review_on<C: ConnectionTrait>(
    conn: &C,
    plan_id: i32,
    day: chrono::NaiveDate,
) -> Result<(), AppError> {
    plan_reviews::ActiveModel {
        plan_id: Set(plan_id),
        scheduled_on: Set(day),
        held_on: Set(None),
        minutes: Set(None),
        decisions: Set(None),
        recorded_by: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

async fn pending_review<C: ConnectionTrait>(
    conn: &C,
    plan_id: i32,
) -> Result<Option<plan_reviews::Model>, AppError> {
    Ok(plan_reviews::Entity::find()
        .filter(plan_reviews::Column::PlanId.eq(plan_id))
        .filter(plan_reviews::Column::HeldOn.is_null())
        .order_by_asc(plan_reviews::Column::ScheduledOn)
        .one(conn)
        .await?)
}

/// Moves the next review meeting to `day` (or schedules one if none is pending).
pub async fn schedule_review(
    ctx: &Ctx,
    code: &str,
    day: chrono::NaiveDate,
) -> Result<(), AppError> {
    change_plan(
        ctx,
        code,
        "plan.review.schedule",
        move |txn, _person, plan| {
            Box::pin(async move {
                let plan = plan.ok_or(AppError::NotFound)?;
                match pending_review(txn, plan.id).await? {
                    Some(review) => {
                        let mut active = review.into_active_model();
                        active.scheduled_on = Set(day);
                        active.update(txn).await?;
                    }
                    None => schedule_review_on(txn, plan.id, day).await?,
                }
                touch(txn, plan).await?;
                Ok(format!("scheduled_on={day}"))
            })
        },
    )
    .await
}

/// Records a review meeting as held, with its minutes and decisions, and schedules the
/// next one after the plan's interval.
pub async fn record_review(
    ctx: &Ctx,
    code: &str,
    review_id: i32,
    review: ValidReview,
) -> Result<(), AppError> {
    let user_id = ctx.user()?.id;
    change_plan(
        ctx,
        code,
        "plan.review.record",
        move |txn, _person, plan| {
            Box::pin(async move {
                let plan = plan.ok_or(AppError::NotFound)?;
                let found = plan_reviews::Entity::find_by_id(review_id)
                    .one(txn)
                    .await?
                    .filter(|r| r.plan_id == plan.id && r.held_on.is_none())
                    .ok_or(AppError::NotFound)?;
                let mut active = found.into_active_model();
                active.held_on = Set(Some(review.held_on));
                active.minutes = Set(Some(review.minutes));
                active.decisions = Set(review.decisions);
                active.recorded_by = Set(Some(user_id));
                active.update(txn).await?;
                let next = review.held_on + Duration::days(i64::from(plan.review_every_days));
                if pending_review(txn, plan.id).await?.is_none() {
                    schedule_review_on(txn, plan.id, next).await?;
                }
                touch(txn, plan).await?;
                Ok(format!("review={review_id} next={next}"))
            })
        },
    )
    .await
}

// ---------------------------------------------------------------- permits

/// Records a new permit (`permit_id` None) or corrects one of this plan.
pub async fn save_permit(
    ctx: &Ctx,
    code: &str,
    permit_id: Option<i32>,
    permit: ValidPermit,
) -> Result<(), AppError> {
    let user_id = ctx.user()?.id;
    change_plan(ctx, code, "plan.permit.save", move |txn, _person, plan| {
        Box::pin(async move {
            let plan = plan.ok_or(AppError::NotFound)?;
            if let Some(renewed) = permit.renewal_of {
                let same_plan = permits::Entity::find_by_id(renewed)
                    .one(txn)
                    .await?
                    .is_some_and(|p| p.plan_id == plan.id);
                if !same_plan || Some(renewed) == permit_id {
                    return Err(AppError::invalid("renewal_of", Problem::UnknownChoice));
                }
            }
            let now = Utc::now();
            let saved_id = match permit_id {
                Some(id) => {
                    let existing = permits::Entity::find_by_id(id)
                        .one(txn)
                        .await?
                        .filter(|p| p.plan_id == plan.id)
                        .ok_or(AppError::NotFound)?;
                    let mut active = existing.into_active_model();
                    active.kind = Set(permit.kind.code().to_string());
                    active.applied_on = Set(permit.applied_on);
                    active.opinion_on = Set(permit.opinion_on);
                    active.questura_on = Set(permit.questura_on);
                    active.issued_on = Set(permit.issued_on);
                    active.expires_on = Set(permit.expires_on);
                    active.renewal_of = Set(permit.renewal_of);
                    active.updated_at = Set(now);
                    active.update(txn).await?.id
                }
                None => {
                    permits::ActiveModel {
                        plan_id: Set(plan.id),
                        kind: Set(permit.kind.code().to_string()),
                        applied_on: Set(permit.applied_on),
                        opinion_on: Set(permit.opinion_on),
                        questura_on: Set(permit.questura_on),
                        issued_on: Set(permit.issued_on),
                        expires_on: Set(permit.expires_on),
                        renewal_of: Set(permit.renewal_of),
                        converted_to: Set(None),
                        converted_on: Set(None),
                        created_by: Set(user_id),
                        created_at: Set(now),
                        updated_at: Set(now),
                        ..Default::default()
                    }
                    .insert(txn)
                    .await?
                    .id
                }
            };
            touch(txn, plan).await?;
            Ok(format!("permit={saved_id} kind={}", permit.kind.code()))
        })
    })
    .await
}

/// Records the conversion of an issued permit into a work or study permit.
pub async fn convert_permit(
    ctx: &Ctx,
    code: &str,
    permit_id: i32,
    (to, on): (Conversion, chrono::NaiveDate),
) -> Result<(), AppError> {
    change_plan(
        ctx,
        code,
        "plan.permit.convert",
        move |txn, _person, plan| {
            Box::pin(async move {
                let plan = plan.ok_or(AppError::NotFound)?;
                let permit = permits::Entity::find_by_id(permit_id)
                    .one(txn)
                    .await?
                    .filter(|p| p.plan_id == plan.id)
                    .ok_or(AppError::NotFound)?;
                // Only a permit that was issued can be converted, and not before its issue.
                match permit.issued_on {
                    Some(issued) if on >= issued => {}
                    Some(_) => return Err(AppError::invalid("converted_on", Problem::OutOfRange)),
                    None => return Err(AppError::invalid("converted_to", Problem::Contradiction)),
                }
                let mut active = permit.into_active_model();
                active.converted_to = Set(Some(to.code().to_string()));
                active.converted_on = Set(Some(on));
                active.updated_at = Set(Utc::now());
                active.update(txn).await?;
                touch(txn, plan).await?;
                Ok(format!("permit={permit_id} converted_to={}", to.code()))
            })
        },
    )
    .await
}

// ---------------------------------------------------------------- internships and work grants

pub async fn add_work_placement(
    ctx: &Ctx,
    code: &str,
    work: ValidWorkPlacement,
) -> Result<(), AppError> {
    let user_id = ctx.user()?.id;
    change_plan(ctx, code, "plan.work.add", move |txn, _person, plan| {
        Box::pin(async move {
            let plan = plan.ok_or(AppError::NotFound)?;
            let now = Utc::now();
            let created = work_placements::ActiveModel {
                plan_id: Set(plan.id),
                kind: Set(work.kind.code().to_string()),
                host_company: Set(work.host_company),
                starts_on: Set(work.starts_on),
                ends_on: Set(work.ends_on),
                hours_per_week: Set(work.hours_per_week),
                grant_cents: Set(work.grant_cents),
                tutor: Set(work.tutor),
                attendance_percent: Set(None),
                outcome: Set(None),
                created_by: Set(user_id),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            touch(txn, plan).await?;
            Ok(format!("work={} kind={}", created.id, work.kind.code()))
        })
    })
    .await
}

pub async fn update_work_placement(
    ctx: &Ctx,
    code: &str,
    work_id: i32,
    (attendance, outcome): (Option<i32>, Option<WorkOutcome>),
) -> Result<(), AppError> {
    change_plan(ctx, code, "plan.work.update", move |txn, _person, plan| {
        Box::pin(async move {
            let plan = plan.ok_or(AppError::NotFound)?;
            let work = work_placements::Entity::find_by_id(work_id)
                .one(txn)
                .await?
                .filter(|w| w.plan_id == plan.id)
                .ok_or(AppError::NotFound)?;
            let mut active = work.into_active_model();
            active.attendance_percent = Set(attendance);
            active.outcome = Set(outcome.map(|o| o.code().to_string()));
            active.updated_at = Set(Utc::now());
            active.update(txn).await?;
            touch(txn, plan).await?;
            Ok(format!(
                "work={work_id} outcome={}",
                outcome.map(WorkOutcome::code).unwrap_or("-")
            ))
        })
    })
    .await
}

// ---------------------------------------------------------------- exit

/// Closes the plan with its outcome and summary (from then on it is read-only), and
/// records the exit on the person's path in the same transaction.
pub async fn close_plan(ctx: &Ctx, code: &str, closing: PlanClosing) -> Result<(), AppError> {
    let user = ctx.user()?.clone();
    let user_id = user.id;
    change_plan(ctx, code, "plan.exit", move |txn, person, plan| {
        Box::pin(async move {
            let plan = plan.ok_or(AppError::NotFound)?;
            if closing.closed_on < plan.opened_on {
                return Err(AppError::invalid("closed_on", Problem::OutOfRange));
            }
            let plan_id = plan.id;
            let mut active = plan.into_active_model();
            active.closed_on = Set(Some(closing.closed_on));
            active.exit_outcome = Set(Some(closing.outcome.code().to_string()));
            active.closing_summary = Set(Some(closing.summary));
            active.updated_at = Set(Utc::now());
            active.update(txn).await?;
            plan_phases::ActiveModel {
                plan_id: Set(plan_id),
                phase: Set(Phase::Exit.code().to_string()),
                started_on: Set(closing.closed_on),
                note: Set(None),
                recorded_by: Set(user_id),
                recorded_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            let mut path = person.clone().into_active_model();
            path.status = Set(PathStatus::Exited.code().to_string());
            path.exit_outcome = Set(Some(closing.outcome.path_outcome().code().to_string()));
            path.updated_at = Set(Utc::now());
            path.update(txn).await?;
            crate::people::registry::ssr::record_path_step(
                txn,
                person.id,
                PathStatus::Exited,
                Some(closing.outcome.path_outcome()),
                closing.closed_on,
                Some(&user),
            )
            .await?;
            Ok(format!("outcome={}", closing.outcome.code()))
        })
    })
    .await
}

// ---------------------------------------------------------------- case diary

/// The team roles `user` holds on `plan` (active memberships).
async fn roles_on_plan<C: ConnectionTrait>(
    conn: &C,
    plan: &plans::Model,
    user: &CurrentUser,
) -> Result<HashSet<TeamRole>, AppError> {
    Ok(plan_team::Entity::find()
        .filter(plan_team::Column::PlanId.eq(plan.id))
        .filter(plan_team::Column::UserId.eq(user.id))
        .filter(plan_team::Column::RemovedAt.is_null())
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|m| TeamRole::from_code(&m.role))
        .collect())
}

/// Whether a note at `level` by `author` is readable by `user`, who is on the team.
pub fn may_read_note(level: DiaryLevel, author: i32, user: i32, roles: &HashSet<TeamRole>) -> bool {
    author == user
        || match level.reader_role() {
            None => true,
            Some(role) => roles.contains(&role),
        }
}

pub async fn diary(ctx: &Ctx, code: &str) -> Result<DiaryPage, AppError> {
    let user = ctx.user()?;
    let txn = crate::db::begin_write(&ctx.db).await?;
    let result = async {
        let person = team_person(&txn, ctx, code, "plan.diary.view").await?;
        let plan = existing_plan(&txn, &person).await?;
        let roles = roles_on_plan(&txn, &plan, user).await?;
        let all = plan_diary::Entity::find()
            .filter(plan_diary::Column::PlanId.eq(plan.id))
            .order_by_desc(plan_diary::Column::WrittenOn)
            .order_by_desc(plan_diary::Column::Id)
            .all(&txn)
            .await?;
        let total = all.len();
        let readable: Vec<plan_diary::Model> = all
            .into_iter()
            .filter(|note| {
                let level = DiaryLevel::from_code(&note.level).unwrap_or(DiaryLevel::Psychologist);
                may_read_note(level, note.author_id, user.id, &roles)
            })
            .collect();
        let names = user_names(&txn, readable.iter().map(|n| n.author_id)).await?;
        let hidden = total - readable.len();
        audit(
            &txn,
            ctx,
            "plan.diary.view",
            &person,
            Some(format!("shown={} hidden={hidden}", readable.len())),
        )
        .await?;
        Ok(DiaryPage {
            code: person.code.clone(),
            today: today(),
            hidden,
            notes: readable
                .into_iter()
                .map(|note| DiaryNote {
                    id: note.id,
                    written_on: note.written_on,
                    level: DiaryLevel::from_code(&note.level).unwrap_or(DiaryLevel::Psychologist),
                    author: names.get(&note.author_id).cloned().unwrap_or_default(),
                    body: note.body,
                })
                .collect(),
        })
    }
    .await;
    crate::db::settle(txn, result).await
}

pub async fn add_diary_note(ctx: &Ctx, code: &str, note: ValidDiaryNote) -> Result<(), AppError> {
    let user_id = ctx.user()?.id;
    change_plan(ctx, code, "plan.diary.add", move |txn, _person, plan| {
        Box::pin(async move {
            let plan = plan.ok_or(AppError::NotFound)?;
            let created = plan_diary::ActiveModel {
                plan_id: Set(plan.id),
                written_on: Set(note.written_on),
                level: Set(note.level.code().to_string()),
                body: Set(note.body),
                author_id: Set(user_id),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            Ok(format!("note={} level={}", created.id, note.level.code()))
        })
    })
    .await
}

// ---------------------------------------------------------------- my work

/// How many rows "My work" shows in each list.
const MY_WORK_ROWS: usize = 100;

/// Overdue and upcoming actions of the plans the user is on (as a team member, or as
/// the one responsible for an action), and the people of those plans who come of age
/// soon. Each person listed gets an audit row, as when her record is opened.
pub async fn my_work(ctx: &Ctx) -> Result<MyWork, AppError> {
    let user = ctx.user()?;
    let txn = crate::db::begin_write(&ctx.db).await?;
    let result = async {
        let today = today();
        let horizon = today + Duration::days(UPCOMING_DAYS);
        let member_of: HashSet<i32> = plan_team::Entity::find()
            .filter(plan_team::Column::UserId.eq(user.id))
            .filter(plan_team::Column::RemovedAt.is_null())
            .all(&txn)
            .await?
            .into_iter()
            .map(|m| m.plan_id)
            .collect();
        let responsible_for: HashSet<i32> = plan_actions::Entity::find()
            .filter(plan_actions::Column::ResponsibleUserId.eq(user.id))
            .all(&txn)
            .await?
            .into_iter()
            .map(|a| a.plan_id)
            .collect();
        let plan_ids: Vec<i32> = member_of.union(&responsible_for).copied().collect();
        let plans_found = plans::Entity::find()
            .filter(plans::Column::Id.is_in(plan_ids.clone()))
            .all(&txn)
            .await?;
        let persons = people::Entity::find()
            .filter(people::Column::Id.is_in(plans_found.iter().map(|p| p.person_id)))
            .all(&txn)
            .await?;
        // The team is decided as everywhere else: a plan of a person her organisation no
        // longer has in charge is not this user's work any more.
        let mut entitled: HashMap<i32, people::Model> = HashMap::new();
        for plan in &plans_found {
            if let Some(person) = persons.iter().find(|p| p.id == plan.person_id) {
                if person.anonymised_at.is_none() && may_manage(&txn, user, person).await? {
                    entitled.insert(plan.id, person.clone());
                }
            }
        }
        let pending: Vec<&str> = ActionStatus::ALL
            .iter()
            .filter(|s| s.is_pending())
            .map(|s| s.code())
            .collect();
        let actions = plan_actions::Entity::find()
            .filter(plan_actions::Column::PlanId.is_in(entitled.keys().copied()))
            .filter(plan_actions::Column::Status.is_in(pending))
            .filter(plan_actions::Column::PlannedEnd.lte(horizon))
            .order_by_asc(plan_actions::Column::PlannedEnd)
            .all(&txn)
            .await?;
        let catalogue: HashMap<i32, services::Model> = services::Entity::find()
            .all(&txn)
            .await?
            .into_iter()
            .map(|s| (s.id, s))
            .collect();
        let mut overdue = Vec::new();
        let mut upcoming = Vec::new();
        for action in actions {
            let Some(person) = entitled.get(&action.plan_id) else {
                continue;
            };
            // On a plan as the one responsible only: just her own actions.
            let mine = action.responsible_user_id == Some(user.id);
            if !mine && !member_of.contains(&action.plan_id) {
                continue;
            }
            let service = catalogue.get(&action.service_id);
            let item = WorkItem {
                code: person.code.clone(),
                area: service
                    .and_then(|s| Area::from_code(&s.area))
                    .unwrap_or(Area::Legal),
                service: service.map(service_name).unwrap_or(ServiceName {
                    it: String::new(),
                    en: String::new(),
                }),
                planned_end: action.planned_end,
                status: ActionStatus::from_code(&action.status).unwrap_or(ActionStatus::Planned),
                mine,
            };
            if action.planned_end < today {
                overdue.push(item);
            } else {
                upcoming.push(item);
            }
        }
        overdue.truncate(MY_WORK_ROWS);
        upcoming.truncate(MY_WORK_ROWS);
        let team_people: Vec<&people::Model> = entitled
            .iter()
            .filter(|(plan, _)| member_of.contains(plan))
            .map(|(_, person)| person)
            .collect();
        let births: HashMap<i32, chrono::NaiveDate> = person_identities::Entity::find()
            .filter(person_identities::Column::PersonId.is_in(team_people.iter().map(|p| p.id)))
            .all(&txn)
            .await?
            .into_iter()
            .filter_map(|identity| identity.date_of_birth.map(|d| (identity.person_id, d)))
            .collect();
        let mut coming_of_age: Vec<(String, i64)> = team_people
            .iter()
            .filter_map(|person| {
                let birth = births.get(&person.id)?;
                let days = (eighteenth_birthday(*birth) - today).num_days();
                (0..=COMING_OF_AGE_ALERT_DAYS)
                    .contains(&days)
                    .then(|| (person.code.clone(), days))
            })
            .collect();
        coming_of_age.sort_by_key(|(_, days)| *days);
        // Reviews and permits of the plans she is on as a team member (open plans only).
        let team_plans: Vec<i32> = entitled
            .keys()
            .copied()
            .filter(|plan| member_of.contains(plan))
            .filter(|plan| {
                plans_found
                    .iter()
                    .any(|p| p.id == *plan && p.closed_on.is_none())
            })
            .collect();
        let mut reviews: Vec<(String, chrono::NaiveDate)> = plan_reviews::Entity::find()
            .filter(plan_reviews::Column::PlanId.is_in(team_plans.clone()))
            .filter(plan_reviews::Column::HeldOn.is_null())
            .filter(plan_reviews::Column::ScheduledOn.lte(horizon))
            .all(&txn)
            .await?
            .into_iter()
            .filter_map(|r| {
                entitled
                    .get(&r.plan_id)
                    .map(|p| (p.code.clone(), r.scheduled_on))
            })
            .collect();
        reviews.sort_by_key(|(_, day)| *day);
        let team_permits = permits::Entity::find()
            .filter(permits::Column::PlanId.is_in(team_plans))
            .all(&txn)
            .await?;
        let renewed: HashSet<i32> = team_permits.iter().filter_map(|p| p.renewal_of).collect();
        let mut expiring: Vec<(String, PermitKind, chrono::NaiveDate)> = team_permits
            .iter()
            .filter(|p| {
                permit_expiry_alert(
                    p.expires_on,
                    renewed.contains(&p.id),
                    p.converted_to.is_some(),
                    today,
                )
                .is_some()
            })
            .filter_map(|p| {
                Some((
                    entitled.get(&p.plan_id)?.code.clone(),
                    PermitKind::from_code(&p.kind).unwrap_or(PermitKind::Other),
                    p.expires_on?,
                ))
            })
            .collect();
        expiring.sort_by_key(|(_, _, day)| *day);
        let listed: HashSet<&str> = overdue
            .iter()
            .chain(upcoming.iter())
            .map(|item| item.code.as_str())
            .chain(coming_of_age.iter().map(|(code, _)| code.as_str()))
            .chain(reviews.iter().map(|(code, _)| code.as_str()))
            .chain(expiring.iter().map(|(code, _, _)| code.as_str()))
            .collect();
        let mut listed: Vec<&str> = listed.into_iter().collect();
        listed.sort_unstable();
        for code in listed {
            record(
                &txn,
                ctx.request_id(),
                AuditEvent::new(Some(user), "plan.my_work.view", "person").object(code),
            )
            .await?;
        }
        Ok(MyWork {
            today,
            overdue,
            upcoming,
            coming_of_age,
            reviews,
            permits: expiring,
        })
    }
    .await;
    crate::db::settle(txn, result).await
}

// ---------------------------------------------------------------- service catalogue

pub async fn catalogue<C: ConnectionTrait>(conn: &C) -> Result<Vec<ServiceRow>, AppError> {
    Ok(services::Entity::find()
        .order_by_asc(services::Column::Area)
        .order_by_asc(services::Column::NameIt)
        .all(conn)
        .await?
        .iter()
        .map(service_row)
        .collect())
}

pub async fn add_service(ctx: &Ctx, service: ValidService) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::db::begin_write(&ctx.db).await?;
    let result = async {
        let base = service_code(service.area, &service.name_it);
        let taken: HashSet<String> = services::Entity::find()
            .filter(services::Column::Code.starts_with(&base))
            .all(&txn)
            .await?
            .into_iter()
            .map(|s| s.code)
            .collect();
        let same_name = services::Entity::find()
            .filter(services::Column::Area.eq(service.area.code()))
            .filter(services::Column::NameIt.eq(&service.name_it))
            .one(&txn)
            .await?;
        if same_name.is_some() {
            return Err(AppError::invalid("name_it", Problem::AlreadyTaken));
        }
        let code = (1..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}_{n}")
                }
            })
            .find(|code| !taken.contains(code))
            .unwrap_or(base);
        let created = services::ActiveModel {
            area: Set(service.area.code().to_string()),
            code: Set(code.clone()),
            name_it: Set(service.name_it),
            name_en: Set(service.name_en),
            active: Set(true),
            created_by: Set(Some(user.id)),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "plan.service.add", "service")
                .object(created.id)
                .detail(format!("code={code}")),
        )
        .await?;
        Ok(())
    }
    .await;
    crate::db::settle(txn, result).await
}

pub async fn set_service_active(ctx: &Ctx, service_id: i32, active: bool) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::db::begin_write(&ctx.db).await?;
    let result = async {
        let service = services::Entity::find_by_id(service_id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        let mut row = service.into_active_model();
        row.active = Set(active);
        row.update(&txn).await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "plan.service.active", "service")
                .object(service_id)
                .detail(format!("active={active}")),
        )
        .await?;
        Ok(())
    }
    .await;
    crate::db::settle(txn, result).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restricted_notes_open_to_their_profession_and_their_author() {
        let legal: HashSet<TeamRole> = [TeamRole::LegalAdvisor].into();
        let none = HashSet::new();
        assert!(may_read_note(DiaryLevel::Team, 1, 2, &none));
        assert!(!may_read_note(DiaryLevel::Legal, 1, 2, &none));
        assert!(may_read_note(DiaryLevel::Legal, 1, 2, &legal));
        assert!(!may_read_note(DiaryLevel::Psychologist, 1, 2, &legal));
        assert!(may_read_note(DiaryLevel::Psychologist, 2, 2, &none));
    }

    #[test]
    fn a_plan_starts_where_the_person_is() {
        assert_eq!(
            initial_phase(Some(PathStatus::Screening)),
            Phase::FirstContact
        );
        assert_eq!(initial_phase(Some(PathStatus::Placed)), Phase::Reception);
        assert_eq!(initial_phase(None), Phase::FirstContact);
    }
}
