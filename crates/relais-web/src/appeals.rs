//! E-mails about shifts, through the outbox: the appeal to the usual volunteers of an
//! under-covered shift, and the reminders before a booked shift. Both are idempotent by
//! key (`shift-appeal:<shift>:<volunteer>`, `shift-reminder:<booking>:<kind>`), so a
//! second click or a second instance running the job sends nothing twice.

use crate::error::ApiError;
use crate::i18n::{Lang, Tr};
use crate::pages::schedule_view::{slot_label, Week, WEEKS_AHEAD};
use crate::state::AppState;
use jiff::ToSpan;
use relais_domain::schedule::booking::ReminderKind;
use relais_domain::schedule::{paris_datetime, paris_instant, paris_week_monday};
use relais_domain::{Millis, MINUTE};
use relais_store::outbox::NewMessage;

/// How many past weeks define "the volunteers who usually serve then".
pub const USUAL_WEEKS: i64 = 8;

/// The starts of the same Paris weekday and time in the `USUAL_WEEKS` weeks before `start`
/// (computed in civil time, so a daylight-saving change in between keeps the local hour).
pub fn usual_starts(start: Millis) -> Vec<Millis> {
    let dt = paris_datetime(start);
    let minute = (dt.hour() as u16) * 60 + dt.minute() as u16;
    (1..=USUAL_WEEKS)
        .filter_map(|k| dt.date().checked_sub((7 * k).days()).ok())
        .map(|d| paris_instant(d, minute))
        .collect()
}

/// Writes to the usual volunteers of shift `shift_id` who are not booked on it; returns
/// how many messages were new. `networks`: only volunteers of these (a coordinator's).
pub async fn write_to_usual_volunteers(state: &AppState, shift_id: i64, networks: Option<&[i64]>, now: Millis) -> Result<usize, ApiError> {
    let shift = state.store.shift(shift_id).await?;
    if shift.starts_at <= now {
        return Err(ApiError::Conflict { code: "shift_started", detail: "the shift has already started".into() });
    }
    let recipients = state.store.usual_volunteers(shift_id, &usual_starts(shift.starts_at), networks).await?;
    let tr = Tr::new(Lang::Fr);
    let label = slot_label(&tr, shift.starts_at, shift.ends_at);
    let offset = (paris_week_monday(shift.starts_at) - Week::at(0, now).monday).get_days() as i64 / 7;
    let link = state.config.public_link(&format!("/benevole/creneaux?semaine={}#creneau-{shift_id}", offset.clamp(0, WEEKS_AHEAD - 1)));
    let messages: Vec<NewMessage> = recipients
        .iter()
        .map(|r| NewMessage {
            idempotency_key: format!("shift-appeal:{shift_id}:{}", r.user_id),
            recipient: r.email.clone(),
            subject: format!("{} {label}", tr.t("shifts-mail-appeal-subject")),
            body_text: format!(
                "{} {},\n\n{} {label}.\n{}\n\n{link}\n\n{}\n",
                tr.t("shifts-mail-hello"),
                r.display_name,
                tr.t("shifts-mail-appeal-body"),
                tr.t("shifts-mail-appeal-action"),
                tr.t("shifts-mail-preferences-note")
            ),
            not_before_ms: now,
        })
        .collect();
    let n = state.store.enqueue_messages(&messages, now).await?;
    state.mail_enqueued();
    Ok(n)
}

/// How far ahead of their send time reminders are put in the outbox. Short on purpose:
/// a booking cancelled before then never gets its reminder (cancelling is closed 12 h
/// before the start by default, so the one-hour reminder always sees the cancellation).
pub const REMINDER_LOOKAHEAD: Millis = 2 * MINUTE;
/// A reminder whose time passed more than this long ago (the server was down) is dropped.
pub const REMINDER_GRACE: Millis = 30 * MINUTE;

/// Enqueues the reminders due within the look-ahead: the day before (24 h) and one hour
/// before each active booking, not for a booking made after the reminder's time. Returns
/// how many messages were new.
pub async fn enqueue_reminders(state: &AppState, now: Millis) -> Result<usize, ApiError> {
    let tr = Tr::new(Lang::Fr);
    let mut messages = Vec::new();
    let longest = ReminderKind::ALL.iter().map(|k| k.lead()).max().unwrap_or(0);
    let targets = state.store.reminder_targets(now - REMINDER_GRACE, now + REMINDER_LOOKAHEAD + longest).await?;
    let console = state.config.public_link("/benevole");
    for t in targets {
        for kind in ReminderKind::ALL {
            let at = t.starts_at - kind.lead();
            if at > now + REMINDER_LOOKAHEAD || at < now - REMINDER_GRACE || at < t.booked_at {
                continue;
            }
            let when = slot_label(&tr, t.starts_at, t.ends_at);
            messages.push(NewMessage {
                idempotency_key: format!("shift-reminder:{}:{}", t.booking_id, kind.code()),
                recipient: t.email.clone(),
                subject: format!("{} {when}", tr.t(&format!("shifts-mail-reminder-subject-{}", kind.code()))),
                body_text: format!(
                    "{} {},\n\n{} {when} ({}).\n{}\n\n{console}\n\n{}\n",
                    tr.t("shifts-mail-hello"),
                    t.display_name,
                    tr.t("shifts-mail-reminder-body"),
                    tr.t("shifts-mail-paris-time"),
                    tr.t("shifts-mail-reminder-console"),
                    tr.t("shifts-mail-preferences-note")
                ),
                not_before_ms: at,
            });
        }
    }
    if messages.is_empty() {
        return Ok(0);
    }
    let n = state.store.enqueue_messages(&messages, now).await?;
    state.mail_enqueued();
    Ok(n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usual_starts_keep_the_paris_hour_across_the_change() {
        // Monday 6 April 2026 9:00 Paris (summer) = 07:00 UTC; 8 weeks earlier is winter.
        let start = "2026-04-06T07:00:00Z".parse::<jiff::Timestamp>().unwrap().as_millisecond();
        let starts = usual_starts(start);
        assert_eq!(starts.len(), 8);
        assert_eq!(starts[0], "2026-03-30T07:00:00Z".parse::<jiff::Timestamp>().unwrap().as_millisecond());
        assert_eq!(starts[1], "2026-03-23T08:00:00Z".parse::<jiff::Timestamp>().unwrap().as_millisecond());
    }
}
