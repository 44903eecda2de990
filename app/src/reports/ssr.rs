//! Computing the funder report from the records, for a period and a scope.
//!
//! Definitions (the README repeats them for the coordinators):
//! - a person is *taken in charge* on the first day her path reached "taken in charge",
//!   "placed" or "inclusion", and *exits* on the first exit after that;
//! - *continuing* take-ins were taken in charge before the period and had not exited
//!   before it began; *new* ones were taken in charge during it;
//! - age is read on the first day of the period for continuing people, on the day of the
//!   take-in for new ones (so a girl who turns 18 between two periods is a minor in the
//!   first and an adult in the second);
//! - a person with a family head is a *dependent child*, counted beside her mother, not
//!   as a take-in of her own;
//! - days of presence count the nights of each stay inside the period: the day of arrival
//!   counts, the day of leaving does not; a stay still open counts up to the period's last
//!   day included.
//!
//! Every cell keeps what it counts (people, contacts, stays...), so that a figure's list
//! is computed by the same code as the figure itself.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::NaiveDate;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::model::*;
use crate::admin::ssr::organisation_names;
use crate::audit::ssr::{record, AuditEvent};
use crate::auth::model::OrganisationKind;
use crate::auth::ssr::Ctx;
use crate::entity::{
    beds, contacts, organisations, path_events, people, permits, person_organisations, placements,
    plans, screenings, structures, work_placements,
};
use crate::error::AppError;
use crate::people::model::{parse_codes, Channel, Exploitation, Gender};
use crate::people::registry::model::PathStatus;
use crate::people::registry::ssr::minor_from_record;
use crate::people::screening::model::ScreeningOutcome;
use crate::planner::model::WorkKind;

/// What one cell counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Member {
    Person { id: i32, day: NaiveDate },
    Contact(i32),
    Stay { placement: i32, days: i64 },
    Screening(i32),
    Work(i32),
    Permit(i32),
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
}

impl RawTable {
    pub(super) fn new(id: TableId, rows: Vec<Label>, columns: Vec<Label>) -> Self {
        let cells = vec![vec![(0, Vec::new()); columns.len()]; rows.len()];
        let kinds = vec![ColumnKind::People; columns.len()];
        RawTable {
            id,
            rows,
            columns,
            cells,
            total_row: false,
            total_column: false,
            kinds,
        }
    }

    pub(super) fn add(&mut self, row: usize, column: usize, amount: i64, member: Member) {
        let cell = &mut self.cells[row][column];
        cell.0 += amount;
        cell.1.push(member);
    }

    /// A figure that counts no one (a free bed).
    pub(super) fn count(&mut self, row: usize, column: usize, amount: i64) {
        self.cells[row][column].0 += amount;
    }

    /// Fills the last row and/or column with the sums of the others.
    pub(super) fn with_totals(mut self, total_row: bool, total_column: bool) -> Self {
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
pub(super) fn take_in_and_exit(
    steps: &[path_events::Model],
) -> (Option<NaiveDate>, Option<NaiveDate>) {
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
pub(super) struct ScopePeople {
    /// Evaluations and contacts belong to the organisation that made them; for them only
    /// the province of the person matters.
    pub in_provinces: HashMap<i32, people::Model>,
    pub everyone: Vec<people::Model>,
}

pub(super) async fn people_in_scope<C: ConnectionTrait>(
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
pub(super) async fn structures_in_scope<C: ConnectionTrait>(
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
pub(super) fn nights_within(stay: &placements::Model, from: NaiveDate, to: NaiveDate) -> i64 {
    let start = stay.started_on.max(from);
    let after_last = to + chrono::Duration::days(1);
    let end = stay.ended_on.unwrap_or(after_last).min(after_last);
    (end - start).num_days().max(0)
}

/// The tables that hold `table`: the funder report's or the dashboards'.
pub async fn tables_holding<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
    from: NaiveDate,
    to: NaiveDate,
    table: TableId,
) -> Result<Vec<RawTable>, AppError> {
    if table.is_dashboard() {
        super::dashboard::compute(
            conn,
            scope,
            from,
            to,
            crate::people::ssr::today(),
            chrono::Utc::now(),
        )
        .await
    } else {
        compute(conn, scope, from, to).await
    }
}

/// All tables of the report for `scope` and the period, before suppression.
pub async fn compute<C: ConnectionTrait>(
    conn: &C,
    scope: &Scope,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<RawTable>, AppError> {
    let ScopePeople {
        in_provinces,
        everyone,
    } = people_in_scope(conn, scope).await?;
    let by_id: HashMap<i32, &people::Model> = everyone.iter().map(|p| (p.id, p)).collect();
    let mut steps: HashMap<i32, Vec<path_events::Model>> = HashMap::new();
    for step in path_events::Entity::find()
        .filter(path_events::Column::OnDate.lte(to))
        .order_by_asc(path_events::Column::OnDate)
        .all(conn)
        .await?
    {
        if by_id.contains_key(&step.person_id) {
            steps.entry(step.person_id).or_default().push(step);
        }
    }
    let mut children: HashMap<i32, Vec<&people::Model>> = HashMap::new();
    for person in &everyone {
        if let Some(head) = person.family_head_id {
            children.entry(head).or_default().push(person);
        }
    }

    // Take-ins.
    let mut by_sex = RawTable::new(
        TableId::TakeInsBySex,
        vec![Label::Continuing, Label::NewTakeIns, Label::Total],
        Gender::ALL
            .iter()
            .map(|g| Label::Gender(*g))
            .chain([Label::Total])
            .collect(),
    );
    let mut by_age = RawTable::new(
        TableId::TakeInsByAge,
        vec![Label::Continuing, Label::NewTakeIns, Label::Total],
        vec![Label::Minors, Label::Adults, Label::Total],
    );
    let mut dependants = RawTable::new(
        TableId::DependentChildren,
        vec![Label::Continuing, Label::NewTakeIns, Label::Total],
        by_sex.columns.clone(),
    );
    let mut exploitation = RawTable::new(
        TableId::Exploitation,
        Exploitation::ALL
            .iter()
            .map(|k| Label::Exploitation(*k))
            .collect(),
        vec![Label::Identifications, Label::TakenInCharge],
    );
    let gender_column = |gender: &str| {
        Gender::from_code(gender)
            .and_then(|g| Gender::ALL.iter().position(|x| *x == g))
            .unwrap_or(0)
    };
    let exploitation_row = |kind: Exploitation| {
        Exploitation::ALL
            .iter()
            .position(|k| *k == kind)
            .unwrap_or(0)
    };
    for person in everyone.iter().filter(|p| p.family_head_id.is_none()) {
        let (Some(take_in), exit) = take_in_and_exit(steps.get(&person.id).map_or(&[], |s| s))
        else {
            continue;
        };
        let (row, day) = if take_in < from && exit.is_none_or(|e| e >= from) {
            (0, from)
        } else if take_in >= from && take_in <= to {
            (1, take_in)
        } else {
            continue;
        };
        let member = Member::Person { id: person.id, day };
        by_sex.add(row, gender_column(&person.gender), 1, member);
        let minor = minor_from_record(person, day);
        by_age.add(row, if minor { 0 } else { 1 }, 1, member);
        for kind in parse_codes(&person.exploitation, Exploitation::from_code) {
            exploitation.add(exploitation_row(kind), 1, 1, member);
        }
        for child in children.get(&person.id).into_iter().flatten() {
            if minor_from_record(child, day) {
                dependants.add(
                    row,
                    gender_column(&child.gender),
                    1,
                    Member::Person { id: child.id, day },
                );
            }
        }
    }

    // Evaluations, identifications, proposals, the Territorial Commission.
    let mut evaluations = RawTable::new(
        TableId::Evaluations,
        vec![
            Label::Contacts,
            Label::Proximity,
            Label::Evaluations,
            Label::StillOpen,
            Label::Identified,
            Label::Proposals,
            Label::CommissionRequests,
            Label::CommissionReferrals,
            Label::PermitsConverted,
        ],
        vec![Label::AllPeople, Label::Minors],
    );
    let mut screening_query = screenings::Entity::find()
        .filter(screenings::Column::HeldOn.gte(from))
        .filter(screenings::Column::HeldOn.lte(to))
        .order_by_asc(screenings::Column::HeldOn)
        .order_by_asc(screenings::Column::Id);
    if let Some(chosen) = &scope.organisations {
        screening_query =
            screening_query.filter(screenings::Column::OrganisationId.is_in(chosen.clone()));
    }
    // Rows that count people count each person once, however many evaluations she had.
    let mut counted: HashMap<usize, HashSet<i32>> = HashMap::new();
    let mut identified: HashSet<i32> = HashSet::new();
    for screening in screening_query.all(conn).await? {
        // The person's province decides; organisations were filtered above.
        let Some(person) = in_provinces.get(&screening.person_id) else {
            continue;
        };
        let minor = minor_from_record(person, screening.held_on);
        let outcome = ScreeningOutcome::from_code(&screening.outcome);
        let person_member = Member::Person {
            id: person.id,
            day: screening.held_on,
        };
        let mut rows: Vec<(usize, Member)> = vec![(2, Member::Screening(screening.id))];
        if outcome == Some(ScreeningOutcome::Open) {
            rows.push((3, Member::Screening(screening.id)));
        }
        let found = matches!(
            outcome,
            Some(
                ScreeningOutcome::IndicatorsFound
                    | ScreeningOutcome::Proposal
                    | ScreeningOutcome::CommissionReferral
            )
        );
        let people_rows = [
            (4, found),
            (5, outcome == Some(ScreeningOutcome::Proposal)),
            (
                6,
                matches!(
                    outcome,
                    Some(
                        ScreeningOutcome::CommissionRequest | ScreeningOutcome::CommissionReferral
                    )
                ),
            ),
            (7, outcome == Some(ScreeningOutcome::CommissionReferral)),
        ];
        for (row, applies) in people_rows {
            if applies && counted.entry(row).or_default().insert(person.id) {
                rows.push((row, person_member));
            }
        }
        for (row, member) in rows {
            evaluations.add(row, 0, 1, member);
            if minor {
                evaluations.add(row, 1, 1, member);
            }
        }
        if found && identified.insert(person.id) {
            for kind in parse_codes(&person.exploitation, Exploitation::from_code) {
                exploitation.add(exploitation_row(kind), 0, 1, person_member);
            }
        }
    }

    // Contacts: people met, by channel; outreach units are "proximity".
    let mut channels = RawTable::new(
        TableId::ContactChannels,
        Channel::ALL
            .iter()
            .map(|c| Label::Channel(*c))
            .chain([Label::Total])
            .collect(),
        vec![Label::Adults, Label::Minors, Label::Total],
    );
    let mut contact_query = contacts::Entity::find()
        .filter(contacts::Column::OccurredOn.gte(from))
        .filter(contacts::Column::OccurredOn.lte(to));
    if let Some(chosen) = &scope.organisations {
        contact_query =
            contact_query.filter(contacts::Column::OrganisationId.is_in(chosen.clone()));
    }
    if !scope.provinces.is_empty() {
        contact_query =
            contact_query.filter(contacts::Column::Province.is_in(scope.provinces.clone()));
    }
    for contact in contact_query.all(conn).await? {
        let amount = i64::from(contact.people_count);
        let member = Member::Contact(contact.id);
        let channel = Channel::from_code(&contact.channel);
        let row = channel
            .and_then(|c| Channel::ALL.iter().position(|x| *x == c))
            .unwrap_or(0);
        channels.add(row, if contact.minor { 1 } else { 0 }, amount, member);
        evaluations.add(0, 0, amount, member);
        if contact.minor {
            evaluations.add(0, 1, amount, member);
        }
        if matches!(channel, Some(Channel::StreetUnit | Channel::IndoorUnit)) {
            evaluations.add(1, 0, amount, member);
            if contact.minor {
                evaluations.add(1, 1, amount, member);
            }
        }
    }

    // Internships, work grants and permits, through each person's plan.
    let plan_people: HashMap<i32, i32> = plans::Entity::find()
        .all(conn)
        .await?
        .into_iter()
        .filter(|plan| by_id.contains_key(&plan.person_id))
        .map(|plan| (plan.id, plan.person_id))
        .collect();
    let mut work = RawTable::new(
        TableId::WorkInclusion,
        vec![Label::Internships, Label::WorkGrants],
        vec![Label::AllPeople, Label::SingleMothers],
    );
    for activation in work_placements::Entity::find()
        .filter(work_placements::Column::StartsOn.gte(from))
        .filter(work_placements::Column::StartsOn.lte(to))
        .all(conn)
        .await?
    {
        let Some(person) = plan_people
            .get(&activation.plan_id)
            .and_then(|id| by_id.get(id))
        else {
            continue;
        };
        let row = match WorkKind::from_code(&activation.kind) {
            Some(WorkKind::Internship) => 0,
            Some(WorkKind::WorkGrant) => 1,
            None => continue,
        };
        let member = Member::Work(activation.id);
        work.add(row, 0, 1, member);
        let single_mother = person.gender == Gender::Female.code()
            && children.get(&person.id).is_some_and(|kids| {
                kids.iter()
                    .any(|k| minor_from_record(k, activation.starts_on))
            });
        if single_mother {
            work.add(row, 1, 1, member);
        }
    }
    for permit in permits::Entity::find()
        .filter(permits::Column::ConvertedOn.gte(from))
        .filter(permits::Column::ConvertedOn.lte(to))
        .all(conn)
        .await?
    {
        let Some(person) = plan_people
            .get(&permit.plan_id)
            .and_then(|id| by_id.get(id))
        else {
            continue;
        };
        let member = Member::Permit(permit.id);
        evaluations.add(8, 0, 1, member);
        if permit
            .converted_on
            .is_some_and(|day| minor_from_record(person, day))
        {
            evaluations.add(8, 1, 1, member);
        }
    }

    // Days of presence per structure.
    let in_scope = structures_in_scope(conn, scope).await?;
    let ids: Vec<i32> = in_scope.iter().map(|s| s.id).collect();
    let mut bed_counts: BTreeMap<i32, i64> = BTreeMap::new();
    for bed in beds::Entity::find()
        .filter(beds::Column::StructureId.is_in(ids.clone()))
        .all(conn)
        .await?
    {
        *bed_counts.entry(bed.structure_id).or_default() += 1;
    }
    let period_days = (to - from).num_days() + 1;
    let mut presence = RawTable::new(
        TableId::Presence,
        in_scope
            .iter()
            .map(|s| Label::Structure(s.name.clone()))
            .chain([Label::Total])
            .collect(),
        vec![Label::Beds, Label::AvailableDays, Label::PresenceDays],
    );
    // Beds and bed-days are no secret (the board shows them).
    presence.kinds = vec![ColumnKind::Public, ColumnKind::Public, ColumnKind::People];
    let row_of: HashMap<i32, usize> = in_scope
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    for (id, row) in &row_of {
        let count = bed_counts.get(id).copied().unwrap_or(0);
        presence.cells[*row][0].0 = count;
        presence.cells[*row][1].0 = count * period_days;
    }
    for stay in placements::Entity::find()
        .filter(placements::Column::StructureId.is_in(ids))
        .filter(placements::Column::StartedOn.lte(to))
        .all(conn)
        .await?
    {
        let days = nights_within(&stay, from, to);
        if days <= 0 {
            continue;
        }
        if let Some(row) = row_of.get(&stay.structure_id) {
            presence.add(
                *row,
                2,
                days,
                Member::Stay {
                    placement: stay.id,
                    days,
                },
            );
        }
    }

    Ok(vec![
        by_sex.with_totals(true, true),
        by_age.with_totals(true, true),
        dependants.with_totals(true, true),
        evaluations,
        exploitation,
        work,
        channels.with_totals(true, true),
        presence.with_totals(true, false),
    ])
}

/// What the reader is allowed: her scope, and whether she sees exact small counts.
struct Reading {
    scope: Scope,
    network_wide: bool,
}

fn reading_for(ctx: &Ctx, request: &ValidRequest) -> Result<Reading, AppError> {
    let user = ctx.user()?;
    if user.is_network_wide() {
        return Ok(Reading {
            scope: Scope {
                organisations: (!request.organisations.is_empty())
                    .then(|| request.organisations.clone()),
                provinces: request.provinces.clone(),
            },
            network_wide: true,
        });
    }
    if !user.has_any_role(crate::auth::policy::REPORT_READERS) {
        return Err(AppError::Forbidden);
    }
    // Staff of a body read their own organisation, and only it.
    if request
        .organisations
        .iter()
        .any(|id| *id != user.organisation_id)
    {
        return Err(AppError::Forbidden);
    }
    Ok(Reading {
        scope: Scope {
            organisations: Some(vec![user.organisation_id]),
            provinces: request.provinces.clone(),
        },
        network_wide: false,
    })
}

fn finished(raw: &RawTable, suppressed: bool, threshold: i64, linked: bool) -> Table {
    let values = raw.values();
    let cells = if suppressed {
        suppress(
            &values,
            raw.total_row,
            raw.total_column,
            &raw.kinds,
            threshold,
        )
    } else {
        exact(&values)
    };
    Table {
        id: raw.id,
        rows: raw.rows.clone(),
        columns: raw.columns.clone(),
        cells,
        total_row: raw.total_row,
        total_column: raw.total_column,
        sensitive: raw.kinds.iter().map(|k| *k == ColumnKind::People).collect(),
        linked,
    }
}

async fn implementing_bodies<C: ConnectionTrait>(conn: &C) -> Result<Vec<(i32, String)>, AppError> {
    Ok(organisations::Entity::find()
        .filter(organisations::Column::Kind.eq(OrganisationKind::ImplementingBody.code()))
        .order_by_asc(organisations::Column::Name)
        .all(conn)
        .await?
        .into_iter()
        .map(|o| (o.id, o.name))
        .collect())
}

/// The page the tables are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    FunderReport,
    Dashboards,
}

/// The report as this reader may see it: exact on the coordinator's screen, with small
/// counts suppressed in the print view and for the staff of a single organisation.
pub async fn funder_report(
    ctx: &Ctx,
    request: &ReportRequest,
    threshold: i64,
) -> Result<FunderReport, AppError> {
    report_part(ctx, request, threshold, Part::FunderReport).await
}

/// The dashboards' tables, for the same period and scope and with the same suppression.
pub async fn dashboards(
    ctx: &Ctx,
    request: &ReportRequest,
    threshold: i64,
) -> Result<FunderReport, AppError> {
    report_part(ctx, request, threshold, Part::Dashboards).await
}

async fn report_part(
    ctx: &Ctx,
    request: &ReportRequest,
    threshold: i64,
    part: Part,
) -> Result<FunderReport, AppError> {
    let today = crate::people::ssr::today();
    let valid = request.validate(today)?;
    let reading = reading_for(ctx, &valid)?;
    let raw = match part {
        Part::FunderReport => compute(&ctx.db, &reading.scope, valid.from, valid.to).await?,
        Part::Dashboards => {
            super::dashboard::compute(
                &ctx.db,
                &reading.scope,
                valid.from,
                valid.to,
                today,
                chrono::Utc::now(),
            )
            .await?
        }
    };
    let suppressed = request.print || !reading.network_wide;
    let tables = raw
        .iter()
        .map(|t| finished(t, suppressed, threshold, !suppressed))
        .collect();
    let names = organisation_names(
        &ctx.db,
        reading.scope.organisations.clone().unwrap_or_default(),
    )
    .await?;
    let mut organisation_names_sorted: Vec<String> = names.into_values().collect();
    organisation_names_sorted.sort();
    let action = match (part, request.print) {
        (Part::Dashboards, _) => "report.dashboards",
        (Part::FunderReport, true) => "report.print",
        (Part::FunderReport, false) => "report.view",
    };
    record(
        &ctx.db,
        ctx.request_id(),
        AuditEvent::new(ctx.user.as_ref(), action, "report")
            .detail(scope_detail(&valid, &reading.scope)),
    )
    .await?;
    Ok(FunderReport {
        from: valid.from,
        to: valid.to,
        scope: ReportScope {
            organisations: organisation_names_sorted,
            provinces: reading.scope.provinces.clone(),
            own_organisation: !reading.network_wide,
        },
        suppressed,
        threshold,
        tables,
        organisation_choices: if reading.network_wide {
            implementing_bodies(&ctx.db).await?
        } else {
            Vec::new()
        },
        network_wide: reading.network_wide,
        today,
    })
}

fn scope_detail(valid: &ValidRequest, scope: &Scope) -> String {
    let organisations = scope
        .organisations
        .as_ref()
        .map(|ids| ids.iter().map(i32::to_string).collect::<Vec<_>>().join(","))
        .unwrap_or_else(|| "all".to_string());
    format!(
        "from={} to={} organisations={organisations} provinces={}",
        valid.from,
        valid.to,
        if scope.provinces.is_empty() {
            "all".to_string()
        } else {
            scope.provinces.join(",")
        }
    )
}

/// The CSV of one table, as it leaves the screen: always suppressed.
pub async fn table_csv(
    ctx: &Ctx,
    request: &ReportRequest,
    table: TableId,
    threshold: i64,
    language: &str,
) -> Result<(String, Vec<u8>), AppError> {
    let valid = request.validate(crate::people::ssr::today())?;
    let reading = reading_for(ctx, &valid)?;
    let raw = tables_holding(&ctx.db, &reading.scope, valid.from, valid.to, table).await?;
    let raw = raw
        .iter()
        .find(|t| t.id == table)
        .ok_or(AppError::NotFound)?;
    let finished = finished(raw, true, threshold, false);
    let body = super::csv::table_to_csv(&finished, language)?;
    record(
        &ctx.db,
        ctx.request_id(),
        AuditEvent::new(ctx.user.as_ref(), "report.export", "report").detail(format!(
            "table={} {}",
            table.code(),
            scope_detail(&valid, &reading.scope)
        )),
    )
    .await?;
    let file_name = format!("anello-{}-{}-{}.csv", table.code(), valid.from, valid.to);
    Ok((file_name, body))
}

/// The list behind one figure, for a reader entitled to it: the coordinator on her
/// screen, or the staff of the organisation whose figure it is. Audited with its size.
pub async fn figure_list(ctx: &Ctx, request: &FigureRequest) -> Result<FigureList, AppError> {
    let valid = request.report.validate(crate::people::ssr::today())?;
    let reading = reading_for(ctx, &valid)?;
    let table = TableId::from_code(request.table.trim()).ok_or(AppError::NotFound)?;
    let row = request
        .row
        .trim()
        .parse::<usize>()
        .map_err(|_| AppError::NotFound)?;
    let column = request
        .column
        .trim()
        .parse::<usize>()
        .map_err(|_| AppError::NotFound)?;
    let raw = tables_holding(&ctx.db, &reading.scope, valid.from, valid.to, table).await?;
    let raw = raw
        .iter()
        .find(|t| t.id == table)
        .ok_or(AppError::NotFound)?;
    let (total, members) = raw
        .cells
        .get(row)
        .and_then(|r| r.get(column))
        .cloned()
        .ok_or(AppError::NotFound)?;
    // The list says no more than the figure does for this reader: behind a figure shown
    // as "<3" or withheld there is no list.
    let suppressed = request.report.print || !reading.network_wide;
    let shown = finished(raw, suppressed, ctx.settings.report_min_count, false);
    if !matches!(shown.cells[row][column], Count::Exact(_)) {
        record(
            &ctx.db,
            ctx.request_id(),
            AuditEvent::new(ctx.user.as_ref(), "report.figure", "report")
                .outcome(crate::audit::model::Outcome::Denied)
                .detail(format!(
                    "table={} row={row} column={column} suppressed",
                    table.code()
                )),
        )
        .await?;
        // For this reader, no such list exists (a 403 would say the function is barred).
        return Err(AppError::NotFound);
    }
    let mut lines = figure_lines(&ctx.db, &members).await?;
    if !reading.network_wide {
        hide_codes_of_others(&ctx.db, ctx.user()?, &mut lines).await?;
    }
    record(
        &ctx.db,
        ctx.request_id(),
        AuditEvent::new(ctx.user.as_ref(), "report.figure", "report").detail(format!(
            "table={} row={row} column={column} lines={} {}",
            table.code(),
            lines.len(),
            scope_detail(&valid, &reading.scope)
        )),
    )
    .await?;
    Ok(FigureList {
        table,
        row: raw.rows[row].clone(),
        column: raw.columns[column].clone(),
        total,
        lines,
        from: valid.from,
        to: valid.to,
    })
}

/// The staff of a body read the codes of the people their body is in charge of; a line
/// about anyone else (a guest of another body in one of their structures) keeps its
/// count and loses its code.
async fn hide_codes_of_others<C: ConnectionTrait>(
    conn: &C,
    user: &crate::auth::model::CurrentUser,
    lines: &mut [FigureLine],
) -> Result<(), AppError> {
    let codes: Vec<String> = lines
        .iter()
        .filter_map(|line| line.person_code.clone())
        .collect();
    let mut people_by_code: HashMap<String, i32> = HashMap::new();
    for chunk in codes.chunks(500) {
        for person in people::Entity::find()
            .filter(people::Column::Code.is_in(chunk.iter().cloned()))
            .all(conn)
            .await?
        {
            people_by_code.insert(person.code, person.id);
        }
    }
    let ids: Vec<i32> = people_by_code.values().copied().collect();
    let mut own: HashSet<i32> = HashSet::new();
    if user.has_any_role(crate::people::registry::ssr::TEAM_ROLES) {
        for chunk in ids.chunks(500) {
            own.extend(
                person_organisations::Entity::find()
                    .filter(person_organisations::Column::OrganisationId.eq(user.organisation_id))
                    .filter(person_organisations::Column::PersonId.is_in(chunk.iter().copied()))
                    .all(conn)
                    .await?
                    .into_iter()
                    .map(|row| row.person_id),
            );
        }
    }
    for line in lines {
        let visible = line
            .person_code
            .as_ref()
            .and_then(|code| people_by_code.get(code))
            .is_some_and(|id| own.contains(id));
        if !visible {
            line.person_code = None;
        }
    }
    Ok(())
}

/// The records behind `ids` by their id, read a few hundred at a time: one query per kind
/// and chunk rather than one per line, and never more bound values than the databases allow.
async fn by_ids<C, E>(
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

async fn figure_lines<C: ConnectionTrait>(
    conn: &C,
    members: &[Member],
) -> Result<Vec<FigureLine>, AppError> {
    // First the records the members name, then the people, plans and structures those
    // records point to.
    let mut wanted: [HashSet<i32>; 6] = Default::default();
    for member in members {
        let (kind, id) = match *member {
            Member::Person { id, .. } => (0, id),
            Member::Screening(id) => (1, id),
            Member::Contact(id) => (2, id),
            Member::Stay { placement, .. } => (3, placement),
            Member::Work(id) => (4, id),
            Member::Permit(id) => (5, id),
        };
        wanted[kind].insert(id);
    }
    let [mut person_ids, screening_ids, contact_ids, stay_ids, work_ids, permit_ids] = wanted;
    let screenings =
        by_ids::<_, screenings::Entity>(conn, screenings::Column::Id, &screening_ids, |m| m.id)
            .await?;
    let contacts =
        by_ids::<_, contacts::Entity>(conn, contacts::Column::Id, &contact_ids, |m| m.id).await?;
    let stays =
        by_ids::<_, placements::Entity>(conn, placements::Column::Id, &stay_ids, |m| m.id).await?;
    let works =
        by_ids::<_, work_placements::Entity>(conn, work_placements::Column::Id, &work_ids, |m| {
            m.id
        })
        .await?;
    let permits =
        by_ids::<_, permits::Entity>(conn, permits::Column::Id, &permit_ids, |m| m.id).await?;
    let plan_ids: HashSet<i32> = works
        .values()
        .map(|w| w.plan_id)
        .chain(permits.values().map(|p| p.plan_id))
        .collect();
    let plan_people: HashMap<i32, i32> =
        by_ids::<_, plans::Entity>(conn, plans::Column::Id, &plan_ids, |m| m.id)
            .await?
            .into_iter()
            .map(|(id, plan)| (id, plan.person_id))
            .collect();
    person_ids.extend(screenings.values().map(|s| s.person_id));
    person_ids.extend(stays.values().map(|s| s.person_id));
    person_ids.extend(plan_people.values().copied());
    let people =
        by_ids::<_, people::Entity>(conn, people::Column::Id, &person_ids, |m| m.id).await?;
    let structure_ids: HashSet<i32> = stays.values().map(|s| s.structure_id).collect();
    let structure_names: HashMap<i32, String> =
        by_ids::<_, structures::Entity>(conn, structures::Column::Id, &structure_ids, |m| m.id)
            .await?
            .into_iter()
            .map(|(id, structure)| (id, structure.name))
            .collect();

    let person_line =
        |person: &people::Model, day: NaiveDate, detail: Option<FigureDetail>| FigureLine {
            person_code: Some(person.code.clone()),
            day: Some(day),
            amount: 1,
            detail: detail.unwrap_or(FigureDetail::Person {
                gender: Gender::from_code(&person.gender).unwrap_or(Gender::Female),
                minor: minor_from_record(person, day),
            }),
        };
    let planned = |plan: i32| plan_people.get(&plan).and_then(|id| people.get(id));
    let mut lines = Vec::with_capacity(members.len());
    for member in members {
        let line = match *member {
            Member::Person { id, day } => people.get(&id).map(|p| person_line(p, day, None)),
            Member::Screening(id) => screenings.get(&id).and_then(|screening| {
                people.get(&screening.person_id).map(|person| {
                    person_line(
                        person,
                        screening.held_on,
                        Some(FigureDetail::Screening {
                            outcome: screening.outcome.clone(),
                        }),
                    )
                })
            }),
            Member::Contact(id) => contacts.get(&id).map(|contact| FigureLine {
                person_code: None,
                day: Some(contact.occurred_on),
                amount: i64::from(contact.people_count),
                detail: FigureDetail::Contact {
                    channel: Channel::from_code(&contact.channel).unwrap_or(Channel::StreetUnit),
                    province: contact.province.clone(),
                },
            }),
            Member::Stay { placement, days } => stays.get(&placement).map(|stay| FigureLine {
                person_code: people.get(&stay.person_id).map(|p| p.code.clone()),
                day: Some(stay.started_on),
                amount: days,
                detail: FigureDetail::Stay {
                    structure: structure_names
                        .get(&stay.structure_id)
                        .cloned()
                        .unwrap_or_default(),
                },
            }),
            Member::Work(id) => works.get(&id).and_then(|activation| {
                planned(activation.plan_id).map(|person| {
                    person_line(
                        person,
                        activation.starts_on,
                        Some(FigureDetail::Work {
                            kind: activation.kind.clone(),
                        }),
                    )
                })
            }),
            Member::Permit(id) => permits.get(&id).and_then(|permit| {
                match (planned(permit.plan_id), permit.converted_on) {
                    (Some(person), Some(day)) => Some(person_line(
                        person,
                        day,
                        Some(FigureDetail::Permit {
                            converted_to: permit.converted_to.clone().unwrap_or_default(),
                        }),
                    )),
                    _ => None,
                }
            }),
        };
        lines.extend(line);
    }
    lines.sort_by(|a, b| a.day.cmp(&b.day).then(a.person_code.cmp(&b.person_code)));
    Ok(lines)
}
