//! `anello user create` and `anello user disable`.

use std::io::BufRead;

use anyhow::{bail, Context};
use chrono::Utc;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use app::admin::model::{is_plausible_email, MIN_PASSWORD_LENGTH};
use app::admin::ssr::set_roles;
use app::audit::ssr::{record, AuditEvent};
use app::auth::model::{OrganisationKind, Role};
use app::auth::password::hash_password;
use app::auth::ssr::end_all_sessions;
use app::entity::{organisations, users};

use crate::config::CreateUserArgs;

fn read_password() -> anyhow::Result<String> {
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

pub async fn create_user(
    db: &DatabaseConnection,
    args: CreateUserArgs,
    production: bool,
) -> anyhow::Result<()> {
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
    let password = read_password()?;
    if password.chars().count() < MIN_PASSWORD_LENGTH {
        bail!("the password needs at least {MIN_PASSWORD_LENGTH} characters");
    }
    if production && password == app::demo::DEMO_PASSWORD {
        bail!("production mode refuses the demo password");
    }
    let hash = hash_password(&password).map_err(|e| anyhow::anyhow!("hashing: {e}"))?;

    let txn = app::db::begin_write(db).await?;
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
            organisations::ActiveModel {
                name: Set(args.organisation.trim().to_string()),
                kind: Set(OrganisationKind::Coordination.code().to_string()),
                province: Set(None),
                region: Set("Piemonte".to_string()),
                active: Set(true),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(&txn)
            .await?
        }
    };
    let now = Utc::now();
    let user = users::ActiveModel {
        email: Set(email.clone()),
        display_name: Set(args.name.trim().to_string()),
        password_hash: Set(hash),
        organisation_id: Set(organisation.id),
        language: Set(args.language.clone()),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    set_roles(&txn, user.id, &roles).await?;
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
    Ok(())
}

pub async fn disable_user(db: &DatabaseConnection, email: &str) -> anyhow::Result<()> {
    let email = email.trim().to_lowercase();
    let txn = app::db::begin_write(db).await?;
    let Some(user) = users::Entity::find()
        .filter(users::Column::Email.eq(&email))
        .one(&txn)
        .await?
    else {
        bail!("no user with e-mail {email}");
    };
    let id = user.id;
    let mut model: users::ActiveModel = user.into();
    model.active = Set(false);
    model.updated_at = Set(Utc::now());
    model.update(&txn).await?;
    let ended = end_all_sessions(&txn, id).await?;
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
