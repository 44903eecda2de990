//! The funder report against a fixed fictional dataset (`dataset.rs`) whose report is
//! written out by hand in `two_periods.rs`, figure by figure, for two half-year periods: people who continue across
//! the boundary, one who exits, a girl who turns 18 between the two, a mother with two
//! children, contacts, evaluations, internships, a permit converted and stays in beds.
//! Then the suppression of small counts (and of the cells that would give them away),
//! the per-organisation view, the lists behind the figures, the CSV and the refusals.

mod dashboards;
mod dataset;
mod english;
mod figure_lists;
mod missing_lines;
mod shelter_times;
mod suppression;
mod system_actions;
mod two_periods;
mod workbook;

use chrono::{NaiveDate, Utc};
use reqwest::StatusCode;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use serde_json::Value;

use crate::helpers::*;
use app::reports::model::{Count, FunderReport, Label, Table, TableId};

pub(super) const COORDINATOR: &str = "coordinatrice@anello.test";
pub(super) const STAFF: &str = "staff.rapporto@anello.test";

pub(super) fn d(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

pub(super) struct Fixture {
    pub(super) organisation: i32,
    pub(super) user: i32,
    pub(super) checklist: i32,
    pub(super) number: i32,
}

impl Fixture {
    pub(super) async fn new(app: &TestApp) -> Fixture {
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
    pub(super) async fn person(
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

    pub(super) async fn screening(&self, app: &TestApp, person: i32, day: &str, outcome: &str) {
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

    pub(super) async fn contact(
        &self,
        app: &TestApp,
        day: &str,
        channel: &str,
        minor: bool,
        people: i32,
    ) {
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

    /// A Territorial Commission's request for an interview with `person`.
    pub(super) async fn commission_request(&self, app: &TestApp, person: i32, received: &str) {
        app::entity::commission_requests::ActiveModel {
            person_id: Set(person),
            organisation_id: Set(self.organisation),
            commission: Set("Torino".into()),
            received_on: Set(d(received)),
            status: Set("received".into()),
            interview_on: Set(None),
            answered_on: Set(None),
            notes: Set(None),
            recorded_by: Set(self.user),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }

    /// An expense of support for `person`, approved or still waiting.
    pub(super) async fn expense(
        &self,
        app: &TestApp,
        person: i32,
        (category, cents): (&str, i64),
        spent: &str,
        approved: bool,
    ) {
        app::entity::support_expenses::ActiveModel {
            person_id: Set(person),
            organisation_id: Set(self.organisation),
            category: Set(category.into()),
            amount_cents: Set(cents),
            spent_on: Set(d(spent)),
            description: Set(None),
            receipt_document_id: Set(None),
            recorded_by: Set(self.user),
            approved_by: Set(approved.then_some(self.user)),
            approved_at: Set(approved.then(Utc::now)),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }

    /// A transfer of `person`: `incoming` with who referred her, or outgoing, for her
    /// safety or not.
    pub(super) async fn transfer(
        &self,
        app: &TestApp,
        person: i32,
        (direction, source, for_safety): (&str, Option<&str>, bool),
        on: &str,
    ) {
        app::entity::person_transfers::ActiveModel {
            person_id: Set(person),
            organisation_id: Set(self.organisation),
            direction: Set(direction.into()),
            transfer_on: Set(d(on)),
            project: Set("Progetto di prova".into()),
            region: Set("Lombardia".into()),
            reason: Set(None),
            for_safety: Set(for_safety),
            source: Set(source.map(str::to_string)),
            file_handed_over: Set(false),
            consent_on: Set(None),
            recorded_by: Set(self.user),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }

    /// The network's referral of `person` to a Commission, with her hearing.
    pub(super) async fn commission_referral(
        &self,
        app: &TestApp,
        person: i32,
        referred: &str,
        hearing: &str,
        accompanied: bool,
    ) {
        app::entity::commission_referrals::ActiveModel {
            person_id: Set(person),
            organisation_id: Set(self.organisation),
            commission: Set("Milano".into()),
            referred_on: Set(d(referred)),
            reason: Set(None),
            operator_id: Set(Some(self.user)),
            accompanied: Set(accompanied),
            hearing_on: Set(Some(d(hearing))),
            outcome: Set(None),
            outcome_on: Set(None),
            recorded_by: Set(self.user),
            created_at: Set(Utc::now()),
            updated_at: Set(Utc::now()),
            ..Default::default()
        }
        .insert(&app.db)
        .await
        .unwrap();
    }

    pub(super) async fn plan(&self, app: &TestApp, person: i32) -> i32 {
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

    pub(super) async fn work(&self, app: &TestApp, plan: i32, kind: &str, starts: &str) {
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

    pub(super) async fn permit_converted(&self, app: &TestApp, plan: i32, day: &str) {
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

pub(super) async fn audit_count(app: &TestApp, action: &str) -> u64 {
    use app::entity::audit_log;
    use sea_orm::{ColumnTrait, PaginatorTrait, QueryFilter};
    audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq(action))
        .count(&app.db)
        .await
        .unwrap()
}

pub(super) async fn report(
    app: &TestApp,
    cookie: &str,
    form: &[(&str, &str)],
) -> (StatusCode, Value) {
    let response = app.call_raw("reports/funder", form, Some(cookie)).await;
    let status = response.status();
    (status, json(response).await)
}

/// One cell, addressed by the labels of its row and column rather than by position, so
/// that a row added to a table does not shift what a test checks ("<3" as -1, withheld
/// as -2). The tables are read into the application's own types.
pub(super) fn cell(report: &FunderReport, id: TableId, row: &Label, column: &Label) -> i64 {
    let table = find_table(report, id);
    let r = table.rows.iter().position(|l| l == row);
    let c = table.columns.iter().position(|l| l == column);
    let (Some(r), Some(c)) = (r, c) else {
        panic!("table {id:?} has no cell {row:?} x {column:?}");
    };
    number(table.cells[r][c])
}

/// A table's cells as plain numbers (exact counts only; "<3" as -1, withheld as -2).
pub(super) fn cells(report: &FunderReport, id: TableId) -> Vec<Vec<i64>> {
    find_table(report, id)
        .cells
        .iter()
        .map(|row| row.iter().copied().map(number).collect())
        .collect()
}

fn find_table(report: &FunderReport, id: TableId) -> &Table {
    report
        .tables
        .iter()
        .find(|t| t.id == id)
        .unwrap_or_else(|| panic!("table {id:?} in {report:?}"))
}

fn number(count: Count) -> i64 {
    match count {
        Count::Exact(value) => value,
        Count::Below(_) => -1,
        Count::Withheld => -2,
    }
}

pub(super) fn period<'a>(
    organisation: &'a str,
    from: &'a str,
    to: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("request[from]", from),
        ("request[to]", to),
        ("request[organisations][0]", organisation),
    ]
}

/// The list behind one figure (`table`, row, column) of a period, for `cookie`.
pub(super) async fn figure_in(
    app: &TestApp,
    cookie: &str,
    organisation: &str,
    (from, to): (&str, &str),
    (table, row, column): (&str, usize, usize),
) -> reqwest::Response {
    let mut form: Vec<(String, String)> = period(organisation, from, to)
        .into_iter()
        .map(|(k, v)| (k.replace("request[", "request[report]["), v.to_string()))
        .collect();
    form.push(("request[table]".into(), table.into()));
    form.push(("request[row]".into(), row.to_string()));
    form.push(("request[column]".into(), column.to_string()));
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    app.call_raw("reports/figure", &pairs, Some(cookie)).await
}

/// The list behind one figure of the first half of 2025, for `cookie`.
pub(super) async fn figure(
    app: &TestApp,
    cookie: &str,
    organisation: &str,
    cell: (&str, usize, usize),
) -> reqwest::Response {
    figure_in(
        app,
        cookie,
        organisation,
        ("2025-01-01", "2025-06-30"),
        cell,
    )
    .await
}
