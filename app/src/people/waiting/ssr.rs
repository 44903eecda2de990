//! Database work of the waiting list. The team of an organisation in charge proposes a
//! person; reception managers of every implementing body see the list (codes and needs
//! only) so that any of them can offer a bed; the bed board takes from it.

use chrono::Utc;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Set,
};

use super::model::*;
use crate::audit::ssr::{record, record_alone, AuditEvent};
use crate::auth::model::Role;
use crate::auth::ssr::Ctx;
use crate::entity::{people, structures, waiting_list};
use crate::kernel::clock::today;
use crate::kernel::db::WriteTransaction;
use crate::kernel::error::{AppError, Conflict};
use crate::kernel::names::organisation_names;
use crate::notifications::model::NotificationKind;
use crate::notifications::ssr::{active_users_with_role, notify};
use crate::people::access::{
    find_person, may_manage, people_in_charge_of, person_codes, person_event, person_for_change,
    refuse,
};
use crate::people::registry::model::PathStatus;

pub const STATUS_WAITING: &str = "waiting";
pub const STATUS_WITHDRAWN: &str = "withdrawn";
/// Closed by a bed on the board.
pub const STATUS_PLACED: &str = "placed";

/// Reception managers and the coordinator see the whole network's list; the rest of the
/// front line sees the people of their own organisation.
pub async fn waiting_list(ctx: &Ctx) -> Result<WaitingList, AppError> {
    let user = ctx.user()?;
    let network_wide = user.is_network_wide() || user.has_role(Role::ReceptionManager);
    let mut query =
        waiting_list::Entity::find().filter(waiting_list::Column::Status.eq(STATUS_WAITING));
    if !network_wide {
        query = query.filter(
            waiting_list::Column::PersonId.in_subquery(people_in_charge_of(user.organisation_id)),
        );
    }
    let entries = query
        .order_by_asc(waiting_list::Column::WantedFrom)
        .all(&ctx.db)
        .await?;
    let rows = rows_of(&ctx.db, entries).await?;
    record_alone(
        &ctx.db,
        ctx.request_id(),
        AuditEvent::new(Some(user), "waiting.list", "person")
            .detail(format!("rows={}", rows.len())),
    )
    .await?;
    Ok(WaitingList { rows, network_wide })
}

pub async fn rows_of<C: ConnectionTrait>(
    conn: &C,
    entries: Vec<waiting_list::Model>,
) -> Result<Vec<WaitingRow>, AppError> {
    let codes = person_codes(conn, entries.iter().map(|e| e.person_id)).await?;
    let names = organisation_names(conn, entries.iter().map(|e| e.organisation_id)).await?;
    let today = today();
    let mut rows: Vec<WaitingRow> = entries
        .into_iter()
        .map(|entry| WaitingRow {
            id: entry.id,
            code: codes.get(&entry.person_id).cloned().unwrap_or_default(),
            urgency: Urgency::from_stored(&entry.urgency, Urgency::Normal),
            target_group: TargetGroup::from_stored(&entry.target_group, TargetGroup::Women),
            children: entry.children,
            minor: entry.minor,
            disability: entry.disability,
            language: entry.language,
            preferred_province: entry.preferred_province,
            wanted_from: entry.wanted_from,
            waiting_days: (today - entry.created_at.date_naive()).num_days().max(0),
            organisation: names
                .get(&entry.organisation_id)
                .cloned()
                .unwrap_or_default(),
        })
        .collect();
    rows.sort_by_key(WaitingRow::list_order);
    Ok(rows)
}

/// The open entry of one person, if she is waiting.
pub async fn open_entry_of<C: ConnectionTrait>(
    conn: &C,
    person_id: i32,
) -> Result<Option<WaitingRow>, AppError> {
    let entries = waiting_list::Entity::find()
        .filter(waiting_list::Column::PersonId.eq(person_id))
        .filter(waiting_list::Column::Status.eq(STATUS_WAITING))
        .all(conn)
        .await?;
    Ok(rows_of(conn, entries).await?.into_iter().next())
}

pub async fn add_to_waiting_list(
    ctx: &Ctx,
    code: &str,
    entry: ValidWaiting,
) -> Result<(), AppError> {
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result = add_to_waiting_list_in(ctx, &txn, code, entry).await;
    ctx.finish_write(txn, result, person_event(ctx, "person.waiting.add", code))
        .await
}

async fn add_to_waiting_list_in(
    ctx: &Ctx,
    txn: &WriteTransaction,
    code: &str,
    entry: ValidWaiting,
) -> Result<(), AppError> {
    let user = ctx.user()?;
    let person = person_for_change(txn, ctx, code, "person.waiting.add").await?;
    let inserted = waiting_list::ActiveModel {
        person_id: Set(person.id),
        urgency: Set(entry.urgency.code().to_string()),
        target_group: Set(entry.target_group.code().to_string()),
        children: Set(entry.children),
        minor: Set(entry.minor),
        disability: Set(entry.disability),
        language: Set(entry.language),
        preferred_province: Set(entry.preferred_province),
        wanted_from: Set(entry.wanted_from),
        status: Set(STATUS_WAITING.to_string()),
        organisation_id: Set(user.organisation_id),
        created_by: Set(user.id),
        created_at: Set(Utc::now()),
        closed_at: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await;
    let created = match inserted {
        Ok(created) => created,
        // The partial unique index: she is already waiting (perhaps proposed a moment
        // ago by a colleague).
        Err(error)
            if matches!(
                error.sql_err(),
                Some(sea_orm::SqlErr::UniqueConstraintViolation(_))
            ) =>
        {
            return Err(AppError::Conflict {
                conflict: Conflict::AlreadyWaiting,
            });
        }
        Err(error) => return Err(error.into()),
    };
    let status = PathStatus::from_stored(&person.status, PathStatus::Contact);
    if status < PathStatus::Proposal {
        let mut update: people::ActiveModel = person.clone().into();
        update.status = Set(PathStatus::Proposal.code().to_string());
        update.updated_at = Set(Utc::now());
        update.update(txn).await?;
        crate::people::access::record_path_step(
            txn,
            person.id,
            PathStatus::Proposal,
            None,
            crate::kernel::clock::today(),
            Some(user),
        )
        .await?;
    }
    tell_reception_managers(
        txn,
        user.id,
        &person.code,
        created.preferred_province.as_deref(),
    )
    .await?;
    record(
        txn,
        ctx.request_id(),
        AuditEvent::new(Some(user), "person.waiting.add", "person")
            .object(&person.code)
            .detail(format!(
                "entry={} urgency={}",
                created.id,
                entry.urgency.code()
            )),
    )
    .await?;
    Ok(())
}

pub async fn withdraw_from_waiting_list(ctx: &Ctx, code: &str) -> Result<(), AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let person = find_person(&txn, code).await?;
        if !may_manage(&txn, user, &person).await? && !user.is_network_wide() {
            let error = refuse(&txn, ctx, "person.waiting.withdraw", &person).await?;
            return Err(error);
        }
        let entry = waiting_list::Entity::find()
            .filter(waiting_list::Column::PersonId.eq(person.id))
            .filter(waiting_list::Column::Status.eq(STATUS_WAITING))
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        let id = entry.id;
        let mut update: waiting_list::ActiveModel = entry.into();
        update.status = Set(STATUS_WITHDRAWN.to_string());
        update.closed_at = Set(Some(Utc::now()));
        update.update(&txn).await?;
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.waiting.withdraw", "person")
                .object(&person.code)
                .detail(format!("entry={id}")),
        )
        .await?;
        Ok(())
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        person_event(ctx, "person.waiting.withdraw", code),
    )
    .await
}

/// A proposal is news for the reception managers who could offer her a bed: those of the
/// bodies with an active structure in her preferred province (in any province when she
/// has none). Told by code only, with the board as the link.
async fn tell_reception_managers<C: ConnectionTrait>(
    conn: &C,
    proposer: i32,
    code: &str,
    province: Option<&str>,
) -> Result<(), AppError> {
    let mut structures = structures::Entity::find().filter(structures::Column::Active.eq(true));
    if let Some(province) = province {
        structures = structures.filter(structures::Column::Province.eq(province));
    }
    let mut bodies: Vec<i32> = structures
        .all(conn)
        .await?
        .into_iter()
        .map(|structure| structure.organisation_id)
        .collect();
    bodies.sort_unstable();
    bodies.dedup();
    if bodies.is_empty() {
        return Ok(());
    }
    for manager in active_users_with_role(conn, Role::ReceptionManager, Some(&bodies)).await? {
        if manager != proposer {
            notify(
                conn,
                manager,
                NotificationKind::BedProposal,
                code,
                "/posti-letto",
            )
            .await?;
        }
    }
    Ok(())
}
