//! The voice webhooks: one handler per menu step. The step's state (language, attempt,
//! topic) travels in the query string of the URLs Relais hands to the provider, which signs
//! them back, so the state cannot be forged and any instance can answer.

use super::signed::{twiml, Signed};
use super::twiml::Verb;
use crate::actions;
use crate::error::ApiError;
use crate::i18n::{self, Tr};
use crate::intake::IntakeInput;
use crate::now_ms;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use relais_domain::phone;
use relais_domain::request::Channel;
use relais_domain::telephony::ivr::{self, Action, CallbackReason, Context, Lang};
use serde::Deserialize;

#[derive(Debug, Deserialize, Default)]
pub struct Step {
    lang: Option<String>,
    attempt: Option<u8>,
    topic: Option<String>,
}

impl Step {
    fn lang(&self) -> Lang {
        Lang::from_code(self.lang.as_deref().unwrap_or("fr"))
    }
}

fn tr(lang: Lang) -> Tr {
    Tr::new(if lang == Lang::En { i18n::Lang::En } else { i18n::Lang::Fr })
}

fn voice(lang: Lang) -> &'static str {
    if lang == Lang::En { "en-GB" } else { "fr-FR" }
}

fn say(lang: Lang, text: String) -> Verb {
    Verb::Say { text, language: voice(lang) }
}

/// An absolute URL of this module, as the provider will call (and sign) it.
fn link(state: &AppState, path_and_query: &str) -> String {
    let tel = &state.config.telephony;
    let base = if tel.public_base_url.is_empty() { &state.config.public_url } else { &tel.public_base_url };
    format!("{}{}", base.trim_end_matches('/'), path_and_query)
}

fn failure(e: impl std::fmt::Display) -> Response {
    tracing::error!(error = %e, "telephony webhook failed");
    (StatusCode::INTERNAL_SERVER_ERROR, "storage failed").into_response()
}

/// What the menu needs to know about the line and this caller right now.
async fn context(state: &AppState, caller: Option<&str>) -> Result<Context, Response> {
    let now = now_ms();
    let hours = state.store.service_hours().await.map_err(failure)?;
    let in_service_hours = hours.is_open(now);
    let can_connect_now = state.config.telephony.live_answering && !state.store.on_duty_phones().await.map_err(failure)?.is_empty();
    let already_waiting = match caller.and_then(|c| phone::normalize(c).ok()) {
        Some(p) => state.store.open_request_for_phone(&p).await.map_err(failure)?.is_some(),
        None => false,
    };
    Ok(Context { in_service_hours, can_connect_now, already_waiting })
}

/// `POST /telephony/twiml/voice`: the provider's first request for an incoming call.
pub async fn start(State(state): State<AppState>, Query(step): Query<Step>, call: Signed) -> Response {
    let ctx = match context(&state, call.get("From")).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let action = ivr::start(ctx, step.lang());
    let result = match &action {
        Action::AlreadyWaiting { .. } => "already_waiting",
        Action::AskTopic { out_of_hours: true, .. } => "out_of_hours_menu",
        _ => "menu",
    };
    let _ = state.store.log_telephony("incoming_call", result, now_ms()).await;
    perform(&state, &call, action).await
}

/// `POST /telephony/twiml/voice/menu?lang=…&attempt=…`: the key pressed (or none).
pub async fn menu(State(state): State<AppState>, Query(step): Query<Step>, call: Signed) -> Response {
    let ctx = match context(&state, call.get("From")).await {
        Ok(c) => c,
        Err(r) => return r,
    };
    let action = ivr::choose(ctx, step.lang(), step.attempt.unwrap_or(1).max(1), call.get("Digits"));
    perform(&state, &call, action).await
}

/// `POST /telephony/twiml/voice/dial-done?lang=…&topic=…`: the `<Dial>` to volunteers ended.
pub async fn dial_done(State(state): State<AppState>, Query(step): Query<Step>, call: Signed) -> Response {
    let topic = ivr::menu_topic(step.topic.as_deref().unwrap_or(ivr::OTHER_TOPIC));
    let status = call.get("DialCallStatus").unwrap_or("");
    match ivr::after_dial(step.lang(), topic, status) {
        None => {
            let now = now_ms();
            // The talk time is handling time for the staffing forecast.
            let talk_ms = call.get("DialCallDuration").and_then(|d| d.parse::<i64>().ok()).map(|s| s * 1000);
            if let (Some(sid), Some(ms)) = (call.get("CallSid"), talk_ms) {
                if let Err(e) = state.store.record_talk_time(sid, ms, now).await {
                    return failure(e);
                }
            }
            let _ = state.store.log_telephony("live_call", "answered", now).await;
            twiml(&[Verb::Hangup])
        }
        Some(action) => perform(&state, &call, action).await,
    }
}

/// `POST /telephony/twiml/voice/whisper?lang=…`: played to a volunteer who picks up, before
/// bridging. Without the accept key the volunteer's leg hangs up, so a voicemail that
/// answers never takes the call.
pub async fn whisper(State(state): State<AppState>, Query(step): Query<Step>, _call: Signed) -> Response {
    let tel = &state.config.telephony;
    let text = if tel.whisper_text.is_empty() { Tr::new(i18n::Lang::Fr).t("tel-whisper") } else { tel.whisper_text.clone() };
    let lang = step.lang();
    twiml(&[
        Verb::Gather {
            action: link(&state, "/telephony/twiml/voice/whisper-accept"),
            num_digits: 1,
            timeout_secs: tel.gather_timeout.as_secs(),
            children: vec![say(Lang::Fr, text), say(Lang::Fr, tr(Lang::Fr).t1("tel-whisper-language", "language", lang.code()))],
        },
        Verb::Hangup,
    ])
}

/// `POST /telephony/twiml/voice/whisper-accept`: an empty answer bridges the call; anything
/// but the accept key hangs up the volunteer's leg.
pub async fn whisper_accept(State(state): State<AppState>, call: Signed) -> Response {
    if call.get("Digits") == Some(ivr::ACCEPT_KEY) {
        let _ = state.store.log_telephony("whisper", "accepted", now_ms()).await;
        twiml(&[])
    } else {
        twiml(&[Verb::Hangup])
    }
}

/// `POST /telephony/status`: the provider's call status callback. Keeps the final status
/// and the duration (handling time) of the call.
pub async fn status(State(state): State<AppState>, call: Signed) -> Response {
    let (Some(sid), Some(status)) = (call.get("CallSid"), call.get("CallStatus")) else {
        return (StatusCode::BAD_REQUEST, "CallSid and CallStatus are required").into_response();
    };
    let duration_ms = call.get("CallDuration").and_then(|d| d.parse::<i64>().ok()).map(|s| s * 1000);
    let now = now_ms();
    if let Err(e) = state.store.record_call_status(sid, status, duration_ms, now).await {
        return failure(e);
    }
    let code = if status.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') { status } else { "unknown" };
    let _ = state.store.log_telephony("call_status", code, now).await;
    twiml(&[])
}

/// Turns the menu's decision into TwiML, creating the callback request when it says so.
async fn perform(state: &AppState, call: &Signed, action: Action) -> Response {
    let tel = &state.config.telephony;
    match action {
        Action::AskTopic { lang, attempt, greet, out_of_hours, invalid } => {
            let t = tr(lang);
            let mut says = Vec::new();
            if greet {
                says.push(say(lang, t.t("tel-greeting")));
            }
            if out_of_hours {
                says.push(say(lang, t.t1("tel-out-of-hours", "hours", state.config.hours(lang.code()))));
            }
            if invalid {
                says.push(say(lang, t.t("tel-invalid")));
            }
            says.push(say(lang, t.t("tel-menu")));
            let next = link(state, &format!("/telephony/twiml/voice/menu?lang={}&attempt={attempt}", lang.code()));
            twiml(&[
                Verb::Gather { action: next.clone(), num_digits: 1, timeout_secs: tel.gather_timeout.as_secs(), children: says },
                // No key within the timeout: the provider goes on here, which counts as a try.
                Verb::Redirect(next),
            ])
        }
        Action::AlreadyWaiting { lang } => twiml(&[say(lang, tr(lang).t("tel-already-waiting")), Verb::Hangup]),
        Action::Connect { lang, topic } => {
            let phones = match state.store.on_duty_phones().await {
                Ok(p) if p.is_empty() => {
                    // The last one went off duty since the menu started: no dead end.
                    return callback(state, call, lang, topic, CallbackReason::NobodyAccepted).await;
                }
                Ok(p) => p,
                Err(e) => return failure(e),
            };
            let whisper = link(state, &format!("/telephony/twiml/voice/whisper?lang={}", lang.code()));
            let _ = state.store.log_telephony("live_call", "ringing", now_ms()).await;
            twiml(&[
                say(lang, tr(lang).t("tel-connecting")),
                Verb::Dial {
                    action: link(state, &format!("/telephony/twiml/voice/dial-done?lang={}&topic={topic}", lang.code())),
                    timeout_secs: tel.dial_timeout.as_secs(),
                    caller_id: tel.line_number.clone(),
                    numbers: phones.into_iter().map(|p| (p, whisper.clone())).collect(),
                },
            ])
        }
        Action::Callback { lang, topic, reason } => callback(state, call, lang, topic, reason).await,
    }
}

/// Creates the callback request (once per CallSid) and reads its reference.
async fn callback(state: &AppState, call: &Signed, lang: Lang, topic: &'static str, reason: CallbackReason) -> Response {
    let t = tr(lang);
    let mut intro = Vec::new();
    if reason == CallbackReason::NobodyAccepted {
        intro.push(say(lang, t.t("tel-nobody")));
    }
    let call_sid = call.get("CallSid").unwrap_or("");
    let existing = if call_sid.is_empty() { Ok(None) } else { state.store.call_request(call_sid).await };
    let req = match existing {
        Err(e) => return failure(e),
        Ok(Some(req)) => req,
        Ok(None) => {
            let Some(from) = call.get("From").filter(|f| phone::normalize(f).is_ok()) else {
                let _ = state.store.log_telephony("callback", "hidden_number", now_ms()).await;
                intro.extend([say(lang, t.t("tel-hidden-number")), Verb::Hangup]);
                return twiml(&intro);
            };
            let input = IntakeInput {
                channel: Some("phone".into()),
                phone: from.to_owned(),
                topic: Some(topic.to_owned()),
                language: Some(lang.code().to_owned()),
                ..IntakeInput::default()
            };
            match actions::submit(state, &input, Channel::Phone).await {
                Ok((req, _)) => {
                    let now = now_ms();
                    if !call_sid.is_empty() {
                        if let Err(e) = state.store.link_call(call_sid, req.id, now).await {
                            return failure(e);
                        }
                    }
                    let _ = state.store.log_telephony("callback", reason.as_str(), now).await;
                    req
                }
                Err(ApiError::Conflict { .. }) => {
                    let _ = state.store.log_telephony("callback", "already_waiting", now_ms()).await;
                    intro.extend([say(lang, t.t("tel-already-waiting")), Verb::Hangup]);
                    return twiml(&intro);
                }
                Err(e) => return failure(e),
            }
        }
    };
    intro.push(say(lang, t.t1("tel-callback", "reference", ivr::spell(&req.reference))));
    if super::sms_sender::configured(&state.config.telephony) {
        // Consent first: the reference is texted only if the caller presses the key.
        intro.push(Verb::Gather {
            action: link(state, &format!("/telephony/twiml/voice/sms-consent?lang={}", lang.code())),
            num_digits: 1,
            timeout_secs: state.config.telephony.gather_timeout.as_secs(),
            children: vec![say(lang, t.t("tel-sms-offer"))],
        });
    }
    intro.push(Verb::Hangup);
    twiml(&intro)
}

/// `POST /telephony/twiml/voice/sms-consent?lang=…`: the key pressed after the offer to
/// receive the reference by SMS. With the consent key, the request's `sms_consent` is set and one SMS (keyed on the CallSid, so a
/// retried webhook queues nothing more) with the reference and the line's hours only.
pub async fn sms_consent(State(state): State<AppState>, Query(step): Query<Step>, call: Signed) -> Response {
    let lang = step.lang();
    let t = tr(lang);
    let consent = call.get("Digits") == Some(ivr::SMS_CONSENT_KEY);
    let sid = call.get("CallSid").unwrap_or("");
    let number = call.get("From").and_then(|f| phone::normalize(f).ok());
    if !consent || sid.is_empty() || !super::sms_sender::configured(&state.config.telephony) {
        return twiml(&[say(lang, t.t("tel-goodbye")), Verb::Hangup]);
    }
    let (req, Some(number)) = (match state.store.call_request(sid).await {
        Ok(r) => r,
        Err(e) => return failure(e),
    }, number) else {
        return twiml(&[say(lang, t.t("tel-goodbye")), Verb::Hangup]);
    };
    let Some(req) = req else { return twiml(&[say(lang, t.t("tel-goodbye")), Verb::Hangup]) };
    let now = now_ms();
    let msg = relais_store::outbox::NewMessage {
        idempotency_key: format!("sms-confirmation:{sid}"),
        recipient: number,
        subject: "callback confirmation".into(),
        body_text: crate::pages::forms::t_args(
            &t,
            "tel-sms-confirmation",
            &[
                ("reference", req.reference.clone().into()),
                ("hours", state.config.hours(lang.code()).to_owned().into()),
            ],
        ),
        not_before_ms: now,
    };
    // The key is the person's consent to SMS: the request's flag is set with the SMS queued
    // (a later "we tried to reach you" SMS relies on it).
    match state.store.consent_and_enqueue_sms(req.id, &msg, now).await {
        Ok(done) => {
            state.sms_enqueued();
            let result = match done {
                relais_store::sms_outbox::SmsEnqueued::OptedOut => "opted_out",
                _ => "queued",
            };
            let _ = state.store.log_telephony("sms_out", result, now).await;
            twiml(&[say(lang, t.t("tel-sms-will-send")), Verb::Hangup])
        }
        Err(e) => failure(e),
    }
}
