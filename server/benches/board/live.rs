//! Live events in the board benchmark: a move's delivery to every open board, and the
//! CPU a move costs with more boards open.

use std::time::{Duration, Instant};

use tokio::sync::mpsc;

use crate::moves::back_and_forth;
use crate::Running;

/// Delivery of the moves' events to `boards` open boards.
pub struct Delivery {
    /// From each move sent to each board having its event, every board and move.
    pub latencies: Vec<Duration>,
    /// From the mover's answer (her change committed) to each board having its event:
    /// the live event's own cost, without the move's (0 where the event came first).
    pub after_answer: Vec<Duration>,
    /// The server's CPU time per move (its threads alone: the boards' readers run on
    /// the other core, `common::on_two_cores`).
    pub cpu_per_move: Duration,
}

/// Opens `boards` event streams (the coordinator's board: every structure), then moves
/// one guest back and forth `rounds` times, each move waiting until every board has its
/// event.
pub async fn deliver(
    running: &Running,
    mover: &str,
    watcher: &str,
    pair: &(String, i32, i32),
    boards: usize,
    rounds: usize,
) -> Delivery {
    let (arrived, mut arrivals) = mpsc::unbounded_channel::<Instant>();
    let mut readers = Vec::new();
    for _ in 0..boards {
        let response = running
            .client
            .get(running.url(app::beds::live::EVENTS_PATH))
            .header("accept", "text/event-stream")
            .header("cookie", watcher)
            .send()
            .await
            .unwrap();
        assert!(response.status().is_success());
        let arrived = arrived.clone();
        readers.push(tokio::spawn(read_events(response, arrived)));
    }
    // Every stream says hello (a comment) before any event: wait until all are open.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut latencies = Vec::new();
    let mut after_answer = Vec::new();
    let cpu_before = crate::common::server_cpu();
    for (endpoint, body) in back_and_forth(pair, rounds) {
        let started = Instant::now();
        let response = running.post(&endpoint, &body, mover).await;
        assert!(response.status().is_success(), "{body}");
        let answered = Instant::now();
        for _ in 0..boards {
            let at = tokio::time::timeout(Duration::from_secs(5), arrivals.recv())
                .await
                .expect("every board has the event within 5 s")
                .expect("readers running");
            latencies.push(at.saturating_duration_since(started));
            after_answer.push(at.saturating_duration_since(answered));
        }
        // A second event for the same move would be taken as the next move's.
        assert!(
            arrivals.try_recv().is_err(),
            "a move sent a board more than one event"
        );
    }
    let cpu = crate::common::server_cpu().saturating_sub(cpu_before);
    for reader in readers {
        reader.abort();
    }
    Delivery {
        latencies,
        after_answer,
        cpu_per_move: cpu / rounds as u32,
    }
}

/// Tells `arrived` the time of each `event: board` of the stream.
async fn read_events(mut response: reqwest::Response, arrived: mpsc::UnboundedSender<Instant>) {
    let mut unread = String::new();
    while let Ok(Some(chunk)) = response.chunk().await {
        let at = Instant::now();
        unread.push_str(&String::from_utf8_lossy(&chunk));
        while let Some(start) = unread.find("event: board") {
            let Some(length) = unread[start..].find("\n\n") else {
                break;
            };
            unread.drain(..start + length + 2);
            if arrived.send(at).is_err() {
                return;
            }
        }
    }
}
