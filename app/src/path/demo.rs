//! The Commission in the demo: three people with plans have met one, so that the page
//! and "Il mio lavoro" show something after `make run` (an interview coming, a hearing
//! coming with the network's accompaniment, a hearing decided). All of it is fictional.

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use crate::entity::{
    commission_referrals, commission_requests, person_organisations, plan_team, plans,
};
use crate::path::commission::model::{CommissionOutcome, RequestStatus};

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
