//! Database work of a person's transfers: the team's audited read and change, the
//! transfers coming on "Il mio lavoro", her export and anonymisation.

use std::collections::HashMap;

use chrono::{NaiveDate, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, Set, TryIntoModel,
};

use super::model::*;
use crate::auth::ssr::Ctx;
use crate::entity::{people, person_transfers};
use crate::kernel::clock::today;
use crate::kernel::error::AppError;
use crate::kernel::names::user_names;
use crate::path::model::{PathDate, PathDateKind};
use crate::path::ssr::{change_for_team, own_record, read_for_team};

fn row_of(row: person_transfers::Model, names: &HashMap<i32, String>) -> TransferRow {
    TransferRow {
        id: row.id,
        direction: Direction::from_stored(&row.direction, Direction::Incoming),
        transfer_on: row.transfer_on,
        project: row.project,
        region: row.region,
        reason: row.reason,
        for_safety: row.for_safety,
        source: row
            .source
            .as_deref()
            .map(|code| ReferralSource::from_stored(code, ReferralSource::Other)),
        file_handed_over: row.file_handed_over,
        consent_on: row.consent_on,
        recorded_by: names.get(&row.recorded_by).cloned().unwrap_or_default(),
    }
}

pub async fn transfers_page(ctx: &Ctx, code: &str) -> Result<TransfersPage, AppError> {
    read_for_team(ctx, code, "path.transfers.view", |txn, person| {
        Box::pin(async move {
            let rows = person_transfers::Entity::find()
                .filter(person_transfers::Column::PersonId.eq(person.id))
                .order_by_desc(person_transfers::Column::TransferOn)
                .order_by_desc(person_transfers::Column::Id)
                .all(txn)
                .await?;
            let names = user_names(txn, rows.iter().map(|r| r.recorded_by)).await?;
            Ok(TransfersPage {
                code: person.code.clone(),
                today: today(),
                editable: person.anonymised_at.is_none(),
                transfers: rows.into_iter().map(|row| row_of(row, &names)).collect(),
            })
        })
    })
    .await
}

/// Records a transfer, or brings one up to date (in its own direction: an outgoing
/// transfer never turns into an incoming one by a form naming its id).
pub async fn save_transfer(ctx: &Ctx, code: &str, form: ValidTransfer) -> Result<(), AppError> {
    let user = ctx.user()?.clone();
    let action = match form.direction {
        Direction::Outgoing => "path.transfers.outgoing",
        Direction::Incoming => "path.transfers.incoming",
    };
    change_for_team(ctx, code, action, move |txn, person| {
        Box::pin(async move {
            let now = Utc::now();
            let mut row = match form.record {
                Some(id) => {
                    let found = own_record(
                        person_transfers::Entity::find_by_id(id).one(txn).await?,
                        |row| row.person_id,
                        person,
                    )?;
                    if found.direction != form.direction.code() {
                        return Err(AppError::NotFound);
                    }
                    found.into_active_model()
                }
                None => person_transfers::ActiveModel {
                    person_id: Set(person.id),
                    organisation_id: Set(user.organisation_id),
                    direction: Set(form.direction.code().to_string()),
                    recorded_by: Set(user.id),
                    created_at: Set(now),
                    ..Default::default()
                },
            };
            row.transfer_on = Set(form.transfer_on);
            row.project = Set(form.project);
            row.region = Set(form.region);
            row.reason = Set(form.reason);
            row.for_safety = Set(form.for_safety);
            row.source = Set(form.source.map(|s| s.code().to_string()));
            row.file_handed_over = Set(form.file_handed_over);
            row.consent_on = Set(form.consent_on);
            row.updated_at = Set(now);
            let id = row.save(txn).await?.try_into_model()?.id;
            Ok(format!(
                "transfer={id} direction={} safety={} file={} source={}",
                form.direction.code(),
                form.for_safety,
                form.file_handed_over,
                form.source.map_or("none", |s| s.code())
            ))
        })
    })
    .await
}

/// Outgoing transfers still to come by `horizon`, for her team's "Il mio lavoro".
pub async fn due_dates<C: ConnectionTrait>(
    conn: &C,
    people_found: &HashMap<i32, String>,
    horizon: NaiveDate,
) -> Result<Vec<PathDate>, AppError> {
    let ids: Vec<i32> = people_found.keys().copied().collect();
    let mut dates = Vec::new();
    for row in person_transfers::Entity::find()
        .filter(person_transfers::Column::PersonId.is_in(ids))
        .filter(person_transfers::Column::Direction.eq(Direction::Outgoing.code()))
        .filter(person_transfers::Column::TransferOn.gte(today()))
        .filter(person_transfers::Column::TransferOn.lte(horizon))
        .all(conn)
        .await?
    {
        if let Some(code) = people_found.get(&row.person_id) {
            dates.push(PathDate {
                code: code.clone(),
                kind: PathDateKind::Transfer,
                on: row.transfer_on,
                link: transfers_path(code),
            });
        }
    }
    Ok(dates)
}

/// Her transfers in her own export.
pub async fn exported<C: ConnectionTrait>(
    conn: &C,
    person: &people::Model,
) -> Result<Vec<serde_json::Value>, AppError> {
    Ok(person_transfers::Entity::find()
        .filter(person_transfers::Column::PersonId.eq(person.id))
        .order_by_asc(person_transfers::Column::TransferOn)
        .order_by_asc(person_transfers::Column::Id)
        .all(conn)
        .await?
        .into_iter()
        .map(|t| {
            serde_json::json!({
                "direction": t.direction,
                "transfer_on": t.transfer_on,
                "project": t.project,
                "region": t.region,
                "reason": t.reason,
                "for_safety": t.for_safety,
                "source": t.source,
                "file_handed_over": t.file_handed_over,
                "consent_on": t.consent_on,
            })
        })
        .collect())
}

/// Anonymisation keeps directions, days, regions and sources (the report counts them)
/// and clears the reason, which could describe her, and the project: after a transfer
/// for her safety, where she went is what her traffickers would look for.
pub async fn anonymise<C: ConnectionTrait>(conn: &C, person_id: i32) -> Result<(), AppError> {
    person_transfers::Entity::update_many()
        .col_expr(
            person_transfers::Column::Reason,
            sea_orm::sea_query::Expr::value(Option::<String>::None),
        )
        .col_expr(
            person_transfers::Column::Project,
            sea_orm::sea_query::Expr::value(String::new()),
        )
        .filter(person_transfers::Column::PersonId.eq(person_id))
        .exec(conn)
        .await?;
    Ok(())
}
