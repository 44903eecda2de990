//! The list of people behind each figure, for those entitled to the report only.

use reqwest::StatusCode;

use super::dataset::fictional_network;
use super::{audit_count, period, report, COORDINATOR};
use crate::helpers::*;
use app::reports::model::FigureList;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_figure_opens_the_list_it_counts_for_those_entitled() {
    let app = TestApp::spawn().await;
    let (fixture, mut new_ones) = fictional_network(&app).await;
    let organisation = fixture.organisation.to_string();
    let coordinator = app.sign_in(COORDINATOR).await;
    let figure = |row: &'static str, column: &'static str| {
        let mut form = period(&organisation, "2025-01-01", "2025-06-30")
            .into_iter()
            .map(|(k, v)| (k.replace("request[", "request[report]["), v.to_string()))
            .collect::<Vec<_>>();
        form.push(("request[table]".into(), "take_ins_by_sex".into()));
        form.push(("request[row]".into(), row.into()));
        form.push(("request[column]".into(), column.into()));
        form
    };
    let form = figure("1", "3");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let list: FigureList = app.call("reports/figure", &pairs, Some(&coordinator)).await;
    assert_eq!(list.total, 3);
    let mut codes: Vec<String> = list
        .lines
        .iter()
        .map(|line| line.person_code.clone().unwrap())
        .collect();
    let d_code = new_ones[2].clone();
    codes.sort();
    new_ones.sort();
    assert_eq!(codes, new_ones, "the new take-ins of the first period");
    assert_eq!(audit_count(&app, "report.figure").await, 1);

    // The people accompanied to their Commission hearing (row 8 of the evaluations):
    // D, the girl the network went with in March.
    let mut form = figure("8", "0");
    for (key, value) in &mut form {
        if key == "request[table]" {
            *value = "evaluations".into();
        }
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let list: FigureList = app.call("reports/figure", &pairs, Some(&coordinator)).await;
    assert_eq!(list.total, 1);
    assert_eq!(list.lines[0].person_code.as_deref(), Some(d_code.as_str()));

    // The server-rendered page links each exact figure to that list.
    let page = app
        .get(
            &format!("/rapporti?dal=2025-01-01&al=2025-06-30&organizzazione={organisation}"),
            Some(&coordinator),
        )
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("tabella=take_ins_by_sex&amp;riga=1&amp;colonna=3")
            || html.contains("tabella=take_ins_by_sex&riga=1&colonna=3"),
        "no figure link"
    );
    assert!(html.contains("Casa di prova"));
    assert!(!html.contains("Via di prova"), "an address in the report");

    // A partner and a trainer never read the report nor its lists.
    for email in ["partner@anello.test", "formatrice@anello.test"] {
        let cookie = app.sign_in(email).await;
        let (status, _) = report(&app, &cookie, &[("request[from]", "2025-01-01")]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{email}");
        let response = app.call_raw("reports/figure", &pairs, Some(&cookie)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{email}");
        let response = app
            .get(
                "/rapporti/esporta/presence.csv?dal=2025-01-01",
                Some(&cookie),
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{email}");
    }
    // A bad period is a clear 4xx, not a report of nothing.
    let (status, body) = report(
        &app,
        &coordinator,
        &[
            ("request[from]", "2025-07-01"),
            ("request[to]", "2025-01-01"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(problem(&body, "to").as_deref(), Some("contradiction"));
}
