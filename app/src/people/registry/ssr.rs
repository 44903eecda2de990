//! Database work of the registry. Every function that reads or changes one person
//! decides the caller's access first (`access_to`) and writes its audit row in the same
//! transaction as the read or the change.

use std::collections::{HashMap, HashSet};

use chrono::{Datelike, Months, NaiveDate, Utc};
use hmac::{Hmac, Mac};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use sha2::Sha256;

use super::model::*;
use crate::admin::ssr::{organisation_names, user_names};
use crate::audit::model::Outcome;
use crate::audit::ssr::{record, AuditEvent};
use crate::auth::model::{CurrentUser, OrganisationKind, Role};
use crate::auth::ssr::Ctx;
use crate::entity::{
    audit_log, consents, organisations, path_events, people, person_identities,
    person_organisations, reference_handovers, screenings, users,
};
use crate::error::{AppError, Conflict, Problem, Validation};
use crate::people::model::{join_codes, parse_codes, Exploitation, Gender, Nationality};
use crate::people::ssr::today;
use crate::state::IdentityKey;

/// Roles that work with people directly; in an organisation in charge they see identities.
pub const TEAM_ROLES: &[Role] = &[
    Role::CaseWorker,
    Role::ReceptionManager,
    Role::OutreachWorker,
];

/// How many rows of the record's access log the team sees.
const ACCESS_LOG_ROWS: u64 = 50;

pub async fn find_person<C: ConnectionTrait>(
    conn: &C,
    code: &str,
) -> Result<people::Model, AppError> {
    people::Entity::find()
        .filter(people::Column::Code.eq(code.trim().to_uppercase()))
        .one(conn)
        .await?
        .ok_or(AppError::NotFound)
}

async fn organisations_in_charge<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<Vec<person_organisations::Model>, AppError> {
    Ok(person_organisations::Entity::find()
        .filter(person_organisations::Column::PersonId.eq(person_id))
        .order_by_asc(person_organisations::Column::Id)
        .all(conn)
        .await?)
}

async fn has_active_sharing_consent<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
    organisation_id: i32,
) -> Result<bool, AppError> {
    Ok(consents::Entity::find()
        .filter(consents::Column::PersonId.eq(person_id))
        .filter(consents::Column::Kind.eq(ConsentKind::Sharing.code()))
        .filter(consents::Column::OrganisationId.eq(organisation_id))
        .filter(consents::Column::WithdrawnOn.is_null())
        .count(conn)
        .await?
        > 0)
}

/// What `user` may see of `person`; None: nothing (403).
pub async fn access_to<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    person: &people::Model,
) -> Result<Option<PersonAccess>, AppError> {
    if user.has_any_role(TEAM_ROLES) {
        let in_charge = person_organisations::Entity::find()
            .filter(person_organisations::Column::PersonId.eq(person.id))
            .filter(person_organisations::Column::OrganisationId.eq(user.organisation_id))
            .count(conn)
            .await?
            > 0;
        if in_charge {
            return Ok(Some(PersonAccess::Identity));
        }
    }
    if user.is_network_wide() {
        // The coordinator follows every path; who the person is only with her consent.
        let consented = has_active_sharing_consent(conn, person.id, user.organisation_id).await?;
        return Ok(Some(if consented {
            PersonAccess::Identity
        } else {
            PersonAccess::CodeOnly
        }));
    }
    Ok(None)
}

/// A team member of an organisation in charge, with a front-line role: may change the record.
pub async fn may_manage<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    person: &people::Model,
) -> Result<bool, AppError> {
    Ok(user.has_any_role(TEAM_ROLES)
        && person_organisations::Entity::find()
            .filter(person_organisations::Column::PersonId.eq(person.id))
            .filter(person_organisations::Column::OrganisationId.eq(user.organisation_id))
            .count(conn)
            .await?
            > 0)
}

/// Refuses (403, audited in the same transaction) a caller who may not act on `person`.
pub async fn refuse<C: ConnectionTrait>(
    conn: &C,
    ctx: &Ctx,
    action: &str,
    person: &people::Model,
) -> Result<AppError, AppError> {
    record(
        conn,
        ctx.request_id(),
        AuditEvent::new(ctx.user.as_ref(), action, "person")
            .object(&person.code)
            .outcome(Outcome::Denied),
    )
    .await?;
    Ok(AppError::Forbidden)
}

/// What a refused change of the person behind `code` is audited as.
fn refused_change<'a>(ctx: &'a Ctx, action: &'a str, code: &str) -> AuditEvent<'a> {
    AuditEvent::new(ctx.user.as_ref(), action, "person").object(code.trim().to_uppercase())
}

/// Ends the transaction of a change of a person's data; a conflict is audited
/// (`audit::ssr::settle_change`).
pub async fn settle_person_change<T>(
    ctx: &Ctx,
    txn: crate::db::WriteTransaction,
    result: Result<T, AppError>,
    action: &str,
    code: &str,
) -> Result<T, AppError> {
    let refused = refused_change(ctx, action, code);
    crate::audit::ssr::settle_change(&ctx.db, txn, result, ctx.request_id(), refused).await
}

/// Audits a conflict of a change of a person's data that ended its own transaction
/// (`audit::ssr::trace_conflict`).
pub async fn trace_person_conflict<T>(
    ctx: &Ctx,
    action: &str,
    code: &str,
    result: Result<T, AppError>,
) -> Result<T, AppError> {
    let refused = refused_change(ctx, action, code);
    crate::audit::ssr::trace_conflict(&ctx.db, ctx.request_id(), refused, result).await
}

/// Writes one dated step of a person's path, in the transaction that changes her status:
/// the funder report reads past periods from these steps, not from `people.status`.
pub async fn record_path_step<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
    status: PathStatus,
    exit_outcome: Option<ExitOutcome>,
    on: NaiveDate,
    user: Option<&CurrentUser>,
) -> Result<(), sea_orm::DbErr> {
    path_events::ActiveModel {
        person_id: Set(person_id),
        status: Set(status.code().to_string()),
        exit_outcome: Set(exit_outcome.map(|o| o.code().to_string())),
        on_date: Set(on),
        organisation_id: Set(user.map(|u| u.organisation_id)),
        recorded_by: Set(user.map(|u| u.id)),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// The keyed hash of a person's normalised identity (hex), or None without enough fields.
pub fn identity_hash(key: &IdentityKey, identity: &Identity) -> Option<String> {
    let normalised = normalised_identity(identity)?;
    let mut mac = Hmac::<Sha256>::new_from_slice(key.bytes()).ok()?;
    mac.update(normalised.as_bytes());
    let digest = mac.finalize().into_bytes();
    Some(digest.iter().map(|b| format!("{b:02x}")).collect())
}

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

/// Minor on `today`, from what the pseudonymous record holds (month of birth). In the
/// month of the 18th birthday the person still counts as a minor: lists err on the side
/// of protection; the team's page has the exact date.
pub fn minor_from_record(person: &people::Model, today: NaiveDate) -> bool {
    match person.birth_month {
        Some(month) => month >= first_of_month(adulthood_threshold(today)),
        None => person.declared_minor,
    }
}

fn adulthood_threshold(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(Months::new(18 * 12))
        .unwrap_or(today)
}

fn age_from_record(person: &people::Model, today: NaiveDate) -> Option<i32> {
    person.birth_month.map(|month| age_on(month, today).max(0))
}

/// Network codes of people by id (the pseudonymous handle every list shows).
pub async fn person_codes<C: ConnectionTrait>(
    conn: &C,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    let ids: Vec<i32> = ids
        .into_iter()
        .collect::<HashSet<_>>()
        .into_iter()
        .collect();
    Ok(people::Entity::find()
        .filter(people::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p.code))
        .collect())
}

fn person_row(
    person: &people::Model,
    in_charge: &[person_organisations::Model],
    names: &HashMap<i32, String>,
    today: NaiveDate,
) -> PersonRow {
    PersonRow {
        code: person.code.clone(),
        status: PathStatus::from_code(&person.status).unwrap_or(PathStatus::Contact),
        gender: Gender::from_code(&person.gender).unwrap_or(Gender::Female),
        age: age_from_record(person, today),
        minor: minor_from_record(person, today),
        exploitation: parse_codes(&person.exploitation, Exploitation::from_code),
        organisations: in_charge
            .iter()
            .filter(|row| row.person_id == person.id)
            .filter_map(|row| names.get(&row.organisation_id).cloned())
            .collect(),
        registered_on: person.created_at.date_naive(),
        anonymised: person.anonymised_at.is_some(),
    }
}

/// The pseudonymous line of one person (for pages about her that are not her record).
pub async fn person_row_of<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
) -> Result<PersonRow, AppError> {
    let in_charge = organisations_in_charge(conn, person.id).await?;
    let names = organisation_names(conn, in_charge.iter().map(|r| r.organisation_id)).await?;
    Ok(person_row(person, &in_charge, &names, today()))
}

// ---------------------------------------------------------------- registration

pub async fn register_person(ctx: &Ctx, person: ValidPerson) -> Result<String, AppError> {
    let user = ctx.user()?;
    let today = today();
    let hash = identity_hash(&ctx.settings.identity_key, &person.identity);
    let txn = crate::db::begin_write(&ctx.db).await?;
    let family_head_id = match &person.family_head {
        None => None,
        Some(code) => {
            let head = find_person(&txn, code)
                .await
                .map_err(|_| AppError::invalid("family_head", Problem::UnknownChoice))?;
            if !may_manage(&txn, user, &head).await? {
                return Err(AppError::invalid("family_head", Problem::UnknownChoice));
            }
            Some(head.id)
        }
    };
    let number = super::numbers::take_numbers(&txn, &person.province, today.year(), 1).await?;
    let code = network_code(&person.province, today.year(), number);
    let now = Utc::now();
    let created = people::ActiveModel {
        code: Set(code.clone()),
        province: Set(person.province.clone()),
        year: Set(today.year()),
        number: Set(number),
        gender: Set(person.gender.code().to_string()),
        birth_month: Set(person.identity.date_of_birth.map(first_of_month)),
        declared_minor: Set(person.declared_minor),
        unaccompanied: Set(person.unaccompanied),
        exploitation: Set(join_codes(&person.exploitation, Exploitation::code)),
        status: Set(PathStatus::Contact.code().to_string()),
        exit_outcome: Set(None),
        family_head_id: Set(family_head_id),
        identity_hash: Set(hash.clone()),
        duplicate_of: Set(None),
        registered_by_organisation: Set(user.organisation_id),
        created_by: Set(user.id),
        created_at: Set(now),
        updated_at: Set(now),
        anonymised_at: Set(None),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    record_path_step(
        &txn,
        created.id,
        PathStatus::Contact,
        None,
        today,
        Some(user),
    )
    .await?;
    identity_model(created.id, &person.identity)
        .insert(&txn)
        .await?;
    person_organisations::ActiveModel {
        person_id: Set(created.id),
        organisation_id: Set(user.organisation_id),
        reference_user_id: Set(Some(user.id)),
        since: Set(today),
        added_by: Set(user.id),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    if person.consent_processing {
        consents::ActiveModel {
            person_id: Set(created.id),
            kind: Set(ConsentKind::Processing.code().to_string()),
            organisation_id: Set(None),
            given_on: Set(today),
            withdrawn_on: Set(None),
            recorded_by: Set(user.id),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
    }
    super::duplicates::tell_coordination_of_twin(&txn, &created, None).await?;
    record(
        &txn,
        ctx.request_id(),
        AuditEvent::new(Some(user), "person.create", "person").object(&code),
    )
    .await?;
    txn.commit().await?;
    Ok(code)
}

fn identity_model(person_id: i32, identity: &Identity) -> person_identities::ActiveModel {
    person_identities::ActiveModel {
        person_id: Set(person_id),
        given_names: Set(identity.given_names.clone()),
        family_name: Set(identity.family_name.clone()),
        aliases: Set(identity.aliases.clone()),
        date_of_birth: Set(identity.date_of_birth),
        nationality: Set(identity.nationality.map(|n| n.code().to_string())),
        languages: Set(identity.languages.clone()),
        documents: Set(identity.documents.clone()),
        phone: Set(identity.phone.clone()),
        guardian: Set(identity.guardian.clone()),
        updated_at: Set(Utc::now()),
    }
}

pub fn identity_from(row: person_identities::Model) -> Identity {
    Identity {
        given_names: row.given_names,
        family_name: row.family_name,
        aliases: row.aliases,
        date_of_birth: row.date_of_birth,
        nationality: row.nationality.as_deref().and_then(Nationality::from_code),
        languages: row.languages,
        documents: row.documents,
        phone: row.phone,
        guardian: row.guardian,
    }
}

// ---------------------------------------------------------------- list

pub async fn list_people(
    db: &DatabaseConnection,
    ctx: &Ctx,
    filter: &PeopleFilter,
) -> Result<PeopleList, AppError> {
    let user = ctx.user()?;
    let today = today();
    let mut condition = Condition::all();
    if !user.is_network_wide() {
        // Only the people the user's organisation has in charge.
        condition = condition.add(
            people::Column::Id.in_subquery(
                Query::select()
                    .column(person_organisations::Column::PersonId)
                    .from(person_organisations::Entity)
                    .and_where(
                        person_organisations::Column::OrganisationId.eq(user.organisation_id),
                    )
                    .to_owned(),
            ),
        );
    }
    let code = crate::people::model::search_text("code", &filter.code)?.to_uppercase();
    if !code.is_empty() {
        condition = condition.add(people::Column::Code.contains(&code));
    }
    if let Some(status) = PathStatus::from_code(filter.status.trim()) {
        condition = condition.add(people::Column::Status.eq(status.code()));
    }
    if let Some(kind) = Exploitation::from_code(filter.exploitation.trim()) {
        // No code is a substring of another, so a LIKE on the joined list is exact.
        condition = condition.add(people::Column::Exploitation.contains(kind.code()));
    }
    if let Ok(organisation_id) = filter.organisation.trim().parse::<i32>() {
        condition = condition.add(
            people::Column::Id.in_subquery(
                Query::select()
                    .column(person_organisations::Column::PersonId)
                    .from(person_organisations::Entity)
                    .and_where(person_organisations::Column::OrganisationId.eq(organisation_id))
                    .to_owned(),
            ),
        );
    }
    let threshold = first_of_month(adulthood_threshold(today));
    match filter.age.trim() {
        "minor" => {
            condition = condition.add(
                Condition::any()
                    .add(people::Column::BirthMonth.gte(threshold))
                    .add(
                        Condition::all()
                            .add(people::Column::BirthMonth.is_null())
                            .add(people::Column::DeclaredMinor.eq(true)),
                    ),
            )
        }
        "adult" => {
            condition = condition.add(
                Condition::any()
                    .add(people::Column::BirthMonth.lt(threshold))
                    .add(
                        Condition::all()
                            .add(people::Column::BirthMonth.is_null())
                            .add(people::Column::DeclaredMinor.eq(false)),
                    ),
            )
        }
        _ => {}
    }
    let page = filter.page.trim().parse::<u64>().unwrap_or(1).max(1);
    let paginator = people::Entity::find()
        .filter(condition)
        .order_by_desc(people::Column::CreatedAt)
        .order_by_desc(people::Column::Id)
        .paginate(db, PEOPLE_PAGE_SIZE);
    let counts = paginator.num_items_and_pages().await?;
    // A page past the last shows the last (a huge number would overflow the offset).
    let page = page.min(counts.number_of_pages.max(1));
    let found = paginator.fetch_page(page - 1).await?;
    let ids: Vec<i32> = found.iter().map(|p| p.id).collect();
    let in_charge = person_organisations::Entity::find()
        .filter(person_organisations::Column::PersonId.is_in(ids))
        .all(db)
        .await?;
    let names = organisation_names(db, in_charge.iter().map(|row| row.organisation_id)).await?;
    let rows: Vec<PersonRow> = found
        .iter()
        .map(|person| person_row(person, &in_charge, &names, today))
        .collect();
    record(
        db,
        ctx.request_id(),
        AuditEvent::new(Some(user), "people.list", "person")
            .detail(format!("page={page} rows={}", rows.len())),
    )
    .await?;
    Ok(PeopleList {
        rows,
        total: counts.number_of_items,
        page,
        pages: counts.number_of_pages.max(1),
        organisations: implementing_bodies(db).await?,
        may_register: user.has_any_role(TEAM_ROLES),
        may_link_duplicates: user.is_network_wide(),
    })
}

async fn implementing_bodies<C: ConnectionTrait>(conn: &C) -> Result<Vec<(i32, String)>, AppError> {
    Ok(organisations::Entity::find()
        .filter(organisations::Column::Kind.is_in([
            OrganisationKind::ImplementingBody.code(),
            OrganisationKind::Coordination.code(),
        ]))
        .filter(organisations::Column::Active.eq(true))
        .order_by_asc(organisations::Column::Name)
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect())
}

// ---------------------------------------------------------------- the person page

pub async fn person_page(ctx: &Ctx, code: &str) -> Result<PersonPage, AppError> {
    let user = ctx.user()?;
    let today = today();
    let txn = crate::db::begin_write(&ctx.db).await?;
    let person = find_person(&txn, code).await?;
    let Some(access) = access_to(&txn, user, &person).await? else {
        let error = refuse(&txn, ctx, "person.view", &person).await?;
        txn.commit().await?;
        return Err(error);
    };
    let identity = match access {
        PersonAccess::Identity => person_identities::Entity::find_by_id(person.id)
            .one(&txn)
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
        &txn,
        ctx.request_id(),
        AuditEvent::new(Some(user), action, "person").object(&person.code),
    )
    .await?;

    let in_charge_rows = organisations_in_charge(&txn, person.id).await?;
    let names = organisation_names(&txn, in_charge_rows.iter().map(|r| r.organisation_id)).await?;
    let references = user_names(
        &txn,
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
    let team = access == PersonAccess::Identity;
    let manage = may_manage(&txn, user, &person).await?;

    let consent_rows = consents::Entity::find()
        .filter(consents::Column::PersonId.eq(person.id))
        .order_by_desc(consents::Column::GivenOn)
        .order_by_desc(consents::Column::Id)
        .all(&txn)
        .await?;
    let consent_names =
        organisation_names(&txn, consent_rows.iter().filter_map(|c| c.organisation_id)).await?;
    let consents = consent_rows
        .into_iter()
        .map(|row| ConsentRow {
            id: row.id,
            kind: ConsentKind::from_code(&row.kind).unwrap_or(ConsentKind::Processing),
            organisation: row
                .organisation_id
                .and_then(|id| consent_names.get(&id).cloned()),
            given_on: row.given_on,
            withdrawn_on: row.withdrawn_on,
        })
        .collect();

    let family_head = match person.family_head_id {
        Some(id) => people::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .map(|p| p.code),
        None => None,
    };
    let children = people::Entity::find()
        .filter(people::Column::FamilyHeadId.eq(person.id))
        .order_by_asc(people::Column::Id)
        .all(&txn)
        .await?
        .into_iter()
        .map(|p| p.code)
        .collect();
    let duplicate_of = match person.duplicate_of {
        Some(id) => people::Entity::find_by_id(id)
            .one(&txn)
            .await?
            .map(|p| p.code),
        None => None,
    };

    let coming_of_age_in_days = identity
        .as_ref()
        .and_then(|identity| identity.date_of_birth)
        .map(|birth| (eighteenth_birthday(birth) - today).num_days())
        .filter(|days| (0..=COMING_OF_AGE_ALERT_DAYS).contains(days));

    // The team learns that a duplicate is possible, not where (`duplicates`).
    let possible_duplicate = team && super::duplicates::has_twin(&txn, &person).await?;
    let access_log = if team {
        access_log(&txn, &person.code).await?
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
    let screening_orgs = organisation_names(
        &txn,
        screenings::Entity::find()
            .filter(screenings::Column::PersonId.eq(person.id))
            .all(&txn)
            .await?
            .into_iter()
            .map(|s| s.organisation_id),
    )
    .await?;
    let screenings =
        crate::people::screening::ssr::screenings_of(&txn, person.id, &screening_orgs).await?;
    let waiting = crate::people::waiting::ssr::open_entry_of(&txn, person.id).await?;
    txn.commit().await?;
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
        is_coordinator: user.is_network_wide(),
        organisation_choices,
        reference_choices,
        own_reference: in_charge_rows
            .iter()
            .find(|row| row.organisation_id == user.organisation_id)
            .and_then(|row| row.reference_user_id),
    })
}

async fn access_log<C: ConnectionTrait>(
    conn: &C,
    code: &str,
) -> Result<Vec<AccessLogRow>, AppError> {
    let rows = audit_log::Entity::find()
        .filter(audit_log::Column::ObjectType.eq("person"))
        .filter(audit_log::Column::ObjectId.eq(code))
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
async fn colleagues<C: ConnectionTrait>(
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

// ---------------------------------------------------------------- duplicates

/// Groups of records with the same keyed hash that are not all linked yet. The hash
/// itself never leaves the server.
pub async fn duplicate_groups(ctx: &Ctx) -> Result<Vec<DuplicateGroup>, AppError> {
    let user = ctx.user()?;
    let candidates = people::Entity::find()
        .filter(people::Column::IdentityHash.is_not_null())
        .filter(people::Column::AnonymisedAt.is_null())
        .order_by_asc(people::Column::Id)
        .all(&ctx.db)
        .await?;
    let mut by_hash: HashMap<String, Vec<people::Model>> = HashMap::new();
    for person in candidates {
        if let Some(hash) = person.identity_hash.clone() {
            by_hash.entry(hash).or_default().push(person);
        }
    }
    let codes: HashMap<i32, String> = by_hash
        .values()
        .flatten()
        .map(|p| (p.id, p.code.clone()))
        .collect();
    let names = organisation_names(
        &ctx.db,
        by_hash
            .values()
            .flatten()
            .map(|p| p.registered_by_organisation),
    )
    .await?;
    let mut groups: Vec<DuplicateGroup> = by_hash
        .into_values()
        .filter(|records| records.len() > 1)
        .filter(|records| records.iter().filter(|p| p.duplicate_of.is_none()).count() > 1)
        .map(|records| DuplicateGroup {
            records: records
                .into_iter()
                .map(|p| DuplicateRecord {
                    code: p.code.clone(),
                    organisation: names
                        .get(&p.registered_by_organisation)
                        .cloned()
                        .unwrap_or_default(),
                    registered_on: p.created_at.date_naive(),
                    status: PathStatus::from_code(&p.status).unwrap_or(PathStatus::Contact),
                    linked_to: p.duplicate_of.and_then(|id| codes.get(&id).cloned()),
                })
                .collect(),
        })
        .collect();
    groups.sort_by(|a, b| a.records[0].code.cmp(&b.records[0].code));
    record(
        &ctx.db,
        ctx.request_id(),
        AuditEvent::new(Some(user), "people.duplicates", "person")
            .detail(format!("groups={}", groups.len())),
    )
    .await?;
    Ok(groups)
}

/// The coordinator links a newer record to the earlier one of the same person. Both
/// records keep their teams; the link is shown on both pages and audited on both.
pub async fn link_duplicate(ctx: &Ctx, code: &str, earlier_code: &str) -> Result<(), AppError> {
    let result = link_duplicate_untraced(ctx, code, earlier_code).await;
    trace_person_conflict(ctx, "person.duplicate.link", code, result).await
}

async fn link_duplicate_untraced(
    ctx: &Ctx,
    code: &str,
    earlier_code: &str,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::db::begin_write(&ctx.db).await?;
    let newer = find_person(&txn, code).await?;
    let earlier = find_person(&txn, earlier_code)
        .await
        .map_err(|_| AppError::invalid("earlier", Problem::UnknownChoice))?;
    if newer.id == earlier.id
        || newer.duplicate_of.is_some()
        || earlier.duplicate_of == Some(newer.id)
    {
        return Err(AppError::Conflict {
            conflict: Conflict::AlreadyLinked,
        });
    }
    // Only records the hash says are the same person: the coordinator does not merge
    // arbitrary records.
    if newer.identity_hash.is_none() || newer.identity_hash != earlier.identity_hash {
        return Err(AppError::invalid("earlier", Problem::UnknownChoice));
    }
    let (newer_code, earlier_code) = (newer.code.clone(), earlier.code.clone());
    let mut update: people::ActiveModel = newer.into();
    update.duplicate_of = Set(Some(earlier.id));
    update.updated_at = Set(Utc::now());
    update.update(&txn).await?;
    for (object, other) in [(&newer_code, &earlier_code), (&earlier_code, &newer_code)] {
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.duplicate.link", "person")
                .object(object)
                .detail(format!("with={other}")),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

// ---------------------------------------------------------------- changes

/// Loads the person for a change by the team; refuses others (403, audited) and
/// anonymised records (409).
pub async fn person_for_change<C: ConnectionTrait>(
    conn: &C,
    ctx: &Ctx,
    code: &str,
    action: &str,
) -> Result<people::Model, AppError> {
    let user = ctx.user()?;
    let person = find_person(conn, code).await?;
    if !may_manage(conn, user, &person).await? {
        return Err(refuse(conn, ctx, action, &person).await?);
    }
    if person.anonymised_at.is_some() {
        return Err(AppError::Conflict {
            conflict: Conflict::Anonymised,
        });
    }
    Ok(person)
}

pub async fn save_identity(ctx: &Ctx, code: &str, person: ValidPerson) -> Result<(), AppError> {
    let user = ctx.user()?;
    let hash = identity_hash(&ctx.settings.identity_key, &person.identity);
    let txn = crate::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let existing = person_for_change(&txn, ctx, code, "person.identity.update").await?;
        super::duplicates::check_identity_edit_rate(&txn, user).await?;
        let row = identity_model(existing.id, &person.identity);
        let exists = person_identities::Entity::find_by_id(existing.id)
            .one(&txn)
            .await?
            .is_some();
        if exists {
            row.update(&txn).await?;
        } else {
            row.insert(&txn).await?;
        }
        let mut update: people::ActiveModel = existing.clone().into();
        update.gender = Set(person.gender.code().to_string());
        update.birth_month = Set(person.identity.date_of_birth.map(first_of_month));
        update.declared_minor = Set(person.declared_minor);
        update.unaccompanied = Set(person.unaccompanied);
        update.identity_hash = Set(hash.clone());
        update.updated_at = Set(Utc::now());
        let updated = update.update(&txn).await?;
        super::duplicates::tell_coordination_of_twin(
            &txn,
            &updated,
            existing.identity_hash.as_deref(),
        )
        .await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.identity.update", "person").object(&existing.code),
        )
        .await?;
        Ok(())
    }
    .await;
    settle_person_change(ctx, txn, result, "person.identity.update", code).await
}

pub async fn save_path(
    ctx: &Ctx,
    code: &str,
    status: PathStatus,
    exit_outcome: Option<ExitOutcome>,
    exploitation: Vec<Exploitation>,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let existing = person_for_change(&txn, ctx, code, "person.path.update").await?;
        let before = existing.status.clone();
        let outcome_before = existing.exit_outcome.clone();
        let mut update: people::ActiveModel = existing.clone().into();
        update.status = Set(status.code().to_string());
        update.exit_outcome = Set(exit_outcome.map(|o| o.code().to_string()));
        update.exploitation = Set(join_codes(&exploitation, Exploitation::code));
        update.updated_at = Set(Utc::now());
        update.update(&txn).await?;
        let outcome_code = exit_outcome.map(|o| o.code().to_string());
        if before != status.code() || outcome_before != outcome_code {
            record_path_step(&txn, existing.id, status, exit_outcome, today(), Some(user)).await?;
        }
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.path.update", "person")
                .object(&existing.code)
                .detail(format!("status={before}->{}", status.code())),
        )
        .await?;
        Ok(())
    }
    .await;
    settle_person_change(ctx, txn, result, "person.path.update", code).await
}

pub async fn add_organisation(ctx: &Ctx, code: &str, form: &InChargeForm) -> Result<(), AppError> {
    let result = add_organisation_untraced(ctx, code, form).await;
    trace_person_conflict(ctx, "person.organisation.add", code, result).await
}

async fn add_organisation_untraced(
    ctx: &Ctx,
    code: &str,
    form: &InChargeForm,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let mut checks = Validation::default();
    let organisation_id = parse_id("organisation_id", &form.organisation_id, &mut checks);
    let reason = form
        .override_reason
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if reason.chars().count() > 300 {
        checks.add("override_reason", Problem::TooLong);
    }
    checks.finish()?;
    let organisation_id = organisation_id.unwrap_or_default();
    let txn = crate::db::begin_write(&ctx.db).await?;
    let person = find_person(&txn, code).await?;
    let team = may_manage(&txn, user, &person).await?;
    if !team && !user.is_network_wide() {
        let error = refuse(&txn, ctx, "person.organisation.add", &person).await?;
        txn.commit().await?;
        return Err(error);
    }
    if person.anonymised_at.is_some() {
        return Err(AppError::Conflict {
            conflict: Conflict::Anonymised,
        });
    }
    let organisation = organisations::Entity::find_by_id(organisation_id)
        .one(&txn)
        .await?
        .filter(|o| o.active && o.kind != OrganisationKind::Partner.code())
        .ok_or_else(|| AppError::invalid("organisation_id", Problem::UnknownChoice))?;
    if organisations_in_charge(&txn, person.id)
        .await?
        .iter()
        .any(|row| row.organisation_id == organisation.id)
    {
        return Err(AppError::Conflict {
            conflict: Conflict::AlreadyInCharge,
        });
    }
    let consented = has_active_sharing_consent(&txn, person.id, organisation.id).await?;
    let overridden = !consented && user.is_network_wide() && !reason.is_empty();
    if !consented && !overridden {
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.organisation.add", "person")
                .object(&person.code)
                .outcome(Outcome::Denied)
                .detail(format!("organisation={} no_consent", organisation.id)),
        )
        .await?;
        txn.commit().await?;
        return Err(AppError::Conflict {
            conflict: Conflict::NoSharingConsent,
        });
    }
    person_organisations::ActiveModel {
        person_id: Set(person.id),
        organisation_id: Set(organisation.id),
        reference_user_id: Set(None),
        since: Set(today()),
        added_by: Set(user.id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let detail = if overridden {
        format!("organisation={} override reason: {reason}", organisation.id)
    } else {
        format!("organisation={} consent", organisation.id)
    };
    record(
        &txn,
        ctx.request_id(),
        AuditEvent::new(
            Some(user),
            if overridden {
                "person.organisation.add_override"
            } else {
                "person.organisation.add"
            },
            "person",
        )
        .object(&person.code)
        .detail(detail),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

pub async fn remove_organisation(
    ctx: &Ctx,
    code: &str,
    organisation_id: i32,
) -> Result<(), AppError> {
    let result = remove_organisation_untraced(ctx, code, organisation_id).await;
    trace_person_conflict(ctx, "person.organisation.remove", code, result).await
}

async fn remove_organisation_untraced(
    ctx: &Ctx,
    code: &str,
    organisation_id: i32,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::db::begin_write(&ctx.db).await?;
    let person = find_person(&txn, code).await?;
    if !may_manage(&txn, user, &person).await? && !user.is_network_wide() {
        let error = refuse(&txn, ctx, "person.organisation.remove", &person).await?;
        txn.commit().await?;
        return Err(error);
    }
    let in_charge = organisations_in_charge(&txn, person.id).await?;
    let Some(row) = in_charge
        .iter()
        .find(|row| row.organisation_id == organisation_id)
    else {
        return Err(AppError::NotFound);
    };
    if in_charge.len() == 1 {
        return Err(AppError::Conflict {
            conflict: Conflict::LastOrganisationInCharge,
        });
    }
    person_organisations::Entity::delete_by_id(row.id)
        .exec(&txn)
        .await?;
    record(
        &txn,
        ctx.request_id(),
        AuditEvent::new(Some(user), "person.organisation.remove", "person")
            .object(&person.code)
            .detail(format!("organisation={organisation_id}")),
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The longest hand-over note kept.
pub const MAX_HANDOVER_NOTE: usize = 4000;

/// The reference operator of the user's own organisation for this person. Replacing one
/// asks for a hand-over note for the new one, who is notified.
pub async fn set_reference(
    ctx: &Ctx,
    code: &str,
    reference_user_id: i32,
    handover_note: &str,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let person = person_for_change(&txn, ctx, code, "person.reference.update").await?;
        let colleague = users::Entity::find_by_id(reference_user_id)
            .one(&txn)
            .await?
            .filter(|u| u.active && u.organisation_id == user.organisation_id)
            .ok_or_else(|| AppError::invalid("reference_user_id", Problem::UnknownChoice))?;
        let row = person_organisations::Entity::find()
            .filter(person_organisations::Column::PersonId.eq(person.id))
            .filter(person_organisations::Column::OrganisationId.eq(user.organisation_id))
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        let previous = row.reference_user_id;
        let note = handover_note.trim().replace("\r\n", "\n");
        let replacing = previous.is_some_and(|previous| previous != colleague.id);
        if replacing && note.is_empty() {
            return Err(AppError::invalid("handover_note", Problem::Required));
        }
        if note.chars().count() > MAX_HANDOVER_NOTE {
            return Err(AppError::invalid("handover_note", Problem::TooLong));
        }
        if previous == Some(colleague.id) {
            return Ok(());
        }
        let organisation_id = row.organisation_id;
        let mut update: person_organisations::ActiveModel = row.into();
        update.reference_user_id = Set(Some(colleague.id));
        update.update(&txn).await?;
        if !note.is_empty() || replacing {
            reference_handovers::ActiveModel {
                person_id: Set(person.id),
                organisation_id: Set(organisation_id),
                from_user_id: Set(previous),
                to_user_id: Set(colleague.id),
                note: Set(note),
                created_by: Set(user.id),
                created_at: Set(chrono::Utc::now()),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        if colleague.id != user.id {
            crate::notifications::ssr::notify(
                &txn,
                colleague.id,
                crate::notifications::model::NotificationKind::Handover,
                &person.code,
                &format!("/persone/{}/progetto", person.code),
            )
            .await?;
        }
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.reference.update", "person")
                .object(&person.code)
                .detail(format!("user={}", colleague.id)),
        )
        .await?;
        Ok(())
    }
    .await;
    settle_person_change(ctx, txn, result, "person.reference.update", code).await
}

pub async fn record_consent(ctx: &Ctx, code: &str, form: &ConsentForm) -> Result<(), AppError> {
    let user = ctx.user()?;
    let today = today();
    let mut checks = Validation::default();
    let kind = ConsentKind::from_code(form.kind.trim());
    if kind.is_none() {
        checks.add("kind", Problem::UnknownChoice);
    }
    let organisation_id = match kind {
        Some(ConsentKind::Sharing) => {
            parse_id("organisation_id", &form.organisation_id, &mut checks)
        }
        _ => None,
    };
    let given_on = parse_day("given_on", &form.given_on, today, &mut checks);
    checks.finish()?;
    let (kind, given_on) = (
        kind.unwrap_or(ConsentKind::Processing),
        given_on.unwrap_or(today),
    );
    let txn = crate::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let person = person_for_change(&txn, ctx, code, "person.consent.record").await?;
        if let Some(id) = organisation_id {
            organisations::Entity::find_by_id(id)
                .one(&txn)
                .await?
                .filter(|o| o.active && o.kind != OrganisationKind::Partner.code())
                .ok_or_else(|| AppError::invalid("organisation_id", Problem::UnknownChoice))?;
        }
        let created = consents::ActiveModel {
            person_id: Set(person.id),
            kind: Set(kind.code().to_string()),
            organisation_id: Set(organisation_id),
            given_on: Set(given_on),
            withdrawn_on: Set(None),
            recorded_by: Set(user.id),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.consent.record", "person")
                .object(&person.code)
                .detail(format!(
                    "consent={} kind={}{}",
                    created.id,
                    kind.code(),
                    organisation_id
                        .map(|id| format!(" organisation={id}"))
                        .unwrap_or_default()
                )),
        )
        .await?;
        Ok(())
    }
    .await;
    settle_person_change(ctx, txn, result, "person.consent.record", code).await
}

/// Withdrawing a sharing consent also takes that organisation off the team (unless it
/// is the last one), in the same transaction: from now on it sees nothing.
pub async fn withdraw_consent(ctx: &Ctx, code: &str, consent_id: i32) -> Result<(), AppError> {
    let user = ctx.user()?;
    let today = today();
    let txn = crate::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let person = person_for_change(&txn, ctx, code, "person.consent.withdraw").await?;
        let consent = consents::Entity::find_by_id(consent_id)
            .one(&txn)
            .await?
            .filter(|c| c.person_id == person.id && c.withdrawn_on.is_none())
            .ok_or(AppError::NotFound)?;
        let organisation_id = consent.organisation_id;
        let mut update: consents::ActiveModel = consent.into();
        update.withdrawn_on = Set(Some(today));
        update.update(&txn).await?;
        let mut detail = format!("consent={consent_id}");
        if let Some(organisation_id) = organisation_id {
            let in_charge = organisations_in_charge(&txn, person.id).await?;
            if in_charge.len() > 1 {
                if let Some(row) = in_charge
                    .iter()
                    .find(|r| r.organisation_id == organisation_id)
                {
                    person_organisations::Entity::delete_by_id(row.id)
                        .exec(&txn)
                        .await?;
                    detail.push_str(&format!(" removed_organisation={organisation_id}"));
                }
            }
        }
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.consent.withdraw", "person")
                .object(&person.code)
                .detail(detail),
        )
        .await?;
        Ok(())
    }
    .await;
    settle_person_change(ctx, txn, result, "person.consent.withdraw", code).await
}
