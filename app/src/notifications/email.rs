//! E-mail about notifications, for those who ask for it: each new notification as it
//! comes, a daily summary at 7:00 (Rome), or nothing (the default). The e-mail never
//! carries what a notification is about (a thread's title, a person's code): only how
//! many are waiting and a link to Anello, where the reader signs in to see them. Every
//! e-mail has a one-click unsubscribe link that needs no sign-in.
//!
//! Replicas share the work through the database: a notification or a day's summary is
//! claimed by an UPDATE that only one of them can win, before anything is sent.

use chrono::{DateTime, NaiveTime, TimeZone, Utc};
use chrono_tz::Europe::Rome;
use rand::RngCore;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ExprTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::model::{EmailMode, EmailSettings};
use crate::audit::ssr::{record, AuditEvent};
use crate::auth::ssr::Ctx;
use crate::entity::{notification_settings as settings, notifications, users};
use crate::kernel::error::AppError;

/// The hour of the daily summary, in the network's time zone.
pub const DIGEST_HOUR: u32 = 7;

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Her e-mail settings, written with the default (no e-mail) the first time.
pub async fn settings_of<C: ConnectionTrait>(
    conn: &C,
    user_id: i32,
) -> Result<settings::Model, AppError> {
    if let Some(found) = settings::Entity::find()
        .filter(settings::Column::UserId.eq(user_id))
        .one(conn)
        .await?
    {
        return Ok(found);
    }
    settings::Entity::insert(settings::ActiveModel {
        user_id: Set(user_id),
        email_mode: Set(EmailMode::Off.code().to_string()),
        unsubscribe_token: Set(new_token()),
        digest_sent_at: Set(None),
        updated_at: Set(Utc::now()),
        ..Default::default()
    })
    .on_conflict_do_nothing_on([settings::Column::UserId])
    .exec(conn)
    .await?;
    settings::Entity::find()
        .filter(settings::Column::UserId.eq(user_id))
        .one(conn)
        .await?
        .ok_or(AppError::Internal)
}

/// Her choice, and whether this server sends e-mail at all.
pub async fn settings_page(ctx: &Ctx) -> Result<EmailSettings, AppError> {
    let user = ctx.user()?;
    let row = settings_of(&ctx.db, user.id).await?;
    Ok(EmailSettings {
        mode: mode_of(&row),
        email_enabled: ctx.settings.mail_enabled,
        address: user.email.clone(),
        name: user.display_name.clone(),
    })
}

pub fn mode_of(row: &settings::Model) -> EmailMode {
    EmailMode::from_stored(&row.email_mode, EmailMode::Off)
}

pub async fn save_mode(ctx: &Ctx, mode: EmailMode) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = async {
        let row = settings_of(&txn, user.id).await?;
        let mut change: settings::ActiveModel = row.into();
        change.email_mode = Set(mode.code().to_string());
        change.updated_at = Set(Utc::now());
        // Only what arrives from now on is e-mailed: older notifications are not sent
        // in a burst when someone turns e-mail on.
        notifications::Entity::update_many()
            .col_expr(notifications::Column::EmailedAt, Expr::value(Utc::now()))
            .filter(notifications::Column::UserId.eq(user.id))
            .filter(notifications::Column::EmailedAt.is_null())
            .exec(&txn)
            .await?;
        change.update(&txn).await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "notifications.email", "user")
                .object(user.id)
                .detail(mode.code()),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("notifications.email", "user").object(user.id),
    )
    .await
}

/// The one-click unsubscribe of an e-mail: no sign-in, the token is the key. Answers
/// whether the token belonged to someone.
pub async fn unsubscribe(
    db: &DatabaseConnection,
    request_id: Option<&str>,
    token: &str,
) -> Result<bool, AppError> {
    let token = token.trim();
    if token.len() != 64 || !token.chars().all(|c| c.is_ascii_hexdigit()) {
        return Ok(false);
    }
    let txn = crate::kernel::db::begin_write(db).await?;
    let result: Result<_, AppError> = async {
        let Some(row) = settings::Entity::find()
            .filter(settings::Column::UnsubscribeToken.eq(token))
            .one(&txn)
            .await?
        else {
            return Ok(false);
        };
        let user_id = row.user_id;
        let mut change: settings::ActiveModel = row.into();
        change.email_mode = Set(EmailMode::Off.code().to_string());
        change.updated_at = Set(Utc::now());
        change.update(&txn).await?;
        record(
            &txn,
            request_id,
            AuditEvent::new(None, "notifications.unsubscribe", "user").object(user_id),
        )
        .await?;
        Ok(true)
    }
    .await;
    let refused = AuditEvent::new(None, "notifications.unsubscribe", "user");
    crate::audit::ssr::finish_write(db, txn, result, request_id, refused).await
}

/// An e-mail to send, already claimed.
#[derive(Clone, Debug)]
pub struct DueEmail {
    pub user_id: i32,
    pub address: String,
    pub name: String,
    pub language: String,
    pub count: usize,
    pub daily: bool,
    pub unsubscribe_token: String,
    /// What the claim changed, to undo it if the e-mail cannot be sent.
    claimed: Vec<i32>,
    previous_digest: Option<DateTime<Utc>>,
}

/// The start of today's summary window: 7:00 in Rome today, if that has passed.
fn digest_cutoff(now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let local = now.with_timezone(&Rome).date_naive();
    let at = local.and_time(NaiveTime::from_hms_opt(DIGEST_HOUR, 0, 0)?);
    let cutoff = Rome
        .from_local_datetime(&at)
        .earliest()?
        .with_timezone(&Utc);
    (now >= cutoff).then_some(cutoff)
}

/// Claims what is due at `now`: the new notifications of those who want each one, and
/// the day's summary of those who want one a day. Two replicas never claim the same.
pub async fn claim_due(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<Vec<DueEmail>, AppError> {
    let wanted = settings::Entity::find()
        .filter(settings::Column::EmailMode.ne(EmailMode::Off.code()))
        .order_by_asc(settings::Column::UserId)
        .all(db)
        .await?;
    let mut due = Vec::new();
    for row in wanted {
        let mode = mode_of(&row);
        let Some(user) = users::Entity::find_by_id(row.user_id).one(db).await? else {
            continue;
        };
        if !user.active {
            continue;
        }
        let txn = crate::kernel::db::begin_write(db).await?;
        let previous_digest = row.digest_sent_at;
        if mode == EmailMode::Daily {
            let Some(cutoff) = digest_cutoff(now) else {
                continue;
            };
            let won = settings::Entity::update_many()
                .col_expr(settings::Column::DigestSentAt, Expr::value(now))
                .filter(settings::Column::Id.eq(row.id))
                .filter(
                    settings::Column::DigestSentAt
                        .is_null()
                        .or(settings::Column::DigestSentAt.lt(cutoff)),
                )
                .exec(&txn)
                .await?
                .rows_affected;
            if won == 0 {
                txn.commit().await?;
                continue;
            }
        }
        let waiting: Vec<i32> = notifications::Entity::find()
            .select_only()
            .column(notifications::Column::Id)
            .filter(notifications::Column::UserId.eq(user.id))
            .filter(notifications::Column::EmailedAt.is_null())
            .filter(notifications::Column::ReadAt.is_null())
            .into_tuple()
            .all(&txn)
            .await?;
        let claimed = if waiting.is_empty() {
            Vec::new()
        } else {
            let taken = notifications::Entity::update_many()
                .col_expr(notifications::Column::EmailedAt, Expr::value(now))
                .filter(notifications::Column::Id.is_in(waiting.clone()))
                .filter(notifications::Column::EmailedAt.is_null())
                .exec(&txn)
                .await?
                .rows_affected;
            if taken as usize == waiting.len() {
                waiting
            } else {
                // Another replica took some of them: it sends them.
                txn.rollback().await?;
                continue;
            }
        };
        txn.commit().await?;
        if claimed.is_empty() {
            continue;
        }
        due.push(DueEmail {
            user_id: user.id,
            address: user.email.clone(),
            name: user.display_name.clone(),
            language: user.language.clone().unwrap_or_else(|| "it".to_string()),
            count: claimed.len(),
            daily: mode == EmailMode::Daily,
            unsubscribe_token: row.unsubscribe_token.clone(),
            claimed,
            previous_digest,
        });
    }
    Ok(due)
}

/// Gives back what an unsent e-mail had claimed, for the next round to try again.
pub async fn release(db: &DatabaseConnection, email: &DueEmail) -> Result<(), AppError> {
    let _turn = crate::kernel::db::single_write_turn(db).await?;
    notifications::Entity::update_many()
        .col_expr(
            notifications::Column::EmailedAt,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .filter(notifications::Column::Id.is_in(email.claimed.clone()))
        .exec(db)
        .await?;
    if email.daily {
        settings::Entity::update_many()
            .col_expr(
                settings::Column::DigestSentAt,
                Expr::value(email.previous_digest),
            )
            .filter(settings::Column::UserId.eq(email.user_id))
            .exec(db)
            .await?;
    }
    Ok(())
}

/// The subject and text of an e-mail, in her language: how many notifications wait, where
/// to read them, how to stop the e-mails. Nothing about what they say.
pub fn compose(email: &DueEmail, public_url: &str) -> (String, String) {
    use crate::i18n::translate_with;
    let count = email.count as i64;
    let language = email.language.as_str();
    let subject = translate_with(language, "email-subject", &[("count", count.into())]);
    let intro_key = if email.daily {
        "email-intro-daily"
    } else {
        "email-intro"
    };
    let greeting = translate_with(
        language,
        "email-greeting",
        &[("name", email.name.clone().into())],
    );
    let intro = translate_with(language, intro_key, &[("count", count.into())]);
    let read = translate_with(language, "email-read", &[]);
    let privacy = translate_with(language, "email-privacy", &[]);
    let stop = translate_with(language, "email-stop", &[]);
    let base = public_url.trim_end_matches('/');
    let body = format!(
        "{greeting}\n\n{intro}\n\n{read}\n{base}/notifiche\n\n{privacy}\n\n{stop}\n{}\n",
        unsubscribe_url(public_url, &email.unsubscribe_token)
    );
    (subject, body)
}

pub fn unsubscribe_url(public_url: &str, token: &str) -> String {
    format!(
        "{}/notifiche/disiscrizione/{token}",
        public_url.trim_end_matches('/')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_waits_for_seven_in_rome() {
        // 05:30 UTC is 06:30 in Rome in winter: not yet.
        let early = Utc.with_ymd_and_hms(2026, 12, 1, 5, 30, 0).unwrap();
        assert_eq!(digest_cutoff(early), None);
        let later = Utc.with_ymd_and_hms(2026, 12, 1, 6, 30, 0).unwrap();
        assert_eq!(
            digest_cutoff(later),
            Some(Utc.with_ymd_and_hms(2026, 12, 1, 6, 0, 0).unwrap())
        );
        // In summer Rome is two hours ahead.
        let summer = Utc.with_ymd_and_hms(2026, 7, 1, 5, 30, 0).unwrap();
        assert_eq!(
            digest_cutoff(summer),
            Some(Utc.with_ymd_and_hms(2026, 7, 1, 5, 0, 0).unwrap())
        );
    }
}
