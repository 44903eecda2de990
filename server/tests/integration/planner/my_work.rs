//! "My work": the late and due actions of one's plans, and nobody else's.

use app::planner::model::MyWork;
use reqwest::StatusCode;

use super::{
    about, actions, add_action, add_goal, person_with_plan, service_id, the_plan, CASE_WORKER,
    OTHER_BODY, RECEPTION,
};
use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn my_work_lists_the_late_and_due_actions_of_ones_plans() {
    let app = TestApp::spawn().await;
    let worker = app.sign_in(CASE_WORKER).await;
    let reception = app.sign_in(RECEPTION).await;
    let code = person_with_plan(&app, &worker, "Lavoro").await;
    let goal = add_goal(&app, &worker, &code, "language", "Livello A2 di italiano").await;
    let plan = the_plan(&app, &worker, &code).await;
    let course = service_id(&plan, "Corso di italiano L2");
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
    let work: MyWork = app.call("planner/my_work", &[], Some(&worker)).await;
    let late = about(&work.overdue, &code);
    assert_eq!(late.len(), 1);
    assert!(late[0].mine);
    assert!(about(&work.upcoming, &code).is_empty());
    // The colleague sees the one due within two weeks, not the one in two months.
    let theirs: MyWork = app.call("planner/my_work", &[], Some(&reception)).await;
    assert_eq!(about(&theirs.upcoming, &code).len(), 1);
    assert!(about(&theirs.overdue, &code).is_empty());

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
    let work: MyWork = app.call("planner/my_work", &[], Some(&worker)).await;
    let due = about(&work.upcoming, &code);
    assert_eq!(due.len(), 1);
    assert!(!due[0].mine);

    // Done, it leaves the list.
    let plan = the_plan(&app, &worker, &code).await;
    let late = actions(&plan).into_iter().find(|a| a.overdue).unwrap();
    let late_id = late.id.to_string();
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
    let work: MyWork = app.call("planner/my_work", &[], Some(&worker)).await;
    assert!(about(&work.overdue, &code).is_empty());

    // Nobody else's work shows up elsewhere; the page itself renders.
    let other = app.sign_in(OTHER_BODY).await;
    let elsewhere: MyWork = app.call("planner/my_work", &[], Some(&other)).await;
    assert!(about(&elsewhere.upcoming, &code).is_empty());
    assert!(!serde_json::to_string(&elsewhere).unwrap().contains(&code));
    let page = app.get("/il-mio-lavoro", Some(&worker)).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert!(page.text().await.unwrap().contains(&code));
    assert!(audit_rows(&app, &code, "plan.my_work.view", "success").await >= 3);
}
