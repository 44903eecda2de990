//! Small counts hidden on every copy that leaves the screen (print view, the staff's
//! own view, the CSV), and never given away by the cells around them.

use reqwest::StatusCode;

use super::dataset::fictional_network;
use super::{audit_count, cell, cells, period, report, COORDINATOR, STAFF};
use crate::helpers::*;
use app::people::contacts::model::Channel;
use app::reports::model::{FunderReport, Label, TableId};

/// In every line that adds up, a "<3" cell (-1) is never the only hidden one: subtraction
/// from the total cannot give it back. (The unit tests search every possible value.)
fn assert_no_cell_alone(cells: &[Vec<i64>], total_row: bool, total_column: bool) {
    let alone = |line: Vec<i64>| {
        let hidden: Vec<i64> = line.iter().copied().filter(|v| *v < 0).collect();
        hidden == vec![-1]
    };
    if total_column {
        for row in cells {
            assert!(
                !alone(row.clone()),
                "a row gives a small count away: {cells:?}"
            );
        }
    }
    if total_row {
        for c in 0..cells[0].len() {
            let column = cells.iter().map(|row| row[c]).collect();
            assert!(
                !alone(column),
                "a column gives a small count away: {cells:?}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn small_counts_leave_the_screen_hidden_and_cannot_be_worked_out() {
    let app = TestApp::spawn().await;
    let (fixture, _) = fictional_network(&app).await;
    let organisation = fixture.organisation.to_string();
    let first = period(&organisation, "2025-01-01", "2025-06-30");

    // The print view, even for the coordinator.
    let coordinator = app.sign_in(COORDINATOR).await;
    let mut print = first.clone();
    print.push(("request[print]", "true"));
    let printed: FunderReport = app.call("reports/funder", &print, Some(&coordinator)).await;
    assert!(printed.suppressed);
    let by_sex = cells(&printed, TableId::TakeInsBySex);
    // Exact: [[1,0,0,1],[1,1,1,3],[2,1,1,4]]: every cell is below 3 but the 3 and the
    // 4, and 4 - 3 would give back the continuing woman: the 3 is withheld too.
    assert!(
        by_sex.iter().flatten().all(|v| *v < 0 || *v >= 3),
        "{by_sex:?}"
    );
    assert_eq!(
        cell(
            &printed,
            TableId::TakeInsBySex,
            &Label::NewTakeIns,
            &Label::Total
        ),
        -2,
        "{by_sex:?}"
    );
    assert_no_cell_alone(&by_sex, true, true);
    for id in [
        TableId::TakeInsByAge,
        TableId::DependentChildren,
        TableId::ContactChannels,
    ] {
        let figures = cells(&printed, id);
        assert!(
            figures.iter().flatten().all(|v| *v < 0 || *v >= 3),
            "{id:?}: {figures:?}"
        );
        assert_no_cell_alone(&figures, true, true);
    }
    // Days of presence: 94 and 21 are not small; beds never hidden.
    assert_eq!(
        cells(&printed, TableId::Presence),
        vec![vec![2, 362, 115], vec![2, 362, 115]]
    );

    // The staff of the body see their own figures, suppressed too, without asking.
    let staff = app.sign_in(STAFF).await;
    let own: FunderReport = app
        .call(
            "reports/funder",
            &[
                ("request[from]", "2025-07-01"),
                ("request[to]", "2025-12-31"),
            ],
            Some(&staff),
        )
        .await;
    assert!(own.suppressed);
    assert!(own.scope.own_organisation);
    let channels = cells(&own, TableId::ContactChannels);
    // The street unit's 2, the indoor unit's 1, the police's 1: all "<3"; the total 4
    // stays only if it gives nothing away.
    let street = Label::Channel(Channel::StreetUnit);
    assert_eq!(
        cell(&own, TableId::ContactChannels, &street, &Label::Adults),
        -1
    );
    assert_no_cell_alone(&channels, true, true);
    let by_age = cells(&own, TableId::TakeInsByAge);
    assert_no_cell_alone(&by_age, true, true);
    assert!(
        by_age.iter().flatten().all(|v| *v < 0 || *v >= 3),
        "{by_age:?}"
    );
    // Another organisation's figures are not hers to ask for.
    let other = app.organisation_id("Comune di Torino").await.to_string();
    let (status, _) = report(
        &app,
        &staff,
        &[
            ("request[from]", "2025-07-01"),
            ("request[organisations][0]", &other),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The CSV leaves the screen: suppressed, translated, audited.
    let response = app
        .get(
            &format!("/rapporti/esporta/take_ins_by_sex.csv?dal=2025-01-01&al=2025-06-30&organizzazione={organisation}"),
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let body = response.text().await.unwrap();
    assert!(body.contains("Accoglienze per sesso"), "{body}");
    assert!(body.contains("Nuove prese in carico"), "{body}");
    assert!(body.contains("<3"), "{body}");
    // Italian spreadsheets split on ";".
    assert!(body.contains(";<3"), "{body}");
    assert!(
        !body.contains(";1;") && !body.contains(";1\n"),
        "an exact small count left the screen: {body}"
    );
    assert_eq!(audit_count(&app, "report.export").await, 1);
    let response = app
        .get(
            "/rapporti/esporta/nothing.csv?dal=2025-01-01",
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}
