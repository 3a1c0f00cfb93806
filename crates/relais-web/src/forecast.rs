//! The staffing forecast shown in the coverage grid: for each shift, the rostered number
//! the Erlang C forecast (`relais_domain::forecast`, `relais_domain::staffing`) asks for
//! in the busiest half-hour the shift covers, from the last `HISTORY_WEEKS` weeks of the
//! line's own history. No history (no request or no handled request): no forecast, and
//! the grid falls back on the wanted numbers alone.

use crate::state::AppState;
use relais_domain::forecast::{staff_profile, Targets, SLOTS_PER_DAY};
use relais_domain::{Millis, MINUTE};
use relais_store::forecast::{local_time, paris};
use relais_store::shifts::ShiftView;

/// Weeks of history the forecast averages (as `relais staffing --from-history`).
pub const HISTORY_WEEKS: u32 = 8;

/// The targets of the grid's forecast: the defaults of `relais staffing` (80 % answered
/// within 20 s, no occupancy cap, no shrinkage).
pub fn grid_targets(aht_seconds: f64) -> Targets {
    Targets { aht_seconds, target_service_level: 0.8, within_seconds: 20.0, max_occupancy: None, shrinkage: 0.0 }
}

/// One entry per shift, `None` where no forecast applies.
pub async fn rostered_for(state: &AppState, shifts: &[ShiftView], now: Millis) -> Vec<Option<i64>> {
    let none = vec![None; shifts.len()];
    if shifts.is_empty() {
        return none;
    }
    let profile = match state.store.arrival_profile(now, HISTORY_WEEKS).await {
        Ok(p) if p.iter().any(|l| l.calls_per_interval > 0.0) => p,
        Ok(_) => return none,
        Err(e) => {
            tracing::warn!(error = %e, "coverage forecast: history unavailable");
            return none;
        }
    };
    let aht = match state.store.average_handling_seconds(now, HISTORY_WEEKS).await {
        Ok(Some(a)) => a,
        Ok(None) => return none,
        Err(e) => {
            tracing::warn!(error = %e, "coverage forecast: handling time unavailable");
            return none;
        }
    };
    let Ok(rows) = staff_profile(&profile, &grid_targets(aht)) else { return none };
    let tz = paris();
    shifts
        .iter()
        .map(|s| {
            let mut t = s.starts_at;
            let mut most: Option<i64> = None;
            while t < s.ends_at {
                if let Some(lt) = local_time(t, &tz) {
                    let index = lt.weekday as usize * SLOTS_PER_DAY + (lt.minute_of_day / 30) as usize;
                    if let Some(r) = rows.get(index) {
                        most = Some(most.unwrap_or(0).max(i64::from(r.staffing.rostered)));
                    }
                }
                t += 30 * MINUTE;
            }
            most
        })
        .collect()
}
