//! The funder report and the dashboards computed at 1× and 10× the demo data, measured in
//! one run so that the ratio, not the absolute figure, is what counts on a noisy machine.
//!
//! `make bench` (or `cargo bench -p server --bench reports`). Each database holds the demo
//! network with its people copied (1× or 10×) and a year and a half of dated activity
//! (path steps, evaluations, outreach contacts, also ×10). The computation is the one the
//! pages run (`reports::ssr::compute`, `reports::dashboard::compute`), called directly:
//! what is timed is reading the records and counting, not HTTP or rendering.

mod common;

use std::time::{Duration, Instant};

use app::reports::tables::Scope;
use app::state::IdentityKey;
use chrono::{Datelike, NaiveDate};
use common::TempFile;
use sea_orm::{DatabaseConnection, EntityTrait, PaginatorTrait};

const RUNS: usize = 15;

struct Data {
    db: DatabaseConnection,
    people: u64,
    steps: u64,
    contacts: u64,
    _file: TempFile,
}

async fn load(copies: usize) -> Data {
    let (db, file) = common::demo_database(&format!("reports_{copies}")).await;
    if copies > 1 {
        let key = IdentityKey::new(IdentityKey::DEVELOPMENT);
        app::people::registry::demo::load_demo_people(&db, copies - 1, &key)
            .await
            .expect("more people");
    }
    app::reports::demo::load_demo_history(&db, copies)
        .await
        .expect("demo activity");
    use app::entity::{contacts, path_events, people};
    Data {
        people: people::Entity::find().count(&db).await.unwrap(),
        steps: path_events::Entity::find().count(&db).await.unwrap(),
        contacts: contacts::Entity::find().count(&db).await.unwrap(),
        db,
        _file: file,
    }
}

/// The median of `RUNS` runs, after two to warm the caches.
async fn median<F, Fut>(mut run: F) -> Duration
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    for _ in 0..2 {
        run().await;
    }
    let mut samples = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        run().await;
        samples.push(started.elapsed());
    }
    samples.sort();
    samples[RUNS / 2]
}

async fn report_time(data: &Data, scope: &Scope, from: NaiveDate, to: NaiveDate) -> Duration {
    median(|| async {
        let tables = app::reports::ssr::compute(&data.db, scope, from, to)
            .await
            .expect("report");
        assert!(!tables.is_empty());
    })
    .await
}

async fn dashboards_time(data: &Data, scope: &Scope, from: NaiveDate, to: NaiveDate) -> Duration {
    let today = app::kernel::clock::today();
    median(|| async {
        let tables =
            app::reports::dashboard::compute(&data.db, scope, from, to, today, chrono::Utc::now())
                .await
                .expect("dashboards");
        assert!(!tables.is_empty());
    })
    .await
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let small = load(1).await;
    let large = load(10).await;
    println!(
        "report benchmark, SQLite, one run, median of {RUNS}: 1× = {} people, {} path steps, {} contacts; 10× = {} people, {} path steps, {} contacts",
        small.people, small.steps, small.contacts, large.people, large.steps, large.contacts
    );
    let today = app::kernel::clock::today();
    let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1).unwrap();
    let eighteen_months = today - chrono::Duration::days(548);
    let network = Scope {
        organisations: None,
        provinces: Vec::new(),
    };
    let body = {
        use app::entity::organisations;
        use sea_orm::{ColumnTrait, QueryFilter};
        organisations::Entity::find()
            .filter(organisations::Column::Kind.eq("implementing_body"))
            .one(&small.db)
            .await
            .unwrap()
            .expect("an implementing body")
            .id
    };
    let one_body = Scope {
        organisations: Some(vec![body]),
        provinces: Vec::new(),
    };
    println!(
        "{:<58} {:>9} {:>9} {:>7}",
        "case", "1× ms", "10× ms", "10×/1×"
    );
    let cases: [(&str, &Scope, NaiveDate); 4] = [
        (
            "funder report, whole network, year so far",
            &network,
            year_start,
        ),
        (
            "funder report, whole network, 18 months",
            &network,
            eighteen_months,
        ),
        (
            "funder report, one implementing body, 18 months",
            &one_body,
            eighteen_months,
        ),
        (
            "dashboards, whole network, 18 months",
            &network,
            eighteen_months,
        ),
    ];
    for (index, (label, scope, from)) in cases.into_iter().enumerate() {
        let (a, b) = if index < 3 {
            (
                report_time(&small, scope, from, today).await,
                report_time(&large, scope, from, today).await,
            )
        } else {
            (
                dashboards_time(&small, scope, from, today).await,
                dashboards_time(&large, scope, from, today).await,
            )
        };
        println!(
            "{label:<58} {:>9.2} {:>9.2} {:>7.2}",
            a.as_secs_f64() * 1000.0,
            b.as_secs_f64() * 1000.0,
            b.as_secs_f64() / a.as_secs_f64()
        );
    }
}
