//! The people list at 1× and 10× the demo registry, measured in one run so that the
//! ratio, not the absolute figure, is what counts on a noisy machine.
//!
//! `make bench` (or `cargo bench -p server --bench people_list`). Prints requests per
//! second of the list (JSON server function, first page and a filtered page) and of the
//! server-rendered `/persone` page, for the coordinator (the whole network) and a case
//! worker (her organisation), and the 10×/1× ratio of each.

mod common;

use std::net::SocketAddr;
use std::time::Instant;

use app::state::{IdentityKey, Settings};
use common::TempFile;

const JSON_REQUESTS: u32 = 300;
const PAGE_REQUESTS: u32 = 100;

struct Running {
    address: SocketAddr,
    client: reqwest::Client,
    people: u64,
    _file: TempFile,
}

async fn start(copies: usize) -> Running {
    let (db, file) = common::demo_database(&format!("people_{copies}")).await;
    if copies > 1 {
        let key = IdentityKey::new(IdentityKey::DEVELOPMENT);
        app::people::registry::demo::load_demo_people(&db, copies - 1, &key)
            .await
            .expect("more people");
    }
    use sea_orm::{EntityTrait, PaginatorTrait};
    let people = app::entity::people::Entity::find()
        .count(&db)
        .await
        .unwrap();
    Running {
        address: common::serve(db, Settings::for_tests()).await,
        client: common::client(),
        people,
        _file: file,
    }
}

impl Running {
    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    async fn post(&self, endpoint: &str, body: &str, cookie: Option<&str>) -> reqwest::Response {
        let mut request = self
            .client
            .post(self.url(&format!("/api/{endpoint}")))
            .header("origin", format!("http://{}", self.address))
            .header("accept", "application/json")
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body.to_string());
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send().await.unwrap()
    }

    async fn sign_in(&self, email: &str) -> String {
        common::sign_in(&self.client, self.address, email).await
    }

    /// Requests per second of `count` sequential requests (after a short warm-up).
    async fn json_rate(&self, cookie: &str, body: &str, count: u32) -> f64 {
        for _ in 0..10 {
            assert!(self
                .post("people/list", body, Some(cookie))
                .await
                .status()
                .is_success());
        }
        let started = Instant::now();
        for _ in 0..count {
            let response = self.post("people/list", body, Some(cookie)).await;
            assert!(response.status().is_success());
            response.bytes().await.unwrap();
        }
        f64::from(count) / started.elapsed().as_secs_f64()
    }

    async fn page_rate(&self, cookie: &str, count: u32) -> f64 {
        let get = || {
            self.client
                .get(self.url("/persone"))
                .header("accept", "text/html")
                .header("cookie", cookie)
                .send()
        };
        for _ in 0..5 {
            assert!(get().await.unwrap().status().is_success());
        }
        let started = Instant::now();
        for _ in 0..count {
            let response = get().await.unwrap();
            assert!(response.status().is_success());
            response.bytes().await.unwrap();
        }
        f64::from(count) / started.elapsed().as_secs_f64()
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let small = start(1).await;
    let large = start(10).await;
    println!(
        "people list benchmark: {} people (1× demo) vs {} people (10× demo), SQLite, one run",
        small.people, large.people
    );
    let cases: [(&str, &str, &str); 4] = [
        (
            "coordinator, first page (JSON)",
            "coordinatrice@anello.test",
            "filter[page]=1",
        ),
        (
            "coordinator, minors with labour exploitation (JSON)",
            "coordinatrice@anello.test",
            "filter[age]=minor&filter[exploitation]=labour_agriculture",
        ),
        (
            "case worker, her organisation (JSON)",
            "operatrice@anello.test",
            "filter[page]=1",
        ),
        (
            "coordinator, by code (JSON)",
            "coordinatrice@anello.test",
            "filter[code]=TO-",
        ),
    ];
    println!(
        "{:<55} {:>10} {:>10} {:>8}",
        "case", "1× req/s", "10× req/s", "10×/1×"
    );
    for (label, email, body) in cases {
        let small_cookie = small.sign_in(email).await;
        let large_cookie = large.sign_in(email).await;
        let a = small.json_rate(&small_cookie, body, JSON_REQUESTS).await;
        let b = large.json_rate(&large_cookie, body, JSON_REQUESTS).await;
        println!("{label:<55} {a:>10.0} {b:>10.0} {:>8.2}", b / a);
    }
    for (label, email) in [
        (
            "coordinator, /persone server-rendered page",
            "coordinatrice@anello.test",
        ),
        (
            "case worker, /persone server-rendered page",
            "operatrice@anello.test",
        ),
    ] {
        let a = small
            .page_rate(&small.sign_in(email).await, PAGE_REQUESTS)
            .await;
        let b = large
            .page_rate(&large.sign_in(email).await, PAGE_REQUESTS)
            .await;
        println!("{label:<55} {a:>10.0} {b:>10.0} {:>8.2}", b / a);
    }
}
