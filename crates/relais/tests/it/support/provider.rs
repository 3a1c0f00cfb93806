//! A local stand-in for the provider's REST API: records exactly what it receives (method,
//! path, query, basic auth, form body with repeated fields kept) and answers as Twilio does
//! (201 with a sid; `SM…` for messages, `CA…` for calls) or with the statuses of a script.

use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode as AxStatus, Uri};
use axum::response::IntoResponse;
use std::sync::{Arc, Mutex};
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub path: String,
    pub query: String,
    pub auth: String,
    pub form: Vec<(String, String)>,
}

#[derive(Default)]
pub struct Recorder {
    received: Mutex<Vec<Received>>,
    /// Statuses to answer, in order; then 201.
    script: Mutex<Vec<u16>>,
}

/// The local stand-in for the provider's REST API.
pub struct Provider {
    pub url: String,
    pub rec: Arc<Recorder>,
}

async fn record(State(rec): State<Arc<Recorder>>, method: Method, uri: Uri, headers: HeaderMap, body: String) -> axum::response::Response {
    let form = url_pairs(&body);
    rec.received.lock().unwrap().push(Received {
        method: method.to_string(),
        path: uri.path().to_owned(),
        query: uri.query().unwrap_or("").to_owned(),
        auth: headers.get("authorization").and_then(|v| v.to_str().ok()).unwrap_or("").to_owned(),
        form,
    });
    let status = {
        let mut s = rec.script.lock().unwrap();
        if s.is_empty() { 201 } else { s.remove(0) }
    };
    let n = rec.received.lock().unwrap().len();
    (AxStatus::from_u16(status).unwrap(), [("content-type", "application/json")], format!("{{\"sid\": \"{}{n:032}\", \"status\": \"queued\"}}", if uri.path().ends_with("/Calls.json") {"CA"} else {"SM"}))
        .into_response()
}

pub fn url_pairs(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
            (decode(k), decode(v))
        })
        .collect()
}

pub fn decode(s: &str) -> String {
    let s = s.replace('+', " ");
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

impl Provider {
    pub async fn start(script: &[u16]) -> Provider {
        let rec = Arc::new(Recorder::default());
        *rec.script.lock().unwrap() = script.to_vec();
        let app = axum::Router::new().fallback(record).with_state(rec.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Provider { url, rec }
    }

    pub fn received(&self) -> Vec<Received> {
        self.rec.received.lock().unwrap().clone()
    }

    pub async fn wait_for(&self, n: usize) -> Vec<Received> {
        for _ in 0..100 {
            if self.received().len() >= n {
                return self.received();
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the provider received {} requests, not {n}", self.received().len());
    }
}


impl Received {
    /// The first value of a form field.
    pub fn field(&self, name: &str) -> Option<&str> {
        self.form.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
    /// Every value of a (repeated) form field.
    pub fn fields(&self, name: &str) -> Vec<&str> {
        self.form.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str()).collect()
    }
}
