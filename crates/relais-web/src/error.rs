//! Errors of the HTTP layer, mapped to responses in one place: `application/problem+json`
//! (RFC 9457) for the API, with the offending fields listed.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use relais_domain::lifecycle::TransitionError;
use relais_store::StoreError;
use serde::Serialize;

/// One invalid field: `code` is also the translation key pages use for the message.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, utoipa::ToSchema)]
pub struct FieldError {
    pub field: String,
    pub code: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        FieldError { field: field.into(), code, message: message.into() }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("the request has invalid fields")]
    Validation(Vec<FieldError>),
    #[error("sign-in required")]
    Unauthorized,
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    #[error("{detail}")]
    Conflict { code: &'static str, detail: String },
    #[error("too many requests, try again later")]
    TooManyRequests,
    #[error("the body is too large")]
    PayloadTooLarge,
    #[error("{0}")]
    BadRequest(String),
    #[error("internal error")]
    Internal(String),
}

/// The RFC 9457 body.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    pub detail: String,
    /// A stable machine-readable code.
    pub code: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::Forbidden => StatusCode::FORBIDDEN,
            ApiError::NotFound => StatusCode::NOT_FOUND,
            ApiError::Conflict { .. } => StatusCode::CONFLICT,
            ApiError::TooManyRequests => StatusCode::TOO_MANY_REQUESTS,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            ApiError::Validation(_) => "validation_error",
            ApiError::Unauthorized => "unauthorized",
            ApiError::Forbidden => "forbidden",
            ApiError::NotFound => "not_found",
            ApiError::Conflict { code, .. } => code,
            ApiError::TooManyRequests => "too_many_requests",
            ApiError::PayloadTooLarge => "payload_too_large",
            ApiError::BadRequest(_) => "bad_request",
            ApiError::Internal(_) => "internal_error",
        }
    }

    pub fn field(field: impl Into<String>, code: &'static str, message: impl Into<String>) -> Self {
        ApiError::Validation(vec![FieldError::new(field, code, message)])
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ApiError::NotFound,
            StoreError::Transition(t) => t.into(),
            StoreError::Conflict => ApiError::Conflict { code: "concurrent_change", detail: e.to_string() },
            StoreError::Duplicate("open_request") => ApiError::Conflict {
                code: "open_request_exists",
                detail: "a request for this phone number is already open; we will call back".into(),
            },
            StoreError::Duplicate("email") => ApiError::field("email", "error-email-taken", "this e-mail already has an account"),
            StoreError::Booking(r) => ApiError::Conflict { code: r.code(), detail: r.to_string() },
            StoreError::UnknownReference(what) => ApiError::field(what, "error-unknown", format!("unknown {what}")),
            other => {
                tracing::error!(error = %other, "storage error");
                ApiError::Internal(other.to_string())
            }
        }
    }
}

impl From<TransitionError> for ApiError {
    fn from(t: TransitionError) -> Self {
        let code = match t {
            TransitionError::Closed => "request_closed",
            TransitionError::NotWaiting => "request_not_waiting",
            TransitionError::NotDue => "request_not_due",
            TransitionError::NotHolder => "not_holder",
            TransitionError::LeaseNotExpired => "lease_not_expired",
            TransitionError::FollowUpNeedsFutureTime => {
                return ApiError::field("follow_up_at", "error-follow-up-time", t.to_string());
            }
        };
        ApiError::Conflict { code, detail: t.to_string() }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        let code = self.code();
        let detail = match &self {
            ApiError::Internal(_) => "something went wrong on our side; nothing was changed".to_owned(),
            other => other.to_string(),
        };
        let errors = match self {
            ApiError::Validation(errors) => errors,
            _ => Vec::new(),
        };
        let body = Problem {
            kind: format!("/api/v1/problems/{code}"),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail,
            code: code.to_owned(),
            errors,
        };
        let mut res = (status, axum::Json(body)).into_response();
        res.headers_mut().insert(header::CONTENT_TYPE, header::HeaderValue::from_static("application/problem+json"));
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
        }
        res
    }
}
