//! The provider's REST API, the one place that knows its shape: Twilio's 2010-04-01 API,
//! which SignalWire's compatibility API (`--telephony-api-base
//! https://<space>.signalwire.com/api/laml`) and Telnyx's TeXML-compatible endpoints speak
//! too. Outgoing SMS (`Messages.json`, used by `sms_sender.rs`) and outgoing calls
//! (`Calls.json`, used by `line_call.rs`). HTTP basic auth `AccountSid:AuthToken`.

use super::config::TelephonyConfig;
use std::sync::OnceLock;
use std::time::Duration;

/// An account at the provider: where its REST API is and how to sign in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    pub api_base: String,
    pub account_sid: String,
    pub auth_token: String,
}

impl Account {
    /// The account of the configuration, `None` without an account id or auth token.
    pub fn of(tel: &TelephonyConfig) -> Option<Account> {
        let token = tel.auth_token.as_ref()?;
        if tel.account_sid.is_empty() {
            return None;
        }
        Some(Account {
            api_base: tel.api_base.trim_end_matches('/').to_owned(),
            account_sid: tel.account_sid.clone(),
            auth_token: token.expose().to_owned(),
        })
    }

    fn post(&self, client: &reqwest::Client, resource: &str) -> reqwest::RequestBuilder {
        client
            .post(format!("{}/2010-04-01/Accounts/{}/{resource}.json", self.api_base, self.account_sid))
            .basic_auth(&self.account_sid, Some(&self.auth_token))
    }

    /// An SMS; `status_callback` receives its delivery receipts.
    pub fn message(&self, client: &reqwest::Client, to: &str, from: &str, body: &str, status_callback: Option<&str>) -> reqwest::RequestBuilder {
        let mut form = vec![("To", to), ("From", from), ("Body", body)];
        if let Some(url) = status_callback {
            form.push(("StatusCallback", url));
        }
        self.post(client, "Messages").form(&form)
    }

    /// A call to `to` shown as `from`; when answered, the provider asks `answer_url` what to
    /// do, and reports the call's progress to `status_callback`.
    pub fn call(&self, client: &reqwest::Client, call: &NewCall<'_>) -> reqwest::RequestBuilder {
        let timeout = call.ring_seconds.to_string();
        self.post(client, "Calls").form(&[
            ("To", call.to),
            ("From", call.from),
            ("Url", call.answer_url),
            ("Method", "POST"),
            ("StatusCallback", call.status_callback),
            ("StatusCallbackMethod", "POST"),
            // Repeated parameter: each event the callback wants.
            ("StatusCallbackEvent", "answered"),
            ("StatusCallbackEvent", "completed"),
            ("Timeout", timeout.as_str()),
        ])
    }
}

/// What `Calls.json` is asked.
pub struct NewCall<'a> {
    pub to: &'a str,
    pub from: &'a str,
    pub answer_url: &'a str,
    pub status_callback: &'a str,
    pub ring_seconds: u64,
}

/// Why a call could not be placed (a status code or a class, never the provider's body,
/// which may repeat a number).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CallError {
    #[error("the provider refused the call ({0})")]
    Refused(u16),
    #[error("the provider could not be reached")]
    Unreachable,
}

/// The process's HTTP client for calls placed from the console.
fn client() -> &'static reqwest::Client {
    static CLIENT: OnceLock<reqwest::Client> = OnceLock::new();
    CLIENT.get_or_init(|| {
        crate::install_tls_provider();
        reqwest::Client::builder().timeout(Duration::from_secs(10)).build().unwrap_or_default()
    })
}

/// Places a call; its provider id (`CA…`) on success.
pub async fn place_call(account: &Account, call: &NewCall<'_>) -> Result<String, CallError> {
    let res = account.call(client(), call).send().await.map_err(|_| CallError::Unreachable)?;
    let status = res.status();
    if !status.is_success() {
        return Err(CallError::Refused(status.as_u16()));
    }
    let sid = res.json::<serde_json::Value>().await.ok().and_then(|v| v.get("sid")?.as_str().map(str::to_owned));
    sid.ok_or(CallError::Refused(status.as_u16()))
}
