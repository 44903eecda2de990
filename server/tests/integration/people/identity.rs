//! Who sees an identity, who sees only the code and who is refused, in JSON and in the
//! page, with an audit row for every view and change.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::{
    count_audit, register, registration, COORDINATOR, CUNEO_CASE_WORKER, MARKER, TORINO_CASE_WORKER,
};
use crate::helpers::*;
use app::entity::audit_log;
use app::people::registry::model::{PeopleList, PersonAccess, PersonPage};

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
        serde_json::from_str::<PersonPage>(&body).unwrap().access,
        PersonAccess::Identity
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
    let page: PersonPage = serde_json::from_str(&body).unwrap();
    assert_eq!(page.access, PersonAccess::CodeOnly);
    assert!(page.identity.is_none());
    assert!(page.access_log.is_empty(), "the access log is the team's");

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
            .call_raw("people/list", &[("filter[search]", "")], Some(&cookie))
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
    let list: PeopleList = app
        .call("people/list", &[("filter[search]", &code)], Some(&cuneo))
        .await;
    assert_eq!(list.total, 1);
    assert!(
        !serde_json::to_string(&list).unwrap().contains(MARKER),
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
    let page: PersonPage = app
        .call("people/person", &[("code", &code)], Some(&torino))
        .await;
    let log = &page.access_log;
    assert!(log
        .iter()
        .any(|row| row.action == "person.view" && !row.who.is_empty()));
    assert!(log.iter().any(|row| row.outcome == "denied"));
}
