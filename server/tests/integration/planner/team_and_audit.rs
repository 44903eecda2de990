//! Only the person's team reads and changes a plan (goals, actions, assessments,
//! phases), bad input is a translated 422, and every read and change is audited.

use app::planner::model::{ActionStatus, Area, NeedLevel, Phase};
use reqwest::StatusCode;

use super::{
    actions, add_action, add_goal, person_with_plan, plan_page, service_id, the_plan, CASE_WORKER,
    OTHER_BODY, RECEPTION,
};
use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_team_reads_and_changes_a_plan_and_every_step_is_audited() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let code = app.register_person(&worker, "Progetto").await;

    let before = plan_page(&app, &worker, &code).await;
    assert!(before.plan.is_none(), "no plan before it is opened");
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
    let plan = the_plan(&app, &worker, &code).await;
    assert_eq!(plan.review_every_days, 60);
    assert_eq!(plan.phases[0].phase, Phase::FirstContact);

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
    plan_page(&app, &reception, &code).await;

    // Goals and actions.
    let goal = add_goal(&app, &worker, &code, "work", "Trovare un tirocinio").await;
    let plan = the_plan(&app, &worker, &code).await;
    let internship = service_id(&plan, "Tirocinio");
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
    let plan = the_plan(&app, &worker, &code).await;
    assert_eq!(plan.overdue_actions, 1);
    let action = &actions(&plan)[0];
    assert!(action.overdue);
    assert_eq!(action.status, ActionStatus::Planned);
    assert_eq!(action.service.en, "Internship");

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
    let action_id = action.id.to_string();
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
    let plan = the_plan(&app, &worker, &code).await;
    assert_eq!(plan.overdue_actions, 0);
    let action = &actions(&plan)[0];
    assert_eq!(action.status, ActionStatus::Done);
    assert_eq!(action.actual_end.map(|d| d.to_string()), Some(day(0)));
    assert_eq!(
        action.outcome.as_deref(),
        Some("Assunta a tempo determinato")
    );

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
    let plan = the_plan(&app, &worker, &code).await;
    let legal = &plan.areas[0];
    assert_eq!(legal.area, Area::Legal);
    assert_eq!(
        legal.assessment.as_ref().map(|a| a.need),
        Some(NeedLevel::High)
    );

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
    let plan = the_plan(&app, &worker, &code).await;
    assert_eq!(plan.phases.len(), 2);

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
