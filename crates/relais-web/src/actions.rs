//! What people do, shared by the pages and the JSON API: each function checks the
//! permission (through `relais_domain::authz`), calls storage, writes the access journal
//! where personal data is shown, and tells live views that the queue changed.

use crate::auth::{require, require_user};
use crate::error::ApiError;
use crate::intake::{self, IntakeInput};
use crate::state::AppState;
use crate::now_ms;
use relais_domain::authz::Action;
use relais_domain::lifecycle::Command;
use relais_domain::request::Channel;
use relais_domain::wait::{self, WaitEstimate};
use relais_store::{HelpRequest, Session, TimelineEvent};

/// Stores a new request from the public or a partner; returns it with the wait estimate.
pub async fn submit(state: &AppState, input: &IntakeInput, default_channel: Channel) -> Result<(HelpRequest, WaitEstimate), ApiError> {
    let new = intake::validate(&state.store, input, default_channel).await?.map_err(ApiError::Validation)?;
    let now = now_ms();
    let req = state.store.create_request(&new, now).await?;
    tracing::info!(request = req.id, channel = %req.channel, topic = %req.topic, "help request received");
    state.notify_queue();
    let estimate = estimate(state, &req).await?;
    Ok((req, estimate))
}

pub async fn estimate(state: &AppState, req: &HelpRequest) -> Result<WaitEstimate, ApiError> {
    let inputs = state.store.wait_inputs(req, now_ms()).await?;
    Ok(wait::estimate(inputs.ahead, inputs.first_callbacks_in_window))
}

/// Goes on or off duty. Going off duty keeps held requests: the volunteer closes or
/// releases them, or their lease runs out.
pub async fn set_duty(state: &AppState, session: Option<&Session>, on_duty: bool) -> Result<(), ApiError> {
    let s = require_user(session, Action::Serve)?;
    state.store.set_on_duty(s.user.id, on_duty).await?;
    state.notify_queue();
    Ok(())
}

/// Claims the next request for the signed-in volunteer (who must be on duty, by hand or
/// by being on a booked shift now).
pub async fn take_next(state: &AppState, session: Option<&Session>) -> Result<Option<HelpRequest>, ApiError> {
    let s = require_user(session, Action::Serve)?;
    // The session (and its duty flag) was read for this very request.
    let user = &s.user;
    // Dispatch follows the schedule: a volunteer on a booked shift in progress is on duty
    // without pressing the button; outside a shift the button decides.
    if !user.on_duty && !state.store.on_shift(user.id, now_ms()).await? {
        return Err(ApiError::Conflict { code: "not_on_duty", detail: "go on duty before taking a request".into() });
    }
    let claimed = state.store.claim_next(user, now_ms(), &state.config.policy).await?;
    if let Some(r) = &claimed {
        // The claim's access-journal line was written in the claim's own transaction.
        tracing::info!(request = r.id, volunteer = user.id, "request claimed");
        state.notify_queue();
    }
    Ok(claimed)
}

/// A request's details for someone allowed to see them: the volunteer who holds it, or a
/// coordinator. Records the view in the access journal. The flag says whether the full
/// phone number may be shown (only to the holder).
pub async fn view(state: &AppState, session: Option<&Session>, id: i64) -> Result<(HelpRequest, Vec<TimelineEvent>, bool), ApiError> {
    let s = require_user(session, Action::ViewRequest)?;
    let req = state.store.get_request(id).await?;
    let holder = req.snapshot().is_held_by(s.user.id);
    let coordinator = require(Some(s), Action::ViewQueue).is_ok();
    if !holder && !coordinator {
        return Err(ApiError::Forbidden);
    }
    state.store.record_access(s.user.id, id, "view", now_ms()).await?;
    let timeline = state.store.timeline(id).await?;
    Ok((req, timeline, holder))
}

/// Applies a lifecycle command on behalf of the signed-in volunteer or coordinator.
pub async fn act(state: &AppState, session: Option<&Session>, id: i64, cmd: Command, note: Option<&str>) -> Result<HelpRequest, ApiError> {
    let action = if matches!(cmd, Command::Assign { .. }) { Action::AssignRequest } else { Action::Serve };
    require_user(session, action)?;
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > 1000) {
        return Err(ApiError::field("note", "error-too-long", "at most 1000 characters"));
    }
    if let Command::Assign { volunteer, .. } = cmd {
        let target = state.store.user(volunteer).await.map_err(|_| ApiError::field("volunteer_id", "error-unknown", "unknown volunteer"))?;
        if target.status != relais_store::AccountStatus::Active {
            return Err(ApiError::field("volunteer_id", "error-volunteer-inactive", "this volunteer's account is not active"));
        }
    }
    let req = if let Command::Attempt { .. } = cmd {
        // With the "we tried to reach you" SMS in the same transaction, when due.
        let extras = relais_store::line_calls::AttemptExtras { line_call: None, tried_sms: crate::telephony::line_call::tried_sms(state) };
        let req = state.store.record_attempt(id, &cmd, now_ms(), &state.config.policy, extras).await?.ok_or(relais_store::StoreError::Conflict)?;
        state.sms_enqueued();
        req
    } else {
        state.store.transition(id, &cmd, now_ms(), &state.config.policy, note).await?
    };
    tracing::info!(request = id, status = %req.status, "request updated");
    state.notify_queue();
    Ok(req)
}

/// Creates or updates a topic of the catalogue (administrators).
pub async fn save_topic(state: &AppState, session: Option<&Session>, topic: relais_store::Topic) -> Result<relais_store::Topic, ApiError> {
    require_user(session, Action::EditTopics)?;
    let mut errors = Vec::new();
    if !relais_domain::topics::is_valid_id(&topic.id) {
        errors.push(crate::error::FieldError::new("id", "error-topic-id", "lowercase letters, digits and dashes, at most 40"));
    }
    for (field, value) in [("label_fr", &topic.label_fr), ("label_en", &topic.label_en)] {
        if value.trim().is_empty() || value.chars().count() > 120 {
            errors.push(crate::error::FieldError::new(field, "error-label", "a label of 1 to 120 characters"));
        }
    }
    if !topic.pictogram.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') || topic.pictogram.is_empty() {
        errors.push(crate::error::FieldError::new("pictogram", "error-pictogram", "the name of a pictogram file, e.g. impots"));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok(state.store.save_topic(&topic).await?)
}

/// The access journal (administrators), for one request or the latest entries.
pub async fn access_journal(
    state: &AppState,
    session: Option<&Session>,
    request_id: Option<i64>,
    limit: i64,
) -> Result<Vec<relais_store::journal::AccessEntry>, ApiError> {
    require_user(session, Action::ViewAccessJournal)?;
    Ok(state.store.access_journal(request_id, limit.clamp(1, 1000)).await?)
}

/// The person looks up their own request with the reference and phone number.
pub async fn lookup(state: &AppState, reference: &str, phone: &str) -> Result<Option<HelpRequest>, ApiError> {
    let Some(reference) = relais_domain::reference::normalize(reference) else { return Ok(None) };
    let Ok(phone) = relais_domain::phone::normalize(phone) else { return Ok(None) };
    Ok(state.store.find_by_reference(&reference, &phone).await?)
}

/// The person cancels their own request.
pub async fn cancel_own(state: &AppState, reference: &str, phone: &str) -> Result<Option<HelpRequest>, ApiError> {
    let Some(req) = lookup(state, reference, phone).await? else { return Ok(None) };
    let req = state.store.transition(req.id, &Command::CancelByPerson, now_ms(), &state.config.policy, None).await?;
    state.notify_queue();
    Ok(Some(req))
}

/// Start and end (ms) of today in Europe/Paris.
pub fn today_paris() -> (i64, i64) {
    let tz = jiff::tz::TimeZone::get("Europe/Paris").unwrap_or(jiff::tz::TimeZone::UTC);
    let now = jiff::Timestamp::now().to_zoned_datetime(tz.clone());
    let start = now.start_of_day().unwrap_or(now.clone());
    let end = start.tomorrow().unwrap_or(start.clone());
    (start.timestamp().as_millisecond(), end.timestamp().as_millisecond())
}

/// "14:05" in Europe/Paris for a millisecond instant.
pub fn paris_time(ms: i64) -> String {
    let tz = jiff::tz::TimeZone::get("Europe/Paris").unwrap_or(jiff::tz::TimeZone::UTC);
    match jiff::Timestamp::from_millisecond(ms) {
        Ok(t) => t.to_zoned_datetime(tz).strftime("%d/%m %H:%M").to_string(),
        Err(_) => String::new(),
    }
}
