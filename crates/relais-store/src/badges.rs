//! Badges: a catalogue administrators extend, given to volunteers by the coordinators of
//! their networks (the scoping is checked by the caller with `relais_domain::authz`).

use crate::{Result, Store, StoreError};
use relais_domain::Millis;
use serde::Serialize;

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Badge {
    pub id: i64,
    pub label: String,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct GivenBadge {
    pub id: i64,
    pub label: String,
    pub given_at: Millis,
}

impl Store {
    pub async fn badges(&self) -> Result<Vec<Badge>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, Badge>("SELECT id, label FROM badges ORDER BY label").fetch_all(pool).await?)
        })
    }

    /// Adds a badge to the catalogue; a label already there gives `Duplicate("badge")`.
    pub async fn add_badge(&self, label: &str, now: Millis) -> Result<Badge> {
        on_db!(self, write, |pool, _b| {
            sqlx::query_as::<_, Badge>("INSERT INTO badges (label, created_at) VALUES ($1, $2) RETURNING id, label")
                .bind(label.trim())
                .bind(now)
                .fetch_one(pool)
                .await
                .map_err(|e| if StoreError::is_unique_violation(&e) { StoreError::Duplicate("badge") } else { e.into() })
        })
    }

    pub async fn user_badges(&self, user_id: i64) -> Result<Vec<GivenBadge>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, GivenBadge>(
                "SELECT b.id, b.label, ub.given_at FROM user_badges ub JOIN badges b ON b.id = ub.badge_id \
                 WHERE ub.user_id = $1 ORDER BY b.label",
            )
            .bind(user_id)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Gives a badge (giving it again changes nothing).
    pub async fn give_badge(&self, user_id: i64, badge_id: i64, by: i64, now: Millis) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query(
                "INSERT INTO user_badges (user_id, badge_id, given_by, given_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (user_id, badge_id) DO NOTHING",
            )
            .bind(user_id)
            .bind(badge_id)
            .bind(by)
            .bind(now)
            .execute(pool)
            .await
            .map_err(|e| if StoreError::is_foreign_key_violation(&e) { StoreError::UnknownReference("badge") } else { e.into() })?;
            Ok(())
        })
    }

    pub async fn remove_badge(&self, user_id: i64, badge_id: i64) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query("DELETE FROM user_badges WHERE user_id = $1 AND badge_id = $2").bind(user_id).bind(badge_id).execute(pool).await?;
            Ok(())
        })
    }
}
