//! The journal of views of a volunteer's personal data (their phone) by coordinators and
//! administrators. Ids only, never the data.

use crate::{Result, Store};
use relais_domain::Millis;
use serde::Serialize;

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct PersonAccess {
    pub id: i64,
    pub at: Millis,
    pub user_id: i64,
    pub user_name: String,
    pub subject_id: i64,
    pub action: String,
}

impl Store {
    pub async fn record_person_access(&self, user_id: i64, subject_id: i64, action: &str, now: Millis) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query("INSERT INTO person_access_journal (at, user_id, subject_id, action) VALUES ($1, $2, $3, $4)")
                .bind(now)
                .bind(user_id)
                .bind(subject_id)
                .bind(action)
                .execute(pool)
                .await?;
        });
        Ok(())
    }

    /// Most recent first, for one volunteer.
    pub async fn person_access_journal(&self, subject_id: i64, limit: i64) -> Result<Vec<PersonAccess>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, PersonAccess>(
                "SELECT j.id, j.at, j.user_id, u.display_name AS user_name, j.subject_id, j.action \
                 FROM person_access_journal j JOIN users u ON u.id = j.user_id WHERE j.subject_id = $1 ORDER BY j.id DESC LIMIT $2",
            )
            .bind(subject_id)
            .bind(limit)
            .fetch_all(pool)
            .await?)
        })
    }
}
