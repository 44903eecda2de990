//! The report pages: the funder report with its filters (`/rapporti`), the list behind
//! a figure (`/rapporti/elenco`), the A4 print view (`/rapporti/stampa`) and the
//! dashboards (`/rapporti/cruscotto`). All of them are plain GET forms and links; nothing
//! here needs JavaScript except the print button.

use crate::ui::submit::Submit;
use leptos::prelude::*;
use leptos_fluent::{move_tr, tr, I18n};
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use leptos_router::params::ParamsMap;

use super::api::{load_dashboards, load_funder_report, report_figure};
use super::charts::{bar_chart, line_chart, BarChart, ChartWords, Layout, LineChart};
use super::model::*;
use crate::auth::model::{province_name, PROVINCES};
use crate::kernel::error::AppError;
use crate::kernel::numbers::tenths_text;
use crate::path::spending::components::category_name;
use crate::people::components::{exploitation_name, gender_name};
use crate::people::contacts::components::channel_name;
use crate::people::registry::components::{exit_outcome_name, status_name};
use crate::people::screening::components::outcome_name;
use crate::planner::components::{conversion_name, work_kind_name};
use crate::planner::model::{Conversion, WorkKind};
use crate::ui::errors::{problem_message, ErrorPanel};
use crate::ui::forms::urlencode;
use crate::ui::pages::Loading;
use crate::ui::time::{day_text, interface_language, month_text};

mod dashboards;
mod figures;
mod labels;
pub use dashboards::*;
pub use figures::*;
pub use labels::*;

fn request_from(query: &ParamsMap, print: bool) -> ReportRequest {
    ReportRequest {
        from: query.get("dal").unwrap_or_default(),
        to: query.get("al").unwrap_or_default(),
        organisations: query.get_all("organizzazione").unwrap_or_default(),
        provinces: query.get_all("provincia").unwrap_or_default(),
        print,
    }
}

/// The query string of a report (the period as shown, so links keep the same figures).
fn report_query(report: &FunderReport) -> String {
    let mut pairs = vec![format!("dal={}", report.from), format!("al={}", report.to)];
    if report.network_wide {
        for (id, name) in &report.organisation_choices {
            if report.scope.organisations.contains(name) {
                pairs.push(format!("organizzazione={id}"));
            }
        }
    }
    for province in &report.scope.provinces {
        pairs.push(format!("provincia={}", urlencode(province)));
    }
    pairs.join("&")
}

fn table_title(id: TableId) -> String {
    match id {
        TableId::TakeInsBySex => tr!("report-table-take-ins-by-sex"),
        TableId::TakeInsByAge => tr!("report-table-take-ins-by-age"),
        TableId::DependentChildren => tr!("report-table-dependent-children"),
        TableId::Births => tr!("report-table-births"),
        TableId::Evaluations => tr!("report-table-evaluations"),
        TableId::Exploitation => tr!("report-table-exploitation"),
        TableId::WorkInclusion => tr!("report-table-work-inclusion"),
        TableId::ContactChannels => tr!("report-table-contact-channels"),
        TableId::Presence => tr!("report-table-presence"),
        TableId::SupportSpending => tr!("report-table-support-spending"),
        TableId::Transfers => tr!("report-table-transfers"),
        TableId::SystemActions => tr!("report-table-system-actions"),
        TableId::OccupancyByProvince => tr!("report-table-occupancy-by-province"),
        TableId::OccupancyByOrganisation => tr!("report-table-occupancy-by-organisation"),
        TableId::OccupancyByMonth => tr!("report-table-occupancy-by-month"),
        TableId::PathFlow => tr!("report-table-path-flow"),
        TableId::ExitsByOutcome => tr!("report-table-exits-by-outcome"),
        TableId::FlowByProvince => tr!("report-table-flow-by-province"),
        TableId::FlowByOrganisation => tr!("report-table-flow-by-organisation"),
        TableId::LengthOfStay => tr!("report-table-length-of-stay"),
        TableId::WaitingTimes => tr!("report-table-waiting-times"),
        TableId::RuleRefusals => tr!("report-table-rule-refusals"),
    }
}

fn table_note(id: TableId) -> String {
    match id {
        TableId::TakeInsBySex => tr!("report-note-take-ins"),
        TableId::TakeInsByAge => tr!("report-note-age"),
        TableId::DependentChildren => tr!("report-note-children"),
        TableId::Births => tr!("report-note-births"),
        TableId::Evaluations => tr!("report-note-evaluations"),
        TableId::Exploitation => tr!("report-note-exploitation"),
        TableId::WorkInclusion => tr!("report-note-work"),
        TableId::ContactChannels => tr!("report-note-channels"),
        TableId::Presence => tr!("report-note-presence"),
        TableId::SupportSpending => tr!("report-note-support-spending"),
        TableId::Transfers => tr!("report-note-transfers"),
        TableId::SystemActions => tr!("report-note-system-actions"),
        TableId::OccupancyByProvince | TableId::OccupancyByOrganisation => {
            tr!("report-note-beds-today")
        }
        TableId::OccupancyByMonth => tr!("report-note-occupancy-by-month"),
        TableId::PathFlow => tr!("report-note-path-flow"),
        TableId::ExitsByOutcome => tr!("report-note-exits"),
        TableId::FlowByProvince => tr!("report-note-flow-by-province"),
        TableId::FlowByOrganisation => tr!("report-note-flow-by-organisation"),
        TableId::LengthOfStay => tr!("report-note-length-of-stay"),
        TableId::WaitingTimes => tr!("report-note-waiting-times"),
        TableId::RuleRefusals => tr!("report-note-rule-refusals"),
    }
}

fn chart_words() -> ChartWords {
    ChartWords {
        description: tr!("chart-description"),
        withheld: tr!("report-withheld"),
        hidden_parts: tr!("chart-hidden-parts"),
    }
}

/// The chart of a dashboard table, as SVG markup (None for the funder report's tables).
fn chart_markup(table: &Table) -> Option<String> {
    let id = format!("chart-{}", table.id.code());
    let title = table_title(table.id);
    let body_rows = if table.total_row {
        table.rows.len().saturating_sub(1)
    } else {
        table.rows.len()
    };
    let rows: Vec<String> = table.rows[..body_rows].iter().map(label_text).collect();
    let column =
        |c: usize| -> Vec<Count> { table.cells[..body_rows].iter().map(|row| row[c]).collect() };
    let series = |columns: &[(usize, usize)]| -> Vec<(String, usize, Vec<Count>)> {
        columns
            .iter()
            .map(|&(c, fill)| (label_text(&table.columns[c]), fill, column(c)))
            .collect()
    };
    let words = chart_words();
    let grouped = |columns: Vec<(usize, usize)>| BarChart {
        id: id.clone(),
        title: title.clone(),
        layout: Layout::Grouped,
        rows: rows.clone(),
        series: series(&columns),
        row_totals: Vec::new(),
    };
    match table.id {
        TableId::OccupancyByProvince | TableId::OccupancyByOrganisation => {
            // Occupied solid, held striped, out of service cross-hatched, free empty.
            let chart = BarChart {
                id: id.clone(),
                title: title.clone(),
                layout: Layout::Stacked,
                rows: rows.clone(),
                series: series(&[(0, 0), (1, 1), (2, 2), (3, 6)]),
                row_totals: column(4),
            };
            Some(bar_chart(&chart, &words))
        }
        TableId::OccupancyByMonth => {
            let chart = LineChart {
                id,
                title,
                points: (0..table.rows.len())
                    .map(|r| {
                        let label = match &table.rows[r] {
                            Label::Month(day) => day.format("%m/%y").to_string(),
                            other => label_text(other),
                        };
                        (label, occupancy_permille(table, r))
                    })
                    .collect(),
                value_text: occupancy_text,
            };
            Some(line_chart(&chart, &words))
        }
        TableId::PathFlow | TableId::ExitsByOutcome => {
            Some(bar_chart(&grouped(vec![(0, 0)]), &words))
        }
        // The average days per kind of structure; the refusals beside the rules set aside.
        TableId::LengthOfStay => Some(bar_chart(&grouped(vec![(1, 0)]), &words)),
        TableId::RuleRefusals => Some(bar_chart(&grouped(vec![(0, 0), (1, 1)]), &words)),
        TableId::FlowByProvince | TableId::FlowByOrganisation => Some(bar_chart(
            &grouped(
                (0..table.columns.len())
                    .map(|c| (c, c % super::charts::FILL_COUNT))
                    .collect(),
            ),
            &words,
        )),
        _ => None,
    }
}

fn occupancy_text(permille: i64) -> String {
    format!("{} %", tenths_text(permille, &interface_language()))
}

/// One figure: a number (a link to its list when the reader may open it), "<3", or
/// withheld.
fn count_view(count: Count, link: Option<String>) -> AnyView {
    match (count, link) {
        (Count::Exact(value), Some(href)) => view! {
            <a href=href class="figure-link">{value}</a>
        }
        .into_any(),
        (Count::Exact(value), None) => view! { <span>{value}</span> }.into_any(),
        (Count::Below(threshold), _) => view! {
            <span class="suppressed" title=move_tr!("report-below-title", { "threshold" => threshold })>
                {format!("<{threshold}")}
            </span>
        }
        .into_any(),
        (Count::Withheld, _) => view! {
            <abbr class="suppressed" title=move_tr!("report-withheld-title")>{move_tr!("report-withheld")}</abbr>
        }
        .into_any(),
    }
}

#[component]
fn ReportTable(table: Table, query: String, with_csv: bool) -> impl IntoView {
    let id = table.id;
    let presence = id.occupancy_columns().is_some();
    // Tables without a chart of their own (the waiting times: two rows) stand alone.
    let has_chart = id.is_dashboard() && chart_markup(&table).is_some();
    // A table of many columns goes under its chart: side by side it would scroll.
    let chart_above = has_chart && table.columns.len() > 3;
    let chart = has_chart.then(|| {
        let table = table.clone();
        view! { <div class="chart-figure" inner_html=move || chart_markup(&table).unwrap_or_default()></div> }
    });
    let heading_id = format!("table-{}", id.code());
    let rows = table.rows.clone();
    let columns = table.columns.clone();
    let body_columns = columns.clone();
    let body = table
        .cells
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let is_total = table.total_row && r + 1 == table.rows.len();
            let cells = row
                .iter()
                .enumerate()
                .map(|(c, count)| {
                    let link = (table.linked && table.sensitive.get(c).copied().unwrap_or(true))
                        .then(|| {
                            format!(
                                "/rapporti/elenco?{query}&tabella={}&riga={r}&colonna={c}",
                                id.code()
                            )
                        });
                    // On a phone the table becomes cards: each number names its column.
                    let column = body_columns[c].clone();
                    view! {
                        <td class="number" data-label=move || label_text(&column)>
                            {count_view(*count, link)}
                        </td>
                    }
                })
                .collect_view();
            let occupancy = presence.then(|| {
                let text = occupancy_permille(&table, r).map(occupancy_text);
                view! {
                    <td class="number" data-label=move || tr!("report-label-occupancy")>
                        {match text {
                            Some(text) => view! { <span>{text}</span> }.into_any(),
                            None => count_view(Count::Withheld, None),
                        }}
                    </td>
                }
            });
            let label = rows[r].clone();
            view! {
                <tr class:total-row=is_total>
                    <th scope="row">{move || label_text(&label)}</th>
                    {cells}
                    {occupancy}
                </tr>
            }
        })
        .collect_view();
    let csv_href = format!("/rapporti/esporta/{}.csv?{query}", id.code());
    view! {
        <section class="report-section" aria-labelledby=heading_id.clone()>
            <h2 id=heading_id.clone()>{move || table_title(id)}</h2>
            <p class="hint">{move || table_note(id)}</p>
            <div class:chart-and-table=has_chart class:chart-above=chart_above>
            {chart}
            <div class="table-wrap">
                <table class="report-table">
                    <thead>
                        <tr>
                            <th scope="col"><span class="visually-hidden">{move_tr!("report-row-heading")}</span></th>
                            {columns.into_iter().map(|label| view! {
                                <th scope="col" class="number">{move || label_text(&label)}</th>
                            }).collect_view()}
                            {presence.then(|| view! { <th scope="col" class="number">{move_tr!("report-label-occupancy")}</th> })}
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            </div>
            {with_csv.then(|| view! {
                <p class="no-print">
                    <a class="button small secondary" href=csv_href download="">
                        {move_tr!("report-download-csv")}
                    </a>
                </p>
            })}
        </section>
    }
}

#[component]
fn ReportFilters(report: FunderReport, action: &'static str) -> impl IntoView {
    let from = report.from.to_string();
    let to = report.to.to_string();
    let chosen_provinces = report.scope.provinces.clone();
    let chosen_organisations = report.scope.organisations.clone();
    view! {
        <form method="get" action=action class="panel filters report-filters">
            <h2 class="visually-hidden">{move_tr!("filters")}</h2>
            <div class="field">
                <label for="report-from">{move_tr!("report-from")}</label>
                <input id="report-from" type="date" name="dal" value=from required />
            </div>
            <div class="field">
                <label for="report-to">{move_tr!("report-to")}</label>
                <input id="report-to" type="date" name="al" value=to required />
            </div>
            {report.network_wide.then(|| view! {
                <fieldset class="field choice-group">
                    <legend>{move_tr!("report-organisations")}</legend>
                    <p class="hint">{move_tr!("report-organisations-hint")}</p>
                    {report.organisation_choices.iter().map(|(id, name)| {
                        let checked = chosen_organisations.contains(name);
                        let input_id = format!("report-organisation-{id}");
                        view! {
                            <div class="checkbox-field">
                                <input type="checkbox" id=input_id.clone() name="organizzazione" value=id.to_string() checked=checked />
                                <label for=input_id>{name.clone()}</label>
                            </div>
                        }
                    }).collect_view()}
                </fieldset>
            })}
            <fieldset class="field choice-group">
                <legend>{move_tr!("report-provinces")}</legend>
                {PROVINCES.iter().map(|(code, name, _)| {
                    let checked = chosen_provinces.iter().any(|p| p == code);
                    let input_id = format!("report-province-{code}");
                    view! {
                        <div class="checkbox-field">
                            <input type="checkbox" id=input_id.clone() name="provincia" value=*code checked=checked />
                            <label for=input_id>{*name}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <Submit class="button primary">{move_tr!("report-show")}</Submit>
        </form>
    }
}

fn scope_text(report: &FunderReport) -> String {
    let mut parts = Vec::new();
    if report.scope.own_organisation {
        parts.push(tr!("report-scope-own"));
    } else if report.scope.organisations.is_empty() {
        parts.push(tr!("report-scope-network"));
    } else {
        parts.push(report.scope.organisations.join(", "));
    }
    if !report.scope.provinces.is_empty() {
        parts.push(
            tr!("report-scope-provinces", { "provinces" => report.scope.provinces.join(", ") }),
        );
    }
    parts.join(" · ")
}

#[component]
fn ReportSummary(report: FunderReport) -> impl IntoView {
    let period =
        tr!("report-period", { "from" => day_text(report.from), "to" => day_text(report.to) });
    let scope = scope_text(&report);
    let threshold = report.threshold;
    view! {
        <p class="report-period"><strong>{period}</strong>" · "{scope}</p>
        {report.suppressed.then(|| view! {
            <p class="notice">{move_tr!("report-suppressed-notice", { "threshold" => threshold })}</p>
        })}
        {(!report.suppressed).then(|| view! {
            <p class="notice">{move_tr!("report-exact-notice")}</p>
        })}
    }
}

fn field_name(field: &str) -> String {
    match field {
        "from" => tr!("report-from"),
        "to" => tr!("report-to"),
        "organisations" => tr!("report-organisations"),
        _ => tr!("report-provinces"),
    }
}

/// A period or scope the server refused: what is wrong, and a fresh form to try again.
#[component]
fn InvalidRequest(error: AppError) -> impl IntoView {
    let AppError::Invalid { problems } = error.clone() else {
        return view! { <ErrorPanel error /> }.into_any();
    };
    crate::ui::errors::set_page_status(&error);
    view! {
        <section class="panel panel-error" role="alert">
            <h2>{move_tr!("report-invalid")}</h2>
            <ul>
                {problems.into_iter().map(|p| {
                    let field = p.field.clone();
                    view! { <li>{move || format!("{}: {}", field_name(&field), problem_message(p.problem))}</li> }
                }).collect_view()}
            </ul>
            <p><a class="button secondary" href="/rapporti">{move_tr!("report-start-again")}</a></p>
        </section>
    }
    .into_any()
}

#[component]
pub fn ReportPage() -> impl IntoView {
    let query = use_query_map();
    let request = Memo::new(move |_| request_from(&query.read(), false));
    let data = Resource::new(move || request.get(), load_funder_report);
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "nav-reports")
        }) />
        <h1>{move_tr!("report-title")}</h1>
        <p class="lead">{move_tr!("report-intro")}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <InvalidRequest error /> }.into_any(),
                    Ok(report) => {
                        let query = report_query(&report);
                        let print_href = format!("/rapporti/stampa?{query}");
                        view! {
                            <ReportFilters report=report.clone() action="/rapporti" />
                            <ReportSummary report=report.clone() />
                            <p class="button-row">
                                <a class="button secondary" href=print_href>{move_tr!("report-print-view")}</a>
                                <a class="button secondary" href=format!("/rapporti/esporta/rapporto.xlsx?{query}") download>
                                    {move_tr!("report-xlsx-download")}
                                </a>
                                <a class="button secondary" href=format!("/rapporti/cruscotto?{query}")>{move_tr!("dashboards-link")}</a>
                            </p>
                            {report.tables.into_iter().map(|table| view! {
                                <ReportTable table query=query.clone() with_csv=true />
                            }).collect_view()}
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn ReportPrintPage() -> impl IntoView {
    let query = use_query_map();
    let request = Memo::new(move |_| request_from(&query.read(), true));
    let data = Resource::new(move || request.get(), load_funder_report);
    let print = move |_: leptos::ev::MouseEvent| {
        #[cfg(feature = "hydrate")]
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "report-title")
        }) />
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(report) => {
                        let query = report_query(&report);
                        view! {
                            <div class="print-controls no-print">
                                <p class="button-row">
                                    <a class="button secondary" href=format!("/rapporti?{query}")>{move_tr!("report-back")}</a>
                                    <button type="button" class="button primary" on:click=print>{move_tr!("print-now")}</button>
                                </p>
                                <p class="hint">{move_tr!("print-hint")}</p>
                            </div>
                            <article class="print-sheet report-print" aria-labelledby="report-print-heading">
                                <header class="print-header">
                                    <p class="print-network">{move_tr!("print-network")}</p>
                                    <h1 id="report-print-heading">{move_tr!("report-print-heading")}</h1>
                                </header>
                                <ReportSummary report=report.clone() />
                                {report.tables.into_iter().map(|table| view! {
                                    <ReportTable table query=query.clone() with_csv=false />
                                }).collect_view()}
                            </article>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}
