//! Seed 002's lines that the report could not give before, written out by hand: the
//! children born during their mother's project, and the unaccompanied minors the network
//! evaluated before a Territorial Commission had heard them.

use chrono::{TimeZone, Utc};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};

use super::{cell, cells, figure, period, report, Fixture, COORDINATOR, STAFF};
use crate::helpers::*;
use app::reports::model::{FigureList, FunderReport, Label, TableId};

/// Rewrites what the fixture cannot say: a person registered on a day, unaccompanied.
async fn amend(app: &TestApp, id: i32, registered: Option<&str>, unaccompanied: bool) {
    let person = app::entity::people::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut update = person.into_active_model();
    if let Some(day) = registered {
        let day = super::d(day).and_hms_opt(9, 0, 0).unwrap();
        update.created_at = Set(Utc.from_utc_datetime(&day));
    }
    update.unaccompanied = Set(unaccompanied);
    update.update(&app.db).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn births_in_the_project_and_minors_sent_before_the_hearing_match_the_hand_count() {
    let app = TestApp::spawn().await;
    let mut f = Fixture::new(&app).await;
    // M: a mother in charge since 10 November 2024, continuing in the period.
    let (m, _) = f
        .person(
            &app,
            "female",
            "1994-01-01",
            "sexual_street",
            None,
            &[("taken_in_charge", "2024-11-10")],
        )
        .await;
    // Her daughter born in March 2025 (in the project and in the period), her son born in
    // December 2024 (in the project, before the period), and a daughter born in November
    // 2024 who arrived with her on the 5th (registered before the take-in: not counted).
    let (_, born_in_period_code) = f
        .person(&app, "female", "2025-03-01", "", Some(m), &[])
        .await;
    f.person(&app, "male", "2024-12-01", "", Some(m), &[]).await;
    // Her son born in September 2025, after the period: not in this report.
    f.person(&app, "male", "2025-09-01", "", Some(m), &[]).await;
    let (arrived, _) = f
        .person(&app, "female", "2024-11-01", "", Some(m), &[])
        .await;
    amend(&app, arrived, Some("2024-11-05"), false).await;
    // N: a mother who left in February; her son born in April was not born in the project.
    let (n, _) = f
        .person(
            &app,
            "female",
            "1990-01-01",
            "labour_agriculture",
            None,
            &[("taken_in_charge", "2024-06-01"), ("exited", "2025-02-10")],
        )
        .await;
    f.person(&app, "male", "2025-04-01", "", Some(n), &[]).await;

    // Unaccompanied minors evaluated in the period:
    // U1, 16, evaluated in February, no Commission yet: counted.
    let (u1, u1_code) = f
        .person(&app, "female", "2009-01-01", "begging", None, &[])
        .await;
    amend(&app, u1, None, true).await;
    f.screening(&app, u1, "2025-02-10", "indicators_found")
        .await;
    // U2: a Commission had asked for her evaluation in January: not before the hearing.
    let (u2, _) = f
        .person(&app, "female", "2008-09-01", "begging", None, &[])
        .await;
    amend(&app, u2, None, true).await;
    f.commission_request(&app, u2, "2025-01-20").await;
    f.screening(&app, u2, "2025-03-01", "indicators_found")
        .await;
    // U3: evaluated in April, referred to the Commission, heard in May: counted.
    let (u3, u3_code) = f
        .person(&app, "male", "2009-06-01", "labour_catering", None, &[])
        .await;
    amend(&app, u3, None, true).await;
    f.screening(&app, u3, "2025-04-01", "commission_referral")
        .await;
    f.commission_referral(&app, u3, "2025-04-02", "2025-05-10", true)
        .await;
    // U4: a minor with her family (not unaccompanied); U5: unaccompanied, but adult.
    let (u4, _) = f
        .person(&app, "female", "2010-01-01", "begging", None, &[])
        .await;
    f.screening(&app, u4, "2025-02-11", "indicators_found")
        .await;
    let (u5, _) = f
        .person(&app, "male", "2000-01-01", "begging", None, &[])
        .await;
    amend(&app, u5, None, true).await;
    f.screening(&app, u5, "2025-02-12", "indicators_found")
        .await;

    let organisation = f.organisation.to_string();
    let coordinator = app.sign_in(COORDINATOR).await;
    let (status, body) = report(
        &app,
        &coordinator,
        &period(&organisation, "2025-01-01", "2025-06-30"),
    )
    .await;
    assert_eq!(status, reqwest::StatusCode::OK, "{body}");
    let first: FunderReport = serde_json::from_value(body).unwrap();
    // Columns: female, male, transgender, total.
    assert_eq!(
        cells(&first, TableId::Births),
        vec![vec![1, 1, 0, 2], vec![1, 0, 0, 1]],
        "born in the project; of them in the period"
    );
    for column in [Label::AllPeople, Label::Minors] {
        assert_eq!(
            cell(
                &first,
                TableId::Evaluations,
                &Label::UnaccompaniedBeforeHearing,
                &column
            ),
            2,
            "U1 and U3, {column:?}"
        );
    }

    // Each figure opens its list: the girl born in March; U1 and U3.
    let list: FigureList =
        json_of(figure(&app, &coordinator, &organisation, ("births", 1, 3)).await).await;
    let codes: Vec<String> = list
        .lines
        .iter()
        .filter_map(|l| l.person_code.clone())
        .collect();
    assert_eq!(codes, vec![born_in_period_code]);
    let row = first_row(
        &first,
        TableId::Evaluations,
        &Label::UnaccompaniedBeforeHearing,
    );
    let list: FigureList =
        json_of(figure(&app, &coordinator, &organisation, ("evaluations", row, 1)).await).await;
    let mut codes: Vec<String> = list
        .lines
        .iter()
        .filter_map(|l| l.person_code.clone())
        .collect();
    codes.sort();
    let mut expected = vec![u1_code, u3_code];
    expected.sort();
    assert_eq!(codes, expected);

    // The staff of the body: small counts hidden, and no list behind them.
    let staff = app.sign_in(STAFF).await;
    let (_, body) = report(
        &app,
        &staff,
        &[
            ("request[from]", "2025-01-01"),
            ("request[to]", "2025-06-30"),
        ],
    )
    .await;
    let own: FunderReport = serde_json::from_value(body).unwrap();
    assert!(own.suppressed);
    assert_eq!(
        cells(&own, TableId::Births),
        vec![vec![-1, -1, -1, -1], vec![-1, -1, -1, -1]]
    );
    let response = figure(&app, &staff, &organisation, ("births", 0, 3)).await;
    assert_eq!(
        response.status(),
        reqwest::StatusCode::NOT_FOUND,
        "no list behind <3"
    );
    // Another body's staff are refused this body's figures; a partner reads no report.
    // Each refusal leaves its audit row.
    for (other, action) in [
        ("accoglienza.cuneo@anello.test", "report.view"),
        ("partner@anello.test", "access.denied"),
    ] {
        let before = denied(&app, action).await;
        let cookie = app.sign_in(other).await;
        let response = figure(&app, &cookie, &organisation, ("births", 0, 3)).await;
        assert_eq!(response.status(), reqwest::StatusCode::FORBIDDEN, "{other}");
        assert_eq!(denied(&app, action).await, before + 1, "{other}");
    }
}

/// The audit rows of refusals of `action`.
async fn denied(app: &TestApp, action: &str) -> u64 {
    use app::entity::audit_log;
    use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .filter(audit_log::Column::Outcome.eq("denied"))
        .count(&app.db)
        .await
        .unwrap()
}

async fn json_of<T: serde::de::DeserializeOwned>(response: reqwest::Response) -> T {
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    response.json().await.unwrap()
}

fn first_row(report: &FunderReport, id: TableId, label: &Label) -> usize {
    report
        .tables
        .iter()
        .find(|t| t.id == id)
        .and_then(|t| t.rows.iter().position(|l| l == label))
        .unwrap()
}
