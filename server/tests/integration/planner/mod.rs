//! The personalised project: only the person's team reads or changes it, every read and
//! change is audited, the case diary keeps each note at its level, "My work" lists what
//! is late and due, and the coordinator keeps the service catalogue.

use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::Value;

use crate::helpers::*;

const CASE_WORKER: &str = "operatrice@anello.test";
const RECEPTION: &str = "accoglienza@anello.test";
const OTHER_BODY: &str = "operatrice.cuneo@anello.test";

async fn plan(app: &TestApp, cookie: &str, code: &str) -> Value {
    let response = app
        .call_raw("planner/plan", &[("code", code)], Some(cookie))
        .await;
    assert_eq!(response.status(), StatusCode::OK, "plan on {}", app.backend);
    json(response).await
}

/// A person of the case worker's organisation with a plan opened.
async fn person_with_plan(app: &TestApp, cookie: &str, name: &str) -> String {
    let code = app.register_person(cookie, name).await;
    open_plan(app, cookie, &code).await;
    code
}

async fn add_goal(app: &TestApp, cookie: &str, code: &str, area: &str, text: &str) -> i64 {
    let response = app
        .call_raw(
            "planner/goals/add",
            &[
                ("code", code),
                ("form[area]", area),
                ("form[description]", text),
                ("form[expected_on]", &day(120)),
            ],
            Some(cookie),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK, "goal on {}", app.backend);
    let page = plan(app, cookie, code).await;
    goals(&page)
        .into_iter()
        .find(|g| g["description"] == text)
        .and_then(|g| g["id"].as_i64())
        .expect("the new goal")
}

fn goals(page: &Value) -> Vec<Value> {
    page["plan"]["areas"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["goals"].as_array().unwrap().clone())
        .collect()
}

fn actions(page: &Value) -> Vec<Value> {
    goals(page)
        .iter()
        .flat_map(|g| g["actions"].as_array().unwrap().clone())
        .collect()
}

fn service_id(page: &Value, italian_name: &str) -> String {
    page["plan"]["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"]["it"] == italian_name)
        .and_then(|s| s["id"].as_i64())
        .expect("service in the catalogue")
        .to_string()
}

async fn add_action(
    app: &TestApp,
    cookie: &str,
    code: &str,
    goal: i64,
    service: &str,
    responsible: i32,
    (from, to): (&str, &str),
) -> reqwest::Response {
    app.call_raw(
        "planner/actions/add",
        &[
            ("code", code),
            ("form[goal_id]", &goal.to_string()),
            ("form[service_id]", service),
            ("form[responsible_user_id]", &responsible.to_string()),
            ("form[planned_start]", from),
            ("form[planned_end]", to),
        ],
        Some(cookie),
    )
    .await
}

/// The items of a My work list about `code` (the demo network has plans of its own).
fn about(work: &Value, list: &str, code: &str) -> Vec<Value> {
    work[list]
        .as_array()
        .unwrap()
        .iter()
        .filter(|item| item["code"] == code || item[0] == code)
        .cloned()
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_team_reads_and_changes_a_plan_and_every_step_is_audited() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Progetto").await;

    let before = plan(&app, &worker, &code).await;
    assert!(before["plan"].is_null(), "no plan before it is opened");
    let open = [("code", code.as_str()), ("review_every_days", "60")];
    assert_eq!(
        app.call_raw("planner/open", &open, Some(&worker))
            .await
            .status(),
        StatusCode::OK
    );
    let again = app.call_raw("planner/open", &open, Some(&worker)).await;
    assert_eq!(again.status(), StatusCode::CONFLICT);
    assert_eq!(json(again).await["conflict"], "plan_already_open");
    let page = plan(&app, &worker, &code).await;
    assert_eq!(page["plan"]["review_every_days"], 60);
    assert_eq!(page["plan"]["phases"][0]["phase"], "FirstContact");

    // Outside the team: another body's case worker is refused and the refusal audited;
    // the coordinator and a partner are refused by the policy.
    let other = app.sign_in(OTHER_BODY).await;
    for (endpoint, form) in [
        ("planner/plan", vec![("code", code.as_str())]),
        (
            "planner/goals/add",
            vec![
                ("code", code.as_str()),
                ("form[area]", "work"),
                ("form[description]", "Intrusione"),
            ],
        ),
        ("planner/diary", vec![("code", code.as_str())]),
    ] {
        let response = app.call_raw(endpoint, &form, Some(&other)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{endpoint}");
    }
    assert_eq!(audit_rows(&app, &code, "plan.view", "denied").await, 1);
    assert_eq!(audit_rows(&app, &code, "plan.goal.add", "denied").await, 1);
    assert_eq!(
        audit_rows(&app, &code, "plan.diary.view", "denied").await,
        1
    );
    for email in ["coordinatrice@anello.test", "partner@anello.test"] {
        let cookie = app.sign_in(email).await;
        let response = app
            .call_raw("planner/plan", &[("code", &code)], Some(&cookie))
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{email}");
    }
    // The reception manager of the organisation in charge is on the team.
    let reception = app.sign_in(RECEPTION).await;
    plan(&app, &reception, &code).await;

    // Goals and actions.
    let goal = add_goal(&app, &worker, &code, "work", "Trovare un tirocinio").await;
    let page = plan(&app, &worker, &code).await;
    let internship = service_id(&page, "Tirocinio");
    let me = app.user_id(CASE_WORKER).await;
    let late = add_action(
        &app,
        &worker,
        &code,
        goal,
        &internship,
        me,
        (&day(-40), &day(-10)),
    )
    .await;
    assert_eq!(late.status(), StatusCode::OK);
    let page = plan(&app, &worker, &code).await;
    assert_eq!(page["plan"]["overdue_actions"], 1);
    let action = &actions(&page)[0];
    assert_eq!(action["overdue"], true);
    assert_eq!(action["status"], "Planned");
    assert_eq!(action["service"]["en"], "Internship");

    // Someone who is not a colleague of the organisations in charge cannot be responsible.
    let stranger = app.user_id(OTHER_BODY).await;
    let refused = add_action(
        &app,
        &worker,
        &code,
        goal,
        &internship,
        stranger,
        (&day(0), &day(5)),
    )
    .await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(refused).await, "responsible_user_id").as_deref(),
        Some("unknown_choice")
    );
    // Bad input is a translated 422, not a 500.
    let backwards = add_action(
        &app,
        &worker,
        &code,
        goal,
        &internship,
        me,
        (&day(5), &day(1)),
    )
    .await;
    assert_eq!(backwards.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(backwards).await;
    assert_eq!(
        problem(&body, "planned_end").as_deref(),
        Some("contradiction")
    );
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()));
    let unknown_area = app
        .call_raw(
            "planner/goals/add",
            &[
                ("code", &code),
                ("form[area]", "astrology"),
                ("form[description]", "x"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(unknown_area.status(), StatusCode::UNPROCESSABLE_ENTITY);

    // A goal of another person's plan is not this plan's.
    let second = person_with_plan(&app, &worker, "Altro progetto").await;
    let foreign = add_action(
        &app,
        &worker,
        &second,
        goal,
        &internship,
        me,
        (&day(0), &day(5)),
    )
    .await;
    assert_eq!(foreign.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(foreign).await, "goal_id").as_deref(),
        Some("unknown_choice")
    );

    // Marking the action done ends it today and it is late no more.
    let action_id = action["id"].as_i64().unwrap().to_string();
    let done = app
        .call_raw(
            "planner/actions/update",
            &[
                ("code", &code),
                ("action_id", &action_id),
                ("form[status]", "done"),
                ("form[planned_start]", &day(-40)),
                ("form[planned_end]", &day(-10)),
                ("form[outcome]", "Assunta a tempo determinato"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(done.status(), StatusCode::OK);
    let page = plan(&app, &worker, &code).await;
    assert_eq!(page["plan"]["overdue_actions"], 0);
    let action = &actions(&page)[0];
    assert_eq!(action["status"], "Done");
    assert_eq!(action["actual_end"], day(0));
    assert_eq!(action["outcome"], "Assunta a tempo determinato");

    // An assessment per area, replaced rather than duplicated.
    for need in ["medium", "high"] {
        let saved = app
            .call_raw(
                "planner/assessment",
                &[
                    ("code", &code),
                    ("form[area]", "legal"),
                    ("form[need]", need),
                    ("form[notes]", "Permesso da richiedere"),
                ],
                Some(&worker),
            )
            .await;
        assert_eq!(saved.status(), StatusCode::OK);
    }
    let page = plan(&app, &worker, &code).await;
    let legal = &page["plan"]["areas"][0];
    assert_eq!(legal["area"], "Legal");
    assert_eq!(legal["assessment"]["need"], "High");

    // Phases are dated in order.
    let phase = |date: String| {
        let code = code.clone();
        let worker = worker.clone();
        let app = &app;
        async move {
            app.call_raw(
                "planner/phase",
                &[
                    ("code", code.as_str()),
                    ("form[phase]", "protection"),
                    ("form[started_on]", date.as_str()),
                ],
                Some(&worker),
            )
            .await
            .status()
        }
    };
    assert_eq!(phase(day(0)).await, StatusCode::OK);
    assert_eq!(phase(day(-30)).await, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(phase(day(3)).await, StatusCode::UNPROCESSABLE_ENTITY);
    let page = plan(&app, &worker, &code).await;
    assert_eq!(page["plan"]["phases"].as_array().unwrap().len(), 2);

    // Every change and every read is in the audit trail, attributed.
    for (action, expected) in [
        ("plan.open", 1),
        ("plan.goal.add", 1),
        ("plan.action.add", 1),
        ("plan.action.update", 1),
        ("plan.assessment.save", 2),
        ("plan.phase", 1),
    ] {
        assert_eq!(
            audit_rows(&app, &code, action, "success").await,
            expected,
            "{action} on {}",
            app.backend
        );
    }
    assert!(audit_rows(&app, &code, "plan.view", "success").await >= 8);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn diary_notes_are_read_only_at_their_level() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = person_with_plan(&app, &worker, "Diario").await;
    for (level, body) in [
        ("team", "Nota per tutta l'équipe"),
        ("legal", "LEGALE-RISERVATO esito dell'audizione"),
        ("psychologist", "PSICO-RISERVATO colloquio di sostegno"),
    ] {
        let response = app
            .call_raw(
                "planner/diary/add",
                &[
                    ("code", &code),
                    ("form[level]", level),
                    ("form[written_on]", &day(0)),
                    ("form[body]", body),
                ],
                Some(&worker),
            )
            .await;
        assert_eq!(response.status(), StatusCode::OK, "{level}");
    }
    // The author reads all three.
    let own = json(
        app.call_raw("planner/diary", &[("code", &code)], Some(&worker))
            .await,
    )
    .await;
    assert_eq!(own["notes"].as_array().unwrap().len(), 3);

    // A colleague of the team reads the team's note only: not in JSON, not in the page
    // (whose hydration data would carry it).
    let reception = app.sign_in(RECEPTION).await;
    let seen = json(
        app.call_raw("planner/diary", &[("code", &code)], Some(&reception))
            .await,
    )
    .await;
    assert_eq!(seen["notes"].as_array().unwrap().len(), 1);
    assert_eq!(seen["hidden"], 2);
    let text = seen.to_string();
    assert!(!text.contains("RISERVATO"));
    let page = app
        .get(&format!("/persone/{code}/diario"), Some(&reception))
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Nota per tutta"));
    assert!(
        !html.contains("RISERVATO"),
        "restricted notes leak into the page"
    );

    // As the team's legal advisor she reads the legal note, not the psychologist's.
    let reception_id = app.user_id(RECEPTION).await.to_string();
    let added = app
        .call_raw(
            "planner/team/add",
            &[
                ("code", &code),
                ("form[user_id]", &reception_id),
                ("form[role]", "legal_advisor"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(added.status(), StatusCode::OK);
    let twice = app
        .call_raw(
            "planner/team/add",
            &[
                ("code", &code),
                ("form[user_id]", &reception_id),
                ("form[role]", "legal_advisor"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(twice.status(), StatusCode::CONFLICT);
    let seen = json(
        app.call_raw("planner/diary", &[("code", &code)], Some(&reception))
            .await,
    )
    .await;
    let text = seen.to_string();
    assert!(text.contains("LEGALE-RISERVATO"));
    assert!(!text.contains("PSICO-RISERVATO"));
    assert_eq!(seen["hidden"], 1);

    // Off the team's legal role, the note closes again.
    let page = plan(&app, &worker, &code).await;
    let member = page["plan"]["team"][0]["id"].as_i64().unwrap().to_string();
    let removed = app
        .call_raw(
            "planner/team/remove",
            &[("code", &code), ("member_id", &member)],
            Some(&worker),
        )
        .await;
    assert_eq!(removed.status(), StatusCode::OK);
    let seen = json(
        app.call_raw("planner/diary", &[("code", &code)], Some(&reception))
            .await,
    )
    .await;
    assert_eq!(seen["hidden"], 2);

    // An external service joins by name, with the external role only.
    let external = app
        .call_raw(
            "planner/team/add",
            &[
                ("code", &code),
                ("form[external_name]", "Consultorio familiare"),
                ("form[role]", "external_service"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(external.status(), StatusCode::OK);

    // Another body is refused the diary; each read is audited with what was withheld.
    let other = app.sign_in(OTHER_BODY).await;
    let refused = app
        .call_raw("planner/diary", &[("code", &code)], Some(&other))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        audit_rows(&app, &code, "plan.diary.add", "success").await,
        3
    );
    assert!(audit_rows(&app, &code, "plan.diary.view", "success").await >= 4);
    assert_eq!(
        audit_rows(&app, &code, "plan.diary.view", "denied").await,
        1
    );
    // Bad input: an empty note, a note dated tomorrow.
    let empty = app
        .call_raw(
            "planner/diary/add",
            &[
                ("code", &code),
                ("form[level]", "team"),
                ("form[written_on]", &day(1)),
                ("form[body]", "   "),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(empty.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body = json(empty).await;
    assert_eq!(problem(&body, "body").as_deref(), Some("required"));
    assert_eq!(
        problem(&body, "written_on").as_deref(),
        Some("date_in_future")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn my_work_lists_the_late_and_due_actions_of_ones_plans() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let reception = app.sign_in(RECEPTION).await;
    let code = person_with_plan(&app, &worker, "Lavoro").await;
    let goal = add_goal(&app, &worker, &code, "language", "Livello A2 di italiano").await;
    let page = plan(&app, &worker, &code).await;
    let course = service_id(&page, "Corso di italiano L2");
    let me = app.user_id(CASE_WORKER).await;
    let colleague = app.user_id(RECEPTION).await;
    assert_eq!(
        add_action(
            &app,
            &worker,
            &code,
            goal,
            &course,
            me,
            (&day(-30), &day(-2))
        )
        .await
        .status(),
        StatusCode::OK
    );
    assert_eq!(
        add_action(
            &app,
            &worker,
            &code,
            goal,
            &course,
            colleague,
            (&day(0), &day(5))
        )
        .await
        .status(),
        StatusCode::OK
    );
    assert_eq!(
        add_action(
            &app,
            &worker,
            &code,
            goal,
            &course,
            colleague,
            (&day(0), &day(60))
        )
        .await
        .status(),
        StatusCode::OK
    );

    // Responsible for one action only: she sees that one, late.
    let work = json(app.call_raw("planner/my_work", &[], Some(&worker)).await).await;
    let late = about(&work, "overdue", &code);
    assert_eq!(late.len(), 1);
    assert_eq!(late[0]["mine"], true);
    assert!(about(&work, "upcoming", &code).is_empty());
    // The colleague sees the one due within two weeks, not the one in two months.
    let theirs = json(app.call_raw("planner/my_work", &[], Some(&reception)).await).await;
    assert_eq!(about(&theirs, "upcoming", &code).len(), 1);
    assert!(about(&theirs, "overdue", &code).is_empty());

    // On the team, she follows every action of the plan.
    let me_text = me.to_string();
    let joined = app
        .call_raw(
            "planner/team/add",
            &[
                ("code", &code),
                ("form[user_id]", &me_text),
                ("form[role]", "social_worker"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(joined.status(), StatusCode::OK);
    let work = json(app.call_raw("planner/my_work", &[], Some(&worker)).await).await;
    let due = about(&work, "upcoming", &code);
    assert_eq!(due.len(), 1);
    assert_eq!(due[0]["mine"], false);

    // Done, it leaves the list.
    let page = plan(&app, &worker, &code).await;
    let late = actions(&page)
        .into_iter()
        .find(|a| a["overdue"] == true)
        .unwrap();
    let late_id = late["id"].as_i64().unwrap().to_string();
    let done = app
        .call_raw(
            "planner/actions/update",
            &[
                ("code", &code),
                ("action_id", &late_id),
                ("form[status]", "done"),
                ("form[planned_start]", &day(-30)),
                ("form[planned_end]", &day(-2)),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(done.status(), StatusCode::OK);
    let work = json(app.call_raw("planner/my_work", &[], Some(&worker)).await).await;
    assert!(about(&work, "overdue", &code).is_empty());

    // Nobody else's work shows up elsewhere; the page itself renders.
    let other = app.sign_in(OTHER_BODY).await;
    let elsewhere = json(app.call_raw("planner/my_work", &[], Some(&other)).await).await;
    assert!(about(&elsewhere, "upcoming", &code).is_empty());
    assert!(!elsewhere.to_string().contains(&code));
    let page = app.get("/il-mio-lavoro", Some(&worker)).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains(&code));
    assert!(audit_rows(&app, &code, "plan.my_work.view", "success").await >= 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_coordinator_keeps_the_service_catalogue() {
    let app = TestApp::spawn().await;
    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let worker = app.sign_in(CASE_WORKER).await;
    let service = [
        ("form[area]", "health"),
        ("form[name_it]", "Screening odontoiatrico"),
        ("form[name_en]", "Dental screening"),
    ];
    assert_eq!(
        app.call_raw("planner/services/add", &service, Some(&coordinator))
            .await
            .status(),
        StatusCode::OK
    );
    let duplicate = app
        .call_raw("planner/services/add", &service, Some(&coordinator))
        .await;
    assert_eq!(duplicate.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        app.call_raw("planner/services/add", &service, Some(&worker))
            .await
            .status(),
        StatusCode::FORBIDDEN
    );
    let catalogue = json(app.call_raw("planner/services", &[], Some(&worker)).await).await;
    assert_eq!(catalogue["may_edit"], false);
    let added = catalogue["services"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"]["en"] == "Dental screening")
        .cloned()
        .expect("the new service");
    let id = added["id"].as_i64().unwrap().to_string();

    // A deactivated service is no longer offered for new actions.
    let code = person_with_plan(&app, &worker, "Catalogo").await;
    let goal = add_goal(&app, &worker, &code, "health", "Cure dentarie").await;
    let off = app
        .call_raw(
            "planner/services/active",
            &[("service_id", &id), ("active", "false")],
            Some(&coordinator),
        )
        .await;
    assert_eq!(off.status(), StatusCode::OK);
    let page = plan(&app, &worker, &code).await;
    assert!(!page["plan"]["services"]
        .to_string()
        .contains("Dental screening"));
    let me = app.user_id(CASE_WORKER).await;
    let refused = add_action(&app, &worker, &code, goal, &id, me, (&day(0), &day(5))).await;
    assert_eq!(refused.status(), StatusCode::UNPROCESSABLE_ENTITY);
    use app::entity::audit_log;
    let rows = audit_log::Entity::find()
        .filter(audit_log::Column::Action.is_in(["plan.service.add", "plan.service.active"]))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(rows, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plan_page_works_without_javascript() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = person_with_plan(&app, &worker, "Pagina").await;
    add_goal(
        &app,
        &worker,
        &code,
        "housing",
        "Cercare una casa in affitto",
    )
    .await;
    let page = app
        .get(&format!("/persone/{code}/progetto"), Some(&worker))
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(html.contains("Cercare una casa in affitto"));
    assert!(html.contains("Cronoprogramma"));
    // A plain form post (no JavaScript) changes the plan and comes back to the page.
    let response = app
        .client
        .post(app.url("/api/planner/goals/add"))
        .header("origin", app.origin())
        .header("accept", "text/html")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", &worker)
        .header("referer", app.url(&format!("/persone/{code}/progetto")))
        .body(encode_form(&[
            ("code", &code),
            ("form[area]", "work"),
            ("form[description]", "Patente di guida"),
        ]))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_redirection(), "{}", response.status());
    let page = plan(&app, &worker, &code).await;
    assert!(page.to_string().contains("Patente di guida"));
    // Outside the team the page answers 403 and shows nothing of the plan.
    let other = app.sign_in(OTHER_BODY).await;
    let refused = app
        .get(&format!("/persone/{code}/progetto"), Some(&other))
        .await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN);
    assert!(!refused.text().await.unwrap().contains("Cercare una casa"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reviews_permits_internships_and_the_exit_that_closes_the_plan() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = person_with_plan(&app, &worker, "Uscita").await;
    let me = app.user_id(CASE_WORKER).await.to_string();
    let joined = app
        .call_raw(
            "planner/team/add",
            &[
                ("code", &code),
                ("form[user_id]", &me),
                ("form[role]", "social_worker"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(joined.status(), StatusCode::OK);

    // Opening the plan scheduled its first review after the interval (60 days).
    let page = plan(&app, &worker, &code).await;
    let review = &page["plan"]["reviews"][0];
    assert_eq!(review["scheduled_on"], day(60));
    assert_eq!(review["due"], false);
    // Moved to next week, it is due, and on My work.
    let moved = app
        .call_raw(
            "planner/reviews/schedule",
            &[("code", &code), ("scheduled_on", &day(7))],
            Some(&worker),
        )
        .await;
    assert_eq!(moved.status(), StatusCode::OK);
    let page = plan(&app, &worker, &code).await;
    assert_eq!(page["plan"]["reviews"][0]["due"], true);
    let work = json(app.call_raw("planner/my_work", &[], Some(&worker)).await).await;
    assert_eq!(about(&work, "reviews", &code).len(), 1);
    // Held: minutes kept, the next one scheduled from the meeting's date.
    let review_id = page["plan"]["reviews"][0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let held = app
        .call_raw(
            "planner/reviews/record",
            &[
                ("code", &code),
                ("review_id", &review_id),
                ("form[held_on]", &day(0)),
                ("form[minutes]", "Verificati gli obiettivi lavorativi."),
                ("form[decisions]", "Avviare il tirocinio."),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(held.status(), StatusCode::OK);
    let page = plan(&app, &worker, &code).await;
    let reviews = page["plan"]["reviews"].as_array().unwrap();
    assert_eq!(reviews.len(), 2);
    assert_eq!(reviews[0]["scheduled_on"], day(60));
    assert_eq!(
        reviews[1]["minutes"],
        "Verificati gli obiettivi lavorativi."
    );
    let again = app
        .call_raw(
            "planner/reviews/record",
            &[
                ("code", &code),
                ("review_id", &review_id),
                ("form[held_on]", &day(0)),
                ("form[minutes]", "Due volte"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(
        again.status(),
        StatusCode::NOT_FOUND,
        "a review is held once"
    );

    // A permit expiring in a month is flagged, on the plan and on My work.
    let permit = app
        .call_raw(
            "planner/permits/save",
            &[
                ("code", &code),
                ("form[kind]", "art18"),
                ("form[applied_on]", &day(-330)),
                ("form[issued_on]", &day(-300)),
                ("form[expires_on]", &day(30)),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(permit.status(), StatusCode::OK);
    let page = plan(&app, &worker, &code).await;
    let permit = &page["plan"]["permits"][0];
    assert_eq!(permit["expiry_alert"], 30);
    let work = json(app.call_raw("planner/my_work", &[], Some(&worker)).await).await;
    let expiring = about(&work, "permits", &code);
    assert_eq!(expiring.len(), 1);
    assert_eq!(expiring[0][1], "Art18");
    // Converted into a work permit: no longer an alert, and counted as a conversion.
    let permit_id = permit["id"].as_i64().unwrap().to_string();
    let before_issue = app
        .call_raw(
            "planner/permits/convert",
            &[
                ("code", &code),
                ("permit_id", &permit_id),
                ("form[converted_to]", "work"),
                ("form[converted_on]", &day(-320)),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(before_issue.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let converted = app
        .call_raw(
            "planner/permits/convert",
            &[
                ("code", &code),
                ("permit_id", &permit_id),
                ("form[converted_to]", "work"),
                ("form[converted_on]", &day(0)),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(converted.status(), StatusCode::OK);
    let page = plan(&app, &worker, &code).await;
    assert!(page["plan"]["permits"][0]["expiry_alert"].is_null());
    assert_eq!(page["plan"]["permits"][0]["converted_to"], "Work");
    let work = json(app.call_raw("planner/my_work", &[], Some(&worker)).await).await;
    assert!(about(&work, "permits", &code).is_empty());

    // An internship of four months with a grant, then its outcome.
    let internship = app
        .call_raw(
            "planner/work/add",
            &[
                ("code", &code),
                ("form[kind]", "internship"),
                ("form[host_company]", "Trattoria Da Gino"),
                ("form[starts_on]", &day(-120)),
                ("form[ends_on]", &day(0)),
                ("form[hours_per_week]", "25"),
                ("form[grant]", "450,00"),
                ("form[tutor]", "Gino Rossi"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(internship.status(), StatusCode::OK);
    let page = plan(&app, &worker, &code).await;
    let row = &page["plan"]["work"][0];
    assert_eq!(row["grant_cents"], 45_000);
    let work_id = row["id"].as_i64().unwrap().to_string();
    let hired = app
        .call_raw(
            "planner/work/update",
            &[
                ("code", &code),
                ("work_id", &work_id),
                ("form[attendance_percent]", "92"),
                ("form[outcome]", "hired"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(hired.status(), StatusCode::OK);
    let bad_grant = app
        .call_raw(
            "planner/work/add",
            &[
                ("code", &code),
                ("form[kind]", "work_grant"),
                ("form[host_company]", "Cooperativa"),
                ("form[starts_on]", &day(0)),
                ("form[ends_on]", &day(90)),
                ("form[hours_per_week]", "20"),
                ("form[grant]", "tanti soldi"),
            ],
            Some(&worker),
        )
        .await;
    assert_eq!(bad_grant.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem(&json(bad_grant).await, "grant").as_deref(),
        Some("out_of_range")
    );

    // The exit needs its confirmation; then the plan is read-only and the path ended.
    let exit = |confirm: bool| {
        let mut form = vec![
            ("code", code.clone()),
            ("form[outcome]", "permit_converted".to_string()),
            ("form[closed_on]", day(0)),
            (
                "form[summary]",
                "Assunta dopo il tirocinio, permesso convertito.".to_string(),
            ),
        ];
        if confirm {
            form.push(("confirm", "on".to_string()));
        }
        form
    };
    let form = exit(false);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let unconfirmed = app.call_raw("planner/exit", &form, Some(&worker)).await;
    assert_eq!(unconfirmed.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let form = exit(true);
    let form: Vec<(&str, &str)> = form.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let closed = app.call_raw("planner/exit", &form, Some(&worker)).await;
    assert_eq!(closed.status(), StatusCode::OK);
    let page = plan(&app, &worker, &code).await;
    assert_eq!(page["plan"]["closing"]["outcome"], "PermitConverted");
    let person = json(
        app.call_raw("people/person", &[("code", &code)], Some(&worker))
            .await,
    )
    .await;
    assert_eq!(person["person"]["status"], "Exited");
    assert_eq!(person["exit_outcome"], "Autonomy");
    for (endpoint, form) in [
        (
            "planner/goals/add",
            vec![
                ("code", code.as_str()),
                ("form[area]", "work"),
                ("form[description]", "Dopo"),
            ],
        ),
        (
            "planner/diary/add",
            vec![
                ("code", code.as_str()),
                ("form[level]", "team"),
                ("form[written_on]", "2026-01-01"),
                ("form[body]", "Dopo la chiusura"),
            ],
        ),
    ] {
        let response = app.call_raw(endpoint, &form, Some(&worker)).await;
        assert_eq!(
            response.status(),
            StatusCode::CONFLICT,
            "{endpoint} after the exit"
        );
        assert_eq!(json(response).await["conflict"], "plan_closed");
    }
    let closed_again = app.call_raw("planner/exit", &form, Some(&worker)).await;
    assert_eq!(closed_again.status(), StatusCode::CONFLICT);
    // The closed plan still reads (and its page shows no forms).
    let html = app
        .get(&format!("/persone/{code}/progetto"), Some(&worker))
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("Assunta dopo il tirocinio"));
    assert!(!html.contains("Aggiungi un obiettivo"));
    // Its reviews leave My work.
    let work = json(app.call_raw("planner/my_work", &[], Some(&worker)).await).await;
    assert!(about(&work, "reviews", &code).is_empty());
    for (action, expected) in [
        ("plan.review.schedule", 1),
        ("plan.review.record", 1),
        ("plan.permit.save", 1),
        ("plan.permit.convert", 1),
        ("plan.work.add", 1),
        ("plan.work.update", 1),
        ("plan.exit", 1),
    ] {
        assert_eq!(
            audit_rows(&app, &code, action, "success").await,
            expected,
            "{action} on {}",
            app.backend
        );
    }
}
