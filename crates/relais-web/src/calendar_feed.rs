//! The volunteer's private calendar feed (RFC 5545), `GET /calendrier/<token>.ics`.
//!
//! One VEVENT per booking of a shift ending in the last 30 days or later. Times are in UTC
//! (`DTSTART:…Z`), which every calendar application shows in its own zone, so no VTIMEZONE
//! is needed. The UID is stable per booking; a cancelled booking (or a shift withdrawn
//! because the line closes) stays in the feed as `STATUS:CANCELLED` with `SEQUENCE:1`, so
//! applications that already imported it remove it rather than keep a stale event.
//! An unknown or replaced token is a plain 404: nothing tells whether it ever existed.

use crate::i18n::{Lang, Tr};
use crate::now_ms;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use icalendar::{Calendar, Component, Event, EventLike, EventStatus};
use relais_domain::DAY;
use relais_store::shifts::MyBooking;

fn utc(ms: i64) -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp_millis(ms).unwrap_or_default()
}

/// The feed's text for these bookings.
pub fn render_feed(bookings: &[MyBooking], console_url: &str, uid_host: &str) -> String {
    let tr = Tr::new(Lang::Fr);
    let mut cal = Calendar::new();
    cal.name(&tr.t("shifts-feed-calendar-name"));
    for b in bookings {
        let cancelled = b.cancelled_at.is_some() || b.withdrawn;
        let mut ev = Event::new();
        ev.uid(&format!("shift-booking-{}@{uid_host}", b.booking_id))
            .summary(&tr.t("shifts-feed-event-summary"))
            .description(&format!("{} {console_url}", tr.t("shifts-feed-event-description")))
            .url(console_url)
            .starts(utc(b.starts_at))
            .ends(utc(b.ends_at))
            // Stable output: the stamp is when the booking last changed, not when it is read.
            .timestamp(utc(b.cancelled_at.unwrap_or(b.booked_at)))
            .sequence(u32::from(cancelled))
            .status(if cancelled { EventStatus::Cancelled } else { EventStatus::Confirmed });
        cal.push(ev.done());
    }
    cal.done().to_string()
}

pub async fn feed(State(state): State<AppState>, Path(file): Path<String>) -> Response {
    let Some(token) = file.strip_suffix(".ics") else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let user = match state.store.user_by_calendar_token(token).await {
        Ok(Some(u)) => u,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(e) => {
            tracing::error!(error = %e, "calendar feed: storage failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let bookings = match state.store.bookings_of(user, now_ms() - 30 * DAY).await {
        Ok(b) => b,
        Err(e) => {
            tracing::error!(error = %e, "calendar feed: storage failed");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let public = state.config.public_url.trim_end_matches('/');
    let host = public.split("://").nth(1).unwrap_or(public).split(['/', ':']).next().unwrap_or("relais");
    let body = render_feed(&bookings, &state.config.public_link("/benevole"), host);
    (
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8"), (header::CACHE_CONTROL, "private, max-age=300")],
        body,
    )
        .into_response()
}
