//! The volunteer charter, versioned: an edit adds a version, so an acceptance always names
//! the exact text the person agreed to. Version 1 (the shipped French text) comes from
//! migration 0004.

use crate::{Result, Store, StoreError};
use relais_domain::Millis;
use serde::Serialize;

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct CharterVersion {
    pub version: i64,
    pub body: String,
    pub created_at: Millis,
    pub created_by: Option<i64>,
}

impl Store {
    /// The current (latest) charter.
    pub async fn charter(&self) -> Result<CharterVersion> {
        on_db!(self, read, |pool, _b| {
            sqlx::query_as::<_, CharterVersion>("SELECT * FROM charter_versions ORDER BY version DESC LIMIT 1")
                .fetch_optional(pool)
                .await?
                .ok_or(StoreError::NotFound)
        })
    }

    pub async fn charter_version(&self, version: i64) -> Result<CharterVersion> {
        on_db!(self, read, |pool, _b| {
            sqlx::query_as::<_, CharterVersion>("SELECT * FROM charter_versions WHERE version = $1")
                .bind(version)
                .fetch_optional(pool)
                .await?
                .ok_or(StoreError::NotFound)
        })
    }

    /// Stores a new version of the charter; returns it. Two editors saving at once both get
    /// a version (the primary key refuses the second number, which is then retried once).
    pub async fn save_charter(&self, body: &str, by: i64, now: Millis) -> Result<CharterVersion> {
        for _ in 0..2 {
            let saved: Result<CharterVersion> = on_db!(self, write, |pool, _b| {
                sqlx::query_as::<_, CharterVersion>(
                    "INSERT INTO charter_versions (version, body, created_at, created_by) \
                     SELECT COALESCE(MAX(version), 0) + 1, $1, $2, $3 FROM charter_versions RETURNING *",
                )
                .bind(body)
                .bind(now)
                .bind(by)
                .fetch_one(pool)
                .await
                .map_err(|e| if StoreError::is_unique_violation(&e) { StoreError::Conflict } else { e.into() })
            });
            match saved {
                Err(StoreError::Conflict) => continue,
                other => return other,
            }
        }
        Err(StoreError::Conflict)
    }
}
