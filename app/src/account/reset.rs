//! A forgotten password, reset by e-mail when the network has an SMTP server:
//! - asking writes a link valid 30 minutes, at most three an hour per account, and answers
//!   the same whether or not the account exists (audited either way, never with the
//!   address typed);
//! - the e-mail round of any replica claims the link and sends it (`server::mail`);
//! - the link's token is a keyed hash of the row's random nonce, under a key derived from
//!   the identity key that only the replicas hold; the table keeps its SHA-256 only;
//! - using it sets the new password (the policy applies), ends every session and the
//!   administrator's "change it first", and cannot be used again.

use chrono::{DateTime, Duration, Utc};
use hmac::{Hmac, Mac};
use rand::RngCore;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set,
};
use sha2::{Digest, Sha256};

use crate::audit::model::Outcome;
use crate::audit::ssr::{record, AuditEvent};
use crate::auth::password::hash_password_off_thread;
use crate::auth::password_policy::new_password_problem;
use crate::auth::ssr::{end_all_sessions, normalise_email, Ctx};
use crate::entity::{password_resets, users};
use crate::kernel::error::{AppError, Conflict, Problem, Validation};
use crate::state::IdentityKey;

use super::model::PasswordChange;

pub use super::model::RESET_LINK_MINUTES;
/// At most this many links per account and hour: nobody fills a colleague's mailbox.
const RESETS_PER_HOUR: u64 = 3;

/// The token of a link: a keyed hash of its nonce, under a key of its own derived from
/// the identity key (as the sign-in throttle's is).
pub fn reset_token(identity_key: &IdentityKey, nonce: &str) -> String {
    let mut derive = Hmac::<Sha256>::new_from_slice(identity_key.bytes())
        .expect("HMAC takes keys of any length");
    derive.update(b"anello password reset v1");
    let key = derive.finalize().into_bytes();
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).expect("HMAC takes keys of any length");
    mac.update(nonce.as_bytes());
    hex(&mac.finalize().into_bytes())
}

/// What the table keeps of a token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.trim().as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Asks for a link for `email`. The answer is the same for every address; only an
/// active account of the network gets a link, and only three an hour.
pub async fn request_reset(ctx: &Ctx, email: &str) -> Result<(), AppError> {
    if !ctx.settings.mail_enabled {
        return Err(AppError::conflict(Conflict::MailNotConfigured));
    }
    let email = normalise_email(email);
    if email.is_empty() {
        return Err(AppError::invalid("email", Problem::Required));
    }
    let now = Utc::now();
    let user = users::Entity::find()
        .filter(users::Column::Email.eq(&email))
        .filter(users::Column::Active.eq(true))
        .one(&ctx.db)
        .await?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<(), AppError> = async {
        let event = AuditEvent::new(None, "auth.password.reset_request", "user");
        let Some(user) = user else {
            record(&txn, ctx.request_id(), event.detail("unknown_account")).await?;
            return Ok(());
        };
        let recent = password_resets::Entity::find()
            .filter(password_resets::Column::UserId.eq(user.id))
            .filter(password_resets::Column::CreatedAt.gt(now - Duration::hours(1)))
            .count(&txn)
            .await?;
        if recent >= RESETS_PER_HOUR {
            let event = event
                .object(user.id)
                .outcome(Outcome::Denied)
                .detail("throttled");
            record(&txn, ctx.request_id(), event).await?;
            return Ok(());
        }
        let mut bytes = [0u8; 16];
        rand::thread_rng().fill_bytes(&mut bytes);
        let nonce = hex(&bytes);
        let token = reset_token(&ctx.settings.identity_key, &nonce);
        password_resets::ActiveModel {
            user_id: Set(user.id),
            nonce: Set(nonce),
            token_hash: Set(token_hash(&token)),
            created_at: Set(now),
            expires_at: Set(now + Duration::minutes(RESET_LINK_MINUTES)),
            sent_at: Set(None),
            used_at: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        record(
            &txn,
            ctx.request_id(),
            event.object(user.id).detail("link_written"),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("auth.password.reset_request", "user"),
    )
    .await
}

/// Sets a new password with a link's token: once, within its 30 minutes.
pub async fn reset_password(ctx: &Ctx, token: &str, form: &PasswordChange) -> Result<(), AppError> {
    let now = Utc::now();
    let link = password_resets::Entity::find()
        .filter(password_resets::Column::TokenHash.eq(token_hash(token)))
        .filter(password_resets::Column::UsedAt.is_null())
        .filter(password_resets::Column::ExpiresAt.gt(now))
        .one(&ctx.db)
        .await?
        .ok_or(AppError::conflict(Conflict::ResetLinkInvalid))?;
    let user = users::Entity::find_by_id(link.user_id)
        .filter(users::Column::Active.eq(true))
        .one(&ctx.db)
        .await?
        .ok_or(AppError::conflict(Conflict::ResetLinkInvalid))?;
    let mut checks = Validation::default();
    if let Some(problem) = new_password_problem(&form.new, &[&user.email, &user.display_name]) {
        checks.add("new", problem);
    } else if form.new != form.repeat {
        checks.add("repeat", Problem::PasswordsDiffer);
    }
    checks.finish()?;
    let hash = hash_password_off_thread(&form.new).await.map_err(|error| {
        tracing::error!(%error, "password hashing failed");
        AppError::Internal
    })?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<(), AppError> = async {
        // Used once: the first of two simultaneous uses wins, the other finds it used.
        let claimed = password_resets::Entity::update_many()
            .col_expr(password_resets::Column::UsedAt, Expr::value(now))
            .filter(password_resets::Column::Id.eq(link.id))
            .filter(password_resets::Column::UsedAt.is_null())
            .exec(&txn)
            .await?
            .rows_affected;
        if claimed != 1 {
            return Err(AppError::conflict(Conflict::ResetLinkInvalid));
        }
        users::Entity::update(users::ActiveModel {
            id: Set(user.id),
            password_hash: Set(hash),
            must_change_password: Set(false),
            updated_at: Set(now),
            ..Default::default()
        })
        .exec(&txn)
        .await?;
        let ended = end_all_sessions(&txn, user.id).await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(None, "auth.password.reset", "user")
                .object(user.id)
                .detail(format!("sessions_ended={ended}")),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("auth.password.reset", "user").object(user.id),
    )
    .await
}

/// A link to send: to whom, in which language, and its token.
pub struct DueReset {
    pub id: i32,
    pub user_id: i32,
    pub address: String,
    pub name: String,
    pub language: String,
    pub token: String,
}

/// Claims the links not sent yet (each by one replica: an UPDATE only one can win).
pub async fn claim_due_resets(
    db: &DatabaseConnection,
    identity_key: &IdentityKey,
    now: DateTime<Utc>,
) -> Result<Vec<DueReset>, AppError> {
    let waiting = password_resets::Entity::find()
        .filter(password_resets::Column::SentAt.is_null())
        .filter(password_resets::Column::UsedAt.is_null())
        .filter(password_resets::Column::ExpiresAt.gt(now))
        .all(db)
        .await?;
    let mut due = Vec::new();
    for link in waiting {
        let turn = crate::kernel::db::single_write_turn(db).await?;
        let claimed = password_resets::Entity::update_many()
            .col_expr(password_resets::Column::SentAt, Expr::value(now))
            .filter(password_resets::Column::Id.eq(link.id))
            .filter(password_resets::Column::SentAt.is_null())
            .exec(db)
            .await?
            .rows_affected;
        drop(turn);
        if claimed != 1 {
            continue;
        }
        let Some(user) = users::Entity::find_by_id(link.user_id).one(db).await? else {
            continue;
        };
        due.push(DueReset {
            id: link.id,
            user_id: user.id,
            address: user.email,
            name: user.display_name,
            language: user.language.unwrap_or_else(|| "it".to_string()),
            token: reset_token(identity_key, &link.nonce),
        });
    }
    Ok(due)
}

/// Gives a link back to the next round when sending it failed.
pub async fn release_reset(db: &DatabaseConnection, id: i32) -> Result<(), AppError> {
    let _turn = crate::kernel::db::single_write_turn(db).await?;
    password_resets::Entity::update_many()
        .col_expr(
            password_resets::Column::SentAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(password_resets::Column::Id.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// The e-mail's subject and text, in her language.
pub fn compose_reset(due: &DueReset, public_url: &str) -> (String, String) {
    use crate::i18n::translate_with;
    let language = due.language.as_str();
    let link = format!(
        "{}/reimposta-password/{}",
        public_url.trim_end_matches('/'),
        due.token
    );
    let subject = translate_with(language, "reset-mail-subject", &[]);
    let text = translate_with(
        language,
        "reset-mail-text",
        &[
            ("name", due.name.clone().into()),
            ("link", link.into()),
            ("minutes", RESET_LINK_MINUTES.into()),
        ],
    );
    (subject, text)
}
