//! Finding a person by name, alias, birth date or code: folded (accents, case, Unicode
//! forms), only among the people whose identity the reader may see, audited with how many
//! it found and never with what was typed.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{register, registration, COORDINATOR, CUNEO_CASE_WORKER, TORINO_CASE_WORKER};
use crate::helpers::*;
use app::entity::audit_log;
use app::people::registry::model::PeopleList;

async fn search(app: &TestApp, cookie: &str, text: &str) -> PeopleList {
    app.call("people/list", &[("filter[search]", text)], Some(cookie))
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_team_finds_its_person_by_name_alias_birth_date_or_code_whatever_the_accents() {
    let app = TestApp::spawn().await;
    let torino = app.sign_in(TORINO_CASE_WORKER).await;
    // A cedilla under the S, as her old papers spell it.
    let code = register(
        &app,
        &torino,
        &registration("Ştefănescu", "Zélie", "2001-03-04"),
    )
    .await;

    // Typed with a comma below, without accents, in capitals, by the start of a word, by
    // both names in any order, by her alias, by her birth date.
    for typed in [
        "Ștefănescu",
        "stefanescu",
        "STEFANESCU",
        "stef",
        "zelie stefanescu",
        "Stefanescu Zélie",
        "zqxmarker",
        "04/03/2001",
        "2001-03-04",
    ] {
        let found = search(&app, &torino, typed).await;
        assert_eq!(found.total, 1, "{typed} on {}", app.backend);
        assert_eq!(found.rows[0].code, code);
        assert_eq!(
            found.rows[0].name.as_deref(),
            Some("Zélie Ştefănescu"),
            "{typed}"
        );
    }
    // By code: found, and the list shows the code only.
    let found = search(&app, &torino, &code[3..]).await;
    assert_eq!(found.total, 1);
    assert_eq!(found.rows[0].name, None);
    // A word inside a name is not the start of one; a wrong birth date finds nobody.
    for typed in ["fanescu", "05/03/2001", "zelia"] {
        assert_eq!(search(&app, &torino, typed).await.total, 0, "{typed}");
    }

    // Another body's team does not find her, by name or by birth date.
    let cuneo = app.sign_in(CUNEO_CASE_WORKER).await;
    for typed in ["stefanescu", "04/03/2001", "zqxmarker"] {
        assert_eq!(search(&app, &cuneo, typed).await.total, 0, "{typed}");
    }
    // The coordination follows her by code, but finds her by name only with her consent.
    let coordinator = app.sign_in(COORDINATOR).await;
    assert_eq!(search(&app, &coordinator, "stefanescu").await.total, 0);
    let by_code = search(&app, &coordinator, &code).await;
    assert_eq!((by_code.total, by_code.rows[0].name.clone()), (1, None));
    let coordination = app
        .organisation_id("Regione Piemonte - Coordinamento rete antitratta")
        .await;
    let today = app::kernel::clock::today().to_string();
    let response = app
        .call_raw(
            "people/consents/record",
            &[
                ("code", &code),
                ("form[kind]", "sharing"),
                ("form[organisation_id]", &coordination.to_string()),
                ("form[given_on]", &today),
            ],
            Some(&torino),
        )
        .await;
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    let found = search(&app, &coordinator, "stefanescu").await;
    assert_eq!(found.total, 1);
    assert_eq!(found.rows[0].name.as_deref(), Some("Zélie Ştefănescu"));

    // Every search is audited with its count; what was typed is in no audit row.
    let searches = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("people.search"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(searches.len(), 9 + 1 + 3 + 3 + 1 + 1 + 1);
    let torino_id = app.user_id(TORINO_CASE_WORKER).await;
    assert!(searches
        .iter()
        .any(|row| row.actor_user_id == Some(torino_id)
            && row
                .detail
                .as_deref()
                .unwrap_or_default()
                .starts_with("results=1 ")));
    assert!(searches.iter().any(|row| row
        .detail
        .as_deref()
        .unwrap_or_default()
        .starts_with("results=0 ")));
    let all = audit_log::Entity::find().all(&app.db).await.unwrap();
    for row in &all {
        let detail = row.detail.clone().unwrap_or_default().to_lowercase();
        assert!(
            !detail.contains("stef") && !detail.contains("zqxmarker") && !detail.contains("2001"),
            "a search's text in the audit: {detail}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_search_too_long_is_refused_with_a_translated_problem() {
    let app = TestApp::spawn().await;
    let torino = app.sign_in(TORINO_CASE_WORKER).await;
    let long = "a".repeat(500);
    let response = app
        .call_raw("people/list", &[("filter[search]", &long)], Some(&torino))
        .await;
    assert_eq!(response.status(), reqwest::StatusCode::UNPROCESSABLE_ENTITY);
}
