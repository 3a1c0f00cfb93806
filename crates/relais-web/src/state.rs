//! Shared state handed to every handler.

use crate::config::WebConfig;
use crate::metrics::Metrics;
use axum::extract::FromRef;
use axum_extra::extract::cookie::Key;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use relais_store::Store;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::Arc;
use tokio::sync::broadcast;

/// Cloned for every request by each layer and extractor, so it is one pointer: the fields
/// live in [`AppStateInner`], reached through `Deref` (`state.store`, `state.config`…).
#[derive(Clone)]
pub struct AppState(Arc<AppStateInner>);

impl std::ops::Deref for AppState {
    type Target = AppStateInner;
    fn deref(&self) -> &AppStateInner {
        &self.0
    }
}

pub struct AppStateInner {
    pub store: Store,
    pub config: Arc<WebConfig>,
    pub metrics: Arc<Metrics>,
    pub cookie_key: Key,
    /// Pinged whenever the queue changes on this instance; live pages also poll, so other
    /// instances' changes show up too.
    pub queue_changed: broadcast::Sender<()>,
    /// Per-address limit on the public intake (`None` when disabled).
    pub intake_limiter: Option<Arc<DefaultKeyedRateLimiter<IpAddr>>>,
    /// Per-address limit on looking up a request by reference and phone.
    pub lookup_limiter: Option<Arc<DefaultKeyedRateLimiter<IpAddr>>>,
    /// Per-e-mail limit on failed sign-ins.
    pub login_limiter: Arc<DefaultKeyedRateLimiter<String>>,
    /// The published tutorials and their search index (see [`crate::tutorials`]).
    pub tutorials: Arc<crate::tutorials::Catalog>,
    /// The searchable places and their indexes (see [`crate::directory`]).
    pub places: Arc<crate::directory::Places>,
    /// Wakes this instance's mail sender (see [`AppState::mail_enqueued`]).
    pub mail_wakeup: Arc<tokio::sync::Notify>,
    /// Wakes the SMS sender after an enqueue on this instance.
    pub sms_wakeup: Arc<tokio::sync::Notify>,
}

impl AppState {
    /// Builds the state; the cookie key is shared by all instances through the database.
    pub async fn new(store: Store, config: WebConfig) -> Result<AppState, relais_store::StoreError> {
        use base64::Engine;
        let encoded = store
            .setting_or_insert("cookie_key", || {
                let key = Key::generate();
                base64::engine::general_purpose::STANDARD.encode(key.master())
            })
            .await?;
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(encoded)
            .map_err(|e| relais_store::StoreError::Corrupt(format!("cookie key: {e}")))?;
        let cookie_key = Key::try_from(bytes.as_slice())
            .map_err(|e| relais_store::StoreError::Corrupt(format!("cookie key: {e}")))?;
        let intake_limiter = NonZeroU32::new(config.intake_per_minute)
            .map(|n| Arc::new(RateLimiter::keyed(Quota::per_minute(n))));
        let lookup_limiter = NonZeroU32::new(config.lookup_per_minute)
            .map(|n| Arc::new(RateLimiter::keyed(Quota::per_minute(n))));
        let login_quota = Quota::with_period(std::time::Duration::from_millis(15 * 60 * 1000 / config.login_attempts.max(1) as u64))
            .expect("non-zero period")
            .allow_burst(NonZeroU32::new(config.login_attempts.max(1)).expect("non-zero"));
        let (queue_changed, _) = broadcast::channel(16);
        crate::tutorials::seed_shipped(&store, crate::now_ms()).await?;
        let tutorials = Arc::new(crate::tutorials::Catalog::load(&store).await?);
        let places = Arc::new(crate::directory::Places::load(&store).await?);
        Ok(AppState(Arc::new(AppStateInner {
            tutorials,
            places,
            store,
            metrics: Arc::new(Metrics::new()),
            config: Arc::new(config),
            cookie_key,
            queue_changed,
            intake_limiter,
            lookup_limiter,
            login_limiter: Arc::new(RateLimiter::keyed(login_quota)),
            mail_wakeup: Arc::new(tokio::sync::Notify::new()),
            sms_wakeup: Arc::new(tokio::sync::Notify::new()),
        })))
    }

    pub fn notify_queue(&self) {
        let _ = self.queue_changed.send(());
    }

    /// Call after committing messages to the outbox: the mail sender of this instance
    /// looks for due messages at once instead of at its next poll.
    pub fn mail_enqueued(&self) {
        self.mail_wakeup.notify_one();
    }

    /// Call after queueing an SMS: this instance's SMS sender looks at once.
    pub fn sms_enqueued(&self) {
        self.sms_wakeup.notify_one();
    }
}

impl FromRef<AppState> for Key {
    fn from_ref(s: &AppState) -> Key {
        s.cookie_key.clone()
    }
}
