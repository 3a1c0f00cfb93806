//! Service hours, closures, shifts and their bookings.
//!
//! Booking is one transaction that reads the shift, its count and the volunteer's other
//! bookings, asks `relais_domain::schedule::booking::check_booking`, then inserts. On SQLite
//! the single writer connection serialises it; on PostgreSQL the shift row and the
//! volunteer's user row are locked (`FOR UPDATE`) so two bookings can neither over-fill a
//! slot nor together exceed a volunteer's weekly hours.

use crate::{Backend, Result, Store, StoreError};
use relais_domain::schedule::booking::{BookingAsk, check_booking, check_cancel};
use relais_domain::schedule::{Closure, DayHours, ServiceHours, Slot, generate_slots, paris_datetime};
use relais_domain::{DAY, Millis};
use serde::Serialize;

/// A closure as stored, with its id.
#[derive(Debug, Clone, Serialize)]
pub struct StoredClosure {
    pub id: i64,
    pub first_day: String,
    pub last_day: String,
    pub reason: String,
}

/// How shifts are cut and staffed by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShiftSettings {
    pub slot_minutes: u16,
    pub default_wanted: u32,
}

/// A shift with its booking count, as lists and grids show it.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct ShiftView {
    pub id: i64,
    pub starts_at: Millis,
    pub ends_at: Millis,
    pub wanted: i64,
    pub booked: i64,
    /// Whether the viewer holds an active booking on it.
    pub mine: bool,
}

impl ShiftView {
    pub fn slot(&self) -> Slot {
        Slot { start: self.starts_at, end: self.ends_at }
    }
}

/// One of a volunteer's bookings (active or cancelled), for their list and calendar feed.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct MyBooking {
    pub booking_id: i64,
    pub shift_id: i64,
    pub starts_at: Millis,
    pub ends_at: Millis,
    pub booked_at: Millis,
    pub cancelled_at: Option<Millis>,
    /// The shift no longer fits the service hours (e.g. a closure was added).
    pub withdrawn: bool,
}

/// Someone on a booked shift right now.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct OnShift {
    pub user_id: i64,
    pub display_name: String,
    pub on_duty: bool,
    pub ends_at: Millis,
}

fn parse_day(s: &str) -> Result<jiff::civil::Date> {
    s.parse().map_err(|_| StoreError::Corrupt(format!("bad date {s:?} in service_closures")))
}

/// Open shifts starting in `[$1, $2)` with their counts and whether user `$3` booked each.
const SHIFT_VIEW: &str = "SELECT s.id, s.starts_at, s.ends_at, s.wanted, \
     (SELECT COUNT(*) FROM shift_bookings b WHERE b.shift_id = s.id AND b.cancelled_at IS NULL) AS booked, \
     EXISTS (SELECT 1 FROM shift_bookings b WHERE b.shift_id = s.id AND b.user_id = $3 AND b.cancelled_at IS NULL) AS mine \
     FROM shifts s WHERE NOT s.withdrawn AND s.starts_at >= $1 AND s.starts_at < $2 ORDER BY s.starts_at, s.id";

impl Store {
    /// The opening hours, public-holiday choice and closures, as the domain rules use them.
    pub async fn service_hours(&self) -> Result<ServiceHours> {
        let (days, closures) = on_db!(self, read, |pool, _b| {
            let days: Vec<(i64, Option<i64>, Option<i64>)> =
                sqlx::query_as("SELECT weekday, open_minute, close_minute FROM service_hours").fetch_all(pool).await?;
            let closures: Vec<(String, String, String)> =
                sqlx::query_as("SELECT first_day, last_day, reason FROM service_closures ORDER BY first_day").fetch_all(pool).await?;
            (days, closures)
        });
        let mut hours = ServiceHours { week: [None; 7], whit_monday_closed: true, closures: Vec::new() };
        for (weekday, open, close) in days {
            let slot = hours.week.get_mut(weekday as usize).ok_or_else(|| StoreError::Corrupt(format!("weekday {weekday}")))?;
            if let (Some(o), Some(c)) = (open, close) {
                *slot = Some(DayHours::new(o as u16, c as u16).map_err(|e| StoreError::Corrupt(e.to_string()))?);
            }
        }
        for (first, last, reason) in closures {
            hours.closures.push(Closure { first: parse_day(&first)?, last: parse_day(&last)?, reason });
        }
        hours.whit_monday_closed = self.setting("schedule.whit_monday_closed").await?.as_deref() != Some("false");
        Ok(hours)
    }

    pub async fn shift_settings(&self) -> Result<ShiftSettings> {
        let slot_minutes = self.setting("schedule.slot_minutes").await?.and_then(|v| v.parse().ok()).unwrap_or(120);
        let default_wanted = self.setting("schedule.default_wanted").await?.and_then(|v| v.parse().ok()).unwrap_or(3);
        Ok(ShiftSettings { slot_minutes, default_wanted })
    }

    /// Saves the week's hours (index 0 = Monday), the Whit Monday choice and the shift
    /// settings in one transaction.
    pub async fn save_service_hours(&self, week: &[Option<DayHours>; 7], whit_monday_closed: bool, settings: ShiftSettings) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            for (i, day) in week.iter().enumerate() {
                sqlx::query("UPDATE service_hours SET open_minute = $2, close_minute = $3 WHERE weekday = $1")
                    .bind(i as i64)
                    .bind(day.map(|d| i64::from(d.open_minute)))
                    .bind(day.map(|d| i64::from(d.close_minute)))
                    .execute(&mut *tx)
                    .await?;
            }
            for (key, value) in [
                ("schedule.whit_monday_closed", whit_monday_closed.to_string()),
                ("schedule.slot_minutes", settings.slot_minutes.to_string()),
                ("schedule.default_wanted", settings.default_wanted.to_string()),
            ] {
                sqlx::query("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                    .bind(key)
                    .bind(value)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    pub async fn closures(&self) -> Result<Vec<StoredClosure>> {
        on_db!(self, read, |pool, _b| {
            let rows: Vec<(i64, String, String, String)> =
                sqlx::query_as("SELECT id, first_day, last_day, reason FROM service_closures ORDER BY first_day, id").fetch_all(pool).await?;
            Ok(rows.into_iter().map(|(id, first_day, last_day, reason)| StoredClosure { id, first_day, last_day, reason }).collect())
        })
    }

    pub async fn add_closure(&self, c: &Closure, now: Millis) -> Result<i64> {
        on_db!(self, write, |pool, _b| {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO service_closures (first_day, last_day, reason, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
            )
            .bind(c.first.to_string())
            .bind(c.last.to_string())
            .bind(&c.reason)
            .bind(now)
            .fetch_one(pool)
            .await?;
            Ok(id)
        })
    }

    pub async fn remove_closure(&self, id: i64) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            let done = sqlx::query("DELETE FROM service_closures WHERE id = $1").bind(id).execute(pool).await?;
            if done.rows_affected() == 0 { Err(StoreError::NotFound) } else { Ok(()) }
        })
    }

    /// Brings the line's shifts of the `days` Paris days from today in line with the
    /// service hours: missing slots are created with the default wanted number, future
    /// slots that no longer fit are withdrawn (kept with their bookings), withdrawn ones that
    /// fit again come back. Idempotent; run by a job and after every hours edit. Returns
    /// the number of shifts open for booking in the window.
    pub async fn generate_shifts(&self, now: Millis, days: u16) -> Result<usize> {
        let hours = self.service_hours().await?;
        let settings = self.shift_settings().await?;
        let today = paris_datetime(now).date();
        let slots: Vec<Slot> =
            generate_slots(&hours, today, days, settings.slot_minutes).into_iter().filter(|s| s.start > now).collect();
        let window_end = now + i64::from(days) * DAY + DAY;
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            sqlx::query("UPDATE shifts SET withdrawn = TRUE WHERE network_id IS NULL AND starts_at > $1 AND starts_at < $2 AND NOT withdrawn")
                .bind(now)
                .bind(window_end)
                .execute(&mut *tx)
                .await?;
            for s in &slots {
                sqlx::query(
                    "INSERT INTO shifts (starts_at, ends_at, wanted, network_id, withdrawn, created_at) VALUES ($1, $2, $3, NULL, FALSE, $4) \
                     ON CONFLICT (starts_at, ends_at) WHERE network_id IS NULL DO UPDATE SET withdrawn = FALSE",
                )
                .bind(s.start)
                .bind(s.end)
                .bind(i64::from(settings.default_wanted))
                .bind(now)
                .execute(&mut *tx)
                .await?;
            }
            tx.commit().await?;
            Ok(slots.len())
        })
    }

    /// Adds one shift outside the generated grid (an extra slot, a network's own slot; the
    /// tests and the benchmark seed use it too). Returns its id.
    pub async fn create_shift(&self, slot: Slot, wanted: u32, network_id: Option<i64>, now: Millis) -> Result<i64> {
        on_db!(self, write, |pool, _b| {
            let (id,): (i64,) = sqlx::query_as(
                "INSERT INTO shifts (starts_at, ends_at, wanted, network_id, withdrawn, created_at) VALUES ($1, $2, $3, $4, FALSE, $5) RETURNING id",
            )
            .bind(slot.start)
            .bind(slot.end)
            .bind(i64::from(wanted))
            .bind(network_id)
            .bind(now)
            .fetch_one(pool)
            .await
            .map_err(|e| if StoreError::is_unique_violation(&e) { StoreError::Duplicate("shift") } else { e.into() })?;
            Ok(id)
        })
    }

    /// Open shifts starting in `[from, to)`, with counts and whether `viewer` booked each.
    pub async fn shifts_between(&self, from: Millis, to: Millis, viewer: i64) -> Result<Vec<ShiftView>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, ShiftView>(SHIFT_VIEW).bind(from).bind(to).bind(viewer).fetch_all(pool).await?)
        })
    }

    pub async fn shift(&self, id: i64) -> Result<ShiftView> {
        let sql = "SELECT s.id, s.starts_at, s.ends_at, s.wanted, \
             (SELECT COUNT(*) FROM shift_bookings b WHERE b.shift_id = s.id AND b.cancelled_at IS NULL) AS booked, FALSE AS mine \
             FROM shifts s WHERE s.id = $1 AND NOT s.withdrawn";
        on_db!(self, read, |pool, _b| {
            sqlx::query_as::<_, ShiftView>(sql).bind(id).fetch_optional(pool).await?.ok_or(StoreError::NotFound)
        })
    }

    /// Sets how many volunteers a shift wants (coordinators).
    pub async fn set_shift_wanted(&self, id: i64, wanted: u32) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            let done = sqlx::query("UPDATE shifts SET wanted = $2 WHERE id = $1").bind(id).bind(i64::from(wanted)).execute(pool).await?;
            if done.rows_affected() == 0 { Err(StoreError::NotFound) } else { Ok(()) }
        })
    }

    /// Books shift `shift_id` for `user_id` if the rules allow it (see the module doc),
    /// with the volunteer's own weekly limit (`users.max_hours_per_week`, NULL: none);
    /// a refusal is `StoreError::Booking`.
    pub async fn book_shift(&self, shift_id: i64, user_id: i64, now: Millis) -> Result<()> {
        on_db!(self, write, |pool, b| {
            let pg = b == Backend::Postgres;
            let user_sql = if pg {
                "SELECT max_hours_per_week FROM users WHERE id = $1 FOR UPDATE"
            } else {
                "SELECT max_hours_per_week FROM users WHERE id = $1"
            };
            let shift_sql = if pg {
                "SELECT starts_at, ends_at, wanted FROM shifts WHERE id = $1 AND NOT withdrawn FOR UPDATE"
            } else {
                "SELECT starts_at, ends_at, wanted FROM shifts WHERE id = $1 AND NOT withdrawn"
            };
            let mut tx = pool.begin().await?;
            let (max_hours,): (Option<i64>,) = sqlx::query_as(user_sql)
                .bind(user_id)
                .fetch_optional(&mut *tx)
                .await?
                .ok_or(StoreError::NotFound)?;
            let shift: Option<(Millis, Millis, i64)> =
                sqlx::query_as(shift_sql)
                    .bind(shift_id)
                    .fetch_optional(&mut *tx)
                    .await?;
            let (start, end, wanted) = shift.ok_or(StoreError::NotFound)?;
            let (booked,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM shift_bookings WHERE shift_id = $1 AND cancelled_at IS NULL")
                .bind(shift_id)
                .fetch_one(&mut *tx)
                .await?;
            // Other bookings that could overlap or share the Paris week: 8 days either side.
            let mine: Vec<(Millis, Millis)> = sqlx::query_as(
                "SELECT s.starts_at, s.ends_at FROM shift_bookings b JOIN shifts s ON s.id = b.shift_id \
                 WHERE b.user_id = $1 AND b.cancelled_at IS NULL AND NOT s.withdrawn AND s.starts_at > $2 AND s.starts_at < $3",
            )
            .bind(user_id)
            .bind(start - 8 * DAY)
            .bind(start + 8 * DAY)
            .fetch_all(&mut *tx)
            .await?;
            let mine: Vec<Slot> = mine.into_iter().map(|(start, end)| Slot { start, end }).collect();
            check_booking(&BookingAsk {
                slot: Slot { start, end },
                now,
                booked: booked as u32,
                wanted: wanted as u32,
                mine: &mine,
                max_hours_per_week: max_hours.map(|h| h.clamp(0, i64::from(u32::MAX)) as u32),
            })?;
            sqlx::query("INSERT INTO shift_bookings (shift_id, user_id, booked_at) VALUES ($1, $2, $3)")
                .bind(shift_id)
                .bind(user_id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// Cancels `user_id`'s booking of `shift_id`, allowed up to `deadline` before the start.
    pub async fn cancel_booking(&self, shift_id: i64, user_id: i64, deadline: Millis, now: Millis) -> Result<()> {
        on_db!(self, write, |pool, _b| {
            let mut tx = pool.begin().await?;
            let row: Option<(i64, Millis, Millis)> = sqlx::query_as(
                "SELECT b.id, s.starts_at, s.ends_at FROM shift_bookings b JOIN shifts s ON s.id = b.shift_id \
                 WHERE b.shift_id = $1 AND b.user_id = $2 AND b.cancelled_at IS NULL",
            )
            .bind(shift_id)
            .bind(user_id)
            .fetch_optional(&mut *tx)
            .await?;
            let (booking, start, end) = row.ok_or(StoreError::NotFound)?;
            check_cancel(Slot { start, end }, now, deadline)?;
            sqlx::query("UPDATE shift_bookings SET cancelled_at = $2 WHERE id = $1 AND cancelled_at IS NULL")
                .bind(booking)
                .bind(now)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// A volunteer's bookings of shifts ending after `since`, cancelled ones included.
    pub async fn bookings_of(&self, user_id: i64, since: Millis) -> Result<Vec<MyBooking>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, MyBooking>(
                "SELECT b.id AS booking_id, s.id AS shift_id, s.starts_at, s.ends_at, b.booked_at, b.cancelled_at, s.withdrawn \
                 FROM shift_bookings b JOIN shifts s ON s.id = b.shift_id WHERE b.user_id = $1 AND s.ends_at > $2 \
                 ORDER BY s.starts_at, b.id",
            )
            .bind(user_id)
            .bind(since)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Whether `user_id` has an active booking of a shift in progress at `now`.
    pub async fn on_shift(&self, user_id: i64, now: Millis) -> Result<bool> {
        on_db!(self, read, |pool, _b| {
            let row: Option<(i64,)> = sqlx::query_as(
                "SELECT b.id FROM shift_bookings b JOIN shifts s ON s.id = b.shift_id \
                 WHERE b.user_id = $1 AND b.cancelled_at IS NULL AND NOT s.withdrawn AND s.starts_at <= $2 AND s.ends_at > $2 LIMIT 1",
            )
            .bind(user_id)
            .bind(now)
            .fetch_optional(pool)
            .await?;
            Ok(row.is_some())
        })
    }

    /// Everyone on a booked shift at `now` (active accounts), by name.
    pub async fn volunteers_on_shift(&self, now: Millis) -> Result<Vec<OnShift>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, OnShift>(
                "SELECT u.id AS user_id, u.display_name, u.on_duty, MAX(s.ends_at) AS ends_at \
                 FROM shift_bookings b JOIN shifts s ON s.id = b.shift_id JOIN users u ON u.id = b.user_id \
                 WHERE b.cancelled_at IS NULL AND NOT s.withdrawn AND s.starts_at <= $1 AND s.ends_at > $1 AND u.status = 'active' \
                 GROUP BY u.id, u.display_name, u.on_duty ORDER BY u.display_name",
            )
            .bind(now)
            .fetch_all(pool)
            .await?)
        })
    }
}

/// A volunteer to write to about a shift (appeal or reminder).
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Recipient {
    pub user_id: i64,
    pub email: String,
    pub display_name: String,
}

/// A booking whose reminder may be due.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ReminderTarget {
    pub booking_id: i64,
    pub shift_id: i64,
    pub starts_at: Millis,
    pub ends_at: Millis,
    pub booked_at: Millis,
    pub email: String,
    pub display_name: String,
}

impl Store {
    /// The volunteers who booked (and kept) a shift starting at one of `usual_starts` (the
    /// same Paris weekday and time in past weeks), are not booked on `shift_id`, are active,
    /// accept appeals by e-mail, and — when `networks` is given — share one of them.
    pub async fn usual_volunteers(&self, shift_id: i64, usual_starts: &[Millis], networks: Option<&[i64]>) -> Result<Vec<Recipient>> {
        if usual_starts.is_empty() || networks.is_some_and(|n| n.is_empty()) {
            return Ok(Vec::new());
        }
        let starts: Vec<String> = usual_starts.iter().map(i64::to_string).collect();
        // Integers only, formatted by us: no injection possible.
        let network_clause = networks
            .map(|n| {
                let ids: Vec<String> = n.iter().map(i64::to_string).collect();
                format!(" AND EXISTS (SELECT 1 FROM user_networks un WHERE un.user_id = u.id AND un.network_id IN ({}))", ids.join(","))
            })
            .unwrap_or_default();
        let sql = format!(
            "SELECT DISTINCT u.id AS user_id, u.email, u.display_name FROM shift_bookings b \
             JOIN shifts s ON s.id = b.shift_id JOIN users u ON u.id = b.user_id \
             WHERE b.cancelled_at IS NULL AND NOT s.withdrawn AND s.starts_at IN ({}) AND u.status = 'active' AND u.email_appeals \
             AND NOT EXISTS (SELECT 1 FROM shift_bookings x WHERE x.shift_id = $1 AND x.user_id = u.id AND x.cancelled_at IS NULL)\
             {network_clause} ORDER BY u.id",
            starts.join(",")
        );
        on_db!(self, read, |pool, _b| {
            // Safe: only integers we formatted ourselves are spliced in.
            Ok(sqlx::query_as::<_, Recipient>(sqlx::AssertSqlSafe(sql.clone())).bind(shift_id).fetch_all(pool).await?)
        })
    }

    /// Active bookings of shifts starting in `(from, to]` whose volunteer is active and
    /// accepts reminders by e-mail.
    pub async fn reminder_targets(&self, from: Millis, to: Millis) -> Result<Vec<ReminderTarget>> {
        on_db!(self, read, |pool, _b| {
            Ok(sqlx::query_as::<_, ReminderTarget>(
                "SELECT b.id AS booking_id, s.id AS shift_id, s.starts_at, s.ends_at, b.booked_at, u.email, u.display_name \
                 FROM shift_bookings b JOIN shifts s ON s.id = b.shift_id JOIN users u ON u.id = b.user_id \
                 WHERE b.cancelled_at IS NULL AND NOT s.withdrawn AND s.starts_at > $1 AND s.starts_at <= $2 \
                 AND u.status = 'active' AND u.email_reminders ORDER BY s.starts_at, b.id",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await?)
        })
    }
}
