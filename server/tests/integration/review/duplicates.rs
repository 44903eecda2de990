//! Finding 8: editing a dummy record's name and birth date again and again told any
//! front-line user which organisation holds a person of that name.

use reqwest::StatusCode;

use super::*;
use crate::helpers::*;

async fn save_identity(
    app: &TestApp,
    cookie: &str,
    code: &str,
    family_name: &str,
) -> reqwest::Response {
    app.call_raw(
        "people/identity/save",
        &[
            ("code", code),
            ("form[given_names]", "Precious"),
            ("form[family_name]", family_name),
            ("form[date_of_birth]", "2000-01-31"),
            ("form[gender]", "female"),
            ("form[province]", "CN"),
        ],
        Some(cookie),
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn identity_edits_reveal_no_organisation_and_are_limited() {
    let app = TestApp::spawn().await;
    let torino = app.sign_in(CASE_WORKER).await;
    let registered = app
        .call_raw(
            "people/register",
            &[
                ("form[given_names]", "Precious"),
                ("form[family_name]", "Adebayo"),
                ("form[date_of_birth]", "2000-01-31"),
                ("form[gender]", "female"),
                ("form[province]", "TO"),
            ],
            Some(&torino),
        )
        .await;
    assert_eq!(registered.status(), StatusCode::OK, "on {}", app.backend);

    // The probe: a dummy record of Cuneo, renamed until the page says "possible duplicate".
    let cuneo = app.sign_in("operatrice.cuneo@anello.test").await;
    let dummy = app.register_person(&cuneo, "Fittizia").await;
    let saved = save_identity(&app, &cuneo, &dummy, "Adebayo").await;
    assert_eq!(saved.status(), StatusCode::OK);
    let page = json(
        app.call_raw("people/person", &[("code", &dummy)], Some(&cuneo))
            .await,
    )
    .await;
    assert_eq!(page["possible_duplicate"], true);
    assert!(
        page.get("possible_duplicates").is_none(),
        "the holder is named"
    );
    let html = app
        .get(&format!("/persone/{dummy}"), Some(&cuneo))
        .await
        .text()
        .await
        .unwrap();
    let notice = html
        .split("Potrebbe esistere già una scheda")
        .nth(1)
        .and_then(|rest| rest.split("</p>").next())
        .expect("the notice on the page");
    assert!(!notice.contains(TORINO_BODY), "{notice}");
    assert!(
        notice.contains("il coordinamento è stato avvisato"),
        "{notice}"
    );

    // After 30 identity changes in an hour, the next one waits.
    let mut statuses = vec![StatusCode::OK];
    for attempt in 1..30 {
        let status = save_identity(&app, &cuneo, &dummy, &format!("Cognome{attempt}"))
            .await
            .status();
        statuses.push(status);
    }
    assert!(
        statuses.iter().all(|s| *s == StatusCode::OK),
        "{statuses:?}"
    );
    let refused = save_identity(&app, &cuneo, &dummy, "Ancora").await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(json(refused).await["message"]
        .as_str()
        .unwrap_or_default()
        .starts_with("Troppe richieste"));
}
