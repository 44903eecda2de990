//! The times of the shelter (seed 001): how long stays last, per kind of structure and
//! in the network's shelter as a whole; how long people proposed for a bed waited; and
//! the rules of the bed board that refused a placement or were set aside.
//!
//! - A *stay* in a kind of structure runs from the first night in it to the day she left
//!   that kind; moves between beds of the same kind do not end it. A *whole stay* runs
//!   from her first night in a shelter of the network to the day she left the board.
//!   Each is counted in the period it ended in, under the structure she left from;
//!   dependent children stay with their mother and are not counted apart.
//! - A *wait* runs from the day her entry was written on the waiting list to the day it
//!   closed with a bed (placed in the period), or to the period's end (still waiting).
//!   It belongs to the organisation that proposed her; her province decides as elsewhere.
//! - A *refusal* is a rule that stopped a placement or a move; a rule *set aside* let a
//!   reception manager (or the coordinator) go on with a reason; an undone change takes
//!   its rows back. Each person once per rule and column.
//!
//! The first column of the stays and the waits counts people, each once per row; their
//! lists show every stay or wait, and the averages are of those.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::super::model::{Label, TableId};
use super::super::tables::{by_ids, Member, RawTable, Scope};
use crate::beds::model::{StructureKind, MOVED_TO_ANOTHER_BED};
use crate::entity::{people, placement_rule_checks, placements, structures, waiting_list};
use crate::kernel::clock::day_in_italy;
use crate::kernel::error::{AppError, Breach};

/// The three tables, for the structures of the scope (`in_scope`) and the period.
pub(super) async fn shelter_times<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
    in_scope: &[structures::Model],
    (from, to): (NaiveDate, NaiveDate),
    today: NaiveDate,
) -> Result<Vec<RawTable>, AppError> {
    Ok(vec![
        length_of_stay(conn, in_scope, from, to).await?,
        waiting_times(conn, scope, from, to.min(today)).await?,
        rule_refusals(conn, in_scope, from, to).await?,
    ])
}

async fn length_of_stay<C: ConnectionTrait>(
    conn: &C,
    in_scope: &[structures::Model],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<RawTable, AppError> {
    let mut table = RawTable::new(
        TableId::LengthOfStay,
        StructureKind::ALL
            .iter()
            .map(|kind| Label::StructureKind(*kind))
            .chain([Label::WholeStay])
            .collect(),
        vec![Label::StaysEnded, Label::AverageDays],
    );
    let ids: Vec<i32> = in_scope.iter().map(|s| s.id).collect();
    let ending = placements::Entity::find()
        .filter(placements::Column::StructureId.is_in(ids))
        .filter(placements::Column::EndedOn.gte(from))
        .filter(placements::Column::EndedOn.lte(to))
        .order_by_asc(placements::Column::Id)
        .all(conn)
        .await?;
    let person_ids: HashSet<i32> = ending.iter().map(|stay| stay.person_id).collect();
    let people =
        by_ids::<_, people::Entity>(conn, people::Column::Id, &person_ids, |p| p.id).await?;
    // Every stay of these people, wherever it was: a stay may have begun outside the scope.
    let mut stays_of: HashMap<i32, Vec<placements::Model>> = HashMap::new();
    let ids: Vec<i32> = person_ids.iter().copied().collect();
    for chunk in ids.chunks(500) {
        for stay in placements::Entity::find()
            .filter(placements::Column::PersonId.is_in(chunk.iter().copied()))
            .all(conn)
            .await?
        {
            stays_of.entry(stay.person_id).or_default().push(stay);
        }
    }
    let kinds: HashMap<i32, StructureKind> = structures::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .map(|s| {
            (
                s.id,
                StructureKind::from_stored(&s.kind, StructureKind::Emergency),
            )
        })
        .collect();
    let kind_of = |stay: &placements::Model| kinds.get(&stay.structure_id).copied();
    let whole_row = StructureKind::ALL.len();
    for stay in &ending {
        let (Some(person), Some(ended_on)) = (people.get(&stay.person_id), stay.ended_on) else {
            continue;
        };
        if person.family_head_id.is_some() || person.duplicate_of.is_some() {
            continue;
        }
        let stays = stays_of.get(&stay.person_id).map_or(&[][..], Vec::as_slice);
        let moved = stay.end_reason.as_deref() == Some(MOVED_TO_ANOTHER_BED);
        let next = moved.then(|| moved_to(stays, stay)).flatten();
        let kind = kind_of(stay);
        if let Some(row) = kind.and_then(|k| StructureKind::ALL.iter().position(|x| *x == k)) {
            if next.is_none_or(|next| kind_of(next) != kind) {
                let start = first_night(stays, stay, |earlier| kind_of(earlier) == kind);
                let days = (ended_on - start).num_days().max(0);
                let member = Member::Days {
                    person: person.id,
                    day: start,
                    days,
                };
                table.add(row, 0, 1, member);
            }
        }
        if next.is_none() {
            let start = first_night(stays, stay, |_| true);
            let days = (ended_on - start).num_days().max(0);
            let member = Member::Days {
                person: person.id,
                day: start,
                days,
            };
            table.add(whole_row, 0, 1, member);
        }
    }
    table.average_days(0, 1);
    Ok(table)
}

/// The stay a move opened from `stay`: hers, begun the day it ended, written after it.
fn moved_to<'a>(
    stays: &'a [placements::Model],
    stay: &placements::Model,
) -> Option<&'a placements::Model> {
    stays
        .iter()
        .filter(|next| next.id > stay.id && Some(next.started_on) == stay.ended_on)
        .min_by_key(|next| next.id)
}

/// The first night of the run of stays that ends with `stay`, going back through the
/// moves that led to it while `same` holds of the earlier stay.
fn first_night(
    stays: &[placements::Model],
    stay: &placements::Model,
    same: impl Fn(&placements::Model) -> bool,
) -> NaiveDate {
    let mut current = stay;
    // Each step goes to a stay written earlier, so the walk ends.
    while let Some(earlier) = stays
        .iter()
        .filter(|earlier| {
            earlier.id < current.id
                && earlier.ended_on == Some(current.started_on)
                && earlier.end_reason.as_deref() == Some(MOVED_TO_ANOTHER_BED)
        })
        .max_by_key(|earlier| earlier.id)
    {
        if !same(earlier) {
            break;
        }
        current = earlier;
    }
    current.started_on
}

async fn waiting_times<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
    from: NaiveDate,
    end: NaiveDate,
) -> Result<RawTable, AppError> {
    let mut table = RawTable::new(
        TableId::WaitingTimes,
        vec![Label::PlacedFromWaiting, Label::StillWaiting],
        vec![Label::People, Label::AverageDays],
    );
    let mut query = waiting_list::Entity::find().order_by_asc(waiting_list::Column::Id);
    if let Some(chosen) = &scope.organisations {
        query = query.filter(waiting_list::Column::OrganisationId.is_in(chosen.clone()));
    }
    let entries = query.all(conn).await?;
    let person_ids: HashSet<i32> = entries.iter().map(|entry| entry.person_id).collect();
    let people =
        by_ids::<_, people::Entity>(conn, people::Column::Id, &person_ids, |p| p.id).await?;
    for entry in entries {
        let Some(person) = people.get(&entry.person_id) else {
            continue;
        };
        let in_provinces = scope.provinces.is_empty() || scope.provinces.contains(&person.province);
        if !in_provinces || person.duplicate_of.is_some() {
            continue;
        }
        let written = day_in_italy(entry.created_at);
        let closed = entry.closed_at.map(day_in_italy);
        let placed = entry.status == crate::people::waiting::ssr::STATUS_PLACED;
        match closed {
            Some(day) if placed && day >= from && day <= end => {
                let days = (day - written).num_days().max(0);
                let member = Member::Days {
                    person: person.id,
                    day: written,
                    days,
                };
                table.add(0, 0, 1, member);
            }
            // A period yet to begin has no one waiting at its end.
            _ if end >= from && written <= end && closed.is_none_or(|day| day > end) => {
                let days = (end - written).num_days().max(0);
                let member = Member::Days {
                    person: person.id,
                    day: written,
                    days,
                };
                table.add(1, 0, 1, member);
            }
            _ => {}
        }
    }
    table.average_days(0, 1);
    Ok(table)
}

async fn rule_refusals<C: ConnectionTrait>(
    conn: &C,
    in_scope: &[structures::Model],
    from: NaiveDate,
    to: NaiveDate,
) -> Result<RawTable, AppError> {
    let mut table = RawTable::new(
        TableId::RuleRefusals,
        Breach::ALL.iter().map(|rule| Label::Rule(*rule)).collect(),
        vec![Label::Refused, Label::SetAside],
    );
    let ids: Vec<i32> = in_scope.iter().map(|s| s.id).collect();
    let mut counted: HashSet<(usize, usize, i32)> = HashSet::new();
    for check in placement_rule_checks::Entity::find()
        .filter(placement_rule_checks::Column::StructureId.is_in(ids))
        .filter(placement_rule_checks::Column::CheckedOn.gte(from))
        .filter(placement_rule_checks::Column::CheckedOn.lte(to))
        .order_by_asc(placement_rule_checks::Column::CheckedOn)
        .order_by_asc(placement_rule_checks::Column::Id)
        .all(conn)
        .await?
    {
        let Some(row) = Breach::from_code(&check.rule)
            .and_then(|rule| Breach::ALL.iter().position(|x| *x == rule))
        else {
            continue;
        };
        let column = usize::from(check.set_aside);
        if counted.insert((row, column, check.person_id)) {
            let member = Member::Person {
                id: check.person_id,
                day: check.checked_on,
            };
            table.add(row, column, 1, member);
        }
    }
    Ok(table)
}
