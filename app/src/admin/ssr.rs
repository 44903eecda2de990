//! Database work of the admin pages. Every change writes its audit row in the same
//! transaction.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

use super::account_changes::{recheck_moderator_rights, tell_about_account_change, AccountChange};
use super::model::{OrganisationRow, UserFilter, UserRow, ValidOrganisation, ValidUser};
use crate::audit::ssr::{deny, record, AuditEvent};
use crate::auth::model::{CurrentUser, OrganisationKind, Role};
use crate::auth::password::hash_password_off_thread;
use crate::auth::password_policy::new_password_problem;
use crate::auth::ssr::{end_all_sessions, Ctx};
use crate::entity::{organisations, user_roles, users};
use crate::kernel::error::{AppError, Conflict, Problem};

pub async fn list_organisations(db: &DatabaseConnection) -> Result<Vec<OrganisationRow>, AppError> {
    let organisations = organisations::Entity::find()
        .order_by_asc(organisations::Column::Kind)
        .order_by_asc(organisations::Column::Name)
        .all(db)
        .await?;
    let mut rows = Vec::with_capacity(organisations.len());
    for organisation in organisations {
        let users = users::Entity::find()
            .filter(users::Column::OrganisationId.eq(organisation.id))
            .count(db)
            .await?;
        rows.push(OrganisationRow {
            id: organisation.id,
            kind: OrganisationKind::from_stored(&organisation.kind, OrganisationKind::Partner),
            name: organisation.name,
            province: organisation.province,
            region: organisation.region,
            active: organisation.active,
            users,
        });
    }
    Ok(rows)
}

async fn name_is_taken<C: ConnectionTrait>(
    conn: &C,
    name: &str,
    except: Option<i32>,
) -> Result<bool, AppError> {
    let mut query = organisations::Entity::find().filter(organisations::Column::Name.eq(name));
    if let Some(id) = except {
        query = query.filter(organisations::Column::Id.ne(id));
    }
    Ok(query.count(conn).await? > 0)
}

pub async fn save_organisation(ctx: &Ctx, valid: ValidOrganisation) -> Result<i32, AppError> {
    let actor = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        if name_is_taken(&txn, &valid.name, valid.id).await? {
            return Err(AppError::invalid("name", Problem::AlreadyTaken));
        }
        let (id, action) = match valid.id {
            Some(id) => {
                let existing = organisations::Entity::find_by_id(id)
                    .one(&txn)
                    .await?
                    .ok_or(AppError::NotFound)?;
                // A new kind must fit the roles its people already hold (a body cannot become
                // a partner organisation while its case workers keep case roles).
                let members: Vec<i32> = users::Entity::find()
                    .filter(users::Column::OrganisationId.eq(id))
                    .all(&txn)
                    .await?
                    .into_iter()
                    .map(|user| user.id)
                    .collect();
                let misfit = user_roles::Entity::find()
                    .filter(user_roles::Column::UserId.is_in(members))
                    .all(&txn)
                    .await?
                    .into_iter()
                    .filter_map(|row| Role::from_code(&row.role))
                    .any(|role| !valid.kind.allows_role(role));
                if misfit {
                    return Err(AppError::invalid("kind", Problem::RoleNotAllowed));
                }
                let mut model: organisations::ActiveModel = existing.into();
                model.name = Set(valid.name);
                model.kind = Set(valid.kind.code().to_string());
                model.province = Set(valid.province);
                model.region = Set(valid.region);
                model.active = Set(valid.active);
                model.update(&txn).await.map_err(|e| taken_or(e, "name"))?;
                (id, "organisation.update")
            }
            None => {
                let created = organisations::ActiveModel {
                    name: Set(valid.name),
                    kind: Set(valid.kind.code().to_string()),
                    province: Set(valid.province),
                    region: Set(valid.region),
                    active: Set(valid.active),
                    created_at: Set(Utc::now()),
                    ..Default::default()
                }
                .insert(&txn)
                .await
                .map_err(|e| taken_or(e, "name"))?;
                (created.id, "organisation.create")
            }
        };
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(actor), action, "organisation").object(id),
        )
        .await?;
        Ok(id)
    }
    .await;
    ctx.finish_write(txn, result, ctx.event("organisation.save", "organisation"))
        .await
}

pub async fn list_users(
    db: &DatabaseConnection,
    filter: &UserFilter,
) -> Result<Vec<UserRow>, AppError> {
    let mut query = users::Entity::find().find_also_related(organisations::Entity);
    let typed = crate::kernel::fields::search_text("search", &filter.search)?;
    let search = typed.to_lowercase();
    if !search.is_empty() {
        query = query.filter(
            sea_orm::Condition::any()
                .add(users::Column::Email.contains(&search))
                .add(users::Column::DisplayName.contains(&typed)),
        );
    }
    if let Ok(organisation_id) = filter.organisation_id.trim().parse::<i32>() {
        query = query.filter(users::Column::OrganisationId.eq(organisation_id));
    }
    let rows = query
        .order_by_asc(users::Column::DisplayName)
        .all(db)
        .await?;
    let ids: Vec<i32> = rows.iter().map(|(user, _)| user.id).collect();
    let mut roles: HashMap<i32, Vec<Role>> = HashMap::new();
    for row in user_roles::Entity::find()
        .filter(user_roles::Column::UserId.is_in(ids))
        .all(db)
        .await?
    {
        if let Some(role) = Role::from_code(&row.role) {
            roles.entry(row.user_id).or_default().push(role);
        }
    }
    Ok(rows
        .into_iter()
        .map(|(user, organisation)| {
            let mut user_roles = roles.remove(&user.id).unwrap_or_default();
            user_roles.sort();
            UserRow {
                id: user.id,
                email: user.email,
                display_name: user.display_name,
                organisation_id: user.organisation_id,
                organisation_name: organisation.map(|o| o.name).unwrap_or_default(),
                roles: user_roles,
                language: user.language,
                active: user.active,
            }
        })
        .collect())
}

pub async fn save_user(ctx: &Ctx, valid: ValidUser) -> Result<i32, AppError> {
    let actor = ctx.user()?;
    if let Some(password) = &valid.password {
        let hints = [valid.email.as_str(), valid.display_name.as_str()];
        if let Some(problem) = new_password_problem(password, &hints) {
            return Err(AppError::invalid("password", problem));
        }
    }
    // Hash before the transaction: argon2 is deliberately slow and must not hold a lock.
    let password_hash = match &valid.password {
        Some(password) => Some(hash_password_off_thread(password).await.map_err(|error| {
            tracing::error!(%error, "password hashing failed");
            AppError::Internal
        })?),
        None => None,
    };
    if ctx.settings.production
        && valid.password.as_deref() == Some(crate::auth::password::DEMO_PASSWORD)
    {
        return Err(AppError::invalid(
            "password",
            Problem::DemoPasswordInProduction,
        ));
    }
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let target = valid.id;
    let result = save_user_in(ctx, &txn, valid, password_hash).await;
    // A refusal leaves its trace: a denial in the transaction, a conflict in its own.
    let refused = || {
        let action = if target.is_some() {
            "user.update"
        } else {
            "user.create"
        };
        let event = AuditEvent::new(Some(actor), action, "user");
        match target {
            Some(id) => event.object(id),
            None => event,
        }
    };
    let result = match result {
        Err(AppError::Forbidden) => Err(deny(&txn, ctx.request_id(), refused()).await),
        other => other,
    };
    ctx.finish_write(txn, result, refused()).await
}

async fn save_user_in(
    ctx: &Ctx,
    txn: &crate::kernel::db::WriteTransaction,
    valid: ValidUser,
    password_hash: Option<String>,
) -> Result<i32, AppError> {
    let actor = ctx.user()?;
    let txn = &**txn;
    let (kind, current_roles) = check_user_change(txn, actor, &valid).await?;
    let display_name = valid.display_name.clone();
    let password_set = password_hash.is_some();
    let now = Utc::now();
    let (id, action, change_summary) = match valid.id {
        Some(id) => {
            let changed = update_user(txn, id, &valid, &current_roles, password_hash, now).await?;
            (id, "user.update", changed)
        }
        None => {
            let created = insert_user(
                txn,
                NewUser {
                    email: valid.email,
                    display_name: valid.display_name,
                    password_hash: password_hash.unwrap_or_default(),
                    organisation_id: valid.organisation_id,
                    language: valid.language,
                    roles: valid.roles.clone(),
                },
            )
            .await
            .map_err(|e| taken_or(e, "email"))?;
            (created.id, "user.create", String::from("new"))
        }
    };
    set_roles(txn, id, &valid.roles).await?;
    let ended_moderation = recheck_moderator_rights(txn, id, kind).await?;
    tell_about_account_change(
        txn,
        &AccountChange {
            actor,
            user_id: id,
            display_name: &display_name,
            organisation_id: valid.organisation_id,
            organisation_kind: kind,
            created: action == "user.create",
            password_set,
            roles: &valid.roles,
        },
    )
    .await?;
    let roles = valid
        .roles
        .iter()
        .map(|r| r.code())
        .collect::<Vec<_>>()
        .join(",");
    record(
        txn,
        ctx.request_id(),
        AuditEvent::new(Some(actor), action, "user")
            .object(id)
            .detail(format!("changed={change_summary};roles={roles}")),
    )
    .await?;
    for category in ended_moderation {
        record(
            txn,
            ctx.request_id(),
            AuditEvent::new(Some(actor), "forum.moderator.remove", "forum_category")
                .object(category)
                .detail(format!("user {id} moved_to_partner")),
        )
        .await?;
    }
    Ok(id)
}

/// Checks a user's save against the database: a known organisation that allows the
/// roles, the rights to touch an administrator or one's own roles, a free email.
/// Returns the organisation's kind and the user's current roles (none when new).
async fn check_user_change(
    txn: &DatabaseTransaction,
    actor: &CurrentUser,
    valid: &ValidUser,
) -> Result<(OrganisationKind, Vec<Role>), AppError> {
    let Some(organisation) = organisations::Entity::find_by_id(valid.organisation_id)
        .one(txn)
        .await?
    else {
        return Err(AppError::invalid("organisation_id", Problem::UnknownChoice));
    };
    let kind = OrganisationKind::from_stored(&organisation.kind, OrganisationKind::Partner);
    if valid.roles.iter().any(|role| !kind.allows_role(*role)) {
        return Err(AppError::invalid("roles", Problem::RoleNotAllowed));
    }
    let current_roles = match valid.id {
        Some(id) => roles_of(txn, id).await?,
        None => Vec::new(),
    };
    // Only an administrator makes, changes or unmakes an administrator: otherwise a
    // coordinator could take over an administrator's account by resetting its password.
    let touches_administrator =
        valid.roles.contains(&Role::Administrator) || current_roles.contains(&Role::Administrator);
    if touches_administrator && !actor.has_role(Role::Administrator) {
        return Err(AppError::Forbidden);
    }
    if valid.id == Some(actor.id) && sorted(valid.roles.clone()) != sorted(current_roles.clone()) {
        return Err(AppError::Conflict {
            conflict: Conflict::CannotChangeOwnRoles,
        });
    }
    let mut taken = users::Entity::find().filter(users::Column::Email.eq(&valid.email));
    if let Some(id) = valid.id {
        taken = taken.filter(users::Column::Id.ne(id));
    }
    if taken.count(txn).await? > 0 {
        return Err(AppError::invalid("email", Problem::AlreadyTaken));
    }
    Ok((kind, current_roles))
}

/// Writes the changes to an existing account (a new password ends its sessions).
/// Returns which of email, organisation, roles and password changed, for the audit.
async fn update_user(
    txn: &DatabaseTransaction,
    id: i32,
    valid: &ValidUser,
    current_roles: &[Role],
    password_hash: Option<String>,
    now: chrono::DateTime<Utc>,
) -> Result<String, AppError> {
    let existing = users::Entity::find_by_id(id)
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut changed = Vec::new();
    if existing.email != valid.email {
        changed.push("email");
    }
    if existing.organisation_id != valid.organisation_id {
        changed.push("organisation");
    }
    if sorted(current_roles.to_vec()) != sorted(valid.roles.clone()) {
        changed.push("roles");
    }
    if password_hash.is_some() {
        changed.push("password");
    }
    let change_summary = changed.join(",");
    let mut model: users::ActiveModel = existing.into();
    model.email = Set(valid.email.clone());
    model.display_name = Set(valid.display_name.clone());
    model.organisation_id = Set(valid.organisation_id);
    model.language = Set(valid.language.clone());
    model.updated_at = Set(now);
    if let Some(hash) = password_hash {
        model.password_hash = Set(hash);
        // A password set by someone else ends every session opened with the old one, and
        // she replaces it with her own before anything else (the reset of a forgotten
        // password when the network sends no e-mail).
        model.must_change_password = Set(true);
        end_all_sessions(txn, id).await?;
    }
    model.update(txn).await.map_err(|e| taken_or(e, "email"))?;
    Ok(change_summary)
}

/// A new account, already validated and with its password hashed.
pub struct NewUser {
    pub email: String,
    pub display_name: String,
    pub password_hash: String,
    pub organisation_id: i32,
    pub language: Option<String>,
    pub roles: Vec<Role>,
}

/// Inserts an active user with their roles (the admin page, the demo network and
/// `anello user create` all make users this one way). The caller audits.
pub async fn insert_user<C: ConnectionTrait>(
    conn: &C,
    user: NewUser,
) -> Result<users::Model, sea_orm::DbErr> {
    let now = Utc::now();
    let created = users::ActiveModel {
        email: Set(user.email),
        display_name: Set(user.display_name),
        password_hash: Set(user.password_hash),
        organisation_id: Set(user.organisation_id),
        language: Set(user.language),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        must_change_password: Set(false),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    set_roles(conn, created.id, &user.roles).await?;
    Ok(created)
}

/// Enables or disables an account; disabling ends all of its sessions at once.
/// Returns the number of sessions ended. The caller audits.
pub async fn set_active_flag<C: ConnectionTrait>(
    conn: &C,
    id: i32,
    active: bool,
) -> Result<u64, AppError> {
    let existing = users::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut model: users::ActiveModel = existing.into();
    model.active = Set(active);
    model.updated_at = Set(Utc::now());
    model.update(conn).await?;
    Ok(if active {
        0
    } else {
        end_all_sessions(conn, id).await?
    })
}

/// Two people saving the same e-mail or name at the same moment: the database's unique
/// index decides, and the loser gets the same answer as a plain duplicate, not a 500.
fn taken_or(error: sea_orm::DbErr, field: &str) -> AppError {
    match error.sql_err() {
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => {
            AppError::invalid(field, Problem::AlreadyTaken)
        }
        _ => error.into(),
    }
}

async fn roles_of<C: ConnectionTrait>(conn: &C, user_id: i32) -> Result<Vec<Role>, sea_orm::DbErr> {
    Ok(user_roles::Entity::find()
        .filter(user_roles::Column::UserId.eq(user_id))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|row| Role::from_code(&row.role))
        .collect())
}

fn sorted(mut roles: Vec<Role>) -> Vec<Role> {
    roles.sort();
    roles.dedup();
    roles
}

pub async fn set_roles<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
    roles: &[Role],
) -> Result<(), sea_orm::DbErr> {
    user_roles::Entity::delete_many()
        .filter(user_roles::Column::UserId.eq(user_id))
        .exec(conn)
        .await?;
    for role in roles {
        user_roles::ActiveModel {
            user_id: Set(user_id),
            role: Set(role.code().to_string()),
        }
        .insert(conn)
        .await?;
    }
    Ok(())
}

pub async fn set_user_active(ctx: &Ctx, id: i32, active: bool) -> Result<(), AppError> {
    let actor = ctx.user()?;
    let action = if active {
        "user.enable"
    } else {
        "user.disable"
    };
    let refused = || AuditEvent::new(Some(actor), action, "user").object(id);
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        if actor.id == id && !active {
            return Err(AppError::Conflict {
                conflict: Conflict::CannotDisableSelf,
            });
        }
        if roles_of(&txn, id).await?.contains(&Role::Administrator)
            && !actor.has_role(Role::Administrator)
        {
            return Err(deny(&txn, ctx.request_id(), refused()).await);
        }
        let ended = set_active_flag(&txn, id, active).await?;
        record(
            &txn,
            ctx.request_id(),
            refused().detail(format!("sessions_ended={ended}")),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(txn, result, refused()).await
}
