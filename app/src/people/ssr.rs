//! Database work of the contact log.

use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::model::{
    join_codes, parse_codes, AgeBand, Channel, ContactLog, ContactRow, Exploitation, Gender,
    Nationality, ValidContact,
};
use crate::audit::ssr::{record, AuditEvent};
use crate::auth::model::CurrentUser;
use crate::auth::ssr::Ctx;
use crate::entity::contacts;
use crate::error::{AppError, Problem};

pub const RECENT_CONTACTS: u64 = 20;

/// Today in Italy: contacts are dated by the local calendar, not by UTC.
pub fn today() -> NaiveDate {
    Utc::now()
        .with_timezone(&chrono_tz::Europe::Rome)
        .date_naive()
}

pub async fn log_contact(ctx: &Ctx, contact: ValidContact) -> Result<i32, AppError> {
    let user = ctx.user()?;
    let txn = crate::db::begin_write(&ctx.db).await?;
    // A contact may name only a person the user's organisation has in charge; any other
    // code gets the same answer as a code that does not exist.
    let person = match &contact.person_code {
        None => None,
        Some(code) => {
            let person = crate::people::registry::ssr::find_person(&txn, code)
                .await
                .map_err(|_| AppError::invalid("person_code", Problem::UnknownChoice))?;
            if !crate::people::registry::ssr::may_manage(&txn, user, &person).await? {
                return Err(AppError::invalid("person_code", Problem::UnknownChoice));
            }
            Some(person)
        }
    };
    let created = contacts::ActiveModel {
        occurred_on: Set(contact.occurred_on),
        channel: Set(contact.channel.code().to_string()),
        province: Set(contact.province),
        area: Set(contact.area),
        gender: Set(contact.gender.code().to_string()),
        age_band: Set(contact.age_band.code().to_string()),
        minor: Set(contact.minor),
        nationality: Set(contact.nationality.map(|n| n.code().to_string())),
        exploitation: Set(join_codes(&contact.exploitation, Exploitation::code)),
        people_count: Set(contact.people_count),
        person_id: Set(person.as_ref().map(|p| p.id)),
        organisation_id: Set(user.organisation_id),
        created_by: Set(user.id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    record(
        &txn,
        ctx.request_id(),
        AuditEvent::new(Some(user), "contact.create", "contact")
            .object(created.id)
            .detail(format!("people={}", contact.people_count)),
    )
    .await?;
    if let Some(person) = &person {
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.contact.link", "person")
                .object(&person.code)
                .detail(format!("contact={}", created.id)),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(created.id)
}

/// The contact page for `user`: their organisation's recent contacts, or the whole
/// network's for the coordinator.
pub async fn contact_log(ctx: &Ctx) -> Result<ContactLog, AppError> {
    let user = ctx.user()?;
    let txn = crate::db::begin_write(&ctx.db).await?;
    let log = contact_log_in(&txn, ctx, user).await?;
    txn.commit().await?;
    Ok(log)
}

/// The page's data, read in the transaction that audits it: each person whose code the
/// list shows (a contact linked to her record) has the read in her access log.
async fn contact_log_in(
    db: &crate::db::WriteTransaction,
    ctx: &Ctx,
    user: &CurrentUser,
) -> Result<ContactLog, AppError> {
    let network_wide = user.is_network_wide();
    let scoped = || {
        let query = contacts::Entity::find();
        if network_wide {
            query
        } else {
            query.filter(contacts::Column::OrganisationId.eq(user.organisation_id))
        }
    };
    let rows = scoped()
        .order_by_desc(contacts::Column::OccurredOn)
        .order_by_desc(contacts::Column::Id)
        .limit(RECENT_CONTACTS)
        .all(db)
        .await?;
    let today = today();
    let week: Vec<contacts::Model> = scoped()
        .filter(contacts::Column::OccurredOn.gt(today - Duration::days(7)))
        .all(db)
        .await?;

    let default_channel = contacts::Entity::find()
        .filter(contacts::Column::CreatedBy.eq(user.id))
        .order_by_desc(contacts::Column::Id)
        .one(db)
        .await?
        .and_then(|row| Channel::from_code(&row.channel))
        .unwrap_or(Channel::StreetUnit);

    let organisation_names =
        crate::admin::ssr::organisation_names(db, rows.iter().map(|row| row.organisation_id))
            .await?;
    let user_names =
        crate::admin::ssr::user_names(db, rows.iter().map(|row| row.created_by)).await?;

    let person_codes =
        crate::people::registry::ssr::person_codes(db, rows.iter().filter_map(|row| row.person_id))
            .await?;
    for row in &rows {
        if let Some(code) = row.person_id.and_then(|id| person_codes.get(&id)) {
            record(
                db,
                ctx.request_id(),
                AuditEvent::new(Some(user), "person.contact.list", "person")
                    .object(code)
                    .detail(format!("contact={}", row.id)),
            )
            .await?;
        }
    }
    let recent = rows
        .into_iter()
        .map(|row| ContactRow {
            id: row.id,
            occurred_on: row.occurred_on,
            channel: Channel::from_code(&row.channel).unwrap_or(Channel::StreetUnit),
            province: row.province,
            area: row.area,
            gender: Gender::from_code(&row.gender).unwrap_or(Gender::Female),
            age_band: AgeBand::from_code(&row.age_band).unwrap_or(AgeBand::Unknown),
            minor: row.minor,
            nationality: row.nationality.as_deref().and_then(Nationality::from_code),
            exploitation: parse_codes(&row.exploitation, Exploitation::from_code),
            people_count: row.people_count,
            organisation: organisation_names
                .get(&row.organisation_id)
                .cloned()
                .unwrap_or_default(),
            logged_by: user_names.get(&row.created_by).cloned().unwrap_or_default(),
            person_code: row.person_id.and_then(|id| person_codes.get(&id).cloned()),
        })
        .collect();
    Ok(ContactLog {
        today,
        default_channel,
        default_province: user
            .organisation_province
            .clone()
            .unwrap_or_else(|| "TO".to_string()),
        recent,
        week_contacts: week.len() as u64,
        week_people: week.iter().map(|row| row.people_count.max(0) as u64).sum(),
        network_wide,
    })
}
