//! The access journal: who saw which request's personal data, and when. It stores ids
//! only, never the data itself.

use crate::{Result, Store};
use relais_domain::Millis;
use serde::Serialize;

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct AccessEntry {
    pub id: i64,
    pub at: Millis,
    pub user_id: i64,
    pub user_name: String,
    pub request_id: i64,
    pub action: String,
}

impl Store {
    pub async fn record_access(&self, user_id: i64, request_id: i64, action: &str, now: Millis) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query("INSERT INTO access_journal (at, user_id, request_id, action) VALUES ($1, $2, $3, $4)")
                .bind(now)
                .bind(user_id)
                .bind(request_id)
                .bind(action)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Most recent entries first; for one request when `request_id` is given.
    pub async fn access_journal(&self, request_id: Option<i64>, limit: i64) -> Result<Vec<AccessEntry>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, AccessEntry>(
                "SELECT j.id, j.at, j.user_id, u.display_name AS user_name, j.request_id, j.action \
                 FROM access_journal j JOIN users u ON u.id = j.user_id \
                 WHERE ($1 IS NULL OR j.request_id = $1) ORDER BY j.id DESC LIMIT $2",
            )
            .bind(request_id)
            .bind(limit)
            .fetch_all(pool)
            .await?)
        })
    }
}
