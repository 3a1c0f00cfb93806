//! What an operator sets for the phone line. The auth token and the CTI token are secrets:
//! their `Debug` form is masked so the configuration can be logged.

use std::time::Duration;

/// A secret string whose `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(s: impl Into<String>) -> Secret {
        Secret(s.into())
    }
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(…)")
    }
}

#[derive(Debug, Clone)]
pub struct TelephonyConfig {
    /// The provider account (Twilio `AC…`, SignalWire project id). Not secret, but kept out
    /// of logs with the rest.
    pub account_sid: String,
    /// Keys the webhook signatures. `None`: the telephony webhooks answer 404.
    pub auth_token: Option<Secret>,
    /// The line's number in E.164, shown as caller id when Relais rings volunteers.
    pub line_number: String,
    /// The public base the provider calls (e.g. `https://relais.example.org`), without a
    /// trailing slash: signatures are computed over it, not over what the proxy forwards.
    /// Empty: the web side's `public_url`.
    pub public_base_url: String,
    /// Ring on-duty volunteers during service hours instead of only taking callbacks.
    pub live_answering: bool,
    /// What a volunteer hears on picking up; empty: the translated default.
    pub whisper_text: String,
    /// How long the menu waits for a key.
    pub gather_timeout: Duration,
    /// How long volunteers' phones ring before the caller falls back to a callback.
    pub dial_timeout: Duration,
    /// Token of the generic CTI endpoint (`/api/v1/cti/{token}`); `None`: endpoint off.
    pub cti_token: Option<Secret>,
    /// Send SMS (callback confirmations, tutorial links) through the provider's REST API or
    /// the generic gateway. Off by default: an operator chooses to pay for outgoing SMS.
    pub sms_outbound: bool,
    /// Base of the provider's REST API (Twilio's by default; tests point it at a local server).
    pub api_base: String,
    /// Alphanumeric sender name (≤ 11 characters) shown instead of the line's number; empty:
    /// the line's number.
    pub sms_sender_name: String,
    /// Generic HTTP SMS gateway: URL template with `{to}`, `{text}`, `{from}` (may hold an
    /// API key, hence a secret). Set: used instead of Twilio's Messages API.
    pub sms_http_url: Option<Secret>,
    /// HTTP method of the generic gateway (GET by default).
    pub sms_http_method: String,
}

impl Default for TelephonyConfig {
    fn default() -> Self {
        TelephonyConfig {
            account_sid: String::new(),
            auth_token: None,
            line_number: String::new(),
            public_base_url: String::new(),
            live_answering: false,
            whisper_text: String::new(),
            gather_timeout: Duration::from_secs(6),
            dial_timeout: Duration::from_secs(20),
            cti_token: None,
            sms_outbound: false,
            api_base: "https://api.twilio.com".into(),
            sms_sender_name: String::new(),
            sms_http_url: None,
            sms_http_method: "GET".into(),
        }
    }
}
