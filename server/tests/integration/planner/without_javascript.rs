//! The plan page with plain form posts, and nothing of it outside the team.

use reqwest::StatusCode;

use super::{add_goal, person_with_plan, plan, CASE_WORKER, OTHER_BODY};
use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plan_page_works_without_javascript() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = person_with_plan(&app, &worker, "Pagina").await;
    add_goal(
        &app,
        &worker,
        &code,
        "housing",
        "Cercare una casa in affitto",
    )
    .await;
    let page = app
        .get(&format!("/persone/{code}/progetto"), Some(&worker))
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Cercare una casa in affitto"));
    assert!(html.contains("Cronoprogramma"));
    // A plain form post (no JavaScript) changes the plan and comes back to the page.
    let response = post_plain_form(
        &app,
        &worker,
        ("planner/goals/add", &format!("/persone/{code}/progetto")),
        &[
            ("code", &code),
            ("form[area]", "work"),
            ("form[description]", "Patente di guida"),
        ],
    )
    .await;
    assert!(response.status().is_redirection(), "{}", response.status());
    let page = plan(&app, &worker, &code).await;
    assert!(page.to_string().contains("Patente di guida"));
    // Outside the team the page answers 403 and shows nothing of the plan.
    let other = app.sign_in(OTHER_BODY).await;
    let refused = app
        .get(&format!("/persone/{code}/progetto"), Some(&other))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(!refused.text().await.unwrap().contains("Cercare una casa"));
}
