//! Volunteer sign-up and bulk invitations over JSON. A refused invitation file answers a
//! problem document whose `errors` list each row's line, column and code.

use super::ApiJson;
use crate::auth::ApiCaller;
use crate::error::{ApiError, FieldError, Problem};
use crate::i18n::{Lang, Tr};
use crate::people_actions::{self, InviteError};
use crate::state::AppState;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;

/// Largest invitation file accepted (about 50,000 rows of typical width).
pub const MAX_CSV_BYTES: usize = 4 * 1024 * 1024;

#[derive(Debug, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SignUpBody {
    pub name: String,
    pub email: String,
    #[serde(default)]
    pub phone: Option<String>,
    /// A network id from the sign-up page's list; the "independent" network is one of them.
    pub network_id: i64,
    pub languages: Vec<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub max_hours_per_week: Option<i64>,
    pub password: String,
    /// Must be the current charter version (`GET /benevoles/charte` shows it).
    pub charter_version: i64,
    /// Language of the e-mails (fr, en, ar); French when absent.
    #[serde(default)]
    pub language: Option<String>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct SignUpReceived {
    /// Always `received`: whether the address already had an account is told by e-mail to
    /// its owner only.
    pub status: &'static str,
}

/// Signs up as a volunteer (public, limited per client address). The account waits for a
/// coordinator's approval; an e-mail says so.
#[utoipa::path(post, path = "/api/v1/volunteers/sign-up", tag = "public", request_body = SignUpBody,
    responses((status = 202, body = SignUpReceived), (status = 422, body = Problem), (status = 429, body = Problem)))]
pub async fn sign_up(
    State(state): State<AppState>,
    ConnectInfo(addr): ConnectInfo<SocketAddr>,
    ApiJson(body): ApiJson<SignUpBody>,
) -> Result<Response, ApiError> {
    if let Some(limiter) = &state.intake_limiter {
        limiter.check_key(&addr.ip()).map_err(|_| ApiError::TooManyRequests)?;
    }
    let networks = state.store.networks().await?;
    let topics: Vec<String> = state.store.topics(false).await?.into_iter().map(|t| t.id).collect();
    let charter = state.store.charter().await?;
    let hours = body.max_hours_per_week.map(|h| h.to_string()).unwrap_or_default();
    let checked = crate::pages::join::check_signup(
        &body.name,
        &body.email,
        body.phone.as_deref().unwrap_or_default(),
        &body.network_id.to_string(),
        &body.languages,
        &body.topics,
        &hours,
        &body.password,
        body.charter_version == charter.version,
        charter.version,
        &networks,
        &topics,
    );
    let signup = checked.map_err(|fields| {
        ApiError::Validation(
            fields
                .into_iter()
                .map(|(f, code)| FieldError::new(if f == "charter" { "charter_version" } else { f }, code, code.replace('_', " ")))
                .collect(),
        )
    })?;
    let tr = Tr::new(body.language.as_deref().and_then(Lang::from_code).unwrap_or_default());
    crate::pages::join::sign_up(&state, &tr, &signup).await.map_err(|_| ApiError::Internal("sign-up".into()))?;
    Ok((StatusCode::ACCEPTED, Json(SignUpReceived { status: "received" })).into_response())
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct RowError {
    pub line: u64,
    pub column: String,
    pub code: String,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct CsvProblemBody {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    pub code: String,
    pub errors: Vec<RowError>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct InvitationsDone {
    pub invited: usize,
    /// Rows whose e-mail already had an account: nobody is invited twice.
    pub already_known: usize,
}

/// Invites the people of a CSV file (body `text/csv`, UTF-8; header `nom,email[,langues][,sujets]`
/// or `name,email,languages,topics`; `;` or `,`) into a network the caller coordinates.
/// The whole file is checked first: any bad row and nothing is created.
#[utoipa::path(post, path = "/api/v1/networks/{id}/invitations", tag = "coordination",
    params(("id" = i64, Path, description = "network id")),
    request_body(content = String, content_type = "text/csv"),
    responses((status = 201, body = InvitationsDone), (status = 422, body = CsvProblemBody), (status = 403, body = Problem)),
    security(("bearer" = [])))]
pub async fn invitations(
    State(state): State<AppState>,
    ApiCaller(session): ApiCaller,
    Path(network_id): Path<i64>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, ApiError> {
    let lang = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_accept_language)
        .unwrap_or_default();
    match people_actions::invite(&state, session.as_ref(), network_id, &body, &Tr::new(lang)).await {
        Ok(o) => Ok((StatusCode::CREATED, Json(InvitationsDone { invited: o.invited_count, already_known: o.already_known })).into_response()),
        Err(InviteError::Api(e)) => Err(e),
        Err(InviteError::Rows(rows)) => {
            let body = CsvProblemBody {
                kind: "/api/v1/problems/invalid_rows".into(),
                title: "Unprocessable Content".into(),
                status: 422,
                detail: format!("{} problem(s) in the file; nothing was created", rows.len()),
                code: "invalid_rows".into(),
                errors: rows.into_iter().map(|p| RowError { line: p.line, column: p.column, code: p.code.to_owned() }).collect(),
            };
            let mut res = (StatusCode::UNPROCESSABLE_ENTITY, Json(body)).into_response();
            res.headers_mut().insert(header::CONTENT_TYPE, header::HeaderValue::from_static("application/problem+json"));
            Ok(res)
        }
    }
}
