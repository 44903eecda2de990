//! Who may see and change a person's data, in one place for every feature: the person
//! is found by her network code, access is decided per organisation and role (her team
//! sees who she is; the coordination sees her path, and who she is only with her consent
//! to sharing), and a refusal is audited in the transaction that refused. Other features
//! (the bed board, plans, reports) use this module, never the registry's own server code.

use std::collections::{HashMap, HashSet};

use chrono::{Months, NaiveDate, Utc};
use sea_orm::sea_query::{Query, SelectStatement};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use crate::audit::ssr::AuditEvent;
use crate::auth::model::{CurrentUser, Role};
use crate::auth::ssr::Ctx;
use crate::entity::{consents, path_events, people, person_organisations, user_roles, users};
use crate::kernel::error::{AppError, Conflict};
use crate::people::registry::model::{ConsentKind, ExitOutcome, PathStatus, PersonAccess};

/// Roles that work with people directly; in an organisation in charge they see identities.
pub const TEAM_ROLES: &[Role] = &[
    Role::CaseWorker,
    Role::ReceptionManager,
    Role::OutreachWorker,
];

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

/// The organisations that have the person in charge, in the order they took her.
pub async fn organisations_in_charge<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<Vec<person_organisations::Model>, AppError> {
    Ok(person_organisations::Entity::find()
        .filter(person_organisations::Column::PersonId.eq(person_id))
        .order_by_asc(person_organisations::Column::Id)
        .all(conn)
        .await?)
}

pub(crate) async fn has_active_sharing_consent<C: ConnectionTrait>(
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

/// Colleagues who may be on the person's team, responsible for an action of her plan or
/// follow a step of her path: active users of an organisation in charge of her, with a
/// front-line role.
pub async fn team_colleagues<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
) -> Result<Vec<(i32, String)>, AppError> {
    let organisations: Vec<i32> = person_organisations::Entity::find()
        .filter(person_organisations::Column::PersonId.eq(person.id))
        .all(conn)
        .await?
        .into_iter()
        .map(|row| row.organisation_id)
        .collect();
    let team_role_codes: Vec<&str> = TEAM_ROLES.iter().map(|r| r.code()).collect();
    let with_role: HashSet<i32> = user_roles::Entity::find()
        .filter(user_roles::Column::Role.is_in(team_role_codes))
        .all(conn)
        .await?
        .into_iter()
        .map(|row| row.user_id)
        .collect();
    Ok(users::Entity::find()
        .filter(users::Column::OrganisationId.is_in(organisations))
        .filter(users::Column::Active.eq(true))
        .order_by_asc(users::Column::DisplayName)
        .all(conn)
        .await?
        .into_iter()
        .filter(|user| with_role.contains(&user.id))
        .map(|user| (user.id, user.display_name))
        .collect())
}

/// Refuses (403, audited in the same transaction) a caller who may not act on `person`.
pub async fn refuse<C: ConnectionTrait>(
    conn: &C,
    ctx: &Ctx,
    action: &str,
    person: &people::Model,
) -> Result<AppError, AppError> {
    let event = AuditEvent::new(ctx.user.as_ref(), action, "person").object(&person.code);
    Ok(crate::audit::ssr::deny(conn, ctx.request_id(), event).await)
}

/// Writes the audit row of a read or change of the person's data (in the caller's
/// transaction, so that it exists exactly when the read or change does).
pub async fn audit_person<C: ConnectionTrait>(
    conn: &C,
    ctx: &Ctx,
    action: &str,
    person: &people::Model,
    detail: Option<String>,
) -> Result<(), AppError> {
    let mut event = AuditEvent::new(ctx.user.as_ref(), action, "person").object(&person.code);
    if let Some(detail) = detail {
        event = event.detail(detail);
    }
    crate::audit::ssr::record(conn, ctx.request_id(), event).await?;
    Ok(())
}

/// The person behind `code`, if the caller is on her team; otherwise the refusal is
/// audited under `action` and answered 403.
pub async fn team_person<C: ConnectionTrait>(
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
    Ok(person)
}

/// Loads the person for a change by the team; refuses others (403, audited) and
/// anonymised records (409).
pub async fn person_for_change<C: ConnectionTrait>(
    conn: &C,
    ctx: &Ctx,
    code: &str,
    action: &str,
) -> Result<people::Model, AppError> {
    let person = team_person(conn, ctx, code, action).await?;
    if person.anonymised_at.is_some() {
        return Err(AppError::Conflict {
            conflict: Conflict::Anonymised,
        });
    }
    Ok(person)
}

/// The ids of the people `organisation_id` has in charge, as a subquery for a filter
/// that keeps the list to one organisation's people.
pub fn people_in_charge_of(organisation_id: i32) -> SelectStatement {
    Query::select()
        .column(person_organisations::Column::PersonId)
        .from(person_organisations::Entity)
        .and_where(person_organisations::Column::OrganisationId.eq(organisation_id))
        .to_owned()
}

/// What a change of the person behind `code` is audited as when it is refused by a
/// conflict (`Ctx::finish_write`).
pub fn person_event<'a>(ctx: &'a Ctx, action: &'a str, code: &str) -> AuditEvent<'a> {
    ctx.event(action, "person")
        .object(code.trim().to_uppercase())
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

pub(crate) use crate::kernel::dates::first_of_month;

/// Minor on `today`, from what the pseudonymous record holds (month of birth). In the
/// month of the 18th birthday the person still counts as a minor: lists err on the side
/// of protection; the team's page has the exact date.
pub fn minor_from_record(person: &people::Model, today: NaiveDate) -> bool {
    match person.birth_month {
        Some(month) => month >= first_of_month(adulthood_threshold(today)),
        None => person.declared_minor,
    }
}

pub(crate) fn adulthood_threshold(today: NaiveDate) -> NaiveDate {
    today
        .checked_sub_months(Months::new(18 * 12))
        .unwrap_or(today)
}

/// Network codes of people by id (the pseudonymous handle every list shows).
pub async fn person_codes<C: ConnectionTrait>(
    conn: &C,
    ids: impl IntoIterator<Item = i32>,
) -> Result<HashMap<i32, String>, AppError> {
    let mut codes = HashMap::new();
    for chunk in crate::kernel::names::distinct_chunks(ids) {
        // The code alone: a person's row holds some twenty columns, her sealed identity
        // among them, and a board of 1000 beds asks for 800 codes.
        let found: Vec<(i32, String)> = people::Entity::find()
            .select_only()
            .columns([people::Column::Id, people::Column::Code])
            .filter(people::Column::Id.is_in(chunk))
            .into_tuple()
            .all(conn)
            .await?;
        codes.extend(found);
    }
    Ok(codes)
}
