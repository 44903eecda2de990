//! Reviews, permits and internships along the plan, and the exit that closes it.

use app::people::registry::model::{ExitOutcome, PathStatus, PersonPage};
use app::planner::model::{Conversion, MyWork, PermitKind, PlanExit};
use reqwest::StatusCode;

use super::{about, person_with_plan, the_plan, CASE_WORKER};
use crate::helpers::*;

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
    let plan = the_plan(&app, &worker, &code).await;
    let review = &plan.reviews[0];
    assert_eq!(review.scheduled_on.to_string(), day(60));
    assert!(!review.due);
    // Moved to next week, it is due, and on My work.
    let moved = app
        .call_raw(
            "planner/reviews/schedule",
            &[("code", &code), ("scheduled_on", &day(7))],
            Some(&worker),
        )
        .await;
    assert_eq!(moved.status(), StatusCode::OK);
    let plan = the_plan(&app, &worker, &code).await;
    assert!(plan.reviews[0].due);
    let work: MyWork = app.call("planner/my_work", &[], Some(&worker)).await;
    assert_eq!(about(&work.reviews, &code).len(), 1);
    // Held: minutes kept, the next one scheduled from the meeting's date.
    let review_id = plan.reviews[0].id.to_string();
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
    let plan = the_plan(&app, &worker, &code).await;
    let reviews = &plan.reviews;
    assert_eq!(reviews.len(), 2);
    assert_eq!(reviews[0].scheduled_on.to_string(), day(60));
    assert_eq!(
        reviews[1].minutes.as_deref(),
        Some("Verificati gli obiettivi lavorativi.")
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
    let plan = the_plan(&app, &worker, &code).await;
    let permit = &plan.permits[0];
    assert_eq!(permit.expiry_alert, Some(30));
    let work: MyWork = app.call("planner/my_work", &[], Some(&worker)).await;
    let expiring = about(&work.permits, &code);
    assert_eq!(expiring.len(), 1);
    assert_eq!(expiring[0].1, PermitKind::Art18);
    // Converted into a work permit: no longer an alert, and counted as a conversion.
    let permit_id = permit.id.to_string();
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
    let plan = the_plan(&app, &worker, &code).await;
    assert!(plan.permits[0].expiry_alert.is_none());
    assert_eq!(plan.permits[0].converted_to, Some(Conversion::Work));
    let work: MyWork = app.call("planner/my_work", &[], Some(&worker)).await;
    assert!(about(&work.permits, &code).is_empty());

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
    let plan = the_plan(&app, &worker, &code).await;
    let row = &plan.work[0];
    assert_eq!(row.grant_cents, Some(45_000));
    let work_id = row.id.to_string();
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
    let plan = the_plan(&app, &worker, &code).await;
    assert_eq!(
        plan.closing.as_ref().map(|c| c.outcome),
        Some(PlanExit::PermitConverted)
    );
    let person: PersonPage = app
        .call("people/person", &[("code", &code)], Some(&worker))
        .await;
    assert_eq!(person.person.status, PathStatus::Exited);
    assert_eq!(person.exit_outcome, Some(ExitOutcome::Autonomy));
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
    let work: MyWork = app.call("planner/my_work", &[], Some(&worker)).await;
    assert!(about(&work.reviews, &code).is_empty());
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
