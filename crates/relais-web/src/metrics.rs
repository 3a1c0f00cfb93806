//! Prometheus metrics at `/metrics`: HTTP latency (this instance), and the queue and
//! request totals read from the database at scrape time, so every instance reports the
//! same line-wide figures and counters survive restarts.

use crate::state::AppState;
use crate::now_ms;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;
use std::time::Instant;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct HttpLabels {
    pub method: String,
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct CreatedLabels {
    channel: String,
    topic: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct ClosedLabels {
    outcome: String,
}

pub struct Metrics {
    pub http: Family<HttpLabels, Histogram>,
}

impl Metrics {
    pub fn new() -> Self {
        Metrics {
            http: Family::new_with_constructor(|| Histogram::new(exponential_buckets(0.0005, 2.0, 16))),
        }
    }
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

pub fn router() -> Router<AppState> {
    Router::new().route("/metrics", get(scrape)).route("/healthz", get(healthz))
}

/// Times every request, labelled by route template (never by raw path: no ids in labels).
pub async fn track(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = req.method().to_string();
    let route = req.extensions().get::<MatchedPath>().map(|p| p.as_str().to_owned()).unwrap_or_else(|| "unmatched".into());
    let res = next.run(req).await;
    let labels = HttpLabels { method, route, status: res.status().as_u16() };
    state.metrics.http.get_or_create(&labels).observe(start.elapsed().as_secs_f64());
    res
}

async fn healthz(State(state): State<AppState>) -> Response {
    match state.store.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
            tracing::error!(error = %e, "health check: database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "database unreachable").into_response()
        }
    }
}

async fn scrape(State(state): State<AppState>) -> Response {
    match render(&state).await {
        Ok(body) => (
            [(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")],
            body,
        )
            .into_response(),
        Err(e) => {
            tracing::error!(error = %e, "metrics scrape failed");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

async fn render(state: &AppState) -> Result<String, relais_store::StoreError> {
    let now = now_ms();
    let queue = state.store.queue_overview(now, 0).await?;
    let (created, closed) = state.store.totals().await?;
    let mut reg = Registry::with_prefix("relais");

    let waiting: Gauge = Gauge::default();
    waiting.set(queue.waiting_due);
    reg.register("queue_waiting", "Requests waiting and due now", waiting);
    let later: Gauge = Gauge::default();
    later.set(queue.waiting_later);
    reg.register("queue_scheduled", "Requests waiting for a later callback time", later);
    let assigned: Gauge = Gauge::default();
    assigned.set(queue.assigned);
    reg.register("queue_assigned", "Requests held by a volunteer", assigned);
    let oldest: Gauge<f64, std::sync::atomic::AtomicU64> = Gauge::default();
    oldest.set(queue.oldest_wait_ms.unwrap_or(0) as f64 / 1000.0);
    reg.register("queue_oldest_wait_seconds", "Age of the oldest due request", oldest);
    let on_duty: Gauge = Gauge::default();
    on_duty.set(queue.on_duty);
    reg.register("volunteers_on_duty", "Volunteers on duty", on_duty);

    let outbox = state.store.outbox_counts().await?;
    let queued_mail: Gauge = Gauge::default();
    queued_mail.set(outbox.queued);
    reg.register("outbox_queued", "E-mails waiting to be sent (including retries)", queued_mail);
    let failed_mail: Gauge = Gauge::default();
    failed_mail.set(outbox.failed);
    reg.register("outbox_failed", "E-mails given up after a permanent rejection or too many attempts", failed_mail);

    let created_f: Family<CreatedLabels, Counter> = Family::default();
    for (channel, topic, n) in created {
        created_f.get_or_create(&CreatedLabels { channel, topic }).inc_by(n as u64);
    }
    reg.register("requests_created", "Help requests received", created_f);
    let closed_f: Family<ClosedLabels, Counter> = Family::default();
    for (outcome, n) in closed {
        closed_f.get_or_create(&ClosedLabels { outcome }).inc_by(n as u64);
    }
    reg.register("requests_closed", "Help requests closed, by outcome", closed_f);
    reg.register("http_request_duration_seconds", "HTTP request latency", state.metrics.http.clone());

    let mut out = String::new();
    encode(&mut out, &reg).map_err(|e| relais_store::StoreError::Corrupt(e.to_string()))?;
    Ok(out)
}
