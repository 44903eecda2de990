//! Wire types of the funder report (seed 002, "Scheda riassuntiva esiti progetto") and the
//! small-count suppression applied to every copy of it that leaves the coordinator's
//! screen. Counts only: no row of any table names or describes a person.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::auth::model::province_name;
use crate::kernel::error::{AppError, Problem, Validation};
use crate::kernel::fields::code_enum;
use crate::path::spending::model::SpendingCategory;
use crate::people::contacts::model::Channel;
use crate::people::model::{Exploitation, Gender};
use crate::people::registry::model::{ExitOutcome, PathStatus};

/// Cells below this many people are shown as "<3" outside the coordinator's screen,
/// unless the server is started with another threshold.
pub const DEFAULT_MIN_COUNT: i64 = 3;

/// A report covers at most this many days (five years): beyond it the figures stop
/// meaning anything for a funder and the computation only costs.
pub const MAX_PERIOD_DAYS: i64 = 5 * 366;

code_enum! {
    /// The tables of the report, in the order of seed 002; the code names the CSV file.
    TableId {
        TakeInsBySex => "take_ins_by_sex",
        TakeInsByAge => "take_ins_by_age",
        DependentChildren => "dependent_children",
        Births => "births",
        Evaluations => "evaluations",
        Exploitation => "exploitation",
        WorkInclusion => "work_inclusion",
        ContactChannels => "contact_channels",
        Presence => "presence",
        SupportSpending => "support_spending",
        Transfers => "transfers",
        SystemActions => "system_actions",
        // The dashboards: occupancy now and over time, the flow along the path.
        OccupancyByProvince => "occupancy_by_province",
        OccupancyByOrganisation => "occupancy_by_organisation",
        OccupancyByMonth => "occupancy_by_month",
        PathFlow => "path_flow",
        ExitsByOutcome => "exits_by_outcome",
        FlowByProvince => "flow_by_province",
        FlowByOrganisation => "flow_by_organisation",
        // Times of the shelter (seed 001): how long stays last, how long people wait for
        // a bed, and the rules that refused one.
        LengthOfStay => "length_of_stay",
        WaitingTimes => "waiting_times",
        RuleRefusals => "rule_refusals",
    }
}

impl TableId {
    /// The tables of the dashboards page (the others are the funder report's).
    pub fn is_dashboard(self) -> bool {
        matches!(
            self,
            TableId::OccupancyByProvince
                | TableId::OccupancyByOrganisation
                | TableId::OccupancyByMonth
                | TableId::PathFlow
                | TableId::ExitsByOutcome
                | TableId::FlowByProvince
                | TableId::FlowByOrganisation
                | TableId::LengthOfStay
                | TableId::WaitingTimes
                | TableId::RuleRefusals
        )
    }

    /// The columns of available bed-days and days of presence, for the occupancy rate.
    pub fn occupancy_columns(self) -> Option<(usize, usize)> {
        match self {
            TableId::Presence => Some((1, 2)),
            TableId::OccupancyByMonth => Some((0, 1)),
            _ => None,
        }
    }
}

/// What a row or a column of a table is about; the page and the CSV put it in words.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Label {
    Continuing,
    NewTakeIns,
    Total,
    Gender(Gender),
    Minors,
    Adults,
    Evaluations,
    StillOpen,
    Proximity,
    Identified,
    Proposals,
    CommissionRequests,
    CommissionReferrals,
    /// People someone of the network went with to their Commission hearing.
    HearingAccompaniments,
    /// Unaccompanied minors the network evaluated before a Territorial Commission had
    /// heard them (seed 002: "MSNA inviati ... in anticipo rispetto alla CT").
    UnaccompaniedBeforeHearing,
    PermitsConverted,
    Contacts,
    AllPeople,
    Exploitation(Exploitation),
    Internships,
    WorkGrants,
    SingleMothers,
    Channel(Channel),
    /// A structure by name (never its address).
    Structure(String),
    Beds,
    PresenceDays,
    AvailableDays,
    Identifications,
    TakenInCharge,
    /// A province by its code (the page gives its name).
    Province(String),
    /// An organisation by name.
    Organisation(String),
    /// A month, by its first day inside the period.
    Month(NaiveDate),
    Occupied,
    Held,
    OutOfService,
    Free,
    People,
    Stage(PathStatus),
    ExitOutcome(ExitOutcome),
    /// What support money went on.
    Spending(SpendingCategory),
    /// An amount in whole euros.
    Euros,
    /// People who came from another project, and of them those the national toll-free
    /// number referred; people who left for another project, and of them for safety.
    TransfersIn,
    TransfersInTollFree,
    TransfersOut,
    TransfersOutSafety,
    /// A kind of the network's own events (training, workshop, meeting).
    EventKind(crate::network::model::EventKind),
    /// The trainings and workshops for one audience.
    Audience(crate::network::model::Audience),
    /// Decisions taken at the period's meetings, and of them those carried out.
    DecisionsTaken,
    DecisionsDone,
    /// How many events (or decisions); how many people were present.
    Events,
    Present,
    /// Children born while their mother was in the project; of them, those born in the
    /// period.
    BornInProject,
    BornInPeriod,
    /// Stays in one kind of structure, and whole stays in the network's shelter.
    StructureKind(crate::beds::model::StructureKind),
    WholeStay,
    StaysEnded,
    /// An average of days, shown only beside an exact count of people.
    AverageDays,
    /// People placed from the waiting list in the period; people still waiting at its end.
    PlacedFromWaiting,
    StillWaiting,
    /// A rule of the bed board; the people it refused, and those it was set aside for.
    Rule(crate::kernel::error::Breach),
    Refused,
    SetAside,
}

/// What a column counts, which decides how its figures may leave the coordinator's screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// People, or what was done with them: small figures are hidden.
    People,
    /// Beds or days not published elsewhere: never "<3", but withheld when they would
    /// give a small count of people away.
    Other,
    /// Published in another table or on the board (the beds of a structure, bed-days):
    /// always shown, and the reasoning assumes the reader knows them.
    Public,
}

/// One figure as shown: exact, below the threshold ("<3"), or withheld so that a small
/// figure cannot be worked out by subtraction from the totals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Count {
    Exact(i64),
    Below(i64),
    Withheld,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub id: TableId,
    pub rows: Vec<Label>,
    pub columns: Vec<Label>,
    /// `cells[row][column]`.
    pub cells: Vec<Vec<Count>>,
    /// The last row is the sum of the others (per column).
    pub total_row: bool,
    /// The last column is the sum of the others (per row).
    pub total_column: bool,
    /// Columns that count people (beds and available days are not about anyone): their
    /// figures link to lists.
    pub sensitive: Vec<bool>,
    /// Each exact figure links to the list it counts, for this reader.
    pub linked: bool,
}

/// Who the figures are about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportScope {
    /// Names of the organisations chosen (empty: the whole network).
    pub organisations: Vec<String>,
    pub provinces: Vec<String>,
    /// The reader sees her own organisation only.
    pub own_organisation: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FunderReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub scope: ReportScope,
    /// Small counts are hidden in this copy.
    pub suppressed: bool,
    pub threshold: i64,
    pub tables: Vec<Table>,
    /// For the filter form: every implementing body the reader may choose.
    pub organisation_choices: Vec<(i32, String)>,
    /// The reader may pick organisations and provinces (the coordinator).
    pub network_wide: bool,
    /// The day "now" is read on (beds occupied today).
    pub today: NaiveDate,
}

/// How the report is asked for: as the browser sends the form (`?dal=&al=&organizzazione=`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportRequest {
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub organisations: Vec<String>,
    #[serde(default)]
    pub provinces: Vec<String>,
    /// The print view: suppressed even for the coordinator.
    #[serde(default)]
    pub print: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidRequest {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub organisations: Vec<i32>,
    pub provinces: Vec<String>,
}

/// The default period: the calendar year so far.
pub fn default_period(today: NaiveDate) -> (NaiveDate, NaiveDate) {
    use chrono::Datelike;
    (
        NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap_or(today),
        today,
    )
}

impl ReportRequest {
    pub fn validate(&self, today: NaiveDate) -> Result<ValidRequest, AppError> {
        let mut checks = Validation::default();
        let (default_from, default_to) = default_period(today);
        let from = crate::kernel::dates::optional_day("from", &self.from, &mut checks);
        let to = crate::kernel::dates::optional_day("to", &self.to, &mut checks);
        let (from, to) = (from.unwrap_or(default_from), to.unwrap_or(default_to));
        if to < from {
            checks.add("to", Problem::Contradiction);
        } else if (to - from).num_days() > MAX_PERIOD_DAYS {
            checks.add("to", Problem::OutOfRange);
        }
        let mut organisations = Vec::new();
        for text in self.organisations.iter().map(|t| t.trim()) {
            match text.parse::<i32>() {
                Ok(id) => organisations.push(id),
                Err(_) if text.is_empty() => {}
                Err(_) => checks.add("organisations", Problem::UnknownChoice),
            }
        }
        organisations.sort_unstable();
        organisations.dedup();
        let mut provinces = Vec::new();
        for text in self.provinces.iter().map(|t| t.trim().to_uppercase()) {
            if text.is_empty() {
                continue;
            }
            if province_name(&text).is_none() {
                checks.add("provinces", Problem::UnknownChoice);
            } else {
                provinces.push(text);
            }
        }
        provinces.sort();
        provinces.dedup();
        checks.finish()?;
        Ok(ValidRequest {
            from,
            to,
            organisations,
            provinces,
        })
    }
}

/// Which figure of which table a list is asked for.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureRequest {
    pub report: ReportRequest,
    #[serde(default)]
    pub table: String,
    #[serde(default)]
    pub row: String,
    #[serde(default)]
    pub column: String,
}

/// One line of a figure's list: a person by network code, a contact, a placement or an
/// internship — whatever the figure counts, never an identity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureLine {
    /// The network code of the person counted (None for anonymous contacts).
    pub person_code: Option<String>,
    pub day: Option<NaiveDate>,
    /// What the line adds to the figure (1 for a person; people met for a contact row,
    /// days for a stay).
    pub amount: i64,
    pub detail: FigureDetail,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FigureDetail {
    Person { gender: Gender, minor: bool },
    Contact { channel: Channel, province: String },
    Stay { structure: String },
    Screening { outcome: String },
    Work { kind: String },
    Permit { converted_to: String },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FigureList {
    pub table: TableId,
    pub row: Label,
    pub column: Label,
    pub total: i64,
    pub lines: Vec<FigureLine>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

// ------------------------------------------------------------------ suppression

/// Which cells of a table of exact values must be hidden: `Below` the threshold (primary)
/// or `Withheld` (secondary, so that no hidden cell can be worked out from the others
/// and the totals of the table's rows and columns).
///
/// 1. A cell of people below `threshold` (zero included) is hidden.
/// 2. The reader knows each hidden cell's range ("<3": 0 to 2; withheld: 3 or more) and
///    that every line adds up to its total. Those ranges are narrowed line by line, as
///    someone subtracting would, until nothing changes; a "<3" cell left with a single
///    possible value is given away, so the smallest visible cell whose withholding frees
///    it is withheld too, and the reasoning starts again.
pub fn suppress(
    values: &[Vec<i64>],
    total_row: bool,
    total_column: bool,
    kinds: &[ColumnKind],
    threshold: i64,
) -> Vec<Vec<Count>> {
    let rows = values.len();
    let columns = values.first().map_or(0, Vec::len);
    let kind = |c: usize| kinds.get(c).copied().unwrap_or(ColumnKind::People);
    let is_sensitive = |c: usize| kind(c) == ColumnKind::People;
    let mut state: Vec<Vec<Count>> = values
        .iter()
        .map(|row| {
            row.iter()
                .enumerate()
                .map(|(c, &v)| {
                    if is_sensitive(c) && v < threshold {
                        Count::Below(threshold)
                    } else {
                        Count::Exact(v)
                    }
                })
                .collect()
        })
        .collect();
    if threshold <= 0 || rows == 0 || columns == 0 {
        return state;
    }
    // The lines that add up, as lists of (row, column), the total last.
    let mut lines: Vec<Vec<(usize, usize)>> = Vec::new();
    if total_column {
        lines.extend((0..rows).map(|r| (0..columns).map(|c| (r, c)).collect()));
    }
    if total_row {
        // Columns that count no one add up too, and the reader can subtract them.
        lines.extend((0..columns).map(|c| (0..rows).map(|r| (r, c)).collect()));
    }
    while let Some(pinned) = pinned_cells(values, &state, &lines, kinds, threshold)
        .first()
        .copied()
    {
        // Withhold the smallest visible cell that frees it; if no single one does, the
        // smallest of its lines (or of the whole table), and look again.
        let mut candidates: Vec<(usize, usize)> = lines
            .iter()
            .flatten()
            .copied()
            .filter(|&(r, c)| {
                matches!(state[r][c], Count::Exact(_)) && kind(c) != ColumnKind::Public
            })
            .collect();
        candidates.sort_by_key(|&(r, c)| (values[r][c], r, c));
        candidates.dedup();
        let freeing = candidates.iter().copied().find(|&(r, c)| {
            let mut trial = state.clone();
            trial[r][c] = Count::Withheld;
            !pinned_cells(values, &trial, &lines, kinds, threshold).contains(&pinned)
        });
        let Some(cell) = freeing
            .or_else(|| {
                lines
                    .iter()
                    .filter(|line| line.contains(&pinned))
                    .find_map(|line| cell_to_withhold(values, &state, kinds, line))
            })
            .or_else(|| candidates.first().copied())
        else {
            break;
        };
        state[cell.0][cell.1] = Count::Withheld;
    }
    state
}

/// The smallest visible part of `line` that may be withheld, else its total.
fn cell_to_withhold(
    values: &[Vec<i64>],
    state: &[Vec<Count>],
    kinds: &[ColumnKind],
    line: &[(usize, usize)],
) -> Option<(usize, usize)> {
    let (&total, parts) = line.split_last()?;
    let visible = |&(r, c): &(usize, usize)| {
        matches!(state[r][c], Count::Exact(_)) && kinds.get(c) != Some(&ColumnKind::Public)
    };
    parts
        .iter()
        .copied()
        .filter(visible)
        .min_by_key(|&(r, c)| values[r][c])
        .or_else(|| visible(&total).then_some(total))
}

/// The small hidden cells whose value follows from what the table shows. (That a
/// withheld cell can be worked out is no harm: it is not small. The ranges still take
/// it into account, as the reader would.)
fn pinned_cells(
    values: &[Vec<i64>],
    state: &[Vec<Count>],
    lines: &[Vec<(usize, usize)>],
    kinds: &[ColumnKind],
    threshold: i64,
) -> Vec<(usize, usize)> {
    const UNBOUNDED: i64 = i64::MAX / 4;
    let mut bounds: Vec<Vec<(i64, i64)>> = state
        .iter()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .enumerate()
                .map(|(c, count)| match count {
                    Count::Exact(_) => (values[r][c], values[r][c]),
                    Count::Below(_) => (0, threshold - 1),
                    // A withheld count of people is at least the threshold (else it
                    // would read "<3"); a withheld count of beds or days may be anything.
                    Count::Withheld
                        if kinds.get(c).copied().unwrap_or(ColumnKind::People)
                            == ColumnKind::People =>
                    {
                        (threshold, UNBOUNDED)
                    }
                    Count::Withheld => (0, UNBOUNDED),
                })
                .collect()
        })
        .collect();
    // Narrowing only ever shrinks integer ranges, so it ends; the cap is a safeguard.
    for _ in 0..1000 {
        let mut changed = false;
        for line in lines {
            let Some((&(tr, tc), parts)) = line.split_last() else {
                continue;
            };
            let low_sum: i64 = parts.iter().map(|&(r, c)| bounds[r][c].0).sum();
            let high_sum: i64 = parts
                .iter()
                .map(|&(r, c)| bounds[r][c].1)
                .fold(0, |a, b| a.saturating_add(b).min(UNBOUNDED));
            // The total lies within the sum of its parts' ranges...
            let (t_low, t_high) = bounds[tr][tc];
            let total = (t_low.max(low_sum), t_high.min(high_sum));
            if total != bounds[tr][tc] {
                bounds[tr][tc] = total;
                changed = true;
            }
            // ...and each part within the total less the others' ranges.
            for &(r, c) in parts {
                let (low, high) = bounds[r][c];
                let others_low = low_sum - low;
                let others_high = parts
                    .iter()
                    .filter(|&&other| other != (r, c))
                    .map(|&(r, c)| bounds[r][c].1)
                    .fold(0i64, |a, b| a.saturating_add(b).min(UNBOUNDED));
                let narrowed = (
                    low.max(total.0.saturating_sub(others_high)),
                    high.min(total.1 - others_low),
                );
                if narrowed != bounds[r][c] {
                    bounds[r][c] = narrowed;
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    let mut pinned = Vec::new();
    for (r, row) in state.iter().enumerate() {
        for (c, count) in row.iter().enumerate() {
            if matches!(count, Count::Below(_)) && bounds[r][c].0 >= bounds[r][c].1 {
                pinned.push((r, c));
            }
        }
    }
    pinned
}

/// Occupancy of a presence row, in tenths of a percent: days of presence over available
/// bed-days, when the days are shown exactly.
pub fn occupancy_permille(table: &Table, row: usize) -> Option<i64> {
    let (available, present) = table.id.occupancy_columns()?;
    let cells = table.cells.get(row)?;
    match (cells.get(available)?, cells.get(present)?) {
        (Count::Exact(available), Count::Exact(days)) if *available > 0 => {
            Some((days * 1000 + available / 2) / available)
        }
        _ => None,
    }
}

mod keys;
pub use keys::*;

/// Exact counts, for the coordinator's own screen.
pub fn exact(values: &[Vec<i64>]) -> Vec<Vec<Count>> {
    values
        .iter()
        .map(|row| row.iter().map(|&v| Count::Exact(v)).collect())
        .collect()
}

#[cfg(test)]
mod tests;
