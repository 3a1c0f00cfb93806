//! The signed webhook: a form-encoded body whose `X-Twilio-Signature` matches the public URL
//! the provider called. Nothing of a request is read before its signature is checked.

use crate::state::AppState;
use axum::extract::{Form, FromRequest, OriginalUri, Request};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use relais_domain::telephony::signature;

/// The webhook's POST parameters, once the signature is known to be right.
pub struct Signed {
    params: Vec<(String, String)>,
    /// The public URL the provider signed (base URL + path + query).
    pub url: String,
}

impl Signed {
    pub fn get(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

fn refuse(status: StatusCode, why: &'static str) -> Response {
    (status, why).into_response()
}

impl FromRequest<AppState> for Signed {
    type Rejection = Response;

    async fn from_request(req: Request, state: &AppState) -> Result<Signed, Response> {
        let tel = &state.config.telephony;
        let Some(token) = tel.auth_token.clone() else {
            return Err(refuse(StatusCode::NOT_FOUND, "telephony is not configured"));
        };
        let path_and_query = req
            .extensions()
            .get::<OriginalUri>()
            .map(|u| u.0.clone())
            .unwrap_or_else(|| req.uri().clone())
            .path_and_query()
            .map(|p| p.as_str().to_owned())
            .unwrap_or_default();
        let base = if tel.public_base_url.is_empty() { &state.config.public_url } else { &tel.public_base_url };
        let url = format!("{}{}", base.trim_end_matches('/'), path_and_query);
        let header = req.headers().get("x-twilio-signature").and_then(|v| v.to_str().ok()).map(str::to_owned);
        let Form(params): Form<Vec<(String, String)>> =
            Form::from_request(req, state).await.map_err(|_| refuse(StatusCode::BAD_REQUEST, "the body must be form-encoded"))?;
        match header {
            Some(sig) if signature::verify(token.expose(), &url, &params, &sig) => Ok(Signed { params, url }),
            _ => {
                tracing::warn!(path = %path_and_query.split('?').next().unwrap_or(""), "telephony webhook with a missing or wrong signature");
                Err(refuse(StatusCode::FORBIDDEN, "missing or wrong X-Twilio-Signature"))
            }
        }
    }
}

/// A TwiML answer.
pub fn twiml(verbs: &[super::twiml::Verb]) -> Response {
    ([(axum::http::header::CONTENT_TYPE, "text/xml; charset=utf-8")], super::twiml::render(verbs)).into_response()
}
