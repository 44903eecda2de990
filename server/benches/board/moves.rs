//! Moves for the board benchmark: guests who may move back and forth, and latencies of
//! moves (or baselines) one at a time and from many connections at once.

use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::Running;

/// Pairs of (guest, free bed of her structure) that a move between them is allowed for.
pub async fn movable_guests(
    running: &Running,
    cookie: &str,
    wanted: usize,
) -> Vec<(String, i32, i32)> {
    let board: serde_json::Value = running
        .post("beds/board", "filter[province]=", cookie)
        .await
        .json()
        .await
        .unwrap();
    let mut pairs = Vec::new();
    for card in board["structures"].as_array().unwrap() {
        let beds = card["beds"].as_array().unwrap();
        let mut free: Vec<i32> = beds
            .iter()
            .filter(|b| b["state"] == "Free")
            .map(|b| b["id"].as_i64().unwrap() as i32)
            .collect();
        for bed in beds.iter().filter(|b| b["state"] == "Occupied") {
            let Some(to) = free.pop() else { break };
            let code = bed["person_code"].as_str().unwrap().to_string();
            let from = bed["id"].as_i64().unwrap() as i32;
            // Only guests the rules let move there and back (no family, right group).
            let there = running
                .post("beds/move", &format!("code={code}&bed_id={to}"), cookie)
                .await;
            if !there.status().is_success() {
                free.push(to);
                continue;
            }
            let back = running
                .post("beds/move", &format!("code={code}&bed_id={from}"), cookie)
                .await;
            assert!(back.status().is_success());
            pairs.push((code, from, to));
            if pairs.len() == wanted {
                return pairs;
            }
        }
    }
    pairs
}

/// Latencies of the requests of `work`, one list per connection, sent by as many clients
/// at once, each in its own session (`cookies`).
pub async fn under_load(
    running: &Running,
    cookies: &[String],
    work: Arc<Vec<Vec<(String, String)>>>,
) -> Vec<Duration> {
    let mut tasks = Vec::new();
    for (index, cookie) in cookies.iter().enumerate() {
        let (running, cookie, work) = (running.clone(), cookie.clone(), work.clone());
        tasks.push(tokio::spawn(async move {
            let mut latencies = Vec::new();
            for (endpoint, body) in &work[index] {
                let started = Instant::now();
                let response = running.post(endpoint, body, &cookie).await;
                let status = response.status();
                response.bytes().await.unwrap();
                assert!(status.is_success(), "{endpoint} {body}: {status}");
                latencies.push(started.elapsed());
            }
            latencies
        }));
    }
    let mut all = Vec::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    all
}

/// Latencies of `requests` sent one after the other by one client: the cost of one
/// alone, without waiting for others.
pub async fn one_at_a_time(
    running: &Running,
    cookie: &str,
    requests: &[(String, String)],
) -> Vec<Duration> {
    let mut latencies = Vec::new();
    for (endpoint, body) in requests {
        let started = Instant::now();
        let response = running.post(endpoint, body, cookie).await;
        let status = response.status();
        response.bytes().await.unwrap();
        assert!(status.is_success(), "{endpoint} {body}: {status}");
        latencies.push(started.elapsed());
    }
    latencies
}

/// `rounds` moves of one guest to her other bed and back.
pub fn back_and_forth(pair: &(String, i32, i32), rounds: usize) -> Vec<(String, String)> {
    let (code, from, to) = pair;
    (0..rounds)
        .map(|i| {
            let bed = if i % 2 == 0 { to } else { from };
            ("beds/move".to_string(), format!("code={code}&bed_id={bed}"))
        })
        .collect()
}
