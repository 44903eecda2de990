//! `anello user create` and `anello user disable`, called as the binary calls them.

use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::*;
use app::entity::audit_log;
use server::config::CreateUserArgs;

fn args(email: &str, roles: &[&str]) -> CreateUserArgs {
    CreateUserArgs {
        email: email.to_string(),
        name: "Prima Amministratrice".to_string(),
        organisation: "Regione Valle d'Aosta - Coordinamento".to_string(),
        roles: roles.iter().map(|r| r.to_string()).collect(),
        language: Some("it".to_string()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_administrator_is_made_from_the_command_line_and_can_sign_in() {
    let app = TestApp::spawn().await;
    let password = "una password molto lunga";
    let id = server::users_cli::create_user(
        &app.db,
        args("Prima@Rete.example", &["administrator", "coordinator"]),
        password,
        true,
    )
    .await
    .expect("created");
    let cookie = app.sign_in_with("prima@rete.example", password, None).await;
    assert_eq!(
        app.whoami(&cookie).await.as_deref(),
        Some("prima@rete.example")
    );
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("user.create"))
        .filter(audit_log::Column::ObjectId.eq(id.to_string()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(audited, 1);

    // Twice the same e-mail, an unknown role, a short or (in production) demo password: refused.
    let again = server::users_cli::create_user(
        &app.db,
        args("prima@rete.example", &["coordinator"]),
        password,
        false,
    )
    .await;
    assert!(again.is_err());
    let role =
        server::users_cli::create_user(&app.db, args("b@rete.example", &["king"]), password, false)
            .await;
    assert!(role.unwrap_err().to_string().contains("unknown role"));
    let short = server::users_cli::create_user(
        &app.db,
        args("c@rete.example", &["trainer"]),
        "short",
        false,
    )
    .await;
    assert!(short.is_err());
    let demo = server::users_cli::create_user(
        &app.db,
        args("d@rete.example", &["trainer"]),
        DEMO_PASSWORD,
        true,
    )
    .await;
    assert!(demo.is_err(), "the demo password is refused in production");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disabling_from_the_command_line_ends_every_session() {
    let app = TestApp::spawn().await;
    let cookie = app.sign_in("operatrice@anello.test").await;
    server::users_cli::disable_user(&app.db, " Operatrice@anello.test ")
        .await
        .expect("disabled");
    assert_eq!(app.whoami(&cookie).await, None);
    let id = app.user_id("operatrice@anello.test").await;
    let left = app.sessions_of(id).await;
    assert_eq!(left, 0);
    assert!(
        server::users_cli::disable_user(&app.db, "nobody@anello.test")
            .await
            .is_err()
    );
}
