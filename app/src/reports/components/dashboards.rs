//! The dashboards: the network's figures over time, as charts with their tables.

use super::*;

/// The dashboards: beds today per province and organisation, occupancy month by month,
/// and the people who moved along the path in the period, each as a chart with its table.
#[component]
pub fn DashboardsPage() -> impl IntoView {
    let query = use_query_map();
    let request = Memo::new(move |_| request_from(&query.read(), false));
    let data = Resource::new(move || request.get(), load_dashboards);
    view! {
        <Title text=crate::ui::pages::page_title({
            let i18n = expect_context::<I18n>();
            move || tr!(i18n, "dashboards-title")
        }) />
        <h1>{move_tr!("dashboards-title")}</h1>
        <p class="lead">{move_tr!("dashboards-intro")}</p>
        <Suspense fallback=Loading>
            {move || Suspend::new(async move {
                match data.await {
                    Err(error) => view! { <InvalidRequest error /> }.into_any(),
                    Ok(report) => {
                        let query = report_query(&report);
                        let today = day_text(report.today);
                        view! {
                            <ReportFilters report=report.clone() action="/rapporti/cruscotto" />
                            <ReportSummary report=report.clone() />
                            <p class="button-row">
                                <a class="button secondary" href=format!("/rapporti?{query}")>{move_tr!("dashboards-to-report")}</a>
                            </p>
                            <p class="hint">{move_tr!("dashboards-today", { "today" => today.clone() })}</p>
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
