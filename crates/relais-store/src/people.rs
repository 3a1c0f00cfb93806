//! The people of the volunteer network beyond their account: sign-up, the profile columns
//! (phone and who sees it, hours, notification preferences, charter acceptance), invited
//! accounts and their one-time links, and the "independent" network. Badges, the charter
//! and the journal of views of a volunteer's personal data are in `badges.rs`,
//! `charter.rs` and `person_journal.rs`.

use crate::models::{AccountStatus, User};
use crate::{delimited, password, Network, Result, Store, StoreError};
use relais_domain::Millis;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// The SHA-256 (hex) of a one-time token: only this is stored.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// The profile columns of an account.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Profile {
    pub id: i64,
    /// E.164; personal: shown to coordinators only when `phone_visible_to` allows it.
    #[serde(skip)]
    pub phone: Option<String>,
    pub phone_visible_to: String,
    pub max_hours_per_week: Option<i64>,
    pub email_reminders: bool,
    pub email_appeals: bool,
    pub charter_version: Option<i64>,
    pub charter_accepted_at: Option<Millis>,
    pub signed_up_at: Option<Millis>,
    pub invited_by: Option<i64>,
    pub awaiting_invitation: bool,
}

/// A public sign-up, already checked.
#[derive(Debug, Clone)]
pub struct NewSignup {
    pub name: String,
    pub email: String,
    pub password: String,
    pub phone: Option<String>,
    pub network_id: i64,
    pub languages: Vec<String>,
    pub topics: Vec<String>,
    pub max_hours_per_week: Option<i64>,
    pub charter_version: i64,
}

/// What a volunteer changes on their profile.
#[derive(Debug, Clone)]
pub struct ProfileUpdate {
    pub languages: Vec<String>,
    pub topics: Vec<String>,
    pub max_hours_per_week: Option<i64>,
    pub email_reminders: bool,
    pub email_appeals: bool,
    pub phone: Option<String>,
    pub phone_visible_to: relais_domain::people::PhoneVisibility,
}

/// One person of an invitation file, with the hash of their link's token.
#[derive(Debug, Clone)]
pub struct NewInvitation {
    pub name: String,
    pub email: String,
    pub languages: Vec<String>,
    pub topics: Vec<String>,
    pub token_hash: String,
    /// `Some`: a partner account of this structure (role `partner`), not a volunteer.
    pub structure: Option<String>,
}

/// A stored invitation link.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Invitation {
    pub id: i64,
    pub user_id: i64,
    pub network_id: i64,
    pub invited_by: i64,
    pub created_at: Millis,
    pub expires_at: Millis,
    pub used_at: Option<Millis>,
}

/// What an invitation batch did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct InviteOutcome {
    /// E-mails of the people invited now (their accounts and e-mails were created).
    #[serde(skip)]
    pub invited: Vec<String>,
    pub invited_count: usize,
    /// Rows whose e-mail already had an account (invited before, or signed up): left alone.
    pub already_known: usize,
}

/// Why an invitation link cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkState {
    Usable,
    Used,
    Expired,
}

impl Invitation {
    pub fn state(&self, now: Millis) -> LinkState {
        if self.used_at.is_some() {
            LinkState::Used
        } else if now >= self.expires_at {
            LinkState::Expired
        } else {
            LinkState::Usable
        }
    }
}

async fn hash_off_thread(pw: String) -> Result<String> {
    tokio::task::spawn_blocking(move || password::hash(&pw)).await.map_err(|e| StoreError::Config(e.to_string()))
}

impl Store {
    /// The network that stands for "independent" (created by migration 0004).
    pub async fn independent_network(&self) -> Result<Network> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, Network>("SELECT id, name FROM networks WHERE independent").fetch_one(pool).await?)
        })
    }

    pub async fn network(&self, id: i64) -> Result<Network> {
        on_db!(self, read, |pool, _b| {
            sqlx::query_as::<_, Network>("SELECT id, name FROM networks WHERE id = $1")
                .bind(id)
                .fetch_optional(pool)
                .await?
                .ok_or(StoreError::NotFound)
        })
    }

    pub async fn profile(&self, user_id: i64) -> Result<Profile> {
        on_db!(self, read, |pool, _b| {
            sqlx::query_as::<_, Profile>(
                "SELECT id, phone, phone_visible_to, max_hours_per_week, email_reminders, email_appeals, charter_version, \
                 charter_accepted_at, signed_up_at, invited_by, awaiting_invitation FROM users WHERE id = $1",
            )
            .bind(user_id)
            .fetch_optional(pool)
            .await?
            .ok_or(StoreError::NotFound)
        })
    }

    /// Creates a pending volunteer account from the public page, and enqueues `mail` in the
    /// same transaction. A taken e-mail gives `Duplicate("email")` and writes nothing.
    pub async fn sign_up(&self, new: &NewSignup, mail: &crate::outbox::NewMessage, now: Millis) -> Result<User> {
        let hash = hash_off_thread(new.password.clone()).await?;
        let email = relais_domain::people::normalize_email(&new.email);
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            let user = sqlx::query_as::<_, User>(
                "INSERT INTO users (email, display_name, password_hash, role, status, languages, topic_skills, on_duty, created_at, \
                 phone, max_hours_per_week, charter_version, charter_accepted_at, signed_up_at) \
                 VALUES ($1, $2, $3, 'volunteer', 'pending', $4, $5, FALSE, $6, $7, $8, $9, $6, $6) RETURNING *",
            )
            .bind(&email)
            .bind(new.name.trim())
            .bind(&hash)
            .bind(delimited(&new.languages))
            .bind(delimited(&new.topics))
            .bind(now)
            .bind(new.phone.as_deref())
            .bind(new.max_hours_per_week)
            .bind(new.charter_version)
            .fetch_one(&mut *tx)
            .await
            .map_err(|e| if StoreError::is_unique_violation(&e) { StoreError::Duplicate("email") } else { e.into() })?;
            sqlx::query("INSERT INTO user_networks (user_id, network_id) VALUES ($1, $2)")
                .bind(user.id)
                .bind(new.network_id)
                .execute(&mut *tx)
                .await
                .map_err(|e| if StoreError::is_foreign_key_violation(&e) { StoreError::UnknownReference("network") } else { e.into() })?;
            crate::outbox::enqueue_message_in!(&mut *tx, mail, now)?;
            tx.commit().await?;
            Ok(user)
        })
    }

    /// Changes an account's status (like [`Store::set_user_status`]) and enqueues `mail` in
    /// the same transaction: the approval e-mail goes out exactly when the approval holds.
    pub async fn set_user_status_with_mail(
        &self,
        id: i64,
        status: AccountStatus,
        mail: Option<&crate::outbox::NewMessage>,
        now: Millis,
    ) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            let done = sqlx::query(
                "UPDATE users SET status = $1, on_duty = CASE WHEN $1 = 'active' THEN on_duty ELSE FALSE END WHERE id = $2",
            )
            .bind(status.as_str())
            .bind(id)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            if status != AccountStatus::Active {
                sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(id).execute(&mut *tx).await?;
            }
            if let Some(mail) = mail {
                crate::outbox::enqueue_message_in!(&mut *tx, mail, now)?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Saves what a volunteer changed on their profile.
    pub async fn save_profile(&self, user_id: i64, p: &ProfileUpdate) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            let done = sqlx::query(
                "UPDATE users SET languages = $1, topic_skills = $2, max_hours_per_week = $3, email_reminders = $4, \
                 email_appeals = $5, phone = $6, phone_visible_to = $7 WHERE id = $8",
            )
            .bind(delimited(&p.languages))
            .bind(delimited(&p.topics))
            .bind(p.max_hours_per_week)
            .bind(p.email_reminders)
            .bind(p.email_appeals)
            .bind(p.phone.as_deref())
            .bind(p.phone_visible_to.as_str())
            .bind(user_id)
            .execute(pool)
            .await?;
            if done.rows_affected() == 0 {
                return Err(StoreError::NotFound);
            }
            Ok(())
        })
    }

    /// Records that the person accepted charter `version`.
    pub async fn accept_charter(&self, user_id: i64, version: i64, now: Millis) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            sqlx::query("UPDATE users SET charter_version = $1, charter_accepted_at = $2 WHERE id = $3")
                .bind(version)
                .bind(now)
                .bind(user_id)
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// Invites everyone of a checked file into `network_id`, all in ONE transaction with
    /// their e-mails: the accounts (pending, waiting for their link, no password), their
    /// network, their link and their e-mail. A row whose e-mail already has an account is
    /// left alone, so sending the same file again invites nobody twice. `rows` pairs each
    /// person with the e-mail carrying their link.
    pub async fn invite(
        &self,
        network_id: i64,
        invited_by: i64,
        expires_at: Millis,
        rows: &[(NewInvitation, crate::outbox::NewMessage)],
        now: Millis,
    ) -> Result<InviteOutcome> {
        let mut outcome = InviteOutcome::default();
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            for (inv, mail) in rows {
                // No password: '!' is not a hash, so no password signs in until the link is used.
                let id: Option<(i64,)> = sqlx::query_as(
                    "INSERT INTO users (email, display_name, password_hash, role, status, languages, topic_skills, on_duty, \
                     created_at, invited_by, awaiting_invitation, structure) \
                     VALUES ($1, $2, '!', $7, 'pending', $3, $4, FALSE, $5, $6, TRUE, $8) \
                     ON CONFLICT (email) DO NOTHING RETURNING id",
                )
                .bind(&inv.email)
                .bind(&inv.name)
                .bind(delimited(&inv.languages))
                .bind(delimited(&inv.topics))
                .bind(now)
                .bind(invited_by)
                .bind(if inv.structure.is_some() { "partner" } else { "volunteer" })
                .bind(&inv.structure)
                .fetch_optional(&mut *tx)
                .await?;
                let Some((user_id,)) = id else {
                    outcome.already_known += 1;
                    continue;
                };
                sqlx::query("INSERT INTO user_networks (user_id, network_id) VALUES ($1, $2)")
                    .bind(user_id)
                    .bind(network_id)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| if StoreError::is_foreign_key_violation(&e) { StoreError::UnknownReference("network") } else { e.into() })?;
                sqlx::query(
                    "INSERT INTO invitations (token_hash, user_id, network_id, invited_by, created_at, expires_at) \
                     VALUES ($1, $2, $3, $4, $5, $6)",
                )
                .bind(&inv.token_hash)
                .bind(user_id)
                .bind(network_id)
                .bind(invited_by)
                .bind(now)
                .bind(expires_at)
                .execute(&mut *tx)
                .await?;
                crate::outbox::enqueue_message_in!(&mut *tx, mail, now)?;
                outcome.invited.push(inv.email.clone());
            }
            tx.commit().await?;
        });
        outcome.invited_count = outcome.invited.len();
        Ok(outcome)
    }

    /// The invitation of a link's token, used or not.
    pub async fn invitation(&self, token: &str) -> Result<Option<Invitation>> {
        let hash = token_hash(token);
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, Invitation>(
                "SELECT id, user_id, network_id, invited_by, created_at, expires_at, used_at FROM invitations WHERE token_hash = $1",
            )
            .bind(&hash)
            .fetch_optional(pool)
            .await?)
        })
    }

    /// Uses a link once: marks it used (only if unused and not expired — one statement, so two
    /// tabs cannot both use it), sets the password and the profile, records the charter, and
    /// activates the account (even one a coordinator activated meanwhile; never one deactivated). `NotFound` when
    /// the link is unknown, used or expired.
    pub async fn accept_invitation(
        &self,
        token: &str,
        password: &str,
        profile: &ProfileUpdate,
        charter_version: i64,
        now: Millis,
    ) -> Result<User> {
        let hash = token_hash(token);
        let pw = hash_off_thread(password.to_owned()).await?;
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            let row: Option<(i64,)> = sqlx::query_as(
                "UPDATE invitations SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
            )
            .bind(now)
            .bind(&hash)
            .fetch_optional(&mut *tx)
            .await?;
            let Some((user_id,)) = row else { return Err(StoreError::NotFound) };
            let user = sqlx::query_as::<_, User>(
                "UPDATE users SET password_hash = $1, status = 'active', awaiting_invitation = FALSE, languages = $2, topic_skills = $3, \
                 max_hours_per_week = $4, email_reminders = $5, email_appeals = $6, phone = $7, phone_visible_to = $8, \
                 charter_version = $9, charter_accepted_at = $10 WHERE id = $11 AND status <> 'deactivated' RETURNING *",
            )
            .bind(&pw)
            .bind(delimited(&profile.languages))
            .bind(delimited(&profile.topics))
            .bind(profile.max_hours_per_week)
            .bind(profile.email_reminders)
            .bind(profile.email_appeals)
            .bind(profile.phone.as_deref())
            .bind(profile.phone_visible_to.as_str())
            .bind(charter_version)
            .bind(now)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or(StoreError::NotFound)?;
            tx.commit().await?;
            Ok(user)
        })
    }
}
