//! Server-side sessions for the web (cookie) and the API (bearer token). The token is
//! random; only its SHA-256 is stored, so a copy of the database signs nobody in.

use crate::models::{Session, User};
use crate::{Result, Store};
use rand::RngCore;
use relais_domain::Millis;
use sha2::{Digest, Sha256};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionKind {
    Web,
    Api,
}

impl SessionKind {
    fn as_str(self) -> &'static str {
        match self {
            SessionKind::Web => "web",
            SessionKind::Api => "api",
        }
    }
}

pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    csrf_token: String,
    expires_at: Millis,
    #[sqlx(flatten)]
    user: User,
}

impl Store {
    /// Opens a session for `user_id`; returns the token to hand to the client.
    pub async fn create_session(&self, user_id: i64, kind: SessionKind, ttl: Millis, now: Millis) -> Result<String> {
        let token = random_token();
        let csrf = random_token();
        on_db!(self, write, |pool, _b| {
            sqlx::query("INSERT INTO sessions (token_hash, user_id, kind, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(token_hash(&token))
                .bind(user_id)
                .bind(kind.as_str())
                .bind(&csrf)
                .bind(now)
                .bind(now + ttl)
                .execute(pool)
                .await?;
        });
        Ok(token)
    }

    /// The live session for `token` of this kind, with its active user.
    pub async fn session(&self, token: &str, kind: SessionKind, now: Millis) -> Result<Option<Session>> {
        // One read for session and account: this runs on every signed-in request.
        let found: Option<SessionRow> = on_db!(self, read, |pool, _b| {
            sqlx::query_as::<_, SessionRow>(
                "SELECT s.csrf_token, s.expires_at, u.* FROM sessions s JOIN users u ON u.id = s.user_id \
                 WHERE s.token_hash = $1 AND s.kind = $2 AND s.expires_at > $3 AND u.status = 'active'",
            )
            .bind(token_hash(token))
            .bind(kind.as_str())
            .bind(now)
            .fetch_optional(pool)
            .await?
        });
        let Some(row) = found else { return Ok(None) };
        let networks = self.user_networks(row.user.id).await?;
        Ok(Some(Session { user: row.user, csrf_token: row.csrf_token, networks, expires_at: row.expires_at }))
    }

    pub async fn delete_session(&self, token: &str) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash(token)).execute(pool).await?;
        });
        Ok(())
    }

    pub async fn purge_expired_sessions(&self, now: Millis) -> Result<u64> {
        on_db!(self, write, |pool, _b| {
            Ok(sqlx::query("DELETE FROM sessions WHERE expires_at <= $1").bind(now).execute(pool).await?.rows_affected())
        })
    }
}
