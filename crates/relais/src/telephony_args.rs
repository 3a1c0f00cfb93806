//! `relais serve` options of the phone line (issue 5). Secrets come from the environment
//! or the command line and are never printed (`hide_env_values`, masked `Debug`).

use clap::Args;
use relais_web::telephony::{Secret, TelephonyConfig};
use relais_web::WebConfig;
use std::time::Duration;

#[derive(Args)]
pub struct TelephonyArgs {
    /// Provider account (Twilio "AC…", SignalWire project id).
    #[arg(long, env = "RELAIS_TELEPHONY_ACCOUNT_SID", default_value = "", hide_env_values = true)]
    pub telephony_account_sid: String,
    /// Provider auth token: keys the webhook signatures. Without it the telephony webhooks
    /// answer 404.
    #[arg(long, env = "RELAIS_TELEPHONY_AUTH_TOKEN", hide_env_values = true)]
    pub telephony_auth_token: Option<String>,
    /// The line's number in E.164 (+33…), caller id when Relais rings volunteers or calls a
    /// person back from the console ("Appeler").
    #[arg(long, env = "RELAIS_TELEPHONY_LINE_NUMBER", default_value = "")]
    pub telephony_line_number: String,
    /// Public base URL the provider calls, if not --public-url (signatures are over it).
    #[arg(long, env = "RELAIS_TELEPHONY_PUBLIC_URL", default_value = "")]
    pub telephony_public_url: String,
    /// Ring on-duty volunteers during service hours instead of only taking callbacks.
    #[arg(long, env = "RELAIS_TELEPHONY_LIVE_ANSWERING")]
    pub telephony_live_answering: bool,
    /// What a volunteer hears on picking up (default: the translated sentence).
    #[arg(long, env = "RELAIS_TELEPHONY_WHISPER", default_value = "")]
    pub telephony_whisper: String,
    /// Seconds the menu waits for a key.
    #[arg(long, env = "RELAIS_TELEPHONY_GATHER_SECONDS", default_value_t = 6)]
    pub telephony_gather_seconds: u64,
    /// Seconds volunteers' phones ring before the caller falls back to a callback.
    #[arg(long, env = "RELAIS_TELEPHONY_DIAL_SECONDS", default_value_t = 20)]
    pub telephony_dial_seconds: u64,
    /// Secret token of the generic CTI endpoint POST /api/v1/cti/{token} (off without it).
    #[arg(long, env = "RELAIS_CTI_TOKEN", hide_env_values = true)]
    pub cti_token: Option<String>,
    /// Send SMS (callback confirmations with the caller's consent, tutorial links) through
    /// the provider's REST Messages API, or --sms-http-url when set.
    #[arg(long, env = "RELAIS_TELEPHONY_SMS")]
    pub telephony_sms: bool,
    /// Base of the provider's REST API (SignalWire: https://<space>.signalwire.com/api/laml).
    #[arg(long, env = "RELAIS_TELEPHONY_API_BASE", default_value = "https://api.twilio.com")]
    pub telephony_api_base: String,
    /// Alphanumeric SMS sender name (at most 11 letters, digits, spaces), instead of the
    /// line's number. People cannot answer such a sender.
    #[arg(long, env = "RELAIS_SMS_SENDER_NAME", default_value = "")]
    pub sms_sender_name: String,
    /// Generic HTTP SMS gateway instead of the provider: URL template with {to}, {text} and
    /// {from}, each replaced URL-encoded. May hold an API key: never logged.
    #[arg(long, env = "RELAIS_SMS_HTTP_URL", hide_env_values = true)]
    pub sms_http_url: Option<String>,
    /// HTTP method of --sms-http-url (GET or POST).
    #[arg(long, env = "RELAIS_SMS_HTTP_METHOD", default_value = "GET")]
    pub sms_http_method: String,
}

impl TelephonyArgs {
    pub fn apply(&self, c: &mut WebConfig) -> anyhow::Result<()> {
        let public = self.telephony_public_url.trim().trim_end_matches('/');
        if !public.is_empty() && !(public.starts_with("http://") || public.starts_with("https://")) {
            anyhow::bail!("--telephony-public-url: must start with http:// or https://");
        }
        let line = self.telephony_line_number.trim();
        if !line.is_empty() && relais_domain::phone::normalize(line).is_err() {
            anyhow::bail!("--telephony-line-number: not a phone number (write it in E.164, like +33199001234)");
        }
        if self.cti_token.as_deref().is_some_and(|t| !t.trim().is_empty() && t.trim().len() < 16) {
            anyhow::bail!("--cti-token must be at least 16 characters");
        }
        if !(1..=60).contains(&self.telephony_gather_seconds) {
            anyhow::bail!("--telephony-gather-seconds must be from 1 to 60");
        }
        if !(5..=120).contains(&self.telephony_dial_seconds) {
            anyhow::bail!("--telephony-dial-seconds must be from 5 to 120");
        }
        let api_base = self.telephony_api_base.trim().trim_end_matches('/');
        if !(api_base.starts_with("http://") || api_base.starts_with("https://")) {
            anyhow::bail!("--telephony-api-base: must start with http:// or https://");
        }
        let sender = self.sms_sender_name.trim();
        if !sender.is_empty() {
            if let Err(e) = relais_domain::telephony::sms::check_sender_name(sender) {
                anyhow::bail!("--sms-sender-name: {e}");
            }
        }
        let http_url = self.sms_http_url.as_deref().map(str::trim).filter(|u| !u.is_empty());
        if let Some(u) = http_url {
            if !(u.starts_with("http://") || u.starts_with("https://")) || !u.contains("{to}") || !u.contains("{text}") {
                anyhow::bail!("--sms-http-url: must be an http(s) URL containing {{to}} and {{text}}");
            }
        }
        let method = self.sms_http_method.trim().to_ascii_uppercase();
        if method != "GET" && method != "POST" {
            anyhow::bail!("--sms-http-method: must be GET or POST");
        }
        if self.telephony_sms && http_url.is_none() && (self.telephony_account_sid.trim().is_empty() || self.telephony_auth_token.as_deref().is_none_or(|t| t.trim().is_empty())) {
            anyhow::bail!("--telephony-sms: needs --telephony-account-sid and --telephony-auth-token (or --sms-http-url)");
        }
        if self.telephony_sms && http_url.is_none() && sender.is_empty() && line.is_empty() {
            anyhow::bail!("--telephony-sms: needs --telephony-line-number or --sms-sender-name as the sender");
        }
        c.telephony = TelephonyConfig {
            account_sid: self.telephony_account_sid.trim().to_owned(),
            auth_token: self.telephony_auth_token.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(Secret::new),
            line_number: if line.is_empty() { String::new() } else { relais_domain::phone::normalize(line).unwrap_or_default() },
            public_base_url: public.to_owned(),
            live_answering: self.telephony_live_answering,
            whisper_text: self.telephony_whisper.trim().to_owned(),
            gather_timeout: Duration::from_secs(self.telephony_gather_seconds),
            dial_timeout: Duration::from_secs(self.telephony_dial_seconds),
            cti_token: self.cti_token.as_deref().map(str::trim).filter(|t| !t.is_empty()).map(Secret::new),
            sms_outbound: self.telephony_sms,
            api_base: api_base.to_owned(),
            sms_sender_name: sender.to_owned(),
            sms_http_url: http_url.map(Secret::new),
            sms_http_method: method,
        };
        Ok(())
    }
}
