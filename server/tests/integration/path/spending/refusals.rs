//! Her ledger refused to whoever is not of her team, wrong forms refused field by field,
//! and her ledger in her export and after anonymisation.

use super::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nobody_outside_the_team_reads_or_writes_her_ledger() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Riservata").await;
    let recorded = record_expense(
        &app,
        &worker,
        &code,
        &[
            ("form[category]", "transport"),
            ("form[amount]", "35"),
            ("form[spent_on]", &day(-1)),
            ("form[description]", "Abbonamento Cuneo-Torino"),
        ],
    )
    .await;
    assert_eq!(recorded.status(), StatusCode::OK);
    let id = page(&app, &worker, &code).await.expenses[0].id.to_string();

    // Another organisation: 403 on every function, each refusal audited.
    let other = app.sign_in(OTHER_BODY).await;
    let refused = app
        .call_raw("path/spending", &[("code", &code)], Some(&other))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(!refused.text().await.unwrap().contains("Abbonamento"));
    let refused = record_expense(
        &app,
        &other,
        &code,
        &[
            ("form[category]", "papers"),
            ("form[amount]", "5"),
            ("form[spent_on]", &day(-1)),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let refused = app
        .call_raw(
            "path/spending/remove",
            &[("code", &code), ("expense", &id)],
            Some(&other),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &code, "path.spending.view", "denied").await,
        1
    );
    assert_eq!(
        audit_rows(&app, &code, "path.spending.expense", "denied").await,
        1
    );
    assert_eq!(
        audit_rows(&app, &code, "path.spending.remove", "denied").await,
        1
    );
    // Another body's reception manager approves nothing of this body's.
    let stranger = app.sign_in(OTHER_RECEPTION).await;
    let refused = app
        .call_raw(
            "path/spending/approve",
            &[("code", &code), ("expense", &id)],
            Some(&stranger),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &code, "path.spending.approve", "denied").await,
        1
    );
    // A forged form naming her expense through another person: refused, audited.
    let stranger_code = app.register_person(&other, "Altra").await;
    let moved = app
        .call_raw(
            "path/spending/remove",
            &[("code", &stranger_code), ("expense", &id)],
            Some(&other),
        )
        .await;
    assert_eq!(moved.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &stranger_code, "path.spending.remove", "denied").await,
        1
    );
    assert_eq!(page(&app, &worker, &code).await.expenses.len(), 1);

    // A partner of the forum and the coordinator never reach a person's ledger.
    for email in [PARTNER, COORDINATOR] {
        let cookie = app.sign_in(email).await;
        let refused = app
            .call_raw("path/spending", &[("code", &code)], Some(&cookie))
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{email}");
        let html = app
            .get(&format!("/persone/{code}/spese"), Some(&cookie))
            .await;
        assert_eq!(html.status(), StatusCode::FORBIDDEN, "{email}");
        assert!(
            !html.text().await.unwrap().contains("Abbonamento"),
            "{email}"
        );
    }
    let partner = app.sign_in(PARTNER).await;
    assert_eq!(
        app.call_raw("spending/budgets", &[], Some(&partner))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );

    // Waiting, the team may take it off her ledger.
    let removed = app
        .call_raw(
            "path/spending/remove",
            &[("code", &code), ("expense", &id)],
            Some(&worker),
        )
        .await;
    assert_eq!(removed.status(), StatusCode::OK);
    assert!(page(&app, &worker, &code).await.expenses.is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_wrong_expense_is_refused_field_by_field_and_a_plain_form_comes_back() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Modulo").await;
    let other = app.sign_in(OTHER_BODY).await;
    let elsewhere = app.register_person(&other, "Altrove").await;
    let foreign_receipt = file_receipt(&app, &other, &elsewhere).await;
    let wrong = record_expense(
        &app,
        &worker,
        &code,
        &[
            ("form[category]", "holiday"),
            ("form[amount]", "12,3456"),
            ("form[spent_on]", &day(3)),
        ],
    )
    .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(wrong).await;
    assert_eq!(
        problem(&body, "category").as_deref(),
        Some("unknown_choice")
    );
    assert_eq!(problem(&body, "amount").as_deref(), Some("invalid_amount"));
    assert_eq!(
        problem(&body, "spent_on").as_deref(),
        Some("date_in_future")
    );
    // Another person's receipt is not hers to point to.
    let wrong = record_expense(
        &app,
        &worker,
        &code,
        &[
            ("form[category]", "health"),
            ("form[amount]", "5"),
            ("form[spent_on]", &day(-1)),
            ("form[receipt]", &foreign_receipt),
        ],
    )
    .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(wrong).await, "receipt").as_deref(),
        Some("unknown_choice")
    );
    let manager = app.sign_in(RECEPTION).await;
    let wrong = set_budget(
        &app,
        &manager,
        &[
            ("form[project]", " "),
            ("form[starts_on]", &day(10)),
            ("form[ends_on]", &day(1)),
            ("form[amount]", "mille"),
        ],
    )
    .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(wrong).await;
    assert_eq!(problem(&body, "project").as_deref(), Some("required"));
    assert_eq!(problem(&body, "ends_on").as_deref(), Some("contradiction"));
    assert_eq!(problem(&body, "amount").as_deref(), Some("invalid_amount"));
    assert!(page(&app, &worker, &code).await.expenses.is_empty());

    // Without JavaScript: the form posts, the browser comes back to her ledger in Italian.
    let response = post_plain_form(
        &app,
        &worker,
        ("path/spending/expense", &format!("/persone/{code}/spese")),
        &[
            ("code", &code),
            ("form[category]", "pocket_money"),
            ("form[amount]", "20"),
            ("form[spent_on]", &day(-1)),
        ],
    )
    .await;
    assert!(response.status().is_redirection(), "{}", response.status());
    assert_eq!(location(&response), format!("/persone/{code}/spese"));
    let html = app
        .get(&format!("/persone/{code}/spese"), Some(&worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Pocket money"));
    assert!(html.contains("20,00 €"));
    assert!(html.contains("Da approvare"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn her_export_holds_her_ledger_and_anonymisation_clears_its_descriptions() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Esportata").await;
    let receipt = file_receipt(&app, &worker, &code).await;
    let recorded = record_expense(
        &app,
        &worker,
        &code,
        &[
            ("form[category]", "school"),
            ("form[amount]", "48,90"),
            ("form[spent_on]", &day(-4)),
            ("form[description]", "Libri del corso di italiano L2"),
            ("form[receipt]", &receipt),
        ],
    )
    .await;
    assert_eq!(recorded.status(), StatusCode::OK);
    let export: serde_json::Value = app
        .get(&format!("/persone/{code}/esporta/json"), Some(&worker))
        .await
        .json()
        .await
        .unwrap();
    let line = &export["support_spending"][0];
    assert_eq!(line["category"], "school");
    assert_eq!(line["amount_cents"], 4890);
    assert_eq!(line["description"], "Libri del corso di italiano L2");
    assert_eq!(line["receipt_attached"], true);

    anonymise_person(&app, &worker, &code).await;
    let seen = page(&app, &worker, &code).await;
    assert!(!seen.editable);
    // The amount stays for the accounts; the description and the receipt are gone.
    assert_eq!(seen.expenses[0].amount_cents, 4890);
    assert_eq!(seen.expenses[0].description, None);
    assert_eq!(seen.expenses[0].receipt, None);
    let refused = record_expense(
        &app,
        &worker,
        &code,
        &[
            ("form[category]", "school"),
            ("form[amount]", "1"),
            ("form[spent_on]", &day(-1)),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::CONFLICT);
    // What was waiting is still settled: the body's accounts close.
    let manager = app.sign_in(RECEPTION).await;
    let id = seen.expenses[0].id.to_string();
    let approved = app
        .call_raw(
            "path/spending/approve",
            &[("code", &code), ("expense", &id)],
            Some(&manager),
        )
        .await;
    assert_eq!(approved.status(), StatusCode::OK);
    assert!(page(&app, &worker, &code).await.expenses[0]
        .approved
        .is_some());
}
