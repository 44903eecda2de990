//! Accepted answers, mentions and replies told to the people concerned, and read markers.

use app::forum::model::CategoryPage;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{last_id, new_thread, reply, thread_of, thread_page, CASE_WORKER, PARTNER, TRAINER};
use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_asker_accepts_an_answer_and_the_people_concerned_are_told() {
    let app = TestApp::spawn().await;
    let partner = app.sign_in(PARTNER).await;
    let trainer = app.sign_in(TRAINER).await;
    let worker = app.sign_in(CASE_WORKER).await;

    let response = new_thread(
        &app,
        &partner,
        "indicatori",
        "Indicatori di sfruttamento nella ristorazione",
        "Chi ha esperienza di controlli nei ristoranti? Chiedo anche a @laura.ferrero.",
    )
    .await;
    let id = thread_of(&location(&response));
    let trainer_id = app.user_id(TRAINER).await;
    let partner_id = app.user_id(PARTNER).await;
    let notifications = |user: i32, kind: &'static str| {
        let db = app.db.clone();
        async move {
            use app::entity::notifications;
            use sea_orm::PaginatorTrait;
            notifications::Entity::find()
                .filter(notifications::Column::UserId.eq(user))
                .filter(notifications::Column::Kind.eq(kind))
                .count(&db)
                .await
                .unwrap()
        }
    };
    assert_eq!(notifications(trainer_id, "forum_mention").await, 1);

    let response = reply(&app, &trainer, id, "Guardate **orari** e *alloggio*.").await;
    assert_eq!(response.status(), StatusCode::OK, "on {}", app.backend);
    let answer = last_id(&location(&response));
    assert_eq!(notifications(partner_id, "forum_reply").await, 1);

    // Only the asker (or a moderator) accepts.
    let accept = |cookie: String| {
        let app = &app;
        async move {
            app.call_raw(
                "forum/accept",
                &[("thread", &id.to_string()), ("post", &answer.to_string())],
                Some(&cookie),
            )
            .await
            .status()
        }
    };
    assert_eq!(accept(worker.clone()).await, StatusCode::FORBIDDEN);
    assert_eq!(accept(partner.clone()).await, StatusCode::OK);
    let page = thread_page(&app, &worker, id).await;
    assert_eq!(page.accepted_post_id, Some(answer));
    let accepted: Vec<bool> = page.posts.iter().map(|post| post.accepted).collect();
    assert_eq!(accepted, [false, true]);
    assert!(page.posts[1].html.contains("<strong>orari</strong>"));

    // The question cannot be its own answer.
    let first = page.posts[0].id.to_string();
    let response = app
        .call_raw(
            "forum/accept",
            &[("thread", &id.to_string()), ("post", &first)],
            Some(&partner),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Read markers: the category shows the thread as read for whoever opened it.
    let category: CategoryPage = app
        .call(
            "forum/category",
            &[("code", "indicatori"), ("tag", ""), ("page", "")],
            Some(&worker),
        )
        .await;
    let row = category.threads.iter().find(|row| row.id == id).unwrap();
    assert!(!row.unread);
    assert!(row.answered);
}
