//! The Commission in the demo: three people with plans have met one, so that the page
//! and "Il mio lavoro" show something after `make run` (an interview coming, a hearing
//! coming with the network's accompaniment, a hearing decided). Support spending: the
//! budget of the body in charge of the first person with a plan, and her ledger (two
//! approved expenses, one waiting). All of it is fictional.

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::auth::model::Role;
use crate::entity::{
    commission_referrals, commission_requests, person_organisations, plan_team, plans,
    support_budgets, support_expenses, user_roles, users,
};
use crate::path::commission::model::{CommissionOutcome, RequestStatus};
use crate::path::spending::model::SpendingCategory;

pub async fn load_demo_path<C: ConnectionTrait>(conn: &C) -> Result<(), sea_orm::DbErr> {
    let today = crate::kernel::clock::today();
    let now = Utc::now();
    let demo_plans = plans::Entity::find()
        .filter(plans::Column::ClosedOn.is_null())
        .order_by_asc(plans::Column::Id)
        .all(conn)
        .await?;
    let mut written = 0;
    for plan in demo_plans {
        if written == 3 {
            break;
        }
        let Some(in_charge) = person_organisations::Entity::find()
            .filter(person_organisations::Column::PersonId.eq(plan.person_id))
            .order_by_asc(person_organisations::Column::Id)
            .one(conn)
            .await?
        else {
            continue;
        };
        let Some(worker) = plan_team::Entity::find()
            .filter(plan_team::Column::PlanId.eq(plan.id))
            .filter(plan_team::Column::UserId.is_not_null())
            .order_by_asc(plan_team::Column::Id)
            .one(conn)
            .await?
            .and_then(|member| member.user_id)
        else {
            continue;
        };
        let days = |n: i64| today + Duration::days(n);
        if written == 0 {
            load_demo_spending(conn, plan.person_id, in_charge.organisation_id, worker).await?;
            commission_requests::ActiveModel {
                person_id: Set(plan.person_id),
                organisation_id: Set(in_charge.organisation_id),
                commission: Set("Torino".into()),
                received_on: Set(days(-10)),
                status: Set(RequestStatus::InterviewScheduled.code().into()),
                interview_on: Set(Some(days(4))),
                answered_on: Set(None),
                notes: Set(Some("Colloquio con mediatrice culturale; la Commissione chiede la valutazione entro 30 giorni.".into())),
                recorded_by: Set(worker),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(conn)
            .await?;
        } else {
            let decided = written == 2;
            commission_referrals::ActiveModel {
                person_id: Set(plan.person_id),
                organisation_id: Set(in_charge.organisation_id),
                commission: Set(if decided { "Milano" } else { "Torino" }.into()),
                referred_on: Set(days(if decided { -120 } else { -60 })),
                reason: Set(Some(
                    "Indicatori di tratta emersi nel colloquio di valutazione.".into(),
                )),
                operator_id: Set(Some(worker)),
                accompanied: Set(true),
                hearing_on: Set(Some(days(if decided { -30 } else { 9 }))),
                outcome: Set(decided.then(|| CommissionOutcome::SpecialCase.code().into())),
                outcome_on: Set(decided.then(|| days(-20))),
                recorded_by: Set(worker),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
            .insert(conn)
            .await?;
        }
        written += 1;
    }
    Ok(())
}

/// The budget of the body in charge of the first person with a plan (fifteen months, as
/// the call of seed 000) and two expenses of hers: her permit's fee, approved by the
/// body's reception manager, and a medical ticket waiting for approval.
async fn load_demo_spending<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
    organisation_id: i32,
    worker: i32,
) -> Result<(), sea_orm::DbErr> {
    use chrono::Datelike;
    let today = crate::kernel::clock::today();
    let now = Utc::now();
    let starts_on = today.with_day(1).unwrap_or(today) - chrono::Months::new(3);
    let ends_on = starts_on + chrono::Months::new(15) - Duration::days(1);
    let managers: Vec<i32> = user_roles::Entity::find()
        .filter(user_roles::Column::Role.eq(Role::ReceptionManager.code()))
        .all(conn)
        .await?
        .into_iter()
        .map(|role| role.user_id)
        .collect();
    let manager = users::Entity::find()
        .filter(users::Column::OrganisationId.eq(organisation_id))
        .filter(users::Column::Id.is_in(managers))
        .order_by_asc(users::Column::Id)
        .one(conn)
        .await?;
    support_budgets::ActiveModel {
        organisation_id: Set(organisation_id),
        project: Set("Anello – Bando DPO 2026-2027".into()),
        starts_on: Set(starts_on),
        ends_on: Set(ends_on),
        amount_cents: Set(1_200_000),
        recorded_by: Set(manager.as_ref().map_or(worker, |m| m.id)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    for (category, cents, days_ago, description, approved) in [
        (
            SpendingCategory::Papers,
            3_050,
            20,
            "Bollettino per il permesso di soggiorno",
            true,
        ),
        (
            SpendingCategory::Transport,
            3_500,
            15,
            "Abbonamento mensile GTT",
            true,
        ),
        (
            SpendingCategory::Health,
            3_640,
            9,
            "Ticket visita specialistica",
            false,
        ),
    ] {
        let approver = manager.as_ref().filter(|_| approved).map(|m| m.id);
        support_expenses::ActiveModel {
            person_id: Set(person_id),
            organisation_id: Set(organisation_id),
            category: Set(category.code().into()),
            amount_cents: Set(cents),
            spent_on: Set(today - Duration::days(days_ago)),
            description: Set(Some(description.into())),
            receipt_document_id: Set(None),
            recorded_by: Set(worker),
            approved_by: Set(approver),
            approved_at: Set(approver.map(|_| now)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}
