//! Screenings with the versioned indicator checklist, and the trainers' editor.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::*;
use app::entity::{audit_log, people};
use app::people::registry::model::PersonPage;
use app::people::screening::model::{
    ChecklistVersions, IndicatorGroup, ScreeningOutcome, ScreeningStart,
};

fn first_ids(start: &ScreeningStart, group: IndicatorGroup, count: usize) -> Vec<String> {
    start
        .checklist
        .indicators
        .iter()
        .filter(|i| i.group == group)
        .take(count)
        .map(|i| i.id.to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_screening_keeps_its_checklist_version_when_trainers_publish_a_new_one() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in("operatrice@anello.test").await;
    let code = app.register_person(&worker, "Mensah").await;

    let start: ScreeningStart = app
        .call("people/screenings/start", &[("code", &code)], Some(&worker))
        .await;
    assert_eq!(start.checklist.version, 1);
    let indicators = &start.checklist.indicators;
    assert!(indicators.len() >= 32, "four groups of at least eight");
    for group in [
        IndicatorGroup::General,
        IndicatorGroup::Sexual,
        IndicatorGroup::Labour,
        IndicatorGroup::BeggingIllegal,
    ] {
        assert!(
            indicators.iter().filter(|i| i.group == group).count() >= 8,
            "{group:?}"
        );
    }
    let checklist_v1 = start.checklist.id.to_string();
    let observed = first_ids(&start, IndicatorGroup::Sexual, 2);
    let today = app::kernel::clock::today().to_string();
    let mut form = [
        ("code", code.clone()),
        ("form[checklist_id]", checklist_v1.clone()),
        ("form[held_on]", today.clone()),
        ("form[outcome]", "proposal".to_string()),
    ];
    let keys: Vec<String> = observed
        .iter()
        .map(|id| format!("form[observed][{id}]"))
        .collect();
    let mut pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    for key in &keys {
        pairs.push((key.as_str(), "on"));
    }
    let response = app
        .call_raw("people/screenings/save", &pairs, Some(&worker))
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
    assert_eq!(
        person.status, "proposal",
        "a proposal moves the path forward"
    );
    let audited = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("person.screening.create"))
        .filter(audit_log::Column::ObjectId.eq(code.as_str()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(audited, 1);
    let opened = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("person.screening.start"))
        .filter(audit_log::Column::ObjectId.eq(code.as_str()))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(
        opened, 1,
        "opening the screening form is a read of her record"
    );

    // "Indicators found" with none ticked contradicts itself.
    form[3].1 = "indicators_found".into();
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let response = app
        .call_raw("people/screenings/save", &pairs, Some(&worker))
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // A trainer prepares version 2: one text changed, one indicator removed, one added.
    let trainer = app.sign_in("formatrice@anello.test").await;
    assert_eq!(
        app.call_raw("people/checklists/draft", &[], Some(&worker))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.call_raw("people/checklists/draft", &[], Some(&trainer))
            .await
            .status(),
        StatusCode::OK
    );
    let versions: ChecklistVersions = app.call("people/checklists", &[], Some(&trainer)).await;
    let draft = versions.draft.as_ref().expect("the draft of version 2");
    assert_eq!(draft.version, 2);
    let draft_indicators = &draft.indicators;
    let changed = draft_indicators[0].id.to_string();
    let removed = draft_indicators[1].id.to_string();
    let text_key = format!("form[text_it][{changed}]");
    let remove_key = format!("form[remove][{removed}]");
    let response = app
        .call_raw("people/checklists/publish", &[], Some(&trainer))
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "no publishing without saying what changed"
    );
    let response = app
        .call_raw(
            "people/checklists/draft/save",
            &[
                (
                    text_key.as_str(),
                    "La persona deve restituire un debito che non smette di crescere.",
                ),
                (remove_key.as_str(), "on"),
                ("form[new_group]", "labour"),
                (
                    "form[new_it]",
                    "La persona lavora di notte in un magazzino senza contratto.",
                ),
                (
                    "form[new_en]",
                    "The person works nights in a warehouse without a contract.",
                ),
                (
                    "form[changes]",
                    "Riformulato il debito; nuovo indicatore sulla logistica.",
                ),
            ],
            Some(&trainer),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    assert_eq!(
        app.call_raw("people/checklists/publish", &[], Some(&trainer))
            .await
            .status(),
        StatusCode::OK
    );

    let versions: ChecklistVersions = app.call("people/checklists", &[], Some(&worker)).await;
    assert!(versions.draft.is_none());
    assert!(!versions.may_edit);
    let v2 = &versions.versions[0];
    assert_eq!(v2.version, 2);
    assert_eq!(v2.indicators.len(), draft_indicators.len());
    assert!(v2
        .indicators
        .iter()
        .any(|i| i.text_it.contains("magazzino")));
    assert!(v2.changes.as_deref().unwrap().contains("logistica"));

    // New screenings use version 2; the earlier one keeps version 1 and its texts.
    let start: ScreeningStart = app
        .call("people/screenings/start", &[("code", &code)], Some(&worker))
        .await;
    assert_eq!(start.checklist.version, 2);
    let page: PersonPage = app
        .call("people/person", &[("code", &code)], Some(&worker))
        .await;
    let screening = &page.screenings[0];
    assert_eq!(screening.version, 1);
    assert_eq!(screening.outcome, ScreeningOutcome::Proposal);
    assert_eq!(screening.observed.len(), 2);
    // A screening cannot use an indicator of another version.
    let v2_id = start.checklist.indicators[0].id.to_string();
    let key = format!("form[observed][{v2_id}]");
    let response = app
        .call_raw(
            "people/screenings/save",
            &[
                ("code", &code),
                ("form[checklist_id]", &checklist_v1),
                ("form[held_on]", &today),
                ("form[outcome]", "open"),
                (key.as_str(), "on"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_team_screens_and_partners_do_not_read_the_checklist() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in("operatrice@anello.test").await;
    let code = app.register_person(&worker, "Mensah").await;
    let other = app.sign_in("operatrice.cuneo@anello.test").await;
    let response = app
        .call_raw("people/screenings/start", &[("code", &code)], Some(&other))
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let response = app
        .call_raw(
            "people/screenings/start",
            &[("code", &code)],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let partner = app.sign_in("partner@anello.test").await;
    assert_eq!(
        app.call_raw("people/checklists", &[], Some(&partner))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let response = app.get("/indicatori", Some(&partner)).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app.get("/indicatori", Some(&worker)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.text().await.unwrap().contains("Versione 1"));
}
