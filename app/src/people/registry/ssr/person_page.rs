//! A person's page, as the reader may see it.

use super::*;

pub async fn person_page(ctx: &Ctx, code: &str) -> Result<PersonPage, AppError> {
    let user = ctx.user()?;
    let today = today();
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let person = find_person(&txn, code).await?;
        let Some(access) = access_to(&txn, user, &person).await? else {
            let error = refuse(&txn, ctx, "person.view", &person).await?;
            return Err(error);
        };
        let identity = open_identity(&txn, ctx, user, &person, access).await?;

        let in_charge_rows = organisations_in_charge(&txn, person.id).await?;
        let (in_charge, names) = in_charge_of(&txn, &in_charge_rows).await?;
        let team = access == PersonAccess::Identity;
        let manage = may_manage(&txn, user, &person).await?;
        let reads_judicial =
            manage && crate::path::judicial::ssr::may_read_judicial(&txn, user, &person).await?;
        let consents = consents_of(&txn, person.id).await?;
        let family_head = code_of(&txn, person.family_head_id).await?;
        let children = children_of(&txn, person.id).await?;
        let duplicate_of = code_of(&txn, person.duplicate_of).await?;
        let coming_of_age_in_days = coming_of_age_in_days(identity.as_ref(), today);

        // The team learns that a duplicate is possible, not where (`duplicates`).
        let possible_duplicate =
            team && crate::people::registry::duplicates::has_twin(&txn, &person).await?;
        let access_log = if team {
            access_log(&txn, &person.code, reads_judicial).await?
        } else {
            Vec::new()
        };
        let reference_choices = if manage {
            colleagues(&txn, user).await?
        } else {
            Vec::new()
        };
        let organisation_choices = if manage || user.is_network_wide() {
            implementing_bodies(&txn).await?
        } else {
            Vec::new()
        };
        let row = person_row(&person, &in_charge_rows, &names, today);
        let screenings = screenings_for(&txn, person.id).await?;
        let waiting = crate::people::waiting::ssr::open_entry_of(&txn, person.id).await?;
        Ok(PersonPage {
            person: row,
            access,
            identity,
            province: person.province,
            unaccompanied: person.unaccompanied,
            exit_outcome: person
                .exit_outcome
                .as_deref()
                .and_then(ExitOutcome::from_code),
            coming_of_age_in_days,
            family_head,
            children,
            in_charge,
            consents,
            possible_duplicate,
            duplicate_of,
            access_log,
            screenings,
            waiting,
            may_manage: manage && person.anonymised_at.is_none(),
            reads_judicial,
            is_coordinator: user.is_network_wide(),
            organisation_choices,
            reference_choices,
            own_reference: in_charge_rows
                .iter()
                .find(|row| row.organisation_id == user.organisation_id)
                .and_then(|row| row.reference_user_id),
        })
    }
    .await;
    ctx.finish_write(txn, result, person_event(ctx, "person.view", code))
        .await
}

/// Her identity when the reader may see it, with the audit row of this opening.
async fn open_identity<C: ConnectionTrait>(
    conn: &C,
    ctx: &Ctx,
    user: &CurrentUser,
    person: &people::Model,
    access: PersonAccess,
) -> Result<Option<Identity>, AppError> {
    let identity = match access {
        PersonAccess::Identity => person_identities::Entity::find_by_id(person.id)
            .one(conn)
            .await?
            .map(identity_from),
        PersonAccess::CodeOnly => None,
    };
    let action = if identity.is_some() {
        "person.identity.view"
    } else {
        "person.view"
    };
    record(
        conn,
        ctx.request_id(),
        AuditEvent::new(Some(user), action, "person").object(&person.code),
    )
    .await?;
    Ok(identity)
}

/// The organisations in charge of her with their reference operators, and the
/// organisations' names (the page's summary row needs them too).
async fn in_charge_of<C: ConnectionTrait>(
    conn: &C,
    in_charge_rows: &[person_organisations::Model],
) -> Result<(Vec<InCharge>, HashMap<i32, String>), AppError> {
    let names = organisation_names(conn, in_charge_rows.iter().map(|r| r.organisation_id)).await?;
    let references = user_names(
        conn,
        in_charge_rows.iter().filter_map(|r| r.reference_user_id),
    )
    .await?;
    let in_charge = in_charge_rows
        .iter()
        .map(|row| InCharge {
            organisation_id: row.organisation_id,
            organisation: names.get(&row.organisation_id).cloned().unwrap_or_default(),
            reference: row
                .reference_user_id
                .and_then(|id| references.get(&id).cloned()),
            since: row.since,
        })
        .collect();
    Ok((in_charge, names))
}

/// Her consents, newest first, each with the organisation it names.
async fn consents_of<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<Vec<ConsentRow>, AppError> {
    let consent_rows = consents::Entity::find()
        .filter(consents::Column::PersonId.eq(person_id))
        .order_by_desc(consents::Column::GivenOn)
        .order_by_desc(consents::Column::Id)
        .all(conn)
        .await?;
    let consent_names =
        organisation_names(conn, consent_rows.iter().filter_map(|c| c.organisation_id)).await?;
    Ok(consent_rows
        .into_iter()
        .map(|row| ConsentRow {
            id: row.id,
            kind: ConsentKind::from_stored(&row.kind, ConsentKind::Processing),
            organisation: row
                .organisation_id
                .and_then(|id| consent_names.get(&id).cloned()),
            given_on: row.given_on,
            withdrawn_on: row.withdrawn_on,
        })
        .collect())
}

/// The code of a linked record (family head, original of a duplicate), if any.
async fn code_of<C: ConnectionTrait>(
    conn: &C,
    person_id: Option<i32>,
) -> Result<Option<String>, AppError> {
    Ok(match person_id {
        Some(id) => people::Entity::find_by_id(id)
            .one(conn)
            .await?
            .map(|p| p.code),
        None => None,
    })
}

/// Codes of the records whose family head she is.
async fn children_of<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<Vec<String>, AppError> {
    Ok(people::Entity::find()
        .filter(people::Column::FamilyHeadId.eq(person_id))
        .order_by_asc(people::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|p| p.code)
        .collect())
}

/// Days to her 18th birthday, when that falls within the alert window.
fn coming_of_age_in_days(identity: Option<&Identity>, today: NaiveDate) -> Option<i64> {
    identity
        .and_then(|identity| identity.date_of_birth)
        .map(|birth| (eighteenth_birthday(birth) - today).num_days())
        .filter(|days| (0..=COMING_OF_AGE_ALERT_DAYS).contains(days))
}

/// Her screening interviews, with the names of the organisations that held them.
async fn screenings_for<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<Vec<crate::people::screening::model::ScreeningRow>, AppError> {
    let screening_orgs = organisation_names(
        conn,
        screenings::Entity::find()
            .filter(screenings::Column::PersonId.eq(person_id))
            .all(conn)
            .await?
            .into_iter()
            .map(|s| s.organisation_id),
    )
    .await?;
    crate::people::screening::ssr::screenings_of(conn, person_id, &screening_orgs).await
}

pub(super) async fn access_log<C: ConnectionTrait>(
    conn: &C,
    code: &str,
    reads_judicial: bool,
) -> Result<Vec<AccessLogRow>, AppError> {
    let mut query = audit_log::Entity::find()
        .filter(audit_log::Column::ObjectType.eq("person"))
        .filter(audit_log::Column::ObjectId.eq(code));
    if !reads_judicial {
        let prefix = crate::path::judicial::model::AUDIT_PREFIX;
        query = query.filter(audit_log::Column::Action.not_like(format!("{prefix}%")));
    }
    let rows = query
        .order_by_desc(audit_log::Column::Id)
        .limit(ACCESS_LOG_ROWS)
        .all(conn)
        .await?;
    let who = user_names(conn, rows.iter().filter_map(|r| r.actor_user_id)).await?;
    let orgs =
        organisation_names(conn, rows.iter().filter_map(|r| r.actor_organisation_id)).await?;
    Ok(rows
        .into_iter()
        .map(|row| AccessLogRow {
            occurred_at: row.occurred_at,
            who: row
                .actor_user_id
                .and_then(|id| who.get(&id).cloned())
                .unwrap_or_default(),
            organisation: row
                .actor_organisation_id
                .and_then(|id| orgs.get(&id).cloned())
                .unwrap_or_default(),
            action: row.action,
            outcome: row.outcome,
        })
        .collect())
}

/// Active front-line colleagues of the user's organisation.
pub(super) async fn colleagues<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
) -> Result<Vec<(i32, String)>, AppError> {
    Ok(users::Entity::find()
        .filter(users::Column::OrganisationId.eq(user.organisation_id))
        .filter(users::Column::Active.eq(true))
        .order_by_asc(users::Column::DisplayName)
        .all(conn)
        .await?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect())
}
