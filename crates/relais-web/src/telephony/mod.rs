//! The phone line: TwiML webhooks for voice and SMS (Twilio's format, which SignalWire's
//! compatibility API speaks too), each request's signature checked before anything else.
//! The menu's decisions are `relais_domain::telephony::ivr`; this module turns them into
//! TwiML and stores what they create. See docs/telephony.md.

pub mod config;
pub mod cti;
pub mod page;
pub mod signed;
pub mod sms;
pub mod sms_sender;
pub mod twiml;
pub mod voice;

pub use config::{Secret, TelephonyConfig};

use crate::state::AppState;
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
        // Under /api/v1 by its path, kept here so the API router stays untouched.
        .route("/api/v1/cti/{token}", post(cti::event))
}
