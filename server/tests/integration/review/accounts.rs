//! Findings 9 and 11: accounts changed by the coordinator, and moderator rights that
//! outlive a move.

use app::entity::audit_log;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::*;
use crate::helpers::*;

/// Finding 9: the coordinator could set a colleague's password, or open an account that
/// reads case data in a body, and use it unseen.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn accounts_changed_by_the_coordinator_are_told_to_their_holder_and_body() {
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let tenda = app.organisation_id(TORINO_BODY).await;
    let worker_id = app.user_id(CASE_WORKER).await;
    let manager_id = app.user_id(RECEPTION).await;
    let set = save_account(
        &app,
        &coordinator,
        &account_form(
            Some(worker_id),
            CASE_WORKER,
            tenda,
            "case_worker",
            COLLEAGUE_PASSWORD,
        ),
    )
    .await;
    assert_eq!(set.status(), StatusCode::OK, "on {}", app.backend);
    assert_eq!(
        notifications_of(&app, worker_id, "password_set_by_other").await,
        1
    );
    assert_eq!(
        notifications_of(&app, manager_id, "password_set_by_other").await,
        1
    );
    let coordinator_id = app.user_id("coordinatrice@anello.test").await.to_string();
    let row = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("user.update"))
        .filter(audit_log::Column::ObjectId.eq(worker_id.to_string()))
        .one(&app.db)
        .await
        .unwrap()
        .expect("the change is audited");
    assert_eq!(
        row.actor_user_id.map(|id| id.to_string()),
        Some(coordinator_id)
    );
    assert!(row.detail.unwrap_or_default().contains("password"));

    // A new account that reads case data in the body: its managers are told.
    let opened = save_account(
        &app,
        &coordinator,
        &account_form(
            None,
            "nuova@anello.test",
            tenda,
            "case_worker",
            COLLEAGUE_PASSWORD,
        ),
    )
    .await;
    assert_eq!(opened.status(), StatusCode::OK);
    let new_id = app.user_id("nuova@anello.test").await;
    assert_eq!(
        notifications_of(&app, manager_id, "case_account_opened").await,
        1
    );
    assert_eq!(
        notifications_of(&app, new_id, "case_account_opened").await,
        1
    );
    // A partner's account reads no case data: nobody is told.
    let prefecture = app.organisation_id("Prefettura di Torino").await;
    let partner = save_account(
        &app,
        &coordinator,
        &account_form(
            None,
            "prefettura2@anello.test",
            prefecture,
            "partner",
            COLLEAGUE_PASSWORD,
        ),
    )
    .await;
    assert_eq!(partner.status(), StatusCode::OK);
    assert_eq!(
        notifications_of(&app, manager_id, "case_account_opened").await,
        1
    );
}

/// Finding 11: a member moved into a partner organisation kept her moderator rights.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn moving_a_moderator_into_a_partner_organisation_ends_her_moderation() {
    use app::entity::forum_moderators;
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let trainer_id = app.user_id("formatrice@anello.test").await;
    let named = app
        .call_raw(
            "admin/forum/moderator",
            &[
                ("category", "formazione"),
                ("user", &trainer_id.to_string()),
                ("on", "1"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(named.status(), StatusCode::OK, "on {}", app.backend);
    let prefecture = app.organisation_id("Prefettura di Torino").await;
    let moved = save_account(
        &app,
        &coordinator,
        &account_form(
            Some(trainer_id),
            "formatrice@anello.test",
            prefecture,
            "partner",
            "",
        ),
    )
    .await;
    assert_eq!(moved.status(), StatusCode::OK);
    let rows = forum_moderators::Entity::find()
        .filter(forum_moderators::Column::UserId.eq(trainer_id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(rows, 0);
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("forum.moderator.remove"))
        .filter(audit_log::Column::Detail.contains("moved_to_partner"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(audited, 1);
}
