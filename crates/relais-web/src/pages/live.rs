//! Live figures of the queue as server-sent events, for `static/live.js`. An event named
//! `queue` is sent at once, then whenever this instance changes the queue, and every few
//! seconds anyway (so changes made by other instances show too). Pages work without it.

use super::context::PageCtx;
use crate::state::AppState;
use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use futures_util::stream::{self, Stream};
use relais_domain::authz::Action;
use relais_store::requests::QueueOverview;
use serde::Serialize;
use std::convert::Infallible;
use std::time::Duration;
use tokio::sync::broadcast;
use tokio::time::{interval_at, Instant, MissedTickBehavior};

/// How often figures are sent when nothing happened here.
pub const POLL: Duration = Duration::from_secs(5);
/// How long one connection lasts; the browser reconnects by itself. Keeps graceful
/// shutdown from waiting on open dashboards.
pub const LIFETIME: Duration = Duration::from_secs(30);

/// The figures shown on the console and the coordination page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QueueFigures {
    /// Waiting and due now.
    pub waiting: i64,
    pub oldest_wait_seconds: Option<i64>,
    pub assigned: i64,
    pub on_duty: i64,
}

impl QueueFigures {
    pub fn from_overview(o: &QueueOverview) -> QueueFigures {
        QueueFigures {
            waiting: o.waiting_due,
            oldest_wait_seconds: o.oldest_wait_ms.map(|ms| ms / 1000),
            assigned: o.assigned,
            on_duty: o.on_duty,
        }
    }

    pub async fn load(state: &AppState) -> Result<QueueFigures, relais_store::StoreError> {
        Ok(QueueFigures::from_overview(&state.store.queue_overview(crate::now_ms(), 0).await?))
    }

    /// Whole minutes the oldest due request has waited (0 when none waits).
    pub fn oldest_wait_minutes(&self) -> i64 {
        self.oldest_wait_seconds.unwrap_or(0) / 60
    }
}

/// The stream of `queue` events, until [`LIFETIME`] has passed.
pub fn figures_stream(state: AppState) -> impl Stream<Item = Result<Event, Infallible>> {
    let changes = state.queue_changed.subscribe();
    let mut ticks = interval_at(Instant::now() + POLL, POLL);
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    let end = Instant::now() + LIFETIME;
    stream::unfold((state, changes, ticks, true), move |(state, mut changes, mut ticks, first)| async move {
        if !first {
            tokio::select! {
                _ = ticks.tick() => {}
                r = changes.recv() => {
                    // A burst of changes: one event covers them all.
                    if matches!(r, Err(broadcast::error::RecvError::Lagged(_))) {
                        changes = changes.resubscribe();
                    }
                }
                _ = tokio::time::sleep_until(end) => return None,
            }
        }
        if Instant::now() >= end {
            return None;
        }
        let event = match QueueFigures::load(&state).await {
            Ok(f) => Event::default().event("queue").json_data(f).unwrap_or_else(|_| Event::default().comment("unavailable")),
            Err(e) => {
                tracing::warn!(error = %e, "live figures unavailable");
                Event::default().comment("unavailable")
            }
        };
        let event = if first { event.retry(Duration::from_secs(2)) } else { event };
        Some((Ok(event), (state, changes, ticks, false)))
    })
}

fn feed(state: AppState, ctx: &PageCtx, action: Action) -> Response {
    // Checked once, when the connection opens.
    if let Err(e) = crate::auth::require_user(ctx.session.as_ref(), action) {
        return e.status().into_response();
    }
    Sse::new(figures_stream(state)).keep_alive(KeepAlive::default()).into_response()
}

pub async fn volunteer_feed(State(state): State<AppState>, ctx: PageCtx) -> Response {
    feed(state, &ctx, Action::Serve)
}

pub async fn coordination_feed(State(state): State<AppState>, ctx: PageCtx) -> Response {
    feed(state, &ctx, Action::ViewQueue)
}
