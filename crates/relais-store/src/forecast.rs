//! Reads the history the staffing forecast needs: arrival instants and handling episodes
//! over the last weeks, turned into Europe/Paris half-hours and an average handling time by
//! `relais_domain::forecast`.

use crate::{Result, Store, StoreError};
use relais_domain::forecast::{self, LocalTime, TimelineEvent};
use relais_domain::request::EventKind;
use relais_domain::{Millis, DAY};

pub use relais_domain::forecast::HalfHourLoad;

/// The events that start or end a handling episode.
const EPISODE_KINDS: &str = "('claimed', 'assigned', 'closed', 'rescheduled', 'follow_up_scheduled', 'released', 'lease_expired', 'cancelled_by_person')";

/// The line's local time: service hours, shifts and the forecast are in Europe/Paris.
pub fn paris() -> jiff::tz::TimeZone {
    jiff::tz::TimeZone::get("Europe/Paris").unwrap_or(jiff::tz::TimeZone::UTC)
}

/// Weekday (0 = Monday) and minute of the day of an instant in Europe/Paris.
pub fn local_time(at: Millis, tz: &jiff::tz::TimeZone) -> Option<LocalTime> {
    let ts = jiff::Timestamp::from_millisecond(at).ok()?;
    let dt = ts.to_zoned_datetime(tz.clone()).datetime();
    Some(LocalTime {
        weekday: dt.weekday().to_monday_zero_offset() as u8,
        minute_of_day: dt.hour() as u16 * 60 + dt.minute() as u16,
    })
}

impl Store {
    /// Requests per half-hour of the week (Europe/Paris), averaged over the `weeks` weeks
    /// before `now`. Every help request counts, whatever its channel or outcome: the load is
    /// what arrived, not what was served.
    pub async fn arrival_profile(&self, now: Millis, weeks: u32) -> Result<Vec<HalfHourLoad>> {
        let since = now - weeks.max(1) as i64 * 7 * DAY;
        let rows: Vec<(Millis,)> = on_db!(self, read, |pool, _b| {
            sqlx::query_as("SELECT created_at FROM help_requests WHERE created_at >= $1 AND created_at < $2")
                .bind(since)
                .bind(now)
                .fetch_all(pool)
                .await?
        });
        let tz = paris();
        Ok(forecast::weekly_profile(rows.into_iter().filter_map(|(at,)| local_time(at, &tz)), weeks))
    }

    /// Average handling time in seconds over the `weeks` weeks before `now`, from the
    /// requests' timelines; `None` when nothing was handled.
    pub async fn average_handling_seconds(&self, now: Millis, weeks: u32) -> Result<Option<f64>> {
        let since = now - weeks.max(1) as i64 * 7 * DAY;
        let sql = format!(
            "SELECT request_id, at, kind FROM request_events WHERE at >= $1 AND at < $2 AND kind IN {EPISODE_KINDS} ORDER BY request_id, at, id"
        );
        let rows: Vec<(i64, Millis, String)> = on_db!(self, read, |pool, _b| {
            sqlx::query_as(sqlx::AssertSqlSafe(sql.clone())).bind(since).bind(now).fetch_all(pool).await?
        });
        let mut events = Vec::with_capacity(rows.len());
        for (request_id, at, kind) in rows {
            let kind: EventKind = kind.parse().map_err(|_| StoreError::Corrupt(format!("event kind {kind:?}")))?;
            events.push(TimelineEvent { request_id, at, kind });
        }
        // Calls taken live on the phone line (issue 5) are handling time too.
        let talk = self.talk_times(since, now).await?;
        Ok(forecast::average_handling_with_calls(&events, &talk))
    }
}
