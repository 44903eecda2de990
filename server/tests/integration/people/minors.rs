//! Minors: the team warned before the eighteenth birthday, and the minors' filter.

use super::{register, registration, COORDINATOR, TORINO_CASE_WORKER};
use crate::helpers::*;
use app::people::registry::model::{PeopleList, PersonPage};

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

    let page: PersonPage = app
        .call("people/person", &[("code", &code)], Some(&torino))
        .await;
    let days = page.coming_of_age_in_days.expect("an alert");
    assert!((28..=31).contains(&days), "{days}");
    assert!(page.person.minor);
    assert!(page.unaccompanied);
    // The coordinator sees that she is a minor, not when she was born.
    let coordinator = app.sign_in(COORDINATOR).await;
    let response = app
        .call_raw("people/person", &[("code", &code)], Some(&coordinator))
        .await;
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    // The answer as sent, for what must not be anywhere in it.
    let text = response.text().await.unwrap();
    let page: PersonPage = serde_json::from_str(&text).unwrap();
    assert!(page.coming_of_age_in_days.is_none());
    assert!(page.person.minor);
    assert!(!text.contains(&birth.to_string()));

    let minors: PeopleList = app
        .call(
            "people/list",
            &[("filter[age]", "minor"), ("filter[search]", &code)],
            Some(&torino),
        )
        .await;
    assert_eq!(minors.total, 1);
    let adults: PeopleList = app
        .call(
            "people/list",
            &[("filter[age]", "adult"), ("filter[search]", &code)],
            Some(&torino),
        )
        .await;
    assert_eq!(adults.total, 0);
}
