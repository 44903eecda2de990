//! Database work of screenings and of the indicator checklist. Published versions are
//! never changed: a screening keeps the version it used, and trainers edit a draft that
//! becomes the next version when published.

use std::collections::HashMap;

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, ModelTrait,
    QueryFilter, QueryOrder, Set,
};

use super::model::*;
use crate::audit::ssr::{record, AuditEvent};
use crate::auth::ssr::Ctx;
use crate::entity::{indicator_checklists, indicators, people, screening_indicators, screenings};
use crate::kernel::clock::today;
use crate::kernel::db::WriteTransaction;
use crate::kernel::error::{AppError, Conflict, Problem, Validation};
use crate::kernel::fields::required_text;
use crate::people::access::{person_event, person_for_change, record_path_step, team_person};
use crate::people::checklist_seed::INITIAL_CHECKLIST;
use crate::people::registry::model::PathStatus;

mod library;
pub use library::sync_library_at_start;

pub const MAX_INDICATOR_LENGTH: usize = 300;
pub const MAX_CHANGES_LENGTH: usize = 1000;

/// The indicators of one checklist version in their order, as the checklist page and
/// the library both show them.
async fn indicators_in_order<C: ConnectionTrait>(
    conn: &C,
    checklist_id: i32,
) -> Result<Vec<indicators::Model>, AppError> {
    Ok(indicators::Entity::find()
        .filter(indicators::Column::ChecklistId.eq(checklist_id))
        .order_by_asc(indicators::Column::Position)
        .order_by_asc(indicators::Column::Id)
        .all(conn)
        .await?)
}

async fn checklist_view<C: ConnectionTrait>(
    conn: &C,
    checklist: indicator_checklists::Model,
) -> Result<ChecklistView, AppError> {
    let rows = indicators_in_order(conn, checklist.id).await?;
    Ok(ChecklistView {
        id: checklist.id,
        version: checklist.version,
        status: ChecklistStatus::from_stored(&checklist.status, ChecklistStatus::Draft),
        changes: checklist.changes,
        published_at: checklist.published_at,
        indicators: rows.into_iter().map(indicator_view).collect(),
    })
}

fn indicator_view(row: indicators::Model) -> IndicatorView {
    IndicatorView {
        id: row.id,
        group: IndicatorGroup::from_stored(&row.group_code, IndicatorGroup::General),
        text_it: row.text_it,
        text_en: row.text_en,
    }
}

/// The newest published checklist. The first time it is asked for, version 1 is written
/// from `checklist_seed` (reference data every network starts from, not demo data).
pub async fn current_checklist(
    db: &DatabaseConnection,
) -> Result<indicator_checklists::Model, AppError> {
    if let Some(found) = latest_published(db).await? {
        return Ok(found);
    }
    let txn = crate::kernel::db::begin_write(db).await?;
    if indicator_checklists::Entity::find()
        .one(&txn)
        .await?
        .is_none()
    {
        let now = Utc::now();
        let created = indicator_checklists::ActiveModel {
            version: Set(1),
            status: Set(ChecklistStatus::Published.code().to_string()),
            changes: Set(None),
            created_by: Set(None),
            created_at: Set(now),
            published_by: Set(None),
            published_at: Set(Some(now)),
            ..Default::default()
        }
        .insert(&txn)
        .await;
        match created {
            Ok(created) => {
                for (position, seed) in INITIAL_CHECKLIST.iter().enumerate() {
                    indicators::ActiveModel {
                        checklist_id: Set(created.id),
                        group_code: Set(seed.group.to_string()),
                        position: Set(position as i32),
                        text_it: Set(seed.it.to_string()),
                        text_en: Set(seed.en.to_string()),
                        ..Default::default()
                    }
                    .insert(&txn)
                    .await?;
                }
                // The trainers' library shows the checklist as one of its materials.
                library::sync_library(&txn, None, None).await?;
                txn.commit().await?;
            }
            // Another replica wrote version 1 at the same moment: use theirs.
            Err(error)
                if matches!(
                    error.sql_err(),
                    Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
                ) => {}
            Err(error) => return Err(error.into()),
        }
    }
    latest_published(db).await?.ok_or(AppError::NotFound)
}

async fn latest_published<C: ConnectionTrait>(
    conn: &C,
) -> Result<Option<indicator_checklists::Model>, AppError> {
    Ok(indicator_checklists::Entity::find()
        .filter(indicator_checklists::Column::Status.eq(ChecklistStatus::Published.code()))
        .order_by_desc(indicator_checklists::Column::Version)
        .one(conn)
        .await?)
}

pub async fn screening_start(ctx: &Ctx, code: &str) -> Result<ScreeningStart, AppError> {
    let user = ctx.user()?;
    let checklist = current_checklist(&ctx.db).await?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let person = team_person(&txn, ctx, code, "person.screening.start").await?;
        let checklist = checklist_view(&txn, checklist).await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.screening.start", "person").object(&person.code),
        )
        .await?;
        Ok(ScreeningStart {
            code: person.code,
            checklist,
            today: today(),
        })
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        person_event(ctx, "person.screening.start", code),
    )
    .await
}

pub async fn save_screening(
    ctx: &Ctx,
    code: &str,
    screening: ValidScreening,
) -> Result<(), AppError> {
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = save_screening_in(ctx, &txn, code, screening).await;
    ctx.finish_write(
        txn,
        result,
        person_event(ctx, "person.screening.create", code),
    )
    .await
}

async fn save_screening_in(
    ctx: &Ctx,
    txn: &WriteTransaction,
    code: &str,
    screening: ValidScreening,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let person = person_for_change(txn, ctx, code, "person.screening.create").await?;
    let checklist = indicator_checklists::Entity::find_by_id(screening.checklist_id)
        .one(txn)
        .await?
        .filter(|c| c.status == ChecklistStatus::Published.code())
        .ok_or_else(|| AppError::invalid("checklist_id", Problem::UnknownChoice))?;
    let valid_ids: Vec<i32> = indicators::Entity::find()
        .filter(indicators::Column::ChecklistId.eq(checklist.id))
        .all(txn)
        .await?
        .into_iter()
        .map(|i| i.id)
        .collect();
    if screening.observed.iter().any(|id| !valid_ids.contains(id)) {
        return Err(AppError::invalid("observed", Problem::UnknownChoice));
    }
    let created = screenings::ActiveModel {
        person_id: Set(person.id),
        checklist_id: Set(checklist.id),
        held_on: Set(screening.held_on),
        outcome: Set(screening.outcome.code().to_string()),
        organisation_id: Set(user.organisation_id),
        interviewer_id: Set(user.id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    for indicator_id in &screening.observed {
        screening_indicators::ActiveModel {
            screening_id: Set(created.id),
            indicator_id: Set(*indicator_id),
        }
        .insert(txn)
        .await?;
    }
    // The path moves forward with the evaluation, never backwards.
    let status = PathStatus::from_stored(&person.status, PathStatus::Contact);
    let next = match screening.outcome {
        ScreeningOutcome::Proposal if status < PathStatus::Proposal => Some(PathStatus::Proposal),
        _ if status < PathStatus::Screening => Some(PathStatus::Screening),
        _ => None,
    };
    if let Some(next) = next {
        let mut update: people::ActiveModel = person.clone().into();
        update.status = Set(next.code().to_string());
        update.updated_at = Set(Utc::now());
        update.update(txn).await?;
        record_path_step(txn, person.id, next, None, screening.held_on, Some(user)).await?;
    }
    record(
        txn,
        ctx.request_id(),
        AuditEvent::new(Some(user), "person.screening.create", "person")
            .object(&person.code)
            .detail(format!(
                "screening={} checklist_version={} outcome={} observed={}",
                created.id,
                checklist.version,
                screening.outcome.code(),
                screening.observed.len()
            )),
    )
    .await?;
    Ok(())
}

/// The screenings of one person, newest first, with the indicators observed in each.
pub async fn screenings_of<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
    organisation_names: &HashMap<i32, String>,
) -> Result<Vec<ScreeningRow>, AppError> {
    let found = screenings::Entity::find()
        .filter(screenings::Column::PersonId.eq(person_id))
        .order_by_desc(screenings::Column::HeldOn)
        .order_by_desc(screenings::Column::Id)
        .all(conn)
        .await?;
    let mut rows = Vec::with_capacity(found.len());
    for screening in found {
        let version = indicator_checklists::Entity::find_by_id(screening.checklist_id)
            .one(conn)
            .await?
            .map(|c| c.version)
            .unwrap_or_default();
        let observed_ids: Vec<i32> = screening_indicators::Entity::find()
            .filter(screening_indicators::Column::ScreeningId.eq(screening.id))
            .all(conn)
            .await?
            .into_iter()
            .map(|row| row.indicator_id)
            .collect();
        let observed = indicators::Entity::find()
            .filter(indicators::Column::Id.is_in(observed_ids))
            .order_by_asc(indicators::Column::Position)
            .all(conn)
            .await?
            .into_iter()
            .map(indicator_view)
            .collect();
        rows.push(ScreeningRow {
            held_on: screening.held_on,
            version,
            outcome: ScreeningOutcome::from_stored(&screening.outcome, ScreeningOutcome::Open),
            observed,
            organisation: organisation_names
                .get(&screening.organisation_id)
                .cloned()
                .unwrap_or_default(),
        });
    }
    Ok(rows)
}

// ---------------------------------------------------------------- trainers' editor

/// Every version, newest first, and the draft if there is one.
pub async fn checklist_versions(
    db: &DatabaseConnection,
    may_edit: bool,
) -> Result<ChecklistVersions, AppError> {
    current_checklist(db).await?;
    let all = indicator_checklists::Entity::find()
        .order_by_desc(indicator_checklists::Column::Version)
        .all(db)
        .await?;
    let mut versions = Vec::new();
    let mut draft = None;
    for checklist in all {
        let view = checklist_view(db, checklist).await?;
        if view.status == ChecklistStatus::Draft {
            draft = Some(view);
        } else {
            versions.push(view);
        }
    }
    Ok(ChecklistVersions {
        versions,
        draft,
        may_edit,
    })
}

/// Starts the next version as a copy of the newest published one (or returns the draft).
pub async fn start_draft(ctx: &Ctx) -> Result<(), AppError> {
    let user = ctx.user()?;
    let published = current_checklist(&ctx.db).await?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        if indicator_checklists::Entity::find()
            .filter(indicator_checklists::Column::Status.eq(ChecklistStatus::Draft.code()))
            .one(&txn)
            .await?
            .is_some()
        {
            return Ok(());
        }
        let newest = indicator_checklists::Entity::find()
            .order_by_desc(indicator_checklists::Column::Version)
            .one(&txn)
            .await?
            .map(|c| c.version)
            .unwrap_or(0);
        let draft = indicator_checklists::ActiveModel {
            version: Set(newest + 1),
            status: Set(ChecklistStatus::Draft.code().to_string()),
            changes: Set(None),
            created_by: Set(Some(user.id)),
            created_at: Set(Utc::now()),
            published_by: Set(None),
            published_at: Set(None),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        for indicator in indicators::Entity::find()
            .filter(indicators::Column::ChecklistId.eq(published.id))
            .all(&txn)
            .await?
        {
            indicators::ActiveModel {
                checklist_id: Set(draft.id),
                group_code: Set(indicator.group_code),
                position: Set(indicator.position),
                text_it: Set(indicator.text_it),
                text_en: Set(indicator.text_en),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "checklist.draft", "checklist").object(draft.version),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(txn, result, ctx.event("checklist.draft", "checklist"))
        .await
}

async fn the_draft<C: ConnectionTrait>(conn: &C) -> Result<indicator_checklists::Model, AppError> {
    indicator_checklists::Entity::find()
        .filter(indicator_checklists::Column::Status.eq(ChecklistStatus::Draft.code()))
        .one(conn)
        .await?
        .ok_or(AppError::Conflict {
            conflict: Conflict::ChecklistPublished,
        })
}

/// Saves the trainer's edits to the draft: changed texts, removed indicators, one new one.
pub async fn save_draft(ctx: &Ctx, form: &ChecklistDraftForm) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let draft = the_draft(&txn).await?;
        let current = indicators::Entity::find()
            .filter(indicators::Column::ChecklistId.eq(draft.id))
            .all(&txn)
            .await?;
        let mut checks = Validation::default();
        let mut updates = Vec::new();
        for indicator in &current {
            let key = indicator.id.to_string();
            if form.remove.contains_key(&key) {
                updates.push((indicator.clone(), None));
                continue;
            }
            let it = form
                .text_it
                .get(&key)
                .map(|t| required_text("text_it", t, MAX_INDICATOR_LENGTH, &mut checks));
            let en = form
                .text_en
                .get(&key)
                .map(|t| required_text("text_en", t, MAX_INDICATOR_LENGTH, &mut checks));
            updates.push((indicator.clone(), Some((it, en))));
        }
        let new_indicator = if form.new_it.trim().is_empty() && form.new_en.trim().is_empty() {
            None
        } else {
            let group = IndicatorGroup::from_code(form.new_group.trim());
            if group.is_none() {
                checks.add("new_group", Problem::UnknownChoice);
            }
            let it = required_text("new_it", &form.new_it, MAX_INDICATOR_LENGTH, &mut checks);
            let en = required_text("new_en", &form.new_en, MAX_INDICATOR_LENGTH, &mut checks);
            group.map(|group| (group, it, en))
        };
        let changes = form
            .changes
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if changes.chars().count() > MAX_CHANGES_LENGTH {
            checks.add("changes", Problem::TooLong);
        }
        checks.finish()?;
        let mut edited = 0;
        for (indicator, change) in updates {
            match change {
                None => {
                    indicator.delete(&txn).await?;
                    edited += 1;
                }
                Some((it, en)) => {
                    let it = it.unwrap_or_else(|| indicator.text_it.clone());
                    let en = en.unwrap_or_else(|| indicator.text_en.clone());
                    if it != indicator.text_it || en != indicator.text_en {
                        let mut update: indicators::ActiveModel = indicator.into();
                        update.text_it = Set(it);
                        update.text_en = Set(en);
                        update.update(&txn).await?;
                        edited += 1;
                    }
                }
            }
        }
        if let Some((group, it, en)) = new_indicator {
            let position = current.iter().map(|i| i.position).max().unwrap_or(0) + 1;
            indicators::ActiveModel {
                checklist_id: Set(draft.id),
                group_code: Set(group.code().to_string()),
                position: Set(position),
                text_it: Set(it),
                text_en: Set(en),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            edited += 1;
        }
        let version = draft.version;
        let mut update: indicator_checklists::ActiveModel = draft.into();
        update.changes = Set((!changes.is_empty()).then_some(changes));
        update.update(&txn).await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "checklist.edit", "checklist")
                .object(version)
                .detail(format!("indicators_changed={edited}")),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(txn, result, ctx.event("checklist.edit", "checklist"))
        .await
}

/// Publishes the draft: from now on new screenings use it; old ones keep their version.
pub async fn publish_draft(ctx: &Ctx) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let draft = the_draft(&txn).await?;
        if draft.changes.as_deref().unwrap_or("").is_empty() {
            return Err(AppError::invalid("changes", Problem::Required));
        }
        let version = draft.version;
        let mut update: indicator_checklists::ActiveModel = draft.into();
        update.status = Set(ChecklistStatus::Published.code().to_string());
        update.published_by = Set(Some(user.id));
        update.published_at = Set(Some(Utc::now()));
        update.update(&txn).await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "checklist.publish", "checklist").object(version),
        )
        .await?;
        // The new version appears in the library, and those who follow it are told.
        library::sync_library(&txn, ctx.request_id(), Some(user)).await?;
        Ok(())
    }
    .await;
    ctx.finish_write(txn, result, ctx.event("checklist.publish", "checklist"))
        .await
}
