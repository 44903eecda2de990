//! Forms as people send them: a page's form without JavaScript, and the anonymisation
//! a team asks for.

use reqwest::{Response, StatusCode};

use super::{encode_form, TestApp};

/// Posts `form` to the server function `endpoint` as a browser without JavaScript does
/// from the page `page`: `text/html` wanted, the page as referer. A success answers with
/// a redirect back to the page.
pub async fn post_plain_form(
    app: &TestApp,
    cookie: &str,
    (endpoint, page): (&str, &str),
    form: &[(&str, &str)],
) -> Response {
    app.client
        .post(app.url(&format!("/api/{endpoint}")))
        .header("origin", app.origin())
        .header("accept", "text/html")
        .header("content-type", "application/x-www-form-urlencoded")
        .header("cookie", cookie)
        .header("referer", app.url(page))
        .body(encode_form(form))
        .send()
        .await
        .unwrap()
}

/// Anonymises the person behind `code` as her team does (on her request), and checks
/// that it was done.
pub async fn anonymise_person(app: &TestApp, cookie: &str, code: &str) {
    let anonymised = app
        .call_raw(
            "people/anonymise",
            &[("code", code), ("reason", "request"), ("confirm", "on")],
            Some(cookie),
        )
        .await;
    let status = anonymised.status();
    assert_eq!(
        status,
        StatusCode::OK,
        "anonymise on {}: {}",
        app.backend,
        anonymised.text().await.unwrap_or_default()
    );
}
