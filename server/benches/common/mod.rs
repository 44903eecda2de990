//! What the benchmarks share: a throw-away SQLite file and signing in.

use std::net::SocketAddr;

/// A SQLite file removed (with its WAL files) when the benchmark ends.
pub struct TempFile(pub std::path::PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}

/// Signs a demo user in; the `name=value` of the session cookie.
pub async fn sign_in(client: &reqwest::Client, address: SocketAddr, email: &str) -> String {
    let response = client
        .post(format!("http://{address}/api/auth/sign_in"))
        .header("origin", format!("http://{address}"))
        .header("accept", "application/json")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("email={email}&password=anello-demo"))
        .send()
        .await
        .unwrap();
    assert!(response.status().is_success(), "sign-in {email}");
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("__Host-anello_session="))
        .and_then(|v| v.split(';').next())
        .expect("session cookie")
        .to_string()
}
