//! The SMS sender: a background job, like the mailer, that claims due SMS of the outbox
//! (channel `sms`, `relais_store::sms_outbox`) and posts each to the provider: Twilio's REST
//! Messages API (SignalWire speaks it too), or a generic HTTP SMS gateway configured by a URL
//! template. 2xx: sent (Twilio's `sid` kept); 4xx: failed for good; 5xx, timeout or no
//! connection: retried by `mail_retry`'s backoff. A number that sent STOP since the SMS was
//! queued is not sent to (the SMS fails with "opted out"). Logs name outbox ids and HTTP
//! statuses only, never the number or the text.

use super::config::TelephonyConfig;
use super::provider::Account;
use crate::now_ms;
use crate::state::AppState;
use relais_store::outbox::{OutboxMessage, CLAIM_BATCH};
use tokio::task::JoinHandle;

/// Where the SMS go.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Provider {
    /// `POST {api_base}/2010-04-01/Accounts/{sid}/Messages.json`, basic auth sid:token
    /// (`provider.rs`). `receipts_url`: the base of the delivery receipts' callback
    /// (`…/telephony/sms/status`), the outbox id appended as `?id=`.
    Twilio { account: Account, from: String, receipts_url: Option<String> },
    /// A URL template with `{to}`, `{text}` (and `{from}`), sent with `method`.
    Http { url_template: String, method: reqwest::Method, from: String },
}

/// The provider of the configuration, `None` when SMS are not configured: the generic
/// template wins when set; Twilio needs the account, the auth token and a sender.
pub fn provider(tel: &TelephonyConfig) -> Option<Provider> {
    if !tel.sms_outbound {
        return None;
    }
    let from = if tel.sms_sender_name.is_empty() { tel.line_number.clone() } else { tel.sms_sender_name.clone() };
    if let Some(url) = &tel.sms_http_url {
        let method = reqwest::Method::from_bytes(tel.sms_http_method.as_bytes()).unwrap_or(reqwest::Method::GET);
        return Some(Provider::Http { url_template: url.expose().to_owned(), method, from });
    }
    let account = Account::of(tel)?;
    if from.is_empty() {
        return None;
    }
    Some(Provider::Twilio { account, from, receipts_url: None })
}

/// `true` when the line can send SMS (the console offers SMS then).
pub fn configured(tel: &TelephonyConfig) -> bool {
    provider(tel).is_some()
}

/// The generic provider's URL: each placeholder replaced by its URL-encoded value.
pub fn fill_template(template: &str, to: &str, from: &str, text: &str) -> String {
    // RFC 3986: everything but the unreserved characters is percent-encoded (UTF-8 bytes).
    let enc = |s: &str| {
        s.bytes()
            .map(|b| if b.is_ascii_alphanumeric() || b"-._~".contains(&b) { (b as char).to_string() } else { format!("%{b:02X}") })
            .collect::<String>()
    };
    template.replace("{to}", &enc(to)).replace("{from}", &enc(from)).replace("{text}", &enc(text))
}

/// How one attempt ended.
#[derive(Debug)]
enum Outcome {
    Sent(Option<String>),
    Failed { error: String, permanent: bool },
}

fn http_error(e: &reqwest::Error) -> String {
    if e.is_timeout() {
        "SMS provider did not answer in time".into()
    } else if e.is_connect() {
        "could not connect to the SMS provider".into()
    } else {
        "could not talk to the SMS provider".into()
    }
}

async fn attempt(client: &reqwest::Client, provider: &Provider, id: i64, to: &str, text: &str) -> Outcome {
    let req = match provider {
        Provider::Twilio { account, from, receipts_url } => {
            let receipts = receipts_url.as_ref().map(|u| format!("{u}?id={id}"));
            account.message(client, to, from, text, receipts.as_deref())
        }
        Provider::Http { url_template, method, from } => client.request(method.clone(), fill_template(url_template, to, from, text)),
    };
    match req.send().await {
        Err(e) => Outcome::Failed { error: http_error(&e), permanent: false },
        Ok(res) => {
            let status = res.status();
            if status.is_success() {
                // Twilio answers the message resource; other gateways anything.
                let sid = res.json::<serde_json::Value>().await.ok().and_then(|v| v.get("sid")?.as_str().map(str::to_owned));
                Outcome::Sent(sid)
            } else {
                // The body may repeat the number: only the status is kept.
                let permanent = status.is_client_error() && status != reqwest::StatusCode::TOO_MANY_REQUESTS;
                let class = if permanent { "rejected" } else { "temporarily failed" };
                Outcome::Failed { error: format!("SMS provider {class} ({})", status.as_u16()), permanent }
            }
        }
    }
}

/// Starts the sender when an SMS provider is configured.
pub fn spawn(state: AppState) -> Option<JoinHandle<()>> {
    let Some(mut provider) = provider(&state.config.telephony) else {
        tracing::info!("no SMS provider configured: outgoing SMS stay queued in the outbox");
        return None;
    };
    if let Provider::Twilio { receipts_url, .. } = &mut provider {
        *receipts_url = Some(super::link(&state, "/telephony/sms/status"));
    }
    crate::install_tls_provider();
    let client = match reqwest::Client::builder().timeout(state.config.smtp_timeout).build() {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e, "SMS sender: no HTTP client");
            return None;
        }
    };
    Some(tokio::spawn(async move {
        loop {
            loop {
                match send_due(&state, &client, &provider).await {
                    Ok(0) => break,
                    Ok(_) => continue,
                    Err(e) => {
                        tracing::warn!(error = %e, "SMS sender: could not read the outbox");
                        break;
                    }
                }
            }
            tokio::select! {
                _ = state.sms_wakeup.notified() => {}
                _ = tokio::time::sleep(state.config.mail_poll_every) => {}
            }
        }
    }))
}

/// Claims one batch of due SMS and tries each. Returns how many were claimed.
pub async fn send_due(state: &AppState, client: &reqwest::Client, provider: &Provider) -> Result<usize, relais_store::StoreError> {
    let config = &state.config;
    let batch = state.store.claim_due_sms(now_ms(), config.mail_lease, CLAIM_BATCH).await?;
    for msg in &batch {
        let outcome = try_one(state, client, provider, msg).await;
        let now = now_ms();
        let stored = match outcome {
            Outcome::Sent(sid) => {
                tracing::info!(message_id = msg.id, attempt = msg.attempts, "SMS sent");
                state.store.mark_sms_sent(msg.id, sid.as_deref(), now).await
            }
            Outcome::Failed { error, permanent } => crate::mailer::record_failure(state, msg, &error, permanent, now, "SMS").await,
        };
        if let Err(e) = stored {
            tracing::warn!(message_id = msg.id, error = %e, "could not record the outcome of an SMS");
        }
    }
    Ok(batch.len())
}

async fn try_one(state: &AppState, client: &reqwest::Client, provider: &Provider, msg: &OutboxMessage) -> Outcome {
    let (Some(to), Some(text)) = (&msg.recipient, &msg.body_text) else {
        return Outcome::Failed { error: "recipient and body were erased".into(), permanent: true };
    };
    // STOP may have come in while the SMS waited: checked again right before sending.
    match state.store.sms_opted_out(to).await {
        Ok(true) => return Outcome::Failed { error: "number opted out (STOP)".into(), permanent: true },
        Ok(false) => {}
        Err(_) => return Outcome::Failed { error: "could not check the opt-out list".into(), permanent: false },
    }
    attempt(client, provider, msg.id, to, text).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::telephony::Secret;

    #[test]
    fn the_template_is_filled_with_encoded_values() {
        let url = fill_template("https://sms.example/send?to={to}&from={from}&text={text}", "+33612345678", "Relais", "Réf. A-1 & co");
        assert_eq!(url, "https://sms.example/send?to=%2B33612345678&from=Relais&text=R%C3%A9f.%20A-1%20%26%20co");
    }

    #[test]
    fn the_provider_follows_the_configuration() {
        let mut tel = TelephonyConfig { sms_outbound: true, ..TelephonyConfig::default() };
        assert_eq!(provider(&tel), None);
        tel.account_sid = "AC1".into();
        tel.auth_token = Some(Secret::new("t"));
        tel.line_number = "+33199001234".into();
        let Some(Provider::Twilio { from, account, .. }) = provider(&tel) else { panic!("twilio") };
        assert_eq!((from.as_str(), account.api_base.as_str()), ("+33199001234", "https://api.twilio.com"));
        tel.sms_sender_name = "Relais".into();
        assert!(matches!(provider(&tel), Some(Provider::Twilio { from, .. }) if from == "Relais"));
        tel.sms_http_url = Some(Secret::new("http://gw/?to={to}"));
        tel.sms_http_method = "POST".into();
        assert!(matches!(provider(&tel), Some(Provider::Http { method, .. }) if method == reqwest::Method::POST));
    }
}
