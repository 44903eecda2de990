//! The dashboards' tables: beds today and month by month, and the people who moved along
//! the path during the period, per province and per organisation. Counted by the funder
//! report's rules (its scope, duplicates once, dependent children beside their mother),
//! so the two pages never disagree; suppressed and linked to their lists the same way.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::model::{ColumnKind, Label, TableId};
use super::tables::{
    nights_within, people_in_scope, structures_in_scope, Member, RawTable, Scope, ScopePeople,
};
use crate::auth::model::PROVINCES;
use crate::entity::{beds, path_events, people, person_organisations, placements, structures};
use crate::kernel::error::AppError;
use crate::kernel::names::organisation_names;
use crate::people::registry::model::{ExitOutcome, PathStatus};

/// The columns of the tables of beds today: the people in them first, then the beds that
/// hold no one, then all beds (the sum).
const BED_COLUMNS: [Label; 5] = [
    Label::Occupied,
    Label::Held,
    Label::OutOfService,
    Label::Free,
    Label::Beds,
];

/// All dashboard tables for `scope`: beds on `today` (holds read against `now`), months
/// and flows within `from..=to`.
pub async fn compute<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Vec<RawTable>, AppError> {
    let structures = structures_in_scope(conn, scope).await?;
    let ids: Vec<i32> = structures.iter().map(|s| s.id).collect();
    let beds = beds::Entity::find()
        .filter(beds::Column::StructureId.is_in(ids.clone()))
        .order_by_asc(beds::Column::Id)
        .all(conn)
        .await?;
    let stays = placements::Entity::find()
        .filter(placements::Column::StructureId.is_in(ids))
        .filter(placements::Column::StartedOn.lte(to.max(today)))
        .order_by_asc(placements::Column::Id)
        .all(conn)
        .await?;
    let names = organisation_names(conn, structures.iter().map(|s| s.organisation_id)).await?;

    let by_province = beds_today(
        TableId::OccupancyByProvince,
        &structures,
        &beds,
        &stays,
        |s| Label::Province(s.province.clone()),
        today,
        now,
    );
    let by_organisation = beds_today(
        TableId::OccupancyByOrganisation,
        &structures,
        &beds,
        &stays,
        |s| Label::Organisation(names.get(&s.organisation_id).cloned().unwrap_or_default()),
        today,
        now,
    );
    let by_month = occupancy_by_month(&structures, &beds, &stays, from, to);
    let mut tables = vec![by_province, by_organisation, by_month];
    tables.extend(flows(conn, scope, from, to).await?);
    tables.extend(times::shelter_times(conn, scope, &structures, (from, to), today).await?);
    Ok(tables)
}

mod times;

/// Rows in a stable order: provinces as the region lists them, anything else by name.
fn ordered(mut labels: Vec<Label>) -> Vec<Label> {
    let rank = |label: &Label| match label {
        Label::Province(code) => PROVINCES
            .iter()
            .position(|(c, _, _)| c == code)
            .unwrap_or(PROVINCES.len()),
        _ => 0,
    };
    labels.sort_by(|a, b| {
        rank(a).cmp(&rank(b)).then_with(|| match (a, b) {
            (Label::Province(x), Label::Province(y))
            | (Label::Organisation(x), Label::Organisation(y)) => x.cmp(y),
            _ => std::cmp::Ordering::Equal,
        })
    });
    labels.dedup();
    labels
}

/// Each bed's state today, as the board shows it (occupied, out of service, held, free),
/// summed per row; the last row and column are the totals.
fn beds_today(
    id: TableId,
    structures: &[structures::Model],
    beds: &[beds::Model],
    stays: &[placements::Model],
    row_label: impl Fn(&structures::Model) -> Label,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> RawTable {
    let labels = ordered(structures.iter().map(&row_label).collect());
    let mut table = RawTable::new(
        id,
        labels.iter().cloned().chain([Label::Total]).collect(),
        BED_COLUMNS.to_vec(),
    );
    // Only the people in beds are counted as people; a hold is a bed kept for someone who
    // has not arrived. The number of beds is public (the funder report lists them).
    table.kinds = vec![
        ColumnKind::People,
        ColumnKind::Other,
        ColumnKind::Other,
        ColumnKind::Other,
        ColumnKind::Public,
    ];
    let row_of: HashMap<i32, usize> = structures
        .iter()
        .filter_map(|s| {
            let label = row_label(s);
            labels
                .iter()
                .position(|l| *l == label)
                .map(|row| (s.id, row))
        })
        .collect();
    let open: HashMap<i32, &placements::Model> = stays
        .iter()
        .filter(|stay| stay.ended_on.is_none())
        .map(|stay| (stay.bed_id, stay))
        .collect();
    for bed in beds {
        let Some(&row) = row_of.get(&bed.structure_id) else {
            continue;
        };
        let held = bed.held_until.is_some_and(|until| until > now);
        match (open.get(&bed.id), &bed.out_of_service_reason, held) {
            (Some(stay), _, _) => table.add(
                row,
                0,
                1,
                Member::Stay {
                    placement: stay.id,
                    days: (today - stay.started_on).num_days().max(0),
                },
            ),
            (None, Some(_), _) => table.count(row, 2, 1),
            (None, None, true) => table.count(row, 1, 1),
            (None, None, false) => table.count(row, 3, 1),
        }
    }
    table.with_totals(true, true)
}

/// The first day of each month of the period (the period's first day for the first),
/// with the month's last day inside the period.
pub fn months_of(from: NaiveDate, to: NaiveDate) -> Vec<(NaiveDate, NaiveDate)> {
    let mut months = Vec::new();
    let mut start = from;
    while start <= to {
        let next = if start.month() == 12 {
            NaiveDate::from_ymd_opt(start.year() + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(start.year(), start.month() + 1, 1)
        };
        let Some(next) = next else { break };
        let end = (next - chrono::Duration::days(1)).min(to);
        months.push((start, end));
        start = next;
    }
    months
}

/// Bed-days available and nights spent, month by month: the occupancy over time. Beds are
/// counted as they are today, as in the funder report's table of presence.
fn occupancy_by_month(
    structures: &[structures::Model],
    beds: &[beds::Model],
    stays: &[placements::Model],
    from: NaiveDate,
    to: NaiveDate,
) -> RawTable {
    let months = months_of(from, to);
    let in_scope: HashSet<i32> = structures.iter().map(|s| s.id).collect();
    let bed_count = beds
        .iter()
        .filter(|b| in_scope.contains(&b.structure_id))
        .count() as i64;
    let mut table = RawTable::new(
        TableId::OccupancyByMonth,
        months
            .iter()
            .map(|(start, _)| Label::Month(*start))
            .collect(),
        vec![Label::AvailableDays, Label::PresenceDays],
    );
    table.kinds = vec![ColumnKind::Public, ColumnKind::People];
    for (row, (start, end)) in months.iter().enumerate() {
        table.count(row, 0, bed_count * ((*end - *start).num_days() + 1));
        for stay in stays.iter().filter(|s| in_scope.contains(&s.structure_id)) {
            let days = nights_within(stay, *start, *end);
            if days > 0 {
                table.add(
                    row,
                    1,
                    days,
                    Member::Stay {
                        placement: stay.id,
                        days,
                    },
                );
            }
        }
    }
    table
}

/// The people who reached each step of the path during the period (each counted once per
/// step, on the first day she reached it), how their paths ended, and the same steps per
/// province and per organisation in charge.
async fn flows<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<RawTable>, AppError> {
    let ScopePeople { everyone, .. } = people_in_scope(conn, scope).await?;
    // Dependent children follow their mother's path and are not counted apart.
    let people: HashMap<i32, &people::Model> = everyone
        .iter()
        .filter(|p| p.family_head_id.is_none())
        .map(|p| (p.id, p))
        .collect();
    let reached = steps_reached(conn, &people, from, to).await?;
    let stages: Vec<Label> = PathStatus::ALL.iter().map(|s| Label::Stage(*s)).collect();
    let exited = PathStatus::ALL
        .iter()
        .position(|s| *s == PathStatus::Exited)
        .unwrap_or(PathStatus::ALL.len() - 1);

    let mut flow = RawTable::new(TableId::PathFlow, stages.clone(), vec![Label::People]);
    let mut exits = RawTable::new(
        TableId::ExitsByOutcome,
        ExitOutcome::ALL
            .iter()
            .map(|o| Label::ExitOutcome(*o))
            .chain([Label::Total])
            .collect(),
        vec![Label::People],
    );
    let provinces = ordered(
        reached
            .keys()
            .filter_map(|(id, _)| people.get(id))
            .map(|p| Label::Province(p.province.clone()))
            .collect(),
    );
    let mut by_province = RawTable::new(
        TableId::FlowByProvince,
        provinces.iter().cloned().chain([Label::Total]).collect(),
        stages.clone(),
    );
    // A person may be followed by two bodies: she counts under each, so these rows do
    // not add up and carry no total.
    let bodies = bodies_in_charge(conn, scope, &people).await?;
    let names = organisation_names(conn, bodies.values().flatten().copied()).await?;
    let organisations = ordered(
        names
            .values()
            .map(|name| Label::Organisation(name.clone()))
            .collect(),
    );
    let mut by_organisation =
        RawTable::new(TableId::FlowByOrganisation, organisations.clone(), stages);

    for (&(person_id, stage), (day, outcome)) in &reached {
        let Some(person) = people.get(&person_id) else {
            continue;
        };
        let member = Member::Person {
            id: person_id,
            day: *day,
        };
        flow.add(stage, 0, 1, member);
        if stage == exited {
            exits.add(exit_row(outcome.as_deref()), 0, 1, member);
        }
        let province = Label::Province(person.province.clone());
        if let Some(row) = provinces.iter().position(|l| *l == province) {
            by_province.add(row, stage, 1, member);
        }
        for body in bodies.get(&person_id).into_iter().flatten() {
            let Some(name) = names.get(body) else {
                continue;
            };
            let label = Label::Organisation(name.clone());
            if let Some(row) = organisations.iter().position(|l| *l == label) {
                by_organisation.add(row, stage, 1, member);
            }
        }
    }
    Ok(vec![
        flow,
        exits.with_totals(true, false),
        by_province.with_totals(true, false),
        by_organisation,
    ])
}

/// By person and step of the path (its index in `PathStatus::ALL`): the first day reached
/// and the outcome recorded with it.
type StepsReached = BTreeMap<(i32, usize), (NaiveDate, Option<String>)>;

/// For each person of `people` and each step of the path, the first day she reached it
/// within `from..=to` (and the outcome of her first exit).
async fn steps_reached<C: ConnectionTrait>(
    conn: &C,
    people: &HashMap<i32, &people::Model>,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<StepsReached, AppError> {
    let mut reached: StepsReached = BTreeMap::new();
    for step in path_events::Entity::find()
        .filter(path_events::Column::OnDate.gte(from))
        .filter(path_events::Column::OnDate.lte(to))
        .order_by_asc(path_events::Column::OnDate)
        .order_by_asc(path_events::Column::Id)
        .all(conn)
        .await?
    {
        let Some(stage) = PathStatus::from_code(&step.status)
            .and_then(|s| PathStatus::ALL.iter().position(|x| *x == s))
        else {
            continue;
        };
        if people.contains_key(&step.person_id) {
            reached
                .entry((step.person_id, stage))
                .or_insert((step.on_date, step.exit_outcome));
        }
    }
    Ok(reached)
}

/// The bodies of the scope that follow each person of `people`, by the person's id.
async fn bodies_in_charge<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
    people: &HashMap<i32, &people::Model>,
) -> Result<HashMap<i32, Vec<i32>>, AppError> {
    let mut bodies: HashMap<i32, Vec<i32>> = HashMap::new();
    // Read whole (one row per person and body): a list of every person's id would pass
    // the databases' limit of bound values in a large network.
    for link in person_organisations::Entity::find().all(conn).await? {
        let chosen = scope
            .organisations
            .as_ref()
            .is_none_or(|ids| ids.contains(&link.organisation_id));
        if chosen && people.contains_key(&link.person_id) {
            bodies
                .entry(link.person_id)
                .or_default()
                .push(link.organisation_id);
        }
    }
    Ok(bodies)
}

/// The row of the table of exits for a stored outcome (unknown ones count as "other").
fn exit_row(outcome: Option<&str>) -> usize {
    let outcome = outcome
        .and_then(ExitOutcome::from_code)
        .unwrap_or(ExitOutcome::Other);
    ExitOutcome::ALL
        .iter()
        .position(|o| *o == outcome)
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_cut_to_the_period() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            months_of(day(2025, 11, 15), day(2026, 1, 10)),
            vec![
                (day(2025, 11, 15), day(2025, 11, 30)),
                (day(2025, 12, 1), day(2025, 12, 31)),
                (day(2026, 1, 1), day(2026, 1, 10)),
            ]
        );
        assert_eq!(
            months_of(day(2026, 2, 1), day(2026, 2, 28)),
            vec![(day(2026, 2, 1), day(2026, 2, 28))]
        );
    }
}
