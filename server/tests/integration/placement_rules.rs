//! The bed board's rules, decided on the server: target groups, minors (only where
//! allowed and with an authorisation on record), families together in adjacent beds,
//! people kept apart; overrides by reception managers with a reason; every decision
//! audited.

use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

use crate::helpers::*;
use app::beds::rules::{AuthorisationKind, Safeguards};
use app::entity::{audit_log, beds, placements, structures};

const MANAGER: &str = "accoglienza@anello.test";
const CASE_WORKER: &str = "operatrice@anello.test";

/// A structure of the Torino body with `count` beds in a row, for the test alone.
pub(crate) async fn structure(app: &TestApp, name: &str, targets: &str, count: i32) -> Vec<i32> {
    let organisation_id = app.organisation_id("Cooperativa Progetto Tenda").await;
    let created = structures::ActiveModel {
        organisation_id: Set(organisation_id),
        name: Set(name.to_string()),
        kind: Set("second_reception".to_string()),
        province: Set("TO".to_string()),
        secret: Set(false),
        address: Set(None),
        target_groups: Set(targets.to_string()),
        active: Set(true),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    beds_in(app, created.id, count).await
}

/// `count` beds in a row in the structure; answers their ids.
pub(crate) async fn beds_in(app: &TestApp, structure: i32, count: i32) -> Vec<i32> {
    let mut ids = Vec::new();
    for position in 1..=count {
        let bed = beds::ActiveModel {
            structure_id: Set(structure),
            room_id: Set(None),
            label: Set(format!("Letto {position}")),
            out_of_service_reason: Set(None),
            position: Set(position),
            held_until: Set(None),
            held_for_person_id: Set(None),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
        ids.push(bed.id);
    }
    ids
}

pub(crate) async fn register(app: &TestApp, cookie: &str, extra: &[(&str, &str)]) -> String {
    let mut form = vec![
        ("form[given_names]", "Ospite"),
        ("form[family_name]", "Regole"),
        ("form[gender]", "female"),
        ("form[province]", "TO"),
    ];
    form.extend_from_slice(extra);
    let response = app.call_raw("people/register", &form, Some(cookie)).await;
    assert_eq!(response.status(), StatusCode::OK, "registration");
    response.json().await.unwrap()
}

pub(crate) async fn place(
    app: &TestApp,
    cookie: &str,
    code: &str,
    bed: i32,
    reason: Option<&str>,
) -> reqwest::Response {
    let bed = bed.to_string();
    let mut form = vec![("code", code), ("bed_id", bed.as_str())];
    if let Some(reason) = reason {
        form.push(("override_reason", reason));
    }
    app.call_raw("beds/place", &form, Some(cookie)).await
}

async fn breaches(response: reqwest::Response) -> (Vec<String>, bool) {
    assert_eq!(response.status(), StatusCode::CONFLICT);
    let body = json(response).await;
    assert_eq!(body["code"], "rules", "{body}");
    let list = body["breaches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b.as_str().unwrap().to_string())
        .collect();
    (list, body["may_override"].as_bool().unwrap())
}

pub(crate) async fn open_bed_of(app: &TestApp, code: &str) -> Option<i32> {
    let person = app::entity::people::Entity::find()
        .filter(app::entity::people::Column::Code.eq(code))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    placements::Entity::find()
        .filter(placements::Column::PersonId.eq(person.id))
        .filter(placements::Column::EndedOn.is_null())
        .one(&app.db)
        .await
        .unwrap()
        .map(|p| p.bed_id)
}

pub(crate) async fn audit_details(
    app: &TestApp,
    action: &str,
    code: &str,
) -> Vec<(String, String)> {
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .filter(audit_log::Column::ObjectId.eq(code))
        .order_by_asc(audit_log::Column::Id)
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|row| (row.outcome, row.detail.unwrap_or_default()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_structure_for_men_refuses_a_woman_unless_a_manager_overrides_with_a_reason() {
    let app = TestApp::spawn().await;
    let manager = app.sign_in(MANAGER).await;
    let beds = structure(&app, "Casa Regole Uomini", "men", 2).await;
    let code = register(&app, &manager, &[]).await;

    let (found, may_override) = breaches(place(&app, &manager, &code, beds[0], None).await).await;
    assert_eq!(found, vec!["target_group"]);
    assert!(may_override);
    let refused = audit_details(&app, "bed.place", &code).await;
    assert_eq!(
        refused,
        vec![("denied".to_string(), "breaches=target_group".to_string())],
        "the refusal is audited on {}",
        app.backend
    );
    // The refusal's message is translated in the answer.
    let response = place(&app, &manager, &code, beds[0], None).await;
    assert!(json(response).await["message"]
        .as_str()
        .unwrap()
        .contains("non accoglie persone di questo gruppo"));

    // A reason too short to mean anything is a field error.
    let response = place(&app, &manager, &code, beds[0], Some("ok")).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(open_bed_of(&app, &code).await, None);

    let reason = "Notte di emergenza, nessun altro posto in provincia";
    let response = place(&app, &manager, &code, beds[0], Some(reason)).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    assert_eq!(open_bed_of(&app, &code).await, Some(beds[0]));
    let rows = audit_details(&app, "bed.place", &code).await;
    let (outcome, detail) = rows.last().unwrap();
    assert_eq!(outcome, "success");
    assert!(detail.contains("override=target_group"), "{detail}");
    assert!(detail.contains(reason), "{detail}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_minor_needs_a_place_for_girls_and_an_authorisation_that_no_override_replaces() {
    let app = TestApp::spawn().await;
    let manager = app.sign_in(MANAGER).await;
    let worker = app.sign_in(CASE_WORKER).await;
    let girls = structure(&app, "Casa Regole Ragazze", "girls_16_18", 2).await;
    let women = structure(&app, "Casa Regole Donne", "women", 2).await;
    let birth = (app::kernel::clock::today() - chrono::Duration::days(17 * 365))
        .format("%Y-%m-%d")
        .to_string();
    let code = register(&app, &worker, &[("form[date_of_birth]", &birth)]).await;

    let (found, may_override) = breaches(place(&app, &manager, &code, girls[0], None).await).await;
    assert_eq!(found, vec!["minor_without_authorisation"]);
    assert!(!may_override);
    let reason = "La tutrice ha dato l'assenso a voce";
    let (_, may_override) =
        breaches(place(&app, &manager, &code, girls[0], Some(reason)).await).await;
    assert!(!may_override, "the law on minors is never set aside");

    // The team records the juvenile court's authorisation on the person's page.
    let today = app::kernel::clock::today().to_string();
    let authorise = [
        ("code", code.as_str()),
        ("kind", "juvenile_court"),
        ("reference", "Decreto TM Torino 41/2026"),
        ("granted_on", today.as_str()),
    ];
    // A reception manager of another body is not on her team.
    let cuneo = app.sign_in("accoglienza.cuneo@anello.test").await;
    let response = app
        .call_raw("beds/safeguards/authorise", &authorise, Some(&cuneo))
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let response = app
        .call_raw("beds/safeguards/authorise", &authorise, Some(&worker))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let page: Safeguards = app
        .call("beds/safeguards", &[("code", &code)], Some(&worker))
        .await;
    assert!(page.minor);
    assert_eq!(
        page.authorisations[0].kind,
        AuthorisationKind::JuvenileCourt
    );

    // Still not in a structure for adult women, whatever the reason.
    let (found, may_override) =
        breaches(place(&app, &manager, &code, women[0], Some(reason)).await).await;
    assert_eq!(found, vec!["target_group", "minor_not_allowed_here"]);
    assert!(!may_override);
    let response = place(&app, &manager, &code, girls[0], None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(open_bed_of(&app, &code).await, Some(girls[0]));
    // The other body's attempt and the team's record, both audited.
    let outcomes: Vec<String> = audit_details(&app, "person.authorisation.record", &code)
        .await
        .into_iter()
        .map(|(outcome, _)| outcome)
        .collect();
    assert_eq!(outcomes, vec!["denied", "success"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_girl_of_thirteen_is_refused_a_place_for_girls_even_with_an_authorisation() {
    let app = TestApp::spawn().await;
    let manager = app.sign_in(MANAGER).await;
    let worker = app.sign_in(CASE_WORKER).await;
    let girls = structure(&app, "Casa Regole Sedici", "girls_16_18", 2).await;
    let birth = (app::kernel::clock::today() - chrono::Duration::days(13 * 365 + 100))
        .format("%Y-%m-%d")
        .to_string();
    let code = register(&app, &worker, &[("form[date_of_birth]", &birth)]).await;
    let today = app::kernel::clock::today().to_string();
    let response = app
        .call_raw(
            "beds/safeguards/authorise",
            &[
                ("code", code.as_str()),
                ("kind", "juvenile_court"),
                ("reference", "Decreto TM Torino 57/2026"),
                ("granted_on", today.as_str()),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    // Authorised, in a place for girls: still refused, and no reason sets it aside.
    let (found, may_override) = breaches(place(&app, &manager, &code, girls[0], None).await).await;
    assert_eq!(found, vec!["below_age_floor"]);
    assert!(!may_override);
    let reason = "Nessun posto in comunità per minori stanotte";
    let response = place(&app, &manager, &code, girls[0], Some(reason)).await;
    assert_eq!(response.status(), StatusCode::CONFLICT);
    assert!(response.text().await.unwrap().contains("below_age_floor"));
    assert_eq!(open_bed_of(&app, &code).await, None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mother_and_her_children_are_placed_moved_and_leave_together_in_adjacent_beds() {
    let app = TestApp::spawn().await;
    let manager = app.sign_in(MANAGER).await;
    let first = structure(&app, "Casa Regole Famiglie", "mothers_with_children", 4).await;
    let second = structure(&app, "Casa Regole Famiglie Due", "mothers_with_children", 4).await;
    let small = structure(&app, "Casa Regole Piccola", "mothers_with_children", 2).await;
    let mother = register(&app, &manager, &[]).await;
    let child_birth = (app::kernel::clock::today() - chrono::Duration::days(6 * 365))
        .format("%Y-%m-%d")
        .to_string();
    let mut children = Vec::new();
    for _ in 0..2 {
        children.push(
            register(
                &app,
                &manager,
                &[
                    ("form[family_head]", mother.as_str()),
                    ("form[date_of_birth]", child_birth.as_str()),
                ],
            )
            .await,
        );
    }

    // Not enough adjacent beds: refused, or the mother alone with an override.
    let (found, may_override) =
        breaches(place(&app, &manager, &mother, small[0], None).await).await;
    assert_eq!(found, vec!["no_room_for_family"]);
    assert!(may_override);

    // Dropped on the second bed: the family takes beds 2, 3 and 4, the mother where dropped.
    let response = place(&app, &manager, &mother, first[1], None).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    let taken: Vec<i32> = response.json().await.unwrap();
    assert_eq!(taken, vec![first[1], first[2], first[3]]);
    assert_eq!(open_bed_of(&app, &mother).await, Some(first[1]));
    assert_eq!(open_bed_of(&app, &children[0]).await, Some(first[2]));
    assert_eq!(open_bed_of(&app, &children[1]).await, Some(first[3]));
    assert!(audit_details(&app, "bed.place", &children[0]).await[0]
        .1
        .contains(&format!("with_family_of={mother}")));

    // A child dragged alone to another structure would split the family.
    let response = app
        .call_raw(
            "beds/move",
            &[("code", &children[0]), ("bed_id", &second[0].to_string())],
            Some(&manager),
        )
        .await;
    // The child moves with her mother: the whole family goes.
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    let mut now: Vec<Option<i32>> = Vec::new();
    for code in [&mother, &children[0], &children[1]] {
        now.push(open_bed_of(&app, code).await);
    }
    assert!(
        now.iter()
            .all(|bed| bed.is_some_and(|b| second.contains(&b))),
        "{now:?}"
    );
    assert_eq!(now[1], Some(second[0]));

    // The mother leaves: her children leave with her.
    let today = app::kernel::clock::today().to_string();
    let response = app
        .call_raw(
            "beds/discharge",
            &[
                ("code", &mother),
                ("reason", "autonomy"),
                ("ended_on", &today),
            ],
            Some(&manager),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    for code in [&mother, &children[0], &children[1]] {
        assert_eq!(open_bed_of(&app, code).await, None, "{code}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_family_without_room_is_split_only_with_an_override_that_names_both_rules() {
    let app = TestApp::spawn().await;
    let manager = app.sign_in(MANAGER).await;
    let small = structure(&app, "Casa Regole Stretta", "mothers_with_children", 1).await;
    let mother = register(&app, &manager, &[]).await;
    let child = register(&app, &manager, &[("form[family_head]", mother.as_str())]).await;
    let reason = "Il figlio resta stanotte con la nonna, arriva domani";
    let response = place(&app, &manager, &mother, small[0], Some(reason)).await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "{}",
        response.text().await.unwrap()
    );
    assert_eq!(open_bed_of(&app, &mother).await, Some(small[0]));
    assert_eq!(open_bed_of(&app, &child).await, None);
    let (_, detail) = audit_details(&app, "bed.place", &mother)
        .await
        .pop()
        .unwrap();
    assert!(
        detail.contains("override=no_room_for_family,family_split"),
        "{detail}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn people_kept_apart_never_share_a_structure() {
    let app = TestApp::spawn().await;
    let manager = app.sign_in(MANAGER).await;
    let worker = app.sign_in(CASE_WORKER).await;
    let beds = structure(&app, "Casa Regole Separate", "women", 3).await;
    let other = structure(&app, "Casa Regole Altrove", "women", 3).await;
    let victim = register(&app, &worker, &[]).await;
    let recruiter = register(&app, &worker, &[]).await;

    // Only her team records it; the other code must exist and be someone else.
    let response = app
        .call_raw(
            "beds/safeguards/apart/add",
            &[
                ("code", &victim),
                ("other_code", &victim),
                ("reason", "recruiter"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let response = app
        .call_raw(
            "beds/safeguards/apart/add",
            &[
                ("code", &victim),
                ("other_code", &recruiter),
                ("reason", "recruiter"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let page: Safeguards = app
        .call("beds/safeguards", &[("code", &recruiter)], Some(&worker))
        .await;
    assert_eq!(
        page.kept_apart[0].other_code.as_deref(),
        Some(victim.as_str())
    );
    assert_eq!(
        audit_details(&app, "person.kept_apart.add", &recruiter)
            .await
            .len(),
        1,
        "audited on both records"
    );

    assert_eq!(
        place(&app, &manager, &victim, beds[0], None).await.status(),
        StatusCode::OK
    );
    let reason = "Non ci sono altri posti liberi stanotte";
    let (found, may_override) =
        breaches(place(&app, &manager, &recruiter, beds[2], Some(reason)).await).await;
    assert_eq!(found, vec!["kept_apart"]);
    assert!(!may_override, "safety is never set aside from the board");
    assert_eq!(
        place(&app, &manager, &recruiter, other[0], None)
            .await
            .status(),
        StatusCode::OK
    );
    // Nor by a move.
    let response = app
        .call_raw(
            "beds/move",
            &[("code", &recruiter), ("bed_id", &beds[1].to_string())],
            Some(&manager),
        )
        .await;
    assert_eq!(breaches(response).await.0, vec!["kept_apart"]);
    assert_eq!(open_bed_of(&app, &recruiter).await, Some(other[0]));
}
