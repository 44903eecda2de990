//! A request's signed-in user is its own (`RequestUser`), whatever owner a worker thread
//! still holds as its current one.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::reactive::computed::ScopedFuture;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::*;
use crate::auth::session_store::SeaOrmSessionStore;
use crate::testing::databases;

/// The parts of a request signed in as `user_id`, with the cell the server puts in each.
async fn request_of(store: Arc<SeaOrmSessionStore>, user_id: i32) -> Parts {
    let session = Session::new(None, store, None);
    session.insert(USER_ID_KEY, user_id).await.unwrap();
    let (mut parts, ()) = http::Request::builder()
        .uri("/api/people/list")
        .body(())
        .unwrap()
        .into_parts();
    parts.extensions.insert(session);
    parts.extensions.insert(RequestUser::default());
    parts
}

async fn user_id(db: &DatabaseConnection, email: &str) -> i32 {
    users::Entity::find()
        .filter(users::Column::Email.eq(email))
        .one(db)
        .await
        .unwrap()
        .expect("a demo user")
        .id
}

/// A page rendered for the reception manager leaves its owner as the thread's current
/// one, with her user loaded and, as the shell once did, in a context. A server function
/// called over HTTP by the case worker then gets an owner that is its child (that is how
/// `Owner::new` works): it must still see the case worker, not her.
#[tokio::test]
async fn a_request_never_takes_the_user_of_another_request() {
    for test in databases().await {
        let db = test.db.clone();
        let store = Arc::new(SeaOrmSessionStore::new(db.clone()));
        let manager = user_id(&db, "accoglienza@anello.test").await;
        let case_worker = user_id(&db, "operatrice.cuneo@anello.test").await;
        let state = AppState {
            leptos_options: LeptosOptions::builder().output_name("anello").build(),
            db: db.clone(),
            settings: Settings::for_tests(),
            events: crate::beds::live::Events::start(&db, crate::beds::live::read_nothing),
            unread: crate::notifications::live::UnreadCounts::start(&db),
            shutdown: Default::default(),
        };
        let page = Owner::new();
        page.set();
        let page_request = request_of(store.clone(), manager).await;
        let loaded = RequestUser::default();
        let manager_user = current_user_by_id(&db, manager).await.unwrap();
        loaded.0.set(manager_user).ok();
        provide_context(loaded);
        provide_context(page_request);
        provide_context(state.clone());

        let call = request_of(store.clone(), case_worker).await;
        let owner = Owner::new();
        let ctx = owner
            .with(|| {
                provide_context(call);
                provide_context(state.clone());
                ScopedFuture::new(request_context())
            })
            .await
            .unwrap();
        assert_eq!(
            ctx.user.map(|user| user.id),
            Some(case_worker),
            "{}",
            test.backend
        );
        drop(owner);
        drop(page);
        test.finish().await;
    }
}
