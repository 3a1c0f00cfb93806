//! The coordinator's view: live queue, assignment, figures.

use super::{ApiJson, AssignBody, QueueDto, RequestStateDto, StatsDto};
use crate::actions;
use crate::auth::{require_user, ApiCaller};
use crate::error::{ApiError, Problem};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::Json;
use relais_domain::authz::Action;
use relais_domain::lifecycle::Command;
use serde::Deserialize;

/// The live queue: counts, oldest wait, and the requests due or held (no personal data).
#[utoipa::path(get, path = "/api/v1/queue", tag = "coordinator", security(("bearer" = [])),
    responses((status = 200, body = QueueDto), (status = 403, body = Problem)))]
pub async fn queue(State(state): State<AppState>, ApiCaller(caller): ApiCaller) -> Result<Json<QueueDto>, ApiError> {
    require_user(caller.as_ref(), Action::ViewQueue)?;
    Ok(Json(state.store.queue_overview(crate::now_ms(), 500).await?.into()))
}

/// Gives a request to a volunteer, or takes it from one to give to another.
#[utoipa::path(post, path = "/api/v1/help-requests/{id}/assign", tag = "coordinator", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = AssignBody, responses((status = 200, body = RequestStateDto), (status = 403, body = Problem)))]
pub async fn assign(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<AssignBody>,
) -> Result<Json<RequestStateDto>, ApiError> {
    let coordinator = caller.as_ref().map(|s| s.user.id).unwrap_or_default();
    let req = actions::act(&state, caller.as_ref(), id, Command::Assign { coordinator, volunteer: body.volunteer_id }, None).await?;
    Ok(Json(RequestStateDto::from(&req)))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct StatsQuery {
    /// Start (ms since the Unix epoch); today in Europe/Paris when absent.
    pub from: Option<i64>,
    /// End, exclusive.
    pub to: Option<i64>,
}

/// Anonymous figures: requests by channel, topic and outcome, median wait to first callback.
#[utoipa::path(get, path = "/api/v1/stats", tag = "coordinator", security(("bearer" = [])), params(StatsQuery),
    responses((status = 200, body = StatsDto), (status = 403, body = Problem)))]
pub async fn stats(State(state): State<AppState>, ApiCaller(caller): ApiCaller, Query(q): Query<StatsQuery>) -> Result<Json<StatsDto>, ApiError> {
    require_user(caller.as_ref(), Action::ViewStats)?;
    let (day_start, day_end) = actions::today_paris();
    let from = q.from.unwrap_or(day_start);
    let to = q.to.unwrap_or(day_end);
    if to <= from {
        return Err(ApiError::field("to", "error-range", "`to` must be after `from`"));
    }
    Ok(Json(state.store.stats(from, to).await?.into()))
}
