//! Tokens and duty.

use super::{ApiJson, DutyBody, TokenRequest, TokenResponse};
use crate::actions;
use crate::auth::ApiCaller;
use crate::error::{ApiError, Problem};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use relais_store::sessions::SessionKind;

/// Exchanges e-mail and password for a bearer token. Failed attempts are limited per
/// e-mail address.
#[utoipa::path(post, path = "/api/v1/auth/token", tag = "auth", request_body = TokenRequest,
    responses((status = 200, body = TokenResponse), (status = 401, body = Problem), (status = 429, body = Problem)))]
pub async fn token(State(state): State<AppState>, ApiJson(body): ApiJson<TokenRequest>) -> Result<Json<TokenResponse>, ApiError> {
    let key = body.email.trim().to_lowercase();
    if state.login_limiter.check_key(&key).is_err() {
        return Err(ApiError::TooManyRequests);
    }
    let user = state.store.authenticate(&body.email, &body.password).await?.ok_or(ApiError::Unauthorized)?;
    let now = crate::now_ms();
    let ttl = state.config.session_ttl;
    let token = state.store.create_session(user.id, SessionKind::Api, ttl, now).await?;
    Ok(Json(TokenResponse { token, token_type: "Bearer".into(), expires_at: now + ttl, role: user.role().as_str().into() }))
}

/// Goes on or off duty.
#[utoipa::path(post, path = "/api/v1/me/duty", tag = "volunteer", security(("bearer" = [])), request_body = DutyBody,
    responses((status = 200, body = DutyBody), (status = 401, body = Problem)))]
pub async fn duty(State(state): State<AppState>, ApiCaller(caller): ApiCaller, ApiJson(body): ApiJson<DutyBody>) -> Result<Json<DutyBody>, ApiError> {
    actions::set_duty(&state, caller.as_ref(), body.on_duty).await?;
    Ok(Json(body))
}
