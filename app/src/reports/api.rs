use leptos::prelude::*;

use super::model::{FigureList, FigureRequest, FunderReport, ReportRequest};
use crate::kernel::error::AppError;

/// The funder report for a period and scope (the print view asks with `print`).
#[server(endpoint = "reports/funder")]
pub async fn load_funder_report(request: ReportRequest) -> Result<FunderReport, AppError> {
    use crate::auth::ssr::guard;
    guard("reports/funder", |ctx| async move {
        let threshold = ctx.settings.report_min_count;
        super::ssr::funder_report(&ctx, &request, threshold).await
    })
    .await
}

/// The dashboards: beds today and over the period, the flow along the path.
#[server(endpoint = "reports/dashboards")]
pub async fn load_dashboards(request: ReportRequest) -> Result<FunderReport, AppError> {
    use crate::auth::ssr::guard;
    guard("reports/dashboards", |ctx| async move {
        let threshold = ctx.settings.report_min_count;
        super::ssr::dashboards(&ctx, &request, threshold).await
    })
    .await
}

/// The list of what one figure of the report counts.
#[server(endpoint = "reports/figure")]
pub async fn report_figure(request: FigureRequest) -> Result<FigureList, AppError> {
    use crate::auth::ssr::guard;
    guard("reports/figure", |ctx| async move {
        super::ssr::figure_list(&ctx, &request).await
    })
    .await
}
