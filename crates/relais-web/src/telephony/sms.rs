//! `POST /telephony/twiml/sms`: a text to the line's number. "STOP" and its variants opt the
//! number out of every further SMS; anything else becomes a help request (channel `sms`)
//! with the text as the need, answered with its reference unless the number opted out.

use super::signed::{twiml, Signed};
use super::twiml::Verb;
use crate::actions;
use crate::error::ApiError;
use crate::i18n::{Lang, Tr};
use crate::intake::{IntakeInput, MAX_NEED};
use crate::now_ms;
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use relais_domain::phone;
use relais_domain::request::Channel;
use relais_domain::telephony::{ivr, sms};

fn failure(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "SMS webhook failed");
    (StatusCode::INTERNAL_SERVER_ERROR, "storage failed").into_response()
}

pub async fn inbound(State(state): State<AppState>, msg: Signed) -> Response {
    let Some(from) = msg.get("From").and_then(|f| phone::normalize(f).ok()) else {
        let _ = state.store.log_telephony("sms_in", "no_number", now_ms()).await;
        return twiml(&[]);
    };
    let body = msg.get("Body").unwrap_or("").trim();
    let now = now_ms();
    if sms::is_stop(body) {
        if let Err(e) = state.store.opt_out_sms(&from, now).await {
            return failure(e);
        }
        let _ = state.store.log_telephony("sms_in", "stop", now).await;
        // No reply: the person asked for no more messages.
        return twiml(&[]);
    }
    let sid = msg.get("MessageSid").or(msg.get("SmsSid")).unwrap_or("");
    let existing = if sid.is_empty() { Ok(None) } else { state.store.call_request(sid).await };
    let t = Tr::new(Lang::Fr);
    let reply = match existing {
        Err(e) => return failure(e),
        // The provider retried: same answer, nothing created twice.
        Ok(Some(req)) => t.t1("tel-sms-received", "reference", &req.reference),
        Ok(None) => {
            let need: String = body.chars().take(MAX_NEED).collect();
            let input = IntakeInput {
                channel: Some("sms".into()),
                phone: from.clone(),
                topic: Some(ivr::OTHER_TOPIC.into()),
                need: Some(need),
                sms_consent: true,
                ..IntakeInput::default()
            };
            match actions::submit(&state, &input, Channel::Sms).await {
                Ok((req, _)) => {
                    if !sid.is_empty() {
                        if let Err(e) = state.store.link_call(sid, req.id, now).await {
                            return failure(e);
                        }
                    }
                    let _ = state.store.log_telephony("sms_in", "request_created", now).await;
                    t.t1("tel-sms-received", "reference", &req.reference)
                }
                Err(ApiError::Conflict { .. }) => {
                    let _ = state.store.log_telephony("sms_in", "already_waiting", now).await;
                    t.t("tel-sms-already")
                }
                Err(e) => return failure(e),
            }
        }
    };
    // Opt-outs are honoured here too: a number that said STOP gets no reply, ever.
    match state.store.sms_opted_out(&from).await {
        Ok(true) => twiml(&[]),
        Ok(false) => twiml(&[Verb::Message(reply)]),
        Err(e) => failure(e),
    }
}
