//! E-mail about notifications: off by default, each one as it comes or a daily summary
//! at 7:00 in Rome, through a real SMTP conversation (a stand-in server that keeps the
//! messages); the e-mail says only how many notifications wait; one-click unsubscribe.

use chrono::{TimeZone, Utc};
use reqwest::StatusCode;

use crate::helpers::*;
use app::notifications::model::{EmailMode, EmailSettings};

const PARTNER: &str = "partner@anello.test";
const TRAINER: &str = "formatrice@anello.test";
const CASE_WORKER: &str = "operatrice@anello.test";

/// Opens a thread and answers the thread's id.
async fn ask(app: &TestApp, cookie: &str, title: &str) -> String {
    let response = app
        .call_raw(
            "forum/threads/new",
            &[
                ("form[category]", "indicatori"),
                ("form[title]", title),
                ("form[body]", "Quali segnali annotare?"),
            ],
            Some(cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    location(&response)
        .trim_start_matches("/forum/discussioni/")
        .split('#')
        .next()
        .unwrap()
        .to_string()
}

async fn answer(app: &TestApp, cookie: &str, thread: &str, text: &str) {
    let response = app
        .call_raw(
            "forum/replies/new",
            &[("thread", thread), ("body", text)],
            Some(cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

async fn choose(app: &TestApp, cookie: &str, mode: &str) {
    let response = app
        .call_raw("notifications/email/save", &[("mode", mode)], Some(cookie))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
}

fn mailer(app: &TestApp, sink: &SmtpSink) -> server::mail::Mailer {
    server::mail::Mailer::new(
        &sink.url,
        "Anello <anello@rete.test>",
        &app.origin(),
        app::state::IdentityKey::new(app::state::IdentityKey::DEVELOPMENT),
    )
    .unwrap()
}

/// The 64 hex digits after `/disiscrizione/` in a message.
fn token_in(message: &str) -> String {
    let start = message
        .find("/disiscrizione/")
        .expect("an unsubscribe link")
        + 15;
    message[start..start + 64].to_string()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_notification_is_mailed_without_its_content_until_one_click_unsubscribes() {
    let sink = SmtpSink::start().await;
    let app = TestApp::spawn_with_mail().await;
    let mailer = mailer(&app, &sink);
    let partner = app.sign_in(PARTNER).await;
    let trainer = app.sign_in(TRAINER).await;

    let settings: EmailSettings = app.call("notifications/email", &[], Some(&partner)).await;
    assert_eq!(settings.mode, EmailMode::Off, "no e-mail unless asked for");
    assert!(settings.email_enabled);
    let title = "Segnali riservati da non mettere in una e-mail";
    let thread = ask(&app, &partner, title).await;
    answer(&app, &trainer, &thread, "Prima risposta.").await;
    assert_eq!(mailer.deliver(&app.db, Utc::now()).await.unwrap(), 0);

    // Asked for: what arrives from now on, not what was already there.
    choose(&app, &partner, "immediate").await;
    assert_eq!(mailer.deliver(&app.db, Utc::now()).await.unwrap(), 0);
    answer(&app, &trainer, &thread, "Seconda risposta.").await;
    assert_eq!(mailer.deliver(&app.db, Utc::now()).await.unwrap(), 1);
    assert_eq!(
        mailer.deliver(&app.db, Utc::now()).await.unwrap(),
        0,
        "sent once"
    );
    let messages = sink.messages();
    assert_eq!(messages.len(), 1);
    let message = &messages[0];
    assert!(message.contains("partner@anello.test"), "{message}");
    assert!(
        message.contains("Subject: Anello: 1 nuova notifica"),
        "{message}"
    );
    assert!(message.contains(&format!("{}/notifiche", app.origin())));
    assert!(message.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));
    assert!(
        !message.contains("Segnali riservati") && !message.contains("risposta"),
        "the e-mail never says what the notification is about: {message}"
    );

    // The mail program's one-click POST needs no sign-in.
    let token = token_in(message);
    let response = app
        .client
        .post(app.url(&format!("/disiscrizione/{token}")))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let settings: EmailSettings = app.call("notifications/email", &[], Some(&partner)).await;
    assert_eq!(settings.mode, EmailMode::Off);
    assert_eq!(
        audit_rows(
            &app,
            &app.user_id(PARTNER).await.to_string(),
            "notifications.unsubscribe",
            "success"
        )
        .await,
        1
    );
    answer(&app, &trainer, &thread, "Terza risposta.").await;
    assert_eq!(mailer.deliver(&app.db, Utc::now()).await.unwrap(), 0);

    // A link that is not valid changes nothing; a person following one is asked first.
    let unknown = app
        .client
        .post(app.url(&format!("/disiscrizione/{}", "0".repeat(64))))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    let opened = app.get(&format!("/disiscrizione/{token}"), None).await;
    assert_eq!(
        location(&opened),
        format!("/notifiche/disiscrizione/{token}")
    );
    let page = app
        .get(&format!("/notifiche/disiscrizione/{token}"), None)
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("Non ricevere più e-mail"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_daily_summary_leaves_once_a_day_after_seven_in_rome() {
    let sink = SmtpSink::start().await;
    let app = TestApp::spawn_with_mail().await;
    let mailer = mailer(&app, &sink);
    let worker = app.sign_in(CASE_WORKER).await;
    let trainer = app.sign_in(TRAINER).await;
    choose(&app, &worker, "daily").await;
    let thread = ask(&app, &worker, "Indicatori nei mercati rionali").await;
    answer(&app, &trainer, &thread, "Prima risposta.").await;
    answer(&app, &trainer, &thread, "Seconda risposta.").await;

    // 6:30 in Rome (5:30 UTC in winter): not yet; at 7:30 the day's summary, once.
    let early = Utc.with_ymd_and_hms(2030, 12, 2, 5, 30, 0).unwrap();
    assert_eq!(mailer.deliver(&app.db, early).await.unwrap(), 0);
    let morning = Utc.with_ymd_and_hms(2030, 12, 2, 6, 30, 0).unwrap();
    assert_eq!(mailer.deliver(&app.db, morning).await.unwrap(), 1);
    let noon = Utc.with_ymd_and_hms(2030, 12, 2, 11, 0, 0).unwrap();
    answer(&app, &trainer, &thread, "Terza risposta.").await;
    assert_eq!(mailer.deliver(&app.db, noon).await.unwrap(), 0);
    let next_day = Utc.with_ymd_and_hms(2030, 12, 3, 6, 5, 0).unwrap();
    assert_eq!(mailer.deliver(&app.db, next_day).await.unwrap(), 1);
    let messages = sink.messages();
    assert_eq!(messages.len(), 2);
    assert!(
        messages[0].contains("Subject: Anello: 2 nuove notifiche"),
        "{}",
        messages[0]
    );
    assert!(messages[0].contains("riepilogo"), "{}", messages[0]);
    assert!(messages[1].contains("Subject: Anello: 1 nuova notifica"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_an_smtp_server_the_settings_say_that_nothing_is_mailed() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let settings: EmailSettings = app.call("notifications/email", &[], Some(&worker)).await;
    assert!(!settings.email_enabled);
    let refused = app
        .call_raw(
            "notifications/email/save",
            &[("mode", "sempre")],
            Some(&worker),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
}
