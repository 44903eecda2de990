//! Residence permits: saving one, converting it.

use super::*;

/// Records a new permit (`permit_id` None) or corrects one of this plan.
pub async fn save_permit(
    ctx: &Ctx,
    code: &str,
    permit_id: Option<i32>,
    permit: ValidPermit,
) -> Result<(), AppError> {
    let user = ctx.user()?.clone();
    let user_id = user.id;
    change_plan(ctx, code, "plan.permit.save", move |txn, person, plan| {
        Box::pin(async move {
            let plan = plan.ok_or(AppError::NotFound)?;
            // The route is the judicial route's readers' to set; the rest of the team
            // neither sees nor changes it.
            let sets_route =
                crate::path::judicial::ssr::may_read_judicial(txn, &user, person).await?;
            let route = if sets_route { permit.route } else { None };
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
                    if sets_route {
                        active.route = Set(route.map(|r| r.code().to_string()));
                    }
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
                        route: Set(route.map(|r| r.code().to_string())),
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
