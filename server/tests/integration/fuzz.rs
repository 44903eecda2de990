//! Generated requests to every server function of the policy table, from every role and
//! an anonymous caller: wrong types, missing and extra fields, huge and empty strings,
//! control characters, unicode, numbers and dates out of range, nested brackets. No
//! answer may be a 5xx; every refusal is a 4xx whose body carries a translated message;
//! every call the policy refuses leaves its `access.denied` row.
//!
//! `make test` runs `ANELLO_FUZZ_CASES` (100 by default) cases per function on each
//! database; `make fuzz` runs 10 000 and prints the counts. The cases come from a seeded
//! generator, so a failure names the seed and case that reproduce it.

use std::collections::BTreeMap;

use app::auth::policy::{allows, Decision, SERVER_FUNCTIONS};
use app::entity::audit_log;
use reqwest::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

use crate::helpers::*;
use crate::policy_matrix::sample_arguments;

const CALLERS: [Option<&str>; 8] = [
    None,
    Some("admin@anello.test"),
    Some("coordinatrice@anello.test"),
    Some("accoglienza@anello.test"),
    Some("operatrice@anello.test"),
    Some("strada@anello.test"),
    Some("formatrice@anello.test"),
    Some("partner@anello.test"),
];

/// Values no form sends, and some a form sends in the wrong place.
const AWKWARD: &[&str] = &[
    "",
    " ",
    "0",
    "-1",
    "2147483648",
    "-9223372036854775809",
    "1e309",
    "NaN",
    "true",
    "null",
    "[]",
    "{}",
    "[[[[",
    "]]]]",
    "%00",
    "\u{0}",
    "\u{7}\t\r\n",
    "\u{202e}drowssap",
    "😀👩‍👩‍👧",
    "名前",
    "'; DROP TABLE people; --",
    "<script>alert(1)</script>",
    "=HYPERLINK(\"x\")",
    "275760-09-13",
    "2026-02-30",
    "9999-12-31",
    "1066-10-14",
    "on",
    "off",
    "../../etc/passwd",
    "TO-2025-0001",
];

/// A small deterministic generator (xorshift64*): the same seed gives the same cases.
struct Cases(u64);

impl Cases {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn value(&mut self, known: &[String]) -> String {
        match self.below(8) {
            0 => "x".repeat(1 + self.below(100_000)),
            1 => (0..self.below(40))
                .map(|_| char::from_u32(self.below(0x3000) as u32).unwrap_or('?'))
                .collect(),
            2 => self.next().to_string(),
            3 if !known.is_empty() => known[self.below(known.len())].clone(),
            _ => AWKWARD[self.below(AWKWARD.len())].to_string(),
        }
    }

    /// One body for a function whose usual fields are `sample`.
    fn body(&mut self, sample: &[(String, String)], known: &[String]) -> Vec<(String, String)> {
        let mut fields = Vec::new();
        for (key, value) in sample {
            match self.below(5) {
                // A field left out.
                0 => {}
                1 | 2 => fields.push((key.clone(), value.replace("{tag}", "fuzz"))),
                _ => fields.push((key.clone(), self.value(known))),
            }
        }
        for _ in 0..self.below(3) {
            let key = match self.below(5) {
                0 => "form[extra]".to_string(),
                1 => format!("form{}", "[a]".repeat(1 + self.below(60))),
                2 => "form[]".to_string(),
                3 => "x[".to_string(),
                _ => sample
                    .get(self.below(sample.len().max(1)))
                    .map(|(key, _)| key.clone())
                    .unwrap_or_else(|| "id".to_string()),
            };
            fields.push((key, self.value(known)));
        }
        fields
    }
}

/// What one run saw, per function.
#[derive(Default)]
struct Tally {
    cases: u64,
    by_class: BTreeMap<u16, u64>,
}

/// Runs `cases` generated requests against every server function; panics on the first
/// 5xx or untranslated refusal. The counts, for `make fuzz`.
async fn fuzz_every_server_function(cases: u64) -> BTreeMap<&'static str, Tally> {
    let limits = app::state::SignInLimits {
        per_account: 1_000_000,
        per_address: 1_000_000,
        per_account_anywhere: 1_000_000,
        ..Default::default()
    };
    let app = TestApp::spawn_with(limits).await;
    let target_user = app.user_id("partner@anello.test").await;
    // Codes and ids of the demo network, so that some cases reach past "not found".
    let mut known: Vec<String> = app::entity::people::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .take(20)
        .map(|person| person.code)
        .collect();
    known.extend((1..=12).map(|id| id.to_string()));
    let mut cookies: Vec<Option<String>> = Vec::new();
    let mut users = Vec::new();
    for caller in CALLERS {
        cookies.push(match caller {
            Some(email) => Some(app.sign_in(email).await),
            None => None,
        });
        users.push(match caller {
            Some(email) => app::auth::ssr::current_user_by_id(&app.db, app.user_id(email).await)
                .await
                .unwrap(),
            None => None,
        });
    }
    let mut tallies = BTreeMap::new();
    let mut refused_by_policy = 0;
    for (endpoint, _) in SERVER_FUNCTIONS {
        // Signing out or changing the language would only end the fuzzing callers'
        // sessions; both are fuzzed, by the anonymous caller's cases.
        let session_enders = ["auth/sign_out", "auth/sign_in"].contains(endpoint);
        let sample = sample_arguments(endpoint, target_user).unwrap_or_default();
        let seed = 0x5eed_0000
            ^ endpoint
                .bytes()
                .fold(7u64, |h, b| h.wrapping_mul(31) ^ b as u64);
        let mut generate = Cases(seed | 1);
        let tally: &mut Tally = tallies.entry(*endpoint).or_default();
        for case in 0..cases {
            let caller = if session_enders {
                0
            } else {
                case as usize % CALLERS.len()
            };
            let body = generate.body(&sample, &known);
            let pairs: Vec<(&str, &str)> =
                body.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            let response = app
                .call_raw(endpoint, &pairs, cookies[caller].as_deref())
                .await;
            let status = response.status();
            let text = response.text().await.unwrap_or_default();
            assert!(
                !status.is_server_error(),
                "{endpoint} answered {status} on {} (seed {seed:#x}, case {case}, caller {:?}): {text}\nbody: {}",
                app.backend,
                CALLERS[caller],
                shortened(&body)
            );
            if status.is_client_error() && status != StatusCode::NOT_FOUND {
                let message = serde_json::from_str::<serde_json::Value>(&text)
                    .ok()
                    .and_then(|value| value["message"].as_str().map(str::to_string))
                    .unwrap_or_default();
                assert!(
                    !message.trim().is_empty(),
                    "{endpoint} refused with {status} and no message (seed {seed:#x}, case {case}): {text}"
                );
            }
            // A body that cannot be read is answered 400 before the policy is asked.
            if caller != 0
                && status != StatusCode::BAD_REQUEST
                && allows(endpoint, users[caller].as_ref()) == Decision::Forbidden
            {
                assert_eq!(
                    status,
                    StatusCode::FORBIDDEN,
                    "{endpoint} for {:?}",
                    CALLERS[caller]
                );
                refused_by_policy += 1;
            }
            tally.cases += 1;
            *tally.by_class.entry(status.as_u16()).or_default() += 1;
        }
    }
    let denials = audit_log::Entity::find()
        .filter(audit_log::Column::Action.eq("access.denied"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(
        denials, refused_by_policy,
        "each call the policy refused has its access.denied row on {}",
        app.backend
    );
    tallies
}

/// A body for a failure message: long values cut, so that the message stays readable.
fn shortened(body: &[(String, String)]) -> String {
    body.iter()
        .map(|(key, value)| {
            let count = value.chars().count();
            if count > 60 {
                let start: String = value.chars().take(40).collect();
                format!("{key}={start:?}… ({count} characters)")
            } else {
                format!("{key}={value:?}")
            }
        })
        .collect::<Vec<_>>()
        .join(" & ")
}

fn cases_per_function() -> u64 {
    std::env::var("ANELLO_FUZZ_CASES")
        .ok()
        .and_then(|value| value.parse().ok())
        .unwrap_or(100)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn generated_requests_to_every_server_function_never_fail_the_server() {
    let cases = cases_per_function();
    let tallies = fuzz_every_server_function(cases).await;
    let total: u64 = tallies.values().map(|tally| tally.cases).sum();
    let mut by_class: BTreeMap<u16, u64> = BTreeMap::new();
    for tally in tallies.values() {
        for (status, count) in &tally.by_class {
            *by_class.entry(*status).or_default() += count;
        }
    }
    // Printed by `make fuzz` (cargo test -- --nocapture).
    println!(
        "fuzz: {} functions, {total} requests, answers {by_class:?}",
        tallies.len()
    );
    for (endpoint, tally) in &tallies {
        println!("  {endpoint:<40} {:>6} {:?}", tally.cases, tally.by_class);
    }
    assert!(total >= cases * SERVER_FUNCTIONS.len() as u64);
}
