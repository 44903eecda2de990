use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::*;
use app::entity::{audit_log, contacts};
use app::people::contacts::model::{Channel, ContactLog};
use app::people::model::Exploitation;

pub fn street_contact(today: &str) -> Vec<(&'static str, String)> {
    vec![
        ("form[occurred_on]", today.to_string()),
        ("form[channel]", "street_unit".into()),
        ("form[province]", "TO".into()),
        ("form[area]", "Corso Giulio Cesare".into()),
        ("form[gender]", "female".into()),
        ("form[age_band]", "18_24".into()),
        ("form[nationality]", "NG".into()),
        ("form[people_count]", "3".into()),
        ("form[exploitation][sexual_street]", "on".into()),
        ("form[exploitation][begging]", "on".into()),
    ]
}

pub fn as_pairs<'a>(form: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    form.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outreach_worker_logs_a_street_outing_and_her_organisation_sees_it() {
    let app = TestApp::spawn().await;
    let today = app::kernel::clock::today().to_string();
    let street = app.sign_in("strada@anello.test").await;
    let response = app
        .call_raw(
            "people/contacts/log",
            &as_pairs(&street_contact(&today)),
            Some(&street),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );

    let row = contacts::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.people_count, 3);
    assert_eq!(row.exploitation, "sexual_street,begging");
    assert_eq!(row.area.as_deref(), Some("Corso Giulio Cesare"));
    assert!(!row.minor);
    let audit = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("contact.create"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("audited");
    assert_eq!(audit.object_id, Some(row.id.to_string()));
    assert_eq!(
        audit.actor_user_id,
        Some(app.user_id("strada@anello.test").await)
    );

    let log: ContactLog = app.call("people/contacts", &[], Some(&street)).await;
    assert_eq!(log.recent.len(), 1);
    assert_eq!(
        log.recent[0].exploitation,
        [Exploitation::SexualStreet, Exploitation::Begging]
    );
    assert_eq!((log.week_contacts, log.week_people), (1, 3));
    assert_eq!(log.default_channel, Channel::StreetUnit);
    assert_eq!(log.default_province, "TO");

    // Another organisation's case worker does not see it; the coordinator does.
    let cuneo = app.sign_in("operatrice.cuneo@anello.test").await;
    let log: ContactLog = app.call("people/contacts", &[], Some(&cuneo)).await;
    assert!(log.recent.is_empty());
    assert_eq!(log.default_province, "CN");
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let log: ContactLog = app.call("people/contacts", &[], Some(&coordinator)).await;
    assert_eq!(log.recent.len(), 1);
    assert!(log.network_wide);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bad_contact_is_refused_with_every_problem_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let street = app.sign_in("strada@anello.test").await;
    let tomorrow = (app::kernel::clock::today() + chrono::Duration::days(1)).to_string();
    let form = [
        ("form[occurred_on]", tomorrow.as_str()),
        ("form[channel]", "pigeon"),
        ("form[province]", "TO"),
        ("form[gender]", ""),
        ("form[age_band]", "25_34"),
        ("form[minor]", "on"),
        ("form[people_count]", "0"),
    ];
    let response = app
        .call_raw("people/contacts/log", &form, Some(&street))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(response).await;
    let problems: Vec<(String, String)> = body["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["field"].as_str().unwrap().to_string(),
                p["problem"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    for expected in [
        ("occurred_on", "date_in_future"),
        ("channel", "unknown_choice"),
        ("gender", "required"),
        ("minor", "contradiction"),
        ("people_count", "out_of_range"),
    ] {
        assert!(
            problems.contains(&(expected.0.to_string(), expected.1.to_string())),
            "{expected:?} in {problems:?}"
        );
    }
    assert!(contacts::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn trainers_partners_and_administrators_neither_log_nor_read_contacts() {
    let app = TestApp::spawn().await;
    let today = app::kernel::clock::today().to_string();
    for email in [
        "formatrice@anello.test",
        "partner@anello.test",
        "admin@anello.test",
    ] {
        let cookie = app.sign_in(email).await;
        let response = app
            .call_raw(
                "people/contacts/log",
                &as_pairs(&street_contact(&today)),
                Some(&cookie),
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{email}");
        let response = app.call_raw("people/contacts", &[], Some(&cookie)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{email}");
        let page = app.get("/contatti", Some(&cookie)).await;
        assert_eq!(page.status(), StatusCode::FORBIDDEN, "{email}");
    }
    assert!(contacts::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_contact_may_be_linked_to_a_person_of_ones_own_organisation_only() {
    use app::entity::people;
    let app = TestApp::spawn().await;
    let today = app::kernel::clock::today().to_string();
    let torino = app.sign_in("operatrice@anello.test").await;
    let code = app.register_person(&torino, "Contatto").await;

    let mut form = street_contact(&today);
    form.retain(|(k, _)| *k != "form[people_count]");
    form.push(("form[person_code]", code.to_lowercase()));
    let response = app
        .call_raw("people/contacts/log", &as_pairs(&form), Some(&torino))
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    let person = people::Entity::find()
        .filter(people::Column::Code.eq(code.as_str()))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let linked = contacts::Entity::find()
        .filter(contacts::Column::PersonId.eq(person.id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(linked, 1);
    let log: ContactLog = app.call("people/contacts", &[], Some(&torino)).await;
    assert_eq!(log.recent[0].person_code.as_deref(), Some(code.as_str()));
    let audit = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("person.contact.link"))
        .filter(audit_log::Column::ObjectId.eq(code.as_str()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(audit, 1);

    // Another organisation cannot attach contacts to her (same answer as a wrong code),
    // and a group of people is not one person.
    let street = app.sign_in("strada@anello.test").await;
    let response = app
        .call_raw("people/contacts/log", &as_pairs(&form), Some(&street))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(json(response).await["problems"][0]["field"], "person_code");
    let mut group = street_contact(&today);
    group.push(("form[person_code]", code.clone()));
    let response = app
        .call_raw("people/contacts/log", &as_pairs(&group), Some(&torino))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let mut nonsense = street_contact(&today);
    nonsense.push(("form[person_code]", "<b>nome</b>".to_string()));
    let response = app
        .call_raw("people/contacts/log", &as_pairs(&nonsense), Some(&torino))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(contacts::Entity::find().count(&app.db).await.unwrap(), 1);
}

/// A contact kept on a phone without signal is sent with the id the phone made for it;
/// sent again (its answer lost on the way), it is the same contact: one row, the same id,
/// and the second sending in the audit trail. The same id from another author is hers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_contact_sent_twice_with_its_client_id_is_stored_once() {
    let app = TestApp::spawn().await;
    let today = app::kernel::clock::today().to_string();
    let street = app.sign_in("strada@anello.test").await;
    let client_id = "5f0c3a9e-7b1d-4c2a-9e8f-1a2b3c4d5e6f";
    let mut form = street_contact(&today);
    form.push(("form[client_id]", client_id.to_uppercase()));
    let send = |cookie: String, form: Vec<(&'static str, String)>| {
        let app = &app;
        async move {
            let response = app
                .call_raw("people/contacts/log", &as_pairs(&form), Some(&cookie))
                .await;
            assert_eq!(response.status(), StatusCode::OK, "on {}", app.backend);
            let logged: app::people::contacts::model::LoggedContact =
                response.json().await.unwrap();
            logged.id.expect("stored, not kept on a phone")
        }
    };
    let first = send(street.clone(), form.clone()).await;
    let again = send(street.clone(), form.clone()).await;
    assert_eq!(first, again, "on {}", app.backend);
    let stored = contacts::Entity::find()
        .filter(contacts::Column::ClientId.eq(client_id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(stored, 1);
    let resent = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("contact.resend"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(resent, 1);

    // Another outreach worker's phone made the same id: a contact of hers.
    let colleague = app
        .add_colleague(
            "strada.due@anello.test",
            "Cooperativa Progetto Tenda",
            "outreach_worker",
        )
        .await;
    let hers = send(colleague, form.clone()).await;
    assert_ne!(hers, first);

    // An id that is not one is refused, translated, and nothing is stored.
    let mut bad = street_contact(&today);
    bad.push(("form[client_id]", "<script>".into()));
    let response = app
        .call_raw("people/contacts/log", &as_pairs(&bad), Some(&street))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(response).await, "client_id").as_deref(),
        Some("unknown_choice")
    );
}
