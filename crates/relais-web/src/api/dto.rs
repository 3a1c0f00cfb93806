//! Bodies of the JSON API, with their OpenAPI schemas.

use crate::actions::paris_time;
use relais_domain::phone;
use relais_domain::wait::WaitEstimate;
use relais_store::{HelpRequest, TimelineEvent, Topic};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct TopicDto {
    pub id: String,
    pub label_fr: String,
    pub label_en: String,
    /// Path of the SVG pictogram.
    pub pictogram_url: String,
    /// One of the three needs served first.
    pub priority: bool,
}

impl From<Topic> for TopicDto {
    fn from(t: Topic) -> Self {
        TopicDto { pictogram_url: format!("/static/pictos/{}.svg", t.pictogram), id: t.id, label_fr: t.label_fr, label_en: t.label_en, priority: t.priority }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateHelpRequest {
    /// French or international format; stored in E.164.
    pub phone: String,
    pub topic: String,
    /// ISO 639-1 code, `fr` when absent.
    pub language: Option<String>,
    /// `web` (default), `phone`, `sms` or `referral`.
    pub channel: Option<String>,
    pub first_name: Option<String>,
    pub postcode: Option<String>,
    /// Any of `morning`, `midday`, `afternoon`, `evening`.
    #[serde(default)]
    pub callback_windows: Vec<String>,
    #[serde(default)]
    pub sms_consent: bool,
    #[serde(default)]
    pub urgent: bool,
    /// The need in the person's words (at most 500 characters).
    pub need: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WaitDto {
    /// A range in minutes.
    Minutes { low: i64, high: i64 },
    /// No callback was made recently: no basis for an estimate.
    Unknown,
}

impl From<WaitEstimate> for WaitDto {
    fn from(w: WaitEstimate) -> Self {
        match w {
            WaitEstimate::Minutes { low, high } => WaitDto::Minutes { low, high },
            WaitEstimate::Unknown => WaitDto::Unknown,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedHelpRequest {
    pub id: i64,
    /// Short reference to read out on the phone, e.g. `K7M-4QX`.
    pub reference: String,
    pub status: String,
    pub estimated_wait: WaitDto,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct EventDto {
    pub at: i64,
    pub kind: String,
    pub actor: Option<String>,
    pub detail: Option<String>,
}

impl From<TimelineEvent> for EventDto {
    fn from(e: TimelineEvent) -> Self {
        EventDto { at: e.at, kind: e.kind, actor: e.actor_name, detail: e.detail }
    }
}

/// A request as its holder or a coordinator sees it. Instants are milliseconds since the
/// Unix epoch. `phone` is present only for the volunteer who holds the request.
#[derive(Debug, Serialize, ToSchema)]
pub struct HelpRequestDto {
    pub id: i64,
    pub reference: String,
    pub channel: String,
    pub status: String,
    pub topic: String,
    pub language: String,
    pub urgent: bool,
    pub first_name: Option<String>,
    pub phone: Option<String>,
    pub phone_masked: Option<String>,
    pub postcode: Option<String>,
    pub need: Option<String>,
    pub note: Option<String>,
    pub callback_windows: Vec<String>,
    pub sms_consent: bool,
    pub volunteer_id: Option<i64>,
    pub lease_until: Option<i64>,
    pub due_at: i64,
    pub failed_attempts: i64,
    pub outcome: Option<String>,
    pub created_at: i64,
    pub closed_at: Option<i64>,
    pub timeline: Vec<EventDto>,
}

impl HelpRequestDto {
    pub fn new(r: HelpRequest, timeline: Vec<TimelineEvent>, show_phone: bool) -> Self {
        HelpRequestDto {
            id: r.id,
            urgent: r.urgency > 0,
            callback_windows: r.windows(),
            phone_masked: r.phone.as_deref().map(phone::mask),
            phone: if show_phone { r.phone } else { None },
            reference: r.reference,
            channel: r.channel.to_string(),
            status: r.status.to_string(),
            topic: r.topic,
            language: r.language,
            first_name: r.first_name,
            postcode: r.postcode,
            need: r.need,
            note: r.note,
            sms_consent: r.sms_consent,
            volunteer_id: r.volunteer_id,
            lease_until: r.lease_until,
            due_at: r.due_at,
            failed_attempts: r.failed_attempts,
            outcome: r.outcome,
            created_at: r.created_at,
            closed_at: r.closed_at,
            timeline: timeline.into_iter().map(EventDto::from).collect(),
        }
    }
}

/// The state of a request after an action, without personal data.
#[derive(Debug, Serialize, ToSchema)]
pub struct RequestStateDto {
    pub id: i64,
    pub reference: String,
    pub status: String,
    pub outcome: Option<String>,
    pub volunteer_id: Option<i64>,
    pub lease_until: Option<i64>,
    pub due_at: i64,
    pub failed_attempts: i64,
}

impl From<&HelpRequest> for RequestStateDto {
    fn from(r: &HelpRequest) -> Self {
        RequestStateDto {
            id: r.id,
            reference: r.reference.clone(),
            status: r.status.to_string(),
            outcome: r.outcome.clone(),
            volunteer_id: r.volunteer_id,
            lease_until: r.lease_until,
            due_at: r.due_at,
            failed_attempts: r.failed_attempts,
        }
    }
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AttemptBody {
    /// `reached`, `no_answer`, `voicemail` or `wrong_number`.
    pub result: String,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct CloseBody {
    /// `resolved`, `oriented`, `follow_up`, `unreachable`, `cancelled` or `out_of_scope`.
    pub outcome: String,
    /// Short note (at most 1000 characters); erased after the retention period.
    pub note: Option<String>,
    /// For `follow_up`: when to call back (ms since the Unix epoch).
    pub follow_up_at: Option<i64>,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct AssignBody {
    pub volunteer_id: i64,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct TokenRequest {
    pub email: String,
    pub password: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    pub token: String,
    pub token_type: String,
    pub expires_at: i64,
    pub role: String,
}

#[derive(Debug, Deserialize, Serialize, ToSchema)]
pub struct DutyBody {
    pub on_duty: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QueueItemDto {
    pub id: i64,
    pub reference: String,
    pub channel: String,
    pub topic: String,
    pub language: String,
    pub urgent: bool,
    pub status: String,
    pub volunteer_id: Option<i64>,
    pub volunteer_name: Option<String>,
    pub lease_until: Option<i64>,
    pub waiting_since: i64,
    pub failed_attempts: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QueueDto {
    pub waiting: i64,
    pub scheduled_later: i64,
    pub assigned: i64,
    pub oldest_wait_seconds: Option<i64>,
    pub on_duty: i64,
    pub items: Vec<QueueItemDto>,
}

impl From<relais_store::requests::QueueOverview> for QueueDto {
    fn from(q: relais_store::requests::QueueOverview) -> Self {
        QueueDto {
            waiting: q.waiting_due,
            scheduled_later: q.waiting_later,
            assigned: q.assigned,
            oldest_wait_seconds: q.oldest_wait_ms.map(|m| m / 1000),
            on_duty: q.on_duty,
            items: q
                .items
                .into_iter()
                .map(|i| QueueItemDto {
                    id: i.id,
                    reference: i.reference,
                    channel: i.channel,
                    topic: i.topic,
                    language: i.language,
                    urgent: i.urgency > 0,
                    status: i.status,
                    volunteer_id: i.volunteer_id,
                    volunteer_name: i.volunteer_name,
                    lease_until: i.lease_until,
                    waiting_since: i.due_at,
                    failed_attempts: i.failed_attempts,
                })
                .collect(),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct CountDto {
    pub key: String,
    pub count: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StatsDto {
    pub from: i64,
    pub to: i64,
    /// `from` in Europe/Paris, for reading.
    pub from_local: String,
    pub created: i64,
    pub closed: i64,
    pub by_channel: Vec<CountDto>,
    pub by_topic: Vec<CountDto>,
    pub by_outcome: Vec<CountDto>,
    pub median_wait_to_first_callback_seconds: Option<i64>,
    pub first_callbacks: i64,
    /// Referrals to a place sent in the period, by state now (`sent`, `accepted`, `refused`,
    /// `expired`, `done`, `no_show`).
    pub by_referral_state: Vec<CountDto>,
}

impl From<relais_store::stats::PeriodStats> for StatsDto {
    fn from(s: relais_store::stats::PeriodStats) -> Self {
        let c = |v: Vec<relais_store::stats::Count>| v.into_iter().map(|c| CountDto { key: c.key, count: c.count }).collect();
        StatsDto {
            from_local: paris_time(s.from),
            from: s.from,
            to: s.to,
            created: s.created,
            closed: s.closed,
            by_channel: c(s.by_channel),
            by_topic: c(s.by_topic),
            by_outcome: c(s.by_outcome),
            median_wait_to_first_callback_seconds: s.median_wait_to_first_callback_ms.map(|m| m / 1000),
            first_callbacks: s.first_callbacks,
            by_referral_state: c(s.by_referral_state),
        }
    }
}
