//! What administrators do with the e-mail outbox, shared by the page
//! (`/coordination/courriels`) and the API (`/api/v1/admin/outbox`): see the counts and the
//! latest messages with masked recipients, retry a message now, cancel one. Permission:
//! `Action::ManageOutbox`.

use crate::auth::require_user;
use relais_store::Session;
use crate::error::ApiError;
use crate::now_ms;
use crate::state::AppState;
use relais_domain::authz::Action;
use relais_domain::mail::mask_address;
use relais_store::outbox::{OutboxCounts, OutboxMessage};
use relais_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

/// Messages listed at most.
pub const LATEST: i64 = 100;

/// One message as administrators see it: no full address, no body.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OutboxItem {
    pub id: i64,
    /// `a***@example.org`; `null` once erased by retention.
    pub recipient_masked: Option<String>,
    pub subject: String,
    /// `queued`, `sent`, `failed` or `cancelled`.
    pub status: String,
    /// Sending attempts started so far.
    pub attempts: i64,
    /// Next attempt (ms since the Unix epoch), for queued messages.
    pub next_attempt_at: Option<i64>,
    /// Why the last attempt failed (SMTP code or connection problem; never an address).
    pub last_error: Option<String>,
    pub created_at: i64,
    /// When it was sent, failed for good or cancelled.
    pub finished_at: Option<i64>,
}

impl From<&OutboxMessage> for OutboxItem {
    fn from(m: &OutboxMessage) -> Self {
        OutboxItem {
            id: m.id,
            // SMS (channel `sms`) share the outbox: their numbers are masked as numbers.
            recipient_masked: m
                .recipient
                .as_deref()
                .map(|r| if m.channel == "sms" { relais_domain::phone::mask(r) } else { mask_address(r) }),
            subject: m.subject.clone(),
            status: m.status.clone(),
            attempts: m.attempts,
            next_attempt_at: (m.status == "queued").then_some(m.next_attempt_at),
            last_error: m.last_error.clone(),
            created_at: m.created_at,
            finished_at: m.finished_at,
        }
    }
}

/// Messages by state.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub struct OutboxCountsDto {
    pub queued: i64,
    pub sent: i64,
    pub failed: i64,
    pub cancelled: i64,
}

impl From<OutboxCounts> for OutboxCountsDto {
    fn from(c: OutboxCounts) -> Self {
        OutboxCountsDto { queued: c.queued, sent: c.sent, failed: c.failed, cancelled: c.cancelled }
    }
}

/// The outbox at a glance.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct OutboxView {
    /// Whether this instance has an SMTP server (`--smtp-url`); without one nothing is sent.
    pub smtp_configured: bool,
    pub counts: OutboxCountsDto,
    /// The latest messages, newest first.
    pub messages: Vec<OutboxItem>,
}

pub async fn view(state: &AppState, session: Option<&Session>, limit: i64) -> Result<OutboxView, ApiError> {
    require_user(session, Action::ManageOutbox)?;
    let counts = state.store.outbox_counts().await?;
    let messages = state.store.recent_messages(limit.clamp(1, 1000)).await?;
    Ok(OutboxView {
        smtp_configured: state.config.smtp_url.is_some(),
        counts: counts.into(),
        messages: messages.iter().map(OutboxItem::from).collect(),
    })
}

/// Makes a queued message due now, or queues a failed one again with fresh attempts.
pub async fn retry(state: &AppState, session: Option<&Session>, id: i64) -> Result<OutboxItem, ApiError> {
    let who = require_user(session, Action::ManageOutbox)?;
    let msg = state.store.retry_message(id, now_ms()).await.map_err(not_pending)?;
    tracing::info!(message_id = id, by = who.user.id, "e-mail retry asked");
    state.mail_enqueued();
    Ok(OutboxItem::from(&msg))
}

/// Cancels a message not sent yet.
pub async fn cancel(state: &AppState, session: Option<&Session>, id: i64) -> Result<OutboxItem, ApiError> {
    let who = require_user(session, Action::ManageOutbox)?;
    let msg = state.store.cancel_message(id, now_ms()).await.map_err(not_pending)?;
    tracing::info!(message_id = id, by = who.user.id, "e-mail cancelled");
    Ok(OutboxItem::from(&msg))
}

fn not_pending(e: StoreError) -> ApiError {
    match e {
        StoreError::Conflict => ApiError::Conflict {
            code: "message_not_pending",
            detail: "this message was already sent, cancelled or erased".into(),
        },
        other => other.into(),
    }
}
