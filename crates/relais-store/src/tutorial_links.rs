//! Sending a tutorial's link to the person of a request, during a call: the message goes
//! into the e-mail outbox and the request's timeline gets a `tutorial_sent` event, in one
//! transaction. The event says which tutorial and by which channel, never the address or
//! the message (the address lives only in the outbox message, erased by its retention job).

use crate::outbox::{enqueue_message_in, NewMessage};
use crate::sms_outbox::{enqueue_sms_in, SmsEnqueued};
use crate::tutorials::{sent_detail, EVENT_TUTORIAL_SENT};
use crate::{Result, Store};
use relais_domain::Millis;

impl Store {
    /// Queues `msg` and records the event, only if `volunteer_id` holds the request now
    /// (`StoreError::Transition(NotHolder)` otherwise; nothing is written then).
    pub async fn send_tutorial_link(
        &self,
        request_id: i64,
        volunteer_id: i64,
        slug: &str,
        channel: &str,
        msg: &NewMessage,
        now: Millis,
    ) -> Result<SmsEnqueued> {
        on_db!(self, write, |pool, backend| {
            let mut tx = pool.begin().await?;
            crate::write_steps::require_holder_in!(tx, backend, request_id, volunteer_id).await?;
            // A form sent twice (same idempotency key) queues one mail and records one event.
            // By SMS (`channel` "sms", `msg.recipient` a number) an opted-out number gets nothing.
            let queued = if channel == "sms" {
                enqueue_sms_in!(&mut *tx, msg, now)?
            } else if enqueue_message_in!(&mut *tx, msg, now)? {
                SmsEnqueued::Queued
            } else {
                SmsEnqueued::Known
            };
            if queued != SmsEnqueued::Queued {
                return Ok(queued);
            }
            sqlx::query("INSERT INTO request_events (request_id, at, kind, actor_id, detail) VALUES ($1, $2, $3, $4, $5)")
                .bind(request_id)
                .bind(now)
                .bind(EVENT_TUTORIAL_SENT)
                .bind(volunteer_id)
                .bind(sent_detail(channel, slug))
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(SmsEnqueued::Queued)
        })
    }
}
