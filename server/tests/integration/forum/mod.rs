//! The knowledge forum: who reads and writes where, the path of a post from the
//! personal-data guard through review to publication, accepted answers, locks, hiding,
//! edit history for moderators, mentions and replies told to the people concerned, and
//! XSS payloads rendered inert in the page.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::Value;

use crate::helpers::*;

const PARTNER: &str = "partner@anello.test";
const TRAINER: &str = "formatrice@anello.test";
const CASE_WORKER: &str = "operatrice@anello.test";
const COORDINATOR: &str = "coordinatrice@anello.test";

/// The id at the end of a path like `/forum/discussioni/7#messaggio-12` (the post) or
/// `/forum/bozze/12`.
fn last_id(path: &str) -> i32 {
    path.rsplit(['/', '-'])
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no id in {path:?}"))
}

fn thread_of(path: &str) -> i32 {
    path.trim_start_matches("/forum/discussioni/")
        .split('#')
        .next()
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("no thread in {path:?}"))
}

async fn new_thread(
    app: &TestApp,
    cookie: &str,
    category: &str,
    title: &str,
    body: &str,
) -> reqwest::Response {
    app.call_raw(
        "forum/threads/new",
        &[
            ("form[category]", category),
            ("form[title]", title),
            ("form[body]", body),
        ],
        Some(cookie),
    )
    .await
}

pub(crate) async fn reply(
    app: &TestApp,
    cookie: &str,
    thread: i32,
    body: &str,
) -> reqwest::Response {
    app.call_raw(
        "forum/replies/new",
        &[("thread", &thread.to_string()), ("body", body)],
        Some(cookie),
    )
    .await
}

async fn thread(app: &TestApp, cookie: &str, id: i32) -> (StatusCode, Value) {
    let response = app
        .call_raw(
            "forum/thread",
            &[("id", &id.to_string()), ("quote", "")],
            Some(cookie),
        )
        .await;
    let status = response.status();
    (status, json(response).await)
}

pub(crate) async fn demo_thread(app: &TestApp, title_start: &str) -> i32 {
    use app::entity::forum_threads;
    forum_threads::Entity::find()
        .filter(forum_threads::Column::Title.starts_with(title_start))
        .one(&app.db)
        .await
        .unwrap()
        .expect("demo thread")
        .id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_partner_reads_and_posts_where_allowed_and_nowhere_else() {
    let app = TestApp::spawn().await;
    let partner = app.sign_in(PARTNER).await;

    let overview = json(app.call_raw("forum/overview", &[], Some(&partner)).await).await;
    let codes: Vec<&str> = overview["categories"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|category| category["code"].as_str())
        .collect();
    assert_eq!(
        codes.len(),
        7,
        "every category but the minors' on {}",
        app.backend
    );
    assert!(!codes.contains(&"minori"));

    let response = app
        .call_raw(
            "forum/category",
            &[("code", "minori"), ("tag", ""), ("page", "")],
            Some(&partner),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let minors_thread = demo_thread(&app, "Accertamento dell'età").await;
    assert_eq!(
        thread(&app, &partner, minors_thread).await.0,
        StatusCode::FORBIDDEN
    );
    let response = new_thread(&app, &partner, "minori", "Una domanda sui minori", "Testo").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // Training is read-only for partners.
    let response = new_thread(
        &app,
        &partner,
        "formazione",
        "Una domanda sui corsi",
        "Testo",
    )
    .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let denied = {
        use app::entity::audit_log;
        use sea_orm::PaginatorTrait;
        audit_log::Entity::find()
            .filter(audit_log::Column::Action.eq("forum.denied"))
            .count(&app.db)
            .await
            .unwrap()
    };
    assert!(denied >= 3, "refusals are audited on {}", app.backend);

    // Where partners post, the post is published at once (the demo partner has posted
    // before, so he is not new).
    let response = new_thread(
        &app,
        &partner,
        "indicatori",
        "Indicatori nei controlli stradali",
        "Quali segnali annotare durante un controllo notturno?",
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK, "on {}", app.backend);
    let id = thread_of(&location(&response));
    let (status, page) = thread(&app, &partner, id).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(page["state"], "Published");

    // And every function about people, beds and plans refuses him.
    let target = app.user_id(PARTNER).await;
    for (endpoint, _) in app::auth::policy::SERVER_FUNCTIONS {
        if !["people/", "beds/", "planner/"]
            .iter()
            .any(|prefix| endpoint.starts_with(prefix))
        {
            continue;
        }
        let arguments = crate::policy_matrix::sample_arguments(endpoint, target)
            .unwrap_or_else(|| panic!("sample arguments for {endpoint}"));
        let form: Vec<(&str, &str)> = arguments
            .iter()
            .map(|(key, value)| (key.as_str(), value.as_str()))
            .collect();
        let response = app.call_raw(endpoint, &form, Some(&partner)).await;
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "{endpoint} must refuse a partner on {}",
            app.backend
        );
    }
}

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
    let (_, page) = thread(&app, &worker, id).await;
    assert_eq!(page["accepted_post_id"], answer);
    let accepted: Vec<bool> = page["posts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|post| post["accepted"].as_bool().unwrap())
        .collect();
    assert_eq!(accepted, [false, true]);
    assert!(page["posts"][1]["html"]
        .as_str()
        .unwrap()
        .contains("<strong>orari</strong>"));

    // The question cannot be its own answer.
    let first = page["posts"][0]["id"].as_i64().unwrap().to_string();
    let response = app
        .call_raw(
            "forum/accept",
            &[("thread", &id.to_string()), ("post", &first)],
            Some(&partner),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // Read markers: the category shows the thread as read for whoever opened it.
    let category = json(
        app.call_raw(
            "forum/category",
            &[("code", "indicatori"), ("tag", ""), ("page", "")],
            Some(&worker),
        )
        .await,
    )
    .await;
    let row = category["threads"]
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(row["unread"], false);
    assert_eq!(row["answered"], true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn personal_data_is_held_on_a_draft_until_the_author_confirms() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let partner = app.sign_in(PARTNER).await;
    let id = demo_thread(&app, "Quali indicatori").await;

    let text = "La ragazza è da noi in Pronta accoglienza Aurora, chiamate il 347 123 4567.";
    let response = reply(&app, &worker, id, text).await;
    assert_eq!(response.status(), StatusCode::OK, "on {}", app.backend);
    let draft_path = location(&response);
    assert!(draft_path.starts_with("/forum/bozze/"), "{draft_path}");
    let post = last_id(&draft_path).to_string();

    // Nobody else sees the held text, in the page or in the data.
    let (_, page) = thread(&app, &partner, id).await;
    assert!(!page.to_string().contains("347 123 4567"));
    let html = app
        .get(&format!("/forum/discussioni/{id}"), Some(&partner))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains("347 123 4567"));
    let response = app
        .call_raw("forum/drafts", &[("post", &post)], Some(&partner))
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    let draft = json(
        app.call_raw("forum/drafts", &[("post", &post)], Some(&worker))
            .await,
    )
    .await;
    let kinds: Vec<&str> = draft["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|finding| finding["kind"].as_str())
        .collect();
    assert_eq!(kinds, ["Phone", "Structure"], "on {}", app.backend);

    // Publishing unchanged without the tick (an unticked box sends nothing) keeps it a
    // draft.
    let response = app
        .call_raw(
            "forum/drafts/publish",
            &[("post", &post), ("body", text)],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK, "on {}", app.backend);
    assert!(location(&response).starts_with("/forum/bozze/"));
    // Edited to remove the data, it goes out.
    let response = app
        .call_raw(
            "forum/drafts/publish",
            &[
                ("post", &post),
                ("body", "Abbiamo accolto una persona con questi indicatori."),
                ("confirm", ""),
            ],
            Some(&worker),
        )
        .await;
    assert!(location(&response).starts_with("/forum/discussioni/"));
    let (_, page) = thread(&app, &partner, id).await;
    assert!(page.to_string().contains("Abbiamo accolto una persona"));
    assert!(!page.to_string().contains("Aurora"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_users_wait_for_review_and_moderators_hide_lock_and_see_history() {
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in(COORDINATOR).await;
    let worker = app.sign_in(CASE_WORKER).await;
    // The outreach worker has posted in the demo; a Cuneo reception manager has not.
    let newcomer = app.sign_in("accoglienza.cuneo@anello.test").await;
    let id = demo_thread(&app, "Conversione del permesso").await;

    let response = reply(&app, &newcomer, id, "Anche a Cuneo chiedono il contratto.").await;
    let post = last_id(&location(&response));
    let (_, page) = thread(&app, &worker, id).await;
    assert!(
        !page.to_string().contains("Anche a Cuneo"),
        "a first post waits for review on {}",
        app.backend
    );
    let queue = json(
        app.call_raw("forum/moderation", &[], Some(&coordinator))
            .await,
    )
    .await;
    assert_eq!(queue["pending"][0]["post_id"], post);
    let moderate = |post: i32, action: &'static str| {
        let app = &app;
        let coordinator = coordinator.clone();
        async move {
            app.call_raw(
                "forum/moderate/post",
                &[
                    ("post", &post.to_string()),
                    ("action", action),
                    ("note", ""),
                    ("back", "coda"),
                ],
                Some(&coordinator),
            )
            .await
            .status()
        }
    };
    // Only moderators moderate.
    let response = app
        .call_raw(
            "forum/moderate/post",
            &[
                ("post", &post.to_string()),
                ("action", "approve"),
                ("note", ""),
                ("back", ""),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(moderate(post, "approve").await, StatusCode::OK);
    let (_, page) = thread(&app, &worker, id).await;
    assert!(page.to_string().contains("Anche a Cuneo"));

    // The author edits; the moderator sees the earlier text, the others do not.
    let response = app
        .call_raw(
            "forum/posts/edit",
            &[
                ("post", &post.to_string()),
                ("body", "A Cuneo chiedono il contratto firmato."),
            ],
            Some(&newcomer),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK, "on {}", app.backend);
    let (_, page) = thread(&app, &coordinator, id).await;
    let edited = page["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == post)
        .unwrap()
        .clone();
    assert_eq!(
        edited["revisions"][0]["body"],
        "Anche a Cuneo chiedono il contratto."
    );
    let (_, page) = thread(&app, &worker, id).await;
    assert!(!page.to_string().contains("Anche a Cuneo"));

    // A flagged post reaches the queue; hiding it empties the body for readers.
    let response = app
        .call_raw(
            "forum/flag",
            &[
                ("post", &post.to_string()),
                ("reason", "Dettagli sulla Questura"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let queue = json(
        app.call_raw("forum/moderation", &[], Some(&coordinator))
            .await,
    )
    .await;
    assert_eq!(queue["flagged"][0]["post_id"], post);
    assert_eq!(moderate(post, "hide").await, StatusCode::OK);
    let (_, page) = thread(&app, &worker, id).await;
    let hidden = page["posts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == post)
        .unwrap()
        .clone();
    assert_eq!(hidden["hidden"], true);
    assert_eq!(hidden["html"], "");

    // A locked thread takes no replies.
    let response = app
        .call_raw(
            "forum/moderate/thread",
            &[
                ("thread", &id.to_string()),
                ("action", "lock"),
                ("category", ""),
                ("note", "Chiusa"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = reply(&app, &worker, id, "Un'altra risposta").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let queue = json(
        app.call_raw("forum/moderation", &[], Some(&coordinator))
            .await,
    )
    .await;
    let actions: Vec<&str> = queue["log"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|row| row["action"].as_str())
        .collect();
    assert_eq!(actions, ["Lock", "Hide", "Approve"], "on {}", app.backend);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn xss_payloads_reach_the_page_inert() {
    let app = TestApp::spawn().await;
    let trainer = app.sign_in(TRAINER).await;
    let reader = app.sign_in(PARTNER).await;
    let id = demo_thread(&app, "Quali indicatori").await;
    let payloads = [
        "<script>alert('xss-1')</script>",
        "<img src=x onerror=alert('xss-2')>",
        "[clicca](javascript:alert('xss-3'))",
        "<a href=\"https://example.org\" onclick=\"alert('xss-4')\">x</a>",
        "<svg onload=alert('xss-5')>",
    ];
    for payload in payloads {
        let response = reply(&app, &trainer, id, payload).await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{payload} on {}",
            app.backend
        );
    }
    let html = app
        .get(&format!("/forum/discussioni/{id}"), Some(&reader))
        .await
        .text()
        .await
        .unwrap();
    // Written HTML stays visible as text (escaped), so look for live markup only.
    for forbidden in [
        "<script>alert(",
        "<img",
        "<svg",
        "href=\"javascript:",
        // A live tag, not the escaped text of one (pulldown-cmark leaves quotes as they are).
        "<a href=\"https://example.org\" onclick",
    ] {
        assert!(
            !html.contains(forbidden),
            "{forbidden} survived on {}",
            app.backend
        );
    }
    // The raw HTML is shown as the text it is.
    assert!(html.contains("&lt;script&gt;"));
}

async fn search(app: &TestApp, cookie: &str, fields: &[(&str, &str)]) -> (StatusCode, Value) {
    let form: Vec<(String, String)> = fields
        .iter()
        .map(|(key, value)| (format!("form[{key}]"), value.to_string()))
        .collect();
    let form: Vec<(&str, &str)> = form
        .iter()
        .map(|(key, value)| (key.as_str(), value.as_str()))
        .collect();
    let response = app.call_raw("forum/search", &form, Some(cookie)).await;
    let status = response.status();
    (status, json(response).await)
}

fn hit_posts(page: &Value) -> Vec<i64> {
    page["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|hit| hit["post_id"].as_i64().unwrap())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_finds_italian_forms_without_accents_and_only_what_the_reader_may_read() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let partner = app.sign_in(PARTNER).await;
    let coordinator = app.sign_in(COORDINATOR).await;
    let harvest = demo_thread(&app, "Stagione della raccolta").await;

    let response = reply(
        &app,
        &worker,
        harvest,
        "Molte donne sfruttate nei campi: perché la città non interviene?",
    )
    .await;
    let visible = last_id(&location(&response)) as i64;
    let response = new_thread(
        &app,
        &worker,
        "minori",
        "Ragazzi sfruttati nelle consegne",
        "Li usano come corrieri, in cambio di un posto letto.",
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK, "on {}", app.backend);

    // Italian stemming: "sfruttamento" finds "sfruttate"; the minors' thread stays out of
    // the partner's results and in the case worker's.
    let (status, page) = search(&app, &partner, &[("q", "sfruttamento")]).await;
    assert_eq!(status, StatusCode::OK, "on {}", app.backend);
    assert_eq!(hit_posts(&page), [visible], "partner on {}", app.backend);
    let marked: Vec<&str> = page["hits"][0]["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|piece| piece[1] == true)
        .filter_map(|piece| piece[0].as_str())
        .collect();
    assert_eq!(marked, ["sfruttate"]);
    let (_, page) = search(&app, &worker, &[("q", "sfruttamento")]).await;
    assert_eq!(hit_posts(&page).len(), 2, "case worker on {}", app.backend);

    // Accents do not matter, either way.
    let (_, page) = search(&app, &partner, &[("q", "citta perche")]).await;
    assert_eq!(hit_posts(&page), [visible], "accents on {}", app.backend);

    // Filters: tag, author, category (one she may not read is refused like an unknown one).
    let (_, page) = search(&app, &partner, &[("q", "sfruttate"), ("tag", "CN")]).await;
    assert_eq!(hit_posts(&page), [visible]);
    let (_, page) = search(&app, &partner, &[("q", "sfruttate"), ("tag", "TO")]).await;
    assert!(hit_posts(&page).is_empty());
    let (_, page) = search(
        &app,
        &partner,
        &[("q", "sfruttate"), ("author", "@sara.colombo")],
    )
    .await;
    assert_eq!(hit_posts(&page), [visible]);
    let (_, page) = search(
        &app,
        &partner,
        &[("q", "sfruttate"), ("author", "laura.ferrero")],
    )
    .await;
    assert!(hit_posts(&page).is_empty());
    let (status, body) = search(
        &app,
        &partner,
        &[("q", "sfruttate"), ("category", "minori")],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&body, "category").as_deref(),
        Some("unknown_choice")
    );
    let (status, body) = search(&app, &partner, &[("q", "sfruttate"), ("from", "ieri")]).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(problem(&body, "from").as_deref(), Some("invalid_date"));

    // A hidden post is found no more; an edit is found by its new words.
    let response = app
        .call_raw(
            "forum/posts/edit",
            &[
                ("post", &visible.to_string()),
                ("body", "Molte donne sfruttate nei frutteti."),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let (_, page) = search(&app, &partner, &[("q", "frutteto")]).await;
    assert_eq!(hit_posts(&page), [visible], "edit on {}", app.backend);
    let (_, page) = search(&app, &partner, &[("q", "citta")]).await;
    assert!(hit_posts(&page).is_empty(), "old words on {}", app.backend);
    let response = app
        .call_raw(
            "forum/moderate/post",
            &[
                ("post", &visible.to_string()),
                ("action", "hide"),
                ("note", ""),
                ("back", ""),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let (_, page) = search(&app, &partner, &[("q", "sfruttamento")]).await;
    assert!(hit_posts(&page).is_empty(), "hidden on {}", app.backend);
}
