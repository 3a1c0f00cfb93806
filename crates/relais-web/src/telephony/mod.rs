//! The phone line: TwiML webhooks for voice and SMS (Twilio's format, which SignalWire's
//! compatibility API speaks too), each request's signature checked before anything else.
//! The menu's decisions are `relais_domain::telephony::ivr`; this module turns them into
//! TwiML and stores what they create. See docs/telephony.md.

pub mod config;
pub mod cti;
pub mod line_call;
pub mod page;
pub mod provider;
pub mod receipts;
pub mod signed;
pub mod sms;
pub mod sms_sender;
pub mod twiml;
pub mod voice;

pub use config::{Secret, TelephonyConfig};

use crate::state::AppState;

/// An absolute URL of the telephony webhooks, as the provider will call (and sign) it.
pub fn link(state: &AppState, path_and_query: &str) -> String {
    let tel = &state.config.telephony;
    let base = if tel.public_base_url.is_empty() { &state.config.public_url } else { &tel.public_base_url };
    format!("{}{}", base.trim_end_matches('/'), path_and_query)
}
use axum::routing::post;
use axum::Router;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/telephony/twiml/voice", post(voice::start))
        .route("/telephony/twiml/voice/menu", post(voice::menu))
        .route("/telephony/twiml/voice/dial-done", post(voice::dial_done))
        .route("/telephony/twiml/voice/whisper", post(voice::whisper))
        .route("/telephony/twiml/voice/whisper-accept", post(voice::whisper_accept))
        .route("/telephony/twiml/voice/sms-consent", post(voice::sms_consent))
        .route("/telephony/status", post(voice::status))
        .route("/telephony/twiml/sms", post(sms::inbound))
        .route("/telephony/sms/status", post(receipts::status))
        .route("/telephony/twiml/callback/answer", post(line_call::answer))
        .route("/telephony/twiml/callback/connect", post(line_call::connect))
        .route("/telephony/twiml/callback/dial-done", post(line_call::dial_done))
        .route("/telephony/callback/status", post(line_call::status))
        // The console's "Appeler" (a page action, kept beside the webhooks it starts).
        .route("/benevole/demandes/{id}/appeler", post(line_call::start))
        // Under /api/v1 by its path, kept here so the API router stays untouched.
        .route("/api/v1/cti/{token}", post(cti::event))
}
