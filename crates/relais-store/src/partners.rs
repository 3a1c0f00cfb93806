//! Partner accounts (issue 6; migration 0009): accounts of partner structures (CCAS, social
//! centres, France Services) with the role `partner`, invited by a coordinator through the
//! invitation machinery of `people.rs` (the same `invitations` table, the same one-time link
//! used by one conditional update), and place lookups the referral pages need.

use crate::people::token_hash;
use crate::{Result, Store, StoreError, User};
use relais_directory::Place;
use relais_domain::Millis;

/// A partner to invite.
#[derive(Debug, Clone)]
pub struct NewPartner {
    pub email: String,
    pub name: String,
    pub structure: String,
    pub network_id: i64,
    pub invited_by: i64,
    pub token: String,
    pub expires_at: Millis,
}

impl Store {
    /// Creates the partner account (pending, no password), its invitation link and its
    /// e-mail in ONE transaction. `Duplicate("email")` when the address has an account.
    pub async fn invite_partner(&self, p: &NewPartner, mail: &crate::outbox::NewMessage, now: Millis) -> Result<i64> {
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            let id: Option<(i64,)> = sqlx::query_as(
                "INSERT INTO users (email, display_name, password_hash, role, status, languages, topic_skills, on_duty, \
                 created_at, invited_by, awaiting_invitation, structure) \
                 VALUES ($1, $2, '!', 'partner', 'pending', '', '', FALSE, $3, $4, TRUE, $5) \
                 ON CONFLICT (email) DO NOTHING RETURNING id",
            )
            .bind(&p.email)
            .bind(&p.name)
            .bind(now)
            .bind(p.invited_by)
            .bind(&p.structure)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((user_id,)) = id else { return Err(StoreError::Duplicate("email")) };
            sqlx::query("INSERT INTO user_networks (user_id, network_id) VALUES ($1, $2)")
                .bind(user_id)
                .bind(p.network_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO invitations (token_hash, user_id, network_id, invited_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(token_hash(&p.token))
            .bind(user_id)
            .bind(p.network_id)
            .bind(p.invited_by)
            .bind(now)
            .bind(p.expires_at)
            .execute(&mut *tx)
            .await?;
            crate::outbox::enqueue_message_in!(&mut *tx, mail, now)?;
            tx.commit().await?;
            Ok(user_id)
        })
    }

    /// Uses a partner's invitation link once (unused, not expired, an account of role
    /// `partner`): sets the password and activates the account. `NotFound` otherwise.
    pub async fn accept_partner_invitation(&self, token: &str, password: &str, now: Millis) -> Result<User> {
        let hash = token_hash(token);
        let pw = {
            let pw = password.to_owned();
            tokio::task::spawn_blocking(move || crate::password::hash(&pw)).await.map_err(|e| StoreError::Config(e.to_string()))?
        };
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            let row: Option<(i64,)> = sqlx::query_as(
                "UPDATE invitations SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 \
                 AND user_id IN (SELECT id FROM users WHERE role = 'partner') RETURNING user_id",
            )
            .bind(now)
            .bind(&hash)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((user_id,)) = row else { return Err(StoreError::NotFound) };
            let user = sqlx::query_as::<_, User>(
                "UPDATE users SET password_hash = $1, status = 'active', awaiting_invitation = FALSE \
                 WHERE id = $2 AND status <> 'deactivated' RETURNING *",
            )
            .bind(&pw)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
            tx.commit().await?;
            Ok(user)
        })
    }

    /// Partner accounts with their structure, by structure and name.
    pub async fn partners(&self) -> Result<Vec<(User, Option<String>)>> {
        let users = on_db!(self, read, |pool, _b| {
            sqlx::query_as::<_, User>("SELECT * FROM users WHERE role = 'partner' ORDER BY structure, display_name").fetch_all(pool).await?
        });
        let mut out = Vec::with_capacity(users.len());
        for u in users {
            let s = self.partner_structure(u.id).await?;
            out.push((u, s));
        }
        Ok(out)
    }

    pub async fn partner_structure(&self, user_id: i64) -> Result<Option<String>> {
        on_db!(self, read, |pool, _b| {
            let row: Option<(Option<String>,)> =
                sqlx::query_as("SELECT structure FROM users WHERE id = $1").bind(user_id).fetch_optional(pool).await?;
            Ok(row.and_then(|(s,)| s))
        })
    }

    /// One place of the directory by id.
    pub async fn place(&self, id: &str) -> Result<Option<Place>> {
        let row: Option<(String,)> = on_db!(self, read, |pool, _b| {
            sqlx::query_as("SELECT doc FROM places WHERE id = $1").bind(id).fetch_optional(pool).await?
        });
        row.map(|(doc,)| serde_json::from_str(&doc).map_err(|e| StoreError::Corrupt(format!("place: {e}")))).transpose()
    }
}
