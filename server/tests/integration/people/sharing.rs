//! Sharing a person with another organisation: consent first, the coordinator's
//! override with a reason, and the withdrawal that takes that organisation off the team.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use super::{register, registration, COORDINATOR, CUNEO_CASE_WORKER, TORINO_CASE_WORKER};
use crate::helpers::*;
use app::entity::{audit_log, people, person_organisations};
use app::people::registry::model::{ConsentKind, PersonPage};

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
    let page: PersonPage = app
        .call("people/person", &[("code", &code)], Some(&torino))
        .await;
    let sharing = page
        .consents
        .iter()
        .find(|c| c.kind == ConsentKind::Sharing)
        .expect("sharing consent")
        .id
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
