//! Minors' procedures: the team keeps them; others get 403, audited.

use app::path::minors::model::{AgeOutcome, MinorsPage, Recipient};
use app::path::model::PathDateKind;
use app::planner::model::MyWork;
use reqwest::StatusCode;

use super::{CASE_WORKER, OTHER_BODY, PARTNER};
use crate::helpers::*;

async fn page(app: &TestApp, cookie: &str, code: &str) -> MinorsPage {
    app.call("path/minors", &[("code", code)], Some(cookie))
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_team_keeps_a_minors_procedures_and_nobody_else_reads_them() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let birth = (app::kernel::clock::today() - chrono::Duration::days(16 * 365 + 40)).to_string();
    let code = crate::placement_rules::register(
        &app,
        &worker,
        &[
            ("form[date_of_birth]", &birth),
            ("form[unaccompanied]", "on"),
        ],
    )
    .await;

    // Asked forty days ago, no outcome yet: late on "Il mio lavoro".
    let saved = app
        .call_raw(
            "path/minors/procedures",
            &[
                ("code", &code),
                ("form[age_requested_on]", &day(-40)),
                ("form[guardian_name]", "Maria Ferrero"),
                (
                    "form[guardian_court]",
                    "Tribunale per i minorenni di Torino",
                ),
                ("form[guardian_appointed_on]", &day(-20)),
                ("form[guarantor_involved_on]", &day(-15)),
                ("form[community]", "Comunità Il Faro"),
                ("form[community_since]", &day(-30)),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(
        saved.status(),
        StatusCode::OK,
        "{}",
        saved.text().await.unwrap()
    );
    let told = app
        .call_raw(
            "path/minors/communication",
            &[
                ("code", &code),
                ("form[sent_on]", &day(-2)),
                ("form[recipient]", "minors_prosecutor"),
                (
                    "form[subject]",
                    "Segnalazione di minore straniera non accompagnata",
                ),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(told.status(), StatusCode::OK);
    let seen = page(&app, &worker, &code).await;
    assert!(seen.minor && seen.unaccompanied);
    assert_eq!(
        seen.procedures.guardian_name.as_deref(),
        Some("Maria Ferrero")
    );
    assert_eq!(
        seen.communications[0].recipient,
        Recipient::MinorsProsecutor
    );
    let work: MyWork = app.call("planner/my_work", &[], Some(&worker)).await;
    let late = work
        .path_dates
        .iter()
        .find(|d| d.code == code && d.kind == PathDateKind::AgeAssessment)
        .expect("the age assessment awaited");
    assert!(late.overdue(work.today));
    assert_eq!(late.link, format!("/persone/{code}/minore"));

    // The outcome recorded: off "Il mio lavoro"; the trail keeps no name.
    let saved = app
        .call_raw(
            "path/minors/procedures",
            &[
                ("code", &code),
                ("form[age_requested_on]", &day(-40)),
                ("form[age_method]", "multidisciplinary"),
                ("form[age_outcome]", "minor"),
                ("form[age_assessed_on]", &day(-1)),
                ("form[guardian_name]", "Maria Ferrero"),
                ("form[guardian_appointed_on]", &day(-20)),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(saved.status(), StatusCode::OK);
    assert_eq!(
        page(&app, &worker, &code).await.procedures.age_outcome,
        Some(AgeOutcome::Minor)
    );
    let work: MyWork = app.call("planner/my_work", &[], Some(&worker)).await;
    assert!(!work
        .path_dates
        .iter()
        .any(|d| d.code == code && d.kind == PathDateKind::AgeAssessment));
    assert_eq!(
        audit_rows(&app, &code, "path.minors.procedures", "success").await,
        2
    );
    assert_eq!(
        audit_rows(&app, &code, "path.minors.communication", "success").await,
        1
    );

    // Wrong input: each field named.
    let wrong = app
        .call_raw(
            "path/minors/procedures",
            &[
                ("code", &code),
                ("form[age_outcome]", "adult"),
                ("form[community_since]", &day(3)),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(wrong).await;
    assert_eq!(
        problem(&body, "age_assessed_on").as_deref(),
        Some("required")
    );
    assert_eq!(
        problem(&body, "community_since").as_deref(),
        Some("date_in_future")
    );

    // Another organisation and a partner: 403, audited, nothing of it.
    for email in [OTHER_BODY, PARTNER] {
        let cookie = app.sign_in(email).await;
        let refused = app
            .call_raw("path/minors", &[("code", &code)], Some(&cookie))
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{email}");
        assert!(
            !refused.text().await.unwrap().contains("Ferrero"),
            "{email}"
        );
        let html = app
            .get(&format!("/persone/{code}/minore"), Some(&cookie))
            .await;
        assert_eq!(html.status(), StatusCode::FORBIDDEN, "{email}");
    }
    let cuneo = app.sign_in(OTHER_BODY).await;
    let refused = app
        .call_raw(
            "path/minors/communication",
            &[
                ("code", &code),
                ("form[sent_on]", &day(-1)),
                ("form[recipient]", "guarantor"),
            ],
            Some(&cuneo),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &code, "path.minors.communication", "denied").await,
        1
    );
    assert!(audit_rows(&app, &code, "path.minors.view", "denied").await >= 1);

    // Her export holds them; anonymisation clears the guardian's name.
    let export = app
        .get(&format!("/persone/{code}/esporta/json"), Some(&worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(export.contains("Maria Ferrero"));
    anonymise_person(&app, &worker, &code).await;
    let seen = page(&app, &worker, &code).await;
    assert_eq!(seen.procedures.guardian_name, None);
    assert_eq!(seen.procedures.age_outcome, Some(AgeOutcome::Minor));
    assert_eq!(seen.communications[0].subject, None);
}
