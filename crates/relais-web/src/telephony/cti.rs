//! `POST /api/v1/cti/{token}`: call events from an operator's own phone system. The token
//! is compared in constant time; a missed inbound call becomes a callback request (once per
//! `callId`), an answered one is logged with its duration. Events are keyed `cti:<callId>`
//! in the same call table as the provider's CallSids.

use crate::actions;
use crate::api::ApiJson;
use crate::error::{ApiError, FieldError};
use crate::intake::IntakeInput;
use crate::now_ms;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use relais_domain::phone;
use relais_domain::request::Channel;
use relais_domain::telephony::cti::{self, Cause, Event, HangupOutcome};
use relais_domain::telephony::ivr::OTHER_TOPIC;
use serde::Deserialize;
use serde_json::{json, Value};
use subtle::ConstantTimeEq;

#[derive(Debug, Deserialize)]
pub struct CtiEvent {
    pub event: String,
    pub from: Option<String>,
    /// The number called (the line's): part of the event vocabulary, not needed to decide.
    #[allow(dead_code)]
    pub to: Option<String>,
    pub direction: String,
    #[serde(rename = "callId")]
    pub call_id: String,
    pub cause: Option<String>,
}

fn field(name: &'static str, e: impl std::fmt::Display) -> ApiError {
    ApiError::Validation(vec![FieldError::new(name, "error-cti", e.to_string())])
}

/// The body goes through `ApiJson`, so a missing or mistyped field is a problem+json naming it,
/// like every other JSON endpoint.
pub async fn event(State(state): State<AppState>, Path(token): Path<String>, ApiJson(ev): ApiJson<CtiEvent>) -> Result<(StatusCode, Json<Value>), ApiError> {
    let expected = state.config.telephony.cti_token.as_ref().ok_or(ApiError::NotFound)?;
    if !bool::from(expected.expose().as_bytes().ct_eq(token.as_bytes())) {
        return Err(ApiError::NotFound);
    }
    let kind: Event = ev.event.parse().map_err(|e| field("event", e))?;
    let inbound = cti::is_inbound(&ev.direction).map_err(|e| field("direction", e))?;
    let cause: Option<Cause> = ev.cause.as_deref().filter(|c| !c.is_empty()).map(str::parse).transpose().map_err(|e| field("cause", e))?;
    let call_id = ev.call_id.trim();
    if call_id.is_empty() || call_id.len() > 128 {
        return Err(field("callId", "callId must be 1 to 128 characters"));
    }
    let key = format!("cti:{call_id}");
    let now = now_ms();
    let store = &state.store;
    let result = match kind {
        Event::NewCall => {
            store.record_call_status(&key, "ringing", None, now).await?;
            "ringing"
        }
        Event::Answer => {
            store.mark_answered(&key, now).await?;
            "answered"
        }
        Event::Hangup => {
            let previous = store.call_status(&key).await?;
            let answered = previous.as_ref().is_some_and(|(s, _, _)| s.as_deref() == Some("answered"));
            let started = previous.as_ref().map(|(_, _, at)| *at).unwrap_or(now);
            match cti::on_hangup(inbound, answered, cause) {
                HangupOutcome::Answered => {
                    store.record_call_status(&key, "completed", Some(now - started), now).await?;
                    // Answer → hangup is the talk time (handling time for the forecast).
                    let answered_at = store.call_answered_at(&key).await?.unwrap_or(started);
                    store.record_talk_time(&key, (now - answered_at).max(1), now).await?;
                    "answered_call_logged"
                }
                HangupOutcome::Ignored => {
                    store.record_call_status(&key, "ended", Some(now - started), now).await?;
                    "ignored"
                }
                HangupOutcome::Missed => {
                    store.record_call_status(&key, "missed", Some(0), now).await?;
                    if store.call_request(&key).await?.is_some() {
                        "callback_request_exists"
                    } else {
                        let from = ev.from.as_deref().unwrap_or("");
                        phone::normalize(from).map_err(|e| field("from", format!("{e}: a missed call needs the caller's number")))?;
                        let input = IntakeInput {
                            channel: Some("phone".into()),
                            phone: from.to_owned(),
                            topic: Some(OTHER_TOPIC.into()),
                            ..IntakeInput::default()
                        };
                        match actions::submit(&state, &input, Channel::Phone).await {
                            Ok((req, _)) => {
                                store.link_call(&key, req.id, now).await?;
                                "callback_request_created"
                            }
                            Err(ApiError::Conflict { .. }) => "already_waiting",
                            Err(e) => return Err(e),
                        }
                    }
                }
            }
        }
    };
    store.log_telephony("cti", result, now).await?;
    Ok((StatusCode::ACCEPTED, Json(json!({ "result": result }))))
}
