//! Database work of the contact log.

use chrono::{Duration, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::model::{Channel, ContactLog, ContactRow, ValidContact};
use crate::audit::ssr::{record, AuditEvent};
use crate::auth::model::CurrentUser;
use crate::auth::ssr::Ctx;
use crate::entity::contacts;
use crate::kernel::clock::today;
use crate::kernel::error::{AppError, Problem};
use crate::kernel::fields::{join_codes, parse_codes};
use crate::people::model::{AgeBand, Exploitation, Gender, Nationality};

pub const RECENT_CONTACTS: u64 = 20;

pub async fn log_contact(ctx: &Ctx, contact: ValidContact) -> Result<i32, AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        // Sent again from a phone (its answer lost on the way): the contact is there.
        if let Some(client_id) = &contact.client_id {
            if let Some(first) = contacts::Entity::find()
                .filter(contacts::Column::CreatedBy.eq(user.id))
                .filter(contacts::Column::ClientId.eq(client_id.as_str()))
                .one(&txn)
                .await?
            {
                record(
                    &txn,
                    ctx.request_id(),
                    AuditEvent::new(Some(user), "contact.resend", "contact").object(first.id),
                )
                .await?;
                return Ok(first.id);
            }
        }
        // A contact may name only a person the user's organisation has in charge; any other
        // code gets the same answer as a code that does not exist.
        let person = match &contact.person_code {
            None => None,
            Some(code) => {
                let person = crate::people::access::find_person(&txn, code)
                    .await
                    .map_err(|_| AppError::invalid("person_code", Problem::UnknownChoice))?;
                if !crate::people::access::may_manage(&txn, user, &person).await? {
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
            client_id: Set(contact.client_id.clone()),
            ..Default::default()
        }
        .insert(&txn)
        .await
        .map_err(|error| match error.sql_err() {
            // The same contact sent twice at once: the other sending stored it, and a
            // new try finds it.
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => AppError::Conflict {
                conflict: crate::kernel::error::Conflict::Stale,
            },
            _ => error.into(),
        })?;
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
        Ok(created.id)
    }
    .await;
    ctx.finish_write(txn, result, ctx.event("contact.create", "contact"))
        .await
}

/// The contact page for `user`: their organisation's recent contacts, or the whole
/// network's for the coordinator.
pub async fn contact_log(ctx: &Ctx, form_only: bool) -> Result<ContactLog, AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = contact_log_in(&txn, ctx, user, form_only).await;
    ctx.finish_write(txn, result, ctx.event("person.contact.list", "person"))
        .await
}

/// The page's data, read in the transaction that audits it: each person whose code the
/// list shows (a contact linked to her record) has the read in her access log.
async fn contact_log_in(
    db: &crate::kernel::db::WriteTransaction,
    ctx: &Ctx,
    user: &CurrentUser,
    form_only: bool,
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
    let shown = if form_only { 0 } else { RECENT_CONTACTS };
    let rows = scoped()
        .order_by_desc(contacts::Column::OccurredOn)
        .order_by_desc(contacts::Column::Id)
        .limit(shown)
        .all(db)
        .await?;
    let today = today();
    let week: Vec<contacts::Model> = if form_only {
        Vec::new()
    } else {
        scoped()
            .filter(contacts::Column::OccurredOn.gt(today - Duration::days(7)))
            .all(db)
            .await?
    };

    let default_channel = contacts::Entity::find()
        .filter(contacts::Column::CreatedBy.eq(user.id))
        .order_by_desc(contacts::Column::Id)
        .one(db)
        .await?
        .and_then(|row| Channel::from_code(&row.channel))
        .unwrap_or(Channel::StreetUnit);

    let organisation_names =
        crate::kernel::names::organisation_names(db, rows.iter().map(|row| row.organisation_id))
            .await?;
    let user_names =
        crate::kernel::names::user_names(db, rows.iter().map(|row| row.created_by)).await?;

    let person_codes =
        crate::people::access::person_codes(db, rows.iter().filter_map(|row| row.person_id))
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
            channel: Channel::from_stored(&row.channel, Channel::StreetUnit),
            province: row.province,
            area: row.area,
            gender: Gender::from_stored(&row.gender, Gender::Female),
            age_band: AgeBand::from_stored(&row.age_band, AgeBand::Unknown),
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

#[cfg(test)]
mod tests {
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

    use super::*;
    use crate::entity::audit_log;
    use crate::people::contacts::model::ContactForm;
    use crate::testing::databases;

    fn street_outing() -> ContactForm {
        ContactForm {
            occurred_on: today().to_string(),
            channel: "street_unit".into(),
            province: "TO".into(),
            gender: "female".into(),
            age_band: "18_24".into(),
            people_count: "3".into(),
            exploitation: [("sexual_street".to_string(), "on".to_string())].into(),
            ..ContactForm::default()
        }
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_contact_is_written_with_its_audit_row_and_names_only_her_teams_people() {
        for test in databases().await {
            let ctx = test.as_user("strada@anello.test").await;
            let valid = street_outing().validate(today()).unwrap();
            let id = log_contact(&ctx, valid).await.unwrap();
            let stored = contacts::Entity::find_by_id(id)
                .one(&ctx.db)
                .await
                .unwrap()
                .expect("the contact");
            assert_eq!(
                (stored.people_count, stored.exploitation.as_str()),
                (3, "sexual_street"),
                "{}",
                test.backend
            );
            let audited = audit_log::Entity::find()
                .filter(audit_log::Column::Action.eq("contact.create"))
                .filter(audit_log::Column::ObjectId.eq(id.to_string()))
                .count(&ctx.db)
                .await
                .unwrap();
            assert_eq!(audited, 1, "{}", test.backend);

            // A code her organisation does not have in charge gets the answer of a code
            // that does not exist, and nothing is written.
            let mut named = street_outing();
            named.people_count = "1".into();
            named.person_code = "TO-2026-9999".into();
            let refused = log_contact(&ctx, named.validate(today()).unwrap()).await;
            assert_eq!(
                refused.unwrap_err().problem_for("person_code"),
                Some(Problem::UnknownChoice),
                "{}",
                test.backend
            );
            assert_eq!(contacts::Entity::find().count(&ctx.db).await.unwrap(), 1);
            test.finish().await;
        }
    }
}
