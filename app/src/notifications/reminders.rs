//! Reminders about the work itself, found by a round every replica runs
//! (`server::startup`, every few minutes): the reference operators of a person are told
//! when her planned exit has passed while she is still in her bed, when a bed held for
//! her will lapse within `HOLD_REMINDER_BEFORE`, and when she turns 18 within
//! `COMING_OF_AGE_NOTICE_DAYS`. Each reminder carries a key
//! (`notifications.reminder_key`) unique per user, so two replicas finding it at once
//! write it once; a new planned day or a renewed hold is a new key, and a new reminder.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};

use super::model::NotificationKind;
use super::ssr::remind;
use crate::entity::{beds, people, person_identities, person_organisations, placements, users};
use crate::kernel::error::AppError;

/// How often each replica looks for reminders due.
pub const ROUND: std::time::Duration = std::time::Duration::from_secs(300);

/// How long before a hold lapses its person's operators are told.
pub const HOLD_REMINDER_BEFORE: Duration = Duration::hours(2);

/// One round: the reminders due at `now` (today is Italy's day of `now`). Returns how many
/// were written; those written by an earlier round or another replica are not counted.
pub async fn send_reminders(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<usize, AppError> {
    let today = crate::kernel::when::day_in_italy(now);
    let mut written = 0;
    for (person_id, key) in overdue_exits(db, today).await? {
        written +=
            tell_operators(db, person_id, NotificationKind::PlannedExitOverdue, &key).await?;
    }
    for (person_id, key) in lapsing_holds(db, now).await? {
        written += tell_operators(db, person_id, NotificationKind::HoldLapsing, &key).await?;
    }
    for (person_id, key) in coming_of_age(db, today).await? {
        written += tell_operators(db, person_id, NotificationKind::ComingOfAge, &key).await?;
    }
    Ok(written)
}

/// Open stays whose planned exit day is before today, as (person, reminder key).
async fn overdue_exits<C: ConnectionTrait>(
    conn: &C,
    today: NaiveDate,
) -> Result<Vec<(i32, String)>, AppError> {
    Ok(placements::Entity::find()
        .filter(placements::Column::EndedOn.is_null())
        .filter(placements::Column::PlannedExitOn.lt(today))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|stay| {
            let planned = stay.planned_exit_on?;
            Some((stay.person_id, format!("exit:{}:{planned}", stay.id)))
        })
        .collect())
}

/// Beds held for someone until a time within `HOLD_REMINDER_BEFORE` of `now`.
async fn lapsing_holds<C: ConnectionTrait>(
    conn: &C,
    now: DateTime<Utc>,
) -> Result<Vec<(i32, String)>, AppError> {
    Ok(beds::Entity::find()
        .filter(beds::Column::HeldForPersonId.is_not_null())
        .filter(beds::Column::HeldUntil.gt(now))
        .filter(beds::Column::HeldUntil.lte(now + HOLD_REMINDER_BEFORE))
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|bed| {
            let person = bed.held_for_person_id?;
            let until = bed.held_until?.timestamp();
            Some((person, format!("hold:{}:{until}", bed.id)))
        })
        .collect())
}

/// Minors on the records (not anonymised) whose 18th birthday falls within the notice,
/// as (person, reminder key), told once.
async fn coming_of_age<C: ConnectionTrait>(
    conn: &C,
    today: NaiveDate,
) -> Result<Vec<(i32, String)>, AppError> {
    use crate::people::registry::model::{eighteenth_birthday, COMING_OF_AGE_NOTICE_DAYS};
    // Born between 18 years before today and 18 years before the notice's last day.
    let last = today + Duration::days(COMING_OF_AGE_NOTICE_DAYS);
    let born_from = today
        .checked_sub_months(chrono::Months::new(18 * 12))
        .unwrap_or(today);
    let born_to = last
        .checked_sub_months(chrono::Months::new(18 * 12))
        .unwrap_or(last);
    let identities = person_identities::Entity::find()
        .filter(person_identities::Column::DateOfBirth.gte(born_from - Duration::days(1)))
        .filter(person_identities::Column::DateOfBirth.lte(born_to + Duration::days(1)))
        .all(conn)
        .await?;
    Ok(identities
        .into_iter()
        .filter_map(|identity| {
            let birthday = eighteenth_birthday(identity.date_of_birth?);
            (today..=last).contains(&birthday).then(|| {
                (
                    identity.person_id,
                    // Once a person: the key holds no date of hers (it outlives anonymisation).
                    format!("adult:{}", identity.person_id),
                )
            })
        })
        .collect())
}

/// Writes the reminder for each active reference operator of the person, in one
/// transaction; returns how many were new.
async fn tell_operators(
    db: &DatabaseConnection,
    person_id: i32,
    kind: NotificationKind,
    key: &str,
) -> Result<usize, AppError> {
    let Some(person) = people::Entity::find_by_id(person_id).one(db).await? else {
        return Ok(0);
    };
    let operators: Vec<i32> = person_organisations::Entity::find()
        .filter(person_organisations::Column::PersonId.eq(person_id))
        .all(db)
        .await?
        .into_iter()
        .filter_map(|row| row.reference_user_id)
        .collect();
    if operators.is_empty() {
        return Ok(0);
    }
    let active = users::Entity::find()
        .filter(users::Column::Id.is_in(operators))
        .filter(users::Column::Active.eq(true))
        .all(db)
        .await?;
    let link = format!("/persone/{}", person.code);
    let txn = crate::kernel::db::begin_write(db).await?;
    let mut written = 0;
    for operator in active {
        if remind(&txn, operator.id, kind, &person.code, &link, key).await? {
            written += 1;
        }
    }
    txn.commit().await?;
    Ok(written)
}
