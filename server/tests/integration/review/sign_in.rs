//! Findings 2 and 3: sign-in limits nobody can turn against a colleague, and a session
//! that starts empty at each sign-in.

use app::entity::audit_log;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::*;
use crate::helpers::*;

/// Finding 3: an address reveal and the undo offer stayed in the session when someone
/// else signed in on the same browser.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_sign_in_on_the_same_browser_starts_with_an_empty_session() {
    let app = TestApp::spawn().await;
    let manager = app.sign_in(RECEPTION).await;
    let safe_house = app.safe_house_of(TORINO_BODY).await;
    let address = safe_house.address.clone().unwrap();
    let revealed = app
        .call_raw(
            "beds/address/reveal",
            &[
                ("structure_id", &safe_house.id.to_string()),
                ("reason", "Accompagnare una nuova ospite"),
            ],
            Some(&manager),
        )
        .await;
    assert_eq!(revealed.status(), StatusCode::OK);
    let code = app.register_person(&manager, "Sessione").await;
    app.propose_for_shelter(&manager, &code).await;
    let mut placed = false;
    for bed in app.beds_of(TORINO_BODY, Some("women")).await {
        let response = app
            .call_raw(
                "beds/place",
                &[("code", &code), ("bed_id", &bed.id.to_string())],
                Some(&manager),
            )
            .await;
        if response.status() == StatusCode::OK {
            placed = true;
            break;
        }
    }
    assert!(placed, "a free bed for women in Torino on {}", app.backend);
    let before = app
        .call_raw("beds/board", &[("filter[province]", "")], Some(&manager))
        .await
        .text()
        .await
        .unwrap();
    assert!(before.contains(&address) && before.contains(&code));

    // A colleague entitled to reveal addresses herself signs in on the same browser.
    let colleague = app
        .sign_in_with(CASE_WORKER, DEMO_PASSWORD, Some(&manager))
        .await;
    let after = json(
        app.call_raw("beds/board", &[("filter[province]", "")], Some(&colleague))
            .await,
    )
    .await;
    assert!(
        after["undo"].is_null(),
        "undo offer kept: {}",
        after["undo"]
    );
    assert!(
        !after.to_string().contains(&address),
        "revealed address kept"
    );
    let html = app
        .get("/posti-letto", Some(&colleague))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains(&address));
}

/// The detail of the newest successful sign-in audit row of `email`.
async fn last_sign_in_detail(app: &TestApp, email: &str) -> Option<String> {
    use sea_orm::QueryOrder;
    let user_id = app.user_id(email).await.to_string();
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("auth.sign_in"))
        .filter(audit_log::Column::Outcome.eq("success"))
        .filter(audit_log::Column::ObjectId.eq(user_id))
        .order_by_desc(audit_log::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .expect("a successful sign-in")
        .detail
}

/// Finding 2: five wrong passwords from one address locked the account from there, and
/// the attempts refused after that still counted, so that a few dozen from one place
/// locked the account everywhere, the right password included.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sixty_wrong_passwords_from_one_address_lock_out_no_one_elsewhere() {
    use app::entity::sign_in_attempts;
    let app = TestApp::spawn_configured(app::state::SignInLimits::default(), true).await;
    let mut statuses = Vec::new();
    for _ in 0..60 {
        statuses.push(
            app.sign_in_from("203.0.113.9", CASE_WORKER, "indovina")
                .await,
        );
    }
    assert!(statuses[..5].iter().all(|s| *s == StatusCode::UNAUTHORIZED));
    assert!(statuses[5..]
        .iter()
        .all(|s| *s == StatusCode::TOO_MANY_REQUESTS));
    // The per-address limit stays: the right password from there waits too.
    assert_eq!(
        app.sign_in_from("203.0.113.9", CASE_WORKER, DEMO_PASSWORD)
            .await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Refused attempts were not failures: five are counted, not sixty.
    let failures = sign_in_attempts::Entity::find()
        .filter(sign_in_attempts::Column::Succeeded.eq(false))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(failures, 5, "on {}", app.backend);
    assert_eq!(
        app.sign_in_from("198.51.100.20", CASE_WORKER, DEMO_PASSWORD)
            .await,
        StatusCode::OK
    );
}

/// Finding 2, the account-wide limit: wrong passwords from many addresses slow down the
/// account's sign-ins from unknown places, and refuse none; a place she signed in from
/// before is not even slowed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_attack_from_everywhere_slows_strangers_and_never_refuses_the_right_password() {
    let limits = app::state::SignInLimits {
        slowdown_step_ms: 1,
        slowdown_max_ms: 30,
        ..Default::default()
    };
    let app = TestApp::spawn_configured(limits, true).await;
    // Her office, known from an earlier sign-in.
    assert_eq!(
        app.sign_in_from("198.51.100.7", CASE_WORKER, DEMO_PASSWORD)
            .await,
        StatusCode::OK
    );
    for index in 0..60 {
        let address = format!("203.0.113.{}", index + 1);
        assert_eq!(
            app.sign_in_from(&address, CASE_WORKER, "indovina").await,
            StatusCode::UNAUTHORIZED,
            "attempt {index} on {}",
            app.backend
        );
    }
    assert_eq!(
        app.sign_in_from("198.51.100.7", CASE_WORKER, DEMO_PASSWORD)
            .await,
        StatusCode::OK
    );
    assert_eq!(last_sign_in_detail(&app, CASE_WORKER).await, None);
    // From a new place she waits a little, and is let in.
    assert_eq!(
        app.sign_in_from("198.51.100.99", CASE_WORKER, DEMO_PASSWORD)
            .await,
        StatusCode::OK
    );
    let detail = last_sign_in_detail(&app, CASE_WORKER)
        .await
        .unwrap_or_default();
    assert!(detail.starts_with("slowed_ms="), "{detail}");
}

/// Attempts older than a day are purged by the server's sweep.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_attempts_are_kept_for_a_day() {
    use app::entity::sign_in_attempts;
    use sea_orm::{ActiveModelTrait, Set};
    let app = TestApp::spawn().await;
    for hours in [1, 25] {
        sign_in_attempts::ActiveModel {
            account_key: Set(format!("{hours:064}")),
            address_key: Set(format!("{hours:064}")),
            succeeded: Set(false),
            attempted_at: Set(chrono::Utc::now() - chrono::Duration::hours(hours)),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    app::auth::throttle::purge(&app.db).await.unwrap();
    let left: Vec<String> = sign_in_attempts::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| row.account_key)
        .collect();
    assert_eq!(left, vec![format!("{:064}", 1)]);
}
