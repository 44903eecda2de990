//! The tables a report is computed into, and the scope it reads: who is counted, the
//! people and structures in scope, the nights of a stay. Shared by the funder report
//! (`ssr`) and the dashboards (`dashboard`), which otherwise do not know each other's code.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::model::*;
use crate::entity::{path_events, people, person_organisations, placements, structures};
use crate::kernel::error::AppError;
use crate::people::registry::model::PathStatus;

/// What one cell counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Member {
    Person {
        id: i32,
        day: NaiveDate,
    },
    Contact(i32),
    Stay {
        placement: i32,
        days: i64,
    },
    Screening(i32),
    Work(i32),
    Permit(i32),
    /// A span of a person's days that a figure averages (a stay, a wait), from `day`.
    Days {
        person: i32,
        day: NaiveDate,
        days: i64,
    },
}

/// A table before suppression: each cell's members and value.
pub struct RawTable {
    pub id: TableId,
    pub rows: Vec<Label>,
    pub columns: Vec<Label>,
    pub cells: Vec<Vec<(i64, Vec<Member>)>>,
    pub total_row: bool,
    pub total_column: bool,
    pub kinds: Vec<ColumnKind>,
    /// `guards[c] = Some(g)`: a figure of column `c` (an average) describes the people
    /// of column `g` in its row, and is withheld wherever they are not shown exactly.
    pub guards: Vec<Option<usize>>,
}

impl RawTable {
    pub fn new(id: TableId, rows: Vec<Label>, columns: Vec<Label>) -> Self {
        let cells = vec![vec![(0, Vec::new()); columns.len()]; rows.len()];
        let kinds = vec![ColumnKind::People; columns.len()];
        let guards = vec![None; columns.len()];
        RawTable {
            id,
            rows,
            columns,
            cells,
            total_row: false,
            total_column: false,
            kinds,
            guards,
        }
    }

    pub fn add(&mut self, row: usize, column: usize, amount: i64, member: Member) {
        let cell = &mut self.cells[row][column];
        cell.0 += amount;
        cell.1.push(member);
    }

    /// Adds to the row named `row`: rows are addressed by name where a table's rows are
    /// not a list of one kind, so that inserting a row shifts no other count. A table
    /// built without that row is a mistake of this code: a test stops at it (debug
    /// builds); a served report leaves the figure out and logs the mistake.
    pub fn add_to(&mut self, row: &Label, column: usize, amount: i64, member: Member) {
        match self.rows.iter().position(|named| named == row) {
            Some(index) => self.add(index, column, amount, member),
            None => {
                debug_assert!(false, "table {:?} has no row {row:?}", self.id);
                tracing::error!(table = ?self.id, row = ?row, "report table without this row");
            }
        }
    }

    /// A figure that counts no one (a free bed).
    pub fn count(&mut self, row: usize, column: usize, amount: i64) {
        self.cells[row][column].0 += amount;
    }

    /// Fills the last row and/or column with the sums of the others.
    pub fn with_totals(mut self, total_row: bool, total_column: bool) -> Self {
        let rows = self.rows.len();
        let columns = self.columns.len();
        if total_column {
            for r in 0..rows {
                let mut sum = (0, Vec::new());
                for c in 0..columns - 1 {
                    sum.0 += self.cells[r][c].0;
                    sum.1.extend(self.cells[r][c].1.iter().copied());
                }
                self.cells[r][columns - 1] = sum;
            }
        }
        if total_row {
            for c in 0..columns {
                let mut sum = (0, Vec::new());
                for r in 0..rows - 1 {
                    sum.0 += self.cells[r][c].0;
                    sum.1.extend(self.cells[r][c].1.iter().copied());
                }
                self.cells[rows - 1][c] = sum;
            }
        }
        self.total_row = total_row;
        self.total_column = total_column;
        self
    }

    /// Column `average` (kind `Other`) holds, per row, the rounded average of the days
    /// of the members of column `people`, and is guarded by it. Column `people` then
    /// counts the different people among its members (one may have two stays or waits):
    /// its figure, and so the guard, is a count of people, as suppression needs.
    pub fn average_days(&mut self, people: usize, average: usize) {
        self.kinds[average] = ColumnKind::Other;
        self.guards[average] = Some(people);
        for row in &mut self.cells {
            let different: HashSet<i32> = row[people]
                .1
                .iter()
                .filter_map(|member| match member {
                    Member::Days { person, .. } => Some(*person),
                    _ => None,
                })
                .collect();
            row[people].0 = i64::try_from(different.len()).unwrap_or(i64::MAX);
            let members = &row[people].1;
            let days: i64 = members
                .iter()
                .map(|member| match member {
                    Member::Days { days, .. } | Member::Stay { days, .. } => *days,
                    _ => 0,
                })
                .sum();
            let count = i64::try_from(members.len()).unwrap_or(i64::MAX);
            row[average].0 = if count == 0 {
                0
            } else {
                (days + count / 2) / count
            };
        }
    }

    pub fn values(&self) -> Vec<Vec<i64>> {
        self.cells
            .iter()
            .map(|row| row.iter().map(|cell| cell.0).collect())
            .collect()
    }
}

/// Which records a report is about.
#[derive(Clone, Debug)]
pub struct Scope {
    /// None: the whole network.
    pub organisations: Option<Vec<i32>>,
    pub provinces: Vec<String>,
}

/// The day a person was taken in charge and the day she exited after it, from her steps.
pub fn take_in_and_exit(steps: &[path_events::Model]) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let in_charge = |status: &str| {
        matches!(
            PathStatus::from_code(status),
            Some(PathStatus::TakenInCharge | PathStatus::Placed | PathStatus::Inclusion)
        )
    };
    let take_in = steps
        .iter()
        .filter(|s| in_charge(&s.status))
        .map(|s| s.on_date)
        .min();
    let exit = take_in.and_then(|start| {
        steps
            .iter()
            .filter(|s| s.status == PathStatus::Exited.code() && s.on_date >= start)
            .map(|s| s.on_date)
            .min()
    });
    (take_in, exit)
}

/// The people of the scope's provinces (duplicates are counted once, under their earlier
/// record), and among them those the scope's organisations are in charge of.
pub struct ScopePeople {
    /// Evaluations and contacts belong to the organisation that made them; for them only
    /// the province of the person matters.
    pub in_provinces: HashMap<i32, people::Model>,
    pub everyone: Vec<people::Model>,
}

pub async fn people_in_scope<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
) -> Result<ScopePeople, AppError> {
    let mut people_query = people::Entity::find().filter(people::Column::DuplicateOf.is_null());
    if !scope.provinces.is_empty() {
        people_query = people_query.filter(people::Column::Province.is_in(scope.provinces.clone()));
    }
    let mut everyone = people_query.all(conn).await?;
    let in_provinces: HashMap<i32, people::Model> =
        everyone.iter().map(|p| (p.id, p.clone())).collect();
    if let Some(chosen) = &scope.organisations {
        let in_charge: HashSet<i32> = person_organisations::Entity::find()
            .filter(person_organisations::Column::OrganisationId.is_in(chosen.clone()))
            .all(conn)
            .await?
            .into_iter()
            .map(|row| row.person_id)
            .collect();
        everyone.retain(|p| in_charge.contains(&p.id));
    }
    Ok(ScopePeople {
        in_provinces,
        everyone,
    })
}

/// The structures of the scope's organisations and provinces, by name.
pub async fn structures_in_scope<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
) -> Result<Vec<structures::Model>, AppError> {
    let mut structure_query = structures::Entity::find().order_by_asc(structures::Column::Name);
    if let Some(chosen) = &scope.organisations {
        structure_query =
            structure_query.filter(structures::Column::OrganisationId.is_in(chosen.clone()));
    }
    if !scope.provinces.is_empty() {
        structure_query =
            structure_query.filter(structures::Column::Province.is_in(scope.provinces.clone()));
    }
    Ok(structure_query.all(conn).await?)
}

/// The nights of a stay between `from` and `to` (both included): the day of arrival
/// counts, the day of leaving does not; an open stay runs to `to` included.
pub fn nights_within(stay: &placements::Model, from: NaiveDate, to: NaiveDate) -> i64 {
    let start = stay.started_on.max(from);
    let after_last = to + chrono::Duration::days(1);
    let end = stay.ended_on.unwrap_or(after_last).min(after_last);
    (end - start).num_days().max(0)
}

/// The records behind `ids` by their id, read a few hundred at a time: one query per kind
/// and chunk rather than one per line, and never more bound values than the databases allow.
pub async fn by_ids<C, E>(
    conn: &C,
    column: E::Column,
    ids: &HashSet<i32>,
    id_of: fn(&E::Model) -> i32,
) -> Result<HashMap<i32, E::Model>, AppError>
where
    C: ConnectionTrait,
    E: EntityTrait,
{
    let ids: Vec<i32> = ids.iter().copied().collect();
    let mut models = HashMap::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let found = E::find()
            .filter(column.is_in(chunk.iter().copied()))
            .all(conn)
            .await?;
        models.extend(found.into_iter().map(|model| (id_of(&model), model)));
    }
    Ok(models)
}
