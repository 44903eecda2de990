use futures::future::join_all;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use crate::helpers::*;
use app::admin::model::OrganisationRow;
use app::entity::{audit_log, user_roles, users};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_creates_an_organisation_and_a_user_who_can_sign_in() {
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let organisation_id: i32 = app
        .call(
            "admin/organisations/save",
            &[
                ("form[id]", ""),
                ("form[name]", "Cooperativa Esempio"),
                ("form[kind]", "implementing_body"),
                ("form[province]", "BI"),
                ("form[active]", "on"),
            ],
            Some(&coordinator),
        )
        .await;

    let user_id: i32 = app
        .call(
            "admin/users/save",
            &[
                ("form[id]", ""),
                ("form[email]", " Nuova.Operatrice@Anello.test "),
                ("form[display_name]", "Nuova Operatrice"),
                ("form[organisation_id]", &organisation_id.to_string()),
                ("form[language]", "en"),
                ("form[password]", "una password lunga abbastanza"),
                ("form[role_case_worker]", "on"),
                ("form[role_outreach_worker]", "on"),
            ],
            Some(&coordinator),
        )
        .await;
    let mut roles: Vec<String> = user_roles::Entity::find()
        .filter(user_roles::Column::UserId.eq(user_id))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.role)
        .collect();
    roles.sort();
    assert_eq!(roles, ["case_worker", "outreach_worker"]);

    let cookie = app
        .sign_in_with(
            "nuova.operatrice@anello.test",
            "una password lunga abbastanza",
            None,
        )
        .await;
    assert_eq!(
        app.whoami(&cookie).await.as_deref(),
        Some("nuova.operatrice@anello.test")
    );

    let actions: Vec<String> = audit_log::Entity::find()
        .filter(audit_log::Column::ActorUserId.eq(app.user_id("coordinatrice@anello.test").await))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.action)
        .collect();
    assert!(actions.contains(&"organisation.create".to_string()));
    assert!(actions.contains(&"user.create".to_string()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_forms_answer_422_with_every_problem_and_change_nothing() {
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let before = users::Entity::find().all(&app.db).await.unwrap().len();
    let response = app
        .call_raw(
            "admin/users/save",
            &[
                ("form[id]", ""),
                ("form[email]", "not-an-email"),
                ("form[display_name]", ""),
                ("form[organisation_id]", "1"),
                ("form[language]", "it"),
                ("form[password]", "short"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(response).await;
    assert_eq!(body["code"], "invalid");
    assert_eq!(
        body["message"],
        "Alcuni campi vanno corretti: li trovi segnalati qui sotto."
    );
    let fields: Vec<&str> = body["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["email", "display_name", "roles", "password"]);
    assert_eq!(
        users::Entity::find().all(&app.db).await.unwrap().len(),
        before
    );

    // A taken e-mail is refused too.
    let response = app
        .call_raw(
            "admin/users/save",
            &[
                ("form[email]", "operatrice@anello.test"),
                ("form[display_name]", "Doppione"),
                ("form[organisation_id]", "1"),
                ("form[language]", "it"),
                ("form[password]", "una password lunga abbastanza"),
                ("form[role_trainer]", "on"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        json(response).await["problems"][0]["problem"],
        "already_taken"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_arguments_are_a_400_not_a_500() {
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let response = app
        .call_raw(
            "admin/users/set_active",
            &[("id", "abc"), ("active", "maybe")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(json(response).await["code"], "bad_request");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn nobody_disables_their_own_account() {
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let id = app.user_id("coordinatrice@anello.test").await.to_string();
    let response = app
        .call_raw(
            "admin/users/set_active",
            &[("id", &id), ("active", "false")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(
        app.whoami(&coordinator).await.as_deref(),
        Some("coordinatrice@anello.test")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_demo_network_has_the_seed_capacity_and_loads_idempotently() {
    let app = TestApp::spawn().await;
    let report = app::demo::load_demo_network(&app.db).await.unwrap();
    assert_eq!(report.structures, 28);
    assert_eq!(report.beds, 78);
    let capacity = app::home::ssr::capacity(&app.db, None).await.unwrap();
    assert_eq!(
        (capacity.emergency_structures, capacity.emergency_beds),
        (6, 15)
    );
    assert_eq!(
        (capacity.reception_structures, capacity.reception_beds),
        (22, 63)
    );
    assert_eq!(users::Entity::find().all(&app.db).await.unwrap().len(), 9);
    assert!(app::demo::refuse_demo_accounts(&app.db).await.is_err());
}

/// Many people saving at once: every write waits its turn, none fails with "database is
/// locked" (SQLite) or loses its change.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_saves_and_sign_ins_all_succeed() {
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let saves = (0..12).map(|i| {
        let (app, coordinator) = (&app, &coordinator);
        async move {
            let name = format!("Organizzazione concorrente {i}");
            app.call_raw(
                "admin/organisations/save",
                &[
                    ("form[name]", name.as_str()),
                    ("form[kind]", "partner"),
                    ("form[active]", "on"),
                ],
                Some(coordinator),
            )
            .await
            .status()
        }
    });
    let sign_ins = (0..4).map(|_| {
        let app = &app;
        async move {
            app.try_sign_in("operatrice@anello.test", DEMO_PASSWORD)
                .await
                .status()
        }
    });
    let (saved, signed_in) = tokio::join!(join_all(saves), join_all(sign_ins));
    assert!(saved.iter().all(|s| *s == StatusCode::OK), "{saved:?}");
    assert!(
        signed_in.iter().all(|s| *s == StatusCode::OK),
        "{signed_in:?}"
    );
    let organisations: Vec<OrganisationRow> = app
        .call("admin/organisations", &[], Some(&coordinator))
        .await;
    let count = organisations
        .iter()
        .filter(|o| o.name.contains("concorrente"))
        .count();
    assert_eq!(count, 12);
}

fn user_form<'a>(
    id: &'a str,
    email: &'a str,
    organisation: &'a str,
    roles: &[&'a str],
) -> Vec<(String, String)> {
    let mut form = vec![
        ("form[id]".to_string(), id.to_string()),
        ("form[email]".to_string(), email.to_string()),
        (
            "form[display_name]".to_string(),
            "Persona di prova".to_string(),
        ),
        (
            "form[organisation_id]".to_string(),
            organisation.to_string(),
        ),
        ("form[language]".to_string(), String::new()),
        (
            "form[password]".to_string(),
            if id.is_empty() {
                "una password lunga abbastanza".to_string()
            } else {
                String::new()
            },
        ),
    ];
    for role in roles {
        form.push((format!("form[role_{role}]"), "on".to_string()));
    }
    form
}

async fn save(app: &TestApp, cookie: &str, form: &[(String, String)]) -> reqwest::Response {
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.call_raw("admin/users/save", &pairs, Some(cookie)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn roles_must_fit_the_kind_of_organisation() {
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let prefecture = app
        .organisation_id("Prefettura di Torino")
        .await
        .to_string();
    // A prefecture user can never be given case work.
    let response = save(
        &app,
        &coordinator,
        &user_form("", "prefettura@anello.test", &prefecture, &["case_worker"]),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        json(response).await["problems"][0]["problem"],
        "role_not_allowed"
    );
    let response = save(
        &app,
        &coordinator,
        &user_form("", "prefettura@anello.test", &prefecture, &["partner"]),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);

    // A body with case workers cannot be turned into a partner organisation.
    let body = app
        .organisation_id("Cooperativa Progetto Tenda")
        .await
        .to_string();
    let response = app
        .call_raw(
            "admin/organisations/save",
            &[
                ("form[id]", body.as_str()),
                ("form[name]", "Cooperativa Progetto Tenda"),
                ("form[kind]", "partner"),
                ("form[province]", "TO"),
                ("form[active]", "on"),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(response).await["problems"][0]["field"], "kind");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_an_administrator_makes_or_changes_an_administrator() {
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let coordination = app
        .organisation_id("Regione Piemonte - Coordinamento rete antitratta")
        .await
        .to_string();
    let admin_id = app.user_id("admin@anello.test").await.to_string();

    let response = save(
        &app,
        &coordinator,
        &user_form(
            "",
            "nuovo.admin@anello.test",
            &coordination,
            &["administrator"],
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    // Resetting the administrator's password would be a takeover: refused.
    let mut reset = user_form(
        &admin_id,
        "admin@anello.test",
        &coordination,
        &["administrator"],
    );
    reset.push(("form[password]".into(), "una password dell'intruso".into()));
    reset.retain(|(k, v)| k != "form[password]" || !v.is_empty());
    let response = save(&app, &coordinator, &reset).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .call_raw(
            "admin/users/set_active",
            &[("id", admin_id.as_str()), ("active", "false")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    app.sign_in("admin@anello.test").await;

    // Nobody changes their own roles, not even the coordinator.
    let me = app.user_id("coordinatrice@anello.test").await.to_string();
    let response = save(
        &app,
        &coordinator,
        &user_form(
            &me,
            "coordinatrice@anello.test",
            &coordination,
            &["coordinator", "trainer"],
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);

    // The administrator may.
    let admin = app.sign_in("admin@anello.test").await;
    let response = save(
        &app,
        &admin,
        &user_form(
            "",
            "seconda.admin@anello.test",
            &coordination,
            &["administrator"],
        ),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_role_left_over_from_another_kind_confers_nothing() {
    use app::entity::user_roles;
    use sea_orm::{ActiveModelTrait, Set};
    let app = TestApp::spawn().await;
    // Written around the admin page, as a bug or a hand-edited database might.
    let partner = app.user_id("partner@anello.test").await;
    user_roles::ActiveModel {
        user_id: Set(partner),
        role: Set("case_worker".into()),
    }
    .insert(&app.db)
    .await
    .unwrap();
    let cookie = app.sign_in("partner@anello.test").await;
    let response = app.call_raw("people/contacts", &[], Some(&cookie)).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn production_refuses_any_active_account_with_the_demo_password() {
    use sea_orm::{ConnectionTrait, Statement};
    let app = TestApp::spawn().await;
    let backend = app.db.get_database_backend();
    // Every demo account disabled but one, renamed away from the demo domain.
    app.db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            "UPDATE users SET active = $1 WHERE email <> $2",
            [false.into(), "strada@anello.test".into()],
        ))
        .await
        .unwrap();
    app.db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            "UPDATE users SET email = $1 WHERE email = $2",
            ["strada@rete.example".into(), "strada@anello.test".into()],
        ))
        .await
        .unwrap();
    let refused = app::demo::refuse_demo_accounts(&app.db).await.unwrap_err();
    assert!(
        refused.to_string().contains("strada@rete.example"),
        "{refused}"
    );
    app.db
        .execute_raw(Statement::from_sql_and_values(
            backend,
            "UPDATE users SET active = $1",
            [false.into()],
        ))
        .await
        .unwrap();
    assert!(app::demo::refuse_demo_accounts(&app.db).await.is_ok());
}
