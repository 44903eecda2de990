//! Behind a reverse proxy: the public URL decides which origin may change data, the
//! client address is the last `X-Forwarded-For` hop, and answers are compressed.

use reqwest::header::{ACCEPT, ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_TYPE, HOST, ORIGIN};
use reqwest::StatusCode;

use crate::helpers::*;

const PUBLIC: &str = "https://anello.rete.example";

async fn sign_in_through_proxy(app: &TestApp, origin: &str) -> StatusCode {
    app.client
        .post(app.url("/api/auth/sign_in"))
        // nginx sends the upstream's address as Host by default.
        .header(HOST, app.address.to_string())
        .header(ORIGIN, origin)
        .header("x-forwarded-proto", "https")
        .header("x-forwarded-for", "192.0.2.10")
        .header(ACCEPT, "application/json")
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(encode_form(&[
            ("email", "operatrice@anello.test"),
            ("password", DEMO_PASSWORD),
        ]))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn behind_a_proxy_the_public_url_is_the_only_origin_that_may_change_data() {
    let app = TestApp::spawn_behind_proxy(PUBLIC).await;
    assert_eq!(sign_in_through_proxy(&app, PUBLIC).await, StatusCode::OK);
    for other in [
        "https://evil.example",
        "http://anello.rete.example",
        // The upstream address itself is not where browsers are.
        &app.origin(),
        "null",
    ] {
        assert_eq!(
            sign_in_through_proxy(&app, other).await,
            StatusCode::FORBIDDEN,
            "{other} on {}",
            app.backend
        );
    }
}

/// One sign-in attempt whose `X-Forwarded-For` has the given header lines.
async fn attempt_with_forwarded(app: &TestApp, lines: &[&str], password: &str) -> StatusCode {
    let mut request = app
        .client
        .post(app.url("/api/auth/sign_in"))
        .header(ORIGIN, PUBLIC)
        .header(ACCEPT, "application/json")
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded");
    for line in lines {
        request = request.header("x-forwarded-for", *line);
    }
    request
        .body(encode_form(&[
            ("email", "strada@anello.test"),
            ("password", password),
        ]))
        .send()
        .await
        .unwrap()
        .status()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn forged_forwarded_addresses_do_not_change_the_counted_address() {
    let app = TestApp::spawn_behind_proxy(PUBLIC).await;
    // The proxy appends the real address (192.0.2.1) last; the client forges the rest,
    // in the same line and in lines of their own, a new address each time.
    for attempt in 0..5 {
        let forged = format!("203.0.113.{attempt}");
        let same_line = format!("{forged}, 192.0.2.1");
        let lines: Vec<&str> = if attempt % 2 == 0 {
            vec![&forged, "192.0.2.1"]
        } else {
            vec![&same_line]
        };
        assert_eq!(
            attempt_with_forwarded(&app, &lines, "wrong guess").await,
            StatusCode::UNAUTHORIZED
        );
    }
    // Still the same address: the sixth attempt is throttled, whatever comes first.
    assert_eq!(
        attempt_with_forwarded(&app, &["198.51.100.99", "192.0.2.1"], DEMO_PASSWORD).await,
        StatusCode::TOO_MANY_REQUESTS,
        "on {}",
        app.backend
    );
    // Her own desk, another address as the proxy saw it: she signs in.
    assert_eq!(
        attempt_with_forwarded(&app, &["192.0.2.1", "198.51.100.7"], DEMO_PASSWORD).await,
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_and_json_are_compressed_as_the_browser_accepts() {
    let app = TestApp::spawn().await;
    for (encoding, expected) in [("br", "br"), ("gzip", "gzip"), ("gzip, deflate, br", "br")] {
        let response = app
            .client
            .get(app.url("/accedi"))
            .header(ACCEPT, "text/html")
            .header(ACCEPT_ENCODING, encoding)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            response
                .headers()
                .get(CONTENT_ENCODING)
                .and_then(|v| v.to_str().ok()),
            Some(expected),
            "Accept-Encoding: {encoding}"
        );
    }
    // Without Accept-Encoding, plain bytes.
    let plain = app.get("/accedi", None).await;
    assert!(plain.headers().get(CONTENT_ENCODING).is_none());
    assert!(plain.text().await.unwrap().contains("<html"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_and_readiness_answer_without_a_session_or_an_audit_row() {
    use sea_orm::{EntityTrait, PaginatorTrait};
    let app = TestApp::spawn().await;
    let audit_before = app::entity::audit_log::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    for path in ["/healthz", "/readyz"] {
        let response = app.client.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert!(response.headers().get("set-cookie").is_none());
    }
    let audit_after = app::entity::audit_log::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(audit_before, audit_after);

    // A replica whose database lacks a migration is not ready.
    use sea_orm::ConnectionTrait;
    app.db
        .execute_unprepared(
            "DELETE FROM seaql_migrations WHERE version = \
             (SELECT MAX(version) FROM seaql_migrations)",
        )
        .await
        .unwrap();
    let response = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let alive = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(alive.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hashed_assets_are_served_precompressed_and_cached_for_a_year() {
    // A release build's site: hashed names, each with its .br and .gz copies.
    let site = std::env::temp_dir().join(format!("anello-site-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    let wasm = site.join("pkg/anello.Xy12.wasm");
    std::fs::write(&wasm, vec![0u8; 4096]).unwrap();
    std::fs::write(site.join("pkg/anello.Xy12.wasm.br"), b"brotli bytes").unwrap();
    std::fs::write(site.join("pkg/anello.Xy12.wasm.gz"), b"gzip bytes").unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let options = leptos::config::LeptosOptions::builder()
        .output_name("anello")
        .site_root(site.display().to_string())
        .site_pkg_dir("pkg")
        .hash_files(true)
        .build();
    let router = server::assets::routes(&options);
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    let client = reqwest::Client::new();
    let url = format!("http://{address}/pkg/anello.Xy12.wasm");
    for (accept, encoding, body) in [
        ("br, gzip", Some("br"), &b"brotli bytes"[..]),
        ("gzip", Some("gzip"), &b"gzip bytes"[..]),
        ("identity", None, &[0u8; 4096][..]),
    ] {
        let response = client
            .get(&url)
            .header(ACCEPT_ENCODING, accept)
            // A session cookie changes nothing: assets never read the session.
            .header("cookie", "__Host-anello_session=whatever")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let headers = response.headers().clone();
        assert_eq!(
            headers.get(CONTENT_ENCODING).and_then(|v| v.to_str().ok()),
            encoding
        );
        assert_eq!(
            headers.get("cache-control").and_then(|v| v.to_str().ok()),
            Some("public, max-age=31536000, immutable")
        );
        assert_eq!(
            headers.get("vary").and_then(|v| v.to_str().ok()),
            Some("accept-encoding")
        );
        assert!(headers.get("set-cookie").is_none());
        assert_eq!(response.bytes().await.unwrap(), body);
    }
    let _ = std::fs::remove_dir_all(&site);
}
