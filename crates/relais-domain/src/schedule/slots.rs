//! Shift slots cut from the opening hours: each open day is cut into slots of a set length
//! starting at the opening time, the last one clipped at the closing time; closed days
//! (no hours, public holiday, closure) get none.

use super::hours::{ServiceHours, paris_instant};
use crate::Millis;
use jiff::civil::Date;

/// A slot in UTC milliseconds, `start < end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Slot {
    pub start: Millis,
    pub end: Millis,
}

impl Slot {
    pub fn duration(self) -> Millis {
        self.end - self.start
    }
    pub fn overlaps(self, other: Slot) -> bool {
        self.start < other.end && other.start < self.end
    }
    pub fn contains(self, t: Millis) -> bool {
        self.start <= t && t < self.end
    }
}

/// The slots of the `days` Paris days starting at `first_day`, `slot_minutes` long
/// (clamped to at least 15 minutes so a bad setting cannot explode the count).
pub fn generate_slots(hours: &ServiceHours, first_day: Date, days: u16, slot_minutes: u16) -> Vec<Slot> {
    let length = slot_minutes.max(15);
    let mut out = Vec::new();
    let mut day = first_day;
    for _ in 0..days {
        if let Ok(h) = hours.hours_on(day) {
            let mut from = h.open_minute;
            // Clipped at the closing instant too: a local time in the spring-forward gap
            // moves forward by an hour and could otherwise land after the close.
            let close = paris_instant(day, h.close_minute);
            // And never before the opening instant, as `ServiceHours::is_open` reads it: an
            // opening time inside the spring-forward gap opens an hour later (proptest case
            // in proptest-regressions: open 02:26, close 03:01 on the night of the change).
            let open_at = paris_instant(day, h.open_minute);
            while from < h.close_minute {
                let to = from.saturating_add(length).min(h.close_minute);
                // …and never before the previous slot's end (times in the gap map onto the
                // hour after it).
                let floor = out.last().map_or(i64::MIN, |s: &Slot| s.end);
                let slot = Slot { start: paris_instant(day, from).max(open_at).min(close).max(floor), end: paris_instant(day, to).min(close) };
                // A slot falling wholly in a spring-forward gap would be empty: skip it.
                if slot.start < slot.end {
                    out.push(slot);
                }
                from = to;
            }
        }
        match day.tomorrow() {
            Ok(d) => day = d,
            Err(_) => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::HOUR;
    use crate::schedule::hours::{Closure, DayHours};
    use jiff::Timestamp;
    use jiff::civil::date;
    use proptest::prelude::*;

    fn utc(s: &str) -> Millis {
        s.parse::<Timestamp>().unwrap().as_millisecond()
    }

    #[test]
    fn default_week_has_five_days_of_two_hour_slots_clipped_at_six() {
        // Week of Monday 30 March 2026 (first week of summer time).
        let slots = generate_slots(&ServiceHours::default(), date(2026, 3, 30), 7, 120);
        assert_eq!(slots.len(), 5 * 5);
        assert_eq!(slots[0], Slot { start: utc("2026-03-30T07:00:00Z"), end: utc("2026-03-30T09:00:00Z") });
        assert_eq!(slots[4], Slot { start: utc("2026-03-30T15:00:00Z"), end: utc("2026-03-30T16:00:00Z") }, "17:00–18:00 clipped");
        assert_eq!(slots[4].duration(), HOUR);
    }

    #[test]
    fn monday_after_each_change_starts_at_the_right_utc_hour() {
        let spring = generate_slots(&ServiceHours::default(), date(2026, 3, 27), 4, 120);
        assert_eq!(spring[0].start, utc("2026-03-27T08:00:00Z"), "Friday before: winter time");
        assert_eq!(spring[5].start, utc("2026-03-30T07:00:00Z"), "Monday after: summer time");
        let autumn = generate_slots(&ServiceHours::default(), date(2026, 10, 23), 4, 120);
        assert_eq!(autumn[0].start, utc("2026-10-23T07:00:00Z"));
        assert_eq!(autumn[5].start, utc("2026-10-26T08:00:00Z"));
    }

    #[test]
    fn slots_across_the_change_nights_keep_local_boundaries() {
        let mut h = ServiceHours::default();
        h.week[6] = Some(DayHours::new(0, 6 * 60).unwrap());
        let spring: Vec<_> = generate_slots(&h, date(2026, 3, 29), 1, 120);
        // 0:00–2:00 CET, then 2:00 (does not exist: 3:00 CEST)–4:00 CEST, 4:00–6:00 CEST.
        assert_eq!(spring.iter().map(|s| s.duration() / HOUR).collect::<Vec<_>>(), vec![2, 1, 2]);
        assert_eq!(spring[0].start, utc("2026-03-28T23:00:00Z"));
        assert_eq!(spring[2].end, utc("2026-03-29T04:00:00Z"));
        let autumn: Vec<_> = generate_slots(&h, date(2026, 10, 25), 1, 120);
        // 2:00 happens twice: the slot 2:00–4:00 starts at the first one and lasts 3 hours.
        assert_eq!(autumn.iter().map(|s| s.duration() / HOUR).collect::<Vec<_>>(), vec![2, 3, 2]);
        assert_eq!(autumn[0].start, utc("2026-10-24T22:00:00Z"));
        assert_eq!(autumn[2].end, utc("2026-10-25T05:00:00Z"));
    }

    #[test]
    fn no_slots_on_holidays_and_closures() {
        let mut h = ServiceHours::default();
        // Week of Easter Monday 2026 (6 April): four open days.
        assert_eq!(generate_slots(&h, date(2026, 4, 6), 7, 120).len(), 4 * 5);
        h.closures.push(Closure::new(date(2026, 4, 8), date(2026, 4, 9), "formation").unwrap());
        assert_eq!(generate_slots(&h, date(2026, 4, 6), 7, 120).len(), 2 * 5);
    }

    proptest! {
        #[test]
        fn slots_are_ordered_disjoint_and_within_hours(
            start_day in 0i64..3650, len in 15u16..300, open in 0u16..1380, width in 15u16..600,
        ) {
            let close = (open + width).min(1440);
            let mut h = ServiceHours::default();
            for d in h.week.iter_mut() { *d = Some(DayHours::new(open, close).unwrap()); }
            let first = date(2024, 1, 1).checked_add(jiff::Span::new().days(start_day)).unwrap();
            let slots = generate_slots(&h, first, 7, len);
            for w in slots.windows(2) {
                prop_assert!(w[0].end <= w[1].start);
            }
            for s in &slots {
                prop_assert!(s.start < s.end);
                prop_assert!(h.is_open(s.start));
                prop_assert!(h.is_open(s.end - 1));
            }
        }
    }
}
