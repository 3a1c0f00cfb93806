//! The retention job's storage side: erase the personal fields of closed requests whose
//! last contact is older than the cutoff, keep the anonymous facts, mark the timeline.

use crate::{Result, Store};
use relais_domain::Millis;

impl Store {
    /// Purges closed requests last contacted before `cutoff`. Returns how many.
    pub async fn purge_personal_data(&self, cutoff: Millis, now: Millis) -> Result<u64> {
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            sqlx::query(
                "INSERT INTO request_events (request_id, at, kind) SELECT id, $2, 'purged' FROM help_requests \
                 WHERE status = 'closed' AND purged_at IS NULL AND last_contact_at < $1",
            )
            .bind(cutoff)
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let n = sqlx::query(
                "UPDATE help_requests SET phone = NULL, first_name = NULL, need = NULL, note = NULL, postcode = NULL, \
                 purged_at = $2 WHERE status = 'closed' AND purged_at IS NULL AND last_contact_at < $1",
            )
            .bind(cutoff)
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            Ok(n)
        })
    }
}
