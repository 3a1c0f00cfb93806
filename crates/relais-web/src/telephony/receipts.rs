//! `POST /telephony/sms/status?id=…`: the provider's delivery receipts of the SMS Relais
//! sent (Twilio's message StatusCallback: `MessageStatus`, `ErrorCode`). The outbox id
//! travels in the URL Relais handed to the provider, which signs it back. Recorded on the
//! outbox row as codes (never the number); a retried or late receipt changes nothing.

use super::signed::Signed;
use crate::now_ms;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use relais_domain::telephony::callback::{error_code, Delivery};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct Target {
    id: Option<i64>,
}

pub async fn status(State(state): State<AppState>, Query(target): Query<Target>, msg: Signed) -> Response {
    let (Some(id), Some(status)) = (target.id, msg.get("MessageStatus").and_then(Delivery::from_code)) else {
        return (StatusCode::BAD_REQUEST, "id and a known MessageStatus are required").into_response();
    };
    let code = error_code(msg.get("ErrorCode"));
    let now = now_ms();
    match state.store.record_sms_delivery(id, status, code.as_deref(), now).await {
        Ok(changed) => {
            if changed {
                let _ = state.store.log_telephony("sms_receipt", status.as_str(), now).await;
            }
            // An empty answer: nothing for the provider to do.
            StatusCode::NO_CONTENT.into_response()
        }
        Err(e) => {
            tracing::error!(error = %e, outbox_id = id, "could not record an SMS receipt");
            (StatusCode::INTERNAL_SERVER_ERROR, "storage failed").into_response()
        }
    }
}
