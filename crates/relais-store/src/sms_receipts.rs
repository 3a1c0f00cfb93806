//! SMS delivery receipts (migration 0012): the provider's `MessageStatus` and `ErrorCode`
//! for an SMS of the outbox, codes only. A receipt replaces the stored one only if it is
//! further along (`Delivery::rank`), so a retried or late receipt changes nothing.

use crate::outbox::OutboxMessage;
use crate::{Result, Store};
use relais_domain::telephony::callback::Delivery;
use relais_domain::Millis;

/// An SMS of the outbox with its last delivery receipt.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SmsWithDelivery {
    #[sqlx(flatten)]
    pub msg: OutboxMessage,
    pub delivery_status: Option<String>,
    pub delivery_error: Option<String>,
}

impl Store {
    /// Records a receipt for outbox SMS `id`. `false`: unknown SMS, or a receipt no further
    /// along than the stored one.
    pub async fn record_sms_delivery(&self, id: i64, status: Delivery, error_code: Option<&str>, now: Millis) -> Result<bool> {
        on_db!(self, write, |pool, _b| {
            let n = sqlx::query(
                "UPDATE outbox SET delivery_status = $2, delivery_rank = $3, delivery_error = $4, delivery_at = $5 \
                 WHERE id = $1 AND channel = 'sms' AND delivery_rank < $3",
            )
            .bind(id)
            .bind(status.as_str())
            .bind(status.rank())
            .bind(error_code)
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected();
            Ok(n == 1)
        })
    }

    /// The latest SMS with their receipts, newest first (the coordinators' page).
    pub async fn recent_sms_with_delivery(&self, limit: i64) -> Result<Vec<SmsWithDelivery>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, SmsWithDelivery>(
                "SELECT * FROM outbox WHERE channel = 'sms' ORDER BY created_at DESC, id DESC LIMIT $1",
            )
            .bind(limit)
            .fetch_all(pool)
            .await?)
        })
    }
}
