//! Minors: the team warned before the eighteenth birthday, and the minors' filter.

use super::{register, registration, COORDINATOR, TORINO_CASE_WORKER};
use crate::helpers::*;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_team_is_warned_before_the_eighteenth_birthday_and_minors_are_filtered() {
    use chrono::{Datelike, Duration, NaiveDate};
    let app = TestApp::spawn().await;
    let torino = app.sign_in(TORINO_CASE_WORKER).await;
    let turns_18 = app::kernel::clock::today() + Duration::days(30);
    let birth = NaiveDate::from_ymd_opt(turns_18.year() - 18, turns_18.month(), turns_18.day())
        .unwrap_or(turns_18 - Duration::days(18 * 365));
    let mut form = registration("Minore", "Favour", &birth.to_string());
    form.push(("form[unaccompanied]", "on".into()));
    form.push((
        "form[guardian]",
        "Avv. Tutrice volontaria, Tribunale per i minorenni di Torino".into(),
    ));
    let code = register(&app, &torino, &form).await;

    let page = json(
        app.call_raw("people/person", &[("code", &code)], Some(&torino))
            .await,
    )
    .await;
    let days = page["coming_of_age_in_days"].as_i64().expect("an alert");
    assert!((28..=31).contains(&days), "{days}");
    assert_eq!(page["person"]["minor"], true);
    assert_eq!(page["unaccompanied"], true);
    // The coordinator sees that she is a minor, not when she was born.
    let coordinator = app.sign_in(COORDINATOR).await;
    let page = json(
        app.call_raw("people/person", &[("code", &code)], Some(&coordinator))
            .await,
    )
    .await;
    assert!(page["coming_of_age_in_days"].is_null());
    assert_eq!(page["person"]["minor"], true);
    assert!(!page.to_string().contains(&birth.to_string()));

    let minors = json(
        app.call_raw(
            "people/list",
            &[("filter[age]", "minor"), ("filter[code]", &code)],
            Some(&torino),
        )
        .await,
    )
    .await;
    assert_eq!(minors["total"], 1);
    let adults = json(
        app.call_raw(
            "people/list",
            &[("filter[age]", "adult"), ("filter[code]", &code)],
            Some(&torino),
        )
        .await,
    )
    .await;
    assert_eq!(adults["total"], 0);
}
