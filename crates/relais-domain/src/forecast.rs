//! The line's history turned into the load of each half-hour of the week, and the average
//! handling time, the two inputs of the staffing forecast (`crate::staffing`).
//!
//! No clock and no time zone here: storage reads the instants, the caller converts each to
//! its Europe/Paris weekday and minute of the day, and these functions only count.

use crate::request::EventKind;
use crate::staffing::{required, Staffing, StaffingError, StaffingInput};
use crate::Millis;

/// Half-hours in a day.
pub const SLOTS_PER_DAY: usize = 48;
/// Half-hours in a week.
pub const SLOTS_PER_WEEK: usize = 7 * SLOTS_PER_DAY;

/// The average number of requests arriving in one half-hour of the week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HalfHourLoad {
    /// 0 = Monday … 6 = Sunday (Europe/Paris).
    pub weekday: u8,
    /// 0 = 00:00–00:30 … 47 = 23:30–24:00 (Europe/Paris wall clock).
    pub slot: u8,
    /// Requests per half-hour, averaged over the weeks looked at.
    pub calls_per_interval: f64,
}

/// A local wall-clock position of an instant: weekday (0 = Monday) and minute of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub weekday: u8,
    pub minute_of_day: u16,
}

/// Averages arrivals per half-hour of the week over `weeks` weeks: one entry per half-hour
/// of the week, Monday 00:00 first. Arrivals outside the range are ignored.
pub fn weekly_profile(arrivals: impl IntoIterator<Item = LocalTime>, weeks: u32) -> Vec<HalfHourLoad> {
    let mut counts = [0u32; SLOTS_PER_WEEK];
    for t in arrivals {
        if t.weekday < 7 && (t.minute_of_day as usize) < 24 * 60 {
            counts[t.weekday as usize * SLOTS_PER_DAY + t.minute_of_day as usize / 30] += 1;
        }
    }
    let weeks = weeks.max(1) as f64;
    counts
        .iter()
        .enumerate()
        .map(|(i, &n)| HalfHourLoad {
            weekday: (i / SLOTS_PER_DAY) as u8,
            slot: (i % SLOTS_PER_DAY) as u8,
            calls_per_interval: n as f64 / weeks,
        })
        .collect()
}

/// One event of a request's timeline, as far as handling time is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineEvent {
    pub request_id: i64,
    pub at: Millis,
    pub kind: EventKind,
}

/// Episodes longer than this are not handling (a volunteer who left the page open): they are
/// left out of the average rather than letting one forgotten tab inflate it.
pub const MAX_EPISODE: Millis = 2 * crate::HOUR;

/// Average handling time in seconds: a volunteer handles a request from the moment it is
/// theirs (claimed or assigned) to the moment their work on it ends with a result (closed,
/// rescheduled after a failed attempt, follow-up scheduled). Episodes ended by a release or
/// a lease expiry measure nothing about handling and are left out. `events` must be sorted by
/// request, then time. `None` when no episode was found.
pub fn average_handling_seconds(events: &[TimelineEvent]) -> Option<f64> {
    average_handling_with_calls(events, &[])
}

/// The same average, counting also calls volunteers took live on the phone line (their
/// talk times, issue 5): those calls are handled without a request, so they have no episode.
pub fn average_handling_with_calls(events: &[TimelineEvent], talk_times: &[Millis]) -> Option<f64> {
    let mut total: i64 = 0;
    let mut episodes: i64 = 0;
    let mut started: Option<(i64, Millis)> = None;
    for e in events {
        match e.kind {
            EventKind::Claimed | EventKind::Assigned => started = Some((e.request_id, e.at)),
            EventKind::Closed | EventKind::Rescheduled | EventKind::FollowUpScheduled => {
                if let Some((id, start)) = started.take()
                    && id == e.request_id
                {
                    let d = e.at - start;
                    if (0..=MAX_EPISODE).contains(&d) {
                        total += d;
                        episodes += 1;
                    }
                }
            }
            EventKind::Released | EventKind::LeaseExpired | EventKind::CancelledByPerson | EventKind::Purged => started = None,
            _ => {}
        }
    }
    for &d in talk_times {
        if (1..=MAX_EPISODE).contains(&d) {
            total += d;
            episodes += 1;
        }
    }
    (episodes > 0).then(|| total as f64 / episodes as f64 / 1000.0)
}

/// What the forecast needs besides the load: the same targets for every half-hour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Targets {
    pub aht_seconds: f64,
    pub target_service_level: f64,
    pub within_seconds: f64,
    pub max_occupancy: Option<f64>,
    pub shrinkage: f64,
}

/// The staffing of one half-hour of the week.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct HalfHourStaffing {
    pub load: HalfHourLoad,
    pub staffing: Staffing,
}

/// Erlang C for every half-hour of a profile.
pub fn staff_profile(profile: &[HalfHourLoad], targets: &Targets) -> Result<Vec<HalfHourStaffing>, StaffingError> {
    profile
        .iter()
        .map(|load| {
            let staffing = required(&StaffingInput {
                calls: load.calls_per_interval,
                aht_seconds: targets.aht_seconds,
                interval_seconds: 1800.0,
                target_service_level: targets.target_service_level,
                within_seconds: targets.within_seconds,
                max_occupancy: targets.max_occupancy,
                shrinkage: targets.shrinkage,
            })?;
            Ok(HalfHourStaffing { load: *load, staffing })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MINUTE;

    fn at(weekday: u8, h: u16, m: u16) -> LocalTime {
        LocalTime { weekday, minute_of_day: h * 60 + m }
    }

    #[test]
    fn profile_averages_per_half_hour_of_the_week() {
        let arrivals = [at(0, 9, 0), at(0, 9, 29), at(0, 9, 30), at(4, 17, 59), at(4, 17, 59), at(6, 23, 59)];
        let p = weekly_profile(arrivals, 2);
        assert_eq!(p.len(), SLOTS_PER_WEEK);
        let get = |wd: u8, slot: u8| p.iter().find(|l| l.weekday == wd && l.slot == slot).unwrap().calls_per_interval;
        assert_eq!(get(0, 18), 1.0, "two arrivals at 9:00–9:30 over two weeks");
        assert_eq!(get(0, 19), 0.5);
        assert_eq!(get(4, 35), 1.0);
        assert_eq!(get(6, 47), 0.5);
        assert_eq!(p.iter().map(|l| l.calls_per_interval).sum::<f64>(), 3.0);
    }

    #[test]
    fn out_of_range_arrivals_are_ignored() {
        let p = weekly_profile([LocalTime { weekday: 7, minute_of_day: 0 }, LocalTime { weekday: 0, minute_of_day: 1440 }], 1);
        assert!(p.iter().all(|l| l.calls_per_interval == 0.0));
    }

    fn ev(request_id: i64, min: i64, kind: EventKind) -> TimelineEvent {
        TimelineEvent { request_id, at: min * MINUTE, kind }
    }

    #[test]
    fn handling_time_counts_episodes_that_end_with_a_result() {
        let events = [
            ev(1, 0, EventKind::Created),
            ev(1, 10, EventKind::Claimed),
            ev(1, 12, EventKind::Attempt),
            ev(1, 14, EventKind::Rescheduled), // 4 min
            ev(1, 60, EventKind::Claimed),
            ev(1, 61, EventKind::Attempt),
            ev(1, 68, EventKind::Closed), // 8 min
            ev(2, 0, EventKind::Assigned),
            ev(2, 30, EventKind::LeaseExpired), // not handling
            ev(2, 40, EventKind::Claimed),
            ev(2, 41, EventKind::Released), // not handling
            ev(3, 0, EventKind::Claimed),
            ev(3, 300, EventKind::Closed), // 5 h: a forgotten tab
        ];
        assert_eq!(average_handling_seconds(&events), Some(6.0 * 60.0));
    }

    #[test]
    fn an_end_without_a_start_on_the_same_request_is_ignored() {
        let events = [ev(1, 0, EventKind::Claimed), ev(2, 5, EventKind::Closed)];
        assert_eq!(average_handling_seconds(&events), None);
    }

    #[test]
    fn profile_staffing_uses_erlang_c_per_half_hour() {
        let mut profile = weekly_profile([], 1);
        profile[18].calls_per_interval = 100.0;
        let t = Targets { aht_seconds: 180.0, target_service_level: 0.8, within_seconds: 20.0, max_occupancy: None, shrinkage: 0.3 };
        let s = staff_profile(&profile, &t).unwrap();
        assert_eq!(s[18].staffing.agents, 14);
        assert_eq!(s[18].staffing.rostered, 20);
        assert_eq!(s[0].staffing.agents, 0);
    }
}
