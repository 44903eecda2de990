//! The sign-in limits, shared by every replica through the database.
//!
//! Three counts of failed attempts in a window decide: one account from one address
//! (the usual guessing: refused), one address over all accounts (spraying: refused),
//! and one account from anywhere (a distributed attack on one person). The last one
//! never refuses: it slows down sign-ins of that account from addresses it never signed
//! in from, and leaves alone those from an address it has used before, so a stranger who
//! types a colleague's e-mail from many places cannot lock her out.
//!
//! Accounts and addresses are kept as keyed hashes (HMAC with a key derived from the
//! server's identity key): the tables never hold an e-mail or an address, and the hashes
//! cannot be recomputed from a list of addresses without the key.

use chrono::{Duration, Utc};
use hmac::{Hmac, Mac};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, Set,
};
use sha2::Sha256;

use crate::entity::{known_sign_in_addresses, sign_in_attempts};
use crate::kernel::db::single_write_turn;
use crate::state::{IdentityKey, SignInLimits};

/// Attempts older than this are purged: no limit looks that far back.
pub const ATTEMPTS_KEPT_HOURS: i64 = 24;
/// An address unused for this long is no longer known.
pub const KNOWN_ADDRESS_DAYS: i64 = 90;

/// The keyed hash (hex) of an account (`kind` "account") or an address ("address").
pub fn throttle_key(identity_key: &IdentityKey, kind: &str, value: &str) -> String {
    // A key of its own for the throttle, derived from the identity key, so that these
    // hashes and the identity hashes of people never share a key.
    let mut derive = Hmac::<Sha256>::new_from_slice(identity_key.bytes())
        .expect("HMAC takes keys of any length");
    derive.update(b"anello sign-in throttle v1");
    let throttle_key = derive.finalize().into_bytes();
    let mut mac =
        Hmac::<Sha256>::new_from_slice(&throttle_key).expect("HMAC takes keys of any length");
    mac.update(kind.as_bytes());
    mac.update(b":");
    mac.update(value.as_bytes());
    mac.finalize()
        .into_bytes()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// What the limits say about one attempt.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    Go,
    /// Refused without looking at the password.
    Refuse,
    /// Looked at after this wait (milliseconds).
    SlowDown(u64),
}

/// The verdict for the attempt `attempt` (already recorded, so that parallel requests see
/// each other): the attempts up to it count, so of parallel requests the first ones go
/// on and the later ones are refused, deterministically.
pub async fn verdict(
    db: &DatabaseConnection,
    limits: &SignInLimits,
    attempt: &sign_in_attempts::Model,
) -> Result<Verdict, sea_orm::DbErr> {
    let since = Utc::now() - Duration::seconds(limits.window_secs);
    let failures = |account: Option<&str>, address: Option<&str>| {
        let mut query = sign_in_attempts::Entity::find()
            .filter(sign_in_attempts::Column::Id.lte(attempt.id))
            .filter(sign_in_attempts::Column::Succeeded.eq(false))
            .filter(sign_in_attempts::Column::AttemptedAt.gt(since));
        if let Some(account) = account {
            query = query.filter(sign_in_attempts::Column::AccountKey.eq(account));
        }
        if let Some(address) = address {
            query = query.filter(sign_in_attempts::Column::AddressKey.eq(address));
        }
        query.count(db)
    };
    let (account, address) = (attempt.account_key.as_str(), attempt.address_key.as_str());
    if failures(Some(account), Some(address)).await? > limits.per_account
        || failures(None, Some(address)).await? > limits.per_address
    {
        return Ok(Verdict::Refuse);
    }
    let anywhere = failures(Some(account), None).await?;
    if anywhere <= limits.per_account_anywhere || is_known(db, account, address).await? {
        return Ok(Verdict::Go);
    }
    let past = anywhere - limits.per_account_anywhere;
    Ok(Verdict::SlowDown(
        past.saturating_mul(limits.slowdown_step_ms)
            .min(limits.slowdown_max_ms),
    ))
}

/// A refused attempt is no failure of the password: it leaves no count behind.
pub async fn forget_attempt(
    db: &DatabaseConnection,
    attempt: &sign_in_attempts::Model,
) -> Result<(), sea_orm::DbErr> {
    let _turn = single_write_turn(db).await?;
    sign_in_attempts::Entity::delete_by_id(attempt.id)
        .exec(db)
        .await?;
    Ok(())
}

async fn is_known(
    db: &DatabaseConnection,
    account_key: &str,
    address_key: &str,
) -> Result<bool, sea_orm::DbErr> {
    let since = Utc::now() - Duration::days(KNOWN_ADDRESS_DAYS);
    Ok(known_sign_in_addresses::Entity::find()
        .filter(known_sign_in_addresses::Column::AccountKey.eq(account_key))
        .filter(known_sign_in_addresses::Column::AddressKey.eq(address_key))
        .filter(known_sign_in_addresses::Column::LastSignedInAt.gt(since))
        .count(db)
        .await?
        > 0)
}

/// Remembers (or renews) the address of a successful sign-in, in its transaction.
pub async fn remember_address<C: ConnectionTrait>(
    conn: &C,
    account_key: &str,
    address_key: &str,
) -> Result<(), sea_orm::DbErr> {
    known_sign_in_addresses::Entity::insert(known_sign_in_addresses::ActiveModel {
        account_key: Set(account_key.to_string()),
        address_key: Set(address_key.to_string()),
        last_signed_in_at: Set(Utc::now()),
    })
    .on_conflict(
        OnConflict::columns([
            known_sign_in_addresses::Column::AccountKey,
            known_sign_in_addresses::Column::AddressKey,
        ])
        .update_column(known_sign_in_addresses::Column::LastSignedInAt)
        .to_owned(),
    )
    .exec(conn)
    .await?;
    Ok(())
}

/// Deletes attempts older than a day and addresses unused for 90 days (the server's
/// periodic sweep calls it).
pub async fn purge(db: &DatabaseConnection) -> Result<(), sea_orm::DbErr> {
    let _turn = single_write_turn(db).await?;
    sign_in_attempts::Entity::delete_many()
        .filter(
            sign_in_attempts::Column::AttemptedAt
                .lt(Utc::now() - Duration::hours(ATTEMPTS_KEPT_HOURS)),
        )
        .exec(db)
        .await?;
    known_sign_in_addresses::Entity::delete_many()
        .filter(
            known_sign_in_addresses::Column::LastSignedInAt
                .lt(Utc::now() - Duration::days(KNOWN_ADDRESS_DAYS)),
        )
        .exec(db)
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_depend_on_the_server_secret_and_never_show_what_they_hash() {
        let one = IdentityKey::new("one secret of at least thirty-two bytes");
        let other = IdentityKey::new("another secret, thirty-two bytes or more");
        let key = throttle_key(&one, "address", "203.0.113.9");
        assert_eq!(key, throttle_key(&one, "address", "203.0.113.9"));
        assert_ne!(key, throttle_key(&other, "address", "203.0.113.9"));
        assert_ne!(key, throttle_key(&one, "account", "203.0.113.9"));
        assert_eq!(key.len(), 64);
        assert!(!key.contains("203"));
    }
}
