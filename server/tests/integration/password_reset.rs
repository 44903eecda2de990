//! A forgotten password: by e-mail when the network has an SMTP server (the same answer
//! for any address, a link valid 30 minutes and once, stored hashed, throttled, audited),
//! and otherwise by the administration, whose password must be replaced first.

use chrono::{Duration, Utc};
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::helpers::*;
use app::entity::{audit_log, password_resets};

const CASE_WORKER: &str = "operatrice@anello.test";
const NEW_PASSWORD: &str = "lanterna rossa sul molo di Genova";

fn mailer(app: &TestApp, sink: &SmtpSink) -> server::mail::Mailer {
    server::mail::Mailer::new(
        &sink.url,
        "Anello <anello@rete.test>",
        &app.origin(),
        app::state::IdentityKey::new(app::state::IdentityKey::DEVELOPMENT),
    )
    .unwrap()
}

/// The 64 hex digits after `/reimposta-password/` in a message.
fn token_in(message: &str) -> String {
    // A long line may come quoted-printable, with soft line breaks.
    let message = message.replace("=\r\n", "").replace("=\n", "");
    let start =
        message.find("/reimposta-password/").expect("a reset link") + "/reimposta-password/".len();
    message[start..start + 64].to_string()
}

async fn ask(app: &TestApp, email: &str) -> reqwest::Response {
    app.call_raw("auth/password/forgot", &[("email", email)], None)
        .await
}

async fn reset(app: &TestApp, token: &str, password: &str) -> reqwest::Response {
    app.call_raw(
        "auth/password/reset",
        &[
            ("token", token),
            ("form[new]", password),
            ("form[repeat]", password),
        ],
        None,
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reset_link_is_mailed_works_once_and_says_nothing_of_unknown_addresses() {
    let sink = SmtpSink::start().await;
    let app = TestApp::spawn_with_mail().await;
    let mailer = mailer(&app, &sink);
    let phone = app.sign_in(CASE_WORKER).await;

    // The same answer, whether or not there is such an account.
    let known = ask(&app, "  Operatrice@Anello.test ").await;
    let unknown = ask(&app, "nessuna@anello.test").await;
    assert_eq!(known.status(), StatusCode::OK);
    assert_eq!(unknown.status(), StatusCode::OK);
    assert_eq!(location(&known), location(&unknown));
    assert_eq!(known.text().await.unwrap(), unknown.text().await.unwrap());
    assert_eq!(mailer.deliver(&app.db, Utc::now()).await.unwrap(), 1);
    let messages = sink.messages();
    assert_eq!(messages.len(), 1);
    let message = &messages[0];
    assert!(message.contains(CASE_WORKER), "{message}");
    assert!(message.contains(&format!("{}/reimposta-password/", app.origin())));
    let token = token_in(message);

    // Stored hashed: the token itself is nowhere in the table.
    let rows = password_resets::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert!(rows
        .iter()
        .all(|row| row.token_hash != token && row.nonce != token));

    // The policy applies; a wrong token is refused.
    let response = reset(&app, &token, "password1234").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = reset(&app, &"0".repeat(64), NEW_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);

    let response = reset(&app, &token, NEW_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::OK, "on {}", app.backend);
    assert_eq!(location(&response), "/accedi?password=reimpostata");
    // Every session ended; the new password opens, the old does not.
    assert_eq!(app.whoami(&phone).await, None);
    app.sign_in_with(CASE_WORKER, NEW_PASSWORD, None).await;
    assert_eq!(
        app.try_sign_in(CASE_WORKER, DEMO_PASSWORD).await.status(),
        StatusCode::UNAUTHORIZED
    );
    // Once only.
    let response = reset(&app, &token, "un'altra frase lunga e segreta").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let body = response.text().await.unwrap();
    assert!(body.contains("non è più valido"), "{body}");

    // Audited: both requests, the reset; never the address typed.
    let audit = audit_log::Entity::find()
        .filter(audit_log::Column::Action.starts_with("auth.password.reset"))
        .all(&app.db)
        .await
        .unwrap();
    let details: Vec<String> = audit
        .iter()
        .map(|row| format!("{} {}", row.action, row.detail.clone().unwrap_or_default()))
        .collect();
    assert!(
        details.contains(&"auth.password.reset_request unknown_account".to_string()),
        "{details:?}"
    );
    assert!(details.contains(&"auth.password.reset_request link_written".to_string()));
    assert!(details
        .iter()
        .any(|d| d.starts_with("auth.password.reset sessions_ended=")));
    assert!(!details.iter().any(|d| d.contains("nessuna")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_link_expires_after_thirty_minutes_and_three_an_hour_is_the_most() {
    let sink = SmtpSink::start().await;
    let app = TestApp::spawn_with_mail().await;
    let mailer = mailer(&app, &sink);
    for _ in 0..5 {
        assert_eq!(ask(&app, CASE_WORKER).await.status(), StatusCode::OK);
    }
    assert_eq!(
        password_resets::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .len(),
        3,
        "three links an hour"
    );
    assert_eq!(mailer.deliver(&app.db, Utc::now()).await.unwrap(), 3);
    let token = token_in(&sink.messages()[0]);
    // Thirty-one minutes later.
    password_resets::Entity::update_many()
        .col_expr(
            password_resets::Column::ExpiresAt,
            sea_orm::sea_query::Expr::value(Utc::now() - Duration::minutes(1)),
        )
        .exec(&app.db)
        .await
        .unwrap();
    let response = reset(&app, &token, NEW_PASSWORD).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    app.sign_in(CASE_WORKER).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_e_mail_the_administration_resets_and_she_must_choose_her_own_first() {
    let app = TestApp::spawn().await;
    // No SMTP server: asking by e-mail is explained, not pretended.
    let response = ask(&app, CASE_WORKER).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);

    let admin = app.sign_in("admin@anello.test").await;
    let id = app.user_id(CASE_WORKER).await.to_string();
    let users: Vec<app::admin::model::UserRow> = app
        .call(
            "admin/users",
            &[("filter[search]", "operatrice@")],
            Some(&admin),
        )
        .await;
    let row = users.iter().find(|u| u.email == CASE_WORKER).unwrap();
    let mut form: Vec<(&str, String)> = vec![
        ("form[id]", id.clone()),
        ("form[email]", CASE_WORKER.to_string()),
        ("form[display_name]", row.display_name.clone()),
        ("form[organisation_id]", row.organisation_id.to_string()),
        ("form[language]", String::new()),
        ("form[password]", "provvisoria di Sara 2026".to_string()),
    ];
    for role in &row.roles {
        form.push((role_field(*role), "on".to_string()));
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = app.call_raw("admin/users/save", &pairs, Some(&admin)).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );

    // She signs in with it and lands on her account; nothing else answers until she
    // chooses her own.
    let response = app
        .call_raw(
            "auth/sign_in",
            &[
                ("email", CASE_WORKER),
                ("password", "provvisoria di Sara 2026"),
            ],
            None,
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(location(&response), "/il-mio-account");
    let cookie = session_cookie(response.headers()).unwrap();
    let refused = app
        .call_raw("people/list", &[("filter[search]", "")], Some(&cookie))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    let page = app.get("/persone", Some(&cookie)).await;
    assert_eq!(location(&page), "/il-mio-account");
    let response = app
        .call_raw(
            "account/password",
            &[
                ("form[current]", "provvisoria di Sara 2026"),
                ("form[new]", NEW_PASSWORD),
                ("form[repeat]", NEW_PASSWORD),
            ],
            Some(&cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let cookie = session_cookie(response.headers()).unwrap();
    let list = app
        .call_raw("people/list", &[("filter[search]", "")], Some(&cookie))
        .await;
    assert_eq!(list.status(), StatusCode::OK);
}

fn role_field(role: app::auth::model::Role) -> &'static str {
    use app::auth::model::Role;
    match role {
        Role::Administrator => "form[role_administrator]",
        Role::Coordinator => "form[role_coordinator]",
        Role::ReceptionManager => "form[role_reception_manager]",
        Role::CaseWorker => "form[role_case_worker]",
        Role::OutreachWorker => "form[role_outreach_worker]",
        Role::Trainer => "form[role_trainer]",
        Role::Partner => "form[role_partner]",
    }
}
