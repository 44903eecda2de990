//! The registry of people: who sees an identity, who sees only the code, who is refused;
//! audit rows for every view and change; consent before sharing; de-duplication hints.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::*;
use app::entity::{audit_log, people, person_organisations};

/// A string that must never reach an unentitled user, in any answer.
const MARKER: &str = "Zqxmarker";

const TORINO_CASE_WORKER: &str = "operatrice@anello.test";
const CUNEO_CASE_WORKER: &str = "operatrice.cuneo@anello.test";
const COORDINATOR: &str = "coordinatrice@anello.test";

fn registration(family_name: &str, given: &str, birth: &str) -> Vec<(&'static str, String)> {
    vec![
        ("form[given_names]", given.to_string()),
        ("form[family_name]", family_name.to_string()),
        ("form[aliases]", format!("{MARKER} alias")),
        ("form[date_of_birth]", birth.to_string()),
        ("form[gender]", "female".into()),
        ("form[nationality]", "NG".into()),
        ("form[languages]", "inglese, edo".into()),
        ("form[documents]", format!("passaporto {MARKER}123")),
        ("form[phone]", "+39 333 000 1111".into()),
        ("form[province]", "TO".into()),
        ("form[consent_processing]", "on".into()),
        ("form[exploitation][sexual_street]", "on".into()),
    ]
}

fn pairs<'a>(form: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    form.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

async fn register(app: &TestApp, cookie: &str, form: &[(&'static str, String)]) -> String {
    let response = app
        .call_raw("people/register", &pairs(form), Some(cookie))
        .await;
    let status = response.status();
    let body = response.text().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{body}");
    serde_json::from_str::<String>(&body).expect("the new code")
}

/// The person page as JSON and as server-rendered HTML (with its hydration data).
async fn both_views(
    app: &TestApp,
    code: &str,
    cookie: &str,
) -> (StatusCode, String, StatusCode, String) {
    let response = app
        .call_raw("people/person", &[("code", code)], Some(cookie))
        .await;
    let json_status = response.status();
    let json_body = response.text().await.unwrap();
    let response = app.get(&format!("/persone/{code}"), Some(cookie)).await;
    let html_status = response.status();
    let html = response.text().await.unwrap();
    (json_status, json_body, html_status, html)
}

/// Successful audit rows of `action` on the person `code`.
async fn count_audit(app: &TestApp, action: &str, code: &str) -> u64 {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .filter(audit_log::Column::Outcome.eq("success"))
        .filter(audit_log::Column::ObjectId.eq(code))
        .count(&app.db)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn identity_reaches_the_team_only_and_never_leaks_to_anyone_else() {
    let app = TestApp::spawn().await;
    let torino = app.sign_in(TORINO_CASE_WORKER).await;
    let code = register(
        &app,
        &torino,
        &registration(&format!("Okoro{MARKER}"), "Blessing", "2001-03-04"),
    )
    .await;
    assert!(
        app::people::registry::model::is_network_code(&code),
        "{code}"
    );
    assert!(!code.contains(MARKER));

    // The team of the organisation in charge sees who she is, in JSON and in HTML.
    let (status, body, html_status, html) = both_views(&app, &code, &torino).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(html_status, StatusCode::OK);
    assert!(body.contains(MARKER) && html.contains(MARKER));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&body).unwrap()["access"],
        "Identity"
    );

    // The coordinator follows the path by code only, until the person consents.
    let coordinator = app.sign_in(COORDINATOR).await;
    let (status, body, html_status, html) = both_views(&app, &code, &coordinator).await;
    assert_eq!((status, html_status), (StatusCode::OK, StatusCode::OK));
    assert!(!body.contains(MARKER), "coordinator JSON leaks identity");
    assert!(
        !html.contains(MARKER),
        "coordinator HTML or hydration data leaks identity"
    );
    assert!(html.contains(&code));
    let page: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(page["access"], "CodeOnly");
    assert!(page["identity"].is_null());
    assert!(
        page["access_log"].as_array().unwrap().is_empty(),
        "the access log is the team's"
    );

    // Another organisation's case worker, an outreach worker of a third organisation,
    // the trainer, the partner: refused, and nothing of her in any answer.
    for email in [
        CUNEO_CASE_WORKER,
        "strada@anello.test",
        "accoglienza.cuneo@anello.test",
        "formatrice@anello.test",
        "partner@anello.test",
    ] {
        let cookie = app.sign_in(email).await;
        let (status, body, html_status, html) = both_views(&app, &code, &cookie).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{email} JSON");
        assert_eq!(html_status, StatusCode::FORBIDDEN, "{email} HTML");
        assert!(
            !body.contains(MARKER) && !html.contains(MARKER),
            "{email} sees the marker"
        );
        let list = app
            .call_raw("people/list", &[("filter[code]", "")], Some(&cookie))
            .await;
        let list_body = list.text().await.unwrap();
        assert!(
            !list_body.contains(MARKER) && !list_body.contains(&code),
            "{email} list"
        );
        for (endpoint, extra) in [
            ("people/path/save", vec![("form[status]", "screening")]),
            (
                "people/consents/record",
                vec![
                    ("form[kind]", "processing"),
                    ("form[given_on]", "2026-01-01"),
                ],
            ),
            (
                "people/identity/save",
                vec![
                    ("form[given_names]", "X"),
                    ("form[family_name]", "Y"),
                    ("form[gender]", "female"),
                    ("form[province]", "TO"),
                ],
            ),
            (
                "people/organisations/add",
                vec![
                    ("form[organisation_id]", "1"),
                    ("form[override_reason]", ""),
                ],
            ),
        ] {
            let mut form = vec![("code", code.as_str())];
            form.extend(extra);
            let response = app.call_raw(endpoint, &form, Some(&cookie)).await;
            assert_eq!(
                response.status(),
                StatusCode::FORBIDDEN,
                "{email} {endpoint}"
            );
            assert!(!response.text().await.unwrap().contains(MARKER));
        }
        app.call_raw("auth/sign_out", &[], Some(&cookie)).await;
    }

    // Joint take-in: with her consent to share with the Cuneo body, that body's case
    // worker joins the team and sees the identity.
    let cuneo_body = app
        .organisation_id("Associazione Papa Giovanni XXIII")
        .await;
    let response = app
        .call_raw(
            "people/consents/record",
            &[
                ("code", &code),
                ("form[kind]", "sharing"),
                ("form[organisation_id]", &cuneo_body.to_string()),
                ("form[given_on]", &app::kernel::clock::today().to_string()),
            ],
            Some(&torino),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    let response = app
        .call_raw(
            "people/organisations/add",
            &[
                ("code", &code),
                ("form[organisation_id]", &cuneo_body.to_string()),
            ],
            Some(&torino),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    let cuneo = app.sign_in(CUNEO_CASE_WORKER).await;
    let (status, body, _, html) = both_views(&app, &code, &cuneo).await;
    assert_eq!(status, StatusCode::OK);
    assert!(body.contains(MARKER) && html.contains(MARKER));
    let list = json(
        app.call_raw("people/list", &[("filter[code]", &code)], Some(&cuneo))
            .await,
    )
    .await;
    assert_eq!(list["total"], 1);
    assert!(
        !list.to_string().contains(MARKER),
        "lists never carry identity fields"
    );

    // Consent to share with the coordination opens the identity to the coordinator.
    let coordination = app
        .organisation_id("Regione Piemonte - Coordinamento rete antitratta")
        .await;
    let response = app
        .call_raw(
            "people/consents/record",
            &[
                ("code", &code),
                ("form[kind]", "sharing"),
                ("form[organisation_id]", &coordination.to_string()),
                ("form[given_on]", &app::kernel::clock::today().to_string()),
            ],
            Some(&torino),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let (_, body, _, _) = both_views(&app, &code, &coordinator).await;
    assert!(body.contains(MARKER));

    // Every opening was recorded: code-only views, identity views and refusals.
    assert!(count_audit(&app, "person.identity.view", &code).await >= 6);
    assert!(count_audit(&app, "person.view", &code).await >= 2);
    let denied = audit_log::Entity::find()
        .filter(audit_log::Column::ObjectId.eq(code.as_str()))
        .filter(audit_log::Column::Outcome.eq("denied"))
        .count(&app.db)
        .await
        .unwrap();
    // Three front-line users of other organisations × six attempts each, refused on the
    // record; the trainer and the partner are refused earlier, by the policy table
    // (`access.denied` rows naming the function).
    assert_eq!(denied, 18, "each refusal is audited");
    let policy_refusals = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("access.denied"))
        .filter(audit_log::Column::ObjectId.starts_with("people/"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(
        policy_refusals,
        2 * 7,
        "trainer and partner: 2 views, the list and 4 changes"
    );
    assert_eq!(count_audit(&app, "person.create", &code).await, 1);
    assert_eq!(count_audit(&app, "person.organisation.add", &code).await, 1);
    assert_eq!(count_audit(&app, "person.consent.record", &code).await, 2);

    // The team sees that log on the page.
    let page = json(
        app.call_raw("people/person", &[("code", &code)], Some(&torino))
            .await,
    )
    .await;
    let log = page["access_log"].as_array().unwrap();
    assert!(log
        .iter()
        .any(|row| row["action"] == "person.view" && row["who"] != ""));
    assert!(log.iter().any(|row| row["outcome"] == "denied"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sharing_needs_consent_and_only_the_coordinator_overrides_with_a_reason() {
    let app = TestApp::spawn().await;
    let torino = app.sign_in(TORINO_CASE_WORKER).await;
    let code = register(&app, &torino, &registration("Edeh", "Favour", "1998-07-01")).await;
    let cuneo_body = app
        .organisation_id("Associazione Papa Giovanni XXIII")
        .await
        .to_string();

    let response = app
        .call_raw(
            "people/organisations/add",
            &[("code", &code), ("form[organisation_id]", &cuneo_body)],
            Some(&torino),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let body = json(response).await;
    assert_eq!(body["conflict"], "no_sharing_consent");
    assert!(body["message"].as_str().unwrap().contains("consenso"));
    // A team member cannot override, even with a reason.
    let response = app
        .call_raw(
            "people/organisations/add",
            &[
                ("code", &code),
                ("form[organisation_id]", &cuneo_body),
                ("form[override_reason]", "urgenza"),
            ],
            Some(&torino),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);

    let coordinator = app.sign_in(COORDINATOR).await;
    let response = app
        .call_raw(
            "people/organisations/add",
            &[("code", &code), ("form[organisation_id]", &cuneo_body)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::CONFLICT,
        "no reason, no override"
    );
    let response = app
        .call_raw(
            "people/organisations/add",
            &[
                ("code", &code),
                ("form[organisation_id]", &cuneo_body),
                (
                    "form[override_reason]",
                    "Trasferimento urgente per motivi di sicurezza",
                ),
            ],
            Some(&coordinator),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    let override_row = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("person.organisation.add_override"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("override audited");
    assert!(override_row.detail.unwrap().contains("motivi di sicurezza"));
    let refusals = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("person.organisation.add"))
        .filter(audit_log::Column::Outcome.eq("denied"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(refusals, 3);

    // Two organisations in charge now; the last one can never be removed.
    let torino_body = app
        .organisation_id("Cooperativa Progetto Tenda")
        .await
        .to_string();
    let response = app
        .call_raw(
            "people/organisations/remove",
            &[("code", &code), ("organisation_id", &cuneo_body)],
            Some(&torino),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = app
        .call_raw(
            "people/organisations/remove",
            &[("code", &code), ("organisation_id", &torino_body)],
            Some(&torino),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(
        json(response).await["conflict"],
        "last_organisation_in_charge"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn withdrawing_a_sharing_consent_takes_that_organisation_off_the_team() {
    let app = TestApp::spawn().await;
    let torino = app.sign_in(TORINO_CASE_WORKER).await;
    let code = register(&app, &torino, &registration("Popa", "Ioana", "1995-12-12")).await;
    let cuneo_body = app
        .organisation_id("Associazione Papa Giovanni XXIII")
        .await;
    let today = app::kernel::clock::today().to_string();
    app.call_raw(
        "people/consents/record",
        &[
            ("code", &code),
            ("form[kind]", "sharing"),
            ("form[organisation_id]", &cuneo_body.to_string()),
            ("form[given_on]", &today),
        ],
        Some(&torino),
    )
    .await;
    let response = app
        .call_raw(
            "people/organisations/add",
            &[
                ("code", &code),
                ("form[organisation_id]", &cuneo_body.to_string()),
            ],
            Some(&torino),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let page = json(
        app.call_raw("people/person", &[("code", &code)], Some(&torino))
            .await,
    )
    .await;
    let sharing = page["consents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["kind"] == "Sharing")
        .expect("sharing consent")["id"]
        .to_string();
    let response = app
        .call_raw(
            "people/consents/withdraw",
            &[("code", &code), ("consent_id", &sharing)],
            Some(&torino),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let person = people::Entity::find()
        .filter(people::Column::Code.eq(code.as_str()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let in_charge = person_organisations::Entity::find()
        .filter(person_organisations::Column::PersonId.eq(person.id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(in_charge, 1);
    let cuneo = app.sign_in(CUNEO_CASE_WORKER).await;
    let response = app
        .call_raw("people/person", &[("code", &code)], Some(&cuneo))
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_registration_of_the_same_person_names_the_other_organisation_only() {
    let app = TestApp::spawn().await;
    let torino = app.sign_in(TORINO_CASE_WORKER).await;
    let first = register(
        &app,
        &torino,
        &registration("Adébayo", "Precious Mercy", "2000-01-31"),
    )
    .await;
    let cuneo = app.sign_in(CUNEO_CASE_WORKER).await;
    let mut again = registration("ADEBAYO", "mercy precious", "2000-01-31");
    again.retain(|(k, _)| !["form[aliases]", "form[documents]", "form[province]"].contains(k));
    again.push(("form[province]", "CN".into()));
    let second = register(&app, &cuneo, &again).await;
    assert_ne!(first, second);

    let page = json(
        app.call_raw("people/person", &[("code", &second)], Some(&cuneo))
            .await,
    )
    .await;
    // The team learns that a duplicate is possible, not where; the coordination is told.
    assert_eq!(page["possible_duplicate"], true);
    let text = page.to_string();
    assert!(
        !text.contains(&first),
        "the other record's code is not revealed"
    );
    assert!(
        page.get("possible_duplicates").is_none(),
        "nor its organisation"
    );
    let coordinator_id = app.user_id(COORDINATOR).await;
    let told = app::entity::notifications::Entity::find()
        .filter(app::entity::notifications::Column::UserId.eq(coordinator_id))
        .filter(app::entity::notifications::Column::Kind.eq("possible_duplicate"))
        .filter(app::entity::notifications::Column::Subject.eq(second.as_str()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(told, 1);
    assert!(!text.contains(MARKER), "nor its fields");
    // The hash is keyed: it is not a plain digest of the fields.
    let stored = people::Entity::find()
        .filter(people::Column::Code.eq(second.as_str()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let hash = stored.identity_hash.unwrap();
    assert_eq!(hash.len(), 64);
    assert!(!hash.contains("adebayo"));

    // The coordinator reviews the pair and links the newer record to the first one.
    for email in [
        CUNEO_CASE_WORKER,
        "formatrice@anello.test",
        "admin@anello.test",
    ] {
        let cookie = app.sign_in(email).await;
        assert_eq!(
            app.call_raw("people/duplicates", &[], Some(&cookie))
                .await
                .status(),
            StatusCode::FORBIDDEN,
            "{email}"
        );
    }
    let coordinator = app.sign_in(COORDINATOR).await;
    let groups = json(
        app.call_raw("people/duplicates", &[], Some(&coordinator))
            .await,
    )
    .await;
    let group = groups
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["records"].to_string().contains(&first))
        .expect("the pair is listed");
    assert!(group.to_string().contains(&second));
    assert!(
        !group.to_string().contains(&hash),
        "the hash stays on the server"
    );
    let response = app
        .call_raw(
            "people/duplicates/link",
            &[("code", &second), ("earlier", &first)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    let response = app
        .call_raw(
            "people/duplicates/link",
            &[("code", &second), ("earlier", &first)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(count_audit(&app, "person.duplicate.link", &first).await, 1);
    assert_eq!(count_audit(&app, "person.duplicate.link", &second).await, 1);
    let page = json(
        app.call_raw("people/person", &[("code", &second)], Some(&cuneo))
            .await,
    )
    .await;
    assert_eq!(page["possible_duplicate"], false);
    assert_eq!(page["duplicate_of"], first.as_str());
    // Records that are not the same person by the hash cannot be linked.
    let other = register(
        &app,
        &torino,
        &registration("Diversa", "Persona", "1980-01-01"),
    )
    .await;
    let response = app
        .call_raw(
            "people/duplicates/link",
            &[("code", &other), ("earlier", &first)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_registrations_get_translated_field_errors() {
    let app = TestApp::spawn().await;
    let torino = app.sign_in(TORINO_CASE_WORKER).await;
    let response = app
        .call_raw(
            "people/register",
            &[
                ("form[given_names]", ""),
                ("form[gender]", "robot"),
                ("form[date_of_birth]", "31/12/2000"),
                ("form[province]", "ZZ"),
                ("form[unaccompanied]", "on"),
            ],
            Some(&torino),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(response).await;
    let problems = body["problems"].as_array().unwrap();
    for field in [
        "given_names",
        "family_name",
        "gender",
        "date_of_birth",
        "province",
    ] {
        assert!(
            problems.iter().any(|p| p["field"] == field),
            "{field} in {body}"
        );
    }
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    assert_eq!(
        people::Entity::find()
            .filter(people::Column::CreatedBy.eq(app.user_id(TORINO_CASE_WORKER).await))
            .count(&app.db)
            .await
            .unwrap(),
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_waiting_list_shows_codes_and_needs_to_every_reception_manager() {
    let app = TestApp::spawn().await;
    let torino = app.sign_in(TORINO_CASE_WORKER).await;
    let code = register(
        &app,
        &torino,
        &registration(&format!("Rusu{MARKER}"), "Svetlana", "1999-02-02"),
    )
    .await;
    let today = app::kernel::clock::today().to_string();
    let proposal = [
        ("code", code.as_str()),
        ("form[urgency]", "immediate"),
        ("form[target_group]", "mothers_with_children"),
        ("form[children]", "2"),
        ("form[language]", "rumeno"),
        ("form[preferred_province]", "TO"),
        ("form[wanted_from]", today.as_str()),
    ];
    let response = app
        .call_raw("people/waiting_list/add", &proposal, Some(&torino))
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    // Twice is a conflict, enforced by the database's partial unique index.
    let response = app
        .call_raw("people/waiting_list/add", &proposal, Some(&torino))
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(json(response).await["conflict"], "already_waiting");
    let person = people::Entity::find()
        .filter(people::Column::Code.eq(code.as_str()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(person.status, "proposal");

    // A reception manager of another body sees her code and needs, never her identity.
    let cuneo_manager = app.sign_in("accoglienza.cuneo@anello.test").await;
    let list = app
        .call_raw("people/waiting_list", &[], Some(&cuneo_manager))
        .await;
    assert_eq!(list.status(), StatusCode::OK);
    let body = list.text().await.unwrap();
    assert!(body.contains(&code) && !body.contains(MARKER), "{body}");
    let html = app
        .get("/lista-attesa", Some(&cuneo_manager))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains(&code) && !html.contains(MARKER));
    // A case worker of another body does not see other bodies' people waiting.
    let cuneo = app.sign_in(CUNEO_CASE_WORKER).await;
    let body = app
        .call_raw("people/waiting_list", &[], Some(&cuneo))
        .await
        .text()
        .await
        .unwrap();
    assert!(!body.contains(&code));
    // Only the team (or the coordinator) takes her off the list.
    let response = app
        .call_raw(
            "people/waiting_list/withdraw",
            &[("code", &code)],
            Some(&cuneo_manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .call_raw(
            "people/waiting_list/withdraw",
            &[("code", &code)],
            Some(&torino),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = app
        .call_raw("people/waiting_list", &[], Some(&cuneo_manager))
        .await
        .text()
        .await
        .unwrap();
    assert!(!body.contains(&code));
    assert_eq!(count_audit(&app, "person.waiting.add", &code).await, 1);
    assert_eq!(count_audit(&app, "person.waiting.withdraw", &code).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn export_and_anonymisation_are_for_the_team_logged_and_keep_the_counts() {
    let app = TestApp::spawn().await;
    let torino = app.sign_in(TORINO_CASE_WORKER).await;
    let code = register(
        &app,
        &torino,
        &registration(&format!("Zhou{MARKER}"), "Lin", "1997-06-06"),
    )
    .await;

    let response = app
        .get(&format!("/persone/{code}/esporta/json"), Some(&torino))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let export: serde_json::Value = response.json().await.unwrap();
    assert_eq!(export["code"], code.as_str());
    assert!(export["identity"]["family_name"]
        .as_str()
        .unwrap()
        .contains(MARKER));
    assert!(!export["consents"].as_array().unwrap().is_empty());
    let response = app
        .get(&format!("/persone/{code}/esporta/csv"), Some(&torino))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let bytes = response.bytes().await.unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "a byte-order mark for spreadsheets"
    );
    let csv = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(csv.starts_with("section,field,value"));
    assert!(csv.contains(MARKER));
    // Her phone number begins with "+": a spreadsheet would run it as a formula.
    assert!(csv.contains(",'+39 333 000 1111"), "{csv}");
    assert!(!csv.contains(",+39"));

    // Nobody else exports her data; the coordinator sees her code but not her identity,
    // so she cannot export either. Refusals are audited.
    for email in [CUNEO_CASE_WORKER, COORDINATOR, "partner@anello.test"] {
        let cookie = app.sign_in(email).await;
        let response = app
            .get(&format!("/persone/{code}/esporta/json"), Some(&cookie))
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{email}");
        assert!(!response.text().await.unwrap().contains(MARKER));
    }
    assert_eq!(
        app.get(&format!("/persone/{code}/esporta/json"), None)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(count_audit(&app, "person.export", &code).await, 2);

    let minors_before = people::Entity::find().count(&app.db).await.unwrap();
    let response = app
        .call_raw(
            "people/anonymise",
            &[("code", &code), ("reason", "request")],
            Some(&torino),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "a confirmation is needed"
    );
    let cuneo = app.sign_in(CUNEO_CASE_WORKER).await;
    let response = app
        .call_raw(
            "people/anonymise",
            &[("code", &code), ("reason", "request"), ("confirm", "on")],
            Some(&cuneo),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .call_raw(
            "people/anonymise",
            &[("code", &code), ("reason", "request"), ("confirm", "on")],
            Some(&torino),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );

    let page = json(
        app.call_raw("people/person", &[("code", &code)], Some(&torino))
            .await,
    )
    .await;
    assert!(page["identity"].is_null());
    assert_eq!(page["person"]["anonymised"], true);
    assert_eq!(
        page["person"]["gender"], "Female",
        "what the figures need stays"
    );
    assert_eq!(
        page["person"]["exploitation"],
        serde_json::json!(["SexualStreet"])
    );
    assert_eq!(
        people::Entity::find().count(&app.db).await.unwrap(),
        minors_before,
        "the record stays"
    );
    let html = app
        .get(&format!("/persone/{code}"), Some(&torino))
        .await
        .text()
        .await
        .unwrap();
    assert!(!html.contains(MARKER));
    let identities = app::entity::person_identities::Entity::find()
        .all(&app.db)
        .await
        .unwrap();
    assert!(identities.iter().all(|i| !i.family_name.contains(MARKER)));
    // Nothing more can be written on an anonymised record.
    let response = app
        .call_raw(
            "people/path/save",
            &[("code", &code), ("form[status]", "placed")],
            Some(&torino),
        )
        .await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert_eq!(count_audit(&app, "person.anonymise", &code).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_team_is_warned_before_the_eighteenth_birthday_and_minors_are_filtered() {
    use chrono::{Datelike, Duration, NaiveDate};
    let app = TestApp::spawn().await;
    let torino = app.sign_in(TORINO_CASE_WORKER).await;
    let turns_18 = app::kernel::clock::today() + Duration::days(30);
    let birth = NaiveDate::from_ymd_opt(turns_18.year() - 18, turns_18.month(), turns_18.day())
        .unwrap_or(turns_18 - Duration::days(18 * 365));
    let mut form = registration("Minore", "Favour", &birth.to_string());
    form.push(("form[unaccompanied]", "on".into()));
    form.push((
        "form[guardian]",
        "Avv. Tutrice volontaria, Tribunale per i minorenni di Torino".into(),
    ));
    let code = register(&app, &torino, &form).await;

    let page = json(
        app.call_raw("people/person", &[("code", &code)], Some(&torino))
            .await,
    )
    .await;
    let days = page["coming_of_age_in_days"].as_i64().expect("an alert");
    assert!((28..=31).contains(&days), "{days}");
    assert_eq!(page["person"]["minor"], true);
    assert_eq!(page["unaccompanied"], true);
    // The coordinator sees that she is a minor, not when she was born.
    let coordinator = app.sign_in(COORDINATOR).await;
    let page = json(
        app.call_raw("people/person", &[("code", &code)], Some(&coordinator))
            .await,
    )
    .await;
    assert!(page["coming_of_age_in_days"].is_null());
    assert_eq!(page["person"]["minor"], true);
    assert!(!page.to_string().contains(&birth.to_string()));

    let minors = json(
        app.call_raw(
            "people/list",
            &[("filter[age]", "minor"), ("filter[code]", &code)],
            Some(&torino),
        )
        .await,
    )
    .await;
    assert_eq!(minors["total"], 1);
    let adults = json(
        app.call_raw(
            "people/list",
            &[("filter[age]", "adult"), ("filter[code]", &code)],
            Some(&torino),
        )
        .await,
    )
    .await;
    assert_eq!(adults["total"], 0);
}
