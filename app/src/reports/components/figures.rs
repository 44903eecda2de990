//! The list of people behind a figure of the report.

use super::*;

pub(super) fn anonymous_contact() -> String {
    tr!("report-figure-anonymous")
}

pub(super) fn figure_detail_text(detail: &FigureDetail) -> String {
    match detail {
        FigureDetail::Person { gender, minor } => {
            let gender = gender_name(*gender);
            if *minor {
                format!("{gender} · {}", tr!("report-label-minors"))
            } else {
                gender
            }
        }
        FigureDetail::Contact { channel, province } => {
            format!("{} · {province}", channel_name(*channel))
        }
        FigureDetail::Stay { structure } => structure.clone(),
        FigureDetail::Screening { outcome } => {
            crate::people::screening::model::ScreeningOutcome::from_code(outcome)
                .map(outcome_name)
                .unwrap_or_else(|| outcome.clone())
        }
        FigureDetail::Work { kind } => WorkKind::from_code(kind)
            .map(work_kind_name)
            .unwrap_or_else(|| kind.clone()),
        FigureDetail::Permit { converted_to } => Conversion::from_code(converted_to)
            .map(conversion_name)
            .unwrap_or_else(|| converted_to.clone()),
    }
}

/// What the last column of a list adds up: days for a stay or a wait, else how many.
fn amount_heading(table: TableId) -> String {
    match table {
        TableId::Presence | TableId::LengthOfStay | TableId::WaitingTimes => {
            tr!("report-figure-days")
        }
        _ => tr!("report-figure-amount"),
    }
}

#[component]
pub fn FigurePage() -> impl IntoView {
    let query = use_query_map();
    let request = Memo::new(move |_| {
        let q = query.read();
        FigureRequest {
            report: request_from(&q, false),
            table: q.get("tabella").unwrap_or_default(),
            row: q.get("riga").unwrap_or_default(),
            column: q.get("colonna").unwrap_or_default(),
        }
    });
    let data = Resource::new(move || request.get(), report_figure);
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "report-figure-title")
        }) />
        <h1>{move_tr!("report-figure-title")}</h1>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <ErrorPanel error /> }.into_any(),
                    Ok(list) => {
                        let back = {
                            let r = request.get_untracked().report;
                            let mut pairs = vec![format!("dal={}", list.from), format!("al={}", list.to)];
                            pairs.extend(r.organisations.iter().filter(|o| !o.trim().is_empty()).map(|o| format!("organizzazione={}", urlencode(o))));
                            pairs.extend(r.provinces.iter().filter(|p| !p.trim().is_empty()).map(|p| format!("provincia={}", urlencode(p))));
                            let page = if list.table.is_dashboard() { "/rapporti/cruscotto" } else { "/rapporti" };
                            format!("{page}?{}", pairs.join("&"))
                        };
                        let (table, row, column) = (list.table, list.row.clone(), list.column.clone());
                        let heading = move || format!("{} · {} · {}", table_title(table), label_text(&row), label_text(&column));
                        let period = tr!("report-period", { "from" => day_text(list.from), "to" => day_text(list.to) });
                        let total = list.total;
                        let count = list.lines.len();
                        view! {
                            <p class="lead">{heading}</p>
                            <p>{period}" · "{move_tr!("report-figure-total", { "total" => total, "lines" => count })}</p>
                            <p><a class="button secondary" href=back>{move_tr!("report-back")}</a></p>
                            <div class="table-wrap">
                                <table>
                                    <thead>
                                        <tr>
                                            <th scope="col">{move_tr!("field-network-code")}</th>
                                            <th scope="col">{move_tr!("report-figure-day")}</th>
                                            <th scope="col">{move_tr!("report-figure-detail")}</th>
                                            <th scope="col" class="number">{move || amount_heading(table)}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {list.lines.into_iter().map(|line| {
                                            let detail = line.detail.clone();
                                            view! {
                                                <tr>
                                                    <td data-label=move || tr!("field-network-code")>{match line.person_code {
                                                        Some(code) => view! { <a href=format!("/persone/{code}")>{code.clone()}</a> }.into_any(),
                                                        None => view! { <span>{anonymous_contact}</span> }.into_any(),
                                                    }}</td>
                                                    <td data-label=move || tr!("report-figure-day")>{line.day.map(day_text).unwrap_or_default()}</td>
                                                    <td data-label=move || tr!("report-figure-detail")>{move || figure_detail_text(&detail)}</td>
                                                    <td class="number" data-label=move || amount_heading(table)>{line.amount}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }
                            .into_any()
                    }
                }
            })}
        </Suspense>
    }
}
