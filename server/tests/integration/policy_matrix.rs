//! Role × server-function matrix. Every registered server function must have a decision in
//! the policy table and sample arguments here; then every role (and an anonymous caller)
//! calls every function, and the answer must match the table: 403 (401 when anonymous)
//! exactly where the policy refuses. A new function without a policy, or one whose body
//! forgets to call the guard, fails this test.

use std::collections::BTreeSet;

use reqwest::StatusCode;

use crate::helpers::*;
use app::auth::policy::{access_for, Access, SERVER_FUNCTIONS};

mod samples;
pub(crate) use samples::{sample_arguments, NO_SUCH_ID, NO_SUCH_PERSON};

const CALLERS: [(&str, Option<&str>); 10] = [
    ("anonymous", None),
    ("administrator", Some("admin@anello.test")),
    ("coordinator", Some("coordinatrice@anello.test")),
    ("reception manager", Some("accoglienza@anello.test")),
    (
        "reception manager, Cuneo",
        Some("accoglienza.cuneo@anello.test"),
    ),
    ("case worker", Some("operatrice@anello.test")),
    ("case worker, Cuneo", Some("operatrice.cuneo@anello.test")),
    ("outreach worker", Some("strada@anello.test")),
    ("trainer", Some("formatrice@anello.test")),
    ("partner", Some("partner@anello.test")),
];

/// Functions about one record answer 404 for a record that does not exist.
fn is_record_scoped(endpoint: &str, arguments: &[(String, String)]) -> bool {
    arguments.iter().any(|(key, value)| {
        value == NO_SUCH_PERSON
            || ((key.trim_end_matches(']').ends_with("_id")
                || endpoint.starts_with("forum/")
                || endpoint.starts_with("spending/")
                || endpoint.starts_with("network/"))
                && value == NO_SUCH_ID)
    }) && [
        "people/",
        "beds/",
        "planner/",
        "forum/",
        "path/",
        "spending/",
        "network/",
    ]
    .iter()
    .any(|prefix| endpoint.starts_with(prefix))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_server_function_has_a_policy_and_the_server_enforces_it() {
    let app = TestApp::spawn().await;
    let registered: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path.trim_start_matches("/api/").to_string())
        .collect();
    let declared: BTreeSet<String> = SERVER_FUNCTIONS
        .iter()
        .map(|(name, _)| name.to_string())
        .collect();
    assert_eq!(
        registered, declared,
        "server functions and the policy table must list the same endpoints"
    );

    let target_user = app.user_id("partner@anello.test").await;
    for endpoint in &registered {
        assert!(
            sample_arguments(endpoint, target_user).is_some(),
            "no sample arguments for {endpoint}: add them here"
        );
    }
    // Sign-out last, so each caller's session lives through the other calls.
    let mut ordered: Vec<&String> = registered
        .iter()
        .filter(|e| *e != "auth/sign_out")
        .collect();
    ordered.push(
        registered
            .iter()
            .find(|e| *e == "auth/sign_out")
            .expect("sign-out exists"),
    );

    for (caller, email) in CALLERS {
        let cookie = match email {
            Some(email) => Some(app.sign_in(email).await),
            None => None,
        };
        let user = match email {
            Some(email) => {
                let id = app.user_id(email).await;
                app::auth::ssr::current_user_by_id(&app.db, id)
                    .await
                    .unwrap()
            }
            None => None,
        };
        for endpoint in &ordered {
            let tag = caller.replace([' ', ','], "");
            let arguments: Vec<(String, String)> = sample_arguments(endpoint, target_user)
                .unwrap()
                .into_iter()
                .map(|(k, v)| (k, v.replace("{tag}", &tag)))
                .collect();
            let form: Vec<(&str, &str)> = arguments
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            let response = app.call_raw(endpoint, &form, cookie.as_deref()).await;
            let status = response.status();
            let allowed = app::auth::policy::allows(endpoint, user.as_ref())
                == app::auth::policy::Decision::Allowed;
            if allowed {
                assert!(
                    ![StatusCode::FORBIDDEN, StatusCode::UNAUTHORIZED].contains(&status)
                        || *endpoint == "auth/sign_in",
                    "{caller} should be allowed {endpoint} on {}, got {status}: {}",
                    app.backend,
                    response.text().await.unwrap_or_default()
                );
                assert!(
                    status.is_success()
                        || *endpoint == "auth/sign_in"
                        || (is_record_scoped(endpoint, &arguments)
                            && status == StatusCode::NOT_FOUND)
                        // A fresh session has no change of its own to take back.
                        || (*endpoint == "beds/undo" && status == StatusCode::CONFLICT)
                        // A body's staff see small figures as "<3", with no list behind.
                        || (*endpoint == "reports/figure" && status == StatusCode::NOT_FOUND)
                        // Past the policy, the sample's own refusals: no SMTP server, no
                        // such link, not her current password, no such session.
                        || (*endpoint == "auth/password/forgot" && status == StatusCode::CONFLICT)
                        || (*endpoint == "auth/password/reset" && status == StatusCode::CONFLICT)
                        || (*endpoint == "account/password"
                            && status == StatusCode::UNPROCESSABLE_ENTITY)
                        || (*endpoint == "account/session/end" && status == StatusCode::NOT_FOUND),
                    "{caller} {endpoint}: {status}"
                );
            } else {
                let expected = if user.is_none() {
                    StatusCode::UNAUTHORIZED
                } else {
                    StatusCode::FORBIDDEN
                };
                assert_eq!(
                    status, expected,
                    "{caller} must be refused {endpoint} on {}",
                    app.backend
                );
                let body = json(response).await;
                assert!(
                    body["message"].as_str().is_some_and(|m| !m.is_empty()),
                    "translated message for {endpoint}"
                );
            }
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn denials_are_written_to_the_audit_trail() {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    let app = TestApp::spawn().await;
    let partner = app.sign_in("partner@anello.test").await;
    let response = app
        .call_raw("admin/users", &[("filter[search]", "")], Some(&partner))
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let denied = app::entity::audit_log::Entity::find()
        .filter(app::entity::audit_log::Column::Action.eq("access.denied"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(denied.len(), 1);
    assert_eq!(denied[0].outcome, "denied");
    assert_eq!(denied[0].object_id.as_deref(), Some("admin/users"));
    assert_eq!(
        denied[0].actor_user_id,
        Some(app.user_id("partner@anello.test").await)
    );
}

#[test]
fn the_partner_may_reach_nothing_but_public_and_signed_in_functions() {
    for (endpoint, access) in SERVER_FUNCTIONS {
        if let Access::AnyOf(roles) = access {
            assert!(
                !roles.contains(&app::auth::model::Role::Partner),
                "{endpoint} is open to partners"
            );
        }
        assert!(access_for(endpoint).is_some());
    }
}
