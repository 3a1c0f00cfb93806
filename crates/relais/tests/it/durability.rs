//! Acknowledged requests survive `kill -9` of the server and a restart. Runs the real
//! binary as a child process, on the same database the other tests use.

use crate::support::*;
use reqwest::StatusCode;
use serde_json::json;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Server {
    pub child: Child,
    pub addr: String,
    /// Everything the server wrote on stdout and stderr so far. Both pipes are drained by
    /// threads from the start: a server that logs more than a pipe holds (64 KiB) before a
    /// test reads would otherwise block on its next log line.
    output: std::sync::Arc<std::sync::Mutex<Vec<u8>>>,
    readers: Vec<std::thread::JoinHandle<()>>,
}

impl Server {
    /// Stops the server (SIGKILL) and returns all it logged.
    pub fn stop_and_logs(mut self) -> String {
        let _ = self.child.kill();
        let _ = self.child.wait();
        for r in self.readers.drain(..) {
            let _ = r.join();
        }
        String::from_utf8_lossy(&self.output.lock().unwrap()).into_owned()
    }
}

fn drain(pipe: impl std::io::Read + Send + 'static, into: std::sync::Arc<std::sync::Mutex<Vec<u8>>>) -> std::thread::JoinHandle<()> {
    std::thread::spawn(move || {
        let mut pipe = pipe;
        let mut buf = [0u8; 8192];
        while let Ok(n) = pipe.read(&mut buf) {
            if n == 0 {
                break;
            }
            into.lock().unwrap().extend_from_slice(&buf[..n]);
        }
    })
}

/// Starts `relais serve` on a free port against `db_url`; waits until /healthz answers.
pub async fn start_binary(db_url: &str, extra_env: &[(&str, &str)]) -> Server {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_relais"));
    cmd.args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--database-url", db_url])
        .env("RELAIS_INTAKE_RATE_LIMIT", "0")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("start relais");
    let output = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let readers = vec![
        drain(child.stdout.take().expect("stdout"), output.clone()),
        drain(child.stderr.take().expect("stderr"), output.clone()),
    ];
    let mut server = Some(Server { child, addr: format!("http://127.0.0.1:{port}"), output, readers });
    let addr = format!("http://127.0.0.1:{port}");
    let client = crate::support::plain_client();
    for _ in 0..200 {
        if let Ok(r) = client.get(format!("{addr}/healthz")).send().await {
            if r.status() == StatusCode::OK {
                return server.take().expect("returned once");
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let logs = server.take().expect("not returned").stop_and_logs();
    panic!("relais did not become healthy on {addr}; it logged:\n{logs}");
}

#[tokio::test]
async fn acknowledged_requests_survive_kill_9_and_restart() {
    let (store, db_url, _dir) = fresh_store().await;
    store.close().await;
    let mut server = start_binary(&db_url, &[]).await;
    let client = crate::support::plain_client();
    let mut acknowledged = Vec::new();
    for i in 0..40u32 {
        let res = client
            .post(format!("{}/api/v1/help-requests", server.addr))
            .json(&json!({"phone": phone(i), "topic": "impots"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::CREATED);
        let body: serde_json::Value = res.json().await.unwrap();
        acknowledged.push(body["reference"].as_str().unwrap().to_owned());
    }
    // No graceful shutdown: SIGKILL right after the last acknowledgement.
    server.child.kill().expect("kill -9");
    server.child.wait().unwrap();

    let mut restarted = start_binary(&db_url, &[]).await;
    let store = relais_store::Store::connect(&db_url).await.unwrap();
    for (i, reference) in acknowledged.iter().enumerate() {
        let found = store.find_by_reference(reference, &e164(i as u32)).await.unwrap();
        assert!(found.is_some(), "request {reference} was acknowledged but is lost");
    }
    // And the restarted server serves them.
    let q = store.queue_overview(relais_web::now_ms(), 0).await.unwrap();
    assert_eq!(q.waiting_due, 40);
    restarted.child.kill().unwrap();
    let _ = restarted.child.wait();
}
