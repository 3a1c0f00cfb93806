//! Rows as the rest of Relais sees them.

use relais_domain::authz::Role;
use relais_domain::lifecycle::Snapshot;
use relais_domain::request::{Channel, Outcome, Status, Urgency};
use relais_domain::Millis;
use serde::Serialize;

/// A help request as stored. Personal fields are `None` once purged.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct HelpRequest {
    pub id: i64,
    pub reference: String,
    #[sqlx(try_from = "String")]
    pub channel: Channel,
    pub phone: Option<String>,
    pub first_name: Option<String>,
    pub need: Option<String>,
    pub note: Option<String>,
    pub postcode: Option<String>,
    pub area: Option<String>,
    pub topic: String,
    pub language: String,
    pub callback_windows: String,
    pub sms_consent: bool,
    pub urgency: i64,
    #[sqlx(try_from = "String")]
    pub status: Status,
    pub volunteer_id: Option<i64>,
    pub lease_until: Option<Millis>,
    pub due_at: Millis,
    pub failed_attempts: i64,
    pub preferred_volunteer_id: Option<i64>,
    pub outcome: Option<String>,
    pub first_callback_at: Option<Millis>,
    pub closed_at: Option<Millis>,
    pub last_contact_at: Millis,
    pub created_at: Millis,
    pub purged_at: Option<Millis>,
    pub version: i64,
}

impl HelpRequest {
    pub fn urgency(&self) -> Urgency {
        Urgency::from_rank(self.urgency)
    }

    pub fn outcome(&self) -> Option<Outcome> {
        self.outcome.as_deref().and_then(|o| o.parse().ok())
    }

    pub fn windows(&self) -> Vec<String> {
        crate::undelimited(&self.callback_windows)
    }

    /// The part the lifecycle rules work on.
    pub fn snapshot(&self) -> Snapshot {
        Snapshot {
            status: self.status,
            volunteer_id: self.volunteer_id,
            lease_until: self.lease_until,
            due_at: self.due_at,
            failed_attempts: self.failed_attempts.max(0) as u32,
            preferred_volunteer_id: self.preferred_volunteer_id,
            outcome: self.outcome(),
            first_callback_at: self.first_callback_at,
            closed_at: self.closed_at,
            last_contact_at: self.last_contact_at,
        }
    }
}

/// What intake hands to storage, already validated and normalised.
#[derive(Debug, Clone)]
pub struct NewHelpRequest {
    pub channel: Channel,
    pub phone: String,
    pub first_name: Option<String>,
    pub need: Option<String>,
    pub postcode: Option<String>,
    pub topic: String,
    pub language: String,
    pub callback_windows: Vec<String>,
    pub sms_consent: bool,
    pub urgency: Urgency,
}

/// One line of a request's timeline.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct TimelineEvent {
    pub id: i64,
    pub at: Millis,
    pub kind: String,
    pub actor_id: Option<i64>,
    pub actor_name: Option<String>,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    Pending,
    Active,
    Deactivated,
}

impl AccountStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountStatus::Pending => "pending",
            AccountStatus::Active => "active",
            AccountStatus::Deactivated => "deactivated",
        }
    }
}

impl std::str::FromStr for AccountStatus {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "pending" => Ok(AccountStatus::Pending),
            "active" => Ok(AccountStatus::Active),
            "deactivated" => Ok(AccountStatus::Deactivated),
            other => Err(format!("unknown account status {other:?}")),
        }
    }
}

impl TryFrom<String> for AccountStatus {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
    }
}

/// A volunteer, coordinator or administrator.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct User {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    #[serde(skip)]
    pub password_hash: String,
    #[sqlx(try_from = "String")]
    pub role: RoleCode,
    #[sqlx(try_from = "String")]
    pub status: AccountStatus,
    pub languages: String,
    pub topic_skills: String,
    pub on_duty: bool,
    pub created_at: Millis,
    /// May edit tutorials (with the coordinator role; administrators always may).
    pub editor: bool,
}

/// [`Role`] as stored (a string column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct RoleCode(pub Role);

impl TryFrom<String> for RoleCode {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse().map(RoleCode)
    }
}

impl User {
    pub fn role(&self) -> Role {
        self.role.0
    }
    pub fn language_list(&self) -> Vec<String> {
        crate::undelimited(&self.languages)
    }
    pub fn skill_list(&self) -> Vec<String> {
        crate::undelimited(&self.topic_skills)
    }
    pub fn dispatch_profile(&self) -> relais_domain::dispatch::Volunteer {
        relais_domain::dispatch::Volunteer {
            id: self.id,
            languages: self.language_list(),
            topic_skills: self.skill_list(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub display_name: String,
    pub password: String,
    pub role: Role,
    pub status: AccountStatus,
    pub languages: Vec<String>,
    pub topic_skills: Vec<String>,
    pub networks: Vec<i64>,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Topic {
    pub id: String,
    pub label_fr: String,
    pub label_en: String,
    pub pictogram: String,
    pub priority: bool,
    pub position: i64,
    pub active: bool,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Network {
    pub id: i64,
    pub name: String,
}

/// A signed-in session (web cookie or API bearer token).
#[derive(Debug, Clone)]
pub struct Session {
    pub user: User,
    pub csrf_token: String,
    pub networks: Vec<i64>,
    pub expires_at: Millis,
}
