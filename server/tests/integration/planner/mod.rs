//! The personalised project: only the person's team reads or changes it, every read and
//! change is audited, the case diary keeps each note at its level, "My work" lists what
//! is late and due, and the coordinator keeps the service catalogue.

mod catalogue;
mod diary;
mod my_work;
mod reviews_and_exit;
mod team_and_audit;
mod without_javascript;

use app::planner::model::{ActionRow, GoalRow, PermitKind, Plan, PlanPage, WorkItem};
use chrono::NaiveDate;
use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::*;

pub(super) const CASE_WORKER: &str = "operatrice@anello.test";
pub(super) const RECEPTION: &str = "accoglienza@anello.test";
pub(super) const OTHER_BODY: &str = "operatrice.cuneo@anello.test";

/// The plan page as JSON, for a test that looks for a text anywhere in it.
pub(super) async fn plan(app: &TestApp, cookie: &str, code: &str) -> Value {
    let response = app
        .call_raw("planner/plan", &[("code", code)], Some(cookie))
        .await;
    assert_eq!(response.status(), StatusCode::OK, "plan on {}", app.backend);
    json(response).await
}

pub(super) async fn plan_page(app: &TestApp, cookie: &str, code: &str) -> PlanPage {
    app.call("planner/plan", &[("code", code)], Some(cookie))
        .await
}

/// The plan of a person whose plan is open.
pub(super) async fn the_plan(app: &TestApp, cookie: &str, code: &str) -> Plan {
    plan_page(app, cookie, code)
        .await
        .plan
        .expect("an open plan")
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
) -> i32 {
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
    let plan = the_plan(app, cookie, code).await;
    goals(&plan)
        .into_iter()
        .find(|g| g.description == text)
        .map(|g| g.id)
        .expect("the new goal")
}

fn goals(plan: &Plan) -> Vec<GoalRow> {
    plan.areas.iter().flat_map(|a| a.goals.clone()).collect()
}

pub(super) fn actions(plan: &Plan) -> Vec<ActionRow> {
    goals(plan).into_iter().flat_map(|g| g.actions).collect()
}

pub(super) fn service_id(plan: &Plan, italian_name: &str) -> String {
    plan.services
        .iter()
        .find(|s| s.name.it == italian_name)
        .map(|s| s.id)
        .expect("service in the catalogue")
        .to_string()
}

pub(super) async fn add_action(
    app: &TestApp,
    cookie: &str,
    code: &str,
    goal: i32,
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

/// An item of a My work list, about one person.
pub(super) trait About {
    fn code(&self) -> &str;
}

impl About for WorkItem {
    fn code(&self) -> &str {
        &self.code
    }
}

/// A review due: (code, scheduled date).
impl About for (String, NaiveDate) {
    fn code(&self) -> &str {
        &self.0
    }
}

/// A permit expiring: (code, kind, expiry date).
impl About for (String, PermitKind, NaiveDate) {
    fn code(&self) -> &str {
        &self.0
    }
}

/// The items of a My work list about `code` (the demo network has plans of its own).
pub(super) fn about<T: About + Clone>(list: &[T], code: &str) -> Vec<T> {
    list.iter()
        .filter(|item| item.code() == code)
        .cloned()
        .collect()
}
