//! Closing the plan at the person's exit from the programme.

use super::*;

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
            crate::people::access::record_path_step(
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
