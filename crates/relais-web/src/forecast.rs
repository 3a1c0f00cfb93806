//! The staffing forecast shown in the coverage grid: for each shift, the rostered number
//! the Erlang C forecast asks for (filled in once the forecast is available).

use crate::state::AppState;
use relais_domain::Millis;
use relais_store::shifts::ShiftView;

/// One entry per shift, `None` where no forecast applies.
pub async fn rostered_for(_state: &AppState, shifts: &[ShiftView], _now: Millis) -> Vec<Option<i64>> {
    vec![None; shifts.len()]
}
