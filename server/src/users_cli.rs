//! `anello user create` and `anello user disable`.

use std::io::BufRead;

use anyhow::{bail, Context};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use app::admin::model::is_plausible_email;
use app::admin::ssr::{insert_user, set_active_flag, NewUser};
use app::audit::ssr::{record, AuditEvent};
use app::auth::model::{OrganisationKind, Role};
use app::auth::password::hash_password;
use app::auth::password_policy::{new_password_problem, MIN_PASSWORD_LENGTH};
use app::entity::{organisations, users};
use app::kernel::error::Problem;

use crate::config::CreateUserArgs;

pub fn read_password() -> anyhow::Result<String> {
    if let Ok(password) = std::env::var("ANELLO_PASSWORD") {
        return Ok(password);
    }
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("reading the password from standard input")?;
    Ok(line.trim_end_matches(['\r', '\n']).to_string())
}

/// Creates a user from the command line (e.g. the first administrator); returns the id.
/// The password policy of every other way of setting one (`app::auth::password_policy`).
fn check_password(password: &str, hints: &[&str]) -> anyhow::Result<()> {
    match new_password_problem(password, hints) {
        Some(Problem::TooShort) => {
            bail!("the password needs at least {MIN_PASSWORD_LENGTH} characters")
        }
        Some(Problem::CommonPassword) => bail!(
            "the password is too easy to guess (a common password, names, dates or keyboard \
             runs): try a phrase of four unusual words"
        ),
        Some(problem) => bail!("the password is not accepted: {problem:?}"),
        None => Ok(()),
    }
}

pub async fn create_user(
    db: &DatabaseConnection,
    args: CreateUserArgs,
    password: &str,
    production: bool,
) -> anyhow::Result<i32> {
    let email = args.email.trim().to_lowercase();
    if !is_plausible_email(&email) {
        bail!("`{email}` is not an e-mail address");
    }
    let roles = args
        .roles
        .iter()
        .map(|code| Role::from_code(code.trim()).with_context(|| format!("unknown role `{code}`")))
        .collect::<anyhow::Result<Vec<_>>>()?;
    if args
        .language
        .as_deref()
        .is_some_and(|l| !app::i18n::LANGUAGES.contains(&l))
    {
        bail!("language must be `it` or `en`");
    }
    check_password(password, &[&email, &args.name])?;
    if production && password == app::auth::password::DEMO_PASSWORD {
        bail!("production mode refuses the demo password");
    }
    let hash = hash_password(password).map_err(|e| anyhow::anyhow!("hashing: {e}"))?;

    let txn = app::kernel::db::begin_write(db).await?;
    if users::Entity::find()
        .filter(users::Column::Email.eq(&email))
        .one(&txn)
        .await?
        .is_some()
    {
        bail!("a user with e-mail {email} already exists");
    }
    let organisation = match organisations::Entity::find()
        .filter(organisations::Column::Name.eq(args.organisation.trim()))
        .one(&txn)
        .await?
    {
        Some(organisation) => organisation,
        None => {
            let created = organisations::ActiveModel {
                name: Set(args.organisation.trim().to_string()),
                kind: Set(OrganisationKind::Coordination.code().to_string()),
                province: Set(None),
                region: Set("Piemonte".to_string()),
                active: Set(true),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            record(
                &txn,
                None,
                AuditEvent::new(None, "organisation.create", "organisation")
                    .object(created.id)
                    .detail("cli"),
            )
            .await?;
            created
        }
    };
    let kind = OrganisationKind::from_code(&organisation.kind).unwrap_or(OrganisationKind::Partner);
    if let Some(role) = roles.iter().find(|role| !kind.allows_role(**role)) {
        bail!(
            "the role `{}` is not allowed in {} ({})",
            role.code(),
            organisation.name,
            kind.code()
        );
    }
    let new_user = NewUser {
        email: email.clone(),
        display_name: args.name.trim().to_string(),
        password_hash: hash,
        organisation_id: organisation.id,
        language: args.language.clone(),
        roles,
    };
    let user = insert_user(&txn, new_user).await?;
    record(
        &txn,
        None,
        AuditEvent::new(None, "user.create", "user")
            .object(user.id)
            .detail("cli"),
    )
    .await?;
    txn.commit().await?;
    println!(
        "Created user {email} (id {}) in {}.",
        user.id, organisation.name
    );
    Ok(user.id)
}

pub async fn disable_user(db: &DatabaseConnection, email: &str) -> anyhow::Result<()> {
    let email = email.trim().to_lowercase();
    let txn = app::kernel::db::begin_write(db).await?;
    let Some(user) = users::Entity::find()
        .filter(users::Column::Email.eq(&email))
        .one(&txn)
        .await?
    else {
        bail!("no user with e-mail {email}");
    };
    let id = user.id;
    let ended = set_active_flag(&txn, id, false)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    record(
        &txn,
        None,
        AuditEvent::new(None, "user.disable", "user")
            .object(id)
            .detail(format!("cli sessions_ended={ended}")),
    )
    .await?;
    txn.commit().await?;
    println!("Disabled {email}; {ended} session(s) ended.");
    Ok(())
}
