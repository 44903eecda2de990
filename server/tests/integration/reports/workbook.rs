//! The whole funder report as the Excel workbook the funder receives: suppressed, audited,
//! refused to whoever may not read the report.

use reqwest::StatusCode;

use super::dataset::fictional_network;
use super::COORDINATOR;
use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_downloads_as_an_excel_workbook_with_a_sheet_per_table() {
    let app = TestApp::spawn().await;
    let (fixture, _) = fictional_network(&app).await;
    let coordinator = app.sign_in(COORDINATOR).await;
    let path = format!(
        "/rapporti/esporta/rapporto.xlsx?dal=2025-01-01&al=2025-06-30&organizzazione={}",
        fixture.organisation
    );
    let response = app.get(&path, Some(&coordinator)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["content-type"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    );
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("anello-rapporto-2025-01-01-2025-06-30.xlsx"));
    let bytes = response.bytes().await.unwrap();
    // A zip file (an .xlsx is one), whose entries name their sheets in clear: the cover
    // and one per table.
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let names = String::from_utf8_lossy(&bytes);
    // The cover and the twelve tables of the funder report.
    assert!(names.contains("xl/worksheets/sheet1.xml"));
    assert!(
        names.contains("xl/worksheets/sheet13.xml"),
        "a sheet per table"
    );
    assert!(!names.contains("xl/worksheets/sheet14.xml"));
    let rows = audit_rows_like(&app, "report.export", "format=xlsx").await;
    assert_eq!(rows, 1);

    // Refused as the report is: a partner reads no report, and the sign-in comes first.
    let partner = app.sign_in("partner@anello.test").await;
    assert_eq!(
        app.get(&path, Some(&partner)).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.get(&path, None).await.status(),
        StatusCode::UNAUTHORIZED
    );
}

async fn audit_rows_like(app: &TestApp, action: &str, detail: &str) -> usize {
    use app::entity::audit_log;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .filter(audit_log::Column::Detail.contains(detail))
        .all(&app.db)
        .await
        .unwrap()
        .len()
}
