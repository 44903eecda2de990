//! Finding 7: the forum's personal-data guard told anyone whether a guessed name was a
//! structure of the network, secret safe houses included.

use app::forum::model::{DraftPage, FindingKind};
use reqwest::StatusCode;

use super::*;
use crate::forum::{demo_thread, reply};
use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_guard_neither_confirms_nor_quotes_the_name_of_a_secret_structure() {
    let app = TestApp::spawn().await;
    let safe_house = app.safe_house_of(TORINO_BODY).await.name;
    let thread = demo_thread(&app, "Quali indicatori").await;
    let text = format!("Qualcuno conosce {safe_house}? Ne ho sentito parlare.");

    // A trainer of another organisation guesses the name: the guard says nothing.
    let trainer = app.sign_in("formatrice@anello.test").await;
    let guessed = reply(&app, &trainer, thread, &text).await;
    assert_eq!(guessed.status(), StatusCode::OK, "on {}", app.backend);
    assert!(
        !location(&guessed).starts_with("/forum/bozze/"),
        "a secret name she may not know was confirmed"
    );

    // Its own staff are warned, without the name quoted back.
    let worker = app.sign_in(CASE_WORKER).await;
    let held = reply(&app, &worker, thread, &text).await;
    let draft = location(&held);
    assert!(draft.starts_with("/forum/bozze/"), "{draft}");
    let post = draft.rsplit('/').next().unwrap().to_string();
    let page: DraftPage = app
        .call("forum/drafts", &[("post", &post)], Some(&worker))
        .await;
    let structure = page
        .findings
        .iter()
        .find(|finding| finding.kind == FindingKind::Structure)
        .expect("the structure is pointed out");
    assert_eq!(structure.text, "");
    let findings = serde_json::to_string(&page.findings).unwrap();
    assert!(!findings.contains(&safe_house));

    // Asking the guard again and again: after 60 runs in ten minutes, a wait.
    let mut statuses = Vec::new();
    for attempt in 0..60 {
        let guess = format!("Casa Prova{attempt} esiste?");
        statuses.push(reply(&app, &trainer, thread, &guess).await.status());
    }
    assert!(
        statuses[..59].iter().all(|s| *s == StatusCode::OK),
        "{statuses:?}"
    );
    let refused = reply(&app, &trainer, thread, "Ancora una domanda").await;
    assert_eq!(refused.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.headers().contains_key("retry-after"));
    assert_eq!(
        json(refused).await["message"],
        "Troppe richieste in poco tempo. Riprova tra 10 minuti."
    );
}
