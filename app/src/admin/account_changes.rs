//! What follows a change of someone else's account, in the change's transaction.
//!
//! A coordinator who sets a colleague's password, or opens an account that reads case
//! data in an implementing body, could use that account herself: its holder and the
//! body's reception managers are told, so that such a takeover never goes unseen. A
//! member moved into a partner organisation keeps no moderator rights (a partner
//! moderating a category would read it even where partners may not).

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::auth::model::{CurrentUser, OrganisationKind, Role};
use crate::entity::forum_moderators;
use crate::kernel::error::AppError;
use crate::notifications::model::NotificationKind;
use crate::notifications::ssr::{active_users_with_role, notify};
use crate::people::access::TEAM_ROLES;

/// What changed in one account, as `save_user` found it.
pub struct AccountChange<'a> {
    pub actor: &'a CurrentUser,
    pub user_id: i32,
    pub display_name: &'a str,
    pub organisation_id: i32,
    pub organisation_kind: OrganisationKind,
    pub created: bool,
    pub password_set: bool,
    pub roles: &'a [Role],
}

/// Tells the holder and her body's reception managers when someone else set her
/// password or opened her account with a role that reads case data. The holder's
/// notification is e-mailed like any other, when the server has mail.
pub async fn tell_about_account_change<C: ConnectionTrait>(
    conn: &C,
    change: &AccountChange<'_>,
) -> Result<(), AppError> {
    if change.actor.id == change.user_id {
        return Ok(());
    }
    let kind = if change.created {
        let case_role = change.roles.iter().any(|role| TEAM_ROLES.contains(role));
        if !(case_role && change.organisation_kind == OrganisationKind::ImplementingBody) {
            return Ok(());
        }
        NotificationKind::CaseAccountOpened
    } else if change.password_set {
        NotificationKind::PasswordSetByOther
    } else {
        return Ok(());
    };
    let colleagues = active_users_with_role(
        conn,
        Role::ReceptionManager,
        Some(&[change.organisation_id]),
    )
    .await?;
    let mut told = vec![change.user_id];
    told.extend(colleagues);
    told.sort_unstable();
    told.dedup();
    for user_id in told.into_iter().filter(|id| *id != change.actor.id) {
        notify(conn, user_id, kind, change.display_name, "/notifiche").await?;
    }
    Ok(())
}

/// Moderator rights end when their holder moves into a partner organisation. The
/// categories she moderated, for the audit row.
pub async fn recheck_moderator_rights<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    organisation_kind: OrganisationKind,
) -> Result<Vec<i32>, AppError> {
    if organisation_kind != OrganisationKind::Partner {
        return Ok(Vec::new());
    }
    let rows = forum_moderators::Entity::find()
        .filter(forum_moderators::Column::UserId.eq(user_id))
        .all(conn)
        .await?;
    forum_moderators::Entity::delete_many()
        .filter(forum_moderators::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    Ok(rows.into_iter().map(|row| row.category_id).collect())
}
