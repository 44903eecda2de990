use reqwest::StatusCode;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::*;
use app::entity::{audit_log, sessions};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_cookie_is_host_prefixed_secure_httponly_and_strict() {
    let app = TestApp::spawn().await;
    let response = app
        .try_sign_in("operatrice@anello.test", DEMO_PASSWORD)
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = session_set_cookie(response.headers()).expect("session cookie");
    let attributes: Vec<&str> = cookie.split(';').map(str::trim).collect();
    assert!(
        attributes[0].starts_with("__Host-anello_session="),
        "{cookie}"
    );
    for expected in ["HttpOnly", "Secure", "SameSite=Strict", "Path=/"] {
        assert!(
            attributes.contains(&expected),
            "{expected} missing in {cookie}"
        );
    }
    assert!(!cookie.to_ascii_lowercase().contains("domain="), "{cookie}");
    assert!(
        attributes.iter().any(|a| a.starts_with("Max-Age=1800")),
        "30 min idle: {cookie}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_id_changes_at_sign_in_and_the_old_one_is_dead() {
    let app = TestApp::spawn().await;
    let first = app.sign_in("operatrice@anello.test").await;
    let second = app
        .sign_in_with("coordinatrice@anello.test", DEMO_PASSWORD, Some(&first))
        .await;
    assert_ne!(first, second);
    assert_eq!(
        app.whoami(&first).await,
        None,
        "the pre-sign-in id must not survive"
    );
    assert_eq!(
        app.whoami(&second).await.as_deref(),
        Some("coordinatrice@anello.test")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_out_invalidates_the_session_on_the_server() {
    let app = TestApp::spawn().await;
    let cookie = app.sign_in("operatrice@anello.test").await;
    assert_eq!(
        app.whoami(&cookie).await.as_deref(),
        Some("operatrice@anello.test")
    );
    let response = app.call_raw("auth/sign_out", &[], Some(&cookie)).await;
    assert_eq!(response.status(), StatusCode::OK);
    // Replaying the old cookie (as a thief would) finds nothing.
    assert_eq!(app.whoami(&cookie).await, None);
    let remaining = sessions::Entity::find().count(&app.db).await.unwrap();
    assert_eq!(remaining, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disabling_a_user_ends_all_of_their_sessions_at_once() {
    let app = TestApp::spawn().await;
    let phone = app.sign_in("operatrice@anello.test").await;
    let desktop = app.sign_in("operatrice@anello.test").await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let id = app.user_id("operatrice@anello.test").await;
    let response = app
        .call_raw(
            "admin/users/set_active",
            &[("id", &id.to_string()), ("active", "false")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(app.whoami(&phone).await, None);
    assert_eq!(app.whoami(&desktop).await, None);
    let left = app.sessions_of(id).await;
    assert_eq!(left, 0);
    // And she cannot sign in again.
    let response = app
        .try_sign_in("operatrice@anello.test", DEMO_PASSWORD)
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        app.whoami(&coordinator).await.as_deref(),
        Some("coordinatrice@anello.test")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_and_successful_sign_ins_are_audited() {
    let app = TestApp::spawn().await;
    let response = app.try_sign_in("operatrice@anello.test", "wrong").await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let body = json(response).await;
    assert_eq!(body["code"], "wrong_credentials");
    assert_eq!(
        body["message"],
        "Indirizzo e-mail o password non riconosciuti."
    );
    app.sign_in("operatrice@anello.test").await;
    let rows = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("auth.sign_in"))
        .all(&app.db)
        .await
        .unwrap();
    let outcomes: Vec<&str> = rows.iter().map(|r| r.outcome.as_str()).collect();
    assert_eq!(outcomes, ["failure", "success"]);
    let id = app.user_id("operatrice@anello.test").await;
    assert!(rows
        .iter()
        .all(|r| r.object_id.as_deref() == Some(&id.to_string())));
    assert_eq!(rows[1].actor_user_id, Some(id));
    assert!(rows
        .iter()
        .all(|r| r.request_id.as_deref().is_some_and(|id| id.len() == 36)));
    // Nothing in the row tells the password or the address.
    assert!(rows
        .iter()
        .all(|r| !r.detail.clone().unwrap_or_default().contains("wrong ")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_failures_answer_429_with_a_translated_message() {
    let app = TestApp::spawn().await;
    for _ in 0..5 {
        let response = app.try_sign_in("strada@anello.test", "guess").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    // Even the right password is refused while the account is throttled.
    let response = app.try_sign_in("strada@anello.test", DEMO_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(response.headers()["retry-after"], "900");
    let body = json(response).await;
    assert_eq!(body["code"], "too_many_attempts");
    assert_eq!(
        body["message"],
        "Troppi tentativi di accesso non riusciti. Riprova tra 15 minuti."
    );
    // Another account from the same address still works (per-account limit) ...
    app.sign_in("operatrice@anello.test").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_per_address_limit_covers_many_accounts() {
    let limits = app::state::SignInLimits {
        per_account: 100,
        per_address: 3,
        per_account_anywhere: 100,
        window_secs: 600,
        ..Default::default()
    };
    let app = TestApp::spawn_with(limits).await;
    for who in ["a@x.test", "b@x.test", "c@x.test"] {
        let response = app.try_sign_in(who, "guess").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let response = app
        .try_sign_in("operatrice@anello.test", DEMO_PASSWORD)
        .await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let response = app
        .client
        .post(app.url("/api/auth/sign_in"))
        .header("origin", app.origin())
        .header("accept", "application/json")
        .header("accept-language", "en-GB,en;q=0.9")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(encode_form(&[("email", "d@x.test"), ("password", "guess")]))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        json(response).await["message"],
        "Too many failed sign-in attempts. Try again in 10 minutes."
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_session_older_than_twelve_hours_is_over() {
    let app = TestApp::spawn().await;
    let cookie = app.sign_in("operatrice@anello.test").await;
    let thirteen_hours_ago = chrono::Utc::now().timestamp() - 13 * 3600;
    let row = sessions::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let mut data: serde_json::Value = serde_json::from_str(&row.data).unwrap();
    data["signed_in_at"] = thirteen_hours_ago.into();
    let statement = sea_orm::Statement::from_sql_and_values(
        app.db.get_database_backend(),
        "UPDATE sessions SET data = $1 WHERE id = $2",
        [data.to_string().into(), row.id.clone().into()],
    );
    app.db.execute_raw(statement).await.unwrap();
    assert_eq!(app.whoami(&cookie).await, None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_session_expires_in_the_store() {
    let app = TestApp::spawn().await;
    let cookie = app.sign_in("operatrice@anello.test").await;
    let statement = sea_orm::Statement::from_sql_and_values(
        app.db.get_database_backend(),
        "UPDATE sessions SET expires_at = $1",
        [(chrono::Utc::now() - chrono::Duration::minutes(1)).into()],
    );
    app.db.execute_raw(statement).await.unwrap();
    assert_eq!(app.whoami(&cookie).await, None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chosen_language_follows_the_person_to_the_next_sign_in() {
    let app = TestApp::spawn().await;
    let first = app.sign_in("formatrice@anello.test").await;
    // No choice yet: signing in leaves the browser's language alone.
    let response = app
        .try_sign_in("formatrice@anello.test", DEMO_PASSWORD)
        .await;
    assert!(!set_cookies(&response)
        .iter()
        .any(|c| c.starts_with("lf-lang=")));
    let response = app
        .call_raw("auth/set_language", &[("language", "en")], Some(&first))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(set_cookies(&response)
        .iter()
        .any(|c| c.starts_with("lf-lang=en;")));
    let response = app
        .try_sign_in("formatrice@anello.test", DEMO_PASSWORD)
        .await;
    assert!(
        set_cookies(&response)
            .iter()
            .any(|c| c.starts_with("lf-lang=en;")),
        "a new device gets the chosen language"
    );
    let response = app
        .call_raw("auth/set_language", &[("language", "fr")], Some(&first))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok().map(str::to_string))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stranger_cannot_lock_a_colleague_out_from_elsewhere() {
    let app = TestApp::spawn_configured(app::state::SignInLimits::default(), true).await;
    for _ in 0..5 {
        assert_eq!(
            app.sign_in_from("192.0.2.1", "operatrice@anello.test", "guess")
                .await,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        app.sign_in_from("192.0.2.1", "operatrice@anello.test", DEMO_PASSWORD)
            .await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // The real person, at her own desk, still signs in.
    assert_eq!(
        app.sign_in_from("198.51.100.7", "operatrice@anello.test", DEMO_PASSWORD)
            .await,
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn parallel_guesses_cannot_slip_past_the_limit() {
    let app = TestApp::spawn().await;
    let guesses = (0..12).map(|i| {
        let app = &app;
        async move {
            let guess = format!("guess number {i}");
            app.try_sign_in("strada@anello.test", &guess).await.status()
        }
    });
    let statuses = futures::future::join_all(guesses).await;
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert!(
        checked <= 5,
        "at most 5 passwords checked, got {statuses:?}"
    );
    assert_eq!(checked + refused, 12);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_successful_sign_in_forgives_earlier_mistakes() {
    let app = TestApp::spawn().await;
    for _ in 0..4 {
        let response = app.try_sign_in("strada@anello.test", "typo").await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    app.sign_in("strada@anello.test").await;
    for _ in 0..5 {
        let response = app.try_sign_in("strada@anello.test", "typo").await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "the count started again"
        );
    }
}
