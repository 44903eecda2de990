//! XSS payloads rendered inert in the page.

use reqwest::StatusCode;

use super::{demo_thread, reply, PARTNER, TRAINER};
use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn xss_payloads_reach_the_page_inert() {
    let app = TestApp::spawn().await;
    let trainer = app.sign_in(TRAINER).await;
    let reader = app.sign_in(PARTNER).await;
    let id = demo_thread(&app, "Quali indicatori").await;
    let payloads = [
        "<script>alert('xss-1')</script>",
        "<img src=x onerror=alert('xss-2')>",
        "[clicca](javascript:alert('xss-3'))",
        "<a href=\"https://example.org\" onclick=\"alert('xss-4')\">x</a>",
        "<svg onload=alert('xss-5')>",
    ];
    for payload in payloads {
        let response = reply(&app, &trainer, id, payload).await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "{payload} on {}",
            app.backend
        );
    }
    let html = app
        .get(&format!("/forum/discussioni/{id}"), Some(&reader))
        .await
        .text()
        .await
        .unwrap();
    // Written HTML stays visible as text (escaped), so look for live markup only.
    for forbidden in [
        "<script>alert(",
        "<img",
        "<svg",
        "href=\"javascript:",
        // A live tag, not the escaped text of one (pulldown-cmark leaves quotes as they are).
        "<a href=\"https://example.org\" onclick",
    ] {
        assert!(
            !html.contains(forbidden),
            "{forbidden} survived on {}",
            app.backend
        );
    }
    // The raw HTML is shown as the text it is.
    assert!(html.contains("&lt;script&gt;"));
}
