//! Administration: the topic catalogue and the access journal.

use super::{ApiJson, TopicDto};
use crate::actions;
use crate::auth::ApiCaller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Deserialize, ToSchema)]
pub struct TopicBody {
    pub label_fr: String,
    pub label_en: String,
    /// File name of the pictogram under /static/pictos, without `.svg`.
    pub pictogram: String,
    #[serde(default)]
    pub priority: bool,
    /// Display order (smallest first).
    pub position: i64,
    /// Whether the topic is offered on the request form.
    #[serde(default = "yes")]
    pub active: bool,
}

fn yes() -> bool {
    true
}

/// Creates or updates a topic (administrators). Topics are never deleted, only made
/// inactive, so past requests and statistics keep their meaning.
#[utoipa::path(put, path = "/api/v1/topics/{id}", tag = "admin", security(("bearer" = [])), params(("id" = String, Path)),
    request_body = TopicBody, responses((status = 200, body = TopicDto), (status = 403, body = Problem), (status = 422, body = Problem)))]
pub async fn save_topic(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<String>,
    ApiJson(body): ApiJson<TopicBody>,
) -> Result<Json<TopicDto>, ApiError> {
    let topic = relais_store::Topic {
        id,
        label_fr: body.label_fr.trim().to_owned(),
        label_en: body.label_en.trim().to_owned(),
        pictogram: body.pictogram.trim().to_owned(),
        priority: body.priority,
        position: body.position,
        active: body.active,
    };
    Ok(Json(actions::save_topic(&state, caller.as_ref(), topic).await?.into()))
}

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct JournalQuery {
    /// Only the entries about this request.
    pub request_id: Option<i64>,
    /// At most this many entries, newest first (default 200, at most 1000).
    pub limit: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct AccessEntryDto {
    pub at: i64,
    pub user_id: i64,
    pub user_name: String,
    pub request_id: i64,
    /// `claim` or `view`.
    pub action: String,
}

/// Who saw which request's personal data, and when (administrators).
#[utoipa::path(get, path = "/api/v1/access-journal", tag = "admin", security(("bearer" = [])), params(JournalQuery),
    responses((status = 200, body = [AccessEntryDto]), (status = 403, body = Problem)))]
pub async fn access_journal(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Query(q): Query<JournalQuery>,
) -> Result<Json<Vec<AccessEntryDto>>, ApiError> {
    let entries = actions::access_journal(&state, caller.as_ref(), q.request_id, q.limit.unwrap_or(200)).await?;
    Ok(Json(
        entries
            .into_iter()
            .map(|e| AccessEntryDto { at: e.at, user_id: e.user_id, user_name: e.user_name, request_id: e.request_id, action: e.action })
            .collect(),
    ))
}
