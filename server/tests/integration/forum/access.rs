//! Who reads and writes where: a partner posts where allowed and nowhere else.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{demo_thread, new_thread, thread, thread_of, PARTNER};
use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partner_reads_and_posts_where_allowed_and_nowhere_else() {
    let app = TestApp::spawn().await;
    let partner = app.sign_in(PARTNER).await;

    let overview = json(app.call_raw("forum/overview", &[], Some(&partner)).await).await;
    let codes: Vec<&str> = overview["categories"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|category| category["code"].as_str())
        .collect();
    assert_eq!(
        codes.len(),
        7,
        "every category but the minors' on {}",
        app.backend
    );
    assert!(!codes.contains(&"minori"));

    let response = app
        .call_raw(
            "forum/category",
            &[("code", "minori"), ("tag", ""), ("page", "")],
            Some(&partner),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let minors_thread = demo_thread(&app, "Accertamento dell'età").await;
    assert_eq!(
        thread(&app, &partner, minors_thread).await.0,
        StatusCode::FORBIDDEN
    );
    let response = new_thread(&app, &partner, "minori", "Una domanda sui minori", "Testo").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // Training is read-only for partners.
    let response = new_thread(
        &app,
        &partner,
        "formazione",
        "Una domanda sui corsi",
        "Testo",
    )
    .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let denied = {
        use app::entity::audit_log;
        use sea_orm::PaginatorTrait;
        audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("forum.denied"))
            .count(&app.db)
            .await
            .unwrap()
    };
    assert!(denied >= 3, "refusals are audited on {}", app.backend);

    // Where partners post, the post is published at once (the demo partner has posted
    // before, so he is not new).
    let response = new_thread(
        &app,
        &partner,
        "indicatori",
        "Indicatori nei controlli stradali",
        "Quali segnali annotare durante un controllo notturno?",
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK, "on {}", app.backend);
    let id = thread_of(&location(&response));
    let (status, page) = thread(&app, &partner, id).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["state"], "Published");

    // And every function about people, beds and plans refuses him.
    let target = app.user_id(PARTNER).await;
    for (endpoint, _) in app::auth::policy::SERVER_FUNCTIONS {
        if !["people/", "beds/", "planner/"]
            .iter()
            .any(|prefix| endpoint.starts_with(prefix))
        {
            continue;
        }
        let arguments = crate::policy_matrix::sample_arguments(endpoint, target)
            .unwrap_or_else(|| panic!("sample arguments for {endpoint}"));
        let form: Vec<(&str, &str)> = arguments
            .iter()
            .map(|(key, value)| (key.as_str(), value.as_str()))
            .collect();
        let response = app.call_raw(endpoint, &form, Some(&partner)).await;
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "{endpoint} must refuse a partner on {}",
            app.backend
        );
    }
}
