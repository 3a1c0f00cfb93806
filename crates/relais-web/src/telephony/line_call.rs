//! "Appeler" from the console: the line calls the volunteer's own phone first (shown the
//! line's number), and when they press the key, bridges to the person with the line's
//! number as caller id, so neither side sees the other's private number. The call's id
//! travels in the webhook URLs, which the provider signs back. The end of the bridge (the
//! `<Dial>` action's `DialCallStatus`) records the attempt through `lifecycle::apply`, once
//! (the line call's guard commits with it), with the "we tried to reach you" SMS when due.
//! The volunteer's leg's status callback keeps the call's state for the console.

use super::provider::{self, Account, NewCall};
use super::signed::{twiml, Signed};
use super::twiml::Verb;
use crate::i18n::{self, Tr};
use crate::now_ms;
use crate::pages::console::{request_page, ActionForms};
use crate::pages::context::{PageCtx, PageError};
use crate::pages::forms::{finish, session_for, with_status, FormData};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use relais_domain::authz::Action;
use relais_domain::lifecycle::Command;
use relais_domain::telephony::callback::{self, CallState, DialOutcome};
use relais_domain::telephony::ivr;
use relais_store::line_calls::{AttemptExtras, LineCall, TriedSms};
use relais_store::{HelpRequest, StoreError};
use serde::Deserialize;

/// The account that places calls, `None` unless the line is fully configured: account,
/// auth token (which also signs the webhooks back) and the line's number as caller id.
pub fn account(state: &AppState) -> Option<Account> {
    let tel = &state.config.telephony;
    if tel.line_number.is_empty() {
        return None;
    }
    Account::of(tel)
}

/// The "we tried to reach you" SMS, when the line sends SMS: nothing personal, the line's
/// public number to call back. In French, as the line's other SMS.
pub fn tried_sms(state: &AppState) -> Option<TriedSms> {
    let tel = &state.config.telephony;
    if !super::sms_sender::configured(tel) {
        return None;
    }
    let fr = Tr::new(i18n::Lang::Fr);
    // The line's public number, as the public pages and the tutorial SMS show it.
    Some(TriedSms { subject: "we tried to reach you".into(), body_text: fr.t1("tel-sms-tried", "phone", state.config.line_phone.clone()) })
}

/// What the request page shows about calling through the line (holder only).
pub struct CallBox {
    /// The line can place the call and the volunteer gave their phone: the button.
    pub offered: bool,
    /// The line could place the call, but the volunteer has no phone on their profile.
    pub needs_phone: bool,
    /// The state of the latest line call of this request, translated.
    pub last: Option<String>,
}

pub async fn call_box(state: &AppState, tr: &Tr, req: &HelpRequest, me: i64) -> Result<CallBox, StoreError> {
    if account(state).is_none() {
        return Ok(CallBox { offered: false, needs_phone: false, last: None });
    }
    let has_phone = state.store.profile(me).await?.phone.is_some_and(|p| !p.is_empty());
    let last = state.store.latest_line_call(req.id).await?.map(|c| tr.t(&format!("tel-call-state-{}", c.state.replace('_', "-"))));
    Ok(CallBox { offered: has_phone && req.phone.is_some(), needs_phone: !has_phone, last })
}

/// The request page again, with a word on why the call was not placed.
async fn refused(state: &AppState, ctx: &PageCtx, id: i64, status: StatusCode, key: &str) -> Result<Response, PageError> {
    let forms = ActionForms { notice: Some(ctx.tr.t(key)), ..Default::default() };
    Ok(with_status(status, request_page(state, ctx, id, forms).await?))
}

/// `POST /benevole/demandes/{id}/appeler`: asks the provider to ring the holder's phone.
pub async fn start(State(state): State<AppState>, ctx: PageCtx, Path(id): Path<i64>, data: FormData) -> Response {
    let result = async {
        let me = session_for(&ctx, Action::Serve)?.user.id;
        ctx.check_csrf(data.csrf())?;
        let tel = &state.config.telephony;
        let Some(account) = account(&state) else { return refused(&state, &ctx, id, StatusCode::NOT_FOUND, "tel-call-not-configured").await };
        let Some(my_phone) = state.store.profile(me).await?.phone.filter(|p| !p.is_empty()) else {
            return refused(&state, &ctx, id, StatusCode::UNPROCESSABLE_ENTITY, "tel-call-needs-phone").await;
        };
        let req = state.store.get_request(id).await?;
        if req.phone.is_none() {
            return refused(&state, &ctx, id, StatusCode::UNPROCESSABLE_ENTITY, "tel-call-no-number").await;
        }
        let now = now_ms();
        let call_id = match state.store.start_line_call(id, me, now).await {
            Ok(c) => c,
            Err(StoreError::Duplicate(_)) => return refused(&state, &ctx, id, StatusCode::CONFLICT, "tel-call-already").await,
            Err(e) => return Err(crate::error::ApiError::from(e).into()),
        };
        let answer_url = super::link(&state, &format!("/telephony/twiml/callback/answer?call={call_id}"));
        let status_url = super::link(&state, &format!("/telephony/callback/status?call={call_id}"));
        let call = NewCall {
            to: &my_phone,
            from: &tel.line_number,
            answer_url: &answer_url,
            status_callback: &status_url,
            ring_seconds: tel.dial_timeout.as_secs(),
        };
        match provider::place_call(&account, &call).await {
            Ok(sid) => {
                state.store.set_line_call_sid(call_id, &sid, now_ms()).await?;
                tracing::info!(request = id, line_call = call_id, "line call placed");
                let _ = state.store.log_telephony("line_call", "placed", now_ms()).await;
                Ok(Redirect::to(&format!("/benevole/demandes/{id}?avis=appel")).into_response())
            }
            Err(e) => {
                tracing::warn!(request = id, line_call = call_id, error = %e, "line call refused by the provider");
                state.store.move_line_call(call_id, CallState::Ringing.as_str(), CallState::Failed.as_str(), now_ms()).await?;
                let _ = state.store.log_telephony("line_call", "provider_error", now_ms()).await;
                refused(&state, &ctx, id, StatusCode::BAD_GATEWAY, "tel-call-provider-error").await
            }
        }
    }
    .await;
    finish(&ctx, result)
}

#[derive(Debug, Deserialize)]
pub struct CallRef {
    call: Option<i64>,
}

fn failure(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "line call webhook failed");
    (StatusCode::INTERNAL_SERVER_ERROR, "storage failed").into_response()
}

fn say(text: String) -> Verb {
    // Volunteers hear French, their working language (as the live-answering whisper).
    Verb::Say { text, language: "fr-FR" }
}

fn goodbye(key: &str) -> Response {
    twiml(&[say(Tr::new(i18n::Lang::Fr).t(key)), Verb::Hangup])
}

/// The line call the URL names, if the webhook is about it (its CallSid, once known, must
/// match), with its request.
async fn load(state: &AppState, call_ref: &CallRef, hook: &Signed) -> Result<Option<(LineCall, HelpRequest)>, Response> {
    let Some(id) = call_ref.call else { return Ok(None) };
    let Some(call) = state.store.line_call(id).await.map_err(failure)? else { return Ok(None) };
    let posted = hook.get("CallSid");
    match (&call.call_sid, posted) {
        (Some(known), Some(p)) if known != p => return Ok(None),
        // The provider may call back before its REST answer was stored.
        (None, Some(p)) => state.store.set_line_call_sid(call.id, p, now_ms()).await.map_err(failure)?,
        _ => {}
    }
    let req = state.store.get_request(call.request_id).await.map_err(failure)?;
    Ok(Some((call, req)))
}

/// Still the caller's request, with a number to call.
fn callable(call: &LineCall, req: &HelpRequest) -> Option<String> {
    req.phone.clone().filter(|_| req.snapshot().is_held_by(call.volunteer_id))
}

/// `POST /telephony/twiml/callback/answer?call=…`: the volunteer picked up. They press the
/// key to call the person: a voicemail never does, so it never calls the person.
pub async fn answer(State(state): State<AppState>, Query(call_ref): Query<CallRef>, hook: Signed) -> Response {
    let (call, req) = match load(&state, &call_ref, &hook).await {
        Ok(Some(found)) => found,
        Ok(None) => return twiml(&[Verb::Hangup]),
        Err(r) => return r,
    };
    if callable(&call, &req).is_none() {
        return goodbye("tel-call-not-yours");
    }
    if let Err(e) = state.store.move_line_call(call.id, CallState::Ringing.as_str(), CallState::InProgress.as_str(), now_ms()).await {
        return failure(e);
    }
    let fr = Tr::new(i18n::Lang::Fr);
    twiml(&[
        Verb::Gather {
            action: super::link(&state, &format!("/telephony/twiml/callback/connect?call={}", call.id)),
            num_digits: 1,
            timeout_secs: state.config.telephony.gather_timeout.as_secs(),
            children: vec![say(fr.t1("tel-call-press", "reference", ivr::spell(&req.reference)))],
        },
        Verb::Hangup,
    ])
}

/// `POST /telephony/twiml/callback/connect?call=…`: the key; the accept key bridges to the
/// person, the line's number as caller id.
pub async fn connect(State(state): State<AppState>, Query(call_ref): Query<CallRef>, hook: Signed) -> Response {
    let (call, req) = match load(&state, &call_ref, &hook).await {
        Ok(Some(found)) => found,
        Ok(None) => return twiml(&[Verb::Hangup]),
        Err(r) => return r,
    };
    if hook.get("Digits") != Some(ivr::ACCEPT_KEY) {
        return twiml(&[Verb::Hangup]);
    }
    let Some(number) = callable(&call, &req) else { return goodbye("tel-call-not-yours") };
    let tel = &state.config.telephony;
    twiml(&[
        say(Tr::new(i18n::Lang::Fr).t("tel-call-connecting")),
        Verb::Dial {
            action: super::link(&state, &format!("/telephony/twiml/callback/dial-done?call={}", call.id)),
            timeout_secs: tel.dial_timeout.as_secs(),
            caller_id: tel.line_number.clone(),
            numbers: vec![(number, String::new())],
        },
    ])
}

/// `POST /telephony/twiml/callback/dial-done?call=…`: the bridge to the person ended. Its
/// `DialCallStatus` records the attempt, once per line call whatever the retries.
pub async fn dial_done(State(state): State<AppState>, Query(call_ref): Query<CallRef>, hook: Signed) -> Response {
    let (call, _req) = match load(&state, &call_ref, &hook).await {
        Ok(Some(found)) => found,
        Ok(None) => return twiml(&[Verb::Hangup]),
        Err(r) => return r,
    };
    let status = hook.get("DialCallStatus").unwrap_or("");
    let next = callback::after_dial(status);
    let now = now_ms();
    let DialOutcome::Attempt(result) = callback::dial_outcome(status) else {
        if let Err(e) = state.store.move_line_call(call.id, &call.state, next.as_str(), now).await {
            return failure(e);
        }
        return twiml(&[Verb::Hangup]);
    };
    let cmd = Command::Attempt { volunteer: call.volunteer_id, result };
    let extras = AttemptExtras { line_call: Some((call.id, next.as_str())), tried_sms: tried_sms(&state) };
    match state.store.record_attempt(call.request_id, &cmd, now, &state.config.policy, extras).await {
        Ok(Some(_)) => {
            tracing::info!(request = call.request_id, line_call = call.id, result = %result, "attempt recorded from the line");
            let _ = state.store.log_telephony("line_call", next.as_str(), now).await;
            state.notify_queue();
            state.sms_enqueued();
        }
        // A retried callback: recorded the first time.
        Ok(None) => {}
        // No longer the volunteer's (released, reassigned, closed): the call's end is kept,
        // the request is not touched.
        Err(StoreError::Transition(_)) | Err(StoreError::Conflict) => {
            if let Err(e) = state.store.move_line_call(call.id, &call.state, next.as_str(), now).await {
                return failure(e);
            }
        }
        Err(e) => return failure(e),
    }
    let key = if result.is_failure() { "tel-call-no-answer" } else { "tel-call-ended" };
    goodbye(key)
}

/// `POST /telephony/callback/status?call=…`: the volunteer's leg's status callback. Keeps
/// the call's state (their phone unreached, or they hung up before the bridge); never
/// records an attempt, and never overwrites the bridge's result.
pub async fn status(State(state): State<AppState>, Query(call_ref): Query<CallRef>, hook: Signed) -> Response {
    let (call, _req) = match load(&state, &call_ref, &hook).await {
        Ok(Some(found)) => found,
        Ok(None) => return twiml(&[]),
        Err(r) => return r,
    };
    let Some(current) = CallState::from_code(&call.state) else { return twiml(&[]) };
    if let Some(next) = callback::after_call_status(current, hook.get("CallStatus").unwrap_or("")) {
        match state.store.move_line_call(call.id, current.as_str(), next.as_str(), now_ms()).await {
            Ok(true) if next.is_final() => {
                let _ = state.store.log_telephony("line_call", next.as_str(), now_ms()).await;
            }
            Ok(_) => {}
            Err(e) => return failure(e),
        }
    }
    twiml(&[])
}
