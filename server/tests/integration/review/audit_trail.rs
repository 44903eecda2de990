//! Findings 4, 12 and 14: dates out of range, reads and refusals without an audit row,
//! and changes refused by a conflict.

use app::entity::audit_log;
use app::people::registry::model::PersonPage;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::*;
use crate::helpers::*;

/// Finding 4: a date far in the future reached date arithmetic. Every date of a form, a
/// report period or an export is read between 2000 and 2100, and a date outside gets a
/// translated 422.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn far_future_dates_are_refused_with_a_translated_answer() {
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    // Beyond the calendar chrono knows, the date is no date at all.
    for (far, expected) in [
        ("275760-09-13", "invalid_date"),
        ("9999-12-31", "date_out_of_range"),
        ("2101-01-01", "date_out_of_range"),
        ("1066-10-14", "date_out_of_range"),
    ] {
        let report = app
            .call_raw(
                "reports/funder",
                &[("request[from]", "2025-01-01"), ("request[to]", far)],
                Some(&coordinator),
            )
            .await;
        assert_eq!(
            report.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{far} on {}",
            app.backend
        );
        let body = json(report).await;
        assert_eq!(problem(&body, "to").as_deref(), Some(expected));
        assert_eq!(
            body["message"], "Alcuni campi vanno corretti: li trovi segnalati qui sotto.",
            "{body}"
        );

        let export = app
            .get(
                &format!("/rapporti/esporta/presence.csv?dal={far}&al=2025-06-30"),
                Some(&coordinator),
            )
            .await;
        assert_eq!(export.status(), StatusCode::UNPROCESSABLE_ENTITY, "{far}");
        let audit = app
            .call_raw(
                "audit/entries",
                &[("filter[from]", far)],
                Some(&coordinator),
            )
            .await;
        assert_eq!(audit.status(), StatusCode::UNPROCESSABLE_ENTITY, "{far}");
    }
    // A plan's dates, a placement's planned exit, a month of the timeline.
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Lontana").await;
    open_plan(&app, &worker, &code).await;
    let goal = app
        .call_raw(
            "planner/goals/add",
            &[
                ("code", &code),
                ("form[area]", "legal"),
                ("form[description]", "Permesso di soggiorno"),
                ("form[expected_on]", "9999-01-01"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(goal.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(goal).await, "expected_on").as_deref(),
        Some("date_out_of_range")
    );
    let manager = app.sign_in(RECEPTION).await;
    let bed = app.beds_of(TORINO_BODY, Some("women")).await[0]
        .id
        .to_string();
    let place = app
        .call_raw(
            "beds/place",
            &[
                ("code", &code),
                ("bed_id", &bed),
                ("planned_exit_on", "3000-01-01"),
            ],
            Some(&manager),
        )
        .await;
    assert_eq!(place.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let structure = app::entity::beds::Entity::find_by_id(bed.parse::<i32>().unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .structure_id;
    let timeline = app
        .get(
            &format!("/strutture/{structure}/presenze?mese=275760-09"),
            Some(&manager),
        )
        .await;
    assert_eq!(
        timeline.status(),
        StatusCode::OK,
        "the current month instead"
    );
}

/// Finding 12: reads and refusals that left no audit row.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn contact_lists_timelines_holds_and_refusals_are_audited() {
    use crate::contacts::{as_pairs, street_contact};
    let app = TestApp::spawn().await;
    let today = day(0);
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Traccia").await;
    let mut contact = street_contact(&today);
    contact.retain(|(k, _)| *k != "form[people_count]");
    contact.push(("form[person_code]", code.clone()));
    let logged = app
        .call_raw("people/contacts/log", &as_pairs(&contact), Some(&worker))
        .await;
    assert_eq!(logged.status(), StatusCode::OK, "on {}", app.backend);
    let list = app.call_raw("people/contacts", &[], Some(&worker)).await;
    assert_eq!(list.status(), StatusCode::OK);
    assert_eq!(
        audit_rows(&app, &code, "person.contact.list", "success").await,
        1
    );

    // A bed kept for her, then her stay read on the structure's timeline.
    let manager = app.sign_in(RECEPTION).await;
    app.propose_for_shelter(&manager, &code).await;
    let beds = app.beds_of(TORINO_BODY, Some("women")).await;
    let mut placed_in = None;
    for bed in &beds {
        let held = app
            .call_raw(
                "beds/hold",
                &[
                    ("bed_id", &bed.id.to_string()),
                    ("person_code", &code),
                    ("hours", "24"),
                ],
                Some(&manager),
            )
            .await;
        if held.status() != StatusCode::OK {
            continue;
        }
        let placed = app
            .call_raw(
                "beds/place",
                &[("code", &code), ("bed_id", &bed.id.to_string())],
                Some(&manager),
            )
            .await;
        assert_eq!(placed.status(), StatusCode::OK);
        placed_in = Some(bed.structure_id);
        break;
    }
    let structure = placed_in.expect("a free bed for women in Torino");
    assert_eq!(
        audit_rows(&app, &code, "person.bed.hold", "success").await,
        1
    );
    let timeline = app
        .call_raw(
            "beds/timeline",
            &[("structure_id", &structure.to_string()), ("month", "")],
            Some(&manager),
        )
        .await;
    assert_eq!(timeline.status(), StatusCode::OK);
    assert_eq!(
        audit_rows(&app, &code, "person.timeline.view", "success").await,
        1
    );
    let page: PersonPage = app
        .call("people/person", &[("code", &code)], Some(&worker))
        .await;
    let actions: Vec<&str> = page
        .access_log
        .iter()
        .map(|row| row.action.as_str())
        .collect();
    assert!(actions.contains(&"person.timeline.view"), "{actions:?}");

    // Refusals: a bed of another body, an administrator's account, her deactivation.
    let cuneo = app.sign_in("accoglienza.cuneo@anello.test").await;
    let removed = app
        .call_raw(
            "beds/beds/remove",
            &[("bed_id", &beds[0].id.to_string())],
            Some(&cuneo),
        )
        .await;
    assert_eq!(removed.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &beds[0].id.to_string(), "bed.delete", "denied").await,
        1
    );
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let admin_id = app.user_id("admin@anello.test").await;
    let coordination = app
        .organisation_id("Regione Piemonte - Coordinamento rete antitratta")
        .await;
    let takeover = save_account(
        &app,
        &coordinator,
        &account_form(
            Some(admin_id),
            "admin@anello.test",
            coordination,
            "administrator",
            COLLEAGUE_PASSWORD,
        ),
    )
    .await;
    assert_eq!(takeover.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &admin_id.to_string(), "user.update", "denied").await,
        1
    );
    let disabled = app
        .call_raw(
            "admin/users/set_active",
            &[("id", &admin_id.to_string()), ("active", "false")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(disabled.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &admin_id.to_string(), "user.disable", "denied").await,
        1
    );
}

/// Finding 14: a change refused by a conflict left no trace, when a refusal did.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changes_refused_by_a_conflict_are_audited() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Conflitto").await;
    app.propose_for_shelter(&worker, &code).await;
    // Proposed twice: the second is refused (already waiting).
    let again = app
        .call_raw(
            "people/waiting_list/add",
            &[
                ("code", &code),
                ("form[urgency]", "high"),
                ("form[target_group]", "women"),
                ("form[wanted_from]", &day(0)),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(again.status(), StatusCode::CONFLICT, "on {}", app.backend);
    assert_eq!(
        audit_rows(&app, &code, "person.waiting.add", "conflict").await,
        1
    );
    // A plan opened twice.
    open_plan(&app, &worker, &code).await;
    let twice = app
        .call_raw(
            "planner/open",
            &[("code", &code), ("review_every_days", "90")],
            Some(&worker),
        )
        .await;
    assert_eq!(twice.status(), StatusCode::CONFLICT);
    assert_eq!(audit_rows(&app, &code, "plan.open", "conflict").await, 1);
    let row = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("plan.open"))
        .filter(audit_log::Column::Outcome.eq("conflict"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.detail.as_deref(), Some("conflict=plan_already_open"));
    assert!(row.actor_user_id.is_some());
}

/// Found by the fuzz test: a NUL character in a text reached PostgreSQL, which refuses
/// it, and the answer was a 500. It is a translated 400 everywhere now.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_nul_character_is_a_clear_400_and_no_server_error() {
    let app = TestApp::spawn().await;
    let response = app.try_sign_in("\0@anello.test", "password").await;
    assert_eq!(
        response.status(),
        StatusCode::BAD_REQUEST,
        "on {}",
        app.backend
    );
    assert_eq!(
        json(response).await["message"],
        "La richiesta non è leggibile. Ricarica la pagina e riprova."
    );
    let worker = app.sign_in(CASE_WORKER).await;
    let page = app.get("/persone/TO-2026-0001%00", Some(&worker)).await;
    assert_eq!(page.status(), StatusCode::BAD_REQUEST);
    let registered = app
        .call_raw(
            "people/register",
            &[
                ("form[given_names]", "Nome\u{0}"),
                ("form[family_name]", "Cognome"),
                ("form[gender]", "female"),
                ("form[province]", "TO"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(registered.status(), StatusCode::BAD_REQUEST);
}
