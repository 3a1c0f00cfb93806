//! The HTTP adapter of Relais: public pages, the volunteer console, the coordinator area,
//! the JSON API (`/api/v1`, described by OpenAPI), health and metrics. Handlers translate
//! HTTP into calls on `relais_store::Store` and the rules of `relais_domain`; they decide
//! nothing themselves that the domain decides.

pub mod actions;
pub mod api;
pub mod appeals;
pub mod auth;
pub mod calendar_feed;
pub mod config;
pub mod csrf;
pub mod directory;
pub mod error;
pub mod forecast;
pub mod i18n;
pub mod intake;
pub mod jobs;
pub mod mailer;
pub mod map;
pub mod metrics;
pub mod people_actions;
pub mod people_mail;
// Issue 6: referrals (orientation to a place) and partners.
pub mod referral_jobs;
pub mod referral_mail;
pub mod outbox_admin;
pub mod pages;
pub mod security;
pub mod state;
pub mod static_files;
// Issue 5: the phone line and SMS.
pub mod telephony;
pub mod tutorials;

pub use config::WebConfig;
pub use state::AppState;

use axum::Router;
use std::time::Duration;
use tokio::net::TcpListener;

/// Milliseconds since the Unix epoch, now.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// The whole application.
pub fn router(state: AppState) -> Router {
    let body_limit = state.config.max_body_bytes;
    Router::new()
        .merge(pages::router(state.clone()))
        .nest("/api/v1", api::router())
        .merge(metrics::router())
        .merge(static_files::router())
        .merge(map::router())
        // Issue 5: provider webhooks (signed, see telephony::signed).
        .merge(telephony::router())
        .fallback(pages::not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), metrics::track))
        .layer(axum::middleware::from_fn(security::headers))
        .layer(axum::extract::DefaultBodyLimit::max(body_limit))
        .layer(tower_http::catch_panic::CatchPanicLayer::new())
        .with_state(state)
}

/// Makes ring the process's rustls crypto provider (reqwest is built without one, so that
/// aws-lc-rs stays out of the build). Call before building any reqwest client; repeated
/// calls do nothing.
pub fn install_tls_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

/// Serves until `shutdown` resolves; background jobs run alongside.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let jobs = jobs::spawn(state.clone());
    let mailer = mailer::spawn(state.clone());
    let sms_sender = telephony::sms_sender::spawn(state.clone());
    let store = state.store.clone();
    let app = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    let result = axum::serve(listener, app).with_graceful_shutdown(shutdown).await;
    // The telephony log is written off the answer path: its last lines before stopping.
    store.flush_telephony_log().await;
    jobs.abort();
    if let Some(mailer) = mailer {
        mailer.abort();
    }
    if let Some(sender) = sms_sender {
        sender.abort();
    }
    tokio::time::sleep(Duration::from_millis(10)).await;
    result
}
