//! The mail sender: a background job that claims due messages of the outbox
//! (`relais_store::outbox`), sends each over SMTP with lettre (tokio, rustls) and marks it
//! sent, or schedules the next attempt by `relais_domain::mail::RetryPolicy`, or gives up
//! (permanent 5xx rejection, too many attempts).
//!
//! Delivery is at least once: if the process dies after the SMTP server accepted a message
//! but before the `sent` mark is written, the claim lease runs out and the message is sent
//! again, with the same Message-ID (derived from its idempotency key) so that mail software
//! can recognise the duplicate.
//!
//! Without `--smtp-url` the job does not run: messages stay queued, visible to
//! administrators, and go out once an instance with SMTP starts. Logs name message ids and
//! SMTP codes only, never recipients, subjects or bodies.

use crate::config::WebConfig;
use crate::now_ms;
use crate::state::AppState;
use lettre::message::header::ContentType;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use relais_domain::mail::AfterFailure;
use relais_store::outbox::{OutboxMessage, CLAIM_BATCH};
use sha2::{Digest, Sha256};
use tokio::task::JoinHandle;

/// What is wrong with the mail settings (said at start-up; never echoes a password).
#[derive(Debug, thiserror::Error)]
pub enum MailConfigError {
    #[error("--smtp-url is not a usable SMTP URL (expected smtp://host:port, smtp://host?tls=required or smtps://user:password@host:port): {0}")]
    SmtpUrl(String),
    #[error("--mail-from {0:?} is not a mailbox (expected e.g. \"Relais <noreply@example.org>\")")]
    MailFrom(String),
}

/// Everything needed to send: the SMTP transport and the From.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

/// Reads and checks the mail settings. `Ok(None)` when no SMTP URL is configured.
pub fn from_config(config: &WebConfig) -> Result<Option<Mailer>, MailConfigError> {
    let from = parse_from(&config.mail_from)?;
    let Some(url) = &config.smtp_url else { return Ok(None) };
    let scheme = url.expose().split("://").next().unwrap_or("");
    if scheme != "smtp" && scheme != "smtps" {
        return Err(MailConfigError::SmtpUrl(format!("unknown scheme {scheme:?}")));
    }
    // lettre's messages do not contain the URL's password; keep only their text.
    let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose())
        .map_err(|e| MailConfigError::SmtpUrl(e.to_string()))?
        .timeout(Some(config.smtp_timeout))
        .build();
    Ok(Some(Mailer { transport, from }))
}

/// The From mailbox of `--mail-from`.
pub fn parse_from(s: &str) -> Result<Mailbox, MailConfigError> {
    s.parse::<Mailbox>().map_err(|_| MailConfigError::MailFrom(s.to_owned()))
}

/// A Message-ID that stays the same for every attempt of one message: a hash of its
/// idempotency key (which may hold ids, so it is not shown as is) at the sender's domain.
pub fn message_id(idempotency_key: &str, from: &Mailbox) -> String {
    let digest = Sha256::digest(idempotency_key.as_bytes());
    format!("<{}@{}>", hex::encode(&digest[..16]), from.email.domain())
}

/// Why a message could not be built (the recipient address does not parse, etc.).
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("invalid recipient address")]
    Recipient,
    #[error("recipient and body were erased")]
    Purged,
    #[error("message could not be built")]
    Message,
}

/// The mail for a stored message: text/plain UTF-8, From the line, a stable Message-ID.
pub fn build_message(msg: &OutboxMessage, from: &Mailbox) -> Result<Message, BuildError> {
    let (Some(recipient), Some(body)) = (&msg.recipient, &msg.body_text) else { return Err(BuildError::Purged) };
    let to: Mailbox = recipient.parse().map_err(|_| BuildError::Recipient)?;
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(msg.subject.clone())
        .message_id(Some(message_id(&msg.idempotency_key, from)))
        .header(ContentType::TEXT_PLAIN)
        .body(body.clone())
        .map_err(|_| BuildError::Message)
}

/// Starts the sender if SMTP is configured; says so in the log either way.
pub fn spawn(state: AppState) -> Option<JoinHandle<()>> {
    let mailer = match from_config(&state.config) {
        Ok(Some(m)) => m,
        Ok(None) => {
            tracing::warn!("no SMTP server configured (--smtp-url): e-mails stay queued in the outbox");
            return None;
        }
        Err(e) => {
            // The binary checks the settings before serving; this is for embedders.
            tracing::error!(error = %e, "mail settings are invalid: e-mails stay queued in the outbox");
            return None;
        }
    };
    Some(tokio::spawn(async move {
        loop {
            loop {
                match send_due(&state, &mailer).await {
                    Ok(0) => break,
                    Ok(_) => continue,
                    Err(e) => {
                        tracing::warn!(error = %e, "mail sender: could not read the outbox");
                        break;
                    }
                }
            }
            // Woken by an enqueue on this instance, or polls for other instances' messages,
            // retries that came due and leases that ran out.
            tokio::select! {
                _ = state.mail_wakeup.notified() => {}
                _ = tokio::time::sleep(state.config.mail_poll_every) => {}
            }
        }
    }))
}

/// Claims one batch of due messages and tries each. Returns how many were claimed.
pub async fn send_due(state: &AppState, mailer: &Mailer) -> Result<usize, relais_store::StoreError> {
    let config = &state.config;
    let batch = state.store.claim_due_messages(now_ms(), config.mail_lease, CLAIM_BATCH).await?;
    // Once the server cannot be reached, the rest of the batch is not tried against it
    // (each try could wait for the timeout and outlast the claim lease): those messages get
    // the same error and their own next attempt.
    let mut unreachable: Option<String> = None;
    for msg in &batch {
        let outcome = match (&unreachable, build_message(msg, &mailer.from)) {
            (Some(error), _) => Err((error.clone(), false)),
            (None, Ok(mail)) => match mailer.transport.send(mail).await {
                Ok(_) => Ok(()),
                Err(e) => {
                    if e.status().is_none() {
                        unreachable = Some(describe(&e));
                    }
                    Err((describe(&e), e.is_permanent()))
                }
            },
            // The same message would fail again: give up at once.
            (None, Err(e)) => Err((e.to_string(), true)),
        };
        let now = now_ms();
        let stored = match outcome {
            Ok(()) => {
                tracing::info!(message_id = msg.id, attempt = msg.attempts, "e-mail sent");
                state.store.mark_message_sent(msg.id, now).await
            }
            Err((error, permanent)) => record_failure(state, msg, &error, permanent, now, "e-mail").await,
        };
        if let Err(e) = stored {
            // The lease will run out and the message be tried again: at least once.
            tracing::warn!(message_id = msg.id, error = %e, "could not record the outcome of an e-mail");
        }
    }
    Ok(batch.len())
}

/// A failed try of an outbox message (e-mail or SMS, `what` says which in the logs): a retry
/// at the policy's next delay, or given up. Shared by both senders so they follow one rule.
pub(crate) async fn record_failure(
    state: &AppState,
    msg: &OutboxMessage,
    error: &str,
    permanent: bool,
    now: i64,
    what: &str,
) -> Result<(), relais_store::StoreError> {
    let attempts = u32::try_from(msg.attempts).unwrap_or(u32::MAX);
    match state.config.mail_retry.after_failure(attempts, permanent, now) {
        AfterFailure::RetryAt(at) => {
            tracing::warn!(message_id = msg.id, attempt = msg.attempts, error = %error, retry_in_ms = at - now, "{what} not sent, will retry");
            state.store.mark_message_retry(msg.id, at, error).await
        }
        AfterFailure::GiveUp => {
            tracing::warn!(message_id = msg.id, attempt = msg.attempts, error = %error, "{what} failed for good");
            state.store.mark_message_failed(msg.id, error, now).await
        }
    }
}

/// A short reason for administrators, without what the server said after its code (a
/// server often repeats the recipient's address there).
fn describe(e: &lettre::transport::smtp::Error) -> String {
    if let Some(code) = e.status() {
        let class = if e.is_permanent() { "rejected" } else { "temporarily refused" };
        format!("SMTP {class} ({code})")
    } else if e.is_timeout() {
        "SMTP server did not answer in time".to_owned()
    } else if e.is_tls() {
        "TLS error with the SMTP server".to_owned()
    } else {
        "could not talk to the SMTP server (connection failed or closed)".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_id_is_stable_and_at_the_sender_domain() {
        let from = parse_from("Relais <noreply@relais.example.org>").unwrap();
        let a = message_id("reminder:12:34", &from);
        assert_eq!(a, message_id("reminder:12:34", &from));
        assert_ne!(a, message_id("reminder:12:35", &from));
        assert!(a.starts_with('<') && a.ends_with("@relais.example.org>"), "{a}");
        assert!(!a.contains("reminder"));
    }

    #[test]
    fn bad_settings_are_refused_with_the_option_name() {
        let c = WebConfig { mail_from: "not a mailbox".into(), ..WebConfig::default() };
        assert!(from_config(&c).err().expect("refused").to_string().contains("--mail-from"));
        let mut c = WebConfig { smtp_url: Some("http://user:secret@mail.example.org".into()), ..WebConfig::default() };
        let e = from_config(&c).err().expect("refused").to_string();
        assert!(e.contains("--smtp-url") && !e.contains("secret"), "{e}");
        c.smtp_url = Some("smtps://user:secret@mail.example.org:465".into());
        assert!(from_config(&c).unwrap().is_some());
        c.smtp_url = None;
        assert!(from_config(&c).unwrap().is_none());
    }
}
