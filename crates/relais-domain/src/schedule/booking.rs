//! The rules for booking and cancelling a shift, and when its reminders go out.

use super::hours::paris_week_monday;
use super::slots::Slot;
use crate::{DAY, HOUR, Millis};

/// Why a booking is refused; the code is the translation key suffix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BookingRefusal {
    #[error("the shift has already started")]
    Started,
    #[error("the shift already has the volunteers it needs")]
    Full,
    #[error("the shift is already booked")]
    AlreadyBooked,
    #[error("the shift overlaps another booked shift")]
    Overlap,
    #[error("the shift would exceed the weekly hours limit")]
    WeeklyLimit,
    #[error("too late to cancel this shift")]
    TooLateToCancel,
}

impl BookingRefusal {
    pub fn code(self) -> &'static str {
        match self {
            BookingRefusal::Started => "started",
            BookingRefusal::Full => "full",
            BookingRefusal::AlreadyBooked => "already-booked",
            BookingRefusal::Overlap => "overlap",
            BookingRefusal::WeeklyLimit => "weekly-limit",
            BookingRefusal::TooLateToCancel => "too-late",
        }
    }
}

/// What is known when someone asks to book `slot`.
pub struct BookingAsk<'a> {
    pub slot: Slot,
    pub now: Millis,
    /// Active bookings of the slot (all volunteers).
    pub booked: u32,
    pub wanted: u32,
    /// The volunteer's other active bookings.
    pub mine: &'a [Slot],
    /// `None`: no limit set.
    pub max_hours_per_week: Option<u32>,
}

/// Whether the booking may be made. A slot takes bookings up to its wanted number (no
/// over-booking: an extra volunteer is better placed in an under-covered slot); the weekly
/// limit counts booked time in the Paris week (Monday to Sunday) of the slot's start.
pub fn check_booking(ask: &BookingAsk<'_>) -> Result<(), BookingRefusal> {
    if ask.now >= ask.slot.start {
        return Err(BookingRefusal::Started);
    }
    if ask.mine.contains(&ask.slot) {
        return Err(BookingRefusal::AlreadyBooked);
    }
    if ask.mine.iter().any(|s| s.overlaps(ask.slot)) {
        return Err(BookingRefusal::Overlap);
    }
    if ask.booked >= ask.wanted {
        return Err(BookingRefusal::Full);
    }
    if let Some(max) = ask.max_hours_per_week {
        let week = paris_week_monday(ask.slot.start);
        let already: Millis =
            ask.mine.iter().filter(|s| paris_week_monday(s.start) == week).map(|s| s.duration()).sum();
        if already + ask.slot.duration() > i64::from(max) * HOUR {
            return Err(BookingRefusal::WeeklyLimit);
        }
    }
    Ok(())
}

/// Whether a booking of `slot` may still be cancelled at `now`: up to `deadline` before
/// its start, so the coordinators have time to find someone else.
pub fn check_cancel(slot: Slot, now: Millis, deadline: Millis) -> Result<(), BookingRefusal> {
    if now >= slot.start {
        return Err(BookingRefusal::Started);
    }
    if now > slot.start - deadline {
        return Err(BookingRefusal::TooLateToCancel);
    }
    Ok(())
}

/// A reminder sent before a shift.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReminderKind {
    DayBefore,
    HourBefore,
}

impl ReminderKind {
    pub const ALL: [ReminderKind; 2] = [ReminderKind::DayBefore, ReminderKind::HourBefore];
    pub fn code(self) -> &'static str {
        match self {
            ReminderKind::DayBefore => "day-before",
            ReminderKind::HourBefore => "hour-before",
        }
    }
    /// How long before the start it is sent.
    pub fn lead(self) -> Millis {
        match self {
            ReminderKind::DayBefore => DAY,
            ReminderKind::HourBefore => HOUR,
        }
    }
}

/// The reminders still worth sending for a shift starting at `start`, seen at `now`, with
/// when to send each: 24 hours and 1 hour before. A reminder whose time has passed is
/// dropped (a "tomorrow" mail for a shift booked this morning would only confuse), except
/// that nothing is sent once the shift has started.
pub fn reminders_due(start: Millis, now: Millis) -> Vec<(ReminderKind, Millis)> {
    ReminderKind::ALL.into_iter().map(|k| (k, start - k.lead())).filter(|(_, at)| *at >= now).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;

    fn utc(s: &str) -> Millis {
        s.parse::<Timestamp>().unwrap().as_millisecond()
    }
    fn slot(a: &str, b: &str) -> Slot {
        Slot { start: utc(a), end: utc(b) }
    }

    fn ask<'a>(s: Slot, mine: &'a [Slot], max: Option<u32>) -> BookingAsk<'a> {
        BookingAsk { slot: s, now: utc("2026-06-01T00:00:00Z"), booked: 0, wanted: 2, mine, max_hours_per_week: max }
    }

    #[test]
    fn refusals() {
        let s = slot("2026-06-03T07:00:00Z", "2026-06-03T09:00:00Z");
        assert_eq!(check_booking(&ask(s, &[], None)), Ok(()));
        assert_eq!(check_booking(&BookingAsk { booked: 2, ..ask(s, &[], None) }), Err(BookingRefusal::Full));
        assert_eq!(check_booking(&BookingAsk { now: s.start, ..ask(s, &[], None) }), Err(BookingRefusal::Started));
        assert_eq!(check_booking(&ask(s, &[s], None)), Err(BookingRefusal::AlreadyBooked));
        let other = slot("2026-06-03T08:00:00Z", "2026-06-03T10:00:00Z");
        assert_eq!(check_booking(&ask(s, &[other], None)), Err(BookingRefusal::Overlap));
        let adjacent = slot("2026-06-03T09:00:00Z", "2026-06-03T11:00:00Z");
        assert_eq!(check_booking(&ask(s, &[adjacent], None)), Ok(()));
    }

    #[test]
    fn weekly_limit_counts_the_paris_week() {
        let s = slot("2026-06-03T07:00:00Z", "2026-06-03T09:00:00Z");
        let same_week = [slot("2026-06-01T07:00:00Z", "2026-06-01T09:00:00Z")];
        assert_eq!(check_booking(&ask(s, &same_week, Some(4))), Ok(()));
        assert_eq!(check_booking(&ask(s, &same_week, Some(3))), Err(BookingRefusal::WeeklyLimit));
        // Sunday 31 May 22:30 UTC is Monday 1 June 00:30 in Paris (same week as `s`);
        // Sunday 31 May 21:00 UTC is still Sunday in Paris (the week before).
        let late_sunday = [slot("2026-05-31T22:30:00Z", "2026-05-31T23:30:00Z")];
        assert_eq!(check_booking(&ask(s, &late_sunday, Some(2))), Err(BookingRefusal::WeeklyLimit));
        let previous_week = [slot("2026-05-31T19:00:00Z", "2026-05-31T21:00:00Z")];
        assert_eq!(check_booking(&ask(s, &previous_week, Some(2))), Ok(()));
    }

    #[test]
    fn cancel_deadline() {
        let s = slot("2026-06-03T07:00:00Z", "2026-06-03T09:00:00Z");
        assert_eq!(check_cancel(s, s.start - 12 * HOUR, 12 * HOUR), Ok(()));
        assert_eq!(check_cancel(s, s.start - 12 * HOUR + 1, 12 * HOUR), Err(BookingRefusal::TooLateToCancel));
        assert_eq!(check_cancel(s, s.start, 12 * HOUR), Err(BookingRefusal::Started));
    }

    #[test]
    fn reminders() {
        let start = utc("2026-06-03T07:00:00Z");
        assert_eq!(
            reminders_due(start, start - 2 * DAY),
            vec![(ReminderKind::DayBefore, start - DAY), (ReminderKind::HourBefore, start - HOUR)]
        );
        assert_eq!(reminders_due(start, start - 3 * HOUR), vec![(ReminderKind::HourBefore, start - HOUR)]);
        assert!(reminders_due(start, start - 30 * crate::MINUTE).is_empty());
    }
}
