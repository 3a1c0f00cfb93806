//! Private calendar-feed tokens: one per volunteer, stored as a SHA-256 hash only, so the
//! link is shown once when made; making a new one replaces (revokes) the old.

use crate::{Result, Store};
use relais_domain::Millis;
use sha2::{Digest, Sha256};

/// The stored form of a feed token.
pub fn hash_calendar_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

impl Store {
    /// When the volunteer's current feed link was made, if they have one.
    pub async fn calendar_token_made_at(&self, user_id: i64) -> Result<Option<Millis>> {
        on_db!(self, read, |pool, _b| {
            let row: Option<(Millis,)> =
                sqlx::query_as("SELECT created_at FROM calendar_tokens WHERE user_id = $1").bind(user_id).fetch_optional(pool).await?;
            Ok(row.map(|(t,)| t))
        })
    }

    /// Stores `token` (hashed) as the volunteer's feed token, replacing any earlier one.
    pub async fn replace_calendar_token(&self, user_id: i64, token: &str, now: Millis) -> Result<()> {
        let hash = hash_calendar_token(token);
        on_db!(self, write, |pool, _b| {
            sqlx::query(
                "INSERT INTO calendar_tokens (user_id, token_hash, created_at) VALUES ($1, $2, $3) \
                 ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at",
            )
            .bind(user_id)
            .bind(&hash)
            .bind(now)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// The active volunteer whose feed token this is.
    pub async fn user_by_calendar_token(&self, token: &str) -> Result<Option<i64>> {
        let hash = hash_calendar_token(token);
        on_db!(self, read, |pool, _b| {
            let row: Option<(i64,)> = sqlx::query_as(
                "SELECT t.user_id FROM calendar_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = $1 AND u.status = 'active'",
            )
            .bind(&hash)
            .fetch_optional(pool)
            .await?;
            Ok(row.map(|(id,)| id))
        })
    }
}
