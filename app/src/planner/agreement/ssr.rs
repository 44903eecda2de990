//! Database work of agreed versions. The team records a version and reads them all; the
//! supervisor asked to approve a version (a coordinator, or a reception manager of an
//! organisation in charge) may read the versions of that plan and approve hers, and
//! nothing else of the person. Every read, change and refusal is audited.

use std::collections::HashSet;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};

use super::model::*;
use crate::auth::model::{CurrentUser, Role};
use crate::auth::ssr::Ctx;
use crate::entity::{people, person_identities, plan_versions, plans, user_roles, users};
use crate::kernel::clock::today;
use crate::kernel::error::{AppError, Conflict, Problem};
use crate::kernel::names::{organisation_names, user_names};
use crate::notifications::model::NotificationKind;
use crate::notifications::ssr::notify;
use crate::people::access::{find_person, may_manage, minor_from_record, person_event, refuse};
use crate::planner::family::ssr::children_needs;
use crate::planner::ssr::{audit, change_plan, load_plan, plan_of, team_person};

fn versions_link(code: &str) -> String {
    format!("/persone/{code}/progetto/versioni")
}

/// The plan as it stands, in the shape it is kept in once agreed.
pub(crate) async fn snapshot_of<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    plan: &plans::Model,
    today: chrono::NaiveDate,
) -> Result<PlanSnapshot, AppError> {
    let current = load_plan(conn, person, plan, today).await?;
    Ok(PlanSnapshot {
        phase: current.current_phase(),
        review_every_days: plan.review_every_days,
        reference_operators: current.reference_operators,
        team: current.team,
        areas: current.areas,
        children: children_needs(conn, person, plan, today).await?,
    })
}

/// The ids of the organisations that have the person in charge.
async fn organisations_in_charge<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
) -> Result<Vec<i32>, AppError> {
    let rows = crate::people::access::organisations_in_charge(conn, person.id).await?;
    Ok(rows.into_iter().map(|row| row.organisation_id).collect())
}

/// Supervisors who may be asked to approve a version of this person's plan: the network's
/// coordinators and the reception managers of her organisations in charge, never the one
/// who recorded it (four eyes).
async fn approvers<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    recorder: i32,
) -> Result<Vec<(i32, String)>, AppError> {
    let in_charge: HashSet<i32> = organisations_in_charge(conn, person)
        .await?
        .into_iter()
        .collect();
    let roles = user_roles::Entity::find()
        .filter(
            user_roles::Column::Role
                .is_in([Role::Coordinator.code(), Role::ReceptionManager.code()]),
        )
        .all(conn)
        .await?;
    let candidates: Vec<users::Model> = users::Entity::find()
        .filter(users::Column::Id.is_in(roles.iter().map(|r| r.user_id).collect::<Vec<_>>()))
        .filter(users::Column::Active.eq(true))
        .order_by_asc(users::Column::DisplayName)
        .all(conn)
        .await?;
    let organisations =
        organisation_names(conn, candidates.iter().map(|u| u.organisation_id)).await?;
    Ok(candidates
        .into_iter()
        .filter(|user| user.id != recorder)
        .filter(|user| {
            roles.iter().any(|r| {
                r.user_id == user.id
                    && (r.role == Role::Coordinator.code()
                        || in_charge.contains(&user.organisation_id))
            })
        })
        .map(|user| {
            let organisation = organisations
                .get(&user.organisation_id)
                .cloned()
                .unwrap_or_default();
            (user.id, format!("{} · {organisation}", user.display_name))
        })
        .collect())
}

/// Whether this user is, today, a supervisor for the person's plan.
async fn is_supervisor<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    person: &people::Model,
) -> Result<bool, AppError> {
    Ok(user.has_role(Role::Coordinator)
        || (user.has_role(Role::ReceptionManager)
            && organisations_in_charge(conn, person)
                .await?
                .contains(&user.organisation_id)))
}

async fn version_rows<C: ConnectionTrait>(
    conn: &C,
    versions: &[plan_versions::Model],
    user: &CurrentUser,
) -> Result<Vec<VersionRow>, AppError> {
    let ids: Vec<i32> = versions
        .iter()
        .flat_map(|v| [Some(v.recorded_by), Some(v.approver_id), v.approved_by])
        .flatten()
        .collect();
    let names = user_names(conn, ids).await?;
    let name = |id: i32| names.get(&id).cloned().unwrap_or_default();
    Ok(versions
        .iter()
        .map(|v| VersionRow {
            number: v.number,
            agreed_on: v.agreed_on,
            language: v.language.clone(),
            mediator: v.mediator.clone(),
            guardian: v.guardian.clone(),
            notes: v.notes.clone(),
            recorded_by: name(v.recorded_by),
            approver: name(v.approver_id),
            approval: match (v.approved_by, v.approved_at) {
                (Some(by), Some(at)) => Some(Approval {
                    by: name(by),
                    at,
                    note: v.approval_note.clone(),
                }),
                _ => None,
            },
            may_approve: v.approver_id == user.id && v.approved_by.is_none(),
        })
        .collect())
}

async fn versions_of<C: ConnectionTrait>(
    conn: &C,
    plan: &plans::Model,
) -> Result<Vec<plan_versions::Model>, AppError> {
    Ok(plan_versions::Entity::find()
        .filter(plan_versions::Column::PlanId.eq(plan.id))
        .order_by_desc(plan_versions::Column::Number)
        .all(conn)
        .await?)
}

fn stored_snapshot(version: &plan_versions::Model) -> Result<PlanSnapshot, AppError> {
    serde_json::from_str(&version.snapshot).map_err(|error| {
        tracing::error!(version = version.id, %error, "unreadable plan version");
        AppError::Internal
    })
}

/// The snapshot of version `number`; 0 is the plan as it is now, for the team (`current`).
async fn numbered_snapshot<C: ConnectionTrait>(
    conn: &C,
    versions: &[plan_versions::Model],
    number: i32,
    field: &str,
    current: Option<(&people::Model, &plans::Model, chrono::NaiveDate)>,
) -> Result<PlanSnapshot, AppError> {
    if let (0, Some((person, plan, today))) = (number, current) {
        return snapshot_of(conn, person, plan, today).await;
    }
    let version = versions
        .iter()
        .find(|v| v.number == number)
        .ok_or_else(|| AppError::invalid(field, Problem::UnknownChoice))?;
    stored_snapshot(version)
}

/// The versions page. `from`/`to` are version numbers to compare (0: the plan as it is
/// now, for the team); by default the latest version is compared with the one before.
pub async fn versions_page(
    ctx: &Ctx,
    code: &str,
    from: Option<i32>,
    to: Option<i32>,
) -> Result<VersionsPage, AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let person = find_person(&txn, code).await?;
        let on_team = may_manage(&txn, user, &person).await?;
        let plan = plan_of(&txn, &person).await?;
        let versions = match &plan {
            Some(plan) => versions_of(&txn, plan).await?,
            None => Vec::new(),
        };
        let asked = versions.iter().any(|v| v.approver_id == user.id);
        let supervisor_asked = asked && is_supervisor(&txn, user, &person).await?;
        if !on_team && !supervisor_asked {
            return Err(refuse(&txn, ctx, "plan.versions.view", &person).await?);
        }
        let today = today();
        let (from, to) = match (from, to) {
            (Some(from), Some(to)) => (Some(from), Some(to)),
            _ => match versions.as_slice() {
                [latest, previous, ..] => (Some(previous.number), Some(latest.number)),
                _ => (None, None),
            },
        };
        let mut comparison = None;
        if let (Some(from), Some(to), Some(plan)) = (from, to, &plan) {
            let current = on_team.then_some((&person, plan, today));
            let before = numbered_snapshot(&txn, &versions, from, "from", current).await?;
            let after = numbered_snapshot(&txn, &versions, to, "to", current).await?;
            comparison = Some(Comparison {
                from,
                to,
                rows: compare(&before, &after),
            });
        }
        let may_record = on_team && plan.as_ref().is_some_and(|p| p.closed_on.is_none());
        let approvers = if may_record {
            approvers(&txn, &person, user.id).await?
        } else {
            Vec::new()
        };
        audit(
            &txn,
            ctx,
            "plan.versions.view",
            &person,
            comparison
                .as_ref()
                .map(|c| format!("compare={}..{}", c.from, c.to)),
        )
        .await?;
        Ok(VersionsPage {
            code: person.code.clone(),
            today,
            minor: minor_from_record(&person, today),
            has_plan: plan.is_some(),
            on_team,
            may_record,
            versions: version_rows(&txn, &versions, user).await?,
            approvers,
            comparison,
        })
    }
    .await;
    ctx.finish_write(txn, result, person_event(ctx, "plan.versions.view", code))
        .await
}

pub async fn record_version(ctx: &Ctx, code: &str, form: AgreementForm) -> Result<(), AppError> {
    let user_id = ctx.user()?.id;
    change_plan(ctx, code, "plan.version.agree", move |txn, person, plan| {
        Box::pin(async move {
            let plan = plan.ok_or(AppError::NotFound)?;
            let today = today();
            let agreement = form.validate(today, minor_from_record(person, today))?;
            if !approvers(txn, person, user_id)
                .await?
                .iter()
                .any(|(id, _)| *id == agreement.approver_id)
            {
                return Err(AppError::invalid("approver_id", Problem::UnknownChoice));
            }
            let number = versions_of(txn, &plan)
                .await?
                .first()
                .map_or(1, |latest| latest.number + 1);
            let snapshot = snapshot_of(txn, person, &plan, today).await?;
            let snapshot = serde_json::to_string(&snapshot).map_err(|_| AppError::Internal)?;
            plan_versions::ActiveModel {
                plan_id: Set(plan.id),
                number: Set(number),
                agreed_on: Set(agreement.agreed_on),
                language: Set(agreement.language),
                mediator: Set(agreement.mediator),
                guardian: Set(agreement.guardian),
                notes: Set(agreement.notes),
                snapshot: Set(snapshot),
                recorded_by: Set(user_id),
                created_at: Set(Utc::now()),
                approver_id: Set(agreement.approver_id),
                approved_by: Set(None),
                approved_at: Set(None),
                approval_note: Set(None),
                ..Default::default()
            }
            .insert(txn)
            .await?;
            notify(
                txn,
                agreement.approver_id,
                NotificationKind::ApprovalRequested,
                &person.code,
                &versions_link(&person.code),
            )
            .await?;
            Ok(format!(
                "version={number} approver={}",
                agreement.approver_id
            ))
        })
    })
    .await
}

pub async fn approve_version(
    ctx: &Ctx,
    code: &str,
    number: i32,
    note: Option<String>,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let person = find_person(&txn, code).await?;
        let plan = plan_of(&txn, &person).await?.ok_or(AppError::NotFound)?;
        let version = plan_versions::Entity::find()
            .filter(plan_versions::Column::PlanId.eq(plan.id))
            .filter(plan_versions::Column::Number.eq(number))
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        // Only the supervisor the team asked, while she still is one, approves.
        if version.approver_id != user.id || !is_supervisor(&txn, user, &person).await? {
            return Err(refuse(&txn, ctx, "plan.version.approve", &person).await?);
        }
        if version.approved_by.is_some() {
            return Err(AppError::Conflict {
                conflict: Conflict::VersionAlreadyApproved,
            });
        }
        let recorder = version.recorded_by;
        let mut active = version.into_active_model();
        active.approved_by = Set(Some(user.id));
        active.approved_at = Set(Some(Utc::now()));
        active.approval_note = Set(note);
        active.update(&txn).await?;
        notify(
            &txn,
            recorder,
            NotificationKind::VersionApproved,
            &person.code,
            &versions_link(&person.code),
        )
        .await?;
        audit(
            &txn,
            ctx,
            "plan.version.approve",
            &person,
            Some(format!("version={number}")),
        )
        .await
    }
    .await;
    ctx.finish_write(txn, result, person_event(ctx, "plan.version.approve", code))
        .await
}

/// The agreed plan to print and sign: the version asked for, or the latest; the plan as
/// it is now, marked as a draft, when none was agreed yet.
pub async fn print_page(ctx: &Ctx, code: &str, number: Option<i32>) -> Result<PrintPage, AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let person = team_person(&txn, ctx, code, "plan.print").await?;
        let plan = plan_of(&txn, &person).await?.ok_or(AppError::NotFound)?;
        let today = today();
        let versions = versions_of(&txn, &plan).await?;
        let chosen = match number {
            Some(number) => Some(
                versions
                    .iter()
                    .find(|v| v.number == number)
                    .ok_or(AppError::NotFound)?,
            ),
            None => versions.first(),
        };
        let (version, snapshot) = match chosen {
            Some(version) => (
                version_rows(&txn, std::slice::from_ref(version), user)
                    .await?
                    .pop(),
                stored_snapshot(version)?,
            ),
            None => (None, snapshot_of(&txn, &person, &plan, today).await?),
        };
        let name = person_identities::Entity::find_by_id(person.id)
            .one(&txn)
            .await?
            .map(|identity| format!("{} {}", identity.given_names, identity.family_name))
            .unwrap_or_default();
        audit(
            &txn,
            ctx,
            "plan.print",
            &person,
            Some(match &version {
                Some(v) => format!("version={}", v.number),
                None => "draft".to_string(),
            }),
        )
        .await?;
        Ok(PrintPage {
            code: person.code.clone(),
            name,
            minor: minor_from_record(&person, today),
            printed_on: today,
            version,
            snapshot,
        })
    }
    .await;
    ctx.finish_write(txn, result, person_event(ctx, "plan.print", code))
        .await
}
