//! Possible duplicates across organisations, without an identity oracle.
//!
//! The keyed identity hash tells when two organisations hold a record of the same person.
//! Naming the other organisation to the team let anyone who edits a record's name and
//! birth date again and again learn which body holds a person of that name. So the team
//! only learns that a duplicate is possible and that the coordination has been told; the
//! coordinator sees the pairs (`duplicate_groups`) and is notified of each new one; and
//! identity edits are limited per user.

use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::auth::model::{CurrentUser, Role};
use crate::entity::{audit_log, people};
use crate::kernel::error::AppError;
use crate::notifications::model::NotificationKind;
use crate::notifications::ssr::{active_users_with_role, notify};

/// Identity changes one user may make in an hour: enough for a day's records, too few
/// to probe the network's records name by name.
pub const IDENTITY_EDITS_PER_HOUR: u64 = 30;

/// Whether another record (not linked to this one) has the same keyed hash.
pub async fn has_twin<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
) -> Result<bool, AppError> {
    let Some(hash) = &person.identity_hash else {
        return Ok(false);
    };
    let twins = people::Entity::find()
        .filter(people::Column::IdentityHash.eq(hash.as_str()))
        .filter(people::Column::Id.ne(person.id))
        .filter(people::Column::AnonymisedAt.is_null())
        .all(conn)
        .await?;
    Ok(twins
        .iter()
        .any(|twin| twin.duplicate_of != Some(person.id) && person.duplicate_of != Some(twin.id)))
}

/// After a record's identity was written (registration or change): when its hash is new
/// for it and another record has it, every active coordinator is notified.
pub async fn tell_coordination_of_twin<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
    previous_hash: Option<&str>,
) -> Result<(), AppError> {
    if person.identity_hash.as_deref() == previous_hash || !has_twin(conn, person).await? {
        return Ok(());
    }
    for coordinator in active_users_with_role(conn, Role::Coordinator, None).await? {
        notify(
            conn,
            coordinator,
            NotificationKind::PossibleDuplicate,
            &person.code,
            "/persone/doppioni",
        )
        .await?;
    }
    Ok(())
}

/// Refuses (429) a user who changed identities `IDENTITY_EDITS_PER_HOUR` times in the
/// last hour, counted from the audit trail.
pub async fn check_identity_edit_rate<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
) -> Result<(), AppError> {
    let edits = audit_log::Entity::find()
        .filter(audit_log::Column::ActorUserId.eq(user.id))
        .filter(audit_log::Column::Action.eq("person.identity.update"))
        .filter(audit_log::Column::Outcome.eq("success"))
        .filter(audit_log::Column::OccurredAt.gt(Utc::now() - Duration::hours(1)))
        .count(conn)
        .await?;
    if edits >= IDENTITY_EDITS_PER_HOUR {
        return Err(AppError::TooManyRequests {
            retry_after_secs: 3600,
        });
    }
    Ok(())
}
