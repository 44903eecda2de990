//! Support spending: the team records expenses with their receipts, a reception manager
//! of the organisation that paid approves them, budgets per project period say what is
//! left, a budget's workbook goes to the accounts; nobody else reads any of it.

use app::path::model::PathDateKind;
use app::path::spending::budgets::BudgetsPage;
use app::path::spending::model::{SpendingCategory, SpendingPage};
use app::planner::model::MyWork;
use reqwest::header::{ACCEPT, COOKIE, ORIGIN};
use reqwest::StatusCode;

use super::{CASE_WORKER, COORDINATOR, OTHER_BODY, PARTNER, RECEPTION};
use crate::helpers::*;

mod refusals;

const OTHER_RECEPTION: &str = "accoglienza.cuneo@anello.test";
const RECEIPT: &[u8] =
    b"%PDF-1.4\n% ricevuta ticket sanitario\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n";

async fn page(app: &TestApp, cookie: &str, code: &str) -> SpendingPage {
    app.call("path/spending", &[("code", code)], Some(cookie))
        .await
}

async fn budgets(app: &TestApp, cookie: &str) -> BudgetsPage {
    app.call("spending/budgets", &[], Some(cookie)).await
}

/// Files a receipt among her documents; answers its id.
async fn file_receipt(app: &TestApp, cookie: &str, code: &str) -> String {
    let form = reqwest::multipart::Form::new()
        .text("kind", "receipt")
        .text("dated_on", day(-2))
        .text("confidentiality", "team")
        .text("description", "Ticket")
        .part(
            "file",
            reqwest::multipart::Part::bytes(RECEIPT.to_vec()).file_name("ricevuta.pdf"),
        );
    let filed = app
        .client
        .post(app.url(&format!("/persone/{code}/documenti")))
        .header(ORIGIN, app.origin())
        .header(ACCEPT, "application/json")
        .header(COOKIE, cookie)
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(filed.status(), StatusCode::CREATED);
    json(filed).await["id"].as_i64().unwrap().to_string()
}

async fn record_expense(
    app: &TestApp,
    cookie: &str,
    code: &str,
    fields: &[(&str, &str)],
) -> reqwest::Response {
    let mut form = vec![("code", code)];
    form.extend_from_slice(fields);
    app.call_raw("path/spending/expense", &form, Some(cookie))
        .await
}

/// Takes away the demo's budgets and expenses: these tests count from nothing.
async fn without_demo_spending(app: &TestApp) {
    use app::entity::{support_budgets, support_expenses};
    use sea_orm::EntityTrait;
    support_expenses::Entity::delete_many()
        .exec(&app.db)
        .await
        .unwrap();
    support_budgets::Entity::delete_many()
        .exec(&app.db)
        .await
        .unwrap();
}

async fn set_budget(app: &TestApp, cookie: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    app.call_raw("spending/budgets/save", fields, Some(cookie))
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_team_records_a_reception_manager_approves_and_the_budget_says_what_is_left() {
    let app = TestApp::spawn().await;
    without_demo_spending(&app).await;
    let worker = app.sign_in(CASE_WORKER).await;
    let manager = app.sign_in(RECEPTION).await;
    let code = app.register_person(&worker, "Spese").await;

    // The organisation's budget for a period holding today: 1.000 €.
    let (from, to) = (day(-100), day(200));
    let set = set_budget(
        &app,
        &manager,
        &[
            ("form[project]", "Anello – Bando 2026"),
            ("form[starts_on]", &from),
            ("form[ends_on]", &to),
            ("form[amount]", "1.000,00"),
        ],
    )
    .await;
    assert_eq!(
        set.status(),
        StatusCode::OK,
        "{}",
        set.text().await.unwrap()
    );
    // Another budget of the same body over part of the period: refused.
    let overlapping = set_budget(
        &app,
        &manager,
        &[
            ("form[project]", "Doppio"),
            ("form[starts_on]", &day(150)),
            ("form[ends_on]", &day(400)),
            ("form[amount]", "10"),
        ],
    )
    .await;
    assert_eq!(overlapping.status(), StatusCode::CONFLICT);

    // Her permit's fee with its receipt; a medical ticket ten days ago without one.
    let receipt = file_receipt(&app, &worker, &code).await;
    let recorded = record_expense(
        &app,
        &worker,
        &code,
        &[
            ("form[category]", "papers"),
            ("form[amount]", "30,46"),
            ("form[spent_on]", &day(-2)),
            ("form[description]", "Bollettino permesso"),
            ("form[receipt]", &receipt),
        ],
    )
    .await;
    assert_eq!(
        recorded.status(),
        StatusCode::OK,
        "{}",
        recorded.text().await.unwrap()
    );
    let recorded = record_expense(
        &app,
        &worker,
        &code,
        &[
            ("form[category]", "health"),
            ("form[amount]", "36,40"),
            ("form[spent_on]", &day(-10)),
        ],
    )
    .await;
    assert_eq!(recorded.status(), StatusCode::OK);

    let seen = page(&app, &worker, &code).await;
    assert_eq!(seen.expenses.len(), 2);
    let fee = &seen.expenses[0];
    assert_eq!(
        (fee.category, fee.amount_cents),
        (SpendingCategory::Papers, 3046)
    );
    assert_eq!(
        fee.receipt.map(|(id, _)| id.to_string()),
        Some(receipt.clone())
    );
    assert!(fee.approved.is_none() && !fee.may_approve && fee.may_remove);
    assert_eq!(seen.receipts.len(), 1);
    let budget = seen.budget.clone().expect("the body's budget for today");
    assert_eq!(
        (
            budget.amount_cents,
            budget.spent_cents,
            budget.waiting_cents
        ),
        (100_000, 0, 6_686)
    );
    assert!(
        seen.totals.iter().all(|(_, cents)| *cents == 0),
        "nothing approved yet"
    );

    // The case worker cannot approve; the reception manager can, once.
    let fee_id = fee.id.to_string();
    let ticket_id = seen.expenses[1].id.to_string();
    let refused = app
        .call_raw(
            "path/spending/approve",
            &[("code", &code), ("expense", &fee_id)],
            Some(&worker),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    // "Il mio lavoro" of the reception manager: the ticket has waited for her more than a
    // week (late), the fee's week ends within the fortnight "Il mio lavoro" looks ahead.
    let work: MyWork = app.call("planner/my_work", &[], Some(&manager)).await;
    let waiting: Vec<_> = work
        .path_dates
        .iter()
        .filter(|d| d.code == code && d.kind == PathDateKind::SpendingApproval)
        .collect();
    assert_eq!(waiting.len(), 2, "{:?}", work.path_dates);
    assert!(waiting[0].overdue(work.today));
    assert!(!waiting[1].overdue(work.today));
    assert_eq!(waiting[0].link, format!("/persone/{code}/spese"));
    for id in [&fee_id, &ticket_id] {
        let approved = app
            .call_raw(
                "path/spending/approve",
                &[("code", &code), ("expense", id)],
                Some(&manager),
            )
            .await;
        assert_eq!(
            approved.status(),
            StatusCode::OK,
            "{}",
            approved.text().await.unwrap()
        );
    }
    let again = app
        .call_raw(
            "path/spending/approve",
            &[("code", &code), ("expense", &fee_id)],
            Some(&manager),
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    let work: MyWork = app.call("planner/my_work", &[], Some(&manager)).await;
    assert!(!work.path_dates.iter().any(|d| d.code == code));

    let seen = page(&app, &worker, &code).await;
    assert!(seen
        .expenses
        .iter()
        .all(|e| e.approved.is_some() && !e.may_remove));
    let budget = seen.budget.unwrap();
    assert_eq!(
        (
            budget.spent_cents,
            budget.waiting_cents,
            budget.left_cents()
        ),
        (6_686, 0, 93_314)
    );
    let total_of = |category| seen.totals.iter().find(|(c, _)| *c == category).unwrap().1;
    assert_eq!(total_of(SpendingCategory::Papers), 3046);
    assert_eq!(total_of(SpendingCategory::Health), 3640);
    // An approved expense stays unless its reception manager removes it.
    let kept = app
        .call_raw(
            "path/spending/remove",
            &[("code", &code), ("expense", &ticket_id)],
            Some(&worker),
        )
        .await;
    assert_eq!(kept.status(), StatusCode::CONFLICT);

    // The budgets page of the reception manager: spent, left, by category, one person.
    let own = budgets(&app, &manager).await;
    assert!(own.may_manage);
    assert_eq!(own.organisations.len(), 1);
    let row = &own.organisations[0].budgets[0];
    assert_eq!(
        (row.spent_cents, row.left_cents(), row.people),
        (6_686, 93_314, 1)
    );
    // The coordinator reads every body's budgets, and sets none.
    let coordinator = app.sign_in(COORDINATOR).await;
    let network = budgets(&app, &coordinator).await;
    assert!(!network.may_manage);
    assert!(network.organisations.iter().any(|o| o.budgets.len() == 1));
    let refused = set_budget(
        &app,
        &coordinator,
        &[
            ("form[project]", "X"),
            ("form[starts_on]", &from),
            ("form[ends_on]", &to),
            ("form[amount]", "1"),
        ],
    )
    .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);

    // The workbook: an .xlsx for the reception manager and the coordinator, audited.
    let workbook = format!("/spese/{}/registro.xlsx", row.id);
    let file = app.get(&workbook, Some(&manager)).await;
    assert_eq!(file.status(), StatusCode::OK);
    assert!(file.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains(".xlsx"));
    let bytes = file.bytes().await.unwrap();
    assert_eq!(&bytes[..2], b"PK", "a zip, as every .xlsx");
    assert_eq!(
        app.get(&workbook, Some(&coordinator)).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        audit_rows(&app, &row.id.to_string(), "spending.workbook", "success").await,
        2
    );
    // Each person whose code is in the file has her own row, as when her record is opened.
    assert_eq!(
        audit_rows(&app, &code, "spending.workbook", "success").await,
        2
    );
    // Another body's reception manager: not her budget.
    let stranger = app.sign_in(OTHER_RECEPTION).await;
    assert_eq!(
        app.get(&workbook, Some(&stranger)).await.status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        audit_rows(&app, &row.id.to_string(), "spending.workbook", "denied").await,
        1
    );
    let changed = set_budget(
        &app,
        &stranger,
        &[
            ("form[record]", &row.id.to_string()),
            ("form[project]", "Preso"),
            ("form[starts_on]", &from),
            ("form[ends_on]", &to),
            ("form[amount]", "1"),
        ],
    )
    .await;
    assert_eq!(changed.status(), StatusCode::FORBIDDEN);
    assert!(budgets(&app, &stranger).await.organisations[0]
        .budgets
        .is_empty());
    // A case worker has no budgets page and no workbook.
    let refused = app.call_raw("spending/budgets", &[], Some(&worker)).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        app.get(&workbook, Some(&worker)).await.status(),
        StatusCode::FORBIDDEN
    );

    // A budget set by mistake is taken back; the expenses stay on her ledger.
    let removed = app
        .call_raw(
            "spending/budgets/remove",
            &[("budget", &row.id.to_string())],
            Some(&manager),
        )
        .await;
    assert_eq!(removed.status(), StatusCode::OK);
    assert!(budgets(&app, &manager).await.organisations[0]
        .budgets
        .is_empty());
    assert_eq!(page(&app, &worker, &code).await.expenses.len(), 2);

    // The audit trail of her ledger, each in its transaction.
    assert_eq!(
        audit_rows(&app, &code, "path.spending.expense", "success").await,
        2
    );
    assert_eq!(
        audit_rows(&app, &code, "path.spending.approve", "success").await,
        2
    );
    assert!(audit_rows(&app, &code, "path.spending.view", "success").await >= 3);
}
