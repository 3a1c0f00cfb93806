//! Stylesheet, script and pictograms, embedded in the binary.

use crate::state::AppState;
use axum::extract::Path;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

#[derive(rust_embed::RustEmbed)]
#[folder = "static/"]
struct Assets;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/static/{*path}", get(asset))
        // Step pictograms of the tutorials, from the shipped content.
        .route("/pictogrammes/{file}", get(crate::pages::tutorials::pictogram))
}

async fn asset(Path(path): Path<String>) -> Response {
    let Some(file) = Assets::get(&path) else { return StatusCode::NOT_FOUND.into_response() };
    let mime = match path.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    };
    let mut res = file.data.into_owned().into_response();
    res.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(mime));
    res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
    res
}
