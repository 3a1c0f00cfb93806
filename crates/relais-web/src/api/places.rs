//! The directory of places as open data: export in the LMN schema v1.0.2. Public, like the
//! national cartography it feeds (places are organisations, no personal data).

use crate::error::{ApiError, Problem};
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

#[derive(Debug, Deserialize, utoipa::IntoParams)]
pub struct ExportParams {
    /// `lmn-csv` (default) or `lmn-json`.
    pub format: Option<String>,
}

/// Every place of the directory in the lieux-de-médiation-numérique schema.
#[utoipa::path(get, path = "/api/v1/places/export", params(ExportParams), tag = "places",
    responses((status = 200, description = "CSV (text/csv) or JSON array"), (status = 400, body = Problem)))]
pub async fn export(State(state): State<AppState>, Query(p): Query<ExportParams>) -> Result<Response, ApiError> {
    let format = p.format.as_deref().unwrap_or("lmn-csv");
    if format != "lmn-csv" && format != "lmn-json" {
        return Err(ApiError::field("format", "unknown_format", format!("{format:?}: use lmn-csv or lmn-json")));
    }
    let places = state.store.places().await?;
    Ok(if format == "lmn-csv" {
        ([(header::CONTENT_TYPE, "text/csv; charset=utf-8")], relais_directory::export::to_csv(&places)).into_response()
    } else {
        axum::Json(relais_directory::export::to_json(&places)).into_response()
    })
}
