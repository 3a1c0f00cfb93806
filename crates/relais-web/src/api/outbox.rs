//! The e-mail outbox for administrators: counts, latest messages (masked recipients),
//! retry now, cancel. Same rules as the page `/coordination/courriels`.

use crate::auth::ApiCaller;
use crate::error::{ApiError, Problem};
use crate::outbox_admin::{self, OutboxItem, OutboxView};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::Json;
use serde::Deserialize;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct OutboxQuery {
    /// At most this many messages, newest first (default 100, at most 1000).
    pub limit: Option<i64>,
}

/// The outbox: whether SMTP is configured, counts by status, the latest messages.
#[utoipa::path(get, path = "/api/v1/admin/outbox", tag = "admin", security(("bearer" = [])), params(OutboxQuery),
    responses((status = 200, body = OutboxView), (status = 401, body = Problem), (status = 403, body = Problem)))]
pub async fn list(State(state): State<AppState>, ApiCaller(caller): ApiCaller, Query(q): Query<OutboxQuery>) -> Result<Json<OutboxView>, ApiError> {
    Ok(Json(outbox_admin::view(&state, caller.as_ref(), q.limit.unwrap_or(outbox_admin::LATEST)).await?))
}

/// Sends a queued message at once, or queues a failed one again (with fresh attempts).
#[utoipa::path(post, path = "/api/v1/admin/outbox/{id}/retry", tag = "admin", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = OutboxItem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn retry(State(state): State<AppState>, ApiCaller(caller): ApiCaller, Path(id): Path<i64>) -> Result<Json<OutboxItem>, ApiError> {
    Ok(Json(outbox_admin::retry(&state, caller.as_ref(), id).await?))
}

/// Cancels a message that was not sent (queued or failed).
#[utoipa::path(post, path = "/api/v1/admin/outbox/{id}/cancel", tag = "admin", security(("bearer" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = OutboxItem), (status = 403, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn cancel(State(state): State<AppState>, ApiCaller(caller): ApiCaller, Path(id): Path<i64>) -> Result<Json<OutboxItem>, ApiError> {
    Ok(Json(outbox_admin::cancel(&state, caller.as_ref(), id).await?))
}
