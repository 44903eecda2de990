//! The funder report against a fixed fictional dataset whose report is written out by
//! hand below, figure by figure, for two half-year periods: people who continue across
//! the boundary, one who exits, a girl who turns 18 between the two, a mother with two
//! children, contacts, evaluations, internships, a permit converted and stays in beds.
//! Then the suppression of small counts (and of the cells that would give them away),
//! the per-organisation view, the lists behind the figures, the CSV and the refusals.

use chrono::{NaiveDate, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::Value;

use crate::helpers::*;
use app::people::contacts::model::Channel;
use app::reports::model::{Count, Label, Table, TableId};

const COORDINATOR: &str = "coordinatrice@anello.test";
const STAFF: &str = "staff.rapporto@anello.test";

fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

struct Fixture {
    organisation: i32,
    user: i32,
    checklist: i32,
    number: i32,
}

impl Fixture {
    async fn new(app: &TestApp) -> Fixture {
        use app::entity::*;
        let organisation = organisations::ActiveModel {
            name: Set("Ente di prova del rapporto".into()),
            kind: Set("implementing_body".into()),
            province: Set(Some("AL".into())),
            region: Set("Piemonte".into()),
            active: Set(true),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
        let hash = app::auth::password::hash_password(DEMO_PASSWORD).unwrap();
        let user = app::admin::ssr::insert_user(
            &app.db,
            app::admin::ssr::NewUser {
                email: STAFF.into(),
                display_name: "Responsabile di prova".into(),
                password_hash: hash,
                organisation_id: organisation.id,
                language: None,
                roles: vec![app::auth::model::Role::ReceptionManager],
            },
        )
        .await
        .unwrap();
        let checklist = indicator_checklists::Entity::find()
            .all(&app.db)
            .await
            .unwrap()
            .first()
            .expect("the seeded checklist")
            .id;
        Fixture {
            organisation: organisation.id,
            user: user.id,
            checklist,
            number: 9000,
        }
    }

    /// A person of the test organisation; `steps` are (status, day).
    async fn person(
        &mut self,
        app: &TestApp,
        gender: &str,
        birth_month: &str,
        exploitation: &str,
        family_head: Option<i32>,
        steps: &[(&str, &str)],
    ) -> (i32, String) {
        use app::entity::*;
        self.number += 1;
        let code = format!("AL-2025-{}", self.number);
        let person = people::ActiveModel {
            code: Set(code.clone()),
            province: Set("AL".into()),
            year: Set(2025),
            number: Set(self.number),
            gender: Set(gender.into()),
            birth_month: Set(Some(d(birth_month))),
            declared_minor: Set(false),
            unaccompanied: Set(false),
            exploitation: Set(exploitation.into()),
            status: Set(steps.last().map_or("contact", |s| s.0).into()),
            exit_outcome: Set(None),
            family_head_id: Set(family_head),
            identity_hash: Set(None),
            duplicate_of: Set(None),
            registered_by_organisation: Set(self.organisation),
            created_by: Set(self.user),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            anonymised_at: Set(None),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
        person_organisations::ActiveModel {
            person_id: Set(person.id),
            organisation_id: Set(self.organisation),
            reference_user_id: Set(Some(self.user)),
            since: Set(d("2024-01-01")),
            added_by: Set(self.user),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
        for (status, day) in steps {
            path_events::ActiveModel {
                person_id: Set(person.id),
                status: Set(status.to_string()),
                exit_outcome: Set((*status == "exited").then(|| "autonomy".to_string())),
                on_date: Set(d(day)),
                organisation_id: Set(Some(self.organisation)),
                recorded_by: Set(Some(self.user)),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap();
        }
        (person.id, code)
    }

    async fn screening(&self, app: &TestApp, person: i32, day: &str, outcome: &str) {
        app::entity::screenings::ActiveModel {
            person_id: Set(person),
            checklist_id: Set(self.checklist),
            held_on: Set(d(day)),
            outcome: Set(outcome.into()),
            organisation_id: Set(self.organisation),
            interviewer_id: Set(self.user),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }

    async fn contact(&self, app: &TestApp, day: &str, channel: &str, minor: bool, people: i32) {
        app::entity::contacts::ActiveModel {
            occurred_on: Set(d(day)),
            channel: Set(channel.into()),
            province: Set("AL".into()),
            area: Set(None),
            gender: Set("female".into()),
            age_band: Set(if minor { "16_17" } else { "25_34" }.into()),
            minor: Set(minor),
            nationality: Set(None),
            exploitation: Set(String::new()),
            people_count: Set(people),
            person_id: Set(None),
            organisation_id: Set(self.organisation),
            created_by: Set(self.user),
            created_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }

    async fn plan(&self, app: &TestApp, person: i32) -> i32 {
        app::entity::plans::ActiveModel {
            person_id: Set(person),
            opened_on: Set(d("2024-01-01")),
            opened_by: Set(self.user),
            review_every_days: Set(90),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            closed_on: Set(None),
            exit_outcome: Set(None),
            closing_summary: Set(None),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap()
        .id
    }

    async fn work(&self, app: &TestApp, plan: i32, kind: &str, starts: &str) {
        let starts_on = d(starts);
        app::entity::work_placements::ActiveModel {
            plan_id: Set(plan),
            kind: Set(kind.into()),
            host_company: Set("Cooperativa di prova".into()),
            starts_on: Set(starts_on),
            ends_on: Set(starts_on + chrono::Duration::days(120)),
            hours_per_week: Set(20),
            grant_cents: Set(None),
            tutor: Set(None),
            attendance_percent: Set(None),
            outcome: Set(None),
            created_by: Set(self.user),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }

    async fn permit_converted(&self, app: &TestApp, plan: i32, day: &str) {
        app::entity::permits::ActiveModel {
            plan_id: Set(plan),
            kind: Set("art18".into()),
            applied_on: Set(None),
            opinion_on: Set(None),
            questura_on: Set(None),
            issued_on: Set(Some(d("2024-06-01"))),
            expires_on: Set(Some(d("2026-06-01"))),
            renewal_of: Set(None),
            converted_to: Set(Some("work".into())),
            converted_on: Set(Some(d(day))),
            created_by: Set(self.user),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
}

/// The dataset; returns the fixture and the codes of B, C and D (the new take-ins of the
/// first period).
async fn fictional_network(app: &TestApp) -> (Fixture, Vec<String>) {
    use app::entity::*;
    let mut f = Fixture::new(app).await;
    // A: a woman in charge since 2024, in both periods; a work grant in March, her
    //    permit converted to work in November.
    let (a, _) = f
        .person(
            app,
            "female",
            "1990-05-01",
            "sexual_street",
            None,
            &[("contact", "2024-10-01"), ("taken_in_charge", "2024-11-10")],
        )
        .await;
    // B: a man taken in charge in February, exited in May: only the first period.
    let (b, b_code) = f
        .person(
            app,
            "male",
            "1985-02-01",
            "labour_agriculture",
            None,
            &[
                ("contact", "2025-01-15"),
                ("placed", "2025-02-15"),
                ("exited", "2025-05-20"),
            ],
        )
        .await;
    // C: a transgender woman placed in June: new in the first, continuing in the second.
    let (c, c_code) = f
        .person(
            app,
            "transgender",
            "1995-08-01",
            "sexual_indoor",
            None,
            &[("placed", "2025-06-10")],
        )
        .await;
    // D: a girl taken in charge at 17 in February who turns 18 in April 2025.
    let (d_id, d_code) = f
        .person(
            app,
            "female",
            "2007-04-01",
            "begging",
            None,
            &[("taken_in_charge", "2025-02-01")],
        )
        .await;
    // E: a mother taken in charge in August with her two children.
    let (e, _) = f
        .person(
            app,
            "female",
            "1992-01-01",
            "labour_catering",
            None,
            &[("placed", "2025-08-05")],
        )
        .await;
    f.person(
        app,
        "female",
        "2020-03-01",
        "",
        Some(e),
        &[("placed", "2025-08-05")],
    )
    .await;
    f.person(
        app,
        "male",
        "2022-06-01",
        "",
        Some(e),
        &[("placed", "2025-08-05")],
    )
    .await;
    // F: exited before either period.
    f.person(
        app,
        "female",
        "1980-01-01",
        "sexual_street",
        None,
        &[("taken_in_charge", "2024-03-01"), ("exited", "2024-12-15")],
    )
    .await;
    // G: evaluated, indicators found, never taken in charge.
    let (g, _) = f
        .person(
            app,
            "female",
            "1998-03-01",
            "labour_domestic_care",
            None,
            &[("screening", "2025-02-10")],
        )
        .await;
    // H: a girl of 16 evaluated twice in the second period.
    let (h, _) = f
        .person(
            app,
            "female",
            "2009-01-01",
            "forced_marriage",
            None,
            &[("proposal", "2025-09-10")],
        )
        .await;

    f.screening(app, g, "2025-02-10", "indicators_found").await;
    f.screening(app, b, "2025-02-01", "proposal").await;
    f.screening(app, c, "2025-05-05", "commission_referral")
        .await;
    f.screening(app, d_id, "2025-01-20", "indicators_found")
        .await;
    f.screening(app, h, "2025-09-10", "proposal").await;
    f.screening(app, h, "2025-10-01", "open").await;
    // Outside both periods: not counted.
    f.screening(app, g, "2024-12-31", "indicators_found").await;

    f.contact(app, "2025-03-03", "street_unit", false, 4).await;
    f.contact(app, "2025-04-04", "help_desk", true, 1).await;
    f.contact(app, "2025-07-07", "street_unit", false, 2).await;
    f.contact(app, "2025-08-08", "police", false, 1).await;
    f.contact(app, "2025-12-31", "indoor_unit", true, 1).await;
    f.contact(app, "2026-01-01", "street_unit", false, 9).await;

    let plan_a = f.plan(app, a).await;
    let plan_c = f.plan(app, c).await;
    let plan_e = f.plan(app, e).await;
    f.work(app, plan_a, "work_grant", "2025-03-10").await;
    f.work(app, plan_e, "internship", "2025-09-01").await;
    f.work(app, plan_c, "internship", "2025-10-01").await;
    f.permit_converted(app, plan_a, "2025-11-20").await;

    let structure = structures::ActiveModel {
        organisation_id: Set(f.organisation),
        name: Set("Casa di prova".into()),
        kind: Set("second_reception".into()),
        province: Set("AL".into()),
        secret: Set(false),
        address: Set(Some("Via di prova 1".into())),
        target_groups: Set("women".into()),
        active: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let mut beds = Vec::new();
    for position in 1..=2 {
        beds.push(
            beds::ActiveModel {
                structure_id: Set(structure.id),
                room: Set(None),
                label: Set(format!("Letto {position}")),
                out_of_service_reason: Set(None),
                position: Set(position),
                ..Default::default()
            }
            .insert(&app.db)
            .await
            .unwrap()
            .id,
        );
    }
    for (person, bed, start, end) in [
        (b, beds[1], "2025-02-15", Some("2025-05-20")),
        (c, beds[0], "2025-06-10", None),
        (e, beds[1], "2025-08-05", None),
    ] {
        placements::ActiveModel {
            person_id: Set(person),
            bed_id: Set(bed),
            structure_id: Set(structure.id),
            started_on: Set(d(start)),
            planned_exit_on: Set(None),
            ended_on: Set(end.map(d)),
            end_reason: Set(end.map(|_| "autonomy".to_string())),
            created_by: Set(f.user),
            created_at: Set(Utc::now()),
            ended_by: Set(end.map(|_| f.user)),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }
    (f, vec![b_code, c_code, d_code])
}

async fn audit_count(app: &TestApp, action: &str) -> u64 {
    use app::entity::audit_log;
    use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .count(&app.db)
        .await
        .unwrap()
}

async fn report(app: &TestApp, cookie: &str, form: &[(&str, &str)]) -> (StatusCode, Value) {
    let response = app.call_raw("reports/funder", form, Some(cookie)).await;
    let status = response.status();
    (status, json(response).await)
}

/// One cell, addressed by the labels of its row and column rather than by position, so
/// that a row added to a table does not shift what a test checks ("<3" as -1, withheld
/// as -2). The tables are read into the application's own types.
fn cell(report: &Value, id: TableId, row: &Label, column: &Label) -> i64 {
    let tables: Vec<Table> = serde_json::from_value(report["tables"].clone()).unwrap();
    let table = tables
        .iter()
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("table {id:?} in {report}"));
    let r = table.rows.iter().position(|l| l == row);
    let c = table.columns.iter().position(|l| l == column);
    let (Some(r), Some(c)) = (r, c) else {
        panic!("table {id:?} has no cell {row:?} x {column:?}");
    };
    match table.cells[r][c] {
        Count::Exact(value) => value,
        Count::Below(_) => -1,
        Count::Withheld => -2,
    }
}

/// A table's cells as plain numbers (exact counts only; "<3" as -1, withheld as -2).
fn table(report: &Value, id: &str) -> Vec<Vec<i64>> {
    let table = report["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == id)
        .unwrap_or_else(|| panic!("table {id} in {report}"));
    table["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            row.as_array()
                .unwrap()
                .iter()
                .map(|cell| {
                    if let Some(value) = cell.get("Exact") {
                        value.as_i64().unwrap()
                    } else if cell.get("Below").is_some() {
                        -1
                    } else {
                        -2
                    }
                })
                .collect()
        })
        .collect()
}

fn period<'a>(organisation: &'a str, from: &'a str, to: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("request[from]", from),
        ("request[to]", to),
        ("request[organisations][0]", organisation),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_of_two_periods_matches_the_one_written_by_hand() {
    let app = TestApp::spawn().await;
    let (fixture, _) = fictional_network(&app).await;
    let coordinator = app.sign_in(COORDINATOR).await;
    let organisation = fixture.organisation.to_string();

    // First half of 2025 (181 days).
    let (status, first) = report(
        &app,
        &coordinator,
        &period(&organisation, "2025-01-01", "2025-06-30"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{first} on {}", app.backend);
    assert_eq!(
        first["suppressed"], false,
        "the coordinator's screen is exact"
    );
    // Columns: female, male, transgender, total. Rows: continuing, new, total.
    assert_eq!(
        table(&first, "TakeInsBySex"),
        vec![vec![1, 0, 0, 1], vec![1, 1, 1, 3], vec![2, 1, 1, 4]]
    );
    // Columns: minors, adults, total. D is 17 when taken in charge.
    assert_eq!(
        table(&first, "TakeInsByAge"),
        vec![vec![0, 1, 1], vec![1, 2, 3], vec![1, 3, 4]]
    );
    assert_eq!(table(&first, "DependentChildren"), vec![vec![0; 4]; 3]);
    // Rows: contacts, proximity, evaluations, still open, identified, proposals,
    // Commission requests, referrals, permits converted. Columns: all, minors.
    assert_eq!(
        table(&first, "Evaluations"),
        vec![
            vec![5, 1],
            vec![4, 0],
            vec![4, 1],
            vec![0, 0],
            vec![4, 1],
            vec![1, 0],
            vec![1, 0],
            vec![1, 0],
            vec![0, 0]
        ]
    );
    // Rows in the order of the exploitation list; columns: identified, in charge.
    assert_eq!(
        table(&first, "Exploitation"),
        vec![
            vec![0, 1],
            vec![1, 1],
            vec![1, 1],
            vec![0, 0],
            vec![0, 0],
            vec![1, 0],
            vec![1, 1],
            vec![0, 0],
            vec![0, 0],
            vec![0, 0]
        ]
    );
    // Rows: internships, work grants. Columns: all, single mothers.
    assert_eq!(table(&first, "WorkInclusion"), vec![vec![0, 0], vec![1, 0]]);
    // Channels in the order of the contact form, then the total; adults, minors, total.
    let mut channels = vec![vec![0, 0, 0]; 12];
    channels[0] = vec![4, 0, 4]; // street unit
    channels[2] = vec![0, 1, 1]; // help desk
    channels[11] = vec![4, 1, 5];
    assert_eq!(table(&first, "ContactChannels"), channels);
    // Beds, available days (2 × 181), days of presence: B 94 nights, C 21 up to 30 June.
    assert_eq!(
        table(&first, "Presence"),
        vec![vec![2, 362, 115], vec![2, 362, 115]]
    );

    // Second half of 2025 (184 days).
    let (status, second) = report(
        &app,
        &coordinator,
        &period(&organisation, "2025-07-01", "2025-12-31"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{second}");
    // A, D (now 18) and C continue; B exited in May; E is new.
    assert_eq!(
        table(&second, "TakeInsBySex"),
        vec![vec![2, 0, 1, 3], vec![1, 0, 0, 1], vec![3, 0, 1, 4]]
    );
    assert_eq!(
        table(&second, "TakeInsByAge"),
        vec![vec![0, 3, 3], vec![0, 1, 1], vec![0, 4, 4]]
    );
    // E's daughter and son, beside their new mother.
    assert_eq!(
        table(&second, "DependentChildren"),
        vec![vec![0, 0, 0, 0], vec![1, 1, 0, 2], vec![1, 1, 0, 2]]
    );
    assert_eq!(
        table(&second, "Evaluations"),
        vec![
            vec![4, 1],
            vec![3, 1],
            vec![2, 2],
            vec![1, 1],
            vec![1, 1],
            vec![1, 1],
            vec![0, 0],
            vec![0, 0],
            vec![1, 0]
        ]
    );
    assert_eq!(
        table(&second, "Exploitation"),
        vec![
            vec![0, 1],
            vec![0, 1],
            vec![0, 0],
            vec![0, 0],
            vec![0, 1],
            vec![0, 0],
            vec![0, 1],
            vec![0, 0],
            vec![1, 0],
            vec![0, 0]
        ]
    );
    // E's internship is for a single mother; C's is not.
    assert_eq!(
        table(&second, "WorkInclusion"),
        vec![vec![2, 1], vec![0, 0]]
    );
    let mut channels = vec![vec![0, 0, 0]; 12];
    channels[0] = vec![2, 0, 2]; // street unit
    channels[1] = vec![0, 1, 1]; // indoor unit
    channels[5] = vec![1, 0, 1]; // police
    channels[11] = vec![3, 1, 4];
    assert_eq!(table(&second, "ContactChannels"), channels);
    // C all 184 nights, E from 5 August: 149.
    assert_eq!(
        table(&second, "Presence"),
        vec![vec![2, 368, 333], vec![2, 368, 333]]
    );

    // Each view is audited, with its period and scope but no person.
    let audited = audit_count(&app, "report.view").await;
    assert!(audited >= 2, "report views audited: {audited}");
}

/// In every line that adds up, a "<3" cell (-1) is never the only hidden one: subtraction
/// from the total cannot give it back. (The unit tests search every possible value.)
fn assert_no_cell_alone(cells: &[Vec<i64>], total_row: bool, total_column: bool) {
    let alone = |line: Vec<i64>| {
        let hidden: Vec<i64> = line.iter().copied().filter(|v| *v < 0).collect();
        hidden == vec![-1]
    };
    if total_column {
        for row in cells {
            assert!(
                !alone(row.clone()),
                "a row gives a small count away: {cells:?}"
            );
        }
    }
    if total_row {
        for c in 0..cells[0].len() {
            let column = cells.iter().map(|row| row[c]).collect();
            assert!(
                !alone(column),
                "a column gives a small count away: {cells:?}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn small_counts_leave_the_screen_hidden_and_cannot_be_worked_out() {
    let app = TestApp::spawn().await;
    let (fixture, _) = fictional_network(&app).await;
    let organisation = fixture.organisation.to_string();
    let first = period(&organisation, "2025-01-01", "2025-06-30");

    // The print view, even for the coordinator.
    let coordinator = app.sign_in(COORDINATOR).await;
    let mut print = first.clone();
    print.push(("request[print]", "true"));
    let (status, printed) = report(&app, &coordinator, &print).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(printed["suppressed"], true);
    let by_sex = table(&printed, "TakeInsBySex");
    // Exact: [[1,0,0,1],[1,1,1,3],[2,1,1,4]]: every cell is below 3 but the 3 and the
    // 4, and 4 - 3 would give back the continuing woman: the 3 is withheld too.
    assert!(
        by_sex.iter().flatten().all(|v| *v < 0 || *v >= 3),
        "{by_sex:?}"
    );
    assert_eq!(
        cell(
            &printed,
            TableId::TakeInsBySex,
            &Label::NewTakeIns,
            &Label::Total
        ),
        -2,
        "{by_sex:?}"
    );
    assert_no_cell_alone(&by_sex, true, true);
    for id in ["TakeInsByAge", "DependentChildren", "ContactChannels"] {
        let cells = table(&printed, id);
        assert!(
            cells.iter().flatten().all(|v| *v < 0 || *v >= 3),
            "{id}: {cells:?}"
        );
        assert_no_cell_alone(&cells, true, true);
    }
    // Days of presence: 94 and 21 are not small; beds never hidden.
    assert_eq!(
        table(&printed, "Presence"),
        vec![vec![2, 362, 115], vec![2, 362, 115]]
    );

    // The staff of the body see their own figures, suppressed too, without asking.
    let staff = app.sign_in(STAFF).await;
    let (status, own) = report(
        &app,
        &staff,
        &[
            ("request[from]", "2025-07-01"),
            ("request[to]", "2025-12-31"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{own}");
    assert_eq!(own["suppressed"], true);
    assert_eq!(own["scope"]["own_organisation"], true);
    let channels = table(&own, "ContactChannels");
    // The street unit's 2, the indoor unit's 1, the police's 1: all "<3"; the total 4
    // stays only if it gives nothing away.
    let street = Label::Channel(Channel::StreetUnit);
    assert_eq!(
        cell(&own, TableId::ContactChannels, &street, &Label::Adults),
        -1
    );
    assert_no_cell_alone(&channels, true, true);
    let by_age = table(&own, "TakeInsByAge");
    assert_no_cell_alone(&by_age, true, true);
    assert!(
        by_age.iter().flatten().all(|v| *v < 0 || *v >= 3),
        "{by_age:?}"
    );
    // Another organisation's figures are not hers to ask for.
    let other = app.organisation_id("Comune di Torino").await.to_string();
    let (status, _) = report(
        &app,
        &staff,
        &[
            ("request[from]", "2025-07-01"),
            ("request[organisations][0]", &other),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);

    // The CSV leaves the screen: suppressed, translated, audited.
    let response = app
        .get(
            &format!("/rapporti/esporta/take_ins_by_sex.csv?dal=2025-01-01&al=2025-06-30&organizzazione={organisation}"),
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let body = response.text().await.unwrap();
    assert!(body.contains("Accoglienze per sesso"), "{body}");
    assert!(body.contains("Nuove prese in carico"), "{body}");
    assert!(body.contains("<3"), "{body}");
    assert!(
        !body.contains(",1,"),
        "an exact small count left the screen: {body}"
    );
    assert_eq!(audit_count(&app, "report.export").await, 1);
    let response = app
        .get(
            "/rapporti/esporta/nothing.csv?dal=2025-01-01",
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::NOT_FOUND);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_figure_opens_the_list_it_counts_for_those_entitled() {
    let app = TestApp::spawn().await;
    let (fixture, mut new_ones) = fictional_network(&app).await;
    let organisation = fixture.organisation.to_string();
    let coordinator = app.sign_in(COORDINATOR).await;
    let figure = |row: &'static str, column: &'static str| {
        let mut form = period(&organisation, "2025-01-01", "2025-06-30")
            .into_iter()
            .map(|(k, v)| (k.replace("request[", "request[report]["), v.to_string()))
            .collect::<Vec<_>>();
        form.push(("request[table]".into(), "take_ins_by_sex".into()));
        form.push(("request[row]".into(), row.into()));
        form.push(("request[column]".into(), column.into()));
        form
    };
    let form = figure("1", "3");
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let response = app
        .call_raw("reports/figure", &pairs, Some(&coordinator))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let list = json(response).await;
    assert_eq!(list["total"], 3);
    let mut codes: Vec<String> = list["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| line["person_code"].as_str().unwrap().to_string())
        .collect();
    codes.sort();
    new_ones.sort();
    assert_eq!(codes, new_ones, "the new take-ins of the first period");
    assert_eq!(audit_count(&app, "report.figure").await, 1);

    // The server-rendered page links each exact figure to that list.
    let page = app
        .get(
            &format!("/rapporti?dal=2025-01-01&al=2025-06-30&organizzazione={organisation}"),
            Some(&coordinator),
        )
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert!(
        html.contains("tabella=take_ins_by_sex&amp;riga=1&amp;colonna=3")
            || html.contains("tabella=take_ins_by_sex&riga=1&colonna=3"),
        "no figure link"
    );
    assert!(html.contains("Casa di prova"));
    assert!(!html.contains("Via di prova"), "an address in the report");

    // A partner and a trainer never read the report nor its lists.
    for email in ["partner@anello.test", "formatrice@anello.test"] {
        let cookie = app.sign_in(email).await;
        let (status, _) = report(&app, &cookie, &[("request[from]", "2025-01-01")]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{email}");
        let response = app.call_raw("reports/figure", &pairs, Some(&cookie)).await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{email}");
        let response = app
            .get(
                "/rapporti/esporta/presence.csv?dal=2025-01-01",
                Some(&cookie),
            )
            .await;
        assert_eq!(response.status(), StatusCode::FORBIDDEN, "{email}");
    }
    // A bad period is a clear 4xx, not a report of nothing.
    let (status, body) = report(
        &app,
        &coordinator,
        &[
            ("request[from]", "2025-07-01"),
            ("request[to]", "2025-01-01"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(problem(&body, "to").as_deref(), Some("contradiction"));
}

async fn dashboards(app: &TestApp, cookie: &str, form: &[(&str, &str)]) -> (StatusCode, Value) {
    let response = app.call_raw("reports/dashboards", form, Some(cookie)).await;
    let status = response.status();
    (status, json(response).await)
}

/// The dashboards of the same dataset, written by hand: beds today, occupancy month by
/// month, the steps of the path, exits by outcome, per province and organisation; the
/// same suppression for the staff of one body; a chart beside each table on the page.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_dashboards_of_two_periods_match_the_ones_written_by_hand() {
    let app = TestApp::spawn().await;
    let (fixture, codes) = fictional_network(&app).await;
    let organisation = fixture.organisation.to_string();
    let coordinator = app.sign_in(COORDINATOR).await;

    let (status, first) = dashboards(
        &app,
        &coordinator,
        &period(&organisation, "2025-01-01", "2025-06-30"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{first} on {}", app.backend);
    // Today C (bed 1) and E (bed 2) are in the two beds of Casa di prova.
    // Columns: occupied, held, out of service, free, beds.
    for id in ["OccupancyByProvince", "OccupancyByOrganisation"] {
        assert_eq!(
            table(&first, id),
            vec![vec![2, 0, 0, 0, 2], vec![2, 0, 0, 0, 2]],
            "{id}"
        );
    }
    // Bed-days available and nights: B from 15 February to 19 May, C from 10 June.
    assert_eq!(
        table(&first, "OccupancyByMonth"),
        vec![
            vec![62, 0],
            vec![56, 14],
            vec![62, 31],
            vec![60, 30],
            vec![62, 19],
            vec![60, 21],
        ]
    );
    // Steps: contact, screening, proposal, taken in charge, placed, inclusion, exited.
    // B contacted, placed and exited; G evaluated; D taken in charge; C placed.
    let steps = vec![1, 1, 0, 1, 2, 0, 1];
    assert_eq!(
        table(&first, "PathFlow"),
        steps.iter().map(|n| vec![*n]).collect::<Vec<_>>()
    );
    // B left with autonomy; then voluntary return, transfer, drop-out, other, total.
    assert_eq!(
        table(&first, "ExitsByOutcome"),
        vec![vec![1], vec![0], vec![0], vec![0], vec![0], vec![1]]
    );
    assert_eq!(
        table(&first, "FlowByProvince"),
        vec![steps.clone(), steps.clone()]
    );
    assert_eq!(table(&first, "FlowByOrganisation"), vec![steps]);
    let rows = |report: &Value, id: &str| {
        report["tables"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["id"] == id)
            .unwrap()["rows"]
            .clone()
    };
    assert_eq!(rows(&first, "FlowByProvince")[0]["Province"], "AL");
    assert_eq!(
        rows(&first, "FlowByOrganisation")[0]["Organisation"],
        "Ente di prova del rapporto"
    );

    // The second half: E placed (her two children follow her, not counted apart), H's
    // proposal; C and E every night, E from 5 August.
    let (status, second) = dashboards(
        &app,
        &coordinator,
        &period(&organisation, "2025-07-01", "2025-12-31"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        table(&second, "PathFlow"),
        vec![
            vec![0],
            vec![0],
            vec![1],
            vec![0],
            vec![1],
            vec![0],
            vec![0]
        ]
    );
    assert_eq!(
        table(&second, "OccupancyByMonth"),
        vec![
            vec![62, 31],
            vec![62, 58],
            vec![60, 60],
            vec![62, 62],
            vec![60, 60],
            vec![62, 62],
        ]
    );
    assert_eq!(
        cell(
            &second,
            TableId::ExitsByOutcome,
            &Label::Total,
            &Label::People
        ),
        0
    );

    // The figure of people placed in the first half lists B and C.
    let mut form: Vec<(String, String)> = period(&organisation, "2025-01-01", "2025-06-30")
        .into_iter()
        .map(|(k, v)| (k.replace("request[", "request[report]["), v.to_string()))
        .collect();
    form.push(("request[table]".into(), "path_flow".into()));
    form.push(("request[row]".into(), "4".into()));
    form.push(("request[column]".into(), "0".into()));
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let response = app
        .call_raw("reports/figure", &pairs, Some(&coordinator))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let list = json(response).await;
    let mut listed: Vec<String> = list["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| line["person_code"].as_str().unwrap().to_string())
        .collect();
    listed.sort();
    let mut placed = vec![codes[0].clone(), codes[1].clone()];
    placed.sort();
    assert_eq!(listed, placed);

    // The staff of the body: suppressed. The two people in beds are "<3"; beds are no
    // secret, so with none free or out of service the holds are withheld too, or two
    // beds less nothing else would give the two people back.
    let staff = app.sign_in(STAFF).await;
    let (status, own) = dashboards(
        &app,
        &staff,
        &[
            ("request[from]", "2025-01-01"),
            ("request[to]", "2025-06-30"),
        ],
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{own}");
    assert_eq!(own["suppressed"], true);
    assert_eq!(
        table(&own, "OccupancyByProvince"),
        vec![vec![-1, -2, 0, 0, 2], vec![-1, -2, 0, 0, 2]]
    );
    assert_eq!(
        table(&own, "OccupancyByMonth"),
        vec![
            vec![62, -1],
            vec![56, 14],
            vec![62, 31],
            vec![60, 30],
            vec![62, 19],
            vec![60, 21],
        ]
    );
    assert!(table(&own, "PathFlow").iter().flatten().all(|v| *v == -1));
    // Nor does the list behind a figure tell more than the figure: none behind "<3".
    let response = app.call_raw("reports/figure", &pairs, Some(&staff)).await;
    assert_eq!(
        response.status(),
        StatusCode::NOT_FOUND,
        "the list behind <3"
    );

    // The page: a chart drawn without colour beside each table, and the CSV of a
    // dashboard table, suppressed as every copy that leaves the screen.
    let page = app
        .get(
            &format!(
                "/rapporti/cruscotto?dal=2025-01-01&al=2025-06-30&organizzazione={organisation}"
            ),
            Some(&coordinator),
        )
        .await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.unwrap();
    assert_eq!(html.matches("<svg").count(), 7, "one chart per table");
    assert!(html.contains("role=\"img\""));
    assert!(html.contains("url(#chart-occupancy_by_province-fill-0)"));
    assert!(html.contains("Posti letto oggi per provincia"));
    // On a phone each number of a table is a card line that names its column.
    assert!(html.contains("data-label=\"Occupati\""), "phone labels");
    assert!(html.contains("data-label=\"Occupazione\""), "phone labels");
    // The province in the filter, in two tables and in their two charts.
    assert!(html.matches("Alessandria").count() >= 5, "province rows");
    assert!(
        !html.contains("Via di prova"),
        "an address on the dashboards"
    );
    assert!(
        html.contains("tabella=path_flow&amp;riga=4&amp;colonna=0")
            || html.contains("tabella=path_flow&riga=4&colonna=0"),
        "no figure link"
    );
    let response = app
        .get(
            &format!("/rapporti/esporta/occupancy_by_month.csv?dal=2025-01-01&al=2025-06-30&organizzazione={organisation}"),
            Some(&coordinator),
        )
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let body = response.text().await.unwrap();
    assert!(body.contains("Occupazione mese per mese"), "{body}");
    assert!(body.contains("01/2025,62,<3"), "{body}");
    assert!(body.contains("02/2025,56,14,\"25,0%\""), "{body}");
    // The two periods, the staff's view and the page.
    assert_eq!(audit_count(&app, "report.dashboards").await, 4);

    // Partners and trainers read no dashboards.
    for email in ["partner@anello.test", "formatrice@anello.test"] {
        let cookie = app.sign_in(email).await;
        let (status, _) = dashboards(&app, &cookie, &[("request[from]", "2025-01-01")]).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{email}");
    }
}

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
    assert!(body.contains("<3"), "{body}");
}
