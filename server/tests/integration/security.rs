use reqwest::StatusCode;

use crate::helpers::*;
use app::admin::model::OrganisationRow;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_from_another_origin_is_refused_with_a_translated_message() {
    let app = TestApp::spawn().await;
    let cookie = app.sign_in("coordinatrice@anello.test").await;
    for (header, value) in [
        ("origin", "http://evil.example"),
        ("origin", "null"),
        ("sec-fetch-site", "cross-site"),
    ] {
        let response = app
            .client
            .post(app.url("/api/admin/organisations/save"))
            .header(header, value)
            .header("cookie", &cookie)
            .header("accept-language", "it-IT,it;q=0.9")
            .header("content-type", "application/x-www-form-urlencoded")
            .body("form[name]=Intrusa&form[kind]=partner")
            .send()
            .await
            .unwrap();
        assert_eq!(
            response.status(),
            StatusCode::FORBIDDEN,
            "{header}: {value}"
        );
        assert_eq!(
            response.text().await.unwrap(),
            "Richiesta rifiutata: proviene da un altro sito."
        );
    }
    let organisations: Vec<OrganisationRow> =
        app.call("admin/organisations", &[], Some(&cookie)).await;
    assert!(organisations
        .iter()
        .all(|organisation| !organisation.name.contains("Intrusa")));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_carries_the_security_headers_and_a_matching_nonce() {
    let app = TestApp::spawn().await;
    let response = app.get("/accedi", None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let headers = response.headers().clone();
    let csp = headers["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(csp.contains("object-src 'none'"));
    assert_eq!(headers["x-content-type-options"], "nosniff");
    assert_eq!(headers["referrer-policy"], "same-origin");
    assert_eq!(headers["cache-control"], "no-store");
    assert!(headers["strict-transport-security"]
        .to_str()
        .unwrap()
        .contains("max-age="));
    assert!(headers.contains_key("x-request-id"));
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|rest| rest.split('\'').next())
        .unwrap()
        .to_string();
    let html = response.text().await.unwrap();
    // Every script, the one loading the browser bundle included: one with another
    // nonce is refused by the browser, and the page is never hydrated.
    let scripts: Vec<&str> = html
        .split("<script")
        .skip(1)
        .map(|rest| rest.split('>').next().unwrap_or(""))
        .collect();
    assert!(!scripts.is_empty());
    for script in scripts {
        assert!(
            script.contains(&format!("nonce=\"{nonce}\"")),
            "a script without the header's nonce: <script{script}>"
        );
    }
    assert!(html.contains("<html lang=\"it\""), "Italian by default");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_state_change_is_never_a_get() {
    let app = TestApp::spawn().await;
    let cookie = app.sign_in("operatrice@anello.test").await;
    let response = app.get("/api/auth/sign_out", Some(&cookie)).await;
    assert!(response.status().is_client_error(), "{}", response.status());
    assert_eq!(
        app.whoami(&cookie).await.as_deref(),
        Some("operatrice@anello.test")
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_answer_with_the_status_of_what_they_show_in_both_languages() {
    let app = TestApp::spawn().await;
    // Anonymous: sent to the sign-in page, and back here after it.
    let response = app.get("/amministrazione/utenti", None).await;
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(
        response.headers()["location"],
        "/accedi?torna=%2Famministrazione%2Futenti"
    );

    let partner = app.sign_in("partner@anello.test").await;
    let response = app.get("/amministrazione/utenti", Some(&partner)).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("Non hai accesso a questa funzione"),
        "Italian refusal"
    );
    assert!(
        !html.contains("operatrice@anello.test"),
        "no user data leaks into a refused page"
    );

    let english = format!("{partner}; lf-lang=en");
    let response = app.get("/amministrazione/utenti", Some(&english)).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let html = response.text().await.unwrap();
    assert!(
        html.contains("You do not have access to this function"),
        "English refusal"
    );
    assert!(html.contains("<html lang=\"en\""));

    let response = app.get("/no/such/page", Some(&partner)).await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);

    let coordinator = app.sign_in("coordinatrice@anello.test").await;
    let response = app.get("/amministrazione/utenti", Some(&coordinator)).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let html = response.text().await.unwrap();
    assert!(html.contains("operatrice@anello.test"));
    assert!(
        html.contains("<title>Utenti · Anello</title>"),
        "the page title is translated too"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plain_form_post_without_javascript_signs_in_and_returns_errors_to_the_form() {
    let app = TestApp::spawn().await;
    let form = |password: &str| {
        app.client
            .post(app.url("/api/auth/sign_in"))
            .header("origin", app.origin())
            .header("referer", app.url("/accedi"))
            .header("accept", "text/html,application/xhtml+xml")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(encode_form(&[
                ("email", "operatrice@anello.test"),
                ("password", password),
            ]))
    };
    let response = form("wrong").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    let location = response.headers()["location"].to_str().unwrap().to_string();
    assert!(
        location.starts_with(&app.url("/accedi")) && location.contains("__err="),
        "{location}"
    );
    let page = app
        .client
        .get(&location)
        .header("accept", "text/html")
        .send()
        .await
        .unwrap();
    assert_eq!(
        page.status(),
        StatusCode::UNAUTHORIZED,
        "the error page answers 401 too"
    );
    assert!(page
        .text()
        .await
        .unwrap()
        .contains("Indirizzo e-mail o password non riconosciuti."));

    let response = form(DEMO_PASSWORD).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::FOUND);
    assert_eq!(response.headers()["location"], "/");
    let cookie = session_cookie(response.headers()).unwrap();
    let home = app.get("/", Some(&cookie)).await;
    assert_eq!(home.status(), StatusCode::OK);
    assert!(home.text().await.unwrap().contains("Sara Colombo"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_request_id_is_always_the_servers_own() {
    use sea_orm::{EntityTrait, QueryOrder};
    let app = TestApp::spawn().await;
    let response = app
        .client
        .post(app.url("/api/auth/sign_in"))
        .header("origin", app.origin())
        .header("accept", "application/json")
        .header("x-request-id", "x".repeat(200))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(encode_form(&[
            ("email", "operatrice@anello.test"),
            ("password", "wrong"),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::UNAUTHORIZED,
        "an overlong forged id breaks nothing"
    );
    let row = app::entity::audit_log::Entity::find()
        .order_by_desc(app::entity::audit_log::Column::Id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let id = row.request_id.unwrap();
    assert_eq!(id.len(), 36);
    assert!(!id.contains('x'));
}
