//! The Territorial Commission page: requests and referrals, for the team only.

use app::path::commission::model::{CommissionOutcome, CommissionPage, RequestStatus};
use app::path::model::PathDateKind;
use app::planner::model::MyWork;
use reqwest::StatusCode;

use super::{CASE_WORKER, COORDINATOR, OTHER_BODY, PARTNER};
use crate::helpers::*;

async fn page(app: &TestApp, cookie: &str, code: &str) -> CommissionPage {
    app.call("path/commission", &[("code", code)], Some(cookie))
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_team_records_requests_and_referrals_and_nobody_else_reads_them() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Commissione").await;
    let me = app.user_id(CASE_WORKER).await.to_string();

    // A request received a week ago, its interview in three days.
    let request = app
        .call_raw(
            "path/commission/request",
            &[
                ("code", &code),
                ("form[commission]", "Torino"),
                ("form[received_on]", &day(-7)),
                ("form[status]", "interview_scheduled"),
                ("form[interview_on]", &day(3)),
                ("form[notes]", "Chiede un'interprete edo."),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(
        request.status(),
        StatusCode::OK,
        "{}",
        request.text().await.unwrap()
    );
    // A referral whose hearing was yesterday, accompanied, outcome not yet known.
    let referral = app
        .call_raw(
            "path/commission/referral",
            &[
                ("code", &code),
                ("form[commission]", "Milano"),
                ("form[referred_on]", &day(-40)),
                ("form[reason]", "Indicatori emersi al colloquio."),
                ("form[operator]", &me),
                ("form[accompanied]", "on"),
                ("form[hearing_on]", &day(-1)),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(
        referral.status(),
        StatusCode::OK,
        "{}",
        referral.text().await.unwrap()
    );

    let seen = page(&app, &worker, &code).await;
    assert_eq!(seen.requests.len(), 1);
    assert_eq!(seen.requests[0].status, RequestStatus::InterviewScheduled);
    assert_eq!(
        seen.requests[0].notes.as_deref(),
        Some("Chiede un'interprete edo.")
    );
    assert_eq!(seen.referrals.len(), 1);
    let referral = &seen.referrals[0];
    assert!(referral.accompanied);
    assert_eq!(referral.operator_id, Some(app.user_id(CASE_WORKER).await));
    assert!(seen.colleagues.iter().any(|(_, name)| !name.is_empty()));
    assert_eq!(
        audit_rows(&app, &code, "path.commission.view", "success").await,
        1
    );
    assert_eq!(
        audit_rows(&app, &code, "path.commission.request", "success").await,
        1
    );
    assert_eq!(
        audit_rows(&app, &code, "path.commission.referral", "success").await,
        1
    );

    // "Il mio lavoro" of her reference operator: the interview coming, the outcome late.
    let work: MyWork = app.call("planner/my_work", &[], Some(&worker)).await;
    let mine: Vec<_> = work.path_dates.iter().filter(|d| d.code == code).collect();
    assert_eq!(mine.len(), 2, "{mine:?}");
    assert_eq!(mine[0].kind, PathDateKind::CommissionOutcome);
    assert!(mine[0].overdue(work.today));
    assert_eq!(mine[1].kind, PathDateKind::CommissionInterview);
    assert_eq!(mine[1].link, format!("/persone/{code}/commissione"));

    // The outcome recorded, the referral leaves "Il mio lavoro".
    let id = referral.id.to_string();
    let updated = app
        .call_raw(
            "path/commission/referral",
            &[
                ("code", &code),
                ("form[record]", &id),
                ("form[commission]", "Milano"),
                ("form[referred_on]", &day(-40)),
                ("form[accompanied]", "on"),
                ("form[hearing_on]", &day(-1)),
                ("form[outcome]", "special_case"),
                ("form[outcome_on]", &day(0)),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(updated.status(), StatusCode::OK);
    let seen = page(&app, &worker, &code).await;
    assert_eq!(seen.referrals.len(), 1, "changed, not added");
    assert_eq!(
        seen.referrals[0].outcome,
        Some(CommissionOutcome::SpecialCase)
    );
    assert_eq!(seen.referrals[0].reason, None, "the reason was emptied");
    let work: MyWork = app.call("planner/my_work", &[], Some(&worker)).await;
    assert_eq!(work.path_dates.iter().filter(|d| d.code == code).count(), 1);

    // Another organisation: 403 on reading and on writing, each refusal audited.
    let other = app.sign_in(OTHER_BODY).await;
    let refused = app
        .call_raw("path/commission", &[("code", &code)], Some(&other))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(!refused.text().await.unwrap().contains("Torino"));
    let refused = app
        .call_raw(
            "path/commission/request",
            &[
                ("code", &code),
                ("form[commission]", "Cuneo"),
                ("form[received_on]", &day(-1)),
                ("form[status]", "received"),
            ],
            Some(&other),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &code, "path.commission.view", "denied").await,
        1
    );
    assert_eq!(
        audit_rows(&app, &code, "path.commission.request", "denied").await,
        1
    );
    assert_eq!(page(&app, &worker, &code).await.requests.len(), 1);
    // Nor does another team's referral change through her own person's page: the id is
    // looked up within the person.
    let stranger = app.register_person(&other, "Estranea").await;
    let moved = app
        .call_raw(
            "path/commission/referral",
            &[
                ("code", &stranger),
                ("form[record]", &id),
                ("form[commission]", "Cuneo"),
                ("form[referred_on]", &day(-2)),
            ],
            Some(&other),
        )
        .await;
    // A forged form naming another person's record: refused and audited.
    assert_eq!(moved.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &stranger, "path.commission.referral", "denied").await,
        1
    );

    // A partner of the forum and the coordinator never reach it (the coordinator
    // follows paths in the report, not these records).
    for email in [PARTNER, COORDINATOR] {
        let cookie = app.sign_in(email).await;
        let refused = app
            .call_raw("path/commission", &[("code", &code)], Some(&cookie))
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{email}");
        let html = app
            .get(&format!("/persone/{code}/commissione"), Some(&cookie))
            .await;
        assert_eq!(html.status(), StatusCode::FORBIDDEN, "{email}");
        assert!(!html.text().await.unwrap().contains("Milano"), "{email}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_form_is_refused_field_by_field_and_a_plain_form_comes_back() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Modulo").await;
    let wrong = app
        .call_raw(
            "path/commission/referral",
            &[
                ("code", &code),
                ("form[commission]", " "),
                ("form[referred_on]", &day(2)),
                ("form[accompanied]", "on"),
                ("form[outcome]", "promoted"),
                ("form[operator]", "999999"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(wrong).await;
    assert_eq!(problem(&body, "commission").as_deref(), Some("required"));
    assert_eq!(
        problem(&body, "referred_on").as_deref(),
        Some("date_in_future")
    );
    assert_eq!(problem(&body, "hearing_on").as_deref(), Some("required"));
    assert_eq!(problem(&body, "outcome").as_deref(), Some("unknown_choice"));
    // Someone who is not of the team cannot be named to follow the referral.
    let stranger = app
        .call_raw(
            "path/commission/referral",
            &[
                ("code", &code),
                ("form[commission]", "Torino"),
                ("form[referred_on]", &day(-2)),
                ("form[operator]", &app.user_id(OTHER_BODY).await.to_string()),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(stranger.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(stranger).await, "operator").as_deref(),
        Some("unknown_choice")
    );
    assert!(page(&app, &worker, &code).await.referrals.is_empty());

    // Without JavaScript: the form posts and the browser comes back to the page, which
    // shows the new request in Italian.
    let response = post_plain_form(
        &app,
        &worker,
        (
            "path/commission/request",
            &format!("/persone/{code}/commissione"),
        ),
        &[
            ("code", &code),
            ("form[commission]", "Trieste"),
            ("form[received_on]", &day(-3)),
            ("form[status]", "received"),
        ],
    )
    .await;
    assert!(response.status().is_redirection(), "{}", response.status());
    assert_eq!(location(&response), format!("/persone/{code}/commissione"));
    let html = app
        .get(&format!("/persone/{code}/commissione"), Some(&worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Richiesta della Commissione di Trieste"));
    assert!(html.contains("Ricevuta"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn her_export_holds_the_commission_and_anonymisation_clears_its_texts() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Esportata").await;
    let saved = app
        .call_raw(
            "path/commission/request",
            &[
                ("code", &code),
                ("form[commission]", "Udine"),
                ("form[received_on]", &day(-3)),
                ("form[status]", "received"),
                ("form[notes]", "Nota riservata sul colloquio"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    let export = app
        .get(&format!("/persone/{code}/esporta/json"), Some(&worker))
        .await;
    assert_eq!(export.status(), StatusCode::OK);
    let export: serde_json::Value = export.json().await.unwrap();
    assert_eq!(export["commission_requests"][0]["commission"], "Udine");
    assert_eq!(
        export["commission_requests"][0]["notes"],
        "Nota riservata sul colloquio"
    );

    anonymise_person(&app, &worker, &code).await;
    let seen = page(&app, &worker, &code).await;
    assert!(!seen.editable);
    assert_eq!(seen.requests[0].commission, "Udine");
    assert_eq!(seen.requests[0].notes, None);
    let refused = app
        .call_raw(
            "path/commission/request",
            &[
                ("code", &code),
                ("form[commission]", "Udine"),
                ("form[received_on]", &day(-1)),
                ("form[status]", "received"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
}
