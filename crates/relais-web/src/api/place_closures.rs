//! Temporary closures on search results (`/api/v1/places` and `/lieux`): a place closed
//! until a date carries `closed_until` and is never "open now", whatever its hours say.
//! Kept apart from `run_search` so the search itself stays one ranking over the places;
//! the closures come with the instance's snapshot (`crate::directory`), no database read.

use super::places::PlaceSearchDto;
use std::collections::HashMap;

/// Marks the closed hits (a closure is in effect through its last day, `until >= today`,
/// both `YYYY-MM-DD` in Paris); with `open_now_only`, drops them (they are not open now).
pub fn apply(closures: &HashMap<String, String>, today: &str, found: &mut PlaceSearchDto, open_now_only: bool) {
    if closures.is_empty() {
        return;
    }
    for hit in &mut found.places {
        if let Some(until) = closures.get(&hit.id).filter(|until| until.as_str() >= today) {
            hit.closed_until = Some(until.clone());
            hit.open_now = Some(false);
        }
    }
    if open_now_only {
        found.places.retain(|h| h.closed_until.is_none());
    }
}
