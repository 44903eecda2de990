//! Database work of the minors' page: the team's procedures and communications, audited.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set,
};

use super::model::*;
use crate::auth::ssr::Ctx;
use crate::entity::{minor_communications, minor_procedures, people};
use crate::kernel::clock::today;
use crate::kernel::error::AppError;
use crate::kernel::names::user_names;
use crate::path::model::{PathDate, PathDateKind};
use crate::path::ssr::{change_for_team, read_for_team};
use crate::people::access::minor_from_record;

fn procedures_of(row: Option<minor_procedures::Model>) -> Procedures {
    let Some(row) = row else {
        return Procedures::default();
    };
    Procedures {
        age_requested_on: row.age_requested_on,
        age_method: row
            .age_method
            .as_deref()
            .map(|code| AgeMethod::from_stored(code, AgeMethod::Other)),
        age_outcome: row
            .age_outcome
            .as_deref()
            .map(|code| AgeOutcome::from_stored(code, AgeOutcome::Undetermined)),
        age_assessed_on: row.age_assessed_on,
        guardian_court: row.guardian_court,
        guardian_appointed_on: row.guardian_appointed_on,
        guardian_name: row.guardian_name,
        guarantor_involved_on: row.guarantor_involved_on,
        community: row.community,
        community_since: row.community_since,
    }
}

pub async fn minors_page(ctx: &Ctx, code: &str) -> Result<MinorsPage, AppError> {
    read_for_team(ctx, code, "path.minors.view", |txn, person| {
        Box::pin(async move {
            let procedures = minor_procedures::Entity::find_by_id(person.id)
                .one(txn)
                .await?;
            let communications = minor_communications::Entity::find()
                .filter(minor_communications::Column::PersonId.eq(person.id))
                .order_by_desc(minor_communications::Column::SentOn)
                .order_by_desc(minor_communications::Column::Id)
                .all(txn)
                .await?;
            let names = user_names(txn, communications.iter().map(|c| c.recorded_by)).await?;
            let today = today();
            Ok(MinorsPage {
                code: person.code.clone(),
                today,
                editable: person.anonymised_at.is_none(),
                minor: minor_from_record(person, today),
                unaccompanied: person.unaccompanied,
                procedures: procedures_of(procedures),
                communications: communications
                    .into_iter()
                    .map(|row| CommunicationRow {
                        id: row.id,
                        sent_on: row.sent_on,
                        recipient: Recipient::from_stored(
                            &row.recipient,
                            Recipient::SocialServices,
                        ),
                        subject: row.subject,
                        recorded_by: names.get(&row.recorded_by).cloned().unwrap_or_default(),
                    })
                    .collect(),
            })
        })
    })
    .await
}

pub async fn save_procedures(ctx: &Ctx, code: &str, form: Procedures) -> Result<(), AppError> {
    let user_id = ctx.user()?.id;
    change_for_team(ctx, code, "path.minors.procedures", move |txn, person| {
        Box::pin(async move {
            let existing = minor_procedures::Entity::find_by_id(person.id)
                .one(txn)
                .await?;
            let is_new = existing.is_none();
            let mut row = match existing {
                Some(row) => row.into_active_model(),
                None => minor_procedures::ActiveModel {
                    person_id: Set(person.id),
                    ..Default::default()
                },
            };
            let code_of = |code: Option<&'static str>| code.map(str::to_string);
            row.age_requested_on = Set(form.age_requested_on);
            row.age_method = Set(code_of(form.age_method.map(AgeMethod::code)));
            row.age_outcome = Set(code_of(form.age_outcome.map(AgeOutcome::code)));
            row.age_assessed_on = Set(form.age_assessed_on);
            row.guardian_court = Set(form.guardian_court);
            row.guardian_appointed_on = Set(form.guardian_appointed_on);
            row.guardian_name = Set(form.guardian_name);
            row.guarantor_involved_on = Set(form.guarantor_involved_on);
            row.community = Set(form.community);
            row.community_since = Set(form.community_since);
            row.updated_by = Set(user_id);
            row.updated_at = Set(Utc::now());
            // The person's id is the key: `save` would take a set key for an update.
            if is_new {
                row.insert(txn).await?;
            } else {
                row.update(txn).await?;
            }
            // Codes only: the guardian's and the community's names stay out of the trail.
            Ok(format!(
                "age_outcome={} guardian={} guarantor={}",
                form.age_outcome.map_or("none", AgeOutcome::code),
                form.guardian_appointed_on.is_some(),
                form.guarantor_involved_on.is_some()
            ))
        })
    })
    .await
}

pub async fn add_communication(
    ctx: &Ctx,
    code: &str,
    form: ValidCommunication,
) -> Result<(), AppError> {
    let user_id = ctx.user()?.id;
    change_for_team(
        ctx,
        code,
        "path.minors.communication",
        move |txn, person| {
            Box::pin(async move {
                let created = minor_communications::ActiveModel {
                    person_id: Set(person.id),
                    sent_on: Set(form.sent_on),
                    recipient: Set(form.recipient.code().to_string()),
                    subject: Set(form.subject),
                    recorded_by: Set(user_id),
                    created_at: Set(Utc::now()),
                    ..Default::default()
                }
                .insert(txn)
                .await?;
                Ok(format!(
                    "communication={} recipient={}",
                    created.id,
                    form.recipient.code()
                ))
            })
        },
    )
    .await
}

/// Age assessments requested and still without an outcome, due `AGE_ASSESSMENT_DAYS`
/// after the request.
pub async fn due_dates<C: ConnectionTrait>(
    conn: &C,
    people_found: &HashMap<i32, String>,
    horizon: NaiveDate,
) -> Result<Vec<PathDate>, AppError> {
    Ok(minor_procedures::Entity::find()
        .filter(minor_procedures::Column::PersonId.is_in(people_found.keys().copied()))
        .filter(minor_procedures::Column::AgeRequestedOn.is_not_null())
        .filter(minor_procedures::Column::AgeOutcome.is_null())
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|row| {
            let due = row.age_requested_on? + Duration::days(AGE_ASSESSMENT_DAYS);
            let code = people_found.get(&row.person_id)?;
            (due <= horizon).then(|| PathDate {
                code: code.clone(),
                kind: PathDateKind::AgeAssessment,
                on: due,
                link: format!("/persone/{code}/minore"),
            })
        })
        .collect())
}

/// The person's own export: her procedures and the communications about her.
pub async fn exported<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
) -> Result<Vec<serde_json::Value>, AppError> {
    let mut rows = Vec::new();
    if let Some(p) = minor_procedures::Entity::find_by_id(person.id)
        .one(conn)
        .await?
    {
        rows.push(serde_json::json!({
            "age_requested_on": p.age_requested_on,
            "age_method": p.age_method,
            "age_outcome": p.age_outcome,
            "age_assessed_on": p.age_assessed_on,
            "guardian_court": p.guardian_court,
            "guardian_appointed_on": p.guardian_appointed_on,
            "guardian_name": p.guardian_name,
            "guarantor_involved_on": p.guarantor_involved_on,
            "community": p.community,
            "community_since": p.community_since,
        }));
    }
    for c in minor_communications::Entity::find()
        .filter(minor_communications::Column::PersonId.eq(person.id))
        .order_by_asc(minor_communications::Column::Id)
        .all(conn)
        .await?
    {
        rows.push(serde_json::json!({
            "communication_sent_on": c.sent_on,
            "recipient": c.recipient,
            "subject": c.subject,
        }));
    }
    Ok(rows)
}

/// Anonymisation clears the names (guardian, court, community) and the subjects.
pub async fn anonymise<C: ConnectionTrait>(conn: &C, person_id: i32) -> Result<(), AppError> {
    use sea_orm::sea_query::Expr;
    let none = || Expr::value(Option::<String>::None);
    minor_procedures::Entity::update_many()
        .col_expr(minor_procedures::Column::GuardianName, none())
        .col_expr(minor_procedures::Column::GuardianCourt, none())
        .col_expr(minor_procedures::Column::Community, none())
        .filter(minor_procedures::Column::PersonId.eq(person_id))
        .exec(conn)
        .await?;
    minor_communications::Entity::update_many()
        .col_expr(minor_communications::Column::Subject, none())
        .filter(minor_communications::Column::PersonId.eq(person_id))
        .exec(conn)
        .await?;
    Ok(())
}
