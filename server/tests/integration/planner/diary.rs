//! The case diary: each note read only at its level, by the team's roles.

use app::planner::model::DiaryPage;
use reqwest::StatusCode;

use super::{person_with_plan, the_plan, CASE_WORKER, OTHER_BODY, RECEPTION};
use crate::helpers::*;

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
    let own: DiaryPage = app
        .call("planner/diary", &[("code", &code)], Some(&worker))
        .await;
    assert_eq!(own.notes.len(), 3);

    // A colleague of the team reads the team's note only: not in JSON, not in the page
    // (whose hydration data would carry it).
    let reception = app.sign_in(RECEPTION).await;
    let seen: DiaryPage = app
        .call("planner/diary", &[("code", &code)], Some(&reception))
        .await;
    assert_eq!(seen.notes.len(), 1);
    assert_eq!(seen.hidden, 2);
    let text = serde_json::to_string(&seen).unwrap();
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
    let seen: DiaryPage = app
        .call("planner/diary", &[("code", &code)], Some(&reception))
        .await;
    let text = serde_json::to_string(&seen).unwrap();
    assert!(text.contains("LEGALE-RISERVATO"));
    assert!(!text.contains("PSICO-RISERVATO"));
    assert_eq!(seen.hidden, 1);

    // Off the team's legal role, the note closes again.
    let plan = the_plan(&app, &worker, &code).await;
    let member = plan.team[0].id.to_string();
    let removed = app
        .call_raw(
            "planner/team/remove",
            &[("code", &code), ("member_id", &member)],
            Some(&worker),
        )
        .await;
    assert_eq!(removed.status(), StatusCode::OK);
    let seen: DiaryPage = app
        .call("planner/diary", &[("code", &code)], Some(&reception))
        .await;
    assert_eq!(seen.hidden, 2);

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
