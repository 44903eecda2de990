//! Transfers between projects and regions: recorded by the team, her file handed over
//! only with her consent, a planned transfer on "Il mio lavoro"; nobody else reads them.

use app::path::model::PathDateKind;
use app::path::transfers::model::{Direction, ReferralSource, TransfersPage};
use app::planner::model::MyWork;
use reqwest::StatusCode;

use super::{CASE_WORKER, COORDINATOR, OTHER_BODY, PARTNER};
use crate::helpers::*;

async fn page(app: &TestApp, cookie: &str, code: &str) -> TransfersPage {
    app.call("path/transfers", &[("code", code)], Some(cookie))
        .await
}

async fn save(
    app: &TestApp,
    cookie: &str,
    endpoint: &str,
    code: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let mut form = vec![("code", code)];
    form.extend_from_slice(fields);
    app.call_raw(endpoint, &form, Some(cookie)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_team_records_transfers_and_her_file_goes_only_with_her_consent() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Trasferita").await;
    // She came through the national toll-free number, from a project in Liguria.
    let incoming = save(
        &app,
        &worker,
        "path/transfers/incoming",
        &code,
        &[
            ("form[transfer_on]", &day(-60)),
            ("form[project]", "Progetto Approdi"),
            ("form[region]", "Liguria"),
            ("form[source]", "toll_free"),
        ],
    )
    .await;
    assert_eq!(
        incoming.status(),
        StatusCode::OK,
        "{}",
        incoming.text().await.unwrap()
    );
    // She leaves for her safety in ten days; the file without her consent: refused.
    let outgoing = [
        ("form[transfer_on]", day(10)),
        ("form[project]", "Progetto Oltre la Strada".to_string()),
        ("form[region]", "Emilia-Romagna".to_string()),
        (
            "form[reason]",
            "Avvistata dalla rete nel quartiere".to_string(),
        ),
        ("form[for_safety]", "on".to_string()),
        ("form[file_handed_over]", "on".to_string()),
    ];
    let fields: Vec<(&str, &str)> = outgoing.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let refused = save(&app, &worker, "path/transfers/outgoing", &code, &fields).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(refused).await, "consent_on").as_deref(),
        Some("required")
    );
    let consent = day(-1);
    let mut with_consent = fields.clone();
    with_consent.push(("form[consent_on]", &consent));
    let saved = save(
        &app,
        &worker,
        "path/transfers/outgoing",
        &code,
        &with_consent,
    )
    .await;
    assert_eq!(
        saved.status(),
        StatusCode::OK,
        "{}",
        saved.text().await.unwrap()
    );

    let seen = page(&app, &worker, &code).await;
    assert_eq!(seen.transfers.len(), 2);
    let leaving = &seen.transfers[0];
    assert_eq!(leaving.direction, Direction::Outgoing);
    assert!(leaving.for_safety && leaving.file_handed_over);
    assert_eq!(
        leaving.consent_on.map(|d| d.to_string()),
        Some(consent.clone())
    );
    assert_eq!(seen.transfers[1].source, Some(ReferralSource::TollFree));
    assert_eq!(
        audit_rows(&app, &code, "path.transfers.outgoing", "success").await,
        1
    );
    assert_eq!(
        audit_rows(&app, &code, "path.transfers.incoming", "success").await,
        1
    );
    assert!(audit_rows(&app, &code, "path.transfers.view", "success").await >= 1);

    // Her reference operator sees the coming transfer on "Il mio lavoro".
    let work: MyWork = app.call("planner/my_work", &[], Some(&worker)).await;
    let coming: Vec<_> = work
        .path_dates
        .iter()
        .filter(|d| d.code == code && d.kind == PathDateKind::Transfer)
        .collect();
    assert_eq!(coming.len(), 1, "{:?}", work.path_dates);
    assert_eq!(coming[0].link, format!("/persone/{code}/trasferimenti"));

    // An incoming transfer's id never turns it into an outgoing one.
    let incoming_id = seen.transfers[1].id.to_string();
    let mut turned = with_consent.clone();
    turned.push(("form[record]", &incoming_id));
    let turned = save(&app, &worker, "path/transfers/outgoing", &code, &turned).await;
    assert_eq!(turned.status(), StatusCode::NOT_FOUND);

    // Another organisation: 403 reading and writing, audited.
    let other = app.sign_in(OTHER_BODY).await;
    let refused = app
        .call_raw("path/transfers", &[("code", &code)], Some(&other))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(!refused.text().await.unwrap().contains("Oltre la Strada"));
    let refused = save(
        &app,
        &other,
        "path/transfers/incoming",
        &code,
        &[
            ("form[transfer_on]", &day(-1)),
            ("form[project]", "X"),
            ("form[region]", "Lazio"),
            ("form[source]", "police"),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &code, "path.transfers.view", "denied").await,
        1
    );
    assert_eq!(
        audit_rows(&app, &code, "path.transfers.incoming", "denied").await,
        1
    );
    assert_eq!(page(&app, &worker, &code).await.transfers.len(), 2);

    // A partner of the forum and the coordinator never reach it.
    for email in [PARTNER, COORDINATOR] {
        let cookie = app.sign_in(email).await;
        let refused = app
            .call_raw("path/transfers", &[("code", &code)], Some(&cookie))
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{email}");
        let html = app
            .get(&format!("/persone/{code}/trasferimenti"), Some(&cookie))
            .await;
        assert_eq!(html.status(), StatusCode::FORBIDDEN, "{email}");
        assert!(
            !html.text().await.unwrap().contains("Oltre la Strada"),
            "{email}"
        );
    }

    // Her export holds them; anonymisation clears where she went and why.
    let export: serde_json::Value = app
        .get(&format!("/persone/{code}/esporta/json"), Some(&worker))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(export["transfers"].as_array().unwrap().len(), 2);
    assert_eq!(
        export["transfers"][1]["project"],
        "Progetto Oltre la Strada"
    );
    anonymise_person(&app, &worker, &code).await;
    let seen = page(&app, &worker, &code).await;
    assert!(!seen.editable);
    assert!(seen
        .transfers
        .iter()
        .all(|t| t.project.is_empty() && t.reason.is_none()));
    assert_eq!(seen.transfers[0].region, "Emilia-Romagna");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_transfer_is_refused_and_a_plain_form_comes_back() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Modulo").await;
    let wrong = save(
        &app,
        &worker,
        "path/transfers/incoming",
        &code,
        &[
            ("form[transfer_on]", &day(5)),
            ("form[project]", " "),
            ("form[region]", "Lazio"),
            ("form[source]", "a friend"),
        ],
    )
    .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(wrong).await;
    assert_eq!(
        problem(&body, "transfer_on").as_deref(),
        Some("date_in_future")
    );
    assert_eq!(problem(&body, "project").as_deref(), Some("required"));
    assert_eq!(problem(&body, "source").as_deref(), Some("unknown_choice"));

    // Without JavaScript: the form posts and the browser comes back to the page.
    let day_before = day(-3);
    let response = post_plain_form(
        &app,
        &worker,
        (
            "path/transfers/incoming",
            &format!("/persone/{code}/trasferimenti"),
        ),
        &[
            ("code", &code),
            ("form[transfer_on]", &day_before),
            ("form[project]", "Progetto Piam"),
            ("form[region]", "Piemonte"),
            ("form[source]", "toll_free"),
        ],
    )
    .await;
    assert!(response.status().is_redirection(), "{}", response.status());
    assert_eq!(
        location(&response),
        format!("/persone/{code}/trasferimenti")
    );
    let html = app
        .get(&format!("/persone/{code}/trasferimenti"), Some(&worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Da Progetto Piam (Piemonte)"));
    assert!(html.contains("Numero Verde nazionale"));
}
