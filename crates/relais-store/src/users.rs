//! Accounts of volunteers, coordinators and administrators.

use crate::models::{AccountStatus, NewUser, User};
use crate::{delimited, password, Result, Store, StoreError};
use relais_domain::Millis;
use serde::Serialize;

/// A user with the networks they belong to (for lists and scoping).
#[derive(Debug, Clone, Serialize)]
pub struct UserWithNetworks {
    #[serde(flatten)]
    pub user: User,
    pub networks: Vec<i64>,
}

impl Store {
    /// Creates an account. The e-mail is compared case-insensitively; a taken one gives
    /// `Duplicate("email")`. Hashing runs off the async threads.
    pub async fn create_user(&self, new: &NewUser, now: Millis) -> Result<User> {
        let pw = new.password.clone();
        let hash = tokio::task::spawn_blocking(move || password::hash(&pw))
            .await
            .map_err(|e| StoreError::Config(e.to_string()))?;
        let email = new.email.trim().to_lowercase();
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            let user = sqlx::query_as::<_, User>(
                "INSERT INTO users (email, display_name, password_hash, role, status, languages, topic_skills, on_duty, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, FALSE, $8) RETURNING *",
            )
            .bind(&email)
            .bind(new.display_name.trim())
            .bind(&hash)
            .bind(new.role.as_str())
            .bind(new.status.as_str())
            .bind(delimited(&new.languages))
            .bind(delimited(&new.topic_skills))
            .bind(now)
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| if StoreError::is_unique_violation(&e) { StoreError::Duplicate("email") } else { e.into() })?;
            for n in &new.networks {
                sqlx::query("INSERT INTO user_networks (user_id, network_id) VALUES ($1, $2)")
                    .bind(user.id)
                    .bind(*n)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| {
                        if StoreError::is_foreign_key_violation(&e) { StoreError::UnknownReference("network") } else { e.into() }
                    })?;
            }
            tx.commit().await?;
            Ok(user)
        })
    }

    pub async fn user_by_email(&self, email: &str) -> Result<Option<User>> {
        let email = email.trim().to_lowercase();
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, User>("SELECT * FROM users WHERE email = $1").bind(&email).fetch_optional(pool).await?)
        })
    }

    pub async fn user(&self, id: i64) -> Result<User> {
        on_db!(self, read, |pool, _b| {
            sqlx::query_as::<_, User>("SELECT * FROM users WHERE id = $1").bind(id).fetch_optional(pool).await?.ok_or(StoreError::NotFound)
        })
    }

    /// The active account with these credentials, if any. Takes the same time whether the
    /// e-mail exists or not.
    pub async fn authenticate(&self, email: &str, pw: &str) -> Result<Option<User>> {
        let user = self.user_by_email(email).await?;
        let hash = user.as_ref().map(|u| u.password_hash.clone()).unwrap_or_else(|| password::decoy_hash().to_owned());
        let pw = pw.to_owned();
        let ok = tokio::task::spawn_blocking(move || password::verify(&pw, &hash))
            .await
            .map_err(|e| StoreError::Config(e.to_string()))?;
        Ok(user.filter(|u| ok && u.status == AccountStatus::Active))
    }

    pub async fn user_networks(&self, user_id: i64) -> Result<Vec<i64>> {
        on_db!(self, read, |pool, _b| {
            let rows: Vec<(i64,)> = sqlx::query_as("SELECT network_id FROM user_networks WHERE user_id = $1 ORDER BY network_id")
                .bind(user_id)
                .fetch_all(pool)
                .await?;
            Ok(rows.into_iter().map(|(n,)| n).collect())
        })
    }

    /// Every account with its networks, volunteers first then by name.
    pub async fn list_users(&self) -> Result<Vec<UserWithNetworks>> {
        let (users, links): (Vec<User>, Vec<(i64, i64)>) = on_db!(self, read, |pool, _b| {
            let users = sqlx::query_as::<_, User>("SELECT * FROM users ORDER BY role DESC, display_name").fetch_all(pool).await?;
            let links = sqlx::query_as("SELECT user_id, network_id FROM user_networks").fetch_all(pool).await?;
            (users, links)
        });
        Ok(users
            .into_iter()
            .map(|u| {
                let networks = links.iter().filter(|(uid, _)| *uid == u.id).map(|(_, n)| *n).collect();
                UserWithNetworks { user: u, networks }
            })
            .collect())
    }

    pub async fn set_user_status(&self, id: i64, status: AccountStatus) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            let done = sqlx::query("UPDATE users SET status = $1, on_duty = CASE WHEN $1 = 'active' THEN on_duty ELSE FALSE END WHERE id = $2")
                .bind(status.as_str())
                .bind(id)
                .execute(&mut *tx)
                .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            if status != AccountStatus::Active {
                // A deactivated account is signed out everywhere at once.
                sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    pub async fn set_on_duty(&self, id: i64, on_duty: bool) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query("UPDATE users SET on_duty = $1 WHERE id = $2").bind(on_duty).bind(id).execute(pool).await?;
            Ok(())
        })
    }

    /// How many accounts exist (the demo seeds only an empty database).
    pub async fn count_users(&self) -> Result<i64> {
        on_db!(self, read, |pool, _b| {
            let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(pool).await?;
            Ok(n)
        })
    }
}
