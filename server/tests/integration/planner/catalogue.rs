//! The service catalogue, kept by the coordinator.

use app::planner::model::Catalogue;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::{add_action, add_goal, person_with_plan, the_plan, CASE_WORKER};
use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_keeps_the_service_catalogue() {
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let worker = app.sign_in(CASE_WORKER).await;
    let service = [
        ("form[area]", "health"),
        ("form[name_it]", "Screening odontoiatrico"),
        ("form[name_en]", "Dental screening"),
    ];
    assert_eq!(
        app.call_raw("planner/services/add", &service, Some(&coordinator))
            .await
            .status(),
        StatusCode::OK
    );
    let duplicate = app
        .call_raw("planner/services/add", &service, Some(&coordinator))
        .await;
    assert_eq!(duplicate.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.call_raw("planner/services/add", &service, Some(&worker))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let catalogue: Catalogue = app.call("planner/services", &[], Some(&worker)).await;
    assert!(!catalogue.may_edit);
    let added = catalogue
        .services
        .iter()
        .find(|s| s.name.en == "Dental screening")
        .cloned()
        .expect("the new service");
    let id = added.id.to_string();

    // A deactivated service is no longer offered for new actions.
    let code = person_with_plan(&app, &worker, "Catalogo").await;
    let goal = add_goal(&app, &worker, &code, "health", "Cure dentarie").await;
    let off = app
        .call_raw(
            "planner/services/active",
            &[("service_id", &id), ("active", "false")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(off.status(), StatusCode::OK);
    let plan = the_plan(&app, &worker, &code).await;
    let dental = |name: &str| name.contains("Dental screening");
    assert!(!plan
        .services
        .iter()
        .any(|s| dental(&s.name.it) || dental(&s.name.en)));
    let me = app.user_id(CASE_WORKER).await;
    let refused = add_action(&app, &worker, &code, goal, &id, me, (&day(0), &day(5))).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    use app::entity::audit_log;
    let rows = audit_log::Entity::find()
        .filter(audit_log::Column::Action.is_in(["plan.service.add", "plan.service.active"]))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(rows, 2);
}
