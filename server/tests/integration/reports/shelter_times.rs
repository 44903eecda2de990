//! The times of the shelter on the dashboards, written out by hand: how long stays
//! lasted per kind of structure and in the network as a whole, how long people waited
//! for a bed, and the rules of the board that refused a placement, recorded by the
//! board itself.

use chrono::{TimeZone, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, Set};

use super::{cells, d, figure, figure_in, period, Fixture, COORDINATOR, STAFF};
use crate::helpers::*;
use crate::placement_rules::{beds_in, place, register, structure};
use app::reports::model::{FigureList, FunderReport, TableId};

async fn dashboards(app: &TestApp, cookie: &str, form: &[(&str, &str)]) -> FunderReport {
    app.call("reports/dashboards", form, Some(cookie)).await
}

/// A structure of the fixture's body, of `kind`, with two beds; answers (structure, beds).
async fn structure_of(app: &TestApp, f: &Fixture, name: &str, kind: &str) -> (i32, Vec<i32>) {
    use app::entity::structures;
    let created = structures::ActiveModel {
        organisation_id: Set(f.organisation),
        name: Set(name.into()),
        kind: Set(kind.into()),
        province: Set("AL".into()),
        secret: Set(false),
        address: Set(None),
        target_groups: Set("women".into()),
        active: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    (created.id, beds_in(app, created.id, 2).await)
}

/// A stay from `start` to `end` (open when None), ended for `reason`.
async fn stay(
    app: &TestApp,
    f: &Fixture,
    person: i32,
    (structure, bed): (i32, i32),
    (start, end, reason): (&str, Option<&str>, &str),
) {
    app::entity::placements::ActiveModel {
        person_id: Set(person),
        bed_id: Set(bed),
        structure_id: Set(structure),
        started_on: Set(d(start)),
        planned_exit_on: Set(None),
        ended_on: Set(end.map(d)),
        end_reason: Set(end.map(|_| reason.to_string())),
        created_by: Set(f.user),
        created_at: Set(Utc::now()),
        ended_by: Set(end.map(|_| f.user)),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
}

/// An entry of the waiting list written on `written` (noon UTC), closed on `closed`.
async fn waiting(
    app: &TestApp,
    f: &Fixture,
    person: i32,
    written: &str,
    closed: Option<(&str, &str)>,
) {
    let noon = |day: &str| Utc.from_utc_datetime(&d(day).and_hms_opt(12, 0, 0).unwrap());
    app::entity::waiting_list::ActiveModel {
        person_id: Set(person),
        urgency: Set("normal".into()),
        target_group: Set("women".into()),
        children: Set(0),
        minor: Set(false),
        disability: Set(false),
        language: Set(None),
        preferred_province: Set(None),
        wanted_from: Set(d(written)),
        status: Set(closed.map_or("waiting", |(_, status)| status).into()),
        organisation_id: Set(f.organisation),
        created_by: Set(f.user),
        created_at: Set(noon(written)),
        closed_at: Set(closed.map(|(day, _)| noon(day))),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stays_and_waits_of_the_first_half_of_2025_match_the_hand_count() {
    let app = TestApp::spawn().await;
    let mut f = Fixture::new(&app).await;
    let (emergency, em_beds) = structure_of(&app, &f, "Pronta di prova", "emergency").await;
    let (second, sr_beds) = structure_of(&app, &f, "Seconda di prova", "second_reception").await;
    let mut people = Vec::new();
    for gender in ["female", "female", "male", "female", "female"] {
        people.push(f.person(&app, gender, "1990-01-01", "", None, &[]).await.0);
    }
    let [p, q, r, s, t] = people[..] else {
        unreachable!()
    };
    let (child, _) = f
        .person(&app, "female", "2020-01-01", "", Some(q), &[])
        .await;
    // P: emergency from 10 January, moved to its other bed on 9 February, then to second
    // reception on 11 March, left on 10 May: 60 days in emergency, 60 in second
    // reception, 120 in the network.
    stay(
        &app,
        &f,
        p,
        (emergency, em_beds[0]),
        ("2025-01-10", Some("2025-02-09"), "transfer"),
    )
    .await;
    stay(
        &app,
        &f,
        p,
        (emergency, em_beds[1]),
        ("2025-02-09", Some("2025-03-11"), "transfer"),
    )
    .await;
    stay(
        &app,
        &f,
        p,
        (second, sr_beds[0]),
        ("2025-03-11", Some("2025-05-10"), "autonomy"),
    )
    .await;
    // Q (with her daughter, not counted apart): emergency 1 to 21 February, 20 days.
    stay(
        &app,
        &f,
        q,
        (emergency, em_beds[0]),
        ("2025-02-01", Some("2025-02-21"), "drop_out"),
    )
    .await;
    stay(
        &app,
        &f,
        child,
        (emergency, em_beds[1]),
        ("2025-02-01", Some("2025-02-21"), "drop_out"),
    )
    .await;
    // R: emergency 1 March to 30 April, 60 days.
    stay(
        &app,
        &f,
        r,
        (emergency, em_beds[0]),
        ("2025-03-01", Some("2025-04-30"), "end_of_stay"),
    )
    .await;
    // S is still in her bed; T left in July, after the period.
    stay(
        &app,
        &f,
        s,
        (emergency, em_beds[1]),
        ("2024-12-01", None, ""),
    )
    .await;
    stay(
        &app,
        &f,
        t,
        (second, sr_beds[1]),
        ("2025-06-01", Some("2025-07-15"), "autonomy"),
    )
    .await;

    // Waits: P 10 days, Q 30, R 15 (written in December): three placed, 55 days, 18 on
    // average; S still waits on 30 June (60 days), T too (20 days, her bed came in July):
    // two, 40 on average. A withdrawn proposal counts in neither.
    waiting(&app, &f, p, "2025-01-05", Some(("2025-01-15", "placed"))).await;
    waiting(&app, &f, q, "2025-02-01", Some(("2025-03-03", "placed"))).await;
    waiting(&app, &f, r, "2024-12-20", Some(("2025-01-04", "placed"))).await;
    waiting(&app, &f, s, "2025-05-01", None).await;
    waiting(&app, &f, t, "2025-06-10", Some(("2025-07-10", "placed"))).await;
    waiting(
        &app,
        &f,
        child,
        "2025-03-01",
        Some(("2025-03-05", "withdrawn")),
    )
    .await;

    // A period yet to begin: no one is waiting at its end.
    let coordinator = app.sign_in(COORDINATOR).await;
    let organisation = f.organisation.to_string();
    let future = dashboards(
        &app,
        &coordinator,
        &period(&organisation, "2099-01-01", "2099-01-31"),
    )
    .await;
    assert_eq!(
        cells(&future, TableId::WaitingTimes),
        vec![vec![0, 0], vec![0, 0]]
    );

    let first = dashboards(
        &app,
        &coordinator,
        &period(&organisation, "2025-01-01", "2025-06-30"),
    )
    .await;
    // Rows: emergency, safe house, second reception, supported flat, the whole network.
    // Columns: stays ended, average days (47 = 140 / 3, 67 = 200 / 3, rounded).
    assert_eq!(
        cells(&first, TableId::LengthOfStay),
        vec![
            vec![3, 47],
            vec![0, 0],
            vec![1, 60],
            vec![0, 0],
            vec![3, 67]
        ]
    );
    // Rows: placed from the list, still waiting. Columns: people, average days.
    assert_eq!(
        cells(&first, TableId::WaitingTimes),
        vec![vec![3, 18], vec![2, 40]]
    );

    // The list behind the emergency stays: each person with her days, from her first night.
    let response = figure(&app, &coordinator, &organisation, ("length_of_stay", 0, 0)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let list: FigureList = response.json().await.unwrap();
    let lines: Vec<(Option<chrono::NaiveDate>, i64)> =
        list.lines.iter().map(|l| (l.day, l.amount)).collect();
    assert_eq!(
        lines,
        vec![
            (Some(d("2025-01-10")), 60),
            (Some(d("2025-02-01")), 20),
            (Some(d("2025-03-01")), 60)
        ]
    );
    // The average is not a count of people: it opens no list.
    let page = app
        .get(
            &format!(
                "/rapporti/cruscotto?dal=2025-01-01&al=2025-06-30&organizzazione={organisation}"
            ),
            Some(&coordinator),
        )
        .await;
    let html = page.text().await.unwrap();
    assert!(
        html.contains("tabella=length_of_stay&amp;riga=0&amp;colonna=0"),
        "the stays link"
    );
    assert!(
        !html.contains("tabella=length_of_stay&amp;riga=0&amp;colonna=1"),
        "no list behind an average"
    );
    assert!(html.contains("Durata della permanenza"));
    assert!(html.contains("Attesa di un posto letto"));

    // The staff of the body: fewer than three people hide their average too.
    let staff = app.sign_in(STAFF).await;
    let own = dashboards(
        &app,
        &staff,
        &[
            ("request[from]", "2025-01-01"),
            ("request[to]", "2025-06-30"),
        ],
    )
    .await;
    assert!(own.suppressed);
    assert_eq!(
        cells(&own, TableId::LengthOfStay),
        vec![
            vec![3, 47],
            vec![-1, -2],
            vec![-1, -2],
            vec![-1, -2],
            vec![3, 67]
        ]
    );
    assert_eq!(
        cells(&own, TableId::WaitingTimes),
        vec![vec![3, 18], vec![-1, -2]]
    );
    // Another body's staff cannot ask for this body's times.
    let cuneo = app.sign_in("accoglienza.cuneo@anello.test").await;
    let response = app
        .call_raw(
            "reports/dashboards",
            &period(&organisation, "2025-01-01", "2025-06-30"),
            Some(&cuneo),
        )
        .await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
}

/// The rules are recorded by the board as it refuses: a structure for men refuses two
/// women (one of them twice), and a reception manager places one with a reason.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_board_records_each_refusal_and_each_rule_set_aside_for_the_dashboards() {
    let app = TestApp::spawn().await;
    let manager = app.sign_in("accoglienza@anello.test").await;
    let beds = structure(&app, "Casa Regole Cruscotto", "men", 2).await;
    let first = register(&app, &manager, &[]).await;
    let second = register(&app, &manager, &[("form[date_of_birth]", "1999-03-04")]).await;
    assert_eq!(
        place(&app, &manager, &first, beds[0], None).await.status(),
        StatusCode::CONFLICT
    );
    assert_eq!(
        place(&app, &manager, &second, beds[0], None).await.status(),
        StatusCode::CONFLICT
    );
    assert_eq!(
        place(&app, &manager, &second, beds[1], None).await.status(),
        StatusCode::CONFLICT
    );
    let reason = "Notte di emergenza, nessun altro posto in provincia";
    let response = place(&app, &manager, &first, beds[0], Some(reason)).await;
    assert_eq!(response.status(), StatusCode::OK);
    // The second woman placed with a reason, then taken back at once: her rule set aside
    // goes with the placement (her refusals stay: they happened).
    let response = place(&app, &manager, &second, beds[1], Some(reason)).await;
    assert_eq!(response.status(), StatusCode::OK);
    let undone: String = app.call("beds/undo", &[], Some(&manager)).await;
    assert_eq!(undone, second);

    let tenda = app
        .organisation_id("Cooperativa Progetto Tenda")
        .await
        .to_string();
    let today = app::kernel::clock::today().to_string();
    let coordinator = app.sign_in(COORDINATOR).await;
    let report = dashboards(&app, &coordinator, &period(&tenda, &today, &today)).await;
    // Rows in the order of the rules; columns: people stopped, people placed with the
    // rule set aside. Each person once.
    let mut expected = vec![vec![0, 0]; 7];
    expected[0] = vec![2, 1];
    assert_eq!(cells(&report, TableId::RuleRefusals), expected);
    let response = figure_in(
        &app,
        &coordinator,
        &tenda,
        (&today, &today),
        ("rule_refusals", 0, 0),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let list: FigureList = response.json().await.unwrap();
    let mut codes: Vec<String> = list
        .lines
        .iter()
        .filter_map(|l| l.person_code.clone())
        .collect();
    codes.sort();
    let mut both = vec![first.clone(), second.clone()];
    both.sort();
    assert_eq!(codes, both);
    // Cuneo's staff read their own body's figures: none of these refusals.
    let cuneo = app.sign_in("accoglienza.cuneo@anello.test").await;
    let own = dashboards(
        &app,
        &cuneo,
        &[
            ("request[from]", today.as_str()),
            ("request[to]", today.as_str()),
        ],
    )
    .await;
    assert!(cells(&own, TableId::RuleRefusals)
        .iter()
        .flatten()
        .all(|v| *v == -1));
}
