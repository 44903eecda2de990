//! Personalised projects for the demo network (and, multiplied, for the planner
//! benchmark): every demo person taken in charge, placed or in active inclusion gets a
//! plan with her organisation's case worker on the team, an assessment, goals and
//! actions (some late, some due soon, some done), a review meeting and, for some, a
//! residence permit about to expire. All of it is fictional.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::model::{ActionStatus, Area, GoalStatus, NeedLevel, PermitKind, TeamRole};
use crate::auth::model::Role;
use crate::entity::{
    people, permits, person_organisations, plan_actions, plan_assessments, plan_goals, plan_phases,
    plan_reviews, plan_team, plan_versions, plans, services, user_roles, users,
};
use crate::people::registry::model::PathStatus;

/// Opens a demo plan for every person of the registry on the way through reception who
/// has none yet; returns how many were opened.
pub async fn load_demo_plans<C: ConnectionTrait>(conn: &C) -> Result<u64, sea_orm::DbErr> {
    let statuses = [
        PathStatus::TakenInCharge.code(),
        PathStatus::Placed.code(),
        PathStatus::Inclusion.code(),
    ];
    let candidates = people::Entity::find()
        .filter(people::Column::Status.is_in(statuses))
        .filter(people::Column::AnonymisedAt.is_null())
        .order_by_asc(people::Column::Id)
        .all(conn)
        .await?;
    let catalogue = services::Entity::find().all(conn).await?;
    let case_workers: Vec<i32> = user_roles::Entity::find()
        .filter(user_roles::Column::Role.eq(Role::CaseWorker.code()))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.user_id)
        .collect();
    let today = crate::kernel::clock::today();
    let now = Utc::now();
    let mut opened = 0u64;
    for (index, person) in candidates.iter().enumerate() {
        let has_plan = plans::Entity::find()
            .filter(plans::Column::PersonId.eq(person.id))
            .one(conn)
            .await?
            .is_some();
        let Some((in_charge, worker)) = demo_case_worker(conn, person, &case_workers).await? else {
            continue;
        };
        if has_plan {
            continue;
        }
        let writer = DemoWriter { worker, today, now };
        let plan = open_demo_plan(conn, person, writer).await?;
        insert_demo_assessments(conn, &plan, writer).await?;
        insert_demo_goals(conn, &plan, writer, &catalogue, index % 2 == 0).await?;
        insert_demo_review(conn, &plan, writer, index).await?;
        if index % 3 == 1 {
            insert_demo_permit(conn, &plan, writer).await?;
        }
        if index.is_multiple_of(2) {
            agree_demo_version(
                conn,
                person,
                &plan,
                worker,
                in_charge.organisation_id,
                index,
            )
            .await?;
        }
        opened += 1;
    }
    Ok(opened)
}

/// Who writes the rows of a demo plan, and when: its case worker, today and now.
#[derive(Clone, Copy)]
struct DemoWriter {
    worker: i32,
    today: NaiveDate,
    now: DateTime<Utc>,
}

impl DemoWriter {
    /// The day `offset` days from today: demo dates are relative, so the demo stays current.
    fn day(&self, offset: i64) -> NaiveDate {
        self.today + Duration::days(offset)
    }
}

/// The person's first organisation in charge and its case worker (the reference operator
/// if it has none); `None` when she is in no organisation's charge or it has no one.
async fn demo_case_worker<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    case_workers: &[i32],
) -> Result<Option<(person_organisations::Model, i32)>, sea_orm::DbErr> {
    let Some(in_charge) = person_organisations::Entity::find()
        .filter(person_organisations::Column::PersonId.eq(person.id))
        .order_by_asc(person_organisations::Column::Id)
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    // The organisation's case worker (the reference operator if she is one).
    let worker = users::Entity::find()
        .filter(users::Column::OrganisationId.eq(in_charge.organisation_id))
        .filter(users::Column::Id.is_in(case_workers.to_vec()))
        .order_by_asc(users::Column::Id)
        .one(conn)
        .await?
        .map(|u| u.id)
        .or(in_charge.reference_user_id);
    Ok(worker.map(|worker| (in_charge, worker)))
}

/// The plan itself, opened 50 days ago, with its first phase and the case worker on
/// the team.
async fn open_demo_plan<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    writer: DemoWriter,
) -> Result<plans::Model, sea_orm::DbErr> {
    let DemoWriter { worker, now, .. } = writer;
    let plan = plans::ActiveModel {
        person_id: Set(person.id),
        opened_on: Set(writer.day(-50)),
        opened_by: Set(worker),
        review_every_days: Set(90),
        created_at: Set(now),
        updated_at: Set(now),
        closed_on: Set(None),
        exit_outcome: Set(None),
        closing_summary: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    let phase = super::ssr::initial_phase(PathStatus::from_code(&person.status));
    plan_phases::ActiveModel {
        plan_id: Set(plan.id),
        phase: Set(phase.code().to_string()),
        started_on: Set(writer.day(-50)),
        note: Set(None),
        recorded_by: Set(worker),
        recorded_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    plan_team::ActiveModel {
        plan_id: Set(plan.id),
        user_id: Set(Some(worker)),
        external_name: Set(None),
        role: Set(TeamRole::SocialWorker.code().to_string()),
        added_by: Set(worker),
        added_at: Set(now),
        removed_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(plan)
}

/// The assessment of three areas: legal, language and health.
async fn insert_demo_assessments<C: ConnectionTrait>(
    conn: &C,
    plan: &plans::Model,
    writer: DemoWriter,
) -> Result<(), sea_orm::DbErr> {
    for (area, need, notes) in [
        (
            Area::Legal,
            NeedLevel::High,
            "Nessun permesso di soggiorno valido.",
        ),
        (
            Area::Language,
            NeedLevel::Medium,
            "Comprende l'italiano di base.",
        ),
        (Area::Health, NeedLevel::Low, "Prima visita fatta."),
    ] {
        plan_assessments::ActiveModel {
            plan_id: Set(plan.id),
            area: Set(area.code().to_string()),
            need: Set(need.code().to_string()),
            notes: Set(notes.to_string()),
            assessed_on: Set(writer.day(-45)),
            updated_by: Set(writer.worker),
            updated_at: Set(writer.now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

/// A demo action: its service's code, its planned start and end (days from today) and
/// its status.
type DemoAction = (&'static str, i64, i64, ActionStatus);

/// The demo goals, by area, with their actions; `late`: the legal advice is still
/// planned though its end has passed, so the plan has an overdue action.
fn demo_goals(late: bool) -> [(Area, &'static str, Vec<DemoAction>); 3] {
    [
        (
            Area::Legal,
            "Ottenere il permesso di soggiorno per protezione sociale",
            vec![
                (
                    "legal_advice",
                    -40,
                    -5,
                    if late {
                        ActionStatus::Planned
                    } else {
                        ActionStatus::Done
                    },
                ),
                ("art18_permit", -20, 60, ActionStatus::InProgress),
            ],
        ),
        (
            Area::Language,
            "Raggiungere il livello A2 di italiano",
            vec![("l2_course", -30, 10, ActionStatus::InProgress)],
        ),
        (
            Area::Work,
            "Un tirocinio in ristorazione",
            vec![
                ("skills_assessment", 5, 20, ActionStatus::Planned),
                ("internship", 30, 150, ActionStatus::Planned),
            ],
        ),
    ]
}

/// The goals of [`demo_goals`] and their actions (those whose service is in the
/// catalogue).
async fn insert_demo_goals<C: ConnectionTrait>(
    conn: &C,
    plan: &plans::Model,
    writer: DemoWriter,
    catalogue: &[services::Model],
    late: bool,
) -> Result<(), sea_orm::DbErr> {
    let DemoWriter { worker, now, .. } = writer;
    let day = |offset: i64| writer.day(offset);
    let service = |code: &str| catalogue.iter().find(|s| s.code == code).map(|s| s.id);
    for (area, description, actions) in demo_goals(late) {
        let goal = plan_goals::ActiveModel {
            plan_id: Set(plan.id),
            area: Set(area.code().to_string()),
            description: Set(description.to_string()),
            expected_on: Set(Some(day(150))),
            status: Set(GoalStatus::Open.code().to_string()),
            created_by: Set(worker),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
        for (code, from, to, status) in actions {
            let Some(service_id) = service(code) else {
                continue;
            };
            let done = status == ActionStatus::Done;
            plan_actions::ActiveModel {
                plan_id: Set(plan.id),
                goal_id: Set(goal.id),
                service_id: Set(service_id),
                responsible_user_id: Set(Some(worker)),
                responsible_external: Set(None),
                planned_start: Set(day(from)),
                planned_end: Set(day(to)),
                actual_start: Set((done || status == ActionStatus::InProgress).then(|| day(from))),
                actual_end: Set(done.then(|| day(to))),
                status: Set(status.code().to_string()),
                outcome: Set(None),
                created_by: Set(worker),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(conn)
            .await?;
        }
    }
    Ok(())
}

/// The next review meeting: in a week for one plan in three (so it shows as due soon),
/// otherwise in 40 days.
async fn insert_demo_review<C: ConnectionTrait>(
    conn: &C,
    plan: &plans::Model,
    writer: DemoWriter,
    index: usize,
) -> Result<(), sea_orm::DbErr> {
    plan_reviews::ActiveModel {
        plan_id: Set(plan.id),
        scheduled_on: Set(if index.is_multiple_of(3) {
            writer.day(7)
        } else {
            writer.day(40)
        }),
        held_on: Set(None),
        minutes: Set(None),
        decisions: Set(None),
        recorded_by: Set(None),
        created_at: Set(writer.now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// An art. 18 residence permit issued half a year ago that expires in 45 days.
async fn insert_demo_permit<C: ConnectionTrait>(
    conn: &C,
    plan: &plans::Model,
    writer: DemoWriter,
) -> Result<(), sea_orm::DbErr> {
    let DemoWriter { worker, now, .. } = writer;
    permits::ActiveModel {
        plan_id: Set(plan.id),
        kind: Set(PermitKind::Art18.code().to_string()),
        applied_on: Set(Some(writer.day(-230))),
        opinion_on: Set(Some(writer.day(-215))),
        questura_on: Set(Some(writer.day(-200))),
        issued_on: Set(Some(writer.day(-180))),
        expires_on: Set(Some(writer.day(45))),
        renewal_of: Set(None),
        converted_to: Set(None),
        converted_on: Set(None),
        created_by: Set(worker),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// An agreed version 1 of a demo plan, from before the work goal was added (so comparing
/// it with the plan as it is now shows something), approved or waiting for the
/// organisation's reception manager, who then has a notification.
async fn agree_demo_version<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    plan: &plans::Model,
    worker: i32,
    organisation_id: i32,
    index: usize,
) -> Result<(), sea_orm::DbErr> {
    let managers: Vec<i32> = user_roles::Entity::find()
        .filter(user_roles::Column::Role.eq(Role::ReceptionManager.code()))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.user_id)
        .collect();
    let Some(approver) = users::Entity::find()
        .filter(users::Column::OrganisationId.eq(organisation_id))
        .filter(users::Column::Id.is_in(managers))
        .order_by_asc(users::Column::Id)
        .one(conn)
        .await?
    else {
        return Ok(());
    };
    let today = crate::kernel::clock::today();
    let to_db =
        |error: crate::kernel::error::AppError| sea_orm::DbErr::Custom(format!("{error:?}"));
    let mut snapshot = super::agreement::ssr::snapshot_of(conn, person, plan, today)
        .await
        .map_err(to_db)?;
    for area in snapshot.areas.iter_mut().filter(|a| a.area == Area::Work) {
        area.goals.clear();
    }
    let snapshot =
        serde_json::to_string(&snapshot).map_err(|e| sea_orm::DbErr::Custom(e.to_string()))?;
    let approved = index.is_multiple_of(4);
    let now = Utc::now();
    plan_versions::ActiveModel {
        plan_id: Set(plan.id),
        number: Set(1),
        agreed_on: Set(today - Duration::days(40)),
        language: Set(if index.is_multiple_of(3) {
            "inglese"
        } else {
            "francese"
        }
        .to_string()),
        mediator: Set(Some("Joy Edosa".to_string())),
        guardian: Set(None),
        notes: Set(None),
        snapshot: Set(snapshot),
        recorded_by: Set(worker),
        created_at: Set(now),
        approver_id: Set(approver.id),
        approved_by: Set(approved.then_some(approver.id)),
        approved_at: Set(approved.then_some(now)),
        approval_note: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    if !approved {
        crate::notifications::ssr::notify(
            conn,
            approver.id,
            crate::notifications::model::NotificationKind::ApprovalRequested,
            &person.code,
            &format!("/persone/{}/progetto/versioni", person.code),
        )
        .await
        .map_err(to_db)?;
    }
    Ok(())
}
