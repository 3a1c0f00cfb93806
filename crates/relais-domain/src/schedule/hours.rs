//! When the line is open: opening hours per weekday in Europe/Paris, public holidays, and
//! exceptional closures. All instants in and out are UTC milliseconds; all the calendar
//! reasoning happens in Paris civil time, converted with the bundled tz database so the
//! answer does not depend on the machine's /usr/share/zoneinfo.

use super::holidays::{Holiday, holiday_on};
use crate::Millis;
use jiff::civil::{Date, DateTime, Time, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan};
use std::sync::OnceLock;

/// The line's time zone.
pub fn paris() -> &'static TimeZone {
    static TZ: OnceLock<TimeZone> = OnceLock::new();
    // The tz database is compiled in (jiff's `tzdb-bundle-always`), so this cannot miss.
    TZ.get_or_init(|| TimeZone::get("Europe/Paris").expect("Europe/Paris in the bundled tz database"))
}

/// Opening hours of one weekday, in minutes since local midnight: `open < close <= 1440`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayHours {
    pub open_minute: u16,
    pub close_minute: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HoursError {
    #[error("the opening time must be before the closing time")]
    OpenAfterClose,
    #[error("a time must be between 00:00 and 24:00")]
    OutOfDay,
    #[error("a closure must end on or after its first day")]
    ClosureBackwards,
    #[error("a closure needs a reason")]
    ClosureWithoutReason,
}

impl DayHours {
    pub fn new(open_minute: u16, close_minute: u16) -> Result<DayHours, HoursError> {
        if close_minute > 24 * 60 {
            return Err(HoursError::OutOfDay);
        }
        if open_minute >= close_minute {
            return Err(HoursError::OpenAfterClose);
        }
        Ok(DayHours { open_minute, close_minute })
    }
}

/// A whole-day exceptional closure, `first..=last` in Paris dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closure {
    pub first: Date,
    pub last: Date,
    pub reason: String,
}

impl Closure {
    pub fn new(first: Date, last: Date, reason: &str) -> Result<Closure, HoursError> {
        if last < first {
            return Err(HoursError::ClosureBackwards);
        }
        if reason.trim().is_empty() {
            return Err(HoursError::ClosureWithoutReason);
        }
        Ok(Closure { first, last, reason: reason.trim().to_owned() })
    }
    pub fn covers(&self, day: Date) -> bool {
        self.first <= day && day <= self.last
    }
}

/// Why the line is closed on a day that has opening hours in the week.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClosedBecause<'a> {
    NoHours,
    Holiday(Holiday),
    Closure(&'a Closure),
}

/// Everything that decides when the line is open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceHours {
    /// Index 0 = Monday … 6 = Sunday.
    pub week: [Option<DayHours>; 7],
    /// Whit Monday is the "journée de solidarité": many employers work that day, so whether
    /// it closes the line is a choice; closed by default like every other public holiday.
    pub whit_monday_closed: bool,
    pub closures: Vec<Closure>,
}

impl Default for ServiceHours {
    /// Monday to Friday, 9:00 to 18:00, Whit Monday closed, no closures.
    fn default() -> Self {
        let day = Some(DayHours { open_minute: 9 * 60, close_minute: 18 * 60 });
        ServiceHours { week: [day, day, day, day, day, None, None], whit_monday_closed: true, closures: Vec::new() }
    }
}

/// Monday = 0 … Sunday = 6.
pub fn weekday_index(w: Weekday) -> usize {
    w.to_monday_zero_offset() as usize
}

/// The Paris civil instant `minute` minutes after midnight of `day`, in UTC milliseconds.
/// 24:00 is the next midnight. A time that does not exist (spring-forward gap) moves forward
/// by the gap; an ambiguous one (autumn) takes the first occurrence (jiff's "compatible").
pub fn paris_instant(day: Date, minute: u16) -> Millis {
    let midnight = DateTime::from_parts(day, Time::midnight());
    let dt = midnight.checked_add(i64::from(minute).minutes()).expect("within the calendar");
    paris().to_ambiguous_zoned_datetime(dt).compatible().expect("in range").timestamp().as_millisecond()
}

/// The Paris civil date-time of a UTC instant.
pub fn paris_datetime(t: Millis) -> DateTime {
    Timestamp::from_millisecond(t).unwrap_or(Timestamp::UNIX_EPOCH).to_zoned_datetime(paris().clone()).datetime()
}

/// The Monday (Paris date) of the week holding instant `t`.
pub fn paris_week_monday(t: Millis) -> Date {
    let d = paris_datetime(t).date();
    d.checked_sub((weekday_index(d.weekday()) as i64).days()).expect("in range")
}

impl ServiceHours {
    /// The hours of `day`, or why it is closed.
    pub fn hours_on(&self, day: Date) -> Result<DayHours, ClosedBecause<'_>> {
        let Some(hours) = self.week[weekday_index(day.weekday())] else {
            return Err(ClosedBecause::NoHours);
        };
        if let Some(h) = holiday_on(day)
            && (h != Holiday::WhitMonday || self.whit_monday_closed)
        {
            return Err(ClosedBecause::Holiday(h));
        }
        if let Some(c) = self.closures.iter().find(|c| c.covers(day)) {
            return Err(ClosedBecause::Closure(c));
        }
        Ok(hours)
    }

    /// Whether the line is open at instant `t`.
    pub fn is_open(&self, t: Millis) -> bool {
        let day = paris_datetime(t).date();
        // A day's hours cannot cross midnight, so only that day matters.
        match self.hours_on(day) {
            Ok(h) => paris_instant(day, h.open_minute) <= t && t < paris_instant(day, h.close_minute),
            Err(_) => false,
        }
    }

    /// The next instant at or after `t` when the line opens (or `t` itself if it is open),
    /// looking at most `horizon_days` ahead; `None` if it stays closed all that time.
    pub fn next_opening(&self, t: Millis, horizon_days: u16) -> Option<Millis> {
        if self.is_open(t) {
            return Some(t);
        }
        let mut day = paris_datetime(t).date();
        for _ in 0..=horizon_days {
            if let Ok(h) = self.hours_on(day) {
                let open = paris_instant(day, h.open_minute);
                if open >= t {
                    return Some(open);
                }
            }
            day = day.tomorrow().ok()?;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn utc(s: &str) -> Millis {
        s.parse::<Timestamp>().unwrap().as_millisecond()
    }

    #[test]
    fn nine_in_paris_is_seven_utc_in_summer_and_eight_in_winter() {
        // 2026: summer time starts Sunday 29 March, ends Sunday 25 October.
        assert_eq!(paris_instant(date(2026, 3, 27), 9 * 60), utc("2026-03-27T08:00:00Z"));
        assert_eq!(paris_instant(date(2026, 3, 30), 9 * 60), utc("2026-03-30T07:00:00Z"));
        assert_eq!(paris_instant(date(2026, 10, 23), 9 * 60), utc("2026-10-23T07:00:00Z"));
        assert_eq!(paris_instant(date(2026, 10, 26), 9 * 60), utc("2026-10-26T08:00:00Z"));
    }

    #[test]
    fn open_during_hours_only() {
        let h = ServiceHours::default();
        assert!(h.is_open(utc("2026-03-30T07:00:00Z")));
        assert!(!h.is_open(utc("2026-03-30T06:59:59Z")));
        assert!(h.is_open(utc("2026-03-30T15:59:59Z")));
        assert!(!h.is_open(utc("2026-03-30T16:00:00Z")));
        assert!(!h.is_open(utc("2026-03-28T10:00:00Z")), "Saturday");
        assert!(!h.is_open(utc("2026-04-06T10:00:00Z")), "Easter Monday");
        assert!(h.is_open(utc("2026-10-26T08:30:00Z")));
        assert!(!h.is_open(utc("2026-10-26T07:30:00Z")), "8:30 in Paris after the change");
    }

    #[test]
    fn whit_monday_is_a_setting() {
        let mut h = ServiceHours::default();
        let whit = utc("2026-05-25T10:00:00Z");
        assert!(!h.is_open(whit));
        h.whit_monday_closed = false;
        assert!(h.is_open(whit));
    }

    #[test]
    fn closures_close_whole_days() {
        let mut h = ServiceHours::default();
        h.closures.push(Closure::new(date(2026, 12, 28), date(2026, 12, 31), "fin d'année").unwrap());
        assert!(!h.is_open(utc("2026-12-29T10:00:00Z")));
        assert!(h.is_open(utc("2027-01-04T10:00:00Z")));
        assert_eq!(h.next_opening(utc("2026-12-24T18:00:00Z"), 30), Some(utc("2027-01-04T08:00:00Z")));
        assert!(Closure::new(date(2026, 1, 2), date(2026, 1, 1), "x").is_err());
        assert!(Closure::new(date(2026, 1, 2), date(2026, 1, 2), " ").is_err());
    }

    #[test]
    fn next_opening_across_the_spring_change() {
        let h = ServiceHours::default();
        // Friday 27 March 2026 at 19:00 Paris (winter) → Monday 30 March 9:00 Paris (summer).
        assert_eq!(h.next_opening(utc("2026-03-27T18:00:00Z"), 7), Some(utc("2026-03-30T07:00:00Z")));
        let open = utc("2026-03-30T08:00:00Z");
        assert_eq!(h.next_opening(open, 7), Some(open));
        let never = ServiceHours { week: [None; 7], ..ServiceHours::default() };
        assert_eq!(never.next_opening(open, 30), None);
    }

    #[test]
    fn hours_are_validated() {
        assert_eq!(DayHours::new(600, 540), Err(HoursError::OpenAfterClose));
        assert_eq!(DayHours::new(0, 1441), Err(HoursError::OutOfDay));
        assert!(DayHours::new(0, 1440).is_ok());
    }

    #[test]
    fn week_monday_in_paris() {
        // Sunday 23:30 UTC in summer is already Monday in Paris.
        assert_eq!(paris_week_monday(utc("2026-06-07T22:30:00Z")), date(2026, 6, 8));
        assert_eq!(paris_week_monday(utc("2026-06-07T21:30:00Z")), date(2026, 6, 1));
    }
}
