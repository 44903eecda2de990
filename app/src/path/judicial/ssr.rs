//! Database work of the judicial page. Who reads it is decided here, for every place
//! that could show it (the page, "Il mio lavoro", the plan's permit link, the person's
//! export): the person's reference operator in an organisation in charge, or a colleague
//! holding the legal advisor's role on her plan, and nobody else.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, Set, TryIntoModel,
};

use super::model::*;
use crate::auth::model::CurrentUser;
use crate::auth::ssr::Ctx;
use crate::entity::{
    judicial_hearings, judicial_proceedings, people, person_organisations, plan_team, plans,
};
use crate::kernel::clock::today;
use crate::kernel::error::{AppError, Problem};
use crate::kernel::names::user_names;
use crate::path::model::{PathDate, PathDateKind};
use crate::path::ssr::{change_for_team, own_record, read_for_team};
use crate::people::access::may_manage;
use crate::planner::model::TeamRole;

/// Whether `user` may read the judicial route of `person`: on her team, and her
/// reference operator or the legal advisor on her plan.
pub async fn may_read_judicial<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    person: &people::Model,
) -> Result<bool, AppError> {
    if !may_manage(conn, user, person).await? {
        return Ok(false);
    }
    let reference_operator = person_organisations::Entity::find()
        .filter(person_organisations::Column::PersonId.eq(person.id))
        .filter(person_organisations::Column::OrganisationId.eq(user.organisation_id))
        .filter(person_organisations::Column::ReferenceUserId.eq(user.id))
        .count(conn)
        .await?
        > 0;
    if reference_operator {
        return Ok(true);
    }
    let Some(plan) = plans::Entity::find()
        .filter(plans::Column::PersonId.eq(person.id))
        .one(conn)
        .await?
    else {
        return Ok(false);
    };
    Ok(plan_team::Entity::find()
        .filter(plan_team::Column::PlanId.eq(plan.id))
        .filter(plan_team::Column::UserId.eq(user.id))
        .filter(plan_team::Column::Role.eq(TeamRole::LegalAdvisor.code()))
        .filter(plan_team::Column::RemovedAt.is_null())
        .count(conn)
        .await?
        > 0)
}

fn proceedings_row(
    row: judicial_proceedings::Model,
    names: &HashMap<i32, String>,
) -> ProceedingsRow {
    ProceedingsRow {
        id: row.id,
        filed_on: row.filed_on,
        police_body: row
            .police_body
            .as_deref()
            .map(|code| PoliceBody::from_stored(code, PoliceBody::Other)),
        complaint_place: row.complaint_place,
        prosecutor_office: row.prosecutor_office,
        proceedings_number: row.proceedings_number,
        opinion: Opinion::from_stored(&row.opinion, Opinion::NotRequested),
        opinion_on: row.opinion_on,
        witness: row.witness,
        lawyer: row.lawyer,
        notes: row.notes,
        recorded_by: names.get(&row.recorded_by).cloned().unwrap_or_default(),
    }
}

pub async fn judicial_page(ctx: &Ctx, code: &str) -> Result<JudicialPage, AppError> {
    let user = ctx.user()?.clone();
    read_for_team(ctx, code, "path.judicial.view", move |txn, person| {
        Box::pin(async move {
            if !may_read_judicial(txn, &user, person).await? {
                return Err(AppError::Forbidden);
            }
            let proceedings = judicial_proceedings::Entity::find()
                .filter(judicial_proceedings::Column::PersonId.eq(person.id))
                .order_by_desc(judicial_proceedings::Column::Id)
                .all(txn)
                .await?;
            let hearings = judicial_hearings::Entity::find()
                .filter(judicial_hearings::Column::PersonId.eq(person.id))
                .order_by_asc(judicial_hearings::Column::HearingOn)
                .order_by_asc(judicial_hearings::Column::Id)
                .all(txn)
                .await?;
            let names = user_names(
                txn,
                proceedings
                    .iter()
                    .map(|r| r.recorded_by)
                    .chain(hearings.iter().map(|r| r.recorded_by)),
            )
            .await?;
            Ok(JudicialPage {
                code: person.code.clone(),
                today: today(),
                editable: person.anonymised_at.is_none(),
                proceedings: proceedings
                    .into_iter()
                    .map(|row| proceedings_row(row, &names))
                    .collect(),
                hearings: hearings
                    .into_iter()
                    .map(|row| HearingRow {
                        id: row.id,
                        proceedings_id: row.proceedings_id,
                        hearing_on: row.hearing_on,
                        kind: HearingKind::from_stored(&row.kind, HearingKind::Other),
                        court: row.court,
                        accompanied: row.accompanied,
                        notes: row.notes,
                        recorded_by: names.get(&row.recorded_by).cloned().unwrap_or_default(),
                    })
                    .collect(),
            })
        })
    })
    .await
}

pub async fn save_proceedings(
    ctx: &Ctx,
    code: &str,
    form: ValidProceedings,
) -> Result<(), AppError> {
    let user = ctx.user()?.clone();
    change_for_team(
        ctx,
        code,
        "path.judicial.proceedings",
        move |txn, person| {
            Box::pin(async move {
                if !may_read_judicial(txn, &user, person).await? {
                    return Err(AppError::Forbidden);
                }
                let now = Utc::now();
                let mut row = match form.record {
                    Some(id) => own_record(
                        judicial_proceedings::Entity::find_by_id(id)
                            .one(txn)
                            .await?,
                        |row| row.person_id,
                        person,
                    )?
                    .into_active_model(),
                    None => judicial_proceedings::ActiveModel {
                        person_id: Set(person.id),
                        organisation_id: Set(user.organisation_id),
                        recorded_by: Set(user.id),
                        created_at: Set(now),
                        ..Default::default()
                    },
                };
                row.filed_on = Set(form.filed_on);
                row.police_body = Set(form.police_body.map(|b| b.code().to_string()));
                row.complaint_place = Set(form.complaint_place);
                row.prosecutor_office = Set(form.prosecutor_office);
                row.proceedings_number = Set(form.proceedings_number);
                row.opinion = Set(form.opinion.code().to_string());
                row.opinion_on = Set(form.opinion_on);
                row.witness = Set(form.witness);
                row.lawyer = Set(form.lawyer);
                row.notes = Set(form.notes);
                row.updated_at = Set(now);
                let id = row.save(txn).await?.try_into_model()?.id;
                // Ids and codes only: the number and the names stay out of the audit trail.
                Ok(format!("proceedings={id} opinion={}", form.opinion.code()))
            })
        },
    )
    .await
}

pub async fn save_hearing(ctx: &Ctx, code: &str, form: ValidHearing) -> Result<(), AppError> {
    let user = ctx.user()?.clone();
    change_for_team(ctx, code, "path.judicial.hearing", move |txn, person| {
        Box::pin(async move {
            if !may_read_judicial(txn, &user, person).await? {
                return Err(AppError::Forbidden);
            }
            let proceedings_found = judicial_proceedings::Entity::find_by_id(form.proceedings)
                .one(txn)
                .await?
                .is_some_and(|row| row.person_id == person.id);
            if !proceedings_found {
                return Err(AppError::invalid("proceedings", Problem::UnknownChoice));
            }
            let now = Utc::now();
            let mut row = match form.record {
                Some(id) => own_record(
                    judicial_hearings::Entity::find_by_id(id).one(txn).await?,
                    |row| row.person_id,
                    person,
                )?
                .into_active_model(),
                None => judicial_hearings::ActiveModel {
                    person_id: Set(person.id),
                    recorded_by: Set(user.id),
                    created_at: Set(now),
                    ..Default::default()
                },
            };
            row.proceedings_id = Set(form.proceedings);
            row.hearing_on = Set(form.hearing_on);
            row.kind = Set(form.kind.code().to_string());
            row.court = Set(form.court);
            row.accompanied = Set(form.accompanied);
            row.notes = Set(form.notes);
            row.updated_at = Set(now);
            let id = row.save(txn).await?.try_into_model()?.id;
            Ok(format!("hearing={id} kind={}", form.kind.code()))
        })
    })
    .await
}

/// The hearings coming by `horizon` of the people `user` may read the route of.
pub async fn due_dates<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    people_found: &HashMap<i32, String>,
    horizon: NaiveDate,
) -> Result<Vec<PathDate>, AppError> {
    let rows = judicial_hearings::Entity::find()
        .filter(judicial_hearings::Column::PersonId.is_in(people_found.keys().copied()))
        .filter(judicial_hearings::Column::HearingOn.gte(today()))
        .filter(judicial_hearings::Column::HearingOn.lte(horizon))
        .all(conn)
        .await?;
    let mut dates = Vec::new();
    let mut entitled: HashMap<i32, bool> = HashMap::new();
    for row in rows {
        let Some(code) = people_found.get(&row.person_id) else {
            continue;
        };
        let may_read = match entitled.get(&row.person_id) {
            Some(known) => *known,
            None => {
                let person = people::Entity::find_by_id(row.person_id)
                    .one(conn)
                    .await?
                    .ok_or(AppError::NotFound)?;
                let known = may_read_judicial(conn, user, &person).await?;
                entitled.insert(row.person_id, known);
                known
            }
        };
        if may_read {
            dates.push(PathDate {
                code: code.clone(),
                kind: PathDateKind::JudicialHearing,
                on: row.hearing_on,
                link: format!("/persone/{code}/giudiziario"),
            });
        }
    }
    Ok(dates)
}

/// The judicial section of the person's export: given only to a reader of the route;
/// anyone else's export says it is withheld (None).
pub async fn exported<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
    person: &people::Model,
) -> Result<Option<Vec<serde_json::Value>>, AppError> {
    if !may_read_judicial(conn, user, person).await? {
        return Ok(None);
    }
    let hearings = judicial_hearings::Entity::find()
        .filter(judicial_hearings::Column::PersonId.eq(person.id))
        .order_by_asc(judicial_hearings::Column::Id)
        .all(conn)
        .await?;
    let proceedings = judicial_proceedings::Entity::find()
        .filter(judicial_proceedings::Column::PersonId.eq(person.id))
        .order_by_asc(judicial_proceedings::Column::Id)
        .all(conn)
        .await?;
    Ok(Some(
        proceedings
            .into_iter()
            .map(|p| {
                let own: Vec<String> = hearings
                    .iter()
                    .filter(|h| h.proceedings_id == p.id)
                    .map(|h| {
                        let mut line = format!("{} {}", h.hearing_on, h.kind);
                        for text in [&h.court, &h.notes].into_iter().flatten() {
                            line.push_str(&format!(", {text}"));
                        }
                        line
                    })
                    .collect();
                serde_json::json!({
                    "filed_on": p.filed_on,
                    "police_body": p.police_body,
                    "complaint_place": p.complaint_place,
                    "prosecutor_office": p.prosecutor_office,
                    "proceedings_number": p.proceedings_number,
                    "opinion": p.opinion,
                    "opinion_on": p.opinion_on,
                    "witness": p.witness,
                    "lawyer": p.lawyer,
                    "notes": p.notes,
                    "hearings": own.join("; "),
                })
            })
            .collect(),
    ))
}

/// Anonymisation removes the route's identifying texts (number, places, lawyer, notes);
/// dates, kinds and the opinion stay.
pub async fn anonymise<C: ConnectionTrait>(conn: &C, person_id: i32) -> Result<(), AppError> {
    use sea_orm::sea_query::Expr;
    let none = || Expr::value(Option::<String>::None);
    judicial_proceedings::Entity::update_many()
        .col_expr(judicial_proceedings::Column::ComplaintPlace, none())
        .col_expr(judicial_proceedings::Column::ProsecutorOffice, none())
        .col_expr(judicial_proceedings::Column::ProceedingsNumber, none())
        .col_expr(judicial_proceedings::Column::Lawyer, none())
        .col_expr(judicial_proceedings::Column::Notes, none())
        .filter(judicial_proceedings::Column::PersonId.eq(person_id))
        .exec(conn)
        .await?;
    judicial_hearings::Entity::update_many()
        .col_expr(judicial_hearings::Column::Court, none())
        .col_expr(judicial_hearings::Column::Notes, none())
        .filter(judicial_hearings::Column::PersonId.eq(person_id))
        .exec(conn)
        .await?;
    Ok(())
}
