//! Internships and work grants.

use super::*;

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
