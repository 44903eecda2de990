//! Taking back one's last change on the board, for a minute after it was made (a bed
//! chosen by mistake, a drop on the wrong card). The change is remembered for its
//! author in the database, in the change's own transaction (`board_undo`, one row per
//! user): which stays it opened and ended, which waiting-list entries it closed and which
//! path statuses it moved on. Undoing reverts exactly those, in one audited transaction,
//! and only while the board is still as the change left it.

use chrono::Utc;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};
use serde::{Deserialize, Serialize};

use super::{finish, may_manage_structure};
use crate::audit::ssr::{record, AuditEvent};
use crate::auth::model::CurrentUser;
use crate::auth::ssr::Ctx;
use crate::beds::live::{BoardChange, Touched};
use crate::beds::model::{UndoAction, UndoOffer, UNDO_SECONDS};
use crate::entity::{
    board_undo, path_events, people, placement_rule_checks, placements, structures, waiting_list,
};
use crate::kernel::error::{AppError, Conflict};
use crate::people::registry::model::PathStatus;
use crate::people::waiting::ssr::STATUS_WAITING;

use crate::beds::ssr::STATUS_PLACED;

/// What a change on the board did, as far as undoing it needs to know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LastChange {
    pub action: UndoAction,
    /// The person the change was about (her children may have moved with her).
    pub code: String,
    /// When it was committed (Unix seconds).
    pub at: i64,
    /// Stays it opened.
    pub opened: Vec<i32>,
    /// Stays it ended.
    pub ended: Vec<i32>,
    /// Waiting-list entries it closed as placed.
    pub waiting_closed: Vec<i32>,
    /// People whose path status it moved to "placed", with the status they had.
    pub statuses: Vec<(i32, String)>,
    /// The rows of the rules it set aside (`placement_rule_checks`): a change taken back
    /// set nothing aside. (Changes remembered before these rows existed have none.)
    #[serde(default)]
    pub rules_set_aside: Vec<i32>,
}

impl LastChange {
    pub fn new(action: UndoAction, code: &str) -> Self {
        LastChange {
            action,
            code: code.to_string(),
            at: Utc::now().timestamp(),
            opened: Vec::new(),
            ended: Vec::new(),
            waiting_closed: Vec::new(),
            statuses: Vec::new(),
            rules_set_aside: Vec::new(),
        }
    }

    fn seconds_left(&self) -> i64 {
        UNDO_SECONDS - (Utc::now().timestamp() - self.at)
    }
}

/// Keeps a change as the one its author may take back: in the change's transaction,
/// so that it is there exactly when the change is.
pub async fn remember<C: ConnectionTrait>(
    txn: &C,
    user: &CurrentUser,
    change: &LastChange,
) -> Result<(), AppError> {
    let text = serde_json::to_string(change).map_err(|_| AppError::Internal)?;
    let row = board_undo::ActiveModel {
        user_id: Set(user.id),
        change: Set(text),
        made_at: Set(Utc::now()),
    };
    board_undo::Entity::insert(row)
        .on_conflict(
            OnConflict::column(board_undo::Column::UserId)
                .update_columns([board_undo::Column::Change, board_undo::Column::MadeAt])
                .to_owned(),
        )
        .exec_without_returning(txn)
        .await?;
    Ok(())
}

/// The user's last change, if she may still take it back.
async fn last_change<C: ConnectionTrait>(
    conn: &C,
    user: &CurrentUser,
) -> Result<Option<LastChange>, AppError> {
    let row = board_undo::Entity::find_by_id(user.id).one(conn).await?;
    Ok(row
        .and_then(|row| serde_json::from_str::<LastChange>(&row.change).ok())
        .filter(|last| last.seconds_left() > 0))
}

/// Forgets the user's last change: taken back, or overtaken by later changes.
async fn forget<C: ConnectionTrait>(conn: &C, user: &CurrentUser) -> Result<(), AppError> {
    board_undo::Entity::delete_by_id(user.id).exec(conn).await?;
    Ok(())
}

/// What the board offers to take back, if the last change is recent enough.
pub async fn offer(ctx: &Ctx) -> Result<Option<UndoOffer>, AppError> {
    let last = last_change(&ctx.db, ctx.user()?).await?;
    Ok(last.and_then(|last| {
        let seconds_left = last.seconds_left();
        (seconds_left > 0).then_some(UndoOffer {
            action: last.action,
            code: last.code,
            seconds_left,
        })
    }))
}

fn stale() -> AppError {
    AppError::Conflict {
        conflict: Conflict::Stale,
    }
}

/// The stay, if the user may still manage its structure.
async fn managed_stay(
    txn: &sea_orm::DatabaseTransaction,
    user: &CurrentUser,
    id: i32,
) -> Result<placements::Model, AppError> {
    let stay = placements::Entity::find_by_id(id)
        .one(txn)
        .await?
        .ok_or_else(stale)?;
    let structure = structures::Entity::find_by_id(stay.structure_id)
        .one(txn)
        .await?
        .ok_or_else(stale)?;
    if !may_manage_structure(user, &structure) {
        return Err(AppError::Forbidden);
    }
    Ok(stay)
}

/// A reopened stay or a waiting-list entry put back may collide with what happened
/// since (the bed taken, the person placed or proposed again): the change is then stale.
fn unique_clash_is_stale(error: sea_orm::DbErr) -> AppError {
    if matches!(
        error.sql_err(),
        Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
    ) {
        stale()
    } else {
        error.into()
    }
}

/// The stays the change opened (still open) and ended (still ended), each in a
/// structure the user may still manage; stale otherwise.
async fn stays_as_left(
    txn: &sea_orm::DatabaseTransaction,
    user: &CurrentUser,
    last: &LastChange,
) -> Result<(Vec<placements::Model>, Vec<placements::Model>), AppError> {
    let mut opened = Vec::new();
    for id in &last.opened {
        let stay = managed_stay(txn, user, *id).await?;
        if stay.ended_on.is_some() {
            return Err(stale());
        }
        opened.push(stay);
    }
    let mut ended = Vec::new();
    for id in &last.ended {
        let stay = managed_stay(txn, user, *id).await?;
        if stay.ended_on.is_none() {
            return Err(stale());
        }
        ended.push(stay);
    }
    Ok((opened, ended))
}

/// Puts the waiting-list entries the change closed back to waiting.
async fn put_back_on_waiting_list(
    txn: &sea_orm::DatabaseTransaction,
    waiting_closed: &[i32],
) -> Result<(), AppError> {
    for id in waiting_closed {
        let entry = waiting_list::Entity::find_by_id(*id)
            .one(txn)
            .await?
            .filter(|entry| entry.status == STATUS_PLACED)
            .ok_or_else(stale)?;
        let mut back: waiting_list::ActiveModel = entry.into();
        back.status = Set(STATUS_WAITING.to_string());
        back.closed_at = Set(None);
        back.update(txn).await.map_err(unique_clash_is_stale)?;
    }
    Ok(())
}

/// Gives back the path statuses the change moved to "placed", with the status each had.
async fn restore_path_statuses(
    txn: &sea_orm::DatabaseTransaction,
    statuses: &[(i32, String)],
) -> Result<(), AppError> {
    for (person_id, status) in statuses {
        let Some(person) = people::Entity::find_by_id(*person_id).one(txn).await? else {
            return Err(stale());
        };
        // Only the step the placement made is taken back, not a later one.
        if person.status == PathStatus::Placed.code() {
            // The dated step the placement wrote goes too: the person never got there.
            let step = path_events::Entity::find()
                .filter(path_events::Column::PersonId.eq(person.id))
                .filter(path_events::Column::Status.eq(PathStatus::Placed.code()))
                .order_by_desc(path_events::Column::Id)
                .one(txn)
                .await?;
            if let Some(step) = step {
                path_events::Entity::delete_by_id(step.id).exec(txn).await?;
            }
            let mut back: people::ActiveModel = person.into();
            back.status = Set(status.clone());
            back.updated_at = Set(Utc::now());
            back.update(txn).await?;
        }
    }
    Ok(())
}

/// Takes back the user's last change on the board. Answers the person's code.
pub async fn undo_last(ctx: &Ctx) -> Result<String, AppError> {
    let user = ctx.user()?;
    let last = last_change(&ctx.db, user)
        .await?
        .ok_or(AppError::Conflict {
            conflict: Conflict::NothingToUndo,
        })?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let mut on_board = Touched::default();
    let result = async {
        // Everything must still be as the change left it.
        let (opened, ended) = stays_as_left(&txn, user, &last).await?;
        // New stays go first, so that a move's old beds are free to reopen.
        let mut touched: Vec<i32> = Vec::new();
        for stay in &opened {
            on_board.bed(stay.bed_id);
            placements::Entity::delete_by_id(stay.id).exec(&txn).await?;
            touched.push(stay.person_id);
        }
        for stay in ended {
            touched.push(stay.person_id);
            on_board.bed(stay.bed_id);
            let mut reopened: placements::ActiveModel = stay.into();
            reopened.ended_on = Set(None);
            reopened.end_reason = Set(None);
            reopened.ended_by = Set(None);
            reopened.update(&txn).await.map_err(unique_clash_is_stale)?;
        }
        put_back_on_waiting_list(&txn, &last.waiting_closed).await?;
        for entry in &last.waiting_closed {
            on_board.entry(*entry);
        }
        restore_path_statuses(&txn, &last.statuses).await?;
        if !last.rules_set_aside.is_empty() {
            placement_rule_checks::Entity::delete_many()
                .filter(placement_rule_checks::Column::Id.is_in(last.rules_set_aside.clone()))
                .exec(&txn)
                .await?;
        }
        forget(&txn, user).await?;
        touched.sort_unstable();
        touched.dedup();
        let removed: Vec<String> = last.opened.iter().map(i32::to_string).collect();
        let reopened: Vec<String> = last.ended.iter().map(i32::to_string).collect();
        for person_id in touched {
            let Some(person) = people::Entity::find_by_id(person_id).one(&txn).await? else {
                continue;
            };
            record(
                &txn,
                ctx.request_id(),
                AuditEvent::new(Some(user), "bed.undo", "person")
                    .object(&person.code)
                    .detail(format!(
                        "undoes={} removed_placements={} reopened_placements={}",
                        last.action.code(),
                        removed.join(","),
                        reopened.join(",")
                    )),
            )
            .await?;
        }
        Ok(last.code.clone())
    }
    .await;
    let settled = finish(
        txn,
        ctx,
        (BoardChange::Placements, on_board),
        "bed.undo",
        ("person", last.code.clone()),
        result,
    )
    .await;
    // Overtaken by later changes: there is nothing left to take back (when done, the
    // change was forgotten in the undo's own transaction).
    if matches!(settled, Err(AppError::Conflict { .. })) {
        let txn = crate::kernel::db::begin_write(&ctx.db).await?;
        forget(&txn, user).await?;
        txn.commit().await?;
    }
    settled
}
