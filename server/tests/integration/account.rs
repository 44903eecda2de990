//! "My account": changing one's password (current one first, the policy, other sessions
//! ended), seeing and ending one's sessions, and signing in back to the page asked for.

use reqwest::header::{ACCEPT, CONTENT_TYPE, ORIGIN, USER_AGENT};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::helpers::*;
use app::account::model::AccountPage;
use app::entity::audit_log;

const CASE_WORKER: &str = "operatrice@anello.test";
const FIREFOX_LINUX: &str =
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
const CHROME_ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 \
     (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";

/// Signs in from a browser that says `agent`; the session cookie.
async fn sign_in_as_browser(app: &TestApp, email: &str, password: &str, agent: &str) -> String {
    let response = app
        .client
        .post(app.url("/api/auth/sign_in"))
        .header(ORIGIN, app.origin())
        .header(ACCEPT, "application/json")
        .header(USER_AGENT, agent)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(encode_form(&[("email", email), ("password", password)]))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    session_cookie(response.headers()).expect("a session cookie")
}

fn problem_of(body: &str, field: &str) -> Option<String> {
    problem(&serde_json::from_str(body).unwrap(), field)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_password_needs_the_current_one_passes_the_policy_and_ends_other_sessions() {
    let app = TestApp::spawn().await;
    let laptop = sign_in_as_browser(&app, CASE_WORKER, DEMO_PASSWORD, FIREFOX_LINUX).await;
    let phone = sign_in_as_browser(&app, CASE_WORKER, DEMO_PASSWORD, CHROME_ANDROID).await;
    let change = |current: &'static str, new: &'static str, repeat: &'static str| {
        let laptop = laptop.clone();
        let app = &app;
        async move {
            app.call_raw(
                "account/password",
                &[
                    ("form[current]", current),
                    ("form[new]", new),
                    ("form[repeat]", repeat),
                ],
                Some(&laptop),
            )
            .await
        }
    };
    let strong = "sedia verde sul balcone di Bra";
    for (current, new, repeat, field, expected) in [
        ("not mine", strong, strong, "current", "wrong_password"),
        (
            DEMO_PASSWORD,
            "password1234",
            "password1234",
            "new",
            "common_password",
        ),
        (DEMO_PASSWORD, "corta", "corta", "new", "too_short"),
        (
            DEMO_PASSWORD,
            strong,
            "sedia verde",
            "repeat",
            "passwords_differ",
        ),
    ] {
        let response = change(current, new, repeat).await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY, "{new}");
        let body = response.text().await.unwrap();
        assert_eq!(
            problem_of(&body, field).as_deref(),
            Some(expected),
            "{body}"
        );
    }
    assert_eq!(app.whoami(&phone).await.as_deref(), Some(CASE_WORKER));

    let response = change(DEMO_PASSWORD, strong, strong).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(location(&response), "/il-mio-account?password=cambiata");
    // This session lives on under a new id; the phone's is over.
    let renewed = session_cookie(response.headers()).expect("a new session id");
    assert_ne!(renewed, laptop);
    assert_eq!(app.whoami(&renewed).await.as_deref(), Some(CASE_WORKER));
    assert_eq!(app.whoami(&laptop).await, None);
    assert_eq!(app.whoami(&phone).await, None);
    // The old password no longer opens, the new one does.
    assert_eq!(
        app.try_sign_in(CASE_WORKER, DEMO_PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    app.sign_in_with(CASE_WORKER, strong, None).await;

    let rows = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("auth.password.change"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(rows.iter().filter(|r| r.outcome == "failure").count(), 1);
    let success = rows.iter().find(|r| r.outcome == "success").unwrap();
    assert_eq!(success.detail.as_deref(), Some("other_sessions_ended=1"));
    assert!(rows
        .iter()
        .all(|r| !r.detail.clone().unwrap_or_default().contains("sedia")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn she_sees_her_sessions_by_device_and_ends_one_but_never_anyone_elses() {
    let app = TestApp::spawn().await;
    let laptop = sign_in_as_browser(&app, CASE_WORKER, DEMO_PASSWORD, FIREFOX_LINUX).await;
    let phone = sign_in_as_browser(&app, CASE_WORKER, DEMO_PASSWORD, CHROME_ANDROID).await;
    let page: AccountPage = app.call("account/page", &[], Some(&laptop)).await;
    assert_eq!(page.email, CASE_WORKER);
    assert_eq!(page.sessions.len(), 2, "on {}", app.backend);
    assert!(page.sessions[0].current, "this session first");
    assert_eq!(page.sessions[0].device, "Firefox · Linux");
    assert_eq!(page.sessions[1].device, "Chrome · Android");
    assert!(page.sessions[1].last_seen_at.is_some());
    // The page names sessions by a handle, never by the id the cookie carries.
    let raw = app
        .call_raw("account/page", &[], Some(&laptop))
        .await
        .text()
        .await
        .unwrap();
    for cookie in [&laptop, &phone] {
        let id = cookie.split_once('=').unwrap().1;
        assert!(!raw.contains(id), "a session id on the page");
    }
    let phone_handle = page.sessions[1].handle.clone();

    // Somebody else cannot end it with its handle; she cannot end this one here.
    let other = app.sign_in("operatrice.cuneo@anello.test").await;
    let response = app
        .call_raw(
            "account/session/end",
            &[("handle", &phone_handle)],
            Some(&other),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    let response = app
        .call_raw(
            "account/session/end",
            &[("handle", &page.sessions[0].handle)],
            Some(&laptop),
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(app.whoami(&phone).await.as_deref(), Some(CASE_WORKER));

    let response = app
        .call_raw(
            "account/session/end",
            &[("handle", &phone_handle)],
            Some(&laptop),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(app.whoami(&phone).await, None);
    assert_eq!(app.whoami(&laptop).await.as_deref(), Some(CASE_WORKER));
    let page: AccountPage = app.call("account/page", &[], Some(&laptop)).await;
    assert_eq!(page.sessions.len(), 1);
    assert_eq!(audit_rows_of(&app, "auth.session.end").await, 1);
}

async fn audit_rows_of(app: &TestApp, action: &str) -> usize {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .filter(audit_log::Column::Outcome.eq("success"))
        .all(&app.db)
        .await
        .unwrap()
        .len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn signing_in_returns_to_the_page_asked_for_on_this_site_only() {
    let app = TestApp::spawn().await;
    // Signed out, a page sends to the sign-in page with the way back.
    let page = app.get("/notifiche", None).await;
    let sent_to = location(&page);
    assert!(sent_to.ends_with("/accedi?torna=%2Fnotifiche"), "{sent_to}");
    let form = app
        .get("/accedi?torna=%2Fnotifiche", None)
        .await
        .text()
        .await
        .unwrap();
    assert!(
        form.contains(r#"name="torna" value="/notifiche""#),
        "{form}"
    );
    for (asked, expected) in [
        ("/notifiche", "/notifiche"),
        ("/persone?cerca=joy", "/persone?cerca=joy"),
        ("//evil.example/", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
    ] {
        let response = app
            .client
            .post(app.url("/api/auth/sign_in"))
            .header(ORIGIN, app.origin())
            .header(ACCEPT, "application/json")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(encode_form(&[
                ("email", CASE_WORKER),
                ("password", DEMO_PASSWORD),
                ("torna", asked),
            ]))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(location(&response), expected, "{asked}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_administrator_cannot_give_a_common_password_either() {
    let app = TestApp::spawn().await;
    let admin = app.sign_in("admin@anello.test").await;
    let response = app
        .call_raw(
            "admin/users/save",
            &[
                ("form[id]", ""),
                ("form[email]", "nuova@anello.test"),
                ("form[display_name]", "Nuova utente"),
                ("form[organisation_id]", "1"),
                ("form[language]", "it"),
                ("form[password]", "qwertyuiop123"),
                ("form[role_trainer]", "on"),
            ],
            Some(&admin),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = response.text().await.unwrap();
    assert_eq!(
        problem_of(&body, "password").as_deref(),
        Some("common_password")
    );
}
