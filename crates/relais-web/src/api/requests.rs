//! Help requests: public intake, and the volunteer's work on them.

use super::{ApiJson, AttemptBody, CloseBody, CreateHelpRequest, CreatedHelpRequest, HelpRequestDto, RequestStateDto, TopicDto};
use crate::actions;
use crate::auth::ApiCaller;
use crate::error::{ApiError, FieldError, Problem};
use crate::intake::IntakeInput;
use crate::state::AppState;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use relais_domain::lifecycle::Command;
use relais_domain::request::{AttemptResult, Channel, Outcome};
use std::net::SocketAddr;

/// The topic catalogue, in display order.
#[utoipa::path(get, path = "/api/v1/topics", tag = "public", responses((status = 200, body = [TopicDto])))]
pub async fn topics(State(state): State<AppState>) -> Result<Json<Vec<TopicDto>>, ApiError> {
    Ok(Json(state.store.topics(false).await?.into_iter().map(TopicDto::from).collect()))
}

/// Asks to be called back. Public, limited per client address. The request is stored
/// durably before the 201 is sent.
#[utoipa::path(post, path = "/api/v1/help-requests", tag = "public", request_body = CreateHelpRequest,
    responses((status = 201, body = CreatedHelpRequest), (status = 422, body = Problem), (status = 409, body = Problem), (status = 429, body = Problem)))]
pub async fn create(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    ApiJson(body): ApiJson<CreateHelpRequest>,
) -> Result<Response, ApiError> {
    if let Some(limiter) = &state.intake_limiter {
        limiter.check_key(&addr.ip()).map_err(|_| ApiError::TooManyRequests)?;
    }
    let input = IntakeInput {
        channel: body.channel,
        phone: body.phone,
        first_name: body.first_name,
        topic: Some(body.topic),
        language: body.language,
        postcode: body.postcode,
        callback_windows: body.callback_windows,
        sms_consent: body.sms_consent,
        urgent: body.urgent,
        need: body.need,
    };
    let (req, wait) = actions::submit(&state, &input, Channel::Web).await?;
    let body = CreatedHelpRequest { id: req.id, reference: req.reference, status: req.status.to_string(), estimated_wait: wait.into() };
    Ok((StatusCode::CREATED, [(axum::http::header::LOCATION, format!("/api/v1/help-requests/{}", body.id))], Json(body)).into_response())
}

/// Takes the next request for the signed-in volunteer (who must be on duty): the most
/// urgent, then the oldest due request in a language they speak, preferring their topics.
#[utoipa::path(post, path = "/api/v1/help-requests/next", tag = "volunteer", security(("bearer" = [])),
    responses((status = 200, body = HelpRequestDto), (status = 204, description = "nothing waiting for you"), (status = 409, body = Problem)))]
pub async fn next(State(state): State<AppState>, ApiCaller(caller): ApiCaller) -> Result<Response, ApiError> {
    match actions::take_next(&state, caller.as_ref()).await? {
        None => Ok(StatusCode::NO_CONTENT.into_response()),
        Some(req) => {
            let timeline = state.store.timeline(req.id).await?;
            Ok(Json(HelpRequestDto::new(req, timeline, true)).into_response())
        }
    }
}

/// A request with its timeline. The phone number is included only for its holder; every
/// call is written to the access journal.
#[utoipa::path(get, path = "/api/v1/help-requests/{id}", tag = "volunteer", security(("bearer" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = HelpRequestDto), (status = 403, body = Problem), (status = 404, body = Problem)))]
pub async fn get_one(State(state): State<AppState>, ApiCaller(caller): ApiCaller, Path(id): Path<i64>) -> Result<Json<HelpRequestDto>, ApiError> {
    let (req, timeline, holder) = actions::view(&state, caller.as_ref(), id).await?;
    Ok(Json(HelpRequestDto::new(req, timeline, holder)))
}

/// Records a callback attempt. Failed attempts put the request back in the queue for a
/// later try, and close it as unreachable after the configured number.
#[utoipa::path(post, path = "/api/v1/help-requests/{id}/attempts", tag = "volunteer", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = AttemptBody, responses((status = 200, body = RequestStateDto), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn attempt(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<AttemptBody>,
) -> Result<Json<RequestStateDto>, ApiError> {
    let result: AttemptResult = body
        .result
        .parse()
        .map_err(|_| ApiError::field("result", "error-attempt-result", "result must be reached, no_answer, voicemail or wrong_number"))?;
    let volunteer = caller.as_ref().map(|s| s.user.id).unwrap_or_default();
    let req = actions::act(&state, caller.as_ref(), id, Command::Attempt { volunteer, result }, None).await?;
    Ok(Json(RequestStateDto::from(&req)))
}

/// Closes the request with an outcome (a follow-up puts it back at the chosen time).
#[utoipa::path(post, path = "/api/v1/help-requests/{id}/close", tag = "volunteer", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = CloseBody, responses((status = 200, body = RequestStateDto), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn close(
    State(state): State<AppState>,
    ApiCaller(caller): ApiCaller,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<CloseBody>,
) -> Result<Json<RequestStateDto>, ApiError> {
    let outcome: Outcome = body.outcome.parse().map_err(|_| {
        ApiError::Validation(vec![FieldError::new(
            "outcome",
            "error-outcome",
            "outcome must be resolved, oriented, follow_up, unreachable, cancelled or out_of_scope",
        )])
    })?;
    let volunteer = caller.as_ref().map(|s| s.user.id).unwrap_or_default();
    let cmd = Command::Close { volunteer, outcome, follow_up_at: body.follow_up_at };
    let req = actions::act(&state, caller.as_ref(), id, cmd, body.note.as_deref()).await?;
    Ok(Json(RequestStateDto::from(&req)))
}

/// Gives the request back to the queue.
#[utoipa::path(post, path = "/api/v1/help-requests/{id}/release", tag = "volunteer", security(("bearer" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = RequestStateDto), (status = 409, body = Problem)))]
pub async fn release(State(state): State<AppState>, ApiCaller(caller): ApiCaller, Path(id): Path<i64>) -> Result<Json<RequestStateDto>, ApiError> {
    let volunteer = caller.as_ref().map(|s| s.user.id).unwrap_or_default();
    let req = actions::act(&state, caller.as_ref(), id, Command::Release { volunteer }, None).await?;
    Ok(Json(RequestStateDto::from(&req)))
}

/// The holder is still on it (a long call): the lease starts again.
#[utoipa::path(post, path = "/api/v1/help-requests/{id}/extend", tag = "volunteer", security(("bearer" = [])),
    params(("id" = i64, Path)), responses((status = 200, body = RequestStateDto), (status = 409, body = Problem)))]
pub async fn extend(State(state): State<AppState>, ApiCaller(caller): ApiCaller, Path(id): Path<i64>) -> Result<Json<RequestStateDto>, ApiError> {
    let volunteer = caller.as_ref().map(|s| s.user.id).unwrap_or_default();
    let req = actions::act(&state, caller.as_ref(), id, Command::Extend { volunteer }, None).await?;
    Ok(Json(RequestStateDto::from(&req)))
}
