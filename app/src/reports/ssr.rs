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
use crate::audit::ssr::{record_alone, AuditEvent};
use crate::auth::model::OrganisationKind;
use crate::auth::ssr::Ctx;
use crate::entity::{
    beds, contacts, path_events, people, permits, person_organisations, placements, plans,
    screenings, structures, work_placements,
};
use crate::kernel::error::AppError;
use crate::kernel::fields::parse_codes;
use crate::kernel::names::organisation_names;
use crate::people::access::minor_from_record;
use crate::people::contacts::model::Channel;
use crate::people::model::{Exploitation, Gender};
use crate::people::screening::model::ScreeningOutcome;
use crate::planner::model::WorkKind;

mod births;
mod computing;
mod figures;
mod network_counts;
mod path_counts;
pub use computing::*;
pub use figures::*;
// The tables and the scope, shared with the dashboards.
use super::tables::*;

/// What the reader is allowed: her scope, and whether she sees exact small counts.
struct Reading {
    scope: Scope,
    network_wide: bool,
}

/// What the reader may read. Another organisation's figures are refused (403) with an
/// audit row, as every refusal is.
async fn reading_for(ctx: &Ctx, request: &ValidRequest) -> Result<Reading, AppError> {
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
    // Staff of a body read their own organisation, and only it.
    if !user.has_any_role(crate::auth::policy::REPORT_READERS)
        || request
            .organisations
            .iter()
            .any(|id| *id != user.organisation_id)
    {
        let asked: Vec<String> = request.organisations.iter().map(i32::to_string).collect();
        let event = AuditEvent::new(ctx.user.as_ref(), "report.view", "report")
            .detail(format!("organisations={}", asked.join(",")));
        return Err(crate::audit::ssr::deny_alone(&ctx.db, ctx.request_id(), event).await);
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
    let mut cells = if suppressed {
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
    guard_averages(raw, &mut cells);
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

/// An average is withheld wherever the people it describes are not shown exactly: the
/// average of fewer than the threshold would tell their days.
fn guard_averages(raw: &RawTable, cells: &mut [Vec<Count>]) {
    for (column, guard) in raw.guards.iter().enumerate() {
        let Some(guard) = *guard else { continue };
        for row in cells.iter_mut() {
            if !matches!(row[guard], Count::Exact(_)) {
                row[column] = Count::Withheld;
            }
        }
    }
}

async fn implementing_bodies<C: ConnectionTrait>(conn: &C) -> Result<Vec<(i32, String)>, AppError> {
    crate::kernel::names::organisations_of_kinds(
        conn,
        &[OrganisationKind::ImplementingBody.code()],
        false,
    )
    .await
}

/// The page the tables are for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    FunderReport,
    Dashboards,
    /// The funder report as an Excel workbook: it leaves the screen, so it is suppressed.
    Workbook,
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
    let today = crate::kernel::clock::today();
    let valid = request.validate(today)?;
    let reading = reading_for(ctx, &valid).await?;
    let raw = match part {
        Part::FunderReport | Part::Workbook => {
            compute(&ctx.db, &reading.scope, valid.from, valid.to).await?
        }
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
    let suppressed = request.print || !reading.network_wide || part == Part::Workbook;
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
        (Part::Workbook, _) => "report.export",
        (Part::FunderReport, true) => "report.print",
        (Part::FunderReport, false) => "report.view",
    };
    record_alone(
        &ctx.db,
        ctx.request_id(),
        AuditEvent::new(ctx.user.as_ref(), action, "report").detail(match part {
            Part::Workbook => format!("format=xlsx {}", scope_detail(&valid, &reading.scope)),
            _ => scope_detail(&valid, &reading.scope),
        }),
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

/// The whole report as an Excel workbook (`reports::xlsx`), as it leaves the screen:
/// always suppressed; audited as an export.
pub async fn report_xlsx(
    ctx: &Ctx,
    request: &ReportRequest,
    threshold: i64,
    language: &str,
) -> Result<(String, Vec<u8>), AppError> {
    let report = report_part(ctx, request, threshold, Part::Workbook).await?;
    let body = super::xlsx::report_to_xlsx(&report, language)?;
    Ok((
        format!("anello-rapporto-{}-{}.xlsx", report.from, report.to),
        body,
    ))
}

/// The CSV of one table, as it leaves the screen: always suppressed.
pub async fn table_csv(
    ctx: &Ctx,
    request: &ReportRequest,
    table: TableId,
    threshold: i64,
    language: &str,
) -> Result<(String, Vec<u8>), AppError> {
    let valid = request.validate(crate::kernel::clock::today())?;
    let reading = reading_for(ctx, &valid).await?;
    let raw = tables_holding(&ctx.db, &reading.scope, valid.from, valid.to, table).await?;
    let raw = raw
        .iter()
        .find(|t| t.id == table)
        .ok_or(AppError::NotFound)?;
    let finished = finished(raw, true, threshold, false);
    let body = super::csv::table_to_csv(&finished, language)?;
    record_alone(
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
