//! The JSON API under `/api/v1`, described by the OpenAPI document at
//! `/api/v1/openapi.json` (generated from the handlers' annotations).

mod admin;
mod coordination;
mod dto;
mod outbox;
mod people;
pub mod places;
mod place_closures;
mod requests;
mod session;
pub mod tutorials;

pub use dto::*;
pub use people::MAX_CSV_BYTES;

use crate::error::{ApiError, FieldError, Problem};
use crate::state::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use utoipa::OpenApi;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi))
        .route("/topics", get(requests::topics))
        .route("/topics/{id}", axum::routing::put(admin::save_topic))
        .route("/access-journal", get(admin::access_journal))
        .route("/admin/outbox", get(outbox::list))
        .route("/admin/outbox/{id}/retry", post(outbox::retry))
        .route("/admin/outbox/{id}/cancel", post(outbox::cancel))
        .route("/help-requests", post(requests::create))
        .route("/help-requests/next", post(requests::next))
        .route("/help-requests/{id}", get(requests::get_one))
        .route("/help-requests/{id}/attempts", post(requests::attempt))
        .route("/help-requests/{id}/close", post(requests::close))
        .route("/help-requests/{id}/release", post(requests::release))
        .route("/help-requests/{id}/extend", post(requests::extend))
        .route("/help-requests/{id}/assign", post(coordination::assign))
        .route("/auth/token", post(session::token))
        .route("/me/duty", post(session::duty))
        .route("/queue", get(coordination::queue))
        .route("/stats", get(coordination::stats))
        .route("/volunteers/sign-up", post(people::sign_up))
        .route(
            "/networks/{id}/invitations",
            post(people::invitations).layer(axum::extract::DefaultBodyLimit::max(MAX_CSV_BYTES)),
        )
        // Directory of places (issue 6).
        .route("/places", get(places::search))
        .route("/places/export", get(places::export))
        .route("/tutorials", get(tutorials::search))
        .route("/tutorials/{slug}", get(tutorials::get_one))
        .fallback(|| async { ApiError::NotFound })
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Relais API", description = "Help requests, volunteers' queue, line statistics and the tutorial library of a Relais help line.", version = "1"),
    paths(
        requests::topics, requests::create, requests::next, requests::get_one, requests::attempt,
        requests::close, requests::release, requests::extend, coordination::assign, admin::save_topic, admin::access_journal, session::token, session::duty,
        coordination::queue, coordination::stats, outbox::list, outbox::retry, outbox::cancel, people::sign_up, people::invitations,
        tutorials::search, tutorials::get_one,
        places::export, places::search
    ),
    components(schemas(Problem, FieldError, people::SignUpBody, people::SignUpReceived, people::RowError, people::CsvProblemBody, people::InvitationsDone, places::PlaceSearchDto, places::PlaceHitDto, places::OriginDto)),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme("bearer", SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()));
    }
}

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// JSON body whose every rejection becomes a problem document naming what is wrong.
pub struct ApiJson<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for ApiJson<T> {
    type Rejection = ApiError;
    async fn from_request(req: Request, state: &S) -> Result<Self, ApiError> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(ApiJson(v)),
            Err(JsonRejection::JsonDataError(e)) => {
                let detail = e.body_text();
                let field = detail
                    .split('`')
                    .nth(1)
                    .filter(|_| detail.contains("field"))
                    .unwrap_or("body")
                    .to_owned();
                Err(ApiError::Validation(vec![FieldError::new(field, "error-invalid", detail)]))
            }
            Err(JsonRejection::JsonSyntaxError(e)) => Err(ApiError::BadRequest(format!("malformed JSON: {}", e.body_text()))),
            Err(JsonRejection::MissingJsonContentType(_)) => {
                Err(ApiError::BadRequest("send the body as JSON with Content-Type: application/json".into()))
            }
            Err(JsonRejection::BytesRejection(e)) if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE => Err(ApiError::PayloadTooLarge),
            Err(other) => Err(ApiError::BadRequest(other.body_text())),
        }
    }
}
