//! Scheduling and recording the plan's reviews.

use super::*;

pub(super) async fn schedule_review_on<C: ConnectionTrait>(
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

pub(super) async fn pending_review<C: ConnectionTrait>(
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
