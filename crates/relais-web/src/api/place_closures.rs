//! Temporary closures on search results (`/api/v1/places` and `/lieux`): a place closed
//! until a date carries `closed_until` and is never "open now", whatever its hours say.
//! Kept apart from `run_search` so the search itself stays one ranking over the places;
//! this is one read of the (few) closures in effect, applied to the hits.

use super::places::PlaceSearchDto;
use crate::error::ApiError;
use crate::state::AppState;

/// Marks the closed hits; with `open_now_only`, drops them (they are not open now).
pub async fn apply(state: &AppState, found: &mut PlaceSearchDto, open_now_only: bool) -> Result<(), ApiError> {
    let today = relais_directory::editing::paris_today(crate::now_ms()).to_string();
    let closures = state.store.place_closures(&today).await?;
    if closures.is_empty() {
        return Ok(());
    }
    for hit in &mut found.places {
        if let Some(until) = closures.get(&hit.id) {
            hit.closed_until = Some(until.clone());
            hit.open_now = Some(false);
        }
    }
    if open_now_only {
        found.places.retain(|h| h.closed_until.is_none());
    }
    Ok(())
}
