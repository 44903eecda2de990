//! Notifications for the work itself: her person's planned exit overdue or a bed held for
//! her about to lapse tell the reference operator (once, however many replicas run the
//! round at once); a proposal tells the reception managers of the bodies with structures
//! in her province; the unread count reaches every open page as it changes.

use std::time::Duration;

use chrono::Utc;
use reqwest::header::{ACCEPT, COOKIE};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

use crate::helpers::*;
use app::entity::{notifications, placements, structures};
use app::notifications::reminders::send_reminders;

const CASE_WORKER: &str = "operatrice@anello.test";
const MANAGER: &str = "accoglienza@anello.test";
const CUNEO_MANAGER: &str = "accoglienza.cuneo@anello.test";
const BODY: &str = "Cooperativa Progetto Tenda";

/// Her notifications of a kind about a subject.
async fn told(app: &TestApp, user_id: i32, kind: &str, subject: &str) -> usize {
    notifications::Entity::find()
        .filter(notifications::Column::UserId.eq(user_id))
        .filter(notifications::Column::Kind.eq(kind))
        .filter(notifications::Column::Subject.eq(subject))
        .all(&app.db)
        .await
        .unwrap()
        .len()
}

/// A woman registered by the case worker, who is made her reference operator.
async fn her_person(app: &TestApp, cookie: &str, family_name: &str) -> (String, i32) {
    let code = app.register_person(cookie, family_name).await;
    let worker = app.user_id(CASE_WORKER).await;
    let person = app::entity::people::Entity::find()
        .filter(app::entity::people::Column::Code.eq(code.as_str()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let response = app
        .call_raw(
            "people/organisations/reference",
            &[
                ("code", code.as_str()),
                ("reference_user_id", &worker.to_string()),
                ("handover_note", ""),
            ],
            Some(cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK, "on {}", app.backend);
    (code, person.id)
}

/// Proposes her for a place for women in the Cuneo province, wanted from today.
async fn propose_in_cuneo(app: &TestApp, cookie: &str, code: &str) {
    let today = app::kernel::clock::today().to_string();
    let response = app
        .call_raw(
            "people/waiting_list/add",
            &[
                ("code", code),
                ("form[urgency]", "high"),
                ("form[target_group]", "women"),
                ("form[wanted_from]", &today),
                ("form[preferred_province]", "CN"),
            ],
            Some(cookie),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "proposal on {}",
        app.backend
    );
}

/// A free bed of the body for women, neither held nor out of service.
async fn free_bed(app: &TestApp) -> app::entity::beds::Model {
    let occupied = app.occupied_beds().await;
    app.beds_of(BODY, Some("women"))
        .await
        .into_iter()
        .find(|bed| {
            !occupied.contains(&bed.id)
                && bed.held_until.is_none()
                && bed.out_of_service_reason.is_none()
        })
        .expect("a free bed")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overdue_exit_and_a_lapsing_hold_tell_her_operator_once() {
    let app = TestApp::spawn().await;
    let worker_cookie = app.sign_in(CASE_WORKER).await;
    let worker = app.user_id(CASE_WORKER).await;
    let (code, person_id) = her_person(&app, &worker_cookie, "Promemoria").await;
    app.propose_for_shelter(&worker_cookie, &code).await;

    // A stay whose planned exit was two days ago (written as the board would have, with
    // the day since passed).
    let bed = free_bed(&app).await;
    let today = app::kernel::clock::today();
    let stay = placements::ActiveModel {
        person_id: Set(person_id),
        bed_id: Set(bed.id),
        structure_id: Set(bed.structure_id),
        started_on: Set(today - chrono::Duration::days(30)),
        planned_exit_on: Set(Some(today - chrono::Duration::days(2))),
        ended_on: Set(None),
        end_reason: Set(None),
        created_by: Set(app.user_id(MANAGER).await),
        created_at: Set(Utc::now()),
        ended_by: Set(None),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();

    // Two replicas' rounds at once, then a third: one reminder.
    let now = Utc::now();
    let (first, second) = tokio::join!(send_reminders(&app.db, now), send_reminders(&app.db, now));
    first.unwrap();
    second.unwrap();
    send_reminders(&app.db, now).await.unwrap();
    assert_eq!(
        told(&app, worker, "planned_exit_overdue", &code).await,
        1,
        "on {}",
        app.backend
    );

    // A new planned day, passed too: a new reminder.
    let mut moved: placements::ActiveModel = stay.clone().into();
    moved.planned_exit_on = Set(Some(today - chrono::Duration::days(1)));
    moved.update(&app.db).await.unwrap();
    send_reminders(&app.db, now).await.unwrap();
    assert_eq!(told(&app, worker, "planned_exit_overdue", &code).await, 2);
    // The exit recorded: nothing more.
    let mut ended: placements::ActiveModel = stay.into();
    ended.ended_on = Set(Some(today));
    ended.update(&app.db).await.unwrap();

    // A bed held for her for 10 hours: not yet; an hour before it lapses: once.
    let manager = app.sign_in(MANAGER).await;
    let held = free_bed(&app).await;
    let response = app
        .call_raw(
            "beds/hold",
            &[
                ("bed_id", &held.id.to_string()),
                ("person_code", &code),
                ("hours", "10"),
            ],
            Some(&manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK, "hold on {}", app.backend);
    send_reminders(&app.db, Utc::now()).await.unwrap();
    assert_eq!(told(&app, worker, "hold_lapsing", &code).await, 0);
    let later = Utc::now() + chrono::Duration::hours(9);
    send_reminders(&app.db, later).await.unwrap();
    send_reminders(&app.db, later).await.unwrap();
    assert_eq!(
        told(&app, worker, "hold_lapsing", &code).await,
        1,
        "on {}",
        app.backend
    );
    // Lapsed: nothing more; and the overdue exit, recorded, is not told again.
    send_reminders(&app.db, Utc::now() + chrono::Duration::hours(11))
        .await
        .unwrap();
    assert_eq!(told(&app, worker, "hold_lapsing", &code).await, 1);
    assert_eq!(told(&app, worker, "planned_exit_overdue", &code).await, 2);

    // Her notifications page says it in words, with the person's page as the link.
    let page = app
        .get("/notifiche", Some(&worker_cookie))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains(&format!("Il posto letto tenuto per {code}")),
        "{page}"
    );
    assert!(page.contains(&format!("/persone/{code}")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_girl_turning_eighteen_within_sixty_days_is_told_to_her_operator_once() {
    let app = TestApp::spawn().await;
    let worker_cookie = app.sign_in(CASE_WORKER).await;
    let worker = app.user_id(CASE_WORKER).await;
    let today = app::kernel::clock::today();
    let born = |days_to_eighteen: i64| {
        let birthday = today + chrono::Duration::days(days_to_eighteen);
        birthday
            .checked_sub_months(chrono::Months::new(18 * 12))
            .unwrap()
            .to_string()
    };
    // Registered by the case worker, her reference operator.
    let soon = crate::placement_rules::register(
        &app,
        &worker_cookie,
        &[("form[date_of_birth]", &born(45))],
    )
    .await;
    let later = crate::placement_rules::register(
        &app,
        &worker_cookie,
        &[("form[date_of_birth]", &born(75))],
    )
    .await;
    let now = Utc::now();
    let (first, second) = tokio::join!(send_reminders(&app.db, now), send_reminders(&app.db, now));
    first.unwrap();
    second.unwrap();
    send_reminders(&app.db, now).await.unwrap();
    assert_eq!(
        told(&app, worker, "coming_of_age", &soon).await,
        1,
        "on {}",
        app.backend
    );
    assert_eq!(told(&app, worker, "coming_of_age", &later).await, 0);
    // The notification speaks of her by code and links to her page, in Italian.
    let page = app
        .get("/notifiche", Some(&worker_cookie))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains(&format!("{soon} compie 18 anni entro due mesi")));
    assert!(page.contains(&format!("/persone/{soon}")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proposal_tells_the_reception_managers_of_her_province() {
    let app = TestApp::spawn().await;
    let worker_cookie = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker_cookie, "Proposta").await;
    propose_in_cuneo(&app, &worker_cookie, &code).await;

    let in_cuneo = |organisation: i32| {
        let db = app.db.clone();
        async move {
            !structures::Entity::find()
                .filter(structures::Column::OrganisationId.eq(organisation))
                .filter(structures::Column::Province.eq("CN"))
                .filter(structures::Column::Active.eq(true))
                .all(&db)
                .await
                .unwrap()
                .is_empty()
        }
    };
    let cuneo = app.user_id(CUNEO_MANAGER).await;
    let torino = app.user_id(MANAGER).await;
    assert!(
        in_cuneo(
            app.organisation_id("Associazione Papa Giovanni XXIII")
                .await
        )
        .await
    );
    assert_eq!(
        told(&app, cuneo, "bed_proposal", &code).await,
        1,
        "on {}",
        app.backend
    );
    let torino_has_cuneo = in_cuneo(app.organisation_id(BODY).await).await;
    assert_eq!(
        told(&app, torino, "bed_proposal", &code).await,
        usize::from(torino_has_cuneo)
    );
    // Nobody but reception managers.
    assert_eq!(
        told(&app, app.user_id(CASE_WORKER).await, "bed_proposal", &code).await,
        0
    );
    let everyone = notifications::Entity::find()
        .filter(notifications::Column::Kind.eq("bed_proposal"))
        .filter(notifications::Column::Subject.eq(code.as_str()))
        .all(&app.db)
        .await
        .unwrap();
    assert!(everyone.iter().all(|row| row.link == "/posti-letto"));
    // Her board link is all it carries: the person's name is not in it.
    assert!(everyone.iter().all(|row| !row.subject.contains("Proposta")));
}

/// The next `event: unread`'s count, or none within `within`.
async fn next_count(
    response: &mut reqwest::Response,
    buffer: &mut String,
    within: Duration,
) -> Option<u64> {
    let deadline = tokio::time::Instant::now() + within;
    loop {
        if let Some(start) = buffer.find("event: unread") {
            if let Some(length) = buffer[start..].find("\n\n") {
                let event = buffer[start..start + length].to_string();
                buffer.drain(..start + length + 2);
                return event
                    .lines()
                    .find_map(|line| line.strip_prefix("data: "))
                    .and_then(|data| data.parse().ok());
            }
        }
        let chunk = tokio::time::timeout_at(deadline, response.chunk())
            .await
            .ok()?;
        buffer.push_str(&String::from_utf8_lossy(&chunk.ok()??));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_unread_count_reaches_an_open_page_as_it_changes() {
    let app = TestApp::spawn().await;
    let path = app::notifications::live::UNREAD_EVENTS_PATH;
    // Signed out: refused, translated.
    let refused = app.get(path, None).await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);

    let worker_cookie = app.sign_in(CASE_WORKER).await;
    let cuneo_cookie = app.sign_in(CUNEO_MANAGER).await;
    let mut stream = app
        .client
        .get(app.url(path))
        .header(ACCEPT, "text/event-stream")
        .header(COOKIE, &cuneo_cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), StatusCode::OK);
    let mut buffer = String::new();
    let first = next_count(&mut stream, &mut buffer, Duration::from_secs(10))
        .await
        .expect("her count when the page opens");

    // A proposal in Cuneo: her count grows by one, without a navigation.
    let code = app.register_person(&worker_cookie, "Contatore").await;
    propose_in_cuneo(&app, &worker_cookie, &code).await;
    let grown = next_count(&mut stream, &mut buffer, Duration::from_secs(15)).await;
    assert_eq!(grown, Some(first + 1), "on {}", app.backend);

    // All read (in another tab): the count falls to none.
    let response = app
        .call_raw("notifications/read", &[("id", "")], Some(&cuneo_cookie))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let none = next_count(&mut stream, &mut buffer, Duration::from_secs(15)).await;
    assert_eq!(none, Some(0), "on {}", app.backend);
}

/// Her session as if she had last done something ten minutes ago; her session row.
async fn idle_for_ten_minutes(app: &TestApp, user_id: i32) -> app::entity::sessions::Model {
    use app::entity::sessions;
    let row = sessions::Entity::find()
        .filter(sessions::Column::UserId.eq(user_id))
        .one(&app.db)
        .await
        .unwrap()
        .expect("her session");
    let ten_minutes_ago = (Utc::now() - chrono::Duration::minutes(10)).timestamp();
    let mut data: serde_json::Value = serde_json::from_str(&row.data).unwrap();
    data["seen_at"] = serde_json::json!(ten_minutes_ago);
    let mut update: sessions::ActiveModel = row.into();
    update.data = Set(data.to_string());
    update.expires_at = Set(Utc::now() + chrono::Duration::minutes(20));
    update.update(&app.db).await.unwrap()
}

fn seen_at(row: &app::entity::sessions::Model) -> serde_json::Value {
    serde_json::from_str::<serde_json::Value>(&row.data).unwrap()["seen_at"].clone()
}

async fn session_row(app: &TestApp, id: &str) -> app::entity::sessions::Model {
    app::entity::sessions::Entity::find_by_id(id.to_string())
        .one(&app.db)
        .await
        .unwrap()
        .expect("her session")
}

/// A page left open reopens its event streams by itself: that is not her activity, and
/// must not keep her signed in past the idle timeout; a page she opens is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_event_stream_does_not_keep_an_idle_session_alive() {
    let app = TestApp::spawn().await;
    let cookie = app.sign_in(CUNEO_MANAGER).await;
    let idle = idle_for_ten_minutes(&app, app.user_id(CUNEO_MANAGER).await).await;

    for path in [
        app::notifications::live::UNREAD_EVENTS_PATH,
        app::beds::live::EVENTS_PATH,
    ] {
        let mut stream = app
            .client
            .get(app.url(path))
            .header(ACCEPT, "text/event-stream")
            .header(COOKIE, &cookie)
            .send()
            .await
            .unwrap();
        assert_eq!(stream.status(), StatusCode::OK, "{path}");
        assert!(stream.headers().get("set-cookie").is_none(), "{path}");
        // The stream has started (its opening comment), then closes.
        let _ = tokio::time::timeout(Duration::from_secs(5), stream.chunk()).await;
        drop(stream);
        let after = session_row(&app, &idle.id).await;
        let moved = (after.expires_at - idle.expires_at).num_seconds().abs();
        assert!(
            moved < 1,
            "{path} moved her timeout by {moved} s on {}",
            app.backend
        );
        assert_eq!(seen_at(&after), seen_at(&idle), "{path}");
    }

    // A page she opens is activity: the idle timeout starts again.
    let page = app.get("/notifiche", Some(&cookie)).await;
    assert_eq!(page.status(), StatusCode::OK);
    let after = session_row(&app, &idle.id).await;
    assert!(
        after.expires_at - idle.expires_at > chrono::Duration::minutes(5),
        "on {}",
        app.backend
    );
}
