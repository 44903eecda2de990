//! The rest of the personalised project: agreed versions kept and compared, approval by
//! the supervisor the team asked (and nobody else), the print view for the team only,
//! the hand-over note and notification when the reference operator changes, and the
//! children's needs and joint work with the social services within the mother's plan.

use app::auth::model::CurrentUser;
use app::notifications::model::{NotificationKind, NotificationRow, NotificationsPage};
use app::planner::agreement::model::{DiffChange, DiffSubject, PrintPage, VersionsPage};
use app::planner::family::model::{FamilyPage, JointWorkKind};
use app::planner::model::{Area, NeedLevel, PlanPage};
use reqwest::StatusCode;

use crate::helpers::*;

const CASE_WORKER: &str = "operatrice@anello.test";
const RECEPTION: &str = "accoglienza@anello.test";
const OTHER_BODY: &str = "operatrice.cuneo@anello.test";
const COORDINATOR: &str = "coordinatrice@anello.test";
const PARTNER: &str = "partner@anello.test";

async fn add_goal(app: &TestApp, cookie: &str, code: &str, area: &str, text: &str) {
    let response = app
        .call_raw(
            "planner/goals/add",
            &[
                ("code", code),
                ("form[area]", area),
                ("form[description]", text),
                ("form[expected_on]", &day(90)),
            ],
            Some(cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK, "goal on {}", app.backend);
}

async fn versions(app: &TestApp, cookie: &str, code: &str, from: &str, to: &str) -> VersionsPage {
    app.call(
        "planner/versions",
        &[("code", code), ("from", from), ("to", to)],
        Some(cookie),
    )
    .await
}

async fn agree(
    app: &TestApp,
    cookie: &str,
    code: &str,
    approver: i32,
    guardian: &str,
) -> reqwest::Response {
    app.call_raw(
        "planner/versions/agree",
        &[
            ("code", code),
            ("form[agreed_on]", &day(0)),
            ("form[language]", "inglese"),
            ("form[mediator]", "Grace Osas"),
            ("form[guardian]", guardian),
            ("form[notes]", ""),
            ("form[approver_id]", &approver.to_string()),
        ],
        Some(cookie),
    )
    .await
}

async fn approve(app: &TestApp, cookie: &str, code: &str, number: &str) -> reqwest::Response {
    app.call_raw(
        "planner/versions/approve",
        &[("code", code), ("number", number), ("note", "Va bene così")],
        Some(cookie),
    )
    .await
}

async fn notifications(app: &TestApp, cookie: &str) -> Vec<NotificationRow> {
    let page: NotificationsPage = app.call("notifications/list", &[], Some(cookie)).await;
    page.items
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn agreed_versions_are_kept_compared_and_approved_by_the_supervisor_asked() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let reception = app.sign_in(RECEPTION).await;
    let coordinator = app.sign_in(COORDINATOR).await;
    let other_body = app.sign_in(OTHER_BODY).await;
    let partner = app.sign_in(PARTNER).await;
    let (worker_id, reception_id, coordinator_id, partner_id) = (
        app.user_id(CASE_WORKER).await,
        app.user_id(RECEPTION).await,
        app.user_id(COORDINATOR).await,
        app.user_id(PARTNER).await,
    );
    let code = app.register_person(&worker, "Versioni").await;
    open_plan(&app, &worker, &code).await;
    add_goal(&app, &worker, &code, "language", "Livello A2 di italiano").await;

    // Who may be asked: the coordinator and the organisation's reception manager, never
    // the one recording, never a partner.
    let page = versions(&app, &worker, &code, "", "").await;
    let approvers: Vec<i32> = page.approvers.iter().map(|(id, _)| *id).collect();
    assert!(approvers.contains(&reception_id));
    assert!(approvers.contains(&coordinator_id));
    assert!(!approvers.contains(&worker_id));
    assert!(!approvers.contains(&partner_id));
    for refused in [worker_id, partner_id] {
        let response = agree(&app, &worker, &code, refused, "").await;
        assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(
            problem(&json(response).await, "approver_id").as_deref(),
            Some("unknown_choice")
        );
    }
    // Another body's staff cannot agree a version of a person they do not follow.
    let response = agree(&app, &other_body, &code, reception_id, "").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);

    let response = agree(&app, &worker, &code, reception_id, "").await;
    assert_eq!(response.status(), StatusCode::OK, "{}", app.backend);
    // The plan changes after the agreement; the agreed version does not.
    add_goal(&app, &worker, &code, "work", "Tirocinio in ristorazione").await;
    let page = versions(&app, &worker, &code, "1", "0").await;
    let rows = page.comparison.expect("a comparison").rows;
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0].area, Some(Area::Work));
    assert_eq!(
        rows[0].subject,
        DiffSubject::Goal {
            description: "Tirocinio in ristorazione".to_string(),
        }
    );
    assert_eq!(rows[0].change, DiffChange::Added);

    let response = agree(&app, &worker, &code, coordinator_id, "").await;
    assert_eq!(response.status(), StatusCode::OK);
    // By default the latest version is compared with the one before.
    let page = versions(&app, &worker, &code, "", "").await;
    let numbers: Vec<i32> = page.versions.iter().map(|v| v.number).collect();
    assert_eq!(numbers, [2, 1]);
    assert_eq!(page.versions[1].language, "inglese");
    assert_eq!(page.versions[1].mediator.as_deref(), Some("Grace Osas"));
    let comparison = page.comparison.expect("a comparison");
    assert_eq!(comparison.from, 1);
    assert_eq!(comparison.to, 2);
    assert_eq!(comparison.rows.len(), 1);
    let same = versions(&app, &worker, &code, "2", "0").await;
    assert!(same.comparison.expect("a comparison").rows.is_empty());
    let response = app
        .call_raw(
            "planner/versions",
            &[("code", &code), ("from", "7"), ("to", "1")],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // The supervisor asked is notified.
    let asked = notifications(&app, &reception).await;
    assert!(asked
        .iter()
        .any(|n| n.kind == NotificationKind::ApprovalRequested && n.subject == code));

    // Only the supervisor asked approves: not the coordinator for version 1, not a partner
    // or a case worker of another body (refused by the policy).
    let response = approve(&app, &coordinator, &code, "1").await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &code, "plan.version.approve", "denied").await,
        1
    );
    for refused in [&partner, &other_body, &worker] {
        let response = approve(&app, refused, &code, "1").await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN);
    }
    let response = approve(&app, &reception, &code, "1").await;
    assert_eq!(response.status(), StatusCode::OK);
    let response = approve(&app, &reception, &code, "1").await;
    assert_eq!(response.status(), StatusCode::CONFLICT);

    // The coordinator is not on the team: she reads the versions she was asked to approve,
    // and nothing else of the plan.
    let page = versions(&app, &coordinator, &code, "", "").await;
    assert!(!page.on_team);
    assert!(!page.may_record);
    assert!(page.versions[0].may_approve);
    assert!(!page.versions[1].may_approve);
    let response = app
        .call_raw(
            "planner/versions",
            &[("code", &code), ("from", "0"), ("to", "2")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "the current plan is for the team only"
    );
    for endpoint in ["planner/plan", "planner/family", "planner/diary"] {
        let response = app
            .call_raw(endpoint, &[("code", &code)], Some(&coordinator))
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{endpoint}");
    }
    let response = approve(&app, &coordinator, &code, "2").await;
    assert_eq!(response.status(), StatusCode::OK);

    let page = versions(&app, &worker, &code, "", "").await;
    assert_eq!(
        page.versions[0].approval.as_ref().map(|a| a.by.as_str()),
        Some("Chiara Bertola")
    );
    assert!(page.versions[1].approval.is_some());
    let told = notifications(&app, &worker).await;
    assert_eq!(
        told.iter()
            .filter(|n| n.kind == NotificationKind::VersionApproved && n.subject == code)
            .count(),
        2
    );
    // A coordinator who was never asked sees nothing of another person's versions.
    let other = app.register_person(&worker, "Nessuna richiesta").await;
    let response = app
        .call_raw(
            "planner/versions",
            &[("code", &other), ("from", ""), ("to", "")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &other, "plan.versions.view", "denied").await,
        1
    );

    assert_eq!(
        audit_rows(&app, &code, "plan.version.agree", "success").await,
        2
    );
    assert_eq!(
        audit_rows(&app, &code, "plan.version.approve", "success").await,
        2
    );
    assert!(audit_rows(&app, &code, "plan.versions.view", "success").await >= 5);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_minors_plan_is_agreed_with_her_guardian_and_prints_for_the_team_only() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let other_body = app.sign_in(OTHER_BODY).await;
    let reception_id = app.user_id(RECEPTION).await;
    let birth = (app::kernel::clock::today() - chrono::Duration::days(16 * 365)).to_string();
    let response = app
        .call_raw(
            "people/register",
            &[
                ("form[given_names]", "Blessing"),
                ("form[family_name]", "Stampa"),
                ("form[gender]", "female"),
                ("form[province]", "TO"),
                ("form[date_of_birth]", &birth),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let code: String = response.json().await.unwrap();
    open_plan(&app, &worker, &code).await;
    add_goal(&app, &worker, &code, "schooling", "Iscrizione al CPIA").await;

    // Before any agreement, the print view is a draft of the current plan.
    let draft: PrintPage = app
        .call(
            "planner/print",
            &[("code", &code), ("version", "")],
            Some(&worker),
        )
        .await;
    assert!(draft.version.is_none());
    assert!(draft.minor);

    let response = agree(&app, &worker, &code, reception_id, "").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(response).await, "guardian").as_deref(),
        Some("required")
    );
    let response = agree(&app, &worker, &code, reception_id, "Avv. Paola Neri").await;
    assert_eq!(response.status(), StatusCode::OK);

    let print: PrintPage = app
        .call(
            "planner/print",
            &[("code", &code), ("version", "1")],
            Some(&worker),
        )
        .await;
    assert_eq!(print.name, "Blessing Stampa");
    assert_eq!(
        print.version.as_ref().and_then(|v| v.guardian.as_deref()),
        Some("Avv. Paola Neri")
    );
    assert_eq!(
        print
            .snapshot
            .areas
            .iter()
            .flat_map(|a| &a.goals)
            .next()
            .unwrap()
            .description,
        "Iscrizione al CPIA"
    );
    let response = app
        .call_raw(
            "planner/print",
            &[("code", &code), ("version", "9")],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // The page itself, server-rendered: her name for the team, nothing for anyone else.
    let page = app
        .get(&format!("/persone/{code}/progetto/stampa"), Some(&worker))
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Blessing Stampa"));
    assert!(html.contains("Avv. Paola Neri"));
    let page = app
        .get(
            &format!("/persone/{code}/progetto/stampa"),
            Some(&other_body),
        )
        .await;
    assert_eq!(page.status(), StatusCode::FORBIDDEN);
    let html = page.text().await.unwrap();
    assert!(!html.contains("Blessing"));
    assert_eq!(audit_rows(&app, &code, "plan.print", "success").await, 3);
    assert!(audit_rows(&app, &code, "plan.print", "denied").await >= 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn changing_the_reference_operator_asks_for_a_hand_over_note_and_notifies_her() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let reception = app.sign_in(RECEPTION).await;
    let reception_id = app.user_id(RECEPTION).await.to_string();
    let code = app.register_person(&worker, "Consegne").await;
    open_plan(&app, &worker, &code).await;

    let change = |note: &'static str| {
        let (app, worker, code, reception_id) = (&app, &worker, &code, &reception_id);
        async move {
            app.call_raw(
                "people/organisations/reference",
                &[
                    ("code", code.as_str()),
                    ("reference_user_id", reception_id.as_str()),
                    ("handover_note", note),
                ],
                Some(worker),
            )
            .await
        }
    };
    let response = change("   ").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(response).await, "handover_note").as_deref(),
        Some("required")
    );
    assert!(notifications(&app, &reception)
        .await
        .iter()
        .all(|n| n.subject != code));

    let response = change("Colloquio in Questura il 12: portare il passaporto.").await;
    assert_eq!(response.status(), StatusCode::OK);
    let told = notifications(&app, &reception).await;
    let handover = told
        .iter()
        .find(|n| n.kind == NotificationKind::Handover && n.subject == code)
        .expect("the new reference operator is notified");
    assert!(!handover.read);
    assert_eq!(handover.link, format!("/persone/{code}/progetto"));
    // The shell shows her the unread count; marking it read clears it.
    let me: Option<CurrentUser> = app.call("auth/current_user", &[], Some(&reception)).await;
    assert!(me.expect("signed in").unread_notifications >= 1);
    let response = app
        .call_raw(
            "notifications/read",
            &[("id", &handover.id.to_string())],
            Some(&reception),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let told = notifications(&app, &reception).await;
    assert!(told.iter().any(|n| n.id == handover.id && n.read));
    // One's notifications are one's own.
    let response = app
        .call_raw(
            "notifications/read",
            &[("id", &handover.id.to_string())],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    // The note is on the plan, for the team.
    let page: PlanPage = app
        .call("planner/plan", &[("code", &code)], Some(&reception))
        .await;
    let handovers = page.plan.expect("an open plan").handovers;
    assert_eq!(handovers.len(), 1);
    assert_eq!(handovers[0].from.as_deref(), Some("Sara Colombo"));
    assert_eq!(handovers[0].to, "Marta Gallo");
    assert_eq!(
        handovers[0].note,
        "Colloquio in Questura il 12: portare il passaporto."
    );
    assert_eq!(
        audit_rows(&app, &code, "person.reference.update", "success").await,
        1
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn childrens_needs_and_joint_work_are_part_of_the_mothers_plan() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let other_body = app.sign_in(OTHER_BODY).await;
    let mother = app.register_person(&worker, "Famiglia").await;
    let birth = (app::kernel::clock::today() - chrono::Duration::days(4 * 365 + 30)).to_string();
    let response = app
        .call_raw(
            "people/register",
            &[
                ("form[given_names]", "Piccola"),
                ("form[family_name]", "Famiglia"),
                ("form[gender]", "female"),
                ("form[province]", "TO"),
                ("form[date_of_birth]", &birth),
                ("form[family_head]", &mother),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let child: String = response.json().await.unwrap();
    let stranger = app.register_person(&worker, "Estranea").await;

    // No plan yet: nothing to record.
    let response = app
        .call_raw(
            "planner/family/need",
            &[
                ("code", mother.as_str()),
                ("form[child]", child.as_str()),
                ("form[area]", "schooling"),
                ("form[need]", "high"),
                ("form[notes]", ""),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
    open_plan(&app, &worker, &mother).await;

    let need = |child: String, area: &'static str, level: &'static str| {
        let (app, worker, mother) = (&app, &worker, &mother);
        async move {
            app.call_raw(
                "planner/family/need",
                &[
                    ("code", mother.as_str()),
                    ("form[child]", child.as_str()),
                    ("form[area]", area),
                    ("form[need]", level),
                    ("form[notes]", "Iscrizione alla scuola dell'infanzia"),
                ],
                Some(worker),
            )
            .await
        }
    };
    assert_eq!(
        need(child.clone(), "schooling", "medium").await.status(),
        StatusCode::OK
    );
    // Assessing the same area again replaces it.
    assert_eq!(
        need(child.clone(), "schooling", "high").await.status(),
        StatusCode::OK
    );
    // Someone else's child is not hers to assess.
    let response = need(stranger.clone(), "health", "low").await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(response).await, "child").as_deref(),
        Some("unknown_choice")
    );

    let response = app
        .call_raw(
            "planner/family/joint_work",
            &[
                ("code", mother.as_str()),
                ("form[held_on]", &day(-2)),
                ("form[service]", "Servizio sociale minori, Comune di Torino"),
                ("form[kind]", "home_visit"),
                ("form[child]", child.as_str()),
                ("form[summary]", "Visita domiciliare congiunta in struttura"),
                ("form[next_steps]", "Relazione al tribunale per i minorenni"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);

    let page: FamilyPage = app
        .call("planner/family", &[("code", &mother)], Some(&worker))
        .await;
    let children = &page.children;
    assert_eq!(children.len(), 1);
    assert_eq!(children[0].code, child);
    assert_eq!(children[0].age, Some(4));
    let needs = &children[0].needs;
    assert_eq!(needs.len(), 1);
    assert_eq!(needs[0].need, NeedLevel::High);
    let work = &page.joint_work;
    assert_eq!(work.len(), 1);
    assert_eq!(work[0].kind, JointWorkKind::HomeVisit);
    assert_eq!(work[0].child.as_deref(), Some(child.as_str()));

    // The children's needs are part of what is agreed.
    let reception_id = app.user_id(RECEPTION).await;
    let response = agree(&app, &worker, &mother, reception_id, "").await;
    assert_eq!(response.status(), StatusCode::OK);
    let print: PrintPage = app
        .call(
            "planner/print",
            &[("code", &mother), ("version", "")],
            Some(&worker),
        )
        .await;
    assert_eq!(print.snapshot.children[0].code, child);

    // Another body's staff see none of it.
    let response = app
        .call_raw("planner/family", &[("code", &mother)], Some(&other_body))
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &mother, "plan.family.view", "denied").await,
        1
    );
    assert_eq!(
        audit_rows(&app, &mother, "plan.family.need", "success").await,
        2
    );
    assert_eq!(
        audit_rows(&app, &mother, "plan.family.joint_work", "success").await,
        1
    );
}
