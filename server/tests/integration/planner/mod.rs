//! The personalised project: only the person's team reads or changes it, every read and
//! change is audited, the case diary keeps each note at its level, "My work" lists what
//! is late and due, and the coordinator keeps the service catalogue.

mod catalogue;
mod diary;
mod my_work;
mod reviews_and_exit;
mod team_and_audit;
mod without_javascript;

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::*;

pub(super) const CASE_WORKER: &str = "operatrice@anello.test";
pub(super) const RECEPTION: &str = "accoglienza@anello.test";
pub(super) const OTHER_BODY: &str = "operatrice.cuneo@anello.test";

pub(super) async fn plan(app: &TestApp, cookie: &str, code: &str) -> Value {
    let response = app
        .call_raw("planner/plan", &[("code", code)], Some(cookie))
        .await;
    assert_eq!(response.status(), StatusCode::OK, "plan on {}", app.backend);
    json(response).await
}

/// A person of the case worker's organisation with a plan opened.
pub(super) async fn person_with_plan(app: &TestApp, cookie: &str, name: &str) -> String {
    let code = app.register_person(cookie, name).await;
    open_plan(app, cookie, &code).await;
    code
}

pub(super) async fn add_goal(
    app: &TestApp,
    cookie: &str,
    code: &str,
    area: &str,
    text: &str,
) -> i64 {
    let response = app
        .call_raw(
            "planner/goals/add",
            &[
                ("code", code),
                ("form[area]", area),
                ("form[description]", text),
                ("form[expected_on]", &day(120)),
            ],
            Some(cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK, "goal on {}", app.backend);
    let page = plan(app, cookie, code).await;
    goals(&page)
        .into_iter()
        .find(|g| g["description"] == text)
        .and_then(|g| g["id"].as_i64())
        .expect("the new goal")
}

fn goals(page: &Value) -> Vec<Value> {
    page["plan"]["areas"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["goals"].as_array().unwrap().clone())
        .collect()
}

pub(super) fn actions(page: &Value) -> Vec<Value> {
    goals(page)
        .iter()
        .flat_map(|g| g["actions"].as_array().unwrap().clone())
        .collect()
}

pub(super) fn service_id(page: &Value, italian_name: &str) -> String {
    page["plan"]["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"]["it"] == italian_name)
        .and_then(|s| s["id"].as_i64())
        .expect("service in the catalogue")
        .to_string()
}

pub(super) async fn add_action(
    app: &TestApp,
    cookie: &str,
    code: &str,
    goal: i64,
    service: &str,
    responsible: i32,
    (from, to): (&str, &str),
) -> reqwest::Response {
    app.call_raw(
        "planner/actions/add",
        &[
            ("code", code),
            ("form[goal_id]", &goal.to_string()),
            ("form[service_id]", service),
            ("form[responsible_user_id]", &responsible.to_string()),
            ("form[planned_start]", from),
            ("form[planned_end]", to),
        ],
        Some(cookie),
    )
    .await
}

/// The items of a My work list about `code` (the demo network has plans of its own).
pub(super) fn about(work: &Value, list: &str, code: &str) -> Vec<Value> {
    work[list]
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| item["code"] == code || item[0] == code)
        .cloned()
        .collect()
}
