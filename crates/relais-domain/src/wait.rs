//! The wait a person is told to expect, from the queue ahead of them and the recent pace of
//! first callbacks. When nothing was called back recently there is no honest basis for a
//! figure, and the estimate says so instead of inventing one.

use crate::{Millis, MINUTE};
use serde::Serialize;

/// How far back the pace of first callbacks is measured.
pub const PACE_WINDOW: Millis = 60 * MINUTE;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WaitEstimate {
    /// A range in whole minutes, rounded to steps a person can hold on to.
    Minutes { low: i64, high: i64 },
    /// No first callback in the window: no basis for a figure.
    Unknown,
}

/// `ahead`: requests that will be served before this one (it included counts as one more).
/// `first_callbacks_in_window`: first callbacks made during the last [`PACE_WINDOW`].
pub fn estimate(ahead: i64, first_callbacks_in_window: i64) -> WaitEstimate {
    if first_callbacks_in_window <= 0 {
        return WaitEstimate::Unknown;
    }
    let per_minute = first_callbacks_in_window as f64 / (PACE_WINDOW / MINUTE) as f64;
    let minutes = (ahead.max(0) + 1) as f64 / per_minute;
    let low = round_step(minutes * 0.75, false);
    let high = round_step(minutes * 1.5, true).max(low + 5);
    WaitEstimate::Minutes { low, high }
}

fn round_step(m: f64, up: bool) -> i64 {
    let step = if m < 60.0 { 5.0 } else { 15.0 };
    let v = if up { (m / step).ceil() * step } else { (m / step).floor() * step };
    v.max(0.0) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_recent_callback_means_no_figure() {
        assert_eq!(estimate(10, 0), WaitEstimate::Unknown);
    }

    #[test]
    fn estimate_grows_with_the_queue_and_shrinks_with_the_pace() {
        // 12 first callbacks an hour = one every 5 minutes; 5 ahead + me = 30 minutes.
        let WaitEstimate::Minutes { low, high } = estimate(5, 12) else { panic!() };
        assert!(low <= 30 && 30 <= high, "{low}-{high}");
        let WaitEstimate::Minutes { low: l2, .. } = estimate(50, 12) else { panic!() };
        assert!(l2 > low);
        let WaitEstimate::Minutes { high: h3, .. } = estimate(5, 120) else { panic!() };
        assert!(h3 < high);
    }

    #[test]
    fn ranges_are_rounded_and_never_empty() {
        let WaitEstimate::Minutes { low, high } = estimate(0, 600) else { panic!() };
        assert_eq!(low % 5, 0);
        assert_eq!(high % 5, 0);
        assert!(high > low);
    }
}
