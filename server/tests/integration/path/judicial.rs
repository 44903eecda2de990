//! The judicial route: only the reference operator and the legal advisor on the plan
//! read it; every other user, her own team included, finds it nowhere.

use app::path::judicial::model::{JudicialPage, Opinion};
use app::path::model::PathDateKind;
use app::planner::model::{MyWork, PermitRoute, PlanPage};
use reqwest::StatusCode;

use super::{CASE_WORKER, OTHER_BODY, PARTNER, RECEPTION};
use crate::helpers::*;

const NUMBER: &str = "4321/26 RGNR";
const LAWYER: &str = "Avv. Bianca Rossetti";
const OFFICE: &str = "Procura della Repubblica di Asti";

async fn page(app: &TestApp, cookie: &str, code: &str) -> JudicialPage {
    app.call("path/judicial", &[("code", code)], Some(cookie))
        .await
}

/// Nothing of the route in a text a user received.
fn assert_nothing_of_it(text: &str, what: &str) {
    for secret in [NUMBER, LAWYER, OFFICE] {
        assert!(!text.contains(secret), "{secret} in {what}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_reference_operator_and_the_legal_advisor_read_the_judicial_route() {
    let app = TestApp::spawn().await;
    // The case worker registers her: she is her reference operator.
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Giudiziaria").await;
    open_plan(&app, &worker, &code).await;
    let saved = app
        .call_raw(
            "path/judicial/proceedings",
            &[
                ("code", &code),
                ("form[filed_on]", &day(-60)),
                ("form[police_body]", "carabinieri"),
                ("form[complaint_place]", "Asti"),
                ("form[prosecutor_office]", OFFICE),
                ("form[proceedings_number]", NUMBER),
                ("form[opinion]", "favourable"),
                ("form[opinion_on]", &day(-20)),
                ("form[witness]", "on"),
                ("form[lawyer]", LAWYER),
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
    let seen = page(&app, &worker, &code).await;
    assert_eq!(seen.proceedings.len(), 1);
    let proceedings = &seen.proceedings[0];
    assert_eq!(proceedings.opinion, Opinion::Favourable);
    assert!(proceedings.witness);
    let id = proceedings.id.to_string();
    let hearing = app
        .call_raw(
            "path/judicial/hearing",
            &[
                ("code", &code),
                ("form[proceedings]", &id),
                ("form[hearing_on]", &day(10)),
                ("form[kind]", "evidentiary_hearing"),
                ("form[court]", "Tribunale di Asti"),
                ("form[accompanied]", "on"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(
        hearing.status(),
        StatusCode::OK,
        "{}",
        hearing.text().await.unwrap()
    );
    assert_eq!(page(&app, &worker, &code).await.hearings.len(), 1);
    assert_eq!(
        audit_rows(&app, &code, "path.judicial.proceedings", "success").await,
        1
    );
    assert_eq!(
        audit_rows(&app, &code, "path.judicial.hearing", "success").await,
        1
    );
    // The audit trail keeps ids and codes, never the number or the lawyer.
    let details: Vec<String> = {
        use app::entity::audit_log;
        use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
        audit_log::Entity::find()
            .filter(audit_log::Column::ObjectId.eq(code.as_str()))
            .all(&app.db)
            .await
            .unwrap()
            .into_iter()
            .filter_map(|row| row.detail)
            .collect()
    };
    assert_nothing_of_it(&details.join(" "), "the audit trail");
    let work: MyWork = app.call("planner/my_work", &[], Some(&worker)).await;
    assert!(work
        .path_dates
        .iter()
        .any(|d| d.code == code && d.kind == PathDateKind::JudicialHearing));
    // The art. 18 permit of the judicial route links to it, for her.
    let permit = app
        .call_raw(
            "planner/permits/save",
            &[
                ("code", &code),
                ("form[kind]", "art18"),
                ("form[route]", "judicial"),
                ("form[applied_on]", &day(-30)),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(
        permit.status(),
        StatusCode::OK,
        "{}",
        permit.text().await.unwrap()
    );
    let plan: PlanPage = app
        .call("planner/plan", &[("code", &code)], Some(&worker))
        .await;
    let plan = plan.plan.unwrap();
    assert!(plan.reads_judicial);
    assert_eq!(plan.permits[0].route, Some(PermitRoute::Judicial));
    let html = app
        .get(&format!("/persone/{code}"), Some(&worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(&format!("/persone/{code}/giudiziario")));

    // A colleague of her team who is neither: 403, audited, and nothing of it anywhere.
    let colleague = app.sign_in(RECEPTION).await;
    let refused = app
        .call_raw("path/judicial", &[("code", &code)], Some(&colleague))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_nothing_of_it(&refused.text().await.unwrap(), "the refusal");
    assert_eq!(
        audit_rows(&app, &code, "path.judicial.view", "denied").await,
        1
    );
    let html = app
        .get(&format!("/persone/{code}/giudiziario"), Some(&colleague))
        .await;
    assert_eq!(html.status(), StatusCode::FORBIDDEN);
    assert_nothing_of_it(&html.text().await.unwrap(), "the page");
    let written = app
        .call_raw(
            "path/judicial/hearing",
            &[
                ("code", &code),
                ("form[proceedings]", &id),
                ("form[hearing_on]", &day(3)),
                ("form[kind]", "trial"),
            ],
            Some(&colleague),
        )
        .await;
    assert_eq!(written.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &code, "path.judicial.hearing", "denied").await,
        1
    );
    for path in [
        format!("/persone/{code}"),
        format!("/persone/{code}/progetto"),
        "/il-mio-lavoro".to_string(),
    ] {
        let response = app.get(&path, Some(&colleague)).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let text = response.text().await.unwrap();
        assert_nothing_of_it(&text, &path);
        assert!(
            !text.contains(&format!("/persone/{code}/giudiziario")),
            "a link in {path}"
        );
        // Not even that the route exists: no row of it in her access log, no route on
        // her permit.
        for trace in [
            "path.judicial",
            "Percorso giudiziario",
            "Udienza registrata",
            "Denuncia o procedimento",
        ] {
            assert!(!text.contains(trace), "{trace} in {path}");
        }
    }
    let plan = app
        .call_raw("planner/plan", &[("code", &code)], Some(&colleague))
        .await
        .text()
        .await
        .unwrap();
    assert_nothing_of_it(&plan, "the plan's answer");
    let work: MyWork = app.call("planner/my_work", &[], Some(&colleague)).await;
    assert!(!work
        .path_dates
        .iter()
        .any(|d| d.kind == PathDateKind::JudicialHearing && d.code == code));
    let export = app
        .get(&format!("/persone/{code}/esporta/json"), Some(&colleague))
        .await;
    assert_eq!(export.status(), StatusCode::OK);
    let export = export.text().await.unwrap();
    assert_nothing_of_it(&export, "her export by a colleague");
    assert!(export.contains("withheld"));
    assert!(
        !export.contains("path.judicial"),
        "the route's rows in her exported access log"
    );
    // Her reference operator's export holds it all.
    let export = app
        .get(&format!("/persone/{code}/esporta/json"), Some(&worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(export.contains(NUMBER) && export.contains(LAWYER));
    assert!(export.contains("path.judicial.proceedings"));
    assert!(
        export.contains("Tribunale di Asti"),
        "the hearing's court in her export"
    );

    // Made legal advisor on the plan by the reference operator, the colleague reads it.
    let colleague_id = app.user_id(RECEPTION).await.to_string();
    let joined = app
        .call_raw(
            "planner/team/add",
            &[
                ("code", &code),
                ("form[user_id]", &colleague_id),
                ("form[role]", "legal_advisor"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(
        joined.status(),
        StatusCode::OK,
        "{}",
        joined.text().await.unwrap()
    );
    let seen = page(&app, &colleague, &code).await;
    assert_eq!(
        seen.proceedings[0].proceedings_number.as_deref(),
        Some(NUMBER)
    );
    let work: MyWork = app.call("planner/my_work", &[], Some(&colleague)).await;
    assert!(work
        .path_dates
        .iter()
        .any(|d| d.code == code && d.kind == PathDateKind::JudicialHearing));

    // Another organisation and a partner: 403, and nothing of it.
    for email in [OTHER_BODY, PARTNER] {
        let cookie = app.sign_in(email).await;
        let refused = app
            .call_raw("path/judicial", &[("code", &code)], Some(&cookie))
            .await;
        assert_eq!(refused.status(), StatusCode::FORBIDDEN, "{email}");
        assert_nothing_of_it(&refused.text().await.unwrap(), email);
    }
    assert!(audit_rows(&app, &code, "path.judicial.view", "denied").await >= 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_route_is_checked_field_by_field() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Campi").await;
    let wrong = app
        .call_raw(
            "path/judicial/proceedings",
            &[
                ("code", &code),
                ("form[filed_on]", &day(5)),
                ("form[opinion]", "unfavourable"),
                ("form[proceedings_number]", &"9".repeat(41)),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(wrong.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(wrong).await;
    assert_eq!(
        problem(&body, "filed_on").as_deref(),
        Some("date_in_future")
    );
    assert_eq!(problem(&body, "opinion_on").as_deref(), Some("required"));
    assert_eq!(
        problem(&body, "proceedings_number").as_deref(),
        Some("too_long")
    );
    let dated = app
        .call_raw(
            "path/judicial/proceedings",
            &[
                ("code", &code),
                ("form[prosecutor_office]", OFFICE),
                ("form[opinion]", "requested"),
                ("form[opinion_on]", &day(-1)),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(
        problem(&json(dated).await, "opinion_on").as_deref(),
        Some("contradiction")
    );
    // A hearing of proceedings that are not hers.
    let hearing = app
        .call_raw(
            "path/judicial/hearing",
            &[
                ("code", &code),
                ("form[proceedings]", "999999"),
                ("form[hearing_on]", &day(3)),
                ("form[kind]", "trial"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(hearing.status(), StatusCode::UNPROCESSABLE_ENTITY);
    // A route is for an art. 18 permit only.
    open_plan(&app, &worker, &code).await;
    let permit = app
        .call_raw(
            "planner/permits/save",
            &[
                ("code", &code),
                ("form[kind]", "work"),
                ("form[route]", "social"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(permit.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(permit).await, "route").as_deref(),
        Some("contradiction")
    );
    assert!(page(&app, &worker, &code).await.proceedings.is_empty());
}
