//! Uploads over a slow connection: the 30 s limit of other requests does not stop a file
//! that keeps coming at the minimum rate, and a stalled one is stopped with a translated
//! problem on the file field (4xx), not a hung connection or a 503.

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::*;

const BOUNDARY: &str = "anello-prova-caricamento";

/// A PDF of about `size` bytes.
fn pdf_of(size: usize) -> Vec<u8> {
    let mut bytes = PDF.to_vec();
    bytes.splice(
        9..9,
        std::iter::repeat_n(b'%', size.saturating_sub(PDF.len())),
    );
    bytes
}

/// How a test client sends an upload: `chunk` bytes of the body at a time with `pause`
/// between them, stopping after `stop_after` bytes if given (a lost connection that stays
/// open), asking for `accept`.
struct Sending {
    chunk: usize,
    pause: Duration,
    stop_after: Option<usize>,
    accept: &'static str,
}

/// Sends an upload by hand over TCP, as `how` says; the answer's status line and the
/// whole answer.
async fn send_slowly(
    app: &TestApp,
    cookie: &str,
    version: i32,
    file: &[u8],
    how: Sending,
) -> (String, String) {
    let Sending {
        chunk,
        pause,
        stop_after,
        accept,
    } = how;
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lento.pdf\"\r\nContent-Type: application/pdf\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    let head = format!(
        "POST /forum/materiali/bozze/{version}/allegati HTTP/1.1\r\nHost: {}\r\nOrigin: {}\r\nAccept: {accept}\r\nCookie: {cookie}\r\nContent-Type: multipart/form-data; boundary={BOUNDARY}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        app.address,
        app.origin(),
        body.len()
    );
    let mut stream = tokio::net::TcpStream::connect(app.address).await.unwrap();
    stream.write_all(head.as_bytes()).await.unwrap();
    let (mut reading, mut writing) = stream.into_split();
    let sending = tokio::spawn(async move {
        let end = stop_after.unwrap_or(body.len()).min(body.len());
        for part in body[..end].chunks(chunk) {
            if writing.write_all(part).await.is_err() {
                return;
            }
            tokio::time::sleep(pause).await;
        }
        // A stalled client keeps the connection open without sending.
        tokio::time::sleep(Duration::from_secs(60)).await;
    });
    let mut answer = Vec::new();
    let read =
        tokio::time::timeout(Duration::from_secs(40), reading.read_to_end(&mut answer)).await;
    sending.abort();
    assert!(read.is_ok(), "the server never answered");
    let answer = String::from_utf8_lossy(&answer).to_string();
    let status = answer.lines().next().unwrap_or_default().to_string();
    (status, answer)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_slow_upload_that_keeps_the_pace_arrives_and_a_stalled_one_is_stopped() {
    let pace = app::state::UploadPace {
        grace: Duration::from_millis(500),
        min_rate: 64 * 1024,
    };
    let app = TestApp::spawn_with_upload_pace(pace).await;
    let trainer = app.sign_in(TRAINER).await;
    let version = new_material(&app, &trainer, "indicatori", "Caricamento lento").await;

    // 192 KiB in 32 KiB steps, 250 ms apart (128 KiB/s, twice the minimum): past the
    // grace, and taken.
    let file = pdf_of(192 * 1024);
    let (status, body) = send_slowly(
        &app,
        &trainer,
        version,
        &file,
        Sending {
            chunk: 32 * 1024,
            pause: Duration::from_millis(250),
            stop_after: None,
            accept: "application/json",
        },
    )
    .await;
    assert!(status.contains("201"), "{status} {body} on {}", app.backend);

    // The same file, stalled after 16 KiB: stopped once the pace is missed, with the
    // file field's problem in the caller's language.
    let stalled = |accept| Sending {
        chunk: 8 * 1024,
        pause: Duration::from_millis(50),
        stop_after: Some(16 * 1024),
        accept,
    };
    let (status, body) =
        send_slowly(&app, &trainer, version, &file, stalled("application/json")).await;
    assert!(status.contains(" 4"), "{status} {body}");
    assert!(body.contains("upload_too_slow"), "{body}");
    // A page's form: back to the draft, which names the problem in words.
    let (status, answer) = send_slowly(&app, &trainer, version, &file, stalled("text/html")).await;
    assert!(status.contains(" 303"), "{status} {answer}");
    assert!(
        answer
            .to_ascii_lowercase()
            .contains("errore=upload_too_slow"),
        "{answer}"
    );
    let draft = format!("/forum/materiali/bozze/{version}?errore=upload_too_slow");
    let page = app.get(&draft, Some(&trainer)).await.text().await.unwrap();
    assert!(page.contains("troppo lentamente"), "{page}");
}
