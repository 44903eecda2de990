//! The personal-data guard run on every text before it is published, in the forum's
//! threads and in the trainers' library.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, Set,
};

use super::model::{Finding, FindingKind};
use super::personal_data::scan;
use crate::auth::model::CurrentUser;
use crate::entity::{forum_guard_checks as guard_checks, structures};
use crate::kernel::error::AppError;

/// How often one user may run the personal-data guard: it answers whether a text names a
/// place of the network, so it must not become a way to test guesses one after another.
pub const GUARD_CHECKS_PER_WINDOW: u64 = 60;
pub const GUARD_WINDOW_SECS: i64 = 600;

/// What the personal-data guard finds in a text written by `author`. Structure names are
/// those she may know: every open structure, and the secret ones of her own organisation
/// (the coordinator knows them all). A secret name someone else guessed is not matched,
/// so the guard never confirms it; a name it finds is not quoted back either.
pub(crate) async fn findings<C: ConnectionTrait>(
    conn: &C,
    author: &CurrentUser,
    text: &str,
) -> Result<Vec<Finding>, AppError> {
    guard_check(conn, author).await?;
    let names: Vec<String> = structures::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .filter(|structure| {
            !structure.secret
                || structure.organisation_id == author.organisation_id
                || author.is_network_wide()
        })
        .map(|structure| structure.name)
        .collect();
    Ok(scan(text, &names)
        .into_iter()
        .map(|finding| match finding.kind {
            FindingKind::Structure => Finding {
                kind: FindingKind::Structure,
                text: String::new(),
            },
            _ => finding,
        })
        .collect())
}

/// Counts one run of the guard; past the limit the author waits (429).
pub(crate) async fn guard_check<C: ConnectionTrait>(
    conn: &C,
    author: &CurrentUser,
) -> Result<(), AppError> {
    let since = Utc::now() - chrono::Duration::seconds(GUARD_WINDOW_SECS);
    let recent = guard_checks::Entity::find()
        .filter(guard_checks::Column::UserId.eq(author.id))
        .filter(guard_checks::Column::CheckedAt.gt(since))
        .count(conn)
        .await?;
    if recent >= GUARD_CHECKS_PER_WINDOW {
        return Err(AppError::TooManyRequests {
            retry_after_secs: GUARD_WINDOW_SECS as u64,
        });
    }
    guard_checks::ActiveModel {
        user_id: Set(author.id),
        checked_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Deletes guard runs older than a day (the server's periodic sweep).
pub async fn purge_guard_checks(db: &sea_orm::DatabaseConnection) -> Result<(), sea_orm::DbErr> {
    let _turn = crate::kernel::db::single_write_turn(db).await?;
    guard_checks::Entity::delete_many()
        .filter(guard_checks::Column::CheckedAt.lt(Utc::now() - chrono::Duration::days(1)))
        .exec(db)
        .await?;
    Ok(())
}
