//! The occupancy timeline of one structure.

use super::*;

// ---------------------------------------------------------------- occupancy timeline

fn month_start(text: &str, today: NaiveDate) -> NaiveDate {
    crate::kernel::dates::form_month(text).unwrap_or_else(|| today.with_day(1).unwrap_or(today))
}

fn next_month(start: NaiveDate) -> NaiveDate {
    start
        .checked_add_months(chrono::Months::new(1))
        .unwrap_or(start)
}

/// Who was in which bed in one month, and the days of presence and occupancy of the
/// twelve months up to it. Codes only; any board user may read it.
pub async fn timeline(ctx: &Ctx, structure_id: i32, month: &str) -> Result<Timeline, AppError> {
    let user = ctx.user()?;
    let txn = crate::kernel::db::begin_write(&ctx.db).await?;
    let result: Result<_, AppError> = async {
        let today = today();
        let start = month_start(month, today);
        let end = next_month(start);
        let structure = structures::Entity::find_by_id(structure_id)
            .one(&txn)
            .await?
            .ok_or(AppError::NotFound)?;
        let structure_beds = beds::Entity::find()
            .filter(beds::Column::StructureId.eq(structure.id))
            .order_by_asc(beds::Column::Position)
            .all(&txn)
            .await?;
        let year_start = start
            .checked_sub_months(chrono::Months::new(11))
            .unwrap_or(start);
        let stays = placements::Entity::find()
            .filter(placements::Column::StructureId.eq(structure.id))
            .filter(placements::Column::StartedOn.lt(end))
            .all(&txn)
            .await?
            .into_iter()
            .filter(|p| p.ended_on.is_none_or(|e| e > year_start))
            .collect::<Vec<_>>();
        let codes = person_codes(&txn, stays.iter().map(|p| p.person_id)).await?;
        let kind = StructureKind::from_stored(&structure.kind, StructureKind::SecondReception);
        let days_in_month = (end - start).num_days() as u32;
        let rows: Vec<TimelineRow> = structure_beds
            .iter()
            .map(|bed| TimelineRow {
                bed: bed.label.clone(),
                stays: stays
                    .iter()
                    .filter(|p| {
                        p.bed_id == bed.id
                            && presence_days(p.started_on, p.ended_on, today, start, end) > 0
                    })
                    .map(|p| stay_bar(p, &codes, kind, today, (start, end)))
                    .collect(),
            })
            .collect();
        let presence = monthly_presence(&stays, structure_beds.len(), today, (year_start, end));
        record(
            &txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "structure.timeline", "structure")
                .object(structure.id)
                .detail(format!("month={}", start.format("%Y-%m"))),
        )
        .await?;
        // The month's guests are read by code: each read is in her access log.
        record_guests_read(&txn, ctx, user, structure.id, start, &rows).await?;
        Ok(Timeline {
            structure: structure.name,
            month: start.format("%Y-%m").to_string(),
            previous_month: start
                .checked_sub_months(chrono::Months::new(1))
                .unwrap_or(start)
                .format("%Y-%m")
                .to_string(),
            next_month: end.format("%Y-%m").to_string(),
            days_in_month,
            today_day: (start <= today && today < end).then(|| today.day()),
            rows,
            presence,
        })
    }
    .await;
    ctx.finish_write(
        txn,
        result,
        ctx.event("structure.timeline", "structure")
            .object(structure_id),
    )
    .await
}

/// A stay's bar in the month `[start, end)`: the days it covers, cut to the month.
fn stay_bar(
    p: &placements::Model,
    codes: &HashMap<i32, String>,
    kind: StructureKind,
    today: NaiveDate,
    (start, end): (NaiveDate, NaiveDate),
) -> TimelineStay {
    let last = p
        .ended_on
        .map(|e| e - Duration::days(1))
        .unwrap_or(today)
        .min(end - Duration::days(1));
    let planned = p.planned_exit_on.or_else(|| {
        matches!(kind, StructureKind::Emergency | StructureKind::SafeHouse)
            .then(|| p.started_on + Duration::days(EMERGENCY_STAY_DAYS))
    });
    TimelineStay {
        code: codes.get(&p.person_id).cloned().unwrap_or_default(),
        started_on: p.started_on,
        ended_on: p.ended_on,
        first_day: p.started_on.max(start).day(),
        last_day: last.day(),
        exit_overdue: p.ended_on.is_none() && planned.is_some_and(|d| d < today),
    }
}

/// The days of presence and occupancy of each month from `year_start` up to `end`, for
/// a structure of `bed_count` beds.
fn monthly_presence(
    stays: &[placements::Model],
    bed_count: usize,
    today: NaiveDate,
    (year_start, end): (NaiveDate, NaiveDate),
) -> Vec<MonthPresence> {
    let mut presence = Vec::new();
    let mut cursor = year_start;
    while cursor < end {
        let following = next_month(cursor);
        let days: i64 = stays
            .iter()
            .map(|p| presence_days(p.started_on, p.ended_on, today, cursor, following))
            .sum();
        let bed_days = bed_count as i64 * (following - cursor).num_days();
        presence.push(MonthPresence {
            month: cursor.format("%Y-%m").to_string(),
            days_of_presence: days,
            bed_days,
            occupancy: if bed_days > 0 {
                days * 100 / bed_days
            } else {
                0
            },
        });
        cursor = following;
    }
    presence
}

/// Writes in each shown guest's access log that her stay was read on the timeline.
async fn record_guests_read(
    txn: &DatabaseTransaction,
    ctx: &Ctx,
    user: &CurrentUser,
    structure_id: i32,
    start: NaiveDate,
    rows: &[TimelineRow],
) -> Result<(), AppError> {
    let shown: std::collections::BTreeSet<&String> = rows
        .iter()
        .flat_map(|row| row.stays.iter().map(|stay| &stay.code))
        .collect();
    for code in shown {
        record(
            txn,
            ctx.request_id(),
            AuditEvent::new(Some(user), "person.timeline.view", "person")
                .object(code)
                .detail(format!(
                    "structure={} month={}",
                    structure_id,
                    start.format("%Y-%m")
                )),
        )
        .await?;
    }
    Ok(())
}
