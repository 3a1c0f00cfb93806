//! Who is asking: a bearer token for the API, a session cookie for pages. Both resolve to
//! a `relais_store::Session`; what that session may do is decided by
//! `relais_domain::authz::authorize`, called through [`require`].

use crate::error::ApiError;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::cookie::PrivateCookieJar;
use relais_domain::authz::{authorize_with, Action, Capabilities};
use relais_store::sessions::SessionKind;
use relais_store::Session;

pub const SESSION_COOKIE: &str = "relais_session";

/// The API caller, if it sent a valid bearer token.
pub struct ApiCaller(pub Option<Session>);

impl FromRequestParts<AppState> for ApiCaller {
    type Rejection = ApiError;
    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let Some(value) = parts.headers.get(axum::http::header::AUTHORIZATION) else { return Ok(ApiCaller(None)) };
        let token = value
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(ApiError::Unauthorized)?;
        let session = state.store.session(token.trim(), SessionKind::Api, crate::now_ms()).await?;
        // A token that was sent but is not valid is an error, not an anonymous call.
        session.map(|s| ApiCaller(Some(s))).ok_or(ApiError::Unauthorized)
    }
}

/// The signed-in user of a page, from the encrypted session cookie.
pub async fn web_session(parts: &mut Parts, state: &AppState) -> Option<Session> {
    let jar = PrivateCookieJar::<axum_extra::extract::cookie::Key>::from_headers(&parts.headers, state.cookie_key.clone());
    let token = jar.get(SESSION_COOKIE)?.value().to_owned();
    state.store.session(&token, SessionKind::Web, crate::now_ms()).await.ok().flatten()
}

/// The session if it may perform `action`: `Unauthorized` without one, `Forbidden` with
/// one that may not.
pub fn require(session: Option<&Session>, action: Action) -> Result<Option<&Session>, ApiError> {
    let role = session.map(|s| s.user.role());
    let caps = session.map(|s| capabilities(&s.user)).unwrap_or_default();
    if authorize_with(role, caps, action) {
        Ok(session)
    } else if session.is_none() {
        Err(ApiError::Unauthorized)
    } else {
        Err(ApiError::Forbidden)
    }
}

/// The capabilities an account was granted beyond its role.
pub fn capabilities(user: &relais_store::User) -> Capabilities {
    Capabilities { tutorial_editor: user.editor }
}

/// Like [`require`] for actions that always need a session.
pub fn require_user(session: Option<&Session>, action: Action) -> Result<&Session, ApiError> {
    require(session, action)?.ok_or(ApiError::Unauthorized)
}
