//! The print view and the CSV in English for an English reader.

use reqwest::StatusCode;

use super::dataset::fictional_network;
use super::COORDINATOR;
use crate::helpers::*;

/// The print view and the CSV in English for a reader whose browser asks for it: the same
/// figures, suppressed the same way, with English headings and labels.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_print_view_and_the_csv_speak_english_to_an_english_reader() {
    let app = TestApp::spawn().await;
    let (fixture, _) = fictional_network(&app).await;
    let organisation = fixture.organisation.to_string();
    let coordinator = app.sign_in(COORDINATOR).await;
    let english = |path: String| {
        app.client
            .get(app.url(&path))
            .header("accept", "text/html")
            .header("accept-language", "en-GB,en;q=0.9")
            .header("cookie", &coordinator)
            .send()
    };
    let query = format!("dal=2025-01-01&al=2025-06-30&organizzazione={organisation}");
    let page = english(format!("/rapporti/stampa?{query}")).await.unwrap();
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    for text in [
        "Project summary sheet",
        "Take-ins by sex",
        "New take-ins",
        "Casa di prova",
    ] {
        assert!(html.contains(text), "{text} in the English print view");
    }
    assert!(
        !html.contains("Scheda riassuntiva"),
        "Italian left in the print view"
    );
    assert!(
        !html.contains("figure-link"),
        "the print view links no list"
    );
    let csv = english(format!("/rapporti/esporta/take_ins_by_sex.csv?{query}"))
        .await
        .unwrap();
    assert_eq!(csv.status(), StatusCode::OK);
    let body = csv.text().await.unwrap();
    assert!(body.contains("Take-ins by sex"), "{body}");
    assert!(body.contains("New take-ins"), "{body}");
    // English spreadsheets split on ",".
    assert!(body.contains(",<3"), "{body}");
}
