//! Database work of the Commission page: the team's requests and referrals, audited.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set, TryIntoModel,
};

use super::model::*;
use crate::auth::ssr::Ctx;
use crate::entity::{commission_referrals, commission_requests, people};
use crate::kernel::clock::today;
use crate::kernel::error::{AppError, Problem};
use crate::kernel::names::user_names;
use crate::path::model::{PathDate, PathDateKind};
use crate::path::ssr::{change_for_team, own_record, read_for_team};
use crate::people::access::team_colleagues;

pub async fn commission_page(ctx: &Ctx, code: &str) -> Result<CommissionPage, AppError> {
    read_for_team(ctx, code, "path.commission.view", |txn, person| {
        Box::pin(async move {
            let requests = commission_requests::Entity::find()
                .filter(commission_requests::Column::PersonId.eq(person.id))
                .order_by_desc(commission_requests::Column::ReceivedOn)
                .order_by_desc(commission_requests::Column::Id)
                .all(txn)
                .await?;
            let referrals = commission_referrals::Entity::find()
                .filter(commission_referrals::Column::PersonId.eq(person.id))
                .order_by_desc(commission_referrals::Column::ReferredOn)
                .order_by_desc(commission_referrals::Column::Id)
                .all(txn)
                .await?;
            let names = user_names(
                txn,
                requests
                    .iter()
                    .map(|r| r.recorded_by)
                    .chain(referrals.iter().map(|r| r.recorded_by))
                    .chain(referrals.iter().filter_map(|r| r.operator_id)),
            )
            .await?;
            let name = |id: i32| names.get(&id).cloned().unwrap_or_default();
            Ok(CommissionPage {
                code: person.code.clone(),
                today: today(),
                editable: person.anonymised_at.is_none(),
                requests: requests
                    .into_iter()
                    .map(|row| RequestRow {
                        id: row.id,
                        status: RequestStatus::from_stored(&row.status, RequestStatus::Received),
                        commission: row.commission,
                        received_on: row.received_on,
                        interview_on: row.interview_on,
                        answered_on: row.answered_on,
                        notes: row.notes,
                        recorded_by: name(row.recorded_by),
                    })
                    .collect(),
                referrals: referrals
                    .into_iter()
                    .map(|row| ReferralRow {
                        id: row.id,
                        outcome: row.outcome.as_deref().map(|code| {
                            CommissionOutcome::from_stored(code, CommissionOutcome::Rejected)
                        }),
                        operator: row.operator_id.map(name),
                        operator_id: row.operator_id,
                        commission: row.commission,
                        referred_on: row.referred_on,
                        reason: row.reason,
                        accompanied: row.accompanied,
                        hearing_on: row.hearing_on,
                        outcome_on: row.outcome_on,
                        recorded_by: name(row.recorded_by),
                    })
                    .collect(),
                colleagues: team_colleagues(txn, person).await?,
            })
        })
    })
    .await
}

pub async fn save_request(ctx: &Ctx, code: &str, form: ValidRequest) -> Result<(), AppError> {
    let user = ctx.user()?.clone();
    change_for_team(ctx, code, "path.commission.request", move |txn, person| {
        Box::pin(async move {
            let now = Utc::now();
            let mut row = match form.record {
                Some(id) => own_record(
                    commission_requests::Entity::find_by_id(id).one(txn).await?,
                    |row| row.person_id,
                    person,
                )?
                .into_active_model(),
                None => commission_requests::ActiveModel {
                    person_id: Set(person.id),
                    organisation_id: Set(user.organisation_id),
                    recorded_by: Set(user.id),
                    created_at: Set(now),
                    ..Default::default()
                },
            };
            row.commission = Set(form.commission);
            row.received_on = Set(form.received_on);
            row.status = Set(form.status.code().to_string());
            row.interview_on = Set(form.interview_on);
            row.answered_on = Set(form.answered_on);
            row.notes = Set(form.notes);
            row.updated_at = Set(now);
            let id = row.save(txn).await?.try_into_model()?.id;
            Ok(format!("request={id} status={}", form.status.code()))
        })
    })
    .await
}

pub async fn save_referral(ctx: &Ctx, code: &str, form: ValidReferral) -> Result<(), AppError> {
    let user = ctx.user()?.clone();
    change_for_team(ctx, code, "path.commission.referral", move |txn, person| {
        Box::pin(async move {
            if let Some(operator) = form.operator {
                let colleagues = team_colleagues(txn, person).await?;
                if !colleagues.iter().any(|(id, _)| *id == operator) {
                    return Err(AppError::invalid("operator", Problem::UnknownChoice));
                }
            }
            let now = Utc::now();
            let mut row = match form.record {
                Some(id) => own_record(
                    commission_referrals::Entity::find_by_id(id)
                        .one(txn)
                        .await?,
                    |row| row.person_id,
                    person,
                )?
                .into_active_model(),
                None => commission_referrals::ActiveModel {
                    person_id: Set(person.id),
                    organisation_id: Set(user.organisation_id),
                    recorded_by: Set(user.id),
                    created_at: Set(now),
                    ..Default::default()
                },
            };
            row.commission = Set(form.commission);
            row.referred_on = Set(form.referred_on);
            row.reason = Set(form.reason);
            row.operator_id = Set(form.operator);
            row.accompanied = Set(form.accompanied);
            row.hearing_on = Set(form.hearing_on);
            row.outcome = Set(form.outcome.map(|o| o.code().to_string()));
            row.outcome_on = Set(form.outcome_on);
            row.updated_at = Set(now);
            let id = row.save(txn).await?.try_into_model()?.id;
            Ok(format!(
                "referral={id} accompanied={} outcome={}",
                form.accompanied,
                form.outcome.map_or("none", |o| o.code())
            ))
        })
    })
    .await
}

/// Interviews still to hold and hearings still to hold or to record, by `horizon`.
pub async fn due_dates<C: ConnectionTrait>(
    conn: &C,
    people: &HashMap<i32, String>,
    horizon: NaiveDate,
) -> Result<Vec<PathDate>, AppError> {
    let ids: Vec<i32> = people.keys().copied().collect();
    let link = |code: &str| format!("/persone/{code}/commissione");
    let mut dates = Vec::new();
    for row in commission_requests::Entity::find()
        .filter(commission_requests::Column::PersonId.is_in(ids.clone()))
        .filter(commission_requests::Column::InterviewOn.lte(horizon))
        .all(conn)
        .await?
    {
        let status = RequestStatus::from_stored(&row.status, RequestStatus::Received);
        if let (Some(on), Some(code), true) = (
            row.interview_on,
            people.get(&row.person_id),
            status.awaits_interview(),
        ) {
            dates.push(PathDate {
                code: code.clone(),
                kind: PathDateKind::CommissionInterview,
                on,
                link: link(code),
            });
        }
    }
    for row in commission_referrals::Entity::find()
        .filter(commission_referrals::Column::PersonId.is_in(ids))
        .filter(commission_referrals::Column::HearingOn.lte(horizon))
        .filter(commission_referrals::Column::Outcome.is_null())
        .all(conn)
        .await?
    {
        if let (Some(on), Some(code)) = (row.hearing_on, people.get(&row.person_id)) {
            // Before the hearing it is the hearing; after it, the outcome to record.
            let kind = if on < today() {
                PathDateKind::CommissionOutcome
            } else {
                PathDateKind::CommissionHearing
            };
            dates.push(PathDate {
                code: code.clone(),
                kind,
                on,
                link: link(code),
            });
        }
    }
    Ok(dates)
}

/// What the person's own data export holds of the Commission (her right of access):
/// (requests, referrals).
pub async fn exported<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
) -> Result<(Vec<serde_json::Value>, Vec<serde_json::Value>), AppError> {
    let requests = commission_requests::Entity::find()
        .filter(commission_requests::Column::PersonId.eq(person.id))
        .order_by_asc(commission_requests::Column::Id)
        .all(conn)
        .await?;
    let referrals = commission_referrals::Entity::find()
        .filter(commission_referrals::Column::PersonId.eq(person.id))
        .order_by_asc(commission_referrals::Column::Id)
        .all(conn)
        .await?;
    Ok((
        requests
            .into_iter()
            .map(|r| {
                serde_json::json!({
                    "commission": r.commission,
                    "received_on": r.received_on,
                    "status": r.status,
                    "interview_on": r.interview_on,
                    "answered_on": r.answered_on,
                    "notes": r.notes,
                })
            })
            .collect(),
        referrals
            .into_iter()
            .map(|r| {
                serde_json::json!({
                    "commission": r.commission,
                    "referred_on": r.referred_on,
                    "reason": r.reason,
                    "accompanied": r.accompanied,
                    "hearing_on": r.hearing_on,
                    "outcome": r.outcome,
                    "outcome_on": r.outcome_on,
                })
            })
            .collect(),
    ))
}

/// Anonymisation keeps dates, statuses and outcomes (the report counts them) and clears
/// the free texts, which could describe her.
pub async fn anonymise<C: ConnectionTrait>(conn: &C, person_id: i32) -> Result<(), AppError> {
    commission_requests::Entity::update_many()
        .col_expr(
            commission_requests::Column::Notes,
            sea_orm::sea_query::Expr::value(Option::<String>::None),
        )
        .filter(commission_requests::Column::PersonId.eq(person_id))
        .exec(conn)
        .await?;
    commission_referrals::Entity::update_many()
        .col_expr(
            commission_referrals::Column::Reason,
            sea_orm::sea_query::Expr::value(Option::<String>::None),
        )
        .filter(commission_referrals::Column::PersonId.eq(person_id))
        .exec(conn)
        .await?;
    Ok(())
}
