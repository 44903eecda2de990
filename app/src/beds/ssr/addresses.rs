//! Secret addresses: who may reveal a structure's address, for a few minutes, with a reason.

use super::*;

// ---------------------------------------------------------------- secret addresses

/// The session key holding this user's address reveals: (structure id, visible until).
pub const REVEALED_ADDRESSES_KEY: &str = "revealed_addresses";

/// Staff of the owning organisation who work with people (not the coordinator, not a
/// trainer) may see a structure's address, one reveal at a time.
pub fn may_reveal_address(user: &CurrentUser, structure: &structures::Model) -> bool {
    structure.organisation_id == user.organisation_id
        && user.has_any_role(crate::people::access::TEAM_ROLES)
}

/// The reveals still running in this session.
pub async fn running_reveals(ctx: &Ctx) -> Result<Vec<(i32, chrono::DateTime<Utc>)>, AppError> {
    let now = Utc::now();
    let reveals: Vec<(i32, i64)> = ctx
        .session
        .get(REVEALED_ADDRESSES_KEY)
        .await?
        .unwrap_or_default();
    Ok(reveals
        .into_iter()
        .filter_map(|(id, until)| chrono::DateTime::from_timestamp(until, 0).map(|t| (id, t)))
        .filter(|(_, until)| *until > now)
        .collect())
}

/// Reveals a structure's address to this user for a few minutes, with a reason; the
/// reveal (or its refusal) is audited. The address is then sent with this user's board
/// only, until the time runs out.
pub async fn reveal_address(ctx: &Ctx, structure_id: i32, reason: &str) -> Result<(), AppError> {
    let user = ctx.user()?;
    let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
    if reason.chars().count() < 5 {
        return Err(AppError::invalid("reason", Problem::Required));
    }
    if reason.chars().count() > MAX_REASON_LENGTH {
        return Err(AppError::invalid("reason", Problem::TooLong));
    }
    let structure = structures::Entity::find_by_id(structure_id)
        .one(&ctx.db)
        .await?
        .ok_or(AppError::NotFound)?;
    let allowed = may_reveal_address(user, &structure);
    record_alone(
        &ctx.db,
        ctx.request_id(),
        AuditEvent::new(Some(user), "structure.address.reveal", "structure")
            .object(structure.id)
            .outcome(if allowed {
                crate::audit::model::Outcome::Success
            } else {
                crate::audit::model::Outcome::Denied
            })
            .detail(format!("reason: {reason}")),
    )
    .await?;
    if !allowed {
        return Err(AppError::Forbidden);
    }
    let until = Utc::now() + Duration::minutes(ADDRESS_VISIBLE_MINUTES);
    let mut reveals: Vec<(i32, i64)> = running_reveals(ctx)
        .await?
        .into_iter()
        .filter(|(id, _)| *id != structure.id)
        .map(|(id, t)| (id, t.timestamp()))
        .collect();
    reveals.push((structure.id, until.timestamp()));
    ctx.session.insert(REVEALED_ADDRESSES_KEY, reveals).await?;
    Ok(())
}
