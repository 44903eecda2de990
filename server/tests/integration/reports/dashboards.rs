//! The dashboards of the same dataset, written by hand, and their charts and CSV.

use reqwest::StatusCode;

use super::dataset::fictional_network;
use super::{audit_count, cell, cells, period, COORDINATOR, STAFF};
use crate::helpers::*;
use app::reports::model::{FigureList, FunderReport, Label, TableId};

async fn dashboards(app: &TestApp, cookie: &str, form: &[(&str, &str)]) -> FunderReport {
    app.call("reports/dashboards", form, Some(cookie)).await
}

/// The dashboards of the same dataset, written by hand: beds today, occupancy month by
/// month, the steps of the path, exits by outcome, per province and organisation; the
/// same suppression for the staff of one body; a chart beside each table on the page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboards_of_two_periods_match_the_ones_written_by_hand() {
    let app = TestApp::spawn().await;
    let (fixture, codes) = fictional_network(&app).await;
    let organisation = fixture.organisation.to_string();
    let coordinator = app.sign_in(COORDINATOR).await;

    let first = dashboards(
        &app,
        &coordinator,
        &period(&organisation, "2025-01-01", "2025-06-30"),
    )
    .await;
    // Today C (bed 1) and E (bed 2) are in the two beds of Casa di prova.
    // Columns: occupied, held, out of service, free, beds.
    for id in [
        TableId::OccupancyByProvince,
        TableId::OccupancyByOrganisation,
    ] {
        assert_eq!(
            cells(&first, id),
            vec![vec![2, 0, 0, 0, 2], vec![2, 0, 0, 0, 2]],
            "{id:?}"
        );
    }
    // Bed-days available and nights: B from 15 February to 19 May, C from 10 June.
    assert_eq!(
        cells(&first, TableId::OccupancyByMonth),
        vec![
            vec![62, 0],
            vec![56, 14],
            vec![62, 31],
            vec![60, 30],
            vec![62, 19],
            vec![60, 21],
        ]
    );
    // Steps: contact, screening, proposal, taken in charge, placed, inclusion, exited.
    // B contacted, placed and exited; G evaluated; D taken in charge; C placed.
    let steps = vec![1, 1, 0, 1, 2, 0, 1];
    assert_eq!(
        cells(&first, TableId::PathFlow),
        steps.iter().map(|n| vec![*n]).collect::<Vec<_>>()
    );
    // B left with autonomy; then voluntary return, transfer, drop-out, other, total.
    assert_eq!(
        cells(&first, TableId::ExitsByOutcome),
        vec![vec![1], vec![0], vec![0], vec![0], vec![0], vec![1]]
    );
    assert_eq!(
        cells(&first, TableId::FlowByProvince),
        vec![steps.clone(), steps.clone()]
    );
    assert_eq!(cells(&first, TableId::FlowByOrganisation), vec![steps]);
    let rows = |report: &FunderReport, id: TableId| {
        report
            .tables
            .iter()
            .find(|t| t.id == id)
            .unwrap()
            .rows
            .clone()
    };
    assert_eq!(
        rows(&first, TableId::FlowByProvince)[0],
        Label::Province("AL".into())
    );
    assert_eq!(
        rows(&first, TableId::FlowByOrganisation)[0],
        Label::Organisation("Ente di prova del rapporto".into())
    );

    // The second half: E placed (her two children follow her, not counted apart), H's
    // proposal; C and E every night, E from 5 August.
    let second = dashboards(
        &app,
        &coordinator,
        &period(&organisation, "2025-07-01", "2025-12-31"),
    )
    .await;
    assert_eq!(
        cells(&second, TableId::PathFlow),
        vec![
            vec![0],
            vec![0],
            vec![1],
            vec![0],
            vec![1],
            vec![0],
            vec![0]
        ]
    );
    assert_eq!(
        cells(&second, TableId::OccupancyByMonth),
        vec![
            vec![62, 31],
            vec![62, 58],
            vec![60, 60],
            vec![62, 62],
            vec![60, 60],
            vec![62, 62],
        ]
    );
    assert_eq!(
        cell(
            &second,
            TableId::ExitsByOutcome,
            &Label::Total,
            &Label::People
        ),
        0
    );

    // The figure of people placed in the first half lists B and C.
    let mut form: Vec<(String, String)> = period(&organisation, "2025-01-01", "2025-06-30")
        .into_iter()
        .map(|(k, v)| (k.replace("request[", "request[report]["), v.to_string()))
        .collect();
    form.push(("request[table]".into(), "path_flow".into()));
    form.push(("request[row]".into(), "4".into()));
    form.push(("request[column]".into(), "0".into()));
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let list: FigureList = app.call("reports/figure", &pairs, Some(&coordinator)).await;
    let mut listed: Vec<String> = list
        .lines
        .iter()
        .map(|line| line.person_code.clone().unwrap())
        .collect();
    listed.sort();
    let mut placed = vec![codes[0].clone(), codes[1].clone()];
    placed.sort();
    assert_eq!(listed, placed);

    // The staff of the body: suppressed. The two people in beds are "<3"; beds are no
    // secret, so with none free or out of service the holds are withheld too, or two
    // beds less nothing else would give the two people back.
    let staff = app.sign_in(STAFF).await;
    let own = dashboards(
        &app,
        &staff,
        &[
            ("request[from]", "2025-01-01"),
            ("request[to]", "2025-06-30"),
        ],
    )
    .await;
    assert!(own.suppressed);
    assert_eq!(
        cells(&own, TableId::OccupancyByProvince),
        vec![vec![-1, -2, 0, 0, 2], vec![-1, -2, 0, 0, 2]]
    );
    assert_eq!(
        cells(&own, TableId::OccupancyByMonth),
        vec![
            vec![62, -1],
            vec![56, 14],
            vec![62, 31],
            vec![60, 30],
            vec![62, 19],
            vec![60, 21],
        ]
    );
    assert!(cells(&own, TableId::PathFlow)
        .iter()
        .flatten()
        .all(|v| *v == -1));
    // Nor does the list behind a figure tell more than the figure: none behind "<3".
    let response = app.call_raw("reports/figure", &pairs, Some(&staff)).await;
    assert_eq!(
        response.status(),
        StatusCode::NOT_FOUND,
        "the list behind <3"
    );

    // The page: a chart drawn without colour beside each table, and the CSV of a
    // dashboard table, suppressed as every copy that leaves the screen.
    let page = app
        .get(
            &format!(
                "/rapporti/cruscotto?dal=2025-01-01&al=2025-06-30&organizzazione={organisation}"
            ),
            Some(&coordinator),
        )
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    // One chart per table but the waiting times' (two rows, no chart).
    assert_eq!(html.matches("<svg").count(), 9, "one chart per table");
    assert!(html.contains("role=\"img\""));
    assert!(html.contains("url(#chart-occupancy_by_province-fill-0)"));
    assert!(html.contains("Posti letto oggi per provincia"));
    // On a phone each number of a table is a card line that names its column.
    assert!(html.contains("data-label=\"Occupati\""), "phone labels");
    assert!(html.contains("data-label=\"Occupazione\""), "phone labels");
    // The province in the filter, in two tables and in their two charts.
    assert!(html.matches("Alessandria").count() >= 5, "province rows");
    assert!(
        !html.contains("Via di prova"),
        "an address on the dashboards"
    );
    assert!(
        html.contains("tabella=path_flow&amp;riga=4&amp;colonna=0")
            || html.contains("tabella=path_flow&riga=4&colonna=0"),
        "no figure link"
    );
    let response = app
        .get(
            &format!("/rapporti/esporta/occupancy_by_month.csv?dal=2025-01-01&al=2025-06-30&organizzazione={organisation}"),
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.text().await.unwrap();
    assert!(body.contains("Occupazione mese per mese"), "{body}");
    // Split on ";" for Italian spreadsheets: the decimal comma needs no quotes.
    assert!(body.contains("01/2025;62;<3"), "{body}");
    assert!(body.contains("02/2025;56;14;25,0%"), "{body}");
    // The two periods, the staff's view and the page.
    assert_eq!(audit_count(&app, "report.dashboards").await, 4);

    // Partners and trainers read no dashboards.
    for email in ["partner@anello.test", "formatrice@anello.test"] {
        let cookie = app.sign_in(email).await;
        let response = app
            .call_raw(
                "reports/dashboards",
                &[("request[from]", "2025-01-01")],
                Some(&cookie),
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{email}");
    }
}
